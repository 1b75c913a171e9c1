// Patches (mirror of src/patches.rs): objects (Set<Cell>) and indices (Set<Point>) — bounds,
// corners, shifts, neighbourhoods, lines and boxes, relations between patches. The "piece"
// primitives (height, width, shape, portrait, square) also take grids.
//
// Where Python returns something the GPU's static types cannot hold (the corners or the centre of
// mass of an empty patch are `()`), the sample fails with S_UNSUPPORTED and is redone on the CPU.
// Patch arguments of other element types (a Set<Object> given to uppermost...) take ARC_UNSUPPORTED.
#pragma once
#include "value.cuh"
#include "arith.cuh"
namespace arc {

// Only sets of cells or of points are patches: `template <ARC_PATCH_T(T)> f(Ctx&, Set<T>)`.
template <class T> struct PatchElem {};
template <> struct PatchElem<Cell> { using ok = int; };
template <> struct PatchElem<Point> { using ok = int; };
#define ARC_PATCH_T(T) class T, typename PatchElem<T>::ok = 0

ARC_DEVICE bool patch_fits(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }
ARC_DEVICE int64_t patch_abs(int64_t v) { return v < 0 ? -v : v; }

ARC_DEVICE int64_t patch_warp_min64(int64_t v) {
#ifdef __CUDACC__
  for (int o = 16; o > 0; o >>= 1) {
    long long x = __shfl_xor_sync(0xffffffffu, (long long)v, o);
    v = x < v ? x : v;
  }
#endif
  return v;
}
ARC_DEVICE int64_t patch_warp_sum64(int64_t v) {
#ifdef __CUDACC__
  for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, (long long)v, o);
#endif
  return v;
}

// Room for a new container of n items (mirror of Ctx::check_items: the item limit, n steps).
ARC_DEVICE bool patch_room(Ctx& c, int64_t n) {
  if (c.failed()) return false;
  if (n > (1 << 20)) { c.fail(S_LIMIT); return false; }
  return c.step((uint64_t)(n < 0 ? 0 : n));
}

// A tuple of points or of cells (what `merge`, `apply` and `pair` over tuples give) as the canonical
// frozenset the CPU's `patch_in` makes of it: every primitive below whose CPU twin takes such tuples
// ends with ARC_PATCH_UNSUPPORTED, which retries the call with them converted.
template <class X> struct TupleLikePatch { static constexpr bool v = false; };
template <class T> struct TupleLikePatch<Tuple<T>> { static constexpr bool v = same<T, Point> || same<T, Cell>; using E = T; };
template <class T> struct TupleLikePatch<Pair<T, T>> { static constexpr bool v = same<T, Point> || same<T, Cell>; using E = T; };
template <class T> ARC_DEVICE int tuple_len(Tuple<T> t) { return t.n; }
template <class T> ARC_DEVICE T tuple_at(Tuple<T> t, int k) { return t.it[k]; }
template <class T> ARC_DEVICE int tuple_len(Pair<T, T>) { return 2; }
template <class T> ARC_DEVICE T tuple_at(Pair<T, T> t, int k) { return k ? t.b : t.a; }
template <class X> ARC_HEAVY auto as_patch(Ctx& c, X x) {
  if constexpr (!TupleLikePatch<X>::v) {
    return x;
  } else {
    using T = typename TupleLikePatch<X>::E;
    int n = tuple_len(x);
    if (n == 0 || c.failed()) return Set<T>{nullptr, 0};
    T* out = alloc<T>(c, (uint64_t)n);
    if (!out) return Set<T>{nullptr, 0};
    ARC_FOR(k, n) out[k] = tuple_at(x, k);
    ARC_SYNC();
    return Set<T>{out, sort_unique(c, out, n)};
  }
}
template <class F, class... A> ARC_DEVICE auto retry_as_patches(Ctx& c, const F& f, A... a) {
  if constexpr ((TupleLikePatch<A>::v || ...)) {
    return f(c, as_patch(c, a)...);
  } else {
    return either_call(c, f, a...);  // a `branch` of two types, or S_UNSUPPORTED
  }
}
#define ARC_PATCH_UNSUPPORTED \
  template <class... A> ARC_DEVICE auto operator()(arc::Ctx& c, A... a) const { return arc::retry_as_patches(c, *this, a...); }

// Rows / columns spanned by a bounding box (0 when empty); Python's height/width of a patch. The
// predicates compare the exact spans; results must fit an int.
ARC_DEVICE int64_t patch_rows64(Bounds b) { return b.empty ? 0 : (int64_t)b.bottom - b.top + 1; }
ARC_DEVICE int64_t patch_cols64(Bounds b) { return b.empty ? 0 : (int64_t)b.right - b.left + 1; }
ARC_DEVICE int patch_rows(Ctx& c, Bounds b) { return checked(c, patch_rows64(b)); }
ARC_DEVICE int patch_cols(Ctx& c, Bounds b) { return checked(c, patch_cols64(b)); }

// Python's center(): (uppermost + height // 2, leftmost + width // 2); b must not be empty.
ARC_DEVICE Point patch_center(Bounds b) {
  return Point{(int)(b.top + ((int64_t)b.bottom - b.top + 1) / 2), (int)(b.left + ((int64_t)b.right - b.left + 1) / 2)};
}

// toindices: the locations of a patch, deduplicated (an object's cells are sorted by (i, j, colour),
// so the cells of one location are adjacent and the locations come out sorted).
// patch_locs counts an object's cells, as the CPU's toindices; locs_of counts nothing (for the
// primitives whose CPU twin reads the locations in place).
ARC_DEVICE Indices locs_of(Ctx&, Indices p) { return p; }
ARC_DEVICE Indices locs_of(Ctx& c, Object p) {
  if (p.n == 0 || c.failed()) return Indices{nullptr, 0};
  Point* out = alloc<Point>(c, p.n);
  if (!out) return Indices{nullptr, 0};
  ARC_FOR(k, p.n) out[k] = loc(p.it[k]);
  ARC_SYNC();
  int n = compact(out, out, p.n, [&](const Point& q, int k) { return k == 0 || !(loc(p.it[k - 1]) == q); });
  return Indices{out, n};
}
ARC_DEVICE Indices patch_locs(Ctx&, Indices p) { return p; }
ARC_DEVICE Indices patch_locs(Ctx& c, Object p) {
  if (p.n == 0 || !patch_room(c, p.n)) return Indices{nullptr, 0};
  return locs_of(c, p);
}

// The patch moved by (di, dj); the order (and so the sortedness) is kept.
ARC_DEVICE Cell patch_moved(Cell x, int64_t di, int64_t dj, bool& bad) {
  int64_t i = x.i + di, j = x.j + dj;
  bad |= !patch_fits(i) || !patch_fits(j);
  return Cell{(int)i, (int)j, x.color};
}
ARC_DEVICE Point patch_moved(Point x, int64_t di, int64_t dj, bool& bad) {
  int64_t i = x.i + di, j = x.j + dj;
  bad |= !patch_fits(i) || !patch_fits(j);
  return Point{(int)i, (int)j};
}
template <class T>
ARC_DEVICE Set<T> patch_shifted(Ctx& c, Set<T> p, int64_t di, int64_t dj) {
  if (p.n == 0 || !patch_room(c, p.n)) return p.n == 0 ? p : Set<T>{nullptr, 0};
  T* out = alloc<T>(c, p.n);
  if (!out) return Set<T>{nullptr, 0};
  bool bad = false;
  ARC_FOR(k, p.n) out[k] = patch_moved(p.it[k], di, dj, bad);
  ARC_SYNC();
  if (warp_any(bad)) { c.fail(S_OVERFLOW); return Set<T>{nullptr, 0}; }
  return Set<T>{out, p.n};
}

// Points k = 0..n of a sorted, duplicate-free construction: at(k) gives point k. `counted`: n steps,
// as the CPU's check_items (not for the few fixed points of neighbours, corners and frontiers).
template <class At>
ARC_DEVICE Indices patch_build(Ctx& c, int64_t n, At at, bool counted = true) {
  if (n <= 0) return Indices{nullptr, 0};
  if (counted ? !patch_room(c, n) : c.failed()) return Indices{nullptr, 0};
  Point* out = alloc<Point>(c, n);
  if (!out) return Indices{nullptr, 0};
  ARC_FOR(k, n) out[k] = at(k);
  ARC_SYNC();
  return Indices{out, (int)n};
}

// The 3x3 neighbourhood cells m (0..9, raster order, 4 is the centre) picked by pick(k), k < n.
template <class Pick>
ARC_DEVICE Indices patch_around(Ctx& c, Point at, int n, Pick pick) {
  if ((int64_t)at.i - 1 < INT32_MIN || (int64_t)at.i + 1 > INT32_MAX || (int64_t)at.j - 1 < INT32_MIN ||
      (int64_t)at.j + 1 > INT32_MAX) {
    c.fail(S_OVERFLOW);
    return Indices{nullptr, 0};
  }
  return patch_build(
      c, n,
      [&](int k) {
        int m = pick(k);
        return Point{at.i + m / 3 - 1, at.j + m % 3 - 1};
      },
      false);
}

// The rectangle rows si..=ei x columns sj..=ej in raster order (backdrop).
ARC_DEVICE Indices patch_rect(Ctx& c, Bounds b) {
  int64_t h = (int64_t)b.bottom - b.top + 1, w = (int64_t)b.right - b.left + 1;
  int64_t n = h > (1 << 20) || w > (1 << 20) ? (int64_t)1 << 41 : h * w;  // past the limit, no overflow
  return patch_build(c, n, [&](int k) { return Point{(int)(b.top + k / w), (int)(b.left + k % w)}; });
}

// The outline of the rectangle rows si..=ei x columns sj..=ej (box, inbox, outbox), in raster order.
ARC_DEVICE Indices patch_outline(Ctx& c, int64_t si, int64_t sj, int64_t ei, int64_t ej) {
  if (!patch_fits(si) || !patch_fits(sj) || !patch_fits(ei) || !patch_fits(ej)) {
    c.fail(S_OVERFLOW);
    return Indices{nullptr, 0};
  }
  int64_t h = ei - si + 1, w = ej - sj + 1;
  int64_t n = h == 1 ? w : w == 1 ? h : 2 * w + 2 * (h - 2);
  // The CPU checks and charges 2h + 2w items (an upper bound of n): same limit, same steps.
  if (2 * h + 2 * w > (1 << 20)) { c.fail(S_LIMIT); return Indices{nullptr, 0}; }
  if (!c.step((uint64_t)(2 * h + 2 * w))) return Indices{nullptr, 0};  // in one charge, as the CPU's
  return patch_build(
      c, n,
      [&](int k) {
        if (h == 1) return Point{(int)si, (int)(sj + k)};
        if (w == 1) return Point{(int)(si + k), (int)sj};
        if (k < w) return Point{(int)si, (int)(sj + k)};
        int64_t m = k - w;
        if (m < 2 * (h - 2)) return Point{(int)(si + 1 + m / 2), (int)(m % 2 ? ej : sj)};
        return Point{(int)ei, (int)(sj + m - 2 * (h - 2))};
      },
      false);
}

// Python's connect(a, b): the horizontal, vertical or diagonal segment from a to b, else nothing.
ARC_DEVICE Indices patch_line(Ctx& c, int64_t ai, int64_t aj, int64_t bi, int64_t bj) {
  int64_t si = ai < bi ? ai : bi, ei = (ai < bi ? bi : ai) + 1;
  int64_t sj = aj < bj ? aj : bj, ej = (aj < bj ? bj : aj) + 1;
  int kind;
  if (ai == bi) kind = 0;
  else if (aj == bj) kind = 1;
  else if (bi - ai == bj - aj) kind = 2;
  else if (bi - ai == aj - bj) kind = 3;
  else return Indices{nullptr, 0};
  int64_t n = kind == 0 ? ej - sj : ei - si;
  if (n > (1 << 20)) { c.fail(S_LIMIT); return Indices{nullptr, 0}; }
  if (!patch_fits(si) || !patch_fits(ei - 1) || !patch_fits(sj) || !patch_fits(ej - 1)) {
    c.fail(S_OVERFLOW);
    return Indices{nullptr, 0};
  }
  return patch_build(c, n, [&](int k) {
    switch (kind) {
      case 0: return Point{(int)ai, (int)(sj + k)};
      case 1: return Point{(int)(si + k), (int)aj};
      case 2: return Point{(int)(si + k), (int)(sj + k)};
      default: return Point{(int)(si + k), (int)(ej - 1 - k)};
    }
  });
}

// Whether some row of a is a row of b (both are sorted by row: binary search in b).
// Counted as the CPU's `matching`: nothing when a side is empty or the spans do not overlap, else
// the elements of both.
template <class A, class B>
ARC_DEVICE bool patch_spans_meet(Ctx& c, Set<A> a, Set<B> b, bool rows) {
  if (a.n == 0 || b.n == 0) return false;
  Bounds ba = bounds(a), bb = bounds(b);
  int lo = rows ? (ba.top > bb.top ? ba.top : bb.top) : (ba.left > bb.left ? ba.left : bb.left);
  int hi = rows ? (ba.bottom < bb.bottom ? ba.bottom : bb.bottom) : (ba.right < bb.right ? ba.right : bb.right);
  if (lo > hi) return false;
  return c.step((uint64_t)a.n + b.n);
}
template <class A, class B>
ARC_DEVICE bool patch_rows_meet(Ctx& c, Set<A> a, Set<B> b) {
  if (!patch_spans_meet(c, a, b, true)) return false;
  bool hit = false;
  ARC_FOR(k, a.n) {
    int r = loc(a.it[k]).i, lo = 0, hi = b.n;
    while (lo < hi) {
      int mid = (lo + hi) / 2;
      if (loc(b.it[mid]).i < r) lo = mid + 1; else hi = mid;
    }
    if (lo < b.n && loc(b.it[lo]).i == r) { hit = true; break; }
  }
  return warp_any(hit);
}

// Whether some column of a is a column of b (columns are not sorted: a scan of b per element of a).
template <class A, class B>
ARC_DEVICE bool patch_cols_meet(Ctx& c, Set<A> a, Set<B> b) {
  if (!patch_spans_meet(c, a, b, false)) return false;
  bool hit = false;
  ARC_FOR(k, a.n) {
    int col = loc(a.it[k]).j;
    for (int m = 0; m < b.n && !hit; m++) hit = loc(b.it[m]).j == col;
    if (hit) break;
  }
  return warp_any(hit);
}

// The least Manhattan distance between a moved by (oi, oj) and b (both sorted by row; INT64_MAX
// when one is empty), found and counted as the CPU's min_dist finds and counts it: for each element
// of a the rows of b are scanned outward from its row until the row distance alone reaches the best
// distance so far, each pair looked at is a step, and 0 ends the search. The same serial loop on
// every lane (the pairs it looks at are few: the scan stops at the nearest rows), then one charge.
template <class A, class B>
ARC_DEVICE int64_t patch_min_dist_counted(Ctx& c, Set<A> a, Set<B> b, int64_t oi, int64_t oj) {
  int64_t best = INT64_MAX;
  uint64_t work = 0;
  for (int ka = 0; ka < a.n && best != 0; ka++) {
    Point p = loc(a.it[ka]);
    int64_t ai = p.i + oi, aj = p.j + oj;
    int lo = 0, hi = b.n;  // the first element of b whose row is not above ai
    while (lo < hi) {
      int mid = (lo + hi) / 2;
      if ((int64_t)loc(b.it[mid]).i < ai) lo = mid + 1; else hi = mid;
    }
    for (int m = lo; m < b.n; m++) {
      Point q = loc(b.it[m]);
      if (q.i - ai >= best) break;
      work++;
      int64_t d = q.i - ai + patch_abs(q.j - aj);
      best = d < best ? d : best;
    }
    for (int m = lo - 1; m >= 0; m--) {
      Point q = loc(b.it[m]);
      if (ai - q.i >= best) break;
      work++;
      int64_t d = ai - q.i + patch_abs(q.j - aj);
      best = d < best ? d : best;
    }
  }
  c.step(work);
  return best;
}

// Whether cell x of a sorted object is in it (binary search).
ARC_DEVICE bool patch_has(Object o, Cell x) {
  int lo = 0, hi = o.n;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (compare(o.it[mid], x) < 0) lo = mid + 1; else hi = mid;
  }
  return lo < o.n && o.it[lo] == x;
}

// ---- pieces: grids and patches ----

ARC_PRIM(height)
struct height_fn {
  ARC_DEVICE int operator()(Ctx&, Grid g) const { return g.h; }
  template <ARC_PATCH_T(T)> ARC_DEVICE int operator()(Ctx& c, Set<T> p) const { return patch_rows(c, bounds(p)); }
  ARC_DEVICE int operator()(Ctx& c, int) const { return type_error<int>(c); }  // len(0)
  ARC_UNSUPPORTED
};
ARC_VAR height_fn height{};

ARC_PRIM(width)
struct width_fn {
  ARC_DEVICE int operator()(Ctx&, Grid g) const { return g.h > 0 ? g.w : 0; }
  template <ARC_PATCH_T(T)> ARC_DEVICE int operator()(Ctx& c, Set<T> p) const { return patch_cols(c, bounds(p)); }
  ARC_DEVICE int operator()(Ctx& c, int) const { return type_error<int>(c); }  // len(0)
  ARC_UNSUPPORTED
};
ARC_VAR width_fn width{};

ARC_PRIM(shape)
struct shape_fn {
  ARC_DEVICE Point operator()(Ctx&, Grid g) const { return Point{g.h, g.h > 0 ? g.w : 0}; }
  template <ARC_PATCH_T(T)> ARC_DEVICE Point operator()(Ctx& c, Set<T> p) const {
    Bounds b = bounds(p);
    return Point{patch_rows(c, b), patch_cols(c, b)};
  }
  ARC_DEVICE Point operator()(Ctx& c, int) const { return type_error<Point>(c); }  // height(0)
  ARC_UNSUPPORTED
};
ARC_VAR shape_fn shape{};

ARC_PRIM(portrait)
struct portrait_fn {
  ARC_DEVICE bool operator()(Ctx&, Grid g) const { return g.h > (g.h > 0 ? g.w : 0); }
  template <ARC_PATCH_T(T)> ARC_DEVICE bool operator()(Ctx&, Set<T> p) const {
    Bounds b = bounds(p);
    return patch_rows64(b) > patch_cols64(b);
  }
  ARC_UNSUPPORTED
};
ARC_VAR portrait_fn portrait{};

ARC_PRIM(square)
struct square_fn {
  // Python reads piece[0] of a grid: IndexError for the empty grid.
  ARC_DEVICE bool operator()(Ctx& c, Grid g) const {
    if (g.h == 0) { c.fail(S_INDEX); return false; }
    return g.h == g.w;
  }
  // len counts cells, so an object with two colours in one location is not a square.
  template <ARC_PATCH_T(T)> ARC_DEVICE bool operator()(Ctx&, Set<T> p) const {
    Bounds b = bounds(p);
    int64_t h = patch_rows64(b), w = patch_cols64(b);
    return h == w && h <= (1 << 16) && h * w == p.n;  // a larger square holds more than 2^31 cells
  }
  ARC_UNSUPPORTED
};
ARC_VAR square_fn square{};

// ---- colours ----

ARC_PRIM(colorfilter)
struct colorfilter_fn {
  // "First cell" is the first in the canonical (raster) order, as on the CPU.
  ARC_HEAVY Set<Object> operator()(Ctx& c, Set<Object> objs, int value) const {
    if (c.failed() || !patch_room(c, objs.n)) return Set<Object>{nullptr, 0};
    bool hollow = false;
    ARC_FOR(k, objs.n) hollow |= objs.it[k].n == 0;
    if (warp_any(hollow)) { c.fail(S_EMPTY); return Set<Object>{nullptr, 0}; }
    Object* out = alloc<Object>(c, objs.n);
    if (!out) return Set<Object>{nullptr, 0};
    int n = compact(out, objs.it, objs.n, [&](const Object& o, int) { return o.it[0].color == value; });
    return Set<Object>{out, n};
  }
  // next(iter(indices))[0] is the first point's row.
  ARC_HEAVY Set<Indices> operator()(Ctx& c, Set<Indices> sets, int value) const {
    if (c.failed() || !patch_room(c, sets.n)) return Set<Indices>{nullptr, 0};
    bool hollow = false;
    ARC_FOR(k, sets.n) hollow |= sets.it[k].n == 0;
    if (warp_any(hollow)) { c.fail(S_EMPTY); return Set<Indices>{nullptr, 0}; }
    Indices* out = alloc<Indices>(c, sets.n);
    if (!out) return Set<Indices>{nullptr, 0};
    int n = compact(out, sets.it, sets.n, [&](const Indices& x, int) { return x.it[0].i == value; });
    return Set<Indices>{out, n};
  }
  ARC_UNSUPPORTED
};
ARC_VAR colorfilter_fn colorfilter{};

ARC_PRIM(color)
struct color_fn {
  ARC_DEVICE int operator()(Ctx& c, Object o) const {
    if (o.n == 0) { c.fail(S_EMPTY); return 0; }
    return o.it[0].color;
  }
  ARC_DEVICE int operator()(Ctx& c, Indices p) const {  // next(iter(p))[0]: the first point's row
    if (p.n == 0) { c.fail(S_EMPTY); return 0; }
    return p.it[0].i;
  }
  ARC_DEVICE int operator()(Ctx&, Pair<Cell, Cell> p) const { return p.a.color; }  // a tuple of cells
  ARC_DEVICE int operator()(Ctx& c, Tuple<Cell> t) const {
    if (t.n == 0) { c.fail(S_EMPTY); return 0; }
    return t.it[0].color;
  }
  ARC_UNSUPPORTED
};
ARC_VAR color_fn color{};

ARC_PRIM(recolor)
struct recolor_fn {
  template <ARC_PATCH_T(T)> ARC_HEAVY Object operator()(Ctx& c, int value, Set<T> p) const {
    if (!patch_room(c, p.n)) return Object{nullptr, 0};  // the CPU counts the patch's elements
    Indices at = locs_of(c, p);
    if (at.n == 0) return Object{nullptr, 0};
    Cell* out = alloc<Cell>(c, at.n);
    if (!out) return Object{nullptr, 0};
    ARC_FOR(k, at.n) out[k] = Cell{at.it[k].i, at.it[k].j, value};
    ARC_SYNC();
    return Object{out, at.n};
  }
  template <ARC_PATCH_T(T)> ARC_HEAVY Object operator()(Ctx& c, bool value, Set<T> p) const { return (*this)(c, (int)value, p); }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR recolor_fn recolor{};

// ---- corners and extremes ----

// The corners of an empty patch are Python's `()`: redone on the CPU.
#define ARC_PATCH_CORNER(name, I, J)                                                \
  struct name##_fn {                                                                \
    template <ARC_PATCH_T(T)> ARC_DEVICE Point operator()(Ctx& c, Set<T> p) const { \
      Bounds b = bounds(p);                                                         \
      if (b.empty) { c.unsupported(value_of<name##_fn, Set<T>>()); return Point{0, 0}; }                   \
      return Point{b.I, b.J};                                                       \
    }                                                                               \
    ARC_PATCH_UNSUPPORTED                                                           \
  };                                                                                \
  template <> struct IsCorner<name##_fn> { static constexpr bool v = true; };       \
  ARC_VAR name##_fn name{};

ARC_PRIM(ulcorner)
ARC_PATCH_CORNER(ulcorner, top, left)
ARC_PRIM(urcorner)
ARC_PATCH_CORNER(urcorner, top, right)
ARC_PRIM(llcorner)
ARC_PATCH_CORNER(llcorner, bottom, left)
ARC_PRIM(lrcorner)
ARC_PATCH_CORNER(lrcorner, bottom, right)

// min()/max() of no rows: ValueError in Python.
#define ARC_PATCH_EXTREME(name, SIDE)                                             \
  struct name##_fn {                                                              \
    template <ARC_PATCH_T(T)> ARC_DEVICE int operator()(Ctx& c, Set<T> p) const { \
      Bounds b = bounds(p);                                                       \
      if (b.empty) { c.fail(S_EMPTY); return 0; }                                 \
      return b.SIDE;                                                              \
    }                                                                             \
    ARC_PATCH_UNSUPPORTED                                                               \
  };                                                                              \
  ARC_VAR name##_fn name{};

ARC_PRIM(uppermost)
ARC_PATCH_EXTREME(uppermost, top)
ARC_PRIM(lowermost)
ARC_PATCH_EXTREME(lowermost, bottom)
ARC_PRIM(leftmost)
ARC_PATCH_EXTREME(leftmost, left)
ARC_PRIM(rightmost)
ARC_PATCH_EXTREME(rightmost, right)

ARC_PRIM(corners)
struct corners_fn {
  template <ARC_PATCH_T(T)> ARC_HEAVY Indices operator()(Ctx& c, Set<T> p) const {
    Bounds b = bounds(p);
    if (b.empty) { c.unsupported(value_of<corners_fn, Set<T>>()); return Indices{nullptr, 0}; }  // Python: frozenset({()})
    int nj = b.left == b.right ? 1 : 2, n = (b.top == b.bottom ? 1 : 2) * nj;
    return patch_build(
        c, n, [&](int k) { return Point{k / nj ? b.bottom : b.top, k % nj ? b.right : b.left}; }, false);
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR corners_fn corners{};

// ---- locations ----

ARC_PRIM(toindices)
struct toindices_fn {
  template <ARC_PATCH_T(T)> ARC_HEAVY Indices operator()(Ctx& c, Set<T> p) const { return patch_locs(c, p); }
  ARC_UNSUPPORTED
};
ARC_VAR toindices_fn toindices{};

ARC_PRIM(shift)
struct shift_fn {
  template <ARC_PATCH_T(T)> ARC_HEAVY Set<T> operator()(Ctx& c, Set<T> p, Point d) const {
    if (d.i == 0 && d.j == 0) return p;  // the patch itself, as on the CPU (no steps)
    return patch_shifted(c, p, d.i, d.j);
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR shift_fn shift{};

ARC_PRIM(normalize)
struct normalize_fn {
  template <ARC_PATCH_T(T)> ARC_HEAVY Set<T> operator()(Ctx& c, Set<T> p) const {
    Bounds b = bounds(p);
    if (b.empty) return p;
    if (b.top == INT32_MIN || b.left == INT32_MIN) { c.fail(S_OVERFLOW); return Set<T>{nullptr, 0}; }  // the offset
    if (b.top == 0 && b.left == 0) return p;  // shift by (0, 0): the patch itself, as on the CPU
    return patch_shifted(c, p, -(int64_t)b.top, -(int64_t)b.left);
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR normalize_fn normalize{};

ARC_PRIM(dneighbors)
struct dneighbors_fn {
  ARC_HEAVY Indices operator()(Ctx& c, Point at) const { return patch_around(c, at, 4, [](int k) { return 2 * k + 1; }); }
  ARC_UNSUPPORTED
};
ARC_VAR dneighbors_fn dneighbors{};

ARC_PRIM(ineighbors)
struct ineighbors_fn {
  ARC_HEAVY Indices operator()(Ctx& c, Point at) const {
    return patch_around(c, at, 4, [](int k) { return k < 2 ? 2 * k : 2 * k + 2; });
  }
  ARC_UNSUPPORTED
};
ARC_VAR ineighbors_fn ineighbors{};

ARC_PRIM(neighbors)
struct neighbors_fn {
  ARC_HEAVY Indices operator()(Ctx& c, Point at) const { return patch_around(c, at, 8, [](int k) { return k < 4 ? k : k + 1; }); }
  ARC_UNSUPPORTED
};
ARC_VAR neighbors_fn neighbors{};

// ---- shape tests and relations ----

ARC_PRIM(vline)
struct vline_fn {
  template <ARC_PATCH_T(T)> ARC_DEVICE bool operator()(Ctx&, Set<T> p) const {
    Bounds b = bounds(p);
    return patch_rows64(b) == p.n && patch_cols64(b) == 1;
  }
  ARC_UNSUPPORTED
};
ARC_VAR vline_fn vline{};

ARC_PRIM(hline)
struct hline_fn {
  template <ARC_PATCH_T(T)> ARC_DEVICE bool operator()(Ctx&, Set<T> p) const {
    Bounds b = bounds(p);
    return patch_cols64(b) == p.n && patch_rows64(b) == 1;
  }
  ARC_UNSUPPORTED
};
ARC_VAR hline_fn hline{};

ARC_PRIM(hmatching)
struct hmatching_fn {
  template <ARC_PATCH_T(A), ARC_PATCH_T(B)> ARC_HEAVY bool operator()(Ctx& c, Set<A> a, Set<B> b) const {
    if (c.failed()) return false;
    return patch_rows_meet(c, a, b);
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR hmatching_fn hmatching{};

ARC_PRIM(vmatching)
struct vmatching_fn {
  template <ARC_PATCH_T(A), ARC_PATCH_T(B)> ARC_HEAVY bool operator()(Ctx& c, Set<A> a, Set<B> b) const {
    if (c.failed()) return false;
    return patch_cols_meet(c, a, b);
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR vmatching_fn vmatching{};

ARC_PRIM(manhattan)
struct manhattan_fn {
  template <ARC_PATCH_T(A), ARC_PATCH_T(B)> ARC_HEAVY int operator()(Ctx& c, Set<A> a, Set<B> b) const {
    if (c.failed()) return 0;
    if (a.n == 0 || b.n == 0) { c.fail(S_EMPTY); return 0; }  // min() of nothing
    int64_t d = patch_min_dist_counted(c, a, b, 0, 0);
    if (c.failed()) return 0;
    return checked(c, d);
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR manhattan_fn manhattan{};

ARC_PRIM(adjacent)
struct adjacent_fn {
  // The distance need not fit an int here.
  template <ARC_PATCH_T(A), ARC_PATCH_T(B)> ARC_HEAVY bool operator()(Ctx& c, Set<A> a, Set<B> b) const {
    if (c.failed()) return false;
    if (a.n == 0 || b.n == 0) { c.fail(S_EMPTY); return false; }
    return patch_min_dist_counted(c, a, b, 0, 0) == 1 && !c.failed();
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR adjacent_fn adjacent{};

ARC_PRIM(bordering)
struct bordering_fn {
  // Python's `or` chain: len(grid[0]) is read (IndexError on an empty grid) only when reached.
  template <ARC_PATCH_T(T)> ARC_DEVICE bool operator()(Ctx& c, Set<T> p, Grid g) const {
    Bounds b = bounds(p);
    if (b.empty) { c.fail(S_EMPTY); return false; }
    if (b.top == 0 || b.left == 0 || (int64_t)b.bottom == (int64_t)g.h - 1) return true;
    if (g.h == 0) { c.fail(S_INDEX); return false; }
    return (int64_t)b.right == (int64_t)g.w - 1;
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR bordering_fn bordering{};

ARC_PRIM(centerofmass)
struct centerofmass_fn {
  // Sums over the distinct locations, divided (floor) by len(patch), which counts cells.
  template <ARC_PATCH_T(T)> ARC_HEAVY Point operator()(Ctx& c, Set<T> p) const {
    if (c.failed()) return Point{0, 0};
    if (p.n == 0) { c.unsupported(value_of<centerofmass_fn, Set<T>>()); return Point{0, 0}; }  // Python: ()
    if (!c.step(p.n)) return Point{0, 0};
    int64_t si = 0, sj = 0;
    ARC_FOR(k, p.n) {
      Point q = loc(p.it[k]);
      if (k > 0 && loc(p.it[k - 1]) == q) continue;
      si += q.i;
      sj += q.j;
    }
    si = patch_warp_sum64(si);
    sj = patch_warp_sum64(sj);
    return Point{checked(c, floordiv(si, p.n)), checked(c, floordiv(sj, p.n))};
  }
  ARC_UNSUPPORTED
};
ARC_VAR centerofmass_fn centerofmass{};

ARC_PRIM(center)
struct center_fn {
  template <ARC_PATCH_T(T)> ARC_DEVICE Point operator()(Ctx& c, Set<T> p) const {
    Bounds b = bounds(p);
    if (b.empty) { c.fail(S_EMPTY); return Point{0, 0}; }
    return patch_center(b);
  }
  ARC_DEVICE Point operator()(Ctx& c, int) const { return type_error<Point>(c); }  // toindices(0)
  ARC_UNSUPPORTED
};
ARC_VAR center_fn center{};

ARC_PRIM(position)
struct position_fn {
  template <ARC_PATCH_T(A), ARC_PATCH_T(B)> ARC_DEVICE Point operator()(Ctx& c, Set<A> a, Set<B> b) const {
    Bounds ba = bounds(a), bb = bounds(b);
    if (ba.empty || bb.empty) { c.fail(S_EMPTY); return Point{0, 0}; }
    Point x = patch_center(ba), y = patch_center(bb);
    int dj = x.j < y.j ? 1 : -1;
    if (x.i == y.i) return Point{0, dj};
    if (x.j == y.j) return Point{x.i < y.i ? 1 : -1, 0};
    return Point{x.i < y.i ? 1 : -1, dj};
  }
  ARC_UNSUPPORTED
};
ARC_VAR position_fn position{};

// ---- lines and boxes ----

ARC_PRIM(connect)
struct connect_fn {
  ARC_HEAVY Indices operator()(Ctx& c, Point a, Point b) const { return patch_line(c, a.i, a.j, b.i, b.j); }
  ARC_UNSUPPORTED
};
ARC_VAR connect_fn connect{};

ARC_PRIM(shoot)
struct shoot_fn {
  ARC_HEAVY Indices operator()(Ctx& c, Point s, Point d) const {
    int64_t ei = s.i + 42 * (int64_t)d.i, ej = s.j + 42 * (int64_t)d.j;
    if (!patch_fits(ei) || !patch_fits(ej)) { c.fail(S_OVERFLOW); return Indices{nullptr, 0}; }  // the end point
    return patch_line(c, s.i, s.j, ei, ej);
  }
  ARC_UNSUPPORTED
};
ARC_VAR shoot_fn shoot{};

ARC_PRIM(vfrontier)
struct vfrontier_fn {
  ARC_HEAVY Indices operator()(Ctx& c, Point at) const { return patch_build(c, 30, [&](int k) { return Point{k, at.j}; }, false); }
  ARC_UNSUPPORTED
};
ARC_VAR vfrontier_fn vfrontier{};

ARC_PRIM(hfrontier)
struct hfrontier_fn {
  ARC_HEAVY Indices operator()(Ctx& c, Point at) const { return patch_build(c, 30, [&](int k) { return Point{at.i, k}; }, false); }
  ARC_UNSUPPORTED
};
ARC_VAR hfrontier_fn hfrontier{};

ARC_PRIM(backdrop)
struct backdrop_fn {
  template <ARC_PATCH_T(T)> ARC_HEAVY Indices operator()(Ctx& c, Set<T> p) const {
    Bounds b = bounds(p);
    if (b.empty) return Indices{nullptr, 0};
    return patch_rect(c, b);
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR backdrop_fn backdrop{};

ARC_PRIM(delta)
struct delta_fn {
  // The backdrop's points not in the patch: a mark per backdrop point, then ordered compaction.
  template <ARC_PATCH_T(T)> ARC_HEAVY Indices operator()(Ctx& c, Set<T> p) const {
    Bounds b = bounds(p);
    if (b.empty || c.failed()) return Indices{nullptr, 0};
    Indices r = patch_rect(c, b);
    if (r.n == 0) return r;
    uint8_t* in = alloc<uint8_t>(c, r.n);
    if (!in) return Indices{nullptr, 0};
    int w = b.right - b.left + 1;
    ARC_FOR(k, r.n) in[k] = 0;
    ARC_SYNC();
    ARC_FOR(k, p.n) {
      Point q = loc(p.it[k]);
      in[(q.i - b.top) * w + (q.j - b.left)] = 1;
    }
    ARC_SYNC();
    int n = compact(r.it, r.it, r.n, [&](const Point&, int k) { return in[k] == 0; });
    return Indices{r.it, n};
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR delta_fn delta{};

ARC_PRIM(box)
struct box_fn {
  template <ARC_PATCH_T(T)> ARC_HEAVY Indices operator()(Ctx& c, Set<T> p) const {
    Bounds b = bounds(p);
    if (b.empty) return Indices{nullptr, 0};  // Python returns the (empty) patch itself
    return patch_outline(c, b.top, b.left, b.bottom, b.right);
  }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR box_fn box{};

// inbox/outbox: the box one step inside/outside (corners swapped back into order when they cross).
#define ARC_PATCH_XBOX(name, D)                                                                       \
  struct name##_fn {                                                                                  \
    template <ARC_PATCH_T(T)> ARC_HEAVY Indices operator()(Ctx& c, Set<T> p) const {                  \
      Bounds b = bounds(p);                                                                           \
      if (b.empty) { c.fail(S_EMPTY); return Indices{nullptr, 0}; }                                   \
      int64_t ai = (int64_t)b.top + D, aj = (int64_t)b.left + D;                                      \
      int64_t bi = (int64_t)b.bottom - D, bj = (int64_t)b.right - D;                                  \
      return patch_outline(c, ai < bi ? ai : bi, aj < bj ? aj : bj, ai < bi ? bi : ai, aj < bj ? bj : aj); \
    }                                                                                                 \
    ARC_PATCH_UNSUPPORTED                                                                             \
  };                                                                                                  \
  ARC_VAR name##_fn name{};

ARC_PRIM(inbox)
ARC_PATCH_XBOX(inbox, 1)
ARC_PRIM(outbox)
ARC_PATCH_XBOX(outbox, -1)

ARC_PRIM(gravitate)
struct gravitate_fn {
  // Moves source one step at a time towards destination until adjacent, at most 42 steps; the
  // offset of the last move that was needed. The same loop on every lane.
  template <ARC_PATCH_T(A), ARC_PATCH_T(B)> ARC_HEAVY Point operator()(Ctx& c, Set<A> s, Set<B> d) const {
    if (c.failed()) return Point{0, 0};
    Bounds bs = bounds(s), bd = bounds(d);
    if (bs.empty || bd.empty) { c.fail(S_EMPTY); return Point{0, 0}; }
    Point cs = patch_center(bs), cd = patch_center(bd);
    int di = 0, dj = 0;
    if (patch_cols_meet(c, s, d)) di = cs.i < cd.i ? 1 : -1;
    else dj = cs.j < cd.j ? 1 : -1;
    int moves = 0;
    while (moves < 42) {
      int64_t dist = patch_min_dist_counted(c, s, d, (int64_t)di * moves, (int64_t)dj * moves);
      if (c.failed()) return Point{0, 0};
      if (dist == 1) break;
      moves++;
    }
    return Point{di * moves, dj * moves};
  }
  ARC_UNSUPPORTED
};
ARC_VAR gravitate_fn gravitate{};

// ---- periods ----

// The least p in 1..n such that the object moved back by p (along `rows` or columns), cut at the
// normalised origin, lies within itself; n (its height or width) if none. Works on the original
// coordinates: membership is unchanged by normalising both sides.
ARC_DEVICE int patch_period(Ctx& c, Object o, bool rows) {
  if (c.failed()) return 0;
  Bounds b = bounds(o);
  int n = rows ? patch_rows(c, b) : patch_cols(c, b);
  for (int p = 1; p < n; p++) {
    if (!c.step(o.n)) return 0;
    bool ok = true;
    ARC_FOR(k, o.n) {
      Cell x = o.it[k];
      if ((rows ? x.i - b.top : x.j - b.left) < p) continue;
      Cell y = rows ? Cell{x.i - p, x.j, x.color} : Cell{x.i, x.j - p, x.color};
      if (!patch_has(o, y)) { ok = false; break; }
    }
    if (warp_all(ok)) return p;
  }
  return n;
}

// Indices have no colour to unpack: Python's loop raises once it runs (extent > 1).
ARC_DEVICE int patch_period(Ctx& c, Indices p, bool rows) {
  Bounds b = bounds(p);
  int n = rows ? patch_rows(c, b) : patch_cols(c, b);
  if (n > 1) { c.fail(S_TYPE); return 0; }
  return n;
}

ARC_PRIM(hperiod)
struct hperiod_fn {
  ARC_HEAVY int operator()(Ctx& c, Object o) const { return patch_period(c, o, false); }
  ARC_HEAVY int operator()(Ctx& c, Indices p) const { return patch_period(c, p, false); }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR hperiod_fn hperiod{};

ARC_PRIM(vperiod)
struct vperiod_fn {
  ARC_HEAVY int operator()(Ctx& c, Object o) const { return patch_period(c, o, true); }
  ARC_HEAVY int operator()(Ctx& c, Indices p) const { return patch_period(c, p, true); }
  ARC_PATCH_UNSUPPORTED
};
ARC_VAR vperiod_fn vperiod{};

}  // namespace arc
