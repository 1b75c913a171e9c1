//! `ARCFORGE_GPU_TRACE=1`: one stderr line per GPU batch and one per run, to find the kernels that
//! take the time.

use super::accelerator::GpuOutcome;

/// Whether the trace is on (read once per run).
pub(crate) fn enabled() -> bool {
    std::env::var("ARCFORGE_GPU_TRACE").is_ok_and(|v| v == "1")
}

/// A batch's line: whose, where, how big, how long its kernel ran, and how many samples it gave back.
pub(crate) fn batch(task: &str, device: &str, samples: usize, ms: f64, outcomes: &[GpuOutcome]) {
    let redo =
        outcomes.iter().filter(|o| matches!(o, GpuOutcome::Redo(_) | GpuOutcome::Unsupported(_))).count();
    eprintln!("gpu trace: {task} on {device}: {samples} samples in {ms:.1} ms, {redo} to redo");
}

/// A wave's line: how many batches and samples, and its wall time from launch to decoded outputs.
pub(crate) fn wave(device: &str, batches: usize, samples: usize, ms: f64) {
    eprintln!("gpu trace: wave on {device}: {batches} batches, {samples} samples in {ms:.1} ms");
}

/// A redo's line: how many samples the GPUs gave back, when the CPU worker started on them (ms into
/// the solve) and how long they took on the CPU threads.
pub(crate) fn redo(samples: usize, at: f64, ms: f64) {
    eprintln!("gpu trace: CPU redo of {samples} samples from {at:.2} ms, {ms:.2} ms");
}

/// The run's line: where the time went (milliseconds: solve, GPU workers busy, CPU worker busy,
/// redo after the GPUs), and how many samples the CPU redid.
pub(crate) fn run(solve: f64, gpu_busy: f64, cpu_busy: f64, redo: f64, redone: usize) {
    eprintln!(
        "gpu trace: solve {solve:.1} ms (GPU workers busy {gpu_busy:.1} ms in all, CPU worker busy \
         {cpu_busy:.1} ms), redo after the GPUs {redo:.1} ms, {redone} samples redone"
    );
}
