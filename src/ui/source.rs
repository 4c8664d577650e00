//! The source pane: line numbers, `▶` on the shown frame's line, `●` on breakpoints,
//! the cursor for `t` and `b`, light syntax highlighting.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Theme;
use crate::app::{App, Focus};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub fn render(frame: &mut Frame, area: Rect, app: &App, block: Block) {
    let theme = &app.theme;
    let inner = block.inner(area);
    let source = app.session.vm().source();
    let lines: Vec<&str> = source.lines().collect();
    let current = app.current_line();
    let breakpoints = app.session.breakpoints();
    let height = inner.height as usize;
    // Keep the cursor (which follows the current line) in view, a little above centre.
    let focus_line = app.cursor_line as usize;
    let top = focus_line
        .saturating_sub(height / 3 + 1)
        .min(lines.len().saturating_sub(height));
    let number_width = lines.len().to_string().len().max(2);

    let text: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(index, text)| {
            let number = index as u32 + 1;
            let marker = if current == Some(number) {
                Span::styled("▶ ", theme.current)
            } else if breakpoints.contains(&number) {
                Span::styled("● ", theme.breakpoint)
            } else {
                Span::raw("  ")
            };
            let bp = if current == Some(number) && breakpoints.contains(&number) {
                Span::styled("●", theme.breakpoint)
            } else {
                Span::raw(" ")
            };
            let number_style = if current == Some(number) {
                theme.current
            } else {
                theme.line_number
            };
            let mut spans = vec![
                marker,
                Span::styled(format!("{number:>number_width$}"), number_style),
                bp,
                Span::raw(" "),
            ];
            spans.extend(highlight(text, theme));
            let mut line = Line::from(spans);
            if app.focus == Focus::Source && app.cursor_line == number {
                line = line.patch_style(theme.cursor);
            }
            line
        })
        .collect();
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(text), inner);
}

/// Split a Python line into coloured spans: keywords, strings, numbers, comments.
fn highlight(text: &str, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let push = |spans: &mut Vec<Span<'static>>, s: String, style: Style| {
        spans.push(Span::styled(s, style));
    };
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c == '#' {
            push(&mut spans, chars[i..].iter().collect(), theme.comment);
            break;
        } else if c == '\'' || c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(chars.len());
            push(&mut spans, chars[start..i].iter().collect(), theme.string);
        } else if c.is_ascii_digit() {
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || chars[i] == '.')
            {
                i += 1;
            }
            push(&mut spans, chars[start..i].iter().collect(), theme.number);
        } else if c.is_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let style = if KEYWORDS.contains(&word.as_str()) {
                theme.keyword
            } else {
                Style::new()
            };
            push(&mut spans, word, style);
        } else {
            while i < chars.len()
                && !(chars[i].is_alphanumeric() || matches!(chars[i], '_' | '#' | '\'' | '"'))
            {
                i += 1;
            }
            push(&mut spans, chars[start..i].iter().collect(), Style::new());
        }
    }
    spans
}
