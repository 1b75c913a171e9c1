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
    /// Makes `inputs` the grids that `run` indexes (uploaded once per execution).
    fn load_inputs(&self, inputs: &[GridRef]) -> Result<(), String>;
    /// Runs `kernel` on the loaded inputs `inputs[k]`: one outcome per entry, in order. `max_steps`
    /// is the CPU's step budget per sample ([`kernels::Limits::max_steps`]); the device may stop a
    /// sample earlier (a step-limit redo) but never let one run on that the CPU would stop.
    fn run(
        &self,
        worker: usize,
        kernel: &str,
        inputs: &[u32],
        max_steps: u64,
    ) -> Result<Vec<GpuOutcome>, String>;
}
