//! `--format table`: a comfy-table per document, for people.

use super::{Exporter, Extracted, value_cell};
use comfy_table::{ContentArrangement, Table as Grid, presets::UTF8_FULL_CONDENSED};
use std::io::{self, Write};

pub struct Table;

impl Exporter for Table {
    fn document(&self, out: &mut dyn Write, item: &Extracted) -> io::Result<()> {
        let mut t = Grid::new();
        t.load_style(UTF8_FULL_CONDENSED);
        t.set_content_arrangement(ContentArrangement::Dynamic);
        t.set_header(vec![
            "kind",
            "indicator",
            "key",
            "value",
            "year",
            "section",
            "page",
        ]);
        for i in &item.indicators {
            let section: String = i.section.chars().take(24).collect();
            t.add_row(vec![
                i.kind.as_str().to_string(),
                i.indicator.clone(),
                i.key.unwrap_or("").to_string(),
                value_cell(i),
                i.year.map(|y| y.to_string()).unwrap_or_default(),
                section,
                i.page.to_string(),
            ]);
        }
        let m = &item.doc.meta;
        writeln!(
            out,
            "{} — {} indicators{}",
            item.doc.source.path,
            item.indicators.len(),
            match (m.result_year, m.target_year) {
                (Some(r), Some(t)) => format!(" (results {r}, targets {t})"),
                _ => String::new(),
            }
        )?;
        writeln!(out, "{t}")
    }
}
