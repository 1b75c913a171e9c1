//! Every kind of problem is one value with the exact place and one line of text, and one bad
//! program never stops the others.

use programs::{parse_jsonl, parse_python, parse_rust, ErrorKind};

/// The one error of `text` (Python form), displayed.
fn python_error(text: &str) -> String {
    let parsed = parse_python(text, "t.py");
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    let e = parsed.errors[0].to_string();
    assert!(!e.contains('\n'));
    e
}

fn body(lines: &str) -> String {
    format!("def solve_a(I):\n{lines}")
}

#[test]
fn syntax_errors_name_the_program_and_the_place() {
    assert_eq!(
        python_error(&body("    x1 = objects(I, T, F, T\n    return x1\n")),
        "t.py:2:17: syntax error in `solve_a`: `(` is never closed"
    );
    assert_eq!(
        python_error(&body("    x1 = vmirror(I))\n    return x1\n")),
        "t.py:2:20: syntax error in `solve_a`: `)` closes no bracket"
    );
    assert_eq!(
        python_error(&body("    O = vmirror(I) $\n    return O\n")),
        "t.py:2:20: syntax error in `solve_a`: expected the end of the line after the assigned value, found `$`"
    );
    assert_eq!(
        python_error(&body("    x1 = vmirror(I)\n")),
        "t.py:1:1: syntax error in `solve_a`: the program ends without `return`"
    );
    assert_eq!(
        python_error(&body("    return I\n    x1 = vmirror(I)\n")),
        "t.py:3:5: syntax error in `solve_a`: a step after `return` (the program must end with its `return`)"
    );
    assert_eq!(
        python_error("def solve_a(I)\n    return I\n"),
        "t.py:1:15: syntax error in `solve_a`: expected `:` at the end of the `def` line, found the end of the line"
    );
    assert_eq!(
        python_error("def solve_a(I, J):\n    return I\n"),
        "t.py:1:14: syntax error in `solve_a`: a program takes one input: `def solve_<name>(I):`"
    );
    assert_eq!(python_error("x = 3\n"), "t.py:1:1: syntax error: expected `def solve_<name>(I):`, found `x`");
    assert_eq!(python_error("    O = 3\n"), "t.py:1:5: syntax error: indented line outside any `def`");
    assert_eq!(
        python_error(&body("    O = \"abc\n    return O\n")),
        "t.py:2:9: syntax error in `solve_a`: string is never closed"
    );
    assert_eq!(
        python_error(&body("    O = crop(I, (0, 0), (2, 99999999999))\n    return O\n")),
        "t.py:2:29: syntax error in `solve_a`: integer literal out of range (32-bit)"
    );
    assert_eq!(
        python_error(&body("    O = x1 x2\n    return O\n")),
        "t.py:2:12: syntax error in `solve_a`: expected the end of the line after the assigned value, found `x2`"
    );
}

#[test]
fn unknown_names_suggest_the_closest_known_name() {
    assert_eq!(
        python_error(&body("    x1 = objcts(I, T, F, T)\n    return x1\n")),
        "t.py:2:10: unknown name in `solve_a`: `objcts` is not a local, the input, a DSL primitive or a DSL constant; did you mean `objects`?"
    );
    assert_eq!(
        python_error(&body("    O = vmirror(x9)\n    return O\n")),
        "t.py:2:17: unknown name in `solve_a`: `x9` is not a local, the input, a DSL primitive or a DSL constant"
    );
    // A local is known only after its assignment.
    assert_eq!(
        python_error(&body("    x1 = vmirror(x2)\n    x2 = I\n    return x1\n")).split(':').nth(1),
        Some("2")
    );
}

#[test]
fn wrong_arity_of_a_primitive_is_found_before_running() {
    assert_eq!(
        python_error(&body("    x1 = objects(I, T, F)\n    return x1\n")),
        "t.py:2:10: wrong arity in `solve_a`: `objects` takes 4 arguments, given 3"
    );
    assert_eq!(
        python_error(&body("    x1 = vmirror(I, I)\n    return x1\n")),
        "t.py:2:10: wrong arity in `solve_a`: `vmirror` takes 1 argument, given 2"
    );
    // Nested calls are checked too, at their own place.
    assert_eq!(
        python_error(&body("    O = vmirror(hmirror())\n    return O\n")),
        "t.py:2:17: wrong arity in `solve_a`: `hmirror` takes 1 argument, given 0"
    );
}

#[test]
fn python_outside_the_language_is_named() {
    assert_eq!(
        python_error(&body("    x1 = lambda x: x\n    return x1\n")),
        "t.py:2:10: unsupported in `solve_a`: `lambda` is not part of the program language (DSL calls, names, integers, tuples)"
    );
    assert_eq!(
        python_error(&body("    x1 = rbind(f=I, x=I)\n    return x1\n")),
        "t.py:2:16: unsupported in `solve_a`: keyword arguments are not part of the program language: pass arguments by position"
    );
    assert_eq!(
        python_error(&body("    x1 = size(I) + 1\n    return x1\n")),
        "t.py:2:18: unsupported in `solve_a`: `+` is not part of the program language: compute with DSL primitives (`add`, `equality`, `index`...)"
    );
    assert_eq!(
        python_error(&body("    if T:\n        return I\n    return I\n")).split(": ").nth(1),
        Some("unsupported in `solve_a`")
    );
}

#[test]
fn rust_form_errors_have_places_too() {
    let one = |text: &str| {
        let p = parse_rust(text, "t.rs");
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        p.errors[0].to_string()
    };
    let f = |body: &str| format!("#[solver(\"00000000\")]\nfn solve_a(I: Grid) -> Grid {{\n{body}\n}}\n");
    assert_eq!(
        one(&f("    let x1 = |x| x;\n    x1")),
        "t.rs:3:14: unsupported in `solve_a`: closures are not supported in run-time programs: build functions with `compose`, `fork`, `lbind`, `rbind`..."
    );
    assert_eq!(
        one(&f("    let x1 = objects(I, T);\n    x1")),
        "t.rs:3:14: wrong arity in `solve_a`: `objects` takes 4 arguments, given 2"
    );
    assert_eq!(
        one(&f("    let x1 = vmirrr(I);\n    x1")),
        "t.rs:3:14: unknown name in `solve_a`: `vmirrr` is not a local, the input, a DSL primitive or a DSL constant; did you mean `vmirror`?"
    );
    assert_eq!(one(&f("    let x1 = vmirror(I)\n    x1")), "t.rs:4:5: syntax error: expected `;`");
    assert_eq!(
        one(&f("    let x1 = if T { I } else { I };\n    x1")),
        "t.rs:3:14: unsupported in `solve_a`: `if` is not supported in run-time programs: use `branch(condition, a, b)`"
    );
}

#[test]
fn one_bad_program_never_stops_the_others() {
    let text = "from dsl import *\n\n\
        def solve_a(I):\n    x1 = objects(I, T, F, T\n    return x1\n\n\
        def solve_b(I):\n    O = vmirror(I)\n    return O\n\n\
        def solve_c(I):\n    O = vmirrr(I)\n    return O\n\n\
        stray text here\n\n\
        def solve_d(I):  # a comment\n    \"\"\"A docstring.\"\"\"\n    O = hmirror(I)\n    return O\n";
    let p = parse_python(text, "t.py");
    let names: Vec<&str> = p.programs.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["solve_b", "solve_d"]);
    let errors: Vec<(Option<&str>, u32, ErrorKind)> =
        p.errors.iter().map(|e| (e.program.as_deref(), e.pos.line, e.kind)).collect();
    assert_eq!(
        errors,
        [
            (Some("solve_a"), 4, ErrorKind::Syntax),
            (Some("solve_c"), 12, ErrorKind::UnknownName),
            (None, 15, ErrorKind::Syntax)
        ]
    );
}

#[test]
fn json_lines_name_the_line_and_keep_going() {
    let text = concat!(
        r#"{"task": null, "name": "solve_a", "source": "def solve_x(I):\n    O = vmirror(I)\n    return O\n"}"#,
        "\n",
        r#"{"task": 3}"#,
        "\n\nnot json\n",
        r#"{"task": "67a3c6ac", "name": "cand1", "source": "def solve_x(I):\n    O = vmirrr(I)\n    return O\n"}"#,
        "\n",
        r#"{"task": "67a3c6ac", "name": "cand2", "source": "def solve_x(I):\n    O = vmirror(I)\n    return O\n"}"#,
        "\n",
    );
    let p = parse_jsonl(text.as_bytes(), "<stdin>");
    let got: Vec<(&str, Option<&str>)> =
        p.programs.iter().map(|p| (p.name.as_str(), p.task.as_deref())).collect();
    assert_eq!(got, [("solve_a", None), ("cand2", Some("67a3c6ac"))]);
    let errors: Vec<String> = p.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        errors,
        [
            "<stdin>:2:10: bad JSON line: invalid type: integer `3`, expected a string (expected {\"task\": <id or null>, \"name\": ..., \"source\": ...})",
            "<stdin>:4:2: bad JSON line: expected ident (expected {\"task\": <id or null>, \"name\": ..., \"source\": ...})",
            "<stdin>#5:2:9: unknown name in `cand1`: `vmirrr` is not a local, the input, a DSL primitive or a DSL constant; did you mean `vmirror`?",
        ]
    );
}
