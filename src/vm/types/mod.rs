//! Type facts as data: every built-in type's name and base class.
//!
//! `type()`, `isinstance`, `issubclass` and `except` matching all walk
//! [`TypeKind::mro`]; nothing else decides subclassing. Exception classes are
//! rows of the table in [`exceptions`].
//!
//! Where this stands (issue 12): types are static immortal heap objects with a
//! name, a base and an MRO; per-type behaviour (repr, compare, iteration…)
//! still lives in the `match`es of `heap` and `opcodes`, to become per-type
//! slot tables next.

mod attr_table;
pub mod attrs;
pub mod bytes;
pub mod dict;
pub mod exceptions;
pub mod generator;
pub mod set;

pub use exceptions::{EXCEPTIONS, ExcKind, ExcObject};

/// A Python type bytestep knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TypeKind {
    Object,
    NoneType,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Tuple,
    List,
    Dict,
    Range,
    RangeIterator,
    TupleIterator,
    ListIterator,
    DictKeyIterator,
    DictValueIterator,
    DictItemIterator,
    DictKeys,
    DictValues,
    DictItems,
    StrAsciiIterator,
    StrIterator,
    Function,
    Method,
    Cell,
    Enumerate,
    Zip,
    Map,
    Filter,
    Reversed,
    Generator,
    ListReverseIterator,
    BuiltinFunction,
    MethodDescriptor,
    /// `int.__add__`: a special method of a built-in type, unbound.
    WrapperDescriptor,
    /// `(1).__add__`: the same, bound to its object.
    MethodWrapper,
    Module,
    Code,
    Type,
    Ellipsis,
    NotImplementedType,
    Set,
    Frozenset,
    SetIterator,
    /// `iter()` of an object with `__getitem__` only (the old sequence protocol).
    SeqIter,
    StaticMethod,
    ClassMethod,
    Property,
    /// A slot of `__slots__` on its class.
    MemberDescriptor,
    Slice,
    Super,
    Bytes,
    ByteArray,
    BytesIterator,
    ByteArrayIterator,
    /// A built-in exception class.
    Exc(ExcKind),
}

impl TypeKind {
    /// Every type, the exception classes last.
    pub fn all() -> Vec<TypeKind> {
        let mut all = vec![
            TypeKind::Object,
            TypeKind::NoneType,
            TypeKind::Bool,
            TypeKind::Int,
            TypeKind::Float,
            TypeKind::Str,
            TypeKind::Tuple,
            TypeKind::List,
            TypeKind::Dict,
            TypeKind::Range,
            TypeKind::RangeIterator,
            TypeKind::TupleIterator,
            TypeKind::ListIterator,
            TypeKind::DictKeyIterator,
            TypeKind::DictValueIterator,
            TypeKind::DictItemIterator,
            TypeKind::DictKeys,
            TypeKind::DictValues,
            TypeKind::DictItems,
            TypeKind::StrAsciiIterator,
            TypeKind::StrIterator,
            TypeKind::Function,
            TypeKind::Method,
            TypeKind::Cell,
            TypeKind::Enumerate,
            TypeKind::Zip,
            TypeKind::Map,
            TypeKind::Filter,
            TypeKind::Reversed,
            TypeKind::Generator,
            TypeKind::ListReverseIterator,
            TypeKind::BuiltinFunction,
            TypeKind::MethodDescriptor,
            TypeKind::WrapperDescriptor,
            TypeKind::MethodWrapper,
            TypeKind::Module,
            TypeKind::Code,
            TypeKind::Type,
            TypeKind::Ellipsis,
            TypeKind::NotImplementedType,
            TypeKind::Set,
            TypeKind::Frozenset,
            TypeKind::SetIterator,
            TypeKind::SeqIter,
            TypeKind::StaticMethod,
            TypeKind::ClassMethod,
            TypeKind::Property,
            TypeKind::MemberDescriptor,
            TypeKind::Slice,
            TypeKind::Super,
            TypeKind::Complex,
            TypeKind::Bytes,
            TypeKind::ByteArray,
            TypeKind::BytesIterator,
            TypeKind::ByteArrayIterator,
        ];
        all.extend(ExcKind::all().map(TypeKind::Exc));
        all
    }

    /// `type.__name__`
    pub fn name(self) -> &'static str {
        match self {
            TypeKind::Object => "object",
            TypeKind::NoneType => "NoneType",
            TypeKind::Bool => "bool",
            TypeKind::Int => "int",
            TypeKind::Float => "float",
            TypeKind::Complex => "complex",
            TypeKind::Str => "str",
            TypeKind::Tuple => "tuple",
            TypeKind::List => "list",
            TypeKind::Dict => "dict",
            TypeKind::Range => "range",
            TypeKind::RangeIterator => "range_iterator",
            TypeKind::TupleIterator => "tuple_iterator",
            TypeKind::ListIterator => "list_iterator",
            TypeKind::DictKeyIterator => "dict_keyiterator",
            TypeKind::DictValueIterator => "dict_valueiterator",
            TypeKind::DictItemIterator => "dict_itemiterator",
            TypeKind::DictKeys => "dict_keys",
            TypeKind::DictValues => "dict_values",
            TypeKind::DictItems => "dict_items",
            TypeKind::StrAsciiIterator => "str_ascii_iterator",
            TypeKind::StrIterator => "str_iterator",
            TypeKind::Function => "function",
            TypeKind::Cell => "cell",
            TypeKind::Method => "method",
            TypeKind::Enumerate => "enumerate",
            TypeKind::Zip => "zip",
            TypeKind::Map => "map",
            TypeKind::Filter => "filter",
            TypeKind::Reversed => "reversed",
            TypeKind::Generator => "generator",
            TypeKind::ListReverseIterator => "list_reverseiterator",
            TypeKind::BuiltinFunction => "builtin_function_or_method",
            TypeKind::MethodDescriptor => "method_descriptor",
            TypeKind::WrapperDescriptor => "wrapper_descriptor",
            TypeKind::MethodWrapper => "method-wrapper",
            TypeKind::Module => "module",
            TypeKind::Code => "code",
            TypeKind::Type => "type",
            TypeKind::Ellipsis => "ellipsis",
            TypeKind::NotImplementedType => "NotImplementedType",
            TypeKind::Set => "set",
            TypeKind::Frozenset => "frozenset",
            TypeKind::SetIterator => "set_iterator",
            TypeKind::SeqIter => "iterator",
            TypeKind::StaticMethod => "staticmethod",
            TypeKind::ClassMethod => "classmethod",
            TypeKind::Property => "property",
            TypeKind::MemberDescriptor => "member_descriptor",
            TypeKind::Slice => "slice",
            TypeKind::Super => "super",
            TypeKind::Bytes => "bytes",
            TypeKind::ByteArray => "bytearray",
            TypeKind::BytesIterator => "bytes_iterator",
            TypeKind::ByteArrayIterator => "bytearray_iterator",
            TypeKind::Exc(kind) => kind.name(),
        }
    }

    /// `__base__`: `None` only for `object`.
    pub fn base(self) -> Option<TypeKind> {
        match self {
            TypeKind::Object => None,
            TypeKind::Bool => Some(TypeKind::Int),
            TypeKind::Exc(kind) => Some(kind.base().map_or(TypeKind::Object, TypeKind::Exc)),
            _ => Some(TypeKind::Object),
        }
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
        TypeKind::all().into_iter().find(|kind| kind.name() == name)
    }
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
}
