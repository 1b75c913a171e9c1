//! Patches (objects and indices): bounds, corners, shifts, neighbourhoods, lines and boxes,
//! relations between patches. Mirrored by `cuda/patches.cuh`.
//!
//! A patch is an `Object` (cells), `Indices` (points) or the empty frozenset. Both kinds are stored
//! sorted in raster order, so the first element has the smallest row and the last the largest;
//! translations keep that order, which lets `shift`, `hperiod`, `delta`... build their results
//! already sorted. Coordinates are free (negative after shifts); intermediate arithmetic is i64 and a
//! result outside i32 fails with `Overflow` instead of wrapping.
//!
//! "First cell" (`color`, `colorfilter`) is the first cell in the canonical raster order
//! `(i, j, colour)`, where Python would take the first in hash order.

use crate::value::{checked, fail, Cell, Ctx, Fail, FailKind, Patch, Point, Res, Value};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A location-bearing element of a patch (a cell or a point).
trait Loc: Copy {
    fn ij(self) -> (i64, i64);
}
impl Loc for Cell {
    #[inline]
    fn ij(self) -> (i64, i64) {
        (self.i as i64, self.j as i64)
    }
}
impl Loc for Point {
    #[inline]
    fn ij(self) -> (i64, i64) {
        (self.0 as i64, self.1 as i64)
    }
}

/// Bounds of a patch as i64: `(uppermost, leftmost, lowermost, rightmost)`; `Empty` when empty.
fn bounds64(p: Patch, what: &'static str) -> Result<(i64, i64, i64, i64), Fail> {
    match p.bounds() {
        Some((u, l, d, r)) => Ok((u as i64, l as i64, d as i64, r as i64)),
        None => fail(FailKind::Empty, what),
    }
}

fn point<'a>(i: i64, j: i64, what: &'static str) -> Res<'a> {
    Ok(Value::Point((checked(i, what)?, checked(j, what)?)))
}

fn int<'a>(v: i64, what: &'static str) -> Res<'a> {
    Ok(Value::Int(checked(v, what)?))
}

/// Python's `len(x)` for the containers a piece's first row may be.
fn container_len(v: Value, what: &'static str) -> Result<i64, Fail> {
    Ok(match v {
        Value::Grid(g) => g.h as i64,
        Value::Tuple(t) | Value::Set(t) => t.len() as i64,
        Value::Object(c) => c.len() as i64,
        Value::Indices(p) => p.len() as i64,
        Value::Point(_) | Value::Cell(_) => 2,
        _ => return fail(FailKind::Type, what),
    })
}

/// `height(piece)`: rows of a tuple (any tuple: Python takes `len`), bounding-box height of a patch.
fn height_of(v: Value, what: &'static str) -> Result<i64, Fail> {
    match v {
        Value::Grid(g) => Ok(g.h as i64),
        Value::Tuple(t) => Ok(t.len() as i64),
        Value::Point(_) | Value::Cell(_) => Ok(2),
        _ => Ok(match v.patch(what)?.bounds() {
            Some((u, _, d, _)) => d as i64 - u as i64 + 1,
            None => 0,
        }),
    }
}

/// `width(piece)`: `len(piece[0])` of a tuple, bounding-box width of a patch.
fn width_of(v: Value, what: &'static str) -> Result<i64, Fail> {
    match v {
        Value::Grid(g) => Ok(if g.h == 0 { 0 } else { g.w as i64 }),
        Value::Tuple(t) => match t.first() {
            None => Ok(0),
            Some(&row) => container_len(row, what),
        },
        // `len(piece[0])` of an int
        Value::Point(_) | Value::Cell(_) => fail(FailKind::Type, what),
        _ => Ok(match v.patch(what)?.bounds() {
            Some((_, l, _, r)) => r as i64 - l as i64 + 1,
            None => 0,
        }),
    }
}

/// `(height, width, len)` of a piece, for the predicates that need all three.
fn dims(v: Value, what: &'static str) -> Result<(i64, i64, i64), Fail> {
    if let Ok(p) = v.patch(what) {
        return Ok(match p.bounds() {
            Some((u, l, d, r)) => (d as i64 - u as i64 + 1, r as i64 - l as i64 + 1, p.len() as i64),
            None => (0, 0, 0),
        });
    }
    let h = height_of(v, what)?;
    Ok((h, width_of(v, what)?, container_len(v, what)?))
}

/// Python's `next(iter(v))[0]`: the colour of an object's first cell (raster order), and the same
/// expression's meaning for any other container.
fn first_first<'a>(c: &'a Ctx, v: Value<'a>, what: &'static str) -> Res<'a> {
    if let Value::Object(cells) = v {
        return Ok(Value::Int(cells[0].color));
    }
    let (items, _) = v.items(what)?;
    if items.is_empty() {
        return fail(FailKind::Empty, what);
    }
    let x = items.get(c, 0);
    if x.is_set() {
        // frozensets are not subscriptable
        return fail(FailKind::Type, what);
    }
    let (sub, _) = x.items(what)?;
    if sub.is_empty() {
        return fail(FailKind::Index, what);
    }
    Ok(sub.get(c, 0))
}

/// The `(i, j)` of `center(patch)` in i64.
fn center64(p: Patch, what: &'static str) -> Result<(i64, i64), Fail> {
    let (u, l, d, r) = bounds64(p, what)?;
    Ok((u + (d - u + 1).div_euclid(2), l + (r - l + 1).div_euclid(2)))
}

/// The minimum Manhattan distance between `a` shifted by `off` and `b` (both sorted by row), and the
/// number of pairs examined. `None` when either is empty.
///
/// For each point of `a` the rows of `b` are scanned outward from `a`'s row and the scan stops once
/// the row distance alone reaches the best distance found; 0 ends the search.
fn min_dist<A: Loc, B: Loc>(a: &[A], b: &[B], off: (i64, i64)) -> (Option<i64>, u64) {
    if a.is_empty() || b.is_empty() {
        return (None, 0);
    }
    let mut best = i64::MAX;
    let mut work = 0u64;
    for &pa in a {
        let (ai, aj) = pa.ij();
        let (ai, aj) = (ai + off.0, aj + off.1);
        let k = b.partition_point(|pb| pb.ij().0 < ai);
        for pb in &b[k..] {
            let (bi, bj) = pb.ij();
            if bi - ai >= best {
                break;
            }
            work += 1;
            best = best.min(bi - ai + (bj - aj).abs());
        }
        for pb in b[..k].iter().rev() {
            let (bi, bj) = pb.ij();
            if ai - bi >= best {
                break;
            }
            work += 1;
            best = best.min(ai - bi + (bj - aj).abs());
        }
        if best == 0 {
            break;
        }
    }
    (Some(best), work)
}

/// `manhattan(shift(a, off), b)` over both kinds of patch, charging the work; `Empty` as Python's
/// `min()` of nothing.
fn manhattan64(c: &Ctx, a: Patch, b: Patch, off: (i64, i64), what: &'static str) -> Result<i64, Fail> {
    let (d, work) = match (a, b) {
        (Patch::Object(x), Patch::Object(y)) => min_dist(x, y, off),
        (Patch::Object(x), Patch::Indices(y)) => min_dist(x, y, off),
        (Patch::Indices(x), Patch::Object(y)) => min_dist(x, y, off),
        (Patch::Indices(x), Patch::Indices(y)) => min_dist(x, y, off),
    };
    c.step(work, what)?;
    match d {
        Some(d) => Ok(d),
        None => fail(FailKind::Empty, what),
    }
}

/// Whether some row (`by_row`) or column of `a` is also one of `b`.
fn matching(c: &Ctx, a: Patch, b: Patch, by_row: bool, what: &'static str) -> Result<bool, Fail> {
    let key = move |(i, j): Point| if by_row { i } else { j };
    let range = |p: Patch| -> Option<(i32, i32)> {
        if by_row {
            // sorted by row: the ends hold the extremes
            return match p {
                Patch::Object([f, .., l]) => Some((f.i, l.i)),
                Patch::Indices([f, .., l]) => Some((f.0, l.0)),
                Patch::Object([x]) => Some((x.i, x.i)),
                Patch::Indices([x]) => Some((x.0, x.0)),
                _ => None,
            };
        }
        let mut ks = p.points().map(key);
        let k = ks.next()?;
        Some(ks.fold((k, k), |(lo, hi), k| (lo.min(k), hi.max(k))))
    };
    let (Some((alo, ahi)), Some((blo, bhi))) = (range(a), range(b)) else {
        return Ok(false);
    };
    let (lo, hi) = (alo.max(blo), ahi.min(bhi));
    if lo > hi {
        return Ok(false);
    }
    c.step((a.len() + b.len()) as u64, what)?;
    let span = (hi as i64 - lo as i64) as usize;
    const BITS: usize = 4096;
    if span < BITS {
        let mut seen = [0u64; BITS / 64];
        for k in a.points().map(key).filter(|&k| k >= lo && k <= hi) {
            let o = (k - lo) as usize;
            seen[o / 64] |= 1 << (o % 64);
        }
        Ok(b.points().map(key).filter(|&k| k >= lo && k <= hi).any(|k| {
            let o = (k - lo) as usize;
            seen[o / 64] & (1 << (o % 64)) != 0
        }))
    } else {
        let mut ks = c.vec_with(a.len());
        ks.extend(a.points().map(key));
        ks.sort_unstable();
        Ok(b.points().map(key).any(|k| ks.binary_search(&k).is_ok()))
    }
}

/// The outline of the rectangle `(si, sj)..=(ei, ej)` as sorted indices (the shape `inbox`, `outbox`
/// and `box` draw).
fn perimeter<'a>(c: &'a Ctx, si: i64, sj: i64, ei: i64, ej: i64, what: &'static str) -> Res<'a> {
    let (si, sj, ei, ej) = (checked(si, what)?, checked(sj, what)?, checked(ei, what)?, checked(ej, what)?);
    let rows = (ei as i64 - si as i64 + 1).max(0) as u64;
    let cols = (ej as i64 - sj as i64 + 1).max(0) as u64;
    let n = (2 * rows + 2 * cols).min(usize::MAX as u64) as usize;
    c.check_items(n, what)?;
    let mut out = c.vec_with(n);
    for i in si..=ei {
        if i == si || i == ei {
            out.extend((sj..=ej).map(|j| (i, j)));
        } else {
            out.push((i, sj));
            if ej != sj {
                out.push((i, ej));
            }
        }
    }
    Ok(c.indices(out))
}

/// Every point of the rectangle `(si, sj)..=(ei, ej)` except those in `skip` (sorted, may repeat).
fn rect_minus<'a, L: Loc>(
    c: &'a Ctx,
    (si, sj, ei, ej): (i64, i64, i64, i64),
    skip: &[L],
    what: &'static str,
) -> Res<'a> {
    let (si, sj, ei, ej) = (checked(si, what)?, checked(sj, what)?, checked(ei, what)?, checked(ej, what)?);
    let rows = (ei as i64 - si as i64 + 1) as u64;
    let cols = (ej as i64 - sj as i64 + 1) as u64;
    let n = rows.saturating_mul(cols).min(usize::MAX as u64) as usize;
    c.check_items(n, what)?;
    let mut out = c.vec_with(n.saturating_sub(skip.len()));
    let mut q = 0;
    for i in si..=ei {
        for j in sj..=ej {
            let p = (i as i64, j as i64);
            while q < skip.len() && skip[q].ij() < p {
                q += 1;
            }
            if q < skip.len() && skip[q].ij() == p {
                continue;
            }
            out.push((i, j));
        }
    }
    Ok(c.indices(out))
}

/// Smallest `p` in `1..extent` such that every cell at offset `>= p` from the patch's near edge
/// (along rows if `vertical`, else columns) reappears `p` earlier with the same colour; `extent`
/// if none. `cells` is sorted, so each shifted copy is sorted and the subset test is a merge.
fn period(c: &Ctx, cells: &[Cell], vertical: bool, what: &'static str) -> Result<i64, Fail> {
    let Some((u, l, d, r)) = Patch::Object(cells).bounds() else {
        return Ok(0);
    };
    let (start, extent) =
        if vertical { (u as i64, d as i64 - u as i64 + 1) } else { (l as i64, r as i64 - l as i64 + 1) };
    let coord = |x: &Cell| if vertical { x.i as i64 } else { x.j as i64 };
    for p in 1..extent {
        c.step(cells.len() as u64, what)?;
        let mut q = 0;
        let ok = cells.iter().filter(|x| coord(x) - start >= p).all(|x| {
            // (i, j, colour) of the cell moved back by p, compared in i64 (cannot overflow)
            let key = if vertical {
                (x.i as i64 - p, x.j as i64, x.color)
            } else {
                (x.i as i64, x.j as i64 - p, x.color)
            };
            let at = |y: &Cell| (y.i as i64, y.j as i64, y.color);
            while q < cells.len() && at(&cells[q]) < key {
                q += 1;
            }
            q < cells.len() && at(&cells[q]) == key
        });
        if ok {
            return Ok(p);
        }
    }
    Ok(extent)
}

// ---------------------------------------------------------------------------------------------
// Size and shape of pieces
// ---------------------------------------------------------------------------------------------

/// Number of rows of a grid (any tuple: its `len`), or the bounding-box height of a patch; 0 when
/// empty.
pub fn height<'a>(_c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    int(height_of(piece, "height")?, "height")
}

/// Number of columns of a grid (`len` of its first row), or the bounding-box width of a patch; 0
/// when empty.
pub fn width<'a>(_c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    int(width_of(piece, "width")?, "width")
}

/// `(height, width)` of a grid or patch.
pub fn shape<'a>(_c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    if let Ok(p) = piece.patch("shape") {
        return match p.bounds() {
            Some((u, l, d, r)) => point(d as i64 - u as i64 + 1, r as i64 - l as i64 + 1, "shape"),
            None => Ok(Value::Point((0, 0))),
        };
    }
    point(height_of(piece, "shape")?, width_of(piece, "shape")?, "shape")
}

/// Whether a grid or patch is taller than wide.
pub fn portrait<'a>(_c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    let (h, w, _) = dims(piece, "portrait")?;
    Ok(Value::Bool(h > w))
}

/// A grid: whether it has as many rows as columns (`()` fails with `Index`, as `piece[0]` does);
/// a patch: whether it fills a square bounding box (the empty patch is square).
pub fn square<'a>(_c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    const W: &str = "square";
    match piece {
        Value::Grid(_) | Value::Tuple(_) | Value::Point(_) | Value::Cell(_) => {
            if height_of(piece, W)? == 0 {
                return fail(FailKind::Index, W);
            }
            Ok(Value::Bool(height_of(piece, W)? == width_of(piece, W)?))
        }
        _ => {
            let (h, w, n) = dims(piece, W)?;
            Ok(Value::Bool(h.saturating_mul(w) == n && h == w))
        }
    }
}

/// Whether a patch is a vertical line: as tall as its number of cells and one column wide.
pub fn vline<'a>(_c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    let h = height_of(patch, "vline")?;
    if h != container_len(patch, "vline")? {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(width_of(patch, "vline")? == 1))
}

/// Whether a patch is a horizontal line: as wide as its number of cells and one row high.
pub fn hline<'a>(_c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    let w = width_of(patch, "hline")?;
    if w != container_len(patch, "hline")? {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(height_of(patch, "hline")? == 1))
}

// ---------------------------------------------------------------------------------------------
// Colours
// ---------------------------------------------------------------------------------------------

/// The objects of `objs` whose first cell (canonical raster order) has colour `value`. An empty
/// member fails with `Empty` (Python's `next` of an empty iterator).
pub fn colorfilter<'a>(c: &'a Ctx, objs: Value<'a>, value: Value<'a>) -> Res<'a> {
    const W: &str = "colorfilter";
    let matches = |o: Value<'a>| -> Result<bool, Fail> {
        Ok(match (o, value) {
            (Value::Object(cells), Value::Int(k)) => cells[0].color == k,
            _ => first_first(c, o, W)? == value,
        })
    };
    if let Value::Set(members) = objs {
        // a subsequence of a sorted unique set is sorted and unique; members that pass are never
        // cells or points (those fail), so the result stays a `Set`
        c.check_items(members.len(), W)?;
        let mut out = c.vec_with(members.len());
        for &o in members {
            if matches(o)? {
                out.push(o);
            }
        }
        return Ok(if out.is_empty() { Value::Set(&[]) } else { Value::Set(out.into_bump_slice()) });
    }
    let (items, _) = objs.items(W)?;
    c.check_items(items.len(), W)?;
    let mut out = c.vec_with(items.len());
    for o in items.iter(c) {
        if matches(o)? {
            out.push(o);
        }
    }
    Ok(c.set(out))
}

/// The colour of an object's first cell (canonical raster order: the top-left cell, smallest colour
/// first); `Empty` for the empty object.
pub fn color<'a>(c: &'a Ctx, obj: Value<'a>) -> Res<'a> {
    first_first(c, obj, "color")
}

/// An object of colour `value` on every location of `patch`.
pub fn recolor<'a>(c: &'a Ctx, value: Value<'a>, patch: Value<'a>) -> Res<'a> {
    const W: &str = "recolor";
    let p = patch.patch_in(c, W)?;
    c.check_items(p.len(), W)?;
    // the locations of `toindices(patch)`: an object's cells are sorted by location, so a location
    // held in two colours is adjacent to its repeat
    let mut last = None;
    let locs = p.points().filter(move |&loc| last.replace(loc) != Some(loc));
    match value {
        Value::Int(_) | Value::Bool(_) => {
            let k = value.int(W)?;
            let mut out = c.vec_with(p.len());
            out.extend(locs.map(|loc| Cell::new(k, loc)));
            Ok(c.object(out))
        }
        // Python accepts any value as the "colour"; such pairs are plain tuples here
        _ => {
            let mut out = c.vec_with(p.len());
            out.extend(locs.map(|loc| c.tuple(&[value, Value::Point(loc)])));
            Ok(c.set(out))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Bounds and corners
// ---------------------------------------------------------------------------------------------

/// Smallest row of a patch; `Empty` for the empty patch (Python's `min()` of nothing).
pub fn uppermost<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    // sorted by row: the first element has the smallest
    Ok(Value::Int(match patch.patch_in(c, "uppermost")? {
        Patch::Object([x, ..]) => x.i,
        Patch::Indices([x, ..]) => x.0,
        _ => return fail(FailKind::Empty, "uppermost"),
    }))
}

/// Largest row of a patch; `Empty` for the empty patch.
pub fn lowermost<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    Ok(Value::Int(match patch.patch_in(c, "lowermost")? {
        Patch::Object([.., x]) => x.i,
        Patch::Indices([.., x]) => x.0,
        _ => return fail(FailKind::Empty, "lowermost"),
    }))
}

/// Smallest column of a patch; `Empty` for the empty patch.
pub fn leftmost<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    let (_, l, _, _) = bounds64(patch.patch_in(c, "leftmost")?, "leftmost")?;
    int(l, "leftmost")
}

/// Largest column of a patch; `Empty` for the empty patch.
pub fn rightmost<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    let (_, _, _, r) = bounds64(patch.patch_in(c, "rightmost")?, "rightmost")?;
    int(r, "rightmost")
}

/// The four corners: `pick(bounds)`; the empty patch gives Python's `()` (an empty tuple: `zip` of
/// nothing), not a failure.
fn corner<'a>(
    c: &'a Ctx,
    patch: Value<'a>,
    what: &'static str,
    pick: fn((i32, i32, i32, i32)) -> Point,
) -> Res<'a> {
    Ok(match patch.patch_in(c, what)?.bounds() {
        Some(b) => Value::Point(pick(b)),
        None => Value::Tuple(&[]),
    })
}

/// `(uppermost, leftmost)`; `()` for the empty patch, as in Python.
pub fn ulcorner<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    corner(c, patch, "ulcorner", |(u, l, _, _)| (u, l))
}

/// `(uppermost, rightmost)`; `()` for the empty patch.
pub fn urcorner<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    corner(c, patch, "urcorner", |(u, _, _, r)| (u, r))
}

/// `(lowermost, leftmost)`; `()` for the empty patch.
pub fn llcorner<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    corner(c, patch, "llcorner", |(_, l, d, _)| (d, l))
}

/// `(lowermost, rightmost)`; `()` for the empty patch.
pub fn lrcorner<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    corner(c, patch, "lrcorner", |(_, _, d, r)| (d, r))
}

/// The set of the four corner locations (fewer when they coincide). The empty patch gives
/// `{()}`, the set of Python's empty corner tuple.
pub fn corners<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    match patch.patch_in(c, "corners")?.bounds() {
        Some((u, l, d, r)) => {
            let mut out = c.vec_with(4);
            out.extend([(u, l), (u, r), (d, l), (d, r)]);
            Ok(c.indices(out))
        }
        None => Ok(Value::Set(c.slice(&[Value::Tuple(&[])]))),
    }
}

/// `(uppermost + height // 2, leftmost + width // 2)`; `Empty` for the empty patch.
pub fn center<'a>(_c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    let (i, j) = center64(patch.patch("center")?, "center")?;
    point(i, j, "center")
}

/// Per coordinate, the sum over the patch's locations (deduplicated) floor-divided by `len(patch)`
/// (cells, counting an object's repeated locations); the empty patch gives `()`, as Python's
/// `zip` of nothing does.
pub fn centerofmass<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    const W: &str = "centerofmass";
    let p = patch.patch(W)?;
    if p.is_empty() {
        return Ok(Value::Tuple(&[]));
    }
    let n = p.len() as i64;
    let (mut si, mut sj) = (0i64, 0i64);
    match p {
        Patch::Indices(pts) => {
            for &(i, j) in pts {
                si += i as i64;
                sj += j as i64;
            }
        }
        Patch::Object(cells) => {
            // `toindices` drops a location repeated with another colour (adjacent when sorted)
            let mut last = None;
            for x in cells {
                if last != Some(x.loc()) {
                    si += x.i as i64;
                    sj += x.j as i64;
                    last = Some(x.loc());
                }
            }
        }
    }
    c.step(n as u64, W)?;
    point(si.div_euclid(n), sj.div_euclid(n), W)
}

// ---------------------------------------------------------------------------------------------
// Conversions and translations
// ---------------------------------------------------------------------------------------------

/// The locations of a patch: an object's cells' locations (one per location), indices unchanged.
pub fn toindices<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    match patch.patch_in(c, "toindices")? {
        Patch::Object(cells) => {
            c.check_items(cells.len(), "toindices")?;
            let mut out = c.vec_with(cells.len());
            for x in cells {
                if out.last() != Some(&x.loc()) {
                    out.push(x.loc());
                }
            }
            Ok(c.indices(out))
        }
        Patch::Indices(_) => Ok(patch),
    }
}

/// The patch moved by `directions` (an object stays an object, indices stay indices); the empty
/// patch is returned as is. Coordinates past i32 fail with `Overflow`.
pub fn shift<'a>(c: &'a Ctx, patch: Value<'a>, directions: Value<'a>) -> Res<'a> {
    const W: &str = "shift";
    let p = patch.patch_in(c, W)?;
    if p.is_empty() {
        return Ok(patch);
    }
    let (di, dj) = directions.point(W)?;
    if (di, dj) == (0, 0) {
        // Python builds a frozenset here: a tuple of points or cells becomes the canonical patch
        return Ok(match p {
            Patch::Object(cells) => Value::Object(cells),
            Patch::Indices(pts) => Value::Indices(pts),
        });
    }
    c.check_items(p.len(), W)?;
    let overflow = || fail(FailKind::Overflow, W);
    match p {
        Patch::Object(cells) => {
            let mut out = c.vec_with(cells.len());
            for x in cells {
                let (Some(i), Some(j)) = (x.i.checked_add(di), x.j.checked_add(dj)) else {
                    return overflow();
                };
                out.push(Cell { i, j, color: x.color });
            }
            // A translation (without overflow) keeps the raster order.
            Ok(c.object_sorted(out))
        }
        Patch::Indices(pts) => {
            let mut out = c.vec_with(pts.len());
            for &(i, j) in pts {
                let (Some(i), Some(j)) = (i.checked_add(di), j.checked_add(dj)) else {
                    return overflow();
                };
                out.push((i, j));
            }
            Ok(c.indices_sorted(out))
        }
    }
}

/// The patch moved so that its upper-left corner is `(0, 0)`; the empty patch as is.
pub fn normalize<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    const W: &str = "normalize";
    let Some((u, l, _, _)) = patch.patch_in(c, W)?.bounds() else {
        return Ok(patch);
    };
    let d = (checked(-(u as i64), W)?, checked(-(l as i64), W)?);
    shift(c, patch, Value::Point(d))
}

// ---------------------------------------------------------------------------------------------
// Neighbourhoods, lines, frontiers
// ---------------------------------------------------------------------------------------------

fn around<'a>(c: &'a Ctx, loc: Value<'a>, offs: &[Point], what: &'static str) -> Res<'a> {
    let (i, j) = loc.point(what)?;
    // Away from the ends of `i32` no neighbour overflows (the offsets are -1, 0 or 1).
    if (i32::MIN < i && i < i32::MAX) && (i32::MIN < j && j < i32::MAX) {
        debug_assert!(offs.iter().all(|&(di, dj)| di.abs() <= 1 && dj.abs() <= 1) && !offs.is_empty());
        let out = c.arena().alloc_slice_fill_iter(offs.iter().map(|&(di, dj)| (i + di, j + dj)));
        return Ok(Value::Indices(out));
    }
    let mut out = c.vec_with(offs.len());
    for &(di, dj) in offs {
        out.push((checked(i as i64 + di as i64, what)?, checked(j as i64 + dj as i64, what)?));
    }
    // The offsets are in raster order and a translation (checked: no wrap) keeps it.
    Ok(c.indices_sorted(out))
}

/// The 4 orthogonal neighbours of a location.
pub fn dneighbors<'a>(c: &'a Ctx, loc: Value<'a>) -> Res<'a> {
    around(c, loc, &[(-1, 0), (0, -1), (0, 1), (1, 0)], "dneighbors")
}

/// The 4 diagonal neighbours of a location.
pub fn ineighbors<'a>(c: &'a Ctx, loc: Value<'a>) -> Res<'a> {
    around(c, loc, &[(-1, -1), (-1, 1), (1, -1), (1, 1)], "ineighbors")
}

/// The 8 neighbours of a location.
pub fn neighbors<'a>(c: &'a Ctx, loc: Value<'a>) -> Res<'a> {
    around(c, loc, &[(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)], "neighbors")
}

fn connect64<'a>(c: &'a Ctx, (ai, aj): (i64, i64), (bi, bj): (i64, i64), what: &'static str) -> Res<'a> {
    let (si, ei) = (ai.min(bi), ai.max(bi));
    let (sj, ej) = (aj.min(bj), aj.max(bj));
    // (first point, step, count): every case runs along increasing i, or along j when horizontal
    let (start, step, n) = if ai == bi {
        ((ai, sj), (0, 1), ej - sj + 1)
    } else if aj == bj {
        ((si, aj), (1, 0), ei - si + 1)
    } else if bi - ai == bj - aj {
        ((si, sj), (1, 1), ei - si + 1)
    } else if bi - ai == aj - bj {
        ((si, ej), (1, -1), ei - si + 1)
    } else {
        return Ok(Value::Set(&[]));
    };
    // the end points are the extremes of the segment: both in range means all are
    checked(start.0, what)?;
    checked(start.1, what)?;
    checked(start.0 + (n - 1) * step.0, what)?;
    checked(start.1 + (n - 1) * step.1, what)?;
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    c.check_items(n, what)?;
    let mut out = c.vec_with(n);
    let (mut i, mut j) = (start.0 as i32, start.1 as i32);
    for k in 0..n {
        out.push((i, j));
        if k + 1 < n {
            i += step.0 as i32;
            j += step.1 as i32;
        }
    }
    Ok(c.indices(out))
}

/// The straight segment from `a` to `b`, both ends included, when they share a row, a column or a
/// diagonal; otherwise the empty set.
pub fn connect<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    let (ai, aj) = a.point("connect")?;
    let (bi, bj) = b.point("connect")?;
    connect64(c, (ai as i64, aj as i64), (bi as i64, bj as i64), "connect")
}

/// `connect(start, start + 42 * direction)`: a ray of 43 cells (one cell for direction `(0, 0)`,
/// nothing for a direction that is not straight or diagonal).
pub fn shoot<'a>(c: &'a Ctx, start: Value<'a>, direction: Value<'a>) -> Res<'a> {
    const W: &str = "shoot";
    let (si, sj) = start.point(W)?;
    let (di, dj) = direction.point(W)?;
    let end = (checked(si as i64 + 42 * di as i64, W)?, checked(sj as i64 + 42 * dj as i64, W)?);
    connect64(c, (si as i64, sj as i64), (end.0 as i64, end.1 as i64), W)
}

/// The column of `location` over rows `0..30` (a fixed 30, as the DSL does).
pub fn vfrontier<'a>(c: &'a Ctx, location: Value<'a>) -> Res<'a> {
    let (_, j) = location.point("vfrontier")?;
    let mut out = c.vec_with(30);
    out.extend((0..30).map(|i| (i, j)));
    Ok(c.indices(out))
}

/// The row of `location` over columns `0..30` (a fixed 30, as the DSL does).
pub fn hfrontier<'a>(c: &'a Ctx, location: Value<'a>) -> Res<'a> {
    let (i, _) = location.point("hfrontier")?;
    let mut out = c.vec_with(30);
    out.extend((0..30).map(|j| (i, j)));
    Ok(c.indices(out))
}

// ---------------------------------------------------------------------------------------------
// Boxes
// ---------------------------------------------------------------------------------------------

/// Every location of the patch's bounding box; the empty patch gives the empty set.
pub fn backdrop<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    let p = patch.patch_in(c, "backdrop")?;
    if p.is_empty() {
        return Ok(Value::Set(&[]));
    }
    rect_minus::<Point>(c, bounds64(p, "backdrop")?, &[], "backdrop")
}

/// The bounding box's locations that are not in the patch; the empty patch gives the empty set.
pub fn delta<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    let p = patch.patch_in(c, "delta")?;
    if p.is_empty() {
        return Ok(Value::Set(&[]));
    }
    let b = bounds64(p, "delta")?;
    match p {
        Patch::Object(cells) => rect_minus(c, b, cells, "delta"),
        Patch::Indices(pts) => rect_minus(c, b, pts, "delta"),
    }
}

/// The outline one step inside the bounding box. For a patch one or two rows (columns) thick the
/// inner bounds cross and are swapped by min/max as in the DSL (a single cell's inbox is the ring
/// of its 8 neighbours). `Empty` for the empty patch.
pub fn inbox<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    let (u, l, d, r) = bounds64(patch.patch_in(c, "inbox")?, "inbox")?;
    let (ai, aj, bi, bj) = (u + 1, l + 1, d - 1, r - 1);
    perimeter(c, ai.min(bi), aj.min(bj), ai.max(bi), aj.max(bj), "inbox")
}

/// The outline one step outside the bounding box; `Empty` for the empty patch.
pub fn outbox<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    let (u, l, d, r) = bounds64(patch.patch_in(c, "outbox")?, "outbox")?;
    perimeter(c, u - 1, l - 1, d + 1, r + 1, "outbox")
}

/// The outline of the bounding box; the empty patch is returned as is.
pub fn r#box<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    let p = patch.patch_in(c, "box")?;
    if p.is_empty() {
        return Ok(patch);
    }
    let (u, l, d, r) = bounds64(p, "box")?;
    perimeter(c, u, l, d, r, "box")
}

// ---------------------------------------------------------------------------------------------
// Relations between patches
// ---------------------------------------------------------------------------------------------

/// Whether the patches share a row.
pub fn hmatching<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    let (pa, pb) = (a.patch_in(c, "hmatching")?, b.patch_in(c, "hmatching")?);
    Ok(Value::Bool(matching(c, pa, pb, true, "hmatching")?))
}

/// Whether the patches share a column.
pub fn vmatching<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    let (pa, pb) = (a.patch_in(c, "vmatching")?, b.patch_in(c, "vmatching")?);
    Ok(Value::Bool(matching(c, pa, pb, false, "vmatching")?))
}

/// The smallest Manhattan distance between a location of `a` and one of `b`; `Empty` when either
/// is empty.
pub fn manhattan<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    let (pa, pb) = (a.patch_in(c, "manhattan")?, b.patch_in(c, "manhattan")?);
    int(manhattan64(c, pa, pb, (0, 0), "manhattan")?, "manhattan")
}

/// Whether the patches are at Manhattan distance exactly 1 (touching orthogonally, not
/// overlapping); `Empty` when either is empty.
pub fn adjacent<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    let (pa, pb) = (a.patch_in(c, "adjacent")?, b.patch_in(c, "adjacent")?);
    Ok(Value::Bool(manhattan64(c, pa, pb, (0, 0), "adjacent")? == 1))
}

/// Whether the patch touches the grid's border (top row, left column, bottom row or right
/// column), tested in that order as the DSL does: an empty patch fails with `Empty`, and the
/// right-column test of an empty grid with `Index`.
pub fn bordering<'a>(c: &'a Ctx, patch: Value<'a>, grid: Value<'a>) -> Res<'a> {
    const W: &str = "bordering";
    let (u, l, d, r) = bounds64(patch.patch_in(c, W)?, W)?;
    if u == 0 || l == 0 {
        return Ok(Value::Bool(true));
    }
    let g = grid.grid(c, W)?;
    if d == g.h as i64 - 1 {
        return Ok(Value::Bool(true));
    }
    if g.h == 0 {
        return fail(FailKind::Index, W);
    }
    Ok(Value::Bool(r == g.w as i64 - 1))
}

/// Direction from `a`'s centre to `b`'s: `(0, ±1)` on the same row, `(±1, 0)` on the same column,
/// else the diagonal `(±1, ±1)`; a `j` component of -1 also when the centres coincide.
pub fn position<'a>(_c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    let (ia, ja) = center64(a.patch("position")?, "position")?;
    let (ib, jb) = center64(b.patch("position")?, "position")?;
    let sj = if ja < jb { 1 } else { -1 };
    let si = if ia < ib { 1 } else { -1 };
    Ok(Value::Point(if ia == ib {
        (0, sj)
    } else if ja == jb {
        (si, 0)
    } else {
        (si, sj)
    }))
}

/// The offset that moves `source` towards `destination` until adjacent: vertically if they share a
/// column, else horizontally, one step at a time for at most 42 steps (then the 42-step offset is
/// returned even if not adjacent). `Empty` if either patch is empty.
pub fn gravitate<'a>(c: &'a Ctx, source: Value<'a>, destination: Value<'a>) -> Res<'a> {
    const W: &str = "gravitate";
    let (src, dst) = (source.patch(W)?, destination.patch(W)?);
    let (si, sj) = center64(src, W)?;
    let (di, dj) = center64(dst, W)?;
    let (i, j) = if matching(c, src, dst, false, W)? {
        (if si < di { 1 } else { -1 }, 0)
    } else {
        (0, if sj < dj { 1 } else { -1 })
    };
    let mut k = 0i64;
    while k < 42 {
        if manhattan64(c, src, dst, (k * i, k * j), W)? == 1 {
            break;
        }
        k += 1;
    }
    point(k * i, k * j, W)
}

// ---------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------

/// Indices have no colour to unpack: Python's period loop raises on them once it runs (extent > 1).
fn period_of<'a>(c: &'a Ctx, obj: Value<'a>, vertical: bool, what: &'static str) -> Res<'a> {
    match obj.patch_in(c, what)? {
        Patch::Object(cells) => int(period(c, cells, vertical, what)?, what),
        Patch::Indices(pts) => {
            let e = match Patch::Indices(pts).bounds() {
                None => 0,
                Some((u, _, d, _)) if vertical => d as i64 - u as i64 + 1,
                Some((_, l, _, r)) => r as i64 - l as i64 + 1,
            };
            if e > 1 {
                return fail(FailKind::Type, what);
            }
            int(e, what)
        }
    }
}

/// The smallest horizontal period of an object: the least `p` such that the object shifted `p` to
/// the left, cut at its left edge, lies inside the object; its width if none (0 when empty).
pub fn hperiod<'a>(c: &'a Ctx, obj: Value<'a>) -> Res<'a> {
    period_of(c, obj, false, "hperiod")
}

/// The smallest vertical period of an object (as `hperiod`, along rows); its height if none.
pub fn vperiod<'a>(c: &'a Ctx, obj: Value<'a>) -> Res<'a> {
    period_of(c, obj, true, "vperiod")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constants::*;
    use crate::dsl;

    fn ind<'a>(c: &'a Ctx, pts: &[Point]) -> Value<'a> {
        let mut v = c.vec();
        v.extend_from_slice(pts);
        c.indices(v)
    }

    fn obj<'a>(c: &'a Ctx, cells: &[(i32, Point)]) -> Value<'a> {
        let mut v = c.vec();
        v.extend(cells.iter().map(|&(k, p)| Cell::new(k, p)));
        c.object(v)
    }

    fn grid<'a>(c: &'a Ctx, h: u32, w: u32, cells: &[u8]) -> Value<'a> {
        Value::Grid(c.grid_from(h, w, cells))
    }

    #[test]
    fn neighbours_match_the_checked_offsets_up_to_the_ends_of_i32() {
        // Read straight away from the ends of `i32`; there, and one step in, each neighbour is
        // checked: the same points, or an overflow where one leaves `i32`.
        let ends = [i32::MIN, i32::MIN + 1, -1, 0, 1, 7, i32::MAX - 1, i32::MAX];
        let all: [(&str, &[Point]); 3] = [
            ("dneighbors", &[(-1, 0), (0, -1), (0, 1), (1, 0)]),
            ("ineighbors", &[(-1, -1), (-1, 1), (1, -1), (1, 1)]),
            ("neighbors", &[(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]),
        ];
        for &i in &ends {
            for &j in &ends {
                for (name, offs) in all {
                    let c = Ctx::default();
                    let loc = Value::Point((i, j));
                    let got = match name {
                        "dneighbors" => dsl::dneighbors(&c, loc),
                        "ineighbors" => dsl::ineighbors(&c, loc),
                        _ => dsl::neighbors(&c, loc),
                    };
                    let want: Option<Vec<Point>> =
                        offs.iter().map(|&(di, dj)| Some((i.checked_add(di)?, j.checked_add(dj)?))).collect();
                    match want {
                        Some(want) => {
                            assert!(!c.failed(), "{name} of {i},{j}");
                            assert_eq!(got, ind(&c, &want), "{name} of {i},{j}");
                        }
                        None => assert_eq!(
                            c.status().map(|f| f.kind),
                            Some(FailKind::Overflow),
                            "{name} of {i},{j}"
                        ),
                    }
                }
            }
        }
    }

    fn fails(c: &Ctx, kind: FailKind) {
        assert_eq!(c.status().map(|f| f.kind), Some(kind));
    }

    const EMPTY: Value<'static> = Value::Set(&[]);

    /// The locations of a patch value, in order (empty for anything else).
    fn pts(v: Value) -> Vec<Point> {
        match v {
            Value::Indices(p) => p.to_vec(),
            Value::Object(c) => c.iter().map(|x| x.loc()).collect(),
            _ => vec![],
        }
    }
    const P: fn(i32, i32) -> Value<'static> = |i, j| Value::Point((i, j));

    #[test]
    fn height_width_shape_of_grids_and_patches() {
        let c = Ctx::default();
        let g = grid(&c, 2, 3, &[1, 2, 3, 4, 5, 6]);
        assert_eq!(dsl::height(&c, g), TWO);
        assert_eq!(dsl::width(&c, g), THREE);
        assert_eq!(dsl::shape(&c, g), P(2, 3));
        assert_eq!(dsl::portrait(&c, g), F);
        // a tuple of rows is a grid
        let row = c.tuple(&[ONE, TWO, THREE]);
        let tg = c.tuple(&[row]);
        assert_eq!(dsl::shape(&c, tg), P(1, 3));
        let e = grid(&c, 0, 0, &[]);
        assert_eq!(dsl::shape(&c, e), P(0, 0));
        let p = ind(&c, &[(1, 1), (3, 2)]);
        assert_eq!(dsl::height(&c, p), THREE);
        assert_eq!(dsl::width(&c, p), TWO);
        assert_eq!(dsl::shape(&c, p), P(3, 2));
        assert_eq!(dsl::portrait(&c, p), T);
        let o = obj(&c, &[(1, (-4, 7)), (2, (-4, 9))]);
        assert_eq!(dsl::shape(&c, o), P(1, 3));
        assert_eq!(dsl::height(&c, EMPTY), ZERO);
        assert_eq!(dsl::width(&c, EMPTY), ZERO);
        assert_eq!(dsl::shape(&c, EMPTY), P(0, 0));
        assert!(!c.failed());
        dsl::height(&c, ONE);
        fails(&c, FailKind::Type);
    }

    #[test]
    fn square_grids_and_patches() {
        let c = Ctx::default();
        assert_eq!(dsl::square(&c, grid(&c, 2, 2, &[0; 4])), T);
        assert_eq!(dsl::square(&c, grid(&c, 2, 3, &[0; 6])), F);
        let full = ind(&c, &[(0, 0), (0, 1), (1, 0), (1, 1)]);
        assert_eq!(dsl::square(&c, full), T);
        let diag = ind(&c, &[(0, 0), (1, 1)]);
        assert_eq!(dsl::square(&c, diag), F, "2x2 box with 2 cells");
        assert_eq!(dsl::square(&c, ind(&c, &[(5, 5)])), T);
        assert_eq!(dsl::square(&c, EMPTY), T, "0*0 == 0 and 0 == 0");
        assert!(!c.failed());
        dsl::square(&c, grid(&c, 0, 0, &[]));
        fails(&c, FailKind::Index);
    }

    #[test]
    fn vline_hline() {
        let c = Ctx::default();
        let v = ind(&c, &[(0, 0), (1, 0), (2, 0)]);
        assert_eq!(dsl::vline(&c, v), T);
        assert_eq!(dsl::hline(&c, v), F);
        let h = obj(&c, &[(3, (4, -1)), (3, (4, 0))]);
        assert_eq!(dsl::hline(&c, h), T);
        assert_eq!(dsl::vline(&c, h), F);
        let gap = ind(&c, &[(0, 0), (2, 0)]);
        assert_eq!(dsl::vline(&c, gap), F);
        let one = ind(&c, &[(9, 9)]);
        assert_eq!(dsl::vline(&c, one), T);
        assert_eq!(dsl::hline(&c, one), T);
        assert_eq!(dsl::vline(&c, EMPTY), F);
        assert_eq!(dsl::hline(&c, EMPTY), F);
        assert!(!c.failed());
    }

    #[test]
    fn colorfilter_and_color_use_the_first_cell() {
        let c = Ctx::default();
        // first cell in raster order is (0, 5) of colour 3, though colour 1 is also present
        let a = obj(&c, &[(1, (1, 0)), (3, (0, 5))]);
        let b = obj(&c, &[(1, (0, 0)), (3, (0, 1))]);
        assert_eq!(dsl::color(&c, a), THREE);
        assert_eq!(dsl::color(&c, b), ONE);
        let mut v = c.vec();
        v.extend([a, b]);
        let objs = c.set(v);
        let threes = dsl::colorfilter(&c, objs, THREE);
        assert!(matches!(threes, Value::Set(s) if s == [a]));
        let ones = dsl::colorfilter(&c, objs, ONE);
        assert!(matches!(ones, Value::Set(s) if s == [b]));
        assert_eq!(dsl::colorfilter(&c, objs, SEVEN), EMPTY);
        assert_eq!(dsl::colorfilter(&c, EMPTY, SEVEN), EMPTY);
        // a tuple of objects gives a frozenset too
        let tup = c.tuple(&[b, a]);
        assert_eq!(dsl::colorfilter(&c, tup, THREE), threes);
        assert!(!c.failed());
        dsl::color(&c, EMPTY);
        fails(&c, FailKind::Empty);
        let c = Ctx::default();
        let mut v = c.vec();
        v.extend([EMPTY, a]);
        let with_empty = c.set(v);
        dsl::colorfilter(&c, with_empty, THREE);
        fails(&c, FailKind::Empty);
        let c = Ctx::default();
        // the cells of one object are not objects: `cell[0]` is an int, `int[0]` raises
        dsl::colorfilter(&c, a, THREE);
        fails(&c, FailKind::Type);
    }

    #[test]
    fn corners_and_extremes() {
        let c = Ctx::default();
        let p = ind(&c, &[(2, 5), (4, 1), (3, 3)]);
        assert_eq!(dsl::ulcorner(&c, p), P(2, 1));
        assert_eq!(dsl::urcorner(&c, p), P(2, 5));
        assert_eq!(dsl::llcorner(&c, p), P(4, 1));
        assert_eq!(dsl::lrcorner(&c, p), P(4, 5));
        assert_eq!(dsl::corners(&c, p), ind(&c, &[(2, 1), (2, 5), (4, 1), (4, 5)]));
        assert_eq!(dsl::uppermost(&c, p), TWO);
        assert_eq!(dsl::lowermost(&c, p), FOUR);
        assert_eq!(dsl::leftmost(&c, p), ONE);
        assert_eq!(dsl::rightmost(&c, p), FIVE);
        let o = obj(&c, &[(1, (-7, 3)), (2, (-2, -6))]);
        assert_eq!(dsl::uppermost(&c, o), Value::Int(-7));
        assert_eq!(dsl::lowermost(&c, o), Value::Int(-2));
        assert_eq!(dsl::leftmost(&c, o), Value::Int(-6));
        assert_eq!(dsl::rightmost(&c, o), THREE);
        let single = ind(&c, &[(7, -2)]);
        assert_eq!(dsl::corners(&c, single), single);
        let hl = ind(&c, &[(0, 0), (0, 4)]);
        assert_eq!(dsl::corners(&c, hl), hl);
        // Python: `tuple(map(min, zip()))` is `()`, and corners is `{()}`
        assert_eq!(dsl::ulcorner(&c, EMPTY), Value::Tuple(&[]));
        assert_eq!(dsl::lrcorner(&c, EMPTY), Value::Tuple(&[]));
        let ce = dsl::corners(&c, EMPTY);
        assert_eq!(ce, Value::Set(&[Value::Tuple(&[])]));
        assert!(!c.failed());
        dsl::uppermost(&c, EMPTY);
        fails(&c, FailKind::Empty);
        for f in [dsl::lowermost, dsl::leftmost, dsl::rightmost] {
            let c = Ctx::default();
            f(&c, EMPTY);
            fails(&c, FailKind::Empty);
        }
    }

    #[test]
    fn tuples_of_points_or_cells_are_patches() {
        let c = Ctx::default();
        // what `merge` of a tuple of index sets gives: a tuple, unsorted, with repeats
        let t = c.tuple(&[Value::Point((2, 2)), Value::Point((0, 1)), Value::Point((2, 2))]);
        assert!(matches!(t, Value::Tuple(_)));
        assert_eq!(dsl::r#box(&c, t), dsl::r#box(&c, ind(&c, &[(0, 1), (2, 2)])));
        assert_eq!(dsl::shift(&c, t, UNITY), ind(&c, &[(1, 2), (3, 3)]));
        assert_eq!(dsl::ulcorner(&c, t), Value::Point((0, 1)));
        assert_eq!(dsl::adjacent(&c, t, ind(&c, &[(0, 2)])), T);
        let cells = c.tuple(&[Value::Cell(Cell::new(3, (1, 1))), Value::Cell(Cell::new(4, (0, 0)))]);
        assert_eq!(dsl::recolor(&c, FIVE, cells), obj(&c, &[(5, (0, 0)), (5, (1, 1))]));
        assert_eq!(dsl::delta(&c, cells), ind(&c, &[(0, 1), (1, 0)]));
        // a tuple of anything else is not a patch
        assert!(!c.failed());
        dsl::shift(&c, c.tuple(&[ONE, UNITY, TWO]), UNITY);
        assert!(c.failed());
    }

    #[test]
    fn toindices_and_recolor() {
        let c = Ctx::default();
        // two colours at (0, 0): one location
        let o = obj(&c, &[(1, (0, 0)), (2, (0, 0)), (1, (1, 2))]);
        let i = dsl::toindices(&c, o);
        assert_eq!(i, ind(&c, &[(0, 0), (1, 2)]));
        assert!(matches!(i, Value::Indices(s) if s.len() == 2));
        assert_eq!(dsl::toindices(&c, i), i);
        assert_eq!(dsl::toindices(&c, EMPTY), EMPTY);
        let r = dsl::recolor(&c, FIVE, o);
        assert_eq!(r, obj(&c, &[(5, (0, 0)), (5, (1, 2))]));
        assert_eq!(dsl::recolor(&c, ZERO, i), obj(&c, &[(0, (0, 0)), (0, (1, 2))]));
        assert_eq!(dsl::recolor(&c, FIVE, EMPTY), EMPTY);
        assert!(!c.failed());
        dsl::toindices(&c, ONE);
        fails(&c, FailKind::Type);
    }

    #[test]
    fn shift_keeps_kind_and_goes_negative() {
        let c = Ctx::default();
        let o = obj(&c, &[(1, (0, 0)), (2, (1, 1))]);
        let s = dsl::shift(&c, o, Value::Point((-3, -1)));
        assert_eq!(s, obj(&c, &[(1, (-3, -1)), (2, (-2, 0))]));
        assert!(matches!(s, Value::Object(_)));
        assert_eq!(dsl::shift(&c, s, Value::Point((3, 1))), o);
        let i = ind(&c, &[(0, 0), (0, 1)]);
        let si = dsl::shift(&c, i, UP);
        assert_eq!(si, ind(&c, &[(-1, 0), (-1, 1)]));
        assert!(matches!(si, Value::Indices(_)));
        assert_eq!(dsl::shift(&c, EMPTY, DOWN), EMPTY);
        assert_eq!(dsl::shift(&c, EMPTY, ONE), EMPTY, "empty returns before unpacking");
        assert!(!c.failed());
        dsl::shift(&c, ind(&c, &[(i32::MAX, 0)]), DOWN);
        fails(&c, FailKind::Overflow);
        let c = Ctx::default();
        dsl::shift(&c, i, ONE);
        fails(&c, FailKind::Type);
    }

    #[test]
    fn normalize_moves_to_origin() {
        let c = Ctx::default();
        let o = obj(&c, &[(2, (-3, 5)), (4, (-1, 7))]);
        let n = dsl::normalize(&c, o);
        assert_eq!(n, obj(&c, &[(2, (0, 0)), (4, (2, 2))]));
        assert_eq!(dsl::normalize(&c, n), n);
        let i = ind(&c, &[(4, 9), (5, 3)]);
        assert_eq!(dsl::normalize(&c, i), ind(&c, &[(0, 6), (1, 0)]));
        assert_eq!(dsl::normalize(&c, EMPTY), EMPTY);
        assert!(!c.failed());
    }

    #[test]
    fn neighbourhoods_are_sorted() {
        let c = Ctx::default();
        let d = dsl::dneighbors(&c, P(0, 0));
        assert!(matches!(d, Value::Indices(s) if s == [(-1, 0), (0, -1), (0, 1), (1, 0)]));
        let i = dsl::ineighbors(&c, P(2, 3));
        assert!(matches!(i, Value::Indices(s) if s == [(1, 2), (1, 4), (3, 2), (3, 4)]));
        let n = dsl::neighbors(&c, P(0, 0));
        let want = [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)];
        assert!(matches!(n, Value::Indices(s) if s == want));
        assert!(!c.failed());
        dsl::dneighbors(&c, ONE);
        fails(&c, FailKind::Type);
    }

    #[test]
    fn matching_rows_and_columns() {
        let c = Ctx::default();
        let a = ind(&c, &[(0, 0)]);
        let right = ind(&c, &[(0, 5)]);
        let below = obj(&c, &[(1, (3, 0))]);
        assert_eq!(dsl::hmatching(&c, a, right), T);
        assert_eq!(dsl::vmatching(&c, a, right), F);
        assert_eq!(dsl::vmatching(&c, a, below), T);
        assert_eq!(dsl::hmatching(&c, a, below), F);
        assert_eq!(dsl::hmatching(&c, a, EMPTY), F);
        assert_eq!(dsl::vmatching(&c, EMPTY, EMPTY), F);
        // a span too wide for the bitset
        let wide = ind(&c, &[(0, -100000), (0, 10000)]);
        assert_eq!(dsl::vmatching(&c, wide, ind(&c, &[(5, 10000)])), T);
        assert_eq!(dsl::vmatching(&c, wide, ind(&c, &[(5, 9999)])), F);
        assert!(!c.failed());
    }

    #[test]
    fn manhattan_and_adjacent() {
        let c = Ctx::default();
        let a = ind(&c, &[(0, 0), (0, 1)]);
        let b = ind(&c, &[(3, 4)]);
        assert_eq!(dsl::manhattan(&c, a, b), SIX);
        assert_eq!(dsl::manhattan(&c, b, a), SIX);
        let x = ind(&c, &[(0, 0)]);
        assert_eq!(dsl::adjacent(&c, x, ind(&c, &[(0, 1)])), T);
        assert_eq!(dsl::adjacent(&c, x, obj(&c, &[(4, (-1, 0))])), T);
        assert_eq!(dsl::manhattan(&c, x, x), ZERO);
        assert_eq!(dsl::adjacent(&c, x, x), F, "overlap is distance 0");
        assert_eq!(dsl::manhattan(&c, x, ind(&c, &[(1, 1)])), TWO);
        assert_eq!(dsl::adjacent(&c, x, ind(&c, &[(1, 1)])), F, "diagonal");
        assert!(!c.failed());
        dsl::manhattan(&c, x, EMPTY);
        fails(&c, FailKind::Empty);
        let c = Ctx::default();
        dsl::adjacent(&c, EMPTY, x);
        fails(&c, FailKind::Empty);
    }

    #[test]
    fn bordering_each_side() {
        let c = Ctx::default();
        let g = grid(&c, 5, 5, &[0; 25]);
        assert_eq!(dsl::bordering(&c, ind(&c, &[(2, 2)]), g), F);
        assert_eq!(dsl::bordering(&c, ind(&c, &[(0, 3)]), g), T);
        assert_eq!(dsl::bordering(&c, ind(&c, &[(4, 2)]), g), T);
        assert_eq!(dsl::bordering(&c, ind(&c, &[(2, 4)]), g), T);
        assert_eq!(dsl::bordering(&c, obj(&c, &[(1, (2, 0))]), g), T);
        assert_eq!(dsl::bordering(&c, ind(&c, &[(-1, 2)]), g), F, "off grid");
        assert!(!c.failed());
        dsl::bordering(&c, EMPTY, g);
        fails(&c, FailKind::Empty);
    }

    #[test]
    fn centerofmass_floors() {
        let c = Ctx::default();
        assert_eq!(dsl::centerofmass(&c, ind(&c, &[(-1, -1), (0, 0)])), P(-1, -1), "-1 // 2 == -1");
        assert_eq!(dsl::centerofmass(&c, ind(&c, &[(-3, 1), (0, 2)])), P(-2, 1));
        assert_eq!(dsl::centerofmass(&c, ind(&c, &[(0, 0), (0, 2), (2, 0), (2, 2)])), P(1, 1));
        // locations are deduplicated, but len(patch) counts the cells
        let o = obj(&c, &[(1, (0, 0)), (2, (0, 0)), (1, (3, 3))]);
        assert_eq!(dsl::centerofmass(&c, o), P(1, 1));
        assert_eq!(dsl::centerofmass(&c, EMPTY), Value::Tuple(&[]));
        assert!(!c.failed());
    }

    #[test]
    fn center_and_position_in_each_direction() {
        let c = Ctx::default();
        assert_eq!(dsl::center(&c, ind(&c, &[(0, 0), (2, 3)])), P(1, 2));
        assert_eq!(dsl::center(&c, ind(&c, &[(-4, -4)])), P(-4, -4));
        let a = ind(&c, &[(5, 5)]);
        let pos = |i, j| dsl::position(&c, a, ind(&c, &[(i, j)]));
        assert_eq!(pos(0, 0), P(-1, -1));
        assert_eq!(pos(0, 9), P(-1, 1));
        assert_eq!(pos(9, 0), P(1, -1));
        assert_eq!(pos(9, 9), P(1, 1));
        assert_eq!(pos(5, 9), P(0, 1));
        assert_eq!(pos(5, 0), P(0, -1));
        assert_eq!(pos(9, 5), P(1, 0));
        assert_eq!(pos(0, 5), P(-1, 0));
        assert_eq!(pos(5, 5), P(0, -1), "same centre");
        assert!(!c.failed());
        dsl::center(&c, EMPTY);
        fails(&c, FailKind::Empty);
    }

    #[test]
    fn connect_in_every_direction() {
        let c = Ctx::default();
        let h = ind(&c, &[(1, 1), (1, 2), (1, 3), (1, 4)]);
        assert_eq!(dsl::connect(&c, P(1, 1), P(1, 4)), h);
        assert_eq!(dsl::connect(&c, P(1, 4), P(1, 1)), h);
        let v = ind(&c, &[(1, 2), (2, 2), (3, 2), (4, 2)]);
        assert_eq!(dsl::connect(&c, P(4, 2), P(1, 2)), v);
        assert_eq!(dsl::connect(&c, P(1, 2), P(4, 2)), v);
        let d = ind(&c, &[(0, 0), (1, 1), (2, 2)]);
        assert_eq!(dsl::connect(&c, P(0, 0), P(2, 2)), d);
        assert_eq!(dsl::connect(&c, P(2, 2), P(0, 0)), d);
        let ad = ind(&c, &[(0, 2), (1, 1), (2, 0)]);
        assert_eq!(dsl::connect(&c, P(0, 2), P(2, 0)), ad);
        assert_eq!(dsl::connect(&c, P(2, 0), P(0, 2)), ad);
        assert_eq!(dsl::connect(&c, P(0, 0), P(1, 2)), EMPTY);
        assert_eq!(dsl::connect(&c, P(3, 3), P(3, 3)), ind(&c, &[(3, 3)]));
        assert_eq!(dsl::connect(&c, P(-1, -1), P(-3, 1)), ind(&c, &[(-3, 1), (-2, 0), (-1, -1)]));
        assert!(!c.failed());
    }

    #[test]
    fn shoot_rays() {
        let c = Ctx::default();
        let r = dsl::shoot(&c, P(0, 0), UNITY);
        let want: Vec<Point> = (0..43).map(|k| (k, k)).collect();
        assert_eq!(pts(r), want);
        let l = dsl::shoot(&c, P(5, 5), LEFT);
        assert_eq!(l, dsl::connect(&c, P(5, -37), P(5, 5)));
        assert_eq!(dsl::shoot(&c, P(5, 5), ORIGIN), ind(&c, &[(5, 5)]));
        assert_eq!(dsl::shoot(&c, P(0, 0), Value::Point((1, 2))), EMPTY);
        assert!(!c.failed());
    }

    #[test]
    fn frontiers_span_thirty() {
        let c = Ctx::default();
        let v = dsl::vfrontier(&c, P(3, 7));
        assert_eq!(pts(v), (0..30).map(|i| (i, 7)).collect::<Vec<_>>());
        let h = dsl::hfrontier(&c, P(-3, 7));
        assert_eq!(pts(h), (0..30).map(|j| (-3, j)).collect::<Vec<_>>());
        assert!(!c.failed());
    }

    #[test]
    fn backdrop_and_delta() {
        let c = Ctx::default();
        let p = obj(&c, &[(1, (0, 0)), (2, (0, 0)), (1, (1, 2))]);
        assert_eq!(dsl::backdrop(&c, p), ind(&c, &[(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]));
        assert_eq!(dsl::delta(&c, p), ind(&c, &[(0, 1), (0, 2), (1, 0), (1, 1)]));
        let full = ind(&c, &[(-1, -1), (-1, 0)]);
        assert_eq!(dsl::backdrop(&c, full), full);
        assert_eq!(dsl::delta(&c, full), EMPTY);
        assert_eq!(dsl::backdrop(&c, EMPTY), EMPTY);
        assert_eq!(dsl::delta(&c, EMPTY), EMPTY);
        assert!(!c.failed());
    }

    #[test]
    fn boxes_of_a_cell_and_a_rectangle() {
        let c = Ctx::default();
        let one = ind(&c, &[(5, 5)]);
        let ring = ind(&c, &[(4, 4), (4, 5), (4, 6), (5, 4), (5, 6), (6, 4), (6, 5), (6, 6)]);
        assert_eq!(dsl::r#box(&c, one), one);
        assert_eq!(dsl::outbox(&c, one), ring);
        assert_eq!(dsl::inbox(&c, one), ring, "crossed inner bounds swap");
        // 3 rows x 4 columns
        let r = obj(&c, &[(1, (0, 0)), (1, (2, 3))]);
        let b = dsl::r#box(&c, r);
        assert_eq!(
            b,
            ind(&c, &[(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 3), (2, 0), (2, 1), (2, 2), (2, 3)])
        );
        assert_eq!(dsl::inbox(&c, r), ind(&c, &[(1, 1), (1, 2)]));
        let o = dsl::outbox(&c, r);
        let mut want: Vec<Point> = (-1..=4).map(|j| (-1, j)).collect();
        for i in 0..=2 {
            want.extend([(i, -1), (i, 4)]);
        }
        want.extend((-1..=4).map(|j| (3, j)));
        assert_eq!(pts(o), want);
        assert_eq!(dsl::r#box(&c, EMPTY), EMPTY);
        assert!(!c.failed());
        dsl::inbox(&c, EMPTY);
        fails(&c, FailKind::Empty);
        let c = Ctx::default();
        dsl::outbox(&c, EMPTY);
        fails(&c, FailKind::Empty);
    }

    #[test]
    fn gravitate_from_each_side() {
        let c = Ctx::default();
        let g = |s: &[Point], d: &[Point]| dsl::gravitate(&c, ind(&c, s), ind(&c, d));
        assert_eq!(g(&[(0, 0)], &[(5, 0)]), P(4, 0), "down");
        assert_eq!(g(&[(5, 0)], &[(0, 0)]), P(-4, 0), "up");
        assert_eq!(g(&[(2, 0)], &[(2, 6)]), P(0, 5), "right");
        assert_eq!(g(&[(2, 6)], &[(2, 0)]), P(0, -5), "left");
        assert_eq!(g(&[(2, 1)], &[(2, 0)]), P(0, 0), "already adjacent");
        assert_eq!(g(&[(0, 0)], &[(10, 10)]), P(0, 42), "never adjacent: 42 steps");
        let square = [(0, 0), (0, 1), (1, 0), (1, 1)];
        assert_eq!(g(&square, &[(6, 1)]), P(4, 0));
        assert!(!c.failed());
        dsl::gravitate(&c, EMPTY, ind(&c, &[(0, 0)]));
        fails(&c, FailKind::Empty);
    }

    #[test]
    fn periods() {
        let c = Ctx::default();
        let row = |cols: &[i32], i0: i32, j0: i32| {
            let cells: Vec<(i32, Point)> =
                cols.iter().enumerate().map(|(k, &col)| (col, (i0, j0 + k as i32))).collect();
            obj(&c, &cells)
        };
        assert_eq!(dsl::hperiod(&c, row(&[1, 2, 1, 2, 1], 0, 0)), TWO);
        assert_eq!(dsl::hperiod(&c, row(&[1, 2, 1, 2, 1], -3, -8)), TWO);
        assert_eq!(dsl::hperiod(&c, row(&[1, 1, 1], 0, 0)), ONE);
        assert_eq!(dsl::hperiod(&c, row(&[1, 2, 3], 0, 0)), THREE);
        assert_eq!(dsl::hperiod(&c, row(&[1, 2, 3, 1, 2], 4, 4)), THREE);
        assert_eq!(dsl::vperiod(&c, row(&[1, 2, 1], 0, 0)), ONE, "one row");
        let gap = obj(&c, &[(1, (0, 0)), (1, (0, 2))]);
        assert_eq!(dsl::hperiod(&c, gap), TWO);
        let col = obj(&c, &[(1, (0, 0)), (2, (1, 0)), (1, (2, 0)), (2, (3, 0))]);
        assert_eq!(dsl::vperiod(&c, col), TWO);
        assert_eq!(dsl::hperiod(&c, col), ONE);
        let two_rows =
            obj(&c, &[(1, (0, 0)), (2, (0, 1)), (1, (0, 2)), (3, (1, 0)), (4, (1, 1)), (3, (1, 2))]);
        assert_eq!(dsl::hperiod(&c, two_rows), TWO);
        assert_eq!(dsl::vperiod(&c, two_rows), TWO);
        assert_eq!(dsl::hperiod(&c, EMPTY), ZERO);
        assert_eq!(dsl::hperiod(&c, ind(&c, &[(3, 3)])), ONE);
        assert!(!c.failed());
        // indices have no colour to unpack once the loop runs
        dsl::hperiod(&c, ind(&c, &[(0, 0), (0, 1)]));
        fails(&c, FailKind::Type);
    }

    #[test]
    fn extreme_coordinates_fail_instead_of_panicking() {
        let (lo, hi) = (i32::MIN, i32::MAX);
        let c = Ctx::default();
        let far = ind(&c, &[(lo, lo), (hi, hi)]);
        assert_eq!(dsl::square(&c, far), F);
        assert_eq!(dsl::vline(&c, far), F);
        assert_eq!(dsl::uppermost(&c, far), Value::Int(lo));
        assert_eq!(dsl::centerofmass(&c, far), P(-1, -1));
        assert!(!c.failed());
        type Check = (fn(&Ctx) -> Value, FailKind);
        let checks: [Check; 7] = [
            (|c| dsl::height(c, ind(c, &[(i32::MIN, 0), (i32::MAX, 0)])), FailKind::Overflow),
            (|c| dsl::manhattan(c, ind(c, &[(i32::MIN, 0)]), ind(c, &[(i32::MAX, 0)])), FailKind::Overflow),
            (|c| dsl::connect(c, P(0, i32::MIN), P(0, i32::MAX)), FailKind::Limit),
            (|c| dsl::backdrop(c, ind(c, &[(0, 0), (1 << 20, 1 << 20)])), FailKind::Limit),
            (|c| dsl::shoot(c, P(i32::MAX, 0), DOWN), FailKind::Overflow),
            (|c| dsl::outbox(c, ind(c, &[(i32::MAX, 0)])), FailKind::Overflow),
            (|c| dsl::normalize(c, ind(c, &[(i32::MIN, 0)])), FailKind::Overflow),
        ];
        for (f, kind) in checks {
            let c = Ctx::default();
            assert_eq!(f(&c), Value::None);
            fails(&c, kind);
        }
    }

    mod props {
        use super::*;
        use proptest::prelude::*;
        use std::collections::HashSet;

        fn cells() -> impl Strategy<Value = Vec<(i32, Point)>> {
            prop::collection::vec((0..3i32, (-6..6i32, -6..6i32)), 0..14)
        }

        fn brute_manhattan(a: &[Point], b: &[Point]) -> i64 {
            let mut best = i64::MAX;
            for &(ai, aj) in a {
                for &(bi, bj) in b {
                    best = best.min(((ai - bi).abs() + (aj - bj).abs()) as i64);
                }
            }
            best
        }

        fn locs(v: Value) -> Vec<Point> {
            match v {
                Value::Indices(p) => p.to_vec(),
                Value::Object(c) => c.iter().map(|x| x.loc()).collect(),
                _ => vec![],
            }
        }

        /// The period straight from its definition, with hash sets.
        fn brute_hperiod(cells: &[(i32, Point)]) -> i64 {
            if cells.is_empty() {
                return 0;
            }
            let l = cells.iter().map(|c| c.1 .1).min().unwrap();
            let r = cells.iter().map(|c| c.1 .1).max().unwrap();
            let set: HashSet<(i32, Point)> = cells.iter().copied().collect();
            let w = (r - l + 1) as i64;
            for p in 1..w {
                let p = p as i32;
                if set
                    .iter()
                    .filter(|&&(_, (_, j))| j - p >= l)
                    .all(|&(k, (i, j))| set.contains(&(k, (i, j - p))))
                {
                    return p as i64;
                }
            }
            w
        }

        proptest! {
            #[test]
            fn shift_roundtrip(v in cells(), di in -50..50i32, dj in -50..50i32) {
                let c = Ctx::default();
                let o = obj(&c, &v);
                let i = dsl::toindices(&c, o);
                for p in [o, i] {
                    let s = dsl::shift(&c, p, Value::Point((di, dj)));
                    prop_assert_eq!(dsl::shift(&c, s, Value::Point((-di, -dj))), p);
                    prop_assert_eq!(pts(s).len(), pts(p).len());
                }
                prop_assert!(!c.failed());
            }

            #[test]
            fn normalize_idempotent(v in cells()) {
                let c = Ctx::default();
                let o = obj(&c, &v);
                let n = dsl::normalize(&c, o);
                prop_assert_eq!(dsl::normalize(&c, n), n);
                if !v.is_empty() {
                    prop_assert_eq!(dsl::ulcorner(&c, n), ORIGIN);
                    prop_assert_eq!(dsl::shape(&c, n), dsl::shape(&c, o));
                }
                prop_assert!(!c.failed());
            }

            #[test]
            fn distances_and_matching_agree_with_brute_force(a in cells(), b in cells()) {
                let c = Ctx::default();
                let (oa, ob) = (obj(&c, &a), obj(&c, &b));
                let (la, lb) = (locs(oa), locs(ob));
                let m = dsl::manhattan(&c, oa, ob);
                if la.is_empty() || lb.is_empty() {
                    prop_assert!(c.failed());
                    return Ok(());
                }
                prop_assert_eq!(m, Value::Int(brute_manhattan(&la, &lb) as i32));
                let rows = la.iter().any(|p| lb.iter().any(|q| p.0 == q.0));
                let cols = la.iter().any(|p| lb.iter().any(|q| p.1 == q.1));
                prop_assert_eq!(dsl::hmatching(&c, oa, ob), Value::Bool(rows));
                prop_assert_eq!(dsl::vmatching(&c, oa, ob), Value::Bool(cols));
                prop_assert!(!c.failed());
            }

            #[test]
            fn delta_and_indices_partition_backdrop(v in cells()) {
                let c = Ctx::default();
                let o = obj(&c, &v);
                let b = dsl::backdrop(&c, o);
                let d = dsl::delta(&c, o);
                let i = dsl::toindices(&c, o);
                let mut both = pts(d);
                both.extend(pts(i));
                both.sort();
                prop_assert_eq!(both, pts(b));
                prop_assert!(!c.failed());
            }

            #[test]
            fn hperiod_matches_definition(v in cells()) {
                let c = Ctx::default();
                let o = obj(&c, &v);
                let mut dedup = v.clone();
                dedup.sort();
                dedup.dedup();
                prop_assert_eq!(dsl::hperiod(&c, o), Value::Int(brute_hperiod(&dedup) as i32));
                // vperiod is hperiod of the transpose
                let t: Vec<(i32, Point)> = dedup.iter().map(|&(k, (i, j))| (k, (j, i))).collect();
                prop_assert_eq!(dsl::vperiod(&c, o), Value::Int(brute_hperiod(&t) as i32));
                prop_assert!(!c.failed());
            }
        }
    }
}
