//! One list of primitives: `enum PrimId` of `kernels/cuda/overload.cuh` (the index a CUDA primitive
//! reports with a sample it gives back, S_UNSUPPORTED) must be [`Prim::ALL`] in order, from 1, and every
//! primitive the CUDA headers mark (`ARC_PRIM`) must be one of them.

use std::path::Path;

use kernels::Prim;

fn cuda_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cuda")
}

/// `P_name = n` of `enum PrimId`, in order.
fn cuda_prim_ids() -> Vec<(String, usize)> {
    let text = std::fs::read_to_string(cuda_dir().join("overload.cuh")).unwrap();
    let body = &text[text.find("enum PrimId").expect("overload.cuh declares enum PrimId")..];
    let body = &body[body.find('{').unwrap() + 1..body.find('}').unwrap()];
    body.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let (name, n) = s.split_once('=').unwrap_or_else(|| panic!("{s}: every id has its number"));
            (name.trim().trim_start_matches("P_").to_string(), n.trim().parse().unwrap())
        })
        .collect()
}

#[test]
fn the_cuda_primitive_ids_are_the_cpu_table_in_order() {
    let mut expected = vec![("NONE".to_string(), 0)];
    expected.extend(Prim::ALL.iter().enumerate().map(|(k, p)| (p.name().to_string(), k + 1)));
    let got = cuda_prim_ids();
    if got != expected {
        // The list to paste into overload.cuh.
        let text: Vec<String> = expected.iter().map(|(n, k)| format!("P_{n} = {k},")).collect();
        panic!(
            "enum PrimId of kernels/cuda/overload.cuh is not kernels::Prim::ALL; it should read:\n{}",
            text.join(" ")
        );
    }
    // Eight bits in an overload code.
    assert!(Prim::ALL.len() < 256);
}

#[test]
fn every_marked_cuda_primitive_is_in_the_cpu_table() {
    let mut marked = 0;
    for entry in std::fs::read_dir(cuda_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "cuh") {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let Some(rest) = line.strip_prefix("ARC_PRIM(") else { continue };
            let name = rest.split(')').next().unwrap();
            assert!(
                Prim::from_name(name).is_some(),
                "{}: ARC_PRIM({name}) is no DSL primitive",
                path.display()
            );
            marked += 1;
        }
    }
    assert!(marked >= 150, "only {marked} ARC_PRIM markers found");
}
