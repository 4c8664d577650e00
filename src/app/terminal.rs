//! The real terminal: raw mode, the alternate screen and mouse reports, always restored:
//! on `q`, on Ctrl-C (a key in raw mode), on error (a drop guard) and on
//! panic (a hook that restores before the panic message is printed).

use std::io::{self, Write};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

use super::App;
use super::ansi16::Ansi16;
use super::script::{self, ScriptItem};

/// Restores the terminal when dropped, whatever way the loop ends.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leave the alternate screen, show the cursor, end raw mode. Safe to call twice.
pub fn restore() {
    #[cfg(unix)]
    super::signals::uninstall();
    let _ = disable_raw_mode();
    let _ = leave(&mut io::stdout());
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// What the alternate screen, mouse reports and a hidden cursor take: the
/// bytes every session (and every recording of one) starts with.
pub fn enter(writer: &mut impl Write) -> io::Result<()> {
    execute!(
        writer,
        EnterAlternateScreen,
        EnableMouseCapture,
        crossterm::cursor::Hide
    )
}

/// The bytes that undo [`enter`], in the order [`restore`] sends them.
pub fn leave(writer: &mut impl Write) -> io::Result<()> {
    execute!(
        writer,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    )
}

/// Keys to play in the terminal before the user takes over (`--play`).
#[derive(Debug, Clone, Default)]
pub struct Playback {
    pub script: Vec<ScriptItem>,
    /// Milliseconds between two keys, unless a `<wait:MS>` says otherwise.
    pub delay_ms: u64,
    /// Quit after the last key (and one more pause) instead of staying interactive.
    pub then_quit: bool,
}

/// Run the TUI until the user quits, playing `playback` first.
pub fn run(app: &mut App, playback: Option<&Playback>) -> io::Result<()> {
    run_on(app, &mut io::stdout(), playback)
}

/// [`run`] with the frames written to `writer` (the terminal, or a recorder
/// that passes them on to it); keys still come from the terminal.
pub fn run_on<W: Write>(
    app: &mut App,
    writer: &mut W,
    playback: Option<&Playback>,
) -> io::Result<()> {
    install_panic_hook();
    #[cfg(unix)]
    super::signals::install();
    enable_raw_mode()?;
    let _guard = Guard;
    // Long commands look for `q` and Ctrl-C every few thousand steps.
    app.session.set_interrupt(Some(key_interrupt));
    enter(writer)?;
    // Real 16-colour codes, not crossterm's 256-colour form of them.
    let mut terminal = Terminal::new(CrosstermBackend::new(Ansi16::new(&mut *writer)))?;
    terminal.clear()?;
    if let Some(playback) = playback {
        play(&mut terminal, app, playback)?;
    }
    event_loop(&mut terminal, app)?;
    drop(terminal);
    // Through the writer too, so a recording ends as the session did.
    leave(writer)
}

/// Press the scripted keys, one gap apart, redrawing after each. Any key the
/// user presses meanwhile takes over: it acts as usual and playback stops.
fn play<B: Backend<Error = io::Error>>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    playback: &Playback,
) -> io::Result<()> {
    let (gaps, last_gap) = script::gaps(&playback.script, playback.delay_ms);
    for (gap, key) in gaps {
        if app.quit {
            return Ok(());
        }
        draw(terminal, app)?;
        if user_took_over(terminal, app, Duration::from_millis(gap))? {
            return Ok(());
        }
        app.press(key);
    }
    if playback.then_quit && !app.quit {
        draw(terminal, app)?;
        if user_took_over(terminal, app, Duration::from_millis(last_gap))? {
            return Ok(());
        }
        app.quit = true;
    }
    Ok(())
}

/// Wait `pause`, handling what the terminal sends meanwhile: a resize
/// redraws, a key or click is handled and ends the playback (true).
fn user_took_over<B: Backend<Error = io::Error>>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    pause: Duration,
) -> io::Result<bool> {
    let until = Instant::now() + pause;
    loop {
        let event = match PENDING.with_borrow_mut(|pending| pending.pop_front()) {
            Some(event) => event,
            None => {
                let left = until.saturating_duration_since(Instant::now());
                if left.is_zero() || !event::poll(left)? {
                    return Ok(false);
                }
                event::read()?
            }
        };
        match event {
            Event::Resize(..) => {
                draw(terminal, app)?;
            }
            event => {
                if handle(terminal, app, event)? {
                    return Ok(true);
                }
            }
        }
    }
}

/// Draw one frame at the terminal's size; the app learns the size first, so
/// keys act only when their panes are on screen and narrow screens get
/// short ids.
fn draw<B: Backend<Error = io::Error>>(
    terminal: &mut Terminal<B>,
    app: &mut App,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.screen = (size.width, size.height);
    terminal.draw(|frame| crate::ui::view(frame, &app.screen()))?;
    Ok(())
}

fn event_loop<B: Backend<Error = io::Error>>(
    terminal: &mut Terminal<B>,
    app: &mut App,
) -> io::Result<()> {
    while !app.quit {
        draw(terminal, app)?;
        let next = PENDING.with_borrow_mut(|pending| pending.pop_front());
        let event = match next {
            Some(event) => event,
            None => event::read()?,
        };
        handle(terminal, app, event)?;
    }
    Ok(())
}

/// Carry out one terminal event; true when it was the user's key or click.
fn handle<B: Backend<Error = io::Error>>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    event: Event,
) -> io::Result<bool> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            app.press(key.into());
            Ok(true)
        }
        Event::Mouse(mouse) => {
            let scroll = match mouse.kind {
                MouseEventKind::ScrollUp => -1,
                MouseEventKind::ScrollDown => 1,
                MouseEventKind::Down(MouseButton::Left) => 0,
                _ => return Ok(false),
            };
            let size = terminal.size()?;
            let screen = ratatui::layout::Rect::new(0, 0, size.width, size.height);
            app.mouse(screen, mouse.column, mouse.row, scroll);
            Ok(true)
        }
        // A resize just redraws, at the new size.
        _ => Ok(false),
    }
}

thread_local! {
    /// Events read while a long command ran, to handle after it.
    static PENDING: std::cell::RefCell<std::collections::VecDeque<Event>> =
        const { std::cell::RefCell::new(std::collections::VecDeque::new()) };
}

/// Asked by a long command: true when `q` or Ctrl-C was pressed (it is kept
/// too, so the loop then quits); other events wait their turn.
fn key_interrupt() -> bool {
    // Still true while the quitting key waits its turn, so every long loop
    // of one command stops, not only the first.
    let quit_waiting = PENDING.with_borrow(|pending| pending.iter().any(is_quit_key));
    if quit_waiting {
        return true;
    }
    let mut stop = false;
    while !stop && event::poll(Duration::ZERO).unwrap_or(false) {
        let Ok(event) = event::read() else {
            break;
        };
        stop = is_quit_key(&event);
        PENDING.with_borrow_mut(|pending| pending.push_back(event));
    }
    stop
}

/// `q` or Ctrl-C pressed.
fn is_quit_key(event: &Event) -> bool {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let ctrl_c = key.code == event::KeyCode::Char('c')
                && key.modifiers.contains(event::KeyModifiers::CONTROL);
            ctrl_c || key.code == event::KeyCode::Char('q')
        }
        _ => false,
    }
}
