//! The built-in exception hierarchy as data, and exception objects.
//!
//! Each row is a class and the index of its base (`BaseException` derives
//! from `object`); each row is also a registered type, its [`TypeSpec`]
//! built from the row ([`EXC_SPECS`]) with the slots all exceptions share.
//! `isinstance`, `issubclass` and `except` matching walk these rows, never a
//! `match` of their own.

use super::super::exceptions::{PyException, TracebackEntry};
use super::super::heap::ObjId;
use super::{GC_HEAD, Slots, TypeKind, TypeSpec, attribute};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{Heap, Object, Referrer, Value};

/// A traceback object (`sys.exc_info()[2]`): PyObject_HEAD, tb_next,
/// tb_frame, tb_lasti and tb_lineno, after the GC header. bytestep keeps
/// the entries in the exception; the object's attributes are refused.
pub const TRACEBACK: TypeSpec = TypeSpec {
    kind: TypeKind::Traceback,
    gc: true,
    slots: Slots {
        repr: Some(super::default_repr),
        // (It holds nothing of the program's.)
        traverse: Some(|_, _, _| {}),
        ..Slots::EMPTY
    },
    ..TypeSpec::new("traceback", GC_HEAD + 40)
};

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

/// PyBaseExceptionObject: header, dict, args, notes, traceback, context,
/// cause, suppress_context. Every exception class shares these slots.
const BASE_EXCEPTION: TypeSpec = TypeSpec {
    basetype: true,
    gc: true,
    subclassable: true,
    slots: Slots {
        traverse: Some(traverse),
        repr: Some(repr),
        str: Some(str),
        vm: super::protocol::VmSlots {
            str: Some(|vm, exc| vm.exception_str(exc)),
            getattr: Some(getattr),
            ..super::protocol::VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("BaseException", GC_HEAD + 72)
};

/// One spec a row of [`EXCEPTIONS`]: its name and base, the shared slots.
pub static EXC_SPECS: [TypeSpec; EXCEPTIONS.len()] = {
    let mut specs = [BASE_EXCEPTION; EXCEPTIONS.len()];
    let mut i = 0;
    while i < EXCEPTIONS.len() {
        let (name, base) = EXCEPTIONS[i];
        specs[i].kind = TypeKind::Exc(ExcKind(i as u8));
        specs[i].name = name;
        specs[i].base = Some(if base == ROOT {
            TypeKind::Object
        } else {
            TypeKind::Exc(ExcKind(base))
        });
        i += 1;
    }
    specs
};

/// Its args, class (of a program's subclass), `__dict__`, context and cause.
fn traverse(_: &Heap, object: &Object, out: &mut Vec<(ObjId, Referrer)>) {
    let Value::Exception(exc) = &object.value else {
        return;
    };
    out.push((exc.args, attribute(object, "args")));
    out.extend(exc.class.map(|c| (c, attribute(object, "__class__"))));
    out.extend(exc.dict.map(|d| (d, attribute(object, "__dict__"))));
    out.extend(exc.context.map(|c| (c, attribute(object, "__context__"))));
    out.extend(exc.cause.map(|c| (c, attribute(object, "__cause__"))));
}

/// `args`, `__cause__`, `__context__`, a `StopIteration`'s `value` and a
/// `SystemExit`'s `code`.
fn getattr(
    vm: &mut crate::vm::Vm,
    obj: ObjId,
    name: crate::vm::heap::Symbol,
) -> crate::vm::Flow<ObjId> {
    let Value::Exception(exc) = vm.heap.value(obj) else {
        return Err(vm.no_attribute(obj, name));
    };
    match vm.heap.symbols.text(name) {
        "args" => Ok(exc.args),
        "__cause__" => Ok(exc.cause.unwrap_or(vm.singletons.none)),
        "value" if exc.kind.name() == "StopIteration" => Ok(vm.stop_iteration_value(obj)),
        "code" if exc.kind.name() == "SystemExit" => Ok(vm.system_exit_code(obj)),
        "__context__" => Ok(exc.context.unwrap_or(vm.singletons.none)),
        _ => Err(vm.no_attribute(obj, name)),
    }
}

/// `ZeroDivisionError('division by zero')`: the class and the args.
fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, depth: usize) -> Result<(), Stop> {
    let Value::Exception(exc) = &object.value else {
        return Ok(());
    };
    w.push(exc.type_name)?;
    let args = w.heap.get(exc.args);
    match &args.value {
        _ if !args.alive => w.push("()"),
        Value::Tuple(items) if items.len() == 1 => {
            w.push("(")?;
            w.write(items[0], depth + 1)?;
            w.push(")")
        }
        Value::Tuple(items) if items.is_empty() => w.push("()"),
        _ => w.write(exc.args, depth + 1),
    }
}

/// `BaseException.__str__`: '' for no args, str(arg) for one (KeyError:
/// its repr), else the args' repr.
fn str(heap: &Heap, id: ObjId) -> Result<String, Box<PyException>> {
    let Value::Exception(exc) = heap.value(id) else {
        return heap.try_repr(id);
    };
    match heap.value(exc.args) {
        Value::Tuple(args) if args.is_empty() => Ok(String::new()),
        Value::Tuple(args) if args.len() == 1 => {
            if exc.kind.name() == "KeyError" {
                heap.try_repr(args[0])
            } else {
                heap.try_str(args[0])
            }
        }
        _ => heap.try_repr(exc.args),
    }
}

impl ExcKind {
    /// The class's spec.
    #[inline]
    pub fn spec(self) -> &'static TypeSpec {
        EXC_SPECS.get(self.0 as usize).unwrap_or(&BASE_EXCEPTION)
    }

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
    /// The name a `NameError`/`AttributeError` the interpreter raised did
    /// not find, kept for the "Did you mean" of a bare `raise` of it.
    pub missing: Option<Box<crate::vm::exceptions::Missing>>,
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
