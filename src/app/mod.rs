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
pub mod record;
pub mod script;
#[cfg(unix)]
pub mod signals;
pub mod terminal;
pub mod update;

use crossterm::event::KeyCode;

pub use action::Action;
pub use keymap::{Key, parse_keys};

use std::ops::{Deref, DerefMut};
use std::path::PathBuf;

use crate::session::Session;
use crate::ui::theme::Theme;
pub use crate::ui::view::{Focus, KeyHelp, Screen, Scroll, View};
use crate::vm::input::Input;

/// The TUI's state: the debugging session and how the user is looking at
/// it. The view state derefs, so `app.focus` reads as before.
#[derive(Debug, Clone)]
pub struct App {
    pub session: Session,
    pub view: View,
    pub quit: bool,
    /// Keys the config file adds: they win over the default use of a key.
    pub extra_keys: Vec<(Key, Action)>,
    /// Where `x` writes its figures: the current directory, unless a caller
    /// (the fuzzer) must keep them out of the user's tree.
    pub figure_dir: PathBuf,
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
            figure_dir: PathBuf::from("."),
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
            // Any key closes the help (like `less`), `?` turns its page;
            // Ctrl-C still quits.
            return match keymap::action_for(key) {
                Some(Action::Quit) if key.ctrl => Some(Action::Quit),
                Some(Action::Help) if self.show_help => Some(Action::Help),
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
    /// Keys to play in the real terminal, one pause apart (`--play`).
    pub play: Option<terminal::Playback>,
    /// Print the whole state at the final stop as JSON instead of a frame.
    pub dump_json: bool,
    /// Print each key's milliseconds and the peak memory on stderr.
    pub timings: bool,
    /// The program's memory limit (`--max-memory`), if not the default.
    pub max_memory: Option<u64>,
    /// Steps after which a command played without a terminal stops
    /// (`--command-steps`; default [`crate::session::HEADLESS_MAX_STEPS`]).
    pub command_steps: Option<u64>,
    /// What the program's `input()` reads (`--input FILE`); without it,
    /// standard input when that is not a terminal.
    pub input: Option<String>,
}

/// What `bytestep record` was asked for.
#[derive(Debug, Clone, Default)]
pub struct RecordOptions {
    /// The key script; without one the user's own session is recorded.
    pub script: Option<Vec<script::ScriptItem>>,
    /// `WIDTHxHEIGHT` of a scripted recording.
    pub size: Option<String>,
    pub delay_ms: u64,
    pub title: Option<String>,
    /// Longest pause kept in an interactive recording, in seconds.
    pub idle_time_limit: Option<f64>,
}

/// Make a session for the TUI, or say why not (exit status 1, like CPython).
/// `at_once`: open without looking ahead for the total (the terminal
/// learns it between key presses); otherwise the total is looked for
/// before the first frame, so headless output never depends on timing.
fn open_session(
    program: &crate::commands::Program,
    max_memory: Option<u64>,
    input: Option<&str>,
    at_once: bool,
    err: &mut dyn std::io::Write,
) -> std::io::Result<Option<Session>> {
    use std::io::IsTerminal;
    let max_memory = max_memory.unwrap_or(crate::vm::heap::DEFAULT_MAX_MEMORY);
    let input = match input {
        Some(text) => Input::text(text),
        None if !std::io::stdin().is_terminal() => {
            Input::reader(Box::new(std::io::BufReader::new(std::io::stdin())), false)
        }
        None => Input::empty(),
    };
    let opened = if at_once {
        Session::open(&program.source, &program.filename, max_memory, input)
    } else {
        Session::with_input(&program.source, &program.filename, max_memory, input)
    };
    match opened {
        Ok(session) => Ok(Some(session)),
        Err(error) => {
            writeln!(err, "{error}")?;
            Ok(None)
        }
    }
}

fn has_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

/// `bytestep record`: the session as an asciicast v2 file's text, scripted
/// (no terminal needed) or interactive. Returns the exit status and the cast.
pub fn record(
    program: &crate::commands::Program,
    options: &RecordOptions,
    err: &mut dyn std::io::Write,
) -> std::io::Result<(i32, Option<String>)> {
    let size = match options.size.as_deref().map(headless::parse_size) {
        None => (100, 30),
        Some(Ok(size)) => size,
        Some(Err(message)) => {
            writeln!(err, "bytestep: {message}")?;
            return Ok((2, None));
        }
    };
    if options.script.is_none() && !has_terminal() {
        writeln!(
            err,
            "bytestep: recording a live session needs a terminal; give the keys with --keys"
        )?;
        return Ok((2, None));
    }
    let Some(session) = open_session(program, None, None, false, err)? else {
        return Ok((1, None));
    };
    let mut app = App::new(session, Theme::from_env());
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| format!("bytestep {}", program.filename));
    let cast = match &options.script {
        Some(script) => record::record_keys(&mut app, script, size, options.delay_ms, title)?,
        None => record::record_terminal(&mut app, title, options.idle_time_limit, None)?,
    };
    Ok((0, Some(cast.to_text())))
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
    let headless = options.dump || options.dump_json;
    let input = options.input.as_deref();
    let Some(mut session) = open_session(program, options.max_memory, input, !headless, err)?
    else {
        return Ok(1);
    };
    // Keys played without a terminal cannot be interrupted: a limit stops
    // an endless loop (the terminal lifts it: a key stops a command there).
    let limit = options
        .command_steps
        .unwrap_or(crate::session::HEADLESS_MAX_STEPS);
    session.set_step_limit(Some(limit));
    // The config file's errors stop the start, naming the file and line.
    let config = match crate::config::load() {
        Ok(config) => config,
        Err(message) => {
            writeln!(err, "bytestep: {message}")?;
            return Ok(2);
        }
    };
    let theme = if options.dump || options.dump_json {
        Theme::plain()
    } else {
        Theme::named_or_env(config.theme.as_deref())
    };
    let mut app = App::new(session, theme);
    // The help lists the config file's keys too, next to their action's help.
    for (key, action) in &config.keys {
        if let Some(binding) = keymap::KEYMAP.iter().find(|b| b.action == *action) {
            app.view.keys.rows.push((key.label(), binding.help));
        }
    }
    app.extra_keys = config.keys;
    app.screen = size;
    let timings = headless::play_timed(&mut app, &keys);
    if options.timings {
        err.write_all(headless::timings_text(&timings).as_bytes())?;
    }
    if options.dump_json {
        let state = crate::state::to_json(&app.session);
        writeln!(out, "{state}")?;
        return Ok(0);
    }
    if options.dump {
        out.write_all(headless::render_text(&app, size.0, size.1).as_bytes())?;
        return Ok(0);
    }
    if app.quit {
        return Ok(0);
    }
    if !has_terminal() {
        writeln!(
            err,
            "bytestep: the debugger needs a terminal; for text frames use --keys KEYS --dump"
        )?;
        return Ok(2);
    }
    terminal::run(&mut app, options.play.as_ref())?;
    Ok(0)
}
