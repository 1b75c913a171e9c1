//! Run-time programs compiled for the host (`backends::host_programs`): `run` gives the same report
//! and submission whichever CPU path the programs take (interpreted, typed for all, or chosen per
//! program), the typed path's verdicts are re-run where the report shows a failure in full, a
//! second compile of the same programs comes from the cache, and a run of few calls per program
//! does not look for it. Skipped, with a note, on a machine without a C++ compiler.

use std::path::Path;

use runtime::backends::host_programs;
use runtime::commands::run::{run_programs, RunOptions, RunReport};
use runtime::engine::TypedCpu;
use runtime::{load, DeviceChoice, ExecOptions, LoadOptions, Split};

/// A program that fits, one that fails on every input (an empty container at 7:10), one that fails
/// on some inputs only, one that loops until the step budget stops it, and one that is identical to
/// the first under other names (they share one compiled function).
const PROGRAMS: &str = "\
def mirror(I):
    O = hmirror(I)
    return O

def empty(I):
    x1 = sizefilter(objects(I, T, F, T), 1000)
    x2 = first(x1)
    O = subgrid(x2, I)
    return O

def some(I):
    x1 = objects(I, T, F, T)
    x2 = sizefilter(x1, 2)
    x3 = first(x2)
    O = subgrid(x3, I)
    return O

def loops(I):
    x1 = power(hmirror, 100000000)
    O = x1(I)
    return O

def mirror_again(A):
    B = hmirror(A)
    return B
";

const TASK: &str = r#"{"train": [{"input": [[1, 1], [3, 4]], "output": [[3, 4], [1, 1]]},
                              {"input": [[5, 6], [7, 8]], "output": [[7, 8], [5, 6]]}],
                    "test": [{"input": [[1, 1], [2, 2]], "output": [[2, 2], [1, 1]]},
                             {"input": [[3], [4]], "output": [[4], [3]]}]}"#;

/// [`TASK`] with 70 more demonstrations: enough calls per program for `run` to look in the cache.
fn long_task() -> String {
    let more: Vec<String> = (0..70)
        .map(|k| {
            format!(
                r#"{{"input": [[{a}, {b}], [1, 2]], "output": [[1, 2], [{a}, {b}]]}}"#,
                a = k % 10,
                b = k / 10
            )
        })
        .collect();
    TASK.replacen(r#""train": ["#, &format!(r#""train": [{}, "#, more.join(", ")), 1)
}

fn run(typed_cpu: TypedCpu) -> RunReport {
    run_on(TASK, typed_cpu)
}

fn run_on(task: &str, typed_cpu: TypedCpu) -> RunReport {
    let opts = LoadOptions { split: Split::Train, require_test_outputs: false };
    let loaded = load::load_json(Path::new("t"), task, &opts).unwrap();
    let parsed = programs::parse_python(PROGRAMS, "p.py");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let exec = ExecOptions {
        device: DeviceChoice::Cpu,
        typed_cpu,
        limits: kernels::Limits { max_steps: 1 << 16, ..kernels::Limits::default() },
        ..ExecOptions::default()
    };
    run_programs(&loaded, &parsed, &RunOptions::default(), &exec).unwrap()
}

#[test]
fn run_reports_the_same_whichever_cpu_path_the_programs_take() {
    if let Err(why) = host_programs::compiler() {
        eprintln!("note: skipped: {why}");
        return;
    }
    let cache = tempfile::tempdir().unwrap();
    // The only test of this binary: no other thread reads the variable.
    std::env::set_var("ARCFORGE_CACHE", cache.path());

    let as_json = |r: &RunReport| {
        let mut v = serde_json::to_value(r).unwrap();
        v.as_object_mut().unwrap().remove("cpu_path");
        (v, serde_json::to_string(&r.submission).unwrap())
    };
    let interpreted = run(TypedCpu::Off);
    assert_eq!(interpreted.cpu_path, "interpreted");
    let typed = run(TypedCpu::All);
    // `loops`' translation is past the compiler's template depth: its part is compiled again one
    // program at a time, and it alone stays interpreted.
    let says = |r: &RunReport, what: &str| assert!(r.cpu_path.contains(what), "{what:?} in {}", r.cpu_path);
    says(&typed, "4 of 5 programs compiled for the host");
    says(&typed, "(3 parts: 3 compiled, 0 cached; 1 not compiled (interpreted), e.g. ");
    says(&typed, "template instantiation");
    says(&typed, "4 ran mostly on the typed path");
    // The same again: every part from the cache, the rejection remembered.
    let again = run(TypedCpu::All);
    says(&again, "4 of 5 programs compiled for the host");
    says(&again, "(3 parts: 0 compiled, 3 cached; 1 not compiled (interpreted)");
    // By measurement, on these few calls (4 per program): not even the cache is looked in; on 74
    // calls per program, what the cache holds is taken (and nothing compiled: too few to pay).
    let measured = run(TypedCpu::Measured);
    assert_eq!(measured.cpu_path, "interpreted");
    let long = long_task();
    let long_measured = run_on(&long, TypedCpu::Measured);
    says(&long_measured, "4 of 5 programs compiled for the host");
    says(&long_measured, "(3 parts: 0 compiled, 3 cached; 1 not compiled (interpreted)");
    assert_eq!(as_json(&long_measured), as_json(&run_on(&long, TypedCpu::Off)));

    for other in [&typed, &again, &measured] {
        assert_eq!(as_json(other), as_json(&interpreted), "{}", other.cpu_path);
    }
    // What the typed path decided as verdicts, the report shows as the interpreter's failures.
    let empty = &typed.programs[1].tasks[0];
    let miss = empty.first_miss.as_ref().unwrap();
    assert_eq!(
        (miss.at.as_deref(), miss.kind),
        (Some("7:10"), Some(kernels::FailKind::Empty.text())),
        "{miss:?}"
    );
    assert!(!miss.message.as_ref().unwrap().contains("verdict"), "{miss:?}");
    assert_eq!(empty.failures.values().sum::<usize>(), 4);
    let loops = &typed.programs[3].tasks[0];
    assert_eq!(loops.failures.get(kernels::FailKind::Steps.text()), Some(&4), "{loops:?}");
    assert!(typed.programs[0].tasks[0].fits && typed.programs[4].tasks[0].fits);
    assert!(!typed.programs[2].tasks[0].fits);
}
