//! The output pane: what the program printed so far, its last lines, and the
//! traceback if it ended with an exception.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::App;

pub fn render(frame: &mut Frame, area: Rect, app: &App, block: Block) {
    let theme = &app.theme;
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let vm = app.session.vm();
    let mut lines: Vec<Line> = vm
        .output
        .lines()
        .map(|l| Line::from(l.to_owned()))
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
    let height = inner.height as usize;
    let skip = lines.len().saturating_sub(height);
    let visible: Vec<Line> = lines.into_iter().skip(skip).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}
