//! Every raw `co_*` field of every code object against CPython 3.14.2.
//!
//! `tests/expected/{programs,examples}/X.code.json` holds one object per code
//! object, depth first (module, then nested ones in `co_consts` order), with
//! `code`/`linetable`/`exceptiontable` as lowercase hex and `consts` as
//! `repr()` strings (`"<code QUALNAME>"` for code objects).

use std::fs;
use std::path::{Path, PathBuf};
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

fn expected_files() -> Vec<(PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pairs = Vec::new();
    for (kind, sources) in [
        ("programs", "tests/programs"),
        ("examples", "assets/examples"),
    ] {
        let Ok(dir) = fs::read_dir(root.join("tests/expected").join(kind)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for file in files {
            let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if let Some(stem) = name.strip_suffix(".code.json") {
                pairs.push((file.clone(), root.join(sources).join(format!("{stem}.py"))));
            }
        }
    }
    pairs
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
    let pairs = expected_files();
    assert!(
        !pairs.is_empty(),
        "no tests/expected/{{programs,examples}}/*.code.json found: nothing was compared"
    );
    let mut failures = Vec::new();
    for (expected_path, source_path) in &pairs {
        let text = fs::read_to_string(expected_path).expect("expected file is readable");
        let expected: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: bad JSON: {e}", expected_path.display()));
        let expected = expected.as_array().cloned().unwrap_or_default();
        let source = fs::read_to_string(source_path)
            .unwrap_or_else(|e| panic!("{}: {e}", source_path.display()));
        let filename = source_path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let module = match compile(&source, filename) {
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
        pairs.len(),
        failures.join("\n")
    );
}
