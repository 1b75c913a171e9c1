//! `run` on a GPU takes the GPU's verdict on failures every device shares, as `solve` does, and runs
//! again on the CPU only each pair's first missed demonstration, so its report (fits, first miss with
//! the interpreter's message and `line:column`, failures by kind) is the CPU-only run's.

use std::path::Path;
use std::sync::Mutex;

use runtime::backends::program_kernels::Prepared;
use runtime::commands::run::{run_programs, run_programs_on, ProgramGpus, RunOptions};
use runtime::engine::status::STATUS_OUTPUT;
use runtime::engine::{Accelerator, GpuOutcome, GridRef};
use runtime::{load, DeviceChoice, ExecOptions, LoadOptions, Split};

/// A "GPU" that holds two kernels, of programs that fail on every input or give no ARC grid, and
/// answers each of their samples with its verdict (a type error; an output past 30x30), recording how
/// many it answered.
struct VerdictGpu {
    answered: Mutex<usize>,
}

impl Accelerator for VerdictGpu {
    fn label(&self) -> String {
        "verdict GPU".into()
    }
    fn has_kernel(&self, kernel: &str) -> bool {
        kernel == "bad_kernel" || kernel == "big_kernel"
    }
    fn workers(&self) -> usize {
        1
    }
    fn load_inputs(&self, _: &[GridRef]) -> Result<(), String> {
        Ok(())
    }
    fn run(&self, _: usize, kernel: &str, inputs: &[u32], _: u64) -> Result<Vec<GpuOutcome>, String> {
        *self.answered.lock().unwrap() += inputs.len();
        let code = if kernel == "big_kernel" { STATUS_OUTPUT } else { kernels::FailKind::Type.code() };
        Ok(inputs.iter().map(|_| GpuOutcome::Redo(code)).collect())
    }
}

const PROGRAMS: &str = "\
def bad(I):
    x1 = first(I)
    x2 = size(x1)
    O = vmirror(x2)
    return O

def good(I):
    O = hmirror(I)
    return O

def big(I):
    O = upscale(I, 16)
    return O
";

/// Two demonstrations and two test inputs; `good` fits, `bad` fails on all four, `big` gives 32x32 grids.
const TASK: &str = r#"{"train": [{"input": [[1, 2], [3, 4]], "output": [[3, 4], [1, 2]]},
                              {"input": [[5, 6], [7, 8]], "output": [[7, 8], [5, 6]]}],
                    "test": [{"input": [[1, 1], [2, 2]], "output": [[2, 2], [1, 1]]},
                             {"input": [[3], [4]], "output": [[4], [3]]}]}"#;

#[test]
fn gpu_verdicts_in_run_leave_the_report_as_the_cpus() {
    let opts = LoadOptions { split: Split::Train, require_test_outputs: false };
    let loaded = load::load_json(Path::new("t"), TASK, &opts).unwrap();
    let parsed = programs::parse_python(PROGRAMS, "p.py");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let run_opts = RunOptions::default();

    let cpu_opts = ExecOptions { device: DeviceChoice::Cpu, ..ExecOptions::default() };
    let cpu = run_programs(&loaded, &parsed, &run_opts, &cpu_opts).unwrap();

    let gpu: &'static VerdictGpu = Box::leak(Box::new(VerdictGpu { answered: Mutex::new(0) }));
    let given = Prepared {
        accelerators: vec![gpu],
        kernels: vec![Some("bad_kernel".into()), None, Some("big_kernel".into())],
        note: "fake".into(),
    };
    let gpu_opts = ExecOptions { device: DeviceChoice::Gpu, ..ExecOptions::default() };
    let on_gpu = run_programs_on(&loaded, &parsed, &run_opts, &gpu_opts, ProgramGpus::Given(given)).unwrap();

    // The GPU answered all four calls of `bad` and of `big`; of `bad`'s only the first miss was run
    // again on the CPU, of `big`'s all four (the CPU's 32x32 grids are wrong grids, not failures).
    assert_eq!(*gpu.answered.lock().unwrap(), 8);
    assert!(on_gpu.device.contains("3 calls on the GPU"), "{}", on_gpu.device);
    let (c, g) = (&cpu.programs[0].tasks[0], &on_gpu.programs[0].tasks[0]);
    assert!(!g.fits);
    assert_eq!(g.first_miss, c.first_miss);
    let miss = g.first_miss.as_ref().unwrap();
    assert_eq!((miss.train_index, miss.kind), (0, Some(kernels::FailKind::Type.text())));
    assert_eq!(miss.at.as_deref(), Some("4:9"), "{miss:?}");
    assert!(!miss.message.as_ref().unwrap().contains("GPU verdict"), "{miss:?}");
    assert_eq!(g.failures, c.failures);
    assert_eq!(g.failures.values().sum::<usize>(), 4);
    let (c, g) = (&cpu.programs[2].tasks[0], &on_gpu.programs[2].tasks[0]);
    assert_eq!(g.first_miss.as_ref().map(|m| m.what), Some("wrong grid"));
    assert_eq!((g.first_miss.as_ref(), &g.failures), (c.first_miss.as_ref(), &c.failures));
    assert!(g.failures.is_empty());
    // `good` ran on the CPU: the same fit and answers either way.
    assert!(on_gpu.programs[1].tasks[0].fits);
    assert_eq!(
        serde_json::to_string(&on_gpu.submission).unwrap(),
        serde_json::to_string(&cpu.submission).unwrap()
    );
}
