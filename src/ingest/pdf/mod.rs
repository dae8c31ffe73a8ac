//! PDF → pages of text.
//!
//! lopdf (through pdf-extract) opens and decrypts the file; pdf-extract interprets the content
//! streams and decodes glyphs, handing each one to our `collect::Collector` with its position.
//! The layout is ours: `rows` (baselines), `columns`, `paragraphs`, `furniture` (headers):
//! pdf-extract's own text output inserts spaces between justified CJK characters and reads
//! two-column pages across the columns.
//!
//! Before pdf-extract runs, the document is repaired where pdf-extract 0.12 would misread it:
//! fonts with predefined CJK CMaps (GBK-EUC-H, UniGB-UCS2-H, …), on which it panics, become
//! Identity-H fonts (`cmap`); CIDFont width ranges it ignores are written out (`fixup`).
//!
//! pdf-extract panics (and can overflow the stack) on some malformed files. `extract_pages`
//! turns panics into errors, but a stack overflow aborts the process: outside tests, call it
//! through `isolate`.

mod chars;
mod cmap;
mod collect;
mod columns;
mod fixup;
mod furniture;
mod paragraphs;
mod probe;
mod rows;

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::encryption::DecryptionError;
use pdf_extract::{Document, LoadOptions, ObjectId};

use crate::error::IngestError;
use collect::{Collector, RawPage};
use furniture::PageRows;

/// The text of a PDF, page by page, in the text convention of `ingest` (blank line = paragraph break).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct PdfText {
    pub pages: Vec<String>,
    pub warnings: Vec<String>,
}

/// A page counts as unmapped when at least this share of its glyphs decode to nothing.
const UNMAPPED_PAGE_SHARE: f64 = 0.5;
/// Below this many unmapped glyphs a page is not worth a warning (a stray symbol glyph).
const UNMAPPED_MIN_GLYPHS: usize = 5;
/// A page whose text has at most this many visible characters (after furniture removal) while
/// it drew many unmapped glyphs yields "almost no text".
const ALMOST_NO_TEXT: usize = 10;

/// Parse a PDF in this process. Panics inside pdf-extract become `IngestError::Pdf`, but a stack
/// overflow still aborts the process: call it only in the worker process (see `isolate`) or on
/// trusted input.
pub fn extract_pages(bytes: &[u8], password: Option<&str>) -> Result<PdfText, IngestError> {
    catch_unwind(AssertUnwindSafe(|| extract_unguarded(bytes, password)))
        .unwrap_or_else(|payload| Err(IngestError::Pdf(panic_reason(payload.as_ref()))))
}

/// A short reason for a panic inside the PDF library.
pub(crate) fn panic_reason(payload: &(dyn Any + Send)) -> String {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    match msg.strip_prefix("unsupported encoding ") {
        Some(name) => format!("unsupported font encoding {name}"),
        None => format!("PDF parser failed: {msg}"),
    }
}

fn extract_unguarded(bytes: &[u8], password: Option<&str>) -> Result<PdfText, IngestError> {
    let mut doc = load(bytes, password)?;
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if page_ids.is_empty() {
        return Err(IngestError::Pdf(
            "PDF has no pages (damaged page tree?)".into(),
        ));
    }
    cmap::rewrite_predefined_cmaps(&mut doc);
    // Whatever CMap is left unconverted would make pdf-extract panic: say which it is instead.
    probe::check_fonts(&doc, &page_ids)?;
    fixup::expand_cid_widths(&mut doc);
    let mut collector = Collector::default();
    pdf_extract::output_doc(&doc, &mut collector)
        .map_err(|e| IngestError::Pdf(output_error_reason(&e)))?;
    assemble(&doc, &page_ids, collector.into_pages())
}

/// Open the document, decrypting it with the empty user password or else with `password`.
fn load(bytes: &[u8], password: Option<&str>) -> Result<Document, IngestError> {
    let doc = Document::load_mem(bytes).map_err(|e| IngestError::Pdf(load_error_reason(&e)))?;
    // lopdf decrypts with the empty user password while loading and then drops /Encrypt; a
    // document still encrypted now has a real user password (and lopdf kept none of its objects).
    if !doc.is_encrypted() {
        return Ok(doc);
    }
    let Some(pw) = password.filter(|p| !p.is_empty()) else {
        return Err(IngestError::Pdf(
            "encrypted PDF: a password is needed (--password)".into(),
        ));
    };
    let mut doc =
        Document::load_mem_with_options(bytes, LoadOptions::with_password(pw)).map_err(|e| {
            IngestError::Pdf(match e {
                pdf_extract::Error::InvalidPassword
                | pdf_extract::Error::Decryption(DecryptionError::IncorrectPassword) => {
                    "encrypted PDF: wrong password".into()
                }
                e => load_error_reason(&e),
            })
        })?;
    if doc.is_encrypted() {
        doc.decrypt(pw)
            .map_err(|_| IngestError::Pdf("encrypted PDF: wrong password".into()))?;
    }
    Ok(doc)
}

fn load_error_reason(e: &pdf_extract::Error) -> String {
    use pdf_extract::Error as E;
    const BROKEN_XREF: &str =
        "damaged PDF: cross-reference table missing or broken (truncated file?)";
    match e {
        // lopdf does not export its ParseError type; its variant names are stable enough.
        E::Parse(p) if format!("{p:?}") == "InvalidFileHeader" => "not a PDF (bad header)".into(),
        E::Xref(_) | E::Parse(_) => BROKEN_XREF.into(),
        E::Decryption(_) | E::UnsupportedSecurityHandler(_) => {
            format!("encrypted PDF: cannot decrypt ({e})")
        }
        e => format!("damaged PDF: {e}"),
    }
}

fn output_error_reason(e: &pdf_extract::OutputError) -> String {
    match e {
        pdf_extract::OutputError::PdfError(e) => format!("damaged PDF: {e}"),
        e => format!("PDF parser failed: {e}"),
    }
}

/// Lay the collected glyphs out as page texts, note what is wrong with pages that gave no text,
/// and refuse a document that gave no text at all.
fn assemble(
    doc: &Document,
    page_ids: &[ObjectId],
    mut raw: Vec<RawPage>,
) -> Result<PdfText, IngestError> {
    let mut rows: Vec<PageRows> = raw
        .iter_mut()
        .map(|p| PageRows {
            rows: rows::rows_of(std::mem::take(&mut p.glyphs)),
            height: p.height,
        })
        .collect();
    furniture::remove_furniture(&mut rows);
    let blocks: Vec<_> = rows
        .iter()
        .map(|p| columns::page_blocks(&p.rows, p.height))
        .collect();
    let pages = paragraphs::document_text(&blocks);
    let mut warnings = Vec::new();
    let mut problems = Vec::new();
    for (i, (text, page)) in pages.iter().zip(&raw).enumerate() {
        let problem = page_problem(doc, page_ids.get(i).copied(), page, text);
        if let Some(p) = problem {
            warnings.push(format!("page {}: {}", i + 1, p.describe()));
            problems.push(p);
        }
    }
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(no_text_error(&problems));
    }
    Ok(PdfText { pages, warnings })
}

/// What can be wrong with one page's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageProblem {
    /// Glyphs were drawn but their font has no Unicode mapping.
    Unmapped,
    /// Nothing but images.
    ImageOnly,
    /// The content stream is not valid syntax.
    BadContent,
    /// Nothing drawn at all.
    Blank,
}

impl PageProblem {
    fn describe(self) -> &'static str {
        match self {
            PageProblem::Unmapped => "text has no Unicode mapping (font without ToUnicode)",
            PageProblem::ImageOnly => "no text layer (image only? needs OCR)",
            PageProblem::BadContent => "page content cannot be parsed (damaged content stream)",
            PageProblem::Blank => "no text (blank page)",
        }
    }
}

fn page_problem(
    doc: &Document,
    id: Option<ObjectId>,
    page: &RawPage,
    text: &str,
) -> Option<PageProblem> {
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    let unmapped_share = page.unmapped as f64 / page.drawn.max(1) as f64;
    if page.unmapped >= UNMAPPED_MIN_GLYPHS
        && (unmapped_share >= UNMAPPED_PAGE_SHARE || visible <= ALMOST_NO_TEXT)
    {
        return Some(PageProblem::Unmapped);
    }
    if visible > 0 {
        return None;
    }
    let id = id?;
    if probe::has_images(doc, id) {
        Some(PageProblem::ImageOnly)
    } else if probe::content_is_damaged(doc, id) {
        Some(PageProblem::BadContent)
    } else {
        Some(PageProblem::Blank)
    }
}

/// The error for a document without any text, from what its pages showed.
fn no_text_error(problems: &[PageProblem]) -> IngestError {
    if problems.contains(&PageProblem::Unmapped) {
        IngestError::NoText(
            "the fonts have no Unicode mapping (no ToUnicode): text cannot be extracted; run OCR on the pages".into(),
        )
    } else if problems.contains(&PageProblem::BadContent)
        && !problems.contains(&PageProblem::ImageOnly)
    {
        IngestError::Pdf("damaged PDF: page content cannot be parsed".into())
    } else if problems.contains(&PageProblem::ImageOnly) {
        IngestError::NoText("no text layer: scanned PDF? run OCR first".into())
    } else {
        IngestError::NoText("no text layer: the pages are blank".into())
    }
}
