//! The typed CPU path, per solver: which compiled solvers run their typed twin (the GPU's C++
//! compiled for the host, [`gpu_kernels::typed`]) on the CPU, and the call itself.
//!
//! The typed path is far faster where a solver's time goes into calls of composed functions
//! (d22278a0: 17x on all-pairs), and slower where the C++ does a warp's work on one lane (22168020:
//! 3x slower), so it is taken per solver and per machine, by measurement while the solver runs
//! ([`PathChoice`]: time per step on each path). Until both paths are measured a solver starts where
//! [`TYPED_FASTER`] puts it: the solvers measured faster typed on eval, where the table matters
//! (`scripts/typed-cpu-table`, results in bench/RESULTS.md), which is also where eval's few
//! samples per solver stay. `ARCFORGE_CPU_PATH=typed` or `=dynamic` forces one path for every
//! solver (to measure).
//!
//! A finished grid is taken from it, and under `gpu_verdicts` (`solve`, all-pairs) a failure every
//! path reports alike, as the GPU's are; anything else (a failure whose exact text is wanted, an
//! overload or arena the C++ lacks) is redone by the Rust solver. The host parity test proves that
//! the two agree on grids, statuses and step counts.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use gpu_kernels::typed::LoadedSolver;
use kernels::Limits;
use solvers::Solver;

use super::status::status_verdict_by;
use crate::data::task::TaskGrid;

pub use super::typed_cpu_table::TYPED_FASTER;

/// Which compiled solvers take the typed path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypedCpu {
    /// Each solver on the path measured faster for it ([`PathChoice`], from [`TYPED_FASTER`]).
    Measured,
    /// Every solver with a typed twin.
    All,
    /// None: the Rust solvers only.
    Off,
}

impl TypedCpu {
    /// `ARCFORGE_CPU_PATH`: `typed` ([`TypedCpu::All`]), `dynamic` ([`TypedCpu::Off`]), else
    /// [`TypedCpu::Measured`].
    pub fn from_env() -> Self {
        match std::env::var("ARCFORGE_CPU_PATH").as_deref() {
            Ok("typed") => TypedCpu::All,
            Ok("dynamic") => TypedCpu::Off,
            _ => TypedCpu::Measured,
        }
    }
}

/// Whether this build has the typed path (a C++ compiler was found at build time).
pub fn available() -> bool {
    gpu_kernels::typed::MISSING.is_none()
}

/// One line on the CPU path a run takes (for `arcforge info`).
pub fn describe(choice: TypedCpu) -> String {
    if let Some(why) = gpu_kernels::typed::MISSING {
        return format!("Rust kernels only (no typed path in this build: {why})");
    }
    match choice {
        TypedCpu::Measured => format!(
            "typed (the GPU's C++ compiled for the host) or Rust kernels, per solver the faster per step as \
             measured while it runs, starting from the {} solvers measured faster typed on eval",
            TYPED_FASTER.len()
        ),
        TypedCpu::All => "typed for every solver (ARCFORGE_CPU_PATH=typed)".into(),
        TypedCpu::Off => "Rust kernels only (ARCFORGE_CPU_PATH=dynamic)".into(),
    }
}

/// The typed twin of `s` (its index in `gpu_kernels::KERNELS`) and the path choice its samples
/// follow under `choice`: by measurement from the table's prior ([`TypedCpu::Measured`]; one choice
/// per solver for the whole process, so what a run learns the next run keeps), always typed
/// ([`TypedCpu::All`]); `None` under [`TypedCpu::Off`] or without a typed twin.
pub fn kernel_of(s: &Solver, choice: TypedCpu) -> Option<(u32, &'static PathChoice)> {
    static INDEX: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    static MEASURED: OnceLock<Vec<PathChoice>> = OnceLock::new();
    static FORCED: OnceLock<PathChoice> = OnceLock::new();
    if choice == TypedCpu::Off || !available() {
        return None;
    }
    let index = INDEX
        .get_or_init(|| gpu_kernels::KERNELS.iter().enumerate().map(|(k, name)| (*name, k as u32)).collect());
    let kernel = *index.get(s.cuda_kernel)?;
    let path = match choice {
        TypedCpu::All => FORCED.get_or_init(|| PathChoice::new(TypedCpu::All)),
        _ => {
            let all = MEASURED.get_or_init(|| {
                let task = |k: &str| k.trim_start_matches("solve_").trim_end_matches("_kernel").to_string();
                let faster = |k: &str| TYPED_FASTER.binary_search(&task(k).as_str()).is_ok();
                gpu_kernels::KERNELS.iter().map(|k| PathChoice::with_prior(faster(k))).collect()
            });
            &all[kernel as usize]
        }
    };
    Some((kernel, path))
}

/// The name its verdicts carry ("step limit exceeded (typed CPU verdict)"), which `check` reads back.
pub const VERDICT_BY: &str = "typed CPU";

/// Arena of a thread's typed calls: a GPU sample's most (`ARCFORGE_GPU_ARENA_KIB`'s default), so the
/// typed path finishes what the GPU does and adds at most this much memory per thread beside the Rust
/// path's arena; a call that needs more is redone by the Rust solver, whose arena grows.
const ARENA_BYTES: usize = 16 << 20;

thread_local! {
    static ARENA: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// What a typed call gave.
pub enum Typed {
    /// A finished grid (height, width, cells) and the steps it took.
    Grid(usize, usize, Vec<u8>, u64),
    /// A failure every path would report alike (Python raises, the size limit, the step budget),
    /// as its verdict text without the primitive's name, and the steps.
    Verdict(String, u64),
    /// Nothing to take: the Rust solver runs it (a failure whose exact text is wanted, an overload
    /// or arena the C++ lacks, other limits than the C++'s).
    Redo,
}

/// Which typed code a call runs.
#[derive(Clone, Copy, Debug)]
pub enum TypedTwin {
    /// A registered solver's, linked into this build (its index in `gpu_kernels::KERNELS`).
    Built(u32),
    /// A run-time program's, from a library compiled at run time (`backends::host_programs`).
    Loaded(LoadedSolver),
}

/// Runs typed code `twin` on `input`; `verdicts`: take its failures' verdicts
/// ([`super::ExecOptions::gpu_verdicts`], the same choice as the GPU's) rather than redo them for
/// the exact text. The C++ keeps the default size limits, so other limits take the Rust path.
pub fn run(twin: TypedTwin, input: &TaskGrid, limits: Limits, verdicts: bool) -> Typed {
    let defaults = Limits::default();
    if limits.max_grid_cells != defaults.max_grid_cells || limits.max_items != defaults.max_items {
        return Typed::Redo;
    }
    ARENA.with(|arena| {
        let Ok(mut arena) = arena.try_borrow_mut() else { return Typed::Redo };
        if arena.is_empty() {
            // Zeroed pages are mapped as they are touched: a small sample costs little of it.
            *arena = vec![0u8; ARENA_BYTES];
        }
        let (h, w, cells) = (input.height(), input.width(), input.cells());
        let run = match twin {
            TypedTwin::Built(kernel) => {
                gpu_kernels::typed::solve(kernel as usize, h, w, cells, &mut arena, limits.max_steps)
            }
            TypedTwin::Loaded(solver) => solver.solve(h, w, cells, &mut arena, limits.max_steps),
        };
        let Some(run) = run else {
            return Typed::Redo;
        };
        match (run.grid, verdicts.then(|| status_verdict_by(run.status, VERDICT_BY)).flatten()) {
            (Some((h, w, cells)), _) => Typed::Grid(h, w, cells.to_vec(), run.steps),
            (None, Some(verdict)) => Typed::Verdict(verdict, run.steps),
            (None, None) => Typed::Redo,
        }
    })
}

/// Per solver or run-time program with typed code: which CPU path its next sample takes, chosen by
/// measurement. Both paths count the same steps (the host parity test), so time per step compares
/// their speed on the same work whatever the inputs' sizes. Without a prior (a run-time program) the
/// first [`PathChoice::TRIALS`] samples of each path alternate; with one (a compiled solver: the
/// table [`TYPED_FASTER`], measured on one host) samples take the prior's path, but one in
/// [`PathChoice::RECHECK`] the other, until each path has its trials. Then the faster path takes
/// every sample but one in [`PathChoice::RECHECK_MEASURED`] times the ratio of the two paths' times
/// (so the rechecks cost the same small share whatever the ratio: d22278a0's Rust path takes 17x
/// its typed one), which keeps measuring the other. Outputs do not depend on the
/// choice, only the time does; a few samples (eval's own-task ones) stay on the prior's path.
#[derive(Debug, Default)]
pub struct PathChoice {
    /// `Some(path)`: always that one (`ARCFORGE_CPU_PATH=typed`: true).
    forced: Option<bool>,
    /// The path to take until both are measured (`None`: alternate).
    prior: Option<bool>,
    samples: AtomicU64,
    /// (nanoseconds, steps, samples) on the typed path and on the Rust path (kernels or interpreter).
    typed: [AtomicU64; 3],
    dynamic: [AtomicU64; 3],
}

impl PathChoice {
    /// Samples each path runs before the choice is made on their times.
    pub const TRIALS: u64 = 4;
    /// Until both paths have their trials (with a prior), one sample in this many takes the other.
    pub const RECHECK: u64 = 16;
    /// After the trials, one sample in this many times the slower path's time ratio takes it (about
    /// 1.6% of the faster path's time spent rechecking), at most one in [`Self::RECHECK_MOST`].
    pub const RECHECK_MEASURED: u64 = 64;
    pub const RECHECK_MOST: u64 = 4096;

    /// A choice by measurement, or always the typed path where `choice` forces it.
    pub fn new(choice: TypedCpu) -> Self {
        PathChoice { forced: (choice == TypedCpu::All).then_some(true), ..PathChoice::default() }
    }

    /// A choice by measurement that starts on `typed`'s path.
    pub fn with_prior(typed: bool) -> Self {
        PathChoice { prior: Some(typed), ..PathChoice::default() }
    }

    /// Whether both paths have had their trials.
    fn measured(&self) -> bool {
        let n = |p: &[AtomicU64; 3]| p[2].load(Ordering::Relaxed);
        n(&self.typed) >= Self::TRIALS && n(&self.dynamic) >= Self::TRIALS
    }

    /// Whether the next sample takes the typed path.
    pub fn typed_next(&self) -> bool {
        if let Some(forced) = self.forced {
            return forced;
        }
        let k = self.samples.fetch_add(1, Ordering::Relaxed);
        match self.prior {
            None if k < 2 * Self::TRIALS => k.is_multiple_of(2),
            Some(prior) if !self.measured() => {
                let every = self.early_recheck_every(prior);
                prior != (k % every == every - 1)
            }
            _ => {
                let (typed, ratio) = self.faster();
                let every = ((Self::RECHECK_MEASURED as f64 * ratio) as u64).clamp(1, Self::RECHECK_MOST);
                typed != k.is_multiple_of(every)
            }
        }
    }

    /// Until both paths are measured, one sample in [`Self::RECHECK`] takes the other path, and one in
    /// that many times its time ratio once its first samples show it slower: a64e4611's typed path
    /// takes 3.5x its Rust one, and at one in 16 eval's repeated passes spent about 14% of their
    /// instructions rechecking (bench/RESULTS.md, "CPU mechanism V").
    fn early_recheck_every(&self, prior: bool) -> u64 {
        let (mine, other) = if prior { (&self.typed, &self.dynamic) } else { (&self.dynamic, &self.typed) };
        if mine[2].load(Ordering::Relaxed) == 0 || other[2].load(Ordering::Relaxed) == 0 {
            return Self::RECHECK;
        }
        let ratio = per_step(other) / per_step(mine).max(f64::MIN_POSITIVE);
        ((Self::RECHECK as f64 * ratio.max(1.0)) as u64).clamp(Self::RECHECK, Self::RECHECK_MOST)
    }

    /// Whether samples take the typed path (but for the rechecks): where forced, or by the prior until
    /// both paths are measured, or where it has taken less time per step so far.
    pub fn prefers_typed(&self) -> bool {
        if let Some(forced) = self.forced {
            return forced;
        }
        if let (Some(prior), false) = (self.prior, self.measured()) {
            return prior;
        }
        self.faster().0
    }

    /// Whether the typed path has taken less time per step so far, and by how much the other is slower
    /// (its time per step over the faster's, at least 1).
    fn faster(&self) -> (bool, f64) {
        let (typed, dynamic) = (per_step(&self.typed), per_step(&self.dynamic));
        let ratio = |slow: f64, fast: f64| if fast > 0.0 { (slow / fast).max(1.0) } else { 1.0 };
        if typed <= dynamic {
            (true, ratio(dynamic, typed))
        } else {
            (false, ratio(typed, dynamic))
        }
    }

    /// Records a sample's time and steps on the path it took.
    pub fn record(&self, typed: bool, ns: u64, steps: u64) {
        let p = if typed { &self.typed } else { &self.dynamic };
        p[0].fetch_add(ns, Ordering::Relaxed);
        p[1].fetch_add(steps + 1, Ordering::Relaxed);
        p[2].fetch_add(1, Ordering::Relaxed);
    }
}

/// A path's time per step so far (nanoseconds; steps count one per sample more, so never zero).
fn per_step(p: &[AtomicU64; 3]) -> f64 {
    p[0].load(Ordering::Relaxed) as f64 / p[1].load(Ordering::Relaxed).max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_choice_alternates_then_takes_the_faster_per_step_and_keeps_checking_the_other() {
        let c = PathChoice::new(TypedCpu::Measured);
        let trials: Vec<bool> = (0..2 * PathChoice::TRIALS).map(|_| c.typed_next()).collect();
        assert_eq!(trials.iter().filter(|&&t| t).count() as u64, PathChoice::TRIALS);
        // The typed path: 10 ns a step on big inputs; the interpreter: 20 ns a step on small ones.
        for &typed in &trials {
            if typed {
                c.record(true, 10_000, 999);
            } else {
                c.record(false, 2_000, 99);
            }
        }
        assert!(c.prefers_typed());
        // Twice as fast: one sample in 2 x RECHECK_MEASURED rechecks the interpreter.
        let every = 2 * PathChoice::RECHECK_MEASURED;
        let next: Vec<bool> = (0..2 * every).map(|_| c.typed_next()).collect();
        assert_eq!(next.iter().filter(|&&t| !t).count(), 2, "one sample in {every} rechecks");
        // Measurements that turn the other way turn the choice.
        c.record(true, 1_000_000, 99);
        assert!(!c.prefers_typed());
    }

    #[test]
    fn a_prior_holds_until_both_paths_are_measured_then_the_faster_wins() {
        let c = PathChoice::with_prior(false);
        // Typed: 10 ns a step; Rust: 20 ns a step. The prior holds until the typed path has had its
        // trials, one sample in RECHECK.
        let mut paths = Vec::new();
        while !c.measured() {
            assert!(!c.prefers_typed());
            let typed = c.typed_next();
            c.record(typed, if typed { 10_000 } else { 20_000 }, 999);
            paths.push(typed);
        }
        assert_eq!(paths.len() as u64, PathChoice::TRIALS * PathChoice::RECHECK);
        // A solver's few samples in eval stay on the prior's path; the 16th tries the other.
        let n = PathChoice::RECHECK as usize;
        assert!(paths[..n - 1].iter().all(|&t| !t) && paths[n - 1]);
        assert!(c.prefers_typed());
        let every = 2 * PathChoice::RECHECK_MEASURED;
        let next: Vec<bool> = (0..every).map(|_| c.typed_next()).collect();
        assert_eq!(next.iter().filter(|&&t| t).count() as u64, every - 1);
    }

    #[test]
    fn before_the_trials_a_slower_other_path_is_rechecked_less_often() {
        let c = PathChoice::with_prior(false);
        let mut paths = Vec::new();
        while paths.iter().filter(|&&t| t).count() < 2 {
            let typed = c.typed_next();
            // Typed: 4 times the Rust path's time per step.
            c.record(typed, if typed { 80_000 } else { 20_000 }, 999);
            paths.push(typed);
        }
        let at: Vec<usize> = paths.iter().enumerate().filter(|(_, &t)| t).map(|(k, _)| k).collect();
        let n = PathChoice::RECHECK as usize;
        // The first recheck after RECHECK samples, the next one after 4 x RECHECK.
        assert_eq!(at, vec![n - 1, 4 * n - 1], "rechecks at {at:?}");
        assert!(!c.prefers_typed());
    }

    #[test]
    fn a_forced_choice_always_takes_the_typed_path() {
        let c = PathChoice::new(TypedCpu::All);
        c.record(true, 1_000_000, 0);
        c.record(false, 1, 1_000_000);
        assert!((0..100).all(|_| c.typed_next()) && c.prefers_typed());
    }
}
