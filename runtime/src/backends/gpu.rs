//! What this process knows about GPUs: the fatbin the `arcforge` binary was built with (registered at
//! start-up with [`register_build`]), the devices opened from it on first use (all visible ones, or
//! the [`select_gpus`] list), and the fault injection (`ARCFORGE_GPU_FAULT`) wrapped around them. The CLI and the
//! runner ask here; [`crate::cuda`] does the device work.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use crate::cuda::{device_count, Gpu, GpuConfig};
pub use crate::cuda::{GpuBuild, GpuOutcome, GridRef};
use crate::exec::Accelerator;

static BUILD: OnceLock<GpuBuild> = OnceLock::new();
static SELECTION: OnceLock<Vec<usize>> = OnceLock::new();
static DEVICES: OnceLock<Result<Vec<Injected<Gpu>>, String>> = OnceLock::new();

/// Records what the binary was built with (call once, before anything asks about the GPU).
pub fn register_build(build: GpuBuild) {
    let _ = BUILD.set(build);
}

/// Restricts the GPUs used to these ordinals (`--gpus 0,2`); call before the first use.
pub fn select_gpus(ordinals: Vec<usize>) {
    let _ = SELECTION.set(ordinals);
}

fn build() -> Option<&'static GpuBuild> {
    BUILD.get()
}

/// Every usable GPU (all visible ones, or the `--gpus` selection), opened once per process, or why
/// there is none.
pub fn accelerators() -> Result<Vec<&'static dyn Accelerator>, String> {
    let devices = DEVICES.get_or_init(|| {
        let b = build().ok_or("this program registered no GPU build")?;
        let fault = Fault::from_env();
        if fault == Some(Fault::Open) {
            return Err("injected fault: ARCFORGE_GPU_FAULT=open".to_string());
        }
        let ordinals = match SELECTION.get() {
            Some(list) => list.clone(),
            None => (0..device_count()?).collect(),
        };
        if ordinals.is_empty() {
            return Err("--gpus selected no GPU".into());
        }
        let config = GpuConfig::from_env();
        ordinals
            .into_iter()
            .map(|k| Gpu::open(b, k, config).map(|g| Injected::new(g, fault)))
            .collect::<Result<Vec<_>, String>>()
    });
    match devices {
        Ok(d) => Ok(d.iter().map(|g| g as &dyn Accelerator).collect()),
        Err(e) => Err(e.clone()),
    }
}

impl Accelerator for Gpu {
    fn label(&self) -> String {
        let jit = if self.jit.is_some() { " (NVRTC JIT)" } else { "" };
        format!("GPU {}: {}{jit}", self.ordinal, self.name)
    }
    fn has_kernel(&self, kernel: &str) -> bool {
        Gpu::has_kernel(self, kernel)
    }
    fn workers(&self) -> usize {
        self.streams()
    }
    fn load_inputs(&self, inputs: &[GridRef]) -> Result<(), String> {
        Gpu::load_inputs(self, inputs)
    }
    fn run(
        &self,
        worker: usize,
        kernel: &str,
        inputs: &[u32],
        max_steps: u64,
    ) -> Result<Vec<GpuOutcome>, String> {
        Gpu::run(self, worker, kernel, inputs, max_steps)
    }
}

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
    /// `steps`: every sample reports a step-limit hit.
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
    fn run(
        &self,
        worker: usize,
        kernel: &str,
        inputs: &[u32],
        max_steps: u64,
    ) -> Result<Vec<GpuOutcome>, String> {
        let before = self.batches.fetch_add(1, Ordering::SeqCst);
        match self.fault {
            Some(Fault::Launch) => return Err("injected fault: ARCFORGE_GPU_FAULT=launch".into()),
            Some(Fault::Lost) if before > 0 => {
                return Err("injected fault: device lost (ARCFORGE_GPU_FAULT=lost)".into())
            }
            _ => {}
        }
        let mut out = self.inner.run(worker, kernel, inputs, max_steps)?;
        let code = match self.fault {
            Some(Fault::Arena) => 8,
            Some(Fault::Steps) => 7,
            _ => return Ok(out),
        };
        out.iter_mut().for_each(|o| *o = GpuOutcome::Redo(code));
        Ok(out)
    }
}

/// Why the GPU cannot be used, or `None` when it can.
pub fn unavailable_reason() -> Option<String> {
    accelerators().err()
}

/// Whether `kernel` has a GPU version in this build.
pub fn has_kernel(kernel: &str) -> bool {
    build().is_some_and(|b| !b.fatbins.is_empty() && b.kernels.contains(&kernel))
}

/// The GPU code compiled into this binary: its CUDA architectures, or why it is CPU-only.
pub fn build_info() -> String {
    match build() {
        Some(GpuBuild { fatbins, archs, kernels, .. }) if !fatbins.is_empty() => format!(
            "fatbins of {} KiB for {} ({} solver kernels)",
            fatbins.iter().map(|f| f.len()).sum::<usize>() / 1024,
            archs.join(", "),
            kernels.len()
        ),
        Some(GpuBuild { cpu_only_reason, .. }) => {
            format!("CPU-only build: {}", cpu_only_reason.unwrap_or("no fatbin"))
        }
        None => "CPU-only build".to_string(),
    }
}

/// The CUDA driver seen at run time, or why none was found.
pub fn driver_info() -> String {
    match device_count() {
        Ok(n) => format!("CUDA driver loaded, {n} device(s)"),
        Err(e) => e,
    }
}

/// Why and how the GPU module was JIT-compiled with NVRTC on some device, if it was.
pub fn jit_note() -> Option<String> {
    let devices = DEVICES.get()?.as_ref().ok()?;
    devices.iter().find_map(|g| g.inner().jit.as_ref().map(|j| format!("GPU {}: {j}", g.inner().ordinal)))
}

/// The devices in use, or why none is.
pub fn devices_info() -> String {
    match accelerators() {
        Ok(list) => list
            .iter()
            .map(|a| format!("{} ({} streams)", a.label(), a.workers()))
            .collect::<Vec<_>>()
            .join("; "),
        Err(e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_registered_build_the_gpu_is_unavailable_with_a_reason() {
        // No build registered in unit tests: every answer says why the GPU is not used.
        assert!(unavailable_reason().is_some());
        assert!(!has_kernel("solve_67a3c6ac_kernel"));
        assert!(build_info().starts_with("CPU-only"));
    }
}
