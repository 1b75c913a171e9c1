//! Lists every `#[solver]` function of `src/tasks/*.rs` into `$OUT_DIR/registry.rs`, so that adding a
//! solver means writing one function. The files are read as the macro and the GPU build read them
//! (`solver_translate::sources`); an unparsable file, a misplaced `#[solver]` or a task with two
//! solvers stops the build here.

use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("src/tasks");
    println!("cargo:rerun-if-changed={}", dir.display());
    let files = solver_translate::read_solver_files(&dir).unwrap_or_else(|e| panic!("{e}"));
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.path.display());
    }
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("registry.rs");
    std::fs::write(dest, solver_translate::registry_source(&files)).unwrap();
}
