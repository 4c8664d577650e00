//! `update(app, action)`: the only place the view state and the session change.

use super::{Action, App, Focus};

/// `x`: the current stop as `NAME-stepN.md` and `.svg` in `app.figure_dir`
/// (the current directory).
fn export_figure(app: &mut App) {
    let step = app.session.step_number();
    let heading = match app.current_line() {
        Some(line) => format!(
            "{} at step {step}, line {line}",
            app.session.vm().filename()
        ),
        None => format!("{} at step {step}", app.session.vm().filename()),
    };
    let picture = crate::figure::Picture::of(&app.session, heading);
    app.message = Some(
        match crate::figure::export(&picture, app.session.vm().filename(), step, &app.figure_dir) {
            Ok(paths) => {
                let names: Vec<String> = paths
                    .iter()
                    .map(|p| p.strip_prefix(".").unwrap_or(p).display().to_string())
                    .collect();
                format!("wrote {}", names.join(", "))
            }
            Err(error) => format!("could not write the figure: {error}"),
        },
    );
}

/// Carry out one action.
pub fn update(app: &mut App, action: Action) {
    app.message = None;
    match action {
        Action::StepInstruction => travel(app, |s| s.step_instruction()),
        Action::BackInstruction => travel(app, |s| s.back_instruction()),
        Action::StepLine => travel(app, |s| s.step_line()),
        Action::BackLine => travel(app, |s| s.back_line()),
        Action::NextLine => travel(app, |s| s.next_line()),
        Action::BackNext => travel(app, |s| s.back_next()),
        Action::Finish => travel(app, |s| s.finish()),
        Action::BackOut => travel(app, |s| s.back_out()),
        Action::Continue => travel(app, |s| s.continue_running()),
        Action::ReverseContinue => travel(app, |s| s.reverse_continue()),
        Action::RunToCursor => {
            let line = app.cursor_line;
            if app.session.has_code(line) {
                travel(app, move |s| s.run_to_line(line));
            } else {
                app.message = Some(format!("line {line} has no code to run to"));
            }
        }
        Action::GoToStart => travel(app, |s| s.go_to_start()),
        Action::GoToEnd => travel(app, |s| s.go_to_end()),
        Action::GoToPrompt => app.prompt = Some(String::new()),
        Action::PromptChar(c) => {
            if let Some(prompt) = &mut app.prompt
                && prompt.chars().count() < 200
            {
                prompt.push(c);
            }
        }
        Action::PromptBackspace => {
            if let Some(prompt) = &mut app.prompt {
                prompt.pop();
            }
        }
        Action::PromptSubmit => {
            let typed = app.prompt.take().unwrap_or_default();
            command(app, typed.trim());
        }
        Action::ToggleWatch => {
            let rows = crate::ui::heap::rows(&app.screen());
            match rows.get(app.heap_selected) {
                Some(row) if row.id.is_some() => {
                    let (address, value) = (row.address, row.value.clone());
                    app.message = Some(if app.session.toggle_watch(address) {
                        format!("watching {value}: c and C stop where its count changes")
                    } else {
                        format!("no longer watching {value}")
                    });
                }
                _ => app.message = Some("select a live heap object to watch (Tab, ↑/↓)".into()),
            }
        }
        Action::ShowBreakpoints => app.show_breakpoints = !app.show_breakpoints,
        Action::ToggleBreakpoint => {
            let line = app.cursor_line;
            if app.session.has_code(line) || app.session.breakpoints().contains(&line) {
                app.session.toggle_breakpoint(line);
            } else {
                app.message = Some(format!("line {line} has no code: no breakpoint there"));
            }
        }
        Action::MoveUp => move_selection(app, -1),
        Action::MoveDown => move_selection(app, 1),
        Action::FocusNext => app.focus = app.focus.next(),
        Action::OutputFull => app.output_full = !app.output_full,
        Action::ToggleHeapGraph => {
            app.heap_graph = !app.heap_graph;
            app.scroll.graph = 0;
        }
        Action::ToggleOutputPane => app.output_hidden = !app.output_hidden,
        Action::FrameUp => {
            let count = app.session.vm().frames().len();
            if app.frame_up + 1 < count {
                app.frame_up += 1;
                app.follow_current_line();
            } else {
                app.message = Some("already at the outermost frame".into());
            }
        }
        Action::FrameDown => {
            if app.frame_up > 0 {
                app.frame_up -= 1;
                app.follow_current_line();
            } else {
                app.message = Some("already at the innermost frame".into());
            }
        }
        Action::ToggleAllObjects => {
            let selected = selected_address(app);
            app.show_all = !app.show_all;
            reselect(app, selected);
        }
        Action::ShowReferrers => {
            app.show_referrers = !app.show_referrers;
            app.referrers_of = None;
            if app.show_referrers {
                app.focus = Focus::Heap;
                app.referrers_of = selected_address(app);
            }
        }
        Action::Close => {
            app.output_full = false;
            app.show_breakpoints = false;
            app.show_help = false;
            app.show_referrers = false;
            app.prompt = None;
        }
        Action::ExportFigure => export_figure(app),
        Action::Help => {
            // On a small screen `?` turns the help's pages, then closes it.
            let (width, height) = app.screen;
            let area = ratatui::layout::Rect::new(0, 0, width, height);
            let (_, _, pages) = crate::ui::help::pages(&app.screen(), area);
            if !app.show_help {
                app.show_help = true;
                app.help_page = 0;
            } else if app.help_page + 1 < pages {
                app.help_page += 1;
            } else {
                app.show_help = false;
            }
        }
        Action::Quit => app.quit = true,
    }
}

/// What the `:` prompt understands: `N` (go to step N), `b N` (breakpoint
/// on line N), `b N if COND` (stop there only when COND holds), `clear N`.
fn command(app: &mut App, typed: &str) {
    if let Ok(target) = typed.parse::<u64>() {
        travel(app, move |s| s.go_to(target));
        return;
    }
    let (verb, rest) = typed.split_once(' ').unwrap_or((typed, ""));
    let (line_text, condition) = match rest.split_once(" if ") {
        Some((line, condition)) => (line.trim(), Some(condition.trim())),
        None => (rest.trim(), None),
    };
    let line = line_text.parse::<u32>().ok();
    app.message = Some(match (verb, line) {
        ("b" | "break", Some(line)) if !app.session.has_code(line) => {
            format!("line {line} has no code: no breakpoint there")
        }
        ("b" | "break", Some(line)) => {
            match condition
                .map(crate::condition::Condition::parse)
                .transpose()
            {
                Ok(condition) => {
                    let said = condition
                        .as_ref()
                        .map(|c| format!(" if {}", c.text))
                        .unwrap_or_default();
                    app.session.set_breakpoint(line, condition);
                    format!("breakpoint on line {line}{said}")
                }
                Err(error) => error,
            }
        }
        ("clear", Some(line)) => {
            if app.session.breakpoints().contains(&line) {
                app.session.toggle_breakpoint(line);
            }
            format!("no breakpoint on line {line}")
        }
        _ => "type a step number, `b LINE`, `b LINE if CONDITION` or `clear LINE`".into(),
    });
}

/// Move in time: run a session command, then show the innermost frame at its
/// line; the heap keeps the same object selected while it is shown.
fn travel(app: &mut App, command: impl FnOnce(&mut crate::session::Session)) {
    let selected = selected_address(app);
    command(&mut app.session);
    app.frame_up = 0;
    app.scroll.bytecode = 0;
    app.follow_current_line();
    reselect(app, selected);
}

/// The address of the selected heap row.
fn selected_address(app: &App) -> Option<u64> {
    crate::ui::heap::rows(&app.screen())
        .get(app.heap_selected)
        .map(|row| row.address)
}

/// Select the row of `address` again if it is shown, else stay in range.
fn reselect(app: &mut App, address: Option<u64>) {
    let rows = crate::ui::heap::rows(&app.screen());
    if let Some(index) = address.and_then(|a| rows.iter().position(|r| r.address == a)) {
        app.heap_selected = index;
    }
    clamp_heap_selection(app);
}

fn move_selection(app: &mut App, by: i64) {
    match app.focus {
        Focus::Source => {
            let lines = app.session.vm().source().lines().count().max(1) as i64;
            let line = (app.cursor_line as i64 + by).clamp(1, lines);
            app.cursor_line = line as u32;
        }
        Focus::Heap if app.heap_graph => {
            let most = crate::ui::graph::lines(&app.screen(), 200).len();
            app.scroll.graph = step_by(app.scroll.graph, by, most);
        }
        Focus::Heap => {
            let rows = crate::ui::heap::rows(&app.screen()).len() as i64;
            let selected = (app.heap_selected as i64 + by).clamp(0, (rows - 1).max(0));
            app.heap_selected = selected as usize;
            if app.show_referrers {
                app.referrers_of = selected_address(app);
            }
        }
        // The panes clamp these to what they hold when they draw.
        Focus::Bytecode => {
            let most = app
                .screen()
                .marked_instruction()
                .map_or(0, |(frame, _)| frame.code.instrs.len() as i64);
            app.scroll.bytecode = (app.scroll.bytecode + by).clamp(-most, most);
        }
        Focus::Names => {
            let most = crate::ui::names::lines(&app.screen()).len();
            app.scroll.names = step_by(app.scroll.names, by, most);
        }
        Focus::Stack => {
            let most = crate::ui::stack::lines(&app.screen()).len();
            app.scroll.stack = step_by(app.scroll.stack, by, most);
        }
        Focus::Output => {
            let most = crate::ui::output::lines(&app.screen()).len();
            app.scroll.output_from_end = step_by(app.scroll.output_from_end, -by, most);
        }
    }
}

/// `value + by`, kept within the `lines` a pane holds (the pane clamps
/// further to its height when it draws).
fn step_by(value: usize, by: i64, lines: usize) -> usize {
    (value as i64 + by).clamp(0, lines.saturating_sub(1) as i64) as usize
}

fn clamp_heap_selection(app: &mut App) {
    let rows = crate::ui::heap::rows(&app.screen()).len();
    app.heap_selected = app.heap_selected.min(rows.saturating_sub(1));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::parse_keys;
    use crate::session::Session;
    use crate::ui::theme::Theme;

    const CALLS: &str = "def f(x):\n    y = x + 1\n    return y\nz = f(1)\nprint(z)\n";

    fn app(source: &str) -> App {
        let session = Session::new(source, "t.py").expect("compiles");
        App::new(session, Theme::plain())
    }

    fn play(app: &mut App, keys: &str) {
        for key in parse_keys(keys).expect("valid keys") {
            app.press(key);
        }
    }

    #[test]
    fn clicks_focus_a_pane_and_the_wheel_moves_in_it() {
        let mut app = app(CALLS);
        let screen = ratatui::layout::Rect::new(0, 0, 120, 40);
        let areas = crate::ui::layout(screen, 1);
        app.mouse(screen, areas.heap.x + 2, areas.heap.y + 2, 0);
        assert_eq!(app.focus, Focus::Heap);
        app.mouse(screen, areas.source.x + 2, areas.source.y + 2, 1);
        assert_eq!(app.focus, Focus::Source);
        assert_eq!(app.cursor_line, 2, "the wheel moved the source cursor down");
        app.mouse(screen, areas.source.x + 2, areas.source.y + 2, -1);
        assert_eq!(app.cursor_line, 1);
        app.mouse(screen, areas.status.x, areas.status.y, 0);
        assert_eq!(app.focus, Focus::Source, "the status line is not a pane");
    }

    #[test]
    fn stepping_moves_the_cursor_to_the_current_line() {
        let mut app = app(CALLS);
        play(&mut app, "s");
        assert_eq!(app.cursor_line, 4);
        play(&mut app, "s");
        assert_eq!(app.cursor_line, 2, "stepped into f");
        play(&mut app, "u");
        assert_eq!(app.cursor_line, 4, "the caller's line");
        play(&mut app, "d");
        assert_eq!(app.cursor_line, 2);
    }

    #[test]
    fn prompt_goes_to_a_step_and_escape_cancels() {
        let mut app = app(CALLS);
        play(&mut app, ":5<CR>");
        assert_eq!(app.session.step_number(), 5);
        assert!(app.prompt.is_none());
        play(&mut app, ":3<Esc>");
        assert_eq!(app.session.step_number(), 5);
        play(&mut app, ":<CR>");
        assert!(app.message.is_some());
    }

    #[test]
    fn breakpoint_on_cursor_line_and_continue() {
        let mut app = app(CALLS);
        play(&mut app, "jjjjb");
        assert!(app.session.breakpoints().contains(&5));
        play(&mut app, "c");
        assert_eq!(app.cursor_line, 5);
        play(&mut app, "b");
        assert!(app.session.breakpoints().is_empty());
    }

    #[test]
    fn run_to_cursor_and_back() {
        let mut app = app(CALLS);
        play(&mut app, "jt");
        assert_eq!(app.current_line(), Some(2));
        play(&mut app, "F");
        assert_eq!(app.session.vm().frames().len(), 1);
        play(&mut app, "g");
        assert_eq!(
            app.session.step_number(),
            1,
            "the opening stop, after RESUME"
        );
    }

    #[test]
    fn help_closes_on_any_key_and_quit_quits() {
        let mut app = app(CALLS);
        play(&mut app, "?");
        assert!(app.show_help);
        play(&mut app, "s");
        assert!(!app.show_help);
        assert_eq!(app.session.step_number(), 1, "the key only closed the help");
        play(&mut app, "q");
        assert!(app.quit);
    }

    #[test]
    fn heap_selection_stays_in_range() {
        let mut app = app(CALLS);
        play(&mut app, "ss<Tab>kkkkjjjjjjjjjjjjjjjjjjjj");
        let rows = crate::ui::heap::rows(&app.screen()).len();
        assert!(app.heap_selected < rows.max(1));
        play(&mut app, "a");
        play(&mut app, "<CR>");
        assert!(app.show_referrers);
    }

    #[test]
    fn blank_lines_take_no_breakpoint_and_no_run_to() {
        let mut app = app("x = 1\n\ny = 2\n");
        play(&mut app, "jb");
        assert!(app.session.breakpoints().is_empty(), "line 2 is blank");
        assert!(
            app.message
                .as_deref()
                .is_some_and(|m| m.contains("no code"))
        );
        let before = app.session.step_number();
        play(&mut app, "t");
        assert_eq!(app.session.step_number(), before, "t on a blank line stays");
        assert!(app.message.is_some());
    }

    #[test]
    fn the_referrers_popup_follows_the_object() {
        let mut app = app(CALLS);
        play(&mut app, "s<Tab><CR>");
        let (title, _) = crate::ui::heap::referrer_lines(&app.screen());
        play(&mut app, "a");
        let (after, _) = crate::ui::heap::referrer_lines(&app.screen());
        assert_eq!(title, after, "`a` changes the rows, not the object");
    }

    #[test]
    fn tab_reaches_the_scrolling_panes() {
        let mut app = app(CALLS);
        play(&mut app, "<Tab><Tab>");
        assert_eq!(app.focus, Focus::Names);
        play(&mut app, "<Tab><Tab><Tab>");
        assert_eq!(app.focus, Focus::Bytecode);
        play(&mut app, "<Tab>");
        assert_eq!(app.focus, Focus::Source);
    }
}
