//! The `?` overlay: every key binding the app hands over, with its help text,
//! in one column when the terminal is tall enough, else in two, and in
//! pages (`?` turns them) when even that does not fit.

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

/// How the help is laid out on a screen: columns, rows per page, pages.
pub fn pages(app: &Screen, area: Rect) -> (usize, usize, usize) {
    let table = &app.keys.rows;
    let (key_width, help_width) = widths(app);
    let entry_width = key_width + help_width + 2;
    let room = area.height.saturating_sub(2) as usize;
    let fits_two = entry_width * 2 + 2 <= area.width as usize;
    let columns = if table.len() + FOOTER.len() < room || !fits_two {
        1
    } else {
        2
    };
    let all_rows = table.len().div_ceil(columns);
    // On a small screen the help comes in pages (`?` turns them), each with
    // a line saying so: no entry is cut off.
    let per_page = if all_rows <= room {
        all_rows
    } else {
        room.saturating_sub(1).max(1)
    };
    (columns, per_page, all_rows.div_ceil(per_page).max(1))
}

fn widths(app: &Screen) -> (usize, usize) {
    let table = &app.keys.rows;
    let key_width = table
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(4)
        + 1;
    let help_width = table
        .iter()
        .map(|(_, help)| help.chars().count())
        .max()
        .unwrap_or(10);
    (key_width, help_width)
}

pub fn render(frame: &mut Frame, area: Rect, app: &Screen) {
    let theme = &app.theme;
    let table = &app.keys.rows;
    let (key_width, help_width) = widths(app);
    let entry_width = key_width + help_width + 2;
    let room = area.height.saturating_sub(2) as usize;
    let (columns, per_page, page_count) = pages(app, area);
    let page = app.help_page.min(page_count - 1);
    let entry = |index: usize| -> Vec<Span<'static>> {
        match table.get(index) {
            Some((label, help)) => vec![
                Span::styled(format!("{label:<key_width$}"), theme.key),
                Span::raw(format!("{:<w$}", help, w = help_width + 2)),
            ],
            None => vec![],
        }
    };
    // Two columns read down the first, then down the second.
    let rows = table.len().div_ceil(columns);
    let first = page * per_page;
    let mut lines: Vec<Line> = (first..(first + per_page).min(rows))
        .map(|row| {
            let mut spans = entry(row);
            if columns == 2 {
                spans.extend(entry(row + rows));
            }
            Line::from(spans)
        })
        .collect();
    if page_count > 1 {
        lines.push(Line::from(Span::styled(
            format!(
                "? next page ({}/{page_count}), any other key closes",
                page + 1
            ),
            theme.mark,
        )));
    } else if rows + FOOTER.len() < room {
        lines.push(Line::from(""));
        lines.extend(
            FOOTER
                .iter()
                .map(|t| Line::from(Span::styled(*t, theme.dim))),
        );
    }
    let footer_width = if page_count > 1 {
        46
    } else {
        FOOTER.iter().map(|t| t.chars().count()).max().unwrap_or(0)
    };
    let width = ((entry_width * columns) as u16 + 2).max(footer_width as u16 + 2);
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
