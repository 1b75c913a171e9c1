//! A GPU worker's loop (one per accelerator stream): take the next group the device should run,
//! run it as one batch, and put each sample's outcome on the board: a grid, the GPU's verdict
//! where the caller takes verdicts, or a redo for the CPU. A device that fails a whole batch gives
//! the batch back and takes no more.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use super::accelerator::{Accelerator, GpuOutcome};
use super::device::Device;
use super::job::{ExecOptions, Job};
use super::runnable::Runnable;
use super::sample::OutGrid;
use super::schedule::{Board, Group};
use super::status::{status_reason, status_verdict};
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
    while !failed.load(Ordering::SeqCst) && !w.opts.cancelled() {
        let Some(group) = board.take_for_gpu(accel, w.solvers, w.opts, w.threads) else {
            return; // the rest is the CPU's
        };
        let t = Instant::now();
        let idx: Vec<u32> = group.jobs.iter().map(|&k| w.jobs[k].input).collect();
        // The queue holds only groups with a kernel (`schedule::split_by_kernel`).
        let kernel = w.solvers[group.solver].cuda_kernel.unwrap_or_default();
        let result = accel.run(worker, kernel, &idx, w.opts.limits.max_steps);
        *board.gpu_busy.lock().unwrap() += t.elapsed();
        let ms = t.elapsed().as_secs_f64() * 1e3;
        if w.trace {
            trace::batch(w.solvers[group.solver].task, &accel.label(), idx.len(), ms, &result);
        }
        board.gpu_batches.lock().unwrap().push((group.solver, group.jobs.len(), ms));
        if let Some(p) = &w.opts.progress {
            p.inc(group.jobs.len() as u64);
        }
        match result {
            Ok(outs) if outs.len() == group.jobs.len() => record(w.opts, board, &group, outs),
            other => {
                let why = match other {
                    Err(e) => format!("GPU batch failed on {}: {e}", accel.label()),
                    Ok(o) => format!("GPU returned {} outcomes for {} samples", o.len(), group.jobs.len()),
                };
                board.redo.lock().unwrap().extend(group.jobs.iter().map(|&k| (k, why.clone())));
                // A device that fails a whole batch is not trusted with more.
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
        }
    }
}
