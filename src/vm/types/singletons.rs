//! `None`, `Ellipsis` and `NotImplemented`: immortal singletons of their types.

use super::TypeKind;
use super::{Slots, TypeSpec};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Value};

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _depth: usize) -> Result<(), Stop> {
    w.push(match object.value {
        Value::None => "None",
        Value::Ellipsis => "Ellipsis",
        _ => "NotImplemented",
    })
}

pub const NONE: TypeSpec = TypeSpec {
    kind: TypeKind::NoneType,
    slots: Slots {
        repr: Some(repr),
        bool: Some(|_| false),
        vm: super::protocol::VmSlots {
            hash: Some(|_, _, _| Ok(crate::vm::sets::NONE_HASH)),
            ..super::protocol::VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("NoneType", 16)
};

pub const ELLIPSIS: TypeSpec = TypeSpec {
    kind: TypeKind::Ellipsis,
    slots: Slots {
        repr: Some(repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("ellipsis", 16)
};

pub const NOT_IMPLEMENTED: TypeSpec = TypeSpec {
    kind: TypeKind::NotImplementedType,
    slots: Slots {
        repr: Some(repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("NotImplementedType", 16)
};
