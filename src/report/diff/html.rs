//! `--format html`: one self-contained page (no scripts, no outside files) with the summary, the
//! chart and the table, to attach to a CI run or mail to someone.

use super::{change_cell, side_cell};
use crate::diff::{Diff, Options};
use crate::report::chart::{self, colour, escape};
use std::io::{self, Write};

const STYLE: &str = "
body { font-family: 'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;
       margin: 2em auto; max-width: 1000px; color: #24292f; padding: 0 1em; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
p.meta { color: #57606a; margin-top: 0; }
figure { margin: 1.5em 0; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
th, td { border-bottom: 1px solid #d0d7de; padding: 0.45em 0.6em; text-align: left; }
th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { color: #57606a; font-size: 0.85em; }
span.verdict { color: #fff; border-radius: 1em; padding: 0.1em 0.7em; font-size: 0.85em; white-space: nowrap; }
";

/// Write the page. `english` labels rows with the catalogue's English labels where known.
pub fn write(out: &mut dyn Write, diff: &Diff, opts: &Options, english: bool) -> io::Result<()> {
    let y = |v: Option<i32>| v.map_or_else(|| "?".to_string(), |v| v.to_string());
    let title = format!(
        "Results {} against targets {}",
        y(diff.result_year),
        y(diff.target_year)
    );
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        escape(&title)
    )?;
    writeln!(out, "<h1>{}</h1>", escape(&title))?;
    writeln!(
        out,
        "<p class=\"meta\">targets: <code>{}</code> · results: <code>{}</code><br>{}</p>",
        escape(&diff.targets_from),
        escape(&diff.results_from),
        escape(&diff.summary())
    )?;
    writeln!(
        out,
        "<figure>\n{}</figure>",
        chart::svg(diff, opts, english)
    )?;
    writeln!(
        out,
        "<table>\n<thead><tr><th>indicator</th><th>key</th><th>result {}</th><th>target {}</th><th>change</th><th>verdict</th></tr></thead>\n<tbody>",
        y(diff.result_year),
        y(diff.target_year)
    )?;
    for row in &diff.rows {
        let name = match (english, row.label_en) {
            (true, Some(en)) => format!("{} <code>{}</code>", escape(en), escape(&row.indicator)),
            _ => escape(&row.indicator),
        };
        writeln!(
            out,
            "<tr><td>{name}</td><td><code>{}</code></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td><span class=\"verdict\" style=\"background:{}\">{}</span></td></tr>",
            escape(row.key.unwrap_or("")),
            escape(&side_cell(row.result.as_ref())),
            escape(&side_cell(row.target.as_ref())),
            escape(&change_cell(row.change.as_ref())),
            colour(row.verdict),
            escape(row.verdict.as_str())
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</body>\n</html>")
}
