//! Runs PDF parsing in a child process (the hidden `__pdf-worker` subcommand of the same binary)
//! so that a panic, stack overflow, hang or memory blow-up inside the PDF library is an error
//! for that one file. STUB: being written.

use super::pdf::{PdfText, extract_pages};
use crate::error::IngestError;

pub fn extract_pages_isolated(
    bytes: &[u8],
    password: Option<&str>,
) -> Result<PdfText, IngestError> {
    extract_pages(bytes, password)
}

/// Entry point of the hidden worker subcommand: PDF bytes on stdin, a JSON result on stdout.
pub fn run_worker(password: Option<String>) -> i32 {
    let _ = password;
    2
}
