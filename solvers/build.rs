//! Lists every `#[solver]` function of `src/tasks/*.rs` into `$OUT_DIR/registry.rs`, so that adding a
//! solver means writing one function. Duplicate task ids and unparsable files stop the build here.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("src/tasks");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    let mut mods = String::new();
    let mut entries = BTreeMap::new();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let stem = file.file_stem().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(file).unwrap();
        let found = solver_translate::find_solvers(&src)
            .unwrap_or_else(|e| panic!("{}: cannot parse: {e}", file.display()));
        let _ = writeln!(mods, "#[path = {:?}]\nmod {stem};", file.display().to_string());
        for f in found {
            let name = f.item.sig.ident.to_string();
            let konst = solver_translate::registry_const_name(&name);
            if let Some(prev) = entries.insert(f.task.clone(), (format!("{stem}::{konst}"), file.clone())) {
                panic!("task {} has two solvers: in {} and {}", f.task, prev.1.display(), file.display());
            }
        }
    }
    let mut out = mods;
    out.push_str("/// Every solver, sorted by task id.\npub static ALL: &[crate::Solver] = &[\n");
    for (path, _) in entries.values() {
        let _ = writeln!(out, "    {path},");
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("registry.rs");
    std::fs::write(dest, out).unwrap();
}
