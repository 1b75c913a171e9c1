// Whole-grid primitives (mirror of src/grids.rs). Each output cell is computed by one lane.
// Overloads for patches (mirrors of objects and indices) are not on the GPU yet: such samples fall
// back to the CPU through ARC_UNSUPPORTED.
#pragma once
#include "value.cuh"
namespace arc {

// A new grid of h x w whose cell (i, j) is EXPR (over the source grid g).
#define ARC_GRID_MAP(OH, OW, EXPR)                       \
  Grid o = new_grid(c, (OH), (OW));                      \
  if (!o.v) return o;                                    \
  ARC_FOR(k, o.h * o.w) {                                \
    int i = k / o.w, j = k % o.w;                        \
    o.v[k] = (EXPR);                                     \
  }                                                      \
  ARC_SYNC();                                            \
  return o;

ARC_PRIM(vmirror)
struct vmirror_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const { ARC_GRID_MAP(g.h, g.w, g.v[i * g.w + g.w - 1 - j]) }
  ARC_UNSUPPORTED
};
ARC_VAR vmirror_fn vmirror{};

ARC_PRIM(hmirror)
struct hmirror_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const { ARC_GRID_MAP(g.h, g.w, g.v[(g.h - 1 - i) * g.w + j]) }
  ARC_UNSUPPORTED
};
ARC_VAR hmirror_fn hmirror{};

ARC_PRIM(dmirror)
struct dmirror_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const { ARC_GRID_MAP(g.w, g.h, g.v[j * g.w + i]) }
  ARC_UNSUPPORTED
};
ARC_VAR dmirror_fn dmirror{};

ARC_PRIM(cmirror)
struct cmirror_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const {
    ARC_GRID_MAP(g.w, g.h, g.v[(g.h - 1 - j) * g.w + (g.w - 1 - i)])
  }
  ARC_UNSUPPORTED
};
ARC_VAR cmirror_fn cmirror{};

ARC_PRIM(rot90)
struct rot90_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const { ARC_GRID_MAP(g.w, g.h, g.v[(g.h - 1 - j) * g.w + i]) }
  ARC_UNSUPPORTED
};
ARC_VAR rot90_fn rot90{};

ARC_PRIM(rot180)
struct rot180_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const {
    ARC_GRID_MAP(g.h, g.w, g.v[(g.h - 1 - i) * g.w + (g.w - 1 - j)])
  }
  ARC_UNSUPPORTED
};
ARC_VAR rot180_fn rot180{};

ARC_PRIM(rot270)
struct rot270_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const { ARC_GRID_MAP(g.w, g.h, g.v[j * g.w + (g.w - 1 - i)]) }
  ARC_UNSUPPORTED
};
ARC_VAR rot270_fn rot270{};

ARC_PRIM(upscale)
struct upscale_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int f) const {
    if (f < 0) f = 0;  // Python: range(negative) is empty
    ARC_GRID_MAP(g.h * f, g.w * f, g.v[(i / f) * g.w + j / f])
  }
  ARC_UNSUPPORTED
};
ARC_VAR upscale_fn upscale{};

ARC_PRIM(downscale)
struct downscale_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int f) const {
    if (f <= 0) { c.fail(f == 0 ? S_ZERO_DIVISION : S_UNSUPPORTED); return Grid{0, 0, nullptr}; }
    ARC_GRID_MAP((g.h + f - 1) / f, (g.w + f - 1) / f, g.v[(i * f) * g.w + j * f])
  }
  ARC_UNSUPPORTED
};
ARC_VAR downscale_fn downscale{};

ARC_PRIM(hconcat)
struct hconcat_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid a, Grid b) const {
    // Python zips the rows: the shorter grid decides the height.
    int h = a.h < b.h ? a.h : b.h;
    ARC_GRID_MAP(h, a.w + b.w, j < a.w ? a.v[i * a.w + j] : b.v[i * b.w + j - a.w])
  }
  ARC_UNSUPPORTED
};
ARC_VAR hconcat_fn hconcat{};

ARC_PRIM(vconcat)
struct vconcat_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid a, Grid b) const {
    if (a.w != b.w && a.h > 0 && b.h > 0) { c.fail(S_UNSUPPORTED); return Grid{0, 0, nullptr}; }
    int w = a.h > 0 ? a.w : b.w;
    ARC_GRID_MAP(a.h + b.h, w, i < a.h ? a.v[i * a.w + j] : b.v[(i - a.h) * b.w + j])
  }
  ARC_UNSUPPORTED
};
ARC_VAR vconcat_fn vconcat{};

ARC_PRIM(replace)
struct replace_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int a, int b) const {
    if (b < 0 || b > 255) { c.fail(S_UNSUPPORTED); return Grid{0, 0, nullptr}; }
    ARC_GRID_MAP(g.h, g.w, g.v[k] == a ? (uint8_t)b : g.v[k])
  }
  ARC_UNSUPPORTED
};
ARC_VAR replace_fn replace{};

ARC_PRIM(switch)
struct switch_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int a, int b) const {
    if (a < 0 || a > 255 || b < 0 || b > 255) { c.fail(S_UNSUPPORTED); return Grid{0, 0, nullptr}; }
    ARC_GRID_MAP(g.h, g.w, g.v[k] == a ? (uint8_t)b : (g.v[k] == b ? (uint8_t)a : g.v[k]))
  }
  ARC_UNSUPPORTED
};
ARC_VAR switch_fn switch_{};

// Python slicing of [start, start + len) over n items: negative starts count from the end.
ARC_DEVICE void slice_bounds(int n, int start, int len, int& lo, int& hi) {
  auto norm = [n](int x) { if (x < 0) { x += n; if (x < 0) x = 0; } return x > n ? n : x; };
  lo = norm(start);
  hi = norm(start + len);
  if (hi < lo) hi = lo;
}

ARC_PRIM(crop)
struct crop_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, Point start, Point dims) const {
    int i0, i1, j0, j1;
    slice_bounds(g.h, start.i, dims.i, i0, i1);
    slice_bounds(g.w, start.j, dims.j, j0, j1);
    ARC_GRID_MAP(i1 - i0, (i1 > i0) ? j1 - j0 : 0, g.v[(i0 + i) * g.w + j0 + j])
  }
  ARC_UNSUPPORTED
};
ARC_VAR crop_fn crop{};

ARC_PRIM(canvas)
struct canvas_fn {
  ARC_HEAVY Grid operator()(Ctx& c, int value, Point dims) const {
    if (value < 0 || value > 255) { c.fail(S_UNSUPPORTED); return Grid{0, 0, nullptr}; }
    int h = dims.i < 0 ? 0 : dims.i, w = dims.j < 0 ? 0 : dims.j;
    ARC_GRID_MAP(h, h > 0 ? w : 0, (uint8_t)value)
  }
  ARC_UNSUPPORTED
};
ARC_VAR canvas_fn canvas{};

// Colour histogram of a grid over the colours 0..=top (top = the largest colour present), summed
// over the warp. Returns top.
ARC_DEVICE int color_histogram(Grid g, int* counts) {
  int top = 0;
  ARC_FOR(k, g.h * g.w) top = g.v[k] > top ? g.v[k] : top;
  top = warp_max(top);
  for (int col = 0; col <= top; col++) {
    int n = 0;
    ARC_FOR(k, g.h * g.w) n += g.v[k] == col;
    counts[col] = warp_sum(n);
  }
  return top;
}

ARC_PRIM(mostcolor)
struct mostcolor_fn {
  ARC_HEAVY int operator()(Ctx& c, Grid g) const {
    if (g.h * g.w == 0) { c.fail(S_EMPTY); return 0; }
    int counts[256];
    int top = color_histogram(g, counts);
    int best = 0;
    for (int k = 1; k <= top; k++) if (counts[k] > counts[best]) best = k;
    return best;
  }
  ARC_UNSUPPORTED
};
ARC_VAR mostcolor_fn mostcolor{};

}  // namespace arc
