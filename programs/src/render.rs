//! Programs as text again: arc-dsl Python (`def solve_x(I): ... return O`), a `#[solver("<task>")]`
//! Rust function (the form `solvers/src/tasks/*.rs` compiles, so a found program is promoted by
//! copying one file), and through that Rust form, the CUDA of `solver_translate::translate`.
//!
//! Locals keep their names unless the target language reserves them (a Python local called `type`
//! is a Rust keyword; `ctx` is the generated code's context): those get a `_` suffix.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::ast::{Def, Expr};
use crate::Program;

const PYTHON_RESERVED: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Rust keywords, C++ keywords and the names the generated Rust/CUDA use themselves.
const RUST_CUDA_RESERVED: &[&str] = &[
    "as",
    "break",
    "const",
    "continue",
    "crate",
    "else",
    "enum",
    "extern",
    "false",
    "fn",
    "for",
    "if",
    "impl",
    "in",
    "let",
    "loop",
    "match",
    "mod",
    "move",
    "mut",
    "pub",
    "ref",
    "return",
    "self",
    "Self",
    "static",
    "struct",
    "super",
    "trait",
    "true",
    "type",
    "unsafe",
    "use",
    "where",
    "while",
    "async",
    "await",
    "dyn",
    "abstract",
    "become",
    "box",
    "do",
    "final",
    "macro",
    "override",
    "priv",
    "typeof",
    "unsized",
    "virtual",
    "yield",
    "try",
    "gen",
    "_",
    "auto",
    "bool",
    "case",
    "catch",
    "char",
    "class",
    "default",
    "delete",
    "double",
    "float",
    "friend",
    "goto",
    "inline",
    "int",
    "long",
    "namespace",
    "new",
    "operator",
    "private",
    "protected",
    "public",
    "register",
    "short",
    "signed",
    "sizeof",
    "switch",
    "template",
    "this",
    "throw",
    "typedef",
    "typename",
    "union",
    "unsigned",
    "void",
    "volatile",
    "ctx",
    "args",
    "Grid",
    "Value",
    "Ctx",
];

/// New names for the locals (input and assignment targets) that `reserved` forbids.
fn renames(def: &Def, reserved: &[&str]) -> HashMap<String, String> {
    let mut used: HashSet<String> =
        std::iter::once(def.input.clone()).chain(def.body.iter().map(|a| a.target.clone())).collect();
    let mut out = HashMap::new();
    let locals: Vec<&String> =
        std::iter::once(&def.input).chain(def.body.iter().map(|a| &a.target)).collect();
    for l in locals {
        if reserved.contains(&l.as_str()) && !out.contains_key(l) {
            let mut n = format!("{l}_");
            while used.contains(&n) || reserved.contains(&n.as_str()) {
                n.push('_');
            }
            used.insert(n.clone());
            out.insert(l.clone(), n);
        }
    }
    out
}

struct Renderer<'d> {
    names: HashMap<String, String>,
    /// Locals in scope so far (names that refer to a local rather than a primitive).
    locals: HashSet<&'d str>,
    rust: bool,
}

impl<'d> Renderer<'d> {
    fn name(&self, n: &str) -> String {
        if self.locals.contains(n) {
            return self.names.get(n).cloned().unwrap_or_else(|| n.to_string());
        }
        if self.rust && (n == "box" || n == "move") {
            return format!("r#{n}");
        }
        n.to_string()
    }

    fn expr(&self, e: &Expr, out: &mut String) {
        match e {
            Expr::Name(n, _) => out.push_str(&self.name(n)),
            Expr::Int(v, _) => {
                let _ = write!(out, "{v}");
            }
            Expr::Bool(b, _) => out.push_str(match (self.rust, b) {
                (true, true) => "true",
                (true, false) => "false",
                (false, true) => "True",
                (false, false) => "False",
            }),
            Expr::Tuple(items, _) => {
                out.push('(');
                for (k, x) in items.iter().enumerate() {
                    if k > 0 {
                        out.push_str(", ");
                    }
                    self.expr(x, out);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Expr::Call(f, args, _) => {
                let bracket = !matches!(**f, Expr::Name(..) | Expr::Call(..));
                if bracket {
                    out.push('(');
                }
                self.expr(f, out);
                if bracket {
                    out.push(')');
                }
                out.push('(');
                for (k, x) in args.iter().enumerate() {
                    if k > 0 {
                        out.push_str(", ");
                    }
                    self.expr(x, out);
                }
                out.push(')');
            }
        }
    }
}

/// The program's name as an identifier of the target language (a JSON line may name a program
/// `candidate 7`): other characters become `_`, a leading digit or a reserved word gets a `_`.
fn function_name(name: &str, reserved: &[&str]) -> String {
    let mut n: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
    if n.is_empty() || n.starts_with(|c: char| c.is_ascii_digit()) {
        n.insert(0, '_');
    }
    if reserved.contains(&n.as_str()) {
        n.push('_');
    }
    n
}

fn render(def: &Def, name: &str, rust: bool, task: &str) -> String {
    let reserved = if rust { RUST_CUDA_RESERVED } else { PYTHON_RESERVED };
    let fn_name = function_name(name, reserved);
    let mut r = Renderer { names: renames(def, reserved), locals: HashSet::new(), rust };
    r.locals.insert(&def.input);
    let input = r.name(&def.input);
    let mut out = String::new();
    if rust {
        let _ = writeln!(out, "#[solver(\"{task}\")]\nfn {fn_name}({input}: Grid) -> Grid {{");
    } else {
        let _ = writeln!(out, "def {fn_name}({input}):");
    }
    for a in &def.body {
        let mut value = String::new();
        r.expr(&a.value, &mut value);
        r.locals.insert(&a.target);
        let target = r.name(&a.target);
        if rust {
            let _ = writeln!(out, "    let {target} = {value};");
        } else {
            let _ = writeln!(out, "    {target} = {value}");
        }
    }
    let mut result = String::new();
    r.expr(&def.result, &mut result);
    if rust {
        let _ = writeln!(out, "    {result}\n}}");
    } else {
        let _ = writeln!(out, "    return {result}");
    }
    out
}

impl Program {
    /// The program in arc-dsl's Python form (`def ...:` to `return ...`, newline-terminated).
    pub fn render_python(&self) -> String {
        render(&self.def, &self.def.name, false, "")
    }

    /// The program as a `#[solver("<task>")]` function for `solvers/src/tasks/` (`--emit-rust`).
    pub fn render_rust_solver(&self, task: &str) -> String {
        render(&self.def, &self.def.name, true, task)
    }

    /// [`Program::render_rust_solver`] with the function called `name` instead of the program's own
    /// name (a program found for a task it does not name is promoted as `solve_<task>`; a GPU
    /// module needs one kernel name per program).
    pub fn render_rust_solver_named(&self, task: &str, name: &str) -> String {
        render(&self.def, name, true, task)
    }

    /// The Rust form as a syn item, e.g. for `solver_translate::translate`.
    pub fn to_item_fn(&self, task: &str) -> syn::Result<syn::ItemFn> {
        let text = self.render_rust_solver(task);
        syn::parse_str(&text)
    }

    /// The CUDA C++ (and CPU Rust) of this program, exactly as `#[solver]` would translate its
    /// Rust form: `translation.cuda` is what NVRTC compiles, `translation.kernel` its kernel's name.
    /// An error for what the solver language lacks: tuples of fewer than two items, calls of
    /// anything but a name (`rbind(f, x)(y)`: bind it to a local first), a task that is not an id.
    pub fn to_cuda(&self, task: &str) -> syn::Result<solver_translate::Translation> {
        solver_translate::translate(task, &self.to_item_fn(task)?)
    }

    /// [`Program::to_cuda`] with the device function called `name` (its kernel `<name>_kernel`), so
    /// that many programs, even of one task or one name, share a CUDA module.
    pub fn to_cuda_named(&self, task: &str, name: &str) -> syn::Result<solver_translate::Translation> {
        solver_translate::translate(task, &syn::parse_str(&self.render_rust_solver_named(task, name))?)
    }
}
