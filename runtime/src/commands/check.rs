//! GPU/CPU parity (`arcforge check`): every solver with a GPU kernel runs on the device and on the
//! CPU over real inputs (its own task's pairs and every loaded task's inputs) and over randomized
//! ones (the eight rotations/reflections and colour permutations of real inputs, and random grids of
//! sizes 1..=30), and every sample the GPU finished must equal the CPU's output byte for byte. A
//! sample the GPU flags is redone on the CPU in real runs: here it is counted with its reason. A
//! failure the GPU decides itself where `solve` lets it
//! ([`status_verdict`](crate::engine::status::status_verdict): Python raises, the size limit, the
//! CPU's step budget, no ARC grid) must be the CPU's failure of the same kind.
//!
//! The CPU side is the Rust path (the reference). Where the build has the typed CPU path (the GPU's
//! C++ compiled for the host, `engine::typed_cpu`), every solver also runs on it over the same
//! samples, and its grids and verdicts must be the Rust path's the same way.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use solvers::Solver;

use crate::backends::gpu::{accelerators, execute};
use crate::data::task::{Task, TaskGrid};
use crate::data::variant::variant;
use crate::engine::device::DeviceChoice;
use crate::engine::exec::{ExecOptions, ExecRun, Job};
use crate::engine::fnv::{fnv1a, FNV_OFFSET};
use crate::engine::sample::OutGrid;
use crate::engine::status::{status_reason, STATUS_OUTPUT};
use crate::engine::typed_cpu::{self, TypedCpu};

/// How much to check.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// The GPUs to check (`--gpus`; `None`: all visible).
    pub gpus: Option<Vec<usize>>,
    /// Randomized variants per real input.
    pub variants: usize,
    /// Random grids per solver.
    pub random: usize,
    /// Seed of the randomized inputs (the same seed gives the same inputs).
    pub seed: u64,
    /// Also run each solver on every loaded task's inputs, not only its own task's.
    pub all_inputs: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions { gpus: None, variants: 2, random: 64, seed: 0x5eed, all_inputs: true }
    }
}

/// One disagreement between a device (the GPU, or the typed CPU path: `gpu`) and the Rust path (`cpu`).
#[derive(Clone, Debug, Serialize)]
pub struct Difference {
    pub task: String,
    pub sample: String,
    pub gpu: String,
    pub cpu: String,
}

impl Difference {
    /// `device`'s output against the reference's (the Rust path's), as one line each.
    fn new(
        s: Solver,
        sample: &str,
        device: &Result<OutGrid, String>,
        reference: &Result<OutGrid, String>,
    ) -> Self {
        let shown = |o: &Result<OutGrid, String>, article: &str| match o {
            Ok(o) => format!("{article}{}x{} grid", o.h, o.w),
            Err(e) => format!("no grid: {e}"),
        };
        Difference {
            task: s.task.to_string(),
            sample: sample.to_string(),
            gpu: shown(device, ""),
            cpu: shown(reference, "a "),
        }
    }
}

/// What `check` found.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CheckReport {
    /// Solvers with a GPU kernel that were checked.
    pub solvers: usize,
    /// Samples run on both devices.
    pub samples: usize,
    /// Samples the GPU finished with the CPU's exact output grid.
    pub identical: usize,
    /// Samples the GPU failed with a verdict the CPU agrees with (same kind of failure, or both no
    /// ARC grid).
    pub same_verdict: usize,
    /// Samples the GPU flagged for a CPU redo, by reason.
    pub fallbacks: BTreeMap<String, usize>,
    /// Samples where the GPU finished with something the CPU did not produce.
    pub differences: Vec<Difference>,
    /// The GPUs that ran the check.
    pub gpus: Vec<String>,
    /// Wall time of the GPU run (redo included) and of the CPU run, in milliseconds.
    pub gpu_ms: f64,
    pub cpu_ms: f64,
    /// The ten slowest GPU batches (task, samples, time).
    pub slowest_gpu_batches: Vec<String>,
    /// The typed CPU path against the Rust path over the same samples (`None`: not in this build).
    pub typed_cpu: Option<TypedCheck>,
}

/// The typed CPU path against the Rust path (every solver forced onto it, its verdicts taken).
#[derive(Clone, Debug, Default, Serialize)]
pub struct TypedCheck {
    /// Samples it finished with the Rust path's exact grid.
    pub identical: usize,
    /// Samples it failed with a verdict the Rust path agrees with.
    pub same_verdict: usize,
    /// Samples it left to the Rust solver (an overload or arena it lacks, an output it does not hold).
    pub redone: usize,
    /// Samples where it gave something the Rust path did not (`gpu` holds the typed path's output,
    /// `cpu` the Rust path's).
    pub differences: Vec<Difference>,
    /// Wall time of its run, in milliseconds.
    pub ms: f64,
}

fn random_grid(rng: &mut fastrand::Rng) -> Option<TaskGrid> {
    let (h, w) = (rng.usize(1..=30), rng.usize(1..=30));
    // Mostly one background with a few colours, like ARC grids, sometimes pure noise.
    let colours = rng.u8(1..=10);
    let bg = rng.u8(0..10);
    let cells =
        (0..h * w).map(|_| if rng.u8(0..4) == 0 { rng.u8(0..colours) } else { bg }).collect::<Vec<u8>>();
    TaskGrid::new(h, w, cells).ok()
}

/// Inputs for one solver: (description, grid).
fn inputs_for(s: &Solver, tasks: &[Task], opts: &CheckOptions) -> Vec<(String, TaskGrid)> {
    let mut rng = fastrand::Rng::with_seed(opts.seed ^ fnv1a(FNV_OFFSET, s.task.as_bytes()));
    let mut out = Vec::new();
    for t in tasks {
        if !(opts.all_inputs || t.id == s.task) {
            continue;
        }
        for (kind, index, pair) in t.samples() {
            out.push((format!("{} {kind} pair {index} input", t.id), pair.input.clone()));
            if t.id == s.task {
                for v in 0..opts.variants {
                    let sym = rng.u8(0..8);
                    let mut perm: [u8; 10] = std::array::from_fn(|k| k as u8);
                    rng.shuffle(&mut perm);
                    if let Some(g) = variant(&pair.input, sym, &perm) {
                        out.push((
                            format!("{} {kind} pair {index} variant {v} (sym {sym}, perm {perm:?})", t.id),
                            g,
                        ));
                    }
                }
            }
        }
    }
    for r in 0..opts.random {
        if let Some(g) = random_grid(&mut rng) {
            out.push((format!("random grid {r} (seed {:#x})", opts.seed), g));
        }
    }
    out
}

/// Whether the CPU's outcome `cpu` is the failure of the GPU's verdict `gpu`: "<kind> (GPU verdict)"
/// against the CPU's "<kind> in <primitive>", or no ARC grid on both.
pub(crate) fn same_failure(gpu: &str, cpu: &Result<OutGrid, String>) -> bool {
    same_failure_by(gpu, "GPU", cpu)
}

/// [`same_failure`] of a verdict the `by` device gave ("<kind> (<by> verdict)").
fn same_failure_by(verdict: &str, by: &str, cpu: &Result<OutGrid, String>) -> bool {
    let Some(kind) = verdict.strip_suffix(&format!(" ({by} verdict)")) else { return false };
    match cpu {
        Ok(g) => kind == status_reason(STATUS_OUTPUT) && !g.is_arc_grid(),
        Err(e) => e.strip_prefix(kind).is_some_and(|rest| rest.starts_with(" in ")),
    }
}

/// Runs the parity check of every solver in `solvers` that has a GPU kernel, through the same
/// executor as `eval` (forced onto the GPUs, then onto the CPU).
pub fn check(tasks: &[Task], solvers: &[Solver], opts: &CheckOptions) -> Result<CheckReport, String> {
    let accels = accelerators(opts.gpus.as_deref())?;
    let on_gpu: Vec<Solver> =
        solvers.iter().filter(|s| accels.iter().any(|a| a.has_kernel(s.cuda_kernel))).copied().collect();
    // Inputs are shared between solvers (every solver sees every real input).
    let mut pool: Vec<TaskGrid> = Vec::new();
    let mut seen: HashMap<TaskGrid, u32> = HashMap::new();
    let mut jobs = Vec::new();
    let mut labels = Vec::new();
    for (k, s) in on_gpu.iter().enumerate() {
        for (what, g) in inputs_for(s, tasks, opts) {
            let input = *seen.entry(g.clone()).or_insert_with(|| {
                pool.push(g);
                pool.len() as u32 - 1
            });
            jobs.push(Job { solver: k as u32, input });
            labels.push(what);
        }
    }
    let inputs: Vec<&TaskGrid> = pool.iter().collect();
    let gpus = opts.gpus.clone();
    let gpu_opts = ExecOptions {
        device: DeviceChoice::Gpu,
        gpus,
        gpu_verdicts: true,
        kernel_times: true,
        ..ExecOptions::default()
    };
    let gpu_run = execute(&on_gpu, &inputs, &jobs, &gpu_opts).map_err(|e| e.to_string())?;
    let cpu_opts =
        ExecOptions { device: DeviceChoice::Cpu, typed_cpu: TypedCpu::Off, ..ExecOptions::default() };
    let cpu_run = execute(&on_gpu, &inputs, &jobs, &cpu_opts).map_err(|e| e.to_string())?;

    let typed_cpu = typed_cpu::available().then(|| {
        let opts = ExecOptions {
            device: DeviceChoice::Cpu,
            typed_cpu: TypedCpu::All,
            gpu_verdicts: true,
            ..ExecOptions::default()
        };
        let run = execute(&on_gpu, &inputs, &jobs, &opts).map_err(|e| e.to_string())?;
        Ok::<_, String>(compare_typed(&run, &cpu_run, &on_gpu, &jobs, &labels))
    });

    let mut report = CheckReport {
        solvers: on_gpu.len(),
        samples: jobs.len(),
        typed_cpu: typed_cpu.transpose()?,
        ..CheckReport::default()
    };
    for (k, job) in jobs.iter().enumerate() {
        if let Some(why) = &gpu_run.fallback[k] {
            *report.fallbacks.entry(why.clone()).or_default() += 1;
            continue;
        }
        match (&gpu_run.outputs[k], &cpu_run.outputs[k]) {
            (Ok(g), Ok(c)) if g == c => report.identical += 1,
            (Err(g), c) if gpu_run.verdict[k] && same_failure(g, c) => report.same_verdict += 1,
            (g, c) => report.differences.push(Difference::new(on_gpu[job.solver as usize], &labels[k], g, c)),
        }
    }
    report.slowest_gpu_batches = gpu_run
        .gpu_batch_ms
        .iter()
        .take(10)
        .map(|&(k, n, ms)| format!("{}: {n} samples, {ms:.2} ms", on_gpu[k].task))
        .collect();
    report.gpus = gpu_run.gpus;
    report.gpu_ms = gpu_run.profile.solve;
    report.cpu_ms = cpu_run.profile.solve;
    Ok(report)
}

/// The typed path's run against the Rust path's: the same grids, and its verdicts the Rust path's
/// failures of the same kind; what it left to the Rust solver is the Rust path's by construction.
fn compare_typed(
    typed: &ExecRun,
    rust: &ExecRun,
    solvers: &[Solver],
    jobs: &[Job],
    labels: &[String],
) -> TypedCheck {
    let mut out = TypedCheck { ms: typed.profile.solve, ..TypedCheck::default() };
    for (k, job) in jobs.iter().enumerate() {
        match (&typed.outputs[k], &rust.outputs[k]) {
            (Ok(t), Ok(r)) if t == r => out.identical += 1,
            (Err(t), r) if same_failure_by(t, typed_cpu::VERDICT_BY, r) => out.same_verdict += 1,
            (Err(t), Err(r)) if t == r => out.redone += 1,
            (t, r) => out.differences.push(Difference::new(solvers[job.solver as usize], &labels[k], t, r)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gpu_verdict_agrees_only_with_the_same_failure_on_the_cpu() {
        use crate::engine::status::status_verdict;
        let empty = status_verdict(2).unwrap();
        assert!(same_failure(&empty, &Err("empty container in first".into())));
        assert!(!same_failure(&empty, &Err("index out of range in first".into())));
        assert!(!same_failure(&empty, &Err("empty container".into())), "the CPU always names the primitive");
        assert!(!same_failure(&empty, &Ok(OutGrid { h: 1, w: 1, cells: vec![0] })));
        let output = status_verdict(STATUS_OUTPUT).unwrap();
        assert!(same_failure(&output, &Ok(OutGrid { h: 31, w: 2, cells: vec![0; 62] })));
        assert!(same_failure(&output, &Ok(OutGrid { h: 0, w: 0, cells: vec![] })));
        assert!(!same_failure(&output, &Ok(OutGrid { h: 30, w: 30, cells: vec![0; 900] })));
        assert!(!same_failure(&output, &Err("empty container in first".into())));
        // the CPU's step budget is one (the GPU counts the CPU's steps); the GPU's own limits are
        // not: those samples are redone
        let steps = status_verdict(7).unwrap();
        assert!(same_failure(&steps, &Err("step limit exceeded in call".into())));
        assert!(!same_failure(&steps, &Ok(OutGrid { h: 1, w: 1, cells: vec![0] })));
        assert_eq!(status_verdict(crate::engine::status::STATUS_GPU_STEPS), None);
        assert_eq!(status_verdict(8), None);
        assert_eq!(status_verdict(9), None);
        assert!(!same_failure("empty container in first", &Err("empty container in first".into())));
        // the typed CPU path's verdicts read the same way, under their own name
        let typed = crate::engine::status::status_verdict_by(2, typed_cpu::VERDICT_BY).unwrap();
        assert!(same_failure_by(&typed, typed_cpu::VERDICT_BY, &Err("empty container in first".into())));
        assert!(!same_failure(&typed, &Err("empty container in first".into())));
    }

    /// Every solver on random grids (most fail on them) through both CPU paths: the typed path's
    /// grids and verdicts are the Rust path's, and the comparison sees both kinds of sample.
    #[test]
    fn the_typed_path_is_held_to_the_rust_path() {
        use crate::engine::exec::execute_on;
        if !typed_cpu::available() {
            return;
        }
        let mut rng = fastrand::Rng::with_seed(11);
        let grids: Vec<TaskGrid> = (0..6).filter_map(|_| random_grid(&mut rng)).collect();
        let inputs: Vec<&TaskGrid> = grids.iter().collect();
        let solvers = solvers::all();
        let jobs: Vec<Job> = (0..solvers.len() as u32)
            .flat_map(|s| (0..inputs.len() as u32).map(move |input| Job { solver: s, input }))
            .collect();
        let labels: Vec<String> = jobs.iter().map(|j| format!("random grid {}", j.input)).collect();
        let run = |typed_cpu, gpu_verdicts| {
            let opts =
                ExecOptions { device: DeviceChoice::Cpu, typed_cpu, gpu_verdicts, ..ExecOptions::default() };
            execute_on(&[], solvers, &inputs, &jobs, &opts).unwrap()
        };
        let (rust, typed) = (run(TypedCpu::Off, false), run(TypedCpu::All, true));
        let c = compare_typed(&typed, &rust, solvers, &jobs, &labels);
        assert!(c.differences.is_empty(), "{:?}", &c.differences[..c.differences.len().min(5)]);
        assert!(
            c.identical > 0 && c.same_verdict > 0,
            "identical {}, verdicts {}",
            c.identical,
            c.same_verdict
        );
        assert_eq!(c.identical + c.same_verdict + c.redone, jobs.len());
        // A wrong grid on the typed side is a difference.
        let mut broken = typed;
        let k = broken.outputs.iter().position(|o| o.is_ok()).unwrap();
        if let Ok(g) = &mut broken.outputs[k] {
            g.cells[0] = g.cells[0].wrapping_add(1);
        }
        assert_eq!(compare_typed(&broken, &rust, solvers, &jobs, &labels).differences.len(), 1);
    }

    #[test]
    fn randomized_inputs_are_reproducible_from_the_seed() {
        let mut a = fastrand::Rng::with_seed(7);
        let mut b = fastrand::Rng::with_seed(7);
        for _ in 0..20 {
            assert_eq!(random_grid(&mut a), random_grid(&mut b));
        }
    }
}
