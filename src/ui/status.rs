//! The status line (`step N/total  line L  <what the last step did>`) and the key line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::view::Screen;

/// How many lines the status area takes on a screen this tall: the step
/// line plus the summary's continuation, up to three in all.
pub fn status_height(screen_height: u16) -> u16 {
    if screen_height >= 20 { 3 } else { 2 }
}

/// Lay `parts` out after `head` on at most `rows` lines of `width` columns,
/// breaking only between words; parts that do not fit are counted
/// (`+2 more.`), never cut in the middle.
pub fn wrap_summary(
    first: &str,
    head: &str,
    parts: &[String],
    width: usize,
    rows: usize,
) -> Vec<String> {
    let width = width.max(20);
    // Stops early once past `rows`: a stop over a long run has thousands of
    // parts, and only what fits matters.
    let fill = |words: &[String]| -> Vec<String> {
        let mut lines = vec![first.to_owned()];
        for word in words {
            let Some(line) = lines.last_mut() else { break };
            let used = super::text_width(line);
            let sep = usize::from(used > 0 && !line.ends_with(' '));
            if used + sep + super::text_width(word) <= width {
                if sep == 1 {
                    line.push(' ');
                }
                line.push_str(word);
            } else {
                if lines.len() == rows {
                    lines.push(String::new());
                    break;
                }
                lines.push(format!(" {word}"));
            }
        }
        lines
    };
    let words_of = |keep: usize| -> Vec<String> {
        let mut words: Vec<String> = head.split(' ').map(str::to_owned).collect();
        for (index, part) in parts[..keep].iter().enumerate() {
            let end = if index + 1 == parts.len() { "." } else { ";" };
            let mut part_words: Vec<String> = part.split(' ').map(str::to_owned).collect();
            if let Some(last) = part_words.last_mut() {
                last.push_str(end);
            }
            words.extend(part_words);
        }
        if keep < parts.len() {
            words.push(format!("+{} more.", parts.len() - keep));
        }
        words
    };
    let fits = |keep: usize| fill(&words_of(keep)).len() <= rows;
    // No more parts than the lines could hold even packed tight.
    let budget = rows * width;
    let mut most = 0;
    let mut used = 0;
    while most < parts.len() && used <= budget {
        used += super::text_width(&parts[most]) + 2;
        most += 1;
    }
    // The largest count of whole parts that fits, by bisection.
    let (mut low, mut high) = (0, most);
    while low < high {
        let middle = (low + high).div_ceil(2);
        if fits(middle) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    for keep in (0..=low).rev() {
        if fits(keep) {
            return fill(&words_of(keep));
        }
    }
    let mut lines = fill(&words_of(0));
    lines.truncate(rows);
    lines
}

pub fn render_status(frame: &mut Frame, area: Rect, app: &Screen) {
    let theme = &app.theme;
    if let Some(prompt) = &app.prompt {
        let lines = vec![
            Line::from(vec![
                Span::styled(" :", theme.status),
                Span::raw(format!("{prompt}▏")),
            ]),
            Line::from(Span::styled(
                " N step · b 12 · b 12 if n > 3 · clear 12 · Enter, Esc",
                theme.dim,
            )),
        ];
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let session = &app.session;
    let place = if let Some(line) = app.current_line() {
        let failed = if session.traceback().is_some() {
            " (failed)"
        } else {
            ""
        };
        format!("line {line}{failed}")
    } else if session.is_finished() {
        "finished".to_owned()
    } else {
        String::new()
    };
    let total = session
        .total_steps()
        .map(|t| format!("/{t}"))
        .unwrap_or_default();
    let step = format!(" step {}{total}  {place}  ", session.step_number());
    let (mut head, parts) = crate::narrate::summary_parts(session.vm(), session.last_stop());
    let report = session.last_stop();
    let nothing_ran = report.opening || report.last_step.is_none() && report.undone == 0;
    if parts.is_empty() && !nothing_ran {
        head.push_str("; no reference counts changed");
    } else if !parts.is_empty() {
        head.push(':');
    }
    // Notes and messages first: they say why the screen did not move.
    let mut first = String::new();
    if let Some(message) = &app.message {
        first = format!("{message}. ");
    } else if let Some(note) = &report.note {
        first = format!("({note}) ");
    }
    if parts.is_empty() {
        head.push('.');
    }
    let head = format!("{first}{head}");
    let lines = wrap_summary(
        &step,
        &head,
        &parts,
        area.width as usize,
        area.height as usize,
    );
    let mut text: Vec<Line> = Vec::new();
    for (index, line) in lines.into_iter().enumerate() {
        if index == 0 {
            let rest = line.get(step.len()..).unwrap_or("").to_owned();
            let style = if app.message.is_some() {
                theme.error
            } else {
                ratatui::style::Style::new()
            };
            text.push(Line::from(vec![
                Span::styled(step.clone(), theme.status),
                Span::styled(rest, style),
            ]));
        } else {
            text.push(Line::from(line));
        }
    }
    frame.render_widget(Paragraph::new(text), area);
}

pub fn render_keys(frame: &mut Frame, area: Rect, app: &Screen) {
    let theme = &app.theme;
    let width = area.width as usize;
    let items = &app.keys.line;
    let len = |(keys, word): &(String, &str)| keys.chars().count() + 1 + word.chars().count() + 2;
    // `? help` and `q quit` (the last items) always fit; the others as room allows.
    let tail = items.len().saturating_sub(2);
    let mut used = 1 + items[tail..].iter().map(len).sum::<usize>();
    let mut shown = Vec::new();
    for item in &items[..tail] {
        if used + len(item) > width {
            break;
        }
        used += len(item);
        shown.push(item);
    }
    shown.extend(&items[tail..]);
    let mut spans = vec![Span::raw(" ")];
    for (keys, word) in shown {
        spans.push(Span::styled(keys.clone(), theme.key));
        spans.push(Span::raw(format!(" {word}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_keeps_whole_parts_and_counts_the_rest() {
        let parts: Vec<String> = (0..5).map(|i| format!("'object {i}' refs 1→2")).collect();
        let lines = wrap_summary(" step 3/9  line 2  ", "Ran 4 instructions:", &parts, 60, 2);
        assert!(lines.len() <= 2, "{lines:?}");
        let text = lines.join(" ");
        assert!(text.contains("more."), "{text}");
        assert!(
            !text.contains("'object 4' refs 1"),
            "a part is whole or absent: {text}"
        );
        let all = wrap_summary(" step 3/9  ", "Ran 4 instructions:", &parts, 200, 3);
        assert_eq!(all.len(), 1);
        assert!(all[0].ends_with("'object 4' refs 1→2."), "{all:?}");
    }

    #[test]
    fn a_stop_with_thousands_of_changes_is_summarised_at_once() {
        // A G over a long run: before, every count of parts was tried in turn
        // (minutes); now a bisection over what can fit (milliseconds).
        let parts: Vec<String> = (0..20_000)
            .map(|i| format!("made and freed tuple ({i}, …) (was 0x7f3b40d{i:05x})"))
            .collect();
        let start = std::time::Instant::now();
        let lines = wrap_summary(" step 9/9  ", "Ran 30019 instructions:", &parts, 120, 3);
        assert!(lines.len() <= 3);
        assert!(lines.join(" ").contains("more."));
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }
}
