//! The syntax tree both source forms parse to (arc-dsl's Python and the `#[solver]` Rust body): a
//! program is a list of single assignments and a result. Rendering works from this tree, so names
//! (`x1`, `O`) survive a round trip.

use crate::error::Pos;

/// Deepest nesting of calls and tuples accepted (deeper text is an error, never a stack overflow).
pub(crate) const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    /// A local, the input, a primitive or a constant, by its DSL name (`box`, not `r#box`).
    Name(String, Pos),
    Int(i32, Pos),
    Bool(bool, Pos),
    /// `(a, b, ...)`; Python's `()` and `(a,)` too.
    Tuple(Vec<Expr>, Pos),
    /// `f(args)`: `f` is usually a name, but may be any expression (`rbind(f, x)(y)`).
    Call(Box<Expr>, Vec<Expr>, Pos),
}

impl Expr {
    pub fn pos(&self) -> Pos {
        match self {
            Expr::Name(_, p)
            | Expr::Int(_, p)
            | Expr::Bool(_, p)
            | Expr::Tuple(_, p)
            | Expr::Call(_, _, p) => *p,
        }
    }
}

/// `target = value` (Python) or `let target = value;` (Rust).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assign {
    pub target: String,
    pub pos: Pos,
    pub value: Expr,
}

/// One program as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Def {
    pub name: String,
    /// The `def`/`fn` keyword's place.
    pub pos: Pos,
    /// The task from `#[solver("<task>")]`, if the source says.
    pub task: Option<String>,
    /// The input's name (`I`).
    pub input: String,
    pub body: Vec<Assign>,
    pub result: Expr,
}
