//! The commands wing: one file per `arcforge` command, each built on the engine, the backends and
//! the data, never on another command.
//!
//! * [`eval`]: every solver on all pairs of its own task, verified, as a [`Report`](eval::Report).
//! * [`solve`]: the Kaggle job, every solver on every task's demonstrations, then the submission.
//! * [`run`]: programs read at run time on their tasks' demonstrations, verified, with a submission.
//! * [`search`]: programs found per task by typed enumeration, with a submission from the best two.
//! * [`check`]: GPU/CPU parity over real and randomized inputs.
//! * [`bench`]: throughput of the workloads per device, with the pipeline profile and a plot.
//! * [`show`]: terminal pictures of a task for `arcforge show`.
//! * [`calibrate`]: this machine's cost model, measured and cached for `--device auto`.

pub mod bench;
pub mod calibrate;
pub mod check;
pub mod eval;
pub mod run;
pub mod search;
pub mod show;
pub mod solve;
