//! Translator tests: what each construct becomes in both languages, and the error path.

use super::sources::solver_file;
use super::*;
use syn::parse_quote;

fn cuda_of(item: ItemFn) -> String {
    translate("00d62c1b", &item).expect("translates").cuda
}

fn error_of(item: ItemFn) -> String {
    match translate("00d62c1b", &item) {
        Ok(_) => panic!("expected a translation error"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn steps_become_auto_bindings_and_rust_failure_checks() {
    let item: ItemFn = parse_quote! {
        fn solve_00d62c1b(I: Grid) -> Grid {
            let x1 = objects(I, T, F, F);
            let x2 = colorfilter(x1, ZERO);
            let x3 = rbind(bordering, I);
            let x4 = compose(flip, x3);
            let x5 = mfilter(x2, x4);
            let O = fill(I, FOUR, x5);
            O
        }
    };
    let t = translate("00d62c1b", &item).unwrap();
    insta::assert_snapshot!(t.cuda);
    let rs = t.rust.to_string();
    assert!(rs.contains(":: kernels :: dsl :: objects (ctx , I , :: kernels :: constants :: T"), "{rs}");
    assert!(rs.contains(":: kernels :: Value :: prim (:: kernels :: Prim :: bordering)"), "{rs}");
    assert_eq!(rs.matches("if ctx . failed ()").count(), 6, "one check per step: {rs}");
}

#[test]
fn closures_and_local_function_values() {
    let item: ItemFn = parse_quote! {
        fn solve_00d62c1b(I: Grid) -> Grid {
            let f = |x, y| add(x, y);
            let g = |p| { let q = f(p, 1); shift(q, (1, -2)) };
            let O = fill(I, 3, g(ofcolor(I, 1)));
            O
        }
    };
    let t = translate("00d62c1b", &item).unwrap();
    insta::assert_snapshot!(t.cuda);
    let rs = t.rust.to_string();
    assert!(rs.contains(":: kernels :: func :: closure (ctx , 2usize"), "{rs}");
    assert!(
        rs.contains(":: kernels :: invoke (ctx , f ,"),
        "local function values are called through invoke: {rs}"
    );
    assert!(
        rs.contains(
            "ctx . tuple (& [:: kernels :: Value :: Int (1i32) , :: kernels :: Value :: Int (- 2i32)])"
        ),
        "{rs}"
    );
}

#[test]
fn nested_higher_order_calls_and_keyword_primitives() {
    let item: ItemFn = parse_quote! {
        fn solve_00d62c1b(I: Grid) -> Grid {
            let x1 = lbind(lbind, shift);
            let x2 = fork(combine, r#box, compose(outbox, x1(ORIGIN)));
            let O = switch(r#move(I, first(objects(I, T, F, T)), UNITY), 1, 2);
            O
        }
    };
    let t = translate("00d62c1b", &item).unwrap();
    assert!(
        t.cuda.contains(
            "auto x2 = fork(ctx, combine, box, compose(ctx, outbox, call_value(ctx, x1, ORIGIN)));"
        ),
        "{}",
        t.cuda
    );
    assert!(
        t.cuda.contains("switch_(ctx, move(ctx, I, first(ctx, objects(ctx, I, T, F, T)), UNITY), 1, 2)"),
        "{}",
        t.cuda
    );
    let rs = t.rust.to_string();
    assert!(rs.contains(":: kernels :: dsl :: r#move (ctx"), "{rs}");
    assert!(rs.contains(":: kernels :: Prim :: r#box"), "{rs}");
}

#[test]
fn if_else_is_an_expression_in_both_languages() {
    let item: ItemFn = parse_quote! {
        fn solve_00d62c1b(I: Grid) -> Grid {
            let x1 = portrait(I);
            let O = if x1 { hmirror(I) } else { vmirror(I) };
            O
        }
    };
    let cu = cuda_of(item);
    assert!(cu.contains("auto O = (truthy(x1) ? hmirror(ctx, I) : vmirror(ctx, I));"), "{cu}");
}

#[test]
fn errors_point_at_what_to_write_instead() {
    let e = error_of(parse_quote! { fn solve_x(I: Grid) -> Grid { let x = size(I) + 1; x } });
    assert!(e.contains("add(a, b)"), "{e}");
    let e = error_of(parse_quote! { fn solve_x(I: Grid) -> Grid { let O = I.hmirror(); O } });
    assert!(e.contains("not `x.f()`"), "{e}");
    let e = error_of(parse_quote! { fn solve_x(I: Grid) -> Grid { let O = hmiror(I); O } });
    assert!(e.contains("did you mean `hmirror`"), "{e}");
    let e = error_of(parse_quote! { fn solve_x(I: Grid, J: Grid) -> Grid { I } });
    assert!(e.contains("exactly one input"), "{e}");
    let e = error_of(parse_quote! { fn solve_x(I: Grid) -> Grid { let x: Grid = I; x } });
    assert!(e.contains("leave out the type"), "{e}");
    let e = error_of(parse_quote! { fn solve_x(I: Grid) -> Grid { let O = if portrait(I) { I }; O } });
    assert!(e.contains("both branches"), "{e}");
    let e = error_of(parse_quote! { fn solve_x(I: Grid) -> Grid { let O = vec![I]; O } });
    assert!(e.contains("macros"), "{e}");
    let e = error_of(parse_quote! { fn solve_x(I: Grid) -> Grid { let O = fill(I, "3", I); O } });
    assert!(e.contains("integers and booleans"), "{e}");
}

#[test]
fn task_ids_are_checked() {
    let item: ItemFn = parse_quote! { fn solve_x(I: Grid) -> Grid { I } };
    let e = translate("00D62C1B", &item).unwrap_err().to_string();
    assert!(e.contains("not an ARC task id"), "{e}");
}

#[test]
fn finds_solvers_in_a_file() {
    let src = r#"
        use solver_macros::solver;
        /// Mirror.
        #[solver("67a3c6ac")]
        fn solve_67a3c6ac(I: Grid) -> Grid { let O = vmirror(I); O }
        fn helper() {}
        #[solver("68b16354")]
        fn solve_68b16354(I: Grid) -> Grid { hmirror(I) }
    "#;
    let found = find_solvers(src).unwrap();
    let tasks: Vec<_> = found.iter().map(|f| f.task.as_str()).collect();
    assert_eq!(tasks, ["67a3c6ac", "68b16354"]);
    // The item is what the macro receives: its other attributes, without `#[solver]`.
    let attrs: Vec<String> = found[0].item.attrs.iter().map(|a| quote!(#a).to_string()).collect();
    assert_eq!(attrs, ["# [doc = \" Mirror.\"]"]);
}

/// The macro and the build scripts read one solver the same way, so they translate it the same.
#[test]
fn the_macro_and_the_file_reader_see_the_same_solver() {
    let body = quote! { fn solve_67a3c6ac(I: Grid) -> Grid { let O = vmirror(I); O } };
    let from_macro = parse_solver(quote! { "67a3c6ac" }, body.clone()).unwrap();
    let from_file = find_solvers(&format!("#[solver(\"67a3c6ac\")]\n{body}")).unwrap().remove(0);
    assert_eq!(from_macro.task, from_file.task);
    let (a, b) = (&from_macro.item, &from_file.item);
    assert_eq!(quote!(#a).to_string(), quote!(#b).to_string());
    let (ta, tb) = (translate(&from_macro.task, a).unwrap(), translate(&from_file.task, b).unwrap());
    assert_eq!(ta.cuda, tb.cuda);
    assert_eq!(ta.rust.to_string(), tb.rust.to_string());
}

#[test]
fn solver_attributes_the_registry_would_miss_are_errors() {
    let error = |src: &str| match find_solvers(src) {
        Ok(found) => panic!("expected an error, found {} solvers in {src}", found.len()),
        Err(e) => e.to_string(),
    };
    let f = r#"fn solve_67a3c6ac(I: Grid) -> Grid { I }"#;
    let e = error(&format!("mod inner {{ #[solver(\"67a3c6ac\")] {f} }}"));
    assert!(e.contains("top level"), "{e}");
    let e = error(&format!("fn outer() {{ #[solver(\"67a3c6ac\")] {f} }}"));
    assert!(e.contains("top level"), "{e}");
    let e = error(&format!(
        "#[solver(\"67a3c6ac\")] fn outer(I: Grid) -> Grid {{ #[solver(\"68b16354\")] {f} I }}"
    ));
    assert!(e.contains("top level"), "{e}");
    let e = error(&format!("#[solver_macros::solver(\"67a3c6ac\")] {f}"));
    assert!(e.contains("write the attribute as"), "{e}");
    let e = error(&format!("#[solver] {f}"));
    assert!(e.contains("write the task as"), "{e}");
    let e = error(&format!("#[solver(67)] {f}"));
    assert!(e.contains("write the task as"), "{e}");
    let e = error(&format!("#[solver(\"67A3C6AC\")] {f}"));
    assert!(e.contains("not an ARC task id"), "{e}");
    let e = error(&format!("#[solver(\"67a3c6ac\")] #[solver(\"67a3c6ac\")] {f}"));
    assert!(e.contains("one `#[solver]`"), "{e}");
    // The macro's reading rejects the same arguments.
    let e = parse_solver(quote! { 67 }, f.parse().unwrap()).err().unwrap().to_string();
    assert!(e.contains("write the task as"), "{e}");
}

#[test]
fn files_tasks_and_the_registry() {
    let file = |name: &str, src: &str| solver_file(std::path::PathBuf::from(name), src);
    let a = file("tasks/a.rs", r#"#[solver("68b16354")] fn solve_68b16354(I: Grid) -> Grid { I }"#).unwrap();
    let b = file("tasks/b.rs", r#"#[solver("67a3c6ac")] fn solve_67a3c6ac(I: Grid) -> Grid { I }"#).unwrap();
    assert_eq!((a.module.as_str(), b.module.as_str()), ("a", "b"));
    let e = file("tasks/s-1.rs", "").err().unwrap();
    assert!(e.starts_with("tasks/s-1.rs: ") && e.contains("module name"), "{e}");
    let e = file("tasks/c.rs", "fn (").err().unwrap();
    assert!(e.starts_with("tasks/c.rs: "), "{e}");

    let registry = registry_source(&[a, b]);
    assert_eq!(
        registry,
        "#[path = \"tasks/a.rs\"]\nmod a;\n#[path = \"tasks/b.rs\"]\nmod b;\n\
         /// Every solver, sorted by task id.\npub static ALL: &[crate::Solver] = &[\n    \
         b::SOLVER_SOLVE_67A3C6AC,\n    a::SOLVER_SOLVE_68B16354,\n];\n"
    );

    let a = file("tasks/a.rs", r#"#[solver("68b16354")] fn solve_x(I: Grid) -> Grid { I }"#).unwrap();
    let b = file("tasks/b.rs", r#"#[solver("68b16354")] fn solve_y(I: Grid) -> Grid { I }"#).unwrap();
    let e = sources::check_one_solver_per_task(&[a, b]).unwrap_err();
    assert_eq!(e, "task 68b16354 has two solvers: `solve_x` in tasks/a.rs and `solve_y` in tasks/b.rs");
}

/// The real solver sources read cleanly: every ARC training task once, every solver translatable.
#[test]
fn the_solver_sources_read_and_translate() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../solvers/src/tasks");
    let files = read_solver_files(&dir).unwrap();
    let solvers: Vec<&FoundSolver> = files.iter().flat_map(|f| &f.solvers).collect();
    assert!(solvers.len() >= 400, "{} solvers", solvers.len());
    for s in solvers {
        translate(&s.task, &s.item).unwrap_or_else(|e| panic!("{}: {e}", s.task));
    }
}

#[test]
fn power_with_a_constant_count_is_unrolled_for_cuda() {
    let item: ItemFn = parse_quote! {
        fn solve_00d62c1b(I: Grid) -> Grid {
            let x1 = power(first, TWO);
            let x2 = power(outbox, 3);
            let x3 = power(rot90, size(I));
            let O = x1(I);
            O
        }
    };
    let t = translate("00d62c1b", &item).unwrap();
    // a known count lets C++ change the value's type at each application
    assert!(t.cuda.contains("auto x1 = power_k<2>(ctx, first);"), "{}", t.cuda);
    assert!(t.cuda.contains("auto x2 = power_k<3>(ctx, outbox);"), "{}", t.cuda);
    // a count known only at run time keeps the type-preserving loop
    assert!(t.cuda.contains("auto x3 = power(ctx, rot90, size(ctx, I));"), "{}", t.cuda);
    // the CPU always calls the dynamic primitive
    assert_eq!(t.rust.to_string().matches(":: kernels :: dsl :: power (ctx").count(), 3);
    assert!(t.primitives.contains("power"));
}
