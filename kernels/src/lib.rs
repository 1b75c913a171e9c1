//! # kernels — the ARC DSL primitives, twice
//!
//! Every primitive of Michael Hodel's arc-dsl (`dsl.py`, 160 functions) under its own name, in Rust for
//! the CPU (`src/<family>.rs`) and in CUDA C++ for the GPU (`cuda/<family>.cuh`), mirrored file by
//! file: `arith`, `containers`, `func` (higher-order), `grids`, `patches`, `objects` (but `mapply` and
//! `mpapply`, which Rust keeps in `containers` so that the files use each other one way: see [`func`]).
//!
//! ## Calling convention
//! Solvers call [`dsl`]`::name(ctx, args...)`: every argument and result is a [`Value`], and every call
//! takes the sample's [`Ctx`] (arena, failure status, step budget). A primitive that Python would make
//! raise records a [`Fail`] in the context and returns `Value::None`; the solver stops at its next step
//! and the sample is reported as failed, never as a wrong grid. Primitives are also values
//! ([`Prim`]), callable through [`call`] like closures and the functions `lbind`, `compose`... build.
//!
//! ## Representations (the same layouts exist in `cuda/value.cuh`)
//! | DSL type | here | why |
//! |---|---|---|
//! | Integer, Boolean | `Value::Int(i32)`, `Value::Bool` | checked i32: overflow fails instead of wrapping |
//! | IntegerTuple | `Value::Point((i32, i32))` | always canonical: any 2-tuple of ints is a point |
//! | Cell | `Value::Cell(Cell { i, j, color })` | 12 bytes, ordered (i, j, colour) |
//! | Grid | `Value::Grid { h, w, cells: &[u8] }` | row-major bytes; up to 2^20 cells (72x147 seen) |
//! | Object | `Value::Object(&[Cell])` | sorted unique cells; coordinates are free (negative after shifts) |
//! | Indices | `Value::Indices(&[Point])` | sorted unique points |
//! | Objects, IndicesSet, IntegerSet, other frozensets | `Value::Set(&[Value])` | sorted unique values |
//! | tuples | `Value::Tuple(&[Value])` | in order |
//! | Callable | `Value::Fn(Prim | &FuncData)` | closures are arena-allocated `dyn Fn` |
//!
//! Cell sets are sorted arrays, not bitsets: shifted patches leave any grid (negative and large
//! coordinates are common), and a sorted array is directly the canonical iteration order, the same
//! layout the GPU kernels use.
//!
//! ## Canonical set order
//! Python iterates frozensets in hash order, which some reference solvers depend on through `first`.
//! Here every frozenset iterates in one documented order (see [`value`]): cells and points row by row,
//! objects by their cells (so by first cell), other values by [`cmp_values`]. The GPU uses the same.
//!
//! ```
//! use kernels::{dsl, constants::*, Ctx, Value};
//! let ctx = Ctx::default();
//! let g = ctx.grid_from(2, 3, &[1, 1, 0, 0, 2, 2]);
//! let objs = dsl::objects(&ctx, Value::Grid(g), T, F, T);
//! assert_eq!(dsl::size(&ctx, objs), Value::Int(2));
//! let biggest = dsl::argmax(&ctx, objs, Value::prim(kernels::Prim::size));
//! assert_eq!(dsl::color(&ctx, biggest), Value::Int(1));
//! ```

pub mod arith;
pub mod constants;
pub mod containers;
pub mod func;
pub mod grids;
pub mod objects;
pub mod patches;
pub mod types;
pub mod value;

pub use func::call;
pub use types::{Signature, Ty};
pub use value::{
    cmp_values, fail, Callable, Cell, Ctx, Fail, FailKind, FuncData, Grid, Items, Kind, Limits, Memo, Patch,
    Point, Res, Value,
};

impl<'a> Value<'a> {
    /// A primitive as a function value.
    pub const fn prim(p: Prim) -> Value<'static> {
        Value::Fn(Callable::Prim(p))
    }
}

/// Declares the primitive table once: the [`Prim`] enum, its names and arities, dispatch for
/// function values, and the public [`dsl`] functions.
macro_rules! primitives {
    ($($module:ident :: $name:ident ( $($arg:ident),* );)*) => {
        /// A DSL primitive used as a value (`argmax(objs, size)`).
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        pub enum Prim { $($name),* }

        impl Prim {
            /// Every primitive, in `dsl.py` order.
            pub const ALL: &'static [Prim] = &[$(Prim::$name),*];

            /// The DSL name (`box`, `move` without Rust's `r#`).
            pub fn name(self) -> &'static str {
                match self { $(Prim::$name => stringify!($name).trim_start_matches("r#")),* }
            }

            /// Number of parameters (Python's `co_argcount`, which `lbind`/`rbind` read).
            pub fn arity(self) -> usize {
                match self { $(Prim::$name => [$(stringify!($arg)),*].len()),* }
            }

            /// Looks a primitive up by its DSL name.
            pub fn from_name(name: &str) -> Option<Prim> {
                Self::ALL.iter().copied().find(|p| p.name() == name)
            }

            /// Calls the primitive on `args` (arity checked).
            pub fn call<'a>(self, c: &'a Ctx, args: &[Value<'a>]) -> Res<'a> {
                match self {
                    $(Prim::$name => {
                        if let [$($arg),*] = *args {
                            crate::$module::$name(c, $($arg),*)
                        } else {
                            fail(FailKind::Type, stringify!($name))
                        }
                    })*
                }
            }
        }

        /// The primitives as solvers call them: failures go to the context, the result is always a value.
        #[allow(clippy::too_many_arguments)]
        pub mod dsl {
            use crate::{Ctx, Value};
            $(
                #[doc = concat!(
                    "`", stringify!($name), "` of arc-dsl; see [`crate::", stringify!($module), "`]."
                )]
                #[inline]
                pub fn $name<'a>(c: &'a Ctx, $($arg: Value<'a>),*) -> Value<'a> {
                    match crate::$module::$name(c, $($arg),*) {
                        Ok(v) => v,
                        Err(e) => c.fail(e),
                    }
                }
            )*
        }
    };
}

primitives! {
    func::identity(x);
    arith::add(a, b);
    arith::subtract(a, b);
    arith::multiply(a, b);
    arith::divide(a, b);
    arith::invert(n);
    arith::even(n);
    arith::double(n);
    arith::halve(n);
    arith::flip(b);
    arith::equality(a, b);
    containers::contained(value, container);
    containers::combine(a, b);
    containers::intersection(a, b);
    containers::difference(a, b);
    containers::dedupe(tup);
    containers::order(container, compfunc);
    containers::repeat(item, num);
    arith::greater(a, b);
    containers::size(container);
    containers::merge(containers);
    containers::maximum(container);
    containers::minimum(container);
    containers::valmax(container, compfunc);
    containers::valmin(container, compfunc);
    containers::argmax(container, compfunc);
    containers::argmin(container, compfunc);
    containers::mostcommon(container);
    containers::leastcommon(container);
    containers::initset(value);
    arith::both(a, b);
    arith::either(a, b);
    arith::increment(x);
    arith::decrement(x);
    arith::crement(x);
    arith::sign(x);
    arith::positive(x);
    arith::toivec(i);
    arith::tojvec(j);
    containers::sfilter(container, condition);
    containers::mfilter(container, function);
    containers::extract(container, condition);
    containers::totuple(container);
    containers::first(container);
    containers::last(container);
    containers::insert(value, container);
    containers::remove(value, container);
    containers::other(container, value);
    containers::interval(start, stop, step);
    arith::astuple(a, b);
    containers::product(a, b);
    containers::pair(a, b);
    func::branch(condition, a, b);
    func::compose(outer, inner);
    func::chain(h, g, f);
    func::matcher(function, target);
    func::rbind(function, fixed);
    func::lbind(function, fixed);
    func::power(function, n);
    func::fork(outer, a, b);
    func::apply(function, container);
    func::rapply(functions, value);
    containers::mapply(function, container);
    func::papply(function, a, b);
    containers::mpapply(function, a, b);
    func::prapply(function, a, b);
    grids::mostcolor(element);
    grids::leastcolor(element);
    patches::height(piece);
    patches::width(piece);
    patches::shape(piece);
    patches::portrait(piece);
    grids::colorcount(element, value);
    patches::colorfilter(objs, value);
    containers::sizefilter(container, n);
    grids::asindices(grid);
    grids::ofcolor(grid, value);
    patches::ulcorner(patch);
    patches::urcorner(patch);
    patches::llcorner(patch);
    patches::lrcorner(patch);
    grids::crop(grid, start, dims);
    patches::toindices(patch);
    patches::recolor(value, patch);
    patches::shift(patch, directions);
    patches::normalize(patch);
    patches::dneighbors(loc);
    patches::ineighbors(loc);
    patches::neighbors(loc);
    objects::objects(grid, univalued, diagonal, without_bg);
    objects::partition(grid);
    objects::fgpartition(grid);
    patches::uppermost(patch);
    patches::lowermost(patch);
    patches::leftmost(patch);
    patches::rightmost(patch);
    patches::square(piece);
    patches::vline(patch);
    patches::hline(patch);
    patches::hmatching(a, b);
    patches::vmatching(a, b);
    patches::manhattan(a, b);
    patches::adjacent(a, b);
    patches::bordering(patch, grid);
    patches::centerofmass(patch);
    grids::palette(element);
    grids::numcolors(element);
    patches::color(obj);
    grids::toobject(patch, grid);
    grids::asobject(grid);
    grids::rot90(grid);
    grids::rot180(grid);
    grids::rot270(grid);
    grids::hmirror(piece);
    grids::vmirror(piece);
    grids::dmirror(piece);
    grids::cmirror(piece);
    grids::fill(grid, value, patch);
    grids::paint(grid, obj);
    grids::underfill(grid, value, patch);
    grids::underpaint(grid, obj);
    grids::hupscale(grid, factor);
    grids::vupscale(grid, factor);
    grids::upscale(element, factor);
    grids::downscale(grid, factor);
    grids::hconcat(a, b);
    grids::vconcat(a, b);
    grids::subgrid(patch, grid);
    grids::hsplit(grid, n);
    grids::vsplit(grid, n);
    grids::cellwise(a, b, fallback);
    grids::replace(grid, replacee, replacer);
    grids::switch(grid, a, b);
    patches::center(patch);
    patches::position(a, b);
    grids::index(grid, loc);
    grids::canvas(value, dimensions);
    patches::corners(patch);
    patches::connect(a, b);
    grids::cover(grid, patch);
    grids::trim(grid);
    grids::r#move(grid, obj, offset);
    grids::tophalf(grid);
    grids::bottomhalf(grid);
    grids::lefthalf(grid);
    grids::righthalf(grid);
    patches::vfrontier(location);
    patches::hfrontier(location);
    patches::backdrop(patch);
    patches::delta(patch);
    patches::gravitate(source, destination);
    patches::inbox(patch);
    patches::outbox(patch);
    patches::r#box(patch);
    patches::shoot(start, direction);
    objects::occurrences(grid, obj);
    objects::frontiers(grid);
    grids::compress(grid);
    patches::hperiod(obj);
    patches::vperiod(obj);
}

/// Calls a function value from solver code: failures go to the context, like [`dsl`] calls.
#[inline]
pub fn invoke<'a>(c: &'a Ctx, f: Value<'a>, args: &[Value<'a>]) -> Value<'a> {
    match call(c, f, args) {
        Ok(v) => v,
        Err(e) => c.fail(e),
    }
}
