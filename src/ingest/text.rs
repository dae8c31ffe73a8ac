//! Text input: detect the encoding, decode, and cut the text into pages.

use super::{Pages, RawDocument, SourceKind};
use crate::error::IngestError;
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};
use std::borrow::Cow;

/// Consecutive blank lines that mark a page break in text extracted from a printed page
/// (one blank line is a paragraph break; extractors leave several where a page ended).
const PAGE_BREAK_BLANK_LINES: usize = 3;

/// Decode text bytes and split them into pages (form feed, or a run of blank lines).
/// UTF-8 input is read in place: its pages are lines of the input.
pub fn decode_pages<'a>(
    bytes: &'a [u8],
    forced: Option<&str>,
) -> Result<RawDocument<'a>, IngestError> {
    let (text, encoding) = decode_with(bytes, forced, Nul::WithLines)?;
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    Ok(RawDocument {
        kind: SourceKind::Text,
        encoding: Some(encoding),
        pages: match text {
            Cow::Borrowed(text) => Pages::Lines(page_lines_refusing_nul(text)?),
            Cow::Owned(text) => Pages::Decoded(text),
        },
        warnings: Vec::new(),
    })
}

/// When a UTF-8 input read in place is searched for NUL bytes.
#[derive(Clone, Copy, PartialEq)]
enum Nul {
    /// Before anything else is read of it.
    First,
    /// With its line feeds (`page_lines_refusing_nul`): one pass over the text, not two. The
    /// first 64 KiB are still searched first, so that the errors come as before.
    WithLines,
}

/// Decode to text (UTF-8 input is borrowed, not copied), returning the name of the encoding used.
///
/// Order: a byte-order mark wins; then a forced encoding; then strict UTF-8; then strict
/// GB18030 (a superset of GBK and GB2312, the usual encodings of Chinese official text files).
/// Anything that decodes under neither, or that is full of control bytes, is refused as binary.
pub fn decode<'a>(
    bytes: &'a [u8],
    forced: Option<&str>,
) -> Result<(Cow<'a, str>, String), IngestError> {
    decode_with(bytes, forced, Nul::First)
}

/// [`decode`], with the search for NUL bytes of a UTF-8 input left to `nul`.
fn decode_with<'a>(
    bytes: &'a [u8],
    forced: Option<&str>,
    nul: Nul,
) -> Result<(Cow<'a, str>, String), IngestError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return strict(enc, &bytes[bom_len..]);
    }
    if let Some(label) = forced {
        let enc = Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| IngestError::UnknownEncoding(label.to_string()))?;
        return strict(enc, bytes);
    }
    match nul {
        Nul::First => reject_binary(bytes)?,
        Nul::WithLines => reject_binary_sampled(bytes)?,
    }
    // simdutf8 validates in vector steps; the answer is std's.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok((Cow::Borrowed(s), "UTF-8".into()));
    }
    if nul == Nul::WithLines {
        reject_nul(bytes)?;
    }
    if let Ok(decoded) = strict(GB18030, bytes) {
        return Ok(decoded);
    }
    Err(IngestError::Binary(
        "not UTF-8, UTF-16 or GB18030 text; use --encoding to name the encoding".into(),
    ))
}

fn strict<'a>(
    enc: &'static Encoding,
    bytes: &'a [u8],
) -> Result<(Cow<'a, str>, String), IngestError> {
    let name = enc.name().to_string();
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => {
            if enc != UTF_16LE && enc != UTF_16BE {
                reject_binary(bytes)?;
            } else {
                reject_binary_text(&s)?;
            }
            Ok((s, name))
        }
        None => Err(IngestError::Encoding { encoding: name }),
    }
}

/// Text files have no NUL bytes and few C0 controls other than tab, line feed, carriage return
/// and form feed.
fn reject_binary(bytes: &[u8]) -> Result<(), IngestError> {
    reject_nul(bytes)?;
    reject_controls(bytes)
}

/// [`reject_binary`] of the first `BINARY_SAMPLE` bytes, and of the rest only when the sample has
/// too many control bytes (whether the error names NUL bytes or control bytes is as
/// `reject_binary` would say): the rest is searched for NUL bytes with the line feeds.
fn reject_binary_sampled(bytes: &[u8]) -> Result<(), IngestError> {
    reject_nul(&bytes[..bytes.len().min(BINARY_SAMPLE)])?;
    // Too many control bytes: a NUL byte anywhere is named first, as `reject_binary` names it.
    reject_controls(bytes).or_else(|controls| reject_nul(bytes).and(Err(controls)))
}

fn reject_nul(bytes: &[u8]) -> Result<(), IngestError> {
    match memchr::memchr(0, bytes) {
        Some(_) => Err(nul_bytes()),
        None => Ok(()),
    }
}

fn nul_bytes() -> IngestError {
    IngestError::Binary("contains NUL bytes".into())
}

/// Bytes at the start of an input whose control bytes are counted.
const BINARY_SAMPLE: usize = 64 * 1024;

fn reject_controls(bytes: &[u8]) -> Result<(), IngestError> {
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    // Counted without a branch per byte, in byte-wide counters (at most 255 to a chunk), so
    // that the loop vectorises 32 bytes at a time: chunks of a fixed size (a multiple of 16 and
    // 32, below 256) have no remainder to count a byte at a time but the last.
    let control = |b: u8| u8::from(b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c));
    let (chunks, rest) = sample.as_chunks::<240>();
    let controls: usize = chunks
        .iter()
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + control(b))))
        .sum::<usize>()
        + rest.iter().map(|&b| usize::from(control(b))).sum::<usize>();
    if controls * 100 > sample.len().max(1) {
        return Err(IngestError::Binary("too many control bytes".into()));
    }
    Ok(())
}

fn reject_binary_text(s: &str) -> Result<(), IngestError> {
    let controls = s
        .chars()
        .take(64 * 1024)
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    if controls * 100 > s.chars().take(64 * 1024).count().max(1) {
        return Err(IngestError::Binary("too many control characters".into()));
    }
    Ok(())
}

/// Split decoded text into pages: at form feeds and at runs of `PAGE_BREAK_BLANK_LINES` or more
/// blank lines. Line ends are normalised to `\n`. (The pipeline reads the lines of
/// [`page_lines`] instead; this is the pages as texts, for tests.)
#[cfg(test)]
pub fn split_pages(text: &str) -> Vec<String> {
    page_lines(text)
        .iter()
        .map(|lines| join_lines(lines))
        .collect()
}

/// A page's text from its lines, each ending with a line feed.
#[cfg(test)]
fn join_lines(lines: &[&str]) -> String {
    let mut page = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        page.push_str(line);
        page.push('\n');
    }
    page
}

/// The lines of each page of decoded text (see [`split_pages`]), as slices of it: a line's `\r`
/// is left out, and a run of one or two blank lines is one empty line.
pub fn page_lines(text: &str) -> Vec<Vec<&str>> {
    // Line feeds and form feeds are found in one pass over the text (the memchr crate's vector
    // search for either byte), not a pass for each.
    pages_at(text, memchr::memchr2_iter(b'\n', 0x0C, text.as_bytes()))
}

/// [`page_lines`] of a UTF-8 input read in place, refused if it holds a NUL byte: the same
/// pass looks for those (the first `BINARY_SAMPLE` bytes were searched before).
fn page_lines_refusing_nul(text: &str) -> Result<Vec<Vec<&str>>, IngestError> {
    let b = text.as_bytes();
    let mut nul = false;
    let breaks = memchr::memchr3_iter(b'\n', 0x0C, 0, b).filter(|&at| {
        nul |= b[at] == 0;
        b[at] != 0
    });
    let pages = pages_at(text, breaks);
    if nul { Err(nul_bytes()) } else { Ok(pages) }
}

/// The pages of `text`, given where its line feeds and form feeds stand, in order.
fn pages_at(text: &str, breaks: impl Iterator<Item = usize>) -> Vec<Vec<&str>> {
    let mut pages = PageSplit::default();
    let b = text.as_bytes();
    let mut from = 0;
    for at in breaks.chain([b.len()]) {
        let piece = &text[from..at];
        from = at + 1;
        if b.get(at) == Some(&0x0C) {
            // A form feed always ends the page, even mid-line.
            pages.line(piece);
            pages.end_page();
        } else {
            pages.line(piece.strip_suffix('\r').unwrap_or(piece));
        }
    }
    pages.end_page();
    pages.done
}

/// The pages of [`page_lines`] as they are read.
#[derive(Default)]
struct PageSplit<'a> {
    done: Vec<Vec<&'a str>>,
    /// The current page's lines: a page holds at least one line that is not blank.
    current: Vec<&'a str>,
    blank_run: usize,
}

impl<'a> PageSplit<'a> {
    /// The next line of the current page (a run of blank lines long enough ends the page).
    fn line(&mut self, line: &'a str) {
        if line.trim().is_empty() {
            self.blank_run += 1;
            return;
        }
        if self.blank_run >= PAGE_BREAK_BLANK_LINES && !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        } else if self.blank_run > 0 && !self.current.is_empty() {
            self.current.push("");
        }
        self.blank_run = 0;
        self.current.push(line);
    }

    /// End the current page, if it holds a line.
    fn end_page(&mut self) {
        if !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
        self.blank_run = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `page_lines` as first written: the text split at line feeds, each line's `\r` left out,
    /// and a line cut at each form feed.
    fn page_lines_by_line(text: &str) -> Vec<Vec<&str>> {
        let mut pages = PageSplit::default();
        for raw in text.split('\n') {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let mut parts = line.split('\u{c}').peekable();
            while let Some(part) = parts.next() {
                pages.line(part);
                if parts.peek().is_some() {
                    pages.end_page();
                }
            }
        }
        pages.end_page();
        pages.done
    }

    #[test]
    fn nul_bytes_found_with_the_lines_are_refused_as_before() {
        // `decode_pages` as first written: every byte searched for NUL before anything else.
        let first = |bytes: &[u8]| {
            decode(bytes, None).and_then(|(text, _)| {
                if text.trim().is_empty() {
                    return Err(IngestError::Empty);
                }
                Ok(match text {
                    Cow::Borrowed(t) => page_lines(t).len(),
                    Cow::Owned(t) => page_lines(&t).len(),
                })
            })
        };
        let now = |bytes: &[u8]| {
            decode_pages(bytes, None).map(|raw| match raw.pages {
                Pages::Lines(pages) => pages.len(),
                Pages::Decoded(t) => page_lines(&t).len(),
                Pages::Texts(t) => t.len(),
            })
        };
        let prose = "增长5%，\n\n\n\n全年完成。\n".repeat(BINARY_SAMPLE / 20);
        let controls = "\u{1}".repeat(BINARY_SAMPLE);
        let mut inputs: Vec<Vec<u8>> = Vec::new();
        for head in ["", "\0", controls.as_str(), "   "] {
            for tail in ["", "\0", "\u{1}", "\n\0\n", "\u{c}"] {
                for body in ["", prose.as_str()] {
                    inputs.push(format!("{head}{body}{tail}").into_bytes());
                }
            }
        }
        // Not UTF-8 (a GB18030 byte pair), with a NUL byte past the sample.
        let mut gb = prose.as_bytes().to_vec();
        gb.extend_from_slice(&[0xB0, 0xA1, 0]);
        inputs.push(gb);
        for bytes in &inputs {
            let (a, b) = (first(bytes), now(bytes));
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{} bytes", bytes.len());
        }
    }

    #[test]
    fn line_and_form_feeds_found_in_one_pass_split_as_line_by_line() {
        // Every text of up to six pieces of these, each place of every break included.
        let pieces = ["增", "a", "\n", "\r", "\u{c}", " "];
        let mut texts = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.chars().count() == texts.last().map_or(0, |l| l.chars().count()))
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
        }
        assert!(texts.len() > 50_000);
        for t in &texts {
            assert_eq!(page_lines(t), page_lines_by_line(t), "{t:?}");
        }
    }

    #[test]
    fn detects_gb18030() {
        let (bytes, _, _) = GB18030.encode("地区生产总值增长6.3%");
        let (text, enc) = decode(&bytes, None).unwrap();
        assert_eq!(text, "地区生产总值增长6.3%");
        assert_eq!(enc, "gb18030");
    }

    #[test]
    fn honours_utf16_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "增长5%左右".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let (text, enc) = decode(&bytes, None).unwrap();
        assert_eq!(text, "增长5%左右");
        assert_eq!(enc, "UTF-16LE");
    }

    #[test]
    fn strips_utf8_bom_and_refuses_binary() {
        let (text, _) = decode("\u{feff}目录".as_bytes(), None).unwrap();
        assert_eq!(text, "目录");
        assert!(matches!(
            decode(&[0x7f, 0x45, 0x4c, 0x46, 0, 0, 1], None),
            Err(IngestError::Binary(_))
        ));
    }

    #[test]
    fn more_than_one_control_byte_in_a_hundred_is_binary() {
        // 3,000 bytes, the control bytes spread over many chunks of the count.
        let with = |controls: usize| {
            let mut bytes = b"ab\tc\r\n".repeat(500);
            for k in 0..controls {
                bytes[k * 97 % 3000] = 0x01;
            }
            reject_binary(&bytes)
        };
        assert!(with(30).is_ok());
        assert!(matches!(with(31), Err(IngestError::Binary(_))));
        assert!(with(0).is_ok());
        assert!(reject_binary(b"").is_ok());
        // Chunks of the count full of control bytes: every one is counted.
        assert!(matches!(
            reject_binary(&[0x01; 64 * 1024]),
            Err(IngestError::Binary(_))
        ));
        let mut mostly_text = b"abcdefghij".repeat(6554);
        mostly_text.truncate(64 * 1024);
        mostly_text[..655].fill(0x01);
        assert!(reject_binary(&mostly_text).is_ok());
        mostly_text[655] = 0x01;
        assert!(matches!(
            reject_binary(&mostly_text),
            Err(IngestError::Binary(_))
        ));
    }

    #[test]
    fn forced_encoding_must_fit() {
        assert!(matches!(
            decode("增长".as_bytes(), Some("no-such")),
            Err(IngestError::UnknownEncoding(_))
        ));
        let (bytes, _, _) = GB18030.encode("增长");
        assert!(matches!(
            decode(&bytes, Some("utf-8")),
            Err(IngestError::Encoding { .. })
        ));
    }

    #[test]
    fn pages_split_at_blank_runs_and_form_feeds() {
        let pages = split_pages("甲\n\n乙\n\n\n\n丙\u{c}丁\n");
        assert_eq!(pages, vec!["甲\n\n乙\n", "丙\n", "丁\n"]);
    }
}
