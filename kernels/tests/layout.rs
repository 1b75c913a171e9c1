//! The kernels' files use each other one way (value < func < containers, the other families on the
//! value model alone): no two files of `src/` import each other, directly or in a loop. `lib.rs`,
//! the primitive table at the root, is left out: it names every family.
//!
//! A file's uses are the `crate::<module>` paths in its tokens (comments, strings and the test
//! module aside), with `use crate::{a, b}` groups expanded.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

fn is_punct(tt: Option<&TokenTree>, c: char) -> bool {
    matches!(tt, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

fn item_end(tt: &TokenTree) -> bool {
    matches!(tt, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace) || is_punct(Some(tt), ';')
}

/// The modules named as `crate::<module>` in `tokens`, leaving out `#[cfg(test)]` items.
fn crate_modules(tokens: TokenStream, out: &mut BTreeSet<String>) {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    while i < tts.len() {
        match &tts[i] {
            // A `#[cfg(test)]` item: skip to its end (its body, or its `;`).
            TokenTree::Punct(p) if p.as_char() == '#' => {
                if let Some(TokenTree::Group(g)) = tts.get(i + 1) {
                    if g.stream().to_string().replace(' ', "") == "cfg(test)" {
                        i += 2;
                        while i < tts.len() && !item_end(&tts[i]) {
                            i += 1;
                        }
                    }
                }
            }
            TokenTree::Ident(id) if id == "crate" && is_punct(tts.get(i + 1), ':') => match tts.get(i + 3) {
                Some(TokenTree::Ident(m)) => {
                    out.insert(m.to_string());
                }
                Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {
                    // `crate::{a::X, b}`: the first name of each branch.
                    let mut branch_start = true;
                    for tt in g.stream() {
                        match tt {
                            TokenTree::Ident(m) if branch_start => {
                                out.insert(m.to_string());
                                branch_start = false;
                            }
                            TokenTree::Punct(p) if p.as_char() == ',' => branch_start = true,
                            _ => branch_start = false,
                        }
                    }
                }
                _ => {}
            },
            TokenTree::Group(g) => crate_modules(g.stream(), out),
            _ => {}
        }
        i += 1;
    }
}

/// Each file of `src/` but `lib.rs`, and the other files it uses.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut texts = BTreeMap::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        if path.extension().is_some_and(|x| x == "rs") && stem != "lib" {
            texts.insert(stem, std::fs::read_to_string(&path).unwrap());
        }
    }
    texts
        .iter()
        .map(|(me, text)| {
            let mut used = BTreeSet::new();
            crate_modules(TokenStream::from_str(text).unwrap(), &mut used);
            used.retain(|m| m != me && texts.contains_key(m));
            (me.clone(), used)
        })
        .collect()
}

#[test]
fn no_files_import_each_other_in_a_loop() {
    let all = imports();
    assert!(all.len() >= 8, "found only {} files", all.len());
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
    assert!(left.is_empty(), "files importing each other in a loop: {:?}", left);
    // The reader does see the uses it must (a grouped import included).
    assert!(all["containers"].contains("func") && all["func"].contains("value"), "{all:?}");
    assert!(all["value"].is_empty(), "the value model uses no family: {:?}", all["value"]);
}
