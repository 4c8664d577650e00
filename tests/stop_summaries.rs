//! Every opcode the interpreter runs, stopped on one instruction at a time:
//! its stop summary is a sentence that starts with the instruction and names
//! every object it pushed or popped.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use bytestep::session::Session;
use bytestep::vm::Event;

/// The opcode names of the interpreter's `execute` match, read from its source.
fn supported_opcodes() -> BTreeSet<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(root.join("src/vm/opcodes.rs")).expect("opcodes.rs");
    let start = source.find("fn execute(").expect("the execute function");
    let end = start + source[start..].find("other =>").expect("its fallback arm");
    let mut names = BTreeSet::new();
    for line in source[start..end].lines() {
        let Some((pattern, _)) = line.split_once("=>") else {
            continue;
        };
        let tokens: Vec<&str> = pattern
            .split('|')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        if !tokens.is_empty()
            && tokens
                .iter()
                .all(|t| t.len() > 2 && t.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
        {
            names.extend(tokens.iter().map(|t| t.to_string()));
        }
    }
    names
}

/// Programs that, between them, run every supported opcode.
fn programs() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    for dir in ["tests/programs", "assets/examples", "tests/programs_tui"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .expect("a program directory")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        paths.sort();
        for path in paths {
            let source = std::fs::read_to_string(&path).expect("read");
            all.push((path.display().to_string(), source));
        }
    }
    all
}

#[test]
fn every_supported_opcode_says_what_it_did_to_which_objects() {
    let supported = supported_opcodes();
    assert!(supported.len() > 40, "read the opcode list: {supported:?}");
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (name, source) in programs() {
        let Ok(mut session) = Session::new(&source, &name) else {
            continue;
        };
        session.go_to(0);
        for _ in 0..3000 {
            if session.is_finished() {
                break;
            }
            session.step_instruction();
            let Some(step) = session.last_stop().last_step.clone() else {
                break;
            };
            let summary = session.summary();
            assert!(
                summary.starts_with(step.opname),
                "{name} step {}: {summary}",
                step.number
            );
            assert!(summary.ends_with('.'), "{name}: not a sentence: {summary}");
            // Every object pushed or popped is named by its value.
            let vm = session.vm();
            for event in &step.events {
                let (Event::Push {
                    obj: Some(obj),
                    address: Some(address),
                    ..
                }
                | Event::Pop {
                    obj: Some(obj),
                    address: Some(address),
                    ..
                }) = event
                else {
                    continue;
                };
                let object = vm.heap.get(*obj);
                if object.alive && object.address == *address {
                    let value = vm.heap.short_repr(*obj);
                    assert!(
                        summary.contains(&value),
                        "{name} step {}: {summary} does not name {value}",
                        step.number
                    );
                }
            }
            seen.entry(step.opname.to_owned()).or_insert(summary);
        }
    }
    // Instructions CPython's compiler emits for no program we can run yet,
    // and END_FOR, which FOR_ITER jumps over when the iterator is exhausted.
    let never_emitted: BTreeSet<&str> = [
        "END_FOR",
        "NOP",
        "EXTENDED_ARG",
        "JUMP_BACKWARD_NO_INTERRUPT",
        "LOAD_FAST_CHECK",
        "DELETE_GLOBAL",
        "IMPORT_FROM",
        "POP_JUMP_IF_NONE",
        "POP_JUMP_IF_NOT_NONE",
    ]
    .into_iter()
    .collect();
    let missing: Vec<&String> = supported
        .iter()
        .filter(|op| !seen.contains_key(*op) && !never_emitted.contains(op.as_str()))
        .collect();
    assert!(missing.is_empty(), "no program runs {missing:?}");
}
