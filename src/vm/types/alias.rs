//! `types.GenericAlias` (`list[int]`, `dict[str, int]`: a built-in type
//! subscripted, `Objects/genericaliasobject.c`) and `typing.Union`
//! (`int | None`: types or-ed together, `Objects/unionobject.c`), as far as
//! annotations and type aliases use them: their reprs, `__origin__` and
//! `__args__`, equality, calling an alias (its origin is called) and
//! `isinstance` with a union.

use super::TypeKind;
use super::{Slots, TypeSpec, attribute};
use crate::vm::exceptions::PyException;
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{Heap, ObjId, Object, Symbol, Value};
use crate::vm::{Flow, Vm};

/// `ga_repr_items`'s one item: `...` for the Ellipsis, a type by its
/// qualified name (`int`, `__main__.Point`), `None`'s type as `None` in a
/// union, anything else by its repr.
fn write_item(w: &mut Writer<'_>, item: ObjId, depth: usize, in_union: bool) -> Result<(), Stop> {
    match &w.heap.value(item) {
        Value::Ellipsis if !in_union => w.push("..."),
        Value::Type(TypeKind::NoneType) if in_union => w.push("None"),
        Value::Type(kind) => {
            let spec = kind.spec();
            if spec.module == "builtins" {
                w.push(spec.name)
            } else {
                w.push(&format!("{}.{}", spec.module, spec.name))
            }
        }
        Value::Class(class) => w.push(&format!("__main__.{}", class.qualname)),
        _ => w.write(item, depth + 1),
    }
}

fn tuple_items(heap: &Heap, tuple: ObjId) -> Vec<ObjId> {
    match heap.value(tuple) {
        Value::Tuple(items) => items.to_vec(),
        _ => Vec::new(),
    }
}

/// `ga_repr`: `list[int]`, `dict[str, list[int]]`, `tuple[()]`.
fn alias_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, depth: usize) -> Result<(), Stop> {
    let Value::GenericAlias { origin, args } = object.value else {
        return Ok(());
    };
    if depth > w.depth_budget() {
        return w.too_deep("...");
    }
    write_item(w, origin, depth, false)?;
    w.push("[")?;
    let items = tuple_items(w.heap, args);
    if items.is_empty() {
        w.push("()")?;
    }
    w.join(items, |w, item| write_item(w, item, depth, false))?;
    w.push("]")
}

/// `union_repr`: `int | None`.
fn union_repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, depth: usize) -> Result<(), Stop> {
    let Value::Union { args } = object.value else {
        return Ok(());
    };
    if depth > w.depth_budget() {
        return w.too_deep("...");
    }
    for (i, item) in tuple_items(w.heap, args).into_iter().enumerate() {
        if i > 0 {
            w.push(" | ")?;
        }
        write_item(w, item, depth, true)?;
    }
    Ok(())
}

/// `__origin__`, `__args__`, `__parameters__` (no type variables here).
fn alias_getattr(vm: &mut Vm, alias: ObjId, name: Symbol) -> Flow<ObjId> {
    match (vm.heap.value(alias), vm.heap.symbols.text(name)) {
        (Value::GenericAlias { origin, .. }, "__origin__") => Ok(*origin),
        (Value::GenericAlias { args, .. } | Value::Union { args }, "__args__") => Ok(*args),
        (Value::GenericAlias { .. } | Value::Union { .. }, "__parameters__") => {
            Ok(vm.empty_tuple())
        }
        _ => Err(vm.no_attribute(alias, name)),
    }
}

/// Two aliases are equal when their origins and arguments are; two unions
/// when they have the same members in any order (`ga_richcompare`,
/// `union_richcompare`). No order.
fn alias_equal(
    vm: &Vm,
    left: ObjId,
    right: ObjId,
    depth: usize,
) -> Flow<Option<std::cmp::Ordering>> {
    Ok(same_alias(&vm.heap, left, right, depth).then_some(std::cmp::Ordering::Equal))
}

/// Equality of arguments: the same object, or equal aliases and unions.
fn same_alias(heap: &Heap, left: ObjId, right: ObjId, depth: usize) -> bool {
    if left == right {
        return true;
    }
    if depth > 64 {
        return false;
    }
    let same_items = |a: &[ObjId], b: &[ObjId]| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(&x, &y)| same_alias(heap, x, y, depth + 1))
    };
    match (heap.value(left), heap.value(right)) {
        (
            Value::GenericAlias { origin, args },
            Value::GenericAlias {
                origin: origin2,
                args: args2,
            },
        ) => origin == origin2 && same_items(&tuple_items(heap, *args), &tuple_items(heap, *args2)),
        (Value::Union { args }, Value::Union { args: args2 }) => {
            let (a, b) = (tuple_items(heap, *args), tuple_items(heap, *args2));
            a.len() == b.len()
                && a.iter()
                    .all(|&x| b.iter().any(|&y| same_alias(heap, x, y, depth + 1)))
        }
        _ => false,
    }
}

/// `gaobject`: its origin, args, parameters, weak reference list, starred
/// flag and vectorcall, after the GC header.
pub const GENERIC_ALIAS: TypeSpec = TypeSpec {
    kind: TypeKind::GenericAlias,
    module: "types",
    gc: true,
    slots: Slots {
        traverse: Some(|_, object, out| {
            if let Value::GenericAlias { origin, args } = object.value {
                out.push((origin, attribute(object, "__origin__")));
                out.push((args, attribute(object, "__args__")));
            }
        }),
        repr: Some(alias_repr),
        vm: super::protocol::VmSlots {
            getattr: Some(alias_getattr),
            order: Some(alias_equal),
            ..super::protocol::VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("GenericAlias", 80)
};

/// `unionobject`: its args, hashable and unhashable args, parameters and
/// weak reference list, after the GC header.
pub const UNION: TypeSpec = TypeSpec {
    kind: TypeKind::Union,
    module: "typing",
    gc: true,
    slots: Slots {
        traverse: Some(|_, object, out| {
            if let Value::Union { args } = object.value {
                out.push((args, attribute(object, "__args__")));
            }
        }),
        repr: Some(union_repr),
        vm: super::protocol::VmSlots {
            getattr: Some(alias_getattr),
            order: Some(alias_equal),
            ..super::protocol::VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("Union", 72)
};

impl Vm {
    /// `origin[key]` of a built-in type with `__class_getitem__`
    /// (`Py_GenericAlias`): the alias holds the origin and the arguments (a
    /// tuple key is the arguments themselves).
    pub(in crate::vm) fn generic_alias(&mut self, origin: ObjId, key: ObjId) -> ObjId {
        let args = match self.heap.value(key) {
            Value::Tuple(_) => key,
            _ => self.tuple_object(vec![key], false),
        };
        let alias = self.heap.alloc(Value::GenericAlias { origin, args });
        let address = self.heap.get(alias).address;
        for (held, name) in [(origin, "__origin__"), (args, "__args__")] {
            self.heap.incref(
                held,
                crate::vm::heap::Referrer::Attribute {
                    owner: address,
                    name,
                },
            );
        }
        alias
    }

    /// What `a | b` may join into a union (`is_unionable`): None, a type,
    /// an alias, a union.
    fn unionable(&self, obj: ObjId) -> bool {
        matches!(
            self.heap.value(obj),
            Value::None
                | Value::Type(_)
                | Value::Class(_)
                | Value::GenericAlias { .. }
                | Value::Union { .. }
        )
    }

    /// `a | b` of types (`_Py_union_type_or`): the members of both,
    /// unions flattened, None as `NoneType`, each once; a single member is
    /// itself. `None` when an operand cannot be in a union.
    pub(in crate::vm) fn union_of(&mut self, left: ObjId, right: ObjId) -> Flow<Option<ObjId>> {
        // (One of them is a type-like object: None has no `|` of its own.)
        let both_none = matches!(self.heap.value(left), Value::None)
            && matches!(self.heap.value(right), Value::None);
        if !self.unionable(left) || !self.unionable(right) || both_none {
            return Ok(None);
        }
        let none_type = self.type_object_id(TypeKind::NoneType);
        let mut members: Vec<ObjId> = Vec::new();
        for operand in [left, right] {
            let items = match self.heap.value(operand) {
                Value::Union { args } => tuple_items(&self.heap, *args),
                Value::None => vec![none_type],
                _ => vec![operand],
            };
            for item in items {
                if !members
                    .iter()
                    .any(|&member| same_alias(&self.heap, member, item, 0))
                {
                    members.push(item);
                }
            }
        }
        if let [only] = members[..] {
            return Ok(Some(only));
        }
        let args = self.tuple_object(members, false);
        let union = self.heap.alloc(Value::Union { args });
        let address = self.heap.get(union).address;
        self.heap.incref(
            args,
            crate::vm::heap::Referrer::Attribute {
                owner: address,
                name: "__args__",
            },
        );
        Ok(Some(union))
    }

    /// The members of a union, for `isinstance`/`issubclass`.
    pub(in crate::vm) fn union_members(&self, union: ObjId) -> Option<Vec<ObjId>> {
        match self.heap.value(union) {
            Value::Union { args } => Some(tuple_items(&self.heap, *args)),
            _ => None,
        }
    }

    /// `isinstance(x, list[int])`: CPython's refusal.
    pub(in crate::vm) fn parameterized_generic_error(&self, which: &str) -> Box<PyException> {
        PyException::type_error(format!(
            "{which}() argument 2 cannot be a parameterized generic"
        ))
    }
}
