//! Paint rules read off the demonstrations, for tasks whose outputs keep the input's shape and
//! paint some cells over: "the cells around each `C` cell become `D`", "lines shot down from each
//! `C` cell", "the gaps between `C` cells in a row or column". A rule is a patch built from one
//! input colour's cells (neighbours, one step in a direction, frontiers, rays in 8 directions, lines
//! between two of them or from them to another colour's cells, the boxes of its objects and the
//! cells out of their corners), the input colour `E` of the cells it repaints, and the colour `D`
//! they take. A rule is kept when, on every demonstration, every cell of its patch that shows `E` in
//! the input shows `D` in the output, and it changes some cell; a rule of one colour must change
//! cells on two demonstrations (where there are two). A rule that holds but where its cells change
//! to other colours is kept too, tried after the others: a later rule must paint those cells (lines
//! whose crossings another colour's lines take). When the kept rules together paint every changed
//! cell, the fewest of them that rebuild every output (greedy) become one grid-layer template, a
//! chain of `fill(G, D, intersection(PATCH, ofcolor(X, E)))` (`fill(G, D, PATCH)` where it paints
//! over every colour). Rules that repaint only the background are tried first. Where no chain
//! rebuilds every output, the best chain of at most two rules is a step of its own
//! ([`partial_paint_rules`]) that other rules or pieces of the grid layer finish. A per-colour rule
//! ("each colour grows its own lines", "each colour clears its own boxes", "each colour takes over
//! the 5s in its row") is kept where two colours show it and no colour contradicts it (or fewer
//! contradict it than show it: it is then written for every colour but those), and is written for
//! every colour any input shows, test inputs included, so it carries over to colours the
//! demonstrations lack. [`pattern_repairs`] and [`pattern_extensions`] rebuild outputs from their
//! own symmetries and periods; [`seeded_fills`] fills each region of one colour from the seed colour
//! that touches it, [`holes_by_size`] each hole in the background with the colour its size fixes.
//! Everything here is computed on the task's grids in plain Rust; the templates are then evaluated
//! by the layer through the kernels like any other.

use crate::{GridData, COLORS};

/// Patch kinds: what a colour's cells span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    DNeighbors,
    INeighbors,
    Neighbors,
    HFrontier,
    VFrontier,
    /// A ray from each cell (the cell included), in direction (dr, dc).
    Shoot(i32, i32),
    /// Lines between two cells in one row or column, in one row only, in one column only.
    ConnectHv,
    ConnectH,
    ConnectV,
    /// Lines between two cells in one row, column or diagonal.
    ConnectAll,
    /// Of each one-colour 4-connected object of the colour.
    Backdrop,
    Box,
    Inbox,
    Outbox,
    /// The inside of each object's box (`backdrop(inbox(...))`).
    InnerBackdrop,
    /// A diagonal ray out of each object's corner (0: up-left from the upper left, 1: up-right,
    /// 2: down-left, 3: down-right).
    CornerRay(u8),
    /// The row, or the column, through each object's centre.
    CentreRow,
    CentreColumn,
    /// Of all the colour's cells together: the backdrop, box, inbox and the inside of the box of
    /// the patch they span (21f83797: two marks, the box between them filled).
    WholeBackdrop,
    WholeBox,
    WholeInbox,
    WholeInnerBackdrop,
    /// The cell one step from each cell in direction (dr, dc) (d364b489: a mark above, below, left
    /// and right of each cell, a colour for each side).
    Step(i32, i32),
    /// The cell diagonally out of each object's corner (numbered as [`Kind::CornerRay`]'s; 95990924).
    CornerStep(u8),
    /// Lines in a row or column from each cell to each cell of colour `e` (d43fd935: dots drawn out
    /// to the block they line up with, stopping there).
    ConnectTo(u8),
}

const KINDS: [Kind; 54] = [
    Kind::DNeighbors,
    Kind::INeighbors,
    Kind::Neighbors,
    Kind::HFrontier,
    Kind::VFrontier,
    Kind::Shoot(-1, 0),
    Kind::Shoot(1, 0),
    Kind::Shoot(0, -1),
    Kind::Shoot(0, 1),
    Kind::Shoot(1, 1),
    Kind::Shoot(-1, -1),
    Kind::Shoot(-1, 1),
    Kind::Shoot(1, -1),
    Kind::ConnectHv,
    Kind::ConnectH,
    Kind::ConnectV,
    Kind::ConnectAll,
    Kind::Backdrop,
    Kind::Box,
    Kind::Inbox,
    Kind::Outbox,
    Kind::InnerBackdrop,
    Kind::CornerRay(0),
    Kind::CornerRay(1),
    Kind::CornerRay(2),
    Kind::CornerRay(3),
    Kind::CentreRow,
    Kind::CentreColumn,
    Kind::WholeBackdrop,
    Kind::WholeBox,
    Kind::WholeInbox,
    Kind::WholeInnerBackdrop,
    Kind::Step(-1, 0),
    Kind::Step(1, 0),
    Kind::Step(0, -1),
    Kind::Step(0, 1),
    Kind::Step(1, 1),
    Kind::Step(-1, -1),
    Kind::Step(-1, 1),
    Kind::Step(1, -1),
    Kind::CornerStep(0),
    Kind::CornerStep(1),
    Kind::CornerStep(2),
    Kind::CornerStep(3),
    Kind::ConnectTo(0),
    Kind::ConnectTo(1),
    Kind::ConnectTo(2),
    Kind::ConnectTo(3),
    Kind::ConnectTo(4),
    Kind::ConnectTo(5),
    Kind::ConnectTo(6),
    Kind::ConnectTo(7),
    Kind::ConnectTo(8),
    Kind::ConnectTo(9),
];

/// The direction constant of a step (dr, dc).
fn direction(dr: i32, dc: i32) -> &'static str {
    match (dr, dc) {
        (-1, 0) => "UP",
        (1, 0) => "DOWN",
        (0, -1) => "LEFT",
        (0, 1) => "RIGHT",
        (1, 1) => "UNITY",
        (-1, -1) => "NEG_UNITY",
        (-1, 1) => "UP_RIGHT",
        _ => "DOWN_LEFT",
    }
}

/// An object's corners and the diagonal out of each: upper left, upper right, lower left, lower right.
const CORNERS: [(&str, &str); 4] =
    [("ulcorner", "NEG_UNITY"), ("urcorner", "UP_RIGHT"), ("llcorner", "DOWN_LEFT"), ("lrcorner", "UNITY")];

/// The source "colour" that stands for every cell not of the grid's most common colour.
const FOREGROUND: u8 = 10;
/// The repainted "colour" that stands for every colour (the whole patch is painted).
const ANY: u8 = 10;

/// Most cells of a colour for the line kinds (`prapply(connect, S, S)` is quadratic).
const MAX_CONNECT: usize = 30;
/// Most cells of the target colour for [`Kind::ConnectTo`].
const MAX_TARGETS: usize = 120;
/// Most rules in a chain.
const MAX_RULES: usize = 6;
/// Most rules in a chain that leaves cells for other rules ([`partial_paint_rules`]).
const MAX_PARTIAL: usize = 2;

impl Kind {
    /// The patch as arc-dsl text over the cells of colour `c` of `X` ([`FOREGROUND`]: of every
    /// colour but the most common).
    fn text(self, c: u8) -> String {
        let (s, objs) = match COLORS.get(c as usize) {
            Some(c) => (format!("ofcolor(X, {c})"), format!("colorfilter(objects(X, T, F, T), {c})")),
            None => ("toindices(merge(fgpartition(X)))".to_string(), "objects(X, T, F, T)".to_string()),
        };
        match self {
            Kind::DNeighbors => format!("mapply(dneighbors, {s})"),
            Kind::INeighbors => format!("mapply(ineighbors, {s})"),
            Kind::Neighbors => format!("mapply(neighbors, {s})"),
            Kind::HFrontier => format!("mapply(hfrontier, {s})"),
            Kind::VFrontier => format!("mapply(vfrontier, {s})"),
            Kind::Shoot(dr, dc) => format!("mapply(rbind(shoot, {}), {s})", direction(dr, dc)),
            Kind::Step(dr, dc) => format!("shift({s}, {})", direction(dr, dc)),
            Kind::CornerStep(k) => {
                let (corner, d) = CORNERS[k as usize];
                format!("apply(compose(rbind(add, {d}), {corner}), {objs})")
            }
            Kind::ConnectHv => format!("mfilter(prapply(connect, {s}, {s}), fork(either, vline, hline))"),
            Kind::ConnectTo(e) => format!(
                "mfilter(prapply(connect, {s}, ofcolor(X, {})), fork(either, vline, hline))",
                COLORS[e as usize]
            ),
            Kind::ConnectH => format!("mfilter(prapply(connect, {s}, {s}), hline)"),
            Kind::ConnectV => format!("mfilter(prapply(connect, {s}, {s}), vline)"),
            Kind::ConnectAll => format!("merge(prapply(connect, {s}, {s}))"),
            Kind::Backdrop => format!("mapply(backdrop, {objs})"),
            Kind::Box => format!("mapply(box, {objs})"),
            Kind::Inbox => format!("mapply(inbox, {objs})"),
            Kind::Outbox => format!("mapply(outbox, {objs})"),
            Kind::InnerBackdrop => format!("mapply(compose(backdrop, inbox), {objs})"),
            Kind::CornerRay(k) => {
                let (corner, d) = CORNERS[k as usize];
                format!("mapply(compose(rbind(shoot, {d}), {corner}), {objs})")
            }
            Kind::CentreRow => format!("mapply(compose(hfrontier, center), {objs})"),
            Kind::CentreColumn => format!("mapply(compose(vfrontier, center), {objs})"),
            Kind::WholeBackdrop => format!("backdrop({s})"),
            Kind::WholeBox => format!("box({s})"),
            Kind::WholeInbox => format!("inbox({s})"),
            Kind::WholeInnerBackdrop => format!("backdrop(inbox({s}))"),
        }
    }

    /// The patch's cells inside `g` (arc-dsl's definitions; cells outside the grid dropped, as
    /// `fill` drops them), or `None` where the line kinds would take too many pairs.
    fn cells(self, g: &GridData, c: u8) -> Option<Vec<bool>> {
        let (h, w) = (g.h as i32, g.w as i32);
        let mut mask = vec![false; g.cells.len()];
        let mut put = |r: i32, k: i32| {
            if r >= 0 && r < h && k >= 0 && k < w {
                mask[(r * w + k) as usize] = true;
            }
        };
        let bg = most_color(g);
        let of = |x: u8| if c == FOREGROUND { x != bg } else { x == c };
        let at: Vec<(i32, i32)> = (0..g.cells.len())
            .filter(|&k| of(g.cells[k]))
            .map(|k| ((k / g.w) as i32, (k % g.w) as i32))
            .collect();
        match self {
            Kind::DNeighbors | Kind::INeighbors | Kind::Neighbors => {
                for &(r, k) in &at {
                    for dr in -1..=1 {
                        for dc in -1..=1 {
                            let diagonal = dr != 0 && dc != 0;
                            let keep = match self {
                                Kind::DNeighbors => !diagonal,
                                Kind::INeighbors => diagonal,
                                _ => true,
                            };
                            if (dr, dc) != (0, 0) && keep {
                                put(r + dr, k + dc);
                            }
                        }
                    }
                }
            }
            Kind::HFrontier => at.iter().for_each(|&(r, _)| (0..w).for_each(|k| put(r, k))),
            Kind::VFrontier => at.iter().for_each(|&(_, k)| (0..h).for_each(|r| put(r, k))),
            Kind::Shoot(dr, dc) => {
                for &(r, k) in &at {
                    for n in 0..h.max(w) {
                        put(r + n * dr, k + n * dc);
                    }
                }
            }
            Kind::Step(dr, dc) => at.iter().for_each(|&(r, k)| put(r + dr, k + dc)),
            Kind::ConnectTo(e) => {
                let to: Vec<(i32, i32)> = (0..g.cells.len())
                    .filter(|&k| g.cells[k] == e)
                    .map(|k| ((k / g.w) as i32, (k % g.w) as i32))
                    .collect();
                // A colour onto itself is `ConnectHv`; the kernels' pairs are bounded as there.
                if (c == e || c == FOREGROUND) || at.len() > MAX_CONNECT || to.len() > MAX_TARGETS {
                    return None;
                }
                for &(r1, k1) in &at {
                    for &(r2, k2) in &to {
                        let (dr, dc) = (r2 - r1, k2 - k1);
                        if dr == 0 || dc == 0 {
                            let n = dr.abs().max(dc.abs());
                            (0..=n).for_each(|s| put(r1 + s * dr.signum(), k1 + s * dc.signum()));
                        }
                    }
                }
            }
            Kind::ConnectHv | Kind::ConnectH | Kind::ConnectV | Kind::ConnectAll => {
                if at.len() > MAX_CONNECT {
                    return None;
                }
                for &(r1, k1) in &at {
                    for &(r2, k2) in &at {
                        let (dr, dc) = (r2 - r1, k2 - k1);
                        let line = match self {
                            Kind::ConnectH => dr == 0,
                            Kind::ConnectV => dc == 0,
                            Kind::ConnectHv => dr == 0 || dc == 0,
                            _ => dr == 0 || dc == 0 || dr.abs() == dc.abs(),
                        };
                        if line {
                            let n = dr.abs().max(dc.abs());
                            (0..=n).for_each(|s| put(r1 + s * dr.signum(), k1 + s * dc.signum()));
                        }
                    }
                }
            }
            Kind::CornerRay(_) | Kind::CornerStep(_) | Kind::CentreRow | Kind::CentreColumn => {
                for (a, b, x, y) in object_boxes(g, c, bg) {
                    match self {
                        Kind::CornerStep(k) => {
                            let (r0, c0, dr, dc) =
                                [(a, x, -1, -1), (a, y, -1, 1), (b, x, 1, -1), (b, y, 1, 1)][k as usize];
                            put(r0 + dr, c0 + dc);
                        }
                        Kind::CornerRay(k) => {
                            let (r0, c0, dr, dc) =
                                [(a, x, -1, -1), (a, y, -1, 1), (b, x, 1, -1), (b, y, 1, 1)][k as usize];
                            (0..h.max(w)).for_each(|n| put(r0 + n * dr, c0 + n * dc));
                        }
                        Kind::CentreRow => (0..w).for_each(|q| put(a + (b - a + 1) / 2, q)),
                        _ => (0..h).for_each(|r| put(r, x + (y - x + 1) / 2)),
                    }
                }
            }
            Kind::Backdrop
            | Kind::Box
            | Kind::Inbox
            | Kind::Outbox
            | Kind::InnerBackdrop
            | Kind::WholeBackdrop
            | Kind::WholeBox
            | Kind::WholeInbox
            | Kind::WholeInnerBackdrop => {
                let whole = matches!(
                    self,
                    Kind::WholeBackdrop | Kind::WholeBox | Kind::WholeInbox | Kind::WholeInnerBackdrop
                );
                let boxes = if whole {
                    // `inbox` of no cells fails in the kernels (`backdrop` and `box` give none).
                    if at.is_empty() {
                        return matches!(self, Kind::WholeBackdrop | Kind::WholeBox).then_some(mask);
                    }
                    let rows = at.iter().map(|p| p.0);
                    let cols = at.iter().map(|p| p.1);
                    vec![(
                        rows.clone().min().unwrap_or(0),
                        rows.max().unwrap_or(0),
                        cols.clone().min().unwrap_or(0),
                        cols.max().unwrap_or(0),
                    )]
                } else {
                    object_boxes(g, c, bg)
                };
                for (a, b, x, y) in boxes {
                    let (a, b, x, y) = match self {
                        Kind::Inbox | Kind::InnerBackdrop | Kind::WholeInbox | Kind::WholeInnerBackdrop => {
                            (a + 1, b - 1, x + 1, y - 1)
                        }
                        Kind::Outbox => (a - 1, b + 1, x - 1, y + 1),
                        _ => (a, b, x, y),
                    };
                    // arc-dsl's `box` orders the corners (an inbox of a thin object flips them).
                    let (a, b, x, y) = (a.min(b), a.max(b), x.min(y), x.max(y));
                    for r in a..=b {
                        for q in x..=y {
                            let full = matches!(
                                self,
                                Kind::Backdrop
                                    | Kind::InnerBackdrop
                                    | Kind::WholeBackdrop
                                    | Kind::WholeInnerBackdrop
                            );
                            if full || r == a || r == b || q == x || q == y {
                                put(r, q);
                            }
                        }
                    }
                }
            }
        }
        Some(mask)
    }
}

/// The 4-connected one-colour components of colour `c` in `g`, as cell lists.
/// The bounding box (first row, last row, first column, last column) of each one-colour 4-connected
/// object of colour `c` ([`FOREGROUND`]: of every colour but `bg`).
fn object_boxes(g: &GridData, c: u8, bg: u8) -> Vec<(i32, i32, i32, i32)> {
    let colours: Vec<u8> = if c == FOREGROUND { (0..10).filter(|&x| x != bg).collect() } else { vec![c] };
    colours
        .into_iter()
        .flat_map(|c| components(g, |x| x == c))
        .map(|cells| {
            let (mut a, mut b, mut x, mut y) = (i32::MAX, i32::MIN, i32::MAX, i32::MIN);
            for k in cells {
                let (r, q) = ((k / g.w) as i32, (k % g.w) as i32);
                (a, b, x, y) = (a.min(r), b.max(r), x.min(q), y.max(q));
            }
            (a, b, x, y)
        })
        .collect()
}

/// Part `k` of `n` of `g` side by side (`across`) or stacked, as arc-dsl's `hsplit`/`vsplit` cut
/// it (a remainder means one separator cell between parts).
pub(crate) fn part(g: &GridData, n: usize, k: usize, across: bool) -> Option<GridData> {
    let (len, other) = if across { (g.w, g.h) } else { (g.h, g.w) };
    let size = len / n;
    let start = k * (size + usize::from(len % n != 0));
    if size == 0 || start + size > len {
        return None;
    }
    let (h, w) = if across { (other, size) } else { (size, other) };
    let cell = |i: usize, j: usize| {
        if across {
            g.cells[i * g.w + start + j]
        } else {
            g.cells[(start + i) * g.w + j]
        }
    };
    Some(GridData {
        h,
        w,
        cells: (0..h).flat_map(|i| (0..w).map(move |j| (i, j))).map(|(i, j)| cell(i, j)).collect(),
    })
}

/// The `rows` x `cols` blocks of `g`, row by row, as `vsplit` and then `hsplit` cut them (one
/// separator cell between blocks where a side does not divide).
pub(crate) fn blocks(g: &GridData, rows: usize, cols: usize) -> Option<Vec<GridData>> {
    let mut out = Vec::new();
    for r in 0..rows {
        let row = if rows == 1 { g.clone() } else { part(g, rows, r, false)? };
        for c in 0..cols {
            out.push(if cols == 1 { row.clone() } else { part(&row, cols, c, true)? });
        }
    }
    Some(out)
}

/// The one-colour 4-connected objects of `g` whose colour `keep` admits, as cell lists in reading
/// order of their first cell (the grid layer's `objects` uses it too).
pub(crate) fn components(g: &GridData, keep: impl Fn(u8) -> bool) -> Vec<Vec<usize>> {
    flood(g, false, |k| keep(g.cells[k]), |k, n| g.cells[n] == g.cells[k])
}

/// The search's one flood fill: groups of `g`'s cells (flat indices), in reading order of their
/// first cell, each group's cells in reading order. A cell where `member` holds starts a group
/// (the first such cell not yet in one) and takes in each neighbour `n` (the 4 sides, or the 8
/// with `diagonal`) where `joins(k, n)`, `k` being the cell it is reached from.
pub(crate) fn flood(
    g: &GridData,
    diagonal: bool,
    member: impl Fn(usize) -> bool,
    joins: impl Fn(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    let mut seen = vec![false; g.cells.len()];
    let mut out = Vec::new();
    for start in 0..g.cells.len() {
        if seen[start] || !member(start) {
            continue;
        }
        seen[start] = true;
        let (mut todo, mut cells) = (vec![start], Vec::new());
        while let Some(k) = todo.pop() {
            cells.push(k);
            let (r, q) = ((k / g.w) as i64, (k % g.w) as i64);
            for (dr, dq) in [(-1i64, 0i64), (1, 0), (0, -1), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)] {
                if !diagonal && dr != 0 && dq != 0 {
                    continue;
                }
                let (nr, nq) = (r + dr, q + dq);
                if nr < 0 || nq < 0 || nr >= g.h as i64 || nq >= g.w as i64 {
                    continue;
                }
                let n = nr as usize * g.w + nq as usize;
                if !seen[n] && joins(k, n) {
                    seen[n] = true;
                    todo.push(n);
                }
            }
        }
        cells.sort_unstable();
        out.push(cells);
    }
    out
}

/// Which colours the demonstration inputs and the test inputs show.
pub(crate) fn shown_colours(train: &[(GridData, GridData)], tests: &[GridData]) -> [bool; 10] {
    let mut shown = [false; 10];
    for g in train.iter().map(|(i, _)| i).chain(tests) {
        g.cells.iter().for_each(|&c| shown[c as usize % 10] = true);
    }
    shown
}

/// arc-dsl's `mostcolor`: the most common colour, the lowest on a tie.
pub(crate) fn most_color(g: &GridData) -> u8 {
    let mut counts = [0usize; 10];
    g.cells.iter().for_each(|&c| counts[c as usize % 10] += 1);
    (0..10u8).rev().max_by_key(|&c| counts[c as usize]).unwrap_or(0)
}

/// A rule: the patch of `kind` over the cells of each colour in `sources`, repainting its cells of
/// colour `from` with `to` (`None`: each source colour itself).
#[derive(Clone, Debug, PartialEq)]
struct Rule {
    kind: Kind,
    sources: Vec<u8>,
    from: Option<u8>,
    to: Option<u8>,
}

/// The patches of every kind and colour over the demonstration inputs, computed once.
struct Masks {
    /// `[kind][colour][demonstration]`.
    masks: Vec<Vec<Vec<Option<Vec<bool>>>>>,
}

impl Masks {
    fn new(train: &[(GridData, GridData)]) -> Self {
        let masks = KINDS
            .iter()
            .map(|&kind| {
                (0..=FOREGROUND).map(|c| train.iter().map(|(i, _)| kind.cells(i, c)).collect()).collect()
            })
            .collect();
        Masks { masks }
    }

    fn get(&self, kind: Kind, c: u8, demo: usize) -> Option<&[bool]> {
        let k = KINDS.iter().position(|&x| x == kind).expect("a kind");
        self.masks[k][c as usize][demo].as_deref()
    }
}

/// Applies `rules` to demonstration `demo`'s input in order, as the template does.
fn apply(masks: &Masks, g: &GridData, demo: usize, rules: &[&Rule]) -> Option<GridData> {
    let mut out = g.clone();
    for rule in rules {
        for &c in &rule.sources {
            let mask = masks.get(rule.kind, c, demo)?;
            let to = rule.to.unwrap_or(c);
            for (k, &m) in mask.iter().enumerate() {
                if m && (rule.from == Some(ANY) || g.cells[k] == rule.from.unwrap_or(c)) {
                    out.cells[k] = to;
                }
            }
        }
    }
    Some(out)
}

/// Cells the rules get wrong over the demonstrations.
fn wrong(masks: &Masks, train: &[(GridData, GridData)], rules: &[&Rule]) -> usize {
    train
        .iter()
        .enumerate()
        .map(|(d, (i, o))| match apply(masks, i, d, rules) {
            Some(g) => g.cells.iter().zip(&o.cells).filter(|(a, b)| a != b).count(),
            None => usize::MAX / 64,
        })
        .sum()
}

/// Whether the rule of one source colour, kind and repainted colour holds on every demonstration:
/// the single colour its cells take (`None` where they take several, or none changes).
fn holds(masks: &Masks, train: &[(GridData, GridData)], kind: Kind, c: u8, from: u8) -> Option<u8> {
    let mut to = None;
    let mut changes = false;
    for (d, (i, o)) in train.iter().enumerate() {
        let mask = masks.get(kind, c, d)?;
        for (k, &m) in mask.iter().enumerate() {
            if m && (from == ANY || i.cells[k] == from) {
                let d = o.cells[k];
                if *to.get_or_insert(d) != d {
                    return None;
                }
                changes |= d != i.cells[k];
            }
        }
    }
    to.filter(|_| changes)
}

/// Rules that a later one partly paints over: the colours `t` such that every cell of the patch
/// showing `from` either takes `t` or changes to another colour (which a later rule of the chain
/// must paint), none keeps a colour other than `t`, and some cell takes another colour (else
/// [`holds`] has it); the most taken first. 40853293: lines of one colour whose crossings another
/// colour's lines take.
fn holds_under(masks: &Masks, train: &[(GridData, GridData)], kind: Kind, c: u8, from: u8) -> Vec<u8> {
    let mut into = [0usize; 10];
    let mut kept = [false; 10];
    for (d, (i, o)) in train.iter().enumerate() {
        let Some(mask) = masks.get(kind, c, d) else { return Vec::new() };
        for (k, &m) in mask.iter().enumerate() {
            if m && (from == ANY || i.cells[k] == from) {
                let (a, b) = (i.cells[k] as usize % 10, o.cells[k] as usize % 10);
                if a == b {
                    kept[a] = true;
                } else {
                    into[b] += 1;
                }
            }
        }
    }
    let kept_colours = kept.iter().filter(|&&x| x).count();
    let total: usize = into.iter().sum();
    let mut out: Vec<u8> = (0..10u8)
        .filter(|&t| {
            let t = t as usize;
            into[t] > 0 && total > into[t] && (kept_colours == 0 || (kept_colours == 1 && kept[t]))
        })
        .collect();
    out.sort_by_key(|&t| std::cmp::Reverse(into[t as usize]));
    out
}

/// Changed cells of the demonstrations that no rule paints in their output colour.
fn uncovered(masks: &Masks, train: &[(GridData, GridData)], rules: &[&Rule]) -> usize {
    let mut n = 0;
    for (d, (i, o)) in train.iter().enumerate() {
        let mut covered = vec![false; i.cells.len()];
        for rule in rules {
            for &c in &rule.sources {
                let Some(mask) = masks.get(rule.kind, c, d) else { return usize::MAX };
                let to = rule.to.unwrap_or(c);
                for (k, &m) in mask.iter().enumerate() {
                    if m && (rule.from == Some(ANY) || i.cells[k] == rule.from.unwrap_or(c))
                        && o.cells[k] == to
                    {
                        covered[k] = true;
                    }
                }
            }
        }
        n += (0..i.cells.len()).filter(|&k| i.cells[k] != o.cells[k] && !covered[k]).count();
    }
    n
}

/// On how many demonstrations `rule` alone changes some cell.
fn shown_on(masks: &Masks, train: &[(GridData, GridData)], rule: &Rule) -> usize {
    train
        .iter()
        .enumerate()
        .filter(|(d, (i, _))| apply(masks, i, *d, &[rule]).is_some_and(|g| g != *i))
        .count()
}

/// Whether the patch of `kind` over colour `c` covers no cell of colour `from` on any demonstration
/// (a per-colour rule says nothing there).
fn covers_none(masks: &Masks, train: &[(GridData, GridData)], kind: Kind, c: u8, from: u8) -> bool {
    train.iter().enumerate().all(|(d, (i, _))| {
        masks.get(kind, c, d).is_some_and(|m| m.iter().zip(&i.cells).all(|(&m, &x)| !m || x != from))
    })
}

/// The template of chained paint rules that rebuilds every demonstration output, if any (see the
/// module doc); `tests` are the test inputs (their colours join the per-colour rules).
pub fn paint_rules(train: &[(GridData, GridData)], tests: &[GridData]) -> Option<String> {
    paint_chain(train, tests, false, MAX_RULES)
}

/// [`paint_rules`] of at most `most` rules.
pub fn short_paint_rules(train: &[(GridData, GridData)], tests: &[GridData], most: usize) -> Option<String> {
    paint_chain(train, tests, false, most)
}

/// The chain of [`paint_rules`] that leaves the fewest wrong cells, of at most [`MAX_PARTIAL`]
/// rules, where none rebuilds every output (`None` where one does, or where no rule holds): a step
/// that rules of another kind, or other pieces, finish ([`crate::grids`]).
pub fn partial_paint_rules(train: &[(GridData, GridData)], tests: &[GridData]) -> Option<String> {
    if paint_chain(train, tests, false, MAX_RULES).is_some() {
        return None;
    }
    paint_chain(train, tests, true, MAX_PARTIAL)
}

/// [`paint_rules`]' chain of at most `most` rules; with `partial`, also one that leaves some cells
/// wrong.
fn paint_chain(
    train: &[(GridData, GridData)],
    tests: &[GridData],
    partial: bool,
    most: usize,
) -> Option<String> {
    if train.is_empty()
        || !train.iter().all(|(i, o)| i.h == o.h && i.w == o.w)
        || train.iter().all(|(i, o)| i == o)
    {
        return None;
    }
    let backgrounds: Vec<u8> = train.iter().map(|(i, _)| most_color(i)).collect();
    let mut present = [false; 10];
    train.iter().for_each(|(i, _)| i.cells.iter().for_each(|&c| present[c as usize % 10] = true));
    // Source colours: shown by some input, the background of none.
    let sources: Vec<u8> = (0..10u8).filter(|&c| present[c as usize] && !backgrounds.contains(&c)).collect();
    let single_sources: Vec<u8> = sources.iter().copied().chain([FOREGROUND]).collect();
    let masks = Masks::new(train);
    let common_bg = backgrounds.iter().all(|&b| b == backgrounds[0]).then_some(backgrounds[0]);
    'tiers: for background_only in [true, false] {
        let mut froms: Vec<u8> = (0..10u8)
            .filter(|&e| present[e as usize] && (!background_only || Some(e) == common_bg))
            .collect();
        if !background_only {
            froms.push(ANY);
        }
        if froms.is_empty() {
            continue;
        }
        let mut rules: Vec<Rule> = Vec::new();
        // Per-colour rules that some colours contradict, tried after the others.
        let mut excepted: Vec<Rule> = Vec::new();
        // Per-colour rules that later rules partly paint over, tried last.
        let mut painted_over: Vec<Rule> = Vec::new();
        // Per-colour rules first: every source colour grows `kind` in its own colour (over the
        // background), or (a second try) erases its own cells in `kind` or takes over one other
        // colour's cells there.
        let mut every = [false; 10];
        train.iter().map(|(i, _)| i).chain(tests).for_each(|g| {
            g.cells.iter().for_each(|&c| every[c as usize % 10] = true);
        });
        // Every colour an input shows but the demonstrations' backgrounds.
        let all: Vec<u8> = (0..10u8).filter(|&c| every[c as usize] && !backgrounds.contains(&c)).collect();
        for kind in KINDS {
            // The colours a rule of `kind` can be written for: a patch the kernels fail on (the
            // `inbox` of a colour a demonstration lacks) would fail the whole template.
            let all: Vec<u8> = all
                .iter()
                .copied()
                .filter(|&c| (0..train.len()).all(|d| masks.get(kind, c, d).is_some()))
                .collect();
            // Grown over the common background, or (the second tier) each colour's own cells
            // repainted to one colour `t` that two colours show, not only the background
            // (1c02dbbe: the marks clear their own cells on the box they span, on inputs whose
            // most common colour is the big rectangle's).
            let targets: Vec<(Option<u8>, Option<u8>)> = if background_only {
                common_bg.filter(|_| sources.len() >= 2).map(|bg| (Some(bg), None)).into_iter().collect()
            } else {
                let mut ts: Vec<u8> = sources
                    .iter()
                    .filter_map(|&c| holds(&masks, train, kind, c, c).filter(|&t| t != c))
                    .collect();
                ts.sort_unstable();
                ts.dedup();
                ts.into_iter().map(|t| (None, Some(t))).collect()
            };
            for (from, to) in targets {
                let each = |c: u8| holds(&masks, train, kind, c, from.unwrap_or(c)) == Some(to.unwrap_or(c));
                let idle = |c: u8| covers_none(&masks, train, kind, c, from.unwrap_or(c));
                // Seen on two colours at least, and contradicted by none.
                let shown = sources.iter().filter(|&&c| each(c)).count();
                let against: Vec<u8> = sources.iter().copied().filter(|&c| !each(c) && !idle(c)).collect();
                if shown >= 2 && against.is_empty() {
                    rules.push(Rule { kind, sources: all.clone(), from, to });
                } else if shown >= 2 && against.len() < shown {
                    // Fewer colours contradict it than show it: every other colour, the test
                    // inputs' new ones included.
                    let rest = all.iter().copied().filter(|c| !against.contains(c)).collect();
                    excepted.push(Rule { kind, sources: rest, from, to });
                } else {
                    // Where some colours' patches are partly painted over by a later rule
                    // (40853293's crossings).
                    let under = |c: u8| {
                        each(c)
                            || holds_under(&masks, train, kind, c, from.unwrap_or(c))
                                .contains(&to.unwrap_or(c))
                    };
                    if sources.iter().filter(|&&c| under(c)).count() >= 2
                        && sources.iter().all(|&c| under(c) || idle(c))
                    {
                        painted_over.push(Rule { kind, sources: all.clone(), from, to });
                    }
                }
            }
            // Every other colour takes over the cells of one colour `e` in its patch (`e` may be
            // the background of some input).
            for e in (0..10u8).filter(|&e| !background_only && present[e as usize] && Some(e) != common_bg) {
                let others = || sources.iter().copied().filter(move |&c| c != e);
                let each = |c: u8| holds(&masks, train, kind, c, e) == Some(c);
                let idle = |c: u8| covers_none(&masks, train, kind, c, e);
                if others().filter(|&c| each(c)).count() >= 2 && others().all(|c| each(c) || idle(c)) {
                    let rest = all.iter().copied().filter(|&c| c != e).collect();
                    rules.push(Rule { kind, sources: rest, from: Some(e), to: None });
                }
            }
        }
        rules.append(&mut excepted);
        // A rule of one colour must show on two demonstrations (where there are two): one that
        // changes cells of one demonstration only is as likely that demonstration's accident
        // (97d7923e's chain of one-demonstration rules answered its test wrong).
        let evidence = train.len().min(2);
        let mut under: Vec<Rule> = Vec::new();
        for &c in &single_sources {
            for kind in KINDS {
                for &from in &froms {
                    if let Some(to) = holds(&masks, train, kind, c, from) {
                        let rule = Rule { kind, sources: vec![c], from: Some(from), to: Some(to) };
                        if shown_on(&masks, train, &rule) >= evidence {
                            rules.push(rule);
                        }
                    } else if let Some(&to) = holds_under(&masks, train, kind, c, from).first() {
                        let rule = Rule { kind, sources: vec![c], from: Some(from), to: Some(to) };
                        if shown_on(&masks, train, &rule) >= evidence {
                            under.push(rule);
                        }
                    }
                }
            }
        }
        // Rules a later one must partly paint over go after every rule that holds everywhere.
        rules.append(&mut under);
        rules.append(&mut painted_over);
        let every: Vec<&Rule> = rules.iter().collect();
        if rules.is_empty() || (!partial && uncovered(&masks, train, &every) != 0) {
            continue;
        }
        // Fewest rules: greedy, each step the rule that leaves the fewest wrong cells (the first on a
        // tie, so per-colour rules win).
        let mut chosen: Vec<&Rule> = Vec::new();
        let mut left = wrong(&masks, train, &chosen);
        while left > 0 && chosen.len() < most {
            let (best, after) = rules
                .iter()
                .map(|r| {
                    let mut with = chosen.clone();
                    with.push(r);
                    (r, wrong(&masks, train, &with))
                })
                .min_by_key(|&(_, n)| n)?;
            if after >= left {
                if partial {
                    break;
                }
                continue 'tiers;
            }
            chosen.push(best);
            left = after;
        }
        if (left > 0 && !partial) || chosen.is_empty() {
            continue;
        }
        let mut g = "X".to_string();
        for rule in &chosen {
            for &c in &rule.sources {
                let to = COLORS[rule.to.unwrap_or(c) as usize];
                let patch = rule.kind.text(c);
                g = match rule.from {
                    Some(ANY) => format!("fill({g}, {to}, {patch})"),
                    from => format!(
                        "fill({g}, {to}, intersection({patch}, ofcolor(X, {})))",
                        COLORS[from.unwrap_or(c) as usize]
                    ),
                };
            }
        }
        return Some(g);
    }
    None
}

/// The mirrors a repair may use: `(text, square grids only)`; the identity (a plain shift) first.
const MIRRORS: [(&str, bool); 6] = [
    ("X", false),
    ("hmirror(X)", false),
    ("vmirror(X)", false),
    ("rot180(X)", false),
    ("dmirror(X)", true),
    ("cmirror(X)", true),
];
/// Largest shift of a repair's image, either way.
const MAX_SHIFT: i32 = 10;
/// Most images in a repair's chain.
const MAX_IMAGES: usize = 8;

/// Where cell `(r, c)` of an `h` x `w` grid lands under mirror `m` of [`MIRRORS`] and then the shift.
fn image_of(m: usize, (dr, dc): (i32, i32), h: i32, w: i32, r: i32, c: i32) -> (i32, i32) {
    let (a, b) = match m {
        0 => (r, c),
        1 => (h - 1 - r, c),
        2 => (r, w - 1 - c),
        3 => (h - 1 - r, w - 1 - c),
        4 => (c, r),
        _ => (w - 1 - c, h - 1 - r),
    };
    (a + dr, b + dc)
}

/// `g` with its cells of colour `z` painted from its image under mirror `m` and shift `v` (cells
/// the image does not cover, or covers with `z`, keep `z`).
fn repaint(g: &GridData, z: u8, m: usize, v: (i32, i32)) -> GridData {
    let (h, w) = (g.h as i32, g.w as i32);
    let mut image = vec![z; g.cells.len()];
    for r in 0..h {
        for c in 0..w {
            let (a, b) = image_of(m, v, h, w, r, c);
            if a >= 0 && a < h && b >= 0 && b < w {
                image[(a * w + b) as usize] = g.cells[(r * w + c) as usize];
            }
        }
    }
    let cells = g.cells.iter().zip(&image).map(|(&x, &y)| if x == z { y } else { x }).collect();
    GridData { h: g.h, w: g.w, cells }
}

/// Whether `g` equals its image under mirror `m` and shift `v` wherever both are in the grid, on
/// at least half of its cells (a symmetry or a period of the pattern).
fn invariant(g: &GridData, m: usize, v: (i32, i32)) -> bool {
    let (h, w) = (g.h as i32, g.w as i32);
    let mut overlap = 0;
    for r in 0..h {
        for c in 0..w {
            let (a, b) = image_of(m, v, h, w, r, c);
            if a >= 0 && a < h && b >= 0 && b < w {
                if g.cells[(a * w + b) as usize] != g.cells[(r * w + c) as usize] {
                    return false;
                }
                overlap += 1;
            }
        }
    }
    2 * overlap >= h * w
}

/// An integer constant or its negation as arc-dsl text.
fn signed(n: i32) -> Option<String> {
    let name = number(n.unsigned_abs() as usize)?;
    Some(if n < 0 { format!("invert({name})") } else { name.to_string() })
}

/// The DSL constant naming `n`, for 0 to 10.
fn number(n: usize) -> Option<&'static str> {
    match n {
        0..=9 => Some(COLORS[n]),
        10 => Some("TEN"),
        _ => None,
    }
}

/// Seeded fills: when every output is its input with some regions of one colour `B` (every input
/// shows it; its 4-connected, or 8-connected, components) filled, each with a colour that touches
/// it (4-adjacent), the fill per colour `C`: "each `B` region touching `C` becomes `C`"
/// (e69241bd's rooms filled from the seed in them). A colour is left out where some region it
/// touches stays or takes another colour (the walls); the others are written for every colour any
/// input shows, test inputs included, in colour order (a region touching two seeds takes the
/// higher). Kept only where the chain rebuilds every output:
/// `fill(G, C, mfilter(colorfilter(objects(X, T, F, F), B), P))`, `P` whether a region meets
/// `mapply(dneighbors, ofcolor(X, C))` (not `adjacent`, which fails on an input without `C`).
pub fn seeded_fills(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    if train.is_empty()
        || !train.iter().all(|(i, o)| i.h == o.h && i.w == o.w)
        || train.iter().all(|(i, o)| i == o)
    {
        return Vec::new();
    }
    let shown = shown_colours(train, tests);
    let mut out = Vec::new();
    for b in 0..10u8 {
        let only_b_changes = train.iter().all(|(i, o)| {
            i.cells.contains(&b) && i.cells.iter().zip(&o.cells).all(|(&x, &y)| x == y || x == b)
        });
        if !only_b_changes {
            continue;
        }
        for diagonal in [false, true] {
            // Per demonstration: each region's cells and the colours 4-adjacent to it.
            let regions: Vec<Vec<(Vec<usize>, [bool; 10])>> = train
                .iter()
                .map(|(i, _)| {
                    regions_of(i, b, diagonal)
                        .into_iter()
                        .map(|cells| {
                            let mut touch = [false; 10];
                            for &k in &cells {
                                let (r, q) = (k / i.w, k % i.w);
                                let near = [
                                    (r > 0).then(|| k - i.w),
                                    (r + 1 < i.h).then(|| k + i.w),
                                    (q > 0).then(|| k - 1),
                                    (q + 1 < i.w).then(|| k + 1),
                                ];
                                near.into_iter()
                                    .flatten()
                                    .for_each(|n| touch[i.cells[n] as usize % 10] = true);
                            }
                            (cells, touch)
                        })
                        .collect()
                })
                .collect();
            let kept: Vec<u8> = (0..10u8)
                .filter(|&c| c != b && shown[c as usize])
                .filter(|&c| {
                    train.iter().zip(&regions).all(|((_, o), rs)| {
                        rs.iter()
                            .filter(|(_, t)| t[c as usize])
                            .all(|(cells, _)| cells.iter().all(|&k| o.cells[k] == c))
                    })
                })
                .collect();
            let rebuilt = train.iter().zip(&regions).all(|((i, o), rs)| {
                let mut g = i.cells.clone();
                for &c in &kept {
                    rs.iter()
                        .filter(|(_, t)| t[c as usize])
                        .for_each(|(cells, _)| cells.iter().for_each(|&k| g[k] = c));
                }
                g == o.cells
            });
            if rebuilt && !kept.is_empty() {
                let objs = format!("objects(X, T, {}, F)", if diagonal { "T" } else { "F" });
                let chain = kept.iter().fold("X".to_string(), |g, &c| {
                    let c = COLORS[c as usize];
                    format!(
                        "fill({g}, {c}, mfilter(colorfilter({objs}, {}), compose(positive, compose(size, \
                         compose(rbind(intersection, mapply(dneighbors, ofcolor(X, {c}))), toindices)))))",
                        COLORS[b as usize]
                    )
                });
                out.push(chain);
                break;
            }
        }
    }
    out
}

/// Holes filled by their size: when every output is its input with some 4-connected regions of its
/// background colour `B` (the same on every demonstration) filled, each with one colour that its
/// size fixes (the same size the same colour everywhere), and every region left alone touches the
/// grid's border with a size no filled one has (84f2aca1: holes of one cell take 5, of two 7):
/// `fill(G, C, merge(sizefilter(colorfilter(objects(X, T, F, F), B), S)))` per size. Only where
/// every region of the test inputs off the border has a size the demonstrations map.
pub fn holes_by_size(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    let Some((i0, _)) = train.first() else { return Vec::new() };
    let b = most_color(i0);
    if !train.iter().all(|(i, o)| i.h == o.h && i.w == o.w && most_color(i) == b && i != o) {
        return Vec::new();
    }
    let inner = |g: &GridData, cells: &[usize]| {
        !cells.iter().any(|&k| k < g.w || k >= g.cells.len() - g.w || k % g.w == 0 || k % g.w == g.w - 1)
    };
    let mut by_size: Vec<(usize, u8)> = Vec::new();
    let mut kept: Vec<usize> = Vec::new();
    for (i, o) in train {
        if i.cells.iter().zip(&o.cells).any(|(&x, &y)| x != y && x != b) {
            return Vec::new();
        }
        for cells in components(i, |c| c == b) {
            let colour = o.cells[cells[0]];
            if cells.iter().any(|&k| o.cells[k] != colour) {
                return Vec::new();
            }
            if colour == b {
                if inner(i, &cells) {
                    return Vec::new();
                }
                kept.push(cells.len());
            } else {
                match by_size.iter().find(|(n, _)| *n == cells.len()) {
                    Some(&(_, c)) if c != colour => return Vec::new(),
                    Some(_) => {}
                    None => by_size.push((cells.len(), colour)),
                }
            }
        }
    }
    let mapped = |n: usize| by_size.iter().any(|&(m, _)| m == n);
    let test_known = tests
        .iter()
        .all(|t| components(t, |c| c == b).iter().all(|cells| !inner(t, cells) || mapped(cells.len())));
    if by_size.is_empty() || kept.iter().any(|&n| mapped(n)) || !test_known {
        return Vec::new();
    }
    by_size.sort_unstable();
    let mut g = "X".to_string();
    for (n, c) in by_size {
        let Some(size) = number(n) else { return Vec::new() };
        g = format!(
            "fill({g}, {}, merge(sizefilter(colorfilter(objects(X, T, F, F), {}), {size})))",
            COLORS[c as usize], COLORS[b as usize]
        );
    }
    vec![g]
}

/// The connected regions of colour `b` in `g` (4-connected, or 8-connected with `diagonal`).
fn regions_of(g: &GridData, b: u8, diagonal: bool) -> Vec<Vec<usize>> {
    flood(g, diagonal, |k| g.cells[k] == b, |_, n| g.cells[n] == b)
}

/// Pattern repair: when every output is its input with the cells of one colour `Z` (every input
/// shows it, no output more) repainted, and every output is unchanged by some mirror images and
/// shifts (symmetries about any centre, periods), the fewest of those images (greedy, at most
/// [`MAX_IMAGES`]) whose paint over the `Z` cells, one after the other, rebuilds every output:
/// `paint(G, toobject(ofcolor(G, Z), paint(canvas(Z, shape(X)), shift(asobject(hmirror(G)),
/// astuple(A, B)))))` per image.
pub fn pattern_repairs(train: &[(GridData, GridData)]) -> Vec<String> {
    if train.is_empty() || !train.iter().all(|(i, o)| i.h == o.h && i.w == o.w) {
        return Vec::new();
    }
    let count = |g: &GridData, c: u8| g.cells.iter().filter(|&&x| x == c).count();
    let starts: Vec<GridData> = train.iter().map(|(i, _)| i.clone()).collect();
    let outputs: Vec<&GridData> = train.iter().map(|(_, o)| o).collect();
    (0..10u8)
        .filter(|&z| {
            train.iter().all(|(i, o)| {
                count(i, z) > 0
                    && count(o, z) < count(i, z)
                    && i.cells.iter().zip(&o.cells).all(|(&a, &b)| a == z || a == b)
            })
        })
        .filter_map(|z| repair(&starts, "X", &outputs, z))
        .collect()
}

/// Pattern extension: when every output is larger than its input and holds it in its upper left
/// corner (twice as wide, twice as high, or one size for all), the input on a canvas of the
/// outputs' most common colour `Z` of that size, then repaired as in [`pattern_repairs`] (a
/// pattern continued by its periods or mirrored).
pub fn pattern_extensions(train: &[(GridData, GridData)]) -> Vec<String> {
    let Some((_, o0)) = train.first() else { return Vec::new() };
    let corner = |i: &GridData, o: &GridData| {
        o.h >= i.h
            && o.w >= i.w
            && (o.h, o.w) != (i.h, i.w)
            && (0..i.h).all(|r| i.cells[r * i.w..][..i.w] == o.cells[r * o.w..][..i.w])
    };
    if !train.iter().all(|(i, o)| corner(i, o)) {
        return Vec::new();
    }
    let z = most_color(o0);
    if !train.iter().all(|(_, o)| most_color(o) == z) {
        return Vec::new();
    }
    let zc = COLORS[z as usize];
    let start_text = if train.iter().all(|(i, o)| o.h == i.h && o.w == 2 * i.w) {
        format!("hconcat(X, canvas({zc}, shape(X)))")
    } else if train.iter().all(|(i, o)| o.w == i.w && o.h == 2 * i.h) {
        format!("vconcat(X, canvas({zc}, shape(X)))")
    } else if train.iter().all(|(_, o)| (o.h, o.w) == (o0.h, o0.w)) {
        let (Some(h), Some(w)) = (signed(o0.h as i32), signed(o0.w as i32)) else { return Vec::new() };
        format!("paint(canvas({zc}, astuple({h}, {w})), asobject(X))")
    } else {
        return Vec::new();
    };
    let starts: Vec<GridData> = train
        .iter()
        .map(|(i, o)| {
            let mut g = GridData { h: o.h, w: o.w, cells: vec![z; o.cells.len()] };
            (0..i.h).for_each(|r| g.cells[r * o.w..][..i.w].copy_from_slice(&i.cells[r * i.w..][..i.w]));
            g
        })
        .collect();
    let outputs: Vec<&GridData> = train.iter().map(|(_, o)| o).collect();
    repair(&starts, &start_text, &outputs, z).into_iter().collect()
}

/// The chain of mirror images and shifts that repaints the `z` cells of each start grid (written
/// `start`, in terms of `X`) into its output, if one of at most [`MAX_IMAGES`] does.
fn repair(starts: &[GridData], start: &str, outputs: &[&GridData], z: u8) -> Option<String> {
    let square = outputs.iter().all(|o| o.h == o.w);
    let mut images = Vec::new();
    for (m, &(_, sq)) in MIRRORS.iter().enumerate() {
        if sq && !square {
            continue;
        }
        for dr in -MAX_SHIFT..=MAX_SHIFT {
            for dc in -MAX_SHIFT..=MAX_SHIFT {
                if (m, dr, dc) != (0, 0, 0) && outputs.iter().all(|o| invariant(o, m, (dr, dc))) {
                    images.push((m, (dr, dc)));
                }
            }
        }
    }
    let wrong = |chain: &[(usize, (i32, i32))]| -> usize {
        starts
            .iter()
            .zip(outputs)
            .map(|(i, o)| {
                let g = chain.iter().fold(i.clone(), |g, &(m, v)| repaint(&g, z, m, v));
                g.cells.iter().zip(&o.cells).filter(|(a, b)| a != b).count()
            })
            .sum()
    };
    let mut chain = Vec::new();
    let mut left = wrong(&chain);
    while left > 0 && chain.len() < MAX_IMAGES {
        let (best, after) = images
            .iter()
            .map(|&im| {
                let mut with = chain.clone();
                with.push(im);
                (im, wrong(&with))
            })
            .min_by_key(|&(_, n)| n)?;
        if after >= left {
            break;
        }
        chain.push(best);
        left = after;
    }
    if left > 0 || chain.is_empty() {
        return None;
    }
    let zc = COLORS[z as usize];
    // Every grid of the chain has the start's shape.
    let shape = if start == "X" { "shape(X)".to_string() } else { format!("shape({start})") };
    let mut g = start.to_string();
    for (m, (dr, dc)) in chain {
        let mirrored = MIRRORS[m].0.replace('X', &g);
        let image = if (dr, dc) == (0, 0) {
            mirrored
        } else {
            let (a, b) = (signed(dr)?, signed(dc)?);
            format!("paint(canvas({zc}, {shape}), shift(asobject({mirrored}), astuple({a}, {b})))")
        };
        g = format!("paint({g}, toobject(ofcolor({g}, {zc}), {image}))");
    }
    Some(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::template_program as program;

    fn grid(rows: &[&str]) -> GridData {
        GridData::from_rows(rows)
    }

    #[test]
    fn reads_neighbour_rules_off_the_demonstrations() {
        // Around each 1: 7 on the four sides; around each 2: 4 on the diagonals (0ca9ddb6's kind).
        let train = vec![
            (
                grid(&["00000", "01000", "00000", "00020", "00000"]),
                grid(&["07000", "71700", "07404", "00020", "00404"]),
            ),
            (
                grid(&["00000", "00200", "00000", "00000", "00010"]),
                grid(&["04040", "00200", "04040", "00070", "00717"]),
            ),
        ];
        let t = paint_rules(&train, &[]).expect("a rule chain");
        assert!(
            t.contains("mapply(dneighbors, ofcolor(X, ONE))")
                && t.contains("mapply(ineighbors, ofcolor(X, TWO))")
        );
        // Two rules: not within one.
        assert_eq!(short_paint_rules(&train, &[], 1), None);
        assert_eq!(short_paint_rules(&train, &[], 2), Some(t.clone()));
        // Without the pattern (the second cell right of the 1 changes, the one between not): no
        // template.
        let other = vec![(grid(&["01000"]), grid(&["01020"]))];
        assert_eq!(paint_rules(&other, &[]), None);
    }

    #[test]
    fn a_partial_chain_where_no_chain_rebuilds_the_outputs() {
        // Around each 1: 7 on the four sides; a 9 in a corner that no rule explains.
        let train = vec![
            (
                grid(&["00000", "01000", "00000", "00000", "00000"]),
                grid(&["07000", "71700", "07000", "00000", "00009"]),
            ),
            (
                grid(&["00000", "00000", "00010", "00000", "00000"]),
                grid(&["90000", "00070", "00717", "00070", "00000"]),
            ),
        ];
        assert_eq!(paint_rules(&train, &[]), None);
        let t = partial_paint_rules(&train, &[]).expect("a partial chain");
        assert!(t.contains("mapply(dneighbors, ofcolor(X, ONE))"), "{t}");
        // Where a chain rebuilds every output, no partial one.
        let whole = vec![
            (grid(&["00000", "01000", "00000"]), grid(&["07000", "71700", "07000"])),
            (grid(&["00000", "00010", "00000"]), grid(&["00070", "00717", "00070"])),
        ];
        assert!(paint_rules(&whole, &[]).is_some());
        assert_eq!(partial_paint_rules(&whole, &[]), None);
        // Nothing holds: no partial chain either.
        assert_eq!(partial_paint_rules(&[(grid(&["010"]), grid(&["102"]))], &[]), None);
    }

    #[test]
    fn a_rule_for_each_colour_carries_to_new_colours() {
        // Each colour shoots down in its own colour; the test input has a colour the demonstrations lack.
        let train = vec![
            (grid(&["030", "000", "000"]), grid(&["030", "030", "030"])),
            (grid(&["200", "000", "000"]), grid(&["200", "200", "200"])),
        ];
        let t = paint_rules(&train, &[grid(&["006", "000"])]).expect("a rule chain");
        assert!(t.contains("ofcolor(X, SIX)"), "{t}");
    }

    #[test]
    fn a_rule_of_one_colour_needs_two_demonstrations() {
        // Around each 1: 7 on the four sides (both demonstrations); around the 2: 4 on the
        // diagonals, on one demonstration only: an accident of it, no chain.
        let one_only = vec![
            (
                grid(&["00000", "01000", "00000", "00020", "00000"]),
                grid(&["07000", "71700", "07404", "00020", "00404"]),
            ),
            (
                grid(&["00000", "00000", "00100", "00000", "00000"]),
                grid(&["00000", "00700", "07170", "00700", "00000"]),
            ),
        ];
        assert_eq!(paint_rules(&one_only, &[]), None);
        // The 2 on both: the chain.
        let mut both = one_only.clone();
        both[1] = (
            grid(&["00000", "00000", "00100", "00000", "00002"]),
            grid(&["00000", "00700", "07170", "00740", "00002"]),
        );
        let t = paint_rules(&both, &[]).expect("a rule chain");
        assert!(t.contains("mapply(ineighbors, ofcolor(X, TWO))"), "{t}");
    }

    #[test]
    fn a_rule_for_each_colour_but_the_one_against_it() {
        // The 1s and the 2s turn 8 (a colour that is not the background); the 3s stay: every
        // colour but 3 turns 8, the test's new 6 included.
        let train = vec![
            (grid(&["1003", "0003", "1003"]), grid(&["8003", "0003", "8003"])),
            (grid(&["0203", "0003", "0203"]), grid(&["0803", "0003", "0803"])),
        ];
        let t = paint_rules(&train, &[grid(&["6003"])]).expect("a rule chain");
        assert!(t.contains("ofcolor(X, SIX)") && !t.contains("ofcolor(X, THREE)"), "{t}");
        // Where the 2s stay too, one colour shows it and two are against it: no chain.
        let other =
            vec![train[0].clone(), (grid(&["0203", "0003", "0203"]), grid(&["0203", "0003", "0203"]))];
        assert_eq!(paint_rules(&other, &[grid(&["6003"])]), None);
    }

    #[test]
    fn marks_one_step_from_each_cell_and_out_of_each_corner() {
        // A 2 right above each 1 (not a ray: the cells above it stay).
        let above = vec![
            (grid(&["000", "010", "000"]), grid(&["020", "010", "000"])),
            (grid(&["0000", "0000", "0010"]), grid(&["0000", "0020", "0010"])),
        ];
        let t = paint_rules(&above, &[]).expect("a rule chain");
        assert!(t.contains("shift(ofcolor(X, ONE), UP)"), "{t}");
        let (i, o) = &above[1];
        assert_eq!(crate::confirm(&program(&t), &[i], std::slice::from_ref(o)), Some(vec![]));
        // The mark missing on one demonstration: no rule.
        let other = vec![above[0].clone(), (above[1].0.clone(), above[1].0.clone())];
        assert_eq!(paint_rules(&other, &[]), None);
        // A 3 diagonally out of each block's upper left corner (not a ray, not every cell's).
        let corner = vec![
            (grid(&["0000", "0110", "0110", "0000"]), grid(&["3000", "0110", "0110", "0000"])),
            (
                grid(&["00000", "00000", "00110", "00110", "00000"]),
                grid(&["00000", "03000", "00110", "00110", "00000"]),
            ),
        ];
        let t = paint_rules(&corner, &[]).expect("a rule chain");
        assert!(t.contains("apply(compose(rbind(add, NEG_UNITY), ulcorner)"), "{t}");
        let (i, o) = &corner[1];
        assert_eq!(crate::confirm(&program(&t), &[i], std::slice::from_ref(o)), Some(vec![]));
    }

    #[test]
    fn dots_draw_lines_to_the_block_they_line_up_with() {
        // Each dot lined up with a 3 draws a line of its colour up to it; the 2 of the second
        // demonstration lines up with none and stays; the test's 4 follows.
        let train = vec![
            (
                grid(&["00000", "10030", "00000", "00000", "00020"]),
                grid(&["00000", "11130", "00020", "00020", "00020"]),
            ),
            (
                grid(&["0000", "0300", "0000", "0100", "2000"]),
                grid(&["0000", "0300", "0100", "0100", "2000"]),
            ),
        ];
        let test = grid(&["0400", "0000", "0300"]);
        let t = paint_rules(&train, std::slice::from_ref(&test)).expect("a rule chain");
        let four =
            "mfilter(prapply(connect, ofcolor(X, FOUR), ofcolor(X, THREE)), fork(either, vline, hline))";
        assert!(t.contains(four), "{t}");
        let program = program(&t);
        let inputs: Vec<&GridData> = train.iter().map(|p| &p.0).chain([&test]).collect();
        let outputs: Vec<GridData> = train.iter().map(|p| p.1.clone()).collect();
        assert_eq!(
            crate::confirm(&program, &inputs, &outputs),
            Some(vec![Some(grid(&["0400", "0400", "0300"]))])
        );
        // The 1 of the second demonstration lines up and stays: no chain.
        let other = vec![train[0].clone(), (train[1].0.clone(), train[1].0.clone())];
        assert_eq!(paint_rules(&other, &[]), None);
    }

    #[test]
    fn lines_painted_over_where_they_cross() {
        // Each colour joins its pair; where a row line crosses a column line, the column's colour
        // wins (the row rule holds but where the later column rule paints over it).
        let train = vec![
            (
                grid(&["00200", "00000", "30003", "00000", "00200"]),
                grid(&["00200", "00200", "33233", "00200", "00200"]),
            ),
            (
                grid(&["000000", "010000", "000000", "400004", "010000"]),
                grid(&["000000", "010000", "010000", "414444", "010000"]),
            ),
        ];
        let test = grid(&["0700", "6006", "0000", "0700"]);
        let t = paint_rules(&train, std::slice::from_ref(&test)).expect("a rule chain");
        let program = program(&t);
        let inputs: Vec<&GridData> = train.iter().map(|p| &p.0).chain([&test]).collect();
        let outputs: Vec<GridData> = train.iter().map(|p| p.1.clone()).collect();
        let want = grid(&["0700", "6766", "0700", "0700"]);
        assert_eq!(crate::confirm(&program, &inputs, &outputs), Some(vec![Some(want)]), "{t}");
        // The row wins on one demonstration, the column on the other: no chain.
        let mut mixed = train.clone();
        mixed[1].1 = grid(&["000000", "010000", "010000", "444444", "010000"]);
        assert_eq!(paint_rules(&mixed, &[]), None);
    }

    #[test]
    fn every_colour_takes_over_another_colours_cells_in_its_row() {
        // The colour at the start of a row repaints the 5s of that row; the test brings a new colour.
        let train = vec![
            (grid(&["1055", "2050", "0000"]), grid(&["1011", "2020", "0000"])),
            (grid(&["3005", "4550", "0050"]), grid(&["3003", "4440", "0050"])),
        ];
        let t = paint_rules(&train, &[grid(&["6050"])]).expect("a rule chain");
        assert!(t.contains("mapply(hfrontier, ofcolor(X, SIX))"), "{t}");
    }

    #[test]
    fn repairs_a_periodic_pattern_and_an_offset_mirror() {
        // A period of 3 across, cells of 9 masked: the copies shifted either way fill them in.
        let train = vec![
            (grid(&["123123", "231991", "312312"]), grid(&["123123", "231231", "312312"])),
            (grid(&["129123", "231231"]), grid(&["123123", "231231"])),
        ];
        let t = pattern_repairs(&train);
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0].contains("shift(asobject("), "{}", t[0]);
        // Not every output unchanged by some image: nothing.
        let other = vec![(grid(&["125", "345"]), grid(&["126", "347"]))];
        assert!(pattern_repairs(&other).is_empty());
    }

    #[test]
    fn fills_the_regions_each_seed_touches() {
        // Rooms of 0 walled by 5: the room holding a 3 (or a 4) fills with it, the empty room stays.
        let train = vec![
            (grid(&["03050", "00050", "55555", "00504"]), grid(&["33350", "33350", "55555", "00544"])),
            (grid(&["00504", "55555", "03500"]), grid(&["00544", "55555", "33500"])),
        ];
        let t = seeded_fills(&train, &[grid(&["05", "06"])]);
        assert_eq!(t.len(), 1, "{t:?}");
        // The walls (5) touch every room and fill none: no rule of theirs; a test colour gets one.
        assert!(t[0].contains("ofcolor(X, THREE)") && t[0].contains("ofcolor(X, SIX)"), "{}", t[0]);
        assert!(!t[0].contains("ofcolor(X, FIVE)"), "{}", t[0]);
        // A room touching a seed that stays empty: no fill.
        let other = vec![(grid(&["0300", "5555", "0300"]), grid(&["3300", "5555", "0300"]))];
        assert!(seeded_fills(&other, &[]).is_empty());
    }

    #[test]
    fn fills_the_box_two_marks_span() {
        // Two 2s: the inside of the box they span becomes 1 (the marks' rows and columns stay 0).
        let train = vec![
            (grid(&["0000", "0200", "0000", "0002"]), grid(&["0000", "0200", "0010", "0002"])),
            (
                grid(&["20000", "00000", "00000", "00000", "00002"]),
                grid(&["20000", "01110", "01110", "01110", "00002"]),
            ),
        ];
        let t = paint_rules(&train, &[]).expect("a rule chain");
        assert!(t.contains("backdrop(inbox(ofcolor(X, TWO)))"), "{t}");
    }

    #[test]
    fn fills_holes_by_their_size() {
        // Holes of one cell take 5, of two cells 7; the outside stays.
        let train = vec![
            (
                grid(&["00000", "03330", "03030", "03330", "00000"]),
                grid(&["00000", "03330", "03530", "03330", "00000"]),
            ),
            (
                grid(&["000000", "044440", "040040", "044440", "000000"]),
                grid(&["000000", "044440", "047740", "044440", "000000"]),
            ),
        ];
        assert_eq!(
            holes_by_size(&train, &[]),
            vec![
                "fill(fill(X, FIVE, merge(sizefilter(colorfilter(objects(X, T, F, F), ZERO), ONE))), SEVEN, \
                  merge(sizefilter(colorfilter(objects(X, T, F, F), ZERO), TWO)))"
                    .to_string()
            ]
        );
        // A test hole of a size no demonstration shows: no map.
        let big = grid(&["00000", "03330", "03003", "03003", "03330"]);
        assert!(holes_by_size(&train, &[big]).is_empty());
    }
}
