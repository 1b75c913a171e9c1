//! Rules for outputs that summarise their input in a few cells ([`crate::extracts`] registers them):
//! - [`colour_lists`]: the input's colours (all, besides its most common one, or also besides the
//!   most common of the rest) sorted by a count or a position, as a column, a row or a square of bands;
//! - [`lattice_summaries`]: the colours of a lattice's cells, one cell each;
//! - [`counted_lines`]: one colour as a line or a square (or the square's diagonal) as long as
//!   a count of the input.
//!
//! As in [`crate::extracts`], the Rust checks decide whether a rule fits every demonstration; the
//! layer evaluates the template through the kernels and the interpreter checks it again.

use crate::extracts::{least_color, objects_of, squeeze_text};
use crate::rules::most_color;
use crate::{GridData, COLORS};

/// The number of cells of colour `c` in `g`.
fn count_of(g: &GridData, c: u8) -> usize {
    g.cells.iter().filter(|&&x| x == c).count()
}

/// Which colours a list holds: DSL text of the set, and Rust.
type Listed = (&'static str, fn(&GridData) -> Option<Vec<u8>>);

/// Every colour but the most common.
fn besides_background(g: &GridData) -> Option<Vec<u8>> {
    let bg = most_color(g);
    Some((0..10u8).filter(|&c| c != bg && g.cells.contains(&c)).collect())
}

/// Those without the most common of them (`None` on a tie for it, which `argmax` would break by
/// the set's order).
fn besides_two_most_common(g: &GridData) -> Option<Vec<u8>> {
    let rest = besides_background(g)?;
    let top = rest.iter().map(|&c| count_of(g, c)).max()?;
    if rest.iter().filter(|&&c| count_of(g, c) == top).count() > 1 {
        return None;
    }
    Some(rest.into_iter().filter(|&c| count_of(g, c) != top).collect())
}

/// Every colour.
fn every_colour(g: &GridData) -> Option<Vec<u8>> {
    Some((0..10u8).filter(|&c| g.cells.contains(&c)).collect())
}

const LISTED: [Listed; 3] = [
    ("palette(X)", every_colour),
    ("remove(mostcolor(X), palette(X))", besides_background),
    (
        "remove(argmax(remove(mostcolor(X), palette(X)), lbind(colorcount, X)), remove(mostcolor(X), palette(X)))",
        besides_two_most_common,
    ),
];

/// What a list is sorted by: DSL text of the key on a colour, and Rust (smaller first).
type Order = (&'static str, fn(&GridData, u8) -> i64);

const ORDERS: [Order; 4] = [
    ("compose(invert, lbind(colorcount, X))", |g, c| -(count_of(g, c) as i64)),
    ("lbind(colorcount, X)", |g, c| count_of(g, c) as i64),
    ("compose(leftmost, lbind(ofcolor, X))", |g, c| {
        (0..g.cells.len()).filter(|&k| g.cells[k] == c).map(|k| (k % g.w) as i64).min().unwrap_or(0)
    }),
    ("compose(uppermost, lbind(ofcolor, X))", |g, c| {
        (0..g.cells.len()).filter(|&k| g.cells[k] == c).map(|k| (k / g.w) as i64).min().unwrap_or(0)
    }),
];

/// How a sorted list is drawn.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ListShape {
    /// One cell per colour, top to bottom.
    Column,
    /// One cell per colour, left to right.
    Row,
    /// A square of horizontal bands, one per colour.
    Bands,
    /// A square of vertical bands.
    Stripes,
    /// A column on a portrait input (taller than wide), else a row.
    Along,
}

impl ListShape {
    /// Whether `o` draws `list` (sorted) this way, for input `i`.
    fn draws(self, i: &GridData, list: &[u8], o: &GridData) -> bool {
        let k = list.len();
        let (col, side) = match self {
            ListShape::Column => (true, 1),
            ListShape::Row => (false, 1),
            ListShape::Bands => (true, k),
            ListShape::Stripes => (false, k),
            ListShape::Along => (i.h > i.w, 1),
        };
        let (h, w) = if col { (k, side) } else { (side, k) };
        (o.h, o.w) == (h, w) && (0..h * w).all(|p| o.cells[p] == list[if col { p / w } else { p % w }])
    }

    /// The drawing of the sorted list `s` (DSL text) as DSL text.
    fn text(self, s: &str) -> String {
        let column = format!(
            "paint(canvas(ZERO, astuple(size({s}), ONE)), papply(astuple, {s}, apply(rbind(astuple, ZERO), \
             interval(ZERO, size({s}), ONE))))"
        );
        match self {
            ListShape::Column => column,
            ListShape::Row => format!("dmirror({column})"),
            ListShape::Bands => format!("hupscale({column}, size({s}))"),
            ListShape::Stripes => format!("dmirror(hupscale({column}, size({s})))"),
            ListShape::Along => format!("branch(portrait(X), {column}, dmirror({column}))"),
        }
    }
}

/// When every output lists colours of its input in one order, each once, as one cell or one band
/// of a square: the input's colours (all of them, those besides its most common one, or besides
/// the most common of those too), sorted by their number of cells (most or fewest first) or by their first column or
/// row (where a position key sorts a row along columns or a column along rows, or the list's
/// direction follows the input's), with no tie on the key on any demonstration, some list of two
/// or more and the lists' lengths adding up to five or more (evidence of an order, not a few
/// fixed colours): that sort, drawn.
pub fn colour_lists(train: &[(GridData, GridData)]) -> Vec<String> {
    let total: usize = train.iter().map(|(_, o)| o.h.max(o.w)).sum();
    if total < 5 || train.iter().all(|(_, o)| o.h * o.w < 2) {
        return Vec::new();
    }
    // `listed` sorted by `key`, `None` on a tie (where the order of the set would decide).
    let sort = |i: &GridData, listed: fn(&GridData) -> Option<Vec<u8>>, key: fn(&GridData, u8) -> i64| {
        let mut l = listed(i)?;
        l.sort_by_key(|&c| key(i, c));
        let tie = l.windows(2).any(|p| key(i, p[0]) == key(i, p[1]));
        (!l.is_empty() && !tie).then_some(l)
    };
    let (by_col, by_row) = (ORDERS[2], ORDERS[3]);
    for (set_text, listed) in LISTED {
        if train.iter().all(|(i, _)| listed(i).is_none_or(|l| l.len() < 2)) {
            continue;
        }
        for (k, (order_text, key)) in ORDERS.into_iter().enumerate() {
            let Some(sorted) = train.iter().map(|(i, _)| sort(i, listed, key)).collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            for shape in
                [ListShape::Column, ListShape::Row, ListShape::Bands, ListShape::Stripes, ListShape::Along]
            {
                // A position key sorts a list along its own direction only.
                let across = matches!(shape, ListShape::Row | ListShape::Stripes);
                if (k == 2 && !across) || (k == 3 && (across || shape == ListShape::Along)) {
                    continue;
                }
                if train.iter().zip(&sorted).all(|((i, o), l)| shape.draws(i, l, o)) {
                    return vec![shape.text(&format!("order({set_text}, {order_text})"))];
                }
            }
        }
        // Along the input's longer side, sorted by the position along it.
        let along = train.iter().all(|(i, o)| {
            let key = if i.h > i.w { by_row.1 } else { by_col.1 };
            sort(i, listed, key).is_some_and(|l| ListShape::Along.draws(i, &l, o))
        });
        if along {
            let col = ListShape::Column.text(&format!("order({set_text}, {})", by_row.0));
            let row = ListShape::Row.text(&format!("order({set_text}, {})", by_col.0));
            return vec![format!("branch(portrait(X), {col}, {row})")];
        }
    }
    Vec::new()
}

/// A count of the input: DSL text (with `{C}` for a colour's text where it counts one colour) and
/// Rust.
type Count = (&'static str, fn(&GridData, u8) -> usize);

const COUNTS: [Count; 6] = [
    ("colorcount(X, {C})", |g, c| count_of(g, c)),
    ("size(objects(X, T, F, T))", |g, _| objects_of(g, true, false).len()),
    ("size(objects(X, T, T, T))", |g, _| objects_of(g, true, true).len()),
    ("size(objects(X, F, T, T))", |g, _| objects_of(g, false, true).len()),
    ("size(colorfilter(objects(X, T, F, T), {C}))", |g, c| {
        objects_of(g, true, false).iter().filter(|o| o.cells[0].2 == c).count()
    }),
    ("numcolors(X)", |g, _| (0..10u8).filter(|&c| g.cells.contains(&c)).count()),
];

/// How a counted canvas is drawn.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CountShape {
    Row,
    Column,
    Square,
    /// The diagonal of a square of the background colour.
    Diagonal,
}

/// When every output is one colour drawn as a row, a column or a square (or the diagonal of a
/// square of a fixed background) as long as a count of the input (of that colour's cells or
/// objects, of objects, of colours), where the count varies over the demonstrations and the colour
/// is fixed, or the input's other one where every input shows two, one of them always the same,
/// or else its least common one: that canvas (`fill` of `connect` for the diagonal).
pub fn counted_lines(train: &[(GridData, GridData)]) -> Vec<String> {
    // (shape, colour, side, background of a diagonal) per demonstration.
    let read = |o: &GridData| -> Option<(CountShape, u8, usize, u8)> {
        let c0 = o.cells[0];
        if o.cells.iter().all(|&c| c == c0) {
            let shape = match (o.h, o.w) {
                (1, w) if w > 1 => CountShape::Row,
                (h, 1) if h > 1 => CountShape::Column,
                (h, w) if h == w => CountShape::Square,
                _ => return None,
            };
            return Some((shape, c0, o.h.max(o.w), 0));
        }
        let off = *o.cells.get(1)?;
        let diagonal =
            o.h == o.w && (0..o.h * o.w).all(|k| o.cells[k] == if k / o.w == k % o.w { c0 } else { off });
        diagonal.then_some((CountShape::Diagonal, c0, o.h, off))
    };
    let Some(read) = train.iter().map(|(_, o)| read(o)).collect::<Option<Vec<_>>>() else {
        return Vec::new();
    };
    let (shape, _, _, off) = read[0];
    // A single cell is a row, a column and a square of one: the others' shape decides.
    let one = |r: &(CountShape, u8, usize, u8)| r.2 == 1 && r.0 == CountShape::Square;
    if read.iter().any(|r| !one(r) && (r.0 != shape || r.3 != off)) || read.iter().all(|r| r.2 == read[0].2) {
        return Vec::new();
    }
    let shape = read.iter().find(|r| !one(r)).map_or(shape, |r| r.0);
    let fixed = read.iter().all(|r| r.1 == read[0].1);
    let least = train.iter().zip(&read).all(|((i, _), r)| least_color(i) == r.1);
    // Two colours in every input, one the same throughout: the other is the colour drawn (what
    // `leastcolor` guesses, but not where the drawn colour covers most of an input).
    let pair_bg = (0..10u8).find(|&z| {
        train.iter().zip(&read).all(|((i, _), r)| {
            r.1 != z
                && i.cells.iter().all(|&c| c == z || c == r.1)
                && i.cells.contains(&z)
                && i.cells.contains(&r.1)
        })
    });
    let colour_text = if fixed {
        COLORS[read[0].1 as usize].to_string()
    } else if let Some(z) = pair_bg {
        format!("other(palette(X), {})", COLORS[z as usize])
    } else if least {
        "leastcolor(X)".to_string()
    } else {
        return Vec::new();
    };
    let Some((count_text, _)) =
        COUNTS.iter().find(|(_, f)| train.iter().zip(&read).all(|((i, _), r)| f(i, r.1) == r.2))
    else {
        return Vec::new();
    };
    let n = count_text.replace("{C}", &colour_text);
    let c = colour_text;
    vec![match shape {
        CountShape::Row => format!("canvas({c}, astuple(ONE, {n}))"),
        CountShape::Column => format!("canvas({c}, astuple({n}, ONE))"),
        CountShape::Square => format!("canvas({c}, astuple({n}, {n}))"),
        CountShape::Diagonal => format!(
            "fill(canvas({}, astuple({n}, {n})), {c}, connect(ORIGIN, decrement(astuple({n}, {n}))))",
            COLORS[off as usize]
        ),
    }]
}

/// The cells of a lattice: `g` cut by full rows and columns of one colour into cells of one
/// colour each, all of one size (the lines of any thickness, all of one; an outer frame of one
/// line on all four sides or none). Returns the cells' colours, whether there is a frame, and the
/// lines' period where the cells are square, the lines one cell thick both ways, and no frame.
fn lattice(g: &GridData) -> Option<(GridData, bool, Option<usize>)> {
    let at = |r: usize, c: usize| g.cells[r * g.w + c];
    // Runs of consecutive indices where `line` holds or not: (start, length, is line).
    let runs = |n: usize, line: &dyn Fn(usize) -> bool| {
        let mut out: Vec<(usize, usize, bool)> = Vec::new();
        for k in 0..n {
            match out.last_mut() {
                Some(run) if run.2 == line(k) => run.1 += 1,
                _ => out.push((k, 1, line(k))),
            }
        }
        out
    };
    let lines = (0..10u8).filter(|&s| {
        (0..g.h).any(|r| (0..g.w).all(|c| at(r, c) == s)) || (0..g.w).any(|c| (0..g.h).all(|r| at(r, c) == s))
    });
    let mut found = None;
    for s in lines {
        let rows = runs(g.h, &|r| (0..g.w).all(|c| at(r, c) == s));
        let cols = runs(g.w, &|c| (0..g.h).all(|r| at(r, c) == s));
        let framed = |v: &[(usize, usize, bool)]| v.len() >= 3 && v[0].2 && v[v.len() - 1].2;
        let frame = framed(&rows) && framed(&cols);
        let bare =
            |v: &[(usize, usize, bool)]| v.first().is_some_and(|x| !x.2) && v.last().is_some_and(|x| !x.2);
        if !(frame || (bare(&rows) && bare(&cols))) {
            continue;
        }
        // One size of cell, one thickness of line inside, a frame of one line.
        let regular = |v: &[(usize, usize, bool)]| {
            let inner = if frame { &v[1..v.len() - 1] } else { v };
            let sizes = |line: bool| inner.iter().filter(|x| x.2 == line).map(|x| x.1).collect::<Vec<_>>();
            let thin_frame = !frame || (v[0].1 == 1 && v[v.len() - 1].1 == 1);
            thin_frame && [sizes(false), sizes(true)].iter().all(|n| n.windows(2).all(|p| p[0] == p[1]))
        };
        if !regular(&rows) || !regular(&cols) {
            continue;
        }
        let cell_rows: Vec<(usize, usize)> = rows.iter().filter(|x| !x.2).map(|x| (x.0, x.1)).collect();
        let cell_cols: Vec<(usize, usize)> = cols.iter().filter(|x| !x.2).map(|x| (x.0, x.1)).collect();
        if cell_rows.len() * cell_cols.len() < 2 {
            continue;
        }
        let mut colours = Vec::new();
        for &(r0, hr) in &cell_rows {
            for &(c0, wc) in &cell_cols {
                let c = at(r0, c0);
                if (r0..r0 + hr).any(|r| (c0..c0 + wc).any(|k| at(r, k) != c)) {
                    return None;
                }
                colours.push(c);
            }
        }
        if found.is_some() {
            // Two readings (two colours of lines): ambiguous.
            return None;
        }
        let thin = |v: &[(usize, usize, bool)]| v.iter().any(|x| x.2) && v.iter().all(|x| !x.2 || x.1 == 1);
        let square = cell_rows[0].1 == cell_cols[0].1 && !frame && thin(&rows) && thin(&cols);
        let period = square.then_some(cell_rows[0].1 + 1);
        found = Some((GridData { h: cell_rows.len(), w: cell_cols.len(), cells: colours }, frame, period));
    }
    found
}

/// When every input is a lattice (full lines of one colour cutting it into cells of one colour
/// each, all of one size; a frame on all four sides or none, the same on every demonstration and
/// test input) and every output is the grid of its cells' colours, maybe mirrored: runs of equal
/// rows and columns cut to one (each cell and each line becomes one; arc-dsl's `dedupe` would also
/// drop the repeated lines), the frame trimmed, and every
/// other row and column kept (`downscale` by two drops the lines). Unlike `compress`, this keeps a
/// row of cells that all have one colour.
pub fn lattice_summaries(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    let Some(read) = train.iter().map(|(i, _)| lattice(i)).collect::<Option<Vec<_>>>() else {
        return Vec::new();
    };
    let frame = read[0].1;
    let tests_fit = tests.iter().all(|t| lattice(t).is_some_and(|l| l.1 == frame));
    if read.iter().any(|l| l.1 != frame) || !tests_fit || read.iter().all(|l| l.0.h * l.0.w < 4) {
        return Vec::new();
    }
    for how in ["identity", "vmirror", "hmirror", "rot180"] {
        if train.iter().zip(&read).all(|((_, o), l)| l.0.turned(how) == *o) {
            // Square cells between thin lines: every `period`-th row and column, the period read
            // off the first line (a shorter program than the squeeze, which ranks it first).
            let periodic = read.iter().all(|l| l.2.is_some())
                && tests.iter().all(|t| lattice(t).is_some_and(|l| l.2.is_some()));
            let summary = if periodic {
                "downscale(X, increment(valmin(sfilter(frontiers(X), hline), uppermost)))".to_string()
            } else {
                let squeezed =
                    format!("dmirror({})", squeeze_text(&format!("dmirror({})", squeeze_text("X"))));
                let body = if frame { format!("trim({squeezed})") } else { squeezed };
                format!("downscale({body}, TWO)")
            };
            return vec![if how == "identity" { summary } else { format!("{how}({summary})") }];
        }
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
    fn colours_listed_by_their_number_of_cells() {
        // Most cells first, one per row; the background (0) is left out.
        let train = vec![
            (grid(&["0111", "0122", "3000", "0000"]), grid(&["1", "2", "3"])),
            (grid(&["4400", "4000", "0500", "0000"]), grid(&["4", "5"])),
        ];
        let test = grid(&["6000", "6600", "0077", "0800"]);
        let ts = colour_lists(&train);
        assert_eq!(ts.len(), 1, "{ts:?}");
        let got = run(&ts[0], &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["6", "7", "8"])));
        // 2 and 3 tie on their counts and their first rows: the set's order would decide, no rule.
        let mut tied = train.clone();
        tied[0].0 = grid(&["0111", "0123", "0000", "0000"]);
        assert!(colour_lists(&tied).is_empty());
        // Too little evidence of an order (one list of two).
        assert!(colour_lists(&train[1..]).is_empty());
    }

    #[test]
    fn colours_listed_along_the_way_they_are_spread() {
        // Stripes left to right give a row, top to bottom a column; the most common colour of
        // each (its widest stripe) is the background, left out.
        let train = vec![
            (grid(&["1122233", "1122233", "1122233"]), grid(&["13"])),
            (grid(&["444", "444", "555", "555", "666", "666", "666", "777"]), grid(&["4", "5", "7"])),
            (grid(&["88999911", "88999911"]), grid(&["81"])),
        ];
        let test = grid(&["1111", "2222", "2222", "2222", "3333"]);
        let ts = colour_lists(&train);
        assert_eq!(ts.len(), 1, "{ts:?}");
        assert!(ts[0].starts_with("branch(portrait(X)"), "{}", ts[0]);
        let got = run(&ts[0], &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["1", "3"])));
    }

    #[test]
    fn a_lattice_summed_up_by_its_cells() {
        // Cells of 2 x 2, then of one cell, between lines of 5; the cells' colours mirrored left
        // to right.
        let train = vec![
            (grid(&["11533500", "11533500", "55555555", "00533544", "00533544"]), grid(&["031", "430"])),
            (grid(&["253", "555", "353", "555", "056"]), grid(&["32", "33", "60"])),
        ];
        let test = grid(&["77500", "77500", "55555", "00577", "00577", "55555", "11511", "11511"]);
        let ts = lattice_summaries(&train, std::slice::from_ref(&test));
        assert_eq!(ts.len(), 1, "{ts:?}");
        let got = run(&ts[0], &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["07", "70", "11"])));
        // A cell of two colours: no lattice of one-colour cells, no rule.
        let mut mixed = train.clone();
        mixed[0].0.cells[0] = 2;
        assert!(lattice_summaries(&mixed, &[]).is_empty());
        // Framed lattices (the squeeze, then the frame trimmed), cells of any shape.
        let framed = vec![
            (
                grid(&["5555555", "5115335", "5115335", "5555555", "5005445", "5005445", "5555555"]),
                grid(&["13", "04"]),
            ),
            (grid(&["5555555", "5253565", "5555555"]), grid(&["236"])),
        ];
        let test = grid(&["5555555", "5115335", "5555555", "5775005", "5555555"]);
        let ts = lattice_summaries(&framed, std::slice::from_ref(&test));
        assert!(ts.len() == 1 && ts[0].contains("trim("), "{ts:?}");
        let got = run(&ts[0], &framed, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["13", "70"])));
        // Inputs that are all line (one colour) or a lone line: no lattice, no panic.
        assert!(lattice(&grid(&["55", "55"])).is_none());
        assert!(lattice(&grid(&["5", "1"])).is_none());
        // A test input with a frame the demonstrations lack: no rule.
        let framed = grid(&["55555", "52535", "55555", "53535", "55555"]);
        assert!(lattice_summaries(&train, &[framed]).is_empty());
    }

    #[test]
    fn a_canvas_as_long_as_a_count() {
        // A row of the colour besides 0, as long as its cells (also where it covers most of the
        // test input, which `leastcolor` would miss).
        let train = vec![
            (grid(&["010", "001", "000"]), grid(&["11"])),
            (grid(&["202", "000", "200"]), grid(&["222"])),
            (grid(&["000", "070", "000"]), grid(&["7"])),
        ];
        let test = grid(&["303", "033", "300"]);
        let ts = counted_lines(&train);
        assert_eq!(ts.len(), 1, "{ts:?}");
        let got = run(&ts[0], &train, std::slice::from_ref(&test)).expect("fits");
        assert_eq!(got[0], Some(grid(&["33333"])));
        // The diagonal of a square as wide as the number of objects.
        let train = vec![
            (grid(&["1001", "0000", "1000"]), grid(&["100", "010", "001"])),
            (grid(&["1100", "0001", "0000"]), grid(&["10", "01"])),
        ];
        let ts = counted_lines(&train);
        let got = run(&ts[0], &train, &[grid(&["1010", "0000", "1010"])]).expect("fits");
        assert_eq!(got[0], Some(grid(&["1000", "0100", "0010", "0001"])));
        // A fixed count: a constant, not this rule.
        assert!(counted_lines(&[train[0].clone(), train[0].clone()]).is_empty());
    }
}
