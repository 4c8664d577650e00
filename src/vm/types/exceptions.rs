//! The built-in exception hierarchy as data, and exception objects.
//!
//! Each row is a class and the index of its base (`BaseException` derives
//! from `object`); `isinstance`, `issubclass` and `except` matching walk these
//! rows, never a `match` of their own.

use super::super::exceptions::TracebackEntry;
use super::super::heap::ObjId;

/// An index into [`EXCEPTIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExcKind(pub u8);

/// No base in this table: the class derives from `object`.
const ROOT: u8 = u8::MAX;

/// (name, base index), in CPython's `Lib/test/exception_hierarchy.txt` order.
pub const EXCEPTIONS: &[(&str, u8)] = &[
    ("BaseException", ROOT),         // 0
    ("BaseExceptionGroup", 0),       // 1
    ("GeneratorExit", 0),            // 2
    ("KeyboardInterrupt", 0),        // 3
    ("SystemExit", 0),               // 4
    ("Exception", 0),                // 5
    ("ArithmeticError", 5),          // 6
    ("FloatingPointError", 6),       // 7
    ("OverflowError", 6),            // 8
    ("ZeroDivisionError", 6),        // 9
    ("AssertionError", 5),           // 10
    ("AttributeError", 5),           // 11
    ("BufferError", 5),              // 12
    ("EOFError", 5),                 // 13
    ("ImportError", 5),              // 14
    ("ModuleNotFoundError", 14),     // 15
    ("LookupError", 5),              // 16
    ("IndexError", 16),              // 17
    ("KeyError", 16),                // 18
    ("MemoryError", 5),              // 19
    ("NameError", 5),                // 20
    ("UnboundLocalError", 20),       // 21
    ("OSError", 5),                  // 22
    ("FileNotFoundError", 22),       // 23
    ("ReferenceError", 5),           // 24
    ("RuntimeError", 5),             // 25
    ("NotImplementedError", 25),     // 26
    ("RecursionError", 25),          // 27
    ("StopAsyncIteration", 5),       // 28
    ("StopIteration", 5),            // 29
    ("SyntaxError", 5),              // 30
    ("SystemError", 5),              // 31
    ("TypeError", 5),                // 32
    ("ValueError", 5),               // 33
    ("UnicodeError", 33),            // 34
    ("Warning", 5),                  // 35
    ("UserWarning", 35),             // 36
    ("DeprecationWarning", 35),      // 37
    ("RuntimeWarning", 35),          // 38
    ("PythonFinalizationError", 25), // 39
    ("UnicodeDecodeError", 34),      // 40
    ("UnicodeEncodeError", 34),      // 41
];

impl ExcKind {
    pub fn name(self) -> &'static str {
        EXCEPTIONS
            .get(self.0 as usize)
            .map_or("Exception", |row| row.0)
    }

    /// The base class in this table, `None` for `BaseException`.
    pub fn base(self) -> Option<ExcKind> {
        match EXCEPTIONS.get(self.0 as usize) {
            Some(&(_, base)) if base != ROOT => Some(ExcKind(base)),
            _ => None,
        }
    }

    pub fn by_name(name: &str) -> Option<ExcKind> {
        EXCEPTIONS
            .iter()
            .position(|row| row.0 == name)
            .map(|i| ExcKind(i as u8))
    }

    pub fn all() -> impl Iterator<Item = ExcKind> {
        (0..EXCEPTIONS.len()).map(|i| ExcKind(i as u8))
    }
}

/// An exception instance (`PyBaseExceptionObject`).
#[derive(Debug, Clone)]
pub struct ExcObject {
    pub kind: ExcKind,
    /// `args`: a tuple the exception holds a reference to.
    pub args: ObjId,
    /// `__cause__` (`raise … from …`), held.
    pub cause: Option<ObjId>,
    /// `__context__`: the exception being handled when this one was raised, held.
    pub context: Option<ObjId>,
    /// `__suppress_context__`, set by `raise … from …`.
    pub suppress_context: bool,
    /// The traceback, innermost frame first (each frame it passed adds one).
    pub traceback: Vec<TracebackEntry>,
    /// The class of an instance of a program's exception class (held).
    pub class: Option<ObjId>,
    /// `__dict__`, made when an attribute is first set (held).
    pub dict: Option<ObjId>,
    /// `type(e).__name__`.
    pub type_name: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_base_comes_before_its_subclasses() {
        for kind in ExcKind::all() {
            if let Some(base) = kind.base() {
                assert!(base.0 < kind.0, "{}", kind.name());
            }
        }
        let zero = ExcKind::by_name("ZeroDivisionError").expect("known");
        assert_eq!(zero.base().map(ExcKind::name), Some("ArithmeticError"));
    }
}
