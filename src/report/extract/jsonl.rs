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

/// The line `Record::Indicator` gives, into `buf`, without serde's flattening (slow, and most of
/// the output): the indicator's own object is written by its derived `Serialize` and spliced
/// between the record's other fields, which gives the same text.
fn indicator_line(buf: &mut Vec<u8>, source: &str, l: &super::Labelled) -> io::Result<()> {
    buf.clear();
    buf.extend_from_slice(br#"{"type":"indicator","data":{"source":"#);
    serde_json::to_writer(&mut *buf, source)?;
    let fields = buf.len();
    serde_json::to_writer(&mut *buf, l.indicator)?;
    // `{` of the indicator's object becomes the comma after `source`; its `}` stays.
    buf[fields] = b',';
    if let Some(label) = l.label {
        buf.pop();
        buf.extend_from_slice(br#","label":"#);
        serde_json::to_writer(&mut *buf, label)?;
        buf.push(b'}');
    }
    buf.extend_from_slice(b"}\n");
    Ok(())
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
        let mut buf = Vec::new();
        for i in &item.indicators {
            indicator_line(&mut buf, &item.doc.source.path, &super::Labelled::of(i))?;
            out.write_all(&buf)?;
        }
        Ok(())
    }

    fn error(&self, out: &mut dyn Write, source: &str, message: &str) -> io::Result<()> {
        line(out, &Record::Error { source, message })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::IngestOptions;

    /// The indicator record as serde writes it, with the indicator's fields flattened into it.
    #[derive(Serialize)]
    #[serde(tag = "type", content = "data", rename_all = "snake_case")]
    enum Flattened<'a> {
        Indicator {
            source: &'a str,
            #[serde(flatten)]
            indicator: super::super::Labelled<'a>,
        },
    }

    #[test]
    fn spliced_indicator_lines_are_serde_s() {
        let text = "2025年工作回顾\n地区生产总值增长6.3%，城乡居民人均可支配收入分别增长6.5%和8%左右。\n\n2026年工作安排\n“十五五”时期，粮食产量稳定在110万吨以上，力争达到“翻一番”。";
        let doc = crate::analyse(
            "a \"quoted\" path",
            text.as_bytes(),
            &IngestOptions::default(),
        )
        .expect("analyse");
        let found = crate::extract::extract(&doc);
        assert!(found.len() >= 4, "{found:?}");
        let mut buf = Vec::new();
        for i in &found {
            for label in [None, Some("GDP \"growth\"")] {
                let l = super::super::Labelled {
                    indicator: i,
                    label,
                };
                indicator_line(&mut buf, &doc.source.path, &l).expect("line");
                let mut want = serde_json::to_vec(&Flattened::Indicator {
                    source: &doc.source.path,
                    indicator: super::super::Labelled {
                        indicator: i,
                        label,
                    },
                })
                .expect("serde");
                want.push(b'\n');
                assert_eq!(
                    String::from_utf8_lossy(&buf),
                    String::from_utf8_lossy(&want)
                );
            }
        }
    }
}
