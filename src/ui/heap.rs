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
use crate::app::App;
use crate::session::Change;
use crate::vm::heap::{ObjId, Value};

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
    pub immortal: bool,
    /// Held by a code object's constant table.
    pub constant: bool,
    /// What happened since the previous stop.
    pub change: Option<Change>,
    /// "`<module>` constants" when the count is 0 but constants keep it alive.
    pub kept_by: Option<String>,
}

/// The rows to show, ordered by id: by default the objects the program refers
/// to (names, stacks, items of shown objects) and every object whose count
/// changed since the previous stop; with `a`, every live object too.
pub fn rows(app: &App) -> Vec<HeapRow> {
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
        while let Some(id) = todo.pop() {
            if shown.len() >= MAX_ROWS {
                break;
            }
            if !shown.insert(id) {
                continue;
            }
            if let Value::Tuple(items) = heap.value(id) {
                todo.extend(items.iter().copied());
            }
        }
    }

    let mut rows: BTreeMap<u64, HeapRow> = BTreeMap::new();
    for id in shown {
        let object = heap.get(id);
        let change = changes.get(&object.address).cloned();
        let constant = !object.const_holders.is_empty();
        let kept_by = (constant && !object.immortal && object.refs == 0).then(|| {
            change
                .as_ref()
                .and_then(|c| c.kept_by_constants.clone())
                .unwrap_or_else(|| heap.const_holders_text(id))
        });
        rows.insert(
            object.address,
            HeapRow {
                address: object.address,
                id: Some(id),
                type_name: object.value.type_name().to_owned(),
                value: heap.short_repr(id),
                refs: Some(object.refs),
                immortal: object.immortal,
                constant,
                change,
                kept_by,
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
            immortal: false,
            constant: false,
            change: Some(change.clone()),
            kept_by: None,
        });
    }
    rows.into_values().collect()
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
    let count = text.chars().count();
    if count > width {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        format!("{text}{}", " ".repeat(width - count))
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, block: Block) {
    let theme = &app.theme;
    let rows = rows(app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    // On a narrow pane the value matters more than the whole type name.
    let widest_type = if inner.width < 60 { 8 } else { 12 };
    let type_width = rows
        .iter()
        .map(|r| r.type_name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, widest_type);
    let marks: Vec<Vec<(String, Style)>> = rows.iter().map(|row| marks(row, theme)).collect();
    let marks_width = marks
        .iter()
        .map(|m| m.iter().map(|(t, _)| t.chars().count()).sum::<usize>())
        .max()
        .unwrap_or(0);
    let fixed = 14 + 1 + type_width + 1 + 1 + 4;
    // The marks matter more than the tail of a long value: the value gives way.
    let value_width = rows
        .iter()
        .map(|r| r.value.chars().count())
        .max()
        .unwrap_or(5)
        .clamp(
            5,
            (inner.width as usize)
                .saturating_sub(fixed + marks_width)
                .max(9),
        );

    let header = Line::from(Span::styled(
        format!(
            "{} {} {} {:>4}",
            pad("id", 14),
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
            let mut spans = vec![
                Span::raw(format!("{:#014x} ", row.address)),
                Span::raw(format!("{} ", pad(&row.type_name, type_width))),
                Span::raw(format!("{} ", pad(&row.value, value_width))),
                Span::styled(format!("{refs:>4}"), theme.title),
            ];
            spans.extend(
                row_marks
                    .iter()
                    .map(|(t, style)| Span::styled(t.clone(), *style)),
            );
            let mut lines = vec![Line::from(spans)];
            if let Some(holders) = &row.kept_by {
                // The reason it is not freed must be readable whole: wrap, never cut.
                let reason = format!("  └ 0 refs, kept alive by {holders}");
                if reason.chars().count() <= inner.width as usize {
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
    if app.focus == crate::app::Focus::Heap || app.show_referrers {
        state.select(Some(app.heap_selected.min(rows.len() - 1)));
    }
    let list = List::new(items).highlight_style(theme.selected);
    frame.render_stateful_widget(list, list_area, &mut state);
}

/// The referrers list of the selected object (`Enter`): the lecture's arrows.
pub fn referrer_lines(app: &App) -> (String, Vec<Line<'static>>) {
    let theme = &app.theme;
    let rows = rows(app);
    let Some(row) = rows.get(app.heap_selected.min(rows.len().saturating_sub(1))) else {
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
                Line::from(format!("{label} ─▶ {:#x}", row.address))
            } else {
                Line::from(vec![
                    Span::raw(format!("{label} ─▶ {:#x}", row.address)),
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
