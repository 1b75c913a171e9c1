//! The engine wing: how work runs, whatever runs it. Uses the data wing only.
//!
//! A caller describes its work as solvers, distinct input grids and [`Job`]s pairing them
//! ([`exec`]); [`schedule`] groups the jobs into batches and orders them by the [`CostModel`]
//! ([`cost`]); the [`gpu_worker`]s feed batches to [`Accelerator`]s ([`accelerator`], with the
//! [`status`] codes they report and the [`fault`] injection around them) while the [`cpu_worker`] runs
//! the rest, one [`sample`] call each (a compiled solver, on its [`typed_cpu`] twin where that is
//! faster, or a run-time program: [`runnable`]); [`redo`] takes back on the CPU what a device gave back, and
//! [`trace`] prints where the time went when asked.

pub mod accelerator;
pub mod cost;
mod cpu_worker;
pub mod device;
pub mod exec;
pub mod fault;
pub mod fnv;
mod gpu_worker;
mod job;
mod redo;
pub mod runnable;
pub mod sample;
mod schedule;
pub mod status;
mod trace;
pub mod typed_cpu;
mod typed_cpu_table;

pub use accelerator::{Accelerator, BatchResult, GpuOutcome, GridRef, WaveBatch};
pub use cost::{CostModel, SolverCost};
pub use exec::{execute_on, execute_runnables_on, ExecError, ExecOptions, ExecProfile, ExecRun, Job};
pub use runnable::{CpuCode, Runnable};
pub use typed_cpu::TypedCpu;
