//! `--format csv`: one row per mention, a header row once.

use super::{Exporter, Extracted, format_number};
use std::io::{self, Write};

pub struct Csv;

const HEADER: &[&str] = &[
    "source",
    "kind",
    "indicator",
    "key",
    "value",
    "high",
    "unit",
    "comparator",
    "stretch",
    "direction",
    "base_value",
    "base_unit",
    "year",
    "period",
    "section",
    "page",
    "span_start",
    "span_end",
    "text",
    "sentence",
];

impl Exporter for Csv {
    /// The header row once, before the first document (even one without rows).
    fn before(&self, out: &mut dyn Write, index: usize) -> io::Result<()> {
        if index == 0 {
            let mut w = ::csv::Writer::from_writer(out);
            w.write_record(HEADER)?;
            w.flush()?;
        }
        Ok(())
    }

    fn document(&self, out: &mut dyn Write, item: &Extracted) -> io::Result<()> {
        let mut w = ::csv::Writer::from_writer(out);
        for i in &item.indicators {
            let direction = match i.direction {
                Some(crate::extract::Direction::Up) => "up",
                Some(crate::extract::Direction::Down) => "down",
                None => "",
            };
            w.write_record([
                item.doc.source.path.as_str(),
                i.kind.as_str(),
                &i.indicator,
                i.key.unwrap_or(""),
                &format_number(i.value),
                &i.high.map(format_number).unwrap_or_default(),
                &i.unit,
                i.comparator.as_str(),
                if i.stretch { "true" } else { "false" },
                direction,
                &format_number(i.base_value),
                i.base_unit,
                &i.year.map(|y| y.to_string()).unwrap_or_default(),
                i.period.as_deref().unwrap_or(""),
                &i.section,
                &i.page.to_string(),
                &i.span[0].to_string(),
                &i.span[1].to_string(),
                &i.text,
                &i.sentence,
            ])?;
        }
        w.flush()
    }
}
