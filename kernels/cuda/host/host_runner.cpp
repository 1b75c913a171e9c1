// Runs the generated CUDA solvers on the host (one lane) for parity tests: compiled by g++ together
// with the generated solvers.cu by tests/cuda_host_parity.rs.
//
// argv[1]: the step budget per sample (default: the CPU's default, 2^23; the GPU's is the CPU's).
// stdin:  repeated records  <kernel name>\n<h> <w>\n<h*w cells as digits 0-255 separated by spaces>\n
// stdout: one line per record: "ok <steps> <h> <w> <cells...>" or "redo <status> <steps> <what>", with
//         the steps the sample counted (in the CPU's units: the CPU's `Ctx::steps()` at the same point)
//         and `what` (Ctx::what: the call that had no GPU form for S_UNSUPPORTED, else 0).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "solvers.cu"

int main(int argc, char** argv) {
  unsigned long long max_steps = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : (1ull << 23);
  std::vector<uint8_t> arena(64u << 20);
  char name[256];
  while (std::scanf("%255s", name) == 1) {
    int h, w;
    if (std::scanf("%d %d", &h, &w) != 2) return 2;
    std::vector<uint8_t> cells(h * w);
    for (auto& c : cells) {
      int v;
      if (std::scanf("%d", &v) != 1) return 2;
      c = (uint8_t)v;
    }
    arc::HostSolver* s = arc::host_solvers();
    while (s && std::strcmp(s->kernel, name) != 0) s = s->next;
    if (!s) { std::printf("missing\n"); continue; }
    arc::Ctx c{arena.data(), 0, arena.size(), arc::S_OK, 0, 0, max_steps};
    arc::Grid in{h, w, cells.data()};
    arc::Grid out = s->solve(c, in);
    if (!c.failed() && (out.h < 1 || out.w < 1 || out.h > 30 || out.w > 30)) c.fail(arc::S_OUTPUT);
    if (c.failed()) {
      std::printf("redo %u %llu %u\n", c.status, (unsigned long long)c.steps,
                  c.status == arc::S_UNSUPPORTED ? c.what : 0);
      continue;
    }
    std::printf("ok %llu %d %d", (unsigned long long)c.steps, out.h, out.w);
    for (int k = 0; k < out.h * out.w; k++) std::printf(" %d", out.v[k]);
    std::printf("\n");
  }
  return 0;
}
