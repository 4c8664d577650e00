//! UNPACK_EX: `a, *rest, b = iterable`.

use crate::vm::exceptions::PyException;
use crate::vm::heap::ObjId;
use crate::vm::{Flow, Vm};

impl Vm {
    // UNPACK_EX (seq -- values[oparg & 0xFF], list, values[oparg >> 8]):
    // the first item ends on top
    pub(in crate::vm) fn unpack_ex(&mut self, arg: u32) -> Flow {
        let before = (arg & 0xff) as usize;
        let after = (arg >> 8) as usize;
        let (sequence, popped) = self.pop_object()?;
        let (items, temp) = match self.items_of(sequence) {
            Ok(found) => found,
            Err(error) => {
                let error = if error.kind == "TypeError" && error.object.is_none() {
                    PyException::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.heap.value(sequence).type_name()
                    ))
                } else {
                    error
                };
                self.release(popped);
                return Err(error);
            }
        };
        if items.len() < before + after {
            if let Some(temp) = temp {
                self.heap.discard(temp);
            }
            self.release(popped);
            return Err(PyException::new(
                "ValueError",
                format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                ),
            ));
        }
        let middle: Vec<ObjId> = items[before..items.len() - after].to_vec();
        let rest = self.list_object(middle, false);
        for &item in items[items.len() - after..].iter().rev() {
            self.push(item)?;
        }
        self.push(rest)?;
        for &item in items[..before].iter().rev() {
            self.push(item)?;
        }
        if let Some(temp) = temp {
            self.heap.discard(temp);
        }
        self.release(popped);
        Ok(())
    }
}
