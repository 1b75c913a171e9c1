//! The per-sample status codes a device reports: 0 for a finished sample, the CPU's
//! [`FailKind::code`]s, and the GPU-only [`STATUS_UNSUPPORTED`] and [`STATUS_OUTPUT`]. The CUDA side
//! has the same numbers in `enum Status` of `kernels/cuda/value.cuh`; `runtime/tests/status_codes.rs`
//! checks that the two lists agree. A sample given back as [`STATUS_UNSUPPORTED`] also says which call
//! had no GPU form ([`overload_reason`]: the primitive and its argument kinds, `kernels/cuda/overload.cuh`).
//! [`STATUS_GPU_STEPS`] is the host's own: what a device reports for a step-budget stop when its
//! budget was set below the CPU's.

use kernels::{FailKind, Prim};

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
        STATUS_UNSUPPORTED => "overload not on the GPU",
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
    status_verdict_by(code, "GPU")
}

/// [`status_verdict`] of a status the `by` device reported ("typed CPU": `super::typed_cpu`).
pub fn status_verdict_by(code: u32, by: &str) -> Option<String> {
    match code {
        STATUS_OUTPUT => Some(format!("{} ({by} verdict)", status_reason(code))),
        _ => FailKind::from_code(code)
            .filter(|k| k.is_verdict())
            .map(|k| format!("{} ({by} verdict)", k.text())),
    }
}

/// Argument kinds as the CUDA primitives report them (`enum ArgKind` of `kernels/cuda/overload.cuh`,
/// `K_` and the name in capitals, in this order; `runtime/tests/status_codes.rs` checks the two).
pub const ARG_KINDS: &[&str] = &[
    "",
    "int",
    "bool",
    "grid",
    "point",
    "cell",
    "object",
    "indices",
    "int set",
    "objects",
    "indices set",
    "grid set",
    "set",
    "int tuple",
    "point tuple",
    "cell tuple",
    "grid tuple",
    "object tuple",
    "tuple",
    "pair",
    "function",
    "branch",
    "poison",
    "other",
];

/// Bits per argument kind in an overload code, from bit 8 (`OVERLOAD_KIND_BITS`).
const KIND_BITS: u32 = 6;
/// Set where the argument types have an overload but their values have no GPU form (`OVERLOAD_VALUE`).
const OVERLOAD_VALUE: u32 = 1 << 31;

/// The primitive an overload code names (`None`: no primitive, or an unknown index).
pub fn overload_prim(what: u32) -> Option<Prim> {
    (what & 0xff).checked_sub(1).and_then(|k| Prim::ALL.get(k as usize).copied())
}

/// The call an S_UNSUPPORTED sample could not make on the GPU, from its overload code (`Ctx::what` of
/// the CUDA side: primitive index + 1 in bits 0-7, up to three argument kinds of 6 bits from bit 8,
/// bit 31 for a value the GPU cannot hold): "overload not on the GPU: valmax(objects, function)".
pub fn overload_reason(what: u32) -> String {
    let prim = overload_prim(what).map_or("call", Prim::name);
    let kinds: Vec<&str> = (0..3)
        .map(|k| (what >> (8 + KIND_BITS * k)) & ((1 << KIND_BITS) - 1))
        .take_while(|&kind| kind != 0)
        .map(|kind| ARG_KINDS.get(kind as usize).copied().unwrap_or("?"))
        .collect();
    let value = if what & OVERLOAD_VALUE != 0 { " for this value" } else { "" };
    format!("{}: {prim}({}){value}", status_reason(STATUS_UNSUPPORTED), kinds.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overload_codes_name_the_primitive_and_the_argument_kinds() {
        let valmax = Prim::ALL.iter().position(|&p| p == Prim::valmax).unwrap() as u32 + 1;
        // valmax(objects, function): kinds 9 and 20
        assert_eq!(
            overload_reason(valmax | 9 << 8 | 20 << 14),
            "overload not on the GPU: valmax(objects, function)"
        );
        let ulcorner = Prim::ALL.iter().position(|&p| p == Prim::ulcorner).unwrap() as u32 + 1;
        assert_eq!(
            overload_reason(ulcorner | 7 << 8 | OVERLOAD_VALUE),
            "overload not on the GPU: ulcorner(indices) for this value"
        );
        assert_eq!(overload_reason(0), "overload not on the GPU: call()");
        assert_eq!(overload_prim(ulcorner), Some(Prim::ulcorner));
    }
}
