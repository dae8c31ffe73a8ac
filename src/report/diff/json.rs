//! `--format json`: the `Diff` as one JSON object; with `--lang en` each row also has a `label`.

use crate::diff::{Diff, Row};
use serde::Serialize;
use std::io::{self, Write};

/// `Diff` with rows that may carry a label (a test checks that, without labels, this writes
/// what `Diff` serialises to).
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `DiffJson` repeats the fields of `Diff` (to add a row's `label`): without labels it must
    /// write what `Diff` itself serialises to, so that a field added to `Diff` is not lost here.
    #[test]
    fn without_labels_the_json_is_the_diffs_own() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/diff/later-2026.txt");
        let bytes = std::fs::read(path).expect("fixture");
        let doc = crate::analyse(path, &bytes, &crate::ingest::IngestOptions::default())
            .expect("analyse");
        let found = crate::extract::extract(&doc);
        let diff = crate::diff::single(&doc, &found, &crate::diff::Options::default());
        assert!(!diff.rows.is_empty(), "{diff:?}");
        let mut out = Vec::new();
        write(&mut out, &diff).expect("write");
        let mut want = serde_json::to_vec_pretty(&diff).expect("serde");
        want.push(b'\n');
        assert_eq!(
            String::from_utf8(out).unwrap(),
            String::from_utf8(want).unwrap()
        );
    }
}
