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

/// What the program printed (what it wrote on stderr too, where it wrote
/// it, as a terminal shows both: compile-time warnings, `file=sys.stderr`,
/// a `__del__`'s ignored exception), then the whole traceback if it failed.
pub fn lines(app: &Screen) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let vm = app.session.vm();
    let mut lines: Vec<Line> = if vm.stderr_marks.is_empty() {
        vm.output
            .lines()
            .map(|l| Line::from(super::source::expand_tabs(&l)))
            .collect()
    } else {
        interleaved(app)
    };
    // (Unless it is in stderr already, before what the exit printed.)
    if let Some(traceback) = app.session.traceback()
        && !vm.traceback_written()
    {
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

/// Stdout with the pieces of stderr where they were written (each marked
/// with how much stdout came before it), stderr styled as errors.
fn interleaved(app: &Screen) -> Vec<Line<'static>> {
    let vm = app.session.vm();
    let stdout = vm.output.to_string();
    // (Stdout offsets count from the first byte ever printed.)
    let dropped = vm.output.dropped();
    let mut segments: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for (i, &(stdout_before, start)) in vm.stderr_marks.iter().enumerate() {
        let end = vm
            .stderr_marks
            .get(i + 1)
            .map_or(vm.stderr.len(), |&(_, next)| next);
        let upto = (stdout_before.saturating_sub(dropped) as usize).min(stdout.len());
        if upto > at
            && let Some(piece) = stdout.get(at..upto)
        {
            segments.push((piece, false));
            at = upto;
        }
        if let Some(piece) = vm.stderr.get(start..end) {
            segments.push((piece, true));
        }
    }
    segments.push((stdout.get(at..).unwrap_or(""), false));
    let mut lines = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    for (text, is_stderr) in segments {
        let mut parts = text.split('\n').peekable();
        while let Some(part) = parts.next() {
            if !part.is_empty() {
                let part = super::source::expand_tabs(part);
                current.push(if is_stderr {
                    Span::styled(part, app.theme.error)
                } else {
                    Span::raw(part)
                });
            }
            if parts.peek().is_some() {
                lines.push(Line::from(std::mem::take(&mut current)));
            }
        }
    }
    if !current.is_empty() {
        lines.push(Line::from(current));
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
