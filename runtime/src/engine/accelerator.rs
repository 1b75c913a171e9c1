//! The trait a device implements to take solver batches from the engine (the CUDA backend's GPUs,
//! or a fake one in tests), and what goes in and out of a batch.

/// An input grid for a batch.
#[derive(Clone, Copy, Debug)]
pub struct GridRef<'a> {
    pub h: u32,
    pub w: u32,
    pub cells: &'a [u8],
}

/// One sample's result from the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GpuOutcome {
    /// The output grid: h, w, row-major cells.
    Ok(u32, u32, Vec<u8>),
    /// The kernel did not produce a trusted grid; the status code says why (see
    /// [`status_reason`](super::status::status_reason)).
    Redo(u32),
    /// The kernel had no GPU form for a call ([`STATUS_UNSUPPORTED`](super::status::STATUS_UNSUPPORTED)):
    /// which primitive and argument kinds (see [`overload_reason`](super::status::overload_reason)).
    Unsupported(u32),
}

/// One batch of a wave: a kernel over loaded inputs (indices into the grids of `load_inputs`).
#[derive(Clone, Copy, Debug)]
pub struct WaveBatch<'a> {
    pub kernel: &'a str,
    pub inputs: &'a [u32],
    /// Whether to time the kernel ([`BatchResult::ms`]; else 0).
    pub timed: bool,
    /// The batch's run fits in one wave: the wave's slowest sample is the run's length on the GPU
    /// while the CPU threads wait, so a device may stop long samples sooner and give them back.
    pub short_run: bool,
}

/// A batch's outcomes, one per input in order, and the milliseconds its kernel ran.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchResult {
    pub outcomes: Vec<GpuOutcome>,
    pub ms: f64,
}

/// A device that runs solver batch kernels: the CUDA GPUs, or a fake one in tests.
///
/// `run` and `run_wave` may be called from several threads at once (up to [`Accelerator::workers`]);
/// a `run` is one batch of one kernel over inputs given by index into the grids passed to
/// `load_inputs`; a `run_wave` is many such batches at once, the way a device stays full.
pub trait Accelerator: Send + Sync {
    /// For reports, e.g. "GPU 0: NVIDIA H100 80GB HBM3".
    fn label(&self) -> String;
    /// Whether `kernel` can run here.
    fn has_kernel(&self, kernel: &str) -> bool;
    /// How many batches it runs concurrently (CUDA streams).
    fn workers(&self) -> usize;
    /// Makes `inputs` the grids that `run` indexes (uploaded once per execution).
    fn load_inputs(&self, inputs: &[GridRef]) -> Result<(), String>;
    /// Runs `kernel` on the loaded inputs `inputs[k]`: one outcome per entry, in order. `max_steps`
    /// is the CPU's step budget per sample ([`kernels::Limits::max_steps`]), counted in the CPU's
    /// steps: a step-budget failure at that budget is the CPU's own verdict. A device may stop a
    /// sample earlier by a budget of its own, which it then reports as
    /// [`STATUS_GPU_STEPS`](super::status::STATUS_GPU_STEPS) (a redo), and never lets one run on that
    /// the CPU would stop.
    fn run(
        &self,
        worker: usize,
        kernel: &str,
        inputs: &[u32],
        max_steps: u64,
    ) -> Result<Vec<GpuOutcome>, String>;
    /// Samples a device would like per [`run_wave`](Accelerator::run_wave) (its buffers' size;
    /// a bigger wave is split by the device).
    fn wave_samples(&self) -> usize {
        8192
    }
    /// Runs many batches and waits for all: one [`BatchResult`] per batch, in order. A device that
    /// can run batches side by side overrides this; by default they run one after another.
    fn run_wave(
        &self,
        worker: usize,
        batches: &[WaveBatch],
        max_steps: u64,
    ) -> Result<Vec<BatchResult>, String> {
        batches
            .iter()
            .map(|b| {
                let t = std::time::Instant::now();
                let outcomes = self.run(worker, b.kernel, b.inputs, max_steps)?;
                Ok(BatchResult { outcomes, ms: t.elapsed().as_secs_f64() * 1e3 })
            })
            .collect()
    }
}
