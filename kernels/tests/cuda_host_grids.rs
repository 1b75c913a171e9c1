//! The CUDA grids family (`cuda/grids.cuh`) compiled as plain C++ by g++ (one lane):
//! - must pass its hand-checked unit tests in `cuda/host/test_grids.cpp`;
//! - must agree with the Rust primitives (`src/grids.rs`) on random grids, patches and numbers: the
//!   same value, or a failure on both sides, or a deliberate CPU fallback (`S_UNSUPPORTED`: Python's
//!   None, colours outside a byte, argument kinds Python rejects). Failing where the CPU succeeds,
//!   or succeeding with another value, is a bug. Primitives the CPU does not implement yet are skipped.

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
    let exe = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("test_grids");
    let out = Command::new("g++")
        .args(["-std=c++17", "-O1", "-Wall", "-Wno-unused-variable", "-Wno-unused-parameter", "-o"])
        .arg(&exe)
        .arg("-I")
        .arg(root.join("cuda"))
        .arg(root.join("cuda/host/test_grids.cpp"))
        .output()
        .expect("g++ runs");
    assert!(out.status.success(), "g++ failed:\n{}", String::from_utf8_lossy(&out.stderr));
    exe
}

#[test]
fn cuda_grids_pass_their_host_checks() {
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

type Arg<'a> = (Value<'a>, String);

/// A grid, now and then without rows or columns; few colours, so that counts tie.
fn grid<'a>(c: &'a Ctx, r: &mut Rng) -> Arg<'a> {
    let (h, w) = if r.chance(15) {
        let h = r.range(0, 2) as u32;
        (h, if h == 0 { 0 } else { r.range(0, 1) as u32 * r.range(0, 3) as u32 })
    } else if r.chance(6) {
        (r.range(8, 16) as u32, r.range(8, 16) as u32)
    } else {
        (r.range(1, 6) as u32, r.range(1, 6) as u32)
    };
    let colors = r.range(1, 4);
    let cells: Vec<u8> = (0..h * w).map(|_| r.range(0, colors - 1) as u8).collect();
    let mut s = format!("G {h} {w}");
    for x in &cells {
        write!(s, " {x}").unwrap();
    }
    (Value::Grid(c.grid_from(h, w, &cells)), s)
}

/// An object (or indices) around a grid's area: negative and far coordinates, two colours in one
/// location now and then, rarely a colour outside a byte.
fn patch<'a>(c: &'a Ctx, r: &mut Rng, object: bool) -> Arg<'a> {
    let n = if r.chance(10) { 0 } else { r.range(1, 12) };
    let (oi, oj) = if r.chance(20) {
        (r.range(-100, 100), r.range(-100, 100))
    } else {
        (r.range(-2, 3), r.range(-2, 3))
    };
    let mut cells = c.vec();
    for _ in 0..n {
        let (i, j) = (oi + r.range(0, 5), oj + r.range(0, 5));
        let color = if r.chance(60) { [300, -1][r.range(0, 1) as usize] } else { r.range(0, 3) };
        cells.push(Cell { i, j, color });
        if r.chance(10) {
            cells.push(Cell { i, j, color: r.range(0, 4) });
        }
    }
    let v = if object {
        c.object(cells)
    } else {
        let mut pts = c.vec();
        pts.extend(cells.iter().map(|x| x.loc()));
        c.indices(pts)
    };
    (v, encode(v, object))
}

fn any_patch<'a>(c: &'a Ctx, r: &mut Rng) -> Arg<'a> {
    let object = r.chance(2);
    patch(c, r, object)
}

fn encode(v: Value, object: bool) -> String {
    let mut s = String::new();
    match v {
        Value::Object(cells) => {
            write!(s, "O {}", cells.len()).unwrap();
            for x in cells {
                write!(s, " {} {} {}", x.i, x.j, x.color).unwrap();
            }
        }
        Value::Indices(pts) => {
            write!(s, "I {}", pts.len()).unwrap();
            for (i, j) in pts {
                write!(s, " {i} {j}").unwrap();
            }
        }
        // the empty frozenset: either static type on the GPU
        _ => s.push_str(if object { "O 0" } else { "I 0" }),
    }
    s
}

fn int<'a>(r: &mut Rng, lo: i32, hi: i32) -> Arg<'a> {
    let v = if r.chance(40) { 256 } else { r.range(lo, hi) };
    (Value::Int(v), format!("i {v}"))
}

fn point<'a>(r: &mut Rng) -> Arg<'a> {
    let (i, j) = (r.range(-3, 6), r.range(-3, 6));
    (Value::Point((i, j)), format!("p {i} {j}"))
}

/// The C++ side's text for a result.
fn show(v: Value) -> String {
    match v {
        Value::Int(x) => format!("int {x}"),
        Value::Bool(b) => format!("bool {}", b as i32),
        Value::Set(&[]) => "empty".into(),
        Value::Grid(g) => {
            let mut s = format!("grid {} {}", g.h, if g.h == 0 { 0 } else { g.w });
            for x in g.cells {
                write!(s, " {x}").unwrap();
            }
            s
        }
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
        Value::Set(ms) | Value::Tuple(ms) => {
            let mut s = format!("{} {}", if matches!(v, Value::Set(_)) { "set" } else { "tuple" }, ms.len());
            for m in ms {
                s.push(' ');
                s.push_str(&show(*m));
            }
            s
        }
        other => format!("(a {} the GPU cannot hold)", other.kind_name()),
    }
}

/// One random request for `name`: the C++ line and the Rust answer in the same text (None: the
/// CPU does not implement it yet).
fn case(c: &Ctx, r: &mut Rng, name: &str) -> (String, Option<String>) {
    let args: Vec<Arg> = match name {
        "mostcolor" | "leastcolor" | "palette" | "numcolors" => {
            let object = !r.chance(10);
            vec![if r.chance(2) { grid(c, r) } else { patch(c, r, object) }]
        }
        "hmirror" | "vmirror" | "dmirror" | "cmirror" => {
            vec![if r.chance(3) { grid(c, r) } else { any_patch(c, r) }]
        }
        "asindices" | "asobject" | "trim" | "tophalf" | "bottomhalf" | "lefthalf" | "righthalf"
        | "compress" => {
            vec![grid(c, r)]
        }
        "colorcount" => vec![if r.chance(2) { grid(c, r) } else { patch(c, r, true) }, int(r, -1, 4)],
        "ofcolor" => vec![grid(c, r), int(r, -1, 4)],
        "hupscale" | "vupscale" => vec![grid(c, r), int(r, -1, 4)],
        "upscale" => {
            let object = !r.chance(8);
            vec![if r.chance(3) { grid(c, r) } else { patch(c, r, object) }, int(r, -1, 3)]
        }
        "hsplit" | "vsplit" => vec![grid(c, r), int(r, -1, 6)],
        "toobject" | "subgrid" => {
            let p = any_patch(c, r);
            vec![p, grid(c, r)]
        }
        "fill" | "underfill" => {
            let g = grid(c, r);
            let v = int(r, 0, 9);
            vec![g, v, any_patch(c, r)]
        }
        "paint" | "underpaint" | "cover" => {
            let g = grid(c, r);
            let object = if name == "cover" { r.chance(2) } else { !r.chance(10) };
            vec![g, patch(c, r, object)]
        }
        "move" => {
            let g = grid(c, r);
            let object = !r.chance(10);
            let p = patch(c, r, object);
            vec![g, p, point(r)]
        }
        "cellwise" => {
            let a = grid(c, r);
            let b = if r.chance(3) {
                grid(c, r)
            } else {
                // same shape, some cells changed
                let Value::Grid(g) = a.0 else { unreachable!() };
                let cells: Vec<u8> =
                    g.cells.iter().map(|&x| if r.chance(3) { r.range(0, 3) as u8 } else { x }).collect();
                let mut s = format!("G {} {}", g.h, g.w);
                for x in &cells {
                    write!(s, " {x}").unwrap();
                }
                (Value::Grid(c.grid_from(g.h, g.w, &cells)), s)
            };
            vec![a, b, int(r, 0, 9)]
        }
        "index" => vec![grid(c, r), point(r)],
        _ => panic!("no generator for {name}"),
    };
    let line = std::iter::once(name.to_string()).chain(args.iter().map(|a| a.1.clone())).collect::<Vec<_>>();
    let values: Vec<Value> = args.iter().map(|a| a.0).collect();
    let rust = match Prim::from_name(name).expect("a primitive").call(c, &values) {
        Ok(v) => Some(show(v)),
        Err(f) if f.what.starts_with("UNIMPLEMENTED") => None,
        Err(f) => Some(format!("fail {}", f.kind.code())),
    };
    // with the steps the call counted, which the C++ must count too
    (line.join(" "), rust.map(|r| format!("{r}|{}", c.steps())))
}

const NAMES: &[&str] = &[
    "mostcolor",
    "leastcolor",
    "colorcount",
    "palette",
    "numcolors",
    "asindices",
    "ofcolor",
    "asobject",
    "toobject",
    "hmirror",
    "vmirror",
    "dmirror",
    "cmirror",
    "fill",
    "paint",
    "underfill",
    "underpaint",
    "cover",
    "move",
    "hupscale",
    "vupscale",
    "upscale",
    "subgrid",
    "hsplit",
    "vsplit",
    "cellwise",
    "index",
    "trim",
    "tophalf",
    "bottomhalf",
    "lefthalf",
    "righthalf",
    "compress",
];

#[test]
fn cuda_grids_agree_with_the_rust_primitives_on_random_inputs() {
    let mut r = Rng(0x243f_6a88_85a3_08d3);
    let mut ctx = Ctx::default();
    let (mut requests, mut expected) = (String::new(), Vec::new());
    let mut skipped: BTreeMap<&str, u32> = BTreeMap::new();
    for &name in NAMES {
        for _ in 0..500 {
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
