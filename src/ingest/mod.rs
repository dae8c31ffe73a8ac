//! Ingest: bytes in, pages of text out.
//!
//! Every ingester hands normalisation the same thing, a list of pages in the *text convention*:
//! paragraphs are separated by a blank line; a single line break inside a paragraph is a wrap
//! that normalisation may join. Page furniture (running headers, page numbers) may still be
//! present: normalisation removes it with rules common to every source.

pub mod html;
pub mod isolate;
pub mod pdf;
pub mod text;

use crate::error::IngestError;

/// Where the pages came from; reported in the JSON `source` object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Text,
    Pdf,
    /// A saved web page: its article's text, one paragraph per line.
    Html,
}

/// The pages of one input, before normalisation: `'a` is the input's bytes, which a UTF-8 text
/// input's pages borrow.
#[derive(Debug, Clone)]
pub struct RawDocument<'a> {
    pub kind: SourceKind,
    /// Name of the text encoding that was detected or forced (text input only).
    pub encoding: Option<String>,
    /// First page first. Page numbers are positions in this list, starting at 1.
    pub pages: Pages<'a>,
    /// Things a user should know about the input that did not stop it (one line each).
    pub warnings: Vec<String>,
}

/// Pages, as texts or as the lines of each page.
#[derive(Debug, Clone, PartialEq)]
pub enum Pages<'a> {
    /// Page texts (from a PDF or a web page).
    Texts(Vec<String>),
    /// Text decoded from another encoding than UTF-8, cut into pages (see
    /// [`text::page_lines`]) as it is normalised, not copied page by page first.
    Decoded(String),
    /// The lines of each page, read in place from UTF-8 text (a large input is not copied).
    Lines(Vec<Vec<&'a str>>),
}

impl<'a> RawDocument<'a> {
    /// The document, when its pages own their text (they borrow nothing from the input's
    /// bytes); else the document as it is.
    pub fn owned(self) -> Result<RawDocument<'static>, RawDocument<'a>> {
        let RawDocument {
            kind,
            encoding,
            pages,
            warnings,
        } = self;
        let pages = match pages {
            Pages::Texts(texts) => Pages::Texts(texts),
            Pages::Decoded(text) => Pages::Decoded(text),
            lines @ Pages::Lines(_) => {
                return Err(RawDocument {
                    kind,
                    encoding,
                    pages: lines,
                    warnings,
                });
            }
        };
        Ok(RawDocument {
            kind,
            encoding,
            pages,
            warnings,
        })
    }
}

/// How to read an input.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Force a text encoding (`utf-8`, `gb18030`, …) instead of detecting it.
    pub encoding: Option<String>,
    /// Password for an encrypted PDF (the empty user password is always tried).
    pub password: Option<String>,
    /// Parse PDFs in this process instead of in an isolated child process (used by the worker itself).
    pub in_process: bool,
}

/// Turn the bytes of one input into pages. The kind is recognised by content, never by name:
/// `%PDF-` → PDF, markup that names HTML elements → HTML, anything else → text.
pub fn ingest_bytes<'a>(
    bytes: &'a [u8],
    opts: &IngestOptions,
) -> Result<RawDocument<'a>, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    if is_pdf(bytes) {
        let out = if opts.in_process {
            pdf::extract_pages(bytes, opts.password.as_deref())?
        } else {
            isolate::extract_pages_isolated(bytes, opts.password.as_deref())?
        };
        return Ok(RawDocument {
            kind: SourceKind::Pdf,
            encoding: None,
            pages: Pages::Texts(out.pages),
            warnings: out.warnings,
        });
    }
    if html::looks_like_html(bytes) {
        return html::decode_pages(bytes, opts.encoding.as_deref());
    }
    text::decode_pages(bytes, opts.encoding.as_deref())
}

/// `%PDF-` within the first KiB (some producers put junk before the header, as readers allow).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages that own their text leave the input's bytes free; lines of UTF-8 text borrow them.
    #[test]
    fn only_pages_read_in_place_borrow_the_input() {
        let text = "增长5%。\n\n\n\n第二页\n";
        let opts = IngestOptions::default();
        let utf8 = ingest_bytes(text.as_bytes(), &opts).unwrap();
        assert!(matches!(utf8.pages, Pages::Lines(_)));
        assert!(utf8.owned().is_err());
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        let forced = IngestOptions {
            encoding: Some("gb18030".into()),
            ..IngestOptions::default()
        };
        let decoded = ingest_bytes(&gb, &forced).unwrap().owned().unwrap();
        assert_eq!(decoded.pages, Pages::Decoded(text.to_string()));
        // Cut into the same pages as the UTF-8 text when normalised.
        let canonical = crate::normalise::normalise_pages(decoded.pages);
        let direct = crate::normalise::normalise_pages(utf8_pages(text));
        assert_eq!(canonical.text, direct.text);
        assert_eq!(canonical.page_starts, direct.page_starts);
        assert_eq!(canonical.page_count, 2);
    }

    fn utf8_pages(text: &str) -> Pages<'_> {
        ingest_bytes(text.as_bytes(), &IngestOptions::default())
            .unwrap()
            .pages
    }
}
