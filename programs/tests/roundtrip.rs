//! Every registered solver, rendered as arc-dsl Python, parsed back and interpreted, gives the compiled
//! solver's exact result (output value and work, or the same failure kind): on every input of its own
//! task, and on a deterministic stride of all-pairs (every solver on every training input).
//! `ARCFORGE_PROGRAMS_STRIDE=1` runs all 687,200 calls (do it in release mode).

mod support;

use std::collections::HashMap;

use kernels::Ctx;

/// The solvers rendered as one Python file and parsed back, by name.
fn python_programs() -> HashMap<String, programs::Program> {
    let from_rust = support::solver_programs();
    let text = programs::python_file(&from_rust);
    let parsed = programs::parse_python(&text, "solvers.py");
    assert!(parsed.errors.is_empty(), "{}", parsed.errors[0]);
    assert_eq!(parsed.programs.len(), from_rust.len());
    parsed.programs.into_iter().map(|p| (p.name.clone(), p)).collect()
}

#[test]
fn every_solver_rendered_as_python_reproduces_the_compiled_solver_on_its_own_task() {
    let programs = python_programs();
    let tasks = support::training_tasks();
    assert_eq!(solvers::all().len(), 400);
    assert_eq!(programs.len(), solvers::all().len());
    let (mut a, mut b) = (Ctx::default(), Ctx::default());
    let mut samples = 0;
    let mut outputs = 0;
    for task in &tasks {
        let Some(solver) = solvers::get(&task.id) else { continue };
        let program = &programs[solver.name];
        assert_eq!(program.task.as_deref(), Some(solver.task));
        for input in &task.inputs {
            let compiled = support::run_compiled(&mut a, solver, input);
            let interpreted = support::run_program(&mut b, program, input);
            assert_eq!(interpreted, compiled, "{} on an input of {}", solver.name, task.id);
            samples += 1;
            outputs += matches!(compiled, support::Result::Value { .. }) as usize;
        }
    }
    assert_eq!(samples, 1718);
    // Nearly all solvers succeed on their own task; a comparison of failures alone would prove little.
    assert!(outputs > 1700, "{outputs}");
}

#[test]
fn every_solver_rendered_as_python_reproduces_the_compiled_solver_on_a_stride_of_all_pairs() {
    let stride: usize =
        std::env::var("ARCFORGE_PROGRAMS_STRIDE").ok().and_then(|s| s.parse().ok()).unwrap_or(211);
    assert!(stride >= 1);
    let programs = python_programs();
    let inputs: Vec<_> = support::training_tasks().into_iter().flat_map(|t| t.inputs).collect();
    assert_eq!(inputs.len(), 1718);
    let (mut a, mut b) = (Ctx::default(), Ctx::default());
    let (mut calls, mut values, mut failures) = (0usize, 0usize, HashMap::new());
    let total = solvers::all().len() * inputs.len();
    // A stride coprime with the input count walks every solver and every input.
    for k in (0..total).step_by(stride) {
        let solver = &solvers::all()[k / inputs.len()];
        let input = &inputs[k % inputs.len()];
        let compiled = support::run_compiled(&mut a, solver, input);
        let interpreted = support::run_program(&mut b, &programs[solver.name], input);
        assert_eq!(interpreted, compiled, "{} on input #{}", solver.name, k % inputs.len());
        calls += 1;
        match compiled {
            support::Result::Value { .. } => values += 1,
            support::Result::Failed(kind) => *failures.entry(format!("{kind:?}")).or_insert(0usize) += 1,
        }
    }
    eprintln!("stride {stride}: {calls} calls agree ({values} values, failures {failures:?})");
    assert_eq!(calls, total.div_ceil(stride));
    assert!(values > 0 && !failures.is_empty());
}
