// Whole-grid primitives (mirror of src/grids.rs). Each output cell is computed by one lane; patch
// elements are spread over lanes the same way. Grids with h == 0 have w == 0 (Python's `()`).
// Argument kinds Python would reject (paint with points, colour queries on indices...) and `index`
// off the grid (Python's None) fall back to the CPU: ARC_UNSUPPORTED / S_UNSUPPORTED.
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

namespace grids_detail {

// Ordered generation: out[0..) receives make(k) for every k < n with keep(k), in order of k; returns
// how many (on every lane). Lanes take 32 k at a time and place them by ballot.
template <class T, class Keep, class Make>
ARC_DEVICE int gen_compact(T* out, int n, Keep keep, Make make) {
  int base = 0;
#ifdef __CUDACC__
  int lane = threadIdx.x & 31;
  for (int k0 = 0; k0 < n; k0 += 32) {
    int k = k0 + lane;
    bool p = k < n && keep(k);
    unsigned m = __ballot_sync(0xffffffffu, p);
    if (p) out[base + __popc(m & ((1u << lane) - 1u))] = make(k);
    base += __popc(m);
  }
  __syncwarp();
#else
  for (int k = 0; k < n; k++)
    if (keep(k)) out[base++] = make(k);
#endif
  return base;
}

// Gives back the tail of the last allocation (made at `mark`) past its first n elements.
template <class T> ARC_DEVICE void shrink(Ctx& c, uint8_t*, const T* p, int n) {
  shrink_last(c, p, n);
}

// A transposed grid (rot90, rot270, dmirror, cmirror): Python zips the rows, so a grid without rows
// or without columns gives `()` (no rows, and no steps: the CPU's too), not columns of nothing.
#define ARC_GRID_TRANSPOSED(EXPR)                                    \
  if (g.h == 0 || g.w == 0) return rows_grid(c, 0, 0);               \
  ARC_GRID_MAP(g.w, g.h, EXPR)

// Python's `()` has no rows: a grid with no rows has width 0 too. Counted as the CPU's window: no
// rows, or whole rows (which the CPU shares), cost nothing; a narrower window its cells.
ARC_DEVICE Grid window(Ctx& c, Grid g, int i0, int j0, int h, int w) {
  if (h <= 0 || w < 0) w = 0;
  if (h < 0) h = 0;
  if (h == 0) w = 0;
  if (h > 0 && j0 == 0 && w == g.w) {
    Grid o = rows_grid(c, h, w);
    if (!o.v) return o;
    ARC_FOR(k, h * w) o.v[k] = g.v[i0 * g.w + k];
    ARC_SYNC();
    return o;
  }
  ARC_GRID_MAP(h, w, g.v[(i0 + i) * g.w + j0 + j])
}

// A copy of g, counted as the CPU's (its cells).
ARC_DEVICE Grid copy_grid(Ctx& c, Grid g) { ARC_GRID_MAP(g.h, g.w, g.v[k]) }

ARC_DEVICE bool in_grid(Grid g, int64_t i, int64_t j) { return i >= 0 && j >= 0 && i < g.h && j < g.w; }
ARC_DEVICE bool same_loc(Point a, Point b) { return a.i == b.i && a.j == b.j; }
ARC_DEVICE bool fits_i32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

// First index of a sorted patch whose row is past i (upper) or at least i (lower).
template <class T> ARC_DEVICE int row_bound(const T* it, int n, int i, bool upper) {
  int lo = 0, hi = n;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    int r = loc(it[mid]).i;
    if (r < i || (upper && r == i)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

ARC_DEVICE Cell at_loc(Cell x, int64_t i, int64_t j) { return Cell{(int32_t)i, (int32_t)j, x.color}; }
ARC_DEVICE Point at_loc(Point, int64_t i, int64_t j) { return Point{(int32_t)i, (int32_t)j}; }

enum MirrorKind { MIRROR_H, MIRROR_V, MIRROR_D, MIRROR_C };

// A patch mirrored inside its own bounding box (dsl.py's formulas; cmirror = vmirror . dmirror .
// vmirror, i.e. (i, j) -> (top + right - j, left + bottom - i)). h and v keep the order when written
// row block by row block; d and c are sorted afterwards.
template <class T>
ARC_DEVICE Set<T> mirror_patch(Ctx& c, Set<T> p, MirrorKind kind) {
  if (c.failed()) return Set<T>{nullptr, 0};
  if (p.n == 0) {
    // the empty patch's ulcorner is (): indexed (IndexError), or unpacked by dmirror (ValueError)
    c.fail(kind == MIRROR_D ? S_EMPTY : S_INDEX);
    return Set<T>{nullptr, 0};
  }
  if (!c.step(p.n)) return Set<T>{nullptr, 0};  // the CPU's new patch
  Bounds b = bounds(p);
  T* out = alloc<T>(c, p.n);
  if (!out) return Set<T>{nullptr, 0};
  bool bad = false;
  ARC_FOR(k, p.n) {
    Point q = loc(p.it[k]);
    int64_t i = q.i, j = q.j, ni = i, nj = j;
    int pos = k;
    if (kind == MIRROR_H || kind == MIRROR_V) {
      int s = row_bound(p.it, p.n, q.i, false), e = row_bound(p.it, p.n, q.i, true);
      if (kind == MIRROR_H) {
        ni = (int64_t)b.top + b.bottom - i;
        pos = (p.n - e) + (k - s);
      } else {
        nj = (int64_t)b.left + b.right - j;
        pos = s + (e - 1 - k);
      }
    } else if (kind == MIRROR_D) {
      ni = j - b.left + b.top;
      nj = i - b.top + b.left;
    } else {
      ni = (int64_t)b.top + b.right - j;
      nj = (int64_t)b.left + b.bottom - i;
    }
    bad |= !fits_i32(ni) || !fits_i32(nj);
    out[pos] = at_loc(p.it[k], ni, nj);
  }
  ARC_SYNC();
  if (warp_any(bad)) { c.fail(S_OVERFLOW); return Set<T>{nullptr, 0}; }
  return Set<T>{out, sort_unique(c, out, p.n)};
}

// upscale of an object: each cell becomes an f x f block, about the object's upper-left corner.
// Written row block by row block, which is already the canonical order (unless one location holds
// two colours; sort_unique then sorts).
ARC_DEVICE Object upscale_object(Ctx& c, Object o, int f) {
  if (c.failed() || o.n == 0 || f <= 0) return Object{nullptr, 0};  // range(f) empty: frozenset()
  if (f > 1024 || (int64_t)o.n * f * f > (1 << 20)) { c.fail(S_LIMIT); return Object{nullptr, 0}; }
  Bounds b = bounds(o);
  int n = o.n * f * f;
  if (!c.step(n)) return Object{nullptr, 0};
  Cell* out = alloc<Cell>(c, n);
  if (!out) return Object{nullptr, 0};
  bool bad = false;
  ARC_FOR(k, o.n) {
    Cell x = o.it[k];
    int s = row_bound(o.it, o.n, x.i, false), e = row_bound(o.it, o.n, x.i, true);
    int64_t base = (int64_t)s * f * f;
    for (int io = 0; io < f; io++) {
      int64_t ni = ((int64_t)x.i - b.top) * f + io + b.top;
      for (int jo = 0; jo < f; jo++) {
        int64_t nj = ((int64_t)x.j - b.left) * f + jo + b.left;
        bad |= !fits_i32(ni) || !fits_i32(nj);
        out[base + (int64_t)io * (e - s) * f + (int64_t)(k - s) * f + jo] = at_loc(x, ni, nj);
      }
    }
  }
  ARC_SYNC();
  if (warp_any(bad)) { c.fail(S_OVERFLOW); return Object{nullptr, 0}; }
  return Object{out, sort_unique(c, out, n)};
}

}  // namespace grids_detail

ARC_PRIM(vmirror)
struct vmirror_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const { ARC_GRID_MAP(g.h, g.w, g.v[i * g.w + g.w - 1 - j]) }
  ARC_HEAVY Object operator()(Ctx& c, Object p) const { return grids_detail::mirror_patch(c, p, grids_detail::MIRROR_V); }
  ARC_HEAVY Indices operator()(Ctx& c, Indices p) const { return grids_detail::mirror_patch(c, p, grids_detail::MIRROR_V); }
  ARC_UNSUPPORTED
};
ARC_VAR vmirror_fn vmirror{};

ARC_PRIM(hmirror)
struct hmirror_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const { ARC_GRID_MAP(g.h, g.w, g.v[(g.h - 1 - i) * g.w + j]) }
  ARC_HEAVY Object operator()(Ctx& c, Object p) const { return grids_detail::mirror_patch(c, p, grids_detail::MIRROR_H); }
  ARC_HEAVY Indices operator()(Ctx& c, Indices p) const { return grids_detail::mirror_patch(c, p, grids_detail::MIRROR_H); }
  ARC_UNSUPPORTED
};
ARC_VAR hmirror_fn hmirror{};

ARC_PRIM(dmirror)
struct dmirror_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const { ARC_GRID_TRANSPOSED(g.v[j * g.w + i]) }
  ARC_HEAVY Object operator()(Ctx& c, Object p) const { return grids_detail::mirror_patch(c, p, grids_detail::MIRROR_D); }
  ARC_HEAVY Indices operator()(Ctx& c, Indices p) const { return grids_detail::mirror_patch(c, p, grids_detail::MIRROR_D); }
  ARC_UNSUPPORTED
};
ARC_VAR dmirror_fn dmirror{};

ARC_PRIM(cmirror)
struct cmirror_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const {
    ARC_GRID_TRANSPOSED(g.v[(g.h - 1 - j) * g.w + (g.w - 1 - i)])
  }
  ARC_HEAVY Object operator()(Ctx& c, Object p) const { return grids_detail::mirror_patch(c, p, grids_detail::MIRROR_C); }
  ARC_HEAVY Indices operator()(Ctx& c, Indices p) const { return grids_detail::mirror_patch(c, p, grids_detail::MIRROR_C); }
  ARC_UNSUPPORTED
};
ARC_VAR cmirror_fn cmirror{};

ARC_PRIM(rot90)
struct rot90_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const { ARC_GRID_TRANSPOSED(g.v[(g.h - 1 - j) * g.w + i]) }
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
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const { ARC_GRID_TRANSPOSED(g.v[j * g.w + (g.w - 1 - i)]) }
  ARC_UNSUPPORTED
};
ARC_VAR rot270_fn rot270{};

// Any of the eight symmetries, or a composition of two, as one value (tuples of mirror functions:
// `combine(astuple(cmirror, dmirror), astuple(hmirror, vmirror))`); calling it dispatches at run
// time. A symmetry that gives another type for the argument (a rotation of an object) goes to the
// CPU. Compositions stay distinct values, as the CPU's function values are.
struct D8Fn {
  int8_t outer;
  int8_t inner;  // -1: none
  template <class X> ARC_DEVICE X one(Ctx& c, int k, X x) const {
    switch (k) {
      case 0: return as_same<X>(c, identity(c, x));
      case 1: return as_same<X>(c, rot90(c, x));
      case 2: return as_same<X>(c, rot180(c, x));
      case 3: return as_same<X>(c, rot270(c, x));
      case 4: return as_same<X>(c, hmirror(c, x));
      case 5: return as_same<X>(c, vmirror(c, x));
      case 6: return as_same<X>(c, dmirror(c, x));
      default: return as_same<X>(c, cmirror(c, x));
    }
  }
  template <class X, class Y> ARC_DEVICE static X as_same(Ctx& c, Y y) {
    if constexpr (same<X, Y>) {
      return y;
    } else {
      c.unsupported(overload_at<P_compose, X>());  // a symmetry that changes the value's type
      return X{};
    }
  }
  template <class X> ARC_DEVICE X operator()(Ctx& c, X x) const {
    if (inner >= 0) {  // a composition: the CPU calls its inner and its outer function, a step each
      c.step(1);
      x = one(c, inner, x);
      c.step(1);
    }
    return one(c, outer, x);
  }
};
ARC_DEVICE D8Fn compose_fn::operator()(Ctx& c, D8Fn outer, D8Fn inner) const {
  if (outer.inner >= 0 || inner.inner >= 0) c.unsupported(value_of<compose_fn, D8Fn, D8Fn>());  // three or more: the CPU's
  return D8Fn{outer.outer, inner.outer};
}
// The CPU's order of function values (cmp_callables): primitives, by table order (the order of the
// k codes above), before compositions, which compare outer then inner.
ARC_DEVICE int compare(D8Fn a, D8Fn b) {
  if ((a.inner < 0) != (b.inner < 0)) return a.inner < 0 ? -1 : 1;
  if (a.outer != b.outer) return a.outer < b.outer ? -1 : 1;
  return a.inner < b.inner ? -1 : a.inner > b.inner;
}
ARC_DEVICE bool truthy(D8Fn) { return true; }
template <> struct D8Tag<identity_fn> { static constexpr int k = 0; using fn = D8Fn; };
template <> struct D8Tag<rot90_fn> { static constexpr int k = 1; using fn = D8Fn; };
template <> struct D8Tag<rot180_fn> { static constexpr int k = 2; using fn = D8Fn; };
template <> struct D8Tag<rot270_fn> { static constexpr int k = 3; using fn = D8Fn; };
template <> struct D8Tag<hmirror_fn> { static constexpr int k = 4; using fn = D8Fn; };
template <> struct D8Tag<vmirror_fn> { static constexpr int k = 5; using fn = D8Fn; };
template <> struct D8Tag<dmirror_fn> { static constexpr int k = 6; using fn = D8Fn; };
template <> struct D8Tag<cmirror_fn> { static constexpr int k = 7; using fn = D8Fn; };
template <> struct D8Tag<D8Fn> { static constexpr int k = -1; };
namespace containers_detail {
// Sets of symmetries (`product` of two tuples of them) are ordered as on the CPU (compare above).
template <> struct Ordered<D8Fn> { static constexpr bool v = true; };
}  // namespace containers_detail

ARC_PRIM(upscale)
struct upscale_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int f) const {
    if (f < 0) f = 0;  // Python: range(negative) is empty
    ARC_GRID_MAP(g.h * f, g.w * f, g.v[(i / f) * g.w + j / f])
  }
  ARC_HEAVY Object operator()(Ctx& c, Object o, int f) const { return grids_detail::upscale_object(c, o, f); }
  ARC_HEAVY Indices operator()(Ctx& c, Indices p, int) const {
    if (p.n > 0) c.unsupported(value_of<upscale_fn, Indices, int>());  // Python unpacks each (i, j) as (value, loc) and raises
    return Indices{nullptr, 0};
  }
  ARC_UNSUPPORTED
};
ARC_VAR upscale_fn upscale{};

ARC_PRIM(downscale)
struct downscale_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int f) const {
    if (g.h == 0) { c.fail(S_INDEX); return Grid{0, 0, nullptr}; }  // len(grid[0])
    if (f == 0) { c.fail(S_ZERO_DIVISION); return Grid{0, 0, nullptr}; }
    if (f < 0) { c.unsupported(value_of<downscale_fn, Grid, int>()); return Grid{0, 0, nullptr}; }
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
    if (a.w != b.w && a.h > 0 && b.h > 0) { c.unsupported(value_of<vconcat_fn, Grid, Grid>()); return Grid{0, 0, nullptr}; }
    if (a.h == 0) return b;  // as the CPU: the other grid itself, no steps
    if (b.h == 0) return a;
    int w = a.h > 0 ? a.w : b.w;
    ARC_GRID_MAP(a.h + b.h, w, i < a.h ? a.v[i * a.w + j] : b.v[(i - a.h) * b.w + j])
  }
  ARC_UNSUPPORTED
};
ARC_VAR vconcat_fn vconcat{};

ARC_PRIM(replace)
struct replace_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int a, int b) const {
    // the CPU looks for a first (the cells' steps) and copies only when it is there
    if (!c.step((uint64_t)g.h * g.w)) return Grid{0, 0, nullptr};
    bool there = false;
    ARC_FOR(k, g.h * g.w) there |= g.v[k] == a;
    if (!warp_any(there)) return g;
    if (b < 0 || b > 255) { c.unsupported(value_of<replace_fn, Grid, int, int>()); return Grid{0, 0, nullptr}; }
    ARC_GRID_MAP(g.h, g.w, g.v[k] == a ? (uint8_t)b : g.v[k])
  }
  ARC_UNSUPPORTED
};
ARC_VAR replace_fn replace{};

ARC_PRIM(switch)
struct switch_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int a, int b) const {
    if (a < 0 || a > 255 || b < 0 || b > 255) { c.unsupported(value_of<switch_fn, Grid, int, int>()); return Grid{0, 0, nullptr}; }
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

// A grid only: rows of several lengths (which the CPU's crop slices row by row, as Python does)
// are no Grid on the GPU; merge and vconcat hand such samples back to the CPU (S_UNSUPPORTED).
ARC_PRIM(crop)
struct crop_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, Point start, Point dims) const {
    int i0, i1, j0, j1;
    slice_bounds(g.h, start.i, dims.i, i0, i1);
    slice_bounds(g.w, start.j, dims.j, j0, j1);
    return grids_detail::window(c, g, i0, j0, i1 - i0, j1 - j0);
  }
  ARC_UNSUPPORTED
};
ARC_VAR crop_fn crop{};

ARC_PRIM(canvas)
struct canvas_fn {
  ARC_HEAVY Grid operator()(Ctx& c, int value, Point dims) const {
    if (value < 0 || value > 255) { c.unsupported(value_of<canvas_fn, int, Point>()); return Grid{0, 0, nullptr}; }
    int h = dims.i < 0 ? 0 : dims.i, w = dims.j < 0 ? 0 : dims.j;
    ARC_GRID_MAP(h, h > 0 ? w : 0, (uint8_t)value)
  }
  ARC_UNSUPPORTED
};
ARC_VAR canvas_fn canvas{};


// ---- Colour queries over a grid's cells or an object's cells ----
namespace grids_detail {

struct GridColors {
  Grid g;
  ARC_DEVICE int n() const { return g.h * g.w; }
  ARC_DEVICE int at(int k) const { return g.v[k]; }
};
struct CellColors {
  Object o;
  ARC_DEVICE int n() const { return o.n; }
  ARC_DEVICE int at(int k) const { return o.it[k].color; }
};
ARC_DEVICE GridColors colors_of(Grid g) { return GridColors{g}; }
ARC_DEVICE CellColors colors_of(Object o) { return CellColors{o}; }

// Calls f(colour, count) for every colour present, in ascending order, on every lane. Objects may
// hold colours outside a byte (recolor); those samples go to the CPU.
template <class S, class F>
ARC_DEVICE bool for_each_color(Ctx& c, S s, F f, uint32_t what) {
  if (c.failed()) return false;
  int n = s.n(), lo = INT32_MAX, hi = INT32_MIN;
  ARC_FOR(k, n) {
    int v = s.at(k);
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
  }
  lo = warp_min(lo);
  hi = warp_max(hi);
  if (n == 0) return true;
  if (lo < 0 || hi > 255) { c.unsupported(what); return false; }  // `what`: the caller's
#ifndef __CUDACC__
  // One thread: one counting pass, where the lanes read every cell once per colour.
  int count[256];
  for (int col = lo; col <= hi; col++) count[col] = 0;
  for (int k = 0; k < n; k++) count[s.at(k)]++;
  for (int col = lo; col <= hi; col++) {
    if (count[col]) f(col, count[col]);
  }
#else
  for (int col = lo; col <= hi; col++) {
    int m = 0;
    ARC_FOR(k, n) m += s.at(k) == col;
    m = warp_sum(m);
    if (m) f(col, m);
  }
#endif
  return true;
}

// The most (most = true) or least common colour; ties go to the smallest colour (Python's max/min
// over a set of small ints, which iterates in ascending order). No cells: max() of an empty set.
// `counted`: the primitives (mostcolor, leastcolor) charge the cells, as the CPU's histogram does;
// the background colour other primitives take first (fill, cover, move...) is not counted there.
template <class S>
ARC_DEVICE int pick_color(Ctx& c, S s, bool most, bool counted = false) {
  if (c.failed()) return 0;
  if (counted && !c.step(s.n())) return 0;
  if (s.n() == 0) { c.fail(S_EMPTY); return 0; }
  int best = -1, best_n = 0;
  for_each_color(c, s, [&](int col, int m) {
    if (best < 0 || (most ? m > best_n : m < best_n)) { best = col; best_n = m; }
  }, most ? value_at<P_mostcolor, Object>() : value_at<P_leastcolor, Object>());
  return best < 0 ? 0 : best;
}

template <class S>
ARC_DEVICE Set<int> palette_of(Ctx& c, S s) {
  if (c.failed() || !c.step(s.n())) return Set<int>{nullptr, 0};  // the CPU's histogram
  uint8_t* mark = arena_top(c);
  int* it = alloc<int>(c, 256);
  if (!it) return Set<int>{nullptr, 0};
  int m = 0;
  for_each_color(c, s, [&](int col, int) { it[m++] = col; }, value_at<P_palette, Object>());  // every lane writes the same
  ARC_SYNC();
  shrink(c, mark, it, m);
  return Set<int>{it, m};
}

template <class S>
ARC_DEVICE int count_color(S s, int value) {
  int m = 0;
  ARC_FOR(k, s.n()) m += s.at(k) == value;
  return warp_sum(m);
}

}  // namespace grids_detail

ARC_PRIM(mostcolor)
struct mostcolor_fn {
  ARC_HEAVY int operator()(Ctx& c, Grid g) const { return grids_detail::pick_color(c, grids_detail::colors_of(g), true, true); }
  ARC_HEAVY int operator()(Ctx& c, Object o) const { return grids_detail::pick_color(c, grids_detail::colors_of(o), true, true); }
  ARC_UNSUPPORTED
};
ARC_VAR mostcolor_fn mostcolor{};

ARC_PRIM(leastcolor)
struct leastcolor_fn {
  ARC_HEAVY int operator()(Ctx& c, Grid g) const { return grids_detail::pick_color(c, grids_detail::colors_of(g), false, true); }
  ARC_HEAVY int operator()(Ctx& c, Object o) const { return grids_detail::pick_color(c, grids_detail::colors_of(o), false, true); }
  ARC_UNSUPPORTED
};
ARC_VAR leastcolor_fn leastcolor{};

ARC_PRIM(colorcount)
struct colorcount_fn {
  ARC_HEAVY int operator()(Ctx& c, Grid g, int v) const {
    if (!c.step((uint64_t)g.h * g.w)) return 0;  // the CPU counts a grid's cells (not an object's)
    return grids_detail::count_color(grids_detail::colors_of(g), v);
  }
  ARC_HEAVY int operator()(Ctx&, Object o, int v) const { return grids_detail::count_color(grids_detail::colors_of(o), v); }
  ARC_UNSUPPORTED
};
ARC_VAR colorcount_fn colorcount{};

ARC_PRIM(palette)
struct palette_fn {
  ARC_HEAVY Set<int> operator()(Ctx& c, Grid g) const { return grids_detail::palette_of(c, grids_detail::colors_of(g)); }
  ARC_HEAVY Set<int> operator()(Ctx& c, Object o) const { return grids_detail::palette_of(c, grids_detail::colors_of(o)); }
  ARC_UNSUPPORTED
};
ARC_VAR palette_fn palette{};

ARC_PRIM(numcolors)
struct numcolors_fn {
  ARC_HEAVY int operator()(Ctx& c, Grid g) const { return palette(c, g).n; }
  ARC_HEAVY int operator()(Ctx& c, Object o) const { return palette(c, o).n; }
  ARC_UNSUPPORTED
};
ARC_VAR numcolors_fn numcolors{};

// ---- Grids as patches ----

ARC_PRIM(asindices)
struct asindices_fn {
  ARC_HEAVY Indices operator()(Ctx& c, Grid g) const {
    if (c.failed()) return Indices{nullptr, 0};
    int n = g.h * g.w;  // () has no rows: Python never looks at grid[0]
    if (!c.step(n)) return Indices{nullptr, 0};
    Point* p = alloc<Point>(c, n);
    if (!p) return Indices{nullptr, 0};
    ARC_FOR(k, n) p[k] = Point{k / g.w, k % g.w};
    ARC_SYNC();
    return Indices{p, n};
  }
  ARC_UNSUPPORTED
};
ARC_VAR asindices_fn asindices{};

ARC_PRIM(ofcolor)
struct ofcolor_fn {
  ARC_HEAVY Indices operator()(Ctx& c, Grid g, int value) const {
    if (c.failed()) return Indices{nullptr, 0};
    int n = g.h * g.w;
    if (!c.step(n)) return Indices{nullptr, 0};
    uint8_t* mark = arena_top(c);
    Point* p = alloc<Point>(c, n);
    if (!p) return Indices{nullptr, 0};
    int m = grids_detail::gen_compact(
        p, n, [&](int k) { return g.v[k] == value; }, [&](int k) { return Point{k / g.w, k % g.w}; });
    grids_detail::shrink(c, mark, p, m);
    return Indices{p, m};
  }
  ARC_UNSUPPORTED
};
ARC_VAR ofcolor_fn ofcolor{};

ARC_PRIM(asobject)
struct asobject_fn {
  ARC_HEAVY Object operator()(Ctx& c, Grid g) const {
    if (c.failed()) return Object{nullptr, 0};
    int n = g.h * g.w;
    if (!c.step(n)) return Object{nullptr, 0};
    Cell* p = alloc<Cell>(c, n);
    if (!p) return Object{nullptr, 0};
    ARC_FOR(k, n) p[k] = Cell{k / g.w, k % g.w, g.v[k]};
    ARC_SYNC();
    return Object{p, n};
  }
  ARC_UNSUPPORTED
};
ARC_VAR asobject_fn asobject{};

namespace grids_detail {
// The grid's cells at the patch's locations inside the grid, in the patch's (sorted) order; a
// location held twice by an object is taken once.
template <class T>
ARC_DEVICE Object to_object(Ctx& c, Set<T> p, Grid g) {
  if (c.failed()) return Object{nullptr, 0};
  if (g.h == 0) { c.fail(S_INDEX); return Object{nullptr, 0}; }  // len(grid[0])
  if (!c.step(p.n)) return Object{nullptr, 0};
  uint8_t* mark = arena_top(c);
  Cell* out = alloc<Cell>(c, p.n);
  if (!out) return Object{nullptr, 0};
  int m = gen_compact(
      out, p.n,
      [&](int k) {
        Point q = loc(p.it[k]);
        return in_grid(g, q.i, q.j) && !(k > 0 && same_loc(loc(p.it[k - 1]), q));
      },
      [&](int k) {
        Point q = loc(p.it[k]);
        return Cell{q.i, q.j, g.v[q.i * g.w + q.j]};
      });
  shrink(c, mark, out, m);
  return Object{out, m};
}
}  // namespace grids_detail

ARC_PRIM(toobject)
struct toobject_fn {
  ARC_HEAVY Object operator()(Ctx& c, Object p, Grid g) const { return grids_detail::to_object(c, p, g); }
  ARC_HEAVY Object operator()(Ctx& c, Indices p, Grid g) const { return grids_detail::to_object(c, p, g); }
  ARC_UNSUPPORTED
};
ARC_VAR toobject_fn toobject{};

// ---- Writing patches into grids ----
namespace grids_detail {

// fill / underfill / cover: every location of the patch inside the grid gets `value` (underfill:
// only where the grid holds its most common colour). Locations repeat only with one value: no race.
// `count`: the locations the CPU counts, when not p's (a tuple of points keeps its repeats there).
template <class T>
ARC_DEVICE Grid fill_patch(Ctx& c, Grid g, int value, Set<T> p, bool under, int64_t count = -1) {
  if (c.failed()) return Grid{0, 0, nullptr};
  if (g.h == 0) { c.fail(S_INDEX); return Grid{0, 0, nullptr}; }  // len(grid[0])
  int bg = under ? pick_color(c, colors_of(g), true) : -1;
  if (c.failed()) return Grid{0, 0, nullptr};
  if (value < 0 || value > 255) {  // not a byte
    c.unsupported(under ? value_at<P_underfill, Grid, int, Set<T>>() : value_at<P_fill, Grid, int, Set<T>>());
    return Grid{0, 0, nullptr};
  }
  if (!c.step(count < 0 ? p.n : count)) return Grid{0, 0, nullptr};  // the CPU's: the patch, then the copy
  Grid o = copy_grid(c, g);
  if (!o.v) return o;
  ARC_FOR(k, p.n) {
    Point q = loc(p.it[k]);
    if (in_grid(g, q.i, q.j) && (!under || g.v[q.i * g.w + q.j] == bg)) o.v[q.i * g.w + q.j] = (uint8_t)value;
  }
  ARC_SYNC();
  return o;
}

// Whether every cell's colour fits a grid byte (else the CPU decides).
ARC_DEVICE bool byte_colors(Ctx& c, Object o, uint32_t what) {
  bool ok = true;
  ARC_FOR(k, o.n) ok &= o.it[k].color >= 0 && o.it[k].color <= 255;
  if (!warp_all(ok)) { c.unsupported(what); return false; }  // `what`: the caller's
  return true;
}

// Paints the object's cells shifted by (di, dj) into `out`, sequentially as the CPU does: cells
// sharing a location are handled by the lane of the first one, in canonical (colour) order, so the
// last colour wins for paint and underpaint sees the colours written before. Locations differ
// between lanes: no race.
ARC_DEVICE void paint_cells(Grid out, Object o, int di, int dj, bool under, int bg) {
  ARC_FOR(k, o.n) {
    Cell x = o.it[k];
    if (k > 0 && o.it[k - 1].i == x.i && o.it[k - 1].j == x.j) continue;
    int64_t i = (int64_t)x.i + di, j = (int64_t)x.j + dj;
    if (!in_grid(out, i, j)) continue;
    int at = (int)i * out.w + (int)j, cur = out.v[at];
    for (int t = k; t < o.n && o.it[t].i == x.i && o.it[t].j == x.j; t++)
      if (!under || cur == bg) cur = o.it[t].color;
    out.v[at] = (uint8_t)cur;
  }
  ARC_SYNC();
}

ARC_DEVICE Grid paint_object(Ctx& c, Grid g, Object o, bool under, int64_t cells = -1) {
  if (c.failed()) return Grid{0, 0, nullptr};
  if (g.h == 0) { c.fail(S_INDEX); return Grid{0, 0, nullptr}; }  // len(grid[0])
  int bg = under ? pick_color(c, colors_of(g), true) : -1;
  if (c.failed() || !byte_colors(c, o, under ? value_at<P_underpaint, Grid, Object>() : value_at<P_paint, Grid, Object>()))
    return Grid{0, 0, nullptr};
  if (!c.step(cells < 0 ? o.n : cells)) return Grid{0, 0, nullptr};  // the cells, then the copy
  Grid out = copy_grid(c, g);
  if (!out.v) return out;
  paint_cells(out, o, 0, 0, under, bg);
  return out;
}

// paint/underpaint of a tuple of cells: the CPU paints in tuple order, which only matters when a
// location comes with two colours; otherwise the canonical object paints alike. With two colours,
// (location, position) keys are sorted so that each location's cells form one run in tuple order,
// and the lane of a run paints them in turn: the last colour wins for paint, and underpaint paints
// only while the location still has the background colour.
ARC_HEAVY Grid paint_tuple(Ctx& c, Grid g, Tuple<Cell> t, bool under) {
  // counted as the CPU's paint of the tuple's cells: t.n steps, then the copy (the patch built here
  // to decide how is the GPU's own: uncounted)
  Object o = as_patch(c, t);
  bool one_each = !c.failed() && locs_of(c, o).n == o.n;
  if (c.failed()) return Grid{0, 0, nullptr};
  if (one_each) return paint_object(c, g, Object{o.it, o.n}, under, t.n);
  if (g.h == 0) { c.fail(S_INDEX); return Grid{0, 0, nullptr}; }  // len(grid[0])
  int bg = under ? pick_color(c, colors_of(g), true) : -1;
  if (c.failed() || !byte_colors(c, o, under ? value_at<P_underpaint, Grid, Object>() : value_at<P_paint, Grid, Object>()))
    return Grid{0, 0, nullptr};
  if (!c.step(t.n)) return Grid{0, 0, nullptr};
  Grid out = copy_grid(c, g);
  if (!out.v) return out;
  uint8_t* mark = arena_top(c);
  Point* keys = alloc<Point>(c, t.n);  // (location, position in the tuple); off the grid: INT32_MAX
  if (!keys) return Grid{0, 0, nullptr};
  ARC_FOR(k, t.n) {
    Cell x = t.it[k];
    keys[k] = Point{in_grid(out, x.i, x.j) ? x.i * out.w + x.j : INT32_MAX, k};
  }
  ARC_SYNC();
  int n = sort_unique(c, keys, t.n);
  if (c.failed()) return Grid{0, 0, nullptr};
  ARC_FOR(s, n) {
    int at = keys[s].i;
    if (at == INT32_MAX || (s > 0 && keys[s - 1].i == at)) continue;
    int cur = out.v[at];
    for (int r = s; r < n && keys[r].i == at; r++)
      if (!under || cur == bg) cur = t.it[keys[r].j].color;
    out.v[at] = (uint8_t)cur;
  }
  ARC_SYNC();
  release(c, mark);  // the keys are dead
  return out;
}

// paint/underpaint/move given indices: Python unpacks each (i, j) as (value, loc) and raises, so
// only the empty frozenset paints (nothing); the rest goes to the CPU.
ARC_DEVICE Object no_points(Ctx& c, Indices p, uint32_t what) {
  if (p.n > 0) c.unsupported(what);
  return Object{nullptr, 0};
}

}  // namespace grids_detail

ARC_PRIM(fill)
struct fill_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int v, Object p) const { return grids_detail::fill_patch(c, g, v, p, false); }
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int v, Indices p) const { return grids_detail::fill_patch(c, g, v, p, false); }
  // tuples of points or cells: order and repeats do not matter to fill, but the CPU counts them all
  template <class X> ARC_HEAVY auto operator()(Ctx& c, Grid g, int v, X x) const {
    if constexpr (TupleLikePatch<X>::v) return grids_detail::fill_patch(c, g, v, as_patch(c, x), false, tuple_len(x));
    else return retry_as_patches(c, *this, g, v, x);
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR fill_fn fill{};

ARC_PRIM(underfill)
struct underfill_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int v, Object p) const { return grids_detail::fill_patch(c, g, v, p, true); }
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int v, Indices p) const { return grids_detail::fill_patch(c, g, v, p, true); }
  // tuples of points or cells: order and repeats do not matter to fill, but the CPU counts them all
  template <class X> ARC_HEAVY auto operator()(Ctx& c, Grid g, int v, X x) const {
    if constexpr (TupleLikePatch<X>::v) return grids_detail::fill_patch(c, g, v, as_patch(c, x), true, tuple_len(x));
    else return retry_as_patches(c, *this, g, v, x);
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR underfill_fn underfill{};

ARC_PRIM(paint)
struct paint_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, Object o) const { return grids_detail::paint_object(c, g, o, false); }
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, Indices p) const {
    return grids_detail::paint_object(c, g, grids_detail::no_points(c, p, value_of<paint_fn, Grid, Indices>()), false);
  }
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, Tuple<Cell> t) const { return grids_detail::paint_tuple(c, g, t, false); }
  ARC_UNSUPPORTED
};
ARC_VAR paint_fn paint{};

ARC_PRIM(underpaint)
struct underpaint_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, Object o) const { return grids_detail::paint_object(c, g, o, true); }
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, Indices p) const {
    return grids_detail::paint_object(c, g, grids_detail::no_points(c, p, value_of<underpaint_fn, Grid, Indices>()), true);
  }
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, Tuple<Cell> t) const { return grids_detail::paint_tuple(c, g, t, true); }
  ARC_UNSUPPORTED
};
ARC_VAR underpaint_fn underpaint{};

ARC_PRIM(cover)
struct cover_fn {
  template <class T> ARC_DEVICE Grid cover_patch(Ctx& c, Grid g, Set<T> p) const {
    // Python evaluates mostcolor first: no cells fails here (uncounted, as the CPU's background)
    int bg = grids_detail::pick_color(c, grids_detail::colors_of(g), true);
    return grids_detail::fill_patch(c, g, bg, p, false);
  }
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, Object p) const { return cover_patch(c, g, p); }
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, Indices p) const { return cover_patch(c, g, p); }
  ARC_UNSUPPORTED
};
ARC_VAR cover_fn cover{};

// move = paint(cover(grid, obj), shift(obj, offset)) in one copy of the grid; shifting keeps the
// cells' order, so the painting order is the CPU's.
ARC_PRIM(move)
struct move_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, Object o, Point d) const {
    if (c.failed()) return Grid{0, 0, nullptr};
    int bg = grids_detail::pick_color(c, grids_detail::colors_of(g), true);
    if (c.failed() || !grids_detail::byte_colors(c, o, value_of<move_fn, Grid, Object, Point>())) return Grid{0, 0, nullptr};
    if (o.n > 0) {
      Bounds b = bounds(o);  // shift must stay in i32 (the CPU's checked shift)
      if (!grids_detail::fits_i32((int64_t)b.top + d.i) || !grids_detail::fits_i32((int64_t)b.bottom + d.i) ||
          !grids_detail::fits_i32((int64_t)b.left + d.j) || !grids_detail::fits_i32((int64_t)b.right + d.j)) {
        c.fail(S_OVERFLOW);
        return Grid{0, 0, nullptr};
      }
    }
    if (!c.step(2 * (uint64_t)o.n)) return Grid{0, 0, nullptr};  // the CPU's: cover and paint, then the copy
    Grid out = grids_detail::copy_grid(c, g);
    if (!out.v) return out;
    ARC_FOR(k, o.n) {
      Cell x = o.it[k];
      if (grids_detail::in_grid(g, x.i, x.j)) out.v[x.i * g.w + x.j] = (uint8_t)bg;
    }
    ARC_SYNC();
    grids_detail::paint_cells(out, o, d.i, d.j, false, 0);
    return out;
  }
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, Indices p, Point d) const {
    return (*this)(c, g, grids_detail::no_points(c, p, value_of<move_fn, Grid, Indices, Point>()), d);
  }
  ARC_UNSUPPORTED
};
ARC_VAR move_fn move{};

// ---- Scaling, cutting, comparing ----

ARC_PRIM(hupscale)
struct hupscale_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int f) const {
    int64_t w = f > 0 && g.h > 0 ? (int64_t)g.w * f : 0;  // range(f <= 0) is empty: rows become ()
    if (w > (1 << 20)) { c.fail(S_LIMIT); return Grid{0, 0, nullptr}; }
    if (f <= 0) f = 1;
    ARC_GRID_MAP(g.h, (int)w, g.v[i * g.w + j / f])
  }
  ARC_UNSUPPORTED
};
ARC_VAR hupscale_fn hupscale{};

ARC_PRIM(vupscale)
struct vupscale_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g, int f) const {
    int64_t h = f > 0 ? (int64_t)g.h * f : 0;
    if (h > (1 << 20)) { c.fail(S_LIMIT); return Grid{0, 0, nullptr}; }
    if (f <= 0) f = 1;
    ARC_GRID_MAP((int)h, h > 0 ? g.w : 0, g.v[(i / f) * g.w + j])
  }
  ARC_UNSUPPORTED
};
ARC_VAR vupscale_fn vupscale{};

// subgrid = crop(grid, ulcorner(patch), shape(patch)).
ARC_PRIM(subgrid)
struct subgrid_fn {
  template <class T> ARC_DEVICE Grid sub(Ctx& c, Set<T> p, Grid g) const {
    if (c.failed()) return Grid{0, 0, nullptr};
    if (p.n == 0) { c.fail(S_INDEX); return Grid{0, 0, nullptr}; }  // ulcorner of the empty patch
    Bounds b = bounds(p);
    int64_t dh = (int64_t)b.bottom - b.top + 1, dw = (int64_t)b.right - b.left + 1;
    // crop adds start + dims in i32: the CPU decides such far-off patches
    if (b.bottom == INT32_MAX || b.right == INT32_MAX || !grids_detail::fits_i32(dh) || !grids_detail::fits_i32(dw)) {
      c.unsupported(value_of<subgrid_fn, Set<T>, Grid>());
      return Grid{0, 0, nullptr};
    }
    return crop(c, g, Point{b.top, b.left}, Point{(int)dh, (int)dw});
  }
  ARC_HEAVY Grid operator()(Ctx& c, Object p, Grid g) const { return sub(c, p, g); }
  ARC_HEAVY Grid operator()(Ctx& c, Indices p, Grid g) const { return sub(c, p, g); }
  ARC_UNSUPPORTED
};
ARC_VAR subgrid_fn subgrid{};

namespace grids_detail {
// hsplit (vertical = false) / vsplit: n crops of len // n, the k-th starting at k * (len // n + 1)
// when n does not divide len (dsl.py's offset), else k * (len // n).
ARC_DEVICE Tuple<Grid> split(Ctx& c, Grid g, int n, bool vertical) {
  if (c.failed()) return Tuple<Grid>{nullptr, 0};
  if (n == 0) { c.fail(S_ZERO_DIVISION); return Tuple<Grid>{nullptr, 0}; }
  if (g.h == 0) { c.fail(S_INDEX); return Tuple<Grid>{nullptr, 0}; }  // len(grid[0])
  if (n < 0) return Tuple<Grid>{nullptr, 0};                          // range(n) is empty
  if (n > (1 << 20)) { c.fail(S_LIMIT); return Tuple<Grid>{nullptr, 0}; }
  if (!c.step(n)) return Tuple<Grid>{nullptr, 0};
  int len = vertical ? g.h : g.w, part = len / n, off = len % n != 0;
  Grid* it = alloc<Grid>(c, n);
  if (!it) return Tuple<Grid>{nullptr, 0};
  for (int k = 0; k < n && !c.failed(); k++) {
    int start = part * k + k * off;
    it[k] = vertical ? crop(c, g, Point{start, 0}, Point{part, g.w}) : crop(c, g, Point{0, start}, Point{g.h, part});
  }
  ARC_SYNC();
  return Tuple<Grid>{it, n};
}
}  // namespace grids_detail

ARC_PRIM(hsplit)
struct hsplit_fn {
  ARC_HEAVY Tuple<Grid> operator()(Ctx& c, Grid g, int n) const { return grids_detail::split(c, g, n, false); }
  ARC_UNSUPPORTED
};
ARC_VAR hsplit_fn hsplit{};

ARC_PRIM(vsplit)
struct vsplit_fn {
  ARC_HEAVY Tuple<Grid> operator()(Ctx& c, Grid g, int n) const { return grids_detail::split(c, g, n, true); }
  ARC_UNSUPPORTED
};
ARC_VAR vsplit_fn vsplit{};

// a's cell where b agrees, else fallback; over a's shape (b must cover it: IndexError otherwise).
ARC_PRIM(cellwise)
struct cellwise_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid a, Grid b, int fallback) const {
    if (c.failed()) return Grid{0, 0, nullptr};
    if (a.h == 0) { c.fail(S_INDEX); return Grid{0, 0, nullptr}; }
    if (a.w > 0 && (b.h < a.h || b.w < a.w)) {  // the CPU makes the output grid before it finds out
      if (c.step((uint64_t)a.h * a.w)) c.fail(S_INDEX);
      return Grid{0, 0, nullptr};
    }
    if (fallback < 0 || fallback > 255) { c.unsupported(value_of<cellwise_fn, Grid, Grid, int>()); return Grid{0, 0, nullptr}; }
    ARC_GRID_MAP(a.h, a.w, a.v[k] == b.v[i * b.w + j] ? a.v[k] : (uint8_t)fallback)
  }
  ARC_UNSUPPORTED
};
ARC_VAR cellwise_fn cellwise{};

// Off the grid Python returns None, which has no int twin here: such samples go to the CPU.
ARC_PRIM(index)
struct index_fn {
  ARC_HEAVY int operator()(Ctx& c, Grid g, Point p) const {
    if (c.failed()) return 0;
    if (g.h == 0) { c.fail(S_INDEX); return 0; }  // len(grid[0])
    if (!grids_detail::in_grid(g, p.i, p.j)) { c.unsupported(value_of<index_fn, Grid, Point>()); return 0; }
    return g.v[p.i * g.w + p.j];
  }
  ARC_UNSUPPORTED
};
ARC_VAR index_fn index{};

ARC_PRIM(trim)
struct trim_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const { return grids_detail::window(c, g, 1, 1, g.h - 2, g.w - 2); }
  ARC_UNSUPPORTED
};
ARC_VAR trim_fn trim{};

ARC_PRIM(tophalf)
struct tophalf_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const { return grids_detail::window(c, g, 0, 0, g.h / 2, g.w); }
  ARC_UNSUPPORTED
};
ARC_VAR tophalf_fn tophalf{};

ARC_PRIM(bottomhalf)
struct bottomhalf_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const {
    return grids_detail::window(c, g, g.h / 2 + g.h % 2, 0, g.h / 2, g.w);
  }
  ARC_UNSUPPORTED
};
ARC_VAR bottomhalf_fn bottomhalf{};

// lefthalf = rot270(tophalf(rot90(grid))): no columns taken gives (), not rows of ().
ARC_PRIM(lefthalf)
struct lefthalf_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const {
    int w = g.w / 2;
    return grids_detail::window(c, g, 0, 0, w > 0 ? g.h : 0, w);
  }
  ARC_UNSUPPORTED
};
ARC_VAR lefthalf_fn lefthalf{};

ARC_PRIM(righthalf)
struct righthalf_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const {
    int w = g.w / 2;
    return grids_detail::window(c, g, 0, g.w - w, w > 0 ? g.h : 0, w);
  }
  ARC_UNSUPPORTED
};
ARC_VAR righthalf_fn righthalf{};

// Drops every row and column of one colour (an empty row is not of one colour).
ARC_PRIM(compress)
struct compress_fn {
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const {
    if (c.failed() || !c.step((uint64_t)g.h * g.w)) return Grid{0, 0, nullptr};  // the CPU's scan
    int* rows = alloc<int>(c, g.h);
    int* cols = alloc<int>(c, g.w);
    if (!rows || !cols) return Grid{0, 0, nullptr};
    int nr = grids_detail::gen_compact(
        rows, g.h,
        [&](int i) {
          bool one = g.w > 0;
          for (int j = 1; j < g.w && one; j++) one = g.v[i * g.w + j] == g.v[i * g.w];
          return !one;
        },
        [](int i) { return i; });
    int nc = grids_detail::gen_compact(
        cols, g.w,
        [&](int j) {
          bool one = g.h > 0;
          for (int i = 1; i < g.h && one; i++) one = g.v[i * g.w + j] == g.v[j];
          return !one;
        },
        [](int j) { return j; });
    ARC_GRID_MAP(nr, nr > 0 ? nc : 0, g.v[rows[i] * g.w + cols[j]])
  }
  ARC_UNSUPPORTED
};
ARC_VAR compress_fn compress{};

}  // namespace arc
