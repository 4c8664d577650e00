//! Whole frames drawn on ratatui's `TestBackend`, compared with text snapshots
//! in `tests/snapshots/`. `UPDATE_SNAPSHOTS=1 cargo test` rewrites them; a
//! missing snapshot fails (so CI never passes by silently creating one).

mod common;
use std::path::PathBuf;

use bytestep::app::{App, headless, parse_keys};
use bytestep::examples;
use bytestep::session::Session;
use bytestep::ui::theme::Theme;

/// A small program with a call, to see two frames, locals and a borrowed slot.
const CALLS: &str = "def f(x):\n    y = x + 1\n    return y\n\nz = f(1000)\nprint(z)\n";

fn frame(source: &str, filename: &str, keys: &str, width: u16, height: u16) -> String {
    let session = Session::new(source, filename).expect("the program compiles");
    let mut app = App::new(session, Theme::plain());
    app.screen = (width, height);
    headless::play(&mut app, &parse_keys(keys).expect("valid keys"));
    headless::render_text(&app, width, height)
}

fn default_frame(keys: &str, width: u16, height: u16) -> String {
    let example = examples::default_example();
    frame(example.source, &example.filename(), keys, width, height)
}

fn check(name: &str, actual: &str) {
    common::check_snapshot(&format!("{name}.txt"), actual, "tui_snapshots");
}

#[test]
fn default_example_at_start() {
    check("refcount_start_80x24", &default_frame("", 80, 24));
    check("refcount_start_120x40", &default_frame("", 120, 40));
}

#[test]
fn default_example_after_s() {
    check("refcount_s_80x24", &default_frame("s", 80, 24));
    check("refcount_s_120x40", &default_frame("s", 120, 40));
}

#[test]
fn default_example_after_ss() {
    check("refcount_ss_80x24", &default_frame("ss", 80, 24));
    check("refcount_ss_120x40", &default_frame("ss", 120, 40));
}

#[test]
fn mid_line_after_load_name() {
    check("refcount_si_120x40", &default_frame("si", 120, 40));
}

#[test]
fn help_overlay() {
    check("refcount_help_80x24", &default_frame("s?", 80, 24));
    check("refcount_help_120x40", &default_frame("s?", 120, 40));
}

#[test]
fn all_objects() {
    check("refcount_all_120x40", &default_frame("ssa", 120, 40));
}

#[test]
fn referrers_of_the_selected_object() {
    check(
        "refcount_referrers_120x40",
        &default_frame("ss<Tab><CR>", 120, 40),
    );
}

#[test]
fn function_stepped_into_a_call() {
    // Opens at line 1; s: line 5, s: into f at line 2, i: LOAD_FAST_BORROW x.
    check(
        "calls_into_f_80x24",
        &frame(CALLS, "calls.py", "ssi", 80, 24),
    );
    check(
        "calls_into_f_120x40",
        &frame(CALLS, "calls.py", "ssi", 120, 40),
    );
    check(
        "calls_caller_frame_120x40",
        &frame(CALLS, "calls.py", "ssiu", 120, 40),
    );
}

#[test]
fn finished_program() {
    check(
        "calls_finished_120x40",
        &frame(CALLS, "calls.py", "G", 120, 40),
    );
}

#[test]
fn too_small_terminal_says_so() {
    check("refcount_too_small", &default_frame("", 50, 12));
}

#[test]
fn same_keys_same_frame() {
    assert_eq!(
        default_frame("ssiI", 120, 40),
        default_frame("ssiI", 120, 40)
    );
}

fn program(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/programs_tui")
        .join(name);
    std::fs::read_to_string(path).expect("read the program")
}

#[test]
fn every_size_from_the_minimum_to_a_projector() {
    for (width, height) in [(60, 16), (80, 24), (100, 30), (120, 40), (200, 60)] {
        let name = format!("refcount_ss_{width}x{height}");
        check(&name, &default_frame("ss", width, height));
        let text = default_frame("ss", width, height);
        // Refs and marks are never cut: the 'hello' row ends with its marks.
        let row = text
            .lines()
            .find(|l| l.contains("'hello'") && l.contains(" str "))
            .unwrap_or_else(|| panic!("no 'hello' row at {width}x{height}:\n{text}"));
        // Its refs are on the row; its marks on it or, when narrow, under it.
        let cell = row.rsplit('│').nth(1).unwrap_or(row).trim_end();
        assert!(
            cell.ends_with(" 2 +1 const") || cell.ends_with(" 2") && text.contains("+1 const"),
            "{width}x{height}: {row}"
        );
        assert!(
            text.contains("refs"),
            "the refs column header at {width}x{height}"
        );
    }
}

#[test]
fn post_mortem_keeps_the_failing_frame() {
    let source = program("raises.py");
    for (width, height) in [(80, 24), (120, 40)] {
        let text = frame(&source, "raises.py", "G", width, height);
        check(&format!("raises_post_mortem_{width}x{height}"), &text);
        assert!(!text.contains("(no frames)"), "{text}");
        assert!(text.contains("ZeroDivisionError"), "{text}");
    }
    // The whole traceback is on screen, from its first line.
    let text = frame(&source, "raises.py", "G", 120, 40);
    assert!(
        text.contains("Traceback (most recent call last):"),
        "{text}"
    );
    // Stepping back from it works.
    let back = frame(&source, "raises.py", "GI", 120, 40);
    check("raises_back_from_the_end_120x40", &back);
    assert!(back.contains("undid BINARY_OP"), "{back}");
}

#[test]
fn tabs_and_wide_characters_keep_the_borders_in_place() {
    let source = program("tabs_wide.py");
    let text = frame(&source, "tabs_wide.py", "ss", 80, 24);
    check("tabs_wide_80x24", &text);
    assert!(text.contains("  2          x = \"日本\""), "{text}");
    for line in text.lines() {
        let width: usize = line
            .chars()
            .map(|c| {
                if ('\u{3000}'..='\u{9fff}').contains(&c) {
                    2
                } else {
                    1
                }
            })
            .sum();
        assert!(width <= 80, "{width} columns: {line}");
    }
}

#[test]
fn too_small_ignores_every_key_but_quit() {
    let frame_small = default_frame("ssss", 50, 12);
    let later = default_frame("", 120, 40);
    let session =
        Session::new(examples::default_example().source, "refcount.py").expect("compiles");
    let mut app = App::new(session, Theme::plain());
    app.screen = (50, 12);
    headless::play(&mut app, &parse_keys("ssss").expect("keys"));
    assert_eq!(app.session.step_number(), 1, "no key moved while too small");
    assert!(frame_small.contains("needs at least"));
    assert!(later.contains("step 1/11"));
    headless::play(&mut app, &parse_keys("q").expect("keys"));
    assert!(app.quit);
}

#[test]
fn conditional_breakpoint_forward_and_back() {
    let source = program("fact.py");
    let keys = ":b 2 if n <lt> 3<CR>";
    let first = frame(&source, "fact.py", &format!("{keys}c"), 100, 30);
    check("fact_condition_c_100x30", &first);
    assert!(first.contains("local n ─▶ 0x7f3b41a40150 2"), "{first}");
    assert!(first.contains("n < 3 holds"), "{first}");
    let second = frame(&source, "fact.py", &format!("{keys}cc"), 100, 30);
    assert!(second.contains("local n ─▶ 0x7f3b41a40130 1"), "{second}");
    let back = frame(&source, "fact.py", &format!("{keys}ccC"), 100, 30);
    check("fact_condition_ccC_100x30", &back);
    // Back lands exactly where the first `c` stopped.
    let step = |text: &str| {
        text.lines()
            .find(|l| l.starts_with(" step "))
            .and_then(|l| l.split_whitespace().nth(1).map(str::to_owned))
    };
    assert_eq!(step(&back), step(&first));
    check(
        "fact_breakpoints_overlay_80x24",
        &frame(&source, "fact.py", &format!("{keys}B"), 80, 24),
    );
}

#[test]
fn watch_forward_and_back() {
    let forward = default_frame("s<Tab>wc", 100, 30);
    check("refcount_watch_c_100x30", &forward);
    assert!(forward.contains("watched 'hello' changed"), "{forward}");
    assert!(forward.contains("step 4/11"), "{forward}");
    let again = default_frame("s<Tab>wcc", 100, 30);
    assert!(
        again.contains("step 7/11"),
        "the net-zero STORE_NAME b is passed: {again}"
    );
    let back = default_frame("s<Tab>wccC", 100, 30);
    check("refcount_watch_ccC_100x30", &back);
    assert!(back.contains("step 4/11"), "{back}");
}

#[test]
fn the_heap_as_a_picture() {
    let source = program("aliasing.py");
    // After `b = a`: both names' arrows meet on one int, with its count.
    let text = frame(&source, "aliasing.py", "ssv", 100, 30);
    check("aliasing_graph_b_is_a_100x30", &text);
    assert!(text.contains("a    ─┬───▶ int 1000  refs 2"), "{text}");
    assert!(text.contains("b    ─┘"), "{text}");
    // A tuple's items are arrows from the tuple; inside a call, locals too.
    let text = frame(&source, "aliasing.py", "sssssssv", 120, 40);
    check("aliasing_graph_in_f_120x40", &text);
    assert!(text.contains("├[0] ──▶ int 1000  refs 4"), "{text}");
    assert!(text.contains("y in f"), "{text}");
    check(
        "aliasing_graph_80x24",
        &frame(&source, "aliasing.py", "sssv", 80, 24),
    );
}

#[test]
fn the_list_aliasing_example_as_a_picture() {
    let source = program("list_aliasing.py");
    // After `b = a`: both arrows meet on one list, whose items are arrows too.
    let text = frame(&source, "list_aliasing.py", "ssv", 100, 30);
    check("list_aliasing_graph_b_is_a_100x30", &text);
    assert!(text.contains("a    ─┬───▶ list [1, 2]  refs 2"), "{text}");
    assert!(text.contains("b    ─┘"), "{text}");
    assert!(text.contains("├[0] ──▶ int 1"), "{text}");
    // After `b.append(3)`: the one list has a third item, seen through a too.
    let text = frame(&source, "list_aliasing.py", "sssv", 100, 30);
    check("list_aliasing_graph_appended_100x30", &text);
    assert!(
        text.contains("a    ─┬───▶ list [1, 2, 3]  refs 2"),
        "{text}"
    );
    assert!(text.contains("└[2] ──▶ int 3"), "{text}");
}

#[test]
fn at_80x24_arguments_stay_visible_and_jumps_use_labels() {
    let source = program("loop_calls.py");
    let in_f = frame(&source, "loop_calls.py", "sssssss", 80, 24);
    check("loop_calls_in_f_80x24", &in_f);
    assert!(
        in_f.contains("1 (a, b)"),
        "the long opname's argument:\n{in_f}"
    );
    assert!(in_f.contains("0 (+)"), "{in_f}");
    let module = frame(&source, "loop_calls.py", "sssss", 80, 24);
    assert!(module.contains("L1: 28  FOR_ITER"), "{module}");
    assert!(module.contains("(to L2)"), "{module}");
    assert!(!module.contains("(to 4"), "{module}");
    // Immortal marks are whole at 80 columns.
    let ints = frame(&source, "loop_calls.py", "sssss", 80, 24);
    assert!(!ints.contains("∞ im│") && !ints.contains(" im│"), "{ints}");
}

#[test]
fn the_summary_names_a_freed_object_by_its_value_and_keeps_its_address() {
    let source = program("free_big.py");
    for (width, height) in [(80, 24), (120, 40)] {
        // After `x = 5`: the int a billion is freed, named by its value.
        let text = frame(&source, "free_big.py", "sss", width, height);
        let lines: Vec<&str> = text.lines().collect();
        let status: String = lines[lines.len() - 4..lines.len() - 1]
            .iter()
            .flat_map(|l| l.split_whitespace())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            status.contains("freed int 1000000000 (was 0x7f3b40d08070)"),
            "{width}x{height}:\n{text}"
        );
    }
}

#[test]
fn names_stack_and_output_scroll_and_say_more_is_hidden() {
    let source = program("fact.py");
    // Deep in the recursion the names pane has more lines than rows.
    let deep = frame(&source, "fact.py", ":b 3<CR>c", 80, 24);
    assert!(deep.contains("↓ "), "{deep}");
    assert!(deep.contains(" more ┘"), "{deep}");
    // Tab to the names pane and scroll: the first lines give way.
    let scrolled = frame(&source, "fact.py", ":b 3<CR>c<Tab><Tab>jjj", 80, 24);
    check("fact_names_scrolled_80x24", &scrolled);
    assert!(scrolled.contains("↑ 3 more"), "{scrolled}");
}

#[test]
fn recursive_frames_say_which_call_refers() {
    let source = program("fact.py");
    let text = frame(&source, "fact.py", ":b 3<CR>c<Tab>jj<CR>", 120, 40);
    assert!(
        text.contains("local n in fact (call at depth 5, line 2)"),
        "{text}"
    );
}

#[test]
fn the_next_line_is_a_bar_across_the_pane() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;
    let session =
        Session::new(examples::default_example().source, "refcount.py").expect("compiles");
    let mut app = App::new(session, Theme::colour());
    app.screen = (80, 24);
    headless::play(&mut app, &parse_keys("s").expect("keys"));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|frame| bytestep::ui::view(frame, &app.screen()))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    // Line 2 is the third row; its bar reaches the pane's right border.
    let row = 2;
    let border = (1..80)
        .find(|&x| buffer[(x, row)].symbol() == "│")
        .expect("the source pane's right border");
    for x in 1..border {
        assert_eq!(buffer[(x, row)].bg, Color::Yellow, "column {x}");
    }
    assert_ne!(buffer[(1, row + 1)].bg, Color::Yellow, "only the next line");
}

#[test]
fn the_step_limit_note_is_never_cut() {
    let source = program("endless.py");
    let session = Session::new(&source, "endless.py").expect("compiles");
    let mut app = App::new(session, Theme::plain());
    headless::play(&mut app, &parse_keys("c").expect("keys"));
    for (width, height) in [(80, 24), (120, 40)] {
        app.screen = (width, height);
        let text = headless::render_text(&app, width, height);
        let lines: Vec<&str> = text.lines().collect();
        let status = lines[lines.len() - 4..lines.len() - 1]
            .iter()
            .flat_map(|l| l.split_whitespace())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            status.contains("(stopped after 5000000 steps without arriving)"),
            "{width}x{height}:\n{text}"
        );
    }
}

#[test]
fn source_and_bytecode_say_what_is_hidden_and_bytecode_scrolls() {
    let source = program("opcodes_rest.py");
    let text = frame(&source, "opcodes_rest.py", "s", 80, 24);
    assert!(text.contains("↑ 3 more  ↓ 15 more ┘"), "source:\n{text}");
    assert!(text.contains("↑ 2 more  ↓ 33 more ┘"), "bytecode:\n{text}");
    let scrolled = frame(
        &source,
        "opcodes_rest.py",
        "s<Tab><Tab><Tab><Tab><Tab>jjjj",
        80,
        24,
    );
    check("opcodes_rest_bytecode_scrolled_80x24", &scrolled);
    assert!(scrolled.contains("↑ 6 more  ↓ 29 more ┘"), "{scrolled}");
}

#[test]
fn ids_are_short_when_narrow_and_a_shows_them_whole() {
    let narrow = default_frame("ss", 80, 24);
    assert!(narrow.contains("global a ─▶ …04060 'hello'"), "{narrow}");
    let all = default_frame("ssa", 80, 24);
    assert!(all.contains("global a ─▶ 0x7f3b40d04060 'hello'"), "{all}");
    let wide = default_frame("ss", 120, 40);
    assert!(
        wide.contains("global a ─▶ 0x7f3b40d04060 'hello'"),
        "{wide}"
    );
}

#[test]
fn at_the_minimum_size_the_help_comes_in_pages() {
    let first = default_frame("?", 60, 16);
    check("refcount_help_page1_60x16", &first);
    assert!(first.contains("? next page (1/3)"), "{first}");
    let last = default_frame("???", 60, 16);
    assert!(
        last.contains("q C-c quit"),
        "every key is on some page:\n{last}"
    );
    let closed = default_frame("????", 60, 16);
    assert!(!closed.contains("Keys  (any key closes)"), "{closed}");
    // Where it all fits, one `?` shows everything and the next closes it.
    assert!(default_frame("?", 120, 40).contains("q C-c quit"));
    assert!(!default_frame("??", 120, 40).contains("Keys  (any key closes)"));
}

#[test]
fn at_the_minimum_size_popups_fold_and_the_heap_says_where_the_output_is() {
    let referrers = default_frame("ss<Tab><CR>", 60, 16);
    check("refcount_referrers_60x16", &referrers);
    assert!(
        referrers.contains("counted in refs)"),
        "folded, not cut:\n{referrers}"
    );
    let source = program("raises.py");
    let failed = frame(&source, "raises.py", "G", 60, 16);
    assert!(failed.contains("Heap  o: output"), "{failed}");
    let output = frame(&source, "raises.py", "Go", 60, 16);
    assert!(
        output.contains("ZeroDivisionError: division by zero"),
        "{output}"
    );
}

/// A generator suspended at its yield: the heap shows it and what its frame
/// holds; the referrers name the generator's locals.
const GENERATOR: &str = "def holder(item):\n    local = [item, item]\n    yield len(local)\n\n\ndata = [\"x\"]\nh = holder(data)\nprint(next(h))\nprint(\"paused\")\n";

#[test]
fn suspended_generator_and_what_its_frame_holds() {
    check(
        "generator_suspended_120x40",
        &frame(GENERATOR, "gen.py", "sssn", 120, 40),
    );
    check(
        "generator_suspended_referrers_120x40",
        &frame(GENERATOR, "gen.py", "sssn<Tab><Down><CR>", 120, 40),
    );
}

#[test]
fn bytes_and_a_shared_bytearray_in_the_heap_pane() {
    let source = program("bytes_aliasing.py");
    // After `alias.append(33)`: one bytearray, two names, grown in place.
    let text = frame(&source, "bytes_aliasing.py", "ssss", 120, 40);
    check("bytes_aliasing_appended_120x40", &text);
    assert!(text.contains("bytearray(b'hi!')"), "{text}");
    assert!(text.contains("b'hi'"), "{text}");
    let graph = frame(&source, "bytes_aliasing.py", "ssssv", 100, 30);
    check("bytes_aliasing_graph_100x30", &graph);
    assert!(
        graph.contains("bytearray bytearray(b'hi!')  refs 2"),
        "{graph}"
    );
}

#[test]
fn the_output_pane_shows_stderr_where_it_was_written() {
    // A compile-time warning first, then stdout and stderr interleaved, as
    // a terminal shows them.
    let source = "import sys\nprint(\"one\")\nprint(\"warned\", file=sys.stderr)\nprint(\"two\")\npath = \"C:\\data\"\n";
    let text = frame(source, "streams.py", "Go", 100, 30);
    let position = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{text}"))
    };
    let warning = position("streams.py:5: SyntaxWarning: \"\\d\" is an invalid escape");
    assert!(warning < position("one"), "{text}");
    assert!(position("one") < position("warned"), "{text}");
    assert!(position("warned") < position("two"), "{text}");
}
