//! The bytecode pane: the shown frame's code object in CPython 3.14's `dis`
//! layout (line, `L1:` label, offset, opname, arg, `(argrepr)`), jumps as
//! `to L1` as CPython 3.14 writes them, and `◀` on the next instruction.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::view::Screen;
use crate::bytecode::opcodes::{has_arg, name as opname};

pub fn render(frame: &mut Frame, area: Rect, app: &Screen, block: Block) {
    let theme = &app.theme;
    let inner = block.inner(area);
    let vm = app.session.vm();
    // The shown frame's code and its marked instruction (the innermost frame's
    // next one, an outer frame's call in progress); once the program has
    // ended, the module's code with nothing marked.
    let (code, marked) = match app
        .shown_frame()
        .and_then(|i| vm.frames().get(i).map(|f| (i, f)))
    {
        Some((index, shown)) => {
            // Post-mortem, the innermost frame's mark is the failing instruction.
            let innermost = index + 1 == vm.frames().len() && app.session.traceback().is_none();
            let marked = if innermost {
                Some(shown.pc)
            } else {
                shown.last
            };
            (&shown.code, marked)
        }
        None => match vm.module_info() {
            Some(module) => (module, None),
            None => {
                frame.render_widget(block, area);
                return;
            }
        },
    };
    // The labels `bytestep dis` and CPython 3.14's dis write: `L1:`, `to L1`.
    let labels = &code.labels;
    let label_of = |offset: u32| code.label_at(offset);
    let marked_line = marked.and_then(|m| code.instrs.get(m)).and_then(|i| i.line);

    let height = inner.height as usize;
    // The marked instruction a third down, moved by the pane's own scrolling.
    let most = code.instrs.len().saturating_sub(height) as i64;
    let top = (marked.unwrap_or(0).saturating_sub(height / 3) as i64 + app.scroll.bytecode)
        .clamp(0, most.max(0)) as usize;
    let below = code.instrs.len().saturating_sub(top + height);
    frame.render_widget(super::more_hint(block, top, below, theme), area);
    let width = inner.width as usize;
    let visible = code.instrs.iter().skip(top).take(height);
    let line_width = code
        .instrs
        .iter()
        .filter_map(|i| i.line)
        .max()
        .unwrap_or(0)
        .to_string()
        .len();
    let label_width = if labels.is_empty() {
        0
    } else {
        format!("L{}:", labels.len()).len() + 1
    };
    let offset_width = code.instrs.last().map_or(1, |i| i.offset.to_string().len());
    let arg_width = visible
        .clone()
        .filter(|i| has_arg(i.opcode))
        .map(|i| i.arg.to_string().len())
        .max()
        .unwrap_or(1);
    // The opname column fits the names on screen, but never so wide that the
    // arguments fall off a narrow pane: a longer name pushes only its own row.
    let fixed = line_width + 1 + label_width + offset_width + 2 + 1 + arg_width + 2;
    let cap = width.saturating_sub(fixed + 8).max(10);
    let op_width = visible
        .map(|i| opname(i.opcode).len())
        .filter(|&len| len <= cap)
        .max()
        .unwrap_or(8);
    let mut previous_line = if top > 0 {
        code.instrs.get(top - 1).and_then(|i| i.line)
    } else {
        None
    };
    let lines: Vec<Line> = code
        .instrs
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .flat_map(|(position, instr)| {
            let line_text = match instr.line {
                Some(line) if instr.line != previous_line || position == 0 => line.to_string(),
                _ => String::new(),
            };
            previous_line = instr.line;
            let label = label_of(instr.offset);
            let label_text = label.as_ref().map(|l| format!("{l}:")).unwrap_or_default();
            let arg = if has_arg(instr.opcode) {
                instr.arg.to_string()
            } else {
                String::new()
            };
            let argrepr = vm.argrepr(code, instr);
            let argrepr = if argrepr.is_empty() {
                String::new()
            } else {
                format!(" ({argrepr})")
            };
            let is_marked = marked == Some(position);
            let in_line = instr.line.is_some() && instr.line == marked_line;
            let label_column = if label_width > 0 {
                format!("{label_text:<label_width$}")
            } else {
                String::new()
            };
            let head = format!(
                "{line_text:>line_width$} {label_column}{:>offset_width$}  {:<op_width$}",
                instr.offset,
                opname(instr.opcode),
            );
            let tail = format!(" {arg:>arg_width$}{argrepr}");
            let arrow = if is_marked { " ◀" } else { "" };
            let room = width.saturating_sub(arrow.chars().count());
            // A name too long for the pane puts its argument on a second
            // line rather than cutting it off.
            let mut rows = vec![format!("{head}{tail}")];
            if super::text_width(&rows[0]) > room && !tail.trim().is_empty() {
                let indent = " ".repeat(line_width + 1 + label_width + offset_width + 2);
                rows = vec![head, format!("{indent}{}", tail.trim_start())];
            }
            let style = if is_marked {
                theme.next_instr
            } else if label.is_some() {
                theme.jump_target
            } else if in_line {
                theme.opname
            } else {
                ratatui::style::Style::new()
            };
            rows.into_iter()
                .enumerate()
                .map(|(index, row)| {
                    let mut row = super::fit(&row, room);
                    if is_marked {
                        let fill = room.saturating_sub(super::text_width(&row));
                        row.push_str(&" ".repeat(fill));
                        let arrow = if index == 0 { arrow } else { "" };
                        Line::from(vec![
                            Span::styled(row, style),
                            Span::styled(arrow, theme.current),
                        ])
                    } else {
                        Line::from(Span::styled(row, style))
                    }
                })
                .collect::<Vec<_>>()
        })
        .take(height)
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
