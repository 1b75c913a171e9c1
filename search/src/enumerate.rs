//! Typed bottom-up enumeration of one task's programs, by size: round `s` builds every expression of
//! `s` calls whose arguments are stored values (and function values) of smaller sizes, each argument
//! admitted by the primitive's parameter annotation ([`kernels::Prim::signature`]). Results go through
//! the [`Evaluator`] in batches and are deduplicated by their results on every input, so a round only
//! ever combines distinct values. Function arguments of the higher-order primitives ([`hof`]) are
//! unary primitives used as values, `lbind`/`rbind` of a binary primitive with a found value, and
//! `compose` of a unary primitive with one of those; their size counts one call per builder.
//!
//! Everything a round does is in a fixed order (primitives whose result can be a grid first, each kind
//! by the number of applications it makes this round, then table order; the grid ones in three passes
//! by [`shape::fit`]: applications whose result shapes are the outputs' on every demonstration, then
//! those not predicted, then, except in the last round, those that cannot be candidates; sizes
//! ascending; value ids ascending), and the budgets are checked between batches of a fixed length, so the same task and
//! the same step budget give the same values, the same candidates and the same program on every
//! machine; only the wall-clock budget depends on the machine (and is reported when it is what
//! stopped the search).

use std::collections::HashMap;
use std::time::Instant;

use kernels::{FuncData, Prim, Ty, Value};

use crate::eval::{App, Evaluator, Outcome};
use crate::shape::{self, Fit};
use crate::store::{Arg, Fun, FunNode, Node, Store, ValId};
use crate::types::{bit, overlaps};
use crate::{Options, Stop};

/// Applications per batch: the unit between budget checks.
pub const BATCH: usize = 256;

/// Largest function argument (calls in it): `compose(f, rbind(g, x))` is 2.
const MAX_FUN_SIZE: u32 = 2;

/// Primitives the rounds do not apply directly: the builders of function values (the search builds
/// those itself), `identity`, and those whose `Any` parameters take every value found (equality,
/// membership, one-element containers) or that pair everything with everything (`product`,
/// `interval`, `pair`, `repeat`): they multiply the space without new grids; `lbind`/`rbind` still
/// reach them as functions.
pub const NOT_APPLIED: &[Prim] = &[
    Prim::identity,
    Prim::compose,
    Prim::chain,
    Prim::matcher,
    Prim::rbind,
    Prim::lbind,
    Prim::power,
    Prim::fork,
    Prim::branch,
    Prim::rapply,
    Prim::papply,
    Prim::mpapply,
    Prim::prapply,
    Prim::equality,
    Prim::contained,
    Prim::repeat,
    Prim::initset,
    Prim::insert,
    Prim::remove,
    Prim::interval,
    Prim::product,
    Prim::pair,
];

/// A higher-order primitive the rounds apply: which argument is the function, which the container it
/// maps over, and what the function must return.
pub fn hof(p: Prim) -> Option<(usize, usize, Option<Ty>)> {
    use Prim::*;
    Some(match p {
        order | valmax | valmin | argmax | argmin => (1, 0, Some(Ty::Integer)),
        sfilter | mfilter | extract => (1, 0, Some(Ty::Boolean)),
        apply | mapply => (0, 1, None),
        _ => return None,
    })
}

/// The primitives a round applies, in order: those whose result can be a grid first (a round cut
/// short by the budget has then tried the candidates' last calls first), then the others in table
/// order; the last round applies only the first kind (nothing made there feeds a later call).
pub fn round_order(last: bool) -> Vec<Prim> {
    let applied = Prim::ALL.iter().copied().filter(|p| !NOT_APPLIED.contains(p));
    let grid = |p: &Prim| overlaps(p.signature().result) & bit(Ty::Grid) != 0;
    let mut order: Vec<Prim> = applied.clone().filter(grid).collect();
    if !last {
        order.extend(applied.filter(|p| !grid(p)));
    }
    order
}

/// Where one task's search stands.
pub struct Search<'s, 'e> {
    pub store: Store<'s>,
    opts: &'e Options,
    eval: &'e mut dyn Evaluator,
    start: Instant,
    /// Demonstration outputs (the first inputs are the demonstrations).
    outputs: &'e [crate::GridData],
    /// The demonstration outputs' shapes.
    output_shapes: Vec<(u32, u32)>,
    /// Whether each value depends on the input (an expression of constants only is never applied).
    dep: Vec<bool>,
    batch: Vec<App>,
    outcomes: Vec<Outcome>,
    pub rounds: u32,
    pub tried: u64,
    pub steps: u64,
    pub stop: Option<Stop>,
    /// Values whose demonstration results are the demonstration outputs, in the order found.
    pub candidates: Vec<ValId>,
}

impl<'s, 'e> Search<'s, 'e> {
    pub fn new(
        store: Store<'s>,
        opts: &'e Options,
        eval: &'e mut dyn Evaluator,
        outputs: &'e [crate::GridData],
    ) -> Self {
        let dep = store.values.iter().map(|e| e.node == Node::Input).collect();
        Search {
            store,
            opts,
            eval,
            start: Instant::now(),
            outputs,
            output_shapes: outputs.iter().map(|o| (o.h as u32, o.w as u32)).collect(),
            dep,
            batch: Vec::with_capacity(BATCH),
            outcomes: Vec::with_capacity(BATCH),
            rounds: 0,
            tried: 0,
            steps: 0,
            stop: None,
            candidates: Vec::new(),
        }
    }

    /// Rounds until a budget runs out, the depth is reached, or candidates are found (the round after
    /// the first candidate's still runs, for a second attempt, unless there are two already).
    pub fn run(&mut self) {
        let mut first_found: Option<u32> = None;
        for s in 1..=self.opts.max_depth {
            self.rounds = s;
            self.build_functions(s - 1);
            let mut order = round_order(s == self.opts.max_depth);
            // Within each kind, the primitives with the fewest applications this round go first.
            let grid = |p: &Prim| overlaps(p.signature().result) & bit(Ty::Grid) != 0;
            let costs: Vec<(bool, u64)> = order.iter().map(|&p| (!grid(&p), self.estimate(p, s))).collect();
            let mut keyed: Vec<((bool, u64), usize, Prim)> =
                order.drain(..).enumerate().map(|(k, p)| (costs[k], k, p)).collect();
            keyed.sort();
            // The grid primitives in passes by shape fit: the applications whose results have the
            // outputs' shapes on every demonstration first, then those not predicted, then (except in
            // the last round, where they cannot be candidates) those that cannot have them.
            let last = s == self.opts.max_depth;
            let passes: &[Fit] =
                if last { &[Fit::Match, Fit::Unknown] } else { &[Fit::Match, Fit::Unknown, Fit::Mismatch] };
            for &pass in passes {
                for &(key, _, p) in &keyed {
                    if self.stop.is_some() || key.0 {
                        break;
                    }
                    if hof(p).is_some() {
                        if pass == Fit::Unknown {
                            self.round_hof(p, s);
                        }
                    } else if pass == Fit::Unknown || shape::predicts(p) {
                        self.round_plain(p, s, Some(pass));
                    }
                }
            }
            for &(key, _, p) in &keyed {
                if self.stop.is_some() {
                    break;
                }
                if !key.0 {
                    continue;
                }
                if hof(p).is_some() {
                    self.round_hof(p, s);
                } else {
                    self.round_plain(p, s, None);
                }
            }
            self.flush();
            if self.stop.is_some() {
                return;
            }
            if !self.candidates.is_empty() {
                let first = *first_found.get_or_insert(s);
                if self.candidates.len() >= 2 || s > first {
                    self.stop = Some(Stop::Found);
                    return;
                }
            }
        }
        self.stop = Some(if self.candidates.is_empty() { Stop::Depth } else { Stop::Found });
    }

    /// How many applications of `p` round `s` makes (before the input-dependence filter).
    fn estimate(&self, p: Prim, s: u32) -> u64 {
        let count = |ty: Ty, size: u32| -> u64 {
            self.store.by_size.get(size as usize).map_or(0, |ids| {
                ids.iter().filter(|&&id| self.store.values[id as usize].mask & bit(ty) != 0).count() as u64
            })
        };
        if let Some((_, cpos, _)) = hof(p) {
            let cty = p.signature().params[cpos];
            return (0..s)
                .map(|f| {
                    let funs = self.store.funs.iter().filter(|x| x.size == f).count() as u64;
                    funs * count(cty, s - 1 - f)
                })
                .sum();
        }
        let params = p.signature().params;
        if params.contains(&Ty::Callable) {
            return 0;
        }
        // Sum over the splits of s - 1 calls of the product of the candidates' counts.
        fn splits(params: &[Ty], left: u32, count: &dyn Fn(Ty, u32) -> u64) -> u64 {
            match params {
                [] => (left == 0) as u64,
                [t, rest @ ..] => (0..=left)
                    .map(|z| {
                        let n = count(*t, z);
                        if n == 0 {
                            0
                        } else {
                            n.saturating_mul(splits(rest, left - z, count))
                        }
                    })
                    .fold(0u64, |a, b| a.saturating_add(b)),
            }
        }
        splits(params, s - 1, &count)
    }

    /// Values of size `size` admitted by `ty`.
    fn typed(&self, ty: Ty, size: u32) -> Vec<ValId> {
        let Some(ids) = self.store.by_size.get(size as usize) else { return Vec::new() };
        ids.iter().copied().filter(|&id| self.store.values[id as usize].mask & bit(ty) != 0).collect()
    }

    /// Applies `p` to every admitted tuple of arguments of `s - 1` calls in all; with `pass`, only
    /// those whose shape fit ([`shape::fit`]) is `pass`.
    fn round_plain(&mut self, p: Prim, s: u32, pass: Option<Fit>) {
        let params = p.signature().params;
        let predicts = shape::predicts(p);
        if params.contains(&Ty::Callable) {
            return;
        }
        let k = params.len();
        let mut cache: HashMap<(Ty, u32), Vec<ValId>> = HashMap::new();
        // Every way to split the s - 1 calls of the arguments over the k parameters.
        let mut sizes = vec![0u32; k];
        loop {
            if sizes.iter().sum::<u32>() == s - 1 {
                let lists: Vec<Vec<ValId>> = params
                    .iter()
                    .zip(&sizes)
                    .map(|(&t, &z)| cache.entry((t, z)).or_insert_with(|| self.typed(t, z)).clone())
                    .collect();
                if lists.iter().all(|l| !l.is_empty()) {
                    let mut idx = vec![0usize; k];
                    'odometer: loop {
                        let ids: Vec<ValId> = idx.iter().zip(&lists).map(|(&i, l)| l[i]).collect();
                        if ids.iter().any(|&id| self.dep[id as usize])
                            && pass.is_none_or(|want| self.fit(p, &ids, predicts) == want)
                        {
                            let mut args = [Arg::Val(0); 4];
                            for (a, &id) in args.iter_mut().zip(&ids) {
                                *a = Arg::Val(id);
                            }
                            if !self.push(App { prim: p, args, argc: k as u8, size: s }) {
                                return;
                            }
                        }
                        for d in (0..k).rev() {
                            idx[d] += 1;
                            if idx[d] < lists[d].len() {
                                continue 'odometer;
                            }
                            idx[d] = 0;
                        }
                        break;
                    }
                }
            }
            // Next size split (odometer over 0..=s-1 per parameter).
            let mut d = k;
            loop {
                if d == 0 {
                    return;
                }
                d -= 1;
                sizes[d] += 1;
                if sizes[d] < s {
                    break;
                }
                sizes[d] = 0;
            }
        }
    }

    fn round_hof(&mut self, p: Prim, s: u32) {
        let (fpos, cpos, wants) = hof(p).expect("a higher-order primitive");
        let cty = p.signature().params[cpos];
        for fsize in 0..s {
            let csize = s - 1 - fsize;
            let funs: Vec<u32> = (0..self.store.funs.len() as u32)
                .filter(|&f| {
                    let fun = &self.store.funs[f as usize];
                    fun.size == fsize && wants.is_none_or(|w| fun.result == w)
                })
                .collect();
            if funs.is_empty() {
                continue;
            }
            for c in self.typed(cty, csize) {
                if !self.dep[c as usize] {
                    continue;
                }
                let elems = self.store.values[c as usize].elems;
                for &f in &funs {
                    if elems & bit(self.store.funs[f as usize].param) == 0 {
                        continue;
                    }
                    let mut args = [Arg::Val(0); 4];
                    args[fpos] = Arg::Fun(f);
                    args[cpos] = Arg::Val(c);
                    if !self.push(App { prim: p, args, argc: 2, size: s }) {
                        return;
                    }
                }
            }
        }
    }

    /// Adds function values of `size` calls (none past [`MAX_FUN_SIZE`] or the function cap).
    fn build_functions(&mut self, size: u32) {
        if size > MAX_FUN_SIZE {
            return;
        }
        let n = self.store.values.first().map_or(0, |e| e.vals.len());
        let mut new: Vec<(FunNode, Ty, Ty)> = Vec::new();
        let usable = |p: &Prim| {
            let sig = p.signature();
            !sig.params.contains(&Ty::Callable) && *p != Prim::identity && sig.result != Ty::Callable
        };
        if size == 0 {
            for p in Prim::ALL.iter().filter(|p| p.arity() == 1 && usable(p)) {
                let sig = p.signature();
                new.push((FunNode::Prim(*p), sig.params[0], sig.result));
            }
        } else {
            let binary: Vec<Prim> =
                Prim::ALL.iter().copied().filter(|p| p.arity() == 2 && usable(p)).collect();
            for &p in &binary {
                let sig = p.signature();
                for v in self.typed(sig.params[0], size - 1) {
                    new.push((FunNode::LBind(p, v), sig.params[1], sig.result));
                }
                for v in self.typed(sig.params[1], size - 1) {
                    new.push((FunNode::RBind(p, v), sig.params[0], sig.result));
                }
            }
            let outer: Vec<u32> = (0..self.store.funs.len() as u32)
                .filter(|&g| {
                    let g = &self.store.funs[g as usize];
                    g.size == 0 && matches!(g.result, Ty::Boolean | Ty::Integer)
                })
                .collect();
            for h in 0..self.store.funs.len() as u32 {
                let hf = &self.store.funs[h as usize];
                if hf.size != size - 1 {
                    continue;
                }
                for &g in &outer {
                    let gf = &self.store.funs[g as usize];
                    if overlaps(hf.result) & bit(gf.param) != 0 {
                        new.push((FunNode::Compose(g, h), hf.param, gf.result));
                    }
                }
            }
        }
        let ctx = self.store.ctx;
        for (node, param, result) in new {
            if self.store.funs.len() >= self.opts.max_funs {
                break;
            }
            let vals: Vec<Value> = (0..n)
                .map(|i| match node {
                    FunNode::Prim(p) => Value::prim(p),
                    FunNode::LBind(p, v) => {
                        ctx.func(FuncData::LBind(Value::prim(p), self.store.values[v as usize].vals[i]))
                    }
                    FunNode::RBind(p, v) => {
                        ctx.func(FuncData::RBind(Value::prim(p), self.store.values[v as usize].vals[i]))
                    }
                    FunNode::Compose(g, h) => ctx.func(FuncData::Compose(
                        self.store.funs[g as usize].vals[i],
                        self.store.funs[h as usize].vals[i],
                    )),
                    FunNode::Fork(p, a, b) => ctx.func(FuncData::Fork(
                        Value::prim(p),
                        self.store.funs[a as usize].vals[i],
                        self.store.funs[b as usize].vals[i],
                    )),
                })
                .collect();
            let vals = ctx.arena().alloc_slice_copy(&vals);
            self.store.funs.push(Fun { vals, node, param, result, size });
        }
    }

    /// Queues one application; `false` once a budget has stopped the search.
    fn push(&mut self, app: App) -> bool {
        self.batch.push(app);
        if self.batch.len() >= BATCH {
            self.flush();
        }
        self.stop.is_none()
    }

    fn flush(&mut self) {
        if self.batch.is_empty() || self.stop.is_some() {
            self.batch.clear();
            return;
        }
        self.outcomes.clear();
        self.steps += self.eval.eval(&mut self.store, &self.batch, &mut self.outcomes);
        self.tried += self.batch.len() as u64;
        for (app, outcome) in self.batch.iter().zip(&self.outcomes) {
            if let Outcome::New(id) = *outcome {
                let dep = app.args().iter().any(|a| match *a {
                    Arg::Val(v) => self.dep[v as usize],
                    Arg::Fun(_) => false,
                });
                self.dep.push(dep);
                debug_assert_eq!(self.dep.len(), id as usize + 1);
                if self.fits(id) {
                    self.candidates.push(id);
                }
            }
        }
        self.batch.clear();
        if self.steps > self.opts.max_steps {
            self.stop = Some(Stop::Steps);
        } else if self.store.values.len() > self.opts.max_values || self.store.bytes() > self.opts.max_bytes {
            self.stop = Some(Stop::Memory);
        } else if self.opts.budget.is_some_and(|b| self.start.elapsed() > b) {
            self.stop = Some(Stop::Time);
        }
    }

    /// The shape fit of `p` on the values `ids` ([`Fit::Unknown`] unless `predicts`).
    fn fit(&self, p: Prim, ids: &[ValId], predicts: bool) -> Fit {
        if !predicts {
            return Fit::Unknown;
        }
        let values = &self.store.values;
        shape::fit(
            p,
            &self.output_shapes,
            |i| {
                let mut a = [Value::None; 4];
                for (x, &id) in a.iter_mut().zip(ids) {
                    *x = values[id as usize].vals[i];
                }
                a
            },
            ids.len(),
        )
    }

    /// Whether a value gives the demonstration outputs (and grids on the tests).
    fn fits(&self, id: ValId) -> bool {
        let e = &self.store.values[id as usize];
        e.mask & bit(Ty::Grid) != 0
            && self.outputs.iter().zip(e.vals).all(|(want, got)| match got {
                Value::Grid(g) => {
                    g.h as usize == want.h && g.w as usize == want.w && g.cells == &want.cells[..]
                }
                _ => false,
            })
    }
}
