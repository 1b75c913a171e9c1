//! What a caller hands the engine: [`Job`]s (a solver on an input) and the [`ExecOptions`] to run
//! them by.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use kernels::Limits;

use super::cost::CostModel;
use super::device::DeviceChoice;
use super::typed_cpu::TypedCpu;

/// One unit of work: solver `solver` (an index into the solver list) on input `input`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Job {
    pub solver: u32,
    pub input: u32,
}

/// How to run.
#[derive(Clone, Debug)]
pub struct ExecOptions {
    pub device: DeviceChoice,
    /// CPU worker threads (`None`: rayon's global pool, one per core).
    pub threads: Option<usize>,
    /// The GPUs to use, by CUDA ordinal (`--gpus 0,2`; `None`: all visible). Read by the backend
    /// that opens the devices; GPUs stay open for the rest of the process.
    pub gpus: Option<Vec<usize>>,
    pub limits: Limits,
    pub cost: CostModel,
    /// Advanced by the samples finished (a progress bar; hidden when not on a terminal).
    pub progress: Option<indicatif::ProgressBar>,
    /// Take the GPU's verdict on a sample that every device fails alike (Python raises, the shared
    /// size limit, the CPU's step budget, an output that is no ARC grid:
    /// [`status_verdict`](super::status::status_verdict))
    /// instead of redoing it on the CPU for the exact error text. Off by default (`eval` reports the
    /// CPU's exact text); `solve` turns it on, where only "no valid grid" matters, and `check` proves
    /// the verdicts against the CPU.
    pub gpu_verdicts: bool,
    /// Set from another thread (the Python package on Ctrl-C) to stop the run: the CPU stops between
    /// samples and each GPU worker before its next batch, and the run returns
    /// [`ExecError::Cancelled`](super::exec::ExecError::Cancelled), never its partial outputs.
    pub cancel: Option<Arc<AtomicBool>>,
    /// Which compiled solvers run on the typed CPU path ([`super::typed_cpu`]; the Rust solver redoes
    /// what it does not finish). By default those measured faster there (`ARCFORGE_CPU_PATH=typed` or
    /// `=dynamic` forces one path, to measure); `check` turns it off, since its CPU side is the
    /// reference the GPU's code is compared with.
    pub typed_cpu: TypedCpu,
    /// Time each GPU batch's kernel with device events ([`ExecRun::gpu_batch_ms`](super::exec::ExecRun)):
    /// `calibrate` and `check` read those times; elsewhere they are off (and 0), since a kernel's two
    /// timing events cost about what its launch does (eval: 400 kernels issued in 3.5-4.8 ms with
    /// them, bench/RESULTS.md). `ARCFORGE_GPU_TRACE=1` turns them on too.
    pub kernel_times: bool,
}

impl ExecOptions {
    /// The number of CPU worker threads a run with these options uses.
    pub fn thread_count(&self) -> usize {
        self.threads.unwrap_or_else(rayon::current_num_threads)
    }

    /// Whether [`ExecOptions::cancel`] was set.
    pub fn cancelled(&self) -> bool {
        self.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed))
    }
}

impl Default for ExecOptions {
    fn default() -> Self {
        ExecOptions {
            device: DeviceChoice::Auto,
            threads: None,
            gpus: None,
            limits: Limits::default(),
            cost: CostModel::default(),
            progress: None,
            gpu_verdicts: false,
            cancel: None,
            typed_cpu: TypedCpu::from_env(),
            kernel_times: false,
        }
    }
}
