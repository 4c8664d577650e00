//! `type`: the static built-in types (`Value::Type`, immortal, not
//! GC-tracked) and the classes a program makes (`Value::Class`, heap types),
//! and `super`.

use super::TypeKind;
use super::{GC_HEAD, Slots, TypeSpec, attribute};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{Heap, ObjId, Object, Referrer, Symbol, Value};
use crate::vm::{Flow, Vm};

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    match &object.value {
        Value::Type(kind) => match kind.spec().module {
            "builtins" => w.push(&format!("<class '{}'>", kind.name())),
            module => w.push(&format!("<class '{module}.{}'>", kind.name())),
        },
        Value::Class(class) => {
            // `type_repr`: its `__module__` when that is a str other than 'builtins'.
            let module = match w.heap.value(class.dict) {
                Value::Dict(dict) => dict.get_str("__module__").map(|entry| entry.value),
                _ => None,
            };
            match module.map(|m| w.heap.value(m)) {
                Some(Value::Str(module)) if &**module != "builtins" => {
                    let text = format!("<class '{module}.{}'>", class.qualname);
                    w.push(&text)
                }
                _ => w.push(&format!("<class '{}'>", class.qualname)),
            }
        }
        _ => Ok(()),
    }
}

/// `bytes.fromhex`…; a built-in type's name is a new str each time.
fn getattr(vm: &mut Vm, class: ObjId, name: Symbol) -> Flow<ObjId> {
    if let Some(found) = vm.bytes_attribute(class, name) {
        return found;
    }
    match (vm.heap.value(class), vm.heap.symbols.text(name)) {
        (Value::Type(kind), "__name__" | "__qualname__") => {
            let type_name = kind.name();
            Ok(vm.heap.alloc(Value::Str(type_name.into())))
        }
        _ => Err(vm.no_attribute(class, name)),
    }
}

/// A static type: sizeof(PyTypeObject), no GC header for static types.
pub const TYPE: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Type,
    slots: Slots {
        repr: Some(repr),
        vm: super::protocol::VmSlots {
            getattr: Some(getattr),
            ..super::protocol::VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("type", 416)
};

/// What `type_traverse` visits: `tp_dict`, `tp_mro`, `tp_bases`, `tp_base`.
fn class_traverse(_: &Heap, object: &Object, out: &mut Vec<(ObjId, Referrer)>) {
    if let Value::Class(class) = &object.value {
        // `subtype_traverse` visits a heap type's own type first (released last).
        if let Some(metaclass) = class.metaclass {
            out.push((metaclass, attribute(object, "__class__")));
        }
        out.push((class.dict, attribute(object, "__dict__")));
        if let Some(mro) = class.mro_tuple {
            out.push((mro, attribute(object, "__mro__")));
        }
        out.push((class.bases_tuple, attribute(object, "__bases__")));
        out.push((class.base, attribute(object, "__base__")));
    }
}

/// A class made by a `class` statement: a heap type (PyHeapTypeObject on
/// 64-bit 3.14), GC-tracked. Not registered: `type()` of it is `type`.
pub const HEAP_TYPE: TypeSpec = TypeSpec {
    gc: true,
    basic_size: GC_HEAD + 928,
    slots: Slots {
        traverse: Some(class_traverse),
        // The metaclass's special methods (`slot_mp_subscript`…), found by
        // `special_method` on the class; without them, `type`'s behaviour.
        vm: super::protocol::VmSlots {
            getitem: Some(|vm, class, key| {
                if vm.special_method(class, "__getitem__").is_some() {
                    vm.instance_getitem(class, key)
                } else {
                    vm.class_getitem(class, key)
                }
            }),
            len: Some(|vm, class| vm.instance_len(class)),
            iter: Some(super::object::instance_iter_slot),
            contains: Some(|vm, class, item| vm.instance_contains(class, item)),
            bool: Some(|vm, class| vm.calling(|vm| vm.instance_truthy(class))),
            ..TYPE.slots.vm
        },
        ..TYPE.slots
    },
    ..TYPE
};

/// `super`: `super().name` resolves at once (`LOAD_SUPER_ATTR`); a super
/// object exists only when `super(...)` is taken as a value.
pub const SUPER: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Super,
    ..TypeSpec::new("super", GC_HEAD + 40)
};

/// `super_traverse`: the object, the class, the object's type.
fn super_traverse(_: &Heap, object: &Object, out: &mut Vec<(ObjId, Referrer)>) {
    if let Value::Super {
        class,
        obj,
        obj_type,
    } = &object.value
    {
        out.push((*obj, attribute(object, "__self__")));
        out.push((*class, attribute(object, "__thisclass__")));
        out.push((*obj_type, attribute(object, "__self_class__")));
    }
}

/// `super_repr`: `<super: <class 'B'>, <B object>>`.
fn super_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    let Value::Super {
        class, obj_type, ..
    } = &object.value
    else {
        return Ok(());
    };
    let text = format!(
        "<super: <class '{}'>, <{} object>>",
        w.heap.type_object_name(*class),
        w.heap.type_object_name(*obj_type)
    );
    w.push(&text)
}

/// A super object (`superobject`).
pub const SUPER_OBJECT: TypeSpec = TypeSpec {
    gc: true,
    slots: Slots {
        traverse: Some(super_traverse),
        repr: Some(super_repr),
        ..Slots::EMPTY
    },
    ..SUPER
};
