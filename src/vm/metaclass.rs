//! Metaclasses, and class calls that native code finishes.
//!
//! A class statement with `metaclass=` (or whose bases have a metaclass of
//! the program's) and a call of a class whose making runs Python code
//! other than one `__init__` (`__new__`, a metaclass's `__call__`, a
//! metaclass itself) run as one instruction that calls Python code through
//! [`Vm::call_python`]: each function runs as frames, one step per
//! instruction, and the instruction replays with their results (see
//! `special.rs`). What native code makes on the way (the bases tuple, the
//! namespace, the instance, the class) is logged on the first run and read
//! back by the replays, so each is made once, as CPython's C locals hold it.

use super::builtins::Builtin;
use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::types::TypeKind;
use super::types::dict::{Dict, HashKey};
use super::{Flow, Vm};

/// `_PyType_CalculateMetaclass`'s message.
const CONFLICT: &str = "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases";

impl Vm {
    /// A class made by the program whose instances are classes (`type` in its MRO).
    pub(super) fn is_metaclass(&self, class: ObjId) -> bool {
        let type_object = self.type_object_id(TypeKind::Type);
        matches!(self.heap.value(class), Value::Class(c) if c.mro.contains(&type_object))
    }

    /// `type(cls)` of a class when it is a metaclass the program made.
    pub(super) fn metaclass_of(&self, class: ObjId) -> Option<ObjId> {
        match self.heap.value(class) {
            Value::Class(c) => c.metaclass,
            _ => None,
        }
    }

    /// The special method `name` a class's metaclass defines in Python
    /// (`None` for any other object).
    pub(super) fn meta_hook(&self, obj: ObjId, name: &str) -> Option<ObjId> {
        let metaclass = self.metaclass_of(obj)?;
        self.user_hook(metaclass, name)
    }

    /// `PyObject_IsInstance`: an exact type match, else the metaclass's
    /// `__instancecheck__` when the class has one, else the usual test.
    pub(super) fn isinstance_checked(
        &mut self,
        obj: ObjId,
        classinfo: ObjId,
        depth: usize,
    ) -> Flow<bool> {
        self.checked_by_hook(obj, classinfo, depth, true)
    }

    /// `PyObject_IsSubclass`: the metaclass's `__subclasscheck__` when the
    /// class has one, else the usual test.
    pub(super) fn issubclass_checked(
        &mut self,
        cls: ObjId,
        classinfo: ObjId,
        depth: usize,
    ) -> Flow<bool> {
        self.checked_by_hook(cls, classinfo, depth, false)
    }

    /// `isinstance` (`instance`) or `issubclass` of `subject`: a tuple item
    /// by item when one of its classes has the hook, else the hook of
    /// `classinfo`'s metaclass, else the usual test.
    fn checked_by_hook(
        &mut self,
        subject: ObjId,
        classinfo: ObjId,
        depth: usize,
        instance: bool,
    ) -> Flow<bool> {
        let hook = if instance {
            "__instancecheck__"
        } else {
            "__subclasscheck__"
        };
        if let Value::Tuple(items) = self.heap.value(classinfo)
            && depth < 64
            && self.has_check_hook(classinfo, hook, depth)
        {
            let items: Vec<ObjId> = items.iter().copied().collect();
            for item in items {
                if self.checked_by_hook(subject, item, depth + 1, instance)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        // (An exact type match never asks `__instancecheck__`.)
        if let Some(check) = self.meta_hook(classinfo, hook)
            && !(instance && self.type_of_object(subject) == classinfo)
        {
            let answer = self.call_python(check, &[classinfo, subject])?;
            return self.truthy(answer);
        }
        if instance {
            self.is_instance(subject, classinfo)
        } else {
            self.is_subclass(subject, classinfo)
        }
    }

    /// Whether `classinfo` (or a class in it, nested at most 64 deep)
    /// has the metaclass hook `name`.
    fn has_check_hook(&self, classinfo: ObjId, name: &str, depth: usize) -> bool {
        match self.heap.value(classinfo) {
            Value::Tuple(items) => {
                depth < 64
                    && items
                        .iter()
                        .any(|&i| self.has_check_hook(i, name, depth + 1))
            }
            _ => self.meta_hook(classinfo, name).is_some(),
        }
    }

    /// `issubclass(a, b)` for classes and built-in types.
    fn subtype_of(&self, a: ObjId, b: ObjId) -> bool {
        if a == b {
            return true;
        }
        match (self.heap.value(a), self.heap.value(b)) {
            (Value::Class(c), _) => c.mro.contains(&b),
            (Value::Type(x), Value::Type(y)) => x.is_subtype(*y),
            _ => false,
        }
    }

    /// `_PyType_CalculateMetaclass`: of `metatype` and the bases' types,
    /// the one that is a subclass of all the others.
    pub(super) fn calculate_metaclass(&self, metatype: ObjId, bases: &[ObjId]) -> Flow<ObjId> {
        let mut winner = metatype;
        for &base in bases {
            let candidate = self.type_of_object(base);
            if self.subtype_of(winner, candidate) {
                continue;
            }
            if self.subtype_of(candidate, winner) {
                winner = candidate;
                continue;
            }
            return Err(PyException::type_error(CONFLICT));
        }
        Ok(winner)
    }

    /// CALL / CALL_KW on `__build_class__` or a class whose call runs more
    /// Python code than one `__init__` (see the module comment); `None`
    /// for any other call. (callable, self_or_null, args, [kwnames] -- res)
    pub(super) fn call_through_metaclass(
        &mut self,
        argc: usize,
        kwnames: &[String],
        extra: usize,
    ) -> Option<Flow> {
        let frame = self.frames.last()?;
        let base = frame.stack.len().checked_sub(argc + 2 + extra)?;
        let callable = frame.stack[base].obj?;
        match self.heap.value(callable) {
            Value::Builtin(Builtin::BuildClass) => {
                let positional = argc.checked_sub(kwnames.len())?;
                let explicit = kwnames.iter().any(|k| k == "metaclass");
                let inherited = frame
                    .stack
                    .get(base + 4..base + 2 + positional)
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(|slot| slot.obj)
                    .any(|b| self.metaclass_of(b).is_some());
                if !explicit && !inherited {
                    return None;
                }
                Some(self.call_in_place(argc, extra, |vm, args| {
                    vm.build_class_with_metaclass(args, kwnames)
                }))
            }
            _ if self.routed_through_metaclass(callable) => {
                Some(self.call_in_place(argc, extra, |vm, args| {
                    vm.metaclass_call(args[0], &args[1..], kwnames)
                }))
            }
            Value::Class(_) => {
                if !self.takes_generic_path(callable, !kwnames.is_empty()) {
                    return None;
                }
                Some(self.call_in_place(argc, extra, |vm, args| {
                    vm.call_class_object(args[0], &args[1..], kwnames)
                }))
            }
            _ => None,
        }
    }

    /// Whether this run of a `CALL` (`CALL_KW` with `keywords`) on a plain
    /// class with a Python `__init__` goes CPython's generic way (see
    /// `call_sites.rs`); the other calls of classes differ in no count.
    fn takes_generic_path(&mut self, class: ObjId, keywords: bool) -> bool {
        if !self.plain_class_with_init(class) {
            // (The site still learns of the call.)
            if !keywords && !self.replaying_instruction() {
                self.class_call_is_generic(class);
            }
            return false;
        }
        if keywords {
            return true;
        }
        // A replay of the instruction: its first run took the generic path
        // (the specialized one pushes `__init__` and never replays).
        if self.replaying_instruction() {
            return true;
        }
        self.class_call_is_generic(class)
    }

    /// Whether calling `callable` goes through [`Vm::metaclass_call`].
    fn routed_through_metaclass(&self, callable: ObjId) -> bool {
        match self.heap.value(callable) {
            Value::Builtin(Builtin::TypeNew | Builtin::TypeInit | Builtin::TypeCall)
            | Value::BoundMethod {
                method: Builtin::TypeNew | Builtin::TypeInit | Builtin::TypeCall,
                ..
            } => true,
            Value::Class(_) => {
                self.metaclass_of(callable).is_some()
                    || self.is_metaclass(callable)
                    || self.class_lookup(callable, "__new__").is_some()
            }
            _ => false,
        }
    }

    /// A call of a class with a metaclass, of a metaclass, or of `type`'s
    /// slots: `args` (self first, when there is one) with the last
    /// `kwnames.len()` by keyword.
    fn metaclass_call(
        &mut self,
        callable: ObjId,
        args: &[ObjId],
        kwnames: &[String],
    ) -> Flow<ObjId> {
        if matches!(self.heap.value(callable), Value::Class(_)) {
            return self.call_class_object(callable, args, kwnames);
        }
        let positional = args.len() - kwnames.len().min(args.len());
        let keywords: Vec<(&str, ObjId)> = kwnames
            .iter()
            .map(String::as_str)
            .zip(args[positional..].iter().copied())
            .collect();
        self.call_type_slot(callable, &args[..positional], &keywords)
            .unwrap_or_else(|| Err(null()))
    }

    /// CALL_FUNCTION_EX (func, null, callargs, kwargs -- result) when the
    /// call goes through [`Vm::metaclass_call`] (`super().__call__(*args,
    /// **kwargs)` in a metaclass): the operands stay until the result is
    /// known. `None` for other calls.
    pub(super) fn call_ex_through_metaclass(&mut self) -> Option<Flow> {
        let callable = self.call_ex_callable()?;
        if !self.routed_through_metaclass(callable)
            && !self.plain_class_with_init(callable)
            && !self.bound_python_method(callable)
        {
            return None;
        }
        let (args, names) = self.call_ex_arguments()?;
        Some(self.calling(|vm| {
            // `PyObject_Call` with the tuple and dict themselves.
            let result = match vm.heap.value(callable) {
                Value::Class(_) => vm.type_call(callable, &args, &names),
                // `method_vectorcall`: the bound method stays on the stack;
                // with keywords the arguments are copied into a new vector
                // (`_PyStack_UnpackDict`), each held while the method runs.
                Value::Method { .. } if names.is_empty() => vm.call_python(callable, &args),
                Value::Method { .. } => vm.call_python_kw_pinned(callable, &args, &names, &args),
                _ => vm.metaclass_call(callable, &args, &names),
            };
            if let Err(error) = &result
                && Vm::is_pending(error)
            {
                return result.map(|_| ());
            }
            let kwargs = vm.pop()?;
            let callargs = vm.pop()?;
            let null_slot = vm.pop()?;
            let callable_popped = vm.pop()?;
            let outcome = match result {
                Ok(value) => vm.push(value),
                Err(error) => Err(error),
            };
            vm.release(kwargs);
            vm.release(callargs);
            vm.release(null_slot);
            vm.release(callable_popped);
            outcome
        }))
    }

    /// A class of `type` with a Python `__init__`, made by `object.__new__`.
    pub(super) fn plain_class_with_init(&self, callable: ObjId) -> bool {
        matches!(self.heap.value(callable), Value::Class(_))
            && self.builtin_base(callable).is_none()
            && self.class_exception_kind(callable).is_none()
            && self.user_hook(callable, "__init__").is_some()
    }

    /// A method bound to an object whose function is plain Python code (not
    /// a generator's).
    fn bound_python_method(&self, callable: ObjId) -> bool {
        let Value::Method { function, .. } = self.heap.value(callable) else {
            return false;
        };
        matches!(self.heap.value(*function), Value::Function(_))
            && !self.is_generator_function(*function)
    }

    /// A Python function whose call makes a generator (or coroutine).
    fn is_generator_function(&self, function: ObjId) -> bool {
        use crate::compile::flags;
        match self.heap.value(function) {
            Value::Function(f) => f.info.code.flags & (flags::GENERATOR | flags::COROUTINE) != 0,
            _ => false,
        }
    }

    /// A call whose callable and arguments stay on the stack until `run`
    /// (given the callable and the arguments, self first when there is
    /// one) has its result: then they are popped and the result pushed.
    fn call_in_place(
        &mut self,
        argc: usize,
        extra: usize,
        run: impl FnOnce(&mut Vm, &[ObjId]) -> Flow<ObjId>,
    ) -> Flow {
        let frame = self.top_frame()?;
        let base = frame
            .stack
            .len()
            .checked_sub(argc + 2 + extra)
            .ok_or_else(null)?;
        let callable = frame.stack[base].obj.ok_or_else(null)?;
        let mut args = vec![callable];
        args.extend(frame.stack[base + 1].obj);
        args.extend(
            frame.stack[base + 2..base + 2 + argc]
                .iter()
                .filter_map(|s| s.obj),
        );
        self.calling(|vm| {
            let result = run(vm, &args);
            if let Err(error) = &result
                && Vm::is_pending(error)
            {
                return result.map(|_| ());
            }
            for _ in 0..extra {
                let names = vm.pop()?;
                vm.release(names);
            }
            let popped = vm.pop_many(argc)?;
            let self_or_null = vm.pop()?;
            let callable_popped = vm.pop()?;
            let outcome = match result {
                Ok(value) => vm.push(value),
                Err(error) => Err(error),
            };
            vm.release(self_or_null);
            for arg in popped {
                vm.release(arg);
            }
            vm.release(callable_popped);
            outcome
        })
    }

    /// A new object made by native code inside an instruction that calls
    /// Python code: made on the first run and logged (held until the
    /// instruction ends), read back by the replays.
    fn made_once(&mut self, make: impl FnOnce(&mut Vm) -> Flow<ObjId>) -> Flow<ObjId> {
        let mut failure = None;
        let made = self.log_objects(|vm| match make(vm) {
            Ok(obj) => vec![obj],
            Err(error) => {
                failure = Some(error);
                Vec::new()
            }
        })?;
        if let Some(error) = failure {
            return Err(error);
        }
        made.first()
            .copied()
            .ok_or_else(super::special::replay_mismatch)
    }

    /// `__build_class__(func, name, *bases, metaclass=..., **kwds)` with a
    /// metaclass: `__prepare__`, the body as a frame with the namespace as
    /// its locals, then `metaclass(name, bases, ns, **kwds)`. `args`: the
    /// callable, then the arguments (the last `kwnames.len()` by keyword).
    fn build_class_with_metaclass(&mut self, args: &[ObjId], kwnames: &[String]) -> Flow<ObjId> {
        let args = &args[1..];
        let positional = args.len() - kwnames.len().min(args.len());
        if positional < 2 {
            return Err(PyException::type_error(
                "__build_class__: not enough arguments",
            ));
        }
        let (function, name) = (args[0], args[1]);
        if !matches!(self.heap.value(function), Value::Function(_)) {
            return Err(PyException::type_error(
                "__build_class__: func must be a function",
            ));
        }
        if !matches!(self.heap.value(name), Value::Str(_)) {
            return Err(PyException::type_error(
                "__build_class__: name is not a string",
            ));
        }
        let base_list = args[2..positional].to_vec();
        for &base in &base_list {
            self.check_base(base)?;
        }
        let mut explicit = None;
        let mut names = Vec::new();
        let mut values = Vec::new();
        for (keyword, &value) in kwnames.iter().zip(&args[positional..]) {
            if keyword == "metaclass" {
                explicit = Some(value);
            } else {
                names.push(keyword.clone());
                values.push(value);
            }
        }
        let type_object = self.type_object_id(TypeKind::Type);
        let is_class =
            |vm: &Vm, m: ObjId| matches!(vm.heap.value(m), Value::Type(_) | Value::Class(_));
        let metaclass = match explicit {
            None => self.calculate_metaclass(type_object, &base_list)?,
            Some(m) if is_class(self, m) => self.calculate_metaclass(m, &base_list)?,
            Some(m) => m,
        };
        let class_like = is_class(self, metaclass);
        // `__build_class__`'s own references: `meta`, and `mkw` (the
        // keywords without `metaclass`) when there were keywords.
        self.made_once(|_| Ok(metaclass))?;
        if !kwnames.is_empty() {
            self.keyword_dict(&names, &values)?;
        }
        if !class_like && !matches!(self.heap.value(metaclass), Value::Function(_)) {
            return Err(self.unsupported("a metaclass that is neither a class nor a function"));
        }
        if let Value::Type(kind) = self.heap.value(metaclass)
            && *kind != TypeKind::Type
        {
            return Err(self.unsupported(&format!("metaclass={}", kind.name())));
        }
        let bases = self.made_once(|vm| Ok(vm.tuple_object(base_list.clone(), false)))?;
        // `__prepare__`: the metaclass's own, else `type.__prepare__`'s new dict.
        let prepare = self.class_lookup(metaclass, "__prepare__");
        let mut prepare_args = vec![name, bases];
        prepare_args.extend(values.iter().copied());
        let namespace = match prepare.map(|p| (p, self.heap.value(p).clone())) {
            Some((_, Value::ClassMethod(f, _))) => {
                // The bound method holds the metaclass; keywords are
                // unpacked into a new vector.
                let mut with_class = vec![metaclass];
                with_class.extend(prepare_args.iter().copied());
                let mut pins = vec![metaclass];
                if !names.is_empty() {
                    pins.extend(prepare_args.iter().copied());
                }
                self.call_python_kw_pinned(f, &with_class, &names, &pins)?
            }
            Some((_, Value::StaticMethod(f, _))) => self.call_slot(f, &prepare_args, &names)?,
            Some((f, Value::Function(_))) => self.call_slot(f, &prepare_args, &names)?,
            Some(_) => return Err(self.unsupported("a __prepare__ that is not a Python function")),
            None => self.made_once(|vm| Ok(vm.heap.alloc(Value::Dict(Box::new(Dict::new())))))?,
        };
        match self.heap.value(namespace) {
            Value::Dict(_) if self.heap.subclass_of(namespace).is_none() => {}
            Value::Dict(_) | Value::Instance { .. } => {
                return Err(self.unsupported("a __prepare__ that returns other than a dict"));
            }
            other => {
                let shown = match self.heap.value(metaclass) {
                    Value::Class(c) if class_like => c.name.to_string(),
                    Value::Type(kind) if class_like => kind.name().to_string(),
                    _ => "<metaclass>".to_string(),
                };
                return Err(PyException::type_error(format!(
                    "{shown}.__prepare__() must return a mapping, not {}",
                    other.type_name()
                )));
            }
        }
        // The body, a frame with the namespace as its locals.
        self.set_next_locals(namespace);
        let _cell = self.call_python(function, &[])?;
        let mut call_args = vec![name, bases, namespace];
        call_args.extend(values.iter().copied());
        match self.heap.value(metaclass) {
            Value::Class(_) => {
                // `_PyObject_MakeTpCall`: a tuple of the arguments, `mkw` as the dict.
                let items = call_args[..3].to_vec();
                self.made_once(|vm| Ok(vm.tuple_object(items, false)))?;
                self.type_call(metaclass, &call_args, &names)
            }
            Value::Type(TypeKind::Type) => self.type_call_of_type(&call_args, &names),
            _ => self.call_python_kw(metaclass, &call_args, &names),
        }
    }

    /// A base a class statement may name.
    fn check_base(&self, base: ObjId) -> Flow {
        match self.heap.value(base) {
            Value::Class(_) => Ok(()),
            Value::Type(kind)
                if !kind.spec().basetype
                    || kind.spec().subclassable
                    || matches!(kind, TypeKind::Type | TypeKind::Object) =>
            {
                Ok(())
            }
            Value::Type(_) => {
                let shown = self.heap.repr(base);
                Err(self.unsupported(&format!("subclassing {shown}")))
            }
            _ => Err(self.unsupported("a base that is not a class (__mro_entries__)")),
        }
    }

    /// A class called as `_PyObject_MakeTpCall` calls it: the positional
    /// arguments in a new tuple, the keywords in a new dict, both held while
    /// the call runs; then `tp_call`.
    pub(super) fn call_class_object(
        &mut self,
        class: ObjId,
        args: &[ObjId],
        kwnames: &[String],
    ) -> Flow<ObjId> {
        let positional = args.len() - kwnames.len().min(args.len());
        let items = args[..positional].to_vec();
        self.made_once(|vm| Ok(vm.tuple_object(items, false)))?;
        if !kwnames.is_empty() {
            self.keyword_dict(kwnames, &args[positional..])?;
        }
        self.type_call(class, args, kwnames)
    }

    /// A new dict of keyword arguments (made once, held until the
    /// instruction ends).
    fn keyword_dict(&mut self, kwnames: &[String], values: &[ObjId]) -> Flow<ObjId> {
        self.made_once(|vm| {
            let dict = vm.heap.alloc(Value::Dict(Box::new(Dict::new())));
            for (name, &value) in kwnames.iter().zip(values) {
                let key = vm.identifier(name);
                if let Err(error) = vm.dict_set(dict, key, value) {
                    vm.heap.discard(dict);
                    return Err(error);
                }
            }
            Ok(dict)
        })
    }

    /// A slot (`slot_tp_new`, `slot_tp_init`, `slot_tp_call`) calling its
    /// Python method through `_PyObject_Call_Prepend`: with keywords, the
    /// arguments are copied into a new vector (`_PyStack_UnpackDict`),
    /// each held while the method runs.
    /// The slot holds the method it looked up (`lookup_method`,
    /// `PyObject_GetAttr`) until the call returns.
    fn call_slot(&mut self, function: ObjId, args: &[ObjId], kwnames: &[String]) -> Flow<ObjId> {
        // (A generator function returns at once: nothing to hold.)
        let held: &[ObjId] = if self.is_generator_function(function) {
            &[]
        } else {
            &[function]
        };
        if kwnames.is_empty() {
            return self.call_python_kw_pinned(function, args, kwnames, held);
        }
        let mut pins = Vec::with_capacity(args.len() + 1);
        pins.extend_from_slice(held);
        pins.extend_from_slice(args);
        self.call_python_kw_pinned(function, args, kwnames, &pins)
    }

    /// `type.__call__(cls, *args, **kwds)` as `type_call` does it, with a
    /// metaclass's Python `__call__` first: the object (borrowed, held
    /// until the instruction ends).
    pub(super) fn type_call(
        &mut self,
        class: ObjId,
        args: &[ObjId],
        kwnames: &[String],
    ) -> Flow<ObjId> {
        if let Some(metaclass) = self.metaclass_of(class)
            && let Some(call) = self.user_hook(metaclass, "__call__")
        {
            let mut with_class = vec![class];
            with_class.extend_from_slice(args);
            return self.call_slot(call, &with_class, kwnames);
        }
        self.type_call_default(class, args, kwnames)
    }

    /// `type_call`: `__new__`, then `__init__` when `__new__` made an
    /// instance of the class.
    pub(super) fn type_call_default(
        &mut self,
        class: ObjId,
        args: &[ObjId],
        kwnames: &[String],
    ) -> Flow<ObjId> {
        if matches!(self.heap.value(class), Value::Type(TypeKind::Type)) {
            return self.type_call_of_type(args, kwnames);
        }
        if !matches!(self.heap.value(class), Value::Class(_)) {
            return Err(self.unsupported("type.__call__ of a built-in type"));
        }
        let new = self.class_lookup(class, "__new__");
        let own_new = new.is_some();
        let obj = match new.map(|n| self.heap.value(n).clone()) {
            Some(Value::StaticMethod(f, _)) => {
                let mut with_class = vec![class];
                with_class.extend_from_slice(args);
                self.call_slot(f, &with_class, kwnames)?
            }
            Some(_) => return Err(self.unsupported("a __new__ that is not a Python function")),
            None if self.is_metaclass(class) => self.type_new_full(class, args, kwnames)?,
            None => self.native_new(class, args, kwnames)?,
        };
        if !self.is_instance_of_class(obj, class) {
            return Ok(obj);
        }
        match self.user_hook(class, "__init__") {
            Some(init) => {
                let mut with_self = vec![obj];
                with_self.extend_from_slice(args);
                let returned = self.call_slot(init, &with_self, kwnames)?;
                if returned != self.singletons.none {
                    return Err(PyException::type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.heap.value(returned).type_name()
                    )));
                }
            }
            None => self.native_init(class, obj, args, kwnames, own_new)?,
        }
        Ok(obj)
    }

    /// `type(...)` called: `type(obj)`, or a new class whose metaclass's
    /// Python `__init__` (if any) runs after it is made.
    fn type_call_of_type(&mut self, args: &[ObjId], kwnames: &[String]) -> Flow<ObjId> {
        if args.len() == 1 && kwnames.is_empty() {
            return Ok(self.type_of_object(args[0]));
        }
        let positional = args.len() - kwnames.len().min(args.len());
        if positional != 3 {
            return Err(PyException::type_error("type() takes 1 or 3 arguments"));
        }
        let type_object = self.type_object_id(TypeKind::Type);
        let class = self.type_new_full(type_object, args, kwnames)?;
        if let Some(metaclass) = self.metaclass_of(class)
            && let Some(init) = self.user_hook(metaclass, "__init__")
        {
            let mut with_self = vec![class];
            with_self.extend_from_slice(args);
            let returned = self.call_python_kw(init, &with_self, kwnames)?;
            if returned != self.singletons.none {
                return Err(PyException::type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.heap.value(returned).type_name()
                )));
            }
        }
        Ok(class)
    }

    /// `object.__new__` and the built-in bases' `__new__` for a call of
    /// `class` (made once, see [`Vm::made_once`]).
    fn native_new(&mut self, class: ObjId, args: &[ObjId], kwnames: &[String]) -> Flow<ObjId> {
        let positional = args.len() - kwnames.len().min(args.len());
        let (type_name, qualname) = match self.heap.value(class) {
            Value::Class(c) => (c.name, c.qualname.to_string()),
            _ => return Err(null()),
        };
        let exception = self.class_exception_kind(class);
        let builtin = self.builtin_base(class);
        let has_init = self.user_hook(class, "__init__").is_some();
        let positional_args = args[..positional].to_vec();
        self.made_once(|vm| match (exception, builtin) {
            (Some(_), _) if !kwnames.is_empty() => {
                Err(vm.unsupported("keyword arguments to an exception class"))
            }
            (Some(kind), _) => Ok(vm.exception_instance(class, kind, positional_args)),
            (None, Some(kind)) if immutable(kind) => {
                let keywords: Vec<(&str, ObjId)> = kwnames
                    .iter()
                    .map(String::as_str)
                    .zip(args[positional..].iter().copied())
                    .collect();
                vm.immutable_instance_with(class, kind, &positional_args, &keywords)
            }
            (None, Some(kind)) => Ok(vm.builtin_instance_of(class, kind)),
            (None, None) if !args.is_empty() && !has_init => Err(PyException::type_error(format!(
                "{qualname}() takes no arguments"
            ))),
            (None, None) => Ok(vm.plain_instance(class, type_name)),
        })
    }

    /// `__init__` of a class that has no Python one: `type.__init__`'s
    /// checks, `list.__init__` / `dict.__init__` (run once), else nothing.
    fn native_init(
        &mut self,
        class: ObjId,
        obj: ObjId,
        args: &[ObjId],
        kwnames: &[String],
        own_new: bool,
    ) -> Flow {
        let positional = args.len() - kwnames.len().min(args.len());
        if self.is_metaclass(class) {
            if positional == 1 && !kwnames.is_empty() {
                return Err(PyException::type_error(
                    "type.__init__() takes no keyword arguments",
                ));
            }
            if positional != 1 && positional != 3 {
                return Err(PyException::type_error(
                    "type.__init__() takes 1 or 3 arguments",
                ));
            }
            return Ok(());
        }
        let _ = own_new;
        let Some(kind) = self.builtin_base(class).filter(|&k| !immutable(k)) else {
            return Ok(());
        };
        let mut failure = None;
        self.log_data(|vm| {
            if let Err(error) =
                vm.builtin_init(kind, obj, &args[..positional], kwnames, &args[positional..])
            {
                failure = Some(error);
            }
            0
        })?;
        match failure {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// `type.__new__(metatype, name, bases, ns, **kwds)`: the class (made
    /// once), then its values' `__set_name__` and its base's
    /// `__init_subclass__(**kwds)` as frames.
    pub(super) fn type_new_full(
        &mut self,
        metatype: ObjId,
        args: &[ObjId],
        kwnames: &[String],
    ) -> Flow<ObjId> {
        let positional = args.len() - kwnames.len().min(args.len());
        let &[name, bases, namespace] = &args[..positional] else {
            return Err(PyException::type_error(format!(
                "type.__new__() takes exactly 3 arguments ({positional} given)"
            )));
        };
        let class = self.made_once(|vm| vm.type_new_with(metatype, name, bases, namespace))?;
        self.creation_hooks(class, kwnames, &args[positional..])?;
        Ok(class)
    }

    /// The class `type.__new__` makes, before its hooks run.
    fn type_new_with(
        &mut self,
        metatype: ObjId,
        name: ObjId,
        bases: ObjId,
        namespace: ObjId,
    ) -> Flow<ObjId> {
        let base_items = self.type_new_arguments(name, bases, namespace)?;
        for &base in &base_items {
            match self.heap.value(base) {
                Value::Class(_) | Value::Type(_) => self.check_base(base)?,
                _ => return Err(PyException::type_error(CONFLICT)),
            }
        }
        let winner = self.calculate_metaclass(metatype, &base_items)?;
        if winner != metatype && self.class_lookup(winner, "__new__").is_some() {
            return Err(self.unsupported("type.__new__ passing the class to another metaclass"));
        }
        let metaclass = match self.heap.value(winner) {
            Value::Class(_) => Some(winner),
            _ => None,
        };
        self.type_new_from(name, bases, namespace, metaclass)
    }

    /// Each `__set_name__` of the new class's values, then the first
    /// `__init_subclass__` along its MRO after it, with the keywords.
    fn creation_hooks(&mut self, class: ObjId, kwnames: &[String], kwvalues: &[ObjId]) -> Flow {
        let (dict, mro, name) = match self.heap.value(class) {
            Value::Class(c) => (c.dict, c.mro.clone(), c.name),
            _ => return Err(null()),
        };
        let entries: Vec<(ObjId, ObjId)> = match self.heap.value(dict) {
            Value::Dict(d) => d.entries().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        };
        for (key, value) in entries {
            if let Some(hook) = self.special_method(value, "__set_name__") {
                self.call_python(hook, &[value, class, key])?;
            }
        }
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
        match found.map(|f| self.heap.value(f).clone()) {
            Some(Value::ClassMethod(function, _)) => {
                let mut with_class = vec![class];
                with_class.extend_from_slice(kwvalues);
                self.call_python_kw(function, &with_class, kwnames)?;
                Ok(())
            }
            Some(_) => Err(self.unsupported("an __init_subclass__ that is not a Python function")),
            None if !kwnames.is_empty() => Err(PyException::type_error(format!(
                "{name}.__init_subclass__() takes no keyword arguments"
            ))),
            None => Ok(()),
        }
    }

    /// `type.__new__`, `type.__init__` and `type.__call__` called as
    /// builtins (`super().__new__(mcs, name, bases, ns)`); `type(...)`
    /// itself inside an instruction that may call Python code. `None` for
    /// other callables.
    pub(super) fn call_type_slot(
        &mut self,
        callable: ObjId,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
    ) -> Option<Flow<ObjId>> {
        let (which, owner) = match *self.heap.value(callable) {
            Value::Builtin(which @ (Builtin::TypeNew | Builtin::TypeInit | Builtin::TypeCall)) => {
                (which, None)
            }
            Value::BoundMethod {
                method: which @ (Builtin::TypeInit | Builtin::TypeCall),
                owner,
            } => (which, Some(owner)),
            Value::Type(TypeKind::Type)
                if args.len() == 1
                    && keywords.is_empty()
                    && self.metaclass_of(args[0]).is_some() =>
            {
                return Some(Ok(self.type_of_object(args[0])));
            }
            Value::Type(TypeKind::Type) if self.in_calling() && args.len() == 3 => {
                let (names, mut all) = split_keywords(args, keywords);
                let _ = &mut all;
                return Some(self.type_call_of_type(&all, &names));
            }
            _ => return None,
        };
        let (names, mut all) = split_keywords(args, keywords);
        if let Some(owner) = owner {
            all.insert(0, owner);
        }
        let Some((&first, rest)) = all.split_first() else {
            return Some(Err(PyException::type_error(format!(
                "type.{}(): not enough arguments",
                which.name()
            ))));
        };
        let rest = rest.to_vec();
        let is_type = matches!(self.heap.value(first), Value::Type(TypeKind::Type))
            || self.is_metaclass(first);
        let a_type = match self.heap.value(first) {
            Value::Class(c) => Some(c.name.to_string()),
            Value::Type(kind) | Value::Builtin(Builtin::Type(kind)) => {
                Some(kind.name().to_string())
            }
            _ => None,
        };
        Some(match which {
            Builtin::TypeNew if a_type.is_none() => Err(PyException::type_error(format!(
                "type.__new__(X): X is not a type object ({})",
                self.heap.value(first).type_name()
            ))),
            Builtin::TypeNew if !is_type => {
                let shown = a_type.unwrap_or_default();
                Err(PyException::type_error(format!(
                    "type.__new__({shown}): {shown} is not a subtype of type"
                )))
            }
            Builtin::TypeNew => {
                if !self.in_calling() {
                    return Some(Err(
                        self.unsupported("calling Python code from this instruction")
                    ));
                }
                // `cfunction_call`'s tuple of the arguments, then
                // `tp_new_wrapper`'s slice of it without the type.
                let positional = all.len() - names.len();
                let whole = all[..positional].to_vec();
                let sliced = rest[..positional.saturating_sub(1).min(rest.len())].to_vec();
                let tuples = self
                    .made_once(|vm| Ok(vm.tuple_object(whole, false)))
                    .and_then(|_| self.made_once(|vm| Ok(vm.tuple_object(sliced, false))));
                match tuples {
                    Ok(_) => self.type_new_full(first, &rest, &names),
                    Err(error) => Err(error),
                }
            }
            Builtin::TypeInit => {
                let positional = rest.len() - names.len();
                if positional == 1 && !names.is_empty() {
                    Err(PyException::type_error(
                        "type.__init__() takes no keyword arguments",
                    ))
                } else if positional != 1 && positional != 3 {
                    Err(PyException::type_error(
                        "type.__init__() takes 1 or 3 arguments",
                    ))
                } else {
                    Ok(self.singletons.none)
                }
            }
            _ => {
                if !self.in_calling() {
                    return Some(Err(
                        self.unsupported("calling Python code from this instruction")
                    ));
                }
                match self.heap.value(first) {
                    Value::Class(_) => self.type_call_default(first, &rest, &names),
                    _ => Err(self.unsupported("type.__call__ of a built-in type")),
                }
            }
        })
    }
}

/// Positional arguments then keyword values, with the keywords' names.
fn split_keywords(args: &[ObjId], keywords: &[(&str, ObjId)]) -> (Vec<String>, Vec<ObjId>) {
    let mut all = args.to_vec();
    let mut names = Vec::new();
    for &(name, value) in keywords {
        names.push(name.to_owned());
        all.push(value);
    }
    (names, all)
}

fn immutable(kind: TypeKind) -> bool {
    matches!(
        kind,
        TypeKind::Int | TypeKind::Float | TypeKind::Str | TypeKind::Tuple
    )
}

fn null() -> Box<PyException> {
    PyException::new("SystemError", "NULL where an object was expected")
}
