//! The refcount invariant, checked by a scan: every live object's count
//! equals the counted references found from the roots (frames, the module
//! table, the exception being handled) and from every live object's
//! [`Heap::children`]; nothing referred to is freed; nothing mortal is kept
//! alive with no reference at all. The tests run it after every step.

use std::collections::HashMap;

use super::Vm;
use super::frame::Continuation;
use super::heap::{Heap, ObjId};

impl Vm {
    /// `Err` names the first object whose count is not what the scan finds.
    pub fn check_invariants(&self) -> Result<(), String> {
        let mut found: HashMap<ObjId, u32> = HashMap::new();
        let mut refer = |id: ObjId, by: &str, heap: &Heap| -> Result<(), String> {
            if !heap.get(id).alive {
                return Err(format!(
                    "{by} refers to a freed object (slot {})",
                    id.index()
                ));
            }
            *found.entry(id).or_default() += 1;
            Ok(())
        };
        for frame in &self.frames {
            for slot in frame.locals.iter().chain(frame.stack.iter()) {
                if let Some(obj) = slot.obj
                    && !slot.borrowed
                {
                    refer(obj, "a frame", &self.heap)?;
                }
            }
            if let Some(function) = frame.function {
                refer(function, "a frame's function", &self.heap)?;
            }
            if let Some(namespace) = frame.locals_dict {
                refer(namespace, "a class body's namespace", &self.heap)?;
            }
            match frame.on_return {
                Some(Continuation::BuildClass {
                    name,
                    bases,
                    keywords,
                }) => {
                    refer(name, "a pending class", &self.heap)?;
                    refer(bases, "a pending class", &self.heap)?;
                    if let Some(keywords) = keywords {
                        refer(keywords, "a pending class", &self.heap)?;
                    }
                }
                Some(Continuation::Init { instance, .. }) => {
                    refer(instance, "a pending __init__", &self.heap)?;
                }
                Some(Continuation::Finalizer { object, .. }) => {
                    refer(object, "a running __del__", &self.heap)?;
                }
                Some(Continuation::ClassHook {
                    class, keywords, ..
                }) => {
                    refer(class, "a class being made", &self.heap)?;
                    if let Some(keywords) = keywords {
                        refer(keywords, "a class being made", &self.heap)?;
                    }
                }
                Some(Continuation::Replay) | None => {}
            }
            for result in frame.replay() {
                if let Some(object) = result.object() {
                    refer(object, "a pending call's result", &self.heap)?;
                }
            }
            for &pinned in frame.pins() {
                refer(pinned, "a caller holding it across a call", &self.heap)?;
            }
            if let Some(resume) = frame.resumed.as_deref() {
                for held in resume.counted() {
                    refer(held, "a running generator's resumer", &self.heap)?;
                }
            }
        }
        for &generator in self.heap.finalizing() {
            refer(generator, "the generator finalizer", &self.heap)?;
        }
        // sys.modules holds every module.
        let imported = self.imported.iter().copied();
        for module in [self.main_module, self.builtins_module, self.sys_module]
            .into_iter()
            .chain(imported)
        {
            refer(module, "sys.modules", &self.heap)?;
        }
        if let Some(exc) = self.exc_info {
            refer(exc, "exc_info", &self.heap)?;
        }
        if let Some(exc) = self.last_exc {
            refer(exc, "sys.last_exc", &self.heap)?;
        }
        if let Some(report) = self.report.as_deref() {
            refer(report.exc, "the uncaught exception's report", &self.heap)?;
        }
        for (id, _) in self.heap.live_objects() {
            for (child, referrer) in self.heap.children(id) {
                refer(child, &self.heap.describe(referrer), &self.heap)?;
            }
        }
        for (id, object) in self.heap.live_objects() {
            if object.immortal {
                continue;
            }
            let expected = found.get(&id).copied().unwrap_or(0);
            if object.refs != expected {
                return Err(format!(
                    "{} {} at {:#x}: refs {} but {} referrers found",
                    object.value.type_name(),
                    self.heap.short_repr(id),
                    object.address,
                    object.refs,
                    expected
                ));
            }
            if object.refs == 0 && object.const_holders.is_empty() {
                return Err(format!(
                    "{} {} at {:#x} is alive with no reference",
                    object.value.type_name(),
                    self.heap.short_repr(id),
                    object.address
                ));
            }
        }
        Ok(())
    }
}
