//! # solver-translate — one solver body, two programs
//!
//! Translates the body of a `#[solver("<task>")] fn solve_x(I: Grid) -> Grid { ... }` into
//! - the CPU Rust function the `solvers` crate compiles (every DSL call gets the sample's context,
//!   a failure check follows every step), and
//! - the CUDA C++ `__device__` function of the same solver plus its batch kernel, for the GPU build
//!   (`kernels/gpu/build.rs`).
//!
//! Both outputs come from one walk over the same syntax tree, and every construct is handled for
//! both or rejected for both, so the GPU program cannot silently differ from the CPU one.
//! The solver language is a small, explicit subset of Rust:
//! `let` bindings, calls of DSL primitives and of local function values, primitives and constants as
//! values, integer and boolean literals, tuples, closures `|x| ...`, and `if c { a } else { b }`.
//! Anything else is a compile error on its exact span that says what to write instead.
//!
//! Which files hold solvers, which functions are solvers and what their attribute says is read in
//! one place, [`sources`], by all three readers: the macro, the `solvers` registry build and the GPU
//! build.
//!
//! ```
//! let item: syn::ItemFn = syn::parse_quote! {
//!     fn solve_68b16354(I: Grid) -> Grid {
//!         let O = hmirror(I);
//!         O
//!     }
//! };
//! let t = solver_translate::translate("68b16354", &item).unwrap();
//! assert!(t.cuda.contains("auto O = hmirror(ctx, I);"));
//! assert_eq!(t.kernel, "solve_68b16354_kernel");
//! ```

use std::collections::HashSet;
use std::fmt::Write as _;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Expr, ExprLit, FnArg, Ident, ItemFn, Lit, Pat, ReturnType, Stmt, Type, UnOp};

pub mod sources;
pub use sources::{find_solvers, parse_solver, read_solver_files, registry_source, FoundSolver, SolverFile};

/// The DSL primitives, by their arc-dsl names: a copy of `kernels::Prim::ALL` (the source), which this
/// crate cannot call from the proc-macro and the build script; `tests/one_list.rs` holds them equal.
pub const PRIMITIVES: &[&str] = &[
    "identity",
    "add",
    "subtract",
    "multiply",
    "divide",
    "invert",
    "even",
    "double",
    "halve",
    "flip",
    "equality",
    "contained",
    "combine",
    "intersection",
    "difference",
    "dedupe",
    "order",
    "repeat",
    "greater",
    "size",
    "merge",
    "maximum",
    "minimum",
    "valmax",
    "valmin",
    "argmax",
    "argmin",
    "mostcommon",
    "leastcommon",
    "initset",
    "both",
    "either",
    "increment",
    "decrement",
    "crement",
    "sign",
    "positive",
    "toivec",
    "tojvec",
    "sfilter",
    "mfilter",
    "extract",
    "totuple",
    "first",
    "last",
    "insert",
    "remove",
    "other",
    "interval",
    "astuple",
    "product",
    "pair",
    "branch",
    "compose",
    "chain",
    "matcher",
    "rbind",
    "lbind",
    "power",
    "fork",
    "apply",
    "rapply",
    "mapply",
    "papply",
    "mpapply",
    "prapply",
    "mostcolor",
    "leastcolor",
    "height",
    "width",
    "shape",
    "portrait",
    "colorcount",
    "colorfilter",
    "sizefilter",
    "asindices",
    "ofcolor",
    "ulcorner",
    "urcorner",
    "llcorner",
    "lrcorner",
    "crop",
    "toindices",
    "recolor",
    "shift",
    "normalize",
    "dneighbors",
    "ineighbors",
    "neighbors",
    "objects",
    "partition",
    "fgpartition",
    "uppermost",
    "lowermost",
    "leftmost",
    "rightmost",
    "square",
    "vline",
    "hline",
    "hmatching",
    "vmatching",
    "manhattan",
    "adjacent",
    "bordering",
    "centerofmass",
    "palette",
    "numcolors",
    "color",
    "toobject",
    "asobject",
    "rot90",
    "rot180",
    "rot270",
    "hmirror",
    "vmirror",
    "dmirror",
    "cmirror",
    "fill",
    "paint",
    "underfill",
    "underpaint",
    "hupscale",
    "vupscale",
    "upscale",
    "downscale",
    "hconcat",
    "vconcat",
    "subgrid",
    "hsplit",
    "vsplit",
    "cellwise",
    "replace",
    "switch",
    "center",
    "position",
    "index",
    "canvas",
    "corners",
    "connect",
    "cover",
    "trim",
    "move",
    "tophalf",
    "bottomhalf",
    "lefthalf",
    "righthalf",
    "vfrontier",
    "hfrontier",
    "backdrop",
    "delta",
    "gravitate",
    "inbox",
    "outbox",
    "box",
    "shoot",
    "occurrences",
    "frontiers",
    "compress",
    "hperiod",
    "vperiod",
];

/// The constants of arc-dsl's `constants.py`: a copy of `kernels::constants::ALL`'s names (the source),
/// held equal by `tests/one_list.rs`.
pub const CONSTANTS: &[&str] = &[
    "F",
    "T",
    "ZERO",
    "ONE",
    "TWO",
    "THREE",
    "FOUR",
    "FIVE",
    "SIX",
    "SEVEN",
    "EIGHT",
    "NINE",
    "TEN",
    "NEG_ONE",
    "NEG_TWO",
    "DOWN",
    "RIGHT",
    "UP",
    "LEFT",
    "ORIGIN",
    "UNITY",
    "NEG_UNITY",
    "UP_RIGHT",
    "DOWN_LEFT",
    "ZERO_BY_TWO",
    "TWO_BY_ZERO",
    "TWO_BY_TWO",
    "THREE_BY_THREE",
];

/// Primitive names that are keywords in one of the two languages, and what each language calls them
/// (`box`/`move` in Rust, `switch`/`double` in C++).
fn rust_prim_ident(name: &str, span: Span) -> Ident {
    match name {
        "box" | "move" => Ident::new_raw(name, span),
        _ => Ident::new(name, span),
    }
}
pub fn cuda_prim_name(name: &str) -> String {
    match name {
        "switch" => "switch_".into(),
        "double" => "double_".into(),
        _ => name.into(),
    }
}

/// Both programs of one solver.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The task id from `#[solver("...")]`.
    pub task: String,
    /// The solver function's name.
    pub name: String,
    /// The CUDA batch kernel's name (`<name>_kernel`).
    pub kernel: String,
    /// The CPU function (what `#[solver]` expands to, before the registry entry).
    pub rust: TokenStream,
    /// The CUDA C++ source: the `__device__` solver and its kernel instantiation.
    pub cuda: String,
    /// The DSL primitives the body uses (called or passed as values), for the GPU build to check.
    pub primitives: std::collections::BTreeSet<String>,
}

/// Locals in scope (the input, `let` bindings, closure parameters).
#[derive(Default, Clone)]
struct Scope {
    locals: HashSet<String>,
}

fn err<T>(span: Span, msg: impl std::fmt::Display) -> syn::Result<T> {
    Err(syn::Error::new(span, msg))
}

/// Translates one solver function.
pub fn translate(task: &str, item: &ItemFn) -> syn::Result<Translation> {
    check_task_id(task, item.sig.ident.span())?;
    let sig = &item.sig;
    if !sig.generics.params.is_empty() || sig.asyncness.is_some() || sig.unsafety.is_some() {
        return err(sig.span(), "a solver is a plain `fn solve_<task>(I: Grid) -> Grid`");
    }
    let input = match sig.inputs.iter().collect::<Vec<_>>().as_slice() {
        [FnArg::Typed(p)] => {
            let Pat::Ident(id) = &*p.pat else {
                return err(p.pat.span(), "name the input grid with a plain identifier, e.g. `I: Grid`");
            };
            if !is_type(&p.ty, "Grid") {
                return err(p.ty.span(), "the solver's input has type `Grid`");
            }
            id.ident.clone()
        }
        _ => return err(sig.inputs.span(), "a solver takes exactly one input: `I: Grid`"),
    };
    match &sig.output {
        ReturnType::Type(_, ty) if is_type(ty, "Grid") => {}
        _ => return err(sig.output.span(), "a solver returns `Grid`"),
    }
    let name = sig.ident.to_string();
    let mut scope = Scope::default();
    scope.locals.insert(input.to_string());
    let (rs_body, cu_body) = body(&item.block.stmts, &mut scope, item.block.span(), true)?;

    let ident = &sig.ident;
    let vis = &item.vis;
    let attrs = item.attrs.iter().filter(|a| !a.path().is_ident("solver"));
    let rust = quote! {
        #(#attrs)*
        #[allow(non_snake_case, unused_variables, clippy::all)]
        #vis fn #ident<'a>(ctx: &'a ::kernels::Ctx, #input: ::kernels::Value<'a>) -> ::kernels::Value<'a> {
            #rs_body
        }
    };
    let kernel = format!("{name}_kernel");
    let mut cuda = String::new();
    let _ = writeln!(
        cuda,
        "// Task {task}: `{name}`, generated by solver-translate. Do not edit: change the Rust solver."
    );
    let _ = writeln!(cuda, "ARC_DEVICE Grid {name}(Ctx& ctx, Grid {input}) {{");
    cuda.push_str(&indent(&cu_body, 1));
    let _ = writeln!(cuda, "}}");
    let _ = writeln!(cuda, "ARC_SOLVER_KERNEL({name})");
    let primitives = used_primitives(&item.block);
    Ok(Translation { task: task.to_string(), name, kernel, rust, cuda, primitives })
}

/// Primitive names among a body's identifiers (locals never shadow primitives in practice; if one
/// did, the GPU build would only be more conservative).
fn used_primitives(block: &syn::Block) -> std::collections::BTreeSet<String> {
    fn walk(ts: TokenStream, out: &mut std::collections::BTreeSet<String>) {
        for tt in ts {
            match tt {
                proc_macro2::TokenTree::Ident(id) => {
                    let name = dsl_name(&id);
                    if PRIMITIVES.contains(&name.as_str()) {
                        out.insert(name);
                    }
                }
                proc_macro2::TokenTree::Group(g) => walk(g.stream(), out),
                _ => {}
            }
        }
    }
    let mut out = std::collections::BTreeSet::new();
    walk(quote! { #block }, &mut out);
    out
}

fn check_task_id(task: &str, span: Span) -> syn::Result<()> {
    if task.len() == 8 && task.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()) {
        Ok(())
    } else {
        err(span, format!("`{task}` is not an ARC task id (8 lowercase hex digits, e.g. \"67a3c6ac\")"))
    }
}

fn is_type(ty: &Type, name: &str) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.is_ident(name))
}

fn indent(s: &str, levels: usize) -> String {
    let pad = "  ".repeat(levels);
    s.lines().map(|l| if l.is_empty() { "\n".to_string() } else { format!("{pad}{l}\n") }).collect()
}

/// A block of statements: `let`s then a final value (tail expression or `return`).
/// `solver_level` decides what a failure returns: the solver returns `None`, so does a closure.
fn body(
    stmts: &[Stmt],
    scope: &mut Scope,
    span: Span,
    solver_level: bool,
) -> syn::Result<(TokenStream, String)> {
    let mut rs = TokenStream::new();
    let mut cu = String::new();
    let Some((last, lets)) = stmts.split_last() else {
        return err(span, "a solver body ends with its result, e.g. `O`");
    };
    for stmt in lets {
        match stmt {
            Stmt::Local(local) => {
                let (name, ident) = let_name(&local.pat)?;
                let Some(init) = &local.init else {
                    return err(local.span(), "give every `let` a value: `let x1 = objects(I, T, F, T);`");
                };
                if init.diverge.is_some() {
                    return err(local.span(), "`let ... else` is not part of the solver language");
                }
                let (e_rs, e_cu) = expr(&init.expr, scope)?;
                rs.extend(quote_spanned! {local.span()=>
                    let #ident = #e_rs;
                    if ctx.failed() { return ::kernels::Value::None; }
                });
                let _ = writeln!(cu, "auto {name} = {e_cu};");
                scope.locals.insert(name);
            }
            Stmt::Expr(Expr::Return(_), _) => return err(stmt.span(), "`return` must be the last statement"),
            other => {
                return err(
                    other.span(),
                    "a solver step is `let name = <DSL call>;` (the body ends with its result)",
                )
            }
        }
    }
    let tail = match last {
        Stmt::Expr(Expr::Return(r), _) => match &r.expr {
            Some(e) => e.as_ref(),
            None => return err(r.span(), "return the output grid: `return O;`"),
        },
        Stmt::Expr(e, None) => e,
        other => return err(other.span(), "end the body with its result, e.g. `O`"),
    };
    let (t_rs, t_cu) = expr(tail, scope)?;
    rs.extend(t_rs);
    if solver_level {
        let _ = writeln!(cu, "return as_grid(ctx, {t_cu});");
    } else {
        let _ = writeln!(cu, "return {t_cu};");
    }
    Ok((rs, cu))
}

fn let_name(pat: &Pat) -> syn::Result<(String, Ident)> {
    match pat {
        Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => {
            Ok((p.ident.to_string(), p.ident.clone()))
        }
        Pat::Type(t) => err(t.ty.span(), "leave out the type: solver values are all DSL values"),
        _ => err(pat.span(), "bind one plain name per step: `let x1 = ...;`"),
    }
}

/// The name a path expression stands for, if it is a single identifier.
fn single_ident(e: &Expr) -> Option<&Ident> {
    match e {
        Expr::Path(p)
            if p.qself.is_none() && p.path.segments.len() == 1 && p.path.segments[0].arguments.is_none() =>
        {
            Some(&p.path.segments[0].ident)
        }
        _ => None,
    }
}

/// An identifier's DSL name (`r#box` is `box`).
fn dsl_name(id: &Ident) -> String {
    let s = id.to_string();
    s.strip_prefix("r#").map(str::to_string).unwrap_or(s)
}

fn expr(e: &Expr, scope: &Scope) -> syn::Result<(TokenStream, String)> {
    let span = e.span();
    match e {
        Expr::Paren(p) => expr(&p.expr, scope),
        Expr::Group(g) => expr(&g.expr, scope),
        Expr::Path(_) => {
            let Some(id) = single_ident(e) else {
                return err(span, "refer to DSL values by plain name: a local, a primitive or a constant");
            };
            name_value(id, scope)
        }
        Expr::Lit(l) => literal(&l.lit, false),
        Expr::Unary(u) if matches!(u.op, UnOp::Neg(_)) => match &*u.expr {
            Expr::Lit(l) => literal(&l.lit, true),
            _ => err(span, "negate with the DSL: `invert(x)`"),
        },
        Expr::Tuple(t) => {
            if t.elems.len() < 2 {
                return err(span, "a tuple has at least two elements; use `initset`/`astuple` otherwise");
            }
            let mut rs = Vec::new();
            let mut cu = Vec::new();
            for el in &t.elems {
                let (r, c) = expr(el, scope)?;
                rs.push(r);
                cu.push(c);
            }
            Ok((
                quote_spanned! {span=> ctx.tuple(&[#(#rs),*]) },
                format!("make_tuple(ctx, {})", cu.join(", ")),
            ))
        }
        Expr::Call(call) => {
            let Some(id) = single_ident(&call.func) else {
                return err(call.func.span(), "call a primitive or a local function value by name");
            };
            let name = dsl_name(id);
            let mut rs = Vec::new();
            let mut cu = Vec::new();
            for a in &call.args {
                let (r, c) = expr(a, scope)?;
                rs.push(r);
                cu.push(c);
            }
            let cu_args = if cu.is_empty() { String::new() } else { format!(", {}", cu.join(", ")) };
            if scope.locals.contains(&name) {
                // A call of a function value: one step, then the function, on both sides
                // (`kernels::func::call`, `call_value` in cuda/value.cuh).
                Ok((
                    quote_spanned! {span=> ::kernels::invoke(ctx, #id, &[#(#rs),*]) },
                    format!("call_value(ctx, {name}{cu_args})"),
                ))
            } else if PRIMITIVES.contains(&name.as_str()) {
                let f = rust_prim_ident(&name, id.span());
                // `power(f, TWO)`: a count known here lets C++ apply f that many times even when f
                // changes the value's type (`power(first, TWO)` of a pair of points); a runtime count
                // needs f to keep it.
                let cuda = match (name.as_str(), call.args.iter().nth(1).and_then(constant_int)) {
                    ("power", Some(k)) if k >= 1 => format!("power_k<{k}>(ctx, {})", cu[0]),
                    _ => format!("{}(ctx{cu_args})", cuda_prim_name(&name)),
                };
                Ok((quote_spanned! {span=> ::kernels::dsl::#f(ctx, #(#rs),*) }, cuda))
            } else {
                err(id.span(), unknown_name(&name))
            }
        }
        Expr::Closure(c) => closure(c, scope),
        Expr::If(i) => {
            let Some((_, else_branch)) = &i.else_branch else {
                return err(
                    span,
                    "an `if` in a solver is an expression with both branches: `if c { a } else { b }`",
                );
            };
            let (c_rs, c_cu) = expr(&i.cond, scope)?;
            let (a_rs, a_cu) = block_value(&i.then_branch.stmts, scope, i.then_branch.span())?;
            let (b_rs, b_cu) = match &**else_branch {
                Expr::Block(b) => block_value(&b.block.stmts, scope, b.span())?,
                other @ Expr::If(_) => expr(other, scope)?,
                other => return err(other.span(), "write the else branch as a block: `else { b }`"),
            };
            Ok((
                quote_spanned! {span=> if ::kernels::Value::truthy(#c_rs) { #a_rs } else { #b_rs } },
                format!("(truthy({c_cu}) ? {a_cu} : {b_cu})"),
            ))
        }
        Expr::Binary(b) => err(
            b.op.span(),
            "solvers compute with the DSL: `add(a, b)`, `equality(a, b)`, `greater(a, b)`, `both(a, b)`...",
        ),
        Expr::MethodCall(m) => {
            err(m.method.span(), "solvers call DSL primitives as functions: `f(x)`, not `x.f()`")
        }
        Expr::Macro(m) => err(m.span(), "macros are not part of the solver language"),
        Expr::Reference(r) => err(r.span(), "DSL values are passed by value: drop the `&`"),
        Expr::Block(b) => err(b.span(), "blocks are only allowed as branches of `if`/closures"),
        other => err(
            other.span(),
            "not part of the solver language (let, DSL calls, closures, literals, tuples, if/else)",
        ),
    }
}

/// The value of an integer literal or integer DSL constant (`TWO`), if `e` is one.
fn constant_int(e: &Expr) -> Option<i64> {
    match e {
        Expr::Lit(ExprLit { lit: Lit::Int(i), .. }) => i.base10_parse().ok(),
        Expr::Paren(p) => constant_int(&p.expr),
        _ => {
            let names =
                ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN"];
            let name = dsl_name(single_ident(e)?);
            names.iter().position(|n| *n == name).map(|k| k as i64)
        }
    }
}

/// A branch of an `if`: only a value, so both languages can make it an expression.
fn block_value(stmts: &[Stmt], scope: &Scope, span: Span) -> syn::Result<(TokenStream, String)> {
    match stmts {
        [Stmt::Expr(e, None)] => expr(e, scope),
        _ => err(span, "an `if` branch holds one value; compute its steps with `let` before the `if`"),
    }
}

fn literal(l: &Lit, negative: bool) -> syn::Result<(TokenStream, String)> {
    match l {
        Lit::Int(i) => {
            let v: i64 = i.base10_parse()?;
            let v = if negative { -v } else { v };
            let Ok(v) = i32::try_from(v) else {
                return err(i.span(), "integer literal out of i32 range");
            };
            let span = i.span();
            Ok((
                quote_spanned! {span=> ::kernels::Value::Int(#v) },
                if v < 0 { format!("({v})") } else { v.to_string() },
            ))
        }
        Lit::Bool(b) if !negative => {
            let v = b.value;
            let span = b.span();
            Ok((quote_spanned! {span=> ::kernels::Value::Bool(#v) }, v.to_string()))
        }
        other => err(other.span(), "solver literals are integers and booleans (`T`, `F`)"),
    }
}

fn name_value(id: &Ident, scope: &Scope) -> syn::Result<(TokenStream, String)> {
    let name = dsl_name(id);
    if scope.locals.contains(&name) {
        return Ok((quote! { #id }, name));
    }
    if CONSTANTS.contains(&name.as_str()) {
        return Ok((quote_spanned! {id.span()=> ::kernels::constants::#id }, name));
    }
    if PRIMITIVES.contains(&name.as_str()) {
        let f = rust_prim_ident(&name, id.span());
        return Ok((
            quote_spanned! {id.span()=> ::kernels::Value::prim(::kernels::Prim::#f) },
            cuda_prim_name(&name),
        ));
    }
    err(id.span(), unknown_name(&name))
}

fn unknown_name(name: &str) -> String {
    let close: Vec<&str> = PRIMITIVES.iter().chain(CONSTANTS).copied().filter(|p| similar(p, name)).collect();
    if close.is_empty() {
        format!("`{name}` is not a local, a DSL primitive or a DSL constant")
    } else {
        format!(
            "`{name}` is not a local, a DSL primitive or a DSL constant; did you mean `{}`?",
            close.join("`, `")
        )
    }
}

/// Typo match: edit distance at most 2 (and not a different short word).
fn similar(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) =
        (a.to_lowercase().chars().collect(), b.to_lowercase().chars().collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()] <= 2.min(a.len().min(b.len()) / 3)
}

fn closure(c: &syn::ExprClosure, scope: &Scope) -> syn::Result<(TokenStream, String)> {
    if c.asyncness.is_some() || c.constness.is_some() || c.movability.is_some() {
        return err(c.span(), "a solver closure is a plain `|x| ...`");
    }
    if let ReturnType::Type(_, t) = &c.output {
        return err(t.span(), "leave out the closure's return type");
    }
    let mut inner = scope.clone();
    let mut params = Vec::new();
    for p in &c.inputs {
        let (name, ident) = let_name(p)?;
        inner.locals.insert(name.clone());
        params.push((name, ident));
    }
    if params.is_empty() || params.len() > 4 {
        return err(c.inputs.span(), "a DSL function value takes 1 to 4 arguments");
    }
    let (b_rs, b_cu) = match &*c.body {
        Expr::Block(b) => body(&b.block.stmts, &mut inner, b.span(), false)?,
        e => {
            let (r, cu) = expr(e, &inner)?;
            (r, format!("return {cu};\n"))
        }
    };
    let n = params.len();
    let idents: Vec<&Ident> = params.iter().map(|(_, i)| i).collect();
    let ks = 0..n;
    let rs = quote_spanned! {c.span()=>
        ::kernels::func::closure(ctx, #n, move |ctx: &'a ::kernels::Ctx, args: &[::kernels::Value<'a>]|
            -> ::kernels::Value<'a> {
            #(let #idents = args[#ks];)*
            #b_rs
        })
    };
    let cu_params: Vec<String> = params.iter().map(|(n, _)| format!("auto {n}")).collect();
    let cu = format!("[=](Ctx& ctx, {}) {{\n{}}}", cu_params.join(", "), indent(&b_cu, 1));
    Ok((rs, cu))
}

/// The registry constant `#[solver]` emits beside each function.
pub fn registry_const_name(fn_name: &str) -> Ident {
    format_ident!("SOLVER_{}", fn_name.to_uppercase())
}

#[cfg(test)]
mod tests;
