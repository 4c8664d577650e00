//! The interactive front end: keys → [`Action`] → [`update::update`] → [`crate::ui::view`].
//!
//! [`App`] is the whole view state (focus, cursor, selection, popups) next to
//! the [`Session`] it drives. The same `App` runs in a real terminal
//! ([`terminal`]) and headless on a `TestBackend` ([`headless`]), so tests and
//! `--dump` see exactly the frames a user sees.

pub mod action;
pub mod ansi16;
pub mod headless;
pub mod keymap;
pub mod terminal;
pub mod update;

use crossterm::event::KeyCode;

pub use action::Action;
pub use keymap::{Key, parse_keys};

use std::ops::{Deref, DerefMut};

use crate::session::Session;
use crate::ui::theme::Theme;
pub use crate::ui::view::{Focus, KeyHelp, Screen, Scroll, View};

/// The TUI's state: the debugging session and how the user is looking at
/// it. The view state derefs, so `app.focus` reads as before.
#[derive(Debug, Clone)]
pub struct App {
    pub session: Session,
    pub view: View,
    pub quit: bool,
    /// Keys the config file adds: they win over the default use of a key.
    pub extra_keys: Vec<(Key, Action)>,
}

impl Deref for App {
    type Target = View;

    fn deref(&self) -> &View {
        &self.view
    }
}

impl DerefMut for App {
    fn deref_mut(&mut self) -> &mut View {
        &mut self.view
    }
}

impl App {
    pub fn new(session: Session, theme: Theme) -> App {
        let keys = KeyHelp {
            rows: keymap::help_rows(),
            line: keymap::key_line_items(),
        };
        let mut app = App {
            session,
            view: View::new(theme, keys),
            quit: false,
            extra_keys: Vec::new(),
        };
        app.follow_current_line();
        app
    }

    /// What the panes draw from.
    pub fn screen(&self) -> Screen<'_> {
        Screen {
            session: &self.session,
            view: &self.view,
        }
    }

    pub fn shown_frame(&self) -> Option<usize> {
        self.screen().shown_frame()
    }

    pub fn current_line(&self) -> Option<u32> {
        self.screen().current_line()
    }

    /// Put the source cursor on the current line (after every move in time).
    pub fn follow_current_line(&mut self) {
        if let Some(line) = self.current_line() {
            self.cursor_line = line;
        }
    }

    /// Turn a key into an action, given the mode (prompt, help) the app is in.
    pub fn action_for(&self, key: Key) -> Option<Action> {
        let (width, height) = self.screen;
        if width < crate::ui::MIN_WIDTH || height < crate::ui::MIN_HEIGHT {
            return match keymap::action_for(key) {
                Some(Action::Quit) => Some(Action::Quit),
                _ => None,
            };
        }
        if self.prompt.is_some() {
            return match key.code {
                KeyCode::Char(c) if !key.ctrl => Some(Action::PromptChar(c)),
                KeyCode::Backspace => Some(Action::PromptBackspace),
                KeyCode::Enter => Some(Action::PromptSubmit),
                KeyCode::Char('c') if key.ctrl => Some(Action::Quit),
                _ => Some(Action::Close),
            };
        }
        if self.show_help || self.output_full || self.show_breakpoints {
            // Any key closes the help (like `less`); Ctrl-C still quits.
            return match keymap::action_for(key) {
                Some(Action::Quit) if key.ctrl => Some(Action::Quit),
                _ => Some(Action::Close),
            };
        }
        self.extra_keys
            .iter()
            .find(|(extra, _)| *extra == key)
            .map(|(_, action)| *action)
            .or_else(|| keymap::action_for(key))
    }

    /// A click (or wheel turn, `scroll` = -1 up / +1 down) at a screen cell:
    /// the source or heap pane under it takes the focus, and the wheel moves
    /// the cursor or selection there, as the arrow keys do.
    pub fn mouse(&mut self, screen: ratatui::layout::Rect, column: u16, row: u16, scroll: i8) {
        if self.show_help || self.prompt.is_some() || self.output_full {
            return;
        }
        let areas = crate::ui::layout(screen, crate::ui::output::wanted_lines(&self.screen()));
        let at = ratatui::layout::Position::new(column, row);
        let focus = if areas.source.contains(at) {
            Focus::Source
        } else if areas.heap.contains(at) {
            Focus::Heap
        } else if areas.names.contains(at) {
            Focus::Names
        } else if areas.stack.contains(at) {
            Focus::Stack
        } else if areas.output.contains(at) {
            Focus::Output
        } else if areas.bytecode.contains(at) {
            Focus::Bytecode
        } else {
            return;
        };
        self.focus = focus;
        let action = match scroll {
            s if s < 0 => Some(Action::MoveUp),
            s if s > 0 => Some(Action::MoveDown),
            _ => None,
        };
        if let Some(action) = action {
            update::update(self, action);
        }
    }

    /// Handle one key press.
    pub fn press(&mut self, key: Key) {
        if let Some(action) = self.action_for(key) {
            update::update(self, action);
        }
    }
}

/// What the command line asked the TUI for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Keys to play first, in vim-like notation (`ss<Down>`).
    pub keys: Option<String>,
    /// `WIDTHxHEIGHT` of the headless frame.
    pub size: Option<String>,
    /// Print the final frame as text instead of opening the terminal.
    pub dump: bool,
}

/// The default `bytestep` command: open the TUI on a program, or with
/// `--dump` print the frame after `--keys`. Returns the exit status: 0, 1 for
/// a program that does not compile (reported like CPython), 2 for bad options.
pub fn launch(
    program: &crate::commands::Program,
    options: &Options,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> std::io::Result<i32> {
    let keys = match parse_keys(options.keys.as_deref().unwrap_or("")) {
        Ok(keys) => keys,
        Err(message) => {
            writeln!(err, "bytestep: {message}")?;
            return Ok(2);
        }
    };
    let size = match options.size.as_deref().map(headless::parse_size) {
        None => (120, 40),
        Some(Ok(size)) => size,
        Some(Err(message)) => {
            writeln!(err, "bytestep: {message}")?;
            return Ok(2);
        }
    };
    let session = match Session::new(&program.source, &program.filename) {
        Ok(session) => session,
        Err(error) => {
            writeln!(err, "{error}")?;
            return Ok(1);
        }
    };
    // The config file's errors stop the start, naming the file and line.
    let config = match crate::config::load() {
        Ok(config) => config,
        Err(message) => {
            writeln!(err, "bytestep: {message}")?;
            return Ok(2);
        }
    };
    let theme = if options.dump {
        Theme::plain()
    } else {
        Theme::named_or_env(config.theme.as_deref())
    };
    let mut app = App::new(session, theme);
    app.extra_keys = config.keys;
    app.screen = size;
    headless::play(&mut app, &keys);
    if options.dump {
        out.write_all(headless::render_text(&app, size.0, size.1).as_bytes())?;
        return Ok(0);
    }
    if app.quit {
        return Ok(0);
    }
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        writeln!(
            err,
            "bytestep: the debugger needs a terminal; for text frames use --keys KEYS --dump"
        )?;
        return Ok(2);
    }
    terminal::run(&mut app)?;
    Ok(0)
}
