//! arc-dsl's Python form: `def solve_<name>(I):`, one assignment per line, `return O`.
//!
//! A hand-written lexer and recursive-descent parser for this line-based subset: a full Python
//! parser crate (rustpython-parser, ruff's) is a large dependency and yields a general AST that would
//! still have to be walked and restricted to exactly this subset, with our own messages. Here every
//! token carries its line and column, brackets may span lines as in Python, and a problem inside one
//! `def` is reported and the parser moves on to the next `def` at column 1.

use crate::ast::{Assign, Def, Expr, MAX_DEPTH};
use crate::error::{LocalError, Pos};

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Name(String),
    Int(u64),
    /// An integer too large for any DSL value.
    BigInt,
    Str,
    Punct(&'static str),
    /// A character that is not part of the language (reported when the line is parsed).
    Bad(char),
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    pos: Pos,
}

/// One logical line: its tokens (brackets join physical lines) or why it could not be read.
struct Line {
    pos: Pos,
    tokens: Vec<Token>,
    error: Option<LocalError>,
}

const PUNCTS: &[&str] =
    &["->", "**", "==", "(", ")", "[", "]", "{", "}", ",", "=", ":", "-", "+", "*", ".", ";"];

/// Splits `text` into logical lines, skipping comments and blank lines.
fn lines(text: &str) -> Vec<Line> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut k, mut line, mut col) = (0usize, 1u32, 1u32);
    let mut cur: Option<Line> = None;
    // Open brackets of the current logical line, innermost last (for "never closed").
    let mut open: Vec<(char, Pos)> = Vec::new();
    macro_rules! advance {
        () => {{
            if chars[k] == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
            k += 1;
        }};
    }
    while k < chars.len() {
        let c = chars[k];
        let pos = Pos::new(line, col);
        if c == '\n' {
            if open.is_empty() {
                out.extend(cur.take());
            }
            advance!();
            continue;
        }
        if c == '\\' && chars.get(k + 1) == Some(&'\n') {
            advance!();
            advance!();
            continue;
        }
        if c.is_whitespace() {
            advance!();
            continue;
        }
        if c == '#' {
            while k < chars.len() && chars[k] != '\n' {
                advance!();
            }
            continue;
        }
        // A `def` at column 1 inside an open bracket: the bracket was never closed; end that line
        // there so the next program still parses.
        if !open.is_empty() && col == 1 && text_at(&chars, k, "def") {
            if let Some(l) = cur.as_mut() {
                l.error.get_or_insert(never_closed(&open));
            }
            out.extend(cur.take());
            open.clear();
        }
        let l = cur.get_or_insert_with(|| Line { pos, tokens: Vec::new(), error: None });
        let tok = if c.is_ascii_alphabetic() || c == '_' {
            let start = k;
            while k < chars.len() && (chars[k].is_ascii_alphanumeric() || chars[k] == '_') {
                advance!();
            }
            Tok::Name(chars[start..k].iter().collect())
        } else if c.is_ascii_digit() {
            let start = k;
            while k < chars.len() && (chars[k].is_ascii_alphanumeric() || chars[k] == '_') {
                advance!();
            }
            let s: String = chars[start..k].iter().filter(|c| **c != '_').collect();
            if !s.bytes().all(|b| b.is_ascii_digit()) {
                l.error.get_or_insert(LocalError::syntax(pos, format!("`{s}` is not a decimal integer")));
                Tok::Bad(c)
            } else {
                s.parse::<u64>().map(Tok::Int).unwrap_or(Tok::BigInt)
            }
        } else if c == '"' || c == '\'' {
            let triple = chars.get(k + 1) == Some(&c) && chars.get(k + 2) == Some(&c);
            let n = if triple { 3 } else { 1 };
            for _ in 0..n {
                advance!();
            }
            let mut closed = false;
            while k < chars.len() {
                if chars[k] == '\\' && k + 1 < chars.len() {
                    advance!();
                    advance!();
                    continue;
                }
                if !triple && chars[k] == '\n' {
                    break;
                }
                if chars[k] == c
                    && (!triple || (chars.get(k + 1) == Some(&c) && chars.get(k + 2) == Some(&c)))
                {
                    for _ in 0..n {
                        advance!();
                    }
                    closed = true;
                    break;
                }
                advance!();
            }
            if !closed {
                l.error.get_or_insert(LocalError::syntax(pos, "string is never closed"));
            }
            Tok::Str
        } else if let Some(p) = PUNCTS.iter().find(|p| text_at(&chars, k, p)) {
            for _ in 0..p.len() {
                advance!();
            }
            match *p {
                "(" | "[" | "{" => open.push((c, pos)),
                ")" | "]" | "}" if open.pop().is_none() => {
                    l.error.get_or_insert(LocalError::syntax(pos, format!("`{p}` closes no bracket")));
                }
                _ => {}
            }
            Tok::Punct(p)
        } else {
            advance!();
            Tok::Bad(c)
        };
        l.tokens.push(Token { tok, pos });
    }
    if let Some(mut l) = cur.take() {
        if !open.is_empty() {
            l.error.get_or_insert(never_closed(&open));
        }
        out.push(l);
    }
    out
}

fn never_closed(open: &[(char, Pos)]) -> LocalError {
    let (c, pos) = open[open.len() - 1];
    LocalError::syntax(pos, format!("`{c}` is never closed"))
}

fn text_at(chars: &[char], k: usize, s: &str) -> bool {
    let mut i = k;
    for c in s.chars() {
        if chars.get(i) != Some(&c) {
            return false;
        }
        i += 1;
    }
    // A keyword must end there (`define` is not `def`).
    !(s.chars().all(|c| c.is_ascii_alphabetic())
        && chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_'))
}

/// The programs of a Python text: each `def` parsed, or the first problem inside it.
pub(crate) fn parse(text: &str) -> Vec<Result<Def, (Option<String>, LocalError)>> {
    let mut out = Vec::new();
    // The def being read: its header, statements so far, result, and whether it already failed.
    struct Open {
        def: Def,
        result: Option<Expr>,
        failed: bool,
        after_return: bool,
    }
    let mut open: Option<Open> = None;
    let mut skipping_stray = false;
    let finish = |o: Open, out: &mut Vec<_>| {
        if o.failed {
            return;
        }
        match o.result {
            Some(r) => out.push(Ok(Def { result: r, ..o.def })),
            None => out.push(Err((
                Some(o.def.name.clone()),
                LocalError::syntax(o.def.pos, "the program ends without `return`"),
            ))),
        }
    };
    for l in lines(text) {
        let top = l.pos.column == 1;
        if top {
            if let Some(o) = open.take() {
                finish(o, &mut out);
            }
            let module_doc = l.tokens.len() == 1 && l.tokens[0].tok == Tok::Str;
            if module_doc
                || matches!(l.tokens.first().map(|t| &t.tok), Some(Tok::Name(n)) if n == "from" || n == "import")
            {
                skipping_stray = false;
                continue;
            }
            match header(&l) {
                Ok(def) => {
                    skipping_stray = false;
                    open = Some(Open { def, result: None, failed: false, after_return: false });
                }
                Err((name, e)) => {
                    // One error per run of stray lines, not one per line.
                    if name.is_some() || !skipping_stray {
                        out.push(Err((name.clone(), e)));
                    }
                    skipping_stray = name.is_none();
                    if let Some(name) = name {
                        // A broken header still starts a program: its body lines belong to it.
                        let def = Def {
                            name,
                            pos: l.pos,
                            task: None,
                            input: String::new(),
                            body: Vec::new(),
                            result: Expr::Int(0, l.pos),
                        };
                        open = Some(Open { def, result: None, failed: true, after_return: false });
                    }
                }
            }
            continue;
        }
        let Some(o) = open.as_mut() else {
            if !skipping_stray {
                out.push(Err((None, LocalError::syntax(l.pos, "indented line outside any `def`"))));
                skipping_stray = true;
            }
            continue;
        };
        if o.failed {
            continue;
        }
        let r = statement(&l, o.after_return);
        match r {
            Ok(Stmt::Doc) => {}
            Ok(Stmt::Assign(a)) => o.def.body.push(a),
            Ok(Stmt::Return(e)) => {
                o.result = Some(e);
                o.after_return = true;
            }
            Err(e) => {
                out.push(Err((Some(o.def.name.clone()), e)));
                o.failed = true;
            }
        }
    }
    if let Some(o) = open.take() {
        finish(o, &mut out);
    }
    out
}

enum Stmt {
    Assign(Assign),
    Return(Expr),
    /// A docstring or other lone string: ignored, as Python does.
    Doc,
}

/// A cursor over one line's tokens.
struct Cursor<'l> {
    tokens: &'l [Token],
    k: usize,
    /// Where the line ends (for "expected ... at end of line").
    end: Pos,
}

impl<'l> Cursor<'l> {
    fn new(l: &'l Line) -> Self {
        let end =
            l.tokens.last().map(|t| Pos::new(t.pos.line, t.pos.column + tok_len(&t.tok))).unwrap_or(l.pos);
        Cursor { tokens: &l.tokens, k: 0, end }
    }
    fn peek(&self) -> Option<&'l Token> {
        self.tokens.get(self.k)
    }
    fn pos(&self) -> Pos {
        self.peek().map(|t| t.pos).unwrap_or(self.end)
    }
    fn next(&mut self) -> Option<&'l Token> {
        let t = self.tokens.get(self.k);
        self.k += 1;
        t
    }
    fn is(&self, p: &str) -> bool {
        matches!(self.peek(), Some(Token { tok: Tok::Punct(q), .. }) if *q == p)
    }
    fn expect(&mut self, p: &str, what: &str) -> Result<Pos, LocalError> {
        if self.is(p) {
            Ok(self.next().unwrap().pos)
        } else {
            Err(LocalError::syntax(self.pos(), format!("expected `{p}` {what}, found {}", self.found())))
        }
    }
    fn name(&mut self, what: &str) -> Result<(String, Pos), LocalError> {
        match self.peek() {
            Some(Token { tok: Tok::Name(n), pos }) => {
                self.k += 1;
                Ok((n.clone(), *pos))
            }
            _ => Err(LocalError::syntax(self.pos(), format!("expected {what}, found {}", self.found()))),
        }
    }
    fn found(&self) -> String {
        match self.peek() {
            None => "the end of the line".into(),
            Some(t) => match &t.tok {
                Tok::Name(n) => format!("`{n}`"),
                Tok::Int(v) => format!("`{v}`"),
                Tok::BigInt => "a huge integer".into(),
                Tok::Str => "a string".into(),
                Tok::Punct(p) => format!("`{p}`"),
                Tok::Bad(c) => format!("`{}`", c.escape_default()),
            },
        }
    }
    fn at_end(&self) -> bool {
        self.k >= self.tokens.len()
    }
    fn end_of_line(&self, what: &str) -> Result<(), LocalError> {
        if self.at_end() {
            Ok(())
        } else {
            Err(LocalError::syntax(
                self.pos(),
                format!("expected the end of the line {what}, found {}", self.found()),
            ))
        }
    }
}

fn tok_len(t: &Tok) -> u32 {
    match t {
        Tok::Name(n) => n.chars().count() as u32,
        Tok::Int(v) => v.to_string().len() as u32,
        Tok::Punct(p) => p.len() as u32,
        _ => 1,
    }
}

/// `def NAME(INPUT[: Type])[ -> Type]:`; on failure, the name if it was read.
fn header(l: &Line) -> Result<Def, (Option<String>, LocalError)> {
    let mut c = Cursor::new(l);
    if !matches!(c.peek().map(|t| &t.tok), Some(Tok::Name(n)) if n == "def") {
        return Err((
            None,
            LocalError::syntax(l.pos, format!("expected `def solve_<name>(I):`, found {}", c.found())),
        ));
    }
    c.next();
    let (name, _) = c.name("the program's name after `def`").map_err(|e| (None, e))?;
    let named = |e| (Some(name.clone()), e);
    if let Some(e) = &l.error {
        return Err(named(e.clone()));
    }
    c.expect("(", "after the program's name").map_err(named)?;
    let (input, _) = c.name("the input's name (`I`)").map_err(named)?;
    if c.is(":") {
        c.next();
        c.name("the input's type").map_err(named)?;
    }
    if c.is(",") {
        return Err(named(LocalError::syntax(c.pos(), "a program takes one input: `def solve_<name>(I):`")));
    }
    c.expect(")", "after the input").map_err(named)?;
    if c.is("->") {
        c.next();
        c.name("the result's type").map_err(named)?;
    }
    c.expect(":", "at the end of the `def` line").map_err(named)?;
    if !c.at_end() {
        return Err(named(LocalError::syntax(
            c.pos(),
            "put the program's steps on their own lines after `def ...:`",
        )));
    }
    Ok(Def { name, pos: l.pos, task: None, input, body: Vec::new(), result: Expr::Int(0, l.pos) })
}

fn statement(l: &Line, after_return: bool) -> Result<Stmt, LocalError> {
    if let Some(e) = &l.error {
        return Err(e.clone());
    }
    let mut c = Cursor::new(l);
    if matches!(c.peek().map(|t| &t.tok), Some(Tok::Str)) && l.tokens.len() == 1 {
        return Ok(Stmt::Doc);
    }
    if after_return {
        return Err(LocalError::syntax(
            l.pos,
            "a step after `return` (the program must end with its `return`)",
        ));
    }
    let (first, pos) = c.name("a step `name = primitive(args)` or `return name`")?;
    if first == "return" {
        if c.at_end() {
            return Err(LocalError::syntax(c.pos(), "return the output: `return O`"));
        }
        let e = expr(&mut c, 0)?;
        c.end_of_line("after the returned value")?;
        return Ok(Stmt::Return(e));
    }
    if KEYWORDS.contains(&first.as_str()) {
        return Err(LocalError::new(
            pos,
            crate::ErrorKind::Unsupported,
            format!("`{first}` is not part of the program language (assignments `x = f(...)` and `return`)"),
        ));
    }
    if !c.is("=") {
        return Err(LocalError::syntax(
            c.pos(),
            format!("expected `=` after `{first}`, found {}", c.found()),
        ));
    }
    c.next();
    if c.at_end() {
        return Err(LocalError::syntax(c.pos(), format!("`{first} =` needs a value")));
    }
    let value = expr(&mut c, 0)?;
    c.end_of_line("after the assigned value")?;
    Ok(Stmt::Assign(Assign { target: first, pos, value }))
}

const KEYWORDS: &[&str] = &[
    "if", "else", "elif", "for", "while", "with", "try", "except", "finally", "lambda", "def", "class",
    "yield", "pass", "del", "global", "nonlocal", "assert", "raise", "import", "from", "async", "await",
    "break", "continue", "not", "and", "or", "in", "is",
];

/// `primary ('(' args ')')*` where primary is a name, an integer, `-integer`, or a bracketed
/// expression or tuple.
fn expr(c: &mut Cursor, depth: usize) -> Result<Expr, LocalError> {
    if depth > MAX_DEPTH {
        return Err(LocalError::syntax(c.pos(), format!("nested deeper than {MAX_DEPTH} levels")));
    }
    let pos = c.pos();
    let mut e = match c.next().map(|t| &t.tok) {
        Some(Tok::Name(n)) => match n.as_str() {
            "True" => Expr::Bool(true, pos),
            "False" => Expr::Bool(false, pos),
            n if KEYWORDS.contains(&n) => {
                return Err(LocalError::new(
                    pos,
                    crate::ErrorKind::Unsupported,
                    format!("`{n}` is not part of the program language (DSL calls, names, integers, tuples)"),
                ))
            }
            _ => Expr::Name(n.clone(), pos),
        },
        Some(Tok::Int(v)) => Expr::Int(int(*v, false, pos)?, pos),
        Some(Tok::BigInt) => return Err(LocalError::syntax(pos, "integer literal out of range (32-bit)")),
        Some(Tok::Punct("-")) => match c.next().map(|t| &t.tok) {
            Some(Tok::Int(v)) => Expr::Int(int(*v, true, pos)?, pos),
            Some(Tok::BigInt) => {
                return Err(LocalError::syntax(pos, "integer literal out of range (32-bit)"))
            }
            _ => {
                return Err(LocalError::new(
                    pos,
                    crate::ErrorKind::Unsupported,
                    "`-` only makes negative integer literals; negate a value with `invert(x)`",
                ))
            }
        },
        Some(Tok::Punct("(")) => {
            let (items, trailing_comma) = list(c, depth)?;
            if items.len() == 1 && !trailing_comma {
                items.into_iter().next().unwrap()
            } else {
                Expr::Tuple(items, pos)
            }
        }
        Some(Tok::Punct(p @ ("[" | "{"))) => {
            return Err(LocalError::new(
                pos,
                crate::ErrorKind::Unsupported,
                format!("`{p}` literals are not part of the program language; build containers with the DSL"),
            ))
        }
        Some(Tok::Str) => {
            return Err(LocalError::new(pos, crate::ErrorKind::Unsupported, "strings are not DSL values"))
        }
        _ => {
            c.k -= 1;
            return Err(LocalError::syntax(pos, format!("expected a value, found {}", c.found())));
        }
    };
    let mut depth = depth;
    while c.is("(") {
        depth += 1;
        if depth > MAX_DEPTH {
            return Err(LocalError::syntax(c.pos(), format!("nested deeper than {MAX_DEPTH} levels")));
        }
        c.next();
        let (args, _) = list(c, depth)?;
        let pos = e.pos();
        e = Expr::Call(Box::new(e), args, pos);
    }
    if let Some(Token { tok: Tok::Punct(p @ ("." | "[" | "+" | "-" | "*" | "**" | "==")), pos }) = c.peek() {
        return Err(LocalError::new(
            *pos,
            crate::ErrorKind::Unsupported,
            format!("`{p}` is not part of the program language: compute with DSL primitives (`add`, `equality`, `index`...)"),
        ));
    }
    Ok(e)
}

/// Comma-separated values up to `)` (already past `(`); whether a comma trails the last one.
fn list(c: &mut Cursor, depth: usize) -> Result<(Vec<Expr>, bool), LocalError> {
    let mut items = Vec::new();
    let mut trailing = false;
    loop {
        if c.is(")") {
            c.next();
            return Ok((items, trailing));
        }
        if let Some(Token { tok: Tok::Name(_), .. }) = c.peek() {
            if matches!(c.tokens.get(c.k + 1), Some(Token { tok: Tok::Punct("="), .. })) {
                return Err(LocalError::new(
                    c.pos(),
                    crate::ErrorKind::Unsupported,
                    "keyword arguments are not part of the program language: pass arguments by position",
                ));
            }
        }
        items.push(expr(c, depth + 1)?);
        trailing = false;
        if c.is(",") {
            c.next();
            trailing = true;
        } else if !c.is(")") {
            return Err(LocalError::syntax(c.pos(), format!("expected `,` or `)`, found {}", c.found())));
        }
    }
}

fn int(v: u64, negative: bool, pos: Pos) -> Result<i32, LocalError> {
    let v = if negative { -(v as i128) } else { v as i128 };
    i32::try_from(v).map_err(|_| LocalError::syntax(pos, "integer literal out of range (32-bit)"))
}
