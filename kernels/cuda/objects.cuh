// Segmentation (mirror of src/objects.rs): objects, partition, fgpartition, frontiers, occurrences.
//
// A set of objects is built from a label per grid cell: the smallest cell index of the cell's group
// (or -1 for cells in no object). Cells are listed in raster order and groups in the order of their
// labels, which is exactly the canonical order (cells sorted; disjoint objects ordered by their first
// cell), so nothing is sorted.
#pragma once
#include "value.cuh"
#include "grids.cuh"
namespace arc {
namespace objects_detail {

// Exclusive prefix sums of a[0..n) in place; every lane gets the total.
ARC_DEVICE int exclusive_scan(int* a, int n) {
  int carry = 0;
#ifdef __CUDACC__
  int lane = threadIdx.x & 31;
  for (int k0 = 0; k0 < n; k0 += 32) {
    int k = k0 + lane;
    int v = k < n ? a[k] : 0, x = v;
    for (int o = 1; o < 32; o <<= 1) {
      int y = __shfl_up_sync(0xffffffffu, x, o);
      if (lane >= o) x += y;
    }
    if (k < n) a[k] = carry + x - v;
    carry += __shfl_sync(0xffffffffu, x, 31);
  }
  __syncwarp();
#else
  for (int k = 0; k < n; k++) {
    int v = a[k];
    a[k] = carry;
    carry += v;
  }
#endif
  return carry;
}

// For every k < n in order with key(k) >= 0: rank[k] = how many earlier k had the same key, and
// tally[key] counts them (zeroed by the caller). Equal keys within 32 lanes meet by __match_any_sync.
template <class Key>
ARC_DEVICE void rank_by_key(int n, Key key, int* rank, int* tally) {
#ifdef __CUDACC__
  int lane = threadIdx.x & 31;
  for (int k0 = 0; k0 < n; k0 += 32) {
    int k = k0 + lane;
    int q = k < n ? key(k) : -1;
    unsigned peers = __match_any_sync(0xffffffffu, q);
    int before = __popc(peers & ((1u << lane) - 1u));
    int base = q >= 0 ? tally[q] : 0;
    __syncwarp();
    if (q >= 0) {
      rank[k] = base + before;
      if (before == 0) tally[q] = base + __popc(peers);
    }
    __syncwarp();
  }
#else
  for (int k = 0; k < n; k++) {
    int q = key(k);
    if (q >= 0) rank[k] = tally[q]++;
  }
#endif
}

// Output space reserved before any scratch, so that the scratch can be given back at the end:
// `objs` has room for one object per cell and is shrunk to the object count.
struct Reserved {
  Cell* cells;
  Object* objs;
  uint8_t* mark;
};
ARC_DEVICE Reserved reserve(Ctx& c, int cells) {
  Reserved r;
  r.cells = alloc<Cell>(c, cells);
  r.mark = arena_top(c);
  r.objs = alloc<Object>(c, cells);
  return r;
}

// The objects of the labelled grid (see the file comment), written into r.
ARC_DEVICE Set<Object> build(Ctx& c, Grid g, const int* label, Reserved r) {
  int n = g.h * g.w;
  int* root_rank = alloc<int>(c, n);
  int* cell_rank = alloc<int>(c, n);
  int* tally = alloc<int>(c, n + 1);
  if (!r.cells || !r.objs || !tally) return Set<Object>{nullptr, 0};
#ifndef __CUDACC__
  // One thread, the same scratch: sizes by root and roots numbered in one pass (a root is its
  // object's first cell, so it comes before the object's other cells), then each cell written at
  // its object's cursor in raster order, with no division per cell.
  int m = 0;
  for (int k = 0; k < n; k++) tally[k] = 0;
  for (int k = 0; k < n; k++) {
    if (label[k] < 0) continue;
    if (label[k] == k) root_rank[k] = m++;
    tally[label[k]]++;
  }
  int* start = alloc<int>(c, m + 1);
  if (!start) return Set<Object>{nullptr, 0};
  int total = 0;
  for (int k = 0; k < n; k++) {
    if (label[k] != k) continue;
    start[root_rank[k]] = total;
    cell_rank[k] = total;  // the root's cursor
    total += tally[k];
  }
  start[m] = total;
  for (int i = 0, k = 0; i < g.h; i++) {
    for (int j = 0; j < g.w; j++, k++) {
      if (label[k] >= 0) r.cells[cell_rank[label[k]]++] = Cell{i, j, g.v[k]};
    }
  }
  for (int q = 0; q < m; q++) r.objs[q] = Object{r.cells + start[q], start[q + 1] - start[q]};
  shrink_last(c, r.objs, m);  // drop the scratch
  return Set<Object>{r.objs, m};
#else
  ARC_FOR(k, n + 1) tally[k] = 0;
  ARC_SYNC();
  rank_by_key(n, [&](int k) { return label[k] == k ? n : -1; }, root_rank, tally);  // object order
  int m = tally[n];
  rank_by_key(n, [&](int k) { return label[k]; }, cell_rank, tally);  // tally[root]: object size
  int* start = alloc<int>(c, m + 1);
  if (!start) return Set<Object>{nullptr, 0};
  ARC_FOR(k, n) if (label[k] == k) start[root_rank[k]] = tally[k];
  ARC_SYNC();
  int total = exclusive_scan(start, m);
  start[m] = total;  // every lane writes the same
  ARC_SYNC();
  ARC_FOR(k, n) {
    if (label[k] >= 0) r.cells[start[root_rank[label[k]]] + cell_rank[k]] = Cell{k / g.w, k % g.w, g.v[k]};
  }
  ARC_FOR(q, m) r.objs[q] = Object{r.cells + start[q], start[q + 1] - start[q]};
  ARC_SYNC();
  shrink_last(c, r.objs, m);  // drop the scratch
  return Set<Object>{r.objs, m};
#endif
}

// Cells of the grid not of colour bg (-1: all).
ARC_DEVICE int count_not(Grid g, int bg) {
  int m = 0;
  ARC_FOR(k, g.h * g.w) m += g.v[k] != bg;
  return warp_sum(m);
}

// partition (bg = -1) / fgpartition: one object per colour; its label is the colour's first cell.
ARC_DEVICE Set<Object> by_color(Ctx& c, Grid g, bool fg) {
  if (c.failed()) return Set<Object>{nullptr, 0};
  // no cells: mostcolor fails, as palette(grid) - {mostcolor} (uncounted, as the CPU's)
  int bg = fg ? grids_detail::pick_color(c, grids_detail::colors_of(g), true) : -1;
  int n = g.h * g.w;
  if (c.failed() || n == 0) return Set<Object>{nullptr, 0};
  // the CPU's count: the cells, then the cells of the objects
  int cells = count_not(g, bg);
  if (!c.step(n) || !c.step(cells)) return Set<Object>{nullptr, 0};
  Reserved r = reserve(c, cells);
  int top = 0;
  ARC_FOR(k, n) top = g.v[k] > top ? g.v[k] : top;
  top = warp_max(top);
  int* first = alloc<int>(c, top + 1);
  int* label = alloc<int>(c, n);
  if (!label) return Set<Object>{nullptr, 0};
  for (int col = 0; col <= top; col++) {
    int f = INT32_MAX;
    ARC_FOR(k, n) if (g.v[k] == col && k < f) f = k;
    first[col] = warp_min(f);  // every lane writes the same
  }
  ARC_SYNC();
  ARC_FOR(k, n) label[k] = g.v[k] == bg ? -1 : first[g.v[k]];
  ARC_SYNC();
  return build(c, g, label, r);
}

}  // namespace objects_detail

// Connected components: 4- or 8-neighbours (diagonal), of one colour (univalued) or of any colours
// but the background (the most common colour, ties to the smallest) when without_bg, else of any.
// On the GPU, min-label propagation with pointer jumping until no lane changes a label; on the host,
// a flood fill that gives the same labels.
ARC_PRIM(objects)
struct objects_fn {
  ARC_HEAVY Set<Object> operator()(Ctx& c, Grid g, bool univalued, bool diagonal, bool without_bg) const {
    if (c.failed()) return Set<Object>{nullptr, 0};
    int n = g.h * g.w;
    if (without_bg && n == 0) { c.fail(S_EMPTY); return Set<Object>{nullptr, 0}; }  // mostcolor
    if (g.h == 0) { c.fail(S_INDEX); return Set<Object>{nullptr, 0}; }              // len(grid[0])
    if (n == 0) return Set<Object>{nullptr, 0};
    int bg = without_bg ? grids_detail::pick_color(c, grids_detail::colors_of(g), true) : -1;
    if (c.failed()) return Set<Object>{nullptr, 0};
    // the CPU's count: each cell's neighbours looked at, then the cells of the objects
    int cells = objects_detail::count_not(g, bg);
    if (!c.step((uint64_t)n * (diagonal ? 8 : 4)) || !c.step(cells)) return Set<Object>{nullptr, 0};
    objects_detail::Reserved r = objects_detail::reserve(c, cells);
    int* label = alloc<int>(c, n);
    if (!label) return Set<Object>{nullptr, 0};
    int h = g.h, w = g.w;
#ifndef __CUDACC__
    // One thread: a flood fill from each unlabelled cell in raster order, so each component's label
    // is its first cell, as the propagation below gives. `n` marks a cell not reached yet; the stack
    // is given back before `build`, whose scratch is larger, so the arena's peak does not change.
    for (int k = 0; k < n; k++) label[k] = g.v[k] == bg ? -1 : n;
    uint8_t* mark = arena_top(c);
    int* stack = alloc<int>(c, n);
    if (!stack) return Set<Object>{nullptr, 0};
    for (int seed = 0; seed < n; seed++) {
      if (label[seed] != n) continue;
      label[seed] = seed;
      int top = 0, v = g.v[seed];
      stack[top++] = seed;
      while (top > 0) {
        int k = stack[--top], i = k / w, j = k % w;
        for (int di = -1; di <= 1; di++) {
          int a = i + di;
          if (a < 0 || a >= h) continue;
          for (int dj = -1; dj <= 1; dj++) {
            int b = j + dj;
            if ((di == 0 && dj == 0) || (!diagonal && di != 0 && dj != 0) || b < 0 || b >= w) continue;
            int q = a * w + b;
            if (label[q] == n && (!univalued || g.v[q] == v)) {
              label[q] = seed;
              stack[top++] = q;
            }
          }
        }
      }
    }
    release(c, mark);
#else
    ARC_FOR(k, n) label[k] = g.v[k] == bg ? -1 : k;
    ARC_SYNC();
    for (;;) {
      bool changed = false;
      ARC_FOR(k, n) {
        int l = label[k];
        if (l < 0) continue;
        int i = k / w, j = k % w, v = g.v[k], best = l;
        for (int di = -1; di <= 1; di++) {
          for (int dj = -1; dj <= 1; dj++) {
            if ((di == 0 && dj == 0) || (!diagonal && di != 0 && dj != 0)) continue;
            int a = i + di, b = j + dj;
            if (a < 0 || b < 0 || a >= h || b >= w) continue;
            int q = a * w + b, lq = label[q];
            if (lq >= 0 && lq < best && (!univalued || g.v[q] == v)) best = lq;
          }
        }
        int jump = label[best];  // best is a cell of this component: its label is smaller still
        if (jump >= 0 && jump < best) best = jump;
        if (best < l) {
          label[k] = best;
          changed = true;
        }
      }
      ARC_SYNC();
      if (!warp_any(changed)) break;
    }
#endif
    return objects_detail::build(c, g, label, r);
  }
  ARC_UNSUPPORTED
};
ARC_VAR objects_fn objects{};

ARC_PRIM(partition)
struct partition_fn {
  ARC_HEAVY Set<Object> operator()(Ctx& c, Grid g) const { return objects_detail::by_color(c, g, false); }
  ARC_UNSUPPORTED
};
ARC_VAR partition_fn partition{};

ARC_PRIM(fgpartition)
struct fgpartition_fn {
  ARC_HEAVY Set<Object> operator()(Ctx& c, Grid g) const { return objects_detail::by_color(c, g, true); }
  ARC_UNSUPPORTED
};
ARC_VAR fgpartition_fn fgpartition{};

// Rows, then columns, of a single colour as objects. Built as [row 0], columns, other rows, which is
// the canonical order except for grids of one row or column; sort_unique settles those (and the
// 1x1 grid, whose row and column are the same object).
ARC_PRIM(frontiers)
struct frontiers_fn {
  ARC_HEAVY Set<Object> operator()(Ctx& c, Grid g) const {
    if (c.failed()) return Set<Object>{nullptr, 0};
    if (g.h == 0) { c.fail(S_INDEX); return Set<Object>{nullptr, 0}; }  // len(grid[0])
    int h = g.h, w = g.w;
    if (!c.step((uint64_t)h * w)) return Set<Object>{nullptr, 0};  // the CPU's scan
    int* rows = alloc<int>(c, h);
    int* cols = alloc<int>(c, w);
    if (!rows || !cols) return Set<Object>{nullptr, 0};
    int nr = grids_detail::gen_compact(
        rows, h,
        [&](int i) {
          bool one = w > 0;
          for (int j = 1; j < w && one; j++) one = g.v[i * w + j] == g.v[i * w];
          return one;
        },
        [](int i) { return i; });
    int nc = grids_detail::gen_compact(
        cols, w,
        [&](int j) {
          bool one = true;
          for (int i = 1; i < h && one; i++) one = g.v[i * w + j] == g.v[j];
          return one;
        },
        [](int j) { return j; });
    int m = nr + nc;
    if ((int64_t)nr * w + (int64_t)nc * h > (1 << 20)) { c.fail(S_LIMIT); return Set<Object>{nullptr, 0}; }
    if (!c.step((uint64_t)nr * w + (uint64_t)nc * h)) return Set<Object>{nullptr, 0};
    Object* objs = alloc<Object>(c, m);
    Cell* cells = alloc<Cell>(c, (int64_t)nr * w + (int64_t)nc * h);
    if (!objs || !cells) return Set<Object>{nullptr, 0};
    ARC_FOR(t, nr * w) {
      int i = rows[t / w], j = t % w;
      cells[t] = Cell{i, j, g.v[i * w + j]};
    }
    ARC_FOR(t, nc * h) {
      int i = t % h, j = cols[t / h];
      cells[nr * w + t] = Cell{i, j, g.v[i * w + j]};
    }
    int lead = nr > 0 && rows[0] == 0;
    ARC_FOR(q, m) {
      if (q < lead) objs[q] = Object{cells, w};
      else if (q < lead + nc) objs[q] = Object{cells + nr * w + (q - lead) * h, h};
      else objs[q] = Object{cells + (q - nc) * w, w};
    }
    ARC_SYNC();
    return Set<Object>{objs, sort_unique(c, objs, m)};
  }
  ARC_UNSUPPORTED
};
ARC_VAR frontiers_fn frontiers{};

// Upper-left corners where the normalized object lies on the grid with every colour equal.
ARC_PRIM(occurrences)
struct occurrences_fn {
  ARC_HEAVY Indices operator()(Ctx& c, Grid g, Object o) const {
    if (c.failed()) return Indices{nullptr, 0};
    if (g.h == 0) { c.fail(S_INDEX); return Indices{nullptr, 0}; }  // len(grid[0])
    Bounds b = bounds(o);
    int64_t oh = o.n ? (int64_t)b.bottom - b.top + 1 : 0, ow = o.n ? (int64_t)b.right - b.left + 1 : 0;
    int64_t h2 = g.h - oh + 1, w2 = g.w - ow + 1;
    if (h2 <= 0 || w2 <= 0) return Indices{nullptr, 0};
    if (h2 * w2 > (1 << 20)) { c.fail(S_LIMIT); return Indices{nullptr, 0}; }  // the CPU's check_items
    int n = (int)(h2 * w2);
    if (o.n == 0 && !c.step(n)) return Indices{nullptr, 0};  // the CPU's every position
    uint8_t* mark = arena_top(c);
    Point* out = alloc<Point>(c, n);
    int* work = alloc<int>(c, n);  // cells compared at each position, up to the first mismatch
    if (!out || !work) return Indices{nullptr, 0};
    // A filled box of one colour, its cells in raster order (a64e4611 searches hundreds per sample):
    // each grid cell's run of that colour to the right, capped at the box's width, gives the first
    // mismatch in a row of the box, and the rows from a cell down whose runs are that long (`down`)
    // give the first row that has one, so a position costs two reads instead of a read per cell
    // (the same work counted: the cells up to the first mismatch). Only where the arena's chunk has
    // room for both tables, so that no new allocation can fail where the cell-by-cell search does
    // not; and only where the positions times the box's rows outweigh the tables' two passes.
    int *runs = nullptr, *down = nullptr;
    if (o.n >= 2 && ow >= 2 && (int64_t)n * oh >= 2 * (int64_t)g.h * g.w) {
      int odd = 0;
      ARC_FOR(k, o.n) {
        Cell x = o.it[k];
        odd += x.color != o.it[0].color || x.i - b.top != k / (int)ow || x.j - b.left != k % (int)ow;
      }
      uint64_t bytes = ((uint64_t)g.h * g.w * sizeof(int) + 15) & ~uint64_t(15);
      if (warp_sum(odd) == 0 && o.n == oh * ow && 2 * bytes <= c.cap - c.used) {
        runs = alloc<int>(c, (uint64_t)g.h * g.w);
        down = alloc<int>(c, (uint64_t)g.h * g.w);
      }
    }
    if (runs && down) {
      int col = o.it[0].color, cap = (int)ow;
      ARC_FOR(i, g.h) {
        int run = 0;
        for (int j = g.w - 1; j >= 0; j--) {
          run = g.v[i * g.w + j] == col ? (run < cap ? run + 1 : cap) : 0;
          runs[i * g.w + j] = run;
        }
      }
      ARC_SYNC();
      ARC_FOR(j, g.w) {
        int rows = 0;
        for (int i = g.h - 1; i >= 0; i--) {
          rows = runs[i * g.w + j] == cap ? rows + 1 : 0;
          down[i * g.w + j] = rows;
        }
      }
      ARC_SYNC();
    }
    int m;
    if (runs && down) {
      const int W = g.w, W2 = (int)w2, OH = (int)oh, OW = (int)ow, N = o.n;
      const int *rn = runs, *dn = down;
      int* wk = work;
      m = grids_detail::gen_compact(
          out, n,
          [=](int t) {
            int i = t / W2, p = t - i * W2 + i * W;
            int a = dn[p];
            if (a >= OH) { wk[t] = N; return true; }
            wk[t] = a * OW + rn[p + a * W] + 1;  // row a: inside the grid (a < oh)
            return false;
          },
          [=](int t) { return Point{t / W2, t % W2}; });
    } else {
      m = grids_detail::gen_compact(
        out, n,
        [&](int t) {
          int i = t / (int)w2, j = t % (int)w2;
          for (int k = 0; k < o.n; k++) {
            Cell x = o.it[k];
            int a = x.i - b.top + i, bb = x.j - b.left + j;  // inside the grid: oh <= h, ow <= w
            if (g.v[a * g.w + bb] != x.color) { work[t] = k + 1; return false; }
          }
          work[t] = o.n;
          return true;
        },
        [&](int t) { return Point{t / (int)w2, t % (int)w2}; });
    }
    ARC_SYNC();
    // Counted as the CPU counts, row of positions by row: one per position plus the cells compared.
    for (int i = 0; i < (int)h2; i++) {
      int row = 0;
      ARC_FOR(j, (int)w2) row += work[i * (int)w2 + j];
      if (!c.step((uint64_t)w2 + warp_sum(row))) return Indices{nullptr, 0};
    }
    grids_detail::shrink(c, mark, out, m);
    return Indices{out, m};
  }
  // Indices have no colours: Python raises as soon as it tries an offset, so only an empty patch
  // or one taller or wider than the grid (no offset to try) gives a result.
  ARC_HEAVY Indices operator()(Ctx& c, Grid g, Indices p) const {
    if (c.failed() || p.n == 0) return (*this)(c, g, Object{nullptr, 0});
    if (g.h == 0) { c.fail(S_INDEX); return Indices{nullptr, 0}; }
    Bounds b = bounds(p);
    if ((int64_t)b.bottom - b.top >= g.h || (int64_t)b.right - b.left >= g.w) return Indices{nullptr, 0};
    c.fail(S_TYPE);
    return Indices{nullptr, 0};
  }
  ARC_UNSUPPORTED
};
ARC_VAR occurrences_fn occurrences{};

}  // namespace arc
