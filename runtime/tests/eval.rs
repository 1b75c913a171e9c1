//! Runner tests with test-only solvers: correct, wrong, failing, panicking, step-limited and
//! non-grid solvers; report keys and counts; determinism across thread counts; device choice.

use std::path::PathBuf;
use std::time::Duration;

use kernels::{Ctx, Fail, FailKind, Limits, Value};
use runtime::commands::eval::{self, EvalError};
use runtime::engine::sample::{run_task, Outcome};
use runtime::load::{LoadIssue, Loaded, SourceKind};
use runtime::{DeviceChoice, Pair, Task, TaskGrid};
use runtime::{ExecError, ExecOptions};
use solvers::Solver;

fn identity<'a>(_: &'a Ctx, i: Value<'a>) -> Value<'a> {
    i
}
/// Right on grids whose first cell is not 7 (it always answers the input).
fn one_by_one_zero<'a>(c: &'a Ctx, _: Value<'a>) -> Value<'a> {
    match c.grid(1, 1, "test", |_, _| 0) {
        Ok(g) => Value::Grid(g),
        Err(f) => c.fail(f),
    }
}
fn failing<'a>(c: &'a Ctx, _: Value<'a>) -> Value<'a> {
    c.fail(Fail { kind: FailKind::Empty, what: "first" })
}
fn panicking<'a>(_: &'a Ctx, i: Value<'a>) -> Value<'a> {
    if let Value::Grid(g) = i {
        if g.cells[0] == 7 {
            panic!("solver bug on a 7");
        }
    }
    i
}
fn not_a_grid<'a>(_: &'a Ctx, _: Value<'a>) -> Value<'a> {
    Value::Int(3)
}
/// Burns steps until the budget stops it.
fn runaway<'a>(c: &'a Ctx, _: Value<'a>) -> Value<'a> {
    loop {
        if let Err(f) = c.step(1000, "runaway") {
            return c.fail(f);
        }
    }
}

fn grid(rows: &[&[u8]]) -> TaskGrid {
    TaskGrid::from_rows(rows).unwrap()
}

/// A task whose pairs map each input to itself; `inputs` gives one colour per pair, the last pair is
/// the test.
fn identity_task(id: &str, colours: &[u8]) -> Task {
    let pair = |c: u8| Pair { input: grid(&[&[c, 1], &[2, 3]]), output: Some(grid(&[&[c, 1], &[2, 3]])) };
    let (test, train) = colours.split_last().unwrap();
    Task { id: id.into(), train: train.iter().map(|&c| pair(c)).collect(), test: vec![pair(*test)] }
}

fn loaded(tasks: Vec<Task>, issues: Vec<LoadIssue>) -> Loaded {
    let mut tasks = tasks;
    tasks.sort_by(|a, b| a.id.cmp(&b.id));
    Loaded {
        path: PathBuf::from("mem"),
        kind: SourceKind::Folder { split: None },
        tasks,
        issues,
        rejected_tasks: Vec::new(),
        elapsed: Duration::from_millis(5),
    }
}

fn solver(task: &'static str, name: &'static str, cpu: solvers::SolverFn) -> Solver {
    Solver { task, name, cpu, cuda_kernel: "", cuda_source: "", file: file!(), line: line!() }
}

fn the_suite() -> (Loaded, Vec<Solver>) {
    let tasks = vec![
        identity_task("a_ok", &[1, 2, 3]),
        identity_task("b_wrong", &[1, 2]),
        identity_task("c_fail", &[1, 2]),
        identity_task("d_panic", &[1, 7, 2]),
        identity_task("e_int", &[4]),
        identity_task("f_steps", &[4]),
        identity_task("g_nosolver", &[4]),
    ];
    let solvers = vec![
        solver("a_ok", "solve_a", identity),
        solver("b_wrong", "solve_b", one_by_one_zero),
        solver("c_fail", "solve_c", failing),
        solver("d_panic", "solve_d", panicking),
        solver("e_int", "solve_e", not_a_grid),
        solver("f_steps", "solve_f", runaway),
        solver("zz_absent", "solve_zz", identity),
    ];
    (loaded(tasks, vec![]), solvers)
}

fn opts(threads: Option<usize>) -> ExecOptions {
    ExecOptions {
        device: DeviceChoice::Cpu,
        threads,
        limits: Limits { max_steps: 100_000, ..Limits::default() },
        ..ExecOptions::default()
    }
}

#[test]
fn counts_and_per_task_results() {
    let (data, solvers) = the_suite();
    let r = eval::evaluate(&data, &solvers, &opts(Some(2))).unwrap();
    assert_eq!(r.tasks_total, 7);
    assert_eq!(r.tasks_with_solver, 6);
    assert_eq!(r.tasks_solved, 1);
    // 3 + 2 + 2 + 3 + 1 + 1 pairs.
    assert_eq!(r.samples, 12);
    // a_ok: 3; d_panic: pairs 0 and 2 (identity on non-7 inputs).
    assert_eq!(r.samples_correct, 5);
    // c_fail 2, d_panic 1, e_int 1, f_steps 1 (b_wrong is wrong, not errored).
    assert_eq!(r.samples_errored, 5);
    assert!(!r.all_good());

    let t = &r.tasks;
    assert!(t["a_ok"].solved && t["a_ok"].correct == 3 && t["a_ok"].error.is_none());
    assert_eq!(t["a_ok"].solver, Some("solve_a"));
    assert_eq!((t["b_wrong"].solved, t["b_wrong"].correct, t["b_wrong"].errored), (false, 0, 0));
    assert_eq!(t["c_fail"].error.as_deref(), Some("train pair 0: empty container in first"));
    assert_eq!(t["c_fail"].errored, 2);
    let panic_msg = t["d_panic"].error.as_deref().unwrap();
    assert!(panic_msg.starts_with("train pair 1: solver panicked at "), "{panic_msg}");
    assert!(panic_msg.ends_with("solver bug on a 7"), "{panic_msg}");
    assert_eq!((t["d_panic"].correct, t["d_panic"].errored), (2, 1), "a panic loses only its sample");
    assert_eq!(t["e_int"].error.as_deref(), Some("test pair 0: output is int, not a grid"));
    assert_eq!(t["f_steps"].error.as_deref(), Some("test pair 0: step limit exceeded in runaway"));
    let none = &t["g_nosolver"];
    assert_eq!((none.solver, none.samples, none.device), (None, 0, None));
    assert!(!t.contains_key("zz_absent"), "solvers without a loaded task are not reported");
    assert_eq!(r.timing_ms.load, 5.0);
    assert!(r.timing_ms.total >= r.timing_ms.load + r.timing_ms.solve);
}

#[test]
fn report_json_has_the_documented_keys() {
    let (data, solvers) = the_suite();
    let r = eval::evaluate(&data, &solvers, &opts(None)).unwrap();
    let v = serde_json::to_value(&r).unwrap();
    for key in [
        "tasks_total",
        "tasks_with_solver",
        "tasks_solved",
        "samples",
        "samples_correct",
        "device",
        "rejected",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["device"], "cpu");
    for key in ["load", "solve", "verify", "total"] {
        assert!(v["timing_ms"][key].is_number(), "missing timing_ms.{key}");
    }
    let a = &v["tasks"]["a_ok"];
    for key in ["solved", "samples", "correct", "device", "fallbacks", "error"] {
        assert!(a.get(key).is_some(), "missing tasks.a_ok.{key}");
    }
    assert_eq!(a["device"], "cpu");
    assert_eq!(a["fallbacks"], 0);
    assert!(a["error"].is_null());
}

#[test]
fn report_is_identical_across_thread_counts() {
    let (data, solvers) = the_suite();
    let strip = |threads| {
        let mut v = serde_json::to_value(eval::evaluate(&data, &solvers, &opts(threads)).unwrap()).unwrap();
        v.as_object_mut().unwrap().remove("timing_ms");
        // Panic locations are the same on every run; the whole report must be byte-identical.
        serde_json::to_string(&v).unwrap()
    };
    let one = strip(Some(1));
    assert_eq!(one, strip(Some(4)));
    assert_eq!(one, strip(None));
}

#[test]
fn rejected_input_is_reported_and_not_all_good() {
    let issue =
        LoadIssue { file: "x.json".into(), task: Some("x".into()), place: String::new(), what: "bad".into() };
    let data = loaded(vec![identity_task("a_ok", &[1])], vec![issue]);
    let r = eval::evaluate(&data, &[solver("a_ok", "solve_a", identity)], &opts(None)).unwrap();
    assert_eq!(r.tasks_solved, 1);
    assert_eq!(r.rejected.len(), 1);
    assert!(!r.all_good());
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["rejected"][0]["message"], "x.json: task x: bad");

    let clean = loaded(vec![identity_task("a_ok", &[1])], vec![]);
    let r = eval::evaluate(
        &clean,
        &[solver("a_ok", "solve_a", identity), solver("b", "solve_b", failing)],
        &opts(None),
    )
    .unwrap();
    assert!(r.all_good());
    // A wrong answer is a result, not an error.
    let r = eval::evaluate(&clean, &[solver("a_ok", "solve_a", one_by_one_zero)], &opts(None)).unwrap();
    assert_eq!((r.samples_correct, r.samples_errored), (0, 0));
    assert!(r.all_good());
}

#[test]
fn gpu_device_is_refused_and_auto_falls_back() {
    // A selection of no GPU is unusable on any machine and build.
    let (data, solvers) = the_suite();
    let no_gpu = |device| ExecOptions { device, gpus: Some(vec![]), ..opts(None) };
    let err = eval::evaluate(&data, &solvers, &no_gpu(DeviceChoice::Gpu)).unwrap_err();
    assert!(matches!(err, EvalError::Exec(ExecError::Gpu(_))));
    assert_eq!(err.to_string(), "GPU not available: --gpus selected no GPU");
    let r = eval::evaluate(&data, &solvers, &no_gpu(DeviceChoice::Auto)).unwrap();
    assert_eq!(r.device, runtime::Device::Cpu);
    assert_eq!(r.device_note.as_deref(), Some("GPU not available: --gpus selected no GPU"));
}

#[test]
fn run_task_keeps_pair_order_and_outputs() {
    let t = identity_task("d", &[1, 7, 2]);
    let runs = run_task(&t, panicking, Limits::default());
    let order: Vec<_> = runs.iter().map(|r| (r.kind.to_string(), r.index)).collect();
    assert_eq!(order, [("train".to_string(), 0), ("train".to_string(), 1), ("test".to_string(), 0)]);
    assert_eq!(runs[0].outcome, Outcome::Correct);
    assert_eq!(runs[0].output.as_ref().unwrap().cells, vec![1, 1, 2, 3]);
    assert!(matches!(runs[1].outcome, Outcome::Error(_)));
    assert_eq!(runs[2].outcome, Outcome::Correct, "the context is usable after a panic");
}
