//! Types as data: one [`TypeSpec`] per built-in type, its slots included.
//!
//! Every built-in type has one [`TypeSpec`], declared in the type's own
//! module (`int.rs`, `str.rs`, `list.rs`, `dict.rs`, `callables.rs`…) and
//! registered by one line of the `registry!` table below, which also makes
//! the [`TypeKind`] enum, [`TypeKind::spec`] and the order of
//! [`TypeKind::all`] (the order the static type objects are made, so their
//! ids). `TypeKind::name`, `base`, `mro` and `by_name` read the specs. The
//! exception classes are the rows of [`exceptions::EXCEPTIONS`], each with a
//! spec built from its row ([`exceptions::EXC_SPECS`]) and their shared slots.
//! Adding a built-in type: a module with its spec, one registry line, one
//! arm in `Value::spec` if it has a `Value` of its own.
//!
//! `Value::spec` (CPython's `Py_TYPE`) is the one place a value's
//! representation names its type; `Value::type_kind` is its spec's `kind`.
//! Instances of a program's classes and the classes themselves are heap
//! types: their specs are [`object::INSTANCE`] and [`typeobj::HEAP_TYPE`]
//! (unregistered; `type_kind` says `object` and `type`), whose slots call the
//! class's special methods (`__len__`, `__iter__`, `__getitem__`, `__hash__`,
//! `__str__`…), as CPython's `slot_sq_length`, `slot_tp_iter`… do. A list or
//! dict made by a subclass keeps the built-in slots, which consult the
//! subclass's hooks (`__missing__`, `__str__`).
//!
//! A spec holds the type's facts — name, base, `gc` (tracked by the cycle
//! GC, after a `PyGC_Head`), `subclassable` (a `class` statement may derive
//! from it), `iterator` (its own iterator), `hashable`, `release_in_order`
//! (its deallocator's order), `basic_size` — and its [`Slots`]: `Option`s of
//! plain function pointers. Heap-level slots need no interpreter: `traverse`
//! (`Heap::children`, the one traversal behind release, the cycle GC, the
//! invariants and the UI's reachability walk), `sizeof`/`getsizeof`
//! (`Value::size`, `sys.getsizeof`), `repr` (`Heap::repr`/`try_repr`), `str`,
//! `bool` (truth) and `len`. Interpreter-level slots ([`protocol::VmSlots`])
//! may allocate, raise or call Python code: `len`, `bool`, `iter`, `next`,
//! `getitem`, `setitem`, `delitem`, `contains`, `hash`, `hash_key` (what a
//! dict or set finds an object by), `order` (equality and ordering of
//! built-in values), `str` and `getattr` (a built-in object's own
//! attributes). The generic operations in [`protocol`] look up the slot of
//! the object's type and call it, or raise CPython's `TypeError`.
//! `isinstance`, `issubclass` and `except` matching walk [`TypeKind::mro`].
//!
//! Not slots (yet), each for a reason: the number protocol (`BINARY_OP`'s
//! chain in `opcodes.rs` tries instances' reflected methods, sets, lists,
//! bytes and dicts in an order CPython's `binary_op1` gets from two slot
//! kinds; its int fast paths live in `exec/quick.rs`); `LOAD_ATTR`'s method,
//! instance and descriptor lookups before the `getattr` slot (`classes.rs`,
//! `descriptors.rs`, the table in [`attrs`]); calls (`exec/call.rs`); the
//! reprs that call `__repr__` inside containers (`dunders.rs`, which walks
//! the items of lists, tuples, dicts and sets itself); rich comparison with
//! instances (`dunders.rs`) and the numeric tower (`opcodes.rs`), before
//! the `order` slot; each type's methods, found by name in `containers.rs`,
//! `strings.rs`, `sets.rs` and `bytes.rs`; and the stepping of enumerate,
//! zip, map, filter and reversed (`iterators.rs`, behind their `next` slot).

pub mod alias;
mod attr_table;
pub mod attrs;
pub mod bytes;
pub mod callables;
pub mod complex;
pub mod dict;
pub mod exceptions;
pub mod float;
pub mod generator;
pub mod int;
pub mod iterators;
pub mod list;
pub mod module;
pub mod object;
pub mod protocol;
pub mod range;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod str;
pub mod stream;
pub mod tuple;
pub mod typeobj;

pub use exceptions::{EXCEPTIONS, ExcKind, ExcObject};

use super::heap::repr::{Stop, Writer};
use super::heap::{Heap, ObjId, Object, Referrer, Value};

/// `tp_traverse`: push each reference the object holds, with its referrer,
/// in the order the deallocator would find them.
pub type Traverse = fn(&Heap, &Object, &mut Vec<(ObjId, Referrer)>);
/// `tp_repr` of a value, written without calling Python code.
pub type Repr = fn(&mut Writer<'_>, ObjId, &Object, usize) -> Result<(), Stop>;

/// `tp_str` of a value, without calling Python code.
pub type StrSlot = fn(&Heap, ObjId) -> Result<String, Box<super::exceptions::PyException>>;

/// A type's slots (CPython's `tp_*`, `nb_*`, `sq_*`, `mp_*`): `None` where
/// the type has no such operation.
#[derive(Clone, Copy)]
pub struct Slots {
    /// The references it holds (`tp_traverse`), if it can hold any.
    pub traverse: Option<Traverse>,
    /// `__sizeof__` where it depends on the value (else `basic_size`).
    pub sizeof: Option<fn(&Value) -> u32>,
    /// `sys.getsizeof` where a separate buffer counts too (a list's items).
    pub getsizeof: Option<fn(&Object) -> u64>,
    /// `repr()` (else `<name object>`).
    pub repr: Option<Repr>,
    /// `str()` where it differs from `repr()`.
    pub str: Option<StrSlot>,
    /// Truth (`nb_bool`, or a container's length); absent: always true.
    pub bool: Option<fn(&Value) -> bool>,
    /// `len()` (`sq_length`/`mp_length`).
    pub len: Option<fn(&Heap, &Value) -> usize>,
    /// The slots that may need the interpreter (see [`protocol`]).
    pub vm: protocol::VmSlots,
}

impl Slots {
    /// No slot at all.
    pub const EMPTY: Slots = Slots {
        traverse: None,
        sizeof: None,
        getsizeof: None,
        repr: None,
        str: None,
        bool: None,
        len: None,
        vm: protocol::VmSlots::EMPTY,
    };
}

/// One built-in type: CPython's `PyTypeObject` as far as bytestep needs it.
#[derive(Clone, Copy)]
pub struct TypeSpec {
    /// The type this spec describes (`type(obj)` of a built-in object).
    pub kind: TypeKind,
    /// `__name__`.
    pub name: &'static str,
    /// `__module__` (`builtins` for most).
    pub module: &'static str,
    /// `__base__`: `None` only for `object`.
    pub base: Option<TypeKind>,
    /// Tracked by the cycle GC, so allocated after a 16-byte `PyGC_Head`
    /// (`Py_TPFLAGS_HAVE_GC`).
    pub gc: bool,
    /// CPython lets a class derive from it (`Py_TPFLAGS_BASETYPE`).
    pub basetype: bool,
    /// A `class` statement may derive from it in bytestep (a subset of
    /// `basetype`).
    pub subclassable: bool,
    /// A built-in iterator: `iter()` of it is itself and `next()` takes it.
    pub iterator: bool,
    /// Its deallocator drops its references in traversal order (a dict
    /// its first entry first, a generator's frame its first local first,
    /// `_PyFrame_ClearExceptCode`); others drop the last first, as
    /// `tupledealloc` does.
    pub release_in_order: bool,
    /// `hash()` works (else `tp_hash` is `PyObject_HashNotImplemented`);
    /// without a `hash` slot it is the object's address.
    pub hashable: bool,
    /// `sys.getsizeof` of a fixed-size instance (the GC header included).
    pub basic_size: u32,
    pub slots: Slots,
}

impl TypeSpec {
    /// A type deriving from `object` with no slots: the start of every spec.
    pub const fn new(name: &'static str, basic_size: u32) -> TypeSpec {
        TypeSpec {
            kind: TypeKind::Object,
            name,
            module: "builtins",
            base: Some(TypeKind::Object),
            gc: false,
            basetype: false,
            subclassable: false,
            iterator: false,
            release_in_order: false,
            hashable: true,
            basic_size,
            slots: Slots::EMPTY,
        }
    }
}

/// `sizeof(PyGC_Head)`: what a GC-tracked object has before its address.
pub const GC_HEAD: u32 = 16;

/// The registry: every built-in type but the exception classes, one line
/// each (`Kind => spec`), in the order their type objects are made.
macro_rules! registry {
    ($( $(#[$doc:meta])* $kind:ident => $spec:path, )*) => {
        /// A Python type bytestep knows.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum TypeKind {
            $( $(#[$doc])* $kind, )*
            /// A built-in exception class (a row of [`EXCEPTIONS`]).
            Exc(ExcKind),
        }

        /// The registered types, in registration order.
        const REGISTERED: &[TypeKind] = &[$(TypeKind::$kind,)*];

        impl TypeKind {
            /// The type's spec: its facts and slots.
            #[inline]
            pub fn spec(self) -> &'static TypeSpec {
                match self {
                    $(TypeKind::$kind => &$spec,)*
                    TypeKind::Exc(kind) => kind.spec(),
                }
            }
        }
    };
}

registry! {
    Object => object::OBJECT,
    NoneType => singletons::NONE,
    Bool => int::BOOL,
    Int => int::INT,
    Float => float::FLOAT,
    Str => str::STR,
    Tuple => tuple::TUPLE,
    List => list::LIST,
    Dict => dict::DICT,
    Range => range::RANGE,
    RangeIterator => range::RANGE_ITERATOR,
    TupleIterator => tuple::TUPLE_ITERATOR,
    ListIterator => list::LIST_ITERATOR,
    DictKeyIterator => dict::DICT_KEY_ITERATOR,
    DictValueIterator => dict::DICT_VALUE_ITERATOR,
    DictItemIterator => dict::DICT_ITEM_ITERATOR,
    DictKeys => dict::DICT_KEYS,
    DictValues => dict::DICT_VALUES,
    DictItems => dict::DICT_ITEMS,
    StrAsciiIterator => str::STR_ASCII_ITERATOR,
    StrIterator => str::STR_ITERATOR,
    Function => callables::FUNCTION,
    Method => callables::METHOD,
    Cell => callables::CELL,
    Enumerate => iterators::ENUMERATE,
    Zip => iterators::ZIP,
    Map => iterators::MAP,
    Filter => iterators::FILTER,
    Reversed => iterators::REVERSED,
    Generator => generator::GENERATOR,
    ListReverseIterator => list::LIST_REVERSE_ITERATOR,
    BuiltinFunction => callables::BUILTIN_FUNCTION,
    MethodDescriptor => callables::METHOD_DESCRIPTOR,
    /// `int.__add__`: a special method of a built-in type, unbound.
    WrapperDescriptor => callables::WRAPPER_DESCRIPTOR,
    /// `(1).__add__`: the same, bound to its object.
    MethodWrapper => callables::METHOD_WRAPPER,
    Module => module::MODULE,
    Code => callables::CODE,
    Type => typeobj::TYPE,
    Ellipsis => singletons::ELLIPSIS,
    NotImplementedType => singletons::NOT_IMPLEMENTED,
    Set => set::SET,
    Frozenset => set::FROZENSET,
    SetIterator => set::SET_ITERATOR,
    /// `iter()` of an object with `__getitem__` only (the old sequence protocol).
    SeqIter => iterators::SEQ_ITER,
    StaticMethod => callables::STATIC_METHOD,
    ClassMethod => callables::CLASS_METHOD,
    Property => callables::PROPERTY,
    /// A slot of `__slots__` on its class.
    MemberDescriptor => callables::MEMBER_DESCRIPTOR,
    Slice => slice::SLICE,
    Super => typeobj::SUPER,
    Complex => complex::COMPLEX,
    Bytes => bytes::BYTES,
    ByteArray => bytes::BYTEARRAY,
    BytesIterator => bytes::BYTES_ITERATOR,
    ByteArrayIterator => bytes::BYTEARRAY_ITERATOR,
    /// A class's `__dict__` and `__weakref__` attributes.
    GetSetDescriptor => callables::GETSET_DESCRIPTOR,
    /// A class's `__dict__`: a read-only view of its dict.
    MappingProxy => dict::MAPPING_PROXY,
    /// `sys.stdout`, `sys.stderr`.
    TextIOWrapper => stream::TEXT_IO_WRAPPER,
    /// `__future__.annotations`…
    Feature => stream::FEATURE,
    /// `list[int]`.
    GenericAlias => alias::GENERIC_ALIAS,
    /// `int | None`.
    Union => alias::UNION,
    /// `iter(callable, sentinel)`.
    CallableIterator => iterators::CALLABLE_ITERATOR,
    /// `sys.exc_info()[2]`.
    Traceback => exceptions::TRACEBACK,
    /// `reversed(d)`, `reversed(d.values())`, `reversed(d.items())`.
    DictReverseKeyIterator => dict::DICT_REVERSE_KEY_ITERATOR,
    DictReverseValueIterator => dict::DICT_REVERSE_VALUE_ITERATOR,
    DictReverseItemIterator => dict::DICT_REVERSE_ITEM_ITERATOR,
}

impl TypeKind {
    /// Every type, the exception classes last.
    pub fn all() -> Vec<TypeKind> {
        let mut all = REGISTERED.to_vec();
        all.extend(ExcKind::all().map(TypeKind::Exc));
        all
    }

    /// `type.__name__`
    #[inline]
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// `__base__`: `None` only for `object`.
    #[inline]
    pub fn base(self) -> Option<TypeKind> {
        self.spec().base
    }

    /// `__mro__`: the type, then its bases up to `object` (single inheritance).
    pub fn mro(self) -> impl Iterator<Item = TypeKind> {
        std::iter::successors(Some(self), |kind| kind.base())
    }

    /// `issubclass(self, other)`.
    pub fn is_subtype(self, other: TypeKind) -> bool {
        self.mro().any(|kind| kind == other)
    }

    /// A type whose instances are exceptions.
    pub fn exception(self) -> Option<ExcKind> {
        match self {
            TypeKind::Exc(kind) => Some(kind),
            _ => None,
        }
    }

    /// Looked up by `__name__` (the built-in types and exception classes).
    pub fn by_name(name: &str) -> Option<TypeKind> {
        REGISTERED
            .iter()
            .copied()
            .find(|kind| kind.name() == name)
            .or_else(|| ExcKind::by_name(name).map(TypeKind::Exc))
    }
}

/// The items of a sequence as traversal sees them (`tuple 0x…[i]`).
pub fn items_traverse(
    items: &[ObjId],
    object: &Object,
    type_name: &'static str,
    out: &mut Vec<(ObjId, Referrer)>,
) {
    out.extend(items.iter().enumerate().map(|(index, &item)| {
        (
            item,
            Referrer::Item {
                container: object.address,
                type_name,
                index: index as u32,
            },
        )
    }));
}

/// A named field of an object as traversal sees it (`obj 0x….__dict__`).
pub fn attribute(object: &Object, name: &'static str) -> Referrer {
    Referrer::Attribute {
        owner: object.address,
        name,
    }
}

/// What an iterator holds its iterable as.
pub fn iterator_referrer(object: &Object) -> Referrer {
    Referrer::Iterator {
        iterator: object.address,
    }
}

/// `<name object at 0x…>`, the repr of objects without one of their own.
pub fn default_repr(
    w: &mut Writer<'_>,
    _id: ObjId,
    object: &Object,
    _depth: usize,
) -> Result<(), Stop> {
    w.push(&format!(
        "<{} object at {:#x}>",
        object.value.type_name(),
        object.address
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mros_end_in_object() {
        let zero = TypeKind::by_name("ZeroDivisionError").expect("known");
        let names: Vec<&str> = zero.mro().map(TypeKind::name).collect();
        assert_eq!(
            names,
            [
                "ZeroDivisionError",
                "ArithmeticError",
                "Exception",
                "BaseException",
                "object"
            ]
        );
        assert!(TypeKind::Bool.is_subtype(TypeKind::Int));
        assert!(!TypeKind::Int.is_subtype(TypeKind::Bool));
    }

    /// Every registered type's spec agrees with itself and the registry.
    #[test]
    fn every_registered_type_has_consistent_slots() {
        let all = TypeKind::all();
        assert_eq!(all.len(), REGISTERED.len() + EXCEPTIONS.len());
        let mut names = std::collections::HashSet::new();
        let specs = all.iter().map(|&kind| (kind.name(), kind.spec())).chain([
            ("<instance>", &object::INSTANCE),
            ("<class>", &typeobj::HEAP_TYPE),
        ]);
        for &kind in &all {
            assert_eq!(
                kind.spec().kind,
                kind,
                "{}: its spec names another type",
                kind.name()
            );
            assert_eq!(
                TypeKind::by_name(kind.name()),
                Some(kind),
                "{}",
                kind.name()
            );
            assert!(names.insert(kind.name()), "two types named {}", kind.name());
            // Bases are registered and the MRO ends in `object`.
            if let Some(base) = kind.base() {
                assert!(all.contains(&base), "{}'s base", kind.name());
            }
            assert_eq!(kind.mro().last(), Some(TypeKind::Object), "{}", kind.name());
        }
        for (name, spec) in specs {
            // bytestep subclasses only what CPython can.
            if spec.subclassable {
                assert!(spec.basetype, "{name}: subclassable but no base type");
            }
            // What the cycle GC tracks it must be able to traverse.
            if spec.gc {
                assert!(spec.slots.traverse.is_some(), "{name}: gc without traverse");
            }
            // A built-in iterator is stepped by `next`, so it is no container.
            if spec.iterator {
                assert!(spec.slots.len.is_none(), "{name}: an iterator with len");
            }
            // An unhashable type has no hash.
            if !spec.hashable {
                assert!(
                    spec.slots.vm.hash.is_none() && spec.slots.vm.hash_key.is_none(),
                    "{name}: unhashable with a hash"
                );
            }
            // A size from the value, or a fixed one.
            assert!(
                spec.slots.sizeof.is_some() || spec.basic_size > 0,
                "{name}: no size"
            );
            // Truth from a length where there is one.
            if spec.slots.len.is_some()
                && !matches!(
                    name,
                    "dict_keys" | "dict_values" | "dict_items" | "mappingproxy"
                )
            {
                assert!(spec.slots.bool.is_some(), "{name}: len without bool");
            }
        }
        assert_eq!(TypeKind::Exc(ExcKind(0)).spec().name, "BaseException");
        assert_eq!(
            TypeKind::by_name("KeyError")
                .and_then(TypeKind::base)
                .map(TypeKind::name),
            Some("LookupError")
        );
    }
}
