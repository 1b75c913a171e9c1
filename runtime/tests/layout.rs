//! The one-way house (see the crate doc): every `use crate::...`/`use super::...` of a wing's file
//! points to its own wing or a wing below (data < engine < backends < commands), no command uses
//! another command, and no files import each other in a loop.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const WINGS: [&str; 4] = ["data", "engine", "backends", "commands"];

/// Each file of runtime/src/<wing>/ (as "wing/file") and the files it imports, test modules aside.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    for wing in WINGS {
        for entry in std::fs::read_dir(src.join(wing)).unwrap() {
            let path = entry.unwrap().path();
            let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
            if stem != "mod" {
                files.insert(format!("{wing}/{stem}"), std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let names: BTreeSet<String> = files.keys().cloned().collect();
    files
        .iter()
        .map(|(me, text)| {
            let code = text.split("#[cfg(test)]").next().unwrap();
            let wing = me.split('/').next().unwrap();
            let mut deps = BTreeSet::new();
            for line in code.lines().map(str::trim) {
                let Some(path) = line.strip_prefix("use ").or_else(|| line.strip_prefix("pub use ")) else {
                    continue;
                };
                let path = path.replace("super::", &format!("crate::{wing}::"));
                let Some(rest) = path.strip_prefix("crate::") else { continue };
                let parts: Vec<&str> = rest.split("::").collect();
                if parts.len() >= 2 {
                    let target = format!("{}/{}", parts[0], parts[1].trim_end_matches([';', ',']));
                    let target = target.split(['{', ' ']).next().unwrap().to_string();
                    if names.contains(&target) && target != *me {
                        deps.insert(target);
                    }
                }
            }
            (me.clone(), deps)
        })
        .collect()
}

#[test]
fn wings_point_only_down_and_commands_stand_alone() {
    let rank = |f: &str| WINGS.iter().position(|w| f.starts_with(&format!("{w}/"))).unwrap();
    let all = imports();
    assert!(all.len() > 20, "found only {} files", all.len());
    for (file, deps) in &all {
        for dep in deps {
            assert!(rank(dep) <= rank(file), "{file} imports {dep}, a wing above it");
            assert!(!(file.starts_with("commands/") && dep.starts_with("commands/")), "{file} imports {dep}");
        }
    }
}

#[test]
fn no_files_import_each_other_in_a_loop() {
    let all = imports();
    // Repeatedly drop files that import nothing left: whatever remains sits on a loop.
    let mut left = all.clone();
    loop {
        let leaves: Vec<String> = left
            .iter()
            .filter(|(_, d)| d.iter().all(|x| !left.contains_key(x)))
            .map(|(f, _)| f.clone())
            .collect();
        if leaves.is_empty() {
            break;
        }
        leaves.iter().for_each(|f| {
            left.remove(f);
        });
    }
    assert!(left.is_empty(), "files importing each other in a loop: {:?}", left.keys().collect::<Vec<_>>());
    // The engine's orchestrator does use its parts (the parser sees `use super::...`).
    assert!(
        all["engine/exec"].contains("engine/schedule") && all["engine/redo"].contains("engine/cpu_worker")
    );
}
