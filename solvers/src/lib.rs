//! # solvers — one `#[solver]` function per ARC task
//!
//! Solvers live in `src/tasks/*.rs`, written in the DSL of [`kernels`] as plain-looking Rust:
//!
//! ```ignore
//! #[solver("67a3c6ac")]
//! fn solve_67a3c6ac(I: Grid) -> Grid {
//!     let O = vmirror(I);
//!     O
//! }
//! ```
//!
//! `#[solver]` turns each into a CPU function, a registry entry and the CUDA of the same body; the
//! build script lists every entry, so [`all`] knows every solver without a hand-kept list.

#![allow(non_snake_case)]

use kernels::{Ctx, Value};

/// A solver's CPU entry point: the input grid in, the output grid out (or a failure in `ctx`).
pub type SolverFn = for<'a> fn(&'a Ctx, Value<'a>) -> Value<'a>;

/// One registered solver.
#[derive(Clone, Copy, Debug)]
pub struct Solver {
    /// The ARC task id it solves, e.g. `"67a3c6ac"`.
    pub task: &'static str,
    /// The Rust function name, e.g. `"solve_67a3c6ac"`.
    pub name: &'static str,
    /// The CPU implementation.
    pub cpu: SolverFn,
    /// The name of its CUDA batch kernel in the fatbin.
    pub cuda_kernel: &'static str,
    /// Its generated CUDA C++ (what the GPU build, `kernels/gpu/build.rs`, compiles), for reading.
    pub cuda_source: &'static str,
    /// Where it is written.
    pub file: &'static str,
    pub line: u32,
}

/// What solver files import: the `#[solver]` attribute.
pub mod prelude {
    pub use solver_macros::solver;
}

mod registry {
    include!(concat!(env!("OUT_DIR"), "/registry.rs"));
}

/// Every registered solver, sorted by task id.
pub fn all() -> &'static [Solver] {
    registry::ALL
}

/// The solver of `task`, if one is registered.
pub fn get(task: &str) -> Option<&'static Solver> {
    let all = all();
    all.binary_search_by(|s| s.task.cmp(task)).ok().map(|k| &all[k])
}
