//! Run-time programs in the executor beside compiled solvers: the same outputs as the compiled
//! solver they render, failures naming the failing step's line:column, the step budget stopping a
//! runaway loop, steps counted, and no program sent to an accelerator unless it carries a kernel
//! loaded at run time ([`Runnable::interpreted_with_kernel`]); what the device gives back is redone
//! by the interpreter.

use std::sync::Mutex;

use kernels::Limits;
use runtime::engine::typed_cpu::TypedCpu;
use runtime::engine::{execute_runnables_on, Accelerator, ExecOptions, GpuOutcome, GridRef, Job, Runnable};
use runtime::{Device, DeviceChoice, TaskGrid};

/// A "GPU" with every kernel that records which kernels it was asked to run and gives every sample
/// back to the CPU.
struct RecordingGpu {
    kernels: Mutex<Vec<String>>,
}

impl Accelerator for RecordingGpu {
    fn label(&self) -> String {
        "recording GPU".into()
    }
    fn has_kernel(&self, _: &str) -> bool {
        true
    }
    fn workers(&self) -> usize {
        1
    }
    fn load_inputs(&self, _: &[GridRef]) -> Result<(), String> {
        Ok(())
    }
    fn run(&self, _: usize, kernel: &str, inputs: &[u32], _: u64) -> Result<Vec<GpuOutcome>, String> {
        self.kernels.lock().unwrap().push(kernel.to_string());
        Ok(inputs.iter().map(|_| GpuOutcome::Redo(kernels::FailKind::Arena.code())).collect())
    }
}

const PROGRAMS: &str = "\
def solve_68b16354(I):
    O = hmirror(I)
    return O

def bad(I):
    x1 = first(I)
    x2 = size(x1)
    O = vmirror(x2)
    return O

def runaway(I):
    x1 = power(vmirror, 100000000)
    O = x1(I)
    return O
";

#[test]
fn programs_run_on_the_cpu_beside_compiled_solvers() {
    let solver = *solvers::all().iter().find(|s| s.task == "68b16354").unwrap();
    let parsed = programs::parse_python(PROGRAMS, "t.py");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let mut runnables = vec![Runnable::compiled(&solver, TypedCpu::Off)];
    runnables.extend(parsed.programs.iter().map(Runnable::interpreted));
    let input = TaskGrid::from_rows(&[[1u8, 2], [3, 4], [5, 6]]).unwrap();
    let jobs: Vec<Job> = (0..4).map(|s| Job { solver: s, input: 0 }).collect();
    let gpu = RecordingGpu { kernels: Mutex::new(Vec::new()) };
    for device in [DeviceChoice::Cpu, DeviceChoice::Gpu] {
        let opts = ExecOptions {
            device,
            limits: Limits { max_steps: 10_000, ..Limits::default() },
            ..Default::default()
        };
        let run = execute_runnables_on(&[&gpu], &runnables, &[&input], &jobs, &opts).unwrap();
        assert_eq!(run.outputs[0].as_ref().unwrap().cells, vec![5, 6, 3, 4, 1, 2]);
        assert_eq!(run.outputs[1], run.outputs[0], "interpreted hmirror == compiled hmirror");
        let type_error = run.outputs[2].as_ref().unwrap_err();
        assert!(
            type_error.starts_with("wrong kind of value") && type_error.ends_with(" at 8:9"),
            "{type_error}"
        );
        let steps = run.outputs[3].as_ref().unwrap_err();
        assert!(steps.starts_with("step limit exceeded") && steps.ends_with(" at 13:9"), "{steps}");
        assert!(run.cpu_steps[1] > 0 && run.cpu_steps[3] > 10_000, "{:?}", run.cpu_steps);
        assert!(run.ran_on[1..].iter().all(|&d| d == Device::Cpu));
    }
    // The GPU ran the compiled solver (at least under --device gpu; the CPU worker may take it first
    // otherwise) and never a program.
    let asked = gpu.kernels.lock().unwrap();
    assert!(!asked.is_empty() && asked.iter().all(|k| k == solver.cuda_kernel), "{asked:?}");
}

#[test]
fn a_program_with_a_run_time_kernel_goes_to_the_gpu_and_what_it_gives_back_is_interpreted() {
    let parsed = programs::parse_python(PROGRAMS, "t.py");
    let kernels = ["program_hmirror_kernel".to_string(), "program_bad_kernel".to_string()];
    let runnables = vec![
        Runnable::interpreted_with_kernel(&parsed.programs[0], Some(&kernels[0])),
        Runnable::interpreted_with_kernel(&parsed.programs[1], Some(&kernels[1])),
        Runnable::interpreted(&parsed.programs[2]),
    ];
    let input = TaskGrid::from_rows(&[[1u8, 2], [3, 4], [5, 6]]).unwrap();
    let jobs: Vec<Job> = (0..3).map(|s| Job { solver: s, input: 0 }).collect();
    let gpu = RecordingGpu { kernels: Mutex::new(Vec::new()) };
    let opts = ExecOptions {
        device: DeviceChoice::Gpu,
        limits: Limits { max_steps: 10_000, ..Limits::default() },
        ..Default::default()
    };
    let run = execute_runnables_on(&[&gpu], &runnables, &[&input], &jobs, &opts).unwrap();
    let mut asked = gpu.kernels.lock().unwrap().clone();
    asked.sort();
    assert_eq!(asked, ["program_bad_kernel", "program_hmirror_kernel"], "the kernel-less program stays off");
    // Every sample came back (the recording GPU's arena status) and was interpreted on the CPU.
    assert_eq!(run.outputs[0].as_ref().unwrap().cells, vec![5, 6, 3, 4, 1, 2]);
    assert!(run.outputs[1].as_ref().unwrap_err().ends_with(" at 8:9"), "{:?}", run.outputs[1]);
    assert!(run.fallback[0].is_some() && run.fallback[1].is_some() && run.fallback[2].is_none());
    assert!(run.ran_on.iter().all(|&d| d == Device::Cpu));
}
