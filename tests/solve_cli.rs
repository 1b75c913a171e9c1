//! `arcforge solve` end to end on made-up Kaggle data: every task and test input is in the
//! submission, a task a solver reproduces is answered by it, a task nothing fits gets its test input
//! back as the fallback attempt, the score against a solutions file is printed, and the submission
//! is the same on every thread count.

use std::fs;

use serde_json::{json, Value};
use tempfile::TempDir;

mod common;
use common::arcforge;

/// Kaggle-style challenges: "mirror01" is a horizontal mirror (hmirror: rows upside down, which the
/// registered solver of 68b16354 does), "nofit001" fits no solver; each has two test inputs.
fn challenges(dir: &TempDir) -> std::path::PathBuf {
    let c = json!({
        "mirror01": {
            "train": [
                {"input": [[1, 2], [3, 4]], "output": [[3, 4], [1, 2]]},
                {"input": [[5, 0, 0], [0, 6, 0], [7, 7, 7]], "output": [[7, 7, 7], [0, 6, 0], [5, 0, 0]]}
            ],
            "test": [{"input": [[1], [2], [3]]}, {"input": [[4, 5]]}]
        },
        "nofit001": {
            "train": [{"input": [[1, 2]], "output": [[9, 9, 9, 9, 9]]}],
            "test": [{"input": [[3, 3]]}, {"input": [[4]]}]
        }
    });
    let p = dir.path().join("arc-agi_test_challenges.json");
    fs::write(&p, c.to_string()).unwrap();
    p
}

fn solve(args: &[&str]) -> (i32, String, Value) {
    let dir = TempDir::new().unwrap();
    let ch = challenges(&dir);
    let out = dir.path().join("submission.json");
    let o = arcforge()
        .arg("solve")
        .arg(&ch)
        .arg("-o")
        .arg(&out)
        .args(["--device", "cpu"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(o.stdout).unwrap();
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
    let sub = serde_json::from_str(&fs::read_to_string(&out).unwrap_or_default()).unwrap_or(Value::Null);
    (o.status.code().unwrap(), stdout, sub)
}

#[test]
fn submission_has_every_task_and_test_input_with_answers_and_fallbacks() {
    let (code, stdout, sub) = solve(&[]);
    assert_eq!(code, 0, "{stdout}");
    let tasks = sub.as_object().unwrap();
    assert_eq!(tasks.len(), 2);
    let mirror = tasks["mirror01"].as_array().unwrap();
    assert_eq!(mirror.len(), 2);
    assert_eq!(mirror[0]["attempt_1"], json!([[3], [2], [1]]));
    assert_eq!(mirror[1]["attempt_1"], json!([[4, 5]]));
    let nofit = tasks["nofit001"].as_array().unwrap();
    assert_eq!(nofit.len(), 2);
    for (k, input) in [json!([[3, 3]]), json!([[4]])].iter().enumerate() {
        assert_eq!(&nofit[k]["attempt_1"], input, "fallback: the test input itself");
        assert_eq!(&nofit[k]["attempt_2"], input);
    }
    assert!(stdout.contains("1 with a candidate solver"), "{stdout}");
    assert!(stdout.contains("solver calls/s"), "{stdout}");
}

#[test]
fn score_against_a_solutions_file() {
    let dir = TempDir::new().unwrap();
    let sol = dir.path().join("solutions.json");
    fs::write(&sol, json!({"mirror01": [[[3], [2], [1]], [[4, 5]]], "nofit001": [[[1]], [[4]]]}).to_string())
        .unwrap();
    let (code, stdout, _) = solve(&["--solutions", sol.to_str().unwrap()]);
    assert_eq!(code, 0);
    // mirror01: 2/2 right; nofit001: the fallback [[4]] happens to be right for 1 of 2.
    assert!(stdout.contains("score       1.50 of 2 tasks"), "{stdout}");
}

#[test]
fn submission_does_not_depend_on_threads() {
    let (_, _, one) = solve(&["--threads", "1"]);
    let (_, _, two) = solve(&["--threads", "2"]);
    assert_eq!(one, two);
}
