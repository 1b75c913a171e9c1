//! What the command-line test files share: the `arcforge` binary under a clean environment (no data
//! override, no injected GPU fault, colours decided by flags) and a run's exit code and output.

#![allow(dead_code)] // each test file uses its own subset

use std::process::{Command, Output};

pub fn arcforge() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_arcforge"));
    c.env_remove("ARCFORGE_DATA").env_remove("ARCFORGE_GPU_FAULT").env_remove("NO_COLOR");
    c
}

/// Exit code, stdout and stderr of a finished run.
pub fn run(c: &mut Command) -> (i32, String, String) {
    let Output { status, stdout, stderr } = c.output().expect("arcforge runs");
    let code = status.code().expect("exited, not killed by a signal");
    (code, String::from_utf8(stdout).unwrap(), String::from_utf8(stderr).unwrap())
}
