//! Numbers and logic: `add`, `subtract`, `multiply`, `divide` and the other `Numerical` primitives
//! (an int, or a point, broadcast as Python's DSL does), comparisons and booleans.
//! Mirrored by `cuda/arith.cuh`. Arithmetic is checked i32; `//` floors as in Python.

use crate::value::{checked, fail, Ctx, Fail, FailKind, Res, Value};

/// Python's `Numerical`: an integer or an integer pair.
#[derive(Clone, Copy)]
enum Num {
    I(i64),
    P(i64, i64),
}

fn num(v: Value, what: &'static str) -> Result<Num, Fail> {
    match v {
        Value::Int(x) => Ok(Num::I(x as i64)),
        Value::Bool(b) => Ok(Num::I(b as i64)),
        Value::Point((i, j)) => Ok(Num::P(i as i64, j as i64)),
        _ => fail(FailKind::Type, what),
    }
}

fn to_value<'a>(n: Num, what: &'static str) -> Res<'a> {
    Ok(match n {
        Num::I(x) => Value::Int(checked(x, what)?),
        Num::P(i, j) => Value::Point((checked(i, what)?, checked(j, what)?)),
    })
}

/// Applies `op` element-wise with Python's int/tuple broadcasting.
fn binary<'a>(
    a: Value<'a>,
    b: Value<'a>,
    what: &'static str,
    op: impl Fn(i64, i64) -> Result<i64, Fail>,
) -> Res<'a> {
    let r = match (num(a, what)?, num(b, what)?) {
        (Num::I(x), Num::I(y)) => Num::I(op(x, y)?),
        (Num::P(x0, x1), Num::P(y0, y1)) => Num::P(op(x0, y0)?, op(x1, y1)?),
        (Num::I(x), Num::P(y0, y1)) => Num::P(op(x, y0)?, op(x, y1)?),
        (Num::P(x0, x1), Num::I(y)) => Num::P(op(x0, y)?, op(x1, y)?),
    };
    to_value(r, what)
}

fn unary<'a>(n: Value<'a>, what: &'static str, op: impl Fn(i64) -> i64) -> Res<'a> {
    let r = match num(n, what)? {
        Num::I(x) => Num::I(op(x)),
        Num::P(i, j) => Num::P(op(i), op(j)),
    };
    to_value(r, what)
}

/// Python's `a // b` (rounds toward negative infinity).
pub fn floordiv(a: i64, b: i64) -> i64 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

pub fn add<'a>(_c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    binary(a, b, "add", |x, y| Ok(x + y))
}

pub fn subtract<'a>(_c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    binary(a, b, "subtract", |x, y| Ok(x - y))
}

pub fn multiply<'a>(_c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    binary(a, b, "multiply", |x, y| Ok(x * y))
}

pub fn divide<'a>(_c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    binary(
        a,
        b,
        "divide",
        |x, y| {
            if y == 0 {
                fail(FailKind::ZeroDivision, "divide")
            } else {
                Ok(floordiv(x, y))
            }
        },
    )
}

pub fn invert<'a>(_c: &'a Ctx, n: Value<'a>) -> Res<'a> {
    unary(n, "invert", |x| -x)
}

pub fn even<'a>(_c: &'a Ctx, n: Value<'a>) -> Res<'a> {
    Ok(Value::Bool(n.int("even")? % 2 == 0))
}

pub fn double<'a>(_c: &'a Ctx, n: Value<'a>) -> Res<'a> {
    unary(n, "double", |x| x * 2)
}

pub fn halve<'a>(_c: &'a Ctx, n: Value<'a>) -> Res<'a> {
    unary(n, "halve", |x| floordiv(x, 2))
}

pub fn flip<'a>(_c: &'a Ctx, b: Value<'a>) -> Res<'a> {
    Ok(Value::Bool(!b.truthy()))
}

pub fn equality<'a>(_c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    Ok(Value::Bool(a == b))
}

pub fn greater<'a>(_c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    Ok(Value::Bool(a.int("greater")? > b.int("greater")?))
}

/// `a and b`: Python returns the deciding operand, not a bool.
pub fn both<'a>(_c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    Ok(if a.truthy() { b } else { a })
}

/// `a or b`: Python returns the deciding operand, not a bool.
pub fn either<'a>(_c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    Ok(if a.truthy() { a } else { b })
}

pub fn increment<'a>(_c: &'a Ctx, x: Value<'a>) -> Res<'a> {
    unary(x, "increment", |v| v + 1)
}

pub fn decrement<'a>(_c: &'a Ctx, x: Value<'a>) -> Res<'a> {
    unary(x, "decrement", |v| v - 1)
}

/// Moves away from zero by one (0 stays 0).
pub fn crement<'a>(_c: &'a Ctx, x: Value<'a>) -> Res<'a> {
    unary(x, "crement", |v| v + v.signum())
}

pub fn sign<'a>(_c: &'a Ctx, x: Value<'a>) -> Res<'a> {
    unary(x, "sign", |v| v.signum())
}

pub fn positive<'a>(_c: &'a Ctx, x: Value<'a>) -> Res<'a> {
    Ok(Value::Bool(x.int("positive")? > 0))
}

pub fn toivec<'a>(_c: &'a Ctx, i: Value<'a>) -> Res<'a> {
    Ok(Value::Point((i.int("toivec")?, 0)))
}

pub fn tojvec<'a>(_c: &'a Ctx, j: Value<'a>) -> Res<'a> {
    Ok(Value::Point((0, j.int("tojvec")?)))
}

/// `(a, b)`: typed for integers, but the reference solvers also pair grids, objects and functions.
pub fn astuple<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    match (a.int("astuple"), b.int("astuple")) {
        (Ok(x), Ok(y)) => Ok(Value::Point((x, y))),
        _ => Ok(c.tuple(&[a, b])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constants::*;
    use crate::dsl;

    #[test]
    fn astuple_pairs_anything() {
        let c = Ctx::default();
        assert_eq!(dsl::astuple(&c, FOUR, EIGHT), Value::Point((4, 8)));
        // bools are ints: (True, 0) == (1, 0)
        assert_eq!(dsl::astuple(&c, T, ZERO), Value::Point((1, 0)));
        let g = Value::Grid(c.grid_from(1, 2, &[1, 2]));
        let t = dsl::astuple(&c, g, g);
        assert!(matches!(t, Value::Tuple([a, b]) if *a == g && *b == g), "{t:?}");
        // (int, point) is a cell, as everywhere else
        assert!(matches!(dsl::astuple(&c, TWO, UNITY), Value::Cell(_)));
    }

    #[test]
    fn numerical_broadcasting() {
        let c = Ctx::default();
        assert_eq!(dsl::add(&c, ONE, TWO), THREE);
        assert_eq!(dsl::add(&c, UNITY, DOWN), Value::Point((2, 1)));
        assert_eq!(dsl::add(&c, TWO, RIGHT), Value::Point((2, 3)));
        assert_eq!(dsl::subtract(&c, RIGHT, ONE), Value::Point((-1, 0)));
        assert_eq!(dsl::multiply(&c, THREE_BY_THREE, TWO), Value::Point((6, 6)));
    }

    #[test]
    fn division_floors_like_python() {
        let c = Ctx::default();
        assert_eq!(dsl::divide(&c, Value::Int(-7), TWO), Value::Int(-4));
        assert_eq!(dsl::divide(&c, Value::Int(7), NEG_TWO), Value::Int(-4));
        assert_eq!(dsl::halve(&c, Value::Point((-3, 3))), Value::Point((-2, 1)));
        assert!(!c.failed());
        dsl::divide(&c, ONE, ZERO);
        assert_eq!(c.status().unwrap().kind, FailKind::ZeroDivision);
    }

    #[test]
    fn overflow_fails_instead_of_wrapping() {
        let c = Ctx::default();
        dsl::multiply(&c, Value::Int(i32::MAX), TWO);
        assert_eq!(c.status().unwrap().kind, FailKind::Overflow);
    }

    #[test]
    fn crement_sign_and_logic() {
        let c = Ctx::default();
        assert_eq!(dsl::crement(&c, Value::Point((-2, 0))), Value::Point((-3, 0)));
        assert_eq!(dsl::sign(&c, Value::Int(-9)), NEG_ONE);
        assert_eq!(dsl::both(&c, T, F), F);
        assert_eq!(dsl::either(&c, F, T), T);
        assert_eq!(dsl::flip(&c, ZERO), T);
        assert_eq!(dsl::greater(&c, T, ZERO), T);
        assert_eq!(dsl::equality(&c, T, ONE), T, "True == 1 in Python");
        assert_eq!(dsl::even(&c, Value::Int(-4)), T);
        assert_eq!(dsl::astuple(&c, ONE, TWO), Value::Point((1, 2)));
    }

    #[test]
    fn type_errors_are_failures() {
        let c = Ctx::default();
        assert_eq!(dsl::add(&c, ONE, Value::Set(&[])), Value::None);
        assert_eq!(c.status().unwrap(), crate::Fail { kind: FailKind::Type, what: "add" });
    }
}
