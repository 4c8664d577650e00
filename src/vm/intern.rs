//! `sys.intern`: one str object per text among the interned ones, so
//! `sys.intern(a) is sys.intern(b)` when `a == b`. CPython's compiler
//! interns identifier-like string constants and every name, so those are
//! what `sys.intern` finds first; other strings join when interned.

use std::sync::Arc;

use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::{Flow, Vm};

/// `all_name_chars` of CPython's `intern_constants`: ASCII letters, digits, `_`.
fn all_name_chars(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

impl Vm {
    /// A string constant of a code object: interned when CPython's compiler
    /// interns it.
    pub(super) fn note_interned_constant(&mut self, id: ObjId, text: &str) {
        if all_name_chars(text) && !text.is_empty() {
            let serial = self.heap.get(id).serial;
            self.interned.entry(Arc::from(text)).or_insert((id, serial));
        }
    }

    /// `sys.intern(s)`: the interned string equal to `s`, or `s` itself,
    /// interned from now on.
    pub(super) fn sys_intern(&mut self, obj: ObjId) -> Flow<ObjId> {
        let text = match self.heap.value(obj) {
            Value::Str(text) => Arc::clone(text),
            other => {
                return Err(PyException::type_error(format!(
                    "intern() argument must be str, not {}",
                    other.type_name()
                )));
            }
        };
        // Names the program used are the immortal identifier strings.
        if let Some(symbol) = self.heap.symbols.get(&text)
            && let Some(&id) = self.identifiers.get(&symbol)
        {
            return Ok(id);
        }
        if let Some(&(id, serial)) = self.interned.get(&text) {
            let object = self.heap.get(id);
            if object.alive && object.serial == serial {
                return Ok(id);
            }
        }
        let serial = self.heap.get(obj).serial;
        self.interned.insert(text, (obj, serial));
        Ok(obj)
    }
}
