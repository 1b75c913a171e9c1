//! The eval runner: every solver on every pair (train and test) of its own task, then a [`Report`].
//!
//! Work is one job per (task, pair). The solve phase runs the jobs through the executor
//! ([`crate::execute`]), each sample under a step budget and inside `catch_unwind`, so a solver that
//! fails, runs out of steps or panics loses only that sample. The verify phase compares each output
//! with the expected grid ([`verify`]). Results are collected in job order and keyed by task id in
//! `BTreeMap`s, so a report does not depend on the thread count (timings aside).

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use serde::Serialize;
use solvers::Solver;
use thiserror::Error;

use crate::backends::gpu::execute;
use crate::data::load::{LoadIssue, Loaded};
use crate::data::task::{PairKind, TaskGrid};
use crate::engine::device::Device;
use crate::engine::exec::{ExecError, ExecOptions, ExecRun, Job};
use crate::engine::sample::{verify, OutGrid, Outcome};

/// Why an eval could not run at all.
#[derive(Debug, Error)]
pub enum EvalError {
    /// The executor could not start (`--device gpu` without a usable GPU, no worker threads), or the
    /// run was cancelled.
    #[error(transparent)]
    Exec(#[from] ExecError),
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
    /// Every sample's output (or failure), in task and pair order; `--outputs` writes them.
    #[serde(skip)]
    pub outputs: Vec<SampleOutput>,
}

/// One sample's output as `eval --outputs` writes it: which task and pair, and the solver's grid or
/// why there is none. Lets other tools (scripts/reference-diff) compare outputs, not just verdicts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleOutput {
    pub task: String,
    pub kind: PairKind,
    pub index: usize,
    pub output: Result<OutGrid, String>,
}

impl SampleOutput {
    /// One JSON line: `{"task","kind","index","output":[[...]]}` or `{...,"error":"..."}`.
    pub fn to_json_line(&self) -> String {
        let mut v = serde_json::json!({"task": self.task, "kind": self.kind, "index": self.index});
        match &self.output {
            Ok(g) => {
                let rows: Vec<&[u8]> = if g.w == 0 { vec![&[]; g.h] } else { g.cells.chunks(g.w).collect() };
                v["output"] = serde_json::json!(rows);
            }
            Err(e) => v["error"] = serde_json::json!(e),
        }
        v.to_string()
    }
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

/// Runs every solver of `solvers` on all pairs of its own task in `loaded` and reports. `opts` go to
/// the executor as they are: leave [`ExecOptions::gpu_verdicts`] off (the default) for the CPU's exact
/// error texts.
pub fn evaluate(loaded: &Loaded, solvers: &[Solver], opts: &ExecOptions) -> Result<Report, EvalError> {
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
    let solve_start = Instant::now();
    let run = execute(&used, &inputs, &jobs, opts)?;
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
            path: crate::data::load::shown(&loaded.path),
            format: match crate::data::submission::outputs_note(loaded) {
                Some(note) => format!("{}; {note}", loaded.kind),
                None => loaded.kind.to_string(),
            },
        },
        tasks,
        rejected: loaded.issues.clone(),
        outputs: samples
            .iter()
            .zip(outputs)
            .map(|(j, output)| SampleOutput {
                task: loaded.tasks[j.task].id.clone(),
                kind: j.kind,
                index: j.index,
                output: output.clone(),
            })
            .collect(),
    })
}
