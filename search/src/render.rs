//! A found value's expression as an arc-dsl program: `def solve_<name>(I):`, one assignment per call
//! (`x1`, `x2`... in the order they are needed, each shared subexpression once), `O = ...`,
//! `return O`; constants by their `constants.py` names, primitives used as values by name. This is the
//! text `arcforge run` reads (`programs::parse_python`).

use std::collections::HashMap;

use crate::store::{Arg, FunNode, Node, Store, ValId};

pub fn python(store: &Store, root: ValId, name: &str) -> String {
    let mut r = Renderer { store, lines: Vec::new(), vals: HashMap::new(), funs: HashMap::new() };
    let last = match &store.values[root as usize].node {
        Node::App(p, args) => {
            let args: Vec<String> = args.iter().map(|a| r.arg(*a)).collect();
            format!("{}({})", p.name(), args.join(", "))
        }
        _ => format!("identity({})", r.val(root)),
    };
    let mut out = format!("def solve_{name}(I):\n");
    for l in &r.lines {
        out.push_str(&format!("    {l}\n"));
    }
    out.push_str(&format!("    O = {last}\n    return O\n"));
    out
}

struct Renderer<'r, 's> {
    store: &'r Store<'s>,
    lines: Vec<String>,
    vals: HashMap<ValId, String>,
    funs: HashMap<u32, String>,
}

impl Renderer<'_, '_> {
    fn assign(&mut self, expr: String) -> String {
        let name = format!("x{}", self.lines.len() + 1);
        self.lines.push(format!("{name} = {expr}"));
        name
    }

    fn arg(&mut self, a: Arg) -> String {
        match a {
            Arg::Val(v) => self.val(v),
            Arg::Fun(f) => self.fun(f),
        }
    }

    fn val(&mut self, id: ValId) -> String {
        if let Some(s) = self.vals.get(&id) {
            return s.clone();
        }
        let s = match &self.store.values[id as usize].node {
            Node::Input => "I".to_string(),
            Node::Const(c) => c.to_string(),
            Node::App(p, args) => {
                let args: Vec<String> = args.iter().map(|a| self.arg(*a)).collect();
                self.assign(format!("{}({})", p.name(), args.join(", ")))
            }
        };
        self.vals.insert(id, s.clone());
        s
    }

    fn fun(&mut self, id: u32) -> String {
        if let Some(s) = self.funs.get(&id) {
            return s.clone();
        }
        let s = match self.store.funs[id as usize].node {
            FunNode::Prim(p) => p.name().to_string(),
            FunNode::LBind(p, v) => {
                let v = self.val(v);
                self.assign(format!("lbind({}, {v})", p.name()))
            }
            FunNode::RBind(p, v) => {
                let v = self.val(v);
                self.assign(format!("rbind({}, {v})", p.name()))
            }
            FunNode::Compose(g, h) => {
                let (g, h) = (self.fun(g), self.fun(h));
                self.assign(format!("compose({g}, {h})"))
            }
            FunNode::Fork(p, a, b) => {
                let (a, b) = (self.fun(a), self.fun(b));
                self.assign(format!("fork({}, {a}, {b})", p.name()))
            }
        };
        self.funs.insert(id, s.clone());
        s
    }
}
