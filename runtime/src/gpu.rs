//! What this process knows about GPUs: the fatbin the `arcforge` binary was built with (registered at
//! start-up with [`register_build`]) and the device opened from it on first use. The CLI and the
//! runner ask here; [`crate::cuda`] does the device work.

use std::sync::{Mutex, OnceLock};

use crate::cuda::{device_count, Gpu};
pub use crate::cuda::{GpuBuild, GpuOutcome, GridRef};

static BUILD: OnceLock<GpuBuild> = OnceLock::new();
static DEVICE: OnceLock<Result<Mutex<Gpu>, String>> = OnceLock::new();

/// Records what the binary was built with (call once, before anything asks about the GPU).
pub fn register_build(build: GpuBuild) {
    let _ = BUILD.set(build);
}

fn build() -> Option<&'static GpuBuild> {
    BUILD.get()
}

/// The opened device (GPU 0 for now), or why there is none. Opened once per process.
pub fn device() -> Result<&'static Mutex<Gpu>, String> {
    DEVICE
        .get_or_init(|| {
            let b = build().ok_or("this program registered no GPU build")?;
            if let Ok(v) = std::env::var("ARCFORGE_GPU_FAULT") {
                if v == "open" {
                    return Err("injected fault: ARCFORGE_GPU_FAULT=open".to_string());
                }
            }
            Gpu::open(b, 0).map(Mutex::new)
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Why the GPU cannot be used, or `None` when it can.
pub fn unavailable_reason() -> Option<String> {
    device().err()
}

/// Whether `kernel` has a GPU version in this build.
pub fn has_kernel(kernel: &str) -> bool {
    build().is_some_and(|b| b.fatbin.is_some() && b.kernels.contains(&kernel))
}

/// The GPU code compiled into this binary: its CUDA architectures, or why it is CPU-only.
pub fn build_info() -> String {
    match build() {
        Some(GpuBuild { fatbin: Some(f), archs, kernels, .. }) => format!(
            "fatbin of {} KiB for {} ({} solver kernels)",
            f.len() / 1024,
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

/// The device in use, or why none is.
pub fn devices_info() -> String {
    match device() {
        Ok(g) => {
            let g = g.lock().unwrap_or_else(|p| p.into_inner());
            format!("GPU {}: {}", g.ordinal, g.name)
        }
        Err(e) => e,
    }
}

/// Runs `kernel` on `inputs` on the device. `ARCFORGE_GPU_FAULT=launch` injects a launch failure
/// and `=arena` makes every sample report an exhausted arena (fault-injection tests).
pub fn run(kernel: &str, inputs: &[GridRef]) -> Result<Vec<GpuOutcome>, String> {
    let fault = std::env::var("ARCFORGE_GPU_FAULT").unwrap_or_default();
    if fault == "launch" {
        return Err("injected fault: ARCFORGE_GPU_FAULT=launch".into());
    }
    let g = device()?;
    let g = g.lock().unwrap_or_else(|p| p.into_inner());
    let mut out = g.run(kernel, inputs)?;
    if fault == "arena" {
        out.iter_mut().for_each(|o| *o = GpuOutcome::Redo(8));
    }
    Ok(out)
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
