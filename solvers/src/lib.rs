//! # solvers — one `#[solver]` function per ARC task
//!
//! The registry of every solver: [`all`] lists them sorted by task id, [`get`] finds one.
//! Each solver maps one input grid to one output grid through the DSL of [`kernels`].

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
}

fn solve_67a3c6ac<'a>(ctx: &'a Ctx, i: Value<'a>) -> Value<'a> {
    kernels::dsl::vmirror(ctx, i)
}
fn solve_68b16354<'a>(ctx: &'a Ctx, i: Value<'a>) -> Value<'a> {
    kernels::dsl::hmirror(ctx, i)
}

static ALL: &[Solver] = &[
    Solver { task: "67a3c6ac", name: "solve_67a3c6ac", cpu: solve_67a3c6ac },
    Solver { task: "68b16354", name: "solve_68b16354", cpu: solve_68b16354 },
];

/// Every registered solver, sorted by task id.
pub fn all() -> &'static [Solver] {
    ALL
}

/// The solver of `task`, if one is registered.
pub fn get(task: &str) -> Option<&'static Solver> {
    ALL.iter().find(|s| s.task == task)
}
