//! Every raw `co_*` field of every code object against CPython 3.14.2.
//!
//! `tests/expected/{programs,examples}/X.code.json` holds one object per code
//! object, depth first (module, then nested ones in `co_consts` order), with
//! `code`/`linetable`/`exceptiontable` as lowercase hex and `consts` as
//! `repr()` strings (`"<code QUALNAME>"` for code objects).

mod common;

use std::sync::Arc;

use bytestep::bytecode::constant_repr;
use bytestep::compile::{CodeObject, Constant, compile};
use serde_json::Value;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn strings(items: &[String]) -> Value {
    Value::from(items.to_vec())
}

/// Our code object in the oracle's JSON shape.
fn to_json(code: &CodeObject) -> Value {
    let consts: Vec<String> = code
        .consts
        .iter()
        .map(|c| match c {
            Constant::Code(inner) => format!("<code {}>", inner.qualname),
            other => constant_repr(other),
        })
        .collect();
    serde_json::json!({
        "qualname": code.qualname,
        "name": code.name,
        "filename": code.filename,
        "firstlineno": code.first_line,
        "argcount": code.argcount,
        "posonlyargcount": code.posonlyargcount,
        "kwonlyargcount": code.kwonlyargcount,
        "stacksize": code.stacksize,
        "flags": code.flags,
        "code": hex(&code.code),
        "linetable": hex(&code.linetable),
        "exceptiontable": hex(&code.exceptiontable),
        "names": strings(&code.names),
        "varnames": strings(&code.varnames),
        "cellvars": strings(&code.cellvars),
        "freevars": strings(&code.freevars),
        "consts": consts,
    })
}

const FIELDS: [&str; 17] = [
    "qualname",
    "name",
    "filename",
    "firstlineno",
    "argcount",
    "posonlyargcount",
    "kwonlyargcount",
    "stacksize",
    "flags",
    "code",
    "linetable",
    "exceptiontable",
    "names",
    "varnames",
    "cellvars",
    "freevars",
    "consts",
];

#[test]
fn code_fields_match_cpython() {
    let programs = common::all_programs();
    let mut failures = Vec::new();
    for golden in &programs {
        let expected: Value = serde_json::from_str(&golden.expected("code.json"))
            .unwrap_or_else(|e| panic!("{}: bad JSON: {e}", golden.name));
        let expected = expected.as_array().cloned().unwrap_or_default();
        let filename = golden.filename();
        let module = match compile(&golden.source, &filename) {
            Ok(code) => code,
            Err(error) => {
                failures.push(format!("{filename}: does not compile:\n{error}"));
                continue;
            }
        };
        let ours: Vec<Arc<CodeObject>> = module.walk();
        if ours.len() != expected.len() {
            failures.push(format!(
                "{filename}: {} code objects, CPython has {}",
                ours.len(),
                expected.len()
            ));
        }
        for (code, want) in ours.iter().zip(&expected) {
            let got = to_json(code);
            for field in FIELDS {
                if got.get(field) != want.get(field) {
                    failures.push(format!(
                        "{filename}: {} .{field}:\n  expected: {}\n  actual:   {}",
                        code.qualname,
                        want.get(field).unwrap_or(&Value::Null),
                        got.get(field).unwrap_or(&Value::Null)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences from CPython in {} files:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n")
    );
}
