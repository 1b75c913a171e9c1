//! What a job runs: a [`Runnable`] is a compiled `#[solver]` or a run-time [`Program`], with the task
//! it is written for (the cost model's key) and its GPU kernel when the build has one. The engine's
//! queues and workers see only this, so both kinds share one executor, one step budget, one failure
//! record and one `catch_unwind`.
//!
//! The compiled path stays a plain function call: [`CpuCode`] is a small enum matched once per
//! sample. A compiled solver with a typed twin (the GPU's C++ compiled for the host,
//! `gpu_kernels::typed`) runs each sample on whichever of the two is measured faster for it
//! ([`super::typed_cpu`]). A run-time program runs on the GPU when its kernel was compiled at run time and loaded on
//! the run's devices (NVRTC, `backends::program_kernels`): the kernel's name is then a string of
//! the run ([`Runnable::interpreted_with_kernel`]); without one it runs on the CPU. On the CPU it is
//! interpreted, or, once compiled by the host's C++ compiler at run time
//! (`backends::host_programs`), runs on the typed path where that was measured faster
//! ([`Runnable::with_typed`]).

use programs::Program;
use solvers::{Solver, SolverFn};

use gpu_kernels::typed::LoadedSolver;

use super::typed_cpu::{PathChoice, TypedCpu};

/// What runs a job on the CPU.
#[derive(Clone, Copy)]
pub enum CpuCode<'p> {
    /// A solver compiled into this binary.
    Compiled(SolverFn),
    /// A compiled solver with a typed twin (`kernel`: its index in `gpu_kernels::KERNELS`): each
    /// sample runs there or in `solver` as `choice` says; what the typed path does not finish with a
    /// grid, `solver` redoes.
    Typed { solver: SolverFn, kernel: u32, choice: &'p PathChoice },
    /// A program read at run time, interpreted over the kernels' primitives.
    Interpreted(&'p Program),
    /// A program read at run time and compiled for the host: each sample runs on the typed path or
    /// the interpreter as `choice` says; what the typed path does not finish, the interpreter redoes.
    TypedProgram { program: &'p Program, twin: LoadedSolver, choice: &'p PathChoice },
}

/// One entry of the executor's solver list.
#[derive(Clone, Copy)]
pub struct Runnable<'p> {
    /// The task it is written for (`""` when it names none): the cost model's key.
    pub task: &'p str,
    pub cpu: CpuCode<'p>,
    /// Its CUDA batch kernel, if the GPU build has one or one was loaded at run time.
    pub cuda_kernel: Option<&'p str>,
}

impl<'p> Runnable<'p> {
    /// A compiled solver, on the typed CPU path where `typed` says.
    pub fn compiled(s: &'p Solver, typed: TypedCpu) -> Self {
        let cpu = match super::typed_cpu::kernel_of(s, typed) {
            Some((kernel, choice)) => CpuCode::Typed { solver: s.cpu, kernel, choice },
            None => CpuCode::Compiled(s.cpu),
        };
        Runnable { task: s.task, cpu, cuda_kernel: Some(s.cuda_kernel) }
    }

    /// A run-time program on the CPU only.
    pub fn interpreted(p: &'p Program) -> Self {
        Runnable::interpreted_with_kernel(p, None)
    }

    /// A run-time program whose GPU kernel (compiled at run time and loaded on the run's devices) is
    /// `kernel`; the CPU interprets it for what the GPU gives back.
    pub fn interpreted_with_kernel(p: &'p Program, kernel: Option<&'p str>) -> Self {
        Runnable { task: p.task.as_deref().unwrap_or(""), cpu: CpuCode::Interpreted(p), cuda_kernel: kernel }
    }

    /// This run-time program with its typed twin for the CPU (`None`: interpreted only).
    pub fn with_typed(self, twin: Option<(LoadedSolver, &'p PathChoice)>) -> Self {
        match (self.cpu, twin) {
            (CpuCode::Interpreted(program), Some((twin, choice))) => {
                Runnable { cpu: CpuCode::TypedProgram { program, twin, choice }, ..self }
            }
            _ => self,
        }
    }
}
