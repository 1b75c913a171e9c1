//! What compiling run-time programs for the GPU costs, without a GPU: reads a file of programs,
//! translates them to CUDA (`backends::program_kernels`), and compiles the parts with NVRTC to
//! machine code for an architecture, first into an empty cache, then again from it. The numbers
//! in bench/RESULTS.md ("run-time programs on the GPU: NVRTC") come from this.
//!
//! `cargo run -p runtime --example program_nvrtc_cost -- PROGRAMS [sm_90] [N [PARTS]]`: N programs
//! evenly spread over the file (default all), in PARTS parts (default `part_count`).
//! (NVRTC found by name: put the PyPI wheel's `nvidia/cu13/lib` on LD_LIBRARY_PATH, with a
//! `libnvrtc.so` link to its `libnvrtc.so.13`).

use runtime::backends::program_kernels::{compile, gpu_primitives, part_count, split, translate};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: program_nvrtc_cost PROGRAMS [sm_XY] [FIRST_N]");
    let sm = args.get(2).map_or("sm_90", String::as_str);
    let mut parsed = programs::parse_file(std::path::Path::new(path)).expect("readable programs");
    if let Some(n) = args.get(3).and_then(|n| n.parse::<usize>().ok()).filter(|&n| n > 0) {
        let stride = (parsed.programs.len() / n).max(1);
        parsed.programs = parsed.programs.into_iter().step_by(stride).take(n).collect();
    }
    let prelude = gpu_kernels::CUDA_RTC_PRELUDE;
    let t = std::time::Instant::now();
    let sources = translate(&parsed.programs, &gpu_primitives(prelude));
    let translate_ms = t.elapsed().as_secs_f64() * 1e3;
    let parts_wanted = args.get(4).and_then(|n| n.parse::<usize>().ok());
    let parts = split(&sources.units, parts_wanted.unwrap_or_else(|| part_count(sources.units.len())));
    println!(
        "{} programs, {} on the GPU ({} kernels), translated in {translate_ms:.0} ms; {} parts; {} threads",
        parsed.programs.len(),
        sources.on_gpu(),
        sources.units.len(),
        parts.len(),
        rayon::current_num_threads()
    );
    let cache = tempfile::tempdir().expect("a temporary cache");
    for round in ["cold", "cached"] {
        let c = compile(prelude, &parts, sm, Some(cache.path())).unwrap_or_else(|e| panic!("{e}"));
        let bytes: usize = c.cubins.iter().map(Vec::len).sum();
        println!(
            "{round:6}: {sm}: {} compiled, {} from the cache, {:.2} s, {} KiB of CUBIN",
            c.compiled,
            c.cached,
            c.secs,
            bytes / 1024
        );
    }
}
