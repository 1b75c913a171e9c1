//! The backends wing: the devices besides the CPU. Uses the engine and data wings.
//!
//! [`cuda`] runs solver batches on CUDA GPUs through cudarc, from the fatbins (or, where they do not
//! load, the NVRTC source) of the `gpu-kernels` crate, and implements the engine's
//! [`Accelerator`](crate::engine::Accelerator); [`gpu`] opens the GPUs a run selects and says what
//! this build and machine offer; [`program_kernels`] compiles run-time programs for those GPUs with
//! NVRTC and loads them beside the build's kernels; [`host_programs`] compiles the same programs for
//! the host's CPU with its C++ compiler (the typed CPU path for run-time programs).

pub mod cuda;
pub mod gpu;
pub mod host_programs;
pub mod program_kernels;
