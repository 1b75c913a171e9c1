//! A JSON tree read with bounds: the loader's replacement for `serde_json::Value` on task JSON.
//!
//! A `Value` of a 200 MB file holding one 10,000x10,000 grid costs about 3 GB (32 bytes per number
//! plus a vector per row) before the grid can be rejected. [`parse`] streams the text through a
//! serde visitor instead and stops storing an array of numbers or of arrays after [`KEPT`] elements
//! (one more than an ARC grid's 30 rows or columns): the rest is read without being kept and only
//! counted, so a task's tree stays a few kilobytes whatever the file holds, and the grid check can
//! still say "10000 rows, more than 30". Arrays of objects (pair lists) are kept whole.
//!
//! It also rejects a key written twice in one object, naming it (`"train"` twice would otherwise be
//! silently last-wins), unless the caller asks for the lenient reading used to salvage test inputs.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// How many elements of an array of numbers or arrays are kept (the rest are counted only).
pub(crate) const KEPT: usize = super::task::MAX_SIDE + 1;

/// A JSON number as serde_json reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Number {
    Unsigned(u64),
    Signed(i64),
    /// Anything written with a fraction, an exponent or as `-0`.
    Float(f64),
}

/// A JSON value whose long arrays of numbers or arrays are cut to [`KEPT`] elements.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    /// `items` are the first elements (all of them unless cut); `len` is how many the file holds.
    Array {
        items: Vec<Json>,
        len: usize,
    },
    /// Keys in file order, each once.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key`, when this is an object that has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    /// "a string", "an array"...: what this value is, for messages.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array { .. } => "an array",
            Json::Object(_) => "an object",
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Unsigned(n) => write!(f, "{n}"),
            Number::Signed(n) => write!(f, "{n}"),
            Number::Float(x) => write!(f, "{x:?}"),
        }
    }
}

/// Compact JSON (a cut array ends in `...`).
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Number(n) => write!(f, "{n}"),
            Json::String(s) => write!(f, "{s:?}"),
            Json::Array { items, len } => {
                f.write_str("[")?;
                for (k, v) in items.iter().enumerate() {
                    if k > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{v}")?;
                }
                if *len > items.len() {
                    f.write_str(",...")?;
                }
                f.write_str("]")
            }
            Json::Object(entries) => {
                f.write_str("{")?;
                for (k, (key, v)) in entries.iter().enumerate() {
                    if k > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{key:?}:{v}")?;
                }
                f.write_str("}")
            }
        }
    }
}

/// Reads `text` as one bounded JSON tree; a key written twice in an object is an error naming it.
pub(crate) fn parse(text: &str) -> Result<Json, serde_json::Error> {
    parse_with(text, true)
}

/// [`parse`] that keeps the first of a duplicated key instead of failing (to salvage what it can of
/// a task that is rejected anyway).
pub(crate) fn parse_lenient(text: &str) -> Result<Json, serde_json::Error> {
    parse_with(text, false)
}

fn parse_with(text: &str, strict: bool) -> Result<Json, serde_json::Error> {
    let mut d = serde_json::Deserializer::from_str(text);
    let v = Tree { strict }.deserialize(&mut d)?;
    d.end()?;
    Ok(v)
}

/// The visitor (and seed, so nested values know `strict`).
#[derive(Clone, Copy)]
struct Tree {
    strict: bool,
}

impl<'de> DeserializeSeed<'de> for Tree {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Tree {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Number(Number::Unsigned(n)))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Number(Number::Signed(n)))
    }
    fn visit_f64<E>(self, x: f64) -> Result<Json, E> {
        Ok(Json::Number(Number::Float(x)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while items.len() < KEPT {
            match seq.next_element_seed(self)? {
                Some(v) => items.push(v),
                None => {
                    let len = items.len();
                    return Ok(Json::Array { items, len });
                }
            }
        }
        let grid_like = items.iter().all(|v| matches!(v, Json::Number(_) | Json::Array { .. }));
        let mut len = items.len();
        if grid_like {
            while seq.next_element::<IgnoredAny>()?.is_some() {
                len += 1;
            }
        } else {
            while let Some(v) = seq.next_element_seed(self)? {
                items.push(v);
            }
            len = items.len();
        }
        Ok(Json::Array { items, len })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries: Vec<(String, Json)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if entries.iter().any(|(k, _)| *k == key) {
                if self.strict {
                    return Err(de::Error::custom(format_args!("duplicate key {key:?} in one object")));
                }
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let v = map.next_value_seed(self)?;
            entries.push((key, v));
        }
        Ok(Json::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_values_read_whole() {
        let v = parse(r#"{"a": [1, -2, 3.5, -0], "b": {"c": null, "d": true}, "e": "x"}"#).unwrap();
        assert_eq!(v.to_string(), r#"{"a":[1,-2,3.5,-0.0],"b":{"c":null,"d":true},"e":"x"}"#);
        assert_eq!(v.get("e"), Some(&Json::String("x".into())));
        assert_eq!(v.get("z"), None);
    }

    #[test]
    fn long_number_and_row_arrays_are_cut_but_counted() {
        let row = format!("[{}]", vec!["7"; 1000].join(","));
        let grid = format!("[{}]", vec![row.as_str(); 500].join(","));
        let Json::Array { items, len } = parse(&grid).unwrap() else { panic!("an array") };
        assert_eq!((items.len(), len), (KEPT, 500));
        let Json::Array { items, len } = &items[0] else { panic!("a row") };
        assert_eq!((items.len(), *len), (KEPT, 1000));
        // Objects are not cut.
        let pairs = format!("[{}]", vec!["{}"; 40].join(","));
        let Json::Array { items, len } = parse(&pairs).unwrap() else { panic!("an array") };
        assert_eq!((items.len(), len), (40, 40));
    }

    #[test]
    fn duplicate_keys_are_named_unless_lenient() {
        let text = r#"{"train": [1], "test": [], "train": [2]}"#;
        let e = parse(text).unwrap_err().to_string();
        assert!(e.contains("duplicate key \"train\""), "{e}");
        let v = parse_lenient(text).unwrap();
        assert_eq!(v.get("train").unwrap().to_string(), "[1]");
        assert!(parse("[1] x").is_err(), "trailing characters are an error");
    }
}
