//! JSON → task conversion with precise complaints.
//!
//! Turns bounded JSON trees ([`super::bounded_json`]) into [`Task`] parts, stopping at the first
//! problem of a task and saying where it is (`train pair 1 output`) and what is wrong (`row 2,
//! column 0: colour 10 is outside 0..=9`). Also reads the top level of multi-task files as an
//! ordered list of `(id, raw JSON)` entries so duplicate ids are seen (a `serde_json::Value` map
//! would silently keep only one) and each task is parsed separately (one bad task does not spoil the
//! file). The public face is [`super::load`].

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::bounded_json::{Json, Number};
use super::task::{GridError, Pair, PairKind, TaskGrid, MAX_SIDE};

/// Where inside a task a problem sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// The task as a whole (its shape, its `train`/`test` keys).
    Task,
    /// A pair (`train pair 0`).
    Pair(PairKind, usize),
    /// A grid of a pair (`train pair 0 input`).
    Grid(PairKind, usize, Side),
}

/// Which grid of a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Input,
    Output,
}

impl Side {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Side::Input => "input",
            Side::Output => "output",
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Task => Ok(()),
            Place::Pair(k, i) => write!(f, "{k} pair {i}"),
            Place::Grid(k, i, s) => write!(f, "{k} pair {i} {}", s.key()),
        }
    }
}

/// The first thing wrong with a task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    pub place: Place,
    pub what: String,
}

impl Problem {
    pub(crate) fn new(place: Place, what: impl Into<String>) -> Self {
        Problem { place, what: what.into() }
    }
}

/// "a string", "an array"...: what a JSON value is, for messages.
pub(crate) fn kind_of(v: &Json) -> &'static str {
    v.kind()
}

/// A JSON value shortened for a one-line message.
fn short(v: &Json) -> String {
    let s = v.to_string();
    if s.chars().count() > 24 {
        let cut: String = s.chars().take(21).collect();
        format!("{cut}...")
    } else {
        s
    }
}

/// One colour cell of a JSON grid.
fn color(v: &Json, row: usize, col: usize) -> Result<u8, String> {
    if let Json::Number(Number::Unsigned(c)) = v {
        if *c <= 9 {
            return Ok(*c as u8);
        }
    }
    // Only a bad cell pays for its place in words (formatting it for every cell was a fifth of
    // eval's whole process).
    let at = format!("row {row}, column {col}");
    Err(match v {
        Json::Number(n @ (Number::Unsigned(_) | Number::Signed(_))) => {
            format!("{at}: colour {n} is outside 0..=9")
        }
        // 1e2, 3.0 and -0 are read as floats: say what the number is and how to write it.
        Json::Number(Number::Float(x)) if x.fract() == 0.0 && x.abs() <= 9.0 => format!(
            "{at}: colour {} is written as a float (a fraction, an exponent or -0); write the integer {}",
            short(v),
            x.abs() as u8
        ),
        Json::Number(Number::Float(x)) if x.fract() == 0.0 && x.is_finite() => {
            format!("{at}: colour {x:.0} (written as a float, {}) is outside 0..=9", short(v))
        }
        Json::Number(n) => format!("{at}: colour {n} is not an integer 0..=9"),
        other => format!("{at}: colour {} is {}, not an integer 0..=9", short(other), kind_of(other)),
    })
}

/// A task grid from JSON: an array of 1..=30 equal rows of 1..=30 colours 0..=9.
pub(crate) fn grid(v: &Json) -> Result<TaskGrid, String> {
    let (rows, n_rows) = match v {
        Json::Array { items, len } => (items, *len),
        other => return Err(format!("not a grid: expected an array of rows, found {}", kind_of(other))),
    };
    if n_rows == 0 {
        return Err(GridError::NoRows.to_string());
    }
    // Size checks come before touching cells so a huge grid is refused at once.
    if n_rows > MAX_SIDE {
        return Err(GridError::TooManyRows { rows: n_rows }.to_string());
    }
    let mut w = 0;
    let mut cells = Vec::with_capacity(n_rows * MAX_SIDE);
    for (r, row) in rows.iter().enumerate() {
        let (row, n_cols) = match row {
            Json::Array { items, len } => (items, *len),
            other => return Err(format!("row {r} is {}, not an array of colours", kind_of(other))),
        };
        if n_cols == 0 {
            return Err(GridError::EmptyRow { row: r }.to_string());
        }
        if n_cols > MAX_SIDE {
            return Err(GridError::TooManyCols { row: r, cols: n_cols }.to_string());
        }
        if r == 0 {
            w = n_cols;
        } else if n_cols != w {
            return Err(GridError::Ragged { row: r, cols: n_cols, expected: w }.to_string());
        }
        for (c, cell) in row.iter().enumerate() {
            cells.push(color(cell, r, c)?);
        }
    }
    TaskGrid::new(n_rows, w, cells).map_err(|e| e.to_string())
}

/// The pairs of one list (`train` or `test`). Train pairs must have outputs; a test pair's output is
/// optional here (the caller decides whether it is required, after merging any solutions file).
fn pairs(task: &Json, kind: PairKind) -> Result<Vec<Pair>, Problem> {
    let key = kind.key();
    let list = match task.get(key) {
        Some(Json::Array { items, .. }) => items,
        Some(other) => {
            return Err(Problem::new(
                Place::Task,
                format!("\"{key}\" is {}, not an array of pairs", kind_of(other)),
            ))
        }
        None => return Err(Problem::new(Place::Task, format!("missing key \"{key}\""))),
    };
    if list.is_empty() {
        return Err(Problem::new(Place::Task, format!("\"{key}\" has no pairs")));
    }
    let mut out = Vec::with_capacity(list.len());
    for (i, p) in list.iter().enumerate() {
        let p = match p {
            p @ Json::Object(_) => p,
            other => {
                return Err(Problem::new(
                    Place::Pair(kind, i),
                    format!("is {}, not an object", kind_of(other)),
                ))
            }
        };
        let input = match p.get("input") {
            Some(g) => grid(g).map_err(|e| Problem::new(Place::Grid(kind, i, Side::Input), e))?,
            None => return Err(Problem::new(Place::Pair(kind, i), "missing key \"input\"")),
        };
        let output = match p.get("output") {
            Some(g) => Some(grid(g).map_err(|e| Problem::new(Place::Grid(kind, i, Side::Output), e))?),
            None if kind == PairKind::Train => {
                return Err(Problem::new(Place::Pair(kind, i), "missing key \"output\""))
            }
            None => None,
        };
        out.push(Pair { input, output });
    }
    Ok(out)
}

/// A task's train and test pairs from its JSON object.
pub(crate) fn task(v: &Json) -> Result<(Vec<Pair>, Vec<Pair>), Problem> {
    let obj = match v {
        o @ Json::Object(_) => o,
        other => {
            return Err(Problem::new(
                Place::Task,
                format!(
                    "not a task: expected an object with \"train\" and \"test\", found {}",
                    kind_of(other)
                ),
            ))
        }
    };
    Ok((pairs(obj, PairKind::Train)?, pairs(obj, PairKind::Test)?))
}

/// The expected test outputs of one task in a Kaggle `*_solutions.json` (an array of grids, one per
/// test input).
pub(crate) fn solution_grids(v: &Json) -> Result<Vec<TaskGrid>, Problem> {
    let list = match v {
        // A list of grids is cut while read (bounded_json): refused rather than silently shortened.
        Json::Array { items, len } if *len > items.len() => {
            return Err(Problem::new(
                Place::Task,
                format!("{len} output grids, more than the {} read per task", items.len()),
            ))
        }
        Json::Array { items, .. } => items,
        other => {
            return Err(Problem::new(
                Place::Task,
                format!("solutions entry is {}, not an array of output grids", kind_of(other)),
            ))
        }
    };
    list.iter()
        .enumerate()
        .map(|(i, g)| grid(g).map_err(|e| Problem::new(Place::Grid(PairKind::Test, i, Side::Output), e)))
        .collect()
}

/// A JSON error as `line L, column C: message` (serde_json's own suffix removed).
pub(crate) fn describe_json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = msg.strip_suffix(&suffix).unwrap_or(&msg);
    format!("invalid JSON at line {}, column {}: {msg}", e.line(), e.column())
}

/// The top level of a JSON file: an object kept as ordered raw entries (duplicates included), or
/// something else, named for the error message.
pub(crate) enum Top<'a> {
    Map(Vec<(String, &'a RawValue)>),
    Other(&'static str),
}

impl<'de> Deserialize<'de> for Top<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TopVisitor)
    }
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = m.next_entry::<String, &'de RawValue>()? {
            entries.push(entry);
        }
        Ok(Top::Map(entries))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Self::Value, A::Error> {
        while s.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Top::Other("an array"))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Top::Other("a boolean"))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Top::Other("a number"))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Top::Other("a number"))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Top::Other("a number"))
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Top::Other("a string"))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Top::Other("null"))
    }
}

/// Whether a raw JSON value is an array / an object (its first non-blank byte).
pub(crate) fn raw_starts_with(raw: &RawValue, c: u8) -> bool {
    raw.get().bytes().find(|b| !b.is_ascii_whitespace()) == Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn tree(v: &Value) -> Json {
        crate::data::bounded_json::parse(&v.to_string()).unwrap()
    }
    fn grid(v: &Value) -> Result<TaskGrid, String> {
        super::grid(&tree(v))
    }
    fn task(v: &Value) -> Result<(Vec<Pair>, Vec<Pair>), Problem> {
        super::task(&tree(v))
    }
    fn grid_err(v: Value) -> String {
        grid(&v).unwrap_err()
    }

    #[test]
    fn grid_accepts_valid_json() {
        let g = grid(&json!([[0, 9], [3, 4]])).unwrap();
        assert_eq!(g.cells(), &[0, 9, 3, 4]);
    }

    #[test]
    fn grid_complaints_name_the_spot() {
        assert_eq!(grid_err(json!([[1, 2], [3, -1]])), "row 1, column 1: colour -1 is outside 0..=9");
        assert_eq!(grid_err(json!([[10]])), "row 0, column 0: colour 10 is outside 0..=9");
        assert_eq!(
            grid_err(json!([[1, "3"]])),
            "row 0, column 1: colour \"3\" is a string, not an integer 0..=9"
        );
        assert_eq!(grid_err(json!([[1.5]])), "row 0, column 0: colour 1.5 is not an integer 0..=9");
        assert_eq!(grid_err(json!([[null]])), "row 0, column 0: colour null is null, not an integer 0..=9");
        assert_eq!(grid_err(json!([[1, 2], [3]])), "ragged rows: row 1 has length 1 but row 0 has length 2");
        assert_eq!(grid_err(json!([])), "empty grid (0 rows)");
        assert_eq!(grid_err(json!([[]])), "row 0 is empty");
        assert_eq!(grid_err(json!("x")), "not a grid: expected an array of rows, found a string");
        assert_eq!(grid_err(json!([5])), "row 0 is a number, not an array of colours");
        assert_eq!(grid_err(json!(vec![vec![0; 31]; 31])), "31 rows, more than 30");
        assert_eq!(grid_err(json!(vec![vec![0; 31]; 2])), "row 0 has length 31, more than 30");
        assert_eq!(grid_err(json!([vec![0; 30], vec![0; 31]])), "row 1 has length 31, more than 30");
    }

    #[test]
    fn task_problems_have_places() {
        let t = json!({"train": [{"input": [[1]], "output": [[2]]}], "test": [{"input": [[1]]}]});
        let (train, test) = task(&t).unwrap();
        assert_eq!(train[0].output.as_ref().unwrap().cells(), &[2]);
        assert_eq!(test[0].output, None);

        let p = task(&json!({"test": []})).unwrap_err();
        assert_eq!((p.place, p.what.as_str()), (Place::Task, "missing key \"train\""));
        let p = task(&json!({"train": [{"input": [[1]], "output": [[2]]}]})).unwrap_err();
        assert_eq!(p.what, "missing key \"test\"");
        let p = task(&json!({"train": [{"input": [[1]]}], "test": []})).unwrap_err();
        assert_eq!(p.place, Place::Pair(PairKind::Train, 0));
        assert_eq!(p.what, "missing key \"output\"");
        let p = task(&json!({"train": [{"input": [[1]], "output": [[1]]}], "test": [{"output": [[1]]}]}))
            .unwrap_err();
        assert_eq!(p.place, Place::Pair(PairKind::Test, 0));
        assert_eq!(p.what, "missing key \"input\"");
        let p = task(
            &json!({"train": [{"input": [[1]], "output": [[1]]}, {"input": [[1]], "output": [[1, 2], [1]]}],
                             "test": [{"input": [[1]]}]}),
        )
        .unwrap_err();
        assert_eq!(p.place, Place::Grid(PairKind::Train, 1, Side::Output));
        assert_eq!(p.place.to_string(), "train pair 1 output");
        let p = task(&json!([1])).unwrap_err();
        assert!(p.what.contains("found an array"), "{}", p.what);
        let p = task(&json!({"train": [], "test": [{"input": [[1]]}]})).unwrap_err();
        assert_eq!(p.what, "\"train\" has no pairs");
        let p = task(&json!({"train": {}, "test": []})).unwrap_err();
        assert_eq!(p.what, "\"train\" is an object, not an array of pairs");
    }

    #[test]
    fn top_keeps_duplicates_in_order() {
        let top: Top = serde_json::from_str(r#"{"b": 1, "a": [2], "b": {"x": 3}}"#).unwrap();
        let Top::Map(entries) = top else { panic!("expected a map") };
        let keys: Vec<_> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert!(raw_starts_with(entries[1].1, b'['));
        assert!(raw_starts_with(entries[2].1, b'{'));
        assert!(matches!(serde_json::from_str::<Top>("[1, [2]]").unwrap(), Top::Other("an array")));
        assert!(matches!(serde_json::from_str::<Top>("null").unwrap(), Top::Other("null")));
    }

    #[test]
    fn a_long_solutions_list_is_refused_not_cut() {
        let v = tree(&json!(vec![json!([[1]]); 40]));
        let p = solution_grids(&v).unwrap_err();
        assert_eq!(p.what, "40 output grids, more than the 31 read per task");
        assert_eq!(solution_grids(&tree(&json!(vec![json!([[1]]); 3]))).unwrap().len(), 3);
    }

    #[test]
    fn json_errors_give_line_and_column() {
        let e = serde_json::from_str::<Value>("{\n  \"train\": [1,,]\n}").unwrap_err();
        let msg = describe_json_error(&e);
        assert!(msg.starts_with("invalid JSON at line 2, column 15: "), "{msg}");
        assert!(!msg.ends_with("column 15"), "{msg}");
    }
}
