//! The `?` overlay: every binding of the keymap table, with its help text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::App;
use crate::app::keymap::KEYMAP;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let mut lines: Vec<Line> = KEYMAP
        .iter()
        .map(|binding| {
            let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
            Line::from(vec![
                Span::styled(format!("{:<10}", keys.join(" ")), theme.key),
                Span::raw(binding.help),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "Heap marks: +1/−1 change since the previous stop, new, freed, const (held by",
        theme.dim,
    )));
    lines.push(Line::from(Span::styled(
        "a code object's constants, not counted in refs), immortal (never freed).",
        theme.dim,
    )));
    lines.push(Line::from(Span::styled(
        "Any key closes this help.",
        theme.dim,
    )));
    let width = area.width.saturating_sub(4).min(84);
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .title(Span::styled(" Keys ", theme.title))
                .border_style(theme.focused_border),
        ),
        popup,
    );
}
