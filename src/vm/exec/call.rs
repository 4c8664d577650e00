//! Binding a call's arguments to a Python function's parameters, as
//! CPython's `initialize_locals` does: positional ones, keywords,
//! `__defaults__` and `__kwdefaults__`, `*args` into a tuple and
//! `**kwargs` into a dict, with CPython's `TypeError` messages.

use crate::compile::flags;
use crate::vm::exceptions::PyException;
use crate::vm::frame::{FrameStack, Slot};
use crate::vm::heap::{Heap, ObjId, Referrer, Value};
use crate::vm::opcodes::null_error;
use crate::vm::types::dict::Dict;
use crate::vm::{Flow, Popped, Vm};

/// "'a'", "'a' and 'b'", "'a', 'b', and 'c'"
fn listing(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl Vm {
    /// `CALL_PY_EXACT_ARGS` when nobody records: a plain Python function
    /// (see `CodeInfo::plain_call`) called with exactly its positional
    /// parameters. Its frame (a returned one reused in place, its code
    /// replaced only when it ran other code) is pushed with the arguments'
    /// slots moved into its locals as they are; the callable's reference
    /// moves to the frame (a borrowed one is counted now). False, having
    /// changed nothing, for any other call.
    #[inline(always)]
    pub(in crate::vm) fn call_plain(&mut self, argc: usize) -> bool {
        let depth_limit = self.quick_depth_limit();
        call_plain_in(&mut self.frames, &mut self.heap, argc, depth_limit)
    }

    /// The locals of a new frame for `function` called with `args` (the
    /// last `kwnames.len()` of them by keyword). The popped references move
    /// into the locals, the `*args` tuple or the `**kwargs` dict; on an
    /// error every one of them is released.
    pub(in crate::vm) fn bind_arguments(
        &mut self,
        function: ObjId,
        args: Vec<Popped>,
        kwnames: &[String],
    ) -> Flow<Vec<Slot>> {
        let bound = self.try_bind(function, &args, kwnames);
        match bound {
            Ok((slots, consumed)) => {
                // References not moved into a local (collected into *args or
                // **kwargs, which took their own) are dropped now.
                for (arg, moved) in args.into_iter().zip(consumed) {
                    if !moved {
                        self.release(arg);
                    }
                }
                Ok(slots)
            }
            Err(error) => {
                for arg in args {
                    self.release(arg);
                }
                Err(error)
            }
        }
    }

    /// (locals, which args moved into a local as they are)
    #[allow(clippy::needless_range_loop)] // slots, names and defaults share the index
    fn try_bind(
        &mut self,
        function: ObjId,
        args: &[Popped],
        kwnames: &[String],
    ) -> Flow<(Vec<Slot>, Vec<bool>)> {
        let Value::Function(f) = self.heap.value(function) else {
            return Err(PyException::new("SystemError", "binding a non-function"));
        };
        let info = std::sync::Arc::clone(&f.info);
        let (defaults, kwdefaults) = (f.defaults, f.kwdefaults);
        let code = &info.code;
        let name = code.qualname.clone();
        let argcount = code.argcount as usize;
        let posonly = code.posonlyargcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let varargs = code.flags & flags::VARARGS != 0;
        let varkeywords = code.flags & flags::VARKEYWORDS != 0;
        let varargs_slot = argcount + kwonly;
        let kwargs_slot = varargs_slot + usize::from(varargs);
        let mut slots = vec![Slot::NULL; info.localsplus.len()];
        // Locals whose reference the binder took itself (not moved arguments).
        let mut owned: Vec<usize> = Vec::new();
        let mut moved = vec![false; args.len()];
        let positional = args.len() - kwnames.len().min(args.len());

        let defaults: Vec<ObjId> = match defaults.map(|d| self.heap.value(d)) {
            Some(Value::Tuple(items)) => items.to_vec(),
            _ => Vec::new(),
        };
        if positional > argcount && !varargs {
            let given = positional;
            let kw_given = kwnames.len();
            let takes = if defaults.is_empty() {
                format!("{argcount} positional argument{}", plural(argcount))
            } else {
                format!(
                    "from {} to {argcount} positional arguments",
                    argcount - defaults.len()
                )
            };
            let extra = if kw_given > 0 {
                format!(
                    " positional argument{} (and {kw_given} keyword-only argument{})",
                    plural(given),
                    plural(kw_given)
                )
            } else {
                String::new()
            };
            let was = if given == 1 { "was" } else { "were" };
            return Err(PyException::type_error(if extra.is_empty() {
                format!("{name}() takes {takes} but {given} {was} given")
            } else {
                format!("{name}() takes {takes} but {given}{extra} were given")
            }));
        }
        for (i, arg) in args.iter().take(positional.min(argcount)).enumerate() {
            slots[i] = arg.slot;
            moved[i] = true;
        }
        if varargs {
            let extra: Vec<ObjId> = args[argcount.min(positional)..positional]
                .iter()
                .filter_map(|a| a.slot.obj)
                .collect();
            let tuple = self.tuple_object(extra, false);
            self.heap.incref(
                tuple,
                Referrer::Local {
                    frame: info.qualname,
                    name: info.localsplus[varargs_slot],
                },
            );
            slots[varargs_slot] = Slot::strong(tuple);
            owned.push(varargs_slot);
        }
        let mut kwargs = None;
        if varkeywords {
            let dict = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
            self.heap.incref(
                dict,
                Referrer::Local {
                    frame: info.qualname,
                    name: info.localsplus[kwargs_slot],
                },
            );
            slots[kwargs_slot] = Slot::strong(dict);
            owned.push(kwargs_slot);
            kwargs = Some(dict);
        }
        let mut posonly_as_keyword = Vec::new();
        for (k, keyword) in kwnames.iter().enumerate() {
            let index = positional + k;
            let found = code.varnames[..argcount + kwonly]
                .iter()
                .position(|v| v == keyword)
                .filter(|&i| i >= posonly);
            match found {
                Some(i) if slots[i].obj.is_some() => {
                    self.release_bound(&slots, &owned, &info);
                    return Err(PyException::type_error(format!(
                        "{name}() got multiple values for argument '{keyword}'"
                    )));
                }
                Some(i) => {
                    slots[i] = args[index].slot;
                    moved[index] = true;
                }
                None => {
                    if let (Some(dict), Some(value)) = (kwargs, args[index].slot.obj) {
                        let key = self.str_object(keyword);
                        if let Err(error) = self.dict_set(dict, key, value) {
                            self.release_bound(&slots, &owned, &info);
                            return Err(error);
                        }
                    } else if code.varnames[..posonly].contains(keyword) {
                        posonly_as_keyword.push(format!("'{keyword}'"));
                    } else {
                        self.release_bound(&slots, &owned, &info);
                        // (The parameters that take arguments, as
                        // `initialize_locals` offers them.)
                        let hint = crate::vm::suggest::keyword_hint(
                            code.varnames[..(argcount + kwonly).min(code.varnames.len())]
                                .iter()
                                .map(String::as_str),
                            keyword,
                        );
                        return Err(PyException::type_error(format!(
                            "{name}() got an unexpected keyword argument '{keyword}'{hint}"
                        )));
                    }
                }
            }
        }
        if !posonly_as_keyword.is_empty() {
            self.release_bound(&slots, &owned, &info);
            return Err(PyException::type_error(format!(
                "{name}() got some positional-only arguments passed as keyword arguments: {}",
                posonly_as_keyword.join(", ")
            )));
        }
        // Defaults fill the last positional parameters.
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if slots[i].obj.is_some() {
                continue;
            }
            if i >= first_default {
                let value = defaults[i - first_default];
                self.heap.incref(
                    value,
                    Referrer::Local {
                        frame: info.qualname,
                        name: info.localsplus[i],
                    },
                );
                slots[i] = Slot::strong(value);
                owned.push(i);
            } else {
                missing.push(format!("'{}'", code.varnames[i]));
            }
        }
        if !missing.is_empty() {
            self.release_bound(&slots, &owned, &info);
            return Err(PyException::type_error(format!(
                "{name}() missing {} required positional argument{}: {}",
                missing.len(),
                plural(missing.len()),
                listing(&missing)
            )));
        }
        let mut missing = Vec::new();
        for i in argcount..argcount + kwonly {
            if slots[i].obj.is_some() {
                continue;
            }
            let default = match kwdefaults {
                Some(dict) => {
                    let key = self.str_object(&code.varnames[i]);
                    let found = match (self.hash_key(key), self.heap.value(dict)) {
                        (Ok(hash), Value::Dict(d)) => d.get(&hash).map(|e| e.value),
                        _ => None,
                    };
                    self.heap.discard(key);
                    found
                }
                None => None,
            };
            match default {
                Some(value) => {
                    self.heap.incref(
                        value,
                        Referrer::Local {
                            frame: info.qualname,
                            name: info.localsplus[i],
                        },
                    );
                    slots[i] = Slot::strong(value);
                    owned.push(i);
                }
                None => missing.push(format!("'{}'", code.varnames[i])),
            }
        }
        if !missing.is_empty() {
            self.release_bound(&slots, &owned, &info);
            return Err(PyException::type_error(format!(
                "{name}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                plural(missing.len()),
                listing(&missing)
            )));
        }
        Ok((slots, moved))
    }

    /// After a binding error: drop the references the binder itself took
    /// (defaults, the *args tuple, the **kwargs dict); moved arguments are
    /// released by the caller.
    fn release_bound(&mut self, slots: &[Slot], owned: &[usize], info: &crate::vm::code::CodeInfo) {
        for &i in owned {
            if let Some(obj) = slots[i].obj {
                let referrer = Referrer::Local {
                    frame: info.qualname,
                    name: info.localsplus[i],
                };
                self.heap.decref(obj, referrer);
            }
        }
    }
}

impl Vm {
    // CALL_FUNCTION_EX (func, null, callargs, kwargs -- result): the
    // unpacked arguments are laid out as CALL_KW's, then called the same way.
    pub(in crate::vm) fn call_function_ex(&mut self) -> Flow {
        self.make_callargs_a_tuple()?;
        // Metaclasses, classes with `__new__`, `type.__call__`…
        if let Some(done) = self.call_ex_through_metaclass() {
            return done;
        }
        if let Some(done) = self.call_function_ex_in_place() {
            return done;
        }
        let kwargs = self.pop()?;
        let (callargs, callargs_popped) = self.pop_object()?;
        let items = match self.items_of(callargs) {
            Ok((items, temp)) => {
                // The pushes below take their own references.
                let pushed = items.clone();
                for &item in &pushed {
                    self.push(item)?;
                }
                if let Some(temp) = temp {
                    self.heap.discard(temp);
                }
                pushed
            }
            Err(error) if Vm::is_pending(&error) => {
                // `PySequence_Tuple` runs Python code (`__iter__`): the
                // instruction replays on the stack as it found it.
                self.unpop(&error, &[callargs_popped, kwargs]);
                return Err(error);
            }
            Err(error) => {
                self.release(kwargs);
                self.release(callargs_popped);
                return Err(error);
            }
        };
        let mut names = Vec::new();
        let mut values = Vec::new();
        let mut bad_key = false;
        if let Some(dict) = kwargs.slot.obj
            && let Value::Dict(d) = self.heap.value(dict)
        {
            for entry in d.entries() {
                match self.heap.value(entry.key) {
                    Value::Str(text) => names.push(text.to_string()),
                    _ => bad_key = true,
                }
                values.push(entry.value);
            }
        }
        if bad_key {
            self.release(kwargs);
            self.release(callargs_popped);
            return Err(PyException::type_error("keywords must be strings"));
        }
        let count = items.len() + values.len();
        for item in values {
            self.push(item)?;
        }
        self.release(kwargs);
        self.release(callargs_popped);
        self.call_with(count, (!names.is_empty()).then_some(names))
    }

    /// `_MAKE_CALLARGS_A_TUPLE`: CALL_FUNCTION_EX's `*args` made a tuple
    /// where it lies on the stack (a list's items go into a new tuple, as
    /// in CPython). Until the tuple exists nothing changes, so Python code
    /// producing the items (`__iter__`) replays the instruction.
    fn make_callargs_a_tuple(&mut self) -> Flow {
        let callargs = self.peek(1)?.obj.ok_or_else(null_error)?;
        if matches!(self.heap.value(callargs), Value::Tuple(_)) {
            return Ok(());
        }
        if !self.is_iterable(callargs) {
            let func = self.peek(3)?.obj.ok_or_else(null_error)?;
            return Err(PyException::type_error(format!(
                "{} argument after * must be an iterable, not {}",
                self.function_str(func),
                self.heap.type_name_of(callargs)
            )));
        }
        let (items, temp) = self.items_of(callargs)?;
        let tuple = self.tuple_object(items, false);
        if let Some(temp) = temp {
            self.heap.discard(temp);
        }
        let kwargs = self.pop()?;
        let old = self.pop()?;
        self.push(tuple)?;
        self.push_slot(kwargs.slot)?;
        self.release(old);
        Ok(())
    }

    /// `_Py_Check_ArgsIterable`'s test: the type has `tp_iter` or is a
    /// sequence (an instance with `__iter__` or `__getitem__`).
    fn is_iterable(&self, obj: ObjId) -> bool {
        if self.is_instance_obj(obj) {
            return self.special_method(obj, "__iter__").is_some()
                || self.special_method(obj, "__getitem__").is_some();
        }
        let spec = self.heap.value(obj).spec();
        spec.slots.vm.iter.is_some() || spec.iterator
    }

    /// `_PyObject_FunctionStr`: how messages about a call's `*` and `**`
    /// arguments name the callable (`f()`, `print()`, `__main__.C.m()`).
    pub(in crate::vm) fn function_str(&self, func: ObjId) -> String {
        let qualname_of = |vm: &Vm, f: ObjId| match vm.heap.value(f) {
            Value::Function(function) => Some(vm.heap.symbols.text(function.qualname).to_owned()),
            _ => None,
        };
        let main = crate::vm::heap::MAIN_MODULE;
        match self.heap.value(func) {
            Value::Function(_) => {
                format!("{main}.{}()", qualname_of(self, func).unwrap_or_default())
            }
            Value::Method { function, .. } => match qualname_of(self, *function) {
                Some(qualname) => format!("{main}.{qualname}()"),
                None => self.heap.repr(func),
            },
            Value::Class(class) => format!("{main}.{}()", class.qualname),
            Value::Type(kind) => format!("{}()", kind.name()),
            Value::BoundMethod { method, owner } => {
                format!(
                    "{}.{}()",
                    self.heap.value(*owner).type_name(),
                    method.name()
                )
            }
            Value::Builtin(builtin) => format!("{}()", builtin.name()),
            _ => self.heap.repr(func),
        }
    }

    // DICT_MERGE (dict, unused[oparg - 1], update -- dict, unused[oparg - 1])
    // DICT_UPDATE: the same, where a repeated key simply replaces.
    pub(in crate::vm) fn dict_merge(&mut self, depth: u32, merge: bool) -> Flow {
        // A mapping that is not a dict: its `keys()` and items (Python
        // calls, replaying this instruction) into a dict first, operands
        // still on the stack.
        // (`DICT_MERGE` checks each key against the call's dict before
        // taking its item.)
        let mut gathered = None;
        let mut repeated = None;
        if let Some(update) = self.peek(0)?.obj
            && let Some(keys) = self.mapping_keys_method(update)
        {
            let target = self.peek(depth as usize)?.obj.filter(|_| merge);
            let temp = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
            match self.calling(|vm| vm.merge_mapping(temp, update, keys, target)) {
                Ok(found) => repeated = found,
                Err(error) => {
                    self.heap.discard(temp);
                    return Err(error);
                }
            }
            gathered = Some(temp);
        }
        let (update, popped) = self.pop_object()?;
        let dict = self.peek(depth.saturating_sub(1) as usize)?.obj;
        if let Some(shown) = repeated {
            let func = self.peek(depth as usize + 2).ok().and_then(|slot| slot.obj);
            let error = PyException::type_error(format!(
                "{} got multiple values for keyword argument '{shown}'",
                func.map(|f| self.function_str(f)).unwrap_or_default()
            ));
            if let Some(temp) = gathered {
                self.heap.discard(temp);
            }
            self.release(popped);
            return Err(error);
        }
        let entries: Vec<(ObjId, ObjId)> = match self.heap.value(gathered.unwrap_or(update)) {
            Value::Dict(d) => d.entries().map(|e| (e.key, e.value)).collect(),
            other if merge => {
                // `_PyEval_FormatKwargsError`: the call's `**` argument.
                let type_name = other.type_name();
                let func = self.peek(depth as usize + 2).ok().and_then(|slot| slot.obj);
                let error = PyException::type_error(format!(
                    "{} argument after ** must be a mapping, not {type_name}",
                    func.map(|f| self.function_str(f)).unwrap_or_default()
                ));
                self.release(popped);
                return Err(error);
            }
            other => {
                let error = PyException::type_error(format!(
                    "'{}' object is not a mapping",
                    other.type_name()
                ));
                self.release(popped);
                return Err(error);
            }
        };
        let mut result = Ok(());
        if let Some(dict) = dict {
            for (key, value) in entries {
                if merge && self.container_has(dict, key) {
                    let shown = self.heap.str(key);
                    let func = self.peek(depth as usize + 2).ok().and_then(|slot| slot.obj);
                    result = Err(PyException::type_error(format!(
                        "{} got multiple values for keyword argument '{shown}'",
                        func.map(|f| self.function_str(f)).unwrap_or_default()
                    )));
                    break;
                }
                if let Err(error) = self.dict_set(dict, key, value) {
                    result = Err(error);
                    break;
                }
            }
        }
        if let Some(temp) = gathered {
            self.heap.discard(temp);
        }
        self.release(popped);
        result
    }

    pub(in crate::vm) fn container_has(&self, dict: ObjId, key: ObjId) -> bool {
        match (self.hash_key(key), self.heap.value(dict)) {
            (Ok(hash), Value::Dict(d)) => d.get(&hash).is_some(),
            _ => false,
        }
    }

    // CALL_INTRINSIC_1 INTRINSIC_LIST_TO_TUPLE (value -- res)
    pub(in crate::vm) fn list_to_tuple(&mut self) -> Flow {
        let (list, popped) = self.pop_object()?;
        let items = match self.heap.value(list) {
            Value::List(l) => l.items.clone(),
            _ => Vec::new(),
        };
        let tuple = self.tuple_object(items, false);
        self.push(tuple)?;
        self.release(popped);
        Ok(())
    }
}

/// [`Vm::call_plain`] on the parts of the VM it needs, for the fast loop
/// (which holds the others): `depth_limit` is `Vm::quick_depth_limit`.
#[inline(always)]
pub(in crate::vm) fn call_plain_in(
    frames: &mut FrameStack,
    heap: &mut Heap,
    argc: usize,
    depth_limit: usize,
) -> bool {
    let Some(caller) = frames.last() else {
        return false;
    };
    let Some(base) = caller.stack.len().checked_sub(argc + 2) else {
        return false;
    };
    let (callable_slot, self_or_null) = (caller.stack[base], caller.stack[base + 1]);
    let Some(callable) = callable_slot.obj else {
        return false;
    };
    let Value::Function(function) = heap.value(callable) else {
        return false;
    };
    // A method call (`obj.m(x)`, LOAD_ATTR's method form): `self` is the
    // first argument, lying just under the others (`CALL_PY_EXACT_ARGS`).
    let (first, count) = match self_or_null.obj {
        Some(_) => (base + 1, argc + 1),
        None => (base + 2, argc),
    };
    if function.plain_call != Some(count) || frames.len() >= depth_limit {
        return false;
    }
    let Some((caller, frame)) = frames.push_for(&function.info, callable) else {
        return false;
    };
    frame.enter(callable, &caller.stack[first..]);
    caller.stack.truncate(base);
    if callable_slot.borrowed {
        heap.incref(
            callable,
            Referrer::Frame {
                frame: frame.qualname,
            },
        );
    }
    true
}
