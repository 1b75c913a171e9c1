//! Summaries of inputs made of rectangular regions of one colour each, speckled with holes of the
//! background (noise a plain lattice reading rejects): [`region_summaries`].
//!
//! Each one-colour object is taken to stand for its whole box (`backdrop`), which fills the holes;
//! what is left is a patchwork of solid rectangles, whose `compress`ion drops the background's full
//! rows and columns and whose runs of equal rows and columns cut to one are the grid of the
//! regions' colours.

use crate::extracts::{compress, objects_of, squeeze_runs, squeeze_text};
use crate::GridData;

/// `g` with each one-colour object (arc-dsl's `objects(g, T, diagonal, T)`) grown to its box;
/// `None` where two boxes of different colours overlap (the painting order would decide).
fn solid_regions(g: &GridData, diagonal: bool) -> Option<GridData> {
    let mut out = g.clone();
    let mut owner: Vec<Option<u8>> = vec![None; g.cells.len()];
    for obj in objects_of(g, true, diagonal) {
        let colour = obj.cells[0].2;
        let (top, left) = (obj.cells.iter().map(|x| x.0).min()?, obj.cells.iter().map(|x| x.1).min()?);
        let (bottom, right) = (obj.cells.iter().map(|x| x.0).max()?, obj.cells.iter().map(|x| x.1).max()?);
        for r in top..=bottom {
            for c in left..=right {
                let k = r * g.w + c;
                if owner[k].is_some_and(|o| o != colour) {
                    return None;
                }
                owner[k] = Some(colour);
                out.cells[k] = colour;
            }
        }
    }
    Some(out)
}

/// `g` solidified (see the module doc) and compressed; `None` where boxes clash or nothing is left.
fn patchwork(g: &GridData, diagonal: bool) -> Option<GridData> {
    let squeezed = compress(&solid_regions(g, diagonal)?);
    (squeezed.h > 0 && squeezed.w > 0).then_some(squeezed)
}

/// The grid of region colours of a patchwork: runs of equal rows and columns cut to one.
fn region_grid(g: &GridData) -> GridData {
    squeeze_runs(&squeeze_runs(g, true), false)
}

/// Whether no row, nor column, of `g` repeats one before it other than just before it: where
/// arc-dsl's `dedupe` (every repeat dropped, a light call) cuts what [`region_grid`] cuts.
fn repeats_only_in_runs(g: &GridData) -> bool {
    let fine = |n: usize, line: &dyn Fn(usize) -> Vec<u8>| {
        (0..n).all(|x| {
            (0..x.saturating_sub(1)).all(|y| line(y) != line(x) || (y..x).all(|z| line(z) == line(x)))
        })
    };
    fine(g.h, &|r| g.cells[r * g.w..(r + 1) * g.w].to_vec())
        && fine(g.w, &|c| (0..g.h).map(|r| g.cells[r * g.w + c]).collect())
}

/// When every output is the grid of its input's region colours (each one-colour object grown to
/// its box, the background's full rows and columns dropped, runs of equal rows and columns cut to
/// one), maybe mirrored, on every demonstration (some output of more than one cell, every output
/// smaller than its input) and the reading holds on every test input: that summary.
pub fn region_summaries(train: &[(GridData, GridData)], tests: &[GridData]) -> Vec<String> {
    if train.iter().all(|(_, o)| o.h * o.w < 2) || train.iter().any(|(i, o)| o.h * o.w >= i.h * i.w) {
        return Vec::new();
    }
    for diagonal in [false, true] {
        let Some(read) = train.iter().map(|(i, _)| patchwork(i, diagonal)).collect::<Option<Vec<_>>>() else {
            continue;
        };
        let Some(test_read) = tests.iter().map(|t| patchwork(t, diagonal)).collect::<Option<Vec<_>>>() else {
            continue;
        };
        for how in ["identity", "vmirror", "hmirror", "rot180"] {
            if !train.iter().zip(&read).all(|((_, o), g)| region_grid(g).turned(how) == *o) {
                continue;
            }
            let flag = if diagonal { "T" } else { "F" };
            let solid = format!(
                "compress(paint(X, mapply(fork(recolor, color, backdrop), objects(X, T, {flag}, T))))"
            );
            // `dedupe` where it cuts the same (the squeeze pairs rows, a heavy value on large grids).
            let both = if read.iter().chain(&test_read).all(repeats_only_in_runs) {
                format!("dmirror(dedupe(dmirror(dedupe({solid}))))")
            } else {
                let rows = squeeze_text(&solid);
                format!("dmirror({})", squeeze_text(&format!("dmirror({rows})")))
            };
            return vec![if how == "identity" { both } else { format!("{how}({both})") }];
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::template_program as program;

    fn grid(rows: &[&str]) -> GridData {
        GridData::from_rows(rows)
    }

    #[test]
    fn speckled_regions_summarised_by_their_colours() {
        // Blocks of uneven sizes, holes of the background (0) inside them, mirrored across.
        let train = vec![
            (
                grid(&["0000000", "0112220", "0102020", "0334440", "0330440", "0000000", "0000000"]),
                grid(&["21", "43"]),
            ),
            (
                grid(&["00000000", "05506660", "05006060", "05556660", "00000000", "00000000", "00000000"]),
                grid(&["65"]),
            ),
        ];
        let test =
            grid(&["00000000", "07708880", "07008080", "01102220", "01102020", "00000000", "00000000"]);
        let ts = region_summaries(&train, std::slice::from_ref(&test));
        assert_eq!(ts.len(), 1, "{ts:?}");
        crate::grids::parse(&ts[0], None).expect("a valid template");
        let inputs: Vec<&GridData> = train.iter().map(|p| &p.0).chain([&test]).collect();
        let outputs: Vec<GridData> = train.iter().map(|p| p.1.clone()).collect();
        let got = crate::confirm(&program(&ts[0]), &inputs, &outputs).expect("fits");
        assert_eq!(got[0], Some(grid(&["87", "21"])));
        // An output the reading does not give: no rule.
        let mut broken = train.clone();
        broken[1].1 = grid(&["56"]);
        assert!(region_summaries(&broken, &[]).is_empty());
        // A row of regions repeating one above it, not just above it: `dedupe` would drop it, the
        // pairwise squeeze keeps it.
        let train = vec![(
            grid(&["000000", "011220", "010200", "033440", "033040", "011220", "000000", "000000"]),
            grid(&["12", "34", "12"]),
        )];
        let ts = region_summaries(&train, &[]);
        assert_eq!(ts.len(), 1, "{ts:?}");
        assert!(!ts[0].contains("dedupe"), "{ts:?}");
        let outputs = vec![train[0].1.clone()];
        assert!(crate::confirm(&program(&ts[0]), &[&train[0].0], &outputs).is_some());
    }
}
