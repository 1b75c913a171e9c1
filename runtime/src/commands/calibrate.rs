//! The cost model `--device auto` dispatches by: measured on this machine by `arcforge calibrate`
//! and cached per machine and binary, or the defaults of [`CostModel`] until then.
//!
//! The cache lives in [`cache_dir`] (`$ARCFORGE_CACHE`, else `$XDG_CACHE_HOME/arcforge`, else
//! `~/.cache/arcforge`), as `cost-<key>.json`, where the key names the binary's version, its GPU build
//! and the devices seen: a new build or a different GPU starts from the defaults again.

use std::path::PathBuf;

use crate::backends::gpu::{accelerators, build_info, devices_info, execute};
use crate::data::task::TaskGrid;
use crate::engine::cost::{cache_dir, CostModel, SolverCost};
use crate::engine::device::DeviceChoice;
use crate::engine::exec::{ExecOptions, Job};
use crate::engine::fnv::{fnv1a, FNV_OFFSET};

/// What a calibration is valid for: this binary's version and GPU build, and the devices in use
/// (those of `gpus`, the `--gpus` selection; `None`: all visible).
pub fn cache_key(gpus: Option<&[usize]>) -> String {
    let text = format!("{} {} {}", env!("CARGO_PKG_VERSION"), build_info(), devices_info(gpus));
    format!("{:016x}", fnv1a(FNV_OFFSET, text.as_bytes()))
}

/// The cache file of this machine and binary.
pub fn cache_file(gpus: Option<&[usize]>) -> Option<PathBuf> {
    cache_dir().map(|d| d.join(format!("cost-{}.json", cache_key(gpus))))
}

/// The cached cost model of this machine and binary, else the defaults.
pub fn cost_model(gpus: Option<&[usize]>) -> CostModel {
    cache_file(gpus)
        .and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Saves `model` as this machine's (with the GPUs of `gpus`); returns the file written.
pub fn save(model: &CostModel, gpus: Option<&[usize]>) -> Result<PathBuf, String> {
    let file = cache_file(gpus).ok_or("no cache directory (set ARCFORGE_CACHE or HOME)")?;
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let text = serde_json::to_string_pretty(model).map_err(|e| e.to_string())?;
    std::fs::write(&file, text + "\n").map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(file)
}

/// Inputs a calibration probes: about this many, evenly spread over the given ones.
pub const PROBE_INPUTS: usize = 128;

/// Measures the cost model on this machine, per solver and on average: every solver in `solvers` on
/// an even spread of [`PROBE_INPUTS`] of `inputs` (on ARC-AGI-1's 1,718 inputs: 51,200 calls, seconds
/// instead of the minute all of them take). The CPU runs each solver's probe on all threads (its
/// cost per sample); the GPUs run every probe batch at once, as they run real work (each batch's
/// wall time is that solver's batch cost; with the GPU's streams overlapping batches, a batch
/// bigger than the probe adds its time over the streams per extra probe's worth of samples). Best
/// of two runs each. GPU failure verdicts are taken as `solve` takes them, so the GPU's time is its
/// own, not the CPU's redo. The averages serve solvers without their own entry. `gpus`: the GPUs to
/// measure (`--gpus`; `None`: all visible).
pub fn measure(
    solvers: &[solvers::Solver],
    inputs: &[&TaskGrid],
    threads: usize,
    gpus: Option<&[usize]>,
) -> Result<CostModel, String> {
    let step = inputs.len().div_ceil(PROBE_INPUTS).max(1);
    let inputs: Vec<&TaskGrid> = inputs.iter().step_by(step).copied().collect();
    let probe = inputs.len().max(1);
    let opts = |device| ExecOptions {
        device,
        threads: Some(threads),
        gpus: gpus.map(<[usize]>::to_vec),
        gpu_verdicts: true,
        kernel_times: true,
        ..ExecOptions::default()
    };
    let jobs_of = |s: u32| (0..inputs.len() as u32).map(move |i| Job { solver: s, input: i });

    // CPU: each solver alone, all threads (µs per sample per thread).
    let mut cpu_us = vec![f64::INFINITY; solvers.len()];
    let jobs: Vec<Job> = jobs_of(0).collect();
    for _ in 0..2 {
        for (s, best) in cpu_us.iter_mut().enumerate() {
            let run = execute(&solvers[s..s + 1], &inputs, &jobs, &opts(DeviceChoice::Cpu))
                .map_err(|e| e.to_string())?;
            *best = best.min(run.profile.solve * 1e3 * threads as f64 / probe as f64);
        }
    }
    // GPU: every probe batch in one run, as real work runs (µs per batch).
    let all: Vec<Job> = (0..solvers.len() as u32).flat_map(jobs_of).collect();
    let mut batch_us = vec![f64::INFINITY; solvers.len()];
    let mut gpu_total_ms = f64::INFINITY;
    for _ in 0..2 {
        let run = execute(solvers, &inputs, &all, &opts(DeviceChoice::Gpu)).map_err(|e| e.to_string())?;
        gpu_total_ms = gpu_total_ms.min(run.profile.solve + run.profile.redo);
        for &(s, _, ms) in &run.gpu_batch_ms {
            batch_us[s] = batch_us[s].min(ms * 1e3);
        }
    }
    // One sample per solver: each is its own batch, so this is the fixed cost per batch.
    let one: Vec<Job> = (0..solvers.len() as u32).map(|s| Job { solver: s, input: 0 }).collect();
    let mut tiny_ms = f64::INFINITY;
    for _ in 0..2 {
        let run = execute(solvers, &inputs, &one, &opts(DeviceChoice::Gpu)).map_err(|e| e.to_string())?;
        tiny_ms = tiny_ms.min(run.profile.solve + run.profile.redo);
    }
    let streams: usize = accelerators(gpus)?.iter().map(|a| a.workers().max(1)).sum::<usize>().max(1);
    let per_batch_us = tiny_ms * 1e3 / one.len().max(1) as f64;
    let n = all.len().max(1) as f64;
    let mut model = CostModel {
        cpu_us_per_sample: cpu_us.iter().filter(|x| x.is_finite()).sum::<f64>() / solvers.len().max(1) as f64,
        cpu_us_per_cell: 0.0,
        gpu_us_per_batch: per_batch_us,
        gpu_us_per_sample: ((gpu_total_ms * 1e3 - per_batch_us * solvers.len() as f64) / n).max(0.0),
        gpu_us_per_cell: 0.0,
        solvers: Default::default(),
    };
    for (s, solver) in solvers.iter().enumerate() {
        if cpu_us[s].is_finite() && batch_us[s].is_finite() {
            let cost = SolverCost {
                cpu_us: cpu_us[s],
                gpu_batch_us: batch_us[s],
                gpu_batch_samples: probe,
                gpu_us_per_sample: batch_us[s] / (probe * streams) as f64,
            };
            model.solvers.insert(solver.task.to_string(), cost);
        }
    }
    Ok(model)
}
