//! `gazette text`: the canonical text, optionally with page markers.

use crate::document::Document;

/// The canonical text with a line `=== page N ===` where each page starts. A page that starts in
/// the middle of a paragraph gets its marker on a line of its own there, so this output is for
/// reading, not for offsets.
pub fn with_page_markers(doc: &Document) -> String {
    let text = doc.text();
    let mut out = String::with_capacity(text.len() + 32 * doc.canonical.page_starts.len());
    let mut last = 0;
    for &(offset, page) in &doc.canonical.page_starts {
        out.push_str(&text[last..offset]);
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&format!("=== page {page} ===\n"));
        last = offset;
    }
    out.push_str(&text[last..]);
    out
}
