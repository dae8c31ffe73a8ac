//! `--format json`: `{"source", "document", "indicators"}`; an array of those for several inputs.

use super::{Exporter, Extracted};
use serde::Serialize;
use std::io::{self, Write};

pub struct Json {
    many: bool,
    written: usize,
}

impl Json {
    pub fn new(many: bool) -> Json {
        Json { many, written: 0 }
    }
}

#[derive(Serialize)]
pub(super) struct DocumentJson<'a> {
    pub source: &'a crate::document::SourceInfo,
    pub document: &'a crate::document::Metadata,
    pub indicators: &'a [&'a crate::extract::Indicator],
}

impl Exporter for Json {
    fn document(&mut self, out: &mut dyn Write, item: &Extracted) -> io::Result<()> {
        let value = DocumentJson {
            source: &item.doc.source,
            document: &item.doc.meta,
            indicators: &item.indicators,
        };
        if self.many {
            out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        }
        serde_json::to_writer_pretty(&mut *out, &value)?;
        self.written += 1;
        if !self.many {
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.many {
            out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        Ok(())
    }
}
