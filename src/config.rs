//! The config file: `$XDG_CONFIG_HOME/bytestep/config.toml`, else
//! `~/.config/bytestep/config.toml`. A few `key = "value"` lines, read by
//! hand (no TOML crate for two settings):
//!
//! ```toml
//! theme = "projector"      # dark, light, projector or plain
//!
//! [keys]                   # extra keys for actions, in --keys notation
//! step_line = "<Space>"
//! continue = "<Right>"
//! ```
//!
//! A bad line is an error that names the file and the line.

use std::path::{Path, PathBuf};

use crate::app::Action;
use crate::app::keymap::{KEYMAP, Key, parse_keys};
use crate::ui::theme::THEMES;

/// What a config file sets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub theme: Option<String>,
    /// Extra keys, each for one action; they win over a default use of the key.
    pub keys: Vec<(Key, Action)>,
}

/// Where the config file is looked for.
pub fn path() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CONFIG_HOME") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".config"),
    };
    Some(base.join("bytestep").join("config.toml"))
}

/// Read the config file if there is one; `Err` is a message with file and line.
pub fn load() -> Result<Config, String> {
    let Some(path) = path() else {
        return Ok(Config::default());
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(error) => Err(format!("{}: {error}", path.display())),
    }
}

/// The snake_case name of an action as the config file writes it (`step_line`).
pub fn action_name(action: Action) -> String {
    let mut name = String::new();
    for (i, c) in format!("{action:?}").chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                name.push('_');
            }
            name.push(c.to_ascii_lowercase());
        } else {
            name.push(c);
        }
    }
    name
}

pub fn parse(text: &str, path: &Path) -> Result<Config, String> {
    let mut config = Config::default();
    let mut section = String::new();
    for (index, raw) in text.lines().enumerate() {
        let at = |message: String| format!("{}:{}: {message}", path.display(), index + 1);
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_owned();
            if section != "keys" {
                return Err(at(format!("unknown section [{section}] (only [keys])")));
            }
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(at(format!("expected `name = \"value\"`, found {line:?}")));
        };
        let key = key.trim();
        let value = value.trim();
        let Some(value) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) else {
            return Err(at(format!("the value of {key} must be in double quotes")));
        };
        match (section.as_str(), key) {
            ("", "theme") => {
                if !THEMES.contains(&value) {
                    return Err(at(format!(
                        "unknown theme {value:?} (one of {})",
                        THEMES.join(", ")
                    )));
                }
                config.theme = Some(value.to_owned());
            }
            ("", other) => return Err(at(format!("unknown setting {other:?} (theme, [keys])"))),
            (_, name) => {
                let action = KEYMAP
                    .iter()
                    .map(|b| b.action)
                    .find(|a| action_name(*a) == name)
                    .ok_or_else(|| {
                        let names: Vec<String> =
                            KEYMAP.iter().map(|b| action_name(b.action)).collect();
                        at(format!(
                            "unknown action {name:?} (one of {})",
                            names.join(", ")
                        ))
                    })?;
                let keys = parse_keys(value).map_err(at)?;
                let [key] = keys.as_slice() else {
                    return Err(at(format!("{value:?} is not one key")));
                };
                config.keys.push((*key, action));
            }
        }
    }
    Ok(config)
}

/// The line without a `#` comment (a `#` inside quotes stays).
fn strip_comment(line: &str) -> &str {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '#' if !quoted => return &line[..i],
            _ => {}
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyCode;

    fn parse_text(text: &str) -> Result<Config, String> {
        parse(text, Path::new("/home/u/.config/bytestep/config.toml"))
    }

    #[test]
    fn theme_and_keys_are_read() {
        let config = parse_text(
            "# mine\ntheme = \"projector\"  # for the lecture hall\n\n[keys]\nstep_line = \"<Space>\"\ncontinue = \"#\"\n",
        )
        .expect("valid");
        assert_eq!(config.theme.as_deref(), Some("projector"));
        assert_eq!(
            config.keys,
            vec![
                (Key::plain(KeyCode::Char(' ')), Action::StepLine),
                (Key::char('#'), Action::Continue),
            ]
        );
    }

    #[test]
    fn errors_name_the_file_and_the_line() {
        let error = parse_text("theme = \"dark\"\ntheme = \"blue\"\n").expect_err("bad theme");
        assert!(
            error.starts_with("/home/u/.config/bytestep/config.toml:2: unknown theme \"blue\""),
            "{error}"
        );
        let error = parse_text("[keys]\nfly = \"x\"\n").expect_err("bad action");
        assert!(
            error.contains("config.toml:2: unknown action \"fly\""),
            "{error}"
        );
        let error = parse_text("[keys]\nstep_line = \"<Nope>\"\n").expect_err("bad key");
        assert!(error.contains("config.toml:2:"), "{error}");
        let error = parse_text("theme = dark\n").expect_err("unquoted");
        assert!(error.contains("config.toml:1:"), "{error}");
        assert!(parse_text("[colours]\n").is_err());
        assert!(parse_text("just words\n").is_err());
    }

    #[test]
    fn every_action_has_a_config_name() {
        for binding in KEYMAP {
            let name = action_name(binding.action);
            assert!(!name.is_empty() && name == name.to_lowercase(), "{name}");
        }
        assert_eq!(action_name(Action::StepLine), "step_line");
    }
}
