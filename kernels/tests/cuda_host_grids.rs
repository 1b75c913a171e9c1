//! Host unit tests of `cuda/grids.cuh`: `cuda/host/test_grids.cpp` is compiled by g++ as plain C++ (one
//! lane per sample, the warp helpers become identities) and must pass all its checks.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn cuda_grids_pass_their_host_checks() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let exe = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("test_grids");
    let out = Command::new("g++")
        .args(["-std=c++17", "-O1", "-Wall", "-Wno-unused-variable", "-Wno-unused-parameter", "-o"])
        .arg(&exe)
        .arg("-I")
        .arg(root.join("cuda"))
        .arg(root.join("cuda/host/test_grids.cpp"))
        .output()
        .expect("g++ runs");
    assert!(out.status.success(), "g++ failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let run = Command::new(&exe).output().expect("the test binary runs");
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "host checks failed:\n{text}");
    assert!(text.contains("all checks passed"), "{text}");
}
