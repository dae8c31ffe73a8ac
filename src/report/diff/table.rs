//! `--format table`: for people at a terminal.

use super::{change_cell, side_cell};
use crate::diff::Diff;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
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
    for row in &diff.rows {
        t.add_row(vec![
            row.indicator.clone(),
            row.key.unwrap_or("").to_string(),
            side_cell(row.result.as_ref()),
            side_cell(row.target.as_ref()),
            change_cell(row.change.as_ref()),
            row.verdict.as_str().to_string(),
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
