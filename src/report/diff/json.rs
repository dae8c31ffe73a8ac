//! `--format json`: the `Diff` as one JSON object.

use crate::diff::Diff;
use std::io::{self, Write};

pub fn write(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, diff)?;
    writeln!(out)
}
