//! `arcforge run`: programs read at run time (arc-dsl Python, `#[solver]` Rust, JSON lines) on the
//! demonstrations of their tasks, verified, with a submission from those that fit and a report per
//! program.
//!
//! Pairing: a program that names a task (`solve_<id>`, `#[solver("<id>")]`, a JSON line's `task`)
//! runs on that task; one that names none runs on every loaded task; `every_task` runs every program
//! on every task. All pairs go to the engine in one run, as compiled solvers do, under the same step
//! budget, failure record and `catch_unwind`. Unless the device is the CPU, the programs are first
//! compiled for the GPUs of the run (`--gpus`) with NVRTC and loaded there
//! ([`program_kernels`](crate::backends::program_kernels)); the engine then shares their batches
//! between the GPUs and the CPU as it shares compiled solvers', and redoes on the CPU whatever a GPU
//! gives back. A failure every device shares (Python raises, the step budget) is taken as the GPU's
//! verdict, as `solve` takes it; only the failure a report shows in full, a pair's first missed
//! demonstration, is run again on the CPU, so every message in the report is the interpreter's,
//! with its `line:column` (and so is every output the GPU calls no ARC grid, which the CPU reports
//! as a wrong grid).
//!
//! On the CPU the programs are interpreted, or, where enough calls pay for a compile (or the cache
//! holds one), also compiled for the host with its C++ compiler
//! ([`host_programs`](crate::backends::host_programs)): each program's samples then take the typed
//! path or the interpreter, whichever is measured faster for it; its verdicts are taken and
//! re-run like the GPU's.
//!
//! Candidates and the submission follow `solve` exactly ([`crate::data::submission`]): a program that
//! reproduces every demonstration is a candidate; a task's candidates rank the programs naming it
//! first, then input order; attempt 2 is the next differing answer; a test input without an answer
//! repeats itself. So the registered solvers rendered as Python, in registry order, give `solve`'s
//! submission byte for byte.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use programs::{ParsedPrograms, Program};
use serde::Serialize;

use crate::backends::{host_programs, program_kernels};
use crate::data::load::Loaded;
use crate::data::submission::{self, rank, Submission};
use crate::data::task::{Task, TaskGrid};
use crate::engine::device::{Device, DeviceChoice, GpuUnavailable};
use crate::engine::exec::{execute_runnables_on, ExecError, ExecOptions, ExecRun, Job};
use crate::engine::runnable::Runnable;
use crate::engine::sample::{failure_kind, OutGrid};
use crate::engine::status::{status_verdict, STATUS_OUTPUT};
use crate::engine::typed_cpu::{PathChoice, TypedCpu};

/// Calls per program from which `--device auto` compiles the programs for the GPU, and `run`
/// compiles them for the host's CPU (below it, only programs already in the cache get either):
/// NVRTC takes about 2.5 s of one core per program of arc-dsl's `solvers.py`, the CPU about 0.35 ms
/// per call (bench/RESULTS.md), so a compile pays for itself from about 7,000 calls per program;
/// the host compile is cheaper, but saves at most part of each interpreted call.
pub const AUTO_COMPILE_CALLS_PER_PROGRAM: usize = 8192;

/// Calls per program from which `run` looks for the programs' host-compiled code in the cache:
/// finding it translates every program (about 0.25 ms each, the time of a few interpreted calls),
/// which a short run (a sampler's few calls per program) would not earn back.
pub const HOST_CACHE_CALLS_PER_PROGRAM: usize = 64;

/// How to pair programs with tasks.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Only this task (the others are not run).
    pub task: Option<String>,
    /// Every program on every task.
    pub every_task: bool,
}

/// The first demonstration a program misses on a task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Miss {
    /// Index of the train pair.
    pub train_index: usize,
    /// `"wrong grid"` (a grid, not the expected one) or `"failure"`.
    pub what: &'static str,
    /// The failure's kind (see [`failure_kind`]), for a failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// The failing step's `line:column` in the program's text, when a step failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The failure's message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// One program on one task.
#[derive(Clone, Debug, Serialize)]
pub struct TaskRun {
    pub task: String,
    /// Reproduces every demonstration (train pair).
    pub fits: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_miss: Option<Miss>,
    /// Failed calls by kind, over the task's train and test inputs.
    pub failures: BTreeMap<&'static str, usize>,
    /// Steps used on the CPU, summed over the task's train and test inputs (a call the GPU answered
    /// counts none: the GPU's steps are not the CPU's).
    pub steps: u64,
}

/// One program that parsed.
#[derive(Clone, Debug, Serialize)]
pub struct ProgramReport {
    pub name: String,
    pub origin: String,
    /// The `def`/`fn` line's `line:column`.
    pub at: String,
    /// The task the program names.
    pub names_task: Option<String>,
    /// Why it ran on no task, if it did not (a named task that is not loaded, `--task`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_run: Option<String>,
    pub tasks: Vec<TaskRun>,
}

impl ProgramReport {
    pub fn fits(&self) -> impl Iterator<Item = &str> {
        self.tasks.iter().filter(|t| t.fits).map(|t| t.task.as_str())
    }
}

/// A program that did not parse: its one-line error.
#[derive(Clone, Debug, Serialize)]
pub struct Rejected {
    pub origin: String,
    pub program: Option<String>,
    pub at: String,
    pub kind: &'static str,
    /// The whole one-line message (`<origin>:<line>:<column>: <kind> in `<program>`: ...`).
    pub error: String,
}

/// What `run` did.
#[derive(Debug, Serialize)]
pub struct RunReport {
    /// Where the programs ran: `cpu` (and why no GPU, if one was asked for), or the GPUs, the calls
    /// they answered and what compiling the programs for them cost.
    pub device: String,
    /// How the CPU ran the programs: interpreted, or also compiled for the host
    /// ([`host_programs`]) and how many took that path (the faster of the two, per program).
    pub cpu_path: String,
    pub programs: Vec<ProgramReport>,
    pub rejected: Vec<Rejected>,
    /// Each task's candidate programs (names), best first.
    pub candidates: BTreeMap<String, Vec<String>>,
    /// Program calls made (programs x inputs of their tasks).
    pub calls: usize,
    /// Answers that had to be placeholders (a rejected task's test input that is no grid).
    pub notes: Vec<String>,
    #[serde(skip)]
    pub submission: Submission,
}

/// Runs the parsed programs on the loaded tasks as `opts` pairs them, on the devices, threads and step
/// budget of `exec` (`--device gpu` with no usable GPU for the programs is an error; `auto` then
/// notes why and runs on the CPU).
pub fn run_programs(
    loaded: &Loaded,
    parsed: &ParsedPrograms,
    opts: &RunOptions,
    exec: &ExecOptions,
) -> Result<RunReport, ExecError> {
    run_programs_on(loaded, parsed, opts, exec, ProgramGpus::Prepare)
}

/// Where the programs' GPU kernels come from.
pub enum ProgramGpus {
    /// Compiled with NVRTC for the run's GPUs ([`program_kernels::prepare`]), as `exec` asks.
    Prepare,
    /// Already loaded on these devices (tests drive the engine with a fake one).
    Given(program_kernels::Prepared),
}

/// [`run_programs`] with the programs' GPU side given.
pub fn run_programs_on(
    loaded: &Loaded,
    parsed: &ParsedPrograms,
    opts: &RunOptions,
    exec: &ExecOptions,
    gpus: ProgramGpus,
) -> Result<RunReport, ExecError> {
    let tasks: Vec<usize> = (0..loaded.tasks.len())
        .filter(|&t| opts.task.as_ref().is_none_or(|id| *id == loaded.tasks[t].id))
        .collect();
    let progs = &parsed.programs;
    // (program, task) pairs, program-major so a program's jobs sit together.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut not_run: Vec<Option<String>> = vec![None; progs.len()];
    for (p, prog) in progs.iter().enumerate() {
        let named = prog.task.as_deref();
        let on: Vec<usize> = match named {
            Some(id) if !opts.every_task => {
                tasks.iter().copied().filter(|&t| loaded.tasks[t].id == id).collect()
            }
            _ => tasks.clone(),
        };
        if on.is_empty() {
            not_run[p] = Some(match (named, &opts.task) {
                (Some(id), Some(only)) if id != only => format!("names task {id}; --task {only}"),
                (Some(id), _) => format!("names task {id}, which is not among the loaded tasks"),
                _ => "no task loaded".to_string(),
            });
        }
        pairs.extend(on.into_iter().map(|t| (p, t)));
    }

    // Inputs: each task's train inputs then its test inputs.
    let mut inputs: Vec<&TaskGrid> = Vec::new();
    let mut first_input = vec![0usize; loaded.tasks.len()];
    for &t in &tasks {
        let task = &loaded.tasks[t];
        first_input[t] = inputs.len();
        inputs.extend(task.train.iter().chain(&task.test).map(|p| &p.input));
    }
    let mut jobs: Vec<Job> = Vec::new();
    let mut first_job = Vec::with_capacity(pairs.len());
    for &(p, t) in &pairs {
        first_job.push(jobs.len());
        let task = &loaded.tasks[t];
        let base = first_input[t] as u32;
        jobs.extend(
            (0..(task.train.len() + task.test.len()) as u32)
                .map(|i| Job { solver: p as u32, input: base + i }),
        );
    }
    // Under auto, a compile is paid for only by enough calls per program (else the cache's).
    let run_programs = pairs.iter().map(|p| p.0).collect::<std::collections::BTreeSet<_>>().len();
    let policy = match exec.device {
        DeviceChoice::Auto => policy_for_calls(jobs.len(), run_programs),
        _ => program_kernels::CompilePolicy::Always,
    };
    let gpu = match (exec.device, gpus) {
        (DeviceChoice::Cpu, _) => None,
        _ if jobs.is_empty() => None,
        (_, ProgramGpus::Given(p)) => Some(Ok(p)),
        (choice, ProgramGpus::Prepare) => match program_kernels::prepare(progs, exec.gpus.as_deref(), policy)
        {
            Ok(p) => Some(Ok(p)),
            Err(reason) if choice == DeviceChoice::Gpu => return Err(GpuUnavailable { reason }.into()),
            Err(reason) => Some(Err(format!("GPU not used: {reason}"))),
        },
    };
    let (accels, kernels, compiled) = match &gpu {
        Some(Ok(p)) => (p.accelerators.clone(), p.kernels.clone(), Some(p.note.as_str())),
        _ => (Vec::new(), vec![None; progs.len()], None),
    };
    // The CPU side: the programs compiled for the host where enough calls pay for it (or the cache
    // has them), each then on whichever CPU path is measured faster for it.
    let host_policy = match exec.typed_cpu {
        TypedCpu::All => Some(program_kernels::CompilePolicy::Always),
        TypedCpu::Off => None,
        // Too few calls to pay even for looking in the cache (which translates every program).
        TypedCpu::Measured if jobs.len() < HOST_CACHE_CALLS_PER_PROGRAM * run_programs => None,
        TypedCpu::Measured => Some(policy_for_calls(jobs.len(), run_programs)),
    };
    let host = host_policy.filter(|_| !jobs.is_empty()).map(|policy| host_programs::prepare(progs, policy));
    let twins = match &host {
        Some(Ok(h)) => h.twins.clone(),
        _ => vec![None; progs.len()],
    };
    let choices: Vec<PathChoice> = progs.iter().map(|_| PathChoice::new(exec.typed_cpu)).collect();
    let runnables: Vec<Runnable> = progs
        .iter()
        .zip(&kernels)
        .zip(twins.iter().zip(&choices))
        .map(|((p, k), (twin, choice))| {
            Runnable::interpreted_with_kernel(p, k.as_deref()).with_typed(twin.map(|t| (t, choice)))
        })
        .collect();
    let exec = ExecOptions { gpu_verdicts: true, ..exec.clone() };
    let mut run = execute_runnables_on(&accels, &runnables, &inputs, &jobs, &exec)?;
    redo_reported_verdicts(&mut run, &pairs, &first_job, loaded, &runnables, &inputs, &jobs, &exec)?;
    let device = match (&gpu, run.gpus.is_empty()) {
        (_, false) => format!(
            "{} + cpu: {} calls on the GPU, {} redone on the CPU ({})",
            run.gpus.join(", "),
            run.samples_on(Device::Gpu),
            run.fallbacks(),
            compiled.unwrap_or_default()
        ),
        (Some(Err(why)), true) => format!("cpu ({why})"),
        (Some(Ok(_)), true) => {
            let why = run.device_note.as_deref().unwrap_or("the GPU took no batch");
            format!("cpu ({why}; {})", compiled.unwrap_or_default())
        }
        (None, true) => "cpu".to_string(),
    };

    let mut reports: Vec<ProgramReport> = progs
        .iter()
        .zip(not_run)
        .map(|(prog, not_run)| ProgramReport {
            name: prog.name.clone(),
            origin: prog.origin.clone(),
            at: prog.pos.to_string(),
            names_task: prog.task.clone(),
            not_run,
            tasks: Vec::new(),
        })
        .collect();
    // Per task: its fitting programs, and their answers on its test inputs.
    let mut fitting: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (&(p, t), &j) in pairs.iter().zip(&first_job) {
        let task = &loaded.tasks[t];
        let outs = &run.outputs[j..j + task.train.len() + task.test.len()];
        let first_miss = first_missed(task, outs).map(|k| match &outs[k] {
            Ok(_) => Miss { train_index: k, what: "wrong grid", kind: None, at: None, message: None },
            Err(e) => Miss {
                train_index: k,
                what: "failure",
                kind: Some(failure_kind(e)),
                at: e.rsplit_once(" at ").map(|(_, at)| at.to_string()).filter(|a| a.contains(':')),
                message: Some(e.clone()),
            },
        });
        let fits = !task.train.is_empty() && first_miss.is_none();
        let mut failures = BTreeMap::new();
        for e in outs.iter().filter_map(|o| o.as_ref().err()) {
            *failures.entry(failure_kind(e)).or_insert(0) += 1;
        }
        let steps = run.cpu_steps[j..j + outs.len()].iter().sum();
        if fits {
            fitting.entry(t).or_default().push((p, j));
        }
        reports[p].tasks.push(TaskRun { task: task.id.clone(), fits, first_miss, failures, steps });
    }

    let mut submission = Submission::new();
    let mut candidates = BTreeMap::new();
    for &t in &tasks {
        let task = &loaded.tasks[t];
        let mut found: Vec<(usize, usize)> = fitting.remove(&t).unwrap_or_default();
        let mut order: Vec<usize> = found.iter().map(|f| f.0).collect();
        rank(&mut order, |p| progs[p].task.as_deref() == Some(task.id.as_str()));
        let job_of: BTreeMap<usize, usize> = found.drain(..).collect();
        let answers = task
            .test
            .iter()
            .enumerate()
            .map(|(k, pair)| {
                let answers = order.iter().map(|p| {
                    run.outputs[job_of[p] + task.train.len() + k]
                        .as_ref()
                        .ok()
                        .map(|g| submission::rows(g.w, &g.cells))
                });
                submission::attempts(answers, &pair.input).0
            })
            .collect();
        submission.insert(task.id.clone(), answers);
        candidates.insert(task.id.clone(), order.iter().map(|&p| progs[p].name.clone()).collect());
    }
    let rejected = parsed
        .errors
        .iter()
        .map(|e| Rejected {
            origin: e.origin.clone(),
            program: e.program.clone(),
            at: e.pos.to_string(),
            kind: e.kind.text(),
            error: e.to_string(),
        })
        .collect();
    // Every task id and test index of the challenges, rejected tasks included (as `solve` does),
    // unless the run was restricted to one task.
    let notes = if opts.task.is_none() { submission::complete(&mut submission, loaded) } else { Vec::new() };
    let cpu_path = match host {
        None => "interpreted".to_string(),
        Some(Err(why)) => format!("interpreted ({why})"),
        Some(Ok(h)) => {
            let typed = twins.iter().zip(&choices).filter(|(t, c)| t.is_some() && c.prefers_typed()).count();
            format!("{}; {typed} ran mostly on the typed path, the rest interpreted", h.note)
        }
    };
    Ok(RunReport {
        device,
        cpu_path,
        programs: reports,
        rejected,
        candidates,
        calls: jobs.len(),
        notes,
        submission,
    })
}

/// Whether a compile (for the GPU or the host) may run now: only enough calls per program pay for
/// one; fewer take what the cache holds.
fn policy_for_calls(calls: usize, programs: usize) -> program_kernels::CompilePolicy {
    if calls < AUTO_COMPILE_CALLS_PER_PROGRAM * programs {
        program_kernels::CompilePolicy::CachedOnly
    } else {
        program_kernels::CompilePolicy::Always
    }
}

/// Runs again on the CPU each pair's first missed demonstration where the GPU's verdict decided it,
/// so the report's message and `line:column` are the interpreter's (the verdict names the failure's
/// kind only), and every output the GPU called no ARC grid (the CPU keeps such a grid, a wrong one,
/// not a failure). The rest of a pair's failures are counted by kind, which the verdict keeps.
#[allow(clippy::too_many_arguments)]
fn redo_reported_verdicts(
    run: &mut ExecRun,
    pairs: &[(usize, usize)],
    first_job: &[usize],
    loaded: &Loaded,
    runnables: &[Runnable],
    inputs: &[&TaskGrid],
    jobs: &[Job],
    exec: &ExecOptions,
) -> Result<(), ExecError> {
    let no_grid = status_verdict(STATUS_OUTPUT);
    let mut again: Vec<usize> = (0..run.outputs.len())
        .filter(|&j| run.verdict[j] && run.outputs[j].as_ref().err() == no_grid.as_ref())
        .collect();
    for (&(_, t), &j) in pairs.iter().zip(first_job) {
        let task = &loaded.tasks[t];
        if let Some(k) = first_missed(task, &run.outputs[j..j + task.train.len()]) {
            if run.verdict[j + k] {
                again.push(j + k);
            }
        }
    }
    if again.is_empty() {
        return Ok(());
    }
    again.sort_unstable();
    again.dedup();
    let redo_jobs: Vec<Job> = again.iter().map(|&j| jobs[j]).collect();
    let cpu = ExecOptions { device: DeviceChoice::Cpu, gpu_verdicts: false, ..exec.clone() };
    let redone = execute_runnables_on(&[], runnables, inputs, &redo_jobs, &cpu)?;
    for (k, (&j, out)) in again.iter().zip(redone.outputs).enumerate() {
        run.outputs[j] = out;
        run.verdict[j] = false;
        run.ran_on[j] = Device::Cpu;
        run.cpu_steps[j] = redone.cpu_steps[k];
        run.cpu_ns[j] = redone.cpu_ns[k];
    }
    Ok(())
}

/// The first demonstration of `task` whose output in `outs` (the task's outputs in input order) is
/// not its expected grid.
fn first_missed(task: &Task, outs: &[Result<OutGrid, String>]) -> Option<usize> {
    task.train.iter().zip(outs).position(|(pair, out)| match (out, &pair.output) {
        (Ok(g), Some(want)) => !g.matches(want),
        _ => true,
    })
}

/// Where `--emit-rust` put one program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Emitted {
    pub program: String,
    pub task: String,
    pub path: PathBuf,
    /// The name it would have had, when that file existed (never overwritten).
    pub instead_of: Option<PathBuf>,
}

/// Writes each program that fits a task as a `#[solver("<task>")]` file in `dir` (created if
/// missing): `<name>.rs`, or `<name>_2.rs`, `_3`... when that file exists (an existing file is never
/// overwritten). The task is the one the program names when it fits it, else the first it fits;
/// the name is the program's own for the task it names, else `solve_<task>` (a program named
/// `solve_<other task>` or `candidate_7` is promoted as the solver of the task it was found for).
/// `Err` names the file that could not be written.
pub fn emit_rust(dir: &Path, report: &RunReport, programs: &[Program]) -> Result<Vec<Emitted>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut out = Vec::new();
    for (r, prog) in report.programs.iter().zip(programs) {
        let fits: Vec<&str> = r.fits().collect();
        let Some(task) = prog.task.as_deref().filter(|t| fits.contains(t)).or(fits.first().copied()) else {
            continue;
        };
        let name = match prog.task.as_deref() {
            Some(named) if named == task => prog.name.clone(),
            _ => format!("solve_{task}"),
        };
        let stem: String =
            name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
        let text = format!(
            "//! Found by `arcforge run` ({} at {}); copy into solvers/src/tasks/.\n\nuse crate::prelude::*;\n\n{}",
            prog.origin,
            prog.pos,
            prog.render_rust_solver_named(task, &name)
        );
        let first = dir.join(format!("{stem}.rs"));
        let mut n = 1;
        loop {
            let path = if n == 1 { first.clone() } else { dir.join(format!("{stem}_{n}.rs")) };
            // create_new: an existing file (another run's, the user's) is never overwritten.
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    use std::io::Write;
                    f.write_all(text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
                    let instead_of = (n > 1).then(|| first.clone());
                    out.push(Emitted {
                        program: prog.name.clone(),
                        task: task.to_string(),
                        path,
                        instead_of,
                    });
                    break;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => n += 1,
                Err(e) => return Err(format!("{}: {e}", path.display())),
            }
        }
    }
    Ok(out)
}
