//! Runs solver batches on a CUDA device through cudarc: loads the fatbins of the `gpu-kernels` crate
//! (`kernels/gpu`), uploads a run's input grids once (30x30 slots), and runs *waves*: many solvers'
//! batch kernels (one warp per sample) launched back to back over several streams, sharing one
//! index, metadata, output and arena buffer, then one wait and one copy back of the packed outputs and
//! per-sample statuses (pinned host memory, no round trip per batch). Each of a device's workers owns
//! one set of such buffers, allocated once at start, so one wave runs while another is decoded. Anything but `OK` is for the caller to redo on the CPU, or, where the caller
//! allows it, to take as the sample's verdict
//! ([`status_verdict`](crate::engine::status::status_verdict)).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use cudarc::driver::{
    CudaContext, CudaFunction, CudaModule, CudaSlice, CudaStream, DevicePtr, DevicePtrMut, DeviceRepr,
    LaunchConfig, PinnedHostSlice, PushKernelArg,
};
pub use gpu_kernels::GpuBuild;

pub use crate::engine::accelerator::{BatchResult, GpuOutcome, GridRef, WaveBatch};
use crate::engine::cost::cache_dir;
use crate::engine::fnv::fnv1a_parts;
use crate::engine::status::STATUS_GPU_STEPS;
use crate::engine::status::STATUS_UNSUPPORTED;

/// Most bytes of one output grid (30 x 30, the largest task grid): a wave has room for this many per sample.
pub const SLOT: usize = 900;
/// `u32`s per sample in a batch's metadata (`META` in `runner.cuh`): status, output offset, height,
/// width, steps (in the CPU's units), kilocycles, and for an unsupported call its overload code.
const META: usize = 7;

/// `kernels/cuda/runner.cuh`'s `Batch`, field for field.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
struct Batch {
    input: u64,
    in_shape: u64,
    index: u64,
    out: u64,
    meta: u64,
    counters: u64,
    out_cap: u64,
    pool: u64,
    pool_cap: u64,
    arena_per: u64,
    max_steps: u64,
    n: i32,
}
// SAFETY: plain old data with the C layout of the kernel parameter.
unsafe impl DeviceRepr for Batch {}

/// Sizes of a device's buffers; `ARCFORGE_GPU_ARENA_KIB`, `ARCFORGE_GPU_POOL_MIB`,
/// `ARCFORGE_GPU_BATCH`, `ARCFORGE_GPU_STREAMS` and `ARCFORGE_GPU_WORKERS` override the defaults;
/// `ARCFORGE_GPU_TRACE=1` turns on the per-batch trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GpuConfig {
    /// Arena bytes one sample may take at most (its warp's scratch memory, in 64 KiB chunks).
    pub arena_per_sample: u64,
    /// Arena bytes shared by one wave's samples (per worker): chunks are handed out as needed, so
    /// only what is used is touched.
    pub pool: u64,
    /// Samples per wave at most (a bigger group is split over waves).
    pub batch: usize,
    /// Streams a wave's kernels are spread over, so that small batches of different solvers run
    /// side by side instead of one after another.
    pub streams: usize,
    /// Workers per device, each with its own buffers: one wave runs while the last is decoded.
    pub workers: usize,
    /// The GPU's own step budget per sample, in the CPU's steps (`ARCFORGE_GPU_STEPS`, default
    /// [`DEFAULT_GPU_STEPS`]), used where it is below the run's CPU budget (`--max-steps`); `None`
    /// (`ARCFORGE_GPU_STEPS=cpu`) runs every sample to the CPU's budget. The kernels count the CPU's
    /// steps at the CPU's points (`tests/cuda_host_parity.rs` proves it sample by sample), so a stop
    /// at the CPU's budget is the CPU's verdict; under a lower budget it is only this run's stop
    /// ([`STATUS_GPU_STEPS`]) and the CPU redoes the sample. Why a lower default: a wave lasts as long
    /// as its slowest sample, and a warp is far slower than a CPU core on long serial work (all-pairs
    /// on an H100: 4.3 s at the CPU's 2^23 steps, 2.8-3.0 s from 2^16 to 2^19, against 3.5 s on its
    /// 16 cores: bench/RESULTS.md); the samples past it are the CPU's.
    pub max_steps: Option<u64>,
    /// The GPU's budget for a short run (one that fits in one wave, [`WaveBatch::short_run`]), where
    /// lower than `max_steps`: its wave is as long as its slowest sample while the CPU threads have
    /// nothing else to do, so they take the long samples sooner. `None` when `ARCFORGE_GPU_STEPS`
    /// sets the budget of every run. Eval on an H100 (1,718 samples): GPU solve 13.5-13.9 ms at
    /// 2^16, 7.1-7.3 at 2^13, 5.7-6.0 at 2^11; all-pairs is best at 2^16 (bench/RESULTS.md).
    pub short_run_steps: Option<u64>,
    /// Print each batch's slowest sample against the median (`ARCFORGE_GPU_TRACE=1`).
    pub trace: bool,
}

/// The GPU's default step budget per sample ([`GpuConfig::max_steps`]), in the CPU's steps.
pub const DEFAULT_GPU_STEPS: u64 = 1 << 16;

/// The GPU's default step budget for a short run ([`GpuConfig::short_run_steps`]).
pub const SHORT_RUN_GPU_STEPS: u64 = 1 << 11;

/// The step budget of a wave's samples: the CPU's, or the GPU's own where lower (a short run's
/// where that is lower still).
fn wave_budget(config: &GpuConfig, short_run: bool, cpu_max_steps: u64) -> u64 {
    let gpu = match config.short_run_steps {
        Some(short) if short_run => Some(config.max_steps.map_or(short, |gpu| gpu.min(short))),
        _ => config.max_steps,
    };
    gpu.map_or(cpu_max_steps, |gpu| gpu.min(cpu_max_steps))
}

/// [`GpuConfig::max_steps`] from `ARCFORGE_GPU_STEPS`: unset is [`DEFAULT_GPU_STEPS`], `cpu` is the
/// CPU's budget (`None`), else a positive step count.
fn gpu_steps(var: Option<&str>) -> Result<Option<u64>, String> {
    match var.map(str::trim) {
        None => Ok(Some(DEFAULT_GPU_STEPS)),
        Some("cpu") => Ok(None),
        Some(v) => match v.parse::<u64>() {
            Ok(n) if n > 0 => Ok(Some(n)),
            _ => Err(format!("ARCFORGE_GPU_STEPS={v:?} is neither a positive step count nor `cpu`")),
        },
    }
}

impl GpuConfig {
    pub fn from_env() -> GpuConfig {
        let var = |k: &str, default: u64| {
            std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok()).filter(|&v| v > 0).unwrap_or(default)
        };
        GpuConfig {
            arena_per_sample: var("ARCFORGE_GPU_ARENA_KIB", 16 << 10) << 10,
            pool: var("ARCFORGE_GPU_POOL_MIB", 4096) << 20,
            batch: var("ARCFORGE_GPU_BATCH", 16384) as usize,
            streams: var("ARCFORGE_GPU_STREAMS", 16) as usize,
            workers: var("ARCFORGE_GPU_WORKERS", 3) as usize,
            short_run_steps: std::env::var_os("ARCFORGE_GPU_STEPS").is_none().then_some(SHORT_RUN_GPU_STEPS),
            max_steps: gpu_steps(std::env::var("ARCFORGE_GPU_STEPS").ok().as_deref()).unwrap_or_else(|e| {
                eprintln!("arcforge: {e}; using the default, {DEFAULT_GPU_STEPS}");
                Some(DEFAULT_GPU_STEPS)
            }),
            trace: std::env::var("ARCFORGE_GPU_TRACE").is_ok_and(|v| v == "1"),
        }
    }
}

/// Part of a wave: kernel name, its function, at most a wave's worth of its batch's input indices,
/// the batch it belongs to, and whether its kernel is timed.
type Piece<'a> = (&'a str, CudaFunction, &'a [u32], usize, bool);

/// One worker's wave buffers, allocated once and reused: on the device the wave's input indices,
/// per-sample metadata, packed outputs, the two counters and the arena; pinned host mirrors, so the
/// copies are single DMA transfers; and the streams its batches spread over.
struct Lane {
    streams: Vec<Arc<CudaStream>>,
    index: CudaSlice<i32>,
    out: CudaSlice<u8>,
    meta: CudaSlice<u32>,
    counters: CudaSlice<u64>,
    arena: CudaSlice<u8>,
    host_index: PinnedHostSlice<i32>,
    host_meta: PinnedHostSlice<u32>,
    host_out: PinnedHostSlice<u8>,
    host_counters: PinnedHostSlice<u64>,
}

/// The input grids of the current run, on the device: cells packed, and per grid its height,
/// width and offset (`Batch::in_shape` in `runner.cuh`).
struct DeviceInputs {
    cells: CudaSlice<u8>,
    shape: CudaSlice<u32>,
    n: usize,
}

/// One CUDA device with the solver module loaded and its streams' buffers allocated.
pub struct Gpu {
    ctx: Arc<CudaContext>,
    /// Set when the module came from NVRTC instead of the fatbin: why, and how long it took.
    pub jit: Option<String>,
    functions: HashMap<&'static str, CudaFunction>,
    /// Kernels loaded after open: run-time programs compiled with NVRTC ([`Gpu::load_kernels`]).
    program_functions: RwLock<HashMap<String, CudaFunction>>,
    lanes: Vec<Mutex<Lane>>,
    inputs: RwLock<Option<DeviceInputs>>,
    /// Device name, e.g. "NVIDIA H100 80GB HBM3".
    pub name: String,
    pub ordinal: usize,
    pub config: GpuConfig,
}

/// Number of CUDA devices, or why there are none usable. Never panics: cudarc panics when libcuda
/// is missing, so that is checked first.
pub fn device_count() -> Result<usize, String> {
    // SAFETY: only probes whether the driver library can be loaded.
    if !unsafe { cudarc::driver::sys::is_culib_present() } {
        return Err("no CUDA driver found (libcuda.so could not be loaded)".into());
    }
    let n = CudaContext::device_count().map_err(|e| format!("CUDA driver error: {e:?}"))?;
    if n <= 0 {
        return Err("the CUDA driver reports no device".into());
    }
    Ok(n as usize)
}

/// Compiles part `k` of the build's NVRTC source (the prelude, then `rtc_parts[k]`) to PTX for
/// `arch` (`compute_XY`): how `tests/nvrtc_source.rs` checks every part quickly (the run-time
/// fallback compiles to machine code instead, [`compile_rtc_part_cubin`]).
pub fn compile_rtc_part(
    build: &GpuBuild,
    k: usize,
    arch: &'static str,
) -> Result<cudarc::nvrtc::Ptx, String> {
    let source = format!("{}{}", build.rtc_prelude, build.rtc_parts[k]);
    compile_ptx(source, &format!("solvers_rtc_part{k}.cu"), &format!("part {k}"), arch)
}

/// Compiles one NVRTC translation unit (`name` in NVRTC's messages, `what` in ours) to PTX for `arch`
/// (`compute_XY`) with the runtime's options: [`compile_rtc_part`], and the run-time programs'
/// parts (`program_kernels`).
pub fn compile_ptx(
    source: String,
    name: &str,
    what: &str,
    arch: &'static str,
) -> Result<cudarc::nvrtc::Ptx, String> {
    let opts = cudarc::nvrtc::CompileOptions {
        arch: Some(arch),
        options: RTC_OPTIONS.iter().map(|o| o.to_string()).collect(),
        name: Some(name.to_string()),
        ..Default::default()
    };
    cudarc::nvrtc::compile_ptx_with_opts(source, opts).map_err(|e| format!("{what}: {e:?}"))
}

/// NVRTC options besides the architecture. -default-device: a function or lambda without an
/// execution space is device code (the H200's NVRTC 13.0 rejected an unannotated lambda that NVRTC
/// 13.5 takes).
pub(crate) const RTC_OPTIONS: &[&str] = &["-std=c++17", "-w", "-default-device"];

/// NVRTC's version ("13.0"), part of the CUBIN cache key.
pub(crate) fn nvrtc_version() -> String {
    let (mut major, mut minor) = (0, 0);
    // SAFETY: NVRTC writes two ints; the caller checked that the library loads.
    let ok = unsafe { cudarc::nvrtc::sys::nvrtcVersion(&mut major, &mut minor) }.result().is_ok();
    if ok {
        format!("{major}.{minor}")
    } else {
        "unknown".into()
    }
}

/// The cache file of part `k`'s CUBIN: named by what it is compiled from and with.
fn cubin_cache_name(build: &GpuBuild, k: usize, sm: &str, nvrtc: &str) -> String {
    let key = fnv1a_parts(&[
        build.rtc_prelude.as_bytes(),
        build.rtc_parts[k].as_bytes(),
        RTC_OPTIONS.join(" ").as_bytes(),
        nvrtc.as_bytes(),
    ]);
    format!("nvrtc-{key:016x}-{sm}-part{k}.cubin")
}

/// The CUBIN saved as `file` in `dir` by an earlier run, else `compile()`'s, saved there for the next
/// run (the NVRTC fallback then costs its minute once per machine, not at every start). Best effort:
/// a cache that cannot be read or written costs only the compile; a file that is no ELF image is
/// compiled over. Returns the bytes and whether they came from the cache.
pub fn cached_cubin(
    dir: Option<&std::path::Path>,
    file: &str,
    compile: impl FnOnce() -> Result<Vec<u8>, String>,
) -> Result<(Vec<u8>, bool), String> {
    if let Some(bytes) = dir.and_then(|d| std::fs::read(d.join(file)).ok()) {
        if bytes.starts_with(b"\x7fELF") {
            return Ok((bytes, true));
        }
    }
    let bytes = compile()?;
    if let Some(d) = dir {
        // Written aside and renamed, so a run beside this one never reads half a file.
        let tmp = d.join(format!("{file}.{}.tmp", std::process::id()));
        let saved = std::fs::create_dir_all(d)
            .and_then(|()| std::fs::write(&tmp, &bytes))
            .and_then(|()| std::fs::rename(&tmp, d.join(file)));
        if saved.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
    Ok((bytes, false))
}

/// Compiles part `k` of the build's NVRTC source straight to machine code (CUBIN) for `sm` (`sm_XY`):
/// NVRTC runs ptxas itself, on the calling thread, so parts compiled on parallel threads load at
/// once (a PTX module would be compiled by the driver at load, one at a time and minutes in all).
pub fn compile_rtc_part_cubin(build: &GpuBuild, k: usize, sm: &str) -> Result<Vec<u8>, String> {
    let source = format!("{}{}", build.rtc_prelude, build.rtc_parts[k]);
    compile_cubin(source, &format!("solvers_rtc_part{k}.cu"), &format!("part {k}"), sm)
}

/// Compiles one NVRTC translation unit (`name` in NVRTC's messages, `what` in ours) to machine code
/// for `sm` (`sm_XY`) on the calling thread: [`compile_rtc_part_cubin`], and the run-time programs'
/// parts (`program_kernels`).
pub fn compile_cubin(source: String, name: &str, what: &str, sm: &str) -> Result<Vec<u8>, String> {
    use cudarc::nvrtc::{result, sys};
    use std::ffi::CString;
    let k = what;
    let source = CString::new(source).map_err(|_| format!("{k}: NUL in the source"))?;
    let name = CString::new(name).map_err(|_| format!("{k}: NUL in the name"))?;
    let prog = result::create_program(&source, Some(&name)).map_err(|e| format!("{k}: {e:?}"))?;
    let mut options = vec![format!("--gpu-architecture={sm}")];
    options.extend(RTC_OPTIONS.iter().map(|o| o.to_string()));
    // SAFETY: `prog` was created above and is destroyed once, at the end; the buffers are sized by
    // NVRTC's own size queries.
    unsafe {
        let compiled = result::compile_program(prog, &options).map_err(|e| {
            let log = result::get_program_log(prog)
                .map(|l| std::ffi::CStr::from_ptr(l.as_ptr()).to_string_lossy().into_owned())
                .unwrap_or_default();
            format!("{k}: {e:?}\n{log}")
        });
        let cubin = compiled.and_then(|()| {
            let mut size = 0usize;
            sys::nvrtcGetCUBINSize(prog, &mut size)
                .result()
                .map_err(|e| format!("{k}: CUBIN size: {e:?}"))?;
            let mut bytes = vec![0u8; size];
            sys::nvrtcGetCUBIN(prog, bytes.as_mut_ptr().cast())
                .result()
                .map_err(|e| format!("{k}: CUBIN: {e:?}"))?;
            Ok(bytes)
        });
        let _ = result::destroy_program(prog);
        cubin
    }
}

/// Compiles the build's NVRTC sources for this device and loads them, the parts in parallel (each
/// NVRTC compile, ptxas included, uses one core) and their machine code cached beside the
/// calibrations ([`cache_dir`]); returns the modules and the seconds taken.
fn jit(ctx: &Arc<CudaContext>, build: &GpuBuild) -> Result<(Vec<Arc<CudaModule>>, f64), String> {
    use rayon::prelude::*;
    // SAFETY: only probes whether the NVRTC library can be loaded (cudarc panics without it).
    if !unsafe { cudarc::nvrtc::sys::is_culib_present() } {
        return Err("no NVRTC library (libnvrtc.so) found".into());
    }
    let (major, minor) = ctx.compute_capability().map_err(|e| format!("compute capability: {e:?}"))?;
    let sm = format!("sm_{major}{minor}");
    let t = std::time::Instant::now();
    let dir = cache_dir();
    let version = nvrtc_version();
    let files: Vec<String> =
        (0..build.rtc_parts.len()).map(|k| cubin_cache_name(build, k, &sm, &version)).collect();
    let cached = files.iter().filter(|f| dir.as_ref().is_some_and(|d| d.join(f).is_file())).count();
    if cached < files.len() {
        eprintln!(
            "arcforge: compiling the solvers' CUDA source for {sm} with NVRTC ({} parts on up to {} threads; \
             a minute or more, once: the result is cached)",
            files.len() - cached,
            rayon::current_num_threads()
        );
    }
    let load = |k: usize| -> Result<Arc<CudaModule>, String> {
        let file = &files[k];
        let compile = || compile_rtc_part_cubin(build, k, &sm);
        let (cubin, from_cache) = cached_cubin(dir.as_deref(), file, compile)?;
        ctx.bind_to_thread().map_err(e("bind context"))?;
        let loaded = ctx.load_module(cudarc::nvrtc::Ptx::from_binary(cubin));
        let loaded = match loaded {
            // A cached image the driver refuses (damaged on disk): compile afresh, replacing it.
            Err(_) if from_cache => {
                if let Some(d) = &dir {
                    let _ = std::fs::remove_file(d.join(file));
                }
                let (cubin, _) = cached_cubin(dir.as_deref(), file, compile)?;
                ctx.load_module(cudarc::nvrtc::Ptx::from_binary(cubin))
            }
            other => other,
        };
        loaded.map_err(|e| format!("loading NVRTC part {k}: {e:?}"))
    };
    // In part order, so the first failing part is the one reported.
    let modules = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        (0..build.rtc_parts.len()).into_par_iter().map(load).collect::<Vec<_>>()
    }))
    .map_err(|_| "an NVRTC worker thread panicked".to_string())?;
    let modules = modules.into_iter().collect::<Result<Vec<_>, _>>()?;
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "arcforge: NVRTC: {} parts compiled, {cached} read from the cache; all loaded in {secs:.1} s",
        files.len() - cached
    );
    Ok((modules, secs))
}

/// Asks the driver, before the device's primary context starts, to keep the local (stack) memory it
/// grew for the hungriest kernel instead of shrinking it back after each launch: the 400 solver
/// kernels differ in stack size, and every regrowth waits for the whole device. Also lets up to 32
/// streams reach the device as separate hardware queues (`CUDA_DEVICE_MAX_CONNECTIONS`, read when
/// the driver starts; a value the user set is kept). Best effort: a driver that refuses keeps its
/// defaults, which are slower but just as correct.
fn keep_local_memory(ordinal: usize) {
    use cudarc::driver::sys;
    if std::env::var_os("CUDA_DEVICE_MAX_CONNECTIONS").is_none() {
        // Set before the driver is initialised (devices are opened under the `DEVICES` lock, before
        // any worker starts).
        std::env::set_var("CUDA_DEVICE_MAX_CONNECTIONS", "32");
    }
    // SAFETY: plain driver calls on a valid ordinal (checked by the caller against the device count).
    unsafe {
        let mut dev = 0;
        if sys::cuInit(0) == sys::CUresult::CUDA_SUCCESS
            && sys::cuDeviceGet(&mut dev, ordinal as i32) == sys::CUresult::CUDA_SUCCESS
        {
            let _ =
                sys::cuDevicePrimaryCtxSetFlags_v2(dev, sys::CUctx_flags::CU_CTX_LMEM_RESIZE_TO_MAX as u32);
        }
    }
}

fn e(what: &'static str) -> impl Fn(cudarc::driver::DriverError) -> String {
    move |err| format!("{what}: {err:?}")
}

impl Gpu {
    /// Opens device `ordinal`, loads the fatbin and allocates the streams' buffers.
    pub fn open(build: &GpuBuild, ordinal: usize, config: GpuConfig) -> Result<Gpu, String> {
        if build.fatbins.is_empty() {
            return Err(format!(
                "CPU-only build: {}",
                build.cpu_only_reason.unwrap_or("no fatbin compiled in")
            ));
        }
        let count = device_count()?;
        if ordinal >= count {
            return Err(format!("GPU {ordinal} requested, {count} visible"));
        }
        keep_local_memory(ordinal);
        let ctx = CudaContext::new(ordinal).map_err(|e| format!("cannot open GPU {ordinal}: {e:?}"))?;
        let name = ctx.name().unwrap_or_else(|_| format!("GPU {ordinal}"));
        // Each stream owns its buffers and the shared inputs are written once before any launch, so
        // cudarc's cross-stream event tracking would only add waits between streams.
        // SAFETY: no buffer is written on one stream while another uses it (see `load_inputs`).
        unsafe { ctx.disable_event_tracking() };
        let forced_jit = std::env::var("ARCFORGE_GPU_JIT").is_ok_and(|v| v == "1");
        let loaded: Result<Vec<Arc<CudaModule>>, String> = if forced_jit {
            Err("ARCFORGE_GPU_JIT=1".to_string())
        } else {
            let load = |f: &&[u8]| ctx.load_module(cudarc::nvrtc::Ptx::from_binary(f.to_vec()));
            build.fatbins.iter().map(load).collect::<Result<_, _>>().map_err(|e| {
                format!(
                    "the fatbin did not load on {name} (driver older than the fatbin, or an arch outside \
                     {:?}): {e:?}",
                    build.archs
                )
            })
        };
        let (modules, jit) = match loaded {
            Ok(m) => (m, None),
            Err(why) => {
                let (m, secs) = jit(&ctx, build).map_err(|e| format!("{why}; NVRTC fallback failed: {e}"))?;
                (m, Some(format!("{why}: JIT-compiled the embedded CUDA source with NVRTC in {secs:.1} s")))
            }
        };
        let mut functions = HashMap::new();
        for &k in build.kernels {
            // each kernel lives in one of the modules
            let f = modules.iter().find_map(|m| m.load_function(k).ok());
            functions.insert(k, f.ok_or_else(|| format!("kernel {k} is in no loaded module"))?);
        }
        // As many workers as fit in half the free memory (the arenas dominate).
        let (free, _) = ctx.mem_get_info().map_err(e("memory info"))?;
        let per_lane = config.pool + config.batch as u64 * (SLOT as u64 + 4 * META as u64 + 4);
        let workers = config.workers.min((free as u64 / 2 / per_lane.max(1)) as usize);
        if workers == 0 {
            return Err(format!("{name}: {} MiB free is too little for one worker's buffers", free >> 20));
        }
        let mut lanes = Vec::new();
        for _ in 0..workers {
            lanes.push(Mutex::new(Lane::alloc(&ctx, &config)?));
        }
        let config = GpuConfig { workers, ..config };
        let program_functions = RwLock::default();
        Ok(Gpu {
            ctx,
            jit,
            functions,
            program_functions,
            lanes,
            inputs: RwLock::new(None),
            name,
            ordinal,
            config,
        })
    }

    /// Whether `kernel` was compiled for the GPU (by the build, or loaded since).
    pub fn has_kernel(&self, kernel: &str) -> bool {
        self.functions.contains_key(kernel) || self.program_kernel(kernel).is_some()
    }

    /// A kernel loaded after open ([`Gpu::load_kernels`]).
    fn program_kernel(&self, kernel: &str) -> Option<CudaFunction> {
        self.program_functions.read().unwrap_or_else(|p| p.into_inner()).get(kernel).cloned()
    }

    /// This device's architecture, as NVRTC names it (`sm_90`).
    pub fn sm(&self) -> Result<String, String> {
        let (major, minor) = self.ctx.compute_capability().map_err(e("compute capability"))?;
        Ok(format!("sm_{major}{minor}"))
    }

    /// Loads machine code compiled for [`Gpu::sm`] (CUBIN images, e.g. run-time programs' from
    /// NVRTC) after open, and makes each of `kernels` runnable by name like the build's own: every
    /// kernel must be in one of the images. Loading the same kernel again replaces it.
    pub fn load_kernels(&self, cubins: &[Vec<u8>], kernels: &[String]) -> Result<(), String> {
        self.ctx.bind_to_thread().map_err(e("bind context"))?;
        let modules = cubins
            .iter()
            .map(|c| self.ctx.load_module(cudarc::nvrtc::Ptx::from_binary(c.clone())))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|err| format!("loading run-time kernels on {}: {err:?}", self.name))?;
        let mut found = HashMap::new();
        for k in kernels {
            let f = modules.iter().find_map(|m| m.load_function(k).ok());
            found.insert(k.clone(), f.ok_or_else(|| format!("kernel {k} is in no loaded module"))?);
        }
        self.program_functions.write().unwrap_or_else(|p| p.into_inner()).extend(found);
        Ok(())
    }

    /// Workers, each running one wave at a time.
    pub fn workers(&self) -> usize {
        self.lanes.len()
    }

    /// Uploads the grids that later batches index (each at most 30x30), packed: each grid's cells
    /// after the last (most grids are far smaller than 30 x 30), with its height, width and offset.
    /// They go through the first two workers' pinned output buffers (idle before a run's first
    /// wave), packed by the CPU threads into one while the other is copied: from pageable memory
    /// the driver copied at ~1.3 GB/s, half of a 10^5-sample run (bench/RESULTS.md), and pinning
    /// fresh buffers costs ~1.7 ms even for one grid.
    pub fn load_inputs(&self, inputs: &[GridRef]) -> Result<(), String> {
        let plan = UploadPlan::new(inputs, self.config.batch * SLOT)?;
        self.ctx.bind_to_thread().map_err(e("bind context"))?;
        let mut lanes: Vec<_> =
            self.lanes.iter().take(2).map(|l| l.lock().unwrap_or_else(|p| p.into_inner())).collect();
        let s0 = lanes[0].streams[0].clone();
        // SAFETY: written by the copies below before any kernel reads it.
        let mut cells = unsafe { s0.alloc::<u8>(plan.bytes + 1) }.map_err(e("alloc inputs"))?;
        let shape = s0.clone_htod(&plan.shape).map_err(e("copy shapes"))?;
        // The other lane's stream waits for the device buffer's allocation on the first.
        let allocated = s0.record_event(None).map_err(e("event"))?;
        for s in lanes.iter().skip(1) {
            s.streams[0].wait(&allocated).map_err(e("wait"))?;
        }
        let (p_cells, guard) = cells.device_ptr_mut(&s0);
        let buffers = lanes.len();
        for (k, chunk) in plan.chunks.iter().enumerate() {
            let lane = &mut lanes[k % buffers];
            let stream = lane.streams[0].clone();
            // The last copy out of this buffer has finished before it is packed again.
            stream.synchronize().map_err(e("synchronize"))?;
            let staging = lane.host_out.as_mut_slice().map_err(e("pinned staging"))?;
            let len = plan.pack(inputs, chunk, staging);
            // SAFETY: `staging` is pinned, holds `len` packed bytes and is not written again until
            // this stream has synchronized; the destination range lies inside `cells` (the plan's
            // offsets sum to `plan.bytes`).
            unsafe {
                cudarc::driver::result::memcpy_htod_async(
                    p_cells + plan.offset(chunk.start) as u64,
                    &staging[..len],
                    stream.cu_stream(),
                )
            }
            .map_err(e("copy inputs"))?;
        }
        for lane in &lanes {
            lane.streams[0].synchronize().map_err(e("synchronize"))?;
        }
        drop(guard);
        drop(lanes);
        *self.inputs.write().unwrap_or_else(|p| p.into_inner()) =
            Some(DeviceInputs { cells, shape, n: inputs.len() });
        Ok(())
    }

    /// Runs `kernel` over the loaded inputs `index[k]` on worker `worker`: one outcome per entry.
    pub fn run(
        &self,
        worker: usize,
        kernel: &str,
        index: &[u32],
        cpu_max_steps: u64,
    ) -> Result<Vec<GpuOutcome>, String> {
        let mut r = self.run_wave(
            worker,
            &[WaveBatch { kernel, inputs: index, timed: true, short_run: false }],
            cpu_max_steps,
        )?;
        Ok(r.pop().map(|b| b.outcomes).unwrap_or_default())
    }

    /// Runs `batches` on worker `worker`'s buffers as waves of at most [`GpuConfig::batch`]
    /// samples: one outcome list per batch, in order, with each batch's kernel time. `cpu_max_steps`
    /// is the CPU's budget per sample, in the CPU's steps, which the kernels count: the GPU's budget
    /// is that, or [`GpuConfig::max_steps`] where lower, so no sample the CPU would stop for steps
    /// finishes here.
    pub fn run_wave(
        &self,
        worker: usize,
        batches: &[WaveBatch],
        cpu_max_steps: u64,
    ) -> Result<Vec<BatchResult>, String> {
        let short = batches.iter().all(|b| b.short_run);
        let max_steps = wave_budget(&self.config, short, cpu_max_steps);
        // a stop at a budget below the CPU's is no verdict
        let own_budget = max_steps < cpu_max_steps;
        let inputs = self.inputs.read().unwrap_or_else(|p| p.into_inner());
        let inputs = inputs.as_ref().ok_or("no inputs loaded")?;
        let mut pieces: Vec<Piece> = Vec::new();
        for (k, b) in batches.iter().enumerate() {
            // The build's kernels, else one loaded since (a run-time program's).
            let func = self.functions.get(b.kernel).cloned().or_else(|| self.program_kernel(b.kernel));
            let func = func.ok_or_else(|| format!("{} is not compiled for the GPU", b.kernel))?;
            if let Some(&bad) = b.inputs.iter().find(|&&i| i as usize >= inputs.n) {
                return Err(format!("input {bad} of {} requested", inputs.n));
            }
            pieces
                .extend(b.inputs.chunks(self.config.batch).map(|c| (b.kernel, func.clone(), c, k, b.timed)));
        }
        self.ctx.bind_to_thread().map_err(e("bind context"))?;
        let mut lane = self.lanes[worker % self.lanes.len()].lock().unwrap_or_else(|p| p.into_inner());
        let mut results: Vec<BatchResult> = batches
            .iter()
            .map(|b| BatchResult { outcomes: Vec::with_capacity(b.inputs.len()), ms: 0.0 })
            .collect();
        // Consecutive pieces fill a wave up to the buffers' capacity.
        let mut start = 0;
        while start < pieces.len() {
            let mut end = start;
            let mut n = 0;
            while end < pieces.len() && n + pieces[end].2.len() <= self.config.batch {
                n += pieces[end].2.len();
                end += 1;
            }
            for (piece, (outs, ms)) in pieces[start..end].iter().zip(self.one_wave(
                &mut lane,
                inputs,
                &pieces[start..end],
                max_steps,
                own_budget,
            )?) {
                let r = &mut results[piece.3];
                r.outcomes.extend(outs);
                r.ms += ms;
            }
            start = end;
        }
        Ok(results)
    }

    /// One wave: every piece launched on the lane's streams in turn, one wait, one copy back.
    fn one_wave(
        &self,
        lane: &mut Lane,
        inputs: &DeviceInputs,
        pieces: &[Piece],
        max_steps: u64,
        own_budget: bool,
    ) -> Result<Vec<(Vec<GpuOutcome>, f64)>, String> {
        let n: usize = pieces.iter().map(|p| p.2.len()).sum();
        let Lane {
            streams,
            index,
            out,
            meta,
            counters,
            arena,
            host_index,
            host_meta,
            host_out,
            host_counters,
        } = lane;
        let s0 = streams[0].clone();
        let clock = std::time::Instant::now();
        {
            let idx = host_index.as_mut_slice().map_err(e("pinned index"))?;
            for (slot, &k) in idx.iter_mut().zip(pieces.iter().flat_map(|p| p.2.iter())) {
                *slot = k as i32;
            }
            let (p_index, _g) = index.device_ptr_mut(&s0);
            // SAFETY: n <= the buffers' capacity (`run_wave` fills waves up to `config.batch`); the
            // pinned source stays alive and unwritten until the stream has synchronized below.
            unsafe { cudarc::driver::result::memcpy_htod_async(p_index, &idx[..n], s0.cu_stream()) }
                .map_err(e("copy index"))?;
        }
        s0.memset_zeros(counters).map_err(e("clear counters"))?;
        // Every stream starts after the index and counters are in place.
        let ready = s0.record_event(None).map_err(e("event"))?;
        let timing = Some(cudarc::driver::sys::CUevent_flags::CU_EVENT_DEFAULT);
        let mut marks = Vec::with_capacity(pieces.len());
        let (p_in, _g1) = inputs.cells.device_ptr(&s0);
        let (p_shape, _g2) = inputs.shape.device_ptr(&s0);
        let (p_index, _g3) = index.device_ptr(&s0);
        let (p_out, _g4) = out.device_ptr(&s0);
        let (p_meta, _g5) = meta.device_ptr(&s0);
        let (p_counters, _g6) = counters.device_ptr(&s0);
        let (p_arena, _g7) = arena.device_ptr(&s0);
        let mut first = 0u64;
        for (k, (_, func, idx, _, timed)) in pieces.iter().enumerate() {
            let s = &streams[k % streams.len()];
            if k < streams.len() {
                s.wait(&ready).map_err(e("wait"))?;
            }
            let batch = Batch {
                input: p_in,
                in_shape: p_shape,
                index: p_index + 4 * first,
                out: p_out,
                meta: p_meta + 4 * META as u64 * first,
                counters: p_counters,
                out_cap: (n * SLOT) as u64,
                pool: p_arena,
                pool_cap: self.config.pool,
                arena_per: self.config.arena_per_sample,
                max_steps,
                n: idx.len() as i32,
            };
            first += idx.len() as u64;
            let threads = 256u32;
            let blocks = ((idx.len() as u64 * 32).div_ceil(threads as u64)) as u32;
            let cfg =
                LaunchConfig { grid_dim: (blocks, 1, 1), block_dim: (threads, 1, 1), shared_mem_bytes: 0 };
            let begin = if *timed { Some(s.record_event(timing).map_err(e("event"))?) } else { None };
            let mut launch = s.launch_builder(func);
            launch.arg(&batch);
            // SAFETY: each piece reads its own range of the index (below the number of input slots,
            // checked by `run_wave`) and writes its own metadata records; all pieces share the packed
            // outputs (at most `out_cap` bytes, handed out by the first counter) and the pool chunks
            // (below `pool_cap`, by the second): all within the lane's buffers.
            unsafe { launch.launch(cfg) }.map_err(e("launch"))?;
            let end = if *timed { Some(s.record_event(timing).map_err(e("event"))?) } else { None };
            marks.push((begin, end));
        }
        let launched = clock.elapsed();
        for s in streams.iter().take(pieces.len()).skip(1) {
            let done = s.record_event(None).map_err(e("event"))?;
            s0.wait(&done).map_err(e("wait"))?;
        }
        let m = host_meta.as_mut_slice().map_err(e("pinned statuses"))?;
        let used_counters = host_counters.as_mut_slice().map_err(e("pinned counters"))?;
        // SAFETY: the destinations are pinned and large enough (n <= capacity); s0 waited for every
        // launch above, and is synchronized before the host reads them.
        unsafe {
            cudarc::driver::result::memcpy_dtoh_async(&mut m[..META * n], p_meta, s0.cu_stream())
                .map_err(e("copy statuses"))?;
            cudarc::driver::result::memcpy_dtoh_async(&mut used_counters[..2], p_counters, s0.cu_stream())
                .map_err(e("copy counters"))?;
        }
        s0.synchronize().map_err(e("synchronize"))?;
        let finished = clock.elapsed();
        let used = (used_counters[0] as usize).min(n * SLOT);
        let bytes = host_out.as_mut_slice().map_err(e("pinned outputs"))?;
        if used > 0 {
            // SAFETY: as above; `used` is at most the buffer's length.
            unsafe { cudarc::driver::result::memcpy_dtoh_async(&mut bytes[..used], p_out, s0.cu_stream()) }
                .map_err(e("copy outputs"))?;
            s0.synchronize().map_err(e("synchronize"))?;
        }
        let copied = clock.elapsed();
        let (m, bytes) = (&m[..META * n], &bytes[..used]);
        let mut first = 0;
        let mut results = Vec::with_capacity(pieces.len());
        for ((kernel, _, idx, _, _), (begin, end)) in pieces.iter().zip(&marks) {
            let meta = &m[META * first..META * (first + idx.len())];
            if self.config.trace {
                eprintln!("gpu trace: {kernel}: {}", trace_batch(meta));
            }
            let ms = match (begin, end) {
                (Some(begin), Some(end)) => begin.elapsed_ms(end).map_err(e("event time"))? as f64,
                _ => 0.0,
            };
            results.push((decode(meta, bytes, own_budget)?, ms));
            first += idx.len();
        }
        if self.config.trace {
            let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
            eprintln!(
                "gpu trace: wave phases: {} kernels launched in {:.2} ms, statuses back at {:.2}, {} output \
                 bytes at {:.2}, decoded at {:.2} ms",
                pieces.len(),
                ms(launched),
                ms(finished),
                used,
                ms(copied),
                ms(clock.elapsed())
            );
        }
        Ok(results)
    }
}

/// How a run's input grids are packed for the device: per grid its height, width and offset (and
/// a spare zero, so that no buffer is empty), and the grids cut into runs of consecutive grids
/// whose cells fit one staging buffer.
struct UploadPlan {
    shape: Vec<u32>,
    chunks: Vec<std::ops::Range<usize>>,
    bytes: usize,
}

impl UploadPlan {
    /// Packing below this many bytes stays on the calling thread (the threads' start costs more).
    const PARALLEL_BYTES: usize = 1 << 20;

    fn new(inputs: &[GridRef], staging: usize) -> Result<UploadPlan, String> {
        let mut shape = Vec::with_capacity(3 * inputs.len() + 1);
        let mut chunks = Vec::new();
        let (mut bytes, mut chunk_start, mut chunk_bytes) = (0usize, 0usize, 0usize);
        for (k, g) in inputs.iter().enumerate() {
            if g.h > 30 || g.w > 30 || g.cells.len() != g.h as usize * g.w as usize {
                return Err(format!("input {k}: {}x{} is not a grid of at most 30x30", g.h, g.w));
            }
            let offset = u32::try_from(bytes).map_err(|_| format!("input {k}: past 4 GiB of input cells"))?;
            shape.extend([g.h, g.w, offset]);
            if chunk_bytes + g.cells.len() > staging {
                chunks.push(chunk_start..k);
                (chunk_start, chunk_bytes) = (k, 0);
            }
            chunk_bytes += g.cells.len();
            bytes += g.cells.len();
        }
        if chunk_start < inputs.len() {
            chunks.push(chunk_start..inputs.len());
        }
        shape.push(0);
        Ok(UploadPlan { shape, chunks, bytes })
    }

    /// Byte offset of grid `k` in the packed cells.
    fn offset(&self, k: usize) -> usize {
        self.shape[3 * k + 2] as usize
    }

    /// Packs the grids of `chunk` into the start of `staging` (in parallel for a large chunk);
    /// returns the bytes written.
    fn pack(&self, inputs: &[GridRef], chunk: &std::ops::Range<usize>, staging: &mut [u8]) -> usize {
        let grids = &inputs[chunk.clone()];
        let len = grids.iter().map(|g| g.cells.len()).sum::<usize>();
        let mut rest = &mut staging[..len];
        let mut parts = Vec::with_capacity(grids.len());
        for g in grids {
            let (part, tail) = rest.split_at_mut(g.cells.len());
            parts.push(part);
            rest = tail;
        }
        if len >= Self::PARALLEL_BYTES {
            use rayon::prelude::*;
            parts.into_par_iter().zip(grids).with_min_len(256).for_each(|(p, g)| p.copy_from_slice(g.cells));
        } else {
            parts.into_iter().zip(grids).for_each(|(p, g)| p.copy_from_slice(g.cells));
        }
        len
    }
}

impl Lane {
    fn alloc(ctx: &Arc<CudaContext>, config: &GpuConfig) -> Result<Lane, String> {
        let n = config.batch;
        let streams = (0..config.streams.max(1))
            .map(|_| ctx.new_stream().map_err(e("new stream")))
            .collect::<Result<Vec<_>, _>>()?;
        let stream = &streams[0];
        // SAFETY: device buffers the kernels write before they are read (the arena never needs
        // clearing; the counters are zeroed before every wave), and host buffers written by the
        // copies (or by `one_wave`) before they are read. Pinned without write-combining: the host
        // reads them back.
        unsafe {
            Ok(Lane {
                index: stream.alloc::<i32>(n).map_err(e("alloc index"))?,
                out: stream.alloc::<u8>(n * SLOT).map_err(e("alloc outputs"))?,
                meta: stream.alloc::<u32>(META * n).map_err(e("alloc statuses"))?,
                counters: stream.alloc::<u64>(2).map_err(e("alloc counters"))?,
                arena: stream.alloc::<u8>(config.pool as usize).map_err(e("alloc arena"))?,
                host_index: ctx.alloc_pinned_with_flags(n, 0).map_err(e("pinned index"))?,
                host_meta: ctx.alloc_pinned_with_flags(META * n, 0).map_err(e("pinned statuses"))?,
                host_out: ctx.alloc_pinned_with_flags(n * SLOT, 0).map_err(e("pinned outputs"))?,
                host_counters: ctx.alloc_pinned_with_flags(2, 0).map_err(e("pinned counters"))?,
                streams,
            })
        }
    }
}

/// A batch's outcomes from its metadata records and the wave's packed output bytes; `own_budget`:
/// the GPU's step budget was below the CPU's, so its step-budget stops are [`STATUS_GPU_STEPS`].
/// A large batch is decoded on the CPU threads: one thread took 1.5-2 ms per 16,384 samples, three
/// times the kernel's own time (bench/RESULTS.md, scaling).
fn decode(meta: &[u32], bytes: &[u8], own_budget: bool) -> Result<Vec<GpuOutcome>, String> {
    const PARALLEL_SAMPLES: usize = 2048;
    let one = |(k, r): (usize, &[u32])| decode_one(k, r, bytes, own_budget);
    if meta.len() / META >= PARALLEL_SAMPLES {
        use rayon::prelude::*;
        meta.par_chunks_exact(META).enumerate().with_min_len(512).map(one).collect()
    } else {
        meta.chunks_exact(META).enumerate().map(one).collect()
    }
}

/// Sample `k`'s outcome from its metadata record `r`.
fn decode_one(k: usize, r: &[u32], bytes: &[u8], own_budget: bool) -> Result<GpuOutcome, String> {
    if own_budget && r[0] == kernels::FailKind::Steps.code() {
        return Ok(GpuOutcome::Redo(STATUS_GPU_STEPS));
    }
    if r[0] == STATUS_UNSUPPORTED {
        return Ok(GpuOutcome::Unsupported(r[6]));
    }
    if r[0] != 0 {
        return Ok(GpuOutcome::Redo(r[0]));
    }
    let (off, h, w) = (r[1] as usize, r[2], r[3]);
    let cells = (h * w) as usize;
    match bytes.get(off..off + cells) {
        Some(c) if (1..=30).contains(&h) && (1..=30).contains(&w) => Ok(GpuOutcome::Ok(h, w, c.to_vec())),
        _ => {
            Err(format!("sample {k}: the kernel reported a {h}x{w} output at byte {off} of {}", bytes.len()))
        }
    }
}

/// A batch's metadata in a trace line: its slowest sample (which sets the batch's length: a warp per
/// sample) against the median and the sum over samples, in kilocycles of the SM clock and steps (the CPU's units).
fn trace_batch(meta: &[u32]) -> String {
    let samples: Vec<(u32, u32)> = meta.chunks_exact(META).map(|r| (r[5], r[4])).collect();
    let Some(&(slow_kc, slow_steps)) = samples.iter().max() else { return "empty".into() };
    let mut kc: Vec<u32> = samples.iter().map(|s| s.0).collect();
    kc.sort_unstable();
    let sum: u64 = kc.iter().map(|&k| k as u64).sum();
    format!(
        "{} samples, slowest {slow_kc} kcycles ({slow_steps} steps), median {} kcycles, sum {sum} kcycles",
        samples.len(),
        kc[kc.len() / 2]
    )
}

#[cfg(test)]
mod tests {
    use super::{
        cached_cubin, decode, gpu_steps, trace_batch, wave_budget, GpuConfig, UploadPlan, DEFAULT_GPU_STEPS,
        META, SHORT_RUN_GPU_STEPS, STATUS_GPU_STEPS,
    };
    use crate::engine::accelerator::GridRef;

    /// Grids of every size up to 30x30, cells numbered so that a misplaced byte shows.
    fn grids(n: usize) -> Vec<(u32, u32, Vec<u8>)> {
        (0..n)
            .map(|k| {
                let (h, w) = (1 + (k * 7 % 30) as u32, 1 + (k * 13 % 30) as u32);
                (h, w, (0..h * w).map(|c| ((c as usize + k) % 251) as u8).collect())
            })
            .collect()
    }

    #[test]
    fn inputs_are_packed_in_staging_sized_runs_that_rebuild_every_grid_at_its_offset() {
        let owned = grids(3000);
        let refs: Vec<GridRef> = owned.iter().map(|(h, w, c)| GridRef { h: *h, w: *w, cells: c }).collect();
        let all: Vec<u8> = owned.iter().flat_map(|g| g.2.iter().copied()).collect();
        // small staging: many runs, sequential packing; large: one run, packed on the threads
        for staging in [900, 5000, 1 << 22] {
            let plan = UploadPlan::new(&refs, staging).unwrap();
            assert_eq!(plan.bytes, all.len());
            assert_eq!(plan.shape.len(), 3 * refs.len() + 1);
            assert_eq!(plan.chunks.first().unwrap().start, 0);
            assert_eq!(plan.chunks.last().unwrap().end, refs.len());
            let mut device = vec![0u8; plan.bytes];
            let mut buffer = vec![0u8; staging];
            for (a, b) in plan.chunks.iter().zip(plan.chunks.iter().skip(1)) {
                assert_eq!(a.end, b.start, "runs must be consecutive");
            }
            for chunk in &plan.chunks {
                assert!(!chunk.is_empty());
                let len = plan.pack(&refs, chunk, &mut buffer);
                assert!(len <= staging, "{len} bytes in a staging buffer of {staging}");
                let at = plan.offset(chunk.start);
                device[at..at + len].copy_from_slice(&buffer[..len]);
            }
            assert_eq!(device, all, "staging {staging}");
            for (k, g) in refs.iter().enumerate() {
                let (h, w, at) = (plan.shape[3 * k], plan.shape[3 * k + 1], plan.offset(k));
                assert_eq!((h, w), (g.h, g.w));
                assert_eq!(&device[at..at + g.cells.len()], g.cells);
            }
        }
        assert_eq!(UploadPlan::new(&refs, 1 << 22).unwrap().chunks.len(), 1);
    }

    #[test]
    fn an_input_that_is_no_grid_is_named() {
        let cells = [1u8; 6];
        let bad = [GridRef { h: 1, w: 1, cells: &cells[..1] }, GridRef { h: 2, w: 2, cells: &cells }];
        let e = UploadPlan::new(&bad, 900).err().unwrap();
        assert!(e.starts_with("input 1: 2x2"), "{e}");
    }

    #[test]
    fn the_gpu_step_budget_is_the_default_a_count_or_the_cpus_and_a_bad_value_is_named() {
        assert_eq!(gpu_steps(None), Ok(Some(DEFAULT_GPU_STEPS)));
        assert_eq!(gpu_steps(Some("4096")), Ok(Some(4096)));
        assert_eq!(gpu_steps(Some("cpu")), Ok(None));
        for bad in ["0", "-3", "lots", ""] {
            let e = gpu_steps(Some(bad)).unwrap_err();
            assert!(e.contains("ARCFORGE_GPU_STEPS") && e.contains(&format!("{bad:?}")), "{e}");
        }
    }
    use crate::engine::accelerator::GpuOutcome;

    #[test]
    fn a_short_run_gets_the_lower_budget_unless_the_user_set_one() {
        let config = GpuConfig::from_env();
        let default = GpuConfig {
            max_steps: Some(DEFAULT_GPU_STEPS),
            short_run_steps: Some(SHORT_RUN_GPU_STEPS),
            ..config
        };
        assert_eq!(wave_budget(&default, false, 1 << 23), DEFAULT_GPU_STEPS);
        assert_eq!(wave_budget(&default, true, 1 << 23), SHORT_RUN_GPU_STEPS);
        // never above the CPU's own budget, where a stop is the CPU's verdict
        assert_eq!(wave_budget(&default, true, 1000), 1000);
        // ARCFORGE_GPU_STEPS=cpu / =N: every run at that budget
        let cpu = GpuConfig { max_steps: None, short_run_steps: None, ..config };
        assert_eq!(wave_budget(&cpu, true, 1 << 23), 1 << 23);
        let set = GpuConfig { max_steps: Some(1 << 18), short_run_steps: None, ..config };
        assert_eq!(wave_budget(&set, true, 1 << 23), 1 << 18);
    }

    #[test]
    fn a_batch_trace_names_its_slowest_sample_and_the_median() {
        // status, offset, h, w, steps, kilocycles, overload per sample
        let meta: Vec<u32> = [[0, 0, 1, 1, 10, 5, 0], [7, 0, 0, 0, 131_073, 900, 0], [0, 1, 2, 2, 40, 7, 0]]
            .iter()
            .flat_map(|r| r.iter().copied())
            .collect();
        assert_eq!(meta.len(), 3 * META);
        assert_eq!(
            trace_batch(&meta),
            "3 samples, slowest 900 kcycles (131073 steps), median 7 kcycles, sum 912 kcycles"
        );
        assert_eq!(trace_batch(&[]), "empty");
    }

    #[test]
    fn decoded_outcomes_carry_the_grid_the_status_or_the_missing_overload() {
        let meta: Vec<u32> = [[0, 1, 1, 2, 3, 1, 0], [9, 0, 0, 0, 5, 1, 0x0009_0718], [7, 0, 0, 0, 9, 1, 0]]
            .iter()
            .flat_map(|r| r.iter().copied())
            .collect();
        assert_eq!(
            decode(&meta, &[9, 4, 5], false).unwrap(),
            vec![GpuOutcome::Ok(1, 2, vec![4, 5]), GpuOutcome::Unsupported(0x0009_0718), GpuOutcome::Redo(7)]
        );
        // Below the CPU's budget a step-budget stop is the device's own, redone on the CPU.
        assert_eq!(decode(&meta, &[9, 4, 5], true).unwrap()[2], GpuOutcome::Redo(STATUS_GPU_STEPS));
        assert!(decode(&[0, 2, 1, 2, 0, 0, 0], &[1, 2], false).is_err(), "an output past the bytes");
    }

    #[test]
    fn a_large_batch_decodes_on_the_threads_in_sample_order() {
        // 5,000 samples: every third gives its grid back, the others a status; each grid's cells
        // are its sample number, so a sample decoded out of order shows.
        let (mut meta, mut bytes) = (Vec::new(), Vec::new());
        let mut want = Vec::new();
        for k in 0..5000u32 {
            if k % 3 == 0 {
                let (h, w) = (1 + k % 4, 1 + k % 5);
                meta.extend([0, bytes.len() as u32, h, w, 1, 1, 0]);
                let cells = vec![(k % 256) as u8; (h * w) as usize];
                bytes.extend(&cells);
                want.push(GpuOutcome::Ok(h, w, cells));
            } else {
                meta.extend([7 + k % 2, 0, 0, 0, 1, 1, 0]);
                want.push(GpuOutcome::Redo(7 + k % 2));
            }
        }
        assert_eq!(decode(&meta, &bytes, false).unwrap(), want);
        // a bad record among them is still an error
        meta[7 * 4000 + 1] = bytes.len() as u32;
        meta[7 * 4000] = 0;
        meta[7 * 4000 + 2] = 1;
        meta[7 * 4000 + 3] = 1;
        let e = decode(&meta, &bytes, false).unwrap_err();
        assert!(e.starts_with("sample 4000:"), "{e}");
    }

    const ELF: &[u8] = b"\x7fELF and the rest";

    #[test]
    fn a_cubin_is_compiled_once_then_read_from_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let (bytes, hit) = cached_cubin(Some(dir.path()), "p.cubin", || Ok(ELF.to_vec())).unwrap();
        assert_eq!((bytes.as_slice(), hit), (ELF, false));
        let (bytes, hit) =
            cached_cubin(Some(dir.path()), "p.cubin", || panic!("compiled although cached")).unwrap();
        assert_eq!((bytes.as_slice(), hit), (ELF, true));
        // Nothing but the cache file is left behind (the temporary one was renamed).
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_damaged_cache_file_is_compiled_over() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.cubin"), b"half a fi").unwrap();
        let (bytes, hit) = cached_cubin(Some(dir.path()), "p.cubin", || Ok(ELF.to_vec())).unwrap();
        assert_eq!((bytes.as_slice(), hit), (ELF, false));
        assert_eq!(std::fs::read(dir.path().join("p.cubin")).unwrap(), ELF);
    }

    #[test]
    fn without_a_usable_cache_the_compile_still_runs_and_its_error_is_kept() {
        let (bytes, hit) = cached_cubin(None, "p.cubin", || Ok(ELF.to_vec())).unwrap();
        assert_eq!((bytes.as_slice(), hit), (ELF, false));
        // A cache directory that cannot be created (a file is in the way): the compile's bytes anyway.
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("file");
        std::fs::write(&blocked, b"x").unwrap();
        let (bytes, _) = cached_cubin(Some(&blocked.join("sub")), "p.cubin", || Ok(ELF.to_vec())).unwrap();
        assert_eq!(bytes, ELF);
        let err = cached_cubin(Some(dir.path()), "q.cubin", || Err("part 3: bad".into())).unwrap_err();
        assert_eq!(err, "part 3: bad");
        assert!(!dir.path().join("q.cubin").exists());
    }
}
