//! The `?` overlay: every key binding the app hands over, with its help text,
//! in one column when the terminal is tall enough, else in two.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::view::Screen;

const FOOTER: &[&str] = &[
    "Heap marks: +1/−1 change since the previous stop, new, freed,",
    "const (held by constants, not counted), immortal (never freed).",
    "Mouse: click source or heap to focus it; the wheel moves there.",
    "Any key closes this help.",
];

pub fn render(frame: &mut Frame, area: Rect, app: &Screen) {
    let theme = &app.theme;
    let table = &app.keys.rows;
    let labels: Vec<String> = table.iter().map(|(keys, _)| keys.clone()).collect();
    let key_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(4) + 1;
    let help_width = table
        .iter()
        .map(|(_, help)| help.chars().count())
        .max()
        .unwrap_or(10);
    let entry_width = key_width + help_width + 2;
    let room = area.height.saturating_sub(2) as usize;
    let columns = if table.len() + FOOTER.len() < room {
        1
    } else {
        2
    };
    let rows = table.len().div_ceil(columns);
    let entry = |index: usize| -> Vec<Span<'static>> {
        match (table.get(index), labels.get(index)) {
            (Some((_, help)), Some(label)) => vec![
                Span::styled(format!("{label:<key_width$}"), theme.key),
                Span::raw(format!("{:<w$}", help, w = help_width + 2)),
            ],
            _ => vec![],
        }
    };
    let mut lines: Vec<Line> = (0..rows)
        .map(|row| {
            let mut spans = entry(row);
            if columns == 2 {
                spans.extend(entry(row + rows));
            }
            Line::from(spans)
        })
        .collect();
    if rows + FOOTER.len() < room {
        lines.push(Line::from(""));
        lines.extend(
            FOOTER
                .iter()
                .map(|t| Line::from(Span::styled(*t, theme.dim))),
        );
    }
    let width = ((entry_width * columns) as u16 + 2)
        .max(FOOTER.iter().map(|t| t.chars().count()).max().unwrap_or(0) as u16 + 2);
    super::popup(
        frame,
        area,
        lines,
        "Keys  (any key closes)",
        theme,
        super::Placement::Centre,
        width,
    );
}
