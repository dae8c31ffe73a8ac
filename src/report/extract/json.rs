//! `--format json`: `{"source", "document", "indicators"}`; an array of those for several inputs.

use super::{Exporter, Extracted};
use serde::Serialize;
use std::io::{self, Write};

pub struct Json {
    many: bool,
}

impl Json {
    pub fn new(many: bool) -> Json {
        Json { many }
    }
}

#[derive(Serialize)]
pub(super) struct DocumentJson<'a> {
    pub source: &'a crate::document::SourceInfo,
    pub document: &'a crate::document::Metadata,
    pub indicators: Vec<super::Labelled<'a>>,
}

impl Exporter for Json {
    fn before(&self, out: &mut dyn Write, index: usize) -> io::Result<()> {
        if self.many {
            out.write_all(if index == 0 { b"[\n" } else { b",\n" })?;
        }
        Ok(())
    }

    fn document(&self, out: &mut dyn Write, item: &Extracted) -> io::Result<()> {
        let value = DocumentJson {
            source: &item.doc.source,
            document: &item.doc.meta,
            indicators: item
                .indicators
                .iter()
                .map(|i| super::Labelled::of(i))
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &value)?;
        if !self.many {
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&self, out: &mut dyn Write, documents: usize) -> io::Result<()> {
        if self.many {
            out.write_all(if documents == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        Ok(())
    }
}
