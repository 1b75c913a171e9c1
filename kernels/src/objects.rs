//! Segmentation: `objects`, `partition`, `fgpartition`, `frontiers`, `occurrences`.
//! Mirrored by `cuda/objects.cuh`.
//!
//! Connected components are found as runs of cells along each row, joined to the runs above them
//! by a union-find kept in the sample's arena (no recursion, no allocation per cell), whose root is
//! a component's earliest run: the components come out in the canonical order of objects (by first
//! cell), and writing the runs in raster order gives every object's cells already sorted.

use bumpalo::collections::Vec as BVec;

use crate::value::{fail, Cell, Ctx, FailKind, Grid, GridTables, Res, Value};

/// [`grid_mostcolor`], counted once for a grid looked into again (`Ctx::last_bg`).
pub(crate) fn grid_bg_in(c: &Ctx, g: &Grid) -> Option<u8> {
    let key = (g.cells.as_ptr() as usize, g.cells.len());
    let (ptr, len, bg) = c.last_bg.get();
    if (ptr, len) == key && len > 0 {
        return bg;
    }
    let bg = grid_mostcolor(g);
    c.last_bg.set((key.0, key.1, bg));
    bg
}

/// Python's `mostcolor` of a grid: the most frequent colour, ties to the smallest; `None` when the
/// grid has no cells (Python's `max` of an empty sequence raises).
pub(crate) fn grid_mostcolor(g: &Grid) -> Option<u8> {
    // Tables as small as the colours allow (ARC's are below 16): clearing 4 KiB per call cost more
    // than counting a small grid.
    let top = *g.cells.iter().max()? as usize;
    if top < 16 {
        most_counted::<16>(g.cells, top)
    } else {
        most_counted::<256>(g.cells, top)
    }
}

/// The most frequent value of `cells` (all at most `top < N`), ties to the smallest.
fn most_counted<const N: usize>(cells: &[u8], top: usize) -> Option<u8> {
    // Four histograms in turn: a run of one colour (most of a grid) does not wait on its own count.
    let mut n = [[0u32; N]; 4];
    let mut quads = cells.chunks_exact(4);
    for q in &mut quads {
        for (h, &x) in n.iter_mut().zip(q) {
            h[x as usize % N] += 1;
        }
    }
    for &x in quads.remainder() {
        n[0][x as usize % N] += 1;
    }
    let mut best = None;
    let mut count = 0;
    let [n0, n1, n2, n3] = &n;
    for (k, m) in (0..=top).map(|k| (k, n0[k] + n1[k] + n2[k] + n3[k])) {
        if m > count {
            count = m;
            best = Some(k as u8);
        }
    }
    best
}

const UNLABELLED: u32 = u32::MAX;

/// The objects of a grid: connected components (4-connected, or 8-connected with `diagonal`) of
/// cells of the seed's colour (`univalued`) or of any colour; with `without_bg` the most common
/// colour (ties: the smallest) is background and belongs to no object, otherwise every cell
/// belongs to one (a multicolour, background-included call puts each connected grid in one object).
/// An empty grid fails, as Python does (`mostcolor` of nothing, or `grid[0]` of `()`).
pub fn objects<'a>(
    c: &'a Ctx,
    grid: Value<'a>,
    univalued: Value<'a>,
    diagonal: Value<'a>,
    without_bg: Value<'a>,
) -> Res<'a> {
    const WHAT: &str = "objects";
    let g = grid.grid(c, WHAT)?;
    let (univalued, diagonal, without_bg) = (univalued.truthy(), diagonal.truthy(), without_bg.truthy());
    let bg = if without_bg {
        match grid_bg_in(c, &g) {
            Some(b) => Some(b),
            None => return fail(FailKind::Empty, WHAT),
        }
    } else {
        None
    };
    if g.h == 0 {
        return fail(FailKind::Index, WHAT);
    }
    let (h, w) = (g.h as usize, g.w as usize);
    let n = h * w;
    if n == 0 {
        return Ok(Value::Set(&[]));
    }
    let dirs = if diagonal { 8 } else { 4 };
    c.step((n * dirs) as u64, WHAT)?;

    // Runs of joined cells along each row, joined to the runs of the row above that they touch by
    // a union-find whose root is the earliest run: the components come out numbered by their first
    // cell, and each object's cells in raster order, at a cost per run rather than per cell.
    let joins = |a: u8, b: u8| if univalued { a == b } else { Some(b) != bg };
    let reach = diagonal as u32;
    let mut runs: BVec<Run> = c.vec_with(n);
    let mut parent: BVec<u32> = c.vec_with(n);
    let mut above = 0..0;
    for (i, row) in g.cells.chunks_exact(w).enumerate() {
        let here = runs.len();
        let mut j = 0;
        while j < w {
            let x = row[j];
            if Some(x) == bg {
                j += 1;
                continue;
            }
            let start = j;
            j += 1;
            while j < w && joins(x, row[j]) {
                j += 1;
            }
            let r = runs.len() as u32;
            runs.push(Run { row: i as u32, start: start as u32, end: j as u32, colour: x });
            parent.push(r);
            // Runs of the row above ending before this one starts (less the diagonal step) touch
            // no later run of this row either.
            while above.start < above.end && runs[above.start].end + reach <= start as u32 {
                above.start += 1;
            }
            let mut q = above.start;
            while q < above.end && runs[q].start < j as u32 + reach {
                if !univalued || runs[q].colour == x {
                    union(&mut parent, q as u32, r);
                }
                q += 1;
            }
        }
        above = here..runs.len();
    }
    // Components numbered by their first run; sizes summed over their runs.
    let mut id: BVec<u32> = c.vec_with(runs.len());
    let mut sizes: BVec<u32> = c.vec();
    for r in 0..runs.len() {
        let root = find(&mut parent, r as u32) as usize;
        let k = if root == r {
            sizes.push(0);
            sizes.len() as u32 - 1
        } else {
            id[root]
        };
        id.push(k);
        sizes[k as usize] += runs[r].end - runs[r].start;
    }
    place_objects(c, &sizes, WHAT, |out, at| {
        for (run, &k) in runs.iter().zip(id.iter()) {
            let at = &mut at[k as usize];
            let row = &g.cells[run.row as usize * w..];
            for j in run.start..run.end {
                out[*at as usize] = Cell { i: run.row as i32, j: j as i32, color: row[j as usize] as i32 };
                *at += 1;
            }
        }
    })
}

/// Objects of `sizes` cells each, in that order, in one new buffer: `write` puts each object's cells
/// in order through its cursor (`at[k]`: where object `k`'s next cell goes in `out`).
fn place_objects<'a>(
    c: &'a Ctx,
    sizes: &[u32],
    what: &'static str,
    write: impl FnOnce(&mut [Cell], &mut [u32]),
) -> Res<'a> {
    if sizes.is_empty() {
        return Ok(Value::Set(&[]));
    }
    let total: usize = sizes.iter().map(|&s| s as usize).sum();
    c.check_items(total, what)?;
    let mut at: BVec<u32> = c.vec_with(sizes.len());
    let mut acc = 0u32;
    for &s in sizes {
        at.push(acc);
        acc += s;
    }
    let out: &mut [Cell] = c.arena().alloc_slice_fill_copy(total, Cell::default());
    write(out, &mut at);
    let out: &'a [Cell] = out;
    let mut objs = c.vec_with(sizes.len());
    let mut start = 0usize;
    for &s in sizes {
        objs.push(Value::Object(&out[start..start + s as usize]));
        start += s as usize;
    }
    Ok(Value::Set(objs.into_bump_slice()))
}

/// A run of joined cells in one row of a grid: columns `start..end`, the first cell's colour.
#[derive(Clone, Copy)]
struct Run {
    row: u32,
    start: u32,
    end: u32,
    colour: u8,
}

/// The root of `x`'s set (the earliest run of its component), halving the path on the way.
fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// Joins the sets of `a` and `b` under the earlier root.
fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    let (lo, hi) = (ra.min(rb), ra.max(rb));
    parent[hi as usize] = lo;
}

/// The objects of a labelling (`label[p]` is the component of cell `p`, components numbered in the
/// order of their first cell; `UNLABELLED` cells belong to none): one raster pass writes each
/// object's cells in sorted order.
fn components<'a>(c: &'a Ctx, g: Grid<'a>, label: &[u32], sizes: &[u32], what: &'static str) -> Res<'a> {
    let w = g.w as usize;
    place_objects(c, sizes, what, |out, at| {
        for (i, (row, labels)) in g.cells.chunks_exact(w).zip(label.chunks_exact(w)).enumerate() {
            for (j, (&l, &color)) in labels.iter().zip(row).enumerate() {
                if l != UNLABELLED {
                    let slot = &mut at[l as usize];
                    out[*slot as usize] = Cell { i: i as i32, j: j as i32, color: color as i32 };
                    *slot += 1;
                }
            }
        }
    })
}

/// One object per colour of the grid (all its cells of that colour), leaving out `skip`.
fn color_objects<'a>(c: &'a Ctx, g: Grid<'a>, skip: Option<u8>, what: &'static str) -> Res<'a> {
    let n = g.cells.len();
    c.step(n as u64, what)?;
    // Colours numbered by first appearance in raster order: the canonical order of their objects.
    let mut id = [UNLABELLED; 256];
    let mut sizes: BVec<u32> = c.vec();
    for &x in g.cells {
        if Some(x) == skip {
            continue;
        }
        let k = &mut id[x as usize];
        if *k == UNLABELLED {
            *k = sizes.len() as u32;
            sizes.push(0);
        }
        sizes[*k as usize] += 1;
    }
    let label: &mut [u32] = c.arena().alloc_slice_fill_copy(n, UNLABELLED);
    for (l, &x) in label.iter_mut().zip(g.cells) {
        *l = id[x as usize];
    }
    components(c, g, label, &sizes, what)
}

/// `partition`: one object per colour present in the grid (empty grid: no objects).
pub fn partition<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "partition")?;
    color_objects(c, g, None, "partition")
}

/// `fgpartition`: one object per colour except the most common one (ties: the smallest colour is
/// left out). An empty grid fails (Python's `mostcolor` of nothing).
pub fn fgpartition<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    let g = grid.grid(c, "fgpartition")?;
    let Some(bg) = grid_bg_in(c, &g) else {
        return fail(FailKind::Empty, "fgpartition");
    };
    color_objects(c, g, Some(bg), "fgpartition")
}

/// `occurrences`: the offsets `(i, j)` at which the normalised object lies exactly on the grid
/// (every cell of it on a cell of the same colour). An empty object occurs at every `(i, j)` of
/// `range(h + 1) x range(w + 1)`. A non-empty `Indices` has no colours: Python fails as soon as it
/// tries an offset, so it fails here when there is one to try (and yields nothing otherwise).
pub fn occurrences<'a>(c: &'a Ctx, grid: Value<'a>, obj: Value<'a>) -> Res<'a> {
    const WHAT: &str = "occurrences";
    let g = grid.grid(c, WHAT)?;
    if g.h == 0 {
        return fail(FailKind::Index, WHAT);
    }
    let (h, w) = (g.h as i64, g.w as i64);
    let patch = obj.patch(WHAT)?;
    let (oh, ow, top, left) = match patch.bounds() {
        None => (0, 0, 0, 0),
        Some((u, l, d, r)) => (d as i64 - u as i64 + 1, r as i64 - l as i64 + 1, u, l),
    };
    let (h2, w2) = (h - oh + 1, w - ow + 1);
    if h2 <= 0 || w2 <= 0 {
        return Ok(Value::Set(&[]));
    }
    let cells = match obj {
        Value::Indices(_) => return fail(FailKind::Type, WHAT),
        _ => obj.cells(WHAT)?,
    };
    // A filled box of one colour (`asobject` of a canvas: a64e4611 searches hundreds per sample)
    // as `oh >= 2` rows of `ow` cells: the runs below would be its rows (one run per row, as the
    // box is narrower than the grid), so it is searched as such without reading them.
    if let Some(first) = cells.first() {
        if let Ok(col) = u8::try_from(first.color) {
            if cells.len() as i64 == oh * ow
                && oh >= 2
                && ow < w
                && cells.iter().all(|x| x.color == first.color)
            {
                let mut grid_tables = c.grid_tables();
                grid_tables.select(g.cells);
                return filled_box_search(c, g, &mut grid_tables, (ow as usize, col, oh as usize), (h2, w2));
            }
        }
    }
    // The normalised object as runs of one colour at consecutive offsets of the grid buffer
    // (offset, length, colour, table), in the object's order; a colour no grid cell can have means no
    // occurrence at all. Every offset stays inside the grid for every tried position.
    let mut runs: BVec<(usize, usize, u8, usize)> = c.vec_with(cells.len());
    for x in cells {
        let Ok(col) = u8::try_from(x.color) else {
            return Ok(Value::Set(&[]));
        };
        let (a, b) = (x.i as i64 - top as i64, x.j as i64 - left as i64);
        let off = (a * w + b) as usize;
        match runs.last_mut() {
            Some((start, len, k, _)) if *k == col && *start + *len == off => *len += 1,
            _ => runs.push((off, 1, col, NO_TABLE)),
        }
    }
    // A long run is checked in one read per position: a table per colour holds, for every grid
    // offset, how many cells of that colour follow in the buffer (kept in `c` for the next call on
    // the same grid, `GridTables`); short runs compare their cells directly. Either way the same
    // matching prefix is found, so the work charged below is the same as comparing cell by cell.
    let mut grid_tables = c.grid_tables();
    grid_tables.select(g.cells);
    for run in runs.iter_mut().filter(|run| run.1 >= LONG_RUN) {
        run.3 = grid_tables.run_lengths(g.cells, run.2);
    }
    // A filled box of one colour (rows of equal runs, one grid row apart; a64e4611 searches 243 per
    // sample): the box rows table gives each row's work at once, and the rows table (how many rows
    // of the box match from a position) its matches, in rows where the box fits somewhere: the
    // same matches and work, charged row by row, as comparing cell by cell.
    let filled = runs.len() >= 2
        && runs
            .iter()
            .enumerate()
            .all(|(r, run)| (run.0, run.1, run.2) == (r * w as usize, runs[0].1, runs[0].2));
    let total = (h2 as usize).saturating_mul(w2 as usize);
    if cells.is_empty() {
        c.check_items(total, WHAT)?;
    }
    if filled {
        return filled_box_search(c, g, &mut grid_tables, (runs[0].1, runs[0].2, runs.len()), (h2, w2));
    }
    let mut out: BVec<(i32, i32)> = c.vec();
    let tables = grid_tables.data();
    for i in 0..h2 {
        // Work: one unit per position plus one per cell compared, up to the first mismatch.
        let mut work = w2 as u64;
        for j in 0..w2 {
            let base = (i * w + j) as usize;
            let mut hit = true;
            for &(off, len, col, table) in runs.iter() {
                let at = base + off;
                let matching = if table == NO_TABLE {
                    g.cells[at..at + len].iter().position(|&x| x != col).unwrap_or(len)
                } else {
                    (tables[table + at] as usize).min(len)
                };
                if matching < len {
                    work += matching as u64 + 1;
                    hit = false;
                    break;
                }
                work += len as u64;
            }
            if hit {
                out.push((i as i32, j as i32));
            }
        }
        c.step(work, WHAT)?;
    }
    // Raster order of offsets: already sorted.
    Ok(c.indices_sorted(out))
}

/// `occurrences` of a filled box of colour `col`, `len` wide and `height >= 2` tall (narrower than
/// the grid), at the `h2 x w2` positions where it fits in `g`: the box rows table gives each row's
/// work and number of matches at once, and the rows table (how many rows of the box match from a
/// position) the matches, in rows where the box fits somewhere: the same matches and work as
/// comparing cell by cell, charged at once where the budget has room for it all, else row by row.
/// `tables` are [selected](GridTables::select) for `g`.
fn filled_box_search<'a>(
    c: &'a Ctx,
    g: Grid<'a>,
    tables: &mut GridTables,
    (len, col, height): (usize, u8, usize),
    (h2, w2): (i64, i64),
) -> Res<'a> {
    let (w, h) = (g.w as usize, g.h as usize);
    let box_rows = tables.box_rows(g.cells, w, col, len);
    let rows = tables.rows_at_least(g.cells, w, col, len);
    let (data, box_data) = (tables.data(), tables.box_data());
    let (h2, w2) = (h2 as usize, w2 as usize);
    let stride = 2 * h + 1;
    let table = box_data[box_rows..][..h2 * stride].chunks_exact(stride);
    // The work and the matches of all rows: charged at once where the budget has room for it all,
    // else row by row up to the row where it runs out (same steps either way).
    let (mut total, mut found) = (0u64, 0u64);
    for row in table.clone() {
        let (work, fit) = GridTables::box_row(row, h, height);
        total += work;
        found += fit;
    }
    if c.status().is_none() && total <= c.limits.max_steps.saturating_sub(c.steps()) {
        c.step(total, "occurrences")?;
    } else {
        for row in table.clone() {
            c.step(GridTables::box_row(row, h, height).0, "occurrences")?;
        }
    }
    if found == 0 {
        return Ok(Value::Set(&[]));
    }
    let out: &mut [(i32, i32)] = c.arena().alloc_slice_fill_copy(found as usize, (0, 0));
    let mut next = 0;
    for (i, row) in table.enumerate() {
        if GridTables::box_row(row, h, height).1 == 0 {
            continue;
        }
        for (j, &r) in data[rows + i * w..][..w2].iter().enumerate() {
            if r as usize >= height {
                out[next] = (i as i32, j as i32);
                next += 1;
            }
        }
    }
    debug_assert_eq!(next, out.len());
    Ok(Value::Indices(out))
}

/// Runs of `occurrences` at least this long are checked through a table instead of cell by cell.
const LONG_RUN: usize = 4;
/// A run of `occurrences` without a table.
const NO_TABLE: usize = usize::MAX;

/// `frontiers`: every row and every column of a single colour, as an object (a row and a column
/// that are the same set of cells, in a 1x1 grid, count once). An empty grid fails like Python.
pub fn frontiers<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    const WHAT: &str = "frontiers";
    let g = grid.grid(c, WHAT)?;
    if g.h == 0 {
        return fail(FailKind::Index, WHAT);
    }
    let (h, w) = (g.h as usize, g.w as usize);
    c.step(g.cells.len() as u64, WHAT)?;
    let mut rows: BVec<u32> = c.vec();
    if w > 0 {
        rows.extend((0..h as u32).filter(|&i| {
            let r = g.row(i as usize);
            r.iter().all(|&x| x == r[0])
        }));
    }
    let mut cols: BVec<u32> = c.vec();
    cols.extend((0..w as u32).filter(|&j| {
        let x = g.cells[j as usize];
        (0..h).all(|i| g.cells[i * w + j as usize] == x)
    }));
    let total = rows.len() * w + cols.len() * h;
    c.check_items(total, WHAT)?;
    let mut objs = c.vec_with(rows.len() + cols.len());
    let mk = |i: usize, j: usize| Cell { i: i as i32, j: j as i32, color: g.cells[i * w + j] as i32 };
    for &i in rows.iter() {
        let mut o = c.vec_with(w);
        o.extend((0..w).map(|j| mk(i as usize, j)));
        objs.push(Value::Object(o.into_bump_slice()));
    }
    for &j in cols.iter() {
        let mut o = c.vec_with(h);
        o.extend((0..h).map(|i| mk(i, j as usize)));
        objs.push(Value::Object(o.into_bump_slice()));
    }
    Ok(c.set(objs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constants::*;
    use crate::dsl;
    use crate::value::Limits;
    use std::collections::BTreeSet;

    /// Expected objects: each as a list of `(i, j, colour)` in raster order, objects in canonical
    /// order (by first cell).
    type Expect<'e> = &'e [&'e [(i32, i32, i32)]];

    fn objs_of<'a>(c: &'a Ctx, expect: Expect) -> Value<'a> {
        let mut set = c.vec();
        for o in expect {
            let mut v = c.vec();
            v.extend(o.iter().map(|&(i, j, k)| Cell::new(k, (i, j))));
            set.push(c.object(v));
        }
        c.set(set)
    }

    /// Checks the result cell by cell (and that it is canonical: a `Set` of sorted objects).
    fn check(v: Value, expect: Expect) {
        let Value::Set(objs) = v else { panic!("not a set: {v:?}") };
        assert_eq!(objs.len(), expect.len(), "{v:?}");
        for (o, e) in objs.iter().zip(expect) {
            let Value::Object(cells) = o else { panic!("not an object: {o:?}") };
            let got: Vec<_> = cells.iter().map(|x| (x.i, x.j, x.color)).collect();
            assert_eq!(&got[..], *e, "{v:?}");
        }
    }

    // 1 1 0 2
    // 0 2 0 2
    // 3 0 2 0      (colour 0 is the most common: 5 cells)
    const G: [u8; 12] = [1, 1, 0, 2, 0, 2, 0, 2, 3, 0, 2, 0];

    #[test]
    fn objects_univalued_direct_without_bg() {
        let c = Ctx::default();
        let g = Value::Grid(c.grid_from(3, 4, &G));
        let r = dsl::objects(&c, g, T, F, T);
        check(
            r,
            &[&[(0, 0, 1), (0, 1, 1)], &[(0, 3, 2), (1, 3, 2)], &[(1, 1, 2)], &[(2, 0, 3)], &[(2, 2, 2)]],
        );
        assert!(!c.failed());
    }

    #[test]
    fn objects_univalued_diagonal_without_bg() {
        let c = Ctx::default();
        let g = Value::Grid(c.grid_from(3, 4, &G));
        check(
            dsl::objects(&c, g, T, T, T),
            &[&[(0, 0, 1), (0, 1, 1)], &[(0, 3, 2), (1, 1, 2), (1, 3, 2), (2, 2, 2)], &[(2, 0, 3)]],
        );
    }

    #[test]
    fn objects_univalued_direct_with_bg() {
        let c = Ctx::default();
        let g = Value::Grid(c.grid_from(3, 4, &G));
        check(
            dsl::objects(&c, g, T, F, F),
            &[
                &[(0, 0, 1), (0, 1, 1)],
                &[(0, 2, 0), (1, 2, 0)],
                &[(0, 3, 2), (1, 3, 2)],
                &[(1, 0, 0)],
                &[(1, 1, 2)],
                &[(2, 0, 3)],
                &[(2, 1, 0)],
                &[(2, 2, 2)],
                &[(2, 3, 0)],
            ],
        );
    }

    #[test]
    fn objects_univalued_diagonal_with_bg() {
        let c = Ctx::default();
        let g = Value::Grid(c.grid_from(3, 4, &G));
        check(
            dsl::objects(&c, g, T, T, F),
            &[
                &[(0, 0, 1), (0, 1, 1)],
                &[(0, 2, 0), (1, 0, 0), (1, 2, 0), (2, 1, 0), (2, 3, 0)],
                &[(0, 3, 2), (1, 1, 2), (1, 3, 2), (2, 2, 2)],
                &[(2, 0, 3)],
            ],
        );
    }

    #[test]
    fn objects_multicolour_without_bg() {
        let c = Ctx::default();
        let g = Value::Grid(c.grid_from(3, 4, &G));
        check(
            dsl::objects(&c, g, F, F, T),
            &[&[(0, 0, 1), (0, 1, 1), (1, 1, 2)], &[(0, 3, 2), (1, 3, 2)], &[(2, 0, 3)], &[(2, 2, 2)]],
        );
        check(
            dsl::objects(&c, g, F, T, T),
            &[&[(0, 0, 1), (0, 1, 1), (0, 3, 2), (1, 1, 2), (1, 3, 2), (2, 0, 3), (2, 2, 2)]],
        );
    }

    #[test]
    fn objects_multicolour_with_bg_is_the_whole_grid() {
        let c = Ctx::default();
        let g = Value::Grid(c.grid_from(3, 4, &G));
        let all: Vec<(i32, i32, i32)> = (0..12).map(|p| (p / 4, p % 4, G[p as usize] as i32)).collect();
        check(dsl::objects(&c, g, F, F, F), &[&all]);
        check(dsl::objects(&c, g, F, T, F), &[&all]);
        assert!(!c.failed());
    }

    #[test]
    fn objects_background_ties_go_to_the_smallest_colour() {
        let c = Ctx::default();
        // 1 2 / 2 1: two of each, so 1 is the background.
        let g = Value::Grid(c.grid_from(2, 2, &[1, 2, 2, 1]));
        check(dsl::objects(&c, g, T, F, T), &[&[(0, 1, 2)], &[(1, 0, 2)]]);
        check(dsl::objects(&c, g, T, T, T), &[&[(0, 1, 2), (1, 0, 2)]]);
        // 5 3: the background is 3 although 5 comes first.
        let g = Value::Grid(c.grid_from(1, 2, &[5, 3]));
        check(dsl::objects(&c, g, T, F, T), &[&[(0, 0, 5)]]);
        check(dsl::fgpartition(&c, g), &[&[(0, 0, 5)]]);
        assert!(!c.failed());
    }

    #[test]
    fn objects_of_small_and_empty_grids() {
        let c = Ctx::default();
        let one = Value::Grid(c.grid_from(1, 1, &[4]));
        check(dsl::objects(&c, one, T, F, F), &[&[(0, 0, 4)]]);
        assert!(matches!(dsl::objects(&c, one, T, F, T), Value::Set(&[])));
        // A grid given as a tuple of rows.
        let rows = Value::Tuple(c.slice(&[Value::Point((7, 7)), Value::Point((0, 7))]));
        check(dsl::objects(&c, rows, T, F, F), &[&[(0, 0, 7), (0, 1, 7), (1, 1, 7)], &[(1, 0, 0)]]);
        check(dsl::objects(&c, rows, T, F, T), &[&[(1, 0, 0)]]);
        // Rows without columns: no cells, no objects (but no most common colour either).
        let thin = Value::Grid(Grid { h: 2, w: 0, cells: &[] });
        assert!(matches!(dsl::objects(&c, thin, T, F, F), Value::Set(&[])));
        assert!(!c.failed());
        dsl::objects(&c, thin, T, F, T);
        assert_eq!(c.status().unwrap().kind, FailKind::Empty);
        let c = Ctx::default();
        dsl::objects(&c, Value::Tuple(&[]), T, F, F);
        assert_eq!(c.status().unwrap().kind, FailKind::Index);
    }

    /// The DSL's algorithm, followed literally with ordered sets (slow, obviously right).
    fn naive_objects(
        g: &[Vec<u8>],
        univalued: bool,
        diagonal: bool,
        without_bg: bool,
    ) -> BTreeSet<Vec<(i32, i32, i32)>> {
        let (h, w) = (g.len() as i32, g[0].len() as i32);
        let bg = without_bg.then(|| {
            let mut n = [0; 256];
            g.iter().flatten().for_each(|&x| n[x as usize] += 1);
            (0..256).rev().max_by_key(|&k| n[k]).unwrap() as u8
        });
        let mut occupied = BTreeSet::new();
        let mut out = BTreeSet::new();
        for i in 0..h {
            for j in 0..w {
                let val = g[i as usize][j as usize];
                if occupied.contains(&(i, j)) || Some(val) == bg {
                    continue;
                }
                let mut obj = BTreeSet::new();
                let mut cands = BTreeSet::from([(i, j)]);
                while !cands.is_empty() {
                    let mut next = BTreeSet::new();
                    for &(a, b) in &cands {
                        let v = g[a as usize][b as usize];
                        let ok = if univalued { v == val } else { Some(v) != bg };
                        if !ok {
                            continue;
                        }
                        obj.insert((a, b, v as i32));
                        occupied.insert((a, b));
                        for da in -1..=1i32 {
                            for db in -1..=1i32 {
                                let d = da.abs() + db.abs();
                                if d == 0 || (d == 2 && !diagonal) {
                                    continue;
                                }
                                let (x, y) = (a + da, b + db);
                                if 0 <= x && x < h && 0 <= y && y < w && !occupied.contains(&(x, y)) {
                                    next.insert((x, y));
                                }
                            }
                        }
                    }
                    cands = next;
                }
                out.insert(obj.into_iter().collect());
            }
        }
        out
    }

    #[test]
    fn objects_match_the_literal_algorithm_on_random_grids() {
        let mut rnd = crate::value::test_rng(0x2545_f491_4f6c_dd1du64);
        let mut c = Ctx::default();
        for round in 0..400 {
            // Small grids, and larger ones with longer runs and more runs per row.
            let span = if round % 2 == 0 { 7 } else { 16 };
            let (h, w) = (1 + rnd(span) as usize, 1 + rnd(span) as usize);
            let colours = 1 + rnd(4);
            let g: Vec<Vec<u8>> = (0..h).map(|_| (0..w).map(|_| rnd(colours) as u8).collect()).collect();
            let flat: Vec<u8> = g.iter().flatten().copied().collect();
            for flags in 0..8 {
                let (u, d, b) = (flags & 1 != 0, flags & 2 != 0, flags & 4 != 0);
                c.reset();
                let grid = Value::Grid(c.grid_from(h as u32, w as u32, &flat));
                let got = dsl::objects(&c, grid, Value::Bool(u), Value::Bool(d), Value::Bool(b));
                let want = naive_objects(&g, u, d, b);
                let expect: Vec<Vec<(i32, i32, i32)>> = want.into_iter().collect();
                let mut sorted = expect.clone();
                // Canonical order: by first cell in raster order.
                sorted.sort_by_key(|o| (o[0].0, o[0].1));
                let refs: Vec<&[(i32, i32, i32)]> = sorted.iter().map(|o| &o[..]).collect();
                check(got, &refs);
                assert_eq!(got, objs_of(&c, &refs));
            }
        }
    }

    #[test]
    fn partition_and_fgpartition() {
        let c = Ctx::default();
        let g = Value::Grid(c.grid_from(3, 4, &G));
        let zeros: &[(i32, i32, i32)] = &[(0, 2, 0), (1, 0, 0), (1, 2, 0), (2, 1, 0), (2, 3, 0)];
        let ones: &[(i32, i32, i32)] = &[(0, 0, 1), (0, 1, 1)];
        let twos: &[(i32, i32, i32)] = &[(0, 3, 2), (1, 1, 2), (1, 3, 2), (2, 2, 2)];
        let threes: &[(i32, i32, i32)] = &[(2, 0, 3)];
        check(dsl::partition(&c, g), &[ones, zeros, twos, threes]);
        check(dsl::fgpartition(&c, g), &[ones, twos, threes]);
        let flat = Value::Grid(c.grid_from(2, 2, &[6; 4]));
        check(dsl::partition(&c, flat), &[&[(0, 0, 6), (0, 1, 6), (1, 0, 6), (1, 1, 6)]]);
        assert!(matches!(dsl::fgpartition(&c, flat), Value::Set(&[])));
        assert!(matches!(dsl::partition(&c, Value::Tuple(&[])), Value::Set(&[])));
        assert!(!c.failed());
        dsl::fgpartition(&c, Value::Tuple(&[]));
        assert_eq!(c.status().unwrap().kind, FailKind::Empty);
    }

    #[test]
    fn frontiers_rows_and_columns() {
        let c = Ctx::default();
        // 1 1 1
        // 2 1 3
        // 4 1 4
        let g = Value::Grid(c.grid_from(3, 3, &[1, 1, 1, 2, 1, 3, 4, 1, 4]));
        check(
            dsl::frontiers(&c, g),
            &[&[(0, 0, 1), (0, 1, 1), (0, 2, 1)], &[(0, 1, 1), (1, 1, 1), (2, 1, 1)]],
        );
        // 1x1: the row and the column are one object.
        let one = Value::Grid(c.grid_from(1, 1, &[5]));
        check(dsl::frontiers(&c, one), &[&[(0, 0, 5)]]);
        // Bottom row and last column.
        let g = Value::Grid(c.grid_from(2, 2, &[1, 3, 3, 3]));
        check(dsl::frontiers(&c, g), &[&[(0, 1, 3), (1, 1, 3)], &[(1, 0, 3), (1, 1, 3)]]);
        let none = Value::Grid(c.grid_from(2, 2, &[1, 2, 3, 4]));
        assert!(matches!(dsl::frontiers(&c, none), Value::Set(&[])));
        assert!(!c.failed());
        dsl::frontiers(&c, Value::Tuple(&[]));
        assert_eq!(c.status().unwrap().kind, FailKind::Index);
    }

    fn pts<'a>(c: &'a Ctx, p: &[(i32, i32)]) -> Value<'a> {
        let mut v = c.vec();
        v.extend_from_slice(p);
        c.indices(v)
    }

    #[test]
    fn occurrences_exact_matches_up_to_the_border() {
        let c = Ctx::default();
        // 1 2 1 2
        // 0 1 2 0
        let g = Value::Grid(c.grid_from(2, 4, &[1, 2, 1, 2, 0, 1, 2, 0]));
        // Given away from the origin: normalised first.
        let o = objs_of(&c, &[&[(5, 5, 1), (5, 6, 2)]]);
        let Value::Set([o]) = o else { unreachable!() };
        assert_eq!(dsl::occurrences(&c, g, *o), pts(&c, &[(0, 0), (0, 2), (1, 1)]));
        // A hole in the bounding box is not looked at.
        let diag = objs_of(&c, &[&[(0, 0, 1), (1, 1, 1)]]);
        let Value::Set([diag]) = diag else { unreachable!() };
        assert_eq!(dsl::occurrences(&c, g, *diag), pts(&c, &[(0, 0)]));
        // Negative coordinates.
        let neg = objs_of(&c, &[&[(-3, -3, 0), (-3, -2, 1)]]);
        let Value::Set([neg]) = neg else { unreachable!() };
        assert_eq!(dsl::occurrences(&c, g, *neg), pts(&c, &[(1, 0)]));
        // Taller than the grid: nowhere.
        let tall = objs_of(&c, &[&[(0, 0, 1), (2, 0, 1)]]);
        let Value::Set([tall]) = tall else { unreachable!() };
        assert!(matches!(dsl::occurrences(&c, g, *tall), Value::Set(&[])));
        // The empty object occurs at every (i, j) of range(h + 1) x range(w + 1).
        let all = dsl::occurrences(&c, g, Value::Set(&[]));
        assert!(matches!(all, Value::Indices(p) if p.len() == 15 && p[14] == (2, 4)));
        // The whole grid occurs once, at the origin.
        let whole: Vec<(i32, i32, i32)> = [1, 2, 1, 2, 0, 1, 2, 0]
            .iter()
            .enumerate()
            .map(|(p, &k)| (p as i32 / 4, p as i32 % 4, k))
            .collect();
        let w = objs_of(&c, &[&whole]);
        let Value::Set([w]) = w else { unreachable!() };
        assert_eq!(dsl::occurrences(&c, g, *w), pts(&c, &[(0, 0)]));
        assert!(!c.failed());
        // Indices have no colours: Python fails as soon as an offset is tried.
        dsl::occurrences(&c, g, pts(&c, &[(0, 0)]));
        assert_eq!(c.status().unwrap().kind, FailKind::Type);
        let c = Ctx::default();
        dsl::occurrences(&c, Value::Tuple(&[]), Value::Set(&[]));
        assert_eq!(c.status().unwrap().kind, FailKind::Index);
    }

    #[test]
    fn occurrences_match_a_brute_force_check() {
        let c = Ctx::default();
        let g: [u8; 20] = [1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 2, 1, 1];
        let grid = Value::Grid(c.grid_from(4, 5, &g));
        // 1 1 / 2 1 (the object's own colours, normalised at the origin).
        let o = objs_of(&c, &[&[(0, 0, 1), (0, 1, 1), (1, 0, 2), (1, 1, 1)]]);
        let Value::Set([o]) = o else { unreachable!() };
        let mut want = Vec::new();
        for i in 0..3 {
            for j in 0..4 {
                let at = |a: usize, b: usize| g[(i + a) * 5 + j + b];
                if at(0, 0) == 1 && at(0, 1) == 1 && at(1, 0) == 2 && at(1, 1) == 1 {
                    want.push((i as i32, j as i32));
                }
            }
        }
        assert!(!want.is_empty());
        assert_eq!(dsl::occurrences(&c, grid, *o), pts(&c, &want));
    }

    /// `occurrences` cell by cell in the object's order, with the work it charges: one unit per
    /// position plus one per cell compared, up to the first mismatch.
    fn naive_occurrences(g: &[Vec<u8>], cells: &[(i32, i32, i32)]) -> (Vec<(i32, i32)>, u64) {
        let (h, w) = (g.len() as i32, g[0].len() as i32);
        let oh = cells.iter().map(|c| c.0).max().unwrap() + 1;
        let ow = cells.iter().map(|c| c.1).max().unwrap() + 1;
        let (mut found, mut work) = (Vec::new(), 0);
        for i in 0..=h - oh {
            for j in 0..=w - ow {
                work += 1;
                let mismatch =
                    cells.iter().position(|&(a, b, k)| g[(i + a) as usize][(j + b) as usize] as i32 != k);
                match mismatch {
                    Some(m) => work += m as u64 + 1,
                    None => {
                        work += cells.len() as u64;
                        found.push((i, j));
                    }
                }
            }
        }
        (found, work)
    }

    #[test]
    fn occurrences_and_their_steps_match_the_cell_by_cell_check() {
        let mut rnd = crate::value::test_rng(0x9e37_79b9_7f4a_7c15u64);
        let mut c = Ctx::default();
        for _ in 0..2000 {
            let (h, w) = (1 + rnd(12) as usize, 1 + rnd(12) as usize);
            let colours = 1 + rnd(3);
            let g: Vec<Vec<u8>> = (0..h).map(|_| (0..w).map(|_| rnd(colours) as u8).collect()).collect();
            let flat: Vec<u8> = g.iter().flatten().copied().collect();
            // Mostly filled boxes (long runs, up to full rows), some with holes and other colours.
            let (oh, ow) = (1 + rnd(h as u64) as i32, 1 + rnd(w as u64) as i32);
            let base = rnd(colours) as i32;
            let holes = rnd(3) == 0;
            let mut cells: Vec<(i32, i32, i32)> = Vec::new();
            for a in 0..oh {
                for b in 0..ow {
                    if holes && rnd(4) == 0 && !(a == 0 && b == 0) && !(a == oh - 1 && b == ow - 1) {
                        continue;
                    }
                    let k = if rnd(8) == 0 { rnd(colours) as i32 } else { base };
                    cells.push((a, b, k));
                }
            }
            c.reset();
            let grid = Value::Grid(c.grid_from(h as u32, w as u32, &flat));
            let obj = objs_of(&c, &[&cells]);
            let Value::Set([obj]) = obj else { unreachable!() };
            let before = c.steps();
            let got = dsl::occurrences(&c, grid, *obj);
            let charged = c.steps() - before;
            let (want, work) = naive_occurrences(&g, &cells);
            assert_eq!(got, pts(&c, &want), "grid {g:?} object {cells:?}");
            assert_eq!(charged, work, "grid {g:?} object {cells:?}");
        }
    }

    #[test]
    fn filled_boxes_of_every_size_on_one_grid_match_the_cell_by_cell_check() {
        // As a64e4611 searches: many boxes on the same grid, whose tables are kept between calls;
        // then the same cells read as a grid of another width (its tables must not be reused).
        let mut rnd = crate::value::test_rng(0x5851_f42d_4c95_7f2du64);
        let c = Ctx::default();
        for (h, w) in [(9, 11), (11, 9), (1, 99), (99, 1)] {
            let g: Vec<Vec<u8>> =
                (0..h).map(|_| (0..w).map(|_| if rnd(5) == 0 { 1 } else { 0 }).collect()).collect();
            let flat: Vec<u8> = g.iter().flatten().copied().collect();
            let grid = Value::Grid(c.grid_from(h as u32, w as u32, &flat));
            for colour in [0, 1] {
                for oh in 1..=h.min(12) {
                    for ow in 1..=w.min(12) {
                        let cells: Vec<(i32, i32, i32)> =
                            (0..oh).flat_map(|a| (0..ow).map(move |b| (a, b, colour))).collect();
                        // Given away from the origin: normalised first.
                        let away: Vec<(i32, i32, i32)> =
                            cells.iter().map(|&(a, b, k)| (a + 3, b - 2, k)).collect();
                        let obj = objs_of(&c, &[&away]);
                        let Value::Set([obj]) = obj else { unreachable!() };
                        // Twice: the second search reads the tables the first one made.
                        for _ in 0..2 {
                            let before = c.steps();
                            let got = dsl::occurrences(&c, grid, *obj);
                            let charged = c.steps() - before;
                            let (want, work) = naive_occurrences(&g, &cells);
                            assert_eq!(got, pts(&c, &want), "{h}x{w} box {oh}x{ow} of {colour}");
                            assert_eq!(charged, work, "{h}x{w} box {oh}x{ow} of {colour}");
                        }
                    }
                }
            }
        }
        assert!(!c.failed());
    }

    #[test]
    fn filled_boxes_past_the_budget_stop_at_the_row_a_cell_by_cell_search_does() {
        // The box search charges all rows at once where the budget has room, else row by row: on
        // random grids, boxes and budgets (with steps already spent), the steps and the failure are
        // those of charging the cell-by-cell work row by row.
        let mut rnd = crate::value::test_rng(0x2545_f491_4f6c_dd1du64);
        let mut c = Ctx::default();
        for _ in 0..3000 {
            let (h, w) = (2 + rnd(12) as usize, 2 + rnd(12) as usize);
            let g: Vec<Vec<u8>> =
                (0..h).map(|_| (0..w).map(|_| if rnd(4) == 0 { 1 } else { 0 }).collect()).collect();
            let flat: Vec<u8> = g.iter().flatten().copied().collect();
            let (oh, ow) = (2 + rnd(h as u64 - 1) as i32, 1 + rnd(w as u64 - 1) as i32);
            let colour = rnd(2) as i32;
            let cells: Vec<(i32, i32, i32)> =
                (0..oh).flat_map(|a| (0..ow).map(move |b| (a, b, colour))).collect();
            // The work of each row of positions, cell by cell.
            let rows: Vec<u64> = (0..=h as i32 - oh)
                .map(|i| {
                    let row: Vec<Vec<u8>> = g[i as usize..(i + oh) as usize].to_vec();
                    naive_occurrences(&row, &cells).1
                })
                .collect();
            let (want, work) = naive_occurrences(&g, &cells);
            assert_eq!(work, rows.iter().sum::<u64>());
            let spent = rnd(50);
            let budget = spent + rnd(work + 3);
            for searches in 1..=2 {
                c.limits.max_steps = budget + if searches == 2 { work } else { 0 };
                c.reset();
                let grid = Value::Grid(c.grid_from(h as u32, w as u32, &flat));
                let obj = objs_of(&c, &[&cells]);
                let Value::Set([obj]) = obj else { unreachable!() };
                c.step(spent, "test").unwrap();
                if searches == 2 {
                    // A first search that fits, making the tables the second one reads.
                    assert_eq!(dsl::occurrences(&c, grid, *obj), pts(&c, &want));
                }
                let before = c.steps();
                let got = dsl::occurrences(&c, grid, *obj);
                // Row by row: each row's work added, failing at the first row past the budget.
                let mut steps = before;
                let mut failed = false;
                for &r in &rows {
                    steps += r;
                    if steps > c.limits.max_steps {
                        failed = true;
                        break;
                    }
                }
                assert_eq!(c.steps(), steps, "{g:?} box {oh}x{ow} of {colour}, budget {budget}");
                assert_eq!(c.failed(), failed, "{g:?} box {oh}x{ow} of {colour}, budget {budget}");
                if !failed {
                    assert_eq!(got, pts(&c, &want));
                }
                // Once failed, a further search charges nothing.
                if failed {
                    let at = c.steps();
                    dsl::occurrences(&c, grid, *obj);
                    assert_eq!(c.steps(), at);
                }
            }
        }
    }

    #[test]
    fn a_box_searched_again_past_the_budget_stops_where_a_first_search_does() {
        // 0 0 0 0 0 / 0 0 1 0 0 / 0 0 0 0 0 / 0 1 0 0 0, searched for a 2x2 box of 0.
        let grid_cells: [u8; 20] = [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0];
        let search = |c: &Ctx| {
            let grid = Value::Grid(c.grid_from(4, 5, &grid_cells));
            let obj = objs_of(c, &[&[(0, 0, 0), (0, 1, 0), (1, 0, 0), (1, 1, 0)]]);
            let Value::Set([obj]) = obj else { unreachable!() };
            dsl::occurrences(c, grid, *obj);
        };
        let work = {
            let c = Ctx::default();
            search(&c);
            c.steps()
        };
        for left in 0..work {
            // A first search with `left` steps of budget fails at some row, with some count...
            let first = Ctx::new(Limits { max_steps: left, ..Limits::default() });
            search(&first);
            assert_eq!(first.status().map(|f| f.kind), Some(FailKind::Steps));
            // ...and a repeated search with `left` steps left fails at the same row, same count.
            let again = Ctx::new(Limits { max_steps: work + left, ..Limits::default() });
            search(&again);
            assert!(!again.failed());
            search(&again);
            assert_eq!(again.status().map(|f| f.kind), Some(FailKind::Steps));
            assert_eq!(again.steps(), work + first.steps(), "{left} steps left");
        }
        // With the whole budget left, the repeat succeeds and charges the same work.
        let c = Ctx::new(Limits { max_steps: 2 * work, ..Limits::default() });
        search(&c);
        search(&c);
        assert!(!c.failed());
        assert_eq!(c.steps(), 2 * work);
    }

    #[test]
    fn odd_inputs_fail_instead_of_panicking() {
        let mut c = Ctx::default();
        for k in 0..9 {
            for m in 0..9 {
                c.reset();
                let sample = |k: usize| match k {
                    0 => Value::None,
                    1 => ONE,
                    2 => Value::Grid(Grid { h: 0, w: 0, cells: &[] }),
                    3 => Value::Grid(Grid { h: 3, w: 0, cells: &[] }),
                    4 => Value::Grid(c.grid_from(1, 1, &[0])),
                    5 => objs_of(&c, &[&[(-1, -1, 300), (-1, -1, 2)]]),
                    6 => pts(&c, &[(4, 4)]),
                    7 => Value::Set(&[]),
                    _ => Value::Tuple(c.slice(&[Value::Point((1, 2)), Value::Tuple(&[])])),
                };
                let (g, o) = (sample(k), sample(m));
                for flags in 0..8 {
                    let b = |f: i32| Value::Bool(flags & f != 0);
                    dsl::objects(&c, g, b(1), b(2), b(4));
                }
                dsl::partition(&c, g);
                dsl::fgpartition(&c, g);
                dsl::frontiers(&c, g);
                dsl::occurrences(&c, g, o);
                if let Value::Set([x]) = o {
                    dsl::occurrences(&c, g, *x);
                }
            }
        }
    }

    proptest::proptest! {
        /// The background counted once per grid: against a fresh count for every call, over grids
        /// looked into in any order (equal ones at other addresses, prefixes of one buffer, colours
        /// past 15), and over samples (a reset puts new grids where the old ones were).
        #[test]
        fn a_grid_background_looked_into_again_is_its_count(
            samples in proptest::collection::vec(
                (proptest::collection::vec(proptest::collection::vec(
                    proptest::prop_oneof![0u8..3, 0u8..20], 1..40), 1..4),
                 proptest::collection::vec((0usize..4, 0usize..40), 1..12)),
                1..4),
        ) {
            let mut c = Ctx::default();
            for (grids, looks) in &samples {
                c.reset();
                let made: Vec<Grid> = grids.iter().map(|g| c.grid_from(1, g.len() as u32, g)).collect();
                for &(k, cut) in looks {
                    let g = made[k % made.len()];
                    let n = cut.min(g.cells.len());
                    let g = Grid { h: 1, w: n as u32, cells: &g.cells[..n] };
                    proptest::prop_assert_eq!(grid_bg_in(&c, &g), grid_mostcolor(&g));
                }
            }
        }
    }

    #[test]
    fn a_reset_forgets_the_background_of_the_grid_that_was_there() {
        let mut c = Ctx::default();
        let first = c.grid_from(1, 3, &[1, 1, 1]);
        let at = first.cells.as_ptr();
        assert_eq!(grid_bg_in(&c, &first), Some(1));
        c.reset();
        let second = c.grid_from(1, 3, &[2, 2, 2]);
        assert_eq!(second.cells.as_ptr(), at, "the arena puts the new grid where the old one was");
        assert_eq!(grid_bg_in(&c, &second), Some(2));
    }
}
