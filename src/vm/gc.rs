//! The `gc` module: `collect()` frees unreachable cycles (see
//! `heap/cycles.rs` and `del.rs`), `get_referrers()` lists the containers
//! holding an object, `enable()`/`disable()`/`get_threshold()`/
//! `set_threshold()` steer the automatic collection (`auto_gc.rs`).

use super::Vm;
use super::builtins::Builtin;
use super::exceptions::PyException;
use super::heap::{ObjId, Value};

/// A function of the `gc` module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GcFunction {
    Collect,
    GetReferrers,
    IsEnabled,
    Enable,
    Disable,
    GetThreshold,
    SetThreshold,
    GetCount,
}

impl GcFunction {
    const ALL: [GcFunction; 8] = [
        GcFunction::Collect,
        GcFunction::GetReferrers,
        GcFunction::IsEnabled,
        GcFunction::Enable,
        GcFunction::Disable,
        GcFunction::GetThreshold,
        GcFunction::SetThreshold,
        GcFunction::GetCount,
    ];

    pub fn name(self) -> &'static str {
        match self {
            GcFunction::Collect => "collect",
            GcFunction::GetReferrers => "get_referrers",
            GcFunction::IsEnabled => "isenabled",
            GcFunction::Enable => "enable",
            GcFunction::Disable => "disable",
            GcFunction::GetThreshold => "get_threshold",
            GcFunction::SetThreshold => "set_threshold",
            GcFunction::GetCount => "get_count",
        }
    }
}

impl Vm {
    /// `import gc`: the module, made the first time.
    pub(super) fn gc_module(&mut self) -> ObjId {
        let members: Vec<(&str, Builtin)> = GcFunction::ALL
            .iter()
            .map(|&f| (f.name(), Builtin::Gc(f)))
            .collect();
        self.builtin_module("gc", &members, |_, _| {})
    }
}

/// Call a `gc` function; the result is a new reference.
pub fn call(vm: &mut Vm, function: GcFunction, args: &[ObjId]) -> Result<ObjId, Box<PyException>> {
    let no_arguments = |args: &[ObjId]| {
        if args.is_empty() {
            Ok(())
        } else {
            Err(PyException::type_error(format!(
                "gc.{}() takes no arguments ({} given)",
                function.name(),
                args.len()
            )))
        }
    };
    match function {
        GcFunction::Collect => {
            // `generation` (0, 1 or 2) is accepted; every collection is full here.
            if args.len() > 1 {
                return Err(PyException::type_error(format!(
                    "collect() takes at most 1 argument ({} given)",
                    args.len()
                )));
            }
            let found = vm.collect_now()?;
            Ok(vm.int_object(found as i64))
        }
        GcFunction::GetReferrers => {
            let mut referrers = Vec::new();
            for &target in args {
                referrers.extend(vm.heap.referrers_of(target));
            }
            Ok(vm.list_object(referrers, false))
        }
        GcFunction::IsEnabled => {
            no_arguments(args)?;
            Ok(vm.bool_object(vm.heap.gc.enabled))
        }
        GcFunction::GetThreshold => {
            no_arguments(args)?;
            let [a, b, c] = vm.heap.gc.thresholds;
            let items = [a, b, c].map(|t| vm.int_object(t as i64)).to_vec();
            Ok(vm.tuple_object(items, false))
        }
        GcFunction::GetCount => {
            // The young count; the old spaces' counts are not modelled (0).
            no_arguments(args)?;
            let young = vm.heap.gc.young_count;
            let items = [young, 0, 0].map(|t| vm.int_object(t as i64)).to_vec();
            Ok(vm.tuple_object(items, false))
        }
        GcFunction::SetThreshold => {
            if args.is_empty() || args.len() > 3 {
                return Err(PyException::type_error(
                    "gc.set_threshold requires 1 to 3 arguments",
                ));
            }
            let mut thresholds = vm.heap.gc.thresholds;
            for (slot, &arg) in thresholds.iter_mut().zip(args) {
                *slot = match vm.heap.value(arg) {
                    Value::Int(n) => u64::try_from(*n).unwrap_or(0),
                    Value::Bool(b) => u64::from(*b),
                    other => {
                        return Err(PyException::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        )));
                    }
                };
            }
            vm.heap.gc.thresholds = thresholds;
            Ok(vm.singletons.none)
        }
        GcFunction::Enable | GcFunction::Disable => {
            no_arguments(args)?;
            vm.heap.gc.enabled = function == GcFunction::Enable;
            Ok(vm.singletons.none)
        }
    }
}
