//! `arcforge search` end to end on made-up tasks: a complete submission (every task and test index),
//! the found program in the report and in `--emit`'s file, which `arcforge run` reads back to the same
//! answers; the same run twice writes the same bytes; bad flags and outputs are one line, exit 2.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use tempfile::TempDir;

mod common;
use common::{arcforge, run};

/// 0000aaaa is vmirror; 0000bbbb has no program in the space (unrelated outputs).
fn challenges(dir: &Path) -> PathBuf {
    let c = json!({
        "0000aaaa": {
            "train": [
                {"input": [[1, 2, 0], [0, 3, 3]], "output": [[0, 2, 1], [3, 3, 0]]},
                {"input": [[5, 0], [6, 6], [0, 7]], "output": [[0, 5], [6, 6], [7, 0]]}
            ],
            "test": [{"input": [[1, 2, 3, 4]]}, {"input": [[4], [5]]}]
        },
        "0000bbbb": {
            "train": [
                {"input": [[1, 2], [3, 4]], "output": [[9, 9, 9], [1, 8, 8]]},
                {"input": [[4, 4], [2, 1]], "output": [[0, 5], [6, 7]]}
            ],
            "test": [{"input": [[2, 2]]}]
        }
    });
    let p = dir.join("arc-agi_test_challenges.json");
    fs::write(&p, c.to_string()).unwrap();
    p
}

#[test]
fn search_answers_every_task_and_its_program_runs_back() {
    let dir = TempDir::new().unwrap();
    let data = challenges(dir.path());
    let sub = dir.path().join("sub.json");
    let report = dir.path().join("report.json");
    let emit = dir.path().join("found");
    let (code, out, err) = run(arcforge()
        .arg("search")
        .arg(&data)
        .args(["--max-depth", "2", "--steps", "3000000", "--budget", "60", "-o"])
        .arg(&sub)
        .arg("--json")
        .arg(&report)
        .arg("--emit")
        .arg(&emit));
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("tasks       2, 1 with a program"), "{out}");
    let s: Value = serde_json::from_slice(&fs::read(&sub).unwrap()).unwrap();
    assert_eq!(s["0000aaaa"][0]["attempt_1"], json!([[4, 3, 2, 1]]));
    assert_eq!(s["0000aaaa"][1]["attempt_1"], json!([[4], [5]]));
    assert_eq!(s["0000bbbb"][0]["attempt_1"], json!([[2, 2]]));
    let r: Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
    let task = r["tasks"].as_array().unwrap().iter().find(|t| t["task"] == "0000aaaa").unwrap().clone();
    assert_eq!(task["found"], json!(true));
    assert!(task["tried"].as_u64().unwrap() > 0 && task["distinct"].as_u64().unwrap() > 1);
    assert!(task["programs"][0].as_str().unwrap().starts_with("def solve_0000aaaa(I):"));

    // The emitted file is a program file `arcforge run` reads, with the same answers.
    let again = dir.path().join("run.json");
    let (code, out, err) = run(arcforge()
        .arg("run")
        .arg(emit.join("0000aaaa.py"))
        .arg("--data")
        .arg(&data)
        .args(["--task", "0000aaaa", "-o"])
        .arg(&again));
    assert_eq!(code, 0, "{out}\n{err}");
    let a: Value = serde_json::from_slice(&fs::read(&again).unwrap()).unwrap();
    assert_eq!(a["0000aaaa"], s["0000aaaa"]);

    // The same search writes the same bytes.
    let sub2 = dir.path().join("sub2.json");
    let (code, _, _) = run(arcforge()
        .arg("search")
        .arg(&data)
        .args(["--max-depth", "2", "--steps", "3000000", "--budget", "60", "-o"])
        .arg(&sub2));
    assert_eq!(code, 0);
    assert_eq!(fs::read(&sub).unwrap(), fs::read(&sub2).unwrap());
}

#[test]
fn bad_flags_and_outputs_are_one_line_exit_2() {
    let dir = TempDir::new().unwrap();
    let data = challenges(dir.path());
    for (args, says) in [
        (vec!["--budget", "0"], "--budget 0: give a positive number of seconds"),
        (vec!["--task", "nope"], "task nope is not in"),
        (vec!["-o", "/nonexistent/dir/x.json"], "cannot write the submission to /nonexistent/dir/x.json"),
        (vec!["--json", "-"], "give -o and --json a file, not -"),
    ] {
        let (code, _, err) = run(arcforge().arg("search").arg(&data).args(&args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}
