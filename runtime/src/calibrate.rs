//! The cost model `--device auto` dispatches by: measured on this machine by `arcforge calibrate`
//! and cached per machine and binary, or the defaults of [`CostModel`] until then.
//!
//! The cache lives in `$ARCFORGE_CACHE`, else `$XDG_CACHE_HOME/arcforge`, else `~/.cache/arcforge`, as
//! `cost-<key>.json`, where the key names the binary's version, its GPU build and the devices seen:
//! a new build or a different GPU starts from the defaults again.

use std::path::PathBuf;

use crate::exec::CostModel;

/// The directory of cached calibrations.
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("ARCFORGE_CACHE") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
        return Some(PathBuf::from(d).join("arcforge"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/arcforge"))
}

/// What a calibration is valid for: this binary's version and GPU build, and the devices in use.
pub fn cache_key() -> String {
    let text =
        format!("{} {} {}", env!("CARGO_PKG_VERSION"), crate::gpu::build_info(), crate::gpu::devices_info());
    let h = text.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    format!("{h:016x}")
}

/// The cache file of this machine and binary.
pub fn cache_file() -> Option<PathBuf> {
    cache_dir().map(|d| d.join(format!("cost-{}.json", cache_key())))
}

/// The cached cost model of this machine and binary, else the defaults.
pub fn cost_model() -> CostModel {
    cache_file()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Saves `model` as this machine's; returns the file written.
pub fn save(model: &CostModel) -> Result<PathBuf, String> {
    let file = cache_file().ok_or("no cache directory (set ARCFORGE_CACHE or HOME)")?;
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let text = serde_json::to_string_pretty(model).map_err(|e| e.to_string())?;
    std::fs::write(&file, text + "\n").map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(file)
}

/// Measures the cost model on this machine: every solver in `solvers` on every input in `inputs`,
/// once on all CPU threads and once on the GPUs, plus one-sample batches for the GPU's fixed cost.
/// The CPU's per-cell and the GPU's per-cell costs are left at zero: per-sample costs measured on
/// real ARC inputs already carry their typical size.
pub fn measure(
    solvers: &[solvers::Solver],
    inputs: &[&crate::TaskGrid],
    threads: usize,
) -> Result<CostModel, String> {
    use crate::exec::{execute, ExecOptions, Job};
    use crate::DeviceChoice;
    let jobs: Vec<Job> = (0..solvers.len() as u32)
        .flat_map(|s| (0..inputs.len() as u32).map(move |i| Job { solver: s, input: i }))
        .collect();
    let n = jobs.len().max(1) as f64;
    let best = |device: DeviceChoice, jobs: &[Job]| -> Result<f64, String> {
        let opts = ExecOptions { device, threads: Some(threads), ..ExecOptions::default() };
        let mut times = Vec::new();
        for _ in 0..3 {
            let run = execute(solvers, inputs, jobs, &opts).map_err(|e| e.to_string())?;
            times.push(run.profile.solve + run.profile.redo);
        }
        Ok(times.into_iter().fold(f64::INFINITY, f64::min))
    };
    let cpu_ms = best(DeviceChoice::Cpu, &jobs)?;
    let gpu_ms = best(DeviceChoice::Gpu, &jobs)?;
    // One sample per solver: each is its own batch, so this is the fixed cost per batch.
    let one: Vec<Job> = (0..solvers.len() as u32).map(|s| Job { solver: s, input: 0 }).collect();
    let tiny_ms = best(DeviceChoice::Gpu, &one)?;
    let per_batch_us = tiny_ms * 1e3 / one.len().max(1) as f64;
    Ok(CostModel {
        cpu_us_per_sample: cpu_ms * 1e3 * threads as f64 / n,
        cpu_us_per_cell: 0.0,
        gpu_us_per_batch: per_batch_us,
        gpu_us_per_sample: ((gpu_ms * 1e3 - per_batch_us * solvers.len() as f64) / n).max(0.0),
        gpu_us_per_cell: 0.0,
    })
}
