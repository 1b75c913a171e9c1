// The C side of the typed CPU path (its Rust side: src/typed.rs). Appended after translated solvers
// compiled by the host's C++ compiler: the build's registered solvers (typed_cpu.cpp, by build.rs)
// and the run-time programs' libraries (runtime::backends::host_programs). One call runs one solver
// on one grid, in an arena the caller owns; the output grid stays in the arena (or is the input).
namespace arc_host {
using SolveFn = arc::Grid (*)(arc::Ctx&, arc::Grid);
inline uint32_t run(SolveFn solve, const uint8_t* cells, int32_t h, int32_t w, uint8_t* arena,
                    uint64_t arena_bytes, uint64_t max_steps, uint64_t* steps, int32_t* out_h,
                    int32_t* out_w, const uint8_t** out_cells) {
  arc::Ctx c{arena, 0, arena_bytes, arc::S_OK, 0, 0, max_steps};
  arc::Grid in{h, w, const_cast<uint8_t*>(cells)};
  arc::Grid out = solve(c, in);
  *steps = c.steps;
  *out_h = out.h;
  *out_w = out.w;
  *out_cells = out.v;
  return c.status;
}
}  // namespace arc_host

// The one C entry that runs a solve function given as a pointer (src/typed.rs calls every typed
// solver through it), under a name of its library's own.
#define ARC_HOST_RUN_ENTRY(name)                                                                     \
  extern "C" uint32_t name(const void* solver, const uint8_t* cells, int32_t h, int32_t w,           \
                           uint8_t* arena, uint64_t arena_bytes, uint64_t max_steps, uint64_t* steps, \
                           int32_t* out_h, int32_t* out_w, const uint8_t** out_cells) {               \
    return arc_host::run(reinterpret_cast<arc_host::SolveFn>(solver), cells, h, w, arena, arena_bytes, \
                         max_steps, steps, out_h, out_w, out_cells);                                  \
  }
