// Unit tests of cuda/patches.cuh on hand-made values: empty patches, negative coordinates, Python's
// failures. g++ builds it as plain C++ (one lane; kernels/tests/cuda_host_patches.rs runs it); the
// same file built by nvcc (`nvcc -x cu -std=c++17 --expt-relaxed-constexpr -arch=sm_90 -I kernels/cuda`)
// runs the tests in one warp on a GPU, which checks the lane mapping too.
#include <cstdio>
#include <cstdlib>
#include <cstring>
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
TEST bool set_is(Indices a, std::initializer_list<Point> b) {
  if (a.n != (int)b.size()) return false;
  for (int k = 0; k < a.n; k++)
    if (!(a.it[k] == b.begin()[k])) return false;
  return true;
}
TEST bool set_is(Object a, std::initializer_list<Cell> b) {
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
  CHECK(!c.failed());
  // an int has no len() in Python: TypeError (valmax(objects, width) of no objects calls width(0))
  width(c, 0);
  CHECK(c.status == S_TYPE);
  c = fresh(ar);
  height(c, 4);
  CHECK(c.status == S_TYPE);
  c = fresh(ar);
  shape(c, 0);
  CHECK(c.status == S_TYPE);
  c = fresh(ar);
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
  CHECK(set_is(corners(c, neg), {{-5, -3}, {-5, 4}, {-2, -3}, {-2, 4}}));
  CHECK(set_is(corners(c, ind(c, {{2, 2}})), {{2, 2}}));
  CHECK(set_is(corners(c, ind(c, {{0, 1}, {3, 1}})), {{0, 1}, {3, 1}}));
  CHECK(set_is(corners(c, ind(c, {{4, 1}, {4, 6}})), {{4, 1}, {4, 6}}));
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
  CHECK(set_is(toindices(c, two), {{-1, 5}, {0, 0}, {0, 1}}));
  Indices pts = ind(c, {{3, 3}, {1, 2}});
  Indices same_pts = toindices(c, pts);
  CHECK(same_pts.it == pts.it && same_pts.n == 2);
  CHECK(toindices(c, Object{nullptr, 0}).n == 0);
  CHECK(set_is(recolor(c, 5, two), {{-1, 5, 5}, {0, 0, 5}, {0, 1, 5}}));
  CHECK(set_is(recolor(c, 0, pts), {{1, 2, 0}, {3, 3, 0}}));
  CHECK(recolor(c, 1, Indices{nullptr, 0}).n == 0);
  CHECK(set_is(recolor(c, true, pts), {{1, 2, 1}, {3, 3, 1}}));  // True is 1

  // shift: off the grid to negative coordinates, order kept.
  Object o = obj(c, {{0, 0, 1}, {1, 2, 3}});
  CHECK(set_is(shift(c, o, Point{-2, -3}), {{-2, -3, 1}, {-1, -1, 3}}));
  CHECK(set_is(shift(c, pts, Point{-4, 1}), {{-3, 3}, {-1, 4}}));
  CHECK(shift(c, Object{nullptr, 0}, Point{1, 1}).n == 0);
  CHECK(set_is(normalize(c, ind(c, {{2, 3}, {4, 1}})), {{0, 2}, {2, 0}}));
  CHECK(set_is(normalize(c, obj(c, {{-2, -3, 1}, {-1, -1, 3}})), {{0, 0, 1}, {1, 2, 3}}));
  CHECK(normalize(c, Indices{nullptr, 0}).n == 0);
  CHECK(!c.failed());
  shift(c, ind(c, {{INT32_MAX, 0}}), Point{1, 0});
  CHECK(c.status == S_OVERFLOW);
  c = fresh(ar);
  normalize(c, ind(c, {{INT32_MIN, 0}}));  // -INT32_MIN is no i32 offset
  CHECK(c.status == S_OVERFLOW);

  c = fresh(ar);
  CHECK(set_is(dneighbors(c, Point{0, 0}), {{-1, 0}, {0, -1}, {0, 1}, {1, 0}}));
  CHECK(set_is(ineighbors(c, Point{0, 0}), {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}}));
  CHECK(set_is(neighbors(c, Point{5, 2}), {{4, 1}, {4, 2}, {4, 3}, {5, 1}, {5, 3}, {6, 1}, {6, 2}, {6, 3}}));
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
  CHECK(c.status == S_UNSUPPORTED && c.what == (P_centerofmass | K_INDICES << 8 | OVERLOAD_VALUE));
  c = fresh(ar);
  center(c, 0);  // toindices(0): TypeError
  CHECK(c.status == S_TYPE);

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
  CHECK(set_is(connect(c, Point{1, 1}, Point{1, 4}), {{1, 1}, {1, 2}, {1, 3}, {1, 4}}));  // right
  CHECK(set_is(connect(c, Point{1, 4}, Point{1, 1}), {{1, 1}, {1, 2}, {1, 3}, {1, 4}}));  // left
  CHECK(set_is(connect(c, Point{5, 2}, Point{3, 2}), {{3, 2}, {4, 2}, {5, 2}}));          // up
  CHECK(set_is(connect(c, Point{-1, 0}, Point{1, 0}), {{-1, 0}, {0, 0}, {1, 0}}));        // down
  CHECK(set_is(connect(c, Point{0, 0}, Point{2, 2}), {{0, 0}, {1, 1}, {2, 2}}));
  CHECK(set_is(connect(c, Point{-1, -1}, Point{-3, -3}), {{-3, -3}, {-2, -2}, {-1, -1}}));
  CHECK(set_is(connect(c, Point{0, 2}, Point{2, 0}), {{0, 2}, {1, 1}, {2, 0}}));
  CHECK(set_is(connect(c, Point{2, 0}, Point{0, 2}), {{0, 2}, {1, 1}, {2, 0}}));
  CHECK(connect(c, Point{0, 0}, Point{1, 2}).n == 0);  // not aligned
  CHECK(set_is(connect(c, Point{3, 3}, Point{3, 3}), {{3, 3}}));

  Indices down = shoot(c, Point{0, 0}, Point{1, 0});
  CHECK(down.n == 43 && is(down.it[0], 0, 0) && is(down.it[42], 42, 0) && sorted_unique(down));
  Indices left = shoot(c, Point{0, 0}, Point{0, -1});
  CHECK(left.n == 43 && is(left.it[0], 0, -42) && is(left.it[42], 0, 0) && sorted_unique(left));
  Indices up_right = shoot(c, Point{5, 5}, Point{-1, 1});
  CHECK(up_right.n == 43 && is(up_right.it[0], -37, 47) && is(up_right.it[42], 5, 5) && sorted_unique(up_right));
  CHECK(shoot(c, Point{0, 0}, Point{1, 2}).n == 0 && set_is(shoot(c, Point{4, 4}, Point{0, 0}), {{4, 4}}));
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
  CHECK(set_is(backdrop(c, two), {{1, 1}, {1, 2}, {1, 3}, {2, 1}, {2, 2}, {2, 3}}));
  CHECK(set_is(backdrop(c, obj(c, {{-1, -1, 5}})), {{-1, -1}}));
  CHECK(backdrop(c, Object{nullptr, 0}).n == 0);
  CHECK(set_is(delta(c, two), {{1, 2}, {1, 3}, {2, 1}, {2, 2}}));
  CHECK(set_is(delta(c, obj(c, {{0, 0, 1}, {0, 0, 2}, {1, 1, 1}})), {{0, 1}, {1, 0}}));
  CHECK(delta(c, ind(c, {{0, 0}, {0, 1}})).n == 0 && delta(c, Indices{nullptr, 0}).n == 0);

  CHECK(set_is(box(c, ind(c, {{2, 2}})), {{2, 2}}));
  CHECK(set_is(box(c, ind(c, {{0, 0}, {2, 3}})),
             {{0, 0}, {0, 1}, {0, 2}, {0, 3}, {1, 0}, {1, 3}, {2, 0}, {2, 1}, {2, 2}, {2, 3}}));
  CHECK(set_is(box(c, obj(c, {{1, 3, 1}, {1, 0, 1}})), {{1, 0}, {1, 1}, {1, 2}, {1, 3}}));
  CHECK(set_is(box(c, ind(c, {{0, 5}, {3, 5}})), {{0, 5}, {1, 5}, {2, 5}, {3, 5}}));
  CHECK(set_is(box(c, ind(c, {{0, 0}, {1, 1}})), {{0, 0}, {0, 1}, {1, 0}, {1, 1}}));
  CHECK(box(c, Object{nullptr, 0}).n == 0);
  CHECK(set_is(inbox(c, ind(c, {{0, 0}, {4, 4}})), {{1, 1}, {1, 2}, {1, 3}, {2, 1}, {2, 3}, {3, 1}, {3, 2}, {3, 3}}));
  // Corners that cross are swapped back into order: the ring around a single cell.
  CHECK(set_is(inbox(c, ind(c, {{0, 0}})), {{-1, -1}, {-1, 0}, {-1, 1}, {0, -1}, {0, 1}, {1, -1}, {1, 0}, {1, 1}}));
  CHECK(set_is(inbox(c, ind(c, {{0, 0}, {2, 3}})), {{1, 1}, {1, 2}}));
  CHECK(set_is(outbox(c, obj(c, {{2, 2, 6}})), {{1, 1}, {1, 2}, {1, 3}, {2, 1}, {2, 3}, {3, 1}, {3, 2}, {3, 3}}));
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

// manhattan, adjacent and gravitate count the pairs the CPU's min_dist looks at: per element of a,
// the rows of b outward from its row until the row distance alone reaches the best so far.
TEST void distance_steps(Arena ar) {
  Ctx c = fresh(ar);
  Indices a = ind(c, {{0, 0}}), b = ind(c, {{0, 3}, {2, 0}, {5, 5}});
  uint64_t before = c.steps;
  CHECK(manhattan(c, a, b) == 2 && c.steps - before == 2);  // (0, 3), then (2, 0); (5, 5) is too far
  before = c.steps;
  CHECK(adjacent(c, ind(c, {{0, 0}, {1, 1}}), ind(c, {{1, 2}, {3, 3}})) && c.steps - before == 2);
  before = c.steps;
  CHECK(manhattan(c, ind(c, {{4, 4}}), ind(c, {{0, 0}, {4, 4}, {9, 9}})) == 0 && c.steps - before == 1);
  CHECK(!c.failed());
  // hmatching/vmatching: nothing when the spans do not overlap, else both patches' elements
  before = c.steps;
  CHECK(!vmatching(c, ind(c, {{0, 0}, {1, 0}}), ind(c, {{0, 5}})) && c.steps == before);
  CHECK(vmatching(c, ind(c, {{0, 0}, {1, 5}}), ind(c, {{0, 5}})) && c.steps - before == 3);
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
  distance_steps(a);
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

// ---- `--serve`: primitives on values read from stdin, for the differential test against the Rust
// primitives (kernels/tests/cuda_host_patches.rs). One request per line: a primitive's name, then its
// arguments: `i V` int, `b 0|1` bool, `p I J` point, `O N (I J COLOUR)*` object, `I N (I J)*` indices,
// `G H W V*` grid, `SO M (N (I J COLOUR)*)*` set of objects, `SI M (N (I J)*)*` set of indices.
// One line out per request: the result (`int V`, `bool B`, `point I J`, `empty`, `indices N ...`,
// `object N ...`, `set M <member>*`) or `fail STATUS`, then `|` and the steps the call counted (the
// CPU's units: the Rust side compares them with its own count).

struct Arg {
  char kind = 0;  // i b p O I G S (set of objects) T (set of indices)
  int v = 0;
  Point pt{0, 0};
  Object o{nullptr, 0};
  Indices ix{nullptr, 0};
  Grid g{0, 0, nullptr};
  Set<Object> so{nullptr, 0};
  Set<Indices> si{nullptr, 0};
};

static const char* cur;
static int num() {
  char* end;
  long v = std::strtol(cur, &end, 10);
  cur = end;
  return (int)v;
}
static bool word(char* out, int cap) {
  while (*cur == ' ') cur++;
  int n = 0;
  while (*cur && *cur != ' ' && *cur != '\n' && n < cap - 1) out[n++] = *cur++;
  out[n] = 0;
  return n > 0;
}
static Object read_object(Ctx& c) {
  int n = num();
  Cell* it = alloc<Cell>(c, n);
  for (int k = 0; k < n; k++) { int i = num(), j = num(); it[k] = Cell{i, j, num()}; }
  return Object{it, n};
}
static Indices read_indices(Ctx& c) {
  int n = num();
  Point* it = alloc<Point>(c, n);
  for (int k = 0; k < n; k++) { int i = num(); it[k] = Point{i, num()}; }
  return Indices{it, n};
}
static Arg read_arg(Ctx& c, const char* k) {
  Arg a;
  if (!std::strcmp(k, "i")) a.kind = 'i', a.v = num();
  else if (!std::strcmp(k, "b")) a.kind = 'b', a.v = num();
  else if (!std::strcmp(k, "p")) { a.kind = 'p'; a.pt.i = num(); a.pt.j = num(); }
  else if (!std::strcmp(k, "O")) a.kind = 'O', a.o = read_object(c);
  else if (!std::strcmp(k, "I")) a.kind = 'I', a.ix = read_indices(c);
  else if (!std::strcmp(k, "G")) {
    a.kind = 'G';
    a.g.h = num(), a.g.w = num();
    a.g.v = alloc<uint8_t>(c, (uint64_t)a.g.h * a.g.w);
    for (int q = 0; q < a.g.h * a.g.w; q++) a.g.v[q] = (uint8_t)num();
  } else if (!std::strcmp(k, "SO")) {
    a.kind = 'S';
    a.so.n = num();
    a.so.it = alloc<Object>(c, a.so.n);
    for (int q = 0; q < a.so.n; q++) a.so.it[q] = read_object(c);
  } else if (!std::strcmp(k, "SI")) {
    a.kind = 'T';
    a.si.n = num();
    a.si.it = alloc<Indices>(c, a.si.n);
    for (int q = 0; q < a.si.n; q++) a.si.it[q] = read_indices(c);
  }
  return a;
}

static void put(int v) { std::printf("int %d", v); }
static void put(bool v) { std::printf("bool %d", (int)v); }
static void put(Point p) { std::printf("point %d %d", p.i, p.j); }
static void put(Indices s) {
  if (s.n == 0) { std::printf("empty"); return; }
  std::printf("indices %d", s.n);
  for (int k = 0; k < s.n; k++) std::printf(" %d %d", s.it[k].i, s.it[k].j);
}
static void put(Object s) {
  if (s.n == 0) { std::printf("empty"); return; }
  std::printf("object %d", s.n);
  for (int k = 0; k < s.n; k++) std::printf(" %d %d %d", s.it[k].i, s.it[k].j, s.it[k].color);
}
template <class T> static void put(Set<Set<T>> s) {
  if (s.n == 0) { std::printf("empty"); return; }
  std::printf("set %d", s.n);
  for (int k = 0; k < s.n; k++) { std::printf(" "); put(s.it[k]); }
}
template <class R> static void emit(Ctx& c, R r) {
  if (c.failed()) std::printf("fail %u", c.status);
  else put(r);
  std::printf("|%llu\n", (unsigned long long)c.steps);
}

// Calls f with the argument as the static type it stands for.
template <class F> static void as_patch(Ctx& c, const Arg& a, F f) {
  if (a.kind == 'O') f(a.o);
  else if (a.kind == 'I') f(a.ix);
  else { c.fail(S_TYPE); emit(c, 0); }
}
template <class F> static void as_piece(Ctx& c, const Arg& a, F f) {
  if (a.kind == 'G') f(a.g);
  else as_patch(c, a, f);
}

#define ONE_PATCH(name) \
  if (!std::strcmp(prim, #name)) return as_patch(c, a[0], [&](auto x) { emit(c, name(c, x)); });
#define ONE_PIECE(name) \
  if (!std::strcmp(prim, #name)) return as_piece(c, a[0], [&](auto x) { emit(c, name(c, x)); });
#define TWO_PATCHES(name)                                                                               \
  if (!std::strcmp(prim, #name))                                                                        \
    return as_patch(c, a[0], [&](auto x) { as_patch(c, a[1], [&](auto y) { emit(c, name(c, x, y)); }); });
#define ONE_POINT(name) \
  if (!std::strcmp(prim, #name)) return emit(c, name(c, a[0].pt));
#define TWO_POINTS(name) \
  if (!std::strcmp(prim, #name)) return emit(c, name(c, a[0].pt, a[1].pt));

static void serve_one(Ctx& c, const char* prim, Arg* a) {
  ONE_PIECE(height) ONE_PIECE(width) ONE_PIECE(shape) ONE_PIECE(portrait) ONE_PIECE(square)
  ONE_PATCH(ulcorner) ONE_PATCH(urcorner) ONE_PATCH(llcorner) ONE_PATCH(lrcorner) ONE_PATCH(toindices)
  ONE_PATCH(normalize) ONE_PATCH(uppermost) ONE_PATCH(lowermost) ONE_PATCH(leftmost) ONE_PATCH(rightmost)
  ONE_PATCH(vline) ONE_PATCH(hline) ONE_PATCH(centerofmass) ONE_PATCH(center) ONE_PATCH(corners)
  ONE_PATCH(backdrop) ONE_PATCH(delta) ONE_PATCH(inbox) ONE_PATCH(outbox) ONE_PATCH(box)
  ONE_PATCH(hperiod) ONE_PATCH(vperiod) ONE_PATCH(color)
  TWO_PATCHES(hmatching) TWO_PATCHES(vmatching) TWO_PATCHES(manhattan) TWO_PATCHES(adjacent)
  TWO_PATCHES(position) TWO_PATCHES(gravitate)
  ONE_POINT(dneighbors) ONE_POINT(ineighbors) ONE_POINT(neighbors) ONE_POINT(vfrontier) ONE_POINT(hfrontier)
  TWO_POINTS(connect) TWO_POINTS(shoot)
  if (!std::strcmp(prim, "shift")) return as_patch(c, a[0], [&](auto x) { emit(c, shift(c, x, a[1].pt)); });
  if (!std::strcmp(prim, "bordering")) return as_patch(c, a[0], [&](auto x) { emit(c, bordering(c, x, a[1].g)); });
  if (!std::strcmp(prim, "recolor"))
    return as_patch(c, a[1], [&](auto x) { a[0].kind == 'b' ? emit(c, recolor(c, (bool)a[0].v, x)) : emit(c, recolor(c, a[0].v, x)); });
  if (!std::strcmp(prim, "colorfilter")) return a[0].kind == 'S' ? emit(c, colorfilter(c, a[0].so, a[1].v)) : emit(c, colorfilter(c, a[0].si, a[1].v));
  std::printf("unknown %s\n", prim);
}

static int serve() {
  static char line[1 << 20];
  char prim[64], kind[8];
  while (std::fgets(line, sizeof line, stdin)) {
    cur = line;
    if (!word(prim, sizeof prim)) continue;
    Ctx c = fresh(Arena{host_arena, sizeof host_arena});
    Arg a[2];
    for (int k = 0; k < 2 && word(kind, sizeof kind); k++) a[k] = read_arg(c, kind);
    serve_one(c, prim, a);
  }
  return 0;
}

int main(int argc, char** argv) {
  if (argc > 1 && !std::strcmp(argv[1], "--serve")) return serve();
  all_tests(Arena{host_arena, sizeof host_arena});
  if (failures) {
    std::printf("%d checks failed\n", failures);
    return 1;
  }
  std::printf("all patches checks passed\n");
  return 0;
}
#endif
