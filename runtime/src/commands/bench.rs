//! `arcforge bench`: throughput of the executor on three workloads and four device settings, with
//! the pipeline profile of every measurement, a JSON report and an SVG plot.
//!
//! Workloads (all through [`crate::execute`], the path `eval` and `solve` take):
//! * `eval`: every solver on its own task's train and test inputs (verified against the expected
//!   outputs);
//! * `all-pairs`: every solver on every input of every task (what `solve` runs);
//! * `all-pairs-programs`: the same with run-time programs (`--programs FILE`, e.g. the registered
//!   solvers rendered as arc-dsl Python) instead of the compiled solvers: on the CPU interpreted, or
//!   also compiled for the host once before the measurements (as `run` does, each program then on
//!   the faster path; [`BenchReport::programs_cpu`]), and on the GPU settings compiled with NVRTC
//!   once before the measurements (the compile's time is in the report,
//!   [`BenchReport::programs_gpu`]), to set them against the compiled solvers in one run;
//! * `scaling`: one solver on batches of 1, 10, 100, ... samples built from its task's real inputs by
//!   the 8 symmetries and colour permutations, to find where the GPU overtakes the CPU.
//!
//! Devices: `cpu1` (one worker thread), `cpu` (all threads), `gpu` (forced) and `auto` (the cost
//! model shares the work). A measurement is repeated and each number is the median over repeats, so
//! one slow run (a page fault storm, another build on the box) does not decide the result.

use std::fmt;
use std::io::{self, Write as _};
use std::path::Path;
use std::time::Instant;

use gpu_kernels::typed::LoadedSolver;
use programs::Program;
use serde::Serialize;
use solvers::Solver;

use crate::backends::gpu::{devices_info, execute};
use crate::backends::host_programs;
use crate::backends::program_kernels::{self, CompilePolicy};
use crate::data::load::Loaded;
use crate::data::task::TaskGrid;
use crate::data::variant::variant;
use crate::engine::accelerator::Accelerator;
use crate::engine::device::{Device, DeviceChoice};
use crate::engine::exec::{execute_runnables_on, thread_pool, ExecError, ExecOptions, ExecRun, Job};
use crate::engine::fnv::{fnv1a, FNV_OFFSET};
use crate::engine::runnable::Runnable;
use crate::engine::sample::{verify, OutGrid, Outcome};
use crate::engine::typed_cpu::{PathChoice, TypedCpu};

/// A workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Workload {
    Eval,
    AllPairs,
    AllPairsPrograms,
    Scaling,
}

impl fmt::Display for Workload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Workload::Eval => "eval",
            Workload::AllPairs => "all-pairs",
            Workload::AllPairsPrograms => "all-pairs-programs",
            Workload::Scaling => "scaling",
        })
    }
}

/// A device setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BenchDevice {
    /// The CPU with one worker thread.
    Cpu1,
    /// The CPU with all threads (or `--threads`).
    Cpu,
    /// The GPUs only (what they cannot finish is still redone on the CPU).
    Gpu,
    /// GPUs and CPU together, by the cost model.
    Auto,
}

impl BenchDevice {
    pub fn needs_gpu(self) -> bool {
        matches!(self, BenchDevice::Gpu | BenchDevice::Auto)
    }
}

impl fmt::Display for BenchDevice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BenchDevice::Cpu1 => "cpu1",
            BenchDevice::Cpu => "cpu",
            BenchDevice::Gpu => "gpu",
            BenchDevice::Auto => "auto",
        })
    }
}

/// What to measure.
#[derive(Clone, Debug)]
pub struct BenchOptions {
    pub workloads: Vec<Workload>,
    pub devices: Vec<BenchDevice>,
    /// Runs per measurement (the median is reported); at least 1.
    pub repeat: usize,
    /// The largest scaling batch (batches are 1, 10, 100, ... up to it, and it).
    pub max_batch: usize,
    /// The task id of the scaling solver.
    pub scaling_solver: String,
    /// Seed of the scaling inputs' colour permutations.
    pub seed: u64,
    /// The base options: threads for `cpu`, limits, cost model (device and threads are set per
    /// device setting).
    pub exec: ExecOptions,
    /// The run-time programs of the `all-pairs-programs` workload.
    pub programs: Vec<Program>,
}

/// The default scaling solver: 50cb2852 (find the objects, fill each one's inbox) does real object
/// work per sample, so the plot is about solving rather than copying grids, and it does not depend
/// on particular colours, so the colour-permuted inputs stay valid for it.
pub const DEFAULT_SCALING_SOLVER: &str = "50cb2852";

impl Default for BenchOptions {
    fn default() -> Self {
        BenchOptions {
            workloads: vec![Workload::Eval, Workload::AllPairs, Workload::Scaling],
            devices: vec![BenchDevice::Cpu1, BenchDevice::Cpu, BenchDevice::Gpu, BenchDevice::Auto],
            repeat: 3,
            max_batch: 100_000,
            scaling_solver: DEFAULT_SCALING_SOLVER.to_string(),
            seed: 0x5eed,
            exec: ExecOptions::default(),
            programs: Vec::new(),
        }
    }
}

/// Milliseconds per pipeline phase of one measurement (medians over the repeats).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Profile {
    /// Reading and validating the data (once per bench run, the same in every row).
    pub load: f64,
    /// Building the job list (and the input list the executor uploads).
    pub batching: f64,
    /// Uploading inputs to the GPUs.
    pub transfer: f64,
    /// Running the solvers (CPU and GPUs, redo included), transfer excluded.
    pub solve: f64,
    /// Comparing outputs with the expected grids (eval, all-pairs) or hashing them (scaling).
    pub verify: f64,
    /// Serializing every output as ARC JSON (to a byte counter: the cost of writing a submission,
    /// without the disk).
    pub write: f64,
    /// Time with at least one GPU wave in flight, inside `solve`.
    pub gpu_active: f64,
}

/// One (workload, device, batch) measurement.
#[derive(Clone, Debug, Serialize)]
pub struct Measurement {
    pub workload: Workload,
    pub device: BenchDevice,
    /// The scaling batch size (`null` for eval and all-pairs).
    pub batch: Option<usize>,
    /// Solver calls per run (each sample is one call).
    pub samples: usize,
    /// Input cells over all samples.
    pub cells: usize,
    /// Worker threads on the CPU side.
    pub threads: usize,
    /// Solver calls per second of solve time (median).
    pub calls_per_s: f64,
    /// Solve milliseconds per sample (median).
    pub ms_per_sample: f64,
    /// Milliseconds from building the jobs to the written outputs (median; load excluded).
    pub wall_ms: f64,
    /// Wall milliseconds of each repeat (the mean of its loops), in order.
    pub runs_wall_ms: Vec<f64>,
    /// Runs per repeat: short runs are looped to last about 20 ms, and averaged.
    pub loops: usize,
    pub profile: Profile,
    /// Outputs equal to the expected grid (eval, all-pairs).
    pub correct: usize,
    /// Calls without an output grid (normal off a solver's own task).
    pub errored: usize,
    pub samples_on_gpu: usize,
    pub fallbacks: usize,
    /// Share of the solve time with GPU work in flight (`null` where no GPU ran).
    pub gpu_busy: Option<f64>,
    /// Why samples were redone on the CPU, with how many, commonest first (the last run's).
    pub redone_for: Vec<(String, usize)>,
    /// FNV-1a of every output (grid or error) in job order: equal across devices when the devices
    /// agree.
    pub outputs_hash: String,
    /// Bytes of the serialized outputs.
    pub output_bytes: u64,
    /// Every solver that ran on the CPU with its CPU time in one run (one thread's, summed over its
    /// samples, the mean of the timed runs), the costliest first: where the CPU's time goes (`bench` prints five).
    pub costliest_solvers: Vec<SolverCpuTime>,
    /// The CPU's long tail by steps (the last run's samples that ran on the CPU): for each bound, how
    /// many samples used at least that many steps and their part of the CPU time. A GPU step budget
    /// (`ARCFORGE_GPU_STEPS`) of that bound hands those samples to the CPU.
    pub cpu_steps_tail: Vec<StepTail>,
}

/// Samples at or above a step count, and their part of the CPU time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepTail {
    pub at_least_steps: u64,
    pub samples: usize,
    /// Part of the CPU time of those samples (0..1).
    pub cpu_share: f64,
}

/// The bounds [`Measurement::cpu_steps_tail`] reports: powers of four from 2^12 to 2^22.
const TAIL_BOUNDS: [u64; 6] = [1 << 12, 1 << 14, 1 << 16, 1 << 18, 1 << 20, 1 << 22];

/// [`Measurement::cpu_steps_tail`] from each CPU sample's steps and nanoseconds (0 ns: not run on the
/// CPU).
fn steps_tail(steps: &[u64], ns: &[u64]) -> Vec<StepTail> {
    let total: u64 = ns.iter().sum();
    TAIL_BOUNDS
        .iter()
        .map(|&bound| {
            let (samples, tail_ns) = steps
                .iter()
                .zip(ns)
                .filter(|&(&s, &t)| t > 0 && s >= bound)
                .fold((0, 0u64), |(n, sum), (_, &t)| (n + 1, sum + t));
            StepTail {
                at_least_steps: bound,
                samples,
                cpu_share: if total > 0 { tail_ns as f64 / total as f64 } else { 0.0 },
            }
        })
        .collect()
}

/// One solver's CPU time in a run.
#[derive(Clone, Debug, Serialize)]
pub struct SolverCpuTime {
    pub task: String,
    /// Samples it ran on the CPU.
    pub samples: usize,
    /// Milliseconds of one CPU thread in one run, summed over those samples (the mean of the timed
    /// runs: reports of different `loops` or `--repeat` compare).
    pub cpu_ms: f64,
    /// Its part of all the CPU time of the run (0..1).
    pub share: f64,
}

/// A device setting that was not measured, and why.
#[derive(Clone, Debug, Serialize)]
pub struct Skipped {
    pub device: BenchDevice,
    pub reason: String,
}

/// Where the GPU overtakes the CPU in the scaling workload.
#[derive(Clone, Debug, Serialize)]
pub struct Crossover {
    /// The CPU setting compared with (`cpu` when it ran, else `cpu1`).
    pub cpu_device: BenchDevice,
    /// The smallest measured batch at which the GPU's calls/s is at least the CPU's (`null`: the
    /// GPU never caught up up to the largest batch).
    pub batch: Option<usize>,
    /// Input cells in that batch.
    pub cells: Option<usize>,
}

/// Everything `arcforge bench` measured (`--json` writes it).
#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    pub version: &'static str,
    /// Seconds since the Unix epoch when the bench started.
    pub unix_time: u64,
    pub data: BenchData,
    pub repeat: usize,
    /// CPU threads of the `cpu` setting.
    pub threads: usize,
    /// The GPUs used, or why none.
    pub gpus: String,
    /// Which CPU path the compiled solvers took (`typed_cpu::describe`).
    pub cpu_path: String,
    pub scaling_solver: String,
    pub results: Vec<Measurement>,
    pub skipped: Vec<Skipped>,
    /// `null` unless scaling ran on the GPU and on a CPU setting.
    pub crossover: Option<Crossover>,
    /// The all-pairs-programs workload on the GPU: what was compiled for it and how long that took
    /// (start-up, paid once before the measurements); `null` where it did not run there.
    pub programs_gpu: Option<String>,
    /// The all-pairs-programs workload's CPU path: interpreted (and why), or what was compiled for
    /// the host and how long that took (start-up, paid once), and how many programs ended on the
    /// typed path; `null` where the workload did not run.
    pub programs_cpu: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct BenchData {
    pub path: String,
    pub format: String,
    pub tasks: usize,
    /// Train and test inputs over all tasks.
    pub inputs: usize,
}

/// Why a bench could not run.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("no registered solver for scaling task {0} (pass --solver with a task id that has one)")]
    UnknownSolver(String),
    #[error("scaling task {0} is not in the data")]
    MissingTask(String),
    #[error("no loaded task has a solver, so the eval workload is empty")]
    NoEvalWork,
    #[error("the all-pairs-programs workload needs programs (--programs FILE)")]
    NoPrograms,
    #[error(transparent)]
    Exec(#[from] ExecError),
}

/// A workload's work, as [`execute`] takes it: solvers, inputs, jobs, and each job's expected
/// output when known.
pub struct Work<'a> {
    pub solvers: Vec<Solver>,
    pub inputs: Vec<&'a TaskGrid>,
    pub jobs: Vec<Job>,
    pub expected: Vec<Option<&'a TaskGrid>>,
    /// Take the GPU's verdicts on failing samples ([`ExecOptions::gpu_verdicts`]), as `solve` does
    /// in the all-pairs workload.
    pub gpu_verdicts: bool,
    /// Run-time programs run instead of `solvers` (interpreted on the CPU).
    pub programs: Vec<&'a Program>,
    /// Per program, its kernel on `accels` (compiled at run time), for the GPU settings.
    pub program_kernels: Vec<Option<String>>,
    /// The GPUs the programs' kernels were loaded on (empty: the programs run on the CPU only).
    pub accels: Vec<&'static dyn Accelerator>,
    /// Per program, its typed code for the CPU (compiled for the host), and the path choice each
    /// program's samples follow (kept over the repeats).
    pub program_twins: Vec<Option<LoadedSolver>>,
    pub path_choices: Vec<PathChoice>,
}

impl Work<'_> {
    /// The task solver (or program) `s` is written for, for the costliest list.
    fn task_of(&self, s: usize) -> String {
        match self.programs.get(s) {
            Some(p) => p.task.clone().unwrap_or_else(|| p.name.clone()),
            None => self.solvers[s].task.to_string(),
        }
    }
}

/// Every solver on its own task's inputs (the first solver registered for a task, as in `eval`).
pub fn eval_work<'a>(loaded: &'a Loaded, solvers: &[Solver]) -> Work<'a> {
    let mut w = Work {
        solvers: Vec::new(),
        inputs: Vec::new(),
        jobs: Vec::new(),
        expected: Vec::new(),
        gpu_verdicts: false,
        programs: Vec::new(),
        program_kernels: Vec::new(),
        program_twins: Vec::new(),
        path_choices: Vec::new(),
        accels: Vec::new(),
    };
    for task in &loaded.tasks {
        let Some(s) = solvers.iter().find(|s| s.task == task.id) else { continue };
        w.solvers.push(*s);
        for (_, _, pair) in task.samples() {
            w.jobs.push(Job { solver: w.solvers.len() as u32 - 1, input: w.inputs.len() as u32 });
            w.inputs.push(&pair.input);
            w.expected.push(pair.output.as_ref());
        }
    }
    w
}

/// Every solver on every input; a call is correct when its output is that input's expected output.
pub fn all_pairs_work<'a>(loaded: &'a Loaded, solvers: &[Solver]) -> Work<'a> {
    let pairs: Vec<_> = loaded.tasks.iter().flat_map(|t| t.samples().map(|(_, _, p)| p)).collect();
    let n = pairs.len() as u32;
    let jobs: Vec<Job> =
        (0..solvers.len() as u32).flat_map(|s| (0..n).map(move |i| Job { solver: s, input: i })).collect();
    let expected = (0..solvers.len()).flat_map(|_| pairs.iter().map(|p| p.output.as_ref())).collect();
    let inputs = pairs.iter().map(|p| &p.input).collect();
    Work {
        solvers: solvers.to_vec(),
        inputs,
        jobs,
        expected,
        gpu_verdicts: true,
        programs: Vec::new(),
        program_kernels: Vec::new(),
        program_twins: Vec::new(),
        path_choices: Vec::new(),
        accels: Vec::new(),
    }
}

/// [`all_pairs_work`] with run-time programs in place of the solvers: every program on every input.
pub fn all_pairs_programs_work<'a>(loaded: &'a Loaded, programs: &'a [Program]) -> Work<'a> {
    let mut w = all_pairs_work(loaded, &[]);
    let n = w.inputs.len() as u32;
    w.jobs =
        (0..programs.len() as u32).flat_map(|s| (0..n).map(move |i| Job { solver: s, input: i })).collect();
    let pairs: Vec<_> = loaded.tasks.iter().flat_map(|t| t.samples().map(|(_, _, p)| p)).collect();
    w.expected = (0..programs.len()).flat_map(|_| pairs.iter().map(|p| p.output.as_ref())).collect();
    w.programs = programs.iter().collect();
    // The GPU's verdicts are taken, as `run` takes them (it runs again only the failures its report
    // shows in full).
    w
}

/// One solver on every grid of `pool` (a scaling batch).
fn scaling_work(solver: Solver, pool: &[TaskGrid]) -> Work<'_> {
    Work {
        solvers: vec![solver],
        inputs: pool.iter().collect(),
        jobs: (0..pool.len() as u32).map(|i| Job { solver: 0, input: i }).collect(),
        expected: vec![None; pool.len()],
        gpu_verdicts: false,
        programs: Vec::new(),
        program_kernels: Vec::new(),
        program_twins: Vec::new(),
        path_choices: Vec::new(),
        accels: Vec::new(),
    }
}

/// `n` grids from `base` (a task's real inputs): each base grid under the 8 symmetries, then the
/// same again under fresh colour permutations (colour 0, the usual background, stays put so the
/// grids keep ARC's look), until there are `n`.
pub fn scaling_inputs(base: &[&TaskGrid], n: usize, seed: u64) -> Vec<TaskGrid> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out = Vec::with_capacity(n);
    let identity: [u8; 10] = std::array::from_fn(|k| k as u8);
    let mut round = 0usize;
    while out.len() < n && !base.is_empty() {
        let mut perm = identity;
        if round > 0 {
            rng.shuffle(&mut perm[1..]);
        }
        'fill: for sym in 0..8u8 {
            for g in base {
                if out.len() == n {
                    break 'fill;
                }
                if let Some(v) = variant(g, sym, &perm) {
                    out.push(v);
                }
            }
        }
        round += 1;
    }
    out
}

/// Batch sizes 1, 10, 100, ... below `max`, then `max`.
pub fn batch_sizes(max: usize) -> Vec<usize> {
    let mut sizes: Vec<usize> =
        std::iter::successors(Some(1usize), |&b| b.checked_mul(10)).take_while(|&b| b < max).collect();
    sizes.push(max.max(1));
    sizes
}

fn hash_outputs(outputs: &[Result<OutGrid, String>]) -> u64 {
    outputs.iter().fold(FNV_OFFSET, |h, o| match o {
        Ok(g) if g.is_arc_grid() => fnv1a(fnv1a(h, &[1, g.h as u8, g.w as u8]), &g.cells),
        // No valid grid hashes alike whatever the error's text or the grid's size: a GPU verdict
        // says what failed but not where, or that the output is no ARC grid.
        _ => fnv1a(h, &[0]),
    })
}

/// Counts bytes written.
struct Counter(u64);

impl io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes the outputs as a JSON list of grids (`null` for errors), as a submission would: the
/// bytes of `serde_json` for the rows, built in one buffer (a colour is one to three digits) and
/// handed to the sink once. (Through `serde_json::to_writer` and a `BufWriter`, each number and
/// bracket was a call into the writer: ~10 M instructions per eval pass, 8% of it.)
fn write_outputs(outputs: &[Result<OutGrid, String>]) -> u64 {
    let cells: usize = outputs.iter().map(|o| o.as_ref().map_or(0, |g| g.cells.len())).sum();
    let mut out = Vec::with_capacity(2 * cells + 8 * outputs.len() + 2);
    out.push(b'[');
    for (k, o) in outputs.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        match o {
            Ok(g) => grid_json(&mut out, g),
            Err(_) => out.extend_from_slice(b"null"),
        }
    }
    out.push(b']');
    let mut sink = Counter(0);
    let _ = sink.write_all(&out);
    sink.0
}

/// A grid as `serde_json` writes its rows (`[[1,2],[3,4]]`; `[]` without cells): every number is
/// written with the comma after it (two bytes at once for one digit), and a row's last comma
/// becomes its `]`.
fn grid_json(out: &mut Vec<u8>, g: &OutGrid) {
    let w = g.w.max(1);
    out.reserve(4 * g.cells.len() + 3 * g.cells.len().div_ceil(w) + 2);
    out.push(b'[');
    for row in g.cells.chunks(w) {
        out.push(b'[');
        for &c in row {
            if c < 10 {
                out.extend_from_slice(&[b'0' + c, b',']);
            } else if c < 100 {
                out.extend_from_slice(&[b'0' + c / 10, b'0' + c % 10, b',']);
            } else {
                out.extend_from_slice(&[b'0' + c / 100, b'0' + c / 10 % 10, b'0' + c % 10, b',']);
            }
        }
        // Rows have cells (chunks are never empty): the last comma closes the row.
        *out.last_mut().expect("a row's comma") = b']';
        out.push(b',');
    }
    // The last row's comma closes the grid; without rows, `]` follows `[`.
    if out.last() == Some(&b',') {
        out.pop();
    }
    out.push(b']');
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    match xs.len() {
        0 => 0.0,
        n if n % 2 == 1 => xs[n / 2],
        n => (xs[n / 2 - 1] + xs[n / 2]) / 2.0,
    }
}

/// How a device setting runs: executor options, and the thread pool to run them in (built once
/// per bench, so no measurement pays for starting threads; `None`: rayon's global pool).
struct Setting {
    exec: ExecOptions,
    pool: Option<rayon::ThreadPool>,
    threads: usize,
}

fn setting(base: &ExecOptions, device: BenchDevice) -> Result<Setting, ExecError> {
    let choice = match device {
        BenchDevice::Cpu1 | BenchDevice::Cpu => DeviceChoice::Cpu,
        BenchDevice::Gpu => DeviceChoice::Gpu,
        BenchDevice::Auto => DeviceChoice::Auto,
    };
    let threads = if device == BenchDevice::Cpu1 { Some(1) } else { base.threads };
    let pool = thread_pool(threads)?;
    // Inside the pool the executor's CPU side uses that pool: threads stays None here.
    let exec = ExecOptions { device: choice, threads: None, progress: None, ..base.clone() };
    Ok(Setting { exec, pool, threads: threads.unwrap_or_else(rayon::current_num_threads) })
}

/// Runs `work` once: (profile without load, the run, correct, output bytes, outputs hash).
fn run_once(work: &Work, setting: &Setting) -> Result<(Profile, ExecRun, usize, u64, u64), ExecError> {
    let t = Instant::now();
    // Batching: what `solve` does before the executor (the input and job lists), done here from the
    // prepared work so every workload pays the same kind of cost.
    let inputs: Vec<&TaskGrid> = work.inputs.to_vec();
    let jobs: Vec<Job> = work.jobs.to_vec();
    let batching = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let exec = ExecOptions { gpu_verdicts: work.gpu_verdicts, ..setting.exec.clone() };
    // Run-time programs reach the GPUs only under the GPU settings, with their compiled kernels.
    let on_gpu = exec.device != DeviceChoice::Cpu && !work.accels.is_empty();
    let runnables: Vec<Runnable> = work
        .programs
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let kernel = work.program_kernels.get(k).and_then(|k| k.as_deref()).filter(|_| on_gpu);
            let twin = work.program_twins.get(k).copied().flatten().zip(work.path_choices.get(k));
            Runnable::interpreted_with_kernel(p, kernel).with_typed(twin)
        })
        .collect();
    let accels = if on_gpu { work.accels.clone() } else { Vec::new() };
    let go = || match work.programs.is_empty() {
        true => execute(&work.solvers, &inputs, &jobs, &exec),
        false => execute_runnables_on(&accels, &runnables, &inputs, &jobs, &exec),
    };
    let run = match &setting.pool {
        Some(pool) => pool.install(go)?,
        None => go()?,
    };
    let exec_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let correct = run
        .outputs
        .iter()
        .zip(&work.expected)
        .filter(|(o, e)| e.is_some() && verify(o, **e) == Outcome::Correct)
        .count();
    let hash = hash_outputs(&run.outputs);
    let verify_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let bytes = write_outputs(&run.outputs);
    let write = t.elapsed().as_secs_f64() * 1e3;
    let transfer = run.profile.transfer;
    let profile = Profile {
        load: 0.0,
        batching,
        transfer,
        solve: exec_ms - transfer,
        verify: verify_ms,
        write,
        gpu_active: run.profile.gpu_active,
    };
    Ok((profile, run, correct, bytes, hash))
}

/// Measures `work` on `device` `repeat` times and takes medians.
fn measure(
    work: &Work,
    workload: Workload,
    (device, setting): (BenchDevice, &Setting),
    batch: Option<usize>,
    opts: &BenchOptions,
    load_ms: f64,
) -> Result<Measurement, ExecError> {
    // A run of a few samples lasts microseconds, below the clock's and the scheduler's noise: each
    // repeat loops the work until it lasts about MIN_REPEAT_MS and reports the mean run. The sizing
    // run also warms the caches.
    const MIN_REPEAT_MS: f64 = 20.0;
    let (p, ..) = run_once(work, setting)?;
    let once = p.batching + p.transfer + p.solve + p.verify + p.write;
    let loops = (MIN_REPEAT_MS / once.max(1e-3)).ceil().clamp(1.0, 10_000.0) as usize;
    let mut profiles = Vec::new();
    let mut last = None;
    // CPU time per solver over every timed run (one run of a short workload is too noisy).
    let mut cpu_by_solver: std::collections::BTreeMap<usize, (usize, f64)> = Default::default();
    for _ in 0..opts.repeat.max(1) {
        let mut sum = Profile::default();
        for _ in 0..loops {
            let (p, run, correct, bytes, hash) = run_once(work, setting)?;
            for (solver, samples, ms) in run.cpu_ms_by_solver(&work.jobs) {
                let e = cpu_by_solver.entry(solver).or_insert((0, 0.0));
                e.0 = samples;
                e.1 += ms;
            }
            sum.batching += p.batching;
            sum.transfer += p.transfer;
            sum.solve += p.solve;
            sum.verify += p.verify;
            sum.write += p.write;
            sum.gpu_active += p.gpu_active;
            last = Some((run, correct, bytes, hash));
        }
        let n = loops as f64;
        profiles.push(Profile {
            load: 0.0,
            batching: sum.batching / n,
            transfer: sum.transfer / n,
            solve: sum.solve / n,
            verify: sum.verify / n,
            write: sum.write / n,
            gpu_active: sum.gpu_active / n,
        });
    }
    let (run, correct, output_bytes, hash) = last.expect("at least one repeat");
    let med = |f: fn(&Profile) -> f64| median(&mut profiles.iter().map(f).collect::<Vec<_>>());
    let profile = Profile {
        load: load_ms,
        batching: med(|p| p.batching),
        transfer: med(|p| p.transfer),
        solve: med(|p| p.solve),
        verify: med(|p| p.verify),
        write: med(|p| p.write),
        gpu_active: med(|p| p.gpu_active),
    };
    let runs_wall_ms: Vec<f64> =
        profiles.iter().map(|p| p.batching + p.transfer + p.solve + p.verify + p.write).collect();
    let samples = work.jobs.len();
    // Throughput counts transfer with solve: the GPU must upload to solve anything.
    let solve_s = (profile.solve + profile.transfer) / 1e3;
    Ok(Measurement {
        workload,
        device,
        batch,
        samples,
        cells: work.jobs.iter().map(|j| work.inputs[j.input as usize].cells().len()).sum(),
        threads: setting.threads,
        calls_per_s: samples as f64 / solve_s.max(1e-9),
        ms_per_sample: solve_s * 1e3 / samples.max(1) as f64,
        loops,
        wall_ms: median(&mut runs_wall_ms.clone()),
        runs_wall_ms,
        profile,
        correct,
        errored: run.outputs.iter().filter(|o| o.is_err()).count(),
        samples_on_gpu: run.samples_on(Device::Gpu),
        fallbacks: run.fallbacks(),
        gpu_busy: (run.samples_on(Device::Gpu) + run.fallbacks() > 0)
            .then(|| profile.gpu_active / profile.solve.max(1e-9)),
        redone_for: run.fallback_reasons(),
        outputs_hash: format!("{hash:016x}"),
        output_bytes,
        costliest_solvers: costliest(work, cpu_by_solver, loops * opts.repeat.max(1)),
        cpu_steps_tail: steps_tail(&run.cpu_steps, &run.cpu_ns),
    })
}

/// [`Measurement::costliest_solvers`] from CPU time per solver (samples per run, milliseconds summed
/// over `runs` timed runs).
fn costliest(
    work: &Work,
    by: std::collections::BTreeMap<usize, (usize, f64)>,
    runs: usize,
) -> Vec<SolverCpuTime> {
    let runs = runs.max(1) as f64;
    let mut by: Vec<(usize, usize, f64)> = by.into_iter().map(|(s, (n, ms))| (s, n, ms / runs)).collect();
    by.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    let total: f64 = by.iter().map(|b| b.2).sum();
    by.into_iter()
        .map(|(s, samples, cpu_ms)| SolverCpuTime {
            task: work.task_of(s),
            samples,
            cpu_ms,
            share: if total > 0.0 { cpu_ms / total } else { 0.0 },
        })
        .collect()
}

/// The crossover of the scaling rows: the smallest batch where the GPU's calls/s reaches the CPU's.
pub fn crossover(results: &[Measurement]) -> Option<Crossover> {
    let rows = |d: BenchDevice| -> Vec<&Measurement> {
        results.iter().filter(|m| m.workload == Workload::Scaling && m.device == d).collect()
    };
    let gpu = rows(BenchDevice::Gpu);
    let cpu_device = [BenchDevice::Cpu, BenchDevice::Cpu1].into_iter().find(|&d| !rows(d).is_empty())?;
    if gpu.is_empty() {
        return None;
    }
    let cpu = rows(cpu_device);
    let at = gpu
        .iter()
        .find(|g| cpu.iter().find(|c| c.batch == g.batch).is_some_and(|c| g.calls_per_s >= c.calls_per_s));
    Some(Crossover { cpu_device, batch: at.and_then(|m| m.batch), cells: at.map(|m| m.cells) })
}

/// Runs the bench. `gpu_reason` is why the GPU cannot be used (`None`: it can); `progress` hears
/// of every measurement as it finishes (to print it).
pub fn run(
    loaded: &Loaded,
    solvers: &[Solver],
    opts: &BenchOptions,
    gpu_reason: Option<String>,
    progress: &mut dyn FnMut(&Measurement),
) -> Result<BenchReport, BenchError> {
    let unix_time =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let load_ms = loaded.elapsed.as_secs_f64() * 1e3;
    let mut skipped = Vec::new();
    let mut devices = Vec::new();
    for &d in &opts.devices {
        match (&gpu_reason, d.needs_gpu()) {
            (Some(why), true) => {
                skipped.push(Skipped { device: d, reason: format!("GPU not available: {why}") })
            }
            _ if devices.contains(&d) => {}
            _ => devices.push(d),
        }
    }

    if opts.workloads.contains(&Workload::AllPairsPrograms) && opts.programs.is_empty() {
        return Err(BenchError::NoPrograms);
    }
    // The programs compiled for the GPUs once, before any measurement (the compile is start-up).
    let mut programs_gpu = None;
    // Per program its GPU kernel (or none), and the GPUs that loaded them.
    type Compiled = (Vec<Option<String>>, Vec<&'static dyn Accelerator>);
    let mut compiled: Option<Compiled> = None;
    let gpu_settings: Vec<BenchDevice> = devices.iter().copied().filter(|d| d.needs_gpu()).collect();
    if opts.workloads.contains(&Workload::AllPairsPrograms) && !gpu_settings.is_empty() {
        let t = Instant::now();
        match program_kernels::prepare(&opts.programs, opts.exec.gpus.as_deref(), CompilePolicy::Always) {
            Ok(p) => {
                programs_gpu = Some(format!("{} (start-up {:.1} s)", p.note, t.elapsed().as_secs_f64()));
                compiled = Some((p.kernels, p.accelerators));
            }
            Err(why) => {
                for d in gpu_settings {
                    let reason = format!("all-pairs-programs: the programs could not be compiled: {why}");
                    skipped.push(Skipped { device: d, reason });
                }
            }
        }
    }
    // The programs compiled for the host once too, as `run` would (ARCFORGE_CPU_PATH=dynamic: not).
    let mut programs_cpu = None;
    let mut host_twins = Vec::new();
    if opts.workloads.contains(&Workload::AllPairsPrograms) {
        programs_cpu = Some(match opts.exec.typed_cpu {
            TypedCpu::Off => "interpreted (ARCFORGE_CPU_PATH=dynamic)".to_string(),
            _ => {
                let t = Instant::now();
                match host_programs::prepare(&opts.programs, CompilePolicy::Always) {
                    Ok(h) => {
                        host_twins = h.twins;
                        format!("{} (start-up {:.1} s)", h.note, t.elapsed().as_secs_f64())
                    }
                    Err(why) => format!("interpreted (no host compile: {why})"),
                }
            }
        });
    }
    let eval = eval_work(loaded, solvers);
    if eval.jobs.is_empty() && opts.workloads.contains(&Workload::Eval) {
        return Err(BenchError::NoEvalWork);
    }
    // The scaling solver and its task's inputs are checked before anything is measured.
    let scaling = if opts.workloads.contains(&Workload::Scaling) {
        let id = opts.scaling_solver.as_str();
        let solver =
            *solvers.iter().find(|s| s.task == id).ok_or_else(|| BenchError::UnknownSolver(id.into()))?;
        let task = loaded.task(id).ok_or_else(|| BenchError::MissingTask(id.into()))?;
        let base: Vec<&TaskGrid> = task.samples().map(|(_, _, p)| &p.input).collect();
        Some((solver, base))
    } else {
        None
    };

    // One unmeasured run per device first: it opens the GPUs (context, module load) and starts
    // the thread pools, which no repeat should pay.
    let settings: Vec<(BenchDevice, Setting)> =
        devices.iter().map(|&d| setting(&opts.exec, d).map(|s| (d, s))).collect::<Result<_, _>>()?;
    for (_, s) in &settings {
        if !eval.jobs.is_empty() {
            run_once(&eval, s)?;
        }
    }

    let mut results = Vec::new();
    for &workload in &opts.workloads {
        match workload {
            Workload::Eval | Workload::AllPairs => {
                let all;
                let work = if workload == Workload::Eval {
                    &eval
                } else {
                    all = all_pairs_work(loaded, solvers);
                    &all
                };
                for (d, s) in &settings {
                    let m = measure(work, workload, (*d, s), None, opts, load_ms)?;
                    progress(&m);
                    results.push(m);
                }
            }
            Workload::AllPairsPrograms => {
                let mut work = all_pairs_programs_work(loaded, &opts.programs);
                if let Some((kernels, accels)) = &compiled {
                    work.program_kernels = kernels.clone();
                    work.accels = accels.clone();
                }
                work.program_twins = host_twins.clone();
                work.path_choices =
                    opts.programs.iter().map(|_| PathChoice::new(opts.exec.typed_cpu)).collect();
                for (d, s) in settings.iter().filter(|(d, _)| !d.needs_gpu() || compiled.is_some()) {
                    let m = measure(&work, workload, (*d, s), None, opts, load_ms)?;
                    progress(&m);
                    results.push(m);
                }
            }
            Workload::Scaling => {
                let Some((solver, base)) = &scaling else { continue };
                let sizes = batch_sizes(opts.max_batch);
                // Built once at the largest size; each batch is a prefix, so batches nest.
                let pool = scaling_inputs(base, *sizes.last().unwrap_or(&1), opts.seed);
                for &n in &sizes {
                    let work = scaling_work(*solver, &pool[..n.min(pool.len())]);
                    for (d, s) in &settings {
                        let m = measure(&work, workload, (*d, s), Some(n), opts, load_ms)?;
                        progress(&m);
                        results.push(m);
                    }
                }
            }
        }
    }
    let crossover = crossover(&results);
    let threads = opts.exec.threads.unwrap_or_else(rayon::current_num_threads);
    Ok(BenchReport {
        version: env!("CARGO_PKG_VERSION"),
        unix_time,
        data: BenchData {
            path: loaded.path.display().to_string(),
            format: loaded.kind.to_string(),
            tasks: loaded.tasks.len(),
            inputs: loaded.tasks.iter().map(|t| t.sample_count()).sum(),
        },
        repeat: opts.repeat.max(1),
        threads,
        gpus: gpu_reason
            .map_or_else(|| devices_info(opts.exec.gpus.as_deref()), |why| format!("none: {why}")),
        cpu_path: crate::engine::typed_cpu::describe(opts.exec.typed_cpu),
        scaling_solver: opts.scaling_solver.clone(),
        results,
        skipped,
        crossover,
        programs_gpu,
        programs_cpu,
    })
}

/// Draws throughput (samples/s) against batch size, log-log, one line per device for the scaling
/// workload and one marker per (workload, device) for eval and all-pairs at their sample counts.
pub fn plot(report: &BenchReport, path: &Path) -> Result<(), String> {
    use plotters::prelude::*;

    let rows = &report.results;
    if rows.is_empty() {
        return Err("nothing was measured, so there is nothing to plot".into());
    }
    let (mut x_max, mut y_min, mut y_max) = (1.0f64, f64::MAX, 1.0f64);
    for m in rows {
        x_max = x_max.max(m.samples as f64);
        y_min = y_min.min(m.calls_per_s.max(1.0));
        y_max = y_max.max(m.calls_per_s);
    }
    // Pad by a factor so points do not sit on the frame.
    let (x_range, y_range) = (0.5..x_max * 2.0, (y_min / 2.0).max(0.1)..y_max * 2.0);
    let err = |e: &dyn fmt::Display| format!("cannot draw {}: {e}", path.display());

    let root = SVGBackend::new(path, (900, 600)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| err(&e))?;
    let title =
        format!("arcforge bench: throughput vs batch size (scaling solver {})", report.scaling_solver);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(15)
        .x_label_area_size(45)
        .y_label_area_size(70)
        .build_cartesian_2d(x_range.log_scale(), y_range.log_scale())
        .map_err(|e| err(&e))?;
    chart
        .configure_mesh()
        .x_desc("samples per run (batch size)")
        .y_desc("samples / s")
        // 1e5 rather than 100000.0: log axes span many decades.
        .x_label_formatter(&|v| format!("{v:e}"))
        .y_label_formatter(&|v| format!("{v:e}"))
        .draw()
        .map_err(|e| err(&e))?;

    let colours = [
        (BenchDevice::Cpu1, RGBColor(31, 119, 180)),
        (BenchDevice::Cpu, RGBColor(44, 160, 44)),
        (BenchDevice::Gpu, RGBColor(214, 39, 40)),
        (BenchDevice::Auto, RGBColor(148, 103, 189)),
    ];
    for (device, colour) in colours {
        let line: Vec<(f64, f64)> = rows
            .iter()
            .filter(|m| m.workload == Workload::Scaling && m.device == device)
            .map(|m| (m.samples as f64, m.calls_per_s))
            .collect();
        if !line.is_empty() {
            chart
                .draw_series(LineSeries::new(line.clone(), colour.stroke_width(2)))
                .map_err(|e| err(&e))?
                .label(format!("scaling, {device}"))
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(2)));
            chart
                .draw_series(line.into_iter().map(|p| Circle::new(p, 3, colour.filled())))
                .map_err(|e| err(&e))?;
        }
        for (workload, size) in [(Workload::Eval, 6), (Workload::AllPairs, 9)] {
            let points: Vec<(f64, f64)> = rows
                .iter()
                .filter(|m| m.workload == workload && m.device == device)
                .map(|m| (m.samples as f64, m.calls_per_s))
                .collect();
            if points.is_empty() {
                continue;
            }
            chart
                .draw_series(points.into_iter().map(|p| TriangleMarker::new(p, size, colour.filled())))
                .map_err(|e| err(&e))?
                .label(format!("{workload}, {device}"))
                .legend(move |(x, y)| TriangleMarker::new((x + 10, y), size, colour.filled()));
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()
        .map_err(|e| err(&e))?;
    root.present().map_err(|e| err(&e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_sizes_are_powers_of_ten_then_the_maximum() {
        assert_eq!(batch_sizes(1), [1]);
        assert_eq!(batch_sizes(100), [1, 10, 100]);
        assert_eq!(batch_sizes(250), [1, 10, 100, 250]);
        assert_eq!(batch_sizes(1_000_000).len(), 7);
    }

    #[test]
    fn scaling_inputs_fill_the_batch_with_distinct_variants_of_real_grids() {
        let a = TaskGrid::new(2, 3, vec![0, 1, 2, 3, 4, 5]).unwrap();
        let b = TaskGrid::new(1, 2, vec![6, 0]).unwrap();
        let grids = scaling_inputs(&[&a, &b], 40, 1);
        assert_eq!(grids.len(), 40);
        assert_eq!(&grids[0], &a, "the first round starts with the real grids");
        assert_eq!(&grids[1], &b);
        // The first 16 are the 8 symmetries of each; the asymmetric grid a has 8 distinct ones.
        let syms_of_a: std::collections::HashSet<_> = grids[..16].iter().step_by(2).collect();
        assert_eq!(syms_of_a.len(), 8);
        // Colour permutations keep the background (0) and the cell count.
        for g in &grids[16..] {
            assert!(g.cells().contains(&0));
        }
        assert_eq!(scaling_inputs(&[&a], 5, 9), scaling_inputs(&[&a], 5, 9), "seeded");
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
    }

    #[test]
    fn written_bytes_are_the_outputs_as_json() {
        let outs = vec![Ok(OutGrid { h: 1, w: 2, cells: vec![1, 2] }), Err("x".to_string())];
        assert_eq!(write_outputs(&outs), "[[[1,2]],null]".len() as u64);
    }

    proptest::proptest! {
        /// The grid writer against `serde_json` of the rows (what it replaced): any sides, empty
        /// ones included, and colours up to 255 (one to three digits).
        #[test]
        fn grid_json_is_serde_json_of_the_rows(
            h in 0usize..5,
            w in 0usize..5,
            cells in proptest::collection::vec(
                proptest::prop_oneof![0u8..10, 10u8..100, 100u8..=255], 16..=16),
        ) {
            let g = OutGrid { h, w, cells: cells[..h * w].to_vec() };
            let rows: Vec<&[u8]> = g.cells.chunks(g.w.max(1)).collect();
            let mut out = Vec::new();
            grid_json(&mut out, &g);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&rows).unwrap());
        }
    }

    fn row(device: BenchDevice, batch: usize, calls_per_s: f64) -> Measurement {
        Measurement {
            workload: Workload::Scaling,
            device,
            batch: Some(batch),
            samples: batch,
            cells: batch * 10,
            threads: 1,
            calls_per_s,
            ms_per_sample: 0.0,
            wall_ms: 0.0,
            runs_wall_ms: vec![],
            loops: 1,
            profile: Profile::default(),
            correct: 0,
            errored: 0,
            samples_on_gpu: 0,
            fallbacks: 0,
            gpu_busy: None,
            redone_for: vec![],
            outputs_hash: String::new(),
            output_bytes: 0,
            costliest_solvers: vec![],
            cpu_steps_tail: vec![],
        }
    }

    #[test]
    fn the_steps_tail_counts_cpu_samples_at_or_above_each_bound_with_their_time_share() {
        // Four CPU samples (one GPU-decided, 0 ns, is left out although its steps are large).
        let steps = [10, 1 << 14, 1 << 20, 1 << 23, 1 << 23];
        let ns = [100, 100, 300, 500, 0];
        let tail = steps_tail(&steps, &ns);
        let at = |b: u64| tail.iter().find(|t| t.at_least_steps == b).unwrap();
        assert_eq!((at(1 << 12).samples, at(1 << 12).cpu_share), (3, 0.9));
        assert_eq!((at(1 << 14).samples, at(1 << 16).samples), (3, 2));
        assert_eq!((at(1 << 20).samples, at(1 << 20).cpu_share), (2, 0.8));
        assert_eq!((at(1 << 22).samples, at(1 << 22).cpu_share), (1, 0.5));
        assert!(steps_tail(&steps, &[0; 5]).iter().all(|t| t.samples == 0 && t.cpu_share == 0.0));
    }

    #[test]
    fn crossover_is_the_first_batch_where_the_gpu_catches_up_with_all_cpu_threads() {
        let rows = vec![
            row(BenchDevice::Cpu1, 1, 50.0),
            row(BenchDevice::Cpu, 1, 100.0),
            row(BenchDevice::Gpu, 1, 10.0),
            row(BenchDevice::Cpu1, 10, 50.0),
            row(BenchDevice::Cpu, 10, 100.0),
            row(BenchDevice::Gpu, 10, 60.0),
            row(BenchDevice::Cpu, 100, 100.0),
            row(BenchDevice::Gpu, 100, 500.0),
        ];
        let c = crossover(&rows).unwrap();
        assert_eq!(c.cpu_device, BenchDevice::Cpu, "compared with all threads, not one");
        assert_eq!((c.batch, c.cells), (Some(100), Some(1000)));
        // Without a GPU row there is no crossover; with a GPU that never catches up, batch is null.
        assert!(crossover(&rows[..2]).is_none());
        let slow = vec![row(BenchDevice::Cpu, 1, 100.0), row(BenchDevice::Gpu, 1, 1.0)];
        assert_eq!(crossover(&slow).unwrap().batch, None);
    }
}
