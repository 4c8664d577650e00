//! Key scripts: the `--keys` notation plus pauses, for `--play` and `record`.
//!
//! A script is the same vim-like key notation as `--keys` ([`parse_keys`]),
//! with `<wait:MS>` anywhere to hold the current frame for MS milliseconds
//! instead of the usual delay (a lecturer's pause before the interesting step). Files given to `--play-file` may spread
//! a script over lines: line breaks are ignored, and a line whose first
//! non-blank character is `#` is a comment.

use super::keymap::{Key, parse_keys};

/// The pause between two scripted keys when none is given: long enough to
/// read what changed, short enough to keep a class awake.
pub const DEFAULT_DELAY_MS: u64 = 800;

/// The longest single `<wait:…>` accepted: ten minutes.
const MAX_WAIT_MS: u64 = 600_000;

/// One item of a key script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScriptItem {
    /// Press this key.
    Key(Key),
    /// Hold the current frame this many milliseconds instead of the usual delay.
    Wait(u64),
}

/// Parse a script: key notation with `<wait:MS>` pauses.
pub fn parse_script(text: &str) -> Result<Vec<ScriptItem>, String> {
    let mut items = Vec::new();
    let mut rest = text;
    loop {
        let Some(start) = find_wait(rest) else {
            items.extend(parse_keys(rest)?.into_iter().map(ScriptItem::Key));
            return Ok(items);
        };
        items.extend(parse_keys(&rest[..start])?.into_iter().map(ScriptItem::Key));
        let after = &rest[start + "<wait:".len()..];
        let end = after
            .find('>')
            .ok_or_else(|| format!("unclosed <wait: in {text:?}"))?;
        let millis: u64 = after[..end].trim().parse().map_err(|_| {
            format!(
                "bad pause <wait:{}> in {text:?}: write milliseconds, e.g. <wait:1500>",
                &after[..end]
            )
        })?;
        if millis > MAX_WAIT_MS {
            return Err(format!(
                "pause <wait:{millis}> is longer than {MAX_WAIT_MS} ms"
            ));
        }
        items.push(ScriptItem::Wait(millis));
        rest = &after[end + 1..];
    }
}

/// Parse a script file: comments (`#` lines) dropped, line breaks ignored.
pub fn parse_script_file(text: &str) -> Result<Vec<ScriptItem>, String> {
    let joined: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .map(|line| line.trim_end_matches('\r'))
        .collect();
    parse_script(&joined)
}

/// Where the next `<wait:` starts (case-insensitive, like the other key names).
fn find_wait(text: &str) -> Option<usize> {
    text.char_indices()
        .filter(|&(_, c)| c == '<')
        .map(|(i, _)| i)
        .find(|&i| {
            text.get(i..i + "<wait:".len())
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case("<wait:"))
        })
}

/// When each scripted key is pressed, in milliseconds from the first frame:
/// `delay` after the previous key, or the pauses written between them instead.
/// The second value is when the last frame stops being held (one more gap).
pub fn timeline(items: &[ScriptItem], delay_ms: u64) -> (Vec<(u64, Key)>, u64) {
    let mut at = 0u64;
    let mut pending_wait: Option<u64> = None;
    let mut presses = Vec::new();
    for item in items {
        match item {
            ScriptItem::Wait(millis) => {
                pending_wait = Some(pending_wait.unwrap_or(0).saturating_add(*millis));
            }
            ScriptItem::Key(key) => {
                at = at.saturating_add(pending_wait.take().unwrap_or(delay_ms));
                presses.push((at, *key));
            }
        }
    }
    let end = at.saturating_add(pending_wait.unwrap_or(delay_ms));
    (presses, end)
}

/// The gaps before each key and after the last one: the [`timeline`] as pauses.
pub fn gaps(items: &[ScriptItem], delay_ms: u64) -> (Vec<(u64, Key)>, u64) {
    let (presses, end) = timeline(items, delay_ms);
    let mut previous = 0;
    let gaps = presses
        .into_iter()
        .map(|(at, key)| {
            let gap = at - previous;
            previous = at;
            (gap, key)
        })
        .collect();
    (gaps, end - previous)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyCode;

    #[test]
    fn waits_split_the_keys() {
        let items = parse_script("s<wait:1500>i<Down><WAIT:20>").expect("valid");
        assert_eq!(
            items,
            vec![
                ScriptItem::Key(Key::char('s')),
                ScriptItem::Wait(1500),
                ScriptItem::Key(Key::char('i')),
                ScriptItem::Key(Key::plain(KeyCode::Down)),
                ScriptItem::Wait(20),
            ]
        );
    }

    #[test]
    fn bad_waits_are_errors() {
        for bad in [
            "<wait:>",
            "<wait:abc>",
            "<wait:10",
            "<wait:-5>",
            "<wait:999999999>",
        ] {
            assert!(parse_script(bad).is_err(), "{bad}");
        }
        assert!(parse_script("s<Nope>").is_err());
    }

    #[test]
    fn timeline_spaces_keys_by_the_delay_and_pauses_replace_it() {
        let items = parse_script("ss<wait:1000>i<wait:3000>").expect("valid");
        let (presses, end) = timeline(&items, 500);
        let times: Vec<u64> = presses.iter().map(|(t, _)| *t).collect();
        assert_eq!(times, vec![500, 1000, 2000]);
        assert_eq!(end, 5000);
        assert_eq!(timeline(&[], 500), (vec![], 500));
        let (gaps, last) = gaps(&items, 500);
        let gaps: Vec<u64> = gaps.iter().map(|(g, _)| *g).collect();
        assert_eq!((gaps, last), (vec![500, 500, 1000], 3000));
    }

    #[test]
    fn script_files_ignore_comments_and_line_breaks() {
        let text = "# the refcount story\nss\n  # pause on b = a\n<wait:2000>\r\ns\n";
        let items = parse_script_file(text).expect("valid");
        assert_eq!(
            items,
            vec![
                ScriptItem::Key(Key::char('s')),
                ScriptItem::Key(Key::char('s')),
                ScriptItem::Wait(2000),
                ScriptItem::Key(Key::char('s')),
            ]
        );
    }
}
