//! The loader's peak memory (issue 23): a 200 MB file holding one 10,000x10,000 grid must be
//! refused while it is read, not after building a tree of the whole grid (that took 3.3 GB), and
//! the good task in the same file must still load and run. Its own test binary, so no other test's
//! child process is measured.

use std::fs;
use std::io::{BufWriter, Write};
use std::process::Stdio;

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::arcforge;

/// The peak resident memory of the child `arcforge eval` on `data`, in MiB, with its exit code
/// and standard error (wait4 gives that child's own rusage).
#[cfg(target_os = "linux")]
// The child is reaped by `wait4` below (for its own rusage), which clippy does not see.
#[allow(clippy::zombie_processes)]
fn eval_peak_mib(data: &std::path::Path) -> (i32, String, u64) {
    use std::io::Read;
    let mut child = arcforge()
        .args(["eval", "--device", "cpu", "--threads", "2", "--data"])
        .arg(data)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it for this child, which is not waited otherwise.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t);
    assert!(libc::WIFEXITED(status), "killed: {err}");
    // ru_maxrss is in KiB on Linux.
    (libc::WEXITSTATUS(status), err, usage.ru_maxrss as u64 / 1024)
}

#[cfg(target_os = "linux")]
#[test]
fn a_200_mb_grid_is_refused_while_read_in_bounded_memory() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("tasks.json");
    let good: Value = serde_json::json!({
        "train": [{"input": [[1, 2], [3, 4]], "output": [[3, 4], [1, 2]]}],
        "test": [{"input": [[5], [6]], "output": [[6], [5]]}]
    });
    {
        let mut w = BufWriter::new(fs::File::create(&path).unwrap());
        write!(w, r#"{{"68b16354": {good}, "huge": {{"train": [{{"input": ["#).unwrap();
        let row = format!("[{}0]", "0,".repeat(9_999));
        for r in 0..10_000 {
            if r > 0 {
                w.write_all(b",").unwrap();
            }
            w.write_all(row.as_bytes()).unwrap();
        }
        write!(w, r#"], "output": [[1]]}}], "test": [{{"input": [[1]], "output": [[1]]}}]}}}}"#).unwrap();
        w.flush().unwrap();
    }
    let size_mib = fs::metadata(&path).unwrap().len() >> 20;
    assert!(size_mib >= 190, "{size_mib} MiB");
    let (code, err, peak) = eval_peak_mib(&path);
    assert_eq!(code, 1, "one task rejected, the other run: {err}");
    assert!(err.contains("task huge: train pair 0 input: 10000 rows, more than 30"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    // The text itself (about 191 MiB) plus a small tree: well under twice the file.
    assert!(peak < 400, "peak {peak} MiB for a {size_mib} MiB file");
}
