//! A panicking or looping solver, run by the CPU executor among registered solvers, loses only its
//! own samples: each becomes an error that says why, and every other (solver, input) output is the
//! one a run without the bad solvers gives. Loops are bounded by the step budget (`Limits`), also
//! with the default budget, and the outputs do not depend on the thread count.

use std::time::{Duration, Instant};

use kernels::{call, dsl, Ctx, Limits, Prim, Value};
use runtime::engine::{execute_on, ExecOptions, ExecRun, Job};
use runtime::{DeviceChoice, TaskGrid};
use solvers::Solver;

/// Panics on inputs whose first cell is 7, else answers the input.
fn panics_on_7<'a>(_: &'a Ctx, i: Value<'a>) -> Value<'a> {
    if let Value::Grid(g) = i {
        if g.cells[0] == 7 {
            panic!("test solver panics on a 7");
        }
    }
    i
}

/// A runaway written in the DSL: `power(identity, 2^31 - 1)(I)`.
fn power_loop<'a>(c: &'a Ctx, i: Value<'a>) -> Value<'a> {
    let f = dsl::power(c, Value::prim(Prim::identity), Value::Int(i32::MAX));
    match call(c, f, &[i]) {
        Ok(v) => v,
        Err(e) => c.fail(e),
    }
}

/// A solver whose own code never ends: it mirrors the grid until the context reports a failure
/// (the step budget, charged by every grid a primitive builds).
fn endless_mirror<'a>(c: &'a Ctx, i: Value<'a>) -> Value<'a> {
    let mut v = i;
    loop {
        v = dsl::hmirror(c, v);
        if c.failed() {
            return v;
        }
    }
}

fn test_solver(name: &'static str, cpu: solvers::SolverFn) -> Solver {
    Solver { task: name, name, cpu, cuda_kernel: "", cuda_source: "", file: file!(), line: line!() }
}

fn registered() -> Vec<Solver> {
    ["67a3c6ac", "68b16354", "a416b8f3", "3c9b0459"]
        .iter()
        .map(|t| *solvers::get(t).expect("registered"))
        .collect()
}

/// Twelve small grids; inputs 3 and 8 start with a 7.
fn inputs() -> Vec<TaskGrid> {
    (0..12usize)
        .map(|n| {
            let (h, w) = (n % 4 + 1, n % 5 + 2);
            let mut cells: Vec<u8> = (0..h * w).map(|k| ((k * (n + 1) + n) % 7) as u8).collect();
            cells[0] = if n == 3 || n == 8 { 7 } else { cells[0] % 7 };
            TaskGrid::new(h, w, cells).unwrap()
        })
        .collect()
}

fn every_pair(solvers: usize, inputs: usize) -> Vec<Job> {
    (0..solvers as u32).flat_map(|s| (0..inputs as u32).map(move |i| Job { solver: s, input: i })).collect()
}

fn cpu_run(solvers: &[Solver], inputs: &[TaskGrid], threads: usize, limits: Limits) -> ExecRun {
    let refs: Vec<&TaskGrid> = inputs.iter().collect();
    let opts =
        ExecOptions { device: DeviceChoice::Cpu, threads: Some(threads), limits, ..ExecOptions::default() };
    execute_on(&[], solvers, &refs, &every_pair(solvers.len(), inputs.len()), &opts).unwrap()
}

#[test]
fn a_panicking_or_looping_solver_loses_only_its_own_samples() {
    let inputs = inputs();
    let good = registered();
    let limits = Limits { max_steps: 200_000, ..Limits::default() };
    let clean = cpu_run(&good, &inputs, 2, limits);
    assert!(clean.outputs.iter().filter(|o| o.is_ok()).count() >= 30, "the good solvers mostly answer");

    // The bad solvers interleaved with the good ones (the groups share the CPU worker's batches).
    let bad = [
        test_solver("panics_on_7", panics_on_7),
        test_solver("power_loop", power_loop),
        test_solver("endless_mirror", endless_mirror),
    ];
    let mixed: Vec<Solver> = vec![bad[0], good[0], bad[1], good[1], good[2], bad[2], good[3]];
    let good_at = [1, 3, 4, 6];
    for threads in [1, 2] {
        let r = cpu_run(&mixed, &inputs, threads, limits);
        let n = inputs.len();
        for (g, &s) in good_at.iter().enumerate() {
            assert_eq!(
                r.outputs[s * n..(s + 1) * n],
                clean.outputs[g * n..(g + 1) * n],
                "{threads} threads: solver {} changed",
                mixed[s].name
            );
        }
        for (k, out) in r.outputs[..n].iter().enumerate() {
            if k == 3 || k == 8 {
                let e = out.as_ref().unwrap_err();
                assert!(
                    e.starts_with("solver panicked at ") && e.ends_with("test solver panics on a 7"),
                    "{e}"
                );
            } else {
                assert_eq!(out.as_ref().unwrap().cells, inputs[k].cells(), "input {k}: no panic, identity");
            }
        }
        for (s, what) in [(2, "step limit exceeded in call"), (5, "step limit exceeded in hmirror")] {
            for out in &r.outputs[s * n..(s + 1) * n] {
                assert_eq!(out.as_ref().unwrap_err(), what, "{}", mixed[s].name);
            }
        }
        assert_eq!(r.fallbacks(), 0);
    }
}

#[test]
fn the_default_step_budget_bounds_a_runaway() {
    // With the default budget (2^28 steps) a runaway still ends, with the step-limit error, and
    // the other samples of the batch are unaffected.
    let inputs: Vec<TaskGrid> = inputs().into_iter().take(2).collect();
    let solvers = [test_solver("power_loop", power_loop), registered()[0]];
    let t = Instant::now();
    let r = cpu_run(&solvers, &inputs, 2, Limits::default());
    let took = t.elapsed();
    for out in &r.outputs[..2] {
        assert_eq!(out.as_ref().unwrap_err(), "step limit exceeded in call");
    }
    assert!(r.outputs[2..].iter().all(Result::is_ok));
    assert!(took < Duration::from_secs(120), "a runaway took {took:?}");
}
