//! `--format json`: the `Diff` as one JSON object; with `--lang en` each row also has a `label`.

use crate::diff::{Diff, Row};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct DiffJson<'a> {
    mode: &'a str,
    results_from: &'a str,
    targets_from: &'a str,
    result_year: Option<i32>,
    target_year: Option<i32>,
    rows: Vec<RowJson<'a>>,
}

#[derive(Serialize)]
struct RowJson<'a> {
    #[serde(flatten)]
    row: &'a Row,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
}

pub fn write(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    let english = crate::report::style::english();
    let value = DiffJson {
        mode: diff.mode,
        results_from: &diff.results_from,
        targets_from: &diff.targets_from,
        result_year: diff.result_year,
        target_year: diff.target_year,
        rows: diff
            .rows
            .iter()
            .map(|row| RowJson {
                row,
                label: english.then(|| crate::report::style::label(&row.indicator, row.label_en)),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
