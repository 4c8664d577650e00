//! Function attributes and cells: SET_FUNCTION_ATTRIBUTE, MAKE_CELL,
//! COPY_FREE_VARS, LOAD_DEREF, STORE_DEREF, DELETE_DEREF.
//!
//! As in CPython, a variable captured by an inner function lives in a cell
//! object that sits in the frame's local slot; closures are tuples of cells.

use crate::vm::Popped;
use crate::vm::exceptions::PyException;
use crate::vm::frame::Slot;
use crate::vm::heap::{ObjId, Referrer, Symbol, Value};
use crate::vm::{Flow, Vm};

impl Vm {
    // SET_FUNCTION_ATTRIBUTE (attr, func -- func): the attribute's reference moves in
    pub(in crate::vm) fn set_function_attribute(&mut self, which: u32) -> Flow {
        let (function, function_popped) = self.pop_object()?;
        let (attr, attr_popped) = self.pop_object()?;
        let (qualname, field) = match self.heap.value(function) {
            Value::Function(f) => (
                f.qualname,
                match which {
                    1 => "defaults",
                    2 => "kwdefaults",
                    8 => "closure",
                    _ => "annotate",
                },
            ),
            _ => return Err(PyException::new("SystemError", "not a function")),
        };
        self.take_into(
            &attr_popped,
            Referrer::Field {
                owner: qualname,
                field,
            },
        );
        let old = match self.heap.value_mut(function) {
            Value::Function(f) => match which {
                1 => f.defaults.replace(attr),
                2 => f.kwdefaults.replace(attr),
                8 => f.closure.replace(attr),
                _ => f.annotate.replace(attr),
            },
            _ => None,
        };
        if let Some(old) = old {
            self.heap.decref(
                old,
                Referrer::Field {
                    owner: qualname,
                    field,
                },
            );
        }
        self.push_slot(function_popped.slot)
    }

    fn cell_referrer(&self, cell: ObjId) -> Referrer {
        Referrer::Attribute {
            owner: self.heap.get(cell).address,
            name: "cell_contents",
        }
    }

    // MAKE_CELL (--): the local's value moves into a new cell in its slot
    pub(in crate::vm) fn make_cell(&mut self, index: usize) -> Flow {
        let frame = self.top_frame()?;
        let old = frame.locals.get(index).copied().unwrap_or(Slot::NULL);
        let cell = self.heap.alloc(Value::Cell(old.obj));
        if let Some(obj) = old.obj {
            let referrer = self.cell_referrer(cell);
            // The local's reference moves into the cell (a borrowed one becomes strong).
            if old.borrowed {
                self.heap.incref(obj, referrer);
            } else {
                self.heap.incref(obj, referrer);
                let local = self.local_referrer(index)?;
                self.heap.decref(obj, local);
            }
        }
        let local = self.local_referrer(index)?;
        self.heap.incref(cell, local);
        let frame = self.top_frame()?;
        if let Some(slot) = frame.locals.get_mut(index) {
            *slot = Slot::strong(cell);
        }
        Ok(())
    }

    fn local_referrer(&mut self, index: usize) -> Flow<Referrer> {
        let frame = self.top_frame()?;
        let name = *frame
            .code
            .localsplus
            .get(index)
            .ok_or_else(|| PyException::new("SystemError", "bad local index"))?;
        Ok(Referrer::Local {
            frame: frame.qualname,
            name,
        })
    }

    // COPY_FREE_VARS (--): the closure's cells into the last `count` locals
    pub(in crate::vm) fn copy_free_vars(&mut self, count: usize) -> Flow {
        let frame = self.top_frame()?;
        let function = frame.function;
        let total = frame.locals.len();
        let cells: Vec<ObjId> = match function.map(|f| self.heap.value(f)) {
            Some(Value::Function(f)) => match f.closure.map(|c| self.heap.value(c)) {
                Some(Value::Tuple(cells)) => cells.to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        if cells.len() != count || count > total {
            return Err(PyException::new("SystemError", "closure size mismatch"));
        }
        for (i, cell) in cells.into_iter().enumerate() {
            let index = total - count + i;
            let referrer = self.local_referrer(index)?;
            self.heap.incref(cell, referrer);
            let frame = self.top_frame()?;
            frame.locals[index] = Slot::strong(cell);
        }
        Ok(())
    }

    fn cell_at(&mut self, index: usize) -> Flow<ObjId> {
        let frame = self.top_frame()?;
        frame
            .locals
            .get(index)
            .and_then(|s| s.obj)
            .ok_or_else(|| PyException::new("SystemError", "no cell in the slot"))
    }

    fn unbound_deref(&mut self, index: usize) -> Box<PyException> {
        let Some(frame) = self.frames.last() else {
            return PyException::new("SystemError", "no frame");
        };
        let free_start = frame.code.localsplus.len() - frame.code.code.freevars.len();
        let name = self
            .heap
            .symbols
            .text(frame.code.localsplus[index])
            .to_owned();
        if index >= free_start {
            PyException::new(
                "NameError",
                format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ),
            )
        } else {
            PyException::new(
                "UnboundLocalError",
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        }
    }

    // LOAD_DEREF (-- value)
    pub(in crate::vm) fn load_deref(&mut self, index: usize) -> Flow {
        let cell = self.cell_at(index)?;
        match self.heap.value(cell) {
            Value::Cell(Some(value)) => {
                let value = *value;
                self.push(value)
            }
            _ => Err(self.unbound_deref(index)),
        }
    }

    // LOAD_FROM_DICT_OR_DEREF (class_dict -- value): a class body's free
    // variable, its namespace first
    pub(in crate::vm) fn load_from_dict_or_deref(&mut self, index: usize) -> Flow {
        let name = self
            .top_frame()?
            .code
            .localsplus
            .get(index)
            .copied()
            .ok_or_else(|| PyException::new("SystemError", "no such local"))?;
        let (found, popped) = self.pop_namespace_item(name)?;
        let value = match found {
            Some(value) => value,
            None => {
                let cell = self.cell_at(index)?;
                match self.heap.value(cell) {
                    Value::Cell(Some(value)) => *value,
                    _ => {
                        self.release(popped);
                        return Err(self.unbound_deref(index));
                    }
                }
            }
        };
        self.push(value)?;
        self.release(popped);
        Ok(())
    }

    // LOAD_FROM_DICT_OR_GLOBALS (mod_or_class_dict -- v): a name in an
    // annotation function of a class body, its namespace first; the
    // namespace is let go before the globals are searched
    pub(in crate::vm) fn load_from_dict_or_globals(&mut self, name: Symbol) -> Flow {
        let (found, popped) = self.pop_namespace_item(name)?;
        match found {
            Some(value) => {
                self.push(value)?;
                self.release(popped);
                Ok(())
            }
            None => {
                self.release(popped);
                let value = self.lookup_global(name)?;
                self.push(value)
            }
        }
    }

    /// Pop a class body's namespace (a dict) and look `name` up in it:
    /// what is bound there (borrowed from the namespace, still held by the
    /// popped reference) and that reference.
    fn pop_namespace_item(&mut self, name: Symbol) -> Flow<(Option<ObjId>, Popped)> {
        let (mapping, popped) = self.pop_object()?;
        match self.heap.value(mapping) {
            Value::Dict(d) => {
                let found = d.get_str(self.heap.symbols.text(name)).map(|e| e.value);
                Ok((found, popped))
            }
            _ => {
                self.release(popped);
                Err(self.unsupported("a class namespace that is not a dict"))
            }
        }
    }

    // STORE_DEREF (v --): the reference moves into the cell
    pub(in crate::vm) fn store_deref(&mut self, index: usize) -> Flow {
        let (value, popped) = self.pop_object()?;
        let cell = self.cell_at(index)?;
        let referrer = self.cell_referrer(cell);
        self.take_into(&popped, referrer);
        let old = match self.heap.value_mut(cell) {
            Value::Cell(contents) => contents.replace(value),
            _ => None,
        };
        if let Some(old) = old {
            self.heap.decref(old, referrer);
        }
        Ok(())
    }

    // DELETE_DEREF (--)
    pub(in crate::vm) fn delete_deref(&mut self, index: usize) -> Flow {
        let cell = self.cell_at(index)?;
        let referrer = self.cell_referrer(cell);
        let old = match self.heap.value_mut(cell) {
            Value::Cell(contents) => contents.take(),
            _ => None,
        };
        match old {
            Some(old) => {
                self.heap.decref(old, referrer);
                Ok(())
            }
            None => Err(self.unbound_deref(index)),
        }
    }
}
