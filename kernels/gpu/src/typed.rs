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
    fn arcforge_typed_solver(solver: u32) -> *const std::ffi::c_void;
    fn arcforge_typed_run(
        solver: *const std::ffi::c_void,
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
        if kernel >= unsafe { arcforge_typed_solver_count() } as usize {
            return None;
        }
        // SAFETY: `kernel` is inside the linked table, and the table and its call are linked in.
        let solver = unsafe { LoadedSolver::new(arcforge_typed_run, arcforge_typed_solver(kernel as u32)) };
        solver.solve(h, w, cells, arena, max_steps)
    }
    #[cfg(not(arcforge_typed_cpu))]
    {
        let _ = (kernel, h, w, cells, arena, max_steps);
        None
    }
}

/// The C++ shared by every typed entry point (`host_entry.h`): run-time libraries are compiled
/// from the build's CUDA prelude, their programs, this and [`PROGRAM_ENTRY`].
pub const HOST_ENTRY: &str = include_str!("../host_entry.h");

/// The entry points of a run-time programs' library (`runtime::backends::host_programs`), after
/// [`HOST_ENTRY`]: `arcforge_program_find` gives a program's solve function by its kernel's name
/// (the registrations `ARC_SOLVER_KERNEL` makes in a host compile), `arcforge_program_run` (the
/// shared call) runs it.
pub const PROGRAM_ENTRY: &str = r#"
extern "C" const void* arcforge_program_find(const char* kernel) {
  for (arc::HostSolver* s = arc::host_solvers(); s; s = s->next) {
    const char *a = s->kernel, *b = kernel;
    while (*a && *a == *b) ++a, ++b;
    if (*a == *b) return reinterpret_cast<const void*>(s->solve);
  }
  return nullptr;
}

ARC_HOST_RUN_ENTRY(arcforge_program_run)
"#;

/// `arcforge_program_find` of [`PROGRAM_ENTRY`].
pub type ProgramFindFn = unsafe extern "C" fn(kernel: *const std::ffi::c_char) -> *const std::ffi::c_void;
/// `arcforge_program_run` of [`PROGRAM_ENTRY`], the build's `arcforge_typed_run`: `host_entry.h`'s
/// `ARC_HOST_RUN_ENTRY`.
pub type ProgramRunFn = unsafe extern "C" fn(
    solver: *const std::ffi::c_void,
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

/// A solver on the typed path: its solve function (in this build's linked table, or in a library
/// loaded at run time), and that code's call of it.
#[derive(Clone, Copy, Debug)]
pub struct LoadedSolver {
    run: ProgramRunFn,
    solver: *const std::ffi::c_void,
}

// SAFETY: the solve function is plain code of a library that stays loaded (see `new`); each call
// works only in the arena and out-parameters it is given.
unsafe impl Send for LoadedSolver {}
unsafe impl Sync for LoadedSolver {}

impl LoadedSolver {
    /// # Safety
    /// `run` and `solver` must come from one library built with [`PROGRAM_ENTRY`] (its
    /// `arcforge_program_run`, and a non-null result of its `arcforge_program_find`), loaded for the
    /// rest of the process, or both from this build's linked table.
    pub unsafe fn new(run: ProgramRunFn, solver: *const std::ffi::c_void) -> Self {
        LoadedSolver { run, solver }
    }

    /// [`solve`] for this program.
    pub fn solve<'a>(
        &self,
        h: usize,
        w: usize,
        cells: &'a [u8],
        arena: &'a mut [u8],
        max_steps: u64,
    ) -> Option<TypedRun<'a>> {
        if cells.len() != h * w {
            return None;
        }
        let (mut steps, mut oh, mut ow, mut out) = (0u64, 0i32, 0i32, std::ptr::null::<u8>());
        // SAFETY: the input is read only, `h * w` cells; the C++ writes only inside `arena` (its bump
        // allocator stops at `arena_bytes` with a status) and the four out-parameters; the function
        // pair is one library's (`new`'s contract).
        let status = unsafe {
            (self.run)(
                self.solver,
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
}
