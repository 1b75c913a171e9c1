//! The end of a run, after the devices stopped: groups no GPU took (a failed device, forced GPU
//! without that kernel) and every sample a GPU gave back are run on the CPU, so every job has an
//! output and none is decided by a GPU the CPU would disagree with.

use super::cpu_worker::CpuRunner;
use super::schedule::{Board, Group};

/// Runs `leftover` groups (as given back with `fatal`'s reason when a GPU failed, else as plain CPU
/// work) and then the redo list, in job order.
pub(crate) fn finish(
    runner: &CpuRunner,
    board: &Board,
    leftover: Vec<Group>,
    fatal: Option<&String>,
    fallback: &mut [Option<String>],
) {
    let leftover: Vec<usize> = leftover.into_iter().flat_map(|g| g.jobs).collect();
    let mut redo = std::mem::take(&mut *board.redo.lock().unwrap());
    if let Some(why) = fatal {
        redo.extend(leftover.iter().map(|&k| (k, why.clone())));
    } else if !leftover.is_empty() {
        runner.run_onto(&leftover, board);
    }
    redo.sort_unstable();
    runner.redo(redo, board, fallback);
}
