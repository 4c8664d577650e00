//! The interpreter: executes CPython 3.14 bytecode one instruction per [`Vm::step`].
//!
//! It knows nothing of any user interface. Each step returns a [`Step`]
//! report; the events in it are recorded only when [`Vm::set_recording`] is
//! on, so `bytestep run` pays nothing for them. The heap (objects, ids,
//! refcounts) lives in [`heap`]; each opcode's handler is in [`opcodes`].

mod attr_cache;
mod auto_gc;
pub mod builtins;
mod bytes;
mod call_sites;
mod classes;
pub mod code;
mod complex;
mod containers;
mod conversions;
mod custom_keys;
mod del;
mod descriptors;
mod drain;
mod dunders;
mod erf;
mod exc_classes;
pub mod exceptions;
mod exec;
mod format_spec;
pub mod frame;
mod future;
mod gc;
mod generators;
pub mod heap;
pub mod input;
mod int_parse;
mod intern;
mod introspect;
mod invariants;
mod iterators;
mod math;
mod metaclass;
mod module_dict;
mod number_bytes;
mod numeric;
mod opcodes;
pub mod output;
mod random_module;
pub mod report;
pub mod sets;
mod shutdown;
mod slices;
mod slots;
mod special;
pub mod streams;
mod string_module;
pub mod strings;
mod suggest;
mod sys_module;
mod timsort;
pub mod types;
mod unwind;
mod wrappers;

use std::collections::HashMap;
use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::compile::{self, CodeObject, Constant, SyntaxError};
use builtins::Builtin;
use code::{CodeInfo, Instr};
use exceptions::{PyException, TracebackEntry, format_traceback};
pub use frame::{Frame, Slot};
use heap::{Heap, MAIN_MODULE, Module, Namespace, ObjId, Referrer, Symbol, TypeKind, Value};
pub use report::{Event, Outcome, Step};

/// CPython's default recursion limit.
const RECURSION_LIMIT: usize = 1000;
/// What a Python frame past the default recursion limit counts toward the
/// memory limit (a frame, its locals and stack, about what 64-bit CPython's
/// data stack and bytestep's own `Frame` take).
const FRAME_BYTES: u64 = 512;
pub(crate) const SMALL_INT_MIN: i64 = -5;
pub(crate) const SMALL_INT_MAX: i64 = 256;

/// The objects every program shares, made at start-up.
#[derive(Debug, Clone)]
pub struct Singletons {
    pub none: ObjId,
    pub true_: ObjId,
    pub false_: ObjId,
    pub ellipsis: ObjId,
    pub not_implemented: ObjId,
    pub empty_str: ObjId,
    /// `()` is a static immortal singleton in 3.14.
    pub empty_tuple: ObjId,
    /// `'__main__'` (CPython's `_Py_ID(__main__)`).
    pub main_name: ObjId,
    pub(crate) small_ints: Vec<ObjId>,
    latin1: Vec<ObjId>,
    pub(crate) types: FastMap<TypeKind, ObjId>,
    /// `b''` and the one-byte bytes (index byte + 1), immortal, made on first use.
    pub(crate) bytes: Vec<Option<ObjId>>,
}

impl Singletons {
    /// The immortal string of a one-character latin-1 text (`'x'`), which
    /// is every such identifier.
    pub(crate) fn one_char_str(&self, text: &str) -> Option<ObjId> {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if (c as u32) < 256 => self.latin1.get(c as usize).copied(),
            _ => None,
        }
    }
}

/// The interpreter state.
#[derive(Debug, Clone)]
pub struct Vm {
    pub heap: Heap,
    frames: frame::FrameStack,
    pub singletons: Singletons,
    /// `__main__`: the program's globals.
    pub main_module: ObjId,
    pub builtins_module: ObjId,
    pub sys_module: ObjId,
    /// Built-in modules made by their first `import` (`math`, `gc`), held
    /// by `sys.modules`.
    pub imported: Vec<ObjId>,
    /// The `random` module's Mersenne Twister, once imported.
    random: Option<Box<random_module::MersenneTwister>>,
    /// What the program wrote to stderr besides an uncaught traceback
    /// (`Exception ignored while calling deallocator …`), not yet taken.
    pub stderr: String,
    /// Where each piece of `stderr` starts: (bytes of stdout written before
    /// it, its offset in `stderr`), so `run` keeps the program's order.
    pub stderr_marks: Vec<(u64, usize)>,
    /// Attribute and class-namespace keys: CPython's interned identifier
    /// strings, immortal, made once each.
    identifiers: FastMap<Symbol, ObjId>,
    /// Other interned strings, by text: identifier-like code constants (the
    /// compiler interns them) and what `sys.intern` was given.
    /// (With the object's serial: a freed and reused slot is not it.)
    interned: FastMap<Arc<str>, (ObjId, u64)>,
    /// What `input()` reads.
    pub input: input::Input,
    /// What the program printed (the newest part; see [`output`]).
    pub output: output::Output,
    source: Arc<str>,
    filename: Arc<str>,
    /// The module's code, as compiled.
    pub module_code: Arc<CodeObject>,
    /// The module's code prepared for execution (still shown once it has finished).
    module_info: Option<Arc<CodeInfo>>,
    steps: u64,
    /// Work beyond one unit per instruction: big values cost by their size,
    /// so the debugger can bound a command by work, not only by steps.
    extra_work: u64,
    outcome: Option<Outcome>,
    main_symbol: Symbol,
    /// Work out CPython's line events after each step (the debugger and
    /// `trace` need them; `run` does not).
    track_lines: bool,
    /// The exception being handled (CPython's `exc_info->exc_value`), held.
    exc_info: Option<ObjId>,
    /// Names the holder of `exc_info` and of exceptions in flight.
    exc_info_symbol: Symbol,
    /// `'__init__'`, interned once.
    init_symbol: Symbol,
    /// `'__next__'`, interned once.
    next_symbol: Symbol,
    /// Names what C code holds while a call it made runs (`C call in progress`).
    c_call_symbol: Symbol,
    /// The method descriptors (`list.append`…), made on first use, immortal.
    methods: FastMap<Builtin, ObjId>,
    /// `LOAD_ATTR` with the method bit on a builtin type: the descriptor
    /// found for (type, name) before (what finds it is fixed, and the
    /// descriptor, once made, is immortal).
    method_cache: FastMap<(types::TypeKind, Symbol), ObjId>,
    /// References a builtin gave up, dropped once its result is pushed
    /// (`list.pop()`: the list's reference to the item).
    deferred: Vec<(ObjId, Referrer)>,
    /// The result of the latest str concatenation and whether it is ASCII
    /// (see `concat_str`); holding it keeps its address from being reused.
    last_concat: Option<(Arc<str>, bool)>,
    /// A reused buffer for the slots a builtin call pops (empty between uses).
    popped_scratch: Vec<Popped>,
    /// The next instance attribute lookup skips the class's own
    /// `__getattribute__` (`object.__getattribute__(self, name)`).
    generic_getattr: bool,
    /// Each `CALL` site's specialization state (CPython's adaptive
    /// counter), by code object and instruction (see `call_sites.rs`).
    call_sites: FastMap<(usize, u32), call_sites::CallSite>,
    /// How often each class (by id) was modified: its type version.
    class_versions: FastMap<ObjId, u32>,
    /// Instance attribute lookup plans by (class, name) (see `attr_cache.rs`).
    class_attr_cache: attr_cache::ClassAttrCache,
    /// Set by `RERAISE` with a saved offset: the `lasti` the next handler pushes.
    reraise_lasti: Option<usize>,
    /// Exceptions unwound so far.
    unwinds: u64,
    /// The exception that ended the program (`sys.last_exc`), held.
    last_exc: Option<ObjId>,
    /// The uncaught exception while its report's `__str__` calls run.
    report: Option<Box<unwind::Report>>,
    /// The class of `sys.version_info`, once made (its instance's tag holds it).
    version_info_class: Option<ObjId>,
    /// Debug builds: steps whose stack depth change differed from CPython's
    /// declared stack effect (checked after every step; the tests want none).
    pub stack_effect_mismatches: Vec<String>,
    /// Python calls made from inside an instruction (see `special.rs`).
    calls: special::Calls,
    /// `sys.getrecursionlimit()`: how many Python frames may be on the stack.
    recursion_limit: usize,
    /// The interpreter's exit once the module has returned (`shutdown.rs`).
    shutdown: Option<Box<shutdown::Shutdown>>,
    /// An uncaught exception ended the program and the exit ran finalizers
    /// after it: its traceback (or `SystemExit`'s text) is already in
    /// `stderr`, where `python3` prints it, and `system_exit` is this.
    ended: Option<Box<shutdown::Ended>>,
}

/// A map for the interpreter's small hot lookups (a method's builtin object,
/// a type object, an identifier string): keys are a few words, so a simple
/// multiply-rotate hash (rustc's FxHash) beats SipHash several times over.
pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// FxHash: fast, not collision-resistant (keys here come from the program's
/// code, never from its data).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    #[inline]
    fn write_u32(&mut self, word: u32) {
        self.write_u64(u64::from(word));
    }

    #[inline]
    fn write_u8(&mut self, word: u8) {
        self.write_u64(u64::from(word));
    }

    #[inline]
    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// An error raised while executing one instruction.
type Flow<T = ()> = Result<T, Box<PyException>>;

impl Vm {
    /// Compile `source` and prepare its module frame; nothing runs yet.
    /// The `SyntaxWarning`s compiling it gave are on stderr first, as
    /// CPython prints them before the program runs.
    pub fn new(source: &str, filename: &str) -> Result<Vm, Box<SyntaxError>> {
        let (module_code, warnings) = compile::compile_with_warnings(source, filename)?;
        let mut vm = Vm::from_code(source, module_code);
        let text = crate::syntax_warnings::format_warnings(&warnings, source, filename);
        vm.write_stderr(&text);
        Ok(vm)
    }

    /// Prepare the module frame of an already compiled program.
    pub fn from_code(source: &str, module_code: Arc<CodeObject>) -> Vm {
        let mut heap = Heap::new();
        let singletons = make_singletons(&mut heap);
        heap.seal_statics();
        let main_symbol = heap.symbols.intern(MAIN_MODULE);
        let mut vm = Vm {
            heap,
            frames: frame::FrameStack::default(),
            singletons,
            main_module: ObjId::from_index(0),
            builtins_module: ObjId::from_index(0),
            sys_module: ObjId::from_index(0),
            imported: Vec::new(),
            random: None,
            stderr: String::new(),
            stderr_marks: Vec::new(),
            identifiers: FastMap::default(),
            interned: FastMap::default(),
            input: input::Input::empty(),
            output: output::Output::default(),
            source: source.into(),
            filename: module_code.filename.as_str().into(),
            module_code: Arc::clone(&module_code),
            module_info: None,
            steps: 0,
            extra_work: 0,
            outcome: None,
            main_symbol,
            track_lines: true,
            exc_info: None,
            exc_info_symbol: Symbol(0),
            init_symbol: Symbol(0),
            next_symbol: Symbol(0),
            c_call_symbol: Symbol(0),
            methods: FastMap::default(),
            method_cache: FastMap::default(),
            deferred: Vec::new(),
            popped_scratch: Vec::new(),
            last_concat: None,
            generic_getattr: false,
            call_sites: FastMap::default(),
            class_versions: FastMap::default(),
            class_attr_cache: Default::default(),
            reraise_lasti: None,
            unwinds: 0,
            last_exc: None,
            report: None,
            version_info_class: None,
            stack_effect_mismatches: Vec::new(),
            calls: special::Calls::default(),
            recursion_limit: RECURSION_LIMIT,
            shutdown: None,
            ended: None,
        };
        vm.exc_info_symbol = vm.heap.symbols.intern("sys");
        vm.init_symbol = vm.heap.symbols.intern("__init__");
        vm.next_symbol = vm.heap.symbols.intern("__next__");
        vm.c_call_symbol = vm.heap.symbols.intern("C");
        let mut members = builtins::BUILTINS.to_vec();
        members.extend(
            types::ExcKind::all().map(|kind| (kind.name(), Builtin::Type(TypeKind::Exc(kind)))),
        );
        vm.builtins_module = vm.make_module("builtins", &members);
        for (name, object) in [
            ("NotImplemented", vm.singletons.not_implemented),
            ("Ellipsis", vm.singletons.ellipsis),
        ] {
            let symbol = vm.heap.symbols.intern(name);
            let namespace = vm.heap.symbols.intern("builtins");
            vm.heap.incref(
                object,
                Referrer::Name {
                    namespace,
                    name: symbol,
                },
            );
            let module = vm.builtins_module;
            if let Value::Module(module) = vm.heap.value_mut(module) {
                module.namespace.set(symbol, object);
            }
        }
        vm.sys_module = vm.make_module("sys", builtins::SYS);
        // `sys.maxsize`: PY_SSIZE_T_MAX of 64-bit CPython.
        let maxsize = vm.int_object(i64::MAX);
        vm.set_module_member(vm.sys_module, "maxsize", maxsize);
        vm.main_module = vm.make_module(MAIN_MODULE, &[]);
        let mut constants = HashMap::new();
        let info = vm.load_code(&module_code, &mut constants);
        vm.module_info = Some(Arc::clone(&info));
        vm.frames.push(Frame::new(info, None));
        vm
    }

    fn make_module(&mut self, name: &str, members: &[(&str, Builtin)]) -> ObjId {
        let name_symbol = self.heap.symbols.intern(name);
        let module = self.heap.alloc(Value::Module(Box::new(Module {
            name: name_symbol,
            namespace: Namespace::default(),
            builtin: name != MAIN_MODULE,
            dict: None,
        })));
        // sys.modules holds every module for the whole run.
        let holder = self.heap.symbols.intern("sys.modules");
        self.heap.incref(
            module,
            Referrer::Field {
                owner: holder,
                field: "entry",
            },
        );
        for &(member, builtin) in members {
            let object = match builtin {
                Builtin::Type(kind) => self.type_object(kind),
                other => self.heap.alloc(Value::Builtin(other)),
            };
            self.set_module_member(module, member, object);
        }
        module
    }

    /// A built-in module (`math`, `gc`): made with its functions (and what
    /// `fill` adds) by the first `import`, then the same module each time.
    pub(super) fn builtin_module(
        &mut self,
        name: &str,
        members: &[(&str, Builtin)],
        fill: impl FnOnce(&mut Vm, ObjId),
    ) -> ObjId {
        if let Some(module) = self.imported_module(name) {
            return module;
        }
        let module = self.make_module(name, members);
        fill(self, module);
        self.imported.push(module);
        module
    }

    /// A built-in module already imported, by name.
    fn imported_module(&self, name: &str) -> Option<ObjId> {
        self.imported
            .iter()
            .copied()
            .find(|&module| match self.heap.value(module) {
                Value::Module(m) => self.heap.symbols.text(m.name) == name,
                _ => false,
            })
    }

    /// Bind `name` in a built-in module to `object` (the module takes a reference).
    pub(super) fn set_module_member(&mut self, module: ObjId, name: &str, object: ObjId) {
        let symbol = self.heap.symbols.intern(name);
        let Value::Module(m) = self.heap.value(module) else {
            return;
        };
        let namespace = m.name;
        self.heap.incref(
            object,
            Referrer::Name {
                namespace,
                name: symbol,
            },
        );
        if let Value::Module(m) = self.heap.value_mut(module) {
            m.namespace.set(symbol, object);
        }
    }

    /// Turn a code object and its nested ones into heap constants, merging equal
    /// constants across the whole file as CPython's compiler does.
    fn load_code(
        &mut self,
        code: &Arc<CodeObject>,
        constants: &mut HashMap<String, ObjId>,
    ) -> Arc<CodeInfo> {
        let qualname = self.heap.symbols.intern(&code.qualname);
        let consts: Vec<ObjId> = code
            .consts
            .iter()
            .map(|constant| {
                let id = self.constant_object(constant, constants);
                self.heap.add_const_holder(id, qualname);
                id
            })
            .collect();
        let names = code
            .names
            .iter()
            .map(|n| self.heap.symbols.intern(n))
            .collect();
        let localsplus = code
            .localsplus()
            .map(|n| self.heap.symbols.intern(n))
            .collect();
        Arc::new(CodeInfo::new(
            Arc::clone(code),
            consts,
            names,
            localsplus,
            qualname,
        ))
    }

    fn constant_object(
        &mut self,
        constant: &Constant,
        constants: &mut HashMap<String, ObjId>,
    ) -> ObjId {
        // Equal constants are one object; the key tells kinds apart (1 vs 1.0 vs True).
        let key = match constant {
            Constant::Code(_) => None,
            other => Some(format!("{other:?}")),
        };
        if let Some(key) = &key
            && let Some(&id) = constants.get(key)
        {
            return id;
        }
        let id = match constant {
            Constant::None => self.singletons.none,
            Constant::Ellipsis => self.singletons.ellipsis,
            Constant::Bool(b) => self.bool_object(*b),
            Constant::Int(value) => self.int_from_bigint(value.clone()),
            Constant::Float(value) => self.heap.alloc(Value::Float(*value)),
            Constant::Str(text) => {
                let id = self.str_object(text);
                self.note_interned_constant(id, text);
                id
            }
            Constant::Tuple(items) => {
                let items: Vec<ObjId> = items
                    .iter()
                    .map(|item| self.constant_object(item, constants))
                    .collect();
                self.tuple_object(items, false)
            }
            Constant::Code(inner) => {
                let info = self.load_code(inner, constants);
                self.heap.alloc(Value::Code(info))
            }
            // Kinds bytestep cannot compute with yet load as `NotImplemented`
            // (never a real constant); LOAD_CONST of one raises NotImplementedError.
            Constant::Slice(parts) => {
                let parts: Vec<ObjId> = parts
                    .iter()
                    .map(|part| self.constant_object(part, constants))
                    .collect();
                match parts[..] {
                    [start, stop, step] => self.slice_object(start, stop, step),
                    _ => self.singletons.not_implemented,
                }
            }
            Constant::Frozenset(items) => {
                let items: Vec<ObjId> = items
                    .iter()
                    .map(|item| self.constant_object(item, constants))
                    .collect();
                let set = self.set_object(true);
                for item in items {
                    if self.set_add(set, item).is_err() {
                        return self.singletons.not_implemented;
                    }
                }
                // An item equal to an earlier one (`{1, 1.0}`) is not kept.
                if let Constant::Frozenset(constants_in) = constant {
                    for item_constant in constants_in {
                        let key = format!("{item_constant:?}");
                        if let Some(&item) = constants.get(&key)
                            && self.heap.get(item).refs == 0
                            && !self.heap.get(item).immortal
                        {
                            constants.remove(&key);
                            self.heap.discard(item);
                        }
                    }
                }
                set
            }
            Constant::Complex { real, imag } => self.heap.alloc(Value::Complex(*real, *imag)),
            Constant::Bytes(data) => self.bytes_object(data),
        };
        if let Some(key) = key {
            constants.insert(key, id);
        }
        id
    }

    // ---- object constructors -------------------------------------------------

    pub fn bool_object(&self, value: bool) -> ObjId {
        if value {
            self.singletons.true_
        } else {
            self.singletons.false_
        }
    }

    /// An int: the cached small int, or a new object.
    pub fn int_object(&mut self, value: i64) -> ObjId {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&value) {
            self.singletons.small_ints[(value - SMALL_INT_MIN) as usize]
        } else {
            self.heap.alloc_int(value)
        }
    }

    pub fn int_from_bigint(&mut self, value: BigInt) -> ObjId {
        match value.to_i64() {
            Some(small) => self.int_object(small),
            None => self.heap.alloc(Value::BigInt(Arc::new(value))),
        }
    }

    /// A str: the immortal empty or one-character latin-1 string, or a new object.
    pub fn str_object(&mut self, text: &str) -> ObjId {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (None, _) => self.singletons.empty_str,
            (Some(c), None) if (c as u32) < 256 => self.singletons.latin1[c as usize],
            _ => self.heap.alloc(Value::Str(text.into())),
        }
    }

    /// The interned str of an identifier (an attribute or namespace key):
    /// immortal, the same object every time, as CPython's are.
    pub fn identifier(&mut self, name: &str) -> ObjId {
        if let Some(one) = self.singletons.one_char_str(name) {
            return one;
        }
        let symbol = self.heap.symbols.intern(name);
        if let Some(&id) = self.identifiers.get(&symbol) {
            return id;
        }
        // The symbol's own text: dict lookups by name then compare pointers.
        let text = self.heap.symbols.shared_text(symbol);
        let id = self.heap.alloc_static(Value::Str(text));
        self.identifiers.insert(symbol, id);
        id
    }

    /// [`Vm::identifier`] of an interned name.
    pub(crate) fn identifier_symbol(&mut self, name: Symbol) -> ObjId {
        if let Some(&id) = self.identifiers.get(&name) {
            return id;
        }
        let text = self.heap.symbols.shared_text(name);
        self.identifier(&text)
    }

    /// `'__main__'`: a statically allocated identifier string, immortal.
    pub fn singletons_main_name(&self) -> ObjId {
        self.singletons.main_name
    }

    /// The immortal one-character string of a latin-1 code point.
    pub fn singletons_latin1(&self, code_point: u8) -> ObjId {
        self.singletons.latin1[code_point as usize]
    }

    /// A new tuple owning references to `items` (`steal`: the caller's references move in).
    pub fn tuple_object(&mut self, items: Vec<ObjId>, steal: bool) -> ObjId {
        if items.is_empty() {
            return self.empty_tuple();
        }
        self.new_tuple_object(items, steal)
    }

    /// [`Vm::tuple_object`] that always makes a new object, even of no
    /// items (an instance of a subclass of tuple is never the empty tuple).
    pub fn new_tuple_object(&mut self, items: Vec<ObjId>, steal: bool) -> ObjId {
        let tuple = self.heap.alloc(Value::Tuple(items.clone().into()));
        if !steal {
            let address = self.heap.get(tuple).address;
            for (index, item) in items.into_iter().enumerate() {
                self.heap.incref(
                    item,
                    Referrer::Item {
                        container: address,
                        type_name: "tuple",
                        index: index as u32,
                    },
                );
            }
        }
        tuple
    }

    fn empty_tuple(&self) -> ObjId {
        self.singletons.empty_tuple
    }

    /// The (immortal, static) type object of a kind.
    pub fn type_object(&mut self, kind: TypeKind) -> ObjId {
        self.singletons.types[&kind]
    }

    // ---- state for front ends ------------------------------------------------

    /// The program ended with an uncaught `SystemExit` (`sys.exit()`): the
    /// exit status `python3` gives and the text it prints on stderr instead
    /// of a traceback (empty unless the code is neither None nor an int).
    pub fn system_exit(&self) -> Option<(i32, String)> {
        if let Some(ended) = self.ended.as_deref() {
            return ended.system_exit.clone();
        }
        let exc = self.last_exc?;
        (matches!(self.outcome, Some(Outcome::Raised(_)))
            && self.is_exception_kind(exc, "SystemExit"))
        .then(|| self.exit_of(exc))
    }

    /// The module's prepared code (its frame is gone once the program ends).
    pub fn module_info(&self) -> Option<&Arc<CodeInfo>> {
        self.module_info.as_ref()
    }

    pub fn frames(&self) -> &[Box<Frame>] {
        &self.frames
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn filename(&self) -> &str {
        &self.filename
    }

    /// About how many bytes a copy of this interpreter holds (its objects,
    /// their arena and the kept output), counting shared data in full.
    pub fn approx_bytes(&self) -> u64 {
        let frames: usize = self
            .frames
            .iter()
            .map(|f| (f.locals.len() + f.stack.len()) * std::mem::size_of::<Slot>() + 256)
            .sum();
        self.heap.approx_bytes() + frames as u64 + self.output.kept()
    }

    /// Work done so far: one unit per instruction, plus one per 64 bytes
    /// of big values made or converted (deterministic, unlike a clock).
    pub fn work(&self) -> u64 {
        self.steps + self.extra_work
    }

    /// Count the work of making or converting `bytes` of a value.
    #[inline]
    pub(crate) fn charge(&mut self, bytes: u64) {
        self.extra_work = self.extra_work.saturating_add(bytes / 64);
    }

    /// Executed instructions so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// How the program ended, once it has.
    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    pub fn is_finished(&self) -> bool {
        self.outcome.is_some()
    }

    /// Record events from now on (the debugger), or not (`run`).
    pub fn set_recording(&mut self, on: bool) {
        self.heap.recorder.enabled = on;
    }

    /// The module namespace entries (`global` names), in binding order.
    pub fn globals(&self) -> Vec<(String, ObjId)> {
        match self.heap.value(self.main_module) {
            Value::Module(module) if module.dict.is_some() => self.module_dict_names(module.dict),
            Value::Module(module) => module
                .namespace
                .entries()
                .map(|(name, id)| (self.heap.symbols.text(name).to_owned(), id))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The names of a frame's local slots.
    pub fn local_names(&self, frame: &Frame) -> Vec<String> {
        frame
            .code
            .localsplus
            .iter()
            .map(|&s| self.heap.symbols.text(s).to_owned())
            .collect()
    }

    /// The next instruction of the innermost frame.
    pub fn next_instruction(&self) -> Option<(&Frame, &code::Instr)> {
        let frame = self.frames.last()?;
        frame.code.instrs.get(frame.pc).map(|i| (&**frame, i))
    }

    /// The argument as `dis` would show it in parentheses (`'hello'`, `a`, `to 12`, `+`).
    pub fn argrepr(&self, code: &CodeInfo, instr: &code::Instr) -> String {
        use crate::bytecode::opcodes::*;
        let name = |i: u32| {
            code.names
                .get(i as usize)
                .map_or_else(String::new, |&s| self.heap.symbols.text(s).to_owned())
        };
        let local = |i: u32| {
            code.localsplus
                .get(i as usize)
                .map_or_else(String::new, |&s| self.heap.symbols.text(s).to_owned())
        };
        let arg = instr.arg;
        match instr.opcode {
            LOAD_CONST => code
                .consts
                .get(arg as usize)
                .map(|&c| self.heap.short_repr(c))
                .unwrap_or_default(),
            LOAD_SMALL_INT => arg.to_string(),
            LOAD_NAME | STORE_NAME | DELETE_NAME | STORE_GLOBAL | DELETE_GLOBAL | IMPORT_NAME
            | IMPORT_FROM => name(arg),
            LOAD_GLOBAL if arg & 1 == 1 => format!("{} + NULL", name(arg >> 1)),
            LOAD_GLOBAL => name(arg >> 1),
            LOAD_ATTR if arg & 1 == 1 => format!("{} + NULL|self", name(arg >> 1)),
            LOAD_ATTR => name(arg >> 1),
            LOAD_FAST | LOAD_FAST_BORROW | LOAD_FAST_CHECK | LOAD_FAST_AND_CLEAR | STORE_FAST
            | DELETE_FAST => local(arg),
            LOAD_FAST_LOAD_FAST
            | LOAD_FAST_BORROW_LOAD_FAST_BORROW
            | STORE_FAST_LOAD_FAST
            | STORE_FAST_STORE_FAST => format!("{}, {}", local(arg >> 4), local(arg & 15)),
            BINARY_OP => crate::bytecode::BinaryOp::from_arg(arg)
                .map_or("?", |op| op.symbol())
                .to_owned(),
            COMPARE_OP => {
                let op = crate::bytecode::CompareOp::from_arg(arg).map_or("?", |op| op.symbol());
                if arg & 16 != 0 {
                    format!("bool({op})")
                } else {
                    op.to_owned()
                }
            }
            IS_OP => if arg == 1 { "is not" } else { "is" }.to_owned(),
            CONTAINS_OP => if arg == 1 { "not in" } else { "in" }.to_owned(),
            // CPython 3.14's dis writes jumps to labels: `to L2`.
            _ if instr.target != code::NO_TARGET => code
                .instrs
                .get(instr.target as usize)
                .map(|t| match code.label_at(t.offset) {
                    Some(label) => format!("to {label}"),
                    None => format!("to {}", t.offset),
                })
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// Every referrer of `target`, found by a scan (kept nowhere, costs nothing while running).
    pub fn referrers(&self, target: ObjId) -> Vec<(String, bool)> {
        // A recursive function has several frames of one name: say which call.
        let calls_of = |qualname| {
            self.frames
                .iter()
                .filter(|f| f.qualname == qualname)
                .count()
        };
        let mut found = Vec::new();
        let names = self.names_by_address();
        self.each_reference_at(|object, referrer, counted, depth| {
            if object != target {
                return;
            }
            let mut text = self.describe_named(referrer, &names);
            if let Some(frame) = depth.and_then(|d| self.frames.get(d))
                && calls_of(frame.qualname) > 1
            {
                let line = frame
                    .current_line()
                    .map(|l| format!(", line {l}"))
                    .unwrap_or_default();
                let depth = depth.unwrap_or(0);
                text.push_str(&format!(" (call at depth {depth}{line})"));
            }
            found.push((text, counted));
        });
        found
    }

    /// Which variable names each object (by address): globals, then the
    /// locals of each frame; a cell is named by the variable it holds.
    fn names_by_address(&self) -> HashMap<u64, String> {
        let mut names = HashMap::new();
        for (name, id) in self.globals() {
            names.entry(self.heap.get(id).address).or_insert(name);
        }
        // Suspended generators' frames name what they hold too.
        let suspended = self
            .heap
            .live_objects()
            .filter_map(|(_, object)| match &object.value {
                Value::Generator(generator) => generator.frame.as_ref(),
                _ => None,
            });
        for frame in self.frames.iter().rev().chain(suspended) {
            for (slot, local) in frame.locals.iter().enumerate() {
                if let (Some(object), Some(&name)) = (local.obj, frame.code.localsplus.get(slot)) {
                    let text = self.heap.symbols.text(name).to_owned();
                    let address = self.heap.get(object).address;
                    if matches!(self.heap.value(object), Value::Cell(_)) {
                        names.entry(address).or_insert(format!("cell of {text}"));
                    } else {
                        names.entry(address).or_insert(text);
                    }
                }
            }
        }
        // An instance's __dict__ is named after the instance.
        let mut dicts = Vec::new();
        for (_, object) in self.heap.live_objects() {
            if let Value::Instance {
                dict: Some(dict), ..
            } = object.value
                && let Some(name) = names.get(&object.address)
            {
                dicts.push((self.heap.get(dict).address, format!("{name}.__dict__")));
            }
        }
        for (address, name) in dicts {
            names.entry(address).or_insert(name);
        }
        names
    }

    /// A referrer named the way the program names it when it can be:
    /// `a[0]`, `d['k']`, `obj.x`, `cell of counter`.
    fn describe_named(&self, referrer: Referrer, names: &HashMap<u64, String>) -> String {
        match referrer {
            Referrer::Item {
                container, index, ..
            } if names.contains_key(&container) => format!("{}[{index}]", names[&container]),
            Referrer::DictValue { container, key } if names.contains_key(&container) => {
                let owner = &names[&container];
                match (owner.strip_suffix(".__dict__"), self.heap.value(key)) {
                    (Some(instance), Value::Str(attribute)) => format!("{instance}.{attribute}"),
                    _ => format!("{owner}[{}]", self.heap.short_repr(key)),
                }
            }
            Referrer::Attribute { owner, name } if names.contains_key(&owner) => {
                let owner = &names[&owner];
                match owner.strip_prefix("cell of ") {
                    Some(_) if name == "cell_contents" => owner.clone(),
                    _ => format!("{owner}.{name}"),
                }
            }
            other => self.heap.describe(other),
        }
    }

    /// Visit every reference the program holds: `(object, who refers, counted)`.
    /// Borrowed stack slots and locals refer without counting.
    pub fn each_reference(&self, mut visit: impl FnMut(ObjId, Referrer, bool)) {
        self.each_reference_at(|object, referrer, counted, _| visit(object, referrer, counted));
    }

    /// [`Vm::each_reference`], with the index of the frame that holds a
    /// frame's reference (`None` for references held by objects).
    fn each_reference_at(&self, mut visit: impl FnMut(ObjId, Referrer, bool, Option<usize>)) {
        for (depth, frame) in self.frames.iter().enumerate() {
            for (slot, local) in frame.locals.iter().enumerate() {
                if let Some(object) = local.obj
                    && let Some(&name) = frame.code.localsplus.get(slot)
                {
                    let referrer = Referrer::Local {
                        frame: frame.qualname,
                        name,
                    };
                    visit(object, referrer, !local.borrowed, Some(depth));
                }
            }
            for (slot, entry) in frame.stack.iter().enumerate() {
                if let Some(object) = entry.obj {
                    let referrer = Referrer::Stack {
                        frame: frame.qualname,
                        slot: slot as u32,
                    };
                    visit(object, referrer, !entry.borrowed, Some(depth));
                }
            }
            if let Some(function) = frame.function {
                let referrer = Referrer::Frame {
                    frame: frame.qualname,
                };
                visit(function, referrer, true, Some(depth));
            }
            if let Some(namespace) = frame.locals_dict {
                let referrer = Referrer::Frame {
                    frame: frame.qualname,
                };
                visit(namespace, referrer, true, Some(depth));
            }
            let pending = self.continuation_referrer();
            match frame.on_return {
                Some(frame::Continuation::BuildClass {
                    name,
                    bases,
                    keywords,
                }) => {
                    visit(name, pending, true, Some(depth));
                    visit(bases, pending, true, Some(depth));
                    if let Some(keywords) = keywords {
                        visit(keywords, pending, true, Some(depth));
                    }
                }
                Some(frame::Continuation::ClassHook {
                    class, keywords, ..
                }) => {
                    visit(class, pending, true, Some(depth));
                    if let Some(keywords) = keywords {
                        visit(keywords, pending, true, Some(depth));
                    }
                }
                Some(frame::Continuation::Init { instance, .. }) => {
                    visit(instance, pending, true, Some(depth))
                }
                Some(frame::Continuation::Finalizer { object, .. }) => {
                    visit(object, pending, true, Some(depth))
                }
                Some(frame::Continuation::Replay) | None => {}
            }
            for object in frame.replay().iter().filter_map(|r| r.object()) {
                visit(object, pending, true, Some(depth));
            }
            for &pinned in frame.pins() {
                visit(pinned, pending, true, Some(depth));
            }
            if let Some(resume) = frame.resumed.as_deref() {
                for held in resume.held() {
                    visit(held, pending, true, Some(depth));
                }
                if let Some(exc) = resume.saved_exc {
                    visit(exc, unwind::exc_info_referrer(self), true, Some(depth));
                }
            }
        }
        for &generator in self.heap.finalizing() {
            visit(generator, heap::finalizer_referrer(), true, None);
        }
        if let Some(exc) = self.exc_info {
            visit(exc, unwind::exc_info_referrer(self), true, None);
        }
        if let Some(exc) = self.last_exc {
            visit(exc, unwind::last_exc_referrer(self), true, None);
        }
        if let Some(report) = self.report.as_deref() {
            visit(report.exc, self.raised_referrer(), true, None);
        }
        // Every object holding others: modules' names (globals too), tuples, iterators, functions.
        for (id, _) in self.heap.live_objects() {
            for (child, referrer) in self.heap.children(id) {
                visit(child, referrer, true, None);
            }
        }
    }

    // ---- execution -------------------------------------------------------------

    /// Below this depth a call needs no look at the limits (the fast paths).
    #[inline]
    pub(super) fn quick_depth_limit(&self) -> usize {
        self.recursion_limit.min(RECURSION_LIMIT)
    }

    /// Why `more` Python frames cannot be pushed: CPython's recursion limit,
    /// or, past the default limit (`sys.setrecursionlimit` raised it), the
    /// memory limit, which the frames then count toward (about
    /// [`FRAME_BYTES`] each) so no recursion can exhaust the machine.
    #[inline]
    pub(super) fn frame_limit_error(&self, more: usize) -> Option<Box<PyException>> {
        let depth = self.frames.len() + more;
        if depth <= self.quick_depth_limit() {
            return None;
        }
        self.deep_frame_error(depth)
    }

    #[cold]
    #[inline(never)]
    fn deep_frame_error(&self, depth: usize) -> Option<Box<PyException>> {
        if depth > self.recursion_limit {
            return Some(PyException::new(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        let frames = (depth - RECURSION_LIMIT.min(depth)) as u64 * FRAME_BYTES;
        (frames > self.heap.room()).then(|| self.heap.memory_error())
    }

    /// Run to the end; the program's output is in [`Vm::output`].
    /// Line events are not worked out on the way (nobody watches).
    pub fn run(&mut self) -> &Outcome {
        self.run_quiet(u64::MAX);
        self.outcome.as_ref().unwrap_or(&Outcome::Finished)
    }

    /// The hot loop of [`Vm::run`] and [`Vm::run_for`]: until `stop` steps,
    /// the commonest instructions in the fast inner loop (`exec/fast.rs`),
    /// the others fetched and executed here; nothing else.
    fn run_quiet(&mut self, stop: u64) {
        self.track_lines = false;
        let fast = !self.heap.recorder.enabled;
        while self.steps < stop {
            let fetched = if fast && self.outcome.is_none() {
                match self.run_fast(stop) {
                    exec::fast::FastStop::Budget => break,
                    exec::fast::FastStop::Attention => {
                        self.attend(true);
                        continue;
                    }
                    exec::fast::FastStop::General(instr)
                    | exec::fast::FastStop::Quick(instr)
                    | exec::fast::FastStop::Return(instr) => Some(instr),
                    exec::fast::FastStop::Fetch => self.fetch(),
                    exec::fast::FastStop::Raised(error) => {
                        self.unwind(error);
                        if self.heap.needs_attention() {
                            self.attend(false);
                        }
                        continue;
                    }
                }
            } else {
                self.fetch()
            };
            let Some(instr) = fetched else {
                break;
            };
            if let Err(error) = self.execute(instr) {
                self.unwind(error);
                if self.heap.needs_attention() {
                    self.attend(false);
                }
            } else if self.heap.needs_attention() {
                self.attend(true);
            }
        }
        // (A step that left no frame: the exit goes on before the state is seen.)
        self.settle_shutdown_if_idle();
    }

    /// After an instruction: close the generators waiting for it, then
    /// (when it succeeded) raise `MemoryError` past the memory limit.
    #[cold]
    #[inline(never)]
    fn attend(&mut self, succeeded: bool) {
        self.run_scheduled_gc();
        if !self.heap.finalizing().is_empty() && self.outcome.is_none() {
            self.run_finalizers();
            self.settle_shutdown_if_idle();
        }
        if succeeded && self.heap.over_limit() {
            self.raise(self.heap.memory_error());
        }
    }

    /// Run as [`Vm::run`] does, but working out line events as
    /// [`Vm::step_quiet`] does, and telling `watcher` after every step
    /// until it says stop (then true) or the program ends (false): the
    /// debugger's quiet forward motion. A step ends exactly as in
    /// `execute_checked`.
    ///
    /// Steps the watcher need not look at one by one run in batches in the
    /// fast inner loop (`exec/fast.rs`), up to the step [`Watcher::batch`]
    /// gives: the loop notes their line events in [`Watcher::sink`] and
    /// stops early after a step whose next line event the sink asks for.
    /// The watcher is told [`Watcher::after_batch`] of a batch's steps (all
    /// in one frame, none raising), then [`Watcher::after`] of each step
    /// the general path runs and of the batch's last step when the batch
    /// stopped for the budget or a line.
    #[inline]
    pub fn run_watched<W: Watcher>(&mut self, watcher: &mut W) -> bool {
        self.track_lines = true;
        loop {
            let fetched = if self.outcome.is_none() && !self.heap.recorder.enabled {
                let stop = watcher.batch(self);
                if stop > self.steps {
                    match self.run_batch(watcher, stop) {
                        Batched::Looked(done) => {
                            if done {
                                return true;
                            }
                            continue;
                        }
                        Batched::General(instr) => Some(instr),
                        Batched::Fetch => self.fetch(),
                    }
                } else {
                    self.fetch()
                }
            } else {
                self.fetch()
            };
            let Some(instr) = fetched else {
                break;
            };
            let depth = self.frames.len();
            let moved = match self.execute(instr) {
                Err(error) => {
                    self.unwind(error);
                    if !self.heap.finalizing().is_empty() || self.heap.gc.scheduled {
                        self.attend(false);
                    }
                    self.settle_shutdown_if_idle();
                    Moved::Unwound
                }
                Ok(()) => self.settle_watched(depth),
            };
            if watcher.after(self, moved) {
                return true;
            }
        }
        false
    }

    /// One batch of [`Vm::run_watched`]: the fast loop up to `stop` steps,
    /// then what the watcher must be told.
    #[inline(always)]
    fn run_batch<W: Watcher>(&mut self, watcher: &mut W, stop: u64) -> Batched {
        let start = self.steps;
        let depth = self.frames.len();
        match self.run_fast_watched(stop, watcher.sink()) {
            exec::fast::FastStop::Budget => {
                watcher.after_batch(self, self.steps);
                Batched::Looked(watcher.after(self, Moved::Stayed))
            }
            exec::fast::FastStop::Attention => {
                // The last step is told on its own: attending may move frames.
                if self.steps - 1 > start {
                    watcher.after_batch(self, self.steps - 1);
                }
                let moved = self.settle_watched(depth);
                Batched::Looked(watcher.after(self, moved))
            }
            // (Calls, returns and builtin calls come as `General` when watched.)
            exec::fast::FastStop::General(instr)
            | exec::fast::FastStop::Quick(instr)
            | exec::fast::FastStop::Return(instr) => {
                // Fetched (counted) but not executed yet.
                if self.steps - 1 > start {
                    watcher.after_batch(self, self.steps - 1);
                }
                if instr.opcode == crate::bytecode::opcodes::RETURN_VALUE && self.return_quick() {
                    let moved = self.settle_watched(depth);
                    return Batched::Looked(watcher.after(self, moved));
                }
                Batched::General(instr)
            }
            exec::fast::FastStop::Fetch => {
                if self.steps > start {
                    watcher.after_batch(self, self.steps);
                }
                Batched::Fetch
            }
            // (Only a builtin run by the fast loop raises, never when watched.)
            exec::fast::FastStop::Raised(error) => {
                if self.steps - 1 > start {
                    watcher.after_batch(self, self.steps - 1);
                }
                self.unwind(error);
                if !self.heap.finalizing().is_empty() || self.heap.gc.scheduled {
                    self.attend(false);
                }
                Batched::Looked(watcher.after(self, Moved::Unwound))
            }
        }
    }

    /// After an instruction that succeeded, in [`Vm::run_watched`]: the
    /// memory limit, the end, generators to close and collections due,
    /// then the next line event; how the step moved between frames.
    #[inline(always)]
    fn settle_watched(&mut self, depth: usize) -> Moved {
        if self.heap.over_limit() {
            self.raise(self.heap.memory_error());
            return Moved::Unwound;
        }
        if self.outcome.is_some() {
            return Moved::Finished;
        }
        if !self.heap.finalizing().is_empty() || self.heap.gc.scheduled {
            self.attend(true);
        }
        self.settle_shutdown_if_idle();
        if self.outcome.is_some() {
            return Moved::Finished;
        }
        self.update_line_event();
        match self.frames.len().cmp(&depth) {
            std::cmp::Ordering::Greater => Moved::Called,
            std::cmp::Ordering::Less => Moved::Returned,
            std::cmp::Ordering::Equal => Moved::Stayed,
        }
    }

    /// Run at most `budget` more instructions, as [`Vm::run`] does; true once finished.
    pub fn run_for(&mut self, budget: u64) -> bool {
        let stop = self.steps.saturating_add(budget);
        self.run_quiet(stop);
        self.is_finished()
    }

    /// Execute one instruction without building a report (the `run` path).
    pub fn step_quiet(&mut self) {
        if self.outcome.is_some() {
            return;
        }
        let _ = self.execute_next();
    }

    /// [`Vm::step_quiet`], saying how the step ended (a call, a return…):
    /// the debugger's quiet forward motion counts calls and returns with it.
    pub fn step_outcome(&mut self) -> Outcome {
        match &self.outcome {
            Some(outcome) => outcome.clone(),
            None => self.execute_next(),
        }
    }

    /// Execute one instruction and report what it did; `None` once finished.
    pub fn step(&mut self) -> Option<Step> {
        if self.outcome.is_some() {
            return None;
        }
        if self.frames.is_empty() {
            self.settle_shutdown();
        }
        let frame = self.frames.last()?;
        let instr = *frame.code.instrs.get(frame.pc)?;
        let depth = self.frames.len() - 1;
        let qualname = frame.code.code.qualname.clone();
        let line_event = frame.line_event_next;
        self.heap.recorder.clear();
        let outcome = self.execute_next();
        Some(Step {
            number: self.steps,
            depth,
            qualname,
            offset: instr.offset,
            opname: crate::bytecode::opcodes::name(instr.opcode),
            arg: crate::bytecode::opcodes::has_arg(instr.opcode).then_some(instr.arg),
            line: instr.line,
            line_event,
            events: std::mem::take(&mut self.heap.recorder.events),
            events_dropped: self.heap.recorder.dropped,
            outcome,
        })
    }

    /// Take the innermost frame's next instruction and count the step; `None`
    /// (with the outcome set) once the program is over or has nothing to run.
    #[inline]
    fn fetch(&mut self) -> Option<Instr> {
        if self.outcome.is_some() {
            return None;
        }
        let Some(frame) = self.frames.last_mut() else {
            return self.fetch_in_shutdown();
        };
        let index = frame.pc;
        let Some(&instr) = frame.code.instrs.get(index) else {
            let error = PyException::new("SystemError", "ran off the end of the code");
            self.raise(error);
            return None;
        };
        frame.pc = index + 1;
        frame.last = Some(index);
        self.steps += 1;
        Some(instr)
    }

    fn execute_next(&mut self) -> Outcome {
        let Some(instr) = self.fetch() else {
            return self.outcome.clone().unwrap_or(Outcome::Finished);
        };
        #[cfg(debug_assertions)]
        let depth_before = self.frames.len();
        #[cfg(debug_assertions)]
        let before = (
            self.frames.last().map_or(0, |f| f.stack.len()),
            self.frames.last().map_or(0, |f| f.pc),
            self.unwinds + self.calls.replays(),
            // Another frame of the same depth on top (a generator returned
            // and the instruction it ran for called a function) is not this one.
            self.frames.last().map(|frame| frame_identity(frame)),
        );
        #[cfg(debug_assertions)]
        let outcome = self.execute_checked(instr);
        #[cfg(debug_assertions)]
        self.check_stack_effect(instr, depth_before, before);
        #[cfg(debug_assertions)]
        return outcome;
        #[cfg(not(debug_assertions))]
        self.execute_checked(instr)
    }

    /// The stack depth change of a step that stayed in its frame and raised
    /// nothing equals CPython's declared stack effect (`dis.stack_effect`).
    #[cfg(debug_assertions)]
    fn check_stack_effect(
        &mut self,
        instr: Instr,
        frames: usize,
        before: (usize, usize, u64, Option<(usize, Option<ObjId>)>),
    ) {
        let (stack, pc, unwinds, identity) = before;
        if self.outcome.is_some()
            || self.frames.len() != frames
            || self.unwinds + self.calls.replays() != unwinds
        {
            return;
        }
        if self.frames.last().map(|frame| frame_identity(frame)) != identity {
            return;
        }
        let Some(frame) = self.frames.last() else {
            return;
        };
        let jumped = frame.pc != pc;
        let Some(mut declared) = crate::bytecode::stack_effect(instr.opcode, instr.arg, jumped)
        else {
            return;
        };
        if instr.opcode == crate::bytecode::opcodes::FOR_ITER && jumped {
            // The compiler's model jumps to END_FOR with a value pushed; the
            // interpreter skips END_FOR (and its pop) when exhausted.
            declared -= 1;
        }
        let actual = frame.stack.len() as i64 - stack as i64;
        if actual != i64::from(declared) {
            let name = crate::bytecode::opcodes::name(instr.opcode);
            self.stack_effect_mismatches.push(format!(
                "{name} {} at offset {} in {}: stack changed by {actual}, CPython declares {declared}",
                instr.arg, instr.offset, frame.code.code.qualname
            ));
        }
    }

    /// Execute one fetched instruction and settle its outcome.
    fn execute_checked(&mut self, instr: Instr) -> Outcome {
        let depth_before = self.frames.len();
        let outcome = self.execute_settled(instr, depth_before);
        if self.heap.gc.scheduled {
            self.run_scheduled_gc();
        }
        if !self.heap.finalizing().is_empty() && self.outcome.is_none() {
            self.run_finalizers();
            if self.track_lines {
                self.update_line_event();
            }
            if self.frames.len() > depth_before {
                return Outcome::Called;
            }
        }
        if self.frames.is_empty() && self.outcome.is_none() {
            // The exit goes on in this step: its next finalizer, or the end.
            self.settle_shutdown();
            if let Some(outcome) = &self.outcome {
                return outcome.clone();
            }
            if self.track_lines {
                self.update_line_event();
            }
            return Outcome::Called;
        }
        outcome
    }

    fn execute_settled(&mut self, instr: Instr, depth_before: usize) -> Outcome {
        match self.execute(instr) {
            Ok(()) if self.heap.over_limit() => return self.raise(self.heap.memory_error()),
            Ok(()) => {}
            Err(error) => match self.unwind(error) {
                Outcome::Continued => return Outcome::Continued,
                other => return other,
            },
        }
        if let Some(outcome) = &self.outcome {
            // (The module returned, or a report's last call did.)
            return outcome.clone();
        }
        if self.track_lines {
            self.update_line_event();
        }
        match self.frames.len().cmp(&depth_before) {
            std::cmp::Ordering::Greater => Outcome::Called,
            std::cmp::Ordering::Less => Outcome::Returned,
            std::cmp::Ordering::Equal => Outcome::Continued,
        }
    }

    /// Decide whether `sys.settrace` reports a 'line' event before the next
    /// instruction of the innermost frame (CPython 3.14's rule, in `bytecode`).
    #[inline(always)]
    fn update_line_event(&mut self) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        frame.line_event_next = frame.code.fires_line_event(frame.last, frame.pc);
    }

    /// An uncatchable error (a missing feature, an internal error) ends the
    /// program: build the traceback from the frames and finish, keeping them.
    fn raise(&mut self, error: Box<PyException>) -> Outcome {
        let entries: Vec<TracebackEntry> = self
            .frames
            .iter()
            .map(|frame| TracebackEntry {
                filename: frame.code.code.filename.clone(),
                line: frame.current_line(),
                name: frame.code.code.name.clone(),
                position: frame.last.and_then(|i| frame.code.position(i)),
            })
            .collect();
        let text = format_traceback(&entries, &self.source, &error);
        self.heap.recorder.record(|| report::Event::Raise {
            exception: error.to_string(),
        });
        // The frames stay: CPython keeps them alive through the traceback
        // (`sys.last_exc`), and a debugger shows them post-mortem.
        let outcome = Outcome::Raised(text);
        self.outcome = Some(outcome.clone());
        outcome
    }

    /// Remove the innermost frame, releasing its stack (top first), locals
    /// and function. The frame itself is only read here, then moved whole to
    /// the spare frames ([`Frame::restart`] clears it for its next call).
    fn pop_frame(&mut self) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        let qualname = frame.qualname;
        for (index, slot) in frame.stack.iter().enumerate().rev() {
            if let Some(obj) = slot.obj
                && !slot.borrowed
            {
                let referrer = Referrer::Stack {
                    frame: qualname,
                    slot: index as u32,
                };
                self.heap.decref(obj, referrer);
            }
        }
        // `_PyFrame_ClearLocals`: from the stack pointer down, the last local first.
        for (slot, &name) in frame.locals.iter().zip(frame.code.localsplus.iter()).rev() {
            if let Some(obj) = slot.obj
                && !slot.borrowed
            {
                let referrer = Referrer::Local {
                    frame: qualname,
                    name,
                };
                self.heap.decref(obj, referrer);
            }
        }
        if let Some(function) = frame.function {
            self.heap
                .decref(function, Referrer::Frame { frame: qualname });
        }
        if let Some(namespace) = frame.locals_dict {
            self.heap
                .decref(namespace, Referrer::Frame { frame: qualname });
        }
        let continuation = frame.on_return;
        let calls = if frame.calls.is_some() {
            frame.calls.take()
        } else {
            None
        };
        self.frames.retire();
        // A frame unwound before it returned: what its continuation held goes.
        if let Some(continuation) = continuation {
            let holder = self.continuation_referrer();
            match continuation {
                frame::Continuation::BuildClass {
                    name,
                    bases,
                    keywords,
                } => {
                    self.heap.decref(name, holder);
                    self.heap.decref(bases, holder);
                    if let Some(keywords) = keywords {
                        self.heap.decref(keywords, holder);
                    }
                }
                frame::Continuation::ClassHook {
                    class, keywords, ..
                } => {
                    self.heap.decref(class, holder);
                    if let Some(keywords) = keywords {
                        self.heap.decref(keywords, holder);
                    }
                }
                frame::Continuation::Init { instance, .. } => self.heap.decref(instance, holder),
                frame::Continuation::Finalizer { object, .. } => self.heap.decref(object, holder),
                frame::Continuation::Replay => {}
            }
        }
        if let Some(calls) = calls {
            self.release_frame_calls(*calls);
        }
    }

    /// What a frame's pending calls held: their results and pinned objects.
    #[cold]
    #[inline(never)]
    fn release_frame_calls(&mut self, calls: frame::FrameCalls) {
        for object in calls
            .replay
            .into_iter()
            .filter_map(frame::CallResult::object)
        {
            self.heap.decref(object, self.continuation_referrer());
        }
        for pinned in calls.pins {
            self.heap.decref(pinned, self.continuation_referrer());
        }
    }

    /// A new frame to run `code`, a returned one reused when there is one.
    fn new_frame(&mut self, code: Arc<CodeInfo>, function: Option<ObjId>) -> Frame {
        match self.frames.take_spare() {
            Some(mut frame) => {
                frame.code = code;
                frame.restart(function);
                frame
            }
            None => Frame::new(code, function),
        }
    }

    // ---- the value stack: every push and pop goes through here ---------------

    #[inline]
    fn top_frame(&mut self) -> Flow<&mut Frame> {
        self.frames
            .last_mut()
            .map(|frame| &mut **frame)
            .ok_or_else(|| PyException::new("SystemError", "no frame"))
    }

    /// Push a new strong reference to `obj` (counted for its stack slot).
    #[inline]
    fn push(&mut self, obj: ObjId) -> Flow {
        let frame = self.top_frame()?;
        let slot = frame.stack.len();
        let qualname = frame.qualname;
        frame.stack.push(Slot::strong(obj));
        self.heap.incref(
            obj,
            Referrer::Stack {
                frame: qualname,
                slot: slot as u32,
            },
        );
        self.record_push(slot, Some(obj), false);
        Ok(())
    }

    /// Push a slot whose reference is already owned (moved in, or borrowed).
    #[inline]
    fn push_slot(&mut self, entry: Slot) -> Flow {
        let frame = self.top_frame()?;
        let slot = frame.stack.len();
        frame.stack.push(entry);
        self.record_push(slot, entry.obj, entry.borrowed);
        Ok(())
    }

    #[inline]
    fn record_push(&mut self, slot: usize, obj: Option<ObjId>, borrowed: bool) {
        if self.heap.recorder.enabled {
            self.record_push_event(slot, obj, borrowed);
        }
    }

    #[cold]
    #[inline(never)]
    fn record_push_event(&mut self, slot: usize, obj: Option<ObjId>, borrowed: bool) {
        let depth = self.frames.len() - 1;
        let address = obj.map(|o| self.heap.get(o).address);
        self.heap.recorder.push(Event::Push {
            depth,
            slot,
            obj,
            address,
            borrowed,
        });
    }

    /// Pop the top slot; its reference now belongs to the caller
    /// (to store, or to [`Vm::release`]).
    #[inline]
    fn pop(&mut self) -> Flow<Popped> {
        let frame = self.top_frame()?;
        let qualname = frame.qualname;
        let slot = frame
            .stack
            .pop()
            .ok_or_else(|| PyException::new("SystemError", "pop from an empty value stack"))?;
        let index = frame.stack.len();
        if self.heap.recorder.enabled {
            self.record_pop(index, slot.obj);
        }
        Ok(Popped {
            slot,
            frame: qualname,
            index: index as u32,
        })
    }

    #[cold]
    #[inline(never)]
    fn record_pop(&mut self, slot: usize, obj: Option<ObjId>) {
        let depth = self.frames.len() - 1;
        let address = obj.map(|o| self.heap.get(o).address);
        self.heap.recorder.push(Event::Pop {
            depth,
            slot,
            obj,
            address,
        });
    }

    /// Pop a slot that must hold an object (not NULL).
    #[inline]
    fn pop_object(&mut self) -> Flow<(ObjId, Popped)> {
        let popped = self.pop()?;
        let obj = popped
            .slot
            .obj
            .ok_or_else(|| PyException::new("SystemError", "NULL where an object was expected"))?;
        Ok((obj, popped))
    }

    /// Drop a popped slot's reference (nothing for NULL or borrowed slots).
    #[inline]
    fn release(&mut self, popped: Popped) {
        if let Some(obj) = popped.slot.obj
            && !popped.slot.borrowed
        {
            self.heap.decref(obj, popped.referrer());
        }
    }

    /// Move a popped reference into `referrer` (a name, a container): a borrowed
    /// slot becomes a strong reference there, as `PyStackRef_AsPyObjectSteal` does.
    #[inline]
    fn take_into(&mut self, popped: &Popped, referrer: Referrer) {
        if let Some(obj) = popped.slot.obj
            && popped.slot.borrowed
        {
            self.heap.incref(obj, referrer);
        }
    }

    #[inline]
    fn peek(&self, depth_from_top: usize) -> Flow<Slot> {
        let frame = self
            .frames
            .last()
            .ok_or_else(|| PyException::new("SystemError", "no frame"))?;
        frame
            .stack
            .len()
            .checked_sub(depth_from_top + 1)
            .and_then(|i| frame.stack.get(i).copied())
            .ok_or_else(|| PyException::new("SystemError", "peek past the value stack"))
    }

    pub(super) fn current_line(&self) -> Option<u32> {
        self.frames.last().and_then(|frame| frame.current_line())
    }

    /// No frame is left: the exit goes on (a finalizer of it could not run
    /// as a frame) or the program is over.
    #[cold]
    #[inline(never)]
    fn fetch_in_shutdown(&mut self) -> Option<Instr> {
        self.settle_shutdown();
        if self.frames.is_empty() {
            return None;
        }
        self.fetch()
    }

    /// A step of the exit left no frame (its finalizers ran without one, or
    /// a generator it closed finished): the exit goes on in this step.
    #[inline]
    fn settle_shutdown_if_idle(&mut self) {
        if self.frames.is_empty() && self.outcome.is_none() && self.shutdown.is_some() {
            self.settle_shutdown();
        }
    }

    /// No frame is left: run the exit's next finalizer or phase until a
    /// frame runs or the program is over (then the outcome is set).
    #[cold]
    #[inline(never)]
    fn settle_shutdown(&mut self) {
        // Each turn starts a frame, runs the queue down or moves the exit
        // to its next phase (there are few): it ends.
        while self.frames.is_empty() && self.outcome.is_none() {
            if self.shutdown.is_none() {
                self.outcome = Some(Outcome::Finished);
                return;
            }
            self.shutdown_continue();
            if !self.heap.finalizing().is_empty() {
                self.run_finalizers();
            }
        }
    }

    fn main_symbol(&self) -> Symbol {
        self.main_symbol
    }
}

/// What tells two frames of one depth apart for the stack effect check:
/// their code and, for a running generator's, the generator (a generator
/// that yields can hand over to another of the same code, as `zip` does).
#[cfg(debug_assertions)]
fn frame_identity(frame: &Frame) -> (usize, Option<ObjId>) {
    (
        Arc::as_ptr(&frame.code) as usize,
        frame.resumed.as_deref().map(|r| r.generator),
    )
}

/// How one step of [`Vm::run_watched`] moved between frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// It stayed in its frame.
    Stayed,
    /// It entered a new frame.
    Called,
    /// A frame returned to its caller.
    Returned,
    /// The program is over.
    Finished,
    /// An exception was raised (caught or not).
    Unwound,
}

/// What [`Vm::run_watched`] tells, and asks, as it runs.
pub trait Watcher {
    /// Before the fast loop runs: the step count it may run up to (none
    /// when not above [`Vm::steps`]). Every step below it must need
    /// nothing but its line event noted (the sink's), whatever its state.
    fn batch(&mut self, vm: &Vm) -> u64;
    /// Where the fast loop notes line events, and which it stops after.
    fn sink(&mut self) -> &mut LineSink;
    /// The fast loop ran steps in one frame up to step `last` (the state
    /// after it is not `vm`'s when the loop stopped before a step of the
    /// general path): each stayed in its frame and raised nothing; the
    /// sink holds their line events.
    fn after_batch(&mut self, vm: &Vm, last: u64);
    /// After a step the watcher looks at (each of the general path, the
    /// last of a batch that stopped for its budget or a line event); true
    /// stops the run.
    fn after(&mut self, vm: &Vm, moved: Moved) -> bool;
}

/// The line events of a batch of [`Vm::run_watched`]: which lines fired
/// one (noted by the fast loop), and after which to stop.
#[derive(Debug, Clone, Default)]
pub struct LineSink {
    /// The lines that fired a line event (a bit set: bit `l % 64` of word `l / 64`).
    pub fired: Vec<u64>,
    /// Whether any line event fired (one with no line too).
    pub any: bool,
    /// Stop after a step whose next instruction fires a line event on one of these lines (a bit set).
    pub stop_lines: Vec<u64>,
    /// Stop after any step whose next instruction fires a line event.
    pub stop_all: bool,
}

impl LineSink {
    /// A line event fires before the next instruction (on `line`): noted;
    /// true when the run must stop to look.
    #[inline(always)]
    pub(crate) fn fire(&mut self, line: Option<u32>) -> bool {
        self.any = true;
        let Some(line) = line else {
            return self.stop_all;
        };
        let (word, bit) = ((line / 64) as usize, 1u64 << (line % 64));
        match self.fired.get_mut(word) {
            Some(bits) => *bits |= bit,
            None => self.grow(word, bit),
        }
        self.stop_all
            || self
                .stop_lines
                .get(word)
                .is_some_and(|bits| bits & bit != 0)
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self, word: usize, bit: u64) {
        self.fired.resize(word + 1, 0);
        self.fired[word] |= bit;
    }
}

/// How a batch of [`Vm::run_watched`] ended.
enum Batched {
    /// The watcher was told of its last step and said whether to stop.
    Looked(bool),
    /// The next instruction, fetched, is for the general path.
    General(Instr),
    /// Nothing to fetch in the fast loop: `Vm::fetch` says what happens.
    Fetch,
}

/// A slot just popped, with the referrer it had on the stack.
#[derive(Debug, Clone, Copy)]
struct Popped {
    slot: Slot,
    /// The frame (qualname) and stack slot it was popped from.
    frame: Symbol,
    index: u32,
}

impl Popped {
    /// The stack slot that held the reference.
    fn referrer(&self) -> Referrer {
        Referrer::Stack {
            frame: self.frame,
            slot: self.index,
        }
    }
}

fn make_singletons(heap: &mut Heap) -> Singletons {
    let none = heap.alloc_static(Value::None);
    let true_ = heap.alloc_static(Value::Bool(true));
    let false_ = heap.alloc_static(Value::Bool(false));
    let ellipsis = heap.alloc_static(Value::Ellipsis);
    let not_implemented = heap.alloc_static(Value::NotImplemented);
    let small_ints = (SMALL_INT_MIN..=SMALL_INT_MAX)
        .map(|v| heap.alloc_static(Value::Int(v)))
        .collect();
    let empty_str = heap.alloc_static(Value::Str("".into()));
    let main_name = heap.alloc_static(Value::Str("__main__".into()));
    let empty_tuple = heap.alloc_static(Value::Tuple(Arc::new([])));
    let latin1 = (0u32..256)
        .map(|c| {
            let text: String = char::from_u32(c).into_iter().collect();
            heap.alloc_static(Value::Str(text.into()))
        })
        .collect();
    let types = TypeKind::all()
        .into_iter()
        .map(|kind| (kind, heap.alloc_static(Value::Type(kind))))
        .collect();
    Singletons {
        none,
        true_,
        false_,
        ellipsis,
        not_implemented,
        empty_str,
        empty_tuple,
        main_name,
        small_ints,
        latin1,
        types,
        bytes: Vec::new(),
    }
}
