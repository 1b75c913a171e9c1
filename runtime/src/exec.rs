//! The executor: runs (solver, input) jobs on the CPU and the GPUs at once, and says where each ran.
//!
//! Every caller (`eval`, `solve`, `bench`, `check`) describes its work the same way: a list of
//! solvers, a list of distinct input grids and a list of [`Job`]s pairing them. [`execute`] groups the
//! jobs by solver (a group is one GPU launch), orders the groups by estimated work, and lets the
//! devices take groups from the two ends of that queue: the GPUs from the big end, one CPU worker
//! (itself parallel over samples with rayon) from the small end. Under `--device auto` a GPU also
//! leaves alone a group the [`CostModel`] says the CPU does faster, so small batches never pay a
//! launch. The two meet in the middle, so neither device idles while the other has a backlog.
//!
//! Every sample a GPU cannot finish (status other than OK, a failed launch, a lost device) is redone
//! on the CPU and recorded as a fallback with its reason: the GPU never decides a result the CPU
//! would not give. Outputs come back in job order, whatever ran where, so results do not depend on
//! scheduling.
//!
//! ```
//! use runtime::exec::{execute, ExecOptions, Job};
//! use runtime::{DeviceChoice, TaskGrid};
//!
//! let solver = *solvers::all().iter().find(|s| s.task == "68b16354").unwrap(); // hmirror
//! let input = TaskGrid::from_rows(&[[1u8, 2], [3, 4]]).unwrap();
//! let opts = ExecOptions { device: DeviceChoice::Cpu, ..ExecOptions::default() };
//! let run = execute(&[solver], &[&input], &[Job { solver: 0, input: 0 }], &opts).unwrap();
//! assert_eq!(run.outputs[0].as_ref().unwrap().cells, vec![3, 4, 1, 2]);
//! ```

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use kernels::{Ctx, Limits};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use solvers::Solver;
use thiserror::Error;

use crate::cuda::{status_reason, status_verdict, GpuOutcome, GridRef};
use crate::device::{Device, DeviceChoice, GpuUnavailable};
use crate::eval::{run_solver, OutGrid};
use crate::task::TaskGrid;

/// One unit of work: solver `solver` (an index into the solver list) on input `input`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Job {
    pub solver: u32,
    pub input: u32,
}

/// A device that runs solver batch kernels: the CUDA GPUs, or a fake one in tests.
///
/// `run` may be called from several threads at once (up to [`Accelerator::workers`]); each call is
/// one batch of one kernel over inputs given by index into the grids passed to `load_inputs`.
pub trait Accelerator: Send + Sync {
    /// For reports, e.g. "GPU 0: NVIDIA H100 80GB HBM3".
    fn label(&self) -> String;
    /// Whether `kernel` can run here.
    fn has_kernel(&self, kernel: &str) -> bool;
    /// How many batches it runs concurrently (CUDA streams).
    fn workers(&self) -> usize;
    /// Makes `inputs` the grids that `run` indexes (uploaded once per [`execute`]).
    fn load_inputs(&self, inputs: &[GridRef]) -> Result<(), String>;
    /// Runs `kernel` on the loaded inputs `inputs[k]`: one outcome per entry, in order. `max_steps`
    /// is the CPU's step budget per sample ([`Limits::max_steps`]); the device may stop a sample
    /// earlier (a step-limit redo) but never let one run on that the CPU would stop.
    fn run(
        &self,
        worker: usize,
        kernel: &str,
        inputs: &[u32],
        max_steps: u64,
    ) -> Result<Vec<GpuOutcome>, String>;
}

/// One solver's measured costs (`arcforge calibrate`): solvers differ by a thousand times in cost
/// per sample, so one average would send cheap solvers to the GPU and dear ones to the CPU.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SolverCost {
    /// CPU time per sample on one thread.
    pub cpu_us: f64,
    /// Wall time of a GPU batch of up to [`SolverCost::gpu_batch_samples`] samples: a warp per
    /// sample, so a small batch lasts as long as its slowest sample.
    pub gpu_batch_us: f64,
    pub gpu_batch_samples: usize,
    /// GPU time per sample in large batches (throughput).
    pub gpu_us_per_sample: f64,
}

/// Costs the dispatcher compares, in microseconds. Measured per machine by `arcforge calibrate`
/// ([`crate::calibrate`]); the defaults are an H100 host's 16 cores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostModel {
    /// CPU time per sample on one thread, fixed part.
    pub cpu_us_per_sample: f64,
    /// CPU time per input cell on one thread.
    pub cpu_us_per_cell: f64,
    /// Fixed cost of one GPU batch (launch, copies, synchronisation).
    pub gpu_us_per_batch: f64,
    /// GPU time per sample in a large batch (throughput, all streams busy).
    pub gpu_us_per_sample: f64,
    /// GPU time per input cell in a large batch.
    pub gpu_us_per_cell: f64,
    /// Per solver (by task id), where calibrated: these take precedence over the averages above.
    #[serde(default)]
    pub solvers: std::collections::BTreeMap<String, SolverCost>,
}

impl Default for CostModel {
    fn default() -> Self {
        CostModel {
            cpu_us_per_sample: 2.0,
            cpu_us_per_cell: 0.02,
            gpu_us_per_batch: 60.0,
            gpu_us_per_sample: 0.05,
            gpu_us_per_cell: 0.0005,
            solvers: Default::default(),
        }
    }
}

impl CostModel {
    /// Estimated CPU time of a batch of `samples` holding `cells` input cells, on `threads` threads.
    pub fn cpu_us(&self, samples: usize, cells: usize, threads: usize) -> f64 {
        let work = samples as f64 * self.cpu_us_per_sample + cells as f64 * self.cpu_us_per_cell;
        work / threads.max(1) as f64
    }
    /// Estimated GPU time of the same batch.
    pub fn gpu_us(&self, samples: usize, cells: usize) -> f64 {
        self.gpu_us_per_batch + samples as f64 * self.gpu_us_per_sample + cells as f64 * self.gpu_us_per_cell
    }
    /// Whether `--device auto` should send a batch of `solver` (its task id) to a GPU: by the
    /// solver's own costs when calibrated, else by the averages.
    pub fn prefers_gpu(&self, solver: &str, samples: usize, cells: usize, threads: usize) -> bool {
        match self.solvers.get(solver) {
            Some(s) => {
                let n = samples as f64;
                // Up to the probed size a batch lasts about as long as the probe did (latency);
                // bigger ones add throughput time.
                let gpu = if samples <= s.gpu_batch_samples {
                    s.gpu_batch_us
                } else {
                    s.gpu_batch_us + (samples - s.gpu_batch_samples) as f64 * s.gpu_us_per_sample
                };
                gpu < n * s.cpu_us / threads.max(1) as f64
            }
            None => self.gpu_us(samples, cells) < self.cpu_us(samples, cells, threads),
        }
    }
}

/// How to run.
#[derive(Clone, Debug)]
pub struct ExecOptions {
    pub device: DeviceChoice,
    /// CPU worker threads (`None`: rayon's global pool, one per core).
    pub threads: Option<usize>,
    pub limits: Limits,
    pub cost: CostModel,
    /// Advanced by the samples finished (a progress bar; hidden when not on a terminal).
    pub progress: Option<indicatif::ProgressBar>,
    /// Take the GPU's verdict on a sample that every device fails alike (Python raises, the shared
    /// size limit, an output that is no ARC grid: [`status_verdict`]) instead of redoing it on the
    /// CPU for the exact error text. Off by default; `solve` turns it on, where only "no valid
    /// grid" matters, and `check` proves the verdicts against the CPU.
    pub gpu_verdicts: bool,
}

impl Default for ExecOptions {
    fn default() -> Self {
        ExecOptions {
            device: DeviceChoice::Auto,
            threads: None,
            limits: Limits::default(),
            cost: CostModel::default(),
            progress: None,
            gpu_verdicts: false,
        }
    }
}

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
    /// Busy time of the CPU worker.
    pub cpu_busy: f64,
}

/// The outputs of [`execute`], in job order.
#[derive(Debug)]
pub struct ExecRun {
    pub outputs: Vec<Result<OutGrid, String>>,
    /// The device that produced each output (a redone sample counts as CPU).
    pub ran_on: Vec<Device>,
    /// For each job the GPU gave back: why it was redone on the CPU.
    pub fallback: Vec<Option<String>>,
    /// The jobs whose output is the GPU's verdict ([`ExecOptions::gpu_verdicts`]): an error naming
    /// what failed but not where, or "no ARC grid" for an output the CPU would give in full.
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
}

impl ExecRun {
    pub fn samples_on(&self, d: Device) -> usize {
        self.ran_on.iter().filter(|&&x| x == d).count()
    }
    pub fn fallbacks(&self) -> usize {
        self.fallback.iter().filter(|f| f.is_some()).count()
    }
    pub fn verdicts(&self) -> usize {
        self.verdict.iter().filter(|&&v| v).count()
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

/// Runs `jobs` on this machine's devices as `opts` says (the GPUs `crate::gpu` opened).
pub fn execute(
    solvers: &[Solver],
    inputs: &[&TaskGrid],
    jobs: &[Job],
    opts: &ExecOptions,
) -> Result<ExecRun, ExecError> {
    let (accels, note) = match opts.device {
        DeviceChoice::Cpu => (Vec::new(), None),
        choice => match crate::gpu::accelerators() {
            Ok(a) => (a, None),
            Err(reason) if choice == DeviceChoice::Gpu => return Err(GpuUnavailable { reason }.into()),
            Err(reason) => (Vec::new(), Some(format!("GPU not available: {reason}"))),
        },
    };
    let mut run = execute_on(&accels, solvers, inputs, jobs, opts)?;
    if run.device_note.is_none() {
        run.device_note = note;
    }
    Ok(run)
}

/// A batch: one solver's jobs.
struct Group {
    solver: usize,
    jobs: Vec<usize>,
    cells: usize,
}

/// [`execute`] on the given accelerators (tests pass fakes).
pub fn execute_on(
    accels: &[&dyn Accelerator],
    solvers: &[Solver],
    inputs: &[&TaskGrid],
    jobs: &[Job],
    opts: &ExecOptions,
) -> Result<ExecRun, ExecError> {
    let threads = opts.threads.unwrap_or_else(rayon::current_num_threads).max(1);
    let pool = thread_pool(opts.threads)?;

    // Groups by solver, biggest estimated work first.
    let mut by_solver: Vec<Vec<usize>> = vec![Vec::new(); solvers.len()];
    for (k, j) in jobs.iter().enumerate() {
        by_solver[j.solver as usize].push(k);
    }
    let cells_of = |k: usize| {
        let g = inputs[jobs[k].input as usize];
        g.height() * g.width()
    };
    let mut groups: Vec<Group> = by_solver
        .into_iter()
        .enumerate()
        .filter(|(_, js)| !js.is_empty())
        .map(|(solver, jobs)| Group { solver, cells: jobs.iter().map(|&k| cells_of(k)).sum(), jobs })
        .collect();
    groups.sort_by(|a, b| {
        b.cells.cmp(&a.cells).then(b.jobs.len().cmp(&a.jobs.len())).then(a.solver.cmp(&b.solver))
    });

    let mut profile = ExecProfile::default();
    let mut gpus = Vec::new();
    let mut usable: Vec<&dyn Accelerator> = Vec::new();
    let mut device_note = None;
    let mut fallback: Vec<Option<String>> = vec![None; jobs.len()];
    // Under auto, GPUs that no batch is worth (a single task's few samples, a cheap solver) are not
    // even given the inputs: opening them and starting their workers would cost more than the work.
    let gpu_pays = opts.device != DeviceChoice::Auto
        || groups
            .iter()
            .any(|g| opts.cost.prefers_gpu(solvers[g.solver].task, g.jobs.len(), g.cells, threads));
    if !accels.is_empty() && !gpu_pays {
        device_note = Some("the cost model gives every batch to the CPU".to_string());
    }
    if !accels.is_empty() && gpu_pays {
        let t = Instant::now();
        let refs: Vec<GridRef> = inputs
            .iter()
            .map(|g| GridRef { h: g.height() as u32, w: g.width() as u32, cells: g.cells() })
            .collect();
        for a in accels {
            match a.load_inputs(&refs) {
                Ok(()) => {
                    gpus.push(a.label());
                    usable.push(*a);
                }
                Err(e) if opts.device == DeviceChoice::Gpu => {
                    return Err(GpuUnavailable { reason: format!("{}: {e}", a.label()) }.into())
                }
                Err(e) => device_note = Some(format!("{} not used: {e}", a.label())),
            }
        }
        profile.transfer = ms(t.elapsed());
    }

    let has_kernel = |g: &Group| {
        let kernel = solvers[g.solver].cuda_kernel;
        usable.iter().any(|a| a.has_kernel(kernel))
    };
    // Groups no GPU can run go to the CPU whatever the queue says.
    let (gpu_able, cpu_only): (Vec<Group>, Vec<Group>) = groups.into_iter().partition(|g| has_kernel(g));
    let queue = Mutex::new(VecDeque::from(gpu_able));
    let cpu_queue = Mutex::new(cpu_only);
    let outputs: Vec<Mutex<Option<(Result<OutGrid, String>, Device)>>> =
        (0..jobs.len()).map(|_| Mutex::new(None)).collect();
    let redo: Mutex<Vec<(usize, String)>> = Mutex::new(Vec::new());
    let verdict: Vec<AtomicBool> = (0..jobs.len()).map(|_| AtomicBool::new(false)).collect();
    let gpu_batches: Mutex<Vec<(usize, usize, f64)>> = Mutex::new(Vec::new());
    let gpu_busy = Mutex::new(Duration::ZERO);
    let fatal: Mutex<Option<String>> = Mutex::new(None);
    let failed: Vec<AtomicBool> = usable.iter().map(|_| AtomicBool::new(false)).collect();
    // GPU workers still taking batches.
    let gpu_workers = AtomicUsize::new(usable.iter().map(|a| a.workers().max(1)).sum());
    let auto = opts.device == DeviceChoice::Auto;
    // ARCFORGE_GPU_TRACE=1: one stderr line per GPU batch, to find the kernels that take the time.
    let trace = std::env::var("ARCFORGE_GPU_TRACE").is_ok_and(|v| v == "1");
    let use_cpu_for_gpu_groups = opts.device != DeviceChoice::Gpu;

    // CPU time of each job's last CPU run (a redo's, where the GPU gave it back): where time goes.
    let cpu_ns: Vec<AtomicU64> = (0..jobs.len()).map(|_| AtomicU64::new(0)).collect();
    // `tick`: advance the progress bar per sample as it finishes (not for redone samples, which the
    // GPU counted already), so a long CPU run shows progress instead of jumping to 100% at its end.
    let run_cpu = |ks: &[usize], tick: bool| -> Vec<Result<OutGrid, String>> {
        let work = || {
            // One job per leaf: a solver's samples sit together, and rayon runs an unsplit leaf on one
            // thread, so a range holding a heavy solver's samples (d22278a0: 30 s of CPU on other
            // tasks' grids) kept one thread busy while the rest idled (16 threads gave 5.7x).
            ks.par_iter()
                .with_max_len(1)
                .map(|&k| {
                    let t = Instant::now();
                    let out = with_thread_ctx(opts.limits, |ctx| {
                        run_solver(ctx, solvers[jobs[k].solver as usize].cpu, inputs[jobs[k].input as usize])
                    });
                    cpu_ns[k].store(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
                    if let (true, Some(p)) = (tick, &opts.progress) {
                        p.inc(1);
                    }
                    out
                })
                .collect()
        };
        match &pool {
            Some(p) => p.install(work),
            None => work(),
        }
    };

    let solve_start = Instant::now();
    let mut cpu_busy = Duration::ZERO;
    std::thread::scope(|scope| {
        for (a_index, accel) in usable.iter().enumerate() {
            for worker in 0..accel.workers().max(1) {
                let (queue, outputs, redo, gpu_batches, gpu_busy, fatal, gpu_workers, verdict) =
                    (&queue, &outputs, &redo, &gpu_batches, &gpu_busy, &fatal, &gpu_workers, &verdict);
                let accel = *accel;
                let failed = &failed[a_index];
                let work = move || loop {
                    if failed.load(Ordering::SeqCst) {
                        return;
                    }
                    let group = {
                        // The biggest group this GPU can run and, under auto, would run faster than
                        // the CPU (solvers differ in cost, so a smaller one further on may still be).
                        let mut q = queue.lock().unwrap();
                        let mine = q.iter().position(|g| {
                            let s = &solvers[g.solver];
                            accel.has_kernel(s.cuda_kernel)
                                && (!auto || opts.cost.prefers_gpu(s.task, g.jobs.len(), g.cells, threads))
                        });
                        match mine.and_then(|k| q.remove(k)) {
                            Some(g) => g,
                            None => return, // the rest is the CPU's
                        }
                    };
                    let t = Instant::now();
                    let idx: Vec<u32> = group.jobs.iter().map(|&k| jobs[k].input).collect();
                    let result =
                        accel.run(worker, solvers[group.solver].cuda_kernel, &idx, opts.limits.max_steps);
                    *gpu_busy.lock().unwrap() += t.elapsed();
                    if trace {
                        let redo = match &result {
                            Ok(o) => {
                                o.iter().filter(|o| matches!(o, GpuOutcome::Redo(_))).count().to_string()
                            }
                            Err(e) => format!("all ({e})"),
                        };
                        eprintln!(
                            "gpu trace: {} on {}: {} samples in {:.1} ms, {redo} to redo",
                            solvers[group.solver].task,
                            accel.label(),
                            idx.len(),
                            ms(t.elapsed())
                        );
                    }
                    gpu_batches.lock().unwrap().push((group.solver, group.jobs.len(), ms(t.elapsed())));
                    if let Some(p) = &opts.progress {
                        p.inc(group.jobs.len() as u64);
                    }
                    match result {
                        Ok(outs) if outs.len() == group.jobs.len() => {
                            let mut r = redo.lock().unwrap();
                            for (&k, o) in group.jobs.iter().zip(outs) {
                                match o {
                                    GpuOutcome::Ok(h, w, cells) => {
                                        let g = OutGrid { h: h as usize, w: w as usize, cells };
                                        *outputs[k].lock().unwrap() = Some((Ok(g), Device::Gpu));
                                    }
                                    GpuOutcome::Redo(code) => match status_verdict(code) {
                                        Some(why) if opts.gpu_verdicts => {
                                            *outputs[k].lock().unwrap() = Some((Err(why), Device::Gpu));
                                            verdict[k].store(true, Ordering::Relaxed);
                                        }
                                        _ => r.push((k, status_reason(code).to_string())),
                                    },
                                }
                            }
                        }
                        other => {
                            let why = match other {
                                Err(e) => format!("GPU batch failed on {}: {e}", accel.label()),
                                Ok(o) => format!(
                                    "GPU returned {} outcomes for {} samples",
                                    o.len(),
                                    group.jobs.len()
                                ),
                            };
                            let mut r = redo.lock().unwrap();
                            r.extend(group.jobs.iter().map(|&k| (k, why.clone())));
                            // A device that fails a whole batch is not trusted with more.
                            failed.store(true, Ordering::SeqCst);
                            let mut f = fatal.lock().unwrap();
                            if f.is_none() {
                                *f = Some(why);
                            }
                            return;
                        }
                    }
                };
                scope.spawn(move || {
                    work();
                    gpu_workers.fetch_sub(1, Ordering::SeqCst);
                });
            }
        }

        // The CPU worker: its own groups first, then the small end of the shared queue.
        let t = Instant::now();
        let own: Vec<Group> = std::mem::take(&mut *cpu_queue.lock().unwrap());
        let batch_target = (threads * 16).max(64);
        let mut pending: Vec<usize> = own.into_iter().flat_map(|g| g.jobs).collect();
        loop {
            // Samples the GPUs gave back are redone as they come, not after the GPUs finish.
            let given_back = std::mem::take(&mut *redo.lock().unwrap());
            if !given_back.is_empty() {
                let ks: Vec<usize> = given_back.iter().map(|r| r.0).collect();
                for ((k, why), out) in given_back.into_iter().zip(run_cpu(&ks, false)) {
                    fallback[k] = Some(why);
                    *outputs[k].lock().unwrap() = Some((out, Device::Cpu));
                }
                continue;
            }
            if use_cpu_for_gpu_groups || usable.is_empty() {
                let gpus_busy = gpu_workers.load(Ordering::SeqCst) > 0;
                let mut q = queue.lock().unwrap();
                // With no GPU taking work, everything left is the CPU's: one parallel run over all of
                // it, not rounds of batch_target jobs each waiting for its slowest sample.
                while !gpus_busy || pending.len() < batch_target {
                    let Some(g) = q.back() else { break };
                    // A batch the GPUs do better is shared one at a time, not hoarded.
                    let theirs = gpus_busy
                        && opts.cost.prefers_gpu(solvers[g.solver].task, g.jobs.len(), g.cells, threads);
                    if theirs && !pending.is_empty() {
                        break;
                    }
                    pending.extend(q.pop_back().unwrap().jobs);
                    if theirs {
                        break;
                    }
                }
            }
            if pending.is_empty() {
                if gpu_workers.load(Ordering::SeqCst) == 0 {
                    break;
                }
                std::thread::sleep(Duration::from_micros(100));
                continue;
            }
            let ks = std::mem::take(&mut pending);
            for (&k, out) in ks.iter().zip(run_cpu(&ks, true)) {
                *outputs[k].lock().unwrap() = Some((out, Device::Cpu));
            }
        }
        cpu_busy = t.elapsed();
    });

    // Whatever is left: groups no GPU took (a failed device, forced GPU without that kernel).
    let leftover: Vec<usize> = queue.into_inner().unwrap().into_iter().flat_map(|g| g.jobs).collect();
    let fatal = fatal.into_inner().unwrap();
    if let (Some(why), DeviceChoice::Gpu) = (&fatal, opts.device) {
        return Err(GpuUnavailable { reason: why.clone() }.into());
    }
    let leftover_reason = fatal.clone();
    profile.solve = ms(solve_start.elapsed());
    profile.cpu_busy = ms(cpu_busy);
    profile.gpu_busy = ms(gpu_busy.into_inner().unwrap());

    let t = Instant::now();
    let mut redo = redo.into_inner().unwrap();
    if let Some(why) = leftover_reason {
        redo.extend(leftover.iter().map(|&k| (k, why.clone())));
    } else if !leftover.is_empty() {
        let outs = run_cpu(&leftover, true);
        for (&k, out) in leftover.iter().zip(outs) {
            *outputs[k].lock().unwrap() = Some((out, Device::Cpu));
        }
    }
    redo.sort_unstable();
    let ks: Vec<usize> = redo.iter().map(|r| r.0).collect();
    for ((k, why), out) in redo.into_iter().zip(run_cpu(&ks, false)) {
        fallback[k] = Some(why);
        *outputs[k].lock().unwrap() = Some((out, Device::Cpu));
    }
    profile.redo = ms(t.elapsed());
    if trace {
        eprintln!(
            "gpu trace: solve {:.1} ms (GPU workers busy {:.1} ms in all, CPU worker busy {:.1} ms), \
             redo after the GPUs {:.1} ms, {} samples redone",
            profile.solve,
            profile.gpu_busy,
            profile.cpu_busy,
            profile.redo,
            fallback.iter().filter(|f| f.is_some()).count()
        );
    }

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
        cpu_ns: cpu_ns.into_iter().map(AtomicU64::into_inner).collect(),
    })
}

/// Arena bytes a worker thread's context may keep between samples; a sample that grew it past this
/// gives the memory back (a few solvers build containers of hundreds of megabytes).
const KEEP_ARENA_BYTES: usize = 64 << 20;

thread_local! {
    static THREAD_CTX: std::cell::RefCell<Option<Ctx>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with this thread's context, kept warm across samples and runs (with one job per rayon
/// leaf, `map_init` would build a context, and grow its arena from nothing, for every sample).
fn with_thread_ctx<R>(limits: Limits, f: impl FnOnce(&mut Ctx) -> R) -> R {
    THREAD_CTX.with(|slot| match slot.try_borrow_mut() {
        Ok(mut slot) => {
            let ctx = slot.get_or_insert_with(|| Ctx::new(limits));
            ctx.limits = limits;
            let out = f(ctx);
            if ctx.arena().allocated_bytes() > KEEP_ARENA_BYTES {
                *slot = None;
            }
            out
        }
        // Re-entered on this thread (a solver waiting on rayon picked up another job): a fresh one.
        Err(_) => f(&mut Ctx::new(limits)),
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
