//! Patches (objects and indices): bounds, corners, shifts, neighbourhoods, lines and boxes,
//! relations between patches. Mirrored by `cuda/patches.cuh`.

#![allow(unused_variables)]
use crate::value::{fail, Ctx, FailKind, Res, Value};

pub fn height<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED height")
}

pub fn width<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED width")
}

pub fn shape<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED shape")
}

pub fn portrait<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED portrait")
}

pub fn colorfilter<'a>(c: &'a Ctx, objs: Value<'a>, value: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED colorfilter")
}

pub fn ulcorner<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED ulcorner")
}

pub fn urcorner<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED urcorner")
}

pub fn llcorner<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED llcorner")
}

pub fn lrcorner<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED lrcorner")
}

pub fn toindices<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED toindices")
}

pub fn recolor<'a>(c: &'a Ctx, value: Value<'a>, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED recolor")
}

pub fn shift<'a>(c: &'a Ctx, patch: Value<'a>, directions: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED shift")
}

pub fn normalize<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED normalize")
}

pub fn dneighbors<'a>(c: &'a Ctx, loc: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED dneighbors")
}

pub fn ineighbors<'a>(c: &'a Ctx, loc: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED ineighbors")
}

pub fn neighbors<'a>(c: &'a Ctx, loc: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED neighbors")
}

pub fn uppermost<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED uppermost")
}

pub fn lowermost<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED lowermost")
}

pub fn leftmost<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED leftmost")
}

pub fn rightmost<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED rightmost")
}

pub fn square<'a>(c: &'a Ctx, piece: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED square")
}

pub fn vline<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED vline")
}

pub fn hline<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED hline")
}

pub fn hmatching<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED hmatching")
}

pub fn vmatching<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED vmatching")
}

pub fn manhattan<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED manhattan")
}

pub fn adjacent<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED adjacent")
}

pub fn bordering<'a>(c: &'a Ctx, patch: Value<'a>, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED bordering")
}

pub fn centerofmass<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED centerofmass")
}

pub fn color<'a>(c: &'a Ctx, obj: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED color")
}

pub fn center<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED center")
}

pub fn position<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED position")
}

pub fn corners<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED corners")
}

pub fn connect<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED connect")
}

pub fn vfrontier<'a>(c: &'a Ctx, location: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED vfrontier")
}

pub fn hfrontier<'a>(c: &'a Ctx, location: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED hfrontier")
}

pub fn backdrop<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED backdrop")
}

pub fn delta<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED delta")
}

pub fn gravitate<'a>(c: &'a Ctx, source: Value<'a>, destination: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED gravitate")
}

pub fn inbox<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED inbox")
}

pub fn outbox<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED outbox")
}

pub fn r#box<'a>(c: &'a Ctx, patch: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED box")
}

pub fn shoot<'a>(c: &'a Ctx, start: Value<'a>, direction: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED shoot")
}

pub fn hperiod<'a>(c: &'a Ctx, obj: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED hperiod")
}

pub fn vperiod<'a>(c: &'a Ctx, obj: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED vperiod")
}
