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
    // Long commands show their progress and look for a key every few
    // thousand steps: no step limit here, the user stops them.
    app.session.set_interrupt(Some(key_interrupt));
    app.session.set_step_limit(None);
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
        press(app, key);
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
                if left.is_zero() {
                    return Ok(false);
                }
                // The pause learns the total too, a slice at a time.
                if app.session.learning_total() && !event::poll(Duration::ZERO)? {
                    if app.session.learn_total(LEARN_SLICE) {
                        draw(terminal, app)?;
                    }
                    continue;
                }
                if !event::poll(left)? {
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
    // A progress line was written over the frame: draw every cell again.
    if PROGRESS.with_borrow_mut(|progress| std::mem::take(&mut progress.drawn)) {
        terminal.clear()?;
    }
    terminal.draw(|frame| crate::ui::view(frame, &app.screen()))?;
    Ok(())
}

/// Wait for the next terminal event; meanwhile, run the copy that learns
/// the program's total a slice at a time, and show the total once known.
fn next_event<B: Backend<Error = io::Error>>(
    terminal: &mut Terminal<B>,
    app: &mut App,
) -> io::Result<Event> {
    while app.session.learning_total() {
        if event::poll(Duration::ZERO)? {
            return event::read();
        }
        if app.session.learn_total(LEARN_SLICE) {
            draw(terminal, app)?;
        }
    }
    event::read()
}

/// Steps the total's copy runs between two looks for a key (a few ms).
const LEARN_SLICE: u64 = 100_000;

fn event_loop<B: Backend<Error = io::Error>>(
    terminal: &mut Terminal<B>,
    app: &mut App,
) -> io::Result<()> {
    while !app.quit {
        draw(terminal, app)?;
        let next = PENDING.with_borrow_mut(|pending| pending.pop_front());
        let event = match next {
            Some(event) => event,
            None => next_event(terminal, app)?,
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
            press(app, key.into());
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

/// Handle one key; a long command it starts shows its progress on the
/// status line and stops at any key.
fn press(app: &mut App, key: super::Key) {
    let (width, height) = app.screen;
    let screen = ratatui::layout::Rect::new(0, 0, width, height);
    let areas = crate::ui::layout(screen, crate::ui::output::wanted_lines(&app.screen()));
    PROGRESS.with_borrow_mut(|progress| {
        *progress = Progress {
            started: Some(Instant::now()),
            shown_at: None,
            row: areas.status.y,
            width,
            stopped: false,
            drawn: progress.drawn,
        }
    });
    app.press(key);
    PROGRESS.with_borrow_mut(|progress| progress.started = None);
}

/// A command's progress line: when it started, when the line was last written.
#[derive(Debug, Default)]
struct Progress {
    /// When the running command started (`None` between commands).
    started: Option<Instant>,
    shown_at: Option<Instant>,
    /// The status line's row and width.
    row: u16,
    width: u16,
    /// A key stopped the command: every loop of it stops.
    stopped: bool,
    /// A progress line is on the screen: the next frame redraws every cell.
    drawn: bool,
}

/// A command shows its progress once it has run this long.
const PROGRESS_AFTER: Duration = Duration::from_millis(150);
/// How often the progress line is written again.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

thread_local! {
    static PROGRESS: std::cell::RefCell<Progress> =
        std::cell::RefCell::new(Progress::default());
}

/// `running… step 41,000,000`: digits in groups of three.
pub fn grouped(number: u64) -> String {
    let digits = number.to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// Write the progress line over the status line, straight to the terminal.
fn show_progress(row: u16, width: u16, step: u64) {
    use crossterm::style::{Attribute, Print, SetAttribute};
    use crossterm::terminal::{Clear, ClearType};
    let text = format!(" running… step {}  (any key stops)", grouped(step));
    let text: String = text.chars().take(width as usize).collect();
    let mut out = io::stdout();
    let _ = crossterm::queue!(
        out,
        crossterm::cursor::MoveTo(0, row),
        Clear(ClearType::CurrentLine),
        SetAttribute(Attribute::Reverse),
        Print(text),
        SetAttribute(Attribute::Reset),
    );
    let _ = out.flush();
}

thread_local! {
    /// Events read while a long command ran, to handle after it.
    static PENDING: std::cell::RefCell<std::collections::VecDeque<Event>> =
        const { std::cell::RefCell::new(std::collections::VecDeque::new()) };
}

/// Asked by a long command with the step it has reached: true when it
/// should stop. Once it has run a moment it shows its progress, and then
/// any key stops it (the key is used up, but `q` and Ctrl-C still quit
/// after); keys pressed before that wait their turn, and only `q` and
/// Ctrl-C stop it.
fn key_interrupt(step: u64) -> bool {
    // Still true while the quitting key waits its turn, so every long loop
    // of one command stops, not only the first.
    let quit_waiting = PENDING.with_borrow(|pending| pending.iter().any(is_quit_key));
    if quit_waiting || PROGRESS.with_borrow(|progress| progress.stopped) {
        return true;
    }
    let showing = PROGRESS.with_borrow_mut(|progress| {
        let Some(started) = progress.started else {
            return false;
        };
        let now = Instant::now();
        let due = match progress.shown_at {
            None => now.duration_since(started) >= PROGRESS_AFTER,
            Some(shown) => now.duration_since(shown) >= PROGRESS_EVERY,
        };
        if due {
            show_progress(progress.row, progress.width, step);
            progress.shown_at = Some(now);
            progress.drawn = true;
        }
        progress.shown_at.is_some()
    });
    let mut stop = false;
    while !stop && event::poll(Duration::ZERO).unwrap_or(false) {
        let Ok(event) = event::read() else {
            break;
        };
        stop = is_quit_key(&event);
        let key = matches!(&event, Event::Key(key) if key.kind != KeyEventKind::Release);
        if showing && key {
            stop = true;
            PROGRESS.with_borrow_mut(|progress| progress.stopped = true);
            if is_quit_key(&event) {
                PENDING.with_borrow_mut(|pending| pending.push_back(event));
            }
            break;
        }
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

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn step_numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(41_000_000), "41,000,000");
        assert_eq!(grouped(102_000_019), "102,000,019");
    }
}
