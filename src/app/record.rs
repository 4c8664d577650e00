//! `bytestep record`: asciicast v2 files of a session, with no terminal and no
//! asciinema needed.
//!
//! Scripted recordings ([`record_keys`]) draw each frame with the real
//! crossterm backend into a byte buffer, so the cast holds exactly the escape
//! sequences the TUI sends a terminal, timed by the script's delay rather
//! than a clock: the same keys always give the same bytes. Interactive
//! recordings ([`record_terminal`]) run the real TUI and copy what it writes,
//! with its real timing, pauses capped by the idle time limit.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;
use std::time::Instant;

use crossterm::execute;
use crossterm::terminal::{Clear, ClearType};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::App;
use super::script::{self, ScriptItem};
use super::terminal::{self, Playback};

/// The terminal type scripted frames are written for (bytestep's palette needs no more).
const TERM: &str = "xterm-256color";

/// An asciicast v2 recording: a header and timed output events.
#[derive(Debug, Clone, PartialEq)]
pub struct Cast {
    pub width: u16,
    pub height: u16,
    pub title: String,
    /// Longest pause kept, in seconds (asciinema's `idle_time_limit`).
    pub idle_time_limit: Option<f64>,
    /// The `TERM` the frames were written for.
    pub term: String,
    /// Seconds from the start, and what was written to the terminal then.
    pub events: Vec<(f64, String)>,
}

impl Cast {
    pub fn new(width: u16, height: u16, title: impl Into<String>) -> Cast {
        Cast {
            width,
            height,
            title: title.into(),
            idle_time_limit: None,
            term: TERM.to_owned(),
            events: Vec::new(),
        }
    }

    /// The `.cast` file: the header line, then one `[time, "o", data]` line per event.
    pub fn to_text(&self) -> String {
        let mut header = format!(
            "{{\"version\": 2, \"width\": {}, \"height\": {}",
            self.width, self.height
        );
        if let Some(limit) = self.idle_time_limit {
            header.push_str(&format!(", \"idle_time_limit\": {}", json_number(limit)));
        }
        header.push_str(&format!(
            ", \"title\": {}, \"env\": {{\"TERM\": {}, \"SHELL\": \"/bin/sh\"}}}}\n",
            json_string(&self.title),
            json_string(&self.term)
        ));
        let mut text = header;
        for (time, data) in &self.events {
            text.push_str(&format!("[{time:.6}, \"o\", {}]\n", json_string(data)));
        }
        text
    }

    fn push(&mut self, time: f64, data: String) {
        self.events.push((time, data));
    }
}

fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

fn json_number(value: f64) -> String {
    serde_json::Number::from_f64(value).map_or_else(|| "null".to_owned(), |n| n.to_string())
}

/// Record a scripted session on a `width`×`height` screen: the first frame at
/// 0 s, each key's frame `delay_ms` (or the script's `<wait:MS>`) after the
/// previous one, and the terminal restored one more delay after the last key
/// (at once when a key quits).
pub fn record_keys(
    app: &mut App,
    script: &[ScriptItem],
    size: (u16, u16),
    delay_ms: u64,
    title: impl Into<String>,
) -> io::Result<Cast> {
    let (width, height) = size;
    let mut cast = Cast::new(width, height, title);
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
    };
    let buffer = SharedBuffer::default();
    let mut screen = Terminal::with_options(CrosstermBackend::new(buffer.clone()), options)?;
    // What `terminal::run` sends before its first frame: the alternate screen,
    // mouse reports, a hidden cursor, a cleared screen.
    let mut setup = buffer.clone();
    terminal::enter(&mut setup)?;
    execute!(setup, Clear(ClearType::All))?;
    app.screen = size;
    screen.draw(|frame| crate::ui::view(frame, &app.screen()))?;
    cast.push(0.0, buffer.take());

    let (presses, end) = script::timeline(script, delay_ms);
    let mut end = end;
    for (at, key) in presses {
        app.press(key);
        if app.quit {
            end = at;
            break;
        }
        screen.draw(|frame| crate::ui::view(frame, &app.screen()))?;
        cast.push(seconds(at), buffer.take());
    }
    terminal::leave(&mut setup)?;
    cast.push(seconds(end), buffer.take());
    Ok(cast)
}

/// A byte buffer the backend writes into while the recorder takes each frame out.
#[derive(Debug, Clone, Default)]
struct SharedBuffer(Rc<RefCell<Vec<u8>>>);

impl SharedBuffer {
    /// The bytes written since the last take, as text (ratatui writes whole characters).
    fn take(&self) -> String {
        let bytes = std::mem::take(&mut *self.0.borrow_mut());
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl Write for SharedBuffer {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn seconds(millis: u64) -> f64 {
    millis as f64 / 1000.0
}

/// Record an interactive session in the real terminal, as `asciinema rec`
/// would: real timing, pauses longer than `idle_time_limit` seconds shortened
/// to it. The cast's size is the terminal's when recording starts.
pub fn record_terminal(
    app: &mut App,
    title: impl Into<String>,
    idle_time_limit: Option<f64>,
    playback: Option<&Playback>,
) -> io::Result<Cast> {
    let (width, height) = crossterm::terminal::size()?;
    let mut cast = Cast::new(width, height, title);
    cast.idle_time_limit = idle_time_limit;
    if let Ok(term) = std::env::var("TERM") {
        cast.term = term;
    }
    let mut tee = Tee {
        out: io::stdout(),
        cast: &mut cast,
        pending: Vec::new(),
        clock: Clock::new(idle_time_limit),
    };
    terminal::run_on(app, &mut tee, playback)?;
    tee.flush()?;
    Ok(cast)
}

/// Cast time from wall-clock time, with long pauses cut to the idle limit.
struct Clock {
    start: Instant,
    last_real: f64,
    last_cast: f64,
    idle_limit: Option<f64>,
}

impl Clock {
    fn new(idle_limit: Option<f64>) -> Clock {
        Clock {
            start: Instant::now(),
            last_real: 0.0,
            last_cast: 0.0,
            idle_limit,
        }
    }

    fn now(&mut self) -> f64 {
        let real = self.start.elapsed().as_secs_f64();
        let gap = real - self.last_real;
        let gap = self.idle_limit.map_or(gap, |limit| gap.min(limit));
        self.last_real = real;
        self.last_cast += gap.max(0.0);
        self.last_cast
    }
}

/// Passes every byte on to the terminal and notes it in the cast, one event per flush
/// (ratatui flushes once per frame).
struct Tee<'a, W: Write> {
    out: W,
    cast: &'a mut Cast,
    pending: Vec<u8>,
    clock: Clock,
}

impl<W: Write> Write for Tee<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write_all(buf)?;
        self.pending.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()?;
        if self.pending.is_empty() {
            return Ok(());
        }
        // Keep a character cut between two writes for the next event.
        let complete = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            Err(error) if error.error_len().is_none() => error.valid_up_to(),
            Err(_) => self.pending.len(),
        };
        if complete == 0 {
            return Ok(());
        }
        let rest = self.pending.split_off(complete);
        let data = String::from_utf8_lossy(&self.pending).into_owned();
        self.pending = rest;
        let time = self.clock.now();
        self.cast.push(time, data);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;
    use crate::ui::theme::Theme;

    fn refcount_app() -> App {
        let example = crate::examples::default_example();
        let session = Session::new(example.source, &example.filename()).expect("compiles");
        App::new(session, Theme::colour())
    }

    #[test]
    fn header_and_events_are_asciicast_v2() {
        let mut cast = Cast::new(80, 24, "t \"q\"");
        cast.push(0.0, "a\u{1b}[1m\n".into());
        cast.push(1.5, "b".into());
        let text = cast.to_text();
        let mut lines = text.lines();
        let header: serde_json::Value =
            serde_json::from_str(lines.next().expect("header")).expect("json");
        assert_eq!(header["version"], 2);
        assert_eq!(header["width"], 80);
        assert_eq!(header["height"], 24);
        assert_eq!(header["title"], "t \"q\"");
        assert_eq!(header["env"]["TERM"], TERM);
        let first: serde_json::Value =
            serde_json::from_str(lines.next().expect("event")).expect("json");
        assert_eq!(first, serde_json::json!([0.0, "o", "a\u{1b}[1m\n"]));
        let second: serde_json::Value =
            serde_json::from_str(lines.next().expect("event")).expect("json");
        assert_eq!(second, serde_json::json!([1.5, "o", "b"]));
        assert_eq!(lines.next(), None);
    }

    #[test]
    fn scripted_recording_is_timed_by_the_delay_and_ends_restored() {
        let mut app = refcount_app();
        let script = script::parse_script("ss<wait:2000>s").expect("valid");
        let cast = record_keys(&mut app, &script, (100, 30), 500, "refcount").expect("records");
        let times: Vec<f64> = cast.events.iter().map(|(t, _)| *t).collect();
        assert_eq!(times, vec![0.0, 0.5, 1.0, 3.0, 3.5]);
        let (_, first) = &cast.events[0];
        assert!(
            first.starts_with("\u{1b}[?1049h"),
            "enters the alternate screen"
        );
        assert!(first.contains("refcount.py"));
        let (_, last) = cast.events.last().expect("events");
        assert!(
            last.contains("\u{1b}[?1049l"),
            "leaves the alternate screen"
        );
        assert!(last.contains("\u{1b}[?25h"), "shows the cursor");
    }

    #[test]
    fn a_quitting_key_ends_the_recording_there() {
        let mut app = refcount_app();
        let script = script::parse_script("sqss").expect("valid");
        let cast = record_keys(&mut app, &script, (80, 24), 1000, "t").expect("records");
        let times: Vec<f64> = cast.events.iter().map(|(t, _)| *t).collect();
        assert_eq!(times, vec![0.0, 1.0, 2.0]);
    }

    #[test]
    fn recording_twice_gives_the_same_bytes() {
        let script = script::parse_script("sssi<Tab><Down><CR>").expect("valid");
        let once = record_keys(&mut refcount_app(), &script, (90, 28), 700, "x").expect("records");
        let twice = record_keys(&mut refcount_app(), &script, (90, 28), 700, "x").expect("records");
        assert_eq!(once.to_text(), twice.to_text());
    }

    #[test]
    fn tee_keeps_split_characters_for_the_next_event() {
        let mut cast = Cast::new(10, 10, "t");
        let mut sink = Vec::new();
        {
            let mut tee = Tee {
                out: &mut sink,
                cast: &mut cast,
                pending: Vec::new(),
                clock: Clock::new(Some(0.0)),
            };
            let wide = "日".as_bytes();
            tee.write_all(&wide[..2]).expect("write");
            tee.flush().expect("flush");
            tee.write_all(&wide[2..]).expect("write");
            tee.flush().expect("flush");
        }
        assert_eq!(sink, "日".as_bytes());
        let data: Vec<&str> = cast.events.iter().map(|(_, d)| d.as_str()).collect();
        assert_eq!(data, vec!["日"]);
    }
}
