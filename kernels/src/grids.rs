//! Whole-grid primitives: mirrors and rotations, `fill`/`paint`, scaling, concatenation, splits,
//! colour queries. Mirrored by `cuda/grids.cuh`.

#![allow(unused_variables)]
use crate::value::{fail, Ctx, FailKind, Res, Value};

pub fn mostcolor<'a>(c: &'a Ctx, element: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED mostcolor")
}

pub fn leastcolor<'a>(c: &'a Ctx, element: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED leastcolor")
}

pub fn colorcount<'a>(c: &'a Ctx, element: Value<'a>, value: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED colorcount")
}

pub fn asindices<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED asindices")
}

pub fn ofcolor<'a>(c: &'a Ctx, grid: Value<'a>, value: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED ofcolor")
}

pub fn crop<'a>(c: &'a Ctx, grid: Value<'a>, start: Value<'a>, dims: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED crop")
}

pub fn palette<'a>(c: &'a Ctx, element: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED palette")
}

pub fn numcolors<'a>(c: &'a Ctx, element: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED numcolors")
}

pub fn toobject<'a>(c: &'a Ctx, patch: Value<'a>, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED toobject")
}

pub fn asobject<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED asobject")
}

pub fn rot90<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED rot90")
}

pub fn rot180<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED rot180")
}

pub fn rot270<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED rot270")
}

pub fn hmirror<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED hmirror")
}

pub fn vmirror<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED vmirror")
}

pub fn dmirror<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED dmirror")
}

pub fn cmirror<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED cmirror")
}

pub fn fill<'a>(c: &'a Ctx, grid: Value<'a>, value: Value<'a>, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED fill")
}

pub fn paint<'a>(c: &'a Ctx, grid: Value<'a>, obj: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED paint")
}

pub fn underfill<'a>(c: &'a Ctx, grid: Value<'a>, value: Value<'a>, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED underfill")
}

pub fn underpaint<'a>(c: &'a Ctx, grid: Value<'a>, obj: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED underpaint")
}

pub fn hupscale<'a>(c: &'a Ctx, grid: Value<'a>, factor: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED hupscale")
}

pub fn vupscale<'a>(c: &'a Ctx, grid: Value<'a>, factor: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED vupscale")
}

pub fn upscale<'a>(c: &'a Ctx, element: Value<'a>, factor: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED upscale")
}

pub fn downscale<'a>(c: &'a Ctx, grid: Value<'a>, factor: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED downscale")
}

pub fn hconcat<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED hconcat")
}

pub fn vconcat<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED vconcat")
}

pub fn subgrid<'a>(c: &'a Ctx, patch: Value<'a>, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED subgrid")
}

pub fn hsplit<'a>(c: &'a Ctx, grid: Value<'a>, n: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED hsplit")
}

pub fn vsplit<'a>(c: &'a Ctx, grid: Value<'a>, n: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED vsplit")
}

pub fn cellwise<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>, fallback: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED cellwise")
}

pub fn replace<'a>(c: &'a Ctx, grid: Value<'a>, replacee: Value<'a>, replacer: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED replace")
}

pub fn switch<'a>(c: &'a Ctx, grid: Value<'a>, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED switch")
}

pub fn index<'a>(c: &'a Ctx, grid: Value<'a>, loc: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED index")
}

pub fn canvas<'a>(c: &'a Ctx, value: Value<'a>, dimensions: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED canvas")
}

pub fn cover<'a>(c: &'a Ctx, grid: Value<'a>, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED cover")
}

pub fn trim<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED trim")
}

pub fn r#move<'a>(c: &'a Ctx, grid: Value<'a>, obj: Value<'a>, offset: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED move")
}

pub fn tophalf<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED tophalf")
}

pub fn bottomhalf<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED bottomhalf")
}

pub fn lefthalf<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED lefthalf")
}

pub fn righthalf<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED righthalf")
}

pub fn compress<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED compress")
}
