//! What the host differential tests (`cuda_host_grids`, `cuda_host_objects`, `cuda_host_containers`)
//! share: the C++ test binary served one request per line, and the comparison of its answers with
//! the Rust primitives' (each answer ends in `|<steps>`, the work it counted).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

const S_UNSUPPORTED: u32 = 9;

/// The GPU stopped where the CPU may go on: a deliberate fallback (`S_UNSUPPORTED`), or its own step
/// budget or arena ran out (`S_STEPS`, `S_ARENA`). The runtime redoes such samples on the CPU.
pub fn gpu_gave_up(cpp: &str) -> bool {
    [7, 8, S_UNSUPPORTED].iter().any(|code| cpp == format!("fail {code}"))
}

/// Runs `exe --serve` on `requests` (one per line) and returns its answers, one per line.
pub fn serve(exe: &Path, requests: String) -> Vec<String> {
    let mut child =
        Command::new(exe).arg("--serve").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        stdin.write_all(requests.as_bytes()).unwrap();
    });
    let out = child.wait_with_output().expect("the test binary runs");
    writer.join().unwrap();
    assert!(out.status.success(), "the C++ server failed");
    String::from_utf8(out.stdout).unwrap().lines().map(String::from).collect()
}

/// The answers compared, per case (a primitive or a primitive with its argument kinds).
#[derive(Default)]
pub struct Compared {
    /// Disagreements shown, at most `shown` per case.
    pub bad: Vec<String>,
    /// Disagreements per case.
    pub bad_per: BTreeMap<String, u32>,
    /// Per case: same value, both fail, GPU falls back, both fail with different kinds.
    pub tally: BTreeMap<String, [u32; 4]>,
}

/// Compares the C++ answers `got` with `expected` (case, request line, Rust answer), in order: the
/// same answer must come with the same steps (else the GPU's step budget would not be the CPU's), a
/// different one is a GPU fallback, a failure of another kind, or a disagreement.
pub fn compare<C: AsRef<str>>(expected: &[(C, String, String)], got: &[String], shown: u32) -> Compared {
    assert_eq!(got.len(), expected.len(), "one answer per request");
    let mut c = Compared::default();
    for ((case, line, rust), cpp) in expected.iter().zip(got) {
        let case = case.as_ref();
        let (cpp, cpp_steps) = cpp.rsplit_once('|').expect("the C++ answer ends with its steps");
        let (rust, rust_steps) = rust.rsplit_once('|').expect("the Rust answer ends with its steps");
        let mut disagree = |message: String| {
            let n = c.bad_per.entry(case.to_string()).or_default();
            *n += 1;
            if *n <= shown {
                c.bad.push(message);
            }
        };
        if cpp == rust && cpp_steps != rust_steps {
            disagree(format!("{line}\n   C++:  {cpp} after {cpp_steps} steps\n   Rust: {rust_steps} steps"));
            continue;
        }
        let t = c.tally.entry(case.to_string()).or_default();
        if cpp == rust {
            t[if rust.starts_with("fail") { 1 } else { 0 }] += 1;
        } else if gpu_gave_up(cpp) {
            t[2] += 1;
        } else if cpp.starts_with("fail") && rust.starts_with("fail") {
            t[3] += 1;
        } else {
            disagree(format!("{line}\n   C++:  {cpp}\n   Rust: {rust}"));
        }
    }
    c
}

impl Compared {
    /// Prints the tally, one case per line (names right-aligned to `width`), and fails on any
    /// disagreement.
    pub fn report(&self, width: usize) {
        for (case, t) in &self.tally {
            eprintln!(
                "{case:>width$}: {} same, {} both fail, {} CPU fallback, {} fail kinds differ",
                t[0], t[1], t[2], t[3]
            );
        }
        assert!(self.bad.is_empty(), "C++ and Rust disagree ({:?}):\n{}", self.bad_per, self.bad.join("\n"));
    }
}
