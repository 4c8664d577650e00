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
}
