//! The heap as a picture (`v`): names on the left, objects on the right,
//! arrows from every name (and stack slot) to the object it refers to, two
//! names on one object drawn as arrows that meet, container items as arrows
//! from their container, and each object's real id and count. The lecture's
//! reference diagrams (and Python Tutor's picture) in text.
//!
//! Drawn per object rather than per frame, so arrows never cross: a name's
//! frame is part of its label (`x in f`).

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::view::Screen;
use crate::vm::heap::{ObjId, Referrer};

pub fn render(frame: &mut Frame, area: Rect, app: &Screen, block: Block) {
    let width = block.inner(area).width as usize;
    let offset = app.scroll.graph;
    super::scrolled(frame, area, block, lines(app, width), offset, &app.theme);
}

/// The picture's lines for a pane `width` columns wide.
pub fn lines(app: &Screen, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let vm = app.session.vm();
    let heap = &vm.heap;
    let short = app.short_ids();
    let changes = &app.session.last_stop().changes;

    // Who points at what, in the order a reader meets the names.
    let mut pointers: Vec<(String, ObjId)> = Vec::new();
    for (name, id) in vm.globals() {
        if !(name.starts_with("__") && name.ends_with("__")) || app.show_all {
            pointers.push((name, id));
        }
    }
    for frame_ in vm.frames().iter().skip(1) {
        let qualname = &frame_.code.code.qualname;
        for (name, slot) in vm.local_names(frame_).into_iter().zip(&frame_.locals) {
            if let Some(id) = slot.obj {
                pointers.push((format!("{name} in {qualname}"), id));
            }
        }
    }
    for frame_ in vm.frames() {
        let qualname = &frame_.code.code.qualname;
        for (slot, entry) in frame_.stack.iter().enumerate() {
            if let Some(id) = entry.obj {
                pointers.push((format!("stack[{slot}] of {qualname}"), id));
            }
        }
    }
    if pointers.is_empty() {
        return vec![Line::from(Span::styled("(no names yet)", theme.dim))];
    }
    let label_width = pointers
        .iter()
        .map(|(label, _)| super::text_width(label))
        .max()
        .unwrap_or(4)
        .min(width / 3)
        .max(4);
    // The arrows run to this column, where the objects start.
    let objects_at = label_width + 6;

    let object_text = |id: ObjId| -> Vec<Span<'static>> {
        let object = heap.get(id);
        let refs = if object.immortal {
            "∞".to_owned()
        } else {
            object.refs.to_string()
        };
        let mut spans = vec![
            Span::styled(
                format!("{} {}", object.value.type_name(), heap.short_repr(id)),
                theme.title,
            ),
            Span::raw(format!("  refs {refs}")),
            Span::styled(
                format!("  {}", super::heap::id_text(object.address, short)),
                theme.dim,
            ),
        ];
        if let Some(change) = changes.get(&object.address) {
            if change.new {
                spans.push(Span::styled(" new", theme.new));
            } else if change.delta != 0 {
                let style = if change.delta > 0 {
                    theme.increase
                } else {
                    theme.decrease
                };
                let delta = if change.delta > 0 {
                    format!(" +{}", change.delta)
                } else {
                    format!(" −{}", change.delta.unsigned_abs())
                };
                spans.push(Span::styled(delta, style));
            }
        }
        spans
    };

    let mut out = vec![Line::from(Span::styled(
        format!("{:<objects_at$}objects", "names"),
        theme.header,
    ))];
    let mut drawn: BTreeSet<ObjId> = BTreeSet::new();
    let mut order: Vec<ObjId> = Vec::new();
    for (_, id) in &pointers {
        if !order.contains(id) {
            order.push(*id);
        }
    }
    for id in order {
        let labels: Vec<&String> = pointers
            .iter()
            .filter(|(_, target)| *target == id)
            .map(|(label, _)| label)
            .collect();
        for (index, label) in labels.iter().enumerate() {
            let label = super::fit(label, label_width);
            let pad = " ".repeat(label_width - super::text_width(&label));
            // The first arrow reaches the object; the others join it.
            let (joint, tail) = match (index, labels.len()) {
                (0, 1) => ("──", "───▶ "),
                (0, _) => ("─┬", "───▶ "),
                (i, n) if i + 1 == n => ("─┘", ""),
                _ => ("─┤", ""),
            };
            let mut spans = vec![
                Span::raw(format!("{label}{pad} ")),
                Span::styled(format!("{joint}{tail}"), theme.mark),
            ];
            if index == 0 {
                spans.extend(object_text(id));
            }
            out.push(Line::from(spans));
        }
        items(app, id, objects_at, &object_text, &mut drawn, &mut out, 0);
    }
    out
}

/// A container's items, each an arrow from the container to its object,
/// indented under it; an object met again is named, not drawn again.
fn items(
    app: &Screen,
    id: ObjId,
    at: usize,
    object_text: &dyn Fn(ObjId) -> Vec<Span<'static>>,
    drawn: &mut BTreeSet<ObjId>,
    out: &mut Vec<Line<'static>>,
    depth: usize,
) {
    let heap = &app.session.vm().heap;
    if !drawn.insert(id) || depth > 4 {
        return;
    }
    let children: Vec<(ObjId, Referrer)> = heap
        .children(id)
        .into_iter()
        .filter(|(_, r)| matches!(r, Referrer::Item { .. }))
        .collect();
    let count = children.len();
    for (index, (child, referrer)) in children.into_iter().enumerate() {
        let Referrer::Item { index: item, .. } = referrer else {
            continue;
        };
        let branch = if index + 1 == count { "└" } else { "├" };
        let indent = " ".repeat(at + 2 + depth * 4);
        let mut spans = vec![
            Span::raw(indent),
            Span::styled(format!("{branch}[{item}] ──▶ "), app.theme.mark),
        ];
        spans.extend(object_text(child));
        out.push(Line::from(spans));
        items(app, child, at, object_text, drawn, out, depth + 1);
    }
}
