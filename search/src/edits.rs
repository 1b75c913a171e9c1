//! In-place edits read off the demonstrations: rules for tasks whose outputs keep the input's shape
//! and recolour whole objects of the input. Each rule is checked here on the demonstrations (plain
//! Rust, over the task's own grids) and, where it holds, written as one grid-layer template in
//! arc-dsl, which the layer evaluates through the kernels and the interpreter re-runs like any
//! other:
//! - [`legend_recolours`]: objects of one colour `C` take the colour of an object of another colour
//!   with the same shape (as it is, or up to the eight mirror images and turns), a legend the grid
//!   itself shows: per colour `D`, `fill(G, D, mfilter(colorfilter(O, C), compose(rbind(contained,
//!   SHAPES_D), compose(normalize, toindices))))`, `SHAPES_D` the normalized shapes of the `D`
//!   objects;
//! - [`predicate_recolours`]: the objects a property picks (touching the border, touching a colour,
//!   lines, squares, filled rectangles, mirror-symmetric ones, or the negations) take one colour,
//!   `fill(G, A, mfilter(O, P))`, one fill per colour the changed objects take, each property
//!   picking exactly the objects that take its colour on every demonstration, on two
//!   demonstrations at least, and (with three demonstrations or more) still the one picked when
//!   any one demonstration is held out;
//! - [`region_recolours`]: the same for the regions of one colour that the outputs fill whole or
//!   leave (closed squares, rectangles, the largest compartment);
//! - [`periodic_repairs`] and [`mirror_repairs`]: holes of one colour filled from each grid's own
//!   periods or mirror axes, which the program reads off the grid (an `sfilter` over candidate
//!   shifts), so they may differ per demonstration;
//! - [`nested_recolours`]: what a top-level object's box holds takes its colour;
//! - [`contained_symmetries`]: what an object's box holds is mirrored about that box;
//! - [`key_swaps`]: colours swapped in pairs that a 2 x 2 key in a corner of the grid shows;
//! - [`dots_to_own_colour`]: single cells moved straight to the larger object of their colour;
//! - [`shifted_repairs`]: holes of one colour filled from the cell one shift back along a row,
//!   column or diagonal (or forth, where back is off the grid or a hole), pass after pass.

use crate::{GridData, COLORS};

/// The object settings the rules read: `(univalued, diagonal)` of `objects(X, U, D, T)`.
const SETTINGS: [(bool, bool); 2] = [(true, false), (true, true)];

/// Settings of objects of several colours, which only the property rules read.
const MULTICOLOUR: [(bool, bool); 2] = [(false, false), (false, true)];

/// The objects of `g` (every cell but `bg`'s), as cell lists in reading order of their first cell.
fn objects(g: &GridData, bg: u8, univalued: bool, diagonal: bool) -> Vec<Vec<usize>> {
    let joins = |k: usize, m: usize| g.cells[m] != bg && (!univalued || g.cells[m] == g.cells[k]);
    crate::rules::flood(g, diagonal, |k| g.cells[k] != bg, joins)
}

/// The text of `objects(X, U, D, T)`.
fn objects_text(univalued: bool, diagonal: bool) -> String {
    let b = |x: bool| if x { "T" } else { "F" };
    format!("objects(X, {}, {}, T)", b(univalued), b(diagonal))
}

/// One demonstration's objects and what the output made of each: `Some(colour)` where the output
/// shows the object's cells in one colour, `None` where it shows several.
struct Demo {
    objs: Vec<Vec<usize>>,
    outs: Vec<Option<u8>>,
}

/// The demonstrations' objects, where every cell the outputs change is a cell of an input object
/// and each object is shown in one colour (`None` otherwise, or where nothing changes).
fn recoloured(train: &[(GridData, GridData)], univalued: bool, diagonal: bool) -> Option<Vec<Demo>> {
    if train.is_empty()
        || !train.iter().all(|(i, o)| i.h == o.h && i.w == o.w)
        || train.iter().all(|(i, o)| i == o)
    {
        return None;
    }
    let mut demos = Vec::new();
    for (i, o) in train {
        let bg = crate::rules::most_color(i);
        if i.cells.iter().zip(&o.cells).any(|(&a, &b)| a != b && a == bg) {
            return None;
        }
        let objs = objects(i, bg, univalued, diagonal);
        let outs: Vec<Option<u8>> = objs
            .iter()
            .map(|cells| {
                let c = o.cells[cells[0]];
                cells.iter().all(|&k| o.cells[k] == c).then_some(c)
            })
            .collect();
        // A changed object must change as a whole.
        if objs
            .iter()
            .zip(&outs)
            .any(|(cells, out)| out.is_none() && cells.iter().any(|&k| i.cells[k] != o.cells[k]))
        {
            return None;
        }
        demos.push(Demo { objs, outs });
    }
    Some(demos)
}

/// The normalized shape of a cell list (row, column offsets from its box's corner), sorted.
fn shape(g: &GridData, cells: &[usize]) -> Vec<(i32, i32)> {
    let pts: Vec<(i32, i32)> = cells.iter().map(|&k| ((k / g.w) as i32, (k % g.w) as i32)).collect();
    normalized(pts)
}

fn normalized(pts: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    let r0 = pts.iter().map(|p| p.0).min().unwrap_or(0);
    let c0 = pts.iter().map(|p| p.1).min().unwrap_or(0);
    let mut out: Vec<(i32, i32)> = pts.into_iter().map(|(r, c)| (r - r0, c - c0)).collect();
    out.sort_unstable();
    out
}

/// The eight mirror images and turns of a shape, as arc-dsl's patch mirrors write them (each
/// normalized): identity, `hmirror`, `vmirror`, `dmirror`, `cmirror`, and three compositions.
const SYMMETRIES: [&str; 8] = [
    "identity",
    "hmirror",
    "vmirror",
    "dmirror",
    "cmirror",
    "compose(hmirror, vmirror)",
    "compose(hmirror, dmirror)",
    "compose(vmirror, dmirror)",
];

fn image(s: &[(i32, i32)], k: usize) -> Vec<(i32, i32)> {
    let h = s.iter().map(|p| p.0).max().unwrap_or(0);
    let w = s.iter().map(|p| p.1).max().unwrap_or(0);
    let f = |&(r, c): &(i32, i32)| -> (i32, i32) {
        match k {
            0 => (r, c),
            1 => (h - r, c),
            2 => (r, w - c),
            3 => (c, r),
            4 => (w - c, h - r),
            5 => (h - r, w - c),
            6 => (w - c, r),
            _ => (c, h - r),
        }
    };
    normalized(s.iter().map(f).collect())
}

/// Legend recolours: see the module doc. Where on every demonstration only objects of one colour
/// `C` change, each to a colour `D` whose objects (some of them) have its shape, and every `C`
/// object with the shape of some other colour's object takes that colour (the highest such colour,
/// as the chain paints them in colour order), one chain over the colours the inputs show.
pub fn legend_recolours(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    let mut out = Vec::new();
    for (univalued, diagonal) in SETTINGS {
        let Some(demos) = recoloured(train, univalued, diagonal) else { continue };
        // The colour every changed object had.
        let mut source = None;
        for ((i, _), d) in train.iter().zip(&demos) {
            for (cells, out) in d.objs.iter().zip(&d.outs) {
                let c = i.cells[cells[0]];
                if *out != Some(c) && source.replace(c).is_some_and(|s| s != c) {
                    source = Some(10);
                }
            }
        }
        let Some(c) = source.filter(|&c| c < 10) else { continue };
        for symmetric in [false, true] {
            let shapes = |s: &[(i32, i32)]| -> Vec<Vec<(i32, i32)>> {
                if symmetric {
                    (0..8).map(|k| image(s, k)).collect()
                } else {
                    vec![s.to_vec()]
                }
            };
            let holds = train.iter().zip(&demos).all(|((i, _), d)| {
                d.objs.iter().zip(&d.outs).all(|(cells, out)| {
                    if i.cells[cells[0]] != c {
                        return true;
                    }
                    let mine = shapes(&shape(i, cells));
                    // The highest colour with an object of this shape, as the chain paints.
                    let want = d
                        .objs
                        .iter()
                        .filter(|o| i.cells[o[0]] != c && o.len() == cells.len())
                        .filter(|o| mine.contains(&shape(i, o)))
                        .map(|o| i.cells[o[0]])
                        .max()
                        .unwrap_or(c);
                    *out == Some(want)
                })
            });
            if !holds {
                continue;
            }
            let objs = objects_text(univalued, diagonal);
            let shown = crate::rules::shown_colours(train, tests);
            let mut g = "X".to_string();
            for d in (0..10u8).filter(|&d| d != c && shown[d as usize]) {
                let dc = COLORS[d as usize];
                let legend = format!("apply(toindices, colorfilter({objs}, {dc}))");
                let set = if symmetric {
                    SYMMETRIES
                        .iter()
                        .map(|m| format!("apply(compose(normalize, {m}), {legend})"))
                        .reduce(|a, b| format!("combine({a}, {b})"))
                        .expect("eight images")
                } else {
                    format!("apply(normalize, {legend})")
                };
                g = format!(
                    "fill({g}, {dc}, mfilter(colorfilter({objs}, {}), compose(rbind(contained, {set}), \
                     compose(normalize, toindices))))",
                    COLORS[c as usize]
                );
            }
            out.push(g);
            break;
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// A property's value on an object (its cells) of a grid.
type TestFn = dyn Fn(&GridData, &[usize]) -> bool;
type Test = Box<TestFn>;
/// A feature's value on an object of a grid.
type Feature = Box<dyn Fn(&GridData, &[usize]) -> usize>;

/// An object property: its arc-dsl text (a function of an object, `X` the grid) and its value on
/// an object of a grid.
struct Property {
    text: String,
    test: Test,
}

/// The properties [`predicate_recolours`] tries, each with its negation.
fn properties() -> Vec<Property> {
    let mut base: Vec<Property> = vec![
        Property {
            text: "rbind(bordering, X)".into(),
            test: Box::new(|g: &GridData, cells: &[usize]| {
                cells
                    .iter()
                    .any(|&k| k < g.w || k >= g.cells.len() - g.w || k % g.w == 0 || k % g.w == g.w - 1)
            }),
        },
        Property {
            text: "vline".into(),
            test: Box::new(|g: &GridData, cells: &[usize]| box_of(g, cells).3 == 1 && full(g, cells)),
        },
        Property {
            text: "hline".into(),
            test: Box::new(|g: &GridData, cells: &[usize]| box_of(g, cells).2 == 1 && full(g, cells)),
        },
        Property {
            text: "square".into(),
            test: Box::new(|g: &GridData, cells: &[usize]| {
                let (_, _, h, w) = box_of(g, cells);
                h == w && full(g, cells)
            }),
        },
        Property {
            text: "compose(positive, compose(size, delta))".into(),
            test: Box::new(|g: &GridData, cells: &[usize]| !full(g, cells)),
        },
        Property {
            // Holds a hole: its box holds a cell of a background region off the border.
            text:
                "compose(positive, compose(size, compose(lbind(intersection, toindices(mfilter(colorfilter(\
                   objects(X, T, F, F), mostcolor(X)), compose(flip, rbind(bordering, X))))), backdrop)))"
                    .into(),
            test: Box::new(|g: &GridData, cells: &[usize]| {
                let (r0, q0, h, w) = box_of(g, cells);
                let enclosed = enclosed_background(g);
                (r0..r0 + h).any(|r| (q0..q0 + w).any(|q| enclosed[r * g.w + q]))
            }),
        },
        Property {
            text: "fork(equality, toindices, compose(toindices, vmirror))".into(),
            test: Box::new(|g: &GridData, cells: &[usize]| {
                let s = shape(g, cells);
                image(&s, 2) == s
            }),
        },
        Property {
            text: "fork(equality, toindices, compose(toindices, hmirror))".into(),
            test: Box::new(|g: &GridData, cells: &[usize]| {
                let s = shape(g, cells);
                image(&s, 1) == s
            }),
        },
    ];
    for e in 0..10u8 {
        base.push(Property {
            text: format!(
                "compose(positive, compose(size, compose(rbind(intersection, mapply(dneighbors, ofcolor(X, {}))), \
                 toindices)))",
                COLORS[e as usize]
            ),
            test: Box::new(move |g: &GridData, cells: &[usize]| {
                cells.iter().any(|&k| {
                    let (r, q) = (k / g.w, k % g.w);
                    (r > 0 && g.cells[k - g.w] == e)
                        || (r + 1 < g.h && g.cells[k + g.w] == e)
                        || (q > 0 && g.cells[k - 1] == e)
                        || (q + 1 < g.w && g.cells[k + 1] == e)
                })
            }),
        });
    }
    for e in 0..10u8 {
        for (k, count) in COLORS.iter().enumerate().take(3) {
            base.push(Property {
                text: format!("compose(rbind(greater, {count}), rbind(colorcount, {}))", COLORS[e as usize]),
                test: Box::new(move |g: &GridData, cells: &[usize]| {
                    cells.iter().filter(|&&x| g.cells[x] == e).count() > k
                }),
            });
        }
    }
    let mut out = Vec::new();
    for p in base {
        let text = format!("compose(flip, {})", p.text);
        let test = p.test;
        let neg: Test = {
            let t: std::rc::Rc<TestFn> = std::rc::Rc::from(test);
            let t2 = t.clone();
            out.push(Property { text: p.text, test: Box::new(move |g: &GridData, c: &[usize]| t2(g, c)) });
            Box::new(move |g: &GridData, c: &[usize]| !t(g, c))
        };
        out.push(Property { text, test: neg });
    }
    out
}

/// The cells of `g`'s background regions (its most common colour, 4-connected) that touch no
/// border: the holes objects enclose.
fn enclosed_background(g: &GridData) -> Vec<bool> {
    let bg = crate::rules::most_color(g);
    let mut out = vec![false; g.cells.len()];
    for cells in crate::rules::components(g, |c| c == bg) {
        let (r0, q0, h, w) = box_of(g, &cells);
        if r0 > 0 && q0 > 0 && r0 + h < g.h && q0 + w < g.w {
            cells.iter().for_each(|&k| out[k] = true);
        }
    }
    out
}

/// The box of a cell list: top, left, height, width.
fn box_of(g: &GridData, cells: &[usize]) -> (usize, usize, usize, usize) {
    let rs = cells.iter().map(|&k| k / g.w);
    let qs = cells.iter().map(|&k| k % g.w);
    let (r0, r1) = (rs.clone().min().unwrap_or(0), rs.max().unwrap_or(0));
    let (q0, q1) = (qs.clone().min().unwrap_or(0), qs.max().unwrap_or(0));
    (r0, q0, r1 - r0 + 1, q1 - q0 + 1)
}

/// Whether a cell list fills its box.
fn full(g: &GridData, cells: &[usize]) -> bool {
    let (_, _, h, w) = box_of(g, cells);
    cells.len() == h * w
}

/// Predicate recolours: see the module doc.
pub fn predicate_recolours(train: &[(GridData, GridData)]) -> Vec<String> {
    let props = properties();
    for (univalued, diagonal) in SETTINGS.into_iter().chain(MULTICOLOUR) {
        let Some(demos) = recoloured(train, univalued, diagonal) else { continue };
        let Some(chain) = property_chain(train, &demos, &props) else { continue };
        let objs = objects_text(univalued, diagonal);
        let g = chain.iter().fold("X".to_string(), |g, &(a, p)| {
            format!("fill({g}, {}, mfilter({objs}, {}))", COLORS[a as usize], props[p].text)
        });
        return vec![g];
    }
    Vec::new()
}

/// Region recolours: where every cell the outputs change shows one colour `Z` in the inputs and
/// each region of `Z` (4-connected) is filled whole or left as it is, the regions a property picks
/// take one colour, as [`predicate_recolours`] reads them for objects (closed squares against the
/// rest, the rectangles among the corridors, the largest and the smallest compartments):
/// `fill(G, A, mfilter(R, P))`, `R = colorfilter(objects(X, T, F, F), Z)`.
pub fn region_recolours(train: &[(GridData, GridData)]) -> Vec<String> {
    let Some(z) = repaired_colour(train) else { return Vec::new() };
    let mut demos = Vec::new();
    for (i, o) in train {
        let objs: Vec<Vec<usize>> = crate::rules::components(i, |c| c == z);
        let outs: Vec<Option<u8>> = objs
            .iter()
            .map(|cells| {
                let c = o.cells[cells[0]];
                cells.iter().all(|&k| o.cells[k] == c).then_some(c)
            })
            .collect();
        if outs.iter().any(Option::is_none) {
            return Vec::new();
        }
        demos.push(Demo { objs, outs });
    }
    let regions = format!("colorfilter(objects(X, T, F, F), {})", COLORS[z as usize]);
    let mut props = properties();
    let size_is = |extreme: &str| format!("compose(rbind(equality, {extreme}({regions}, size)), size)");
    let (most, least) = (size_is("valmax"), size_is("valmin"));
    // Largest and smallest among the grid's regions of `Z`, ties all picked.
    let extreme = |most: bool| -> Test {
        Box::new(move |g: &GridData, cells: &[usize]| {
            let sizes = crate::rules::components(g, |c| c == z).into_iter().map(|r| r.len());
            let best = if most { sizes.max() } else { sizes.min() };
            best == Some(cells.len())
        })
    };
    props.push(Property { text: most, test: extreme(true) });
    props.push(Property { text: least, test: extreme(false) });
    let Some(chain) = property_chain(train, &demos, &props) else { return Vec::new() };
    let g = chain.iter().fold("X".to_string(), |g, &(a, p)| {
        format!("fill({g}, {}, mfilter({regions}, {}))", COLORS[a as usize], props[p].text)
    });
    vec![g]
}

/// Per colour the changed objects take, the first property that picks exactly the objects shown
/// in it that were not (every object it picks is shown in that colour, every changed object shown
/// in it is picked), on two demonstrations at least, and (with three demonstrations or more) still
/// the one picked when any one demonstration is held out: `(colour, property)` pairs in colour
/// order, `None` where some colour has no such property or nothing changes.
fn property_chain(
    train: &[(GridData, GridData)],
    demos: &[Demo],
    props: &[Property],
) -> Option<Vec<(u8, usize)>> {
    let mut taken = [false; 10];
    for ((i, _), d) in train.iter().zip(demos) {
        for (cells, out) in d.objs.iter().zip(&d.outs) {
            match out {
                Some(t) if cells.iter().any(|&x| i.cells[x] != *t) => taken[*t as usize] = true,
                _ => {}
            }
        }
    }
    let pick = |a: u8, use_demos: &dyn Fn(usize) -> bool| -> Option<usize> {
        props.iter().position(|p| {
            let mut seen_on = 0;
            let ok =
                train.iter().zip(demos).enumerate().filter(|(k, _)| use_demos(*k)).all(|(_, ((i, _), d))| {
                    let mut here = false;
                    let ok = d.objs.iter().zip(&d.outs).all(|(cells, out)| {
                        let picked = (p.test)(i, cells);
                        let changed_to_a = *out == Some(a) && cells.iter().any(|&x| i.cells[x] != a);
                        here |= changed_to_a;
                        if picked {
                            *out == Some(a)
                        } else {
                            !changed_to_a
                        }
                    });
                    seen_on += usize::from(here);
                    ok
                });
            ok && seen_on >= 2.min(train.len())
        })
    };
    let mut chain = Vec::new();
    for a in (0..10u8).filter(|&a| taken[a as usize]) {
        let p = pick(a, &|_| true)?;
        if train.len() >= 3 && (0..train.len()).any(|h| pick(a, &|k| k != h) != Some(p)) {
            return None;
        }
        chain.push((a, p));
    }
    (!chain.is_empty()).then_some(chain)
}

/// Object features an extreme pick may rank by: arc-dsl text and value.
fn features() -> Vec<(String, Feature)> {
    let mut out: Vec<(String, Feature)> = vec![
        ("size".into(), Box::new(|_: &GridData, c: &[usize]| c.len())),
        ("height".into(), Box::new(|g: &GridData, c: &[usize]| box_of(g, c).2)),
        ("width".into(), Box::new(|g: &GridData, c: &[usize]| box_of(g, c).3)),
        (
            "numcolors".into(),
            Box::new(|g: &GridData, c: &[usize]| {
                let mut seen = [false; 10];
                c.iter().for_each(|&k| seen[g.cells[k] as usize % 10] = true);
                seen.iter().filter(|&&x| x).count()
            }),
        ),
    ];
    for e in 0..10u8 {
        out.push((
            format!("rbind(colorcount, {})", COLORS[e as usize]),
            Box::new(move |g: &GridData, c: &[usize]| c.iter().filter(|&&k| g.cells[k] == e).count()),
        ));
    }
    out
}

/// Extreme picks: on every demonstration exactly one object changes, all to one colour `A`, and it
/// is the one object with the most (or the fewest) of some feature (its size, height, width,
/// colours, cells of one colour), and on every test input one object is: `fill(X, A, argmax(O, F))`.
pub fn extreme_recolours(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    let feats = features();
    for (univalued, diagonal) in SETTINGS.into_iter().chain(MULTICOLOUR) {
        let Some(demos) = recoloured(train, univalued, diagonal) else { continue };
        let mut picked = Vec::new();
        let mut colour = None;
        let mut ok = true;
        for ((i, o), d) in train.iter().zip(&demos) {
            let changed: Vec<usize> =
                (0..d.objs.len()).filter(|&k| d.objs[k].iter().any(|&x| i.cells[x] != o.cells[x])).collect();
            if changed.len() != 1 || d.objs.len() < 2 {
                ok = false;
                break;
            }
            let a = d.outs[changed[0]];
            if colour.replace(a).is_some_and(|c| c != a) {
                ok = false;
                break;
            }
            picked.push(changed[0]);
        }
        let Some(Some(a)) = colour.filter(|_| ok) else { continue };
        for (text, f) in &feats {
            for most in [true, false] {
                let fits = train.iter().zip(&demos).zip(&picked).all(|(((i, _), d), &p)| {
                    let v = f(i, &d.objs[p]);
                    d.objs
                        .iter()
                        .enumerate()
                        .all(|(k, o)| k == p || if most { f(i, o) < v } else { f(i, o) > v })
                });
                // The extreme must be one object on the test inputs too (`argmax` of a tie picks
                // by an order the demonstrations never showed).
                let unique = tests.iter().all(|t| {
                    let objs = objects(t, crate::rules::most_color(t), univalued, diagonal);
                    let vals: Vec<usize> = objs.iter().map(|o| f(t, o)).collect();
                    let best = if most { vals.iter().max() } else { vals.iter().min() };
                    best.is_some_and(|b| vals.iter().filter(|&v| v == b).count() == 1)
                });
                if fits && unique {
                    let by = if most { "argmax" } else { "argmin" };
                    let objs = objects_text(univalued, diagonal);
                    return vec![format!("fill(X, {}, {by}({objs}, {text}))", COLORS[a as usize])];
                }
            }
        }
    }
    Vec::new()
}

/// Hole counts: where every changed object takes a colour its number of holes fixes (the same
/// count the same colour on every demonstration, an object whose count maps to no colour left as
/// it is), one fill per count. A hole is a region of the background that does not touch the
/// border, counted for an object when the upper left corner of the hole's box lies in the
/// object's box: `fill(G, A, mfilter(O, compose(rbind(equality, N), compose(size, compose(lbind(intersection, R),
/// backdrop)))))`, `R` the holes' corners.
pub fn hole_count_recolours(train: &[(GridData, GridData)]) -> Vec<String> {
    let (univalued, diagonal) = (true, false);
    let Some(demos) = recoloured(train, univalued, diagonal) else { return Vec::new() };
    let mut by_count: Vec<(usize, u8)> = Vec::new();
    // Every object's (hole count, colour, colour in the output).
    let mut objs: Vec<(usize, u8, u8)> = Vec::new();
    let mut changed_on = 0;
    for ((i, _), d) in train.iter().zip(&demos) {
        let bg = crate::rules::most_color(i);
        let corners: Vec<(usize, usize)> = crate::rules::components(i, |c| c == bg)
            .into_iter()
            .filter(|cells| {
                !cells
                    .iter()
                    .any(|&k| k < i.w || k >= i.cells.len() - i.w || k % i.w == 0 || k % i.w == i.w - 1)
            })
            .map(|cells| {
                let (r, q, _, _) = box_of(i, &cells);
                (r, q)
            })
            .collect();
        let mut here = false;
        for (cells, out) in d.objs.iter().zip(&d.outs) {
            let (r0, q0, h, w) = box_of(i, cells);
            let n = corners.iter().filter(|&&(r, q)| r >= r0 && r < r0 + h && q >= q0 && q < q0 + w).count();
            let own = i.cells[cells[0]];
            let Some(a) = *out else { return Vec::new() };
            objs.push((n, own, a));
            here |= a != own;
        }
        changed_on += usize::from(here);
    }
    for &(n, own, a) in &objs {
        if a == own {
            continue;
        }
        match by_count.iter().find(|(m, _)| *m == n) {
            Some(&(_, c)) if c != a => return Vec::new(),
            Some(_) => {}
            None => by_count.push((n, a)),
        }
    }
    // Every object whose count maps to a colour takes it; every other stays.
    let holds =
        objs.iter().all(|&(n, own, a)| by_count.iter().find(|(m, _)| *m == n).map_or(own, |&(_, c)| c) == a);
    if !holds || by_count.len() < 2 || changed_on < train.len().min(2) {
        return Vec::new();
    }
    by_count.sort_unstable();
    let objs = objects_text(univalued, diagonal);
    let holes = "apply(ulcorner, sfilter(colorfilter(objects(X, T, F, F), mostcolor(X)), compose(flip, rbind(bordering, X))))";
    let mut g = "X".to_string();
    for (n, a) in by_count {
        let Some(count) = (n <= 9).then(|| COLORS[n]) else { return Vec::new() };
        g = format!(
            "fill({g}, {}, mfilter({objs}, compose(rbind(equality, {count}), compose(size, compose(lbind(intersection, {holes}), backdrop)))))",
            COLORS[a as usize]
        );
    }
    vec![g]
}

/// Candidate periods of [`periodic_repairs`]: shifts of 1 to `PERIOD_SHIFTS - 1` cells down a
/// column or along a row (arc-dsl: `interval(ONE, add(TEN, FIVE), ONE)`); each valid one is used
/// either way.
const PERIOD_SHIFTS: i32 = 15;

/// One pass of [`periodic_repairs`] on `g`: `None` where two valid shifts paint one cell with two
/// colours (the kernels' order of painting would decide).
fn periodic_pass(g: &GridData, z: u8) -> Option<GridData> {
    let kept = kept_cells(g, z);
    let shifts = (1..PERIOD_SHIFTS).flat_map(|k| [(k, 0), (0, k), (-k, 0), (0, -k)]);
    paint_agreeing(g, z, kept.len(), shifts.map(|(dr, dc)| shifted(&kept, dr, dc)))
}

/// The cells of `g` not of colour `z`, as `(row, column, colour)`.
fn kept_cells(g: &GridData, z: u8) -> Vec<(i32, i32, u8)> {
    (0..g.cells.len())
        .filter(|&k| g.cells[k] != z)
        .map(|k| ((k / g.w) as i32, (k % g.w) as i32, g.cells[k]))
        .collect()
}

fn shifted(cells: &[(i32, i32, u8)], dr: i32, dc: i32) -> Vec<(i32, i32, u8)> {
    cells.iter().map(|&(r, c, v)| (r + dr, c + dc, v)).collect()
}

/// The periodic and mirror repairs' rule: `g`'s `z` cells painted from images of its other cells
/// (`kept` of them), each image counting where it agrees with every non-`z` cell it lands on, on
/// more than a third of them; `None` where two images paint one cell with two colours (the
/// kernels' order of painting would decide).
fn paint_agreeing(
    g: &GridData,
    z: u8,
    kept: usize,
    images: impl Iterator<Item = Vec<(i32, i32, u8)>>,
) -> Option<GridData> {
    let (h, w) = (g.h as i32, g.w as i32);
    let at = |r: i32, c: i32| (r >= 0 && c >= 0 && r < h && c < w).then(|| g.cells[(r * w + c) as usize]);
    let mut out = g.clone();
    let mut painted = vec![false; g.cells.len()];
    for image in images {
        let (mut overlap, mut agree) = (0usize, 0usize);
        for &(r, c, v) in &image {
            if let Some(u) = at(r, c).filter(|&u| u != z) {
                overlap += 1;
                agree += usize::from(u == v);
            }
        }
        if agree != overlap || 3 * overlap <= kept {
            continue;
        }
        for &(r, c, v) in &image {
            if at(r, c) == Some(z) {
                let k = (r * w + c) as usize;
                if painted[k] && out.cells[k] != v {
                    return None;
                }
                painted[k] = true;
                out.cells[k] = v;
            }
        }
    }
    Some(out)
}

/// Periodic repairs with each grid's own period: where every cell the outputs change shows one
/// colour `Z` in the inputs, and two passes of "each `Z` cell takes the colour of the cell one
/// period back or forth, where that is not `Z`" rebuild every output, a period being any shift
/// down a column or along a row (1 to 14 cells) under which the grid's non-`Z` cells agree with
/// themselves wherever both are, on more than a third of them. The periods are read off each grid
/// by the program, so they may differ per demonstration (tilings with holes of `Z`):
/// `paint(G, mapply(F, combine(V, apply(invert, V))))`, `V = sfilter(S, P)` the valid shifts of
/// `S` (`P` the agreement test over `N`, the non-`Z` cells), `F` a shift's image of the grid on its
/// `Z` cells less the `Z`-coloured ones (`merge` then holds only repaired cells, within the kernels'
/// item limit).
pub fn periodic_repairs(train: &[(GridData, GridData)]) -> Vec<String> {
    let Some(z) = repaired_colour(train) else { return Vec::new() };
    let fits = train
        .iter()
        .all(|(i, o)| periodic_pass(i, z).and_then(|g| periodic_pass(&g, z)).is_some_and(|g| g == *o));
    if !fits {
        return Vec::new();
    }
    let zc = COLORS[z as usize];
    let range = "interval(ONE, add(TEN, FIVE), ONE)";
    let shifts = format!("combine(apply(toivec, {range}), apply(tojvec, {range}))");
    let pass = |g: &str| -> String {
        let holes = format!("ofcolor({g}, {zc})");
        let n = format!("difference(asobject({g}), recolor({zc}, {holes}))");
        let agree = format!("compose(size, compose(rbind(intersection, {n}), lbind(shift, {n})))");
        let overlap = format!(
            "compose(size, compose(rbind(intersection, toindices({n})), compose(toindices, lbind(shift, {n}))))"
        );
        let test = format!(
            "fork(both, fork(equality, {agree}, {overlap}), compose(rbind(greater, size({n})), \
             compose(rbind(multiply, THREE), {overlap})))"
        );
        let valid = format!("sfilter({shifts}, {test})");
        let image = format!(
            "compose(rbind(difference, recolor({zc}, {holes})), fork(shift, compose(rbind(toobject, {g}), \
             compose(lbind(shift, {holes}), invert)), identity))"
        );
        format!("paint({g}, mapply({image}, combine({valid}, apply(invert, {valid}))))")
    };
    vec![pass(&pass("X"))]
}

/// The one colour every cell the outputs change shows in the inputs (same shapes; `None` where
/// there are several, or no change).
fn repaired_colour(train: &[(GridData, GridData)]) -> Option<u8> {
    if train.is_empty() || !train.iter().all(|(i, o)| i.h == o.h && i.w == o.w) {
        return None;
    }
    let mut z = None;
    for (i, o) in train {
        for (&a, &b) in i.cells.iter().zip(&o.cells) {
            if a != b && z.replace(a).is_some_and(|c| c != a) {
                return None;
            }
        }
    }
    z
}

/// The mirrors of [`mirror_repairs`]: arc-dsl's patch mirror and the direction its axis moves in
/// (a shift by `k` times it), as a constant and as a step.
const REPAIR_MIRRORS: [(&str, &str, (i32, i32)); 4] = [
    ("hmirror", "DOWN", (1, 0)),
    ("vmirror", "RIGHT", (0, 1)),
    ("dmirror", "DOWN_LEFT", (1, -1)),
    ("cmirror", "UNITY", (1, 1)),
];

/// Most steps of a mirror's axis either way ([`mirror_repairs`]: `k` from -14 to 14).
const MIRROR_STEPS: i32 = 14;

/// arc-dsl's mirror `m` (index into [`REPAIR_MIRRORS`]) of a patch: about the patch's own box.
fn patch_mirror(m: usize, cells: &[(i32, i32, u8)]) -> Vec<(i32, i32, u8)> {
    let r0 = cells.iter().map(|p| p.0).min().unwrap_or(0);
    let r1 = cells.iter().map(|p| p.0).max().unwrap_or(0);
    let c0 = cells.iter().map(|p| p.1).min().unwrap_or(0);
    let c1 = cells.iter().map(|p| p.1).max().unwrap_or(0);
    match m {
        0 => cells.iter().map(|&(r, c, v)| (r0 + r1 - r, c, v)).collect(),
        1 => cells.iter().map(|&(r, c, v)| (r, c0 + c1 - c, v)).collect(),
        2 => cells.iter().map(|&(r, c, v)| (c - c0 + r0, r - r0 + c0, v)).collect(),
        // cmirror = vmirror(dmirror(vmirror(patch))).
        _ => patch_mirror(1, &patch_mirror(2, &patch_mirror(1, cells))),
    }
}

/// [`mirror_repairs`]' rule on `g`: `None` where two valid mirrors paint one cell with two colours.
fn mirror_pass(g: &GridData, z: u8) -> Option<GridData> {
    let kept = kept_cells(g, z);
    let images = REPAIR_MIRRORS.iter().enumerate().flat_map(|(m, &(_, _, (dr, dc)))| {
        let image = patch_mirror(m, &kept);
        (-MIRROR_STEPS..=MIRROR_STEPS).map(move |k| shifted(&image, k * dr, k * dc))
    });
    paint_agreeing(g, z, kept.len(), images)
}

/// Mirror repairs with each grid's own axes: where every cell the outputs change shows one colour
/// `Z` in the inputs, and "each `Z` cell takes the colour of its mirror image, where that is not
/// `Z`" rebuilds every output, for every mirror (up-down, left-right, either diagonal) about an
/// axis under which the grid's non-`Z` cells agree with their image wherever both are, on more
/// than a third of them. The axes are read off each grid by the program (a symmetric picture with
/// a hole, its centre anywhere): per mirror `M`, the image `shift(M(N), k * D)` of the non-`Z`
/// cells `N` for `k` from -14 to 14 (`D` the direction the axis moves in), kept where it agrees,
/// painted on the `Z` cells: `paint(G, mapply(F, sfilter(S, P)))`, one paint per mirror.
pub fn mirror_repairs(train: &[(GridData, GridData)]) -> Vec<String> {
    let Some(z) = repaired_colour(train) else { return Vec::new() };
    if !train.iter().all(|(i, o)| mirror_pass(i, z).is_some_and(|g| g == *o)) {
        return Vec::new();
    }
    vec![mirror_repair_text(z)]
}

/// [`mirror_repairs`]' program for the colour `z`: `X` with its `z` cells repaired.
fn mirror_repair_text(z: u8) -> String {
    let zc = COLORS[z as usize];
    let steps = "interval(invert(add(TEN, FOUR)), add(TEN, FIVE), ONE)";
    let holes = format!("ofcolor(X, {zc})");
    let n = format!("difference(asobject(X), recolor({zc}, {holes}))");
    let mut g = "X".to_string();
    for (m, d, _) in REPAIR_MIRRORS {
        let agree = format!("compose(size, compose(rbind(intersection, {n}), lbind(shift, {m}({n}))))");
        let overlap = format!(
            "compose(size, compose(rbind(intersection, toindices({n})), compose(toindices, lbind(shift, {m}({n})))))"
        );
        let test = format!(
            "fork(both, fork(equality, {agree}, {overlap}), compose(rbind(greater, size({n})), \
             compose(rbind(multiply, THREE), {overlap})))"
        );
        let image = format!(
            "compose(rbind(difference, recolor({zc}, {holes})), compose(lbind(toobject, {holes}), \
             compose(lbind(paint, canvas({zc}, shape(X))), lbind(shift, {m}({n})))))"
        );
        g = format!("paint({g}, mapply({image}, sfilter(apply(rbind(multiply, {d}), {steps}), {test})))");
    }
    g
}

/// Mirror repairs, the hole cut out: where every output is the box of the input's cells of one
/// colour `Z` (a hole in a symmetric picture, e.g. 0934a4d8's 8s) cut from the input repaired as
/// [`mirror_repairs`] does, each grid's own axes read off the grid, and the repair leaves no `Z`
/// cell in the box, on every demonstration and test input (a hole the mirrors do not reach, as on
/// 0934a4d8's test, gives no rule rather than a guess):
/// `subgrid(ofcolor(X, Z), R)`, `R` [`mirror_repairs`]' program.
pub fn cropped_mirror_repairs(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    if train.len() < 2 || !crate::extracts::changes_shape(train) {
        return Vec::new();
    }
    let cut = |g: &GridData, z: u8| -> Option<GridData> {
        let cells: Vec<usize> = (0..g.cells.len()).filter(|&k| g.cells[k] == z).collect();
        let (r0, c0, h, w) = box_of(g, cells.first().map(|_| &cells[..])?);
        let repaired = mirror_pass(g, z)?;
        let out: Vec<u8> = (0..h * w).map(|k| repaired.cells[(r0 + k / w) * g.w + c0 + k % w]).collect();
        (!out.contains(&z)).then_some(GridData { h, w, cells: out })
    };
    for z in 0..10u8 {
        if train.iter().all(|(i, o)| cut(i, z).as_ref() == Some(o))
            && tests.iter().all(|t| cut(t, z).is_some())
        {
            return vec![format!("subgrid(ofcolor(X, {}), {})", COLORS[z as usize], mirror_repair_text(z))];
        }
    }
    Vec::new()
}

/// arc-dsl's `backdrop(inbox(patch))` of a cell list: the box one cell inside the patch's box (its
/// corners swapped where the box is thinner than three cells, as `inbox` does), as row and column
/// ranges (inclusive, possibly off the grid).
fn inner_box(g: &GridData, cells: &[usize]) -> (i64, i64, i64, i64) {
    let (r0, c0, h, w) = box_of(g, cells);
    let (r0, c0, h, w) = (r0 as i64, c0 as i64, h as i64, w as i64);
    let (ai, bi, aj, bj) = (r0 + 1, r0 + h - 2, c0 + 1, c0 + w - 2);
    (ai.min(bi), ai.max(bi), aj.min(bj), aj.max(bj))
}

/// Nested recolours: every cell off the background inside the box of a top-level object (one
/// with no cell inside another object's box) takes that object's colour, where that rebuilds
/// every output (a container's colour spreads to what it holds). Per colour `D` the inputs show
/// (test inputs included), in colour order: `fill(G, D, intersection(mapply(compose(backdrop,
/// inbox), sfilter(colorfilter(O, D), T)), F))`, `T` "no cell inside another object's box", `F`
/// the cells off the background.
pub fn nested_recolours(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    if train.is_empty()
        || !train.iter().all(|(i, o)| i.h == o.h && i.w == o.w)
        || train.iter().filter(|(i, o)| i != o).count() < train.len().min(2)
    {
        return Vec::new();
    }
    let shown = crate::rules::shown_colours(train, tests);
    for diagonal in [false, true] {
        let fits = train.iter().all(|(i, o)| {
            let bg = crate::rules::most_color(i);
            let objs = objects(i, bg, true, diagonal);
            let boxes: Vec<(i64, i64, i64, i64)> = objs.iter().map(|c| inner_box(i, c)).collect();
            let inside = |k: usize, b: &(i64, i64, i64, i64)| {
                let (r, c) = ((k / i.w) as i64, (k % i.w) as i64);
                r >= b.0 && r <= b.1 && c >= b.2 && c <= b.3
            };
            let mut g = i.clone();
            for d in (0..10u8).filter(|&d| shown[d as usize]) {
                for (cells, b) in objs.iter().zip(&boxes) {
                    if i.cells[cells[0]] != d || cells.iter().any(|&k| boxes.iter().any(|b2| inside(k, b2))) {
                        continue;
                    }
                    for k in (0..i.cells.len()).filter(|&k| i.cells[k] != bg && inside(k, b)) {
                        g.cells[k] = d;
                    }
                }
            }
            g == *o
        });
        if !fits {
            continue;
        }
        let objs = objects_text(true, diagonal);
        let top = format!(
            "compose(flip, compose(positive, compose(size, compose(rbind(intersection, mapply(compose(backdrop, \
             inbox), {objs})), toindices))))"
        );
        let off = "difference(asindices(X), ofcolor(X, mostcolor(X)))";
        let mut g = "X".to_string();
        for d in (0..10u8).filter(|&d| shown[d as usize]) {
            g = format!(
                "fill({g}, {dc}, intersection(mapply(compose(backdrop, inbox), sfilter(colorfilter({objs}, {dc}), \
                 {top})), {off}))",
                dc = COLORS[d as usize]
            );
        }
        return vec![g];
    }
    Vec::new()
}

/// Mirror completions inside containers: per colour `D` (in colour order, every colour the inputs
/// show, test inputs included), the cells of other colours in the box of each `D` object are
/// mirrored up-down and left-right about that box's centre and painted where the grid shows its
/// background, where that rebuilds every output (a picture in a frame made symmetric):
/// `underpaint(G, sfilter(combine(mapply(compose(hmirror, compose(rbind(toobject, X), backdrop)),
/// colorfilter(O, D)), <the same with vmirror>), compose(flip, compose(rbind(equality, D), first))))`.
pub fn contained_symmetries(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    if train.is_empty()
        || !train.iter().all(|(i, o)| i.h == o.h && i.w == o.w)
        || train.iter().filter(|(i, o)| i != o).count() < train.len().min(2)
    {
        return Vec::new();
    }
    let shown = crate::rules::shown_colours(train, tests);
    for diagonal in [false, true] {
        let fits = train.iter().all(|(i, o)| {
            let objs = objects(i, crate::rules::most_color(i), true, diagonal);
            let mut g = i.clone();
            for d in (0..10u8).filter(|&d| shown[d as usize]) {
                let bg = crate::rules::most_color(&g);
                let mut paint: Vec<Option<u8>> = vec![None; g.cells.len()];
                for cells in objs.iter().filter(|c| i.cells[c[0]] == d) {
                    let (r0, c0, h, w) = box_of(i, cells);
                    for r in r0..r0 + h {
                        for c in c0..c0 + w {
                            // Painting the background on the background changes nothing.
                            let v = i.cells[r * i.w + c];
                            if v == d || v == bg {
                                continue;
                            }
                            for (rr, cc) in [(2 * r0 + h - 1 - r, c), (r, 2 * c0 + w - 1 - c)] {
                                let k = rr * i.w + cc;
                                if paint[k].is_some_and(|p| p != v) {
                                    return false;
                                }
                                paint[k] = Some(v);
                            }
                        }
                    }
                }
                for (k, p) in paint.iter().enumerate() {
                    if let Some(v) = *p {
                        if g.cells[k] == bg {
                            g.cells[k] = v;
                        }
                    }
                }
            }
            g == *o
        });
        if !fits {
            continue;
        }
        let objs = objects_text(true, diagonal);
        let mut g = "X".to_string();
        for d in (0..10u8).filter(|&d| shown[d as usize]) {
            let dc = COLORS[d as usize];
            let image = |m: &str| {
                format!(
                    "mapply(compose({m}, compose(rbind(toobject, X), backdrop)), colorfilter({objs}, {dc}))"
                )
            };
            g = format!(
                "underpaint({g}, sfilter(combine({}, {}), compose(flip, compose(rbind(equality, {dc}), first))))",
                image("hmirror"),
                image("vmirror")
            );
        }
        return vec![g];
    }
    Vec::new()
}

/// The corner mirrors of [`key_swaps`]: each brings one corner of the grid to its top left and is
/// its own inverse (arc-dsl text around `X`, `None` the identity).
const CORNERS: [Option<&str>; 4] = [None, Some("hmirror"), Some("vmirror"), Some("rot180")];

/// Corner mirror `k` of [`CORNERS`] applied to `g`.
fn corner(g: &GridData, k: usize) -> GridData {
    let (h, w) = (g.h, g.w);
    let cells = (0..h * w)
        .map(|n| {
            let (r, c) = (n / w, n % w);
            let (r, c) = match k {
                0 => (r, c),
                1 => (h - 1 - r, c),
                2 => (r, w - 1 - c),
                _ => (h - 1 - r, w - 1 - c),
            };
            g.cells[r * w + c]
        })
        .collect();
    GridData { h, w, cells }
}

/// Colour swaps given by a key: the 2 x 2 block in one corner of the grid holds two pairs of
/// colours (its rows, or its columns), and every other cell of one colour of a pair takes the
/// other (`switch`, both ways) or, one way, the first colour of a pair takes the second
/// (`replace`); the key itself stays. With the corner brought to the top left by a mirror `M`
/// (its own inverse): `M(paint(S(S(M(X), A, B), C, D), toobject(asindices(crop(M(X), ORIGIN,
/// TWO_BY_TWO)), M(X))))`, `A`...`D` the key's cells read by `index`. Every demonstration must
/// change some cell, and at least two demonstrations are needed.
pub fn key_swaps(train: &[(GridData, GridData)]) -> Vec<String> {
    if train.len() < 2
        || !train.iter().all(|(i, o)| i.h == o.h && i.w == o.w && i.h >= 3 && i.w >= 3)
        || train.iter().any(|(i, o)| i == o)
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, m) in CORNERS.iter().enumerate() {
        // Pairs by rows (ORIGIN with RIGHT, DOWN with UNITY) or by columns.
        for (pairs, names) in [
            ([(0usize, 1usize), (2, 3)], [("ORIGIN", "RIGHT"), ("DOWN", "UNITY")]),
            ([(0, 2), (1, 3)], [("ORIGIN", "DOWN"), ("RIGHT", "UNITY")]),
        ] {
            for swap in [true, false] {
                let fits = train.iter().all(|(i, o)| {
                    let (g, want) = (corner(i, k), corner(o, k));
                    let key = [g.cells[0], g.cells[1], g.cells[g.w], g.cells[g.w + 1]];
                    let mut r = g.clone();
                    for &(a, b) in &pairs {
                        let (a, b) = (key[a], key[b]);
                        for x in r.cells.iter_mut() {
                            if *x == a {
                                *x = b;
                            } else if swap && *x == b {
                                *x = a;
                            }
                        }
                    }
                    for n in [0, 1, g.w, g.w + 1] {
                        r.cells[n] = g.cells[n];
                    }
                    r == want
                });
                if !fits {
                    continue;
                }
                let y = match m {
                    Some(m) => format!("{m}(X)"),
                    None => "X".to_string(),
                };
                let f = if swap { "switch" } else { "replace" };
                let mut g = y.clone();
                for (a, b) in names {
                    g = format!("{f}({g}, index({y}, {a}), index({y}, {b}))");
                }
                let g = format!("paint({g}, toobject(asindices(crop({y}, ORIGIN, TWO_BY_TWO)), {y}))");
                out.push(match m {
                    Some(m) => format!("{m}({g})"),
                    None => g,
                });
                return out;
            }
        }
    }
    out
}

/// Most passes of [`shifted_repairs`].
const MAX_PASSES: usize = 12;

/// One pass of [`shifted_repairs`]: each `z` cell `p` takes the colour at `p - s` where that is in
/// the grid and not `z`, else the colour at `p + s` where that is; `None` where nothing changed.
fn shifted_pass(g: &GridData, z: u8, s: (i64, i64)) -> Option<GridData> {
    let mut out = g.clone();
    let at = |r: i64, c: i64| -> Option<u8> {
        (r >= 0 && c >= 0 && r < g.h as i64 && c < g.w as i64)
            .then(|| g.cells[r as usize * g.w + c as usize])
            .filter(|&v| v != z)
    };
    for k in 0..g.cells.len() {
        if g.cells[k] != z {
            continue;
        }
        let (r, c) = ((k / g.w) as i64, (k % g.w) as i64);
        if let Some(v) = at(r - s.0, c - s.1).or_else(|| at(r + s.0, c + s.1)) {
            out.cells[k] = v;
        }
    }
    (out != *g).then_some(out)
}

/// Passes of [`shifted_pass`] until nothing changes: the grid and the passes it took (`None` past
/// [`MAX_PASSES`]).
fn shifted_fill(g: &GridData, z: u8, s: (i64, i64)) -> Option<(GridData, usize)> {
    let mut cur = g.clone();
    for n in 0..=MAX_PASSES {
        match shifted_pass(&cur, z, s) {
            Some(next) => cur = next,
            None => return Some((cur, n)),
        }
    }
    None
}

/// Shifted repairs: where every cell the outputs change shows one colour `Z` in the inputs, each
/// `Z` cell takes the colour one shift `S` back (`k` cells along a row, a column or a diagonal,
/// `k` up to 8), or where that is off the grid or `Z`, one shift forth, pass after pass until
/// nothing changes (a pattern repeating along `S` whose holes reach a border on one side), on two
/// demonstrations at least; the first shift that rebuilds every output is the only one emitted.
/// One pass is the function `P = fork(paint, fork(paint, identity, B), A)`, `A` the holes'
/// colours one shift back less the `Z`-coloured ones (`fork(difference, compose(rbind(shift, S),
/// fork(toobject, compose(rbind(shift, invert(S)), rbind(ofcolor, Z)), identity)), compose(lbind(
/// recolor, Z), rbind(ofcolor, Z)))`), `B` the same forth; `n` passes (the most any grid of the
/// task, tests included, takes) are `first(apply(P, initset(...)))` nested `n` times.
pub fn shifted_repairs(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    if train.len() < 2 {
        return Vec::new();
    }
    let Some(z) = repaired_colour(train) else { return Vec::new() };
    let dirs = [
        ((0i64, 1i64), "RIGHT"),
        ((0, -1), "LEFT"),
        ((1, 0), "DOWN"),
        ((-1, 0), "UP"),
        ((1, 1), "UNITY"),
        ((-1, -1), "NEG_UNITY"),
        ((1, -1), "DOWN_LEFT"),
        ((-1, 1), "UP_RIGHT"),
    ];
    for k in 1..=8i64 {
        for &((dr, dc), dir) in &dirs {
            let s = (dr * k, dc * k);
            let mut passes = 0;
            let fits = train.iter().all(|(i, o)| {
                shifted_fill(i, z, s).is_some_and(|(g, n)| {
                    passes = passes.max(n);
                    g == *o
                })
            });
            if !fits || passes == 0 {
                continue;
            }
            for t in tests {
                match shifted_fill(t, z, s) {
                    Some((_, n)) => passes = passes.max(n),
                    None => return Vec::new(),
                }
            }
            let zc = COLORS[z as usize];
            let sv = format!("multiply({dir}, {})", COLORS[k as usize]);
            let holes = format!("rbind(ofcolor, {zc})");
            let moved = |from: &str, to: &str| {
                format!(
                    "fork(difference, compose(rbind(shift, {to}), fork(toobject, compose(rbind(shift, {from}), \
                     {holes}), identity)), compose(lbind(recolor, {zc}), {holes}))"
                )
            };
            let back = moved(&format!("invert({sv})"), &sv);
            let forth = moved(&sv, &format!("invert({sv})"));
            let pass = format!("fork(paint, fork(paint, identity, {forth}), {back})");
            let mut g = "X".to_string();
            for _ in 0..passes {
                g = format!("first(apply({pass}, initset({g})))");
            }
            return vec![g];
        }
    }
    Vec::new()
}

/// Dots drawn to their own colour: where on every demonstration the outputs change only
/// single-cell objects (4-connected, one colour, off the background) and background cells, each
/// such dot moving straight until it touches a larger object of its colour (arc-dsl's
/// `gravitate`: along a column where they share one, else along a row), dots of a colour with no
/// larger object either dropped or left. `M` the dots, `A` the larger objects, `T` a dot's target
/// `merge(colorfilter(A, color(m)))`: `paint(cover(X, merge(M)), mapply(fork(shift, identity,
/// fork(gravitate, identity, T)), sfilter(M, compose(positive, compose(size, T)))))` (dots with no
/// target covered too, or not).
pub fn dots_to_own_colour(train: &[(GridData, GridData)]) -> Vec<String> {
    if train.is_empty() || train.iter().all(|(i, o)| i == o) {
        return Vec::new();
    }
    for (i, o) in train {
        if i.h != o.h || i.w != o.w {
            return Vec::new();
        }
        let bg = crate::rules::most_color(i);
        let objs = objects(i, bg, true, false);
        let mut dot = vec![false; i.cells.len()];
        let mut dot_colours = [false; 10];
        let mut anchor_colours = [false; 10];
        for cells in &objs {
            let c = i.cells[cells[0]] as usize % 10;
            if cells.len() == 1 {
                dot[cells[0]] = true;
                dot_colours[c] = true;
            } else {
                anchor_colours[c] = true;
            }
        }
        // Some dot has a target, and every change is a dot leaving or arriving.
        if !(0..10).any(|c| dot_colours[c] && anchor_colours[c]) {
            return Vec::new();
        }
        let fits = (0..i.cells.len()).all(|k| {
            let (a, b) = (i.cells[k], o.cells[k]);
            a == b || (dot[k] && b == bg) || (a == bg && dot_colours[b as usize % 10])
        });
        if !fits {
            return Vec::new();
        }
    }
    let objs = objects_text(true, false);
    let dots = format!("sizefilter({objs}, ONE)");
    let anchors = format!("difference({objs}, {dots})");
    let target = format!("compose(merge, compose(lbind(colorfilter, {anchors}), color))");
    let led = format!("sfilter({dots}, compose(positive, compose(size, {target})))");
    let moved = format!("mapply(fork(shift, identity, fork(gravitate, identity, {target})), {led})");
    ["dots", "led"]
        .iter()
        .map(|covered| {
            let covered = if *covered == "dots" { &dots } else { &led };
            format!("paint(cover(X, merge({covered})), {moved})")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grids::parse;

    fn rows(rs: &[&str]) -> GridData {
        GridData::from_rows(rs)
    }

    #[test]
    fn images_are_the_eight_symmetries() {
        let l = vec![(0, 0), (1, 0), (1, 1)];
        let all: std::collections::HashSet<Vec<(i32, i32)>> = (0..8).map(|k| image(&l, k)).collect();
        assert_eq!(all.len(), 4);
        assert_eq!(image(&l, 0), l);
    }

    #[test]
    fn legend_recolour_is_read_and_parses() {
        let train = vec![
            (
                rows(&["20000", "22055", "00005", "50000", "55000"]),
                rows(&["20000", "22022", "00002", "20000", "22000"]),
            ),
            (
                rows(&["10000", "10550", "00000", "55000", "00000"]),
                rows(&["10000", "10110", "00000", "11000", "00000"]),
            ),
        ];
        let t = legend_recolours(&train, &[]);
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0].contains("vmirror"), "{}", t[0]);
        parse(&t[0], None).expect("a valid template");
    }

    #[test]
    fn predicate_recolour_is_read_and_parses() {
        let train = vec![
            (rows(&["5500", "0000", "0550", "0000"]), rows(&["2200", "0000", "0550", "0000"])),
            (rows(&["0000", "0050", "0050", "5000"]), rows(&["0000", "0050", "0050", "2000"])),
        ];
        let t = predicate_recolours(&train);
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0].contains("bordering"), "{}", t[0]);
        parse(&t[0], None).expect("a valid template");
    }

    /// The template run by the interpreter on `inputs` gives `outputs`.
    fn rebuilds(template: &str, inputs: &[GridData], outputs: &[GridData]) -> bool {
        let inputs: Vec<&GridData> = inputs.iter().collect();
        crate::confirm(&crate::template_program(template), &inputs, outputs).is_some()
    }

    #[test]
    fn objects_holding_a_hole_are_recoloured() {
        // Rings turn 3; the L and the U (open, not full boxes) stay 1.
        let train = vec![
            (
                rows(&["0000000", "0111010", "0101010", "0111011", "0000000", "0110000", "0100000"]),
                rows(&["0000000", "0333010", "0303010", "0333011", "0000000", "0110000", "0100000"]),
            ),
            (
                rows(&["0000000", "1010000", "1110000", "0000000", "0011110", "0010010", "0011110"]),
                rows(&["0000000", "1010000", "1110000", "0000000", "0033330", "0030030", "0033330"]),
            ),
        ];
        let t = predicate_recolours(&train);
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0].contains("backdrop"), "{}", t[0]);
        let (inputs, outputs): (Vec<GridData>, Vec<GridData>) = train.iter().cloned().unzip();
        assert!(rebuilds(&t[0], &inputs, &outputs), "{}", t[0]);
        // A new ring shape on an unseen grid is recoloured; a bar is not.
        let unseen = rows(&["00000", "01110", "01010", "01010", "01110", "00000", "11000"]);
        let want = rows(&["00000", "03330", "03030", "03030", "03330", "00000", "11000"]);
        assert!(rebuilds(&t[0], &[unseen], &[want]), "{}", t[0]);
    }

    #[test]
    fn regions_picked_by_a_property_are_filled() {
        // Closed square holes of 0 turn 2; a closed 2 x 1 hole and the open regions stay 0.
        let train = vec![
            (
                rows(&["0000000", "0555500", "0500500", "0500500", "0555500", "0000000", "0000000"]),
                rows(&["0000000", "0555500", "0522500", "0522500", "0555500", "0000000", "0000000"]),
            ),
            (
                rows(&["0000000", "5555000", "5005000", "5005000", "5555555", "0005005", "0005555"]),
                rows(&["0000000", "5555000", "5225000", "5225000", "5555555", "0005005", "0005555"]),
            ),
            (
                rows(&["5555000", "5005000", "5005500", "5555555", "0000505", "0000505", "0000555"]),
                rows(&["5555000", "5225000", "5225500", "5555555", "0000505", "0000505", "0000555"]),
            ),
        ];
        let t = region_recolours(&train);
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0].contains("square"), "{}", t[0]);
        let (inputs, outputs): (Vec<GridData>, Vec<GridData>) = train.iter().cloned().unzip();
        assert!(rebuilds(&t[0], &inputs, &outputs), "{}", t[0]);
    }

    #[test]
    fn regions_by_size_rank_are_filled() {
        // Compartments cut by lines of 2: the largest turns 1, the smallest (all of them) 8.
        let train = vec![
            (
                rows(&["00200000", "00200000", "22222222", "00020000", "00020000"]),
                rows(&["88211111", "88211111", "22222222", "00020000", "00020000"]),
            ),
            (
                rows(&["000200", "000200", "000222", "000200", "222200", "000200"]),
                rows(&["111200", "111200", "111222", "111200", "222200", "888200"]),
            ),
        ];
        let t = region_recolours(&train);
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0].contains("valmax") && t[0].contains("valmin"), "{}", t[0]);
        let (inputs, outputs): (Vec<GridData>, Vec<GridData>) = train.iter().cloned().unzip();
        assert!(rebuilds(&t[0], &inputs, &outputs), "{}", t[0]);
    }

    #[test]
    fn dots_move_to_their_own_colour() {
        // Each dot moves straight to the line of its colour; the 6 and the 1 have none and go.
        let train = vec![
            (
                rows(&["300000", "300030", "300000", "300400", "300060", "044444"]),
                rows(&["300000", "330000", "300000", "300000", "300400", "044444"]),
            ),
            (
                rows(&["22222", "00000", "00010", "00000", "02000"]),
                rows(&["22222", "02000", "00000", "00000", "00000"]),
            ),
        ];
        let t = dots_to_own_colour(&train);
        assert_eq!(t.len(), 2, "{t:?}");
        let (inputs, outputs): (Vec<GridData>, Vec<GridData>) = train.iter().cloned().unzip();
        assert!(rebuilds(&t[0], &inputs, &outputs), "{}", t[0]);
        // Leaving the dots with no line of their colour is the other reading, wrong here.
        assert!(!rebuilds(&t[1], &inputs, &outputs), "{}", t[1]);
        // A change that is no dot's move reads no rule.
        let mut other = train.clone();
        other[1].1.cells[0] = 5;
        assert!(dots_to_own_colour(&other).is_empty());
    }

    #[test]
    fn extreme_recolour_is_read_and_parses() {
        // The object with the most 3s, or the fewest 1s (several colours each), turns 0.
        let train = vec![
            (
                rows(&["33000", "31000", "00000", "11111", "00003"]),
                rows(&["00000", "00000", "00000", "11111", "00003"]),
            ),
            (
                rows(&["11000", "00000", "03300", "00300", "00000"]),
                rows(&["11000", "00000", "00000", "00000", "00000"]),
            ),
        ];
        let t = extreme_recolours(&train, &[]);
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0].contains("colorcount"), "{}", t[0]);
        parse(&t[0], None).expect("a valid template");
    }

    #[test]
    fn hole_count_recolour_is_read_and_parses() {
        let train = vec![
            (
                rows(&["00000000000", "08880888880", "08080808080", "08880888880", "00000000000"]),
                rows(&["00000000000", "01110222220", "01010202020", "01110222220", "00000000000"]),
            ),
            (
                rows(&["0000000", "0888880", "0808080", "0888880", "0000000", "0888000", "0000000"]),
                rows(&["0000000", "0222220", "0202020", "0222220", "0000000", "0888000", "0000000"]),
            ),
        ];
        let t = hole_count_recolours(&train);
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0].contains("ulcorner"), "{}", t[0]);
        parse(&t[0], None).expect("a valid template");
    }
    #[test]
    fn periodic_repair_is_read_and_parses() {
        // Row patterns of period 3 and 4 (one per demonstration), holes of 0 to fill.
        let train = vec![
            (
                rows(&["123123123", "231231231", "312002312", "123003123", "231231231"]),
                rows(&["123123123", "231231231", "312312312", "123123123", "231231231"]),
            ),
            (
                rows(&["12341234", "23412341", "34100412", "41200123", "12341234", "23412341"]),
                rows(&["12341234", "23412341", "34123412", "41234123", "12341234", "23412341"]),
            ),
        ];
        let t = periodic_repairs(&train);
        assert_eq!(t.len(), 1, "{t:?}");
        parse(&t[0], None).expect("a valid template");
        // The interpreter rebuilds every output.
        let program = format!(
            "def solve(I):\n    O = {}\n    return O\n",
            t[0].replace("(X", "(I").replace(", X)", ", I)")
        );
        let inputs: Vec<&GridData> = train.iter().map(|p| &p.0).collect();
        let outputs: Vec<GridData> = train.iter().map(|p| p.1.clone()).collect();
        assert!(crate::confirm(&program, &inputs, &outputs).is_some(), "{program}");
    }

    #[test]
    fn mirror_repair_is_read_and_parses() {
        // Left-right symmetric pictures about different axes (off the grid's centre in the second),
        // a hole of 0 in each.
        let train = vec![
            (
                rows(&["512215", "342203", "567765", "123321"]),
                rows(&["512215", "342243", "567765", "123321"]),
            ),
            (
                rows(&["31232139", "45656049", "78979879", "12313219"]),
                rows(&["31232139", "45656549", "78979879", "12313219"]),
            ),
        ];
        let t = mirror_repairs(&train);
        assert_eq!(t.len(), 1, "{t:?}");
        parse(&t[0], None).expect("a valid template");
        let program = format!(
            "def solve(I):\n    O = {}\n    return O\n",
            t[0].replace("(X", "(I").replace(", X)", ", I)")
        );
        let inputs: Vec<&GridData> = train.iter().map(|p| &p.0).collect();
        let outputs: Vec<GridData> = train.iter().map(|p| p.1.clone()).collect();
        assert!(crate::confirm(&program, &inputs, &outputs).is_some(), "{program}");
    }

    #[test]
    fn cropped_mirror_repair_answers_the_hole() {
        // The same symmetric pictures, the answer only the hole's box, repaired.
        let train = vec![
            (rows(&["512215", "342203", "567705", "123321"]), rows(&["4", "6"])),
            (rows(&["31232139", "45656049", "78979079", "12313219"]), rows(&["5", "8"])),
        ];
        let test = rows(&["9876789", "1234001", "5678765"]);
        let t = cropped_mirror_repairs(&train, std::slice::from_ref(&test));
        assert_eq!(t.len(), 1, "{t:?}");
        let answers = crate::confirm_template(&t[0], &train, std::slice::from_ref(&test))
            .expect("it rebuilds the demonstrations");
        assert_eq!(answers[0].as_ref(), Some(&rows(&["32"])));
        // A hole on the axis itself (no image reaches it) on a test input: no rule.
        let on_axis = rows(&["9876789", "1230321", "5678765"]);
        assert!(cropped_mirror_repairs(&train, &[on_axis]).is_empty());
        // An answer that is not the repaired hole: no rule.
        let mut broken = train.clone();
        broken[1].1 = rows(&["5", "7"]);
        assert!(cropped_mirror_repairs(&broken, &[test]).is_empty());
    }

    #[test]
    fn nested_recolour_is_read_and_parses() {
        // What a frame holds takes the frame's colour; the frame inside a frame too.
        let train = vec![
            (
                rows(&["2222220", "2000020", "2033020", "2000020", "2222220", "0000000", "0040000"]),
                rows(&["2222220", "2000020", "2022020", "2000020", "2222220", "0000000", "0040000"]),
            ),
            (
                rows(&[
                    "00000000", "03333333", "03000003", "03044403", "03040403", "03044403", "03000003",
                    "03333333",
                ]),
                rows(&[
                    "00000000", "03333333", "03000003", "03033303", "03030303", "03033303", "03000003",
                    "03333333",
                ]),
            ),
        ];
        let t = nested_recolours(&train, &[]);
        assert_eq!(t.len(), 1, "{t:?}");
        parse(&t[0], None).expect("a valid template");
        let program = format!(
            "def solve(I):\n    O = {}\n    return O\n",
            t[0].replace("(X", "(I").replace(", X)", ", I)")
        );
        let inputs: Vec<&GridData> = train.iter().map(|p| &p.0).collect();
        let outputs: Vec<GridData> = train.iter().map(|p| p.1.clone()).collect();
        assert!(crate::confirm(&program, &inputs, &outputs).is_some(), "{program}");
    }

    #[test]
    fn contained_symmetry_is_read_and_parses() {
        // The picture in each frame is made symmetric about the frame's centre lines.
        let train = vec![
            (
                rows(&[
                    "000000000",
                    "088888880",
                    "080000080",
                    "082200080",
                    "080000080",
                    "088888880",
                    "000000000",
                ]),
                rows(&[
                    "000000000",
                    "088888880",
                    "080000080",
                    "082202280",
                    "080000080",
                    "088888880",
                    "000000000",
                ]),
            ),
            (
                rows(&[
                    "0000000", "0888880", "0830080", "0800080", "0800080", "0888880", "0000000", "0000000",
                ]),
                rows(&[
                    "0000000", "0888880", "0830380", "0800080", "0830080", "0888880", "0000000", "0000000",
                ]),
            ),
        ];
        let t = contained_symmetries(&train, &[]);
        assert_eq!(t.len(), 1, "{t:?}");
        parse(&t[0], None).expect("a valid template");
        let program = format!(
            "def solve(I):\n    O = {}\n    return O\n",
            t[0].replace("(X", "(I").replace(", X)", ", I)")
        );
        let inputs: Vec<&GridData> = train.iter().map(|p| &p.0).collect();
        let outputs: Vec<GridData> = train.iter().map(|p| p.1.clone()).collect();
        assert!(crate::confirm(&program, &inputs, &outputs).is_some(), "{program}");
    }

    #[test]
    fn key_swap_is_read_and_parses() {
        // The key in the bottom-right corner swaps 1 with 2 and 3 with 4 elsewhere.
        let train = vec![
            (
                rows(&["01200", "03400", "00000", "00012", "00034"]),
                rows(&["02100", "04300", "00000", "00012", "00034"]),
            ),
            (
                rows(&["11000", "00300", "00000", "00012", "00034"]),
                rows(&["22000", "00400", "00000", "00012", "00034"]),
            ),
            (rows(&["0000", "0600", "0016", "0089"]), rows(&["0000", "0100", "0016", "0089"])),
        ];
        let t = key_swaps(&train);
        assert_eq!(t.len(), 1, "{t:?}");
        assert!(t[0].starts_with("rot180("), "{}", t[0]);
        parse(&t[0], None).expect("a valid template");
        let program = format!(
            "def solve(I):\n    O = {}\n    return O\n",
            t[0].replace("(X", "(I").replace(", X)", ", I)")
        );
        let inputs: Vec<&GridData> = train.iter().map(|p| &p.0).collect();
        let outputs: Vec<GridData> = train.iter().map(|p| p.1.clone()).collect();
        assert!(crate::confirm(&program, &inputs, &outputs).is_some(), "{program}");
    }

    #[test]
    fn shifted_repair_is_read_and_parses() {
        // Rows repeating 1 2 3 4 shifted by one each row, inside a border of 5 on the left: the
        // holes (0) take the colour one step up and right (down and left is the border).
        let train = vec![
            (
                rows(&["51234", "52340", "53002", "54103", "51234"]),
                rows(&["51234", "52341", "53412", "54123", "51234"]),
            ),
            (
                rows(&["52341", "53412", "54120", "51004", "52341"]),
                rows(&["52341", "53412", "54123", "51234", "52341"]),
            ),
        ];
        let t = shifted_repairs(&train, &[]);
        assert_eq!(t.len(), 1, "{t:?}");
        parse(&t[0], None).expect("a valid template");
        let program = format!(
            "def solve(I):\n    O = {}\n    return O\n",
            t[0].replace("(X", "(I").replace(", X)", ", I)")
        );
        let inputs: Vec<&GridData> = train.iter().map(|p| &p.0).collect();
        let outputs: Vec<GridData> = train.iter().map(|p| p.1.clone()).collect();
        assert!(crate::confirm(&program, &inputs, &outputs).is_some(), "{program}");
    }
}
