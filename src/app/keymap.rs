//! The one keymap table: every key, the action it triggers and its help text.
//!
//! The help overlay, the bottom key line and the key dispatcher all read
//! [`KEYMAP`], so a key cannot be documented one way and behave another
//! (helix's command table, in miniature). Keys are also written in a vim-like
//! notation (`s`, `<Down>`, `<C-c>`) for `--keys` and tests: [`parse_keys`].

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key press as bytestep cares about it: the key and whether Ctrl was held.
///
/// Shift is folded into the character (`I` is `Char('I')`), as terminals send it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// How the help overlay and key line write this key.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("C-{base}") } else { base }
    }
}

impl From<KeyEvent> for Key {
    fn from(event: KeyEvent) -> Key {
        let code = match event.code {
            // Some terminals report Shift-Tab as BackTab; treat it as Tab.
            KeyCode::BackTab => KeyCode::Tab,
            other => other,
        };
        Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        }
    }
}

/// One entry of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// The help overlay's text.
    pub help: &'static str,
    /// The key line's word, for the most used keys; neighbours with the same
    /// word are shown together (`S/N/F/C reverse`).
    pub short: Option<&'static str>,
}

const fn bind(
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    short: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        action,
        help,
        short,
    }
}

/// Every key of the normal mode, in the order the help overlay lists them.
pub const KEYMAP: &[Binding] = &[
    bind(
        &[Key::char('i'), Key::plain(KeyCode::Right)],
        Action::StepInstruction,
        "one instruction forward",
        Some("instr"),
    ),
    bind(
        &[Key::char('s')],
        Action::StepLine,
        "step: next line, into calls",
        Some("step"),
    ),
    bind(
        &[Key::char('n')],
        Action::NextLine,
        "next: next line, over calls",
        Some("next"),
    ),
    bind(
        &[Key::char('f')],
        Action::Finish,
        "finish: out of this function",
        Some("finish"),
    ),
    bind(
        &[Key::char('c')],
        Action::Continue,
        "continue to breakpoint or end",
        Some("cont"),
    ),
    bind(
        &[Key::char('I'), Key::plain(KeyCode::Left)],
        Action::BackInstruction,
        "back one instruction",
        Some("back"),
    ),
    bind(
        &[Key::char('S')],
        Action::BackLine,
        "back to the previous line",
        Some("reverse"),
    ),
    bind(
        &[Key::char('N')],
        Action::BackNext,
        "back a line, over calls",
        Some("reverse"),
    ),
    bind(
        &[Key::char('F')],
        Action::BackOut,
        "back out to the call",
        Some("reverse"),
    ),
    bind(
        &[Key::char('C')],
        Action::ReverseContinue,
        "back to breakpoint or start",
        Some("reverse"),
    ),
    bind(
        &[Key::char('t')],
        Action::RunToCursor,
        "run to the cursor's line",
        None,
    ),
    bind(
        &[Key::char('g')],
        Action::GoToStart,
        "the opening stop (first line)",
        None,
    ),
    bind(
        &[Key::char('G')],
        Action::GoToEnd,
        "the end (or the failure)",
        None,
    ),
    bind(
        &[Key::char(':')],
        Action::GoToPrompt,
        ":N step N, :b 12 if n > 3",
        None,
    ),
    bind(
        &[Key::char('b')],
        Action::ToggleBreakpoint,
        "breakpoint on cursor's line",
        Some("break"),
    ),
    bind(
        &[Key::char('w')],
        Action::ToggleWatch,
        "watch the heap row's object",
        Some("watch"),
    ),
    bind(
        &[Key::char('B')],
        Action::ShowBreakpoints,
        "list breakpoints and watches",
        None,
    ),
    bind(
        &[Key::plain(KeyCode::Up), Key::char('k')],
        Action::MoveUp,
        "up: source cursor / heap row",
        None,
    ),
    bind(
        &[Key::plain(KeyCode::Down), Key::char('j')],
        Action::MoveDown,
        "down: source cursor / heap row",
        None,
    ),
    bind(
        &[Key::plain(KeyCode::Tab)],
        Action::FocusNext,
        "focus: source/heap/names/…",
        Some("focus"),
    ),
    bind(
        &[Key::char('u')],
        Action::FrameUp,
        "up the call stack (caller)",
        None,
    ),
    bind(
        &[Key::char('d')],
        Action::FrameDown,
        "down the call stack (callee)",
        None,
    ),
    bind(
        &[Key::char('a')],
        Action::ToggleAllObjects,
        "heap: all objects or program's",
        Some("all"),
    ),
    bind(
        &[Key::char('v')],
        Action::ToggleHeapGraph,
        "heap: table or picture",
        None,
    ),
    bind(
        &[Key::char('o')],
        Action::OutputFull,
        "output full-screen",
        Some("output"),
    ),
    bind(
        &[Key::char('O')],
        Action::ToggleOutputPane,
        "hide/show the output pane",
        None,
    ),
    bind(
        &[Key::plain(KeyCode::Enter)],
        Action::ShowReferrers,
        "heap: referrers of the row",
        None,
    ),
    bind(
        &[Key::char('x')],
        Action::ExportFigure,
        "export this stop as a figure",
        None,
    ),
    bind(
        &[Key::plain(KeyCode::Esc)],
        Action::Close,
        "close popup or prompt",
        None,
    ),
    bind(&[Key::char('?')], Action::Help, "this help", Some("help")),
    bind(
        &[Key::char('q'), Key::ctrl('c')],
        Action::Quit,
        "quit",
        Some("quit"),
    ),
];

/// The help overlay's rows: each binding's keys as written and its help.
pub fn help_rows() -> Vec<(String, &'static str)> {
    KEYMAP
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(Key::label).collect();
            (keys.join(" "), b.help)
        })
        .collect()
}

/// The action bound to a key in normal mode.
pub fn action_for(key: Key) -> Option<Action> {
    KEYMAP
        .iter()
        .find(|binding| binding.keys.contains(&key))
        .map(|binding| binding.action)
}

/// The bottom key line: `i instr  s step  …  S/N/F/C reverse  ? help  q quit`.
pub fn key_line_items() -> Vec<(String, &'static str)> {
    let mut items: Vec<(String, &'static str)> = Vec::new();
    for binding in KEYMAP {
        let (Some(short), Some(key)) = (binding.short, binding.keys.first()) else {
            continue;
        };
        match items.last_mut() {
            Some((keys, word)) if *word == short => {
                keys.push('/');
                keys.push_str(&key.label());
            }
            _ => items.push((key.label(), short)),
        }
    }
    items
}

/// Parse vim-style key notation: plain characters, `<Down>`, `<Up>`,
/// `<Left>`, `<Right>`, `<Tab>`, `<CR>`/`<Enter>`, `<Esc>`, `<BS>`,
/// `<Space>`, `<lt>` for `<`, `<C-x>` for Ctrl-x.
pub fn parse_keys(text: &str) -> Result<Vec<Key>, String> {
    let mut keys = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c != '<' {
            keys.push(Key::char(c));
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let Some(end) = rest.find('>') else {
            return Err(format!(
                "unclosed '<' in keys {text:?} (write <lt> for a plain '<')"
            ));
        };
        let name = &rest[1..end];
        keys.push(named_key(name).ok_or_else(|| {
            format!(
                "unknown key <{name}> in {text:?}; known: <Up> <Down> <Left> <Right> <Tab> \
                 <CR> <Enter> <Esc> <BS> <Space> <lt> <C-x>"
            )
        })?);
        rest = &rest[end + 1..];
    }
    Ok(keys)
}

fn named_key(name: &str) -> Option<Key> {
    let lower = name.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("c-") {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_alphanumeric() => Some(Key::ctrl(c)),
            _ => None,
        };
    }
    let code = match lower.as_str() {
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "tab" => KeyCode::Tab,
        "cr" | "enter" | "return" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "bs" | "backspace" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        "lt" => KeyCode::Char('<'),
        "gt" => KeyCode::Char('>'),
        _ => return None,
    };
    Some(Key::plain(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn no_key_has_two_actions() {
        let mut seen: HashMap<Key, Action> = HashMap::new();
        for binding in KEYMAP {
            for key in binding.keys {
                if let Some(other) = seen.insert(*key, binding.action) {
                    panic!(
                        "key {} bound to both {other:?} and {:?}",
                        key.label(),
                        binding.action
                    );
                }
            }
        }
    }

    #[test]
    fn every_action_has_help_text() {
        for binding in KEYMAP {
            assert!(!binding.help.is_empty(), "{:?}", binding.action);
            // Two help columns fit an 80-column terminal.
            assert!(binding.help.chars().count() <= 30, "{:?}", binding.help);
            assert!(!binding.keys.is_empty(), "{:?}", binding.action);
        }
    }

    #[test]
    fn notation_parses_plain_named_and_ctrl_keys() {
        let keys = parse_keys("si<Down><CR><lt><C-c><space>:12<Enter>").expect("valid");
        assert_eq!(
            keys,
            vec![
                Key::char('s'),
                Key::char('i'),
                Key::plain(KeyCode::Down),
                Key::plain(KeyCode::Enter),
                Key::char('<'),
                Key::ctrl('c'),
                Key::char(' '),
                Key::char(':'),
                Key::char('1'),
                Key::char('2'),
                Key::plain(KeyCode::Enter),
            ]
        );
        assert_eq!(parse_keys("").expect("empty is fine"), vec![]);
    }

    #[test]
    fn bad_notation_is_an_error_not_a_panic() {
        assert!(parse_keys("s<Down").is_err());
        assert!(parse_keys("<Nope>").is_err());
        assert!(parse_keys("<C->").is_err());
        assert!(parse_keys("<>").is_err());
    }

    #[test]
    fn key_line_groups_the_reverse_keys() {
        let items = key_line_items();
        assert!(items.contains(&("S/N/F/C".to_owned(), "reverse")));
        assert!(items.contains(&("q".to_owned(), "quit")));
    }

    #[test]
    fn ctrl_c_and_q_quit() {
        assert_eq!(action_for(Key::ctrl('c')), Some(Action::Quit));
        assert_eq!(action_for(Key::char('q')), Some(Action::Quit));
        assert_eq!(action_for(Key::char('I')), Some(Action::BackInstruction));
    }
}
