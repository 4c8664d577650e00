//! The real terminal: raw mode, the alternate screen and mouse reports, always restored:
//! on `q`, on Ctrl-C (a key in raw mode), on error (a drop guard) and on
//! panic (a hook that restores before the panic message is printed).

use std::io::{self, Stdout};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::App;

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
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Run the TUI until the user quits.
pub fn run(app: &mut App) -> io::Result<()> {
    install_panic_hook();
    #[cfg(unix)]
    super::signals::install();
    enable_raw_mode()?;
    let _guard = Guard;
    // Long commands look for `q` and Ctrl-C every few thousand steps.
    app.session.set_interrupt(Some(key_interrupt));
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        crossterm::cursor::Hide
    )?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    event_loop(&mut terminal, app)
}

fn event_loop(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App) -> io::Result<()> {
    terminal.clear()?;
    while !app.quit {
        terminal.draw(|frame| crate::ui::view(frame, app))?;
        let next = PENDING.with_borrow_mut(|pending| pending.pop_front());
        let next = match next {
            Some(event) => event,
            None => event::read()?,
        };
        match next {
            Event::Key(key) if key.kind != KeyEventKind::Release => app.press(key.into()),
            Event::Mouse(mouse) => {
                let scroll = match mouse.kind {
                    MouseEventKind::ScrollUp => -1,
                    MouseEventKind::ScrollDown => 1,
                    MouseEventKind::Down(MouseButton::Left) => 0,
                    _ => continue,
                };
                let size = terminal.size()?;
                let screen = ratatui::layout::Rect::new(0, 0, size.width, size.height);
                app.mouse(screen, mouse.column, mouse.row, scroll);
            }
            // A resize just redraws, at the new size.
            _ => {}
        }
    }
    Ok(())
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
    while !stop && event::poll(std::time::Duration::ZERO).unwrap_or(false) {
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
