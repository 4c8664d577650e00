//! `globals()`: the module's namespace as a real dict.
//!
//! A module keeps its names in a [`Namespace`] (two array reads a lookup)
//! until the program asks for its dict (`globals()`, or `locals()`/`vars()`
//! at module level). Then the names move into a dict object, in binding
//! order after `__name__` and `__builtins__` (as the oracle's `exec` makes
//! them), each reference moving with its name; from then on `LOAD_GLOBAL`,
//! `STORE_NAME`… read and write that dict, so `globals()['x'] = 1` binds
//! `x` and `del x` empties `globals()['x']`, as in CPython where the module
//! namespace is that dict.
//!
//! [`Namespace`]: super::heap::Namespace

use super::heap::{ObjId, Referrer, Symbol, Value};
use super::types::dict::{Dict, HashKey};
use super::{Flow, Vm};

impl Vm {
    /// The main module's dict, made on first use.
    pub(super) fn main_dict(&mut self) -> Flow<ObjId> {
        let module = self.main_module;
        if let Value::Module(m) = self.heap.value(module)
            && let Some(dict) = m.dict
        {
            return Ok(dict);
        }
        let dict = self.heap.alloc(Value::Dict(Box::new(Dict::new())));
        self.heap.module_dict = Some(self.heap.get(dict).address);
        let address = self.heap.get(module).address;
        self.heap.incref(
            dict,
            Referrer::Attribute {
                owner: address,
                name: "__dict__",
            },
        );
        let name_key = self.identifier("__name__");
        let main_name = self.singletons_main_name();
        self.dict_set(dict, name_key, main_name)?;
        let builtins_key = self.identifier("__builtins__");
        let builtins = self.builtins_module;
        self.dict_set(dict, builtins_key, builtins)?;
        let (namespace, entries) = match self.heap.value_mut(module) {
            Value::Module(m) => {
                m.dict = Some(dict);
                (m.name, m.namespace.take_all())
            }
            _ => (self.main_symbol(), Vec::new()),
        };
        for (name, value) in entries {
            let text = self.heap.symbols.text(name).to_owned();
            let key = self.identifier(&text);
            self.dict_set(dict, key, value)?;
            self.heap.decref(value, Referrer::Name { namespace, name });
        }
        Ok(dict)
    }

    /// The main module's dict if it has one.
    #[inline]
    pub(super) fn main_dict_if_any(&self) -> Option<ObjId> {
        match self.heap.value(self.main_module) {
            Value::Module(m) => m.dict,
            _ => None,
        }
    }

    /// `dict[name]` of a module dict.
    pub(super) fn module_dict_get(&self, dict: ObjId, name: Symbol) -> Option<ObjId> {
        match self.heap.value(dict) {
            Value::Dict(d) => d.get_str(self.heap.symbols.text(name)).map(|e| e.value),
            _ => None,
        }
    }

    /// `dict[name] = value` of a module dict (the dict takes a reference).
    pub(super) fn module_dict_set(&mut self, dict: ObjId, name: Symbol, value: ObjId) -> Flow {
        let text = self.heap.symbols.text(name).to_owned();
        let key = self.identifier(&text);
        self.dict_set(dict, key, value)
    }

    /// `del dict[name]` of a module dict: false when it was not there.
    pub(super) fn module_dict_delete(&mut self, dict: ObjId, name: Symbol) -> bool {
        let key = HashKey::Str(self.heap.symbols.text(name).into());
        let removed = match self.heap.value_mut(dict) {
            Value::Dict(d) => d.remove(&key),
            _ => None,
        };
        let Some(entry) = removed else {
            return false;
        };
        let address = self.heap.get(dict).address;
        self.heap.decref(
            entry.value,
            Referrer::DictValue {
                container: address,
                key: entry.key,
            },
        );
        self.heap
            .decref(entry.key, Referrer::DictKey { container: address });
        true
    }

    /// The str-keyed entries of a module dict, in order (for the panes).
    pub(super) fn module_dict_names(&self, dict: Option<ObjId>) -> Vec<(String, ObjId)> {
        let Some(Value::Dict(d)) = dict.map(|d| self.heap.value(d)) else {
            return Vec::new();
        };
        d.entries()
            .filter_map(|e| match self.heap.value(e.key) {
                Value::Str(name) => Some((name.to_string(), e.value)),
                _ => None,
            })
            .collect()
    }
}
