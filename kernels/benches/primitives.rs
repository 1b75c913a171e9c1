//! Criterion benchmarks of the heaviest DSL primitives on the CPU, on grids shaped like ARC's
//! (10x10 median input, 30x30 largest): `cargo bench -p kernels`. Numbers go to bench/RESULTS.md.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use kernels::constants::*;
use kernels::{dsl, Ctx, Value};

/// A deterministic ARC-like grid: background 0 with rectangles and scattered cells of colours 1..=9.
fn arc_like(h: usize, w: usize) -> Vec<u8> {
    let mut g = vec![0u8; h * w];
    let mut state = 0x2545f4914f6cdd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..(h * w / 12).max(1) {
        let (i, j) = ((next() % h as u64) as usize, (next() % w as u64) as usize);
        let (rh, rw) = (1 + (next() % 3) as usize, 1 + (next() % 4) as usize);
        let c = 1 + (next() % 9) as u8;
        for a in i..(i + rh).min(h) {
            for b in j..(j + rw).min(w) {
                g[a * w + b] = c;
            }
        }
    }
    g
}

fn bench_grid_primitives(c: &mut Criterion) {
    let mut ctx = Ctx::default();
    for n in [10usize, 30] {
        let cells = arc_like(n, n);
        let mut group = c.benchmark_group(format!("{n}x{n}"));
        let mut run = |name: &str, f: &dyn for<'a> Fn(&'a Ctx, Value<'a>) -> Value<'a>| {
            group.bench_function(BenchmarkId::from_parameter(name), |b| {
                b.iter(|| {
                    ctx.reset();
                    let g = Value::Grid(ctx.grid_from(n as u32, n as u32, &cells));
                    black_box(f(&ctx, black_box(g)));
                })
            });
        };
        run("objects(T,F,T)", &|c, g| dsl::objects(c, g, T, F, T));
        run("objects(F,T,F)", &|c, g| dsl::objects(c, g, F, T, F));
        run("partition", &|c, g| dsl::partition(c, g));
        run("fgpartition", &|c, g| dsl::fgpartition(c, g));
        run("fill(ofcolor)", &|c, g| {
            let x = dsl::ofcolor(c, g, ONE);
            dsl::fill(c, g, FOUR, x)
        });
        run("paint(asobject)", &|c, g| {
            let x = dsl::asobject(c, g);
            let canvas = dsl::canvas(c, ZERO, dsl::shape(c, g));
            dsl::paint(c, canvas, x)
        });
        run("occurrences(2x2)", &|c, g| {
            let x = dsl::crop(c, g, ORIGIN, TWO_BY_TWO);
            let o = dsl::asobject(c, x);
            dsl::occurrences(c, g, o)
        });
        run("gravitate", &|c, g| {
            let objs = dsl::objects(c, g, T, F, T);
            let a = dsl::argmax(c, objs, Value::prim(kernels::Prim::size));
            let b = dsl::argmin(c, objs, Value::prim(kernels::Prim::size));
            dsl::gravitate(c, a, b)
        });
        run("product(ofcolor, ofcolor)", &|c, g| {
            let pts = dsl::ofcolor(c, g, TWO);
            dsl::product(c, pts, pts)
        });
        run("connect(diagonal)", &|c, g| dsl::connect(c, ORIGIN, dsl::decrement(c, dsl::shape(c, g))));
        group.finish();
    }
}

criterion_group!(benches, bench_grid_primitives);
criterion_main!(benches);
