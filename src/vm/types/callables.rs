//! Callables and what makes them: `function`, bound `method`, `cell`,
//! `builtin_function_or_method` (a builtin, or a builtin method bound to its
//! object), `method_descriptor`, `code`, `staticmethod`, `classmethod`,
//! `property` and `member_descriptor` (a slot of `__slots__`).

use super::TypeKind;
use super::{GC_HEAD, Slots, TypeSpec, attribute, default_repr};
use crate::vm::code::CodeInfo;
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{Heap, ObjId, Object, Referrer, Value};

fn function_traverse(_: &Heap, object: &Object, out: &mut Vec<(ObjId, Referrer)>) {
    if let Value::Function(function) = &object.value {
        let field = |field| Referrer::Field {
            owner: function.qualname,
            field,
        };
        out.push((function.code, field("code")));
        out.extend(function.held().map(|(id, name)| (id, field(name))));
    }
}

fn function_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    let Value::Function(function) = &object.value else {
        return Ok(());
    };
    let heap = w.heap;
    // (`func_repr` shows `__qualname__`, which the program may have set.)
    let qualname = match function.qualname_object.map(|q| heap.value(q)) {
        Some(Value::Str(text)) => text.to_string(),
        _ => heap.symbols.text(function.qualname).to_owned(),
    };
    w.push(&format!("<function {qualname} at {:#x}>", object.address))
}

pub const FUNCTION: TypeSpec = TypeSpec {
    kind: TypeKind::Function,
    gc: true,
    slots: Slots {
        traverse: Some(function_traverse),
        repr: Some(function_repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("function", GC_HEAD + 152)
};

fn method_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, depth: usize) -> Result<(), Stop> {
    let Value::Method { function, owner } = &object.value else {
        return Ok(());
    };
    let heap = w.heap;
    let name = match &heap.get(*function).value {
        Value::Function(f) => heap.symbols.text(f.qualname).to_owned(),
        _ => "?".to_owned(),
    };
    w.push(&format!("<bound method {name} of "))?;
    w.write(*owner, depth + 1)?;
    w.push(">")
}

/// PyMethodObject: header, func, self, weakreflist, vectorcall.
pub const METHOD: TypeSpec = TypeSpec {
    kind: TypeKind::Method,
    gc: true,
    slots: Slots {
        traverse: Some(|_, object, out| {
            if let Value::Method { function, owner } = &object.value {
                out.push((*function, attribute(object, "__func__")));
                out.push((*owner, attribute(object, "__self__")));
            }
        }),
        repr: Some(method_repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("method", GC_HEAD + 48)
};

fn cell_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    let heap = w.heap;
    match &object.value {
        Value::Cell(Some(contents)) => w.push(&format!(
            "<cell at {:#x}: {} object at {:#x}>",
            object.address,
            heap.get(*contents).value.type_name(),
            heap.get(*contents).address
        )),
        _ => w.push(&format!("<cell at {:#x}: empty>", object.address)),
    }
}

pub const CELL: TypeSpec = TypeSpec {
    kind: TypeKind::Cell,
    gc: true,
    slots: Slots {
        traverse: Some(|_, object, out| {
            if let Value::Cell(Some(contents)) = &object.value {
                out.push((*contents, attribute(object, "cell_contents")));
            }
        }),
        repr: Some(cell_repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("cell", GC_HEAD + 24)
};

fn builtin_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    let heap = w.heap;
    match &object.value {
        Value::BoundMethod {
            method: crate::vm::builtins::Builtin::Slot(method, kind),
            owner,
        } if method.is_wrapper(*kind) => w.push(&format!(
            "<method-wrapper '{}' of {} object at {:#x}>",
            method.name(),
            heap.get(*owner).value.type_name(),
            heap.get(*owner).address
        )),
        Value::BoundMethod { method, owner } => w.push(&format!(
            "<built-in method {} of {} object at {:#x}>",
            method.name(),
            heap.get(*owner).value.type_name(),
            heap.get(*owner).address
        )),
        Value::Builtin(builtin) => w.push(&builtin.repr()),
        _ => Ok(()),
    }
}

/// A builtin function holds nothing here; a bound builtin method its object.
pub const BUILTIN_FUNCTION: TypeSpec = TypeSpec {
    kind: TypeKind::BuiltinFunction,
    gc: true,
    slots: Slots {
        traverse: Some(|_, object, out| {
            if let Value::BoundMethod { owner, .. } = &object.value {
                out.push((*owner, attribute(object, "__self__")));
            }
        }),
        repr: Some(builtin_repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("builtin_function_or_method", GC_HEAD + 56)
};

/// `list.append` taken from the class: a builtin (`Value::Builtin`) whose
/// type is `method_descriptor`.
pub const METHOD_DESCRIPTOR: TypeSpec = TypeSpec {
    kind: TypeKind::MethodDescriptor,
    name: "method_descriptor",
    ..BUILTIN_FUNCTION
};

/// `int.__add__`, `object.__setattr__`: a slot wrapper.
pub const WRAPPER_DESCRIPTOR: TypeSpec = TypeSpec {
    kind: TypeKind::WrapperDescriptor,
    name: "wrapper_descriptor",
    ..BUILTIN_FUNCTION
};

/// `(1).__add__`: a slot wrapper bound to its object (`Value::BoundMethod`).
pub const METHOD_WRAPPER: TypeSpec = TypeSpec {
    kind: TypeKind::MethodWrapper,
    name: "method-wrapper",
    ..BUILTIN_FUNCTION
};

/// `code.__sizeof__`: `offsetof(PyCodeObject, co_code_adaptive)` (208 on 64-bit
/// 3.14) plus the code units, rounded to a pointer.
pub fn code_size(info: &CodeInfo) -> u32 {
    (208 + info.code.code.len() as u32).div_ceil(8) * 8
}

fn code_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    let Value::Code(code) = &object.value else {
        return Ok(());
    };
    w.push(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.code.name, object.address, code.code.filename, code.code.first_line
    ))
}

/// A code object: its constants are a mark on them, not references.
pub const CODE: TypeSpec = TypeSpec {
    kind: TypeKind::Code,
    slots: Slots {
        sizeof: Some(|value| match value {
            Value::Code(info) => code_size(info),
            _ => 208,
        }),
        repr: Some(code_repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("code", 208)
};

fn wrapper_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, depth: usize) -> Result<(), Stop> {
    let (Value::StaticMethod(function, _) | Value::ClassMethod(function, _)) = &object.value else {
        return Ok(());
    };
    let kind = object.value.type_name();
    w.push(&format!("<{kind}("))?;
    w.write(*function, depth + 1)?;
    w.push(")>")
}

/// staticmethod/classmethod: header, callable, dict.
pub const STATIC_METHOD: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::StaticMethod,
    gc: true,
    slots: Slots {
        traverse: Some(|_, object, out| {
            if let Value::StaticMethod(function, dict) | Value::ClassMethod(function, dict) =
                &object.value
            {
                out.push((*function, attribute(object, "__func__")));
                out.extend(dict.map(|dict| (dict, attribute(object, "__dict__"))));
            }
        }),
        repr: Some(wrapper_repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("staticmethod", GC_HEAD + 32)
};

pub const CLASS_METHOD: TypeSpec = TypeSpec {
    kind: TypeKind::ClassMethod,
    name: "classmethod",
    ..STATIC_METHOD
};

/// propertyobject: header, get, set, del, doc, name, getter_doc.
pub const PROPERTY: TypeSpec = TypeSpec {
    basetype: true,
    kind: TypeKind::Property,
    gc: true,
    slots: Slots {
        traverse: Some(|_, object, out| {
            if let Value::Property {
                fget,
                fset,
                fdel,
                doc,
                ..
            } = &object.value
            {
                for (f, name) in [
                    (fget, "fget"),
                    (fset, "fset"),
                    (fdel, "fdel"),
                    (doc, "__doc__"),
                ] {
                    out.extend(f.map(|f| (f, attribute(object, name))));
                }
            }
        }),
        repr: Some(default_repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("property", GC_HEAD + 64)
};

fn member_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    let Value::Member { class, name, .. } = &object.value else {
        return Ok(());
    };
    let class_name = match &w.heap.get(*class).value {
        Value::Class(c) => c.name,
        _ => "object",
    };
    w.push(&format!("<member '{name}' of '{class_name}' objects>"))
}

/// PyMemberDescrObject: header, type, name, qualname, member.
pub const MEMBER_DESCRIPTOR: TypeSpec = TypeSpec {
    kind: TypeKind::MemberDescriptor,
    gc: true,
    slots: Slots {
        traverse: Some(|_, object, out| {
            if let Value::Member { class, .. } = &object.value {
                out.push((*class, attribute(object, "__objclass__")));
            }
        }),
        repr: Some(member_repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("member_descriptor", GC_HEAD + 48)
};

fn getset_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    let Value::GetSet { class, name } = &object.value else {
        return Ok(());
    };
    let class_name = match &w.heap.get(*class).value {
        Value::Class(c) => c.name,
        _ => "object",
    };
    w.push(&format!("<attribute '{name}' of '{class_name}' objects>"))
}

/// PyGetSetDescrObject: header, type, name, qualname, getset.
pub const GETSET_DESCRIPTOR: TypeSpec = TypeSpec {
    kind: TypeKind::GetSetDescriptor,
    gc: true,
    slots: Slots {
        traverse: Some(|_, object, out| {
            if let Value::GetSet { class, .. } = &object.value {
                out.push((*class, attribute(object, "__objclass__")));
            }
        }),
        repr: Some(getset_repr),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("getset_descriptor", GC_HEAD + 48)
};
