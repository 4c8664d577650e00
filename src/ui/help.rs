//! The `?` overlay: every binding of the keymap table, with its help text,
//! in one column when the terminal is tall enough, else in two.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::keymap::KEYMAP;

const FOOTER: &[&str] = &[
    "Heap marks: +1/−1 change since the previous stop, new, freed,",
    "const (held by constants, not counted), immortal (never freed).",
    "Mouse: click source or heap to focus it; the wheel moves there.",
    "Any key closes this help.",
];

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let labels: Vec<String> = KEYMAP
        .iter()
        .map(|b| {
            b.keys
                .iter()
                .map(|k| k.label())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let key_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(4) + 1;
    let help_width = KEYMAP
        .iter()
        .map(|b| b.help.chars().count())
        .max()
        .unwrap_or(10);
    let entry_width = key_width + help_width + 2;
    let room = area.height.saturating_sub(2) as usize;
    let columns = if KEYMAP.len() + FOOTER.len() < room {
        1
    } else {
        2
    };
    let rows = KEYMAP.len().div_ceil(columns);
    let entry = |index: usize| -> Vec<Span<'static>> {
        match (KEYMAP.get(index), labels.get(index)) {
            (Some(binding), Some(label)) => vec![
                Span::styled(format!("{label:<key_width$}"), theme.key),
                Span::raw(format!("{:<w$}", binding.help, w = help_width + 2)),
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
