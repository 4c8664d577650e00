//! `bytecode::dis` against real CPython 3.14.2 `dis.dis()` output.
//!
//! For every `tests/expected/{programs,examples}/X.dis` (made by CPython from
//! `tests/programs/X.py` or `assets/examples/X.py`, compiled with filename
//! `X.py`), our text must be identical once code object addresses are masked.

mod common;

use bytestep::bytecode::dis;
use bytestep::compile::compile;

/// Replaces every `at 0x<hex>` by `at 0x?`: addresses differ run to run.
fn mask_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("at 0x") {
        out.push_str(&rest[..at + 5]);
        rest = &rest[at + 5..];
        let hex_len = rest
            .find(|c: char| !c.is_ascii_hexdigit() || c.is_ascii_uppercase())
            .unwrap_or(rest.len());
        if hex_len > 0 {
            out.push('?');
        }
        rest = &rest[hex_len..];
    }
    out.push_str(rest);
    out
}

#[test]
fn dis_matches_cpython() {
    let programs = common::all_programs();
    let mut failures = Vec::new();
    for golden in &programs {
        let expected = golden.expected("dis");
        let filename = golden.filename();
        let actual = match compile(&golden.source, &filename) {
            Ok(code) => dis(&code),
            Err(error) => {
                failures.push(format!("{filename}: does not compile:\n{error}"));
                continue;
            }
        };
        let (expected, actual) = (mask_addresses(&expected), mask_addresses(&actual));
        if expected != actual {
            failures.push(format!(
                "{filename}: {}",
                common::first_difference(&actual, &expected)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} disassemblies differ from CPython:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n")
    );
}

#[test]
fn masking_hides_only_addresses() {
    assert_eq!(
        mask_addresses("<code object f at 0x7f12ab, file \"x.py\", line 1>"),
        "<code object f at 0x?, file \"x.py\", line 1>"
    );
    assert_eq!(mask_addresses("look at 0xZ"), "look at 0xZ");
}
