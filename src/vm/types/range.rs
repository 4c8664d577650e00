//! `range` and its iterator.

use super::{Slots, TypeSpec};
use crate::vm::heap::object::range_len;
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Value};

/// The number of items of a range value.
fn len(value: &Value) -> i64 {
    match *value {
        Value::Range { start, stop, step } => range_len(start, stop, step),
        _ => 0,
    }
}

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _depth: usize) -> Result<(), Stop> {
    let Value::Range { start, stop, step } = object.value else {
        return Ok(());
    };
    if step == 1 {
        w.push(&format!("range({start}, {stop})"))
    } else {
        w.push(&format!("range({start}, {stop}, {step})"))
    }
}

pub const RANGE: TypeSpec = TypeSpec {
    slots: Slots {
        repr: Some(repr),
        bool: Some(|value| len(value) > 0),
        len: Some(|_, value| usize::try_from(len(value)).unwrap_or(0)),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("range", 48)
};

/// Holds no object: its next value, step and count are plain numbers.
pub const RANGE_ITERATOR: TypeSpec = TypeSpec {
    iterator: true,
    ..TypeSpec::new("range_iterator", 40)
};
