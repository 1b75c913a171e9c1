// Host unit tests of kernels/cuda/containers.cuh and the apply family of func.cuh (g++, one lane):
// hand-checked values, empty containers, ties, type preservation, failures; randomized checks of
// the rank-based set operations against std::set. With --serve it answers one request per stdin
// line for the differential test against the Rust primitives (kernels/tests/cuda_host_containers.rs).
#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <tuple>
#include <sstream>
#include <string>
#include <vector>

#include "arc.cuh"

namespace arc {
namespace test {

int failures = 0;
int checks = 0;

// ---- Python's text of a value (the Rust test prints the CPU's values the same way) ----
std::string py(int v) { return std::to_string(v); }
std::string py(bool b) { return b ? "True" : "False"; }
std::string py(Point p) { return "(" + py(p.i) + ", " + py(p.j) + ")"; }
std::string py(Cell x) { return "(" + py(x.color) + ", (" + py(x.i) + ", " + py(x.j) + "))"; }
std::string py(Poison) { return "<poison>"; }
std::string py(Grid g);
template <class T> std::string py(Tuple<T> t);
template <class T> std::string py(Set<T> s);
template <class A, class B> std::string py(Pair<A, B> p);
template <class X> std::string py(const X&) { return "<function>"; }
template <class A, class B> std::string py(Pair<A, B> p) { return "(" + py(p.a) + ", " + py(p.b) + ")"; }
std::string tuple_text(const std::vector<std::string>& xs) {
  if (xs.size() == 1) return "(" + xs[0] + ",)";
  std::string s = "(";
  for (size_t k = 0; k < xs.size(); k++) s += (k ? ", " : "") + xs[k];
  return s + ")";
}
template <class T> std::string py(Tuple<T> t) {
  std::vector<std::string> xs;
  for (int k = 0; k < t.n; k++) xs.push_back(py(t.it[k]));
  return tuple_text(xs);
}
std::string py(Grid g) {
  std::vector<std::string> rows;
  for (int i = 0; i < g.h; i++) {
    std::vector<std::string> r;
    for (int j = 0; j < g.w; j++) r.push_back(py((int)g.v[i * g.w + j]));
    rows.push_back(tuple_text(r));
  }
  return tuple_text(rows);
}
template <class T> std::string py(Set<T> s) {
  if (s.n == 0) return "frozenset()";
  std::string r = "{";
  for (int k = 0; k < s.n; k++) r += (k ? ", " : "") + py(s.it[k]);
  return r + "}";
}

// The outcome of a primitive: its value, or "fail <status>".
template <class V> std::string res(Ctx& c, const V& v) {
  if (c.failed()) return "fail " + std::to_string(c.status);
  return py(v);
}

// A fresh context over a 4 MiB arena (the GPU's per-sample size).
struct Env {
  std::vector<uint8_t> mem = std::vector<uint8_t>(4u << 20);
  Ctx c{mem.data(), 0, mem.size(), S_OK, 0, 0, 1ull << 28};
};

void expect(const std::string& got, const std::string& want, int line, const char* what) {
  checks++;
  if (got != want) {
    std::printf("FAIL line %d: %s\n  got:  %s\n  want: %s\n", line, what, got.c_str(), want.c_str());
    failures++;
  }
}
// EXPECT(want, expr): expr is evaluated in a fresh context `c`; its outcome must read `want`.
#define EXPECT(want, ...)                               \
  do {                                                  \
    Env env_;                                           \
    Ctx& c = env_.c;                                    \
    auto v_ = [&]() { return __VA_ARGS__; }();          \
    expect(res(c, v_), want, __LINE__, #__VA_ARGS__);   \
  } while (0)
#define CHECK(cond) expect((cond) ? "true" : "false", "true", __LINE__, #cond)

// ---- Builders ----
template <class T> Set<T> S(Ctx& c, std::vector<T> v) {
  T* p = alloc<T>(c, v.size());
  for (size_t k = 0; k < v.size(); k++) p[k] = v[k];
  return Set<T>{p, sort_unique(c, p, (int)v.size())};
}
template <class T> Tuple<T> Tp(Ctx& c, std::vector<T> v) {
  T* p = alloc<T>(c, v.size());
  for (size_t k = 0; k < v.size(); k++) p[k] = v[k];
  return Tuple<T>{p, (int)v.size()};
}
Set<int> Si(Ctx& c, std::vector<int> v) { return S<int>(c, v); }
Tuple<int> Ti(Ctx& c, std::vector<int> v) { return Tp<int>(c, v); }
// Cells as (colour, i, j), the Python order of a cell's parts.
Object O(Ctx& c, std::vector<std::vector<int>> v) {
  std::vector<Cell> cells;
  for (auto& x : v) cells.push_back(Cell{x[1], x[2], x[0]});
  return S<Cell>(c, cells);
}
Indices I(Ctx& c, std::vector<Point> v) { return S<Point>(c, v); }
// "0 1|2 3" -> 2x2 grid; "" -> the empty grid.
Grid G(Ctx& c, const std::string& s) {
  std::vector<std::vector<int>> rows(1);
  std::string cur;
  auto flush = [&]() {
    if (!cur.empty()) rows.back().push_back(std::stoi(cur));
    cur.clear();
  };
  for (char ch : s) {
    if (ch == '|') {
      flush();
      rows.emplace_back();
    } else if (ch == ' ') {
      flush();
    } else {
      cur += ch;
    }
  }
  flush();
  if (s.empty()) rows.clear();
  Grid g = new_grid(c, (int)rows.size(), rows.empty() ? 0 : (int)rows[0].size());
  for (int i = 0; i < g.h; i++)
    for (int j = 0; j < g.w; j++) g.v[i * g.w + j] = (uint8_t)rows[i][j];
  return g;
}

// ---- Hand-checked tests ----

void test_membership() {
  EXPECT("True", contained(c, 2, Si(c, {1, 2, 3})));
  EXPECT("False", contained(c, 4, Si(c, {1, 2, 3})));
  EXPECT("False", contained(c, 0, Si(c, {})));
  EXPECT("True", contained(c, 3, Ti(c, {5, 3, 3})));
  EXPECT("True", contained(c, Cell{0, 1, 2}, O(c, {{1, 0, 0}, {2, 0, 1}})));
  EXPECT("False", contained(c, Cell{0, 1, 1}, O(c, {{1, 0, 0}, {2, 0, 1}})));
  // a point is never a cell
  EXPECT("False", contained(c, Point{0, 1}, O(c, {{2, 0, 1}})));
  EXPECT("True", contained(c, Point{2, 2}, I(c, {{0, 0}, {2, 2}})));
  EXPECT("True", contained(c, true, Si(c, {0, 1})));
  EXPECT("True", contained(c, O(c, {{1, 0, 0}}), S<Object>(c, {O(c, {{1, 0, 0}}), O(c, {{2, 5, 5}})})));
  EXPECT("False", contained(c, O(c, {{1, 0, 1}}), S<Object>(c, {O(c, {{1, 0, 0}}), O(c, {{2, 5, 5}})})));
  // a grid holds its rows
  EXPECT("True", contained(c, Ti(c, {3, 4}), G(c, "1 2|3 4")));
  EXPECT("True", contained(c, Point{1, 2}, G(c, "1 2|3 4")));
  EXPECT("False", contained(c, Ti(c, {3}), G(c, "1 2|3 4")));
  EXPECT("True", contained(c, 7, Point{3, 7}));
  EXPECT("True", contained(c, 5, Cell{0, 0, 5}));
  EXPECT("True", contained(c, Point{1, 2}, Cell{1, 2, 5}));
}

void test_set_algebra() {
  EXPECT("{1, 2, 3, 5}", combine(c, Si(c, {1, 5}), Si(c, {2, 3, 5})));
  EXPECT("{1, 5}", combine(c, Si(c, {1, 5}), Si(c, {})));
  EXPECT("{2}", combine(c, Si(c, {}), Si(c, {2})));
  EXPECT("{(0, (0, 0)), (0, (0, 1)), (1, (0, 1))}", combine(c, O(c, {{0, 0, 0}, {1, 0, 1}}), O(c, {{0, 0, 1}})));
  EXPECT("{(0, 0), (1, 1)}", combine(c, I(c, {{1, 1}}), I(c, {{0, 0}, {1, 1}})));
  // a frozenset with a tuple's elements
  EXPECT("{1, 2, 3}", combine(c, Si(c, {3}), Ti(c, {2, 1, 2})));
  // tuples concatenate, in order, repeats kept
  EXPECT("(3, 1, 1, 2)", combine(c, Ti(c, {3, 1}), Ti(c, {1, 2})));
  EXPECT("(3, 1, 2)", combine(c, Ti(c, {3}), Si(c, {2, 1})));
  EXPECT("()", combine(c, Ti(c, {}), Ti(c, {})));
  // two grids of one width are the grid of their rows
  EXPECT("((1, 2), (3, 4), (5, 6))", combine(c, G(c, "1 2|3 4"), G(c, "5 6")));
  EXPECT("((5, 6),)", combine(c, G(c, ""), G(c, "5 6")));
  EXPECT("fail 9", combine(c, G(c, "1 2"), G(c, "5")));
  // a frozenset of another element type: fine when empty
  EXPECT("{1}", combine(c, Si(c, {1}), S<Point>(c, {})));
  EXPECT("fail 9", combine(c, Si(c, {1}), I(c, {{0, 0}})));

  EXPECT("{2, 5}", intersection(c, Si(c, {1, 2, 5, 7}), Si(c, {0, 2, 5})));
  EXPECT("{2, 5}", intersection(c, Si(c, {0, 2, 5}), Si(c, {1, 2, 5, 7})));
  EXPECT("frozenset()", intersection(c, Si(c, {1}), Si(c, {})));
  EXPECT("frozenset()", intersection(c, O(c, {{1, 0, 0}}), I(c, {{0, 0}})));
  EXPECT("{(1, (0, 0))}", intersection(c, O(c, {{1, 0, 0}, {2, 0, 0}}), O(c, {{1, 0, 0}, {1, 0, 2}})));

  EXPECT("{1, 7}", difference(c, Si(c, {1, 2, 5, 7}), Si(c, {0, 2, 5})));
  EXPECT("frozenset()", difference(c, Si(c, {}), Si(c, {0, 2, 5})));
  EXPECT("{1, 2}", difference(c, Si(c, {1, 2}), Si(c, {})));
  EXPECT("{(1, (0, 0))}", difference(c, O(c, {{1, 0, 0}}), I(c, {{0, 0}})));
  // a tuple stays a tuple; b may be any container
  EXPECT("(3, 1, 3)", difference(c, Ti(c, {3, 2, 1, 3}), Ti(c, {2, 9})));
  EXPECT("(3, 3)", difference(c, Ti(c, {3, 2, 1, 3}), Si(c, {1, 2})));
  EXPECT("{1}", difference(c, Si(c, {1, 2}), Ti(c, {2, 2})));
}

void test_tuples() {
  EXPECT("(3, 1, 2)", dedupe(c, Ti(c, {3, 1, 3, 2, 1})));
  EXPECT("()", dedupe(c, Ti(c, {})));
  EXPECT("((1, 2), (0, 0))", dedupe(c, G(c, "1 2|1 2|0 0|1 2")));
  EXPECT("fail 1", dedupe(c, Si(c, {1})));
  // stable by key (False < True): equal keys keep their order
  EXPECT("(3, 1, 4, 2)", order(c, Ti(c, {3, 4, 1, 2}), even));
  EXPECT("(3, 2, 1)", order(c, Si(c, {1, 2, 3}), invert));
  EXPECT("()", order(c, Ti(c, {}), identity));
  // cells as keys compare colour first, as Python's tuples
  EXPECT("((1, (5, 5)), (2, (0, 0)))", order(c, O(c, {{2, 0, 0}, {1, 5, 5}}), identity));
  EXPECT("({(1, (0, 0))}, {(2, (3, 3)), (2, (3, 4))})",
         order(c, S<Object>(c, {O(c, {{2, 3, 3}, {2, 3, 4}}), O(c, {{1, 0, 0}})}), size));
  // a grid's rows, sorted, stay a grid
  EXPECT("((0, 9), (1, 2), (3, 0))", order(c, G(c, "3 0|1 2|0 9"), first));
  EXPECT("(5, 5, 5)", repeat(c, 5, 3));
  EXPECT("()", repeat(c, 5, -2));
  EXPECT("({(1, (0, 0))}, {(1, (0, 0))})", repeat(c, O(c, {{1, 0, 0}}), 2));
  EXPECT("fail 6", repeat(c, 1, 1 << 21));
  // copies of a row of ints: a grid
  EXPECT("((1, 2), (1, 2), (1, 2))", repeat(c, Ti(c, {1, 2}), 3));
  {
    Env e;
    Grid g = repeat(e.c, Ti(e.c, {7}), 2);
    CHECK(g.h == 2 && g.w == 1 && g.v[1] == 7);
  }
  EXPECT("()", repeat(c, Ti(c, {1, 2}), 0));
  EXPECT("fail 9", repeat(c, Ti(c, {1, 256}), 2));  // not a byte: the CPU keeps a tuple
  EXPECT("(1, 3, 5)", interval(c, 1, 7, 2));
  EXPECT("(1, 3, 5)", interval(c, 1, 6, 2));
  EXPECT("(5, 4, 3)", interval(c, 5, 2, -1));
  EXPECT("()", interval(c, 5, 2, 1));
  EXPECT("fail 1", interval(c, 0, 3, 0));
  EXPECT("((1, 3), (2, 4))", pair(c, Ti(c, {1, 2, 9}), Ti(c, {3, 4})));
  EXPECT("((1, (0, 0)), (2, (1, 1)))", pair(c, Ti(c, {1, 2}), I(c, {{0, 0}, {1, 1}})));
  EXPECT("(((1, 2), (5, 6)),)", pair(c, G(c, "1 2|3 4"), G(c, "5 6")));
  EXPECT("()", pair(c, Ti(c, {}), Ti(c, {1})));
}

void test_sizes_and_elements() {
  EXPECT("3", size(c, Si(c, {1, 2, 3})));
  EXPECT("0", size(c, Ti(c, {})));
  EXPECT("2", size(c, G(c, "1 2 3|4 5 6")));
  EXPECT("2", size(c, Point{4, 4}));
  EXPECT("2", size(c, Cell{4, 4, 1}));
  EXPECT("1", first(c, Si(c, {3, 1, 2})));
  EXPECT("3", last(c, Si(c, {3, 1, 2})));
  EXPECT("3", first(c, Ti(c, {3, 1, 2})));
  EXPECT("2", last(c, Ti(c, {3, 1, 2})));
  EXPECT("fail 2", first(c, Si(c, {})));
  EXPECT("fail 2", last(c, Ti(c, {})));
  EXPECT("(1, (0, 5))", first(c, O(c, {{2, 1, 0}, {1, 0, 5}})));
  EXPECT("(1, 2)", first(c, G(c, "1 2|3 4")));
  EXPECT("(3, 4)", last(c, G(c, "1 2|3 4")));
  EXPECT("fail 2", first(c, G(c, "")));
  EXPECT("4", first(c, Point{4, 7}));
  EXPECT("7", last(c, Point{4, 7}));
  EXPECT("9", first(c, Cell{4, 7, 9}));
  EXPECT("(4, 7)", last(c, Cell{4, 7, 9}));
  EXPECT("(1, 2)", totuple(c, Si(c, {2, 1})));
  EXPECT("()", totuple(c, Si(c, {})));
  EXPECT("((1, 2),)", totuple(c, G(c, "1 2")));
  EXPECT("{(1, 2)}", initset(c, Point{1, 2}));
  EXPECT("{{(1, (0, 0))}}", initset(c, O(c, {{1, 0, 0}})));

  EXPECT("{1, 2, 3}", insert(c, 2, Si(c, {1, 3})));
  EXPECT("{1, 3}", insert(c, 3, Si(c, {1, 3})));
  EXPECT("{0}", insert(c, 0, Si(c, {})));
  EXPECT("{(0, 0), (1, 1)}", insert(c, Point{0, 0}, I(c, {{1, 1}})));
  EXPECT("fail 1", insert(c, 1, Ti(c, {1})));
  EXPECT("fail 9", insert(c, Point{0, 0}, O(c, {{1, 1, 1}})));

  EXPECT("{1, 3}", remove(c, 2, Si(c, {1, 2, 3})));
  EXPECT("{1, 3}", remove(c, 5, Si(c, {1, 3})));
  EXPECT("(1, 3, 1)", remove(c, 2, Ti(c, {2, 1, 2, 3, 1})));
  EXPECT("((3, 4),)", remove(c, Ti(c, {1, 2}), G(c, "1 2|3 4|1 2")));
  EXPECT("((1, 2), (1, 2))", remove(c, Point{3, 4}, G(c, "1 2|3 4|1 2")));
  // a point is never a cell: nothing to remove
  EXPECT("{(1, (0, 0))}", remove(c, Point{0, 0}, O(c, {{1, 0, 0}})));
  EXPECT("{(2, (1, 1))}", remove(c, Cell{0, 0, 1}, O(c, {{1, 0, 0}, {2, 1, 1}})));
  EXPECT("3", other(c, Si(c, {1, 3}), 1));
  EXPECT("1", other(c, Si(c, {1, 3}), 3));
  EXPECT("fail 2", other(c, Si(c, {1}), 1));
  EXPECT("4", other(c, Ti(c, {1, 4, 1}), 1));
}

void test_extremes() {
  EXPECT("7", maximum(c, Si(c, {3, 7, -1})));
  EXPECT("-1", minimum(c, Si(c, {3, 7, -1})));
  EXPECT("0", maximum(c, Si(c, {})));
  EXPECT("0", minimum(c, Ti(c, {})));
  EXPECT("9", maximum(c, Ti(c, {3, 9, -4})));
  EXPECT("-4", minimum(c, Ti(c, {3, 9, -4})));
  // cells: colour first
  EXPECT("(5, (0, 0))", maximum(c, O(c, {{5, 0, 0}, {1, 3, 3}})));
  EXPECT("(1, (3, 3))", minimum(c, O(c, {{5, 0, 0}, {1, 3, 3}})));
  EXPECT("fail 9", maximum(c, O(c, {})));  // would be the int 0

  auto objs = [](Ctx& c) { return S<Object>(c, {O(c, {{1, 0, 0}, {1, 0, 1}}), O(c, {{2, 5, 5}}), O(c, {{3, 7, 7}, {3, 7, 8}})}); };
  EXPECT("2", valmax(c, objs(c), size));
  EXPECT("1", valmin(c, objs(c), size));
  // the first of the largest in canonical order wins ties
  EXPECT("{(1, (0, 0)), (1, (0, 1))}", argmax(c, objs(c), size));
  EXPECT("{(2, (5, 5))}", argmin(c, objs(c), size));
  EXPECT("-1", valmax(c, Si(c, {1, 2, 3}), invert));
  EXPECT("1", argmax(c, Si(c, {1, 2, 3}), invert));
  EXPECT("3", argmin(c, Si(c, {1, 2, 3}), invert));
  EXPECT("fail 2", argmax(c, Si(c, {}), invert));
  EXPECT("fail 2", argmin(c, S<Object>(c, {}), size));
  // empty: compfunc(0) where it takes an int (or fails on one, as Python's len/iter do), else the CPU decides
  EXPECT("0", valmax(c, Si(c, {}), invert));
  EXPECT("0", valmin(c, Ti(c, {}), identity));
  EXPECT("fail 1", valmax(c, S<Object>(c, {}), size));
  EXPECT("fail 1", valmin(c, S<Indices>(c, {}), size));
  EXPECT("fail 1", valmin(c, S<Point>(c, {}), first));
  EXPECT("fail 1", valmax(c, Tp<Point>(c, {}), last));
  EXPECT("fail 1", size(c, 0));
  EXPECT("fail 1", first(c, 3));
  EXPECT("fail 1", last(c, -1));
  EXPECT("fail 9", valmax(c, S<Object>(c, {}), toindices));  // compfunc(0) is no int: the CPU decides
  CHECK((overload_of<valmax_fn, Set<Object>, size_fn>() == (P_valmax | K_OBJECTS << 8 | K_FUNCTION << 14)));
  {
    Env env;
    valmax(env.c, S<Object>(env.c, {}), toindices);
    // what the runtime is told: valmax(objects, function) on this value
    CHECK(env.c.status == S_UNSUPPORTED &&
          env.c.what == (P_valmax | K_OBJECTS << 8 | K_FUNCTION << 14 | OVERLOAD_VALUE));
  }
  EXPECT("True", valmax(c, Si(c, {1, 2, 3}), even));
  EXPECT("2", argmax(c, Si(c, {1, 2, 3, 4}), even));
  EXPECT("(0, 9)", argmax(c, G(c, "0 9|0 1"), last));

  EXPECT("3", mostcommon(c, Ti(c, {1, 3, 2, 3, 1, 3})));
  EXPECT("2", leastcommon(c, Ti(c, {1, 3, 2, 3, 1, 3})));
  // ties go to the smallest
  EXPECT("1", mostcommon(c, Ti(c, {3, 1, 3, 1})));
  EXPECT("2", leastcommon(c, Ti(c, {3, 2, 3, 4})));
  EXPECT("fail 2", mostcommon(c, Ti(c, {})));
  EXPECT("fail 1", mostcommon(c, Si(c, {1})));
  EXPECT("2", mostcommon(c, Point{5, 2}));
  EXPECT("(0, (9, 9))", mostcommon(c, Tp<Cell>(c, {Cell{9, 9, 0}, Cell{0, 0, 1}, Cell{9, 9, 0}})));
}

void test_filters() {
  EXPECT("{2, 4}", sfilter(c, Si(c, {1, 2, 3, 4}), even));
  EXPECT("(4, 2, 4)", sfilter(c, Ti(c, {4, 1, 2, 4}), even));
  EXPECT("frozenset()", sfilter(c, Si(c, {1, 3}), even));
  EXPECT("()", sfilter(c, Ti(c, {}), even));
  EXPECT("((2, 0),)", sfilter(c, G(c, "1 0|2 0|3 3"), compose(c, even, first)));
  EXPECT("{{(2, (5, 5))}}",
         sfilter(c, S<Object>(c, {O(c, {{1, 0, 0}, {1, 0, 1}}), O(c, {{2, 5, 5}})}), matcher(c, size, 1)));
  EXPECT("{(1, (0, 0)), (2, (5, 5))}",
         mfilter(c, S<Object>(c, {O(c, {{1, 0, 0}, {1, 0, 1}}), O(c, {{2, 5, 5}}), O(c, {{1, 0, 0}})}),
                 matcher(c, size, 1)));
  EXPECT("frozenset()", mfilter(c, S<Object>(c, {}), matcher(c, size, 1)));
  EXPECT("2", extract(c, Ti(c, {1, 2, 4}), even));
  EXPECT("fail 2", extract(c, Ti(c, {1, 3}), even));
  EXPECT("(2, 0)", extract(c, G(c, "1 0|2 0"), compose(c, even, first)));
  auto objs = [](Ctx& c) { return S<Object>(c, {O(c, {{1, 0, 0}, {1, 0, 1}}), O(c, {{2, 5, 5}}), O(c, {{3, 7, 7}, {3, 7, 8}})}); };
  EXPECT("{{(1, (0, 0)), (1, (0, 1))}, {(3, (7, 7)), (3, (7, 8))}}", sizefilter(c, objs(c), 2));
  EXPECT("frozenset()", sizefilter(c, objs(c), 5));
  EXPECT("{(1, (0, 0))}", sizefilter(c, O(c, {{1, 0, 0}}), 2));
  EXPECT("frozenset()", sizefilter(c, O(c, {{1, 0, 0}}), 1));
  EXPECT("fail 1", sizefilter(c, Si(c, {1}), 1));
  EXPECT("frozenset()", sizefilter(c, Si(c, {}), 1));
  // from a tuple: a frozenset, deduplicated
  EXPECT("{(1, 2)}", sizefilter(c, Tp<Tuple<int>>(c, {Ti(c, {1, 2}), Ti(c, {3}), Ti(c, {1, 2})}), 2));
}

void test_merge_product() {
  // cells in raster order: (0, 0) in colours 1 and 2, then (0, 1)
  EXPECT("{(1, (0, 0)), (2, (0, 0)), (1, (0, 1))}",
         merge(c, S<Object>(c, {O(c, {{1, 0, 0}, {1, 0, 1}}), O(c, {{2, 0, 0}, {1, 0, 1}})})));
  EXPECT("frozenset()", merge(c, S<Object>(c, {})));
  EXPECT("frozenset()", merge(c, S<Object>(c, {O(c, {})})));
  EXPECT("(3, 1, 1)", merge(c, Tp<Tuple<int>>(c, {Ti(c, {3, 1}), Ti(c, {}), Ti(c, {1})})));
  // a tuple of frozensets: their elements in order, repeats kept
  EXPECT("((1, (0, 1)), (1, (0, 1)))", merge(c, Tp<Object>(c, {O(c, {{1, 0, 1}}), O(c, {{1, 0, 1}})})));
  EXPECT("{1, 2, 3}", merge(c, S<Tuple<int>>(c, {Ti(c, {3, 1}), Ti(c, {2, 1})})));
  EXPECT("{0, 1, 2}", merge(c, I(c, {{0, 1}, {2, 2}})));
  EXPECT("(1, 2, 3, 4)", merge(c, G(c, "1 2|3 4")));
  EXPECT("((1, 2), (5, 6), (7, 8))", merge(c, Tp<Grid>(c, {G(c, "1 2"), G(c, ""), G(c, "5 6|7 8")})));
  EXPECT("fail 9", merge(c, Tp<Grid>(c, {G(c, "1 2"), G(c, "5")})));

  EXPECT("{(1, 3), (1, 4), (2, 3), (2, 4)}", product(c, Si(c, {1, 2}), Si(c, {4, 3})));
  EXPECT("{(1, 1), (1, 2), (2, 1), (2, 2)}", product(c, Ti(c, {2, 1, 2}), Ti(c, {1, 2})));
  EXPECT("frozenset()", product(c, Si(c, {}), Si(c, {1})));
  // (int, point) is a cell: sorted as cells
  EXPECT("{(5, (0, 0)), (7, (0, 0)), (5, (1, 1)), (7, (1, 1))}", product(c, Si(c, {5, 7}), I(c, {{0, 0}, {1, 1}})));
  EXPECT("{((0, 0), 1), ((1, 1), 1)}", product(c, I(c, {{1, 1}, {0, 0}}), Si(c, {1})));
  EXPECT("{(4, 4), (4, 5)}", product(c, Si(c, {4}), Point{5, 4}));
  // (int, tuple of ints) would be a cell on the CPU when the tuple has two items
  EXPECT("fail 9", product(c, Si(c, {4}), S<Tuple<int>>(c, {Ti(c, {1, 2})})));
}

void test_apply_family() {
  EXPECT("{-3, -1}", apply(c, invert, Si(c, {1, 3})));
  // a frozenset of results is deduplicated
  EXPECT("{1}", apply(c, size, S<Object>(c, {O(c, {{1, 0, 0}}), O(c, {{2, 5, 5}})})));
  EXPECT("(1, 1)", apply(c, size, Tp<Object>(c, {O(c, {{1, 0, 0}}), O(c, {{2, 5, 5}})})));
  EXPECT("frozenset()", apply(c, invert, Si(c, {})));
  EXPECT("{{(1, (0, 0))}, {(2, (5, 5))}}", apply(c, initset, O(c, {{1, 0, 0}, {2, 5, 5}})));
  // rows to rows of one width stay a grid; other results are a tuple
  EXPECT("((2, 1), (4, 3))", apply(c, rbind(c, order, invert), G(c, "1 2|3 4")));
  EXPECT("(1, 3)", apply(c, first, G(c, "1 2|3 4")));
  EXPECT("fail 9", apply(c, rbind(c, sfilter, even), G(c, "1 2|2 4")));  // ragged rows
  EXPECT("{(1, (0, 0)), (2, (5, 5))}", mapply(c, initset, O(c, {{1, 0, 0}, {2, 5, 5}})));
  EXPECT("(1, 2, 2, 3)", mapply(c, identity, Tp<Tuple<int>>(c, {Ti(c, {1, 2}), Ti(c, {2, 3})})));
  // rows of ints from a tuple are a grid; ragged ones stay with the CPU, except merged at once
  {
    Env e;
    Grid g = apply(e.c, identity, Tp<Tuple<int>>(e.c, {Ti(e.c, {1, 2}), Ti(e.c, {2, 3})}));
    CHECK(g.h == 2 && g.w == 2 && g.v[3] == 3 && !e.c.failed());
  }
  EXPECT("fail 9", apply(c, identity, Tp<Tuple<int>>(c, {Ti(c, {1, 2}), Ti(c, {3})})));
  EXPECT("(1, 2, 3)", mapply(c, identity, Tp<Tuple<int>>(c, {Ti(c, {1, 2}), Ti(c, {3})})));
  EXPECT("{(1, 2), (3,)}", apply(c, identity, S<Tuple<int>>(c, {Ti(c, {1, 2}), Ti(c, {3})})));
  EXPECT("(-1, -1)", rapply(c, Tp(c, std::vector<invert_fn>{invert, invert}), 1));
  EXPECT("{-1}", rapply(c, initset(c, invert), 1));
  EXPECT("(4, 6)", papply(c, add, Ti(c, {1, 2, 9}), Ti(c, {3, 4})));
  EXPECT("((1, 2, 5), (3, 4, 6))", papply(c, combine, G(c, "1 2|3 4"), G(c, "5|6")));
  {
    Env e;
    Grid g = papply(e.c, combine, G(e.c, "1 2|3 4"), G(e.c, "5|6"));
    CHECK(g.h == 2 && g.w == 3 && g.v[5] == 6);
  }
  // the zipped rows of a grid and its mirror, then each pair's larger values: a grid again
  EXPECT("((1, 3), (3, 4))", apply(c, lbind(c, apply, maximum), papply(c, pair, G(c, "1 2|3 4"), dmirror(c, G(c, "1 2|3 4")))));
  EXPECT("(1, 3, 2, 4)", mpapply(c, astuple, Ti(c, {1, 2}), Ti(c, {3, 4})));
  EXPECT("{11, 12, 21, 22}", prapply(c, add, Si(c, {1, 2}), Si(c, {10, 20})));
  EXPECT("{(1, 10), (1, 20), (2, 10), (2, 20)}", prapply(c, astuple, Ti(c, {1, 2}), Si(c, {10, 20})));
  EXPECT("frozenset()", prapply(c, add, Si(c, {}), Si(c, {10, 20})));
}

// Function values and 2-tuples as the GPU solvers of tasks 301-400 and 8e5a5113 meet them.
void test_function_values() {
  // papply over two 2-tuples zips them into a 2-tuple, as over longer tuples
  EXPECT("(4, 6)", papply(c, add, Point{1, 2}, Point{3, 4}));
  EXPECT("((1, (0, 4)), (2, (1, 9)))",
         mpapply(c, shift, Pair<Object, Object>{O(c, {{1, 0, 0}}), O(c, {{2, 1, 1}})}, Pair<Point, Point>{Point{0, 4}, Point{0, 8}}));
  // symmetries in the CPU's order: primitives by table order, before compositions
  CHECK(compare(D8Fn{1, -1}, D8Fn{0, 5}) < 0);
  CHECK(compare(D8Fn{0, 5}, D8Fn{0, 6}) < 0);
  CHECK(compare(D8Fn{4, -1}, D8Fn{4, -1}) == 0);
  // bound functions are equal when their bound values are (the CPU's structural order)
  EXPECT("3", size(c, insert(c, rbind(c, upscale, 2), insert(c, rbind(c, upscale, 3), insert(c, rbind(c, upscale, 2), initset(c, rbind(c, upscale, 1)))))));
  {
    Env e;
    CHECK(compare(rbind(e.c, upscale, 1), rbind(e.c, upscale, 2)) < 0);
  }
  // the product of two symmetries and two distinct upscales, composed, gives four distinct images
  // of an object that is not symmetric (6aa20dc0)
  EXPECT("4", [&]() {
    auto d8 = S<D8Fn>(c, {D8Fn{0, -1}, D8Fn{5, -1}});
    auto ups = Tp(c, std::vector<RBind<upscale_fn, int>>{rbind(c, upscale, 1), rbind(c, upscale, 2), rbind(c, upscale, 1)});
    auto fs = apply(c, fork(c, compose, first, last), product(c, d8, ups));
    return size(c, rapply(c, fs, O(c, {{1, 0, 0}, {2, 0, 1}})));
  }());
  // power may change the type on its first call: the outbox of an object is indices (3befdf3e)
  EXPECT("{(0, 0), (0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1), (2, 2)}", power(c, outbox, 1)(c, O(c, {{1, 1, 1}})));
  EXPECT("16", size(c, power(c, outbox, 2)(c, O(c, {{1, 1, 1}}))));
  EXPECT("1", size(c, initset(c, power(c, outbox, 2))));
  // a corner of an empty patch is Python's (), which equals no point (995c5fa3)
  EXPECT("False", matcher(c, compose(c, ulcorner, rbind(c, ofcolor, 0)), Point{1, 1})(c, G(c, "1 1|1 1")));
  EXPECT("True", matcher(c, compose(c, ulcorner, rbind(c, ofcolor, 0)), Point{1, 1})(c, G(c, "1 1|1 0")));
  EXPECT("False", matcher(c, compose(c, lrcorner, rbind(c, ofcolor, 0)), Point{0, 0})(c, G(c, "1 1|1 0")));
  EXPECT("fail 9", ulcorner(c, rbind(c, ofcolor, 0)(c, G(c, "1 1|1 1"))));  // () itself: the CPU's
}

// Steps are counted in the CPU's units (src/func.rs `call`, src/containers.rs): a call of a function
// value is one step charged by its caller, a composed function calls each part through a step, and
// building a frozenset or a tuple of rows charges nothing beyond what the primitive itself charges.
void test_step_counts() {
  auto steps = [](auto f) {
    Env e;
    f(e.c);
    return e.c.failed() ? -1 : (long long)e.c.steps;
  };
  Env b;
  Tuple<int> t = Ti(b.c, {3, 1, 2, 1});
  // apply: one step per call; a composition: its call, then its inner and outer function (3 each)
  CHECK(steps([&](Ctx& c) { apply(c, invert, t); }) == 4);
  CHECK(steps([&](Ctx& c) { apply(c, compose(c, invert, double_), t); }) == 12);
  CHECK(steps([&](Ctx& c) { apply(c, chain(c, invert, double_, increment), t); }) == 16);
  CHECK(steps([&](Ctx& c) { apply(c, fork(c, add, invert, double_), t); }) == 16);
  CHECK(steps([&](Ctx& c) { apply(c, rbind(c, add, 1), t); }) == 8);
  // power(f, 1) is f itself; power(f, 3) calls f three times, a step each, after its own call
  CHECK(steps([&](Ctx& c) { apply(c, power(c, increment, 1), t); }) == 4);
  CHECK(steps([&](Ctx& c) { apply(c, power(c, increment, 3), t); }) == 16);
  CHECK(steps([&](Ctx& c) { apply(c, power_k<3>(c, increment), t); }) == 16);
  // rapply: one step per function; sfilter and argmax: one per element
  CHECK(steps([&](Ctx& c) { rapply(c, Tp(c, std::vector<invert_fn>{invert, invert}), 1); }) == 2);
  CHECK(steps([&](Ctx& c) { sfilter(c, t, even); }) == 4);
  CHECK(steps([&](Ctx& c) { argmax(c, t, invert); }) == 4);
  // order: the items (check_items), then a call each; the sort itself is free, as a set's is
  CHECK(steps([&](Ctx& c) { order(c, t, invert); }) == 8);
  CHECK(steps([&](Ctx& c) { S<int>(c, {5, 3, 9, 3, 1}); }) == 0);
  // merge: a frozenset of objects counts its cells at once, a tuple of containers each one's
  // items plus one
  CHECK(steps([&](Ctx& c) { merge(c, S<Object>(c, {O(c, {{1, 0, 0}, {1, 0, 1}}), O(c, {{2, 5, 5}})})); }) == 3);
  CHECK(steps([&](Ctx& c) { merge(c, Tp<Tuple<int>>(c, {Ti(c, {1, 2, 3}), Ti(c, {4})})); }) == 6);
  // a tuple is scanned once per element of a frozenset being filtered by it; a 2-tuple of ints is
  // the CPU's point, which is not scanned
  CHECK(steps([&](Ctx& c) { difference(c, Si(c, {1, 2, 3}), Ti(c, {2, 7, 9})); }) == 9);
  CHECK(steps([&](Ctx& c) { contained(c, 2, Ti(c, {2, 7})); }) == 0);
  CHECK(steps([&](Ctx& c) { contained(c, 2, Ti(c, {2, 7, 9})); }) == 3);
  // step_each: the count stops at the first charge past the budget, as a CPU loop's does
  {
    Env e;
    e.c.max_steps = 10;
    CHECK(!e.c.step_each(5, 3) && e.c.status == S_STEPS && e.c.steps == 12);
    CHECK(!e.c.step(1) && e.c.steps == 12);  // nothing more is counted after a failure
  }
  {
    Env e;
    e.c.max_steps = 15;
    CHECK(e.c.step_each(5, 3) && !e.c.failed() && e.c.steps == 15);
  }
}

void test_failures_propagate() {
  // a failed step leaves later primitives harmless
  EXPECT("fail 2", size(c, first(c, Si(c, {}))));
  EXPECT("fail 2", merge(c, apply(c, initset, first(c, S<Object>(c, {})))));
  EXPECT("fail 9", apply(c, invert, O(c, {{1, 0, 0}})));
  EXPECT("fail 9", sfilter(c, 3, even));
}

// Rank-based set operations and merges of runs against std::set on random sets.
void test_random_set_algebra() {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; round++) {
    Env env;
    Ctx& c = env.c;
    int span = 1 + rng() % 60;
    auto rnd = [&](int n) {
      std::vector<int> v;
      for (int k = 0; k < n; k++) v.push_back((int)(rng() % span) - span / 2);
      return v;
    };
    std::vector<int> va = rnd(rng() % 40), vb = rnd(rng() % 40);
    std::set<int> sa(va.begin(), va.end()), sb(vb.begin(), vb.end());
    auto text = [](const std::set<int>& s) {
      std::vector<int> v(s.begin(), s.end());
      Set<int> x{v.data(), (int)v.size()};
      return py(x);
    };
    std::set<int> u = sa, in, d;
    u.insert(sb.begin(), sb.end());
    for (int x : sa) (sb.count(x) ? in : d).insert(x);
    expect(py(combine(c, Si(c, va), Si(c, vb))), text(u), __LINE__, "random union");
    expect(py(intersection(c, Si(c, va), Si(c, vb))), text(in), __LINE__, "random intersection");
    expect(py(difference(c, Si(c, va), Si(c, vb))), text(d), __LINE__, "random difference");
    // merge of R random sets (runs, some empty): few, many, and hundreds of small ones (log R
    // merge passes, odd run counts included)
    int R = 1 + rng() % (round % 3 == 0 ? 3 : round % 3 == 1 ? 40 : 400);
    std::vector<Set<int>> sets;
    std::set<int> all;
    for (int r = 0; r < R; r++) {
      std::vector<int> v = rnd(rng() % (round % 3 == 2 ? 8 : 50));
      all.insert(v.begin(), v.end());
      sets.push_back(Si(c, v));
    }
    Set<Set<int>> outer{sets.data(), (int)sets.size()};  // merge does not need the outer order
    expect(py(merge(c, outer)), text(all), __LINE__, "random merge");
    // Merges of many objects and indices, in a small box (marked by position) or a wide one (merge
    // passes), some with a colour past 9 (no marks); and one big unsorted array (sort_unique).
    int R2 = 1 + rng() % 300, span2 = round % 2 ? 7 : 300, top_colour = round % 5 ? 10 : 13;
    std::vector<Object> objs;
    std::vector<Indices> idxs;
    std::set<std::tuple<int, int, int>> cells;
    std::set<std::pair<int, int>> points;
    std::vector<Cell> pile;
    for (int r = 0; r < R2; r++) {
      std::vector<std::vector<int>> o;
      std::vector<Point> ix;
      for (int q = 0, k = rng() % 6; q < k; q++) {
        int i = (int)(rng() % span2) - 3, j = (int)(rng() % span2), col = (int)(rng() % top_colour);
        o.push_back({col, i, j});
        ix.push_back(Point{i, j});
        cells.insert({i, j, col});
        points.insert({i, j});
        pile.push_back(Cell{i, j, col});
      }
      objs.push_back(O(c, o));
      idxs.push_back(I(c, ix));
    }
    std::vector<Cell> want_cells;
    for (auto& [i, j, col] : cells) want_cells.push_back(Cell{i, j, col});
    std::vector<Point> want_points;
    for (auto& [i, j] : points) want_points.push_back(Point{i, j});
    std::string cells_text = py(Object{want_cells.data(), (int)want_cells.size()});
    expect(py(merge(c, Set<Object>{objs.data(), (int)objs.size()})), cells_text, __LINE__, "object merge");
    expect(py(merge(c, Set<Indices>{idxs.data(), (int)idxs.size()})),
           py(Indices{want_points.data(), (int)want_points.size()}), __LINE__, "indices merge");
    std::shuffle(pile.begin(), pile.end(), rng);
    expect(py(S<Cell>(c, pile)), cells_text, __LINE__, "sorted cells");
    CHECK(!c.failed());
  }
}

// ---- --serve: one request per stdin line, "<prim> <type tags...> <args...>", answered with the
// outcome's Python text (or "fail <status>"); "unknown" for a request without a case ----
namespace tag {
using i = int;
using p = Point;
using x = Cell;
using G = Grid;
using Si = Set<int>;
using Ti = Tuple<int>;
using O = Set<Cell>;
using I = Set<Point>;
using Tx = Tuple<Cell>;
using Tp = Tuple<Point>;
using SO = Set<Set<Cell>>;
using SI = Set<Set<Point>>;
using TSO = Tuple<Set<Cell>>;
using TTi = Tuple<Tuple<int>>;
using STi = Set<Tuple<int>>;
using TG = Tuple<Grid>;
using SG = Set<Grid>;
using Fsize = size_fn;
using Fid = identity_fn;
using Ffirst = first_fn;
using Flast = last_fn;
using Feven = even_fn;
using Finv = invert_fn;
using Fpos = positive_fn;
using Finit = initset_fn;
using Fadd = add_fn;
using Fcomb = combine_fn;
using Fpair = pair_fn;
using Fastuple = astuple_fn;
using Fm1 = Matcher<size_fn, int>;
}  // namespace tag

template <class T> struct Rd;
template <> struct Rd<int> {
  static int get(Ctx&, std::istream& in) {
    int v;
    in >> v;
    return v;
  }
};
template <> struct Rd<Point> {
  static Point get(Ctx&, std::istream& in) {
    Point p;
    in >> p.i >> p.j;
    return p;
  }
};
template <> struct Rd<Cell> {
  static Cell get(Ctx&, std::istream& in) {
    Cell x;
    in >> x.i >> x.j >> x.color;
    return x;
  }
};
template <> struct Rd<Grid> {
  static Grid get(Ctx& c, std::istream& in) {
    int h, w;
    in >> h >> w;
    Grid g = rows_grid(c, h, w);
    for (int k = 0; k < h * w; k++) {
      int v;
      in >> v;
      g.v[k] = (uint8_t)v;
    }
    return g;
  }
};
template <class T> struct Rd<Set<T>> {
  static Set<T> get(Ctx& c, std::istream& in) {
    int n;
    in >> n;
    T* p = alloc<T>(c, n);
    for (int k = 0; k < n; k++) p[k] = Rd<T>::get(c, in);
    return Set<T>{p, n};  // sent in canonical order
  }
};
template <class T> struct Rd<Tuple<T>> {
  static Tuple<T> get(Ctx& c, std::istream& in) {
    int n;
    in >> n;
    T* p = alloc<T>(c, n);
    for (int k = 0; k < n; k++) p[k] = Rd<T>::get(c, in);
    return Tuple<T>{p, n};
  }
};
#define ARC_TEST_FN(T, V) \
  template <> struct Rd<T> { static T get(Ctx&, std::istream&) { return V; } };
ARC_TEST_FN(size_fn, size)
ARC_TEST_FN(identity_fn, identity)
ARC_TEST_FN(first_fn, first)
ARC_TEST_FN(last_fn, last)
ARC_TEST_FN(even_fn, even)
ARC_TEST_FN(invert_fn, invert)
ARC_TEST_FN(positive_fn, positive)
ARC_TEST_FN(initset_fn, initset)
ARC_TEST_FN(add_fn, add)
ARC_TEST_FN(combine_fn, combine)
ARC_TEST_FN(pair_fn, pair)
ARC_TEST_FN(astuple_fn, astuple)
#undef ARC_TEST_FN
template <> struct Rd<tag::Fm1> {
  static tag::Fm1 get(Ctx&, std::istream&) { return tag::Fm1{size, 1}; }
};

using Handler = std::function<std::string(Ctx&, std::istream&)>;
std::map<std::string, Handler>& cases() {
  static std::map<std::string, Handler> m;
  return m;
}
struct Reg {
  Reg(const char* key, Handler h) { cases()[key] = h; }
};
#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define C1(P, A)                                                                             \
  static Reg CAT(reg_, __COUNTER__)(#P " " #A, [](Ctx& c, std::istream& in) {                   \
    auto a = Rd<tag::A>::get(c, in);                                                         \
    return res(c, P(c, a));                                                                  \
  });
#define C2(P, A, B)                                                                          \
  static Reg CAT(reg_, __COUNTER__)(#P " " #A " " #B, [](Ctx& c, std::istream& in) {            \
    auto a = Rd<tag::A>::get(c, in);                                                         \
    auto b = Rd<tag::B>::get(c, in);                                                         \
    return res(c, P(c, a, b));                                                               \
  });
#define C3(P, A, B, D)                                                                       \
  static Reg CAT(reg_, __COUNTER__)(#P " " #A " " #B " " #D, [](Ctx& c, std::istream& in) {     \
    auto a = Rd<tag::A>::get(c, in);                                                         \
    auto b = Rd<tag::B>::get(c, in);                                                         \
    auto d = Rd<tag::D>::get(c, in);                                                         \
    return res(c, P(c, a, b, d));                                                            \
  });

// The cases the Rust test draws from (the same list is in cuda_host_containers.rs).
C2(contained, i, Si) C2(contained, i, Ti) C2(contained, x, O) C2(contained, p, I) C2(contained, p, O)
C2(contained, O, SO) C2(contained, Ti, G) C2(contained, p, G) C2(contained, i, p) C2(contained, I, SI)
C2(contained, i, I)
C2(combine, Si, Si) C2(combine, O, O) C2(combine, I, I) C2(combine, Ti, Ti) C2(combine, G, G)
C2(combine, SO, SO) C2(combine, Si, Ti) C2(combine, Ti, Si) C2(combine, Tx, Tx) C2(combine, O, I)
C2(intersection, Si, Si) C2(intersection, O, O) C2(intersection, I, I) C2(intersection, SO, SO)
C2(intersection, O, I)
C2(difference, Si, Si) C2(difference, O, O) C2(difference, I, I) C2(difference, SO, SO)
C2(difference, O, I) C2(difference, Ti, Ti) C2(difference, Ti, Si) C2(difference, Si, Ti)
C1(dedupe, Ti) C1(dedupe, G) C1(dedupe, Si) C1(dedupe, Tx)
C2(order, Si, Finv) C2(order, Ti, Fid) C2(order, O, Fid) C2(order, SO, Fsize) C2(order, Ti, Feven)
C2(order, G, Ffirst) C2(order, Tx, Fid)
C2(repeat, i, i) C2(repeat, O, i) C2(repeat, G, i) C2(repeat, Ti, i)
C1(size, Si) C1(size, Ti) C1(size, O) C1(size, G) C1(size, p) C1(size, x) C1(size, SO)
C1(merge, SO) C1(merge, SI) C1(merge, TSO) C1(merge, TTi) C1(merge, G) C1(merge, TG) C1(merge, Tp)
C1(merge, I) C1(merge, STi)
C1(maximum, Si) C1(maximum, Ti) C1(maximum, O) C1(maximum, Tx)
C1(minimum, Si) C1(minimum, Ti) C1(minimum, O) C1(minimum, Tx)
C2(valmax, SO, Fsize) C2(valmax, Si, Finv) C2(valmax, Ti, Fid) C2(valmax, O, Fid) C2(valmax, Si, Feven)
C2(valmin, SO, Fsize) C2(valmin, Si, Finv) C2(valmin, Ti, Fid) C2(valmin, O, Fid) C2(valmin, Si, Feven)
C2(argmax, SO, Fsize) C2(argmax, Si, Finv) C2(argmax, Ti, Feven) C2(argmax, O, Fid) C2(argmax, G, Ffirst)
C2(argmin, SO, Fsize) C2(argmin, Si, Finv) C2(argmin, Ti, Feven) C2(argmin, O, Fid) C2(argmin, G, Ffirst)
C1(mostcommon, Ti) C1(mostcommon, Si) C1(mostcommon, Tx) C1(mostcommon, p)
C1(leastcommon, Ti) C1(leastcommon, Si) C1(leastcommon, Tx) C1(leastcommon, p)
C1(initset, i) C1(initset, O) C1(initset, p)
C2(sfilter, Si, Feven) C2(sfilter, Ti, Fpos) C2(sfilter, SO, Fm1) C2(sfilter, G, Ffirst) C2(sfilter, O, Flast)
C2(extract, Si, Feven) C2(extract, SO, Fm1) C2(extract, Ti, Fpos) C2(extract, G, Ffirst)
C2(sizefilter, SO, i) C2(sizefilter, Si, i) C2(sizefilter, O, i) C2(sizefilter, TSO, i) C2(sizefilter, SG, i)
C2(sizefilter, STi, i)
C2(mfilter, SO, Fm1) C2(mfilter, TSO, Fm1)
C1(totuple, Si) C1(totuple, O) C1(totuple, Ti) C1(totuple, G)
C1(first, Si) C1(first, Ti) C1(first, O) C1(first, I) C1(first, SO) C1(first, G) C1(first, p) C1(first, x)
C1(last, Si) C1(last, Ti) C1(last, O) C1(last, I) C1(last, SO) C1(last, G) C1(last, p) C1(last, x)
C2(insert, i, Si) C2(insert, x, O) C2(insert, p, I) C2(insert, O, SO) C2(insert, i, Ti)
C2(remove, i, Si) C2(remove, x, O) C2(remove, p, I) C2(remove, O, SO) C2(remove, i, Ti) C2(remove, Ti, G)
C2(remove, p, G) C2(remove, p, O) C2(remove, x, Tx)
C2(other, Si, i) C2(other, Ti, i) C2(other, SO, O)
C3(interval, i, i, i)
C2(product, Si, Si) C2(product, Ti, Ti) C2(product, Si, I) C2(product, O, Si) C2(product, I, I) C2(product, Ti, p)
C2(pair, Ti, Ti) C2(pair, Ti, I) C2(pair, O, Si) C2(pair, G, G) C2(pair, Si, Ti)
C2(apply, Finv, Si) C2(apply, Fid, Ti) C2(apply, Fsize, SO) C2(apply, Finit, O) C2(apply, Ffirst, G)
C2(apply, Fid, G) C2(apply, Flast, I) C2(apply, Fid, TTi)
C2(mapply, Finit, O) C2(mapply, Fid, SO) C2(mapply, Fid, TSO) C2(mapply, Fid, TTi)
C3(papply, Fadd, Ti, Ti) C3(papply, Fpair, G, G) C3(papply, Fcomb, SO, SO) C3(papply, Fcomb, TTi, TTi)
C3(mpapply, Fcomb, TSO, TSO) C3(mpapply, Fastuple, Ti, Ti)
C3(prapply, Fadd, Si, Si) C3(prapply, Fastuple, Ti, Si)

int serve() {
  std::string line;
  std::vector<uint8_t> mem(4u << 20);
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string prim, tags, t;
    int ntags;
    in >> prim >> ntags;
    tags = prim;
    for (int k = 0; k < ntags; k++) {
      in >> t;
      tags += " " + t;
    }
    auto h = cases().find(tags);
    if (h == cases().end()) {
      std::printf("unknown\n");
      continue;
    }
    Ctx c{mem.data(), 0, mem.size(), S_OK, 0, 0, 1ull << 28};
    std::string out = h->second(c, in);
    std::printf("%s|%llu\n", out.c_str(), (unsigned long long)c.steps);  // and the steps it counted
  }
  return 0;
}

}  // namespace test
}  // namespace arc

namespace arc {
namespace test {
// sort_unique's merge sort (arrays over 256) against std::sort + std::unique, cells with duplicates.
// 2-tuples of any values and tuples of points or cells, as the reference solvers build them (the
// CPU's Value::Tuple and patch_in).
void test_pairs_and_tuple_patches() {
  EXPECT("(4, 8)", astuple(c, 4, 8));
  EXPECT("(1, 0)", astuple(c, true, 0));  // bools are ints: a point
  EXPECT("(2, (1, 1))", astuple(c, 2, Point{1, 1}));  // (int, point) is a cell
  EXPECT("((1, 2), (3, 4))", astuple(c, Point{1, 2}, Point{3, 4}));
  {
    Env e;
    auto p = astuple(e.c, G(e.c, "1 2"), G(e.c, "3"));
    CHECK(p.a.w == 2 && p.b.v[0] == 3 && !e.c.failed());
  }
  // combine of 2-tuples: a 4-tuple; merge of a 2-tuple of containers: their elements in order
  EXPECT("((1, 2), (3, 4), (5, 6), (7, 8))",
         combine(c, astuple(c, Point{1, 2}, Point{3, 4}), astuple(c, Point{5, 6}, Point{7, 8})));
  EXPECT("((0, 0), (0, 1), (2, 2))", merge(c, astuple(c, I(c, {{0, 0}, {0, 1}}), I(c, {{2, 2}}))));
  // apply over a point maps both coordinates
  EXPECT("(0, 4)", apply(c, tojvec, Point{4, 8}).a);
  EXPECT("(5, 9)", apply(c, increment, Point{4, 8}));
  // tuples of points are patches: box, shift, corners as of their frozenset
  EXPECT("{(1, 1), (1, 2), (2, 1), (2, 2)}", box(c, Tp<Point>(c, {{2, 2}, {1, 1}, {2, 2}})));
  EXPECT("{(1, 2), (3, 3)}", shift(c, Tp<Point>(c, {{2, 2}, {0, 1}}), Point{1, 1}));
  EXPECT("(0, 1)", ulcorner(c, astuple(c, Point{2, 2}, Point{0, 1})));
  EXPECT("{(5, (0, 0)), (5, (1, 1))}", recolor(c, 5, Tp<Cell>(c, {Cell{1, 1, 3}, Cell{0, 0, 4}})));
  // fill takes a tuple of locations; paint a tuple of cells, in tuple order where a location repeats
  EXPECT("((7, 0), (0, 7))", fill(c, G(c, "0 0|0 0"), 7, Tp<Point>(c, {{1, 1}, {0, 0}, {1, 1}})));
  EXPECT("((0, 3), (0, 0))", paint(c, G(c, "0 0|0 0"), Tp<Cell>(c, {Cell{0, 1, 3}})));
  EXPECT("((0, 4), (0, 0))", paint(c, G(c, "0 0|0 0"), Tp<Cell>(c, {Cell{0, 1, 3}, Cell{0, 1, 4}})));
  EXPECT("((0, 3), (0, 0))", paint(c, G(c, "0 0|0 0"), Tp<Cell>(c, {Cell{0, 1, 4}, Cell{0, 1, 3}})));
  // symmetries in tuples and sets: one type (D8Fn), called at run time
  EXPECT("(((2, 1),), ((1, 2),), ((2, 1),), ((1, 2),))",
         rapply(c, combine(c, astuple(c, vmirror, hmirror), astuple(c, vmirror, identity)), G(c, "1 2")));
  EXPECT("{((1, 2),), ((2, 1),)}", rapply(c, insert(c, vmirror, initset(c, identity)), G(c, "1 2")));
  EXPECT("((3, 1), (4, 2))", compose(c, vmirror, dmirror)(c, G(c, "1 2|3 4")));
  {
    Env e;
    auto d = compose(e.c, astuple(e.c, vmirror, hmirror).a, astuple(e.c, dmirror, hmirror).a);
    Grid g = d(e.c, G(e.c, "1 2|3 4"));  // vmirror(dmirror(g))
    CHECK(g.v[0] == 3 && g.v[1] == 1 && g.v[2] == 4 && g.v[3] == 2 && !e.c.failed());
  }
}

void test_sort_unique_big() {
  std::mt19937 rng(7);
  for (int n : {2, 200, 257, 300, 1000, 4099}) {
    for (int round = 0; round < 3; round++) {
      Env e;
      std::vector<Cell> v(n);
      for (auto& x : v) x = Cell{(int)(rng() % 9) - 2, (int)(rng() % 7), (int)(rng() % 3)};
      std::vector<Cell> want = v;
      std::sort(want.begin(), want.end());
      want.erase(std::unique(want.begin(), want.end()), want.end());
      int kept = sort_unique(e.c, v.data(), n);
      checks++;
      if (e.c.failed() || kept != (int)want.size() || !std::equal(want.begin(), want.end(), v.begin())) {
        std::printf("FAIL sort_unique n=%d round %d: kept %d of %zu\n", n, round, kept, want.size());
        failures++;
      }
    }
  }
}
}  // namespace test
}  // namespace arc

int main(int argc, char** argv) {
  using namespace arc::test;
  if (argc > 1 && std::string(argv[1]) == "--serve") return serve();
  if (argc > 1 && std::string(argv[1]) == "--cases") {
    for (auto& kv : cases()) std::printf("%s\n", kv.first.c_str());
    return 0;
  }
  test_sort_unique_big();
  test_pairs_and_tuple_patches();
  test_membership();
  test_set_algebra();
  test_tuples();
  test_sizes_and_elements();
  test_extremes();
  test_filters();
  test_merge_product();
  test_apply_family();
  test_function_values();
  test_step_counts();
  test_failures_propagate();
  test_random_set_algebra();
  if (failures) {
    std::printf("%d of %d check(s) failed\n", failures, checks);
    return 1;
  }
  std::printf("containers: all %d checks passed\n", checks);
  return 0;
}
