//! Fault injection (`ARCFORGE_GPU_FAULT`): a wrapper around any [`Accelerator`] that makes it fail the
//! way a real device can, to prove every GPU failure ends in a CPU redo (or, under `--device gpu`, a
//! clear error) with the same results.

use std::sync::atomic::{AtomicUsize, Ordering};

use kernels::FailKind;

use super::accelerator::{Accelerator, BatchResult, GpuOutcome, GridRef, WaveBatch};

/// A fault `ARCFORGE_GPU_FAULT` injects, to prove every GPU failure ends in a CPU redo (or, under
/// `--device gpu`, a clear error) with the same results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// `open`: the device does not open (as with a driver older than the fatbin).
    Open,
    /// `launch`: every batch fails to launch.
    Launch,
    /// `arena`: every sample reports an exhausted arena.
    Arena,
    /// `steps`: every sample reports a stop at a GPU step budget below the CPU's
    /// ([`STATUS_GPU_STEPS`](super::status::STATUS_GPU_STEPS): a redo; a stop at the CPU's own budget
    /// would be the sample's verdict).
    Steps,
    /// `lost`: the device is lost after its first batch.
    Lost,
}

impl Fault {
    pub fn parse(s: &str) -> Option<Fault> {
        Some(match s {
            "open" => Fault::Open,
            "launch" => Fault::Launch,
            "arena" => Fault::Arena,
            "steps" => Fault::Steps,
            "lost" => Fault::Lost,
            _ => return None,
        })
    }
    pub fn from_env() -> Option<Fault> {
        std::env::var("ARCFORGE_GPU_FAULT").ok().and_then(|v| Fault::parse(&v))
    }
}

/// An accelerator with an injected fault (or none): the same wrapper serves the real GPUs and the
/// fake device of the tests.
pub struct Injected<A> {
    inner: A,
    fault: Option<Fault>,
    batches: AtomicUsize,
}

impl<A> Injected<A> {
    pub fn new(inner: A, fault: Option<Fault>) -> Self {
        Injected { inner, fault, batches: AtomicUsize::new(0) }
    }
    pub fn inner(&self) -> &A {
        &self.inner
    }
}

impl<A: Accelerator> Accelerator for Injected<A> {
    fn label(&self) -> String {
        self.inner.label()
    }
    fn has_kernel(&self, kernel: &str) -> bool {
        self.inner.has_kernel(kernel)
    }
    fn workers(&self) -> usize {
        self.inner.workers()
    }
    fn load_inputs(&self, inputs: &[GridRef]) -> Result<(), String> {
        if self.fault == Some(Fault::Open) {
            return Err("injected fault: ARCFORGE_GPU_FAULT=open".into());
        }
        self.inner.load_inputs(inputs)
    }
    fn wave_samples(&self) -> usize {
        self.inner.wave_samples()
    }
    fn run(
        &self,
        worker: usize,
        kernel: &str,
        inputs: &[u32],
        max_steps: u64,
    ) -> Result<Vec<GpuOutcome>, String> {
        let mut r =
            self.run_wave(worker, &[WaveBatch { kernel, inputs, timed: true, short_run: false }], max_steps)?;
        Ok(r.pop().map(|b| b.outcomes).unwrap_or_default())
    }
    fn run_wave(
        &self,
        worker: usize,
        batches: &[WaveBatch],
        max_steps: u64,
    ) -> Result<Vec<BatchResult>, String> {
        let before = self.batches.fetch_add(1, Ordering::SeqCst);
        match self.fault {
            Some(Fault::Launch) => return Err("injected fault: ARCFORGE_GPU_FAULT=launch".into()),
            Some(Fault::Lost) if before > 0 => {
                return Err("injected fault: device lost (ARCFORGE_GPU_FAULT=lost)".into())
            }
            _ => {}
        }
        let mut out = self.inner.run_wave(worker, batches, max_steps)?;
        let code = match self.fault {
            Some(Fault::Arena) => FailKind::Arena.code(),
            Some(Fault::Steps) => super::status::STATUS_GPU_STEPS,
            _ => return Ok(out),
        };
        out.iter_mut().flat_map(|b| b.outcomes.iter_mut()).for_each(|o| *o = GpuOutcome::Redo(code));
        Ok(out)
    }
}
