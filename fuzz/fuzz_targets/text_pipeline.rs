//! Fuzz target: arbitrary bytes through the text pipeline (decode → normalise → segment →
//! extract), checking the invariants of the span, page and text of every mention.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if gazette::ingest::is_pdf(data) {
        return;
    }
    let opts = gazette::ingest::IngestOptions { in_process: true, ..Default::default() };
    let Ok(doc) = gazette::analyse("fuzz", data, &opts) else { return };
    let text = doc.text();
    for i in gazette::extract::extract(&doc) {
        assert_eq!(&text[i.byte_span.0..i.byte_span.1], i.text);
        assert!(i.page >= 1 && i.page <= doc.canonical.page_count.max(1));
    }
    let _ = gazette::diff::single(&doc, &gazette::extract::extract(&doc), &Default::default());
});
