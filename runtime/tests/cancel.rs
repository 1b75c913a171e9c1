//! Cancellation (`ExecOptions::cancel`, what Ctrl-C sets in the Python package): the work itself
//! stops (the CPU between samples, each GPU worker before its next batch) and the run is an error
//! that counts the samples done, never partial outputs taken as complete. Asserted on samples run,
//! not on time: the solvers below set the flag themselves at a known sample.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use kernels::{Ctx, Value};
use runtime::engine::{execute_on, Accelerator, ExecError, ExecOptions, GpuOutcome, GridRef, Job};
use runtime::{DeviceChoice, TaskGrid};
use solvers::Solver;

fn solver(cpu: solvers::SolverFn, kernel: &'static str) -> Solver {
    Solver { task: "t", name: "s", cpu, cuda_kernel: kernel, cuda_source: "", file: file!(), line: line!() }
}

fn options(device: DeviceChoice, cancel: &Arc<AtomicBool>) -> ExecOptions {
    ExecOptions { device, threads: Some(1), cancel: Some(Arc::clone(cancel)), ..ExecOptions::default() }
}

static CPU_FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
static CPU_CALLS: AtomicUsize = AtomicUsize::new(0);

/// Answers its input; its fifth call cancels the run.
fn cancels_on_fifth_call<'a>(_: &'a Ctx, input: Value<'a>) -> Value<'a> {
    if CPU_CALLS.fetch_add(1, Ordering::SeqCst) + 1 == 5 {
        CPU_FLAG.get().unwrap().store(true, Ordering::SeqCst);
    }
    input
}

#[test]
fn a_cancelled_cpu_run_stops_between_samples_and_is_an_error() {
    let flag = CPU_FLAG.get_or_init(|| Arc::new(AtomicBool::new(false)));
    let grid = TaskGrid::new(1, 1, vec![3]).unwrap();
    let inputs = vec![&grid; 40];
    let jobs: Vec<Job> = (0..40).map(|i| Job { solver: 0, input: i }).collect();
    let run = execute_on(
        &[],
        &[solver(cancels_on_fifth_call, "")],
        &inputs,
        &jobs,
        &options(DeviceChoice::Cpu, flag),
    );
    // One thread: the fifth sample sets the flag and finishes; none after it starts.
    assert!(matches!(run, Err(ExecError::Cancelled { done: 5, total: 40 })), "{run:?}");
    assert_eq!(CPU_CALLS.load(Ordering::SeqCst), 5);
    assert_eq!(run.unwrap_err().to_string(), "cancelled after 5 of 40 samples");

    // Cancelled before it starts: nothing runs.
    let run = execute_on(
        &[],
        &[solver(cancels_on_fifth_call, "")],
        &inputs,
        &jobs,
        &options(DeviceChoice::Cpu, flag),
    );
    assert!(matches!(run, Err(ExecError::Cancelled { done: 0, total: 40 })), "{run:?}");
    assert_eq!(CPU_CALLS.load(Ordering::SeqCst), 5);
}

fn identity<'a>(_: &'a Ctx, input: Value<'a>) -> Value<'a> {
    input
}

/// A "GPU" whose first batch (and wave) cancels the run; it answers every sample with a 1x1 grid.
struct CancellingGpu {
    cancel: Arc<AtomicBool>,
    batches: AtomicUsize,
}

impl Accelerator for CancellingGpu {
    fn label(&self) -> String {
        "cancelling fake".into()
    }
    fn has_kernel(&self, _: &str) -> bool {
        true
    }
    fn workers(&self) -> usize {
        1
    }
    /// One solver's ten samples per wave, so the cancel lands between waves.
    fn wave_samples(&self) -> usize {
        10
    }
    fn load_inputs(&self, _: &[GridRef]) -> Result<(), String> {
        Ok(())
    }
    fn run(&self, _: usize, _: &str, inputs: &[u32], _: u64) -> Result<Vec<GpuOutcome>, String> {
        self.batches.fetch_add(1, Ordering::SeqCst);
        self.cancel.store(true, Ordering::SeqCst);
        Ok(inputs.iter().map(|_| GpuOutcome::Ok(1, 1, vec![3])).collect())
    }
}

#[test]
fn a_cancelled_gpu_worker_takes_no_further_wave() {
    let flag = Arc::new(AtomicBool::new(false));
    let gpu = CancellingGpu { cancel: Arc::clone(&flag), batches: AtomicUsize::new(0) };
    // Four solvers (four batches) of ten samples each, all for the GPU.
    let solvers: Vec<Solver> = ["k0", "k1", "k2", "k3"].into_iter().map(|k| solver(identity, k)).collect();
    let grid = TaskGrid::new(1, 1, vec![3]).unwrap();
    let inputs = vec![&grid; 10];
    let jobs: Vec<Job> = (0..4).flat_map(|s| (0..10).map(move |i| Job { solver: s, input: i })).collect();
    let run = execute_on(&[&gpu], &solvers, &inputs, &jobs, &options(DeviceChoice::Gpu, &flag));
    assert!(matches!(run, Err(ExecError::Cancelled { done: 10, total: 40 })), "{run:?}");
    assert_eq!(gpu.batches.load(Ordering::SeqCst), 1);
}
