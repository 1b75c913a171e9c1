//! # search — programs for unseen tasks, found by typed bottom-up enumeration
//!
//! Given a task's demonstrations, [`search_task`] enumerates arc-dsl expressions over the task's input
//! grid and the DSL's constants, smallest first, and returns the programs whose results on every
//! demonstration input are the demonstration outputs, rendered as arc-dsl Python that `arcforge run`
//! reads. First the grid layer ([`grids`]) searches whole-grid steps (curated templates of a few
//! calls, two in a row, with a colour map at the end and pairs of grids combined; plus the rules the
//! demonstrations' shapes and colours suggest: mirror arrangements, fractals, overlaid parts,
//! symmetry completion...; and the paint rules and pattern repairs [`rules`] reads off them) in a
//! store of its own; then the typed enumeration below runs with its
//! own step budget. The job, per task:
//! - **values are result tuples**: an expression is evaluated on all the task's inputs at once
//!   (demonstrations, then tests), and two expressions with the same results are one value
//!   (observational equivalence, [`store`]), so each round only combines distinct values;
//! - **rounds** ([`enumerate`]): round `s` applies every primitive to every tuple of found values of
//!   fewer calls that its annotations admit (the type table `kernels::Prim::signature`, as masks in
//!   [`types`]); the higher-order ones (`argmax`, `sfilter`, `apply`...) take function values built
//!   from primitives, `lbind`/`rbind` with found values, and `compose` of two, bounded in size;
//! - **evaluation** ([`eval`]) calls the kernels' primitives only (no primitive is implemented here),
//!   in batches behind the [`eval::Evaluator`] trait, where a device can plug in;
//! - **candidates** are grid values equal to the demonstration outputs, ranked fewest calls first,
//!   then in the order found ([`rank`]); the best answers the tests first, and the second attempt
//!   prefers a candidate of another kind of rule ([`grids::Kind`]: templates, symmetry completion,
//!   rules after a step, stacked pieces; never a generic pair or typed program for that alone);
//! - **bounded**: a step budget (the kernels' work units plus one per call, checked between batches of
//!   fixed size, so results are the same on every machine), a wall-clock budget, a cap on distinct
//!   values and on the bytes they hold, and per application the kernels' own limits;
//! - **checked**: each answer comes from the rendered program ([`render`]) parsed back and run by the
//!   `programs` interpreter, the path `arcforge run` takes; a program that does not reproduce what
//!   the search computed is dropped and counted ([`TaskSearch::unverified`]), never answered.

pub mod edits;
pub mod enumerate;
pub mod eval;
pub mod extracts;
pub mod grids;
pub mod priors;
pub mod rank;
pub mod regions;
pub mod render;
pub mod rules;
pub mod shape;
pub mod store;
pub mod tallies;
pub mod types;

use std::time::{Duration, Instant};

use kernels::{Ctx, Value};

use crate::enumerate::Search;
use crate::eval::CpuEval;
use crate::store::{hash_values, Node, Store, ValId};

/// A task grid, row-major.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GridData {
    pub h: usize,
    pub w: usize,
    pub cells: Vec<u8>,
}

impl GridData {
    /// This grid turned by `how`, one of arc-dsl's `vmirror`, `hmirror` and `rot180` (any other
    /// name: unchanged), as the summaries that may be read in a mirror render it.
    pub(crate) fn turned(&self, how: &str) -> GridData {
        let (h, w) = (self.h, self.w);
        let cells = (0..h * w)
            .map(|k| {
                let (r, c) = (k / w, k % w);
                match how {
                    "vmirror" => self.cells[r * w + w - 1 - c],
                    "hmirror" => self.cells[(h - 1 - r) * w + c],
                    "rot180" => self.cells[(h - 1 - r) * w + w - 1 - c],
                    _ => self.cells[k],
                }
            })
            .collect();
        GridData { h, w, cells }
    }

    /// A grid written as its rows, one digit per cell (tests and examples).
    ///
    /// ```
    /// let g = search::GridData::from_rows(&["012", "340"]);
    /// assert_eq!((g.h, g.w, g.cells[4]), (2, 3, 4));
    /// ```
    pub fn from_rows(rows: &[&str]) -> GridData {
        let cells = rows.iter().flat_map(|r| r.bytes().map(|b| b - b'0')).collect();
        GridData { h: rows.len(), w: rows.first().map_or(0, |r| r.len()), cells }
    }
}

/// A template (a program's body with the input as its hole `X`) as an arc-dsl program, for the
/// rules' tests: the hole becomes `I` (not the X of `SIX`).
#[cfg(test)]
pub(crate) fn template_program(template: &str) -> String {
    let mut body = String::new();
    let mut prev = ' ';
    for ch in template.chars() {
        body.push(if ch == 'X' && !prev.is_ascii_uppercase() { 'I' } else { ch });
        prev = ch;
    }
    format!("def solve_t(I):\n    O = {body}\n    return O\n")
}

/// For the rules' tests: a template's answers on `tests` when the interpreter confirms it on every
/// demonstration (`None` otherwise); the template must parse.
#[cfg(test)]
pub(crate) fn confirm_template(
    template: &str,
    train: &[(GridData, GridData)],
    tests: &[GridData],
) -> Option<Vec<Option<GridData>>> {
    grids::parse(template, None).expect("a valid template");
    let inputs: Vec<&GridData> = train.iter().map(|p| &p.0).chain(tests).collect();
    let outputs: Vec<GridData> = train.iter().map(|p| p.1.clone()).collect();
    confirm(&template_program(template), &inputs, &outputs)
}

/// The bounds of one task's search.
#[derive(Clone, Debug)]
pub struct Options {
    /// Most calls in a program (rounds).
    pub max_depth: u32,
    /// Work units per task for the grid layer ([`grids`]), which runs first (0: no layer); the
    /// typed enumeration then gets `max_steps` of its own.
    pub layer_steps: u64,
    /// Work units per task (see the crate doc): what makes results reproducible.
    pub max_steps: u64,
    /// Wall-clock time per task, if bounded.
    pub budget: Option<Duration>,
    /// Most distinct values kept.
    pub max_values: usize,
    /// Most bytes the kept values may hold.
    pub max_bytes: usize,
    /// Most function values built.
    pub max_funs: usize,
    /// The kernels' limits for one application over all inputs.
    pub app_limits: kernels::Limits,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_depth: 4,
            layer_steps: 20_000_000,
            max_steps: 12_000_000,
            budget: None,
            max_values: 200_000,
            max_bytes: 256 << 20,
            max_funs: 1_000,
            app_limits: kernels::Limits { max_grid_cells: 4096, max_items: 4096, max_steps: 1 << 20 },
        }
    }
}

/// What ended a task's search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// Candidates found (see [`enumerate::Search::run`] for when it stops after the first).
    Found,
    /// Every round up to the depth ran.
    Depth,
    /// The step budget.
    Steps,
    /// The wall-clock budget.
    Time,
    /// The cap on values or bytes.
    Memory,
}

impl Stop {
    pub fn text(self) -> &'static str {
        match self {
            Stop::Found => "found",
            Stop::Depth => "depth",
            Stop::Steps => "steps",
            Stop::Time => "time",
            Stop::Memory => "memory",
        }
    }
}

/// A program that reproduces every demonstration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// arc-dsl Python text (`def solve_<task>(I): ...`).
    pub program: String,
    /// Calls in its expression.
    pub size: u32,
    /// Its outputs on the test inputs (`None` where it fails there).
    pub tests: Vec<Option<GridData>>,
}

/// One task's search.
#[derive(Clone, Debug)]
pub struct TaskSearch {
    /// Levels the grid layer ran ([`grids`]).
    pub layer_levels: u32,
    /// Candidates the grid layer found.
    pub layer_candidates: usize,
    /// Rounds of the typed enumeration.
    pub rounds: u32,
    /// Applications evaluated (grid layer and typed enumeration).
    pub tried: u64,
    /// Distinct values found (the input and constants included).
    pub distinct: usize,
    /// Function values built.
    pub functions: usize,
    pub steps: u64,
    pub stop: Stop,
    /// Candidate values found (distinct on the tests too).
    pub candidates: usize,
    /// The best candidates that the interpreter confirmed, best first (at most `keep`).
    pub found: Vec<Found>,
    /// Candidates whose rendered program did not reproduce the search's results (a bug if ever > 0).
    pub unverified: usize,
}

impl TaskSearch {
    /// Whether the found programs answer every test: each expected output is some kept program's
    /// answer on that test (the ARC Prize rule, with as many attempts as programs were kept).
    pub fn answers(&self, want: &[GridData]) -> bool {
        !self.found.is_empty()
            && want.iter().enumerate().all(|(k, w)| self.found.iter().any(|f| f.tests[k].as_ref() == Some(w)))
    }
}

/// The DSL constants every search starts from, besides the colours: small counts, directions and
/// small shapes, the Booleans.
pub const SEEDS: &[&str] = &[
    "ZERO",
    "ONE",
    "TWO",
    "THREE",
    "T",
    "F",
    "ORIGIN",
    "UNITY",
    "UP",
    "DOWN",
    "LEFT",
    "RIGHT",
    "NEG_UNITY",
    "UP_RIGHT",
    "DOWN_LEFT",
    "TWO_BY_TWO",
    "THREE_BY_THREE",
];

/// Names of the colour constants, by value.
pub(crate) const COLORS: [&str; 10] =
    ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];

/// The seeds of a task: [`SEEDS`], then the colours its grids use (demonstrations and test inputs),
/// in colour order, each constant once. A colour no grid of the task shows is reached as a count
/// or through the grids (`mostcolor`...), never as a constant.
pub fn seeds(grids: &[&GridData]) -> Vec<&'static str> {
    let mut used = [false; 10];
    for g in grids {
        for &c in &g.cells {
            used[(c as usize).min(9)] = true;
        }
    }
    let mut out: Vec<&'static str> = SEEDS.to_vec();
    for (c, name) in COLORS.iter().enumerate() {
        if used[c] && !out.contains(name) {
            out.push(name);
        }
    }
    out
}

/// Searches one task: `train` pairs, `tests` inputs; `name` names the programs (`solve_<name>`);
/// `keep` candidates are confirmed and returned, best first.
pub fn search_task(
    train: &[(GridData, GridData)],
    tests: &[GridData],
    name: &str,
    opts: &Options,
    keep: usize,
) -> TaskSearch {
    let start = Instant::now();
    let inputs: Vec<&GridData> = train.iter().map(|p| &p.0).chain(tests).collect();
    let outputs: Vec<GridData> = train.iter().map(|p| p.1.clone()).collect();
    let all: Vec<&GridData> = inputs.iter().copied().chain(&outputs).collect();
    let mut eval = CpuEval::new(opts.app_limits);
    // The grid layer first, in a store of its own (the typed enumeration's rounds stay as they were).
    let layer_ctx = Ctx::default();
    let mut layer_store = seeded_store(&layer_ctx, &inputs, &all);
    let layer = if opts.layer_steps > 0 && !train.is_empty() {
        let mut used = [false; 10];
        all.iter().for_each(|g| g.cells.iter().for_each(|&c| used[c as usize % 10] = true));
        let fresh = (0..10u8).find(|&c| !used[c as usize]);
        let templates = grids::task_templates(train, tests);
        let completions = grids::symmetry_completions(train);
        let deadline = opts.budget.map(|b| start + b);
        grids::Layer::new(&mut layer_store, &mut eval, &outputs, opts, deadline).run(
            0,
            &templates,
            &completions,
            fresh,
        )
    } else {
        grids::LayerRun::default()
    };
    let ctx = Ctx::default();
    let store = seeded_store(&ctx, &inputs, &all);
    let mut typed_opts = opts.clone();
    typed_opts.budget = opts.budget.map(|b| b.saturating_sub(start.elapsed()));
    let mut search = Search::new(store, &typed_opts, &mut eval, &outputs);
    // The task's clock and memory are spent when the layer stopped on them.
    let spent = matches!(layer.stop, Some(Stop::Time | Stop::Memory));
    if !train.is_empty() && layer.candidates.len() < keep && !spent {
        search.run();
    }
    let store = &search.store;
    // Both stores' candidates, fewest calls first; on a tie the layer's, each in its found order.
    let mut ranked: Vec<(u32, u8, ValId, grids::Kind)> = layer
        .candidates
        .iter()
        .zip(&layer.kinds)
        .map(|(&id, &kind)| (layer_store.values[id as usize].size, 0, id, kind))
        .chain(
            rank::rank(store, &search.candidates)
                .into_iter()
                .map(|id| (store.values[id as usize].size, 1, id, grids::Kind::Typed)),
        )
        .collect();
    ranked.sort_by_key(|&(size, src, _, _)| (size, src));
    // Each attempt after the first prefers a kind of rule no earlier attempt used (a different
    // explanation of the demonstrations; never a generic pair or typed program for that alone);
    // only where none is left, the next in rank of any kind.
    let ranked_kinds: Vec<Option<grids::Kind>> = ranked.iter().map(|r| r.3.rule()).collect();
    let mut found = Vec::new();
    let mut unverified = 0;
    rank::attempts(&ranked_kinds, keep, |k| {
        let (size, src, id, _) = ranked[k];
        let from = if src == 0 { &layer_store } else { store };
        let program = render::python(from, id, name);
        // The interpreter's answers must be the search's own, tests included.
        let searched: Vec<Option<GridData>> = from.values[id as usize].vals[train.len()..]
            .iter()
            .map(|v| match v {
                Value::Grid(g) => {
                    Some(GridData { h: g.h as usize, w: g.w as usize, cells: g.cells.to_vec() })
                }
                _ => None,
            })
            .collect();
        // Two programs with the same test answers are one attempt.
        if found.iter().any(|f: &Found| f.tests == searched) {
            return false;
        }
        match confirm(&program, &inputs, &outputs) {
            Some(tests) if tests == searched => {
                found.push(Found { program, size, tests });
                true
            }
            _ => {
                unverified += 1;
                false
            }
        }
    });
    let typed_stop = search.stop.unwrap_or(Stop::Depth);
    let stop = if !layer.candidates.is_empty() {
        Stop::Found
    } else if spent {
        layer.stop.unwrap_or(typed_stop)
    } else {
        typed_stop
    };
    TaskSearch {
        layer_levels: layer.levels,
        layer_candidates: layer.candidates.len(),
        rounds: search.rounds,
        tried: layer.tried + search.tried,
        distinct: layer_store.values.len() + store.values.len(),
        functions: layer_store.funs.len() + store.funs.len(),
        steps: layer.steps + search.steps,
        stop,
        candidates: layer.candidates.len() + search.candidates.len(),
        found,
        unverified,
    }
}

/// A store holding the task's input grid (value 0) and its seeds ([`seeds`]).
fn seeded_store<'s>(ctx: &'s Ctx, inputs: &[&GridData], all: &[&GridData]) -> Store<'s> {
    let mut store = Store::new(ctx);
    let grids: Vec<Value> =
        inputs.iter().map(|g| Value::Grid(ctx.grid_from(g.h as u32, g.w as u32, &g.cells))).collect();
    store.insert(hash_values(&grids), &grids, Node::Input, 0);
    for name in seeds(all) {
        let (_, v) = kernels::constants::ALL.iter().find(|(n, _)| *n == name).expect("a DSL constant");
        let vals = vec![*v; inputs.len()];
        let hash = hash_values(&vals);
        if store.find(hash, &vals).is_none() {
            store.insert(hash, &vals, Node::Const(name), 0);
        }
    }
    store
}

/// Parses `program` and runs it with the `programs` interpreter on every input: its test outputs
/// when it reproduces every demonstration output, else `None`.
pub fn confirm(program: &str, inputs: &[&GridData], outputs: &[GridData]) -> Option<Vec<Option<GridData>>> {
    let parsed = programs::parse_python(program, "search");
    let p = parsed.programs.first().filter(|_| parsed.errors.is_empty())?;
    let mut tests = Vec::new();
    let mut ctx = Ctx::default();
    for (k, input) in inputs.iter().enumerate() {
        let got = {
            let g = Value::Grid(ctx.grid_from(input.h as u32, input.w as u32, &input.cells));
            match p.run(&ctx, g) {
                Value::Grid(o) if !ctx.failed() => {
                    Some(GridData { h: o.h as usize, w: o.w as usize, cells: o.cells.to_vec() })
                }
                _ => None,
            }
        };
        ctx.reset();
        match outputs.get(k) {
            Some(want) if got.as_ref() != Some(want) => return None,
            Some(_) => {}
            None => tests.push(got),
        }
    }
    Some(tests)
}
