//! UNPACK_EX: `a, *rest, b = iterable`.

use crate::vm::exceptions::PyException;
use crate::vm::heap::ObjId;
use crate::vm::{Flow, Vm};

impl Vm {
    /// The items an unpacking takes (`items_of`: borrowed, with the
    /// temporary list that holds them, if one was made); what is not
    /// iterable is CPython's "cannot unpack non-iterable" `TypeError`.
    pub(in crate::vm) fn items_to_unpack(
        &mut self,
        sequence: ObjId,
    ) -> Flow<(Vec<ObjId>, Option<ObjId>)> {
        let (items, temp) = self.items_of(sequence).map_err(|error| {
            if error.kind == "TypeError" && error.object.is_none() {
                PyException::type_error(format!(
                    "cannot unpack non-iterable {} object",
                    self.heap.value(sequence).type_name()
                ))
            } else {
                error
            }
        })?;
        // Items a drain gathered are held by the instruction's record, which
        // goes before the unpacking is done: the caller gets its own list.
        let temp = match temp {
            Some(temp) if self.heap.get(temp).refs > 0 => {
                Some(self.list_object(items.clone(), false))
            }
            other => other,
        };
        Ok((items, temp))
    }

    // UNPACK_EX (seq -- values[oparg & 0xFF], list, values[oparg >> 8]):
    // the first item ends on top
    pub(in crate::vm) fn unpack_ex(&mut self, arg: u32) -> Flow {
        let before = (arg & 0xff) as usize;
        let after = (arg >> 8) as usize;
        // The iterable stays in place while its items are gathered: a
        // `map` or `filter` may call Python code, and the step replays.
        let sequence = self
            .peek(0)?
            .obj
            .ok_or_else(|| PyException::new("SystemError", "NULL to unpack"))?;
        let found = self.calling(|vm| vm.items_to_unpack(sequence));
        if let Err(error) = &found
            && Vm::is_pending(error)
        {
            return Err(error.clone());
        }
        let (_, popped) = self.pop_object()?;
        let (items, temp) = match found {
            Ok(found) => found,
            Err(error) => {
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
