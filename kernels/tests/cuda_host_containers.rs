//! The CUDA containers family (`cuda/containers.cuh`, and `apply` and its variants in `cuda/func.cuh`)
//! compiled as plain C++ by g++ (one lane):
//! - must pass its hand-checked unit tests in `cuda/host/test_containers.cpp`;
//! - must agree with the Rust primitives on random containers of every static type the C++ test
//!   server has a case for (`--cases`): the same value (printed as Python would print it), or a
//!   failure on both sides, or a deliberate CPU fallback (`S_UNSUPPORTED`). Failing where the CPU
//!   succeeds, or succeeding with another value, is a bug. Primitives the CPU does not implement
//!   yet are skipped.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use kernels::{dsl, Cell, Ctx, Prim, Value};

mod host_diff;

/// Compiles the test binary once for both tests (they run in parallel).
fn build() -> PathBuf {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(compile).clone()
}

fn compile() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let exe = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("test_containers");
    let out = Command::new("g++")
        .args(["-std=c++17", "-O1", "-Wall", "-Wno-unused-variable", "-Wno-unused-parameter", "-o"])
        .arg(&exe)
        .arg("-I")
        .arg(root.join("cuda"))
        .arg(root.join("cuda/host/test_containers.cpp"))
        .output()
        .expect("g++ runs");
    assert!(out.status.success(), "g++ failed:\n{}", String::from_utf8_lossy(&out.stderr));
    exe
}

#[test]
fn cuda_containers_pass_their_host_checks() {
    let run = Command::new(build()).output().expect("the test binary runs");
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "host checks failed:\n{text}");
    assert!(text.contains("all") && text.contains("checks passed"), "{text}");
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

/// The static C++ type a tag of the test server stands for.
#[derive(Clone, Debug)]
enum Ty {
    Int,
    Point,
    Cell,
    Grid,
    Set(Box<Ty>),
    Tuple(Box<Ty>),
    Fn(&'static str),
}

fn ty(tag: &str) -> Ty {
    use Ty::*;
    let set = |t| Set(Box::new(t));
    let tup = |t| Tuple(Box::new(t));
    match tag {
        "i" => Int,
        "p" => Point,
        "x" => Cell,
        "G" => Grid,
        "Si" => set(Int),
        "Ti" => tup(Int),
        "O" => set(Cell),
        "I" => set(Point),
        "Tx" => tup(Cell),
        "Tp" => tup(Point),
        "SO" => set(set(Cell)),
        "SI" => set(set(Point)),
        "TSO" => tup(set(Cell)),
        "TTi" => tup(tup(Int)),
        "STi" => set(tup(Int)),
        "TG" => tup(Grid),
        "SG" => set(Grid),
        "Fsize" => Fn("size"),
        "Fid" => Fn("identity"),
        "Ffirst" => Fn("first"),
        "Flast" => Fn("last"),
        "Feven" => Fn("even"),
        "Finv" => Fn("invert"),
        "Fpos" => Fn("positive"),
        "Finit" => Fn("initset"),
        "Fadd" => Fn("add"),
        "Fcomb" => Fn("combine"),
        "Fpair" => Fn("pair"),
        "Fastuple" => Fn("astuple"),
        "Fm1" => Fn("matcher(size, 1)"),
        _ => panic!("no type for tag {tag}"),
    }
}

/// A random value of type `t`: small, with ties, empties now and then, and rarely an outer
/// container of more elements than a warp has lanes.
fn gen<'a>(c: &'a Ctx, r: &mut Rng, t: &Ty, outer: bool) -> Value<'a> {
    match t {
        Ty::Int => Value::Int(r.range(-2, 6)),
        Ty::Point => Value::Point((r.range(-1, 3), r.range(-1, 3))),
        Ty::Cell => Value::Cell(Cell { i: r.range(0, 3), j: r.range(0, 3), color: r.range(0, 3) }),
        Ty::Grid => {
            let h = r.range(0, 4) as u32;
            let w = if h == 0 { 0 } else { r.range(1, 3) as u32 };
            let cells: Vec<u8> = (0..h * w).map(|_| r.range(0, 2) as u8).collect();
            Value::Grid(c.grid_from(h, w, &cells))
        }
        Ty::Set(e) | Ty::Tuple(e) => {
            let n = if r.chance(6) {
                0
            } else if r.chance(8) {
                r.range(8, if outer { 80 } else { 20 })
            } else {
                r.range(1, 5)
            };
            let mut v = c.vec();
            for _ in 0..n {
                v.push(gen(c, r, e, false));
            }
            if matches!(t, Ty::Set(_)) {
                c.set(v)
            } else {
                c.tuple(v.into_bump_slice())
            }
        }
        Ty::Fn(name) => match *name {
            "matcher(size, 1)" => dsl::matcher(c, Value::prim(Prim::size), Value::Int(1)),
            n => Value::prim(Prim::from_name(n).expect("a primitive")),
        },
    }
}

/// The C++ reader's text of `v` as type `t` (containers in their stored, canonical order).
fn enc(c: &Ctx, v: Value, t: &Ty, out: &mut String) {
    match (t, v) {
        (Ty::Int, Value::Int(x)) => write!(out, " {x}").unwrap(),
        (Ty::Point, Value::Point((i, j))) => write!(out, " {i} {j}").unwrap(),
        (Ty::Cell, Value::Cell(x)) => write!(out, " {} {} {}", x.i, x.j, x.color).unwrap(),
        (Ty::Grid, Value::Grid(g)) => {
            write!(out, " {} {}", g.h, g.w).unwrap();
            for x in g.cells {
                write!(out, " {x}").unwrap();
            }
        }
        (Ty::Set(e) | Ty::Tuple(e), _) => {
            let (items, _) = v.items("enc").expect("a container");
            write!(out, " {}", items.len()).unwrap();
            for k in 0..items.len() {
                enc(c, items.get(c, k), e, out);
            }
        }
        (Ty::Fn(_), _) => {}
        _ => panic!("cannot encode {v:?} as {t:?}"),
    }
}

fn tuple_text(xs: &[String]) -> String {
    if xs.len() == 1 {
        format!("({},)", xs[0])
    } else {
        format!("({})", xs.join(", "))
    }
}

/// Python's text of a value (the C++ side prints its values the same way).
fn py(c: &Ctx, v: Value) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => (if b { "True" } else { "False" }).into(),
        Value::Int(x) => x.to_string(),
        Value::Point((i, j)) => format!("({i}, {j})"),
        Value::Cell(x) => format!("({}, ({}, {}))", x.color, x.i, x.j),
        Value::Fn(_) => "<function>".into(),
        Value::Grid(_) | Value::Tuple(_) => {
            let (items, _) = v.items("py").unwrap();
            let xs: Vec<String> = items.iter(c).map(|x| py(c, x)).collect();
            tuple_text(&xs)
        }
        Value::Object(_) | Value::Indices(_) | Value::Set(_) => {
            let (items, _) = v.items("py").unwrap();
            if items.is_empty() {
                return "frozenset()".into();
            }
            let xs: Vec<String> = items.iter(c).map(|x| py(c, x)).collect();
            format!("{{{}}}", xs.join(", "))
        }
    }
}

#[test]
fn cuda_containers_agree_with_the_rust_primitives_on_random_inputs() {
    let exe = build();
    let listed = Command::new(&exe).arg("--cases").output().expect("the test binary runs");
    let cases: Vec<Vec<String>> = String::from_utf8(listed.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split(' ').map(String::from).collect())
        .collect();
    assert!(cases.len() > 100, "the C++ server lists its cases");

    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let mut ctx = Ctx::default();
    let (mut requests, mut expected) = (String::new(), Vec::new());
    let mut skipped: BTreeMap<String, u32> = BTreeMap::new();
    for case in &cases {
        let (name, tags) = (&case[0], &case[1..]);
        let types: Vec<Ty> = tags.iter().map(|t| ty(t)).collect();
        let prim = Prim::from_name(name).expect("a primitive");
        for _ in 0..150 {
            ctx.reset();
            let c = &ctx;
            let args: Vec<Value> = types.iter().map(|t| gen(c, &mut r, t, true)).collect();
            let mut line = format!("{name} {}", tags.len());
            for t in tags {
                write!(line, " {t}").unwrap();
            }
            for (a, t) in args.iter().zip(&types) {
                enc(c, *a, t, &mut line);
            }
            let rust = match prim.call(c, &args) {
                Ok(v) => py(c, v),
                Err(f) if f.what.starts_with("UNIMPLEMENTED") => {
                    *skipped.entry(name.clone()).or_default() += 1;
                    continue;
                }
                Err(f) => format!("fail {}", f.kind.code()),
            };
            // with the steps the call counted, which the C++ must count too
            let rust = format!("{rust}|{}", c.steps());
            requests.push_str(&line);
            requests.push('\n');
            expected.push((case.join(" "), line, rust));
        }
    }
    if !skipped.is_empty() {
        eprintln!("not on the CPU yet, not compared: {:?}", skipped.keys().collect::<Vec<_>>());
    }
    if expected.is_empty() {
        return;
    }

    let got = host_diff::serve(&exe, requests);
    let compared = host_diff::compare(&expected, &got, 2);
    compared.report(28);
    // Every case must agree on real values at least once, except the deliberate fallbacks.
    let quiet: Vec<&String> =
        compared.tally.iter().filter(|(_, t)| t[0] + t[1] == 0).map(|(k, _)| k).collect();
    eprintln!("cases never answered on the GPU side: {quiet:?}");
}
