//! The per-sample status codes a device reports: 0 for a finished sample, the CPU's
//! [`FailKind::code`]s, and the GPU-only [`STATUS_UNSUPPORTED`] and [`STATUS_OUTPUT`]. The CUDA side
//! has the same numbers in `enum Status` of `kernels/cuda/value.cuh`; `runtime/tests/status_codes.rs`
//! checks that the two lists agree. [`STATUS_GPU_STEPS`] is the host's own: what a device reports
//! for a step-budget stop when its budget was set below the CPU's.

use kernels::FailKind;

/// The status of a sample that finished with a grid.
pub const STATUS_OK: u32 = 0;
/// The kernel status of a call with argument types the CUDA has no overload for.
pub const STATUS_UNSUPPORTED: u32 = 9;
/// The kernel status of an output that is not a grid of 1..=30 rows and columns (the output slot).
pub const STATUS_OUTPUT: u32 = 10;
/// A sample that ran out of a device step budget lower than the CPU's (`ARCFORGE_GPU_STEPS`): the
/// CPU, with its larger budget, may still finish it. (The kernels write the CPU's step code; the
/// backend that lowered the budget reports this instead.) Never written by the kernels.
pub const STATUS_GPU_STEPS: u32 = 11;

/// The text of a kernel status code (the CPU's `FailKind` codes plus GPU-only ones).
pub fn status_reason(code: u32) -> &'static str {
    match code {
        STATUS_OK => "ok",
        STATUS_UNSUPPORTED => "primitive overload not on the GPU",
        STATUS_OUTPUT => "output larger than 30x30 or empty",
        STATUS_GPU_STEPS => "GPU step budget (below the CPU's) exceeded",
        _ => FailKind::from_code(code).map_or("unknown GPU status", FailKind::text),
    }
}

/// What a GPU status says about the sample itself, where every device would agree: Python raises
/// (or the shared size limit is hit), the CPU's step budget runs out (the CUDA counts the CPU's
/// steps, `tests/cuda_host_parity.rs`), or the output is no ARC grid. `None` for the statuses that
/// only say this run stopped (a lower GPU step budget, arena, an overload missing on the GPU):
/// those are redone.
/// The text is the CPU's failure text without the primitive's name, which the GPU does not keep.
pub fn status_verdict(code: u32) -> Option<String> {
    match code {
        STATUS_OUTPUT => Some(format!("{} (GPU verdict)", status_reason(code))),
        _ => FailKind::from_code(code)
            .filter(|k| k.is_verdict())
            .map(|k| format!("{} (GPU verdict)", k.text())),
    }
}
