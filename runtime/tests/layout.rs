//! The one-way house (see the crate doc): every path a wing's file names points to its own wing or a
//! wing below (data < engine < backends < commands), no command uses another command, and no files
//! import each other in a loop.
//!
//! A file's paths are read from its tokens, test modules aside (comments and string literals are not
//! code): `use` lines with their `{...}` groups, and paths written in the code and inside macros
//! (`super::load::shown(..)` in a `format!`). A name re-exported by a wing's `mod.rs` or the crate
//! root (`crate::engine::Job`, `crate::execute`) counts as the file it comes from.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use quote::ToTokens;

const WINGS: [&str; 4] = ["data", "engine", "backends", "commands"];

/// What a path leads to: a file of a wing ("engine/exec") or only a wing ("engine").
type Target = String;

/// The runtime's files as modules: "wing/file" -> the file's tokens (test modules removed), and the
/// names `lib.rs` and each wing's `mod.rs` re-export, as absolute module paths.
struct House {
    files: BTreeMap<String, TokenStream>,
    reexports: BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>>,
}

fn parse(path: &Path) -> syn::File {
    let text = std::fs::read_to_string(path).unwrap();
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("cfg") && a.parse_args::<syn::Ident>().is_ok_and(|i| i == "test"))
}

/// The names a `pub use` tree brings into `module`, with the absolute path of each.
fn use_tree(tree: &syn::UseTree, mut prefix: Vec<String>, out: &mut BTreeMap<String, Vec<String>>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            use_tree(&p.tree, prefix, out);
        }
        syn::UseTree::Name(n) => {
            let name = n.ident.to_string();
            if name == "self" {
                if let Some(last) = prefix.last() {
                    out.insert(last.clone(), prefix.clone());
                }
            } else {
                prefix.push(name.clone());
                out.insert(name, prefix);
            }
        }
        syn::UseTree::Rename(r) => {
            prefix.push(r.ident.to_string());
            out.insert(r.rename.to_string(), prefix);
        }
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| use_tree(t, prefix.clone(), out)),
        syn::UseTree::Glob(_) => {}
    }
}

/// The `pub use` re-exports of a module file (`lib.rs`, a wing's `mod.rs`) at `module`.
fn reexports(file: &syn::File, module: &[String]) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for item in &file.items {
        if let syn::Item::Use(u) = item {
            if matches!(u.vis, syn::Visibility::Public(_)) {
                let tree = &u.tree;
                // A module file's `use` paths are relative to it, or start at `crate`.
                let start = match tree {
                    syn::UseTree::Path(p) if p.ident == "crate" => {
                        let mut names = BTreeMap::new();
                        use_tree(&p.tree, Vec::new(), &mut names);
                        out.extend(names);
                        continue;
                    }
                    _ => module.to_vec(),
                };
                use_tree(tree, start, &mut out);
            }
        }
    }
    out
}

fn house() -> House {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    let mut exports = BTreeMap::new();
    exports.insert(Vec::new(), reexports(&parse(&src.join("lib.rs")), &[]));
    for wing in WINGS {
        for entry in std::fs::read_dir(src.join(wing)).unwrap() {
            let path = entry.unwrap().path();
            let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
            let mut file = parse(&path);
            if stem == "mod" {
                exports.insert(vec![wing.to_string()], reexports(&file, &[wing.to_string()]));
                continue;
            }
            file.items.retain(|item| match item {
                syn::Item::Mod(m) => !is_test_only(&m.attrs),
                syn::Item::Fn(f) => !is_test_only(&f.attrs),
                syn::Item::Use(u) => !is_test_only(&u.attrs),
                _ => true,
            });
            files.insert(format!("{wing}/{stem}"), file.to_token_stream());
        }
    }
    House { files, reexports: exports }
}

fn is_punct(tt: Option<&TokenTree>, c: char) -> bool {
    matches!(tt, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

fn colons_at(tts: &[TokenTree], i: usize) -> bool {
    matches!(tts.get(i), Some(TokenTree::Punct(p)) if p.as_char() == ':' && p.spacing() == Spacing::Joint)
        && is_punct(tts.get(i + 1), ':')
}

/// Every path in `tokens` that starts at `crate` or `super`, as its segments (`$crate` counts as
/// `crate`; a `{a, b::C}` group gives one path per branch).
fn rooted_paths(tokens: TokenStream, out: &mut Vec<Vec<String>>) {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    while i < tts.len() {
        match &tts[i] {
            TokenTree::Ident(id) if id == "crate" || id == "super" => {
                i = path_from(&tts, i, Vec::new(), out);
                continue;
            }
            TokenTree::Group(g) => rooted_paths(g.stream(), out),
            _ => {}
        }
        i += 1;
    }
}

/// Reads the path that starts at `tts[i]` after `prefix`, records it (each branch of a trailing
/// `{...}`), and returns the index after it.
fn path_from(tts: &[TokenTree], mut i: usize, mut segs: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    loop {
        match tts.get(i) {
            Some(TokenTree::Ident(id)) => {
                if id != "self" {
                    segs.push(id.to_string());
                }
                i += 1;
            }
            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace && !segs.is_empty() => {
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                let mut j = 0;
                while j < inner.len() {
                    j = path_from(&inner, j, segs.clone(), out);
                    while j < inner.len() && !is_punct(inner.get(j), ',') {
                        j += 1;
                    }
                    j += 1;
                }
                return i + 1;
            }
            _ => break,
        }
        if !colons_at(tts, i) {
            break;
        }
        i += 2;
    }
    out.push(segs);
    i
}

impl House {
    /// Where an absolute module path leads, through the re-exports of the crate root and the wings.
    fn resolve(&self, abs: &[String], depth: usize) -> Option<Target> {
        let first = abs.first()?;
        if depth > 8 {
            return None;
        }
        if WINGS.contains(&first.as_str()) {
            if let Some(second) = abs.get(1) {
                let file = format!("{first}/{second}");
                if self.files.contains_key(&file) {
                    return Some(file);
                }
                if let Some(to) = self.reexports.get(&vec![first.clone()]).and_then(|r| r.get(second)) {
                    let mut path = to.clone();
                    path.extend(abs[2..].iter().cloned());
                    return self.resolve(&path, depth + 1).or_else(|| Some(first.clone()));
                }
            }
            return Some(first.clone());
        }
        let to = self.reexports.get(&Vec::new())?.get(first)?;
        let mut path = to.clone();
        path.extend(abs[1..].iter().cloned());
        self.resolve(&path, depth + 1)
    }

    /// What a file ("wing/file") uses elsewhere in the crate: files, or wings where a path names
    /// only the wing.
    fn uses(&self, me: &str, tokens: TokenStream) -> BTreeSet<Target> {
        let (wing, _) = me.split_once('/').unwrap();
        let mut paths = Vec::new();
        rooted_paths(tokens, &mut paths);
        let mut out = BTreeSet::new();
        for segs in paths {
            let mut abs: Vec<String> = vec![wing.to_string(), me.split_once('/').unwrap().1.to_string()];
            let mut rest = segs.as_slice();
            if rest.first().is_some_and(|s| s == "crate") {
                abs.clear();
                rest = &rest[1..];
            }
            while rest.first().is_some_and(|s| s == "super") {
                abs.pop();
                rest = &rest[1..];
            }
            abs.extend(rest.iter().cloned());
            if let Some(target) = self.resolve(&abs, 0) {
                if target != me && target != wing {
                    out.insert(target);
                }
            }
        }
        out
    }

    /// Each file and what it uses.
    fn graph(&self) -> BTreeMap<String, BTreeSet<Target>> {
        self.files.iter().map(|(me, tokens)| (me.clone(), self.uses(me, tokens.clone()))).collect()
    }
}

fn wing_of(target: &str) -> &str {
    target.split('/').next().unwrap()
}

fn rank(target: &str) -> usize {
    WINGS.iter().position(|w| *w == wing_of(target)).unwrap()
}

#[test]
fn wings_point_only_down_and_commands_stand_alone() {
    let all = house().graph();
    assert!(all.len() > 20, "found only {} files", all.len());
    for (file, deps) in &all {
        for dep in deps {
            assert!(rank(dep) <= rank(file), "{file} uses {dep}, a wing above it");
            assert!(!(wing_of(file) == "commands" && wing_of(dep) == "commands"), "{file} uses {dep}");
        }
    }
}

#[test]
fn no_files_import_each_other_in_a_loop() {
    let all = house().graph();
    // Repeatedly drop files that use no file left: whatever remains sits on a loop.
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
    // The engine's orchestrator does use its parts (the reader sees `use super::...`), and a command
    // the data it names inside code (`crate::data::load::shown(..)`).
    assert!(
        all["engine/exec"].contains("engine/schedule") && all["engine/redo"].contains("engine/cpu_worker")
    );
    assert!(all["commands/solve"].contains("data/load"));
}

/// The reader itself: grouped imports, paths inside code and macros, and re-exported names are
/// seen; comments, strings and test modules are not.
#[test]
fn the_reader_sees_every_path_a_file_names() {
    let house = house();
    let text = r#"
        use crate::{data::load, engine::{self, Job}};
        // crate::commands::eval in a comment is no use
        /// Nor in a doc comment: [`crate::commands::show`].
        fn f() -> String {
            let s = "crate::commands::check";
            crate::execute();
            format!("{}", super::variant::mirrored(s))
        }
        #[cfg(test)]
        mod tests {
            use crate::commands::bench;
        }
    "#;
    let mut file = syn::parse_file(text).unwrap();
    file.items.retain(|item| !matches!(item, syn::Item::Mod(m) if is_test_only(&m.attrs)));
    let uses = house.uses("data/json", file.to_token_stream());
    let expected: BTreeSet<Target> =
        ["data/load", "engine", "engine/exec", "backends/gpu", "data/variant"].map(String::from).into();
    assert_eq!(uses, expected);
}
