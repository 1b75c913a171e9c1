//! The project's own `#[solver("<task>")] fn solve_x(I: Grid) -> Grid { let ...; O }` form, read
//! with syn into the same tree as the Python form. Run-time programs take the straight-line part of
//! the solver language (lets, calls, names, literals, tuples); closures and `if` are rejected with a
//! message (no registered solver uses them; arc-dsl expresses them with `compose`, `branch`...).

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr as SynExpr, FnArg, Lit, Pat, ReturnType, Stmt, UnOp};

use crate::ast::{Assign, Def, Expr, MAX_DEPTH};
use crate::error::{ErrorKind, LocalError, Pos};

fn pos(span: Span) -> Pos {
    let s = span.start();
    Pos::new(s.line as u32, s.column as u32 + 1)
}

fn unsupported(span: Span, msg: impl Into<String>) -> LocalError {
    LocalError::new(pos(span), ErrorKind::Unsupported, msg)
}

/// Deepest bracket nesting in `text`, a cheap guard so that syn never recurses deep enough to
/// overflow the stack on hostile input (strings and comments are counted too: conservative).
fn max_nesting(text: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for b in text.bytes() {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// The programs of a Rust source: every `fn` with `#[solver("...")]` or named `solve_*`.
/// A file syn cannot read is one error (syn does not recover inside a file).
pub(crate) fn parse(text: &str) -> Vec<Result<Def, (Option<String>, LocalError)>> {
    if max_nesting(text) > 2 * MAX_DEPTH {
        return vec![Err((
            None,
            LocalError::syntax(
                Pos::new(1, 1),
                format!("brackets nested deeper than {} levels", 2 * MAX_DEPTH),
            ),
        ))];
    }
    let file = match syn::parse_file(text) {
        Ok(f) => f,
        Err(e) => return vec![Err((None, LocalError::syntax(pos(e.span()), e.to_string())))],
    };
    let mut out = Vec::new();
    for item in file.items {
        let syn::Item::Fn(f) = item else { continue };
        let attr = f.attrs.iter().find(|a| a.path().is_ident("solver"));
        let name = f.sig.ident.to_string();
        if attr.is_none() && !name.starts_with("solve_") {
            continue;
        }
        let task = match attr.map(|a| a.parse_args::<syn::LitStr>()) {
            None => None,
            Some(Ok(lit)) => Some(lit.value()),
            Some(Err(e)) => {
                out.push(Err((
                    Some(name),
                    LocalError::syntax(pos(e.span()), "write the task as `#[solver(\"<task id>\")]`"),
                )));
                continue;
            }
        };
        out.push(item_fn(&f, task).map_err(|e| (Some(name), e)));
    }
    out
}

/// One solver function, already parsed.
pub(crate) fn item_fn(f: &syn::ItemFn, task: Option<String>) -> Result<Def, LocalError> {
    let sig = &f.sig;
    let input = match sig.inputs.iter().collect::<Vec<_>>().as_slice() {
        [FnArg::Typed(p)] => match &*p.pat {
            Pat::Ident(id) => id.ident.to_string(),
            other => {
                return Err(LocalError::syntax(
                    pos(other.span()),
                    "name the input with a plain identifier: `I: Grid`",
                ))
            }
        },
        _ => {
            return Err(LocalError::syntax(
                pos(sig.inputs.span()),
                "a program takes exactly one input: `I: Grid`",
            ))
        }
    };
    if let ReturnType::Default = sig.output {
        return Err(LocalError::syntax(pos(sig.span()), "a program returns `Grid`: `-> Grid`"));
    }
    let Some((last, lets)) = f.block.stmts.split_last() else {
        return Err(LocalError::syntax(pos(f.block.span()), "the body ends with its result, e.g. `O`"));
    };
    let mut body = Vec::new();
    for stmt in lets {
        match stmt {
            Stmt::Local(local) => {
                let target = match &local.pat {
                    Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() && p.mutability.is_none() => {
                        dsl_name(&p.ident)
                    }
                    other => {
                        return Err(LocalError::syntax(
                            pos(other.span()),
                            "bind one plain name per step: `let x1 = ...;`",
                        ))
                    }
                };
                let Some(init) = &local.init else {
                    return Err(LocalError::syntax(pos(local.span()), "give every `let` a value"));
                };
                if init.diverge.is_some() {
                    return Err(unsupported(
                        local.span(),
                        "`let ... else` is not part of the program language",
                    ));
                }
                body.push(Assign { target, pos: pos(local.pat.span()), value: expr(&init.expr, 0)? });
            }
            other => {
                return Err(LocalError::syntax(
                    pos(other.span()),
                    "a step is `let name = <DSL call>;` (the body ends with its result)",
                ))
            }
        }
    }
    let result = match last {
        Stmt::Expr(SynExpr::Return(r), _) => match &r.expr {
            Some(e) => expr(e, 0)?,
            None => return Err(LocalError::syntax(pos(r.span()), "return the output: `return O;`")),
        },
        Stmt::Expr(e, None) => expr(e, 0)?,
        other => return Err(LocalError::syntax(pos(other.span()), "end the body with its result, e.g. `O`")),
    };
    Ok(Def { name: sig.ident.to_string(), pos: pos(f.sig.fn_token.span), task, input, body, result })
}

fn dsl_name(id: &syn::Ident) -> String {
    let s = id.to_string();
    s.strip_prefix("r#").map(str::to_string).unwrap_or(s)
}

fn expr(e: &SynExpr, depth: usize) -> Result<Expr, LocalError> {
    let span = e.span();
    if depth > MAX_DEPTH {
        return Err(LocalError::syntax(pos(span), format!("nested deeper than {MAX_DEPTH} levels")));
    }
    match e {
        SynExpr::Paren(p) => expr(&p.expr, depth + 1),
        SynExpr::Group(g) => expr(&g.expr, depth + 1),
        SynExpr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 && p.path.segments[0].arguments.is_none() => {
            Ok(Expr::Name(dsl_name(&p.path.segments[0].ident), pos(span)))
        }
        SynExpr::Lit(l) => literal(&l.lit, false),
        SynExpr::Unary(u) if matches!(u.op, UnOp::Neg(_)) => match &*u.expr {
            SynExpr::Lit(l) => literal(&l.lit, true).map(|e| match e {
                Expr::Int(v, _) => Expr::Int(v, pos(span)),
                other => other,
            }),
            _ => Err(unsupported(span, "negate with the DSL: `invert(x)`")),
        },
        SynExpr::Tuple(t) => {
            let items = t.elems.iter().map(|x| expr(x, depth + 1)).collect::<Result<Vec<_>, _>>()?;
            Ok(Expr::Tuple(items, pos(span)))
        }
        SynExpr::Call(c) => {
            let f = expr(&c.func, depth + 1)?;
            let args = c.args.iter().map(|x| expr(x, depth + 1)).collect::<Result<Vec<_>, _>>()?;
            let at = f.pos();
            Ok(Expr::Call(Box::new(f), args, at))
        }
        SynExpr::Closure(_) => Err(unsupported(span, "closures are not supported in run-time programs: build functions with `compose`, `fork`, `lbind`, `rbind`...")),
        SynExpr::If(_) => Err(unsupported(span, "`if` is not supported in run-time programs: use `branch(condition, a, b)`")),
        _ => Err(unsupported(span, "not part of the program language (let, DSL calls, names, integer literals, tuples)")),
    }
}

fn literal(l: &Lit, negative: bool) -> Result<Expr, LocalError> {
    let p = pos(l.span());
    match l {
        Lit::Int(i) => {
            let v: i128 = i
                .base10_parse()
                .map_err(|_| LocalError::syntax(p, "integer literal out of range (32-bit)"))?;
            let v = if negative { -v } else { v };
            i32::try_from(v)
                .map(|v| Expr::Int(v, p))
                .map_err(|_| LocalError::syntax(p, "integer literal out of range (32-bit)"))
        }
        Lit::Bool(b) if !negative => Ok(Expr::Bool(b.value, p)),
        _ => Err(unsupported(l.span(), "program literals are integers and booleans")),
    }
}
