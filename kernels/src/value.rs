//! The DSL's values on the CPU: one `Copy` enum whose containers live in the per-sample arena of a
//! [`Ctx`]. Mirrors `cuda/value.cuh`, where the same kinds are static C++ types.
//!
//! Python's dynamic containers are modelled by *canonical* representations, so that values that are
//! equal in Python are equal here and compare with the same total order on CPU and GPU:
//! - a 2-tuple of integers is always [`Value::Point`], a `(colour, (i, j))` tuple always [`Value::Cell`];
//! - a non-empty frozenset of cells is always [`Value::Object`], of points always [`Value::Indices`],
//!   anything else (including *the* empty frozenset) is [`Value::Set`];
//! - every frozenset is stored sorted by the canonical order below and without duplicates, which is
//!   the iteration order of `first`, `last`, `totuple`, `apply`... on CPU and GPU alike;
//! - a grid is [`Value::Grid`]; a tuple of equal-length integer rows is accepted wherever a grid is,
//!   and a grid is a tuple of rows wherever a tuple is (Python sees no difference).
//!
//! Canonical order (total): `None` < numbers (`Bool` as 0/1) < tuples (`Point`, `Cell`, `Tuple`,
//! `Grid`, compared element-wise as Python does, shorter first) < frozensets (element-wise over
//! their sorted elements, shorter first) < functions. Cells are the exception inside tuples: a cell is
//! ordered by `(i, j, colour)`, i.e. raster order, so objects list their cells row by row, and all
//! cells come before the other tuples (mixing the two orders would make the order cyclic; typed GPU
//! code never compares a cell with another kind of tuple).

use std::cell::{Cell as Slot, RefCell};
use std::cmp::Ordering;
use std::fmt;

use bumpalo::collections::Vec as BVec;
use bumpalo::Bump;

use crate::Prim;

/// An integer pair `(i, j)`: Python's `IntegerTuple` (locations, offsets, dimensions).
pub type Point = (i32, i32);

/// One cell of an object: Python's `(colour, (i, j))`. Ordered by `(i, j, colour)` (raster order).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[repr(C)]
pub struct Cell {
    pub i: i32,
    pub j: i32,
    pub color: i32,
}

impl Cell {
    pub const fn new(color: i32, (i, j): Point) -> Self {
        Cell { i, j, color }
    }
    pub const fn loc(&self) -> Point {
        (self.i, self.j)
    }
}

impl Cell {
    /// `(i, j)` as one unsigned key with the same order (each coordinate offset to unsigned), so
    /// that raster order is one integer comparison.
    #[inline]
    fn raster_key(&self) -> u64 {
        point_key((self.i, self.j))
    }
}

/// A point as one unsigned key ordered like `(i, j)`.
#[inline]
fn point_key((i, j): Point) -> u64 {
    (((i as u32) ^ 0x8000_0000) as u64) << 32 | ((j as u32) ^ 0x8000_0000) as u64
}

impl Ord for Cell {
    #[inline]
    fn cmp(&self, o: &Self) -> Ordering {
        self.raster_key().cmp(&o.raster_key()).then(self.color.cmp(&o.color))
    }
}
impl PartialOrd for Cell {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

/// A rectangular grid of colours, row-major, `h * w` bytes in the arena. Either side may be 0
/// (Python's `()` or `((), ())` after a crop); colours of intermediate grids are plain integers
/// 0..=255 here, 0..=9 in tasks.
#[derive(Clone, Copy)]
pub struct Grid<'a> {
    pub h: u32,
    pub w: u32,
    pub cells: &'a [u8],
}

impl<'a> Grid<'a> {
    #[inline]
    pub fn at(&self, i: i32, j: i32) -> u8 {
        self.cells[i as usize * self.w as usize + j as usize]
    }
    #[inline]
    pub fn contains(&self, (i, j): Point) -> bool {
        // A negative coordinate is past 2^31 as u32, beyond any grid's side: two compares.
        (i as u32) < self.h && (j as u32) < self.w
    }
    #[inline]
    pub fn row(&self, i: usize) -> &'a [u8] {
        let w = self.w as usize;
        &self.cells[i * w..i * w + w]
    }
}

/// A callable DSL value: a primitive by name, or a function built by `lbind`, `compose`, a closure...
#[derive(Clone, Copy)]
pub enum Callable<'a> {
    Prim(Prim),
    Func(&'a FuncData<'a>),
}

/// The body of a solver-written closure: receives its arguments as a slice.
pub type ClosureBody<'a> = dyn Fn(&'a Ctx, &[Value<'a>]) -> Value<'a> + 'a;

/// A closure body stored with its sample lifetime erased from the argument types, so that
/// `Value<'a>` stays covariant in `'a` (constants are `Value<'static>` and must shorten to any
/// sample's lifetime). Only [`closure`](crate::func::closure) creates it and only
/// [`call`](crate::func::call) calls it, always restoring one lifetime `'a` for context, arguments
/// and result together.
pub type ErasedBody<'a> = dyn Fn(&'static Ctx, &[Value<'static>]) -> Value<'static> + 'a;

/// A function value built at run time (arena-allocated, referenced by `Value::Fn`). Its data and
/// order belong to the value model; building and calling it is [`crate::func`]'s.
#[derive(Clone, Copy)]
pub enum FuncData<'a> {
    /// `lbind(function, fixed)`: `fixed` goes first.
    LBind(Value<'a>, Value<'a>),
    /// `rbind(function, fixed)`: `fixed` goes last.
    RBind(Value<'a>, Value<'a>),
    /// `compose(outer, inner)`: `outer(inner(x))`.
    Compose(Value<'a>, Value<'a>),
    /// `chain(h, g, f)`: `h(g(f(x)))`.
    Chain(Value<'a>, Value<'a>, Value<'a>),
    /// `fork(outer, a, b)`: `outer(a(x), b(x))`.
    Fork(Value<'a>, Value<'a>, Value<'a>),
    /// `matcher(function, target)`: `function(x) == target`.
    Matcher(Value<'a>, Value<'a>),
    /// `power(function, n)`: `function` applied `n >= 2` times.
    Power(Value<'a>, i32),
    /// A closure written in a solver, with its parameter count.
    Closure(usize, &'a ErasedBody<'a>),
}

impl FuncData<'_> {
    fn rank(&self) -> u8 {
        match self {
            FuncData::LBind(..) => 0,
            FuncData::RBind(..) => 1,
            FuncData::Compose(..) => 2,
            FuncData::Chain(..) => 3,
            FuncData::Fork(..) => 4,
            FuncData::Matcher(..) => 5,
            FuncData::Power(..) => 6,
            FuncData::Closure(..) => 7,
        }
    }
}

/// Total order of callables, so that sets of functions are canonical too: primitives by table
/// order, then built functions by kind and parts; closures by identity.
pub fn cmp_callables(a: &Callable, b: &Callable) -> Ordering {
    match (a, b) {
        (Callable::Prim(x), Callable::Prim(y)) => x.cmp(y),
        (Callable::Prim(_), Callable::Func(_)) => Ordering::Less,
        (Callable::Func(_), Callable::Prim(_)) => Ordering::Greater,
        (Callable::Func(x), Callable::Func(y)) => {
            let o = x.rank().cmp(&y.rank());
            if o != Ordering::Equal {
                return o;
            }
            use FuncData::*;
            match (**x, **y) {
                (LBind(f, p), LBind(g, q))
                | (RBind(f, p), RBind(g, q))
                | (Compose(f, p), Compose(g, q))
                | (Matcher(f, p), Matcher(g, q)) => cmp_values(&f, &g).then_with(|| cmp_values(&p, &q)),
                (Chain(f, p, r), Chain(g, q, s)) | (Fork(f, p, r), Fork(g, q, s)) => {
                    cmp_values(&f, &g).then_with(|| cmp_values(&p, &q)).then_with(|| cmp_values(&r, &s))
                }
                (Power(f, n), Power(g, m)) => cmp_values(&f, &g).then(n.cmp(&m)),
                (Closure(_, f), Closure(_, g)) => {
                    (f as *const ErasedBody as *const u8).cmp(&(g as *const ErasedBody as *const u8))
                }
                _ => Ordering::Equal,
            }
        }
    }
}

/// Every DSL value. `Copy`: containers are slices borrowed from the sample's arena.
#[derive(Clone, Copy)]
pub enum Value<'a> {
    /// Python's `None` (what `index` returns off the grid).
    None,
    Bool(bool),
    Int(i32),
    Point(Point),
    Cell(Cell),
    Grid(Grid<'a>),
    /// Non-empty, sorted, unique cells.
    Object(&'a [Cell]),
    /// Non-empty, sorted, unique points.
    Indices(&'a [Point]),
    /// Any other frozenset, sorted and unique; the empty frozenset is always `Set(&[])`.
    Set(&'a [Value<'a>]),
    /// A Python tuple other than a point, a cell or a grid.
    Tuple(&'a [Value<'a>]),
    Fn(Callable<'a>),
}

/// Why a sample stopped: the Python reference would have raised (or, for `Limit`/`Steps`, would have
/// run past arcforge's documented bounds).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FailKind {
    /// A value of the wrong kind for the primitive (Python's TypeError/AttributeError).
    Type,
    /// No element where one is needed: `first`, `argmax`, `extract`, `mostcolor` of an empty container.
    Empty,
    /// An index outside a container (IndexError).
    Index,
    /// Integer division by zero.
    ZeroDivision,
    /// An integer result outside i32.
    Overflow,
    /// A grid or container larger than [`Limits`] allows.
    Limit,
    /// More work than the step budget allows (runaway `power`, huge products...).
    Steps,
    /// The GPU ran out of arena (never produced on the CPU; the runtime redoes such samples).
    Arena,
}

impl FailKind {
    pub fn code(self) -> u32 {
        self as u32 + 1
    }
    pub fn from_code(code: u32) -> Option<Self> {
        use FailKind::*;
        [Type, Empty, Index, ZeroDivision, Overflow, Limit, Steps, Arena]
            .get((code as usize).wrapping_sub(1))
            .copied()
    }
    /// What happened, in words: the start of every failure message (`"empty container in first"`).
    pub fn text(self) -> &'static str {
        match self {
            FailKind::Type => "wrong kind of value",
            FailKind::Empty => "empty container",
            FailKind::Index => "index out of range",
            FailKind::ZeroDivision => "division by zero",
            FailKind::Overflow => "integer overflow",
            FailKind::Limit => "size limit exceeded",
            FailKind::Steps => "step limit exceeded",
            FailKind::Arena => "GPU arena exhausted",
        }
    }
    /// Whether every device fails this sample alike: Python raising, the size limit that the CPU
    /// and the CUDA share, or the step budget (the CUDA counts the CPU's steps at the same points,
    /// `tests/cuda_host_parity.rs`), when the device's budget is the CPU's; not the GPU's arena.
    pub fn is_verdict(self) -> bool {
        !matches!(self, FailKind::Arena)
    }
}

/// A primitive's failure: what happened and in which primitive.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Fail {
    pub kind: FailKind,
    pub what: &'static str,
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} in {}", self.kind.text(), self.what)
    }
}

pub type Res<'a> = Result<Value<'a>, Fail>;

/// Builds a `Fail` for `?`.
pub fn fail<T>(kind: FailKind, what: &'static str) -> Result<T, Fail> {
    Err(Fail { kind, what })
}

/// Bounds that keep one sample from taking the machine; the same numbers are compiled into the CUDA.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest grid (cells) any primitive may build.
    pub max_grid_cells: usize,
    /// Largest container any primitive may build.
    pub max_items: usize,
    /// Work units (roughly: elements touched, function calls) per sample. The default, 2^23, is
    /// about 0.1–0.3 s on one core and 3.8x the most any of the 400 ARC-AGI-1 training solvers needs
    /// on its own task (a64e4611: 2.2M); on foreign inputs a few solvers would run for seconds
    /// (d22278a0 is quadratic in objects times cells), which this bound turns into a flagged error.
    pub max_steps: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_grid_cells: 1 << 20, max_items: 1 << 20, max_steps: 1 << 23 }
    }
}

/// The per-sample context: arena, failure status and step budget. One per worker thread, reset
/// between samples (no allocation in steady state).
pub struct Ctx {
    arena: Bump,
    status: Slot<Option<Fail>>,
    steps: Slot<u64>,
    pub limits: Limits,
    /// Tables that `occurrences` derives from one grid, kept for the next call on that grid (one
    /// grid is searched for many objects: `lbind(occurrences, I)`).
    grid_tables: RefCell<GridTables>,
    /// Costly calls of built functions in this sample, for a repeat on the same arguments
    /// ([`Memo`]).
    memo: RefCell<Memo>,
    /// The function whose call each memo slot holds (0: none), outside the `RefCell`: read on every
    /// call of a fork.
    pub(crate) memo_funcs: [Slot<usize>; Memo::SLOTS],
    /// A bitmap of the last large set of points looked into twice ([`PointMask`]).
    point_mask: RefCell<PointMask>,
    /// The last grid whose most common colour was counted (its cells' address and length) and that
    /// colour: `objects(I, T, F, T)`, `fgpartition(I)`, `cover(I, ...)` and `mostcolor(I)` of one
    /// sample often count the same grid. A sample's values are never changed or freed before
    /// [`Ctx::reset`], which forgets it.
    pub(crate) last_bg: Slot<(usize, usize, Option<u8>)>,
}

/// A bitmap of one large frozenset of points over its bounding box, for `difference` and
/// `intersection` of smaller sets against it: a lookup per point instead of a galloping search
/// (6cf79266 takes the difference of a 3x3 shape, shifted to every cell of a colour, against all
/// cells of that colour). The set is named by its slice (address and length): a sample's values
/// are never changed or freed before [`Ctx::reset`], which forgets the mask. A set is only mapped
/// on its second look in a row (one look costs less than a map), and not where its box is much
/// larger than the set.
#[derive(Default)]
pub struct PointMask {
    /// The set mapped in `bits` (address, length); `(0, 0)`: none.
    key: (usize, usize),
    /// Whether `bits` maps `key` (false: too sparse to map; look it up without).
    mapped: bool,
    /// The last set looked into without a mask.
    seen: (usize, usize),
    top: i64,
    left: i64,
    h: u64,
    w: u64,
    bits: Vec<u64>,
}

impl PointMask {
    /// The fewest points a set needs for a mask.
    pub const MIN_POINTS: usize = 32;

    /// Whether `(i, j)` is in the mapped set.
    #[inline]
    pub fn contains(&self, (i, j): Point) -> bool {
        let (r, q) = ((i as i64 - self.top) as u64, (j as i64 - self.left) as u64);
        if r >= self.h || q >= self.w {
            return false;
        }
        let k = (r * self.w + q) as usize;
        self.bits[k >> 6] >> (k & 63) & 1 != 0
    }

    /// Maps `set` (sorted, unique, not empty); false where its box is too sparse for it.
    fn map(&mut self, set: &[Point]) -> bool {
        let (top, bottom) = (set[0].0 as i64, set[set.len() - 1].0 as i64);
        let (left, right) =
            set.iter().fold((i64::MAX, i64::MIN), |(l, r), &(_, j)| (l.min(j as i64), r.max(j as i64)));
        let (h, w) = ((bottom - top + 1) as u64, (right - left + 1) as u64);
        if h.saturating_mul(w) > 64 * set.len() as u64 + 4096 {
            return false;
        }
        (self.top, self.left, self.h, self.w) = (top, left, h, w);
        self.bits.clear();
        self.bits.resize((h * w).div_ceil(64) as usize, 0);
        for &(i, j) in set {
            let k = ((i as i64 - top) as u64 * w + (j as i64 - left) as u64) as usize;
            self.bits[k >> 6] |= 1 << (k & 63);
        }
        true
    }
}

/// Calls of `fork`s that cost at least [`Memo::MIN_STEPS`] steps, by the function's address
/// (direct-mapped): what they returned and the steps they charged. Solvers often call one function
/// twice on the same value (`fork(f, chain(g, h, k), compose(j, k))` evaluates `k(x)` on both
/// sides: a64e4611's `k`, a `fork(argmax, ...)`, searches a hundred boxes). A repeat charges the same
/// steps at once instead of running again, and only where the whole charge fits the budget: the first
/// run charged them one by one without failing, so the run it stands for would not have failed
/// either and would have ended on the same count. Arguments match by identity (the same slices, the
/// same scalars), which is what a composed function passes on to both of its sides; a different but
/// equal value just runs again. Only forks are kept: they are where one value goes two ways, and
/// the bookkeeping on every call of the commoner shapes (binds inside filters over 900 cells) costs
/// more than it saves. Cleared by [`Ctx::reset`], which also frees what the entries point to.
pub struct Memo {
    slots: [MemoEntry; Memo::SLOTS],
}

#[derive(Clone, Copy)]
struct MemoEntry {
    n: usize,
    /// The arguments and the result, with the sample's lifetime erased (only handed back to the
    /// same sample: the memo is cleared on reset).
    args: [Value<'static>; 2],
    result: Value<'static>,
    steps: u64,
}

impl Memo {
    const SLOTS: usize = 8;
    /// The fewest steps a call must charge to be kept: recording and looking up cost tens of
    /// instructions; a call this costly is thousands.
    pub const MIN_STEPS: u64 = 256;

    #[inline]
    fn slot(func: usize) -> usize {
        // Built functions are 8-aligned arena records of ~100 bytes; mix the bits above that.
        (func >> 3 ^ func >> 7) % Self::SLOTS
    }
}

impl Default for Memo {
    fn default() -> Self {
        let empty = MemoEntry { n: 0, args: [Value::None; 2], result: Value::None, steps: 0 };
        Memo { slots: [empty; Memo::SLOTS] }
    }
}

/// Whether two values are the same value by identity: equal scalars, or containers and functions at
/// the same address (so equal without comparing elements). `false` may still be equal.
#[inline]
pub fn identical(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Point(x), Value::Point(y)) => x == y,
        (Value::Cell(x), Value::Cell(y)) => x == y,
        (Value::Grid(x), Value::Grid(y)) => x.h == y.h && x.w == y.w && same_slice(x.cells, y.cells),
        (Value::Object(x), Value::Object(y)) => same_slice(x, y),
        (Value::Indices(x), Value::Indices(y)) => same_slice(x, y),
        (Value::Set(x), Value::Set(y)) | (Value::Tuple(x), Value::Tuple(y)) => same_slice(x, y),
        (Value::Fn(Callable::Prim(x)), Value::Fn(Callable::Prim(y))) => x == y,
        (Value::Fn(Callable::Func(x)), Value::Fn(Callable::Func(y))) => std::ptr::eq(*x, *y),
        _ => false,
    }
}

/// Whether a value holds a function at its top or among its elements: such a result is not kept by
/// the memo (a closure made inside the call would be a new one, ordered by its address, on a rerun).
fn holds_function(v: &Value) -> bool {
    match v {
        Value::Fn(_) => true,
        Value::Set(xs) | Value::Tuple(xs) => xs.iter().any(|x| matches!(x, Value::Fn(_))),
        _ => false,
    }
}

/// Per-colour tables of one grid: for every offset of its buffer, how many cells from there on have
/// that colour; and, for boxes of one colour `b` wide, how many rows from there down start such a
/// run of at least `b`. Keyed by the grid's cells themselves (comparing them is much cheaper than a
/// table).
#[derive(Default)]
pub struct GridTables {
    grid: Vec<u8>,
    start: Vec<(u8, usize)>,
    /// (colour, run length, grid width) -> where its rows table starts.
    rows: Vec<(u8, usize, usize, usize)>,
    data: Vec<u32>,
    /// (colour, box width, grid width) -> where its box rows table starts in `box_data`.
    box_rows: Vec<(u8, usize, usize, usize)>,
    /// See [`GridTables::box_rows`].
    box_data: Vec<u64>,
    /// Scratch of [`GridTables::box_rows`]: per row, positions and the sum of their prefixes by rows.
    by_rows: Vec<(u64, u64)>,
}

impl GridTables {
    /// Makes `cells` the grid the tables are of: kept if it is the grid before (by its cells), else
    /// dropped. Once per search; the tables below are then of that grid.
    pub fn select(&mut self, cells: &[u8]) {
        if self.grid != cells {
            self.grid.clear();
            self.grid.extend_from_slice(cells);
            self.start.clear();
            self.rows.clear();
            self.data.clear();
            self.box_rows.clear();
            self.box_data.clear();
        }
    }
    /// Where the run lengths of colour `col` in `cells` (the [selected](Self::select) grid) start in
    /// [`data`](Self::data), computed on first use for this grid.
    pub fn run_lengths(&mut self, cells: &[u8], col: u8) -> usize {
        debug_assert!(self.grid == cells, "GridTables::select first");
        let start = match self.start.iter().find(|&&(k, _)| k == col) {
            Some(&(_, start)) => start,
            None => {
                let start = self.data.len();
                self.data.resize(start + cells.len(), 0);
                let mut following = 0u32;
                for (p, &x) in cells.iter().enumerate().rev() {
                    following = if x == col { following + 1 } else { 0 };
                    self.data[start + p] = following;
                }
                self.start.push((col, start));
                start
            }
        };
        start
    }
    /// Where the rows table of colour `col` and length `len` in `cells` (`width` wide) starts in
    /// [`data`](Self::data): for every offset, how many rows from its row down (same column) hold
    /// at least `len` cells of `col` from there on ([`run_lengths`](Self::run_lengths)). Computed on
    /// first use for this grid.
    pub fn rows_at_least(&mut self, cells: &[u8], width: usize, col: u8, len: usize) -> usize {
        let runs = self.run_lengths(cells, col);
        if let Some(&(.., start)) = self.rows.iter().find(|&&(k, l, w, _)| (k, l, w) == (col, len, width)) {
            return start;
        }
        let n = cells.len();
        let start = self.data.len();
        self.data.resize(start + n, 0);
        if n > 0 {
            // Row by row from the bottom: a cell holds one more than the cell below where its run is
            // long enough (the bottom row: one), else none.
            let (before, table) = self.data.split_at_mut(start);
            let runs = &before[runs..runs + n];
            // Compared as u32 (a run is at most the grid's size), so the rows are vectorised.
            let len = u32::try_from(len).unwrap_or(u32::MAX);
            for at in (0..n).step_by(width).rev() {
                let run = &runs[at..at + width];
                let (head, below) = table.split_at_mut(at + width);
                let cur = &mut head[at..];
                if below.is_empty() {
                    for (t, &r) in cur.iter_mut().zip(run) {
                        *t = (r >= len) as u32;
                    }
                } else {
                    for ((t, &r), &d) in cur.iter_mut().zip(run).zip(&below[..width]) {
                        *t = if r >= len { d + 1 } else { 0 };
                    }
                }
            }
        }
        self.rows.push((col, len, width, start));
        start
    }
    /// Where the box rows table of colour `col` and width `len` in `cells` (`width` wide, at least
    /// `len`) starts in [`box_data`](Self::box_data): for each row `i` of positions of a filled box
    /// of that colour and width (`2h + 1` entries per row, [`box_row`](Self::box_row) reads them),
    /// the most rows such a box fits from a position of the row (`[0]`), and for every box height
    /// `a` in `1..=h` the work `occurrences` charges for the row (`[a]`) and the positions where it
    /// fits (`[h + a]`). The work: one per position, plus `a * len` where the box fits, else the
    /// cells of the rows that match and of the first row's matching prefix, plus one. Heights past
    /// the most rows plus one are not written: there the box fits nowhere and the work is that of
    /// the most rows plus one. An argmax over box sizes (a64e4611: 81 per pass) then costs a lookup
    /// per row rather than per position.
    pub fn box_rows(&mut self, cells: &[u8], width: usize, col: u8, len: usize) -> usize {
        let runs = self.run_lengths(cells, col);
        let rows = self.rows_at_least(cells, width, col, len);
        let key = (col, len, width);
        if let Some(&(.., start)) = self.box_rows.iter().find(|&&(k, l, w, _)| (k, l, w) == key) {
            return start;
        }
        let n = cells.len();
        let h = n / width;
        let positions = width + 1 - len;
        let stride = 2 * h + 1;
        let start = self.box_data.len();
        self.box_data.resize(start + h * stride, 0);
        let runs = &self.data[runs..runs + n];
        let fits = &self.data[rows..rows + n];
        self.by_rows.resize(h + 1, (0, 0));
        for (i, row) in self.box_data[start..].chunks_exact_mut(stride).enumerate() {
            // Positions of this row by the rows a box fits from them (r), with the work of a box
            // taller than r: the r rows, the prefix of the first row that fails, and one.
            let at = i * width;
            let fit_rows = &fits[at..at + positions];
            let most = fit_rows.iter().copied().max().unwrap_or(0) as usize;
            let by_rows = &mut self.by_rows[..=most];
            by_rows.fill((0, 0));
            // Only the count and the prefixes are summed per position; the r rows and the one
            // of each are added per r below (count * (r * len + 1)): fewer operations per position.
            let len32 = u32::try_from(len).unwrap_or(u32::MAX);
            for (q, &r) in fit_rows.iter().enumerate() {
                let r = r as usize;
                // Below the last row nothing fails: such a box is never taller than r here.
                let prefix = if i + r < h { runs[at + q + r * width].min(len32) } else { 0 };
                let slot = &mut by_rows[r];
                slot.0 += 1;
                slot.1 += prefix as u64;
            }
            row[0] = most as u64;
            let top = (most + 1).min(h);
            let (work, fit) = row[1..].split_at_mut(h);
            let (mut left, mut short) = (positions as u64, 0u64);
            for (a, ((w, f), &(count, prefixes))) in
                work[..top].iter_mut().zip(&mut fit[..top]).zip(by_rows.iter()).enumerate()
            {
                // Box height a + 1: the positions where it fits fewer rows (a) fall short, each
                // with the work of its a rows, its prefix and one.
                left -= count;
                short += count * (a * len + 1) as u64 + prefixes;
                *w = positions as u64 + ((a + 1) * len) as u64 * left + short;
                *f = left;
            }
        }
        self.box_rows.push((col, len, width, start));
        start
    }
    /// One row of a box rows table ([`box_rows`](Self::box_rows), `row` its `2h + 1` entries, the
    /// grid `h` rows tall): the work `occurrences` charges for a box `height` tall (`1..=h`) and the
    /// positions where it fits.
    #[inline]
    pub fn box_row(row: &[u64], h: usize, height: usize) -> (u64, u64) {
        let most = row[0] as usize;
        if height <= most {
            (row[height], row[h + height])
        } else {
            // Taller than the box fits anywhere in the row (so most < h): the work of most + 1.
            (row[most + 1], 0)
        }
    }
    /// The box rows tables of the current grid ([`box_rows`](Self::box_rows)).
    pub fn box_data(&self) -> &[u64] {
        &self.box_data
    }
    /// Every table of the current grid.
    pub fn data(&self) -> &[u32] {
        &self.data
    }
}

impl Default for Ctx {
    fn default() -> Self {
        Self::new(Limits::default())
    }
}

impl Ctx {
    pub fn new(limits: Limits) -> Self {
        Ctx {
            arena: Bump::with_capacity(1 << 16),
            status: Slot::new(None),
            steps: Slot::new(0),
            limits,
            grid_tables: RefCell::default(),
            memo: RefCell::default(),
            memo_funcs: Default::default(),
            point_mask: RefCell::default(),
            last_bg: Slot::new((0, 0, None)),
        }
    }

    /// Frees everything the last sample allocated and clears its status (and the memo, which points
    /// into what is freed).
    pub fn reset(&mut self) {
        self.arena.reset();
        self.status.set(None);
        self.steps.set(0);
        for f in &self.memo_funcs {
            f.set(0);
        }
        let mask = self.point_mask.get_mut();
        (mask.key, mask.seen) = ((0, 0), (0, 0));
        self.last_bg.set((0, 0, None));
    }

    /// The result of an earlier call of `func` on the identical `args` ([`Memo`]), its steps
    /// charged; `None` where there is none, or where its steps would not all fit the budget (the
    /// call then runs and fails where it fails).
    #[inline]
    pub(crate) fn memo_replay<'a>(&'a self, func: &'a FuncData<'a>, args: &[Value<'a>]) -> Option<Value<'a>> {
        let addr = func as *const FuncData as usize;
        let k = Memo::slot(addr);
        if self.memo_funcs[k].get() != addr {
            return None;
        }
        let memo = self.memo.borrow();
        let e = &memo.slots[k];
        if e.n != args.len() || !args.iter().zip(&e.args).all(|(a, b)| identical(a, b)) {
            return None;
        }
        let s = self.steps.get() + e.steps;
        if self.status.get().is_some() || s > self.limits.max_steps {
            return None;
        }
        self.steps.set(s);
        Some(e.result)
    }

    /// Keeps a call of `func` on `args` that returned `result` after charging `steps` (at least
    /// [`Memo::MIN_STEPS`]), unless it cannot be stood for ([`Memo`]).
    #[cold]
    pub(crate) fn memo_record<'a>(
        &'a self,
        func: &'a FuncData<'a>,
        args: &[Value<'a>],
        result: Value<'a>,
        steps: u64,
    ) {
        if args.len() > 2 || self.status.get().is_some() || holds_function(&result) {
            return;
        }
        let erase = |v: Value<'a>| {
            // SAFETY: `Value` is covariant data; the memo hands it back only to this sample (through
            // `&'a self`) and is cleared by `reset`, which needs `&mut self`, before the arena is freed.
            unsafe { std::mem::transmute::<Value<'a>, Value<'static>>(v) }
        };
        let mut stored = [Value::None; 2];
        for (s, &a) in stored.iter_mut().zip(args) {
            *s = erase(a);
        }
        let addr = func as *const FuncData as usize;
        let k = Memo::slot(addr);
        let mut memo = self.memo.borrow_mut();
        memo.slots[k] = MemoEntry { n: args.len(), args: stored, result: erase(result), steps };
        self.memo_funcs[k].set(addr);
    }

    /// The first failure of this sample, if any.
    #[inline]
    pub fn status(&self) -> Option<Fail> {
        self.status.get()
    }
    #[inline]
    pub fn failed(&self) -> bool {
        self.status.get().is_some()
    }
    /// Records a failure (the first one wins) and yields the poison value.
    pub fn fail<'a>(&self, f: Fail) -> Value<'a> {
        if self.status.get().is_none() {
            self.status.set(Some(f));
        }
        Value::None
    }
    /// Charges `n` work units; fails the sample past the budget. Once the sample has failed, nothing
    /// more is counted and every step fails at once (what still runs in the failed statement is
    /// thrown away): the count stays where the first failure left it, as the CUDA's does
    /// (`Ctx::step` in `cuda/value.cuh`), so that both report the same steps for a failed sample.
    #[inline]
    pub fn step(&self, n: u64, what: &'static str) -> Result<(), Fail> {
        if let Some(first) = self.status.get() {
            return Err(first);
        }
        let s = self.steps.get() + n;
        self.steps.set(s);
        if s > self.limits.max_steps {
            return fail(FailKind::Steps, what);
        }
        Ok(())
    }
    pub fn steps(&self) -> u64 {
        self.steps.get()
    }
    pub fn arena(&self) -> &Bump {
        &self.arena
    }
    /// `occurrences`' tables of the grids it searches (see [`GridTables`]).
    pub fn grid_tables(&self) -> std::cell::RefMut<'_, GridTables> {
        self.grid_tables.borrow_mut()
    }

    /// A growable vector in the arena, for building results.
    #[inline]
    pub fn vec<T>(&self) -> BVec<'_, T> {
        BVec::new_in(&self.arena)
    }
    #[inline]
    pub fn vec_with<T>(&self, n: usize) -> BVec<'_, T> {
        BVec::with_capacity_in(n, &self.arena)
    }
    #[inline]
    pub fn slice<T: Copy>(&self, src: &[T]) -> &[T] {
        self.arena.alloc_slice_copy(src)
    }
    /// `f` of a bitmap of `set` ([`PointMask`]) where there is one or this is its second look in a
    /// row; `None` (look it up without) otherwise.
    #[inline]
    pub fn with_point_mask<R>(&self, set: &[Point], f: impl FnOnce(&PointMask) -> R) -> Option<R> {
        if set.len() < PointMask::MIN_POINTS {
            return None;
        }
        let key = (set.as_ptr() as usize, set.len());
        let mut mask = self.point_mask.borrow_mut();
        if mask.key != key {
            if mask.seen != key {
                mask.seen = key;
                return None;
            }
            mask.key = key;
            mask.mapped = mask.map(set);
        }
        mask.mapped.then(|| f(&mask))
    }

    /// The set the point mask maps, if any (for tests).
    #[cfg(test)]
    pub(crate) fn point_mask_of(&self) -> Option<(usize, usize)> {
        let mask = self.point_mask.borrow();
        (mask.key != (0, 0) && mask.mapped).then_some(mask.key)
    }

    pub fn check_items(&self, n: usize, what: &'static str) -> Result<(), Fail> {
        if n > self.limits.max_items {
            return fail(FailKind::Limit, what);
        }
        self.step(n as u64, what)
    }

    /// A new `h x w` grid whose cell `(i, j)` is `f(i, j)`.
    pub fn grid<'a>(
        &'a self,
        h: i32,
        w: i32,
        what: &'static str,
        mut f: impl FnMut(i32, i32) -> u8,
    ) -> Result<Grid<'a>, Fail> {
        if h < 0 || w < 0 {
            return fail(FailKind::Index, what);
        }
        let n = h as usize * w as usize;
        if n > self.limits.max_grid_cells {
            return fail(FailKind::Limit, what);
        }
        self.step(n as u64, what)?;
        let (mut i, mut j) = (0, 0);
        let cells = self.arena.alloc_slice_fill_with(n, |_| {
            let x = f(i, j);
            j += 1;
            if j == w {
                (i, j) = (i + 1, 0);
            }
            x
        });
        Ok(Grid { h: h as u32, w: w as u32, cells })
    }

    /// A new grid from a row-major buffer.
    pub fn grid_from<'a>(&'a self, h: u32, w: u32, cells: &[u8]) -> Grid<'a> {
        debug_assert_eq!(cells.len(), h as usize * w as usize);
        Grid { h, w, cells: self.arena.alloc_slice_copy(cells) }
    }

    /// The canonical frozenset of `cells` (sorted, deduplicated; empty -> `Set(&[])`).
    pub fn object<'a>(&'a self, mut cells: BVec<'a, Cell>) -> Value<'a> {
        if cells.is_empty() {
            return Value::Set(&[]);
        }
        // Already canonical: found at the first descent otherwise, before any counting.
        if strictly_increasing(&cells) {
            return Value::Object(cells.into_bump_slice());
        }
        // Many cells in a small box (a merge of objects of one grid, of shifted copies of one):
        // their colours marked per position and read back in raster order, duplicates gone.
        if let Some(sorted) = cells_by_colour_masks(&self.arena, &cells) {
            return Value::Object(sorted.into_bump_slice());
        }
        let kind = sort_kind(&cells);
        // Colours past 15: counted per position.
        let by_position = match kind {
            SortKind::Sorted => None,
            _ => sorted_by_position(&self.arena, &cells, Cell::loc),
        };
        if let Some(sorted) = by_position {
            cells = sorted;
            // Cells of one position keep their input order: put their colours in order.
            insertion_sort(&mut cells);
            cells.dedup();
        } else {
            match kind {
                SortKind::Sorted => {}
                // Long sorted runs (a merge of objects, of shifted copies of one): the stable sort
                // merges them in linear time per level.
                SortKind::Runs => {
                    cells.sort();
                    cells.dedup();
                }
                // Short runs (mapply over many small objects): pattern-defeating quicksort on one key.
                SortKind::Scattered => {
                    cells.sort_unstable_by_key(|c| (c.raster_key(), c.color));
                    cells.dedup();
                }
            }
        }
        Value::Object(cells.into_bump_slice())
    }

    /// The frozenset of `cells` that are already sorted and unique (a subsequence or a translation
    /// of an object, a merge of two): [`Ctx::object`] without its pass to find that out.
    pub fn object_sorted<'a>(&'a self, cells: BVec<'a, Cell>) -> Value<'a> {
        debug_assert!(cells.windows(2).all(|w| w[0] < w[1]));
        if cells.is_empty() {
            Value::Set(&[])
        } else {
            Value::Object(cells.into_bump_slice())
        }
    }

    /// The frozenset of `points` that are already sorted and unique: [`Ctx::indices`] without its
    /// pass to find that out.
    pub fn indices_sorted<'a>(&'a self, points: BVec<'a, Point>) -> Value<'a> {
        debug_assert!(points.windows(2).all(|w| w[0] < w[1]));
        if points.is_empty() {
            Value::Set(&[])
        } else {
            Value::Indices(points.into_bump_slice())
        }
    }

    /// The canonical frozenset of `points`.
    pub fn indices<'a>(&'a self, mut points: BVec<'a, Point>) -> Value<'a> {
        if points.is_empty() {
            return Value::Set(&[]);
        }
        if strictly_increasing(&points) {
            return Value::Indices(points.into_bump_slice());
        }
        // Many points in a small box: marked per position and read back in raster order.
        if let Some(sorted) = points_by_marks(&self.arena, &points) {
            return Value::Indices(sorted.into_bump_slice());
        }
        match sort_kind(&points) {
            SortKind::Sorted => {}
            SortKind::Runs => {
                points.sort(); // runs, as for objects
                points.dedup();
            }
            SortKind::Scattered => {
                points.sort_unstable_by_key(|&p| point_key(p));
                points.dedup();
            }
        }
        Value::Indices(points.into_bump_slice())
    }

    /// The canonical frozenset of arbitrary values: all cells -> `Object`, all points -> `Indices`.
    pub fn set<'a>(&'a self, mut items: BVec<'a, Value<'a>>) -> Value<'a> {
        if items.is_empty() {
            return Value::Set(&[]);
        }
        if items.iter().all(|v| matches!(v, Value::Cell(_))) {
            let mut cells = self.vec_with(items.len());
            cells.extend(items.iter().copied().map(
                |v| {
                    if let Value::Cell(c) = v {
                        c
                    } else {
                        unreachable!()
                    }
                },
            ));
            return self.object(cells);
        }
        if items.iter().all(|v| matches!(v, Value::Point(_))) {
            let mut pts = self.vec_with(items.len());
            pts.extend(items.iter().copied().map(
                |v| {
                    if let Value::Point(p) = v {
                        p
                    } else {
                        unreachable!()
                    }
                },
            ));
            return self.indices(pts);
        }
        // Many sets are built in order (a filter of a set, a product of two): one pass to see that
        // instead of a sort, which dominated solvers like ef135b50.
        if !items.windows(2).all(|w| cmp_values(&w[0], &w[1]) == Ordering::Less) {
            items.sort_unstable_by(cmp_values);
            items.dedup_by(|a, b| cmp_values(a, b) == Ordering::Equal);
        }
        Value::Set(items.into_bump_slice())
    }

    /// The canonical tuple of `items`: two ints -> `Point`, `(int, point)` -> `Cell`.
    pub fn tuple<'a>(&'a self, items: &[Value<'a>]) -> Value<'a> {
        match items {
            // bools are ints in Python: `(3, True) == (3, 1)`, so they make the same point
            [a @ (Value::Int(_) | Value::Bool(_)), b @ (Value::Int(_) | Value::Bool(_))] => {
                Value::Point((a.int("tuple").unwrap_or(0), b.int("tuple").unwrap_or(0)))
            }
            [c @ (Value::Int(_) | Value::Bool(_)), Value::Point(p)] => {
                Value::Cell(Cell::new(c.int("tuple").unwrap_or(0), *p))
            }
            _ => Value::Tuple(self.arena.alloc_slice_copy(items)),
        }
    }

    /// [`Ctx::tuple`] of items already in the arena: the same value, without copying them again.
    pub fn tuple_in_place<'a>(&'a self, items: &'a [Value<'a>]) -> Value<'a> {
        match items {
            [Value::Int(_) | Value::Bool(_), Value::Int(_) | Value::Bool(_)]
            | [Value::Int(_) | Value::Bool(_), Value::Point(_)] => self.tuple(items),
            _ => Value::Tuple(items),
        }
    }

    /// Rebuilds a container of the same Python type (`tuple` or `frozenset`) from `items`.
    pub fn rebuild<'a>(&'a self, kind: Kind, items: BVec<'a, Value<'a>>) -> Value<'a> {
        match kind {
            Kind::Set => self.set(items),
            Kind::Tuple => self.tuple_in_place(items.into_bump_slice()),
        }
    }

    /// Allocates a function value.
    pub fn func<'a>(&'a self, f: FuncData<'a>) -> Value<'a> {
        Value::Fn(Callable::Func(self.arena.alloc(f)))
    }
}

/// What a built cell or point slice needs to become canonical.
enum SortKind {
    /// Already sorted and unique.
    Sorted,
    /// A few long sorted runs: a merging (stable) sort is linear per level.
    Runs,
    /// Many short runs: an unstable sort on one integer key is faster.
    Scattered,
}

/// Counting sort by position of items in a small box ([`small_box`]): items at one position keep
/// their input order. `None` when the box is larger.
fn sorted_by_position<'a, T: Copy>(
    arena: &'a Bump,
    items: &[T],
    loc: impl Fn(&T) -> Point,
) -> Option<BVec<'a, T>> {
    let (top, left, h, w) = small_box(items, &loc)?;
    let (area, width) = (h * w, w as i64);
    let position = |x: &T| {
        let (i, j) = loc(x);
        ((i as i64 - top as i64) * width + (j as i64 - left as i64)) as usize
    };
    // `start[p]`: where the items of position `p` go (after counting, shifted by one).
    let mut start: BVec<u32> = BVec::with_capacity_in(area + 1, arena);
    start.resize(area + 1, 0);
    for x in items {
        start[position(x) + 1] += 1;
    }
    for p in 1..start.len() {
        start[p] += start[p - 1];
    }
    let mut out = BVec::from_iter_in(items.iter().copied(), arena);
    for x in items {
        let slot = &mut start[position(x)];
        out[*slot as usize] = *x;
        *slot += 1;
    }
    Some(out)
}

/// The bounding box `(top, left, height, width)` of at least 32 positions when it has at most
/// `4n + 1024` positions (what marking per position suits: linear time where a comparison sort
/// takes `n log n`); `None` otherwise.
fn small_box<T>(items: &[T], loc: impl Fn(&T) -> Point) -> Option<(i32, i32, usize, usize)> {
    let n = items.len();
    if n < 32 {
        return None;
    }
    let (mut top, mut left, mut bottom, mut right) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
    for x in items {
        let (i, j) = loc(x);
        (top, left, bottom, right) = (top.min(i), left.min(j), bottom.max(i), right.max(j));
    }
    let (h, w) = (bottom as i64 - top as i64 + 1, right as i64 - left as i64 + 1);
    if h * w > 4 * n as i64 + 1024 {
        return None;
    }
    Some((top, left, h as usize, w as usize))
}

/// Cells with colours 0..16 in a small box ([`small_box`]), sorted and deduplicated: a mask of
/// colours per position, read back in raster order and colour order. Overlapping copies (a merge
/// of shifted copies of one object: 484b58aa, 0dfd9992) cost one mark each, not a sorted slot.
/// `None` for other cells.
fn cells_by_colour_masks<'a>(arena: &'a Bump, cells: &[Cell]) -> Option<BVec<'a, Cell>> {
    if cells.iter().any(|x| x.color as u32 >= 16) {
        return None;
    }
    let (top, left, h, w) = small_box(cells, Cell::loc)?;
    let mut masks: BVec<u16> = BVec::with_capacity_in(h * w, arena);
    masks.resize(h * w, 0);
    for x in cells {
        let p = (x.i - top) as usize * w + (x.j - left) as usize;
        masks[p] |= 1 << x.color;
    }
    Some(cells_from_masks(arena, &masks, top, left, w))
}

/// The cells marked in `masks` (a colour bit set per position of a box `w` wide whose corner is
/// `(top, left)`), in raster order and colour order: sorted and unique.
fn cells_from_masks<'a>(arena: &'a Bump, masks: &[u16], top: i32, left: i32, w: usize) -> BVec<'a, Cell> {
    // Summed as u16 in chunks of 2048 masks (at most 16 marks a mask: 32,768 a chunk), then the
    // chunks' sums as usize: eight masks to a vector register, not two as with usize sums.
    let total: usize =
        masks.chunks(2048).map(|ch| ch.iter().map(|m| m.count_ones() as u16).sum::<u16>() as usize).sum();
    let mut out = BVec::with_capacity_in(total, arena);
    // Coordinates from the row and column numbers, not from open ranges: `top..` would step past
    // the last row and overflow when cells sit at the edge of `i32`.
    for (r, row) in masks.chunks_exact(w).enumerate() {
        let i = top + r as i32;
        for (c, &m) in row.iter().enumerate() {
            let j = left + c as i32;
            let mut m = m;
            while m != 0 {
                out.push(Cell { i, j, color: m.trailing_zeros() as i32 });
                m &= m - 1;
            }
        }
    }
    out
}

/// The union of the copies of `patch` (non-empty) moved by each of `offsets` (non-empty), sorted
/// and unique, where the copies' common box is small (as [`small_box`] has it for their cells) and
/// every colour is below 16: each copy is marked per position in that box, without being built,
/// and the marks read back in raster order (what `merge` of the shifted copies makes, at one mark
/// per copied cell). `None` otherwise, or where a coordinate would leave `i32`.
pub(crate) fn union_of_shifts<'a>(arena: &'a Bump, patch: Patch<'a>, offsets: &[Point]) -> Option<Value<'a>> {
    let (u, l, d, r) = patch.bounds()?;
    let (&(oi_min, _), &(oi_max, _)) = (offsets.first()?, offsets.last()?);
    let (oj_min, oj_max) = offsets.iter().fold((i32::MAX, i32::MIN), |(a, b), &(_, j)| (a.min(j), b.max(j)));
    // The box's edges are a cell's coordinate plus an offset's: inside `i32` exactly when no
    // copied cell overflows.
    let top = i32::try_from(u as i64 + oi_min as i64).ok()?;
    let left = i32::try_from(l as i64 + oj_min as i64).ok()?;
    i32::try_from(d as i64 + oi_max as i64).ok()?;
    i32::try_from(r as i64 + oj_max as i64).ok()?;
    let h = (d as i64 + oi_max as i64 - top as i64 + 1) as usize;
    let w = (r as i64 + oj_max as i64 - left as i64 + 1) as usize;
    let n = patch.len() * offsets.len();
    if n < 32 || h as u128 * w as u128 > 4 * n as u128 + 1024 {
        return None;
    }
    // An offset's place in the box, plus a cell's place relative to the patch's corner, is the
    // moved cell's place.
    let base = |(i, j): Point| (i - oi_min) as usize * w + (j - oj_min) as usize;
    let at = |(i, j): Point| (i - u) as usize * w + (j - l) as usize;
    // A patch that fills most of its own box is marked there once, and that box ORed row by row
    // into each copy's place (whole rows at a time, vectorised); a sparser one, cell by cell.
    let (ph, pw) = ((d as i64 - u as i64 + 1) as usize, (r as i64 - l as i64 + 1) as usize);
    let dense = ph as u128 * pw as u128 <= 2 * patch.len() as u128;
    match patch {
        Patch::Object(cells) => {
            if cells.iter().any(|x| x.color as u32 >= 16) {
                return None;
            }
            let mut masks: BVec<u16> = BVec::with_capacity_in(h * w, arena);
            masks.resize(h * w, 0);
            if dense {
                let mut own: BVec<u16> = BVec::with_capacity_in(ph * pw, arena);
                own.resize(ph * pw, 0);
                for x in cells {
                    own[(x.i - u) as usize * pw + (x.j - l) as usize] |= 1 << x.color;
                }
                or_rows(&mut masks, &own, pw, w, offsets.iter().map(|&o| base(o)));
            } else {
                let mut rel: BVec<(u32, u16)> = BVec::with_capacity_in(cells.len(), arena);
                rel.extend(cells.iter().map(|x| (at(x.loc()) as u32, 1u16 << x.color)));
                for &o in offsets {
                    let row = &mut masks[base(o)..];
                    for &(p, bit) in rel.iter() {
                        row[p as usize] |= bit;
                    }
                }
            }
            Some(Value::Object(cells_from_masks(arena, &masks, top, left, w).into_bump_slice()))
        }
        Patch::Indices(pts) => {
            let mut marks: BVec<bool> = BVec::with_capacity_in(h * w, arena);
            marks.resize(h * w, false);
            if dense {
                let mut own: BVec<bool> = BVec::with_capacity_in(ph * pw, arena);
                own.resize(ph * pw, false);
                for &(i, j) in pts {
                    own[(i - u) as usize * pw + (j - l) as usize] = true;
                }
                or_rows(&mut marks, &own, pw, w, offsets.iter().map(|&o| base(o)));
            } else {
                let mut rel: BVec<u32> = BVec::with_capacity_in(pts.len(), arena);
                rel.extend(pts.iter().map(|&p| at(p) as u32));
                for &o in offsets {
                    let row = &mut marks[base(o)..];
                    for &p in rel.iter() {
                        row[p as usize] = true;
                    }
                }
            }
            Some(Value::Indices(points_from_marks(arena, &marks, top, left, w).into_bump_slice()))
        }
    }
}

/// ORs the box `own` (`pw` wide) into `into` (`w` wide) at each of `places` (where the box's
/// corner goes), row by row.
fn or_rows<T: Copy + std::ops::BitOrAssign>(
    into: &mut [T],
    own: &[T],
    pw: usize,
    w: usize,
    places: impl Iterator<Item = usize>,
) {
    for at in places {
        for (k, row) in own.chunks_exact(pw).enumerate() {
            let start = at + k * w;
            for (m, &x) in into[start..start + pw].iter_mut().zip(row) {
                *m |= x;
            }
        }
    }
}

/// Points in a small box ([`small_box`]), sorted and deduplicated: marked per position, read back in
/// raster order. `None` for a larger box.
fn points_by_marks<'a>(arena: &'a Bump, points: &[Point]) -> Option<BVec<'a, Point>> {
    let (top, left, h, w) = small_box(points, |&p| p)?;
    let mut marks: BVec<bool> = BVec::with_capacity_in(h * w, arena);
    marks.resize(h * w, false);
    for &(i, j) in points {
        marks[(i - top) as usize * w + (j - left) as usize] = true;
    }
    Some(points_from_marks(arena, &marks, top, left, w))
}

/// The points marked in `marks` (a box `w` wide whose corner is `(top, left)`), in raster order.
fn points_from_marks<'a>(arena: &'a Bump, marks: &[bool], top: i32, left: i32, w: usize) -> BVec<'a, Point> {
    let total = marks.iter().filter(|&&m| m).count();
    let mut out = BVec::with_capacity_in(total, arena);
    for (r, row) in marks.chunks_exact(w).enumerate() {
        let i = top + r as i32;
        out.extend(row.iter().enumerate().filter(|(_, &m)| m).map(|(c, _)| (i, left + c as i32)));
    }
    out
}

/// Sorts a slice that is sorted but for a few short groups: linear when nothing moves.
fn insertion_sort<T: Ord + Copy>(v: &mut [T]) {
    for k in 1..v.len() {
        let mut m = k;
        while m > 0 && v[m - 1] > v[m] {
            v.swap(m - 1, m);
            m -= 1;
        }
    }
}

/// Whether `v` is sorted without duplicates (stops at the first pair that is not).
fn strictly_increasing<T: Ord>(v: &[T]) -> bool {
    v.windows(2).all(|w| w[0] < w[1])
}

fn sort_kind<T: Ord>(v: &[T]) -> SortKind {
    // Neighbours not strictly increasing: about the number of sorted runs, less one.
    let descents = v.windows(2).filter(|w| w[0] >= w[1]).count();
    match descents {
        0 => SortKind::Sorted,
        d if v.len() / (d + 1) >= 16 => SortKind::Runs,
        _ => SortKind::Scattered,
    }
}

/// Python's container type, for primitives that return `type(container)(...)`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Set,
    Tuple,
}

/// A read-only view of any container's elements in iteration order, as values.
#[derive(Clone, Copy)]
pub enum Items<'a> {
    Values(&'a [Value<'a>]),
    Cells(&'a [Cell]),
    Points(&'a [Point]),
    Rows(Grid<'a>),
    Pair(Value<'a>, Value<'a>),
}

impl<'a> Items<'a> {
    #[inline]
    pub fn len(&self) -> usize {
        match self {
            Items::Values(v) => v.len(),
            Items::Cells(v) => v.len(),
            Items::Points(v) => v.len(),
            Items::Rows(g) => g.h as usize,
            Items::Pair(..) => 2,
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Element `k` as a value (a grid row becomes a tuple of ints, allocated in `c`). Inlined into
    /// the loops that walk a container (`apply`, `merge`, `pair`, `valmax`...): the match on the
    /// view is hoisted or predicted there, where a call per element returned each 32-byte value
    /// through memory.
    #[inline]
    pub fn get(&self, c: &'a Ctx, k: usize) -> Value<'a> {
        match *self {
            Items::Values(v) => v[k],
            Items::Cells(v) => Value::Cell(v[k]),
            Items::Points(v) => Value::Point(v[k]),
            Items::Rows(g) => row_value(c, g.row(k)),
            Items::Pair(a, b) => {
                if k == 0 {
                    a
                } else {
                    b
                }
            }
        }
    }
    pub fn iter(self, c: &'a Ctx) -> impl Iterator<Item = Value<'a>> + 'a {
        (0..self.len()).map(move |k| self.get(c, k))
    }
}

/// A grid row as the Python tuple it is.
pub fn row_value<'a>(c: &'a Ctx, row: &[u8]) -> Value<'a> {
    if row.len() == 2 {
        return Value::Point((row[0] as i32, row[1] as i32));
    }
    let mut v = c.vec_with(row.len());
    v.extend(row.iter().map(|&x| Value::Int(x as i32)));
    Value::Tuple(v.into_bump_slice())
}

/// How often each colour occurs among `colors` (colours past 255 cannot occur in a grid or object
/// built by the DSL's primitives from task grids, but are counted modulo nothing: they are skipped).
pub fn color_counts(colors: impl Iterator<Item = i32>) -> [u32; 256] {
    let mut n = [0u32; 256];
    for c in colors {
        if let Ok(k) = usize::try_from(c) {
            if k < 256 {
                n[k] += 1;
            }
        }
    }
    n
}

/// The cells or points of a patch (Python's `Object | Indices`).
#[derive(Clone, Copy, Debug)]
pub enum Patch<'a> {
    Object(&'a [Cell]),
    Indices(&'a [Point]),
}

impl<'a> Patch<'a> {
    pub fn len(&self) -> usize {
        match self {
            Patch::Object(c) => c.len(),
            Patch::Indices(p) => p.len(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// `(uppermost, leftmost, lowermost, rightmost)`, or `None` for the empty patch.
    pub fn bounds(self) -> Option<(i32, i32, i32, i32)> {
        // One loop per representation (not the chained `points`): `center`, `shape`, `ulcorner`...
        // run this inside the loops of composed functions.
        fn fold(mut pts: impl Iterator<Item = Point>) -> Option<(i32, i32, i32, i32)> {
            let (i, j) = pts.next()?;
            Some(pts.fold((i, j, i, j), |(a, b, c, d), (i, j)| (a.min(i), b.min(j), c.max(i), d.max(j))))
        }
        match self {
            Patch::Object(c) => fold(c.iter().map(|c| c.loc())),
            Patch::Indices(p) => fold(p.iter().copied()),
        }
    }

    /// Locations in the patch's order (may repeat for an object with two colours in one cell).
    pub fn points(self) -> impl Iterator<Item = Point> + 'a {
        let (cells, pts): (&'a [Cell], &'a [Point]) = match self {
            Patch::Object(c) => (c, &[]),
            Patch::Indices(p) => (&[], p),
        };
        cells.iter().map(|c| c.loc()).chain(pts.iter().copied())
    }
}

impl<'a> Value<'a> {
    pub const fn int_const(v: i32) -> Value<'static> {
        Value::Int(v)
    }

    /// The value's name for messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::None => "None",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Point(_) => "point",
            Value::Cell(_) => "cell",
            Value::Grid(_) => "grid",
            Value::Object(_) => "object",
            Value::Indices(_) => "indices",
            Value::Set(_) => "frozenset",
            Value::Tuple(_) => "tuple",
            Value::Fn(_) => "function",
        }
    }

    /// An integer (`bool` counts as 0/1, as in Python).
    #[inline]
    pub fn int(self, what: &'static str) -> Result<i32, Fail> {
        match self {
            Value::Int(v) => Ok(v),
            Value::Bool(b) => Ok(b as i32),
            _ => fail(FailKind::Type, what),
        }
    }

    #[inline]
    pub fn point(self, what: &'static str) -> Result<Point, Fail> {
        match self {
            Value::Point(p) => Ok(p),
            _ => fail(FailKind::Type, what),
        }
    }

    /// Python truthiness: `False`, `0`, `None` and empty containers are false.
    pub fn truthy(self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => b,
            Value::Int(v) => v != 0,
            Value::Point(_) | Value::Cell(_) | Value::Fn(_) => true,
            Value::Grid(g) => g.h > 0,
            Value::Object(s) => !s.is_empty(),
            Value::Indices(s) => !s.is_empty(),
            Value::Set(s) | Value::Tuple(s) => !s.is_empty(),
        }
    }

    /// A grid; a tuple of equal-length integer rows is converted (allocated in `c`).
    pub fn grid(self, c: &'a Ctx, what: &'static str) -> Result<Grid<'a>, Fail> {
        match self {
            Value::Grid(g) => Ok(g),
            Value::Tuple(rows) => {
                let h = rows.len();
                let mut w = None;
                let mut cells = c.vec();
                for r in rows {
                    let before = cells.len();
                    match *r {
                        Value::Point((a, b)) => {
                            cells.push(to_color(a, what)?);
                            cells.push(to_color(b, what)?);
                        }
                        Value::Tuple(xs) => {
                            for x in xs {
                                cells.push(to_color(x.int(what)?, what)?);
                            }
                        }
                        Value::Set(&[]) => {}
                        _ => return fail(FailKind::Type, what),
                    }
                    let rw = cells.len() - before;
                    if *w.get_or_insert(rw) != rw {
                        return fail(FailKind::Type, what);
                    }
                }
                Ok(Grid { h: h as u32, w: w.unwrap_or(0) as u32, cells: cells.into_bump_slice() })
            }
            _ => fail(FailKind::Type, what),
        }
    }

    /// A patch: an object, indices, or the empty frozenset.
    pub fn patch(self, what: &'static str) -> Result<Patch<'a>, Fail> {
        match self {
            Value::Object(c) => Ok(Patch::Object(c)),
            Value::Indices(p) => Ok(Patch::Indices(p)),
            Value::Set(&[]) => Ok(Patch::Indices(&[])),
            _ => fail(FailKind::Type, what),
        }
    }

    /// A patch, also from a tuple of points or of cells (what `merge`, `apply` and `pair` over tuples
    /// give in the reference solvers): Python iterates those as they are, and every patch primitive's
    /// result depends only on the locations or cells they hold, so they become the canonical frozenset.
    pub fn patch_in(self, c: &'a Ctx, what: &'static str) -> Result<Patch<'a>, Fail> {
        let Value::Tuple(items) = self else { return self.patch(what) };
        if items.iter().all(|x| matches!(x, Value::Point(_))) {
            let mut pts = c.vec_with(items.len());
            pts.extend(items.iter().filter_map(|x| if let Value::Point(p) = x { Some(*p) } else { None }));
            return c.indices(pts).patch(what);
        }
        if items.iter().all(|x| matches!(x, Value::Cell(_))) {
            let mut cells = c.vec_with(items.len());
            cells.extend(items.iter().filter_map(|x| if let Value::Cell(k) = x { Some(*k) } else { None }));
            return c.object(cells).patch(what);
        }
        fail(FailKind::Type, what)
    }

    /// The cells of an object (or of the empty frozenset).
    pub fn cells(self, what: &'static str) -> Result<&'a [Cell], Fail> {
        match self {
            Value::Object(c) => Ok(c),
            Value::Set(&[]) => Ok(&[]),
            _ => fail(FailKind::Type, what),
        }
    }

    /// Any container's elements and its Python type.
    pub fn items(self, what: &'static str) -> Result<(Items<'a>, Kind), Fail> {
        Ok(match self {
            Value::Set(v) => (Items::Values(v), Kind::Set),
            Value::Object(c) => (Items::Cells(c), Kind::Set),
            Value::Indices(p) => (Items::Points(p), Kind::Set),
            Value::Tuple(v) => (Items::Values(v), Kind::Tuple),
            Value::Grid(g) => (Items::Rows(g), Kind::Tuple),
            Value::Point((a, b)) => (Items::Pair(Value::Int(a), Value::Int(b)), Kind::Tuple),
            Value::Cell(c) => (Items::Pair(Value::Int(c.color), Value::Point(c.loc())), Kind::Tuple),
            _ => return fail(FailKind::Type, what),
        })
    }

    /// Whether the value is a frozenset (Python's `isinstance(x, frozenset)`).
    pub fn is_set(&self) -> bool {
        matches!(self, Value::Set(_) | Value::Object(_) | Value::Indices(_))
    }
}

/// A colour for a grid cell; the DSL keeps colours small, so anything outside a byte is a type error.
#[inline]
pub fn to_color(v: i32, what: &'static str) -> Result<u8, Fail> {
    u8::try_from(v).or_else(|_| fail(FailKind::Type, what))
}

/// Checked i32 arithmetic result.
#[inline]
pub fn checked(v: i64, what: &'static str) -> Result<i32, Fail> {
    i32::try_from(v).or_else(|_| fail(FailKind::Overflow, what))
}

fn rank(v: &Value) -> u8 {
    match v {
        Value::None => 0,
        Value::Bool(_) | Value::Int(_) => 1,
        Value::Point(_) | Value::Cell(_) | Value::Tuple(_) | Value::Grid(_) => 2,
        Value::Object(_) | Value::Indices(_) | Value::Set(_) => 3,
        Value::Fn(_) => 4,
    }
}

/// One element of a tuple-like value, for structural comparison without allocating grid rows.
#[derive(Clone, Copy)]
enum Elem<'a> {
    Val(Value<'a>),
    Row(&'a [u8]),
    Byte(u8),
}

fn tuple_len(v: &Value) -> usize {
    match v {
        Value::Point(_) | Value::Cell(_) => 2,
        Value::Tuple(t) => t.len(),
        Value::Grid(g) => g.h as usize,
        _ => 0,
    }
}

fn tuple_elem<'a>(v: &Value<'a>, k: usize) -> Elem<'a> {
    match *v {
        Value::Point((a, b)) => Elem::Val(Value::Int(if k == 0 { a } else { b })),
        Value::Cell(c) => {
            if k == 0 {
                Elem::Val(Value::Int(c.color))
            } else {
                Elem::Val(Value::Point(c.loc()))
            }
        }
        Value::Tuple(t) => Elem::Val(t[k]),
        Value::Grid(g) => Elem::Row(g.row(k)),
        _ => Elem::Val(Value::None),
    }
}

fn cmp_elems(a: Elem, b: Elem) -> Ordering {
    match (a, b) {
        (Elem::Val(x), Elem::Val(y)) => cmp_values(&x, &y),
        (Elem::Byte(x), Elem::Byte(y)) => x.cmp(&y),
        (Elem::Row(x), Elem::Row(y)) => x.cmp(y),
        (Elem::Byte(x), Elem::Val(y)) => cmp_values(&Value::Int(x as i32), &y),
        (Elem::Val(x), Elem::Byte(y)) => cmp_values(&x, &Value::Int(y as i32)),
        (Elem::Row(r), Elem::Val(v)) => cmp_row_value(r, &v),
        (Elem::Val(v), Elem::Row(r)) => cmp_row_value(r, &v).reverse(),
        (Elem::Byte(_), Elem::Row(_)) => Ordering::Less,
        (Elem::Row(_), Elem::Byte(_)) => Ordering::Greater,
    }
}

fn cmp_row_value(r: &[u8], v: &Value) -> Ordering {
    if rank(v) != 2 {
        return 2.cmp(&rank(v));
    }
    if let Value::Cell(_) = v {
        return Ordering::Greater; // a row is a tuple, after every cell (see cmp_values)
    }
    let n = tuple_len(v);
    for (k, &b) in r.iter().enumerate().take(n) {
        let o = cmp_elems(Elem::Byte(b), tuple_elem(v, k));
        if o != Ordering::Equal {
            return o;
        }
    }
    r.len().cmp(&n)
}

fn set_elem<'a>(v: &Value<'a>, k: usize) -> Value<'a> {
    match *v {
        Value::Object(c) => Value::Cell(c[k]),
        Value::Indices(p) => Value::Point(p[k]),
        Value::Set(s) => s[k],
        _ => Value::None,
    }
}

fn set_len(v: &Value) -> usize {
    match v {
        Value::Object(c) => c.len(),
        Value::Indices(p) => p.len(),
        Value::Set(s) => s.len(),
        _ => 0,
    }
}

/// Whether two slices are the same memory (a value compared with itself, an element of the set it
/// came from): equal without looking at the elements.
#[inline]
fn same_slice<T>(x: &[T], y: &[T]) -> bool {
    std::ptr::eq(x.as_ptr(), y.as_ptr()) && x.len() == y.len()
}

#[inline]
fn cmp_slices<T: Ord>(x: &[T], y: &[T]) -> Ordering {
    if same_slice(x, y) {
        Ordering::Equal
    } else {
        x.cmp(y)
    }
}

/// The canonical total order of values (see the module doc). Equality is `== Equal`.
pub fn cmp_values(a: &Value, b: &Value) -> Ordering {
    // The pairs compared most (keys, points, an element against a set's own elements) first.
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => return x.cmp(y),
        (Value::Point(x), Value::Point(y)) => return x.cmp(y),
        (Value::Object(x), Value::Object(y)) => return cmp_slices(x, y),
        (Value::Indices(x), Value::Indices(y)) => return cmp_slices(x, y),
        (Value::Set(x), Value::Set(y)) if same_slice(x, y) => return Ordering::Equal,
        (Value::Tuple(x), Value::Tuple(y)) if same_slice(x, y) => return Ordering::Equal,
        _ => {}
    }
    let (ra, rb) = (rank(a), rank(b));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match (a, b) {
        (Value::None, Value::None) => Ordering::Equal,
        (Value::Int(_) | Value::Bool(_), _) => {
            let x = if let Value::Bool(v) = a {
                *v as i32
            } else if let Value::Int(v) = a {
                *v
            } else {
                0
            };
            let y = if let Value::Bool(v) = b {
                *v as i32
            } else if let Value::Int(v) = b {
                *v
            } else {
                0
            };
            x.cmp(&y)
        }
        (Value::Point(x), Value::Point(y)) => x.cmp(y),
        (Value::Cell(x), Value::Cell(y)) => x.cmp(y),
        // Cells come before the other tuple-likes: compared as Python's `(colour, (i, j))` with a
        // tuple but in raster order with each other, the order would be cyclic (found by fuzzing).
        (Value::Cell(_), _) => Ordering::Less,
        (_, Value::Cell(_)) => Ordering::Greater,
        (Value::Grid(x), Value::Grid(y)) => {
            for k in 0..x.h.min(y.h) as usize {
                let o = x.row(k).cmp(y.row(k));
                if o != Ordering::Equal {
                    return o;
                }
            }
            x.h.cmp(&y.h)
        }
        (_, _) if ra == 2 => {
            let (n, m) = (tuple_len(a), tuple_len(b));
            for k in 0..n.min(m) {
                let o = cmp_elems(tuple_elem(a, k), tuple_elem(b, k));
                if o != Ordering::Equal {
                    return o;
                }
            }
            n.cmp(&m)
        }
        (Value::Object(x), Value::Object(y)) => x.cmp(y),
        (Value::Indices(x), Value::Indices(y)) => x.cmp(y),
        (_, _) if ra == 3 => {
            let (n, m) = (set_len(a), set_len(b));
            for k in 0..n.min(m) {
                let o = cmp_values(&set_elem(a, k), &set_elem(b, k));
                if o != Ordering::Equal {
                    return o;
                }
            }
            n.cmp(&m)
        }
        (Value::Fn(f), Value::Fn(g)) => cmp_callables(f, g),
        _ => Ordering::Equal,
    }
}

impl PartialEq for Value<'_> {
    fn eq(&self, o: &Self) -> bool {
        cmp_values(self, o) == Ordering::Equal
    }
}
impl Eq for Value<'_> {}
impl PartialOrd for Value<'_> {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Value<'_> {
    fn cmp(&self, o: &Self) -> Ordering {
        cmp_values(self, o)
    }
}

impl fmt::Debug for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(v) => write!(f, "{v}"),
            Value::Point((i, j)) => write!(f, "({i}, {j})"),
            Value::Cell(c) => write!(f, "({}, ({}, {}))", c.color, c.i, c.j),
            Value::Grid(g) => {
                write!(f, "Grid{}x{}[", g.h, g.w)?;
                for i in 0..g.h as usize {
                    if i > 0 {
                        write!(f, " ")?;
                    }
                    for &x in g.row(i) {
                        write!(f, "{x}")?;
                    }
                }
                write!(f, "]")
            }
            Value::Object(c) => {
                write!(f, "{{")?;
                for (k, x) in c.iter().enumerate() {
                    write!(f, "{}{:?}", if k > 0 { ", " } else { "" }, Value::Cell(*x))?;
                }
                write!(f, "}}")
            }
            Value::Indices(p) => {
                write!(f, "{{")?;
                for (k, x) in p.iter().enumerate() {
                    write!(f, "{}({}, {})", if k > 0 { ", " } else { "" }, x.0, x.1)?;
                }
                write!(f, "}}")
            }
            Value::Set(s) => {
                write!(f, "{{")?;
                for (k, x) in s.iter().enumerate() {
                    write!(f, "{}{x:?}", if k > 0 { ", " } else { "" })?;
                }
                write!(f, "}}")
            }
            Value::Tuple(s) => {
                write!(f, "(")?;
                for (k, x) in s.iter().enumerate() {
                    write!(f, "{}{x:?}", if k > 0 { ", " } else { "" })?;
                }
                write!(f, ")")
            }
            Value::Fn(Callable::Prim(p)) => write!(f, "<{}>", p.name()),
            Value::Fn(Callable::Func(_)) => write!(f, "<function>"),
        }
    }
}

/// A small xorshift generator for the crate's randomized tests: `rnd(n)` is in `0..n`.
#[cfg(test)]
pub(crate) fn test_rng(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Just;

    /// Canonical objects and indices, whichever sort builds them (counted per position in a small
    /// box, by comparison otherwise): sorted like `Ord`, duplicates dropped, several colours at one
    /// position in colour order.
    #[test]
    fn objects_and_indices_are_canonical_whichever_sort_builds_them() {
        let mut rnd = crate::value::test_rng(0x2545_f491_4f6c_dd1du64);
        let mut c = Ctx::default();
        for round in 0..600 {
            c.reset();
            let n = 1 + rnd(300) as usize;
            // Small boxes (counted), large ones (compared), sorted runs or scattered cells.
            let span = [3, 10, 30, 2000][round % 4] as u64;
            let runs = 1 + rnd(4);
            let mut cells: Vec<Cell> = (0..n)
                .map(|_| {
                    // Mostly task colours; in some rounds also the edges of the colour masks and
                    // colours they cannot hold (past 15, negative).
                    let colour = match round % 5 {
                        4 => [0, 15, 16, 300, -1][rnd(5) as usize],
                        3 => rnd(16) as i32,
                        _ => rnd(3) as i32,
                    };
                    Cell::new(colour, (rnd(span) as i32 - 5, rnd(span) as i32 - 5))
                })
                .collect();
            if round % 3 == 0 {
                let chunk = n.div_ceil(runs as usize);
                cells.chunks_mut(chunk).for_each(|r| r.sort());
            }
            let mut want = cells.clone();
            want.sort();
            want.dedup();
            let mut v = c.vec();
            v.extend_from_slice(&cells);
            let Value::Object(got) = c.object(v) else { panic!("not an object") };
            assert_eq!(got, &want[..]);
            let points: Vec<Point> = cells.iter().map(Cell::loc).collect();
            let mut want: Vec<Point> = points.clone();
            want.sort();
            want.dedup();
            let mut v = c.vec();
            v.extend_from_slice(&points);
            let Value::Indices(got) = c.indices(v) else { panic!("not indices") };
            assert_eq!(got, &want[..]);
        }
    }

    /// A long box, every colour marked everywhere (the most marks a count sums, past one chunk of
    /// its sums): all cells in one buffer of exactly their count.
    #[test]
    fn cells_from_masks_counts_a_long_box_of_full_masks() {
        let arena = Bump::new();
        for (len, w) in [(2047, 1), (2048, 2048), (2049, 3), (5000, 1000)] {
            let masks = vec![u16::MAX; len];
            let got = cells_from_masks(&arena, &masks, 0, 0, w);
            assert_eq!((got.len(), got.capacity()), (16 * len, 16 * len), "{len} masks");
            let last = Cell { i: ((len - 1) / w) as i32, j: ((len - 1) % w) as i32, color: 15 };
            assert_eq!(got.last(), Some(&last));
        }
    }

    proptest::proptest! {
        /// `cells_from_masks` against reading the masks cell by cell and colour by colour: the
        /// marked cells in raster order and colour order, in a buffer of their exact count, any box
        /// width, corners near the origin or at the edges of `i32`.
        #[test]
        fn cells_from_masks_reads_the_marks_in_order(
            w in 1usize..7,
            rows in 0usize..6,
            marks in proptest::collection::vec(
                proptest::prop_oneof![Just(0u16), Just(1u16 << 3), Just(1u16 << 15), proptest::num::u16::ANY],
                42,
            ),
            corner in proptest::prop_oneof![
                (-20i32..20, -20i32..20),
                Just((i32::MAX - 5, i32::MAX - 6)),
                Just((i32::MIN, i32::MIN)),
            ],
        ) {
            let masks = &marks[..rows * w];
            // A corner at the edge of `i32` fits the box: pulled in by its size.
            let (top, left) = (
                corner.0.min(i32::MAX - rows.max(1) as i32 + 1),
                corner.1.min(i32::MAX - w as i32 + 1),
            );
            let mut want = Vec::new();
            for (p, &m) in masks.iter().enumerate() {
                for k in 0..16 {
                    if m & (1 << k) != 0 {
                        want.push(Cell { i: top + (p / w) as i32, j: left + (p % w) as i32, color: k });
                    }
                }
            }
            let arena = Bump::new();
            let got = cells_from_masks(&arena, masks, top, left, w);
            proptest::prop_assert_eq!(&got[..], &want[..]);
            // Counted before: made in one allocation of the exact size.
            proptest::prop_assert_eq!(got.capacity(), want.len());
        }
    }
}
