//! The value store of one task's search: every distinct value found (one result per task input,
//! demonstrations then tests), how it was first made, its size and types; and the function values
//! built from primitives and found values. Values live in the store's own arena: results are computed
//! in a scratch context and only the new ones are copied here ([`persist`]), so memory grows with
//! distinct values, never with expressions tried. Two expressions with the same results on every input
//! are one value (observational equivalence): [`Store::find`] looks a result tuple up by its hash.

use std::collections::HashMap;

use kernels::{Ctx, Prim, Value};

use crate::types::{element_mask, mask_all, TyMask};

/// Index of a value in the store.
pub type ValId = u32;
/// Index of a function value in the store.
pub type FunId = u32;

/// An argument of an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    Val(ValId),
    Fun(FunId),
}

/// How a value was first made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// The task's input grid.
    Input,
    /// A DSL constant, by its name in `constants.py`.
    Const(&'static str),
    /// A primitive applied to earlier values and functions.
    App(Prim, Box<[Arg]>),
}

/// How a function value was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FunNode {
    /// A primitive used as a value.
    Prim(Prim),
    /// `lbind(prim, value)`.
    LBind(Prim, ValId),
    /// `rbind(prim, value)`.
    RBind(Prim, ValId),
    /// `compose(outer, inner)`.
    Compose(FunId, FunId),
    /// `fork(outer, a, b)`: `outer(a(x), b(x))` (the grid layer's templates make these).
    Fork(Prim, FunId, FunId),
}

/// One distinct value.
pub struct Entry<'s> {
    /// One result per task input.
    pub vals: &'s [Value<'s>],
    /// The annotations admitting every result.
    pub mask: TyMask,
    /// The annotations admitting every element (containers).
    pub elems: TyMask,
    pub node: Node,
    /// Calls in the expression (constants and the input count 0).
    pub size: u32,
}

/// One function value, with the annotation of the parameter it still takes and of its result.
pub struct Fun<'s> {
    pub vals: &'s [Value<'s>],
    pub node: FunNode,
    pub param: kernels::Ty,
    pub result: kernels::Ty,
    pub size: u32,
}

pub struct Store<'s> {
    pub ctx: &'s Ctx,
    pub values: Vec<Entry<'s>>,
    pub funs: Vec<Fun<'s>>,
    /// Value ids by size.
    pub by_size: Vec<Vec<ValId>>,
    index: HashMap<u64, Vec<ValId>>,
}

impl<'s> Store<'s> {
    pub fn new(ctx: &'s Ctx) -> Self {
        Store { ctx, values: Vec::new(), funs: Vec::new(), by_size: Vec::new(), index: HashMap::new() }
    }

    /// The value with these results, if one is stored.
    pub fn find(&self, hash: u64, vals: &[Value]) -> Option<ValId> {
        let ids = self.index.get(&hash)?;
        ids.iter().copied().find(|&id| {
            let e = &self.values[id as usize].vals;
            e.len() == vals.len() && e.iter().zip(vals).all(|(a, b)| same(a, b))
        })
    }

    /// Stores new results (copied into the store's arena); `None` if one cannot be stored (a
    /// function value).
    pub fn insert(&mut self, hash: u64, vals: &[Value], node: Node, size: u32) -> Option<ValId> {
        let mut kept = Vec::with_capacity(vals.len());
        for v in vals {
            kept.push(persist(self.ctx, v)?);
        }
        let vals: &'s [Value<'s>] = self.ctx.arena().alloc_slice_copy(&kept);
        let id = self.values.len() as ValId;
        self.values.push(Entry { vals, mask: mask_all(vals), elems: element_mask(vals), node, size });
        self.index.entry(hash).or_default().push(id);
        if self.by_size.len() <= size as usize {
            self.by_size.resize_with(size as usize + 1, Vec::new);
        }
        self.by_size[size as usize].push(id);
        Some(id)
    }

    /// Bytes the stored values occupy.
    pub fn bytes(&self) -> usize {
        self.ctx.arena().allocated_bytes()
    }
}

/// Structural hash of a result tuple (FNV-1a over kinds and contents), equal for [`same`] tuples.
pub fn hash_values(vals: &[Value]) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    for v in vals {
        h.value(v);
    }
    h.0
}

struct Fnv(u64);

impl Fnv {
    #[inline]
    fn word(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(0x0100_0000_01b3);
    }
    fn value(&mut self, v: &Value) {
        match v {
            Value::None => self.word(0),
            Value::Bool(b) => self.word(0x10 | *b as u64),
            Value::Int(x) => {
                self.word(2);
                self.word(*x as u32 as u64)
            }
            Value::Point((i, j)) => {
                self.word(3);
                self.word(((*i as u32 as u64) << 32) | *j as u32 as u64)
            }
            Value::Cell(c) => {
                self.word(4);
                self.word(((c.i as u32 as u64) << 32) | c.j as u32 as u64);
                self.word(c.color as u64)
            }
            Value::Grid(g) => {
                self.word(5);
                self.word(((g.h as u64) << 32) | g.w as u64);
                for chunk in g.cells.chunks(8) {
                    let mut b = [0u8; 8];
                    b[..chunk.len()].copy_from_slice(chunk);
                    self.word(u64::from_le_bytes(b));
                }
            }
            Value::Object(cells) => {
                self.word(6);
                self.word(cells.len() as u64);
                for c in *cells {
                    self.word(((c.i as u32 as u64) << 32) | c.j as u32 as u64);
                    self.word(c.color as u64);
                }
            }
            Value::Indices(pts) => {
                self.word(7);
                self.word(pts.len() as u64);
                for (i, j) in *pts {
                    self.word(((*i as u32 as u64) << 32) | *j as u32 as u64);
                }
            }
            Value::Set(items) | Value::Tuple(items) => {
                self.word(if matches!(v, Value::Set(_)) { 8 } else { 9 });
                self.word(items.len() as u64);
                items.iter().for_each(|x| self.value(x));
            }
            Value::Fn(_) => self.word(10),
        }
    }
}

/// Strict structural equality: same kind and contents (`True` is not `1` here, unlike Python, so a
/// Boolean and an Integer value stay two values with their own types).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Point(x), Value::Point(y)) => x == y,
        (Value::Cell(x), Value::Cell(y)) => x == y,
        (Value::Grid(x), Value::Grid(y)) => x.h == y.h && x.w == y.w && x.cells == y.cells,
        (Value::Object(x), Value::Object(y)) => x == y,
        (Value::Indices(x), Value::Indices(y)) => x == y,
        (Value::Set(x), Value::Set(y)) | (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same(p, q))
        }
        _ => false,
    }
}

/// A copy of `v` in `ctx`'s arena (function values are not kept: `None`).
pub fn persist<'s>(ctx: &'s Ctx, v: &Value) -> Option<Value<'s>> {
    Some(match *v {
        Value::None => Value::None,
        Value::Bool(b) => Value::Bool(b),
        Value::Int(x) => Value::Int(x),
        Value::Point(p) => Value::Point(p),
        Value::Cell(c) => Value::Cell(c),
        Value::Grid(g) => Value::Grid(kernels::Grid { h: g.h, w: g.w, cells: ctx.slice(g.cells) }),
        Value::Object(c) => Value::Object(ctx.slice(c)),
        Value::Indices(p) => Value::Indices(ctx.slice(p)),
        // Flat containers (integers, points, cells: no references) are copied in one piece.
        Value::Set(items) | Value::Tuple(items)
            if items
                .iter()
                .all(|x| matches!(x, Value::Bool(_) | Value::Int(_) | Value::Point(_) | Value::Cell(_))) =>
        {
            let kept: &'s [Value<'s>] = ctx.arena().alloc_slice_fill_iter(items.iter().map(|x| match *x {
                Value::Bool(b) => Value::Bool(b),
                Value::Int(i) => Value::Int(i),
                Value::Point(p) => Value::Point(p),
                Value::Cell(c) => Value::Cell(c),
                _ => Value::None,
            }));
            if matches!(v, Value::Set(_)) {
                Value::Set(kept)
            } else {
                Value::Tuple(kept)
            }
        }
        Value::Set(items) | Value::Tuple(items) => {
            let mut kept = Vec::with_capacity(items.len());
            for x in items {
                kept.push(persist(ctx, x)?);
            }
            let kept: &'s [Value<'s>] = ctx.arena().alloc_slice_copy(&kept);
            if matches!(v, Value::Set(_)) {
                Value::Set(kept)
            } else {
                Value::Tuple(kept)
            }
        }
        Value::Fn(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_results_are_one_value_and_copies_outlive_the_scratch() {
        let store_ctx = Ctx::default();
        let mut store = Store::new(&store_ctx);
        let id = {
            let scratch = Ctx::default();
            let g = Value::Grid(scratch.grid_from(1, 2, &[1, 2]));
            let objs = kernels::dsl::fgpartition(&scratch, g);
            let vals = [g, objs];
            store.insert(hash_values(&vals), &vals, Node::Input, 0).unwrap()
        };
        let scratch = Ctx::default();
        let g = Value::Grid(scratch.grid_from(1, 2, &[1, 2]));
        let vals = [g, kernels::dsl::fgpartition(&scratch, g)];
        assert_eq!(store.find(hash_values(&vals), &vals), Some(id));
        let other = [g, Value::Int(1)];
        assert_eq!(store.find(hash_values(&other), &other), None);
        assert!(!same(&Value::Bool(true), &Value::Int(1)));
        assert_ne!(hash_values(&[Value::Bool(true)]), hash_values(&[Value::Int(1)]));
        assert!(store.insert(0, &[Value::prim(Prim::size)], Node::Input, 0).is_none());
    }
}
