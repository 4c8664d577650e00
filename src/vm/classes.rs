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
//! subclassing most built-in types and a metaclass's own special methods
//! other than those of making and calling classes (`metaclass.rs`).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use super::exceptions::PyException;
use super::frame::{Continuation, Slot};
use super::heap::object::ClassObject;
use super::heap::{ObjId, Referrer, Value};
use super::types::TypeKind;
use super::types::dict::{Dict, HashKey};
use super::{Flow, Popped, Vm};

/// Class names live as long as the program; each distinct one is kept once.
pub(super) fn static_name(name: &str) -> &'static str {
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

/// A class name as instances keep it (one thin pointer).
fn static_type_name(name: &str) -> &'static &'static str {
    static NAMES: Mutex<Option<HashMap<&'static str, &'static &'static str>>> = Mutex::new(None);
    let name = static_name(name);
    let mut guard = match NAMES.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    let names = guard.get_or_insert_with(HashMap::new);
    names
        .entry(name)
        .or_insert_with(|| Box::leak(Box::new(name)))
}

/// Special methods CPython would call implicitly that bytestep does not
/// call yet: a class defining one is refused, never silently wrong.
const UNSUPPORTED_DUNDERS: &[&str] = &[
    "__aiter__",
    "__anext__",
    "__await__",
    "__aenter__",
    "__aexit__",
    "__mro_entries__",
    "__buffer__",
    "__release_buffer__",
];

/// The special methods a metaclass may define: those of making and
/// calling its classes (a class's own entries such as `__module__` too).
const METACLASS_DUNDERS: &[&str] = &[
    "__instancecheck__",
    "__subclasscheck__",
    "__len__",
    "__iter__",
    "__contains__",
    "__getitem__",
    "__bool__",
    "__new__",
    "__init__",
    "__call__",
    "__prepare__",
    "__init_subclass__",
    "__repr__",
    "__str__",
    "__getattr__",
    "__class_getitem__",
    "__module__",
    "__qualname__",
    "__doc__",
    "__firstlineno__",
    "__static_attributes__",
    "__classcell__",
    "__classdictcell__",
    "__annotate__",
    "__annotate_func__",
    "__annotations__",
    "__dict__",
    "__weakref__",
];

impl Vm {
    /// `__build_class__(func, name, *bases)`: run the body as a frame.
    pub(super) fn build_class(
        &mut self,
        mut args: Vec<Popped>,
        callable: Popped,
        kwnames: &[String],
    ) -> Flow {
        self.release(callable);
        if kwnames.iter().any(|k| k == "metaclass") {
            for arg in args {
                self.release(arg);
            }
            return Err(self.unsupported("metaclasses (metaclass=...)"));
        }
        let keyword_values = args.split_off(args.len().saturating_sub(kwnames.len()).max(2));
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
                Some(Value::Type(kind)) if !acceptable_base(*kind)
            ) || matches!(
                base.slot.obj.map(|b| self.heap.value(b)),
                Some(Value::Class(_))
            ) || matches!(
                base.slot.obj.map(|b| self.heap.value(b)),
                Some(Value::Type(kind)) if kind.spec().subclassable || *kind == TypeKind::Type
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
        // `__build_class__` gathers the keywords into a dict for `type_new`.
        let keywords = if keyword_values.is_empty() {
            None
        } else {
            let dict = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
            self.heap.incref(dict, holder);
            for (name, value) in kwnames.iter().zip(keyword_values) {
                let key = self.identifier(name);
                if let Some(value_obj) = value.slot.obj {
                    self.dict_set(dict, key, value_obj)?;
                }
                self.release(value);
            }
            Some(dict)
        };
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
            keywords,
        });
        self.frames.push(frame);
        Ok(())
    }

    /// Holds what a pending continuation keeps (a class's name and bases,
    /// the instance being initialised).
    pub(super) fn continuation_referrer(&self) -> Referrer {
        // What C code holds while a call it made runs (CPython's C locals:
        // `type_call`'s argument tuple, `slot_tp_init`'s `__init__`…).
        Referrer::Field {
            owner: self.c_call_symbol,
            field: "call in progress",
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
            Continuation::BuildClass {
                name,
                bases,
                keywords,
            } => {
                let made = match namespace {
                    Some(namespace) => self.make_class(name, bases, namespace, None),
                    None => Err(null()),
                };
                if made.is_err()
                    && let Some(keywords) = keywords
                {
                    self.heap.decref(keywords, self.continuation_referrer());
                }
                made
            }
            Continuation::Init { instance, .. } => {
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
            Continuation::ClassHook { class, .. } => Ok(class),
        }
    }

    /// After a class is made: call the next `__set_name__` of the values of
    /// its dict (from entry `next`), then `__init_subclass__` of its base,
    /// each as a frame; when none is left, push the class. `held`: the
    /// continuation holds a reference to the class.
    pub(super) fn class_hooks(
        &mut self,
        class: ObjId,
        next: u32,
        held: bool,
        keywords: Option<ObjId>,
    ) -> Flow {
        let holder = self.continuation_referrer();
        let (kwnames, kwvalues): (Vec<String>, Vec<ObjId>) = match keywords
            .map(|k| self.heap.value(k))
        {
            Some(Value::Dict(d)) => d.entries().map(|e| (self.heap.str(e.key), e.value)).unzip(),
            _ => (Vec::new(), Vec::new()),
        };
        // On an error the class goes: the continuation's reference, or a
        // new class nothing refers to yet.
        let release = |vm: &mut Vm, class_too: bool| {
            if class_too {
                vm.heap.decref(class, holder);
            } else {
                vm.heap.discard(class);
            }
            if let Some(keywords) = keywords {
                vm.heap.decref(keywords, holder);
            }
        };
        let dict = match self.heap.value(class) {
            Value::Class(c) => c.dict,
            _ => return Err(null()),
        };
        let mut call: Option<(ObjId, Vec<ObjId>, u32)> = None;
        if next != u32::MAX {
            let entries: Vec<(ObjId, ObjId)> = match self.heap.value(dict) {
                Value::Dict(d) => d
                    .entries()
                    .skip(next as usize)
                    .map(|e| (e.key, e.value))
                    .collect(),
                _ => Vec::new(),
            };
            for (offset, (key, value)) in entries.into_iter().enumerate() {
                if let Some(hook) = self.special_method(value, "__set_name__") {
                    call = Some((hook, vec![value, class, key], next + offset as u32 + 1));
                    break;
                }
            }
            if call.is_none() {
                let mro = match self.heap.value(class) {
                    Value::Class(c) => c.mro.clone(),
                    _ => Vec::new(),
                };
                let key = HashKey::Str("__init_subclass__".into());
                let found = mro
                    .iter()
                    .skip(1)
                    .find_map(|&klass| match self.heap.value(klass) {
                        Value::Class(k) => match self.heap.value(k.dict) {
                            Value::Dict(d) => d.get(&key).map(|e| e.value),
                            _ => None,
                        },
                        _ => None,
                    });
                if let Some(found) = found
                    && let Value::ClassMethod(function, _) = *self.heap.value(found)
                {
                    let mut args = vec![class];
                    args.extend(kwvalues.iter().copied());
                    call = Some((function, args, u32::MAX));
                } else if !kwnames.is_empty() {
                    let name = match self.heap.value(class) {
                        Value::Class(c) => c.name,
                        _ => "type",
                    };
                    release(self, held);
                    return Err(PyException::type_error(format!(
                        "{name}.__init_subclass__() takes no keyword arguments"
                    )));
                }
            }
        }
        let Some((function, args, after)) = call else {
            let pushed = self.push(class);
            if held {
                self.heap.decref(class, holder);
            }
            if let Some(keywords) = keywords {
                self.heap.decref(keywords, holder);
            }
            return pushed;
        };
        let info = match self.heap.value(function) {
            Value::Function(f) => Arc::clone(&f.info),
            _ => {
                release(self, held);
                return Err(self.unsupported("a class hook that is not a plain function"));
            }
        };
        let kwnames: &[String] = if after == u32::MAX { &kwnames } else { &[] };
        if !held {
            self.heap.incref(class, holder);
        }
        let caller = self.top_frame()?.qualname;
        let as_popped = |obj: ObjId| Popped {
            slot: Slot::strong(obj),
            frame: caller,
            index: 0,
        };
        self.heap.incref(function, holder);
        for &arg in &args {
            self.heap.incref(arg, holder);
        }
        let depth = self.frames.len();
        let popped_args = args.into_iter().map(as_popped).collect();
        match self.enter_function(function, as_popped(function), info, popped_args, kwnames) {
            Ok(()) if self.frames.len() > depth => {
                if let Some(frame) = self.frames.last_mut() {
                    frame.on_return = Some(Continuation::ClassHook {
                        class,
                        next: after,
                        keywords,
                    });
                }
                self.calls.note_frame_switch();
                if self.track_lines {
                    self.update_line_event();
                }
                Ok(())
            }
            Ok(()) => {
                release(self, true);
                Err(PyException::new("SystemError", "no frame was pushed"))
            }
            Err(error) => {
                release(self, true);
                Err(error)
            }
        }
    }

    /// The class object, from the body's namespace (whose reference moves
    /// into the class). The continuation's references to `name` and `bases`
    /// are dropped once the class holds what it needs.
    fn make_class(
        &mut self,
        name: ObjId,
        bases: ObjId,
        namespace: ObjId,
        metaclass: Option<ObjId>,
    ) -> Flow<ObjId> {
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
        // CPython's final types refuse subclasses once the body has run.
        let final_base = base_list.iter().find_map(|&b| match self.heap.value(b) {
            Value::Type(kind) if !acceptable_base(*kind) => Some(kind.name()),
            _ => None,
        });
        if let Some(base_name) = final_base {
            self.heap.decref(name, holder);
            self.heap.decref(bases, holder);
            self.heap.decref(namespace, holder);
            return Err(PyException::type_error(format!(
                "type '{base_name}' is not an acceptable base type"
            )));
        }
        // A metaclass may define the hooks of class creation and calls;
        // other special methods of its classes are not looked up on it yet.
        let type_object = self.type_object_id(TypeKind::Type);
        let is_meta = base_list
            .iter()
            .any(|&b| b == type_object || self.is_metaclass(b));
        let special = special.or_else(|| {
            if !is_meta {
                return None;
            }
            match self.heap.value(namespace) {
                Value::Dict(d) => d.entries().find_map(|e| match self.heap.value(e.key) {
                    Value::Str(key)
                        if key.starts_with("__")
                            && key.ends_with("__")
                            && !METACLASS_DUNDERS.contains(&key.as_ref()) =>
                    {
                        Some(format!("{key} in a metaclass"))
                    }
                    _ => None,
                }),
                _ => None,
            }
        });
        if let Some(special) = special {
            self.heap.decref(name, holder);
            self.heap.decref(bases, holder);
            self.heap.decref(namespace, holder);
            let what = if special.ends_with("a metaclass") {
                special
            } else {
                format!("{special} in a class")
            };
            return Err(self.unsupported(&what));
        }
        // `type_new_get_bases`: a class with no bases gets a new `(object,)`.
        let object = self.type_object_id(TypeKind::Object);
        let bases = if base_list.is_empty() {
            let own = self.tuple_object(vec![object], false);
            self.heap.incref(own, holder);
            self.heap.decref(bases, holder);
            own
        } else {
            bases
        };
        // `type_new` copies the namespace into the class's own dict, without
        // `__qualname__`, `__classcell__` and `__classdictcell__`, whose cell
        // then refers to the new dict.
        let entries: Vec<(ObjId, ObjId)> = match self.heap.value(namespace) {
            Value::Dict(d) => d.entries().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        };
        let dict = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
        let mut classdict_cell = None;
        let mut class_cell = None;
        let mut qualname = None;
        let (mut has_eq, mut has_hash) = (false, false);
        for (key, value) in entries {
            let key_text = match self.heap.value(key) {
                Value::Str(k) => Some(k.clone()),
                _ => None,
            };
            match key_text.as_deref() {
                Some("__classdictcell__") => {
                    classdict_cell = Some(value);
                    continue;
                }
                Some("__classcell__") => {
                    class_cell = Some(value);
                    continue;
                }
                Some("__qualname__") => match self.heap.value(value) {
                    Value::Str(text) => {
                        qualname = Some(text.to_string());
                        continue;
                    }
                    other => {
                        let message =
                            format!("type __qualname__ must be a str, not {}", other.type_name());
                        self.heap.decref(name, holder);
                        self.heap.decref(bases, holder);
                        self.heap.decref(namespace, holder);
                        self.heap.discard(dict);
                        return Err(PyException::type_error(message));
                    }
                },
                _ => {}
            }
            let implicit = match key_text.as_deref() {
                Some(k) if matches!(self.heap.value(value), Value::Function(_)) => match k {
                    "__new__" => Some(false),
                    "__init_subclass__" | "__class_getitem__" => Some(true),
                    _ => None,
                },
                _ => None,
            };
            if let Some(class_method) = implicit {
                // `type_new` makes `__new__` a staticmethod, `__init_subclass__`
                // and `__class_getitem__` classmethods.
                let wrapped = self.wrap_function(value, class_method);
                self.dict_set(dict, key, wrapped)?;
                self.heap.discard(wrapped);
                continue;
            }
            match key_text.as_deref() {
                Some("__eq__") => has_eq = true,
                Some("__hash__") => has_hash = true,
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
        let fail = |vm: &mut Vm, error: Box<PyException>| {
            vm.heap.decref(name, holder);
            vm.heap.decref(bases, holder);
            vm.heap.discard(namespace);
            Err(error)
        };
        let layout = match self.slot_layout(&name_text, &base_list, namespace) {
            Ok(layout) => layout,
            Err(error) => return fail(self, error),
        };
        let mro = match self.c3_mro(&base_list) {
            Ok(mro) => mro,
            Err(error) => return fail(self, error),
        };
        if let Err(error) = self.check_builtin_subclass(&mro, namespace) {
            return fail(self, error);
        }
        let base = if base_list.is_empty() {
            object
        } else {
            self.best_base(&base_list)
        };
        // `type_new_descriptors`: the `__dict__` and `__weakref__`
        // attributes its instances get that its base's do not have.
        let (add_dict, add_weakref) = self.added_getsets(base, &layout);
        let qualname = qualname.unwrap_or_else(|| name_text.clone());
        let class = self.heap.alloc(Value::Class(Box::new(ClassObject {
            name: static_name(&name_text),
            instance_type_name: static_type_name(&name_text),
            qualname: qualname.into(),
            bases: base_list.clone(),
            mro: Vec::new(),
            bases_tuple: bases,
            mro_tuple: None,
            base,
            dict: namespace,
            slot_names: layout.names,
            has_dict: layout.has_dict,
            has_weakref: layout.has_weakref,
            metaclass,
        })));
        let address = self.heap.get(class).address;
        let field = |name| Referrer::Attribute {
            owner: address,
            name,
        };
        if let Some(metaclass) = metaclass {
            self.heap.incref(metaclass, field("__class__"));
        }
        self.heap.incref(bases, field("__bases__"));
        self.heap.incref(base, field("__base__"));
        self.heap.incref(namespace, field("__dict__"));
        if let Value::Dict(d) = self.heap.value_mut(namespace) {
            d.watch();
        }
        self.heap.decref(name, holder);
        self.heap.decref(bases, holder);
        // `type_ready_mro`: the `__mro__` tuple, which holds the class itself.
        let mut full = vec![class];
        full.extend(mro);
        let mro_tuple = self.tuple_object(full.clone(), false);
        self.heap.incref(mro_tuple, field("__mro__"));
        if let Value::Class(c) = self.heap.value_mut(class) {
            c.mro = full;
            c.mro_tuple = Some(mro_tuple);
        }
        // `type_ready_fill_dict`: the slots' member descriptors, then the
        // getset descriptors, then `__doc__`.
        self.add_members(class, namespace, &layout.own)?;
        let getsets = [("__dict__", add_dict), ("__weakref__", add_weakref)];
        for (getset_name, _) in getsets.into_iter().filter(|&(_, added)| added) {
            let getset = self.heap.alloc(Value::GetSet {
                class,
                name: getset_name,
            });
            let getset_address = self.heap.get(getset).address;
            self.heap.incref(
                class,
                Referrer::Attribute {
                    owner: getset_address,
                    name: "__objclass__",
                },
            );
            let key = self.identifier(getset_name);
            let result = self.dict_set(namespace, key, getset);
            self.heap.discard(getset);
            result?;
        }
        let doc_key = HashKey::Str("__doc__".into());
        if matches!(self.heap.value(namespace), Value::Dict(d) if d.get(&doc_key).is_none()) {
            let key = self.identifier("__doc__");
            let none = self.singletons.none;
            self.dict_set(namespace, key, none)?;
        }
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
        self.heap.register_class(class);
        Ok(class)
    }

    /// `type.__new__`'s argument checks (a str, a tuple, a dict, with
    /// CPython's messages): the bases.
    pub(super) fn type_new_arguments(
        &self,
        name: ObjId,
        bases: ObjId,
        namespace: ObjId,
    ) -> Flow<Vec<ObjId>> {
        let argument = |index: usize, obj: ObjId, want: &str| {
            PyException::type_error(format!(
                "type.__new__() argument {index} must be {want}, not {}",
                self.heap.value(obj).type_name()
            ))
        };
        if !matches!(self.heap.value(name), Value::Str(_)) {
            return Err(argument(1, name, "str"));
        }
        let Value::Tuple(base_items) = self.heap.value(bases) else {
            return Err(argument(2, bases, "tuple"));
        };
        if !matches!(self.heap.value(namespace), Value::Dict(_)) {
            return Err(argument(3, namespace, "dict"));
        }
        Ok(base_items.to_vec())
    }

    /// `type(name, bases, dict)`: a class made from a dict as a `class`
    /// statement's body would have filled it (`__module__` taken from the
    /// globals when the dict has none).
    pub(super) fn type_new(&mut self, name: ObjId, bases: ObjId, namespace: ObjId) -> Flow<ObjId> {
        let base_items = self.type_new_arguments(name, bases, namespace)?;
        let values: Vec<ObjId> = match self.heap.value(namespace) {
            Value::Dict(d) => d.entries().map(|e| e.value).collect(),
            _ => Vec::new(),
        };
        if base_items
            .iter()
            .any(|&base| self.metaclass_of(base).is_some())
        {
            return Err(self.unsupported("type() of bases with a metaclass, outside a call"));
        }
        for &base in &base_items {
            match self.heap.value(base) {
                Value::Class(_) => {}
                Value::Type(kind) if !acceptable_base(*kind) => {}
                Value::Type(kind) if kind.spec().subclassable => {}
                Value::Type(TypeKind::Object | TypeKind::Type) => {}
                Value::Type(_) => {
                    let shown = self.heap.repr(base);
                    return Err(self.unsupported(&format!("subclassing {shown}")));
                }
                // `_PyType_CalculateMetaclass` meets the base's type first.
                _ => {
                    return Err(PyException::type_error(
                        "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                    ));
                }
            }
        }
        // `__set_name__` and `__init_subclass__` run as frames after a
        // `class` statement; from `type()` they are not supported yet.
        let init_subclass = base_items.iter().any(|&base| {
            matches!(self.heap.value(base), Value::Class(_))
                && self.class_lookup(base, "__init_subclass__").is_some()
        });
        let set_name = values
            .iter()
            .any(|&value| self.special_method(value, "__set_name__").is_some());
        if init_subclass || set_name {
            return Err(self.unsupported("type() with __init_subclass__ or __set_name__ to call"));
        }
        self.type_new_from(name, bases, namespace, None)
    }

    /// `type_new` once its arguments are checked: the class made from a
    /// copy of the namespace, with `metaclass` as its type (`None`: `type`).
    pub(super) fn type_new_from(
        &mut self,
        name: ObjId,
        bases: ObjId,
        namespace: ObjId,
        metaclass: Option<ObjId>,
    ) -> Flow<ObjId> {
        // `type_new_set_module`: `__module__` from the globals, if absent.
        let module_key = HashKey::Str("__module__".into());
        let has_module =
            matches!(self.heap.value(namespace), Value::Dict(d) if d.get(&module_key).is_some());
        let holder = self.continuation_referrer();
        let copy = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
        self.heap.incref(copy, holder);
        if let Err(error) = self.dict_update_from(copy, namespace) {
            self.heap.decref(copy, holder);
            return Err(error);
        }
        if !has_module {
            let key = self.identifier("__module__");
            let value = self.identifier(super::heap::MAIN_MODULE);
            if let Err(error) = self.dict_set(copy, key, value) {
                self.heap.decref(copy, holder);
                return Err(error);
            }
        }
        self.heap.incref(name, holder);
        self.heap.incref(bases, holder);
        let class = self.make_class(name, bases, copy, metaclass)?;
        Ok(class)
    }

    /// `C.__dict__`, `vars(C)`: a new read-only view of the class's dict.
    pub(super) fn mapping_proxy(&mut self, class: ObjId) -> ObjId {
        let dict = match self.heap.value(class) {
            Value::Class(c) => c.dict,
            _ => return self.singletons.none,
        };
        let proxy = self.heap.alloc(Value::DictView {
            kind: TypeKind::MappingProxy,
            dict,
        });
        let address = self.heap.get(proxy).address;
        self.heap.incref(
            dict,
            Referrer::Attribute {
                owner: address,
                name: "mapping",
            },
        );
        proxy
    }

    /// `best_base`: of the bases, the first whose solid base (the nearest
    /// class of its MRO with a layout of its own) extends every other's.
    fn best_base(&self, bases: &[ObjId]) -> ObjId {
        let mut winner: Option<(ObjId, ObjId)> = None;
        for &base in bases {
            let candidate = self.layout_base(base);
            match winner {
                None => winner = Some((candidate, base)),
                Some((current, _)) => {
                    if self.mro_of(candidate).contains(&current) && candidate != current {
                        winner = Some((candidate, base));
                    }
                }
            }
        }
        winner.map_or_else(|| self.type_object_id(TypeKind::Object), |(_, b)| b)
    }

    /// A base's solid base: its nearest class with slots, else the
    /// built-in type its instances are, else `object`.
    fn layout_base(&self, base: ObjId) -> ObjId {
        match self.heap.value(base) {
            Value::Class(_) => {
                let solid = self.solid_base(base);
                if matches!(self.heap.value(solid), Value::Class(_)) {
                    return solid;
                }
                match self.builtin_base(base) {
                    Some(kind) => self.type_object_id(kind),
                    None => solid,
                }
            }
            _ => base,
        }
    }

    /// `__mro__` of a class or a built-in type, as ids.
    fn mro_of(&self, class: ObjId) -> Vec<ObjId> {
        match self.heap.value(class) {
            Value::Class(c) => c.mro.clone(),
            Value::Type(kind) => kind.mro().map(|k| self.type_object_id(k)).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether a new class with `base` (its `tp_base`) and `layout` gets its
    /// own `__dict__` and `__weakref__` getset descriptors: those its
    /// layout has and its base's instances do not (`type_new_descriptors`).
    fn added_getsets(&self, base: ObjId, layout: &super::slots::Layout) -> (bool, bool) {
        let (base_dict, base_weakref) = match self.heap.value(base) {
            Value::Class(c) => (c.has_dict, c.has_weakref),
            Value::Type(kind) => match kind {
                TypeKind::Exc(_) => (true, false),
                // Variable-size instances cannot take a weak reference list.
                TypeKind::Int | TypeKind::Tuple | TypeKind::Bytes => (false, true),
                TypeKind::Set | TypeKind::Frozenset => (false, true),
                // A type's `tp_dict` and `tp_weaklist`.
                TypeKind::Type => (true, true),
                _ => (false, false),
            },
            _ => (false, false),
        };
        (
            layout.has_dict && !base_dict,
            layout.has_weakref && !base_weakref,
        )
    }

    /// The built-in type (list, dict, int, float, str or tuple) a class's
    /// instances are, if any.
    pub(super) fn builtin_base(&self, class: ObjId) -> Option<TypeKind> {
        let Value::Class(c) = self.heap.value(class) else {
            return None;
        };
        c.mro.iter().find_map(|&k| match self.heap.value(k) {
            Value::Type(kind) if subclassable_base(*kind) => Some(*kind),
            _ => None,
        })
    }

    /// A subclass of list or dict may add methods and attributes, `__init__`
    /// and (for dict) `__missing__`; the special methods its base implements
    /// in C are not overridden here yet, so defining one is refused.
    fn check_builtin_subclass(&self, mro: &[ObjId], namespace: ObjId) -> Flow {
        let bases: Vec<TypeKind> = mro
            .iter()
            .filter_map(|&k| match self.heap.value(k) {
                Value::Type(kind) if subclassable_base(*kind) => Some(*kind),
                _ => None,
            })
            .collect();
        let Some(&base) = bases.first() else {
            return Ok(());
        };
        if bases.len() > 1 {
            return Err(PyException::type_error(
                "multiple bases have instance lay-out conflict",
            ));
        }
        let has_exception = mro
            .iter()
            .any(|&k| matches!(self.heap.value(k), Value::Type(TypeKind::Exc(_))));
        if has_exception {
            return Err(PyException::type_error(
                "multiple bases have instance lay-out conflict",
            ));
        }
        let Value::Dict(d) = self.heap.value(namespace) else {
            return Ok(());
        };
        for entry in d.entries() {
            let Value::Str(key) = self.heap.value(entry.key) else {
                continue;
            };
            let allowed = matches!(
                key.as_ref(),
                "__init__"
                    | "__new__"
                    | "__repr__"
                    | "__str__"
                    | "__module__"
                    | "__qualname__"
                    | "__doc__"
                    | "__firstlineno__"
                    | "__static_attributes__"
                    | "__classcell__"
                    | "__classdictcell__"
                    | "__annotate__"
                    | "__annotate_func__"
                    | "__annotations__"
                    | "__init_subclass__"
                    | "__class_getitem__"
            ) || (key.as_ref() == "__missing__" && base == TypeKind::Dict)
                || !(key.starts_with("__") && key.ends_with("__"));
            if !allowed {
                return Err(self.unsupported(&format!("{key} in a subclass of {}", base.name())));
            }
        }
        Ok(())
    }

    /// C3 linearization of the bases' MROs (each ending in `object`).
    fn c3_mro(&self, bases: &[ObjId]) -> Flow<Vec<ObjId>> {
        let object = self.type_object_id(TypeKind::Object);
        let mro_of = |base: ObjId| -> Vec<ObjId> {
            match self.heap.value(base) {
                Value::Class(c) => c.mro.clone(),
                // A built-in type: its MRO of static types.
                Value::Type(kind) => kind.mro().map(|k| self.type_object_id(k)).collect(),
                _ => vec![object],
            }
        };
        // `check_duplicates`, before any merging.
        for (i, &base) in bases.iter().enumerate() {
            if bases[i + 1..].contains(&base) {
                return Err(PyException::type_error(format!(
                    "duplicate base class {}",
                    self.heap.type_object_name(base)
                )));
            }
        }
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
        let hash = super::types::dict::str_hash(name);
        c.mro
            .iter()
            .find_map(|&klass| match self.heap.value(klass) {
                Value::Class(k) => match self.heap.value(k.dict) {
                    Value::Dict(d) => d.get_str_hashed(name, hash).map(|e| e.value),
                    _ => None,
                },
                _ => None,
            })
    }

    /// `cls.__subclasses__()`: the live classes that name `class` among
    /// their bases, in the order they were made (`tp_subclasses`).
    pub(super) fn subclasses_of(&self, class: ObjId) -> Vec<ObjId> {
        let mut found: Vec<(u64, ObjId)> = self
            .heap
            .live_objects()
            .filter_map(|(id, object)| match &object.value {
                Value::Class(c) if c.bases.contains(&class) => Some((object.serial, id)),
                _ => None,
            })
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, id)| id).collect()
    }

    /// Calling a class: a new instance, then `__init__` as a frame if there is one.
    /// Returns `Some(instance)` when the call is complete (no `__init__`).
    pub(super) fn call_class(
        &mut self,
        class: ObjId,
        class_popped: Popped,
        args: Vec<Popped>,
        kwnames: &[String],
    ) -> Flow<Option<ObjId>> {
        let (type_name, qualname) = match self.heap.value(class) {
            Value::Class(c) => (c.name, Arc::clone(&c.qualname)),
            _ => return Err(null()),
        };
        let exception = self.class_exception_kind(class);
        let builtin = self.builtin_base(class);
        let instance = match (exception, builtin) {
            // BaseException.__new__: the arguments are `args` from the start.
            (Some(kind), _) => {
                let objects = args.iter().filter_map(|a| a.slot.obj).collect();
                self.exception_instance(class, kind, objects)
            }
            (None, Some(kind)) if is_immutable_base(kind) => {
                let objects: Vec<ObjId> = args.iter().filter_map(|a| a.slot.obj).collect();
                let positional = objects.len() - kwnames.len().min(objects.len());
                let keywords: Vec<(&str, ObjId)> = kwnames
                    .iter()
                    .map(String::as_str)
                    .zip(objects[positional..].iter().copied())
                    .collect();
                let made =
                    self.immutable_instance_with(class, kind, &objects[..positional], &keywords);
                match made {
                    Ok(instance) => instance,
                    Err(error) => {
                        for arg in args {
                            self.release(arg);
                        }
                        self.release(class_popped);
                        return Err(error);
                    }
                }
            }
            (None, Some(kind)) => self.builtin_instance_of(class, kind),
            (None, None) => self.plain_instance(class, type_name),
        };
        let init = self.class_lookup(class, "__init__");
        if init.is_none()
            && let Some(kind) = builtin.filter(|&kind| is_immutable_base(kind))
        {
            // `__new__` made it whole; `object.__init__` takes the arguments.
            let _ = kind;
            for arg in args {
                self.release(arg);
            }
            self.release(class_popped);
            return Ok(Some(instance));
        }
        if init.is_none()
            && let Some(kind) = builtin
        {
            // `list.__init__(iterable)` / `dict.__init__(...)` fill it.
            let objects: Vec<ObjId> = args.iter().filter_map(|a| a.slot.obj).collect();
            let positional = objects.len() - kwnames.len().min(objects.len());
            let filled = self.builtin_init(
                kind,
                instance,
                &objects[..positional],
                kwnames,
                &objects[positional..],
            );
            for arg in args {
                self.release(arg);
            }
            self.release(class_popped);
            if let Err(error) = filled {
                self.heap.discard(instance);
                return Err(error);
            }
            return Ok(Some(instance));
        }
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
        self.enter_init(class_popped, instance, init, args, kwnames)
            .map(|()| None)
    }

    /// `__init__(instance, *args)` as a frame whose return pushes the instance.
    fn enter_init(
        &mut self,
        class_popped: Popped,
        instance: ObjId,
        init: ObjId,
        mut args: Vec<Popped>,
        kwnames: &[String],
    ) -> Flow {
        let refusal = match self.heap.value(init) {
            Value::Function(_) => self.frame_limit_error(1),
            _ => Some(self.unsupported("an __init__ that is not a plain function")),
        };
        if let Some(error) = refusal {
            for arg in args {
                self.release(arg);
            }
            self.release(class_popped);
            self.heap.discard(instance);
            return Err(error);
        }
        let Value::Function(f) = self.heap.value(init) else {
            return Err(null());
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
        frame.on_return = Some(Continuation::Init {
            instance,
            native: false,
        });
        self.frames.push(frame);
        Ok(())
    }

    /// A new, empty list or dict that is an instance of `class`.
    /// `int(x)`, `float(x)`, `str(x)`, `tuple(x)` of an instance of a
    /// subclass: a value of the exact type (`str()` through the class's
    /// `__str__` when it has one).
    /// A new object of the exact type holding the value of an int, float,
    /// str or tuple (the object itself for anything else); no hook of a
    /// subclass runs.
    pub(super) fn value_copy(&mut self, obj: ObjId) -> ObjId {
        match self.heap.value(obj).clone() {
            Value::Int(v) => self.int_object(v),
            Value::BigInt(v) => self.int_from_bigint(v.as_ref().clone()),
            Value::Float(f) => self.heap.alloc(Value::Float(f)),
            Value::Str(text) => self.str_object(&text),
            Value::Tuple(items) => self.tuple_object(items.to_vec(), false),
            _ => obj,
        }
    }

    pub(super) fn exact_copy(&mut self, obj: ObjId) -> Flow<ObjId> {
        if let Some(tag) = self.heap.subclass_of(obj)
            && let Some(method) = self.user_hook(tag.class, "__str__")
            && matches!(self.heap.value(obj), Value::Str(_))
        {
            let result = self.call_python(method, &[obj])?;
            return match self.heap.value(result) {
                Value::Str(text) => {
                    let text = text.clone();
                    Ok(self.str_object(&text))
                }
                other => Err(PyException::type_error(format!(
                    "__str__ returned non-string (type {})",
                    other.type_name()
                ))),
            };
        }
        Ok(self.value_copy(obj))
    }

    /// `str()` of an instance of a subclass of int, float or tuple: its
    /// class's `__str__`, else its `__repr__` (their types' `__str__` is
    /// `object.__str__`, which calls the repr); of a str subclass, its
    /// class's `__str__`; `None` to go on as usual.
    pub(super) fn subclass_str(&mut self, obj: ObjId) -> Flow<Option<String>> {
        let Some(tag) = self.heap.subclass_of(obj) else {
            return Ok(None);
        };
        let method = match self.heap.value(obj) {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Tuple(_) => self
                .user_hook(tag.class, "__str__")
                .or_else(|| self.user_hook(tag.class, "__repr__")),
            // str's own `__str__` is not `object.__str__`: only the class's.
            Value::Str(_) => self.user_hook(tag.class, "__str__"),
            _ => None,
        };
        let Some(method) = method else {
            return Ok(None);
        };
        let result = self.call_python(method, &[obj])?;
        match self.heap.value(result) {
            Value::Str(text) => Ok(Some(text.to_string())),
            other => Err(PyException::type_error(format!(
                "__str__ returned non-string (type {})",
                other.type_name()
            ))),
        }
    }

    /// An instance of a subclass of int, float, str or tuple: the value
    /// `kind(*args)` makes, as a new object of its own (never a cached
    /// small int or one-character string), tagged with its class.
    pub(super) fn immutable_instance_of(
        &mut self,
        class: ObjId,
        kind: TypeKind,
        args: &[ObjId],
    ) -> Flow<ObjId> {
        self.immutable_instance_with(class, kind, args, &[])
    }

    /// [`Vm::immutable_instance_of`] with keyword arguments, which the
    /// base's own `__new__` takes or refuses (`S(b'hi', encoding='ascii')`,
    /// `I('ff', base=16)`, `tuple() takes no keyword arguments`).
    pub(super) fn immutable_instance_with(
        &mut self,
        class: ObjId,
        kind: TypeKind,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
    ) -> Flow<ObjId> {
        if self.version_info_class == Some(class) {
            // (A struct sequence type of `sys` has no `tp_new`.)
            return Err(PyException::type_error(
                "cannot create 'sys.version_info' instances",
            ));
        }
        let function = self.type_object(kind);
        let plain = super::builtins::call(self, function, args, keywords)?;
        let instance = match self.heap.value(plain).clone() {
            Value::Tuple(items) => self.new_tuple_object(items.to_vec(), false),
            value @ (Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_)) => {
                self.heap.alloc(value)
            }
            Value::Bool(b) => self.heap.alloc(Value::Int(b as i64)),
            other => {
                let shown = other.type_name();
                self.heap.discard(plain);
                return Err(PyException::new(
                    "SystemError",
                    format!("{}() made a {shown}", kind.name()),
                ));
            }
        };
        self.heap.discard(plain);
        let dict = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
        self.heap.tag_subclass(instance, class, dict);
        Ok(instance)
    }

    pub(super) fn builtin_instance_of(&mut self, class: ObjId, kind: TypeKind) -> ObjId {
        let instance = match kind {
            TypeKind::Dict => self.heap.alloc(Value::Dict(Box::new(Dict::new()))),
            _ => self.list_object(Vec::new(), false),
        };
        let dict = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
        self.heap.tag_subclass(instance, class, dict);
        instance
    }

    /// `list.__init__(self, [iterable])`, `dict.__init__(self, [mapping], **kw)`.
    pub(super) fn builtin_init(
        &mut self,
        kind: TypeKind,
        instance: ObjId,
        args: &[ObjId],
        kwnames: &[String],
        kwvalues: &[ObjId],
    ) -> Flow {
        let name = kind.name();
        if kind == TypeKind::List {
            if !kwnames.is_empty() {
                return Err(PyException::type_error(format!(
                    "{name}() takes no keyword arguments"
                )));
            }
            if args.len() > 1 {
                return Err(PyException::type_error(format!(
                    "{name} expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            self.call_method(super::containers::Method::ListClear, instance, &[])?;
            if let Some(&iterable) = args.first() {
                self.call_method(super::containers::Method::ListExtend, instance, &[iterable])?;
            }
            return Ok(());
        }
        if args.len() > 1 {
            return Err(PyException::type_error(format!(
                "dict expected at most 1 argument, got {}",
                args.len()
            )));
        }
        if let Some(&mapping) = args.first() {
            // `dict_update_arg`: a dict, a mapping (`keys()`), or pairs.
            if !self.in_calling()
                && (self.mapping_keys_method(mapping).is_some() || self.runs_python(mapping))
            {
                return Err(
                    self.unsupported("a dict subclass made from items that Python code produces")
                );
            }
            self.dict_update_from(instance, mapping)?;
        }
        for (name, &value) in kwnames.iter().zip(kwvalues) {
            let key = self.identifier(name);
            self.dict_set(instance, key, value)?;
        }
        Ok(())
    }

    /// A new instance of a plain class: its `__dict__` and class held.
    pub(super) fn plain_instance(&mut self, class: ObjId, type_name: &'static str) -> ObjId {
        let slots = self.new_slots(class);
        let has_dict = matches!(self.heap.value(class), Value::Class(c) if c.has_dict);
        let dict = has_dict.then(|| self.heap.alloc(Value::Dict(Box::new(Dict::new()))));
        let instance = self.heap.alloc(Value::Instance {
            class,
            dict,
            slots,
            type_name: match self.heap.value(class) {
                Value::Class(c) if c.name == type_name => c.instance_type_name,
                _ => static_type_name(type_name),
            },
        });
        let address = self.heap.get(instance).address;
        self.heap.incref(
            class,
            Referrer::Attribute {
                owner: address,
                name: "__class__",
            },
        );
        if let Some(dict) = dict {
            self.heap.incref(
                dict,
                Referrer::Attribute {
                    owner: address,
                    name: "__dict__",
                },
            );
        }
        instance
    }

    /// `obj.name` on instances and classes; `None` when `owner` is neither.
    /// With `method`: (function, self) for a function found on the class.
    pub(super) fn instance_attribute(
        &mut self,
        owner: ObjId,
        name: &str,
    ) -> Option<Flow<AttrFound>> {
        if let Some(tag) = self.heap.subclass_of(owner) {
            return self.subclassed_attribute(owner, tag.class, tag.dict, name);
        }
        match self.heap.value(owner) {
            Value::Exception(_) | Value::Type(TypeKind::Exc(_)) => {
                self.exception_attribute(owner, name)
            }
            Value::Generator(_) => self.generator_attribute(owner, name),
            Value::Instance { class, .. } => {
                let class = *class;
                if !self.generic_getattr
                    && let Some(hook) = self.user_hook(class, "__getattribute__")
                {
                    return Some(Ok(AttrFound::GetAttribute(hook)));
                }
                self.generic_getattr = false;
                Some(self.generic_instance_attribute(owner, class, name))
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
                // The class's own `__mro__` and `__bases__` tuples, `__base__`.
                let held = match (self.heap.value(owner), name) {
                    (Value::Class(c), "__mro__") => c.mro_tuple,
                    (Value::Class(c), "__bases__") => Some(c.bases_tuple),
                    (Value::Class(c), "__base__") => Some(c.base),
                    _ => None,
                };
                if let Some(held) = held {
                    return Some(Ok(AttrFound::Value(held)));
                }
                if name == "__dict__" {
                    return Some(Ok(AttrFound::Fresh(self.mapping_proxy(owner))));
                }
                // `type_getattro`: a data descriptor of the metaclass first,
                // then the class's MRO, then the metaclass's other attributes.
                let metaclass = self.metaclass_of(owner);
                if name == "__class__" {
                    let of = metaclass.unwrap_or_else(|| self.type_object_id(TypeKind::Type));
                    return Some(Ok(AttrFound::Value(of)));
                }
                let on_meta = metaclass.and_then(|m| self.class_lookup(m, name));
                if let Some(found) = on_meta
                    && self.is_data_descriptor(found)
                {
                    return Some(match self.heap.value(found) {
                        Value::Property {
                            fget: Some(fget), ..
                        } => Ok(AttrFound::Call(*fget)),
                        Value::Property { .. } => Err(PyException::new(
                            "AttributeError",
                            format!(
                                "property '{name}' of '{}' object has no getter",
                                self.instance_type_name(owner)
                            ),
                        )),
                        _ => match self.special_method(found, "__get__") {
                            Some(get) => Ok(AttrFound::Get(get, found, Some(owner))),
                            None => Err(self.unsupported("a metaclass's slot descriptors")),
                        },
                    });
                }
                if self.class_lookup(owner, name).is_none()
                    && let (Some(found), Some(metaclass)) = (on_meta, metaclass)
                {
                    if matches!(self.heap.value(found), Value::Instance { .. })
                        && let Some(get) = self.special_method(found, "__get__")
                    {
                        return Some(Ok(AttrFound::Get(get, found, Some(owner))));
                    }
                    return Some(Ok(self.bind_found(found, owner, metaclass)));
                }
                match self.class_lookup(owner, name) {
                    Some(found) => Some(Ok(match *self.heap.value(found) {
                        Value::StaticMethod(function, _) => AttrFound::Value(function),
                        Value::ClassMethod(function, _) => AttrFound::Bound(function, owner),
                        // A descriptor's `__get__(None, cls)`.
                        Value::Instance { .. } => match self.special_method(found, "__get__") {
                            Some(get) => AttrFound::Get(get, found, None),
                            None => AttrFound::Value(found),
                        },
                        _ => AttrFound::Value(found),
                    })),
                    None if name == "__new__"
                        && self.builtin_base(owner).is_none()
                        && self.class_exception_kind(owner).is_none() =>
                    {
                        // `type.__new__` of a metaclass, else `object.__new__`.
                        let which = if self.is_metaclass(owner) {
                            super::builtins::Builtin::TypeNew
                        } else {
                            super::builtins::Builtin::ObjectNew
                        };
                        Some(Ok(AttrFound::Value(self.static_builtin(which))))
                    }
                    None => {
                        // A method of list or dict through a subclass (`Stack.append`).
                        let method = self
                            .builtin_base(owner)
                            .and_then(|kind| self.builtin_method(kind, name));
                        if let Some(method) = method {
                            let function = self.static_builtin(method);
                            return Some(Ok(AttrFound::Value(function)));
                        }
                        // A class method of the built-in base, bound to the
                        // subclass (`MyInt.from_bytes`).
                        if let Some((
                            method,
                            defining,
                            super::types::attrs::AttrKind::ClassMethod,
                        )) = self
                            .builtin_base(owner)
                            .and_then(|kind| super::wrappers::SlotMethod::lookup(kind, name))
                        {
                            let method = super::builtins::Builtin::Slot(method, defining);
                            return Some(Ok(AttrFound::Fresh(self.bound_builtin(method, owner))));
                        }
                        // `type.mro` and `type.__subclasses__`, bound to the class.
                        let type_method = match name {
                            "mro" => Some(super::builtins::Builtin::TypeMro),
                            "__subclasses__" => Some(super::builtins::Builtin::TypeSubclasses),
                            _ => None,
                        };
                        if let Some(method) = type_method
                            && on_meta.is_none()
                        {
                            return Some(Ok(AttrFound::Fresh(self.bound_builtin(method, owner))));
                        }
                        // `slot_tp_getattr_hook`: the metaclass's `__getattr__`.
                        if let Some(getattr) = self.meta_hook(owner, "__getattr__") {
                            return Some(Ok(AttrFound::GetAttr(getattr)));
                        }
                        if matches!(name, "__annotations__" | "__annotate__") {
                            return Some(Err(self.unsupported("annotations of a class")));
                        }
                        // `object`'s own, last in every class's MRO
                        // (`A.__init__` is `object.__init__`).
                        if self.builtin_base(owner).is_none()
                            && self.class_exception_kind(owner).is_none()
                            && on_meta.is_none()
                            && super::types::attrs::find(TypeKind::Object, name).is_some()
                        {
                            let object = self.type_object(TypeKind::Object);
                            match self.get_attribute(object, name) {
                                Ok(found) => return Some(Ok(AttrFound::Value(found))),
                                Err(error) if error.fatal => return Some(Err(error)),
                                Err(_) => {}
                            }
                        }
                        Some(Err(self.attribute_error(
                            owner,
                            name,
                            format!("type object '{qualname}' has no attribute '{name}'"),
                        )))
                    }
                }
            }
            _ => None,
        }
    }

    /// The value of an attribute whose lookup calls Python code (a
    /// property's getter, a descriptor's `__get__`, `__getattribute__`,
    /// `__getattr__`): borrowed until the instruction ends, or a new object.
    pub(super) fn attribute_call(
        &mut self,
        owner: ObjId,
        name: &str,
        found: AttrFound,
    ) -> Flow<ObjId> {
        match found {
            AttrFound::Value(value) | AttrFound::Fresh(value) => Ok(value),
            AttrFound::Method(function) => Ok(self.bound_method(function, owner)),
            AttrFound::Bound(function, to) => Ok(self.bound_method(function, to)),
            AttrFound::Call(function) => self.call_python(function, &[owner]),
            AttrFound::GetAttr(function) => {
                let key = self.identifier(name);
                self.call_python(function, &[owner, key])
            }
            AttrFound::Get(get, descriptor, instance) => {
                let (instance, class) = match instance {
                    Some(instance) => (instance, self.type_of_object(instance)),
                    None => (self.singletons.none, owner),
                };
                self.call_python(get, &[descriptor, instance, class])
            }
            AttrFound::GetAttribute(function) => {
                let key = self.identifier(name);
                match self.try_call_python(function, &[owner, key])? {
                    Ok(value) => Ok(value),
                    Err(exc) => {
                        let class = self.type_of_object(owner);
                        let attribute_error = match self.heap.value(exc) {
                            Value::Exception(e) => TypeKind::Exc(e.kind)
                                .mro()
                                .any(|kind| kind.name() == "AttributeError"),
                            _ => false,
                        };
                        match self.class_lookup(class, "__getattr__") {
                            Some(getattr) if attribute_error => {
                                self.call_python(getattr, &[owner, key])
                            }
                            _ => {
                                self.heap.incref(exc, self.raised_referrer());
                                Err(PyException::object(exc, true))
                            }
                        }
                    }
                }
            }
        }
    }

    /// `type(obj)` for instances (their class) and other objects (their type object).
    pub(super) fn type_of_object(&self, obj: ObjId) -> ObjId {
        if let Some(tag) = self.heap.subclass_of(obj) {
            return tag.class;
        }
        match self.heap.value(obj) {
            Value::Instance { class, .. } => *class,
            Value::Exception(e) if e.class.is_some() => e.class.unwrap_or(obj),
            Value::Class(c) if c.metaclass.is_some() => c.metaclass.unwrap_or(obj),
            other => self.type_object_id(other.type_kind()),
        }
    }

    /// `object.__new__`, `object.__setattr__`, `object.__delattr__` and
    /// `object.__getattribute__` called with their arguments.
    pub(super) fn object_slot(
        &mut self,
        which: super::builtins::Builtin,
        args: &[ObjId],
    ) -> Flow<ObjId> {
        use super::builtins::Builtin;
        if which == Builtin::ObjectNew {
            return self.object_new(args);
        }
        let wanted = match which {
            Builtin::ObjectSetAttr => 3,
            _ => 2,
        };
        if args.len() != wanted {
            return Err(PyException::type_error(format!(
                "expected {} argument{}, got {}",
                wanted - 1,
                if wanted == 2 { "" } else { "s" },
                args.len().saturating_sub(1)
            )));
        }
        let name = match self.heap.value(args[1]) {
            Value::Str(text) => text.to_string(),
            other => {
                return Err(PyException::type_error(format!(
                    "attribute name must be string, not '{}'",
                    other.type_name()
                )));
            }
        };
        let owner = args[0];
        let hooked = match self.user_class(owner) {
            Some(class) => {
                self.user_hook(class, "__setattr__").is_some()
                    || self.user_hook(class, "__delattr__").is_some()
            }
            None => false,
        };
        match which {
            Builtin::ObjectSetAttr => {
                self.generic_set_attribute(owner, &name, Some(args[2]), hooked)?;
                Ok(self.singletons.none)
            }
            Builtin::ObjectDelAttr => {
                self.generic_set_attribute(owner, &name, None, hooked)?;
                Ok(self.singletons.none)
            }
            _ => {
                self.generic_getattr = true;
                let result = self.get_attribute(owner, &name);
                self.generic_getattr = false;
                result
            }
        }
    }

    /// `object.__new__(cls, ...)`: a new instance of `cls`.
    fn object_new(&mut self, args: &[ObjId]) -> Flow<ObjId> {
        let Some((&class, rest)) = args.split_first() else {
            return Err(PyException::type_error(
                "object.__new__(): not enough arguments",
            ));
        };
        let (type_name, qualname) = match self.heap.value(class) {
            Value::Class(c) => (c.name, c.qualname.to_string()),
            Value::Type(kind) => {
                return Err(self.unsupported(&format!("object.__new__({})", kind.name())));
            }
            other => {
                return Err(PyException::type_error(format!(
                    "object.__new__(X): X is not a type object ({})",
                    other.type_name()
                )));
            }
        };
        if self.class_exception_kind(class).is_some() {
            return Err(self.unsupported("object.__new__ of an exception class"));
        }
        if let Some(kind) = self.builtin_base(class) {
            if is_immutable_base(kind) {
                // `int.__new__(cls, x)`: the value is made from the arguments now.
                return self.immutable_instance_of(class, kind, rest);
            }
            // `list.__new__` / `dict.__new__`: an empty one, filled by `__init__`.
            return Ok(self.builtin_instance_of(class, kind));
        }
        if !rest.is_empty() {
            let own_new = self
                .class_lookup(class, "__new__")
                .is_some_and(|f| matches!(self.heap.value(f), Value::StaticMethod(..)));
            if own_new {
                return Err(PyException::type_error(
                    "object.__new__() takes exactly one argument (the type to instantiate)",
                ));
            }
            if self.user_hook(class, "__init__").is_none() {
                return Err(PyException::type_error(format!(
                    "{qualname}() takes no arguments"
                )));
            }
        }
        Ok(self.plain_instance(class, type_name))
    }

    /// CALL on a class with its own `__new__`, a class with a metaclass, a
    /// metaclass or `__build_class__` with one (see `metaclass.rs`); `None`
    /// for other calls.
    pub(super) fn call_class_with_new(
        &mut self,
        argc: usize,
        kwnames: &[String],
        extra: usize,
    ) -> Option<Flow> {
        self.call_through_metaclass(argc, kwnames, extra)
    }

    /// `obj.name` on a list or dict made by a subclass: its class's
    /// attributes and its `__dict__` first; `None` lets the built-in type's
    /// methods answer.
    fn subclassed_attribute(
        &mut self,
        owner: ObjId,
        class: ObjId,
        dict: ObjId,
        name: &str,
    ) -> Option<Flow<AttrFound>> {
        if !self.generic_getattr
            && let Some(hook) = self.user_hook(class, "__getattribute__")
        {
            return Some(Ok(AttrFound::GetAttribute(hook)));
        }
        self.generic_getattr = false;
        let in_dict = matches!(self.heap.value(dict), Value::Dict(d) if d.get_str(name).is_some());
        let known = in_dict
            || matches!(name, "__class__" | "__dict__")
            || self.class_lookup(class, name).is_some();
        let kind = self.heap.value(owner).type_kind();
        // The base type's own methods and special methods (`Name("x").upper()`).
        if !known
            && (self.builtin_method(kind, name).is_some()
                || super::wrappers::SlotMethod::lookup(kind, name).is_some())
        {
            return None;
        }
        Some(self.generic_instance_attribute(owner, class, name))
    }

    /// The class of an instance or of a list or dict made by a subclass.
    pub(super) fn user_class(&self, obj: ObjId) -> Option<ObjId> {
        match self.heap.value(obj) {
            Value::Instance { class, .. } => Some(*class),
            _ => self.heap.subclass_of(obj).map(|tag| tag.class),
        }
    }

    /// The `__dict__` of an instance (or of a list or dict made by a subclass).
    fn instance_dict(&self, obj: ObjId) -> Option<ObjId> {
        match self.heap.value(obj) {
            Value::Instance { dict, .. } => *dict,
            _ => self.heap.subclass_of(obj).map(|tag| tag.dict),
        }
    }

    /// `type(obj).__name__` for messages.
    pub(super) fn instance_type_name(&self, obj: ObjId) -> &'static str {
        if let Some(Value::Class(m)) = self.metaclass_of(obj).map(|m| self.heap.value(m)) {
            return m.name;
        }
        match self
            .heap
            .subclass_of(obj)
            .map(|tag| self.heap.value(tag.class))
        {
            Some(Value::Class(c)) => c.name,
            _ => self.heap.value(obj).type_name(),
        }
    }

    /// A special method the class (or a base) defines in Python, not `object`'s.
    pub(super) fn user_hook(&self, class: ObjId, name: &str) -> Option<ObjId> {
        self.class_lookup(class, name)
            .filter(|&f| matches!(self.heap.value(f), Value::Function(_)))
    }

    /// A data descriptor: a property, a slot, or an instance whose class
    /// defines `__set__` or `__delete__`.
    fn is_data_descriptor(&self, found: ObjId) -> bool {
        match self.heap.value(found) {
            Value::Property { .. } | Value::Member { .. } => true,
            Value::Instance { class, .. } => {
                self.class_lookup(*class, "__set__").is_some()
                    || self.class_lookup(*class, "__delete__").is_some()
            }
            _ => false,
        }
    }

    /// `PyObject_GenericGetAttr` on an instance: data descriptors, then the
    /// instance's `__dict__`, then other class attributes, then `__getattr__`.
    fn generic_instance_attribute(
        &mut self,
        owner: ObjId,
        class: ObjId,
        name: &str,
    ) -> Flow<AttrFound> {
        let dict = self.instance_dict(owner);
        let on_class = self.class_lookup(class, name);
        if let Some(found) = on_class
            && let Value::GetSet { name: getset, .. } = *self.heap.value(found)
        {
            // `subtype_dict` and `subtype_getweakref` (no weak references
            // are ever made here, so always None).
            return match (getset, dict) {
                ("__dict__", Some(dict)) => Ok(AttrFound::Value(dict)),
                _ => Ok(AttrFound::Value(self.singletons.none)),
            };
        }
        if let Some(found) = on_class
            && self.is_data_descriptor(found)
        {
            match self.heap.value(found) {
                Value::Property { fget, .. } => {
                    return match fget {
                        Some(fget) => Ok(AttrFound::Call(*fget)),
                        None => Err(PyException::new(
                            "AttributeError",
                            format!(
                                "property '{name}' of '{}' object has no getter",
                                self.heap.value(owner).type_name()
                            ),
                        )),
                    };
                }
                Value::Member { .. } => {
                    return match self.member_get(found, owner) {
                        Ok(value) => Ok(AttrFound::Value(value)),
                        Err(error) => match self.class_lookup(class, "__getattr__") {
                            Some(getattr) => Ok(AttrFound::GetAttr(getattr)),
                            None => Err(error),
                        },
                    };
                }
                _ => {
                    if let Some(get) = self.special_method(found, "__get__") {
                        return Ok(AttrFound::Get(get, found, Some(owner)));
                    }
                }
            }
        }
        if let Some(dict) = dict
            && let Value::Dict(d) = self.heap.value(dict)
            && let Some(entry) = d.get_str(name)
        {
            return Ok(AttrFound::Value(entry.value));
        }
        if name == "__class__" {
            return Ok(AttrFound::Value(class));
        }
        if name == "__dict__"
            && let Some(dict) = dict
        {
            return Ok(AttrFound::Value(dict));
        }
        match on_class {
            Some(found) => {
                if matches!(self.heap.value(found), Value::Instance { .. })
                    && let Some(get) = self.special_method(found, "__get__")
                {
                    return Ok(AttrFound::Get(get, found, Some(owner)));
                }
                Ok(self.bind_found(found, owner, class))
            }
            // `object`'s own attributes, last in every class's MRO.
            None if let Some((method, defining, _)) =
                super::wrappers::SlotMethod::lookup(TypeKind::Object, name) =>
            {
                let method = super::builtins::Builtin::Slot(method, defining);
                Ok(AttrFound::Fresh(self.bound_builtin(method, owner)))
            }
            None if super::types::attrs::find(TypeKind::Object, name).is_some() => {
                Err(self.unsupported(&format!("the attribute '{name}' of object on an instance")))
            }
            None => match self.class_lookup(class, "__getattr__") {
                Some(getattr) => Ok(AttrFound::GetAttr(getattr)),
                None => Err(self.attribute_error(
                    owner,
                    name,
                    format!(
                        "'{}' object has no attribute '{name}'",
                        self.instance_type_name(owner)
                    ),
                )),
            },
        }
    }

    /// What an attribute found on `class` is when read through `owner`.
    pub(super) fn bind_found(&self, found: ObjId, owner: ObjId, class: ObjId) -> AttrFound {
        match *self.heap.value(found) {
            Value::Function(_) => AttrFound::Method(found),
            Value::StaticMethod(function, _) => AttrFound::Value(function),
            Value::ClassMethod(function, _) => AttrFound::Bound(function, class),
            Value::Property {
                fget: Some(fget), ..
            } => AttrFound::Call(fget),
            _ => {
                let _ = owner;
                AttrFound::Value(found)
            }
        }
    }

    /// `obj.name = value` on instances and classes (the dict takes its own
    /// reference); a class's `__setattr__` runs instead when it has one.
    pub(super) fn store_attribute(&mut self, owner: ObjId, name: &str, value: ObjId) -> Flow {
        if let Some(class) = self.user_class(owner)
            && let Some(hook) = self.user_hook(class, "__setattr__")
        {
            let key = self.identifier(name);
            return self.call_python(hook, &[owner, key, value]).map(|_| ());
        }
        self.generic_set_attribute(owner, name, Some(value), false)
    }

    /// `del obj.name`; a class's `__delattr__` runs instead when it has one.
    pub(super) fn delete_attribute(&mut self, owner: ObjId, name: &str) -> Flow {
        if let Some(class) = self.user_class(owner)
            && let Some(hook) = self.user_hook(class, "__delattr__")
        {
            let key = self.identifier(name);
            return self.call_python(hook, &[owner, key]).map(|_| ());
        }
        self.generic_set_attribute(owner, name, None, false)
    }

    /// `PyObject_GenericSetAttr` (`value` `None` deletes): data descriptors
    /// first, then the instance's `__dict__`. `hooked`: called as
    /// `object.__setattr__` from a class that has its own.
    pub(super) fn generic_set_attribute(
        &mut self,
        owner: ObjId,
        name: &str,
        value: Option<ObjId>,
        hooked: bool,
    ) -> Flow {
        let on_class = self
            .user_class(owner)
            .or_else(|| self.metaclass_of(owner))
            .and_then(|class| self.class_lookup(class, name))
            .filter(|&found| {
                // Through a metaclass only its data descriptors count.
                self.user_class(owner).is_some() || self.is_data_descriptor(found)
            });
        // `object.__class__`'s setter (`object_set_class`).
        if on_class.is_none()
            && name == "__class__"
            && matches!(self.heap.value(owner), Value::Instance { .. })
        {
            return self.set_instance_class(owner, value);
        }
        if let Some(found) = on_class {
            match *self.heap.value(found) {
                Value::Property { fset, fdel, .. } => {
                    let (function, args, what) = match value {
                        Some(value) => (fset, vec![owner, value], "setter"),
                        None => (fdel, vec![owner], "deleter"),
                    };
                    return match function {
                        Some(function) => self.call_python(function, &args).map(|_| ()),
                        None => Err(PyException::new(
                            "AttributeError",
                            format!(
                                "property '{name}' of '{}' object has no {what}",
                                self.heap.value(owner).type_name()
                            ),
                        )),
                    };
                }
                Value::Member { .. } => return self.member_set(found, owner, value),
                Value::GetSet {
                    name: "__weakref__",
                    class,
                } => {
                    let class_name = match self.heap.value(class) {
                        Value::Class(c) => c.name,
                        _ => "object",
                    };
                    return Err(PyException::new(
                        "AttributeError",
                        format!(
                            "attribute '__weakref__' of '{class_name}' objects is not writable"
                        ),
                    ));
                }
                Value::GetSet { .. } => {
                    return Err(self.unsupported("assigning or deleting an instance's __dict__"));
                }
                Value::Instance { .. } => {
                    let hook = match value {
                        Some(_) => "__set__",
                        None => "__delete__",
                    };
                    if let Some(function) = self.special_method(found, hook) {
                        let mut args = vec![found, owner];
                        args.extend(value);
                        return self.call_python(function, &args).map(|_| ());
                    }
                    if self.is_data_descriptor(found) {
                        return Err(PyException::new("AttributeError", hook));
                    }
                }
                _ => {}
            }
        }
        if matches!(self.heap.value(owner), Value::Class(_)) {
            // `type_setattro`: the class's version changes (`PyType_Modified`).
            self.class_modified(owner);
        }
        let tagged = self.heap.subclass_of(owner).map(|tag| tag.dict);
        let dict = match self.heap.value(owner) {
            _ if tagged.is_some() => tagged.unwrap_or(owner),
            Value::Instance {
                dict: Some(dict), ..
            } => *dict,
            Value::Instance { dict: None, .. } => {
                let type_name = self.heap.value(owner).type_name();
                return Err(if on_class.is_some() {
                    PyException::new(
                        "AttributeError",
                        format!("'{type_name}' object attribute '{name}' is read-only"),
                    )
                } else if hooked {
                    self.attribute_error(
                        owner,
                        name,
                        format!("'{type_name}' object has no attribute '{name}'"),
                    )
                } else {
                    self.attribute_error(
                        owner,
                        name,
                        format!(
                            "'{type_name}' object has no attribute '{name}' and no __dict__ for setting new attributes"
                        ),
                    )
                });
            }
            Value::Exception(_)
                if value.is_some() && !matches!(name, "args" | "__cause__" | "__context__") =>
            {
                self.exception_dict(owner)
            }
            Value::Exception(_) if value.is_some() => {
                return Err(self.unsupported(&format!("setting {name} on an exception")));
            }
            // `del e.__notes__`: from its dict, when it has one.
            Value::Exception(exc)
                if exc.dict.is_some()
                    && !matches!(name, "args" | "__cause__" | "__context__" | "__traceback__") =>
            {
                self.exception_dict(owner)
            }
            Value::Function(_)
                if matches!(name, "__name__" | "__qualname__" | "__doc__" | "__module__") =>
            {
                return self.set_function_name_field(owner, name, value);
            }
            // A function's own fields (`__name__`, `__defaults__`…) are not
            // in its `__dict__`; setting the others is not built yet.
            Value::Function(_) if super::types::attrs::find(TypeKind::Function, name).is_some() => {
                return Err(self.unsupported(&format!("setting {name} on a function")));
            }
            Value::Function(_) => self.function_dict(owner),
            Value::Class(c) => {
                // `type`'s own getset and member descriptors.
                match name {
                    "__mro__" | "__dict__" => {
                        return Err(PyException::new(
                            "AttributeError",
                            format!("attribute '{name}' of 'type' objects is not writable"),
                        ));
                    }
                    "__base__" => {
                        return Err(PyException::new("AttributeError", "readonly attribute"));
                    }
                    _ => {}
                }
                // Special methods would need the class's slots updated;
                // these plain entries of its dict do not.
                let plain = matches!(name, "__weakref__" | "__doc__" | "__module__");
                if value.is_some() && !plain && name.starts_with("__") && name.ends_with("__") {
                    return Err(self.unsupported(&format!("setting {name} on a class")));
                }
                c.dict
            }
            // `sys.stdout = capture`: a built-in module's names.
            Value::Module(m) if m.dict.is_none() => {
                return self.module_set_attribute(owner, name, value);
            }
            other => {
                return Err(PyException::new(
                    "AttributeError",
                    if value.is_some() {
                        format!(
                            "'{}' object has no attribute '{name}' and no __dict__ for setting new attributes",
                            other.type_name()
                        )
                    } else {
                        format!("'{}' object has no attribute '{name}'", other.type_name())
                    },
                ));
            }
        };
        let key = self.identifier(name);
        let Some(value) = value else {
            return match self.dict_delitem(dict, key) {
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
            };
        };
        self.dict_set(dict, key, value)
    }

    /// `f.__name__ = …` and the like (`func_set_name`, `func_set_qualname`,
    /// `func_set_doc`, the `__module__` member): the function holds the
    /// new value; a name must be a str; deleting `__doc__` makes it None.
    fn set_function_name_field(
        &mut self,
        function: ObjId,
        name: &str,
        value: Option<ObjId>,
    ) -> Flow {
        let text_required = matches!(name, "__name__" | "__qualname__");
        let value = match value {
            Some(value) => value,
            None if name == "__doc__" => self.singletons.none,
            None if text_required => {
                return Err(PyException::type_error(format!(
                    "{name} must be set to a string object"
                )));
            }
            None => {
                return Err(PyException::type_error("can't delete function attribute"));
            }
        };
        if text_required && !matches!(self.heap.value(value), Value::Str(_)) {
            return Err(PyException::type_error(format!(
                "{name} must be set to a string object"
            )));
        }
        let qualname = match self.heap.value(function) {
            Value::Function(f) => f.qualname,
            _ => return Err(null()),
        };
        let field = Referrer::Field {
            owner: qualname,
            field: match name {
                "__name__" => "__name__",
                "__qualname__" => "__qualname__",
                "__doc__" => "__doc__",
                _ => "__module__",
            },
        };
        self.heap.incref(value, field);
        let old = match self.heap.value_mut(function) {
            Value::Function(f) => {
                let slot = match name {
                    "__name__" => &mut f.name,
                    "__qualname__" => &mut f.qualname_object,
                    "__doc__" => &mut f.doc,
                    _ => &mut f.module,
                };
                slot.replace(value)
            }
            _ => None,
        };
        if let Some(old) = old {
            self.heap.decref(old, field);
        }
        Ok(())
    }

    /// `obj.__class__ = cls` on an instance of a program's class
    /// (`object_set_class`): `cls` must be such a class with the same
    /// layout (a `__dict__` or not, the same `__slots__`).
    fn set_instance_class(&mut self, owner: ObjId, value: Option<ObjId>) -> Flow {
        let Some(value) = value else {
            return Err(PyException::type_error("can't delete __class__ attribute"));
        };
        let Value::Instance { class: old, .. } = *self.heap.value(owner) else {
            return Err(null());
        };
        let layout = |vm: &Vm, class: ObjId| match vm.heap.value(class) {
            Value::Class(c) => Some((c.has_dict, c.has_weakref, c.slot_names.clone(), c.name)),
            _ => None,
        };
        let Some(new_layout) = layout(self, value) else {
            return Err(PyException::type_error(match self.heap.value(value) {
                Value::Type(_) => {
                    "__class__ assignment only supported for mutable types or ModuleType subclasses"
                        .to_owned()
                }
                _ => format!(
                    "__class__ must be set to a class, not '{}' object",
                    self.instance_type_name(value)
                ),
            }));
        };
        let old_layout = layout(self, old);
        let plain = |vm: &Vm, class: ObjId| {
            vm.builtin_base(class).is_none() && vm.class_exception_kind(class).is_none()
        };
        if !plain(self, value)
            || old_layout.as_ref().map(|(d, w, s, _)| (d, w, s))
                != Some((&new_layout.0, &new_layout.1, &new_layout.2))
        {
            let old_name = old_layout.map_or("object", |layout| layout.3);
            return Err(PyException::type_error(format!(
                "__class__ assignment: '{}' object layout differs from '{old_name}'",
                new_layout.3
            )));
        }
        let address = self.heap.get(owner).address;
        let field = Referrer::Attribute {
            owner: address,
            name: "__class__",
        };
        self.heap.incref(value, field);
        let type_name = match self.heap.value(value) {
            Value::Class(c) => c.instance_type_name,
            _ => return Err(null()),
        };
        if let Value::Instance {
            class,
            type_name: name,
            ..
        } = self.heap.value_mut(owner)
        {
            *class = value;
            *name = type_name;
        }
        self.heap.decref(old, field);
        Ok(())
    }

    /// `isinstance(value, cls)` for classes made by `class`.
    pub(super) fn is_instance_of_class(&self, value: ObjId, class: ObjId) -> bool {
        if let Some(tag) = self.heap.subclass_of(value) {
            return match self.heap.value(tag.class) {
                Value::Class(c) => c.mro.contains(&class),
                _ => false,
            };
        }
        let own = match self.heap.value(value) {
            Value::Instance { class: own, .. } => *own,
            Value::Exception(exc) => match exc.class {
                Some(own) => own,
                None => return false,
            },
            Value::Class(c) => match c.metaclass {
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
    /// A descriptor's `__get__`, to call with the descriptor, the instance
    /// (`None` through the class) and the class.
    Get(ObjId, ObjId, Option<ObjId>),
    /// The class's own `__getattribute__`, to call with the instance and
    /// name (then `__getattr__` on an `AttributeError`).
    GetAttribute(ObjId),
}

fn null() -> Box<PyException> {
    PyException::new("SystemError", "NULL where an object was expected")
}

/// The built-in types a class may subclass besides `object` and the
/// exceptions (`bool` is final in CPython too).
fn subclassable_base(kind: TypeKind) -> bool {
    matches!(
        kind,
        TypeKind::List
            | TypeKind::Dict
            | TypeKind::Int
            | TypeKind::Float
            | TypeKind::Str
            | TypeKind::Tuple
    )
}

/// A base whose value is made by `__new__` from the arguments (immutable).
fn is_immutable_base(kind: TypeKind) -> bool {
    matches!(
        kind,
        TypeKind::Int | TypeKind::Float | TypeKind::Str | TypeKind::Tuple
    )
}

/// Whether CPython lets a class subclass the built-in type at all
/// (`Py_TPFLAGS_BASETYPE`): its spec's `basetype`.
fn acceptable_base(kind: TypeKind) -> bool {
    kind.spec().basetype
}
