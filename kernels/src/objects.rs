//! Segmentation: `objects`, `partition`, `fgpartition`, `frontiers`, `occurrences`.
//! Mirrored by `cuda/objects.cuh`.

#![allow(unused_variables)]
use crate::value::{fail, Ctx, FailKind, Res, Value};

pub fn objects<'a>(
    c: &'a Ctx,
    grid: Value<'a>,
    univalued: Value<'a>,
    diagonal: Value<'a>,
    without_bg: Value<'a>,
) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED objects")
}

pub fn partition<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED partition")
}

pub fn fgpartition<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED fgpartition")
}

pub fn occurrences<'a>(c: &'a Ctx, grid: Value<'a>, obj: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED occurrences")
}

pub fn frontiers<'a>(c: &'a Ctx, grid: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED frontiers")
}
