//! `cmp_values` is a total order on a mixed universe of values (found by `scripts/fuzz` dsl_grid:
//! `combine` of a set of cells with a set of other tuples made `sort_unstable_by(cmp_values)` panic
//! with "user-provided comparison function does not correctly implement a total order", because a
//! cell compared in raster order with cells but as `(colour, (i, j))` with tuples).

use std::cmp::Ordering;

use kernels::{cmp_values, dsl, Cell, Ctx, Value};

fn universe<'a>(c: &'a Ctx) -> Vec<Value<'a>> {
    let cell = |i, j, color| Value::Cell(Cell { i, j, color });
    let g = |h, w, cells: &[u8]| Value::Grid(c.grid_from(h, w, cells));
    let tuple = |items: &[Value<'a>]| Value::Tuple(c.slice(items));
    let mut u = vec![
        Value::None,
        Value::Bool(true),
        Value::Int(0),
        Value::Int(5),
        Value::Point((0, 0)),
        Value::Point((5, 0)),
        Value::Point((1, 9)),
        cell(0, 0, 9),
        cell(1, 0, 0),
        cell(0, 1, 5),
        tuple(&[Value::Int(5), Value::Int(0), Value::Int(1)]),
        tuple(&[Value::Int(0), Value::Point((0, 0)), Value::Int(3)]),
        tuple(&[cell(0, 0, 9), Value::Int(1)]),
        tuple(&[Value::Point((5, 0)), Value::Int(1)]),
        g(1, 2, &[5, 0]),
        g(2, 1, &[0, 9]),
        g(1, 3, &[5, 0, 1]),
        Value::Set(&[]),
    ];
    let grid = g(2, 2, &[1, 2, 2, 0]);
    u.push(dsl::objects(c, grid, Value::Bool(true), Value::Bool(false), Value::Bool(false)));
    u.push(dsl::asindices(c, grid));
    u.push(dsl::ofcolor(c, grid, Value::Int(2)));
    let mixed = dsl::combine(c, dsl::first(c, u[18]), dsl::initset(c, Value::Point((5, 0))));
    u.push(mixed);
    u
}

#[test]
fn the_canonical_order_is_total_on_mixed_values() {
    let c = Ctx::default();
    let u = universe(&c);
    for a in &u {
        assert_eq!(cmp_values(a, a), Ordering::Equal, "{a:?}");
        for b in &u {
            assert_eq!(cmp_values(a, b), cmp_values(b, a).reverse(), "antisymmetry: {a:?} {b:?}");
            for x in &u {
                if cmp_values(a, b) == Ordering::Less && cmp_values(b, x) == Ordering::Less {
                    assert_eq!(cmp_values(a, x), Ordering::Less, "transitivity: {a:?} < {b:?} < {x:?}");
                }
            }
        }
    }
}

#[test]
fn a_set_of_cells_and_other_tuples_sorts() {
    let c = Ctx::default();
    let cell = |i, j, color| Value::Cell(Cell { i, j, color });
    // The cycle: (0,0,9) < (1,0,0) in raster order, but as (colour, ...) tuples (1,0,0) < (5,0) < (0,0,9).
    let (a, b, t) = (cell(0, 0, 9), cell(1, 0, 0), Value::Point((5, 0)));
    assert_eq!(cmp_values(&a, &b), Ordering::Less);
    assert_eq!(cmp_values(&a, &t), Ordering::Less);
    assert_eq!(cmp_values(&b, &t), Ordering::Less);
    let cells = dsl::combine(&c, dsl::initset(&c, a), dsl::initset(&c, b));
    let all = dsl::combine(&c, cells, dsl::initset(&c, t));
    assert!(!c.failed());
    let Value::Set(items) = all else { panic!("a mixed set: {all:?}") };
    assert_eq!(items.len(), 3);
    assert!(items.windows(2).all(|w| cmp_values(&w[0], &w[1]) == Ordering::Less));
    // Many of them, past the small-sort threshold, where the standard sort detects bad orders.
    let mut items: Vec<Value> =
        (0..40).flat_map(|k| [cell(k % 7, k % 5, (k * 3) % 10), Value::Point((k % 10, k % 3))]).collect();
    items.sort_unstable_by(cmp_values);
    assert!(items.windows(2).all(|w| cmp_values(&w[0], &w[1]) != Ordering::Greater));
}
