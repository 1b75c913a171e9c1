// The batch kernel of every solver: one warp per sample (measured fastest, see shared/gpu-mapping).
// Inputs are packed 30x30 slots; outputs likewise, with a status per sample. Anything but S_OK
// (arena full, step limit, unsupported overload, output past 30x30) is redone on the CPU.
#pragma once
#include "value.cuh"
namespace arc {

constexpr int SLOT = 900;  // bytes per grid slot: 30 x 30

struct Batch {
  const uint8_t* in;     // n slots of SLOT bytes, row-major h x w at the start of each
  const int32_t* in_hw;  // 2n: h, w
  uint8_t* out;          // n slots
  int32_t* out_hw;       // 2n
  uint32_t* status;      // n
  uint8_t* arena;        // n x arena_per bytes
  uint64_t arena_per;
  uint64_t max_steps;
  int32_t n;
};

#ifdef __CUDACC__
template <Grid (*Solve)(Ctx&, Grid)>
__device__ void run_batch(const Batch& b) {
  int t = (int)((blockIdx.x * blockDim.x + threadIdx.x) >> 5);
  int lane = threadIdx.x & 31;
  if (t >= b.n) return;
  Ctx c{b.arena + (uint64_t)t * b.arena_per, 0, b.arena_per, S_OK, 0, 0, b.max_steps};
  Grid I{b.in_hw[2 * t], b.in_hw[2 * t + 1], (uint8_t*)b.in + (uint64_t)t * SLOT};
  Grid O = Solve(c, I);
  if (!c.failed() && (O.h < 1 || O.w < 1 || O.h > 30 || O.w > 30)) c.fail(S_OUTPUT);
  if (lane == 0) {
    b.status[t] = c.status;
    b.out_hw[2 * t] = c.failed() ? 0 : O.h;
    b.out_hw[2 * t + 1] = c.failed() ? 0 : O.w;
  }
  if (!c.failed())
    for (int k = lane; k < O.h * O.w; k += 32) b.out[(uint64_t)t * SLOT + k] = O.v[k];
}
#define ARC_SOLVER_KERNEL(name) \
  extern "C" __global__ void name##_kernel(const arc::Batch b) { arc::run_batch<name>(b); }
#else
#define ARC_SOLVER_KERNEL(name)
#endif

}  // namespace arc
