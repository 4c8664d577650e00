//! The stack pane: the shown frame's value stack, top first, each slot with
//! id, type and short value; `borrowed` slots marked; slots the last step
//! pushed highlighted.

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
    let Some(index) = app.shown_frame() else {
        frame.render_widget(
            Paragraph::new(Span::styled("(no frames)", theme.dim)),
            inner,
        );
        return;
    };
    let Some(shown) = vm.frames().get(index) else {
        return;
    };
    let pushed = &app.session.last_stop().pushed;
    if shown.stack.is_empty() {
        frame.render_widget(Paragraph::new(Span::styled("(empty)", theme.dim)), inner);
        return;
    }
    let lines: Vec<Line> = shown
        .stack
        .iter()
        .enumerate()
        .rev()
        .map(|(slot, entry)| {
            let mut spans = vec![Span::styled(format!("[{slot}] "), theme.dim)];
            match entry.obj {
                Some(id) => {
                    let object = vm.heap.get(id);
                    spans.push(Span::raw(format!(
                        "{:#014x} {} {}",
                        object.address,
                        object.value.type_name(),
                        vm.heap.short_repr(id)
                    )));
                    if entry.borrowed {
                        spans.push(Span::styled(" borrowed", theme.mark));
                    }
                }
                None => spans.push(Span::styled("NULL", theme.dim)),
            }
            let line = Line::from(spans);
            if pushed.contains(&(index, slot)) {
                line.patch_style(theme.increase)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
