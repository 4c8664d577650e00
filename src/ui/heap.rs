//! The heap pane: id, type, value, refs, and what changed since the previous stop.
//!
//! Which objects to list is a view choice (the program's objects, or all);
//! every number shown comes from the VM's heap and the session's stop report.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

use super::theme::Theme;
use super::view::Screen;
use crate::session::Change;
use crate::vm::heap::ObjId;

/// The most objects the pane lists: a program of a million objects must not
/// cost a million rows at every frame (issue 13).
const MAX_ROWS: usize = 10_000;

/// One row of the heap pane.
#[derive(Debug, Clone, PartialEq)]
pub struct HeapRow {
    pub address: u64,
    /// The live object, `None` once freed.
    pub id: Option<ObjId>,
    pub type_name: String,
    pub value: String,
    /// `None` for freed objects.
    pub refs: Option<u32>,
    /// `sys.getsizeof`, in bytes (0 once freed).
    pub size: u32,
    pub immortal: bool,
    /// Held by a code object's constant table.
    pub constant: bool,
    /// What happened since the previous stop.
    pub change: Option<Change>,
    /// "`<module>` constants" when the count is 0 but constants keep it alive.
    pub kept_by: Option<String>,
    /// Watched with `w`.
    pub watched: bool,
}

/// The rows to show, ordered by id: by default the objects the program refers
/// to (names, stacks, items of shown objects) and every object whose count
/// changed since the previous stop; with `a`, every live object too.
pub fn rows(app: &Screen) -> Vec<HeapRow> {
    let vm = app.session.vm();
    let heap = &vm.heap;
    let changes = &app.session.last_stop().changes;
    let by_address: HashMap<u64, ObjId> = heap
        .live_objects()
        .map(|(id, object)| (object.address, id))
        .collect();

    let mut shown: BTreeSet<ObjId> = BTreeSet::new();
    if app.show_all {
        shown.extend(heap.live_objects().map(|(id, _)| id).take(MAX_ROWS));
    } else {
        let mut todo: Vec<ObjId> = vm.globals().into_iter().map(|(_, id)| id).collect();
        for frame in vm.frames() {
            todo.extend(
                frame
                    .locals
                    .iter()
                    .chain(&frame.stack)
                    .filter_map(|s| s.obj),
            );
        }
        todo.extend(changes.keys().filter_map(|a| by_address.get(a).copied()));
        // What the program reaches, by the heap's own traversal.
        shown = heap.through_items(todo, MAX_ROWS);
    }

    let mut rows: BTreeMap<u64, HeapRow> = BTreeMap::new();
    for id in shown {
        let object = heap.get(id);
        let change = changes.get(&object.address).cloned();
        let constant = !object.const_holders.is_empty();
        let kept_by = crate::session::kept_alive_by(heap, id, change.as_ref());
        rows.insert(
            object.address,
            HeapRow {
                address: object.address,
                id: Some(id),
                type_name: heap.type_name_of(id).to_owned(),
                value: heap.short_repr(id),
                refs: Some(object.refs),
                size: object.value.size(),
                immortal: object.immortal,
                constant,
                change,
                kept_by,
                watched: false,
            },
        );
    }
    for (&address, change) in changes {
        let Some((type_name, value)) = &change.freed else {
            continue;
        };
        rows.entry(address).or_insert_with(|| HeapRow {
            address,
            id: None,
            type_name: type_name.clone(),
            value: value.clone(),
            refs: None,
            size: 0,
            immortal: false,
            constant: false,
            change: Some(change.clone()),
            kept_by: None,
            watched: false,
        });
    }
    let watched: BTreeSet<u64> = app.session.watches().iter().map(|w| w.address).collect();
    rows.into_values()
        .map(|row| HeapRow {
            watched: watched.contains(&row.address),
            ..row
        })
        .collect()
}

/// The marks after refs: `+1`/`−1`, `new`, `freed`, `const`, `immortal`.
fn marks(row: &HeapRow, theme: &Theme) -> Vec<(String, Style)> {
    let mut marks = Vec::new();
    let change = row.change.clone().unwrap_or_default();
    if let Some(delta) = delta_text(change.delta) {
        let style = if change.delta > 0 {
            theme.increase
        } else {
            theme.decrease
        };
        marks.push((format!(" {delta}"), style));
    }
    if change.new {
        marks.push((" new".to_owned(), theme.new));
    }
    if row.id.is_none() {
        marks.push((" freed".to_owned(), theme.decrease));
    }
    if row.constant {
        marks.push((" const".to_owned(), theme.mark));
    }
    if row.immortal {
        marks.push((" immortal".to_owned(), theme.dim));
    }
    if row.watched {
        marks.push((" watched".to_owned(), theme.breakpoint));
    }
    marks
}

/// `+1`, `−1` (a real minus sign), or nothing.
fn delta_text(delta: i64) -> Option<String> {
    match delta {
        0 => None,
        d if d > 0 => Some(format!("+{d}")),
        d => Some(format!("−{}", d.unsigned_abs())),
    }
}

fn pad(text: &str, width: usize) -> String {
    let count = super::text_width(text);
    if count > width {
        let mut cut = super::fit(text, width.saturating_sub(1));
        cut.push('…');
        let fill = width.saturating_sub(super::text_width(&cut));
        cut.push_str(&" ".repeat(fill));
        cut
    } else {
        format!("{text}{}", " ".repeat(width - count))
    }
}

/// An id as the panes write it: the whole address, or on a narrow pane
/// its last hex digits after `…` (unique enough within one heap).
pub fn id_text(address: u64, short: bool) -> String {
    if short {
        format!("…{:05x}", address & 0xf_ffff)
    } else {
        format!("{address:#014x}")
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &Screen, block: Block) {
    let theme = &app.theme;
    let rows = rows(app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let short = app.short_ids();
    let id_width = id_text(0, short).chars().count();
    // On a narrow pane the value matters more than the whole type name.
    let widest_type = if width < 60 { 8 } else { 12 };
    let type_width = rows
        .iter()
        .map(|r| r.type_name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, widest_type);
    let show_size = width >= 90;
    let size_width = if show_size { 6 } else { 0 };
    let marks: Vec<Vec<(String, Style)>> = rows.iter().map(|row| marks(row, theme)).collect();
    let marks_width = marks
        .iter()
        .map(|m| m.iter().map(|(t, _)| t.chars().count()).sum::<usize>())
        .max()
        .unwrap_or(0);
    let fixed = id_width + 1 + type_width + 1 + 1 + 4 + size_width;
    // Refs and marks are never cut: the value gives way, and when even a
    // short value leaves no room, the marks go on a line of their own.
    let marks_inline = width >= fixed + 5 + marks_width;
    let marks_room = if marks_inline { marks_width } else { 0 };
    let value_width = rows
        .iter()
        .map(|r| super::text_width(&r.value))
        .max()
        .unwrap_or(5)
        .clamp(5, width.saturating_sub(fixed + marks_room).max(5));

    let size_header = if show_size {
        format!(" {:>5}", "size")
    } else {
        String::new()
    };
    let header = Line::from(Span::styled(
        format!(
            "{} {} {}{size_header} {:>4}",
            pad("id", id_width),
            pad("type", type_width),
            pad("value", value_width),
            "refs",
        ),
        theme.header,
    ));
    frame.render_widget(Paragraph::new(header), Rect { height: 1, ..inner });
    let list_area = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled("(no objects yet)", theme.dim)),
            list_area,
        );
        return;
    }

    let items: Vec<ListItem> = rows
        .iter()
        .zip(&marks)
        .map(|(row, row_marks)| {
            let refs = match (row.refs, row.immortal) {
                (None, _) => "-".to_owned(),
                (_, true) => "∞".to_owned(),
                (Some(n), false) => n.to_string(),
            };
            let size = match (show_size, row.refs) {
                (true, Some(_)) => format!(" {:>5}", row.size),
                (true, None) => format!(" {:>5}", ""),
                (false, _) => String::new(),
            };
            let mut spans = vec![
                Span::raw(format!("{} ", id_text(row.address, short))),
                Span::raw(format!("{} ", pad(&row.type_name, type_width))),
                Span::raw(format!("{}{size} ", pad(&row.value, value_width))),
                Span::styled(format!("{refs:>4}"), theme.title),
            ];
            let mark_spans: Vec<Span> = row_marks
                .iter()
                .map(|(t, style)| Span::styled(t.clone(), *style))
                .collect();
            let mut lines = Vec::new();
            if marks_inline || mark_spans.is_empty() {
                spans.extend(mark_spans);
                lines.push(Line::from(spans));
            } else {
                lines.push(Line::from(spans));
                let mut under = vec![Span::raw(" ".repeat(id_width))];
                under.extend(mark_spans);
                lines.push(Line::from(under));
            }
            if let Some(holders) = &row.kept_by {
                // The reason it is not freed must be readable whole: wrap, never cut.
                let reason = format!("  └ 0 refs, kept alive by {holders}");
                if reason.chars().count() <= width {
                    lines.push(Line::from(Span::styled(reason, theme.mark)));
                } else {
                    lines.push(Line::from(Span::styled(
                        "  └ 0 refs, kept alive by",
                        theme.mark,
                    )));
                    lines.push(Line::from(Span::styled(
                        format!("    {holders}"),
                        theme.mark,
                    )));
                }
            }
            ListItem::new(lines)
        })
        .collect();
    let mut state = ListState::default();
    if app.focus == super::view::Focus::Heap || app.show_referrers {
        state.select(Some(app.heap_selected.min(rows.len() - 1)));
    }
    let total: usize = items.iter().map(ListItem::height).sum();
    let list = List::new(items).highlight_style(theme.selected);
    frame.render_stateful_widget(list, list_area, &mut state);
    // Say that rows are hidden, on the bottom border as the other panes do.
    if total > list_area.height as usize && area.height > 0 {
        let hint = format!(" {} rows: Tab here, ↑/↓ ", rows.len());
        let width = (super::text_width(&hint) as u16).min(area.width.saturating_sub(2));
        let at = Rect {
            x: area.x + area.width.saturating_sub(width + 1),
            y: area.y + area.height - 1,
            width,
            height: 1,
        };
        frame.render_widget(Paragraph::new(Span::styled(hint, theme.mark)), at);
    }
}

/// The referrers list of the selected object (`Enter`): the lecture's arrows.
pub fn referrer_lines(app: &Screen) -> (String, Vec<Line<'static>>) {
    let theme = &app.theme;
    let rows = rows(app);
    let chosen = app
        .referrers_of
        .and_then(|address| rows.iter().find(|r| r.address == address));
    let Some(row) =
        chosen.or_else(|| rows.get(app.heap_selected.min(rows.len().saturating_sub(1))))
    else {
        return ("Referrers".into(), vec![Line::from("(no object selected)")]);
    };
    let title = format!("Referrers of {:#x} {}", row.address, row.value);
    let Some(id) = row.id else {
        return (
            title,
            vec![Line::from("freed: nothing refers to it any more")],
        );
    };
    let vm = app.session.vm();
    let mut lines: Vec<Line> = vm
        .referrers(id)
        .into_iter()
        .map(|(label, counted)| {
            if counted {
                Line::from(crate::narrate::reference_text(&label, row.address))
            } else {
                Line::from(vec![
                    Span::raw(crate::narrate::reference_text(&label, row.address)),
                    Span::styled("  borrowed, not counted", theme.dim),
                ])
            }
        })
        .collect();
    if row.constant {
        lines.push(Line::from(Span::styled(
            format!("{} (not counted in refs)", vm.heap.const_holders_text(id)),
            theme.mark,
        )));
    }
    if row.immortal {
        lines.push(Line::from(Span::styled(
            "immortal: never freed, refs not kept",
            theme.dim,
        )));
    }
    if lines.is_empty() {
        lines.push(Line::from("(no referrers)"));
    }
    (title, lines)
}
