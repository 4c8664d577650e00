//! Headless frames: play keys without a terminal and return the frame as text.
//!
//! The same [`App`] and [`crate::ui::view`] draw on ratatui's `TestBackend`,
//! so `--dump` and the snapshot tests see exactly what a user sees, minus colour.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::{App, Key};

/// Play keys in order on a screen of `app.screen`; stops early at `q` like
/// the real TUI would.
pub fn play(app: &mut App, keys: &[Key]) {
    play_timed(app, keys);
}

/// [`play`], returning how long each key played took (`--timings`).
pub fn play_timed(app: &mut App, keys: &[Key]) -> Vec<(Key, Duration)> {
    let mut timings = Vec::new();
    for &key in keys {
        if app.quit {
            break;
        }
        let start = Instant::now();
        app.press(key);
        timings.push((key, start.elapsed()));
    }
    timings
}

/// The process's peak resident memory in KiB (Linux's `VmHWM`), if known.
pub fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// `--timings`: one line per key with its milliseconds, then the peak memory.
pub fn timings_text(timings: &[(Key, Duration)]) -> String {
    let mut text = String::new();
    for (index, (key, took)) in timings.iter().enumerate() {
        text.push_str(&format!(
            "key {} {}: {:.3} ms\n",
            index + 1,
            key.label(),
            took.as_secs_f64() * 1000.0
        ));
    }
    match peak_memory_kib() {
        Some(kib) => text.push_str(&format!("peak memory: {kib} KiB\n")),
        None => text.push_str("peak memory: unknown\n"),
    }
    text
}

/// Parse `120x40` (also `120X40`).
pub fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let bad = || format!("bad size {text:?}: write WIDTHxHEIGHT, e.g. 120x40");
    let (width, height) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let width: u16 = width.trim().parse().map_err(|_| bad())?;
    let height: u16 = height.trim().parse().map_err(|_| bad())?;
    if width == 0 || height == 0 || width > 1000 || height > 1000 {
        return Err(format!("bad size {text:?}: each side must be 1 to 1000"));
    }
    Ok((width, height))
}

/// Draw the app once on a `width`×`height` test terminal; trailing spaces trimmed per line.
pub fn render_text(app: &App, width: u16, height: u16) -> String {
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    let Ok(_) = terminal.draw(|frame| crate::ui::view(frame, &app.screen()));
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..height {
        let mut line = String::new();
        // A wide character covers the next cell, as in a terminal: that
        // cell is not printed, so the text is as wide as the screen.
        let mut covered = 0;
        for x in 0..width {
            let symbol = buffer[(x, y)].symbol();
            if covered > 0 {
                covered -= 1;
                continue;
            }
            line.push_str(symbol);
            covered = ratatui::text::Span::raw(symbol).width().saturating_sub(1);
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_reject_nonsense() {
        assert_eq!(parse_size("120x40"), Ok((120, 40)));
        assert_eq!(parse_size("80X24"), Ok((80, 24)));
        for bad in ["", "120", "x40", "120x", "0x10", "axb", "-1x5", "99999x2"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
