//! `property`, `staticmethod`, `classmethod` and `super()`.
//!
//! The descriptor objects hold their functions; reading them through an
//! instance or a class happens in `classes.rs` (`instance_attribute`), a
//! property's getter and setter running as frames (`special.rs`).

use super::builtins::Builtin;
use super::exceptions::PyException;
use super::frame::Slot;
use super::heap::{ObjId, Referrer, Value};
use super::types::TypeKind;
use super::{Flow, Vm};

impl Vm {
    /// `staticmethod(f)` / `classmethod(f)`.
    pub(super) fn wrap_function(&mut self, function: ObjId, class: bool) -> ObjId {
        let wrapper = self.heap.alloc(if class {
            Value::ClassMethod(function, None)
        } else {
            Value::StaticMethod(function, None)
        });
        let address = self.heap.get(wrapper).address;
        self.heap.incref(
            function,
            Referrer::Attribute {
                owner: address,
                name: "__func__",
            },
        );
        wrapper
    }

    /// `staticmethod(f)`, `classmethod(f)` called by the program: the
    /// wrapper, and (`sm_init`'s `functools_wraps`) a `__dict__` with the
    /// function's `__module__`, `__name__`, `__qualname__` and `__doc__`.
    pub(super) fn wrap_function_called(&mut self, function: ObjId, class: bool) -> Flow<ObjId> {
        let wrapper = self.wrap_function(function, class);
        let dict = self
            .heap
            .alloc(Value::Dict(Box::new(super::types::dict::Dict::new())));
        let address = self.heap.get(wrapper).address;
        self.heap.incref(
            dict,
            Referrer::Attribute {
                owner: address,
                name: "__dict__",
            },
        );
        if let Value::StaticMethod(_, slot) | Value::ClassMethod(_, slot) =
            self.heap.value_mut(wrapper)
        {
            *slot = Some(dict);
        }
        if !matches!(self.heap.value(function), Value::Function(_)) {
            return Ok(wrapper);
        }
        for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
            let value = match self.get_attribute(function, name) {
                Ok(value) => value,
                Err(error) => {
                    self.heap.discard(wrapper);
                    return Err(error);
                }
            };
            let key = self.identifier(name);
            let result = self.dict_set(dict, key, value);
            self.heap.discard(value);
            if let Err(error) = result {
                self.heap.discard(wrapper);
                return Err(error);
            }
        }
        Ok(wrapper)
    }

    /// `property(fget, fset, fdel, doc)` (`property_init`): without a doc
    /// (or a None one), the getter's own `__doc__` when it has one.
    pub(super) fn property_object(
        &mut self,
        fget: Option<ObjId>,
        fset: Option<ObjId>,
        fdel: Option<ObjId>,
        doc: Option<ObjId>,
    ) -> ObjId {
        let none = self.singletons.none;
        let keep = |f: Option<ObjId>| f.filter(|&f| f != none);
        let (fget, fset, fdel, doc) = (keep(fget), keep(fset), keep(fdel), keep(doc));
        let getter_doc = doc.is_none() && fget.and_then(|f| self.function_doc(f)).is_some();
        let doc = doc.or_else(|| fget.and_then(|f| self.function_doc(f)));
        let property = self.heap.alloc(Value::Property {
            fget,
            fset,
            fdel,
            doc,
            getter_doc,
        });
        let address = self.heap.get(property).address;
        for (held, name) in [
            (fget, "fget"),
            (fset, "fset"),
            (fdel, "fdel"),
            (doc, "__doc__"),
        ] {
            if let Some(held) = held {
                self.heap.incref(
                    held,
                    Referrer::Attribute {
                        owner: address,
                        name,
                    },
                );
            }
        }
        property
    }

    /// A Python function's `__doc__` if it is not None: what the program
    /// set, else `func_doc`, the first constant when the code has a
    /// docstring (`CO_HAS_DOCSTRING`).
    pub(super) fn function_doc(&self, function: ObjId) -> Option<ObjId> {
        let Value::Function(f) = self.heap.value(function) else {
            return None;
        };
        let doc = match f.doc {
            Some(doc) => Some(doc),
            None if f.info.code.flags & crate::compile::flags::HAS_DOCSTRING != 0 => {
                f.info.consts.first().copied()
            }
            None => None,
        };
        doc.filter(|&doc| doc != self.singletons.none)
    }

    /// `prop.setter(f)` and its siblings (`property_copy`): a copy of the
    /// property with one function replaced; a doc taken from the old
    /// getter is taken from the new one.
    pub(super) fn property_with(
        &mut self,
        property: ObjId,
        which: Builtin,
        f: ObjId,
    ) -> Flow<ObjId> {
        let Value::Property {
            fget,
            fset,
            fdel,
            doc,
            getter_doc,
        } = *self.heap.value(property)
        else {
            return Err(PyException::type_error("descriptor needs a property"));
        };
        let (fget, fset, fdel) = match which {
            Builtin::PropertyGetter => (Some(f), fset, fdel),
            Builtin::PropertySetter => (fget, Some(f), fdel),
            _ => (fget, fset, Some(f)),
        };
        let doc = if getter_doc && fget.is_some() {
            None
        } else {
            doc
        };
        Ok(self.property_object(fget, fset, fdel, doc))
    }

    /// LOAD_ATTR on a property, staticmethod or classmethod object
    /// (`p.setter`, `p.fget`, `sm.__func__`); false when `owner` is none of these.
    pub(super) fn load_descriptor_attr(
        &mut self,
        name: super::heap::Symbol,
        method_bit: bool,
    ) -> Flow<bool> {
        let owner = self.peek(0)?.obj.ok_or_else(null)?;
        let text = self.heap.symbols.text(name).to_owned();
        let value = match (self.heap.value(owner), text.as_str()) {
            (Value::Property { .. }, "setter" | "getter" | "deleter") => {
                let which = match text.as_str() {
                    "setter" => Builtin::PropertySetter,
                    "getter" => Builtin::PropertyGetter,
                    _ => Builtin::PropertyDeleter,
                };
                self.bound_builtin(which, owner)
            }
            (Value::Property { doc, .. }, "__doc__") => doc.unwrap_or(self.singletons.none),
            (
                Value::Property {
                    fget, fset, fdel, ..
                },
                "fget" | "fset" | "fdel",
            ) => {
                let chosen = match text.as_str() {
                    "fget" => *fget,
                    "fset" => *fset,
                    _ => *fdel,
                };
                chosen.unwrap_or(self.singletons.none)
            }
            (Value::StaticMethod(f, _) | Value::ClassMethod(f, _), "__func__") => *f,
            (
                Value::StaticMethod(_, Some(dict)) | Value::ClassMethod(_, Some(dict)),
                "__dict__",
            ) => *dict,
            (
                Value::Type(TypeKind::Object),
                "__setattr__" | "__delattr__" | "__getattribute__" | "__new__" | "__init__",
            ) => {
                let method = match text.as_str() {
                    "__init__" => Builtin::ObjectInitDescriptor,
                    "__setattr__" => Builtin::ObjectSetAttr,
                    "__delattr__" => Builtin::ObjectDelAttr,
                    "__new__" => Builtin::ObjectNew,
                    _ => Builtin::ObjectGetAttribute,
                };
                self.static_builtin(method)
            }
            (Value::Type(TypeKind::Type), "__new__" | "__init__" | "__call__") => {
                let method = match text.as_str() {
                    "__new__" => Builtin::TypeNew,
                    "__init__" => Builtin::TypeInit,
                    _ => Builtin::TypeCall,
                };
                self.static_builtin(method)
            }
            (Value::Member { name, .. } | Value::GetSet { name, .. }, "__name__") => {
                let name = *name;
                self.identifier(name)
            }
            (Value::Member { class, .. } | Value::GetSet { class, .. }, "__objclass__") => *class,

            (Value::Object, "__class__") => self.type_object_id(TypeKind::Object),
            // The rest of `object()`'s and a set's: `builtin_attribute`.
            (Value::Object | Value::Set(_), _) => return Ok(false),
            (Value::Slice { start, .. }, "start") => *start,
            (Value::Slice { stop, .. }, "stop") => *stop,
            (Value::Slice { step, .. }, "step") => *step,
            (Value::Type(kind), "__name__" | "__qualname__") => {
                // A static type's name is a new string each time.
                let kind_name = kind.name();
                self.str_object(kind_name)
            }
            (Value::Property { .. } | Value::StaticMethod(..) | Value::ClassMethod(..), _) => {
                return Err(PyException::new(
                    "AttributeError",
                    format!(
                        "'{}' object has no attribute '{text}'",
                        self.heap.value(owner).type_name()
                    ),
                ));
            }
            _ => return Ok(false),
        };
        let popped = self.pop()?;
        self.push(value)?;
        if method_bit {
            self.push_slot(Slot::NULL)?;
        }
        self.release(popped);
        Ok(true)
    }

    /// LOAD_SUPER_ATTR (global_super, class, self -- attr, self_or_null if (oparg & 1)):
    /// `super().name`, looked up along `type(self).__mro__` after `class`.
    pub(super) fn load_super_attr(&mut self, arg: u32) -> Flow {
        let name = self.name(arg >> 2)?;
        self.load_super_attr_named(name, arg & 1 == 1)
    }

    /// `super(...)` called as a function (where the compiler made no
    /// `LOAD_SUPER_ATTR`): a super object. No arguments: the calling
    /// frame's `__class__` cell and first argument, as `super_init` finds them.
    pub(super) fn make_super(&mut self, args: &[ObjId]) -> Flow<ObjId> {
        let (class, obj) = match *args {
            [] => self.super_arguments_of_frame()?,
            [class, obj] => (class, obj),
            [_] => {
                return Err(self.unsupported("super() with one argument (an unbound super object)"));
            }
            _ => {
                return Err(PyException::type_error(format!(
                    "super() takes at most 2 arguments ({} given)",
                    args.len()
                )));
            }
        };
        if !matches!(self.heap.value(class), Value::Class(_) | Value::Type(_)) {
            return Err(PyException::type_error(format!(
                "super() argument 1 must be a type, not {}",
                self.heap.value(class).type_name()
            )));
        }
        // `supercheck`: an instance of `class`, or a subclass of it.
        let obj_type = if matches!(self.heap.value(obj), Value::Class(_))
            && self.is_subclass(obj, class).unwrap_or(false)
        {
            obj
        } else if self.is_instance(obj, class).unwrap_or(false) {
            self.type_of_object(obj)
        } else {
            return Err(PyException::type_error(format!(
                "super(type, obj): obj ({} {}) is not an instance or subtype of type ({}).",
                if matches!(self.heap.value(obj), Value::Class(_) | Value::Type(_)) {
                    "type"
                } else {
                    "instance of"
                },
                self.instance_type_name(obj),
                self.heap.type_object_name(class)
            )));
        };
        let made = self.heap.alloc(Value::Super {
            class,
            obj,
            obj_type,
        });
        let address = self.heap.get(made).address;
        for (held, name) in [
            (obj, "__self__"),
            (class, "__thisclass__"),
            (obj_type, "__self_class__"),
        ] {
            self.heap.incref(
                held,
                super::heap::Referrer::Attribute {
                    owner: address,
                    name,
                },
            );
        }
        Ok(made)
    }

    /// `super()`'s implicit arguments: the `__class__` cell and the first
    /// argument of the frame that calls it.
    fn super_arguments_of_frame(&self) -> Flow<(ObjId, ObjId)> {
        let frame = self.frames.last().ok_or_else(null)?;
        let runtime = |message: &str| PyException::new("RuntimeError", message);
        if frame.code.code.argcount == 0 || frame.locals.is_empty() {
            return Err(runtime("super(): no arguments"));
        }
        let contents = |slot: Option<ObjId>| match slot.map(|s| self.heap.value(s)) {
            Some(Value::Cell(inner)) => *inner,
            _ => slot,
        };
        let class_name = self.heap.symbols.get("__class__");
        let cell = frame
            .code
            .localsplus
            .iter()
            .position(|&name| Some(name) == class_name)
            .and_then(|index| frame.locals.get(index))
            .map(|slot| slot.obj);
        let class = match cell {
            None => return Err(runtime("super(): __class__ cell not found")),
            Some(slot) => match contents(slot) {
                Some(class) => class,
                None => return Err(runtime("super(): empty __class__ cell")),
            },
        };
        if !matches!(self.heap.value(class), Value::Class(_) | Value::Type(_)) {
            return Err(runtime("super(): __class__ is not a type"));
        }
        let first = frame.locals.first().and_then(|slot| contents(slot.obj));
        match first {
            Some(obj) => Ok((class, obj)),
            None => Err(runtime("super(): arg[0] deleted")),
        }
    }

    /// `LOAD_ATTR` on a super object (owner -- attr, self_or_null if method):
    /// as `LOAD_SUPER_ATTR` with the object's class and object.
    pub(super) fn load_attr_of_super(
        &mut self,
        name: super::heap::Symbol,
        method_bit: bool,
    ) -> Flow {
        let (owner, popped) = self.pop_object()?;
        let Value::Super { class, obj, .. } = *self.heap.value(owner) else {
            self.release(popped);
            return Err(null());
        };
        let super_type = self.type_object_id(TypeKind::Super);
        self.push(super_type)?;
        self.push(class)?;
        self.push(obj)?;
        self.release(popped);
        self.load_super_attr_named(name, method_bit)
    }

    fn load_super_attr_named(&mut self, name: super::heap::Symbol, method_bit: bool) -> Flow {
        let self_slot = self.peek(0)?;
        let class = self.peek(1)?.obj.ok_or_else(null)?;
        let global_super = self.peek(2)?.obj.ok_or_else(null)?;
        let this = self_slot.obj.ok_or_else(null)?;
        if !matches!(self.heap.value(global_super), Value::Type(TypeKind::Super)) {
            return Err(self.unsupported("super calls through a name other than the builtin super"));
        }
        if !matches!(self.heap.value(class), Value::Class(_)) {
            return Err(PyException::type_error(
                "super(type, obj): obj must be an instance or subtype of type",
            ));
        }
        // The MRO searched: of type(self), or of self when it is a class.
        let tagged = self.heap.subclass_of(this).map(|tag| tag.class);
        let (start_type, is_class) = match self.heap.value(this) {
            _ if tagged.is_some() => (tagged.unwrap_or(class), false),
            Value::Instance { class, .. } => (*class, false),
            Value::Exception(exc) if exc.class.is_some() => (exc.class.unwrap_or(class), false),
            // A class: `super(C, cls)` binds to it when it is a subclass of
            // `C`, else (a metaclass's method) to it as an instance.
            Value::Class(c) if c.mro.contains(&class) => (this, true),
            Value::Class(c) if c.metaclass.is_some() => (c.metaclass.unwrap_or(this), false),
            Value::Class(_) => (this, true),
            _ => {
                return Err(PyException::type_error(
                    "super(type, obj): obj must be an instance or subtype of type",
                ));
            }
        };
        let mro = match self.heap.value(start_type) {
            Value::Class(c) => c.mro.clone(),
            _ => Vec::new(),
        };
        let Some(position) = mro.iter().position(|&c| c == class) else {
            return Err(PyException::type_error(
                "super(type, obj): obj must be an instance or subtype of type",
            ));
        };
        let text = self.heap.symbols.text(name).to_owned();
        let key = super::types::dict::HashKey::Str(text.as_str().into());
        let mut found = None;
        let mut exception_init = false;
        let mut builtin_method = None;
        let mut type_slot = None;
        for &klass in &mro[position + 1..] {
            if let Value::Type(TypeKind::Type) = self.heap.value(klass)
                && matches!(text.as_str(), "__new__" | "__init__" | "__call__")
            {
                // `type`'s own slots, for a metaclass's methods.
                type_slot = Some(match text.as_str() {
                    "__new__" => self.static_builtin(Builtin::TypeNew),
                    "__init__" => self.bound_builtin(Builtin::TypeInit, this),
                    _ => self.bound_builtin(Builtin::TypeCall, this),
                });
                break;
            }
            if let Value::Type(kind @ (TypeKind::List | TypeKind::Dict)) = *self.heap.value(klass)
                && !is_class
            {
                // list's or dict's own method, bound to the instance.
                builtin_method = if text == "__init__" {
                    Some(Builtin::BaseInit)
                } else if text == "__repr__" || text == "__str__" {
                    Some(Builtin::BaseRepr)
                } else {
                    super::containers::Method::find(kind, &text).map(Builtin::Method)
                };
                if builtin_method.is_some() {
                    break;
                }
            }
            if let Value::Type(kind) = *self.heap.value(klass)
                && !is_class
                && matches!(
                    kind,
                    TypeKind::Int | TypeKind::Float | TypeKind::Str | TypeKind::Tuple
                )
                && matches!(text.as_str(), "__repr__" | "__str__")
                && let Some((method, defining, _)) =
                    super::wrappers::SlotMethod::lookup(kind, &text)
            {
                // int's, float's, str's or tuple's own `__repr__`/`__str__`
                // (or object's, which they inherit), bound to the instance.
                builtin_method = Some(Builtin::Slot(method, defining));
                break;
            }
            if let Value::Type(kind @ TypeKind::Exc(_)) = *self.heap.value(klass)
                && !is_class
                && matches!(text.as_str(), "__repr__" | "__str__")
                && let Some((method, defining, _)) =
                    super::wrappers::SlotMethod::lookup(kind, &text)
            {
                // `BaseException.__str__`/`__repr__`, bound to the exception.
                builtin_method = Some(Builtin::Slot(method, defining));
                break;
            }
            if let Value::Type(TypeKind::Exc(_)) = self.heap.value(klass)
                && text == "__init__"
            {
                // `BaseException.__init__`, called with the exception as self.
                exception_init = true;
                break;
            }
            if let Value::Class(k) = self.heap.value(klass)
                && let Value::Dict(d) = self.heap.value(k.dict)
                && let Some(entry) = d.get(&key)
            {
                found = Some(entry.value);
                break;
            }
        }
        // What `object` itself has (its slot wrappers), for an instance.
        let object_slot = (found.is_none() && !is_class)
            .then(|| super::wrappers::SlotMethod::lookup(TypeKind::Object, &text))
            .flatten()
            .map(|(method, defining, _)| Builtin::Slot(method, defining));
        let found = match found {
            Some(found) => found,
            None if type_slot.is_some() => type_slot.unwrap_or(this),
            None if builtin_method.is_some() => {
                let method = builtin_method.unwrap_or(Builtin::BaseInit);
                self.bound_builtin(method, this)
            }
            None if exception_init => {
                let init = self.static_builtin(Builtin::ExcInit);
                let self_popped = self.pop()?;
                let class_popped = self.pop()?;
                let super_popped = self.pop()?;
                self.push(init)?;
                if method_bit {
                    self.push_slot(self_popped.slot)?;
                } else {
                    self.release(self_popped);
                    return Err(self.unsupported("super().__init__ of an exception as a value"));
                }
                self.release(class_popped);
                self.release(super_popped);
                return Ok(());
            }
            None if text == "__init__" => {
                // object.__init__: a builtin that takes no arguments here.
                self.static_builtin(Builtin::ObjectInit)
            }
            // object.__init_subclass__: takes nothing, returns None.
            None if text == "__init_subclass__" => {
                self.bound_builtin(Builtin::ObjectInitSubclass, this)
            }
            // object.__new__: a static method.
            None if text == "__new__" => self.static_builtin(Builtin::ObjectNew),
            None if matches!(
                text.as_str(),
                "__setattr__" | "__delattr__" | "__getattribute__"
            ) || object_slot.is_some() =>
            {
                let method = match (text.as_str(), object_slot) {
                    ("__setattr__", _) => Builtin::ObjectSetAttr,
                    ("__delattr__", _) => Builtin::ObjectDelAttr,
                    ("__getattribute__", _) => Builtin::ObjectGetAttribute,
                    // `object.__repr__`, `__eq__`, `__hash__`… (slot wrappers).
                    (_, Some(method)) => method,
                    (_, None) => Builtin::ObjectGetAttribute,
                };
                let self_popped = self.pop()?;
                let class_popped = self.pop()?;
                let super_popped = self.pop()?;
                if method_bit {
                    let function = self.static_builtin(method);
                    self.push(function)?;
                    self.push_slot(self_popped.slot)?;
                } else {
                    let bound = self.bound_builtin(method, this);
                    self.push(bound)?;
                    self.release(self_popped);
                }
                self.release(class_popped);
                self.release(super_popped);
                return Ok(());
            }
            None => {
                return Err(PyException::new(
                    "AttributeError",
                    format!("'super' object has no attribute '{text}'"),
                ));
            }
        };
        use super::classes::AttrFound;
        let bound = if is_class {
            match *self.heap.value(found) {
                Value::ClassMethod(function, _) => AttrFound::Bound(function, this),
                Value::StaticMethod(function, _) => AttrFound::Value(function),
                _ => AttrFound::Value(found),
            }
        } else {
            self.bind_found(found, this, start_type)
        };
        // Everything is known: pop the three inputs, push the result.
        let self_popped = self.pop()?;
        let class_popped = self.pop()?;
        let super_popped = self.pop()?;
        let result = match bound {
            AttrFound::Method(function) if method_bit => {
                self.push(function)?;
                self.push_slot(self_popped.slot)?;
                self.release(class_popped);
                self.release(super_popped);
                return Ok(());
            }
            AttrFound::Method(function) => self.bound_method(function, this),
            AttrFound::Bound(function, to) => self.bound_method(function, to),
            AttrFound::Value(value) | AttrFound::Fresh(value) => value,
            other => match self.attribute_call(this, &text, other) {
                Ok(value) => value,
                Err(error) => {
                    self.unpop(&error, &[super_popped, class_popped, self_popped]);
                    if !Vm::is_pending(&error) {
                        self.release(self_popped);
                        self.release(class_popped);
                        self.release(super_popped);
                    }
                    return Err(error);
                }
            },
        };
        self.push(result)?;
        if method_bit {
            self.push_slot(Slot::NULL)?;
        }
        self.release(self_popped);
        self.release(class_popped);
        self.release(super_popped);
        Ok(())
    }

    /// A new bound method of `function` to `owner`.
    pub(super) fn bound_method(&mut self, function: ObjId, owner: ObjId) -> ObjId {
        let method = self.heap.alloc(Value::Method { function, owner });
        let address = self.heap.get(method).address;
        self.heap.incref(
            function,
            Referrer::Attribute {
                owner: address,
                name: "__func__",
            },
        );
        self.heap.incref(
            owner,
            Referrer::Attribute {
                owner: address,
                name: "__self__",
            },
        );
        method
    }
}

fn null() -> Box<PyException> {
    PyException::new("SystemError", "unexpected NULL on the value stack")
}
