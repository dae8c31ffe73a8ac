//! PDF → pages of text through pdf-extract, with our own layout (see `extract_pages`).
//! STUB: being written.

use crate::error::IngestError;

/// The text of a PDF, page by page, in the text convention of `ingest` (blank line = paragraph break).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct PdfText {
    pub pages: Vec<String>,
    pub warnings: Vec<String>,
}

/// Parse a PDF in this process. May panic or overflow the stack inside pdf-extract on hostile input:
/// call it only in the worker process (see `isolate`).
pub fn extract_pages(bytes: &[u8], password: Option<&str>) -> Result<PdfText, IngestError> {
    let _ = (bytes, password);
    Err(IngestError::Pdf("PDF support not built yet".into()))
}
