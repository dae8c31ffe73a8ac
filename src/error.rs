//! Typed errors of the library. The binary adds context (the file name) with anyhow.

use thiserror::Error;

/// Why an input could not be turned into a document.
#[derive(Debug, Error)]
pub enum IngestError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("is a directory")]
    IsDirectory,
    #[error("empty input")]
    Empty,
    #[error("binary data, not text or PDF ({0})")]
    Binary(String),
    #[error("not valid {encoding} text")]
    Encoding { encoding: String },
    #[error("unknown encoding name {0:?} (try utf-8, utf-16le, utf-16be, gb18030, gbk, big5)")]
    UnknownEncoding(String),
    #[error(
        "input is {size} bytes, more than the limit of {limit} bytes (raise it with --max-size)"
    )]
    TooLarge { size: u64, limit: u64 },
    /// Any failure of the PDF path, already phrased for a person (e.g. "damaged PDF: no cross-reference table").
    #[error("{0}")]
    Pdf(String),
    #[error("no text: {0}")]
    NoText(String),
}
