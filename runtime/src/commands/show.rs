//! Terminal pictures of a task for `arcforge show`.
//!
//! Each pair is drawn as its input, its expected output and (when a solver ran) the solver's output
//! side by side, two characters per cell. With [`Style::Ansi`] a cell is two spaces on a 24-bit
//! background in the usual ARC palette ([`Style::Ansi256`]: the nearest of the 256 xterm colours, for
//! terminals without 24-bit colour); black cells carry a grey dot so a grid stays visible on a dark
//! terminal. With [`Style::Plain`] it is the colour digit. Cells where the solver's output differs
//! from the expected grid (or lies outside it) carry an `x`. Blocks that do not fit the terminal's
//! width side by side are drawn one under another ([`render_task_fit`]).

use std::fmt::Write as _;

use crate::data::task::{Pair, PairKind, Task, TaskGrid};
use crate::engine::sample::{OutGrid, Outcome, SampleRun};

/// The ARC palette: name and RGB of colours 0..=9.
pub const PALETTE: [(&str, [u8; 3]); 10] = [
    ("black", [0x00, 0x00, 0x00]),
    ("blue", [0x00, 0x74, 0xD9]),
    ("red", [0xFF, 0x41, 0x36]),
    ("green", [0x2E, 0xCC, 0x40]),
    ("yellow", [0xFF, 0xDC, 0x00]),
    ("grey", [0xAA, 0xAA, 0xAA]),
    ("magenta", [0xF0, 0x12, 0xBE]),
    ("orange", [0xFF, 0x85, 0x1B]),
    ("azure", [0x7F, 0xDB, 0xFF]),
    ("maroon", [0x87, 0x0C, 0x25]),
];

/// How cells are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Coloured backgrounds (ANSI 24-bit escapes).
    Ansi,
    /// Coloured backgrounds from the 256-colour xterm palette (when `COLORTERM` is not truecolor).
    Ansi256,
    /// Colour digits, no escapes (for pipes and `NO_COLOR`).
    Plain,
}

const RESET: &str = "\x1b[0m";
const GAP: &str = "   ";

/// One drawn cell: two visible characters.
fn cell(style: Style, color: u8, wrong: bool) -> String {
    let mark = if wrong { 'x' } else { ' ' };
    match (style, PALETTE.get(color as usize)) {
        (Style::Plain, Some(_)) => format!("{color}{mark}"),
        (Style::Plain, None) | (Style::Ansi | Style::Ansi256, None) => format!("?{mark}"),
        (Style::Ansi | Style::Ansi256, Some((_, rgb @ [r, g, b]))) => {
            // A dark mark on light colours, a light one on dark colours.
            let fg = if (*r as u32 * 299 + *g as u32 * 587 + *b as u32 * 114) / 1000 > 128 { 30 } else { 97 };
            // Black on a dark terminal would vanish: a grey dot keeps the cell visible.
            let (fg, first) = if color == 0 { (37, '\u{b7}') } else { (fg, ' ') };
            let background = match style {
                Style::Ansi256 => format!("48;5;{}", xterm256(*rgb)),
                _ => format!("48;2;{r};{g};{b}"),
            };
            format!("\x1b[{background};{fg}m{first}{mark}{RESET}")
        }
    }
}

/// The nearest colour of the xterm 6x6x6 colour cube (indices 16..=231).
pub fn xterm256(rgb: [u8; 3]) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let nearest = |c: u8| (0..6).min_by_key(|&k| (LEVELS[k] as i32 - c as i32).abs()).unwrap_or(0) as u8;
    16 + 36 * nearest(rgb[0]) + 6 * nearest(rgb[1]) + nearest(rgb[2])
}

/// A grid drawn as lines of equal visible width, under a caption.
struct Block {
    caption: String,
    lines: Vec<String>,
    width: usize,
}

impl Block {
    fn new(
        caption: String,
        h: usize,
        w: usize,
        style: Style,
        at: impl Fn(usize, usize) -> (u8, bool),
    ) -> Block {
        let lines = (0..h)
            .map(|i| (0..w).map(|j| at(i, j)).map(|(c, wrong)| cell(style, c, wrong)).collect::<String>())
            .collect();
        Block { width: (2 * w).max(caption.chars().count()), caption, lines }
    }
    fn text(caption: String, text: &str) -> Block {
        Block {
            width: caption.chars().count().max(text.chars().count()),
            caption,
            lines: vec![text.to_string()],
        }
    }
    fn grid(caption: &str, g: &TaskGrid, style: Style) -> Block {
        let caption = format!("{caption} {}x{}", g.height(), g.width());
        Block::new(caption, g.height(), g.width(), style, |i, j| (g.get(i, j).unwrap_or(0), false))
    }
}

/// Visible width of a drawn line (escapes excluded).
fn visible_width(line: &str) -> usize {
    let mut n = 0;
    let mut in_escape = false;
    for ch in line.chars() {
        match (in_escape, ch) {
            (false, '\x1b') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, _) => n += 1,
        }
    }
    n
}

fn side_by_side(blocks: &[Block], out: &mut String) {
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(visible_width(s))));
    let captions: Vec<String> = blocks.iter().map(|b| pad(&b.caption, b.width)).collect();
    let _ = writeln!(out, "  {}", captions.join(GAP).trim_end());
    let rows = blocks.iter().map(|b| b.lines.len()).max().unwrap_or(0);
    for i in 0..rows {
        let parts: Vec<String> =
            blocks.iter().map(|b| pad(b.lines.get(i).map_or("", String::as_str), b.width)).collect();
        let _ = writeln!(out, "  {}", parts.join(GAP).trim_end());
    }
}

/// The solver's output block, with wrong cells marked against `expected`.
fn output_block(name: &str, run: &SampleRun, expected: Option<&TaskGrid>, style: Style) -> Block {
    match &run.output {
        Err(e) => Block::text(format!("{name}: error"), e),
        Ok(g) => {
            let verdict = match (&run.outcome, expected) {
                (Outcome::Correct, _) => "correct".to_string(),
                (_, Some(e)) => {
                    let wrong = wrong_cells(g, e);
                    format!("wrong, {wrong} cell{} marked", if wrong == 1 { "" } else { "s" })
                }
                (_, None) => "not checked".to_string(),
            };
            let caption = format!("{name} {}x{}: {verdict}", g.h, g.w);
            Block::new(caption, g.h, g.w, style, |i, j| {
                let c = g.get(i, j).unwrap_or(0);
                (c, expected.is_some_and(|e| e.get(i, j) != Some(c)))
            })
        }
    }
}

/// Cells of `g` that differ from `expected` or lie outside it, plus expected cells `g` lacks.
pub fn wrong_cells(g: &OutGrid, expected: &TaskGrid) -> usize {
    let (h, w) = (g.h.max(expected.height()), g.w.max(expected.width()));
    (0..h)
        .flat_map(|i| (0..w).map(move |j| (i, j)))
        .filter(|&(i, j)| g.get(i, j) != expected.get(i, j))
        .count()
}

/// The palette legend line.
pub fn legend(style: Style) -> String {
    legend_items(style).join("  ")
}

/// The legend's items (`<swatch>0 black`...).
fn legend_items(style: Style) -> Vec<String> {
    let swatch = |k: u8| match style {
        Style::Ansi | Style::Ansi256 => cell(style, k, false),
        Style::Plain => String::new(),
    };
    PALETTE.iter().enumerate().map(|(k, (name, _))| format!("{}{k} {name}", swatch(k as u8))).collect()
}

/// Draws `task`: every pair's input and expected output, and the solver's output beside them when
/// `solver` gives its name and runs (as from [`crate::engine::sample::run_task`]).
pub fn render_task(task: &Task, solver: Option<(&str, &[SampleRun])>, style: Style) -> String {
    render_task_fit(task, solver, style, None)
}

/// [`render_task`] for a terminal `width` columns wide: a pair whose blocks do not fit side by side
/// has them one under another.
pub fn render_task_fit(
    task: &Task,
    solver: Option<(&str, &[SampleRun])>,
    style: Style,
    width: Option<usize>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "task {}: {} train pair{}, {} test pair{}{}",
        task.id,
        task.train.len(),
        if task.train.len() == 1 { "" } else { "s" },
        task.test.len(),
        if task.test.len() == 1 { "" } else { "s" },
        solver.map_or_else(|| ", no solver".to_string(), |(name, _)| format!(", solver {name}"))
    );
    // The legend, wrapped to the width (items of about 10 columns each).
    let mut line = String::new();
    for item in legend_items(style) {
        if !line.is_empty() && width.is_some_and(|w| visible_width(&line) + 2 + visible_width(&item) > w) {
            let _ = writeln!(out, "{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push_str("  ");
        }
        line.push_str(&item);
    }
    let _ = writeln!(out, "{line}");
    for (kind, index, pair) in task.samples() {
        let _ = writeln!(out, "\n{kind} pair {index}");
        let blocks = pair_blocks(kind, index, pair, solver, style);
        let needed = 2 + blocks.iter().map(|b| b.width).sum::<usize>() + GAP.len() * (blocks.len() - 1);
        if width.is_some_and(|w| needed > w) {
            blocks.into_iter().for_each(|b| side_by_side(&[b], &mut out));
        } else {
            side_by_side(&blocks, &mut out);
        }
    }
    out
}

fn pair_blocks(
    kind: PairKind,
    index: usize,
    pair: &Pair,
    solver: Option<(&str, &[SampleRun])>,
    style: Style,
) -> Vec<Block> {
    let mut blocks = vec![Block::grid("input", &pair.input, style)];
    match &pair.output {
        Some(g) => blocks.push(Block::grid("expected", g, style)),
        None => blocks.push(Block::text("expected".into(), "(not given)")),
    }
    if let Some((name, runs)) = solver {
        if let Some(run) = runs.iter().find(|r| r.kind == kind && r.index == index) {
            blocks.push(output_block(name, run, pair.output.as_ref(), style));
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(rows: &[&[u8]]) -> TaskGrid {
        TaskGrid::from_rows(rows).unwrap()
    }

    fn run(kind: PairKind, index: usize, out: OutGrid, expected: &TaskGrid) -> SampleRun {
        let outcome = if out.matches(expected) { Outcome::Correct } else { Outcome::Wrong };
        SampleRun { kind, index, output: Ok(out), outcome }
    }

    #[test]
    fn plain_rendering_marks_wrong_cells() {
        let expected = g(&[&[1, 2], &[3, 4]]);
        let task = Task {
            id: "abc".into(),
            train: vec![Pair { input: g(&[&[0, 0], &[0, 5]]), output: Some(expected.clone()) }],
            test: vec![Pair { input: g(&[&[7]]), output: None }],
        };
        let runs = vec![
            run(PairKind::Train, 0, OutGrid { h: 2, w: 2, cells: vec![1, 2, 3, 9] }, &expected),
            SampleRun {
                kind: PairKind::Test,
                index: 0,
                output: Err("boom".into()),
                outcome: Outcome::Error("boom".into()),
            },
        ];
        let text = render_task(&task, Some(("solve_abc", &runs)), Style::Plain);
        assert!(text.starts_with("task abc: 1 train pair, 1 test pair, solver solve_abc\n"), "{text}");
        assert!(!text.contains('\x1b'));
        assert!(text.contains("input 2x2   expected 2x2   solve_abc 2x2: wrong, 1 cell marked"), "{text}");
        // Row 1: input "0 5 ", expected "3 4 ", solver "3 9x" (the wrong cell carries the x).
        assert!(text.contains(&format!("  0 5{}3 4{}3 9x\n", " ".repeat(9), " ".repeat(12))), "{text}");
        assert!(text.contains("expected"));
        assert!(text.contains("(not given)"));
        assert!(text.contains("solve_abc: error"));
        assert!(text.contains("boom"));
    }

    #[test]
    fn ansi_rendering_uses_the_arc_palette() {
        let c = cell(Style::Ansi, 2, false);
        assert_eq!(c, "\x1b[48;2;255;65;54;97m  \x1b[0m");
        // Black carries a grey dot (visible on a dark terminal); 256 colours: the nearest cube colour.
        assert_eq!(cell(Style::Ansi, 0, false), "\x1b[48;2;0;0;0;37m\u{b7} \x1b[0m");
        assert_eq!(cell(Style::Ansi256, 2, false), "\x1b[48;5;203;97m  \x1b[0m");
        assert_eq!(xterm256([0, 0, 0]), 16);
        assert_eq!(xterm256([255, 255, 255]), 231);
        assert_eq!(visible_width(&c), 2);
        // Yellow is light: dark mark.
        assert_eq!(cell(Style::Ansi, 4, true), "\x1b[48;2;255;220;0;30m x\x1b[0m");
        assert_eq!(cell(Style::Plain, 12, true), "?x");
        assert!(legend(Style::Plain).starts_with("0 black  1 blue  2 red"));
        assert!(legend(Style::Plain).ends_with("8 azure  9 maroon"));
        assert!(legend(Style::Ansi)
            .starts_with("\x1b[48;2;0;0;0;37m\u{b7} \x1b[0m0 black  \x1b[48;2;0;116;217;97m"));
    }

    #[test]
    fn narrow_terminals_get_blocks_one_under_another() {
        let grid = g(&[&[1; 20]]);
        let task = Task {
            id: "w".into(),
            train: vec![Pair { input: grid.clone(), output: Some(grid) }],
            test: vec![],
        };
        let wide = render_task_fit(&task, None, Style::Plain, Some(200));
        assert!(
            wide.contains("input 1x20")
                && wide.lines().any(|l| l.contains("input") && l.contains("expected"))
        );
        let narrow = render_task_fit(&task, None, Style::Plain, Some(60));
        assert!(narrow.lines().all(|l| l.chars().count() <= 60), "{narrow}");
        assert!(!narrow.lines().any(|l| l.contains("input") && l.contains("expected")), "{narrow}");
    }

    #[test]
    fn size_mismatch_counts_missing_and_extra_cells() {
        let expected = g(&[&[1, 1], &[1, 1]]);
        assert_eq!(wrong_cells(&OutGrid { h: 1, w: 2, cells: vec![1, 1] }, &expected), 2);
        assert_eq!(wrong_cells(&OutGrid { h: 2, w: 3, cells: vec![1, 1, 1, 1, 1, 1] }, &expected), 2);
        assert_eq!(wrong_cells(&OutGrid { h: 2, w: 2, cells: vec![1, 1, 1, 1] }, &expected), 0);
    }
}
