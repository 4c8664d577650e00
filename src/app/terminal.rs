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
use super::ansi16::Ansi16;

/// Restores the terminal when dropped, whatever way the loop ends.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leave the alternate screen, show the cursor, end raw mode. Safe to call twice.
pub fn restore() {
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
    enable_raw_mode()?;
    let _guard = Guard;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        crossterm::cursor::Hide
    )?;
    let mut terminal = Terminal::new(CrosstermBackend::new(Ansi16::new(io::stdout())))?;
    event_loop(&mut terminal, app)
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Ansi16<Stdout>>>,
    app: &mut App,
) -> io::Result<()> {
    terminal.clear()?;
    while !app.quit {
        // Keys act only when the panes they act on are on screen; short ids
        // on narrow screens.
        let size = terminal.size()?;
        app.screen = (size.width, size.height);
        terminal.draw(|frame| crate::ui::view(frame, &app.screen()))?;
        match event::read()? {
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
