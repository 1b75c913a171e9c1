//! Runs solver batches on a CUDA device through cudarc: loads the fatbin `build.rs` embedded in the
//! binary, packs input grids into 30x30 slots, launches the solver's batch kernel (one warp per
//! sample) and reads back outputs and per-sample statuses. Anything but `OK` is for the caller to
//! redo on the CPU; this module never decides a result on its own.

use std::collections::HashSet;
use std::sync::Arc;

use cudarc::driver::{
    CudaContext, CudaModule, CudaStream, DevicePtr, DevicePtrMut, DeviceRepr, LaunchConfig, PushKernelArg,
};

/// What `build.rs` compiled into this binary.
#[derive(Clone, Copy, Debug)]
pub struct GpuBuild {
    /// The fatbin, or `None` in a CPU-only build.
    pub fatbin: Option<&'static [u8]>,
    /// Kernel names of the solvers compiled for the GPU.
    pub kernels: &'static [&'static str],
    /// SASS architectures in the fatbin (`sm_90`...).
    pub archs: &'static [&'static str],
    /// Why the build is CPU-only, if it is.
    pub cpu_only_reason: Option<&'static str>,
}

/// An input grid for a batch.
#[derive(Clone, Copy, Debug)]
pub struct GridRef<'a> {
    pub h: u32,
    pub w: u32,
    pub cells: &'a [u8],
}

/// One sample's result from the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GpuOutcome {
    /// The output grid: h, w, row-major cells.
    Ok(u32, u32, Vec<u8>),
    /// The kernel did not produce a trusted grid; the status code says why (see [`status_reason`]).
    Redo(u32),
}

/// Bytes per grid slot in a batch (30 x 30, the largest task grid).
pub const SLOT: usize = 900;

/// The text of a kernel status code (the CPU's `FailKind` codes plus GPU-only ones).
pub fn status_reason(code: u32) -> &'static str {
    match code {
        0 => "ok",
        1 => "wrong kind of value",
        2 => "empty container",
        3 => "index out of range",
        4 => "division by zero",
        5 => "integer overflow",
        6 => "size limit exceeded",
        7 => "step limit exceeded",
        8 => "GPU arena exhausted",
        9 => "primitive overload not on the GPU",
        10 => "output larger than 30x30 or empty",
        _ => "unknown GPU status",
    }
}

/// `kernels/cuda/runner.cuh`'s `Batch`, field for field.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
struct Batch {
    input: u64,
    in_hw: u64,
    out: u64,
    out_hw: u64,
    status: u64,
    arena: u64,
    arena_per: u64,
    max_steps: u64,
    n: i32,
}
// SAFETY: plain old data with the C layout of the kernel parameter.
unsafe impl DeviceRepr for Batch {}

/// One CUDA device with the solver module loaded.
pub struct Gpu {
    ctx: Arc<CudaContext>,
    stream: Arc<CudaStream>,
    module: Arc<CudaModule>,
    kernels: HashSet<&'static str>,
    /// Device name, e.g. "NVIDIA H100 80GB HBM3".
    pub name: String,
    pub ordinal: usize,
    /// Arena bytes per sample (per warp).
    pub arena_per_sample: u64,
    /// Step budget per sample (the CPU's default).
    pub max_steps: u64,
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

impl Gpu {
    /// Opens device `ordinal` and loads the fatbin.
    pub fn open(build: &GpuBuild, ordinal: usize) -> Result<Gpu, String> {
        let fatbin = build.fatbin.ok_or_else(|| {
            format!("CPU-only build: {}", build.cpu_only_reason.unwrap_or("no fatbin compiled in"))
        })?;
        let count = device_count()?;
        if ordinal >= count {
            return Err(format!("GPU {ordinal} requested, {count} visible"));
        }
        let ctx = CudaContext::new(ordinal).map_err(|e| format!("cannot open GPU {ordinal}: {e:?}"))?;
        let name = ctx.name().unwrap_or_else(|_| format!("GPU {ordinal}"));
        let module = ctx.load_module(cudarc::nvrtc::Ptx::from_binary(fatbin.to_vec())).map_err(|e| {
            format!("the GPU module did not load on {name} (driver older than the fatbin, or an arch outside {:?}): {e:?}", build.archs)
        })?;
        let stream = ctx.default_stream();
        Ok(Gpu {
            ctx,
            stream,
            module,
            kernels: build.kernels.iter().copied().collect(),
            name,
            ordinal,
            arena_per_sample: 4 << 20,
            max_steps: kernels::Limits::default().max_steps,
        })
    }

    /// Whether `kernel` was compiled for the GPU.
    pub fn has_kernel(&self, kernel: &str) -> bool {
        self.kernels.contains(kernel)
    }

    /// Runs `kernel` over `inputs` (each at most 30x30); one outcome per input, in order.
    pub fn run(&self, kernel: &str, inputs: &[GridRef]) -> Result<Vec<GpuOutcome>, String> {
        if !self.has_kernel(kernel) {
            return Err(format!("{kernel} is not compiled for the GPU"));
        }
        let func = self.module.load_function(kernel).map_err(|e| format!("{kernel}: {e:?}"))?;
        // Keep every launch's arena under 2 GiB so any device holds it.
        let per_launch = ((2u64 << 30) / self.arena_per_sample).max(1) as usize;
        let mut results = Vec::with_capacity(inputs.len());
        for chunk in inputs.chunks(per_launch) {
            results.extend(self.run_chunk(&func, chunk)?);
        }
        Ok(results)
    }

    fn run_chunk(
        &self,
        func: &cudarc::driver::CudaFunction,
        inputs: &[GridRef],
    ) -> Result<Vec<GpuOutcome>, String> {
        let n = inputs.len();
        let mut slots = vec![0u8; n * SLOT];
        let mut hw = vec![0i32; 2 * n];
        for (k, g) in inputs.iter().enumerate() {
            let cells = g.h as usize * g.w as usize;
            if g.h > 30 || g.w > 30 || g.cells.len() != cells {
                return Err(format!("sample {k}: input {}x{} does not fit a 30x30 slot", g.h, g.w));
            }
            slots[k * SLOT..k * SLOT + cells].copy_from_slice(g.cells);
            hw[2 * k] = g.h as i32;
            hw[2 * k + 1] = g.w as i32;
        }
        fn e(what: &'static str) -> impl Fn(cudarc::driver::DriverError) -> String {
            move |err| format!("{what}: {err:?}")
        }
        let s = &self.stream;
        let d_in = s.clone_htod(&slots).map_err(e("copy inputs"))?;
        let d_hw = s.clone_htod(&hw).map_err(e("copy shapes"))?;
        let mut d_out = s.alloc_zeros::<u8>(n * SLOT).map_err(e("alloc outputs"))?;
        let mut d_ohw = s.alloc_zeros::<i32>(2 * n).map_err(e("alloc shapes"))?;
        let mut d_status = s.alloc_zeros::<u32>(n).map_err(e("alloc statuses"))?;
        let mut d_arena =
            s.alloc_zeros::<u8>(n * self.arena_per_sample as usize).map_err(e("alloc arena"))?;
        {
            let (p_in, _g1) = d_in.device_ptr(s);
            let (p_hw, _g2) = d_hw.device_ptr(s);
            let (p_out, _g3) = d_out.device_ptr_mut(s);
            let (p_ohw, _g4) = d_ohw.device_ptr_mut(s);
            let (p_status, _g5) = d_status.device_ptr_mut(s);
            let (p_arena, _g6) = d_arena.device_ptr_mut(s);
            let batch = Batch {
                input: p_in,
                in_hw: p_hw,
                out: p_out,
                out_hw: p_ohw,
                status: p_status,
                arena: p_arena,
                arena_per: self.arena_per_sample,
                max_steps: self.max_steps,
                n: n as i32,
            };
            let threads = 256u32;
            let blocks = ((n as u64 * 32).div_ceil(threads as u64)) as u32;
            let cfg =
                LaunchConfig { grid_dim: (blocks, 1, 1), block_dim: (threads, 1, 1), shared_mem_bytes: 0 };
            let mut launch = s.launch_builder(func);
            launch.arg(&batch);
            // SAFETY: the kernel reads n input slots and writes n output slots, shapes and statuses,
            // and n arenas of arena_per bytes, all allocated above with those sizes.
            unsafe { launch.launch(cfg) }.map_err(e("launch"))?;
        }
        let out = s.clone_dtoh(&d_out).map_err(e("copy outputs"))?;
        let ohw = s.clone_dtoh(&d_ohw).map_err(e("copy shapes"))?;
        let status = s.clone_dtoh(&d_status).map_err(e("copy statuses"))?;
        self.ctx.synchronize().map_err(e("synchronize"))?;
        Ok((0..n)
            .map(|k| {
                if status[k] != 0 {
                    return GpuOutcome::Redo(status[k]);
                }
                let (h, w) = (ohw[2 * k] as u32, ohw[2 * k + 1] as u32);
                let cells = (h * w) as usize;
                GpuOutcome::Ok(h, w, out[k * SLOT..k * SLOT + cells].to_vec())
            })
            .collect())
    }
}
