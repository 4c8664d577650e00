//! The output pane: what the program printed so far and, post-mortem, the
//! whole traceback; scrolls, follows the end, and has a full-screen view (`o`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::view::Screen;

pub fn render(frame: &mut Frame, area: Rect, app: &Screen, block: Block) {
    let inner = block.inner(area);
    let lines = super::fold(lines(app), inner.width as usize);
    let height = inner.height as usize;
    // Counted from the end: by default the pane follows the latest output.
    let offset = lines
        .len()
        .saturating_sub(height + app.scroll.output_from_end);
    super::scrolled(frame, area, block, lines, offset, &app.theme);
}

/// What the program printed, then the whole traceback if it failed.
pub fn lines(app: &Screen) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let vm = app.session.vm();
    let mut lines: Vec<Line> = vm
        .output
        .lines()
        .map(|l| Line::from(super::source::expand_tabs(&l)))
        .collect();
    if let Some(traceback) = app.session.traceback() {
        lines.extend(
            traceback
                .lines()
                .map(|l| Line::from(Span::styled(l.to_owned(), theme.error))),
        );
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled("(nothing printed yet)", theme.dim)));
    }
    lines
}

/// How many lines the output pane would like: a whole traceback
/// post-mortem, else a few; 0 when hidden (`O`).
pub fn wanted_lines(app: &Screen) -> usize {
    if app.output_hidden {
        0
    } else if app.session.traceback().is_some() {
        lines(app).len()
    } else {
        1
    }
}

/// `o`: the whole output on the whole screen, its end in view.
pub fn render_full(frame: &mut Frame, area: Rect, app: &Screen) {
    let block = Block::bordered()
        .title(Span::styled(" Output  (o or Esc closes) ", app.theme.title))
        .border_style(app.theme.focused_border);
    frame.render_widget(ratatui::widgets::Clear, area);
    render(frame, area, app, block);
}
