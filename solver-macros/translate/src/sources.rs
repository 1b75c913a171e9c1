//! The shape of the solver sources, read in this one place by all three readers: the `#[solver]`
//! macro ([`parse_solver`]), the registry build of the `solvers` crate and the GPU build of
//! `gpu-kernels` ([`read_solver_files`]).
//!
//! A solver source is a file `solvers/src/tasks/<module>.rs`; its solvers are its top-level
//! functions marked `#[solver("<task id>")]`, one per task over all the files. A marked function
//! anywhere else (inside a `mod`, an `impl` or a function body) or an attribute written any other
//! way would be expanded by the macro but missed by the registry and the GPU build, so it is an
//! error here that says what to write instead.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Attribute, ItemFn, LitStr};

/// A `#[solver("...")]` function: its task id and the function without that attribute (the item
/// the macro receives).
pub struct FoundSolver {
    pub task: String,
    pub item: ItemFn,
}

/// One solver source file, as the registry and the GPU build read it.
pub struct SolverFile {
    pub path: PathBuf,
    /// The module the registry declares for it: the file's stem (`s001_022`).
    pub module: String,
    /// Its solvers, in file order.
    pub solvers: Vec<FoundSolver>,
}

/// The task id of a `#[solver(...)]` attribute from its arguments: one string literal naming an
/// ARC task.
pub fn solver_task(args: TokenStream) -> syn::Result<String> {
    let lit: LitStr = syn::parse2(args)
        .map_err(|e| syn::Error::new(e.span(), "write the task as `#[solver(\"<task id>\")]`"))?;
    crate::check_task_id(&lit.value(), lit.span())?;
    Ok(lit.value())
}

/// What the `#[solver]` macro reads: the attribute's arguments and the function it marks.
pub fn parse_solver(args: TokenStream, item: TokenStream) -> syn::Result<FoundSolver> {
    let task = solver_task(args)?;
    let item: ItemFn = syn::parse2(item)?;
    Ok(FoundSolver { task, item })
}

/// `None` if `attr` is no solver attribute, else whether it is written plainly: `Some(true)` for
/// `#[solver(...)]`, `Some(false)` for a path such as `#[solver_macros::solver(...)]`.
fn solver_path(attr: &Attribute) -> Option<bool> {
    let path = attr.path();
    let last = path.segments.last()?;
    (last.ident == "solver").then(|| path.is_ident("solver"))
}

/// Finds the `#[solver("<task>")]` functions of a Rust source file, in file order.
pub fn find_solvers(source: &str) -> syn::Result<Vec<FoundSolver>> {
    let file = syn::parse_file(source)?;
    let mut out = Vec::new();
    for item in file.items {
        let syn::Item::Fn(mut f) = item else {
            Misplaced::check(&item)?;
            continue;
        };
        let marks: Vec<usize> =
            f.attrs.iter().enumerate().filter(|(_, a)| solver_path(a).is_some()).map(|(k, _)| k).collect();
        match marks.as_slice() {
            [] => Misplaced::check_fn(&f)?,
            [k] => {
                let attr = f.attrs.remove(*k);
                if solver_path(&attr) != Some(true) {
                    return Err(syn::Error::new(
                        attr.path().span(),
                        "write the attribute as `#[solver(\"<task id>\")]` (from `crate::prelude`): \
                         the registry and the GPU build read that form",
                    ));
                }
                let args = match &attr.meta {
                    syn::Meta::List(list) => list.tokens.clone(),
                    other => {
                        return Err(syn::Error::new(
                            other.span(),
                            "write the task as `#[solver(\"<task id>\")]`",
                        ))
                    }
                };
                let task = solver_task(args)?;
                Misplaced::check_fn(&f)?;
                out.push(FoundSolver { task, item: f });
            }
            [_, second, ..] => {
                return Err(syn::Error::new(f.attrs[*second].span(), "one `#[solver]` per function"))
            }
        }
    }
    Ok(out)
}

/// The first solver attribute inside an item (a nested module, an `impl`, a function body): the
/// macro would expand it, but only top-level functions are registered.
#[derive(Default)]
struct Misplaced(Option<Span>);

impl Misplaced {
    fn check(item: &syn::Item) -> syn::Result<()> {
        let mut m = Misplaced::default();
        m.visit_item(item);
        m.result()
    }
    fn check_fn(f: &ItemFn) -> syn::Result<()> {
        let mut m = Misplaced::default();
        m.visit_block(&f.block);
        m.result()
    }
    fn result(self) -> syn::Result<()> {
        match self.0 {
            None => Ok(()),
            Some(span) => Err(syn::Error::new(
                span,
                "a `#[solver]` function stands at the top level of its file in solvers/src/tasks/ \
                 (the registry and the GPU build only read those)",
            )),
        }
    }
}

impl<'ast> Visit<'ast> for Misplaced {
    fn visit_attribute(&mut self, attr: &'ast Attribute) {
        if self.0.is_none() && solver_path(attr).is_some() {
            self.0 = Some(attr.span());
        }
    }
}

/// Reads the solver sources: every `*.rs` of `dir`, sorted by name. The first problem (an
/// unreadable or unparsable file, a misplaced or malformed `#[solver]`, a file name that is no
/// module name, a task with two solvers) is one line naming the file.
pub fn read_solver_files(dir: &Path) -> Result<Vec<SolverFile>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .map(|e| e.map(|e| e.path()).map_err(|e| format!("cannot read {}: {e}", dir.display())))
        .collect::<Result<Vec<_>, _>>()?;
    paths.retain(|p| p.extension().is_some_and(|x| x == "rs"));
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        files.push(solver_file(path, &text)?);
    }
    check_one_solver_per_task(&files)?;
    Ok(files)
}

/// One solver source, already read.
pub fn solver_file(path: PathBuf, text: &str) -> Result<SolverFile, String> {
    let module = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    if syn::parse_str::<syn::Ident>(&module).is_err() {
        return Err(format!(
            "{}: the file name must be a Rust module name, e.g. `s401_450.rs`",
            path.display()
        ));
    }
    let solvers = find_solvers(text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(SolverFile { path, module, solvers })
}

/// Every task has at most one solver over all the files.
pub fn check_one_solver_per_task(files: &[SolverFile]) -> Result<(), String> {
    let mut seen: BTreeMap<&str, (&Path, String)> = BTreeMap::new();
    for file in files {
        for s in &file.solvers {
            let here = (file.path.as_path(), s.item.sig.ident.to_string());
            if let Some((path, name)) = seen.insert(&s.task, here) {
                return Err(format!(
                    "task {} has two solvers: `{name}` in {} and `{}` in {}",
                    s.task,
                    path.display(),
                    s.item.sig.ident,
                    file.path.display()
                ));
            }
        }
    }
    Ok(())
}

/// The `solvers` crate's registry source: a module per file and `ALL`, every entry the macro emits
/// ([`crate::registry_const_name`]) sorted by task id.
pub fn registry_source(files: &[SolverFile]) -> String {
    let mut out = String::new();
    let mut entries = BTreeMap::new();
    for file in files {
        let _ = writeln!(out, "#[path = {:?}]\nmod {};", file.path.display().to_string(), file.module);
        for s in &file.solvers {
            let konst = crate::registry_const_name(&s.item.sig.ident.to_string());
            entries.insert(s.task.as_str(), format!("{}::{konst}", file.module));
        }
    }
    out.push_str("/// Every solver, sorted by task id.\npub static ALL: &[crate::Solver] = &[\n");
    for path in entries.values() {
        let _ = writeln!(out, "    {path},");
    }
    out.push_str("];\n");
    out
}
