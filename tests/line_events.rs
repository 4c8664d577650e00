//! `trace --json` line events equal CPython 3.14's `sys.settrace` 'line'
//! events for every runnable golden program and example.

mod common;

use bytestep::commands::{self, Program};
use common::{first_difference, runnable_programs};
use serde_json::Value;

/// The `QUALNAME LINE` list of a `trace --json` output's line events.
fn line_events(jsonl: &str) -> String {
    let mut lines = String::new();
    for record in jsonl.lines() {
        let step: Value = serde_json::from_str(record).expect("each line is one JSON object");
        if step["line_event"] == Value::Bool(true) {
            let code = step["code"].as_str().expect("code is a string");
            let line = step["line"].as_u64().expect("a line event has a line");
            lines.push_str(&format!("{code} {line}\n"));
        }
    }
    lines
}

/// Programs that reach the recursion limit: under `sys.settrace` the trace
/// function's own call hits the limit first, and CPython turns tracing off
/// there, so the oracle's list stops early (their output is still compared).
const TRACING_STOPS_EARLY: &[&str] = &[
    "func_recursion_error",
    "tricky_recursive_containers",
    "frame_reuse_calls",
    "recursion_limit_set",
    "hw_recursion",
];

/// Programs whose uncaught exception's traceback calls the program's own
/// `__str__`: the oracle's trace run drops the exception unprinted, so its
/// list ends where bytestep's goes on into those calls.
const REPORT_CALLS_PYTHON: &[&str] = &[
    "exc_uncaught_custom_str",
    "exc_uncaught_custom_str_chain",
    "exception_notes",
    "exception_slot_methods",
];

#[test]
fn line_events_equal_sys_settrace() {
    let mut compared = 0;
    let mut failures = Vec::new();
    for golden in runnable_programs() {
        if TRACING_STOPS_EARLY.contains(&golden.name.as_str()) {
            continue;
        }
        let program = Program {
            filename: golden.filename(),
            source: golden.source.clone(),
        };
        let mut out = Vec::new();
        let limits = commands::Limits::default();
        commands::trace_with_input(
            &program,
            true,
            &limits,
            golden.input(),
            &mut out,
            &mut Vec::new(),
        )
        .expect("writes to memory");
        let actual = line_events(&String::from_utf8_lossy(&out));
        let expected = golden.expected("lines");
        let same = if REPORT_CALLS_PYTHON.contains(&golden.name.as_str()) {
            actual.starts_with(&expected) && actual.len() > expected.len()
        } else {
            actual == expected
        };
        if !same {
            failures.push(format!(
                "{}: {}",
                golden.name,
                first_difference(&actual, &expected)
            ));
        }
        compared += 1;
    }
    assert!(compared >= 25, "only {compared} programs compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_trace_record_has_the_documented_fields() {
    let program = Program {
        filename: "t.py".into(),
        source: "def f(a):\n    return a\nx = f('hi' + 'there')\n".into(),
    };
    let mut out = Vec::new();
    commands::trace(&program, true, &mut out, &mut Vec::new()).expect("traces");
    let text = String::from_utf8_lossy(&out);
    let records: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert!(records.len() > 5);
    for (index, record) in records.iter().enumerate() {
        for key in [
            "step",
            "code",
            "offset",
            "line",
            "opname",
            "arg",
            "line_event",
            "stack",
            "events",
        ] {
            assert!(
                record.get(key).is_some(),
                "record {index} lacks {key}: {record}"
            );
        }
        assert_eq!(record["step"].as_u64(), Some(index as u64 + 1));
    }
    let qualnames: Vec<&str> = records.iter().filter_map(|r| r["code"].as_str()).collect();
    assert!(qualnames.contains(&"f"), "steps inside f are reported as f");
    // LOAD_FAST_BORROW in f pushes a borrowed slot.
    let borrow = records
        .iter()
        .find(|r| r["opname"] == "LOAD_FAST_BORROW")
        .expect("3.14 borrows a in f");
    assert_eq!(borrow["stack"][0]["borrowed"], Value::Bool(true));
    assert_eq!(borrow["stack"][0]["value"], "'hithere'");
}
