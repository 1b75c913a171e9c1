//! What this build knows about GPUs.
//!
//! arcforge's GPU path (CUDA through cudarc) is not built yet; these functions are the one place the
//! CLI and the runner ask, so the GPU backend only has to change them. Until then every answer says
//! "CPU-only".

/// Why the GPU cannot be used, or `None` when it can.
pub fn unavailable_reason() -> Option<String> {
    Some("this build has no GPU support yet".to_string())
}

/// The GPU code compiled into this binary: its CUDA architectures, or "CPU-only build".
pub fn build_info() -> String {
    "CPU-only build".to_string()
}

/// The CUDA driver seen at run time, or why none was looked for.
pub fn driver_info() -> String {
    "not probed in a CPU-only build".to_string()
}

/// The CUDA devices seen at run time, or why none were looked for.
pub fn devices_info() -> String {
    "not probed in a CPU-only build".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_only_build_says_so_everywhere() {
        assert_eq!(unavailable_reason().as_deref(), Some("this build has no GPU support yet"));
        assert_eq!(build_info(), "CPU-only build");
        assert!(driver_info().contains("not probed"));
        assert!(devices_info().contains("not probed"));
    }
}
