//! Builtins that look at objects and names, and the others of the
//! builtins module that need more than one line: `getattr`, `setattr`,
//! `hasattr`, `delattr`, `locals`, `vars`, `dir`, `issubclass`, `format`,
//! `ascii`, `hash`, `round`, `pow` and `input`.

use super::Vm;
use super::builtins::Builtin;
use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::types::TypeKind;
use super::types::dict::Dict;

type Call = Result<ObjId, Box<PyException>>;

fn arguments(
    builtin: Builtin,
    args: &[ObjId],
    least: usize,
    most: usize,
) -> Result<(), Box<PyException>> {
    if (least..=most).contains(&args.len()) {
        return Ok(());
    }
    let name = builtin.name();
    Err(PyException::type_error(if least == most {
        format!(
            "{name}() takes exactly {least} argument{} ({} given)",
            if least == 1 { "" } else { "s" },
            args.len()
        )
    } else if args.len() < least {
        format!(
            "{name} expected at least {least} argument{}, got {}",
            if least == 1 { "" } else { "s" },
            args.len()
        )
    } else {
        format!(
            "{name} expected at most {most} argument{}, got {}",
            if most == 1 { "" } else { "s" },
            args.len()
        )
    }))
}

impl Vm {
    /// Text the program writes (as `print` does), recorded for the step.
    pub(super) fn write_output(&mut self, text: &str) {
        self.output.push_str(text);
        let text = text.to_owned();
        self.heap
            .recorder
            .record(|| super::report::Event::Output { text });
    }

    /// The next line of the program's input, or `None` at its end.
    fn read_input_line(&mut self) -> Option<String> {
        self.input.next_line(|| self.output.drain())
    }

    /// Whether an error is an `AttributeError` (`hasattr`, `getattr` with a
    /// default, class patterns).
    pub(super) fn is_attribute_error(&self, error: &PyException) -> bool {
        match error.object {
            Some(object) => self.heap.value(object).type_name() == "AttributeError",
            None => error.kind == "AttributeError",
        }
    }

    /// Whether `error` is an instance of the built-in exception class named
    /// `kind` or of a subclass (`except LookupError` inside a builtin).
    pub(super) fn is_error_of(&self, error: &PyException, kind: &str) -> bool {
        match error.object {
            Some(object) => self.is_exception_kind(object, kind),
            None => match (TypeKind::by_name(error.kind), TypeKind::by_name(kind)) {
                (Some(own), Some(target)) => own.is_subtype(target),
                _ => false,
            },
        }
    }

    /// An error that was caught inside a builtin (`hasattr`): its exception
    /// object, if it has one, is let go.
    pub(super) fn drop_error(&mut self, error: &PyException) {
        if let Some(object) = error.object {
            self.heap.decref(object, self.raised_referrer());
        }
    }

    /// `issubclass(cls, classinfo)`.
    pub(super) fn is_subclass(
        &self,
        cls: ObjId,
        classinfo: ObjId,
    ) -> Result<bool, Box<PyException>> {
        self.is_subclass_within(cls, classinfo, 0)
    }

    /// Nested classinfo tuples recurse here, their depth budgeted as the
    /// recursion limit: a deep one is a `RecursionError`, never a crash.
    fn is_subclass_within(
        &self,
        cls: ObjId,
        classinfo: ObjId,
        depth: usize,
    ) -> Result<bool, Box<PyException>> {
        if let Value::Tuple(items) = self.heap.value(classinfo) {
            if depth >= super::RECURSION_LIMIT.saturating_sub(self.frames.len()) {
                return Err(PyException::new(
                    "RecursionError",
                    "maximum recursion depth exceeded in __subclasscheck__",
                ));
            }
            for &item in items.iter() {
                if self.is_subclass_within(cls, item, depth + 1)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(members) = self.union_members(classinfo) {
            for member in members {
                if self.is_subclass_within(cls, member, depth + 1)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Value::GenericAlias { .. } = self.heap.value(classinfo) {
            return Err(self.parameterized_generic_error("issubclass"));
        }
        if !matches!(self.heap.value(classinfo), Value::Class(_) | Value::Type(_)) {
            return Err(PyException::type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            ));
        }
        let mro: Vec<ObjId> = match self.heap.value(cls) {
            Value::Class(c) => c.mro.clone(),
            Value::Type(_) => vec![cls],
            _ => {
                return Err(PyException::type_error(
                    "issubclass() arg 1 must be a class",
                ));
            }
        };
        Ok(mro.iter().any(|&k| {
            k == classinfo
                || match (self.heap.value(k), self.heap.value(classinfo)) {
                    (Value::Type(own), Value::Type(target)) => own.is_subtype(*target),
                    _ => false,
                }
        }))
    }

    /// The attribute name argument of `getattr` and friends.
    fn attribute_name(&self, name: ObjId) -> Result<String, Box<PyException>> {
        match self.heap.value(name) {
            Value::Str(text) => Ok(text.to_string()),
            other => Err(PyException::type_error(format!(
                "attribute name must be string, not '{}'",
                other.type_name()
            ))),
        }
    }

    /// A new dict of `(name, value)` pairs (the dict takes its references).
    fn dict_of(&mut self, pairs: Vec<(String, ObjId)>) -> Call {
        let dict = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
        for (name, value) in pairs {
            let key = self.str_object(&name);
            let stored = self.dict_set(dict, key, value);
            self.heap.discard(key);
            if let Err(error) = stored {
                self.heap.discard(dict);
                return Err(error);
            }
        }
        Ok(dict)
    }

    /// `locals()` of the innermost frame: a new dict for a function (a
    /// snapshot, as CPython 3.13+ gives), the namespace of a class body.
    fn locals_dict(&mut self) -> Call {
        let Some(frame) = self.frames.last() else {
            return Err(PyException::new("SystemError", "no frame"));
        };
        if let Some(dict) = frame.locals_dict {
            return Ok(dict);
        }
        if frame.function.is_none() {
            // At module level, the locals are the globals.
            return self.main_dict();
        }
        let pairs: Vec<(String, ObjId)> = frame
            .code
            .localsplus
            .iter()
            .zip(&frame.locals)
            .filter_map(|(&name, slot)| {
                let value = slot.obj?;
                let value = match self.heap.value(value) {
                    Value::Cell(cell) => (*cell)?,
                    _ => value,
                };
                Some((self.heap.symbols.text(name).to_owned(), value))
            })
            .collect();
        self.dict_of(pairs)
    }

    /// `dir(obj)` names, sorted: what "Did you mean" searches too.
    fn dir_list(&mut self, obj: Option<ObjId>) -> Call {
        let names: Vec<String> = match obj {
            Some(obj)
                if !matches!(
                    self.heap.value(obj),
                    Value::Instance { .. } | Value::Class(_) | Value::Module(_) | Value::Object
                ) && !crate::vm::types::attrs::known(match self.heap.value(obj) {
                    Value::Type(of) => *of,
                    other => other.type_kind(),
                }) =>
            {
                return Err(self.unsupported(&format!(
                    "dir() of {} objects",
                    self.heap.value(obj).type_name()
                )));
            }
            Some(obj) => self.attribute_names_of(obj),
            None => {
                let locals = self.locals_dict()?;
                let mut names: Vec<String> = match self.heap.value(locals) {
                    Value::Dict(d) => d
                        .entries()
                        .filter_map(|entry| match self.heap.value(entry.key) {
                            Value::Str(text) => Some(text.to_string()),
                            _ => None,
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                self.heap.discard(locals);
                names.sort();
                names
            }
        };
        let items: Vec<ObjId> = names.iter().map(|name| self.str_object(name)).collect();
        Ok(self.list_object(items, false))
    }

    /// `input([prompt])`: the prompt goes to the output, a line comes from
    /// the program's input; at its end, `EOFError`.
    fn input(&mut self, prompt: Option<ObjId>) -> Call {
        if let Some(prompt) = prompt {
            let text = self.heap.try_str(prompt)?;
            self.write_output(&text);
        }
        match self.read_input_line() {
            Some(line) => Ok(self.str_object(line.trim_end_matches(['\n', '\r']))),
            None => Err(PyException::new("EOFError", "EOF when reading a line")),
        }
    }
}

/// Call one of this module's builtins.
pub fn call(vm: &mut Vm, builtin: Builtin, args: &[ObjId]) -> Call {
    match builtin {
        Builtin::GetAttr => {
            arguments(builtin, args, 2, 3)?;
            let name = vm.attribute_name(args[1])?;
            match vm.get_attribute(args[0], &name) {
                Ok(value) => Ok(value),
                Err(error) if args.len() == 3 && vm.is_attribute_error(&error) => {
                    vm.drop_error(&error);
                    Ok(args[2])
                }
                Err(error) => Err(error),
            }
        }
        Builtin::HasAttr => {
            arguments(builtin, args, 2, 2)?;
            let name = vm.attribute_name(args[1])?;
            match vm.get_attribute(args[0], &name) {
                Ok(value) => {
                    vm.heap.discard(value);
                    Ok(vm.bool_object(true))
                }
                Err(error) if vm.is_attribute_error(&error) => {
                    vm.drop_error(&error);
                    Ok(vm.bool_object(false))
                }
                Err(error) => Err(error),
            }
        }
        Builtin::SetAttr => {
            arguments(builtin, args, 3, 3)?;
            let name = vm.attribute_name(args[1])?;
            vm.store_attribute(args[0], &name, args[2])?;
            Ok(vm.singletons.none)
        }
        Builtin::DelAttr => {
            arguments(builtin, args, 2, 2)?;
            let name = vm.attribute_name(args[1])?;
            vm.delete_attribute(args[0], &name)?;
            Ok(vm.singletons.none)
        }
        Builtin::Locals => {
            arguments(builtin, args, 0, 0)?;
            vm.locals_dict()
        }
        Builtin::Globals => {
            arguments(builtin, args, 0, 0)?;
            vm.main_dict()
        }
        Builtin::Vars => {
            arguments(builtin, args, 0, 1)?;
            match args.first() {
                None => vm.locals_dict(),
                Some(&obj) => match vm.heap.value(obj) {
                    Value::Instance {
                        dict: Some(dict), ..
                    } => Ok(*dict),
                    Value::Class(_) => Ok(vm.mapping_proxy(obj)),
                    // (An exception's dict is made on first use.)
                    Value::Exception(_) => Ok(vm.exception_dict(obj)),
                    _ => Err(PyException::type_error(
                        "vars() argument must have __dict__ attribute",
                    )),
                },
            }
        }
        Builtin::Dir => {
            arguments(builtin, args, 0, 1)?;
            if let Some(&obj) = args.first()
                && let Some(list) = vm.instance_dir(obj)?
            {
                return Ok(list);
            }
            vm.dir_list(args.first().copied())
        }
        Builtin::IsSubclass => {
            arguments(builtin, args, 2, 2)?;
            let answer = vm.issubclass_checked(args[0], args[1], 0)?;
            Ok(vm.bool_object(answer))
        }
        Builtin::Format => {
            arguments(builtin, args, 1, 2)?;
            let spec = match args.get(1).map(|&s| vm.heap.value(s)) {
                None => String::new(),
                Some(Value::Str(text)) => text.to_string(),
                Some(other) => {
                    return Err(PyException::type_error(format!(
                        "format() argument 2 must be str, not {}",
                        other.type_name()
                    )));
                }
            };
            if vm.is_instance_obj(args[0]) {
                let spec = args.get(1).copied().unwrap_or(vm.singletons.empty_str);
                return vm.instance_format(args[0], spec);
            }
            let text = vm.format_object(args[0], &spec)?;
            Ok(vm.str_object(&text))
        }
        Builtin::Ascii => {
            arguments(builtin, args, 1, 1)?;
            let repr = vm.repr_of(args[0])?;
            let text = super::format_spec::ascii_escape(&repr);
            Ok(vm.str_object(&text))
        }
        Builtin::Hash => {
            arguments(builtin, args, 1, 1)?;
            let hash = vm.py_hash(args[0])?;
            Ok(vm.int_object(hash))
        }
        Builtin::Round => {
            arguments(builtin, args, 1, 2)?;
            if vm.is_instance_obj(args[0]) {
                return vm.instance_round(args[0], args.get(1).copied());
            }
            vm.round(args[0], args.get(1).copied())
        }
        Builtin::Pow => {
            arguments(builtin, args, 2, 3)?;
            vm.pow(args[0], args[1], args.get(2).copied())
        }
        Builtin::Input => {
            arguments(builtin, args, 0, 1)?;
            vm.input(args.first().copied())
        }
        other => Err(PyException::new(
            "SystemError",
            format!("{} is not an introspection builtin", other.name()),
        )),
    }
}

impl Vm {
    /// `sys.getsizeof(obj)` (`_PySys_GetSizeOf`): `type(obj).__sizeof__()`
    /// (a Python method of the class runs as a frame), checked, plus the
    /// pre-header of a class's instances (the GC header, and the managed
    /// `__dict__` and weak reference pointers when instances have them).
    pub(super) fn getsizeof_of(&mut self, obj: ObjId) -> super::Flow<ObjId> {
        if let Value::Instance { class, .. } = *self.heap.value(obj)
            && let Some(sizeof) = self.user_hook(class, "__sizeof__")
        {
            let result = self.call_python(sizeof, &[obj])?;
            let size = match self.heap.value(result) {
                Value::Int(n) => *n,
                Value::Bool(b) => i64::from(*b),
                Value::BigInt(_) => {
                    return Err(PyException::new(
                        "OverflowError",
                        "Python int too large to convert to C ssize_t",
                    ));
                }
                _ => return Err(PyException::type_error("an integer is required")),
            };
            if size < 0 {
                return Err(PyException::new(
                    "ValueError",
                    "__sizeof__() should return >= 0",
                ));
            }
            let managed = match self.heap.value(class) {
                Value::Class(c) => c.has_dict || c.has_weakref,
                _ => false,
            };
            let presize = 16 + if managed { 16 } else { 0 };
            return Ok(self.int_object(size.saturating_add(presize)));
        }
        if self.heap.has_subclassed()
            && self.heap.subclass_of(obj).is_some()
            && !matches!(self.heap.value(obj), Value::List(_) | Value::Dict(_))
        {
            return Err(self.unsupported(
                "sys.getsizeof of an instance of a subclass of int, float, str or tuple",
            ));
        }
        let size = self.heap.getsizeof(obj) as i64;
        Ok(self.int_object(size))
    }
}
