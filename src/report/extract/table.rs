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
        if crate::report::style::get().colour {
            t.enforce_styling();
        }
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
                crate::report::style::coloured(
                    i.kind.as_str(),
                    match i.kind {
                        crate::extract::Kind::Result => comfy_table::Color::Blue,
                        crate::extract::Kind::Target => comfy_table::Color::Magenta,
                        crate::extract::Kind::Context => comfy_table::Color::DarkGrey,
                    },
                ),
                comfy_table::Cell::new(super::label_of(i)),
                comfy_table::Cell::new(i.key.unwrap_or("")),
                comfy_table::Cell::new(value_cell(i)),
                comfy_table::Cell::new(i.year.map(|y| y.to_string()).unwrap_or_default()),
                comfy_table::Cell::new(section),
                comfy_table::Cell::new(i.page),
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
