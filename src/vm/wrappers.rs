//! The special methods of built-in types as objects (`int.__add__`,
//! `(1).__add__`, `[].__len__`) and the few plain methods of numbers
//! (`bit_length`, `is_integer`…): CPython's slot wrappers. Calling one does
//! what the operator does for exactly that type, so `(1).__add__(1.5)` is
//! `NotImplemented` (int's slot does not take a float) while `1 + 1.5` is
//! 2.5.
//!
//! Unbound (`int.__add__`) it is a static `Builtin::Slot` object, checking
//! that its first argument is of its type; bound (`x.__add__` taken as a
//! value) it is a `BoundMethod` holding its object, as `list.append` is.

use num_bigint::BigInt;
use num_traits::Zero;

use super::Vm;
use super::builtins::{self, Builtin};
use super::exceptions::PyException;
use super::heap::{ObjId, Value};
use super::types::TypeKind;
use super::types::attrs::{self, AttrKind};
use crate::bytecode::operators::{BinaryOp, CompareOp};

type Call = Result<ObjId, Box<PyException>>;

/// A special (or plain numeric) method of a built-in type, by what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlotMethod {
    /// `__add__` (`reflected`: `__radd__`); in-place ones are their own ops.
    Binary {
        op: BinaryOp,
        reflected: bool,
    },
    Compare(CompareOp),
    Len,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    Iter,
    Next,
    Reversed,
    Repr,
    Str,
    Hash,
    Bool,
    Int,
    Float,
    Index,
    Neg,
    Pos,
    Abs,
    Invert,
    DivMod {
        reflected: bool,
    },
    Format,
    Round,
    Floor,
    Ceil,
    Trunc,
    Dir,
    GetAttribute,
    SetAttr,
    DelAttr,
    BitLength,
    BitCount,
    Conjugate,
    IsInteger,
    AsIntegerRatio,
    SizeOf,
    GetState,
    /// `__length_hint__` of the built-in iterators.
    LengthHint,
    /// `int.to_bytes`, the class method `int.from_bytes`, `float.hex`
    /// and the class method `float.fromhex` (see `number_bytes.rs`).
    ToBytes,
    FromBytes,
    FloatHex,
    FromHex,
}

/// Names of the binary special methods: (plain, reflected, in-place) per operator.
const BINARY: &[(BinaryOp, &str, &str, &str)] = &[
    (BinaryOp::Add, "__add__", "__radd__", "__iadd__"),
    (BinaryOp::Subtract, "__sub__", "__rsub__", "__isub__"),
    (BinaryOp::Multiply, "__mul__", "__rmul__", "__imul__"),
    (
        BinaryOp::TrueDivide,
        "__truediv__",
        "__rtruediv__",
        "__itruediv__",
    ),
    (
        BinaryOp::FloorDivide,
        "__floordiv__",
        "__rfloordiv__",
        "__ifloordiv__",
    ),
    (BinaryOp::Remainder, "__mod__", "__rmod__", "__imod__"),
    (BinaryOp::Power, "__pow__", "__rpow__", "__ipow__"),
    (BinaryOp::Lshift, "__lshift__", "__rlshift__", "__ilshift__"),
    (BinaryOp::Rshift, "__rshift__", "__rrshift__", "__irshift__"),
    (BinaryOp::And, "__and__", "__rand__", "__iand__"),
    (BinaryOp::Or, "__or__", "__ror__", "__ior__"),
    (BinaryOp::Xor, "__xor__", "__rxor__", "__ixor__"),
    (
        BinaryOp::MatrixMultiply,
        "__matmul__",
        "__rmatmul__",
        "__imatmul__",
    ),
];

const COMPARE: &[(CompareOp, &str)] = &[
    (CompareOp::Lt, "__lt__"),
    (CompareOp::Le, "__le__"),
    (CompareOp::Eq, "__eq__"),
    (CompareOp::Ne, "__ne__"),
    (CompareOp::Gt, "__gt__"),
    (CompareOp::Ge, "__ge__"),
];

const OTHERS: &[(SlotMethod, &str)] = &[
    (SlotMethod::Len, "__len__"),
    (SlotMethod::GetItem, "__getitem__"),
    (SlotMethod::SetItem, "__setitem__"),
    (SlotMethod::DelItem, "__delitem__"),
    (SlotMethod::Contains, "__contains__"),
    (SlotMethod::Iter, "__iter__"),
    (SlotMethod::Next, "__next__"),
    (SlotMethod::Reversed, "__reversed__"),
    (SlotMethod::Repr, "__repr__"),
    (SlotMethod::Str, "__str__"),
    (SlotMethod::Hash, "__hash__"),
    (SlotMethod::Bool, "__bool__"),
    (SlotMethod::Int, "__int__"),
    (SlotMethod::Float, "__float__"),
    (SlotMethod::Index, "__index__"),
    (SlotMethod::Neg, "__neg__"),
    (SlotMethod::Pos, "__pos__"),
    (SlotMethod::Abs, "__abs__"),
    (SlotMethod::Invert, "__invert__"),
    (SlotMethod::DivMod { reflected: false }, "__divmod__"),
    (SlotMethod::DivMod { reflected: true }, "__rdivmod__"),
    (SlotMethod::Format, "__format__"),
    (SlotMethod::Round, "__round__"),
    (SlotMethod::Floor, "__floor__"),
    (SlotMethod::Ceil, "__ceil__"),
    (SlotMethod::Trunc, "__trunc__"),
    (SlotMethod::Dir, "__dir__"),
    (SlotMethod::GetAttribute, "__getattribute__"),
    (SlotMethod::SetAttr, "__setattr__"),
    (SlotMethod::DelAttr, "__delattr__"),
    (SlotMethod::BitLength, "bit_length"),
    (SlotMethod::BitCount, "bit_count"),
    (SlotMethod::Conjugate, "conjugate"),
    (SlotMethod::IsInteger, "is_integer"),
    (SlotMethod::AsIntegerRatio, "as_integer_ratio"),
    (SlotMethod::SizeOf, "__sizeof__"),
    (SlotMethod::GetState, "__getstate__"),
    (SlotMethod::LengthHint, "__length_hint__"),
    (SlotMethod::ToBytes, "to_bytes"),
    (SlotMethod::FromBytes, "from_bytes"),
    (SlotMethod::FloatHex, "hex"),
    (SlotMethod::FromHex, "fromhex"),
];

impl SlotMethod {
    /// The method of that name, if bytestep has it (for any type).
    pub fn by_name(name: &str) -> Option<SlotMethod> {
        for &(op, plain, reflected, inplace) in BINARY {
            if name == plain {
                return Some(SlotMethod::Binary {
                    op,
                    reflected: false,
                });
            }
            if name == reflected {
                return Some(SlotMethod::Binary {
                    op,
                    reflected: true,
                });
            }
            if name == inplace {
                return Some(SlotMethod::Binary {
                    op: inplace_of(op),
                    reflected: false,
                });
            }
        }
        COMPARE
            .iter()
            .find(|(_, n)| *n == name)
            .map(|&(op, _)| SlotMethod::Compare(op))
            .or_else(|| OTHERS.iter().find(|(_, n)| *n == name).map(|&(m, _)| m))
    }

    pub fn name(self) -> &'static str {
        match self {
            SlotMethod::Binary { op, reflected } => BINARY
                .iter()
                .find_map(|&(plain_op, plain, r, inplace)| {
                    if op == plain_op {
                        Some(if reflected { r } else { plain })
                    } else if op == inplace_of(plain_op) {
                        Some(inplace)
                    } else {
                        None
                    }
                })
                .unwrap_or("__op__"),
            SlotMethod::Compare(op) => COMPARE
                .iter()
                .find(|(o, _)| *o == op)
                .map_or("__cmp__", |(_, n)| n),
            other => OTHERS
                .iter()
                .find(|(m, _)| *m == other)
                .map_or("__method__", |(_, n)| n),
        }
    }

    /// `owner.name` where `owner` is of type `kind`: the method and the type
    /// that defines it, when CPython's type has it and bytestep can run it.
    pub fn lookup(kind: TypeKind, name: &str) -> Option<(SlotMethod, TypeKind, AttrKind)> {
        let (attr_kind, defining) = attrs::find(kind, name)?;
        let method = SlotMethod::by_name(name)?;
        let defining = TypeKind::by_name(defining)?;
        match method {
            SlotMethod::ToBytes | SlotMethod::FromBytes if defining != TypeKind::Int => {
                return None;
            }
            SlotMethod::FloatHex | SlotMethod::FromHex if defining != TypeKind::Float => {
                return None;
            }
            SlotMethod::FromBytes | SlotMethod::FromHex => {
                return (attr_kind == AttrKind::ClassMethod)
                    .then_some((method, defining, attr_kind));
            }
            _ => {}
        }
        if !matches!(attr_kind, AttrKind::SlotWrapper | AttrKind::Method) {
            return None;
        }
        // Methods bytestep's own method tables run (`list.append`) are not these.
        Some((method, defining, attr_kind))
    }

    /// `<slot wrapper '__add__' of 'int' objects>` or, for a method
    /// descriptor, `<method '__getitem__' of 'list' objects>`.
    pub fn repr(self, owner: TypeKind) -> String {
        match attrs::find(owner, self.name()) {
            Some((AttrKind::Method, _)) => {
                format!("<method '{}' of '{}' objects>", self.name(), owner.name())
            }
            _ => format!(
                "<slot wrapper '{}' of '{}' objects>",
                self.name(),
                owner.name()
            ),
        }
    }

    /// A bound one is a `method-wrapper`, or a builtin method when the
    /// unbound one is a method descriptor.
    pub fn is_wrapper(self, owner: TypeKind) -> bool {
        !matches!(attrs::find(owner, self.name()), Some((AttrKind::Method, _)))
    }

    /// How many arguments it takes after its object (min, max).
    fn arity(self) -> (usize, usize) {
        match self {
            // `pow(self, other, mod)`.
            SlotMethod::Binary {
                op: BinaryOp::Power,
                ..
            } => (1, 2),
            SlotMethod::Binary { .. }
            | SlotMethod::Compare(_)
            | SlotMethod::GetItem
            | SlotMethod::DelItem
            | SlotMethod::Contains
            | SlotMethod::DivMod { .. }
            | SlotMethod::Format
            | SlotMethod::GetAttribute
            | SlotMethod::DelAttr => (1, 1),
            SlotMethod::SetItem | SlotMethod::SetAttr => (2, 2),
            SlotMethod::Round => (0, 1),
            _ => (0, 0),
        }
    }
}

fn inplace_of(op: BinaryOp) -> BinaryOp {
    BinaryOp::ALL
        .iter()
        .copied()
        .find(|candidate| candidate.is_inplace() && candidate.base() == op)
        .unwrap_or(op)
}

/// Which operands a type's own numeric or comparison slot takes: the rest
/// get `NotImplemented` (so `(1).__eq__(1.0)` is `NotImplemented`).
fn family(kind: TypeKind) -> u8 {
    match kind {
        TypeKind::Bool | TypeKind::Int => 1,
        TypeKind::Float => 2,
        TypeKind::Complex => 3,
        TypeKind::Str => 4,
        TypeKind::Bytes | TypeKind::ByteArray => 5,
        TypeKind::List => 6,
        TypeKind::Tuple => 7,
        TypeKind::Dict => 8,
        TypeKind::Set | TypeKind::Frozenset => 9,
        TypeKind::Range => 10,
        TypeKind::NoneType => 11,
        _ => 0,
    }
}

/// The numeric tower: float's slots take ints, complex's take both.
fn numeric_accepts(own: u8, other: u8) -> bool {
    (1..=3).contains(&other) && other <= own
}

impl Vm {
    /// `method(obj, *args)` of the built-in type `owner` (unbound: `obj` is
    /// checked to be one).
    pub(super) fn call_slot_method(
        &mut self,
        method: SlotMethod,
        owner: TypeKind,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
        bound: Option<ObjId>,
    ) -> Call {
        let wrapper = method.is_wrapper(owner);
        let (obj, rest) = match bound {
            Some(obj) => (obj, args),
            None => {
                let Some((&obj, rest)) = args.split_first() else {
                    return Err(PyException::type_error(if wrapper {
                        format!(
                            "descriptor '{}' of '{}' object needs an argument",
                            method.name(),
                            owner.name()
                        )
                    } else {
                        format!(
                            "unbound method {}.{}() needs an argument",
                            owner.name(),
                            method.name()
                        )
                    }));
                };
                let kind = self.heap.value(obj).type_kind();
                if !kind.is_subtype(owner) {
                    return Err(PyException::type_error(if wrapper {
                        format!(
                            "descriptor '{}' requires a '{}' object but received a '{}'",
                            method.name(),
                            owner.name(),
                            self.heap.value(obj).type_name()
                        )
                    } else {
                        format!(
                            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                            method.name(),
                            owner.name(),
                            self.heap.value(obj).type_name()
                        )
                    }));
                }
                (obj, rest)
            }
        };
        match method {
            SlotMethod::ToBytes => return self.int_to_bytes(obj, rest, keywords),
            SlotMethod::FromBytes => return self.int_from_bytes_of(obj, rest, keywords),
            SlotMethod::FromHex | SlotMethod::FloatHex if !keywords.is_empty() => {
                return Err(PyException::type_error(format!(
                    "float.{}() takes no keyword arguments",
                    method.name()
                )));
            }
            SlotMethod::FromHex => return self.float_fromhex_of(obj, rest),
            _ => {}
        }
        if !keywords.is_empty() {
            // (A slot wrapper calls itself `wrapper __add__`; a method
            // descriptor by its qualified name.)
            return Err(PyException::type_error(if wrapper {
                format!("wrapper {}() takes no keyword arguments", method.name())
            } else {
                format!(
                    "{}.{}() takes no keyword arguments",
                    owner.name(),
                    method.name()
                )
            }));
        }
        let (min, max) = method.arity();
        if !wrapper && max == 0 && !rest.is_empty() {
            return Err(PyException::type_error(format!(
                "{}.{}() takes no arguments ({} given)",
                owner.name(),
                method.name(),
                rest.len()
            )));
        }
        if rest.len() < min || rest.len() > max {
            let expected = if rest.len() > max { max } else { min };
            return Err(PyException::type_error(format!(
                "expected {expected} argument{}, got {}",
                if expected == 1 { "" } else { "s" },
                rest.len()
            )));
        }
        self.run_slot_method(method, owner, obj, rest)
    }

    fn call_builtin_named(&mut self, builtin: Builtin, args: &[ObjId]) -> Call {
        let function = self.static_builtin(builtin);
        builtins::call(self, function, args, &[])
    }

    fn run_slot_method(
        &mut self,
        method: SlotMethod,
        owner: TypeKind,
        obj: ObjId,
        rest: &[ObjId],
    ) -> Call {
        let other = rest.first().copied();
        let own_family = family(owner);
        let other_family = other.map(|o| family(self.heap.value(o).type_kind()));
        let not_implemented = self.singletons.not_implemented;
        match method {
            // Three-argument `pow` (`(2).__pow__(3, 5)`).
            SlotMethod::Binary {
                op: BinaryOp::Power,
                reflected: false,
            } if rest.len() == 2 => self.call_builtin_named(Builtin::Pow, &[obj, rest[0], rest[1]]),
            SlotMethod::Binary { op, reflected } => {
                let Some(other) = other else {
                    return Ok(not_implemented);
                };
                let other_family = other_family.unwrap_or(0);
                let (left, right) = if reflected {
                    (other, obj)
                } else {
                    (obj, other)
                };
                match own_family {
                    1..=3 if !numeric_accepts(own_family, other_family) => Ok(not_implemented),
                    8 | 9 if other_family != own_family => Ok(not_implemented),
                    4..=7
                        if matches!(op.base(), BinaryOp::Multiply)
                            && !matches!(
                                self.heap.value(other),
                                Value::Int(_) | Value::BigInt(_) | Value::Bool(_)
                            ) =>
                    {
                        Err(PyException::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.heap.value(other).type_name()
                        )))
                    }
                    4 | 5 if reflected && other_family != own_family => Ok(not_implemented),
                    _ => self.binary_op(op, left, right),
                }
            }
            SlotMethod::Compare(op) => {
                let Some(other) = other else {
                    return Ok(not_implemented);
                };
                let other_family = other_family.unwrap_or(0);
                let ordering = !matches!(op, CompareOp::Eq | CompareOp::Ne);
                let same = if (1..=3).contains(&own_family) {
                    numeric_accepts(own_family, other_family)
                } else {
                    own_family != 0 && own_family == other_family
                };
                if owner == TypeKind::Object
                    && op == CompareOp::Ne
                    && let Some(class) = self.user_class(obj)
                    && let Some(eq) = self.user_hook(class, "__eq__")
                {
                    // `object_richcompare`: `__ne__` asks the type's `__eq__`
                    // and inverts it, unless it is NotImplemented.
                    let equal = self.call_python(eq, &[obj, other])?;
                    if equal == not_implemented {
                        return Ok(not_implemented);
                    }
                    let truth = self.truthy(equal)?;
                    return Ok(self.bool_object(!truth));
                }
                if owner == TypeKind::Object || own_family == 0 {
                    // object's own: identity, else NotImplemented.
                    return Ok(match op {
                        CompareOp::Eq if obj == other => self.bool_object(true),
                        CompareOp::Ne if obj == other => self.bool_object(false),
                        _ => not_implemented,
                    });
                }
                if !same || (ordering && matches!(own_family, 3 | 8 | 10 | 11)) {
                    return Ok(not_implemented);
                }
                self.rich_compare(op, obj, other)
            }
            SlotMethod::Len => self.call_builtin_named(Builtin::Len, &[obj]),
            SlotMethod::GetItem => self.subscript_object(obj, rest[0]),
            SlotMethod::SetItem => {
                self.setitem_any(obj, rest[0], rest[1])?;
                Ok(self.singletons.none)
            }
            SlotMethod::DelItem => {
                self.delitem_any(obj, rest[0])?;
                Ok(self.singletons.none)
            }
            SlotMethod::Contains => {
                let found = self.contains_object(obj, rest[0])?;
                Ok(self.bool_object(found))
            }
            SlotMethod::Iter => self.call_builtin_named(Builtin::Iter, &[obj]),
            SlotMethod::Next => self.call_builtin_named(Builtin::Next, &[obj]),
            SlotMethod::Reversed => self.call_builtin_named(Builtin::Reversed, &[obj]),
            // `object.__repr__(x)` is object's own, whatever x's type says.
            SlotMethod::Repr if owner == TypeKind::Object => {
                let text = format!(
                    "<{} object at {:#x}>",
                    self.qualified_type_name(obj),
                    self.heap.get(obj).address
                );
                Ok(self.str_object(&text))
            }
            // `float.__repr__(self)` in a float subclass's own `__repr__`:
            // the built-in type's repr of the value, not the class's again.
            SlotMethod::Repr | SlotMethod::Str
                if matches!(
                    owner,
                    TypeKind::Int | TypeKind::Float | TypeKind::Str | TypeKind::Tuple
                ) && self.heap.subclass_of(obj).is_some() =>
            {
                let copy = self.value_copy(obj);
                let which = if method == SlotMethod::Repr {
                    Builtin::Repr
                } else {
                    Builtin::Type(TypeKind::Str)
                };
                let result = self.call_builtin_named(which, &[copy]);
                if copy != obj {
                    if let Ok(text) = result
                        && text == copy
                    {
                        // `str.__str__` of a str subclass: the copy itself.
                        return Ok(text);
                    }
                    self.heap.discard(copy);
                }
                result
            }
            // `BaseException.__str__`/`__repr__`: the exception's own, not
            // its class's (`super().__str__()` in that class's `__str__`).
            SlotMethod::Str | SlotMethod::Repr
                if matches!(owner, TypeKind::Exc(_))
                    && matches!(self.heap.value(obj), Value::Exception(_)) =>
            {
                let text = if method == SlotMethod::Str {
                    self.exception_base_str(obj)?
                } else {
                    self.exception_base_repr(obj)?
                };
                Ok(self.str_object(&text))
            }
            SlotMethod::Repr => self.call_builtin_named(Builtin::Repr, &[obj]),
            // `object_str`: `repr(x)`, not `type(x).__str__` (which may be
            // the caller, `super().__str__()`).
            SlotMethod::Str if owner == TypeKind::Object => {
                self.call_builtin_named(Builtin::Repr, &[obj])
            }
            SlotMethod::Str => self.call_builtin_named(Builtin::Type(TypeKind::Str), &[obj]),
            // `object.__hash__`: the identity hash, whatever the class defines.
            SlotMethod::Hash if owner == TypeKind::Object => {
                let hash = crate::bytecode::hashing::pointer_hash(self.heap.get(obj).address);
                Ok(self.int_object(hash))
            }
            SlotMethod::Hash => self.call_builtin_named(Builtin::Hash, &[obj]),
            SlotMethod::Bool => self.call_builtin_named(Builtin::Type(TypeKind::Bool), &[obj]),
            SlotMethod::Int | SlotMethod::Index => {
                self.call_builtin_named(Builtin::Type(TypeKind::Int), &[obj])
            }
            SlotMethod::Float => self.call_builtin_named(Builtin::Type(TypeKind::Float), &[obj]),
            SlotMethod::Abs => self.call_builtin_named(Builtin::Abs, &[obj]),
            SlotMethod::Neg => self.negate_object(obj),
            SlotMethod::Pos => match self.heap.value(obj) {
                Value::Bool(b) => Ok(self.int_object(*b as i64)),
                _ => Ok(obj),
            },
            SlotMethod::Invert => match self.heap.value(obj) {
                Value::Int(v) => Ok(self.int_object(!*v)),
                Value::Bool(b) => Ok(self.int_object(!(*b as i64))),
                Value::BigInt(v) => {
                    let inverted: BigInt = -(v.as_ref() + BigInt::from(1));
                    Ok(self.int_from_bigint(inverted))
                }
                _ => Ok(not_implemented),
            },
            SlotMethod::DivMod { reflected } => {
                let Some(other) = other else {
                    return Ok(not_implemented);
                };
                if !numeric_accepts(own_family, other_family.unwrap_or(0)) {
                    return Ok(not_implemented);
                }
                let args = if reflected {
                    [other, obj]
                } else {
                    [obj, other]
                };
                self.call_builtin_named(Builtin::DivMod, &args)
            }
            // `object___format___impl`: `str(self)` for an empty spec.
            SlotMethod::Format if owner == TypeKind::Object => {
                let spec = rest[0];
                match self.heap.value(spec) {
                    Value::Str(text) if text.is_empty() => {
                        self.call_builtin_named(Builtin::Type(TypeKind::Str), &[obj])
                    }
                    Value::Str(_) => Err(PyException::type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        self.heap.value(obj).type_name()
                    ))),
                    other => Err(PyException::type_error(format!(
                        "__format__() argument must be str, not {}",
                        other.type_name()
                    ))),
                }
            }
            SlotMethod::Format => self.call_builtin_named(Builtin::Format, &[obj, rest[0]]),
            SlotMethod::Round => {
                let mut args = vec![obj];
                args.extend(rest.iter().copied());
                self.call_builtin_named(Builtin::Round, &args)
            }
            SlotMethod::Floor | SlotMethod::Ceil | SlotMethod::Trunc => {
                if let Value::Int(_) | Value::BigInt(_) = self.heap.value(obj) {
                    return Ok(obj);
                }
                if let Value::Bool(b) = self.heap.value(obj) {
                    return Ok(self.int_object(*b as i64));
                }
                let name = match method {
                    SlotMethod::Floor => "floor",
                    SlotMethod::Ceil => "ceil",
                    _ => "trunc",
                };
                let function = super::math::MathFunction::ALL
                    .iter()
                    .copied()
                    .find(|f| f.name() == name)
                    .ok_or_else(|| PyException::new("SystemError", "no math function"))?;
                self.call_builtin_named(Builtin::Math(function), &[obj])
            }
            SlotMethod::Dir => self.call_builtin_named(Builtin::Dir, &[obj]),
            SlotMethod::GetAttribute => self.call_builtin_named(Builtin::GetAttr, &[obj, rest[0]]),
            SlotMethod::SetAttr => {
                self.call_builtin_named(Builtin::SetAttr, &[obj, rest[0], rest[1]])
            }
            SlotMethod::DelAttr => self.call_builtin_named(Builtin::DelAttr, &[obj, rest[0]]),
            SlotMethod::BitLength | SlotMethod::BitCount => {
                let value = self.int_value(obj)?;
                let magnitude = value.magnitude();
                let answer = if method == SlotMethod::BitLength {
                    magnitude.bits()
                } else {
                    magnitude.count_ones()
                };
                Ok(self.int_object(answer as i64))
            }
            SlotMethod::Conjugate => match *self.heap.value(obj) {
                Value::Complex(re, im) => Ok(self.heap.alloc(Value::Complex(re, -im))),
                Value::Bool(b) => Ok(self.int_object(b as i64)),
                _ => Ok(obj),
            },
            SlotMethod::IsInteger => match *self.heap.value(obj) {
                Value::Float(f) => Ok(self.bool_object(f.is_finite() && f.fract() == 0.0)),
                _ => Ok(self.bool_object(true)),
            },
            SlotMethod::AsIntegerRatio => self.as_integer_ratio(obj),
            SlotMethod::FloatHex => self.float_hex_of(obj),
            // Taken by `call_slot_method` with their keywords.
            SlotMethod::ToBytes | SlotMethod::FromBytes | SlotMethod::FromHex => {
                Err(PyException::new(
                    "SystemError",
                    "bytestep: a method called without its keywords",
                ))
            }
            // `sys.getsizeof` less the GC header it adds for tracked objects.
            SlotMethod::GetState => self.object_getstate(obj),
            SlotMethod::LengthHint => self.iterator_length_hint(obj),
            SlotMethod::SizeOf => {
                // (An instance's pre-header also has the managed `__dict__`
                // and weak reference pointers when its class gives it those.)
                let header = match *self.heap.value(obj) {
                    Value::Instance { class, .. } => match self.heap.value(class) {
                        Value::Class(c) if c.has_dict || c.has_weakref => 32,
                        _ => 16,
                    },
                    ref value if value.is_gc() => 16,
                    _ => 0,
                };
                let size = self.heap.getsizeof(obj).saturating_sub(header);
                Ok(self.int_object(size as i64))
            }
        }
    }

    /// `__main__.C` for an instance of a class, else the type's name.
    fn qualified_type_name(&self, obj: ObjId) -> String {
        match self.heap.value(obj) {
            Value::Instance { class, .. } => match self.heap.value(*class) {
                Value::Class(c) => format!("__main__.{}", c.qualname),
                _ => "object".to_owned(),
            },
            other => other.type_name().to_owned(),
        }
    }

    /// The int value of an int or bool.
    pub(super) fn int_value(&self, obj: ObjId) -> Result<BigInt, Box<PyException>> {
        match self.heap.value(obj) {
            Value::Int(v) => Ok(BigInt::from(*v)),
            Value::Bool(b) => Ok(BigInt::from(*b as i64)),
            Value::BigInt(v) => Ok(v.as_ref().clone()),
            other => Err(PyException::type_error(format!(
                "an integer is required, not '{}'",
                other.type_name()
            ))),
        }
    }

    /// `x.as_integer_ratio()`: `(numerator, denominator)`, lowest terms.
    fn as_integer_ratio(&mut self, obj: ObjId) -> Call {
        let (numerator, denominator) = match *self.heap.value(obj) {
            Value::Float(f) => {
                if f.is_infinite() {
                    return Err(PyException::new(
                        "OverflowError",
                        "cannot convert Infinity to integer ratio",
                    ));
                }
                if f.is_nan() {
                    return Err(PyException::new(
                        "ValueError",
                        "cannot convert NaN to integer ratio",
                    ));
                }
                float_ratio(f)
            }
            _ => (self.int_value(obj)?, BigInt::from(1)),
        };
        let numerator = self.int_from_bigint(numerator);
        let denominator = self.int_from_bigint(denominator);
        Ok(self.tuple_object(vec![numerator, denominator], false))
    }

    /// `int.__getitem__` and friends: the object `container[key]`.
    fn subscript_object(&mut self, container: ObjId, key: ObjId) -> Call {
        self.subscript(container, key)
    }

    fn contains_object(&mut self, container: ObjId, item: ObjId) -> Result<bool, Box<PyException>> {
        self.contains(container, item)
    }

    fn negate_object(&mut self, value: ObjId) -> Call {
        self.negate(value)
    }

    /// A builtin method bound to `owner` (`[].append` taken as a value),
    /// which holds it as `__self__`.
    pub(super) fn bound_builtin(&mut self, method: Builtin, owner: ObjId) -> ObjId {
        let bound = self.heap.alloc(Value::BoundMethod { method, owner });
        let address = self.heap.get(bound).address;
        self.heap.incref(
            owner,
            super::heap::Referrer::Attribute {
                owner: address,
                name: "__self__",
            },
        );
        bound
    }

    /// `obj.name` as a special method of `obj`'s built-in type (`(1).__add__`),
    /// for `LOAD_ATTR`'s method form: not for classes, their instances,
    /// modules, exceptions or type objects, whose attributes come first.
    pub(super) fn slot_method_of(&self, obj: ObjId, name: &str) -> Option<Builtin> {
        let value = self.heap.value(obj);
        if matches!(
            value,
            Value::Instance { .. }
                | Value::Class(_)
                | Value::Module(_)
                | Value::Exception(_)
                | Value::Type(_)
        ) || self.heap.subclass_of(obj).is_some()
        {
            return None;
        }
        // `LOAD_ATTR`'s method cache is keyed by type kind, which instances
        // of classes (object) and classes (type) share: never answer for those.
        let kind = value.type_kind();
        if matches!(kind, TypeKind::Object | TypeKind::Type) {
            return None;
        }
        let (method, defining, attr_kind) = SlotMethod::lookup(kind, name)?;
        if attr_kind == AttrKind::ClassMethod {
            return None;
        }
        Some(Builtin::Slot(method, defining))
    }

    /// `owner.name` for a built-in object or type that bytestep's other
    /// lookups did not answer: CPython's attribute if bytestep has it, else
    /// `AttributeError` (with "Did you mean") when CPython has no such
    /// attribute either, else `NotImplementedError`. `None`: not a built-in
    /// object this covers.
    pub(super) fn builtin_attribute(&mut self, owner: ObjId, name: &str) -> Option<Call> {
        let value = self.heap.value(owner);
        if matches!(
            value,
            Value::Instance { .. } | Value::Class(_) | Value::Module(_) | Value::Exception(_)
        ) {
            return None;
        }
        let kind = value.type_kind();
        if let Value::Type(of) = *value {
            return self.type_attribute(owner, of, name);
        }
        if !attrs::known(kind) {
            return None;
        }
        if name == "__class__" {
            return Some(Ok(self.type_object(kind)));
        }
        if let Some(found) = self.member_attribute(owner, name) {
            return Some(found);
        }
        if let Value::Function(_) = self.heap.value(owner) {
            if name == "__dict__" {
                return Some(Ok(self.function_dict(owner)));
            }
            if let Some(found) = self.function_dict_entry(owner, name) {
                return Some(Ok(found));
            }
        }
        if kind == TypeKind::Dict && name == "fromkeys" {
            return Some(Ok(self.static_builtin(Builtin::DictFromKeys)));
        }
        if kind == TypeKind::Str && name == "maketrans" {
            return Some(Ok(self.static_builtin(Builtin::StrMakeTrans)));
        }
        match attrs::find(kind, name) {
            None => {
                let message = format!(
                    "'{}' object has no attribute '{name}'",
                    self.heap.value(owner).type_name()
                );
                Some(Err(self.attribute_error(owner, name, message)))
            }
            Some((AttrKind::NoneValue, _)) => Some(Ok(self.singletons.none)),
            Some(_) => {
                let (method, defining, attr_kind) = SlotMethod::lookup(kind, name)?;
                // A class method binds to the object's type (`(5).from_bytes`).
                let owner = if attr_kind == AttrKind::ClassMethod {
                    self.type_object(kind)
                } else {
                    owner
                };
                Some(Ok(
                    self.bound_builtin(Builtin::Slot(method, defining), owner)
                ))
            }
        }
    }

    /// `int.name`, `list.name`…: the type's own attributes.
    fn type_attribute(&mut self, owner: ObjId, of: TypeKind, name: &str) -> Option<Call> {
        match name {
            "__mro__" => {
                let types: Vec<ObjId> = of.mro().map(|k| self.type_object(k)).collect();
                return Some(Ok(self.tuple_object(types, false)));
            }
            "__bases__" => {
                let types: Vec<ObjId> =
                    of.base().into_iter().map(|k| self.type_object(k)).collect();
                return Some(Ok(self.tuple_object(types, false)));
            }
            "__base__" => {
                return Some(Ok(match of.base() {
                    Some(base) => self.type_object(base),
                    None => self.singletons.none,
                }));
            }
            "__module__" => return Some(Ok(self.identifier(of.spec().module))),
            "__class__" => return Some(Ok(self.type_object(TypeKind::Type))),
            _ => {}
        }
        if !attrs::known(of) {
            return None;
        }
        if of == TypeKind::Dict && name == "fromkeys" {
            return Some(Ok(self.static_builtin(Builtin::DictFromKeys)));
        }
        if of == TypeKind::Str && name == "maketrans" {
            return Some(Ok(self.static_builtin(Builtin::StrMakeTrans)));
        }
        match attrs::find(of, name) {
            Some((AttrKind::NoneValue, _)) => Some(Ok(self.singletons.none)),
            Some((AttrKind::Method, _)) if self.builtin_method(of, name).is_some() => {
                let method = self.builtin_method(of, name)?;
                Some(Ok(self.static_builtin(method)))
            }
            Some(_) => {
                let (method, defining, attr_kind) = SlotMethod::lookup(of, name)?;
                let builtin = Builtin::Slot(method, defining);
                Some(Ok(if attr_kind == AttrKind::ClassMethod {
                    self.bound_builtin(builtin, owner)
                } else {
                    self.static_builtin(builtin)
                }))
            }
            // The metatype's own (`int.mro`) are not built.
            None if attrs::find(TypeKind::Type, name).is_some() => None,
            None => {
                let message = format!("type object '{}' has no attribute '{name}'", of.name());
                Some(Err(self.attribute_error(owner, name, message)))
            }
        }
    }

    /// The method bytestep's method tables have for `kind.name` (`list.append`).
    pub(super) fn builtin_method(&self, kind: TypeKind, name: &str) -> Option<Builtin> {
        use super::{bytes::BytesMethod, containers::Method, sets::SetMethod, strings::StrMethod};
        Method::find(kind, name)
            .map(Builtin::Method)
            .or_else(|| SetMethod::find(kind, name).map(Builtin::SetMethod))
            .or_else(|| {
                (kind == TypeKind::Str)
                    .then(|| StrMethod::find(name))
                    .flatten()
                    .map(Builtin::StrMethod)
            })
            .or_else(|| BytesMethod::find(kind, name).map(|m| Builtin::BytesMethod(m, kind)))
    }

    /// A function's `__dict__`, made on first need.
    pub(super) fn function_dict(&mut self, function: ObjId) -> ObjId {
        let (existing, qualname) = match self.heap.value(function) {
            Value::Function(f) => (f.dict, f.qualname),
            _ => return self.singletons.none,
        };
        if let Some(dict) = existing {
            return dict;
        }
        let dict = self
            .heap
            .alloc(Value::Dict(Box::new(super::types::dict::Dict::presized(0))));
        self.heap.incref(
            dict,
            super::heap::Referrer::Field {
                owner: qualname,
                field: "__dict__",
            },
        );
        if let Value::Function(f) = self.heap.value_mut(function) {
            f.dict = Some(dict);
        }
        dict
    }

    /// An attribute set on a function (`f.calls`), if it has one.
    fn function_dict_entry(&self, function: ObjId, name: &str) -> Option<ObjId> {
        let Value::Function(f) = self.heap.value(function) else {
            return None;
        };
        let Value::Dict(d) = self.heap.value(f.dict?) else {
            return None;
        };
        d.get_str(name).map(|entry| entry.value)
    }

    /// Data attributes of numbers, ranges, slices and functions
    /// (`(5).real`, `range(3).stop`, `f.__name__`). A function's `__code__`
    /// stays out of reach: code objects are one of the sandbox's walls.
    fn member_attribute(&mut self, owner: ObjId, name: &str) -> Option<Call> {
        if name == "__annotations__" && matches!(self.heap.value(owner), Value::Function(_)) {
            return Some(self.function_annotations(owner));
        }
        // A bound method's other attributes are its function's
        // (`method_getattro` forwards them to `__func__`).
        if let Value::Method { function, .. } = *self.heap.value(owner)
            && matches!(
                name,
                "__name__"
                    | "__qualname__"
                    | "__doc__"
                    | "__module__"
                    | "__annotations__"
                    | "__defaults__"
                    | "__kwdefaults__"
            )
        {
            return self.member_attribute(function, name);
        }
        let value = self.heap.value(owner).clone();
        let found = match (&value, name) {
            (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => owner,
            (Value::Bool(b), "real" | "numerator") => self.int_object(*b as i64),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => self.int_object(0),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => {
                self.int_object(1)
            }
            (Value::Float(_), "real") => owner,
            (Value::Float(_), "imag") => self.heap.alloc(Value::Float(0.0)),
            (Value::Range { start, stop, step }, _) => {
                let field = match name {
                    "start" => *start,
                    "stop" => *stop,
                    "step" => *step,
                    _ => return None,
                };
                self.int_object(field)
            }
            (Value::Slice { start, stop, step }, _) => match name {
                "start" => *start,
                "stop" => *stop,
                "step" => *step,
                _ => return None,
            },
            (Value::Function(function), _) => match name {
                "__name__" if let Some(set) = function.name => set,
                "__qualname__" if let Some(set) = function.qualname_object => set,
                "__module__" if let Some(set) = function.module => set,
                "__name__" => {
                    let text = function.info.code.name.to_string();
                    self.identifier(&text)
                }
                "__qualname__" => {
                    let text = self.heap.symbols.text(function.qualname).to_owned();
                    self.identifier(&text)
                }
                "__module__" => self.singletons_main_name(),
                "__doc__" => self.function_doc(owner).unwrap_or(self.singletons.none),
                "__defaults__" => function.defaults.unwrap_or(self.singletons.none),
                "__kwdefaults__" => function.kwdefaults.unwrap_or(self.singletons.none),
                "__closure__" => function.closure.unwrap_or(self.singletons.none),
                "__annotate__" => function.annotate.unwrap_or(self.singletons.none),
                _ => return None,
            },
            (Value::Builtin(builtin), "__name__" | "__qualname__")
                if !matches!(builtin, Builtin::Slot(..)) =>
            {
                self.identifier(builtin.name())
            }
            (Value::Builtin(builtin), "__module__")
                if builtin.type_kind() == TypeKind::BuiltinFunction =>
            {
                let module = match builtin {
                    Builtin::Math(_) => "math",
                    Builtin::Gc(_) => "gc",
                    Builtin::StringModule(_) => "string",
                    Builtin::Random(_) => "random",
                    Builtin::GetSizeOf
                    | Builtin::GetRefCount
                    | Builtin::Intern
                    | Builtin::GetRecursionLimit
                    | Builtin::SetRecursionLimit
                    | Builtin::ExcInfo
                    | Builtin::SysException
                    | Builtin::Exit => "sys",
                    _ => "builtins",
                };
                self.identifier(module)
            }
            (Value::Builtin(Builtin::Slot(method, _)), "__name__") => {
                self.identifier(method.name())
            }
            (Value::Builtin(Builtin::Slot(_, owner_kind)), "__objclass__") => {
                self.type_object(*owner_kind)
            }
            (Value::BoundMethod { method, .. }, "__name__") => self.identifier(method.name()),
            (Value::BoundMethod { owner: bound, .. }, "__self__") => *bound,
            (Value::Method { function, .. }, "__func__") => *function,
            (Value::Method { owner: bound, .. }, "__self__") => *bound,
            (Value::Cell(Some(contents)), "cell_contents") => *contents,
            (Value::Cell(None), "cell_contents") => {
                return Some(Err(PyException::new("ValueError", "Cell is empty")));
            }
            _ => return None,
        };
        Some(Ok(found))
    }
}

impl Vm {
    /// `f.__annotations__` (`func_get_annotation_dict`): made once, by
    /// calling `__annotate__(1)` (a stepped frame) or as an empty dict,
    /// then kept by the function.
    pub(super) fn function_annotations(&mut self, function: ObjId) -> Call {
        let Value::Function(f) = self.heap.value(function) else {
            return Ok(self.singletons.none);
        };
        let (cached, annotate, qualname) = (f.annotations, f.annotate, f.qualname);
        if let Some(annotations) = cached {
            return Ok(annotations);
        }
        let dict = match annotate {
            Some(annotate) if annotate != self.singletons.none => self.call_annotate(annotate)?,
            _ => self
                .heap
                .alloc(Value::Dict(Box::new(super::types::dict::Dict::presized(0)))),
        };
        self.heap.incref(
            dict,
            super::heap::Referrer::Field {
                owner: qualname,
                field: "__annotations__",
            },
        );
        if let Value::Function(f) = self.heap.value_mut(function) {
            f.annotations = Some(dict);
        }
        Ok(dict)
    }
}

impl Vm {
    /// `annotate(1)` (`Format.VALUE`), a stepped frame: the dict it returned.
    fn call_annotate(&mut self, annotate: ObjId) -> Call {
        let format = self.int_object(1);
        let returned = self.call_python(annotate, &[format])?;
        if !matches!(self.heap.value(returned), Value::Dict(_)) {
            return Err(PyException::type_error(format!(
                "__annotate__ returned non-dict of type '{}'",
                self.heap.value(returned).type_name()
            )));
        }
        Ok(returned)
    }

    /// `cls.__annotate__` (`type_get_annotate`): the class's own
    /// `__annotate__`, else the function its body made
    /// (`__annotate_func__`), else None; never a base's.
    pub(super) fn class_annotate(&mut self, class: ObjId) -> Call {
        let Value::Class(c) = self.heap.value(class) else {
            return Ok(self.singletons.none);
        };
        let found = match self.heap.value(c.dict) {
            Value::Dict(d) => d
                .get_str("__annotate__")
                .or_else(|| d.get_str("__annotate_func__"))
                .map(|entry| entry.value),
            _ => None,
        };
        Ok(found.unwrap_or(self.singletons.none))
    }

    /// `cls.__annotations__` (`type_get_annotations`): the class's own
    /// `__annotations__`, else the dict cached by an earlier call, else
    /// made now by calling `__annotate__(1)` (a stepped frame) or as an
    /// empty dict, and cached in the class's dict as
    /// `__annotations_cache__`; never a base's.
    pub(super) fn class_annotations(&mut self, class: ObjId) -> Call {
        let Value::Class(c) = self.heap.value(class) else {
            return Ok(self.singletons.none);
        };
        let dict = c.dict;
        let own = match self.heap.value(dict) {
            Value::Dict(d) => d
                .get_str("__annotations__")
                .or_else(|| d.get_str("__annotations_cache__"))
                .map(|entry| entry.value),
            _ => None,
        };
        if let Some(own) = own {
            return Ok(own);
        }
        let annotate = self.class_annotate(class)?;
        let annotations = if annotate == self.singletons.none {
            self.heap
                .alloc(Value::Dict(Box::new(super::types::dict::Dict::new())))
        } else {
            self.call_annotate(annotate)?
        };
        let key = self.identifier("__annotations_cache__");
        self.dict_set(dict, key, annotations)?;
        Ok(annotations)
    }
}

/// A finite float as an exact fraction in lowest terms.
fn float_ratio(f: f64) -> (BigInt, BigInt) {
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, exponent) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent - 1075)
    };
    if mantissa == 0 {
        return (BigInt::zero(), BigInt::from(1));
    }
    let mut numerator = BigInt::from(mantissa) * sign;
    let mut denominator = BigInt::from(1);
    if exponent >= 0 {
        numerator <<= exponent as usize;
    } else {
        denominator <<= (-exponent) as usize;
    }
    let divisor = num_integer::Integer::gcd(&numerator, &denominator);
    if !divisor.is_zero() {
        numerator /= &divisor;
        denominator /= &divisor;
    }
    (numerator, denominator)
}

impl Vm {
    /// `object.__getstate__()` (`object_getstate_default`): `None` for an
    /// object without instance attributes, else its `__dict__` itself.
    /// Asking for the class's slot names (`copyreg._slotnames`) caches an
    /// empty list as `__slotnames__` in the class's namespace.
    fn object_getstate(&mut self, obj: ObjId) -> Call {
        if self.heap.subclass_of(obj).is_some() {
            return Err(
                self.unsupported("__getstate__() of an instance of a subclass of a built-in type")
            );
        }
        let Value::Instance { class, dict, .. } = *self.heap.value(obj) else {
            return Ok(self.singletons.none);
        };
        let Value::Class(c) = self.heap.value(class) else {
            return Ok(self.singletons.none);
        };
        let slotted = c
            .mro
            .iter()
            .any(|&k| matches!(self.heap.value(k), Value::Class(k) if !k.slot_names.is_empty()));
        if slotted {
            return Err(self.unsupported("__getstate__() of an instance with __slots__"));
        }
        let namespace = c.dict;
        let cached = match self.heap.value(namespace) {
            Value::Dict(d) => d
                .get(&super::types::dict::HashKey::Str("__slotnames__".into()))
                .is_some(),
            _ => true,
        };
        if !cached {
            let key = self.identifier("__slotnames__");
            let names = self.list_object(Vec::new(), false);
            let set = self.dict_set(namespace, key, names);
            self.class_modified(class);
            self.heap.discard(names);
            set?;
        }
        match dict {
            Some(dict) if matches!(self.heap.value(dict), Value::Dict(d) if !d.is_empty()) => {
                Ok(dict)
            }
            _ => Ok(self.singletons.none),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in [
            "__add__",
            "__radd__",
            "__iadd__",
            "__eq__",
            "__len__",
            "bit_length",
        ] {
            let method = SlotMethod::by_name(name).expect(name);
            assert_eq!(method.name(), name);
        }
        assert_eq!(SlotMethod::by_name("append"), None);
    }

    #[test]
    fn float_ratios_are_exact() {
        assert_eq!(float_ratio(0.75), (BigInt::from(3), BigInt::from(4)));
        assert_eq!(float_ratio(-2.0), (BigInt::from(-2), BigInt::from(1)));
        assert_eq!(float_ratio(0.0), (BigInt::zero(), BigInt::from(1)));
    }
}
