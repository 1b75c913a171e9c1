//! The CUDA patches (`cuda/patches.cuh`) compiled as plain C++ by g++ (one lane):
//! - must pass their hand-checked unit tests in `cuda/host/test_patches.cpp`;
//! - must agree with the Rust primitives (`src/patches.rs`) on random patches, points and grids:
//!   the same value, or a failure on both sides, or a deliberate CPU fallback (`S_UNSUPPORTED`,
//!   for results the GPU's static types cannot hold). Failing where the CPU succeeds, or succeeding
//!   with another value, is a bug; so is counting other steps than the CPU where both agree (the
//!   GPU's step budget is the CPU's, in the CPU's units).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use kernels::{Cell, Ctx, Point, Prim, Value};

const S_UNSUPPORTED: u32 = 9;

/// The GPU stopped where the CPU may go on: a deliberate fallback (`S_UNSUPPORTED`), or its own step
/// budget or arena ran out (`S_STEPS`, `S_ARENA`). The runtime redoes such samples on the CPU.
fn gpu_gave_up(cpp: &str) -> bool {
    [7, 8, S_UNSUPPORTED].iter().any(|code| cpp == format!("fail {code}"))
}

/// The host test binary, compiled once per process: both tests run it, and one test's g++ writing
/// the file while the other executes it fails with "Text file busy".
fn build() -> PathBuf {
    static EXE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    EXE.get_or_init(compile).clone()
}

fn compile() -> PathBuf {
    let kernels = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let exe = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("test_patches");
    let status = Command::new("g++")
        .args(["-std=c++17", "-O1", "-w", "-o"])
        .arg(&exe)
        .arg("-I")
        .arg(kernels.join("cuda"))
        .arg(kernels.join("cuda/host/test_patches.cpp"))
        .status()
        .expect("g++ runs");
    assert!(status.success(), "g++ could not compile cuda/host/test_patches.cpp");
    exe
}

#[test]
fn cuda_patches_pass_their_host_unit_tests() {
    let out = Command::new(build()).output().expect("the test binary runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "CUDA patches host tests failed:\n{text}");
    assert!(text.contains("all patches checks passed"), "{text}");
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
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1) as u64) as i32
    }
    fn chance(&mut self, one_in: u64) -> bool {
        self.below(one_in) == 0
    }
}

/// A coordinate: mostly small (negative after shifts), now and then next to an i32 bound.
fn coord(r: &mut Rng) -> i32 {
    match r.below(60) {
        0 => i32::MAX - r.range(0, 2),
        1 => i32::MIN + r.range(0, 2),
        _ => r.range(-3, 9),
    }
}

/// A canonical patch value and its encoding for the C++ side.
fn patch<'a>(c: &'a Ctx, r: &mut Rng) -> (Value<'a>, String) {
    let object = r.chance(2);
    let (oi, oj) = (coord(r), coord(r));
    let (h, w) = (r.range(1, 6), r.range(1, 6));
    let n = match r.below(8) {
        0 => 0,
        1 => (h * w) as usize, // likely dense
        _ => r.range(1, 8) as usize,
    };
    let mut cells = c.vec();
    let colors = r.range(1, 3);
    for _ in 0..n {
        let (i, j) = (oi.saturating_add(r.range(0, h - 1)), oj.saturating_add(r.range(0, w - 1)));
        cells.push(Cell { i, j, color: r.range(0, colors - 1) });
        if object && r.chance(12) {
            cells.push(Cell { i, j, color: 3 }); // a second colour in one location
        }
    }
    if object {
        let v = c.object(cells);
        (v, encode_patch(v, true))
    } else {
        let mut pts = c.vec();
        pts.extend(cells.iter().map(|x| x.loc()));
        let v = c.indices(pts);
        (v, encode_patch(v, false))
    }
}

/// An object that repeats a random tile along rows or columns, with now and then a flaw, to give
/// `hperiod`/`vperiod` non-trivial periods.
fn tiled<'a>(c: &'a Ctx, r: &mut Rng) -> (Value<'a>, String) {
    let (th, tw) = (r.range(1, 3), r.range(1, 3));
    let tile: Vec<Option<i32>> =
        (0..th * tw).map(|_| if r.chance(4) { None } else { Some(r.range(0, 2)) }).collect();
    let (reps_i, reps_j) = (r.range(1, 4), r.range(1, 4));
    let (oi, oj) = (r.range(-5, 5), r.range(-5, 5));
    let mut cells = c.vec();
    for i in 0..th * reps_i - r.range(0, th - 1) {
        for j in 0..tw * reps_j - r.range(0, tw - 1) {
            if let Some(k) = tile[((i % th) * tw + j % tw) as usize] {
                let k = if r.chance(25) { k + 1 } else { k };
                cells.push(Cell { i: oi + i, j: oj + j, color: k });
            }
        }
    }
    let v = c.object(cells);
    (v, encode_patch(v, true))
}

fn encode_patch(v: Value, object: bool) -> String {
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
        Value::Set(&[]) => s.push_str(if object { "O 0" } else { "I 0" }),
        _ => unreachable!(),
    }
    s
}

fn point(r: &mut Rng) -> Point {
    (coord(r), coord(r))
}

fn grid<'a>(c: &'a Ctx, r: &mut Rng) -> (Value<'a>, String) {
    let h = r.range(0, 6) as u32;
    let w = if h == 0 { 0 } else { r.range(0, 6) as u32 };
    let cells: Vec<u8> = (0..h * w).map(|_| r.range(0, 9) as u8).collect();
    let mut s = format!("G {h} {w}");
    for x in &cells {
        write!(s, " {x}").unwrap();
    }
    (Value::Grid(c.grid_from(h, w, &cells)), s)
}

/// A frozenset of objects (`SO`) or of indices (`SI`), now and then with an empty member.
fn patch_set<'a>(c: &'a Ctx, r: &mut Rng, objects: bool) -> (Value<'a>, String) {
    let mut members = c.vec();
    for _ in 0..r.range(0, 4) {
        if r.chance(15) {
            members.push(Value::Set(&[]));
            continue;
        }
        let (v, _) = patch(c, r);
        let v = match (v, objects) {
            (Value::Object(_), true) | (Value::Indices(_), false) => v,
            _ => continue,
        };
        members.push(v);
    }
    let v = c.set(members);
    let Value::Set(ms) = v else { unreachable!() };
    let mut s = format!("{} {}", if objects { "SO" } else { "SI" }, ms.len());
    for m in ms {
        // members are encoded without their kind letter
        let e = encode_patch(*m, objects);
        s.push(' ');
        s.push_str(&e[2..]);
    }
    (v, s)
}

/// The C++ side's text for a result.
fn show(v: Value) -> String {
    match v {
        Value::Int(x) => format!("int {x}"),
        Value::Bool(b) => format!("bool {}", b as i32),
        Value::Point((i, j)) => format!("point {i} {j}"),
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

const PIECES: &[&str] = &["height", "width", "shape", "portrait", "square"];
const ONE_PATCH: &[&str] = &[
    "ulcorner",
    "urcorner",
    "llcorner",
    "lrcorner",
    "toindices",
    "normalize",
    "uppermost",
    "lowermost",
    "leftmost",
    "rightmost",
    "vline",
    "hline",
    "centerofmass",
    "center",
    "corners",
    "backdrop",
    "delta",
    "inbox",
    "outbox",
    "box",
    "color",
];
const PERIODS: &[&str] = &["hperiod", "vperiod"];
const TWO_PATCHES: &[&str] = &["hmatching", "vmatching", "manhattan", "adjacent", "position", "gravitate"];
const ONE_POINT: &[&str] = &["dneighbors", "ineighbors", "neighbors", "vfrontier", "hfrontier"];

/// One random request for `name`: the C++ line, the Rust result in the same text and its steps.
fn case(c: &Ctx, r: &mut Rng, name: &str) -> (String, String, u64) {
    let mut args: Vec<(Value, String)> = Vec::new();
    if PIECES.contains(&name) {
        args.push(if r.chance(3) { grid(c, r) } else { patch(c, r) });
    } else if ONE_PATCH.contains(&name) {
        args.push(patch(c, r));
    } else if PERIODS.contains(&name) {
        args.push(if r.chance(4) { patch(c, r) } else { tiled(c, r) });
    } else if TWO_PATCHES.contains(&name) {
        args.push(patch(c, r));
        args.push(patch(c, r));
    } else if ONE_POINT.contains(&name) {
        let p = point(r);
        args.push((Value::Point(p), format!("p {} {}", p.0, p.1)));
    } else {
        match name {
            "shift" => {
                args.push(patch(c, r));
                let d = if r.chance(10) { point(r) } else { (r.range(-4, 4), r.range(-4, 4)) };
                args.push((Value::Point(d), format!("p {} {}", d.0, d.1)));
            }
            "bordering" => {
                args.push(patch(c, r));
                args.push(grid(c, r));
            }
            "recolor" => {
                if r.chance(8) {
                    let b = r.chance(2);
                    args.push((Value::Bool(b), format!("b {}", b as i32)));
                } else {
                    let k = r.range(0, 9);
                    args.push((Value::Int(k), format!("i {k}")));
                }
                args.push(patch(c, r));
            }
            "colorfilter" => {
                let objects = !r.chance(4);
                args.push(patch_set(c, r, objects));
                let k = r.range(-1, 3);
                args.push((Value::Int(k), format!("i {k}")));
            }
            "connect" | "shoot" => {
                let a = point(r);
                let b = if name == "shoot" {
                    (r.range(-2, 2), r.range(-2, 2))
                } else if r.chance(3) {
                    point(r)
                } else {
                    // mostly on a line through a: a row, a column or a diagonal
                    let (di, dj) = [(0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, -1), (1, -1), (-1, 1)]
                        [r.below(8) as usize];
                    let t = r.range(0, 6);
                    (a.0.saturating_add(di * t), a.1.saturating_add(dj * t))
                };
                args.push((Value::Point(a), format!("p {} {}", a.0, a.1)));
                args.push((Value::Point(b), format!("p {} {}", b.0, b.1)));
            }
            _ => panic!("no generator for {name}"),
        }
    }
    let line = std::iter::once(name.to_string()).chain(args.iter().map(|a| a.1.clone())).collect::<Vec<_>>();
    let values: Vec<Value> = args.iter().map(|a| a.0).collect();
    let prim = Prim::from_name(name).expect("a primitive");
    let rust = match prim.call(c, &values) {
        Ok(v) => show(v),
        Err(f) => format!("fail {}", f.kind.code()),
    };
    (line.join(" "), rust, c.steps())
}

#[test]
fn cuda_patches_agree_with_the_rust_primitives_on_random_inputs() {
    let names: Vec<&str> = [PIECES, ONE_PATCH, PERIODS, TWO_PATCHES, ONE_POINT]
        .concat()
        .into_iter()
        .chain(["shift", "bordering", "recolor", "colorfilter", "connect", "shoot"])
        .collect();
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let mut ctx = Ctx::default();
    let (mut requests, mut expected) = (String::new(), Vec::new());
    for &name in &names {
        for _ in 0..600 {
            ctx.reset();
            let (line, rust, steps) = case(&ctx, &mut r, name);
            requests.push_str(&line);
            requests.push('\n');
            expected.push((name, line, rust, steps));
        }
    }

    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("patches_requests.txt");
    std::fs::write(&path, &requests).unwrap();
    let out = Command::new(build())
        .arg("--serve")
        .stdin(std::fs::File::open(&path).unwrap())
        .stdout(Stdio::piped())
        .output()
        .expect("the test binary runs");
    assert!(out.status.success(), "the C++ server failed");
    let got: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(String::from).collect();
    assert_eq!(got.len(), expected.len(), "one answer per request");

    let mut bad: Vec<String> = Vec::new();
    let mut bad_per: BTreeMap<&str, u32> = BTreeMap::new();
    // Per primitive: same value, both fail, fallback, fail kinds differ.
    let mut tally: BTreeMap<&str, [u32; 4]> = BTreeMap::new();
    for ((name, line, rust, rust_steps), cpp) in expected.iter().zip(&got) {
        let t = tally.entry(name).or_default();
        let (cpp, cpp_steps) = cpp.rsplit_once('|').expect("the C++ line ends with its steps");
        let unsupported = gpu_gave_up(cpp);
        if cpp == rust && cpp_steps != rust_steps.to_string() {
            let n = bad_per.entry(name).or_default();
            *n += 1;
            if *n <= 3 {
                bad.push(format!(
                    "{line}\n   C++:  {cpp} after {cpp_steps} steps\n   Rust: {rust_steps} steps"
                ));
            }
        } else if cpp == rust {
            t[if rust.starts_with("fail") { 1 } else { 0 }] += 1;
        } else if unsupported {
            t[2] += 1;
        } else if cpp.starts_with("fail") && rust.starts_with("fail") {
            t[3] += 1;
        } else {
            let n = bad_per.entry(name).or_default();
            *n += 1;
            if *n <= 3 {
                bad.push(format!("{line}\n   C++:  {cpp}\n   Rust: {rust}"));
            }
        }
    }
    let mut report = String::from("primitive: same value / both fail / C++ falls back / fail kinds differ\n");
    for (name, [same, fail, fallback, kinds]) in &tally {
        writeln!(report, "  {name}: {same} / {fail} / {fallback} / {kinds}").unwrap();
    }
    println!("{report}");
    assert!(bad.is_empty(), "disagreements {bad_per:?}, e.g.:\n{}", bad.join("\n"));
    for (name, [same, ..]) in &tally {
        assert!(*same > 100, "{name}: too few comparisons of values ({same})");
    }
}
