//! Run-time programs on the typed CPU path: the host's C++ compiler at run time, as NVRTC is for the
//! GPU ([`super::program_kernels`]). Each program's CUDA translation (the same one the GPU gets) is
//! compiled after the build's CUDA prelude into a shared library per part, on parallel threads,
//! each part cached on disk by a hash of what it is compiled from, and loaded for the rest of the
//! process (libloading). The engine then runs each program's samples on that code or the
//! interpreter, whichever it measures faster for the program (`engine::typed_cpu::PathChoice`).
//!
//! Why: the interpreter runs composed functions through the dynamic `Value` model, where the typed
//! C++ calls them directly (the registered solvers' typed path, `gpu_kernels::typed`). A program the
//! translation does not take (a primitive without a CUDA twin) stays interpreted. The compiler is
//! `CXX`, else the first of `c++`, `g++`, `clang++` that runs; without one, every program is
//! interpreted and the note says so.

use std::collections::HashMap;
use std::ffi::CString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use gpu_kernels::typed::{LoadedSolver, ProgramFindFn, ProgramRunFn, HOST_ENTRY, PROGRAM_ENTRY};
use gpu_kernels::CUDA_RTC_PRELUDE;
use programs::Program;
use rayon::prelude::*;

use super::program_kernels::{assign, gpu_primitives, part_count, part_text, translate, CompilePolicy};
use crate::engine::cost::cache_dir;
use crate::engine::fnv::fnv1a_parts;

/// The compiler's options (also part of each library's cache key).
pub const CXX_OPTIONS: &[&str] = &["-std=c++17", "-O2", "-shared", "-fPIC", "-w"];

/// The host's C++ compiler and its version line, or why there is none (looked up once).
pub fn compiler() -> Result<&'static (PathBuf, String), String> {
    static FOUND: OnceLock<Result<(PathBuf, String), String>> = OnceLock::new();
    FOUND
        .get_or_init(|| {
            let version = |p: &Path| {
                let out = Command::new(p).arg("--version").output().ok().filter(|o| o.status.success())?;
                Some(String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or("").to_string())
            };
            let tried: Vec<PathBuf> = match std::env::var_os("CXX").filter(|c| !c.is_empty()) {
                Some(cxx) => vec![PathBuf::from(cxx)],
                None => ["c++", "g++", "clang++"].iter().map(PathBuf::from).collect(),
            };
            tried
                .iter()
                .find_map(|p| version(p).map(|v| (p.clone(), v)))
                .ok_or_else(|| format!("no C++ compiler runs (tried {})", names(&tried)))
        })
        .as_ref()
        .map_err(Clone::clone)
}

fn names(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// What `run` gets for the CPU: each program's typed code, and a line saying what was compiled.
pub struct HostPrepared {
    /// Per program: its typed code, or `None` (interpreted only).
    pub twins: Vec<Option<LoadedSolver>>,
    pub note: String,
}

/// Compiles (or reads from the cache, as `policy` allows) the programs' typed code for the host and
/// loads it. `Err` is why no program can have it (no compiler, nothing cached under
/// [`CompilePolicy::CachedOnly`]); programs without a translation, or whose part the compiler
/// rejects even alone, are interpreted, not an error.
pub fn prepare(programs: &[Program], policy: CompilePolicy) -> Result<HostPrepared, String> {
    let t = Instant::now();
    let (cxx, version) = compiler()?;
    let sources = translate(programs, &gpu_primitives(CUDA_RTC_PRELUDE));
    if sources.units.is_empty() {
        let note = "no program has a typed translation".to_string();
        return Ok(HostPrepared { twins: vec![None; programs.len()], note });
    }
    let cache = cache_dir();
    // Without a cache folder each library is built in a scratch one, loaded, and deleted with it.
    let scratch = match &cache {
        Some(_) => None,
        None => {
            Some(tempfile::tempdir().map_err(|e| format!("no scratch folder for the host compile: {e}"))?)
        }
    };
    let dir = cache.as_deref().or(scratch.as_ref().map(|d| d.path())).expect("a folder");
    let units = &sources.units;
    let build = |part: &Vec<usize>| build_part(cxx, version, &part_text(units, part), dir, policy);
    let groups = assign(units, part_count(units.len()));
    let mut built: Vec<(&Vec<usize>, Result<Built, PartError>)> =
        groups.iter().zip(groups.par_iter().map(build).collect::<Vec<_>>()).collect();
    // A part the compiler rejects is compiled again one program at a time, so that one program it
    // cannot take (a translation past its limits) leaves the others typed.
    let alone: Vec<Vec<usize>> = built
        .iter()
        .filter(|(g, r)| g.len() > 1 && matches!(r, Err(PartError::Rejected(_))))
        .flat_map(|(g, _)| g.iter().map(|&u| vec![u]))
        .collect();
    let retried: Vec<Result<Built, PartError>> = alone.par_iter().map(build).collect();
    built.retain(|(g, r)| !(g.len() > 1 && matches!(r, Err(PartError::Rejected(_)))));
    built.extend(alone.iter().zip(retried));

    let (mut compiled, mut cached, mut rejected, mut not_cached) = (0, 0, 0, 0);
    let mut first_rejection = None;
    let mut libs = Vec::new();
    for (group, result) in &built {
        match result {
            Ok(Built { lib, cached: hit }) => {
                *(if *hit { &mut cached } else { &mut compiled }) += 1;
                libs.push(*lib);
            }
            Err(PartError::NotCached) => not_cached += 1,
            Err(PartError::Rejected(why)) => {
                rejected += group.len();
                first_rejection.get_or_insert_with(|| why.clone());
            }
        }
    }
    if libs.is_empty() && not_cached > 0 {
        return Err(NOT_CACHED.to_string());
    }
    let mut twins = Vec::with_capacity(programs.len());
    for kernel in &sources.kernels {
        twins.push(match kernel {
            Ok(name) => find(&libs, name)?,
            Err(_) => None,
        });
    }
    let typed = twins.iter().filter(|t| t.is_some()).count();
    let mut note = format!(
        "{typed} of {} programs compiled for the host by {} ({} parts: {compiled} compiled, {cached} cached",
        programs.len(),
        cxx.display(),
        compiled + cached
    );
    if not_cached > 0 {
        note += &format!(", {not_cached} not in the cache");
    }
    if let Some(why) = first_rejection {
        note += &format!("; {rejected} not compiled (interpreted), e.g. {why}");
    }
    note += &format!("; {:.1} s)", t.elapsed().as_secs_f64());
    Ok(HostPrepared { twins, note })
}

/// A part's library, loaded, and whether it came from the cache.
struct Built {
    lib: &'static libloading::Library,
    cached: bool,
}

/// Why a part has no library.
enum PartError {
    /// Not in the cache, and the policy compiles nothing.
    NotCached,
    /// The compiler rejected it (or its library would not load), now or on an earlier run.
    Rejected(String),
}

/// One part's library: from the cache, or compiled now where `policy` allows. A rejection is
/// remembered beside the cache (`.rejected`), so a later run does not compile it again.
fn build_part(
    cxx: &Path,
    version: &str,
    part: &str,
    dir: &Path,
    policy: CompilePolicy,
) -> Result<Built, PartError> {
    let file = dir.join(library_name(part, version));
    let rejected = file.with_extension("rejected");
    if let Ok(why) = std::fs::read_to_string(&rejected) {
        return Err(PartError::Rejected(why));
    }
    let cached = file.exists();
    if !cached {
        if policy == CompilePolicy::CachedOnly {
            return Err(PartError::NotCached);
        }
        match compile_part(cxx, part, &file) {
            Ok(()) => {}
            Err(CompileError::Rejected(why)) => {
                let _ = std::fs::write(&rejected, &why);
                return Err(PartError::Rejected(why));
            }
            // Not the source's fault (a full disk, a compiler that would not start): tried again next run.
            Err(CompileError::Failed(why)) => return Err(PartError::Rejected(why)),
        }
    }
    load(&file).map(|lib| Built { lib, cached }).map_err(PartError::Rejected)
}

/// Why [`prepare`] compiled nothing when it was told to use only the cache.
const NOT_CACHED: &str = "the programs are not compiled for the host yet, and too few calls per program \
                          pay for compiling them (ARCFORGE_CPU_PATH=typed compiles them)";

/// A part's library file: named by everything it is compiled from and with.
fn library_name(part: &str, version: &str) -> String {
    let key = fnv1a_parts(&[
        CUDA_RTC_PRELUDE.as_bytes(),
        part.as_bytes(),
        HOST_ENTRY.as_bytes(),
        PROGRAM_ENTRY.as_bytes(),
        CXX_OPTIONS.join(" ").as_bytes(),
        version.as_bytes(),
    ]);
    format!("host-programs-{key:016x}.so")
}

/// The C++ of one part: the prelude, the part's programs (which close the prelude's namespace),
/// and the entry points.
fn part_source(part: &str) -> String {
    format!("{CUDA_RTC_PRELUDE}{part}{HOST_ENTRY}{PROGRAM_ENTRY}")
}

/// Why a part did not compile.
enum CompileError {
    /// The compiler ran and rejected the source (its error lines).
    Rejected(String),
    /// Something else: the folder, the disk, the compiler's start.
    Failed(String),
}

/// Compiles one part to `file`: written aside and renamed, so a run beside this one never loads
/// half a library.
fn compile_part(cxx: &Path, part: &str, file: &Path) -> Result<(), CompileError> {
    let failed = |what: String| CompileError::Failed(what);
    let dir = file.parent().expect("a library's folder");
    std::fs::create_dir_all(dir).map_err(|e| failed(format!("cannot create {}: {e}", dir.display())))?;
    let aside = |ext: &str| file.with_extension(format!("{}.{ext}", std::process::id()));
    let (src, tmp) = (aside("cpp"), aside("tmp"));
    let result = std::fs::write(&src, part_source(part))
        .map_err(|e| failed(format!("cannot write {}: {e}", src.display())))
        .and_then(|()| {
            let out = Command::new(cxx)
                .args(CXX_OPTIONS)
                .arg("-o")
                .arg(&tmp)
                .arg(&src)
                .output()
                .map_err(|e| failed(format!("{} did not run: {e}", cxx.display())))?;
            if !out.status.success() {
                let err = String::from_utf8_lossy(&out.stderr);
                // The compiler's own words, without the scratch file's name.
                let first: Vec<&str> =
                    err.lines().filter_map(|l| l.split_once("error: ").map(|(_, e)| e)).take(2).collect();
                let why = format!("{} failed: {}", cxx.display(), first.join(" | "));
                return Err(if first.is_empty() {
                    CompileError::Failed(why)
                } else {
                    CompileError::Rejected(why)
                });
            }
            std::fs::rename(&tmp, file).map_err(|e| failed(format!("cannot write {}: {e}", file.display())))
        });
    let _ = std::fs::remove_file(&src);
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Loads a library once per process (its code stays loaded: the typed code handed out points
/// into it).
fn load(file: &Path) -> Result<&'static libloading::Library, String> {
    static LOADED: OnceLock<Mutex<HashMap<PathBuf, &'static libloading::Library>>> = OnceLock::new();
    let mut loaded = LOADED.get_or_init(Mutex::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(lib) = loaded.get(file) {
        return Ok(lib);
    }
    // SAFETY: the library is one this module compiled (its name is the hash of its source); loading
    // it runs only the solvers' static registrations.
    let lib = unsafe { libloading::Library::new(file) }
        .map_err(|e| format!("cannot load {}: {e}", file.display()))?;
    let lib: &'static libloading::Library = Box::leak(Box::new(lib));
    loaded.insert(file.to_path_buf(), lib);
    Ok(lib)
}

/// The typed code of the program whose kernel is `name`, in whichever library holds it (`None`: its
/// part has no library).
fn find(libs: &[&'static libloading::Library], name: &str) -> Result<Option<LoadedSolver>, String> {
    let kernel = CString::new(name).expect("a kernel name has no NUL");
    for lib in libs {
        // SAFETY: the symbols are PROGRAM_ENTRY's, with these signatures.
        let (find, run) = unsafe {
            let find: libloading::Symbol<ProgramFindFn> =
                lib.get(b"arcforge_program_find\0").map_err(|e| format!("a library lacks its entry: {e}"))?;
            let run: libloading::Symbol<ProgramRunFn> =
                lib.get(b"arcforge_program_run\0").map_err(|e| format!("a library lacks its entry: {e}"))?;
            (*find, *run)
        };
        // SAFETY: `kernel` is a NUL-terminated string that outlives the call.
        let solver = unsafe { find(kernel.as_ptr()) };
        if !solver.is_null() {
            // SAFETY: both come from `lib`, which stays loaded (`load`).
            return Ok(Some(unsafe { LoadedSolver::new(run, solver) }));
        }
    }
    Ok(None)
}
