//! The typed CPU path: the translated solvers (`solvers.cu`, the GPU's code) compiled by the host's
//! C++ compiler, one lane, and linked into this crate by `build.rs`. Every function value there is a
//! C++ type, so a composed function is a direct call, where the kernels' Rust runs a solver through
//! the dynamic `Value` model (`kernels::func::call` per call of a function value).
//!
//! It is an accelerator for the CPU, not a second reference: the host parity test
//! (`tests/cuda_host_parity.rs`) proves it gives the Rust solvers' grids, failures and step counts,
//! and the runtime (`runtime::engine::typed_cpu`) takes its finished grids, and its failure verdicts
//! only where it takes the GPU's; anything else is redone by the Rust solver.

use crate::table;

/// Why this build has no typed CPU path (`None`: it has one).
pub const MISSING: Option<&str> = table::TYPED_CPU_MISSING;

/// How a typed call ended: the CUDA status codes (`enum Status` of `kernels/cuda/value.cuh`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypedRun<'a> {
    /// 0: finished with `grid`; else the status (a failure, or a call the C++ has no form for).
    pub status: u32,
    /// Steps counted, in the CPU's units.
    pub steps: u64,
    /// The output (height, width, cells), when `status` is 0.
    pub grid: Option<(usize, usize, &'a [u8])>,
}

#[cfg(arcforge_typed_cpu)]
extern "C" {
    fn arcforge_typed_solver_count() -> u32;
    fn arcforge_typed_solve(
        solver: u32,
        cells: *const u8,
        h: i32,
        w: i32,
        arena: *mut u8,
        arena_bytes: u64,
        max_steps: u64,
        steps: *mut u64,
        out_h: *mut i32,
        out_w: *mut i32,
        out_cells: *mut *const u8,
    ) -> u32;
}

/// Runs solver `kernel` (an index into [`crate::KERNELS`]) on an `h` x `w` grid, with `arena` as its
/// memory (it must not be shared while the result is read) and a step budget. `None` when this
/// build has no typed path or no such solver.
pub fn solve<'a>(
    kernel: usize,
    h: usize,
    w: usize,
    cells: &'a [u8],
    arena: &'a mut [u8],
    max_steps: u64,
) -> Option<TypedRun<'a>> {
    #[cfg(arcforge_typed_cpu)]
    {
        // SAFETY: the count is a constant of the linked table.
        if kernel >= unsafe { arcforge_typed_solver_count() } as usize || cells.len() != h * w {
            return None;
        }
        let (mut steps, mut oh, mut ow, mut out) = (0u64, 0i32, 0i32, std::ptr::null::<u8>());
        // SAFETY: the input is read only, `h * w` cells; the C++ writes only inside `arena` (its
        // bump allocator stops at `arena_bytes` with a status) and the four out-parameters.
        let status = unsafe {
            arcforge_typed_solve(
                kernel as u32,
                cells.as_ptr(),
                h as i32,
                w as i32,
                arena.as_mut_ptr(),
                arena.len() as u64,
                max_steps,
                &mut steps,
                &mut oh,
                &mut ow,
                &mut out,
            )
        };
        let grid = (status == 0 && oh >= 0 && ow >= 0).then(|| {
            let n = oh as usize * ow as usize;
            // SAFETY: a finished solver's output grid is `oh * ow` cells in the arena or the input,
            // both borrowed for `'a`.
            let cells: &'a [u8] = if n == 0 { &[] } else { unsafe { std::slice::from_raw_parts(out, n) } };
            (oh as usize, ow as usize, cells)
        });
        Some(TypedRun { status, steps, grid })
    }
    #[cfg(not(arcforge_typed_cpu))]
    {
        let _ = (kernel, h, w, cells, arena, max_steps);
        None
    }
}
