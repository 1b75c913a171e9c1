//! The executor: runs (solver, input) jobs on the CPU and the accelerators at once, and says where
//! each ran.
//!
//! Every caller (`eval`, `solve`, `bench`, `check`) describes its work the same way: a list of
//! solvers, a list of distinct input grids and a list of [`Job`]s pairing them. [`execute_on`] groups
//! the jobs by solver (a group is one GPU launch), orders the groups by estimated work, and lets the
//! devices take groups from the two ends of that queue ([`schedule`](super::schedule)): the GPUs from
//! the big end ([`gpu_worker`](super::gpu_worker)), one CPU worker (itself parallel over samples with
//! rayon, [`cpu_worker`](super::cpu_worker)) from the small end. Under `--device auto` a GPU also
//! leaves alone a group the [`CostModel`](super::cost::CostModel) says the CPU does faster, so small
//! batches never pay a launch. The two meet in the middle, so neither device idles while the other
//! has a backlog.
//!
//! Every sample a GPU cannot finish (status other than OK, a failed launch, a lost device) is redone
//! on the CPU and recorded as a fallback with its reason ([`redo`](super::redo)): the GPU never
//! decides a result the CPU would not give. Outputs come back in job order, whatever ran where, so
//! results do not depend on scheduling. [`crate::execute`] is this on the machine's own GPUs.
//!
//! ```
//! use runtime::{execute, DeviceChoice, ExecOptions, Job, TaskGrid};
//!
//! let solver = *solvers::all().iter().find(|s| s.task == "68b16354").unwrap(); // hmirror
//! let input = TaskGrid::from_rows(&[[1u8, 2], [3, 4]]).unwrap();
//! let opts = ExecOptions { device: DeviceChoice::Cpu, ..ExecOptions::default() };
//! let run = execute(&[solver], &[&input], &[Job { solver: 0, input: 0 }], &opts).unwrap();
//! assert_eq!(run.outputs[0].as_ref().unwrap().cells, vec![3, 4, 1, 2]);
//! ```

use std::sync::atomic::{AtomicBool, AtomicU64};
use std::time::{Duration, Instant};

use serde::Serialize;
use solvers::Solver;
use thiserror::Error;

use super::accelerator::{Accelerator, GridRef};
use super::cpu_worker::{self, CpuRunner};
use super::device::{Device, DeviceChoice, GpuUnavailable};
use super::gpu_worker::{self, GpuWork};
pub use super::job::{ExecOptions, Job};
use super::redo;
use super::runnable::Runnable;
use super::sample::OutGrid;
use super::schedule::{self, Board, Group};
use super::trace;
use crate::data::task::TaskGrid;

/// Where time went, in milliseconds (wall clock; the devices overlap).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ExecProfile {
    /// Uploading the input grids to the GPUs.
    pub transfer: f64,
    /// From the first batch to the last output (CPU and GPUs together), redo excluded.
    pub solve: f64,
    /// Redoing on the CPU what the GPUs flagged, after the GPUs finished (most is redone while they
    /// run, inside `solve`).
    pub redo: f64,
    /// Busy time summed over GPU workers.
    pub gpu_busy: f64,
    /// Time with at least one GPU wave in flight (the GPUs' share of `solve` is this over it).
    pub gpu_active: f64,
    /// Busy time of the CPU worker.
    pub cpu_busy: f64,
}

/// The outputs of a run, in job order.
#[derive(Debug)]
pub struct ExecRun {
    pub outputs: Vec<Result<OutGrid, String>>,
    /// The device that produced each output (a redone sample counts as CPU).
    pub ran_on: Vec<Device>,
    /// For each job the GPU gave back: why it was redone on the CPU.
    pub fallback: Vec<Option<String>>,
    /// The jobs whose output is a verdict ([`ExecOptions::gpu_verdicts`]) of the GPU or the typed CPU
    /// path: an error naming what failed but not where, or "no ARC grid" for an output the CPU
    /// would give in full.
    pub verdict: Vec<bool>,
    /// The GPUs used ("GPU 0: NVIDIA H100 ..."), empty for a CPU-only run.
    pub gpus: Vec<String>,
    /// Why `auto` used no GPU, if it did not.
    pub device_note: Option<String>,
    pub profile: ExecProfile,
    /// GPU batches launched.
    pub gpu_batches: usize,
    /// Every GPU batch: solver index, samples, milliseconds (slowest first), to see where GPU time goes.
    pub gpu_batch_ms: Vec<(usize, usize, f64)>,
    /// Per job, nanoseconds its output took on one CPU thread (0 where the GPU decided it).
    pub cpu_ns: Vec<u64>,
    /// Per job, the steps its CPU run used (0 where the GPU decided it).
    pub cpu_steps: Vec<u64>,
}

impl ExecRun {
    pub fn samples_on(&self, d: Device) -> usize {
        self.ran_on.iter().filter(|&&x| x == d).count()
    }
    pub fn fallbacks(&self) -> usize {
        self.fallback.iter().filter(|f| f.is_some()).count()
    }
    /// How many jobs were redone on the CPU for each reason (an overload the GPU lacks names its
    /// primitive and argument kinds), the costliest first: by the CPU time of their redos, then by count.
    pub fn fallback_reasons(&self) -> Vec<(String, usize)> {
        let mut by: std::collections::BTreeMap<&str, (usize, u64)> = Default::default();
        for (k, why) in self.fallback.iter().enumerate() {
            if let Some(why) = why {
                let e = by.entry(why.as_str()).or_default();
                e.0 += 1;
                e.1 += self.cpu_ns.get(k).copied().unwrap_or(0);
            }
        }
        let mut out: Vec<(String, usize, u64)> =
            by.into_iter().map(|(w, (n, ns))| (w.to_string(), n, ns)).collect();
        out.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then(a.0.cmp(&b.0)));
        out.into_iter().map(|(w, n, _)| (w, n)).collect()
    }
    /// Outputs that are the GPU's verdicts (not the typed CPU path's).
    pub fn gpu_verdicts(&self) -> usize {
        self.verdict.iter().zip(&self.ran_on).filter(|&(&v, &d)| v && d == Device::Gpu).count()
    }
    /// CPU time per solver (indices into the run's solver list, from `jobs`), the costliest first:
    /// (solver, samples run on the CPU, milliseconds of one thread).
    pub fn cpu_ms_by_solver(&self, jobs: &[Job]) -> Vec<(usize, usize, f64)> {
        let mut by: std::collections::BTreeMap<usize, (usize, u64)> = Default::default();
        for (job, &ns) in jobs.iter().zip(&self.cpu_ns) {
            if ns > 0 {
                let e = by.entry(job.solver as usize).or_default();
                e.0 += 1;
                e.1 += ns;
            }
        }
        let mut out: Vec<(usize, usize, f64)> =
            by.into_iter().map(|(s, (n, ns))| (s, n, ns as f64 / 1e6)).collect();
        out.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        out
    }
}

/// Why a run could not happen at all.
#[derive(Debug, Error)]
pub enum ExecError {
    #[error(transparent)]
    Gpu(#[from] GpuUnavailable),
    #[error("cannot start {threads} worker threads: {why}")]
    Threads { threads: usize, why: String },
    /// [`ExecOptions::cancel`] was set: `done` of the `total` samples had finished.
    #[error("cancelled after {done} of {total} samples")]
    Cancelled { done: usize, total: usize },
}

/// A rayon pool of `threads` workers, or `None` to use the global pool.
pub(crate) fn thread_pool(threads: Option<usize>) -> Result<Option<rayon::ThreadPool>, ExecError> {
    threads
        .map(|n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| ExecError::Threads { threads: n, why: e.to_string() })
        })
        .transpose()
}

/// The accelerators that took the run's inputs, their labels, and why one (or all) went unused.
struct Opened<'a> {
    usable: Vec<&'a dyn Accelerator>,
    labels: Vec<String>,
    note: Option<String>,
}

/// Uploads the inputs to every accelerator, when the work is worth a GPU at all; under
/// `--device gpu` an accelerator that refuses them is an error, else it is left out with a note.
fn open<'a>(
    accels: &[&'a dyn Accelerator],
    inputs: &[&TaskGrid],
    gpu_pays: bool,
    opts: &ExecOptions,
) -> Result<Opened<'a>, ExecError> {
    let mut opened = Opened { usable: Vec::new(), labels: Vec::new(), note: None };
    if !accels.is_empty() && !gpu_pays {
        opened.note = Some("the cost model gives every batch to the CPU".to_string());
    }
    if accels.is_empty() || !gpu_pays {
        return Ok(opened);
    }
    let refs: Vec<GridRef> = inputs
        .iter()
        .map(|g| GridRef { h: g.height() as u32, w: g.width() as u32, cells: g.cells() })
        .collect();
    for a in accels {
        match a.load_inputs(&refs) {
            Ok(()) => {
                opened.labels.push(a.label());
                opened.usable.push(*a);
            }
            Err(e) if opts.device == DeviceChoice::Gpu => {
                return Err(GpuUnavailable { reason: format!("{}: {e}", a.label()) }.into())
            }
            Err(e) => opened.note = Some(format!("{} not used: {e}", a.label())),
        }
    }
    Ok(opened)
}

/// Runs `jobs` on the CPU and the given accelerators (the machine's GPUs through
/// [`crate::execute`], or fakes in tests) as `opts` says.
pub fn execute_on(
    accels: &[&dyn Accelerator],
    solvers: &[Solver],
    inputs: &[&TaskGrid],
    jobs: &[Job],
    opts: &ExecOptions,
) -> Result<ExecRun, ExecError> {
    let runnables: Vec<Runnable> = solvers.iter().map(|s| Runnable::compiled(s, opts.typed_cpu)).collect();
    execute_runnables_on(accels, &runnables, inputs, jobs, opts)
}

/// [`execute_on`] for any mix of compiled solvers and run-time programs ([`Runnable`]); jobs name
/// indices into `solvers`. What has no GPU kernel (every run-time program) runs on the CPU.
pub fn execute_runnables_on(
    accels: &[&dyn Accelerator],
    solvers: &[Runnable],
    inputs: &[&TaskGrid],
    jobs: &[Job],
    opts: &ExecOptions,
) -> Result<ExecRun, ExecError> {
    let threads = opts.thread_count().max(1);
    let runner = CpuRunner {
        solvers,
        inputs,
        jobs,
        limits: opts.limits,
        verdicts: opts.gpu_verdicts,
        pool: thread_pool(opts.threads)?,
        cpu_ns: (0..jobs.len()).map(|_| AtomicU64::new(0)).collect(),
        progress: opts.progress.clone(),
        steps: (0..jobs.len()).map(|_| AtomicU64::new(0)).collect(),
        cancel: opts.cancel.clone(),
    };
    let groups = schedule::groups(solvers, inputs, jobs);
    let mut profile = ExecProfile::default();
    let t = Instant::now();
    let gpu_pays = schedule::gpu_pays(&groups, solvers, opts, threads);
    let Opened { usable, labels: gpus, note: device_note } = open(accels, inputs, gpu_pays, opts)?;
    if !accels.is_empty() && gpu_pays {
        profile.transfer = ms(t.elapsed());
    }
    let (gpu_able, cpu_only) = schedule::split_by_kernel(groups, solvers, &usable);
    let board = Board::new(gpu_able, jobs.len(), usable.iter().map(|a| a.workers().max(1)).sum());
    let mut fallback: Vec<Option<String>> = vec![None; jobs.len()];
    let gpu_work = GpuWork { solvers, jobs, opts, threads, trace: trace::enabled() };
    // Under --device gpu the CPU takes only what no GPU can run (and the redo), unless there is none.
    let cpu_takes_shared = opts.device != DeviceChoice::Gpu || usable.is_empty();

    let solve_start = Instant::now();
    let failed: Vec<AtomicBool> = usable.iter().map(|_| AtomicBool::new(false)).collect();
    let cpu_busy = std::thread::scope(|scope| {
        for (accel, failed) in usable.iter().zip(&failed) {
            for worker in 0..accel.workers().max(1) {
                let (gpu_work, board) = (&gpu_work, &board);
                scope.spawn(move || {
                    gpu_worker::work(gpu_work, board, *accel, worker, failed);
                    board.gpu_worker_done();
                });
            }
        }
        cpu_worker::work(&runner, &board, cpu_only, cpu_takes_shared, &mut fallback, opts, threads)
    });

    if let Some((done, total)) = cpu_worker::cancelled_at(opts, &board) {
        return Err(ExecError::Cancelled { done, total });
    }
    let leftover: Vec<Group> = std::mem::take(&mut *board.queue.lock().unwrap()).into();
    let fatal = board.fatal.lock().unwrap().take();
    if let (Some(why), DeviceChoice::Gpu) = (&fatal, opts.device) {
        return Err(GpuUnavailable { reason: why.clone() }.into());
    }
    profile.solve = ms(solve_start.elapsed());
    profile.cpu_busy = ms(cpu_busy);
    profile.gpu_busy = ms(*board.gpu_busy.lock().unwrap());
    profile.gpu_active = ms(board.gpu_active.lock().unwrap().2);

    let t = Instant::now();
    redo::finish(&runner, &board, leftover, fatal.as_ref(), &mut fallback);
    profile.redo = ms(t.elapsed());
    if let Some((done, total)) = cpu_worker::cancelled_at(opts, &board) {
        return Err(ExecError::Cancelled { done, total });
    }
    if gpu_work.trace {
        let redone = fallback.iter().filter(|f| f.is_some()).count();
        trace::run(profile.solve, profile.gpu_busy, profile.cpu_busy, profile.redo, redone);
    }

    let Board { outputs, verdict, gpu_batches, .. } = board;
    let mut batches = gpu_batches.into_inner().unwrap();
    batches.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    let (outputs, ran_on) =
        outputs.into_iter().map(|o| o.into_inner().unwrap().expect("every job ran somewhere")).unzip();
    Ok(ExecRun {
        outputs,
        ran_on,
        fallback,
        verdict: verdict.into_iter().map(AtomicBool::into_inner).collect(),
        gpus,
        device_note: device_note.or(fatal.map(|f| format!("GPU stopped: {f}"))),
        profile,
        gpu_batches: batches.len(),
        gpu_batch_ms: batches,
        cpu_ns: runner.cpu_ns.into_iter().map(AtomicU64::into_inner).collect(),
        cpu_steps: runner.steps.into_iter().map(AtomicU64::into_inner).collect(),
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
