//! Progress on the CPU (issue 23): the executor advances its progress bar as each sample finishes,
//! not once at the end of the CPU's run (which showed a bar at 0% for a 25-45 s solve, then 100%).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use kernels::{Ctx, Value};
use runtime::{execute, ExecOptions, Job};
use runtime::{DeviceChoice, TaskGrid};
use solvers::Solver;

static BAR: OnceLock<indicatif::ProgressBar> = OnceLock::new();
/// The highest bar position a solver saw while running.
static SEEN: AtomicU64 = AtomicU64::new(0);

/// A solver that records the bar's position when it runs, then answers its input.
fn watching<'a>(_: &'a Ctx, input: Value<'a>) -> Value<'a> {
    SEEN.fetch_max(BAR.get().map_or(0, |b| b.position()), Ordering::SeqCst);
    input
}

#[test]
fn the_cpu_advances_the_bar_sample_by_sample() {
    let bar = BAR.get_or_init(indicatif::ProgressBar::hidden);
    bar.set_length(20);
    let solver = Solver {
        task: "t",
        name: "watching",
        cpu: watching,
        cuda_kernel: "",
        cuda_source: "",
        file: file!(),
        line: line!(),
    };
    let grid = TaskGrid::new(1, 1, vec![3]).unwrap();
    let inputs = vec![&grid; 20];
    let jobs: Vec<Job> = (0..20).map(|i| Job { solver: 0, input: i }).collect();
    let opts = ExecOptions {
        device: DeviceChoice::Cpu,
        threads: Some(1),
        progress: Some(bar.clone()),
        ..ExecOptions::default()
    };
    let run = execute(&[solver], &inputs, &jobs, &opts).unwrap();
    assert!(run.outputs.iter().all(|o| o.is_ok()));
    assert_eq!(bar.position(), 20, "every sample counted once");
    // With one thread the last sample starts after 19 others finished.
    assert_eq!(SEEN.load(Ordering::SeqCst), 19, "the bar moved during the run");
}
