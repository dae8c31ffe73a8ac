//! How reports look, decided once by the binary: the language of indicator labels and whether
//! tables are coloured.

use std::sync::OnceLock;

/// Language of indicator labels in tables (JSON always carries both).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    /// Indicators as the report names them.
    #[default]
    Zh,
    /// The catalogue's English label where there is one, else the report's name.
    En,
}

/// The look of every report of one run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub lang: Lang,
    /// Colour in tables: only on a terminal, never with `NO_COLOR`.
    pub colour: bool,
}

static STYLE: OnceLock<Style> = OnceLock::new();

/// Set the style of this run (the first call wins).
pub fn set(style: Style) {
    let _ = STYLE.set(style);
}

/// The style of this run (the default until `set`).
pub fn get() -> Style {
    STYLE.get().copied().unwrap_or_default()
}

/// Whether labels are in English in this run (`--lang en`).
pub fn english() -> bool {
    get().lang == Lang::En
}

/// Whether to colour: standard output is a terminal and `NO_COLOR` is unset or empty
/// (<https://no-color.org>).
pub fn colour_wanted(stdout_is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    stdout_is_terminal && no_color.is_none_or(|v| v.is_empty())
}

/// A label in the run's language: the English label when asked for and known, else `zh`.
pub fn label<'a>(zh: &'a str, en: Option<&'a str>) -> &'a str {
    match (get().lang, en) {
        (Lang::En, Some(en)) => en,
        _ => zh,
    }
}

/// A table cell, in `colour` when this run colours.
pub fn coloured(text: &str, colour: comfy_table::Color) -> comfy_table::Cell {
    let cell = comfy_table::Cell::new(text);
    if get().colour { cell.fg(colour) } else { cell }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(colour_wanted(true, None));
        assert!(colour_wanted(true, Some("".as_ref())));
        assert!(!colour_wanted(true, Some("1".as_ref())));
        assert!(!colour_wanted(false, None));
    }
}
