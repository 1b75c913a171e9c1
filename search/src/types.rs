//! Types as the search sees them: a found value (one result per task input) is admitted by an
//! annotation of `kernels::types` when every one of its results is ([`Ty::admits`]); the admitted
//! annotations are kept as a bit mask, so matching an argument to a parameter is one AND. Also: the
//! element types of a container value (for the function a higher-order primitive applies to its
//! elements), and which annotations can describe the same value (for `compose`).

use std::sync::OnceLock;

use kernels::{Ctx, Prim, Ty, Value};

/// A set of annotations, one bit per [`Ty`].
pub type TyMask = u32;

/// Every annotation, in `Ty`'s order.
pub const ALL: [Ty; 21] = [
    Ty::Any,
    Ty::Boolean,
    Ty::Integer,
    Ty::IntegerTuple,
    Ty::Numerical,
    Ty::IntegerSet,
    Ty::Grid,
    Ty::Cell,
    Ty::Object,
    Ty::Objects,
    Ty::Indices,
    Ty::IndicesSet,
    Ty::Patch,
    Ty::Element,
    Ty::Piece,
    Ty::TupleTuple,
    Ty::ContainerContainer,
    Ty::Container,
    Ty::FrozenSet,
    Ty::Tuple,
    Ty::Callable,
];

#[inline]
pub const fn bit(t: Ty) -> TyMask {
    1 << t as u32
}

/// The annotations admitting `v`.
pub fn mask_of(v: &Value) -> TyMask {
    mask_within(v, !0)
}

/// The annotations of `within` admitting `v` (only those are tested: a container's annotations look
/// at every element).
fn mask_within(v: &Value, within: TyMask) -> TyMask {
    ALL.iter().filter(|&&t| within & bit(t) != 0 && t.admits(v)).fold(0, |m, &t| m | bit(t))
}

/// The annotations admitting every value of `vals`.
pub fn mask_all(vals: &[Value]) -> TyMask {
    vals.iter().fold(!0, |m, v| if m == 0 { 0 } else { mask_within(v, m) })
}

/// The annotations admitting every element of every container in `vals` (all bits when there is no
/// element at all; none when a value is no container).
pub fn element_mask(vals: &[Value]) -> TyMask {
    let mut m = !0;
    for v in vals {
        match v {
            Value::Set(items) | Value::Tuple(items) => items.iter().for_each(|x| m = mask_within(x, m)),
            Value::Object(_) => m &= bit(Ty::Cell) | bit(Ty::Tuple) | bit(Ty::Container) | bit(Ty::Any),
            Value::Indices(_) => m &= mask_of(&Value::Point((0, 0))),
            Value::Point(_) => m &= mask_of(&Value::Int(0)),
            _ => return 0,
        }
    }
    m
}

/// For each annotation, the annotations that admit some value it admits too (so a function whose
/// result is annotated `a` may feed a parameter annotated `b`): found on one sample value of every
/// kind the kernels make.
pub fn overlaps(a: Ty) -> TyMask {
    static TABLE: OnceLock<[TyMask; 21]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let c = Ctx::default();
        let g = Value::Grid(c.grid_from(2, 2, &[1, 0, 0, 2]));
        let objs = kernels::dsl::fgpartition(&c, g);
        let obj = kernels::dsl::first(&c, objs);
        let idx = kernels::dsl::toindices(&c, obj);
        let samples = [
            Value::Bool(true),
            Value::Int(1),
            Value::Point((1, 1)),
            g,
            kernels::dsl::first(&c, obj),
            obj,
            idx,
            objs,
            kernels::dsl::apply(&c, Value::prim(Prim::toindices), objs),
            kernels::dsl::palette(&c, g),
            kernels::dsl::hsplit(&c, g, Value::Int(2)),
            kernels::dsl::interval(&c, Value::Int(0), Value::Int(3), Value::Int(1)),
            Value::Set(&[]),
        ];
        let mut t = [0; 21];
        for (k, a) in ALL.iter().enumerate() {
            for s in samples.iter().filter(|s| a.admits(s)) {
                t[k] |= mask_of(s);
            }
        }
        t
    })[a as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_follow_the_annotations() {
        let c = Ctx::default();
        let g = Value::Grid(c.grid_from(1, 2, &[1, 2]));
        let m = mask_all(&[g, g]);
        assert!(m & bit(Ty::Grid) != 0 && m & bit(Ty::Piece) != 0 && m & bit(Ty::Patch) == 0);
        assert_eq!(mask_all(&[g, Value::Int(1)]) & bit(Ty::Grid), 0);
        let objs = kernels::dsl::fgpartition(&c, g);
        assert!(element_mask(&[objs]) & bit(Ty::Object) != 0);
        assert_eq!(element_mask(&[g]), 0);
        assert!(overlaps(Ty::Patch) & bit(Ty::Object) != 0);
        assert_eq!(overlaps(Ty::Integer) & bit(Ty::Grid), 0);
    }
}
