//! The constants of arc-dsl's `constants.py`, as values (mirrored by `cuda/constants.cuh`).
#![allow(missing_docs)]
use crate::value::Value;

pub const F: Value<'static> = Value::Bool(false);
pub const T: Value<'static> = Value::Bool(true);

pub const ZERO: Value<'static> = Value::Int(0);
pub const ONE: Value<'static> = Value::Int(1);
pub const TWO: Value<'static> = Value::Int(2);
pub const THREE: Value<'static> = Value::Int(3);
pub const FOUR: Value<'static> = Value::Int(4);
pub const FIVE: Value<'static> = Value::Int(5);
pub const SIX: Value<'static> = Value::Int(6);
pub const SEVEN: Value<'static> = Value::Int(7);
pub const EIGHT: Value<'static> = Value::Int(8);
pub const NINE: Value<'static> = Value::Int(9);
pub const TEN: Value<'static> = Value::Int(10);

pub const NEG_ONE: Value<'static> = Value::Int(-1);
pub const NEG_TWO: Value<'static> = Value::Int(-2);

pub const DOWN: Value<'static> = Value::Point((1, 0));
pub const RIGHT: Value<'static> = Value::Point((0, 1));
pub const UP: Value<'static> = Value::Point((-1, 0));
pub const LEFT: Value<'static> = Value::Point((0, -1));

pub const ORIGIN: Value<'static> = Value::Point((0, 0));
pub const UNITY: Value<'static> = Value::Point((1, 1));
pub const NEG_UNITY: Value<'static> = Value::Point((-1, -1));
pub const UP_RIGHT: Value<'static> = Value::Point((-1, 1));
pub const DOWN_LEFT: Value<'static> = Value::Point((1, -1));

pub const ZERO_BY_TWO: Value<'static> = Value::Point((0, 2));
pub const TWO_BY_ZERO: Value<'static> = Value::Point((2, 0));
pub const TWO_BY_TWO: Value<'static> = Value::Point((2, 2));
pub const THREE_BY_THREE: Value<'static> = Value::Point((3, 3));

/// Every constant by name, for the translator's checks and the CUDA twin's test.
pub const ALL: &[(&str, Value<'static>)] = &[
    ("F", F),
    ("T", T),
    ("ZERO", ZERO),
    ("ONE", ONE),
    ("TWO", TWO),
    ("THREE", THREE),
    ("FOUR", FOUR),
    ("FIVE", FIVE),
    ("SIX", SIX),
    ("SEVEN", SEVEN),
    ("EIGHT", EIGHT),
    ("NINE", NINE),
    ("TEN", TEN),
    ("NEG_ONE", NEG_ONE),
    ("NEG_TWO", NEG_TWO),
    ("DOWN", DOWN),
    ("RIGHT", RIGHT),
    ("UP", UP),
    ("LEFT", LEFT),
    ("ORIGIN", ORIGIN),
    ("UNITY", UNITY),
    ("NEG_UNITY", NEG_UNITY),
    ("UP_RIGHT", UP_RIGHT),
    ("DOWN_LEFT", DOWN_LEFT),
    ("ZERO_BY_TWO", ZERO_BY_TWO),
    ("TWO_BY_ZERO", TWO_BY_ZERO),
    ("TWO_BY_TWO", TWO_BY_TWO),
    ("THREE_BY_THREE", THREE_BY_THREE),
];
