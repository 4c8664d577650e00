//! The non-interactive commands (`run`, `trace`, `dis`, `examples`), as
//! functions that write to any `Write` and return the exit status, so the
//! binary stays thin and tests call them directly.

use std::io::{self, Write};

use serde_json::{Value as Json, json};

use crate::bytecode;
use crate::compile;
use crate::examples::EXAMPLES;
use crate::vm::heap::ObjId;
use crate::vm::{Event, Outcome, Step, Vm};

/// A program to work on: its source and the file name shown for it.
#[derive(Debug, Clone)]
pub struct Program {
    pub filename: String,
    pub source: String,
}

/// Exit status of a finished command.
pub type Status = i32;

/// Limits of a `run`: `--max-steps`, `--timeout`, `--max-memory`.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Stop after this many executed instructions.
    pub max_steps: Option<u64>,
    /// Stop after this much wall-clock time.
    pub timeout: Option<std::time::Duration>,
    /// The memory limit of the program's objects (`MemoryError` past it).
    pub max_memory: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_steps: None,
            timeout: None,
            max_memory: crate::vm::heap::DEFAULT_MAX_MEMORY,
        }
    }
}

/// Exit status when `--max-steps` or `--timeout` stopped the program (as `timeout(1)`).
pub const STATUS_LIMIT: Status = 124;

/// Instructions run between two looks at the clock and the output.
const SLICE: u64 = 1 << 16;

/// `bytestep run`: the program's output on `out`, a traceback on `err`.
pub fn run(program: &Program, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Status> {
    run_with(program, &Limits::default(), out, err)
}

/// `bytestep run` with limits. The output is streamed as the program runs,
/// so an endless `print` loop neither waits nor grows in memory.
pub fn run_with(
    program: &Program,
    limits: &Limits,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    let started = std::time::Instant::now();
    let mut vm = match Vm::new(&program.source, &program.filename) {
        Ok(vm) => vm,
        Err(error) => {
            writeln!(err, "{error}")?;
            return Ok(1);
        }
    };
    vm.heap.set_max_memory(limits.max_memory);
    loop {
        let budget = match limits.max_steps {
            Some(max) => SLICE.min(max.saturating_sub(vm.steps())),
            None => SLICE,
        };
        let finished = budget == 0 || vm.run_for(budget);
        out.write_all(vm.output.drain().as_bytes())?;
        if vm.is_finished() {
            break;
        }
        if finished || limits.max_steps.is_some_and(|max| vm.steps() >= max) {
            out.flush()?;
            writeln!(
                err,
                "bytestep: stopped after {} steps (--max-steps)",
                vm.steps()
            )?;
            return Ok(STATUS_LIMIT);
        }
        if let Some(timeout) = limits.timeout
            && started.elapsed() >= timeout
        {
            out.flush()?;
            writeln!(
                err,
                "bytestep: stopped after {:.1} s and {} steps (--timeout)",
                started.elapsed().as_secs_f64(),
                vm.steps()
            )?;
            return Ok(STATUS_LIMIT);
        }
    }
    report_end(&vm, err)
}

fn report_end(vm: &Vm, err: &mut dyn Write) -> io::Result<Status> {
    match vm.outcome() {
        Some(Outcome::Raised(traceback)) => {
            err.write_all(traceback.as_bytes())?;
            Ok(1)
        }
        _ => Ok(0),
    }
}

/// `bytestep dis`: CPython's `dis.dis` text, or with `table` the lecture's tables.
pub fn dis(
    program: &Program,
    table: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    match compile::compile(&program.source, &program.filename) {
        Ok(code) => {
            let text = if table {
                bytecode::dis_table(&code)
            } else {
                bytecode::dis(&code)
            };
            out.write_all(text.as_bytes())?;
            Ok(0)
        }
        Err(error) => {
            writeln!(err, "{error}")?;
            Ok(1)
        }
    }
}

/// `bytestep trace`: one line (or JSON object) per executed instruction.
pub fn trace(
    program: &Program,
    as_json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    trace_with(program, as_json, &Limits::default(), out, err)
}

/// `bytestep trace` with the memory limit of `limits` (steps and time are `run`'s).
pub fn trace_with(
    program: &Program,
    as_json: bool,
    limits: &Limits,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    let mut vm = match Vm::new(&program.source, &program.filename) {
        Ok(vm) => vm,
        Err(error) => {
            writeln!(err, "{error}")?;
            return Ok(1);
        }
    };
    vm.heap.set_max_memory(limits.max_memory);
    vm.set_recording(true);
    loop {
        // The argument as dis shows it, read before the step moves on.
        let argrepr = vm
            .next_instruction()
            .map(|(frame, instr)| vm.argrepr(&frame.code, instr))
            .unwrap_or_default();
        let Some(step) = vm.step() else {
            break;
        };
        if as_json {
            let mut line = step_json(&vm, &step);
            line["argrepr"] = Json::String(argrepr);
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "{}", step_text(&vm, &step, &argrepr))?;
        }
    }
    report_end(&vm, err)
}

/// One step as a text line: number, function, line (`*` marks a line event),
/// offset, instruction as dis shows it, then its refcount events.
pub fn step_text(vm: &Vm, step: &Step, argrepr: &str) -> String {
    let arg = step.arg.map(|a| a.to_string()).unwrap_or_default();
    let argrepr = if argrepr.is_empty() {
        String::new()
    } else {
        format!(" ({argrepr})")
    };
    let line = step
        .line
        .map(|l| l.to_string())
        .unwrap_or_else(|| "-".into());
    let marker = if step.line_event { "*" } else { " " };
    let events: Vec<String> = step
        .events
        .iter()
        .filter_map(|e| event_text(vm, e))
        .collect();
    format!(
        "{:>6} {:<16} {marker}{:>4} {:>5}  {:<40} {}",
        step.number,
        step.qualname,
        line,
        step.offset,
        format!("{} {arg}{argrepr}", step.opname).trim_end(),
        events.join("; ")
    )
    .trim_end()
    .to_owned()
}

/// `'hello' at 0x7f…` while the object lives there, else the bare address.
fn object_text(vm: &Vm, obj: ObjId, address: u64) -> String {
    let object = vm.heap.get(obj);
    if object.alive && object.address == address {
        format!("{} at {address:#x}", vm.heap.short_repr(obj))
    } else {
        format!("{address:#x}")
    }
}

/// Refcount, allocation and binding events in a few words; stack moves are left to `--json`.
pub fn event_text(vm: &Vm, event: &Event) -> Option<String> {
    Some(match event {
        Event::Incref {
            obj,
            address,
            referrer,
            before,
            after,
        }
        | Event::Decref {
            obj,
            address,
            referrer,
            before,
            after,
        } => format!(
            "{} refs {before}→{after} ({referrer})",
            object_text(vm, *obj, *address)
        ),
        Event::Alloc {
            address,
            type_name,
            value,
            size,
            ..
        } => format!("new {type_name} {value} at {address:#x} ({size} bytes)"),
        Event::Free {
            address,
            type_name,
            value,
            ..
        } => format!("freed {type_name} {value} at {address:#x}"),
        Event::KeptByConstants {
            address, holders, ..
        } => format!("{address:#x} kept alive by {holders}"),
        Event::Bind {
            target,
            obj,
            address,
        } => format!("{target} → {}", object_text(vm, *obj, *address)),
        Event::Call { callee, .. } => format!("call {callee}"),
        Event::Return { from, obj, address } => {
            format!("{from} returns {}", object_text(vm, *obj, *address))
        }
        Event::Output { text } => format!("print {text:?}"),
        Event::Raise { exception } => format!("raise {exception}"),
        Event::Push { .. } | Event::Pop { .. } => return None,
    })
}

fn event_json(event: &Event) -> Json {
    let hex = |a: &u64| format!("{a:#x}");
    match event {
        Event::Push {
            slot,
            address,
            borrowed,
            ..
        } => {
            json!({"kind": "push", "slot": slot, "id": address.as_ref().map(hex), "borrowed": borrowed})
        }
        Event::Pop { slot, address, .. } => {
            json!({"kind": "pop", "slot": slot, "id": address.as_ref().map(hex)})
        }
        Event::Bind {
            target, address, ..
        } => json!({"kind": "bind", "target": target, "id": hex(address)}),
        Event::Incref {
            address,
            referrer,
            before,
            after,
            ..
        } => {
            json!({"kind": "incref", "id": hex(address), "referrer": referrer, "before": before, "after": after})
        }
        Event::Decref {
            address,
            referrer,
            before,
            after,
            ..
        } => {
            json!({"kind": "decref", "id": hex(address), "referrer": referrer, "before": before, "after": after})
        }
        Event::Alloc {
            address,
            size,
            type_name,
            value,
            ..
        } => {
            json!({"kind": "alloc", "id": hex(address), "size": size, "type": type_name, "value": value})
        }
        Event::Free {
            address,
            type_name,
            value,
            reason,
            ..
        } => {
            json!({"kind": "free", "id": hex(address), "type": type_name, "value": value, "reason": reason})
        }
        Event::KeptByConstants {
            address, holders, ..
        } => json!({"kind": "kept_by_constants", "id": hex(address), "holders": holders}),
        Event::Call { callee, depth } => json!({"kind": "call", "callee": callee, "depth": depth}),
        Event::Return { from, address, .. } => {
            json!({"kind": "return", "from": from, "id": hex(address)})
        }
        Event::Output { text } => json!({"kind": "output", "text": text}),
        Event::Raise { exception } => json!({"kind": "raise", "exception": exception}),
    }
}

/// One step as a JSON object (a line of `trace --json`).
pub fn step_json(vm: &Vm, step: &Step) -> Json {
    let stack: Vec<Json> = vm
        .frames()
        .last()
        .map(|frame| {
            frame
                .stack
                .iter()
                .map(|slot| match slot.obj {
                    Some(obj) => json!({
                        "id": format!("{:#x}", vm.heap.get(obj).address),
                        "type": vm.heap.value(obj).type_name(),
                        "value": vm.heap.short_repr(obj),
                        "borrowed": slot.borrowed,
                    }),
                    None => Json::Null,
                })
                .collect()
        })
        .unwrap_or_default();
    json!({
        "step": step.number,
        "code": step.qualname,
        "depth": step.depth,
        "offset": step.offset,
        "line": step.line,
        "opname": step.opname,
        "arg": step.arg,
        "line_event": step.line_event,
        "stack": stack,
        "events": step.events.iter().map(event_json).collect::<Vec<_>>(),
    })
}

/// `bytestep examples`: the built-in examples, one a line.
pub fn list_examples(out: &mut dyn Write) -> io::Result<Status> {
    for example in EXAMPLES {
        writeln!(out, "{:<12} {}", example.name, example.summary)?;
    }
    Ok(0)
}
