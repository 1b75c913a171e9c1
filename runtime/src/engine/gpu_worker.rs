//! A GPU worker's loop (a device has a few, each with its own buffers): take the next wave of
//! groups the device should run (many solvers' batches, run side by side and waited for once, so
//! small batches never pay a round trip each), and put each sample's outcome on the board: a grid,
//! the GPU's verdict where the caller takes verdicts, or a redo for the CPU. A device that fails a
//! whole wave gives it back and takes no more.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use super::accelerator::{Accelerator, BatchResult, GpuOutcome, WaveBatch};
use super::device::Device;
use super::job::{ExecOptions, Job};
use super::runnable::Runnable;
use super::sample::OutGrid;
use super::schedule::{Board, Group};
use super::status::{overload_reason, status_reason, status_verdict};
use super::trace;

/// What every GPU worker of a run shares besides the board.
pub(crate) struct GpuWork<'a> {
    pub solvers: &'a [Runnable<'a>],
    pub jobs: &'a [Job],
    pub opts: &'a ExecOptions,
    pub threads: usize,
    pub trace: bool,
}

/// Worker `worker` of `accel` until the queue has nothing for it or its device failed (`failed`,
/// shared by the device's workers).
pub(crate) fn work(w: &GpuWork, board: &Board, accel: &dyn Accelerator, worker: usize, failed: &AtomicBool) {
    // A cancelled run takes no more waves (the one in flight finishes).
    while !failed.load(Ordering::SeqCst) && !w.opts.cancelled() {
        let wave = board.take_wave_for_gpu(accel, accel.wave_samples(), w.solvers, w.opts, w.threads);
        if wave.is_empty() {
            return; // the rest is the CPU's
        }
        let t = Instant::now();
        let idx: Vec<Vec<u32>> =
            wave.iter().map(|g| g.jobs.iter().map(|&k| w.jobs[k].input).collect()).collect();
        // The queue holds only groups with a kernel (`schedule::split_by_kernel`).
        let batches: Vec<WaveBatch> = wave
            .iter()
            .zip(&idx)
            .map(|(g, inputs)| WaveBatch {
                kernel: w.solvers[g.solver].cuda_kernel.unwrap_or_default(),
                inputs,
                timed: w.opts.kernel_times || w.trace,
                short_run: w.jobs.len() <= accel.wave_samples(),
            })
            .collect();
        board.wave_started();
        let result = accel.run_wave(worker, &batches, w.opts.limits.max_steps);
        board.wave_ended();
        *board.gpu_busy.lock().unwrap() += t.elapsed();
        let samples: usize = wave.iter().map(|g| g.jobs.len()).sum();
        if let Some(p) = &w.opts.progress {
            p.inc(samples as u64);
        }
        match result {
            Ok(outs)
                if outs.len() == wave.len()
                    && outs.iter().zip(&wave).all(|(o, g)| o.outcomes.len() == g.jobs.len()) =>
            {
                if w.trace {
                    trace::wave(&accel.label(), wave.len(), samples, t.elapsed().as_secs_f64() * 1e3);
                }
                for (group, BatchResult { outcomes, ms }) in wave.iter().zip(outs) {
                    if w.trace {
                        let task = w.solvers[group.solver].task;
                        trace::batch(task, &accel.label(), group.jobs.len(), ms, &outcomes);
                    }
                    board.gpu_batches.lock().unwrap().push((group.solver, group.jobs.len(), ms));
                    record(w.opts, board, group, outcomes);
                }
            }
            other => {
                let why = match other {
                    Err(e) => format!("GPU wave failed on {}: {e}", accel.label()),
                    Ok(_) => format!("GPU returned the wrong number of outcomes for a wave of {samples}"),
                };
                let mut redo = board.redo.lock().unwrap();
                redo.extend(wave.iter().flat_map(|g| g.jobs.iter().map(|&k| (k, why.clone()))));
                drop(redo);
                board.wake_cpu();
                // A device that fails a whole wave is not trusted with more.
                failed.store(true, Ordering::SeqCst);
                board.fail(why);
                return;
            }
        }
    }
}

/// A batch's outcomes onto the board: grids as the GPU's, failures as verdicts or redos.
fn record(opts: &ExecOptions, board: &Board, group: &Group, outs: Vec<GpuOutcome>) {
    let mut redo = board.redo.lock().unwrap();
    for (&k, o) in group.jobs.iter().zip(outs) {
        match o {
            GpuOutcome::Ok(h, w, cells) => {
                board.set(k, Ok(OutGrid { h: h as usize, w: w as usize, cells }), Device::Gpu)
            }
            GpuOutcome::Redo(code) => match status_verdict(code) {
                Some(why) if opts.gpu_verdicts => {
                    board.set(k, Err(why), Device::Gpu);
                    board.verdict[k].store(true, Ordering::Relaxed);
                }
                _ => redo.push((k, status_reason(code).to_string())),
            },
            GpuOutcome::Unsupported(what) => redo.push((k, overload_reason(what))),
        }
    }
    let given_back = !redo.is_empty();
    drop(redo);
    if given_back {
        board.wake_cpu();
    }
}
