//! Rules for tasks whose outputs differ in shape from their inputs, read off the demonstrations in
//! plain Rust and written as grid-layer templates only where they rebuild every demonstration
//! output (so they cost the layer one template each, and only on the tasks they fit):
//! - [`block_substitution`]: each input cell becomes a block of `kh` x `kw` cells, a fixed pattern
//!   per input colour (a colour's cells all turn into the same little picture), painted as shifted
//!   copies of that pattern at the scaled positions of the colour's cells;
//! - [`block_picks`]: the input (or its `compress`ion) cut into a grid of `n` x `m` blocks, and the
//!   block with the strictly most or fewest colours, or cells of one colour (a compartment between
//!   lines picked by a property), as `argmax(merge(apply(rbind(hsplit, M), vsplit(X, N))), key)`;
//! - [`laid_out_objects`]: the objects of the input (all of them, those with a hole, those
//!   without), each in its own box of one common shape, laid side by side in the order of their
//!   position: left to right, top to bottom, or along the way they are spread out in the input
//!   (`branch` on the width and height of their union);
//! - [`run_dedupes`]: runs of equal consecutive rows and/or columns cut to one (arc-dsl's `dedupe`
//!   drops every repeat), each row paired with the one above it and the equal pairs dropped;
//! - [`quadrant_objects`]: four objects of one box shape moved to the corners of a 2 x 2 canvas
//!   (a gap of 0 or 1 between), each to the corner its center takes against the center of their
//!   union;
//! - [`counted_tilings`]: a part repeated as often as a count of the input;
//! - [`counted_fills`]: runs of fixed colours (or of the least common one) laid along the rows,
//!   columns or diagonal of a fixed canvas, each as long as a count of the input;
//! - [`looked_up_outputs`]: a few fixed outputs, picked by a colour property of the input (a
//!   `branch` chain), or two of them split by a count against a threshold ([`split_outputs`]);
//! - [`odd_objects`]: the object whose picture no other repeats (or the picture most share);
//! - [`bar_charts`]: a bar per colour or hollow object, as long as a count of it, sorted;
//! - [`stencil_copies`]: the largest object drawn once per single cell, in its colour, laid out;
//! - [`nested_rings`]: the parts of the input as concentric square outlines, ranked by their sides;
//! - [`crate::regions`]: the colours of speckled rectangular regions, as a grid.
//!
//! The Rust checks mirror the kernels' definitions (arc-dsl's `objects`, `hsplit`...) closely enough
//! to pick the template; the layer evaluates it through the kernels, and the interpreter checks the
//! rendered program on every demonstration, as for every other template.

use crate::rules::blocks;
use crate::rules::most_color;
use crate::{GridData, COLORS};

/// The rules of this module for one task (`tests`: the test inputs, whose colours a per-colour
/// rule must know).
pub fn extract_rules(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    if !changes_shape(train) {
        return Vec::new();
    }
    let mut out = Vec::new();
    out.extend(block_substitution(train, tests));
    out.extend(block_picks(train));
    out.extend(laid_out_objects(train));
    out.extend(run_dedupes(train));
    out.extend(quadrant_objects(train));
    out.extend(counted_tilings(train));
    out.extend(counted_fills(train));
    out.extend(looked_up_outputs(train, tests));
    out.extend(odd_objects(train));
    out.extend(bar_charts(train));
    out.extend(stencil_copies(train));
    out.extend(nested_rings(train));
    out
}

/// Whether some demonstration's output has another shape than its input: the tasks this module's
/// rules (and `tallies`' and `regions'`, which build on its helpers) are for.
pub(crate) fn changes_shape(train: &[(GridData, GridData)]) -> bool {
    train.iter().any(|(i, o)| (i.h, i.w) != (o.h, o.w))
}

/// The DSL constant naming `n`, for 0 to 10.
pub(crate) fn number(n: usize) -> Option<&'static str> {
    match n {
        0..=9 => Some(COLORS[n]),
        10 => Some("TEN"),
        _ => None,
    }
}

/// A constant grid as DSL text: rows of one-row canvases (one per run of a colour) side by side,
/// stacked. Sides up to 10.
fn grid_text(g: &GridData) -> Option<String> {
    let colour = |c: u8| COLORS[c as usize % 10];
    if g.cells.iter().all(|&c| c == g.cells[0]) {
        return Some(format!("canvas({}, astuple({}, {}))", colour(g.cells[0]), number(g.h)?, number(g.w)?));
    }
    let mut rows = Vec::new();
    for r in 0..g.h {
        let row = &g.cells[r * g.w..(r + 1) * g.w];
        let mut text: Option<String> = None;
        let mut k = 0;
        while k < row.len() {
            let run = row[k..].iter().take_while(|&&c| c == row[k]).count();
            let piece = format!("canvas({}, astuple(ONE, {}))", colour(row[k]), number(run)?);
            text = Some(match text {
                None => piece,
                Some(t) => format!("hconcat({t}, {piece})"),
            });
            k += run;
        }
        rows.push(text?);
    }
    rows.into_iter().reduce(|a, b| format!("vconcat({a}, {b})"))
}

/// When every output is its input scaled by the same whole factors `kh` down and `kw` across (at
/// most 5 each) and every block of an output is a pattern fixed by the colour of its input cell
/// (the same pattern wherever that colour is, on every demonstration; some pattern not of one
/// colour, each such pattern seen at least twice; every colour of the test inputs with a
/// pattern): those patterns painted at the scaled positions of each colour's cells over a canvas
/// of the outputs' most common colour.
pub fn block_substitution(train: &[(GridData, GridData)], tests: &[GridData]) -> Option<String> {
    let (i0, o0) = train.first()?;
    if i0.h == 0 || i0.w == 0 || o0.h % i0.h != 0 || o0.w % i0.w != 0 {
        return None;
    }
    let (kh, kw) = (o0.h / i0.h, o0.w / i0.w);
    if kh * kw < 2 || kh > 5 || kw > 5 || !train.iter().all(|(i, o)| o.h == i.h * kh && o.w == i.w * kw) {
        return None;
    }
    let mut patterns: [Option<GridData>; 10] = Default::default();
    let mut seen = [0usize; 10];
    for (i, o) in train {
        for r in 0..i.h {
            for c in 0..i.w {
                let colour = i.cells[r * i.w + c] as usize % 10;
                let cells = (0..kh).flat_map(|a| (0..kw).map(move |b| (r * kh + a) * o.w + c * kw + b));
                let block = GridData { h: kh, w: kw, cells: cells.map(|k| o.cells[k]).collect() };
                match &patterns[colour] {
                    Some(p) if *p != block => return None,
                    Some(_) => {}
                    None => patterns[colour] = Some(block),
                }
                seen[colour] += 1;
            }
        }
    }
    let uniform = |p: &GridData| p.cells.iter().all(|&c| c == p.cells[0]);
    let varied: Vec<usize> = (0..10).filter(|&c| patterns[c].as_ref().is_some_and(|p| !uniform(p))).collect();
    if varied.is_empty() || varied.iter().any(|&c| seen[c] < 2) {
        return None;
    }
    if tests.iter().any(|t| t.cells.iter().any(|&c| patterns[c as usize % 10].is_none())) {
        return None;
    }
    let mut counts = [0usize; 10];
    train.iter().for_each(|(_, o)| o.cells.iter().for_each(|&c| counts[c as usize % 10] += 1));
    let z = (0..10).rev().max_by_key(|&c| counts[c]).unwrap_or(0);
    let k = format!("astuple({}, {})", number(kh)?, number(kw)?);
    let mut g = format!("canvas({}, multiply(shape(X), {k}))", COLORS[z]);
    for (c, p) in patterns.iter().enumerate() {
        let Some(p) = p else { continue };
        if uniform(p) && p.cells[0] as usize == z {
            continue;
        }
        g = format!(
            "paint({g}, mapply(lbind(shift, asobject({})), apply(rbind(multiply, {k}), ofcolor(X, {}))))",
            grid_text(p)?,
            COLORS[c]
        );
    }
    Some(g)
}

/// arc-dsl's `compress`: the grid without its rows and columns of one colour.
pub(crate) fn compress(g: &GridData) -> GridData {
    let at = |r: usize, c: usize| g.cells[r * g.w + c];
    let rows: Vec<usize> = (0..g.h).filter(|&r| (0..g.w).any(|c| at(r, c) != at(r, 0))).collect();
    let cols: Vec<usize> = (0..g.w).filter(|&c| (0..g.h).any(|r| at(r, c) != at(0, c))).collect();
    let cells = rows.iter().flat_map(|&r| cols.iter().map(move |&c| at(r, c))).collect();
    GridData { h: rows.len(), w: cols.len(), cells }
}

/// A key a block is picked by.
type Key = (String, Box<dyn Fn(&GridData) -> usize>);

/// When every output is one of the `n` x `m` blocks its input (or the input's `compress`ion) is
/// cut into (`vsplit` into rows, each row `hsplit`; one separator cell between blocks where a side
/// does not divide), of the same `n` and `m` on every demonstration: the block with strictly the
/// most or the fewest colours, or cells of one colour, where that is the output on every
/// demonstration. (Single rows or columns of parts of the input itself are [`crate::grids`]'s
/// picked parts.)
pub fn block_picks(train: &[(GridData, GridData)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_colors = [false; 10];
    train.iter().for_each(|(i, _)| i.cells.iter().for_each(|&c| in_colors[c as usize % 10] = true));
    let mut keys: Vec<Key> = vec![(
        "numcolors".to_string(),
        Box::new(|g: &GridData| {
            let mut s = [false; 10];
            g.cells.iter().for_each(|&c| s[c as usize % 10] = true);
            s.iter().filter(|&&x| x).count()
        }),
    )];
    for c in (0..10u8).filter(|&c| in_colors[c as usize]) {
        keys.push((
            format!("rbind(colorcount, {})", COLORS[c as usize]),
            Box::new(move |g: &GridData| g.cells.iter().filter(|&&x| x == c).count()),
        ));
    }
    // The blocks between lines, counted on each input: one more than its full rows, and columns,
    // of one colour.
    let lines = |g: &GridData, across: bool| {
        let (a, b) = if across { (g.h, g.w) } else { (g.w, g.h) };
        let at = |x: usize, y: usize| if across { g.cells[x * g.w + y] } else { g.cells[y * g.w + x] };
        (0..a).filter(|&x| (0..b).all(|y| at(x, y) == at(x, 0))).count()
    };
    let counted: Vec<(usize, usize)> =
        train.iter().map(|(i, _)| (lines(i, true) + 1, lines(i, false) + 1)).collect();
    let mut splits: Vec<(bool, usize, usize)> =
        (1..=9).flat_map(|n| (1..=9).map(move |m| (false, n, m))).collect();
    if counted.iter().any(|&c| c != counted[0]) {
        splits.push((true, 0, 0));
    }
    for squeeze in [false, true] {
        let sources: Vec<GridData> =
            train.iter().map(|(i, _)| if squeeze { compress(i) } else { i.clone() }).collect();
        if squeeze && sources.iter().zip(train).all(|(s, (i, _))| s == i) {
            continue;
        }
        let source = if squeeze { "compress(X)" } else { "X" };
        for &(by_count, n, m) in &splits {
            if !by_count && (n * m < 2 || (!squeeze && (n == 1 || m == 1))) {
                continue;
            }
            // (Compressed, the lines are gone: counted blocks only of the input itself.)
            if by_count && squeeze {
                continue;
            }
            let Some(parts): Option<Vec<Vec<GridData>>> = sources
                .iter()
                .zip(&counted)
                .map(|(s, &(cn, cm))| if by_count { blocks(s, cn, cm) } else { blocks(s, n, m) })
                .collect()
            else {
                continue;
            };
            let fits = train.iter().zip(&parts).all(|((_, o), ps)| ps.contains(o));
            if !fits {
                continue;
            }
            let split = match (n, m) {
                _ if by_count => "merge(apply(rbind(hsplit, increment(size(sfilter(frontiers(X), vline)))), \
                         vsplit(X, increment(size(sfilter(frontiers(X), hline))))))"
                    .to_string(),
                (1, m) => format!("hsplit({source}, {})", COLORS[m]),
                (n, 1) => format!("vsplit({source}, {})", COLORS[n]),
                (n, m) => {
                    format!("merge(apply(rbind(hsplit, {}), vsplit({source}, {})))", COLORS[m], COLORS[n])
                }
            };
            for (text, key) in &keys {
                for most in [true, false] {
                    let picks = train.iter().zip(&parts).all(|((_, o), ps)| {
                        let vals: Vec<usize> = ps.iter().map(key).collect();
                        let best = if most { vals.iter().max() } else { vals.iter().min() };
                        let at: Vec<usize> = (0..vals.len()).filter(|&k| Some(&vals[k]) == best).collect();
                        at.len() == 1 && ps[at[0]] == *o
                    });
                    if picks {
                        let by = if most { "argmax" } else { "argmin" };
                        out.push(format!("{by}({split}, {text})"));
                    }
                }
            }
        }
    }
    out
}

/// An object of a grid: its cells (row, column, colour) and its box.
pub(crate) struct Obj {
    pub(crate) cells: Vec<(usize, usize, u8)>,
    top: usize,
    left: usize,
    h: usize,
    w: usize,
}

/// The objects of `g` as arc-dsl's `objects(g, univalued, diagonal, T)` finds them (the background
/// is the most common colour, the smallest on a tie).
pub(crate) fn objects_of(g: &GridData, univalued: bool, diagonal: bool) -> Vec<Obj> {
    let bg = most_color(g);
    let joins = |k: usize, m: usize| if univalued { g.cells[m] == g.cells[k] } else { g.cells[m] != bg };
    let groups = crate::rules::flood(g, diagonal, |k| g.cells[k] != bg, joins);
    groups
        .into_iter()
        .map(|group| {
            let cells: Vec<(usize, usize, u8)> =
                group.iter().map(|&k| (k / g.w, k % g.w, g.cells[k])).collect();
            let top = cells.iter().map(|x| x.0).min().unwrap_or(0);
            let left = cells.iter().map(|x| x.1).min().unwrap_or(0);
            let h = cells.iter().map(|x| x.0).max().unwrap_or(0) + 1 - top;
            let w = cells.iter().map(|x| x.1).max().unwrap_or(0) + 1 - left;
            Obj { cells, top, left, h, w }
        })
        .collect()
}

/// When every output is a crop of its input: the object (multi-coloured, 8- or 4-connected) with
/// the most or fewest cells of one input colour, where on every demonstration every object with
/// that count has the output as its box (a tie between objects of other boxes is the order's
/// accident, not a pick).
pub fn counted_crops(train: &[(GridData, GridData)], in_colors: &[bool; 10]) -> Vec<String> {
    let mut out = Vec::new();
    for diagonal in [true, false] {
        let all: Vec<Vec<Obj>> = train.iter().map(|(i, _)| objects_of(i, false, diagonal)).collect();
        let objs = format!("objects(X, F, {}, T)", if diagonal { "T" } else { "F" });
        for c in (0..10u8).filter(|&c| in_colors[c as usize]) {
            for most in [true, false] {
                let fits = train.iter().zip(&all).all(|((i, o), os)| {
                    let n: Vec<usize> =
                        os.iter().map(|x| x.cells.iter().filter(|p| p.2 == c).count()).collect();
                    let best = if most { n.iter().max() } else { n.iter().min() };
                    best.is_some()
                        && os.iter().zip(&n).filter(|(_, k)| Some(*k) == best).all(|(x, _)| crop(i, x) == *o)
                });
                if fits {
                    let by = if most { "argmax" } else { "argmin" };
                    out.push(format!("subgrid({by}({objs}, rbind(colorcount, {})), X)", COLORS[c as usize]));
                }
            }
        }
    }
    out
}

/// The box of `x` cut out of `g` (arc-dsl's `subgrid`).
fn crop(g: &GridData, x: &Obj) -> GridData {
    let cells =
        (0..x.h).flat_map(|r| (0..x.w).map(move |c| g.cells[(x.top + r) * g.w + x.left + c])).collect();
    GridData { h: x.h, w: x.w, cells }
}

/// Which objects [`laid_out_objects`] keeps.
type ObjFilter = fn(&Obj) -> bool;

/// How [`laid_out_objects`] lays objects out.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// Left to right, by leftmost column.
    Across,
    /// Top to bottom, by uppermost row.
    Down,
    /// Across where their union is wider than tall, else down.
    Spread,
}

/// The objects `objs` of `g` laid out (`None` where there are none, their boxes differ in shape,
/// or two share the position they are ordered by).
fn lay_out(g: &GridData, objs: &[&Obj], layout: Layout) -> Option<GridData> {
    let first = objs.first()?;
    let (h, w) = (first.h, first.w);
    if objs.iter().any(|o| (o.h, o.w) != (h, w)) {
        return None;
    }
    let across = match layout {
        Layout::Across => true,
        Layout::Down => false,
        Layout::Spread => {
            let span = |f: fn(&(usize, usize, u8)) -> usize| {
                let all = objs.iter().flat_map(|o| o.cells.iter().map(f));
                let (lo, hi) = all.fold((usize::MAX, 0), |(lo, hi), x| (lo.min(x), hi.max(x)));
                hi + 1 - lo
            };
            span(|x| x.1) > span(|x| x.0)
        }
    };
    let mut order: Vec<&&Obj> = objs.iter().collect();
    order.sort_by_key(|o| if across { o.left } else { o.top });
    let key = |o: &Obj| if across { o.left } else { o.top };
    if order.windows(2).any(|p| key(p[0]) == key(p[1])) {
        return None;
    }
    let n = order.len();
    let (oh, ow) = if across { (h, w * n) } else { (h * n, w) };
    let mut cells = vec![most_color(g); oh * ow];
    for (k, o) in order.iter().enumerate() {
        let (dr, dc) = if across { (0, k * w) } else { (k * h, 0) };
        for &(r, c, colour) in &o.cells {
            cells[(r - o.top + dr) * ow + c - o.left + dc] = colour;
        }
    }
    Some(GridData { h: oh, w: ow, cells })
}

/// When the outputs are the input's objects (all of them, those with a hole in their box, or those
/// without; under the four `objects` settings) laid side by side in one box shape they all share,
/// in the order of their position, left to right, top to bottom, or along the way they spread
/// (every demonstration with at least one, some with two): that layout, written with `order`,
/// `papply(shift, ...)` over the normalized objects, and `branch` for the spread.
pub fn laid_out_objects(train: &[(GridData, GridData)]) -> Vec<String> {
    let mut out = Vec::new();
    // All objects, those with a hole in their box, those without.
    let filters: [(&str, ObjFilter); 3] = [
        ("{S}", |_| true),
        ("sfilter({S}, compose(positive, compose(size, delta)))", |o| o.h * o.w > o.cells.len()),
        ("sfilter({S}, compose(flip, compose(positive, compose(size, delta))))", |o| {
            o.h * o.w == o.cells.len()
        }),
    ];
    for (univalued, diagonal) in [(true, false), (true, true), (false, false), (false, true)] {
        let all: Vec<Vec<Obj>> = train.iter().map(|(i, _)| objects_of(i, univalued, diagonal)).collect();
        let setting = format!(
            "objects(X, {}, {}, T)",
            if univalued { "T" } else { "F" },
            if diagonal { "T" } else { "F" }
        );
        for (filter, keep) in filters {
            let picked: Vec<Vec<&Obj>> =
                all.iter().map(|os| os.iter().filter(|o| keep(o)).collect()).collect();
            if picked.iter().any(|p| p.is_empty()) || picked.iter().all(|p| p.len() < 2) {
                continue;
            }
            let s = filter.replace("{S}", &setting);
            for layout in [Layout::Across, Layout::Down, Layout::Spread] {
                let fits = train
                    .iter()
                    .zip(&picked)
                    .all(|((i, o), p)| lay_out(i, p, layout).is_some_and(|g| g == *o));
                if !fits {
                    continue;
                }
                // The spread where the fixed directions do not both fit already.
                let across = laid_text(&s, true);
                let down = laid_text(&s, false);
                out.push(match layout {
                    Layout::Across => across,
                    Layout::Down => down,
                    Layout::Spread => {
                        format!("branch(greater(width(merge({s})), height(merge({s}))), {across}, {down})")
                    }
                });
                break;
            }
        }
    }
    out
}

/// The objects `s` laid out across or down in the order of their leftmost column or uppermost
/// row, over the input's most common colour.
fn laid_text(s: &str, across: bool) -> String {
    let o = format!("order({s}, {})", if across { "leftmost" } else { "uppermost" });
    let (dims, step) = if across {
        (
            format!("astuple(height(first({o})), multiply(width(first({o})), size({o})))"),
            format!("astuple(ZERO, width(first({o})))"),
        )
    } else {
        (
            format!("astuple(multiply(height(first({o})), size({o})), width(first({o})))"),
            format!("astuple(height(first({o})), ZERO)"),
        )
    };
    format!(
        "paint(canvas(mostcolor(X), {dims}), merge(papply(shift, apply(normalize, {o}), \
         apply(lbind(multiply, {step}), interval(ZERO, size({o}), ONE)))))"
    )
}

/// `g` without the rows (`rows`) or columns that repeat the one just before them.
pub(crate) fn squeeze_runs(g: &GridData, rows: bool) -> GridData {
    let (a, b) = if rows { (g.h, g.w) } else { (g.w, g.h) };
    let at = |x: usize, y: usize| if rows { g.cells[x * g.w + y] } else { g.cells[y * g.w + x] };
    let kept: Vec<usize> = (0..a).filter(|&x| x == 0 || (0..b).any(|y| at(x, y) != at(x - 1, y))).collect();
    if rows {
        let cells = kept.iter().flat_map(|&r| (0..g.w).map(move |c| at(r, c))).collect();
        GridData { h: kept.len(), w: g.w, cells }
    } else {
        let cells = (0..g.h).flat_map(|r| kept.iter().map(move |&c| at(c, r))).collect();
        GridData { h: g.h, w: kept.len(), cells }
    }
}

/// The rows of the grid `g` (DSL text) that differ from the row before them: each row paired with
/// the one above it (a row of the non-colour 10 above the first), the pairs of equal rows dropped.
pub(crate) fn squeeze_text(g: &str) -> String {
    format!(
        "apply(first, sfilter(pair({g}, vconcat(canvas(TEN, astuple(ONE, width({g}))), {g})), \
         compose(flip, fork(equality, first, last))))"
    )
}

/// When every output is its input with each run of equal consecutive rows, or columns, or both,
/// cut to one (arc-dsl's `dedupe` drops every repeat, these only the adjacent ones; some
/// demonstration changes): that squeeze, rows through `pair` with the grid shifted down one row,
/// columns the same under `dmirror`.
pub fn run_dedupes(train: &[(GridData, GridData)]) -> Vec<String> {
    let mut out = Vec::new();
    for (rows, cols) in [(true, true), (true, false), (false, true)] {
        let fits = train.iter().all(|(i, o)| {
            let mut g = i.clone();
            if rows {
                g = squeeze_runs(&g, true);
            }
            if cols {
                g = squeeze_runs(&g, false);
            }
            g == *o
        });
        if !fits {
            continue;
        }
        let mut t = "X".to_string();
        if rows {
            t = squeeze_text(&t);
        }
        if cols {
            t = format!("dmirror({})", squeeze_text(&format!("dmirror({t})")));
        }
        out.push(t);
        break;
    }
    out
}

/// arc-dsl's `center` of the cells `cells`: the middle of their box, rounded up and left.
fn center_of<'a>(cells: impl Iterator<Item = &'a (usize, usize, u8)> + Clone) -> (usize, usize) {
    let (r0, r1) = cells.clone().fold((usize::MAX, 0), |(lo, hi), x| (lo.min(x.0), hi.max(x.0)));
    let (c0, c1) = cells.fold((usize::MAX, 0), |(lo, hi), x| (lo.min(x.1), hi.max(x.1)));
    (r0 + (r1 + 1 - r0) / 2, c0 + (c1 + 1 - c0) / 2)
}

/// When every output is four objects of the input, of the box shape `h` x `w` every output's
/// quarter has (the outputs' shape fixed: `2h + g` x `2w + g`, a gap `g` of 0 or 1), each moved
/// to the corner its position takes among them: below the middle of their union (arc-dsl's
/// `center`) when its own center is, right of it likewise; one object per corner on every
/// demonstration, over the input's most common colour.
pub fn quadrant_objects(train: &[(GridData, GridData)]) -> Vec<String> {
    let (_, o0) = &train[0];
    if train.iter().any(|(_, o)| (o.h, o.w) != (o0.h, o0.w)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for gap in [0, 1] {
        if o0.h < 2 + gap || o0.w < 2 + gap || (o0.h - gap) % 2 != 0 || (o0.w - gap) % 2 != 0 {
            continue;
        }
        let (h, w) = ((o0.h - gap) / 2, (o0.w - gap) / 2);
        for (univalued, diagonal) in [(true, true), (true, false), (false, true), (false, false)] {
            let fits = train.iter().all(|(i, o)| {
                let objs: Vec<Obj> =
                    objects_of(i, univalued, diagonal).into_iter().filter(|x| (x.h, x.w) == (h, w)).collect();
                if objs.len() != 4 {
                    return false;
                }
                let mid = center_of(objs.iter().flat_map(|x| x.cells.iter()));
                let mut cells = vec![most_color(i); o.h * o.w];
                let mut taken = [false; 4];
                for x in &objs {
                    let (cr, cc) = center_of(x.cells.iter());
                    let (below, right) = (cr > mid.0, cc > mid.1);
                    let slot = usize::from(below) * 2 + usize::from(right);
                    if std::mem::replace(&mut taken[slot], true) {
                        return false;
                    }
                    let (dr, dc) = (usize::from(below) * (h + gap), usize::from(right) * (w + gap));
                    for &(r, c, colour) in &x.cells {
                        cells[(r - x.top + dr) * o.w + c - x.left + dc] = colour;
                    }
                }
                cells == o.cells
            });
            if !fits {
                continue;
            }
            let (Some(nh), Some(nw), Some(sh), Some(sw), Some(oh), Some(ow)) =
                (number(h), number(w), number(h + gap), number(w + gap), number(o0.h), number(o0.w))
            else {
                return out;
            };
            let flag = |b: bool| if b { "T" } else { "F" };
            let s = format!(
                "sfilter(objects(X, {}, {}, T), compose(rbind(equality, astuple({nh}, {nw})), shape))",
                flag(univalued),
                flag(diagonal)
            );
            let axis = |side: &str, step: &str| {
                format!(
                    "compose(rbind(multiply, {step}), compose(rbind(greater, {side}(center(merge({s})))), \
                     compose({side}, center)))"
                )
            };
            out.push(format!(
                "paint(canvas(mostcolor(X), astuple({oh}, {ow})), mapply(fork(shift, normalize, \
                 fork(astuple, {}, {})), {s}))",
                axis("first", sh),
                axis("last", sw)
            ));
            return out;
        }
    }
    out
}

/// The box of the cells of `g` that `keep` picks (arc-dsl's `subgrid` of them), `None` if none.
fn crop_where(g: &GridData, keep: impl Fn(u8) -> bool) -> Option<GridData> {
    let at: Vec<(usize, usize)> =
        (0..g.cells.len()).filter(|&k| keep(g.cells[k])).map(|k| (k / g.w, k % g.w)).collect();
    let top = at.iter().map(|p| p.0).min()?;
    let left = at.iter().map(|p| p.1).min()?;
    let h = at.iter().map(|p| p.0).max()? + 1 - top;
    let w = at.iter().map(|p| p.1).max()? + 1 - left;
    let cells = (0..h).flat_map(|r| (0..w).map(move |c| g.cells[(top + r) * g.w + left + c])).collect();
    Some(GridData { h, w, cells })
}

/// When every output is a part of its input (the box of one colour's cells, or of every cell off
/// the most common colour) repeated `a` times down and `b` times across, where `a` and `b` are
/// each a constant or a count the input shows (the cells of one colour, its number of colours),
/// and some factor is a count that varies: that part painted at each place of an `a` x `b`
/// canvas's indices scaled by its shape.
pub fn counted_tilings(train: &[(GridData, GridData)]) -> Vec<String> {
    let mut in_colors = [false; 10];
    train.iter().for_each(|(i, _)| i.cells.iter().for_each(|&c| in_colors[c as usize % 10] = true));
    type Part = (String, Box<dyn Fn(&GridData) -> Option<GridData>>);
    let mut parts: Vec<Part> = vec![(
        "subgrid(difference(asindices(X), ofcolor(X, mostcolor(X))), X)".to_string(),
        Box::new(|g: &GridData| {
            let bg = most_color(g);
            crop_where(g, |c| c != bg)
        }),
    )];
    for c in (0..10u8).filter(|&c| in_colors[c as usize]) {
        parts.push((
            format!("subgrid(ofcolor(X, {}), X)", COLORS[c as usize]),
            Box::new(move |g: &GridData| crop_where(g, |x| x == c)),
        ));
    }
    type Count = (String, Box<dyn Fn(&GridData) -> usize>);
    let mut counts: Vec<Count> = vec![(
        "numcolors(X)".to_string(),
        Box::new(|g: &GridData| {
            let mut s = [false; 10];
            g.cells.iter().for_each(|&c| s[c as usize % 10] = true);
            s.iter().filter(|&&x| x).count()
        }),
    )];
    for c in (0..10u8).filter(|&c| in_colors[c as usize]) {
        counts.push((
            format!("colorcount(X, {})", COLORS[c as usize]),
            Box::new(move |g: &GridData| g.cells.iter().filter(|&&x| x == c).count()),
        ));
    }
    let mut out = Vec::new();
    for (text, part) in &parts {
        // The factors down and across on each demonstration, where the output is the part tiled.
        let factors: Option<Vec<(usize, usize)>> = train
            .iter()
            .map(|(i, o)| {
                let p = part(i)?;
                if o.h % p.h != 0 || o.w % p.w != 0 {
                    return None;
                }
                let tiled = (0..o.h)
                    .all(|r| (0..o.w).all(|c| o.cells[r * o.w + c] == p.cells[(r % p.h) * p.w + c % p.w]));
                tiled.then_some((o.h / p.h, o.w / p.w))
            })
            .collect();
        let Some(factors) = factors else { continue };
        let factor = |f: fn(&(usize, usize)) -> usize| -> Option<(String, bool)> {
            let k: Vec<usize> = factors.iter().map(f).collect();
            if k.iter().all(|&n| n == k[0]) {
                return number(k[0]).map(|n| (n.to_string(), false));
            }
            counts
                .iter()
                .find(|(_, count)| train.iter().zip(&k).all(|((i, _), &n)| count(i) == n))
                .map(|(t, _)| (t.clone(), true))
        };
        let (Some((a, va)), Some((b, vb))) = (factor(|f| f.0), factor(|f| f.1)) else { continue };
        if !va && !vb {
            continue;
        }
        out.push(format!(
            "paint(canvas(ZERO, multiply(shape({text}), astuple({a}, {b}))), mapply(lbind(shift, \
             asobject({text})), apply(rbind(multiply, shape({text})), asindices(canvas(ZERO, astuple({a}, {b}))))))"
        ));
        break;
    }
    out
}

/// The order [`counted_fills`] fills an output in: its cells' places along it, `None` off it.
#[derive(Clone, Copy, PartialEq, Debug)]
enum FillOrder {
    /// Row by row, left to right.
    Rows,
    /// Column by column, top to bottom.
    Columns,
    /// Down the main diagonal.
    Diagonal,
}

impl FillOrder {
    /// The place of cell (`r`, `c`) of an `h` x `w` grid along the order.
    fn place(self, r: usize, c: usize, h: usize, w: usize) -> Option<usize> {
        match self {
            FillOrder::Rows => Some(r * w + c),
            FillOrder::Columns => Some(c * h + r),
            FillOrder::Diagonal => (r == c).then_some(r),
        }
    }

    /// The cells of the canvas `g` (DSL text) whose place is below the count `n` (DSL text).
    fn text(self, g: &str, n: &str, h: usize, w: usize) -> Option<String> {
        Some(match self {
            FillOrder::Rows => format!(
                "sfilter(asindices({g}), compose(lbind(greater, {n}), fork(add, compose(rbind(multiply, {}), first), last)))",
                number(w)?
            ),
            FillOrder::Columns => format!(
                "sfilter(asindices({g}), compose(lbind(greater, {n}), fork(add, compose(rbind(multiply, {}), last), first)))",
                number(h)?
            ),
            FillOrder::Diagonal => format!(
                "sfilter(sfilter(asindices({g}), fork(equality, first, last)), compose(lbind(greater, {n}), first))"
            ),
        })
    }
}

/// A count of one colour's showing in a grid: DSL text with the hole `{C}` for the colour, and Rust.
type ColourCount = (String, Box<dyn Fn(&GridData, u8) -> usize>);

/// The counts [`counted_fills`] tries.
fn colour_counts(train: &[(GridData, GridData)]) -> Vec<ColourCount> {
    let mut in_colors = [false; 10];
    train.iter().for_each(|(i, _)| i.cells.iter().for_each(|&c| in_colors[c as usize % 10] = true));
    let mut out: Vec<ColourCount> = vec![(
        "colorcount(X, {C})".to_string(),
        Box::new(|g: &GridData, c: u8| g.cells.iter().filter(|&&x| x == c).count()),
    )];
    for diagonal in [false, true] {
        out.push((
            format!("size(colorfilter(objects(X, T, {}, T), {{C}}))", if diagonal { "T" } else { "F" }),
            Box::new(move |g: &GridData, c: u8| {
                objects_of(g, true, diagonal).iter().filter(|o| o.cells[0].2 == c).count()
            }),
        ));
    }
    out.push((
        "size(sfilter(colorfilter(objects(X, T, F, T), {C}), compose(rbind(greater, ONE), size)))"
            .to_string(),
        Box::new(|g: &GridData, c: u8| {
            objects_of(g, true, false).iter().filter(|o| o.cells[0].2 == c && o.cells.len() > 1).count()
        }),
    ));
    for d in (0..10u8).filter(|&d| in_colors[d as usize]) {
        out.push((
            format!("colorcount(subgrid(ofcolor(X, {}), X), {{C}})", COLORS[d as usize]),
            Box::new(move |g: &GridData, c: u8| {
                crop_where(g, |x| x == d).map_or(usize::MAX, |p| p.cells.iter().filter(|&&x| x == c).count())
            }),
        ));
    }
    out
}

/// arc-dsl's `leastcolor`: the least common colour of `g`, the smallest on a tie.
pub(crate) fn least_color(g: &GridData) -> u8 {
    let mut counts = [0usize; 10];
    g.cells.iter().for_each(|&c| counts[c as usize % 10] += 1);
    (0..10u8).filter(|&c| counts[c as usize] > 0).min_by_key(|&c| counts[c as usize]).unwrap_or(0)
}

/// When every output has one shape and is a background colour with runs of other colours laid
/// along a fixed order from its first cell (row by row, column by column, or down the diagonal),
/// the same colours in the same order on every demonstration (or one run of the input's least
/// common colour), each run as long as a count of its colour in the input (its cells, its
/// objects, those of more than one cell, its cells inside the box of another colour; for a run of
/// a fixed colour, else such a count of another input colour), some run's length varying: a
/// canvas of the background with each run filled, the last first, at the places below the
/// running total.
pub fn counted_fills(train: &[(GridData, GridData)]) -> Vec<String> {
    let (_, o0) = &train[0];
    let (h, w) = (o0.h, o0.w);
    if train.len() < 2 || h * w < 2 || train.iter().any(|(_, o)| (o.h, o.w) != (h, w)) {
        return Vec::new();
    }
    let counts = colour_counts(train);
    let mut in_colors = [false; 10];
    train.iter().for_each(|(i, _)| i.cells.iter().for_each(|&c| in_colors[c as usize % 10] = true));
    let mut out = Vec::new();
    for order in [FillOrder::Rows, FillOrder::Columns, FillOrder::Diagonal] {
        if order == FillOrder::Diagonal && h != w {
            continue;
        }
        // The background: the colour of the last place on an output, or off the path.
        let mut path: Vec<(usize, usize)> =
            (0..h * w).filter_map(|k| order.place(k / w, k % w, h, w).map(|p| (p, k))).collect();
        path.sort();
        let Some(&(_, last)) = path.last() else { continue };
        let z = o0.cells[last];
        // Each demonstration's runs along the path, (colour, length); off the path all background.
        let runs: Option<Vec<Vec<(u8, usize)>>> = train
            .iter()
            .map(|(_, o)| {
                let off_ok = (0..h * w).all(|k| order.place(k / w, k % w, h, w).is_some() || o.cells[k] == z);
                if !off_ok {
                    return None;
                }
                let seq: Vec<u8> = path.iter().map(|&(_, k)| o.cells[k]).collect();
                let mut rs: Vec<(u8, usize)> = Vec::new();
                let mut ended = false;
                for &c in &seq {
                    if c == z {
                        ended = true;
                        continue;
                    }
                    if ended {
                        return None;
                    }
                    match rs.last_mut() {
                        Some((rc, n)) if *rc == c => *n += 1,
                        _ => rs.push((c, 1)),
                    }
                }
                Some(rs)
            })
            .collect();
        let Some(runs) = runs else { continue };
        // The colours in order: the longest demonstration's; the others' must be a part of it.
        let Some(longest) = runs.iter().max_by_key(|r| r.len()) else { continue };
        let colours: Vec<u8> = longest.iter().map(|r| r.0).collect();
        let mut lengths: Vec<Vec<usize>> = vec![Vec::new(); colours.len()];
        let mut fixed = !colours.is_empty() && colours.iter().all(|&c| c != z);
        for rs in &runs {
            let mut at = 0;
            for (k, &c) in colours.iter().enumerate() {
                if at < rs.len() && rs[at].0 == c {
                    lengths[k].push(rs[at].1);
                    at += 1;
                } else {
                    lengths[k].push(0);
                }
            }
            fixed &= at == rs.len();
        }
        // One run of the input's least common colour, which varies.
        let least = !fixed
            && runs.iter().all(|r| r.len() <= 1)
            && train.iter().zip(&runs).all(|((i, _), r)| r.first().is_none_or(|x| x.0 == least_color(i)));
        let run_colours: Vec<(String, Vec<u8>)> = if fixed {
            colours.iter().map(|&c| (COLORS[c as usize].to_string(), vec![c; train.len()])).collect()
        } else if least {
            lengths = vec![runs.iter().map(|r| r.first().map_or(0, |x| x.1)).collect()];
            vec![("leastcolor(X)".to_string(), train.iter().map(|(i, _)| least_color(i)).collect())]
        } else {
            continue;
        };
        if lengths.iter().all(|l| l.iter().all(|&n| n == l[0])) {
            continue;
        }
        // A count for each run.
        let mut texts = Vec::new();
        for ((ctext, cs), ls) in run_colours.iter().zip(&lengths) {
            let counted = |cs: &[u8]| {
                counts
                    .iter()
                    .find(|(_, f)| train.iter().zip(cs).zip(ls).all(|(((i, _), &c), &n)| f(i, c) == n))
            };
            // A count of the run's own colour, else (a fixed colour) of another input colour.
            if let Some((t, _)) = counted(cs) {
                texts.push(t.replace("{C}", ctext));
                continue;
            }
            if !fixed {
                break;
            }
            let other = (0..10u8).filter(|&d| in_colors[d as usize]).find_map(|d| {
                counted(&vec![d; train.len()]).map(|(t, _)| t.replace("{C}", COLORS[d as usize]))
            });
            let Some(t) = other else { break };
            texts.push(t);
        }
        if texts.len() != run_colours.len() {
            continue;
        }
        let (Some(nh), Some(nw)) = (number(h), number(w)) else { continue };
        let canvas = format!("canvas({}, astuple({nh}, {nw}))", COLORS[z as usize]);
        let mut g = canvas.clone();
        for k in (0..texts.len()).rev() {
            let total =
                texts[..=k].iter().cloned().reduce(|a, b| format!("add({a}, {b})")).unwrap_or_default();
            let Some(cells) = order.text(&canvas, &total, h, w) else { continue };
            g = format!("fill({g}, {}, {cells})", run_colours[k].0);
        }
        out.push(g);
        break;
    }
    out
}

/// When the outputs are a few fixed grids, each repeated on some demonstrations, and one property
/// of the input (its most or least common colour, its number of colours, its most or least common
/// colour besides one that every input shows) tells which: a `branch` on that property over the
/// grids, where every test input shows a value some demonstration showed. Two grids that no such
/// property tells apart may be split by a count instead ([`split_outputs`]).
pub fn looked_up_outputs(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    let mut distinct: Vec<&GridData> = Vec::new();
    for (_, o) in train {
        if !distinct.contains(&o) {
            distinct.push(o);
        }
    }
    if distinct.len() < 2 || distinct.len() >= train.len() {
        return Vec::new();
    }
    let counts = |g: &GridData| {
        let mut n = [0usize; 10];
        g.cells.iter().for_each(|&c| n[c as usize % 10] += 1);
        n
    };
    type Feature = (String, Box<dyn Fn(&GridData) -> Option<usize>>, bool);
    let mut features: Vec<Feature> = vec![
        ("mostcolor(X)".into(), Box::new(|g: &GridData| Some(most_color(g) as usize)), true),
        ("leastcolor(X)".into(), Box::new(|g: &GridData| Some(least_color(g) as usize)), true),
        (
            "numcolors(X)".into(),
            Box::new(move |g: &GridData| Some(counts(g).iter().filter(|&&n| n > 0).count())),
            false,
        ),
    ];
    let mut in_every = [true; 10];
    train.iter().map(|(i, _)| i).chain(tests).for_each(|g| {
        let n = counts(g);
        (0..10).for_each(|c| in_every[c] &= n[c] > 0);
    });
    for c in (0..10).filter(|&c| in_every[c]) {
        for most in [true, false] {
            let pick = move |g: &GridData| {
                let n = counts(g);
                let mut best: Option<usize> = None;
                for k in (0..10).filter(|&k| k != c && n[k] > 0) {
                    let better = best.is_none_or(|b| if most { n[k] > n[b] } else { n[k] < n[b] });
                    if better {
                        best = Some(k);
                    }
                }
                best
            };
            features.push((
                format!(
                    "{}(remove({}, palette(X)), lbind(colorcount, X))",
                    if most { "argmax" } else { "argmin" },
                    COLORS[c]
                ),
                Box::new(pick),
                true,
            ));
        }
    }
    let mut out = Vec::new();
    for (text, f, colour) in &features {
        // Each value seen, with the output it gives.
        let mut table: Vec<(usize, &GridData)> = Vec::new();
        let fits = train.iter().all(|(i, o)| {
            let Some(v) = f(i) else { return false };
            match table.iter().find(|e| e.0 == v) {
                Some(e) => e.1 == o,
                None => {
                    table.push((v, o));
                    true
                }
            }
        });
        if !fits || !tests.iter().all(|t| f(t).is_some_and(|v| table.iter().any(|e| e.0 == v))) {
            continue;
        }
        let name = |v: usize| if *colour { Some(COLORS[v % 10]) } else { number(v) };
        let Some(grids): Option<Vec<String>> = table.iter().map(|e| grid_text(e.1)).collect() else {
            continue;
        };
        let Some(names): Option<Vec<&str>> = table.iter().map(|e| name(e.0)).collect() else { continue };
        let mut g = grids[grids.len() - 1].clone();
        for k in (0..grids.len() - 1).rev() {
            g = format!("branch(equality({text}, {}), {}, {g})", names[k], grids[k]);
        }
        out.push(g);
        break;
    }
    if out.is_empty() && distinct.len() == 2 {
        out.extend(split_outputs(train, &distinct));
    }
    out
}

/// An object's picture: its cells moved to the origin, in order (arc-dsl's `normalize`).
fn picture(x: &Obj) -> Vec<(usize, usize, u8)> {
    let mut cells: Vec<(usize, usize, u8)> =
        x.cells.iter().map(|&(r, c, k)| (r - x.top, c - x.left, k)).collect();
    cells.sort_unstable();
    cells
}

/// When every output is one object of its input (under four `objects` settings; all of them,
/// those of the most cells, or those of more than one colour) drawn in its box over the input's
/// most common colour, the one whose picture no other object repeats while every other picture
/// repeats (the odd one out), or the picture most of them share: `leastcommon` (or `mostcommon`)
/// of the objects' `normalize`d pictures, painted on a canvas of its shape.
pub fn odd_objects(train: &[(GridData, GridData)]) -> Vec<String> {
    let filters: [(&str, usize); 3] = [
        ("{S}", 0),
        ("sizefilter({S}, valmax({S}, size))", 1),
        ("sfilter({S}, compose(rbind(greater, ONE), numcolors))", 2),
    ];
    let mut out = Vec::new();
    for (univalued, diagonal) in [(false, false), (false, true), (true, false), (true, true)] {
        let all: Vec<Vec<Obj>> = train.iter().map(|(i, _)| objects_of(i, univalued, diagonal)).collect();
        for (filter, kind) in filters {
            if univalued && kind == 2 {
                continue;
            }
            for odd in [true, false] {
                let fits = train.iter().zip(&all).all(|((i, o), os)| {
                    let most = os.iter().map(|x| x.cells.len()).max().unwrap_or(0);
                    let kept: Vec<&Obj> = os
                        .iter()
                        .filter(|x| match kind {
                            1 => x.cells.len() == most,
                            2 => x.cells.iter().any(|p| p.2 != x.cells[0].2),
                            _ => true,
                        })
                        .collect();
                    let pics: Vec<Vec<(usize, usize, u8)>> = kept.iter().map(|x| picture(x)).collect();
                    let times = |p: &Vec<(usize, usize, u8)>| pics.iter().filter(|q| *q == p).count();
                    let picked: Vec<usize> = if odd {
                        // One picture seen once, every other seen at least twice.
                        let once: Vec<usize> = (0..pics.len()).filter(|&k| times(&pics[k]) == 1).collect();
                        if once.len() != 1 || pics.len() < 3 {
                            return false;
                        }
                        once
                    } else {
                        let best = pics.iter().map(times).max().unwrap_or(0);
                        let at: Vec<usize> = (0..pics.len()).filter(|&k| times(&pics[k]) == best).collect();
                        if best < 2 || at.iter().any(|&k| pics[k] != pics[at[0]]) || best == pics.len() {
                            return false;
                        }
                        at
                    };
                    let x = kept[picked[0]];
                    if (o.h, o.w) != (x.h, x.w) {
                        return false;
                    }
                    let mut cells = vec![most_color(i); x.h * x.w];
                    for &(r, c, k) in &pics[picked[0]] {
                        cells[r * x.w + c] = k;
                    }
                    cells == o.cells
                });
                if !fits {
                    continue;
                }
                let flag = |b: bool| if b { "T" } else { "F" };
                let s = format!("objects(X, {}, {}, T)", flag(univalued), flag(diagonal));
                let pick = format!(
                    "{}(apply(normalize, totuple({})))",
                    if odd { "leastcommon" } else { "mostcommon" },
                    filter.replace("{S}", &s)
                );
                out.push(format!("paint(canvas(mostcolor(X), shape({pick})), {pick})"));
                return out;
            }
        }
    }
    out
}

/// Items a bar chart ([`bar_charts`]) has a bar for, each with its colour and length, read off
/// one grid (`None` where the grid has none).
type BarItems = Box<dyn Fn(&GridData) -> Option<Vec<(u8, usize)>>>;

/// When every output is a bar chart of its input: one row per item (each colour the input shows
/// besides its most common one, or also besides that of its largest object; or each hollow object,
/// in its colour), a bar as long as a count of the item (a colour's cells or objects; the cells of
/// one colour in a hollow object's box), the bars sorted by length (the lengths all differ on
/// every demonstration, some chart with two), shortest or longest first, flush left or right, over a fixed colour, as
/// wide as the longest bar: that chart, each row a bar of the item's colour beside a blank
/// one (either may be empty), shifted to its row and painted.
pub fn bar_charts(train: &[(GridData, GridData)]) -> Vec<String> {
    let mut in_colors = [false; 10];
    train.iter().for_each(|(i, _)| i.cells.iter().for_each(|&c| in_colors[c as usize % 10] = true));
    // (items text, count function text, colour function text, Rust)
    let mut kinds: Vec<(String, String, String, BarItems)> = Vec::new();
    let palette = |g: &GridData, skip_largest: bool| -> Vec<u8> {
        let bg = most_color(g);
        let largest = if skip_largest {
            objects_of(g, true, false).into_iter().max_by_key(|o| o.cells.len()).map(|o| o.cells[0].2)
        } else {
            None
        };
        (0..10u8).filter(|&c| c != bg && Some(c) != largest && g.cells.contains(&c)).collect()
    };
    for skip_largest in [false, true] {
        let items = if skip_largest {
            "remove(color(argmax(objects(X, T, F, T), size)), remove(mostcolor(X), palette(X)))"
        } else {
            "remove(mostcolor(X), palette(X))"
        };
        kinds.push((
            items.to_string(),
            "lbind(colorcount, X)".to_string(),
            "identity".to_string(),
            Box::new(move |g: &GridData| {
                Some(
                    palette(g, skip_largest)
                        .into_iter()
                        .map(|c| (c, g.cells.iter().filter(|&&x| x == c).count()))
                        .collect(),
                )
            }),
        ));
        for diagonal in [false, true] {
            kinds.push((
                items.to_string(),
                format!(
                    "compose(size, lbind(colorfilter, objects(X, T, {}, T)))",
                    if diagonal { "T" } else { "F" }
                ),
                "identity".to_string(),
                Box::new(move |g: &GridData| {
                    let objs = objects_of(g, true, diagonal);
                    Some(
                        palette(g, skip_largest)
                            .into_iter()
                            .map(|c| (c, objs.iter().filter(|o| o.cells[0].2 == c).count()))
                            .collect(),
                    )
                }),
            ));
        }
    }
    for c in (0..10u8).filter(|&c| in_colors[c as usize]) {
        kinds.push((
            "sfilter(objects(X, T, F, T), compose(positive, compose(size, delta)))".to_string(),
            format!("compose(rbind(colorcount, {}), rbind(subgrid, X))", COLORS[c as usize]),
            "color".to_string(),
            Box::new(move |g: &GridData| {
                let objs = objects_of(g, true, false);
                let hollow = objs.iter().filter(|o| o.h * o.w > o.cells.len());
                Some(
                    hollow
                        .map(|o| (o.cells[0].2, crop(g, o).cells.iter().filter(|&&x| x == c).count()))
                        .collect(),
                )
            }),
        ));
    }
    let mut out = Vec::new();
    let mut out_colors = [false; 10];
    train.iter().for_each(|(_, o)| o.cells.iter().for_each(|&c| out_colors[c as usize % 10] = true));
    let shapes = (0..10u8)
        .filter(|&z| out_colors[z as usize])
        .flat_map(|z| [(false, false), (false, true), (true, false), (true, true)].map(|(l, r)| (z, l, r)));
    let shapes: Vec<(u8, bool, bool)> = shapes.collect();
    for (items, count, colour, f) in &kinds {
        for &(z, longest_first, right) in &shapes {
            // Some chart with two bars (one bar is a count's canvas, nothing sorted) and a blank
            // cell (else the blank colour is a guess).
            let (mut two, mut blanks) = (false, false);
            let fits = train.iter().all(|(i, o)| {
                let Some(mut bars) = f(i) else { return false };
                two |= bars.len() > 1;
                blanks |= bars.iter().any(|b| bars.iter().any(|x| x.1 > b.1));
                bars.sort_by_key(|b| b.1);
                if bars.is_empty() || bars.windows(2).any(|p| p[0].1 == p[1].1) {
                    return false;
                }
                if longest_first {
                    bars.reverse();
                }
                let w = bars.iter().map(|b| b.1).max().unwrap_or(0);
                if (o.h, o.w) != (bars.len(), w) {
                    return false;
                }
                bars.iter().enumerate().all(|(r, &(c, n))| {
                    (0..w).all(|k| {
                        let on = if right { k >= w - n } else { k < n };
                        o.cells[r * w + k] == if on { c } else { z }
                    })
                })
            });
            if !fits || !two || !blanks {
                continue;
            }
            let w = format!("valmax({items}, {count})");
            let key = if longest_first { format!("compose(invert, {count})") } else { count.clone() };
            let bar = format!("fork(canvas, {colour}, compose(lbind(astuple, ONE), {count}))");
            let blank = format!(
                "compose(lbind(canvas, {}), compose(lbind(astuple, ONE), compose(lbind(subtract, {w}), {count})))",
                COLORS[z as usize]
            );
            let row = if right {
                format!("compose(asobject, fork(hconcat, {blank}, {bar}))")
            } else {
                format!("compose(asobject, fork(hconcat, {bar}, {blank}))")
            };
            let sorted = format!("order({items}, {key})");
            out.push(format!(
                "paint(canvas({}, astuple(size({items}), {w})), merge(papply(shift, apply({row}, {sorted}), \
                 apply(rbind(astuple, ZERO), interval(ZERO, size({items}), ONE)))))",
                COLORS[z as usize]
            ));
            return out;
        }
    }
    out
}

/// `n` as DSL text: a constant up to 10, else tens and units.
fn int_text(n: usize) -> Option<String> {
    if n <= 10 {
        return number(n).map(str::to_string);
    }
    let (tens, units) = (number(n / 10)?, number(n % 10)?);
    Some(if n.is_multiple_of(10) {
        format!("multiply(TEN, {tens})")
    } else {
        format!("add(multiply(TEN, {tens}), {units})")
    })
}

/// When the outputs are two fixed grids, each on at least two demonstrations, and a count of the
/// input (one colour's cells, its objects under four `objects` settings) is below some value on
/// the demonstrations of one and above it on those of the other: a `branch` on the count against
/// the middle of the gap between them.
fn split_outputs(train: &[(GridData, GridData)], distinct: &[&GridData]) -> Vec<String> {
    let mut in_colors = [false; 10];
    train.iter().for_each(|(i, _)| i.cells.iter().for_each(|&c| in_colors[c as usize % 10] = true));
    type Count = (String, Box<dyn Fn(&GridData) -> usize>);
    let mut counts: Vec<Count> = Vec::new();
    for c in (0..10u8).filter(|&c| in_colors[c as usize]) {
        counts.push((
            format!("colorcount(X, {})", COLORS[c as usize]),
            Box::new(move |g: &GridData| g.cells.iter().filter(|&&x| x == c).count()),
        ));
    }
    for (univalued, diagonal) in [(true, false), (true, true), (false, false), (false, true)] {
        let flag = |b: bool| if b { "T" } else { "F" };
        counts.push((
            format!("size(objects(X, {}, {}, T))", flag(univalued), flag(diagonal)),
            Box::new(move |g: &GridData| objects_of(g, univalued, diagonal).len()),
        ));
    }
    let sides: Vec<usize> = train.iter().map(|(_, o)| usize::from(o != distinct[0])).collect();
    if sides.iter().filter(|&&s| s == 0).count() < 2 || sides.iter().filter(|&&s| s == 1).count() < 2 {
        return Vec::new();
    }
    for (text, f) in &counts {
        let vals: Vec<usize> = train.iter().map(|(i, _)| f(i)).collect();
        let range = |side: usize| {
            let vs = vals.iter().zip(&sides).filter(|(_, &s)| s == side).map(|(v, _)| *v);
            (vs.clone().min().unwrap_or(0), vs.max().unwrap_or(0))
        };
        let ((lo0, hi0), (lo1, hi1)) = (range(0), range(1));
        let (low, high, gap) = if hi0 < lo1 {
            (distinct[0], distinct[1], (hi0, lo1))
        } else if hi1 < lo0 {
            (distinct[1], distinct[0], (hi1, lo0))
        } else {
            continue;
        };
        let (Some(t), Some(a), Some(b)) = (int_text((gap.0 + gap.1) / 2), grid_text(high), grid_text(low))
        else {
            continue;
        };
        return vec![format!("branch(greater({text}, {t}), {a}, {b})")];
    }
    Vec::new()
}

/// When every output is the input's largest object (one colour; 4- or 8-connected, the largest
/// strictly) drawn once per single-cell object of the input, in that cell's colour, the copies
/// side by side in the order of the cells' positions: left to right, top to bottom, or along the
/// way the cells are spread out (as [`laid_out_objects`]), over the input's most common colour:
/// that stencil recoloured by each cell, shifted into place and painted.
pub fn stencil_copies(train: &[(GridData, GridData)]) -> Vec<String> {
    let mut out = Vec::new();
    for diagonal in [false, true] {
        for layout in [Layout::Across, Layout::Down, Layout::Spread] {
            let fits = train.iter().all(|(i, o)| {
                let objs = objects_of(i, true, diagonal);
                let most = objs.iter().map(|x| x.cells.len()).max().unwrap_or(0);
                let big: Vec<&Obj> = objs.iter().filter(|x| x.cells.len() == most).collect();
                let marks: Vec<&Obj> = objs.iter().filter(|x| x.cells.len() == 1).collect();
                if big.len() != 1 || most < 2 || marks.is_empty() {
                    return false;
                }
                let s = big[0];
                // Each mark as an object of the stencil's shape in the mark's colour, at the mark.
                let copies: Vec<Obj> = marks
                    .iter()
                    .map(|m| Obj {
                        cells: s
                            .cells
                            .iter()
                            .map(|&(r, c, _)| (r - s.top + m.top, c - s.left + m.left, m.cells[0].2))
                            .collect(),
                        top: m.top,
                        left: m.left,
                        h: s.h,
                        w: s.w,
                    })
                    .collect();
                // The spread is the marks' own, not their copies'.
                let layout = match layout {
                    Layout::Spread => {
                        let span = |f: fn(&Obj) -> usize| {
                            let (lo, hi) = marks
                                .iter()
                                .map(|m| f(m))
                                .fold((usize::MAX, 0), |(lo, hi), x| (lo.min(x), hi.max(x)));
                            hi + 1 - lo
                        };
                        if span(|m| m.left) > span(|m| m.top) {
                            Layout::Across
                        } else {
                            Layout::Down
                        }
                    }
                    l => l,
                };
                let refs: Vec<&Obj> = copies.iter().collect();
                lay_out(i, &refs, layout).is_some_and(|g| g == *o)
            });
            if !fits {
                continue;
            }
            let objs = format!("objects(X, T, {}, T)", if diagonal { "T" } else { "F" });
            let s = format!("toindices(normalize(argmax({objs}, size)))");
            let marks = format!("sizefilter({objs}, ONE)");
            let text = |across: bool| {
                let m = format!("order({marks}, {})", if across { "leftmost" } else { "uppermost" });
                let (dims, step) = if across {
                    (
                        format!("astuple(height({s}), multiply(width({s}), size({m})))"),
                        format!("astuple(ZERO, width({s}))"),
                    )
                } else {
                    (
                        format!("astuple(multiply(height({s}), size({m})), width({s}))"),
                        format!("astuple(height({s}), ZERO)"),
                    )
                };
                format!(
                    "paint(canvas(mostcolor(X), {dims}), merge(papply(shift, apply(compose(rbind(recolor, {s}), color), {m}), \
                     apply(lbind(multiply, {step}), interval(ZERO, size({m}), ONE)))))"
                )
            };
            out.push(match layout {
                Layout::Across => text(true),
                Layout::Down => text(false),
                Layout::Spread => format!(
                    "branch(greater(width(merge({marks})), height(merge({marks}))), {}, {})",
                    text(true),
                    text(false)
                ),
            });
            return out;
        }
    }
    out
}

/// When every output is the input's parts (each colour's cells, or one-colour objects, 4- or
/// 8-connected) as concentric square rings, one per part ranked by its longer side (the sides all
/// differ), the longest outermost in a canvas as wide as it, each next ring one cell further in,
/// in the part's colour, over the input's most common colour (nested frames, or lines stacked by
/// length): the parts ordered by side, their colours `papply`d onto the rings' outlines.
pub fn nested_rings(train: &[(GridData, GridData)]) -> Vec<String> {
    if train.iter().all(|(i, o)| o.h >= i.h && o.w >= i.w) {
        return Vec::new();
    }
    let parts = |g: &GridData, kind: usize| -> Vec<(u8, usize)> {
        if kind == 0 {
            let bg = most_color(g);
            (0..10u8)
                .filter(|&c| c != bg)
                .filter_map(|c| crop_where(g, |x| x == c).map(|p| (c, p.h.max(p.w))))
                .collect()
        } else {
            objects_of(g, true, kind == 2).iter().map(|x| (x.cells[0].2, x.h.max(x.w))).collect()
        }
    };
    for kind in 0..3 {
        let mut two = false;
        let fits = train.iter().all(|(i, o)| {
            let mut ps = parts(i, kind);
            ps.sort_by_key(|p| std::cmp::Reverse(p.1));
            let Some(&(_, l)) = ps.first() else { return false };
            if (o.h, o.w) != (l, l) || ps.windows(2).any(|p| p[0].1 == p[1].1) || 2 * ps.len() > l + 1 {
                return false;
            }
            two |= ps.len() > 1;
            let mut cells = vec![most_color(i); l * l];
            for (k, &(colour, _)) in ps.iter().enumerate() {
                let s = l - 2 * k;
                for r in 0..s {
                    for c in 0..s {
                        if r == 0 || c == 0 || r == s - 1 || c == s - 1 {
                            cells[(r + k) * l + c + k] = colour;
                        }
                    }
                }
            }
            cells == o.cells
        });
        if !fits || !two {
            continue;
        }
        let objs = match kind {
            0 => "fgpartition(X)",
            1 => "objects(X, T, F, T)",
            _ => "objects(X, T, T, T)",
        };
        let side = "compose(maximum, shape)";
        let l = format!("valmax({objs}, {side})");
        let ranked = format!("order({objs}, compose(invert, {side}))");
        let square = format!(
            "compose(box, compose(asindices, compose(lbind(canvas, ZERO), compose(fork(astuple, identity, identity), \
             compose(lbind(subtract, {l}), double)))))"
        );
        let ring = format!("fork(shift, {square}, fork(astuple, identity, identity))");
        return vec![format!(
            "paint(canvas(mostcolor(X), astuple({l}, {l})), merge(papply(recolor, apply(color, {ranked}), \
             apply({ring}, interval(ZERO, size({ranked}), ONE)))))"
        )];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::confirm_template as run;

    fn grid(rows: &[&str]) -> GridData {
        GridData::from_rows(rows)
    }

    #[test]
    fn each_colour_becomes_its_own_block() {
        // 5 becomes a 2x2 checker of 1 and 2, 0 stays blank (2072aba6's kind).
        let train = vec![
            (
                grid(&["050", "555", "050"]),
                grid(&["001200", "002100", "121212", "212121", "001200", "002100"]),
            ),
            (grid(&["500", "050"]), grid(&["120000", "210000", "001200", "002100"])),
        ];
        let test = grid(&["05", "50"]);
        let t = block_substitution(&train, std::slice::from_ref(&test)).expect("a substitution");
        let got = run(&t, &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["0012", "0021", "1200", "2100"])));
        // A colour of the test input the demonstrations give no pattern: no rule.
        assert_eq!(block_substitution(&train, &[grid(&["07"])]), None);
        // One 5 whose block differs: no rule.
        let mut broken = train.clone();
        broken[1].1.cells[0] = 2;
        assert_eq!(block_substitution(&broken, &[]), None);
        // Plain upscaling (every pattern one colour): left to the scaling templates.
        let up = vec![(grid(&["50"]), grid(&["5500", "5500"])), (grid(&["05"]), grid(&["0055", "0055"]))];
        assert_eq!(block_substitution(&up, &[]), None);
    }

    #[test]
    fn the_compartment_with_fewest_colours_is_picked() {
        // Four compartments between 8-lines; the one with a single colour is the answer.
        let train = vec![
            (grid(&["12830", "34804", "88888", "02830", "20840"]), grid(&["02", "20"])),
            (grid(&["30810", "04801", "88888", "56850", "07807"]), grid(&["10", "01"])),
        ];
        let test = grid(&["09830", "90807", "88888", "12841", "34834"]);
        let ts = block_picks(&train);
        let t = ts.iter().find(|t| t.starts_with("argmin") && t.contains("numcolors")).expect("a pick");
        let got = run(t, &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["09", "90"])));
        // Outputs that are no block: nothing.
        let other = vec![(train[0].0.clone(), grid(&["22", "22"]))];
        assert!(block_picks(&other).is_empty());
    }

    #[test]
    fn compartments_counted_by_their_lines() {
        // Two by two compartments on one demonstration, three by three on the other: the count of
        // lines gives the split; the compartment with most 4s is the answer.
        let train = vec![
            (grid(&["40810", "44801", "88888", "02804", "20840"]), grid(&["40", "44"])),
            (
                grid(&[
                    "10801802", "01804802", "88888888", "44804820", "44800802", "88888888", "30801800",
                    "03810800",
                ]),
                grid(&["44", "44"]),
            ),
        ];
        let test = grid(&["04810", "10801", "88888", "44840", "44840"]);
        let ts = block_picks(&train);
        assert!(ts.iter().all(|t| t.contains("frontiers")), "{ts:?}");
        let t = ts.iter().find(|t| t.contains("rbind(colorcount, FOUR)")).expect("a pick");
        let got = run(t, &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["44", "44"])));
    }

    #[test]
    fn crops_by_a_colour_count_need_no_tie() {
        // The object with the most 2s, cut out.
        let train = vec![
            (grid(&["11000", "00022", "12000"]), grid(&["22"])),
            (grid(&["22200", "00000", "12001"]), grid(&["222"])),
        ];
        let mut colours = [false; 10];
        colours[1] = true;
        colours[2] = true;
        let test = grid(&["20000", "20011", "00000"]);
        let ts = counted_crops(&train, &colours);
        let t = ts
            .iter()
            .find(|t| t.contains("argmax(objects(X, F, F, T), rbind(colorcount, TWO))"))
            .expect("a crop");
        let got = run(t, &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["2", "2"])));
        // The fewest 2s where two objects of other boxes have none: a tie, no pick.
        colours[3] = true;
        let tie = vec![(grid(&["11000", "00022", "12000", "00033"]), grid(&["11"]))];
        assert!(!counted_crops(&tie, &colours).iter().any(|t| t.contains("argmin") && t.contains("TWO")));
        let strict = vec![(grid(&["11000", "00022", "12000", "00023"]), grid(&["11"]))];
        assert!(counted_crops(&strict, &colours).iter().any(|t| t.contains("argmin") && t.contains("TWO")));
    }

    #[test]
    fn hollow_objects_are_laid_out_along_their_spread() {
        // Two hollow squares (and a solid one to leave out), across in one input, down in the other
        // (a680ac02's kind).
        let train = vec![
            (
                grid(&[
                    "0000000000",
                    "0222004440",
                    "0202004040",
                    "0222004440",
                    "0000000000",
                    "0000333000",
                    "0000333000",
                    "0000333000",
                ]),
                grid(&["222444", "202404", "222444"]),
            ),
            (
                grid(&[
                    "00000000", "01110000", "01010555", "01110555", "00000555", "00666000", "00606000",
                    "00666000",
                ]),
                grid(&["111", "101", "111", "666", "606", "666"]),
            ),
        ];
        let test = grid(&["0000000", "0777000", "0707000", "0777000", "0000888", "0000808", "0000888"]);
        let ts = laid_out_objects(&train);
        let t = ts.iter().find(|t| t.starts_with("branch") && t.contains("delta")).expect("a layout");
        let got = run(t, &train, std::slice::from_ref(&test)).expect("fits");
        // Spread as wide as tall: down.
        assert_eq!(got[0], Some(grid(&["777", "707", "777", "888", "808", "888"])));
        // Outputs that are not the objects laid out: nothing.
        let other = vec![(train[0].0.clone(), grid(&["444222", "404202", "444222"]))];
        assert!(laid_out_objects(&other).is_empty());
    }

    #[test]
    fn only_adjacent_repeats_are_squeezed() {
        // Lines crossing a field: runs of equal rows and columns cut to one, a row seen again after
        // another kept (ce8d95cc's kind, where `dedupe` would drop it).
        let train = vec![
            (
                grid(&["00300", "00300", "11311", "00300", "00300", "22322", "00300"]),
                grid(&["030", "131", "030", "232", "030"]),
            ),
            (grid(&["0400", "0400", "5455", "0400"]), grid(&["040", "545", "040"])),
        ];
        let test = grid(&["00600", "77677", "00600", "00600", "88688", "00600"]);
        let ts = run_dedupes(&train);
        assert_eq!(ts.len(), 1, "{ts:?}");
        let got = run(&ts[0], &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["060", "767", "060", "868", "060"])));
        // Every repeat dropped (the output `dedupe` gives): no squeeze fits.
        let all = vec![(train[0].0.clone(), grid(&["030", "131", "232"]))];
        assert!(run_dedupes(&all).is_empty());
    }

    #[test]
    fn four_objects_go_to_their_corners() {
        // Four 2x2 shapes scattered; each to the corner it takes among them, a gap of one between
        // (1990f7a8's kind).
        let train = vec![
            (
                grid(&[
                    "00000000", "01100000", "00100220", "00000020", "00000000", "00000000", "03000000",
                    "03300440", "00000404",
                ]),
                grid(&["11022", "01002", "00000", "30044", "33040"]),
            ),
            (
                grid(&[
                    "00000000", "00000550", "06000500", "66000000", "00000000", "00000000", "00700000",
                    "00770880", "00000808",
                ]),
                grid(&["06055", "66050", "00000", "70088", "77080"]),
            ),
        ];
        let test =
            grid(&["0000000", "0990000", "0900220", "0000202", "0000000", "4400000", "0400033", "0000030"]);
        let ts = quadrant_objects(&train);
        assert_eq!(ts.len(), 1, "{ts:?}");
        let got = run(&ts[0], &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["99022", "90020", "00000", "44033", "04030"])));
        // The top corners swapped on a demonstration: not the corners' rule, nothing.
        let mut swapped = train.clone();
        swapped[0].1 = grid(&["22011", "02001", "00000", "30044", "33040"]);
        assert!(quadrant_objects(&swapped).is_empty());
    }

    #[test]
    fn a_part_is_repeated_as_often_as_a_colour_shows() {
        // The box of the 8s, repeated across once per 4 (4852f2fa's kind).
        let train = vec![
            (grid(&["00000", "08800", "00800", "40000", "00004"]), grid(&["8888", "0808"])),
            (grid(&["04000", "00000", "00080", "04088", "00040"]), grid(&["808080", "888888"])),
        ];
        let test = grid(&["00004", "00000", "08000", "08800", "00000"]);
        let ts = counted_tilings(&train);
        let t = ts.iter().find(|t| t.contains("colorcount(X, FOUR)")).expect("a tiling");
        let got = run(t, &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["80", "88"])));
        // The same count on every demonstration: left to the fixed tilings.
        let fixed = vec![
            train[0].clone(),
            (grid(&["40000", "00000", "00800", "00880", "00004"]), grid(&["8080", "8888"])),
        ];
        assert!(counted_tilings(&fixed).is_empty());
    }

    #[test]
    fn runs_as_long_as_a_count_fill_the_output_in_order() {
        // As many 4s, row by row in a 2x2, as the input has 4s.
        let train = vec![
            (grid(&["400", "040", "000"]), grid(&["44", "00"])),
            (grid(&["404", "000", "004"]), grid(&["44", "40"])),
        ];
        let test = grid(&["000", "000", "400"]);
        let ts = counted_fills(&train);
        assert_eq!(ts.len(), 1, "{ts:?}");
        let got = run(&ts[0], &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["40", "00"])));
        // A blank before the run: no order fills it.
        let gap = vec![train[0].clone(), (train[1].0.clone(), grid(&["04", "00"]))];
        assert!(counted_fills(&gap).is_empty());
    }

    #[test]
    fn fixed_outputs_are_looked_up_by_a_colour() {
        // The least common colour tells which of two pictures comes out (9110e3c5's kind).
        let train = vec![
            (grid(&["110", "000", "000"]), grid(&["50", "05"])),
            (grid(&["220", "200", "000"]), grid(&["05", "50"])),
            (grid(&["010", "010", "000"]), grid(&["50", "05"])),
        ];
        let test = grid(&["002", "002", "000"]);
        let ts = looked_up_outputs(&train, std::slice::from_ref(&test));
        assert_eq!(ts.len(), 1, "{ts:?}");
        let got = run(&ts[0], &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["05", "50"])));
        // A test colour no demonstration showed: no lookup.
        assert!(looked_up_outputs(&train, &[grid(&["003", "000", "000"])]).is_empty());
    }

    #[test]
    fn two_fixed_outputs_split_by_a_count() {
        // Few 1s give one picture, many the other (b1fc8b8e's kind); the test falls below the middle.
        let few = grid(&["50", "05"]);
        let many = grid(&["05", "50"]);
        let train = vec![
            (grid(&["1000", "0000", "0000", "0000"]), few.clone()),
            (grid(&["1111", "1000", "0000", "0000"]), many.clone()),
            (grid(&["1000", "0001", "0000", "0000"]), few.clone()),
            (grid(&["1111", "1100", "0000", "0000"]), many.clone()),
        ];
        let test = grid(&["1100", "0010", "0000", "0000"]);
        let ts = looked_up_outputs(&train, std::slice::from_ref(&test));
        let t = ts.iter().find(|t| t.starts_with("branch(greater(colorcount(X, ")).expect("a split");
        let got = run(t, &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(few.clone()));
        // One demonstration of a picture: too little to split on.
        assert!(looked_up_outputs(&train[..3], std::slice::from_ref(&test)).is_empty());
    }

    #[test]
    fn the_odd_object_out_is_drawn() {
        // Three objects share a picture, one does not: that one.
        let train = vec![
            (grid(&["120000", "000120", "000000", "120000", "000021", "000000"]), grid(&["21"])),
            (grid(&["000000", "034000", "000000", "043043", "000000", "000000"]), grid(&["34"])),
        ];
        let test = grid(&["560000", "000000", "560650", "000000", "000000", "000000"]);
        let ts = odd_objects(&train);
        assert_eq!(ts.len(), 1, "{ts:?}");
        let got = run(&ts[0], &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["65"])));
        // Every picture once: no odd one.
        let all = vec![(grid(&["120000", "000210", "000000", "110000"]), grid(&["21"]))];
        assert!(odd_objects(&all).is_empty());
    }

    #[test]
    fn colours_are_charted_by_their_counts() {
        // A bar per colour as long as its cells, shortest first, flush left (d4c90558's kind).
        let train = vec![
            (grid(&["1100", "2000", "1000"]), grid(&["200", "111"])),
            (grid(&["3330", "0554", "0000", "0000"]), grid(&["400", "550", "333"])),
        ];
        let test = grid(&["7000", "7706", "0000"]);
        let ts = bar_charts(&train);
        assert_eq!(ts.len(), 1, "{ts:?}");
        let got = run(&ts[0], &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["600", "777"])));
        // Two bars of one length: their order is no rule's.
        let tie = vec![(grid(&["1100", "2200", "0000"]), grid(&["11", "22"]))];
        assert!(bar_charts(&tie).is_empty());
    }

    #[test]
    fn a_stencil_is_drawn_once_per_marked_colour() {
        // The largest object, recoloured by each single cell, laid along their spread (12997ef3's
        // kind): across where the cells lie in a row, down where in a column.
        let train = vec![
            (
                grid(&["1100000", "0100000", "0000000", "0000000", "0000000", "0200300", "0000000"]),
                grid(&["2233", "0203"]),
            ),
            (
                grid(&["0000100", "0000110", "0000000", "0400000", "0000000", "0500000", "0000000"]),
                grid(&["40", "44", "50", "55"]),
            ),
        ];
        let test = grid(&["1000000", "1000000", "0000000", "0000000", "0060070", "0000000", "0000000"]);
        let ts = stencil_copies(&train);
        assert_eq!(ts.len(), 1, "{ts:?}");
        let got = run(&ts[0], &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["67", "67"])));
        // The copies in the other order: not the cells' order, nothing.
        let swapped = vec![(train[0].0.clone(), grid(&["3322", "0302"])), train[1].clone()];
        assert!(stencil_copies(&swapped).is_empty());
    }

    #[test]
    fn parts_ranked_by_side_become_nested_rings() {
        // Lines of three colours nested by length, longest outside (3ee1011a's kind).
        let train = vec![
            (
                grid(&["0000000", "0222000", "0000000", "0000050", "0000000", "0000000", "0000000"]),
                grid(&["222", "252", "222"]),
            ),
            (
                grid(&["4000000", "4001110", "4000000", "4000000", "4000600", "0000000", "0000000"]),
                grid(&["44444", "41114", "41614", "41114", "44444"]),
            ),
        ];
        let test = grid(&["3333000", "0000000", "0000770", "0000000"]);
        let ts = nested_rings(&train);
        assert_eq!(ts.len(), 1, "{ts:?}");
        let got = run(&ts[0], &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["3333", "3773", "3773", "3333"])));
        // Two parts of one side: no rank, nothing.
        let tie = vec![(
            grid(&["0000000", "0222000", "0000000", "0000555", "0000000"]),
            grid(&["222", "252", "222"]),
        )];
        assert!(nested_rings(&tie).is_empty());
    }
}
