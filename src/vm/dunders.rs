//! The special methods of classes, called through [`Vm::call_python`]
//! (each runs as its own frame, see `special.rs`): repr/str, rich
//! comparison with reflection and `NotImplemented`, arithmetic and its
//! reflected and in-place forms, `len`, items, `in`, iteration, truth, hash.
//!
//! Every function here only reads until its calls are answered, so an
//! instruction can run again (replay) without doing anything twice.

use std::collections::HashSet;

use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::{Flow, Vm};
use crate::bytecode::{BinaryOp, CompareOp};

/// `BINARY_OP`'s operators by argument: (method, reflected method, symbol).
const NB_METHODS: [(&str, &str); 13] = [
    ("__add__", "__radd__"),
    ("__and__", "__rand__"),
    ("__floordiv__", "__rfloordiv__"),
    ("__lshift__", "__rlshift__"),
    ("__matmul__", "__rmatmul__"),
    ("__mul__", "__rmul__"),
    ("__mod__", "__rmod__"),
    ("__or__", "__ror__"),
    ("__pow__", "__rpow__"),
    ("__rshift__", "__rrshift__"),
    ("__sub__", "__rsub__"),
    ("__truediv__", "__rtruediv__"),
    ("__xor__", "__rxor__"),
];
const NB_INPLACE: [&str; 13] = [
    "__iadd__",
    "__iand__",
    "__ifloordiv__",
    "__ilshift__",
    "__imatmul__",
    "__imul__",
    "__imod__",
    "__ior__",
    "__ipow__",
    "__irshift__",
    "__isub__",
    "__itruediv__",
    "__ixor__",
];
/// Rich comparisons' special methods, by [`CompareOp`] (the reflected
/// method is the swapped operator's).
const COMPARE_METHODS: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

/// How deep reprs of nested containers with special methods may go.
const REPR_DEPTH: usize = 200;

impl Vm {
    pub(super) fn is_instance_obj(&self, obj: ObjId) -> bool {
        matches!(self.heap.value(obj), Value::Instance { .. })
    }

    /// The class of an instance (its `type()`).
    fn class_of(&self, obj: ObjId) -> Option<ObjId> {
        match self.heap.value(obj) {
            Value::Instance { class, .. } => Some(*class),
            _ => None,
        }
    }

    /// `issubclass(type(w), type(v))` for two instances of different classes.
    fn is_proper_subclass_instance(&self, w: ObjId, v: ObjId) -> bool {
        match (self.class_of(w), self.class_of(v)) {
            (Some(cw), Some(cv)) if cw != cv => match self.heap.value(cw) {
                Value::Class(c) => c.mro.contains(&cv),
                _ => false,
            },
            _ => false,
        }
    }

    // ---- repr and str ------------------------------------------------------

    /// Whether `repr(obj)` would call a special method (an instance with
    /// `__repr__` anywhere inside it).
    fn repr_calls(&self, obj: ObjId, seen: &mut HashSet<ObjId>, depth: usize) -> bool {
        if depth > REPR_DEPTH || !seen.insert(obj) {
            return false;
        }
        if self.is_struct_seq(obj) {
            return true;
        }
        if self.tagged_hook(obj, "__repr__").is_some() || self.meta_hook(obj, "__repr__").is_some()
        {
            return true;
        }
        match self.heap.value(obj) {
            Value::Instance { .. } => self.special_method(obj, "__repr__").is_some(),
            Value::Exception(_) => self.exception_hook(obj, "__repr__").is_some(),
            Value::List(list) => {
                let items = list.items.clone();
                items.iter().any(|&i| self.repr_calls(i, seen, depth + 1))
            }
            Value::Tuple(items) => {
                let items = items.clone();
                items.iter().any(|&i| self.repr_calls(i, seen, depth + 1))
            }
            Value::Dict(dict) => {
                let entries: Vec<_> = dict.entries().collect();
                entries.iter().any(|e| {
                    self.repr_calls(e.key, seen, depth + 1)
                        || self.repr_calls(e.value, seen, depth + 1)
                })
            }
            Value::Set(set) => {
                let items: Vec<ObjId> = set.items().collect();
                items.iter().any(|&i| self.repr_calls(i, seen, depth + 1))
            }
            _ => false,
        }
    }

    /// `repr(obj)`, calling `__repr__` where a class defines it.
    pub(super) fn repr_of(&mut self, obj: ObjId) -> Flow<String> {
        if let Some(repr) = self.struct_seq_repr(obj) {
            return repr;
        }
        if !self.repr_calls(obj, &mut HashSet::new(), 0) {
            return self.heap.try_repr(obj);
        }
        let mut active = Vec::new();
        self.repr_with(obj, &mut active, &[], true)
    }

    /// `list.__repr__(obj)` / `dict.__repr__(obj)` of a subclass's instance:
    /// its items, not its class's `__repr__`.
    pub(super) fn base_repr(&mut self, obj: ObjId) -> Flow<String> {
        let mut active = Vec::new();
        self.repr_with(obj, &mut active, &[], false)
    }

    /// The special method `name` an exception's class (one the program
    /// made) defines or inherits from another such class.
    pub(super) fn exception_hook(&self, obj: ObjId, name: &str) -> Option<ObjId> {
        match self.heap.value(obj) {
            Value::Exception(exc) => self.user_hook(exc.class?, name),
            _ => None,
        }
    }

    /// The class's own special method `name` of a list or dict made by a subclass.
    pub(super) fn tagged_hook(&self, obj: ObjId, name: &str) -> Option<ObjId> {
        let tag = self.heap.subclass_of(obj)?;
        self.user_hook(tag.class, name)
    }

    /// Call a `__repr__` or `__str__`: the str it returned.
    fn call_text_hook(
        &mut self,
        method: ObjId,
        obj: ObjId,
        pins: &[ObjId],
        what: &str,
    ) -> Flow<String> {
        let result = self.call_python_pinned(method, &[obj], pins)?;
        match self.heap.value(result) {
            Value::Str(text) => Ok(text.to_string()),
            other => Err(PyException::type_error(format!(
                "{what} returned non-string (type {})",
                other.type_name()
            ))),
        }
    }

    /// `repr(obj)` inside a container's repr: `pins` are what the
    /// container's C code holds while the item's `__repr__` runs.
    fn repr_with(
        &mut self,
        obj: ObjId,
        active: &mut Vec<ObjId>,
        pins: &[ObjId],
        hooks: bool,
    ) -> Flow<String> {
        if active.len() > REPR_DEPTH {
            return Err(PyException::new(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        if hooks && let Some(method) = self.tagged_hook(obj, "__repr__") {
            return self.call_text_hook(method, obj, pins, "__repr__");
        }
        // A class whose metaclass defines `__repr__`.
        if let Some(method) = self.meta_hook(obj, "__repr__") {
            return self.call_text_hook(method, obj, pins, "__repr__");
        }
        if let Some(method) = self.exception_hook(obj, "__repr__") {
            return self.call_text_hook(method, obj, pins, "__repr__");
        }
        if let Some(repr) = self.struct_seq_repr(obj) {
            return repr;
        }
        let items: Vec<ObjId> = match self.heap.value(obj) {
            Value::Instance { .. } => {
                return match self.special_method(obj, "__repr__") {
                    Some(method) => {
                        let result = self.call_python_pinned(method, &[obj], pins)?;
                        match self.heap.value(result) {
                            Value::Str(text) => Ok(text.to_string()),
                            other => Err(PyException::type_error(format!(
                                "__repr__ returned non-string (type {})",
                                other.type_name()
                            ))),
                        }
                    }
                    None => self.heap.try_repr(obj),
                };
            }
            Value::List(list) => list.items.clone(),
            Value::Tuple(items) => items.to_vec(),
            Value::Dict(dict) => dict.entries().flat_map(|e| [e.key, e.value]).collect(),
            Value::Set(set) => set.items().collect(),
            _ => return self.heap.try_repr(obj),
        };
        let kind = self.heap.value(obj).type_kind();
        if active.contains(&obj) {
            return Ok(match kind {
                super::types::TypeKind::List => "[...]".into(),
                super::types::TypeKind::Dict => "{...}".into(),
                _ => format!("{}(...)", kind.name()),
            });
        }
        active.push(obj);
        let mut parts = Vec::with_capacity(items.len());
        for (index, &item) in items.iter().enumerate() {
            // What CPython's repr holds across the item's repr: a list its
            // item, a dict its key and value, a set (through the list it
            // makes first) its member twice, a tuple nothing.
            let pins: Vec<ObjId> = match kind {
                super::types::TypeKind::List => vec![item],
                super::types::TypeKind::Dict => {
                    let pair = index - index % 2;
                    vec![items[pair], items[pair + 1]]
                }
                super::types::TypeKind::Set | super::types::TypeKind::Frozenset => {
                    vec![item, item]
                }
                _ => Vec::new(),
            };
            match self.repr_with(item, active, &pins, true) {
                Ok(text) => parts.push(text),
                Err(error) => {
                    active.pop();
                    return Err(error);
                }
            }
        }
        active.pop();
        Ok(match kind {
            super::types::TypeKind::List => format!("[{}]", parts.join(", ")),
            super::types::TypeKind::Tuple if parts.len() == 1 => format!("({},)", parts[0]),
            super::types::TypeKind::Tuple => format!("({})", parts.join(", ")),
            super::types::TypeKind::Dict => {
                let pairs: Vec<String> = parts
                    .chunks(2)
                    .map(|pair| {
                        format!("{}: {}", pair[0], pair.get(1).cloned().unwrap_or_default())
                    })
                    .collect();
                format!("{{{}}}", pairs.join(", "))
            }
            super::types::TypeKind::Set if parts.is_empty() => "set()".into(),
            super::types::TypeKind::Set => format!("{{{}}}", parts.join(", ")),
            super::types::TypeKind::Frozenset if parts.is_empty() => "frozenset()".into(),
            _ => format!("{}({{{}}})", kind.name(), parts.join(", ")),
        })
    }

    /// `str(obj)` (`PyObject_Str`): the `str` slot of its type (which may
    /// call `__str__`/`__repr__`), else its heap-level `str`.
    pub(super) fn str_of(&mut self, obj: ObjId) -> Flow<String> {
        if let Some(method) = self.meta_hook(obj, "__str__") {
            return self.call_text_hook(method, obj, &[], "__str__");
        }
        if let Some(method) = self.meta_hook(obj, "__repr__") {
            // `object.__str__` calls the repr slot; `PyObject_Str` checks it.
            return self.call_text_hook(method, obj, &[], "__str__");
        }
        if self.heap.has_subclassed()
            && let Some(text) = self.subclass_str(obj)?
        {
            return Ok(text);
        }
        match self.heap.value(obj).spec().slots.vm.str {
            Some(str) => str(self, obj),
            None => self.heap.try_str(obj),
        }
    }

    /// `slot_tp_str` of an instance: `__str__`, else `__repr__` (as
    /// `object.__str__` calls the type's repr slot), else the default repr.
    pub(super) fn instance_str(&mut self, obj: ObjId) -> Flow<String> {
        let method = self
            .special_method(obj, "__str__")
            .or_else(|| self.special_method(obj, "__repr__"));
        match method {
            Some(method) => {
                let result = self.call_python(method, &[obj])?;
                match self.heap.value(result) {
                    Value::Str(text) => Ok(text.to_string()),
                    other => Err(PyException::type_error(format!(
                        "__str__ returned non-string (type {})",
                        other.type_name()
                    ))),
                }
            }
            None => self.heap.try_repr(obj),
        }
    }

    /// `str()` of a container: its repr with its items' `__repr__`s (a
    /// list or dict subclass's own `__str__` first).
    pub(super) fn container_str(&mut self, obj: ObjId) -> Flow<String> {
        if matches!(self.heap.value(obj), Value::List(_) | Value::Dict(_))
            && let Some(method) = self.tagged_hook(obj, "__str__")
        {
            return self.call_text_hook(method, obj, &[], "__str__");
        }
        self.repr_of(obj)
    }

    /// `BaseException.__str__` of one argument that is an instance: its
    /// `str` (a `KeyError`'s: its repr), which may call Python code.
    pub(super) fn exception_str(&mut self, obj: ObjId) -> Flow<String> {
        // An exception class's own `__str__` (`BaseException.__str__` is
        // not `object.__str__`: a `__repr__` of its own does not change it).
        if let Some(method) = self.exception_hook(obj, "__str__") {
            return self.call_text_hook(method, obj, &[], "__str__");
        }
        let Value::Exception(exc) = self.heap.value(obj) else {
            return self.heap.try_str(obj);
        };
        let key_error = exc.kind.name() == "KeyError";
        match self.heap.value(exc.args) {
            Value::Tuple(args) if args.len() == 1 && self.is_instance_obj(args[0]) => {
                let arg = args[0];
                if key_error {
                    self.repr_of(arg)
                } else {
                    self.str_of(arg)
                }
            }
            _ => self.heap.try_str(obj),
        }
    }

    // ---- comparison ----------------------------------------------------------

    /// Call `method` of `obj` with `other` if the class defines it: `None`
    /// when it does not or it returned `NotImplemented`.
    fn try_special(&mut self, obj: ObjId, name: &str, other: ObjId) -> Flow<Option<ObjId>> {
        let Some(method) = self.special_method(obj, name) else {
            return Ok(None);
        };
        if method == self.singletons.none {
            return Ok(None);
        }
        let result = self.call_python(method, &[obj, other])?;
        if result == self.singletons.not_implemented {
            return Ok(None);
        }
        Ok(Some(result))
    }

    /// One side of a rich comparison: the class's method, or for `!=` the
    /// inverse of its `__eq__` (`object.__ne__`).
    fn compare_side(&mut self, op: CompareOp, obj: ObjId, other: ObjId) -> Flow<Option<ObjId>> {
        let name = COMPARE_METHODS[op as usize];
        if self.special_method(obj, name).is_some() {
            return self.try_special(obj, name, other);
        }
        if op == CompareOp::Ne
            && let Some(eq) = self.try_special(obj, "__eq__", other)?
        {
            let truth = self.truthy(eq)?;
            return Ok(Some(self.bool_object(!truth)));
        }
        Ok(None)
    }

    /// `PyObject_RichCompare` where an operand is an instance: the result
    /// object (any object, as the method returned it).
    pub(super) fn rich_compare(&mut self, op: CompareOp, v: ObjId, w: ObjId) -> Flow<ObjId> {
        if !self.is_instance_obj(v) && !self.is_instance_obj(w) {
            let result = self.compare(op, v, w)?;
            return Ok(self.bool_object(result));
        }
        let reflected_op = op.swapped();
        let reflected = COMPARE_METHODS[reflected_op as usize];
        let mut checked_reverse = false;
        if self.is_proper_subclass_instance(w, v) && self.special_method(w, reflected).is_some() {
            checked_reverse = true;
            if let Some(result) = self.compare_side(reflected_op, w, v)? {
                return Ok(result);
            }
        }
        if let Some(result) = self.compare_side(op, v, w)? {
            return Ok(result);
        }
        if !checked_reverse && let Some(result) = self.compare_side(reflected_op, w, v)? {
            return Ok(result);
        }
        match op {
            CompareOp::Eq => Ok(self.bool_object(v == w)),
            CompareOp::Ne => Ok(self.bool_object(v != w)),
            _ => Err(PyException::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.heap.value(v).type_name(),
                self.heap.value(w).type_name()
            ))),
        }
    }

    /// `PyObject_RichCompareBool`: identity first, then the comparison's truth.
    pub(super) fn compare_bool(&mut self, op: CompareOp, v: ObjId, w: ObjId) -> Flow<bool> {
        if v == w && matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(op == CompareOp::Eq);
        }
        if !self.has_instance(v) && !self.has_instance(w) {
            return self.compare(op, v, w);
        }
        if let (Some(a), Some(b)) = (self.sequence_items(v), self.sequence_items(w)) {
            return self.compare_sequences(op, v, w, a, b);
        }
        let result = self.rich_compare(op, v, w)?;
        self.truthy(result)
    }

    /// Whether an object is, or (in a list or tuple) holds, an instance.
    pub(super) fn has_instance(&self, obj: ObjId) -> bool {
        match self.heap.value(obj) {
            Value::Instance { .. } => true,
            Value::List(list) => list.items.iter().any(|&i| self.has_instance_shallow(i)),
            Value::Tuple(items) => items.iter().any(|&i| self.has_instance_shallow(i)),
            _ => false,
        }
    }

    fn has_instance_shallow(&self, obj: ObjId) -> bool {
        match self.heap.value(obj) {
            Value::Instance { .. } => true,
            Value::List(list) => list.items.iter().any(|&i| self.is_instance_obj(i)),
            Value::Tuple(items) => items.iter().any(|&i| self.is_instance_obj(i)),
            _ => false,
        }
    }

    fn sequence_items(&self, obj: ObjId) -> Option<(super::types::TypeKind, Vec<ObjId>)> {
        match self.heap.value(obj) {
            Value::List(list) => Some((super::types::TypeKind::List, list.items.clone())),
            Value::Tuple(items) => Some((super::types::TypeKind::Tuple, items.to_vec())),
            _ => None,
        }
    }

    /// Lists and tuples holding instances: the first unequal items decide.
    fn compare_sequences(
        &mut self,
        op: CompareOp,
        v: ObjId,
        w: ObjId,
        (kv, a): (super::types::TypeKind, Vec<ObjId>),
        (kw, b): (super::types::TypeKind, Vec<ObjId>),
    ) -> Flow<bool> {
        if kv != kw {
            return self.compare(op, v, w);
        }
        if matches!(op, CompareOp::Eq | CompareOp::Ne) && a.len() != b.len() {
            return Ok(op == CompareOp::Ne);
        }
        for (&x, &y) in a.iter().zip(b.iter()) {
            if !self.compare_bool(CompareOp::Eq, x, y)? {
                return match op {
                    CompareOp::Eq => Ok(false),
                    CompareOp::Ne => Ok(true),
                    _ => self.compare_bool(op, x, y),
                };
            }
        }
        Ok(op.holds(Some(a.len().cmp(&b.len()))))
    }

    // ---- arithmetic ----------------------------------------------------------

    /// `BINARY_OP` where an operand is an instance (`None`: neither is).
    pub(super) fn binary_special(
        &mut self,
        op: BinaryOp,
        v: ObjId,
        w: ObjId,
    ) -> Flow<Option<ObjId>> {
        if !self.is_instance_obj(v) && !self.is_instance_obj(w) {
            return Ok(None);
        }
        // `str % obj` formats: str's own slot answers first.
        let base = op.base();
        if matches!(self.heap.value(v), Value::Str(_)) && base == BinaryOp::Remainder {
            return Ok(None);
        }
        let inplace = op.is_inplace();
        // `dict |= obj`: dict's own `nb_inplace_or` takes any mapping or
        // iterable of pairs, so it answers before `obj.__ror__`.
        if inplace
            && base == BinaryOp::Or
            && matches!(self.heap.value(v), Value::Dict(_))
            && self.heap.subclass_of(v).is_none()
        {
            return Ok(None);
        }
        let Some(&(name, reflected)) = NB_METHODS.get(base as usize) else {
            return Ok(None);
        };
        if inplace && let Some(result) = self.try_special(v, NB_INPLACE[base as usize], w)? {
            return Ok(Some(result));
        }
        let mut slot_w = self.is_instance_obj(w)
            && self.class_of(w) != self.class_of(v)
            && self.special_method(w, reflected).is_some();
        if self.special_method(v, name).is_some() {
            // (`SLOT1BINFULL`: only when the subclass overrides the
            // reflected method, `method_is_overloaded`.)
            if slot_w
                && self.is_proper_subclass_instance(w, v)
                && self.special_method(v, reflected) != self.special_method(w, reflected)
            {
                if let Some(result) = self.try_special(w, reflected, v)? {
                    return Ok(Some(result));
                }
                slot_w = false;
            }
            if let Some(result) = self.try_special(v, name, w)? {
                return Ok(Some(result));
            }
        }
        if slot_w && let Some(result) = self.try_special(w, reflected, v)? {
            return Ok(Some(result));
        }
        if base == BinaryOp::Add && matches!(self.heap.value(v), Value::List(_)) {
            // The list's own `sq_concat`/`sq_inplace_concat` comes next
            // (`lst += obj` extends it with obj's items).
            return Ok(None);
        }
        let symbol = if op == BinaryOp::Power {
            "** or pow()"
        } else {
            op.symbol()
        };
        Err(PyException::type_error(format!(
            "unsupported operand type(s) for {symbol}: '{}' and '{}'",
            self.heap.value(v).type_name(),
            self.heap.value(w).type_name()
        )))
    }

    /// `-x`, `+x`, `~x`, `abs(x)` of an instance.
    pub(super) fn unary_special(&mut self, obj: ObjId, name: &str, what: &str) -> Flow<ObjId> {
        match self.special_method(obj, name) {
            Some(method) => self.call_python(method, &[obj]),
            None => Err(PyException::type_error(format!(
                "bad operand type for {what}: '{}'",
                self.heap.value(obj).type_name()
            ))),
        }
    }

    // ---- truth, length, hash ----------------------------------------------------

    /// Truth of an instance: `__bool__`, else `__len__`, else true.
    pub(super) fn instance_truthy(&mut self, obj: ObjId) -> Flow<bool> {
        if let Some(method) = self.special_method(obj, "__bool__") {
            let result = self.call_python(method, &[obj])?;
            return match self.heap.value(result) {
                Value::Bool(b) => Ok(*b),
                other => Err(PyException::type_error(format!(
                    "__bool__ should return bool, returned {}",
                    other.type_name()
                ))),
            };
        }
        if self.special_method(obj, "__len__").is_some() {
            return Ok(self.instance_len(obj)? != 0);
        }
        Ok(true)
    }

    /// `len()` of an instance through `__len__`.
    pub(super) fn instance_len(&mut self, obj: ObjId) -> Flow<i64> {
        let Some(method) = self.special_method(obj, "__len__") else {
            return Err(PyException::type_error(format!(
                "object of type '{}' has no len()",
                self.heap.value(obj).type_name()
            )));
        };
        let result = self.call_python(method, &[obj])?;
        match self.heap.value(result) {
            Value::Int(n) if *n < 0 => Err(PyException::new(
                "ValueError",
                "__len__() should return >= 0",
            )),
            Value::Int(n) => Ok(*n),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(n) if n.sign() == num_bigint::Sign::Minus => Err(PyException::new(
                "ValueError",
                "__len__() should return >= 0",
            )),
            Value::BigInt(_) => Err(PyException::new(
                "OverflowError",
                "cannot fit 'int' into an index-sized integer",
            )),
            other => Err(PyException::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))),
        }
    }

    // ---- items, containment, iteration ------------------------------------------

    /// `obj[key]` on an instance.
    pub(super) fn instance_getitem(&mut self, obj: ObjId, key: ObjId) -> Flow<ObjId> {
        match self.special_method(obj, "__getitem__") {
            Some(method) => self.call_python(method, &[obj, key]),
            None => Err(PyException::type_error(format!(
                "'{}' object is not subscriptable",
                self.heap.value(obj).type_name()
            ))),
        }
    }

    /// `obj[key] = value` on an instance.
    pub(super) fn instance_setitem(&mut self, obj: ObjId, key: ObjId, value: ObjId) -> Flow {
        match self.special_method(obj, "__setitem__") {
            Some(method) => self.call_python(method, &[obj, key, value]).map(|_| ()),
            None => Err(PyException::type_error(format!(
                "'{}' object does not support item assignment",
                self.heap.value(obj).type_name()
            ))),
        }
    }

    /// `del obj[key]` on an instance.
    pub(super) fn instance_delitem(&mut self, obj: ObjId, key: ObjId) -> Flow {
        match self.special_method(obj, "__delitem__") {
            Some(method) => self.call_python(method, &[obj, key]).map(|_| ()),
            None => Err(PyException::type_error(format!(
                "'{}' object doesn't support item deletion",
                self.heap.value(obj).type_name()
            ))),
        }
    }

    /// `item in obj` for an instance: `__contains__`, else iteration.
    pub(super) fn instance_contains(&mut self, obj: ObjId, item: ObjId) -> Flow<bool> {
        if let Some(method) = self.special_method(obj, "__contains__") {
            let result = self.call_python(method, &[obj, item])?;
            return self.truthy(result);
        }
        if self.special_method(obj, "__iter__").is_none()
            && self.special_method(obj, "__getitem__").is_none()
        {
            return Err(PyException::type_error(format!(
                "argument of type '{}' is not a container or iterable",
                self.heap.value(obj).type_name()
            )));
        }
        if self.runs_python(obj) {
            let consumer = super::frame::Consumer::Contains { needle: item };
            let found = self.drain(obj, consumer)?;
            return Ok(found == self.bool_object(true));
        }
        let iterator = self.iterator(obj)?;
        // Held while searching, so a fresh iterator is freed at the end.
        let holder = self.raised_referrer();
        self.heap.incref(iterator, holder);
        let found = loop {
            match self.next_item(iterator) {
                Ok(Some(candidate)) => match self.compare_bool(CompareOp::Eq, candidate, item) {
                    Ok(true) => break Ok(true),
                    Ok(false) => {}
                    Err(error) => break Err(error),
                },
                Ok(None) => break Ok(false),
                Err(error) => break Err(error),
            }
        };
        self.heap.decref(iterator, holder);
        found
    }

    /// `iter(obj)` for an instance: what `__iter__` returns, which must be an iterator.
    pub(super) fn instance_iter(&mut self, obj: ObjId) -> Flow<ObjId> {
        let Some(method) = self.special_method(obj, "__iter__") else {
            return Err(PyException::type_error(format!(
                "'{}' object is not iterable",
                self.heap.value(obj).type_name()
            )));
        };
        let result = self.call_python(method, &[obj])?;
        if !self.is_iterator(result) {
            return Err(PyException::type_error(format!(
                "iter() returned non-iterator of type '{}'",
                self.heap.value(result).type_name()
            )));
        }
        Ok(result)
    }

    /// An object `next()` accepts.
    /// `callable(obj)` (`PyCallable_Check`).
    pub(super) fn is_callable(&self, obj: ObjId) -> bool {
        matches!(
            self.heap.value(obj),
            Value::Function(_)
                | Value::Builtin(_)
                | Value::Type(_)
                | Value::BoundMethod { .. }
                | Value::Class(_)
                | Value::Method { .. }
        ) || self.special_method(obj, "__call__").is_some()
    }

    pub(super) fn is_iterator(&self, obj: ObjId) -> bool {
        match self.heap.value(obj) {
            value if value.is_builtin_iterator() => true,
            Value::Instance { .. } => self.special_method(obj, "__next__").is_some(),
            _ => false,
        }
    }

    /// `next()` of an instance: `None` when `__next__` raised StopIteration.
    pub(super) fn instance_next(&mut self, obj: ObjId) -> Flow<Option<ObjId>> {
        let Some(method) = self.special_method(obj, "__next__") else {
            return Err(PyException::type_error(format!(
                "'{}' object is not an iterator",
                self.heap.value(obj).type_name()
            )));
        };
        match self.try_call_python(method, &[obj])? {
            Ok(item) => Ok(Some(item)),
            Err(exc) if self.heap.value(exc).type_name() == "StopIteration" => Ok(None),
            Err(exc) => {
                self.heap.incref(exc, self.raised_referrer());
                Err(PyException::object(exc, true))
            }
        }
    }

    /// `hash(obj)` of an instance: `__hash__`, or by identity; `None` when
    /// the class made its instances unhashable (`__eq__` without `__hash__`).
    pub(super) fn instance_hash(&mut self, obj: ObjId) -> Flow<i64> {
        match self.special_method(obj, "__hash__") {
            Some(method) if method == self.singletons.none => Err(PyException::type_error(
                format!("unhashable type: '{}'", self.heap.value(obj).type_name()),
            )),
            Some(method) => {
                let result = self.call_python(method, &[obj])?;
                match self.heap.value(result) {
                    Value::Int(n) => Ok(if *n == -1 { -2 } else { *n }),
                    Value::Bool(b) => Ok(*b as i64),
                    Value::BigInt(n) => Ok(crate::bytecode::hashing::big_int_hash(n)),
                    _ => Err(PyException::type_error(
                        "__hash__ method should return an integer",
                    )),
                }
            }
            None => Ok(crate::bytecode::hashing::pointer_hash(
                self.heap.get(obj).address,
            )),
        }
    }

    /// Whether an instance's class defines its own equality (then it must
    /// be hashed and compared through its methods).
    pub(super) fn has_custom_eq(&self, obj: ObjId) -> bool {
        self.special_method(obj, "__eq__").is_some()
    }
}
