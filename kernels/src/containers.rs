//! Containers: frozensets and tuples (`size`, `first`, `sfilter`, `argmax`, `merge`, `product`...).
//! Mirrored by `cuda/containers.cuh`.

#![allow(unused_variables)]
use crate::value::{fail, Ctx, FailKind, Items, Kind, Res, Value};

pub fn contained<'a>(c: &'a Ctx, value: Value<'a>, container: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED contained")
}

pub fn combine<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED combine")
}

pub fn intersection<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED intersection")
}

pub fn difference<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED difference")
}

pub fn dedupe<'a>(c: &'a Ctx, tup: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED dedupe")
}

pub fn order<'a>(c: &'a Ctx, container: Value<'a>, compfunc: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED order")
}

pub fn repeat<'a>(c: &'a Ctx, item: Value<'a>, num: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED repeat")
}

pub fn size<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED size")
}

/// `type(containers)(e for c in containers for e in c)`: a set of objects merges into one object.
pub fn merge<'a>(c: &'a Ctx, containers: Value<'a>) -> Res<'a> {
    let (outer, kind) = containers.items("merge")?;
    // Fast path: a frozenset of objects (the common `mapply`/`mfilter` result) merges cell slices.
    if let (Items::Values(vs), Kind::Set) = (outer, kind) {
        if vs.iter().all(|v| matches!(v, Value::Object(_))) {
            let n = vs.iter().map(|v| if let Value::Object(x) = v { x.len() } else { 0 }).sum();
            c.check_items(n, "merge")?;
            let mut cells = c.vec_with(n);
            for v in vs {
                if let Value::Object(x) = v {
                    cells.extend_from_slice(x);
                }
            }
            return Ok(c.object(cells));
        }
    }
    let mut out = c.vec();
    for k in 0..outer.len() {
        let (inner, _) = outer.get(c, k).items("merge")?;
        c.check_items(out.len() + inner.len(), "merge")?;
        for m in 0..inner.len() {
            out.push(inner.get(c, m));
        }
    }
    Ok(c.rebuild(kind, out))
}

pub fn maximum<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED maximum")
}

pub fn minimum<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED minimum")
}

pub fn valmax<'a>(c: &'a Ctx, container: Value<'a>, compfunc: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED valmax")
}

pub fn valmin<'a>(c: &'a Ctx, container: Value<'a>, compfunc: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED valmin")
}

pub fn argmax<'a>(c: &'a Ctx, container: Value<'a>, compfunc: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED argmax")
}

pub fn argmin<'a>(c: &'a Ctx, container: Value<'a>, compfunc: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED argmin")
}

pub fn mostcommon<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED mostcommon")
}

pub fn leastcommon<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED leastcommon")
}

pub fn initset<'a>(c: &'a Ctx, value: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED initset")
}

pub fn sfilter<'a>(c: &'a Ctx, container: Value<'a>, condition: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED sfilter")
}

pub fn mfilter<'a>(c: &'a Ctx, container: Value<'a>, function: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED mfilter")
}

pub fn extract<'a>(c: &'a Ctx, container: Value<'a>, condition: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED extract")
}

pub fn totuple<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED totuple")
}

pub fn first<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED first")
}

pub fn last<'a>(c: &'a Ctx, container: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED last")
}

pub fn insert<'a>(c: &'a Ctx, value: Value<'a>, container: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED insert")
}

pub fn remove<'a>(c: &'a Ctx, value: Value<'a>, container: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED remove")
}

pub fn other<'a>(c: &'a Ctx, container: Value<'a>, value: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED other")
}

pub fn interval<'a>(c: &'a Ctx, start: Value<'a>, stop: Value<'a>, step: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED interval")
}

pub fn product<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED product")
}

pub fn pair<'a>(c: &'a Ctx, a: Value<'a>, b: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED pair")
}

pub fn sizefilter<'a>(c: &'a Ctx, container: Value<'a>, n: Value<'a>) -> Res<'a> {
    fail(FailKind::Type, "UNIMPLEMENTED sizefilter")
}
