//! Higher-order primitives and function values: `compose`, `chain`, `fork`, `matcher`, `lbind`,
//! `rbind`, `power`, `branch`, `apply` and its variants, plus [`call`], which runs any callable value.
//! Mirrored by `cuda/func.cuh`, where the same combinators are functor templates.
//!
//! The files use each other one way, value < func < containers: a function value's data
//! ([`FuncData`]) and order are the value model's, and the primitives that merge what a function
//! gives (`mapply`, `mpapply`, like `mfilter`) are the containers', which call function values
//! through [`call`]. (CUDA calls functors directly, so there `func.cuh` includes `containers.cuh`.)
//!
//! Python decides the arity of `lbind`/`rbind` results from the bound function's parameter count;
//! [`arity`] reproduces that for every callable (primitives from the table, built functions from what
//! they wrap, closures from their declaration).

pub use crate::value::FuncData;
use crate::value::{fail, Callable, ClosureBody, Ctx, ErasedBody, Fail, FailKind, Memo, Res, Value};

/// Wraps a solver closure as a function value (what `#[solver]` emits for `|x| ...`).
pub fn closure<'a>(
    c: &'a Ctx,
    arity: usize,
    body: impl Fn(&'a Ctx, &[Value<'a>]) -> Value<'a> + 'a,
) -> Value<'a> {
    let body: &'a ClosureBody<'a> = c.arena().alloc(body);
    // SAFETY: the two trait-object types differ only in lifetimes (same layout and vtable). The body
    // is only ever called by `call`, which converts it back to one common lifetime for the context,
    // the arguments and the result; a `Fn` closure cannot keep what it is given.
    let erased: &'a ErasedBody<'a> =
        unsafe { std::mem::transmute::<&'a ClosureBody<'a>, &'a ErasedBody<'a>>(body) };
    c.func(FuncData::Closure(arity, erased))
}

/// Python's parameter count of a callable value.
pub fn arity(f: Value, what: &'static str) -> Result<usize, Fail> {
    let Value::Fn(f) = f else {
        return fail(FailKind::Type, what);
    };
    Ok(match f {
        Callable::Prim(p) => p.arity(),
        Callable::Func(d) => match *d {
            FuncData::LBind(g, _) | FuncData::RBind(g, _) => bound_arity(arity(g, what)?),
            FuncData::Power(g, 1) => arity(g, what)?,
            FuncData::Closure(n, _) => n,
            _ => 1,
        },
    })
}

/// `lbind`/`rbind` of an n-parameter function: n-1 parameters (Python gives 3 for anything past 4).
fn bound_arity(n: usize) -> usize {
    match n {
        2 => 1,
        3 => 2,
        _ => 3,
    }
}

/// Calls any callable value with `args`: one step, then the primitive or the built function.
///
/// Inlined into its callers (the loops of `apply`, `sfilter`, `argmax`... and `call_func` itself),
/// so a primitive value costs one dispatch and a built function one recursive call per level; a
/// primitive bound to one value (`rbind(colorcount, 3)`, `lbind(occurrences, I)`) called on one
/// argument runs here too, with the bind's step and the primitive's, without the recursive call's
/// frame (most calls inside filters and compositions are these).
#[inline]
pub fn call<'a>(c: &'a Ctx, f: Value<'a>, args: &[Value<'a>]) -> Res<'a> {
    c.step(1, "call")?;
    match f {
        Value::Fn(Callable::Prim(p)) => p.call(c, args),
        // The bound value is read where the call's arguments are laid out, after the step (bound
        // by reference: read before the step, it was kept in a stack copy and copied again).
        Value::Fn(Callable::Func(FuncData::RBind(Value::Fn(Callable::Prim(p)), fixed)))
            if args.len() == 1 =>
        {
            c.step(1, "call")?;
            p.call(c, &[args[0], *fixed])
        }
        Value::Fn(Callable::Func(FuncData::LBind(Value::Fn(Callable::Prim(p)), fixed)))
            if args.len() == 1 =>
        {
            c.step(1, "call")?;
            p.call(c, &[*fixed, args[0]])
        }
        Value::Fn(Callable::Func(d)) => call_func(c, d, args),
        _ => fail(FailKind::Type, "call of a non-function"),
    }
}

/// [`call`] with one argument (what every combinator but `fork`'s outer function passes).
#[inline]
fn call1<'a>(c: &'a Ctx, f: Value<'a>, x: Value<'a>) -> Res<'a> {
    call(c, f, std::slice::from_ref(&x))
}

/// The value inside a call's result, by reference: the next call reads it where the callee wrote
/// it. (Moving a 32-byte value out of a `Res` right after the callee stored it field by field
/// reloads it in wider words that straddle those stores: a store-forwarding stall per call.)
#[inline]
fn ok<'r, 'a>(r: &'r Res<'a>) -> Result<&'r Value<'a>, Fail> {
    match r {
        Ok(v) => Ok(v),
        Err(e) => Err(*e),
    }
}

/// Runs a built function. The one-argument combinators (`compose`, `chain`, `fork`, `matcher`) and
/// the common one-argument `lbind`/`rbind` stay in this small frame; rarer shapes go out of line so
/// that the recursion through nested compositions keeps a small stack frame. Intermediate results
/// are passed on by reference ([`ok`]).
fn call_func<'a>(c: &'a Ctx, d: &'a FuncData<'a>, args: &[Value<'a>]) -> Res<'a> {
    use std::slice::from_ref;
    match (d, args) {
        (&FuncData::Compose(outer, inner), [_]) => {
            let y = call(c, inner, args);
            call(c, outer, from_ref(ok(&y)?))
        }
        (&FuncData::Chain(h, g, f), [_]) => {
            let y = call(c, f, args);
            let z = call(c, g, from_ref(ok(&y)?));
            call(c, h, from_ref(ok(&z)?))
        }
        (&FuncData::Fork(..), [_]) => {
            // A fork may be called again on the same value (both sides of an outer fork start
            // with it): its result is kept where it cost enough ([`Memo`]).
            if let Some(v) = c.memo_replay(d, args) {
                return Ok(v);
            }
            let before = c.steps();
            let r = call_fork(c, d, args);
            if let Ok(v) = &r {
                let spent = c.steps() - before;
                if spent >= Memo::MIN_STEPS {
                    c.memo_record(d, args, *v, spent);
                }
            }
            r
        }
        (&FuncData::Matcher(g, target), [_]) => {
            let y = call(c, g, args);
            Ok(Value::Bool(*ok(&y)? == target))
        }
        (&FuncData::LBind(g, fixed), &[x]) => call(c, g, &[fixed, x]),
        (&FuncData::RBind(g, fixed), &[x]) => call(c, g, &[x, fixed]),
        (FuncData::Compose(..), _) => fail(FailKind::Type, "compose"),
        (FuncData::Chain(..), _) => fail(FailKind::Type, "chain"),
        (FuncData::Fork(..), _) => fail(FailKind::Type, "fork"),
        (FuncData::Matcher(..), _) => fail(FailKind::Type, "matcher"),
        _ => call_func_rare(c, d, args),
    }
}

/// A one-argument `fork`: `outer(a(x), b(x))`.
#[inline(always)]
fn call_fork<'a>(c: &'a Ctx, d: &'a FuncData<'a>, args: &[Value<'a>]) -> Res<'a> {
    let &FuncData::Fork(outer, a, b) = d else { unreachable!("a fork") };
    let y = call(c, a, args);
    let y = ok(&y)?;
    let z = call(c, b, args);
    call(c, outer, &[*y, *ok(&z)?])
}

/// The shapes of [`call_func`] that need a buffer or a loop: binds of other arities, `power`,
/// closures.
#[inline(never)]
fn call_func_rare<'a>(c: &'a Ctx, d: &'a FuncData<'a>, args: &[Value<'a>]) -> Res<'a> {
    match *d {
        FuncData::LBind(g, fixed) => {
            let mut buf = [Value::None; 4];
            if args.len() > 3 {
                return fail(FailKind::Type, "lbind");
            }
            buf[0] = fixed;
            buf[1..=args.len()].copy_from_slice(args);
            call(c, g, &buf[..=args.len()])
        }
        FuncData::RBind(g, fixed) => {
            let mut buf = [Value::None; 4];
            if args.len() > 3 {
                return fail(FailKind::Type, "rbind");
            }
            buf[..args.len()].copy_from_slice(args);
            buf[args.len()] = fixed;
            call(c, g, &buf[..=args.len()])
        }
        FuncData::Power(g, n) => {
            if n == 1 {
                return call(c, g, args);
            }
            let [mut x] = *args else {
                return fail(FailKind::Type, "power");
            };
            for _ in 0..n {
                x = call1(c, g, x)?;
            }
            Ok(x)
        }
        FuncData::Closure(n, body) => {
            if args.len() != n {
                return fail(FailKind::Type, "closure");
            }
            // SAFETY: see `closure`: context, arguments and result share the caller's lifetime `'a`.
            let body = unsafe { std::mem::transmute::<&ErasedBody<'_>, &ClosureBody<'a>>(body) };
            let v = body(c, args);
            match c.status() {
                Some(e) => Err(e),
                None => Ok(v),
            }
        }
        // One-argument shapes are handled by `call_func`; other arities of these fail there.
        FuncData::Compose(..) | FuncData::Chain(..) | FuncData::Fork(..) | FuncData::Matcher(..) => {
            unreachable!("handled by call_func")
        }
    }
}

fn callable<'a>(f: Value<'a>, what: &'static str) -> Res<'a> {
    match f {
        Value::Fn(_) => Ok(f),
        _ => fail(FailKind::Type, what),
    }
}

pub fn identity<'a>(_c: &'a Ctx, x: Value<'a>) -> Res<'a> {
    Ok(x)
}

pub fn branch<'a>(_c: &'a Ctx, condition: Value<'a>, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    Ok(if condition.truthy() { a } else { b })
}

pub fn compose<'a>(c: &'a Ctx, outer: Value<'a>, inner: Value<'a>) -> Res<'a> {
    Ok(c.func(FuncData::Compose(callable(outer, "compose")?, callable(inner, "compose")?)))
}

pub fn chain<'a>(c: &'a Ctx, h: Value<'a>, g: Value<'a>, f: Value<'a>) -> Res<'a> {
    Ok(c.func(FuncData::Chain(callable(h, "chain")?, callable(g, "chain")?, callable(f, "chain")?)))
}

pub fn matcher<'a>(c: &'a Ctx, function: Value<'a>, target: Value<'a>) -> Res<'a> {
    Ok(c.func(FuncData::Matcher(callable(function, "matcher")?, target)))
}

pub fn rbind<'a>(c: &'a Ctx, function: Value<'a>, fixed: Value<'a>) -> Res<'a> {
    Ok(c.func(FuncData::RBind(callable(function, "rbind")?, fixed)))
}

pub fn lbind<'a>(c: &'a Ctx, function: Value<'a>, fixed: Value<'a>) -> Res<'a> {
    Ok(c.func(FuncData::LBind(callable(function, "lbind")?, fixed)))
}

/// `power(f, n)`: Python recurses forever for `n < 1`; that is a failure here.
pub fn power<'a>(c: &'a Ctx, function: Value<'a>, n: Value<'a>) -> Res<'a> {
    let n = n.int("power")?;
    if n < 1 {
        return fail(FailKind::Limit, "power");
    }
    let f = callable(function, "power")?;
    if n == 1 {
        return Ok(f);
    }
    Ok(c.func(FuncData::Power(f, n)))
}

pub fn fork<'a>(c: &'a Ctx, outer: Value<'a>, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    Ok(c.func(FuncData::Fork(callable(outer, "fork")?, callable(a, "fork")?, callable(b, "fork")?)))
}

/// `type(container)(function(e) for e in container)`.
pub fn apply<'a>(c: &'a Ctx, function: Value<'a>, container: Value<'a>) -> Res<'a> {
    // A point or a cell (a pair) maps to a new pair on the stack: a point or a cell again needs no
    // arena at all (`apply(f, (i, j))` runs inside the loops of composed functions).
    if let Value::Point(_) | Value::Cell(_) = container {
        let (items, _) = container.items("apply")?;
        let x = call(c, function, &[items.get(c, 0)])?;
        let y = call(c, function, &[items.get(c, 1)])?;
        return Ok(c.tuple(&[x, y]));
    }
    let (items, kind) = container.items("apply")?;
    let mut out = c.vec_with(items.len());
    for k in 0..items.len() {
        out.push(call(c, function, &[items.get(c, k)])?);
    }
    Ok(c.rebuild(kind, out))
}

/// `type(functions)(function(value) for function in functions)`.
pub fn rapply<'a>(c: &'a Ctx, functions: Value<'a>, value: Value<'a>) -> Res<'a> {
    let (items, kind) = functions.items("rapply")?;
    let mut out = c.vec_with(items.len());
    for k in 0..items.len() {
        out.push(call(c, items.get(c, k), &[value])?);
    }
    Ok(c.rebuild(kind, out))
}

/// `tuple(function(i, j) for i, j in zip(a, b))`.
pub fn papply<'a>(c: &'a Ctx, function: Value<'a>, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    let (xa, _) = a.items("papply")?;
    let (xb, _) = b.items("papply")?;
    let n = xa.len().min(xb.len());
    let mut out = c.vec_with(n);
    for k in 0..n {
        out.push(call(c, function, &[xa.get(c, k), xb.get(c, k)])?);
    }
    Ok(c.tuple_in_place(out.into_bump_slice()))
}

/// `frozenset(function(i, j) for j in b for i in a)`.
pub fn prapply<'a>(c: &'a Ctx, function: Value<'a>, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    let (xa, _) = a.items("prapply")?;
    let (xb, _) = b.items("prapply")?;
    c.check_items(xa.len() * xb.len(), "prapply")?;
    let mut out = c.vec_with(xa.len() * xb.len());
    for j in 0..xb.len() {
        let y = xb.get(c, j);
        for i in 0..xa.len() {
            out.push(call(c, function, &[xa.get(c, i), y])?);
        }
    }
    Ok(c.set(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Limits;
    use crate::Prim;
    use proptest::prelude::*;

    /// `fork(astuple, g, g')(x)` with `g = fork(astuple, compose(size, k), chain(size, lbind(occurrences,
    /// x), k'))` and `k = fork(combine, rbind(ofcolor, 0), rbind(ofcolor, a))`: `k` and `g` are each
    /// reached twice on the same value. `shared`: the primes are the same function values (the memo
    /// can stand for the repeats); else equal functions built twice (every call runs). The value (as
    /// text), the failure and the steps.
    fn run(h: u32, cells: &[u8], a: i32, budget: u64, shared: bool) -> (String, Option<Fail>, u64) {
        let c = Ctx::new(Limits { max_steps: budget, ..Limits::default() });
        let x = Value::Grid(c.grid_from(h, cells.len() as u32 / h, cells));
        let p = Value::prim;
        let k = || {
            let zero = rbind(&c, p(Prim::ofcolor), Value::Int(0)).unwrap();
            let other = rbind(&c, p(Prim::ofcolor), Value::Int(a)).unwrap();
            fork(&c, p(Prim::combine), zero, other).unwrap()
        };
        fn g<'a>(c: &'a Ctx, x: Value<'a>, k1: Value<'a>, k2: Value<'a>) -> Value<'a> {
            let p = Value::prim;
            let left = compose(c, p(Prim::size), k1).unwrap();
            let search = lbind(c, p(Prim::occurrences), x).unwrap();
            let right = chain(c, p(Prim::size), search, k2).unwrap();
            fork(c, p(Prim::astuple), left, right).unwrap()
        }
        let top = if shared {
            let k = k();
            let g = g(&c, x, k, k);
            fork(&c, p(Prim::astuple), g, g).unwrap()
        } else {
            fork(&c, p(Prim::astuple), g(&c, x, k(), k()), g(&c, x, k(), k())).unwrap()
        };
        let out = call(&c, top, &[x]);
        let text = match out {
            Ok(v) => format!("{v:?}"),
            Err(_) => String::new(),
        };
        (text, out.err().or(c.status()), c.steps())
    }

    proptest! {
        #[test]
        fn a_remembered_call_charges_and_fails_as_the_calls_it_stands_for(
            (h, cells) in (1u32..12).prop_flat_map(|h| (Just(h), proptest::collection::vec(0u8..3, (h as usize)..=(h as usize * 16)))),
            a in 0i32..3,
            part in 0.0f64..1.1,
        ) {
            let w = cells.len() / h as usize;
            let cells = &cells[..h as usize * w];
            let whole = run(h, cells, a, 1 << 23, false);
            // Budgets from none to more than the whole, so that runs fail before, between and in
            // the repeated calls.
            let budget = (whole.2 as f64 * part) as u64;
            prop_assert_eq!(run(h, cells, a, budget, true), run(h, cells, a, budget, false));
            prop_assert_eq!(run(h, cells, a, 1 << 23, true), whole);
        }
    }

    /// `f(x)` with `f` a primitive bound to one value, through [`call`] (its one-argument bind path)
    /// and through the general path (`call`'s step, then [`call_func`]): value, failure and steps.
    fn bound(
        p: Prim,
        left: bool,
        fixed: usize,
        x: usize,
        budget: u64,
        general: bool,
    ) -> (String, Option<Fail>, u64) {
        let c = Ctx::new(Limits { max_steps: budget, ..Limits::default() });
        let grid = Value::Grid(c.grid_from(2, 3, &[0, 1, 1, 2, 0, 1]));
        let pool = [
            Value::Int(1),
            Value::Int(-2),
            Value::Point((1, 2)),
            grid,
            Value::Indices(c.slice(&[(0, 0), (1, 2)])),
            Value::Tuple(c.slice(&[Value::Int(3), Value::Int(1)])),
            Value::None,
            Value::prim(Prim::size),
        ];
        let bind = if left { lbind } else { rbind };
        let f = bind(&c, Value::prim(p), pool[fixed]).unwrap();
        let args = [pool[x]];
        let out = match (general, f) {
            (true, Value::Fn(Callable::Func(d))) => c.step(1, "call").and_then(|()| call_func(&c, d, &args)),
            _ => call(&c, f, &args),
        };
        let text = out.map(|v| format!("{v:?}")).unwrap_or_default();
        (text, out.err().or(c.status()), c.steps())
    }

    proptest! {
        #[test]
        fn a_bound_primitive_runs_as_the_general_path_runs_it(
            p in proptest::sample::select(vec![
                Prim::add, Prim::astuple, Prim::colorcount, Prim::ofcolor, Prim::contained,
                Prim::combine, Prim::shift, Prim::index, Prim::apply, Prim::canvas, Prim::crop,
            ]),
            left: bool,
            fixed in 0usize..8,
            x in 0usize..8,
            budget in prop_oneof![Just(1u64 << 23), 0u64..6],
        ) {
            prop_assert_eq!(bound(p, left, fixed, x, budget, false), bound(p, left, fixed, x, budget, true));
        }
    }

    #[test]
    fn a_costly_fork_is_remembered() {
        // 15 x 16 cells: `k` charges ~500 steps, over the memo's floor; the shared run charges the
        // same as the unshared one, and a reset forgets (the same addresses hold other functions).
        let cells: Vec<u8> = (0..240).map(|k| (k * 7 % 3) as u8).collect();
        let (shared, unshared) = (run(15, &cells, 1, 1 << 23, true), run(15, &cells, 1, 1 << 23, false));
        assert!(shared.2 > 2 * Memo::MIN_STEPS);
        assert_eq!(shared, unshared);
        let mut c = Ctx::default();
        let x = Value::Grid(c.grid_from(15, 16, &cells));
        let k =
            fork(&c, Value::prim(Prim::ofcolor), Value::prim(Prim::identity), Value::prim(Prim::mostcolor))
                .unwrap();
        let first = call(&c, k, &[x]).unwrap();
        let spent = c.steps();
        assert!(spent > Memo::MIN_STEPS);
        let d = match k {
            Value::Fn(Callable::Func(d)) => d as *const FuncData as usize,
            _ => unreachable!(),
        };
        assert!(c.memo_funcs.iter().any(|f| f.get() == d));
        let again = call(&c, k, &[x]).unwrap();
        assert_eq!(c.steps(), 2 * spent);
        assert_eq!(format!("{first:?}"), format!("{again:?}"));
        c.reset();
        assert!(c.memo_funcs.iter().all(|f| f.get() == 0));
    }
}
