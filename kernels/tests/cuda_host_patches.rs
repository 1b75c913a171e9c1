//! The CUDA patches (`cuda/patches.cuh`) compiled as plain C++ by g++ (one lane) must pass their
//! hand-checked unit tests in `cuda/host/test_patches.cpp`.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn cuda_patches_pass_their_host_unit_tests() {
    let kernels = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let exe = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("test_patches");
    let status = Command::new("g++")
        .args(["-std=c++17", "-O1", "-w", "-o"])
        .arg(&exe)
        .arg("-I")
        .arg(kernels.join("cuda"))
        .arg(kernels.join("cuda/host/test_patches.cpp"))
        .status()
        .expect("g++ runs");
    assert!(status.success(), "g++ could not compile cuda/host/test_patches.cpp");
    let out = Command::new(&exe).output().expect("the test binary runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "CUDA patches host tests failed:\n{text}");
    assert!(text.contains("all patches checks passed"), "{text}");
}
