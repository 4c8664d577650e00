//! `float`.

use super::{Slots, TypeSpec};
use crate::vm::heap::object::float_repr;
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Value};

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _depth: usize) -> Result<(), Stop> {
    match object.value {
        Value::Float(f) => w.push(&float_repr(f)),
        _ => Ok(()),
    }
}

pub const FLOAT: TypeSpec = TypeSpec {
    slots: Slots {
        repr: Some(repr),
        bool: Some(|value| !matches!(value, Value::Float(f) if *f == 0.0)),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("float", 24)
};
