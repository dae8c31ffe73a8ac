//! Output of `gazette diff`: one small file per format.

mod csv;
pub mod html;
mod json;
mod markdown;
mod table;

use crate::diff::{Change, Diff, Options, Side};
use crate::report::extract::format_number;
use std::io::{self, Write};

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
    /// A self-contained page: summary, chart, table.
    Html,
}

/// Write a diff in a format. `opts` are the options it was judged with (the chart draws their
/// tolerances).
pub fn write(format: Format, out: &mut dyn Write, diff: &Diff, opts: &Options) -> io::Result<()> {
    match format {
        Format::Table => table::write(out, diff),
        Format::Json => json::write(out, diff),
        Format::Csv => csv::write(out, diff),
        Format::Markdown => markdown::write(out, diff),
        Format::Html => html::write(out, diff, opts, crate::report::style::english()),
    }
}

/// `≥7%`, `4.5–5%`, `≥7% (力争8%)`: one side in one cell.
pub fn side_cell(side: Option<&Side>) -> String {
    let Some(s) = side else {
        return "—".into();
    };
    let value = match s.high {
        Some(h) => format!("{}–{}", format_number(s.value), format_number(h)),
        None => format_number(s.value),
    };
    let stretch = s
        .stretch
        .map(|v| format!(" (力争{}{})", format_number(v), s.unit))
        .unwrap_or_default();
    let down = if s.is_down() { "↓" } else { "" };
    format!("{down}{}{value}{}{stretch}", s.comparator.symbol(), s.unit)
}

/// `+0.7 pp`, `×1.18`.
pub fn change_cell(change: Option<&Change>) -> String {
    match change {
        Some(c) if c.kind == "pp" => format!("{:+} pp", format_number_signed(c.value)),
        Some(c) => format!("×{}", format_number((c.value * 1000.0).round() / 1000.0)),
        None => String::new(),
    }
}

fn format_number_signed(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}
