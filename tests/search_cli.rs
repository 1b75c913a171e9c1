//! `arcforge search` and `solve --search` end to end on made-up tasks: a complete submission (every
//! task and test index), the found program in the report and in `--emit`'s file, which `arcforge run`
//! reads back to the same answers; the same run twice writes the same bytes; `solve --search` answers
//! what no registered solver fits and says which program did; bad flags and outputs are one line, exit 2.

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

/// `solve --search` data: "mirror01" is hmirror (the registered solver of 68b16354 fits it), "rot90aaa"
/// is `rot90(I)` (no registered solver fits it; search finds it in one call), "nofit001" fits nothing
/// (its two demonstrations have one input and two outputs). The expected test outputs lie beside it.
fn solve_search_data(dir: &Path) -> PathBuf {
    let c = json!({
        "mirror01": {
            "train": [
                {"input": [[1, 2], [3, 4]], "output": [[3, 4], [1, 2]]},
                {"input": [[5, 0, 0], [0, 6, 0], [7, 7, 7]], "output": [[7, 7, 7], [0, 6, 0], [5, 0, 0]]}
            ],
            "test": [{"input": [[1], [2], [3]]}, {"input": [[4, 5]]}]
        },
        "rot90aaa": {
            "train": [
                {"input": [[1, 2, 3], [4, 5, 6]], "output": [[4, 1], [5, 2], [6, 3]]},
                {"input": [[7, 0], [0, 8], [9, 9]], "output": [[9, 0, 7], [9, 8, 0]]}
            ],
            "test": [{"input": [[1, 2], [3, 4]]}, {"input": [[5, 6, 7]]}]
        },
        "nofit001": {
            "train": [{"input": [[1, 2]], "output": [[3]]}, {"input": [[1, 2]], "output": [[4]]}],
            "test": [{"input": [[2, 1]]}]
        }
    });
    let solutions = json!({
        "mirror01": [[[3], [2], [1]], [[4, 5]]],
        "rot90aaa": [[[3, 1], [4, 2]], [[5], [6], [7]]],
        "nofit001": [[[5]]]
    });
    fs::write(dir.join("arc-agi_test_solutions.json"), solutions.to_string()).unwrap();
    let p = dir.join("arc-agi_test_challenges.json");
    fs::write(&p, c.to_string()).unwrap();
    p
}

#[test]
fn solve_with_search_answers_what_no_solver_fits_and_reports_the_program() {
    let dir = TempDir::new().unwrap();
    let data = solve_search_data(dir.path());
    let solve = |sub: &Path, extra: &[&str]| {
        let report = sub.with_extension("report.json");
        let (code, out, err) = run(arcforge()
            .arg("solve")
            .arg(&data)
            .args(["--device", "cpu", "--threads", "2", "-o"])
            .arg(sub)
            .arg("--json")
            .arg(&report)
            .args(extra));
        assert_eq!(code, 0, "{out}\n{err}");
        let s: Value = serde_json::from_slice(&fs::read(sub).unwrap()).unwrap();
        let r: Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
        (out, s, r)
    };

    // Without --search, rot90aaa has no candidate and gets its test inputs back.
    let (out, s, r) = solve(&dir.path().join("plain.json"), &[]);
    assert_eq!(s["rot90aaa"][0]["attempt_1"], json!([[1, 2], [3, 4]]));
    assert!(out.contains("score       1.00 of 3 tasks"), "{out}");
    assert!(r.get("search").is_none());

    let (out, s, r) = solve(&dir.path().join("searched.json"), &["--search", "2"]);
    // The solver's task keeps the solver's answers; the searched one gets the program's; the task
    // nothing fits keeps its test input. Every task and test index is present.
    assert_eq!(s["mirror01"][0]["attempt_1"], json!([[3], [2], [1]]));
    assert_eq!(s["mirror01"][1]["attempt_1"], json!([[4, 5]]));
    assert_eq!(s["rot90aaa"][0]["attempt_1"], json!([[3, 1], [4, 2]]));
    assert_eq!(s["rot90aaa"][1]["attempt_1"], json!([[5], [6], [7]]));
    assert_eq!(s["nofit001"].as_array().unwrap().len(), 1);
    assert_eq!(s["nofit001"][0]["attempt_1"], json!([[2, 1]]));
    assert!(
        out.contains("search      2 tasks without a candidate solver searched in")
            && out.contains("1 answered by a program"),
        "{out}"
    );
    let line = out.lines().find(|l| l.trim_start().starts_with("rot90aaa")).unwrap_or_default();
    assert!(line.contains("rot90(I)") && line.ends_with("(right)"), "{out}");
    assert!(out.contains("score       2.00 of 3 tasks"), "{out}");

    // The report: the solver's candidates as before, the search's part with its programs.
    assert_eq!(r["tasks"]["mirror01"]["candidates"][0], json!("68b16354"));
    assert_eq!(r["tasks"]["rot90aaa"]["candidates"], json!([]));
    assert_eq!(r["tasks"]["rot90aaa"]["score"], json!(1.0));
    assert_eq!(r["score"], json!([2.0, 3]));
    assert_eq!(r["search"]["answered"], json!(["rot90aaa"]));
    let searched: Vec<&str> =
        r["search"]["tasks"].as_array().unwrap().iter().map(|t| t["task"].as_str().unwrap()).collect();
    assert_eq!(searched, ["nofit001", "rot90aaa"]);
    let rot = &r["search"]["tasks"][1];
    assert_eq!(rot["found"], json!(true));
    let program = rot["programs"][0].as_str().unwrap();
    assert!(program.starts_with("def solve_rot90aaa(I):") && program.contains("rot90(I)"), "{program}");
    assert_eq!(r["search"]["tasks"][0]["found"], json!(false));
    // Two threads, two tasks: each task's share is the whole time given.
    assert_eq!(r["search"]["budget_per_task_s"], json!(2.0));
}

#[test]
fn solve_search_bad_seconds_are_one_line_exit_2() {
    let dir = TempDir::new().unwrap();
    let data = solve_search_data(dir.path());
    for (arg, shown) in
        [("--search=0", "0"), ("--search=-1", "-1"), ("--search=nan", "NaN"), ("--search=inf", "inf")]
    {
        let (code, out, err) =
            run(arcforge().arg("solve").arg(&data).arg(arg).arg("-o").arg(dir.path().join("s.json")));
        assert_eq!(code, 2, "{arg}: {out}\n{err}");
        assert_eq!(err.lines().count(), 1, "{arg}: {err}");
        assert_eq!(err.trim_end(), format!("error: --search {shown}: give a positive number of seconds"));
        assert!(!dir.path().join("s.json").exists(), "{arg}: nothing is written");
    }
    // Not a number: clap's own error, whose first line names the flag and the value.
    let (code, _, err) = run(arcforge().arg("solve").arg(&data).args(["--search", "soon"]));
    assert_eq!(code, 2);
    assert!(err.lines().next().unwrap().contains("invalid value 'soon' for '--search <SECONDS>'"), "{err}");
}

#[test]
fn search_on_the_gpu_is_refused_in_one_line_and_cpu_or_auto_run() {
    let dir = TempDir::new().unwrap();
    let data = challenges(dir.path());
    let out = dir.path().join("s.json");
    let (code, stdout, err) =
        run(arcforge().arg("search").arg(&data).args(["--device", "gpu", "-q", "-o"]).arg(&out));
    assert_eq!(code, 2, "{stdout}\n{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: --device gpu: search runs on the CPU only"), "{err}");
    assert!(!out.exists(), "nothing is written");
    for device in ["cpu", "auto"] {
        let (code, stdout, err) = run(arcforge()
            .arg("search")
            .arg(&data)
            .args(["--device", device, "-q", "--budget", "1", "-o"])
            .arg(&out));
        assert_eq!(code, 0, "{device}: {stdout}\n{err}");
        assert!(out.exists(), "{device}: the submission is written");
        fs::remove_file(&out).unwrap();
    }
}
