//! The status line (`step N/total  line L  <what the last step did>`) and the key line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::keymap::key_line_items;

pub fn render_status(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let line = if let Some(prompt) = &app.prompt {
        Line::from(vec![
            Span::styled(" go to step: ", theme.status),
            Span::raw(format!("{prompt}▏")),
            Span::styled("  (Enter to go, Esc to cancel)", theme.dim),
        ])
    } else {
        let session = &app.session;
        let place = if session.is_finished() {
            "finished".to_owned()
        } else {
            app.current_line()
                .map(|l| format!("line {l}"))
                .unwrap_or_default()
        };
        let total = session
            .total_steps()
            .map(|t| format!("/{t}"))
            .unwrap_or_default();
        let mut spans = vec![
            Span::styled(
                format!(" step {}{total}  {place}  ", session.step_number()),
                theme.status,
            ),
            Span::raw(session.explain()),
        ];
        if let Some(note) = &session.last_stop().note {
            spans.push(Span::styled(format!("  ({note})"), theme.dim));
        }
        if let Some(message) = &app.message {
            spans.push(Span::styled(format!("  {message}"), theme.error));
        }
        Line::from(spans)
    };
    frame.render_widget(Paragraph::new(line), area);
}

pub fn render_keys(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let width = area.width as usize;
    let items = key_line_items();
    let len = |(keys, word): &(String, &str)| keys.chars().count() + 1 + word.chars().count() + 2;
    // `? help` and `q quit` (the last items) always fit; the others as room allows.
    let tail = items.len().saturating_sub(2);
    let mut used = 1 + items[tail..].iter().map(len).sum::<usize>();
    let mut shown = Vec::new();
    for item in &items[..tail] {
        if used + len(item) > width {
            break;
        }
        used += len(item);
        shown.push(item);
    }
    shown.extend(&items[tail..]);
    let mut spans = vec![Span::raw(" ")];
    for (keys, word) in shown {
        spans.push(Span::styled(keys.clone(), theme.key));
        spans.push(Span::raw(format!(" {word}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
