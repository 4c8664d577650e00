//! The source pane: line numbers, a bar and `▶` on the shown frame's line
//! (`✗` post-mortem), `▷` on the line just run, the current instruction's
//! sub-expression underlined, `●` on breakpoints, the cursor for `t` and `b`,
//! light syntax highlighting.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Theme;
use super::view::{Focus, Screen};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub fn render(frame: &mut Frame, area: Rect, app: &Screen, block: Block) {
    let theme = &app.theme;
    let inner = block.inner(area);
    let source = app.session.vm().source();
    let lines: Vec<&str> = source.lines().collect();
    let current = app.current_line();
    let failed = app.session.traceback().is_some();
    let just_ran = app.line_just_run().filter(|&l| Some(l) != current);
    // The sub-expression the marked instruction works on (CPython's positions).
    let span = app
        .marked_position()
        .filter(|p| p.line == current && p.end_line == p.line);
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
            let is_current = current == Some(number);
            // ▶ the next line, ✗ the failing line post-mortem, ▷ the line
            // just run (Python Tutor's two arrows), ● a breakpoint.
            let marker = if is_current && failed {
                Span::styled("✗ ", theme.error)
            } else if is_current {
                Span::styled("▶ ", theme.current)
            } else if just_ran == Some(number) {
                Span::styled("▷ ", theme.just_ran)
            } else if app.session.condition(number).is_some() {
                Span::styled("◆ ", theme.breakpoint)
            } else if breakpoints.contains(&number) {
                Span::styled("● ", theme.breakpoint)
            } else {
                Span::raw("  ")
            };
            let bp = if (is_current || just_ran == Some(number)) && breakpoints.contains(&number) {
                Span::styled("●", theme.breakpoint)
            } else {
                Span::raw(" ")
            };
            let number_style = if is_current {
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
            let (expanded, columns) = expand_tabs_mapped(text);
            let mut code = highlight(&expanded, theme);
            if is_current
                && let Some(position) = span
                && let (Some(col), Some(end)) = (position.col, position.end_col)
            {
                let from = columns.get(col as usize).copied();
                let to = columns.get(end as usize).copied();
                if let (Some(from), Some(to)) = (from, to) {
                    code = underline(code, from, to, theme.expression);
                }
            }
            spans.extend(code);
            let mut line = Line::from(spans);
            if is_current {
                // A bar across the whole pane, readable from the back row.
                let used = super::text_width(&line.to_string());
                let fill = (inner.width as usize).saturating_sub(used);
                line.spans.push(Span::raw(" ".repeat(fill)));
                // On every span, so syntax colours do not fight the bar;
                // the bar is the cursor too when they share the line.
                let bar = if failed {
                    theme.failed_bar
                } else {
                    theme.current_bar
                };
                line.spans = line
                    .spans
                    .into_iter()
                    .map(|span| {
                        let underlined = span.style.add_modifier.contains(Modifier::UNDERLINED);
                        let span = span.style(bar);
                        if underlined {
                            span.patch_style(theme.expression)
                        } else {
                            span
                        }
                    })
                    .collect();
            } else if app.focus == Focus::Source && app.cursor_line == number {
                line = line.patch_style(theme.cursor);
            }
            line
        })
        .collect();
    let below = lines.len().saturating_sub(top + height);
    frame.render_widget(super::more_hint(block, top, below, theme), area);
    frame.render_widget(Paragraph::new(text), inner);
}

/// `spans` with the characters `from..to` (counted over the whole text)
/// given `style` on top of their own.
fn underline(
    spans: Vec<Span<'static>>,
    from: usize,
    to: usize,
    style: Style,
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    for span in spans {
        let chars: Vec<char> = span.content.chars().collect();
        let (start, end) = (at, at + chars.len());
        at = end;
        let (a, b) = (from.clamp(start, end) - start, to.clamp(start, end) - start);
        if a >= b {
            out.push(span);
            continue;
        }
        let piece = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
        if a > 0 {
            out.push(Span::styled(piece(0..a), span.style));
        }
        out.push(Span::styled(piece(a..b), span.style.patch(style)));
        if b < chars.len() {
            out.push(Span::styled(piece(b..chars.len()), span.style));
        }
    }
    out
}

/// [`expand_tabs`], and for every UTF-8 byte column of `text` (as CPython's
/// positions count) the character index it lands on in the expanded text.
fn expand_tabs_mapped(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut columns = Vec::with_capacity(text.len() + 1);
    let mut column = 0;
    for c in text.chars() {
        for _ in 0..c.len_utf8() {
            columns.push(column);
        }
        if c == '\t' {
            let spaces = 8 - column % 8;
            out.push_str(&" ".repeat(spaces));
            column += spaces;
        } else {
            out.push(c);
            column += 1;
        }
    }
    columns.push(column);
    (out, columns)
}

/// Tabs to spaces at stops of 8, as Python's tokenizer and a terminal count
/// them (a raw tab in a cell would not move the cursor the same way).
pub fn expand_tabs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    for c in text.chars() {
        if c == '\t' {
            let spaces = 8 - column % 8;
            out.push_str(&" ".repeat(spaces));
            column += spaces;
        } else {
            out.push(c);
            column += 1;
        }
    }
    out
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
