//! Batch evaluation: a round's applications (a primitive and the ids of its arguments) are evaluated
//! in batches on every task input, and each result tuple is deduplicated against the store. This is
//! the seam where a device plugs in: [`Evaluator`] takes a batch and answers, per application, failed,
//! the id of the equal value already stored, or the id of a new one. [`CpuEval`] calls the kernels'
//! primitives (`Prim::call`) in a scratch context that is reset after every application, so a result
//! is copied to the store only when it is new, and the step cap holds per application.

use kernels::{Ctx, Limits, Prim, Value};

use crate::store::{hash_values, Arg, Node, Store, ValId};

/// One application: a primitive and its arguments (`argc` of them); `size` is the new expression's.
#[derive(Clone, Copy, Debug)]
pub struct App {
    pub prim: Prim,
    pub args: [Arg; 4],
    pub argc: u8,
    pub size: u32,
}

impl App {
    pub fn args(&self) -> &[Arg] {
        &self.args[..self.argc as usize]
    }
}

/// What one application gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A call failed on some input (or gave a value the store does not keep, a function).
    Failed,
    /// The results equal a stored value's.
    Same(ValId),
    /// A new value.
    New(ValId),
}

/// Evaluates batches of applications on every task input, deduplicating into the store.
pub trait Evaluator {
    /// One outcome per application, in order, and the work units charged for the batch (the kernels'
    /// steps plus one per call), which the step budget counts.
    fn eval(&mut self, store: &mut Store, apps: &[App], outcomes: &mut Vec<Outcome>) -> u64;
}

/// The CPU evaluator: one thread, the kernels' primitives.
pub struct CpuEval {
    scratch: Ctx,
}

impl CpuEval {
    /// `limits` bound each application over all inputs (grid and container sizes, steps).
    pub fn new(limits: Limits) -> Self {
        CpuEval { scratch: Ctx::new(limits) }
    }
}

impl Evaluator for CpuEval {
    fn eval(&mut self, store: &mut Store, apps: &[App], outcomes: &mut Vec<Outcome>) -> u64 {
        let n = store.values.first().map_or(0, |e| e.vals.len());
        let mut charged = 0;
        for app in apps {
            let outcome = {
                let c = &self.scratch;
                let mut results: Vec<Value> = Vec::with_capacity(n);
                let mut ok = true;
                let mut weights = 0u64;
                for i in 0..n {
                    let mut args = [Value::None; 4];
                    for (a, arg) in args.iter_mut().zip(app.args()) {
                        *a = match *arg {
                            Arg::Val(v) => store.values[v as usize].vals[i],
                            Arg::Fun(f) => store.funs[f as usize].vals[i],
                        };
                    }
                    match app.prim.call(c, &args[..app.argc as usize]) {
                        Ok(v) if !c.failed() => {
                            let w = weight(&v, MAX_WEIGHT);
                            if w > MAX_WEIGHT {
                                ok = false;
                                break;
                            }
                            weights += w as u64;
                            results.push(v);
                        }
                        _ => {
                            ok = false;
                            break;
                        }
                    }
                }
                // Hashing, comparing and storing a result tuple take time in proportion to its weight.
                charged += c.steps() + CALL_COST * (results.len() as u64 + 1) + 2 * weights;
                if !ok {
                    Outcome::Failed
                } else {
                    let hash = hash_values(&results);
                    match store.find(hash, &results) {
                        Some(id) => Outcome::Same(id),
                        None => match store.insert(
                            hash,
                            &results,
                            Node::App(app.prim, app.args().into()),
                            app.size,
                        ) {
                            Some(id) => Outcome::New(id),
                            None => Outcome::Failed,
                        },
                    }
                }
            };
            self.scratch.reset();
            outcomes.push(outcome);
        }
        charged
    }
}

/// Work units charged per call besides the kernels' own steps and twice the result's weight (which
/// hashing, deduplicating and storing cost in proportion to): the fixed cost of a call.
pub const CALL_COST: u64 = 16;

/// Most cells, points and items one result may hold (all levels counted): a 30x30 grid is 900, and
/// larger values (sets of sets of every cell's neighbours...) would fill the store's memory with
/// values no ARC answer needs.
pub const MAX_WEIGHT: usize = 1024;

/// Cells, points and items in `v`, counted up to `cap` (a function or `None` weighs more than any cap).
pub fn weight(v: &Value, cap: usize) -> usize {
    match v {
        Value::None | Value::Fn(_) => usize::MAX,
        Value::Bool(_) | Value::Int(_) | Value::Point(_) | Value::Cell(_) => 1,
        Value::Grid(g) => g.cells.len().max(1),
        Value::Object(c) => c.len().max(1),
        Value::Indices(p) => p.len().max(1),
        Value::Set(items) | Value::Tuple(items) => {
            let mut w: usize = 1;
            for x in items.iter() {
                w = w.saturating_add(weight(x, cap));
                if w > cap {
                    return w;
                }
            }
            w
        }
    }
}
