//! From the syntax tree to the step list the interpreter runs: every call (nested ones too) becomes
//! one [`Step`] whose arguments are earlier steps' results, the input, or values known before the run
//! (constants, primitives as values, literals). Names are resolved and primitive arities checked
//! here, so a run never looks anything up.

use std::collections::HashMap;

use kernels::{Prim, Value};

use crate::ast::{Def, Expr};
use crate::error::{closest, ErrorKind, LocalError, Pos};

/// Where a step's argument comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// Slot 0 is the input, slot `k + 1` the result of step `k`.
    Slot(u32),
    /// A value known before the run: a DSL constant, a primitive as a value, a literal.
    Const(Const),
}

/// A value known before the run. Its own type rather than a `Value<'static>` so that programs are
/// `Send + Sync` (a `Value` may hold a closure, which is neither) and can be shared by worker threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Const {
    /// Python's `None` (also what unused argument entries hold).
    None,
    Int(i32),
    Bool(bool),
    /// An integer pair (`UP`, `ORIGIN`...).
    Point(i32, i32),
    /// A primitive as a function value (`argmax(x1, size)`).
    Prim(Prim),
}

impl Const {
    #[inline]
    pub fn value(self) -> Value<'static> {
        match self {
            Const::None => Value::None,
            Const::Int(v) => Value::Int(v),
            Const::Bool(b) => Value::Bool(b),
            Const::Point(i, j) => Value::Point((i, j)),
            Const::Prim(p) => Value::prim(p),
        }
    }

    /// A DSL constant's value as a `Const` (every constant of `constants.py` is one of these kinds).
    fn of(v: Value<'static>) -> Option<Const> {
        match v {
            Value::None => Some(Const::None),
            Value::Int(v) => Some(Const::Int(v)),
            Value::Bool(b) => Some(Const::Bool(b)),
            Value::Point((i, j)) => Some(Const::Point(i, j)),
            Value::Fn(kernels::Callable::Prim(p)) => Some(Const::Prim(p)),
            _ => None,
        }
    }
}

/// Most arguments of one call: the DSL's widest primitive (`objects`) takes 4, and so does any
/// function value the DSL can build.
pub const MAX_ARGS: usize = 4;

/// What one step does.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Calls a primitive (arity checked at compile time).
    Prim(Prim),
    /// Calls a function value (a local built by `compose`, `rbind`...), through `kernels::call`.
    Call(Operand),
    /// Builds a tuple of `items` (`ctx.tuple`, canonical like the compiled solvers' tuples).
    Tuple(Box<[Operand]>),
}

/// One step: an operation and its arguments (unused entries are `Operand::Const(Const::None)`).
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub op: Op,
    pub args: [Operand; MAX_ARGS],
    pub argc: u8,
}

impl Step {
    pub fn args(&self) -> &[Operand] {
        &self.args[..self.argc as usize]
    }
}

/// A compiled program body: steps, where each came from, and the result.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Compiled {
    pub steps: Vec<Step>,
    pub positions: Vec<Pos>,
    pub result: Operand,
}

pub(crate) fn compile(def: &Def) -> Result<Compiled, LocalError> {
    let mut c = Compiler { env: HashMap::new(), steps: Vec::new(), positions: Vec::new() };
    c.env.insert(def.input.clone(), Operand::Slot(0));
    for a in &def.body {
        let v = c.expr(&a.value)?;
        c.env.insert(a.target.clone(), v);
    }
    let result = c.expr(&def.result)?;
    Ok(Compiled { steps: c.steps, positions: c.positions, result })
}

struct Compiler {
    env: HashMap<String, Operand>,
    steps: Vec<Step>,
    positions: Vec<Pos>,
}

impl Compiler {
    fn push(&mut self, op: Op, args: &[Operand], pos: Pos) -> Operand {
        let mut a = [Operand::Const(Const::None); MAX_ARGS];
        a[..args.len()].copy_from_slice(args);
        self.steps.push(Step { op, args: a, argc: args.len() as u8 });
        self.positions.push(pos);
        Operand::Slot(self.steps.len() as u32)
    }

    fn expr(&mut self, e: &Expr) -> Result<Operand, LocalError> {
        match e {
            Expr::Int(v, _) => Ok(Operand::Const(Const::Int(*v))),
            Expr::Bool(b, _) => Ok(Operand::Const(Const::Bool(*b))),
            Expr::Name(n, p) => self.name(n, *p),
            Expr::Tuple(items, p) => {
                let items = items.iter().map(|x| self.expr(x)).collect::<Result<Vec<_>, _>>()?;
                Ok(self.push(Op::Tuple(items.into()), &[], *p))
            }
            Expr::Call(f, args, p) => {
                // A primitive called by name (and not shadowed by a local) is resolved now.
                let prim = match &**f {
                    Expr::Name(n, _) if !self.env.contains_key(n) => Prim::from_name(n),
                    _ => None,
                };
                let callee = match prim {
                    Some(_) => None,
                    None => Some(self.expr(f)?),
                };
                let args = args.iter().map(|x| self.expr(x)).collect::<Result<Vec<_>, _>>()?;
                if let Some(prim) = prim {
                    if args.len() != prim.arity() {
                        return Err(LocalError::new(
                            *p,
                            ErrorKind::Arity,
                            format!(
                                "`{}` takes {} argument{}, given {}",
                                prim.name(),
                                prim.arity(),
                                if prim.arity() == 1 { "" } else { "s" },
                                args.len()
                            ),
                        ));
                    }
                    return Ok(self.push(Op::Prim(prim), &args, *p));
                }
                if args.len() > MAX_ARGS {
                    return Err(LocalError::new(
                        *p,
                        ErrorKind::Arity,
                        format!("a DSL function takes at most {MAX_ARGS} arguments, given {}", args.len()),
                    ));
                }
                Ok(self.push(Op::Call(callee.unwrap()), &args, *p))
            }
        }
    }

    fn name(&self, n: &str, p: Pos) -> Result<Operand, LocalError> {
        if let Some(v) = self.env.get(n) {
            return Ok(*v);
        }
        if let Some(c) =
            kernels::constants::ALL.iter().find(|(c, _)| *c == n).and_then(|(_, v)| Const::of(*v))
        {
            return Ok(Operand::Const(c));
        }
        if let Some(prim) = Prim::from_name(n) {
            return Ok(Operand::Const(Const::Prim(prim)));
        }
        let mut known: Vec<&str> = self.env.keys().map(String::as_str).collect();
        known.extend(Prim::ALL.iter().map(|p| p.name()));
        known.extend(kernels::constants::ALL.iter().map(|(c, _)| *c));
        let close = closest(n, known.into_iter());
        let hint = if close.is_empty() {
            String::new()
        } else {
            format!("; did you mean `{}`?", close.join("`, `"))
        };
        Err(LocalError::new(
            p,
            ErrorKind::UnknownName,
            format!("`{n}` is not a local, the input, a DSL primitive or a DSL constant{hint}"),
        ))
    }
}
