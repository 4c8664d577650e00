//! `_io.TextIOWrapper`: `sys.stdout` and `sys.stderr` (`Value::Builtin` of
//! [`Builtin::Stream`](crate::vm::builtins::Builtin::Stream)), whose
//! `write` and `flush` are in `streams.rs`.

use super::{Slots, TypeKind, TypeSpec};
use crate::vm::builtins::Builtin;
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{ObjId, Object, Symbol, Value};
use crate::vm::{Flow, Vm};

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    match &object.value {
        Value::Builtin(builtin) => w.push(&builtin.repr()),
        _ => Ok(()),
    }
}

/// `stream.write`, `stream.flush`; other attributes of CPython's text
/// files are refused.
fn getattr(vm: &mut Vm, stream: ObjId, name: Symbol) -> Flow<ObjId> {
    let Value::Builtin(Builtin::Stream(which)) = *vm.heap.value(stream) else {
        return Err(vm.no_attribute(stream, name));
    };
    match vm.heap.symbols.text(name) {
        "write" => Ok(vm.static_builtin(Builtin::StreamWrite(which))),
        "flush" => Ok(vm.static_builtin(Builtin::StreamFlush(which))),
        _ => Err(vm.no_attribute(stream, name)),
    }
}

/// The text layer over stdout or stderr (its buffer and raw file are not
/// modelled).
pub const TEXT_IO_WRAPPER: TypeSpec = TypeSpec {
    kind: TypeKind::TextIOWrapper,
    module: "_io",
    slots: Slots {
        repr: Some(repr),
        vm: super::protocol::VmSlots {
            getattr: Some(getattr),
            ..super::protocol::VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("TextIOWrapper", 192)
};

/// `__future__`'s features: their attributes (see `future.rs`).
fn feature_getattr(vm: &mut Vm, feature: ObjId, name: Symbol) -> Flow<ObjId> {
    let Value::Builtin(Builtin::Future(index)) = *vm.heap.value(feature) else {
        return Err(vm.no_attribute(feature, name));
    };
    let text = vm.heap.symbols.text(name).to_owned();
    match vm.feature_attribute(index, &text) {
        Some(found) => Ok(found),
        None => Err(vm.no_attribute(feature, name)),
    }
}

/// `__future__._Feature`.
pub const FEATURE: TypeSpec = TypeSpec {
    kind: TypeKind::Feature,
    slots: Slots {
        repr: Some(repr),
        vm: super::protocol::VmSlots {
            getattr: Some(feature_getattr),
            ..super::protocol::VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("_Feature", 48)
};
