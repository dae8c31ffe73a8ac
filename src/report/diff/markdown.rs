//! `--format markdown`: a table that reads well pasted into a pull request.

use super::{change_cell, side_cell};
use crate::diff::{Diff, Verdict};
use std::io::{self, Write};

fn mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Met | Verdict::MetStretch | Verdict::Raised => "✅",
        Verdict::Missed | Verdict::Lowered => "❌",
        Verdict::NotReported | Verdict::OneSided => "❔",
        Verdict::Held => "➖",
    }
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

pub fn write(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    let y = |y: Option<i32>| y.map_or_else(|| "?".into(), |y| y.to_string());
    writeln!(
        out,
        "### Results {} (`{}`) against targets {} (`{}`)\n",
        y(diff.result_year),
        cell(&diff.results_from),
        y(diff.target_year),
        cell(&diff.targets_from)
    )?;
    writeln!(out, "| indicator | result | target | change | verdict |")?;
    writeln!(out, "| --- | ---: | ---: | ---: | --- |")?;
    for row in &diff.rows {
        let label = crate::report::style::label(&row.indicator, row.label_en);
        let name = match row.key {
            Some(k) => format!("{} (`{k}`)", cell(label)),
            None => cell(label),
        };
        writeln!(
            out,
            "| {name} | {} | {} | {} | {} {} |",
            cell(&side_cell(row.result.as_ref())),
            cell(&side_cell(row.target.as_ref())),
            change_cell(row.change.as_ref()),
            mark(row.verdict),
            row.verdict.as_str()
        )?;
    }
    writeln!(out, "\n{}", diff.summary())
}
