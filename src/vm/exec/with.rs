//! `with`: LOAD_SPECIAL finds `__enter__`/`__exit__` on the class, and
//! WITH_EXCEPT_START calls `__exit__` as a Python frame whose return value
//! is pushed as the instruction's result (every instruction of `__exit__`
//! stays a step).

use crate::vm::exceptions::PyException;
use crate::vm::frame::Slot;
use crate::vm::heap::{Referrer, Value};
use crate::vm::{Flow, Popped, Vm};

/// `LOAD_SPECIAL` arguments (`_Py_SpecialMethods`).
const SPECIAL: [&str; 4] = ["__enter__", "__exit__", "__aenter__", "__aexit__"];

impl Vm {
    // LOAD_SPECIAL (self -- attr, self_or_null): the method from the class,
    // with `self` (the owner's reference moves there).
    #[inline(never)]
    pub(in crate::vm) fn load_special(&mut self, arg: u32) -> Flow {
        let name = SPECIAL.get(arg as usize).copied().unwrap_or("__enter__");
        let owner = self.peek(0)?.obj.ok_or_else(null)?;
        let class = match self.heap.value(owner) {
            Value::Instance { class, .. } => Some(*class),
            Value::Exception(exc) => exc.class,
            _ => None,
        };
        let method = class.and_then(|c| self.class_lookup(c, name));
        let Some(method) = method else {
            let type_name = self.heap.value(owner).type_name();
            let popped = self.pop()?;
            self.release(popped);
            let protocol = if name.starts_with("__a") {
                "asynchronous context manager"
            } else {
                "context manager"
            };
            return Err(PyException::type_error(format!(
                "'{type_name}' object does not support the {protocol} protocol (missed {name} method)"
            )));
        };
        if !matches!(self.heap.value(method), Value::Function(_)) {
            return Err(self.unsupported(&format!("a {name} that is not a plain function")));
        }
        let popped = self.pop()?;
        self.push(method)?;
        self.push_slot(popped.slot)
    }

    // WITH_EXCEPT_START (exit_func, exit_self, lasti, prev_exc, val --
    // exit_func, exit_self, lasti, prev_exc, val, res): `__exit__(type, val,
    // tb)` runs as a frame; its return value is pushed as `res`.
    #[inline(never)]
    pub(in crate::vm) fn with_except_start(&mut self) -> Flow {
        let value = self.peek(0)?.obj.ok_or_else(null)?;
        let exit_self = self.peek(3)?.obj.ok_or_else(null)?;
        let exit_func = self.peek(4)?.obj.ok_or_else(null)?;
        let kind = match self.heap.value(value) {
            Value::Exception(exc) => match exc.class {
                Some(class) => class,
                None => self.type_object(crate::vm::heap::TypeKind::Exc(exc.kind)),
            },
            _ => {
                let kind = self.heap.value(value).type_kind();
                self.type_object(kind)
            }
        };
        // Traceback objects are not modelled: `tb` is None.
        let none = self.singletons.none;
        let caller = self.top_frame()?;
        let (frame, base) = (caller.qualname, caller.stack.len() as u32);
        let mut args = Vec::new();
        for (offset, obj) in [exit_self, kind, value, none].into_iter().enumerate() {
            let index = base + offset as u32;
            self.heap
                .incref(obj, Referrer::Stack { frame, slot: index });
            args.push(Popped {
                slot: Slot::strong(obj),
                frame,
                index,
            });
        }
        let info = match self.heap.value(exit_func) {
            Value::Function(f) => std::sync::Arc::clone(&f.info),
            _ => {
                for arg in args {
                    self.release(arg);
                }
                return Err(self.unsupported("an __exit__ that is not a plain function"));
            }
        };
        let callable = Popped {
            slot: Slot::strong(exit_func),
            frame,
            index: base + 4,
        };
        self.heap.incref(exit_func, callable.referrer());
        self.enter_function(exit_func, callable, info, args, &[])
    }
}

fn null() -> Box<PyException> {
    PyException::new("SystemError", "unexpected NULL on the value stack")
}
