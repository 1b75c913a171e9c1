//! # programs — DSL programs at run time
//!
//! Candidate programs arrive as text (an LLM sampler's output, a generator's file, a search's
//! enumeration) and are run without rebuilding arcforge:
//! - **parsed** from arc-dsl's own Python form (`def solve_<name>(I):`, one `x = f(...)` per line,
//!   `return O`; many programs per file), from the project's `#[solver("<task>")]` Rust form, or
//!   from JSON lines `{"task": ..., "name": ..., "source": ...}` ([`parse_jsonl`]);
//! - **checked** before running: syntax, names (locals, the input, the DSL's primitives and
//!   constants) and primitive arities ([`kernels::Prim::arity`]); each problem is one
//!   [`ProgramError`] naming the origin, `line:column` and program, and one bad program never stops
//!   the others ([`ParsedPrograms`] holds every good program and every error);
//! - **compiled** to a step list ([`Step`]: a primitive call, a call of a function value, or a tuple;
//!   arguments are earlier steps, the input, or values known up front);
//! - **interpreted** on the CPU over the kernels' primitives only ([`Program::run`]): no primitive is
//!   implemented twice, failures land in the [`kernels::Ctx`] exactly as the compiled solvers record
//!   them, and a runaway program stops at the context's step budget (`Limits::max_steps`), which the
//!   primitives charge (programs are straight-line: only `power`, `apply`... loop);
//! - **rendered** back as Python ([`Program::render_python`]), as a `#[solver]` Rust function
//!   ([`Program::render_rust_solver`]), and as the CUDA that `#[solver]` would generate
//!   ([`Program::to_cuda`]), for NVRTC.
//!
//! The Python reader is a small hand-written lexer and recursive-descent parser (see `src/python.rs`'s
//! header): the language is one assignment per line, for which a full Python parser would be a large
//! dependency whose general tree must still be restricted to this subset. The Rust form is read with
//! syn, the crate the `#[solver]` macro uses.
//!
//! ```
//! use kernels::{Ctx, Value};
//! let parsed = programs::parse_python(
//!     "def solve_example(I):\n    x1 = rbind(upscale, TWO)\n    O = x1(I)\n    return O\n",
//!     "example.py",
//! );
//! assert!(parsed.errors.is_empty());
//! let program = &parsed.programs[0];
//! let ctx = Ctx::default();
//! let input = Value::Grid(ctx.grid_from(1, 2, &[3, 4]));
//! let Value::Grid(out) = program.run(&ctx, input) else { panic!("not a grid") };
//! assert_eq!((out.h, out.w, out.cells), (2, 4, &[3, 3, 4, 4, 3, 3, 4, 4][..]));
//! ```
//!
//! Errors are values, one line each:
//!
//! ```
//! let parsed = programs::parse_python("def solve_a(I):\n    O = objects(I, T)\n    return O\n", "a.py");
//! assert_eq!(parsed.errors[0].to_string(), "a.py:2:9: wrong arity in `solve_a`: `objects` takes 4 arguments, given 2");
//! ```
//!
//! A failing step is known by its place:
//!
//! ```
//! use kernels::{Ctx, FailKind, Value};
//! let parsed = programs::parse_python("def solve_b(I):\n    x1 = objects(I, T, F, T)\n    x2 = first(x1)\n    return x2\n", "b.py");
//! let ctx = Ctx::default();
//! let empty = Value::Grid(ctx.grid_from(1, 1, &[0]));
//! let run = parsed.programs[0].run_traced(&ctx, empty);
//! assert_eq!(ctx.status().unwrap().kind, FailKind::Empty);
//! assert_eq!(parsed.programs[0].step_pos(run.failed_step.unwrap()).to_string(), "3:10");
//! ```
//!
//! And programs render to the other forms:
//!
//! ```
//! let parsed = programs::parse_python("def solve_67a3c6ac(I):\n    O = vmirror(I)\n    return O\n", "p.py");
//! let p = &parsed.programs[0];
//! assert_eq!(p.task.as_deref(), Some("67a3c6ac"));
//! assert_eq!(p.render_rust_solver("67a3c6ac"),
//!     "#[solver(\"67a3c6ac\")]\nfn solve_67a3c6ac(I: Grid) -> Grid {\n    let O = vmirror(I);\n    O\n}\n");
//! assert!(p.to_cuda("67a3c6ac").unwrap().cuda.contains("auto O = vmirror(ctx, I);"));
//! ```

mod ast;
mod compile;
mod error;
mod interp;
mod jsonl;
mod python;
mod render;
mod rust_form;

use std::path::Path;

pub use compile::{Const, Op, Operand, Step, MAX_ARGS};
pub use error::{ErrorKind, Pos, ProgramError};
pub use interp::Outcome;
pub use jsonl::parse_jsonl;

/// One compiled program.
#[derive(Clone, Debug)]
pub struct Program {
    /// The function's name (`solve_67a3c6ac`), or the name a JSON line gave it.
    pub name: String,
    /// The task it is written for: `#[solver("<id>")]`, a JSON line's `task`, or a name
    /// `solve_<8 hex digits>`; `None` otherwise.
    pub task: Option<String>,
    /// Where its text came from (a path, `<stdin>:3`).
    pub origin: String,
    /// The `def`/`fn` line's place in that text.
    pub pos: Pos,
    steps: Vec<Step>,
    result: Operand,
    positions: Vec<Pos>,
    def: ast::Def,
}

impl Program {
    /// The step list the interpreter runs (read-only: every slot a step names is an earlier one).
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// What the program returns.
    pub fn result(&self) -> Operand {
        self.result
    }

    /// Where step `k` is written (the called function's name).
    pub fn step_pos(&self, k: usize) -> Pos {
        self.positions.get(k).copied().unwrap_or(self.pos)
    }
}

/// Everything read from one text: every program that compiled and every problem, in text order.
#[derive(Clone, Debug, Default)]
pub struct ParsedPrograms {
    pub programs: Vec<Program>,
    pub errors: Vec<ProgramError>,
}

/// `solve_<8 lowercase hex digits>` names its task.
pub(crate) fn task_of_name(name: &str) -> Option<String> {
    let id = name.strip_prefix("solve_")?;
    (id.len() == 8 && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .then(|| id.to_string())
}

fn collect(defs: Vec<Result<ast::Def, (Option<String>, error::LocalError)>>, origin: &str) -> ParsedPrograms {
    let mut out = ParsedPrograms::default();
    for d in defs {
        let def = match d {
            Ok(def) => def,
            Err((name, e)) => {
                out.errors.push(e.into_error(origin, name.as_deref()));
                continue;
            }
        };
        match compile::compile(&def) {
            Ok(c) => out.programs.push(Program {
                name: def.name.clone(),
                task: def.task.clone().or_else(|| task_of_name(&def.name)),
                origin: origin.to_string(),
                pos: def.pos,
                steps: c.steps,
                result: c.result,
                positions: c.positions,
                def,
            }),
            Err(e) => out.errors.push(e.into_error(origin, Some(&def.name))),
        }
    }
    out
}

/// Programs in arc-dsl's Python form (`origin` names the text in messages).
pub fn parse_python(text: &str, origin: &str) -> ParsedPrograms {
    collect(python::parse(text), origin)
}

/// Programs in the `#[solver("<task>")] fn solve_x(I: Grid) -> Grid { ... }` form: every `fn` with
/// that attribute or named `solve_*`. A file syn cannot parse is one error.
pub fn parse_rust(text: &str, origin: &str) -> ParsedPrograms {
    collect(rust_form::parse(text), origin)
}

/// Either form, told apart by the first word (`def`, `from`, `import` are Python).
pub fn parse_source(text: &str, origin: &str) -> ParsedPrograms {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#') || l.starts_with("#["))
        .unwrap_or("");
    let python = ["def ", "from ", "import ", "\"", "'"].iter().any(|k| first.starts_with(k));
    if python || first.is_empty() {
        parse_python(text, origin)
    } else {
        parse_rust(text, origin)
    }
}

/// One `#[solver]` function already parsed by syn (e.g. from `solver_translate::find_solvers`).
pub fn parse_solver_item(item: &syn::ItemFn, task: &str, origin: &str) -> Result<Program, ProgramError> {
    let name = item.sig.ident.to_string();
    let def =
        rust_form::item_fn(item, Some(task.to_string())).map_err(|e| e.into_error(origin, Some(&name)))?;
    let mut parsed = collect(vec![Ok(def)], origin);
    match parsed.errors.pop() {
        Some(e) => Err(e),
        None => Ok(parsed.programs.remove(0)),
    }
}

/// Programs as one arc-dsl `solvers.py`-style file: its two imports, then each program after two
/// blank lines.
pub fn python_file<'p>(programs: impl IntoIterator<Item = &'p Program>) -> String {
    let mut out = String::from("from dsl import *\nfrom constants import *\n");
    for p in programs {
        out.push_str("\n\n");
        out.push_str(&p.render_python());
    }
    out
}

/// Reads a file of programs: `.py` is the Python form, `.rs` the Rust form, `.jsonl` JSON lines,
/// anything else is told apart by [`parse_source`]. Only an unreadable file is an `Err`.
pub fn parse_file(path: &Path) -> std::io::Result<ParsedPrograms> {
    let origin = path.display().to_string();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext == "jsonl" {
        let f = std::fs::File::open(path)?;
        return Ok(parse_jsonl(std::io::BufReader::new(f), &origin));
    }
    let text = std::fs::read_to_string(path)?;
    Ok(match ext {
        "py" => parse_python(&text, &origin),
        "rs" => parse_rust(&text, &origin),
        _ => parse_source(&text, &origin),
    })
}
