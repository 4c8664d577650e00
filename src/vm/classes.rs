//! Classes: the `class` statement, instances, attributes and bound methods.
//!
//! A class body runs as its own frame (one step per instruction, like any
//! code) with a namespace dict as its locals; when it returns, the caller's
//! `CALL` finishes by making the class ([`Continuation::BuildClass`]).
//! Calling a class makes the instance and, when the class has `__init__`,
//! runs it as a frame whose return pushes the instance
//! ([`Continuation::Init`]), as CPython 3.14's `CALL_ALLOC_AND_ENTER_INIT`.
//!
//! Special methods run as frames through `special.rs`; those bytestep does
//! not call yet are refused, never ignored ([`UNSUPPORTED_DUNDERS`]), as are
//! subclassing a built-in type and metaclasses.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use super::exceptions::PyException;
use super::frame::{Continuation, Slot};
use super::heap::object::ClassObject;
use super::heap::{ObjId, Referrer, Value};
use super::types::TypeKind;
use super::types::dict::{Dict, HashKey};
use super::{Flow, Popped, Vm};

/// Class names live as long as the program; each distinct one is kept once.
fn static_name(name: &str) -> &'static str {
    static NAMES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut guard = match NAMES.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    let names = guard.get_or_insert_with(HashSet::new);
    if let Some(&known) = names.get(name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(leaked);
    leaked
}

/// Special methods CPython would call implicitly that bytestep does not
/// call yet: a class defining one is refused, never silently wrong.
const UNSUPPORTED_DUNDERS: &[&str] = &[
    "__new__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__get__",
    "__set__",
    "__delete__",
    "__set_name__",
    "__init_subclass__",
    "__class_getitem__",
    "__format__",
    "__index__",
    "__int__",
    "__float__",
    "__complex__",
    "__round__",
    "__trunc__",
    "__floor__",
    "__ceil__",
    "__reversed__",
    "__missing__",
    "__length_hint__",
    "__bytes__",
    "__divmod__",
    "__rdivmod__",
    "__aiter__",
    "__anext__",
    "__await__",
    "__aenter__",
    "__aexit__",
    "__instancecheck__",
    "__subclasscheck__",
    "__mro_entries__",
    "__slots__",
    "__dir__",
    "__sizeof__",
    "__copy__",
    "__deepcopy__",
    "__reduce__",
    "__reduce_ex__",
    "__getstate__",
    "__setstate__",
    "__buffer__",
    "__release_buffer__",
    "__prepare__",
];

impl Vm {
    /// `__build_class__(func, name, *bases)`: run the body as a frame.
    pub(super) fn build_class(&mut self, mut args: Vec<Popped>, callable: Popped) -> Flow {
        self.release(callable);
        if args.len() < 2 {
            for arg in args {
                self.release(arg);
            }
            return Err(PyException::type_error(
                "__build_class__: not enough arguments",
            ));
        }
        let base_args = args.split_off(2);
        let name_popped = args.pop().ok_or_else(null)?;
        let func_popped = args.pop().ok_or_else(null)?;
        let (Some(function), Some(name)) = (func_popped.slot.obj, name_popped.slot.obj) else {
            return Err(null());
        };
        for base in &base_args {
            let ok = matches!(
                base.slot.obj.map(|b| self.heap.value(b)),
                Some(Value::Class(_))
                    | Some(Value::Type(TypeKind::Object))
                    | Some(Value::Type(TypeKind::Exc(_)))
            );
            if !ok {
                let shown = base.slot.obj.map(|b| self.heap.repr(b)).unwrap_or_default();
                for arg in base_args {
                    self.release(arg);
                }
                self.release(func_popped);
                self.release(name_popped);
                return Err(self.unsupported(&format!("subclassing {shown}")));
            }
        }
        let bases: Vec<ObjId> = base_args.iter().filter_map(|b| b.slot.obj).collect();
        let bases_tuple = self.tuple_object(bases, false);
        let holder = self.continuation_referrer();
        self.heap.incref(bases_tuple, holder);
        for base in base_args {
            self.release(base);
        }
        // The name's reference moves into the continuation.
        self.take_into(&name_popped, holder);
        let info = match self.heap.value(function) {
            Value::Function(f) => Arc::clone(&f.info),
            _ => {
                return Err(PyException::type_error(
                    "__build_class__: func must be a function",
                ));
            }
        };
        let namespace = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
        self.heap.incref(
            namespace,
            Referrer::Frame {
                frame: info.qualname,
            },
        );
        let mut frame = self.new_frame(info, Some(function));
        // The function's reference moves from the stack to the frame.
        if func_popped.slot.borrowed {
            self.heap.incref(
                function,
                Referrer::Frame {
                    frame: frame.qualname,
                },
            );
        }
        frame.locals_dict = Some(namespace);
        frame.on_return = Some(Continuation::BuildClass {
            name,
            bases: bases_tuple,
        });
        self.frames.push(frame);
        Ok(())
    }

    /// Holds what a pending continuation keeps (a class's name and bases,
    /// the instance being initialised).
    pub(super) fn continuation_referrer(&self) -> Referrer {
        Referrer::Field {
            owner: self.exc_info_symbol,
            field: "pending call",
        }
    }

    /// The caller's instruction finishes: the value to push for `returned`.
    pub(super) fn finish_continuation(
        &mut self,
        continuation: Continuation,
        namespace: Option<ObjId>,
        returned: ObjId,
    ) -> Flow<ObjId> {
        match continuation {
            Continuation::BuildClass { name, bases } => {
                let namespace = namespace.ok_or_else(null)?;
                self.make_class(name, bases, namespace)
            }
            Continuation::Init { instance } => {
                if returned != self.singletons.none {
                    self.heap.decref(instance, self.continuation_referrer());
                    return Err(PyException::type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.heap.value(returned).type_name()
                    )));
                }
                Ok(instance)
            }
            Continuation::Replay | Continuation::Finalizer { .. } => Ok(returned),
        }
    }

    /// The class object, from the body's namespace (whose reference moves
    /// into the class). The continuation's references to `name` and `bases`
    /// are dropped once the class holds what it needs.
    fn make_class(&mut self, name: ObjId, bases: ObjId, namespace: ObjId) -> Flow<ObjId> {
        let holder = self.continuation_referrer();
        let name_text = self.heap.str(name);
        let base_list: Vec<ObjId> = match self.heap.value(bases) {
            Value::Tuple(items) => items.to_vec(),
            _ => Vec::new(),
        };
        let special: Option<String> = match self.heap.value(namespace) {
            Value::Dict(d) => d.entries().find_map(|e| match self.heap.value(e.key) {
                Value::Str(key) if UNSUPPORTED_DUNDERS.contains(&key.as_ref()) => {
                    Some(key.to_string())
                }
                _ => None,
            }),
            _ => None,
        };
        if let Some(special) = special {
            self.heap.decref(name, holder);
            self.heap.decref(bases, holder);
            self.heap.decref(namespace, holder);
            return Err(self.unsupported(&format!("{special} in a class")));
        }
        // `type_new` copies the namespace into the class's own dict, without
        // `__classdictcell__`, whose cell then refers to the new dict.
        let entries: Vec<(ObjId, ObjId)> = match self.heap.value(namespace) {
            Value::Dict(d) => d.entries().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        };
        let dict = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
        let mut classdict_cell = None;
        let mut class_cell = None;
        let (mut has_eq, mut has_hash) = (false, false);
        for (key, value) in entries {
            if matches!(self.heap.value(key), Value::Str(k) if k.as_ref() == "__classdictcell__") {
                classdict_cell = Some(value);
                continue;
            }
            if matches!(self.heap.value(key), Value::Str(k) if k.as_ref() == "__classcell__") {
                class_cell = Some(value);
                continue;
            }
            match self.heap.value(key) {
                Value::Str(k) if k.as_ref() == "__eq__" => has_eq = true,
                Value::Str(k) if k.as_ref() == "__hash__" => has_hash = true,
                _ => {}
            }
            self.dict_set(dict, key, value)?;
        }
        if has_eq && !has_hash {
            // `type_new` makes instances of a class with `__eq__` unhashable.
            let key = self.str_object("__hash__");
            let none = self.singletons.none;
            self.dict_set(dict, key, none)?;
            self.heap.discard(key);
        }
        self.heap.decref(namespace, holder);
        let namespace = dict;
        let mro = match self.c3_mro(&base_list) {
            Ok(mro) => mro,
            Err(error) => {
                self.heap.decref(name, holder);
                self.heap.decref(bases, holder);
                self.heap.discard(namespace);
                return Err(error);
            }
        };
        let qualname = match self.heap.value(namespace) {
            Value::Dict(d) => {
                let key = HashKey::Str("__qualname__".into());
                d.get(&key)
                    .map(|e| self.heap.str(e.value))
                    .unwrap_or_else(|| name_text.clone())
            }
            _ => name_text.clone(),
        };
        let class = self.heap.alloc(Value::Class(Box::new(ClassObject {
            name: static_name(&name_text),
            qualname: qualname.into(),
            bases: base_list.clone(),
            mro: Vec::new(),
            dict: namespace,
        })));
        let address = self.heap.get(class).address;
        if let Value::Class(c) = self.heap.value_mut(class) {
            let mut full = vec![class];
            full.extend(mro);
            c.mro = full;
        }
        for &base in &base_list {
            self.heap.incref(
                base,
                Referrer::Attribute {
                    owner: address,
                    name: "__bases__",
                },
            );
        }
        self.heap.incref(
            namespace,
            Referrer::Attribute {
                owner: address,
                name: "__dict__",
            },
        );
        if let Some(cell) = classdict_cell
            && matches!(self.heap.value(cell), Value::Cell(_))
        {
            let cell_address = self.heap.get(cell).address;
            let referrer = Referrer::Attribute {
                owner: cell_address,
                name: "cell_contents",
            };
            self.heap.incref(namespace, referrer);
            let old = match self.heap.value_mut(cell) {
                Value::Cell(contents) => contents.replace(namespace),
                _ => None,
            };
            if let Some(old) = old {
                self.heap.decref(old, referrer);
            }
        }
        if let Some(cell) = class_cell
            && matches!(self.heap.value(cell), Value::Cell(_))
        {
            // `__class__` of the methods that use super() or __class__.
            let cell_address = self.heap.get(cell).address;
            let referrer = Referrer::Attribute {
                owner: cell_address,
                name: "cell_contents",
            };
            self.heap.incref(class, referrer);
            let old = match self.heap.value_mut(cell) {
                Value::Cell(contents) => contents.replace(class),
                _ => None,
            };
            if let Some(old) = old {
                self.heap.decref(old, referrer);
            }
        }
        self.heap.decref(name, holder);
        self.heap.decref(bases, holder);
        Ok(class)
    }

    /// C3 linearization of the bases' MROs (each ending in `object`).
    fn c3_mro(&self, bases: &[ObjId]) -> Flow<Vec<ObjId>> {
        let object = self.type_object_id(TypeKind::Object);
        let mro_of = |base: ObjId| -> Vec<ObjId> {
            match self.heap.value(base) {
                Value::Class(c) => c.mro.clone(),
                // A built-in exception class: its MRO of static types.
                Value::Type(kind @ TypeKind::Exc(_)) => {
                    kind.mro().map(|k| self.type_object_id(k)).collect()
                }
                _ => vec![object],
            }
        };
        let mut sequences: Vec<Vec<ObjId>> = bases.iter().map(|&b| mro_of(b)).collect();
        sequences.push(bases.to_vec());
        if bases.is_empty() {
            return Ok(vec![object]);
        }
        let mut result = Vec::new();
        loop {
            sequences.retain(|s| !s.is_empty());
            if sequences.is_empty() {
                return Ok(result);
            }
            let candidate = sequences
                .iter()
                .map(|s| s[0])
                .find(|&head| sequences.iter().all(|s| !s[1..].contains(&head)));
            let Some(head) = candidate else {
                let names: Vec<&str> = bases
                    .iter()
                    .map(|&b| match self.heap.value(b) {
                        Value::Class(c) => c.name,
                        _ => "object",
                    })
                    .collect();
                return Err(PyException::type_error(format!(
                    "Cannot create a consistent method resolution order (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            result.push(head);
            for s in &mut sequences {
                if s.first() == Some(&head) {
                    s.remove(0);
                }
            }
        }
    }

    pub(super) fn type_object_id(&self, kind: TypeKind) -> ObjId {
        self.singletons
            .types
            .get(&kind)
            .copied()
            .unwrap_or(self.singletons.none)
    }

    /// Look `name` up along a class's MRO.
    pub(super) fn class_lookup(&self, class: ObjId, name: &str) -> Option<ObjId> {
        let Value::Class(c) = self.heap.value(class) else {
            return None;
        };
        let key = HashKey::Str(name.into());
        c.mro
            .iter()
            .find_map(|&klass| match self.heap.value(klass) {
                Value::Class(k) => match self.heap.value(k.dict) {
                    Value::Dict(d) => d.get(&key).map(|e| e.value),
                    _ => None,
                },
                _ => None,
            })
    }

    /// Calling a class: a new instance, then `__init__` as a frame if there is one.
    /// Returns `Some(instance)` when the call is complete (no `__init__`).
    pub(super) fn call_class(
        &mut self,
        class: ObjId,
        class_popped: Popped,
        mut args: Vec<Popped>,
        kwnames: &[String],
    ) -> Flow<Option<ObjId>> {
        let (type_name, qualname) = match self.heap.value(class) {
            Value::Class(c) => (c.name, c.qualname.to_string()),
            _ => return Err(null()),
        };
        let exception = self.class_exception_kind(class);
        let instance = match exception {
            // BaseException.__new__: the arguments are `args` from the start.
            Some(kind) => {
                let objects = args.iter().filter_map(|a| a.slot.obj).collect();
                self.exception_instance(class, kind, objects)
            }
            None => self.plain_instance(class, type_name),
        };
        let init = self.class_lookup(class, "__init__");
        let Some(init) = init else {
            if !args.is_empty() && exception.is_none() {
                for arg in args {
                    self.release(arg);
                }
                self.release(class_popped);
                self.heap.discard(instance);
                return Err(PyException::type_error(format!(
                    "{qualname}() takes no arguments"
                )));
            }
            // An exception's `args` tuple holds its own references.
            for arg in args {
                self.release(arg);
            }
            self.release(class_popped);
            return Ok(Some(instance));
        };
        let Value::Function(f) = self.heap.value(init) else {
            for arg in args {
                self.release(arg);
            }
            self.release(class_popped);
            self.heap.discard(instance);
            return Err(self.unsupported("an __init__ that is not a plain function"));
        };
        let info = Arc::clone(&f.info);
        // `self`: a reference held by the stack slot under the arguments.
        let caller = self.top_frame()?;
        let slot = caller.stack.len() as u32;
        let frame_name = caller.qualname;
        self.heap.incref(
            instance,
            Referrer::Stack {
                frame: frame_name,
                slot,
            },
        );
        args.insert(
            0,
            Popped {
                slot: Slot::strong(instance),
                frame: frame_name,
                index: slot,
            },
        );
        // The continuation keeps the instance to push when __init__ returns.
        let holder = self.continuation_referrer();
        self.heap.incref(instance, holder);
        // The frame holds __init__; the class's stack reference is dropped.
        self.heap.incref(
            init,
            Referrer::Frame {
                frame: info.qualname,
            },
        );
        self.release(class_popped);
        let locals = match self.bind_arguments(init, args, kwnames) {
            Ok(locals) => locals,
            Err(error) => {
                self.heap.decref(
                    init,
                    Referrer::Frame {
                        frame: info.qualname,
                    },
                );
                self.heap.decref(instance, holder);
                return Err(error);
            }
        };
        let mut frame = self.new_frame(info, Some(init));
        frame.locals.copy_from_slice(&locals);
        frame.on_return = Some(Continuation::Init { instance });
        self.frames.push(frame);
        Ok(None)
    }

    /// A new instance of a plain class: its `__dict__` and class held.
    fn plain_instance(&mut self, class: ObjId, type_name: &'static str) -> ObjId {
        let dict = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
        let instance = self.heap.alloc(Value::Instance {
            class,
            dict,
            type_name,
        });
        let address = self.heap.get(instance).address;
        self.heap.incref(
            class,
            Referrer::Attribute {
                owner: address,
                name: "__class__",
            },
        );
        self.heap.incref(
            dict,
            Referrer::Attribute {
                owner: address,
                name: "__dict__",
            },
        );
        instance
    }

    /// `obj.name` on instances and classes; `None` when `owner` is neither.
    /// With `method`: (function, self) for a function found on the class.
    pub(super) fn instance_attribute(
        &mut self,
        owner: ObjId,
        name: &str,
    ) -> Option<Flow<AttrFound>> {
        match self.heap.value(owner) {
            Value::Exception(_) | Value::Type(TypeKind::Exc(_)) => {
                self.exception_attribute(owner, name)
            }
            Value::Generator(_) => self.generator_attribute(owner, name),
            Value::Instance { class, dict, .. } => {
                let (class, dict) = (*class, *dict);
                let on_class = self.class_lookup(class, name);
                // A property (a data descriptor) comes before the instance's dict.
                if let Some(found) = on_class
                    && let Value::Property { fget, .. } = self.heap.value(found)
                {
                    return Some(match fget {
                        Some(fget) => Ok(AttrFound::Call(*fget)),
                        None => Err(PyException::new(
                            "AttributeError",
                            format!(
                                "property '{name}' of '{}' object has no getter",
                                self.heap.value(owner).type_name()
                            ),
                        )),
                    });
                }
                let key = HashKey::Str(name.into());
                if let Value::Dict(d) = self.heap.value(dict)
                    && let Some(entry) = d.get(&key)
                {
                    return Some(Ok(AttrFound::Value(entry.value)));
                }
                if name == "__class__" {
                    return Some(Ok(AttrFound::Value(class)));
                }
                if name == "__dict__" {
                    return Some(Ok(AttrFound::Value(dict)));
                }
                match on_class {
                    Some(found) => Some(Ok(self.bind_found(found, owner, class))),
                    None => match self.class_lookup(class, "__getattr__") {
                        Some(getattr) => Some(Ok(AttrFound::GetAttr(getattr))),
                        None => Some(Err(self.attribute_error(
                            owner,
                            name,
                            format!(
                                "'{}' object has no attribute '{name}'",
                                self.heap.value(owner).type_name()
                            ),
                        ))),
                    },
                }
            }
            Value::Class(c) => {
                let qualname = c.qualname.clone();
                let name_value = c.name;
                if name == "__name__" {
                    return Some(Ok(AttrFound::Fresh(self.str_object(name_value))));
                }
                if name == "__qualname__" {
                    return Some(Ok(AttrFound::Fresh(self.str_object(&qualname))));
                }
                if name == "__mro__" {
                    let mro = match self.heap.value(owner) {
                        Value::Class(c) => c.mro.clone(),
                        _ => Vec::new(),
                    };
                    return Some(Ok(AttrFound::Fresh(self.tuple_object(mro, false))));
                }
                if name == "__bases__" {
                    let bases = match self.heap.value(owner) {
                        Value::Class(c) => c.bases.clone(),
                        _ => Vec::new(),
                    };
                    let bases = if bases.is_empty() {
                        vec![self.type_object_id(TypeKind::Object)]
                    } else {
                        bases
                    };
                    return Some(Ok(AttrFound::Fresh(self.tuple_object(bases, false))));
                }
                if name == "__dict__" {
                    return Some(Err(self.unsupported("a class's __dict__ (a mappingproxy)")));
                }
                match self.class_lookup(owner, name) {
                    Some(found) => Some(Ok(match *self.heap.value(found) {
                        Value::StaticMethod(function) => AttrFound::Value(function),
                        Value::ClassMethod(function) => AttrFound::Bound(function, owner),
                        _ => AttrFound::Value(found),
                    })),
                    None => Some(Err(self.attribute_error(
                        owner,
                        name,
                        format!("type object '{qualname}' has no attribute '{name}'"),
                    ))),
                }
            }
            _ => None,
        }
    }

    /// What an attribute found on `class` is when read through `owner`.
    pub(super) fn bind_found(&self, found: ObjId, owner: ObjId, class: ObjId) -> AttrFound {
        match *self.heap.value(found) {
            Value::Function(_) => AttrFound::Method(found),
            Value::StaticMethod(function) => AttrFound::Value(function),
            Value::ClassMethod(function) => AttrFound::Bound(function, class),
            Value::Property {
                fget: Some(fget), ..
            } => AttrFound::Call(fget),
            _ => {
                let _ = owner;
                AttrFound::Value(found)
            }
        }
    }

    /// The property named `name` on the class of `owner`, if any.
    pub(super) fn property_of(&self, owner: ObjId, name: &str) -> Option<ObjId> {
        let Value::Instance { class, .. } = self.heap.value(owner) else {
            return None;
        };
        let found = self.class_lookup(*class, name)?;
        matches!(self.heap.value(found), Value::Property { .. }).then_some(found)
    }

    /// `obj.name = value` on instances and classes (the dict takes its own reference).
    pub(super) fn store_attribute(&mut self, owner: ObjId, name: &str, value: ObjId) -> Flow {
        if let Some(property) = self.property_of(owner, name) {
            let fset = match self.heap.value(property) {
                Value::Property { fset, .. } => *fset,
                _ => None,
            };
            return match fset {
                Some(fset) => self.call_python(fset, &[owner, value]).map(|_| ()),
                None => Err(PyException::new(
                    "AttributeError",
                    format!(
                        "property '{name}' of '{}' object has no setter",
                        self.heap.value(owner).type_name()
                    ),
                )),
            };
        }
        let dict = match self.heap.value(owner) {
            Value::Instance { dict, .. } => *dict,
            Value::Exception(_) if !matches!(name, "args" | "__cause__" | "__context__") => {
                self.exception_dict(owner)
            }
            Value::Exception(_) => {
                return Err(self.unsupported(&format!("setting {name} on an exception")));
            }
            Value::Class(c) => {
                if name.starts_with("__") && name.ends_with("__") {
                    return Err(self.unsupported(&format!("setting {name} on a class")));
                }
                c.dict
            }
            other => {
                return Err(PyException::new(
                    "AttributeError",
                    format!(
                        "'{}' object has no attribute '{name}' and no __dict__ for setting new attributes",
                        other.type_name()
                    ),
                ));
            }
        };
        let key = self.identifier(name);
        self.dict_set(dict, key, value)
    }

    /// `del obj.name`.
    pub(super) fn delete_attribute(&mut self, owner: ObjId, name: &str) -> Flow {
        if let Some(property) = self.property_of(owner, name) {
            let fdel = match self.heap.value(property) {
                Value::Property { fdel, .. } => *fdel,
                _ => None,
            };
            return match fdel {
                Some(fdel) => self.call_python(fdel, &[owner]).map(|_| ()),
                None => Err(PyException::new(
                    "AttributeError",
                    format!(
                        "property '{name}' of '{}' object has no deleter",
                        self.heap.value(owner).type_name()
                    ),
                )),
            };
        }
        let dict = match self.heap.value(owner) {
            Value::Instance { dict, .. } => *dict,
            Value::Class(c) => c.dict,
            other => {
                return Err(PyException::new(
                    "AttributeError",
                    format!("'{}' object has no attribute '{name}'", other.type_name()),
                ));
            }
        };
        let key = self.identifier(name);
        match self.delitem(dict, key) {
            Ok(()) => Ok(()),
            Err(missing) => {
                // The dict's KeyError is replaced: let its object go.
                if let Some(object) = missing.object {
                    self.heap.decref(object, self.raised_referrer());
                }
                Err(self.attribute_error(
                    owner,
                    name,
                    format!(
                        "'{}' object has no attribute '{name}'",
                        self.heap.value(owner).type_name()
                    ),
                ))
            }
        }
    }

    /// `isinstance(value, cls)` for classes made by `class`.
    pub(super) fn is_instance_of_class(&self, value: ObjId, class: ObjId) -> bool {
        let own = match self.heap.value(value) {
            Value::Instance { class: own, .. } => *own,
            Value::Exception(exc) => match exc.class {
                Some(own) => own,
                None => return false,
            },
            _ => return false,
        };
        match self.heap.value(own) {
            Value::Class(c) => c.mro.contains(&class),
            _ => false,
        }
    }
}

/// What an attribute lookup found.
pub(super) enum AttrFound {
    /// An existing object.
    Value(ObjId),
    /// A new object made for the lookup (`__name__`).
    Fresh(ObjId),
    /// A function on the class: a method of the instance.
    Method(ObjId),
    /// A function bound to an object (a classmethod to its class).
    Bound(ObjId, ObjId),
    /// A property's getter, to call with the instance.
    Call(ObjId),
    /// Not found: the class's `__getattr__`, to call with the instance and name.
    GetAttr(ObjId),
}

fn null() -> Box<PyException> {
    PyException::new("SystemError", "NULL where an object was expected")
}
