//! `--format jsonl`: a JSON Lines stream of `{"type": …, "data": …}` records:
//! `document` (once per input, before its indicators), `indicator` (one per mention, with its
//! `source` path) and `error` (an input that could not be read).

use super::{Exporter, Extracted};
use serde::Serialize;
use std::io::{self, Write};

pub struct Jsonl;

#[derive(Serialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
enum Record<'a> {
    Document {
        source: &'a crate::document::SourceInfo,
        document: &'a crate::document::Metadata,
        indicators: usize,
    },
    Indicator {
        source: &'a str,
        #[serde(flatten)]
        indicator: super::Labelled<'a>,
    },
    Error {
        source: &'a str,
        message: &'a str,
    },
}

/// One record and its line feed, written at once (serde_json's many small writes go to a
/// `Vec`, not through the `dyn Write`).
fn line(out: &mut dyn Write, r: &Record) -> io::Result<()> {
    let mut buf = serde_json::to_vec(r)?;
    buf.push(b'\n');
    out.write_all(&buf)
}

impl Exporter for Jsonl {
    fn document(&self, out: &mut dyn Write, item: &Extracted) -> io::Result<()> {
        line(
            out,
            &Record::Document {
                source: &item.doc.source,
                document: &item.doc.meta,
                indicators: item.indicators.len(),
            },
        )?;
        for i in &item.indicators {
            line(
                out,
                &Record::Indicator {
                    source: &item.doc.source.path,
                    indicator: super::Labelled::of(i),
                },
            )?;
        }
        Ok(())
    }

    fn error(&self, out: &mut dyn Write, source: &str, message: &str) -> io::Result<()> {
        line(out, &Record::Error { source, message })
    }
}
