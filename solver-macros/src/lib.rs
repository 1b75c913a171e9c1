//! # solver-macros — `#[solver("<task id>")]`
//!
//! Put on a DSL function `fn solve_<task>(I: Grid) -> Grid { ... }` in `solvers/src/tasks/`. From
//! that one body it emits
//! - the CPU function (`fn(&Ctx, Value) -> Value`, every step checked for failure),
//! - a registry entry `SOLVER_<NAME>: crate::Solver` (task id, names, CPU fn, CUDA kernel and source),
//!   which the `solvers` build script lists, so adding a solver touches nothing else,
//! - the CUDA C++ of the same solver, carried in the entry (`kernels/gpu/build.rs` compiles the same
//!   translation).
//!
//! The translation itself, and the reading of a solver (`solver_translate::sources`, shared with the
//! build scripts), live in the `solver-translate` library, unit-tested without compiling kernels.

use proc_macro::TokenStream;
use quote::quote;

#[proc_macro_attribute]
pub fn solver(attr: TokenStream, item: TokenStream) -> TokenStream {
    // The same reading of a solver as the build scripts' (`solver_translate::sources`).
    let read = solver_translate::parse_solver(attr.into(), item.into())
        .and_then(|found| Ok((solver_translate::translate(&found.task, &found.item)?, found.item)));
    let (t, func) = match read {
        Ok(both) => both,
        Err(e) => return e.to_compile_error().into(),
    };
    let rust = &t.rust;
    let ident = &func.sig.ident;
    let konst = solver_translate::registry_const_name(&t.name);
    let (task_id, name, kernel, cuda) = (&t.task, &t.name, &t.kernel, &t.cuda);
    quote! {
        #rust
        #[doc(hidden)]
        pub const #konst: crate::Solver = crate::Solver {
            task: #task_id,
            name: #name,
            cpu: #ident,
            cuda_kernel: #kernel,
            cuda_source: #cuda,
            file: file!(),
            line: line!(),
        };
    }
    .into()
}
