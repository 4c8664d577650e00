//! Builtin functions and the `sys` module functions bytestep provides.

use num_bigint::BigInt;

use super::Vm;
use super::containers::ItemSource;
use super::exceptions::PyException;
use super::heap::{ObjId, TypeKind, Value};
use super::opcodes::Number;
use crate::bytecode::{BinaryOp, CompareOp};

/// A function implemented by the interpreter, or a type called as a constructor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Builtin {
    Print,
    Id,
    Len,
    Abs,
    Repr,
    Min,
    Max,
    GetSizeOf,
    GetRefCount,
    Iter,
    IsInstance,
    Sum,
    Sorted,
    Enumerate,
    Zip,
    Reversed,
    Any,
    All,
    Chr,
    Ord,
    DivMod,
    Callable,
    Next,
    Hex,
    Bin,
    Oct,
    GetAttr,
    SetAttr,
    HasAttr,
    DelAttr,
    Locals,
    Globals,
    Vars,
    Dir,
    IsSubclass,
    Format,
    Ascii,
    Hash,
    Round,
    Pow,
    Input,
    /// `__build_class__`, pushed by `LOAD_BUILD_CLASS`.
    BuildClass,
    Super,
    /// `object.__init__`, reached through `super().__init__`.
    ObjectInit,
    /// `object.__init__` taken from `object` itself: the instance is the
    /// first argument (`ObjectInit` is `super().__init__`, self apart).
    ObjectInitDescriptor,
    /// `object.__new__`, `object.__setattr__`, `object.__delattr__`,
    /// `object.__getattribute__` (the generic behaviour a class overrides).
    ObjectNew,
    /// `list.__init__` / `dict.__init__`, bound by `super()` in a subclass.
    BaseInit,
    /// `list.__repr__` / `dict.__repr__`, bound by `super()` in a subclass.
    BaseRepr,
    /// `object.__init_subclass__`, bound to the new class by `super()`.
    ObjectInitSubclass,
    /// `cls.mro()` and `cls.__subclasses__()` of a class the program made.
    TypeMro,
    TypeSubclasses,
    /// `type.__new__`, `type.__init__`, `type.__call__` (a metaclass's
    /// `super().__new__(...)`; see `metaclass.rs`).
    TypeNew,
    TypeInit,
    TypeCall,
    ObjectSetAttr,
    ObjectDelAttr,
    ObjectGetAttribute,
    /// `prop.getter`, `prop.setter`, `prop.deleter` (bound to a property).
    PropertyGetter,
    PropertySetter,
    PropertyDeleter,
    /// `BaseException.__init__` (`Exception.__init__(self, message)`).
    ExcInit,
    /// `BaseException.add_note`.
    ExcAddNote,
    /// A method of a built-in type (`list.append`).
    Method(super::containers::Method),
    /// A method of set or frozenset (`set.add`).
    SetMethod(super::sets::SetMethod),
    /// A method of str (`str.split`).
    StrMethod(super::strings::StrMethod),
    /// A method of bytes or bytearray (`bytes.hex`), or `str.encode`.
    /// (The type it was looked up on: `bytes.hex` and `bytearray.hex` differ.)
    BytesMethod(super::bytes::BytesMethod, TypeKind),
    /// A function of the `math` module.
    Math(super::math::MathFunction),
    /// A function of the `gc` module.
    Gc(super::gc::GcFunction),
    /// A function of the `string` module.
    StringModule(super::string_module::StringFunction),
    /// A function of the `random` module.
    Random(super::random_module::RandomFunction),
    /// A type object of the builtins namespace (`int`, `range`...).
    Type(TypeKind),
    /// `dict.fromkeys`, a class method (bound to `dict` from an instance too).
    DictFromKeys,
    /// `str.maketrans`, a static method.
    StrMakeTrans,
    /// `sys.intern`.
    Intern,
    /// `sys.getrecursionlimit`.
    GetRecursionLimit,
    /// `sys.exc_info()`.
    ExcInfo,
    /// `sys.exception()`.
    SysException,
    SetRecursionLimit,
    Exit,
    /// A special method of a built-in type (`int.__add__`) or a plain
    /// method of numbers (`int.bit_length`), with the type defining it.
    Slot(super::wrappers::SlotMethod, TypeKind),
    /// `sys.stdout` / `sys.stderr` (an object, not a function: its type is
    /// `TextIOWrapper`), and their `write` and `flush`.
    Stream(super::streams::Stream),
    StreamWrite(super::streams::Stream),
    StreamFlush(super::streams::Stream),
    /// A feature of `__future__` (an object of type `_Feature`, by its
    /// index in `future::FEATURES`), and its `getOptionalRelease` /
    /// `getMandatoryRelease` (true).
    Future(u8),
    FutureRelease(u8, bool),
}

impl Builtin {
    pub fn name(self) -> &'static str {
        match self {
            Builtin::Print => "print",
            Builtin::Id => "id",
            Builtin::Len => "len",
            Builtin::Abs => "abs",
            Builtin::Repr => "repr",
            Builtin::Min => "min",
            Builtin::Max => "max",
            Builtin::GetSizeOf => "getsizeof",
            Builtin::GetRefCount => "getrefcount",
            Builtin::Iter => "iter",
            Builtin::IsInstance => "isinstance",
            Builtin::Sum => "sum",
            Builtin::Sorted => "sorted",
            Builtin::Enumerate => "enumerate",
            Builtin::Zip => "zip",
            Builtin::Reversed => "reversed",
            Builtin::Any => "any",
            Builtin::All => "all",
            Builtin::Chr => "chr",
            Builtin::Ord => "ord",
            Builtin::DivMod => "divmod",
            Builtin::Callable => "callable",
            Builtin::Next => "next",
            Builtin::Hex => "hex",
            Builtin::Bin => "bin",
            Builtin::Oct => "oct",
            Builtin::GetAttr => "getattr",
            Builtin::SetAttr => "setattr",
            Builtin::HasAttr => "hasattr",
            Builtin::DelAttr => "delattr",
            Builtin::Locals => "locals",
            Builtin::Globals => "globals",
            Builtin::Vars => "vars",
            Builtin::Dir => "dir",
            Builtin::IsSubclass => "issubclass",
            Builtin::Format => "format",
            Builtin::Ascii => "ascii",
            Builtin::Hash => "hash",
            Builtin::Round => "round",
            Builtin::Pow => "pow",
            Builtin::Input => "input",
            Builtin::BuildClass => "__build_class__",
            Builtin::Super => "super",
            Builtin::ObjectInit | Builtin::ObjectInitDescriptor => "__init__",
            Builtin::ObjectNew => "__new__",
            Builtin::ObjectInitSubclass => "__init_subclass__",
            Builtin::TypeMro => "mro",
            Builtin::TypeSubclasses => "__subclasses__",
            Builtin::TypeNew => "__new__",
            Builtin::TypeInit => "__init__",
            Builtin::TypeCall => "__call__",
            Builtin::BaseInit => "__init__",
            Builtin::BaseRepr => "__repr__",
            Builtin::ObjectSetAttr => "__setattr__",
            Builtin::ObjectDelAttr => "__delattr__",
            Builtin::ObjectGetAttribute => "__getattribute__",
            Builtin::PropertyGetter => "getter",
            Builtin::PropertySetter => "setter",
            Builtin::PropertyDeleter => "deleter",
            Builtin::ExcInit => "__init__",
            Builtin::ExcAddNote => "add_note",
            Builtin::Method(method) => method.name(),
            Builtin::SetMethod(method) => method.name(),
            Builtin::StrMethod(method) => method.name(),
            Builtin::BytesMethod(method, _) => method.name(),
            Builtin::Math(function) => function.name(),
            Builtin::Gc(function) => function.name(),
            Builtin::StringModule(function) => function.name(),
            Builtin::Random(function) => function.name(),
            Builtin::Type(kind) => kind.name(),
            Builtin::Slot(method, _) => method.name(),
            Builtin::DictFromKeys => "fromkeys",
            Builtin::StrMakeTrans => "maketrans",
            Builtin::Intern => "intern",
            Builtin::GetRecursionLimit => "getrecursionlimit",
            Builtin::ExcInfo => "exc_info",
            Builtin::SysException => "exception",
            Builtin::SetRecursionLimit => "setrecursionlimit",
            Builtin::Exit => "exit",
            Builtin::Stream(stream) => stream.name(),
            Builtin::StreamWrite(_) => "write",
            Builtin::StreamFlush(_) => "flush",
            Builtin::Future(index) => super::future::FEATURES
                .get(index as usize)
                .map_or("_Feature", |f| f.0),
            Builtin::FutureRelease(_, false) => "getOptionalRelease",
            Builtin::FutureRelease(_, true) => "getMandatoryRelease",
        }
    }

    /// The type of its object: methods of built-in types are method
    /// descriptors, special methods slot wrappers, the rest functions.
    pub fn type_kind(self) -> TypeKind {
        match self {
            Builtin::Method(_)
            | Builtin::SetMethod(_)
            | Builtin::StrMethod(_)
            | Builtin::BytesMethod(..)
            | Builtin::ExcAddNote => TypeKind::MethodDescriptor,
            Builtin::Slot(method, kind) if method.is_wrapper(kind) => TypeKind::WrapperDescriptor,
            Builtin::Slot(..) => TypeKind::MethodDescriptor,
            Builtin::ExcInit
            | Builtin::ObjectInitDescriptor
            | Builtin::ObjectSetAttr
            | Builtin::ObjectDelAttr
            | Builtin::ObjectGetAttribute => TypeKind::WrapperDescriptor,
            Builtin::Stream(_) => TypeKind::TextIOWrapper,
            Builtin::Future(_) => TypeKind::Feature,
            _ => TypeKind::BuiltinFunction,
        }
    }

    pub fn repr(self) -> String {
        match self {
            Builtin::ExcInit => "<slot wrapper '__init__' of 'BaseException' objects>".into(),
            Builtin::ExcAddNote => "<method 'add_note' of 'BaseException' objects>".into(),
            Builtin::ObjectNew => "<built-in method __new__ of type object>".into(),
            Builtin::ObjectInitDescriptor
            | Builtin::ObjectSetAttr
            | Builtin::ObjectDelAttr
            | Builtin::ObjectGetAttribute => {
                format!("<slot wrapper '{}' of 'object' objects>", self.name())
            }
            Builtin::Method(method) => format!(
                "<method '{}' of '{}' objects>",
                method.name(),
                method.owner().name()
            ),
            Builtin::SetMethod(method) => format!("<method '{}' of 'set' objects>", method.name()),
            Builtin::StrMethod(method) => format!("<method '{}' of 'str' objects>", method.name()),
            Builtin::BytesMethod(method, kind) => {
                format!("<method '{}' of '{}' objects>", method.name(), kind.name())
            }
            Builtin::Slot(method, kind) => method.repr(kind),
            Builtin::DictFromKeys => "<built-in method fromkeys of type object>".into(),
            Builtin::Stream(stream) => format!(
                "<_io.TextIOWrapper name='{}' mode='w' encoding='utf-8'>",
                stream.name()
            ),
            Builtin::Future(index) => super::future::feature_repr(index),
            Builtin::StreamWrite(_) | Builtin::StreamFlush(_) => format!(
                "<built-in method {} of _io.TextIOWrapper object>",
                self.name()
            ),
            _ => format!("<built-in function {}>", self.name()),
        }
    }
}

/// The `builtins` module's members.
pub const BUILTINS: &[(&str, Builtin)] = &[
    ("print", Builtin::Print),
    ("id", Builtin::Id),
    ("len", Builtin::Len),
    ("abs", Builtin::Abs),
    ("repr", Builtin::Repr),
    ("min", Builtin::Min),
    ("max", Builtin::Max),
    ("iter", Builtin::Iter),
    ("isinstance", Builtin::IsInstance),
    ("sum", Builtin::Sum),
    ("sorted", Builtin::Sorted),
    ("enumerate", Builtin::Type(TypeKind::Enumerate)),
    ("zip", Builtin::Type(TypeKind::Zip)),
    ("reversed", Builtin::Type(TypeKind::Reversed)),
    ("any", Builtin::Any),
    ("all", Builtin::All),
    ("chr", Builtin::Chr),
    ("ord", Builtin::Ord),
    ("divmod", Builtin::DivMod),
    ("callable", Builtin::Callable),
    ("next", Builtin::Next),
    ("hex", Builtin::Hex),
    ("bin", Builtin::Bin),
    ("oct", Builtin::Oct),
    ("getattr", Builtin::GetAttr),
    ("setattr", Builtin::SetAttr),
    ("hasattr", Builtin::HasAttr),
    ("delattr", Builtin::DelAttr),
    ("locals", Builtin::Locals),
    ("globals", Builtin::Globals),
    ("vars", Builtin::Vars),
    ("dir", Builtin::Dir),
    ("issubclass", Builtin::IsSubclass),
    ("format", Builtin::Format),
    ("ascii", Builtin::Ascii),
    ("hash", Builtin::Hash),
    ("round", Builtin::Round),
    ("pow", Builtin::Pow),
    ("input", Builtin::Input),
    ("object", Builtin::Type(TypeKind::Object)),
    ("list", Builtin::Type(TypeKind::List)),
    ("dict", Builtin::Type(TypeKind::Dict)),
    ("type", Builtin::Type(TypeKind::Type)),
    ("int", Builtin::Type(TypeKind::Int)),
    ("bool", Builtin::Type(TypeKind::Bool)),
    ("float", Builtin::Type(TypeKind::Float)),
    ("complex", Builtin::Type(TypeKind::Complex)),
    ("str", Builtin::Type(TypeKind::Str)),
    ("tuple", Builtin::Type(TypeKind::Tuple)),
    ("range", Builtin::Type(TypeKind::Range)),
    ("super", Builtin::Type(TypeKind::Super)),
    ("property", Builtin::Type(TypeKind::Property)),
    ("staticmethod", Builtin::Type(TypeKind::StaticMethod)),
    ("classmethod", Builtin::Type(TypeKind::ClassMethod)),
    ("set", Builtin::Type(TypeKind::Set)),
    ("frozenset", Builtin::Type(TypeKind::Frozenset)),
    ("slice", Builtin::Type(TypeKind::Slice)),
    ("map", Builtin::Type(TypeKind::Map)),
    ("filter", Builtin::Type(TypeKind::Filter)),
    ("bytes", Builtin::Type(TypeKind::Bytes)),
    ("bytearray", Builtin::Type(TypeKind::ByteArray)),
];

/// The `sys` module's members.
pub const SYS: &[(&str, Builtin)] = &[
    ("getsizeof", Builtin::GetSizeOf),
    ("getrefcount", Builtin::GetRefCount),
    ("intern", Builtin::Intern),
    ("getrecursionlimit", Builtin::GetRecursionLimit),
    ("setrecursionlimit", Builtin::SetRecursionLimit),
    ("exit", Builtin::Exit),
];

type Call = Result<ObjId, Box<PyException>>;

/// CPython builtins that would reach outside the program (files, processes,
/// code loading, introspection of the interpreter): bytestep has none of
/// them, and names them in a clear refusal rather than a `NameError`. They
/// are not heap objects, so the heap (and every id) is as without them.
pub fn refused(name: &str) -> Option<&'static str> {
    Some(match name {
        "open" => "files",
        "exec" | "eval" | "compile" | "__import__" | "breakpoint" => "code loading",
        "exit" | "quit" => "leaving the interpreter",
        _ => return None,
    })
}

/// Argument Clinic's `_PyArg_UnpackKeywords` for a builtin whose
/// parameters `names` (none positional-only, the first `required` of them
/// required) may come by name: the arguments in order, up to the last one
/// given, with CPython's errors in its order.
fn clinic_arguments(
    function: &str,
    args: &[ObjId],
    keywords: &[(&str, ObjId)],
    names: &[&str],
    required: usize,
) -> Result<Vec<ObjId>, Box<PyException>> {
    let slots = clinic_slots(function, args, keywords, names, required)?;
    Ok(slots.into_iter().map_while(|slot| slot).collect())
}

impl Vm {
    /// A method's arguments (some by keyword) in its parameters' places,
    /// as far as the last one given, None for an optional one left out
    /// before it (the method's own code takes None as not given).
    pub(super) fn clinic_positional(
        &self,
        function: &str,
        args: &[ObjId],
        keywords: &[(&str, ObjId)],
        names: &[&str],
    ) -> Result<Vec<ObjId>, Box<PyException>> {
        let slots = clinic_slots(function, args, keywords, names, 0)?;
        let given = slots.iter().rposition(Option::is_some).map_or(0, |i| i + 1);
        Ok(slots[..given]
            .iter()
            .map(|slot| slot.unwrap_or(self.singletons.none))
            .collect())
    }
}

/// [`clinic_arguments`] with a place per parameter, `None` where one was
/// not given (an optional one may be missing before a given one).
pub(super) fn clinic_slots(
    function: &str,
    args: &[ObjId],
    keywords: &[(&str, ObjId)],
    names: &[&str],
    required: usize,
) -> Result<Vec<Option<ObjId>>, Box<PyException>> {
    let given = args.len() + keywords.len();
    if given > names.len() {
        // ("keyword" when nothing came by position: bpo-31229.)
        return Err(PyException::type_error(format!(
            "{function}() takes at most {} {}argument{} ({given} given)",
            names.len(),
            if args.is_empty() { "keyword " } else { "" },
            if names.len() == 1 { "" } else { "s" }
        )));
    }
    let mut out: Vec<Option<ObjId>> = args.iter().map(|&arg| Some(arg)).collect();
    for (position, &name) in names.iter().enumerate().skip(args.len()) {
        match keywords.iter().find(|&&(k, _)| k == name) {
            Some(&(_, value)) => out.push(Some(value)),
            None if position < required => {
                return Err(PyException::type_error(format!(
                    "{function}() missing required argument '{name}' (pos {})",
                    position + 1
                )));
            }
            None => out.push(None),
        }
    }
    for (position, &name) in names.iter().enumerate().take(args.len()) {
        if keywords.iter().any(|&(k, _)| k == name) {
            return Err(PyException::type_error(format!(
                "argument for {function}() given by name ('{name}') and position ({})",
                position + 1
            )));
        }
    }
    if let Some(&(name, _)) = keywords.iter().find(|&&(k, _)| !names.contains(&k)) {
        let hint = super::suggest::keyword_hint(names.iter().copied(), name);
        return Err(PyException::type_error(format!(
            "{function}() got an unexpected keyword argument '{name}'{hint}"
        )));
    }
    Ok(out)
}

/// Call a builtin or a type; returns the result (the caller pushes it).
pub fn call(vm: &mut Vm, callable: ObjId, args: &[ObjId], keywords: &[(&str, ObjId)]) -> Call {
    // `list[int](...)` (`ga_call`): its origin is called.
    if let Value::GenericAlias { origin, .. } = *vm.heap.value(callable)
        && let Value::Type(_) = vm.heap.value(origin)
    {
        return call(vm, origin, args, keywords);
    }
    if let Some(result) = vm.call_type_slot(callable, args, keywords) {
        return result;
    }
    // `str(b, encoding)` decodes (`unicode_vectorcall`, and `unicode_new`
    // with keywords).
    if let Value::Type(TypeKind::Str) = vm.heap.value(callable)
        && (args.len() > 1 || !keywords.is_empty())
    {
        if keywords.is_empty() && args.len() > 3 {
            return Err(PyException::type_error(format!(
                "str expected at most 3 arguments, got {}",
                args.len()
            )));
        }
        let names = ["object", "encoding", "errors"];
        let slots = clinic_slots("str", args, keywords, &names, 0)?;
        return match slots[..] {
            [None, ..] => Ok(vm.singletons.empty_str),
            [Some(object), None, None] => call(vm, callable, &[object], &[]),
            [Some(object), encoding, errors] => vm.str_from_bytes(object, encoding, errors),
            _ => Err(PyException::new("SystemError", "str(): bad arguments")),
        };
    }
    // `complex(real=1, imag=2)`.
    if let Value::Type(TypeKind::Complex) = vm.heap.value(callable)
        && !keywords.is_empty()
    {
        let slots = clinic_slots("complex", args, keywords, &["real", "imag"], 0)?;
        return match slots[..] {
            [real, imag] => vm.complex_new_keywords(real, imag),
            _ => vm.complex_new(&[]),
        };
    }
    let builtin = match vm.heap.value(callable) {
        Value::Builtin(Builtin::ExcAddNote) => {
            let Some((&exc, rest)) = args.split_first() else {
                return Err(PyException::type_error(
                    "unbound method BaseException.add_note() needs an argument",
                ));
            };
            if !matches!(vm.heap.value(exc), Value::Exception(_)) {
                return Err(PyException::type_error(format!(
                    "descriptor 'add_note' for 'BaseException' objects doesn't apply to a '{}' object",
                    vm.heap.value(exc).type_name()
                )));
            }
            return vm.exception_add_note(exc, rest, keywords);
        }
        Value::BoundMethod {
            method: Builtin::ExcAddNote,
            owner,
        } => {
            let owner = *owner;
            return vm.exception_add_note(owner, args, keywords);
        }
        Value::Builtin(Builtin::Slot(method, owner)) => {
            let (method, owner) = (*method, *owner);
            return vm.call_slot_method(method, owner, args, keywords, None);
        }
        Value::BoundMethod {
            method: Builtin::Slot(method, kind),
            owner,
        } => {
            let (method, kind, owner) = (*method, *kind, *owner);
            return vm.call_slot_method(method, kind, args, keywords, Some(owner));
        }
        Value::Builtin(Builtin::Method(method)) => {
            let method = *method;
            let Some((&owner, rest)) = args.split_first() else {
                return Err(PyException::type_error(format!(
                    "unbound method {}.{}() needs an argument",
                    method.owner().name(),
                    method.name()
                )));
            };
            return call_method(vm, method, owner, rest, keywords);
        }
        Value::BoundMethod {
            method: Builtin::Method(method),
            owner,
        } => {
            let (method, owner) = (*method, *owner);
            return call_method(vm, method, owner, args, keywords);
        }
        Value::Builtin(Builtin::StrMethod(method)) => {
            let method = *method;
            let Some((&owner, rest)) = args.split_first() else {
                return Err(PyException::type_error(format!(
                    "unbound method str.{}() needs an argument",
                    method.name()
                )));
            };
            return vm.call_str_method(method, owner, rest, keywords);
        }
        Value::BoundMethod {
            method: Builtin::StrMethod(method),
            owner,
        } => {
            let (method, owner) = (*method, *owner);
            return vm.call_str_method(method, owner, args, keywords);
        }
        Value::Builtin(Builtin::BytesMethod(method, kind)) => {
            let (method, kind) = (*method, *kind);
            let Some((&owner, rest)) = args.split_first() else {
                return Err(PyException::type_error(format!(
                    "unbound method {}.{}() needs an argument",
                    kind.name(),
                    method.name()
                )));
            };
            if vm.heap.value(owner).type_kind() != kind {
                return Err(PyException::type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    method.name(),
                    kind.name(),
                    vm.heap.value(owner).type_name()
                )));
            }
            return vm.call_bytes_method(method, owner, rest, keywords);
        }
        Value::BoundMethod {
            method: Builtin::BytesMethod(method, _),
            owner,
        } => {
            let (method, owner) = (*method, *owner);
            // `bytes.fromhex` is bound to the type itself.
            if let Value::Type(kind) = *vm.heap.value(owner) {
                return vm.bytes_fromhex(kind, args);
            }
            return vm.call_bytes_method(method, owner, args, keywords);
        }
        Value::Type(kind @ (TypeKind::Bytes | TypeKind::ByteArray)) => {
            let kind = *kind;
            return vm.bytes_new(kind, args, keywords);
        }

        Value::Builtin(Builtin::SetMethod(method)) => {
            let method = *method;
            let Some((&owner, rest)) = args.split_first() else {
                return Err(PyException::type_error(format!(
                    "unbound method set.{}() needs an argument",
                    method.name()
                )));
            };
            let owner_type = match vm.heap.value(owner) {
                Value::Set(set) if set.frozen => "frozenset",
                _ => "set",
            };
            no_keywords(&format!("{owner_type}.{}", method.name()), keywords)?;
            if !vm.is_set(owner) {
                return Err(PyException::type_error(format!(
                    "descriptor '{}' for 'set' objects doesn't apply to a '{}' object",
                    method.name(),
                    vm.heap.value(owner).type_name()
                )));
            }
            return vm.call_set_method(method, owner, rest);
        }
        Value::BoundMethod {
            method: Builtin::SetMethod(method),
            owner,
        } => {
            let (method, owner) = (*method, *owner);
            let owner_type = match vm.heap.value(owner) {
                Value::Set(set) if set.frozen => "frozenset",
                _ => "set",
            };
            no_keywords(&format!("{owner_type}.{}", method.name()), keywords)?;
            return vm.call_set_method(method, owner, args);
        }
        Value::BoundMethod {
            method:
                which @ (Builtin::PropertyGetter | Builtin::PropertySetter | Builtin::PropertyDeleter),
            owner,
        } => {
            let (which, owner) = (*which, *owner);
            let [function] = exactly(which, args)?;
            return vm.property_with(owner, which, function);
        }
        Value::BoundMethod {
            method:
                which @ (Builtin::ObjectSetAttr | Builtin::ObjectDelAttr | Builtin::ObjectGetAttribute),
            owner,
        } => {
            let (which, owner) = (*which, *owner);
            let mut all = vec![owner];
            all.extend_from_slice(args);
            no_keywords(&format!("wrapper {}", which.name()), keywords)?;
            return vm.object_slot(which, &all);
        }
        Value::BoundMethod {
            method: Builtin::BaseRepr,
            owner,
        } => {
            let owner = *owner;
            no_keywords("wrapper __repr__", keywords)?;
            if !args.is_empty() {
                return Err(PyException::type_error(format!(
                    "expected 0 arguments, got {}",
                    args.len()
                )));
            }
            let text = vm.base_repr(owner)?;
            return Ok(vm.str_object(&text));
        }
        Value::BoundMethod {
            method: Builtin::BaseInit,
            owner,
        } => {
            let owner = *owner;
            let kind = vm.heap.value(owner).type_kind();
            let (names, values): (Vec<String>, Vec<ObjId>) = keywords
                .iter()
                .map(|&(name, value)| (name.to_owned(), value))
                .unzip();
            vm.builtin_init(kind, owner, args, &names, &values)?;
            return Ok(vm.singletons.none);
        }
        Value::BoundMethod {
            method: method @ (Builtin::TypeMro | Builtin::TypeSubclasses),
            owner,
        } => {
            let (method, owner) = (*method, *owner);
            if !args.is_empty() || !keywords.is_empty() {
                return Err(PyException::type_error(format!(
                    "{}() takes no arguments ({} given)",
                    if method == Builtin::TypeMro {
                        "type.mro"
                    } else {
                        "type.__subclasses__"
                    },
                    args.len() + keywords.len()
                )));
            }
            let items = if method == Builtin::TypeMro {
                match vm.heap.value(owner) {
                    Value::Class(c) => c.mro.clone(),
                    _ => Vec::new(),
                }
            } else {
                vm.subclasses_of(owner)
            };
            return Ok(vm.list_object(items, false));
        }
        Value::BoundMethod {
            method: Builtin::ObjectInitSubclass,
            owner,
        } => {
            let name = match vm.heap.value(*owner) {
                Value::Class(c) => c.name,
                other => other.type_name(),
            };
            if !keywords.is_empty() {
                return Err(PyException::type_error(format!(
                    "{name}.__init_subclass__() takes no keyword arguments"
                )));
            }
            if !args.is_empty() {
                return Err(PyException::type_error(format!(
                    "{name}.__init_subclass__() takes no arguments ({} given)",
                    args.len()
                )));
            }
            return Ok(vm.singletons.none);
        }
        Value::Builtin(builtin) => *builtin,
        // Types whose calls are handled as builtins' are.
        Value::Type(TypeKind::Enumerate) => Builtin::Enumerate,
        Value::Type(TypeKind::Zip) => Builtin::Zip,
        Value::Type(TypeKind::Reversed) => Builtin::Reversed,
        Value::Type(TypeKind::Super) => Builtin::Super,
        Value::Type(kind) => Builtin::Type(*kind),
        other => {
            return Err(PyException::type_error(format!(
                "'{}' object is not callable",
                other.type_name()
            )));
        }
    };
    // `round(number, ndigits=2)`, `pow(base, exp, mod=m)`: the keywords
    // in their places, then the call as by position (and Argument
    // Clinic's messages for a wrong count).
    let clinic: Option<(&[&str], usize)> = match builtin {
        Builtin::Round => Some((&["number", "ndigits"], 1)),
        Builtin::Pow => Some((&["base", "exp", "mod"], 2)),
        _ => None,
    };
    if let Some((names, required)) = clinic
        && (!keywords.is_empty() || args.len() < required || args.len() > names.len())
    {
        let positional = clinic_arguments(builtin.name(), args, keywords, names, required)?;
        return call(vm, callable, &positional, &[]);
    }
    // `int(x, /, base=10)`: the keyword is the second argument.
    if builtin == Builtin::Type(TypeKind::Int) && !keywords.is_empty() {
        let given = args.len() + keywords.len();
        if given > 2 {
            return Err(PyException::type_error(format!(
                "int() takes at most 2 {}arguments ({given} given)",
                if args.is_empty() { "keyword " } else { "" }
            )));
        }
        let base = match keywords {
            [("base", base)] => *base,
            _ => {
                let name = keywords
                    .iter()
                    .map(|&(k, _)| k)
                    .find(|&k| k != "base")
                    .unwrap_or("base");
                let hint = super::suggest::keyword_hint(["base"], name);
                return Err(PyException::type_error(format!(
                    "int() got an unexpected keyword argument '{name}'{hint}"
                )));
            }
        };
        return match args {
            [x] => vm.int_with_base(*x, base),
            _ => Err(PyException::type_error("int() missing string argument")),
        };
    }
    if builtin == Builtin::Type(TypeKind::Int) && args.len() > 2 {
        return Err(PyException::type_error(format!(
            "int expected at most 2 arguments, got {}",
            args.len()
        )));
    }
    // `map(func, *iterables, strict=False)` (3.14).
    if builtin == Builtin::Type(TypeKind::Map) && !keywords.is_empty() {
        let strict = match keywords {
            [("strict", value)] => vm.truthy(*value)?,
            [(name, _)] => {
                let hint = super::suggest::keyword_hint(["strict"], name);
                return Err(PyException::type_error(format!(
                    "map() got an unexpected keyword argument '{name}'{hint}"
                )));
            }
            _ => {
                return Err(PyException::type_error(format!(
                    "map() takes at most 1 keyword argument ({} given)",
                    keywords.len()
                )));
            }
        };
        return vm.map_strict(args, strict);
    }
    // `type(x, **kw)` is no one-argument call (`type_call`).
    if builtin == Builtin::Type(TypeKind::Type) && !keywords.is_empty() && args.len() != 3 {
        return Err(PyException::type_error("type() takes 1 or 3 arguments"));
    }
    if builtin == Builtin::Type(TypeKind::Object) && !keywords.is_empty() {
        return Err(PyException::type_error("object() takes no arguments"));
    }
    // `property(fget=..., doc=...)`: the keywords in their places.
    if builtin == Builtin::Type(TypeKind::Property) && !keywords.is_empty() {
        const PARAMETERS: [&str; 4] = ["fget", "fset", "fdel", "doc"];
        let mut slots: [Option<ObjId>; 4] = [None; 4];
        if args.len() > 4 {
            return Err(PyException::type_error(format!(
                "property() takes at most 4 arguments ({} given)",
                args.len() + keywords.len()
            )));
        }
        for (slot, &arg) in slots.iter_mut().zip(args) {
            *slot = Some(arg);
        }
        for &(name, value) in keywords {
            let Some(at) = PARAMETERS.iter().position(|&p| p == name) else {
                let hint = super::suggest::keyword_hint(PARAMETERS, name);
                return Err(PyException::type_error(format!(
                    "property() got an unexpected keyword argument '{name}'{hint}"
                )));
            };
            if slots[at].is_some() {
                return Err(PyException::type_error(format!(
                    "argument for property() given by name ('{name}') and position ({})",
                    at + 1
                )));
            }
            slots[at] = Some(value);
        }
        let [fget, fset, fdel, doc] = slots;
        return Ok(vm.property_object(fget, fset, fdel, doc));
    }
    // `dict(**kw)`, `dict(source, **kw)` (`dict_update_common`): the
    // source's items, then the keywords in order.
    if builtin == Builtin::Type(TypeKind::Dict) && !keywords.is_empty() {
        let dict = construct(vm, TypeKind::Dict, args)?;
        for &(name, value) in keywords {
            let key = vm.identifier(name);
            if let Err(error) = vm.dict_set(dict, key, value) {
                vm.heap.discard(dict);
                return Err(error);
            }
        }
        return Ok(dict);
    }
    if builtin != Builtin::Print
        && builtin != Builtin::Sorted
        && builtin != Builtin::Enumerate
        && builtin != Builtin::Zip
        && builtin != Builtin::Min
        && builtin != Builtin::Max
        && builtin != Builtin::Math(super::math::MathFunction::IsClose)
        && builtin != Builtin::Sum
        && !matches!(builtin, Builtin::StringModule(_) | Builtin::Random(_))
        && !keywords.is_empty()
    {
        let name = match builtin {
            Builtin::DictFromKeys => "dict.fromkeys",
            Builtin::StrMakeTrans => "str.maketrans",
            Builtin::ObjectSetAttr => "wrapper __setattr__",
            Builtin::ObjectDelAttr => "wrapper __delattr__",
            Builtin::ObjectGetAttribute => "wrapper __getattribute__",
            _ => builtin.name(),
        };
        return Err(PyException::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    match builtin {
        Builtin::ExcInit => vm.exception_init(args),
        // (Taken above, as a method descriptor.)
        Builtin::ExcAddNote => Err(PyException::new(
            "SystemError",
            "add_note called without its exception",
        )),
        Builtin::Print => print(vm, args, keywords),
        Builtin::Math(function) => super::math::call(vm, function, args, keywords),
        Builtin::Gc(function) => super::gc::call(vm, function, args),
        Builtin::StringModule(function) => super::string_module::call(vm, function, args, keywords),
        Builtin::Random(function) => super::random_module::call(vm, function, args, keywords),
        Builtin::GetAttr
        | Builtin::SetAttr
        | Builtin::HasAttr
        | Builtin::DelAttr
        | Builtin::Locals
        | Builtin::Globals
        | Builtin::Vars
        | Builtin::Dir
        | Builtin::IsSubclass
        | Builtin::Format
        | Builtin::Ascii
        | Builtin::Hash
        | Builtin::Round
        | Builtin::Pow
        | Builtin::Input => super::introspect::call(vm, builtin, args),
        Builtin::Id => {
            let [obj] = exactly(builtin, args)?;
            let address = vm.heap.get(obj).address;
            Ok(vm.int_from_bigint(BigInt::from(address)))
        }
        Builtin::Len => {
            let [obj] = exactly(builtin, args)?;
            let length = vm.len_of(obj)?;
            Ok(vm.int_object(length))
        }
        Builtin::Abs => {
            let [obj] = exactly(builtin, args)?;
            if let Value::Complex(re, im) = *vm.heap.value(obj) {
                let magnitude = re.hypot(im);
                if magnitude.is_infinite() && re.is_finite() && im.is_finite() {
                    return Err(PyException::new(
                        "OverflowError",
                        "absolute value too large",
                    ));
                }
                return Ok(vm.heap.alloc(Value::Float(magnitude)));
            }
            match Number::of(vm.heap.value(obj)) {
                Some(Number::Int(v)) if v >= 0 && !matches!(vm.heap.value(obj), Value::Bool(_)) => {
                    Ok(obj)
                }
                Some(Number::Int(v)) => {
                    Ok(vm.int_from_bigint(BigInt::from(v).magnitude().clone().into()))
                }
                Some(Number::Big(v)) => Ok(vm.int_from_bigint(v.magnitude().clone().into())),
                Some(Number::Float(f)) => Ok(vm.heap.alloc(Value::Float(f.abs()))),
                None if vm.is_instance_obj(obj) => vm.unary_special(obj, "__abs__", "abs()"),
                None => Err(PyException::type_error(format!(
                    "bad operand type for abs(): '{}'",
                    vm.heap.value(obj).type_name()
                ))),
            }
        }
        Builtin::Repr => {
            let [obj] = exactly(builtin, args)?;
            let text = vm.repr_of(obj)?;
            Ok(vm.str_object(&text))
        }
        Builtin::Min | Builtin::Max if !keywords.is_empty() => {
            extreme_keywords(vm, builtin, args, keywords)
        }
        Builtin::Min | Builtin::Max => extreme(vm, builtin, args),
        Builtin::GetSizeOf if args.len() == 2 => {
            // `sys.getsizeof(obj, default)`: a `TypeError` gives the default.
            let (obj, default) = (args[0], args[1]);
            match vm.getsizeof_of(obj) {
                Err(error)
                    if !error.fatal
                        && (error.kind == "TypeError"
                            || error
                                .object
                                .is_some_and(|exc| vm.is_exception_kind(exc, "TypeError"))) =>
                {
                    vm.drop_error(&error);
                    Ok(default)
                }
                other => other,
            }
        }
        Builtin::GetSizeOf => {
            let [obj] = exactly(builtin, args)?;
            vm.getsizeof_of(obj)
        }
        Builtin::GetRefCount => {
            let [obj] = exactly(builtin, args)?;
            let count = vm.heap.getrefcount(obj);
            Ok(vm.int_from_bigint(BigInt::from(count)))
        }
        Builtin::Intern => {
            let [obj] = exactly(builtin, args)?;
            vm.sys_intern(obj)
        }
        Builtin::GetRecursionLimit => {
            let [] = exactly(builtin, args)?;
            Ok(vm.int_object(vm.recursion_limit as i64))
        }
        Builtin::ExcInfo => {
            let [] = exactly(builtin, args)?;
            Ok(vm.sys_exc_info())
        }
        Builtin::SysException => {
            let [] = exactly(builtin, args)?;
            Ok(vm.topmost_exception().unwrap_or(vm.singletons.none))
        }
        // `sys.exit([status])`: raise SystemExit(status).
        Builtin::Exit => {
            if args.len() > 1 {
                return Err(PyException::type_error(format!(
                    "exit expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            Err(vm.raise_new("SystemExit", args.to_vec()))
        }
        Builtin::SetRecursionLimit => {
            let [limit] = exactly(builtin, args)?;
            vm.set_recursion_limit(limit)
        }
        Builtin::Iter => match *args {
            [obj] => vm.iterator(obj),
            // `builtin_iter`: a callable and its sentinel.
            [callable, sentinel] if vm.is_callable(callable) => {
                Ok(vm.callable_iterator(callable, sentinel))
            }
            [_, _] => Err(PyException::type_error("iter(v, w): v must be callable")),
            _ => Err(arity_error(builtin, 1, args.len())),
        },
        Builtin::IsInstance => {
            let [obj, classinfo] = exactly(builtin, args)?;
            let result = vm.isinstance_checked(obj, classinfo, 0)?;
            Ok(vm.bool_object(result))
        }
        Builtin::Sum => {
            // `sum(iterable, /, start=0)`, checked as Argument Clinic does:
            // the count first, then the positional one, then the names.
            let given = args.len() + keywords.len();
            if given > 2 {
                return Err(PyException::type_error(format!(
                    "sum() takes at most 2 arguments ({given} given)"
                )));
            }
            let Some(&iterable) = args.first() else {
                return Err(PyException::type_error(
                    "sum() takes at least 1 positional argument (0 given)",
                ));
            };
            let mut start = args.get(1).copied();
            for &(name, value) in keywords {
                if name != "start" {
                    return Err(PyException::type_error(format!(
                        "sum() got an unexpected keyword argument '{name}'"
                    )));
                }
                start = Some(value);
            }
            let start = match start {
                Some(start) => start,
                None => vm.int_object(0),
            };
            if let Some(items) = ItemSource::range(vm, iterable) {
                return vm.sum(start, items);
            }
            if vm.runs_python(iterable) {
                if let Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) = vm.heap.value(start)
                {
                    // The same refusals, before any item is taken.
                    return vm.sum(start, ItemSource::Held(Vec::new().into_iter()));
                }
                let consumer = super::frame::Consumer::Sum {
                    start,
                    acc: super::frame::SumAcc::Int(0),
                };
                return vm.drain(iterable, consumer);
            }
            let (items, temp) = vm.items_of(iterable)?;
            let total = vm.sum(start, ItemSource::Held(items.into_iter()));
            if let Some(temp) = temp {
                vm.heap.discard(temp);
            }
            total
        }
        Builtin::Sorted => {
            let [iterable] = exactly(builtin, args)?;
            let list = vm.list_from(Some(iterable))?;
            // Held while sorting, so an error in a comparison frees it.
            let holder = vm.raised_referrer();
            vm.heap.incref(list, holder);
            match vm.sort_list(list, keywords) {
                Ok(()) => {
                    vm.heap.decref_keep(list, holder);
                    Ok(list)
                }
                Err(error) => {
                    vm.heap.decref(list, holder);
                    Err(error)
                }
            }
        }
        Builtin::Enumerate => {
            // `enumerate_vectorcall`: `iterable` and `start` by position or
            // by name, each keyword checked where it stands.
            let invalid = |name: &str| {
                PyException::type_error(format!(
                    "'{name}' is an invalid keyword argument for enumerate()"
                ))
            };
            let check = |name: &str, wanted: &str| {
                if name == wanted {
                    Ok(())
                } else {
                    Err(invalid(name))
                }
            };
            match (args, keywords) {
                ([iterable], []) => vm.enumerate(*iterable, None),
                ([iterable, start], []) => vm.enumerate(*iterable, Some(*start)),
                ([iterable], [(name, start)]) => {
                    check(name, "start")?;
                    vm.enumerate(*iterable, Some(*start))
                }
                ([], [(name, iterable)]) => {
                    check(name, "iterable")?;
                    vm.enumerate(*iterable, None)
                }
                ([], [(first, x), (second, y)]) => {
                    if *first == "start" {
                        check(second, "iterable")?;
                        return vm.enumerate(*y, Some(*x));
                    }
                    check(first, "iterable")?;
                    check(second, "start")?;
                    vm.enumerate(*x, Some(*y))
                }
                ([], []) => Err(PyException::type_error(
                    "enumerate() missing required argument 'iterable'",
                )),
                _ => Err(PyException::type_error(format!(
                    "enumerate() takes at most 2 arguments ({} given)",
                    args.len() + keywords.len()
                ))),
            }
        }
        Builtin::Zip => {
            let strict = match keywords {
                [] => false,
                [("strict", value)] => vm.truthy(*value)?,
                [(other, _), ..] => {
                    let hint = super::suggest::keyword_hint(["strict"], other);
                    return Err(PyException::type_error(format!(
                        "zip() got an unexpected keyword argument '{other}'{hint}"
                    )));
                }
            };
            vm.zip(args, strict)
        }
        Builtin::Reversed => {
            let [seq] = exactly(builtin, args)?;
            if vm.is_instance_obj(seq) {
                return vm.instance_reversed(seq);
            }
            vm.reversed(seq)
        }
        Builtin::Any | Builtin::All => {
            let [iterable] = exactly(builtin, args)?;
            if vm.runs_python(iterable) {
                let consumer = super::frame::Consumer::AnyAll {
                    any: builtin == Builtin::Any,
                };
                return vm.drain(iterable, consumer);
            }
            let (items, temp) = vm.items_of(iterable)?;
            let want = builtin == Builtin::Any;
            let mut found = !want;
            for item in items {
                if vm.truthy(item)? == want {
                    found = want;
                    break;
                }
            }
            if let Some(temp) = temp {
                vm.heap.discard(temp);
            }
            Ok(vm.bool_object(found))
        }
        Builtin::Chr => {
            let [code] = exactly(builtin, args)?;
            let code = vm.index_value(code)?;
            let value = vm.small_index(code).ok_or_else(|| {
                PyException::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.heap.value(code).type_name()
                ))
            })?;
            match u32::try_from(value).ok().and_then(char::from_u32) {
                Some(c) => Ok(vm.str_object(&c.to_string())),
                None => Err(PyException::new(
                    "ValueError",
                    "chr() arg not in range(0x110000)",
                )),
            }
        }
        Builtin::Ord => {
            let [text] = exactly(builtin, args)?;
            match vm.heap.value(text) {
                Value::Str(s) if s.chars().count() == 1 => {
                    let c = s.chars().next().map_or(0, |c| c as i64);
                    Ok(vm.int_object(c))
                }
                Value::Str(s) => Err(PyException::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
                Value::Bytes(data) if data.len() == 1 => Ok(vm.int_object(data[0] as i64)),
                Value::ByteArray(array) if array.data.len() == 1 => {
                    Ok(vm.int_object(array.data[0] as i64))
                }
                Value::Bytes(_) | Value::ByteArray(_) => Err(PyException::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    vm.length(text)?
                ))),
                other => Err(PyException::type_error(format!(
                    "ord() expected string of length 1, but {} found",
                    other.type_name()
                ))),
            }
        }
        Builtin::DivMod => {
            let [a, b] = exactly(builtin, args)?;
            if vm.is_instance_obj(a) || vm.is_instance_obj(b) {
                return vm.instance_divmod(a, b);
            }
            let quotient = vm.binary_op(BinaryOp::FloorDivide, a, b)?;
            let remainder = match vm.binary_op(BinaryOp::Remainder, a, b) {
                Ok(r) => r,
                Err(error) => {
                    vm.heap.discard(quotient);
                    return Err(error);
                }
            };
            Ok(vm.tuple_object(vec![quotient, remainder], false))
        }
        Builtin::Callable => {
            let [obj] = exactly(builtin, args)?;
            let callable = vm.is_callable(obj);
            Ok(vm.bool_object(callable))
        }
        Builtin::Next => {
            let (iterator, default) = match args {
                [it] => (*it, None),
                [it, default] => (*it, Some(*default)),
                _ => {
                    return Err(PyException::type_error(format!(
                        "next expected at least 1 argument, got {}",
                        args.len()
                    )));
                }
            };
            if !vm.is_iterator(iterator) {
                return Err(PyException::type_error(format!(
                    "'{}' object is not an iterator",
                    vm.heap.value(iterator).type_name()
                )));
            }
            match (vm.next_item(iterator)?, default) {
                (Some(item), _) => Ok(item),
                (None, Some(default)) => Ok(default),
                (None, None) => Err(PyException::new("StopIteration", "")),
            }
        }
        Builtin::Hex | Builtin::Bin | Builtin::Oct => {
            let [value] = exactly(builtin, args)?;
            let value = vm.index_value(value)?;
            let number = match Number::of(vm.heap.value(value)) {
                Some(Number::Int(v)) => BigInt::from(v),
                Some(Number::Big(v)) => v,
                _ => {
                    return Err(PyException::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.heap.value(value).type_name()
                    )));
                }
            };
            let (radix, prefix) = match builtin {
                Builtin::Hex => (16, "0x"),
                Builtin::Bin => (2, "0b"),
                _ => (8, "0o"),
            };
            let sign = if number < BigInt::from(0) { "-" } else { "" };
            let digits = number.magnitude().to_str_radix(radix);
            Ok(vm.str_object(&format!("{sign}{prefix}{digits}")))
        }
        Builtin::Super => vm.make_super(args),
        Builtin::TypeMro | Builtin::TypeSubclasses => Err(PyException::type_error(format!(
            "descriptor '{}' of 'type' object needs an argument",
            builtin.name()
        ))),
        Builtin::ObjectInitSubclass | Builtin::BaseInit | Builtin::BaseRepr => {
            Ok(vm.singletons.none)
        }
        Builtin::TypeNew | Builtin::TypeInit | Builtin::TypeCall => Err(PyException::new(
            "SystemError",
            "type's slot called without its arguments",
        )),
        Builtin::ObjectNew
        | Builtin::ObjectSetAttr
        | Builtin::ObjectDelAttr
        | Builtin::ObjectGetAttribute => vm.object_slot(builtin, args),
        Builtin::ObjectInitDescriptor if args.is_empty() => Err(PyException::type_error(
            "descriptor '__init__' of 'object' object needs an argument",
        )),
        Builtin::ObjectInit | Builtin::ObjectInitDescriptor => match args {
            [] | [_] => Ok(vm.singletons.none),
            _ => Err(PyException::type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            )),
        },
        Builtin::PropertyGetter | Builtin::PropertySetter | Builtin::PropertyDeleter => Err(
            PyException::new("SystemError", "property method called without its property"),
        ),
        Builtin::BuildClass => Err(PyException::new(
            "SystemError",
            "__build_class__ is called by CALL itself",
        )),
        Builtin::StrMethod(method) => Err(PyException::new(
            "SystemError",
            format!("method {} called without its object", method.name()),
        )),
        Builtin::BytesMethod(method, _) => Err(PyException::new(
            "SystemError",
            format!("method {} called without its object", method.name()),
        )),
        Builtin::SetMethod(method) => Err(PyException::new(
            "SystemError",
            format!("method {} called without its object", method.name()),
        )),
        Builtin::Method(method) => Err(PyException::new(
            "SystemError",
            format!("method {} called without its object", method.name()),
        )),
        Builtin::Type(kind) => construct(vm, kind, args),
        Builtin::Slot(method, _) => Err(PyException::new(
            "SystemError",
            format!("method {} called without its object", method.name()),
        )),
        Builtin::DictFromKeys => vm.dict_fromkeys(args),
        Builtin::StrMakeTrans => vm.str_maketrans(args),
        Builtin::Stream(_) => Err(PyException::type_error(
            "'_io.TextIOWrapper' object is not callable",
        )),
        Builtin::Future(_) => Err(PyException::type_error("'_Feature' object is not callable")),
        Builtin::FutureRelease(index, mandatory) => {
            if !args.is_empty() {
                return Err(PyException::type_error(format!(
                    "_Feature.{}() takes 1 positional argument but {} were given",
                    builtin.name(),
                    args.len() + 1
                )));
            }
            Ok(vm.feature_release(index, mandatory))
        }
        Builtin::StreamWrite(stream) => vm.stream_write(stream, args),
        Builtin::StreamFlush(_) => {
            if !args.is_empty() {
                return Err(PyException::type_error(format!(
                    "flush() takes no arguments ({} given)",
                    args.len()
                )));
            }
            Ok(vm.singletons.none)
        }
    }
}

/// A list or dict method; only `list.sort` takes keywords (`key`, `reverse`).
fn call_method(
    vm: &mut Vm,
    method: super::containers::Method,
    owner: ObjId,
    args: &[ObjId],
    keywords: &[(&str, ObjId)],
) -> Call {
    use super::containers::Method;
    if method == Method::DictUpdate && matches!(vm.heap.value(owner), Value::Dict(_)) {
        return vm.dict_update(owner, args, keywords);
    }
    if method == Method::ListSort && (!keywords.is_empty() || !args.is_empty()) {
        if !args.is_empty() {
            return Err(PyException::type_error(
                "sort() takes no positional arguments",
            ));
        }
        if !matches!(vm.heap.value(owner), Value::List(_)) {
            return vm.call_method(method, owner, args);
        }
        vm.sort_list(owner, keywords)?;
        return Ok(vm.singletons.none);
    }
    if !keywords.is_empty() {
        return Err(PyException::type_error(format!(
            "{}.{}() takes no keyword arguments",
            method.owner().name(),
            method.name()
        )));
    }
    vm.call_method(method, owner, args)
}

/// CPython's `_PyArg_NoKeywords`/`_PyArg_NoKwnames`, for `name` as the
/// callable calls itself (`set.add`, `wrapper __repr__`).
fn no_keywords(name: &str, keywords: &[(&str, ObjId)]) -> Result<(), Box<PyException>> {
    if keywords.is_empty() {
        return Ok(());
    }
    Err(PyException::type_error(format!(
        "{name}() takes no keyword arguments"
    )))
}

fn exactly<const N: usize>(
    builtin: Builtin,
    args: &[ObjId],
) -> Result<[ObjId; N], Box<PyException>> {
    <[ObjId; N]>::try_from(args).map_err(|_| arity_error(builtin, N, args.len()))
}

/// CPython's complaint about a call with `given` arguments where `wanted`
/// are needed: Argument Clinic's wording for the builtins it parses, the
/// `METH_O` one ("exactly one argument") for the others.
#[cold]
fn arity_error(builtin: Builtin, wanted: usize, given: usize) -> Box<PyException> {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let message = match builtin {
        Builtin::IsInstance | Builtin::DivMod | Builtin::Sorted | Builtin::Reversed => format!(
            "{} expected {wanted} argument{}, got {given}",
            builtin.name(),
            plural(wanted)
        ),
        Builtin::Iter if given == 0 => "iter expected at least 1 argument, got 0".to_owned(),
        Builtin::Iter => format!("iter expected at most 2 arguments, got {given}"),
        Builtin::GetRefCount => {
            format!("sys.getrefcount() takes exactly one argument ({given} given)")
        }
        _ if wanted == 1 => format!(
            "{}() takes exactly one argument ({given} given)",
            builtin.name()
        ),
        _ => format!(
            "{}() takes exactly {wanted} argument{} ({given} given)",
            builtin.name(),
            plural(wanted)
        ),
    };
    PyException::type_error(message)
}

fn print(vm: &mut Vm, args: &[ObjId], keywords: &[(&str, ObjId)]) -> Call {
    // `builtin_print_impl`: the keywords are parsed first, then `file`,
    // `sep` and `end` checked in that order.
    let (mut sep, mut end, mut file, mut flush) = (None, None, None, None);
    for &(name, value) in keywords {
        let slot = match name {
            "sep" => &mut sep,
            "end" => &mut end,
            "file" => &mut file,
            "flush" => &mut flush,
            other => {
                let hint = super::suggest::keyword_hint(["sep", "end", "file", "flush"], other);
                return Err(PyException::type_error(format!(
                    "print() got an unexpected keyword argument '{other}'{hint}"
                )));
            }
        };
        *slot = Some(value);
    }
    let flush = match flush {
        // `flush: bool`: the argument's truth, taken as it is parsed.
        Some(flush) => vm.truthy(flush)?,
        None => false,
    };
    // `file=None` is `sys.stdout` as it is now (nothing when that is None).
    let file = match file {
        Some(file) if file != vm.singletons.none => Some(file),
        _ => vm.sys_stdout(),
    };
    if file == Some(vm.singletons.none) {
        return Ok(vm.singletons.none);
    }
    let stream = match file.map(|file| (file, vm.heap.value(file))) {
        None => super::streams::Stream::Stdout,
        Some((_, &Value::Builtin(Builtin::Stream(stream)))) => stream,
        Some((file, _)) => {
            for (name, value) in [("sep", sep), ("end", end)] {
                if let Some(value) = value
                    && !matches!(vm.heap.value(value), Value::Str(_) | Value::None)
                {
                    return Err(PyException::type_error(format!(
                        "{name} must be None or a string, not {}",
                        vm.heap.value(value).type_name()
                    )));
                }
            }
            let none = vm.singletons.none;
            let sep = sep.filter(|&s| s != none);
            let end = end.filter(|&e| e != none);
            return vm.print_to_file(file, args, sep, end, flush);
        }
    };
    let text_of =
        |name: &str, value: Option<ObjId>, default: &str| match value.map(|v| vm.heap.value(v)) {
            None | Some(Value::None) => Ok(default.to_owned()),
            Some(Value::Str(text)) => Ok(text.to_string()),
            Some(other) => Err(PyException::type_error(format!(
                "{name} must be None or a string, not {}",
                other.type_name()
            ))),
        };
    let sep = text_of("sep", sep, " ")?;
    let end = text_of("end", end, "\n")?;
    // Each argument is written once its `str()` is known, as CPython
    // writes it: a `__str__` that prints or raises comes after the
    // arguments before it. A replay (after such a call) skips what the
    // earlier passes wrote.
    let already = vm
        .top_frame()
        .ok()
        .and_then(|frame| frame.calls.as_ref())
        .map_or(0, |calls| calls.printed);
    let mut text = String::new();
    let mut failed = None;
    for (i, &arg) in args.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        let piece = match vm.str_of(arg) {
            Ok(piece) => piece,
            Err(error) => {
                failed = Some(error);
                break;
            }
        };
        vm.charge(piece.len() as u64);
        if let Err(error) = vm.heap.check_room(text.len() as u64 + piece.len() as u64) {
            failed = Some(error);
            break;
        }
        text.push_str(&piece);
    }
    let pending = failed.as_ref().is_some_and(|error| Vm::is_pending(error));
    if failed.is_none() {
        text.push_str(&end);
    }
    if text.len() > already {
        let new = text[already..].to_owned();
        vm.write_stream(stream, &new);
    }
    let printed = if pending { text.len().max(already) } else { 0 };
    if let Ok(frame) = vm.top_frame()
        && (printed != 0 || frame.calls.is_some())
    {
        frame.calls_mut().printed = printed;
    }
    if let Some(error) = failed {
        return Err(error);
    }
    Ok(vm.singletons.none)
}

/// `min`/`max` with `key=` or `default=` (`min_max`): one iterable is
/// drained (the key function runs as a frame per item), several
/// arguments compared directly.
fn extreme_keywords(
    vm: &mut Vm,
    builtin: Builtin,
    args: &[ObjId],
    keywords: &[(&str, ObjId)],
) -> Call {
    let name = builtin.name();
    let mut key = None;
    let mut default = None;
    // (`min_max`: the positional count first, then `|$OO` keywords.)
    if args.is_empty() {
        return Err(PyException::type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    }
    if keywords.len() > 2 {
        return Err(PyException::type_error(format!(
            "{name}() takes at most 2 keyword arguments ({} given)",
            keywords.len()
        )));
    }
    for &(keyword, value) in keywords {
        match keyword {
            "key" => key = Some(value).filter(|&k| k != vm.singletons.none),
            "default" => default = Some(value),
            other => {
                let hint = super::suggest::keyword_hint(["key", "default"], other);
                return Err(PyException::type_error(format!(
                    "{name}() got an unexpected keyword argument '{other}'{hint}"
                )));
            }
        }
    }
    match args {
        [] => Err(PyException::type_error(format!(
            "{name} expected at least 1 argument, got 0"
        ))),
        [iterable] => {
            let consumer = super::frame::Consumer::Extreme {
                max: builtin == Builtin::Max,
                key,
                default,
                best: None,
            };
            vm.drain(*iterable, consumer)
        }
        _ if default.is_some() => Err(PyException::type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        ))),
        many => {
            let Some(key) = key else {
                return extreme(vm, builtin, many);
            };
            let op = if builtin == Builtin::Max {
                CompareOp::Gt
            } else {
                CompareOp::Lt
            };
            let mut best: Option<(ObjId, ObjId)> = None;
            for &item in many {
                let value = vm.call_python(key, &[item])?;
                let better = match best {
                    None => true,
                    Some((_, best_value)) => vm.compare_bool(op, value, best_value)?,
                };
                if better {
                    best = Some((item, value));
                }
            }
            Ok(best.map_or(vm.singletons.none, |(item, _)| item))
        }
    }
}

fn extreme(vm: &mut Vm, builtin: Builtin, args: &[ObjId]) -> Call {
    if args.is_empty() {
        return Err(PyException::type_error(format!(
            "{} expected at least 1 argument, got 0",
            builtin.name()
        )));
    }
    if let [single] = args
        && vm.runs_python(*single)
    {
        let consumer = super::frame::Consumer::Extreme {
            max: builtin == Builtin::Max,
            key: None,
            default: None,
            best: None,
        };
        return vm.drain(*single, consumer);
    }
    if let [single] = args
        && let Some(items) = ItemSource::range(vm, *single)
    {
        return extreme_of(vm, builtin, items);
    }
    let (items, temp) = match args {
        [single] => vm.items_of(*single)?,
        many => (many.to_vec(), None),
    };
    let result = extreme_of(vm, builtin, ItemSource::Held(items.into_iter()));
    if let (Some(temp), Ok(best)) = (temp, &result) {
        // The result outlives the temporary list that held it.
        let best = *best;
        let holder = vm.raised_referrer();
        vm.heap.incref(best, holder);
        vm.heap.discard(temp);
        vm.heap.decref_keep(best, holder);
    } else if let Some(temp) = temp {
        vm.heap.discard(temp);
    }
    result
}

fn extreme_of(vm: &mut Vm, builtin: Builtin, mut items: ItemSource) -> Call {
    let Some(mut best) = items.next(vm) else {
        return Err(PyException::new(
            "ValueError",
            format!("{}() iterable argument is empty", builtin.name()),
        ));
    };
    while let Some(candidate) = items.next(vm) {
        // min keeps the first of equals: replace only when strictly better.
        let better = if builtin == Builtin::Min {
            vm.compare_bool(CompareOp::Lt, candidate, best)
        } else {
            vm.compare_bool(CompareOp::Gt, candidate, best)
        };
        let better = match better {
            Ok(better) => better,
            Err(error) => {
                items.done(vm, candidate, best);
                items.done(vm, best, candidate);
                return Err(error);
            }
        };
        if better {
            items.done(vm, best, candidate);
            best = candidate;
        } else {
            items.done(vm, candidate, best);
        }
    }
    Ok(best)
}

/// `float(text)`: CPython's float syntax (spaces around, `_` between
/// digits, `inf`/`infinity`/`nan` in any case).
pub(super) fn parse_float(text: &str) -> Option<f64> {
    let text = super::int_parse::ascii_digits_and_spaces(text);
    let text = text.trim_matches(|c: char| matches!(c, ' ' | '\t'..='\r'));
    let digits_around = |i: usize| {
        let bytes = text.as_bytes();
        i > 0
            && i + 1 < bytes.len()
            && bytes[i - 1].is_ascii_digit()
            && bytes[i + 1].is_ascii_digit()
    };
    if text
        .char_indices()
        .any(|(i, c)| c == '_' && !digits_around(i))
    {
        return None;
    }
    let cleaned: String = text.chars().filter(|&c| c != '_').collect();
    let unsigned = cleaned.trim_start_matches(['+', '-']);
    let lower = unsigned.to_ascii_lowercase();
    if cleaned.len() - unsigned.len() > 1 {
        return None;
    }
    let negative = cleaned.starts_with('-');
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(value) = special {
        return Some(if negative { -value } else { value });
    }
    if !unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    cleaned.parse().ok()
}

fn construct(vm: &mut Vm, kind: TypeKind, args: &[ObjId]) -> Call {
    // `int(x)` of an instance of a subclass of int is an exact int (and so on).
    if let [obj] = args
        && vm.heap.has_subclassed()
        && vm.heap.subclass_of(*obj).is_some()
        && matches!(
            kind,
            TypeKind::Int | TypeKind::Float | TypeKind::Str | TypeKind::Tuple
        )
        && vm.heap.value(*obj).type_kind() == kind
    {
        return vm.exact_copy(*obj);
    }
    match (kind, args) {
        (TypeKind::Map, _) => vm.map(args),
        (TypeKind::Filter, _) => vm.filter(args),
        (TypeKind::Type, [name, bases, namespace]) => vm.type_new(*name, *bases, *namespace),
        (TypeKind::Type, [obj]) => {
            if let Value::Instance { class, .. } = vm.heap.value(*obj) {
                return Ok(*class);
            }
            if let Some(tag) = vm.heap.subclass_of(*obj) {
                return Ok(tag.class);
            }
            if let Value::Exception(exc) = vm.heap.value(*obj)
                && let Some(class) = exc.class
            {
                return Ok(class);
            }
            let of = vm.heap.value(*obj).type_kind();
            Ok(vm.type_object(of))
        }
        (TypeKind::Int, []) => Ok(vm.int_object(0)),
        (TypeKind::Int, [obj, base]) => vm.int_with_base(*obj, *base),
        (TypeKind::Int, [obj]) => match vm.heap.value(*obj) {
            Value::Int(_) | Value::BigInt(_) => Ok(*obj),
            Value::Bool(b) => Ok(vm.int_object(*b as i64)),
            Value::Float(f) if f.is_nan() => Err(PyException::new(
                "ValueError",
                "cannot convert float NaN to integer",
            )),
            Value::Float(f) if f.is_infinite() => Err(PyException::new(
                "OverflowError",
                "cannot convert float infinity to integer",
            )),
            Value::Float(f) => {
                let truncated = f.trunc();
                let value: BigInt =
                    num_traits::FromPrimitive::from_f64(truncated).unwrap_or_default();
                Ok(vm.int_from_bigint(value))
            }
            Value::Bytes(_) | Value::ByteArray(_) => vm.int_from_bytes(*obj),
            Value::Str(_) => vm.int_of_text(*obj, 10),
            Value::Instance { .. } => vm.instance_int(*obj),
            other => Err(PyException::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                other.type_name()
            ))),
        },
        (TypeKind::Bool, []) => Ok(vm.bool_object(false)),
        (TypeKind::Bool, [obj]) => {
            let truth = vm.truthy(*obj)?;
            Ok(vm.bool_object(truth))
        }
        (TypeKind::Str, []) => Ok(vm.singletons.empty_str),
        (TypeKind::Str, [obj]) => match vm.heap.value(*obj) {
            Value::Str(_) => Ok(*obj),
            _ => {
                let text = vm.str_of(*obj)?;
                Ok(vm.str_object(&text))
            }
        },
        (TypeKind::Float, []) => Ok(vm.heap.alloc(Value::Float(0.0))),
        (TypeKind::Complex, args) => vm.complex_new(args),
        (TypeKind::Float, [obj]) if matches!(vm.heap.value(*obj), Value::Str(_)) => {
            let text = vm.heap.str(*obj);
            match parse_float(&text) {
                Some(value) => Ok(vm.heap.alloc(Value::Float(value))),
                None => Err(PyException::new(
                    "ValueError",
                    format!(
                        "could not convert string to float: {}",
                        super::heap::object::str_repr(&text)
                    ),
                )),
            }
        }
        (TypeKind::Float, [obj]) => match Number::of(vm.heap.value(*obj)) {
            Some(Number::Float(_)) if matches!(vm.heap.value(*obj), Value::Float(_)) => Ok(*obj),
            Some(Number::Float(f)) => Ok(vm.heap.alloc(Value::Float(f))),
            Some(Number::Int(v)) => Ok(vm.heap.alloc(Value::Float(v as f64))),
            Some(Number::Big(v)) => {
                match num_traits::ToPrimitive::to_f64(&v).filter(|f| f.is_finite()) {
                    Some(f) => Ok(vm.heap.alloc(Value::Float(f))),
                    None => Err(PyException::new(
                        "OverflowError",
                        "int too large to convert to float",
                    )),
                }
            }
            _ if vm.is_instance_obj(*obj) => match vm.instance_float(*obj)? {
                Some(f) => Ok(vm.heap.alloc(Value::Float(f))),
                None => Err(PyException::type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    vm.heap.value(*obj).type_name()
                ))),
            },
            // `float(b"1.5")`: the bytes' ASCII text, shown as bytes in the error.
            _ if matches!(vm.heap.value(*obj), Value::Bytes(_) | Value::ByteArray(_)) => {
                let data = vm.bytes_data(*obj).unwrap_or_default();
                let parsed = std::str::from_utf8(&data).ok().and_then(parse_float);
                match parsed {
                    Some(value) => Ok(vm.heap.alloc(Value::Float(value))),
                    None => Err(PyException::new(
                        "ValueError",
                        format!("could not convert string to float: {}", vm.heap.repr(*obj)),
                    )),
                }
            }
            _ => Err(PyException::type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                vm.heap.value(*obj).type_name()
            ))),
        },
        (TypeKind::Tuple, []) => Ok(vm.singletons.empty_tuple),
        (TypeKind::Tuple, [obj]) if matches!(vm.heap.value(*obj), Value::Tuple(_)) => Ok(*obj),
        (TypeKind::Range, args) if (1..=3).contains(&args.len()) => {
            let mut bounds = Vec::with_capacity(3);
            for &arg in args {
                let arg = vm.index_value(arg)?;
                match vm.heap.value(arg) {
                    Value::Int(v) => bounds.push(*v),
                    Value::Bool(b) => bounds.push(*b as i64),
                    Value::BigInt(_) => {
                        return Err(PyException::not_implemented(
                            "range() beyond 64-bit bounds",
                            None,
                        ));
                    }
                    other => {
                        return Err(PyException::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        )));
                    }
                }
            }
            let (start, stop, step) = match bounds[..] {
                [stop] => (0, stop, 1),
                [start, stop] => (start, stop, 1),
                [start, stop, step] => (start, stop, step),
                _ => (0, 0, 1),
            };
            if step == 0 {
                return Err(PyException::new(
                    "ValueError",
                    "range() arg 3 must not be zero",
                ));
            }
            Ok(vm.heap.alloc(Value::Range { start, stop, step }))
        }
        (TypeKind::List, []) => vm.list_from(None),
        (TypeKind::List, [iterable]) => vm.list_from(Some(*iterable)),
        (TypeKind::Dict, []) => Ok(vm
            .heap
            .alloc(Value::Dict(Box::new(super::types::dict::Dict::new())))),
        (TypeKind::Dict, [source]) => vm.dict_from(*source),
        (TypeKind::Dict, args) => Err(PyException::type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.len()
        ))),
        (TypeKind::Exc(kind), args) => Ok(vm.new_exception(kind, args.to_vec())),
        (TypeKind::Property, args) if args.len() <= 4 => Ok(vm.property_object(
            args.first().copied(),
            args.get(1).copied(),
            args.get(2).copied(),
            args.get(3).copied(),
        )),
        (TypeKind::Property, args) => Err(PyException::type_error(format!(
            "property() takes at most 4 arguments ({} given)",
            args.len()
        ))),
        (TypeKind::StaticMethod, [function]) => vm.wrap_function_called(*function, false),
        (TypeKind::ClassMethod, [function]) => vm.wrap_function_called(*function, true),
        (TypeKind::Set, []) => Ok(vm.set_object(false)),
        (TypeKind::Frozenset, []) => Ok(vm.set_object(true)),
        (TypeKind::Set, [iterable]) => vm.set_from(*iterable, false),
        (TypeKind::Frozenset, [iterable]) => match vm.heap.value(*iterable) {
            Value::Set(set) if set.frozen => Ok(*iterable),
            _ => vm.set_from(*iterable, true),
        },
        (TypeKind::Slice, [stop]) => {
            let none = vm.singletons.none;
            Ok(vm.slice_object(none, *stop, none))
        }
        (TypeKind::Slice, [start, stop]) => {
            let none = vm.singletons.none;
            Ok(vm.slice_object(*start, *stop, none))
        }
        (TypeKind::Slice, [start, stop, step]) => Ok(vm.slice_object(*start, *stop, *step)),
        // `PySequence_Tuple`: items from Python code are drained straight
        // into a tuple (no length hint is asked for).
        (TypeKind::Tuple, [obj]) if vm.runs_python(*obj) => {
            vm.drain(*obj, super::frame::Consumer::collect(true, 0))
        }
        (TypeKind::Tuple, [obj]) => {
            let (items, temp) = vm.items_of(*obj)?;
            let tuple = vm.tuple_object(items, false);
            if let Some(temp) = temp {
                vm.heap.discard(temp);
            }
            Ok(tuple)
        }
        (TypeKind::Object, []) => Ok(vm.heap.alloc(Value::Object)),
        (TypeKind::Object, _) => Err(PyException::type_error("object() takes no arguments")),
        (TypeKind::Range, []) => Err(PyException::type_error(
            "range expected at least 1 argument, got 0",
        )),
        (kind, _) => Err(PyException::not_implemented(
            &format!("calling {}() this way", kind.name()),
            None,
        )),
    }
}

impl Vm {
    /// `sys.setrecursionlimit(limit)` (`sys_setrecursionlimit_impl`): a C
    /// int of at least 1, above the depth of the frames running now. It
    /// bounds Python frames only; native recursion (repr, compare, hash of
    /// nested containers) keeps its own fixed bound, as CPython 3.14's stack
    /// check does.
    fn set_recursion_limit(&mut self, limit: ObjId) -> Call {
        let limit = self.index_value(limit)?;
        let limit = match self.heap.value(limit) {
            Value::Int(v) => i32::try_from(*v).ok(),
            Value::Bool(b) => Some(i32::from(*b)),
            Value::BigInt(_) => None,
            other => {
                return Err(PyException::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                )));
            }
        }
        .ok_or_else(|| {
            PyException::new("OverflowError", "Python int too large to convert to C int")
        })?;
        if limit < 1 {
            return Err(PyException::new(
                "ValueError",
                "recursion limit must be greater or equal than 1",
            ));
        }
        let depth = self.frames.len();
        if depth >= limit as usize {
            return Err(PyException::new(
                "RecursionError",
                format!(
                    "cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low"
                ),
            ));
        }
        self.recursion_limit = limit as usize;
        Ok(self.singletons.none)
    }
}
