//! The whole debugger state at one stop, as JSON (`--dump-json`): the step,
//! every frame with its line, next instruction, locals and stack, the global
//! names, every live heap object with its id, type, value, refs and
//! referrers, and the output so far. Two ways of reaching the same step must
//! give the same JSON; tests and benchmarks compare states with it.

use std::collections::HashMap;

use serde_json::{Value as Json, json};

use crate::session::Session;
use crate::vm::heap::ObjId;

/// The state of the session's current stop.
pub fn to_json(session: &Session) -> Json {
    let vm = session.vm();
    let heap = &vm.heap;
    let id_text = |id: ObjId| format!("{:#x}", heap.get(id).address);

    let frames = vm.frames();
    let frames_json: Vec<Json> = frames
        .iter()
        .enumerate()
        .map(|(index, frame)| {
            let line = if index + 1 == frames.len() {
                frame.next_line()
            } else {
                frame.current_line()
            };
            let locals: Vec<Json> = vm
                .local_names(frame)
                .into_iter()
                .zip(&frame.locals)
                .map(|(name, slot)| json!({ "name": name, "id": slot.obj.map(id_text) }))
                .collect();
            let stack: Vec<Json> = frame
                .stack
                .iter()
                .map(|slot| json!({ "id": slot.obj.map(id_text), "borrowed": slot.borrowed }))
                .collect();
            json!({
                "code": frame.code.code.qualname.as_str(),
                "line": line,
                "next_offset": frame.code.instrs.get(frame.pc).map(|i| i.offset),
                "locals": locals,
                "stack": stack,
            })
        })
        .collect();

    let globals: Vec<Json> = vm
        .globals()
        .into_iter()
        .map(|(name, id)| json!({ "name": name, "id": id_text(id) }))
        .collect();

    // One scan for the referrers of every object (not one per object).
    let mut referrers: HashMap<ObjId, Vec<(String, bool)>> = HashMap::new();
    vm.each_reference(|object, referrer, counted| {
        referrers
            .entry(object)
            .or_default()
            .push((heap.describe(referrer), counted));
    });
    let mut objects: Vec<(u64, Json)> = heap
        .live_objects()
        .map(|(id, object)| {
            let mut by = referrers.remove(&id).unwrap_or_default();
            by.sort();
            let by: Vec<Json> = by
                .into_iter()
                .map(|(text, counted)| json!({ "by": text, "counted": counted }))
                .collect();
            let constants: Vec<&str> = object
                .const_holders
                .iter()
                .map(|&s| heap.symbols.text(s))
                .collect();
            let entry = json!({
                "id": id_text(id),
                "type": object.value.type_name(),
                "value": heap.short_repr(id),
                "refs": object.refs,
                "immortal": object.immortal,
                "size": object.size,
                "constant_of": constants,
                "referrers": by,
            });
            (object.address, entry)
        })
        .collect();
    objects.sort_by_key(|(address, _)| *address);

    json!({
        "file": vm.filename(),
        "step": session.step_number(),
        "total_steps": session.total_steps(),
        "finished": session.is_finished(),
        "frames": frames_json,
        "globals": globals,
        "heap": objects.into_iter().map(|(_, entry)| entry).collect::<Vec<_>>(),
        "output": vm.output.to_string(),
        "traceback": session.traceback(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAM: &str = "def f(x):\n    y = x + 1\n    return y\n\nt = (f(1000), 'a')\n";

    #[test]
    fn names_stacks_and_referrers_are_all_there() {
        let mut session = Session::new(PROGRAM, "t.py").expect("compiles");
        // Into f, just after y = x + 1.
        session.run_to_line(3);
        let state = to_json(&session);
        assert_eq!(state["frames"][1]["code"], "f");
        assert_eq!(state["frames"][1]["line"], 3);
        let locals = &state["frames"][1]["locals"];
        assert_eq!(locals[0]["name"], "x");
        assert_eq!(locals[1]["name"], "y");
        let y = locals[1]["id"].as_str().expect("y is bound").to_owned();
        let heap = state["heap"].as_array().expect("a heap");
        let object = heap
            .iter()
            .find(|o| o["id"] == y.as_str())
            .expect("y's object");
        assert_eq!(object["value"], "1001");
        assert_eq!(object["refs"], 1);
        assert_eq!(
            object["referrers"],
            json!([{ "by": "local y in f", "counted": true }])
        );
        assert!(
            state["globals"]
                .as_array()
                .is_some_and(|g| g.iter().any(|n| n["name"] == "f"))
        );
    }

    #[test]
    fn forward_and_back_reach_the_same_state() {
        let mut forward = Session::new(PROGRAM, "t.py").expect("compiles");
        forward.go_to(9);
        let mut around = Session::new(PROGRAM, "t.py").expect("compiles");
        around.go_to_end();
        around.go_to(3);
        around.go_to(9);
        assert_eq!(to_json(&forward), to_json(&around));
    }
}
