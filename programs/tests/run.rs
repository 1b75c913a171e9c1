//! Run-time behaviour: failures land in the context like a compiled solver's and name their step;
//! runaway programs stop at the step budget; nothing panics on hostile text.

use kernels::{Ctx, FailKind, Limits, Value};
use proptest::prelude::*;

fn program(text: &str) -> programs::Program {
    let mut p = programs::parse_python(text, "t.py");
    assert!(p.errors.is_empty(), "{}", p.errors[0]);
    p.programs.remove(0)
}

#[test]
fn a_type_error_at_run_time_names_its_step() {
    // Calling a grid: Python's TypeError, a failure of the step on line 3.
    let p =
        program("def solve_a(I):\n    x1 = vmirror(I)\n    x2 = x1(I)\n    O = hmirror(x2)\n    return O\n");
    let ctx = Ctx::default();
    let g = Value::Grid(ctx.grid_from(1, 2, &[1, 2]));
    let run = p.run_traced(&ctx, g);
    assert_eq!(ctx.status().map(|f| f.kind), Some(FailKind::Type));
    assert_eq!(run.failed_step, Some(1));
    assert_eq!(p.step_pos(1).to_string(), "3:10");
    assert!(matches!(run.value, Value::None));
}

#[test]
fn the_first_failure_wins_and_later_steps_do_not_run() {
    let p =
        program("def solve_a(I):\n    x1 = divide(ONE, ZERO)\n    x2 = first(initset(I))\n    return x2\n");
    let ctx = Ctx::default();
    let run = p.run_traced(&ctx, Value::Int(0));
    assert_eq!(ctx.status().map(|f| f.kind), Some(FailKind::ZeroDivision));
    assert_eq!(run.failed_step, Some(0));
    assert_eq!(ctx.steps(), 0);
}

#[test]
fn a_runaway_program_stops_at_the_step_budget() {
    let p = program("def solve_a(I):\n    x1 = power(identity, 1000000000)\n    O = x1(I)\n    return O\n");
    let ctx = Ctx::new(Limits { max_steps: 100_000, ..Limits::default() });
    let run = p.run_traced(&ctx, Value::Int(1));
    assert_eq!(ctx.status().map(|f| f.kind), Some(FailKind::Steps));
    assert_eq!(p.step_pos(run.failed_step.unwrap()).line, 3);
    assert!(ctx.steps() <= 100_001);
}

#[test]
fn function_values_and_constants_reach_the_kernels_unchanged() {
    let p = program(
        "def solve_a(I):\n    x1 = rbind(subtract, 2)\n    x2 = chain(x1, double, increment)\n    \
         x3 = matcher(x2, 7)\n    O = astuple(x2(I), x3(I))\n    return O\n",
    );
    let ctx = Ctx::default();
    // (2 * (3 + 1)) - 2 = 6, and 6 != 7; a pair of an int and a bool is a point, as in the kernels.
    assert_eq!(format!("{:?}", p.run(&ctx, Value::Int(3))), "(6, 0)");
    let p = program("def solve_a(I):\n    O = (NEG_ONE, -1, True, UP, (I,))\n    return O\n");
    assert_eq!(format!("{:?}", p.run(&ctx, Value::Int(3))), "(-1, -1, True, (-1, 0), (3))");
}

/// Text that looks like programs: DSL words, punctuation, numbers, newlines and indentation.
fn programish() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("def ".to_string()),
        Just("solve_a".to_string()),
        Just("(I):\n".to_string()),
        Just("    ".to_string()),
        Just("\n".to_string()),
        Just("return ".to_string()),
        Just(" = ".to_string()),
        Just("x1".to_string()),
        Just("I".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(", ".to_string()),
        Just("-".to_string()),
        Just("#".to_string()),
        Just("\"".to_string()),
        Just("'''".to_string()),
        Just("\\".to_string()),
        Just("#[solver(\"00000000\")]\nfn solve_a(I: Grid) -> Grid {".to_string()),
        Just("let ".to_string()),
        Just(";".to_string()),
        Just("}".to_string()),
        Just("{".to_string()),
        prop::sample::select(kernels::Prim::ALL.iter().map(|p| p.name().to_string()).collect::<Vec<_>>()),
        prop::sample::select(kernels::constants::ALL.iter().map(|c| c.0.to_string()).collect::<Vec<_>>()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(atom, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Never a panic on any text, in any form; every error is one line; whatever compiles runs
    /// (on a grid and on an integer) without panicking.
    #[test]
    fn garbage_never_panics(text in programish(), bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let raw = String::from_utf8_lossy(&bytes).into_owned();
        for t in [&text, &raw] {
            for parsed in [
                programs::parse_python(t, "g.py"),
                programs::parse_rust(t, "g.rs"),
                programs::parse_source(t, "g"),
                programs::parse_jsonl(t.as_bytes(), "g.jsonl"),
                programs::parse_jsonl(
                    format!("{}\n", serde_json::json!({"task": null, "name": "g", "source": t})).as_bytes(),
                    "g.jsonl",
                ),
            ] {
                for e in &parsed.errors {
                    prop_assert!(!e.to_string().contains('\n'));
                }
                let ctx = Ctx::new(Limits { max_steps: 1 << 16, ..Limits::default() });
                for p in &parsed.programs {
                    let _ = p.run(&ctx, Value::Grid(ctx.grid_from(2, 2, &[1, 2, 3, 4])));
                    let _ = p.run(&ctx, Value::Int(1));
                    let _ = p.render_python();
                    let _ = p.render_rust_solver("00000000");
                    let _ = p.to_cuda("00000000");
                }
            }
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!(
        "def solve_a(I):\n    O = {}I{}\n    return O\n",
        "vmirror(".repeat(100_000),
        ")".repeat(100_000)
    );
    let p = programs::parse_python(&deep, "deep.py");
    assert_eq!(p.errors[0].message, "nested deeper than 64 levels");
    let deep_rs =
        format!("fn solve_a(I: Grid) -> Grid {{\n    {}I{}\n}}\n", "(".repeat(100_000), ")".repeat(100_000));
    assert!(programs::parse_rust(&deep_rs, "deep.rs").errors[0].message.contains("nested deeper"));
    let tuples =
        format!("def solve_a(I):\n    O = {}I{}\n    return O\n", "(".repeat(100_000), ",)".repeat(100_000));
    assert!(!programs::parse_python(&tuples, "deep.py").errors.is_empty());
}

#[test]
fn programs_can_be_shared_by_worker_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<programs::Program>();
    send_sync::<programs::ParsedPrograms>();
}

#[test]
fn every_dsl_constant_is_a_program_constant() {
    for (name, value) in kernels::constants::ALL {
        let p = program(&format!("def solve_a(I):\n    return {name}\n"));
        assert_eq!(p.run(&Ctx::default(), Value::None), *value, "{name}");
    }
}
