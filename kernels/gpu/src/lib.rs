//! # gpu-kernels — what the GPU build produced, as a table
//!
//! `build.rs` (in `kernels/gpu/`) translates every `#[solver]` of `solvers/src/tasks/` to CUDA C++,
//! keeps those whose primitives all have a CUDA twin in `kernels/cuda/`, and compiles them with nvcc
//! (or, without nvcc or with `ARCFORGE_NO_CUDA=1`, records why the build is CPU-only). This crate
//! only lists the result; the runtime's CUDA backend (`runtime::backends`) loads it.
//!
//! The same C++ is also compiled by the host's C++ compiler and linked in: [`typed`], the typed CPU
//! path (one call per solver and input, no GPU involved).

#[allow(dead_code)]
mod table {
    include!(concat!(env!("OUT_DIR"), "/table.rs"));
}

pub use table::{
    CPU_ONLY_REASON, CPU_ONLY_SOLVERS, CUDA_ARCHS, CUDA_RTC_PARTS, CUDA_RTC_PRELUDE, FATBINS, NVCC,
};

pub mod typed;

/// Kernel names of the solvers compiled for the GPU.
pub const KERNELS: &[&str] = table::GPU_KERNELS;

/// The folder holding `solvers.cu`, every GPU solver in one file (the host-compiled parity test
/// includes it).
pub const GENERATED_DIR: &str = env!("OUT_DIR");

/// What the GPU build compiled: the fatbins and what the runtime needs to load them or, where they do
/// not load, to JIT-compile the same solvers with NVRTC.
#[derive(Clone, Copy, Debug)]
pub struct GpuBuild {
    /// The fatbins (each holds some of the kernels); none in a CPU-only build.
    pub fatbins: &'static [&'static [u8]],
    /// Kernel names of the solvers compiled for the GPU.
    pub kernels: &'static [&'static str],
    /// SASS architectures in the fatbin (`sm_90`...).
    pub archs: &'static [&'static str],
    /// Why the build is CPU-only, if it is.
    pub cpu_only_reason: Option<&'static str>,
    /// For NVRTC when the fatbin does not load: the headers inlined, ending inside `namespace arc {`...
    pub rtc_prelude: &'static str,
    /// ...and the solvers in parts, each a translation unit after the prelude (closing the namespace).
    pub rtc_parts: &'static [&'static str],
}

/// This build.
pub const BUILD: GpuBuild = GpuBuild {
    fatbins: FATBINS,
    kernels: KERNELS,
    archs: CUDA_ARCHS,
    cpu_only_reason: CPU_ONLY_REASON,
    rtc_prelude: CUDA_RTC_PRELUDE,
    rtc_parts: CUDA_RTC_PARTS,
};
