//! CPython 3.14's adaptive specialization of `CALL` on classes, as far as
//! it shows in reference counts.
//!
//! A class with a plain Python `__init__` is called one of two ways:
//! - the generic path (`_PyObject_MakeTpCall` → `type_call` →
//!   `slot_tp_init`): the arguments stay on the caller's stack, a tuple of
//!   them (and a dict of the keywords) is made, `__init__` is looked up and
//!   held, so inside `__init__` each argument has two more references;
//! - `CALL_ALLOC_AND_ENTER_INIT`, the specialized instruction: the
//!   arguments move from the stack into the `__init__` frame.
//!
//! Which one runs depends on the call site's history, as CPython's adaptive
//! counter decides it: a site's first run is generic; its second specializes
//! it for the class it calls (when the class qualifies); a specialized site
//! called with another class, or after the class (or a base) was modified,
//! "deoptimizes" and runs the generic path, counting down 52 runs before it
//! specializes again. `CALL_KW` on a class is always generic.
//!
//! Only runs that call a class are counted (a site that calls functions
//! before a class would already be warm in CPython: rare, and not modelled).

use super::Vm;
use super::attr_cache::Fallback;
use super::frame::{Continuation, Slot};
use super::heap::ObjId;
use super::heap::{Referrer, Value};

/// `adaptive_counter_cooldown()`: runs after a specialization before a
/// deoptimized site tries again.
const COOLDOWN: u16 = 52;

/// `adaptive_counter_warmup()`: a new site specializes on its second run.
const WARMUP: u16 = 1;

/// What a `CALL` site is specialized to (for class callables).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Specialized {
    /// Still the adaptive `CALL`.
    No,
    /// `CALL_ALLOC_AND_ENTER_INIT` for one class at one version.
    AllocAndEnterInit {
        class: ObjId,
        serial: u64,
        version: u32,
    },
    /// `CALL_NON_PY_GENERAL`: any class runs the generic path, no deopt.
    NonPyGeneral,
}

/// One `CALL` instruction's specialization state.
#[derive(Debug, Clone, Copy)]
pub(super) struct CallSite {
    counter: u16,
    specialized: Specialized,
}

impl Default for CallSite {
    fn default() -> Self {
        CallSite {
            counter: WARMUP,
            specialized: Specialized::No,
        }
    }
}

impl Vm {
    /// Whether this run of the current `CALL` (callable `class`, a class the
    /// program made) takes CPython's generic path; updates the site. Call it
    /// once per run of the instruction (not on replays).
    pub(super) fn class_call_is_generic(&mut self, class: ObjId) -> bool {
        let Some(key) = self.site_key() else {
            return true;
        };
        let serial = self.heap.get(class).serial;
        let version = self.class_version(class);
        let mut site = self.call_sites.get(&key).copied().unwrap_or_default();
        let generic = match site.specialized {
            Specialized::AllocAndEnterInit {
                class: cached,
                serial: cached_serial,
                version: cached_version,
            } if cached == class && cached_serial == serial && cached_version == version => false,
            Specialized::NonPyGeneral => true,
            // The adaptive instruction, or a guard failed (deopt): count down.
            _ if site.counter > 0 => {
                site.counter -= 1;
                true
            }
            _ => {
                site.counter = COOLDOWN;
                if self.allocates_and_enters_init(class) {
                    site.specialized = Specialized::AllocAndEnterInit {
                        class,
                        serial,
                        version,
                    };
                    false
                } else {
                    site.specialized = Specialized::NonPyGeneral;
                    true
                }
            }
        };
        self.call_sites.insert(key, site);
        generic
    }

    /// `specialize_class_call`'s test for `CALL_ALLOC_AND_ENTER_INIT`: a
    /// class of `type` whose `__new__` is `object.__new__` and whose
    /// `__init__` is a Python function with simple parameters.
    fn allocates_and_enters_init(&self, class: ObjId) -> bool {
        if !self.plain_class_with_init(class)
            || self.metaclass_of(class).is_some()
            || self.class_lookup(class, "__new__").is_some()
        {
            return false;
        }
        let Some(init) = self.user_hook(class, "__init__") else {
            return false;
        };
        match self.heap.value(init) {
            Value::Function(function) => {
                use crate::compile::flags;
                let code = &function.info.code;
                code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0 && code.kwonlyargcount == 0
            }
            _ => false,
        }
    }

    /// The current `CALL` instruction's key in `call_sites`: its code
    /// object and its index.
    fn site_key(&self) -> Option<(usize, u32)> {
        let frame = self.frames.last()?;
        Some((
            std::sync::Arc::as_ptr(&frame.code) as usize,
            frame.last.unwrap_or(frame.pc) as u32,
        ))
    }

    /// Whether the current `CALL` site is specialized
    /// (`CALL_ALLOC_AND_ENTER_INIT`) for `class` as it is now: the run
    /// [`Vm::class_call_is_generic`] would answer false for, changing nothing.
    fn specialized_for(&self, class: ObjId) -> bool {
        let Some(key) = self.site_key() else {
            return false;
        };
        matches!(
            self.call_sites.get(&key),
            Some(CallSite {
                specialized: Specialized::AllocAndEnterInit {
                    class: cached,
                    serial,
                    version,
                },
                ..
            }) if *cached == class
                && *serial == self.heap.get(class).serial
                && *version == self.class_version(class)
        )
    }

    /// `CALL_ALLOC_AND_ENTER_INIT` (callable, null, args[oparg] -- ):
    /// when the site is specialized for the class on the stack and its
    /// `__init__` takes exactly these arguments, the new instance and the
    /// arguments move into `__init__`'s frame, as the general path
    /// (`call_class`, `enter_init`) does it, in the same order, without
    /// its argument vectors. Only when nobody records (as `call_plain`).
    /// False, having done nothing, otherwise.
    pub(super) fn call_alloc_and_enter_init(&mut self, argc: usize) -> bool {
        if self.heap.recorder.enabled || self.replaying_instruction() {
            return false;
        }
        let Some(frame) = self.frames.last() else {
            return false;
        };
        let Some(base) = frame.stack.len().checked_sub(argc + 2) else {
            return false;
        };
        let (class_slot, null) = (frame.stack[base], frame.stack[base + 1]);
        let (Some(class), None) = (class_slot.obj, null.obj) else {
            return false;
        };
        let Value::Class(c) = self.heap.value(class) else {
            return false;
        };
        let type_name = c.name;
        if !self.specialized_for(class) {
            return false;
        }
        let init_symbol = self.init_symbol;
        let Some(Fallback::Method(init)) = self
            .class_attr_plan(class, init_symbol)
            .and_then(|plan| plan.load)
        else {
            return false;
        };
        let Value::Function(function) = self.heap.value(init) else {
            return false;
        };
        if function.info.plain_call != Some(argc + 1)
            || self.frames.len() >= self.quick_depth_limit()
        {
            return false;
        }
        let init_qualname = function.info.qualname;
        let instance = self.plain_instance(class, type_name);
        let stack_slot = Referrer::Stack {
            frame: self.frames.last().map_or(init_qualname, |f| f.qualname),
            slot: base as u32,
        };
        // `self`, the continuation's instance, the frame's `__init__`.
        self.heap.incref(instance, stack_slot);
        let holder = self.continuation_referrer();
        self.heap.incref(instance, holder);
        self.heap.incref(
            init,
            Referrer::Frame {
                frame: init_qualname,
            },
        );
        if !class_slot.borrowed {
            self.heap.decref(class, stack_slot);
        }
        let Vm { frames, heap, .. } = self;
        let Value::Function(function) = heap.value(init) else {
            return false;
        };
        let Some((caller, frame)) = frames.push_for(&function.info, init) else {
            return false;
        };
        frame.enter(init, &caller.stack[base + 1..]);
        frame.locals[0] = Slot::strong(instance);
        caller.stack.truncate(base);
        frame.on_return = Some(Continuation::Init {
            instance,
            native: false,
        });
        true
    }

    /// `tp_version_tag` as far as it matters: it changes whenever the class
    /// or a class in its MRO is modified (`PyType_Modified`).
    fn class_version(&self, class: ObjId) -> u32 {
        let own = self.class_versions.get(&class).copied().unwrap_or(0);
        match self.heap.value(class) {
            Value::Class(c) => c
                .mro
                .iter()
                .skip(1)
                .map(|base| self.class_versions.get(base).copied().unwrap_or(0))
                .fold(own, u32::wrapping_add),
            _ => own,
        }
    }

    /// A class's attribute was set or deleted (`PyType_Modified`).
    pub(super) fn class_modified(&mut self, class: ObjId) {
        let version = self.class_versions.entry(class).or_insert(0);
        *version = version.wrapping_add(1);
    }
}
