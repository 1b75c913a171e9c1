// Containers (mirror of src/containers.rs): frozensets and tuples.
//
// Element types are static here: Set<T> / Tuple<T> hold one C++ type, a Grid is a tuple of rows
// (each row a Tuple<int> when taken out), a Point is a tuple of two ints. Where the CPU would build
// a container the GPU's static types cannot hold (mixed element types, a frozenset of functions
// needing an order...), the sample fails with S_UNSUPPORTED and is redone on the CPU.
//
// Frozensets are sorted unique slices, so membership is a binary search and union / intersection /
// difference are merges placed by rank (every lane handles its own elements). Loops that call a
// function value (sfilter, argmax, order...) are uniform: all lanes call it on the same element.
//
// Keys and elements compared "as Python's <" (order, argmax, valmax, maximum...) use key_compare:
// two cells compare colour first, as the (colour, (i, j)) tuples they are; all else canonically.
#pragma once
#include "value.cuh"
namespace arc {

// A 2-tuple other than (int, int) (a Point) and (int, Point) (a Cell): what `pair`, `product` and
// friends build. Ordered as a Python tuple: a, then b.
template <class A, class B> struct Pair {
  A a;
  B b;
};
template <class A, class B> struct KindOf<Pair<A, B>> { static constexpr uint32_t v = K_PAIR; };
template <class A, class B> ARC_DEVICE int compare(Pair<A, B> x, Pair<A, B> y) {
  int d = compare(x.a, y.a);
  return d ? d : compare(x.b, y.b);
}
template <class A, class B> ARC_DEVICE bool truthy(Pair<A, B>) { return true; }
ARC_DEVICE bool truthy(Cell) { return true; }

namespace containers_detail {
// (`same` and `declval_` come from value.cuh)

// Values with the canonical order (`compare`): what frozensets may hold and keys may be.
template <class T> struct Ordered { static constexpr bool v = false; };
template <> struct Ordered<int> { static constexpr bool v = true; };
template <> struct Ordered<bool> { static constexpr bool v = true; };
template <> struct Ordered<Point> { static constexpr bool v = true; };
template <> struct Ordered<Cell> { static constexpr bool v = true; };
template <> struct Ordered<Grid> { static constexpr bool v = true; };
template <class T> struct Ordered<Set<T>> { static constexpr bool v = Ordered<T>::v; };
template <class T> struct Ordered<Tuple<T>> { static constexpr bool v = Ordered<T>::v; };
template <class A, class B> struct Ordered<Pair<A, B>> { static constexpr bool v = Ordered<A>::v && Ordered<B>::v; };
template <class T> constexpr bool ordered = Ordered<T>::v;

// The CPU's rank of a value kind in the canonical order: numbers 1, tuples 2, frozensets 3
// (0: not a data value). Values of different ranks are never equal.
template <class T> struct Rank { static constexpr int v = 0; };
template <> struct Rank<int> { static constexpr int v = 1; };
template <> struct Rank<bool> { static constexpr int v = 1; };
template <> struct Rank<Point> { static constexpr int v = 2; };
template <> struct Rank<Cell> { static constexpr int v = 2; };
template <> struct Rank<Grid> { static constexpr int v = 2; };
template <class T> struct Rank<Tuple<T>> { static constexpr int v = 2; };
template <class A, class B> struct Rank<Pair<A, B>> { static constexpr int v = 2; };
template <class T> struct Rank<Set<T>> { static constexpr int v = 3; };
template <class T> constexpr int rank = Rank<T>::v;

template <class T> struct IsSet { static constexpr bool v = false; };
template <class T> struct IsSet<Set<T>> { static constexpr bool v = true; };
template <class T> struct IsTuple { static constexpr bool v = false; };
template <class T> struct IsTuple<Tuple<T>> { static constexpr bool v = true; };

template <class T> constexpr bool poison = same<T, Poison>;

template <class T> struct IsPair { static constexpr bool v = false; };
template <class A, class B> struct IsPair<Pair<A, B>> { static constexpr bool v = true; };

// Function values may be lambdas (no default constructor, no assignment): `put` copies any value
// into arena storage, `none` is the placeholder result of a failed primitive, and element types
// that compact (a default-constructed temporary, assignment) cannot move are `plain` only.
template <class T, class = void> struct DefaultOk { static constexpr bool v = false; };
template <class T> struct DefaultOk<T, decltype((void)T{})> { static constexpr bool v = true; };
template <class T, class = void> struct Assignable { static constexpr bool v = false; };
template <class T> struct Assignable<T, decltype((void)(declval_<T&>() = declval_<const T&>()))> {
  static constexpr bool v = true;
};
template <class T> constexpr bool plain = DefaultOk<T>::v && Assignable<T>::v;
template <class T> ARC_DEVICE void put(T* p, const T& v) {
  if constexpr (Assignable<T>::v) {
    *p = v;
  } else {
    const char* s = (const char*)&v;
    char* d = (char*)p;
    for (unsigned k = 0; k < sizeof(T); k++) d[k] = s[k];
  }
}
template <class T> ARC_DEVICE T none() {
  if constexpr (DefaultOk<T>::v) {
    return T{};
  } else {
    union U {
      char b[sizeof(T)];
      T t;
      ARC_DEVICE U() : b{} {}
      ARC_DEVICE ~U() {}
    } u;
    return u.t;
  }
}

// Python truthiness is known for this type.
template <class R, class = void> struct HasTruthy { static constexpr bool v = false; };
template <class R> struct HasTruthy<R, decltype((void)truthy(declval_<R>()))> { static constexpr bool v = true; };

// Iterable containers with a known element type: Set, Tuple, Grid (rows), Point (two ints).
template <class C> struct Iter { static constexpr bool v = false; using E = Poison; };
template <class T> struct Iter<Set<T>> { static constexpr bool v = true; using E = T; };
template <class T> struct Iter<Tuple<T>> { static constexpr bool v = true; using E = T; };
template <> struct Iter<Grid> { static constexpr bool v = true; using E = Tuple<int>; };
template <> struct Iter<Point> { static constexpr bool v = true; using E = int; };
template <class C> constexpr bool iterable = Iter<C>::v;
template <class C> using elem_t = typename Iter<C>::E;

// Python's len() of the iterables (and 2 for a cell or a pair).
template <class T> ARC_DEVICE int len(Set<T> s) { return s.n; }
template <class T> ARC_DEVICE int len(Tuple<T> s) { return s.n; }
ARC_DEVICE int len(Grid g) { return g.h; }
ARC_DEVICE int len(Point) { return 2; }

// Row i of a grid as the tuple of ints it is (arena copy; called by all lanes alike).
ARC_DEVICE Tuple<int> row(Ctx& c, Grid g, int i) {
  int* r = alloc<int>(c, g.w);
  if (!r) return Tuple<int>{nullptr, 0};
  ARC_FOR(j, g.w) r[j] = g.v[i * g.w + j];
  ARC_SYNC();
  return Tuple<int>{r, g.w};
}

// Element k of an iterable, in iteration order (called uniformly).
template <class T> ARC_DEVICE T item(Ctx&, Set<T> s, int k) { return s.it[k]; }
template <class T> ARC_DEVICE T item(Ctx&, Tuple<T> s, int k) { return s.it[k]; }
ARC_DEVICE Tuple<int> item(Ctx& c, Grid g, int k) { return row(c, g, k); }
ARC_DEVICE int item(Ctx&, Point p, int k) { return k ? p.j : p.i; }

// Room for a new container of n items (mirror of Ctx::check_items: the item limit, n steps).
ARC_DEVICE bool room(Ctx& c, int64_t n) {
  if (c.failed()) return false;
  if (n > (1 << 20)) { c.fail(S_LIMIT); return false; }
  return c.step((uint64_t)(n < 0 ? 0 : n));
}

// The CPU's steps to scan a tuple: its length, but none for two ints (the CPU's point).
template <class T> ARC_DEVICE uint64_t scan_steps(Tuple<T> t) {
  if constexpr (rank<T> == 1) return t.n == 2 ? 0 : t.n;
  else return t.n;
}

// Python's `<` between two keys or elements (see the header): cells colour first.
template <class K> ARC_DEVICE int key_compare(K a, K b) { return compare(a, b); }
ARC_DEVICE int key_compare(Cell a, Cell b) {
  return a.color != b.color ? compare(a.color, b.color) : a.i != b.i ? compare(a.i, b.i) : compare(a.j, b.j);
}

// Python's `a == b` across static types: 1 equal, 0 different, -1 not decidable here (the caller
// falls back to the CPU). Same types compare canonically; values of different ranks never match.
template <class A, class B> ARC_DEVICE int eq3(A a, B b) {
  if constexpr (same<A, B>) {
    if constexpr (ordered<A>) return compare(a, b) == 0;
    else return -1;
  } else if constexpr (rank<A> == 1 && rank<B> == 1) {
    return (int)a == (int)b;
  } else if constexpr (rank<A> != 0 && rank<B> != 0 && rank<A> != rank<B>) {
    return 0;
  } else if constexpr (IsSet<A>::v && IsSet<B>::v) {
    return a.n == 0 && b.n == 0 ? 1 : (a.n == 0 || b.n == 0) ? 0 : -1;
  } else if constexpr ((same<A, Point> && same<B, Cell>) || (same<A, Cell> && same<B, Point>)) {
    return 0;  // (i, j) vs (colour, (i, j)): the second items differ in kind
  } else if constexpr (same<A, Point> && same<B, Tuple<int>>) {
    return b.n == 2 && b.it[0] == a.i && b.it[1] == a.j;
  } else if constexpr (same<A, Tuple<int>> && same<B, Point>) {
    return a.n == 2 && a.it[0] == b.i && a.it[1] == b.j;
  } else if constexpr (IsTuple<A>::v && IsTuple<B>::v) {
    return a.n == 0 && b.n == 0 ? 1 : a.n != b.n ? 0 : -1;
  } else {
    return -1;
  }
}

// Index of the first element of sorted s[0..n) that is not below x (uniform or per lane).
template <class T> ARC_DEVICE int lower_bound(const T* s, int n, T x) {
  int lo = 0, hi = n;
  while (lo < hi) {
    int mid = (lo + hi) >> 1;
    if (compare(s[mid], x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
// Number of elements of sorted s[0..n) that are not above x.
template <class T> ARC_DEVICE int upper_bound(const T* s, int n, T x) {
  int lo = 0, hi = n;
  while (lo < hi) {
    int mid = (lo + hi) >> 1;
    if (compare(s[mid], x) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
template <class T> ARC_DEVICE bool found(const T* s, int n, T x) {
  int k = lower_bound(s, n, x);
  return k < n && compare(s[k], x) == 0;
}

// Whether v equals some element of it[0..n) (lanes split the elements); -1 when undecidable.
template <class V, class T> ARC_DEVICE int any_equal(const V& v, const T* it, int n) {
  bool hit = false, unknown = false;
  ARC_FOR(k, n) {
    int e = eq3(v, it[k]);
    hit |= e == 1;
    unknown |= e < 0;
  }
  if (warp_any(unknown)) return -1;
  return warp_any(hit) ? 1 : 0;
}

// Copies n items to dst (lanes split them). Caller syncs.
template <class T> ARC_DEVICE void copy_items(T* dst, const T* src, int n) {
  ARC_FOR(k, n) put(dst + k, src[k]);
}

// The union of two canonical sets: b's elements not in a, then every element placed at its rank
// (a and the rest of b are disjoint, so ranks are distinct).
template <class T> ARC_HEAVY Set<T> set_union(Ctx& c, Set<T> a, Set<T> b) {
  if (c.failed()) return Set<T>{nullptr, 0};
  if (a.n == 0) return b;
  if (b.n == 0) return a;
  if (!room(c, (int64_t)a.n + b.n)) return Set<T>{nullptr, 0};
  T* out = alloc<T>(c, (uint64_t)a.n + b.n);
  uint8_t* mark = arena_top(c);
  T* rest = alloc<T>(c, b.n);
  if (!out || !rest) return Set<T>{nullptr, 0};
#ifndef __CUDACC__
  // One thread: a plain merge (an element of both sets once, a's), the same result.
  int i = 0, j = 0, m = 0;
  while (i < a.n && j < b.n) {
    int d = compare(a.it[i], b.it[j]);
    out[m++] = d <= 0 ? a.it[i] : b.it[j];
    i += d <= 0;
    j += d >= 0;
  }
  while (i < a.n) out[m++] = a.it[i++];
  while (j < b.n) out[m++] = b.it[j++];
  release(c, mark);
  return Set<T>{out, m};
#else
  int m = compact(rest, b.it, b.n, [&](const T& x, int) { return !found(a.it, a.n, x); });
  ARC_FOR(k, a.n) out[k + lower_bound(rest, m, a.it[k])] = a.it[k];
  ARC_FOR(k, m) out[k + lower_bound(a.it, a.n, rest[k])] = rest[k];
  ARC_SYNC();
  release(c, mark);  // the scratch copy of b is dead
  return Set<T>{out, a.n + m};
#endif
}

// The elements of a (sorted) that are (keep = true) or are not (false) in sorted b.
template <class T> ARC_HEAVY Set<T> set_filter(Ctx& c, Set<T> a, Set<T> b, bool keep) {
  if (c.failed()) return Set<T>{nullptr, 0};
  T* out = alloc<T>(c, a.n);
  if (!out) return Set<T>{nullptr, 0};
#ifdef __CUDACC__
  int m = compact(out, a.it, a.n, [&](const T& x, int) { return found(b.it, b.n, x) == keep; });
#else
  // One thread meets a's elements in order: the first is bisected for, each later search starts
  // where the last one ended and gallops (1, 2, 4, ... elements) before bisecting, so sets of like
  // sizes cost a merge, and a small a against a large b a few short searches.
  int at = a.n ? lower_bound(b.it, b.n, a.it[0]) : 0;
  int m = compact(out, a.it, a.n, [&](const T& x, int) {
    int lo = at, step = 1;
    while (lo + step - 1 < b.n && compare(b.it[lo + step - 1], x) < 0) {
      lo += step;
      step <<= 1;
    }
    int hi = lo + step - 1 < b.n ? lo + step - 1 : b.n;
    at = lo + lower_bound(b.it + lo, hi - lo, x);
    return (at < b.n && compare(b.it[at], x) == 0) == keep;
  });
#endif
  return Set<T>{out, m};
}

// The run r (of R, with offsets off[0..R], off[R] > e) that holds item e: off[r] <= e < off[r + 1].
ARC_DEVICE int run_of(const int* off, int R, int e) {
  int lo = 0, hi = R;
  while (hi - lo > 1) {
    int mid = (lo + hi) >> 1;
    if (off[mid] <= e) lo = mid;
    else hi = mid;
  }
  return lo;
}

// Sorts and deduplicates n items made of R sorted unique runs (run r = items[off[r]..off[r+1])):
// merge passes over pairs of neighbouring runs (log R of them), each element placed at its index in
// its run plus its rank in the partner run (ties go to the earlier run, so equal items end up
// adjacent), then adjacent equal items are dropped. O(n log R log n / 32) per lane. (Ranking every
// element against all R runs at once, as this did before, is O(n R log n): seconds per sample where
// `mapply` merges thousands of small objects, while the CPU sorts in n log n.)
template <class T> ARC_HEAVY int merge_runs(Ctx& c, T* items, const int* off, int R, int n) {
  if (c.failed()) return 0;
  uint8_t* mark = arena_top(c);
  T* tmp = alloc<T>(c, n);
  int* bounds = alloc<int>(c, R + 1);
  int* next_bounds = alloc<int>(c, (R + 1) / 2 + 1);
  if (!tmp || !bounds || !next_bounds) return 0;
  ARC_FOR(r, R + 1) bounds[r] = off[r];
  ARC_SYNC();
  T* src = items;
  T* dst = tmp;
  for (int runs = R; runs > 1; runs = (runs + 1) / 2) {
#ifndef __CUDACC__
    // One thread: a plain merge of each pair of runs (ties to the earlier run, as below).
    for (int r = 0; r < runs; r += 2) {
      int a = bounds[r], a_end = bounds[r + 1], o = a;
      int b = a_end, b_end = r + 1 < runs ? bounds[r + 2] : a_end;
      while (a < a_end && b < b_end) dst[o++] = compare(src[b], src[a]) < 0 ? src[b++] : src[a++];
      while (a < a_end) dst[o++] = src[a++];
      while (b < b_end) dst[o++] = src[b++];
    }
#else
    ARC_FOR(e, n) {
      int r = run_of(bounds, runs, e);
      int q = r ^ 1;  // the partner run: r + 1 for an even r, r - 1 for an odd one
      T x = src[e];
      int pos = e;  // the last run of an odd count has no partner and stays where it is
      if (q < runs) {
        const T* s = src + bounds[q];
        int m = bounds[q + 1] - bounds[q];
        pos = bounds[r & ~1] + (e - bounds[r]) + (q < r ? upper_bound(s, m, x) : lower_bound(s, m, x));
      }
      dst[pos] = x;
    }
#endif
    ARC_FOR(k, (runs + 1) / 2 + 1) next_bounds[k] = bounds[2 * k < runs ? 2 * k : runs];
    ARC_SYNC();
    ARC_FOR(k, (runs + 1) / 2 + 1) bounds[k] = next_bounds[k];
    ARC_SYNC();
    T* t = src;
    src = dst;
    dst = t;
  }
  return distinct_sorted(c, items, tmp, src, n, mark);
}

// A canonical set of n items that come as R sorted unique runs (see merge_runs); a few items are
// ranked directly (sort_unique's one pass), cells and points in a small box marked by position.
template <class T> ARC_DEVICE int canonical_runs(Ctx& c, T* items, const int* off, int R, int n) {
  if (R <= 1) return n;
  if (n <= 64) return sort_unique(c, items, n);
  if constexpr (same<T, Cell> || same<T, Point>) {
    int m = sort_unique_by_position(c, items, n);
    if (m >= 0) return m;
  }
  return merge_runs(c, items, off, R, n);
}

// (a, b) as the CPU's canonical tuple: (int, int) is a Point, (int, Point) a Cell.
template <class A, class B> ARC_DEVICE auto pair_of(A a, B b) {
  if constexpr (D8Tag<A>::k >= 0 && D8Tag<B>::k >= 0) {
    // two of the eight symmetries: one static type, so that pairs of them combine into tuples
    using D8 = typename D8Tag<A>::fn;
    return Pair<D8, D8>{D8{(int8_t)D8Tag<A>::k, -1}, D8{(int8_t)D8Tag<B>::k, -1}};
  } else {
    return Pair<A, B>{a, b};
  }
}
ARC_DEVICE Point pair_of(int a, int b) { return Point{a, b}; }
ARC_DEVICE Cell pair_of(int k, Point p) { return Cell{p.i, p.j, k}; }
ARC_DEVICE Point pair_of(int a, bool b) { return Point{a, (int)b}; }
ARC_DEVICE Point pair_of(bool a, int b) { return Point{(int)a, b}; }
ARC_DEVICE Point pair_of(bool a, bool b) { return Point{(int)a, (int)b}; }
ARC_DEVICE Cell pair_of(bool k, Point p) { return Cell{p.i, p.j, (int)k}; }
template <class A, class B> using pair_t = decltype(pair_of(declval_<A>(), declval_<B>()));
// A 2-tuple of one element type as a Tuple (for the primitives that take tuples of any length).
template <class T> ARC_DEVICE Tuple<T> pair_tuple(Ctx& c, Pair<T, T> p) {
  T* out = alloc<T>(c, 2);
  if (!out) return Tuple<T>{nullptr, 0};
  put(out, p.a);
  put(out + 1, p.b);
  return Tuple<T>{out, 2};
}
// (int, tuple of ints) is a Cell on the CPU when the tuple has two items: not built here.
template <class A, class B> constexpr bool pairable =
    !poison<A> && !poison<B> && !(rank<A> == 1 && same<B, Tuple<int>>);

// A tuple of n rows of ints as the grid it is to Python: every row of one length, every value a
// byte, within the grid size limit (otherwise the CPU keeps it a tuple: S_UNSUPPORTED here).
ARC_HEAVY Grid rows_to_grid(Ctx& c, const Tuple<int>* rows, int n, uint32_t what) {
  if (c.failed()) return Grid{0, 0, nullptr};
  int w = n > 0 ? rows[0].n : 0;
  bool ok = (int64_t)n * w <= (1 << 20);
  ARC_FOR(i, n) {
    if (rows[i].n != w) ok = false;
    else
      for (int j = 0; j < w && ok; j++) ok = rows[i].it[j] >= 0 && rows[i].it[j] <= 255;
  }
  if (!warp_all(ok)) { c.unsupported(what); return Grid{0, 0, nullptr}; }  // `what`: the caller's
  Grid o = rows_grid(c, n, w);
  if (!o.v) return Grid{0, 0, nullptr};
  ARC_FOR(k, n * w) o.v[k] = (uint8_t)rows[k / w].it[k % w];
  ARC_SYNC();
  return o;
}

// The grid made of the rows of g with keep[i] set (g itself when all are kept); it keeps g's width
// even without rows, as the CPU's does.
ARC_HEAVY Grid keep_rows(Ctx& c, Grid g, const uint8_t* keep) {
  if (c.failed()) return Grid{0, 0, nullptr};
  int m = 0;
  ARC_FOR(i, g.h) m += keep[i] != 0;
  m = warp_sum(m);
  if (m == g.h) return g;
  int* idx = alloc<int>(c, g.h);
  if (!idx) return Grid{0, 0, nullptr};
  ARC_FOR(i, g.h) idx[i] = i;
  ARC_SYNC();
  int kept = compact(idx, idx, g.h, [&](const int& i, int) { return keep[i] != 0; });
  Grid o = new_grid(c, kept, g.w);
  if (!o.v) return Grid{0, 0, nullptr};
  ARC_FOR(k, o.h * o.w) o.v[k] = g.v[idx[k / o.w] * g.w + k % o.w];
  ARC_SYNC();
  return o;
}

// Whether grid row i equals the tuple of ints r (per lane: no collectives).
ARC_DEVICE bool row_equals(Grid g, int i, const int* r, int n) {
  if (n != g.w) return false;
  for (int j = 0; j < n; j++)
    if (r[j] != g.v[i * g.w + j]) return false;
  return true;
}

}  // namespace containers_detail

template <class A, class B> ARC_DEVICE auto astuple_fn::operator()(Ctx& c, A a, B b) const {
  if constexpr (containers_detail::pairable<A, B>) {
    return containers_detail::pair_of(a, b);
  } else {
    c.unsupported(overload_of<astuple_fn, A, B>());
    return Poison{};
  }
}

// A tuple of rows of ints as the solver's output grid (Python sees no difference).
ARC_DEVICE Grid as_grid(Ctx& c, Tuple<Tuple<int>> rows) { return containers_detail::rows_to_grid(c, rows.it, rows.n, value_at<P_NONE, Tuple<Tuple<int>>>()); }

// ------------------------------------------------------------------------------------------------
// Membership, union, intersection, difference
// ------------------------------------------------------------------------------------------------

// `value in container`: a binary search in a frozenset of the value's type, a scan otherwise.
ARC_PRIM(contained)
struct contained_fn {
  template <class V, class T> ARC_HEAVY bool operator()(Ctx& c, V v, Set<T> s) const {
    using namespace containers_detail;
    if constexpr (same<V, T> && ordered<T>) {
      return found(s.it, s.n, v);
    } else {
      int e = any_equal(v, s.it, s.n);
      if (e < 0) c.unsupported(value_of<contained_fn, V, Set<T>>());
      return e == 1;
    }
  }
  template <class V, class T> ARC_HEAVY bool operator()(Ctx& c, V v, Tuple<T> s) const {
    if (!c.step(containers_detail::scan_steps(s))) return false;  // the CPU's scan of a tuple
    int e = containers_detail::any_equal(v, s.it, s.n);
    if (e < 0) c.unsupported(value_of<contained_fn, V, Tuple<T>>());
    return e == 1;
  }
  // A grid holds its rows.
  ARC_HEAVY bool operator()(Ctx& c, Tuple<int> r, Grid g) const {
    if (!c.step(g.h)) return false;
    bool hit = false;
    ARC_FOR(i, g.h) hit |= containers_detail::row_equals(g, i, r.it, r.n);
    return warp_any(hit);
  }
  ARC_HEAVY bool operator()(Ctx& c, Point p, Grid g) const {
    if (!c.step(g.h)) return false;
    int r[2] = {p.i, p.j};
    bool hit = false;
    ARC_FOR(i, g.h) hit |= containers_detail::row_equals(g, i, r, 2);
    return warp_any(hit);
  }
  ARC_DEVICE bool operator()(Ctx&, int v, Point p) const { return v == p.i || v == p.j; }
  ARC_DEVICE bool operator()(Ctx&, bool v, Point p) const { return (int)v == p.i || (int)v == p.j; }
  ARC_DEVICE bool operator()(Ctx&, int v, Cell x) const { return v == x.color; }
  ARC_DEVICE bool operator()(Ctx&, Point v, Cell x) const { return v.i == x.i && v.j == x.j; }
  ARC_UNSUPPORTED
};
ARC_VAR contained_fn contained{};

// `type(a)((*a, *b))`: a frozenset's union with any container of its type; a tuple's concatenation;
// two grids of one width stack into a grid.
ARC_PRIM(combine)
struct combine_fn {
  template <class T> ARC_DEVICE Set<T> operator()(Ctx& c, Set<T> a, Set<T> b) const {
    if constexpr (containers_detail::ordered<T>) {
      return containers_detail::set_union(c, a, b);
    } else {
      if (a.n == 0) return b;
      if (b.n == 0) return a;
      c.unsupported(overload_of<combine_fn, Set<T>, Set<T>>());
      return Set<T>{nullptr, 0};
    }
  }
  // Frozensets of two element types: only an empty b leaves one static type.
  template <class A, class B> ARC_DEVICE Set<A> operator()(Ctx& c, Set<A> a, Set<B> b) const {
    if (b.n != 0) c.unsupported(value_of<combine_fn, Set<A>, Set<B>>());
    return a;
  }
  template <class T> ARC_HEAVY Set<T> operator()(Ctx& c, Set<T> a, Tuple<T> b) const {
    if constexpr (containers_detail::ordered<T>) {
      if (b.n == 0 || c.failed()) return a;
      if (!containers_detail::room(c, (int64_t)a.n + b.n)) return Set<T>{nullptr, 0};
      T* out = alloc<T>(c, (uint64_t)a.n + b.n);
      if (!out) return Set<T>{nullptr, 0};
      containers_detail::copy_items(out, a.it, a.n);
      containers_detail::copy_items(out + a.n, b.it, b.n);
      ARC_SYNC();
      return Set<T>{out, sort_unique(c, out, a.n + b.n)};
    } else {
      if (b.n == 0) return a;
      c.unsupported(overload_of<combine_fn, Set<T>, Tuple<T>>());
      return Set<T>{nullptr, 0};
    }
  }
  template <class T> ARC_HEAVY Tuple<T> operator()(Ctx& c, Tuple<T> a, Tuple<T> b) const { return cat(c, a, b.it, b.n); }
  // 2-tuples (pairs of grids, points or functions' results) concatenate as tuples
  template <class T> ARC_HEAVY Tuple<T> operator()(Ctx& c, Pair<T, T> a, Pair<T, T> b) const {
    return (*this)(c, containers_detail::pair_tuple(c, a), containers_detail::pair_tuple(c, b));
  }
  template <class T> ARC_HEAVY Tuple<T> operator()(Ctx& c, Tuple<T> a, Pair<T, T> b) const {
    return (*this)(c, a, containers_detail::pair_tuple(c, b));
  }
  template <class T> ARC_HEAVY Tuple<T> operator()(Ctx& c, Pair<T, T> a, Tuple<T> b) const {
    return (*this)(c, containers_detail::pair_tuple(c, a), b);
  }
  // A tuple followed by a frozenset's elements in their (canonical) order.
  template <class T> ARC_HEAVY Tuple<T> operator()(Ctx& c, Tuple<T> a, Set<T> b) const { return cat(c, a, b.it, b.n, false); }
  ARC_HEAVY Grid operator()(Ctx& c, Grid a, Grid b) const {
    if (a.h == 0) return b;
    if (b.h == 0) return a;
    if (a.w != b.w) { c.unsupported(value_of<combine_fn, Grid, Grid>()); return Grid{0, 0, nullptr}; }  // a ragged tuple of rows
    Grid o = new_grid(c, a.h + b.h, a.w);
    if (!o.v) return o;
    ARC_FOR(k, o.h * o.w) o.v[k] = k < a.h * a.w ? a.v[k] : b.v[k - a.h * a.w];
    ARC_SYNC();
    return o;
  }
  ARC_UNSUPPORTED

 private:
  // b_tuple: b is a tuple, which an empty a leaves as it is (a frozenset b is copied, as on the CPU)
  template <class T> ARC_DEVICE static Tuple<T> cat(Ctx& c, Tuple<T> a, const T* b, int bn, bool b_tuple = true) {
    if (bn == 0 || c.failed()) return a;
    if (a.n == 0 && b_tuple) return Tuple<T>{(T*)b, bn};
    if (!containers_detail::room(c, (int64_t)a.n + bn)) return Tuple<T>{nullptr, 0};
    T* out = alloc<T>(c, (uint64_t)a.n + bn);
    if (!out) return Tuple<T>{nullptr, 0};
    containers_detail::copy_items(out, a.it, a.n);
    containers_detail::copy_items(out + a.n, b, bn);
    ARC_SYNC();
    return Tuple<T>{out, a.n + bn};
  }
};
ARC_VAR combine_fn combine{};

// `a & b` of two frozensets.
ARC_PRIM(intersection)
struct intersection_fn {
  template <class T> ARC_HEAVY Set<T> operator()(Ctx& c, Set<T> a, Set<T> b) const {
    if (a.n == 0 || b.n == 0) return Set<T>{nullptr, 0};
    if constexpr (containers_detail::ordered<T>) {
      // Scan the smaller set, search the larger.
      if (!containers_detail::room(c, a.n < b.n ? a.n : b.n)) return Set<T>{nullptr, 0};
      return a.n <= b.n ? containers_detail::set_filter(c, a, b, true) : containers_detail::set_filter(c, b, a, true);
    } else {
      c.unsupported(overload_of<intersection_fn, Set<T>, Set<T>>());
      return Set<T>{nullptr, 0};
    }
  }
  template <class A, class B> ARC_DEVICE Set<A> operator()(Ctx& c, Set<A> a, Set<B> b) const {
    // Elements of different kinds never meet; an empty set meets nothing.
    using namespace containers_detail;
    if (a.n == 0 || b.n == 0) return Set<A>{nullptr, 0};
    if constexpr (rank<A> != 0 && rank<B> != 0 && (rank<A> != rank<B> || (same<A, Cell> && same<B, Point>) ||
                                                   (same<A, Point> && same<B, Cell>))) {
      return Set<A>{nullptr, 0};
    } else {
      c.unsupported(overload_of<intersection_fn, Set<A>, Set<B>>());
      return Set<A>{nullptr, 0};
    }
  }
  ARC_UNSUPPORTED
};
ARC_VAR intersection_fn intersection{};

// `type(a)(e for e in a if e not in b)`: frozensets by binary search; a tuple `a` stays a tuple.
ARC_PRIM(difference)
struct difference_fn {
  template <class T> ARC_HEAVY Set<T> operator()(Ctx& c, Set<T> a, Set<T> b) const {
    if (a.n == 0 || b.n == 0) return a;
    if constexpr (containers_detail::ordered<T>) {
      if (!containers_detail::room(c, a.n)) return Set<T>{nullptr, 0};
      return containers_detail::set_filter(c, a, b, false);
    } else {
      c.unsupported(overload_of<difference_fn, Set<T>, Set<T>>());
      return a;
    }
  }
  template <class A, class B> ARC_DEVICE Set<A> operator()(Ctx& c, Set<A> a, Set<B> b) const {
    using namespace containers_detail;
    if (a.n == 0 || b.n == 0) return a;
    if constexpr (rank<A> != 0 && rank<B> != 0 && (rank<A> != rank<B> || (same<A, Cell> && same<B, Point>) ||
                                                   (same<A, Point> && same<B, Cell>))) {
      return a;
    } else {
      c.unsupported(overload_of<difference_fn, Set<A>, Set<B>>());
      return a;
    }
  }
  // A tuple b is scanned once per element of a, as on the CPU.
  template <class T> ARC_HEAVY Set<T> operator()(Ctx& c, Set<T> a, Tuple<T> b) const {
    if constexpr (containers_detail::ordered<T>) {
      if (!c.step_each(a.n, containers_detail::scan_steps(b))) return Set<T>{nullptr, 0};
      T* out = alloc<T>(c, a.n);
      if (!out) return Set<T>{nullptr, 0};
      int m = compact(out, a.it, a.n, [&](const T& x, int) { return !in_tuple(x, b); });
      return Set<T>{out, m};
    } else {
      c.unsupported(overload_of<difference_fn, Set<T>, Tuple<T>>());
      return a;
    }
  }
  template <class T> ARC_HEAVY Tuple<T> operator()(Ctx& c, Tuple<T> a, Tuple<T> b) const {
    if constexpr (containers_detail::ordered<T>) {
      if (!c.step_each(a.n, containers_detail::scan_steps(b))) return Tuple<T>{nullptr, 0};
      T* out = alloc<T>(c, a.n);
      if (!out) return Tuple<T>{nullptr, 0};
      int m = compact(out, a.it, a.n, [&](const T& x, int) { return !in_tuple(x, b); });
      return Tuple<T>{out, m};
    } else {
      c.unsupported(overload_of<difference_fn, Tuple<T>, Tuple<T>>());
      return a;
    }
  }
  template <class T> ARC_HEAVY Tuple<T> operator()(Ctx& c, Tuple<T> a, Set<T> b) const {
    if constexpr (containers_detail::ordered<T>) {
      T* out = alloc<T>(c, a.n);
      if (!out) return Tuple<T>{nullptr, 0};
      int m = compact(out, a.it, a.n, [&](const T& x, int) { return !containers_detail::found(b.it, b.n, x); });
      return Tuple<T>{out, m};
    } else {
      c.unsupported(overload_of<difference_fn, Tuple<T>, Set<T>>());
      return a;
    }
  }
  ARC_UNSUPPORTED

 private:
  // Per lane: a linear scan (no collectives).
  template <class T> ARC_DEVICE static bool in_tuple(const T& x, Tuple<T> b) {
    for (int m = 0; m < b.n; m++)
      if (compare(b.it[m], x) == 0) return true;
    return false;
  }
};
ARC_VAR difference_fn difference{};

// ------------------------------------------------------------------------------------------------
// Tuples: dedupe, order, repeat, interval, pair
// ------------------------------------------------------------------------------------------------

// The first occurrence of each element, in order (a grid keeps its first copy of each row). A
// frozenset has no `index` in Python: a type failure.
ARC_PRIM(dedupe)
struct dedupe_fn {
  template <class T> ARC_HEAVY Tuple<T> operator()(Ctx& c, Tuple<T> t) const {
    if constexpr (containers_detail::ordered<T>) {
      if (c.failed() || !c.step(t.n)) return Tuple<T>{nullptr, 0};
      T* out = alloc<T>(c, t.n);
      if (!out) return Tuple<T>{nullptr, 0};
      int m = compact(out, t.it, t.n, [&](const T& x, int k) {
        for (int p = 0; p < k; p++)
          if (compare(t.it[p], x) == 0) return false;
        return true;
      });
      return m == t.n ? t : Tuple<T>{out, m};
    } else {
      c.unsupported(overload_of<dedupe_fn, Tuple<T>>());
      return t;
    }
  }
  ARC_HEAVY Grid operator()(Ctx& c, Grid g) const {
    if (c.failed() || !c.step(g.h)) return Grid{0, 0, nullptr};
    uint8_t* keep = alloc<uint8_t>(c, g.h);
    if (!keep) return Grid{0, 0, nullptr};
    ARC_FOR(i, g.h) {
      bool first = true;
      for (int p = 0; p < i && first; p++) first = !same_row(g, p, i);
      keep[i] = first;
    }
    ARC_SYNC();
    return containers_detail::keep_rows(c, g, keep);
  }
  template <class T> ARC_DEVICE Set<T> operator()(Ctx& c, Set<T>) const {
    c.fail(S_TYPE);
    return Set<T>{nullptr, 0};
  }
  ARC_UNSUPPORTED

 private:
  ARC_DEVICE static bool same_row(Grid g, int p, int i) {
    for (int j = 0; j < g.w; j++)
      if (g.v[p * g.w + j] != g.v[i * g.w + j]) return false;
    return true;
  }
};
ARC_VAR dedupe_fn dedupe{};

// `tuple(sorted(container, key=compfunc))`: a stable sort by key (keys compared with key_compare);
// the keys are computed by a uniform loop, then each lane places its elements by rank.
ARC_PRIM(order)
struct order_fn {
  template <class C, class F> ARC_HEAVY auto operator()(Ctx& c, C x, F f) const {
    using namespace containers_detail;
    if constexpr (!iterable<C>) {
      c.unsupported(overload_of<order_fn, C, F>());
      return Poison{};
    } else {
      using E = elem_t<C>;
      using K = decltype(f(c, declval_<E>()));
      if constexpr (!ordered<K>) {
        c.unsupported(overload_of<order_fn, C, F>());
        return Poison{};
      } else {
        int n = len(x);
        E* items = room(c, n) ? alloc<E>(c, n) : nullptr;
        K* keys = alloc<K>(c, n);
        E* out = alloc<E>(c, n);
        if (!items || !keys || !out) return result(c, x, out, 0);
        for (int k = 0; k < n && !c.failed(); k++) {
          put(items + k, item(c, x, k));
          keys[k] = call_value(c, f, items[k]);
        }
        if (c.failed()) return result(c, x, out, 0);
        ARC_FOR(k, n) {
          int r = 0;
          for (int m = 0; m < n; m++) {
            int d = key_compare(keys[m], keys[k]);
            r += d < 0 || (d == 0 && m < k);
          }
          put(out + r, items[k]);
        }
        ARC_SYNC();
        return result(c, x, out, n);
      }
    }
  }
  ARC_UNSUPPORTED

 private:
  // The sorted tuple; the rows of a grid stay a grid (Python sees no difference).
  template <class C, class E> ARC_DEVICE static Tuple<E> result(Ctx&, C, E* out, int n) { return Tuple<E>{out, n}; }
  ARC_DEVICE static Grid result(Ctx& c, Grid g, Tuple<int>* out, int n) {
    if (c.failed()) return Grid{0, 0, nullptr};
    Grid o = rows_grid(c, n, n ? g.w : 0);  // no rows: the CPU's empty tuple
    if (!o.v) return o;
    ARC_FOR(k, o.h * o.w) o.v[k] = (uint8_t)out[k / o.w].it[k % o.w];
    ARC_SYNC();
    return o;
  }
};
ARC_VAR order_fn order{};

// `tuple(item for i in range(num))` (empty for num <= 0); copies of a row of ints are a grid.
ARC_PRIM(repeat)
struct repeat_fn {
  template <class V> ARC_HEAVY auto operator()(Ctx& c, V v, int num) const {
    if constexpr (containers_detail::poison<V>) {
      c.unsupported(overload_of<repeat_fn, V, int>());
      return Poison{};
    } else {
      int n = num < 0 ? 0 : num;
      if (!containers_detail::room(c, n)) return Tuple<V>{nullptr, 0};
      V* out = alloc<V>(c, n);
      if (!out) return Tuple<V>{nullptr, 0};
      ARC_FOR(k, n) containers_detail::put(out + k, v);
      ARC_SYNC();
      return Tuple<V>{out, n};
    }
  }
  // Copies of a row of ints are a grid to Python: built as one (see rows_to_grid).
  ARC_HEAVY Grid operator()(Ctx& c, Tuple<int> row, int num) const {
    int n = num < 0 ? 0 : num;
    if (!containers_detail::room(c, n)) return Grid{0, 0, nullptr};
    bool ok = (int64_t)n * row.n <= (1 << 20);
    ARC_FOR(j, row.n) ok &= row.it[j] >= 0 && row.it[j] <= 255;
    if (!warp_all(ok)) { c.unsupported(value_of<repeat_fn, Tuple<int>, int>()); return Grid{0, 0, nullptr}; }
    Grid o = rows_grid(c, n, n ? row.n : 0);
    if (!o.v) return o;
    ARC_FOR(k, o.h * o.w) o.v[k] = (uint8_t)row.it[k % o.w];
    ARC_SYNC();
    return o;
  }
  template <class V> ARC_DEVICE auto operator()(Ctx& c, V v, bool num) const { return (*this)(c, v, (int)num); }
  ARC_UNSUPPORTED
};
ARC_VAR repeat_fn repeat{};

// `tuple(range(start, stop, step))`; a zero step fails (Python's ValueError, a type failure as on
// the CPU).
ARC_PRIM(interval)
struct interval_fn {
  ARC_HEAVY Tuple<int> operator()(Ctx& c, int start, int stop, int step) const {
    if (step == 0) { c.fail(S_TYPE); return Tuple<int>{nullptr, 0}; }
    int64_t a = start, b = stop, s = step;
    int64_t n = s > 0 ? floordiv_(b - a + s - 1, s) : floordiv_(a - b - s - 1, -s);
    if (n < 0) n = 0;
    if (!containers_detail::room(c, n)) return Tuple<int>{nullptr, 0};
    int* out = alloc<int>(c, n);
    if (!out) return Tuple<int>{nullptr, 0};
    ARC_FOR(k, n) out[k] = (int)(a + k * s);
    ARC_SYNC();
    return Tuple<int>{out, (int)n};
  }
  ARC_UNSUPPORTED

 private:
  ARC_DEVICE static int64_t floordiv_(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
  }
};
ARC_VAR interval_fn interval{};

// `tuple(zip(a, b))`: pairs canonicalised as on the CPU ((int, int) -> Point, (int, Point) -> Cell).
ARC_PRIM(pair)
struct pair_fn {
  template <class A, class B> ARC_HEAVY auto operator()(Ctx& c, A a, B b) const {
    using namespace containers_detail;
    if constexpr (!iterable<A> || !iterable<B>) {
      c.unsupported(overload_of<pair_fn, A, B>());
      return Poison{};
    } else if constexpr (!pairable<elem_t<A>, elem_t<B>>) {
      c.unsupported(overload_of<pair_fn, A, B>());
      return Poison{};
    } else {
      using P = pair_t<elem_t<A>, elem_t<B>>;
      int n = len(a) < len(b) ? len(a) : len(b);
      P* out = room(c, n) ? alloc<P>(c, n) : nullptr;
      if (!out) return Tuple<P>{nullptr, 0};
      for (int k = 0; k < n && !c.failed(); k++) put(out + k, pair_of(item(c, a, k), item(c, b, k)));
      return Tuple<P>{out, n};
    }
  }
  ARC_UNSUPPORTED
};
ARC_VAR pair_fn pair{};

// ------------------------------------------------------------------------------------------------
// Sizes and elements
// ------------------------------------------------------------------------------------------------

// `len(container)`: a grid's number of rows, 2 for a point, a cell or a pair.
ARC_PRIM(size)
struct size_fn {
  template <class T> ARC_DEVICE int operator()(Ctx&, Set<T> s) const { return s.n; }
  template <class T> ARC_DEVICE int operator()(Ctx&, Tuple<T> s) const { return s.n; }
  ARC_DEVICE int operator()(Ctx&, Grid g) const { return g.h; }
  ARC_DEVICE int operator()(Ctx&, Point) const { return 2; }
  ARC_DEVICE int operator()(Ctx&, Cell) const { return 2; }
  template <class A, class B> ARC_DEVICE int operator()(Ctx&, Pair<A, B>) const { return 2; }
  ARC_DEVICE int operator()(Ctx& c, int) const { return type_error<int>(c); }  // len(0)
  ARC_UNSUPPORTED
};
ARC_VAR size_fn size{};

// `next(iter(container))`: fails when empty.
ARC_PRIM(first)
struct first_fn {
  template <class T> ARC_DEVICE T operator()(Ctx& c, Set<T> s) const { return at(c, s.it, s.n, 0); }
  template <class T> ARC_DEVICE T operator()(Ctx& c, Tuple<T> s) const { return at(c, s.it, s.n, 0); }
  ARC_DEVICE Tuple<int> operator()(Ctx& c, Grid g) const {
    if (g.h == 0) { c.fail(S_EMPTY); return Tuple<int>{nullptr, 0}; }
    return containers_detail::row(c, g, 0);
  }
  ARC_DEVICE int operator()(Ctx&, Point p) const { return p.i; }
  ARC_DEVICE int operator()(Ctx&, Cell x) const { return x.color; }
  template <class A, class B> ARC_DEVICE A operator()(Ctx&, Pair<A, B> p) const { return p.a; }
  ARC_DEVICE int operator()(Ctx& c, int) const { return type_error<int>(c); }  // iter(0)
  ARC_UNSUPPORTED

  template <class T> ARC_DEVICE static T at(Ctx& c, const T* it, int n, int k) {
    if (n == 0) { c.fail(S_EMPTY); return containers_detail::none<T>(); }
    return it[k];
  }
};
ARC_VAR first_fn first{};

// `max(enumerate(container))[1]`: the last element in iteration order; fails when empty.
ARC_PRIM(last)
struct last_fn {
  template <class T> ARC_DEVICE T operator()(Ctx& c, Set<T> s) const { return first_fn::at(c, s.it, s.n, s.n - 1); }
  template <class T> ARC_DEVICE T operator()(Ctx& c, Tuple<T> s) const { return first_fn::at(c, s.it, s.n, s.n - 1); }
  ARC_DEVICE Tuple<int> operator()(Ctx& c, Grid g) const {
    if (g.h == 0) { c.fail(S_EMPTY); return Tuple<int>{nullptr, 0}; }
    return containers_detail::row(c, g, g.h - 1);
  }
  ARC_DEVICE int operator()(Ctx&, Point p) const { return p.j; }
  ARC_DEVICE Point operator()(Ctx&, Cell x) const { return Point{x.i, x.j}; }
  template <class A, class B> ARC_DEVICE B operator()(Ctx&, Pair<A, B> p) const { return p.b; }
  ARC_DEVICE int operator()(Ctx& c, int) const { return type_error<int>(c); }  // enumerate(0)
  ARC_UNSUPPORTED
};
ARC_VAR last_fn last{};

// `tuple(container)`: a frozenset's elements in canonical order (the same slice); tuples as they are.
ARC_PRIM(totuple)
struct totuple_fn {
  template <class T> ARC_DEVICE Tuple<T> operator()(Ctx& c, Set<T> s) const {
    // the CPU copies an object's cells or indices' points out of their packed form
    if constexpr (same<T, Cell> || same<T, Point>) c.step(s.n);
    return Tuple<T>{s.it, s.n};
  }
  template <class T> ARC_DEVICE Tuple<T> operator()(Ctx&, Tuple<T> s) const { return s; }
  ARC_DEVICE Grid operator()(Ctx&, Grid g) const { return g; }
  ARC_DEVICE Point operator()(Ctx&, Point p) const { return p; }
  ARC_DEVICE Cell operator()(Ctx&, Cell x) const { return x; }
  ARC_UNSUPPORTED
};
ARC_VAR totuple_fn totuple{};

// `frozenset({value})`.
ARC_PRIM(initset)
struct initset_fn {
  template <class V> ARC_DEVICE auto operator()(Ctx& c, V v) const {
    if constexpr (D8Tag<V>::k >= 0) {
      // a set of symmetries holds D8Fn values, so that the others can join it (`insert`)
      using D8 = typename D8Tag<V>::fn;
      return (*this)(c, D8{(int8_t)D8Tag<V>::k, -1});
    } else if constexpr (containers_detail::poison<V>) {
      c.unsupported(overload_of<initset_fn, V>());
      return Poison{};
    } else {
      V* out = alloc<V>(c, 1);
      if (!out) return Set<V>{nullptr, 0};
      containers_detail::put(out, v);  // every lane writes the same value
      return Set<V>{out, 1};
    }
  }
  ARC_UNSUPPORTED
};
ARC_VAR initset_fn initset{};

// `container.union(frozenset({value}))`: only frozensets have `union` (a tuple is a type failure).
ARC_PRIM(insert)
struct insert_fn {
  template <class V, class T> ARC_HEAVY Set<T> operator()(Ctx& c, V v, Set<T> s) const {
    using namespace containers_detail;
    if constexpr (D8Tag<V>::k >= 0 && D8Tag<T>::k < 0 && !same<V, T> && ordered<T>) {
      // a symmetry joins a set of them (D8Fn values; otherwise this fails in the call)
      return (*this)(c, T{(int8_t)D8Tag<V>::k, -1}, s);
    } else if constexpr (same<V, T> && ordered<T>) {
      int k = lower_bound(s.it, s.n, v);
      if (k < s.n && compare(s.it[k], v) == 0) return s;
      if (!room(c, (int64_t)s.n + 1)) return Set<T>{nullptr, 0};
      T* out = alloc<T>(c, s.n + 1);
      if (!out) return Set<T>{nullptr, 0};
      ARC_FOR(m, s.n + 1) out[m] = m < k ? s.it[m] : m == k ? v : s.it[m - 1];
      ARC_SYNC();
      return Set<T>{out, s.n + 1};
    } else {
      c.unsupported(overload_of<insert_fn, V, Set<T>>());  // a frozenset of two element types, or of functions
      return s;
    }
  }
  template <class V, class T> ARC_DEVICE Tuple<T> operator()(Ctx& c, V, Tuple<T> t) const {
    c.fail(S_TYPE);
    return t;
  }
  template <class V> ARC_DEVICE Grid operator()(Ctx& c, V, Grid g) const {
    c.fail(S_TYPE);
    return g;
  }
  ARC_UNSUPPORTED
};
ARC_VAR insert_fn insert{};

// `type(container)(e for e in container if e != value)`: keeps the container's type (a grid's
// other rows stay a grid).
ARC_PRIM(remove)
struct remove_fn {
  template <class V, class T> ARC_HEAVY Set<T> operator()(Ctx& c, V v, Set<T> s) const {
    using namespace containers_detail;
    if constexpr (D8Tag<V>::k >= 0 && D8Tag<T>::k < 0 && !same<V, T> && ordered<T>) {
      // a symmetry joins a set of them (D8Fn values; otherwise this fails in the call)
      return (*this)(c, T{(int8_t)D8Tag<V>::k, -1}, s);
    } else if constexpr (same<V, T> && ordered<T>) {
      int k = lower_bound(s.it, s.n, v);
      if (k == s.n || compare(s.it[k], v) != 0) return s;
      T* out = alloc<T>(c, s.n - 1);
      if (!out) return Set<T>{nullptr, 0};
      ARC_FOR(m, s.n - 1) out[m] = m < k ? s.it[m] : s.it[m + 1];
      ARC_SYNC();
      return Set<T>{out, s.n - 1};
    } else {
      return without(c, v, s.it, s.n, s);
    }
  }
  template <class V, class T> ARC_HEAVY Tuple<T> operator()(Ctx& c, V v, Tuple<T> t) const {
    if (!c.step(t.n)) return t;  // the CPU's scan
    return without(c, v, t.it, t.n, t);
  }
  ARC_HEAVY Grid operator()(Ctx& c, Tuple<int> r, Grid g) const { return rows_without(c, g, r.it, r.n); }
  ARC_HEAVY Grid operator()(Ctx& c, Point p, Grid g) const {
    int r[2] = {p.i, p.j};
    return rows_without(c, g, r, 2);
  }
  ARC_UNSUPPORTED

 private:
  // The elements not equal to v, in order, in a container like `like` (unchanged when none is).
  template <class V, class T, class C> ARC_DEVICE static C without(Ctx& c, const V& v, const T* it, int n, C like) {
    if constexpr (!containers_detail::plain<T>) {
      if (n) c.unsupported(overload_of<remove_fn, V, C>());
      return like;
    } else {
      if (c.failed()) return like;
      uint8_t* keep = alloc<uint8_t>(c, n);
      T* out = alloc<T>(c, n);
      if (!keep || !out) return like;
      bool unknown = false;
      ARC_FOR(k, n) {
        int e = containers_detail::eq3(v, it[k]);
        unknown |= e < 0;
        keep[k] = e == 0;
      }
      if (warp_any(unknown)) { c.unsupported(value_of<remove_fn, V, C>()); return like; }
      ARC_SYNC();
      int m = compact(out, it, n, [&](const T&, int k) { return keep[k] != 0; });
      if (m == n) return like;
      like.it = out;
      like.n = m;
      return like;
    }
  }
  ARC_DEVICE static Grid rows_without(Ctx& c, Grid g, const int* r, int n) {
    if (c.failed() || !c.step(g.h)) return Grid{0, 0, nullptr};
    uint8_t* keep = alloc<uint8_t>(c, g.h);
    if (!keep) return Grid{0, 0, nullptr};
    ARC_FOR(i, g.h) keep[i] = !containers_detail::row_equals(g, i, r, n);
    ARC_SYNC();
    return containers_detail::keep_rows(c, g, keep);
  }
};
ARC_VAR remove_fn remove{};

// `first(remove(value, container))`: fails when nothing else is there.
ARC_PRIM(other)
struct other_fn {
  template <class C, class V> ARC_DEVICE auto operator()(Ctx& c, C x, V v) const { return first_fn{}(c, remove_fn{}(c, v, x)); }
  ARC_UNSUPPORTED
};
ARC_VAR other_fn other{};

// ------------------------------------------------------------------------------------------------
// Extremes and counts
// ------------------------------------------------------------------------------------------------

namespace containers_detail {
// The first element that is strictly better than all before it (Python's max/min: the first best
// in iteration order wins ties); want = 1 for the largest, -1 for the smallest. Uniform loop.
template <class C> ARC_DEVICE elem_t<C> extreme(Ctx& c, C x, int want) {
  using E = elem_t<C>;
  E best = item(c, x, 0);
  for (int k = 1; k < len(x) && !c.failed(); k++) {
    E e = item(c, x, k);
    if (key_compare(e, best) == want) best = e;
  }
  return best;
}
}  // namespace containers_detail

// `max(container, default=0)` / `min(...)`: ints by warp reduction (a frozenset's extremes are its
// ends), other elements by key_compare. An empty container of non-ints would be the int 0, which
// the element's static type cannot hold: S_UNSUPPORTED.
#define ARC_CONTAINERS_EXTREME(name, WANT, SETPICK, WARP, INIT)                                  \
  struct name##_fn {                                                                              \
    ARC_DEVICE int operator()(Ctx& c, Set<int> s) const {                                         \
      c.step(s.n); /* the CPU's scan */                                                           \
      return s.n ? s.it[SETPICK] : 0;                                                             \
    }                                                                                             \
    ARC_HEAVY int operator()(Ctx& c, Tuple<int> t) const {                                        \
      c.step(t.n);                                                                                \
      int v = INIT;                                                                               \
      ARC_FOR(k, t.n) v = WANT > 0 ? (t.it[k] > v ? t.it[k] : v) : (t.it[k] < v ? t.it[k] : v);  \
      v = WARP(v);                                                                                \
      return t.n ? v : 0;                                                                         \
    }                                                                                             \
    template <class C> ARC_HEAVY auto operator()(Ctx& c, C x) const {                             \
      using namespace containers_detail;                                                          \
      if constexpr (!iterable<C> || same<C, Grid>) {                                              \
        c.unsupported(overload_of<name##_fn, C>());                                                                    \
        return Poison{};                                                                          \
      } else if constexpr (!ordered<elem_t<C>>) {                                                 \
        c.unsupported(overload_of<name##_fn, C>());                                                                    \
        return Poison{};                                                                          \
      } else {                                                                                    \
        if (!c.step(len(x))) return elem_t<C>{};                                                  \
        if (len(x) == 0) { c.unsupported(value_of<name##_fn, C>()); return elem_t<C>{}; }                           \
        return extreme(c, x, WANT);                                                               \
      }                                                                                           \
    }                                                                                             \
    ARC_UNSUPPORTED                                                                               \
  };                                                                                              \
  ARC_VAR name##_fn name{};

ARC_PRIM(maximum)
ARC_CONTAINERS_EXTREME(maximum, 1, s.n - 1, warp_max, INT32_MIN)
ARC_PRIM(minimum)
ARC_CONTAINERS_EXTREME(minimum, -1, 0, warp_min, INT32_MAX)
#undef ARC_CONTAINERS_EXTREME

namespace containers_detail {
// The index of the first element with the best key under f, and that key (uniform loop calling
// f); len(x) > 0.
template <class C, class F, class K> ARC_DEVICE int best_by(Ctx& c, C x, F f, int want, K& key) {
  int best = 0;
  key = call_value(c, f, item(c, x, 0));
  for (int k = 1; k < len(x) && !c.failed(); k++) {
    K kk = call_value(c, f, item(c, x, k));
    if (key_compare(kk, key) == want) {
      best = k;
      key = kk;
    }
  }
  return best;
}
// Whether f(c, 0) has the key type K (what valmax/valmin of an empty container return).
template <class F, class K> constexpr bool zero_key = same<decltype(declval_<F>()(declval_<Ctx&>(), 0)), K>;
}  // namespace containers_detail

// `compfunc(max(container, key=compfunc, default=0))`: the best key; on an empty container Python
// calls compfunc(0), and so does this where compfunc takes an int (otherwise S_UNSUPPORTED).
#define ARC_CONTAINERS_VAL(name, WANT)                                                    \
  struct name##_fn {                                                                      \
    template <class C, class F> ARC_HEAVY auto operator()(Ctx& c, C x, F f) const {       \
      using namespace containers_detail;                                                  \
      if constexpr (!iterable<C>) {                                                       \
        c.unsupported(overload_of<name##_fn, C, F>());                                                            \
        return Poison{};                                                                  \
      } else {                                                                            \
        using K = decltype(f(c, declval_<elem_t<C>>()));                                  \
        if constexpr (!ordered<K>) {                                                      \
          c.unsupported(overload_of<name##_fn, C, F>());                                                          \
          return Poison{};                                                                \
        } else {                                                                          \
          if (c.failed()) return K{};                                                     \
          if (len(x) == 0) {                                                              \
            if constexpr (zero_key<F, K>) return call_value(c, f, 0);                     \
            c.unsupported(value_of<name##_fn, C, F>());                                   \
            return K{};                                                                   \
          }                                                                               \
          K key{};                                                                        \
          best_by(c, x, f, WANT, key);                                                    \
          return key;                                                                     \
        }                                                                                 \
      }                                                                                   \
    }                                                                                     \
    ARC_UNSUPPORTED                                                                       \
  };                                                                                      \
  ARC_VAR name##_fn name{};

ARC_PRIM(valmax)
ARC_CONTAINERS_VAL(valmax, 1)
ARC_PRIM(valmin)
ARC_CONTAINERS_VAL(valmin, -1)
#undef ARC_CONTAINERS_VAL

// `max(container, key=compfunc)`: the first element with the best key; fails when empty.
#define ARC_CONTAINERS_ARG(name, WANT)                                              \
  struct name##_fn {                                                                \
    template <class C, class F> ARC_HEAVY auto operator()(Ctx& c, C x, F f) const { \
      using namespace containers_detail;                                            \
      if constexpr (!iterable<C>) {                                                 \
        c.unsupported(overload_of<name##_fn, C, F>());                                                      \
        return Poison{};                                                            \
      } else {                                                                      \
        using K = decltype(f(c, declval_<elem_t<C>>()));                            \
        if constexpr (!ordered<K>) {                                                \
          c.unsupported(overload_of<name##_fn, C, F>());                                                    \
          return Poison{};                                                          \
        } else {                                                                    \
          if (c.failed()) return none<elem_t<C>>();                                 \
          if (len(x) == 0) { c.fail(S_EMPTY); return none<elem_t<C>>(); }           \
          K key{};                                                                  \
          return item(c, x, best_by(c, x, f, WANT, key));                           \
        }                                                                           \
      }                                                                             \
    }                                                                               \
    ARC_UNSUPPORTED                                                                 \
  };                                                                                \
  ARC_VAR name##_fn name{};

ARC_PRIM(argmax)
ARC_CONTAINERS_ARG(argmax, 1)
ARC_PRIM(argmin)
ARC_CONTAINERS_ARG(argmin, -1)
#undef ARC_CONTAINERS_ARG

namespace containers_detail {
// The element of a tuple with the most (most = true) or fewest occurrences, ties to the smallest
// (canonical order). Lanes count each element's occurrences; the pick is a uniform scan.
template <class T> ARC_HEAVY T common(Ctx& c, Tuple<T> t, bool most) {
  if (c.failed()) return T{};
  if (t.n == 0) { c.fail(S_EMPTY); return T{}; }
  if (!room(c, t.n)) return T{};
  int* count = alloc<int>(c, t.n);
  if (!count) return T{};
  ARC_FOR(k, t.n) {
    int m = 0;
    for (int p = 0; p < t.n; p++) m += compare(t.it[p], t.it[k]) == 0;
    count[k] = m;
  }
  ARC_SYNC();
  int best = 0;
  for (int k = 1; k < t.n; k++) {
    bool better = most ? count[k] > count[best] : count[k] < count[best];
    if (better || (count[k] == count[best] && compare(t.it[k], t.it[best]) < 0)) best = k;
  }
  return t.it[best];
}
}  // namespace containers_detail

// `max(set(container), key=container.count)` on a tuple (ties: the smallest element); frozensets
// have no `count` in Python: a type failure.
#define ARC_CONTAINERS_COMMON(name, MOST)                                              \
  struct name##_fn {                                                                   \
    template <class T> ARC_HEAVY auto operator()(Ctx& c, Tuple<T> t) const {           \
      if constexpr (containers_detail::ordered<T>) {                                   \
        return containers_detail::common(c, t, MOST);                                  \
      } else {                                                                         \
        c.unsupported(overload_of<name##_fn, Tuple<T>>());                                                         \
        return Poison{};                                                               \
      }                                                                                \
    }                                                                                  \
    /* two ints: both occur once, or one twice; either way the smaller one */          \
    ARC_DEVICE int operator()(Ctx& c, Point p) const {                                 \
      c.step(2); /* the CPU counts the pair's two items */                             \
      return p.i < p.j ? p.i : p.j;                                                    \
    }                                                                                  \
    template <class T> ARC_DEVICE T operator()(Ctx& c, Set<T>) const {                 \
      c.fail(S_TYPE);                                                                  \
      return containers_detail::none<T>();                                             \
    }                                                                                  \
    ARC_UNSUPPORTED                                                                    \
  };                                                                                   \
  ARC_VAR name##_fn name{};

ARC_PRIM(mostcommon)
ARC_CONTAINERS_COMMON(mostcommon, true)
ARC_PRIM(leastcommon)
ARC_CONTAINERS_COMMON(leastcommon, false)
#undef ARC_CONTAINERS_COMMON

// ------------------------------------------------------------------------------------------------
// Filters
// ------------------------------------------------------------------------------------------------

// `type(container)(e for e in container if condition(e))`: the condition is called by a uniform
// loop into keep flags, then the lanes compact. Frozensets stay sorted; a grid's kept rows stay a
// grid.
ARC_PRIM(sfilter)
struct sfilter_fn {
  template <class C, class F> ARC_HEAVY auto operator()(Ctx& c, C x, F f) const {
    using namespace containers_detail;
    if constexpr (!iterable<C> || same<C, Point>) {
      c.unsupported(overload_of<sfilter_fn, C, F>());
      return Poison{};
    } else if constexpr (!HasTruthy<decltype(f(c, declval_<elem_t<C>>()))>::v || !plain<elem_t<C>>) {
      c.unsupported(overload_of<sfilter_fn, C, F>());
      return Poison{};
    } else {
      int n = len(x);
      uint8_t* keep = c.failed() ? nullptr : alloc<uint8_t>(c, n);
      if (!keep) return empty(x);
      for (int k = 0; k < n && !c.failed(); k++) keep[k] = truthy(call_value(c, f, item(c, x, k)));
      if (c.failed()) return empty(x);
      return kept(c, x, keep);
    }
  }
  ARC_UNSUPPORTED

  template <class T> ARC_DEVICE static Set<T> empty(Set<T>) { return Set<T>{nullptr, 0}; }
  template <class T> ARC_DEVICE static Tuple<T> empty(Tuple<T>) { return Tuple<T>{nullptr, 0}; }
  ARC_DEVICE static Grid empty(Grid) { return Grid{0, 0, nullptr}; }
  template <class T> ARC_DEVICE static Set<T> kept(Ctx& c, Set<T> s, const uint8_t* keep) {
    T* out = alloc<T>(c, s.n);
    if (!out) return Set<T>{nullptr, 0};
    return Set<T>{out, compact(out, s.it, s.n, [&](const T&, int k) { return keep[k] != 0; })};
  }
  template <class T> ARC_DEVICE static Tuple<T> kept(Ctx& c, Tuple<T> s, const uint8_t* keep) {
    T* out = alloc<T>(c, s.n);
    if (!out) return Tuple<T>{nullptr, 0};
    return Tuple<T>{out, compact(out, s.it, s.n, [&](const T&, int k) { return keep[k] != 0; })};
  }
  ARC_DEVICE static Grid kept(Ctx& c, Grid g, const uint8_t* keep) { return containers_detail::keep_rows(c, g, keep); }
};
ARC_VAR sfilter_fn sfilter{};

// `next(e for e in container if condition(e))`: the first match; fails when there is none.
ARC_PRIM(extract)
struct extract_fn {
  template <class C, class F> ARC_HEAVY auto operator()(Ctx& c, C x, F f) const {
    using namespace containers_detail;
    if constexpr (!iterable<C>) {
      c.unsupported(overload_of<extract_fn, C, F>());
      return Poison{};
    } else if constexpr (!HasTruthy<decltype(f(c, declval_<elem_t<C>>()))>::v) {
      c.unsupported(overload_of<extract_fn, C, F>());
      return Poison{};
    } else {
      for (int k = 0; k < len(x) && !c.failed(); k++) {
        elem_t<C> e = item(c, x, k);
        if (truthy(call_value(c, f, e))) return e;
      }
      c.fail(S_EMPTY);
      return none<elem_t<C>>();
    }
  }
  ARC_UNSUPPORTED
};
ARC_VAR extract_fn extract{};

// `frozenset(item for item in container if len(item) == n)`.
ARC_PRIM(sizefilter)
struct sizefilter_fn {
  template <class T> ARC_HEAVY Set<T> operator()(Ctx& c, Set<T> s, int n) const {
    using namespace containers_detail;
    if constexpr (same<T, Cell> || same<T, Point> || IsPair<T>::v) {
      if constexpr (IsPair<T>::v) c.step(s.n);  // the CPU looks at each pair (not at cells, points)
      return n == 2 ? s : Set<T>{nullptr, 0};  // every cell, point and pair has two items
    } else if constexpr (rank<T> == 1) {
      if (c.step(s.n) && s.n) c.fail(S_TYPE);  // len() of an int
      return Set<T>{nullptr, 0};
    } else if constexpr (IsSet<T>::v || IsTuple<T>::v || same<T, Grid>) {
      // (a frozenset of 2-tuples of ints is the CPU's frozenset of points: nothing to look at)
      bool points = same<T, Tuple<int>> && s.n > 0;
      if constexpr (same<T, Tuple<int>>)
        for (int k = 0; k < s.n; k++) points &= s.it[k].n == 2;
      if (c.failed() || (!points && !c.step(s.n))) return Set<T>{nullptr, 0};
      T* out = alloc<T>(c, s.n);
      if (!out) return Set<T>{nullptr, 0};
      return Set<T>{out, compact(out, s.it, s.n, [&](const T& e, int) { return len(e) == n; })};
    } else {
      c.unsupported(overload_of<sizefilter_fn, Set<T>, int>());
      return Set<T>{nullptr, 0};
    }
  }
  template <class T> ARC_HEAVY auto operator()(Ctx& c, Tuple<T> t, int n) const {
    using namespace containers_detail;
    if constexpr (!ordered<T>) {
      c.unsupported(overload_of<sizefilter_fn, Tuple<T>, int>());
      return Poison{};
    } else if constexpr (rank<T> == 1) {
      if (c.step(t.n) && t.n) c.fail(S_TYPE);
      return Set<T>{nullptr, 0};
    } else {
      if (c.failed() || !room(c, t.n)) return Set<T>{nullptr, 0};
      T* out = alloc<T>(c, t.n);
      if (!out) return Set<T>{nullptr, 0};
      int m = compact(out, t.it, t.n, [&](const T& e, int) { return item_len(e) == n; });
      return Set<T>{out, sort_unique(c, out, m)};
    }
  }
  template <class C> ARC_DEVICE auto operator()(Ctx& c, C x, bool n) const { return (*this)(c, x, (int)n); }
  ARC_UNSUPPORTED

 private:
  template <class T> ARC_DEVICE static int item_len(const T& e) {
    if constexpr (same<T, Cell> || same<T, Point> ||
                  !containers_detail::iterable<T>) {
      return 2;  // cells, points and pairs
    } else {
      return containers_detail::len(e);
    }
  }
};
ARC_VAR sizefilter_fn sizefilter{};

// ------------------------------------------------------------------------------------------------
// Merging and products
// ------------------------------------------------------------------------------------------------

namespace containers_detail {
// Inner containers merge can copy without allocating: sets, tuples, points (two ints).
template <class C> struct Flat { static constexpr bool v = false; using E = Poison; };
template <class T> struct Flat<Set<T>> { static constexpr bool v = true; using E = T; };
template <class T> struct Flat<Tuple<T>> { static constexpr bool v = true; using E = T; };
template <> struct Flat<Point> { static constexpr bool v = true; using E = int; };

// All inner items of outer[0..m) concatenated into a new array (offsets of each run in off[0..m]).
// Counted as the CPU's merge: the items at once for a frozenset of objects or of indices (`packed`:
// none of them empty, which the CPU holds as a plain empty frozenset), else each inner container's
// items plus one, container by container.
template <class I, class E = typename Flat<I>::E>
ARC_DEVICE E* concat(Ctx& c, const I* outer, int m, int*& off, int& n, bool packed = false) {
  n = 0;
  off = alloc<int>(c, m + 1);
  if (!off) return nullptr;
  int64_t total = 0;
  for (int r = 0; r < m; r++) {
    off[r] = (int)total;
    total += len(outer[r]);
    if (total > (1 << 20)) { c.fail(S_LIMIT); return nullptr; }
    if (!packed && !c.step((uint64_t)len(outer[r]) + 1)) return nullptr;
  }
  off[m] = (int)total;
  if (packed && !c.step((uint64_t)total)) return nullptr;
  E* out = alloc<E>(c, total);
  if (!out) return nullptr;
#ifdef __CUDACC__
  // Each lane copies its items, finding their run (item() of a flat container is per lane).
  ARC_FOR(e, total) {
    int r = run_of(off, m, e);
    put(out + e, item(c, outer[r], e - off[r]));
  }
  ARC_SYNC();
#else
  // One thread: run after run, no search for each item's run.
  for (int r = 0; r < m; r++) {
    for (int e = off[r]; e < off[r + 1]; e++) put(out + e, item(c, outer[r], e - off[r]));
  }
#endif
  n = (int)total;
  return out;
}
}  // namespace containers_detail

// `type(containers)(e for c in containers for e in c)`: a frozenset of frozensets merges by rank
// (few runs) or sort; tuples concatenate; a tuple of grids of one width is the grid of their rows.
ARC_PRIM(merge)
struct merge_fn {
  template <class I> ARC_HEAVY auto operator()(Ctx& c, Set<I> s) const {
    using namespace containers_detail;
    if constexpr (!Flat<I>::v || !ordered<typename Flat<I>::E>) {
      c.unsupported(overload_of<merge_fn, Set<I>>());
      return Poison{};
    } else {
      using E = typename Flat<I>::E;
      int *off = nullptr, n = 0;
      if (c.failed() || s.n == 0) return Set<E>{nullptr, 0};
      bool packed = false;
      if constexpr (same<I, Object> || same<I, Indices>) {
        packed = true;
        for (int r = 0; r < s.n; r++) packed &= s.it[r].n > 0;
      }
      E* out = concat(c, s.it, s.n, off, n, packed);
      if (!out) return Set<E>{nullptr, 0};
      if constexpr (IsSet<I>::v) return Set<E>{out, canonical_runs(c, out, off, s.n, n)};
      else return Set<E>{out, sort_unique(c, out, n)};
    }
  }
  template <class I> ARC_HEAVY auto operator()(Ctx& c, Tuple<I> t) const {
    using namespace containers_detail;
    if constexpr (!Flat<I>::v) {
      c.unsupported(overload_of<merge_fn, Tuple<I>>());
      return Poison{};
    } else {
      using E = typename Flat<I>::E;
      int *off = nullptr, n = 0;
      if (c.failed() || t.n == 0) return Tuple<E>{nullptr, 0};
      E* out = concat(c, t.it, t.n, off, n);
      if (!out) return Tuple<E>{nullptr, 0};
      return Tuple<E>{out, n};
    }
  }
  // A 2-tuple of containers: their elements, one after the other.
  template <class I> ARC_HEAVY auto operator()(Ctx& c, Pair<I, I> p) const {
    return (*this)(c, containers_detail::pair_tuple(c, p));
  }
  // A grid's cells, row by row.
  ARC_HEAVY Tuple<int> operator()(Ctx& c, Grid g) const {
    int n = g.h * g.w;
    int* out = c.step_each(g.h, (uint64_t)g.w + 1) ? alloc<int>(c, n) : nullptr;  // row by row
    if (!out) return Tuple<int>{nullptr, 0};
    ARC_FOR(k, n) out[k] = g.v[k];
    ARC_SYNC();
    return Tuple<int>{out, n};
  }
  // The rows of several grids: a grid when they have one width (else a ragged tuple: the CPU's).
  ARC_HEAVY Grid operator()(Ctx& c, Tuple<Grid> t) const {
    if (c.failed()) return Grid{0, 0, nullptr};
    int h = 0, w = -1;
    bool ragged = false;
    for (int k = 0; k < t.n; k++) {
      if (t.it[k].h == 0) continue;
      if (w >= 0 && t.it[k].w != w) ragged = true;
      w = t.it[k].w;
      h += t.it[k].h;
      if (h > (1 << 20)) { c.fail(S_LIMIT); return Grid{0, 0, nullptr}; }
    }
    if (ragged) { c.unsupported(value_of<merge_fn, Tuple<Grid>>()); return Grid{0, 0, nullptr}; }
    // the CPU's count: each grid's rows plus one; the rows it makes are a tuple (uncounted)
    for (int k = 0; k < t.n; k++)
      if (!c.step((uint64_t)t.it[k].h + 1)) return Grid{0, 0, nullptr};
    Grid o = rows_grid(c, h, h ? w : 0);
    if (!o.v) return o;
    int at = 0;
    for (int k = 0; k < t.n; k++) {
      Grid g = t.it[k];
      if (g.h == 0) continue;
      ARC_FOR(m, g.h * g.w) o.v[at + m] = g.v[m];
      at += g.h * g.w;
    }
    ARC_SYNC();
    return o;
  }
  ARC_UNSUPPORTED
};
ARC_VAR merge_fn merge{};

// `merge(sfilter(container, function))`.
ARC_PRIM(mfilter)
struct mfilter_fn {
  template <class C, class F> ARC_DEVICE auto operator()(Ctx& c, C x, F f) const { return merge_fn{}(c, sfilter_fn{}(c, x, f)); }
  ARC_UNSUPPORTED
};
ARC_VAR mfilter_fn mfilter{};

// `frozenset((i, j) for j in b for i in a)`: pairs of ints are points, (int, point) pairs cells.
ARC_PRIM(product)
struct product_fn {
  template <class A, class B> ARC_HEAVY auto operator()(Ctx& c, A a, B b) const {
    using namespace containers_detail;
    if constexpr (!Flat<A>::v || !Flat<B>::v) {
      c.unsupported(overload_of<product_fn, A, B>());
      return Poison{};
    } else {
      using EA = typename Flat<A>::E;
      using EB = typename Flat<B>::E;
      if constexpr (!pairable<EA, EB> || !ordered<pair_t<EA, EB>>) {
        c.unsupported(overload_of<product_fn, A, B>());
        return Poison{};
      } else {
        using P = pair_t<EA, EB>;
        int64_t na = len(a), nb = len(b), n = na * nb;
        P* out = room(c, n) ? alloc<P>(c, n) : nullptr;
        if (!out) return Set<P>{nullptr, 0};
        // Row-major over (a, b): two sorted int sets give sorted points at once. (item() of a flat
        // container is per lane.)
        ARC_FOR(k, n) out[k] = pair_of(item(c, a, (int)(k / nb)), item(c, b, (int)(k % nb)));
        ARC_SYNC();
        return Set<P>{out, sort_unique(c, out, (int)n)};
      }
    }
  }
  ARC_UNSUPPORTED
};
ARC_VAR product_fn product{};

}  // namespace arc
