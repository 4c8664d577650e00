//! Exception classes defined by the program (`class MyError(Exception)`):
//! their instances are exception objects (`args`, `__cause__`, tracebacks)
//! that also have a class and, once an attribute is set, a `__dict__`.
//! `BaseException.__new__` keeps the constructor's arguments as `args`
//! whatever `__init__` does; `Exception.__init__(self, ...)` sets them again.

use super::builtins::Builtin;
use super::classes::AttrFound;
use super::exceptions::PyException;
use super::heap::{ObjId, Referrer, Value};
use super::types::dict::Dict;
use super::types::{ExcKind, TypeKind};
use super::{Flow, Vm};

impl Vm {
    /// The built-in exception class a class derives from, if it is an exception class.
    pub(super) fn class_exception_kind(&self, class: ObjId) -> Option<ExcKind> {
        match self.heap.value(class) {
            Value::Type(TypeKind::Exc(kind)) => Some(*kind),
            Value::Class(c) => c.mro.iter().find_map(|&k| match self.heap.value(k) {
                Value::Type(TypeKind::Exc(kind)) => Some(*kind),
                _ => None,
            }),
            _ => None,
        }
    }

    /// A new instance of the exception class `class` (a `class` statement's)
    /// with `args` as its `args`; no references yet.
    pub(super) fn exception_instance(
        &mut self,
        class: ObjId,
        kind: ExcKind,
        args: Vec<ObjId>,
    ) -> ObjId {
        let exc = self.new_exception(kind, args);
        let name = match self.heap.value(class) {
            Value::Class(c) => c.name,
            _ => kind.name(),
        };
        let address = self.heap.get(exc).address;
        self.heap.incref(
            class,
            Referrer::Attribute {
                owner: address,
                name: "__class__",
            },
        );
        if let Value::Exception(object) = self.heap.value_mut(exc) {
            object.class = Some(class);
            object.type_name = name;
        }
        exc
    }

    /// `raise MyError` with a class: its instance (a class whose `__init__`
    /// takes arguments would need a frame, which `raise` does not push).
    pub(super) fn instantiate_exception_class(&mut self, class: ObjId) -> Flow<Option<ObjId>> {
        let Some(kind) = self.class_exception_kind(class) else {
            return Ok(None);
        };
        if !matches!(self.heap.value(class), Value::Class(_)) {
            return Ok(None);
        }
        if self
            .class_lookup(class, "__init__")
            .is_some_and(|init| matches!(self.heap.value(init), Value::Function(_)))
        {
            return Err(self.unsupported(
                "raising an exception class with its own __init__ without calling it",
            ));
        }
        Ok(Some(self.exception_instance(class, kind, Vec::new())))
    }

    /// Attributes of exception instances and classes that the generic
    /// lookup does not know: the instance's `__dict__`, the class's
    /// attributes and methods, `__class__`, `Exception.__init__`. `None`
    /// leaves the name to the built-in attributes (`args`, `__cause__`…).
    pub(super) fn exception_attribute(
        &mut self,
        owner: ObjId,
        name: &str,
    ) -> Option<Flow<AttrFound>> {
        if let Value::Type(TypeKind::Exc(_)) = self.heap.value(owner) {
            if name == "__init__" {
                let init = self.static_builtin(Builtin::ExcInit);
                return Some(Ok(AttrFound::Value(init)));
            }
            if name == "add_note" {
                let add_note = self.static_builtin(Builtin::ExcAddNote);
                return Some(Ok(AttrFound::Value(add_note)));
            }
            return None;
        }
        let Value::Exception(exc) = self.heap.value(owner) else {
            return None;
        };
        let (class, dict, kind) = (exc.class, exc.dict, exc.kind);
        if let Some(dict) = dict
            && let Value::Dict(d) = self.heap.value(dict)
            && let Some(entry) = d.get_str(name)
        {
            return Some(Ok(AttrFound::Value(entry.value)));
        }
        match name {
            "args" | "__cause__" | "__context__" => return None,
            "value" if kind.name() == "StopIteration" => return None,
            "code" if kind.name() == "SystemExit" => return None,
            "__class__" => {
                let class = class.unwrap_or_else(|| self.type_object(TypeKind::Exc(kind)));
                return Some(Ok(AttrFound::Value(class)));
            }
            "__suppress_context__" => {
                let suppress =
                    matches!(self.heap.value(owner), Value::Exception(e) if e.suppress_context);
                return Some(Ok(AttrFound::Value(self.bool_object(suppress))));
            }
            "__dict__" => {
                let dict = self.exception_dict(owner);
                return Some(Ok(AttrFound::Value(dict)));
            }
            // None until raised; then a traceback object (whose own
            // attributes are refused, as `sys.exc_info()[2]`'s).
            "__traceback__" => {
                let raised = matches!(self.heap.value(owner), Value::Exception(e) if !e.traceback.is_empty());
                let traceback = if raised {
                    self.heap.alloc(Value::Traceback)
                } else {
                    self.singletons.none
                };
                return Some(Ok(AttrFound::Value(traceback)));
            }
            _ => {}
        }
        if let Some(class) = class
            && let Some(found) = self.class_lookup(class, name)
        {
            return Some(Ok(match self.heap.value(found) {
                Value::Function(_) => AttrFound::Method(found),
                _ => AttrFound::Value(found),
            }));
        }
        if name == "add_note" {
            let bound = self.bound_builtin(Builtin::ExcAddNote, owner);
            return Some(Ok(AttrFound::Fresh(bound)));
        }
        // The type's own slot wrappers (`e.__repr__`, `e.__str__`…), bound.
        if let Some((method, defining, _)) =
            super::wrappers::SlotMethod::lookup(TypeKind::Exc(kind), name)
        {
            let bound = self.bound_builtin(Builtin::Slot(method, defining), owner);
            return Some(Ok(AttrFound::Fresh(bound)));
        }
        // CPython's, not built (`with_traceback`, `__reduce__`…): refused.
        if super::types::attrs::find(TypeKind::Exc(kind), name).is_some() {
            let type_name = self.heap.value(owner).type_name();
            return Some(Err(self.unsupported(&format!(
                "the attribute '{name}' of {type_name} objects"
            ))));
        }
        let type_name = self.heap.value(owner).type_name();
        Some(Err(PyException::new(
            "AttributeError",
            format!("'{type_name}' object has no attribute '{name}'"),
        )))
    }

    /// An exception's `__dict__`, made on first use.
    pub(super) fn exception_dict(&mut self, owner: ObjId) -> ObjId {
        if let Value::Exception(exc) = self.heap.value(owner)
            && let Some(dict) = exc.dict
        {
            return dict;
        }
        let dict = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
        let address = self.heap.get(owner).address;
        self.heap.incref(
            dict,
            Referrer::Attribute {
                owner: address,
                name: "__dict__",
            },
        );
        if let Value::Exception(exc) = self.heap.value_mut(owner) {
            exc.dict = Some(dict);
        }
        dict
    }

    /// `BaseException.__init__(self, *args)`: `args` becomes the arguments.
    pub(super) fn exception_init(&mut self, args: &[ObjId]) -> Flow<ObjId> {
        let Some((&target, rest)) = args.split_first() else {
            return Err(PyException::type_error(
                "descriptor '__init__' of 'BaseException' object needs an argument",
            ));
        };
        if !matches!(self.heap.value(target), Value::Exception(_)) {
            return Err(PyException::type_error(format!(
                "descriptor '__init__' requires a 'BaseException' object but received a '{}'",
                self.heap.value(target).type_name()
            )));
        }
        let tuple = self.tuple_object(rest.to_vec(), false);
        let address = self.heap.get(target).address;
        let referrer = Referrer::Attribute {
            owner: address,
            name: "args",
        };
        self.heap.incref(tuple, referrer);
        let old = match self.heap.value_mut(target) {
            Value::Exception(exc) => std::mem::replace(&mut exc.args, tuple),
            _ => tuple,
        };
        self.heap.decref(old, referrer);
        Ok(self.singletons.none)
    }

    /// `e.__notes__` as the notes machinery reads it: the exception's
    /// own dict entry, else its class's attribute; `None` when neither.
    fn exception_notes(&self, exc: ObjId) -> Option<ObjId> {
        let Value::Exception(object) = self.heap.value(exc) else {
            return None;
        };
        if let Some(dict) = object.dict
            && let Value::Dict(d) = self.heap.value(dict)
            && let Some(entry) = d.get_str("__notes__")
        {
            return Some(entry.value);
        }
        object
            .class
            .and_then(|class| self.class_lookup(class, "__notes__"))
    }

    /// `BaseException.add_note(note)` (`BaseException_add_note_impl`): a
    /// str appended to `__notes__`, a list made and stored in the
    /// exception's dict on the first note.
    pub(super) fn exception_add_note(
        &mut self,
        exc: ObjId,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
    ) -> Flow<ObjId> {
        if !keywords.is_empty() {
            return Err(PyException::type_error(
                "BaseException.add_note() takes no keyword arguments",
            ));
        }
        let &[note] = args else {
            return Err(PyException::type_error(format!(
                "BaseException.add_note() takes exactly one argument ({} given)",
                args.len()
            )));
        };
        if !matches!(self.heap.value(note), Value::Str(_)) {
            return Err(PyException::type_error(format!(
                "add_note() argument must be str, not {}",
                self.heap.value(note).type_name()
            )));
        }
        let notes = match self.exception_notes(exc) {
            Some(notes) if matches!(self.heap.value(notes), Value::List(_)) => notes,
            Some(_) => {
                return Err(PyException::type_error(
                    "Cannot add note: __notes__ is not a list",
                ));
            }
            None => {
                // (The list first, then the exception's dict, as
                // `PyObject_SetAttr` makes it.)
                let list = self.list_object(Vec::new(), false);
                let dict = self.exception_dict(exc);
                let key = self.identifier("__notes__");
                if let Err(error) = self.dict_set(dict, key, list) {
                    self.heap.discard(list);
                    return Err(error);
                }
                list
            }
        };
        self.list_append(notes, note)?;
        Ok(self.singletons.none)
    }

    /// The lines an uncaught exception's notes add after its last line, as
    /// `TracebackException.format_exception_only` writes them: each note
    /// of a sequence (`str()` of it, split at newlines), or `repr()` of a
    /// `__notes__` that is not one (a str included).
    pub(super) fn exception_notes_text(&mut self, exc: ObjId) -> Flow<String> {
        let Some(notes) = self.exception_notes(exc) else {
            return Ok(String::new());
        };
        let items: Option<Vec<ObjId>> = match self.heap.value(notes) {
            Value::None => return Ok(String::new()),
            Value::List(list) => Some(list.items.clone()),
            Value::Tuple(items) => Some(items.to_vec()),
            _ => None,
        };
        let mut out = String::new();
        let Some(items) = items else {
            let text = match self.repr_of(notes) {
                Ok(text) => text,
                Err(error) if error.fatal => return Err(error),
                Err(error) => {
                    self.drop_error(&error);
                    "<__notes__ repr() failed>".to_owned()
                }
            };
            out.push_str(&text);
            out.push('\n');
            return Ok(out);
        };
        for note in items {
            let text = match self.heap.value(note) {
                Value::Str(text) => text.to_string(),
                _ => match self.str_of(note) {
                    Ok(text) => text,
                    Err(error) if error.fatal => return Err(error),
                    Err(error) => {
                        self.drop_error(&error);
                        "<note str() failed>".to_owned()
                    }
                },
            };
            for line in text.split('\n') {
                out.push_str(line);
                out.push('\n');
            }
        }
        Ok(out)
    }

    /// `BaseException.__str__` (`BaseException_str`): nothing for no
    /// arguments, `str()` of a single one (`repr()` for a `KeyError`),
    /// else the arguments' tuple's repr; the class's own `__str__` aside.
    pub(super) fn exception_base_str(&mut self, exc: ObjId) -> Flow<String> {
        let Value::Exception(object) = self.heap.value(exc) else {
            return self.heap.try_str(exc);
        };
        let key_error = object.kind.name() == "KeyError";
        let args: Vec<ObjId> = match self.heap.value(object.args) {
            Value::Tuple(items) => items.to_vec(),
            _ => Vec::new(),
        };
        match args[..] {
            [] => Ok(String::new()),
            [arg] if key_error => self.repr_of(arg),
            [arg] => self.str_of(arg),
            _ => {
                let tuple = match self.heap.value(exc) {
                    Value::Exception(object) => object.args,
                    _ => exc,
                };
                self.repr_of(tuple)
            }
        }
    }

    /// `BaseException.__repr__`: `Name(args…)`, the class's own `__repr__`
    /// aside.
    pub(super) fn exception_base_repr(&mut self, exc: ObjId) -> Flow<String> {
        let Value::Exception(object) = self.heap.value(exc) else {
            return self.heap.try_repr(exc);
        };
        let name = object.type_name;
        let args: Vec<ObjId> = match self.heap.value(object.args) {
            Value::Tuple(items) => items.to_vec(),
            _ => Vec::new(),
        };
        let inner = match args[..] {
            [] => String::new(),
            [arg] => self.repr_of(arg)?,
            _ => {
                let tuple = match self.heap.value(exc) {
                    Value::Exception(object) => object.args,
                    _ => exc,
                };
                let text = self.repr_of(tuple)?;
                text[1..text.len() - 1].to_owned()
            }
        };
        Ok(format!("{name}({inner})"))
    }
}
