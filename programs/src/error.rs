//! What can be wrong with a program's text: one value per problem, displayed as one line that names the
//! source, the place and the program.

use std::fmt;

/// A place in a program's source: 1-based line and column (columns count characters).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub const fn new(line: u32, column: u32) -> Self {
        Pos { line, column }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// The kinds of problems found before a program runs.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ErrorKind {
    /// Text that is not part of the language (a stray token, an unclosed bracket, a missing `return`).
    Syntax,
    /// A name that is neither a local, the input, a DSL primitive nor a DSL constant.
    UnknownName,
    /// A primitive called with the wrong number of arguments (`kernels::Prim::arity`).
    Arity,
    /// Valid Rust or Python that run-time programs do not support (closures, `if`, keyword arguments...).
    Unsupported,
    /// A JSON line that is not `{"task": ..., "name": ..., "source": ...}`.
    Json,
}

impl ErrorKind {
    pub fn text(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "syntax error",
            ErrorKind::UnknownName => "unknown name",
            ErrorKind::Arity => "wrong arity",
            ErrorKind::Unsupported => "unsupported",
            ErrorKind::Json => "bad JSON line",
        }
    }
}

/// One problem in one program. Displayed as
/// `<origin>:<line>:<column>: <kind> in <program>: <message>` (one line).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ProgramError {
    /// Where the text came from: a file path, `<stdin>:7` (line 7 of a JSON-lines stream)...
    pub origin: String,
    /// The program's name, when the error is inside one.
    pub program: Option<String>,
    pub pos: Pos,
    pub kind: ErrorKind,
    pub message: String,
}

impl fmt::Display for ProgramError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.origin, self.pos, self.kind.text())?;
        if let Some(p) = &self.program {
            write!(f, " in `{p}`")?;
        }
        // Messages are one line by construction; keep the promise even for foreign text (serde, syn).
        write!(f, ": {}", self.message.replace(['\n', '\r'], " "))
    }
}

impl std::error::Error for ProgramError {}

/// An error before its origin and program are known (filled in by the caller).
#[derive(Clone, Debug)]
pub(crate) struct LocalError {
    pub pos: Pos,
    pub kind: ErrorKind,
    pub message: String,
}

impl LocalError {
    pub fn new(pos: Pos, kind: ErrorKind, message: impl Into<String>) -> Self {
        LocalError { pos, kind, message: message.into() }
    }
    pub fn syntax(pos: Pos, message: impl Into<String>) -> Self {
        Self::new(pos, ErrorKind::Syntax, message)
    }
    pub fn into_error(self, origin: &str, program: Option<&str>) -> ProgramError {
        ProgramError {
            origin: origin.to_string(),
            program: program.map(str::to_string),
            pos: self.pos,
            kind: self.kind,
            message: self.message,
        }
    }
}

/// The closest of `known` to `name` (edit distance at most 2, less for short names), all ties.
pub(crate) fn closest<'k>(name: &str, known: impl Iterator<Item = &'k str>) -> Vec<&'k str> {
    let mut best: Vec<(usize, &str)> = known.filter_map(|k| distance(name, k).map(|d| (d, k))).collect();
    best.sort_unstable();
    best.dedup();
    let min = best.first().map(|b| b.0);
    best.into_iter().filter(|b| Some(b.0) == min).map(|b| b.1).collect()
}

/// Edit distance if it is at most 2 (and under a third of the shorter name).
fn distance(a: &str, b: &str) -> Option<usize> {
    let (a, b): (Vec<char>, Vec<char>) =
        (a.to_lowercase().chars().collect(), b.to_lowercase().chars().collect());
    if a.len().abs_diff(b.len()) > 2 {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    let d = prev[b.len()];
    (d <= 2.min(a.len().min(b.len()) / 3)).then_some(d)
}
