//! What this process knows about GPUs: the build table of the `gpu-kernels` crate, the devices
//! opened from it on first use (all visible ones, or the run's `--gpus` selection,
//! [`ExecOptions::gpus`]) with the fault injection (`ARCFORGE_GPU_FAULT`) wrapped around them, and
//! [`execute`], the engine on those devices. The CLI and the commands ask here;
//! [`cuda`](super::cuda) does the device work.

use std::sync::Mutex;

use gpu_kernels::GpuBuild;
use solvers::Solver;

use super::cuda::{device_count, Gpu, GpuConfig};
use crate::data::task::TaskGrid;
use crate::engine::accelerator::{Accelerator, BatchResult, GpuOutcome, GridRef, WaveBatch};
use crate::engine::device::{resolve_with, DeviceChoice, GpuUnavailable, Resolved};
use crate::engine::exec::{execute_on, ExecError, ExecOptions, ExecRun, Job};
use crate::engine::fault::{Fault, Injected};

/// The GPUs opened so far, per selection (`None`: all visible), or why they could not be: each
/// selection is opened once per process.
type Opened = Result<Vec<Injected<Gpu>>, String>;
/// A selection of GPUs (`None`: all visible) and what opening it gave.
type Selection = (Option<Vec<usize>>, &'static Opened);
static DEVICES: Mutex<Vec<Selection>> = Mutex::new(Vec::new());

/// What `gpu-kernels` compiled into this program.
pub(crate) fn build() -> &'static GpuBuild {
    &gpu_kernels::BUILD
}

fn open(selection: Option<&[usize]>) -> Opened {
    let fault = Fault::from_env();
    if fault == Some(Fault::Open) {
        return Err("injected fault: ARCFORGE_GPU_FAULT=open".to_string());
    }
    let ordinals = match selection {
        Some(list) => list.to_vec(),
        None => (0..device_count()?).collect(),
    };
    if ordinals.is_empty() {
        return Err("--gpus selected no GPU".into());
    }
    let config = GpuConfig::from_env();
    ordinals
        .into_iter()
        .map(|k| Gpu::open(build(), k, config).map(|g| Injected::new(g, fault)))
        .collect::<Result<Vec<_>, String>>()
}

/// Every usable GPU of `selection` (`None`: all visible ones), opened once per process, or why
/// there is none.
pub fn accelerators(selection: Option<&[usize]>) -> Result<Vec<&'static dyn Accelerator>, String> {
    Ok(opened(selection)?.into_iter().map(|g| g as &dyn Accelerator).collect())
}

/// [`accelerators`] as the CUDA devices they are (to load run-time kernels into them).
pub(crate) fn opened(selection: Option<&[usize]>) -> Result<Vec<&'static Injected<Gpu>>, String> {
    let devices: &'static Opened = {
        let mut all = DEVICES.lock().unwrap_or_else(|e| e.into_inner());
        match all.iter().find(|(s, _)| s.as_deref() == selection) {
            Some((_, d)) => d,
            None => {
                let d: &'static Opened = Box::leak(Box::new(open(selection)));
                all.push((selection.map(<[usize]>::to_vec), d));
                d
            }
        }
    };
    match devices {
        Ok(d) => Ok(d.iter().collect()),
        Err(e) => Err(e.clone()),
    }
}

/// Runs `jobs` on this machine's devices as `opts` says: the engine's [`execute_on`] with the GPUs
/// of `opts.gpus` (none under `--device cpu`).
pub fn execute(
    solvers: &[Solver],
    inputs: &[&TaskGrid],
    jobs: &[Job],
    opts: &ExecOptions,
) -> Result<ExecRun, ExecError> {
    let (accels, note) = match opts.device {
        DeviceChoice::Cpu => (Vec::new(), None),
        choice => match accelerators(opts.gpus.as_deref()) {
            Ok(a) => (a, None),
            Err(reason) if choice == DeviceChoice::Gpu => return Err(GpuUnavailable { reason }.into()),
            Err(reason) => (Vec::new(), Some(format!("GPU not available: {reason}"))),
        },
    };
    let mut run = execute_on(&accels, solvers, inputs, jobs, opts)?;
    if run.device_note.is_none() {
        run.device_note = note;
    }
    Ok(run)
}

/// [`resolve_with`] for this build and machine, with the GPUs of `selection`.
pub fn resolve(choice: DeviceChoice, selection: Option<&[usize]>) -> Result<Resolved, GpuUnavailable> {
    // `--device cpu` never touches the driver.
    let reason = if choice == DeviceChoice::Cpu { None } else { unavailable_reason(selection) };
    resolve_with(choice, reason)
}

impl Accelerator for Gpu {
    fn label(&self) -> String {
        let jit = if self.jit.is_some() { " (NVRTC JIT)" } else { "" };
        format!("GPU {}: {}{jit}", self.ordinal, self.name)
    }
    fn has_kernel(&self, kernel: &str) -> bool {
        Gpu::has_kernel(self, kernel)
    }
    fn workers(&self) -> usize {
        Gpu::workers(self)
    }
    fn wave_samples(&self) -> usize {
        self.config.batch
    }
    fn load_inputs(&self, inputs: &[GridRef]) -> Result<(), String> {
        Gpu::load_inputs(self, inputs)
    }
    fn run(
        &self,
        worker: usize,
        kernel: &str,
        inputs: &[u32],
        max_steps: u64,
    ) -> Result<Vec<GpuOutcome>, String> {
        Gpu::run(self, worker, kernel, inputs, max_steps)
    }
    fn run_wave(
        &self,
        worker: usize,
        batches: &[WaveBatch],
        max_steps: u64,
    ) -> Result<Vec<BatchResult>, String> {
        Gpu::run_wave(self, worker, batches, max_steps)
    }
}

/// Why the GPUs of `selection` cannot be used, or `None` when they can.
pub fn unavailable_reason(selection: Option<&[usize]>) -> Option<String> {
    accelerators(selection).err()
}

/// Whether `kernel` has a GPU version in this build.
pub fn has_kernel(kernel: &str) -> bool {
    let b = build();
    !b.fatbins.is_empty() && b.kernels.contains(&kernel)
}

/// The solvers this build left CPU-only, each with the primitives that have no CUDA twin yet.
pub fn cpu_only_solvers() -> &'static [&'static str] {
    gpu_kernels::CPU_ONLY_SOLVERS
}

/// The GPU code compiled into this binary: its CUDA architectures, or why it is CPU-only.
pub fn build_info() -> String {
    match build() {
        GpuBuild { fatbins, archs, kernels, .. } if !fatbins.is_empty() => format!(
            "fatbins of {} KiB for {} ({} solver kernels)",
            fatbins.iter().map(|f| f.len()).sum::<usize>() / 1024,
            archs.join(", "),
            kernels.len()
        ),
        GpuBuild { cpu_only_reason, .. } => {
            format!("CPU-only build: {}", cpu_only_reason.unwrap_or("no fatbin"))
        }
    }
}

/// The CUDA driver seen at run time, or why none was found.
pub fn driver_info() -> String {
    match device_count() {
        Ok(n) => format!("CUDA driver loaded, {n} device(s)"),
        Err(e) => e,
    }
}

/// Why and how the GPU module was JIT-compiled with NVRTC on some device, if it was.
pub fn jit_note() -> Option<String> {
    let all = DEVICES.lock().unwrap_or_else(|e| e.into_inner());
    all.iter()
        .filter_map(|(_, d)| d.as_ref().ok())
        .flatten()
        .find_map(|g| g.inner().jit.as_ref().map(|j| format!("GPU {}: {j}", g.inner().ordinal)))
}

/// The devices of `selection` (`None`: all visible), or why none is usable.
pub fn devices_info(selection: Option<&[usize]>) -> String {
    match accelerators(selection) {
        Ok(list) => list
            .iter()
            .map(|a| format!("{} ({} workers)", a.label(), a.workers()))
            .collect::<Vec<_>>()
            .join("; "),
        Err(e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_table_is_reported_as_built() {
        let b = build();
        if b.fatbins.is_empty() {
            assert!(build_info().starts_with("CPU-only build: "), "{}", build_info());
            assert!(!has_kernel("solve_67a3c6ac_kernel"));
            assert!(unavailable_reason(None).is_some(), "a CPU-only build has no usable GPU");
        } else {
            assert!(build_info().starts_with("fatbins of "), "{}", build_info());
            assert!(has_kernel(b.kernels[0]));
        }
        assert!(!has_kernel("no_such_kernel"));
    }

    #[test]
    fn an_empty_selection_or_an_unusable_gpu_is_refused_and_auto_falls_back() {
        // Whatever this machine has, a selection of no GPU is no GPU.
        let err = resolve(DeviceChoice::Gpu, Some(&[])).unwrap_err();
        let why = unavailable_reason(Some(&[])).unwrap();
        assert_eq!(err.to_string(), format!("GPU not available: {why}"));
        let auto = resolve(DeviceChoice::Auto, Some(&[])).unwrap();
        assert_eq!(auto.fallback_reason.as_deref(), Some(why.as_str()));
        assert_eq!(resolve(DeviceChoice::Cpu, Some(&[])).unwrap().fallback_reason, None);
    }
}
