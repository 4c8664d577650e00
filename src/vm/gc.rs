//! The `gc` module: `collect()` frees unreachable cycles (see
//! `heap/cycles.rs`), `get_referrers()` lists the containers holding an
//! object. CPython's automatic collections are not modelled: cycles are
//! freed when the program calls `gc.collect()`.

use super::Vm;
use super::builtins::Builtin;
use super::exceptions::PyException;
use super::heap::ObjId;

/// A function of the `gc` module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GcFunction {
    Collect,
    GetReferrers,
    IsEnabled,
    Enable,
    Disable,
}

impl GcFunction {
    const ALL: [GcFunction; 5] = [
        GcFunction::Collect,
        GcFunction::GetReferrers,
        GcFunction::IsEnabled,
        GcFunction::Enable,
        GcFunction::Disable,
    ];

    pub fn name(self) -> &'static str {
        match self {
            GcFunction::Collect => "collect",
            GcFunction::GetReferrers => "get_referrers",
            GcFunction::IsEnabled => "isenabled",
            GcFunction::Enable => "enable",
            GcFunction::Disable => "disable",
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
            Ok(vm.bool_object(vm.gc_enabled))
        }
        GcFunction::Enable | GcFunction::Disable => {
            no_arguments(args)?;
            vm.gc_enabled = function == GcFunction::Enable;
            Ok(vm.singletons.none)
        }
    }
}
