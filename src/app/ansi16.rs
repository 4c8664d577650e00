//! Real 16-colour escape codes. crossterm writes the 16 named colours as
//! 256-colour codes (`ESC[38;5;3m`), which some terminals (and the Linux
//! console) map to another palette or ignore; this writer turns them into
//! the codes every colour terminal knows (`ESC[33m`, `ESC[93m`, `ESC[43m`).
//!
//! crossterm may write one escape sequence in several pieces, so the writer
//! keeps what it is given until `flush` (ratatui flushes once per frame).

use std::io::{self, Write};

pub struct Ansi16<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Ansi16<W> {
    pub fn new(inner: W) -> Self {
        Ansi16 {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for Ansi16<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let text = rewrite(&self.pending);
        self.pending.clear();
        self.inner.write_all(&text)?;
        self.inner.flush()
    }
}

/// In every SGR sequence (`ESC[...m`), `38;5;N` and `48;5;N` with N below
/// 16 become `3X`/`9X` and `4X`/`10X`; everything else is unchanged
/// (crossterm writes colours alone, `ESC[38;5;3m`, and in pairs,
/// `ESC[38;5;7;49m`).
pub fn rewrite(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\x1b[") {
            let body_start = i + 2;
            let end = bytes[body_start..]
                .iter()
                .position(|b| (0x40..=0x7e).contains(b))
                .map(|p| body_start + p);
            if let Some(end) = end
                && bytes[end] == b'm'
                && let Ok(params) = std::str::from_utf8(&bytes[body_start..end])
            {
                out.extend_from_slice(b"\x1b[");
                out.extend_from_slice(sgr_params(params).as_bytes());
                out.push(b'm');
                i = end + 1;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn sgr_params(params: &str) -> String {
    let parts: Vec<&str> = params.split(';').collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let base = match parts[i] {
            "38" => Some(30),
            "48" => Some(40),
            _ => None,
        };
        if let Some(base) = base
            && parts.get(i + 1) == Some(&"5")
            && let Some(n) = parts.get(i + 2).and_then(|n| n.parse::<u16>().ok())
            && n < 16
        {
            out.push((if n < 8 { base + n } else { base + 60 + n - 8 }).to_string());
            i += 3;
            continue;
        }
        // Keep a 256-colour or RGB colour whole, so its numbers are not read
        // as attributes.
        let take = match (base, parts.get(i + 1)) {
            (Some(_), Some(&"5")) => 3,
            (Some(_), Some(&"2")) => 5,
            _ => 1,
        };
        let end = (i + take).min(parts.len());
        out.extend(parts[i..end].iter().map(|p| p.to_string()));
        i = end;
    }
    out.join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_colours_become_16_colour_codes() {
        let input = b"a\x1b[38;5;3mb\x1b[48;5;11mc\x1b[38;5;200md\x1b[1m\x1b[38;5;7;49m";
        let output = rewrite(input);
        assert_eq!(
            output,
            b"a\x1b[33mb\x1b[103mc\x1b[38;5;200md\x1b[1m\x1b[37;49m".to_vec()
        );
        let pair = rewrite(b"\x1b[38;5;0;48;5;3mX\x1b[38;2;1;2;3;1mY\x1b[2J");
        assert_eq!(pair, b"\x1b[30;43mX\x1b[38;2;1;2;3;1mY\x1b[2J".to_vec());
    }

    #[test]
    fn sequences_split_across_writes_are_rewritten() {
        let mut out = Vec::new();
        {
            let mut writer = Ansi16::new(&mut out);
            writer.write_all(b"\x1b[").expect("write");
            writer.write_all(b"38;5;").expect("write");
            writer.write_all(b"9m!").expect("write");
            writer.flush().expect("flush");
        }
        assert_eq!(out, b"\x1b[91m!");
    }

    #[test]
    fn crossterm_really_writes_256_colour_codes() {
        // The reason for this writer: if crossterm changes, this says so.
        let mut out = Vec::new();
        crossterm::queue!(
            out,
            crossterm::style::SetForegroundColor(crossterm::style::Color::DarkYellow)
        )
        .expect("queue");
        assert_eq!(out, b"\x1b[38;5;3m");
    }
}
