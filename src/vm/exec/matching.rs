//! `match` statements: MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS,
//! MATCH_CLASS and GET_LEN, as CPython's `Python/ceval.c` helpers
//! (`match_keys`, `match_class`) do them.

use crate::vm::exceptions::PyException;
use crate::vm::heap::{ObjId, Value};
use crate::vm::{Flow, Vm};

/// Built-in types whose class pattern with one positional sub-pattern
/// matches the subject itself (`case int(n):`).
const SELF_MATCHING: &[&str] = &[
    "bool",
    "bytearray",
    "bytes",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "set",
    "str",
    "tuple",
];

impl Vm {
    // MATCH_SEQUENCE (subject -- subject, res)
    pub(in crate::vm) fn match_sequence(&mut self) -> Flow {
        let subject = self.peek_object(0)?;
        let is_sequence = matches!(
            self.heap.value(subject),
            Value::List(_) | Value::Tuple(_) | Value::Range { .. }
        );
        self.push(self.bool_object(is_sequence))
    }

    // MATCH_MAPPING (subject -- subject, res)
    pub(in crate::vm) fn match_mapping(&mut self) -> Flow {
        let subject = self.peek_object(0)?;
        let is_mapping = matches!(self.heap.value(subject), Value::Dict(_));
        self.push(self.bool_object(is_mapping))
    }

    // GET_LEN (obj -- obj, len)
    pub(in crate::vm) fn get_len(&mut self) -> Flow {
        let obj = self.peek_object(0)?;
        let length = self.length(obj)?;
        let length = self.int_object(length);
        self.push(length)
    }

    // MATCH_KEYS (subject, keys -- subject, keys, values_or_none)
    pub(in crate::vm) fn match_keys(&mut self) -> Flow {
        let keys = self.peek_object(0)?;
        let subject = self.peek_object(1)?;
        let keys: Vec<ObjId> = match self.heap.value(keys) {
            Value::Tuple(items) => items.to_vec(),
            _ => {
                return Err(PyException::new(
                    "SystemError",
                    "MATCH_KEYS without a tuple",
                ));
            }
        };
        let mut seen = Vec::with_capacity(keys.len());
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            let hash_key = self.hash_key(key)?;
            if seen.contains(&hash_key) {
                let repr = self.heap.try_repr(key)?;
                return Err(PyException::new(
                    "ValueError",
                    format!("mapping pattern checks duplicate key ({repr})"),
                ));
            }
            let found = match self.heap.value(subject) {
                Value::Dict(dict) => dict.get(&hash_key).map(|entry| entry.value),
                _ => None,
            };
            seen.push(hash_key);
            match found {
                Some(value) => values.push(value),
                None => return self.push(self.singletons.none),
            }
        }
        let values = self.tuple_object(values, false);
        self.push(values)
    }

    // MATCH_CLASS (subject, type, names -- attrs): attrs is a tuple of the
    // positional then keyword attributes, or None when it does not match
    pub(in crate::vm) fn match_class(&mut self, positional: usize) -> Flow {
        let (names, names_popped) = self.pop_object()?;
        let (class, class_popped) = self.pop_object()?;
        let (subject, subject_popped) = self.pop_object()?;
        let result = self.match_class_attributes(subject, class, names, positional);
        let pushed = match result {
            Ok(Some(attrs)) => self.push(attrs),
            Ok(None) => self.push(self.singletons.none),
            Err(error) => Err(error),
        };
        self.release(names_popped);
        self.release(class_popped);
        self.release(subject_popped);
        pushed
    }

    fn match_class_attributes(
        &mut self,
        subject: ObjId,
        class: ObjId,
        names: ObjId,
        positional: usize,
    ) -> Flow<Option<ObjId>> {
        let class_name = match self.heap.value(class) {
            Value::Class(c) => c.name.to_owned(),
            Value::Type(kind) => kind.name().to_owned(),
            _ => {
                return Err(PyException::type_error(
                    "called match pattern must be a class",
                ));
            }
        };
        if !self.is_instance(subject, class)? {
            return Ok(None);
        }
        let mut wanted: Vec<String> = Vec::new();
        let mut matches_self = false;
        if positional > 0 {
            let match_args = match self.heap.value(class) {
                Value::Class(_) => self.class_lookup(class, "__match_args__"),
                _ => None,
            };
            match match_args {
                Some(args) => {
                    let Value::Tuple(items) = self.heap.value(args) else {
                        return Err(PyException::type_error(format!(
                            "{class_name}.__match_args__ must be a tuple (got {})",
                            self.heap.value(args).type_name()
                        )));
                    };
                    let items = items.to_vec();
                    if positional > items.len() {
                        return Err(too_many_positional(&class_name, items.len(), positional));
                    }
                    for &item in &items[..positional] {
                        match self.heap.value(item) {
                            Value::Str(text) => wanted.push(text.to_string()),
                            other => {
                                return Err(PyException::type_error(format!(
                                    "__match_args__ elements must be strings (got {})",
                                    other.type_name()
                                )));
                            }
                        }
                    }
                }
                None if SELF_MATCHING.contains(&class_name.as_str()) => {
                    if positional > 1 {
                        return Err(too_many_positional(&class_name, 1, positional));
                    }
                    matches_self = true;
                }
                None => return Err(too_many_positional(&class_name, 0, positional)),
            }
        }
        if let Value::Tuple(items) = self.heap.value(names) {
            for &item in items.iter() {
                if let Value::Str(text) = self.heap.value(item) {
                    wanted.push(text.to_string());
                }
            }
        }
        let mut attrs: Vec<ObjId> = Vec::new();
        if matches_self {
            attrs.push(subject);
        }
        let mut outcome = Ok(true);
        for (index, name) in wanted.iter().enumerate() {
            if wanted[..index].contains(name) {
                let repr = crate::vm::heap::object::str_repr(name);
                outcome = Err(PyException::type_error(format!(
                    "{class_name}() got multiple sub-patterns for attribute {repr}"
                )));
                break;
            }
            match self.get_attribute(subject, name) {
                Ok(value) => attrs.push(value),
                Err(error) if self.is_attribute_error(&error) => {
                    self.drop_error(&error);
                    outcome = Ok(false);
                    break;
                }
                Err(error) => {
                    outcome = Err(error);
                    break;
                }
            }
        }
        match outcome {
            Ok(true) => Ok(Some(self.tuple_object(attrs, false))),
            other => {
                // New objects made by the lookups (bound methods) go again.
                for attr in attrs {
                    self.heap.discard(attr);
                }
                other.map(|_| None)
            }
        }
    }
}

fn too_many_positional(class_name: &str, accepted: usize, given: usize) -> Box<PyException> {
    PyException::type_error(format!(
        "{class_name}() accepts {accepted} positional sub-pattern{} ({given} given)",
        if accepted == 1 { "" } else { "s" }
    ))
}
