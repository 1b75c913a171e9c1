//! The CPU interpreter: runs a step list over the kernels' primitives (`Prim::call`, `kernels::call`),
//! with the same failure rule as the compiled solvers: the first failure is recorded in the `Ctx`
//! and the program stops after the step where it happened, returning `Value::None`.
//!
//! Hot path: names and arities were resolved at compile time; a run allocates only its result slots,
//! in the sample's arena (no heap allocation), and passes arguments in a fixed array.

use kernels::{Ctx, Value};

use crate::compile::{Op, Operand, MAX_ARGS};
use crate::Program;

/// What a run gave: the output (or `Value::None` after a failure) and the step that failed.
#[derive(Clone, Copy, Debug)]
pub struct Outcome<'a> {
    pub value: Value<'a>,
    /// Index into [`Program::steps`] of the step after which the context had failed.
    pub failed_step: Option<usize>,
}

impl Program {
    /// Runs the program on `input`; a failure is recorded in `ctx` (as compiled solvers do) and the
    /// result is then `Value::None`. Work counts against `ctx.limits.max_steps` like any solver's.
    #[inline]
    pub fn run<'a>(&self, ctx: &'a Ctx, input: Value<'a>) -> Value<'a> {
        self.run_traced(ctx, input).value
    }

    /// [`run`](Self::run), also telling which step failed ([`Program::step_pos`] gives its place).
    pub fn run_traced<'a>(&self, ctx: &'a Ctx, input: Value<'a>) -> Outcome<'a> {
        let slots = ctx.arena().alloc_slice_fill_copy(self.steps.len() + 1, Value::None);
        slots[0] = input;
        let get = |slots: &[Value<'a>], o: &Operand| match *o {
            Operand::Slot(s) => slots[s as usize],
            Operand::Const(c) => c.value(),
        };
        for (k, step) in self.steps.iter().enumerate() {
            let mut args = [Value::None; MAX_ARGS];
            let argc = step.argc as usize;
            for (a, o) in args.iter_mut().zip(&step.args[..argc]) {
                *a = get(slots, o);
            }
            let r = match &step.op {
                Op::Prim(p) => p.call(ctx, &args[..argc]),
                Op::Call(f) => kernels::call(ctx, get(slots, f), &args[..argc]),
                Op::Tuple(items) => {
                    let mut v = ctx.vec_with(items.len());
                    v.extend(items.iter().map(|o| get(slots, o)));
                    Ok(ctx.tuple(&v))
                }
            };
            match r {
                Ok(v) => slots[k + 1] = v,
                Err(e) => {
                    ctx.fail(e);
                }
            }
            if ctx.failed() {
                return Outcome { value: Value::None, failed_step: Some(k) };
            }
        }
        Outcome { value: get(slots, &self.result), failed_step: None }
    }
}
