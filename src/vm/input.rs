//! What `input()` reads. Lines are read from the source once and kept, so
//! a session's replays (going back re-runs from a checkpoint) read the same
//! lines again: every clone of the interpreter shares the feed and counts
//! its own position in it.

use std::fmt;
use std::io::BufRead;
use std::sync::{Arc, Mutex};

/// The lines of the program's standard input.
#[derive(Clone, Default)]
pub struct Input {
    feed: Arc<Mutex<Feed>>,
    /// Lines this interpreter has read.
    consumed: usize,
}

#[derive(Default)]
struct Feed {
    lines: Vec<String>,
    source: Option<Box<dyn BufRead + Send>>,
    /// Flush the real standard output before blocking on a read, so an
    /// interactive user sees the prompt (`bytestep run` on a terminal).
    flush_stdout: bool,
}

impl fmt::Debug for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Input {{ consumed: {} }}", self.consumed)
    }
}

impl Input {
    /// No input: `input()` meets the end at once (`EOFError`).
    pub fn empty() -> Input {
        Input::default()
    }

    /// The given text as the whole input.
    pub fn text(text: &str) -> Input {
        let lines = text.split_inclusive('\n').map(str::to_owned).collect();
        Input {
            feed: Arc::new(Mutex::new(Feed {
                lines,
                source: None,
                flush_stdout: false,
            })),
            consumed: 0,
        }
    }

    /// Lines read from `source` as the program asks for them.
    pub fn reader(source: Box<dyn BufRead + Send>, flush_stdout: bool) -> Input {
        Input {
            feed: Arc::new(Mutex::new(Feed {
                lines: Vec::new(),
                source: Some(source),
                flush_stdout,
            })),
            consumed: 0,
        }
    }

    /// The next line with its newline, or `None` at the end.
    /// `pending_output` is written to the real stdout first when the feed is interactive.
    pub fn next_line(&mut self, pending_output: impl FnOnce() -> String) -> Option<String> {
        let mut feed = self
            .feed
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if self.consumed == feed.lines.len() {
            if feed.flush_stdout {
                use std::io::Write;
                let mut stdout = std::io::stdout();
                let _ = stdout.write_all(pending_output().as_bytes());
                let _ = stdout.flush();
            }
            let mut line = String::new();
            let read = match feed.source.as_mut() {
                Some(source) => source.read_line(&mut line).unwrap_or(0),
                None => 0,
            };
            if read == 0 {
                return None;
            }
            feed.lines.push(line);
        }
        let line = feed.lines.get(self.consumed).cloned();
        self.consumed += 1;
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_replay_the_same_lines() {
        let mut first = Input::reader(Box::new(std::io::Cursor::new("a\nb\n")), false);
        let mut replay = first.clone();
        assert_eq!(first.next_line(String::new).as_deref(), Some("a\n"));
        assert_eq!(first.next_line(String::new).as_deref(), Some("b\n"));
        assert_eq!(first.next_line(String::new), None);
        // The source is exhausted, but a clone from before reads the kept lines.
        assert_eq!(replay.next_line(String::new).as_deref(), Some("a\n"));
        assert_eq!(
            Input::text("x").next_line(String::new).as_deref(),
            Some("x")
        );
        assert_eq!(Input::empty().next_line(String::new), None);
    }
}
