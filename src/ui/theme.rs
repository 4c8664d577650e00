//! Colours in one place. Under `NO_COLOR` every style degrades to bold,
//! reverse or underline, so nothing depends on colour to be seen.

use ratatui::style::{Color, Modifier, Style};

/// The styles the panes use, by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub border: Style,
    pub focused_border: Style,
    pub title: Style,
    pub line_number: Style,
    /// The line about to run.
    pub current: Style,
    /// The bar across the line about to run.
    pub current_bar: Style,
    /// The bar across the failing line, post-mortem.
    pub failed_bar: Style,
    /// The mark on the line just run.
    pub just_ran: Style,
    /// The sub-expression the current instruction works on.
    pub expression: Style,
    /// The source cursor (when the source pane is focused).
    pub cursor: Style,
    pub breakpoint: Style,
    /// The next instruction.
    pub next_instr: Style,
    pub jump_target: Style,
    pub opname: Style,
    pub keyword: Style,
    pub string: Style,
    pub number: Style,
    pub comment: Style,
    /// Pushed by the last step / a count went up.
    pub increase: Style,
    /// A count went down / freed.
    pub decrease: Style,
    pub new: Style,
    pub mark: Style,
    pub selected: Style,
    pub header: Style,
    pub dim: Style,
    pub status: Style,
    pub key: Style,
    pub error: Style,
}

/// The themes a config file can name.
pub const THEMES: &[&str] = &["dark", "light", "projector", "plain"];

impl Theme {
    /// Colours unless `NO_COLOR` is set (to anything non-empty).
    pub fn from_env() -> Theme {
        Theme::named_or_env(None)
    }

    /// The theme called `name` (see [`THEMES`]); `NO_COLOR` still wins.
    pub fn named_or_env(name: Option<&str>) -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(value) if !value.is_empty() => Theme::plain(),
            _ => name.and_then(Theme::named).unwrap_or_else(Theme::colour),
        }
    }

    pub fn named(name: &str) -> Option<Theme> {
        Some(match name {
            "dark" => Theme::colour(),
            "light" => Theme::light(),
            "projector" => Theme::projector(),
            "plain" => Theme::plain(),
            _ => return None,
        })
    }

    /// For light backgrounds: no yellow or white text, darker accents.
    pub fn light() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            border: Style::new().fg(Color::DarkGray),
            focused_border: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            current: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            just_ran: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            opname: Style::new().fg(Color::Blue),
            keyword: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            number: Style::new().fg(Color::Magenta),
            new: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            mark: Style::new().fg(Color::Magenta),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            line_number: Style::new().fg(Color::DarkGray),
            title: bold,
            ..Theme::colour()
        }
    }

    /// For projectors: no dark grey, no blue on black, everything that
    /// matters bold; the current line a wide yellow bar.
    pub fn projector() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let plain = Style::new();
        Theme {
            border: Style::new().fg(Color::White),
            focused_border: Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            title: bold,
            line_number: plain,
            comment: Style::new().fg(Color::LightGreen),
            number: Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            string: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
            keyword: Style::new()
                .fg(Color::LightMagenta)
                .add_modifier(Modifier::BOLD),
            opname: Style::new().fg(Color::LightCyan),
            header: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            dim: plain,
            mark: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            just_ran: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
            ..Theme::colour()
        }
    }

    /// The default ("dark"): 16-colour palette, so it works on basic
    /// terminals too; grey only for what may fade (comments, hints).
    pub fn colour() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            border: Style::new().fg(Color::Gray),
            focused_border: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            title: bold,
            line_number: Style::new().fg(Color::Gray),
            current: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            current_bar: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            failed_bar: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            just_ran: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            expression: Style::new().add_modifier(Modifier::UNDERLINED),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            breakpoint: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            next_instr: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            jump_target: Style::new().fg(Color::Magenta),
            opname: Style::new().fg(Color::Cyan),
            keyword: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            string: Style::new().fg(Color::Green),
            number: Style::new().fg(Color::Cyan),
            comment: Style::new().fg(Color::DarkGray),
            increase: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            decrease: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            new: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            mark: Style::new().fg(Color::Yellow),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            header: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::UNDERLINED),
            dim: Style::new().fg(Color::DarkGray),
            status: bold,
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }

    /// No colour: bold, reverse and underline only.
    pub fn plain() -> Theme {
        let none = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        let underline = Style::new().add_modifier(Modifier::UNDERLINED);
        Theme {
            border: none,
            focused_border: bold,
            title: bold,
            line_number: none,
            current: bold,
            current_bar: reverse,
            failed_bar: reverse,
            just_ran: bold,
            expression: underline,
            cursor: underline,
            breakpoint: bold,
            next_instr: reverse,
            jump_target: bold,
            opname: none,
            keyword: bold,
            string: none,
            number: none,
            comment: none,
            increase: bold,
            decrease: bold,
            new: bold,
            mark: none,
            selected: reverse,
            header: underline,
            dim: none,
            status: bold,
            key: bold,
            error: bold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_projector_theme_has_no_dark_grey_or_dark_blue() {
        let theme = Theme::projector();
        let styles = format!("{theme:?}");
        assert!(!styles.contains("DarkGray"), "{styles}");
        assert!(!styles.contains("Blue"), "{styles}");
        for name in THEMES {
            assert!(Theme::named(name).is_some(), "{name}");
        }
        assert!(Theme::named("blue").is_none());
    }
}
