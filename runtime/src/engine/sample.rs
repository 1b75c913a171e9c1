//! One solver call, safely, and its verdict: [`run_solver`] runs a solver on one input under the
//! step budget and inside `catch_unwind` (a failing or panicking solver loses only that sample;
//! [`run_counted`] does the same for a run-time program too, whose failures also name the step's
//! `line:column`),
//! [`verify`] compares the output with the expected grid, [`run_task`] does both for every pair of a
//! task on this thread, and [`with_thread_ctx`] keeps a warm context per worker thread.

use std::any::Any;
use std::cell::{Cell as StdCell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;
use std::time::Instant;

use kernels::{Ctx, Limits, Value};
use solvers::SolverFn;

use super::runnable::CpuCode;
use super::typed_cpu::{Typed, TypedTwin};
use crate::data::task::{PairKind, Task, TaskGrid};

/// A solver's output grid, copied out of the sample's arena. Unlike a [`TaskGrid`] it may be empty,
/// larger than 30x30 or hold colours above 9 (such an output is simply wrong).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutGrid {
    pub h: usize,
    pub w: usize,
    pub cells: Vec<u8>,
}

impl OutGrid {
    /// The colour at row `i`, column `j`, if inside the grid.
    pub fn get(&self, i: usize, j: usize) -> Option<u8> {
        (i < self.h && j < self.w).then(|| self.cells[i * self.w + j])
    }
    /// Whether ARC allows this grid (1 to 30 rows and columns): only such a grid can be an answer
    /// or come from the GPU, whose output slot is 30x30.
    pub fn is_arc_grid(&self) -> bool {
        (1..=30).contains(&self.h) && (1..=30).contains(&self.w)
    }
    /// Whether this is exactly `expected`.
    pub fn matches(&self, expected: &TaskGrid) -> bool {
        self.h == expected.height() && self.w == expected.width() && self.cells == expected.cells()
    }
}

/// How one sample went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The output equals the expected grid.
    Correct,
    /// The solver returned a grid, but not the expected one (a result, not an error).
    Wrong,
    /// The solver failed, ran out of steps, panicked, returned a non-grid, or there was nothing to
    /// compare with.
    Error(String),
}

/// One sample's run: which pair, the solver's output (or its error) and the verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleRun {
    pub kind: PairKind,
    pub index: usize,
    pub output: Result<OutGrid, String>,
    pub outcome: Outcome,
}

thread_local! {
    /// Set while a solver runs on this thread: its panics are reported in the sample, not on stderr.
    static IN_SOLVER: StdCell<bool> = const { StdCell::new(false) };
    /// Where the last solver panic on this thread happened.
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs (once) a panic hook that keeps solver panics quiet and records where they happened;
/// every other panic goes to the previous hook.
fn quiet_solver_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if IN_SOLVER.with(StdCell::get) {
                let at = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
                PANIC_AT.with(|p| *p.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
}

fn panic_text(payload: &(dyn Any + Send)) -> String {
    let msg = if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-text panic payload".to_string()
    };
    match PANIC_AT.with(|p| p.borrow_mut().take()) {
        Some(at) => format!("solver panicked at {at}: {msg}"),
        None => format!("solver panicked: {msg}"),
    }
}

/// Runs `solver` on `input` in `ctx` (reset before and after): the output grid, or why there is none.
/// Never panics: a panicking solver becomes an error.
pub fn run_solver(ctx: &mut Ctx, solver: SolverFn, input: &TaskGrid) -> Result<OutGrid, String> {
    run_counted(ctx, CpuCode::Compiled(solver), input).0
}

/// [`run_counted`] where a solver or program on the typed CPU path runs there first
/// ([`super::typed_cpu`]): what that path does not finish, the Rust solver or the interpreter
/// redoes. `verdicts`: take the typed path's verdicts on failures
/// ([`super::ExecOptions::gpu_verdicts`]). The flag says whether the output is such a verdict.
pub fn run_sample(
    ctx: &mut Ctx,
    code: CpuCode,
    input: &TaskGrid,
    verdicts: bool,
) -> (Result<OutGrid, String>, u64, bool) {
    let limits = ctx.limits;
    let typed = |twin| match super::typed_cpu::run(twin, input, limits, verdicts) {
        Typed::Grid(h, w, cells, steps) => Some((Ok(OutGrid { h, w, cells }), steps, false)),
        Typed::Verdict(why, steps) => Some((Err(why), steps, true)),
        Typed::Redo => None,
    };
    let (twin, choice) = match code {
        CpuCode::Typed { kernel, choice, .. } => (TypedTwin::Built(kernel), choice),
        CpuCode::TypedProgram { twin, choice, .. } => (TypedTwin::Loaded(twin), choice),
        CpuCode::Compiled(_) | CpuCode::Interpreted(_) => {
            let (out, steps) = run_counted(ctx, code, input);
            return (out, steps, false);
        }
    };
    let on_typed = choice.typed_next();
    let t = Instant::now();
    let out = on_typed.then(|| typed(twin)).flatten().unwrap_or_else(|| {
        let (out, steps) = run_counted(ctx, code, input);
        (out, steps, false)
    });
    choice.record(on_typed, t.elapsed().as_nanos() as u64, out.1);
    out
}

/// [`run_solver`] for a compiled solver or a run-time program, also giving the steps the call used
/// (a solver on the typed CPU path runs as Rust here).
/// A program's failure reads `<kind> in <primitive> at <line>:<column>` (the failing step's place).
pub fn run_counted(ctx: &mut Ctx, code: CpuCode, input: &TaskGrid) -> (Result<OutGrid, String>, u64) {
    quiet_solver_panics();
    ctx.reset();
    IN_SOLVER.with(|f| f.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let c: &Ctx = ctx;
        let grid = Value::Grid(c.grid_from(input.height() as u32, input.width() as u32, input.cells()));
        let out = match code {
            CpuCode::Compiled(solver) | CpuCode::Typed { solver, .. } => solver(c, grid),
            CpuCode::Interpreted(program) | CpuCode::TypedProgram { program, .. } => {
                let run = program.run_traced(c, grid);
                if let (Some(fail), Some(k)) = (c.status(), run.failed_step) {
                    return Err(format!("{fail} at {}", program.step_pos(k)));
                }
                run.value
            }
        };
        if let Some(fail) = c.status() {
            return Err(fail.to_string());
        }
        match out.grid(c, "output") {
            Ok(g) if g.cells.len() == g.h as usize * g.w as usize => {
                Ok(OutGrid { h: g.h as usize, w: g.w as usize, cells: g.cells.to_vec() })
            }
            Ok(g) => Err(format!("returned a malformed {}x{} grid of {} cells", g.h, g.w, g.cells.len())),
            Err(_) => Err(format!("output is {}, not a grid", out.kind_name())),
        }
    }));
    IN_SOLVER.with(|f| f.set(false));
    let steps = ctx.steps();
    ctx.reset();
    (result.unwrap_or_else(|payload| Err(panic_text(payload.as_ref()))), steps)
}

/// The kind of a failure message from [`run_counted`], for counting failures by kind: a
/// [`kernels::FailKind`]'s words, or `panic`, `not a grid`.
pub fn failure_kind(message: &str) -> &'static str {
    use kernels::FailKind::*;
    let kinds = [Type, Empty, Index, ZeroDivision, Overflow, Limit, Steps, Arena];
    if let Some(k) = kinds.iter().find(|k| message.starts_with(k.text())) {
        return k.text();
    }
    if message.starts_with("solver panicked") {
        "panic"
    } else {
        "not a grid"
    }
}

/// The verdict on one output.
pub fn verify(output: &Result<OutGrid, String>, expected: Option<&TaskGrid>) -> Outcome {
    match (output, expected) {
        (Err(e), _) => Outcome::Error(e.clone()),
        (Ok(_), None) => Outcome::Error("no expected output to compare with".to_string()),
        (Ok(g), Some(e)) if g.matches(e) => Outcome::Correct,
        (Ok(_), Some(_)) => Outcome::Wrong,
    }
}

/// Runs `solver` on every pair of `task`, in order, on this thread (for `show` and tests).
pub fn run_task(task: &Task, solver: SolverFn, limits: Limits) -> Vec<SampleRun> {
    let mut ctx = Ctx::new(limits);
    task.samples()
        .map(|(kind, index, pair)| {
            let output = run_solver(&mut ctx, solver, &pair.input);
            let outcome = verify(&output, pair.output.as_ref());
            SampleRun { kind, index, output, outcome }
        })
        .collect()
}

/// Arena bytes a worker thread's context may keep between samples; a sample that grew it past this
/// gives the memory back (a few solvers build containers of hundreds of megabytes).
const KEEP_ARENA_BYTES: usize = 64 << 20;

thread_local! {
    static THREAD_CTX: std::cell::RefCell<Option<Ctx>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with this thread's context, kept warm across samples and runs (with one job per rayon
/// leaf, `map_init` would build a context, and grow its arena from nothing, for every sample).
pub(crate) fn with_thread_ctx<R>(limits: Limits, f: impl FnOnce(&mut Ctx) -> R) -> R {
    THREAD_CTX.with(|slot| match slot.try_borrow_mut() {
        Ok(mut slot) => {
            let ctx = slot.get_or_insert_with(|| Ctx::new(limits));
            ctx.limits = limits;
            let out = f(ctx);
            if ctx.arena().allocated_bytes() > KEEP_ARENA_BYTES {
                *slot = None;
            }
            out
        }
        // Re-entered on this thread (a solver waiting on rayon picked up another job): a fresh one.
        Err(_) => f(&mut Ctx::new(limits)),
    })
}
