//! Each DSL name has one source, the `kernels` crate: its `primitives!` table ([`kernels::Prim`]) and
//! `constants::ALL`. This crate keeps its own lists ([`solver_translate::PRIMITIVES`],
//! [`solver_translate::CONSTANTS`]) because it runs inside the proc-macro and the GPU build script,
//! before any kernels code can run; these tests hold the copies to the source, and the CUDA twins
//! (`ARC_PRIM` markers, `cuda/constants.cuh`) to the same names and values.

use std::path::{Path, PathBuf};

use kernels::{constants, Prim, Value};

fn kernels_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../kernels")
}

#[test]
fn the_primitive_list_is_kernels_prim_table() {
    let source: Vec<&str> = Prim::ALL.iter().map(|p| p.name()).collect();
    assert_eq!(
        solver_translate::PRIMITIVES,
        source.as_slice(),
        "PRIMITIVES must be kernels::Prim::ALL, in order"
    );
}

#[test]
fn every_cuda_primitive_marker_names_a_primitive() {
    let mut markers = 0;
    for entry in std::fs::read_dir(kernels_dir().join("cuda")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "cuh") {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let Some(rest) = line.trim_start().strip_prefix("ARC_PRIM(") else { continue };
            let name = rest.split(')').next().unwrap();
            if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !name.is_empty() {
                markers += 1;
                assert!(
                    Prim::from_name(name).is_some(),
                    "{}: ARC_PRIM({name}) is no primitive",
                    path.display()
                );
            }
        }
    }
    assert!(markers > 100, "found only {markers} ARC_PRIM markers");
}

/// The items of a C++ declaration list (`A{1, 2}, B{3, 4}` or `A = 1, B = 2`).
fn items(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut depth, mut cur) = (0, String::new());
    for c in list.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur);
    out
}

/// `NAME = v` and `NAME{a, b}` of `cuda/constants.cuh`, as values, in order.
fn cuda_constants() -> Vec<(String, Value<'static>)> {
    let text = std::fs::read_to_string(kernels_dir().join("cuda/constants.cuh")).unwrap();
    let code: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
    let int = |s: &str| -> i32 { s.trim().parse().unwrap() };
    let mut out = Vec::new();
    for stmt in code.join(" ").split(';') {
        let Some((_, rest)) = stmt.split_once("ARC_VAR ") else { continue };
        let (ty, list) = rest.split_once(' ').unwrap();
        for item in items(list) {
            let item = item.trim();
            let (name, value) = match ty {
                "bool" => {
                    let (n, v) = item.split_once('=').unwrap();
                    (n, Value::Bool(v.trim() == "true"))
                }
                "int" => {
                    let (n, v) = item.split_once('=').unwrap();
                    (n, Value::Int(int(v)))
                }
                "Point" => {
                    let (n, v) = item.split_once('{').unwrap();
                    let (a, b) = v.trim_end_matches('}').split_once(',').unwrap();
                    (n, Value::Point((int(a), int(b))))
                }
                other => panic!("constants.cuh: unexpected type {other}"),
            };
            out.push((name.trim().to_string(), value));
        }
    }
    out
}

#[test]
fn the_constant_list_is_kernels_constants_and_the_cuda_twins_agree() {
    let source: Vec<&str> = constants::ALL.iter().map(|c| c.0).collect();
    assert_eq!(solver_translate::CONSTANTS, source.as_slice(), "CONSTANTS must be kernels::constants::ALL");
    let cuda = cuda_constants();
    let cuda: Vec<(&str, Value)> = cuda.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    assert_eq!(cuda, constants::ALL, "cuda/constants.cuh declares the same constants, values and order");
}
