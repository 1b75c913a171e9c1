//! One list of per-sample status codes: the CPU's failure kinds ([`kernels::FailKind::code`]) are the
//! source, the GPU-only codes live in `runtime::engine::status`, and `enum Status` of
//! `kernels/cuda/value.cuh` (what the kernels write) must give every one the same number.

use std::path::Path;

use kernels::FailKind;
use runtime::engine::status::{
    status_reason, ARG_KINDS, STATUS_GPU_STEPS, STATUS_OK, STATUS_OUTPUT, STATUS_UNSUPPORTED,
};

/// `S_NAME = n` of `enum Status` in value.cuh, in order.
fn cuda_statuses() -> Vec<(String, u32)> {
    cuda_enum("value.cuh", "enum Status")
}

/// `NAME = n` of an enum in a CUDA header, in order.
fn cuda_enum(file: &str, decl: &str) -> Vec<(String, u32)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../kernels/cuda").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find(decl).unwrap_or_else(|| panic!("{file} declares {decl}"));
    let body = &text[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find('}').unwrap()];
    body.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let (name, n) = s.split_once('=').unwrap_or_else(|| panic!("{s}: every status has its number"));
            (name.trim().to_string(), n.trim().parse().unwrap())
        })
        .collect()
}

/// `ZeroDivision` -> `S_ZERO_DIVISION`.
fn cuda_name(kind: FailKind) -> String {
    let mut out = String::from("S");
    for c in format!("{kind:?}").chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

#[test]
fn the_cuda_status_enum_has_the_cpu_codes_and_the_gpu_only_ones() {
    let mut expected = vec![("S_OK".to_string(), STATUS_OK)];
    let kinds: Vec<FailKind> = (1..).map_while(FailKind::from_code).collect();
    assert!(kinds.len() >= 8, "FailKind::from_code reads back every kind");
    for kind in kinds {
        expected.push((cuda_name(kind), kind.code()));
    }
    expected.push(("S_UNSUPPORTED".to_string(), STATUS_UNSUPPORTED));
    expected.push(("S_OUTPUT".to_string(), STATUS_OUTPUT));
    assert_eq!(cuda_statuses(), expected);
}

#[test]
fn every_status_has_its_own_text() {
    let codes: Vec<u32> = cuda_statuses().iter().map(|s| s.1).collect();
    let mut texts: Vec<&str> = codes.iter().map(|&c| status_reason(c)).collect();
    assert!(!texts.contains(&"unknown GPU status"));
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(texts.len(), codes.len(), "two statuses read the same");
    // the host's own code for a lowered GPU step budget: after the kernels', with its own text
    assert!(!codes.contains(&STATUS_GPU_STEPS));
    assert!(!texts.contains(&status_reason(STATUS_GPU_STEPS)));
    assert_ne!(status_reason(STATUS_GPU_STEPS), "unknown GPU status");
    assert_eq!(status_reason(STATUS_GPU_STEPS + 1), "unknown GPU status");
}

/// The argument kinds an S_UNSUPPORTED sample names (`enum ArgKind` of overload.cuh) are
/// `runtime::engine::status::ARG_KINDS`: `K_` and the name in capitals, spaces as underscores.
#[test]
fn the_cuda_argument_kinds_are_the_runtime_list() {
    let expected: Vec<(String, u32)> = ARG_KINDS
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let name = if name.is_empty() { "none".to_string() } else { name.replace(' ', "_") };
            (format!("K_{}", name.to_ascii_uppercase()), k as u32)
        })
        .collect();
    assert_eq!(cuda_enum("overload.cuh", "enum ArgKind"), expected);
    assert!(ARG_KINDS.len() <= 64, "six bits per kind");
}
