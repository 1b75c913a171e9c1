//! Result shapes known before a call: for the grid primitives whose result shape follows from their
//! arguments' shapes alone (rotations, mirrors, recolourings, halves, up- and downscaling,
//! concatenation), the shape each call would give. The enumeration uses it to order a round's grid
//! applications (those whose shapes on every demonstration are the outputs' first: only they can be
//! candidates) and, in the last round, to skip the ones that cannot be. A primitive not listed here is
//! [`Fit::Unknown`] and keeps its place; a wrong prediction could only lose a candidate, which the
//! test below guards against by comparing every prediction with the kernels' result.

use kernels::{Prim, Value};

/// Whether an application's results can have the demonstration outputs' shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    /// Predicted equal on every demonstration.
    Match,
    /// Not predicted.
    Unknown,
    /// Predicted different on some demonstration: never a candidate.
    Mismatch,
}

/// Whether [`predict`] knows `p`.
pub fn predicts(p: Prim) -> bool {
    use Prim::*;
    matches!(
        p,
        rot90
            | rot270
            | dmirror
            | cmirror
            | rot180
            | hmirror
            | vmirror
            | replace
            | switch
            | fill
            | paint
            | underfill
            | underpaint
            | cover
            | cellwise
            | tophalf
            | bottomhalf
            | lefthalf
            | righthalf
            | upscale
            | hupscale
            | vupscale
            | downscale
            | hconcat
            | vconcat
            | trim
            | crop
            | canvas
    )
}

/// The shape `p` gives on `args` (one input's argument values), when it follows from their shapes
/// alone and the call succeeds; `None` when not predicted.
pub fn predict(p: Prim, args: &[Value]) -> Option<(u32, u32)> {
    use Prim::*;
    let grid = |k: usize| match args.get(k) {
        Some(Value::Grid(g)) => Some((g.h, g.w)),
        _ => None,
    };
    let int = |k: usize| match args.get(k) {
        Some(Value::Int(i)) if *i > 0 && *i <= 30 => Some(*i as u32),
        _ => None,
    };
    let point = |k: usize| match args.get(k) {
        Some(Value::Point((a, b))) => Some((*a, *b)),
        _ => None,
    };
    if p == canvas {
        let (a, b) = point(1)?;
        return (a > 0 && b > 0 && matches!(args[0], Value::Int(0..=9))).then_some((a as u32, b as u32));
    }
    let (h, w) = grid(0)?;
    if h == 0 || w == 0 {
        return None;
    }
    let dims = match p {
        rot90 | rot270 | dmirror | cmirror => (w, h),
        rot180 | hmirror | vmirror | replace | switch | fill | paint | underfill | underpaint | cover => {
            (h, w)
        }
        cellwise => {
            // arc-dsl reads the second grid at the first's indices: equal shapes only.
            if grid(1)? != (h, w) {
                return None;
            }
            (h, w)
        }
        tophalf | bottomhalf => (h / 2, w),
        lefthalf | righthalf => (h, w / 2),
        upscale => (h * int(1)?, w * int(1)?),
        hupscale => (h, w * int(1)?),
        vupscale => (h * int(1)?, w),
        downscale => {
            let k = int(1)?;
            (h.div_ceil(k), w.div_ceil(k))
        }
        hconcat => {
            let (h2, w2) = grid(1)?;
            if h2 != h {
                return None;
            }
            (h, w + w2)
        }
        vconcat => {
            let (h2, w2) = grid(1)?;
            if w2 != w {
                return None;
            }
            (h + h2, w)
        }
        trim => (h.saturating_sub(2), w.saturating_sub(2)),
        crop => {
            // Python slices: a start inside the grid and positive sizes, clipped at its edges.
            let ((s0, s1), (d0, d1)) = (point(1)?, point(2)?);
            if s0 < 0 || s1 < 0 || s0 as u32 >= h || s1 as u32 >= w || d0 <= 0 || d1 <= 0 {
                return None;
            }
            ((d0 as u32).min(h - s0 as u32), (d1 as u32).min(w - s1 as u32))
        }
        _ => return None,
    };
    // An empty result's shape is the kernels' business (Python's `()` versus `((),)`): not predicted.
    (dims.0 > 0 && dims.1 > 0).then_some(dims)
}

/// Whether `p` on the arguments of every demonstration (`args(i)` for demonstration `i`) can give the
/// demonstration outputs' shapes (`outputs`).
pub fn fit<'v>(p: Prim, outputs: &[(u32, u32)], args: impl Fn(usize) -> [Value<'v>; 4], argc: usize) -> Fit {
    let mut all = true;
    for (i, &want) in outputs.iter().enumerate() {
        let a = args(i);
        match predict(p, &a[..argc]) {
            Some(got) if got != want => return Fit::Mismatch,
            Some(_) => {}
            None => all = false,
        }
    }
    if all && !outputs.is_empty() {
        Fit::Match
    } else {
        Fit::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernels::Ctx;

    /// Every prediction is the shape the kernels give (when they give a grid), on grids of many shapes
    /// and factors, including mismatched second grids.
    #[test]
    fn predictions_are_the_kernels_shapes() {
        let c = Ctx::default();
        let mut scratch = Ctx::default();
        let mut checked = 0;
        let mut seen = std::collections::HashSet::new();
        let shapes = [(1, 1), (1, 3), (2, 2), (3, 5), (4, 4), (5, 2), (7, 6)];
        for &(h, w) in &shapes {
            let cells: Vec<u8> = (0..h * w).map(|k| (k * 7 % 5) as u8).collect();
            let g = Value::Grid(c.grid_from(h, w, &cells));
            // its own context: a failure (no object in a 1x1 grid) ends what a context computes
            let oc = Ctx::default();
            let objs = kernels::dsl::fgpartition(&oc, g);
            let obj = kernels::dsl::first(&oc, objs);
            for &(h2, w2) in &shapes {
                let cells2: Vec<u8> = (0..h2 * w2).map(|k| (k % 3) as u8).collect();
                let g2 = Value::Grid(c.grid_from(h2, w2, &cells2));
                let mut arg_sets: Vec<Vec<Value>> = vec![vec![g], vec![g, g2], vec![g, g2, Value::Int(1)]];
                for k in 0..5 {
                    arg_sets.push(vec![g, Value::Int(k)]);
                }
                arg_sets.push(vec![g, Value::Int(1), Value::Int(2)]);
                arg_sets.push(vec![g, Value::Int(1), obj]);
                arg_sets.push(vec![g, obj]);
                arg_sets.push(vec![Value::Int(3), Value::Point((h2 as i32, w2 as i32))]);
                for start in [(0, 0), (1, 2), (2, 1), (-1, 0)] {
                    arg_sets.push(vec![g, Value::Point(start), Value::Point((h2 as i32, w2 as i32))]);
                }
                for p in Prim::ALL.iter().copied() {
                    for args in &arg_sets {
                        if args.len() != p.arity() {
                            continue;
                        }
                        let Some(want) = predict(p, args) else { continue };
                        assert!(predicts(p), "{p:?}");
                        if let Ok(Value::Grid(r)) = p.call(&scratch, args) {
                            if !scratch.failed() {
                                assert_eq!((r.h, r.w), want, "{p:?} on {h}x{w} and {h2}x{w2}");
                                checked += 1;
                                seen.insert(p);
                            }
                        }
                        scratch.reset();
                    }
                }
            }
        }
        assert!(checked > 500, "only {checked} predictions checked");
        let unchecked: Vec<Prim> =
            Prim::ALL.iter().copied().filter(|&p| predicts(p) && !seen.contains(&p)).collect();
        assert!(unchecked.is_empty(), "never checked: {unchecked:?}");
    }
}
