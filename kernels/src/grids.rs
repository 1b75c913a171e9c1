//! Whole-grid primitives: mirrors and rotations, `fill`/`paint`, scaling, concatenation, splits,
//! colour queries. Mirrored by `cuda/grids.cuh`.
//!
//! Conventions shared by every function here:
//! - a grid argument is anything [`Value::grid`] accepts (a grid, or a tuple of equal-length rows);
//!   `crop` also slices a tuple of rows of several lengths, as Python does;
//! - a grid with no rows is always `0 x 0` (Python's `()`); a grid with rows but no columns keeps its
//!   rows (`((), ())`), as Python's tuples do: `crop`, `hupscale`, `trim`... can produce one;
//! - where Python evaluates `len(grid[0])`, a grid without rows fails with `Index`;
//! - every new grid comes from `Buf`, which applies the same size limit and step charge as
//!   `Ctx::grid`; a run of whole rows of a grid is shared, not copied (values are immutable);
//! - a colour argument (`fill`'s value, `replace`'s replacer...) is only checked when it is written:
//!   Python accepts anything it never stores, and a stored non-byte colour is a `Type` failure;
//! - a patch argument is an object, indices, the empty frozenset or (as Python's `toindices`
//!   allows) a tuple of cells or of points, which `pair`/`mpapply` produce.

use bumpalo::collections::Vec as BVec;

use crate::value::{checked, fail, row_value, to_color, Cell, Ctx, Fail, FailKind, Grid};
use crate::value::{Patch, Point, Res, Value};

type R<T> = Result<T, Fail>;

/// Python's `()`.
const EMPTY: Grid<'static> = Grid { h: 0, w: 0, cells: &[] };

/// A grid under construction in the arena.
struct Buf<'a> {
    h: u32,
    w: u32,
    cells: &'a mut [u8],
}

impl<'a> Buf<'a> {
    /// An `h x w` grid of `fill`, with `Ctx::grid`'s checks (no rows -> `0 x 0`).
    fn new(c: &'a Ctx, h: i64, w: i64, fill: u8, what: &'static str) -> R<Self> {
        if h < 0 || w < 0 {
            return fail(FailKind::Index, what);
        }
        let max = c.limits.max_grid_cells as i64;
        if h > max || w > max || h * w > max {
            return fail(FailKind::Limit, what);
        }
        let w = if h == 0 { 0 } else { w };
        let n = (h * w) as usize;
        c.step(n as u64, what)?;
        Ok(Buf { h: h as u32, w: w as u32, cells: c.arena().alloc_slice_fill_copy(n, fill) })
    }

    /// A fresh copy of `g`.
    fn copy(c: &'a Ctx, g: Grid, what: &'static str) -> R<Self> {
        c.step(g.cells.len() as u64, what)?;
        Ok(Buf { h: g.h, w: g.w, cells: c.arena().alloc_slice_copy(g.cells) })
    }

    fn grid(self) -> Grid<'a> {
        Grid { h: self.h, w: self.w, cells: self.cells }
    }

    fn value(self) -> Value<'a> {
        Value::Grid(self.grid())
    }
}

/// Rows `r0..r1` of `g`, shared.
fn rows<'a>(g: Grid<'a>, r0: usize, r1: usize) -> Grid<'a> {
    if r1 <= r0 {
        return EMPTY;
    }
    let w = g.w as usize;
    Grid { h: (r1 - r0) as u32, w: g.w, cells: &g.cells[r0 * w..r1 * w] }
}

/// Rows `r0..r1`, columns `c0..c1` of `g` (ranges already clamped to the grid).
fn window<'a>(
    c: &'a Ctx,
    g: Grid<'a>,
    (r0, r1): (usize, usize),
    (c0, c1): (usize, usize),
    what: &'static str,
) -> R<Grid<'a>> {
    if r1 <= r0 {
        return Ok(EMPTY);
    }
    if c0 == 0 && c1 == g.w as usize {
        return Ok(rows(g, r0, r1));
    }
    let cw = c1.saturating_sub(c0);
    let b = Buf::new(c, (r1 - r0) as i64, cw as i64, 0, what)?;
    if cw > 0 {
        for (out, i) in b.cells.chunks_exact_mut(cw).zip(r0..r1) {
            out.copy_from_slice(&g.row(i)[c0..c1]);
        }
    }
    Ok(b.grid())
}

/// Python's `seq[a:b]` bounds for a sequence of length `n` (negative bounds count from the end,
/// then everything is clamped; an inverted range is empty).
fn py_slice(n: i64, a: i64, b: i64) -> (usize, usize) {
    let norm = |x: i64| if x < 0 { (x + n).max(0) } else { x.min(n) };
    let (a, b) = (norm(a), norm(b));
    (a as usize, b.max(a) as usize)
}

/// `crop` on a converted grid, in i64 (no overflow possible from i32 arguments).
fn crop_grid<'a>(
    c: &'a Ctx,
    g: Grid<'a>,
    (s0, s1): (i64, i64),
    (d0, d1): (i64, i64),
    what: &'static str,
) -> R<Grid<'a>> {
    let r = py_slice(g.h as i64, s0, s0 + d0);
    let k = py_slice(g.w as i64, s1, s1 + d1);
    window(c, g, r, k, what)
}

/// The grid argument, failing like Python's `len(grid[0])` when it has no rows.
fn nonempty<'a>(c: &'a Ctx, grid: Value<'a>, what: &'static str) -> R<Grid<'a>> {
    let g = grid.grid(c, what)?;
    if g.h == 0 {
        return fail(FailKind::Index, what);
    }
    Ok(g)
}

/// A value stored into a grid: an integer that fits a byte.
fn color_of(v: Value, what: &'static str) -> R<u8> {
    to_color(v.int(what)?, what)
}

/// The grid byte a value compares equal to, if any (non-integers equal no cell).
fn as_byte(v: Value) -> Option<u8> {
    match v {
        Value::Int(x) => u8::try_from(x).ok(),
        Value::Bool(b) => Some(b as u8),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Colours of an element (grid or object)

/// What Python iterates for the colours of an `Element`.
enum Colors<'a> {
    Grid(Grid<'a>),
    Cells(&'a [Cell]),
    /// `for v, _ in indices` binds `v` to the row: Python's behaviour on an `Indices` argument.
    Rows(&'a [Point]),
}

fn colors<'a>(c: &'a Ctx, v: Value<'a>, what: &'static str) -> R<Colors<'a>> {
    Ok(match v {
        Value::Object(cs) => Colors::Cells(cs),
        Value::Set(&[]) => Colors::Cells(&[]),
        Value::Indices(ps) => Colors::Rows(ps),
        _ => Colors::Grid(v.grid(c, what)?),
    })
}

/// How often each colour occurs: a table of the ARC colours (every value below 16, the usual case:
/// small to clear and to scan, which a small object's `palette` or `mostcolor` is mostly made of), a
/// byte table (in the arena: the enum stays small to move), or sorted `(colour, count)` pairs when
/// some colour is outside 0..=255 (possible in objects built by `recolor`). Each is read in
/// ascending colour order.
enum Hist<'a> {
    Nibble([u32; 16]),
    Byte(&'a [u32; 256]),
    Big(&'a [(i32, u32)]),
}

fn grid_hist<'a>(c: &'a Ctx, g: Grid) -> Hist<'a> {
    // One vectorised pass for the largest colour picks the table.
    if g.cells.iter().copied().max().unwrap_or(0) < 16 {
        let mut n = [0u32; 16];
        for &b in g.cells {
            n[(b & 15) as usize] += 1;
        }
        return Hist::Nibble(n);
    }
    let n = c.arena().alloc([0u32; 256]);
    for &b in g.cells {
        n[b as usize] += 1;
    }
    Hist::Byte(n)
}

fn hist_ints<'a>(c: &'a Ctx, vals: impl Iterator<Item = i32> + Clone) -> Hist<'a> {
    if vals.clone().all(|v| (v as u32) < 16) {
        let mut n = [0u32; 16];
        for v in vals {
            n[(v & 15) as usize] += 1;
        }
        return Hist::Nibble(n);
    }
    if vals.clone().all(|v| (v as u32) < 256) {
        let n = c.arena().alloc([0u32; 256]);
        for v in vals {
            n[(v & 255) as usize] += 1;
        }
        return Hist::Byte(n);
    }
    let mut vs: BVec<i32> = c.vec();
    vs.extend(vals);
    vs.sort_unstable();
    let mut out: BVec<(i32, u32)> = c.vec();
    for v in vs {
        match out.last_mut() {
            Some((x, k)) if *x == v => *k += 1,
            _ => out.push((v, 1)),
        }
    }
    Hist::Big(out.into_bump_slice())
}

fn histogram<'a>(c: &'a Ctx, element: Value<'a>, what: &'static str) -> R<Hist<'a>> {
    Ok(match colors(c, element, what)? {
        Colors::Grid(g) => {
            c.step(g.cells.len() as u64, what)?;
            grid_hist(c, g)
        }
        Colors::Cells(cs) => {
            c.step(cs.len() as u64, what)?;
            hist_ints(c, cs.iter().map(|x| x.color))
        }
        Colors::Rows(ps) => {
            c.step(ps.len() as u64, what)?;
            hist_ints(c, ps.iter().map(|p| p.0))
        }
    })
}

impl Hist<'_> {
    fn for_each(&self, mut f: impl FnMut(i32, u32)) {
        let counts: &[u32] = match self {
            Hist::Nibble(n) => n,
            Hist::Byte(n) => *n,
            Hist::Big(e) => return e.iter().for_each(|&(v, k)| f(v, k)),
        };
        for (v, &k) in counts.iter().enumerate() {
            if k > 0 {
                f(v as i32, k)
            }
        }
    }

    /// The most (or least) frequent colour; ties go to the smallest colour.
    fn pick(&self, most: bool) -> Option<i32> {
        let mut best: Option<(i32, u32)> = None;
        self.for_each(|v, k| {
            let better = match best {
                None => true,
                Some((_, b)) => (most && k > b) || (!most && k < b),
            };
            if better {
                best = Some((v, k));
            }
        });
        best.map(|b| b.0)
    }
}

/// The most common colour of a non-empty grid (its background).
fn grid_bg(c: &Ctx, g: Grid, what: &'static str) -> R<u8> {
    if g.cells.is_empty() {
        return fail(FailKind::Empty, what);
    }
    Ok(crate::objects::grid_bg_in(c, &g).unwrap_or(0))
}

/// The most common colour of a grid or object (`max(set(values), key=values.count)`); ties go to the
/// smallest colour; an empty element fails with `Empty`.
pub fn mostcolor<'a>(c: &'a Ctx, element: Value<'a>) -> Res<'a> {
    match histogram(c, element, "mostcolor")?.pick(true) {
        Some(v) => Ok(Value::Int(v)),
        None => fail(FailKind::Empty, "mostcolor"),
    }
}

/// The least common colour of a grid or object; ties go to the smallest colour; empty fails.
pub fn leastcolor<'a>(c: &'a Ctx, element: Value<'a>) -> Res<'a> {
    match histogram(c, element, "leastcolor")?.pick(false) {
        Some(v) => Ok(Value::Int(v)),
        None => fail(FailKind::Empty, "leastcolor"),
    }
}

/// Number of cells of a grid or object with colour `value` (a non-integer value counts 0).
pub fn colorcount<'a>(c: &'a Ctx, element: Value<'a>, value: Value<'a>) -> Res<'a> {
    let what = "colorcount";
    let v = match value {
        Value::Int(x) => x,
        Value::Bool(b) => b as i32,
        _ => {
            colors(c, element, what)?;
            return Ok(Value::Int(0));
        }
    };
    let n = match colors(c, element, what)? {
        Colors::Grid(g) => {
            c.step(g.cells.len() as u64, what)?;
            match u8::try_from(v) {
                Ok(b) => g.cells.iter().filter(|&&x| x == b).count(),
                Err(_) => 0,
            }
        }
        Colors::Cells(cs) => cs.iter().filter(|x| x.color == v).count(),
        Colors::Rows(ps) => ps.iter().filter(|p| p.0 == v).count(),
    };
    Ok(Value::Int(n as i32))
}

/// The colours of a grid or object, as a frozenset of integers.
pub fn palette<'a>(c: &'a Ctx, element: Value<'a>) -> Res<'a> {
    let h = histogram(c, element, "palette")?;
    if let Hist::Nibble(n) = &h {
        // The usual ARC colours: the colours present counted, then written into one slice of that
        // length (a growing vector reallocates past four; a64e4611 takes the palette of a small
        // object per cell of a grid).
        let k = n.iter().filter(|&&x| x > 0).count();
        if k == 0 {
            return Ok(Value::Set(&[]));
        }
        let out = c.arena().alloc_slice_fill_copy(k, Value::None);
        let present = (0..16).filter(|&v| n[v] > 0);
        for (o, v) in out.iter_mut().zip(present) {
            *o = Value::Int(v as i32);
        }
        return Ok(Value::Set(out));
    }
    let mut out = c.vec();
    h.for_each(|v, _| out.push(Value::Int(v)));
    if out.is_empty() {
        return Ok(Value::Set(&[]));
    }
    Ok(Value::Set(out.into_bump_slice()))
}

/// Number of distinct colours of a grid or object.
pub fn numcolors<'a>(c: &'a Ctx, element: Value<'a>) -> Res<'a> {
    let mut n = 0;
    histogram(c, element, "numcolors")?.for_each(|_, _| n += 1);
    Ok(Value::Int(n))
}

// ---------------------------------------------------------------------------------------------
// Grids and patches as sets

/// The locations of a patch argument (see the module doc for the tuple forms).
fn locations<'a>(c: &'a Ctx, v: Value<'a>, what: &'static str) -> R<Patch<'a>> {
    if let Value::Tuple(items) = v {
        if items.iter().all(|x| matches!(x, Value::Point(_))) {
            let mut pts = c.vec_with(items.len());
            pts.extend(items.iter().map(|x| x.point(what).unwrap_or_default()));
            return Ok(Patch::Indices(pts.into_bump_slice()));
        }
        return Ok(Patch::Object(tuple_cells(c, items, what)?));
    }
    v.patch(what)
}

/// The cells of a tuple of cells.
fn tuple_cells<'a>(c: &'a Ctx, items: &'a [Value<'a>], what: &'static str) -> R<&'a [Cell]> {
    let mut cells = c.vec_with(items.len());
    for x in items {
        match *x {
            Value::Cell(cell) => cells.push(cell),
            _ => return fail(FailKind::Type, what),
        }
    }
    Ok(cells.into_bump_slice())
}

/// The cells of an object argument: an object, the empty frozenset, or a tuple of cells (indices are
/// a `Type` failure, as unpacking `value, (i, j)` from a point is in Python).
fn object_cells<'a>(c: &'a Ctx, v: Value<'a>, what: &'static str) -> R<&'a [Cell]> {
    match v {
        Value::Tuple(items) => tuple_cells(c, items, what),
        _ => v.cells(what),
    }
}

/// Every location of the grid, as indices (an empty grid gives the empty frozenset).
pub fn asindices<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "asindices")?;
    let (h, w) = (g.h as i32, g.w as i32);
    c.check_items(g.cells.len(), "asindices")?;
    let mut pts = c.vec_with(g.cells.len());
    for i in 0..h {
        pts.extend((0..w).map(|j| (i, j)));
    }
    Ok(c.indices(pts))
}

/// The locations of the grid cells equal to `value` (a non-integer matches nothing).
pub fn ofcolor<'a>(c: &'a Ctx, grid: Value<'a>, value: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "ofcolor")?;
    c.step(g.cells.len() as u64, "ofcolor")?;
    let Some(b) = as_byte(value) else {
        return Ok(Value::Set(&[]));
    };
    let w = g.w as usize;
    let mut pts = c.vec();
    if w > 0 {
        for (i, row) in g.cells.chunks_exact(w).enumerate() {
            for (j, &x) in row.iter().enumerate() {
                if x == b {
                    pts.push((i as i32, j as i32));
                }
            }
        }
    }
    Ok(c.indices(pts))
}

/// `grid[s0:s0+d0]`, then `row[s1:s1+d1]` of each row, with Python's slice rules (negative starts
/// count from the end, bounds clamp); may give a grid without rows or without columns.
pub fn crop<'a>(c: &'a Ctx, grid: Value<'a>, start: Value<'a>, dims: Value<'a>) -> Res<'a> {
    let g = match (grid, grid.grid(c, "crop")) {
        (_, Ok(g)) => g,
        (Value::Tuple(rows), Err(_)) => return crop_rows(c, rows, start, dims),
        (_, Err(e)) => return Err(e),
    };
    let (s0, s1) = start.point("crop")?;
    let (d0, d1) = dims.point("crop")?;
    Ok(Value::Grid(crop_grid(c, g, (s0 as i64, s1 as i64), (d0 as i64, d1 as i64), "crop")?))
}

/// `crop` of a tuple of rows that is no grid: Python slices the kept rows one by one, so rows of
/// several lengths crop too (`merge` of `hsplit`'s parts, the last one narrower when the width
/// leaves a remainder: cdecee7f). The result is a grid when its rows come out of one length, else
/// again a tuple of rows. Only the kept rows must be rows of colours, as only they are sliced.
/// (The CUDA twin never sees such a tuple: the GPU hands every ragged value back to the CPU.)
fn crop_rows<'a>(c: &'a Ctx, rows: &'a [Value<'a>], start: Value<'a>, dims: Value<'a>) -> Res<'a> {
    let (s0, s1) = start.point("crop")?;
    let (d0, d1) = dims.point("crop")?;
    let (r0, r1) = py_slice(rows.len() as i64, s0 as i64, s0 as i64 + d0 as i64);
    let mut cells = c.vec();
    let mut ends = c.vec_with(r1 - r0);
    for k in r0..r1 {
        let row = Value::Tuple(&rows[k..k + 1]).grid(c, "crop")?;
        let (k0, k1) = py_slice(row.w as i64, s1 as i64, s1 as i64 + d1 as i64);
        cells.extend_from_slice(&row.cells[k0..k1]);
        ends.push(cells.len());
    }
    c.step(cells.len() as u64, "crop")?;
    let w = ends.first().copied().unwrap_or(0);
    if ends.iter().enumerate().all(|(i, &e)| e == (i + 1) * w) {
        let h = ends.len() as u32;
        return Ok(Value::Grid(Grid { h, w: w as u32, cells: cells.into_bump_slice() }));
    }
    let cells = cells.into_bump_slice();
    let mut out = c.vec_with(ends.len());
    let mut from = 0;
    for &e in &ends {
        out.push(row_value(c, &cells[from..e]));
        from = e;
    }
    Ok(Value::Tuple(out.into_bump_slice()))
}

/// The object of the grid's cells at the patch's locations that lie inside the grid.
pub fn toobject<'a>(c: &'a Ctx, patch: Value<'a>, grid: Value<'a>) -> Res<'a> {
    let g = nonempty(c, grid, "toobject")?;
    let p = locations(c, patch, "toobject")?;
    c.check_items(p.len(), "toobject")?;
    if let (Patch::Indices(pts), Value::Indices(_)) = (p, patch) {
        // Sorted indices (neighbourhoods, `ofcolor`...; a64e4611 reads 8 per cell of a 900-cell
        // filter): written in place into one slice of their length, the cells outside the grid
        // left off its end, rather than pushed one by one with a capacity check each.
        let out = c.arena().alloc_slice_fill_copy(pts.len(), Cell::new(0, (0, 0)));
        let mut n = 0;
        for &(i, j) in pts {
            if g.contains((i, j)) {
                out[n] = Cell::new(g.at(i, j) as i32, (i, j));
                n += 1;
            }
        }
        return Ok(if n == 0 { Value::Set(&[]) } else { Value::Object(&out[..n]) });
    }
    let mut cells = c.vec_with(p.len());
    if let Patch::Indices(pts) = p {
        // Indices (neighbourhoods, `ofcolor`...): read straight, without the patch's iterator.
        cells.extend(
            pts.iter().filter(|&&x| g.contains(x)).map(|&(i, j)| Cell::new(g.at(i, j) as i32, (i, j))),
        );
        return match patch {
            Value::Indices(_) => Ok(c.object_sorted(cells)),
            _ => Ok(c.object(cells)),
        };
    }
    for (i, j) in p.points() {
        if g.contains((i, j)) {
            cells.push(Cell::new(g.at(i, j) as i32, (i, j)));
        }
    }
    // Indices are sorted and unique, and so are the cells kept from them.
    match patch {
        Value::Indices(_) => Ok(c.object_sorted(cells)),
        _ => Ok(c.object(cells)),
    }
}

/// The grid as an object: every cell with its colour (empty grid -> empty frozenset).
pub fn asobject<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "asobject")?;
    c.check_items(g.cells.len(), "asobject")?;
    let w = g.w as usize;
    if g.cells.is_empty() {
        return Ok(Value::Set(&[]));
    }
    // Written row by row into one slice of the grid's size (an arena vector's extend checks its
    // capacity per cell; a64e4611 takes the object of a canvas per box size it tries).
    let cells = c.arena().alloc_slice_fill_copy(g.cells.len(), Cell::new(0, (0, 0)));
    for (i, (out, row)) in cells.chunks_exact_mut(w).zip(g.cells.chunks_exact(w)).enumerate() {
        for (j, (o, &x)) in out.iter_mut().zip(row).enumerate() {
            *o = Cell::new(x as i32, (i as i32, j as i32));
        }
    }
    // Raster order: sorted and unique.
    Ok(Value::Object(cells))
}

// ---------------------------------------------------------------------------------------------
// Rotations and mirrors

/// A `w x h` grid whose cell `dst(i, j)` (a flat index) is `g[i][j]`; `()` when either side is 0,
/// as Python's `zip(*grid)` gives.
fn transposed<'a>(
    c: &'a Ctx,
    g: Grid<'a>,
    what: &'static str,
    dst: impl Fn(usize, usize, usize, usize) -> usize,
) -> Res<'a> {
    if g.h == 0 || g.w == 0 {
        return Ok(Value::Grid(EMPTY));
    }
    let (h, w) = (g.h as usize, g.w as usize);
    let b = Buf::new(c, w as i64, h as i64, 0, what)?;
    for (i, row) in g.cells.chunks_exact(w).enumerate() {
        for (j, &x) in row.iter().enumerate() {
            b.cells[dst(i, j, h, w)] = x;
        }
    }
    Ok(b.value())
}

/// Quarter turn clockwise: `out[i][j] = grid[h-1-j][i]` (a grid with a zero side gives `()`).
pub fn rot90<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "rot90")?;
    transposed(c, g, "rot90", |i, j, h, _| j * h + (h - 1 - i))
}

/// Half turn (keeps the shape, also of a grid without columns).
pub fn rot180<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "rot180")?;
    let b = Buf::new(c, g.h as i64, g.w as i64, 0, "rot180")?;
    for (o, &x) in b.cells.iter_mut().zip(g.cells.iter().rev()) {
        *o = x;
    }
    Ok(b.value())
}

/// Quarter turn anticlockwise: `out[i][j] = grid[j][w-1-i]` (a grid with a zero side gives `()`).
pub fn rot270<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "rot270")?;
    transposed(c, g, "rot270", |i, j, h, w| (w - 1 - j) * h + i)
}

#[derive(Clone, Copy)]
enum Mirror {
    H,
    V,
    D,
    C,
}

/// Anything with a location: the element of an object or of indices.
trait Loc: Copy + 'static {
    fn at(&self) -> Point;
    fn moved(&self, p: Point) -> Self;
    fn finish<'a>(c: &'a Ctx, v: BVec<'a, Self>) -> Value<'a>;
}

impl Loc for Cell {
    fn at(&self) -> Point {
        self.loc()
    }
    fn moved(&self, p: Point) -> Self {
        Cell::new(self.color, p)
    }
    fn finish<'a>(c: &'a Ctx, v: BVec<'a, Self>) -> Value<'a> {
        c.object(v)
    }
}

impl Loc for Point {
    fn at(&self) -> Point {
        *self
    }
    fn moved(&self, p: Point) -> Self {
        p
    }
    fn finish<'a>(c: &'a Ctx, v: BVec<'a, Self>) -> Value<'a> {
        c.indices(v)
    }
}

/// In which order to visit a sorted patch so that the mirrored patch comes out (nearly) sorted.
#[derive(Clone, Copy)]
enum Visit {
    Forward,
    RowsBackward,
    WithinRowsBackward,
}

/// Maps every location of a patch through `f` (i64, overflow-checked), keeping its kind.
fn remap<'a, T: Loc>(
    c: &'a Ctx,
    items: &[T],
    visit: Visit,
    what: &'static str,
    f: impl Fn(i64, i64) -> (i64, i64),
) -> Res<'a> {
    c.check_items(items.len(), what)?;
    let mut out = c.vec_with(items.len());
    {
        let mut put = |x: &T| -> R<()> {
            let (i, j) = x.at();
            let (a, b) = f(i as i64, j as i64);
            out.push(x.moved((checked(a, what)?, checked(b, what)?)));
            Ok(())
        };
        let n = items.len();
        let row = |k: usize| items[k].at().0;
        match visit {
            Visit::Forward => items.iter().try_for_each(&mut put)?,
            Visit::RowsBackward => {
                let mut end = n;
                while end > 0 {
                    let mut s = end - 1;
                    while s > 0 && row(s - 1) == row(end - 1) {
                        s -= 1;
                    }
                    items[s..end].iter().try_for_each(&mut put)?;
                    end = s;
                }
            }
            Visit::WithinRowsBackward => {
                let mut s = 0;
                while s < n {
                    let mut e = s + 1;
                    while e < n && row(e) == row(s) {
                        e += 1;
                    }
                    items[s..e].iter().rev().try_for_each(&mut put)?;
                    s = e;
                }
            }
        }
    }
    Ok(T::finish(c, out))
}

fn mirror_items<'a, T: Loc>(
    c: &'a Ctx,
    items: &[T],
    m: Mirror,
    (u, l, d, r): (i64, i64, i64, i64),
    what: &'static str,
) -> Res<'a> {
    match m {
        Mirror::H => remap(c, items, Visit::RowsBackward, what, |i, j| (u + d - i, j)),
        Mirror::V => remap(c, items, Visit::WithinRowsBackward, what, |i, j| (i, l + r - j)),
        Mirror::D => remap(c, items, Visit::Forward, what, |i, j| (j - l + u, i - u + l)),
        // vmirror(dmirror(vmirror(p))) collapses to this map.
        Mirror::C => remap(c, items, Visit::Forward, what, |i, j| (u + r - j, l + d - i)),
    }
}

/// Mirrors a patch about its own bounding box. The empty patch fails as Python does on the empty
/// `ulcorner`: indexing it (`Index`), or for `dmirror` unpacking it (ValueError: `Empty`).
fn mirror_patch<'a>(c: &'a Ctx, piece: Value<'a>, m: Mirror, what: &'static str) -> Res<'a> {
    let p = locations(c, piece, what)?;
    let Some((u, l, d, r)) = p.bounds() else {
        let kind = match m {
            Mirror::D => FailKind::Empty,
            _ => FailKind::Index,
        };
        return fail(kind, what);
    };
    let b = (u as i64, l as i64, d as i64, r as i64);
    match p {
        Patch::Object(cs) => mirror_items(c, cs, m, b, what),
        Patch::Indices(ps) => mirror_items(c, ps, m, b, what),
    }
}

fn hmirror_grid<'a>(c: &'a Ctx, g: Grid<'a>) -> Res<'a> {
    let b = Buf::new(c, g.h as i64, g.w as i64, 0, "hmirror")?;
    let w = g.w as usize;
    if w > 0 {
        for (out, src) in b.cells.chunks_exact_mut(w).zip(g.cells.chunks_exact(w).rev()) {
            out.copy_from_slice(src);
        }
    }
    Ok(b.value())
}

/// Flips upside down: a grid's rows reversed; a patch as `(i, j) -> (uppermost + lowermost - i, j)`.
/// (Any other tuple is reversed too, as Python's `piece[::-1]`.)
pub fn hmirror<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    match piece {
        Value::Grid(g) => hmirror_grid(c, g),
        Value::Tuple(items) => match piece.grid(c, "hmirror") {
            Ok(g) => hmirror_grid(c, g),
            Err(_) => {
                let mut rev = c.vec_with(items.len());
                rev.extend(items.iter().rev().copied());
                Ok(c.tuple(rev.into_bump_slice()))
            }
        },
        Value::Point((a, b)) => Ok(Value::Point((b, a))),
        Value::Cell(x) => Ok(c.tuple(&[Value::Point(x.loc()), Value::Int(x.color)])),
        _ => mirror_patch(c, piece, Mirror::H, "hmirror"),
    }
}

/// Flips left to right: each row reversed; a patch as `(i, j) -> (i, leftmost + rightmost - j)`.
pub fn vmirror<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    match piece {
        Value::Grid(_) | Value::Tuple(_) => {
            let g = piece.grid(c, "vmirror")?;
            let b = Buf::new(c, g.h as i64, g.w as i64, 0, "vmirror")?;
            let w = g.w as usize;
            if w > 0 {
                for (out, src) in b.cells.chunks_exact_mut(w).zip(g.cells.chunks_exact(w)) {
                    for (o, &x) in out.iter_mut().zip(src.iter().rev()) {
                        *o = x;
                    }
                }
            }
            Ok(b.value())
        }
        _ => mirror_patch(c, piece, Mirror::V, "vmirror"),
    }
}

/// Transposes: a grid's `out[i][j] = grid[j][i]` (a zero side gives `()`); a patch about its upper
/// left corner `(a, b)`: `(i, j) -> (j - b + a, i - a + b)`.
pub fn dmirror<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    match piece {
        Value::Grid(_) | Value::Tuple(_) => {
            let g = piece.grid(c, "dmirror")?;
            transposed(c, g, "dmirror", |i, j, h, _| j * h + i)
        }
        _ => mirror_patch(c, piece, Mirror::D, "dmirror"),
    }
}

/// Mirrors along the counterdiagonal: a grid's `out[i][j] = grid[h-1-j][w-1-i]`; a patch as Python's
/// `vmirror(dmirror(vmirror(p)))`, i.e. `(i, j) -> (up + right - j, left + low - i)`.
pub fn cmirror<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    match piece {
        Value::Grid(_) | Value::Tuple(_) => {
            let g = piece.grid(c, "cmirror")?;
            transposed(c, g, "cmirror", |i, j, h, w| (w - 1 - j) * h + (h - 1 - i))
        }
        _ => mirror_patch(c, piece, Mirror::C, "cmirror"),
    }
}

// ---------------------------------------------------------------------------------------------
// Fill and paint

/// Writes `value` at the patch's locations inside the grid; `under` only where the cell is `bg`.
fn fill_with<'a>(
    c: &'a Ctx,
    grid: Value<'a>,
    value: Result<u8, Fail>,
    patch: Value<'a>,
    under: bool,
    what: &'static str,
) -> Res<'a> {
    let g = nonempty(c, grid, what)?;
    let bg = if under { Some(grid_bg(c, g, what)?) } else { None };
    let p = locations(c, patch, what)?;
    c.step(p.len() as u64, what)?;
    let b = Buf::copy(c, g, what)?;
    let w = g.w as usize;
    for (i, j) in p.points() {
        if g.contains((i, j)) {
            let k = i as usize * w + j as usize;
            if !matches!(bg, Some(bg) if b.cells[k] != bg) {
                b.cells[k] = value?;
            }
        }
    }
    Ok(b.value())
}

/// Writes each cell of the object inside the grid (in raster order: where an object has two colours
/// at one location the larger colour ends up on top); `under` only over background cells.
fn paint_with<'a>(c: &'a Ctx, grid: Value<'a>, obj: Value<'a>, under: bool, what: &'static str) -> Res<'a> {
    let g = nonempty(c, grid, what)?;
    let bg = if under { Some(grid_bg(c, g, what)?) } else { None };
    let cells = object_cells(c, obj, what)?;
    c.step(cells.len() as u64, what)?;
    let b = Buf::copy(c, g, what)?;
    let w = g.w as usize;
    for x in cells {
        if g.contains(x.loc()) {
            let k = x.i as usize * w + x.j as usize;
            if !matches!(bg, Some(bg) if b.cells[k] != bg) {
                b.cells[k] = to_color(x.color, what)?;
            }
        }
    }
    Ok(b.value())
}

/// Sets the grid cells at the patch's locations (object or indices) to `value`; locations off the
/// grid are ignored.
pub fn fill<'a>(c: &'a Ctx, grid: Value<'a>, value: Value<'a>, patch: Value<'a>) -> Res<'a> {
    fill_with(c, grid, color_of(value, "fill"), patch, false, "fill")
}

/// Paints the object's cells onto the grid (off-grid cells ignored; indices are a `Type` failure).
pub fn paint<'a>(c: &'a Ctx, grid: Value<'a>, obj: Value<'a>) -> Res<'a> {
    paint_with(c, grid, obj, false, "paint")
}

/// `fill`, but only over cells of the grid's most common colour.
pub fn underfill<'a>(c: &'a Ctx, grid: Value<'a>, value: Value<'a>, patch: Value<'a>) -> Res<'a> {
    fill_with(c, grid, color_of(value, "underfill"), patch, true, "underfill")
}

/// `paint`, but only over cells of the grid's most common colour (checked as it paints).
pub fn underpaint<'a>(c: &'a Ctx, grid: Value<'a>, obj: Value<'a>) -> Res<'a> {
    paint_with(c, grid, obj, true, "underpaint")
}

/// Fills the patch's locations with the grid's most common colour (an empty grid fails `Empty`,
/// as Python's `mostcolor` is evaluated first).
pub fn cover<'a>(c: &'a Ctx, grid: Value<'a>, patch: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "cover")?;
    let bg = grid_bg(c, g, "cover")?;
    fill_with(c, Value::Grid(g), Ok(bg), patch, false, "cover")
}

/// `paint(cover(grid, obj), shift(obj, offset))`: moves an object over the background.
pub fn r#move<'a>(c: &'a Ctx, grid: Value<'a>, obj: Value<'a>, offset: Value<'a>) -> Res<'a> {
    let what = "move";
    let g = grid.grid(c, what)?;
    let bg = grid_bg(c, g, what)?;
    let p = locations(c, obj, what)?;
    if p.is_empty() {
        return Ok(Value::Grid(Buf::copy(c, g, what)?.grid()));
    }
    let (di, dj) = offset.point(what)?;
    let Patch::Object(cells) = p else {
        return fail(FailKind::Type, what);
    };
    c.step(2 * cells.len() as u64, what)?;
    let b = Buf::copy(c, g, what)?;
    let w = g.w as usize;
    for x in cells {
        if g.contains(x.loc()) {
            b.cells[x.i as usize * w + x.j as usize] = bg;
        }
    }
    let (h, gw) = (g.h as i64, g.w as i64);
    for x in cells {
        let (i, j) = (x.i as i64 + di as i64, x.j as i64 + dj as i64);
        if (0..h).contains(&i) && (0..gw).contains(&j) {
            b.cells[i as usize * w + j as usize] = to_color(x.color, what)?;
        }
    }
    Ok(b.value())
}

// ---------------------------------------------------------------------------------------------
// Scaling

/// Each column repeated `factor` times (`factor <= 0`: rows without columns).
pub fn hupscale<'a>(c: &'a Ctx, grid: Value<'a>, factor: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "hupscale")?;
    let f = factor.int("hupscale")?.max(0) as usize;
    let b = Buf::new(c, g.h as i64, g.w as i64 * f as i64, 0, "hupscale")?;
    if f > 0 {
        expand(b.cells, g.cells, f);
    }
    Ok(b.value())
}

/// Writes each byte of `src` `f` times in a row into `out` (`out.len() == src.len() * f`, `f > 0`).
#[inline]
fn expand(out: &mut [u8], src: &[u8], f: usize) {
    for (o, &x) in out.chunks_exact_mut(f).zip(src) {
        o.fill(x);
    }
}

/// Each row repeated `factor` times (`factor <= 0`: `()`).
pub fn vupscale<'a>(c: &'a Ctx, grid: Value<'a>, factor: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "vupscale")?;
    let f = factor.int("vupscale")?.max(0) as usize;
    let b = Buf::new(c, g.h as i64 * f as i64, g.w as i64, 0, "vupscale")?;
    let w = g.w as usize;
    if w > 0 && f > 0 {
        for (block, src) in b.cells.chunks_exact_mut(w * f).zip(g.cells.chunks_exact(w)) {
            for out in block.chunks_exact_mut(w) {
                out.copy_from_slice(src);
            }
        }
    }
    Ok(b.value())
}

/// A grid scaled by `factor` both ways (`factor <= 0`: `()`); an object scaled about its upper left
/// corner, each cell becoming a `factor x factor` block (`factor <= 0` or empty: empty frozenset).
pub fn upscale<'a>(c: &'a Ctx, element: Value<'a>, factor: Value<'a>) -> Res<'a> {
    let what = "upscale";
    match element {
        Value::Object(cells) => upscale_object(c, cells, factor.int(what)?),
        Value::Set(&[]) => Ok(Value::Set(&[])),
        Value::Indices(_) => fail(FailKind::Type, what),
        _ => {
            let g = element.grid(c, what)?;
            let f = factor.int(what)?.max(0) as usize;
            let b = Buf::new(c, g.h as i64 * f as i64, g.w as i64 * f as i64, 0, what)?;
            let (w, ow) = (g.w as usize, g.w as usize * f);
            if ow > 0 {
                // Expand the block's first row once, then copy it down.
                for (block, src) in b.cells.chunks_exact_mut(ow * f).zip(g.cells.chunks_exact(w)) {
                    let (first, rest) = block.split_at_mut(ow);
                    expand(first, src, f);
                    for out in rest.chunks_exact_mut(ow) {
                        out.copy_from_slice(first);
                    }
                }
            }
            Ok(b.value())
        }
    }
}

fn upscale_object<'a>(c: &'a Ctx, cells: &'a [Cell], f: i32) -> Res<'a> {
    let what = "upscale";
    if f <= 0 {
        return Ok(Value::Set(&[]));
    }
    let Some((u, l, _, _)) = Patch::Object(cells).bounds() else {
        return Ok(Value::Set(&[]));
    };
    let f64_ = f as i64;
    let n = (cells.len() as u64).saturating_mul((f64_ * f64_) as u64);
    c.check_items(usize::try_from(n).unwrap_or(usize::MAX), what)?;
    let mut out = c.vec_with(n as usize);
    // Row by row, so that the result comes out sorted (unless one location holds two colours).
    let mut s = 0;
    while s < cells.len() {
        let mut e = s + 1;
        while e < cells.len() && cells[e].i == cells[s].i {
            e += 1;
        }
        let i0 = u as i64 + (cells[s].i as i64 - u as i64) * f64_;
        for io in 0..f64_ {
            let i = checked(i0 + io, what)?;
            for x in &cells[s..e] {
                let j0 = l as i64 + (x.j as i64 - l as i64) * f64_;
                for jo in 0..f64_ {
                    out.push(Cell::new(x.color, (i, checked(j0 + jo, what)?)));
                }
            }
        }
        s = e;
    }
    Ok(c.object(out))
}

/// Keeps every `factor`-th row and column, starting at 0 (`factor == 0` fails `ZeroDivision`; a
/// negative factor acts as its absolute value, as Python's `%` test does).
pub fn downscale<'a>(c: &'a Ctx, grid: Value<'a>, factor: Value<'a>) -> Res<'a> {
    let g = nonempty(c, grid, "downscale")?;
    let f = factor.int("downscale")? as i64;
    if f == 0 {
        return fail(FailKind::ZeroDivision, "downscale");
    }
    let f = f.unsigned_abs() as usize;
    let (h, w) = (g.h as usize, g.w as usize);
    let (oh, ow) = (h.div_ceil(f), w.div_ceil(f));
    let b = Buf::new(c, oh as i64, ow as i64, 0, "downscale")?;
    if ow > 0 {
        let src_rows = g.cells.chunks_exact(w).step_by(f);
        for (out, src) in b.cells.chunks_exact_mut(ow).zip(src_rows) {
            for (o, &x) in out.iter_mut().zip(src.iter().step_by(f)) {
                *o = x;
            }
        }
    }
    Ok(b.value())
}

// ---------------------------------------------------------------------------------------------
// Concatenation and splits

/// Rows side by side: `zip(a, b)` stops at the shorter grid.
pub fn hconcat<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    let (a, b) = (a.grid(c, "hconcat")?, b.grid(c, "hconcat")?);
    let h = a.h.min(b.h) as usize;
    let (wa, wb) = (a.w as usize, b.w as usize);
    let out = Buf::new(c, h as i64, (wa + wb) as i64, 0, "hconcat")?;
    if wa + wb > 0 {
        for (i, row) in out.cells.chunks_exact_mut(wa + wb).enumerate() {
            row[..wa].copy_from_slice(a.row(i));
            row[wa..].copy_from_slice(b.row(i));
        }
    }
    Ok(out.value())
}

/// `a + b`: the rows of `a` then of `b`. Grids of different widths give Python's ragged tuple of
/// rows; other tuples are concatenated as tuples.
pub fn vconcat<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    let what = "vconcat";
    let (ga, gb) = match (a.grid(c, what), b.grid(c, what)) {
        (Ok(x), Ok(y)) => (x, y),
        _ => {
            let is_tuple =
                |v: &Value| matches!(v, Value::Tuple(_) | Value::Grid(_) | Value::Point(_) | Value::Cell(_));
            if !is_tuple(&a) || !is_tuple(&b) {
                return fail(FailKind::Type, what);
            }
            let (ia, _) = a.items(what)?;
            let (ib, _) = b.items(what)?;
            c.check_items(ia.len() + ib.len(), what)?;
            let mut out = c.vec_with(ia.len() + ib.len());
            out.extend(ia.iter(c));
            out.extend(ib.iter(c));
            return Ok(c.tuple(out.into_bump_slice()));
        }
    };
    if ga.h == 0 {
        return Ok(Value::Grid(gb));
    }
    if gb.h == 0 {
        return Ok(Value::Grid(ga));
    }
    if ga.w != gb.w {
        let n = (ga.h + gb.h) as usize;
        c.check_items(n, what)?;
        let mut out = c.vec_with(n);
        out.extend((0..ga.h as usize).map(|i| row_value(c, ga.row(i))));
        out.extend((0..gb.h as usize).map(|i| row_value(c, gb.row(i))));
        return Ok(Value::Tuple(out.into_bump_slice()));
    }
    let out = Buf::new(c, (ga.h + gb.h) as i64, ga.w as i64, 0, what)?;
    let k = ga.cells.len();
    out.cells[..k].copy_from_slice(ga.cells);
    out.cells[k..].copy_from_slice(gb.cells);
    Ok(out.value())
}

/// The grid window spanned by the patch's bounding box (`crop(grid, ulcorner, shape)`); the empty
/// patch fails `Index`. A tuple patch has Python's tuple shape `(len, 2)`.
pub fn subgrid<'a>(c: &'a Ctx, patch: Value<'a>, grid: Value<'a>) -> Res<'a> {
    let what = "subgrid";
    let p = locations(c, patch, what)?;
    let Some((u, l, d, r)) = p.bounds() else {
        return fail(FailKind::Index, what);
    };
    let g = grid.grid(c, what)?;
    let dims = match patch {
        Value::Tuple(items) => (items.len() as i64, 2),
        _ => (d as i64 - u as i64 + 1, r as i64 - l as i64 + 1),
    };
    Ok(Value::Grid(crop_grid(c, g, (u as i64, l as i64), dims, what)?))
}

/// `n` pieces of `(h, w, offset) = split(len, n)` along one axis, as dsl.py computes them.
fn split<'a>(c: &'a Ctx, grid: Value<'a>, n: Value<'a>, cols: bool, what: &'static str) -> Res<'a> {
    let n = n.int(what)? as i64;
    let g = grid.grid(c, what)?;
    // hsplit takes `len(grid[0]) // n`, vsplit `len(grid) // n` before `len(grid[0])`.
    if cols && g.h == 0 {
        return fail(FailKind::Index, what);
    }
    if n == 0 {
        return fail(FailKind::ZeroDivision, what);
    }
    if g.h == 0 {
        return fail(FailKind::Index, what);
    }
    if n < 0 {
        return Ok(Value::Tuple(&[]));
    }
    c.check_items(n as usize, what)?;
    let len = if cols { g.w } else { g.h } as i64;
    let (size, offset) = (len / n, (len % n != 0) as i64);
    let mut out = c.vec_with(n as usize);
    for i in 0..n {
        let s = size * i + i * offset;
        let piece = if cols {
            crop_grid(c, g, (0, s), (g.h as i64, size), what)?
        } else {
            crop_grid(c, g, (s, 0), (size, g.w as i64), what)?
        };
        out.push(Value::Grid(piece));
    }
    Ok(Value::Tuple(out.into_bump_slice()))
}

/// `n` side-by-side pieces of width `w // n`; when `n` does not divide `w`, one column is skipped
/// between consecutive pieces (dsl.py's offset rule). A tuple of grids.
pub fn hsplit<'a>(c: &'a Ctx, grid: Value<'a>, n: Value<'a>) -> Res<'a> {
    split(c, grid, n, true, "hsplit")
}

/// `n` stacked pieces of height `h // n`; when `n` does not divide `h`, one row is skipped between
/// consecutive pieces. A tuple of grids.
pub fn vsplit<'a>(c: &'a Ctx, grid: Value<'a>, n: Value<'a>) -> Res<'a> {
    split(c, grid, n, false, "vsplit")
}

/// `a`'s cell where `a` and `b` agree, `fallback` elsewhere; shaped like `a` (`b` smaller than `a`
/// fails `Index`; `b` larger is cropped).
pub fn cellwise<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>, fallback: Value<'a>) -> Res<'a> {
    let what = "cellwise";
    let ga = nonempty(c, a, what)?;
    let gb = b.grid(c, what)?;
    let fb = color_of(fallback, what);
    let out = Buf::new(c, ga.h as i64, ga.w as i64, 0, what)?;
    let w = ga.w as usize;
    if w == 0 {
        return Ok(out.value());
    }
    if gb.h < ga.h || gb.w < ga.w {
        return fail(FailKind::Index, what);
    }
    let mut bad = false;
    let fbyte = *fb.as_ref().unwrap_or(&0);
    for (i, row) in out.cells.chunks_exact_mut(w).enumerate() {
        let (ra, rb) = (ga.row(i), &gb.row(i)[..w]);
        for ((o, &x), &y) in row.iter_mut().zip(ra).zip(rb) {
            *o = if x == y { x } else { fbyte };
            bad |= x != y;
        }
    }
    if bad {
        fb?;
    }
    Ok(out.value())
}

/// Every cell equal to `replacee` becomes `replacer` (nothing to replace: the grid itself).
pub fn replace<'a>(c: &'a Ctx, grid: Value<'a>, replacee: Value<'a>, replacer: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "replace")?;
    c.step(g.cells.len() as u64, "replace")?;
    let Some(from) = as_byte(replacee).filter(|b| g.cells.contains(b)) else {
        return Ok(Value::Grid(g));
    };
    let to = color_of(replacer, "replace")?;
    let b = Buf::copy(c, g, "replace")?;
    for x in b.cells.iter_mut() {
        if *x == from {
            *x = to;
        }
    }
    Ok(b.value())
}

/// Swaps colours `a` and `b` everywhere (Python's `{a: b, b: a}[v]`).
pub fn switch<'a>(c: &'a Ctx, grid: Value<'a>, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    let what = "switch";
    let g = grid.grid(c, what)?;
    // table[v]: the new colour of v, or 0x100 when Python would store a non-byte there.
    let mut table: [u16; 256] = std::array::from_fn(|k| k as u16);
    let as_entry = |v: Value| color_of(v, what).map_or(0x100, |x| x as u16);
    if let Some(x) = as_byte(a) {
        table[x as usize] = as_entry(b);
    }
    if let Some(y) = as_byte(b) {
        table[y as usize] = as_entry(a);
    }
    let out = Buf::copy(c, g, what)?;
    let mut bad = 0u16;
    for x in out.cells.iter_mut() {
        let t = table[*x as usize];
        bad |= t;
        *x = t as u8;
    }
    if bad & 0x100 != 0 {
        return fail(FailKind::Type, what);
    }
    Ok(out.value())
}

/// The colour at `loc`, or `None` off the grid (a grid without rows fails `Index`, as Python's
/// `len(grid[0])` does).
pub fn index<'a>(c: &'a Ctx, grid: Value<'a>, loc: Value<'a>) -> Res<'a> {
    let (i, j) = loc.point("index")?;
    let g = nonempty(c, grid, "index")?;
    if g.contains((i, j)) {
        Ok(Value::Int(g.at(i, j) as i32))
    } else {
        Ok(Value::None)
    }
}

/// An `h x w` grid of `value`; non-positive sides give Python's empty ranges (`()`, or rows without
/// columns).
pub fn canvas<'a>(c: &'a Ctx, value: Value<'a>, dimensions: Value<'a>) -> Res<'a> {
    let (h, w) = dimensions.point("canvas")?;
    let (h, w) = (h.max(0) as i64, w.max(0) as i64);
    let fill = if h > 0 && w > 0 { color_of(value, "canvas")? } else { 0 };
    Ok(Buf::new(c, h, w, fill, "canvas")?.value())
}

/// Drops the outer ring: `r[1:-1] for r in grid[1:-1]`.
pub fn trim<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "trim")?;
    let r = py_slice(g.h as i64, 1, -1);
    let k = py_slice(g.w as i64, 1, -1);
    Ok(Value::Grid(window(c, g, r, k, "trim")?))
}

/// The first `h // 2` rows.
pub fn tophalf<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "tophalf")?;
    Ok(Value::Grid(rows(g, 0, g.h as usize / 2)))
}

/// The last `h // 2` rows (the middle row of an odd height belongs to neither half).
pub fn bottomhalf<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "bottomhalf")?;
    let h = g.h as usize;
    Ok(Value::Grid(rows(g, h / 2 + h % 2, h)))
}

/// Columns `start..start + w // 2`, as `rot270(half(rot90(grid)))` computes: `()` when that is empty.
fn half_cols<'a>(c: &'a Ctx, grid: Value<'a>, right: bool, what: &'static str) -> Res<'a> {
    let g = grid.grid(c, what)?;
    let w = g.w as usize;
    let k = w / 2;
    if g.h == 0 || k == 0 {
        return Ok(Value::Grid(EMPTY));
    }
    let s = if right { k + w % 2 } else { 0 };
    Ok(Value::Grid(window(c, g, (0, g.h as usize), (s, s + k), what)?))
}

/// The first `w // 2` columns.
pub fn lefthalf<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    half_cols(c, grid, false, "lefthalf")
}

/// The last `w // 2` columns (the middle column of an odd width belongs to neither half).
pub fn righthalf<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    half_cols(c, grid, true, "righthalf")
}

/// Removes every single-coloured row and every single-coloured column.
pub fn compress<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    let what = "compress";
    let g = grid.grid(c, what)?;
    let (h, w) = (g.h as usize, g.w as usize);
    if h == 0 || w == 0 {
        // No columns: rows of `()` have no colour at all, so nothing is removed.
        return Ok(Value::Grid(if h == 0 { EMPTY } else { g }));
    }
    c.step(g.cells.len() as u64, what)?;
    let row0 = g.row(0);
    let mut col_uniform: BVec<bool> = c.vec_with(w);
    col_uniform.resize(w, true);
    let mut keep_rows: BVec<usize> = c.vec();
    for (i, row) in g.cells.chunks_exact(w).enumerate() {
        let first = row[0];
        let mut uniform = true;
        for ((u, &x), &y) in col_uniform.iter_mut().zip(row).zip(row0) {
            *u &= x == y;
            uniform &= x == first;
        }
        if !uniform {
            keep_rows.push(i);
        }
    }
    let kc = col_uniform.iter().filter(|&&u| !u).count();
    let out = Buf::new(c, keep_rows.len() as i64, kc as i64, 0, what)?;
    if kc > 0 {
        for (o, &i) in out.cells.chunks_exact_mut(kc).zip(keep_rows.iter()) {
            let src = g.row(i);
            let kept = src.iter().zip(col_uniform.iter()).filter(|(_, &u)| !u);
            for (d, (&x, _)) in o.iter_mut().zip(kept) {
                *d = x;
            }
        }
    }
    Ok(out.value())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constants::*;
    use crate::dsl;
    use proptest::prelude::*;

    fn grid<'a>(c: &'a Ctx, rows: &[&[u8]]) -> Value<'a> {
        let w = rows.first().map_or(0, |r| r.len());
        let cells: Vec<u8> = rows.iter().flat_map(|r| r.iter().copied()).collect();
        Value::Grid(c.grid_from(rows.len() as u32, w as u32, &cells))
    }

    fn obj<'a>(c: &'a Ctx, cells: &[(i32, (i32, i32))]) -> Value<'a> {
        let mut v = c.vec();
        v.extend(cells.iter().map(|&(col, p)| Cell::new(col, p)));
        c.object(v)
    }

    proptest! {
        /// `toobject` of indices (read straight) against the same points given as a tuple (the
        /// patch's iterator and a sort), and a cell-by-cell expectation: the same object and steps.
        #[test]
        fn toobject_of_indices_matches_the_general_path(
            h in 1u32..7, w in 1u32..7,
            cells in proptest::collection::vec(0u8..4, 49),
            pts in proptest::collection::vec((-3i32..9, -3i32..9), 0..20),
        ) {
            let c = Ctx::default();
            let g = Value::Grid(c.grid_from(h, w, &cells[..(h * w) as usize]));
            let mut v = c.vec();
            v.extend_from_slice(&pts);
            let ind = c.indices(v);
            let before = c.steps();
            let got = dsl::toobject(&c, ind, g);
            let steps = c.steps() - before;
            let tuple: Vec<Value> = match ind {
                Value::Indices(p) => p.iter().map(|&x| Value::Point(x)).collect(),
                _ => Vec::new(),
            };
            let before = c.steps();
            let general = dsl::toobject(&c, Value::Tuple(c.slice(&tuple)), g);
            prop_assert_eq!(c.steps() - before, steps);
            let mut want: Vec<(i32, (i32, i32))> = pts
                .iter()
                .filter(|&&(i, j)| i >= 0 && j >= 0 && i < h as i32 && j < w as i32)
                .map(|&(i, j)| (cells[(i as u32 * w + j as u32) as usize] as i32, (i, j)))
                .collect();
            want.sort_by_key(|&(_, p)| p);
            want.dedup();
            prop_assert_eq!(got, obj(&c, &want));
            if !tuple.is_empty() {
                prop_assert_eq!(general, got);
            }
            prop_assert!(!c.failed());
        }
    }

    fn idx<'a>(c: &'a Ctx, pts: &[(i32, i32)]) -> Value<'a> {
        let mut v = c.vec();
        v.extend_from_slice(pts);
        c.indices(v)
    }

    fn dims(v: Value) -> (u32, u32) {
        match v {
            Value::Grid(g) => (g.h, g.w),
            other => panic!("not a grid: {other:?}"),
        }
    }

    fn p(i: i32, j: i32) -> Value<'static> {
        Value::Point((i, j))
    }

    /// `((), ())`: rows without columns.
    fn no_cols(h: u32) -> Value<'static> {
        Value::Grid(Grid { h, w: 0, cells: &[] })
    }

    fn failed_with(c: &Ctx, kind: FailKind) -> bool {
        c.status().map(|f| f.kind) == Some(kind)
    }

    #[test]
    fn mostcolor_leastcolor_and_ties() {
        let c = Ctx::default();
        let g = grid(&c, &[&[3, 3, 1], &[1, 2, 2]]);
        assert_eq!(dsl::mostcolor(&c, g), ONE, "three-way tie: smallest");
        assert_eq!(dsl::leastcolor(&c, g), ONE);
        let g = grid(&c, &[&[5, 5, 5], &[7, 2, 7]]);
        assert_eq!(dsl::mostcolor(&c, g), FIVE);
        assert_eq!(dsl::leastcolor(&c, g), TWO);
        let o = obj(&c, &[(4, (0, 0)), (6, (0, 1)), (6, (9, 9)), (4, (-3, 2)), (8, (1, 1))]);
        assert_eq!(dsl::mostcolor(&c, o), FOUR, "4 and 6 tie");
        assert_eq!(dsl::leastcolor(&c, o), EIGHT);
        let big = obj(&c, &[(-1, (0, 0)), (300, (0, 1)), (300, (0, 2))]);
        assert_eq!(dsl::mostcolor(&c, big), Value::Int(300));
        assert_eq!(dsl::leastcolor(&c, big), NEG_ONE);
        // Python unpacks `v, _` from each point: the rows are the "colours" of indices.
        let ind = idx(&c, &[(2, 0), (2, 1), (3, 0)]);
        assert_eq!(dsl::mostcolor(&c, ind), TWO);
        assert!(!c.failed());
        assert_eq!(dsl::mostcolor(&c, Value::Set(&[])), Value::None);
        assert!(failed_with(&c, FailKind::Empty));
        let c = Ctx::default();
        dsl::leastcolor(&c, no_cols(2));
        assert!(failed_with(&c, FailKind::Empty));
    }

    #[test]
    fn colorcount_palette_numcolors() {
        let c = Ctx::default();
        let g = grid(&c, &[&[1, 2, 1], &[1, 0, 2]]);
        assert_eq!(dsl::colorcount(&c, g, ONE), THREE);
        assert_eq!(dsl::colorcount(&c, g, T), THREE, "True == 1");
        assert_eq!(dsl::colorcount(&c, g, NINE), ZERO);
        assert_eq!(dsl::colorcount(&c, g, Value::Int(-1)), ZERO);
        assert_eq!(dsl::colorcount(&c, g, ORIGIN), ZERO);
        let o = obj(&c, &[(3, (0, 0)), (3, (5, 5)), (4, (1, 0))]);
        assert_eq!(dsl::colorcount(&c, o, THREE), TWO);
        let pal = dsl::palette(&c, g);
        assert_eq!(
            pal,
            c.set({
                let mut v = c.vec();
                v.extend([ZERO, ONE, TWO]);
                v
            })
        );
        assert!(matches!(pal, Value::Set(s) if s == [ZERO, ONE, TWO]));
        assert_eq!(dsl::numcolors(&c, g), THREE);
        assert!(matches!(dsl::palette(&c, o), Value::Set(s) if s == [THREE, FOUR]));
        assert_eq!(dsl::numcolors(&c, o), TWO);
        assert!(matches!(dsl::palette(&c, Value::Set(&[])), Value::Set(&[])));
        assert_eq!(dsl::numcolors(&c, Value::Grid(EMPTY)), ZERO);
        assert!(!c.failed());
    }

    #[test]
    fn asindices_ofcolor_asobject_toobject() {
        let c = Ctx::default();
        let g = grid(&c, &[&[1, 2, 1], &[0, 1, 2]]);
        assert_eq!(dsl::asindices(&c, g), idx(&c, &[(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]));
        assert_eq!(dsl::ofcolor(&c, g, ONE), idx(&c, &[(0, 0), (0, 2), (1, 1)]));
        assert!(matches!(dsl::ofcolor(&c, g, SEVEN), Value::Set(&[])));
        assert_eq!(
            dsl::asobject(&c, g),
            obj(&c, &[(1, (0, 0)), (2, (0, 1)), (1, (0, 2)), (0, (1, 0)), (1, (1, 1)), (2, (1, 2))])
        );
        let patch = idx(&c, &[(-1, 0), (0, 1), (1, 2), (2, 0), (1, 3)]);
        assert_eq!(dsl::toobject(&c, patch, g), obj(&c, &[(2, (0, 1)), (2, (1, 2))]));
        let o = obj(&c, &[(9, (1, 0)), (8, (1, 0))]);
        assert_eq!(dsl::toobject(&c, o, g), obj(&c, &[(0, (1, 0))]));
        assert!(matches!(dsl::asindices(&c, Value::Grid(EMPTY)), Value::Set(&[])));
        assert!(matches!(dsl::asindices(&c, no_cols(3)), Value::Set(&[])));
        assert!(matches!(dsl::asobject(&c, Value::Grid(EMPTY)), Value::Set(&[])));
        assert!(!c.failed());
        dsl::toobject(&c, patch, Value::Grid(EMPTY));
        assert!(failed_with(&c, FailKind::Index), "len(grid[0]) of ()");
    }

    #[test]
    fn crop_uses_python_slices() {
        let c = Ctx::default();
        let g = grid(&c, &[&[1, 2, 3], &[4, 5, 6]]);
        let crop = |s, d| dsl::crop(&c, g, s, d);
        assert_eq!(crop(p(0, 1), p(2, 2)), grid(&c, &[&[2, 3], &[5, 6]]));
        assert_eq!(crop(p(1, 1), p(5, 5)), grid(&c, &[&[5, 6]]), "clamped");
        // grid[-2:-1] is the first row; row[-2:3] is columns 1..3.
        assert_eq!(crop(p(-2, 0), p(1, 3)), grid(&c, &[&[1, 2, 3]]));
        assert_eq!(crop(p(0, -2), p(2, 5)), grid(&c, &[&[2, 3], &[5, 6]]));
        // grid[-1:1] with two rows is rows 1..1: empty.
        assert_eq!(dims(crop(p(-1, 0), p(2, 2))), (0, 0));
        assert_eq!(dims(crop(p(-1, 0), p(1, 2))), (0, 0), "grid[-1:0]");
        // Rows survive with no columns: ((), ()).
        assert_eq!(dims(crop(p(0, -1), p(2, 1))), (2, 0), "row[-1:0]");
        assert_eq!(dims(crop(p(0, 5), p(2, 2))), (2, 0));
        assert_eq!(dims(crop(p(5, 0), p(2, 2))), (0, 0));
        assert_eq!(dims(crop(p(0, 0), p(0, 3))), (0, 0));
        assert_eq!(crop(p(-9, -9), p(20, 20)), g);
        assert!(!c.failed());
        dsl::crop(&c, g, ONE, p(1, 1));
        assert!(failed_with(&c, FailKind::Type));
    }

    /// A tuple of rows as Python holds it (lengths may differ).
    fn ragged<'a>(c: &'a Ctx, rows: &[&[u8]]) -> Value<'a> {
        let mut v = c.vec();
        v.extend(rows.iter().map(|r| row_value(c, r)));
        Value::Tuple(v.into_bump_slice())
    }

    #[test]
    fn crop_slices_rows_of_several_lengths_as_python() {
        // cdecee7f's chain: a 1x13 grid split in 3 leaves a narrower last part (w 4, offset 1:
        // columns 0..4, 5..9, 10..13), and merge makes rows of lengths 4, 4, 3.
        let c = Ctx::default();
        let line: Vec<u8> = (0..13).collect();
        let parts = dsl::hsplit(&c, grid(&c, &[&line]), Value::Int(3));
        let rows = dsl::merge(&c, parts);
        assert_eq!(rows, ragged(&c, &[&[0, 1, 2, 3], &[5, 6, 7, 8], &[10, 11, 12]]));
        let crop = |s, d| dsl::crop(&c, rows, s, d);
        // Rows that come out of one length are a grid again (the reference's 3x3 answers).
        assert_eq!(crop(p(0, 0), p(3, 3)), grid(&c, &[&[0, 1, 2], &[5, 6, 7], &[10, 11, 12]]));
        assert_eq!(dims(crop(p(0, 0), p(3, 3))), (3, 3));
        assert_eq!(crop(p(2, 0), p(1, 3)), grid(&c, &[&[10, 11, 12]]));
        assert_eq!(dims(crop(p(0, 4), p(3, 2))), (3, 0), "((), (), ())");
        assert_eq!(dims(crop(p(-1, -2), p(1, 2))), (0, 0), "rows[-1:0]");
        // Else the result is ragged too, as Python's.
        assert_eq!(crop(p(0, 1), p(3, 3)), ragged(&c, &[&[1, 2, 3], &[6, 7, 8], &[11, 12]]));
        assert_eq!(crop(p(0, 2), p(3, 2)), ragged(&c, &[&[2, 3], &[7, 8], &[12]]));
        assert_eq!(crop(p(1, 0), p(5, 9)), ragged(&c, &[&[5, 6, 7, 8], &[10, 11, 12]]));
        assert!(!c.failed());
        // Only the kept rows are sliced: a bad row outside them is never looked at...
        let odd = Value::Tuple(c.arena().alloc_slice_copy(&[row_value(&c, &[1, 2, 3]), Value::Int(7)]));
        assert_eq!(dsl::crop(&c, odd, p(0, 0), p(1, 2)), grid(&c, &[&[1, 2]]));
        assert!(!c.failed());
        // ...a kept one fails as a grid of it does, and so does a start that is no point.
        let (c1, c2) = (Ctx::default(), Ctx::default());
        dsl::crop(&c1, odd, p(0, 0), p(2, 2));
        assert!(failed_with(&c1, FailKind::Type));
        dsl::crop(&c2, rows, ONE, p(1, 1));
        assert!(failed_with(&c2, FailKind::Type));
    }

    #[test]
    fn rotations_and_grid_mirrors() {
        let c = Ctx::default();
        let g = grid(&c, &[&[1, 2, 3], &[4, 5, 6]]);
        assert_eq!(dsl::rot90(&c, g), grid(&c, &[&[4, 1], &[5, 2], &[6, 3]]));
        assert_eq!(dsl::rot180(&c, g), grid(&c, &[&[6, 5, 4], &[3, 2, 1]]));
        assert_eq!(dsl::rot270(&c, g), grid(&c, &[&[3, 6], &[2, 5], &[1, 4]]));
        assert_eq!(dsl::hmirror(&c, g), grid(&c, &[&[4, 5, 6], &[1, 2, 3]]));
        assert_eq!(dsl::vmirror(&c, g), grid(&c, &[&[3, 2, 1], &[6, 5, 4]]));
        assert_eq!(dsl::dmirror(&c, g), grid(&c, &[&[1, 4], &[2, 5], &[3, 6]]));
        assert_eq!(dsl::cmirror(&c, g), grid(&c, &[&[6, 3], &[5, 2], &[4, 1]]));
        let mut r = g;
        for _ in 0..4 {
            r = dsl::rot90(&c, r);
        }
        assert_eq!(r, g);
        assert_eq!(dims(dsl::dmirror(&c, g)), (3, 2));
        // zip(*rows) of rows without columns is (); reversing keeps the rows.
        assert_eq!(dims(dsl::rot90(&c, no_cols(2))), (0, 0));
        assert_eq!(dims(dsl::hmirror(&c, no_cols(2))), (2, 0));
        assert_eq!(dims(dsl::rot180(&c, no_cols(2))), (2, 0));
        // A tuple of rows is a grid.
        let rows = [Value::Point((1, 2)), Value::Point((3, 4))];
        let t = Value::Tuple(&rows);
        assert_eq!(dsl::hmirror(&c, t), grid(&c, &[&[3, 4], &[1, 2]]));
        assert_eq!(dsl::vmirror(&c, t), grid(&c, &[&[2, 1], &[4, 3]]));
        // Any other tuple is reversed by hmirror (Python's piece[::-1]).
        let items = [ONE, Value::Set(&[]), TWO];
        assert!(matches!(
            dsl::hmirror(&c, Value::Tuple(&items)),
            Value::Tuple(s) if s == [TWO, Value::Set(&[]), ONE]
        ));
        assert!(!c.failed());
    }

    #[test]
    fn patch_mirrors_use_the_patch_bounding_box() {
        let c = Ctx::default();
        let o = obj(&c, &[(7, (2, 5)), (8, (2, 6)), (9, (4, 5))]);
        assert_eq!(dsl::hmirror(&c, o), obj(&c, &[(9, (2, 5)), (7, (4, 5)), (8, (4, 6))]));
        assert_eq!(dsl::vmirror(&c, o), obj(&c, &[(8, (2, 5)), (7, (2, 6)), (9, (4, 6))]));
        assert_eq!(dsl::dmirror(&c, o), obj(&c, &[(7, (2, 5)), (9, (2, 7)), (8, (3, 5))]));
        assert_eq!(dsl::cmirror(&c, o), obj(&c, &[(8, (2, 7)), (9, (3, 5)), (7, (3, 7))]));
        let ind = idx(&c, &[(2, 5), (2, 6), (4, 5)]);
        assert_eq!(dsl::hmirror(&c, ind), idx(&c, &[(2, 5), (4, 5), (4, 6)]));
        assert_eq!(dsl::vmirror(&c, ind), idx(&c, &[(2, 5), (2, 6), (4, 6)]));
        assert_eq!(dsl::dmirror(&c, ind), idx(&c, &[(2, 5), (2, 7), (3, 5)]));
        assert_eq!(dsl::cmirror(&c, ind), idx(&c, &[(2, 7), (3, 5), (3, 7)]));
        // Involutions on a shifted patch (negative coordinates).
        let s = obj(&c, &[(1, (-3, -1)), (2, (-3, 4)), (3, (0, 0)), (4, (1, -2))]);
        for m in [dsl::hmirror, dsl::vmirror, dsl::dmirror, dsl::cmirror] {
            let once = m(&c, s);
            assert_ne!(once, s);
            assert_eq!(m(&c, once), s);
        }
        // The results are canonical (sorted).
        if let Value::Object(cells) = dsl::hmirror(&c, s) {
            assert!(cells.windows(2).all(|w| w[0] < w[1]));
        } else {
            panic!("object expected");
        }
        assert!(!c.failed());
        dsl::hmirror(&c, Value::Set(&[]));
        assert!(failed_with(&c, FailKind::Index), "ulcorner(frozenset())[0]");
        let c = Ctx::default();
        dsl::dmirror(&c, Value::Set(&[]));
        assert!(failed_with(&c, FailKind::Empty), "a, b = ulcorner(frozenset())");
    }

    #[test]
    fn fill_paint_and_their_under_variants() {
        let c = Ctx::default();
        let g = grid(&c, &[&[1, 2, 3], &[4, 5, 6]]);
        let patch = idx(&c, &[(-1, 0), (0, 0), (1, 2), (5, 5)]);
        assert_eq!(dsl::fill(&c, g, ZERO, patch), grid(&c, &[&[0, 2, 3], &[4, 5, 0]]));
        let o = obj(&c, &[(9, (0, 1)), (9, (3, 3)), (7, (1, 0))]);
        assert_eq!(dsl::fill(&c, g, ZERO, o), grid(&c, &[&[1, 0, 3], &[0, 5, 6]]));
        assert_eq!(dsl::paint(&c, g, o), grid(&c, &[&[1, 9, 3], &[7, 5, 6]]));
        assert_eq!(dsl::paint(&c, g, Value::Set(&[])), g);
        // A tuple of cells (what `pair`/`mpapply` build) paints like an object.
        let cells = [Value::Cell(Cell::new(8, (1, 1))), Value::Cell(Cell::new(8, (0, 2)))];
        assert_eq!(dsl::paint(&c, g, Value::Tuple(&cells)), grid(&c, &[&[1, 2, 8], &[4, 8, 6]]));
        assert_eq!(dsl::fill(&c, g, ZERO, Value::Tuple(&cells)), grid(&c, &[&[1, 2, 0], &[4, 0, 6]]));
        // Nothing written: any value is accepted, as in Python.
        assert_eq!(dsl::fill(&c, g, Value::Set(&[]), Value::Set(&[])), g);

        let b = grid(&c, &[&[0, 0, 1], &[0, 2, 2]]);
        let patch = idx(&c, &[(0, 0), (0, 2), (1, 0), (1, 1)]);
        assert_eq!(dsl::underfill(&c, b, SEVEN, patch), grid(&c, &[&[7, 0, 1], &[7, 2, 2]]));
        let o = obj(&c, &[(5, (0, 1)), (6, (1, 2)), (6, (4, 4))]);
        assert_eq!(dsl::underpaint(&c, b, o), grid(&c, &[&[0, 5, 1], &[0, 2, 2]]));
        let patch = idx(&c, &[(0, 2), (1, 2)]);
        assert_eq!(dsl::cover(&c, b, patch), grid(&c, &[&[0, 0, 0], &[0, 2, 0]]));
        assert!(!c.failed());

        dsl::paint(&c, g, idx(&c, &[(0, 0)]));
        assert!(failed_with(&c, FailKind::Type), "indices are not an object");
        let c = Ctx::default();
        dsl::fill(&c, g, Value::Int(256), patch);
        assert!(failed_with(&c, FailKind::Type), "256 is no grid colour");
        let c = Ctx::default();
        dsl::fill(&c, Value::Grid(EMPTY), ONE, patch);
        assert!(failed_with(&c, FailKind::Index));
        let c = Ctx::default();
        dsl::paint(&c, Value::Grid(EMPTY), Value::Set(&[]));
        assert!(failed_with(&c, FailKind::Index));
        let c = Ctx::default();
        dsl::cover(&c, Value::Grid(EMPTY), patch);
        assert!(failed_with(&c, FailKind::Empty), "mostcolor(()) comes first");
        let c = Ctx::default();
        dsl::underfill(&c, no_cols(2), ONE, patch);
        assert!(failed_with(&c, FailKind::Empty));
    }

    #[test]
    fn move_covers_then_paints() {
        let c = Ctx::default();
        let g = grid(&c, &[&[0, 0, 0], &[0, 3, 4]]);
        let o = obj(&c, &[(3, (1, 1)), (4, (1, 2))]);
        assert_eq!(dsl::r#move(&c, g, o, UP_RIGHT), grid(&c, &[&[0, 0, 3], &[0, 0, 0]]));
        assert_eq!(dsl::r#move(&c, g, o, LEFT), grid(&c, &[&[0, 0, 0], &[3, 4, 0]]));
        assert_eq!(dsl::r#move(&c, g, o, Value::Point((100, 100))), grid(&c, &[&[0, 0, 0], &[0, 0, 0]]));
        assert_eq!(dsl::r#move(&c, g, Value::Set(&[]), ONE), g);
        assert!(!c.failed());
        dsl::r#move(&c, g, idx(&c, &[(1, 1)]), UP);
        assert!(failed_with(&c, FailKind::Type));
    }

    #[test]
    fn upscaling_and_downscaling() {
        let c = Ctx::default();
        let g = grid(&c, &[&[1, 2, 3], &[4, 5, 6]]);
        assert_eq!(dsl::hupscale(&c, g, TWO), grid(&c, &[&[1, 1, 2, 2, 3, 3], &[4, 4, 5, 5, 6, 6]]));
        assert_eq!(dsl::vupscale(&c, g, TWO), grid(&c, &[&[1, 2, 3], &[1, 2, 3], &[4, 5, 6], &[4, 5, 6]]));
        let s = grid(&c, &[&[1, 2]]);
        assert_eq!(
            dsl::upscale(&c, s, THREE),
            grid(&c, &[&[1, 1, 1, 2, 2, 2], &[1, 1, 1, 2, 2, 2], &[1, 1, 1, 2, 2, 2]])
        );
        assert_eq!(dims(dsl::upscale(&c, g, TWO)), (4, 6));
        assert_eq!(dims(dsl::upscale(&c, g, ZERO)), (0, 0));
        assert_eq!(dims(dsl::vupscale(&c, g, ZERO)), (0, 0));
        assert_eq!(dims(dsl::hupscale(&c, g, ZERO)), (2, 0), "rows of ()");
        assert_eq!(dsl::upscale(&c, g, ONE), g);

        // An object is scaled about its own upper left corner (3, 4).
        let o = obj(&c, &[(1, (3, 4)), (2, (3, 5)), (3, (4, 5))]);
        let mut want = vec![];
        for (col, i, j) in [(1, 3, 4), (2, 3, 6), (3, 5, 6)] {
            for di in 0..2 {
                for dj in 0..2 {
                    want.push((col, (i + di, j + dj)));
                }
            }
        }
        assert_eq!(dsl::upscale(&c, o, TWO), obj(&c, &want));
        assert_eq!(dsl::upscale(&c, o, ONE), o);
        assert!(matches!(dsl::upscale(&c, o, ZERO), Value::Set(&[])));
        assert!(matches!(dsl::upscale(&c, Value::Set(&[]), TWO), Value::Set(&[])));

        let d = grid(&c, &[&[1, 2, 3, 4, 5], &[6, 7, 8, 9, 0], &[1, 1, 2, 2, 3]]);
        assert_eq!(dsl::downscale(&c, d, TWO), grid(&c, &[&[1, 3, 5], &[1, 2, 3]]));
        assert_eq!(dsl::downscale(&c, d, NEG_TWO), grid(&c, &[&[1, 3, 5], &[1, 2, 3]]));
        assert_eq!(dsl::downscale(&c, d, ONE), d);
        assert_eq!(dsl::downscale(&c, d, TEN), grid(&c, &[&[1]]));
        assert_eq!(dsl::downscale(&c, dsl::upscale(&c, d, THREE), THREE), d);
        assert!(!c.failed());
        dsl::downscale(&c, d, ZERO);
        assert!(failed_with(&c, FailKind::ZeroDivision));
        let c = Ctx::default();
        dsl::upscale(&c, g, Value::Int(5000));
        assert!(failed_with(&c, FailKind::Limit));
    }

    #[test]
    fn concatenation() {
        let c = Ctx::default();
        let a = grid(&c, &[&[1], &[2]]);
        let b = grid(&c, &[&[3, 4], &[5, 6], &[7, 8]]);
        assert_eq!(dsl::hconcat(&c, a, b), grid(&c, &[&[1, 3, 4], &[2, 5, 6]]));
        assert_eq!(dims(dsl::hconcat(&c, a, Value::Grid(EMPTY))), (0, 0));
        let x = grid(&c, &[&[1, 2]]);
        let y = grid(&c, &[&[3, 4], &[5, 6]]);
        assert_eq!(dsl::vconcat(&c, x, y), grid(&c, &[&[1, 2], &[3, 4], &[5, 6]]));
        assert_eq!(dsl::vconcat(&c, Value::Grid(EMPTY), y), y);
        // Different widths: Python's ragged tuple of rows.
        let ragged = dsl::vconcat(&c, x, a);
        let one = [ONE];
        let two = [TWO];
        let want = [p(1, 2), Value::Tuple(&one), Value::Tuple(&two)];
        assert!(matches!(ragged, Value::Tuple(_)));
        assert_eq!(ragged, Value::Tuple(&want));
        assert!(!c.failed());
    }

    #[test]
    fn subgrid_and_splits() {
        let c = Ctx::default();
        let g = grid(&c, &[&[1, 2, 3], &[4, 5, 6], &[7, 8, 9]]);
        let o = obj(&c, &[(0, (1, 1)), (0, (2, 2))]);
        assert_eq!(dsl::subgrid(&c, o, g), grid(&c, &[&[5, 6], &[8, 9]]));
        let ind = idx(&c, &[(0, 1), (1, 1)]);
        assert_eq!(dsl::subgrid(&c, ind, g), grid(&c, &[&[2], &[5]]));
        let off = idx(&c, &[(2, 2), (4, 5)]);
        assert_eq!(dsl::subgrid(&c, off, g), grid(&c, &[&[9]]), "clamped");

        // Width 5 in 2: pieces of width 2, the middle column skipped.
        let w5 = grid(&c, &[&[1, 2, 3, 4, 5], &[6, 7, 8, 9, 0]]);
        let parts = dsl::hsplit(&c, w5, TWO);
        let want = [grid(&c, &[&[1, 2], &[6, 7]]), grid(&c, &[&[4, 5], &[9, 0]])];
        assert!(matches!(parts, Value::Tuple(s) if s == want));
        let thirds = dsl::hsplit(&c, grid(&c, &[&[1, 2, 3]]), THREE);
        let want = [grid(&c, &[&[1]]), grid(&c, &[&[2]]), grid(&c, &[&[3]])];
        assert!(matches!(thirds, Value::Tuple(s) if s == want));
        // Height 3 in 2: rows 0 and 2.
        let h3 = grid(&c, &[&[1, 2], &[3, 4], &[5, 6]]);
        let want = [grid(&c, &[&[1, 2]]), grid(&c, &[&[5, 6]])];
        assert!(matches!(dsl::vsplit(&c, h3, TWO), Value::Tuple(s) if s == want));
        // More pieces than columns: pieces without columns.
        if let Value::Tuple(s) = dsl::hsplit(&c, x_row(&c), FOUR) {
            assert_eq!(s.len(), 4);
            assert!(s.iter().all(|&v| dims(v) == (1, 0)));
        } else {
            panic!("tuple expected");
        }
        assert!(matches!(dsl::vsplit(&c, h3, NEG_ONE), Value::Tuple(&[])));
        assert!(!c.failed());
        dsl::subgrid(&c, Value::Set(&[]), g);
        assert!(failed_with(&c, FailKind::Index));
        let c = Ctx::default();
        dsl::hsplit(&c, g, ZERO);
        assert!(failed_with(&c, FailKind::ZeroDivision));
        let c = Ctx::default();
        dsl::vsplit(&c, Value::Grid(EMPTY), ONE);
        assert!(failed_with(&c, FailKind::Index));
        let c = Ctx::default();
        dsl::vsplit(&c, Value::Grid(EMPTY), ZERO);
        assert!(failed_with(&c, FailKind::ZeroDivision), "len(grid) // 0 comes first");
        let c = Ctx::default();
        dsl::hsplit(&c, Value::Grid(EMPTY), ZERO);
        assert!(failed_with(&c, FailKind::Index), "len(grid[0]) comes first");
    }

    fn x_row(c: &Ctx) -> Value<'_> {
        grid(c, &[&[1, 2, 3]])
    }

    #[test]
    fn cellwise_replace_switch() {
        let c = Ctx::default();
        let a = grid(&c, &[&[1, 2], &[3, 4]]);
        let b = grid(&c, &[&[1, 0], &[3, 9]]);
        assert_eq!(dsl::cellwise(&c, a, b, SEVEN), grid(&c, &[&[1, 7], &[3, 7]]));
        let big = grid(&c, &[&[1, 2, 0], &[0, 4, 0], &[0, 0, 0]]);
        assert_eq!(dsl::cellwise(&c, a, big, ZERO), grid(&c, &[&[1, 2], &[0, 4]]));
        assert_eq!(dsl::cellwise(&c, a, a, Value::None), a, "fallback never used");
        let g = grid(&c, &[&[1, 2, 3], &[4, 5, 6]]);
        assert_eq!(dsl::replace(&c, g, FIVE, ZERO), grid(&c, &[&[1, 2, 3], &[4, 0, 6]]));
        assert_eq!(dsl::replace(&c, g, NINE, Value::None), g);
        let s = grid(&c, &[&[1, 2, 1], &[2, 3, 3]]);
        assert_eq!(dsl::switch(&c, s, ONE, TWO), grid(&c, &[&[2, 1, 2], &[1, 3, 3]]));
        assert_eq!(dsl::switch(&c, s, THREE, NINE), grid(&c, &[&[1, 2, 1], &[2, 9, 9]]));
        assert_eq!(dsl::switch(&c, s, ONE, ONE), s);
        assert!(!c.failed());
        dsl::cellwise(&c, big, a, ZERO);
        assert!(failed_with(&c, FailKind::Index), "b smaller than a");
        let c = Ctx::default();
        dsl::switch(&c, s, ORIGIN, ONE);
        assert!(failed_with(&c, FailKind::Type), "would store a tuple");
    }

    #[test]
    fn index_and_canvas() {
        let c = Ctx::default();
        let g = grid(&c, &[&[1, 2, 3], &[4, 5, 6]]);
        assert_eq!(dsl::index(&c, g, p(1, 2)), SIX);
        assert_eq!(dsl::index(&c, g, p(0, 0)), ONE);
        assert!(matches!(dsl::index(&c, g, p(2, 0)), Value::None));
        assert!(matches!(dsl::index(&c, g, p(-1, 0)), Value::None));
        assert!(matches!(dsl::index(&c, g, p(0, 3)), Value::None));
        assert_eq!(dsl::canvas(&c, FOUR, p(2, 3)), grid(&c, &[&[4, 4, 4], &[4, 4, 4]]));
        assert_eq!(dims(dsl::canvas(&c, FOUR, p(-1, 3))), (0, 0));
        assert_eq!(dims(dsl::canvas(&c, FOUR, p(2, -1))), (2, 0));
        assert!(!c.failed());
        dsl::index(&c, Value::Grid(EMPTY), p(0, 0));
        assert!(failed_with(&c, FailKind::Index));
        let c = Ctx::default();
        dsl::canvas(&c, Value::Int(-1), p(1, 1));
        assert!(failed_with(&c, FailKind::Type));
    }

    #[test]
    fn trim_halves_compress() {
        let c = Ctx::default();
        let g = grid(&c, &[&[1, 2, 3, 4], &[5, 6, 7, 8], &[9, 1, 2, 3]]);
        assert_eq!(dsl::trim(&c, g), grid(&c, &[&[6, 7]]));
        assert_eq!(dims(dsl::trim(&c, grid(&c, &[&[1, 2], &[3, 4]]))), (0, 0));
        assert_eq!(dims(dsl::trim(&c, grid(&c, &[&[1], &[2], &[3]]))), (1, 0));

        let t = grid(&c, &[&[1, 2], &[3, 4], &[5, 6]]);
        assert_eq!(dsl::tophalf(&c, t), grid(&c, &[&[1, 2]]));
        assert_eq!(dsl::bottomhalf(&c, t), grid(&c, &[&[5, 6]]), "middle row skipped");
        let f = grid(&c, &[&[1], &[2], &[3], &[4]]);
        assert_eq!(dsl::bottomhalf(&c, f), grid(&c, &[&[3], &[4]]));
        assert_eq!(dims(dsl::tophalf(&c, grid(&c, &[&[1, 2]]))), (0, 0));

        let g = grid(&c, &[&[1, 2, 3], &[4, 5, 6]]);
        assert_eq!(dsl::lefthalf(&c, g), grid(&c, &[&[1], &[4]]));
        assert_eq!(dsl::righthalf(&c, g), grid(&c, &[&[3], &[6]]), "middle column skipped");
        let e = grid(&c, &[&[1, 2, 3, 4], &[5, 6, 7, 8]]);
        assert_eq!(dsl::righthalf(&c, e), grid(&c, &[&[3, 4], &[7, 8]]));
        // Width 1: rot270(()) is (), not rows without columns.
        assert_eq!(dims(dsl::lefthalf(&c, grid(&c, &[&[1], &[2]]))), (0, 0));

        let k = grid(&c, &[&[0, 0, 0, 0], &[0, 1, 0, 2], &[0, 0, 0, 0], &[0, 3, 0, 4]]);
        assert_eq!(dsl::compress(&c, k), grid(&c, &[&[1, 2], &[3, 4]]));
        let k = grid(&c, &[&[5, 1, 5], &[5, 5, 5], &[2, 3, 5]]);
        assert_eq!(dsl::compress(&c, k), grid(&c, &[&[5, 1], &[2, 3]]));
        assert_eq!(dims(dsl::compress(&c, grid(&c, &[&[1, 2], &[1, 2]]))), (2, 0));
        assert_eq!(dims(dsl::compress(&c, grid(&c, &[&[7]]))), (0, 0));
        assert!(!c.failed());
    }

    #[test]
    fn degenerate_grids_never_panic() {
        let c = Ctx::default();
        let o = obj(&c, &[(1, (0, 0))]);
        for g in [Value::Grid(EMPTY), no_cols(1), no_cols(3), Value::Tuple(&[])] {
            for f in [
                dsl::mostcolor,
                dsl::leastcolor,
                dsl::palette,
                dsl::numcolors,
                dsl::asindices,
                dsl::asobject,
                dsl::rot90,
                dsl::rot180,
                dsl::rot270,
                dsl::hmirror,
                dsl::vmirror,
                dsl::dmirror,
                dsl::cmirror,
                dsl::trim,
                dsl::tophalf,
                dsl::bottomhalf,
                dsl::lefthalf,
                dsl::righthalf,
                dsl::compress,
            ] {
                f(&c, g);
            }
            for n in [ZERO, ONE, TWO, NEG_ONE] {
                dsl::hupscale(&c, g, n);
                dsl::vupscale(&c, g, n);
                dsl::upscale(&c, g, n);
                dsl::downscale(&c, g, n);
                dsl::hsplit(&c, g, n);
                dsl::vsplit(&c, g, n);
                dsl::colorcount(&c, g, n);
                dsl::ofcolor(&c, g, n);
            }
            dsl::crop(&c, g, p(-1, -1), p(3, 3));
            dsl::toobject(&c, o, g);
            dsl::fill(&c, g, ONE, o);
            dsl::paint(&c, g, o);
            dsl::underfill(&c, g, ONE, o);
            dsl::underpaint(&c, g, o);
            dsl::cover(&c, g, o);
            dsl::r#move(&c, g, o, UNITY);
            dsl::hconcat(&c, g, g);
            dsl::vconcat(&c, g, g);
            dsl::subgrid(&c, o, g);
            dsl::cellwise(&c, g, g, ZERO);
            dsl::replace(&c, g, ZERO, ONE);
            dsl::switch(&c, g, ZERO, ONE);
            dsl::index(&c, g, ORIGIN);
        }
    }

    fn arb_grid(max: u32) -> impl Strategy<Value = (u32, u32, Vec<u8>)> {
        (1..=max, 1..=max)
            .prop_flat_map(|(h, w)| (Just(h), Just(w), proptest::collection::vec(0u8..10, (h * w) as usize)))
    }

    fn arb_cells() -> impl Strategy<Value = Vec<(i32, (i32, i32))>> {
        proptest::collection::vec((0i32..10, (-6i32..6, -6i32..6)), 1..12)
    }

    proptest! {
        #[test]
        fn grid_symmetries((h, w, cells) in arb_grid(6)) {
            let c = Ctx::default();
            let g = Value::Grid(c.grid_from(h, w, &cells));
            for m in [dsl::hmirror, dsl::vmirror, dsl::dmirror, dsl::cmirror, dsl::rot180] {
                prop_assert_eq!(m(&c, m(&c, g)), g);
            }
            let mut r = g;
            for _ in 0..4 {
                r = dsl::rot90(&c, r);
            }
            prop_assert_eq!(r, g);
            prop_assert_eq!(dsl::rot270(&c, dsl::rot90(&c, g)), g);
            prop_assert_eq!(dsl::rot90(&c, g), dsl::vmirror(&c, dsl::dmirror(&c, g)));
            prop_assert_eq!(dsl::rot270(&c, g), dsl::hmirror(&c, dsl::dmirror(&c, g)));
            prop_assert_eq!(dsl::cmirror(&c, g), dsl::rot180(&c, dsl::dmirror(&c, g)));
            // A full grid's object is its own bounding box: patch and grid mirrors agree.
            let o = dsl::asobject(&c, g);
            for m in [dsl::hmirror, dsl::vmirror, dsl::dmirror, dsl::cmirror] {
                prop_assert_eq!(m(&c, o), dsl::asobject(&c, m(&c, g)));
            }
            prop_assert!(!c.failed());
        }

        #[test]
        fn paint_of_asobject_rebuilds_the_grid((h, w, cells) in arb_grid(6), bg in 0i32..10) {
            let c = Ctx::default();
            let g = Value::Grid(c.grid_from(h, w, &cells));
            let blank = dsl::canvas(&c, Value::Int(bg), Value::Point((h as i32, w as i32)));
            prop_assert_eq!(dsl::paint(&c, blank, dsl::asobject(&c, g)), g);
            prop_assert_eq!(dsl::toobject(&c, dsl::asindices(&c, g), g), dsl::asobject(&c, g));
            let half = (h as i32 + 1) / 2;
            let top = dsl::crop(&c, g, ORIGIN, Value::Point((half, w as i32)));
            let rest = dsl::crop(&c, g, Value::Point((half, 0)), Value::Point((h as i32, w as i32)));
            prop_assert_eq!(dsl::vconcat(&c, top, rest), g);
            prop_assert!(!c.failed());
        }

        #[test]
        fn patch_mirrors_are_involutions(cells in arb_cells(), shift in (-50i32..50, -50i32..50)) {
            let c = Ctx::default();
            let mut v = c.vec();
            v.extend(cells.iter().map(|&(col, (i, j))| Cell::new(col, (i + shift.0, j + shift.1))));
            let o = c.object(v);
            let mut v = c.vec();
            v.extend(cells.iter().map(|&(_, (i, j))| (i, j)));
            let ind = c.indices(v);
            for piece in [o, ind] {
                for m in [dsl::hmirror, dsl::vmirror, dsl::dmirror, dsl::cmirror] {
                    prop_assert_eq!(m(&c, m(&c, piece)), piece);
                }
                let composed = dsl::vmirror(&c, dsl::dmirror(&c, dsl::vmirror(&c, piece)));
                prop_assert_eq!(dsl::cmirror(&c, piece), composed);
            }
            prop_assert!(!c.failed());
        }

        /// The colour tables (16 entries, 256 in the arena, sorted pairs) against a plain count:
        /// colours in each range and across them, grids with bytes past 15.
        #[test]
        fn colour_counts_agree_with_a_plain_count(
            colours in proptest::collection::vec(prop_oneof![0i32..10, 10i32..40, 250i32..262, -3i32..0], 1..12),
            (h, w, cells) in (1u32..=5, 1u32..=5).prop_flat_map(|(h, w)| {
                (Just(h), Just(w), proptest::collection::vec(prop_oneof![0u8..10, 0u8..=255], (h * w) as usize))
            }),
        ) {
            let c = Ctx::default();
            let cs: Vec<(i32, (i32, i32))> = colours.iter().enumerate().map(|(k, &col)| (col, (0, k as i32))).collect();
            let g = Value::Grid(c.grid_from(h, w, &cells));
            let grid_colours: Vec<i32> = cells.iter().map(|&b| b as i32).collect();
            for (element, values) in [(obj(&c, &cs), colours.clone()), (g, grid_colours)] {
                let mut counts = std::collections::BTreeMap::new();
                for v in values {
                    *counts.entry(v).or_insert(0) += 1;
                }
                // Ties to the smallest: the first of the ascending colours with the extreme count.
                let most = counts.iter().fold((0, 0), |b, (&v, &k)| if k > b.1 { (v, k) } else { b }).0;
                let least = counts.iter().fold((0, u32::MAX), |b, (&v, &k)| if k < b.1 { (v, k) } else { b }).0;
                prop_assert_eq!(dsl::mostcolor(&c, element), Value::Int(most));
                prop_assert_eq!(dsl::leastcolor(&c, element), Value::Int(least));
                prop_assert_eq!(dsl::numcolors(&c, element), Value::Int(counts.len() as i32));
                let palette: Vec<Value> = counts.keys().map(|&v| Value::Int(v)).collect();
                prop_assert!(matches!(dsl::palette(&c, element), Value::Set(s) if s == palette.as_slice()));
            }
            prop_assert!(!c.failed());
        }
    }

    proptest! {
        /// `palette` of an object or a grid (the colour table written in one slice where every
        /// colour is below 16) against the sorted distinct colours: the same frozenset and steps.
        #[test]
        fn palette_is_the_sorted_distinct_colours(
            colors in proptest::collection::vec(prop_oneof![8 => 0i32..10, 1 => 10i32..300], 0..30),
            as_grid in any::<bool>(),
        ) {
            let c = Ctx::default();
            let v = if as_grid && !colors.is_empty() && colors.iter().all(|&k| k < 256) {
                let cells: Vec<u8> = colors.iter().map(|&k| k as u8).collect();
                Value::Grid(c.grid_from(1, cells.len() as u32, &cells))
            } else {
                obj(&c, &colors.iter().enumerate().map(|(j, &k)| (k, (0, j as i32))).collect::<Vec<_>>())
            };
            let got = palette(&c, v).unwrap();
            let want: std::collections::BTreeSet<i32> = colors.iter().copied().collect();
            let mut w = c.vec();
            w.extend(want.into_iter().map(Value::Int));
            prop_assert_eq!(got, c.set(w));
            prop_assert_eq!(c.steps(), colors.len() as u64);
        }
    }

    proptest! {
        /// `asobject` (written row by row into one slice) against the grid's cells pushed in
        /// reverse and made canonical by `Ctx::object`: the same object, one step per cell.
        #[test]
        fn asobject_is_every_cell_in_raster_order(
            (h, cells) in (0u32..6).prop_flat_map(|h| (Just(h), proptest::collection::vec(0u8..12, (h as usize) * 5))),
        ) {
            let c = Ctx::default();
            let w = if h == 0 { 0 } else { 5 };
            let g = c.grid_from(h, w, &cells);
            let got = asobject(&c, Value::Grid(g)).unwrap();
            let mut v = c.vec();
            for p in (0..cells.len()).rev() {
                v.push(Cell::new(cells[p] as i32, ((p / 5) as i32, (p % 5) as i32)));
            }
            prop_assert_eq!(got, c.object(v));
            prop_assert_eq!(c.steps(), cells.len() as u64);
        }
    }
}
