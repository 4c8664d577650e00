//! `module`: `__main__`, `sys`, `builtins`…

use super::TypeKind;
use super::{GC_HEAD, Slots, TypeSpec, attribute};
use crate::vm::heap::repr::{Stop, Writer};
use crate::vm::heap::{Heap, ObjId, Object, Referrer, Symbol, Value};
use crate::vm::{Flow, Vm};

/// Its `__dict__` once made, then each bound name.
fn traverse(_: &Heap, object: &Object, out: &mut Vec<(ObjId, Referrer)>) {
    let Value::Module(module) = &object.value else {
        return;
    };
    out.extend(
        module
            .dict
            .map(|dict| (dict, attribute(object, "__dict__"))),
    );
    out.extend(module.namespace.entries().map(|(name, value)| {
        (
            value,
            Referrer::Name {
                namespace: module.name,
                name,
            },
        )
    }));
}

fn repr(w: &mut Writer<'_>, _id: ObjId, object: &Object, _: usize) -> Result<(), Stop> {
    let Value::Module(module) = &object.value else {
        return Ok(());
    };
    let heap = w.heap;
    w.push(&format!(
        "<module '{}'{}",
        heap.symbols.text(module.name),
        if module.builtin { " (built-in)>" } else { ">" }
    ))
}

/// `module.name`: a name of its namespace, else `AttributeError`.
fn getattr(vm: &mut Vm, module: ObjId, name: Symbol) -> Flow<ObjId> {
    let Value::Module(m) = vm.heap.value(module) else {
        return Err(vm.no_attribute(module, name));
    };
    if let Some(found) = m.namespace.get(name) {
        return Ok(found);
    }
    let name_text = vm.heap.symbols.text(name);
    // A built-in module's name (its namespace holds only its members).
    if m.builtin && name_text == "__name__" {
        let module_name = vm.heap.symbols.text(m.name).to_owned();
        return Ok(vm.identifier(&module_name));
    }
    if vm.heap.symbols.text(m.name) == "sys" {
        let name_text = name_text.to_owned();
        if let Some(found) = vm.sys_lazy_member(&name_text) {
            return Ok(found);
        }
        if crate::vm::sys_module::refused(&name_text) {
            return Err(vm.unsupported(&format!("sys.{name_text}")));
        }
    }
    if matches!(
        vm.heap.symbols.text(name),
        "__annotations__" | "__annotate__"
    ) {
        return Err(vm.unsupported("annotations of a module"));
    }
    let Value::Module(m) = vm.heap.value(module) else {
        return Err(vm.no_attribute(module, name));
    };
    let name_text = vm.heap.symbols.text(name);
    let module_name = vm.heap.symbols.text(m.name);
    if (module_name == "string" && crate::vm::string_module::REFUSED.contains(&name_text))
        || (module_name == "random" && crate::vm::random_module::REFUSED.contains(&name_text))
    {
        let what = format!("{module_name}.{name_text}");
        return Err(vm.unsupported(&what));
    }
    Err(vm.attribute_error(
        module,
        name_text,
        format!(
            "module '{}' has no attribute '{name_text}'",
            vm.heap.symbols.text(m.name)
        ),
    ))
}

pub const MODULE: TypeSpec = TypeSpec {
    kind: TypeKind::Module,
    gc: true,
    slots: Slots {
        traverse: Some(traverse),
        repr: Some(repr),
        vm: super::protocol::VmSlots {
            getattr: Some(getattr),
            ..super::protocol::VmSlots::EMPTY
        },
        ..Slots::EMPTY
    },
    ..TypeSpec::new("module", GC_HEAD + 56)
};
