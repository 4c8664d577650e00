//! The bytecode pane: the shown frame's code object in CPython 3.14's `dis`
//! layout (line, offset, opname, arg, `(argrepr)`), `>>` on jump targets and
//! `◀` on the next instruction.

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::App;
use crate::bytecode::opcodes::{has_arg, name as opname};
use crate::vm::code::NO_TARGET;

pub fn render(frame: &mut Frame, area: Rect, app: &App, block: Block) {
    let theme = &app.theme;
    let inner = block.inner(area);
    frame.render_widget(block, area);
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
            None => return,
        },
    };
    let targets: BTreeSet<u32> = code
        .instrs
        .iter()
        .filter(|i| i.target != NO_TARGET)
        .map(|i| i.target)
        .collect();
    let marked_line = marked.and_then(|m| code.instrs.get(m)).and_then(|i| i.line);

    let height = inner.height as usize;
    let top = marked
        .unwrap_or(0)
        .saturating_sub(height / 3)
        .min(code.instrs.len().saturating_sub(height));
    let width = inner.width as usize;
    let op_width = code
        .instrs
        .iter()
        .map(|i| opname(i.opcode).len())
        .max()
        .unwrap_or(8);
    let line_width = code
        .instrs
        .iter()
        .filter_map(|i| i.line)
        .max()
        .unwrap_or(0)
        .to_string()
        .len();
    let offset_width = code.instrs.last().map_or(1, |i| i.offset.to_string().len());
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
        .map(|(position, instr)| {
            let line_text = match instr.line {
                Some(line) if instr.line != previous_line || position == 0 => line.to_string(),
                _ => String::new(),
            };
            previous_line = instr.line;
            let target = if targets.contains(&(position as u32)) {
                ">>"
            } else {
                "  "
            };
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
            let body = format!(
                "{line_text:>line_width$} {target}{:>offset_width$}  {:<op_width$} {arg:>2}{argrepr}",
                instr.offset,
                opname(instr.opcode),
            );
            let arrow = if is_marked { " ◀" } else { "" };
            let room = width.saturating_sub(arrow.chars().count());
            let mut body: String = body.chars().take(room).collect();
            if is_marked {
                let fill = room.saturating_sub(body.chars().count());
                body.push_str(&" ".repeat(fill));
                Line::from(vec![
                    Span::styled(body, theme.next_instr),
                    Span::styled(arrow, theme.current),
                ])
            } else {
                let style = if targets.contains(&(position as u32)) {
                    theme.jump_target
                } else if in_line {
                    theme.opname
                } else {
                    ratatui::style::Style::new()
                };
                Line::from(Span::styled(body, style))
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
