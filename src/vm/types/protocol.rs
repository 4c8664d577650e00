//! The generic operations (CPython's `Objects/abstract.c`): each looks up
//! the slot of the object's type and calls it, or raises CPython's
//! `TypeError`. Instances of a program's classes enter through the same
//! entry points: their spec ([`super::object::INSTANCE`]) has slots that
//! look up the class's special methods (`slot_sq_length`, `slot_tp_iter`…).
//!
//! Every slot here may need the interpreter: to allocate the result, to
//! raise, or to call Python code (through `Vm::call_python`, which replays
//! the instruction, see `vm/special.rs`).

use super::super::exceptions::PyException;
use super::super::heap::{ObjId, Symbol, Value};
use super::super::{Flow, RECURSION_LIMIT, Vm};
use super::TypeKind;
use super::dict::HashKey;
use crate::bytecode::hashing::pointer_hash;

/// `sq_length` of a type whose length needs Python code.
pub type LenSlot = fn(&mut Vm, ObjId) -> Flow<i64>;
/// `nb_bool` of a type whose truth needs Python code.
pub type BoolSlot = fn(&mut Vm, ObjId) -> Flow<bool>;
/// `tp_iter`: a new iterator (a new reference).
pub type IterSlot = fn(&mut Vm, ObjId) -> Flow<ObjId>;
/// `tp_iternext`: the next item (a new reference), `None` when exhausted.
pub type NextSlot = fn(&mut Vm, ObjId) -> Flow<Option<ObjId>>;
/// `mp_subscript`: `obj[key]` (a new reference).
pub type GetItemSlot = fn(&mut Vm, ObjId, ObjId) -> Flow<ObjId>;
/// `mp_ass_subscript` with a value: `obj[key] = value`.
pub type SetItemSlot = fn(&mut Vm, ObjId, ObjId, ObjId) -> Flow;
/// `mp_ass_subscript` without one: `del obj[key]`.
pub type DelItemSlot = fn(&mut Vm, ObjId, ObjId) -> Flow;
/// `sq_contains`: `item in obj`.
pub type ContainsSlot = fn(&mut Vm, ObjId, ObjId) -> Flow<bool>;

/// `tp_hash`: `hash(obj)`; `usize` is the nesting depth so far.
pub type HashSlot = fn(&mut Vm, ObjId, usize) -> Flow<i64>;
/// The key a dict or set finds `obj` by (its value as `==` and `hash` see it).
pub type HashKeySlot = fn(&Vm, ObjId, usize) -> Flow<HashKey>;

/// How `obj` orders against `other` (`None`: not comparable that way);
/// `usize` is the nesting depth so far.
pub type OrderSlot = fn(&Vm, ObjId, ObjId, usize) -> Flow<Option<std::cmp::Ordering>>;

/// `tp_str` where it may call Python code (an item's `__repr__`).
pub type StrSlot = fn(&mut Vm, ObjId) -> Flow<String>;

/// `tp_getattro` of a built-in object, after its methods and descriptors:
/// its own attribute (a new or borrowed reference, as `LOAD_ATTR` pushes it).
pub type GetAttrSlot = fn(&mut Vm, ObjId, Symbol) -> Flow<ObjId>;

/// The slots that may need the interpreter.
#[derive(Clone, Copy)]
pub struct VmSlots {
    pub len: Option<LenSlot>,
    pub bool: Option<BoolSlot>,
    pub iter: Option<IterSlot>,
    pub next: Option<NextSlot>,
    pub getitem: Option<GetItemSlot>,
    pub setitem: Option<SetItemSlot>,
    pub delitem: Option<DelItemSlot>,
    pub contains: Option<ContainsSlot>,
    pub hash: Option<HashSlot>,
    pub hash_key: Option<HashKeySlot>,
    pub order: Option<OrderSlot>,
    pub str: Option<StrSlot>,
    pub getattr: Option<GetAttrSlot>,
}

impl VmSlots {
    pub const EMPTY: VmSlots = VmSlots {
        len: None,
        bool: None,
        iter: None,
        next: None,
        getitem: None,
        setitem: None,
        delitem: None,
        contains: None,
        hash: None,
        hash_key: None,
        order: None,
        str: None,
        getattr: None,
    };
}

impl Vm {
    /// The interpreter-level slots of `obj`'s type.
    #[inline]
    fn vm_slots(&self, obj: ObjId) -> &'static VmSlots {
        &self.heap.value(obj).spec().slots.vm
    }

    /// `len(obj)` (`PyObject_Size`).
    pub(in crate::vm) fn len_of(&mut self, obj: ObjId) -> Flow<i64> {
        match self.vm_slots(obj).len {
            Some(len) => len(self, obj),
            None => self.length(obj),
        }
    }

    /// `len()` of a built-in value: its type's `len` slot.
    pub(in crate::vm) fn length(&self, obj: ObjId) -> Flow<i64> {
        let value = self.heap.value(obj);
        match value.spec().slots.len {
            Some(len) => Ok(len(&self.heap, value) as i64),
            None => Err(PyException::type_error(format!(
                "object of type '{}' has no len()",
                value.type_name()
            ))),
        }
    }

    /// Truth of an object whose type needs Python code for it.
    #[cold]
    #[inline(never)]
    pub(in crate::vm) fn truthy_slot(&mut self, obj: ObjId) -> Flow<bool> {
        match self.vm_slots(obj).bool {
            Some(truth) => truth(self, obj),
            None => Ok(self.heap.value(obj).truthy()),
        }
    }

    /// `iter(obj)` (`PyObject_GetIter`): the type's `iter` slot; a built-in
    /// iterator is its own.
    pub(in crate::vm) fn iter_of(&mut self, obj: ObjId) -> Flow<ObjId> {
        let spec = self.heap.value(obj).spec();
        match spec.slots.vm.iter {
            Some(iter) => iter(self, obj),
            None if spec.iterator => Ok(obj),
            None => Err(not_iterable(self.heap.value(obj))),
        }
    }

    /// `next(it)` (`tp_iternext`): a new reference, or `None` when exhausted.
    pub(in crate::vm) fn next_of(&mut self, iterator: ObjId) -> Flow<Option<ObjId>> {
        match self.vm_slots(iterator).next {
            Some(next) => next(self, iterator),
            None => Err(self.unsupported("iterating over this object")),
        }
    }

    /// `obj[key]` (`PyObject_GetItem`).
    pub(in crate::vm) fn getitem_of(&mut self, obj: ObjId, key: ObjId) -> Flow<ObjId> {
        match self.vm_slots(obj).getitem {
            Some(getitem) => getitem(self, obj, key),
            None => self.no_getitem(obj, key),
        }
    }

    /// The subscript of a type without `getitem`: a slice or int index is
    /// CPython's `TypeError`; other keys are not supported yet.
    fn no_getitem(&mut self, obj: ObjId, _key: ObjId) -> Flow<ObjId> {
        // `PyObject_GetItem`: a type is subscripted by its `__class_getitem__`.
        if let Value::Type(kind) = *self.heap.value(obj) {
            if kind == TypeKind::Type || super::attrs::find(kind, "__class_getitem__").is_some() {
                return Ok(self.generic_alias(obj, _key));
            }
            return Err(PyException::type_error(format!(
                "type '{}' is not subscriptable",
                kind.name()
            )));
        }
        Err(PyException::type_error(format!(
            "'{}' object is not subscriptable",
            self.heap.value(obj).type_name()
        )))
    }

    /// `obj[key] = value` for every kind (instances, slices too).
    pub(in crate::vm) fn setitem_any(&mut self, obj: ObjId, key: ObjId, value: ObjId) -> Flow {
        match self.vm_slots(obj).setitem {
            Some(setitem) => setitem(self, obj, key, value),
            None => Err(no_item_assignment(self.heap.value(obj))),
        }
    }

    /// `del obj[key]` for every kind (instances, slices too).
    pub(in crate::vm) fn delitem_any(&mut self, obj: ObjId, key: ObjId) -> Flow {
        match self.vm_slots(obj).delitem {
            Some(delitem) => delitem(self, obj, key),
            None => Err(no_item_deletion(self.heap.value(obj))),
        }
    }

    /// `item in obj` (`PySequence_Contains`).
    pub(in crate::vm) fn contains_of(&mut self, obj: ObjId, item: ObjId) -> Flow<bool> {
        match self.vm_slots(obj).contains {
            Some(contains) => contains(self, obj, item),
            None => Err(PyException::type_error(format!(
                "argument of type '{}' is not a container or iterable",
                self.heap.value(obj).type_name()
            ))),
        }
    }
}

impl Vm {
    /// Whether comparing at `depth` nests past the recursion limit.
    pub(in crate::vm) fn compare_too_deep(&self, depth: usize) -> bool {
        depth >= RECURSION_LIMIT.saturating_sub(self.frames.len())
    }

    /// Items compare with `PyObject_RichCompareBool`: the same object is
    /// equal to itself without looking inside; the first unequal pair
    /// decides, else the lengths.
    pub(in crate::vm) fn order_items(
        &self,
        x: &[ObjId],
        y: &[ObjId],
        depth: usize,
    ) -> Flow<Option<std::cmp::Ordering>> {
        for (&p, &q) in x.iter().zip(y.iter()) {
            if p == q {
                continue;
            }
            match self.order(p, q, depth + 1)? {
                Some(std::cmp::Ordering::Equal) => continue,
                other => return Ok(other),
            }
        }
        Ok(Some(x.len().cmp(&y.len())))
    }

    /// `hash(obj)` (`PyObject_Hash`); nested tuples recurse here, their
    /// depth budgeted as the recursion limit: a `RecursionError`, never a
    /// stack overflow.
    pub(in crate::vm) fn py_hash_within(&mut self, obj: ObjId, depth: usize) -> Flow<i64> {
        if depth > RECURSION_LIMIT {
            return Err(hash_recursion());
        }
        let value = self.heap.value(obj);
        let spec = value.spec();
        if !spec.hashable {
            return Err(PyException::type_error(format!(
                "unhashable type: '{}'",
                value.type_name()
            )));
        }
        match spec.slots.vm.hash {
            Some(hash) => hash(self, obj, depth),
            None => Ok(pointer_hash(self.heap.get(obj).address)),
        }
    }

    /// The key a dict or set finds `key` by; an unhashable one is
    /// CPython's `TypeError`, an object without a value of its own is
    /// found by identity.
    pub(in crate::vm) fn hash_key_within(&self, key: ObjId, depth: usize) -> Flow<HashKey> {
        if depth > RECURSION_LIMIT {
            return Err(hash_recursion());
        }
        let value = self.heap.value(key);
        let spec = value.spec();
        if !spec.hashable {
            return Err(PyException::type_error(format!(
                "cannot use '{}' as a dict key (unhashable type: '{}')",
                value.type_name(),
                value.type_name()
            )));
        }
        match spec.slots.vm.hash_key {
            Some(hash_key) => hash_key(self, key, depth),
            None => Ok(HashKey::Identity(key)),
        }
    }

    /// `obj.name` of a built-in object (`LOAD_ATTR`'s last resort): the
    /// `getattr` slot of its type.
    pub(in crate::vm) fn getattr_of(&mut self, obj: ObjId, name: Symbol) -> Flow<ObjId> {
        match self.vm_slots(obj).getattr {
            Some(getattr) => getattr(self, obj, name),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// An attribute bytestep does not know on a built-in object.
    pub(in crate::vm) fn no_attribute(&self, obj: ObjId, name: Symbol) -> Box<PyException> {
        PyException::not_implemented(
            &format!(
                "the attribute '{}' of {} objects",
                self.heap.symbols.text(name),
                self.heap.value(obj).type_name()
            ),
            self.current_line(),
        )
    }

    /// A sequence's index operand: an instance's `__index__`, then a slice
    /// as it is, or an int resolved against `len` (negative from the end):
    /// `Err(Ok(slice))` for a slice, `Ok(None)` when out of range.
    pub(in crate::vm) fn sequence_index(
        &mut self,
        index: ObjId,
        len: usize,
    ) -> Flow<Result<Option<usize>, ObjId>> {
        let index = self.index_value(index)?;
        if let Value::Slice { .. } = self.heap.value(index) {
            return Ok(Err(index));
        }
        let position = match crate::vm::opcodes::Number::of(self.heap.value(index)) {
            Some(crate::vm::opcodes::Number::Int(i)) => i,
            // `PyNumber_AsSsize_t(item, PyExc_IndexError)`.
            Some(crate::vm::opcodes::Number::Big(_)) => {
                return Err(PyException::new(
                    "IndexError",
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
            _ => return Err(self.unsupported("subscripts other than an int index")),
        };
        let len = len as i64;
        let i = if position < 0 {
            position + len
        } else {
            position
        };
        Ok(Ok((0..len).contains(&i).then_some(i as usize)))
    }
}

/// Comparing containers nested past the recursion limit.
pub fn compare_recursion() -> Box<PyException> {
    PyException::new(
        "RecursionError",
        "maximum recursion depth exceeded in comparison",
    )
}

fn hash_recursion() -> Box<PyException> {
    PyException::new(
        "RecursionError",
        "maximum recursion depth exceeded while getting the hash of a tuple",
    )
}

/// `'int' object is not iterable`.
pub fn not_iterable(value: &Value) -> Box<PyException> {
    PyException::type_error(format!("'{}' object is not iterable", value.type_name()))
}

/// `'str' object does not support item assignment`.
pub fn no_item_assignment(value: &Value) -> Box<PyException> {
    PyException::type_error(format!(
        "'{}' object does not support item assignment",
        value.type_name()
    ))
}

/// `'tuple' object doesn't support item deletion`.
pub fn no_item_deletion(value: &Value) -> Box<PyException> {
    PyException::type_error(format!(
        "'{}' object doesn't support item deletion",
        value.type_name()
    ))
}
