//! Interpreted programs against the compiled solvers on the same samples: every registered solver
//! (parsed from its Rust source, as the Python round trip gives the same steps) on every input of
//! its own task (1,718 samples of ARC-AGI-1 training). The goal: interpreted within 2x.
//!
//! `cargo bench -p programs --bench interpreted`

#[path = "../tests/support/mod.rs"]
mod support;

use std::collections::HashMap;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kernels::{Ctx, Value};

fn own_task_samples(c: &mut Criterion) {
    let programs: HashMap<String, programs::Program> =
        support::solver_programs().into_iter().map(|p| (p.name.clone(), p)).collect();
    let mut samples = Vec::new();
    for task in support::training_tasks() {
        if let Some(solver) = solvers::get(&task.id) {
            for input in task.inputs {
                samples.push((solver, &programs[solver.name], input));
            }
        }
    }
    let mut g = c.benchmark_group("own-task samples");
    g.throughput(Throughput::Elements(samples.len() as u64));
    g.sample_size(20).measurement_time(Duration::from_secs(20)).warm_up_time(Duration::from_secs(3));
    let mut ctx = Ctx::default();
    g.bench_function("compiled", |b| {
        b.iter(|| {
            let mut ok = 0usize;
            for (solver, _, (h, w, cells)) in &samples {
                ctx.reset();
                let c: &Ctx = &ctx;
                let out = (solver.cpu)(c, Value::Grid(c.grid_from(*h, *w, cells)));
                ok += (!c.failed() && matches!(out, Value::Grid(_))) as usize;
            }
            ok
        })
    });
    g.bench_function("interpreted", |b| {
        b.iter(|| {
            let mut ok = 0usize;
            for (_, program, (h, w, cells)) in &samples {
                ctx.reset();
                let c: &Ctx = &ctx;
                let out = program.run(c, Value::Grid(c.grid_from(*h, *w, cells)));
                ok += (!c.failed() && matches!(out, Value::Grid(_))) as usize;
            }
            ok
        })
    });
    g.finish();
}

criterion_group!(benches, own_task_samples);
criterion_main!(benches);
