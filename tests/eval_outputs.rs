//! `eval --outputs FILE`: every sample's output grid (or failure) as one JSON line, in task and pair
//! order, whether the answer is right, wrong or an error. scripts/reference-diff compares these
//! outputs with the Python reference's. Data is made up here for the solver of d631b094
//! (`canvas(other(palette(I), 0), (1, count of that colour))`).

use std::fs;

use serde_json::{json, Value};
use tempfile::TempDir;

mod common;
use common::{arcforge, run};

#[test]
fn outputs_lists_every_sample_with_its_grid_or_failure() {
    let dir = TempDir::new().unwrap();
    let task = json!({
        "train": [
            {"input": [[0, 3], [3, 0]], "output": [[3, 3]]},
            // wrong expected grid: the output is still the solver's
            {"input": [[4, 0, 4]], "output": [[1]]}
        ],
        // an all-zero grid leaves `other` nothing to pick: the call fails
        "test": [{"input": [[0]], "output": [[0]]}]
    });
    fs::write(dir.path().join("d631b094.json"), task.to_string()).unwrap();
    let path = dir.path().join("outputs.jsonl");
    let (code, out, err) = run(arcforge()
        .args(["eval", "--device", "cpu", "--data"])
        .arg(dir.path())
        .arg("--outputs")
        .arg(&path));
    assert_eq!(code, 1, "an errored sample exits 1\nstdout:\n{out}\nstderr:\n{err}");
    assert!(out.contains(&format!("outputs   {}", path.display())), "{out}");
    let lines: Vec<Value> =
        fs::read_to_string(&path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0], json!({"task": "d631b094", "kind": "train", "index": 0, "output": [[3, 3]]}));
    assert_eq!(lines[1], json!({"task": "d631b094", "kind": "train", "index": 1, "output": [[4, 4]]}));
    assert_eq!(lines[2]["kind"], "test");
    assert_eq!(lines[2]["index"], 0);
    assert!(lines[2].get("output").is_none(), "{}", lines[2]);
    let why = lines[2]["error"].as_str().unwrap();
    assert!(why.contains("empty container"), "{why}");
}

#[test]
fn unwritable_outputs_file_exits_2() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("test0001.json"),
        json!({"train": [{"input": [[1]], "output": [[1]]}], "test": [{"input": [[1]], "output": [[1]]}]})
            .to_string(),
    )
    .unwrap();
    let path = dir.path().join("no-such-dir").join("o.jsonl");
    let (code, _, err) =
        run(arcforge().arg("eval").arg("--data").arg(dir.path()).arg("--outputs").arg(&path));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot write the outputs to"), "{err}");
}
