//! `slice` (slicing itself is in `vm/slices.rs`).

use super::TypeKind;
use super::{Slots, TypeSpec, attribute};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Value};

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, depth: usize) -> Result<(), Stop> {
    let Value::Slice { start, stop, step } = object.value else {
        return Ok(());
    };
    w.push("slice(")?;
    w.join([start, stop, step], |w, part| w.write(part, depth + 1))?;
    w.push(")")
}

/// PySliceObject is not GC-tracked (it cannot be part of a cycle), but it
/// holds its start, stop and step: header, start, stop, step.
pub const SLICE: TypeSpec = TypeSpec {
    kind: TypeKind::Slice,
    slots: Slots {
        traverse: Some(|_, object, out| {
            if let Value::Slice { start, stop, step } = object.value {
                out.push((start, attribute(object, "start")));
                out.push((stop, attribute(object, "stop")));
                out.push((step, attribute(object, "step")));
            }
        }),
        repr: Some(repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("slice", 40)
};
