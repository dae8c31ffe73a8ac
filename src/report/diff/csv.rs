//! `--format csv`: one row per indicator.

use crate::diff::{Diff, Side};
use crate::report::extract::format_number;
use std::io::{self, Write};

fn cols(s: Option<&Side>) -> [String; 5] {
    match s {
        Some(s) => [
            format_number(s.value),
            s.high.map(format_number).unwrap_or_default(),
            s.unit.clone(),
            s.comparator.as_str().to_string(),
            s.year.map(|y| y.to_string()).unwrap_or_default(),
        ],
        None => Default::default(),
    }
}

pub fn write(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record([
        "indicator",
        "key",
        "result_value",
        "result_high",
        "result_unit",
        "result_comparator",
        "result_year",
        "target_value",
        "target_high",
        "target_unit",
        "target_comparator",
        "target_year",
        "target_stretch",
        "change",
        "change_kind",
        "verdict",
    ])?;
    for row in &diff.rows {
        let r = cols(row.result.as_ref());
        let t = cols(row.target.as_ref());
        let stretch = row
            .target
            .as_ref()
            .and_then(|t| t.stretch)
            .map(format_number)
            .unwrap_or_default();
        let (change, kind) = row
            .change
            .as_ref()
            .map_or((String::new(), ""), |c| (format_number(c.value), c.kind));
        let mut rec: Vec<String> = vec![row.indicator.clone(), row.key.unwrap_or("").to_string()];
        rec.extend(r);
        rec.extend(t);
        rec.extend([
            stretch,
            change,
            kind.to_string(),
            row.verdict.as_str().to_string(),
        ]);
        w.write_record(&rec)?;
    }
    w.flush()
}
