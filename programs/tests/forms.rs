//! The two source forms are one language: a solver's Rust body and its Python rendering compile to
//! the same steps; the emitted `#[solver]` text is valid Rust that the translator accepts, and gives
//! the very CUDA the registered solver was built from.

mod support;

#[test]
fn rust_and_python_forms_compile_to_the_same_steps() {
    let from_rust = support::solver_programs();
    assert_eq!(from_rust.len(), 400);
    for p in &from_rust {
        let python = p.render_python();
        let back = programs::parse_python(&python, "rendered.py");
        assert!(back.errors.is_empty(), "{}: {}", p.name, back.errors[0]);
        let q = &back.programs[0];
        assert_eq!((&q.name, &q.task), (&p.name, &p.task));
        assert_eq!(q.steps(), p.steps(), "{}", p.name);
        assert_eq!(q.result(), p.result(), "{}", p.name);
        // Rendering is a fixed point: the text says exactly what was parsed.
        assert_eq!(q.render_python(), python);
    }
}

#[test]
fn python_programs_use_the_dsl_as_arc_dsl_writes_it() {
    let text = "from dsl import *\nfrom constants import *\n\n\n\
        def solve_example(I):\n    x1 = objects(I, T, F, T)\n    x2 = compose(size, toindices)\n    \
        x3 = argmax(x1, x2)\n    x4 = power(rot90, TWO)\n    x5 = branch(T, x4, identity)\n    \
        x6 = fork(add, height, width)\n    x7 = lbind(multiply, x6(I))\n    x8 = rbind(astuple, -3)\n    \
        x9 = (x7(2), x8(1), (4,))\n    O = fill(x5(I), x6(x3), initset((0, 0)))\n    return O\n";
    let parsed = programs::parse_python(text, "example.py");
    assert!(parsed.errors.is_empty(), "{}", parsed.errors[0]);
    let p = &parsed.programs[0];
    assert_eq!(p.task, None);
    // Nested calls and tuples are steps of their own: 10 named values, x7's x6(I), x9's x7(2), x8(1)
    // and (4,), and O's x5(I), x6(x3), (0, 0) and initset.
    assert_eq!(p.steps().len(), 10 + 1 + 3 + 4);
    use kernels::{Ctx, Value};
    let ctx = Ctx::default();
    let g = ctx.grid_from(2, 3, &[1, 1, 0, 0, 2, 2]);
    let out = p.run(&ctx, Value::Grid(g));
    assert!(ctx.status().is_none(), "{:?}", ctx.status());
    // fill(rot180(I), height + width of the biggest object = 1 + 2, {(0, 0)})
    assert_eq!(format!("{out:?}"), "Grid2x3[320 011]");
}

#[test]
fn emitted_rust_solvers_parse_and_translate_to_the_registered_solvers_cuda() {
    for p in support::solver_programs() {
        let task = p.task.clone().unwrap();
        let text = p.render_rust_solver(&task);
        let file = syn::parse_file(&text).expect("valid Rust");
        let found = solver_translate::find_solvers(&quote_file(&file)).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].task, task);
        let t = p.to_cuda(&task).unwrap();
        let registered = solvers::get(&task).unwrap();
        assert_eq!(t.cuda, registered.cuda_source, "{}", p.name);
        assert_eq!(t.kernel, registered.cuda_kernel);
        // The same item, handed over already parsed, is the same program.
        let item = programs::parse_solver_item(&syn::parse_str(&text).unwrap(), &task, "item").unwrap();
        assert_eq!(item.steps(), p.steps());
        // Promoting a promoted program changes nothing.
        let again = programs::parse_rust(&text, "emitted.rs");
        assert!(again.errors.is_empty());
        assert_eq!(again.programs[0].steps(), p.steps());
        assert_eq!(again.programs[0].render_rust_solver(&task), text);
    }
}

fn quote_file(file: &syn::File) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    for item in &file.items {
        let _ = write!(s, "{}", quote::ToTokens::to_token_stream(item));
    }
    s
}

#[test]
fn names_reserved_by_a_target_language_are_renamed_consistently() {
    let text = "def solve_k(type):\n    box = vmirror(type)\n    ctx = box\n    x = move(ctx, ctx, (0, 0))\n    return x\n";
    let p = &programs::parse_python(text, "k.py").programs[0];
    let rust = p.render_rust_solver("00000000");
    assert_eq!(
        rust,
        "#[solver(\"00000000\")]\nfn solve_k(type_: Grid) -> Grid {\n    let box_ = vmirror(type_);\n    \
         let ctx_ = box_;\n    let x = r#move(ctx_, ctx_, (0, 0));\n    x\n}\n"
    );
    let t = p.to_cuda("00000000").unwrap();
    assert!(t.cuda.contains("auto x = move(ctx, ctx_, ctx_, make_tuple(ctx, 0, 0));"), "{}", t.cuda);
    // The Rust form means the same program.
    assert_eq!(programs::parse_rust(&rust, "k.rs").programs[0].steps(), p.steps());
}

#[test]
fn any_program_name_renders_as_an_identifier() {
    let line = r#"{"task": "00000000", "name": "candidate #7", "source": "def f(I):\n    O = vmirror(I)\n    return O\n"}"#;
    let p = &programs::parse_jsonl(line.as_bytes(), "<stdin>").programs[0];
    assert_eq!(p.name, "candidate #7");
    assert!(p.render_python().starts_with("def candidate__7(I):\n"));
    assert_eq!(p.to_cuda("00000000").unwrap().kernel, "candidate__7_kernel");
    // What the solver language lacks is an error value, not a panic.
    let q = &programs::parse_python("def solve_q(I):\n    O = rbind(hconcat, I)(I)\n    return O\n", "q.py")
        .programs[0];
    assert!(q
        .to_cuda("00000000")
        .unwrap_err()
        .to_string()
        .contains("call a primitive or a local function value by name"));
}
