//! The NVRTC fallback's sources compile: when the fatbin does not load (a driver older than the
//! build's CUDA, an architecture outside the fatbin), the runtime compiles the embedded source on the
//! device with NVRTC, which has no system headers and rejects unannotated (host) functions. Each of
//! the parts (`CUDA_RTC_PARTS`, after `CUDA_RTC_PRELUDE`) must compile to PTX, and to machine code (CUBIN)
//! as the runtime compiles them. Run-time programs translated to CUDA compile the same way
//! (`runtime::backends::program_kernels`). No GPU is needed.
//!
//! NVRTC comes from the system CUDA or from PyPI `nvidia-cuda-nvrtc==13.5.37` (found through
//! python3). Without it the test says so and passes, unless `ARCFORGE_REQUIRE_NVRTC=1` (CI sets it).

use std::path::PathBuf;
use std::process::Command;

/// Set in the child process this test starts with NVRTC on its library path.
const CHILD: &str = "ARCFORGE_NVRTC_TEST_CHILD";

/// libnvrtc of the PyPI wheel, if installed.
fn pip_nvrtc() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args(["-c", "import nvidia, os; print(os.path.join(list(nvidia.__path__)[0], 'cu13', 'lib'))"])
        .output()
        .ok()?;
    let dir = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("libnvrtc.so.")))
}

fn compile_every_part() {
    use rayon::prelude::*;
    let parts = gpu_kernels::CUDA_RTC_PARTS;
    assert!(parts.len() > 1, "the NVRTC source is split for parallel compiles");
    let total: usize = parts.iter().map(|p| p.matches("ARC_SOLVER_KERNEL(").count()).sum();
    assert_eq!(total, gpu_kernels::KERNELS.len(), "every GPU solver is in exactly one part");
    let build = gpu_kernels::GpuBuild {
        fatbins: &[],
        kernels: gpu_kernels::KERNELS,
        archs: &[],
        cpu_only_reason: None,
        rtc_prelude: gpu_kernels::CUDA_RTC_PRELUDE,
        rtc_parts: parts,
    };
    // The runtime compiles each part to machine code for the device (NVRTC runs ptxas, the slow
    // step): the smallest part, for the oldest architecture the fatbin targets, started first so that
    // it runs beside the others' compiles to PTX.
    let k = (0..parts.len()).min_by_key(|&k| parts[k].len()).unwrap();
    let (cubin, failures) = rayon::join(
        || runtime::backends::cuda::compile_rtc_part_cubin(&build, k, "sm_75"),
        || -> Vec<String> {
            (0..parts.len())
                .into_par_iter()
                .filter_map(|k| runtime::backends::cuda::compile_rtc_part(&build, k, "compute_75").err())
                .map(|e| e.chars().take(3000).collect())
                .collect()
        },
    );
    assert!(failures.is_empty(), "NVRTC rejected the fallback source:\n{}", failures.join("\n"));
    let cubin = cubin.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&cubin[..4], b"\x7fELF", "a CUBIN is an ELF image");
    let kernels: Vec<&str> = gpu_kernels::KERNELS
        .iter()
        .copied()
        .filter(|n| parts[k].contains(&format!("ARC_SOLVER_KERNEL({})", n.trim_end_matches("_kernel"))))
        .collect();
    assert!(!kernels.is_empty(), "part {k} names its kernels");
    for name in kernels {
        let found = cubin.windows(name.len()).any(|w| w == name.as_bytes());
        assert!(found, "{name} is missing from part {k}'s CUBIN");
    }
}

#[test]
fn every_part_of_the_nvrtc_source_compiles() {
    with_nvrtc("every_part_of_the_nvrtc_source_compiles", compile_every_part);
}

/// Run-time programs (`runtime::backends::program_kernels`): every 40th registered solver as a
/// program, under its own kernel name, compiles after the build's prelude, to PTX (each part) and to
/// machine code, which a second compile reads from the cache; a program NVRTC rejects loses only
/// itself.
fn compile_programs() {
    use runtime::backends::program_kernels::{compile, compile_units, gpu_primitives, split, translate};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("solvers/src/tasks");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let all: Vec<programs::Program> =
        files.iter().flat_map(|f| programs::parse_file(f).unwrap().programs).collect();
    let some: Vec<programs::Program> = all.into_iter().step_by(40).collect();
    let prelude = gpu_kernels::CUDA_RTC_PRELUDE;
    let sources = translate(&some, &gpu_primitives(prelude));
    assert!(sources.on_gpu() >= 8, "{:?}", sources.kernels);
    let parts = split(&sources.units, 2);
    for (k, part) in parts.iter().enumerate() {
        let ptx = runtime::backends::cuda::compile_ptx(
            format!("{prelude}{part}"),
            &format!("programs_part{k}.cu"),
            &format!("part {k}"),
            "compute_75",
        )
        .unwrap_or_else(|e| panic!("{}", e.chars().take(3000).collect::<String>()));
        let ptx = ptx.to_src();
        for (name, _) in
            sources.units.iter().filter(|u| part.contains(&format!("ARC_SOLVER_KERNEL({})", u.0)))
        {
            assert!(ptx.contains(&format!(".entry {name}_kernel")), "{name}_kernel is missing from part {k}");
        }
    }
    // Machine code, as a run compiles it, then read back from the cache.
    let cache = tempfile::tempdir().unwrap();
    let one = split(&sources.units[..2], 1);
    let cold = compile(prelude, &one, "sm_75", Some(cache.path())).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((cold.compiled, cold.cached), (1, 0));
    assert_eq!(&cold.cubins[0][..4], b"\x7fELF", "a CUBIN is an ELF image");
    let warm = compile(prelude, &one, "sm_75", Some(cache.path())).unwrap();
    assert_eq!((warm.compiled, warm.cached), (0, 1));
    assert_eq!(warm.cubins, cold.cubins);

    // A program NVRTC rejects (this power's translation is past the template depth) is compiled
    // again alone and keeps only itself off the GPU; the next run reads the rejection back.
    let deep = "def deep(I):\n    x1 = power(hmirror, 100000000)\n    O = x1(I)\n    return O\n";
    let mixed: Vec<programs::Program> =
        some[..2].iter().cloned().chain(programs::parse_python(deep, "p.py").programs).collect();
    let sources = translate(&mixed, &gpu_primitives(prelude));
    let deep_kernel = sources.kernels[2].as_ref().unwrap().trim_end_matches("_kernel");
    let deep_unit = sources.units.iter().position(|u| u.0 == deep_kernel).unwrap();
    for run in ["first", "second"] {
        let results = compile_units(prelude, &sources.units, "sm_75", Some(cache.path()), true).unwrap();
        let rejected: Vec<&Vec<usize>> = results.iter().filter(|(_, r)| r.is_err()).map(|(g, _)| g).collect();
        assert_eq!(rejected, [&vec![deep_unit]], "{run} run");
        let compiled: usize = results.iter().filter(|(_, r)| r.is_ok()).map(|(g, _)| g.len()).sum();
        assert_eq!(compiled, 2, "{run} run");
    }
}

#[test]
fn run_time_programs_compile_with_nvrtc() {
    with_nvrtc("run_time_programs_compile_with_nvrtc", compile_programs);
}

/// Runs `body` where NVRTC loads: here, or in a child process of this test binary running only
/// `test` with the PyPI wheel's NVRTC on its library path.
fn with_nvrtc(test: &str, body: fn()) {
    // SAFETY: only probes whether the library loads (cudarc panics on first use without it).
    if unsafe { cudarc::nvrtc::sys::is_culib_present() } {
        return body();
    }
    assert!(std::env::var_os(CHILD).is_none(), "NVRTC is on the child's library path but did not load");
    // cudarc opens NVRTC by name (libnvrtc.so, .so.12, ...): point a library path at the wheel's.
    let Some(lib) = pip_nvrtc() else {
        let how = "python3 -m pip install nvidia-cuda-nvrtc==13.5.37";
        assert!(std::env::var("ARCFORGE_REQUIRE_NVRTC").as_deref() != Ok("1"), "no NVRTC found: {how}");
        eprintln!("skipped: no NVRTC library found ({how})");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&lib, dir.path().join("libnvrtc.so")).unwrap();
    // The wheel's own folder too: NVRTC opens its builtins library from the library path.
    let wheel = lib.parent().unwrap().display().to_string();
    let path = match std::env::var("LD_LIBRARY_PATH") {
        Ok(p) if !p.is_empty() => format!("{}:{wheel}:{p}", dir.path().display()),
        _ => format!("{}:{wheel}", dir.path().display()),
    };
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture"])
        .env("LD_LIBRARY_PATH", path)
        .env(CHILD, "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "with {}:\n{}{}",
        lib.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
