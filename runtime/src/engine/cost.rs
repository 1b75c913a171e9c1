//! The cost model `--device auto` schedules by: what a batch costs on the CPU and on a GPU, on
//! average and per solver, and where this machine keeps such measurements.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// One solver's measured costs (`arcforge calibrate`): solvers differ by a thousand times in cost
/// per sample, so one average would send cheap solvers to the GPU and dear ones to the CPU.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SolverCost {
    /// CPU time per sample on one thread.
    pub cpu_us: f64,
    /// Wall time of a GPU batch of up to [`SolverCost::gpu_batch_samples`] samples: a warp per
    /// sample, so a small batch lasts as long as its slowest sample.
    pub gpu_batch_us: f64,
    pub gpu_batch_samples: usize,
    /// GPU time per sample in large batches (throughput).
    pub gpu_us_per_sample: f64,
}

/// Costs the dispatcher compares, in microseconds. Measured per machine by `arcforge calibrate`
/// (`commands::calibrate`); the defaults are an H100 host's 16 cores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostModel {
    /// CPU time per sample on one thread, fixed part.
    pub cpu_us_per_sample: f64,
    /// CPU time per input cell on one thread.
    pub cpu_us_per_cell: f64,
    /// Fixed cost of one GPU batch (launch, copies, synchronisation).
    pub gpu_us_per_batch: f64,
    /// GPU time per sample in a large batch (throughput, all streams busy).
    pub gpu_us_per_sample: f64,
    /// GPU time per input cell in a large batch.
    pub gpu_us_per_cell: f64,
    /// Per solver (by task id), where calibrated: these take precedence over the averages above.
    #[serde(default)]
    pub solvers: std::collections::BTreeMap<String, SolverCost>,
}

impl Default for CostModel {
    fn default() -> Self {
        CostModel {
            cpu_us_per_sample: 2.0,
            cpu_us_per_cell: 0.02,
            gpu_us_per_batch: 60.0,
            gpu_us_per_sample: 0.05,
            gpu_us_per_cell: 0.0005,
            solvers: Default::default(),
        }
    }
}

impl CostModel {
    /// Estimated CPU time of a batch of `samples` holding `cells` input cells, on `threads` threads.
    pub fn cpu_us(&self, samples: usize, cells: usize, threads: usize) -> f64 {
        let work = samples as f64 * self.cpu_us_per_sample + cells as f64 * self.cpu_us_per_cell;
        work / threads.max(1) as f64
    }
    /// Estimated GPU time of the same batch.
    pub fn gpu_us(&self, samples: usize, cells: usize) -> f64 {
        self.gpu_us_per_batch + samples as f64 * self.gpu_us_per_sample + cells as f64 * self.gpu_us_per_cell
    }
    /// Whether `--device auto` should send a batch of `solver` (its task id) to a GPU: by the
    /// solver's own costs when calibrated, else by the averages.
    pub fn prefers_gpu(&self, solver: &str, samples: usize, cells: usize, threads: usize) -> bool {
        match self.solvers.get(solver) {
            Some(s) => {
                let n = samples as f64;
                // Up to the probed size a batch lasts about as long as the probe did (latency);
                // bigger ones add throughput time.
                let gpu = if samples <= s.gpu_batch_samples {
                    s.gpu_batch_us
                } else {
                    s.gpu_batch_us + (samples - s.gpu_batch_samples) as f64 * s.gpu_us_per_sample
                };
                gpu < n * s.cpu_us / threads.max(1) as f64
            }
            None => self.gpu_us(samples, cells) < self.cpu_us(samples, cells, threads),
        }
    }
}

/// The directory of this machine's caches: calibrations (`commands::calibrate`) and the CUDA
/// backend's compiled kernels. `$ARCFORGE_CACHE`, else `$XDG_CACHE_HOME/arcforge`, else
/// `~/.cache/arcforge`.
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("ARCFORGE_CACHE") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
        return Some(PathBuf::from(d).join("arcforge"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/arcforge"))
}
