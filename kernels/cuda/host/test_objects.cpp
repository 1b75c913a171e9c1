// Host unit tests of kernels/cuda/objects.cuh (g++, one lane): all 8 flag combinations of objects on
// a hand-made grid, diagonal connectivity, background ties, partition/fgpartition/frontiers/
// occurrences by hand, and objects on random grids against a flood fill written from dsl.py's
// description. Built and run by kernels/tests/cuda_host_objects.rs.
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
#define CHECK(cond)                                               \
  do {                                                            \
    if (!(cond)) {                                                \
      std::printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                 \
    }                                                             \
  } while (0)
#define CHECK_EQ(a, b)                                                                                   \
  do {                                                                                                   \
    auto x_ = (a);                                                                                       \
    auto y_ = (b);                                                                                       \
    if (!(x_ == y_)) {                                                                                   \
      std::printf("FAIL %s:%d: %s\n  got:  %s\n  want: %s\n", __FILE__, __LINE__, #a, show(x_).c_str(), \
                  show(y_).c_str());                                                                     \
      failures++;                                                                                        \
    }                                                                                                    \
  } while (0)

std::string show(const std::string& s) { return s; }
std::string show(int v) { return std::to_string(v); }
std::string show(unsigned v) { return std::to_string(v); }

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

std::string show(Cell x) { return std::to_string(x.color) + "@" + std::to_string(x.i) + "," + std::to_string(x.j); }
std::string show(Point x) { return std::to_string(x.i) + "," + std::to_string(x.j); }
template <class T> std::string show(Set<T> s) {
  std::string r = "{";
  for (int k = 0; k < s.n; k++) r += (k ? " " : "") + show(s.it[k]);
  return r + "}";
}

Object O(Ctx& c, const std::string& s) {
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
  return Object{p, sort_unique(c, p, (int)v.size())};
}

// Whether a set of objects is canonical: each object sorted and unique, objects strictly ascending.
bool canonical(Set<Object> s) {
  for (int k = 0; k < s.n; k++) {
    for (int m = 0; m + 1 < s.it[k].n; m++)
      if (!(s.it[k].it[m] < s.it[k].it[m + 1])) return false;
    if (k > 0 && compare(s.it[k - 1], s.it[k]) >= 0) return false;
  }
  return true;
}

const char* HAND = "0 0 1 1|0 2 1 0|3 0 0 0|3 3 0 5";

void test_objects_flags() {
  struct Case {
    bool uni, diag, nobg;
    const char* want;
  } cases[] = {
      {true, false, true, "{{1@0,2 1@0,3 1@1,2} {2@1,1} {3@2,0 3@3,0 3@3,1} {5@3,3}}"},
      {true, true, true, "{{1@0,2 1@0,3 1@1,2} {2@1,1} {3@2,0 3@3,0 3@3,1} {5@3,3}}"},
      {true, false, false,
       "{{0@0,0 0@0,1 0@1,0} {1@0,2 1@0,3 1@1,2} {2@1,1} {0@1,3 0@2,1 0@2,2 0@2,3 0@3,2} {3@2,0 3@3,0 3@3,1} "
       "{5@3,3}}"},
      // (1, 0) and (2, 1) touch diagonally: all zeros are one object
      {true, true, false,
       "{{0@0,0 0@0,1 0@1,0 0@1,3 0@2,1 0@2,2 0@2,3 0@3,2} {1@0,2 1@0,3 1@1,2} {2@1,1} {3@2,0 3@3,0 3@3,1} "
       "{5@3,3}}"},
      {false, false, true, "{{1@0,2 1@0,3 2@1,1 1@1,2} {3@2,0 3@3,0 3@3,1} {5@3,3}}"},
      // (1, 1) and (2, 0) touch diagonally
      {false, true, true, "{{1@0,2 1@0,3 2@1,1 1@1,2 3@2,0 3@3,0 3@3,1} {5@3,3}}"},
      {false, false, false,
       "{{0@0,0 0@0,1 1@0,2 1@0,3 0@1,0 2@1,1 1@1,2 0@1,3 3@2,0 0@2,1 0@2,2 0@2,3 3@3,0 3@3,1 0@3,2 5@3,3}}"},
      {false, true, false,
       "{{0@0,0 0@0,1 1@0,2 1@0,3 0@1,0 2@1,1 1@1,2 0@1,3 3@2,0 0@2,1 0@2,2 0@2,3 3@3,0 3@3,1 0@3,2 5@3,3}}"},
  };
  for (const Case& k : cases) {
    Env e;
    Set<Object> got = objects(e.c, G(e.c, HAND), k.uni, k.diag, k.nobg);
    CHECK_EQ(show(got), std::string(k.want));
    CHECK(canonical(got));
    CHECK(!e.c.failed());
  }
}

void test_objects_edges() {
  {
    Env e;  // 1 and 2 tie for the background: the smaller colour (1) is it
    Grid g = G(e.c, "1 2|2 1");
    CHECK_EQ(show(objects(e.c, g, true, false, true)), "{{2@0,1} {2@1,0}}");
    CHECK_EQ(show(objects(e.c, g, true, true, true)), "{{2@0,1 2@1,0}}");
    CHECK_EQ(show(objects(e.c, g, false, false, true)), "{{2@0,1} {2@1,0}}");
  }
  {
    Env e;  // a grid of background only
    CHECK_EQ(objects(e.c, G(e.c, "4 4|4 4"), true, true, true).n, 0);
    CHECK_EQ(show(objects(e.c, G(e.c, "7"), false, false, false)), "{{7@0,0}}");
    CHECK(!e.c.failed());
  }
  {
    Env e;  // a snake: labels must travel the whole path
    Grid g = G(e.c, "1 1 1 1 1|0 0 0 0 1|1 1 1 0 1|1 0 1 1 1|1 0 0 0 0|0 0 0 0 0|0 0 0 0 0");
    Set<Object> s = objects(e.c, g, true, false, true);
    CHECK_EQ(s.n, 1);
    CHECK_EQ(s.n ? s.it[0].n : 0, 15);
  }
  {
    Env e;
    objects(e.c, G(e.c, ""), true, false, false);  // len(grid[0]) of ()
    CHECK_EQ(e.c.status, (uint32_t)S_INDEX);
  }
  {
    Env e;
    objects(e.c, G(e.c, ""), true, false, true);  // mostcolor of ()
    CHECK_EQ(e.c.status, (uint32_t)S_EMPTY);
  }
  {
    Env e;  // ((),): no cells, no objects
    Grid g = new_grid(e.c, 1, 0);
    CHECK_EQ(objects(e.c, g, false, true, false).n, 0);
    CHECK(!e.c.failed());
  }
  {
    Env e;  // the scratch is given back: only the cells and objects stay in the arena
    Grid g = G(e.c, HAND);
    uint64_t before = e.c.used;
    Set<Object> s = objects(e.c, g, true, false, false);
    CHECK(e.c.used - before <= (16 * sizeof(Cell) + 15) + (6 * sizeof(Object) + 15));
    CHECK_EQ(s.n, 6);
  }
}

// Flood fill with dsl.py's rules, for random grids.
std::vector<std::vector<Cell>> reference_objects(const std::vector<int>& v, int h, int w, bool uni, bool diag,
                                                 bool nobg) {
  int bg = -1;
  if (nobg) {
    int cnt[256] = {0};
    for (int x : v) cnt[x]++;
    bg = 0;
    for (int col = 1; col < 256; col++)
      if (cnt[col] > cnt[bg]) bg = col;
  }
  std::vector<char> seen(h * w, 0);
  std::vector<std::vector<Cell>> out;
  for (int s = 0; s < h * w; s++) {
    if (seen[s] || v[s] == bg) continue;
    std::vector<Cell> obj;
    std::vector<int> stack{s};
    seen[s] = 1;
    while (!stack.empty()) {
      int k = stack.back();
      stack.pop_back();
      obj.push_back(Cell{k / w, k % w, v[k]});
      for (int di = -1; di <= 1; di++)
        for (int dj = -1; dj <= 1; dj++) {
          if ((!di && !dj) || (!diag && di && dj)) continue;
          int a = k / w + di, b = k % w + dj;
          if (a < 0 || b < 0 || a >= h || b >= w) continue;
          int q = a * w + b;
          if (seen[q]) continue;
          if (uni ? v[q] == v[s] : v[q] != bg) {
            seen[q] = 1;
            stack.push_back(q);
          }
        }
    }
    std::sort(obj.begin(), obj.end());
    out.push_back(obj);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void test_objects_random() {
  std::mt19937 rng(3);
  for (int round = 0; round < 400; round++) {
    int h = 1 + rng() % 12, w = 1 + rng() % 12, colors = 1 + rng() % 4;
    std::vector<int> v(h * w);
    for (int& x : v) x = rng() % colors == 0 ? 0 : (int)(rng() % colors);
    for (int flags = 0; flags < 8; flags++) {
      bool uni = flags & 1, diag = flags & 2, nobg = flags & 4;
      Env e;
      Grid g = new_grid(e.c, h, w);
      for (int k = 0; k < h * w; k++) g.v[k] = (uint8_t)v[k];
      Set<Object> got = objects(e.c, g, uni, diag, nobg);
      auto want = reference_objects(v, h, w, uni, diag, nobg);
      bool same = !e.c.failed() && got.n == (int)want.size();
      for (int k = 0; same && k < got.n; k++)
        same = got.it[k].n == (int)want[k].size() && std::equal(want[k].begin(), want[k].end(), got.it[k].it);
      CHECK(same);
      if (!same) std::printf("  round %d flags %d (%dx%d)\n", round, flags, h, w);
    }
  }
}

void test_partition() {
  {
    Env e;
    Grid g = G(e.c, "3 1|1 0");
    CHECK_EQ(show(partition(e.c, g)), "{{3@0,0} {1@0,1 1@1,0} {0@1,1}}");
    CHECK_EQ(show(fgpartition(e.c, g)), "{{3@0,0} {0@1,1}}");  // 1 is the most common
    CHECK(!e.c.failed());
  }
  {
    Env e;  // ties for the background go to the smaller colour
    Grid g = G(e.c, "5 2|2 5|9 9");
    CHECK_EQ(show(fgpartition(e.c, g)), "{{5@0,0 5@1,1} {9@2,0 9@2,1}}");
    CHECK_EQ(fgpartition(e.c, G(e.c, "6 6")).n, 0);
    Set<Object> all = partition(e.c, G(e.c, HAND));
    CHECK_EQ(all.n, 5);
    CHECK(canonical(all));
    CHECK_EQ(partition(e.c, G(e.c, "")).n, 0);  // palette(()) is empty
    CHECK(!e.c.failed());
    fgpartition(e.c, G(e.c, ""));  // mostcolor(())
    CHECK_EQ(e.c.status, (uint32_t)S_EMPTY);
  }
}

void test_frontiers() {
  {
    Env e;
    CHECK_EQ(show(frontiers(e.c, G(e.c, "1 1 1|2 3 1|2 2 1"))), "{{1@0,0 1@0,1 1@0,2} {1@0,2 1@1,2 1@2,2}}");
    CHECK_EQ(show(frontiers(e.c, G(e.c, "4 5|6 7"))), "{}");
    CHECK_EQ(show(frontiers(e.c, G(e.c, "8"))), "{{8@0,0}}");  // its row and its column: one object
    // one row: the single-cell columns sort around the row
    CHECK_EQ(show(frontiers(e.c, G(e.c, "4 4 4"))), "{{4@0,0} {4@0,0 4@0,1 4@0,2} {4@0,1} {4@0,2}}");
    CHECK_EQ(show(frontiers(e.c, G(e.c, "4|4"))), "{{4@0,0} {4@0,0 4@1,0} {4@1,0}}");
    CHECK_EQ(show(frontiers(e.c, G(e.c, "1 2 3|2 2 2|5 2 6"))), "{{2@0,1 2@1,1 2@2,1} {2@1,0 2@1,1 2@1,2}}");
    CHECK(!e.c.failed());
    CHECK_EQ(frontiers(e.c, new_grid(e.c, 2, 0)).n, 0);
    frontiers(e.c, G(e.c, ""));
    CHECK_EQ(e.c.status, (uint32_t)S_INDEX);
  }
}

void test_occurrences() {
  Env e;
  Grid g = G(e.c, "1 2 1 2|0 1 2 0");
  CHECK_EQ(show(occurrences(e.c, g, O(e.c, "1@5,5 2@5,6"))), "{0,0 0,2 1,1}");
  CHECK_EQ(show(occurrences(e.c, g, O(e.c, "1@-3,-2 1@-2,-1"))), "{0,0}");  // normalized: (0,0), (1,1)
  CHECK_EQ(show(occurrences(e.c, g, O(e.c, "0@0,0 0@2,0"))), "{}");      // taller than the grid
  CHECK_EQ(show(occurrences(e.c, g, O(e.c, "1@0,0 2@0,0"))), "{}");      // two colours in a cell
  // the empty object occurs everywhere in range(h + 1) x range(w + 1)
  CHECK_EQ(occurrences(e.c, g, Object{nullptr, 0}).n, 15);
  // indices: Python fails on the first offset it tries; none to try gives nothing
  Indices tall{alloc<Point>(e.c, 2), 2};
  tall.it[0] = Point{0, 0};
  tall.it[1] = Point{2, 0};
  CHECK_EQ(show(occurrences(e.c, g, tall)), "{}");
  CHECK(!e.c.failed());
  Indices one{alloc<Point>(e.c, 1), 1};
  one.it[0] = Point{0, 0};
  occurrences(e.c, g, one);
  CHECK_EQ(e.c.status, (uint32_t)S_TYPE);
  e.c.status = S_OK;
  occurrences(e.c, G(e.c, ""), O(e.c, "1@0,0"));
  CHECK_EQ(e.c.status, (uint32_t)S_INDEX);
}


// ---- --serve: one request per stdin line for the differential test against the Rust primitives
// (kernels/tests/cuda_host_objects.rs). Request: `name arg...`, args `G h w cells...`,
// `O n (i j colour)...`, `I n (i j)...`, `b v`. Answer: `empty`, `indices n ...`,
// `set n (object n ...)...` or `fail status`.
namespace serve {

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
std::string text(Set<Object> o) {
  if (o.n == 0) return "empty";
  std::string s = "set " + std::to_string(o.n);
  for (int k = 0; k < o.n; k++) s += " " + text(o.it[k]);
  return s;
}
template <class R> std::string answer(Ctx& c, R r) { return c.failed() ? "fail " + std::to_string(c.status) : text(r); }

int run() {
  std::vector<uint8_t> mem(16u << 20);
  std::string line;
  while (std::getline(std::cin, line)) {
    Ctx c{mem.data(), 0, mem.size(), S_OK, 0, 0, 1ull << 28};
    std::istringstream in(line);
    std::string op, kind;
    int h = 0, w = 0;
    in >> op >> kind >> h >> w;
    Grid g = rows_grid(c, h, w);
    for (int k = 0; k < h * w; k++) {
      int x;
      in >> x;
      g.v[k] = (uint8_t)x;
    }
    std::string out;
    if (op == "objects") {
      int f[3];
      for (int& x : f) in >> kind >> x;
      out = answer(c, objects(c, g, f[0] != 0, f[1] != 0, f[2] != 0));
    } else if (op == "partition") {
      out = answer(c, partition(c, g));
    } else if (op == "fgpartition") {
      out = answer(c, fgpartition(c, g));
    } else if (op == "frontiers") {
      out = answer(c, frontiers(c, g));
    } else if (op == "occurrences") {
      int n;
      in >> kind >> n;
      if (kind == "O") {
        Object o{alloc<Cell>(c, n), n};
        for (int k = 0; k < n; k++) in >> o.it[k].i >> o.it[k].j >> o.it[k].color;
        out = answer(c, occurrences(c, g, o));
      } else {
        Indices p{alloc<Point>(c, n), n};
        for (int k = 0; k < n; k++) in >> p.it[k].i >> p.it[k].j;
        out = answer(c, occurrences(c, g, p));
      }
    } else {
      out = "unknown " + op;
    }
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
  test_objects_flags();
  test_objects_edges();
  test_objects_random();
  test_partition();
  test_frontiers();
  test_occurrences();
  if (failures) {
    std::printf("%d check(s) failed\n", failures);
    return 1;
  }
  std::printf("objects: all checks passed\n");
  return 0;
}
