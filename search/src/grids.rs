//! The grid layer: a search over grid values only, run before the typed enumeration. ARC answers are
//! mostly a few whole-grid steps (crop to an object, mirror, scale, concatenate, recolour), which the
//! typed enumeration reaches only after every other value of two calls. Here each step is a
//! [`TEMPLATES`] entry: an arc-dsl expression with one grid hole `X` (`subgrid(argmax(objects(X, T,
//! F, T), size), X)`), plus the ones the task's demonstrations suggest ([`task_templates`]: scale by
//! the demonstrations' ratio, crop to a colour, fill with an output colour; and where the
//! demonstrations' shapes and colours show it: the arrangement of mirror images read off the outputs,
//! the input in place of its cells (fractals), a one-colour answer, a colour grown into its
//! neighbours, objects recoloured by size rank (on black too where another colour is the most
//! common), crops picked by a colour's count, parts of a split picked by a property (or overlaid by
//! a colour order, a grid of blocks too; or, two halves, compared cell by cell), moves to
//! contact, gravity, copies of an object stamped at marks, tilings and fractals by a factor the
//! input counts, one-colour canvases sized by a count (the compartments lines cut the input into,
//! too); and the paint rules (a partial chain among them), pattern repairs, seeded fills and hole
//! fills of [`crate::rules`]). Level `d` applies every
//! template to every new grid of level `d - 1` (observational equivalence on the result tuples, as
//! in the typed enumeration, through the same [`Store`] and [`Evaluator`], so every value is an
//! expression the renderer writes as arc-dsl text). Besides the exact fits, every grid with the
//! outputs' shapes is tried with a colour map (one colour to one colour, the same on every
//! demonstration, written as `replace`/`switch` calls, refused where it is a guess on one-colour
//! outputs), and pairs of grids of the first level are combined (`cellwise`, `underpaint`, `hconcat`,
//! `vconcat`, and for two parts of the input the logic of their non-zero cells) where the result
//! has the outputs' shapes. Where no level gives an answer, the rules are read again off the
//! demonstrations as the best first-level grids leave them (rules after a step,
//! [`Layer::rules_after`]), and then grids of the outputs' shape are stacked, each painting its
//! cells off its most common colour over the ones below ([`Layer::stack_pieces`], checked on each
//! demonstration held out).
//! The layer stops at its own step budget (reproducible), the wall-clock budget, the task's caps on
//! values and bytes, or after the level where its first candidate was found.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use kernels::{FuncData, Prim, Ty, Value};

use crate::eval::{App, Evaluator, Outcome};
use crate::rules::{blocks, part};
use crate::store::{hash_values, Arg, Fun, FunId, FunNode, Node, Store, ValId};
use crate::types::bit;
use crate::{GridData, Stop, COLORS};

/// A template expression: `X` is the hole.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Hole,
    Const(&'static str),
    Call(Prim, Vec<Expr>),
    Fun(FunExpr),
}

/// A function argument of a template.
#[derive(Clone, Debug, PartialEq)]
pub enum FunExpr {
    Prim(Prim),
    LBind(Prim, Box<Expr>),
    RBind(Prim, Box<Expr>),
    Compose(Box<FunExpr>, Box<FunExpr>),
    /// `fork(outer, a, b)`.
    Fork(Prim, Box<FunExpr>, Box<FunExpr>),
}

/// The unary grid steps every task gets, in the order they are tried (cheap and common first).
pub const TEMPLATES: &[&str] = &[
    "rot90(X)",
    "rot180(X)",
    "rot270(X)",
    "hmirror(X)",
    "vmirror(X)",
    "dmirror(X)",
    "cmirror(X)",
    "compress(X)",
    "trim(X)",
    "tophalf(X)",
    "bottomhalf(X)",
    "lefthalf(X)",
    "righthalf(X)",
    "first(hsplit(X, THREE))",
    "last(hsplit(X, THREE))",
    "first(vsplit(X, THREE))",
    "last(vsplit(X, THREE))",
    "upscale(X, TWO)",
    "upscale(X, THREE)",
    "downscale(X, TWO)",
    "downscale(X, THREE)",
    "hupscale(X, TWO)",
    "vupscale(X, TWO)",
    "hconcat(X, X)",
    "vconcat(X, X)",
    "hconcat(hconcat(X, X), X)",
    "vconcat(vconcat(X, X), X)",
    "vconcat(hconcat(X, X), hconcat(X, X))",
    "vconcat(vconcat(hconcat(hconcat(X, X), X), hconcat(hconcat(X, X), X)), hconcat(hconcat(X, X), X))",
    "hconcat(X, vmirror(X))",
    "hconcat(vmirror(X), X)",
    "vconcat(X, hmirror(X))",
    "vconcat(hmirror(X), X)",
    "subgrid(argmax(objects(X, T, F, T), size), X)",
    "subgrid(argmin(objects(X, T, F, T), size), X)",
    "subgrid(argmax(objects(X, F, F, T), size), X)",
    "subgrid(argmin(objects(X, F, F, T), size), X)",
    "subgrid(argmax(objects(X, T, T, T), size), X)",
    "subgrid(argmin(objects(X, T, T, T), size), X)",
    "subgrid(argmax(objects(X, F, T, T), size), X)",
    "subgrid(argmin(objects(X, F, T, T), size), X)",
    "subgrid(argmax(fgpartition(X), size), X)",
    "subgrid(argmin(fgpartition(X), size), X)",
    "subgrid(argmax(objects(X, F, T, T), numcolors), X)",
    "subgrid(argmax(objects(X, T, F, F), size), X)",
    "subgrid(ofcolor(X, leastcolor(X)), X)",
    "subgrid(merge(fgpartition(X)), X)",
    "subgrid(argmax(objects(X, F, T, T), height), X)",
    "subgrid(argmax(objects(X, F, T, T), width), X)",
    "subgrid(extract(objects(X, T, F, T), compose(rbind(equality, leastcommon(apply(normalize, objects(X, T, F, T)))), normalize)), X)",
    "subgrid(extract(objects(X, F, T, T), compose(rbind(equality, leastcommon(apply(normalize, objects(X, F, T, T)))), normalize)), X)",
    "subgrid(extract(objects(X, T, F, T), compose(rbind(equality, leastcommon(apply(color, objects(X, T, F, T)))), color)), X)",
    "subgrid(extract(objects(X, T, T, T), compose(rbind(equality, leastcommon(apply(color, objects(X, T, T, T)))), color)), X)",
    "subgrid(extract(objects(X, F, T, T), compose(rbind(equality, leastcommon(apply(size, objects(X, F, T, T)))), size)), X)",
    "subgrid(argmin(objects(X, F, T, T), numcolors), X)",
    "subgrid(argmax(objects(X, F, F, T), numcolors), X)",
    "subgrid(argmax(objects(X, T, F, T), height), X)",
    "subgrid(argmax(objects(X, T, F, T), width), X)",
    "subgrid(argmax(objects(X, F, T, T), rbind(colorcount, leastcolor(X))), X)",
    "subgrid(argmin(objects(X, F, T, T), rbind(colorcount, leastcolor(X))), X)",
    "subgrid(argmax(objects(X, F, T, F), size), X)",
    "cover(X, argmax(objects(X, T, F, T), size))",
    "cover(X, argmin(objects(X, T, F, T), size))",
    "cover(X, merge(sizefilter(objects(X, T, T, T), ONE)))",
    "paint(canvas(mostcolor(X), shape(X)), argmax(objects(X, F, T, T), size))",
    "paint(canvas(mostcolor(X), shape(X)), argmax(objects(X, T, F, T), size))",
    "canvas(leastcolor(X), shape(X))",
    "argmax(hsplit(X, TWO), numcolors)",
    "argmin(hsplit(X, TWO), numcolors)",
    "argmax(vsplit(X, TWO), numcolors)",
    "argmin(vsplit(X, TWO), numcolors)",
    "argmax(hsplit(X, THREE), numcolors)",
    "argmin(hsplit(X, THREE), numcolors)",
    "argmax(vsplit(X, THREE), numcolors)",
    "argmin(vsplit(X, THREE), numcolors)",
    "argmax(hsplit(X, THREE), rbind(colorcount, mostcolor(X)))",
    "argmin(hsplit(X, THREE), rbind(colorcount, mostcolor(X)))",
    "argmax(vsplit(X, THREE), rbind(colorcount, mostcolor(X)))",
    "argmin(vsplit(X, THREE), rbind(colorcount, mostcolor(X)))",
    "subgrid(extract(objects(X, T, F, T), compose(rbind(equality, leastcommon(apply(normalize, totuple(objects(X, T, F, T))))), normalize)), X)",
    "subgrid(extract(objects(X, F, T, T), compose(rbind(equality, leastcommon(apply(normalize, totuple(objects(X, F, T, T))))), normalize)), X)",
    "subgrid(extract(objects(X, F, T, T), compose(rbind(equality, leastcommon(apply(size, totuple(objects(X, F, T, T))))), size)), X)",
    "subgrid(extract(objects(X, T, T, T), compose(rbind(equality, leastcommon(apply(color, totuple(objects(X, T, T, T))))), color)), X)",
    "subgrid(extract(objects(X, F, T, T), compose(rbind(equality, leastcommon(apply(numcolors, totuple(objects(X, F, T, T))))), numcolors)), X)",
    "subgrid(extract(objects(X, T, T, T), fork(equality, identity, vmirror)), X)",
    "subgrid(extract(objects(X, T, T, T), fork(equality, identity, hmirror)), X)",
    "subgrid(extract(objects(X, F, T, T), fork(equality, identity, vmirror)), X)",
    "cover(X, merge(sizefilter(objects(X, T, F, T), ONE)))",
    "cover(X, merge(sizefilter(objects(X, F, T, T), ONE)))",
    "cover(X, merge(sizefilter(objects(X, T, F, T), TWO)))",
    "paint(canvas(mostcolor(X), shape(X)), shift(asobject(X), LEFT))",
    "paint(canvas(mostcolor(X), shape(X)), shift(asobject(X), RIGHT))",
    "paint(canvas(mostcolor(X), shape(X)), shift(asobject(X), UP))",
    "paint(canvas(mostcolor(X), shape(X)), shift(asobject(X), DOWN))",
    "underfill(X, leastcolor(X), mapply(hfrontier, ofcolor(X, leastcolor(X))))",
    "underfill(X, leastcolor(X), mapply(vfrontier, ofcolor(X, leastcolor(X))))",
    "underfill(X, leastcolor(X), mapply(rbind(shoot, DOWN), ofcolor(X, leastcolor(X))))",
    "underfill(X, leastcolor(X), mapply(rbind(shoot, UP), ofcolor(X, leastcolor(X))))",
    "underfill(X, leastcolor(X), mapply(rbind(shoot, LEFT), ofcolor(X, leastcolor(X))))",
    "underfill(X, leastcolor(X), mapply(rbind(shoot, RIGHT), ofcolor(X, leastcolor(X))))",
    "replace(X, leastcolor(X), mostcolor(X))",
    "switch(X, leastcolor(X), mostcolor(X))",
    "switch(X, ZERO, maximum(palette(X)))",
    "fill(canvas(mostcolor(X), shape(X)), leastcolor(X), box(asindices(X)))",
    "dmirror(dedupe(dmirror(dedupe(X))))",
    "compress(dmirror(dedupe(dmirror(dedupe(X)))))",
    "underfill(X, leastcolor(X), mfilter(prapply(connect, ofcolor(X, leastcolor(X)), ofcolor(X, leastcolor(X))), fork(either, vline, hline)))",
];

/// Colour-parameterised steps: `C` is each colour of the demonstration outputs that some
/// demonstration input lacks (the colour a step must bring in), in colour order.
pub const FILL_TEMPLATES: &[&str] = &[
    "fill(X, C, mfilter(colorfilter(objects(X, T, F, F), mostcolor(X)), compose(flip, rbind(bordering, X))))",
    "fill(X, C, mfilter(colorfilter(objects(X, T, F, F), ZERO), compose(flip, rbind(bordering, X))))",
    "fill(X, C, mfilter(colorfilter(objects(X, T, F, F), ZERO), rbind(bordering, X)))",
    "underfill(X, C, mapply(backdrop, objects(X, T, F, T)))",
    "underfill(X, C, mapply(delta, objects(X, T, T, T)))",
    "fill(X, C, mapply(delta, objects(X, T, F, T)))",
    "underfill(X, C, mapply(inbox, objects(X, T, F, T)))",
    "underfill(X, C, mapply(outbox, objects(X, T, F, T)))",
    "fill(X, C, argmax(objects(X, T, F, T), size))",
    "fill(X, C, argmin(objects(X, T, F, T), size))",
    "underfill(X, C, mapply(dneighbors, toindices(merge(fgpartition(X)))))",
    "underfill(X, C, mapply(neighbors, toindices(merge(fgpartition(X)))))",
    "underfill(X, C, mapply(hfrontier, toindices(merge(fgpartition(X)))))",
    "underfill(X, C, mapply(vfrontier, toindices(merge(fgpartition(X)))))",
    "underfill(X, C, mapply(rbind(shoot, DOWN), toindices(merge(fgpartition(X)))))",
    "underfill(X, C, mapply(rbind(shoot, UP), toindices(merge(fgpartition(X)))))",
    "underfill(X, C, mapply(rbind(shoot, LEFT), toindices(merge(fgpartition(X)))))",
    "underfill(X, C, mapply(rbind(shoot, RIGHT), toindices(merge(fgpartition(X)))))",
    "underfill(X, C, mfilter(prapply(connect, ofcolor(X, leastcolor(X)), ofcolor(X, leastcolor(X))), fork(either, vline, hline)))",
    "fill(X, C, delta(ofcolor(X, leastcolor(X))))",
    "fill(X, C, merge(frontiers(X)))",
];

/// Steps for a colour `C` that every demonstration input shows and no output does, or every output
/// has fewer cells of (a mark to remove, or noise in a colour the pattern uses too): the grid's
/// symmetric counterpart under it (symmetry completion), or only that region.
pub const MASK_TEMPLATES: &[&str] = &[
    "paint(X, toobject(ofcolor(X, C), hmirror(X)))",
    "paint(X, toobject(ofcolor(X, C), vmirror(X)))",
    "paint(X, toobject(ofcolor(X, C), rot180(X)))",
    "paint(X, toobject(ofcolor(X, C), dmirror(X)))",
    "paint(X, toobject(ofcolor(X, C), cmirror(X)))",
    "subgrid(ofcolor(X, C), hmirror(X))",
    "subgrid(ofcolor(X, C), vmirror(X))",
    "subgrid(ofcolor(X, C), rot180(X))",
    "subgrid(ofcolor(X, C), dmirror(X))",
    "subgrid(ofcolor(X, C), cmirror(X))",
];

/// Most levels (template applications in a row).
pub const DEPTH: u32 = 2;

/// Parses a template (`C` stands for `color` where given).
pub fn parse(text: &str, color: Option<&'static str>) -> Result<Expr, String> {
    let tokens = tokenize(text);
    let mut at = 0;
    let e = expr(&tokens, &mut at, false, color)?;
    if at != tokens.len() {
        return Err(format!("{text}: trailing text"));
    }
    Ok(e)
}

fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() || ch == '_' {
            word.push(ch);
        } else {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if !ch.is_whitespace() {
                out.push(ch.to_string());
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn expect(tokens: &[String], at: &mut usize, what: &str) -> Result<(), String> {
    if tokens.get(*at).map(String::as_str) != Some(what) {
        return Err(format!("expected {what} at token {at}"));
    }
    *at += 1;
    Ok(())
}

fn constant(name: &str) -> Result<&'static str, String> {
    kernels::constants::ALL
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, _)| *n)
        .ok_or(format!("no constant {name}"))
}

fn expr(
    tokens: &[String],
    at: &mut usize,
    callable: bool,
    color: Option<&'static str>,
) -> Result<Expr, String> {
    let name = tokens.get(*at).ok_or("unexpected end")?.clone();
    *at += 1;
    if tokens.get(*at).map(String::as_str) != Some("(") {
        return Ok(match name.as_str() {
            "X" => Expr::Hole,
            "C" => Expr::Const(color.ok_or("C without a colour")?),
            _ if callable => {
                Expr::Fun(FunExpr::Prim(Prim::from_name(&name).ok_or(format!("no primitive {name}"))?))
            }
            _ => Expr::Const(constant(&name)?),
        });
    }
    *at += 1;
    let e = match name.as_str() {
        "rbind" | "lbind" => {
            let p = tokens.get(*at).and_then(|n| Prim::from_name(n)).ok_or("bind of no primitive")?;
            *at += 1;
            expect(tokens, at, ",")?;
            let v = Box::new(expr(tokens, at, false, color)?);
            Expr::Fun(if name == "rbind" { FunExpr::RBind(p, v) } else { FunExpr::LBind(p, v) })
        }
        "fork" => {
            let p = tokens.get(*at).and_then(|n| Prim::from_name(n)).ok_or("fork of no primitive")?;
            *at += 1;
            let mut parts = Vec::new();
            for _ in 0..2 {
                expect(tokens, at, ",")?;
                let Expr::Fun(f) = expr(tokens, at, true, color)? else {
                    return Err("fork of a value".into());
                };
                parts.push(Box::new(f));
            }
            let b = parts.pop().expect("two parts");
            let a = parts.pop().expect("two parts");
            Expr::Fun(FunExpr::Fork(p, a, b))
        }
        "compose" => {
            let Expr::Fun(g) = expr(tokens, at, true, color)? else {
                return Err("compose of a value".into());
            };
            expect(tokens, at, ",")?;
            let Expr::Fun(h) = expr(tokens, at, true, color)? else {
                return Err("compose of a value".into());
            };
            Expr::Fun(FunExpr::Compose(Box::new(g), Box::new(h)))
        }
        _ => {
            let p = Prim::from_name(&name).ok_or(format!("no primitive {name}"))?;
            let params = p.signature().params;
            let mut args = Vec::new();
            for (k, ty) in params.iter().enumerate() {
                if k > 0 {
                    expect(tokens, at, ",")?;
                }
                args.push(expr(tokens, at, *ty == Ty::Callable, color)?);
            }
            Expr::Call(p, args)
        }
    };
    expect(tokens, at, ")")?;
    Ok(e)
}

/// The templates of one task: [`TEMPLATES`], then scaling by the demonstrations' common integer
/// ratio (when no fixed template has it), cropping to, keeping only and erasing each colour of the
/// inputs, and the
/// [`FILL_TEMPLATES`] with each colour the outputs bring in, the [`MASK_TEMPLATES`] with each colour
/// the outputs take away or have fewer cells of; then the ones the demonstrations' shapes and
/// colours suggest (mirror arrangements, fractals, one-colour answers, grown colours, overlaid
/// parts, colours by object size or rank, crops, picked parts, moves and gravity, stamps: the
/// functions below; paint rules, pattern
/// repairs and extensions: [`crate::rules`]). `tests` are the test inputs (only
/// [`colours_by_size`] and [`crate::rules::paint_rules`] look at them: for object sizes the
/// demonstrations do not show, and for the colours per-colour rules are written for).
pub fn task_templates(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<Expr> {
    let mut out: Vec<Expr> = TEMPLATES.iter().map(|t| parse(t, None).expect("a valid template")).collect();
    let mut extra: Vec<String> = Vec::new();
    let ratio = |f: fn(&GridData) -> usize| -> Option<(usize, bool)> {
        let (i, o) = (f(&train.first()?.0), f(&train.first()?.1));
        let (up, k) = if o >= i { (true, o / i.max(1)) } else { (false, i / o.max(1)) };
        let fits = train.iter().all(|(a, b)| if up { f(b) == f(a) * k } else { f(a) == f(b) * k });
        (fits && k >= 2).then_some((k, up))
    };
    if let (Some((kh, uh)), Some((kw, uw))) = (ratio(|g| g.h), ratio(|g| g.w)) {
        if kh == kw && uh == uw && (4..=9).contains(&kh) {
            let k = COLORS[kh];
            extra.push(if uh { format!("upscale(X, {k})") } else { format!("downscale(X, {k})") });
        }
    }
    // Every output an integer multiple of its input, the same factor across and down, but not the
    // same factor on every demonstration: a factor the input gives (its number of colours).
    let factors: Option<Vec<usize>> = train
        .iter()
        .map(|(i, o)| {
            let k = o.h / i.h.max(1);
            (k >= 2 && o.h == i.h * k && o.w == i.w * k).then_some(k)
        })
        .collect();
    if factors.is_some_and(|f| f.windows(2).any(|w| w[0] != w[1])) {
        extra.push("upscale(X, numcolors(X))".to_string());
        extra.push("upscale(X, decrement(numcolors(X)))".to_string());
    }
    let mut in_colors = [false; 10];
    let mut out_new = [false; 10];
    let mut out_colors = [false; 10];
    let mut in_every = [true; 10];
    // Colours every output has fewer cells of than its input (noise over a pattern of that colour).
    let mut fewer = [true; 10];
    for (i, o) in train {
        let mut counts = [(0usize, 0usize); 10];
        i.cells.iter().for_each(|&c| counts[c as usize % 10].0 += 1);
        o.cells.iter().for_each(|&c| counts[c as usize % 10].1 += 1);
        for c in 0..10 {
            fewer[c] &= counts[c].1 < counts[c].0;
        }
        let mut here = [false; 10];
        i.cells.iter().for_each(|&c| here[c as usize % 10] = true);
        for c in 0..10 {
            in_colors[c] |= here[c];
            in_every[c] &= here[c];
        }
        o.cells.iter().for_each(|&c| out_colors[c as usize % 10] = true);
        o.cells.iter().filter(|&&c| !here[c as usize % 10]).for_each(|&c| out_new[c as usize % 10] = true);
    }
    for c in (0..10).filter(|&c| in_colors[c]) {
        let c = COLORS[c];
        extra.push(format!("subgrid(ofcolor(X, {c}), X)"));
        extra.push(format!("fill(canvas(ZERO, shape(X)), {c}, ofcolor(X, {c}))"));
        extra.push(format!("replace(X, {c}, mostcolor(X))"));
    }
    for e in extra {
        out.push(parse(&e, None).expect("a valid template"));
    }
    for c in (0..10).filter(|&c| out_new[c]) {
        for t in FILL_TEMPLATES {
            out.push(parse(t, Some(COLORS[c])).expect("a valid template"));
        }
    }
    for c in (0..10).filter(|&c| in_every[c] && (!out_colors[c] || fewer[c])) {
        for t in MASK_TEMPLATES {
            out.push(parse(t, Some(COLORS[c])).expect("a valid template"));
        }
    }
    let mut suggested: Vec<String> = Vec::new();
    suggested.extend(mirror_tiling(train));
    suggested.extend(self_similar(train, &in_colors));
    suggested.extend(scaled_copies(train, &in_colors));
    suggested.extend(one_colour_answers(train));
    suggested.extend(counted_canvases(train));
    suggested.extend(block_summaries(train));
    suggested.extend(grown_colours(train, &in_colors));
    suggested.extend(overlaid_parts(train));
    suggested.extend(compared_halves(train));
    for objs in Objects::for_task(train) {
        suggested.extend(colours_by_size(train, tests, objs));
        suggested.extend(colours_by_rank(train, objs));
    }
    suggested.extend(crops(train, &in_colors));
    suggested.extend(picked_parts(train, &in_colors));
    suggested.extend(stamps(train));
    suggested.extend(moves(train));
    suggested.extend(crate::extracts::extract_rules(train, tests));
    // Registered here, not by `extracts`, whose helpers they use (one way: grids -> tallies -> extracts).
    if crate::extracts::changes_shape(train) {
        suggested.extend(crate::tallies::colour_lists(train));
        suggested.extend(crate::tallies::counted_lines(train));
        suggested.extend(crate::tallies::lattice_summaries(train, tests));
        suggested.extend(crate::regions::region_summaries(train, tests));
    }
    suggested.extend(crate::rules::paint_rules(train, tests));
    suggested.extend(crate::rules::partial_paint_rules(train, tests));
    suggested.extend(crate::rules::pattern_repairs(train));
    suggested.extend(crate::rules::seeded_fills(train, tests));
    suggested.extend(crate::rules::holes_by_size(train, tests));
    suggested.extend(crate::rules::pattern_extensions(train));
    suggested.extend(crate::edits::legend_recolours(train, tests));
    suggested.extend(crate::edits::predicate_recolours(train));
    suggested.extend(crate::edits::region_recolours(train));
    suggested.extend(crate::edits::dots_to_own_colour(train));
    suggested.extend(crate::edits::extreme_recolours(train, tests));
    suggested.extend(crate::edits::hole_count_recolours(train));
    suggested.extend(crate::edits::periodic_repairs(train));
    suggested.extend(crate::edits::mirror_repairs(train));
    suggested.extend(crate::edits::cropped_mirror_repairs(train, tests));
    suggested.extend(crate::edits::nested_recolours(train, tests));
    suggested.extend(crate::edits::contained_symmetries(train, tests));
    suggested.extend(crate::edits::key_swaps(train));
    suggested.extend(crate::edits::shifted_repairs(train, tests));
    suggested.extend(crate::priors::colour_shifts(train, tests));
    suggested.extend(crate::priors::segment_lines(train));
    suggested.extend(crate::priors::mirrors_across_lines(train, tests));
    suggested.extend(crate::priors::colours_swapped_in_objects(train, tests));
    suggested.extend(crate::priors::objects_coloured_by_markers(train, tests));
    suggested.extend(crate::priors::shears(train));
    suggested.extend(crate::priors::shapes_recoloured(train, tests));
    for e in suggested {
        out.push(parse(&e, None).expect("a valid template"));
    }
    out
}

/// The one-colour 4-connected objects of `g` that are not its most common colour (arc-dsl's
/// `objects(g, T, F, T)`), as cell lists.
fn objects(g: &GridData) -> Vec<Vec<usize>> {
    let mut counts = [0usize; 10];
    g.cells.iter().for_each(|&c| counts[c as usize % 10] += 1);
    // arc-dsl's `mostcolor`: the first cell's colour among the most common, in reading order.
    let most = counts.iter().max().copied().unwrap_or(0);
    let bg = g.cells.iter().copied().find(|&c| counts[c as usize % 10] == most);
    crate::rules::components(g, |c| Some(c) != bg)
}

/// Whose objects the recolouring rules read: arc-dsl's (the most common colour is the background),
/// or those of every colour but 0, for tasks on black whose small inputs have more of some other
/// colour than black (aedd82e4).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Objects {
    OffMostColour,
    OffZero,
}

impl Objects {
    fn cells(self, g: &GridData) -> Vec<Vec<usize>> {
        match self {
            Objects::OffMostColour => objects(g),
            Objects::OffZero => crate::rules::components(g, |c| c != 0),
        }
    }

    fn text(self) -> &'static str {
        match self {
            Objects::OffMostColour => "objects(X, T, F, T)",
            Objects::OffZero => "sfilter(objects(X, T, F, F), compose(positive, color))",
        }
    }

    /// The settings worth trying on `train`: the second only where every input shows 0 and some
    /// input's most common colour is another (elsewhere both read the same objects).
    fn for_task(train: &[(GridData, GridData)]) -> Vec<Objects> {
        let zero_everywhere = train.iter().all(|(i, _)| i.cells.contains(&0));
        let other_most = train.iter().any(|(i, _)| {
            let mut counts = [0usize; 10];
            i.cells.iter().for_each(|&c| counts[c as usize % 10] += 1);
            let most = counts.iter().max().copied().unwrap_or(0);
            i.cells.iter().copied().find(|&c| counts[c as usize % 10] == most) != Some(0)
        });
        if zero_everywhere && other_most {
            vec![Objects::OffMostColour, Objects::OffZero]
        } else {
            vec![Objects::OffMostColour]
        }
    }
}

/// When every output keeps its input's shape and background and recolours each object (one colour
/// each, 4-connected) by its size, the same size the same colour on every demonstration (ae58858e):
/// `fill(X, C, merge(sizefilter(objects(X, T, F, T), S)))` per size whose colour changes. Only where
/// every object of the test inputs has a size the demonstrations show (else the map is a guess:
/// a61f2674's bars, recoloured by rank, not by size).
fn colours_by_size(train: &[(GridData, GridData)], tests: &[GridData], objs: Objects) -> Vec<String> {
    let mut by_size: HashMap<usize, u8> = HashMap::new();
    let mut changes = Vec::new();
    for (i, o) in train {
        if i.h != o.h || i.w != o.w {
            return Vec::new();
        }
        let mut covered = vec![false; i.cells.len()];
        for cells in objs.cells(i) {
            let colour = o.cells[cells[0]];
            if cells.iter().any(|&k| o.cells[k] != colour)
                || *by_size.entry(cells.len()).or_insert(colour) != colour
            {
                return Vec::new();
            }
            if colour != i.cells[cells[0]] && !changes.contains(&cells.len()) {
                changes.push(cells.len());
            }
            cells.iter().for_each(|&k| covered[k] = true);
        }
        if (0..i.cells.len()).any(|k| !covered[k] && i.cells[k] != o.cells[k]) {
            return Vec::new();
        }
    }
    if tests.iter().any(|t| objs.cells(t).iter().any(|cells| !by_size.contains_key(&cells.len()))) {
        return Vec::new();
    }
    changes.sort_unstable();
    let mut g = "X".to_string();
    for size in changes {
        let Some(s) = number(size) else { return Vec::new() };
        g = format!(
            "fill({g}, {}, merge(sizefilter({}, {s})))",
            COLORS[by_size[&size] as usize],
            objs.text()
        );
    }
    if g == "X" {
        return Vec::new();
    }
    vec![g]
}

/// An object's size, whether it is the largest, whether the smallest, and its output colour.
type ObjectRank = (usize, bool, bool, u8);

/// Objects recoloured by their size's rank or by one size against the rest: when every output
/// keeps its input's shape and paints each object (one colour, 4-connected, not the background)
/// in one colour, every other cell unchanged, and the colour is fixed by whether the object is the
/// largest, the smallest or neither (ea32f347's bars), or by whether it has one size (d2abd087's
/// sixes against the rest; any size the tests show then falls under the rest):
/// `fill(fill(fill(X, C, merge(objs)), A, argmax(objs, size)), B, argmin(objs, size))` and
/// `fill(fill(X, B, merge(objs)), A, merge(sizefilter(objs, S)))`.
fn colours_by_rank(train: &[(GridData, GridData)], setting: Objects) -> Vec<String> {
    // Per demonstration: (size, largest, smallest, output colour) of each object.
    let mut seen: Vec<ObjectRank> = Vec::new();
    for (i, o) in train {
        if i.h != o.h || i.w != o.w {
            return Vec::new();
        }
        let objs = setting.cells(i);
        let (Some(max), Some(min)) = (objs.iter().map(Vec::len).max(), objs.iter().map(Vec::len).min())
        else {
            return Vec::new();
        };
        let mut covered = vec![false; i.cells.len()];
        for cells in &objs {
            let colour = o.cells[cells[0]];
            if cells.iter().any(|&k| o.cells[k] != colour) {
                return Vec::new();
            }
            cells.iter().for_each(|&k| covered[k] = true);
            seen.push((cells.len(), cells.len() == max, cells.len() == min, colour));
        }
        if (0..i.cells.len()).any(|k| !covered[k] && i.cells[k] != o.cells[k]) {
            return Vec::new();
        }
    }
    let one = |f: &dyn Fn(&ObjectRank) -> bool| -> Option<u8> {
        let mut it = seen.iter().filter(|x| f(x)).map(|x| x.3);
        let first = it.next()?;
        it.all(|c| c == first).then_some(first)
    };
    let objs = setting.text();
    let mut out = Vec::new();
    // Largest, smallest, the rest (where no object is both).
    if !seen.iter().any(|x| x.1 && x.2) {
        if let (Some(a), Some(b)) = (one(&|x| x.1), one(&|x| x.2)) {
            let rest = one(&|x| !x.1 && !x.2);
            let base = match rest {
                Some(c) => format!("fill(X, {}, merge({objs}))", COLORS[c as usize]),
                None if seen.iter().all(|x| x.1 || x.2) => "X".to_string(),
                None => String::new(),
            };
            if !base.is_empty() {
                out.push(format!(
                    "fill(fill({base}, {}, argmax({objs}, size)), {}, argmin({objs}, size))",
                    COLORS[a as usize], COLORS[b as usize]
                ));
            }
        }
    }
    // One size against the rest.
    let mut sizes: Vec<usize> = seen.iter().map(|x| x.0).collect();
    sizes.sort_unstable();
    sizes.dedup();
    for &size in &sizes {
        if let (Some(a), Some(b), Some(s)) = (one(&|x| x.0 == size), one(&|x| x.0 != size), number(size)) {
            if a != b {
                out.push(format!(
                    "fill(fill(X, {}, merge({objs})), {}, merge(sizefilter({objs}, {s})))",
                    COLORS[b as usize], COLORS[a as usize]
                ));
            }
        }
    }
    out
}

/// Whether `o` appears in `g` as a block of cells (a crop).
fn is_crop(g: &GridData, o: &GridData) -> bool {
    if o.h > g.h || o.w > g.w || (o.h, o.w) == (g.h, g.w) {
        return false;
    }
    (0..=g.h - o.h).any(|r| {
        (0..=g.w - o.w)
            .any(|c| (0..o.h).all(|i| g.cells[(r + i) * g.w + c..][..o.w] == o.cells[i * o.w..][..o.w]))
    })
}

/// When every output is a crop of its input: the object picked by how many cells of each input
/// colour it holds, by being of the most common shape (several copies of one shape), by being the
/// one not mirror-symmetric, or by how many of its cells are off its main colour.
fn crops(train: &[(GridData, GridData)], in_colors: &[bool; 10]) -> Vec<String> {
    if train.is_empty() || !train.iter().all(|(i, o)| is_crop(i, o)) {
        return Vec::new();
    }
    // (The objects picked by a colour's count: [`crate::extracts::counted_crops`].)
    let mut out = crate::extracts::counted_crops(train, in_colors);
    for objs in ["objects(X, T, T, T)", "objects(X, F, T, T)", "objects(X, T, F, T)"] {
        out.push(format!(
            "subgrid(extract({objs}, compose(rbind(equality, mostcommon(apply(normalize, totuple({objs})))), \
             normalize)), X)"
        ));
    }
    // The one object that is not its own mirror image (the others are), and the object with the
    // most or fewest cells off its own main colour.
    for objs in ["objects(X, T, T, T)", "objects(X, F, T, T)"] {
        for mirror in ["vmirror", "hmirror"] {
            out.push(format!(
                "subgrid(extract({objs}, compose(flip, fork(equality, identity, {mirror}))), X)"
            ));
        }
    }
    for objs in ["objects(X, F, T, T)", "objects(X, F, F, T)"] {
        for by in ["argmax", "argmin"] {
            out.push(format!(
                "subgrid({by}({objs}, fork(subtract, size, fork(colorcount, identity, mostcolor))), X)"
            ));
        }
    }
    out
}

/// The four directions cells fall in, with the offset a count `n` of background cells gives:
/// `(n, 0)` down, `(-n, 0)` up, `(0, n)` right, `(0, -n)` left.
const GRAVITY: [(&str, &str); 4] = [
    ("DOWN", "rbind(astuple, ZERO)"),
    ("UP", "compose(rbind(astuple, ZERO), invert)"),
    ("RIGHT", "lbind(astuple, ZERO)"),
    ("LEFT", "compose(lbind(astuple, ZERO), invert)"),
];

/// The function that moves one cell of `X` in direction `dir` by the number of background cells
/// on its ray to the border: where every cell that is not the background falls the same way,
/// each ends stacked in order against the border (gravity), the cells of one colour against the
/// cells that stay at the border.
fn fall(dir: &str, offset: &str) -> String {
    let count = format!(
        "compose(size, compose(lbind(intersection, ofcolor(X, mostcolor(X))), compose(rbind(shoot, {dir}), last)))"
    );
    format!("fork(shift, initset, compose({offset}, {count}))")
}

/// When every output keeps its input's shape and the number of cells of each colour (things moved,
/// none made): the cells of one colour moved next to those of another (`gravitate`), or one step
/// towards them (`position`), for each two colours every input shows besides its background; and
/// gravity ([`fall`]).
fn moves(train: &[(GridData, GridData)]) -> Vec<String> {
    let counts = |g: &GridData| {
        let mut n = [0usize; 10];
        g.cells.iter().for_each(|&c| n[c as usize % 10] += 1);
        n
    };
    let kept = train.iter().all(|(i, o)| i.h == o.h && i.w == o.w && counts(i) == counts(o));
    if train.is_empty() || !kept || train.iter().all(|(i, o)| i == o) {
        return Vec::new();
    }
    let mut every = [true; 10];
    for (i, _) in train {
        let n = counts(i);
        let most = (0..10).max_by_key(|&c| (n[c], std::cmp::Reverse(c))).unwrap_or(0);
        (0..10).for_each(|c| every[c] &= n[c] > 0 && c != most);
    }
    let mut out = Vec::new();
    // Gravity: every cell but the background's falls to the side (1e0a9b12, 3906de3d), or only
    // one colour's cells fall while the rest stay.
    for (dir, offset) in GRAVITY {
        out.push(format!(
            "paint(canvas(mostcolor(X), shape(X)), mapply({}, merge(fgpartition(X))))",
            fall(dir, offset)
        ));
    }
    for a in (0..10).filter(|&c| every[c]).map(|c| COLORS[c]) {
        for (dir, offset) in GRAVITY {
            out.push(format!(
                "paint(cover(X, ofcolor(X, {a})), mapply({}, toobject(ofcolor(X, {a}), X)))",
                fall(dir, offset)
            ));
        }
    }
    for a in (0..10).filter(|&c| every[c]).map(|c| COLORS[c]) {
        for b in (0..10).filter(|&c| every[c]).map(|c| COLORS[c]).filter(|&b| b != a) {
            let (from, to) = (format!("ofcolor(X, {a})"), format!("ofcolor(X, {b})"));
            for step in ["gravitate", "position"] {
                out.push(format!("move(X, toobject({from}, X), {step}({from}, {to}))"));
            }
        }
    }
    out
}

/// When every output keeps its input's shape and every input shows colour `m` (not its most
/// common): copies of one object (the largest, or the one of most colours) stamped at `m`: centred
/// on each `m` cell (88a10436), or from the upper left corner of each object of `m` (e76a88a6's
/// grey blocks taking the pattern).
fn stamps(train: &[(GridData, GridData)]) -> Vec<String> {
    if train.is_empty() || !train.iter().all(|(i, o)| (i.h, i.w) == (o.h, o.w) && i != o) {
        return Vec::new();
    }
    let mut every = [true; 10];
    for (i, _) in train {
        let mut n = [0usize; 10];
        i.cells.iter().for_each(|&c| n[c as usize % 10] += 1);
        let most = (0..10).max_by_key(|&c| (n[c], std::cmp::Reverse(c))).unwrap_or(0);
        (0..10).for_each(|c| every[c] &= n[c] > 0 && c != most);
    }
    let mut out = Vec::new();
    for m in (0..10).filter(|&c| every[c]).map(|c| COLORS[c]) {
        for obj in ["argmax(objects(X, F, T, T), size)", "argmax(objects(X, F, T, T), numcolors)"] {
            out.push(format!(
                "paint(X, mapply(compose(lbind(shift, normalize({obj})), rbind(subtract, halve(shape({obj})))), \
                 ofcolor(X, {m})))"
            ));
            out.push(format!(
                "paint(X, mapply(lbind(shift, normalize({obj})), apply(ulcorner, colorfilter(objects(X, T, F, T), {m}))))"
            ));
        }
    }
    out
}

/// When every output has the shape of the `n` parts of an `hsplit`/`vsplit` of its input (2 to 9,
/// one-cell separators allowed, the same `n` on every demonstration): the part picked by the most
/// or fewest colours or cells of one input colour, the one (not) symmetric under a mirror
/// (662c240a's one skewed block), the most or least common part.
fn picked_parts(train: &[(GridData, GridData)], in_colors: &[bool; 10]) -> Vec<String> {
    let mut out = Vec::new();
    for across in [true, false] {
        for (n, count) in COLORS.iter().enumerate().skip(2) {
            let shaped = |(i, o): &(GridData, GridData)| {
                part(i, n, 0, across).is_some_and(|p| (p.h, p.w) == (o.h, o.w)) && (i.h, i.w) != (o.h, o.w)
            };
            if train.is_empty() || !train.iter().all(shaped) {
                continue;
            }
            let parts = format!("{}(X, {count})", if across { "hsplit" } else { "vsplit" });
            let mut keys = vec!["numcolors".to_string()];
            keys.extend(
                (0..10).filter(|&c| in_colors[c]).map(|c| format!("rbind(colorcount, {})", COLORS[c])),
            );
            for by in ["argmax", "argmin"] {
                out.extend(keys.iter().map(|k| format!("{by}({parts}, {k})")));
            }
            for m in ["hmirror", "vmirror", "dmirror", "cmirror"] {
                out.push(format!("extract({parts}, fork(equality, identity, {m}))"));
                out.push(format!("extract({parts}, compose(flip, fork(equality, identity, {m})))"));
            }
            out.push(format!("mostcommon({parts})"));
            out.push(format!("leastcommon({parts})"));
        }
    }
    out
}

/// The arrangements [`overlaid_parts`] tries, `(rows, cols)`: the `hsplit`s and `vsplit`s first
/// (281123b4's stacked layers), then the grids of blocks (four quadrants, one colour each).
const OVERLAYS: [(usize, usize); 12] =
    [(1, 2), (2, 1), (1, 3), (3, 1), (1, 4), (4, 1), (2, 2), (2, 3), (3, 2), (3, 3), (2, 4), (4, 2)];

/// When every output has the shape of the blocks of its input cut into `rows` x `cols` (one row or
/// column of them: an `hsplit`/`vsplit` of 2 to 4; else a grid of blocks, `merge(apply(rbind(hsplit,
/// M), vsplit(X, N)))`) and each output cell is, of the colours the blocks show there, the one
/// first in an order of colours the demonstrations agree on: that overlay, drawn from the lowest
/// colour up with `fill(G, C, mapply(rbind(ofcolor, C), hsplit(X, N)))`. Not where every output
/// is one of its blocks (a pick, which the parts picked by a property answer).
fn overlaid_parts(train: &[(GridData, GridData)]) -> Vec<String> {
    let mut out = Vec::new();
    for (rows, cols) in OVERLAYS {
        let Some(parts): Option<Vec<Vec<GridData>>> =
            train.iter().map(|(i, _)| blocks(i, rows, cols)).collect()
        else {
            continue;
        };
        if !train.iter().zip(&parts).all(|((_, o), ps)| ps[0].h == o.h && ps[0].w == o.w) {
            continue;
        }
        // An output that is one of its blocks on every demonstration is a pick, not an overlay
        // (2dc579da's quadrants, one with an odd cell: the colours' order fits by accident).
        if train.iter().zip(&parts).all(|((_, o), ps)| ps.contains(o)) {
            continue;
        }
        // beats[a][b]: colour a shows over colour b somewhere.
        let mut beats = [[false; 10]; 10];
        let mut used = [false; 10];
        let mut fits = true;
        for ((_, o), ps) in train.iter().zip(&parts) {
            for (k, &want) in o.cells.iter().enumerate() {
                let here: Vec<u8> = ps.iter().map(|p| p.cells[k] % 10).collect();
                here.iter().for_each(|&c| used[c as usize] = true);
                fits &= here.contains(&want);
                here.iter().filter(|&&c| c != want).for_each(|&c| beats[want as usize][c as usize] = true);
            }
        }
        if !fits {
            continue;
        }
        // Highest first: repeatedly the lowest-numbered colour nothing left beats.
        let mut left: Vec<usize> = (0..10).filter(|&c| used[c]).collect();
        let mut order = Vec::new();
        while let Some(k) = left.iter().position(|&c| !left.iter().any(|&b| beats[b][c])) {
            order.push(left.remove(k));
        }
        if !left.is_empty() || order.len() < 2 {
            continue;
        }
        let split = match (rows, cols) {
            (1, n) => format!("hsplit(X, {})", COLORS[n]),
            (n, 1) => format!("vsplit(X, {})", COLORS[n]),
            (n, m) => format!("merge(apply(rbind(hsplit, {}), vsplit(X, {})))", COLORS[m], COLORS[n]),
        };
        let lowest = order.pop().expect("two colours");
        let mut g = format!("canvas({}, shape(first({split})))", COLORS[lowest]);
        for &c in order.iter().rev() {
            g = format!("fill({g}, {c}, mapply(rbind(ofcolor, {c}), {split}))", c = COLORS[c]);
        }
        out.push(g);
    }
    out
}

/// When every output has the shape of the two halves `A`, `B` of an `hsplit`/`vsplit` of its input
/// and, against a background colour `Z`, keeps the cells where they agree, shows colour `P` where
/// only `A` has a cell, `Q` where only `B` has one (`P` and `Q` differ, each seen; `Z` where both
/// have cells of different colours): the two halves compared, `fill(fill(cellwise(A, B, Z), P,
/// intersection(ofcolor(B, Z), difference(asindices(A), ofcolor(A, Z)))), Q, ...)`.
fn compared_halves(train: &[(GridData, GridData)]) -> Vec<String> {
    let mut out = Vec::new();
    for across in [true, false] {
        let Some(halves): Option<Vec<(GridData, GridData)>> =
            train.iter().map(|(i, _)| Some((part(i, 2, 0, across)?, part(i, 2, 1, across)?))).collect()
        else {
            continue;
        };
        if train.is_empty() || !train.iter().zip(&halves).all(|((_, o), (a, _))| (a.h, a.w) == (o.h, o.w)) {
            continue;
        }
        for z in 0..10u8 {
            let (mut p, mut q) = (None, None);
            let fits = train.iter().zip(&halves).all(|((_, o), (a, b))| {
                (0..o.cells.len()).all(|k| {
                    let (x, y, want) = (a.cells[k], b.cells[k], o.cells[k]);
                    if x == y {
                        want == x
                    } else if y == z {
                        *p.get_or_insert(want) == want
                    } else if x == z {
                        *q.get_or_insert(want) == want
                    } else {
                        want == z
                    }
                })
            });
            let (Some(p), Some(q)) = (p, q) else { continue };
            if !fits || p == q {
                continue;
            }
            let split = format!("{}(X, TWO)", if across { "hsplit" } else { "vsplit" });
            let (a, b) = (format!("first({split})"), format!("last({split})"));
            let (zc, pc, qc) = (COLORS[z as usize], COLORS[p as usize], COLORS[q as usize]);
            let only = |x: &str, y: &str| {
                format!("intersection(ofcolor({y}, {zc}), difference(asindices({x}), ofcolor({x}, {zc})))")
            };
            out.push(format!(
                "fill(fill(cellwise({a}, {b}, {zc}), {pc}, {}), {qc}, {})",
                only(&a, &b),
                only(&b, &a)
            ));
            break;
        }
    }
    out
}

/// Symmetry completion: when every output is symmetric under some mirrors (of `hmirror`, `vmirror`,
/// `rot180`, and for square grids `dmirror`, `cmirror`) and has fewer cells of a colour that every
/// input shows (the mask over the picture), that colour and those mirrors (929ab4e9).
pub fn symmetry_completions(train: &[(GridData, GridData)]) -> Vec<(u8, Vec<Prim>)> {
    let same = train.iter().all(|(i, o)| i.h == o.h && i.w == o.w);
    if train.is_empty() || !same {
        return Vec::new();
    }
    let square = train.iter().all(|(i, _)| i.h == i.w);
    let mirrors: Vec<Prim> =
        [(1, Prim::hmirror), (2, Prim::vmirror), (3, Prim::rot180), (4, Prim::dmirror), (5, Prim::cmirror)]
            .into_iter()
            .filter(|&(k, _)| (k < 4 || square) && train.iter().all(|(_, o)| symmetry(o, k) == *o))
            .map(|(_, p)| p)
            .collect();
    if mirrors.is_empty() {
        return Vec::new();
    }
    let count = |g: &GridData, c: u8| g.cells.iter().filter(|&&x| x == c).count();
    (0..10u8)
        .filter(|&c| train.iter().all(|(i, o)| count(i, c) > 0 && count(o, c) < count(i, c)))
        .map(|c| (c, mirrors.clone()))
        .collect()
}

/// The shape-keeping symmetries as template text around `X` (the identity first); the last four
/// transpose, so they keep the shape of square grids only.
const SYMMETRIES: [&str; 8] =
    ["X", "hmirror(X)", "vmirror(X)", "rot180(X)", "dmirror(X)", "cmirror(X)", "rot90(X)", "rot270(X)"];

/// Symmetry `k` of [`SYMMETRIES`] applied to `g` (arc-dsl's definitions).
fn symmetry(g: &GridData, k: usize) -> GridData {
    let (h, w) = (g.h, g.w);
    let at = |r: usize, c: usize| g.cells[r * w + c];
    let (oh, ow) = if k < 4 { (h, w) } else { (w, h) };
    let mut cells = Vec::with_capacity(h * w);
    for i in 0..oh {
        for j in 0..ow {
            cells.push(match k {
                0 => at(i, j),
                1 => at(h - 1 - i, j),
                2 => at(i, w - 1 - j),
                3 => at(h - 1 - i, w - 1 - j),
                4 => at(j, i),
                5 => at(h - 1 - j, w - 1 - i),
                6 => at(h - 1 - j, i),
                _ => at(j, w - 1 - i),
            });
        }
    }
    GridData { h: oh, w: ow, cells }
}

/// Block `(r, c)` of `g` in blocks of `bh` x `bw` cells.
fn block(g: &GridData, r: usize, c: usize, bh: usize, bw: usize) -> GridData {
    let cells = (0..bh).flat_map(|i| (0..bw).map(move |j| (r * bh + i) * g.w + c * bw + j));
    GridData { h: bh, w: bw, cells: cells.map(|k| g.cells[k]).collect() }
}

/// `rows` x `cols` copies of the grids in `cell(r, c)` (template text), concatenated row by row.
fn tile_text(rows: usize, cols: usize, cell: impl Fn(usize, usize) -> String) -> String {
    let row = |r: usize| (1..cols).fold(cell(r, 0), |acc, c| format!("hconcat({acc}, {})", cell(r, c)));
    (1..rows).fold(row(0), |acc, r| format!("vconcat({acc}, {})", row(r)))
}

/// The DSL constant naming `n`, for 0 to 10.
fn number(n: usize) -> Option<&'static str> {
    match n {
        0..=9 => Some(COLORS[n]),
        10 => Some("TEN"),
        _ => None,
    }
}

/// When every output is an `a` x `b` arrangement of its input's mirror images (the same image in
/// the same place on every demonstration: 00576224's rows of the input and its mirror), that
/// arrangement, read off the demonstrations.
fn mirror_tiling(train: &[(GridData, GridData)]) -> Option<String> {
    let (i0, o0) = train.first()?;
    if i0.h == 0 || i0.w == 0 || o0.h % i0.h != 0 || o0.w % i0.w != 0 {
        return None;
    }
    let (a, b) = (o0.h / i0.h, o0.w / i0.w);
    if a * b < 2 || a > 5 || b > 5 || !train.iter().all(|(i, o)| o.h == a * i.h && o.w == b * i.w) {
        return None;
    }
    let square = train.iter().all(|(i, _)| i.h == i.w);
    let images: Vec<Vec<GridData>> =
        train.iter().map(|(i, _)| (0..8).map(|k| symmetry(i, k)).collect()).collect();
    let mut pick = vec![0usize; a * b];
    for r in 0..a {
        for c in 0..b {
            pick[r * b + c] = (0..if square { 8 } else { 4 })
                .find(|&k| train.iter().zip(&images).all(|((i, o), im)| block(o, r, c, i.h, i.w) == im[k]))?;
        }
    }
    Some(tile_text(a, b, |r, c| SYMMETRIES[pick[r * b + c]].to_string()))
}

/// When every input is a `k` x `k` square (the same `k`, 2 to 4) and every output `k * k` times it
/// (007bbfb7's fractal): a copy of the input, or of it with its two colours swapped (the least and
/// most common, or `ZERO` and the highest, which a tie leaves apart), in place of
/// each cell of a colour (each input colour, the most and least common) or each non-zero cell.
fn self_similar(train: &[(GridData, GridData)], in_colors: &[bool; 10]) -> Vec<String> {
    let k = train.first().map_or(0, |(i, _)| i.h);
    if !(2..=4).contains(&k)
        || !train.iter().all(|(i, o)| i.h == k && i.w == k && o.h == k * k && o.w == k * k)
    {
        return Vec::new();
    }
    let scaled = format!("upscale(X, {})", COLORS[k]);
    let mut masks: Vec<String> = (0..10).filter(|&c| in_colors[c]).map(|c| COLORS[c].to_string()).collect();
    masks.extend(["mostcolor(X)".to_string(), "leastcolor(X)".to_string()]);
    let mut out = Vec::new();
    for copy in ["X", "switch(X, leastcolor(X), mostcolor(X))", "switch(X, ZERO, maximum(palette(X)))"] {
        let tiled = tile_text(k, k, |_, _| copy.to_string());
        out.push(format!("fill({tiled}, ZERO, ofcolor({scaled}, ZERO))"));
        for m in &masks {
            out.push(format!(
                "paint(canvas(ZERO, shape({tiled})), toobject(ofcolor({scaled}, {m}), {tiled}))"
            ));
        }
    }
    out
}

/// When every output is its input scaled by whole factors down and across, each factor a count the
/// input shows (its number of colours, of colours less one, its height or width, its number of
/// objects, the count of its least common colour) or one constant: the input tiled that many times
/// (a59b95c0, ccd554ac) and, where the factors are the input's own height and width, a copy of the
/// input in place of each cell of one colour (ad7e01d0's fractal, inputs of several sizes), written
/// as shifted copies of `asobject(X)` painted on a blank canvas.
fn scaled_copies(train: &[(GridData, GridData)], in_colors: &[bool; 10]) -> Vec<String> {
    let whole = |i: &GridData, o: &GridData| {
        i.h > 0 && i.w > 0 && o.h.is_multiple_of(i.h) && o.w.is_multiple_of(i.w) && o.h * o.w >= 2 * i.h * i.w
    };
    if train.is_empty() || !train.iter().all(|(i, o)| whole(i, o)) {
        return Vec::new();
    }
    let counts: [(&str, GridCount); 6] = [
        ("numcolors(X)", |g| palette_size(g)),
        ("decrement(numcolors(X))", |g| palette_size(g).saturating_sub(1)),
        ("height(X)", |g| g.h),
        ("width(X)", |g| g.w),
        ("size(objects(X, T, F, T))", |g| objects(g).len()),
        ("colorcount(X, leastcolor(X))", least_color_count),
    ];
    // The factor down or across: a constant, or the first count that gives it on every input.
    let factor = |f: fn(&GridData, &GridData) -> usize| -> Option<(String, bool)> {
        let k: Vec<usize> = train.iter().map(|(i, o)| f(i, o)).collect();
        if k.iter().all(|&n| n == k[0]) {
            return number(k[0]).map(|n| (n.to_string(), false));
        }
        counts
            .iter()
            .find(|(_, count)| train.iter().zip(&k).all(|((i, _), &n)| count(i) == n))
            .map(|(text, _)| (text.to_string(), true))
    };
    let mut out = Vec::new();
    if let (Some((kh, vh)), Some((kw, vw))) = (factor(|i, o| o.h / i.h), factor(|i, o| o.w / i.w)) {
        let k = if kh == kw { kh.clone() } else { format!("astuple({kh}, {kw})") };
        out.push(format!(
            "paint(canvas(ZERO, multiply(shape(X), {k})), mapply(lbind(shift, asobject(X)), \
             apply(rbind(multiply, shape(X)), asindices(canvas(ZERO, astuple({kh}, {kw}))))))"
        ));
        // (`upscale` by the number of colours is a template of every varying-factor task already.)
        if kh == kw && (vh || vw) && !k.contains("numcolors") {
            out.push(format!("upscale(X, {k})"));
        }
    }
    if train.iter().all(|(i, o)| o.h == i.h * i.h && o.w == i.w * i.w) {
        let mut masks: Vec<String> =
            (0..10).filter(|&c| in_colors[c]).map(|c| format!("ofcolor(X, {})", COLORS[c])).collect();
        masks.extend(["ofcolor(X, mostcolor(X))", "ofcolor(X, leastcolor(X))"].map(str::to_string));
        masks.push("difference(asindices(X), ofcolor(X, mostcolor(X)))".to_string());
        for m in masks {
            out.push(format!(
                "paint(canvas(ZERO, multiply(shape(X), shape(X))), mapply(lbind(shift, asobject(X)), \
                 apply(rbind(multiply, shape(X)), {m})))"
            ));
        }
    }
    out
}

/// A count read off a grid.
type GridCount = fn(&GridData) -> usize;

/// How many colours `g` shows (arc-dsl's `numcolors`).
fn palette_size(g: &GridData) -> usize {
    let mut seen = [false; 10];
    g.cells.iter().for_each(|&c| seen[c as usize % 10] = true);
    seen.iter().filter(|&&s| s).count()
}

/// The number of cells of `g`'s least common colour (arc-dsl's `colorcount(g, leastcolor(g))`).
fn least_color_count(g: &GridData) -> usize {
    let mut counts = [0usize; 10];
    g.cells.iter().for_each(|&c| counts[c as usize % 10] += 1);
    counts.iter().copied().filter(|&n| n > 0).min().unwrap_or(0)
}

/// When every output is one colour, all of one shape (1a2e2828's single cell): that shape filled
/// with a colour picked from the input (the most or least common, that of the largest or smallest
/// object under three `objects` settings, of the most or least common object colour).
fn one_colour_answers(train: &[(GridData, GridData)]) -> Vec<String> {
    let Some((_, o0)) = train.first() else { return Vec::new() };
    let uniform = |o: &GridData| o.cells.iter().all(|&c| c == o.cells[0]);
    if !train.iter().all(|(_, o)| uniform(o) && o.h == o0.h && o.w == o0.w) {
        return Vec::new();
    }
    let Some(dims) = dims_text(o0.h, o0.w) else { return Vec::new() };
    one_colour_picks().into_iter().map(|p| format!("canvas({p}, {dims})")).collect()
}

/// A shape as DSL text (`THREE_BY_THREE`, `astuple(TWO, FIVE)`), for sides up to 10.
fn dims_text(h: usize, w: usize) -> Option<String> {
    Some(match (h, w) {
        (1, 1) => "UNITY".to_string(),
        (2, 2) => "TWO_BY_TWO".to_string(),
        (3, 3) => "THREE_BY_THREE".to_string(),
        (h, w) => format!("astuple({}, {})", number(h)?, number(w)?),
    })
}

/// When every input is a whole number of blocks of its output's shape (the same output shape
/// on every demonstration, or the same block size): each output cell the colour of the
/// non-background cells of its block, over the input's background (5783df64's one cell per
/// block, e57337a4's one gap in a block): the input's non-background cells, their positions
/// divided by the block size, painted on a blank canvas.
fn block_summaries(train: &[(GridData, GridData)]) -> Vec<String> {
    let Some((i0, o0)) = train.first() else { return Vec::new() };
    let blocks = |i: &GridData, o: &GridData| {
        o.h > 0 && o.w > 0 && i.h.is_multiple_of(o.h) && i.w.is_multiple_of(o.w) && i.h * i.w > o.h * o.w
    };
    if !train.iter().all(|(i, o)| blocks(i, o)) {
        return Vec::new();
    }
    let block = if train.iter().all(|(_, o)| (o.h, o.w) == (o0.h, o0.w)) {
        let Some(dims) = dims_text(o0.h, o0.w) else { return Vec::new() };
        format!("divide(shape(X), {dims})")
    } else if train.iter().all(|(i, o)| (i.h / o.h, i.w / o.w) == (i0.h / o0.h, i0.w / o0.w)) {
        let Some(dims) = dims_text(i0.h / o0.h, i0.w / o0.w) else { return Vec::new() };
        dims
    } else {
        return Vec::new();
    };
    vec![format!(
        "paint(canvas(mostcolor(X), divide(shape(X), {block})), apply(fork(astuple, first, \
         compose(rbind(divide, {block}), last)), merge(fgpartition(X))))"
    )]
}

/// The colours a one-colour answer is picked from: the most or least common, that of the largest or
/// smallest object under three `objects` settings, of the most or least common object colour.
fn one_colour_picks() -> Vec<String> {
    let mut picks: Vec<String> = vec!["mostcolor(X)".into(), "leastcolor(X)".into()];
    for objs in ["objects(X, T, F, T)", "objects(X, T, T, T)", "objects(X, T, F, F)", "fgpartition(X)"] {
        for by in ["argmax", "argmin"] {
            picks.push(format!("color({by}({objs}, size))"));
        }
    }
    for by in ["mostcommon", "leastcommon"] {
        picks.push(format!("{by}(apply(color, totuple(objects(X, T, F, T))))"));
    }
    // The object with the most (or fewest) cells of its box left empty: the one with a hole.
    for by in ["argmax", "argmin"] {
        picks.push(format!("color({by}(objects(X, T, F, T), compose(size, delta)))"));
    }
    picks
}

/// The rows and the columns of a grid cut by lines into compartments: how many distinct first rows,
/// and first columns, the 4-connected regions of its most common colour have (7039b2d7's cells
/// between separators, a separator on the border or not).
fn bands(g: &GridData) -> (usize, usize) {
    let bg = crate::rules::most_color(g);
    let (mut rows, mut cols) = (HashSet::new(), HashSet::new());
    for cells in crate::rules::components(g, |c| c == bg) {
        rows.insert(cells.iter().map(|&k| k / g.w).min());
        cols.insert(cells.iter().map(|&k| k % g.w).min());
    }
    (rows.len(), cols.len())
}

/// When every output is one colour and the outputs differ in shape, each side either the same on
/// every demonstration or a count the input shows (of its objects under four `objects` settings,
/// of its colours, of the compartments down and across that lines cut it into ([`bands`]); that
/// count, one more or one less): the canvas of that size (e872b94a's column as
/// tall as the input has objects, plus one), in the one colour all outputs share or, where they
/// differ, each colour [`one_colour_answers`] picks.
fn counted_canvases(train: &[(GridData, GridData)]) -> Vec<String> {
    let Some((_, o0)) = train.first() else { return Vec::new() };
    // (An empty output has no colour to read.)
    let uniform = |o: &GridData| !o.cells.is_empty() && o.cells.iter().all(|&c| c == o.cells[0]);
    if !train.iter().all(|(_, o)| uniform(o)) || train.iter().all(|(_, o)| (o.h, o.w) == (o0.h, o0.w)) {
        return Vec::new();
    }
    let counts: Vec<(&str, Vec<usize>)> = [
        ("size(objects(X, T, F, T))", true, false),
        ("size(objects(X, T, T, T))", true, true),
        ("size(objects(X, F, F, T))", false, false),
        ("size(objects(X, F, T, T))", false, true),
    ]
    .into_iter()
    .map(|(text, univalued, diagonal)| {
        (text, train.iter().map(|(i, _)| count_objects(i, univalued, diagonal)).collect())
    })
    .chain(std::iter::once(("numcolors(X)", train.iter().map(|(i, _)| palette_size(i)).collect())))
    .chain([
        (
            "size(apply(uppermost, colorfilter(objects(X, T, F, F), mostcolor(X))))",
            train.iter().map(|(i, _)| bands(i).0).collect(),
        ),
        (
            "size(apply(leftmost, colorfilter(objects(X, T, F, F), mostcolor(X))))",
            train.iter().map(|(i, _)| bands(i).1).collect(),
        ),
    ])
    .collect();
    let side = |f: fn(&GridData) -> usize| -> Option<String> {
        let want: Vec<usize> = train.iter().map(|(_, o)| f(o)).collect();
        if want.iter().all(|&n| n == want[0]) {
            return number(want[0]).map(str::to_string);
        }
        for (text, got) in &counts {
            for (shift, wrap) in [(0i64, ""), (1, "increment"), (-1, "decrement")] {
                if got.iter().zip(&want).all(|(&g, &w)| g as i64 + shift == w as i64) {
                    return Some(if wrap.is_empty() { text.to_string() } else { format!("{wrap}({text})") });
                }
            }
        }
        None
    };
    let (Some(h), Some(w)) = (side(|g| g.h), side(|g| g.w)) else { return Vec::new() };
    let picks: Vec<String> = if train.iter().all(|(_, o)| o.cells[0] == o0.cells[0]) {
        vec![COLORS[o0.cells[0] as usize % 10].to_string()]
    } else {
        one_colour_picks()
    };
    picks.into_iter().map(|p| format!("canvas({p}, astuple({h}, {w}))")).collect()
}

/// The number of objects of `g` as arc-dsl's `objects(g, univalued, diagonal, T)` finds them: the
/// background is the most common colour, the smallest on a tie (the kernels' `mostcolor`).
fn count_objects(g: &GridData, univalued: bool, diagonal: bool) -> usize {
    let mut counts = [0usize; 10];
    g.cells.iter().for_each(|&c| counts[c as usize % 10] += 1);
    let bg = (0..10u8).max_by_key(|&c| (counts[c as usize], std::cmp::Reverse(c))).unwrap_or(0);
    let joins = |k: usize, m: usize| if univalued { g.cells[m] == g.cells[k] } else { g.cells[m] != bg };
    crate::rules::flood(g, diagonal, |k| g.cells[k] != bg, joins).len()
}

/// When every output keeps its input's shape and brings in no colour: each input colour grown
/// into the background around its cells (the eight neighbours, or the four).
fn grown_colours(train: &[(GridData, GridData)], in_colors: &[bool; 10]) -> Vec<String> {
    let keeps =
        train.iter().all(|(i, o)| i.h == o.h && i.w == o.w && o.cells.iter().all(|c| i.cells.contains(c)));
    if !keeps {
        return Vec::new();
    }
    let mut out = Vec::new();
    for c in (0..10).filter(|&c| in_colors[c]).map(|c| COLORS[c]) {
        for around in ["neighbors", "dneighbors"] {
            out.push(format!("underfill(X, {c}, mapply({around}, ofcolor(X, {c})))"));
        }
    }
    out
}

/// The kind of rule a layer candidate comes from: the answers' second attempt prefers a kind the
/// first did not use (`search_task`), so that two generic fits of one kind do not crowd out a rule
/// of another kind that explains the demonstrations differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Templates applied level after level (with a colour map at the end).
    Templates,
    /// Symmetry completion of the input's masked cells.
    Completion,
    /// Two first-level grids combined.
    Pair,
    /// Paint rules and repairs after a first-level step.
    After,
    /// Pieces stacked.
    Stack,
    /// The typed enumeration (not the layer).
    Typed,
}

impl Kind {
    /// The kind, where it is a rule's; `None` for the generic compositions (two grids combined,
    /// the typed enumeration), which an attempt never prefers for being of another kind (a pair
    /// often only rewrites two template fits as one).
    pub fn rule(self) -> Option<Kind> {
        (!matches!(self, Kind::Pair | Kind::Typed)).then_some(self)
    }
}

/// What the layer did.
#[derive(Default)]
pub struct LayerRun {
    /// Candidate values (demonstration results equal to the outputs), in the order found.
    pub candidates: Vec<ValId>,
    /// Per candidate, the kind of rule that built it ([`Kind`]).
    pub kinds: Vec<Kind>,
    pub levels: u32,
    pub tried: u64,
    pub steps: u64,
    /// Why it stopped early, if it did (`None`: every level ran, or it stopped after a found level).
    pub stop: Option<Stop>,
}

/// One task's grid layer over `store` (which holds the input as value 0).
pub struct Layer<'a, 's> {
    store: &'a mut Store<'s>,
    eval: &'a mut dyn Evaluator,
    outputs: &'a [GridData],
    max_steps: u64,
    max_values: usize,
    max_bytes: usize,
    deadline: Option<Instant>,
    memo: HashMap<(Prim, [Arg; 4]), Option<ValId>>,
    fun_ids: HashMap<FunNode, Option<FunId>>,
    consts: HashMap<&'static str, ValId>,
    run: LayerRun,
    /// The kind of rule now running (what [`Layer::check`] records with a candidate).
    kind: Kind,
}

impl<'a, 's> Layer<'a, 's> {
    pub fn new(
        store: &'a mut Store<'s>,
        eval: &'a mut dyn Evaluator,
        outputs: &'a [GridData],
        opts: &crate::Options,
        deadline: Option<Instant>,
    ) -> Self {
        let consts = store
            .values
            .iter()
            .enumerate()
            .filter_map(|(id, e)| match e.node {
                Node::Const(c) => Some((c, id as ValId)),
                _ => None,
            })
            .collect();
        Layer {
            store,
            eval,
            outputs,
            max_steps: opts.layer_steps,
            max_values: opts.max_values,
            max_bytes: opts.max_bytes,
            deadline,
            memo: HashMap::new(),
            fun_ids: HashMap::new(),
            consts,
            run: LayerRun::default(),
            kind: Kind::Templates,
        }
    }

    /// Runs the levels over the input (value `input`) with `templates`; `fresh` is a colour no
    /// grid of the task uses (the mark `cellwise` leaves where two grids differ), if there is one.
    /// `completions` ([`symmetry_completions`]) restore the input's masked cells at level 1.
    pub fn run(
        mut self,
        input: ValId,
        templates: &[Expr],
        completions: &[(u8, Vec<Prim>)],
        fresh: Option<u8>,
    ) -> LayerRun {
        let mut seen: HashSet<ValId> = HashSet::from([input]);
        let mut frontier = vec![input];
        let mut first_level: Vec<ValId> = vec![input];
        self.check(input);
        'levels: for level in 1..=DEPTH {
            self.run.levels = level;
            let mut next = Vec::new();
            for &g in &frontier {
                for t in templates {
                    if self.run.stop.is_some() {
                        break 'levels;
                    }
                    // The last level's results matter only with the outputs' shapes.
                    let r = if level == DEPTH { self.shaped_value(t, g) } else { self.value(t, g) };
                    if let Some(r) = r {
                        if self.is_grid(r) && seen.insert(r) {
                            next.push(r);
                            self.check(r);
                        }
                    }
                }
            }
            if level == 1 {
                self.kind = Kind::Completion;
                for (colour, mirrors) in completions {
                    if let Some(r) = self.complete(input, *colour, mirrors) {
                        if self.is_grid(r) && seen.insert(r) {
                            next.push(r);
                            self.check(r);
                        }
                    }
                }
                first_level.extend(&next);
                self.kind = Kind::Pair;
                self.pairs(&first_level, fresh);
                self.kind = Kind::Templates;
            }
            if !self.run.candidates.is_empty() {
                break;
            }
            frontier = next;
        }
        if self.run.candidates.is_empty() && !matches!(self.run.stop, Some(Stop::Time | Stop::Memory)) {
            self.kind = Kind::After;
            self.rules_after(input, &first_level);
        }
        if self.run.candidates.is_empty() && !matches!(self.run.stop, Some(Stop::Time | Stop::Memory)) {
            self.kind = Kind::Stack;
            self.stack_pieces();
        }
        self.run
    }

    /// Rules after a step: the paint rules (at most [`AFTER_RULES`] of them), holes by size and
    /// pattern repairs of [`crate::rules`] read off the demonstrations as a first-level grid `G`
    /// (not the input) leaves them (not the seeded fills: after lines drawn, regions touching them
    /// filled answered 0d87d2a6 wrong), for the [`AFTER_STEPS`] such grids of the outputs' shapes with the most cells right (c92b942c's
    /// tiling, then marks beside each cell; f0afb749's upscale, then rays out of the corners), each
    /// template applied to `G` alone. Runs on a step allowance of its own where the levels spent
    /// the layer's steps.
    fn rules_after(&mut self, input: ValId, first_level: &[ValId]) {
        let train_n = self.outputs.len();
        let mut ranked: Vec<(usize, ValId, Vec<GridData>)> = Vec::new();
        for &g in first_level {
            if g == input || !self.is_grid(g) || !self.has_output_shapes(g) {
                continue;
            }
            let grids: Option<Vec<GridData>> = self.store.values[g as usize]
                .vals
                .iter()
                .map(|v| match v {
                    Value::Grid(x) => {
                        Some(GridData { h: x.h as usize, w: x.w as usize, cells: x.cells.to_vec() })
                    }
                    _ => None,
                })
                .collect();
            let Some(grids) = grids else { continue };
            let right: usize = grids
                .iter()
                .zip(self.outputs)
                .map(|(a, o)| a.cells.iter().zip(&o.cells).filter(|(x, y)| x == y).count())
                .sum();
            ranked.push((right, g, grids));
        }
        // The most cells right first; on a tie, the first found.
        ranked.sort_by_key(|&(right, g, _)| (std::cmp::Reverse(right), g));
        ranked.truncate(AFTER_STEPS);
        if ranked.is_empty() {
            return;
        }
        if self.run.stop == Some(Stop::Steps) {
            self.run.stop = None;
            self.max_steps = self.run.steps + AFTER_STEPS_BUDGET;
        } else {
            self.max_steps = self.max_steps.max(self.run.steps + AFTER_STEPS_BUDGET);
        }
        for (_, g, grids) in ranked {
            let train: Vec<(GridData, GridData)> =
                grids[..train_n].iter().cloned().zip(self.outputs.iter().cloned()).collect();
            let tests = &grids[train_n..];
            let mut texts: Vec<String> = Vec::new();
            texts.extend(crate::rules::short_paint_rules(&train, tests, AFTER_RULES));
            texts.extend(crate::rules::holes_by_size(&train, tests));
            texts.extend(crate::rules::pattern_repairs(&train));
            for t in texts {
                let Ok(e) = parse(&t, None) else { continue };
                if self.run.stop.is_some() {
                    return;
                }
                if let Some(r) = self.value(&e, g) {
                    self.check(r);
                }
            }
        }
    }

    /// Pieces stacked: when no grid is an answer, the output read as grids of its shape painted one
    /// over another, each showing its cells off its own most common colour (`paint(R,
    /// merge(fgpartition(P)))`) over a base grid that shows every cell. Greedy from the top: the
    /// piece whose shown cells, where no piece above shows, are all right and cover the most such
    /// cells (on at least two demonstrations where there are two), up to [`MAX_PIECES`]; then the
    /// first grid right on every cell no piece shows is the base. Kept only where, for each
    /// demonstration, the stack read off the others rebuilds it too (held out: a stack that fits by
    /// accident, 7c9b52a0's or 4cd1b7b2's, does not). Runs on a small step allowance of its own
    /// where the levels spent the layer's steps.
    fn stack_pieces(&mut self) {
        let outputs = self.outputs;
        let total: usize = outputs.iter().map(|o| o.cells.len()).sum();
        let words = total.div_ceil(64);
        let demos = outputs.len();
        // Per piece: the cells it shows and the cells it gets right, as bits over all demonstrations.
        let mut pieces: Vec<(ValId, Vec<u64>, Vec<u64>)> = Vec::new();
        for id in 0..self.store.values.len() as ValId {
            if !self.is_grid(id) || !self.has_output_shapes(id) {
                continue;
            }
            let (mut shown, mut right) = (vec![0u64; words], vec![0u64; words]);
            let mut at = 0;
            for (v, o) in self.store.values[id as usize].vals.iter().zip(outputs) {
                let Value::Grid(g) = v else { break };
                let bg = most_color_of(g.cells);
                for (k, (&a, &b)) in g.cells.iter().zip(&o.cells).enumerate() {
                    let bit = at + k;
                    if a != bg {
                        shown[bit / 64] |= 1 << (bit % 64);
                    }
                    if a == b {
                        right[bit / 64] |= 1 << (bit % 64);
                    }
                }
                at += o.cells.len();
            }
            pieces.push((id, shown, right));
            if pieces.len() >= MAX_STACKED {
                break;
            }
        }
        let starts: Vec<usize> = outputs
            .iter()
            .scan(0, |at, o| {
                let s = *at;
                *at += o.cells.len();
                Some(s)
            })
            .collect();
        // The bits of demonstration `d` (or of every one but `d`).
        let bits_of = |keep: &dyn Fn(usize) -> bool| {
            let mut m = vec![0u64; words];
            for (d, o) in outputs.iter().enumerate().filter(|&(d, _)| keep(d)) {
                for bit in starts[d]..starts[d] + o.cells.len() {
                    m[bit / 64] |= 1 << (bit % 64);
                }
            }
            m
        };
        let demo_bits: Vec<Vec<u64>> = (0..demos).map(|d| bits_of(&|x| x == d)).collect();
        let all = bits_of(&|_| true);
        let Some((chain, base)) = stack(&pieces, &all, &demo_bits) else { return };
        // Held out: the stack read off all demonstrations but one must rebuild that one too.
        if demos >= 2 {
            for d in 0..demos {
                let rest = bits_of(&|x| x != d);
                let others: Vec<Vec<u64>> =
                    demo_bits.iter().enumerate().filter(|&(x, _)| x != d).map(|(_, m)| m.clone()).collect();
                match stack(&pieces, &rest, &others) {
                    Some((c, b)) if stack_right(&pieces, &c, b, &demo_bits[d]) => {}
                    _ => return,
                }
            }
        }
        // Its own allowance where the levels stopped on steps.
        if self.run.stop == Some(Stop::Steps) {
            self.run.stop = None;
            self.max_steps = self.run.steps + STACK_STEPS;
        }
        let mut cur = pieces[base].0;
        for &k in chain.iter().rev() {
            let Some(parts) = self.apply(Prim::fgpartition, &[Arg::Val(pieces[k].0)]) else { return };
            let Some(obj) = self.apply(Prim::merge, &[Arg::Val(parts)]) else { return };
            let Some(r) = self.apply(Prim::paint, &[Arg::Val(cur), Arg::Val(obj)]) else { return };
            cur = r;
        }
        self.check(cur);
    }

    /// The cells of `colour` painted from the grid's mirror images under `mirrors`, one after the
    /// other, twice (a cell whose first image is masked too gets it from a later one):
    /// `paint(X, toobject(ofcolor(X, C), hmirror(X)))` and so on.
    fn complete(&mut self, input: ValId, colour: u8, mirrors: &[Prim]) -> Option<ValId> {
        let c = self.constant(COLORS[colour as usize]);
        let mut cur = input;
        for &m in mirrors.iter().chain(mirrors) {
            let cells = self.apply(Prim::ofcolor, &[Arg::Val(cur), Arg::Val(c)])?;
            let image = self.apply(m, &[Arg::Val(cur)])?;
            let patch = self.apply(Prim::toobject, &[Arg::Val(cells), Arg::Val(image)])?;
            cur = self.apply(Prim::paint, &[Arg::Val(cur), Arg::Val(patch)])?;
        }
        Some(cur)
    }

    fn is_grid(&self, id: ValId) -> bool {
        self.store.values[id as usize].mask & bit(Ty::Grid) != 0
    }

    /// Results per demonstration are the outputs' shapes.
    fn has_output_shapes(&self, id: ValId) -> bool {
        let vals = self.store.values[id as usize].vals;
        self.outputs
            .iter()
            .zip(vals)
            .all(|(o, v)| matches!(v, Value::Grid(g) if g.h as usize == o.h && g.w as usize == o.w))
    }

    /// A candidate as it is, or after a colour map.
    fn check(&mut self, id: ValId) {
        if !self.is_grid(id) || !self.has_output_shapes(id) {
            return;
        }
        let Some(steps) = colour_map(self.store.values[id as usize].vals, self.outputs) else { return };
        let mut cur = id;
        for (p, a, b) in steps {
            let (a, b) = (self.constant(COLORS[a as usize]), self.constant(COLORS[b as usize]));
            match self.apply(p, &[Arg::Val(cur), Arg::Val(a), Arg::Val(b)]) {
                Some(r) => cur = r,
                None => return,
            }
        }
        let vals = self.store.values[cur as usize].vals;
        let fits = self.outputs.iter().zip(vals).all(|(o, v)| {
            matches!(v, Value::Grid(g) if g.h as usize == o.h && g.w as usize == o.w && g.cells == &o.cells[..])
        });
        if fits && !self.run.candidates.contains(&cur) {
            self.run.candidates.push(cur);
            self.run.kinds.push(self.kind);
        }
    }

    /// Pairs of first-level grids with the outputs' shapes (or concatenating to them).
    fn pairs(&mut self, grids: &[ValId], fresh: Option<u8>) {
        let shape = |s: &Self, id: ValId| -> Vec<(u32, u32)> {
            s.store.values[id as usize]
                .vals
                .iter()
                .map(|v| match v {
                    Value::Grid(g) => (g.h, g.w),
                    _ => (0, 0),
                })
                .collect()
        };
        let want: Vec<(u32, u32)> = self.outputs.iter().map(|o| (o.h as u32, o.w as u32)).collect();
        let n = want.len();
        let shapes: Vec<Vec<(u32, u32)>> = grids.iter().map(|&g| shape(self, g)).collect();
        let fresh = fresh.map(|c| self.constant(COLORS[c as usize]));
        for (x, &a) in grids.iter().enumerate() {
            for (y, &b) in grids.iter().enumerate() {
                if self.run.stop.is_some() || a == b {
                    continue;
                }
                let (sa, sb) = (&shapes[x], &shapes[y]);
                let same = sa == sb;
                if same && sa[..n] == want[..] {
                    if x < y {
                        if let Some(f) = fresh {
                            self.try_app(Prim::cellwise, &[Arg::Val(a), Arg::Val(b), Arg::Val(f)]);
                        }
                    }
                    if let Some(ob) = self.apply(Prim::asobject, &[Arg::Val(b)]) {
                        self.try_app(Prim::underpaint, &[Arg::Val(a), Arg::Val(ob)]);
                    }
                }
                if same && sa[..n] == want[..] && x < y && sa != &shapes[0] && sb != &shapes[0] {
                    self.set_ops(a, b);
                }
                let h = sa.iter().zip(sb).all(|(p, q)| p.0 == q.0)
                    && sa.iter().zip(sb).zip(&want).all(|((p, q), w)| p.0 == w.0 && p.1 + q.1 == w.1);
                if h {
                    self.try_app(Prim::hconcat, &[Arg::Val(a), Arg::Val(b)]);
                }
                let v = sa.iter().zip(sb).all(|(p, q)| p.1 == q.1)
                    && sa.iter().zip(sb).zip(&want).all(|((p, q), w)| p.1 == w.1 && p.0 + q.0 == w.0);
                if v {
                    self.try_app(Prim::vconcat, &[Arg::Val(a), Arg::Val(b)]);
                }
            }
        }
    }

    /// Cellwise logic of two parts of the input (halves, thirds: the same shape, not the input's):
    /// where both, either, exactly one, or only one of them is not `ZERO`, as a `ONE` on `ZERO` mask
    /// (the colour map then paints it). Both orders of the one-sided case.
    fn set_ops(&mut self, a: ValId, b: ValId) {
        let zero = self.constant("ZERO");
        let one = self.constant("ONE");
        let Some(dims) = self.apply(Prim::shape, &[Arg::Val(a)]) else { return };
        let (Some(za), Some(zb)) = (
            self.apply(Prim::ofcolor, &[Arg::Val(a), Arg::Val(zero)]),
            self.apply(Prim::ofcolor, &[Arg::Val(b), Arg::Val(zero)]),
        ) else {
            return;
        };
        let (Some(blank), Some(full)) = (
            self.apply(Prim::canvas, &[Arg::Val(zero), Arg::Val(dims)]),
            self.apply(Prim::canvas, &[Arg::Val(one), Arg::Val(dims)]),
        ) else {
            return;
        };
        let either = self.apply(Prim::combine, &[Arg::Val(za), Arg::Val(zb)]);
        let both = self.apply(Prim::intersection, &[Arg::Val(za), Arg::Val(zb)]);
        // Not zero in both: zero in either is cleared.
        if let Some(e) = either {
            self.try_app(Prim::fill, &[Arg::Val(full), Arg::Val(zero), Arg::Val(e)]);
        }
        // Not zero in either.
        if let Some(b2) = both {
            self.try_app(Prim::fill, &[Arg::Val(full), Arg::Val(zero), Arg::Val(b2)]);
        }
        // Exactly one.
        if let (Some(e), Some(b2)) = (either, both) {
            if let Some(d) = self.apply(Prim::difference, &[Arg::Val(e), Arg::Val(b2)]) {
                self.try_app(Prim::fill, &[Arg::Val(blank), Arg::Val(one), Arg::Val(d)]);
            }
        }
        // Only one of them (each order).
        for (p, q) in [(zb, za), (za, zb)] {
            if let Some(d) = self.apply(Prim::difference, &[Arg::Val(p), Arg::Val(q)]) {
                self.try_app(Prim::fill, &[Arg::Val(blank), Arg::Val(one), Arg::Val(d)]);
            }
        }
    }

    fn try_app(&mut self, p: Prim, args: &[Arg]) {
        if let Some(r) = self.apply(p, args) {
            self.check(r);
        }
    }

    /// The id of a DSL constant (added to the store when new).
    fn constant(&mut self, name: &'static str) -> ValId {
        if let Some(&id) = self.consts.get(name) {
            return id;
        }
        let (_, v) = kernels::constants::ALL.iter().find(|(n, _)| *n == name).expect("a DSL constant");
        let vals = vec![*v; self.store.values[0].vals.len()];
        let hash = hash_values(&vals);
        let id = match self.store.find(hash, &vals) {
            Some(id) => id,
            None => self.store.insert(hash, &vals, Node::Const(name), 0).expect("a constant is kept"),
        };
        self.consts.insert(name, id);
        id
    }

    /// The value of `e` with the hole at `x`.
    fn value(&mut self, e: &Expr, x: ValId) -> Option<ValId> {
        match e {
            Expr::Hole => Some(x),
            Expr::Const(name) => Some(self.constant(name)),
            Expr::Call(p, args) => {
                let mut a = Vec::with_capacity(args.len());
                for arg in args {
                    a.push(match arg {
                        Expr::Fun(f) => Arg::Fun(self.fun(f, x)?),
                        _ => Arg::Val(self.value(arg, x)?),
                    });
                }
                self.apply(*p, &a)
            }
            Expr::Fun(_) => None,
        }
    }

    /// [`Self::value`], but `None` without the last call where its result shapes are known from its
    /// arguments ([`crate::shape`]) and are not the outputs' on some demonstration.
    fn shaped_value(&mut self, e: &Expr, x: ValId) -> Option<ValId> {
        let Expr::Call(p, args) = e else { return self.value(e, x) };
        if !crate::shape::predicts(*p) || args.iter().any(|a| matches!(a, Expr::Fun(_))) {
            return self.value(e, x);
        }
        let mut a = [Arg::Val(0); 4];
        for (k, arg) in args.iter().enumerate() {
            a[k] = Arg::Val(self.value(arg, x)?);
        }
        let want: Vec<(u32, u32)> = self.outputs.iter().map(|o| (o.h as u32, o.w as u32)).collect();
        let store = &*self.store;
        let vals = |i: usize| {
            a.map(|arg| match arg {
                Arg::Val(v) => store.values[v as usize].vals[i],
                Arg::Fun(f) => store.funs[f as usize].vals[i],
            })
        };
        if crate::shape::fit(*p, &want, vals, args.len()) == crate::shape::Fit::Mismatch {
            return None;
        }
        self.apply(*p, &a[..args.len()])
    }

    fn fun(&mut self, f: &FunExpr, x: ValId) -> Option<FunId> {
        let node = match f {
            FunExpr::Prim(p) => FunNode::Prim(*p),
            FunExpr::LBind(p, v) => FunNode::LBind(*p, self.value(v, x)?),
            FunExpr::RBind(p, v) => FunNode::RBind(*p, self.value(v, x)?),
            FunExpr::Compose(g, h) => FunNode::Compose(self.fun(g, x)?, self.fun(h, x)?),
            FunExpr::Fork(p, a, b) => FunNode::Fork(*p, self.fun(a, x)?, self.fun(b, x)?),
        };
        if let Some(&id) = self.fun_ids.get(&node) {
            return id;
        }
        let store = &mut *self.store;
        let ctx = store.ctx;
        let n = store.values[0].vals.len();
        let (param, result, size) = match node {
            FunNode::Prim(p) => {
                (p.signature().params.first().copied().unwrap_or(Ty::Any), p.signature().result, 0)
            }
            FunNode::LBind(p, v) => {
                (p.signature().params[1], p.signature().result, 1 + store.values[v as usize].size)
            }
            FunNode::RBind(p, v) => {
                (p.signature().params[0], p.signature().result, 1 + store.values[v as usize].size)
            }
            FunNode::Compose(g, h) => {
                let (g, h) = (&store.funs[g as usize], &store.funs[h as usize]);
                (h.param, g.result, 1 + g.size + h.size)
            }
            FunNode::Fork(p, a, b) => {
                let (a, b) = (&store.funs[a as usize], &store.funs[b as usize]);
                (a.param, p.signature().result, 1 + a.size + b.size)
            }
        };
        let vals: Vec<Value> = (0..n)
            .map(|i| match node {
                FunNode::Prim(p) => Value::prim(p),
                FunNode::LBind(p, v) => {
                    ctx.func(FuncData::LBind(Value::prim(p), store.values[v as usize].vals[i]))
                }
                FunNode::RBind(p, v) => {
                    ctx.func(FuncData::RBind(Value::prim(p), store.values[v as usize].vals[i]))
                }
                FunNode::Compose(g, h) => ctx
                    .func(FuncData::Compose(store.funs[g as usize].vals[i], store.funs[h as usize].vals[i])),
                FunNode::Fork(p, a, b) => ctx.func(FuncData::Fork(
                    Value::prim(p),
                    store.funs[a as usize].vals[i],
                    store.funs[b as usize].vals[i],
                )),
            })
            .collect();
        let vals = ctx.arena().alloc_slice_copy(&vals);
        let id = store.funs.len() as FunId;
        store.funs.push(Fun { vals, node, param, result, size });
        self.fun_ids.insert(node, Some(id));
        Some(id)
    }

    /// Applies `p` to stored arguments (memoised): the result's id, `None` when a call fails or a
    /// budget is spent.
    fn apply(&mut self, p: Prim, args: &[Arg]) -> Option<ValId> {
        let mut key = [Arg::Val(0); 4];
        key[..args.len()].copy_from_slice(args);
        if let Some(&r) = self.memo.get(&(p, key)) {
            return r;
        }
        if self.run.stop.is_some() {
            return None;
        }
        let size = 1 + args
            .iter()
            .map(|a| match *a {
                Arg::Val(v) => self.store.values[v as usize].size,
                Arg::Fun(f) => self.store.funs[f as usize].size,
            })
            .sum::<u32>();
        let app = App { prim: p, args: key, argc: args.len() as u8, size };
        let mut outcome = Vec::with_capacity(1);
        self.run.steps += self.eval.eval(self.store, &[app], &mut outcome);
        self.run.tried += 1;
        let r = match outcome[0] {
            Outcome::New(id) | Outcome::Same(id) => Some(id),
            Outcome::Failed => None,
        };
        self.memo.insert((p, key), r);
        if self.run.steps > self.max_steps {
            self.run.stop = Some(Stop::Steps);
        } else if self.store.values.len() > self.max_values || self.store.bytes() > self.max_bytes {
            self.run.stop = Some(Stop::Memory);
        } else if self.run.tried.is_multiple_of(64) && self.deadline.is_some_and(|d| Instant::now() > d) {
            self.run.stop = Some(Stop::Time);
        }
        r
    }
}

/// A stack's pieces and cells as bits: per grid, the cells it shows (off its most common colour)
/// and the cells it gets right.
type Pieces = [(ValId, Vec<u64>, Vec<u64>)];

/// The greedy stack of [`Layer::stack_pieces`] over the cells of `active` (`demo_bits`: the cells
/// of each active demonstration): the pieces from the top, and the base.
fn stack(pieces: &Pieces, active: &[u64], demo_bits: &[Vec<u64>]) -> Option<(Vec<usize>, usize)> {
    let words = active.len();
    // Cells outside `active` count as covered.
    let mut covered: Vec<u64> = active.iter().map(|a| !a).collect();
    let mut chain: Vec<usize> = Vec::new();
    loop {
        if let Some(b) =
            pieces.iter().position(|(_, _, right)| covered.iter().zip(right).all(|(c, r)| !c & !r == 0))
        {
            return (!chain.is_empty()).then_some((chain, b));
        }
        if chain.len() == MAX_PIECES {
            return None;
        }
        let mut best: Option<(usize, u32)> = None;
        for (k, (_, shown, right)) in pieces.iter().enumerate() {
            if chain.contains(&k) {
                continue;
            }
            let fits = (0..words).all(|w| shown[w] & !covered[w] & !right[w] == 0);
            if !fits {
                continue;
            }
            let gain: u32 = (0..words).map(|w| (shown[w] & !covered[w]).count_ones()).sum();
            let on =
                demo_bits.iter().filter(|m| (0..words).any(|w| shown[w] & !covered[w] & m[w] != 0)).count();
            if gain > 0 && on >= demo_bits.len().min(2) && best.is_none_or(|(_, g)| gain > g) {
                best = Some((k, gain));
            }
        }
        let (k, _) = best?;
        for (c, s) in covered.iter_mut().zip(&pieces[k].1) {
            *c |= s;
        }
        chain.push(k);
    }
}

/// Whether the stack `chain` over `base` rebuilds every cell of `cells`.
fn stack_right(pieces: &Pieces, chain: &[usize], base: usize, cells: &[u64]) -> bool {
    let words = cells.len();
    let mut covered = vec![0u64; words];
    for &k in chain {
        let (_, shown, right) = &pieces[k];
        if (0..words).any(|w| shown[w] & !covered[w] & !right[w] & cells[w] != 0) {
            return false;
        }
        for w in 0..words {
            covered[w] |= shown[w];
        }
    }
    (0..words).all(|w| !covered[w] & !pieces[base].2[w] & cells[w] == 0)
}

/// How many first-level grids [`Layer::rules_after`] reads rules off.
const AFTER_STEPS: usize = 4;
/// Most paint rules in a chain after a step (a step and a long chain fit by accident: train
/// 91714a58's six rules after an erasure answered its test wrong).
const AFTER_RULES: usize = 4;
/// The work units [`Layer::rules_after`] may spend after the levels spent the layer's.
const AFTER_STEPS_BUDGET: u64 = 2_000_000;
/// Most pieces [`Layer::stack_pieces`] paints over its base.
const MAX_PIECES: usize = 3;
/// Most grids [`Layer::stack_pieces`] considers (the first stored).
const MAX_STACKED: usize = 20_000;
/// The work units [`Layer::stack_pieces`] may spend after the levels spent the layer's.
const STACK_STEPS: u64 = 200_000;

/// arc-dsl's `mostcolor` of a grid's cells: the most common colour, the lowest on a tie.
fn most_color_of(cells: &[u8]) -> u8 {
    let mut counts = [0usize; 16];
    cells.iter().for_each(|&c| counts[c as usize % 16] += 1);
    (0..16u8).rev().max_by_key(|&c| counts[c as usize]).unwrap_or(0)
}

/// The `replace`/`switch` calls (primitive, from, to) that turn `vals`' demonstration grids into
/// the outputs, when one colour map does it on every demonstration: each colour goes to one colour
/// everywhere. `None` when no map does, when its cycles are longer than two colours, or when a
/// colour it changes shows on one demonstration only and that output has one colour (any map fits
/// a one-colour output, so such a map is a guess: 1a2e2828's 1x1 answers).
pub fn colour_map(vals: &[Value], outputs: &[GridData]) -> Option<Vec<(Prim, u8, u8)>> {
    let mut map: [Option<u8>; 10] = [None; 10];
    // Per colour: seen on a varied output, and on how many demonstrations.
    let mut witnessed = [false; 10];
    let mut demos = [0u32; 10];
    for (v, o) in vals.iter().zip(outputs) {
        let Value::Grid(g) = v else { return None };
        if g.h as usize != o.h || g.w as usize != o.w {
            return None;
        }
        let varied = o.cells.iter().any(|&c| c != o.cells[0]);
        let mut here = [false; 10];
        for (&a, &b) in g.cells.iter().zip(&o.cells) {
            *here.get_mut(a as usize)? = true;
            witnessed[a as usize] |= varied;
            let slot = map.get_mut(a as usize)?;
            match *slot {
                None => *slot = Some(b),
                Some(x) if x != b => return None,
                _ => {}
            }
        }
        (0..10).filter(|&c| here[c]).for_each(|c| demos[c] += 1);
    }
    let mut pending: Vec<(u8, u8)> =
        (0..10u8).filter_map(|a| map[a as usize].filter(|&b| b != a).map(|b| (a, b))).collect();
    if pending.iter().any(|&(a, _)| !witnessed[a as usize] && demos[a as usize] < 2) {
        return None;
    }
    let mut out = Vec::new();
    while !pending.is_empty() {
        // A colour may be overwritten once no pending move starts from it.
        if let Some(k) = pending.iter().position(|&(_, b)| !pending.iter().any(|&(a, _)| a == b)) {
            let (a, b) = pending.remove(k);
            out.push((Prim::replace, a, b));
        } else {
            let (a, b) = pending[0];
            let back = pending.iter().position(|&(x, y)| x == b && y == a)?;
            pending.remove(back);
            pending.retain(|&(x, _)| x != a);
            out.push((Prim::switch, a, b));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(rs: &[&str]) -> GridData {
        GridData::from_rows(rs)
    }

    #[test]
    fn every_template_parses_with_its_functions() {
        for t in TEMPLATES {
            parse(t, None).unwrap_or_else(|e| panic!("{t}: {e}"));
        }
        for t in FILL_TEMPLATES.iter().chain(MASK_TEMPLATES) {
            parse(t, Some("FOUR")).unwrap_or_else(|e| panic!("{t}: {e}"));
        }
        let e = parse("subgrid(argmax(objects(X, T, F, T), size), X)", None).unwrap();
        let Expr::Call(Prim::subgrid, args) = e else { panic!() };
        let Expr::Call(Prim::argmax, inner) = &args[0] else { panic!() };
        assert_eq!(inner[1], Expr::Fun(FunExpr::Prim(Prim::size)));
        assert_eq!(args[1], Expr::Hole);
        assert!(parse("nosuch(X)", None).is_err());
        let e = parse("extract(X, fork(equality, identity, vmirror))", None).unwrap();
        let Expr::Call(Prim::extract, args) = e else { panic!() };
        let fork = FunExpr::Fork(
            Prim::equality,
            Box::new(FunExpr::Prim(Prim::identity)),
            Box::new(FunExpr::Prim(Prim::vmirror)),
        );
        assert_eq!(args[1], Expr::Fun(fork));
    }

    #[test]
    fn symmetries_are_the_kernels() {
        let c = kernels::Ctx::default();
        let g = GridData { h: 2, w: 3, cells: vec![1, 2, 3, 4, 5, 6] };
        for (k, text) in SYMMETRIES.iter().enumerate() {
            let want = match parse(text, None).unwrap() {
                Expr::Hole => g.clone(),
                Expr::Call(p, _) => match p.call(&c, &[Value::Grid(c.grid_from(2, 3, &g.cells))]).unwrap() {
                    Value::Grid(o) => GridData { h: o.h as usize, w: o.w as usize, cells: o.cells.to_vec() },
                    _ => panic!("{text}: not a grid"),
                },
                _ => panic!(),
            };
            assert_eq!(symmetry(&g, k), want, "{text}");
        }
    }

    #[test]
    fn demonstrations_suggest_tilings_fractals_and_one_colour_answers() {
        let g = |h: usize, w: usize, cells: &[u8]| GridData { h, w, cells: cells.to_vec() };
        // The input, then its mirror image beside it: one row of two blocks.
        let pair = (g(2, 2, &[1, 2, 3, 4]), g(2, 4, &[1, 2, 2, 1, 3, 4, 4, 3]));
        assert_eq!(mirror_tiling(std::slice::from_ref(&pair)), Some("hconcat(X, vmirror(X))".to_string()));
        // A block that is no image of the input: no tiling.
        let odd = (g(2, 2, &[1, 2, 3, 4]), g(2, 4, &[1, 2, 1, 1, 3, 4, 4, 3]));
        assert_eq!(mirror_tiling(&[pair, odd]), None);
        // 2x2 inputs, 4x4 outputs: the fractal templates, which parse.
        let colours = [true, true, false, false, false, false, false, false, false, false];
        let frac = (g(2, 2, &[1, 0, 0, 1]), g(4, 4, &[1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]));
        let fractal = self_similar(std::slice::from_ref(&frac), &colours);
        assert_eq!(fractal.len(), 3 * (1 + 2 + 2));
        assert!(fractal.iter().all(|t| parse(t, None).is_ok()));
        assert!(self_similar(&[(g(2, 2, &[1, 0, 0, 1]), g(2, 4, &[0; 8]))], &colours).is_empty());
        // One-colour outputs of one shape: a canvas per pick; a varied output: none.
        let one = one_colour_answers(&[(g(2, 2, &[1, 0, 0, 1]), g(1, 2, &[5, 5]))]);
        assert!(one.contains(&"canvas(mostcolor(X), astuple(ONE, TWO))".to_string()));
        assert!(one.iter().all(|t| parse(t, None).is_ok()));
        assert!(one_colour_answers(&[(g(2, 2, &[1, 0, 0, 1]), g(1, 2, &[5, 4]))]).is_empty());
        assert!(one_colour_answers(&[frac]).is_empty());
        // A mask of 5 over a picture every output shows symmetric left to right.
        let masked = (g(2, 3, &[1, 2, 5, 3, 5, 3]), g(2, 3, &[1, 2, 1, 3, 4, 3]));
        assert_eq!(symmetry_completions(std::slice::from_ref(&masked)), vec![(5, vec![Prim::vmirror])]);
        let skewed = (g(2, 3, &[1, 2, 5, 3, 5, 3]), g(2, 3, &[1, 2, 2, 3, 4, 3]));
        assert!(symmetry_completions(&[masked, skewed]).is_empty());
        // Two stacked parts: 1 shows over 2, 2 over 0.
        let layers = (g(5, 2, &[1, 0, 0, 2, 3, 3, 2, 2, 0, 0]), g(2, 2, &[1, 2, 0, 2]));
        assert_eq!(
            overlaid_parts(&[layers]),
            vec!["fill(fill(canvas(ZERO, shape(first(vsplit(X, TWO)))), TWO, mapply(rbind(ofcolor, TWO), \
                  vsplit(X, TWO))), ONE, mapply(rbind(ofcolor, ONE), vsplit(X, TWO)))"
                .to_string()]
        );
        // Quadrants (a line of 5 between them): 1 shows over 2, 2 over 0; the blocks as
        // `vsplit` and then `hsplit` cut them.
        let quads = (
            g(5, 5, &[1, 1, 5, 2, 2, 0, 0, 5, 2, 0, 5, 5, 5, 5, 5, 0, 0, 5, 0, 0, 0, 0, 5, 0, 0]),
            g(2, 2, &[1, 1, 2, 0]),
        );
        let both = overlaid_parts(std::slice::from_ref(&quads));
        assert_eq!(both.len(), 1, "{both:?}");
        assert!(
            both[0].contains("mapply(rbind(ofcolor, ONE), merge(apply(rbind(hsplit, TWO), vsplit(X, TWO))))")
        );
        assert!(parse(&both[0], None).is_ok());
        // The output is the top left quadrant itself: a pick, no overlay.
        let picked = (
            g(5, 5, &[3, 3, 5, 3, 3, 3, 1, 5, 3, 3, 5, 5, 5, 5, 5, 3, 3, 5, 3, 3, 3, 3, 5, 3, 3]),
            g(2, 2, &[3, 3, 3, 1]),
        );
        assert!(overlaid_parts(&[picked]).is_empty());
        // Halves side by side (a line of 5 between): agreed cells kept, 2 where only the left has
        // a cell, 1 where only the right has one.
        let halves = (g(2, 5, &[3, 3, 5, 3, 0, 0, 0, 5, 4, 4]), g(2, 2, &[3, 2, 1, 1]));
        let compared = compared_halves(std::slice::from_ref(&halves));
        assert_eq!(compared.len(), 1, "{compared:?}");
        assert!(compared[0]
            .starts_with("fill(fill(cellwise(first(hsplit(X, TWO)), last(hsplit(X, TWO)), ZERO), TWO,"));
        assert!(parse(&compared[0], None).is_ok());
        // The same colour either side is the logic of the halves, not this.
        assert!(
            compared_halves(&[(g(2, 5, &[3, 3, 5, 3, 0, 0, 0, 5, 4, 4]), g(2, 2, &[3, 2, 2, 2]))]).is_empty()
        );
        // Objects of one cell become 4, of two cells stay.
        let sized = (g(2, 4, &[1, 0, 0, 0, 0, 0, 1, 1]), g(2, 4, &[4, 0, 0, 0, 0, 0, 1, 1]));
        assert_eq!(
            colours_by_size(std::slice::from_ref(&sized), &[], Objects::OffMostColour),
            vec!["fill(X, FOUR, merge(sizefilter(objects(X, T, F, T), ONE)))"]
        );
        // A test object of a size no demonstration shows: no map.
        assert!(colours_by_size(
            std::slice::from_ref(&sized),
            &[g(1, 7, &[1, 1, 1, 0, 0, 0, 0])],
            Objects::OffMostColour
        )
        .is_empty());
        assert_eq!(colours_by_size(&[sized], &[g(1, 3, &[1, 0, 0])], Objects::OffMostColour).len(), 1);
        let mixed = (g(2, 4, &[1, 0, 0, 0, 0, 0, 1, 1]), g(2, 4, &[4, 0, 0, 0, 0, 0, 4, 1]));
        assert!(colours_by_size(&[mixed], &[], Objects::OffMostColour).is_empty());
        // Growth templates only where no output brings in a colour.
        let grow = (g(1, 3, &[0, 1, 0]), g(1, 3, &[1, 1, 1]));
        assert_eq!(grown_colours(&[grow], &colours).len(), 4);
        assert!(grown_colours(&[(g(1, 3, &[0, 1, 0]), g(1, 3, &[2, 1, 2]))], &colours).is_empty());
    }

    #[test]
    fn factors_the_input_counts_suggest_tilings_fractals_and_canvases() {
        let g = |h: usize, w: usize, cells: &[u8]| GridData { h, w, cells: cells.to_vec() };
        let colours = [true, true, true, false, false, false, false, false, false, false];
        // Two colours, twice each way; three colours, three times: a tiling by the number of colours.
        let two = (g(1, 2, &[1, 2]), g(2, 4, &[1, 2, 1, 2, 1, 2, 1, 2]));
        let three = (g(1, 3, &[1, 2, 0]), g(3, 9, &[1, 2, 0].repeat(9)));
        let tiled = scaled_copies(&[two.clone(), three], &colours);
        assert!(tiled[0].contains("astuple(numcolors(X), numcolors(X))"), "{tiled:?}");
        assert!(tiled.iter().all(|t| parse(t, None).is_ok()));
        // The same factor on every demonstration: that constant; a factor no count gives: nothing.
        assert!(scaled_copies(std::slice::from_ref(&two), &colours)[0].contains("astuple(TWO, TWO)"));
        let odd = (g(1, 2, &[1, 2]), g(3, 6, &[0; 18]));
        assert!(scaled_copies(&[two, odd], &colours).is_empty());
        // Square inputs scaled by their own side: the fractal masks besides the tiling.
        let frac = (g(2, 2, &[1, 0, 0, 1]), g(4, 4, &[0; 16]));
        let fractals = scaled_copies(&[frac], &colours);
        assert!(fractals.iter().any(|t| t.contains("multiply(shape(X), shape(X))")));
        // One-colour columns as tall as the input has objects, plus one.
        let objs = (g(1, 5, &[5, 0, 5, 0, 0]), g(3, 1, &[0; 3]));
        let one = (g(1, 3, &[5, 0, 0]), g(2, 1, &[0; 2]));
        assert_eq!(
            counted_canvases(&[objs.clone(), one]),
            vec!["canvas(ZERO, astuple(increment(size(objects(X, T, F, T))), ONE))"]
        );
        assert_eq!(count_objects(&g(2, 2, &[5, 0, 0, 5]), true, false), 2);
        assert_eq!(count_objects(&g(2, 2, &[5, 0, 0, 5]), true, true), 1);
        // Outputs of one shape are [`one_colour_answers`]' case, not this one's; an empty output none's.
        assert!(counted_canvases(&[objs.clone(), objs.clone()]).is_empty());
        assert!(counted_canvases(&[objs, (g(1, 3, &[5, 0, 0]), g(0, 0, &[]))]).is_empty());
        // 4x4 and 6x6 inputs summarised as 2x2 (blocks of 2 and 3), then 2x2 blocks of 4x4 and 2x4.
        let summary = |block: &str| {
            format!(
                "paint(canvas(mostcolor(X), divide(shape(X), {block})), apply(fork(astuple, first, \
                 compose(rbind(divide, {block}), last)), merge(fgpartition(X))))"
            )
        };
        let four = (g(4, 4, &[0; 16]), g(2, 2, &[0; 4]));
        let six = (g(6, 6, &[0; 36]), g(2, 2, &[0; 4]));
        assert_eq!(block_summaries(&[four.clone(), six]), vec![summary("divide(shape(X), TWO_BY_TWO)")]);
        let wide = (g(2, 4, &[0; 8]), g(1, 2, &[0; 2]));
        assert_eq!(block_summaries(&[four.clone(), wide]), vec![summary("TWO_BY_TWO")]);
        assert!(block_summaries(&[(g(4, 4, &[0; 16]), g(3, 3, &[0; 9]))]).is_empty());
        assert!(block_summaries(&[four.clone(), (g(6, 6, &[0; 36]), g(3, 2, &[0; 6]))]).is_empty());
    }

    #[test]
    fn compartments_cut_by_lines_size_canvases() {
        // Lines of 3 on 5: three compartments down, two across; a line on the border adds none.
        let c = "5555535555";
        let inner = rows(&[c, "3333333333", c, c, "3333333333", c]);
        assert_eq!(bands(&inner), (3, 2));
        let (line, d) = ("33333333333333", "55535553555553");
        let border = rows(&[line, d, d, d, line, d]);
        assert_eq!(bands(&border), (2, 3));
        let g = |h: usize, w: usize, c: u8| GridData { h, w, cells: vec![c; h * w] };
        let train = [(inner, g(3, 2, 5)), (border, g(2, 3, 5))];
        let t = counted_canvases(&train);
        assert_eq!(
            t,
            vec![
                "canvas(FIVE, astuple(size(apply(uppermost, colorfilter(objects(X, T, F, F), mostcolor(X)))), \
                 size(apply(leftmost, colorfilter(objects(X, T, F, F), mostcolor(X))))))"
            ]
        );
        assert!(parse(&t[0], None).is_ok());
    }

    /// Bits over 8 cells (one demonstration of 4 cells, then another) from a pattern string.
    fn bits(pattern: &str) -> Vec<u64> {
        vec![pattern.bytes().enumerate().filter(|&(_, b)| b == b'1').map(|(k, _)| 1u64 << k).sum()]
    }

    #[test]
    fn pieces_stack_from_the_top_over_a_base() {
        // Piece 0 shows cells 0-1 of each demonstration, right there only; piece 1 shows
        // everything, right but where piece 0 shows; piece 2 is right on cells 0-1 only; piece 3
        // shows cell 2 of the first demonstration only (right there).
        let pieces = vec![
            (0, bits("11001100"), bits("11001100")),
            (1, bits("11111111"), bits("00110011")),
            (2, bits("11111111"), bits("11001100")),
            (3, bits("00100000"), bits("00100000")),
        ];
        let (all, demos) = (bits("11111111"), vec![bits("11110000"), bits("00001111")]);
        // Piece 0 on top, then piece 1 as the base (right on every cell piece 0 leaves).
        assert_eq!(stack(&pieces, &all, &demos), Some((vec![0], 1)));
        assert!(stack_right(&pieces, &[0], 1, &all));
        // Piece 2 as the base is wrong where piece 0 leaves cells; with nothing on top, too.
        assert!(!stack_right(&pieces, &[0], 2, &all));
        assert!(!stack_right(&pieces, &[], 1, &all));
        // A piece that shows on one demonstration of two is not stacked.
        let lonely = vec![pieces[3].clone(), pieces[1].clone()];
        assert_eq!(stack(&lonely, &all, &demos), None);
        // One demonstration alone: the same stack rebuilds it.
        assert_eq!(stack(&pieces, &demos[0], &demos[..1]), Some((vec![0], 1)));
    }

    #[test]
    fn the_count_rules_take_empty_grids() {
        let g = |h: usize, w: usize, cells: &[u8]| GridData { h, w, cells: cells.to_vec() };
        let colours = [true; 10];
        for pair in
            [(g(0, 0, &[]), g(0, 0, &[])), (g(0, 0, &[]), g(2, 2, &[1; 4])), (g(1, 1, &[1]), g(0, 0, &[]))]
        {
            let train = [pair.clone(), (g(1, 1, &[1]), g(2, 2, &[1; 4]))];
            // No panic, and no template: an empty grid shows no factor, colour, block or region.
            assert!(scaled_copies(&train, &colours).is_empty());
            assert!(counted_canvases(&train).is_empty());
            assert!(block_summaries(&train).is_empty());
            assert!(crate::rules::seeded_fills(&train, std::slice::from_ref(&pair.0)).is_empty());
            assert!(crate::rules::holes_by_size(&train, std::slice::from_ref(&pair.0)).is_empty());
        }
    }

    #[test]
    fn one_colour_answers_pick_the_hollow_object() {
        let g = |h: usize, w: usize, cells: &[u8]| GridData { h, w, cells: cells.to_vec() };
        // A ring of 1 and a solid bar of 2 on 0: the answer is the ring's colour.
        let ring = g(4, 6, &[1, 1, 1, 0, 2, 0, 1, 0, 1, 0, 2, 0, 1, 1, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0]);
        let picks = one_colour_answers(&[(ring.clone(), g(1, 1, &[1]))]);
        let hollow = "canvas(color(argmax(objects(X, T, F, T), compose(size, delta))), UNITY)";
        assert!(picks.iter().any(|p| p == hollow), "{picks:?}");
        // The kernels agree: that object's box has empty cells, the bar's none.
        let program = format!("def solve_t(I):\n    O = {}\n    return O\n", hollow.replace('X', "I"));
        assert_eq!(crate::confirm(&program, &[&ring], &[g(1, 1, &[1])]), Some(vec![]));
        // Outputs of two colours: no one-colour answer.
        assert!(one_colour_answers(&[(ring, g(1, 2, &[1, 2]))]).is_empty());
    }

    #[test]
    fn objects_off_black_where_another_colour_is_the_most_common() {
        let g = |h: usize, w: usize, cells: &[u8]| GridData { h, w, cells: cells.to_vec() };
        // More 2 than 0: the lone 2s (4-connected) turn 1, the others stay.
        let i = g(3, 3, &[2, 2, 0, 0, 2, 0, 2, 0, 2]);
        let o = g(3, 3, &[2, 2, 0, 0, 2, 0, 1, 0, 1]);
        let train = vec![(i.clone(), o.clone())];
        assert!(Objects::for_task(&train) == vec![Objects::OffMostColour, Objects::OffZero]);
        assert!(colours_by_rank(&train, Objects::OffMostColour).is_empty());
        let t = colours_by_rank(&train, Objects::OffZero);
        let lone = "fill(fill(X, TWO, merge(sfilter(objects(X, T, F, F), compose(positive, color)))), ONE, \
                    merge(sizefilter(sfilter(objects(X, T, F, F), compose(positive, color)), ONE)))";
        assert!(t.iter().any(|x| x == lone), "{t:?}");
        // The kernels read the same objects.
        let program = format!("def solve_t(I):\n    O = {}\n    return O\n", lone.replace('X', "I"));
        assert_eq!(crate::confirm(&program, &[&i], &[o]), Some(vec![]));
        // Inputs mostly black: one setting.
        let black = (g(2, 3, &[0, 0, 2, 0, 0, 0]), g(2, 3, &[0, 0, 1, 0, 0, 0]));
        assert!(Objects::for_task(&[black]) == vec![Objects::OffMostColour]);
    }

    #[test]
    fn outputs_of_a_parts_shape_suggest_picked_parts() {
        let g = |h: usize, w: usize, cells: &[u8]| GridData { h, w, cells: cells.to_vec() };
        // Three 2x2 blocks stacked; the answer is the one that is not its own transpose.
        let i = g(6, 2, &[1, 2, 2, 1, 3, 3, 3, 3, 4, 5, 6, 4]);
        let o = g(2, 2, &[4, 5, 6, 4]);
        let t = picked_parts(
            &[(i.clone(), o.clone())],
            &[false, true, true, true, true, true, true, false, false, false],
        );
        let skewed = "extract(vsplit(X, THREE), compose(flip, fork(equality, identity, dmirror)))";
        assert!(t.iter().any(|x| x == skewed), "{t:?}");
        assert!(t.iter().all(|x| parse(x, None).is_ok()));
        let program = format!("def solve_t(I):\n    O = {}\n    return O\n", skewed.replace('X', "I"));
        assert_eq!(crate::confirm(&program, &[&i], &[o]), Some(vec![]));
        // An output of no part's shape: nothing.
        assert!(picked_parts(&[(i, g(4, 2, &[0; 8]))], &[false; 10]).is_empty());
    }

    #[test]
    fn marks_suggest_stamped_copies() {
        // The 2x2 picture copied centred on the 5.
        let i = rows(&["0000000", "0120000", "0340000", "0000000", "0000050", "0000000"]);
        let o = rows(&["0000000", "0120000", "0340000", "0000120", "0000340", "0000000"]);
        let t = stamps(&[(i.clone(), o.clone())]);
        assert!(t.iter().all(|x| parse(x, None).is_ok()));
        let centred =
            t.iter().find(|x| x.contains("halve") && x.contains("FIVE")).expect("a centred stamp on 5");
        let program = format!("def solve_t(I):\n    O = {}\n    return O\n", centred.replace('X', "I"));
        assert_eq!(crate::confirm(&program, &[&i], std::slice::from_ref(&o)), Some(vec![]));
        // A second demonstration without any 5: no stamp on 5.
        let plain = rows(&["0000", "0120", "0340", "0000"]);
        let none = stamps(&[(i, o), (plain.clone(), rows(&["1200", "0120", "0340", "0000"]))]);
        assert!(none.iter().all(|x| !x.contains("FIVE")), "{none:?}");
    }

    #[test]
    fn kept_colour_counts_suggest_falling_cells() {
        let g = |h: usize, w: usize, cells: &[u8]| GridData { h, w, cells: cells.to_vec() };
        // The 1 falls down its column: the gravity templates, which parse.
        let fallen = (g(3, 2, &[1, 0, 0, 2, 0, 2]), g(3, 2, &[0, 0, 0, 2, 1, 2]));
        let t = moves(std::slice::from_ref(&fallen));
        assert!(t.iter().any(|t| t.contains("rbind(shoot, DOWN)")), "{t:?}");
        assert!(t.iter().all(|t| parse(t, None).is_ok()));
        // A cell that changes colour as it moves: not a move, no template.
        let recoloured = (g(3, 2, &[1, 0, 0, 2, 0, 2]), g(3, 2, &[0, 0, 0, 2, 3, 2]));
        assert!(moves(&[fallen, recoloured]).is_empty());
    }

    #[test]
    fn colour_maps_order_their_replacements() {
        let c = kernels::Ctx::default();
        let g = Value::Grid(c.grid_from(1, 3, &[1, 2, 3]));
        let out = |cells: &[u8]| GridData { h: 1, w: 3, cells: cells.to_vec() };
        // 1 -> 2 must wait for 2 -> 3.
        assert_eq!(
            colour_map(&[g], &[out(&[2, 3, 3])]),
            Some(vec![(Prim::replace, 2, 3), (Prim::replace, 1, 2)])
        );
        assert_eq!(colour_map(&[g], &[out(&[2, 1, 3])]), Some(vec![(Prim::switch, 1, 2)]));
        assert_eq!(colour_map(&[g], &[out(&[2, 3, 1])]), None);
        assert_eq!(colour_map(&[g, g], &[out(&[1, 2, 3]), out(&[1, 2, 4])]), None);
        assert_eq!(colour_map(&[g], &[out(&[1, 2, 3])]), Some(vec![]));
        // A change seen on one one-colour output only is a guess: only the identity is kept.
        let one = Value::Grid(c.grid_from(1, 1, &[5]));
        let cell = |v: u8| GridData { h: 1, w: 1, cells: vec![v] };
        assert_eq!(colour_map(&[one], &[cell(7)]), None);
        let other = Value::Grid(c.grid_from(1, 1, &[3]));
        assert_eq!(colour_map(&[one, other], &[cell(7), cell(4)]), None);
        // The same change on two one-colour outputs is evidence.
        assert_eq!(colour_map(&[one, one], &[cell(7), cell(7)]), Some(vec![(Prim::replace, 5, 7)]));
        assert_eq!(colour_map(&[one], &[cell(5)]), Some(vec![]));
        // A change seen on a varied output carries to a one-colour one.
        let two = Value::Grid(c.grid_from(1, 2, &[5, 1]));
        let pair = GridData { h: 1, w: 2, cells: vec![7, 1] };
        assert_eq!(colour_map(&[two, one], &[pair, cell(7)]), Some(vec![(Prim::replace, 5, 7)]));
    }
}
