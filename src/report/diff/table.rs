//! `--format table`: for people at a terminal.

use super::{change_cell, side_cell};
use crate::diff::{Diff, Verdict};
use crate::report::style;
use comfy_table::{Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use std::io::{self, Write};

pub fn write(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    let (r, g) = (year(diff.result_year), year(diff.target_year));
    t.set_header(vec![
        "indicator".to_string(),
        "key".to_string(),
        format!("result {r}"),
        format!("target {g}"),
        "change".to_string(),
        "verdict".to_string(),
    ]);
    if crate::report::style::get().colour {
        t.enforce_styling();
    }
    for row in &diff.rows {
        t.add_row(vec![
            Cell::new(style::label(&row.indicator, row.label_en)),
            Cell::new(row.key.unwrap_or("")),
            Cell::new(side_cell(row.result.as_ref())),
            Cell::new(side_cell(row.target.as_ref())),
            Cell::new(change_cell(row.change.as_ref())),
            style::coloured(row.verdict.as_str(), verdict_colour(row.verdict)),
        ]);
    }
    writeln!(
        out,
        "results: {} ({r})  targets: {} ({g})",
        diff.results_from, diff.targets_from
    )?;
    writeln!(out, "{t}")
}

fn year(y: Option<i32>) -> String {
    y.map_or_else(|| "?".into(), |y| y.to_string())
}

fn verdict_colour(v: Verdict) -> Color {
    match v {
        Verdict::Met | Verdict::MetStretch => Color::Green,
        Verdict::Missed | Verdict::Lowered => Color::Red,
        Verdict::Raised => Color::Blue,
        Verdict::NotReported | Verdict::OneSided | Verdict::Held => Color::DarkGrey,
    }
}
