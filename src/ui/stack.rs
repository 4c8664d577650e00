//! The stack pane: the shown frame's value stack, top first, each slot with
//! id, type and short value; `borrowed` slots marked; slots the last step
//! pushed highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::view::Screen;

pub fn render(frame: &mut Frame, area: Rect, app: &Screen, block: Block) {
    let offset = app.scroll.stack;
    super::scrolled(frame, area, block, lines(app), offset, &app.theme);
}

/// The pane's lines, top of the stack first.
pub fn lines(app: &Screen) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let vm = app.session.vm();
    let Some(index) = app.shown_frame() else {
        return vec![Line::from(Span::styled("(no frames)", theme.dim))];
    };
    let Some(shown) = vm.frames().get(index) else {
        return Vec::new();
    };
    let pushed = &app.session.last_stop().pushed;
    if shown.stack.is_empty() {
        return vec![Line::from(Span::styled("(empty)", theme.dim))];
    }
    let short = app.short_ids();
    shown
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
                        "{} {} {}",
                        super::heap::id_text(object.address, short),
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
        .collect()
}
