//! `--format markdown`: a heading and a table per document, for reports and pull requests.

use super::{Exporter, Extracted, value_cell};
use std::io::{self, Write};

pub struct Markdown;

/// Pipes and line breaks would break a Markdown table cell.
pub fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

impl Exporter for Markdown {
    fn document(&self, out: &mut dyn Write, item: &Extracted) -> io::Result<()> {
        let title = item.doc.meta.title.as_deref().unwrap_or("");
        writeln!(out, "## {} {}\n", cell(&item.doc.source.path), cell(title))?;
        writeln!(
            out,
            "| kind | indicator | key | value | year | section | page |"
        )?;
        writeln!(out, "| --- | --- | --- | ---: | --- | --- | ---: |")?;
        for i in &item.indicators {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                i.kind.as_str(),
                cell(super::label_of(i)),
                i.key.unwrap_or(""),
                cell(&value_cell(i)),
                i.year.map(|y| y.to_string()).unwrap_or_default(),
                cell(&i.section),
                i.page
            )?;
        }
        writeln!(out)
    }
}
