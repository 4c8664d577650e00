//! The names pane: the call stack and each frame's variables, each pointing at
//! an object: `global a ─▶ 0x7f… 'hello'`. The lecture's diagrams in text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::view::Screen;
use crate::vm::heap::ObjId;

pub fn render(frame: &mut Frame, area: Rect, app: &Screen, block: Block) {
    let offset = app.scroll.names;
    super::scrolled(frame, area, block, lines(app), offset, &app.theme);
}

/// The pane's lines: each frame, innermost first, then its names.
pub fn lines(app: &Screen) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let vm = app.session.vm();
    let short = app.short_ids();
    let shown = app.shown_frame();
    let arrow = |label: String, id: Option<ObjId>| -> Line<'static> {
        match id {
            Some(id) => {
                let object = vm.heap.get(id);
                Line::from(vec![
                    Span::raw(format!("{label} ─▶ ")),
                    Span::raw(format!("{} ", super::heap::id_text(object.address, short))),
                    Span::raw(vm.heap.short_repr(id)),
                ])
            }
            None => Line::from(vec![
                Span::raw(format!("{label} ")),
                Span::styled("(unbound)", theme.dim),
            ]),
        }
    };
    let mut lines: Vec<Line> = Vec::new();
    let frames = vm.frames();
    if frames.is_empty() {
        lines.push(Line::from(Span::styled("<module> (finished)", theme.title)));
    }
    // Innermost frame first, as a backtrace reads: that is where the action is.
    for (index, frame_) in frames.iter().enumerate().rev() {
        let marker = if shown == Some(index) { "▶ " } else { "  " };
        let line = if index + 1 == frames.len() {
            frame_.next_line()
        } else {
            frame_.current_line()
        };
        let at = line
            .filter(|&l| l > 0)
            .map(|l| format!("  line {l}"))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(marker, theme.current),
            Span::styled(frame_.code.code.qualname.clone(), theme.title),
            Span::styled(at, theme.dim),
        ]));
        if index > 0 {
            // Under its frame's heading, "local x" needs no "in f".
            for (name, slot) in vm.local_names(frame_).into_iter().zip(&frame_.locals) {
                lines.push(arrow(format!("local {name}"), slot.obj));
            }
        } else {
            lines.extend(globals(app, &arrow));
        }
    }
    if frames.is_empty() {
        lines.extend(globals(app, &arrow));
    }
    lines
}

/// The module's names; dunder entries only with `a` (they are internals).
fn globals(
    app: &Screen,
    arrow: &dyn Fn(String, Option<ObjId>) -> Line<'static>,
) -> Vec<Line<'static>> {
    app.session
        .vm()
        .globals()
        .into_iter()
        .filter(|(name, _)| app.show_all || !(name.starts_with("__") && name.ends_with("__")))
        .map(|(name, id)| arrow(format!("global {name}"), Some(id)))
        .collect()
}
