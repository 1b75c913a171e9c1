//! The eval runner: every solver on every pair (train and test) of its own task, then a [`Report`].
//!
//! Work is one job per (task, pair). The solve phase runs the jobs in parallel with rayon, one
//! [`Ctx`] per worker thread, each sample under a step budget and inside `catch_unwind`, so a
//! solver that fails, runs out of steps or panics loses only that sample. The verify phase compares
//! each output with the expected grid. Results are collected in job order and keyed by task id in
//! `BTreeMap`s, so a report does not depend on the thread count (timings aside).

use std::any::Any;
use std::cell::{Cell as StdCell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;
use std::time::{Duration, Instant};

use kernels::{Ctx, Limits, Value};
use serde::Serialize;
use solvers::{Solver, SolverFn};
use thiserror::Error;

use crate::device::{Device, DeviceChoice, GpuUnavailable};
use crate::exec::{execute, CostModel, ExecError, ExecOptions, ExecRun, Job};
use crate::load::{LoadIssue, Loaded};
use crate::task::{PairKind, Task, TaskGrid};

/// How to run an eval.
#[derive(Clone, Debug)]
pub struct EvalOptions {
    /// `--device`.
    pub device: DeviceChoice,
    /// `--threads`: the size of a dedicated rayon pool (`None`: rayon's global pool).
    pub threads: Option<usize>,
    /// The per-sample bounds (step budget, largest grid).
    pub limits: Limits,
    /// What `--device auto` believes each device costs.
    pub cost: CostModel,
    /// Advanced by the samples finished (see [`ExecOptions::progress`]).
    pub progress: Option<indicatif::ProgressBar>,
}

impl EvalOptions {
    /// The number of worker threads a run with these options uses.
    pub fn thread_count(&self) -> usize {
        self.threads.unwrap_or_else(rayon::current_num_threads)
    }
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            device: DeviceChoice::Auto,
            threads: None,
            limits: Limits::default(),
            cost: CostModel::default(),
            progress: None,
        }
    }
}

/// Why an eval could not run at all.
#[derive(Debug, Error)]
pub enum EvalError {
    #[error(transparent)]
    Gpu(#[from] GpuUnavailable),
    #[error("cannot start {threads} worker threads: {why}")]
    Threads { threads: usize, why: String },
}

/// A solver's output grid, copied out of the sample's arena. Unlike a [`TaskGrid`] it may be empty,
/// larger than 30x30 or hold colours above 9 (such an output is simply wrong).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutGrid {
    pub h: usize,
    pub w: usize,
    pub cells: Vec<u8>,
}

impl OutGrid {
    /// The colour at row `i`, column `j`, if inside the grid.
    pub fn get(&self, i: usize, j: usize) -> Option<u8> {
        (i < self.h && j < self.w).then(|| self.cells[i * self.w + j])
    }
    /// Whether ARC allows this grid (1 to 30 rows and columns): only such a grid can be an answer
    /// or come from the GPU, whose output slot is 30x30.
    pub fn is_arc_grid(&self) -> bool {
        (1..=30).contains(&self.h) && (1..=30).contains(&self.w)
    }
    /// Whether this is exactly `expected`.
    pub fn matches(&self, expected: &TaskGrid) -> bool {
        self.h == expected.height() && self.w == expected.width() && self.cells == expected.cells()
    }
}

/// How one sample went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The output equals the expected grid.
    Correct,
    /// The solver returned a grid, but not the expected one (a result, not an error).
    Wrong,
    /// The solver failed, ran out of steps, panicked, returned a non-grid, or there was nothing to
    /// compare with.
    Error(String),
}

/// One sample's run: which pair, the solver's output (or its error) and the verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleRun {
    pub kind: PairKind,
    pub index: usize,
    pub output: Result<OutGrid, String>,
    pub outcome: Outcome,
}

thread_local! {
    /// Set while a solver runs on this thread: its panics are reported in the sample, not on stderr.
    static IN_SOLVER: StdCell<bool> = const { StdCell::new(false) };
    /// Where the last solver panic on this thread happened.
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs (once) a panic hook that keeps solver panics quiet and records where they happened;
/// every other panic goes to the previous hook.
fn quiet_solver_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if IN_SOLVER.with(StdCell::get) {
                let at = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
                PANIC_AT.with(|p| *p.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
}

fn panic_text(payload: &(dyn Any + Send)) -> String {
    let msg = if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-text panic payload".to_string()
    };
    match PANIC_AT.with(|p| p.borrow_mut().take()) {
        Some(at) => format!("solver panicked at {at}: {msg}"),
        None => format!("solver panicked: {msg}"),
    }
}

/// Runs `solver` on `input` in `ctx` (reset before and after): the output grid, or why there is none.
/// Never panics: a panicking solver becomes an error.
pub fn run_solver(ctx: &mut Ctx, solver: SolverFn, input: &TaskGrid) -> Result<OutGrid, String> {
    quiet_solver_panics();
    ctx.reset();
    IN_SOLVER.with(|f| f.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let c: &Ctx = ctx;
        let grid = c.grid_from(input.height() as u32, input.width() as u32, input.cells());
        let out = solver(c, Value::Grid(grid));
        if let Some(fail) = c.status() {
            return Err(fail.to_string());
        }
        match out.grid(c, "output") {
            Ok(g) if g.cells.len() == g.h as usize * g.w as usize => {
                Ok(OutGrid { h: g.h as usize, w: g.w as usize, cells: g.cells.to_vec() })
            }
            Ok(g) => Err(format!("returned a malformed {}x{} grid of {} cells", g.h, g.w, g.cells.len())),
            Err(_) => Err(format!("output is {}, not a grid", out.kind_name())),
        }
    }));
    IN_SOLVER.with(|f| f.set(false));
    ctx.reset();
    result.unwrap_or_else(|payload| Err(panic_text(payload.as_ref())))
}

/// The verdict on one output.
pub fn verify(output: &Result<OutGrid, String>, expected: Option<&TaskGrid>) -> Outcome {
    match (output, expected) {
        (Err(e), _) => Outcome::Error(e.clone()),
        (Ok(_), None) => Outcome::Error("no expected output to compare with".to_string()),
        (Ok(g), Some(e)) if g.matches(e) => Outcome::Correct,
        (Ok(_), Some(_)) => Outcome::Wrong,
    }
}

/// Runs `solver` on every pair of `task`, in order, on this thread (for `show` and tests).
pub fn run_task(task: &Task, solver: SolverFn, limits: Limits) -> Vec<SampleRun> {
    let mut ctx = Ctx::new(limits);
    task.samples()
        .map(|(kind, index, pair)| {
            let output = run_solver(&mut ctx, solver, &pair.input);
            let outcome = verify(&output, pair.output.as_ref());
            SampleRun { kind, index, output, outcome }
        })
        .collect()
}

/// Milliseconds spent per phase.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Timing {
    /// Finding, reading and validating the data.
    pub load: f64,
    /// Uploading inputs to the GPUs (0 on the CPU).
    pub transfer: f64,
    /// Running the solvers (CPU and GPUs, redo included).
    pub solve: f64,
    /// Comparing outputs with the expected grids.
    pub verify: f64,
    pub total: f64,
}

fn ms(d: Duration) -> f64 {
    ms_f(d.as_secs_f64() * 1e3)
}

/// Milliseconds rounded to the microsecond.
fn ms_f(x: f64) -> f64 {
    (x * 1e3).round() / 1e3
}

/// One task's line in the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TaskReport {
    /// The solver's function name, `null` when the task has none.
    pub solver: Option<&'static str>,
    /// Every pair (train and test) correct.
    pub solved: bool,
    /// Pairs run.
    pub samples: usize,
    /// Pairs whose output was exactly right.
    pub correct: usize,
    /// Pairs whose run errored (failure, step limit, panic, non-grid output).
    pub errored: usize,
    /// Where the samples ran (`null` when nothing ran).
    pub device: Option<Device>,
    /// Samples redone on the CPU after a GPU problem.
    pub fallbacks: usize,
    /// Why they were redone (the GPU's status, e.g. "step limit exceeded"), with counts.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fallback_reasons: BTreeMap<String, usize>,
    /// The first error, as `<train|test> pair <n>: <what>`.
    pub error: Option<String>,
}

/// Where the data came from, as reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DataInfo {
    pub path: String,
    pub format: String,
}

/// The result of an eval run (`--json` writes it).
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Tasks loaded.
    pub tasks_total: usize,
    /// Loaded tasks with a registered solver.
    pub tasks_with_solver: usize,
    /// Tasks whose solver got every pair right.
    pub tasks_solved: usize,
    /// Pairs run.
    pub samples: usize,
    pub samples_correct: usize,
    pub samples_errored: usize,
    /// Samples whose output came from a GPU.
    pub samples_on_gpu: usize,
    /// Samples a GPU gave back and the CPU redid.
    pub fallbacks: usize,
    /// Why, with counts (the same per task in `tasks`).
    pub fallback_reasons: BTreeMap<String, usize>,
    /// The GPUs used, e.g. "GPU 0: NVIDIA H100 80GB HBM3".
    pub gpus: Vec<String>,
    /// `gpu` when any GPU ran samples, else `cpu`.
    pub device: Device,
    /// Why `auto` did not use the GPU, if it did not.
    pub device_note: Option<String>,
    pub timing_ms: Timing,
    pub data: DataInfo,
    /// Every loaded task, by id.
    pub tasks: BTreeMap<String, TaskReport>,
    /// The input that was rejected while loading.
    pub rejected: Vec<LoadIssue>,
}

impl Report {
    /// Whether everything went through: no rejected input and no errored sample (wrong answers are
    /// results, not errors).
    pub fn all_good(&self) -> bool {
        self.rejected.is_empty() && self.samples_errored == 0
    }
}

struct Sample<'t> {
    task: usize,
    kind: PairKind,
    index: usize,
    expected: Option<&'t TaskGrid>,
}

/// Runs every solver of `solvers` on all pairs of its own task in `loaded` and reports.
pub fn evaluate(loaded: &Loaded, solvers: &[Solver], opts: &EvalOptions) -> Result<Report, EvalError> {
    let start = Instant::now();
    let mut by_task: HashMap<&str, &Solver> = HashMap::new();
    for s in solvers {
        by_task.entry(s.task).or_insert(s);
    }
    // Work for the executor: one input and one job per (task, pair).
    let mut used: Vec<Solver> = Vec::new();
    let mut inputs: Vec<&TaskGrid> = Vec::new();
    let mut jobs: Vec<Job> = Vec::new();
    let mut samples: Vec<Sample> = Vec::new();
    for (t, task) in loaded.tasks.iter().enumerate() {
        if let Some(s) = by_task.get(task.id.as_str()) {
            used.push(**s);
            for (kind, index, pair) in task.samples() {
                jobs.push(Job { solver: used.len() as u32 - 1, input: inputs.len() as u32 });
                inputs.push(&pair.input);
                samples.push(Sample { task: t, kind, index, expected: pair.output.as_ref() });
            }
        }
    }
    let exec_opts = ExecOptions {
        device: opts.device,
        threads: opts.threads,
        limits: opts.limits,
        cost: opts.cost.clone(),
        progress: opts.progress.clone(),
        // eval reports each failure with the CPU's exact text
        gpu_verdicts: false,
    };
    let solve_start = Instant::now();
    let run = match execute(&used, &inputs, &jobs, &exec_opts) {
        Ok(run) => run,
        Err(ExecError::Gpu(g)) => return Err(EvalError::Gpu(g)),
        Err(ExecError::Threads { threads, why }) => return Err(EvalError::Threads { threads, why }),
    };
    let solve_time = solve_start.elapsed();
    let ExecRun { outputs, ran_on, fallback, .. } = &run;
    let used_device = if run.gpus.is_empty() { Device::Cpu } else { Device::Gpu };

    let verify_start = Instant::now();
    let outcomes: Vec<Outcome> =
        samples.iter().zip(outputs).map(|(j, out)| verify(out, j.expected)).collect();
    let verify_time = verify_start.elapsed();

    let mut tasks: BTreeMap<String, TaskReport> = loaded
        .tasks
        .iter()
        .map(|t| {
            let solver = by_task.get(t.id.as_str()).map(|s| s.name);
            let r = TaskReport {
                solver,
                solved: false,
                samples: 0,
                correct: 0,
                errored: 0,
                device: None,
                fallbacks: 0,
                fallback_reasons: BTreeMap::new(),
                error: None,
            };
            (t.id.clone(), r)
        })
        .collect();
    for (k, (j, outcome)) in samples.iter().zip(&outcomes).enumerate() {
        let Some(r) = tasks.get_mut(&loaded.tasks[j.task].id) else { continue };
        r.samples += 1;
        // A task is reported on the GPU when any of its samples ran there.
        if r.device != Some(Device::Gpu) {
            r.device = Some(ran_on[k]);
        }
        if let Some(why) = &fallback[k] {
            r.fallbacks += 1;
            *r.fallback_reasons.entry(why.clone()).or_default() += 1;
        }
        match outcome {
            Outcome::Correct => r.correct += 1,
            Outcome::Wrong => {}
            Outcome::Error(e) => {
                r.errored += 1;
                if r.error.is_none() {
                    r.error = Some(format!("{} pair {}: {e}", j.kind, j.index));
                }
            }
        }
    }
    for r in tasks.values_mut() {
        r.solved = r.samples > 0 && r.correct == r.samples;
    }

    let with_solver: Vec<&TaskReport> = tasks.values().filter(|r| r.solver.is_some()).collect();
    let load = loaded.elapsed;
    Ok(Report {
        tasks_total: loaded.tasks.len(),
        tasks_with_solver: with_solver.len(),
        tasks_solved: with_solver.iter().filter(|r| r.solved).count(),
        samples: samples.len(),
        samples_on_gpu: run.samples_on(Device::Gpu),
        fallbacks: run.fallbacks(),
        fallback_reasons: fallback.iter().flatten().fold(BTreeMap::new(), |mut m, why| {
            *m.entry(why.clone()).or_default() += 1;
            m
        }),
        gpus: run.gpus.clone(),
        samples_correct: outcomes.iter().filter(|o| **o == Outcome::Correct).count(),
        samples_errored: outcomes.iter().filter(|o| matches!(o, Outcome::Error(_))).count(),
        device: used_device,
        device_note: run.device_note.clone(),
        timing_ms: Timing {
            load: ms(load),
            transfer: ms_f(run.profile.transfer),
            solve: ms(solve_time) - ms_f(run.profile.transfer),
            verify: ms(verify_time),
            total: ms(load + start.elapsed()),
        },
        data: DataInfo {
            path: crate::load::shown(&loaded.path),
            format: match crate::submission::outputs_note(loaded) {
                Some(note) => format!("{}; {note}", loaded.kind),
                None => loaded.kind.to_string(),
            },
        },
        tasks,
        rejected: loaded.issues.clone(),
    })
}
