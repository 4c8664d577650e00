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

use crate::session::Session;
use crate::ui::theme::Theme;

/// Which pane the arrow keys move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Source,
    Heap,
    Names,
    Stack,
    Output,
}

impl Focus {
    /// `Tab` order: the two panes used most, then the ones that scroll.
    pub fn next(self) -> Focus {
        match self {
            Focus::Source => Focus::Heap,
            Focus::Heap => Focus::Names,
            Focus::Names => Focus::Stack,
            Focus::Stack => Focus::Output,
            Focus::Output => Focus::Source,
        }
    }
}

/// How far the panes that only scroll are scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// First line shown.
    pub names: usize,
    pub stack: usize,
    /// Lines hidden below the last one shown (0 follows the end).
    pub output_from_end: usize,
}

/// The TUI's state: the debugging session and how the user is looking at it.
#[derive(Debug, Clone)]
pub struct App {
    pub session: Session,
    pub focus: Focus,
    /// The source line the cursor is on (1-based): `t` and `b` act on it.
    pub cursor_line: u32,
    /// How many frames up from the innermost the panes show (`u`/`d`).
    pub frame_up: usize,
    /// Index of the selected row in the heap pane.
    pub heap_selected: usize,
    /// Show every live object, not only the program's.
    pub show_all: bool,
    pub show_help: bool,
    /// `B`: the breakpoints and watches overlay.
    pub show_breakpoints: bool,
    /// The referrers list of the selected heap object is open.
    pub show_referrers: bool,
    /// The `:` prompt's digits while it is open.
    pub prompt: Option<String>,
    /// A one-off message for the status line (bad step number…).
    pub message: Option<String>,
    pub quit: bool,
    pub theme: Theme,
    /// The screen's size (width, height) as last drawn: below the minimum
    /// only quitting works, since the panes keys act on are not shown.
    pub screen: (u16, u16),
    /// The address of the object whose referrers are listed: the popup
    /// follows the object, not the row number.
    pub referrers_of: Option<u64>,
    pub scroll: Scroll,
    /// Keys the config file adds: they win over the default use of a key.
    pub extra_keys: Vec<(Key, Action)>,
    /// `o`: the program's output full-screen.
    pub output_full: bool,
    /// `O`: the output pane hidden, its rows to the heap.
    pub output_hidden: bool,
}

impl App {
    pub fn new(session: Session, theme: Theme) -> App {
        let mut app = App {
            session,
            focus: Focus::Source,
            cursor_line: 1,
            frame_up: 0,
            heap_selected: 0,
            show_all: false,
            show_help: false,
            show_breakpoints: false,
            show_referrers: false,
            prompt: None,
            message: None,
            quit: false,
            theme,
            screen: (120, 40),
            referrers_of: None,
            scroll: Scroll::default(),
            extra_keys: Vec::new(),
            output_full: false,
            output_hidden: false,
        };
        app.follow_current_line();
        app
    }

    /// Index into `vm.frames()` of the frame the panes show, if any.
    pub fn shown_frame(&self) -> Option<usize> {
        let count = self.session.vm().frames().len();
        (count > 0).then(|| count - 1 - self.frame_up.min(count - 1))
    }

    /// The line the shown frame is at: the next line for the innermost frame,
    /// the line of the call in progress for an outer one.
    pub fn current_line(&self) -> Option<u32> {
        let index = self.shown_frame()?;
        let frames = self.session.vm().frames();
        let frame = frames.get(index)?;
        // Post-mortem, every frame is at the line that was running.
        let line = if index + 1 == frames.len() && self.session.traceback().is_none() {
            frame.next_line().or_else(|| frame.current_line())
        } else {
            frame.current_line()
        };
        // RESUME and other prologue instructions sit on "line 0": no source line.
        line.filter(|&l| l > 0)
    }

    /// The shown frame's marked instruction: the next one for the innermost
    /// frame, the call in progress for an outer one, the failing one post-mortem.
    pub fn marked_instruction(&self) -> Option<(&crate::vm::frame::Frame, usize)> {
        let index = self.shown_frame()?;
        let frames = self.session.vm().frames();
        let frame = frames.get(index)?;
        let innermost = index + 1 == frames.len() && self.session.traceback().is_none();
        let at = if innermost {
            Some(frame.pc)
        } else {
            frame.last
        };
        at.map(|i| (frame, i))
    }

    /// The source span of the marked instruction, from the code object's
    /// position table.
    pub fn marked_position(&self) -> Option<crate::bytecode::Position> {
        let (frame, index) = self.marked_instruction()?;
        frame.code.position(index)
    }

    /// The line the shown frame ran last (Python Tutor's "just executed").
    pub fn line_just_run(&self) -> Option<u32> {
        let index = self.shown_frame()?;
        let frame = self.session.vm().frames().get(index)?;
        let innermost = index + 1 == self.session.vm().frames().len();
        if !innermost || self.session.last_stop().steps_taken == 0 {
            return None;
        }
        frame.current_line().filter(|&l| l > 0)
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
        let areas = crate::ui::layout(screen, crate::ui::output::wanted_lines(self));
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
