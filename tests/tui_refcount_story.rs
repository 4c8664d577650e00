//! The lecture's story, told by the real binary's `--dump` frames: names
//! point at objects, counts go 1, 2, 1, 0, a constant at 0 says why it lives
//! on, and a freed int's id is reused by the next int.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_bytestep");

fn dump(file: &str, keys: &str) -> String {
    let output = Command::new(BIN)
        .args([file, "--keys", keys, "--size", "120x40", "--dump"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run bytestep");
    assert!(
        output.status.success(),
        "bytestep {file} --keys {keys} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 frame")
}

/// A heap row: `0x7f… type value refs marks…`.
#[derive(Debug, Clone, PartialEq)]
struct HeapRow {
    id: String,
    type_name: String,
    value: String,
    refs: String,
    marks: Vec<String>,
}

/// The pane cells of a frame: the text between the `│` borders.
fn cells(frame: &str) -> Vec<String> {
    frame
        .lines()
        .flat_map(|line| line.split('│').map(|c| c.trim().to_owned()))
        .filter(|c| !c.is_empty())
        .collect()
}

/// Heap rows are the cells that start with an id; stack rows start with `[n]`
/// and names with `global`/`local`, so they are not mistaken for them.
fn heap_rows(frame: &str) -> Vec<HeapRow> {
    cells(frame)
        .iter()
        .filter_map(|cell| {
            let tokens: Vec<&str> = cell.split_whitespace().collect();
            if tokens.len() < 4 || !tokens[0].starts_with("0x") {
                return None;
            }
            Some(HeapRow {
                id: tokens[0].to_owned(),
                type_name: tokens[1].to_owned(),
                value: tokens[2].to_owned(),
                refs: tokens[3].to_owned(),
                marks: tokens[4..].iter().map(|t| t.to_string()).collect(),
            })
        })
        .collect()
}

fn heap_row(frame: &str, value: &str) -> HeapRow {
    heap_rows(frame)
        .into_iter()
        .find(|row| row.value == value)
        .unwrap_or_else(|| panic!("no heap row for {value} in\n{frame}"))
}

/// `global a ─▶ 0x7f…`: the id a name points at.
fn name_target(frame: &str, name: &str) -> String {
    let prefix = format!("{name} ─▶ ");
    cells(frame)
        .iter()
        .find_map(|cell| {
            cell.strip_prefix(&prefix)
                .and_then(|rest| rest.split_whitespace().next())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| panic!("no arrow for {name} in\n{frame}"))
}

/// The status area: the lines between the panes' bottom border and the key line.
fn status_line(frame: &str) -> String {
    let lines: Vec<&str> = frame.lines().collect();
    let bottom = lines
        .iter()
        .rposition(|l| l.contains('┘'))
        .expect("a pane border");
    lines[bottom + 1..lines.len() - 1].join("\n")
}

#[test]
fn refcount_lines_one_to_four() {
    let file = "assets/examples/refcount.py";
    // The debugger opens at line 1 before it runs; each `s` runs one line.
    let after = |lines: usize| dump(file, &"s".repeat(lines));

    let line1 = after(1);
    let hello = heap_row(&line1, "'hello'");
    assert_eq!(hello.refs, "1");
    assert_eq!(name_target(&line1, "global a"), hello.id);

    let line2 = after(2);
    assert_eq!(heap_row(&line2, "'hello'").refs, "2");
    assert_eq!(name_target(&line2, "global a"), hello.id);
    assert_eq!(name_target(&line2, "global b"), hello.id);

    let line3 = after(3);
    assert_eq!(heap_row(&line3, "'hello'").refs, "1");
    let world = heap_row(&line3, "'world'");
    assert_eq!(world.refs, "1");
    assert_ne!(world.id, hello.id);
    assert_eq!(name_target(&line3, "global a"), world.id);
    assert_eq!(name_target(&line3, "global b"), hello.id);

    let line4 = after(4);
    let hello_at_0 = heap_row(&line4, "'hello'");
    assert_eq!(hello_at_0.refs, "0");
    assert!(
        hello_at_0.marks.contains(&"const".to_owned()),
        "{hello_at_0:?}"
    );
    assert!(!hello_at_0.marks.contains(&"freed".to_owned()));
    assert!(
        line4.contains("0 refs, kept alive by <module> constants"),
        "the reason 'hello' lives on is on screen:\n{line4}"
    );
    assert_eq!(heap_row(&line4, "'world'").refs, "2");
    assert_eq!(name_target(&line4, "global a"), world.id);
    assert_eq!(name_target(&line4, "global b"), world.id);
}

#[test]
fn load_name_pushes_hello_and_counts_it() {
    // Line 1 run, then one instruction of line 2: LOAD_NAME a.
    let frame = dump("assets/examples/refcount.py", "si");
    let hello = heap_row(&frame, "'hello'");
    assert_eq!(hello.refs, "2");
    assert!(hello.marks.contains(&"+1".to_owned()), "{hello:?}");
    let stack_slot = cells(&frame)
        .into_iter()
        .find(|c| c.starts_with("[0] "))
        .unwrap_or_else(|| panic!("no stack slot in\n{frame}"));
    assert!(stack_slot.contains(&hello.id), "{stack_slot}");
    assert!(stack_slot.contains("'hello'"), "{stack_slot}");
    assert!(
        status_line(&frame).contains("LOAD_NAME"),
        "{}",
        status_line(&frame)
    );
}

#[test]
fn a_freed_int_is_shown_freed_and_its_id_reused() {
    let file = "assets/examples/small_ints.py";
    let source =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
            .expect("read example");
    let last_line = source
        .lines()
        .position(|l| l.contains("id(n * 1000000) == id(n * 1000000)"))
        .expect("the id-reuse line")
        + 1;
    let on_last_line = |frame: &str| status_line(frame).contains(&format!("line {last_line} "));
    // Find the first step on the last line.
    let end = dump(file, "G");
    let total: usize = status_line(&end)
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.split('/').next())
        .and_then(|n| n.parse().ok())
        .expect("step number");
    let mut previous: Option<String> = None;
    let mut freed: Option<(usize, String)> = None;
    let mut reused = false;
    for step in 1..=total {
        let frame = dump(file, &"i".repeat(step));
        if !on_last_line(&frame) && freed.is_none() {
            previous = Some(frame);
            continue;
        }
        let rows = heap_rows(&frame);
        match &freed {
            None => {
                if let Some(row) = rows.iter().find(|r| {
                    r.type_name == "int"
                        && r.value == "1000000000"
                        && r.marks.contains(&"freed".to_owned())
                }) {
                    // At the step before, the same block held a live int.
                    let before = previous.as_deref().expect("a step before");
                    let was = heap_rows(before)
                        .into_iter()
                        .find(|r| r.id == row.id)
                        .unwrap_or_else(|| panic!("{} not shown before\n{before}", row.id));
                    assert!(!was.marks.contains(&"freed".to_owned()), "{was:?}");
                    assert_eq!(was.refs, "1", "{was:?}");
                    freed = Some((step, row.id.clone()));
                }
            }
            Some((_, id)) => {
                if let Some(row) = rows.iter().find(|r| &r.id == id)
                    && row.marks.contains(&"new".to_owned())
                    && row.refs != "-"
                {
                    assert_eq!(row.type_name, "int");
                    assert_eq!(row.value, "1000000000");
                    reused = true;
                    break;
                }
            }
        }
        previous = Some(frame);
    }
    let (step, id) = freed.expect("an int shown freed on the last line");
    assert!(
        reused,
        "the block {id} freed at step {step} is reused by the next int"
    );
}
