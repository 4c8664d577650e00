//! The module `sys` beyond its functions (`builtins::SYS`): the standard
//! streams, a few constants of 64-bit CPython 3.14 on Linux, and a clear
//! refusal for every other attribute CPython's `sys` has.

use super::builtins::Builtin;
use super::exceptions::PyException;
use super::heap::Referrer;
use super::heap::{ObjId, Value};
use super::streams::Stream;
use super::types::TypeKind;
use super::types::dict::Dict;
use super::{Flow, Vm};

/// `dir(sys)` of CPython 3.14: what bytestep lacks of these is refused by
/// name (`NotImplementedError`), the rest is CPython's `AttributeError`.
const CPYTHON_SYS: &[&str] = &[
    "__breakpointhook__",
    "__displayhook__",
    "__doc__",
    "__excepthook__",
    "__interactivehook__",
    "__loader__",
    "__package__",
    "__spec__",
    "__stdin__",
    "__unraisablehook__",
    "_base_executable",
    "_baserepl",
    "_clear_internal_caches",
    "_clear_type_cache",
    "_clear_type_descriptors",
    "_current_exceptions",
    "_current_frames",
    "_debugmallocstats",
    "_dump_tracelets",
    "_framework",
    "_get_cpu_count_config",
    "_getframe",
    "_getframemodulename",
    "_git",
    "_home",
    "_is_gil_enabled",
    "_is_immortal",
    "_is_interned",
    "_jit",
    "_setprofileallthreads",
    "_settraceallthreads",
    "_stdlib_dir",
    "_xoptions",
    "abiflags",
    "activate_stack_trampoline",
    "addaudithook",
    "audit",
    "base_exec_prefix",
    "base_prefix",
    "breakpointhook",
    "builtin_module_names",
    "call_tracing",
    "copyright",
    "deactivate_stack_trampoline",
    "displayhook",
    "dont_write_bytecode",
    "excepthook",
    "exec_prefix",
    "executable",
    "flags",
    "float_info",
    "get_asyncgen_hooks",
    "get_coroutine_origin_tracking_depth",
    "get_int_max_str_digits",
    "getallocatedblocks",
    "getdefaultencoding",
    "getdlopenflags",
    "getfilesystemencodeerrors",
    "getfilesystemencoding",
    "getprofile",
    "getswitchinterval",
    "gettrace",
    "getunicodeinternedsize",
    "hash_info",
    "implementation",
    "int_info",
    "is_finalizing",
    "is_remote_debug_enabled",
    "is_stack_trampoline_active",
    "meta_path",
    "modules",
    "monitoring",
    "orig_argv",
    "path",
    "path_hooks",
    "path_importer_cache",
    "platlibdir",
    "prefix",
    "pycache_prefix",
    "remote_exec",
    "set_asyncgen_hooks",
    "set_coroutine_origin_tracking_depth",
    "set_int_max_str_digits",
    "setdlopenflags",
    "setprofile",
    "setswitchinterval",
    "settrace",
    "stdin",
    "stdlib_module_names",
    "thread_info",
    "unraisablehook",
    "warnoptions",
];

/// `sys.version` of bytestep's CPython 3.14.2 (a build of its own).
const VERSION: &str = "3.14.2 (main, bytestep) [Rust]";

/// The fields of `sys.version_info`, a struct sequence, and CPython 3.14.2's values.
const VERSION_FIELDS: [&str; 5] = ["major", "minor", "micro", "releaselevel", "serial"];

/// Whether CPython's `sys` has `name` (and bytestep does not).
pub(super) fn refused(name: &str) -> bool {
    CPYTHON_SYS.contains(&name)
}

impl Vm {
    /// A member of `sys` made the first time the program asks for it (so
    /// programs that never do keep CPython's heap layout): `stdout`,
    /// `stderr` and their `__stdout__`/`__stderr__` (the same objects),
    /// and the constants of 64-bit CPython 3.14.2 on Linux.
    pub(super) fn sys_lazy_member(&mut self, name: &str) -> Option<ObjId> {
        let sys = self.sys_module;
        let object = match name {
            "stdout" | "__stdout__" | "stderr" | "__stderr__" => {
                let (stream, original) = if name.ends_with("out") || name.ends_with("out__") {
                    (Stream::Stdout, "__stdout__")
                } else {
                    (Stream::Stderr, "__stderr__")
                };
                let symbol = self.heap.symbols.intern(original);
                let existing = match self.heap.value(sys) {
                    Value::Module(m) => m.namespace.get(symbol),
                    _ => None,
                };
                let object = match existing {
                    Some(object) => object,
                    None => {
                        let object = self.heap.alloc(Value::Builtin(Builtin::Stream(stream)));
                        self.set_module_member(sys, original, object);
                        object
                    }
                };
                if name != original {
                    self.set_module_member(sys, name, object);
                }
                return Some(object);
            }
            // The program's file as bytestep was given it (no arguments
            // follow it on bytestep's command line).
            "argv" => {
                let filename = std::sync::Arc::clone(&self.filename);
                let script = self.str_object(&filename);
                self.list_object(vec![script], false)
            }
            "byteorder" => self.str_object("little"),
            "platform" => self.str_object("linux"),
            "float_repr_style" => self.str_object("short"),
            "maxunicode" => self.int_object(0x10ffff),
            "hexversion" => self.int_object(0x030e_02f0),
            // (The build part differs from one CPython build to another.)
            "version" => self.str_object(VERSION),
            "version_info" => self.version_info().ok()?,
            "exc_info" => self.heap.alloc(Value::Builtin(Builtin::ExcInfo)),
            "exception" => self.heap.alloc(Value::Builtin(Builtin::SysException)),
            "api_version" => self.int_object(1013),
            _ => return None,
        };
        self.set_module_member(sys, name, object);
        Some(object)
    }

    /// `sys.version_info`: CPython's struct sequence, made as a tuple of
    /// a class `sys.version_info` (a subclass of `tuple`) whose fields are
    /// read-only member descriptors reading its items.
    fn version_info(&mut self) -> Flow<ObjId> {
        let values = vec![
            self.int_object(3),
            self.int_object(14),
            self.int_object(2),
            self.str_object("final"),
            self.int_object(0),
        ];
        let values = self.tuple_object(values, false);
        let name = self.str_object("version_info");
        let tuple_type = self.type_object(TypeKind::Tuple);
        let bases = self.tuple_object(vec![tuple_type], false);
        let namespace = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
        let sys = self.identifier("sys");
        let count = self.int_object(VERSION_FIELDS.len() as i64);
        let zero = self.int_object(0);
        for (key, value) in [
            ("__module__", sys),
            ("n_fields", count),
            ("n_sequence_fields", count),
            ("n_unnamed_fields", zero),
        ] {
            let key = self.identifier(key);
            self.dict_set(namespace, key, value)?;
        }
        let class = self.type_new_from(name, bases, namespace, None);
        for temporary in [name, bases, namespace] {
            self.heap.discard(temporary);
        }
        let class = class?;
        let dict = match self.heap.value(class) {
            Value::Class(c) => c.dict,
            _ => return Err(PyException::new("SystemError", "not a class")),
        };
        for (index, &field) in VERSION_FIELDS.iter().enumerate() {
            self.add_member(class, dict, field, index)?;
        }
        let instance = self.immutable_instance_of(class, TypeKind::Tuple, &[values]);
        self.heap.discard(values);
        self.version_info_class = Some(class);
        instance
    }

    /// Whether `obj` is a struct sequence (`sys.version_info`).
    pub(super) fn is_struct_seq(&self, obj: ObjId) -> bool {
        self.version_info_class
            .is_some_and(|class| self.heap.subclass_of(obj).map(|tag| tag.class) == Some(class))
    }

    /// `repr()` of a struct sequence (`structseq_repr`):
    /// `sys.version_info(major=3, …)`; `None` for any other object.
    pub(super) fn struct_seq_repr(&mut self, obj: ObjId) -> Option<Flow<String>> {
        if !self.is_struct_seq(obj) {
            return None;
        }
        let Value::Tuple(items) = self.heap.value(obj) else {
            return None;
        };
        let items = items.to_vec();
        let mut parts = Vec::with_capacity(items.len());
        for (field, item) in VERSION_FIELDS.iter().zip(items) {
            match self.repr_of(item) {
                Ok(text) => parts.push(format!("{field}={text}")),
                Err(error) => return Some(Err(error)),
            }
        }
        Some(Ok(format!("sys.version_info({})", parts.join(", "))))
    }

    /// `sys.exc_info()`: the type, the value and the traceback of the
    /// exception being handled, or three Nones.
    pub(super) fn sys_exc_info(&mut self) -> ObjId {
        let none = self.singletons.none;
        let items = match self.topmost_exception() {
            Some(exc) => {
                let kind = self.type_of_object(exc);
                let traceback = self.heap.alloc(Value::Traceback);
                vec![kind, exc, traceback]
            }
            None => vec![none, none, none],
        };
        self.tuple_object(items, false)
    }

    /// `module.name = value` (`value` None: `del module.name`) of a module
    /// whose names are not in a dict yet (`sys.stdout = capture`).
    pub(super) fn module_set_attribute(
        &mut self,
        module: ObjId,
        name: &str,
        value: Option<ObjId>,
    ) -> Flow {
        let symbol = self.heap.symbols.intern(name);
        let Value::Module(m) = self.heap.value_mut(module) else {
            return Ok(());
        };
        let namespace = m.name;
        let old = match value {
            Some(value) => m.namespace.set(symbol, value),
            None => m.namespace.remove(symbol),
        };
        let referrer = Referrer::Name {
            namespace,
            name: symbol,
        };
        if let Some(value) = value {
            self.heap.incref(value, referrer);
        }
        match old {
            Some(old) => {
                self.heap.decref(old, referrer);
                Ok(())
            }
            None if value.is_none() => Err(PyException::new(
                "AttributeError",
                format!(
                    "module '{}' has no attribute '{name}'",
                    self.heap.symbols.text(namespace)
                ),
            )),
            None => Ok(()),
        }
    }
}
