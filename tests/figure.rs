//! `bytestep figure`: the lecture's examples drawn as Mermaid, `pyObject`
//! tables (Markdown, HTML), SVG and text, compared with snapshots in
//! `tests/snapshots/figures/` (`UPDATE_SNAPSHOTS=1` rewrites them); the
//! refcount diagrams say what the lecture's say; the SVG is well-formed.

mod common;
use std::process::Command;

use bytestep::commands::{self, Program};
use bytestep::examples::{self, EXAMPLES};
use bytestep::figure::{At, Format};

const BIN: &str = env!("CARGO_BIN_EXE_bytestep");

fn program(name: &str) -> Program {
    let example = examples::find(name).expect("a built-in example");
    Program {
        filename: example.filename(),
        source: example.source.to_owned(),
    }
}

fn figure(program: &Program, at: At, format: Format) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = commands::figure(program, at, format, &mut out, &mut err).expect("writes");
    assert_eq!(status, 0, "{}", String::from_utf8_lossy(&err));
    String::from_utf8(out).expect("utf-8")
}

fn check(name: &str, actual: &str) {
    common::check_snapshot(&format!("figures/{name}"), actual, "figure");
}

#[test]
fn every_example_at_its_end_in_every_format_matches_its_snapshot() {
    for example in EXAMPLES {
        let program = program(example.name);
        for format in Format::ALL {
            let text = figure(&program, At::End, format);
            check(
                &format!("{}-end.{}", example.name, format.extension()),
                &text,
            );
        }
    }
}

#[test]
fn the_refcount_story_line_by_line_matches_its_snapshots() {
    let program = program("refcount");
    for line in 1..=4 {
        for format in [Format::Text, Format::Mermaid, Format::Markdown] {
            let text = figure(&program, At::AfterLine(line), format);
            check(
                &format!("refcount-line{line}.{}", format.extension()),
                &text,
            );
        }
    }
}

/// The node id Mermaid's arrow from a name goes to: `v0_1 -- 0x… ---> o0`.
fn arrow_target<'a>(mermaid: &'a str, name: &str) -> (&'a str, &'a str) {
    let node = mermaid
        .lines()
        .find_map(|line| {
            let line = line.trim();
            let (node, label) = line.split_once('[')?;
            (label == format!("\"{name}\"]")).then_some(node)
        })
        .unwrap_or_else(|| panic!("no node for {name} in\n{mermaid}"));
    mermaid
        .lines()
        .find_map(|line| {
            let rest = line.trim().strip_prefix(node)?.strip_prefix(" -- ")?;
            let (id, target) = rest.split_once(" ---> ")?;
            Some((id, target))
        })
        .unwrap_or_else(|| panic!("no arrow from {name} in\n{mermaid}"))
}

/// The label of an object node: `o0["'hello'<br/>str · refs 2 +1"]`.
fn node_label<'a>(mermaid: &'a str, node: &str) -> &'a str {
    mermaid
        .lines()
        .find_map(|line| line.trim().strip_prefix(&format!("{node}[\"")))
        .unwrap_or_else(|| panic!("no node {node} in\n{mermaid}"))
}

#[test]
fn after_line_2_a_and_b_point_at_the_same_hello_as_in_the_lecture() {
    let mermaid = figure(&program("refcount"), At::AfterLine(2), Format::Mermaid);
    assert!(mermaid.starts_with("flowchart LR;"));
    let (a_id, a_target) = arrow_target(&mermaid, "a");
    let (b_id, b_target) = arrow_target(&mermaid, "b");
    assert_eq!(a_target, b_target, "a and b point at one object\n{mermaid}");
    assert_eq!(a_id, b_id, "the arrows carry the same id");
    assert!(a_id.starts_with("0x"), "{a_id}");
    let label = node_label(&mermaid, a_target);
    assert!(label.starts_with("'hello'<br/>str · refs 2 +1"), "{label}");
    // b = a made the count go up: the object is marked as changed.
    assert!(
        mermaid.contains(&format!("class {a_target} changed;")),
        "{mermaid}"
    );
}

#[test]
fn after_line_3_the_lecture_slips_but_the_figure_does_not() {
    // The lecture's text says b points to the new object; its diagram (and
    // CPython) say a does: a = "world" rebinds a, b still holds 'hello'.
    let mermaid = figure(&program("refcount"), At::AfterLine(3), Format::Mermaid);
    let (_, a_target) = arrow_target(&mermaid, "a");
    let (_, b_target) = arrow_target(&mermaid, "b");
    assert!(node_label(&mermaid, a_target).starts_with("'world'<br/>str · refs 1"));
    assert!(node_label(&mermaid, b_target).starts_with("'hello'<br/>str · refs 1 −1"));
}

#[test]
fn after_line_4_hello_has_no_names_and_is_kept_alive_by_constants() {
    let text = figure(&program("refcount"), At::AfterLine(4), Format::Text);
    assert!(text.contains("'hello' 0    −1"), "{text}");
    assert!(
        text.contains("has 0 refs, kept alive by <module> constants"),
        "{text}"
    );
    let mermaid = figure(&program("refcount"), At::AfterLine(4), Format::Mermaid);
    let (_, a_target) = arrow_target(&mermaid, "a");
    let (_, b_target) = arrow_target(&mermaid, "b");
    assert_eq!(a_target, b_target);
    assert!(mermaid.contains("'hello'<br/>str · refs 0 −1"), "{mermaid}");
}

#[test]
fn svg_is_well_formed_and_has_the_same_labels() {
    let program = program("refcount");
    for line in 1..=4 {
        let svg = figure(&program, At::AfterLine(line), Format::Svg);
        let document = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("line {line}: not well-formed: {e}\n{svg}"));
        assert_eq!(document.root_element().tag_name().name(), "svg");
        let texts: Vec<&str> = document
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        let text = figure(&program, At::AfterLine(line), Format::Text);
        // Every name and every object's id, value and refs of the text figure.
        for label in ["global names", "a"] {
            assert!(
                texts.contains(&label),
                "line {line}: {label} missing in {texts:?}"
            );
        }
        for row in text
            .lines()
            .filter(|l| l.trim_start().starts_with("0x7f") && !l.contains("kept"))
        {
            let cells: Vec<&str> = row.split_whitespace().collect();
            let (id, value) = (cells[0], cells[2]);
            assert!(
                texts.iter().any(|t| t.contains(id)),
                "line {line}: {id} missing"
            );
            assert!(
                texts.contains(&value),
                "line {line}: {value} missing in {texts:?}"
            );
            assert!(
                texts
                    .iter()
                    .any(|t| t.starts_with(&format!("refs {}", cells[3]))),
                "line {line}: refs {} missing in {texts:?}",
                cells[3]
            );
        }
    }
}

#[test]
fn tuples_draw_an_arrow_per_item() {
    let program = Program {
        filename: "items.py".into(),
        source: "a = 'hello'\nt = (a, 1000, (2, a))\nb = t\n".into(),
    };
    let text = figure(&program, At::AfterLine(3), Format::Text);
    check("items-line3.txt", &text);
    let mermaid = figure(&program, At::AfterLine(3), Format::Mermaid);
    check("items-line3.mmd", &mermaid);
    let items = mermaid.lines().filter(|l| l.contains("-- \"[")).count();
    assert_eq!(
        items, 5,
        "three items of t, two of the inner tuple\n{mermaid}"
    );
    let svg = figure(&program, At::AfterLine(3), Format::Svg);
    roxmltree::Document::parse(&svg).expect("well-formed");
}

#[test]
fn lists_alias_in_the_figure_as_in_the_lecture() {
    let program = Program {
        filename: "list_aliasing.py".into(),
        source: "a = [1, 2]\nb = a\nb.append(3)\n".into(),
    };
    let mermaid = figure(&program, At::AfterLine(3), Format::Mermaid);
    check("list_aliasing-line3.mmd", &mermaid);
    let (_, a_target) = arrow_target(&mermaid, "a");
    let (_, b_target) = arrow_target(&mermaid, "b");
    assert_eq!(a_target, b_target, "one list\n{mermaid}");
    assert!(node_label(&mermaid, a_target).starts_with("[1, 2, 3]<br/>list · refs 2"));
    let items = mermaid.lines().filter(|l| l.contains("-- \"[")).count();
    assert_eq!(items, 3, "{mermaid}");
}

#[test]
fn figure_command_writes_files_by_extension_and_refuses_lines_that_never_run() {
    let dir = std::env::temp_dir().join(format!("bytestep-figure-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let svg = dir.join("story.svg");
    let status = Command::new(BIN)
        .args(["figure", "--line", "2", "-o"])
        .arg(&svg)
        .status()
        .expect("run");
    assert!(status.success());
    let written = std::fs::read_to_string(&svg).expect("written");
    assert!(written.starts_with("<svg"), "{written}");
    let output = Command::new(BIN)
        .args(["figure", "--line", "40"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 40 never runs"), "{stderr}");
    let output = Command::new(BIN)
        .args(["figure", "--step", "99999"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("before step 99999"));
}

#[test]
fn x_in_the_tui_writes_the_figure_of_the_current_stop() {
    let dir = std::env::temp_dir().join(format!("bytestep-x-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    let output = Command::new(BIN)
        .args(["--keys", "sssx", "--size", "120x40", "--dump"])
        .current_dir(&dir)
        .output()
        .expect("run");
    assert!(output.status.success());
    let frame = String::from_utf8_lossy(&output.stdout);
    let step: u64 = frame
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("step "))
        .and_then(|rest| rest.split('/').next())
        .and_then(|n| n.parse().ok())
        .expect("a step number on the status line");
    let markdown = dir.join(format!("refcount-step{step}.md"));
    assert!(
        frame.contains(&format!("wrote refcount-step{step}.md")),
        "{frame}"
    );
    let text = std::fs::read_to_string(&markdown).expect("the Markdown figure");
    assert!(
        text.contains("```mermaid") && text.contains("| pyObject | |"),
        "{text}"
    );
    let svg = std::fs::read_to_string(dir.join(format!("refcount-step{step}.svg"))).expect("svg");
    roxmltree::Document::parse(&svg).expect("well-formed");
}

#[test]
fn a_suspended_generator_draws_arrows_to_what_its_frame_holds() {
    let program = Program {
        filename: "gen.py".into(),
        source: "def holder(item):\n    local = [item]\n    yield 1\n\n\ndata = ['x']\nh = holder(data)\nnext(h)\nprint('stop')\n"
            .into(),
    };
    let text = figure(&program, At::AfterLine(8), Format::Text);
    assert!(text.contains("generator"), "{text}");
    assert!(text.contains(" local item ─▶ "), "{text}");
    assert!(text.contains(" local local ─▶ "), "{text}");
}
