// The batch kernel of every solver: one warp per sample (measured fastest, see shared/gpu-mapping).
// Inputs are packed grids picked by index (uploaded once per run); outputs are packed, with a status per
// sample. Anything but S_OK (arena full, unsupported overload, output past 30x30, a failure) is
// redone on the CPU, unless the runtime takes it as the CPU's own verdict (the failures every device
// shares, the step budget among them: the kernels count the CPU's steps, and `max_steps` is the
// CPU's budget unless lowered).
#pragma once
#include "value.cuh"
namespace arc {

constexpr int META = 7;    // u32 per sample in Batch::meta

struct Batch {
  const uint8_t* in;      // input grids, packed: row-major h x w cells each, at its offset
  const uint32_t* in_shape;  // 3 per input: h, w, byte offset of its cells in `in`
  const int32_t* index;   // n: the input of sample t
  uint8_t* out;           // outputs, packed: sample t's cells start at its offset
  uint32_t* meta;         // META n: per sample status, offset, h, w, steps (the CPU's units), kilocycles,
                          // and for S_UNSUPPORTED which call had no GPU form (Ctx::what, overload.cuh)
  unsigned long long* counters;  // 2, zeroed before the launch: bytes of `out` handed out, of `pool`
  uint64_t out_cap;       // bytes in `out`
  uint8_t* pool;          // arena chunks for every sample (never cleared: nothing reads unwritten bytes)
  uint64_t pool_cap;
  uint64_t arena_per;     // most bytes one sample may take from the pool
  uint64_t max_steps;
  int32_t n;
};

#ifdef __CUDACC__
template <Grid (*Solve)(Ctx&, Grid)>
__device__ void run_batch(const Batch& b) {
  int t = (int)((blockIdx.x * blockDim.x + threadIdx.x) >> 5);
  int lane = threadIdx.x & 31;
  if (t >= b.n) return;
#ifdef __CUDACC__
  long long start = clock64();
#endif
  int slot = b.index[t];
  Ctx c{nullptr, 0, 0, S_OK, 0, 0, b.max_steps};
  c.pool = b.pool;
  c.pool_used = b.counters + 1;
  c.pool_cap = b.pool_cap;
  c.max_taken = b.arena_per;
  const uint32_t* shape = b.in_shape + 3 * (uint64_t)slot;
  Grid I{(int32_t)shape[0], (int32_t)shape[1], (uint8_t*)b.in + shape[2]};
  Grid O = Solve(c, I);
  if (!c.failed() && (O.h < 1 || O.w < 1 || O.h > 30 || O.w > 30)) c.fail(S_OUTPUT);
  // Outputs are packed (most are far smaller than a slot), so only the bytes made come back.
  unsigned long long off = 0;
  if (!c.failed() && lane == 0) off = atomicAdd(b.counters, (unsigned long long)(O.h * O.w));
  off = __shfl_sync(0xffffffffu, off, 0);
  if (!c.failed() && off + O.h * O.w > b.out_cap) c.fail(S_ARENA);
  if (lane == 0) {
    uint32_t* m = b.meta + META * (uint64_t)t;
    m[0] = c.status;
    m[1] = (uint32_t)off;
    m[2] = c.failed() ? 0 : O.h;
    m[3] = c.failed() ? 0 : O.w;
    // Where a batch's time goes (its slowest warp sets its length): ARCFORGE_GPU_TRACE reports these.
    m[4] = c.steps > 0xffffffffull ? 0xffffffffu : (uint32_t)c.steps;
#ifdef __CUDACC__
    unsigned long long kcycles = (unsigned long long)(clock64() - start) >> 10;
    m[5] = kcycles > 0xffffffffull ? 0xffffffffu : (uint32_t)kcycles;
#else
    m[5] = 0;
#endif
    m[6] = c.status == S_UNSUPPORTED ? c.what : 0;
  }
  if (!c.failed())
    for (int k = lane; k < O.h * O.w; k += 32) b.out[off + k] = O.v[k];
}
#define ARC_SOLVER_KERNEL(name) \
  extern "C" __global__ void name##_kernel(const arc::Batch b) { arc::run_batch<name>(b); }
#else
// Host build (g++): the same solvers run on the CPU, one lane, for parity tests without a GPU.
// Each solver registers itself under its kernel name.
struct HostSolver {
  const char* kernel;
  Grid (*solve)(Ctx&, Grid);
  HostSolver* next;
};
inline HostSolver*& host_solvers() {
  static HostSolver* head = nullptr;
  return head;
}
struct HostRegistration {
  HostSolver entry;
  HostRegistration(const char* kernel, Grid (*solve)(Ctx&, Grid)) : entry{kernel, solve, host_solvers()} {
    host_solvers() = &entry;
  }
};
#define ARC_SOLVER_KERNEL(name) static arc::HostRegistration name##_registration(#name "_kernel", &name);
#endif

}  // namespace arc
