//! The CPU side of a run: [`CpuRunner`] runs a list of jobs in parallel with rayon (one job per
//! leaf, a warm context per thread), and [`work`] is the CPU worker's loop: its own groups first,
//! then what the GPUs give back, then the small end of the shared queue. Both stop between samples
//! once the run is cancelled ([`ExecOptions::cancel`]).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::device::Device;
use super::job::{ExecOptions, Job};
use super::runnable::Runnable;
use super::sample::{run_sample, with_thread_ctx, OutGrid};
use super::schedule::{Board, Group};
use crate::data::task::TaskGrid;
use kernels::Limits;
use rayon::prelude::*;

/// Runs jobs on the CPU.
pub(crate) struct CpuRunner<'a> {
    pub solvers: &'a [Runnable<'a>],
    pub inputs: &'a [&'a TaskGrid],
    pub jobs: &'a [Job],
    pub limits: Limits,
    /// [`ExecOptions::gpu_verdicts`]: the typed CPU path's verdicts are taken too.
    pub verdicts: bool,
    /// A dedicated pool (`--threads`), or `None` for rayon's global one.
    pub pool: Option<rayon::ThreadPool>,
    /// CPU time of each job's last CPU run (a redo's, where the GPU gave it back): where time goes.
    pub cpu_ns: Vec<AtomicU64>,
    /// Advanced per sample as it finishes on the CPU (not for redone samples, which the GPU counted
    /// already), so a long CPU run shows progress instead of jumping to 100% at its end.
    pub progress: Option<indicatif::ProgressBar>,
    /// Steps (the `Ctx`'s work count) of each job's last CPU run.
    pub steps: Vec<AtomicU64>,
    /// [`ExecOptions::cancel`]: checked before each sample.
    pub cancel: Option<Arc<AtomicBool>>,
}

impl CpuRunner<'_> {
    /// The outputs of jobs `ks`, in order (`None`: not run, the run was cancelled first), each with
    /// whether it is the typed path's verdict; `tick`: advance the progress bar per sample.
    pub fn run(&self, ks: &[usize], tick: bool) -> Vec<Option<(Result<OutGrid, String>, bool)>> {
        let work = || {
            // One job per leaf: a solver's samples sit together, and rayon runs an unsplit leaf on one
            // thread, so a range holding a heavy solver's samples (d22278a0: 30 s of CPU on other
            // tasks' grids) kept one thread busy while the rest idled (16 threads gave 5.7x).
            ks.par_iter()
                .with_max_len(1)
                .map(|&k| {
                    if self.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed)) {
                        return None;
                    }
                    let t = Instant::now();
                    let job = self.jobs[k];
                    let (out, steps, verdict) = with_thread_ctx(self.limits, |ctx| {
                        run_sample(
                            ctx,
                            self.solvers[job.solver as usize].cpu,
                            self.inputs[job.input as usize],
                            self.verdicts,
                        )
                    });
                    self.cpu_ns[k].store(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
                    if let (true, Some(p)) = (tick, &self.progress) {
                        p.inc(1);
                    }
                    self.steps[k].store(steps, Ordering::Relaxed);
                    Some((out, verdict))
                })
                .collect()
        };
        match &self.pool {
            Some(p) => p.install(work),
            None => work(),
        }
    }

    /// Runs the given-back jobs `(job, why)` and records them as fallbacks with their reason.
    pub fn redo(&self, given_back: Vec<(usize, String)>, board: &Board, fallback: &mut [Option<String>]) {
        let ks: Vec<usize> = given_back.iter().map(|r| r.0).collect();
        for ((k, why), out) in given_back.into_iter().zip(self.run(&ks, false)) {
            if let Some((out, verdict)) = out {
                fallback[k] = Some(why);
                board.set(k, out, Device::Cpu);
                board.verdict[k].store(verdict, Ordering::Relaxed);
            }
        }
    }

    /// Runs jobs `ks` and puts the outputs of those that ran on the board.
    pub fn run_onto(&self, ks: &[usize], board: &Board) {
        for (&k, out) in ks.iter().zip(self.run(ks, true)) {
            if let Some((out, verdict)) = out {
                board.set(k, out, Device::Cpu);
                board.verdict[k].store(verdict, Ordering::Relaxed);
            }
        }
    }
}

/// The CPU worker's loop, until no GPU worker is left and nothing is pending, or the run is
/// cancelled; returns its busy time.
/// `take_shared`: whether it also takes groups a GPU could run (not under `--device gpu`, unless
/// there is no GPU).
pub(crate) fn work(
    runner: &CpuRunner,
    board: &Board,
    own: Vec<Group>,
    take_shared: bool,
    fallback: &mut [Option<String>],
    opts: &ExecOptions,
    threads: usize,
) -> Duration {
    let t = Instant::now();
    let trace = super::trace::enabled();
    let batch_target = (threads * 16).max(64);
    let mut pending: Vec<usize> = own.into_iter().flat_map(|g| g.jobs).collect();
    while !opts.cancelled() {
        // Samples the GPUs gave back are redone as they come, not after the GPUs finish.
        let given_back = std::mem::take(&mut *board.redo.lock().unwrap());
        if !given_back.is_empty() {
            let (n, start) = (given_back.len(), t.elapsed());
            runner.redo(given_back, board, fallback);
            if trace {
                super::trace::redo(n, start.as_secs_f64() * 1e3, (t.elapsed() - start).as_secs_f64() * 1e3);
            }
            continue;
        }
        if take_shared {
            board.take_for_cpu(&mut pending, batch_target, runner.solvers, opts, threads);
        }
        if pending.is_empty() {
            if board.gpu_workers.load(Ordering::SeqCst) == 0 {
                break;
            }
            // Woken by samples given back or a GPU worker's end; the timeout only bounds how late
            // a cancellation is seen.
            board.wait_for_cpu_news(Duration::from_millis(2));
            continue;
        }
        runner.run_onto(&std::mem::take(&mut pending), board);
    }
    t.elapsed()
}

/// When the run was cancelled (its outputs are then incomplete): the samples that finished, of all.
pub(crate) fn cancelled_at(opts: &ExecOptions, board: &Board) -> Option<(usize, usize)> {
    let done = || board.outputs.iter().filter(|o| o.lock().unwrap().is_some()).count();
    opts.cancelled().then(|| (done(), board.outputs.len()))
}
