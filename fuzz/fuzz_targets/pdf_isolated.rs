//! Fuzz target: mutated PDFs through the isolated PDF path (a child `gazette __pdf-worker`
//! process with time and memory limits). Whatever the bytes, the parent gets Ok or Err — never a
//! crash. Set GAZETTE_WORKER_EXE to a built `gazette` binary.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"%PDF-".to_vec();
    bytes.extend_from_slice(data.strip_prefix(b"%PDF-").unwrap_or(data));
    let _ = gazette::ingest::isolate::extract_pages_isolated(&bytes, None);
});
