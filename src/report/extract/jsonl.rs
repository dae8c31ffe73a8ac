//! `--format jsonl`: a JSON Lines stream of `{"type": …, "data": …}` records:
//! `document` (once per input, before its indicators), `indicator` (one per mention, with its
//! `source` path) and `error` (an input that could not be read).

use super::{Exporter, Extracted};
use serde::Serialize;
use std::io::{self, Write};

pub struct Jsonl;

/// Bytes of indicator lines gathered before they are written.
const LINES_AT_ONCE: usize = 256 * 1024;

#[derive(Serialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
enum Record<'a> {
    Document {
        source: &'a crate::document::SourceInfo,
        document: &'a crate::document::Metadata,
        indicators: usize,
    },
    Error {
        source: &'a str,
        message: &'a str,
    },
}

/// One record and its line feed, written at once (serde_json's many small writes go to a
/// `Vec`, not through the `dyn Write`).
fn line(out: &mut dyn Write, r: &Record) -> io::Result<()> {
    let mut buf = serde_json::to_vec(r)?;
    buf.push(b'\n');
    out.write_all(&buf)
}

/// The line `Record::Indicator` gives (the indicator's fields flattened into the record), added
/// to `buf`. Written field by field rather than by serde: most of the output is a few long strings
/// (the sentence above all), which `json_str` copies whole when nothing in them needs escaping.
/// The tests below hold this to what serde writes.
fn indicator_line<'a>(
    buf: &mut Vec<u8>,
    seen: &mut Seen<'a>,
    source: &'a str,
    l: &super::Labelled<'a>,
) -> io::Result<()> {
    let words = &mut seen.words;
    let i = l.indicator;
    buf.extend_from_slice(br#"{"type":"indicator","data":{"source":"#);
    json_seen(buf, &mut seen.source, source)?;
    buf.extend_from_slice(br#","indicator":"#);
    json_str(buf, &i.indicator)?;
    buf.extend_from_slice(br#","key":"#);
    json_option_lexicon(buf, i.key);
    buf.extend_from_slice(br#","label_en":"#);
    json_option_lexicon(buf, i.label_en);
    buf.extend_from_slice(br#","value":"#);
    json_f64(buf, i.value)?;
    buf.extend_from_slice(br#","high":"#);
    json_option_f64(buf, i.high)?;
    buf.extend_from_slice(br#","unit":"#);
    json_str(buf, &i.unit)?;
    buf.extend_from_slice(br#","unit_class":"#);
    words.unit_class.write(buf, i.unit_class)?;
    buf.extend_from_slice(br#","base_value":"#);
    json_f64(buf, i.base_value)?;
    buf.extend_from_slice(br#","base_high":"#);
    json_option_f64(buf, i.base_high)?;
    buf.extend_from_slice(br#","base_unit":"#);
    json_lexicon(buf, i.base_unit);
    buf.extend_from_slice(br#","comparator":"#);
    words.comparator.write(buf, i.comparator)?;
    buf.extend_from_slice(br#","stretch":"#);
    buf.extend_from_slice(if i.stretch { b"true" } else { b"false" });
    buf.extend_from_slice(br#","direction":"#);
    words.direction.write(buf, i.direction)?;
    buf.extend_from_slice(br#","kind":"#);
    words.kind.write(buf, i.kind)?;
    buf.extend_from_slice(br#","year":"#);
    match i.year {
        Some(year) => json_integer(buf, year),
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(br#","period":"#);
    json_option_str(buf, i.period.as_deref())?;
    buf.extend_from_slice(br#","section":"#);
    json_seen(buf, &mut seen.section, &i.section)?;
    buf.extend_from_slice(br#","sentence":"#);
    json_seen(buf, &mut seen.sentence, &i.sentence)?;
    buf.extend_from_slice(br#","text":"#);
    json_str(buf, &i.text)?;
    buf.extend_from_slice(br#","span":["#);
    json_integer(buf, i.span[0]);
    buf.push(b',');
    json_integer(buf, i.span[1]);
    buf.extend_from_slice(br#"],"page":"#);
    json_integer(buf, i.page);
    if let Some(label) = l.label {
        buf.extend_from_slice(br#","label":"#);
        json_str(buf, label)?;
    }
    buf.extend_from_slice(b"}}\n");
    Ok(())
}

/// A short value as serde writes it.
fn json_value(buf: &mut Vec<u8>, v: &impl Serialize) -> io::Result<()> {
    Ok(serde_json::to_writer(buf, v)?)
}

/// A number as serde writes it. A whole number below 10^16 (counts, and amounts in yuan, most of
/// the base values) serde_json writes as its digits and `.0`: written so here with itoa, its
/// float formatting being for the rest (a tenth of the time of writing the records went to it).
fn json_f64(buf: &mut Vec<u8>, v: f64) -> io::Result<()> {
    if v.fract() == 0.0 && v.abs() < 1e16 && !(v == 0.0 && v.is_sign_negative()) {
        // Exact: a whole number of this size is an integer of 54 bits at most.
        json_integer(buf, v as i64);
        buf.extend_from_slice(b".0");
        return Ok(());
    }
    // A value with up to four decimals (`5.3`, `0.25`): the digits of the integer it is divided
    // from, with the point put in. With 15 digits and fewer, no other decimal that short reads
    // as the same number, so these are the shortest digits that do, serde_json's.
    let mut scale = 1.0;
    for decimals in 1..=4 {
        scale *= 10.0;
        let m = (v * scale).round();
        if v != 0.0 && m.abs() < 1e15 && m / scale == v {
            if v < 0.0 {
                buf.push(b'-');
            }
            let mut digits = itoa::Buffer::new();
            let digits = digits.format(m.abs() as u64).as_bytes();
            match digits.len().checked_sub(decimals) {
                Some(whole) if whole > 0 => {
                    buf.extend_from_slice(&digits[..whole]);
                    buf.push(b'.');
                    buf.extend_from_slice(&digits[whole..]);
                }
                _ => {
                    buf.extend_from_slice(b"0.");
                    buf.resize(buf.len() + decimals - digits.len(), b'0');
                    buf.extend_from_slice(digits);
                }
            }
            return Ok(());
        }
    }
    json_value(buf, &v)
}

/// [`json_f64`], or `null`.
fn json_option_f64(buf: &mut Vec<u8>, v: Option<f64>) -> io::Result<()> {
    match v {
        Some(v) => json_f64(buf, v),
        None => {
            buf.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// An integer as serde writes it (serde_json writes integers with itoa).
fn json_integer(buf: &mut Vec<u8>, n: impl itoa::Integer) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// An optional string as serde writes it.
fn json_option_str(buf: &mut Vec<u8>, s: Option<&str>) -> io::Result<()> {
    match s {
        Some(s) => json_str(buf, s),
        None => {
            buf.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// A word of the lexicon (a catalogue key or English label, a base unit): none needs escaping,
/// which the tests hold for every one, so it is copied without being looked at.
fn json_lexicon(buf: &mut Vec<u8>, s: &'static str) {
    debug_assert!(plain(s), "{s}");
    quoted(buf, s);
}

/// [`json_lexicon`], or `null`.
fn json_option_lexicon(buf: &mut Vec<u8>, s: Option<&'static str>) {
    match s {
        Some(s) => json_lexicon(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

/// The JSON of the few values a field takes (the variants of an enum), written by serde the
/// first time each is met and copied after.
struct Known<T> {
    seen: Vec<(T, Vec<u8>)>,
}

impl<T> Default for Known<T> {
    fn default() -> Known<T> {
        Known { seen: Vec::new() }
    }
}

impl<T: Serialize + Copy + PartialEq> Known<T> {
    fn write(&mut self, buf: &mut Vec<u8>, v: T) -> io::Result<()> {
        if let Some((_, json)) = self.seen.iter().find(|(k, _)| *k == v) {
            buf.extend_from_slice(json);
            return Ok(());
        }
        let json = serde_json::to_vec(&v)?;
        buf.extend_from_slice(&json);
        self.seen.push((v, json));
        Ok(())
    }
}

/// The enum fields of an indicator record.
#[derive(Default)]
struct Words {
    unit_class: Known<crate::lexicon::units::UnitClass>,
    comparator: Known<crate::lexicon::words::Comparator>,
    direction: Known<Option<crate::extract::Direction>>,
    kind: Known<crate::extract::Kind>,
}

/// Whether the last string written at one field of the records needed no escaping, known by
/// where it lies: the mentions of a sentence follow each other and share its text and section
/// (one allocation each), and a document's share its path. The strings are borrowed for as long
/// as this is kept, so two at one address (and of one length) are one.
#[derive(Default)]
struct Seen<'a> {
    source: LastString<'a>,
    section: LastString<'a>,
    sentence: LastString<'a>,
    words: Words,
}

#[derive(Default)]
struct LastString<'a> {
    last: Option<&'a str>,
    plain: bool,
}

/// [`json_str`], looking at `s` only if it is not the string `seen` saw last.
fn json_seen<'a>(buf: &mut Vec<u8>, seen: &mut LastString<'a>, s: &'a str) -> io::Result<()> {
    if !seen.last.is_some_and(|last| std::ptr::eq(last, s)) {
        *seen = LastString {
            last: Some(s),
            plain: plain(s),
        };
    }
    json_known(buf, s, seen.plain)
}

/// No byte of `s` needs escaping in JSON (a quote, a backslash or a control character): tested
/// 16 bytes at a time, and the rest eight at a time within a word (most strings written are
/// short: a name, a unit, a figure).
fn plain(s: &str) -> bool {
    let escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let (chunks, rest) = s.as_bytes().as_chunks::<16>();
    let (words, rest) = rest.as_chunks::<8>();
    chunks
        .iter()
        .all(|c| !c.iter().fold(false, |any, &b| any | escaped(b)))
        && !words.iter().any(|w| escapes_in(u64::from_le_bytes(*w)))
        && !rest.iter().any(|&b| escaped(b))
}

/// Whether one of the eight bytes of `w` is below 0x20, a quote or a backslash. A byte below
/// `n` (at most 0x80) sets the high bit of its byte in `(w - n per byte) & !w`; a subtraction
/// borrows only past such a byte, so none is ever reported where there is none.
fn escapes_in(w: u64) -> bool {
    const ONES: u64 = u64::MAX / 255;
    const HIGHS: u64 = ONES * 0x80;
    let below = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v & HIGHS != 0;
    below(w, 0x20)
        || below(w ^ (ONES * u64::from(b'"')), 1)
        || below(w ^ (ONES * u64::from(b'\\')), 1)
}

/// A string as serde writes it: copied whole between quotes when no byte needs escaping.
fn json_str(buf: &mut Vec<u8>, s: &str) -> io::Result<()> {
    json_known(buf, s, plain(s))
}

/// [`json_str`], told whether `s` is [`plain`].
fn json_known(buf: &mut Vec<u8>, s: &str, plain: bool) -> io::Result<()> {
    if !plain {
        return json_value(buf, &s);
    }
    quoted(buf, s);
    Ok(())
}

/// `s` between quotes, as it is.
fn quoted(buf: &mut Vec<u8>, s: &str) {
    buf.reserve(s.len() + 2);
    buf.push(b'"');
    buf.extend_from_slice(s.as_bytes());
    buf.push(b'"');
}

impl Exporter for Jsonl {
    fn document(&self, out: &mut dyn Write, item: &Extracted) -> io::Result<()> {
        line(
            out,
            &Record::Document {
                source: &item.doc.source,
                document: &item.doc.meta,
                indicators: item.indicators.len(),
            },
        )?;
        // Lines are written many at a time: one copy of each, and few calls.
        let mut buf = Vec::with_capacity(LINES_AT_ONCE + LINES_AT_ONCE / 4);
        let mut seen = Seen::default();
        for i in &item.indicators {
            let l = super::Labelled::of(i);
            indicator_line(&mut buf, &mut seen, &item.doc.source.path, &l)?;
            if buf.len() >= LINES_AT_ONCE {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
        out.write_all(&buf)
    }

    fn error(&self, out: &mut dyn Write, source: &str, message: &str) -> io::Result<()> {
        line(out, &Record::Error { source, message })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::IngestOptions;

    #[test]
    fn numbers_are_written_as_serde_writes_them() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            5.3,
            7.6,
            5.3e12,
            1e15,
            9_007_199_254_740_992.0,
            1e16,
            -1e16,
            9_999_999_999_999_998.0,
            1.5e16,
            1e20,
            1e-7,
            123_456_789.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            4e15 + 1.0,
            -42.0,
            0.1 + 0.2,
        ];
        // Bit patterns spread over the whole range, and whole numbers of every size.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x);
            if v.is_finite() {
                values.push(v);
                values.push(v.trunc());
            }
            values.push((x % 100_000_000_000_000_000) as f64);
            values.push(-((x % 1_000_000) as f64));
            // Decimals of every length and size, and their neighbours.
            let decimal =
                (x % 10_000_000_000_000_000) as f64 / [1e1, 1e2, 1e3, 1e4, 1e5][(x % 5) as usize];
            values.extend([decimal, -decimal, decimal.next_up(), decimal.next_down()]);
            values.push((x % 100_000) as f64 / 1e4);
        }
        for v in values {
            let mut ours = Vec::new();
            json_f64(&mut ours, v).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&v).unwrap()
            );
            let mut ours = Vec::new();
            json_option_f64(&mut ours, Some(v).filter(|v| *v > 0.0)).unwrap();
            let theirs = serde_json::to_string(&Some(v).filter(|v| *v > 0.0)).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), theirs);
        }
    }

    /// The indicator record as serde writes it, with the indicator's fields flattened into it.
    #[derive(Serialize)]
    #[serde(tag = "type", content = "data", rename_all = "snake_case")]
    enum Flattened<'a> {
        Indicator {
            source: &'a str,
            #[serde(flatten)]
            indicator: super::super::Labelled<'a>,
        },
    }

    #[test]
    fn json_strings_are_serde_s() {
        let long = "增长".repeat(20);
        let mut samples = vec![
            String::new(),
            "a".into(),
            long.clone(),
            "say \"增长\" \\ done".into(),
            "tab\there\u{1}\u{1f}\u{7f}/".into(),
        ];
        for at in 0..40 {
            for mark in ["\"", "\\", "\n", "\u{0}"] {
                let mut s: String = "x".repeat(at);
                s.push_str(mark);
                s.push_str(&long);
                samples.push(s);
            }
        }
        for s in &samples {
            let mut buf = Vec::new();
            json_str(&mut buf, s).expect("write");
            assert_eq!(
                String::from_utf8_lossy(&buf),
                serde_json::to_string(s).expect("serde")
            );
        }
    }

    #[test]
    fn a_word_escapes_where_one_of_its_bytes_does() {
        let escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
        for fill in [b'a', 0xE5, 0x80, 0x20, 0x7F, 0xFF] {
            assert!(!escapes_in(u64::from_le_bytes([fill; 8])), "{fill:#x}");
            for b in 0..=255u8 {
                for at in 0..8 {
                    let mut w = [fill; 8];
                    w[at] = b;
                    assert_eq!(
                        escapes_in(u64::from_le_bytes(w)),
                        escaped(b),
                        "{b:#x} at {at}"
                    );
                }
            }
        }
    }

    /// What `json_lexicon` copies unlooked-at needs no escaping: every catalogue key and English
    /// label, and every base unit a quantity can have.
    #[test]
    fn lexicon_words_need_no_escaping() {
        let catalogue = crate::lexicon::catalogue::CATALOGUE
            .iter()
            .flat_map(|e| [e.key, e.label_en]);
        let units = crate::lexicon::units::UNITS.iter().map(|u| u.base);
        let mut seen = 0;
        for w in catalogue
            .chain(units)
            .chain(crate::extract::scan::LITERAL_BASE_UNITS)
        {
            assert!(plain(w), "{w}");
            seen += 1;
        }
        assert!(seen > 100, "{seen}");
    }

    #[test]
    fn indicator_lines_are_serde_s() {
        // Sentences with and without a byte to escape (an ASCII quote), each with several
        // mentions: what `Seen` remembers of one must not be used for the next.
        let text = "2025年工作回顾\n地区生产总值增长6.3%，城乡居民人均可支配收入分别增长6.5%和8%左右，进出口增长4.5%—5%。\n\"东数西算\"算力增长20%，投资30亿元。\n\n2026年工作安排\n“十五五”时期，粮食产量稳定在110万吨以上，力争达到“翻一番”。";
        let doc = crate::analyse(
            "a \"quoted\" path",
            text.as_bytes(),
            &IngestOptions::default(),
        )
        .expect("analyse");
        let found = crate::extract::extract(&doc);
        assert!(found.len() >= 4, "{found:?}");
        // A range, so that `high` and `base_high` are written with a value too.
        assert!(found.iter().any(|i| i.high.is_some()), "{found:?}");
        let mut buf = Vec::new();
        let mut seen = Seen::default();
        for i in &found {
            for label in [None, Some("GDP \"growth\"")] {
                let l = super::super::Labelled {
                    indicator: i,
                    label,
                };
                buf.clear();
                indicator_line(&mut buf, &mut seen, &doc.source.path, &l).expect("line");
                let mut want = serde_json::to_vec(&Flattened::Indicator {
                    source: &doc.source.path,
                    indicator: super::super::Labelled {
                        indicator: i,
                        label,
                    },
                })
                .expect("serde");
                want.push(b'\n');
                assert_eq!(
                    String::from_utf8_lossy(&buf),
                    String::from_utf8_lossy(&want)
                );
            }
        }
    }
}
