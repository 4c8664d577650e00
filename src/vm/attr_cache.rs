//! What a class's attribute lookup found, remembered per (class, name):
//! CPython's type attribute cache and the inline caches of its specialized
//! `LOAD_ATTR_INSTANCE_VALUE`, `LOAD_ATTR_METHOD_WITH_VALUES`,
//! `LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES` and `STORE_ATTR_WITH_HINT`.
//!
//! `self.x` on an instance walks the class's MRO twice (for a
//! `__getattribute__` of the class's own, then for a descriptor named `x`)
//! before it reaches the instance's dict; the plan worked out by that walk
//! only changes when a class dict changes. Every class dict is watched
//! (`Dict::watch`), and each plan carries the count of class-dict edits it
//! was made at: any edit of any class makes every plan stale, as CPython's
//! `PyType_Modified` invalidates version tags. The class's allocation
//! serial guards against a freed class's id being reused.
//!
//! A plan only skips lookups: the instance's own dict is still consulted
//! each time, and what is pushed and released is what the general path
//! pushes and releases, so counts, ids and events are the same.

use super::Vm;
use super::heap::{Heap, ObjId, Symbol, Value};
use super::types::dict::class_dict_edits;

/// What an instance attribute lookup does once the instance's own dict has
/// been consulted (a value found there always wins in these plans).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fallback {
    /// The class has nothing by this name: the general path (object's own
    /// attributes, `__getattr__`, the `AttributeError`).
    General,
    /// A plain function of the class: a method.
    Method(ObjId),
    /// A class attribute that is not a descriptor (an int, a str…).
    ClassValue(ObjId),
}

/// The plan for one (class, name).
#[derive(Debug, Clone, Copy)]
pub(super) struct ClassAttr {
    class: ObjId,
    name: Symbol,
    serial: u64,
    edits: u64,
    /// The name's hash in a dict's index.
    pub(super) hash: u64,
    /// `None`: loads take the general path (a `__getattribute__`, a data
    /// descriptor, a special name).
    pub(super) load: Option<Fallback>,
    /// Stores go straight into the instance's dict: no `__setattr__`, no
    /// data descriptor by this name.
    pub(super) store_in_dict: bool,
}

/// How many plans are kept (a power of two), as CPython's method cache.
const CACHE_SIZE: usize = 1 << 12;

/// The remembered plans, direct-mapped by (class, name), in the
/// interpreter they were made for (a copy starts empty, so no plan ever
/// meets another heap).
#[derive(Debug, Default)]
pub(super) struct ClassAttrCache {
    plans: Vec<Option<ClassAttr>>,
}

/// A copy of the interpreter (a checkpoint) starts with no plans: they
/// only save lookups, and copying 4,096 of them into every checkpoint
/// would cost more than making the few it needs again.
impl Clone for ClassAttrCache {
    fn clone(&self) -> Self {
        ClassAttrCache::default()
    }
}

impl ClassAttrCache {
    #[inline(always)]
    fn slot(class: ObjId, name: Symbol) -> usize {
        let mixed = (class.index() as u64).wrapping_mul(0x9e37_79b9) ^ u64::from(name.0);
        (mixed as usize) & (CACHE_SIZE - 1)
    }

    #[inline(always)]
    fn get(&self, class: ObjId, name: Symbol) -> Option<&ClassAttr> {
        self.plans
            .get(Self::slot(class, name))?
            .as_ref()
            .filter(|plan| plan.class == class && plan.name == name)
    }

    fn insert(&mut self, plan: ClassAttr) {
        if self.plans.is_empty() {
            self.plans = vec![None; CACHE_SIZE];
        }
        self.plans[Self::slot(plan.class, plan.name)] = Some(plan);
    }
}

/// What the cache answers for `owner.name`, `owner` an instance of a
/// program's class with a dict: the attribute when the plan is current
/// (`Err(())`: take the general path).
pub(super) enum CachedAttr {
    /// Found in the instance's dict, or a class attribute that is no descriptor.
    Value(ObjId),
    /// A function of the class, to be called as a method.
    Method(ObjId),
}

/// The current plan for `class.name`, if one was made and is still true.
#[inline(always)]
pub(super) fn current_plan(
    heap: &Heap,
    cache: &ClassAttrCache,
    class: ObjId,
    name: Symbol,
) -> Option<ClassAttr> {
    let plan = *cache.get(class, name)?;
    (plan.edits == class_dict_edits() && plan.serial == heap.get(class).serial).then_some(plan)
}

/// `owner.name` through a current plan (`None`: no plan, or the general
/// path must answer). `generic_getattr`: the class's own
/// `__getattribute__` is being skipped (plans never apply then).
#[inline(always)]
pub(super) fn cached_instance_attr(
    heap: &Heap,
    cache: &ClassAttrCache,
    owner: ObjId,
    name: Symbol,
) -> Option<CachedAttr> {
    let Value::Instance {
        class,
        dict: Some(dict),
        ..
    } = heap.value(owner)
    else {
        return None;
    };
    let plan = current_plan(heap, cache, *class, name)?;
    planned_instance_attr(heap, *dict, name, plan)
}

/// `owner.name` by `plan`, `dict` the instance's dict: a value found there
/// wins, else the plan's fallback (`None`: the general path answers).
#[inline(always)]
fn planned_instance_attr(
    heap: &Heap,
    dict: ObjId,
    name: Symbol,
    plan: ClassAttr,
) -> Option<CachedAttr> {
    let fallback = plan.load?;
    if let Value::Dict(d) = heap.value(dict)
        && let Some(entry) = d.get_str_hashed(heap.symbols.text(name), plan.hash)
    {
        return Some(CachedAttr::Value(entry.value));
    }
    match fallback {
        Fallback::General => None,
        Fallback::Method(function) => Some(CachedAttr::Method(function)),
        Fallback::ClassValue(value) => Some(CachedAttr::Value(value)),
    }
}

impl Vm {
    /// The plan for `class.name` (a class made by the program), made now
    /// if there is none or it is stale.
    pub(super) fn class_attr_plan(&mut self, class: ObjId, name: Symbol) -> Option<ClassAttr> {
        if let Some(plan) = current_plan(&self.heap, &self.class_attr_cache, class, name) {
            return Some(plan);
        }
        if !matches!(self.heap.value(class), Value::Class(_)) {
            return None;
        }
        let text = self.heap.symbols.shared_text(name);
        // Names the general path answers itself before or after the dict.
        let special = matches!(&*text, "__class__" | "__dict__" | "__weakref__");
        let getattribute = self.user_hook(class, "__getattribute__").is_some();
        let setattr = self.user_hook(class, "__setattr__").is_some();
        let on_class = self.class_lookup(class, &text);
        let load = match on_class {
            _ if special || getattribute => None,
            None => Some(Fallback::General),
            Some(found) => match self.heap.value(found) {
                Value::Function(_) => Some(Fallback::Method(found)),
                value if is_plain_value(value) => Some(Fallback::ClassValue(found)),
                _ => None,
            },
        };
        let store_in_dict = !special
            && !setattr
            && on_class.is_none_or(|found| {
                let value = self.heap.value(found);
                matches!(value, Value::Function(_)) || is_plain_value(value)
            });
        let plan = ClassAttr {
            class,
            name,
            serial: self.heap.get(class).serial,
            edits: class_dict_edits(),
            hash: super::types::dict::str_hash(&text),
            load,
            store_in_dict,
        };
        self.class_attr_cache.insert(plan);
        Some(plan)
    }
}

/// A class attribute that is no descriptor of any kind: the instance
/// attribute lookup returns it as it is.
fn is_plain_value(value: &Value) -> bool {
    matches!(
        value,
        Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::None
            | Value::Bool(_)
            | Value::Tuple(_)
    )
}

impl Vm {
    /// `LOAD_ATTR` (owner -- attr, null_or_self) on an instance of a
    /// program's class, through the class's plan; false (nothing done)
    /// when the general path must answer.
    pub(super) fn load_attr_planned(&mut self, name: Symbol, method: bool) -> super::Flow<bool> {
        let Some(owner) = self.peek(0)?.obj else {
            return Ok(false);
        };
        let Value::Instance {
            class,
            dict: Some(dict),
            ..
        } = *self.heap.value(owner)
        else {
            return Ok(false);
        };
        if self.generic_getattr {
            return Ok(false);
        }
        let Some(plan) = self.class_attr_plan(class, name) else {
            return Ok(false);
        };
        let found = match planned_instance_attr(&self.heap, dict, name, plan) {
            // A method taken as a value is a new bound method: the general path.
            Some(CachedAttr::Method(_)) if !method => return Ok(false),
            Some(found) => found,
            None => return Ok(false),
        };
        let popped = self.pop()?;
        match found {
            CachedAttr::Method(function) => {
                self.push(function)?;
                self.push_slot(popped.slot)?;
            }
            CachedAttr::Value(value) => {
                self.push(value)?;
                if method {
                    self.push_slot(super::frame::Slot::NULL)?;
                }
                self.release(popped);
            }
        }
        Ok(true)
    }

    /// `owner.name = value` for an instance of a program's class whose plan
    /// stores straight into the instance's dict (the dict takes its own
    /// reference, as `dict_set` does); `None`, having done nothing, when
    /// the general path must. Runs inside the instruction's `calling`
    /// (the value replaced may go and its `__del__` run).
    pub(super) fn store_attr_planned(
        &mut self,
        owner: ObjId,
        name: Symbol,
        value: ObjId,
    ) -> Option<super::Flow> {
        let Value::Instance {
            class,
            dict: Some(dict),
            ..
        } = *self.heap.value(owner)
        else {
            return None;
        };
        let plan = self.class_attr_plan(class, name)?;
        if !plan.store_in_dict {
            return None;
        }
        // Mostly the attribute is there already: its value is replaced
        // (`insertdict` on an existing key).
        if let Some(old) = self.heap.replace_str_item(dict, name, plan.hash, value) {
            let referrer = super::heap::Referrer::DictValue {
                container: self.heap.get(dict).address,
                key: old.key,
            };
            self.heap.incref(value, referrer);
            self.heap.decref(old.value, referrer);
            return Some(Ok(()));
        }
        let key = self.identifier_symbol(name);
        let text = super::types::dict::HashKey::Str(self.heap.symbols.shared_text(name));
        Some(self.dict_set_hashed(dict, text, plan.hash, key, value))
    }
}
