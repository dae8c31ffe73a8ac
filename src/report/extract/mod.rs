//! Output of `gazette extract`: one small file per format behind the `Exporter` trait.

mod csv;
mod json;
mod jsonl;
mod markdown;
mod table;

use crate::document::Document;
use crate::extract::Indicator;
use std::io::{self, Write};

/// A document with the indicators selected for output.
pub struct Extracted<'a> {
    pub doc: &'a Document,
    pub indicators: Vec<&'a Indicator>,
}

/// An output format. Rendering a document or an error needs no state, so that inputs can be
/// rendered in parallel; the little that depends on what came before (a separator between JSON
/// documents, the CSV header) is `before`, which the writer calls in input order, and `finish`
/// closes whatever the format opened.
pub trait Exporter: Send + Sync {
    /// Written before each document; `index` counts the documents written before it.
    fn before(&self, _out: &mut dyn Write, _index: usize) -> io::Result<()> {
        Ok(())
    }
    fn document(&self, out: &mut dyn Write, item: &Extracted) -> io::Result<()>;
    /// An input that failed: streaming formats record it, others leave it to stderr.
    fn error(&self, _out: &mut dyn Write, _source: &str, _message: &str) -> io::Result<()> {
        Ok(())
    }
    /// Written once at the end; `documents` is how many documents were written.
    fn finish(&self, _out: &mut dyn Write, _documents: usize) -> io::Result<()> {
        Ok(())
    }
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
    Markdown,
}

/// The exporter for a format. `many` tells JSON to write an array of documents.
pub fn exporter(format: Format, many: bool) -> Box<dyn Exporter> {
    match format {
        Format::Table => Box::new(table::Table),
        Format::Json => Box::new(json::Json::new(many)),
        Format::Jsonl => Box::new(jsonl::Jsonl),
        Format::Csv => Box::new(csv::Csv),
        Format::Markdown => Box::new(markdown::Markdown),
    }
}

/// A number as people write it: no trailing `.0`, no float noise.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `≥7%`, `4.5–5%`, `≈70万亩`: value, comparator and unit in one cell.
pub fn value_cell(i: &Indicator) -> String {
    let v = match i.high {
        Some(h) => format!("{}–{}", format_number(i.value), format_number(h)),
        None => format_number(i.value),
    };
    let stretch = if i.stretch { " (力争)" } else { "" };
    format!("{}{v}{}{stretch}", i.comparator.symbol(), i.unit)
}

/// The indicator's name in the run's language (`--lang en`: the catalogue's English label).
pub fn label_of(i: &Indicator) -> &str {
    crate::report::style::label(&i.indicator, i.label_en)
}

/// A mention in JSON: its fields, and with `--lang en` a `label` in that language.
#[derive(serde::Serialize)]
pub(super) struct Labelled<'a> {
    #[serde(flatten)]
    pub indicator: &'a Indicator,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<&'a str>,
}

impl<'a> Labelled<'a> {
    pub fn of(i: &'a Indicator) -> Labelled<'a> {
        let english = crate::report::style::english();
        Labelled {
            indicator: i,
            label: english.then(|| label_of(i)),
        }
    }
}
