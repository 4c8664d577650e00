//! The kinds of object and their values, sizes and reprs.

use std::sync::Arc;

use num_bigint::BigInt;

use super::{ObjId, Symbol};
pub use crate::bytecode::repr::{float_repr, str_repr};
use crate::vm::builtins::Builtin;
use crate::vm::code::CodeInfo;

use crate::vm::types::ExcObject;
pub use crate::vm::types::TypeKind;
use crate::vm::types::dict::Dict;
use crate::vm::types::set::Set;

/// A user-defined function (`def`).
#[derive(Debug, Clone)]
pub struct Function {
    /// The code object (a heap object the function holds a reference to).
    pub code: ObjId,
    pub info: Arc<CodeInfo>,
    pub qualname: Symbol,
    /// `__defaults__`: a tuple, held.
    pub defaults: Option<ObjId>,
    /// `__kwdefaults__`: a dict, held.
    pub kwdefaults: Option<ObjId>,
    /// `__closure__`: a tuple of cells, held.
    pub closure: Option<ObjId>,
    /// `__annotate__`, held.
    pub annotate: Option<ObjId>,
    /// `__dict__` (function attributes, `f.calls = 0`): made when first
    /// needed, as CPython's `func_dict` is; held.
    pub dict: Option<ObjId>,
}

impl Function {
    /// The attributes `SET_FUNCTION_ATTRIBUTE` sets, with their names.
    pub fn held(&self) -> impl Iterator<Item = (ObjId, &'static str)> + '_ {
        [
            (self.defaults, "defaults"),
            (self.kwdefaults, "kwdefaults"),
            (self.closure, "closure"),
            (self.annotate, "annotate"),
            (self.dict, "__dict__"),
        ]
        .into_iter()
        .filter_map(|(id, name)| id.map(|id| (id, name)))
    }
}

/// A name → object table in insertion order, like a module's `__dict__`.
///
/// Symbols are small dense integers, so the index is a plain vector
/// (symbol → position + 1, 0 for absent): a lookup is two array reads.
#[derive(Debug, Clone, Default)]
pub struct Namespace {
    names: Vec<Symbol>,
    values: Vec<Option<ObjId>>,
    index: Vec<u32>,
}

impl Namespace {
    #[inline]
    fn position(&self, name: Symbol) -> Option<usize> {
        match self.index.get(name.0 as usize) {
            Some(&slot) if slot > 0 => Some(slot as usize - 1),
            _ => None,
        }
    }

    #[inline]
    pub fn get(&self, name: Symbol) -> Option<ObjId> {
        self.position(name).and_then(|i| self.values[i])
    }

    /// Bind `name`; returns the object it referred to before.
    pub fn set(&mut self, name: Symbol, value: ObjId) -> Option<ObjId> {
        match self.position(name) {
            Some(i) => self.values[i].replace(value),
            None => {
                let slot = name.0 as usize;
                if self.index.len() <= slot {
                    self.index.resize(slot + 1, 0);
                }
                self.names.push(name);
                self.values.push(Some(value));
                self.index[slot] = self.names.len() as u32;
                None
            }
        }
    }

    /// Unbind every name; returns the bindings in order.
    pub fn take_all(&mut self) -> Vec<(Symbol, ObjId)> {
        let entries = self.entries().collect();
        *self = Namespace::default();
        entries
    }

    /// Unbind `name`; returns the object it referred to.
    pub fn remove(&mut self, name: Symbol) -> Option<ObjId> {
        self.position(name).and_then(|i| self.values[i].take())
    }

    /// Bound names in insertion order.
    pub fn entries(&self) -> impl DoubleEndedIterator<Item = (Symbol, ObjId)> + '_ {
        self.names
            .iter()
            .zip(&self.values)
            .filter_map(|(&n, v)| v.map(|v| (n, v)))
    }
}

/// A module object (`__main__`, `sys`, `builtins`).
#[derive(Debug, Clone)]
pub struct Module {
    pub name: Symbol,
    pub namespace: Namespace,
    /// Built into the interpreter (its repr says so).
    pub builtin: bool,
    /// Its `__dict__` once the program asked for it (`globals()`): from
    /// then on the names live there, not in `namespace` (held).
    pub dict: Option<ObjId>,
}

/// The value of an object.
#[derive(Debug, Clone)]
pub enum Value {
    None,
    Ellipsis,
    NotImplemented,
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// An int that does not.
    BigInt(Arc<BigInt>),
    Float(f64),
    /// A complex number: real and imaginary parts.
    Complex(f64, f64),
    Str(Arc<str>),
    Tuple(Arc<[ObjId]>),
    List(Box<List>),
    Dict(Box<Dict>),
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    RangeIterator {
        next: i64,
        step: i64,
        remaining: i64,
    },
    /// An iterator over a tuple or a str: it holds the sequence until it is
    /// exhausted, then lets go of it (as CPython's `FOR_ITER` does).
    SeqIterator {
        kind: TypeKind,
        seq: Option<ObjId>,
        index: usize,
    },
    Code(Arc<CodeInfo>),
    Function(Box<Function>),
    Builtin(Builtin),
    Module(Box<Module>),
    Type(TypeKind),
    Exception(Box<ExcObject>),
    /// A builtin method bound to its object (`a.append` taken as a value).
    BoundMethod {
        method: Builtin,
        owner: ObjId,
    },
    /// `enumerate(it)`: the iterator it wraps (held) and the next count.
    Enumerate {
        iter: ObjId,
        count: i64,
    },
    /// `zip(a, b…)`: the iterators it wraps, held.
    Zip {
        iters: Box<[ObjId]>,
    },
    /// `map(func, *iterables)`: the function and the tuple of iterators, held.
    Map {
        func: ObjId,
        iters: ObjId,
    },
    /// `filter(func, iterable)`: the function (or None) and the iterator, held.
    Filter {
        func: ObjId,
        iter: ObjId,
    },
    /// `reversed(seq)`: the sequence (held until exhausted) and the next index + 1.
    Reversed {
        kind: TypeKind,
        seq: Option<ObjId>,
        remaining: usize,
    },
    /// A class made by a `class` statement.
    Class(Box<ClassObject>),
    /// An instance of such a class: its class and its `__dict__`, held
    /// (no `__dict__` when every class of its MRO has `__slots__`).
    Instance {
        class: ObjId,
        dict: Option<ObjId>,
        /// The values of its `__slots__` (in layout order), each held.
        slots: Option<Box<SlotValues>>,
        /// The class's name, for messages that name the type.
        type_name: &'static &'static str,
    },
    /// `object()`: no `__dict__`, no slots, not tracked by the GC.
    Object,
    /// A slot of `__slots__` on its class (`<member 'x' of 'P' objects>`):
    /// its class (held), its name and its index in the instance's slots.
    Member {
        class: ObjId,
        name: &'static str,
        index: u32,
    },
    /// A Python function bound to an object (`obj.method` taken as a value).
    Method {
        function: ObjId,
        owner: ObjId,
    },
    /// A cell (`nonlocal` and closure variables): its contents, held.
    Cell(Option<ObjId>),
    /// `d.keys()`, `d.values()`, `d.items()`: a view holding its dict.
    DictView {
        kind: TypeKind,
        dict: ObjId,
    },
    /// A set or frozenset: its table (members held).
    Set(Box<Set>),
    /// `staticmethod(f)`, `classmethod(f)`: the function, held.
    StaticMethod(ObjId),
    ClassMethod(ObjId),
    /// `property(fget, fset, fdel)`: the functions, held.
    Property {
        fget: Option<ObjId>,
        fset: Option<ObjId>,
        fdel: Option<ObjId>,
    },
    /// `slice(start, stop, step)`, held.
    Slice {
        start: ObjId,
        stop: ObjId,
        step: ObjId,
    },
    /// A generator: its frame while suspended (see [`crate::vm::types::generator`]).
    Generator(Box<crate::vm::types::generator::Generator>),
    /// `bytes` (see [`crate::vm::types::bytes`]).
    Bytes(Arc<[u8]>),
    /// `bytearray`: its bytes and its allocation.
    ByteArray(Box<crate::vm::types::bytes::ByteArray>),
}

/// The values of an instance's slots, `None` where unset.
#[derive(Debug, Clone, Default)]
pub struct SlotValues {
    pub values: Box<[Option<ObjId>]>,
    /// The instance has the pre-header pointers (a `__dict__` or `__weakref__`).
    pub pre_header: bool,
}

/// A class: its name, bases (held), MRO and namespace dict (held).
#[derive(Debug, Clone)]
pub struct ClassObject {
    pub name: &'static str,
    pub qualname: Arc<str>,
    /// `__bases__`, each held.
    pub bases: Vec<ObjId>,
    /// `__mro__` from the class itself to `object` (not held: the bases hold them).
    pub mro: Vec<ObjId>,
    /// `__dict__`: a dict, held.
    pub dict: ObjId,
    /// The slot names of its instances' layout (the bases' first).
    pub slot_names: Vec<&'static str>,
    /// Its instances have a `__dict__` (no `__slots__` somewhere, or `'__dict__'` in them).
    pub has_dict: bool,
    /// Its instances can be weakly referenced (a `__weakref__` pre-header slot).
    pub has_weakref: bool,
}

/// A list: its items and its capacity (`allocated`, what `sys.getsizeof` counts).
#[derive(Debug, Clone, Default)]
pub struct List {
    pub items: Vec<ObjId>,
    pub allocated: usize,
}

impl List {
    /// `list_resize`: CPython's over-allocation as the list grows to `newsize`.
    pub fn resize(&mut self, newsize: usize) {
        let allocated = self.allocated;
        if allocated >= newsize && newsize >= (allocated >> 1) {
            return;
        }
        let mut new_allocated = (newsize + (newsize >> 3) + 6) & !3;
        if newsize.saturating_sub(self.items.len()) > new_allocated - newsize {
            new_allocated = (newsize + 3) & !3;
        }
        if newsize == 0 {
            new_allocated = 0;
        }
        self.allocated = new_allocated;
    }

    /// `list_extend` by `n` items from a sized sequence: an empty list with
    /// no item array gets exactly `n` rounded up to even (`list_preallocate_exact`).
    pub fn grow_for_extend(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        if self.allocated == 0 {
            self.allocated = (n + 1) & !1;
        } else {
            self.resize(self.items.len() + n);
        }
    }
}

impl Value {
    pub fn type_kind(&self) -> TypeKind {
        match self {
            Value::None => TypeKind::NoneType,
            Value::Ellipsis => TypeKind::Ellipsis,
            Value::NotImplemented => TypeKind::NotImplementedType,
            Value::Bool(_) => TypeKind::Bool,
            Value::Int(_) | Value::BigInt(_) => TypeKind::Int,
            Value::Float(_) => TypeKind::Float,
            Value::Complex(..) => TypeKind::Complex,
            Value::Str(_) => TypeKind::Str,
            Value::Tuple(_) => TypeKind::Tuple,
            Value::List(_) => TypeKind::List,
            Value::Dict(_) => TypeKind::Dict,
            Value::Range { .. } => TypeKind::Range,
            Value::RangeIterator { .. } => TypeKind::RangeIterator,
            Value::SeqIterator { kind, .. } => *kind,
            Value::Code(_) => TypeKind::Code,
            Value::Function(_) => TypeKind::Function,
            Value::Builtin(builtin) => builtin.type_kind(),
            Value::Module(_) => TypeKind::Module,
            Value::Type(_) => TypeKind::Type,
            Value::Exception(exc) => TypeKind::Exc(exc.kind),
            Value::BoundMethod {
                method: crate::vm::builtins::Builtin::Slot(method, kind),
                ..
            } if method.is_wrapper(*kind) => TypeKind::MethodWrapper,
            Value::BoundMethod { .. } => TypeKind::BuiltinFunction,
            Value::DictView { kind, .. } => *kind,
            Value::Cell(_) => TypeKind::Cell,
            Value::Class(_) => TypeKind::Type,
            Value::Instance { .. } => TypeKind::Object,
            Value::Method { .. } => TypeKind::Method,
            Value::Enumerate { .. } => TypeKind::Enumerate,
            Value::Zip { .. } => TypeKind::Zip,
            Value::Map { .. } => TypeKind::Map,
            Value::Filter { .. } => TypeKind::Filter,
            Value::Reversed { kind, .. } => *kind,
            Value::Set(set) if set.frozen => TypeKind::Frozenset,
            Value::Set(_) => TypeKind::Set,
            Value::StaticMethod(_) => TypeKind::StaticMethod,
            Value::ClassMethod(_) => TypeKind::ClassMethod,
            Value::Property { .. } => TypeKind::Property,
            Value::Member { .. } => TypeKind::MemberDescriptor,
            Value::Object => TypeKind::Object,
            Value::Slice { .. } => TypeKind::Slice,
            Value::Generator(_) => TypeKind::Generator,
            Value::Bytes(_) => TypeKind::Bytes,
            Value::ByteArray(_) => TypeKind::ByteArray,
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Instance { type_name, .. } => type_name,
            Value::Member { .. } => "member_descriptor",
            Value::Exception(exc) => exc.type_name,
            _ => self.type_kind().name(),
        }
    }

    /// Holds references to other objects, released when this one is freed:
    /// every GC-tracked kind but builtin functions, which hold none here,
    /// and slices (not tracked, as they cannot be part of a cycle).
    #[inline]
    /// A built-in iterator: `iter()` of it is itself and `next()` takes it.
    pub fn is_builtin_iterator(&self) -> bool {
        matches!(
            self,
            Value::RangeIterator { .. }
                | Value::SeqIterator { .. }
                | Value::Enumerate { .. }
                | Value::Zip { .. }
                | Value::Map { .. }
                | Value::Filter { .. }
                | Value::Reversed { .. }
                | Value::Generator(_)
        )
    }

    pub fn holds_references(&self) -> bool {
        (self.is_gc() && !matches!(self, Value::Builtin(_))) || matches!(self, Value::Slice { .. })
    }

    /// Tracked by CPython's cycle GC, so allocated after a 16-byte `PyGC_Head`.
    #[inline]
    pub fn is_gc(&self) -> bool {
        matches!(
            self,
            Value::Tuple(_)
                | Value::List(_)
                | Value::Dict(_)
                | Value::Function(_)
                | Value::Builtin(_)
                | Value::Module(_)
                | Value::SeqIterator { .. }
                | Value::Exception(_)
                | Value::BoundMethod { .. }
                | Value::DictView { .. }
                | Value::Cell(_)
                | Value::Enumerate { .. }
                | Value::Zip { .. }
                | Value::Map { .. }
                | Value::Filter { .. }
                | Value::Reversed { .. }
                | Value::Class(_)
                | Value::Instance { .. }
                | Value::Method { .. }
                | Value::Set(_)
                | Value::StaticMethod(_)
                | Value::ClassMethod(_)
                | Value::Property { .. }
                | Value::Member { .. }
                | Value::Generator(_)
        )
    }

    /// `sys.getsizeof` on 64-bit CPython 3.14 (the GC header included, as it does).
    #[inline]
    pub fn size(&self) -> u32 {
        const GC_HEAD: u32 = 16;
        match self {
            Value::None | Value::Ellipsis | Value::NotImplemented | Value::Object => 16,
            Value::Bool(_) => 28,
            Value::Int(v) => int_size(64 - v.unsigned_abs().leading_zeros() as u64),
            Value::BigInt(v) => int_size(v.bits()),
            Value::Float(_) => 24,
            Value::Complex(..) => 32,
            Value::Str(text) => str_size(text),
            // PyTupleObject: header, ob_size, ob_hash (new in 3.14), items.
            Value::Tuple(items) => {
                u32::try_from(GC_HEAD as u64 + 32 + 8 * items.len() as u64).unwrap_or(u32::MAX)
            }
            // The object itself; its item array or table is a separate block
            // (see `getsizeof`).
            Value::List(_) => GC_HEAD + 40,
            Value::Dict(_) => GC_HEAD + 48,
            // PyBaseExceptionObject: header, dict, args, notes, traceback,
            // context, cause, suppress_context.
            Value::Exception(_) => GC_HEAD + 72,
            Value::BoundMethod { .. } => GC_HEAD + 56,
            Value::DictView { .. } => GC_HEAD + 24,
            Value::Cell(_) => GC_HEAD + 24,
            // enumobject: header, en_index, en_sit, en_result, en_longindex.
            Value::Enumerate { .. } => GC_HEAD + 48,
            // zipobject: header, tuplesize, ittuple, result, strict.
            Value::Zip { .. } => GC_HEAD + 48,
            // mapobject: header, iters, func, strict.
            Value::Map { .. } => GC_HEAD + 40,
            // filterobject: header, func, it.
            Value::Filter { .. } => GC_HEAD + 32,
            Value::Reversed { .. } => GC_HEAD + 32,
            // A heap type (PyHeapTypeObject) on 64-bit 3.14.
            Value::Class(_) => GC_HEAD + 928,
            // An instance with a managed dict: header and pre-header pointers.
            // With `__slots__`: one pointer a slot, and the pre-header's two
            // only when there is a `__dict__` or a `__weakref__`.
            Value::Instance {
                slots: Some(slots), ..
            } => GC_HEAD + 16 + 8 * slots.values.len() as u32 + 16 * u32::from(slots.pre_header),
            Value::Instance { .. } => GC_HEAD + 16 + 16,
            // PyMemberDescrObject: header, type, name, qualname, member.
            Value::Member { .. } => GC_HEAD + 48,
            // PyMethodObject: header, func, self, weakreflist, vectorcall.
            Value::Method { .. } => GC_HEAD + 48,
            Value::Generator(generator) => {
                crate::vm::types::generator::Generator::size(&generator.code)
            }
            Value::Range { .. } => 48,
            // PySetObject (fill, used, mask, table, hash, finger, the 8-slot
            // small table, weakreflist); a grown table is counted by getsizeof.
            Value::Set(_) => GC_HEAD + 200,
            // staticmethod/classmethod: header, callable, dict.
            Value::StaticMethod(_) | Value::ClassMethod(_) => GC_HEAD + 32,
            // propertyobject: header, get, set, del, doc, name, getter_doc.
            Value::Property { .. } => GC_HEAD + 64,
            // PySliceObject is not GC-tracked: header, start, stop, step.
            Value::Slice { .. } => 40,
            Value::RangeIterator { .. } => 40,
            // PyObject_HEAD, the index and the sequence, after the GC header.
            Value::SeqIterator { .. } => GC_HEAD + 32,
            Value::Code(info) => code_size(info),
            Value::Function(_) => GC_HEAD + 152,
            Value::Builtin(_) => GC_HEAD + 56,
            Value::Module(_) => GC_HEAD + 56,
            // A static type: sizeof(PyTypeObject), no GC header for static types.
            Value::Type(_) => 416,
            Value::Bytes(data) => {
                u32::try_from(crate::vm::types::bytes::BYTES_HEADER as u64 + data.len() as u64)
                    .unwrap_or(u32::MAX)
            }
            // The object; its buffer is counted by getsizeof, as a list's items.
            Value::ByteArray(_) => crate::vm::types::bytes::BYTEARRAY_HEADER,
        }
    }

    /// Truthiness for the kinds whose answer needs no heap lookup.
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(v) => *v != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Complex(re, im) => *re != 0.0 || *im != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Tuple(items) => !items.is_empty(),
            Value::List(list) => !list.items.is_empty(),
            Value::Dict(dict) => !dict.is_empty(),
            Value::Set(set) => !set.is_empty(),
            Value::Bytes(data) => !data.is_empty(),
            Value::ByteArray(array) => !array.data.is_empty(),
            Value::Range { start, stop, step } => range_len(*start, *stop, *step) > 0,
            _ => true,
        }
    }

    /// The repr of values that hold no other objects.
    pub fn plain_repr(&self) -> String {
        match self {
            Value::None => "None".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(v) => v.to_string(),
            Value::BigInt(v) => v.to_string(),
            Value::Float(f) => float_repr(*f),
            Value::Complex(re, im) => crate::bytecode::repr::complex_repr(*re, *im),
            Value::Str(text) => str_repr(text),
            Value::Range { start, stop, step } => {
                if *step == 1 {
                    format!("range({start}, {stop})")
                } else {
                    format!("range({start}, {stop}, {step})")
                }
            }
            Value::RangeIterator { .. } => "<range_iterator object>".into(),
            Value::Builtin(builtin) => builtin.repr(),
            Value::Type(kind) => format!("<class '{}'>", kind.name()),
            Value::Bytes(data) => crate::bytecode::repr::bytes_repr(data),
            Value::ByteArray(array) => crate::vm::types::bytes::bytearray_repr(&array.data),
            Value::Tuple(_)
            | Value::List(_)
            | Value::Dict(_)
            | Value::Exception(_)
            | Value::BoundMethod { .. }
            | Value::DictView { .. }
            | Value::Cell(_)
            | Value::Enumerate { .. }
            | Value::Zip { .. }
            | Value::Map { .. }
            | Value::Filter { .. }
            | Value::Reversed { .. }
            | Value::Class(_)
            | Value::Instance { .. }
            | Value::Method { .. }
            | Value::Set(_)
            | Value::StaticMethod(_)
            | Value::ClassMethod(_)
            | Value::Property { .. }
            | Value::Member { .. }
            | Value::Object
            | Value::Slice { .. }
            | Value::Generator(_)
            | Value::Code(_)
            | Value::Function(_)
            | Value::Module(_)
            | Value::SeqIterator { .. } => {
                format!("<{} object>", self.type_name())
            }
        }
    }
}

/// Number of items of `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let len = if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    len.min(i64::MAX as i128) as i64
}

/// `int.__sizeof__`: a 24-byte header and 30-bit digits, at least one.
#[inline]
fn int_size(bits: u64) -> u32 {
    let digits = bits.div_ceil(30).max(1);
    u32::try_from(24 + 4 * digits).unwrap_or(u32::MAX)
}

/// `str.__sizeof__` of an ASCII string of `len` characters.
pub fn ascii_str_size(len: usize) -> u32 {
    u32::try_from(40 + len as u64 + 1).unwrap_or(u32::MAX)
}

/// `str.__sizeof__` for the compact representations of PEP 393 (saturating:
/// the memory limit keeps real strings far below 4 GiB).
fn str_size(text: &str) -> u32 {
    if text.is_ascii() {
        return ascii_str_size(text.len());
    }
    let length = text.chars().count() as u64;
    let widest = text.chars().map(|c| c as u32).max().unwrap_or(0);
    let size = match widest {
        0..=0x7f => 40 + length + 1,
        0x80..=0xff => 56 + length + 1,
        0x100..=0xffff => 56 + 2 * (length + 1),
        _ => 56 + 4 * (length + 1),
    };
    u32::try_from(size).unwrap_or(u32::MAX)
}

/// `code.__sizeof__`: `offsetof(PyCodeObject, co_code_adaptive)` (208 on 64-bit
/// 3.14) plus the code units, rounded to a pointer.
fn code_size(info: &CodeInfo) -> u32 {
    (208 + info.code.code.len() as u32).div_ceil(8) * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_follow_64_bit_cpython() {
        assert_eq!(Value::Bool(true).size(), 28);
        assert_eq!(Value::Bool(false).size(), 28);
        assert_eq!(Value::Int(0).size(), 28);
        assert_eq!(Value::Int(1).size(), 28);
        assert_eq!(Value::Int(1 << 30).size(), 32);
        assert_eq!(Value::None.size(), 16);
        assert_eq!(Value::Str("hello".into()).size(), 46);
        assert_eq!(Value::Str("".into()).size(), 41);
        assert_eq!(Value::Str("é".into()).size(), 58);
        assert_eq!(
            Value::Range {
                start: 0,
                stop: 3,
                step: 1
            }
            .size(),
            48
        );
    }

    #[test]
    fn reprs_follow_python() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\nb"), "'a\\nb'");
        assert_eq!(float_repr(1e20), "1e+20");
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(2.0), "2.0");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(range_len(0, 10, 3), 4);
        assert_eq!(range_len(10, 0, -3), 4);
        assert_eq!(range_len(0, 0, 1), 0);
    }
}
