//! `complex` (its arithmetic is in `vm/complex.rs`).

use super::{Slots, TypeSpec};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Value};

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _depth: usize) -> Result<(), Stop> {
    match object.value {
        Value::Complex(re, im) => w.push(&crate::bytecode::repr::complex_repr(re, im)),
        _ => Ok(()),
    }
}

pub const COMPLEX: TypeSpec = TypeSpec {
    slots: Slots {
        repr: Some(repr),
        bool: Some(|value| !matches!(value, Value::Complex(re, im) if *re == 0.0 && *im == 0.0)),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("complex", 32)
};
