//! Rules for general ARC priors read off a whole task's demonstrations, for tasks whose outputs
//! keep the input's shape: [`colour_shifts`] (each colour moves by its own fixed step, "colour means
//! direction"), [`segment_lines`] (line segments grown into whole rows or columns along their own
//! orientation), [`mirrors_across_lines`] (a picture reflected across full-length divider lines,
//! wherever they are), [`colours_swapped_in_objects`] (the two colours of each object swapped),
//! [`objects_coloured_by_markers`] (objects take the colour of the marker beside them),
//! [`shapes_recoloured`] (one shape recoloured wherever it occurs), and, for outputs of another
//! shape, [`shears`] (rows or columns stepped into a parallelogram).
//! Each rule rebuilds every demonstration in plain Rust before it writes its template; the grid
//! layer then evaluates the template through the kernels like any other.

use crate::rules::most_color;
use crate::{GridData, COLORS};

/// Steps a colour may move by, tried in both coordinates.
const REACH: i32 = 3;

/// An integer constant or its negation as arc-dsl text (`-3` to `3`).
fn signed(n: i32) -> String {
    let name = COLORS[n.unsigned_abs() as usize];
    if n < 0 {
        format!("invert({name})")
    } else {
        name.to_string()
    }
}

/// Whether every output keeps its input's shape and some output differs from its input.
fn same_shapes_changed(train: &[(GridData, GridData)]) -> bool {
    !train.is_empty()
        && train.iter().all(|(i, o)| (i.h, i.w) == (o.h, o.w))
        && train.iter().any(|(i, o)| i != o)
}

/// `g` with the cells of every moving colour of `shifts` covered by its most common colour, then
/// each moved by its step (cells off the grid dropped), in colour order (arc-dsl's `paint`s).
fn shifted(g: &GridData, shifts: &[Option<(i32, i32)>; 10]) -> GridData {
    let bg = most_color(g);
    let moving = |c: u8| shifts[c as usize % 10].is_some_and(|v| v != (0, 0));
    let mut out = g.clone();
    out.cells.iter_mut().filter(|c| moving(**c)).for_each(|c| *c = bg);
    for c in (0..10u8).filter(|&c| moving(c)) {
        let (dr, dc) = shifts[c as usize].expect("a moving colour");
        for k in (0..g.cells.len()).filter(|&k| g.cells[k] == c) {
            let (r, col) = ((k / g.w) as i32 + dr, (k % g.w) as i32 + dc);
            if (0..g.h as i32).contains(&r) && (0..g.w as i32).contains(&col) {
                out.cells[r as usize * g.w + col as usize] = c;
            }
        }
    }
    out
}

/// Colour shifts: where every cell of each colour (off the background) moves by one step of its
/// colour's own (up to three cells each way, "the 7s go up two, the 2s left two"; 342dd610), the
/// same on every demonstration. A colour's step must be the only one in reach that keeps its cells
/// on the grid and on its colour in every output, and moving colours must show on two
/// demonstrations (where there are two); every colour any test input shows off its background must have a step
/// (the static ones `(0, 0)`); some colour must move; the steps must rebuild every output (moved
/// cells covered by the most common colour first, then painted in colour order). Written as
/// `paint(...paint(fill(...fill(X, mostcolor(X), ofcolor(X, A))...), shift(recolor(A, ofcolor(X,
/// A)), (dr, dc)))...)` over the moving colours.
pub fn colour_shifts(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    if !same_shapes_changed(train) {
        return Vec::new();
    }
    // The background of each demonstration, and on how many demonstrations each colour shows off it.
    let bgs: Vec<u8> = train.iter().map(|(i, _)| most_color(i)).collect();
    let mut shown = [0usize; 10];
    let mut background = [false; 10];
    for ((i, _), &bg) in train.iter().zip(&bgs) {
        background[bg as usize % 10] = true;
        let mut here = [false; 10];
        i.cells.iter().filter(|&&c| c != bg).for_each(|&c| here[c as usize % 10] = true);
        (0..10).for_each(|c| shown[c] += usize::from(here[c]));
    }
    let mut shifts: [Option<(i32, i32)>; 10] = [None; 10];
    for c in (0..10u8).filter(|&c| shown[c as usize] > 0) {
        if background[c as usize] {
            return Vec::new();
        }
        let fits = |(dr, dc): (i32, i32)| {
            train.iter().all(|(i, o)| {
                (0..i.cells.len()).filter(|&k| i.cells[k] == c).all(|k| {
                    let (r, col) = ((k / i.w) as i32 + dr, (k % i.w) as i32 + dc);
                    (0..i.h as i32).contains(&r)
                        && (0..i.w as i32).contains(&col)
                        && o.cells[r as usize * o.w + col as usize] == c
                })
            })
        };
        let steps: Vec<(i32, i32)> = (-REACH..=REACH)
            .flat_map(|dr| (-REACH..=REACH).map(move |dc| (dr, dc)))
            .filter(|&v| fits(v))
            .collect();
        let [step] = steps[..] else {
            return Vec::new();
        };
        shifts[c as usize] = Some(step);
    }
    // Some colour moves on two demonstrations (where there are two).
    let moves = |i: &GridData| i.cells.iter().any(|&c| shifts[c as usize % 10].is_some_and(|v| v != (0, 0)));
    if train.iter().filter(|(i, _)| moves(i)).count() < train.len().min(2) {
        return Vec::new();
    }
    let stepped = |g: &GridData| {
        let bg = most_color(g);
        g.cells.iter().all(|&c| c == bg || shifts[c as usize % 10].is_some())
    };
    if !tests.iter().all(stepped) || !train.iter().all(|(i, o)| shifted(i, &shifts) == *o) {
        return Vec::new();
    }
    let moving: Vec<(usize, (i32, i32))> =
        (0..10).filter_map(|c| shifts[c].filter(|&v| v != (0, 0)).map(|v| (c, v))).collect();
    let mut text = "X".to_string();
    for &(c, _) in &moving {
        text = format!("fill({text}, mostcolor(X), ofcolor(X, {}))", COLORS[c]);
    }
    for &(c, (dr, dc)) in &moving {
        let a = COLORS[c];
        let step = format!("astuple({}, {})", signed(dr), signed(dc));
        text = format!("paint({text}, shift(recolor({a}, ofcolor(X, {a})), {step}))");
    }
    vec![text]
}

/// `g` with each line segment (a one-colour 4-connected object of two cells or more in one row or
/// one column, off the most common colour) grown into its whole column (vertical segments) or row
/// (horizontal ones), painted over everything: the columns first where `rows_last`, else the rows.
fn grown_segments(g: &GridData, rows_last: bool) -> GridData {
    let bg = most_color(g);
    let objs = crate::rules::flood(g, false, |k| g.cells[k] != bg, |k, m| g.cells[m] == g.cells[k]);
    let mut rows = Vec::new();
    let mut cols = Vec::new();
    for cells in objs.iter().filter(|cells| cells.len() >= 2) {
        let c = g.cells[cells[0]];
        if cells.iter().all(|&k| k / g.w == cells[0] / g.w) {
            rows.push((cells[0] / g.w, c));
        } else if cells.iter().all(|&k| k % g.w == cells[0] % g.w) {
            cols.push((cells[0] % g.w, c));
        }
    }
    let mut out = g.clone();
    let paint_cols = |out: &mut GridData| {
        for &(col, c) in &cols {
            (0..g.h).for_each(|r| out.cells[r * g.w + col] = c);
        }
    };
    let paint_rows = |out: &mut GridData| {
        for &(r, c) in &rows {
            (0..g.w).for_each(|col| out.cells[r * g.w + col] = c);
        }
    };
    if rows_last {
        paint_cols(&mut out);
        paint_rows(&mut out);
    } else {
        paint_rows(&mut out);
        paint_cols(&mut out);
    }
    out
}

/// Segment lines: where every output is its input with each line segment (a one-colour
/// 4-connected object of two cells or more in one row or one column) grown across the whole grid
/// along its own orientation, a row for a horizontal segment and a column for a vertical one, the
/// rows painted over the columns or the columns over the rows (9344f635). Both orders are rebuilt
/// on every demonstration; the one that rebuilds them all is written:
/// `paint(paint(X, mapply(fork(recolor, color, compose(vfrontier, ulcorner)), V)), mapply(fork(
/// recolor, color, compose(hfrontier, ulcorner)), H))`, `V` and `H` the vertical and horizontal
/// segments (`sfilter(objects(X, T, F, T), fork(both, vline, compose(flip, hline)))`, single
/// cells left out).
pub fn segment_lines(train: &[(GridData, GridData)]) -> Vec<String> {
    if !same_shapes_changed(train) {
        return Vec::new();
    }
    let objs = "objects(X, T, F, T)";
    let vertical = format!(
        "mapply(fork(recolor, color, compose(vfrontier, ulcorner)), sfilter({objs}, fork(both, vline, compose(flip, hline))))"
    );
    let horizontal = format!(
        "mapply(fork(recolor, color, compose(hfrontier, ulcorner)), sfilter({objs}, fork(both, hline, compose(flip, vline))))"
    );
    [true, false]
        .into_iter()
        .filter(|&rows_last| train.iter().all(|(i, o)| grown_segments(i, rows_last) == *o))
        .take(1)
        .map(|rows_last| {
            let (first, last) = if rows_last { (&vertical, &horizontal) } else { (&horizontal, &vertical) };
            format!("paint(paint(X, {first}), {last})")
        })
        .collect()
}

/// The one row (`rows`) or column of `g` that is all one colour other than its most common, if
/// exactly one is (arc-dsl's `frontiers` off the background).
fn divider(g: &GridData, rows: bool) -> Option<usize> {
    let bg = most_color(g);
    let (n, len) = if rows { (g.h, g.w) } else { (g.w, g.h) };
    let at = |line: usize, k: usize| if rows { g.cells[line * g.w + k] } else { g.cells[k * g.w + line] };
    let lines: Vec<usize> =
        (0..n).filter(|&l| at(l, 0) != bg && (0..len).all(|k| at(l, k) == at(l, 0))).collect();
    match lines[..] {
        [l] => Some(l),
        _ => None,
    }
}

/// `g` with its mirror images across its dividers (`rows`: the one full row off the background,
/// `cols`: the one full column; both: the two and their crossing's half turn) painted under it, each
/// image in turn (arc-dsl's `underpaint`, the most common colour read again each time); `None`
/// where a divider asked for is not there.
fn mirrored_across(g: &GridData, rows: bool, cols: bool) -> Option<GridData> {
    let r = if rows { Some(divider(g, true)? as i64) } else { None };
    let c = if cols { Some(divider(g, false)? as i64) } else { None };
    let mut images: Vec<(Option<i64>, Option<i64>)> = Vec::new();
    if cols {
        images.push((None, c));
    }
    if rows {
        images.push((r, None));
    }
    if rows && cols {
        images.push((r, c));
    }
    let mut out = g.clone();
    for (ir, ic) in images {
        let bg = most_color(&out);
        for k in 0..g.cells.len() {
            let (i, j) = ((k / g.w) as i64, (k % g.w) as i64);
            let (si, sj) = (ir.map_or(i, |l| 2 * l - i), ic.map_or(j, |l| 2 * l - j));
            if out.cells[k] == bg && (0..g.h as i64).contains(&si) && (0..g.w as i64).contains(&sj) {
                out.cells[k] = g.cells[si as usize * g.w + sj as usize];
            }
        }
    }
    Some(out)
}

/// Mirrors across lines: where every output is its input with its picture reflected across a full
/// row or column of one colour off the background (a divider, anywhere, not only in the middle), or
/// across one of each (the two reflections and the half turn about their crossing), the reflections
/// filling only background cells (60d73be6). The dividers must be there, one of each kind asked
/// for, on every demonstration and test input, and the reflections must rebuild every output. The
/// column divider `L` is `leftmost(extract(F, vline))` (`F` the frontiers off the most common
/// colour), the reflection across it `shift(asobject(vmirror(X)), astuple(ZERO, subtract(double(L),
/// decrement(width(X)))))`, painted with `underpaint`; the rows likewise with `hmirror`, the crossing
/// with `rot180`.
pub fn mirrors_across_lines(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    if !same_shapes_changed(train) || train.iter().any(|(i, _)| i.h < 3 || i.w < 3) {
        return Vec::new();
    }
    let f = "difference(frontiers(X), colorfilter(frontiers(X), mostcolor(X)))";
    let dc = format!("subtract(double(leftmost(extract({f}, vline))), decrement(width(X)))");
    let dr = format!("subtract(double(uppermost(extract({f}, hline))), decrement(height(X)))");
    let mut out = Vec::new();
    for (rows, cols) in [(false, true), (true, false), (true, true)] {
        let rebuilt = train.iter().all(|(i, o)| mirrored_across(i, rows, cols).as_ref() == Some(o));
        if !rebuilt || !tests.iter().all(|t| mirrored_across(t, rows, cols).is_some()) {
            continue;
        }
        let mut text = "X".to_string();
        if cols {
            text = format!("underpaint({text}, shift(asobject(vmirror(X)), astuple(ZERO, {dc})))");
        }
        if rows {
            text = format!("underpaint({text}, shift(asobject(hmirror(X)), astuple({dr}, ZERO)))");
        }
        if rows && cols {
            text = format!("underpaint({text}, shift(asobject(rot180(X)), astuple({dr}, {dc})))");
        }
        out.push(text);
        break;
    }
    out
}

/// `g` with the two colours of each object (8-connected, of any colours, off the most common
/// colour) swapped inside the object's box: the box's cells of the object's less common colour take
/// its more common one and the other way round; `None` where some object does not show exactly two
/// colours, in unequal numbers, or where two boxes would give one cell two colours.
fn swapped_in_objects(g: &GridData) -> Option<GridData> {
    let bg = most_color(g);
    let objs = crate::rules::flood(g, true, |k| g.cells[k] != bg, |_, n| g.cells[n] != bg);
    let mut out = g.clone();
    let mut set: Vec<Option<u8>> = vec![None; g.cells.len()];
    for cells in &objs {
        let mut n = [0usize; 10];
        cells.iter().for_each(|&k| n[g.cells[k] as usize % 10] += 1);
        let shown: Vec<usize> = (0..10).filter(|&c| n[c] > 0).collect();
        let [a, b] = shown[..] else {
            return None;
        };
        if n[a] == n[b] {
            return None;
        }
        let (most, least) = if n[a] > n[b] { (a as u8, b as u8) } else { (b as u8, a as u8) };
        let (rows, cols) = (cells.iter().map(|&k| k / g.w), cells.iter().map(|&k| k % g.w));
        let (r0, r1) = (rows.clone().min()?, rows.max()?);
        let (c0, c1) = (cols.clone().min()?, cols.max()?);
        for k in (r0..=r1).flat_map(|r| (c0..=c1).map(move |c| r * g.w + c)) {
            let to = match g.cells[k] {
                v if v == most => least,
                v if v == least => most,
                _ => continue,
            };
            if set[k].is_some_and(|v| v != to) {
                return None;
            }
            set[k] = Some(to);
            out.cells[k] = to;
        }
    }
    Some(out)
}

/// Colours swapped in objects: where every output is its input with the two colours of each object
/// (8-connected, of any colours) swapped (45737921's blocks). Every object of every demonstration
/// and test input must show exactly two colours in unequal numbers (so `mostcolor` and `leastcolor`
/// of the object name them), no two objects' boxes may ask one cell for two colours, and the swap
/// must rebuild every output. For an object `o` the swapped cells are `shift(recolor(mostcolor(o),
/// ofcolor(subgrid(o, X), leastcolor(o))), ulcorner(o))` and the same the other way round, painted
/// over the input for every object at once.
pub fn colours_swapped_in_objects(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    if !same_shapes_changed(train)
        || !train.iter().all(|(i, o)| swapped_in_objects(i).as_ref() == Some(o))
        || !tests.iter().all(|t| swapped_in_objects(t).is_some())
    {
        return Vec::new();
    }
    let part = |to: &str, from: &str| {
        format!("fork(shift, fork(recolor, {to}, fork(ofcolor, rbind(subgrid, X), {from})), ulcorner)")
    };
    let swap =
        format!("fork(combine, {}, {})", part("mostcolor", "leastcolor"), part("leastcolor", "mostcolor"));
    vec![format!("paint(X, mapply({swap}, objects(X, F, T, T)))")]
}

/// `g` with every object of colour `n` (one-colour, 4-connected or with `diagonal` 8-connected, off
/// the most common colour) that touches an object of another colour on a side painted that
/// colour, the touching objects ("markers") covered first where `remove`; `None` where one object
/// touches markers of two colours (the painting order would decide) or no object touches one.
fn marked_recolours(g: &GridData, n: u8, diagonal: bool, remove: bool) -> Option<GridData> {
    let bg = most_color(g);
    if bg == n {
        return None;
    }
    let objs = crate::rules::flood(g, diagonal, |k| g.cells[k] != bg, |k, m| g.cells[m] == g.cells[k]);
    let mut owner = vec![usize::MAX; g.cells.len()];
    for (i, cells) in objs.iter().enumerate() {
        cells.iter().for_each(|&k| owner[k] = i);
    }
    let mut out = g.clone();
    if remove {
        out.cells.iter_mut().filter(|c| **c != bg && **c != n).for_each(|c| *c = bg);
    }
    let mut any = false;
    for cells in objs.iter().filter(|cells| g.cells[cells[0]] == n) {
        let mut colour = None;
        for &k in cells {
            let (r, q) = (k / g.w, k % g.w);
            let sides = [
                (r > 0).then(|| k - g.w),
                (r + 1 < g.h).then(|| k + g.w),
                (q > 0).then(|| k - 1),
                (q + 1 < g.w).then(|| k + 1),
            ];
            for m in sides.into_iter().flatten() {
                let c = g.cells[m];
                if c == bg || c == n || owner[m] == usize::MAX {
                    continue;
                }
                if colour.is_some_and(|v| v != c) {
                    return None;
                }
                colour = Some(c);
            }
        }
        if let Some(c) = colour {
            cells.iter().for_each(|&k| out.cells[k] = c);
            any = true;
        }
    }
    any.then_some(out)
}

/// Objects coloured by their markers: where every output is its input with each object of one
/// colour `N` (the same on every demonstration) that touches an object of another colour on a side
/// painted that marker's colour, the markers themselves covered or kept (b7256dcd: the 6-shapes take
/// the colour of the cell beside them, every marker goes). The colour, the objects' connectivity
/// and whether the markers go are read off the demonstrations; an object touching markers of two
/// colours anywhere, or a test input where no object of `N` touches a marker, gives no rule.
/// Written as `paint(cover(X, M), mapply(fork(recolor, compose(color, compose(rbind(toobject, X),
/// T)), identity), sfilter(C, compose(positive, compose(size, T)))))` (or `paint(X, ...)` where the
/// markers stay): `C` the objects of colour `N`, `M` the cells of neither `N` nor the most common
/// colour, `T(o)` the cells of `M` beside `o` (`intersection(M, ...)` of `o` shifted up, down, left
/// and right).
pub fn objects_coloured_by_markers(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    if !same_shapes_changed(train) {
        return Vec::new();
    }
    for n in 0..10u8 {
        if !train.iter().all(|(i, _)| i.cells.contains(&n)) {
            continue;
        }
        for diagonal in [false, true] {
            for remove in [true, false] {
                let rebuilt =
                    train.iter().all(|(i, o)| marked_recolours(i, n, diagonal, remove).as_ref() == Some(o));
                if !rebuilt || !tests.iter().all(|t| marked_recolours(t, n, diagonal, remove).is_some()) {
                    continue;
                }
                let objs = format!("objects(X, T, {}, T)", if diagonal { "T" } else { "F" });
                let c = format!("colorfilter({objs}, {})", COLORS[n as usize]);
                let m = format!(
                    "difference(asindices(X), combine(ofcolor(X, {}), ofcolor(X, mostcolor(X))))",
                    COLORS[n as usize]
                );
                let sides = "fork(combine, fork(combine, rbind(shift, UP), rbind(shift, DOWN)), fork(combine, rbind(shift, LEFT), rbind(shift, RIGHT)))";
                let touch = format!("compose(lbind(intersection, {m}), compose({sides}, toindices))");
                let touching = format!("sfilter({c}, compose(positive, compose(size, {touch})))");
                let painted =
                    format!("mapply(fork(recolor, compose(color, compose(rbind(toobject, X), {touch})), identity), {touching})");
                let base = if remove { format!("cover(X, {m})") } else { "X".to_string() };
                return vec![format!("paint({base}, {painted})")];
            }
        }
    }
    Vec::new()
}

/// `g` sheared into a parallelogram on a canvas of colour `fill`: with `rows`, row `r` moved right
/// by `h - 1 - r` (the top row furthest) or, with `rising`, by `r`, the canvas `w + h - 1` wide;
/// otherwise the columns moved down the same way by `w - 1 - c` or `c`.
fn sheared(g: &GridData, rows: bool, rising: bool, fill: u8) -> GridData {
    let (h, w) = (g.h, g.w);
    let (oh, ow) = if rows { (h, w + h - 1) } else { (h + w - 1, w) };
    let mut cells = vec![fill; oh * ow];
    for k in 0..g.cells.len() {
        let (r, c) = (k / w, k % w);
        let (r2, c2) = match (rows, rising) {
            (true, false) => (r, c + h - 1 - r),
            (true, true) => (r, c + r),
            (false, false) => (r + w - 1 - c, c),
            (false, true) => (r + c, c),
        };
        cells[r2 * ow + c2] = g.cells[k];
    }
    GridData { h: oh, w: ow, cells }
}

/// Shears: where every output is its input sheared into a parallelogram, each row moved right by
/// one cell more than the row below it (or above it), or each column moved down likewise, on a
/// canvas of one colour the same on every demonstration (3cd86f4f: the rows stepped into a
/// staircase on black). The direction and the colour are read off the demonstrations (two or more
/// needed, each at least two rows and columns). The cells are moved one by one:
/// `paint(canvas(K, S), apply(fork(astuple, first, compose(G, last)), asobject(X)))`, `G` the move
/// of one location, for the top row furthest right `fork(astuple, first, fork(add, last,
/// compose(lbind(subtract, decrement(height(X))), first)))`, `S` the sheared shape.
pub fn shears(train: &[(GridData, GridData)]) -> Vec<String> {
    if train.len() < 2 || train.iter().any(|(i, _)| i.h < 2 || i.w < 2) {
        return Vec::new();
    }
    let (i0, o0) = &train[0];
    for (rows, rising) in [(true, false), (true, true), (false, false), (false, true)] {
        let (oh, ow) = if rows { (i0.h, i0.w + i0.h - 1) } else { (i0.h + i0.w - 1, i0.w) };
        if (o0.h, o0.w) != (oh, ow) {
            continue;
        }
        // The canvas colour: the output's top left corner, or its top right where the steps rise.
        let fill = o0.cells[if rising { ow - 1 } else { 0 }];
        if !train.iter().all(|(i, o)| sheared(i, rows, rising, fill) == *o) {
            continue;
        }
        let g = match (rows, rising) {
            (true, false) => {
                "fork(astuple, first, fork(add, last, compose(lbind(subtract, decrement(height(X))), first)))"
            }
            (true, true) => "fork(astuple, first, fork(add, last, first))",
            (false, false) => {
                "fork(astuple, fork(add, first, compose(lbind(subtract, decrement(width(X))), last)), last)"
            }
            (false, true) => "fork(astuple, fork(add, first, last), last)",
        };
        let shape = if rows {
            "astuple(height(X), add(width(X), decrement(height(X))))"
        } else {
            "astuple(add(height(X), decrement(width(X))), width(X))"
        };
        let k = COLORS[fill as usize];
        return vec![format!(
            "paint(canvas({k}, {shape}), apply(fork(astuple, first, compose({g}, last)), asobject(X)))"
        )];
    }
    Vec::new()
}

/// The cells of `g` covered by the occurrences of `shape` (cell offsets from its box's top left
/// corner) all of colour `a`, anywhere the shape fits on the grid (arc-dsl's `occurrences`).
fn shape_occurrences(g: &GridData, shape: &[(usize, usize)], a: u8) -> Vec<usize> {
    let sh = shape.iter().map(|p| p.0).max().unwrap_or(0) + 1;
    let sw = shape.iter().map(|p| p.1).max().unwrap_or(0) + 1;
    let mut hit = vec![false; g.cells.len()];
    for r in 0..(g.h + 1).saturating_sub(sh) {
        for c in 0..(g.w + 1).saturating_sub(sw) {
            if shape.iter().all(|&(i, j)| g.cells[(r + i) * g.w + c + j] == a) {
                shape.iter().for_each(|&(i, j)| hit[(r + i) * g.w + c + j] = true);
            }
        }
    }
    (0..g.cells.len()).filter(|&k| hit[k]).collect()
}

/// A shape (cell offsets from its box's top left corner) and a colour change `a` to `b`.
type ShapeChange = (Vec<(usize, usize)>, u8, u8);

/// The one shape (offsets from its box's corner, in reading order) and the one colour change `a`
/// to `b` of every group of changed cells (4-connected, or 8 with `diagonal`) on every
/// demonstration, if there is one, of two cells or more.
fn changed_shape(train: &[(GridData, GridData)], diagonal: bool) -> Option<ShapeChange> {
    let mut found: Option<ShapeChange> = None;
    for (i, o) in train {
        let groups =
            crate::rules::flood(i, diagonal, |k| i.cells[k] != o.cells[k], |_, n| i.cells[n] != o.cells[n]);
        for cells in groups {
            let (a, b) = (i.cells[cells[0]], o.cells[cells[0]]);
            if cells.iter().any(|&k| (i.cells[k], o.cells[k]) != (a, b)) {
                return None;
            }
            let r0 = cells.iter().map(|&k| k / i.w).min()?;
            let c0 = cells.iter().map(|&k| k % i.w).min()?;
            let shape: Vec<(usize, usize)> = cells.iter().map(|&k| (k / i.w - r0, k % i.w - c0)).collect();
            match &found {
                None => found = Some((shape, a, b)),
                Some(f) if *f == (shape, a, b) => {}
                Some(_) => return None,
            }
        }
    }
    found.filter(|(shape, _, _)| shape.len() >= 2)
}

/// Shapes recoloured where they occur: where every group of cells the outputs change has one shape
/// and one change of colour `A` to `B`, and recolouring every place where that shape occurs all in
/// `A` (overlapping places included; 1818057f's plus signs inside larger blots) rebuilds every
/// output. Two demonstrations or more; the shape within ten cells each way (its offsets are
/// written as constants); every test input must show the shape somewhere.
/// `fill(X, B, mapply(lbind(shift, P), occurrences(X, recolor(A, P))))`, `P` the shape's cells
/// as `insert(astuple(i, j), ...initset(astuple(i0, j0)))`.
pub fn shapes_recoloured(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    if train.len() < 2 || !same_shapes_changed(train) {
        return Vec::new();
    }
    for diagonal in [false, true] {
        let Some((shape, a, b)) = changed_shape(train, diagonal) else { continue };
        if shape.iter().any(|&(i, j)| i >= 10 || j >= 10) {
            continue;
        }
        let rebuilt = train.iter().all(|(i, o)| {
            let mut g = i.clone();
            shape_occurrences(i, &shape, a).into_iter().for_each(|k| g.cells[k] = b);
            g == *o
        });
        if !rebuilt || !tests.iter().all(|t| !shape_occurrences(t, &shape, a).is_empty()) {
            continue;
        }
        let at = |&(i, j): &(usize, usize)| format!("astuple({}, {})", COLORS[i], COLORS[j]);
        let mut p = format!("initset({})", at(&shape[0]));
        for cell in &shape[1..] {
            p = format!("insert({}, {p})", at(cell));
        }
        let (ac, bc) = (COLORS[a as usize], COLORS[b as usize]);
        return vec![format!("fill(X, {bc}, mapply(lbind(shift, {p}), occurrences(X, recolor({ac}, {p}))))")];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::confirm_template;

    fn rows(rs: &[&str]) -> GridData {
        GridData::from_rows(rs)
    }

    #[test]
    fn each_colour_moves_its_own_step() {
        // 2s go up two, 3s right one, 4s stay, on a background of 8.
        let train = vec![
            (
                rows(&["88888", "88888", "82888", "88838", "84888"]),
                rows(&["82888", "88888", "88888", "88883", "84888"]),
            ),
            (
                rows(&["88888", "88888", "88888", "83828", "88884"]),
                rows(&["88888", "88828", "88888", "88388", "88884"]),
            ),
        ];
        let test = rows(&["88888", "88488", "88888", "83888", "88828"]);
        let t = colour_shifts(&train, std::slice::from_ref(&test));
        assert_eq!(t.len(), 1, "{t:?}");
        let answers = confirm_template(&t[0], &train, std::slice::from_ref(&test))
            .expect("it rebuilds the demonstrations");
        let want = rows(&["88888", "88488", "88828", "88388", "88888"]);
        assert_eq!(answers[0].as_ref(), Some(&want));
        // A colour the demonstrations never moved: no rule.
        let unseen = rows(&["88888", "88588", "88888", "88888", "88888"]);
        assert!(colour_shifts(&train, &[unseen]).is_empty());
        // A 2 that does not keep its step: no rule.
        let mut broken = train.clone();
        broken[1].1 = rows(&["88888", "88888", "88828", "88388", "88884"]);
        assert!(colour_shifts(&broken, &[test]).is_empty());
    }

    #[test]
    fn segments_grow_along_their_orientation() {
        // A vertical 6 and a horizontal 5 (rows over columns); the single 2 stays.
        let train = vec![
            (
                rows(&["777777", "767777", "767727", "777777", "775577", "777777"]),
                rows(&["767777", "767777", "767727", "767777", "555555", "767777"]),
            ),
            (
                rows(&["777777", "777737", "777737", "711777", "777777", "777777"]),
                rows(&["777737", "777737", "777737", "111111", "777737", "777737"]),
            ),
        ];
        let test = rows(&["777777", "777777", "747777", "747777", "777997", "777777"]);
        let t = segment_lines(&train);
        assert_eq!(t.len(), 1, "{t:?}");
        let answers = confirm_template(&t[0], &train, std::slice::from_ref(&test))
            .expect("it rebuilds the demonstrations");
        let want = rows(&["747777", "747777", "747777", "747777", "999999", "747777"]);
        assert_eq!(answers[0].as_ref(), Some(&want));
        // The columns over the rows instead: the other order is written.
        let mut cols_last = train.clone();
        cols_last[0].1 = rows(&["767777", "767777", "767727", "767777", "565555", "767777"]);
        cols_last[1].1 = rows(&["777737", "777737", "777737", "111131", "777737", "777737"]);
        let t = segment_lines(&cols_last);
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0].find("hfrontier") < t[0].find("vfrontier"), "{}", t[0]);
        confirm_template(&t[0], &cols_last, &[]).expect("it rebuilds the demonstrations");
        // A segment left short: no rule.
        let mut broken = train.clone();
        broken[1].1 = rows(&["777777", "777737", "777737", "111111", "777737", "777737"]);
        assert!(segment_lines(&broken).is_empty());
    }
    #[test]
    fn pictures_mirror_across_off_centre_lines() {
        // A column of 1s and a row of 1s, off the middle on the test: the picture in the upper left reflected
        // across both and turned about their crossing, under what is there.
        let train = vec![
            (
                rows(&["2701000", "7001000", "1111111", "0001000", "0001000", "0001000"]),
                rows(&["2701072", "7001007", "1111111", "7001007", "2701072", "0001000"]),
            ),
            (
                rows(&["0001000", "0001030", "1111111", "0001000", "0001000"]),
                rows(&["0001000", "0301030", "1111111", "0301030", "0001000"]),
            ),
        ];
        let test = rows(&["00200100", "00010100", "11111111", "00000100", "00000100", "00000100"]);
        let t = mirrors_across_lines(&train, std::slice::from_ref(&test));
        assert_eq!(t.len(), 1, "{t:?}");
        let answers = confirm_template(&t[0], &train, std::slice::from_ref(&test))
            .expect("it rebuilds the demonstrations");
        let want = rows(&["00200100", "00010101", "11111111", "00010101", "00200100", "00000100"]);
        assert_eq!(answers[0].as_ref(), Some(&want));
        // A test input without its row divider: no rule.
        let undivided = rows(&["00200100", "00010100", "00000100"]);
        assert!(mirrors_across_lines(&train, &[undivided]).is_empty());
        // An output that also overwrites the picture: no rule.
        let mut broken = train.clone();
        broken[1].1 = rows(&["0301000", "0301030", "1111111", "0301030", "0001000"]);
        assert!(mirrors_across_lines(&broken, &[test]).is_empty());
    }
    #[test]
    fn two_coloured_objects_swap_their_colours() {
        let train = vec![
            (
                rows(&["000000", "012000", "022000", "000033", "000034", "000000"]),
                rows(&["000000", "021000", "011000", "000044", "000043", "000000"]),
            ),
            (
                rows(&["00000", "05550", "05650", "05550", "00000"]),
                rows(&["00000", "06660", "06560", "06660", "00000"]),
            ),
        ];
        let test = rows(&["00000", "07800", "08800", "00000", "00000"]);
        let t = colours_swapped_in_objects(&train, std::slice::from_ref(&test));
        assert_eq!(t.len(), 1, "{t:?}");
        let answers = confirm_template(&t[0], &train, std::slice::from_ref(&test))
            .expect("it rebuilds the demonstrations");
        assert_eq!(answers[0].as_ref(), Some(&rows(&["00000", "08700", "07700", "00000", "00000"])));
        // An object of two colours in equal numbers on a test input: no rule.
        let even = rows(&["00000", "07800", "08700", "00000", "00000"]);
        assert!(colours_swapped_in_objects(&train, &[even]).is_empty());
        // An object left as it is: no rule.
        let mut broken = train.clone();
        broken[1].1 = broken[1].0.clone();
        assert!(colours_swapped_in_objects(&broken, &[test]).is_empty());
    }
    #[test]
    fn markers_colour_the_objects_they_touch() {
        // 6-shapes take the colour of the cell on their side; every marker goes, an untouched shape stays.
        let train = vec![
            (
                rows(&["76637", "77747", "77767", "77666", "77767"]),
                rows(&["73377", "77777", "77747", "77444", "77747"]),
            ),
            (
                rows(&["7776", "3766", "7767", "7777", "1666", "7767"]),
                rows(&["7776", "7766", "7767", "7777", "7111", "7717"]),
            ),
        ];
        let test = rows(&["77777", "76677", "77277", "77777", "96777", "76777"]);
        let t = objects_coloured_by_markers(&train, std::slice::from_ref(&test));
        assert_eq!(t.len(), 1, "{t:?}");
        let answers = confirm_template(&t[0], &train, std::slice::from_ref(&test))
            .expect("it rebuilds the demonstrations");
        let want = rows(&["77777", "72277", "77777", "77777", "79777", "79777"]);
        assert_eq!(answers[0].as_ref(), Some(&want));
        // A test shape between markers of two colours: no rule.
        let torn = rows(&["77777", "26677", "77377", "77777", "77777", "77777"]);
        assert!(objects_coloured_by_markers(&train, &[torn]).is_empty());
        // A marker that does not colour its shape: no rule.
        let mut broken = train.clone();
        broken[1].1 = rows(&["7776", "7766", "7767", "7777", "7666", "7767"]);
        assert!(objects_coloured_by_markers(&broken, &[test]).is_empty());
    }
    #[test]
    fn grids_shear_into_staircases() {
        // Rows stepped right, the top row furthest, on black.
        let train = vec![
            (rows(&["123", "456"]), rows(&["0123", "4560"])),
            (rows(&["78", "97", "55"]), rows(&["0078", "0970", "5500"])),
        ];
        let test = rows(&["12", "34", "56"]);
        let t = shears(&train);
        assert_eq!(t.len(), 1, "{t:?}");
        let answers = confirm_template(&t[0], &train, std::slice::from_ref(&test))
            .expect("it rebuilds the demonstrations");
        assert_eq!(answers[0].as_ref(), Some(&rows(&["0012", "0340", "5600"])));
        // Columns stepped down, the first column lowest, on 9s.
        let cols = vec![
            (rows(&["12", "34"]), rows(&["92", "14", "39"])),
            (rows(&["123", "456"]), rows(&["993", "926", "159", "499"])),
        ];
        let t = shears(&cols);
        assert_eq!(t.len(), 1, "{t:?}");
        let answers = confirm_template(&t[0], &cols, std::slice::from_ref(&test))
            .expect("it rebuilds the demonstrations");
        assert_eq!(answers[0].as_ref(), Some(&rows(&["92", "14", "36", "59"])));
        // A row left out of step: no rule.
        let mut broken = train.clone();
        broken[1].1 = rows(&["0078", "0970", "0550"]);
        assert!(shears(&broken).is_empty());
    }
    #[test]
    fn shapes_are_recoloured_where_they_occur() {
        // Every 2-cell vertical bar of 4s inside the blots turns 8; a lone 4 stays.
        let train = vec![
            (rows(&["22222", "24442", "24242", "22224"]), rows(&["22222", "28482", "28282", "22224"])),
            (rows(&["4222", "4224", "2224", "2422"]), rows(&["8222", "8228", "2228", "2422"])),
        ];
        let test = rows(&["2422", "2442", "2242", "4222"]);
        let t = shapes_recoloured(&train, std::slice::from_ref(&test));
        assert_eq!(t.len(), 1, "{t:?}");
        let answers = confirm_template(&t[0], &train, std::slice::from_ref(&test))
            .expect("it rebuilds the demonstrations");
        assert_eq!(answers[0].as_ref(), Some(&rows(&["2822", "2882", "2282", "4222"])));
        // A test input where the shape does not occur: no rule.
        let none = rows(&["2422", "2242", "2224", "4222"]);
        assert!(shapes_recoloured(&train, &[none]).is_empty());
        // A bar left unchanged: no rule.
        let mut broken = train.clone();
        broken[1].1 = rows(&["8222", "8224", "2224", "2422"]);
        assert!(shapes_recoloured(&broken, &[test]).is_empty());
    }
}
