// The DSL's values on the GPU (mirror of src/value.rs). Static C++ types stand for the CPU's
// `Value` kinds; containers are slices of the sample's arena. Every primitive is a functor object
// with the DSL's name, so primitives are also values (`argmax(ctx, x1, size)`).
//
// One warp runs one sample: the solver's control flow is the same on all 32 lanes (every lane
// holds the same values), and each primitive spreads its data loops over the lanes (ARC_FOR).
// Compiled by g++ as plain C++ (one lane), the same code runs on the host.
#pragma once
#ifdef __CUDACC_RTC__
// NVRTC (the run-time fallback compiler) has no system headers.
typedef signed char int8_t;
typedef unsigned char uint8_t;
typedef int int32_t;
typedef unsigned int uint32_t;
typedef long long int64_t;
typedef unsigned long long uint64_t;
#define INT32_MIN (-2147483647 - 1)
#define INT32_MAX 2147483647
#define INT64_MIN (-9223372036854775807LL - 1)
#define INT64_MAX 9223372036854775807LL
#else
#include <stdint.h>
#endif

#ifdef __CUDACC__
#define ARC_DEVICE __device__ inline
// Declared only, for unevaluated contexts (decltype); NVRTC rejects unannotated (host) declarations.
#define ARC_DECLARE __device__
#define ARC_HEAVY __device__ __noinline__
#define ARC_VAR __device__ constexpr
#define ARC_FOR(k, n) for (int k = (int)(threadIdx.x & 31); k < (int)(n); k += 32)
#define ARC_SYNC() __syncwarp()
#else
#define ARC_DEVICE inline
#define ARC_DECLARE
#define ARC_HEAVY inline
#define ARC_VAR constexpr
#define ARC_FOR(k, n) for (int k = 0; k < (int)(n); ++k)
#define ARC_SYNC()
#endif

// Marks a primitive as implemented on the GPU (build.rs reads these markers) and gives its functor
// `name##_fn` its index in the CPU's table (overload.cuh), which S_UNSUPPORTED samples report.
#define ARC_PRIM(name) \
  struct name##_fn;    \
  template <> struct PrimOf<name##_fn> { static constexpr uint32_t id = P_##name; };

namespace arc {

// Same codes as FailKind::code() on the CPU; Unsupported is GPU-only (the CPU redoes the sample).
enum Status : uint32_t {
  S_OK = 0, S_TYPE = 1, S_EMPTY = 2, S_INDEX = 3, S_ZERO_DIVISION = 4, S_OVERFLOW = 5,
  S_LIMIT = 6, S_STEPS = 7, S_ARENA = 8, S_UNSUPPORTED = 9, S_OUTPUT = 10,
};

struct Ctx {
  uint8_t* arena;  // the current chunk
  uint64_t used, cap;
  uint32_t status;
  uint32_t what;  // for S_UNSUPPORTED: the primitive and argument kinds (overload.cuh), else 0
  uint64_t steps, max_steps;
  // On the GPU, chunks come from a pool shared by the batch, so memory is touched only as used
  // (fixed per-sample arenas made the first batches slow: memory spread thin is slow to reach).
  uint8_t* pool = nullptr;  // null: the arena is all there is (host build, tests)
  unsigned long long* pool_used = nullptr;
  uint64_t pool_cap = 0;
  uint64_t taken = 0, max_taken = 0;  // bytes of chunks this sample took, and its share at most
  ARC_DEVICE bool failed() const { return status != S_OK; }
  ARC_DEVICE void fail(uint32_t s) { if (status == S_OK) status = s; }
  // The sample goes back to the CPU; `overload` (overload_of / value_of) says which call had no GPU form.
  ARC_DEVICE void unsupported(uint32_t overload) {
    if (status == S_OK) { status = S_UNSUPPORTED; what = overload; }
  }
  // Charges n steps in the CPU's units (`Ctx::step` in src/value.rs): every primitive charges what
  // its CPU twin charges, at the same point relative to its other failure checks, so the count and
  // a budget failure are the CPU's. After the first failure nothing more is counted (as on the CPU).
  ARC_DEVICE bool step(uint64_t n) {
    if (status != S_OK) return false;
    steps += n;
    if (steps > max_steps) { fail(S_STEPS); return false; }
    return true;
  }
  // `times` charges of n steps each, as a CPU loop that charges n per element makes them: the count
  // stops at the first charge past the budget (the CPU's count at its failure).
  ARC_DEVICE bool step_each(uint64_t times, uint64_t n) {
    if (status != S_OK) return false;
    if (times == 0 || n == 0) return true;
    uint64_t fit = (max_steps - steps) / n;
    if (times <= fit) { steps += times * n; return true; }
    steps += (fit + 1) * n;
    fail(S_STEPS);
    return false;
  }
};

// One call of a function value, counted as the CPU's `call` (src/func.rs) counts it: one step,
// charged by the caller before the function runs. Higher-order primitives (apply, sfilter, argmax...),
// the combinators' calls of their parts and the solvers' calls of local function values all call
// through this, so a primitive passed as a value costs a step per call and a composed function one
// per level, on both sides. (After a failure the function still runs, but counts nothing.)
template <class F, class... X> ARC_DEVICE auto call_value(Ctx& c, const F& f, X... x) {
  c.step(1);
  return f(c, x...);
}

// Warp-wide reductions (every lane gets the result); identities on the host.
ARC_DEVICE int warp_sum(int v) {
#ifdef __CUDACC__
  for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
#endif
  return v;
}
ARC_DEVICE int warp_max(int v) {
#ifdef __CUDACC__
  for (int o = 16; o > 0; o >>= 1) { int x = __shfl_xor_sync(0xffffffffu, v, o); v = x > v ? x : v; }
#endif
  return v;
}
ARC_DEVICE int warp_min(int v) {
#ifdef __CUDACC__
  for (int o = 16; o > 0; o >>= 1) { int x = __shfl_xor_sync(0xffffffffu, v, o); v = x < v ? x : v; }
#endif
  return v;
}

ARC_DEVICE bool warp_all(bool p) {
#ifdef __CUDACC__
  return __all_sync(0xffffffffu, p);
#else
  return p;
#endif
}
ARC_DEVICE bool warp_any(bool p) {
#ifdef __CUDACC__
  return __any_sync(0xffffffffu, p);
#else
  return p;
#endif
}

// Ordered compaction: copies the in[k] with keep(in[k], k) to out[0..), keeping their order, and
// returns how many. Lanes take 32 elements at a time and place them by ballot; out may equal in.
template <class T, class Keep>
ARC_DEVICE int compact(T* out, const T* in, int n, Keep keep) {
  int base = 0;
#ifdef __CUDACC__
  int lane = threadIdx.x & 31;
  for (int k0 = 0; k0 < n; k0 += 32) {
    int k = k0 + lane;
    bool p = false;
    T x{};
    if (k < n) { x = in[k]; p = keep(x, k); }
    unsigned m = __ballot_sync(0xffffffffu, p);
    __syncwarp();
    if (p) out[base + __popc(m & ((1u << lane) - 1u))] = x;
    base += __popc(m);
    __syncwarp();
  }
#else
  for (int k = 0; k < n; k++) {
    T x = in[k];
    if (keep(x, k)) out[base++] = x;
  }
#endif
  return base;
}

constexpr uint64_t ARENA_CHUNK = 64u << 10;

// A new chunk of at least `bytes` from the batch's pool (all lanes get the same one).
ARC_DEVICE bool grab_chunk(Ctx& c, uint64_t bytes) {
#ifdef __CUDACC__
  if (!c.pool) return false;
  uint64_t want = bytes > ARENA_CHUNK ? bytes : ARENA_CHUNK;
  if (c.taken + want > c.max_taken) return false;
  unsigned long long off = 0;
  if ((threadIdx.x & 31) == 0) off = atomicAdd(c.pool_used, (unsigned long long)want);
  off = __shfl_sync(0xffffffffu, off, 0);
  if (off + want > c.pool_cap) return false;
  c.arena = c.pool + off;
  c.used = 0;
  c.cap = want;
  c.taken += want;
  return true;
#else
  (void)c;
  (void)bytes;
  return false;
#endif
}

// Arena allocation: every lane makes the same calls, so every lane gets the same pointer. Null means
// failure, so even no elements take 16 bytes: a sample's arena starts empty on the GPU (null until
// its first chunk), where a 3x0 canvas became a 0x0 grid (91413438 on grids without black).
template <class T>
ARC_DEVICE T* alloc(Ctx& c, uint64_t n) {
  uint64_t bytes = n == 0 ? 16 : (n * sizeof(T) + 15) & ~uint64_t(15);
  if (c.failed()) return nullptr;
  if (bytes > c.cap - c.used && !grab_chunk(c, bytes)) { c.fail(S_ARENA); return nullptr; }
  T* p = (T*)(c.arena + c.used);
  c.used += bytes;
  return p;
}

// Scratch space: `arena_top` marks where the next allocation goes; `release` gives back everything
// allocated since (when it is still in the same chunk: a newer chunk is simply not reused).
ARC_DEVICE uint8_t* arena_top(const Ctx& c) { return c.arena + c.used; }
ARC_DEVICE void release(Ctx& c, const uint8_t* mark) {
  if (mark >= c.arena && mark <= c.arena + c.used) c.used = (uint64_t)(mark - c.arena);
}
// Gives back the tail of the latest allocation `p` past its first n elements (and all after it).
template <class T> ARC_DEVICE void shrink_last(Ctx& c, const T* p, int n) {
  const uint8_t* m = (const uint8_t*)p;
  if (p && !c.failed() && m >= c.arena && m <= c.arena + c.used)
    c.used = (uint64_t)(m - c.arena) + (((uint64_t)n * sizeof(T) + 15) & ~uint64_t(15));
}

struct Grid { int32_t h, w; uint8_t* v; };
struct Point { int32_t i, j; };
struct Cell { int32_t i, j, color; };
template <class T> struct Set { T* it; int32_t n; };
template <class T> struct Tuple { T* it; int32_t n; };
using Object = Set<Cell>;
using Indices = Set<Point>;

// The value of a step whose primitive has no GPU version for these argument types: the sample is
// marked S_UNSUPPORTED and redone on the CPU; every primitive accepts and returns Poison.
struct Poison {};

}  // namespace arc
#include "overload.cuh"
namespace arc {

ARC_DEVICE bool operator==(Point a, Point b) { return a.i == b.i && a.j == b.j; }
ARC_DEVICE bool operator<(Point a, Point b) { return a.i < b.i || (a.i == b.i && a.j < b.j); }
ARC_DEVICE bool operator==(Cell a, Cell b) { return a.i == b.i && a.j == b.j && a.color == b.color; }
ARC_DEVICE bool operator<(Cell a, Cell b) {
  return a.i < b.i || (a.i == b.i && (a.j < b.j || (a.j == b.j && a.color < b.color)));
}

// A new h x w grid, with the CPU's checks and count (Ctx::grid): h * w steps.
ARC_DEVICE Grid new_grid(Ctx& c, int h, int w) {
  if (c.failed()) return Grid{0, 0, nullptr};
  if (h < 0 || w < 0) { c.fail(S_INDEX); return Grid{0, 0, nullptr}; }
  if ((int64_t)h * w > (1 << 20)) { c.fail(S_LIMIT); return Grid{0, 0, nullptr}; }
  if (!c.step((uint64_t)h * w)) return Grid{0, 0, nullptr};
  uint8_t* v = alloc<uint8_t>(c, (uint64_t)h * w);
  if (!v) return Grid{0, 0, nullptr};
  return Grid{h, w, v};
}

// A grid the CPU holds as a tuple of rows (what apply, order, repeat and merge make of rows): the
// same checks as new_grid, no steps (the CPU charges none to build or read such a tuple).
ARC_DEVICE Grid rows_grid(Ctx& c, int h, int w) {
  if (c.failed()) return Grid{0, 0, nullptr};
  if (h < 0 || w < 0) { c.fail(S_INDEX); return Grid{0, 0, nullptr}; }
  if ((int64_t)h * w > (1 << 20)) { c.fail(S_LIMIT); return Grid{0, 0, nullptr}; }
  uint8_t* v = alloc<uint8_t>(c, (uint64_t)h * w);
  if (!v) return Grid{0, 0, nullptr};
  return Grid{h, w, v};
}

// The canonical total order and equality (mirror of cmp_values): every lane computes the same answer.
ARC_DEVICE int compare(int a, int b) { return (a > b) - (a < b); }
ARC_DEVICE int compare(bool a, bool b) { return compare((int)a, (int)b); }
ARC_DEVICE int compare(bool a, int b) { return compare((int)a, b); }
ARC_DEVICE int compare(int a, bool b) { return compare(a, (int)b); }
ARC_DEVICE int compare(Point a, Point b) { return a.i != b.i ? compare(a.i, b.i) : compare(a.j, b.j); }
ARC_DEVICE int compare(Cell a, Cell b) {
  return a.i != b.i ? compare(a.i, b.i) : a.j != b.j ? compare(a.j, b.j) : compare(a.color, b.color);
}
ARC_DEVICE int compare(Grid a, Grid b) {
  // Python compares grids as tuples of rows.
  int rows = a.h < b.h ? a.h : b.h;
  for (int i = 0; i < rows; i++) {
    int cols = a.w < b.w ? a.w : b.w;
    for (int j = 0; j < cols; j++) {
      int d = compare((int)a.v[i * a.w + j], (int)b.v[i * b.w + j]);
      if (d) return d;
    }
    if (a.w != b.w) return compare(a.w, b.w);
  }
  return compare(a.h, b.h);
}
template <class T> ARC_DEVICE int compare(Set<T> a, Set<T> b) {
  int n = a.n < b.n ? a.n : b.n;
  for (int k = 0; k < n; k++) {
    int d = compare(a.it[k], b.it[k]);
    if (d) return d;
  }
  return compare(a.n, b.n);
}
template <class T> ARC_DEVICE int compare(Tuple<T> a, Tuple<T> b) {
  int n = a.n < b.n ? a.n : b.n;
  for (int k = 0; k < n; k++) {
    int d = compare(a.it[k], b.it[k]);
    if (d) return d;
  }
  return compare(a.n, b.n);
}
template <class A, class B> ARC_DEVICE bool equal(A a, B b) { return compare(a, b) == 0; }
// Frozensets of different element types are equal only when both are empty (Python's frozenset()).
template <class A, class B> ARC_DEVICE bool equal(Set<A> a, Set<B> b) { return a.n == 0 && b.n == 0; }
template <class A> ARC_DEVICE bool equal(Set<A> a, Set<A> b) { return compare(a, b) == 0; }

// Which of the eight grid symmetries a functor is (-1: none): grids.cuh names them, with D8Fn, the
// one type that holds any of them (so that tuples of them have an element type).
template <class T> struct D8Tag { static constexpr int k = -1; };

// Type traits for the primitives (no <type_traits> under NVRTC).
template <class A, class B> struct Same { static constexpr bool v = false; };
template <class A> struct Same<A, A> { static constexpr bool v = true; };
template <class A, class B> constexpr bool same = Same<A, B>::v;
template <class T> ARC_DECLARE T declval_();
struct CompareYes { char x[2]; };
template <class A, class B> ARC_DECLARE auto can_compare(int) -> decltype((void)compare(declval_<A>(), declval_<B>()), CompareYes{});
template <class A, class B> ARC_DECLARE char can_compare(long);
// Whether `equal` knows how to compare an A with a B (values of other type pairs go to the CPU).
template <class A, class B> struct Comparable { static constexpr bool v = sizeof(can_compare<A, B>(0)) == sizeof(CompareYes); };
template <class A, class B> struct Comparable<Set<A>, Set<B>> { static constexpr bool v = true; };
template <class A, class B> constexpr bool comparable = Comparable<A, B>::v;

// First index of sorted items[0..n) not below x (below_or_equal: not below-or-equal x).
template <class T> ARC_DEVICE int sorted_bound(const T* items, int n, const T& x, bool below_or_equal) {
  int lo = 0, hi = n;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    int d = compare(items[mid], x);
    if (d < 0 || (below_or_equal && d == 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The end of a merge sort of n items into `items` or `tmp` (`sorted` says which): the distinct ones
// back into `items` and the scratch from `mark` on given back; returns how many.
template <class T>
ARC_DEVICE int distinct_sorted(Ctx& c, T* items, T* tmp, const T* sorted, int n, const uint8_t* mark) {
  if (sorted == items) {  // compact reads one array and writes the other
    ARC_FOR(k, n) tmp[k] = items[k];
    ARC_SYNC();
  }
  int kept = compact(items, tmp, n, [&](const T& x, int k) { return k == 0 || compare(tmp[k - 1], x) != 0; });
  release(c, mark);
  return kept;
}

// Big arrays: a bottom-up merge sort, log2(n) passes in which every element finds its place in the
// merged pair of runs by binary search in the other run (left-run elements go before equal right
// ones, so it is stable). O(n log^2 n / 32) per warp instead of the rank count's O(n^2 / 32): merging
// hundreds of objects' cells (mapply) made single samples take most of a second.
#ifndef __CUDACC__
// One thread: a stable bottom-up merge sort of items[0..n) through tmp, runs of 16 sorted by
// insertion first; returns the array that holds the result. O(n log n), where the lane algorithms
// below cost one thread n^2 (ranks) or n log^2 n (a search per element and pass).
template <class T> inline T* host_merge_sort(T* items, T* tmp, int n) {
  const int run = 16;
  for (int s = 0; s < n; s += run) {
    int e = s + run < n ? s + run : n;
    for (int k = s + 1; k < e; k++) {
      T x = items[k];
      int m = k;
      for (; m > s && compare(x, items[m - 1]) < 0; m--) items[m] = items[m - 1];
      items[m] = x;
    }
  }
  T* src = items;
  T* dst = tmp;
  for (int w = run; w < n; w *= 2) {
    for (int s = 0; s < n; s += 2 * w) {
      int mid = s + w < n ? s + w : n, end = s + 2 * w < n ? s + 2 * w : n;
      int a = s, b = mid, o = s;
      while (a < mid && b < end) dst[o++] = compare(src[b], src[a]) < 0 ? src[b++] : src[a++];
      while (a < mid) dst[o++] = src[a++];
      while (b < end) dst[o++] = src[b++];
    }
    T* t = src;
    src = dst;
    dst = t;
  }
  return src;
}
#endif

template <class T>
ARC_DEVICE int merge_sort_unique(Ctx& c, T* items, int n) {
  uint8_t* mark = arena_top(c);
  T* tmp = alloc<T>(c, n);
  if (!tmp) return 0;
#ifndef __CUDACC__
  return distinct_sorted(c, items, tmp, host_merge_sort(items, tmp, n), n, mark);
#endif
  T* src = items;
  T* dst = tmp;
  for (int w = 1; w < n; w *= 2) {
    ARC_FOR(k, n) {
      int start = k / (2 * w) * (2 * w);
      int mid = start + w < n ? start + w : n, end = start + 2 * w < n ? start + 2 * w : n;
      T x = src[k];
      int pos = k < mid ? (k - start) + sorted_bound(src + mid, end - mid, x, false)
                        : (k - mid) + sorted_bound(src + start, mid - start, x, true);
      dst[start + pos] = x;
    }
    ARC_SYNC();
    T* t = src;
    src = dst;
    dst = t;
  }
  return distinct_sorted(c, items, tmp, src, n, mark);
}

// Sorts items[0..n) by the canonical order and drops duplicates, in place; returns the new length.
// This is what makes every frozenset canonical (the CPU's Ctx::set/object/indices), and like them it
// charges no steps (the primitive that makes the set charges the CPU's count). Already sorted
// input (the common case: shifts, filters, raster scans) costs one pass. Small arrays count each
// element's rank (O(n^2 / 32) per warp, no passes); big ones merge sort.
template <class T> ARC_HEAVY int sort_unique_by_position(Ctx& c, T* items, int n);

template <class T>
ARC_DEVICE int sort_unique(Ctx& c, T* items, int n) {
  if (n <= 1 || c.failed()) return c.failed() ? 0 : n;
  bool sorted = true;
  ARC_FOR(k, n - 1) if (compare(items[k], items[k + 1]) >= 0) sorted = false;
  if (warp_all(sorted)) return n;
  if (n > 256) {
    if constexpr (same<T, Cell> || same<T, Point>) {
      int m = sort_unique_by_position(c, items, n);
      if (m >= 0) return m;
    }
    return merge_sort_unique(c, items, n);
  }
#ifndef __CUDACC__
  return merge_sort_unique(c, items, n);  // the same scratch as the ranks below
#endif
  uint8_t* mark = arena_top(c);
  T* tmp = alloc<T>(c, n);
  if (!tmp) return 0;
  ARC_FOR(k, n) {
    int rank = 0;
    for (int m = 0; m < n; m++) {
      int d = compare(items[m], items[k]);
      rank += d < 0 || (d == 0 && m < k);
    }
    tmp[rank] = items[k];
  }
  ARC_SYNC();
  int kept = compact(items, tmp, n, [&](const T& x, int k) { return k == 0 || compare(tmp[k - 1], x) != 0; });
  release(c, mark);  // the scratch copy is dead
  return kept;
}

// A location of a patch element (cells and points alike).
ARC_DEVICE Point loc(Cell x) { return Point{x.i, x.j}; }
ARC_DEVICE Point loc(Point x) { return x; }

// Bounding box of a patch (mirror of Patch::bounds); `empty` when it has no element.
struct Bounds {
  int top, left, bottom, right;
  bool empty;
};
template <class T>
ARC_DEVICE Bounds bounds(Set<T> p) {
  int a = INT32_MAX, b = INT32_MAX, c = INT32_MIN, d = INT32_MIN;
  ARC_FOR(k, p.n) {
    Point q = loc(p.it[k]);
    a = q.i < a ? q.i : a;
    b = q.j < b ? q.j : b;
    c = q.i > c ? q.i : c;
    d = q.j > d ? q.j : d;
  }
  return Bounds{warp_min(a), warp_min(b), warp_max(c), warp_max(d), p.n == 0};
}

// Sorts and deduplicates n cells or points (n > 0) by marking their keys (position in their bounding
// box, and colour for cells) and reading the marks back in key order, which is the canonical order:
// O(n + keys) per warp where merging takes n log^2 n. Only where there are at most 32n + 4096 keys
// (cells of colours 0-9 and points of grids, merged from many objects: the CPU's counting sort in
// Ctx::object/indices); returns -1, touching nothing, otherwise. Like sort_unique it charges no steps.
template <class T> ARC_HEAVY int sort_unique_by_position(Ctx& c, T* items, int n) {
  constexpr int colours = same<T, Cell> ? 10 : 1;
  Bounds b = bounds(Set<T>{items, n});
  int64_t width = (int64_t)b.right - b.left + 1;
  int64_t keys = ((int64_t)b.bottom - b.top + 1) * width * colours;
  if (keys > 32 * (int64_t)n + 4096) return -1;
  if constexpr (colours > 1) {
    bool small = true;
    ARC_FOR(k, n) if (items[k].color < 0 || items[k].color >= colours) small = false;
    if (!warp_all(small)) return -1;
  }
  auto key = [&](const T& x) {
    Point q = loc(x);
    int k = (int)((q.i - b.top) * width + (q.j - b.left)) * colours;
    if constexpr (colours > 1) k += x.color;
    return k;
  };
  uint8_t* mark = arena_top(c);
  uint8_t* seen = alloc<uint8_t>(c, keys);
  int* index = alloc<int>(c, keys);
  if (!seen || !index) return 0;
  ARC_FOR(q, keys) {
    seen[q] = 0;
    index[q] = q;
  }
  ARC_SYNC();
  ARC_FOR(k, n) seen[key(items[k])] = 1;  // lanes marking one key write the same byte
  ARC_SYNC();
  int m = compact(index, index, (int)keys, [&](const int& q, int) { return seen[q] != 0; });
  ARC_FOR(k, m) {
    int pos = index[k] / colours;
    T x{};
    x.i = b.top + (int)(pos / width);
    x.j = b.left + (int)(pos % width);
    if constexpr (colours > 1) x.color = index[k] % colours;
    items[k] = x;
  }
  ARC_SYNC();
  release(c, mark);
  return m;
}

// Python truthiness, for `if` and `branch`.
ARC_DEVICE bool truthy(bool b) { return b; }
ARC_DEVICE bool truthy(int v) { return v != 0; }
ARC_DEVICE bool truthy(Grid g) { return g.h > 0; }
template <class T> ARC_DEVICE bool truthy(Set<T> s) { return s.n > 0; }
template <class T> ARC_DEVICE bool truthy(Tuple<T> s) { return s.n > 0; }
ARC_DEVICE bool truthy(Point) { return true; }
ARC_DEVICE bool truthy(Poison) { return false; }

// The result of a primitive on an int where Python has no len() or iteration of it (TypeError, as on
// the CPU): what valmax/valmin of an empty container meet, which call compfunc(0).
template <class T> ARC_DEVICE T type_error(Ctx& c) { c.fail(S_TYPE); return T{}; }

// A solver's result as a grid.
ARC_DEVICE Grid as_grid(Ctx&, Grid g) { return g; }
template <class T> ARC_DEVICE Grid as_grid(Ctx& c, T) { c.unsupported(overload_of<void, T>()); return Grid{0, 0, nullptr}; }

// `(a, b)` in a solver.
ARC_DEVICE Point make_tuple(Ctx&, int a, int b) { return Point{a, b}; }
template <class... A> ARC_DEVICE Poison make_tuple(Ctx& c, A...) { c.unsupported(overload_of<void, A...>()); return {}; }

}  // namespace arc

namespace arc {
// Calls f with every `branch` value among the arguments (an Either of two types) replaced by the
// side taken; without one, the sample fails with S_UNSUPPORTED (defined in func.cuh).
template <class F, class... A> ARC_DEVICE auto either_call(Ctx& c, const F& f, A... a);
}  // namespace arc

// Every primitive functor ends with this catch-all: argument types it has no overload for make
// the sample fall back to the CPU instead of failing the build, unless one of them is a `branch`
// between two types, whose taken side may have an overload.
#define ARC_UNSUPPORTED \
  template <class... A> ARC_DEVICE auto operator()(arc::Ctx& c, A... a) const { return arc::either_call(c, *this, a...); }
