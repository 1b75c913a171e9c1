//! The executor on fake accelerators (no GPU needed): dispatch by the cost model, multi-device
//! splitting, and every injected GPU fault ending in a CPU redo with the CPU's exact outputs (or, under
//! `--device gpu`, a clear error).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use kernels::{Ctx, Limits};
use runtime::engine::fault::{Fault, Injected};
use runtime::engine::sample::run_solver;
use runtime::engine::status::STATUS_GPU_STEPS;
use runtime::engine::{
    execute_on, Accelerator, BatchResult, CostModel, ExecOptions, ExecRun, GpuOutcome, GridRef, Job,
    SolverCost, WaveBatch,
};
use runtime::{Device, DeviceChoice, TaskGrid};
use solvers::Solver;

/// A "GPU" that runs the CPU solvers itself, so its outputs are right by construction; it can
/// refuse kernels and flag chosen samples, like the real one.
struct FakeGpu {
    name: &'static str,
    inputs: Mutex<Vec<TaskGrid>>,
    batches: AtomicUsize,
    samples: AtomicUsize,
    /// The step budget of the last batch.
    max_steps: AtomicUsize,
    /// Kernels it lacks.
    missing: Vec<&'static str>,
    /// Inputs (by index) it flags with this status instead of answering.
    flag: Option<(u32, u32)>,
    /// Samples per wave (a device's buffer size).
    wave: usize,
    /// Samples in each wave it ran.
    waves: Mutex<Vec<usize>>,
}

impl FakeGpu {
    fn new(name: &'static str) -> Self {
        FakeGpu {
            name,
            inputs: Mutex::new(Vec::new()),
            batches: AtomicUsize::new(0),
            samples: AtomicUsize::new(0),
            max_steps: AtomicUsize::new(0),
            missing: Vec::new(),
            flag: None,
            // One solver's 12 jobs per wave, so a device lost "after its first wave" loses work.
            wave: 12,
            waves: Mutex::new(Vec::new()),
        }
    }
}

impl Accelerator for FakeGpu {
    fn label(&self) -> String {
        self.name.to_string()
    }
    fn has_kernel(&self, kernel: &str) -> bool {
        !self.missing.contains(&kernel)
    }
    fn workers(&self) -> usize {
        2
    }
    fn wave_samples(&self) -> usize {
        self.wave
    }
    fn run_wave(
        &self,
        worker: usize,
        batches: &[WaveBatch],
        max_steps: u64,
    ) -> Result<Vec<BatchResult>, String> {
        self.waves.lock().unwrap().push(batches.iter().map(|b| b.inputs.len()).sum());
        batches
            .iter()
            .map(|b| Ok(BatchResult { outcomes: self.run(worker, b.kernel, b.inputs, max_steps)?, ms: 0.1 }))
            .collect()
    }
    fn load_inputs(&self, inputs: &[GridRef]) -> Result<(), String> {
        *self.inputs.lock().unwrap() = inputs
            .iter()
            .map(|g| TaskGrid::new(g.h as usize, g.w as usize, g.cells.to_vec()).unwrap())
            .collect();
        Ok(())
    }
    fn run(
        &self,
        _worker: usize,
        kernel: &str,
        inputs: &[u32],
        max_steps: u64,
    ) -> Result<Vec<GpuOutcome>, String> {
        self.batches.fetch_add(1, Ordering::SeqCst);
        self.max_steps.store(max_steps as usize, Ordering::SeqCst);
        self.samples.fetch_add(inputs.len(), Ordering::SeqCst);
        let solver = solvers::all().iter().find(|s| s.cuda_kernel == kernel).ok_or("unknown kernel")?;
        let grids = self.inputs.lock().unwrap();
        let mut ctx = Ctx::new(Limits { max_steps, ..Limits::default() });
        Ok(inputs
            .iter()
            .map(|&k| match self.flag {
                Some((input, code)) if input == k => GpuOutcome::Redo(code),
                _ => match run_solver(&mut ctx, solver.cpu, &grids[k as usize]) {
                    Ok(g) => GpuOutcome::Ok(g.h as u32, g.w as u32, g.cells),
                    Err(_) => GpuOutcome::Redo(2),
                },
            })
            .collect())
    }
}

/// Three solvers and a few inputs: every solver on every input (failures included).
fn work() -> (Vec<Solver>, Vec<TaskGrid>, Vec<Job>) {
    let pick = ["67a3c6ac", "68b16354", "a416b8f3", "74dd1130", "3c9b0459"];
    let solvers: Vec<Solver> = pick.iter().map(|t| *solvers::get(t).expect("registered")).collect();
    let inputs: Vec<TaskGrid> = (1..=12u8)
        .map(|n| {
            let (h, w) = (n as usize % 5 + 1, n as usize % 7 + 2);
            TaskGrid::new(h, w, (0..h * w).map(|k| ((k * n as usize) % 10) as u8).collect()).unwrap()
        })
        .collect();
    let jobs = (0..solvers.len() as u32)
        .flat_map(|s| (0..inputs.len() as u32).map(move |i| Job { solver: s, input: i }))
        .collect();
    (solvers, inputs, jobs)
}

fn run(accels: &[&dyn Accelerator], device: DeviceChoice, cost: CostModel) -> Result<ExecRun, String> {
    let (solvers, inputs, jobs) = work();
    let refs: Vec<&TaskGrid> = inputs.iter().collect();
    let opts = ExecOptions { device, threads: Some(2), cost, ..ExecOptions::default() };
    execute_on(accels, &solvers, &refs, &jobs, &opts).map_err(|e| e.to_string())
}

fn cpu_only() -> ExecRun {
    run(&[], DeviceChoice::Cpu, CostModel::default()).unwrap()
}

/// A cost model under which the GPU always wins (or never does).
fn gpu_always() -> CostModel {
    CostModel { gpu_us_per_batch: 0.0, gpu_us_per_sample: 0.0, gpu_us_per_cell: 0.0, ..CostModel::default() }
}
fn gpu_never() -> CostModel {
    CostModel { gpu_us_per_batch: 1e12, ..CostModel::default() }
}

#[test]
fn forced_gpu_runs_everything_there_with_the_cpu_outputs() {
    let cpu = cpu_only();
    let gpu = FakeGpu::new("fake 0");
    let r = run(&[&gpu], DeviceChoice::Gpu, CostModel::default()).unwrap();
    assert_eq!(r.outputs, cpu.outputs);
    // Samples the solver fails on come back flagged and are redone: the rest ran on the "GPU".
    let failed = cpu.outputs.iter().filter(|o| o.is_err()).count();
    assert_eq!(r.fallbacks(), failed);
    assert_eq!(r.samples_on(Device::Gpu), r.outputs.len() - failed);
    assert_eq!(gpu.batches.load(Ordering::SeqCst), 5, "one batch per solver");
    assert_eq!(r.gpus, ["fake 0"]);
}

#[test]
fn the_cpu_step_budget_reaches_the_gpu_and_both_stop_the_same_samples() {
    let (solvers, inputs, jobs) = work();
    let refs: Vec<&TaskGrid> = inputs.iter().collect();
    let limits = Limits { max_steps: 40, ..Limits::default() };
    let opts = ExecOptions { device: DeviceChoice::Cpu, threads: Some(2), limits, ..ExecOptions::default() };
    let cpu = execute_on(&[], &solvers, &refs, &jobs, &opts).unwrap();
    let stopped = cpu.outputs.iter().filter(|o| o.as_ref().is_err_and(|e| e.contains("step"))).count();
    assert!(stopped > 0, "a 40-step budget stops some samples");
    let gpu = FakeGpu::new("fake 0");
    let opts = ExecOptions { device: DeviceChoice::Gpu, ..opts };
    let r = execute_on(&[&gpu], &solvers, &refs, &jobs, &opts).unwrap();
    assert_eq!(gpu.max_steps.load(Ordering::SeqCst), 40);
    assert_eq!(r.outputs, cpu.outputs);
}

#[test]
fn auto_follows_the_cost_model() {
    let cpu = cpu_only();
    let never = FakeGpu::new("fake 0");
    let r = run(&[&never], DeviceChoice::Auto, gpu_never()).unwrap();
    assert_eq!(r.outputs, cpu.outputs);
    assert_eq!(never.batches.load(Ordering::SeqCst), 0, "the CPU is cheaper for every batch");
    assert_eq!(r.samples_on(Device::Gpu), 0);
    // a GPU that no batch is worth is not even given the inputs (that costs more than tiny work)
    assert!(never.inputs.lock().unwrap().is_empty() && r.gpus.is_empty());
    assert_eq!(r.device_note.as_deref(), Some("the cost model gives every batch to the CPU"));

    // The CPU worker also takes GPU-preferred batches (one at a time), and on a loaded machine it can
    // finish all five tiny ones before the GPU worker threads are scheduled: the GPU must take
    // batches in some run, not in every one (a single run failed 2 times in 7 on a loaded 2-core box).
    let mut gpu_batches = 0;
    for _ in 0..20 {
        let always = FakeGpu::new("fake 0");
        let r = run(&[&always], DeviceChoice::Auto, gpu_always()).unwrap();
        assert_eq!(r.outputs, cpu.outputs);
        // CPU and GPU share the queue: together they ran each job exactly once.
        assert_eq!(always.samples.load(Ordering::SeqCst) + r.samples_on(Device::Cpu) - r.fallbacks(), 60);
        gpu_batches = always.batches.load(Ordering::SeqCst);
        if gpu_batches > 0 {
            break;
        }
    }
    assert!(gpu_batches > 0, "the GPU is cheaper: it takes batches");
}

#[test]
fn the_cost_model_compares_batch_costs() {
    let m = CostModel {
        cpu_us_per_sample: 2.0,
        cpu_us_per_cell: 0.0,
        gpu_us_per_batch: 100.0,
        gpu_us_per_sample: 0.1,
        gpu_us_per_cell: 0.0,
        solvers: Default::default(),
    };
    // 16 threads: CPU 2/16 = 0.125 us per sample; GPU 100 + 0.1 n: the GPU wins above 4000 samples.
    assert!(!m.prefers_gpu("any", 1000, 0, 16));
    assert!(m.prefers_gpu("any", 5000, 0, 16));
    assert!(m.prefers_gpu("any", 100, 0, 1), "one thread: 200 us of CPU against 110 of GPU");
}

#[test]
fn a_calibrated_solver_is_dispatched_by_its_own_costs() {
    let cheap =
        SolverCost { cpu_us: 0.5, gpu_batch_us: 300.0, gpu_batch_samples: 128, gpu_us_per_sample: 0.5 };
    let dear =
        SolverCost { cpu_us: 2000.0, gpu_batch_us: 3000.0, gpu_batch_samples: 128, gpu_us_per_sample: 10.0 };
    let m = CostModel {
        solvers: [("cheap".to_string(), cheap), ("dear".to_string(), dear)].into_iter().collect(),
        ..CostModel::default()
    };
    // cheap: 10^5 samples are 3 ms on 16 threads, against 50 ms of GPU: the CPU's at every size
    assert!(!m.prefers_gpu("cheap", 4, 0, 16));
    assert!(!m.prefers_gpu("cheap", 100_000, 0, 16));
    // dear: 4 samples are 0.5 ms on 16 threads against a 3 ms batch; 1,718 are 215 ms against 19 ms
    assert!(!m.prefers_gpu("dear", 4, 0, 16));
    assert!(m.prefers_gpu("dear", 1718, 0, 16));
    // an uncalibrated solver falls back to the averages (GPU 60 us + 0.05 us per sample: 10^5 wins)
    assert!(m.prefers_gpu("other", 100_000, 0, 16));
    assert!(!m.prefers_gpu("other", 4, 0, 16));
}

#[test]
fn two_gpus_share_the_batches_and_agree_with_one() {
    let cpu = cpu_only();
    let (a, b) = (FakeGpu::new("fake 0"), FakeGpu::new("fake 1"));
    let r = run(&[&a, &b], DeviceChoice::Gpu, CostModel::default()).unwrap();
    assert_eq!(r.outputs, cpu.outputs);
    assert_eq!(a.batches.load(Ordering::SeqCst) + b.batches.load(Ordering::SeqCst), 5);
    assert_eq!(r.gpus, ["fake 0", "fake 1"]);
}

#[test]
fn a_kernel_missing_on_the_gpu_runs_on_the_cpu() {
    let cpu = cpu_only();
    let mut gpu = FakeGpu::new("fake 0");
    gpu.missing = vec![solvers::get("68b16354").unwrap().cuda_kernel];
    let r = run(&[&gpu], DeviceChoice::Gpu, CostModel::default()).unwrap();
    assert_eq!(r.outputs, cpu.outputs);
    assert_eq!(gpu.batches.load(Ordering::SeqCst), 4);
    // Its 12 jobs (solver 1) ran on the CPU without being a fallback.
    assert!((12..24).all(|k| r.ran_on[k] == Device::Cpu && r.fallback[k].is_none()));
}

#[test]
fn a_flagged_sample_is_redone_with_its_reason() {
    let cpu = cpu_only();
    let mut gpu = FakeGpu::new("fake 0");
    gpu.flag = Some((3, 8));
    let r = run(&[&gpu], DeviceChoice::Gpu, CostModel::default()).unwrap();
    assert_eq!(r.outputs, cpu.outputs);
    for s in 0..5 {
        let k = s * 12 + 3;
        assert_eq!(r.ran_on[k], Device::Cpu);
        assert_eq!(r.fallback[k].as_deref(), Some("GPU arena exhausted"));
    }
    // CPU time is recorded for exactly the outputs the CPU made (the redone ones here), and adds up
    // per solver.
    for (k, &ns) in r.cpu_ns.iter().enumerate() {
        assert_eq!(ns > 0, r.ran_on[k] == Device::Cpu, "job {k}");
    }
    let (_, _, jobs) = work();
    let by = r.cpu_ms_by_solver(&jobs);
    let redone_per_solver: Vec<usize> =
        (0..5).map(|s| (0..12).filter(|i| r.ran_on[s * 12 + i] == Device::Cpu).count()).collect();
    assert_eq!(by.len(), 5);
    for (s, samples, ms) in &by {
        assert_eq!(*samples, redone_per_solver[*s]);
        assert!(*ms > 0.0);
    }
    assert!(by.windows(2).all(|w| w[0].2 >= w[1].2), "costliest first");
    let cpu = cpu_only();
    assert!(cpu.cpu_ns.iter().all(|&ns| ns > 0), "a CPU run times every job");
}

#[test]
fn every_injected_fault_ends_in_the_cpu_results_or_a_clear_error() {
    let cpu = cpu_only();
    for fault in [Fault::Arena, Fault::Steps, Fault::Launch, Fault::Lost, Fault::Open] {
        // auto: the same outputs, every sample the GPU touched counted as a fallback.
        let gpu = Injected::new(FakeGpu::new("fake 0"), Some(fault));
        let r = run(&[&gpu], DeviceChoice::Auto, gpu_always()).unwrap();
        assert_eq!(r.outputs, cpu.outputs, "{fault:?}");
        match fault {
            Fault::Arena | Fault::Steps => {
                assert_eq!(r.samples_on(Device::Gpu), 0, "{fault:?}: nothing the GPU flagged is kept");
            }
            Fault::Open => {
                assert!(r.gpus.is_empty());
                assert!(r.device_note.as_deref().unwrap().contains("not used"), "{:?}", r.device_note);
            }
            Fault::Launch | Fault::Lost => {
                // (How many batches the GPU took before failing depends on the race with the CPU.)
                if r.fallbacks() > 0 && r.samples_on(Device::Gpu) == 0 {
                    assert!(r.device_note.as_deref().unwrap().contains("GPU stopped"), "{:?}", r.device_note);
                }
            }
        }
        // forced GPU: flagged samples are still redone; a broken device is an error that says why.
        let gpu = Injected::new(FakeGpu::new("fake 0"), Some(fault));
        match (fault, run(&[&gpu], DeviceChoice::Gpu, CostModel::default())) {
            (Fault::Arena | Fault::Steps, Ok(r)) => {
                assert_eq!(r.outputs, cpu.outputs);
                assert_eq!((r.fallbacks(), r.samples_on(Device::Gpu)), (60, 0), "{fault:?}");
            }
            (Fault::Launch | Fault::Lost | Fault::Open, Err(e)) => {
                assert!(e.starts_with("GPU not available") && e.contains("injected fault"), "{e}")
            }
            (f, other) => panic!("{f:?}: {other:?}"),
        }
    }
}

#[test]
fn waves_hold_many_solvers_batches_and_split_a_big_one_without_changing_outputs() {
    let cpu = cpu_only();
    for wave in [5, 12, 30, 1000] {
        let mut gpu = FakeGpu::new("fake 0");
        gpu.wave = wave;
        let r = run(&[&gpu], DeviceChoice::Gpu, CostModel::default()).unwrap();
        assert_eq!(r.outputs, cpu.outputs, "wave of {wave}");
        assert_eq!(r.samples_on(Device::Gpu), 60, "wave of {wave}");
        let waves = gpu.waves.lock().unwrap().clone();
        assert!(waves.iter().all(|&n| n <= wave), "wave of {wave}: {waves:?}");
        assert_eq!(waves.iter().sum::<usize>(), 60, "every job in exactly one wave");
        // A wave as big as the work takes it at once; groups of 12 are split by a wave of 5.
        if wave >= 60 {
            assert_eq!(waves, vec![60]);
        }
        // Each group's batches are recorded (a split group once per piece).
        let batches: usize = r.gpu_batch_ms.iter().map(|b| b.1).sum();
        assert_eq!(batches, 60, "wave of {wave}");
    }
}

#[test]
fn outputs_do_not_depend_on_threads_or_devices() {
    let (solvers, inputs, jobs) = work();
    let refs: Vec<&TaskGrid> = inputs.iter().collect();
    let one = ExecOptions { device: DeviceChoice::Cpu, threads: Some(1), ..ExecOptions::default() };
    let a = execute_on(&[], &solvers, &refs, &jobs, &one).unwrap();
    let gpu = FakeGpu::new("fake 0");
    let two = ExecOptions {
        device: DeviceChoice::Auto,
        threads: Some(2),
        cost: gpu_always(),
        ..ExecOptions::default()
    };
    let b = execute_on(&[&gpu], &solvers, &refs, &jobs, &two).unwrap();
    assert_eq!(a.outputs, b.outputs);
}

#[test]
fn gpu_verdicts_are_kept_when_asked_and_redone_otherwise() {
    let (solvers, inputs, jobs) = work();
    let refs: Vec<&TaskGrid> = inputs.iter().collect();
    let cpu = cpu_only();
    // 3: an index error; 7: the CPU's step budget (the GPU counts the CPU's steps); 11: a GPU step
    // budget below the CPU's (STATUS_GPU_STEPS); 9: an overload missing on the GPU
    let index = Some("index out of range (GPU verdict)");
    let steps = Some("step limit exceeded (GPU verdict)");
    for (verdicts, code, kept) in [
        (true, 3, index),
        (false, 3, None),
        (true, 7, steps),
        (true, STATUS_GPU_STEPS, None),
        (true, 9, None),
    ] {
        let gpu = FakeGpu { flag: Some((5, code)), ..FakeGpu::new("fake 0") };
        let opts = ExecOptions {
            device: DeviceChoice::Gpu,
            threads: Some(2),
            gpu_verdicts: verdicts,
            ..ExecOptions::default()
        };
        let r = execute_on(&[&gpu], &solvers, &refs, &jobs, &opts).unwrap();
        for (k, j) in jobs.iter().enumerate() {
            if j.input != 5 {
                assert!(!r.verdict[k]);
                continue;
            }
            if let Some(text) = kept {
                // the GPU's verdict: no CPU redo, no fallback, the kind in the text
                assert!(r.verdict[k] && r.fallback[k].is_none() && r.ran_on[k] == Device::Gpu);
                assert_eq!(r.outputs[k], Err(text.to_string()));
            } else {
                // a lower GPU budget and missing overloads are never verdicts; without verdicts
                // nothing is
                assert!(!r.verdict[k] && r.fallback[k].is_some() && r.ran_on[k] == Device::Cpu);
                assert_eq!(r.outputs[k], cpu.outputs[k]);
            }
        }
    }
}

#[test]
fn auto_sends_each_solver_where_its_own_costs_say() {
    let (solvers, inputs, jobs) = work();
    let refs: Vec<&TaskGrid> = inputs.iter().collect();
    let cheap = SolverCost { cpu_us: 0.1, gpu_batch_us: 1e6, gpu_batch_samples: 128, gpu_us_per_sample: 1.0 };
    let dear = SolverCost { cpu_us: 1e6, gpu_batch_us: 1.0, gpu_batch_samples: 128, gpu_us_per_sample: 1.0 };
    // the first solver is dear, the others cheap: the GPU takes only the first one's batches, even
    // though the queue holds cheap groups before it (the CPU may share the dear one: both work)
    let mut cost = CostModel::default();
    for (k, s) in solvers.iter().enumerate() {
        cost.solvers.insert(s.task.to_string(), if k == 0 { dear } else { cheap });
    }
    let gpu = FakeGpu::new("fake 0");
    let opts = ExecOptions { device: DeviceChoice::Auto, threads: Some(2), cost, ..ExecOptions::default() };
    let r = execute_on(&[&gpu], &solvers, &refs, &jobs, &opts).unwrap();
    for (k, j) in jobs.iter().enumerate() {
        if j.solver != 0 {
            assert_eq!(
                r.ran_on[k],
                Device::Cpu,
                "cheap solver {} input {} went to the GPU",
                j.solver,
                j.input
            );
        }
    }
    assert_eq!(r.outputs, cpu_only().outputs);
}
