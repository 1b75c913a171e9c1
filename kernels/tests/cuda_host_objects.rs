//! The CUDA objects family (`cuda/objects.cuh`) compiled as plain C++ by g++ (one lane):
//! - must pass its hand-checked unit tests in `cuda/host/test_objects.cpp` (all 8 flag combinations
//!   of `objects` on a hand-made grid, random grids against a flood fill, partition, frontiers...);
//! - must agree with the Rust primitives (`src/objects.rs`) on random grids and objects: the same
//!   value, a failure on both sides, or a deliberate CPU fallback (`S_UNSUPPORTED`). Primitives the
//!   CPU does not implement yet are skipped.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use kernels::{Cell, Ctx, Prim, Value};

mod host_diff;

/// Compiles the test binary once per test process (both tests use it).
fn build() -> PathBuf {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(compile).clone()
}

fn compile() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let exe = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("test_objects");
    let out = Command::new("g++")
        .args(["-std=c++17", "-O1", "-Wall", "-Wno-unused-variable", "-Wno-unused-parameter", "-o"])
        .arg(&exe)
        .arg("-I")
        .arg(root.join("cuda"))
        .arg(root.join("cuda/host/test_objects.cpp"))
        .output()
        .expect("g++ runs");
    assert!(out.status.success(), "g++ failed:\n{}", String::from_utf8_lossy(&out.stderr));
    exe
}

#[test]
fn cuda_objects_pass_their_host_checks() {
    let run = Command::new(build()).output().expect("the test binary runs");
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "host checks failed:\n{text}");
    assert!(text.contains("all checks passed"), "{text}");
}

/// xorshift64*: reproducible inputs without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + (self.next() % (hi - lo + 1) as u64) as i32
    }
    fn chance(&mut self, one_in: u64) -> bool {
        self.next().is_multiple_of(one_in)
    }
}

/// A grid (now and then without rows or columns, now and then large, with lines of one colour).
fn grid<'a>(c: &'a Ctx, r: &mut Rng) -> (Value<'a>, Vec<u8>, u32, u32, String) {
    let (h, w) = if r.chance(20) {
        let h = r.range(0, 2) as u32;
        (h, if h == 0 { 0 } else { r.range(0, 2) as u32 })
    } else if r.chance(5) {
        (r.range(10, 30) as u32, r.range(10, 30) as u32)
    } else {
        (r.range(1, 8) as u32, r.range(1, 8) as u32)
    };
    let colors = r.range(1, 4);
    let mut cells: Vec<u8> = (0..h * w).map(|_| r.range(0, colors - 1) as u8).collect();
    if h > 0 && w > 0 && r.chance(3) {
        let (i, col) = (r.range(0, h as i32 - 1) as u32, r.range(0, 9) as u8);
        (0..w).for_each(|j| cells[(i * w + j) as usize] = col);
        let j = r.range(0, w as i32 - 1) as u32;
        (0..h).for_each(|i| cells[(i * w + j) as usize] = col);
    }
    let mut s = format!("G {h} {w}");
    for x in &cells {
        write!(s, " {x}").unwrap();
    }
    (Value::Grid(c.grid_from(h, w, &cells)), cells, h, w, s)
}

/// The C++ side's text for a result.
fn show(v: Value) -> String {
    match v {
        Value::Set(&[]) => "empty".into(),
        Value::Indices(p) => {
            let mut s = format!("indices {}", p.len());
            for (i, j) in p {
                write!(s, " {i} {j}").unwrap();
            }
            s
        }
        Value::Object(cells) => {
            let mut s = format!("object {}", cells.len());
            for x in cells {
                write!(s, " {} {} {}", x.i, x.j, x.color).unwrap();
            }
            s
        }
        Value::Set(ms) => {
            let mut s = format!("set {}", ms.len());
            for m in ms {
                s.push(' ');
                s.push_str(&show(*m));
            }
            s
        }
        other => format!("(a {} the GPU cannot hold)", other.kind_name()),
    }
}

/// An object for `occurrences`: mostly a piece of the grid moved elsewhere (so that it occurs),
/// else random cells; now and then indices or two colours in one location.
fn pattern<'a>(c: &'a Ctx, r: &mut Rng, cells: &[u8], h: u32, w: u32) -> (Value<'a>, String) {
    let mut out = c.vec();
    if h > 0 && w > 0 && r.chance(3) {
        // A filled box of one colour (the C++ reads runs of it), maybe away from the origin.
        // Mostly small against the grid (many positions, as a64e4611's), else up to the grid.
        let (mh, mw) =
            if r.chance(3) { (h as i32, w as i32) } else { ((h as i32).min(4), (w as i32).min(4)) };
        let (oh, ow) = (r.range(1, mh), r.range(1, mw));
        let (di, dj, col) = (r.range(-5, 5), r.range(-5, 5), r.range(0, 3));
        for i in 0..oh {
            for j in 0..ow {
                out.push(Cell { i: i + di, j: j + dj, color: col });
            }
        }
    } else if h > 0 && w > 0 && !r.chance(4) {
        let (i0, j0) = (r.range(0, h as i32 - 1), r.range(0, w as i32 - 1));
        let (di, dj) = (r.range(-5, 5), r.range(-5, 5));
        for i in i0..(i0 + r.range(1, 3)).min(h as i32) {
            for j in j0..(j0 + r.range(1, 3)).min(w as i32) {
                if !r.chance(4) {
                    out.push(Cell {
                        i: i + di,
                        j: j + dj,
                        color: cells[(i as u32 * w + j as u32) as usize] as i32,
                    });
                }
            }
        }
    } else {
        for _ in 0..r.range(0, 4) {
            out.push(Cell { i: r.range(-2, 3), j: r.range(-2, 3), color: r.range(0, 3) });
        }
    }
    if r.chance(15) && !out.is_empty() {
        let x = out[0];
        out.push(Cell { color: x.color + 1, ..x });
    }
    let indices = r.chance(10);
    let v = if indices {
        let mut pts = c.vec();
        pts.extend(out.iter().map(|x| x.loc()));
        c.indices(pts)
    } else {
        c.object(out)
    };
    let s = match v {
        Value::Object(cs) => {
            let mut s = format!("O {}", cs.len());
            for x in cs {
                write!(s, " {} {} {}", x.i, x.j, x.color).unwrap();
            }
            s
        }
        Value::Indices(ps) => {
            let mut s = format!("I {}", ps.len());
            for (i, j) in ps {
                write!(s, " {i} {j}").unwrap();
            }
            s
        }
        _ => (if indices { "I 0" } else { "O 0" }).to_string(),
    };
    (v, s)
}

fn case(c: &Ctx, r: &mut Rng, name: &str) -> (String, Option<String>) {
    let (g, cells, h, w, gs) = grid(c, r);
    let mut values = vec![g];
    let mut line = format!("{name} {gs}");
    match name {
        "objects" => {
            for _ in 0..3 {
                let b = r.chance(2);
                values.push(Value::Bool(b));
                write!(line, " b {}", b as i32).unwrap();
            }
        }
        "occurrences" => {
            let (v, s) = pattern(c, r, &cells, h, w);
            values.push(v);
            write!(line, " {s}").unwrap();
        }
        _ => {}
    }
    let rust = match Prim::from_name(name).expect("a primitive").call(c, &values) {
        Ok(v) => Some(show(v)),
        Err(f) if f.what.starts_with("UNIMPLEMENTED") => None,
        Err(f) => Some(format!("fail {}", f.kind.code())),
    };
    // with the steps the call counted, which the C++ must count too
    (line, rust.map(|r| format!("{r}|{}", c.steps())))
}

#[test]
fn cuda_objects_agree_with_the_rust_primitives_on_random_inputs() {
    let names = ["objects", "partition", "fgpartition", "frontiers", "occurrences"];
    let mut r = Rng(0x1319_8a2e_0370_7344);
    let mut ctx = Ctx::default();
    let (mut requests, mut expected) = (String::new(), Vec::new());
    let mut skipped: BTreeMap<&str, u32> = BTreeMap::new();
    for name in names {
        for _ in 0..(match name {
            "objects" => 2000,
            "occurrences" => 1500,
            _ => 500,
        }) {
            ctx.reset();
            let (line, rust) = case(&ctx, &mut r, name);
            match rust {
                Some(rust) => {
                    requests.push_str(&line);
                    requests.push('\n');
                    expected.push((name, line, rust));
                }
                None => *skipped.entry(name).or_default() += 1,
            }
        }
    }
    if !skipped.is_empty() {
        eprintln!("not on the CPU yet, not compared: {:?}", skipped.keys().collect::<Vec<_>>());
    }
    if expected.is_empty() {
        return;
    }

    let got = host_diff::serve(&build(), requests);
    let compared = host_diff::compare(&expected, &got, 3);
    compared.report(11);
    for (name, t) in &compared.tally {
        assert!(t[0] > 0, "{name}: no random case gave the same value on both sides");
    }
}
