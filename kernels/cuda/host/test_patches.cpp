// Unit tests of cuda/patches.cuh on hand-made values: empty patches, negative coordinates, Python's
// failures. g++ builds it as plain C++ (one lane; kernels/tests/cuda_host_patches.rs runs it); the
// same file built by nvcc (`nvcc -x cu -std=c++17 --expt-relaxed-constexpr -arch=sm_90 -I kernels/cuda`)
// runs the tests in one warp on a GPU, which checks the lane mapping too.
#include <cstdio>
#include <initializer_list>

#include "arc.cuh"

using namespace arc;

#ifdef __CUDACC__
#define TEST __device__
__device__ int failures = 0;
#define COUNT_FAILURE() \
  if ((threadIdx.x & 31) == 0) { printf("%s:%d: CHECK failed (device)\n", __FILE__, __LINE__); atomicAdd(&failures, 1); }
#else
#define TEST static
static int failures = 0;
#define COUNT_FAILURE() \
  { std::printf("%s:%d: CHECK failed\n", __FILE__, __LINE__); failures++; }
#endif
// Every lane evaluates cond (it calls primitives, which are warp-wide); one lane reports.
#define CHECK(cond)                \
  do {                             \
    if (!(cond)) COUNT_FAILURE()   \
  } while (0)

struct Arena {
  uint8_t* base;
  uint64_t cap;
};
TEST Ctx fresh(Arena a) { return Ctx{a.base, 0, a.cap, S_OK, 0, 0, 1ull << 28}; }

// Canonical sets from literals (sorted and deduplicated like every frozenset).
TEST Object obj(Ctx& c, std::initializer_list<Cell> v) {
  int n = (int)v.size();
  Cell* p = alloc<Cell>(c, n);
  if (!p) return Object{nullptr, 0};
  ARC_FOR(k, n) p[k] = v.begin()[k];
  ARC_SYNC();
  return Object{p, sort_unique(c, p, n)};
}
TEST Indices ind(Ctx& c, std::initializer_list<Point> v) {
  int n = (int)v.size();
  Point* p = alloc<Point>(c, n);
  if (!p) return Indices{nullptr, 0};
  ARC_FOR(k, n) p[k] = v.begin()[k];
  ARC_SYNC();
  return Indices{p, sort_unique(c, p, n)};
}
TEST bool same(Indices a, std::initializer_list<Point> b) {
  if (a.n != (int)b.size()) return false;
  for (int k = 0; k < a.n; k++)
    if (!(a.it[k] == b.begin()[k])) return false;
  return true;
}
TEST bool same(Object a, std::initializer_list<Cell> b) {
  if (a.n != (int)b.size()) return false;
  for (int k = 0; k < a.n; k++)
    if (!(a.it[k] == b.begin()[k])) return false;
  return true;
}
TEST bool is(Point p, int i, int j) { return p.i == i && p.j == j; }
TEST bool sorted_unique(Indices a) {
  for (int k = 1; k < a.n; k++)
    if (!(a.it[k - 1] < a.it[k])) return false;
  return true;
}

TEST void pieces(Arena ar) {
  Ctx c = fresh(ar);
  uint8_t cells[6] = {0, 1, 2, 3, 4, 5};
  Grid g{3, 2, cells}, e{0, 0, nullptr};
  CHECK(height(c, g) == 3 && width(c, g) == 2 && is(shape(c, g), 3, 2) && portrait(c, g) && !square(c, g));
  CHECK(height(c, e) == 0 && width(c, e) == 0 && is(shape(c, e), 0, 0) && !portrait(c, e));
  CHECK(!c.failed());
  CHECK(square(c, Grid{2, 2, cells}) && !c.failed());
  square(c, e);  // piece[0] of ()
  CHECK(c.status == S_INDEX);

  c = fresh(ar);
  Object o = obj(c, {{1, 2, 7}, {3, 0, 7}, {2, 5, 7}});
  CHECK(height(c, o) == 3 && width(c, o) == 6 && is(shape(c, o), 3, 6) && !portrait(c, o));
  Indices tall = ind(c, {{-4, 0}, {-1, 1}});
  CHECK(height(c, tall) == 4 && width(c, tall) == 2 && portrait(c, tall));
  Object none{nullptr, 0};
  Indices nowhere{nullptr, 0};
  CHECK(height(c, none) == 0 && width(c, nowhere) == 0 && is(shape(c, none), 0, 0));
  CHECK(square(c, ind(c, {{0, 0}, {0, 1}, {1, 0}, {1, 1}})));
  CHECK(!square(c, ind(c, {{0, 0}, {0, 1}, {1, 1}})));
  CHECK(!square(c, obj(c, {{0, 0, 1}, {0, 0, 2}})));  // 1x1 box, two cells
  CHECK(square(c, nowhere));                          // 0 * 0 == 0 and 0 == 0
  CHECK(!c.failed());
}

TEST void corners_and_extremes(Arena ar) {
  Ctx c = fresh(ar);
  Object o = obj(c, {{1, 2, 7}, {3, 0, 7}, {2, 5, 7}});
  CHECK(is(ulcorner(c, o), 1, 0) && is(urcorner(c, o), 1, 5) && is(llcorner(c, o), 3, 0) && is(lrcorner(c, o), 3, 5));
  CHECK(uppermost(c, o) == 1 && lowermost(c, o) == 3 && leftmost(c, o) == 0 && rightmost(c, o) == 5);
  Indices neg = ind(c, {{-2, -3}, {-5, 4}});
  CHECK(is(ulcorner(c, neg), -5, -3) && is(lrcorner(c, neg), -2, 4));
  CHECK(same(corners(c, neg), {{-5, -3}, {-5, 4}, {-2, -3}, {-2, 4}}));
  CHECK(same(corners(c, ind(c, {{2, 2}})), {{2, 2}}));
  CHECK(same(corners(c, ind(c, {{0, 1}, {3, 1}})), {{0, 1}, {3, 1}}));
  CHECK(same(corners(c, ind(c, {{4, 1}, {4, 6}})), {{4, 1}, {4, 6}}));
  CHECK(!c.failed());

  Object none{nullptr, 0};
  uppermost(c, none);  // min() of nothing
  CHECK(c.status == S_EMPTY);
  c = fresh(ar);
  rightmost(c, Indices{nullptr, 0});
  CHECK(c.status == S_EMPTY);
  c = fresh(ar);
  ulcorner(c, none);  // Python: (), not a point
  CHECK(c.status == S_UNSUPPORTED);
  c = fresh(ar);
  corners(c, none);
  CHECK(c.status == S_UNSUPPORTED);
}

TEST void locations(Arena ar) {
  Ctx c = fresh(ar);
  // Two colours in one location: toindices keeps the location once.
  Object two = obj(c, {{0, 0, 2}, {0, 0, 1}, {0, 1, 3}, {-1, 5, 4}});
  CHECK(same(toindices(c, two), {{-1, 5}, {0, 0}, {0, 1}}));
  Indices pts = ind(c, {{3, 3}, {1, 2}});
  Indices same_pts = toindices(c, pts);
  CHECK(same_pts.it == pts.it && same_pts.n == 2);
  CHECK(toindices(c, Object{nullptr, 0}).n == 0);
  CHECK(same(recolor(c, 5, two), {{-1, 5, 5}, {0, 0, 5}, {0, 1, 5}}));
  CHECK(same(recolor(c, 0, pts), {{1, 2, 0}, {3, 3, 0}}));
  CHECK(recolor(c, 1, Indices{nullptr, 0}).n == 0);
  CHECK(same(recolor(c, true, pts), {{1, 2, 1}, {3, 3, 1}}));  // True is 1

  // shift: off the grid to negative coordinates, order kept.
  Object o = obj(c, {{0, 0, 1}, {1, 2, 3}});
  CHECK(same(shift(c, o, Point{-2, -3}), {{-2, -3, 1}, {-1, -1, 3}}));
  CHECK(same(shift(c, pts, Point{-4, 1}), {{-3, 3}, {-1, 4}}));
  CHECK(shift(c, Object{nullptr, 0}, Point{1, 1}).n == 0);
  CHECK(same(normalize(c, ind(c, {{2, 3}, {4, 1}})), {{0, 2}, {2, 0}}));
  CHECK(same(normalize(c, obj(c, {{-2, -3, 1}, {-1, -1, 3}})), {{0, 0, 1}, {1, 2, 3}}));
  CHECK(normalize(c, Indices{nullptr, 0}).n == 0);
  CHECK(!c.failed());
  shift(c, ind(c, {{INT32_MAX, 0}}), Point{1, 0});
  CHECK(c.status == S_OVERFLOW);
  c = fresh(ar);
  normalize(c, ind(c, {{INT32_MIN, 0}}));  // -INT32_MIN is no i32 offset
  CHECK(c.status == S_OVERFLOW);

  c = fresh(ar);
  CHECK(same(dneighbors(c, Point{0, 0}), {{-1, 0}, {0, -1}, {0, 1}, {1, 0}}));
  CHECK(same(ineighbors(c, Point{0, 0}), {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}}));
  CHECK(same(neighbors(c, Point{5, 2}), {{4, 1}, {4, 2}, {4, 3}, {5, 1}, {5, 3}, {6, 1}, {6, 2}, {6, 3}}));
  CHECK(!c.failed());
}

TEST void shape_tests_and_relations(Arena ar) {
  Ctx c = fresh(ar);
  Indices col = ind(c, {{0, 0}, {1, 0}, {2, 0}});
  CHECK(vline(c, col) && !hline(c, col));
  Indices row = ind(c, {{4, 1}, {4, 2}});
  CHECK(hline(c, row) && !vline(c, row));
  Indices dot = ind(c, {{7, 7}});
  CHECK(vline(c, dot) && hline(c, dot));
  CHECK(!vline(c, ind(c, {{0, 0}, {2, 0}})));                   // gap
  CHECK(!vline(c, obj(c, {{0, 0, 1}, {0, 0, 2}, {1, 0, 1}})));  // len counts cells
  CHECK(!vline(c, Indices{nullptr, 0}) && !hline(c, Object{nullptr, 0}));

  Indices a = ind(c, {{0, 0}, {2, 2}});
  CHECK(hmatching(c, a, obj(c, {{2, 5, 1}})) && !hmatching(c, a, ind(c, {{1, 5}})));
  CHECK(vmatching(c, a, ind(c, {{5, 2}})) && !vmatching(c, a, obj(c, {{5, 1, 3}})));
  CHECK(!hmatching(c, a, Indices{nullptr, 0}) && !vmatching(c, Object{nullptr, 0}, a));

  CHECK(manhattan(c, ind(c, {{0, 0}, {5, 5}}), ind(c, {{2, 3}, {9, 9}})) == 5);
  CHECK(manhattan(c, ind(c, {{-3, -3}}), obj(c, {{4, 1, 1}, {0, 0, 1}})) == 6);
  CHECK(adjacent(c, ind(c, {{0, 0}}), ind(c, {{0, 1}})));
  CHECK(!adjacent(c, ind(c, {{0, 0}}), ind(c, {{1, 1}})));
  CHECK(!adjacent(c, ind(c, {{0, 0}}), ind(c, {{0, 0}})));  // overlap: distance 0
  CHECK(!c.failed());
  manhattan(c, a, Object{nullptr, 0});
  CHECK(c.status == S_EMPTY);

  c = fresh(ar);
  uint8_t cells[25] = {};
  Grid g{5, 5, cells};
  CHECK(bordering(c, ind(c, {{0, 3}}), g) && bordering(c, ind(c, {{2, 0}}), g));
  CHECK(bordering(c, ind(c, {{4, 2}}), g) && bordering(c, obj(c, {{2, 4, 1}}), g));
  CHECK(!bordering(c, ind(c, {{2, 2}, {3, 1}}), g) && !bordering(c, ind(c, {{-1, -1}}), g));
  Grid e{0, 0, nullptr};
  CHECK(bordering(c, ind(c, {{0, 1}}), e));  // decided before grid[0] is read
  CHECK(!c.failed());
  bordering(c, ind(c, {{1, 1}}), e);
  CHECK(c.status == S_INDEX);
  c = fresh(ar);
  bordering(c, Indices{nullptr, 0}, g);
  CHECK(c.status == S_EMPTY);
}

TEST void centres_and_colours(Arena ar) {
  Ctx c = fresh(ar);
  CHECK(is(centerofmass(c, ind(c, {{0, 0}, {1, 1}, {2, 5}})), 1, 2));
  CHECK(is(centerofmass(c, ind(c, {{-1, 0}, {-2, 0}})), -2, 0));  // -3 // 2 floors
  // Sums over distinct locations, divided by the number of cells.
  CHECK(is(centerofmass(c, obj(c, {{0, 0, 1}, {0, 0, 2}, {3, 3, 1}})), 1, 1));
  CHECK(is(center(c, ind(c, {{0, 0}, {0, 3}})), 0, 2));
  CHECK(is(center(c, ind(c, {{1, 1}, {2, 2}})), 2, 2));
  CHECK(is(center(c, obj(c, {{-3, -3, 1}, {-1, -1, 1}})), -2, -2));
  Indices a = ind(c, {{0, 0}});
  CHECK(is(position(c, a, ind(c, {{0, 5}})), 0, 1) && is(position(c, a, ind(c, {{0, -5}})), 0, -1));
  CHECK(is(position(c, a, ind(c, {{3, 0}})), 1, 0) && is(position(c, a, ind(c, {{-3, 0}})), -1, 0));
  CHECK(is(position(c, a, ind(c, {{3, 3}})), 1, 1) && is(position(c, a, ind(c, {{-3, 3}})), -1, 1));
  CHECK(is(position(c, a, obj(c, {{3, -3, 1}})), 1, -1) && is(position(c, a, a), 0, -1));
  CHECK(color(c, obj(c, {{0, 0, 4}, {0, 1, 2}})) == 4);
  CHECK(color(c, obj(c, {{0, 0, 4}, {0, 0, 2}})) == 2);  // first cell in raster order
  CHECK(color(c, ind(c, {{5, 1}, {3, 8}})) == 3);         // next(iter(indices))[0]: a row
  CHECK(!c.failed());
  color(c, Object{nullptr, 0});
  CHECK(c.status == S_EMPTY);
  c = fresh(ar);
  center(c, Indices{nullptr, 0});
  CHECK(c.status == S_EMPTY);
  c = fresh(ar);
  centerofmass(c, Indices{nullptr, 0});  // Python: ()
  CHECK(c.status == S_UNSUPPORTED);

  c = fresh(ar);
  Object o1 = obj(c, {{0, 0, 1}}), o2 = obj(c, {{1, 1, 2}}), o3 = obj(c, {{2, 2, 1}, {2, 3, 1}});
  Object o4 = obj(c, {{3, 0, 2}, {3, 1, 1}});
  Object* objs_v = alloc<Object>(c, 6);  // sorted: o1 < o2 < o3 < o4
  objs_v[0] = o1, objs_v[1] = o2, objs_v[2] = o3, objs_v[3] = o4;
  Set<Object> objs{objs_v, 4};
  Set<Object> ones = colorfilter(c, objs, 1);
  CHECK(ones.n == 2 && ones.it[0].it == objs_v[0].it && ones.it[1].it == objs_v[2].it);
  Set<Object> twos = colorfilter(c, objs, 2);
  CHECK(twos.n == 2 && twos.it[0].it == objs_v[1].it && twos.it[1].it == objs_v[3].it);
  CHECK(colorfilter(c, objs, 9).n == 0 && colorfilter(c, Set<Object>{nullptr, 0}, 1).n == 0);
  Indices i1 = ind(c, {{0, 5}}), i2 = ind(c, {{2, 0}, {9, 9}}), i3 = ind(c, {{2, 1}});
  Indices* sets_v = alloc<Indices>(c, 3);
  sets_v[0] = i1, sets_v[1] = i2, sets_v[2] = i3;
  Set<Indices> rows2 = colorfilter(c, Set<Indices>{sets_v, 3}, 2);  // first point's row == 2
  CHECK(rows2.n == 2 && rows2.it[0].it == i2.it && rows2.it[1].it == i3.it);
  CHECK(!c.failed());
  objs_v[4] = Object{nullptr, 0}, objs_v[5] = o1;  // {frozenset(), o1}
  colorfilter(c, Set<Object>{objs_v + 4, 2}, 1);  // next(iter(frozenset()))
  CHECK(c.status == S_EMPTY);
}

TEST void lines_and_boxes(Arena ar) {
  Ctx c = fresh(ar);
  CHECK(same(connect(c, Point{1, 1}, Point{1, 4}), {{1, 1}, {1, 2}, {1, 3}, {1, 4}}));  // right
  CHECK(same(connect(c, Point{1, 4}, Point{1, 1}), {{1, 1}, {1, 2}, {1, 3}, {1, 4}}));  // left
  CHECK(same(connect(c, Point{5, 2}, Point{3, 2}), {{3, 2}, {4, 2}, {5, 2}}));          // up
  CHECK(same(connect(c, Point{-1, 0}, Point{1, 0}), {{-1, 0}, {0, 0}, {1, 0}}));        // down
  CHECK(same(connect(c, Point{0, 0}, Point{2, 2}), {{0, 0}, {1, 1}, {2, 2}}));
  CHECK(same(connect(c, Point{-1, -1}, Point{-3, -3}), {{-3, -3}, {-2, -2}, {-1, -1}}));
  CHECK(same(connect(c, Point{0, 2}, Point{2, 0}), {{0, 2}, {1, 1}, {2, 0}}));
  CHECK(same(connect(c, Point{2, 0}, Point{0, 2}), {{0, 2}, {1, 1}, {2, 0}}));
  CHECK(connect(c, Point{0, 0}, Point{1, 2}).n == 0);  // not aligned
  CHECK(same(connect(c, Point{3, 3}, Point{3, 3}), {{3, 3}}));

  Indices down = shoot(c, Point{0, 0}, Point{1, 0});
  CHECK(down.n == 43 && is(down.it[0], 0, 0) && is(down.it[42], 42, 0) && sorted_unique(down));
  Indices left = shoot(c, Point{0, 0}, Point{0, -1});
  CHECK(left.n == 43 && is(left.it[0], 0, -42) && is(left.it[42], 0, 0) && sorted_unique(left));
  Indices up_right = shoot(c, Point{5, 5}, Point{-1, 1});
  CHECK(up_right.n == 43 && is(up_right.it[0], -37, 47) && is(up_right.it[42], 5, 5) && sorted_unique(up_right));
  CHECK(shoot(c, Point{0, 0}, Point{1, 2}).n == 0 && same(shoot(c, Point{4, 4}, Point{0, 0}), {{4, 4}}));
  CHECK(!c.failed());
  connect(c, Point{0, 0}, Point{0, 2000000});  // past the item limit
  CHECK(c.status == S_LIMIT);
  c = fresh(ar);
  shoot(c, Point{0, 0}, Point{INT32_MAX / 2, 1});  // no segment, but the far end leaves i32
  CHECK(c.status == S_OVERFLOW);

  c = fresh(ar);
  Indices v = vfrontier(c, Point{3, 7}), h = hfrontier(c, Point{3, 7});
  CHECK(v.n == 30 && is(v.it[0], 0, 7) && is(v.it[29], 29, 7) && sorted_unique(v));
  CHECK(h.n == 30 && is(h.it[0], 3, 0) && is(h.it[29], 3, 29) && sorted_unique(h));

  Indices two = ind(c, {{1, 1}, {2, 3}});
  CHECK(same(backdrop(c, two), {{1, 1}, {1, 2}, {1, 3}, {2, 1}, {2, 2}, {2, 3}}));
  CHECK(same(backdrop(c, obj(c, {{-1, -1, 5}})), {{-1, -1}}));
  CHECK(backdrop(c, Object{nullptr, 0}).n == 0);
  CHECK(same(delta(c, two), {{1, 2}, {1, 3}, {2, 1}, {2, 2}}));
  CHECK(same(delta(c, obj(c, {{0, 0, 1}, {0, 0, 2}, {1, 1, 1}})), {{0, 1}, {1, 0}}));
  CHECK(delta(c, ind(c, {{0, 0}, {0, 1}})).n == 0 && delta(c, Indices{nullptr, 0}).n == 0);

  CHECK(same(box(c, ind(c, {{2, 2}})), {{2, 2}}));
  CHECK(same(box(c, ind(c, {{0, 0}, {2, 3}})),
             {{0, 0}, {0, 1}, {0, 2}, {0, 3}, {1, 0}, {1, 3}, {2, 0}, {2, 1}, {2, 2}, {2, 3}}));
  CHECK(same(box(c, obj(c, {{1, 3, 1}, {1, 0, 1}})), {{1, 0}, {1, 1}, {1, 2}, {1, 3}}));
  CHECK(same(box(c, ind(c, {{0, 5}, {3, 5}})), {{0, 5}, {1, 5}, {2, 5}, {3, 5}}));
  CHECK(same(box(c, ind(c, {{0, 0}, {1, 1}})), {{0, 0}, {0, 1}, {1, 0}, {1, 1}}));
  CHECK(box(c, Object{nullptr, 0}).n == 0);
  CHECK(same(inbox(c, ind(c, {{0, 0}, {4, 4}})), {{1, 1}, {1, 2}, {1, 3}, {2, 1}, {2, 3}, {3, 1}, {3, 2}, {3, 3}}));
  // Corners that cross are swapped back into order: the ring around a single cell.
  CHECK(same(inbox(c, ind(c, {{0, 0}})), {{-1, -1}, {-1, 0}, {-1, 1}, {0, -1}, {0, 1}, {1, -1}, {1, 0}, {1, 1}}));
  CHECK(same(inbox(c, ind(c, {{0, 0}, {2, 3}})), {{1, 1}, {1, 2}}));
  CHECK(same(outbox(c, obj(c, {{2, 2, 6}})), {{1, 1}, {1, 2}, {1, 3}, {2, 1}, {2, 3}, {3, 1}, {3, 2}, {3, 3}}));
  Indices ob = outbox(c, ind(c, {{0, 0}, {2, 3}}));
  CHECK(ob.n == 2 * 6 + 2 * 3 && is(ob.it[0], -1, -1) && is(ob.it[ob.n - 1], 3, 4) && sorted_unique(ob));
  CHECK(!c.failed());
  box(c, ind(c, {{0, 0}, {0, 600000}}));  // 600001 points, but the CPU's limit counts 2h + 2w
  CHECK(c.status == S_LIMIT);
  c = fresh(ar);
  inbox(c, Indices{nullptr, 0});
  CHECK(c.status == S_EMPTY);
  c = fresh(ar);
  outbox(c, Object{nullptr, 0});
  CHECK(c.status == S_EMPTY);
}

TEST void gravitation(Arena ar) {
  Ctx c = fresh(ar);
  Indices o = ind(c, {{0, 0}});
  CHECK(is(gravitate(c, o, ind(c, {{0, 5}})), 0, 4));                            // towards the right
  CHECK(is(gravitate(c, ind(c, {{0, 5}}), o), 0, -4));                           // left
  CHECK(is(gravitate(c, o, ind(c, {{6, 0}})), 5, 0));                            // down (shared column)
  CHECK(is(gravitate(c, ind(c, {{6, 0}}), obj(c, {{0, 0, 3}})), -5, 0));         // up
  CHECK(is(gravitate(c, o, ind(c, {{0, 1}})), 0, 0));                            // already adjacent
  CHECK(is(gravitate(c, o, ind(c, {{5, 5}})), 0, 42));                           // never adjacent
  CHECK(is(gravitate(c, ind(c, {{3, 0}}), ind(c, {{3, 0}})), -1, 0));            // same place: one step up
  Object sq = obj(c, {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
  CHECK(is(gravitate(c, sq, ind(c, {{0, 7}, {1, 7}})), 0, 5));
  CHECK(is(gravitate(c, sq, ind(c, {{-9, 1}, {-8, 1}})), -7, 0));
  CHECK(!c.failed());
  gravitate(c, o, Indices{nullptr, 0});
  CHECK(c.status == S_EMPTY);
}

TEST void periods(Arena ar) {
  Ctx c = fresh(ar);
  Object alt = obj(c, {{0, 0, 1}, {0, 1, 2}, {0, 2, 1}, {0, 3, 2}, {0, 4, 1}});
  CHECK(hperiod(c, alt) == 2 && vperiod(c, alt) == 1);
  CHECK(hperiod(c, shift(c, alt, Point{-5, -7})) == 2);
  CHECK(hperiod(c, obj(c, {{0, 0, 3}, {0, 1, 3}, {0, 2, 3}})) == 1);
  CHECK(hperiod(c, obj(c, {{0, 0, 1}, {0, 1, 2}, {0, 2, 3}})) == 3);
  CHECK(hperiod(c, obj(c, {{0, 0, 1}, {0, 3, 1}})) == 3);
  CHECK(hperiod(c, obj(c, {{0, 0, 1}, {0, 1, 2}, {0, 2, 1}, {1, 0, 1}, {1, 1, 2}, {1, 2, 2}})) == 3);
  CHECK(hperiod(c, Object{nullptr, 0}) == 0 && vperiod(c, Object{nullptr, 0}) == 0);
  Object col = obj(c, {{0, 0, 1}, {1, 0, 2}, {2, 0, 1}, {3, 0, 2}});
  CHECK(vperiod(c, col) == 2 && hperiod(c, col) == 1);
  CHECK(vperiod(c, obj(c, {{0, 0, 1}, {1, 0, 2}, {2, 0, 3}, {3, 0, 1}, {4, 0, 2}})) == 3);
  // Indices: the extent while it is at most 1 (Python's loop does not run), else a TypeError.
  CHECK(hperiod(c, ind(c, {{0, 4}, {3, 4}})) == 1 && vperiod(c, ind(c, {{2, 0}, {2, 7}})) == 1);
  CHECK(hperiod(c, Indices{nullptr, 0}) == 0);
  CHECK(!c.failed());
  hperiod(c, ind(c, {{0, 0}, {0, 1}}));
  CHECK(c.status == S_TYPE);
}

TEST void all_tests(Arena a) {
  pieces(a);
  corners_and_extremes(a);
  locations(a);
  shape_tests_and_relations(a);
  centres_and_colours(a);
  lines_and_boxes(a);
  gravitation(a);
  periods(a);
}

#ifdef __CUDACC__
__global__ void run_all(Arena a) { all_tests(a); }

int main() {
  Arena a{nullptr, 16u << 20};
  if (cudaMalloc(&a.base, a.cap) != cudaSuccess) { std::printf("cudaMalloc failed\n"); return 2; }
  run_all<<<1, 32>>>(a);
  cudaError_t e = cudaDeviceSynchronize();
  if (e != cudaSuccess) { std::printf("kernel failed: %s\n", cudaGetErrorString(e)); return 2; }
  int n = 0;
  cudaMemcpyFromSymbol(&n, failures, sizeof n);
  if (n) { std::printf("%d checks failed\n", n); return 1; }
  std::printf("all patches checks passed (device, one warp)\n");
  return 0;
}
#else
static uint8_t host_arena[16u << 20];

int main() {
  all_tests(Arena{host_arena, sizeof host_arena});
  if (failures) {
    std::printf("%d checks failed\n", failures);
    return 1;
  }
  std::printf("all patches checks passed\n");
  return 0;
}
#endif
