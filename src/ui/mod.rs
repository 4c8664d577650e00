//! The screen: one pure render function per pane, laid out by [`view`].
//!
//! Every pane is drawn from a [`view::Screen`]: the session (VM state and
//! the last stop report) and the view state ([`view::View`]: focus, cursor,
//! popups, scrolling, theme, the key help as data). Nothing here changes
//! either, and nothing here knows the app or its keymap (`tests/structure.rs`
//! keeps it so): the same state always draws the same frame, in a terminal
//! or on a `TestBackend`.

pub mod bytecode;
pub mod graph;
pub mod heap;
pub mod help;
pub mod names;
pub mod output;
pub mod source;
pub mod stack;
pub mod status;
pub mod theme;
pub mod view;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use view::{Focus, Screen};

/// Columns `text` takes in a terminal (`日本` takes four).
pub fn text_width(text: &str) -> usize {
    Span::raw(text).width()
}

/// The longest prefix of `text` that fits in `width` columns.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]));
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

/// On screens narrower than this, ids are written short (`…08040`).
pub const SHORT_IDS_SCREEN: u16 = 100;

/// Below this the panes cannot show anything useful.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Where each pane sits on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneAreas {
    pub source: Rect,
    pub stack: Rect,
    pub names: Rect,
    pub bytecode: Rect,
    pub heap: Rect,
    pub output: Rect,
    pub status: Rect,
    pub keys: Rect,
}

/// The screen's layout: source, stack and names on the left; bytecode, heap
/// and output on the right; the status and key lines at the bottom. Mouse
/// clicks are mapped to panes with the same function that draws them.
/// `output_lines` is how many lines the output pane would like (its text,
/// or a whole traceback post-mortem); 0 hides it (`O`).
pub fn layout(area: Rect, output_lines: usize) -> PaneAreas {
    let [main, status, keys] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(status::status_height(area.height)),
        Constraint::Length(1),
    ])
    .areas(area);
    let left_share = if area.width < 100 { 46 } else { 44 };
    let [left, right] = Layout::horizontal([
        Constraint::Percentage(left_share),
        Constraint::Percentage(100 - left_share),
    ])
    .areas(main);
    let [source, stack, names] = Layout::vertical([
        Constraint::Percentage(45),
        Constraint::Min(3),
        Constraint::Percentage(30),
    ])
    .areas(left);
    // The output pane grows to show a whole traceback, up to half the column;
    // on the smallest screens it gives its rows to the heap (`o` shows it).
    let output_height = if output_lines == 0 || right.height < 16 {
        0
    } else {
        let base = if right.height >= 30 { 6 } else { 3 };
        (output_lines as u16 + 2).clamp(base, (right.height / 2).max(base))
    };
    let [bytecode, heap, output] = Layout::vertical([
        Constraint::Percentage(if right.height < 16 { 40 } else { 45 }),
        Constraint::Min(4),
        Constraint::Length(output_height),
    ])
    .areas(right);
    PaneAreas {
        source,
        stack,
        names,
        bytecode,
        heap,
        output,
        status,
        keys,
    }
}

/// Lines of `lines` from `offset` that fit `block`'s inside, with `↑ N more`
/// / `↓ N more` on the bottom border when some are hidden: no pane hides
/// text without saying so.
pub fn scrolled(
    frame: &mut Frame,
    area: Rect,
    block: Block,
    lines: Vec<Line>,
    offset: usize,
    theme: &theme::Theme,
) {
    let inner = block.inner(area);
    let height = inner.height as usize;
    let offset = offset.min(lines.len().saturating_sub(height));
    let below = lines.len().saturating_sub(offset + height);
    frame.render_widget(more_hint(block, offset, below, theme), area);
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

/// `block` with `↑ N more` / `↓ N more` on its bottom border when lines
/// are hidden above or below.
pub fn more_hint<'a>(
    block: Block<'a>,
    above: usize,
    below: usize,
    theme: &theme::Theme,
) -> Block<'a> {
    let mut hints = Vec::new();
    if above > 0 {
        hints.push(format!("↑ {above} more"));
    }
    if below > 0 {
        hints.push(format!("↓ {below} more"));
    }
    if hints.is_empty() {
        return block;
    }
    block.title_bottom(
        Line::from(Span::styled(format!(" {} ", hints.join("  ")), theme.mark)).right_aligned(),
    )
}

/// Draw the whole screen.
pub fn view(frame: &mut Frame, app: &Screen) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "bytestep needs at least {MIN_WIDTH}x{MIN_HEIGHT}; this terminal is {}x{}. \
             Enlarge it, or press q to quit.",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let PaneAreas {
        source: source_area,
        stack: stack_area,
        names: names_area,
        bytecode: bytecode_area,
        heap: heap_area,
        output: output_area,
        status: status_area,
        keys: keys_area,
    } = layout(area, output::wanted_lines(app));

    let vm = app.session.vm();
    let shown = app.shown_frame().and_then(|i| vm.frames().get(i));
    let qualname = shown.map_or("<module>", |f| f.code.code.qualname.as_str());

    source::render(
        frame,
        source_area,
        app,
        pane(app, "Source", vm.filename(), app.focus == Focus::Source),
    );
    bytecode::render(
        frame,
        bytecode_area,
        app,
        pane(app, "Bytecode", qualname, app.focus == Focus::Bytecode),
    );
    let stack_title = format!("{qualname}  top first");
    stack::render(
        frame,
        stack_area,
        app,
        pane(app, "Stack", &stack_title, app.focus == Focus::Stack),
    );
    // The output pane gives its rows away on the smallest screens: say where it is.
    let output_elsewhere = output_area.height == 0
        && (!app.output_hidden && !app.session.vm().output.is_empty()
            || app.session.traceback().is_some());
    if app.heap_graph {
        graph::render(
            frame,
            heap_area,
            app,
            pane(app, "Heap", "picture  v: table", app.focus == Focus::Heap),
        );
    } else {
        let heap_note = match (app.show_all, output_elsewhere) {
            (true, _) => "all objects",
            (false, true) => "o: output",
            (false, false) => "",
        };
        heap::render(
            frame,
            heap_area,
            app,
            pane(app, "Heap", heap_note, app.focus == Focus::Heap),
        );
    }
    names::render(
        frame,
        names_area,
        app,
        pane(app, "Names", "", app.focus == Focus::Names),
    );
    if output_area.height > 0 {
        let hint = if app.output_full {
            ""
        } else {
            "o: full screen"
        };
        output::render(
            frame,
            output_area,
            app,
            pane(app, "Output", hint, app.focus == Focus::Output),
        );
    }
    status::render_status(frame, status_area, app);
    status::render_keys(frame, keys_area, app);

    if app.show_referrers {
        referrers(frame, heap_area.union(output_area), app);
    }
    if app.output_full {
        output::render_full(frame, area, app);
    }
    if app.show_breakpoints {
        breakpoints(frame, area, app);
    }
    if app.show_help {
        help::render(frame, area, app);
    }
}

/// A bordered pane titled `Name  detail`, brighter when focused.
fn pane<'a>(app: &Screen, name: &'a str, detail: &str, focused: bool) -> Block<'a> {
    let theme = &app.theme;
    let mut title = vec![Span::styled(format!(" {name} "), theme.title)];
    if !detail.is_empty() {
        title.push(Span::raw(format!(" {detail} ")));
    }
    Block::bordered()
        .title(Line::from(title))
        .border_style(if focused {
            theme.focused_border
        } else {
            theme.border
        })
}

/// `B`: every breakpoint (with its condition) and every watched object.
fn breakpoints(frame: &mut Frame, area: Rect, app: &Screen) {
    let theme = &app.theme;
    let session = &app.session;
    let mut lines: Vec<Line> = Vec::new();
    for &line in session.breakpoints() {
        let source = session
            .vm()
            .source()
            .lines()
            .nth(line as usize - 1)
            .unwrap_or("");
        let condition = session
            .condition(line)
            .map(|c| format!("  if {}", c.text))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("● line {line}{condition}"), theme.breakpoint),
            Span::styled(format!("   {}", source.trim()), theme.dim),
        ]));
    }
    let heap = &session.vm().heap;
    for watch in session.watches() {
        let now = heap
            .try_get(watch.obj)
            .filter(|o| o.alive && o.address == watch.address)
            .map(|o| format!("{} refs {}", heap.short_repr(watch.obj), o.refs))
            .unwrap_or_else(|| "not alive at this step".to_owned());
        lines.push(Line::from(vec![
            Span::styled(format!("◉ watch {:#x}", watch.address), theme.breakpoint),
            Span::raw(format!("   {now}")),
        ]));
    }
    if lines.is_empty() {
        lines.push(Line::from("(none yet: b, :b 12 if n > 3, w on a heap row)"));
    }
    lines.push(Line::from(Span::styled("any key closes", theme.dim)));
    let width = lines
        .iter()
        .map(|l| l.width() as u16 + 2)
        .max()
        .unwrap_or(20)
        .min(area.width);
    let lines = fold(lines, width.saturating_sub(2) as usize);
    popup(
        frame,
        area,
        lines,
        "Breakpoints and watches",
        theme,
        Placement::Centre,
        width,
    );
}

/// The referrers of the selected heap object, over the lower part of the screen.
fn referrers(frame: &mut Frame, area: Rect, app: &Screen) {
    let theme = &app.theme;
    let (title, mut lines) = heap::referrer_lines(app);
    lines.push(Line::from(Span::styled(
        "Enter/Esc closes; ↑/↓ select another object",
        theme.dim,
    )));
    let lines = fold(lines, area.width.saturating_sub(2) as usize);
    popup(
        frame,
        area,
        lines,
        &title,
        theme,
        Placement::Bottom,
        area.width,
    );
}

/// Long lines folded at `width` columns (a line folded takes its first
/// span's style), so a traceback or a referrer is read whole.
pub fn fold(lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for line in lines {
        let style = line.spans.first().map(|s| s.style).unwrap_or_default();
        let mut text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        if width == 0 || text_width(&text) <= width {
            out.push(line);
            continue;
        }
        while !text.is_empty() {
            let mut part = fit(&text, width);
            if part.is_empty() {
                // One character wider than the pane: take it anyway.
                part = text.chars().next().map(String::from).unwrap_or_default();
            } else if part.len() < text.len()
                && let Some(space) = part.rfind(' ').filter(|&at| at > 0)
            {
                // Between words where there is a space to break at.
                part.truncate(space + 1);
            }
            text = text[part.len()..].to_owned();
            out.push(Line::from(Span::styled(part, style)));
        }
    }
    out
}

/// Where a popup sits.
pub enum Placement {
    Centre,
    Bottom,
}

/// A bordered popup of `lines`, cleared underneath, titled, `width` wide.
pub fn popup(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line>,
    title: &str,
    theme: &theme::Theme,
    placement: Placement,
    width: u16,
) {
    let width = width.min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let y = match placement {
        Placement::Centre => area.y + area.height.saturating_sub(height) / 2,
        Placement::Bottom => area.y + area.height.saturating_sub(height),
    };
    let rect = Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(Span::styled(format!(" {title} "), theme.title))
                .border_style(theme.focused_border),
        ),
        rect,
    );
}
