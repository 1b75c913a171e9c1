// Host unit tests of kernels/cuda/grids.cuh (g++, one lane): hand-checked values and edge cases,
// plus randomized checks of the patch mirrors and upscale against plain reference code.
// Built and run by kernels/tests/cuda_host_grids.rs.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "arc.cuh"

namespace arc {
namespace test {

int failures = 0;
#define CHECK(cond)                                                  \
  do {                                                               \
    if (!(cond)) {                                                   \
      std::printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);    \
      failures++;                                                    \
    }                                                                \
  } while (0)
#define CHECK_EQ(a, b)                                                                              \
  do {                                                                                              \
    auto x_ = (a);                                                                                  \
    auto y_ = (b);                                                                                  \
    if (!(x_ == y_)) {                                                                              \
      std::printf("FAIL %s:%d: %s\n  got:  %s\n  want: %s\n", __FILE__, __LINE__, #a, show(x_).c_str(), \
                  show(y_).c_str());                                                                \
      failures++;                                                                                   \
    }                                                                                               \
  } while (0)

std::string show(const std::string& s) { return s; }
std::string show(int v) { return std::to_string(v); }
std::string show(unsigned v) { return std::to_string(v); }

// A fresh context over a 4 MiB arena (the GPU's per-sample size).
struct Env {
  std::vector<uint8_t> mem = std::vector<uint8_t>(4u << 20);
  Ctx c{mem.data(), 0, mem.size(), S_OK, 0, 0, 1ull << 28};
};

// "0 1|2 3" -> 2x2 grid; "" -> the empty grid.
Grid G(Ctx& c, const std::string& s) {
  std::vector<std::vector<int>> rows(1);
  std::string cur;
  auto flush = [&]() {
    if (!cur.empty()) rows.back().push_back(std::stoi(cur));
    cur.clear();
  };
  for (char ch : s) {
    if (ch == '|') { flush(); rows.emplace_back(); }
    else if (ch == ' ') flush();
    else cur += ch;
  }
  flush();
  if (s.empty()) rows.clear();
  Grid g = new_grid(c, (int)rows.size(), rows.empty() ? 0 : (int)rows[0].size());
  for (int i = 0; i < g.h; i++)
    for (int j = 0; j < g.w; j++) g.v[i * g.w + j] = (uint8_t)rows[i][j];
  return g;
}
// h x w grid with no cells in its rows (Python's ((), ()) for w == 0).
Grid blank(Ctx& c, int h, int w) {
  Grid g = new_grid(c, h, w);
  for (int k = 0; k < h * w; k++) g.v[k] = 0;
  return g;
}

std::string show(Grid g) {
  std::string s = std::to_string(g.h) + "x" + std::to_string(g.w) + ":";
  for (int i = 0; i < g.h; i++) {
    if (i) s += "|";
    for (int j = 0; j < g.w; j++) s += (j ? " " : "") + std::to_string(g.v[i * g.w + j]);
  }
  return s;
}
std::string show(Cell x) { return std::to_string(x.color) + "@" + std::to_string(x.i) + "," + std::to_string(x.j); }
std::string show(Point x) { return std::to_string(x.i) + "," + std::to_string(x.j); }
template <class T> std::string show(Set<T> s) {
  std::string r = "{";
  for (int k = 0; k < s.n; k++) r += (k ? " " : "") + show(s.it[k]);
  return r + "}";
}
template <class T> std::string show(Tuple<T> s) {
  std::string r = "(";
  for (int k = 0; k < s.n; k++) r += (k ? ", " : "") + show(s.it[k]);
  return r + ")";
}

// "1@0,2 3@1,1" -> the cells as written (a tuple); canonical object; "0,1 2,3" -> canonical indices.
Tuple<Cell> cell_tuple(Ctx& c, const std::string& s) {
  std::istringstream in(s);
  std::vector<Cell> v;
  std::string tok;
  while (in >> tok) {
    int col, i, j;
    std::sscanf(tok.c_str(), "%d@%d,%d", &col, &i, &j);
    v.push_back(Cell{i, j, col});
  }
  Cell* p = alloc<Cell>(c, v.size());
  std::copy(v.begin(), v.end(), p);
  return Tuple<Cell>{p, (int)v.size()};
}
Object O(Ctx& c, const std::string& s) {
  Tuple<Cell> t = cell_tuple(c, s);
  return Object{t.it, sort_unique(c, t.it, t.n)};
}
Indices P(Ctx& c, const std::string& s) {
  std::istringstream in(s);
  std::vector<Point> v;
  std::string tok;
  while (in >> tok) {
    int i, j;
    std::sscanf(tok.c_str(), "%d,%d", &i, &j);
    v.push_back(Point{i, j});
  }
  Point* p = alloc<Point>(c, v.size());
  std::copy(v.begin(), v.end(), p);
  return Indices{p, sort_unique(c, p, (int)v.size())};
}

// ---- colour queries ----
void test_colors() {
  {
    Env e;
    Grid g = G(e.c, "1 2 2|1 3 0");  // 1 and 2 tie at two cells
    CHECK_EQ(mostcolor(e.c, g), 1);
    CHECK_EQ(leastcolor(e.c, g), 0);  // 0 and 3 tie at one: the smallest
    CHECK_EQ(colorcount(e.c, g, 2), 2);
    CHECK_EQ(colorcount(e.c, g, 7), 0);
    CHECK_EQ(show(palette(e.c, g)), "{0 1 2 3}");
    CHECK_EQ(numcolors(e.c, g), 4);
    CHECK_EQ(e.c.status, (uint32_t)S_OK);
  }
  {
    Env e;
    Grid g = G(e.c, "5 5|9 9|9 0");
    CHECK_EQ(mostcolor(e.c, g), 9);
    CHECK_EQ(leastcolor(e.c, g), 0);  // absent colours 1..4, 6..8 are not candidates
  }
  {
    Env e;
    Object o = O(e.c, "4@0,0 4@3,3 7@1,1 7@-2,5 2@9,9");
    CHECK_EQ(mostcolor(e.c, o), 4);
    CHECK_EQ(leastcolor(e.c, o), 2);
    CHECK_EQ(colorcount(e.c, o, 7), 2);
    CHECK_EQ(show(palette(e.c, o)), "{2 4 7}");
    CHECK_EQ(numcolors(e.c, o), 3);
    CHECK_EQ(e.c.status, (uint32_t)S_OK);
  }
  {
    Env e;  // empty object: no colours
    Object o{nullptr, 0};
    CHECK_EQ(palette(e.c, o).n, 0);
    CHECK_EQ(numcolors(e.c, o), 0);
    CHECK_EQ(colorcount(e.c, o, 0), 0);
    CHECK(!e.c.failed());
    mostcolor(e.c, o);
    CHECK_EQ(e.c.status, (uint32_t)S_EMPTY);
  }
  {
    Env e;
    leastcolor(e.c, G(e.c, ""));
    CHECK_EQ(e.c.status, (uint32_t)S_EMPTY);
  }
  {
    Env e;
    mostcolor(e.c, blank(e.c, 2, 0));  // ((), ()): no values
    CHECK_EQ(e.c.status, (uint32_t)S_EMPTY);
  }
  {
    Env e;  // a colour outside a byte (after recolor): the CPU decides
    mostcolor(e.c, O(e.c, "300@0,0"));
    CHECK_EQ(e.c.status, (uint32_t)S_UNSUPPORTED);
  }
}

// ---- grids as patches ----
void test_as_patches() {
  {
    Env e;
    Grid g = G(e.c, "1 0 1|0 1 1");
    CHECK_EQ(show(asindices(e.c, g)), "{0,0 0,1 0,2 1,0 1,1 1,2}");
    CHECK_EQ(show(ofcolor(e.c, g, 1)), "{0,0 0,2 1,1 1,2}");
    CHECK_EQ(show(ofcolor(e.c, g, 4)), "{}");
    CHECK_EQ(show(asobject(e.c, g)), "{1@0,0 0@0,1 1@0,2 0@1,0 1@1,1 1@1,2}");
    CHECK_EQ(show(toobject(e.c, P(e.c, "-1,0 0,2 1,0 1,3 5,5"), g)), "{1@0,2 0@1,0}");
    // an object's colours are replaced by the grid's; a location held twice is taken once
    CHECK_EQ(show(toobject(e.c, O(e.c, "7@0,1 8@0,1 9@1,2 3@2,2"), g)), "{0@0,1 1@1,2}");
    CHECK_EQ(show(toobject(e.c, Indices{nullptr, 0}, g)), "{}");
    CHECK(!e.c.failed());
  }
  {
    Env e;
    CHECK_EQ(asindices(e.c, blank(e.c, 2, 0)).n, 0);
    CHECK_EQ(ofcolor(e.c, G(e.c, ""), 0).n, 0);
    CHECK_EQ(asobject(e.c, G(e.c, "")).n, 0);
    CHECK_EQ(asindices(e.c, G(e.c, "")).n, 0);  // no rows: grid[0] is never looked at
    CHECK(!e.c.failed());
  }
  {
    Env e;
    toobject(e.c, P(e.c, "0,0"), G(e.c, ""));
    CHECK_EQ(e.c.status, (uint32_t)S_INDEX);
  }
}

// ---- mirrors of patches ----
template <class T> std::vector<T> vec(Set<T> s) { return std::vector<T>(s.it, s.it + s.n); }

void test_mirrors() {
  Env e;
  // box rows 1..3, cols 0..4
  Object o = O(e.c, "1@1,0 2@1,4 3@2,2 4@3,1");
  CHECK_EQ(show(hmirror(e.c, o)), "{4@1,1 3@2,2 1@3,0 2@3,4}");
  CHECK_EQ(show(vmirror(e.c, o)), "{2@1,0 1@1,4 3@2,2 4@3,3}");
  // dmirror: (i, j) -> (j - left + top, i - top + left) with (top, left) = (1, 0)
  CHECK_EQ(show(dmirror(e.c, o)), "{1@1,0 4@2,2 3@3,1 2@5,0}");
  // cmirror: (i, j) -> (top + right - j, left + bottom - i) = (5 - j, 3 - i)
  CHECK_EQ(show(cmirror(e.c, o)), "{2@1,2 3@3,1 4@4,0 1@5,2}");
  Indices p = P(e.c, "-2,-1 -2,3 0,0");
  CHECK_EQ(show(hmirror(e.c, p)), "{-2,0 0,-1 0,3}");
  CHECK_EQ(show(vmirror(e.c, p)), "{-2,-1 -2,3 0,2}");
  CHECK_EQ(show(dmirror(e.c, p)), "{-2,-1 -1,1 2,-1}");
  CHECK_EQ(show(cmirror(e.c, p)), "{-2,1 1,-1 2,1}");
  // two colours at one location keep both, sorted
  CHECK_EQ(show(vmirror(e.c, O(e.c, "1@0,0 2@0,0 3@0,1"))), "{3@0,0 1@0,1 2@0,1}");
  CHECK(!e.c.failed());
  hmirror(e.c, Object{nullptr, 0});  // ulcorner of the empty patch
  CHECK_EQ(e.c.status, (uint32_t)S_INDEX);
  {
    Env f;
    dmirror(f.c, P(f.c, "0,-2000000000 0,2000000000"));  // new rows past i32
    CHECK_EQ(f.c.status, (uint32_t)S_OVERFLOW);
  }

  // randomized against the formulas + std::sort
  std::mt19937 rng(7);
  for (int round = 0; round < 300; round++) {
    Env r;
    int n = 1 + rng() % 40;
    std::vector<Cell> cells;
    for (int k = 0; k < n; k++) cells.push_back(Cell{(int)(rng() % 9) - 3, (int)(rng() % 7) - 2, (int)(rng() % 3)});
    Cell* buf = alloc<Cell>(r.c, n);
    std::copy(cells.begin(), cells.end(), buf);
    Object obj{buf, sort_unique(r.c, buf, n)};
    std::vector<Cell> in = vec(obj);
    int top = 1 << 30, left = 1 << 30, bottom = -(1 << 30), right = -(1 << 30);
    for (Cell x : in) top = std::min(top, x.i), left = std::min(left, x.j), bottom = std::max(bottom, x.i), right = std::max(right, x.j);
    for (int kind = 0; kind < 4; kind++) {
      std::vector<Cell> want;
      for (Cell x : in) {
        int i = x.i, j = x.j;
        if (kind == 0) want.push_back(Cell{top + bottom - i, j, x.color});
        if (kind == 1) want.push_back(Cell{i, left + right - j, x.color});
        if (kind == 2) want.push_back(Cell{j - left + top, i - top + left, x.color});
        if (kind == 3) {  // vmirror, dmirror, vmirror step by step
          int j1 = left + right - j;
          int i2 = j1 - left + top, j2 = i - top + left;
          int right2 = left + (bottom - top);
          want.push_back(Cell{i2, left + right2 - j2, x.color});
        }
      }
      std::sort(want.begin(), want.end());
      Object got = kind == 0 ? hmirror(r.c, obj) : kind == 1 ? vmirror(r.c, obj) : kind == 2 ? dmirror(r.c, obj) : cmirror(r.c, obj);
      CHECK(vec(got) == want);
      if (vec(got) != want) std::printf("  round %d kind %d: %s\n", round, kind, show(obj).c_str());
      // indices: the same locations
      std::vector<Point> pts;
      for (Cell x : in) pts.push_back(loc(x));
      pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
      Point* pb = alloc<Point>(r.c, pts.size());
      std::copy(pts.begin(), pts.end(), pb);
      Indices ip{pb, (int)pts.size()};
      Indices gp = kind == 0 ? hmirror(r.c, ip) : kind == 1 ? vmirror(r.c, ip) : kind == 2 ? dmirror(r.c, ip) : cmirror(r.c, ip);
      std::vector<Point> wp;
      for (Cell x : want) wp.push_back(loc(x));
      std::sort(wp.begin(), wp.end());
      wp.erase(std::unique(wp.begin(), wp.end(), [](Point a, Point b) { return a == b; }), wp.end());
      CHECK(vec(gp).size() == wp.size() && std::equal(wp.begin(), wp.end(), gp.it, [](Point a, Point b) { return a == b; }));
    }
    CHECK(!r.c.failed());
  }
}

// ---- writing patches ----
void test_fill_paint() {
  {
    Env e;
    Grid g = G(e.c, "0 0 1|0 2 1");
    CHECK_EQ(show(fill(e.c, g, 5, P(e.c, "-1,0 0,1 1,2 2,2"))), "2x3:0 5 1|0 2 5");
    CHECK_EQ(show(fill(e.c, g, 5, O(e.c, "3@0,0 4@0,0 9@1,1"))), "2x3:5 0 1|0 5 1");
    CHECK_EQ(show(fill(e.c, g, 5, Indices{nullptr, 0})), "2x3:0 0 1|0 2 1");
    CHECK_EQ(show(g), "2x3:0 0 1|0 2 1");  // the input is untouched
    // paint: two colours at one location -> the last in canonical order (the larger colour) wins
    CHECK_EQ(show(paint(e.c, g, O(e.c, "3@0,0 7@0,0 4@1,2 6@5,5"))), "2x3:7 0 1|0 2 4");
    CHECK_EQ(show(paint(e.c, g, Indices{nullptr, 0})), "2x3:0 0 1|0 2 1");
    // underfill/underpaint: only where the grid holds its most common colour (0)
    CHECK_EQ(show(underfill(e.c, g, 8, P(e.c, "0,0 0,2 1,1 1,0"))), "2x3:8 0 1|8 2 1");
    CHECK_EQ(show(underpaint(e.c, g, O(e.c, "3@0,1 4@0,2 5@1,0"))), "2x3:0 3 1|5 2 1");
    // underpaint runs in order: a background-coloured cell first keeps the location open
    CHECK_EQ(show(underpaint(e.c, g, O(e.c, "0@0,0 6@0,0 3@0,1 4@0,1"))), "2x3:6 3 1|0 2 1");
    // cover: the most common colour over the patch
    CHECK_EQ(show(cover(e.c, g, O(e.c, "1@0,2 1@1,2 2@7,7"))), "2x3:0 0 0|0 2 0");
    CHECK_EQ(show(cover(e.c, g, P(e.c, "1,1"))), "2x3:0 0 1|0 0 1");
    CHECK(!e.c.failed());
  }
  {
    Env e;  // move: cover the object, then paint it shifted (overlapping its old place)
    Grid g = G(e.c, "0 0 0 0|0 1 2 0|0 0 0 0");
    CHECK_EQ(show(move(e.c, g, O(e.c, "1@1,1 2@1,2"), Point{0, 1})), "3x4:0 0 0 0|0 0 1 2|0 0 0 0");
    CHECK_EQ(show(move(e.c, g, O(e.c, "1@1,1 2@1,2"), Point{1, -2})), "3x4:0 0 0 0|0 0 0 0|2 0 0 0");
    CHECK_EQ(show(move(e.c, g, O(e.c, "3@1,1 5@1,1"), Point{-1, 0})), "3x4:0 5 0 0|0 0 2 0|0 0 0 0");
    CHECK_EQ(show(move(e.c, g, Indices{nullptr, 0}, Point{1, 1})), show(g));
    CHECK(!e.c.failed());
  }
  {
    Env e;
    fill(e.c, G(e.c, ""), 1, P(e.c, "0,0"));
    CHECK_EQ(e.c.status, (uint32_t)S_INDEX);
  }
  {
    Env e;
    cover(e.c, blank(e.c, 1, 0), P(e.c, "0,0"));  // mostcolor of no cells
    CHECK_EQ(e.c.status, (uint32_t)S_EMPTY);
  }
  {
    Env e;
    paint(e.c, G(e.c, "1"), P(e.c, "0,0"));  // Python cannot unpack a point as a cell
    CHECK(e.c.failed());
  }
  {
    Env e;
    paint(e.c, G(e.c, "1"), O(e.c, "256@0,0"));
    CHECK(e.c.failed());
  }
}

// ---- scaling ----
void test_scaling() {
  {
    // As on the GPU, where a sample's arena starts with no chunk: an allocation of nothing is not the
    // null that means failure (here no chunk can be had, so it fails; the GPU takes one)
    Ctx c{nullptr, 0, 0, S_OK, 0, 0, 1ull << 20};
    uint8_t* p = alloc<uint8_t>(c, 0);
    CHECK(p != nullptr || c.failed());
    Env e;  // a canvas of 3 rows and no columns stays 3x0 (Python's ((), (), ())), as hconcat needs
    CHECK_EQ(show(canvas(e.c, 0, Point{3, -3})), "3x0:||");
    CHECK_EQ(show(hconcat(e.c, G(e.c, "1 2|3 4|5 6"), canvas(e.c, 0, Point{3, -3}))), "3x2:1 2|3 4|5 6");
  }
  {
    Env f, g;  // mirrors of the empty patch fail as on the CPU: dmirror unpacks (), the others index it
    dmirror(f.c, Indices{nullptr, 0});
    CHECK_EQ(f.c.status, (uint32_t)S_EMPTY);
    vmirror(g.c, Indices{nullptr, 0});
    CHECK_EQ(g.c.status, (uint32_t)S_INDEX);
  }
  {
    Env f;  // Python's downscale reads len(grid[0]) first: IndexError on no rows (compress of a
            // uniform grid), as on the CPU
    downscale(f.c, G(f.c, ""), 2);
    CHECK_EQ(f.c.status, (uint32_t)S_INDEX);
  }
  Env e;
  Grid g = G(e.c, "1 2|3 4");
  CHECK_EQ(show(hupscale(e.c, g, 2)), "2x4:1 1 2 2|3 3 4 4");
  CHECK_EQ(show(vupscale(e.c, g, 3)), "6x2:1 2|1 2|1 2|3 4|3 4|3 4");
  CHECK_EQ(show(hupscale(e.c, g, 0)), "2x0:|");  // rows of ()
  CHECK_EQ(show(vupscale(e.c, g, -1)), "0x0:");
  CHECK_EQ(show(upscale(e.c, g, 2)), "4x4:1 1 2 2|1 1 2 2|3 3 4 4|3 3 4 4");
  // object: scaled about its upper-left corner (1, -1)
  CHECK_EQ(show(upscale(e.c, O(e.c, "5@1,-1 6@2,0"), 2)),
           "{5@1,-1 5@1,0 5@2,-1 5@2,0 6@3,1 6@3,2 6@4,1 6@4,2}");
  CHECK_EQ(show(upscale(e.c, O(e.c, "5@1,-1 6@1,1"), 1)), "{5@1,-1 6@1,1}");
  CHECK_EQ(upscale(e.c, O(e.c, "5@1,-1"), 0).n, 0);
  CHECK_EQ(upscale(e.c, Object{nullptr, 0}, 3).n, 0);
  // two colours at one location stay sorted
  CHECK_EQ(show(upscale(e.c, O(e.c, "1@0,0 2@0,0"), 2)), "{1@0,0 2@0,0 1@0,1 2@0,1 1@1,0 2@1,0 1@1,1 2@1,1}");
  CHECK(!e.c.failed());

  std::mt19937 rng(11);
  for (int round = 0; round < 200; round++) {
    Env r;
    int n = 1 + rng() % 30, f = 1 + rng() % 4;
    std::vector<Cell> cells;
    for (int k = 0; k < n; k++) cells.push_back(Cell{(int)(rng() % 6) - 2, (int)(rng() % 6) - 3, (int)(rng() % 2)});
    Cell* buf = alloc<Cell>(r.c, n);
    std::copy(cells.begin(), cells.end(), buf);
    Object obj{buf, sort_unique(r.c, buf, n)};
    int top = 1 << 30, left = 1 << 30;
    for (int k = 0; k < obj.n; k++) top = std::min(top, obj.it[k].i), left = std::min(left, obj.it[k].j);
    std::vector<Cell> want;
    for (int k = 0; k < obj.n; k++)
      for (int a = 0; a < f; a++)
        for (int b = 0; b < f; b++)
          want.push_back(Cell{(obj.it[k].i - top) * f + a + top, (obj.it[k].j - left) * f + b + left, obj.it[k].color});
    std::sort(want.begin(), want.end());
    CHECK(vec(upscale(r.c, obj, f)) == want);
    CHECK(!r.c.failed());
  }
}

// ---- cutting ----
void test_cutting() {
  {
    Env e;
    Grid g = G(e.c, "1 2 3|4 5 6|7 8 9");
    CHECK_EQ(show(subgrid(e.c, P(e.c, "1,1 2,1"), g)), "2x1:5|8");
    CHECK_EQ(show(subgrid(e.c, O(e.c, "0@0,1 0@1,2"), g)), "2x2:2 3|5 6");
    CHECK_EQ(show(subgrid(e.c, P(e.c, "2,2 4,5"), g)), "1x1:9");  // clipped by the slice
    // negative starts are Python slices: grid[-1:1] of 3 rows is empty
    CHECK_EQ(show(subgrid(e.c, P(e.c, "-1,0 0,0"), g)), "0x0:");
    CHECK(!e.c.failed());
    subgrid(e.c, Indices{nullptr, 0}, g);
    CHECK_EQ(e.c.status, (uint32_t)S_INDEX);
  }
  {
    Env e;
    Grid g = G(e.c, "1 2 0 3 4|5 6 0 7 8");
    // 5 columns in 2: width 2, the second part skips the middle column (offset rule)
    CHECK_EQ(show(hsplit(e.c, g, 2)), "(2x2:1 2|5 6, 2x2:3 4|7 8)");
    CHECK_EQ(show(hsplit(e.c, g, 1)), "(" + show(g) + ")");
    CHECK_EQ(show(hsplit(e.c, g, 5)), "(2x1:1|5, 2x1:2|6, 2x1:0|0, 2x1:3|7, 2x1:4|8)");
    // 5 columns in 3: width 1, starts 0, 2, 4
    CHECK_EQ(show(hsplit(e.c, g, 3)), "(2x1:1|5, 2x1:0|0, 2x1:4|8)");
    CHECK_EQ(hsplit(e.c, g, -2).n, 0);
    Grid v = G(e.c, "1|2|3|4|5|6|7");
    // 7 rows in 3: height 2, starts 0, 3, 6; the last is cut short by the grid
    CHECK_EQ(show(vsplit(e.c, v, 3)), "(2x1:1|2, 2x1:4|5, 1x1:7)");
    CHECK_EQ(show(vsplit(e.c, G(e.c, "1 2|3 4"), 3)), "(0x0:, 0x0:, 0x0:)");
    CHECK(!e.c.failed());
    hsplit(e.c, g, 0);
    CHECK_EQ(e.c.status, (uint32_t)S_ZERO_DIVISION);
  }
  {
    Env e;
    vsplit(e.c, G(e.c, ""), 2);
    CHECK_EQ(e.c.status, (uint32_t)S_INDEX);
  }
  {
    // cdecee7f's chain: 13 columns in 3 leave a narrower last part (columns 10..13), so merge makes
    // rows of lengths 4, 4, 3, which Python's crop slices row by row (the CPU's crop_rows). Ragged
    // rows are no Grid here: merge hands the sample back to the CPU before any crop sees them.
    Env e;
    Tuple<Grid> parts = hsplit(e.c, G(e.c, "0 1 2 3 4 5 6 7 8 9 1 2 3"), 3);
    CHECK_EQ(show(parts), "(1x4:0 1 2 3, 1x4:5 6 7 8, 1x3:1 2 3)");
    merge(e.c, parts);
    CHECK_EQ(e.c.status, (uint32_t)S_UNSUPPORTED);
  }
  {
    Env e;
    Grid g = G(e.c, "1 2 3 4|5 6 7 8|9 1 2 3");
    CHECK_EQ(show(trim(e.c, g)), "1x2:6 7");
    CHECK_EQ(show(trim(e.c, G(e.c, "1 2|3 4"))), "0x0:");
    CHECK_EQ(show(trim(e.c, G(e.c, "1 2|3 4|5 6"))), "1x0:");  // (r[1:-1],) = ((),)
    CHECK_EQ(show(tophalf(e.c, g)), "1x4:1 2 3 4");
    CHECK_EQ(show(bottomhalf(e.c, g)), "1x4:9 1 2 3");
    CHECK_EQ(show(lefthalf(e.c, g)), "3x2:1 2|5 6|9 1");
    CHECK_EQ(show(righthalf(e.c, g)), "3x2:3 4|7 8|2 3");
    Grid odd = G(e.c, "1 2 3|4 5 6");
    CHECK_EQ(show(lefthalf(e.c, odd)), "2x1:1|4");
    CHECK_EQ(show(righthalf(e.c, odd)), "2x1:3|6");
    CHECK_EQ(show(tophalf(e.c, odd)), "1x3:1 2 3");
    CHECK_EQ(show(bottomhalf(e.c, odd)), "1x3:4 5 6");
    CHECK_EQ(show(tophalf(e.c, G(e.c, "1 2"))), "0x0:");
    CHECK_EQ(show(bottomhalf(e.c, G(e.c, "1 2"))), "0x0:");
    CHECK_EQ(show(lefthalf(e.c, G(e.c, "1|2"))), "0x0:");  // rot270(()) = ()
    CHECK_EQ(show(righthalf(e.c, G(e.c, "1|2"))), "0x0:");
    CHECK(!e.c.failed());
  }
  {
    Env e;
    CHECK_EQ(show(compress(e.c, G(e.c, "0 0 0 0|1 0 2 0|3 0 4 0|0 0 0 0"))), "2x2:1 2|3 4");
    CHECK_EQ(show(compress(e.c, G(e.c, "5 5|5 5"))), "0x0:");
    CHECK_EQ(show(compress(e.c, G(e.c, "5 6|5 6"))), "2x0:|");  // both columns go, rows stay
    CHECK_EQ(show(compress(e.c, G(e.c, "1 2 3|4 5 6"))), "2x3:1 2 3|4 5 6");
    CHECK_EQ(show(compress(e.c, blank(e.c, 2, 0))), "2x0:|");  // an empty row is not of one colour
    CHECK_EQ(show(compress(e.c, G(e.c, ""))), "0x0:");
    CHECK(!e.c.failed());
  }
}

void test_cellwise_index() {
  {
    Env e;
    Grid a = G(e.c, "1 2|3 4"), b = G(e.c, "1 0 9|3 4 9|7 7 7");
    CHECK_EQ(show(cellwise(e.c, a, b, 8)), "2x2:1 8|3 4");
    CHECK_EQ(show(cellwise(e.c, blank(e.c, 2, 0), G(e.c, ""), 8)), "2x0:|");  // b is never read
    CHECK_EQ(index(e.c, a, Point{1, 0}), 3);
    CHECK(!e.c.failed());
    cellwise(e.c, b, a, 0);  // b[i][j] past a
    CHECK_EQ(e.c.status, (uint32_t)S_INDEX);
  }
  {
    Env e;
    index(e.c, G(e.c, "1 2|3 4"), Point{2, 0});  // Python's None: the CPU answers
    CHECK_EQ(e.c.status, (uint32_t)S_UNSUPPORTED);
  }
  {
    Env e;
    index(e.c, G(e.c, "1 2|3 4"), Point{-1, 0});
    CHECK_EQ(e.c.status, (uint32_t)S_UNSUPPORTED);
  }
}

// Argument kinds without a GPU overload fall back (compile-time catch-all).
void test_unsupported() {
  Env e;
  Grid g = G(e.c, "1");
  mostcolor(e.c, P(e.c, "0,0"));
  CHECK_EQ(e.c.status, (uint32_t)S_UNSUPPORTED);
  Env f;
  hsplit(f.c, g, true);
  CHECK_EQ(f.c.status, (uint32_t)S_UNSUPPORTED);
}

// A tuple of cells paints in tuple order when a location comes twice (99fa7670's `pair` of objects
// merged into one tuple): the CPU's order, not the canonical one. Built by cell_tuple (above).
void test_paint_tuples() {
  Env e;
  Grid g = G(e.c, "0 0 1|0 2 1");
  // the last colour in the tuple wins, not the larger one
  CHECK_EQ(show(paint(e.c, g, cell_tuple(e.c, "7@0,0 3@0,0 4@1,2 6@5,5 9@0,1"))), "2x3:3 9 1|0 2 4");
  CHECK_EQ(show(paint(e.c, g, cell_tuple(e.c, "3@0,0 7@0,0"))), "2x3:7 0 1|0 2 1");
  // underpaint: the first colour closes the location unless it is the background (0)
  CHECK_EQ(show(underpaint(e.c, g, cell_tuple(e.c, "6@0,0 0@0,0 5@1,1 8@0,1 0@0,1 4@0,1"))), "2x3:6 8 1|0 2 1");
  CHECK_EQ(show(underpaint(e.c, g, cell_tuple(e.c, "0@0,0 6@0,0"))), "2x3:6 0 1|0 2 1");
  // repeats of one cell are no conflict; off-grid cells are skipped
  CHECK_EQ(show(paint(e.c, g, cell_tuple(e.c, "5@1,0 5@1,0 3@-1,0 2@1,0 1@9,9"))), "2x3:0 0 1|2 2 1");
  CHECK(!e.c.failed());
  Env f;
  paint(f.c, G(f.c, ""), cell_tuple(f.c, "1@0,0 2@0,0"));
  CHECK_EQ(f.c.status, (uint32_t)S_INDEX);
}

// A `branch` between two types reaches a primitive as an Either: the side taken is painted.
void test_branch_of_two_types() {
  Env e;
  Grid g = G(e.c, "0 0|0 0");
  Tuple<Cell> t = cell_tuple(e.c, "1@0,0 2@0,0");
  Object o = O(e.c, "3@1,1");
  CHECK_EQ(show(paint(e.c, g, branch(e.c, true, t, o))), "2x2:2 0|0 0");
  CHECK_EQ(show(paint(e.c, g, branch(e.c, false, t, o))), "2x2:0 0|0 3");
  CHECK_EQ(show(fill(e.c, g, 4, branch(e.c, false, t, P(e.c, "0,1")))), "2x2:0 4|0 0");
  CHECK(!e.c.failed());
  // the side taken still has to have an overload
  Env f;
  paint(f.c, g, branch(f.c, true, 5, o));
  CHECK_EQ(f.c.status, (uint32_t)S_UNSUPPORTED);
}

// Existing whole-grid primitives keep their behaviour.
void test_grid_mirrors() {
  Env e;
  Grid g = G(e.c, "1 2 3|4 5 6");
  CHECK_EQ(show(hmirror(e.c, g)), "2x3:4 5 6|1 2 3");
  CHECK_EQ(show(vmirror(e.c, g)), "2x3:3 2 1|6 5 4");
  CHECK_EQ(show(dmirror(e.c, g)), "3x2:1 4|2 5|3 6");
  CHECK_EQ(show(cmirror(e.c, g)), "3x2:6 3|5 2|4 1");
  CHECK_EQ(mostcolor(e.c, G(e.c, "3 3 1|1 2 2")), 1);
  CHECK(!e.c.failed());
}


// ---- --serve: answers one request per stdin line for the differential test against the Rust
// primitives (kernels/tests/cuda_host_grids.rs). Request: `name arg...`, each arg one of
// `G h w cells...`, `O n (i j colour)...`, `I n (i j)...`, `i v`, `p i j`. Answer: the result as
// `int v`, `grid h w cells...`, `object n ...`, `indices n ...`, `empty`, `set n ...`, `tuple n ...`,
// or `fail status`.
namespace serve {

struct Arg {
  char k = 0;
  Grid g{0, 0, nullptr};
  Object o{nullptr, 0};
  Indices p{nullptr, 0};
  int v = 0;
  Point pt{0, 0};
};

bool read_arg(Ctx& c, std::istringstream& in, Arg& a) {
  std::string kind;
  if (!(in >> kind)) return false;
  a.k = kind[0];
  if (kind == "G") {
    int h, w;
    in >> h >> w;
    a.g = rows_grid(c, h, w);
    for (int k = 0; k < h * w; k++) {
      int x;
      in >> x;
      a.g.v[k] = (uint8_t)x;
    }
  } else if (kind == "O") {
    int n;
    in >> n;
    a.o = Object{alloc<Cell>(c, n), n};
    for (int k = 0; k < n; k++) in >> a.o.it[k].i >> a.o.it[k].j >> a.o.it[k].color;
  } else if (kind == "I") {
    int n;
    in >> n;
    a.p = Indices{alloc<Point>(c, n), n};
    for (int k = 0; k < n; k++) in >> a.p.it[k].i >> a.p.it[k].j;
  } else if (kind == "i") {
    in >> a.v;
  } else if (kind == "p") {
    in >> a.pt.i >> a.pt.j;
  } else {
    return false;
  }
  return true;
}

std::string text(int v) { return "int " + std::to_string(v); }
std::string text(bool v) { return "bool " + std::to_string((int)v); }
std::string text(Grid g) {
  std::string s = "grid " + std::to_string(g.h) + " " + std::to_string(g.h ? g.w : 0);
  for (int k = 0; k < g.h * g.w; k++) s += " " + std::to_string(g.v[k]);
  return s;
}
std::string text(Cell x) { return std::to_string(x.i) + " " + std::to_string(x.j) + " " + std::to_string(x.color); }
std::string text(Point x) { return std::to_string(x.i) + " " + std::to_string(x.j); }
std::string text(Object o) {
  if (o.n == 0) return "empty";
  std::string s = "object " + std::to_string(o.n);
  for (int k = 0; k < o.n; k++) s += " " + text(o.it[k]);
  return s;
}
std::string text(Indices o) {
  if (o.n == 0) return "empty";
  std::string s = "indices " + std::to_string(o.n);
  for (int k = 0; k < o.n; k++) s += " " + text(o.it[k]);
  return s;
}
template <class T> std::string text(Set<T> o) {
  if (o.n == 0) return "empty";
  std::string s = "set " + std::to_string(o.n);
  for (int k = 0; k < o.n; k++) s += " " + text(o.it[k]);
  return s;
}
template <class T> std::string text(Tuple<T> o) {
  std::string s = "tuple " + std::to_string(o.n);
  for (int k = 0; k < o.n; k++) s += " " + text(o.it[k]);
  return s;
}
std::string text(Poison) { return "poison"; }

template <class R> std::string answer(Ctx& c, R r) {
  return c.failed() ? "fail " + std::to_string(c.status) : text(r);
}

// Calls f with the args' static types (kinds G, O, I, i, p), N of them.
template <int N, class F, class... Done>
std::string call(Ctx& c, F f, const Arg* a, Done... done) {
  if constexpr (N == 0) {
    return answer(c, f(c, done...));
  } else {
    switch (a->k) {
      case 'G': return call<N - 1>(c, f, a + 1, done..., a->g);
      case 'O': return call<N - 1>(c, f, a + 1, done..., a->o);
      case 'I': return call<N - 1>(c, f, a + 1, done..., a->p);
      case 'i': return call<N - 1>(c, f, a + 1, done..., a->v);
      default: return call<N - 1>(c, f, a + 1, done..., a->pt);
    }
  }
}

template <class F> std::string call_n(Ctx& c, F f, const Arg* a, int n) {
  if (n == 1) return call<1>(c, f, a);
  if (n == 2) return call<2>(c, f, a);
  return call<3>(c, f, a);
}

#define PRIM(name) \
  if (op == #name) return call_n(c, name, args, n);

std::string dispatch(Ctx& c, const std::string& op, const Arg* args, int n) {
  PRIM(mostcolor) PRIM(leastcolor) PRIM(colorcount) PRIM(palette) PRIM(numcolors) PRIM(asindices)
  PRIM(ofcolor) PRIM(asobject) PRIM(toobject) PRIM(hmirror) PRIM(vmirror) PRIM(dmirror) PRIM(cmirror)
  PRIM(fill) PRIM(paint) PRIM(underfill) PRIM(underpaint) PRIM(cover) PRIM(move) PRIM(hupscale)
  PRIM(vupscale) PRIM(upscale) PRIM(subgrid) PRIM(hsplit) PRIM(vsplit) PRIM(cellwise) PRIM(index)
  PRIM(trim) PRIM(tophalf) PRIM(bottomhalf) PRIM(lefthalf) PRIM(righthalf) PRIM(compress)
  return "unknown " + op;
}
#undef PRIM

int run() {
  std::vector<uint8_t> mem(16u << 20);
  std::string line;
  while (std::getline(std::cin, line)) {
    Ctx c{mem.data(), 0, mem.size(), S_OK, 0, 0, 1ull << 28};
    std::istringstream in(line);
    std::string op;
    in >> op;
    Arg args[3];
    int n = 0;
    while (n < 3 && read_arg(c, in, args[n])) n++;
    std::string out = n ? dispatch(c, op, args, n) : "bad request";
    std::printf("%s|%llu\n", out.c_str(), (unsigned long long)c.steps);  // and the steps it counted
  }
  return 0;
}

}  // namespace serve
}  // namespace test
}  // namespace arc

int main(int argc, char** argv) {
  using namespace arc::test;
  if (argc > 1 && std::string(argv[1]) == "--serve") return serve::run();
  test_colors();
  test_as_patches();
  test_mirrors();
  test_fill_paint();
  test_scaling();
  test_cutting();
  test_cellwise_index();
  test_unsupported();
  test_paint_tuples();
  test_branch_of_two_types();
  test_grid_mirrors();
  if (failures) {
    std::printf("%d check(s) failed\n", failures);
    return 1;
  }
  std::printf("grids: all checks passed\n");
  return 0;
}
