// Host unit tests of cuda/patches.cuh (g++, one lane): hand-checked values, empty patches, negative
// coordinates, Python's failures. Built and run by kernels/tests/cuda_host_patches.rs.
#include <cstdio>
#include <vector>

#include "arc.cuh"

using namespace arc;

static int failures = 0;
#define CHECK(cond)                                                   \
  do {                                                                \
    if (!(cond)) {                                                    \
      std::printf("%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                     \
    }                                                                 \
  } while (0)

static std::vector<uint8_t> arena(16u << 20);
static Ctx fresh() { return Ctx{arena.data(), 0, arena.size(), S_OK, 0, 0, 1ull << 28}; }

// Canonical sets from literals (sorted and deduplicated like every frozenset).
static Object obj(Ctx& c, std::vector<Cell> v) {
  Cell* p = alloc<Cell>(c, v.size());
  for (size_t k = 0; k < v.size(); k++) p[k] = v[k];
  return Object{p, sort_unique(c, p, (int)v.size())};
}
static Indices ind(Ctx& c, std::vector<Point> v) {
  Point* p = alloc<Point>(c, v.size());
  for (size_t k = 0; k < v.size(); k++) p[k] = v[k];
  return Indices{p, sort_unique(c, p, (int)v.size())};
}
static bool same(Indices a, std::vector<Point> b) {
  if (a.n != (int)b.size()) return false;
  for (int k = 0; k < a.n; k++)
    if (!(a.it[k] == b[k])) return false;
  return true;
}
static bool same(Object a, std::vector<Cell> b) {
  if (a.n != (int)b.size()) return false;
  for (int k = 0; k < a.n; k++)
    if (!(a.it[k] == b[k])) return false;
  return true;
}
static bool is(Point p, int i, int j) { return p.i == i && p.j == j; }
static bool sorted_unique(Indices a) {
  for (int k = 1; k < a.n; k++)
    if (!(a.it[k - 1] < a.it[k])) return false;
  return true;
}

static void pieces() {
  Ctx c = fresh();
  uint8_t cells[6] = {0, 1, 2, 3, 4, 5};
  Grid g{3, 2, cells}, e{0, 0, nullptr};
  CHECK(height(c, g) == 3 && width(c, g) == 2 && is(shape(c, g), 3, 2) && portrait(c, g) && !square(c, g));
  CHECK(height(c, e) == 0 && width(c, e) == 0 && is(shape(c, e), 0, 0) && !portrait(c, e));
  CHECK(!c.failed());
  CHECK(square(c, Grid{2, 2, cells}) && !c.failed());
  square(c, e);  // piece[0] of ()
  CHECK(c.status == S_INDEX);

  c = fresh();
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

static void corners_and_extremes() {
  Ctx c = fresh();
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
  c = fresh();
  rightmost(c, Indices{nullptr, 0});
  CHECK(c.status == S_EMPTY);
  c = fresh();
  ulcorner(c, none);  // Python: (), not a point
  CHECK(c.status == S_UNSUPPORTED);
  c = fresh();
  corners(c, none);
  CHECK(c.status == S_UNSUPPORTED);
}

static void locations() {
  Ctx c = fresh();
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

  c = fresh();
  CHECK(same(dneighbors(c, Point{0, 0}), {{-1, 0}, {0, -1}, {0, 1}, {1, 0}}));
  CHECK(same(ineighbors(c, Point{0, 0}), {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}}));
  CHECK(same(neighbors(c, Point{5, 2}), {{4, 1}, {4, 2}, {4, 3}, {5, 1}, {5, 3}, {6, 1}, {6, 2}, {6, 3}}));
  CHECK(!c.failed());
}

static void shape_tests_and_relations() {
  Ctx c = fresh();
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

  c = fresh();
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
  c = fresh();
  bordering(c, Indices{nullptr, 0}, g);
  CHECK(c.status == S_EMPTY);
}

static void centres_and_colours() {
  Ctx c = fresh();
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
  CHECK(!c.failed());
  color(c, Object{nullptr, 0});
  CHECK(c.status == S_EMPTY);
  c = fresh();
  center(c, Indices{nullptr, 0});
  CHECK(c.status == S_EMPTY);
  c = fresh();
  centerofmass(c, Indices{nullptr, 0});  // Python: ()
  CHECK(c.status == S_UNSUPPORTED);

  c = fresh();
  Object objs_v[4] = {obj(c, {{0, 0, 1}}), obj(c, {{1, 1, 2}}), obj(c, {{2, 2, 1}, {2, 3, 1}}), obj(c, {{3, 0, 2}, {3, 1, 1}})};
  Set<Object> objs{objs_v, 4};
  Set<Object> ones = colorfilter(c, objs, 1);
  CHECK(ones.n == 2 && ones.it[0].it == objs_v[0].it && ones.it[1].it == objs_v[2].it);
  Set<Object> twos = colorfilter(c, objs, 2);
  CHECK(twos.n == 2 && twos.it[0].it == objs_v[1].it && twos.it[1].it == objs_v[3].it);
  CHECK(colorfilter(c, objs, 9).n == 0 && colorfilter(c, Set<Object>{nullptr, 0}, 1).n == 0);
  CHECK(!c.failed());
  Object with_empty[2] = {Object{nullptr, 0}, objs_v[0]};
  colorfilter(c, Set<Object>{with_empty, 2}, 1);  // next(iter(frozenset()))
  CHECK(c.status == S_EMPTY);
}

static void lines_and_boxes() {
  Ctx c = fresh();
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

  c = fresh();
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
  inbox(c, Indices{nullptr, 0});
  CHECK(c.status == S_EMPTY);
  c = fresh();
  outbox(c, Object{nullptr, 0});
  CHECK(c.status == S_EMPTY);
}

static void gravitation() {
  Ctx c = fresh();
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

static void periods() {
  Ctx c = fresh();
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
  CHECK(!c.failed());
}

int main() {
  pieces();
  corners_and_extremes();
  locations();
  shape_tests_and_relations();
  centres_and_colours();
  lines_and_boxes();
  gravitation();
  periods();
  if (failures) {
    std::printf("%d checks failed\n", failures);
    return 1;
  }
  std::printf("all patches checks passed\n");
  return 0;
}
