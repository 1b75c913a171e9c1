//! Run-time programs on the GPU without a rebuild, through NVRTC: each program is translated to CUDA
//! ([`Program::to_cuda_named`]: the translation every registered solver gets, under a kernel name of
//! its own), all of a run's programs are compiled after the build's CUDA headers
//! ([`GpuBuild::rtc_prelude`]) in a few parts on parallel threads, each part's machine code cached on
//! disk by a hash of its source ([`cached_cubin`], [`compile_cubin`]: the built-in NVRTC fallback's
//! own), and loaded into every GPU of the run beside the build's kernels ([`Gpu::load_kernels`]).
//!
//! A program keeps to the CPU when it uses a primitive without a CUDA twin yet (the `ARC_PRIM`
//! markers of the headers, as the GPU build checks the registered solvers) or a form the solver
//! language lacks (its translation fails). Identical programs (a sampler's duplicates) share one
//! kernel: the kernel's name is a hash of the program's body, so a part's source, and with it its
//! cache file, depends only on which programs run, not on their names or order.
//!
//! Why NVRTC rather than a GPU interpreter: the kernels it makes are the registered solvers' own
//! code, so a program runs exactly as it would compiled in (same device functions, same step
//! counting, same statuses, same redo on the CPU), and at their speed; the cost is the compile,
//! measured in bench/RESULTS.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Instant;

use programs::Program;

use super::cuda::{cached_cubin, compile_cubin, nvrtc_version, Gpu, GpuBuild, RTC_OPTIONS};
use super::gpu::{build, opened};
use crate::engine::accelerator::Accelerator;
use crate::engine::cost::cache_dir;
use crate::engine::fnv::fnv1a_parts;

/// The task id the translation is given for a program that names none (it only checks the form).
const NO_TASK: &str = "00000000";
/// Programs per part at most before the programs are split over more parts (each part pays the
/// headers' parse once, so few programs take one part).
pub const PROGRAMS_PER_PART: usize = 8;
/// Parts at most (compiled on parallel threads).
pub const MAX_PARTS: usize = 16;

/// The programs of a run as CUDA.
#[derive(Clone, Debug, Default)]
pub struct ProgramSources {
    /// Per program, in order: its kernel's name, or why it keeps to the CPU.
    pub kernels: Vec<Result<String, String>>,
    /// Each distinct kernel and its CUDA (device function and kernel), sorted by kernel name.
    pub units: Vec<(String, String)>,
}

impl ProgramSources {
    /// Programs with a kernel.
    pub fn on_gpu(&self) -> usize {
        self.kernels.iter().filter(|k| k.is_ok()).count()
    }
}

/// The DSL names the CUDA headers implement (`ARC_PRIM(name)` at the start of a line, as
/// `kernels/gpu/build.rs` reads them from the header files).
pub fn gpu_primitives(prelude: &str) -> BTreeSet<&str> {
    prelude
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("ARC_PRIM(")?.split(')').next())
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect()
}

/// Translates each program to CUDA for the GPU primitives `gpu_prims` ([`gpu_primitives`]).
/// Programs with the same steps (whatever their names, locals' names or tasks) share one kernel,
/// translated from the one of them with the smallest (task, text), so that the sources do not depend
/// on the programs' order.
pub fn translate(programs: &[Program], gpu_prims: &BTreeSet<&str>) -> ProgramSources {
    let mut units: BTreeMap<String, (String, String)> = BTreeMap::new(); // name -> (task, CUDA)
    let kernels = programs
        .iter()
        .map(|p| {
            let name = kernel_function(p);
            let task = p.task.as_deref().filter(|t| solver_like_id(t)).unwrap_or(NO_TASK);
            let t = p.to_cuda_named(task, &name).map_err(|e| format!("no CUDA translation: {e}"))?;
            let missing: Vec<&str> =
                t.primitives.iter().map(String::as_str).filter(|p| !gpu_prims.contains(p)).collect();
            if !missing.is_empty() {
                return Err(format!("no CUDA twin yet for {}", missing.join(", ")));
            }
            let candidate = (task.to_string(), t.cuda);
            match units.get_mut(&name) {
                Some(kept) if *kept <= candidate => {}
                Some(kept) => *kept = candidate,
                None => {
                    units.insert(name, candidate);
                }
            }
            Ok(t.kernel)
        })
        .collect();
    ProgramSources { kernels, units: units.into_iter().map(|(name, (_, cuda))| (name, cuda)).collect() }
}

/// The device function's name for a program: a hash of its steps and result (what it computes, not
/// what it or its locals are called).
fn kernel_function(p: &Program) -> String {
    let body = format!("{:?} -> {:?}", p.steps(), p.result());
    format!("program_{:016x}", fnv1a_parts(&[body.as_bytes()]))
}

/// An ARC task id as `#[solver("...")]` takes it (8 lowercase hex digits).
fn solver_like_id(t: &str) -> bool {
    t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// How many parts `units` kernels are compiled in.
pub fn part_count(units: usize) -> usize {
    units.div_ceil(PROGRAMS_PER_PART).clamp(1, MAX_PARTS)
}

/// The kernels in `parts` sources balanced by size (each follows the prelude, which ends inside
/// `namespace arc {`, and closes it), largest first into the lightest part, as the build splits the
/// registered solvers.
pub fn split(units: &[(String, String)], parts: usize) -> Vec<String> {
    assign(units, parts).iter().map(|part| part_text(units, part)).collect()
}

/// [`split`]'s parts as indices into `units`, in the order each part holds them.
pub fn assign(units: &[(String, String)], parts: usize) -> Vec<Vec<usize>> {
    let n = parts.clamp(1, units.len().max(1));
    let mut bins: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new()); n];
    let mut by_size: Vec<usize> = (0..units.len()).collect();
    by_size.sort_by_key(|&u| (std::cmp::Reverse(units[u].1.len()), &units[u].0));
    for u in by_size {
        let bin = bins.iter_mut().min_by_key(|b| b.0).expect("at least one part");
        bin.0 += units[u].1.len();
        bin.1.push(u);
    }
    bins.into_iter().map(|(_, part)| part).collect()
}

/// The source of a part holding `units[k]` for each `k` of `part`.
pub fn part_text(units: &[(String, String)], part: &[usize]) -> String {
    part.iter().map(|&u| units[u].1.as_str()).collect::<String>() + "}  // namespace arc\n"
}

/// What compiling the parts cost.
#[derive(Clone, Debug, Default)]
pub struct Compiled {
    /// One CUBIN per part, in part order.
    pub cubins: Vec<Vec<u8>>,
    /// Parts compiled now, and read from the cache.
    pub compiled: usize,
    pub cached: usize,
    pub secs: f64,
}

/// The cache file of a part's CUBIN: named by what it is compiled from and with.
fn cache_name(prelude: &str, part: &str, sm: &str, nvrtc: &str) -> String {
    let key = fnv1a_parts(&[
        prelude.as_bytes(),
        part.as_bytes(),
        RTC_OPTIONS.join(" ").as_bytes(),
        nvrtc.as_bytes(),
    ]);
    format!("nvrtc-programs-{key:016x}-{sm}.cubin")
}

/// Compiles every part (after `prelude`) to machine code for `sm` on parallel threads, each read
/// from `cache` when an earlier run compiled it. Needs the NVRTC library, no GPU.
pub fn compile(prelude: &str, parts: &[String], sm: &str, cache: Option<&Path>) -> Result<Compiled, String> {
    let t = Instant::now();
    let mut out = Compiled::default();
    for r in compile_each(prelude, parts, sm, cache, true)? {
        let (cubin, hit) = r?;
        out.cubins.push(cubin);
        if hit {
            out.cached += 1;
        } else {
            out.compiled += 1;
        }
    }
    out.secs = t.elapsed().as_secs_f64();
    Ok(out)
}

/// Each part's CUBIN and whether it came from the cache, or why not (NVRTC rejected it, or with
/// `compile_now` false, the cache does not hold it); `Err` when NVRTC cannot run at all.
#[allow(clippy::type_complexity)]
fn compile_each(
    prelude: &str,
    parts: &[String],
    sm: &str,
    cache: Option<&Path>,
    compile_now: bool,
) -> Result<Vec<Result<(Vec<u8>, bool), String>>, String> {
    use rayon::prelude::*;
    // SAFETY: only probes whether the NVRTC library can be loaded (cudarc panics without it).
    if !unsafe { cudarc::nvrtc::sys::is_culib_present() } {
        return Err("no NVRTC library (libnvrtc.so) found".into());
    }
    let version = nvrtc_version();
    let one = |(k, part): (usize, &String)| {
        let file = cache_name(prelude, part, sm, &version);
        // A part NVRTC rejected on an earlier run is not compiled again.
        let rejected = cache.map(|d| d.join(format!("{file}.rejected")));
        if let Some(why) = rejected.as_ref().and_then(|f| std::fs::read_to_string(f).ok()) {
            return Err(why);
        }
        let what = format!("run-time programs, part {k}");
        let compile = || {
            if !compile_now {
                return Err(NOT_CACHED.to_string());
            }
            let out = compile_cubin(format!("{prelude}{part}"), &format!("programs_part{k}.cu"), &what, sm);
            if let (Err(why), Some(f)) = (&out, &rejected) {
                let _ = std::fs::write(f, why);
            }
            out
        };
        cached_cubin(cache, &file, compile)
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        parts.par_iter().enumerate().map(one).collect::<Vec<_>>()
    }))
    .map_err(|_| "an NVRTC worker thread panicked".to_string())
}

/// A part's kernels (indices into the units) and its CUBIN with whether it came from the cache, or
/// why not.
pub type CompiledPart = (Vec<usize>, Result<(Vec<u8>, bool), String>);

/// Compiles `units` (kernel name, CUDA) in parts as [`assign`] groups them ([`compile_each`]); a part
/// NVRTC rejects is compiled again one kernel at a time, so that one program it cannot take (a
/// translation past its limits) keeps only itself off the GPU. Needs the NVRTC library, no GPU.
pub fn compile_units(
    prelude: &str,
    units: &[(String, String)],
    sm: &str,
    cache: Option<&Path>,
    compile_now: bool,
) -> Result<Vec<CompiledPart>, String> {
    let groups = assign(units, part_count(units.len()));
    let parts: Vec<String> = groups.iter().map(|g| part_text(units, g)).collect();
    let mut results: Vec<CompiledPart> =
        groups.into_iter().zip(compile_each(prelude, &parts, sm, cache, compile_now)?).collect();
    let alone: Vec<Vec<usize>> = results
        .iter()
        .filter(|(g, r)| g.len() > 1 && rejected(r))
        .flat_map(|(g, _)| g.iter().map(|&u| vec![u]))
        .collect();
    if !alone.is_empty() {
        let texts: Vec<String> = alone.iter().map(|g| part_text(units, g)).collect();
        let again = compile_each(prelude, &texts, sm, cache, compile_now)?;
        results.retain(|(g, r)| !(g.len() > 1 && rejected(r)));
        results.extend(alone.into_iter().zip(again));
    }
    Ok(results)
}

/// Whether NVRTC rejected a part (now or on an earlier run), rather than the cache lacking it.
fn rejected(r: &Result<(Vec<u8>, bool), String>) -> bool {
    r.as_ref().is_err_and(|e| e != NOT_CACHED)
}

/// Why [`prepare`] compiled nothing when it was told to use only the cache.
const NOT_CACHED: &str = "the programs are not compiled for this GPU yet, and too few calls per program pay \
                          for compiling them (--device gpu compiles them)";

/// When [`prepare`] may compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompilePolicy {
    /// Whatever it costs (`--device gpu`).
    Always,
    /// Only what the cache holds (`--device auto` on work too small to pay for a compile): a
    /// program not compiled before keeps the run on the CPU.
    CachedOnly,
}

/// What `run` gets for the GPU: the devices, each program's kernel on all of them, and a line saying
/// what was compiled.
pub struct Prepared {
    pub accelerators: Vec<&'static dyn Accelerator>,
    /// Per program: its kernel (loaded on every device), or `None`: CPU only.
    pub kernels: Vec<Option<String>>,
    pub note: String,
}

/// Compiles `programs` for the GPUs of `selection` (`None`: all visible) and loads them there.
/// `Err` is why no GPU can run them (no usable GPU, no NVRTC, a part NVRTC rejects or a device that
/// refuses the code); programs that cannot run on a GPU are left to the CPU, not an error.
pub fn prepare(
    programs: &[Program],
    selection: Option<&[usize]>,
    policy: CompilePolicy,
) -> Result<Prepared, String> {
    let devices = opened(selection)?;
    let gpus: Vec<&Gpu> = devices.iter().map(|g| g.inner()).collect();
    let (kernels, note) = prepare_on(build(), programs, &gpus, policy)?;
    // The devices as the engine sees them (fault injection included).
    let accelerators = devices.into_iter().map(|g| g as &dyn Accelerator).collect();
    Ok(Prepared { accelerators, kernels, note })
}

fn prepare_on(
    build: &GpuBuild,
    programs: &[Program],
    gpus: &[&Gpu],
    policy: CompilePolicy,
) -> Result<(Vec<Option<String>>, String), String> {
    if gpus.is_empty() {
        return Err("no GPU selected".into());
    }
    let t = Instant::now();
    let sources = translate(programs, &gpu_primitives(build.rtc_prelude));
    let translate_ms = t.elapsed().as_secs_f64() * 1e3;
    let (on_gpu, total) = (sources.on_gpu(), sources.kernels.len());
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for why in sources.kernels.iter().filter_map(|k| k.as_ref().err()) {
        let kind =
            if why.starts_with("no CUDA twin") { "a primitive without a CUDA twin" } else { "no CUDA form" };
        *reasons.entry(kind).or_default() += 1;
    }
    let kept: Vec<String> = reasons.iter().map(|(k, n)| format!("{n} with {k}")).collect();
    let kept = if kept.is_empty() { String::new() } else { format!("; CPU only: {}", kept.join(", ")) };
    let mut note =
        format!("{on_gpu} of {total} programs on the GPU{kept}; translated in {translate_ms:.0} ms");
    let mut loaded: BTreeSet<String> = BTreeSet::new();
    if !sources.units.is_empty() {
        let units = &sources.units;
        // The kernels of a part.
        let names_of = |g: &Vec<usize>| g.iter().map(|&u| units[u].0.clone() + "_kernel").collect::<Vec<_>>();
        // One compile per architecture among the devices.
        let mut by_sm: BTreeMap<String, Vec<&Gpu>> = BTreeMap::new();
        for g in gpus {
            by_sm.entry(g.sm()?).or_default().push(g);
        }
        for (sm, devices) in by_sm {
            let t = Instant::now();
            let now = policy == CompilePolicy::Always;
            let results = compile_units(build.rtc_prelude, units, &sm, cache_dir().as_deref(), now)?;
            if results.iter().any(|(_, r)| r.as_ref().is_err_and(|e| e == NOT_CACHED)) {
                return Err(NOT_CACHED.to_string());
            }
            let (mut cubins, mut names, mut cached, mut rejected) = (Vec::new(), Vec::new(), 0, Vec::new());
            for (group, r) in results {
                match r {
                    Ok((cubin, hit)) => {
                        cubins.push(cubin);
                        names.extend(names_of(&group));
                        cached += hit as usize;
                    }
                    // A program NVRTC rejects (a translation past its limits) stays on the CPU.
                    Err(e) => rejected.push(e.lines().next().unwrap_or_default().to_string()),
                }
            }
            if cubins.is_empty() {
                return Err(format!("NVRTC compiled no part for {sm}: {}", rejected.join("; ")));
            }
            for g in devices {
                g.load_kernels(&cubins, &names)?;
            }
            note.push_str(&format!(
                "; NVRTC {sm}: {} kernels in {} parts ({} compiled, {cached} cached) in {:.1} s",
                names.len(),
                cubins.len(),
                cubins.len() - cached,
                t.elapsed().as_secs_f64()
            ));
            if let Some(first) = rejected.first() {
                note.push_str(&format!(
                    "; {} kernels NVRTC rejected left to the CPU, e.g. {first}",
                    rejected.len()
                ));
            }
            loaded.extend(names);
        }
    }
    let kernels = sources.kernels.into_iter().map(|k| k.ok().filter(|k| loaded.contains(k))).collect();
    Ok((kernels, note))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<Program> {
        let parsed = programs::parse_python(text, "t.py");
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        parsed.programs
    }

    /// Every registered solver's source as a program.
    fn registered() -> Vec<Program> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../solvers/src/tasks");
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        files.iter().flat_map(|f| programs::parse_file(f).unwrap().programs).collect()
    }

    #[test]
    fn the_registered_solvers_as_programs_get_the_builds_cuda_under_their_own_kernel_names() {
        let all = registered();
        assert_eq!(all.len(), 400);
        let prims = gpu_primitives(gpu_kernels::CUDA_RTC_PRELUDE);
        assert!(prims.contains("vmirror") && prims.contains("objects"), "{prims:?}");
        let sources = translate(&all, &prims);
        // The run-time primitive check keeps on the GPU exactly the solvers the GPU build compiled.
        let on_gpu: BTreeSet<String> = all
            .iter()
            .zip(&sources.kernels)
            .filter(|(_, k)| k.is_ok())
            .map(|(p, _)| format!("{}_kernel", p.name))
            .collect();
        let built: BTreeSet<String> = gpu_kernels::KERNELS.iter().map(|k| k.to_string()).collect();
        assert_eq!(on_gpu, built);
        for (p, k) in all.iter().zip(&sources.kernels) {
            match k {
                // The solver's CUDA with its name replaced (first line: the comment naming it).
                Ok(kernel) => {
                    let name = kernel.strip_suffix("_kernel").unwrap();
                    let unit = &sources.units.iter().find(|u| u.0 == name).unwrap().1;
                    let task = p.task.as_deref().unwrap();
                    let own = p.to_cuda(task).unwrap().cuda.replace(&p.name, name);
                    let body = |c: &str| c.split_once('\n').unwrap().1.to_string();
                    assert_eq!(body(unit), body(&own), "{}", p.name);
                }
                Err(why) => assert!(why.starts_with("no CUDA twin yet for "), "{}: {why}", p.name),
            }
        }
    }

    #[test]
    fn identical_programs_share_a_kernel_and_untranslatable_ones_keep_to_the_cpu() {
        let ps = parse(
            "def solve_0000aaaa(I):\n    O = vmirror(I)\n    return O\n\
             def cand(J):\n    O = vmirror(J)\n    return O\n\
             def other(I):\n    O = hmirror(I)\n    return O\n\
             def nested(I):\n    O = rbind(upscale, TWO)(I)\n    return O\n",
        );
        let sources = translate(&ps, &gpu_primitives(gpu_kernels::CUDA_RTC_PRELUDE));
        let k: Vec<&Result<String, String>> = sources.kernels.iter().collect();
        assert!(k[0].is_ok() && k[2].is_ok(), "{k:?}");
        assert_eq!(k[0], k[1], "the same body under another name and input is the same kernel");
        assert_ne!(k[0], k[2]);
        assert!(k[3].as_ref().unwrap_err().starts_with("no CUDA translation: "), "{:?}", k[3]);
        assert_eq!(sources.units.len(), 2);
        assert_eq!(sources.on_gpu(), 3);
        // No GPU primitive at all: every program keeps to the CPU, saying which primitive.
        let none = translate(&ps[..1], &BTreeSet::new());
        assert_eq!(none.kernels[0].as_ref().unwrap_err(), "no CUDA twin yet for vmirror");
        assert!(none.units.is_empty());
    }

    #[test]
    fn parts_hold_every_kernel_once_whatever_the_program_order() {
        let mut all = registered();
        let prims = gpu_primitives(gpu_kernels::CUDA_RTC_PRELUDE);
        let sources = translate(&all, &prims);
        let parts = split(&sources.units, part_count(sources.units.len()));
        assert_eq!(parts.len(), MAX_PARTS);
        for (name, _) in &sources.units {
            let marker = format!("ARC_SOLVER_KERNEL({name})");
            assert_eq!(parts.iter().filter(|p| p.contains(&marker)).count(), 1, "{name}");
        }
        assert!(parts.iter().all(|p| p.ends_with("}  // namespace arc\n")));
        let sizes: Vec<usize> = parts.iter().map(String::len).collect();
        assert!(sizes.iter().max().unwrap() < &(2 * sizes.iter().min().unwrap()), "{sizes:?}");
        // The same programs in another order (and so other cache keys) give the same parts.
        all.reverse();
        assert_eq!(split(&translate(&all, &prims).units, parts.len()), parts);
        assert_eq!((part_count(0), part_count(1), part_count(9)), (1, 1, 2));
    }
}
