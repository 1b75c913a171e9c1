//! Containers: frozensets and tuples (`size`, `first`, `sfilter`, `argmax`, `merge`, `product`...).
//! Mirrored by `cuda/containers.cuh`.
//!
//! Frozensets are sorted slices, so membership is a binary search and `combine` / `intersection` /
//! `difference` of two frozensets are linear merges. Objects, indices and sets of objects have typed
//! fast paths; every other container goes through the generic [`Items`] view.
//!
//! Keys (`order`, `argmax`, `valmin`...) and elements (`maximum`, `minimum`) are compared as Python's
//! `<` would compare them where Python can: two cells compare colour first, as the `(colour, (i, j))`
//! tuples they are; everything else by the canonical order ([`cmp_values`]), which also gives an
//! answer where Python would raise on mixed types.

use std::cmp::Ordering;

use bumpalo::collections::Vec as BVec;

use crate::func::{apply, call, papply};
use crate::value::{
    cmp_values, fail, row_value, union_of_shifts, Callable, Cell, Ctx, Fail, FailKind, FuncData, Grid, Items,
    Kind, Patch, Point, Res, Value,
};
use crate::Prim;

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// Python's `<` between two keys or elements: cells colour first (as Python's tuples), otherwise
/// the canonical order.
#[inline]
fn key_cmp(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        // The usual key (a size, a colour, a distance), without the general order's ranking.
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Cell(x), Value::Cell(y)) => (x.color, x.i, x.j).cmp(&(y.color, y.i, y.j)),
        _ => cmp_values(a, b),
    }
}

/// Python's `len(x)`.
fn len_of(v: Value, what: &'static str) -> Result<usize, Fail> {
    Ok(match v {
        Value::Point(_) | Value::Cell(_) => 2,
        Value::Grid(g) => g.h as usize,
        Value::Object(x) => x.len(),
        Value::Indices(x) => x.len(),
        Value::Set(x) | Value::Tuple(x) => x.len(),
        _ => return fail(FailKind::Type, what),
    })
}

/// The canonical tuple of `items`, without copying them (same rule as [`Ctx::tuple`]).
fn tuple_of<'a>(items: &'a [Value<'a>]) -> Value<'a> {
    match *items {
        [Value::Int(a), Value::Int(b)] => Value::Point((a, b)),
        [Value::Int(k), Value::Point(p)] => Value::Cell(Cell::new(k, p)),
        _ => Value::Tuple(items),
    }
}

/// The canonical frozenset of values that are already sorted and unique (a subset of a canonical
/// set, a merge of two): only decides between `Object`, `Indices` and `Set`.
fn set_from_sorted<'a>(c: &'a Ctx, items: BVec<'a, Value<'a>>) -> Value<'a> {
    match items.first() {
        None => Value::Set(&[]),
        Some(Value::Cell(_)) if items.iter().all(|v| matches!(v, Value::Cell(_))) => {
            let mut cells = c.vec_with(items.len());
            cells.extend(items.iter().filter_map(|v| match v {
                Value::Cell(x) => Some(*x),
                _ => None,
            }));
            c.object(cells)
        }
        Some(Value::Point(_)) if items.iter().all(|v| matches!(v, Value::Point(_))) => {
            let mut pts = c.vec_with(items.len());
            pts.extend(items.iter().filter_map(|v| match v {
                Value::Point(p) => Some(*p),
                _ => None,
            }));
            c.indices(pts)
        }
        Some(_) => Value::Set(items.into_bump_slice()),
    }
}

/// A frozenset's elements as values (cells and points are wrapped; a `Set` is borrowed as is).
fn set_values<'a>(c: &'a Ctx, v: Value<'a>, what: &'static str) -> Result<&'a [Value<'a>], Fail> {
    Ok(match v {
        Value::Set(s) => s,
        Value::Object(x) => {
            let mut o = c.vec_with(x.len());
            o.extend(x.iter().map(|&y| Value::Cell(y)));
            o.into_bump_slice()
        }
        Value::Indices(x) => {
            let mut o = c.vec_with(x.len());
            o.extend(x.iter().map(|&y| Value::Point(y)));
            o.into_bump_slice()
        }
        _ => return fail(FailKind::Type, what),
    })
}

/// Whether a grid row (a tuple of ints) equals `v`.
fn row_eq(row: &[u8], v: Value) -> bool {
    match v {
        Value::Point((a, b)) => row.len() == 2 && row[0] as i32 == a && row[1] as i32 == b,
        Value::Tuple(xs) => {
            xs.len() == row.len()
                && xs.iter().zip(row).all(|(x, &r)| matches!(x.int("contained"), Ok(k) if k == r as i32))
        }
        Value::Grid(g) => g.h == 0 && row.is_empty(),
        _ => false,
    }
}

/// Python's `value in container`.
fn contains<'a>(
    c: &'a Ctx,
    container: Value<'a>,
    value: Value<'a>,
    what: &'static str,
) -> Result<bool, Fail> {
    Ok(match container {
        Value::Object(cells) => match value {
            Value::Cell(x) => cells.binary_search(&x).is_ok(),
            _ => false,
        },
        Value::Indices(pts) => match value {
            Value::Point(p) => pts.binary_search(&p).is_ok(),
            _ => false,
        },
        Value::Set(vs) => vs.binary_search_by(|x| cmp_values(x, &value)).is_ok(),
        Value::Tuple(vs) => {
            c.step(vs.len() as u64, what)?;
            vs.contains(&value)
        }
        Value::Grid(g) => {
            c.step(g.h as u64, what)?;
            (0..g.h as usize).any(|i| row_eq(g.row(i), value))
        }
        Value::Point((a, b)) => value == Value::Int(a) || value == Value::Int(b),
        Value::Cell(x) => value == Value::Int(x.color) || value == Value::Point(x.loc()),
        _ => return fail(FailKind::Type, what),
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SetOp {
    Union,
    Inter,
    Diff,
}

/// Union / intersection / difference of two sorted unique slices: the union by one merge, the others
/// by looking each element of `a` up in `b`.
fn merge_sorted<'a, T: Copy>(
    c: &'a Ctx,
    a: &[T],
    b: &[T],
    op: SetOp,
    what: &'static str,
    cmp: impl Fn(&T, &T) -> Ordering,
) -> Result<BVec<'a, T>, Fail> {
    let cap = match op {
        SetOp::Union => a.len() + b.len(),
        SetOp::Inter => a.len().min(b.len()),
        SetOp::Diff => a.len(),
    };
    c.check_items(cap, what)?;
    let mut out = c.vec_with(cap);
    if op != SetOp::Union {
        // Each element of `a` is looked up in the rest of `b` by galloping: as fast as a merge for
        // slices of one size, and `O(a log b)` for a small set against a large one (a shifted shape
        // tested against all cells of a colour: 7df24a62, 6a1e5592).
        let mut j = 0;
        for x in a {
            j = gallop(b, j, x, &cmp);
            let in_b = j < b.len() && cmp(&b[j], x) == Ordering::Equal;
            if in_b == (op == SetOp::Inter) {
                out.push(*x);
            }
        }
        return Ok(out);
    }
    // The union: one merge of the two.
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match cmp(&a[i], &b[j]) {
            Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    Ok(out)
}

/// The first position at or after `from` where sorted `b` holds an element not less than `x`,
/// found in `O(log distance)` comparisons (all of `b[from..]` before it is less than `x`).
fn gallop<T>(b: &[T], from: usize, x: &T, cmp: &impl Fn(&T, &T) -> Ordering) -> usize {
    let (mut lo, mut hi, mut step) = (from, from, 1);
    // Invariant: everything in `b[from..lo]` is less than `x`.
    while hi < b.len() && cmp(&b[hi], x) == Ordering::Less {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    let hi = hi.min(b.len());
    lo + b[lo..hi].partition_point(|y| cmp(y, x) == Ordering::Less)
}

/// A set operation between two frozensets of any representation.
fn set_op<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>, op: SetOp, what: &'static str) -> Res<'a> {
    match (a, b) {
        // Equal cells (points) are identical: an intersection walks the smaller set, found in the
        // larger.
        (Value::Object(mut x), Value::Object(mut y)) => {
            if op == SetOp::Inter && x.len() > y.len() {
                (x, y) = (y, x);
            }
            Ok(c.object_sorted(merge_sorted(c, x, y, op, what, Cell::cmp)?))
        }
        (Value::Indices(mut x), Value::Indices(mut y)) => {
            if op == SetOp::Inter && x.len() > y.len() {
                (x, y) = (y, x);
            }
            // A smaller set against a large one looked into again: its bitmap, same work charged.
            if op != SetOp::Union && x.len() < y.len() {
                let keep = op == SetOp::Inter;
                let cap = x.len();
                if let Some(r) = c.with_point_mask(y, |mask| {
                    c.check_items(cap, what)?;
                    let mut out = c.vec_with(cap);
                    out.extend(x.iter().copied().filter(|&p| mask.contains(p) == keep));
                    Ok(c.indices_sorted(out))
                }) {
                    return r;
                }
            }
            Ok(c.indices_sorted(merge_sorted(c, x, y, op, what, Point::cmp)?))
        }
        // Shortcuts with the empty set, and between cells and points (never equal).
        (Value::Set(&[]), _)
        | (_, Value::Set(&[]))
        | (Value::Object(_), Value::Indices(_))
        | (Value::Indices(_), Value::Object(_))
            if a.is_set() && b.is_set() && op != SetOp::Union =>
        {
            Ok(if op == SetOp::Diff { a } else { Value::Set(&[]) })
        }
        (Value::Set(&[]), _) if b.is_set() => Ok(b),
        (_, Value::Set(&[])) if a.is_set() => Ok(a),
        _ => {
            let xa = set_values(c, a, what)?;
            let xb = set_values(c, b, what)?;
            Ok(set_from_sorted(c, merge_sorted(c, xa, xb, op, what, cmp_values)?))
        }
    }
}

/// A grid made of the rows `rows` of `g` (in that order).
fn grid_rows<'a>(c: &'a Ctx, g: Grid<'a>, rows: &[u32], what: &'static str) -> Res<'a> {
    if rows.len() == g.h as usize {
        return Ok(Value::Grid(g));
    }
    let w = g.w as usize;
    let out = c.grid(rows.len() as i32, g.w as i32, what, |i, j| {
        g.cells[rows[i as usize] as usize * w + j as usize]
    })?;
    Ok(Value::Grid(out))
}

/// Indices `0..n` of the first occurrence of each distinct element (ascending), where `cmp`
/// compares the elements at two indices. Sorts an index array: no quadratic scan.
fn first_occurrences<'a>(c: &'a Ctx, n: usize, cmp: impl Fn(usize, usize) -> Ordering) -> BVec<'a, u32> {
    let mut idx = c.vec_with(n);
    idx.extend(0..n as u32);
    idx.sort_unstable_by(|&x, &y| cmp(x as usize, y as usize).then(x.cmp(&y)));
    let keep = c.arena().alloc_slice_fill_copy(n, false);
    let mut k = 0;
    while k < n {
        let head = idx[k] as usize;
        keep[head] = true;
        k += 1;
        while k < n && cmp(head, idx[k] as usize) == Ordering::Equal {
            k += 1;
        }
    }
    let mut out = c.vec_with(n);
    out.extend((0..n as u32).filter(|&i| keep[i as usize]));
    out
}

// ---------------------------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------------------------

/// `value in container` for any container (binary search in frozensets; a grid holds its rows).
pub fn contained<'a>(c: &'a Ctx, value: Value<'a>, container: Value<'a>) -> Res<'a> {
    Ok(Value::Bool(contains(c, container, value, "contained")?))
}

/// `type(a)((*a, *b))`: the union of a frozenset with anything iterable, or the concatenation of a
/// tuple with anything iterable (two grids of one width concatenate into a grid).
pub fn combine<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    const WHAT: &str = "combine";
    let (xa, ka) = a.items(WHAT)?;
    let (xb, _) = b.items(WHAT)?;
    if ka == Kind::Set {
        if b.is_set() {
            return set_op(c, a, b, SetOp::Union, WHAT);
        }
        if xb.is_empty() {
            return Ok(a);
        }
    } else {
        // `tuple(t)` is `t` for any tuple: concatenating with an empty tuple changes nothing.
        let tuple_like =
            |v: &Value| matches!(v, Value::Tuple(_) | Value::Grid(_) | Value::Point(_) | Value::Cell(_));
        if xa.is_empty() && tuple_like(&b) {
            return Ok(b);
        }
        if xb.is_empty() {
            return Ok(a);
        }
        if let (Value::Grid(g), Value::Grid(h)) = (a, b) {
            if g.w == h.w {
                let rows = g.h as i64 + h.h as i64;
                if rows > i32::MAX as i64 {
                    return fail(FailKind::Limit, WHAT);
                }
                let split = g.h as i32;
                let out = c.grid(rows as i32, g.w as i32, WHAT, |i, j| {
                    if i < split {
                        g.at(i, j)
                    } else {
                        h.at(i - split, j)
                    }
                })?;
                return Ok(Value::Grid(out));
            }
        }
    }
    let n = xa.len() + xb.len();
    c.check_items(n, WHAT)?;
    let mut out = c.vec_with(n);
    out.extend(xa.iter(c));
    out.extend(xb.iter(c));
    Ok(match ka {
        Kind::Set => c.set(out),
        Kind::Tuple => tuple_of(out.into_bump_slice()),
    })
}

/// `a & b` of two frozensets (a linear merge; Python raises on anything else).
pub fn intersection<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    set_op(c, a, b, SetOp::Inter, "intersection")
}

/// `type(a)(e for e in a if e not in b)`: a linear merge for two frozensets; a tuple `a` stays a
/// tuple and `b` may be any container.
pub fn difference<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    const WHAT: &str = "difference";
    if a.is_set() && b.is_set() {
        return set_op(c, a, b, SetOp::Diff, WHAT);
    }
    let (xa, ka) = a.items(WHAT)?;
    // Like Python, `b` is only looked into when `a` has elements.
    let mut out = c.vec_with(xa.len());
    for e in xa.iter(c) {
        if !contains(c, b, e, WHAT)? {
            out.push(e);
        }
    }
    Ok(match ka {
        Kind::Set => set_from_sorted(c, out),
        Kind::Tuple => tuple_of(out.into_bump_slice()),
    })
}

/// `tuple(e for i, e in enumerate(tup) if tup.index(e) == i)`: the first occurrence of each
/// element, in order (a grid keeps its first copy of each row and stays a grid). Frozensets have no
/// `index`: a type failure, as in Python.
pub fn dedupe<'a>(c: &'a Ctx, tup: Value<'a>) -> Res<'a> {
    const WHAT: &str = "dedupe";
    let (items, kind) = tup.items(WHAT)?;
    if kind == Kind::Set {
        return fail(FailKind::Type, WHAT);
    }
    let n = items.len();
    c.step(n as u64, WHAT)?;
    if let Value::Grid(g) = tup {
        let kept = first_occurrences(c, n, |x, y| g.row(x).cmp(g.row(y)));
        return grid_rows(c, g, &kept, WHAT);
    }
    let vals: &[Value] = match items {
        Items::Values(v) => v,
        _ => {
            let mut v = c.vec_with(n);
            v.extend(items.iter(c));
            v.into_bump_slice()
        }
    };
    let kept = first_occurrences(c, n, |x, y| cmp_values(&vals[x], &vals[y]));
    if kept.len() == n {
        return Ok(tup);
    }
    let mut out = c.vec_with(kept.len());
    out.extend(kept.iter().map(|&k| vals[k as usize]));
    Ok(tuple_of(out.into_bump_slice()))
}

/// `tuple(sorted(container, key=compfunc))`: a stable sort by key (keys compared as described in
/// the module doc; Python would raise on keys of mixed types, here they take the canonical order).
pub fn order<'a>(c: &'a Ctx, container: Value<'a>, compfunc: Value<'a>) -> Res<'a> {
    const WHAT: &str = "order";
    let (items, _) = container.items(WHAT)?;
    let n = items.len();
    c.check_items(n, WHAT)?;
    let mut keyed = c.vec_with(n);
    for k in 0..n {
        let e = items.get(c, k);
        keyed.push((call(c, compfunc, &[e])?, e, k as u32));
    }
    // The index breaks ties: stable without the heap buffer of a stable sort.
    keyed.sort_unstable_by(|x, y| key_cmp(&x.0, &y.0).then(x.2.cmp(&y.2)));
    let mut out = c.vec_with(n);
    out.extend(keyed.iter().map(|x| x.1));
    Ok(tuple_of(out.into_bump_slice()))
}

/// `tuple(item for i in range(num))` (empty for `num <= 0`).
pub fn repeat<'a>(c: &'a Ctx, item: Value<'a>, num: Value<'a>) -> Res<'a> {
    let n = num.int("repeat")?.max(0) as usize;
    c.check_items(n, "repeat")?;
    let out = c.arena().alloc_slice_fill_copy(n, item);
    Ok(tuple_of(out))
}

/// `len(container)`: a grid's number of rows, 2 for a point or a cell.
pub fn size<'a>(_c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    Ok(Value::Int(len_of(container, "size")? as i32))
}

/// `type(containers)(e for c in containers for e in c)`: a set of objects merges into one object.
pub fn merge<'a>(c: &'a Ctx, containers: Value<'a>) -> Res<'a> {
    let (outer, kind) = containers.items("merge")?;
    // Fast paths: a frozenset of objects (the common `mapply`/`mfilter` result) merges cell slices,
    // a frozenset of indices merges point slices.
    if let (Items::Values(vs), Kind::Set) = (outer, kind) {
        if vs.iter().all(|v| matches!(v, Value::Object(_))) {
            let n = vs.iter().map(|v| if let Value::Object(x) = v { x.len() } else { 0 }).sum();
            c.check_items(n, "merge")?;
            let mut cells = c.vec_with(n);
            for v in vs {
                if let Value::Object(x) = v {
                    cells.extend_from_slice(x);
                }
            }
            return Ok(c.object(cells));
        }
        if vs.iter().all(|v| matches!(v, Value::Indices(_))) {
            let n = vs.iter().map(|v| if let Value::Indices(x) = v { x.len() } else { 0 }).sum();
            c.check_items(n, "merge")?;
            let mut pts = c.vec_with(n);
            for v in vs {
                if let Value::Indices(x) = v {
                    pts.extend_from_slice(x);
                }
            }
            return Ok(c.indices(pts));
        }
    }
    let mut out = c.vec();
    for k in 0..outer.len() {
        let (inner, _) = outer.get(c, k).items("merge")?;
        if out.len() + inner.len() > c.limits.max_items {
            return fail(FailKind::Limit, "merge");
        }
        c.step(inner.len() as u64 + 1, "merge")?;
        out.extend(inner.iter(c));
    }
    Ok(match kind {
        Kind::Set => c.set(out),
        Kind::Tuple => tuple_of(out.into_bump_slice()),
    })
}

/// The first element that is better than all before it under `better` (Python's `max`/`min`
/// with a key: the first best in iteration order wins ties).
fn extreme<'a>(
    c: &'a Ctx,
    container: Value<'a>,
    want: Ordering,
    what: &'static str,
) -> Result<Option<Value<'a>>, Fail> {
    let (items, _) = container.items(what)?;
    c.step(items.len() as u64, what)?;
    let mut it = items.iter(c);
    let Some(mut best) = it.next() else {
        return Ok(None);
    };
    for e in it {
        if key_cmp(&e, &best) == want {
            best = e;
        }
    }
    Ok(Some(best))
}

/// `max(container, default=0)` (two cells compare colour first, as in Python).
pub fn maximum<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    Ok(extreme(c, container, Ordering::Greater, "maximum")?.unwrap_or(Value::Int(0)))
}

/// `min(container, default=0)` (two cells compare colour first, as in Python).
pub fn minimum<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    Ok(extreme(c, container, Ordering::Less, "minimum")?.unwrap_or(Value::Int(0)))
}

/// The best `(key, element)` by `compfunc`, the first one on ties; `None` when empty.
#[allow(clippy::type_complexity)]
fn best_by<'a>(
    c: &'a Ctx,
    container: Value<'a>,
    compfunc: Value<'a>,
    want: Ordering,
    what: &'static str,
) -> Result<Option<(Value<'a>, Value<'a>)>, Fail> {
    let (items, _) = container.items(what)?;
    let mut best: Option<(Value<'a>, Value<'a>)> = None;
    for e in items.iter(c) {
        let k = call(c, compfunc, &[e])?;
        match best {
            Some((bk, _)) if key_cmp(&k, &bk) != want => {}
            _ => best = Some((k, e)),
        }
    }
    Ok(best)
}

/// `compfunc(max(container, key=compfunc, default=0))`: the largest key; on an empty container
/// Python calls `compfunc(0)`, and so does this (which fails where `compfunc` cannot take an int).
pub fn valmax<'a>(c: &'a Ctx, container: Value<'a>, compfunc: Value<'a>) -> Res<'a> {
    match best_by(c, container, compfunc, Ordering::Greater, "valmax")? {
        Some((k, _)) => Ok(k),
        None => call(c, compfunc, &[Value::Int(0)]),
    }
}

/// `compfunc(min(container, key=compfunc, default=0))`: the smallest key; `compfunc(0)` when empty.
pub fn valmin<'a>(c: &'a Ctx, container: Value<'a>, compfunc: Value<'a>) -> Res<'a> {
    match best_by(c, container, compfunc, Ordering::Less, "valmin")? {
        Some((k, _)) => Ok(k),
        None => call(c, compfunc, &[Value::Int(0)]),
    }
}

/// `max(container, key=compfunc)`: the first element with the largest key; fails when empty.
pub fn argmax<'a>(c: &'a Ctx, container: Value<'a>, compfunc: Value<'a>) -> Res<'a> {
    match best_by(c, container, compfunc, Ordering::Greater, "argmax")? {
        Some((_, e)) => Ok(e),
        None => fail(FailKind::Empty, "argmax"),
    }
}

/// `min(container, key=compfunc)`: the first element with the smallest key; fails when empty.
pub fn argmin<'a>(c: &'a Ctx, container: Value<'a>, compfunc: Value<'a>) -> Res<'a> {
    match best_by(c, container, compfunc, Ordering::Less, "argmin")? {
        Some((_, e)) => Ok(e),
        None => fail(FailKind::Empty, "argmin"),
    }
}

/// The element of a tuple with the most (`most`) or fewest occurrences; ties go to the smallest
/// element in the canonical order. Frozensets have no `count` in Python: a type failure.
fn common<'a>(c: &'a Ctx, container: Value<'a>, most: bool, what: &'static str) -> Res<'a> {
    let (items, kind) = container.items(what)?;
    if kind == Kind::Set {
        return fail(FailKind::Type, what);
    }
    let n = items.len();
    if n == 0 {
        return fail(FailKind::Empty, what);
    }
    c.check_items(n, what)?;
    let mut vals = c.vec_with(n);
    vals.extend(items.iter(c));
    vals.sort_unstable_by(cmp_values);
    let mut best = (vals[0], 0usize);
    let mut k = 0;
    while k < n {
        let start = k;
        while k < n && vals[k] == vals[start] {
            k += 1;
        }
        let count = k - start;
        let better = if most { count > best.1 } else { count < best.1 };
        if start == 0 || better {
            best = (vals[start], count);
        }
    }
    Ok(best.0)
}

/// `max(set(container), key=container.count)` on a tuple: ties -> the smallest element.
pub fn mostcommon<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    common(c, container, true, "mostcommon")
}

/// `min(set(container), key=container.count)` on a tuple: ties -> the smallest element.
pub fn leastcommon<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    common(c, container, false, "leastcommon")
}

/// `frozenset({value})`.
pub fn initset<'a>(c: &'a Ctx, value: Value<'a>) -> Res<'a> {
    // One element is canonical as it is: its representation picked at once, without
    // `Ctx::set`'s passes (a64e4611 takes `initset` of every cell it filters).
    Ok(match value {
        Value::Point(p) => Value::Indices(c.slice(&[p])),
        Value::Cell(x) => Value::Object(c.slice(&[x])),
        _ => Value::Set(c.slice(&[value])),
    })
}

/// `type(container)(e for e in container if condition(e))`: objects stay objects, a grid's kept
/// rows stay a grid, tuples stay tuples.
pub fn sfilter<'a>(c: &'a Ctx, container: Value<'a>, condition: Value<'a>) -> Res<'a> {
    const WHAT: &str = "sfilter";
    let keep = |e: Value<'a>| -> Result<bool, Fail> { Ok(call(c, condition, &[e])?.truthy()) };
    match container {
        Value::Object(cells) => {
            let mut out = c.vec_with(cells.len());
            for &x in cells {
                if keep(Value::Cell(x))? {
                    out.push(x);
                }
            }
            // A subsequence of a canonical object is canonical.
            Ok(c.object_sorted(out))
        }
        Value::Indices(pts) => {
            let mut out = c.vec_with(pts.len());
            for &p in pts {
                if keep(Value::Point(p))? {
                    out.push(p);
                }
            }
            Ok(c.indices_sorted(out))
        }
        Value::Set(vs) => {
            let mut out = c.vec_with(vs.len());
            for &e in vs {
                if keep(e)? {
                    out.push(e);
                }
            }
            Ok(set_from_sorted(c, out))
        }
        Value::Grid(g) => {
            let mut rows = c.vec_with(g.h as usize);
            for i in 0..g.h as usize {
                if keep(row_value(c, g.row(i)))? {
                    rows.push(i as u32);
                }
            }
            grid_rows(c, g, &rows, WHAT)
        }
        _ => {
            let (items, _) = container.items(WHAT)?;
            let mut out = c.vec_with(items.len());
            for e in items.iter(c) {
                if keep(e)? {
                    out.push(e);
                }
            }
            Ok(tuple_of(out.into_bump_slice()))
        }
    }
}

/// `merge(sfilter(container, function))`.
pub fn mfilter<'a>(c: &'a Ctx, container: Value<'a>, function: Value<'a>) -> Res<'a> {
    merge(c, sfilter(c, container, function)?)
}

/// `merge(apply(function, container))`.
pub fn mapply<'a>(c: &'a Ctx, function: Value<'a>, container: Value<'a>) -> Res<'a> {
    if let Some(union) = shifted_copies(c, function, container) {
        return Ok(union);
    }
    merge(c, apply(c, function, container)?)
}

/// `mapply(lbind(shift, patch), offsets)` of indices: the union of the patch's copies, marked in
/// their common box ([`union_of_shifts`]) instead of building each copy, the frozenset of copies
/// and their merge (484b58aa, 0dfd9992, 29ec7d0e: two dozen copies of a 700-cell object; a64e4611:
/// a box at each of its occurrences). The same steps as the calls it stands for: per offset the
/// two calls and the copy's cells (none for `(0, 0)`, which returns the patch), then the merge's
/// cells (distinct offsets make distinct copies, all kept). `None`, and the calls run, wherever
/// one of them could fail (a failed context, a limit, the step budget, an overflow) or the box is
/// large.
fn shifted_copies<'a>(c: &'a Ctx, function: Value<'a>, container: Value<'a>) -> Option<Value<'a>> {
    let Value::Fn(Callable::Func(&FuncData::LBind(Value::Fn(Callable::Prim(Prim::shift)), patch))) = function
    else {
        return None;
    };
    let Value::Indices(offsets) = container else { return None };
    let p = match patch {
        Value::Object(cells) => Patch::Object(cells),
        Value::Indices(pts) => Patch::Indices(pts),
        _ => return None,
    };
    let (len, m) = (p.len() as u64, offsets.len() as u64);
    let moved = offsets.iter().filter(|&&o| o != (0, 0)).count() as u64;
    let (cells, max_items) = (len * m, c.limits.max_items as u64);
    let steps = 2 * m + moved * len + cells;
    if c.failed() || len > max_items || cells > max_items || c.steps() + steps > c.limits.max_steps {
        return None;
    }
    let union = union_of_shifts(c.arena(), p, offsets)?;
    c.step(steps, "mapply").ok()?;
    Some(union)
}

/// `merge(papply(function, a, b))`.
pub fn mpapply<'a>(c: &'a Ctx, function: Value<'a>, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    merge(c, papply(c, function, a, b)?)
}

/// `next(e for e in container if condition(e))`: the first match; fails when there is none.
pub fn extract<'a>(c: &'a Ctx, container: Value<'a>, condition: Value<'a>) -> Res<'a> {
    let (items, _) = container.items("extract")?;
    for e in items.iter(c) {
        if call(c, condition, &[e])?.truthy() {
            return Ok(e);
        }
    }
    fail(FailKind::Empty, "extract")
}

/// `tuple(container)`: a frozenset's elements in canonical order; a tuple is returned as is.
pub fn totuple<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    match container {
        Value::Tuple(_) | Value::Grid(_) | Value::Point(_) | Value::Cell(_) => Ok(container),
        Value::Set(vs) => Ok(tuple_of(vs)),
        Value::Object(_) | Value::Indices(_) => {
            c.step(len_of(container, "totuple")? as u64, "totuple")?;
            Ok(tuple_of(set_values(c, container, "totuple")?))
        }
        _ => fail(FailKind::Type, "totuple"),
    }
}

/// The first or the last element of the pairs and slices `first` and `last` meet in composed
/// functions, read in one match (`None`: empty, or a container for the `Items` view). These two
/// are among the most called primitives of the dynamic path (~75,000 calls per eval pass), so a
/// second match for the length and a bounds check cost a visible share of them.
#[inline(always)]
fn direct_end<'a>(container: Value<'a>, last: bool) -> Option<Value<'a>> {
    match container {
        Value::Tuple(v) | Value::Set(v) => if last { v.last() } else { v.first() }.copied(),
        Value::Object(x) => if last { x.last() } else { x.first() }.map(|&x| Value::Cell(x)),
        Value::Indices(x) => if last { x.last() } else { x.first() }.map(|&x| Value::Point(x)),
        Value::Point((a, b)) => Some(Value::Int(if last { b } else { a })),
        Value::Cell(x) => Some(if last { Value::Point(x.loc()) } else { Value::Int(x.color) }),
        _ => None,
    }
}

/// `next(iter(container))`: fails when empty.
pub fn first<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    if let Some(e) = direct_end(container, false) {
        return Ok(e);
    }
    let (items, _) = container.items("first")?;
    if items.is_empty() {
        return fail(FailKind::Empty, "first");
    }
    Ok(items.get(c, 0))
}

/// `max(enumerate(container))[1]`: the last element in iteration order; fails when empty.
pub fn last<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    if let Some(e) = direct_end(container, true) {
        return Ok(e);
    }
    let (items, _) = container.items("last")?;
    if items.is_empty() {
        return fail(FailKind::Empty, "last");
    }
    Ok(items.get(c, items.len() - 1))
}

/// `container.union(frozenset({value}))`: only frozensets have `union` (tuples fail).
pub fn insert<'a>(c: &'a Ctx, value: Value<'a>, container: Value<'a>) -> Res<'a> {
    const WHAT: &str = "insert";
    fn put<'a, T: Copy>(c: &'a Ctx, xs: &[T], k: usize, x: T) -> Result<BVec<'a, T>, Fail> {
        c.check_items(xs.len() + 1, WHAT)?;
        let mut out = c.vec_with(xs.len() + 1);
        out.extend_from_slice(&xs[..k]);
        out.push(x);
        out.extend_from_slice(&xs[k..]);
        Ok(out)
    }
    match (container, value) {
        (Value::Object(cells), Value::Cell(x)) => match cells.binary_search(&x) {
            Ok(_) => Ok(container),
            Err(k) => Ok(Value::Object(put(c, cells, k, x)?.into_bump_slice())),
        },
        (Value::Indices(pts), Value::Point(p)) => match pts.binary_search(&p) {
            Ok(_) => Ok(container),
            Err(k) => Ok(Value::Indices(put(c, pts, k, p)?.into_bump_slice())),
        },
        (Value::Set(vs), _) => match vs.binary_search_by(|x| cmp_values(x, &value)) {
            Ok(_) => Ok(container),
            Err(k) => Ok(set_from_sorted(c, put(c, vs, k, value)?)),
        },
        (Value::Object(_) | Value::Indices(_), _) => {
            let vs = set_values(c, container, WHAT)?;
            let k = vs.partition_point(|x| cmp_values(x, &value) == Ordering::Less);
            Ok(set_from_sorted(c, put(c, vs, k, value)?))
        }
        _ => fail(FailKind::Type, WHAT),
    }
}

/// `type(container)(e for e in container if e != value)`: keeps the container's type.
pub fn remove<'a>(c: &'a Ctx, value: Value<'a>, container: Value<'a>) -> Res<'a> {
    const WHAT: &str = "remove";
    fn without<'a, T: Copy>(c: &'a Ctx, xs: &[T], k: usize) -> BVec<'a, T> {
        let mut out = c.vec_with(xs.len() - 1);
        out.extend_from_slice(&xs[..k]);
        out.extend_from_slice(&xs[k + 1..]);
        out
    }
    match container {
        Value::Object(cells) => match value {
            Value::Cell(x) => match cells.binary_search(&x) {
                Ok(k) => Ok(c.object_sorted(without(c, cells, k))),
                Err(_) => Ok(container),
            },
            _ => Ok(container),
        },
        Value::Indices(pts) => match value {
            Value::Point(p) => match pts.binary_search(&p) {
                Ok(k) => Ok(c.indices_sorted(without(c, pts, k))),
                Err(_) => Ok(container),
            },
            _ => Ok(container),
        },
        Value::Set(vs) => match vs.binary_search_by(|x| cmp_values(x, &value)) {
            Ok(k) => Ok(set_from_sorted(c, without(c, vs, k))),
            Err(_) => Ok(container),
        },
        Value::Grid(g) => {
            c.step(g.h as u64, WHAT)?;
            let mut rows = c.vec_with(g.h as usize);
            rows.extend((0..g.h).filter(|&i| !row_eq(g.row(i as usize), value)));
            grid_rows(c, g, &rows, WHAT)
        }
        _ => {
            let (items, _) = container.items(WHAT)?;
            c.step(items.len() as u64, WHAT)?;
            let mut out = c.vec_with(items.len());
            out.extend(items.iter(c).filter(|e| *e != value));
            if out.len() == items.len() {
                return Ok(container);
            }
            Ok(tuple_of(out.into_bump_slice()))
        }
    }
}

/// `first(remove(value, container))`: fails when nothing else is there.
pub fn other<'a>(c: &'a Ctx, container: Value<'a>, value: Value<'a>) -> Res<'a> {
    first(c, remove(c, value, container)?)
}

/// `tuple(range(start, stop, step))`; a zero step fails (Python's ValueError, as a type failure).
pub fn interval<'a>(c: &'a Ctx, start: Value<'a>, stop: Value<'a>, step: Value<'a>) -> Res<'a> {
    const WHAT: &str = "interval";
    let (a, b, s) = (start.int(WHAT)? as i64, stop.int(WHAT)? as i64, step.int(WHAT)? as i64);
    if s == 0 {
        return fail(FailKind::Type, WHAT);
    }
    let n =
        if s > 0 { (b - a + s - 1).div_euclid(s) } else { (a - b - s - 1).div_euclid(-s) }.max(0) as usize;
    c.check_items(n, WHAT)?;
    let mut out = c.vec_with(n);
    out.extend((0..n as i64).map(|k| Value::Int((a + k * s) as i32)));
    Ok(tuple_of(out.into_bump_slice()))
}

/// The elements of a container of plain ints (`Value::Int` only), if that is what it is.
fn int_list<'a>(c: &'a Ctx, x: Items<'a>) -> Option<BVec<'a, i32>> {
    let mut out = c.vec_with(x.len());
    match x {
        Items::Values(v) => {
            for e in v {
                match e {
                    Value::Int(k) => out.push(*k),
                    _ => return None,
                }
            }
        }
        Items::Pair(Value::Int(a), Value::Int(b)) => out.extend([a, b]),
        _ => return None,
    }
    Some(out)
}

/// `frozenset((i, j) for j in b for i in a)`: pairs of ints become points, `(int, point)` pairs
/// cells (so a product of two int sets is an `Indices`).
pub fn product<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    const WHAT: &str = "product";
    let (xa, _) = a.items(WHAT)?;
    let (xb, _) = b.items(WHAT)?;
    let n = xa.len().checked_mul(xb.len()).ok_or(Fail { kind: FailKind::Limit, what: WHAT })?;
    c.check_items(n, WHAT)?;
    if let Some(va) = int_list(c, xa) {
        if let Some(vb) = int_list(c, xb) {
            // Sets are sorted and unique, so the points usually come out sorted.
            let mut pts = c.vec_with(n);
            for &i in va.iter() {
                pts.extend(vb.iter().map(|&j| (i, j)));
            }
            return Ok(c.indices(pts));
        }
        if let Items::Points(pb) = xb {
            let mut cells = c.vec_with(n);
            for &k in va.iter() {
                cells.extend(pb.iter().map(|&p| Cell::new(k, p)));
            }
            return Ok(c.object(cells));
        }
    }
    // `a` outer: with both sets sorted the pairs come out in canonical (element-wise) order, and
    // `set` need not sort them.
    let mut out = c.vec_with(n);
    for i in xa.iter(c) {
        for j in xb.iter(c) {
            out.push(c.tuple(&[i, j]));
        }
    }
    // Two frozensets whose pairs all stay plain tuples (no element of `a` is an int, so no pair
    // becomes a point or a cell): sorted and unique by construction, so skip `set`'s check (a
    // comparison of tuples per pair, most of the time of a product of two objects).
    let plain = |v: &Value| !matches!(v, Value::Int(_) | Value::Bool(_));
    let ordered = b.is_set()
        && match a {
            Value::Object(_) | Value::Indices(_) => true,
            Value::Set(vs) => vs.iter().all(plain),
            _ => false,
        };
    if ordered && !out.is_empty() {
        return Ok(Value::Set(out.into_bump_slice()));
    }
    Ok(c.set(out))
}

/// `tuple(zip(a, b))`: as many pairs as the shorter container has elements.
pub fn pair<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    let (xa, _) = a.items("pair")?;
    let (xb, _) = b.items("pair")?;
    let n = xa.len().min(xb.len());
    c.check_items(n, "pair")?;
    let mut out = c.vec_with(n);
    out.extend((0..n).map(|k| c.tuple(&[xa.get(c, k), xb.get(c, k)])));
    Ok(tuple_of(out.into_bump_slice()))
}

/// `frozenset(item for item in container if len(item) == n)`: fails on an element without a length.
pub fn sizefilter<'a>(c: &'a Ctx, container: Value<'a>, n: Value<'a>) -> Res<'a> {
    const WHAT: &str = "sizefilter";
    let n = n.int(WHAT)?;
    let fits = |v: Value| -> Result<bool, Fail> { Ok(len_of(v, WHAT)? as i64 == n as i64) };
    match container {
        // Every cell and every point has length 2.
        Value::Object(_) | Value::Indices(_) => Ok(if n == 2 { container } else { Value::Set(&[]) }),
        Value::Set(vs) => {
            c.step(vs.len() as u64, WHAT)?;
            let mut out = c.vec_with(vs.len());
            for &v in vs {
                if fits(v)? {
                    out.push(v);
                }
            }
            Ok(set_from_sorted(c, out))
        }
        _ => {
            let (items, _) = container.items(WHAT)?;
            c.step(items.len() as u64, WHAT)?;
            let mut out = c.vec_with(items.len());
            for v in items.iter(c) {
                if fits(v)? {
                    out.push(v);
                }
            }
            Ok(c.set(out))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constants::*;
    use crate::dsl;
    use crate::func::closure;
    use crate::Prim;

    fn obj<'a>(c: &'a Ctx, cells: &[(i32, (i32, i32))]) -> Value<'a> {
        let mut v = c.vec();
        v.extend(cells.iter().map(|&(k, p)| Cell::new(k, p)));
        c.object(v)
    }
    fn idx<'a>(c: &'a Ctx, pts: &[(i32, i32)]) -> Value<'a> {
        let mut v = c.vec();
        v.extend_from_slice(pts);
        c.indices(v)
    }
    fn set<'a>(c: &'a Ctx, xs: &[Value<'a>]) -> Value<'a> {
        let mut v = c.vec();
        v.extend_from_slice(xs);
        c.set(v)
    }
    fn ints<'a>(c: &'a Ctx, xs: &[i32]) -> Value<'a> {
        let mut v = c.vec();
        v.extend(xs.iter().map(|&x| Value::Int(x)));
        c.set(v)
    }
    fn tup<'a>(c: &'a Ctx, xs: &[Value<'a>]) -> Value<'a> {
        Value::Tuple(c.slice(xs))
    }
    fn itup<'a>(c: &'a Ctx, xs: &[i32]) -> Value<'a> {
        let mut v = c.vec();
        v.extend(xs.iter().map(|&x| Value::Int(x)));
        Value::Tuple(v.into_bump_slice())
    }
    fn grid<'a>(c: &'a Ctx, h: u32, w: u32, cells: &[u8]) -> Value<'a> {
        Value::Grid(c.grid_from(h, w, cells))
    }
    fn size_fn() -> Value<'static> {
        Value::prim(Prim::size)
    }
    fn fails(c: &Ctx, kind: FailKind) {
        assert_eq!(c.status().map(|f| f.kind), Some(kind));
    }

    #[test]
    fn contained_in_every_container() {
        let c = Ctx::default();
        let o = obj(&c, &[(1, (0, 0)), (1, (0, 1))]);
        assert_eq!(dsl::contained(&c, Value::Cell(Cell::new(1, (0, 1))), o), T);
        assert_eq!(dsl::contained(&c, Value::Cell(Cell::new(2, (0, 1))), o), F);
        assert_eq!(dsl::contained(&c, Value::Point((0, 1)), o), F);
        let ix = idx(&c, &[(0, 1), (3, 3)]);
        assert_eq!(dsl::contained(&c, Value::Point((3, 3)), ix), T);
        assert_eq!(dsl::contained(&c, Value::Point((3, 2)), ix), F);
        let s = ints(&c, &[1, 3, 5]);
        assert_eq!(dsl::contained(&c, THREE, s), T);
        assert_eq!(dsl::contained(&c, FOUR, s), F);
        assert_eq!(dsl::contained(&c, T, s), T, "True == 1");
        assert_eq!(dsl::contained(&c, TWO, itup(&c, &[1, 2, 3])), T);
        let g = grid(&c, 2, 3, &[1, 2, 3, 4, 5, 6]);
        assert_eq!(dsl::contained(&c, itup(&c, &[1, 2, 3]), g), T);
        assert_eq!(dsl::contained(&c, itup(&c, &[4, 5]), g), F);
        assert_eq!(dsl::contained(&c, ONE, g), F);
        assert_eq!(dsl::contained(&c, Value::Point((4, 5)), grid(&c, 1, 2, &[4, 5])), T);
        assert_eq!(dsl::contained(&c, SEVEN, Value::Point((7, 8))), T);
        assert_eq!(dsl::contained(&c, ZERO, Value::Set(&[])), F);
        assert!(!c.failed());
        dsl::contained(&c, ONE, FIVE);
        fails(&c, FailKind::Type);
    }

    #[test]
    fn combine_keeps_the_type_of_its_first_argument() {
        let c = Ctx::default();
        let t = dsl::combine(&c, itup(&c, &[1, 2, 3]), itup(&c, &[4]));
        assert_eq!(t, itup(&c, &[1, 2, 3, 4]));
        assert!(matches!(t, Value::Tuple(x) if x.len() == 4));
        let p = dsl::combine(&c, Value::Point((1, 2)), Value::Point((3, 4)));
        assert!(matches!(p, Value::Tuple(x) if x.len() == 4));
        // Two 1-tuples make a canonical point; a tuple with a set is still a tuple.
        assert!(matches!(dsl::combine(&c, itup(&c, &[1]), itup(&c, &[2])), Value::Point((1, 2))));
        assert!(matches!(dsl::combine(&c, itup(&c, &[1]), ints(&c, &[5])), Value::Point((1, 5))));
        // Sets: union (two colours at one location stay two cells).
        let u = dsl::combine(&c, obj(&c, &[(1, (0, 0))]), obj(&c, &[(2, (0, 0)), (1, (0, 0))]));
        assert!(matches!(u, Value::Object(x) if x == [Cell::new(1, (0, 0)), Cell::new(2, (0, 0))]));
        let ix = idx(&c, &[(0, 0)]);
        assert!(matches!(dsl::combine(&c, Value::Set(&[]), ix), Value::Indices(_)));
        let mixed = dsl::combine(&c, ix, obj(&c, &[(1, (0, 0))]));
        assert!(matches!(mixed, Value::Set(x) if x.len() == 2));
        assert_eq!(dsl::contained(&c, Value::Point((0, 0)), mixed), T);
        assert_eq!(dsl::contained(&c, Value::Cell(Cell::new(1, (0, 0))), mixed), T);
        assert_eq!(dsl::combine(&c, ints(&c, &[1, 2]), itup(&c, &[2, 3])), ints(&c, &[1, 2, 3]));
        // Grids: same width -> a grid; different widths -> a tuple of rows.
        let g = dsl::combine(&c, grid(&c, 1, 2, &[1, 2]), grid(&c, 1, 2, &[3, 4]));
        assert!(matches!(g, Value::Grid(x) if x.h == 2 && x.cells == [1, 2, 3, 4]));
        let r = dsl::combine(&c, grid(&c, 1, 2, &[1, 2]), grid(&c, 1, 3, &[3, 4, 5]));
        assert!(matches!(r, Value::Tuple(x) if x.len() == 2));
        assert_eq!(r, tup(&c, &[Value::Point((1, 2)), itup(&c, &[3, 4, 5])]));
        assert!(!c.failed());
        dsl::combine(&c, ONE, itup(&c, &[1]));
        fails(&c, FailKind::Type);
    }

    #[test]
    fn intersection_and_difference_of_frozensets() {
        let c = Ctx::default();
        assert_eq!(dsl::intersection(&c, ints(&c, &[1, 2, 3]), ints(&c, &[2, 3, 4])), ints(&c, &[2, 3]));
        let a = obj(&c, &[(1, (0, 0)), (1, (0, 1)), (2, (1, 1))]);
        let b = obj(&c, &[(1, (0, 1)), (3, (1, 1)), (2, (1, 1))]);
        assert_eq!(dsl::intersection(&c, a, b), obj(&c, &[(1, (0, 1)), (2, (1, 1))]));
        assert_eq!(dsl::difference(&c, a, b), obj(&c, &[(1, (0, 0))]));
        // Cells are never points.
        let ix = idx(&c, &[(0, 0)]);
        assert!(matches!(dsl::intersection(&c, a, ix), Value::Set(&[])));
        assert!(matches!(dsl::difference(&c, a, ix), Value::Object(x) if x.len() == 3));
        assert!(matches!(dsl::difference(&c, ix, Value::Set(&[])), Value::Indices(_)));
        assert!(matches!(dsl::intersection(&c, ix, Value::Set(&[])), Value::Set(&[])));
        assert!(matches!(dsl::difference(&c, a, a), Value::Set(&[])));
        // What is left of a mixed set after a difference is canonical again.
        let mixed = set(&c, &[FIVE, Value::Point((0, 0))]);
        assert!(matches!(mixed, Value::Set(_)));
        let left = dsl::difference(&c, mixed, ints(&c, &[5]));
        assert!(matches!(left, Value::Indices(&[(0, 0)])));
        // A tuple minus anything stays a tuple (here a canonical point).
        let t = dsl::difference(&c, itup(&c, &[1, 2, 3, 2]), ints(&c, &[2]));
        assert!(matches!(t, Value::Point((1, 3))));
        let t = dsl::difference(&c, itup(&c, &[1, 2, 3]), itup(&c, &[3]));
        assert!(matches!(t, Value::Point((1, 2))));
        assert!(!c.failed());
        dsl::intersection(&c, itup(&c, &[1]), ints(&c, &[1]));
        fails(&c, FailKind::Type);
    }

    #[test]
    fn set_operations_of_points_and_cells_match_sorted_sets_and_charge_their_size() {
        use std::collections::BTreeSet;
        let mut rnd = crate::value::test_rng(0x1405_7b7e_f767_814fu64);
        let mut c = Ctx::default();
        for round in 0..3000 {
            c.reset();
            // Lopsided sizes (a small shape against a large colour) as well as even ones.
            let (n, m) = match round % 3 {
                0 => (rnd(6) as usize, rnd(200) as usize),
                1 => (rnd(200) as usize, rnd(6) as usize),
                _ => (rnd(60) as usize, rnd(60) as usize),
            };
            let span = 1 + rnd(20) as i32;
            let mut pick = |k: usize| -> BTreeSet<(i32, i32, i32)> {
                (0..k).map(|_| (rnd(span as u64) as i32, rnd(span as u64) as i32, rnd(2) as i32)).collect()
            };
            let (a, b) = (pick(n), pick(m));
            let cells = |s: &BTreeSet<(i32, i32, i32)>| {
                let v: Vec<(i32, (i32, i32))> = s.iter().map(|&(i, j, k)| (k, (i, j))).collect();
                obj(&c, &v)
            };
            let points = |s: &BTreeSet<(i32, i32, i32)>| -> BTreeSet<(i32, i32)> {
                s.iter().map(|&(i, j, _)| (i, j)).collect()
            };
            let (pa, pb) = (points(&a), points(&b));
            let want_cells = |s: BTreeSet<(i32, i32, i32)>| cells(&s);
            let want_points = |s: BTreeSet<(i32, i32)>| idx(&c, &s.into_iter().collect::<Vec<_>>());
            let (ca, cb) = (cells(&a), cells(&b));
            let (ia, ib) = (want_points(pa.clone()), want_points(pb.clone()));
            for (op, cap) in [(0, a.len().min(b.len())), (1, a.len()), (2, a.len() + b.len())] {
                let before = c.steps();
                let (got, want) = match op {
                    0 => (dsl::intersection(&c, ca, cb), want_cells(&a & &b)),
                    1 => (dsl::difference(&c, ca, cb), want_cells(&a - &b)),
                    _ => (dsl::combine(&c, ca, cb), want_cells(&a | &b)),
                };
                assert_eq!(got, want, "op {op} of {a:?} and {b:?}");
                assert!(got.is_set());
                if !a.is_empty() && !b.is_empty() {
                    assert_eq!(c.steps() - before, cap as u64, "op {op}: the work is the size bound");
                }
                let (got, want) = match op {
                    0 => (dsl::intersection(&c, ia, ib), want_points(&pa & &pb)),
                    1 => (dsl::difference(&c, ia, ib), want_points(&pa - &pb)),
                    _ => (dsl::combine(&c, ia, ib), want_points(&pa | &pb)),
                };
                assert_eq!(got, want, "op {op} of {pa:?} and {pb:?}");
            }
            assert!(!c.failed());
        }
    }

    #[test]
    fn dedupe_keeps_first_occurrences() {
        let c = Ctx::default();
        assert_eq!(dsl::dedupe(&c, itup(&c, &[3, 1, 3, 2, 1])), itup(&c, &[3, 1, 2]));
        let one = dsl::dedupe(&c, tup(&c, &[ONE, T]));
        assert!(matches!(one, Value::Tuple([Value::Int(1)])), "True == 1");
        let g = dsl::dedupe(&c, grid(&c, 3, 2, &[1, 2, 3, 4, 1, 2]));
        assert!(matches!(g, Value::Grid(x) if x.h == 2 && x.cells == [1, 2, 3, 4]));
        assert!(matches!(dsl::dedupe(&c, Value::Point((4, 4))), Value::Tuple([Value::Int(4)])));
        assert!(matches!(dsl::dedupe(&c, Value::Tuple(&[])), Value::Tuple(&[])));
        assert!(!c.failed());
        dsl::dedupe(&c, ints(&c, &[1]));
        fails(&c, FailKind::Type);
    }

    #[test]
    fn order_is_a_stable_sort_by_key() {
        let c = Ctx::default();
        let id = Value::prim(Prim::identity);
        assert_eq!(dsl::order(&c, itup(&c, &[3, 1, 2]), id), itup(&c, &[1, 2, 3]));
        let a = obj(&c, &[(1, (0, 0)), (1, (0, 1))]);
        let b = obj(&c, &[(2, (0, 5))]);
        let d = obj(&c, &[(3, (1, 0)), (3, (2, 0))]);
        let objs = set(&c, &[d, b, a]);
        // Ties (a and d, size 2) keep the set's order: a (first cell (0, 0)) before d.
        assert_eq!(dsl::order(&c, objs, size_fn()), tup(&c, &[b, a, d]));
        let neg = closure(&c, 1, |c, a| dsl::invert(c, a[0]));
        assert_eq!(dsl::order(&c, ints(&c, &[1, 2, 3]), neg), itup(&c, &[3, 2, 1]));
        assert!(matches!(dsl::order(&c, Value::Set(&[]), id), Value::Tuple(&[])));
    }

    #[test]
    fn repeat_and_size() {
        let c = Ctx::default();
        assert_eq!(dsl::repeat(&c, FIVE, THREE), itup(&c, &[5, 5, 5]));
        assert!(matches!(dsl::repeat(&c, FIVE, TWO), Value::Point((5, 5))));
        assert!(matches!(dsl::repeat(&c, FIVE, ZERO), Value::Tuple(&[])));
        assert!(matches!(dsl::repeat(&c, FIVE, NEG_ONE), Value::Tuple(&[])));
        let o = obj(&c, &[(1, (0, 0))]);
        assert!(matches!(dsl::repeat(&c, o, TWO), Value::Tuple(x) if x.len() == 2));
        assert_eq!(dsl::size(&c, grid(&c, 3, 2, &[0; 6])), THREE);
        assert_eq!(dsl::size(&c, Value::Point((7, 7))), TWO);
        assert_eq!(dsl::size(&c, Value::Cell(Cell::new(1, (7, 7)))), TWO);
        assert_eq!(dsl::size(&c, obj(&c, &[(1, (0, 0)), (2, (0, 0)), (1, (5, 5))])), THREE);
        assert_eq!(dsl::size(&c, Value::Set(&[])), ZERO);
        assert_eq!(dsl::size(&c, itup(&c, &[1, 2, 3, 4])), FOUR);
        assert!(!c.failed());
        dsl::size(&c, ONE);
        fails(&c, FailKind::Type);
    }

    #[test]
    fn merge_flattens_one_level() {
        let c = Ctx::default();
        let a = obj(&c, &[(1, (0, 0)), (1, (2, 2))]);
        let b = obj(&c, &[(2, (1, 1))]);
        assert_eq!(dsl::merge(&c, set(&c, &[a, b])), obj(&c, &[(1, (0, 0)), (2, (1, 1)), (1, (2, 2))]));
        let i = dsl::merge(&c, set(&c, &[idx(&c, &[(3, 3)]), idx(&c, &[(0, 0), (3, 3)])]));
        assert!(matches!(i, Value::Indices(&[(0, 0), (3, 3)])));
        let t = dsl::merge(&c, tup(&c, &[itup(&c, &[1, 2, 3]), itup(&c, &[1])]));
        assert_eq!(t, itup(&c, &[1, 2, 3, 1]));
        assert!(matches!(dsl::merge(&c, Value::Set(&[])), Value::Set(&[])));
        // A tuple of objects merges into a tuple of cells (duplicates kept).
        let tc = dsl::merge(&c, tup(&c, &[b, b]));
        assert!(matches!(tc, Value::Tuple(x) if x.len() == 2));
    }

    #[test]
    fn maximum_and_minimum_default_to_zero() {
        let c = Ctx::default();
        assert_eq!(dsl::maximum(&c, ints(&c, &[1, 5, 3])), FIVE);
        assert_eq!(dsl::minimum(&c, ints(&c, &[1, 5, 3])), ONE);
        assert_eq!(dsl::maximum(&c, Value::Set(&[])), ZERO);
        assert_eq!(dsl::minimum(&c, Value::Set(&[])), ZERO);
        assert_eq!(dsl::maximum(&c, Value::Point((4, -2))), FOUR);
        assert_eq!(dsl::minimum(&c, Value::Point((4, -2))), NEG_TWO);
        assert_eq!(dsl::minimum(&c, itup(&c, &[-3, 2, -7, 9])), Value::Int(-7));
        // Cells compare as Python's (colour, (i, j)) tuples, not in raster order.
        let o = obj(&c, &[(9, (0, 0)), (1, (5, 5))]);
        assert!(matches!(dsl::maximum(&c, o), Value::Cell(x) if x == Cell::new(9, (0, 0))));
        assert!(matches!(dsl::minimum(&c, o), Value::Cell(x) if x == Cell::new(1, (5, 5))));
    }

    #[test]
    fn valmax_valmin_call_compfunc_on_zero_when_empty() {
        let c = Ctx::default();
        let a = obj(&c, &[(1, (0, 0)), (1, (0, 1))]);
        let b = obj(&c, &[(2, (0, 5))]);
        let objs = set(&c, &[a, b]);
        assert_eq!(dsl::valmax(&c, objs, size_fn()), TWO);
        assert_eq!(dsl::valmin(&c, objs, size_fn()), ONE);
        let seven = closure(&c, 1, |_, _| SEVEN);
        assert_eq!(dsl::valmax(&c, Value::Set(&[]), seven), SEVEN);
        let inc = Value::prim(Prim::increment);
        assert_eq!(dsl::valmin(&c, Value::Set(&[]), inc), ONE, "increment(0)");
        assert_eq!(dsl::valmax(&c, itup(&c, &[3, -9, 2]), inc), FOUR);
        assert!(!c.failed());
        // Python: size(0) -> len(0) raises.
        dsl::valmax(&c, Value::Set(&[]), size_fn());
        fails(&c, FailKind::Type);
    }

    #[test]
    fn argmax_argmin_first_best_wins() {
        let c = Ctx::default();
        let a = obj(&c, &[(1, (0, 0)), (1, (0, 1))]);
        let b = obj(&c, &[(2, (0, 5))]);
        let d = obj(&c, &[(3, (1, 0)), (3, (2, 0))]);
        let e = obj(&c, &[(4, (3, 3))]);
        let objs = set(&c, &[e, d, b, a]);
        assert_eq!(dsl::argmax(&c, objs, size_fn()), a);
        assert_eq!(dsl::argmin(&c, objs, size_fn()), b);
        let t = tup(&c, &[d, a, e, b]);
        assert_eq!(dsl::argmax(&c, t, size_fn()), d);
        assert_eq!(dsl::argmin(&c, t, size_fn()), e);
        let neg = closure(&c, 1, |c, a| dsl::invert(c, a[0]));
        assert_eq!(dsl::argmax(&c, ints(&c, &[4, -1, 2]), neg), NEG_ONE);
        assert!(!c.failed());
        dsl::argmax(&c, Value::Set(&[]), size_fn());
        fails(&c, FailKind::Empty);
        let c = Ctx::default();
        dsl::argmin(&c, Value::Tuple(&[]), size_fn());
        fails(&c, FailKind::Empty);
    }

    #[test]
    fn mostcommon_leastcommon_on_tuples() {
        let c = Ctx::default();
        let t = itup(&c, &[3, 1, 3, 1, 2]);
        assert_eq!(dsl::mostcommon(&c, t), ONE, "1 and 3 tie: smallest");
        assert_eq!(dsl::leastcommon(&c, t), TWO);
        assert_eq!(dsl::mostcommon(&c, itup(&c, &[9, 4, 9])), NINE);
        assert_eq!(dsl::leastcommon(&c, itup(&c, &[9, 4, 9, 4, 5])), FIVE);
        assert_eq!(dsl::leastcommon(&c, itup(&c, &[9, 8])), EIGHT);
        assert_eq!(dsl::mostcommon(&c, Value::Point((6, 6))), SIX);
        let g = grid(&c, 3, 2, &[1, 2, 3, 4, 3, 4]);
        assert_eq!(dsl::mostcommon(&c, g), Value::Point((3, 4)));
        assert!(!c.failed());
        dsl::mostcommon(&c, ints(&c, &[1, 2]));
        fails(&c, FailKind::Type);
        let c = Ctx::default();
        dsl::leastcommon(&c, Value::Tuple(&[]));
        fails(&c, FailKind::Empty);
    }

    #[test]
    fn initset_is_canonical() {
        let c = Ctx::default();
        let cell = Value::Cell(Cell::new(3, (1, 2)));
        assert!(matches!(dsl::initset(&c, cell), Value::Object([x]) if *x == Cell::new(3, (1, 2))));
        assert!(matches!(dsl::initset(&c, Value::Point((1, 2))), Value::Indices(&[(1, 2)])));
        assert!(matches!(dsl::initset(&c, FIVE), Value::Set([Value::Int(5)])));
        let o = obj(&c, &[(1, (0, 0))]);
        assert!(matches!(dsl::initset(&c, o), Value::Set([Value::Object(_)])));
    }

    #[test]
    fn sfilter_keeps_the_container_type() {
        let c = Ctx::default();
        let o = obj(&c, &[(1, (0, 0)), (2, (0, 1)), (1, (1, 1))]);
        let is1 = closure(&c, 1, |_, a| match a[0] {
            Value::Cell(x) => Value::Bool(x.color == 1),
            _ => F,
        });
        assert_eq!(dsl::sfilter(&c, o, is1), obj(&c, &[(1, (0, 0)), (1, (1, 1))]));
        let none = closure(&c, 1, |_, _| F);
        assert!(matches!(dsl::sfilter(&c, o, none), Value::Set(&[])));
        let even = Value::prim(Prim::even);
        assert!(matches!(dsl::sfilter(&c, itup(&c, &[1, 2, 3, 4]), even), Value::Point((2, 4))));
        assert_eq!(dsl::sfilter(&c, ints(&c, &[1, 2, 3, 4]), even), ints(&c, &[2, 4]));
        // Objects by size.
        let a = obj(&c, &[(1, (0, 0)), (1, (0, 1))]);
        let b = obj(&c, &[(2, (0, 5))]);
        let big = closure(&c, 1, |c, a| dsl::greater(c, dsl::size(c, a[0]), ONE));
        let kept = dsl::sfilter(&c, set(&c, &[a, b]), big);
        assert!(matches!(kept, Value::Set([Value::Object(x)]) if x.len() == 2));
        // A grid's rows: the kept ones are still a grid.
        let first_is_3 = closure(&c, 1, |c, a| dsl::equality(c, dsl::first(c, a[0]), THREE));
        let g = dsl::sfilter(&c, grid(&c, 3, 2, &[3, 0, 1, 1, 3, 9]), first_is_3);
        assert!(matches!(g, Value::Grid(x) if x.h == 2 && x.cells == [3, 0, 3, 9]));
        // A mixed set filtered down to points becomes indices.
        let is_pt = closure(&c, 1, |_, a| Value::Bool(matches!(a[0], Value::Point(_))));
        let mixed = set(&c, &[FIVE, Value::Point((0, 0)), Value::Point((1, 0))]);
        assert!(matches!(dsl::sfilter(&c, mixed, is_pt), Value::Indices(&[(0, 0), (1, 0)])));
        assert!(!c.failed());
    }

    #[test]
    fn mfilter_and_extract() {
        let c = Ctx::default();
        let a = obj(&c, &[(1, (0, 0)), (1, (0, 1))]);
        let b = obj(&c, &[(2, (0, 5))]);
        let d = obj(&c, &[(3, (1, 0)), (3, (2, 0))]);
        let big = closure(&c, 1, |c, a| dsl::greater(c, dsl::size(c, a[0]), ONE));
        assert_eq!(
            dsl::mfilter(&c, set(&c, &[a, b, d]), big),
            obj(&c, &[(1, (0, 0)), (1, (0, 1)), (3, (1, 0)), (3, (2, 0))])
        );
        let none = closure(&c, 1, |_, _| F);
        assert!(matches!(dsl::mfilter(&c, set(&c, &[a, b]), none), Value::Set(&[])));
        assert_eq!(dsl::extract(&c, set(&c, &[b, d, a]), big), a);
        assert_eq!(dsl::extract(&c, tup(&c, &[b, d, a]), big), d);
        assert!(!c.failed());
        dsl::extract(&c, set(&c, &[b]), big);
        fails(&c, FailKind::Empty);
    }

    #[test]
    fn totuple_first_last() {
        let c = Ctx::default();
        let o = obj(&c, &[(5, (1, 0)), (4, (0, 3))]);
        let t = dsl::totuple(&c, o);
        assert!(matches!(t, Value::Tuple([Value::Cell(x), Value::Cell(_)]) if *x == Cell::new(4, (0, 3))));
        assert!(matches!(dsl::totuple(&c, ints(&c, &[2, 1])), Value::Point((1, 2))));
        let it = itup(&c, &[3, 2, 1]);
        assert_eq!(dsl::totuple(&c, it), it);
        assert!(matches!(dsl::totuple(&c, Value::Set(&[])), Value::Tuple(&[])));
        assert_eq!(dsl::first(&c, ints(&c, &[3, 1, 2])), ONE);
        assert_eq!(dsl::last(&c, ints(&c, &[3, 1, 2])), THREE);
        assert_eq!(dsl::first(&c, it), THREE);
        assert_eq!(dsl::last(&c, it), ONE);
        assert!(matches!(dsl::first(&c, o), Value::Cell(x) if x == Cell::new(4, (0, 3))));
        assert!(matches!(dsl::last(&c, o), Value::Cell(x) if x == Cell::new(5, (1, 0))));
        assert_eq!(dsl::first(&c, Value::Point((8, 9))), EIGHT);
        assert_eq!(dsl::last(&c, Value::Cell(Cell::new(1, (8, 9)))), Value::Point((8, 9)));
        let g = grid(&c, 2, 3, &[1, 2, 3, 4, 5, 6]);
        assert_eq!(dsl::first(&c, g), itup(&c, &[1, 2, 3]));
        assert_eq!(dsl::last(&c, g), itup(&c, &[4, 5, 6]));
        assert!(!c.failed());
        dsl::first(&c, Value::Set(&[]));
        fails(&c, FailKind::Empty);
        let c = Ctx::default();
        dsl::last(&c, Value::Tuple(&[]));
        fails(&c, FailKind::Empty);
    }

    #[test]
    fn insert_into_frozensets() {
        let c = Ctx::default();
        let o = obj(&c, &[(1, (0, 0)), (1, (2, 2))]);
        let x = dsl::insert(&c, Value::Cell(Cell::new(7, (1, 5))), o);
        assert_eq!(x, obj(&c, &[(1, (0, 0)), (7, (1, 5)), (1, (2, 2))]));
        assert!(matches!(x, Value::Object(s) if s[1] == Cell::new(7, (1, 5))));
        assert_eq!(dsl::insert(&c, Value::Cell(Cell::new(1, (0, 0))), o), o);
        assert!(matches!(dsl::insert(&c, Value::Point((1, 1)), Value::Set(&[])), Value::Indices(&[(1, 1)])));
        assert_eq!(dsl::insert(&c, TWO, ints(&c, &[1, 3])), ints(&c, &[1, 2, 3]));
        let m = dsl::insert(&c, FIVE, o);
        assert!(matches!(m, Value::Set(s) if s.len() == 3));
        assert_eq!(dsl::contained(&c, FIVE, m), T);
        assert_eq!(dsl::contained(&c, Value::Cell(Cell::new(1, (2, 2))), m), T);
        assert!(!c.failed());
        dsl::insert(&c, ONE, itup(&c, &[2]));
        fails(&c, FailKind::Type);
    }

    #[test]
    fn remove_and_other_keep_the_type() {
        let c = Ctx::default();
        let o = obj(&c, &[(1, (0, 0)), (1, (2, 2))]);
        assert_eq!(dsl::remove(&c, Value::Cell(Cell::new(1, (0, 0))), o), obj(&c, &[(1, (2, 2))]));
        assert_eq!(dsl::remove(&c, Value::Point((0, 0)), o), o);
        let one = obj(&c, &[(1, (0, 0))]);
        assert!(matches!(dsl::remove(&c, Value::Cell(Cell::new(1, (0, 0))), one), Value::Set(&[])));
        assert!(matches!(dsl::remove(&c, TWO, itup(&c, &[1, 2, 3])), Value::Point((1, 3))));
        assert!(matches!(dsl::remove(&c, ONE, itup(&c, &[1, 2, 1])), Value::Tuple([Value::Int(2)])));
        let g = dsl::remove(&c, itup(&c, &[1, 2]), grid(&c, 3, 2, &[1, 2, 3, 4, 1, 2]));
        assert!(matches!(g, Value::Grid(x) if x.h == 1 && x.cells == [3, 4]));
        let mixed = set(&c, &[FIVE, Value::Point((0, 0))]);
        assert!(matches!(dsl::remove(&c, FIVE, mixed), Value::Indices(&[(0, 0)])));
        assert_eq!(dsl::other(&c, ints(&c, &[1, 2]), ONE), TWO);
        assert_eq!(dsl::other(&c, itup(&c, &[5, 5, 6]), FIVE), SIX);
        assert!(!c.failed());
        dsl::other(&c, ints(&c, &[1]), ONE);
        fails(&c, FailKind::Empty);
    }

    #[test]
    fn interval_is_range() {
        let c = Ctx::default();
        assert_eq!(dsl::interval(&c, ZERO, FIVE, TWO), itup(&c, &[0, 2, 4]));
        assert_eq!(dsl::interval(&c, FIVE, ZERO, NEG_TWO), itup(&c, &[5, 3, 1]));
        assert_eq!(dsl::interval(&c, ZERO, Value::Int(-3), NEG_ONE), itup(&c, &[0, -1, -2]));
        assert!(matches!(dsl::interval(&c, ZERO, ZERO, ONE), Value::Tuple(&[])));
        assert!(matches!(dsl::interval(&c, THREE, ONE, ONE), Value::Tuple(&[])));
        assert!(matches!(dsl::interval(&c, ONE, THREE, ONE), Value::Point((1, 2))));
        assert!(matches!(dsl::interval(&c, ONE, TWO, FIVE), Value::Tuple([Value::Int(1)])));
        assert!(!c.failed());
        dsl::interval(&c, ZERO, FIVE, ZERO);
        fails(&c, FailKind::Type);
    }

    #[test]
    fn product_of_sets() {
        let c = Ctx::default();
        let p = dsl::product(&c, ints(&c, &[1, 2]), ints(&c, &[3, 4]));
        assert_eq!(p, idx(&c, &[(1, 3), (1, 4), (2, 3), (2, 4)]));
        assert!(matches!(p, Value::Indices(x) if x.len() == 4));
        assert!(matches!(dsl::product(&c, Value::Set(&[]), ints(&c, &[1])), Value::Set(&[])));
        let cells = dsl::product(&c, ints(&c, &[7]), idx(&c, &[(0, 0), (1, 1)]));
        assert_eq!(cells, obj(&c, &[(7, (0, 0)), (7, (1, 1))]));
        // A tuple with repeats: the pairs are a set.
        let d = dsl::product(&c, Value::Point((1, 1)), ints(&c, &[2]));
        assert!(matches!(d, Value::Indices(&[(1, 2)])));
        let r = dsl::interval(&c, ONE, NEG_ONE, NEG_ONE);
        assert!(matches!(r, Value::Point((1, 0))));
        assert_eq!(dsl::product(&c, r, itup(&c, &[5, 4])), idx(&c, &[(0, 4), (0, 5), (1, 4), (1, 5)]));
        let o = obj(&c, &[(1, (0, 0))]);
        let mixed = dsl::product(&c, set(&c, &[o]), ints(&c, &[1, 2]));
        assert!(matches!(mixed, Value::Set(s) if s.len() == 2 && matches!(s[0], Value::Tuple(_))));
        // Pairs of points: a set in canonical (element-wise) order, built in order from two sets and
        // sorted when an input is an unordered tuple; the same set either way.
        let pts = idx(&c, &[(0, 1), (2, 0)]);
        let pairs = dsl::product(&c, pts, pts);
        let Value::Set(s) = pairs else { panic!("{pairs:?}") };
        assert_eq!(s.len(), 4);
        assert!(s.windows(2).all(|w| crate::value::cmp_values(&w[0], &w[1]) == std::cmp::Ordering::Less));
        let backwards = c.tuple(&[Value::Point((2, 0)), Value::Point((0, 1))]);
        assert_eq!(dsl::product(&c, backwards, pts), pairs);
        assert_eq!(dsl::product(&c, pts, backwards), pairs);
    }

    #[test]
    fn pair_zips_to_the_shorter() {
        let c = Ctx::default();
        let p = dsl::pair(&c, itup(&c, &[1, 2, 3]), itup(&c, &[4, 5]));
        assert!(matches!(p, Value::Tuple([Value::Point((1, 4)), Value::Point((2, 5))])));
        let one = dsl::pair(&c, ints(&c, &[0]), idx(&c, &[(3, 4)]));
        assert!(matches!(one, Value::Tuple([Value::Cell(x)]) if *x == Cell::new(0, (3, 4))));
        assert!(matches!(dsl::pair(&c, Value::Tuple(&[]), itup(&c, &[1])), Value::Tuple(&[])));
    }

    #[test]
    fn sizefilter_by_length() {
        let c = Ctx::default();
        let a = obj(&c, &[(1, (0, 0)), (1, (0, 1))]);
        let b = obj(&c, &[(2, (0, 5))]);
        let d = obj(&c, &[(3, (1, 0)), (3, (2, 0))]);
        let objs = set(&c, &[a, b, d]);
        assert_eq!(dsl::sizefilter(&c, objs, TWO), set(&c, &[a, d]));
        assert_eq!(dsl::sizefilter(&c, objs, ONE), set(&c, &[b]));
        assert!(matches!(dsl::sizefilter(&c, objs, FIVE), Value::Set(&[])));
        // Cells have length 2.
        assert_eq!(dsl::sizefilter(&c, a, TWO), a);
        assert!(matches!(dsl::sizefilter(&c, a, THREE), Value::Set(&[])));
        let t = tup(&c, &[Value::Point((1, 2)), Value::Point((1, 2)), itup(&c, &[3])]);
        assert!(matches!(dsl::sizefilter(&c, t, TWO), Value::Indices(&[(1, 2)])));
        assert!(matches!(dsl::sizefilter(&c, Value::Set(&[]), TWO), Value::Set(&[])));
        assert!(!c.failed());
        dsl::sizefilter(&c, ints(&c, &[1]), ONE);
        fails(&c, FailKind::Type);
    }

    #[test]
    fn odd_inputs_fail_instead_of_panicking() {
        let unary = [
            dsl::dedupe,
            dsl::size,
            dsl::merge,
            dsl::maximum,
            dsl::minimum,
            dsl::mostcommon,
            dsl::leastcommon,
            dsl::initset,
            dsl::totuple,
            dsl::first,
            dsl::last,
        ];
        let binary = [
            dsl::contained,
            dsl::combine,
            dsl::intersection,
            dsl::difference,
            dsl::order,
            dsl::repeat,
            dsl::valmax,
            dsl::valmin,
            dsl::argmax,
            dsl::argmin,
            dsl::sfilter,
            dsl::mfilter,
            dsl::extract,
            dsl::insert,
            dsl::remove,
            dsl::other,
            dsl::product,
            dsl::pair,
            dsl::sizefilter,
        ];
        let mut c = Ctx::default();
        let n = 15;
        for a in 0..n {
            for f in unary {
                c.reset();
                let s = rebuild_sample(&c, a);
                f(&c, s);
            }
            for b in 0..n {
                for f in binary {
                    c.reset();
                    let (x, y) = (rebuild_sample(&c, a), rebuild_sample(&c, b));
                    f(&c, x, y);
                    f(&c, y, x);
                }
                c.reset();
                let (x, y) = (rebuild_sample(&c, a), rebuild_sample(&c, b));
                dsl::interval(&c, x, y, x);
            }
        }
    }

    /// The samples of `odd_inputs_fail_instead_of_panicking`, rebuilt in a freshly reset context.
    fn rebuild_sample(c: &Ctx, k: usize) -> Value<'_> {
        match k {
            0 => Value::None,
            1 => T,
            2 => NEG_ONE,
            3 => Value::Point((0, 0)),
            4 => Value::Cell(Cell::new(1, (0, 0))),
            5 => Value::Grid(Grid { h: 0, w: 0, cells: &[] }),
            6 => Value::Grid(Grid { h: 2, w: 0, cells: &[] }),
            7 => grid(c, 2, 2, &[1, 2, 1, 2]),
            8 => obj(c, &[(1, (0, 0)), (2, (0, 0))]),
            9 => idx(c, &[(-5, 3)]),
            10 => Value::Set(&[]),
            11 => set(c, &[ONE, Value::Point((1, 1)), Value::Set(&[])]),
            12 => Value::Tuple(&[]),
            13 => itup(c, &[3, 1, 3]),
            _ => size_fn(),
        }
    }

    mod shifted_copies {
        use super::*;
        use crate::func::lbind;
        use crate::Limits;
        use proptest::prelude::*;

        fn vec_from<'a, T: Copy>(c: &'a Ctx, xs: &[T]) -> BVec<'a, T> {
            let mut v = c.vec_with(xs.len());
            v.extend_from_slice(xs);
            v
        }

        /// `mapply` of `lbind(shift, patch)` over `offsets`, in a context with `max_steps`: the
        /// result (or the failure) and the steps, by the fast path (`fast`) or by the calls it stands
        /// for.
        fn run(patch: &Patch, offsets: &[Point], max_steps: u64, fast: bool) -> (String, u64) {
            let c = Ctx::new(Limits { max_steps, ..Limits::default() });
            let p = match patch {
                Patch::Object(cells) => c.object(vec_from(&c, cells)),
                Patch::Indices(pts) => c.indices(vec_from(&c, pts)),
            };
            let f = lbind(&c, Value::prim(Prim::shift), p).unwrap();
            let offsets = c.indices(vec_from(&c, offsets));
            let out =
                if fast { mapply(&c, f, offsets) } else { apply(&c, f, offsets).and_then(|s| merge(&c, s)) };
            (format!("{out:?}"), c.steps())
        }

        /// Patches of up to 60 cells or points in a 16 x 16 box, most near the origin, some at the
        /// edge of `i32` (where copies overflow).
        fn arb_patch() -> impl Strategy<Value = Patch<'static>> {
            let corner = prop_oneof![8 => Just(0i32), 1 => Just(i32::MAX - 12), 1 => Just(i32::MIN + 2)];
            let cell = (prop_oneof![9 => 0i32..10, 1 => 10i32..20], -8i32..8, -8i32..8);
            prop_oneof![
                (corner.clone(), proptest::collection::vec(cell, 1..60)).prop_map(|(d, v)| {
                    let cells: Vec<Cell> =
                        v.into_iter().map(|(k, i, j)| Cell::new(k, (i.saturating_add(d), j))).collect();
                    Patch::Object(Box::leak(cells.into_boxed_slice()))
                }),
                (corner, proptest::collection::vec((-8i32..8, -8i32..8), 1..60)).prop_map(|(d, v)| {
                    let pts: Vec<Point> = v.into_iter().map(|(i, j)| (i.saturating_add(d), j)).collect();
                    Patch::Indices(Box::leak(pts.into_boxed_slice()))
                }),
            ]
        }

        /// Patches that fill most of a box up to 8 x 8 (each position kept with probability 3/4),
        /// cells of one or more colours, near the origin or at the edge of `i32`.
        fn arb_dense_patch() -> impl Strategy<Value = Patch<'static>> {
            let corner = prop_oneof![8 => Just(0i32), 1 => Just(i32::MAX - 12), 1 => Just(i32::MIN + 2)];
            (corner, 1usize..9, 1usize..9, any::<bool>(), proptest::collection::vec((0u8..4, 0i32..12), 64))
                .prop_map(|(d, ph, pw, cells, picks)| {
                    let kept = (0..ph * pw).filter(|&k| picks[k].0 != 0);
                    if cells {
                        let v: Vec<Cell> = kept
                            .map(|k| {
                                Cell::new(picks[k].1, (((k / pw) as i32).saturating_add(d), (k % pw) as i32))
                            })
                            .collect();
                        Patch::Object(Box::leak(v.into_boxed_slice()))
                    } else {
                        let v: Vec<Point> =
                            kept.map(|k| (((k / pw) as i32).saturating_add(d), (k % pw) as i32)).collect();
                        Patch::Indices(Box::leak(v.into_boxed_slice()))
                    }
                })
                .prop_filter("a patch has cells", |p| !p.is_empty())
        }

        fn arb_offsets() -> impl Strategy<Value = Vec<Point>> {
            let spread = prop_oneof![4 => Just(3i32), 2 => Just(12), 1 => Just(40)];
            spread.prop_flat_map(|k| proptest::collection::vec((-k..=k, -k..=k), 1..40))
        }

        proptest! {
            #[test]
            fn the_union_of_shifted_copies_is_the_merge_of_the_copies(
                patch in arb_patch(),
                offsets in arb_offsets(),
                budget in prop_oneof![3 => Just(u64::MAX >> 1), 1 => 0u64..4000],
            ) {
                prop_assert_eq!(run(&patch, &offsets, budget, true), run(&patch, &offsets, budget, false));
            }

            #[test]
            fn the_union_of_shifted_copies_of_a_dense_patch_is_the_merge_of_the_copies(
                patch in arb_dense_patch(),
                offsets in arb_offsets(),
                budget in prop_oneof![3 => Just(u64::MAX >> 1), 1 => 0u64..4000],
            ) {
                prop_assert_eq!(run(&patch, &offsets, budget, true), run(&patch, &offsets, budget, false));
            }
        }

        #[test]
        fn shifted_copies_take_the_fast_path_and_count_every_call() {
            // 24 copies of a 40-cell object (484b58aa's shape): the marks, with (0, 0) among them.
            let cells: Vec<Cell> = (0..40).map(|k| Cell::new(k % 3, (k / 8, k % 8))).collect();
            let offsets: Vec<Point> = (-2..=2).flat_map(|i| (-2..=2).map(move |j| (i * 2, j * 3))).collect();
            let c = Ctx::default();
            let p = c.object(vec_from(&c, &cells));
            let f = lbind(&c, Value::prim(Prim::shift), p).unwrap();
            let o = c.indices(vec_from(&c, &offsets));
            assert!(shifted_copies(&c, f, o).is_some());
            // 25 offsets: two calls each, 24 moved copies of 40 cells, a merge of 25 x 40 cells.
            assert_eq!(c.steps(), 2 * 25 + 24 * 40 + 25 * 40);
            let p = Patch::Object(Box::leak(cells.into_boxed_slice()));
            assert_eq!(run(&p, &offsets, 1 << 23, true), run(&p, &offsets, 1 << 23, false));
        }
    }

    proptest::proptest! {
        /// `first` and `last` read in one match against the `Items` view (the general path), on
        /// the pairs, cells and slices they meet, empty ones included: value or failure equal.
        #[test]
        fn first_and_last_read_directly_as_the_items_view(
            kind in 0usize..6,
            xs in proptest::collection::vec((0i32..10, -3i32..3, -3i32..3), 0..5),
        ) {
            let c = Ctx::default();
            let (k, i, j) = xs.first().copied().unwrap_or((1, 2, 3));
            let v = match kind {
                0 => Value::Point((i, j)),
                1 => Value::Cell(Cell::new(k, (i, j))),
                2 => obj(&c, &xs.iter().map(|&(k, i, j)| (k, (i, j))).collect::<Vec<_>>()),
                3 => idx(&c, &xs.iter().map(|&(_, i, j)| (i, j)).collect::<Vec<_>>()),
                4 => Value::Tuple(c.slice(&xs.iter().map(|&(k, ..)| Value::Int(k)).collect::<Vec<_>>())),
                _ => set(&c, &xs.iter().map(|&(k, ..)| Value::Int(k)).collect::<Vec<_>>()),
            };
            let general = |last: bool| -> Res {
                let (items, _) = v.items("first")?;
                if items.is_empty() {
                    return fail(FailKind::Empty, "first");
                }
                Ok(items.get(&c, if last { items.len() - 1 } else { 0 }))
            };
            let kinds = |r: Res| format!("{:?}", r.map_err(|e| e.kind));
            proptest::prop_assert_eq!(kinds(first(&c, v)), kinds(general(false)));
            proptest::prop_assert_eq!(kinds(last(&c, v)), kinds(general(true)));
        }
    }

    #[test]
    fn initset_is_the_set_of_its_one_element() {
        let c = Ctx::default();
        let values = [
            Value::Point((-1, 2)),
            Value::Cell(Cell::new(3, (0, -4))),
            Value::Int(7),
            Value::Bool(true),
            Value::None,
            tup(&c, &[Value::Int(1), Value::Int(2), Value::Int(3)]),
            idx(&c, &[(0, 0), (1, 1)]),
            Value::Set(&[]),
        ];
        for v in values {
            let mut one = c.vec();
            one.push(v);
            let (got, want) = (initset(&c, v).unwrap(), c.set(one));
            // The same elements in the same representation (Debug prints a frozenset alike).
            assert_eq!(format!("{got:?}"), format!("{want:?}"), "{v:?}");
            assert_eq!(std::mem::discriminant(&got), std::mem::discriminant(&want), "{v:?}");
        }
    }

    mod point_masks {
        use super::*;
        use crate::Limits;
        use proptest::prelude::*;

        /// One call: `difference(a, b)`, `intersection(a, b)` or `intersection(b, a)`.
        fn op<'a>(c: &'a Ctx, k: u8, a: Value<'a>, b: Value<'a>) -> Res<'a> {
            match k {
                0 => difference(c, a, b),
                1 => intersection(c, a, b),
                _ => intersection(c, b, a),
            }
        }

        fn points<'a>(c: &'a Ctx, pts: &[Point]) -> Value<'a> {
            let mut v = c.vec_with(pts.len());
            v.extend_from_slice(pts);
            c.indices(v)
        }

        proptest! {
            /// Small sets against one large set, each call twice: in one context the large set is
            /// the same value throughout (its bitmap is made on the second look and used after),
            /// in the other it is made afresh for every call (always looked up by galloping). Same
            /// results or failures and the same steps, under any budget; and the bitmap is used
            /// where the large set is dense.
            #[test]
            fn set_ops_against_a_mapped_set_are_those_looked_up(
                big in proptest::collection::vec((-3i32..25, -3i32..25), 32..300),
                spread in prop_oneof![3 => Just(1i32), 1 => Just(60)],
                smalls in proptest::collection::vec(
                    (proptest::collection::vec((-6i32..30, -6i32..30), 1..12), 0u8..3), 1..8),
                budget in prop_oneof![3 => Just(u64::MAX >> 1), 1 => 0u64..200],
            ) {
                let big: Vec<Point> = big.into_iter().map(|(i, j)| (i * spread, j * spread)).collect();
                let limits = Limits { max_steps: budget, ..Limits::default() };
                let (mapped, fresh) = (Ctx::new(limits), Ctx::new(limits));
                let b = points(&mapped, &big);
                let Value::Indices(b_pts) = b else { unreachable!("a set of points") };
                prop_assume!(b_pts.len() >= crate::value::PointMask::MIN_POINTS);
                for (small, k) in &smalls {
                    let small: Vec<Point> = small.iter().map(|&(i, j)| (i * spread, j * spread)).collect();
                    for _ in 0..2 {
                        let got = op(&mapped, *k, points(&mapped, &small), b);
                        let want = op(&fresh, *k, points(&fresh, &small), points(&fresh, &big));
                        prop_assert_eq!(format!("{:?}", got), format!("{:?}", want));
                        prop_assert_eq!(mapped.steps(), fresh.steps());
                    }
                }
                prop_assert!(fresh.point_mask_of().is_none(), "the fresh sets are never mapped");
                if spread == 1 && mapped.steps() > 0 && !mapped.failed() {
                    let key = (b_pts.as_ptr() as usize, b_pts.len());
                    prop_assert_eq!(mapped.point_mask_of(), Some(key), "the dense set is mapped");
                }
            }
        }

        #[test]
        fn the_mask_is_forgotten_on_reset() {
            let mut c = Ctx::default();
            let big: Vec<Point> = (0..8).flat_map(|i| (0..8).map(move |j| (i, j))).collect();
            let b = points(&c, &big);
            for _ in 0..2 {
                difference(&c, points(&c, &[(1, 1), (9, 9)]), b).unwrap();
            }
            assert!(c.point_mask_of().is_some());
            c.reset();
            assert_eq!(c.point_mask_of(), None);
        }
    }
}
