//! The kinds of object and their values, sizes and reprs.

use std::sync::Arc;

use num_bigint::BigInt;

use super::{ObjId, Symbol};
pub use crate::bytecode::repr::{float_repr, str_repr};
use crate::vm::builtins::Builtin;
use crate::vm::code::CodeInfo;

use crate::vm::types::ExcObject;
pub use crate::vm::types::TypeKind;
use crate::vm::types::TypeSpec;
use crate::vm::types::dict::Dict;
use crate::vm::types::set::Set;
pub use crate::vm::types::str::ascii_str_size;

/// A user-defined function (`def`).
#[derive(Debug, Clone)]
pub struct Function {
    /// The code object (a heap object the function holds a reference to).
    pub code: ObjId,
    pub info: Arc<CodeInfo>,
    /// `info.plain_call`, kept here too (a function's code never changes)
    /// so that the fast loop's call test reads the function, not its code.
    pub plain_call: Option<usize>,
    pub qualname: Symbol,
    /// `__defaults__`: a tuple, held.
    pub defaults: Option<ObjId>,
    /// `__kwdefaults__`: a dict, held.
    pub kwdefaults: Option<ObjId>,
    /// `__closure__`: a tuple of cells, held.
    pub closure: Option<ObjId>,
    /// `__annotate__`, held.
    pub annotate: Option<ObjId>,
    /// `__annotations__` once asked for (what `__annotate__(1)` returned,
    /// or an empty dict), held.
    pub annotations: Option<ObjId>,
    /// `__dict__` (function attributes, `f.calls = 0`): made when first
    /// needed, as CPython's `func_dict` is; held.
    pub dict: Option<ObjId>,
    /// `__name__`, `__qualname__`, `__doc__`, `__module__` once the program
    /// set them (`wrapper.__name__ = func.__name__`); held. Until then
    /// they come from the code object and the module.
    pub name: Option<ObjId>,
    pub qualname_object: Option<ObjId>,
    pub doc: Option<ObjId>,
    pub module: Option<ObjId>,
}

impl Function {
    /// The attributes `SET_FUNCTION_ATTRIBUTE` sets, with their names.
    pub fn held(&self) -> impl Iterator<Item = (ObjId, &'static str)> + '_ {
        [
            (self.defaults, "defaults"),
            (self.kwdefaults, "kwdefaults"),
            (self.closure, "closure"),
            (self.annotations, "__annotations__"),
            (self.annotate, "annotate"),
            (self.dict, "__dict__"),
            (self.name, "__name__"),
            (self.qualname_object, "__qualname__"),
            (self.doc, "__doc__"),
            (self.module, "__module__"),
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
        /// Over a dict or a set: its size when the iterator was made
        /// (`di_used`/`si_used`; `u32::MAX` once a change was seen, so
        /// the error stays) and the entries still to come (`di->len`).
        used: u32,
        left: u32,
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
    /// `zip(a, b…)`: the iterators it wraps, held; `strict=True` checks
    /// that they end together.
    Zip {
        iters: Box<[ObjId]>,
        strict: bool,
    },
    /// `map(func, *iterables)`: the function and the tuple of iterators, held.
    Map {
        func: ObjId,
        iters: ObjId,
        /// `map(..., strict=True)` (3.14): unequal lengths raise.
        strict: bool,
    },
    /// `filter(func, iterable)`: the function (or None) and the iterator, held.
    Filter {
        func: ObjId,
        iter: ObjId,
    },
    /// `iter(callable, sentinel)`: both held until the call returns the
    /// sentinel (or raises `StopIteration`), then both let go.
    CallableIterator {
        callable: Option<ObjId>,
        sentinel: Option<ObjId>,
    },
    /// A traceback (`sys.exc_info()[2]`), holding nothing.
    Traceback,
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
    /// The `__dict__` or `__weakref__` attribute of a class's instances,
    /// in the class's dict (`<attribute '__dict__' of 'C' objects>`): its
    /// class (held, `d_type`) and its name.
    GetSet {
        class: ObjId,
        name: &'static str,
    },
    /// A Python function bound to an object (`obj.method` taken as a value).
    Method {
        function: ObjId,
        owner: ObjId,
    },
    /// A `super` object (`super()` or `super(C, obj)` taken as a value):
    /// the class after which lookups start, the object, and the type whose
    /// MRO is searched (`type(obj)`, or `obj` itself for a class), all held.
    Super {
        class: ObjId,
        obj: ObjId,
        obj_type: ObjId,
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
    /// `list[int]` (`types.GenericAlias`): the subscripted type and the
    /// tuple of arguments, held.
    GenericAlias {
        origin: ObjId,
        args: ObjId,
    },
    /// `int | None` (`typing.Union`): the tuple of its members, held.
    Union {
        args: ObjId,
    },
    /// `staticmethod(f)`, `classmethod(f)`: the function, held.
    StaticMethod(ObjId, Option<ObjId>),
    ClassMethod(ObjId, Option<ObjId>),
    /// `property(fget, fset, fdel, doc)`: the functions and the doc (given,
    /// or the getter's own when `getter_doc`), held.
    Property {
        fget: Option<ObjId>,
        fset: Option<ObjId>,
        fdel: Option<ObjId>,
        doc: Option<ObjId>,
        getter_doc: bool,
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

/// A class: its name, bases, MRO and namespace dict, held as CPython's
/// heap type holds them: `tp_dict`, the `tp_bases` and `tp_mro` tuples
/// (the MRO tuple holds the class itself: a class is always in a cycle,
/// freed only by the collector) and `tp_base`.
#[derive(Debug, Clone)]
pub struct ClassObject {
    pub name: &'static str,
    /// `name` as its instances keep it (`Value::Instance::type_name`).
    pub instance_type_name: &'static &'static str,
    pub qualname: Arc<str>,
    /// The bases as the `class` statement gave them (empty for none; the
    /// `__bases__` tuple holds them).
    pub bases: Vec<ObjId>,
    /// `__mro__` from the class itself to `object` (the `__mro__` tuple holds them).
    pub mro: Vec<ObjId>,
    /// `__bases__` (`tp_bases`): a tuple, held (`(object,)` for no bases).
    pub bases_tuple: ObjId,
    /// `__mro__` (`tp_mro`): a tuple, held once the class is made.
    pub mro_tuple: Option<ObjId>,
    /// `__base__` (`tp_base`): the base whose layout it extends, held.
    pub base: ObjId,
    /// `__dict__`: a dict, held.
    pub dict: ObjId,
    /// The slot names of its instances' layout (the bases' first).
    pub slot_names: Vec<&'static str>,
    /// Its instances have a `__dict__` (no `__slots__` somewhere, or `'__dict__'` in them).
    pub has_dict: bool,
    /// Its instances can be weakly referenced (a `__weakref__` pre-header slot).
    pub has_weakref: bool,
    /// `type(cls)` when it is a metaclass the program made (held, as a heap
    /// type holds `Py_TYPE`); `None` for `type`.
    pub metaclass: Option<ObjId>,
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
    /// `type(obj)` of a built-in object (an instance's nearest built-in
    /// base, `object`; a class's, `type`): its spec's kind.
    #[inline(always)]
    pub fn type_kind(&self) -> TypeKind {
        self.spec().kind
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Instance { type_name, .. } => type_name,
            Value::Member { .. } => "member_descriptor",
            Value::GetSet { .. } => "getset_descriptor",
            Value::Exception(exc) => exc.type_name,
            _ => self.type_kind().name(),
        }
    }

    /// The spec of its type (CPython's `Py_TYPE(obj)`): the one place a
    /// value's representation names its type. An instance of a program's
    /// class (and such a class itself) has the heap type's spec.
    #[inline(always)]
    pub fn spec(&self) -> &'static TypeSpec {
        use crate::vm::types as t;
        match self {
            Value::None => &t::singletons::NONE,
            Value::Ellipsis => &t::singletons::ELLIPSIS,
            Value::NotImplemented => &t::singletons::NOT_IMPLEMENTED,
            Value::Bool(_) => &t::int::BOOL,
            Value::Int(_) | Value::BigInt(_) => &t::int::INT,
            Value::Float(_) => &t::float::FLOAT,
            Value::Complex(..) => &t::complex::COMPLEX,
            Value::Str(_) => &t::str::STR,
            Value::Tuple(_) => &t::tuple::TUPLE,
            Value::List(_) => &t::list::LIST,
            Value::Dict(_) => &t::dict::DICT,
            Value::Range { .. } => &t::range::RANGE,
            Value::RangeIterator { .. } => &t::range::RANGE_ITERATOR,
            Value::SeqIterator { kind, .. }
            | Value::Reversed { kind, .. }
            | Value::DictView { kind, .. } => kind.spec(),
            Value::Code(_) => &t::callables::CODE,
            Value::Function(_) => &t::callables::FUNCTION,
            Value::Builtin(builtin) => builtin.type_kind().spec(),
            Value::BoundMethod {
                method: crate::vm::builtins::Builtin::Slot(method, kind),
                ..
            } if method.is_wrapper(*kind) => &t::callables::METHOD_WRAPPER,
            Value::BoundMethod { .. } => &t::callables::BUILTIN_FUNCTION,
            Value::Module(_) => &t::module::MODULE,
            Value::Type(_) => &t::typeobj::TYPE,
            Value::Class(_) => &t::typeobj::HEAP_TYPE,
            Value::Exception(exc) => exc.kind.spec(),
            Value::Cell(_) => &t::callables::CELL,
            Value::Instance { .. } => &t::object::INSTANCE,
            Value::Object => &t::object::OBJECT,
            Value::Method { .. } => &t::callables::METHOD,
            Value::Super { .. } => &t::typeobj::SUPER_OBJECT,
            Value::Enumerate { .. } => &t::iterators::ENUMERATE,
            Value::Zip { .. } => &t::iterators::ZIP,
            Value::Map { .. } => &t::iterators::MAP,
            Value::Filter { .. } => &t::iterators::FILTER,
            Value::CallableIterator { .. } => &t::iterators::CALLABLE_ITERATOR,
            Value::Traceback => &t::exceptions::TRACEBACK,
            Value::Set(set) if set.frozen => &t::set::FROZENSET,
            Value::Set(_) => &t::set::SET,
            Value::StaticMethod(..) => &t::callables::STATIC_METHOD,
            Value::ClassMethod(..) => &t::callables::CLASS_METHOD,
            Value::Property { .. } => &t::callables::PROPERTY,
            Value::Member { .. } => &t::callables::MEMBER_DESCRIPTOR,
            Value::GetSet { .. } => &t::callables::GETSET_DESCRIPTOR,
            Value::Slice { .. } => &t::slice::SLICE,
            Value::GenericAlias { .. } => &t::alias::GENERIC_ALIAS,
            Value::Union { .. } => &t::alias::UNION,
            Value::Generator(_) => &t::generator::GENERATOR,
            Value::Bytes(_) => &t::bytes::BYTES,
            Value::ByteArray(_) => &t::bytes::BYTEARRAY,
        }
    }

    /// A built-in iterator: `iter()` of it is itself and `next()` takes it.
    #[inline]
    pub fn is_builtin_iterator(&self) -> bool {
        self.spec().iterator
    }

    /// Holds references to other objects (its type can traverse), released
    /// when this one is freed.
    #[inline(always)]
    pub fn holds_references(&self) -> bool {
        self.spec().slots.traverse.is_some()
    }

    /// Tracked by CPython's cycle GC, so allocated after a 16-byte `PyGC_Head`.
    #[inline(always)]
    pub fn is_gc(&self) -> bool {
        self.spec().gc
    }

    /// `sys.getsizeof` on 64-bit CPython 3.14 (the GC header included, as it
    /// does): the type's `__sizeof__`, or its fixed size.
    #[inline(always)]
    pub fn size(&self) -> u32 {
        let spec = self.spec();
        match spec.slots.sizeof {
            Some(sizeof) => sizeof(self),
            None => spec.basic_size,
        }
    }

    /// Truthiness of a built-in value: its type's `bool` slot, else true
    /// (instances of a program's classes are asked by the VM).
    #[inline]
    pub fn truthy(&self) -> bool {
        match self.spec().slots.bool {
            Some(truth) => truth(self),
            None => true,
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
