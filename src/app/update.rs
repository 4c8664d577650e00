//! `update(app, action)`: the only place the view state and the session change.

use super::{Action, App, Focus};

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
            travel(app, move |s| s.run_to_line(line));
        }
        Action::GoToStart => travel(app, |s| s.go_to_start()),
        Action::GoToEnd => travel(app, |s| s.go_to_end()),
        Action::GoToPrompt => app.prompt = Some(String::new()),
        Action::PromptDigit(digit) => {
            if let Some(prompt) = &mut app.prompt
                && prompt.len() < 18
            {
                prompt.push(digit);
            }
        }
        Action::PromptBackspace => {
            if let Some(prompt) = &mut app.prompt {
                prompt.pop();
            }
        }
        Action::PromptSubmit => {
            let typed = app.prompt.take().unwrap_or_default();
            match typed.parse::<u64>() {
                Ok(target) => travel(app, move |s| s.go_to(target)),
                Err(_) => app.message = Some("type a step number after ':'".into()),
            }
        }
        Action::ToggleBreakpoint => {
            let line = app.cursor_line;
            app.session.toggle_breakpoint(line);
        }
        Action::MoveUp => move_selection(app, -1),
        Action::MoveDown => move_selection(app, 1),
        Action::FocusNext => {
            app.focus = match app.focus {
                Focus::Source => Focus::Heap,
                Focus::Heap => Focus::Source,
            };
        }
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
            app.show_all = !app.show_all;
            clamp_heap_selection(app);
        }
        Action::ShowReferrers => {
            app.show_referrers = !app.show_referrers;
            if app.show_referrers {
                app.focus = Focus::Heap;
            }
        }
        Action::Close => {
            app.show_help = false;
            app.show_referrers = false;
            app.prompt = None;
        }
        Action::Help => app.show_help = !app.show_help,
        Action::Quit => app.quit = true,
    }
}

/// Move in time: run a session command, then show the innermost frame at its line.
fn travel(app: &mut App, command: impl FnOnce(&mut crate::session::Session)) {
    command(&mut app.session);
    app.frame_up = 0;
    app.follow_current_line();
    clamp_heap_selection(app);
}

fn move_selection(app: &mut App, by: i64) {
    match app.focus {
        Focus::Source => {
            let lines = app.session.vm().source().lines().count().max(1) as i64;
            let line = (app.cursor_line as i64 + by).clamp(1, lines);
            app.cursor_line = line as u32;
        }
        Focus::Heap => {
            let rows = crate::ui::heap::rows(app).len() as i64;
            let selected = (app.heap_selected as i64 + by).clamp(0, (rows - 1).max(0));
            app.heap_selected = selected as usize;
        }
    }
}

fn clamp_heap_selection(app: &mut App) {
    let rows = crate::ui::heap::rows(app).len();
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
        let areas = crate::ui::layout(screen);
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
        let rows = crate::ui::heap::rows(&app).len();
        assert!(app.heap_selected < rows.max(1));
        play(&mut app, "a");
        play(&mut app, "<CR>");
        assert!(app.show_referrers);
    }
}
