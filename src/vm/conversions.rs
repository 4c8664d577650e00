//! Conversions a class takes part in through its special methods:
//! `__index__` (indexing, `range()`, `hex()`…), `__int__`, `__float__`,
//! `__round__`, `__trunc__`/`__floor__`/`__ceil__` (`math`), `__format__`
//! (f-strings, `format()`), `__reversed__`, `__divmod__`/`__rdivmod__`,
//! `__dir__` and `__class_getitem__`, with CPython's messages. Each call
//! runs as a replayed frame (`special.rs`); these functions only read until
//! their calls are answered.

use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::{Flow, Vm};

impl Vm {
    /// `operator.index(obj)` where an instance may answer through
    /// `__index__`; other objects come back unchanged for the caller's own
    /// checks.
    pub(super) fn index_value(&mut self, obj: ObjId) -> Flow<ObjId> {
        if !self.is_instance_obj(obj) {
            return Ok(obj);
        }
        let Some(method) = self.special_method(obj, "__index__") else {
            return Ok(obj);
        };
        let result = self.call_python(method, &[obj])?;
        match self.heap.value(result) {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Ok(result),
            other => Err(PyException::type_error(format!(
                "__index__ returned non-int (type {})",
                other.type_name()
            ))),
        }
    }

    /// `int(obj)` of an instance: `__int__`, else `__index__`.
    pub(super) fn instance_int(&mut self, obj: ObjId) -> Flow<ObjId> {
        if let Some(method) = self.special_method(obj, "__int__") {
            let result = self.call_python(method, &[obj])?;
            return match self.heap.value(result) {
                Value::Int(_) | Value::BigInt(_) => Ok(result),
                Value::Bool(b) => {
                    let b = i64::from(*b);
                    Ok(self.int_object(b))
                }
                other => Err(PyException::type_error(format!(
                    "__int__ returned non-int (type {})",
                    other.type_name()
                ))),
            };
        }
        if self.special_method(obj, "__index__").is_some() {
            let result = self.index_value(obj)?;
            if let Value::Bool(b) = self.heap.value(result) {
                let b = i64::from(*b);
                return Ok(self.int_object(b));
            }
            return Ok(result);
        }
        Err(PyException::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            self.heap.value(obj).type_name()
        )))
    }

    /// `float(obj)` of an instance: `__float__`, else `__index__`. `None`
    /// when it has neither (the caller's message).
    pub(super) fn instance_float(&mut self, obj: ObjId) -> Flow<Option<f64>> {
        if let Some(method) = self.special_method(obj, "__float__") {
            let result = self.call_python(method, &[obj])?;
            return match self.heap.value(result) {
                Value::Float(f) => Ok(Some(*f)),
                other => Err(PyException::type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    self.heap.value(obj).type_name(),
                    other.type_name()
                ))),
            };
        }
        if self.special_method(obj, "__index__").is_some() {
            let result = self.index_value(obj)?;
            return match self.heap.value(result) {
                Value::Int(v) => Ok(Some(*v as f64)),
                Value::Bool(b) => Ok(Some(f64::from(u8::from(*b)))),
                Value::BigInt(v) => {
                    match num_traits::ToPrimitive::to_f64(v.as_ref()).filter(|f| f.is_finite()) {
                        Some(f) => Ok(Some(f)),
                        None => Err(PyException::new(
                            "OverflowError",
                            "int too large to convert to float",
                        )),
                    }
                }
                _ => Ok(None),
            };
        }
        Ok(None)
    }

    /// `complex(obj)` of an instance: `__complex__`, else `__float__` or
    /// `__index__` as the real part.
    pub(super) fn instance_complex(&mut self, obj: ObjId) -> Flow<ObjId> {
        if let Some(method) = self.special_method(obj, "__complex__") {
            let result = self.call_python(method, &[obj])?;
            return match self.heap.value(result) {
                Value::Complex(..) => Ok(result),
                other => Err(PyException::type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    other.type_name()
                ))),
            };
        }
        match self.instance_float(obj)? {
            Some(real) => Ok(self.heap.alloc(Value::Complex(real, 0.0))),
            None => Err(PyException::type_error(format!(
                "complex() argument must be a string or a number, not {}",
                self.heap.value(obj).type_name()
            ))),
        }
    }

    /// `round(obj[, ndigits])` of an instance through `__round__`.
    pub(super) fn instance_round(&mut self, obj: ObjId, ndigits: Option<ObjId>) -> Flow<ObjId> {
        let Some(method) = self.special_method(obj, "__round__") else {
            return Err(PyException::type_error(format!(
                "type {} doesn't define __round__ method",
                self.heap.value(obj).type_name()
            )));
        };
        match ndigits {
            Some(n) => self.call_python(method, &[obj, n]),
            None => self.call_python(method, &[obj]),
        }
    }

    /// `math.floor/ceil/trunc(obj)` of an instance: `__floor__`, `__ceil__`,
    /// `__trunc__`; `None` when floor or ceil should go through `float()`.
    pub(super) fn instance_rounding(&mut self, obj: ObjId, name: &str) -> Flow<Option<ObjId>> {
        let method_name = format!("__{name}__");
        match self.special_method(obj, &method_name) {
            Some(method) => self.call_python(method, &[obj]).map(Some),
            None if name == "trunc" => Err(PyException::type_error(format!(
                "type {} doesn't define __trunc__ method",
                self.heap.value(obj).type_name()
            ))),
            None => Ok(None),
        }
    }

    /// `format(obj, spec)` of an instance: its `__format__`, or
    /// `object.__format__` (`str(obj)` for an empty spec). The str object.
    pub(super) fn instance_format(&mut self, obj: ObjId, spec: ObjId) -> Flow<ObjId> {
        if let Some(method) = self.user_format(obj) {
            let result = self.call_python(method, &[obj, spec])?;
            return match self.heap.value(result) {
                Value::Str(_) => Ok(result),
                other => Err(PyException::type_error(format!(
                    "__format__ must return a str, not {}",
                    other.type_name()
                ))),
            };
        }
        if !matches!(self.heap.value(spec), Value::Str(text) if text.is_empty()) {
            return Err(PyException::type_error(format!(
                "unsupported format string passed to {}.__format__",
                self.heap.value(obj).type_name()
            )));
        }
        let text = self.str_of(obj)?;
        Ok(self.str_object(&text))
    }

    /// The instance's class's own `__format__`.
    pub(super) fn user_format(&self, obj: ObjId) -> Option<ObjId> {
        match self.heap.value(obj) {
            Value::Instance { class, .. } => self.user_hook(*class, "__format__"),
            _ => None,
        }
    }

    /// `reversed(obj)` of an instance through `__reversed__`.
    pub(super) fn instance_reversed(&mut self, obj: ObjId) -> Flow<ObjId> {
        if let Some(method) = self.special_method(obj, "__reversed__") {
            if self.heap.value(method).type_name() == "NoneType" {
                return Err(self.not_reversible(obj));
            }
            return self.call_python(method, &[obj]);
        }
        // `reversed_new_impl`: a sequence (`__getitem__`) is read from its
        // `len()` down, one `__getitem__` call per item.
        if self.special_method(obj, "__getitem__").is_some() {
            let len = self.instance_len(obj)?;
            return Ok(self.reversed_sequence(obj, usize::try_from(len).unwrap_or(0)));
        }
        Err(self.not_reversible(obj))
    }

    fn not_reversible(&self, obj: ObjId) -> Box<PyException> {
        PyException::type_error(format!(
            "'{}' object is not reversible",
            self.heap.value(obj).type_name()
        ))
    }

    /// `divmod(a, b)` when either is an instance: `a.__divmod__(b)`, then
    /// `b.__rdivmod__(a)`, each `NotImplemented` passing on.
    pub(super) fn instance_divmod(&mut self, a: ObjId, b: ObjId) -> Flow<ObjId> {
        let not_implemented = self.singletons.not_implemented;
        let same_class = match (self.heap.value(a), self.heap.value(b)) {
            (Value::Instance { class: x, .. }, Value::Instance { class: y, .. }) => x == y,
            _ => false,
        };
        if let Some(method) = self.special_method(a, "__divmod__") {
            let result = self.call_python(method, &[a, b])?;
            if result != not_implemented {
                return Ok(result);
            }
        }
        if !same_class && let Some(method) = self.special_method(b, "__rdivmod__") {
            let result = self.call_python(method, &[b, a])?;
            if result != not_implemented {
                return Ok(result);
            }
        }
        Err(PyException::type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            self.heap.value(a).type_name(),
            self.heap.value(b).type_name()
        )))
    }

    /// `dir(obj)` of an instance whose class defines `__dir__`: its result, sorted.
    pub(super) fn instance_dir(&mut self, obj: ObjId) -> Flow<Option<ObjId>> {
        let method = match self.heap.value(obj) {
            Value::Instance { class, .. } => self.user_hook(*class, "__dir__"),
            _ => None,
        };
        let Some(method) = method else {
            return Ok(None);
        };
        let result = self.call_python(method, &[obj])?;
        let (items, temp) = self.items_of(result)?;
        let mut keyed = Vec::with_capacity(items.len());
        for item in items {
            match self.heap.value(item) {
                Value::Str(text) => keyed.push((text.to_string(), item)),
                _ => {
                    if let Some(temp) = temp {
                        self.heap.discard(temp);
                    }
                    return Err(self.unsupported("a __dir__ returning other than strings"));
                }
            }
        }
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        let list = self.list_object(keyed.into_iter().map(|(_, item)| item).collect(), false);
        if let Some(temp) = temp {
            self.heap.discard(temp);
        }
        Ok(Some(list))
    }

    /// `d[key]` on a dict made by a subclass with `__missing__`, when `key`
    /// is not there: what `__missing__(d, key)` returns.
    pub(super) fn dict_missing(
        &mut self,
        dict: ObjId,
        class: ObjId,
        key: ObjId,
    ) -> Flow<Option<ObjId>> {
        if !matches!(self.heap.value(dict), Value::Dict(_)) {
            return Ok(None);
        }
        let Some(missing) = self.user_hook(class, "__missing__") else {
            return Ok(None);
        };
        let hash = self.hash_key(key)?;
        if matches!(self.heap.value(dict), Value::Dict(d) if d.get(&hash).is_some()) {
            return Ok(None);
        }
        self.call_python(missing, &[dict, key]).map(Some)
    }

    /// `cls[key]` on a class: its `__class_getitem__`.
    pub(super) fn class_getitem(&mut self, class: ObjId, key: ObjId) -> Flow<ObjId> {
        let found = self.class_lookup(class, "__class_getitem__");
        let function = found.and_then(|f| match self.heap.value(f) {
            Value::ClassMethod(function, _) => Some(*function),
            _ => None,
        });
        match function {
            Some(function) => self.call_python(function, &[class, key]),
            _ => Err(PyException::type_error(format!(
                "type '{}' is not subscriptable",
                match self.heap.value(class) {
                    Value::Class(c) => c.qualname.to_string(),
                    _ => "type".to_owned(),
                }
            ))),
        }
    }
}
