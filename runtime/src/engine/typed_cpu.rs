//! The typed CPU path, per solver: which compiled solvers run their typed twin (the GPU's C++
//! compiled for the host, [`gpu_kernels::typed`]) on the CPU, and the call itself.
//!
//! The typed path is far faster where a solver's time goes into calls of composed functions
//! (d22278a0: 17x on all-pairs), and slower where the C++ does a warp's work on one lane (22168020:
//! 3x slower), so it is taken per solver: [`TYPED_FASTER`] lists the solvers measured faster on it
//! (all-pairs, each way: `scripts/typed-cpu-table`, results in bench/RESULTS.md).
//! `ARCFORGE_CPU_PATH=typed` or `=dynamic` forces one path for every solver (to measure).
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
    /// Those measured faster there ([`TYPED_FASTER`]).
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
            "typed (the GPU's C++ compiled for the host) for the {} solvers measured faster there, \
             Rust kernels for the rest",
            TYPED_FASTER.len()
        ),
        TypedCpu::All => "typed for every solver (ARCFORGE_CPU_PATH=typed)".into(),
        TypedCpu::Off => "Rust kernels only (ARCFORGE_CPU_PATH=dynamic)".into(),
    }
}

/// The typed twin's index in `gpu_kernels::KERNELS` when `s` runs on the typed path under `choice`.
pub fn kernel_of(s: &Solver, choice: TypedCpu) -> Option<u32> {
    static INDEX: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    let take = match choice {
        TypedCpu::Measured => TYPED_FASTER.binary_search(&s.task).is_ok(),
        TypedCpu::All => true,
        TypedCpu::Off => false,
    };
    if !take || !available() {
        return None;
    }
    let index = INDEX
        .get_or_init(|| gpu_kernels::KERNELS.iter().enumerate().map(|(k, name)| (*name, k as u32)).collect());
    index.get(s.cuda_kernel).copied()
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

/// Per run-time program on the typed path: which CPU path its next sample takes, chosen by
/// measurement. Both paths count the same steps (the host parity test), so time per step compares
/// their speed on the same work whatever the inputs' sizes: the first [`PathChoice::TRIALS`]
/// samples alternate, then the faster path takes every sample but each [`PathChoice::RECHECK`]th,
/// which keeps measuring the other. Outputs do not depend on the choice, only the time does.
#[derive(Debug, Default)]
pub struct PathChoice {
    /// `Some(path)`: always that one (`ARCFORGE_CPU_PATH=typed`: true).
    forced: Option<bool>,
    samples: AtomicU64,
    /// (nanoseconds, steps) on the typed path and on the interpreter.
    typed: (AtomicU64, AtomicU64),
    dynamic: (AtomicU64, AtomicU64),
}

impl PathChoice {
    /// Samples each path runs before the choice is made on their times.
    pub const TRIALS: u64 = 4;
    /// After the trials, one sample in this many takes the other path.
    pub const RECHECK: u64 = 16;

    /// A choice by measurement, or always the typed path where `choice` forces it.
    pub fn new(choice: TypedCpu) -> Self {
        PathChoice { forced: (choice == TypedCpu::All).then_some(true), ..PathChoice::default() }
    }

    /// Whether the next sample takes the typed path.
    pub fn typed_next(&self) -> bool {
        if let Some(forced) = self.forced {
            return forced;
        }
        let k = self.samples.fetch_add(1, Ordering::Relaxed);
        if k < 2 * Self::TRIALS {
            return k % 2 == 0;
        }
        self.prefers_typed() != (k % Self::RECHECK == 0)
    }

    /// Whether samples take the typed path after the trials: where forced, or where it has taken less
    /// time per step so far.
    pub fn prefers_typed(&self) -> bool {
        if let Some(forced) = self.forced {
            return forced;
        }
        let load = |(ns, steps): &(AtomicU64, AtomicU64)| {
            (ns.load(Ordering::Relaxed) as u128, steps.load(Ordering::Relaxed).max(1) as u128)
        };
        let ((tn, ts), (dn, ds)) = (load(&self.typed), load(&self.dynamic));
        tn * ds <= dn * ts
    }

    /// Records a sample's time and steps on the path it took.
    pub fn record(&self, typed: bool, ns: u64, steps: u64) {
        let (t, s) = if typed { &self.typed } else { &self.dynamic };
        t.fetch_add(ns, Ordering::Relaxed);
        s.fetch_add(steps + 1, Ordering::Relaxed);
    }
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
        let next: Vec<bool> = (0..2 * PathChoice::RECHECK).map(|_| c.typed_next()).collect();
        assert_eq!(next.iter().filter(|&&t| !t).count(), 2, "one sample in {} rechecks", PathChoice::RECHECK);
        // Measurements that turn the other way turn the choice.
        c.record(true, 1_000_000, 99);
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
