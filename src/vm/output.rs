//! What the program printed: an append-only text in shared chunks.
//!
//! The debugger keeps a copy of the interpreter at every checkpoint, output
//! included. Full chunks are `Arc<str>`s that every copy shares, so a copy
//! costs a pointer per chunk, not the text. Only the newest
//! [`Output::set_limit`] bytes are kept (the pane shows the end anyway);
//! `run` streams the text out as it comes with [`Output::drain`].

use std::fmt;
use std::sync::Arc;

/// Bytes per shared chunk.
const CHUNK: usize = 64 * 1024;
/// Bytes kept by default: far more than any pane shows.
pub const DEFAULT_OUTPUT_LIMIT: u64 = 1 << 20;
/// Most lines [`Output::lines`] gives (the pane shows the last few).
const MAX_LINES: usize = 2000;

#[derive(Debug, Clone)]
pub struct Output {
    /// Full chunks, oldest first.
    sealed: Vec<Arc<str>>,
    /// The chunk being written.
    open: String,
    /// Bytes in `sealed` and `open`.
    kept: u64,
    /// Bytes dropped from the front (over the limit, or drained).
    dropped: u64,
    limit: u64,
}

impl Default for Output {
    fn default() -> Self {
        Output {
            sealed: Vec::new(),
            open: String::new(),
            kept: 0,
            dropped: 0,
            limit: DEFAULT_OUTPUT_LIMIT,
        }
    }
}

impl Output {
    /// Append text; the oldest chunks go once more than the limit is kept.
    pub fn push_str(&mut self, mut text: &str) {
        self.kept += text.len() as u64;
        while !text.is_empty() {
            let room = CHUNK.saturating_sub(self.open.len()).max(1);
            let mut cut = room.min(text.len());
            while !text.is_char_boundary(cut) {
                cut += 1;
            }
            self.open.push_str(&text[..cut]);
            text = &text[cut..];
            if self.open.len() >= CHUNK {
                let full = std::mem::take(&mut self.open);
                self.sealed.push(full.into());
            }
        }
        while self.kept > self.limit && !self.sealed.is_empty() {
            let oldest = self.sealed.remove(0);
            self.kept -= oldest.len() as u64;
            self.dropped += oldest.len() as u64;
        }
    }

    /// Keep at most about `bytes` of the newest text (whole chunks).
    pub fn set_limit(&mut self, bytes: u64) {
        self.limit = bytes;
        self.push_str("");
    }

    /// Bytes printed since the start.
    pub fn len(&self) -> u64 {
        self.kept + self.dropped
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes kept.
    pub fn kept(&self) -> u64 {
        self.kept
    }

    /// Bytes printed but no longer kept.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// Take every kept byte (for streaming to stdout); they count as dropped.
    pub fn drain(&mut self) -> String {
        let text = self.to_string();
        self.sealed.clear();
        self.open.clear();
        self.dropped += self.kept;
        self.kept = 0;
        text
    }

    /// The last `max_bytes` or fewer of the kept text, cut at a character.
    pub fn tail(&self, max_bytes: usize) -> String {
        let mut pieces: Vec<&str> = Vec::new();
        let mut have = 0;
        for piece in
            std::iter::once(self.open.as_str()).chain(self.sealed.iter().rev().map(|c| &**c))
        {
            if have >= max_bytes {
                break;
            }
            let want = max_bytes - have;
            let piece = if piece.len() > want {
                let mut start = piece.len() - want;
                while !piece.is_char_boundary(start) {
                    start += 1;
                }
                &piece[start..]
            } else {
                piece
            };
            have += piece.len();
            pieces.push(piece);
        }
        pieces.iter().rev().copied().collect()
    }

    /// The last lines printed (at most a few thousand, from the last 256 KiB),
    /// as the output pane shows them.
    pub fn lines(&self) -> std::vec::IntoIter<String> {
        let tail = self.tail(256 * 1024);
        let lines: Vec<&str> = tail.lines().collect();
        let skip = lines.len().saturating_sub(MAX_LINES);
        lines[skip..]
            .iter()
            .map(|l| (*l).to_owned())
            .collect::<Vec<_>>()
            .into_iter()
    }
}

impl fmt::Display for Output {
    /// The kept text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for chunk in &self.sealed {
            f.write_str(chunk)?;
        }
        f.write_str(&self.open)
    }
}

impl PartialEq for Output {
    fn eq(&self, other: &Output) -> bool {
        self.dropped == other.dropped && self.to_string() == other.to_string()
    }
}

impl PartialEq<&str> for Output {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl PartialEq<str> for Output {
    /// The whole text was kept and is `other`, compared chunk by chunk.
    fn eq(&self, other: &str) -> bool {
        if self.dropped != 0 || self.kept != other.len() as u64 {
            return false;
        }
        let mut rest = other.as_bytes();
        for piece in self
            .sealed
            .iter()
            .map(|c| c.as_bytes())
            .chain([self.open.as_bytes()])
        {
            match rest.strip_prefix(piece) {
                Some(after) => rest = after,
                None => return false,
            }
        }
        rest.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_share_chunks_and_old_text_goes_past_the_limit() {
        let mut output = Output::default();
        output.set_limit(4 * CHUNK as u64);
        let line = "é".repeat(500) + "\n";
        for _ in 0..1000 {
            output.push_str(&line);
        }
        assert_eq!(output.len(), 1000 * line.len() as u64);
        assert!(output.to_string().len() as u64 <= 5 * CHUNK as u64);
        assert!(output.dropped() > 0);
        let copy = output.clone();
        assert!(Arc::ptr_eq(&copy.sealed[0], &output.sealed[0]));
        assert_eq!(
            output.lines().last().as_deref(),
            Some(&line[..line.len() - 1])
        );
        assert!(output.tail(7).starts_with('é') || output.tail(7).starts_with('\n'));
    }

    #[test]
    fn drain_streams_everything_once() {
        let mut output = Output::default();
        output.push_str("hello\n");
        assert_eq!(output, "hello\n");
        assert_eq!(output.drain(), "hello\n");
        output.push_str("world\n");
        assert_eq!(output.drain(), "world\n");
        assert_eq!(output.len(), 12);
    }
}
