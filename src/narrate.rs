//! The one renderer of what steps did, in words and as JSON: `trace`,
//! `trace --json`, the stop summary under the panes and the referrers popup
//! all name objects, events and references through here (referrers by the
//! heap's own `describe`), so they never disagree.

use std::collections::HashMap;

use serde_json::{Value as Json, json};

use crate::session::{Change, StopReport};
use crate::vm::heap::ObjId;
use crate::vm::{Event, Step, Vm};

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
pub fn object_text(vm: &Vm, obj: ObjId, address: u64) -> String {
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
            reason,
            ..
        } if reason != "refs reached 0" => {
            format!("freed {type_name} {value} at {address:#x}, {reason}")
        }
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
        Event::Return {
            from,
            obj,
            address,
            yielded,
        } => {
            let verb = if *yielded { "yields" } else { "returns" };
            format!("{from} {verb} {}", object_text(vm, *obj, *address))
        }
        Event::Output { text } => format!("print {text:?}"),
        Event::Raise { exception } => format!("raise {exception}"),
        Event::Caught { exception } => format!("caught {exception}"),
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
        Event::Return {
            from,
            address,
            yielded,
            ..
        } => {
            let kind = if *yielded { "yield" } else { "return" };
            json!({"kind": kind, "from": from, "id": hex(address)})
        }
        Event::Output { text } => json!({"kind": "output", "text": text}),
        Event::Raise { exception } => json!({"kind": "raise", "exception": exception}),
        Event::Caught { exception } => json!({"kind": "caught", "exception": exception}),
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

/// One reference as the referrers popup writes it: `global a ─▶ 0x7f…`
/// (the referrer named as `trace` names it in its events).
pub fn reference_text(referrer: &str, address: u64) -> String {
    format!("{referrer} ─▶ {address:#x}")
}

/// Every live object's short value, by address.
fn live_values(vm: &Vm) -> HashMap<u64, (&'static str, String)> {
    vm.heap
        .live_objects()
        .map(|(id, o)| (o.address, (o.value.type_name(), vm.heap.short_repr(id))))
        .collect()
}

/// How a summary names the object at `address`: its value while it lives,
/// else its type and value as they were when freed, else the address.
fn name_at(
    live: &HashMap<u64, (&'static str, String)>,
    report: &StopReport,
    address: u64,
) -> String {
    if let Some((_, value)) = live.get(&address) {
        return value.clone();
    }
    match report.changes.get(&address).and_then(|c| c.freed.as_ref()) {
        Some((type_name, value)) => format!("{type_name} {value}"),
        None => format!("{address:#x}"),
    }
}

/// One change of the whole stop, in words: `'hello' refs 1→2`, `new int
/// 1001 at 0x7f…`, `freed str 'hello' (was 0x7f…)`.
pub fn change_text(
    live: &HashMap<u64, (&'static str, String)>,
    report: &StopReport,
    address: u64,
    change: &Change,
) -> Option<String> {
    if let Some((type_name, value)) = &change.freed {
        let born = if change.new { "made and " } else { "" };
        return Some(format!(
            "{born}freed {type_name} {value} (was {address:#x})"
        ));
    }
    let name = name_at(live, report, address);
    let counts = match (change.before, change.after) {
        (Some(before), Some(after)) if before != after => format!(" refs {before}→{after}"),
        (None, Some(after)) if change.new => format!(" refs {after}"),
        _ if change.delta != 0 => format!(" refs {:+}", change.delta),
        (_, Some(after)) if change.kept_by_constants.is_some() => {
            format!(" refs back to {after}")
        }
        _ => String::new(),
    };
    let kept = change
        .kept_by_constants
        .as_ref()
        .map(|holders| format!(", kept alive by {holders}"))
        .unwrap_or_default();
    if change.new {
        let type_name = live.get(&address).map_or("", |(t, _)| t);
        return Some(format!(
            "new {type_name} {name} at {address:#x}{counts}{kept}"
        ));
    }
    if counts.is_empty() && kept.is_empty() {
        return None;
    }
    Some(format!("{name}{counts}{kept}"))
}

/// What going back undid to one object, in the order it had happened:
/// `'hello' refs 2→1`, `new int 1001 at 0x7f…`, `free of str 'x' at 0x7f…`.
fn undo_text(
    live: &HashMap<u64, (&'static str, String)>,
    address: u64,
    change: &Change,
) -> Option<String> {
    // Gone now: it was made in the undone steps.
    if let Some((type_name, value)) = &change.freed {
        return Some(format!("new {type_name} {value} at {address:#x}"));
    }
    let (type_name, value) = live.get(&address)?;
    if change.new {
        return Some(format!("free of {type_name} {value} at {address:#x}"));
    }
    match (change.before, change.after) {
        (Some(before), Some(after)) if before != after => {
            Some(format!("{value} refs {after}→{before}"))
        }
        _ => None,
    }
}

/// The parts of a stop summary, most important first: the head (what ran),
/// then exceptions, calls and returns, frees, allocations, count changes, output.
pub fn summary_parts(vm: &Vm, report: &StopReport) -> (String, Vec<String>) {
    let live = live_values(vm);
    let plural = |n: u64| if n == 1 { "" } else { "s" };
    let head = if report.undone > 0 {
        // One instruction back: name it, it is the one now highlighted.
        let which = match vm.next_instruction() {
            Some((_, instr)) if report.undone == 1 => {
                format!(" {}", crate::bytecode::opcodes::name(instr.opcode))
            }
            _ => String::new(),
        };
        format!(
            "Back {} instruction{} to step {}, undid{which}",
            report.undone,
            plural(report.undone),
            vm.steps()
        )
    } else {
        match (&report.last_step, report.steps_taken) {
            (None, _) => match vm.outcome() {
                Some(_) => "Nothing to run: the program has finished".to_owned(),
                None => "Nothing has run yet".to_owned(),
            },
            (Some(step), _) if report.opening => {
                format!(
                    "Ready at the first line: {} ran, nothing is counted yet",
                    step.opname
                )
            }
            (Some(step), 1) => instruction_text(&live, report, step),
            (Some(_), taken) => format!("Ran {taken} instructions"),
        }
    };
    let mut parts = Vec::new();
    if let Some(exception) = &report.raised {
        parts.push(format!("raised {exception}, uncaught"));
    }
    // Calls and returns come after the objects: a recursion of 50 calls
    // must not push the counts off the screen.
    let mut calls_and_returns = Vec::new();
    if !report.calls.is_empty() {
        let mut names: Vec<String> = Vec::new();
        for callee in &report.calls {
            let name = format!("{callee}()");
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let times = if report.call_count > 1 {
            format!(" ({} calls)", report.call_count)
        } else {
            String::new()
        };
        calls_and_returns.push(format!("called {}{times}", names.join(", ")));
    } else if report.call_count > 0 {
        // A jump within the history counts the calls it passed, unnamed.
        let plural = plural(report.call_count);
        calls_and_returns.push(format!("{} call{plural}", report.call_count));
    }
    match (report.return_count, &report.last_return) {
        (0, _) => {}
        (count, None) => calls_and_returns.push(format!("{count} return{}", plural(count))),
        (1, Some(last)) => calls_and_returns.push(last.clone()),
        (count, Some(last)) => {
            calls_and_returns.push(format!("{count} returns, the last: {last}"));
        }
    }
    // Frees first, then allocations, then counts: what a lecture points at.
    let rank = |c: &Change| {
        if c.freed.is_some() {
            0
        } else if c.new {
            1
        } else {
            2
        }
    };
    let mut changes: Vec<(&u64, &Change)> = report.changes.iter().collect();
    changes.sort_by_key(|(address, c)| (rank(c), **address));
    parts.extend(changes.into_iter().filter_map(|(address, change)| {
        if report.undone > 0 {
            undo_text(&live, *address, change)
        } else {
            change_text(&live, report, *address, change)
        }
    }));
    // Stepping into a function, the call is the news: it comes first.
    if report.call_count > report.return_count {
        let first = usize::from(report.raised.is_some());
        parts.splice(first..first, calls_and_returns);
    } else {
        parts.extend(calls_and_returns);
    }
    if !report.output.is_empty() {
        parts.push(format!("printed {:?}", report.output));
    }
    // The program has ended; what runs now is CPython's shutdown.
    if let Some(exit) = vm.exit_narration()
        && report.undone == 0
    {
        parts.insert(0, exit.to_owned());
    }
    (head, parts)
}

/// What one instruction did: `LOAD_NAME a pushed 'hello'`, `BINARY_OP +
/// popped 1, 2 and pushed 3`, `STORE_NAME b popped 'hello'; b → 'hello'`.
fn instruction_text(
    live: &HashMap<u64, (&'static str, String)>,
    report: &StopReport,
    step: &Step,
) -> String {
    let mut text = step.opname.to_owned();
    if !report.last_argrepr.is_empty() {
        text.push(' ');
        text.push_str(&report.last_argrepr);
    } else if let Some(arg) = step.arg {
        text.push_str(&format!(" {arg}"));
    }
    let slot = |address: &Option<u64>| match address {
        Some(address) => name_at(live, report, *address),
        None => "NULL".to_owned(),
    };
    let popped: Vec<String> = step
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Pop { address, .. } => Some(slot(address)),
            _ => None,
        })
        .collect();
    let pushed: Vec<String> = step
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Push {
                address, borrowed, ..
            } => Some(if *borrowed {
                format!("{} (borrowed)", slot(address))
            } else {
                slot(address)
            }),
            _ => None,
        })
        .collect();
    // Stack effects are listed top first at the time of the pop, as written.
    match (popped.is_empty(), pushed.is_empty()) {
        (true, true) => text.push_str(" left the stack as it was"),
        (false, true) => text.push_str(&format!(" popped {}", popped.join(", "))),
        (true, false) => text.push_str(&format!(" pushed {}", pushed.join(", "))),
        (false, false) => text.push_str(&format!(
            " popped {} and pushed {}",
            popped.join(", "),
            pushed.join(", ")
        )),
    }
    let binds: Vec<String> = step
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Bind {
                target, address, ..
            } => Some(format!("{target} → {}", name_at(live, report, *address))),
            _ => None,
        })
        .collect();
    if !binds.is_empty() {
        text.push_str(&format!("; {}", binds.join(", ")));
    }
    text
}

/// The whole summary as one text: `head: part; part; part.`
pub fn stop_summary(vm: &Vm, report: &StopReport) -> String {
    let (head, parts) = summary_parts(vm, report);
    // Nothing ran (or the opening stop): no count could have changed.
    if parts.is_empty() && (report.opening || report.last_step.is_none() && report.undone == 0) {
        return format!("{head}.");
    }
    if parts.is_empty() {
        return format!("{head}; no reference counts changed.");
    }
    format!("{head}: {}.", parts.join("; "))
}
