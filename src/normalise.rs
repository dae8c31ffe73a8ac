//! Normalisation: pages of raw text → one canonical text with a map back to the pages.
//!
//! The canonical text has one paragraph per line (`\n` between paragraphs). Every later stage
//! works on it, and every byte of it can be traced to the page it came from.
//!
//! What is rewritten, and nothing else:
//! - full-width digits, Latin letters and number punctuation (`４．８％` → `4.8%`), Kangxi radicals
//!   and compatibility ideographs (NFKC), every dash variant → `—`, odd spaces → space;
//! - spaces that layout put between Chinese characters and numbers, between a number and its `%`,
//!   or inside letter-spaced lines;
//! - page furniture: running headers/footers repeated on many pages, page numbers;
//! - lines wrapped by a layout are joined; a paragraph cut by a page break is joined, and a
//!   character repeated on both sides of that page break is written once.

use crate::chars::{
    ProseMarks, char_at, char_width, is_cjk, is_cjk_punct, is_ideograph, is_sentence_end,
    skip_prose, split_ascii, split_lines, three_byte_char,
};
use crate::patterns;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;

/// The canonical text and where its pages start.
#[derive(Debug, Clone, Default)]
pub struct Canonical {
    pub text: String,
    /// `(byte offset, page number)`, sorted by offset: the page of a byte is the last entry at or
    /// before it.
    pub page_starts: Vec<(usize, u32)>,
    pub page_count: u32,
}

impl Canonical {
    /// Page number (from 1) of a byte offset in `text`.
    pub fn page_at(&self, offset: usize) -> u32 {
        let i = self
            .page_starts
            .partition_point(|&(start, _)| start <= offset);
        if i == 0 {
            self.page_starts.first().map_or(1, |&(_, p)| p)
        } else {
            self.page_starts[i - 1].1
        }
    }
}

/// Furniture lines are looked for among this many non-blank lines at the top and at the bottom of a page.
const FURNITURE_LINES: usize = 2;
/// A line is a running header/footer when it appears on at least this share of pages (and on 3 or more).
const FURNITURE_PAGE_SHARE: f64 = 0.3;
/// Letter-spaced line: at least this share of the gaps between two ideographs hold a space.
const LETTER_SPACED_SHARE: f64 = 0.8;
/// …and at least this many of them (short lists of names are spaced by hand, not by layout).
const LETTER_SPACED_MIN: usize = 6;

// Page numbers (`— 3 —`, `第3页`, `page 3 of 9`) and enumerators (`一、`, `（二）`, `3.`, `第一章`)
// are read by the hand-written matchers of `patterns`, whose comments give their patterns.

/// Fold one character into `out` (see the module comment for what is folded).
pub fn fold_char(c: char, out: &mut String) {
    match c {
        // Keep the full-width marks that are Chinese punctuation: ！（），：；？
        '\u{FF01}' | '\u{FF08}' | '\u{FF09}' | '\u{FF0C}' | '\u{FF1A}' | '\u{FF1B}'
        | '\u{FF1F}' => out.push(c),
        '\u{FF0D}' => out.push('—'),
        '\u{FF01}'..='\u{FF5E}' => {
            out.push(char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c));
        }
        '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{2500}'
        | '\u{2501}'
        | '\u{FE58}'
        | '\u{FE63}' => out.push('—'),
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\t' => {
            out.push(' ')
        }
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
        '\n' => out.push('\n'),
        c if c.is_control() => {}
        // Kangxi radicals and compatibility ideographs: NFKC gives the unified ideograph.
        '\u{2E80}'..='\u{2EFF}' | '\u{2F00}'..='\u{2FDF}' => {
            out.push(crate::lexicon::radicals::fold_radical(c).unwrap_or(c))
        }
        '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}' => {
            out.extend(std::iter::once(c).nfkc())
        }
        c => out.push(c),
    }
}

/// Fold a whole string.
pub fn fold(s: &str) -> String {
    fold_cow(s, 0).into_owned()
}

/// Fold a string, borrowing it when nothing in it folds (nearly every line of a report); every
/// character before byte `from` folds to itself.
fn fold_cow(s: &str, from: usize) -> Cow<'_, str> {
    let Some((first, c)) = next_to_fold(s, from) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    // Runs of characters that fold to themselves are copied whole.
    out.push_str(&s[..first]);
    let mut at = Some((first, c));
    while let Some((i, c)) = at {
        fold_char(c, &mut out);
        let plain_from = i + c.len_utf8();
        at = next_to_fold(s, plain_from);
        out.push_str(&s[plain_from..at.map_or(s.len(), |(j, _)| j)]);
    }
    Cow::Owned(out)
}

/// Where the first character from byte `from` on that is not `folds_to_itself` starts.
fn next_to_fold(s: &str, from: usize) -> Option<(usize, char)> {
    let b = s.as_bytes();
    let mut i = from;
    loop {
        // Runs of unified ideographs and the commonest marks: most of the text.
        i = skip_prose(b, i, &mut ProseMarks::default());
        let Some(&lead) = b.get(i) else {
            break;
        };
        // Printable ASCII (digits, Latin letters, number punctuation) and CJK punctuation from
        // U+3001 to U+303F (`、。《》“”` are U+201C/D, elsewhere): folded to themselves.
        if (b' '..=b'~').contains(&lead)
            || (lead == 0xE3 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) != Some(&0x80))
        {
            i += if lead < 0x80 { 1 } else { 3 };
            continue;
        }
        let (c, len) = char_at(s, i)?;
        if !folds_to_itself(c) {
            return Some((i, c));
        }
        i += len;
    }
    None
}

/// Characters that `fold_char` writes unchanged, among the common ones: printable ASCII, line
/// feeds, CJK punctuation (the full-width marks that are kept, quotes, dashes, ellipses) and the
/// unified ideographs. (Others go through `fold_char`, which may write them unchanged too.)
fn folds_to_itself(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\n'
        | '\u{3001}'..='\u{303F}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}' | '\u{FF08}' | '\u{FF09}' | '\u{FF0C}' | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}'
        | '\u{2014}' | '\u{2018}'..='\u{201F}' | '\u{2026}' | '\u{00B7}')
}

/// Remove the spaces that layout put into a line (see module comment); collapse the others to one.
pub fn clean_line(line: &str) -> String {
    clean_str(line).into_owned()
}

/// [`clean_line`] of a line that may be borrowed: it stays borrowed when only trimmed.
fn clean_cow(line: Cow<'_, str>) -> Cow<'_, str> {
    match line {
        Cow::Borrowed(l) => clean_str(l),
        Cow::Owned(l) => Cow::Owned(clean_str(&l).into_owned()),
    }
}

/// [`clean_line`], borrowing the line when it holds no space once trimmed (nearly every line).
fn clean_str(line: &str) -> Cow<'_, str> {
    let line = line.trim_matches(|c: char| c.is_whitespace());
    // Most lines hold no space at all: nothing to decide.
    if !line.contains(' ') {
        return Cow::Borrowed(line);
    }
    let letter_spaced = is_letter_spaced(line);
    let mut out = String::with_capacity(line.len());
    // The text between runs of spaces is copied whole; each run (the line is trimmed, so it has
    // a character on both sides) is kept as one space or dropped.
    for piece in split_ascii(line, b' ').filter(|p| !p.is_empty()) {
        if let (Some(a), Some(b)) = (out.chars().next_back(), piece.chars().next())
            && !drops_spaces(a, b, letter_spaced)
        {
            out.push(' ');
        }
        out.push_str(piece);
    }
    Cow::Owned(out)
}

/// Whether the spaces between `a` and `b` are layout, dropped, rather than one space kept.
fn drops_spaces(a: char, b: char, letter_spaced: bool) -> bool {
    let numeric = |x: char| x.is_ascii_digit() || matches!(x, '%' | '.' | '‰');
    is_cjk_punct(a)
        || is_cjk_punct(b)
        || (is_ideograph(a) && numeric(b))
        || (numeric(a) && is_ideograph(b))
        // `4.8 %`: a percent or per-mille sign belongs to its number.
        || (a.is_ascii_digit() && matches!(b, '%' | '‰'))
        || (letter_spaced && is_ideograph(a) && is_ideograph(b))
}

/// Whether `line` (trimmed) is letter-spaced: most pairs of ideographs with only spaces
/// between them have a space, and at least `LETTER_SPACED_MIN` do. A pair with a space needs a
/// run of spaces: a line with fewer runs is not read character by character.
fn is_letter_spaced(line: &str) -> bool {
    let b = line.as_bytes();
    let runs = memchr::memchr_iter(b' ', b)
        .filter(|&i| i == 0 || b[i - 1] != b' ')
        .take(LETTER_SPACED_MIN)
        .count();
    if runs < LETTER_SPACED_MIN {
        return false;
    }
    // Pairs of ideographs with only spaces between them, and how many of those have a space.
    let (mut pairs, mut spaced) = (0usize, 0usize);
    let mut last_ideograph_then_spaces: Option<bool> = None;
    for c in line.chars() {
        if c == ' ' {
            if let Some(seen_space) = last_ideograph_then_spaces.as_mut() {
                *seen_space = true;
            }
            continue;
        }
        let ideograph = is_ideograph(c);
        if ideograph && let Some(seen_space) = last_ideograph_then_spaces {
            pairs += 1;
            if seen_space {
                spaced += 1;
            }
        }
        last_ideograph_then_spaces = ideograph.then_some(false);
    }
    spaced >= LETTER_SPACED_MIN && spaced as f64 >= pairs as f64 * LETTER_SPACED_SHARE
}

/// One page as lines; `None` is a blank line.
type PageLines<'a> = Vec<Option<Line<'a>>>;

/// Normalise pages into the canonical text.
pub fn normalise(pages: &[String]) -> Canonical {
    normalise_lines(pages.iter().map(|p| split_lines(p).collect()).collect())
}

/// Normalise the pages of an input, as texts or as lines.
pub fn normalise_pages(pages: crate::ingest::Pages) -> Canonical {
    match pages {
        crate::ingest::Pages::Texts(texts) => normalise(&texts),
        crate::ingest::Pages::Decoded(text) => {
            normalise_lines(crate::ingest::text::page_lines(&text))
        }
        crate::ingest::Pages::Lines(lines) => normalise_lines(lines),
    }
}

/// [`normalise`], given the lines of each page. Lines borrow from the pages (only a line that
/// folding or cleaning changed is a copy), and paragraphs are written into the canonical text as
/// soon as they are known: a large input is held twice, as pages and as canonical text, and no
/// more.
pub fn normalise_lines(pages: Vec<Vec<&str>>) -> Canonical {
    let capacity = pages.iter().flatten().map(|l| l.len() + 1).sum();
    // Folding is character by character and keeps line feeds, so lines are folded one by one.
    let mut lines: Vec<PageLines> = pages
        .into_iter()
        .map(|p| p.into_iter().map(Line::of).collect())
        .collect();
    remove_furniture(&mut lines);
    let wrap_width = wrapped_line_width(&lines);
    let lines_are_paragraphs = !lines.iter().any(has_blank_gap);
    let mut writer = Writer {
        text: String::with_capacity(capacity),
        page_starts: Vec::new(),
        tail_start: 0,
        tail: Marks::default(),
        tail_as_judged: false,
    };
    let page_count = lines.len() as u32;
    for (p, page) in lines.into_iter().enumerate() {
        writer.page(page, p as u32 + 1, wrap_width, lines_are_paragraphs);
    }
    let mut canonical = Canonical {
        text: writer.text,
        page_starts: writer.page_starts,
        page_count,
    };
    drop_edge_page_numbers(&mut canonical);
    canonical
}

/// The canonical text is one page to whoever normalises it again: a paragraph that joining brought
/// among its first or last `FURNITURE_LINES` lines and that reads as a page number (`12` after a
/// list whose lines were joined) would go then. It goes now, so that normalising is idempotent.
fn drop_edge_page_numbers(c: &mut Canonical) {
    loop {
        // Only the lines at the edges are read, not the whole (possibly large) text.
        let first = split_lines(&c.text).scan(0, |at, l| {
            let start = *at;
            *at += l.len() + 1;
            Some((start, start + l.len()))
        });
        let last = c.text.rsplit('\n').scan(c.text.len(), |end, l| {
            let span = (*end - l.len(), *end);
            *end = span.0.saturating_sub(1);
            Some(span)
        });
        let filled = |&(a, b): &(usize, usize)| a < b;
        let found = first
            .filter(filled)
            .take(FURNITURE_LINES)
            .chain(last.filter(filled).take(FURNITURE_LINES))
            .find(|&(a, b)| is_page_number(&c.text[a..b]));
        let Some((a, b)) = found else {
            return;
        };
        // The line and one line feed next to it.
        let (cut_from, cut_to) = if b < c.text.len() {
            (a, b + 1)
        } else {
            (a.saturating_sub(1), b)
        };
        let len = cut_to - cut_from;
        c.text.replace_range(cut_from..cut_to, "");
        for (start, _) in &mut c.page_starts {
            if *start >= cut_to {
                *start -= len;
            } else if *start > cut_from {
                *start = cut_from;
            }
        }
    }
}

/// What `line_continues` and `continues` read from the whole paragraph before a break, kept up
/// to date as text is appended, so that a paragraph joined from many lines is not read again at
/// every line.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Marks {
    /// It holds a mark that ends a sentence.
    sentence_end: bool,
    /// It holds `。`, `，` or `；`.
    prose: bool,
    /// Opening minus closing marks: `“”`, `（）`, `《》`.
    quotes: i32,
    brackets: i32,
    titles: i32,
}

impl Marks {
    /// The marks of `s`, read by themselves (what the line pass reads them as, in the tests).
    #[cfg(test)]
    fn of(s: &str) -> Marks {
        let mut m = Marks::default();
        m.add(s);
        m
    }

    /// The marks of two texts one after the other.
    fn merge(&mut self, next: Marks) {
        self.sentence_end |= next.sentence_end;
        self.prose |= next.prose;
        self.quotes += next.quotes;
        self.brackets += next.brackets;
        self.titles += next.titles;
    }

    #[cfg(test)]
    fn add(&mut self, s: &str) {
        use crate::chars::BmpSet;
        use std::sync::LazyLock;
        static MARKS: LazyLock<BmpSet> = LazyLock::new(|| {
            BmpSet::of([
                '“', '”', '（', '）', '《', '》', '。', '，', '；', '！', '？', '!', '?', ';',
            ])
        });
        for (_, c) in MARKS.find_iter(s) {
            self.note(c);
        }
    }

    /// Count `c` if it is a mark.
    #[inline]
    fn note(&mut self, c: char) {
        match c {
            '“' => self.quotes += 1,
            '”' => self.quotes -= 1,
            '（' => self.brackets += 1,
            '）' => self.brackets -= 1,
            '《' => self.titles += 1,
            '》' => self.titles -= 1,
            '。' | '，' | '；' => self.prose = true,
            _ => {}
        }
        if is_sentence_end(c) {
            self.sentence_end = true;
        }
    }
}

/// A line of a page, folded and cleaned, with what the joining rules read of it.
#[derive(Debug, Clone)]
struct Line<'a> {
    text: Cow<'a, str>,
    marks: Marks,
    /// `display_width` of the text (a line is held for every line of an input while it is
    /// normalised: 32 bits are room enough, and keep a line at 48 bytes).
    width: u32,
}

impl<'a> Line<'a> {
    /// The line `raw` folded and cleaned; `None` when nothing is left. Nearly every line is
    /// plain (nothing to fold, no space): one pass over it then finds that out and reads its
    /// marks and width, and the line stays borrowed.
    fn of(raw: &'a str) -> Option<Line<'a>> {
        let plain = line_reading(raw, Reading::Plain);
        let Some(stop) = plain.stop else {
            return (!raw.is_empty()).then_some(Line {
                text: Cow::Borrowed(raw),
                marks: plain.marks,
                width: saturating_u32(plain.width),
            });
        };
        // A line with a character to fold or a space (a tenth of a report saved from the web,
        // by its bytes: `％`, `［］`, `×`, a space between words) is folded and cleaned. What
        // came before that character folds to itself and holds no white space: folding and
        // cleaning keep it as the start of the line, and only the rest is read again.
        let text = clean_cow(fold_cow(raw, stop));
        let rest = line_reading(text.get(stop..)?, Reading::Any);
        let mut marks = plain.marks;
        marks.merge(rest.marks);
        (!text.is_empty()).then(|| Line {
            marks,
            width: saturating_u32(plain.width + rest.width),
            text,
        })
    }
}

/// `n`, or the largest `u32` if it is larger.
fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The marks and display width of `s` when folding and cleaning leave it as it is: every
/// character folds to itself (`folds_to_itself`) and none is a space (so none is trimmed).
#[cfg(test)]
fn plain_line(s: &str) -> Option<(Marks, usize)> {
    let read = line_reading(s, Reading::Plain);
    read.stop.is_none().then_some((read.marks, read.width))
}

/// What [`line_reading`] takes.
#[derive(Clone, Copy, PartialEq)]
enum Reading {
    /// A line as read, up to a character that folds or a space.
    Plain,
    /// A line folded and cleaned: every character (`Marks::of` and `display_width` of it).
    Any,
}

/// What [`line_reading`] read of a line: the marks and display width of the line up to `stop`,
/// where a character that is not plain stands (`None`: the whole line).
struct LineReading {
    marks: Marks,
    width: usize,
    stop: Option<usize>,
}

/// The marks and display width of `s`, in one pass that steps over runs of prose.
fn line_reading(s: &str, reading: Reading) -> LineReading {
    let b = s.as_bytes();
    let mut marks = Marks::default();
    let mut width = 0;
    let mut i = 0;
    let mut stop = None;
    // What the runs of prose held of `，`, `、` and `。`.
    let mut prose = ProseMarks::default();
    loop {
        // The unified ideographs (U+4E00 to U+9FFF) and the commonest marks between them: most
        // of the text, every character of it wide.
        let past = skip_prose(b, i, &mut prose);
        width += 2 * ((past - i) / 3);
        i = past;
        let Some(&lead) = b.get(i) else {
            break;
        };
        // Printable ASCII but the space; CJK punctuation from U+3001 to U+303F (`。、《》`); the
        // full-width marks that are kept (`，（）：；！？`); the dash, quotes and ellipsis of
        // U+2014 to U+2026 that are wide: each folds to itself. These are
        // characters `folds_to_itself` lists, read from their bytes; the test
        // `a_plain_line_reads_as_folding_and_cleaning_it_would` holds the two together.
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let common = match lead {
            0x21..=0x7E => Some(1),
            0xE3 => (next(1) == 0x80 && next(2) != 0x80).then_some(3),
            0xEF => (next(1) == 0xBC
                && matches!(next(2), 0x81 | 0x88 | 0x89 | 0x8C | 0x9A | 0x9B | 0x9F))
            .then_some(3),
            // `—‘’‚‛“”…`, wide as `display_width` reads them.
            0xE2 => (next(1) == 0x80 && matches!(next(2), 0x94 | 0x98..=0x9D | 0xA6)).then_some(3),
            _ => None,
        };
        if let Some(len) = common {
            if len == 1 {
                width += 1;
                if matches!(lead, b'!' | b'?' | b';') {
                    marks.note(char::from(lead));
                }
            } else {
                // Decoded from the three bytes just read (valid UTF-8 holds no surrogate).
                let Some(c) = three_byte_char(lead, next(1), next(2)) else {
                    stop = Some(i);
                    break;
                };
                width += 2;
                marks.note(c);
            }
            i += len;
            continue;
        }
        let Some((c, len)) = char_at(s, i) else {
            break;
        };
        if reading == Reading::Plain && (c == ' ' || !folds_to_itself(c)) {
            stop = Some(i);
            break;
        }
        marks.note(c);
        width += char_width(c);
        i += len;
    }
    // As noting each of them would have.
    marks.prose |= prose.comma_or_stop;
    marks.sentence_end |= prose.full_stop;
    LineReading { marks, width, stop }
}

/// The paragraph before a break, as the joining rules see it.
#[derive(Debug, Clone, Copy)]
struct Prev<'a> {
    text: &'a str,
    marks: Marks,
}

/// A paragraph of the page being written: it is the end of the canonical text, from `start`.
#[derive(Debug, Clone, Copy)]
struct Open {
    start: usize,
    /// A line feed was written before it (the text before it is not empty).
    after_feed: bool,
    /// Its place among the page's paragraphs.
    index: usize,
    marks: Marks,
}

/// The canonical text being written, paragraph by paragraph.
struct Writer {
    text: String,
    page_starts: Vec<(usize, u32)>,
    /// Where the last finished paragraph of `text` starts, and its marks (kept as text is
    /// appended to it).
    tail_start: usize,
    tail: Marks,
    /// The last finished paragraph is as the page's pass judged it: one of the page's pieces
    /// (with what was joined to it there), not joined to the text before it since. The next
    /// paragraph of the page was then already found not to continue it.
    tail_as_judged: bool,
}

impl Writer {
    /// Write a page's lines. Lines are grouped into paragraphs in three steps, each judged on
    /// whole pieces: lines a layout wrapped are joined; a paragraph cut in the middle of a
    /// sentence by a blank line (or, in text whose paragraphs are separated by blank lines, by a
    /// line break) continues after it; and the page's first paragraph continues the last of the
    /// page before when a page break cut it. `lines_are_paragraphs`: the text has no blank lines
    /// at all (as text saved from a web page), so a line break is a paragraph break, never a cut.
    fn page(
        &mut self,
        page: PageLines,
        page_no: u32,
        wrap_width: Option<usize>,
        lines_are_paragraphs: bool,
    ) {
        let mut open: Option<Open> = None;
        let mut count = 0;
        // A piece is a line, or lines a layout wrapped, with their marks.
        let mut piece = |w: &mut Writer, p: &str, marks: Marks, blank: bool| {
            if let Some(o) = open.as_mut() {
                let prev = Prev {
                    text: &w.text[o.start..],
                    marks: o.marks,
                };
                let joins = if blank || !lines_are_paragraphs {
                    continues(prev, p)
                } else {
                    line_continues(prev, p)
                };
                if joins {
                    join_into(&mut w.text, p);
                    o.marks.merge(marks);
                    return;
                }
                w.finish(*o, page_no);
            }
            let after_feed = !w.text.is_empty();
            if after_feed {
                w.text.push('\n');
            }
            open = Some(Open {
                start: w.text.len(),
                after_feed,
                index: count,
                marks,
            });
            count += 1;
            w.text.push_str(p);
        };
        // A run of wrapped lines, and whether a blank line came before it.
        let mut run: Option<(Line, bool)> = None;
        // Width of the last line added to the run: a full-width line wraps into the next.
        let mut last_width: Option<usize> = None;
        let mut blank_before = false;
        for line in page {
            let Some(l) = line else {
                last_width = None;
                blank_before = true;
                continue;
            };
            let wraps = match (last_width, wrap_width) {
                (Some(lw), Some(w)) => lw * 100 >= w * 85 && !patterns::enumerator(&l.text),
                _ => false,
            };
            // Widths only matter in a layout's text (one with a wrap width).
            last_width = Some(if wrap_width.is_some() {
                l.width as usize
            } else {
                0
            });
            match run.as_mut() {
                Some((p, _)) if wraps => {
                    join_into(p.text.to_mut(), &l.text);
                    p.marks.merge(l.marks);
                }
                _ => {
                    if let Some((p, blank)) = run.replace((l, blank_before)) {
                        piece(self, &p.text, p.marks, blank);
                    }
                }
            }
            blank_before = false;
        }
        if let Some((p, blank)) = run {
            piece(self, &p.text, p.marks, blank);
        }
        if let Some(o) = open {
            self.finish(o, page_no);
        }
    }

    /// A paragraph of the page is whole: join it to the text before it when a page break (the
    /// page's first paragraph) or a paragraph joined across the page break (the others) left a
    /// sentence open there; else it is a paragraph of its own.
    fn finish(&mut self, o: Open, page_no: u32) {
        let before_end = o.start - usize::from(o.after_feed);
        let prev = Prev {
            text: &self.text[self.tail_start..before_end],
            marks: self.tail,
        };
        let para = &self.text[o.start..];
        if o.index == 0 && o.after_feed && continues(prev, para) {
            let mut cut_to = o.start;
            // A character printed at the foot of one page and again at the head of the next.
            if let (Some(a), Some(b)) = (prev.text.chars().next_back(), para.chars().next())
                && a == b
                && is_ideograph(a)
            {
                cut_to += b.len_utf8();
            }
            self.text.replace_range(before_end..cut_to, "");
            self.page_starts.push((before_end, page_no));
            // The paragraph lacks at most a doubled ideograph, which is no mark.
            self.tail.merge(o.marks);
            self.tail_as_judged = false;
            return;
        }
        // A paragraph joined across the page break may now leave a sentence open that the
        // page's next paragraph continues (judged on the page alone, it did not). Only such a
        // paragraph is judged again: the answer for one the page's pass saw is known.
        if o.index > 0 && !self.tail_as_judged && line_continues(prev, para) {
            let space = prev.text.ends_with(|c: char| c.is_ascii_alphabetic())
                && para.starts_with(|c: char| c.is_ascii_alphabetic());
            self.text
                .replace_range(before_end..o.start, if space { " " } else { "" });
            self.tail.merge(o.marks);
            self.tail_as_judged = false;
            return;
        }
        if o.index == 0 {
            self.page_starts.push((o.start, page_no));
        }
        self.tail_start = o.start;
        self.tail = o.marks;
        self.tail_as_judged = true;
    }
}

/// Positions of the first and last `FURNITURE_LINES` non-blank lines of a page.
fn edge_lines(page: &PageLines) -> Vec<usize> {
    let filled: Vec<usize> = (0..page.len()).filter(|&i| page[i].is_some()).collect();
    let mut edges: Vec<usize> = filled.iter().take(FURNITURE_LINES).copied().collect();
    edges.extend(filled.iter().rev().take(FURNITURE_LINES).copied());
    edges.sort_unstable();
    edges.dedup();
    edges
}

/// Digits abstracted away, so `公报 2025年第1期` on page 3 and page 4 share one key.
fn furniture_key(line: &str) -> String {
    let mut key = String::new();
    let mut in_digits = false;
    for c in line.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !in_digits {
                key.push('#');
            }
            in_digits = true;
        } else {
            key.push(c);
            in_digits = false;
        }
    }
    key
}

fn is_page_number(line: &str) -> bool {
    match patterns::page_number(line) {
        // A lone 4-digit number that reads as a year is a date on a cover, not a page number.
        Some(number) => number
            .and_then(|n| n.parse::<u32>().ok())
            .is_none_or(|n| !(1900..=2100).contains(&n)),
        None => false,
    }
}

fn remove_furniture(pages: &mut [PageLines]) {
    let mut seen: HashMap<String, HashSet<usize>> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        for i in edge_lines(page) {
            if let Some(line) = &page[i] {
                seen.entry(furniture_key(&line.text)).or_default().insert(p);
            }
        }
    }
    let min_pages = ((pages.len() as f64 * FURNITURE_PAGE_SHARE).ceil() as usize).max(3);
    let running: HashSet<String> = seen
        .into_iter()
        .filter(|(_, on)| on.len() >= min_pages)
        .map(|(k, _)| k)
        .collect();
    for page in pages.iter_mut() {
        // Until the edges hold no furniture: a line that removing furniture brings to the edge is
        // judged like the others, so that the canonical text, normalised again, loses nothing.
        loop {
            let mut removed = false;
            for i in edge_lines(page) {
                let drop = page[i]
                    .as_ref()
                    .map(|l| &*l.text)
                    .is_some_and(|l| is_page_number(l) || running.contains(&furniture_key(l)));
                if drop {
                    page[i] = None;
                    removed = true;
                }
            }
            if !removed {
                break;
            }
        }
    }
}

/// When the text is a layout's output (most lines of a block the same full width), that width;
/// `None` when lines are paragraphs already (as in text saved from a web page).
fn wrapped_line_width(pages: &[PageLines]) -> Option<usize> {
    let mut widths = Vec::new();
    for page in pages {
        for (i, line) in page.iter().enumerate() {
            let in_block = line.is_some()
                && (page.get(i + 1).is_some_and(Option::is_some)
                    || (i > 0 && page[i - 1].is_some()));
            if in_block {
                widths.push(line.as_ref().map_or(0, |l| l.width as usize));
            }
        }
    }
    if widths.len() < 8 {
        return None;
    }
    widths.sort_unstable();
    let full = widths[widths.len() * 9 / 10];
    let near = widths.iter().filter(|&&w| w * 10 >= full * 9).count();
    (full >= 30 && near * 10 >= widths.len() * 4).then_some(full)
}

/// Is there a blank line between two lines of text on this page?
fn has_blank_gap(page: &PageLines) -> bool {
    let first = page.iter().position(Option::is_some);
    let last = page.iter().rposition(Option::is_some);
    match (first, last) {
        (Some(a), Some(b)) => page[a..b].iter().any(Option::is_none),
        _ => false,
    }
}

/// In text with one paragraph per line, does line `next` continue line `prev`? Only when the break
/// is plainly inside a sentence: `next` starts with a comma or stop that no paragraph starts with
/// (after a `prev` that did not end its sentence), or `prev` ends with a comma or enumeration
/// comma, or leaves a quote or bracket open.
fn line_continues(prev: Prev, next: &str) -> bool {
    if next.starts_with(['，', '、', '；', '。', '：', '！', '？'])
        && !prev
            .text
            .ends_with(|c: char| is_sentence_end(c) || c == '：')
    {
        return true;
    }
    // The marks first: a paragraph that ends a sentence is not read for an enumerator.
    if patterns::enumerator(next) || !prev.marks.sentence_end && patterns::enumerator(prev.text) {
        return false;
    }
    let m = prev.marks;
    prev.text.ends_with(['，', '、']) || m.quotes > 0 || m.brackets > 0 || m.titles > 0
}

/// Does `next` continue the paragraph `prev` (a sentence cut by a blank line or a page break)?
/// Only prose is joined: `prev` must end inside a sentence and already hold sentence punctuation,
/// so that headings, titles and list lines stay on their own.
fn continues(prev: Prev, next: &str) -> bool {
    // Whatever a line break inside a sentence would join, a blank line does too: so that the
    // canonical text (one paragraph per line) normalises to itself.
    if line_continues(prev, next) {
        return true;
    }
    if patterns::enumerator(next) {
        return false;
    }
    // A numbered heading (`一、…，…`, `（一）…，…`) holds no sentence end; it may hold a comma.
    if !prev.marks.sentence_end && patterns::enumerator(prev.text) {
        return false;
    }
    let Some(last) = prev.text.chars().next_back() else {
        return false;
    };
    let first_ok = next.chars().next().is_some_and(|c| !is_sentence_end(c));
    if matches!(last, '，' | '、') {
        return first_ok;
    }
    let open_end = is_ideograph(last) || last.is_ascii_alphanumeric() || last == '%';
    prev.marks.prose && open_end && first_ok
}

/// Between two Latin words a wrapped line gets a space; nothing goes between CJK and anything.
fn needs_space(p: &str, next: &str) -> bool {
    match (p.chars().next_back(), next.chars().next()) {
        (Some(a), Some(b)) => a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && !is_cjk(a),
        _ => false,
    }
}

/// Append a wrapped line: no space between CJK and anything, one space between two Latin words.
fn join_into(p: &mut String, next: &str) {
    if needs_space(p, next) {
        p.push(' ');
    }
    p.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::display_width;

    fn norm(pages: &[&str]) -> Canonical {
        normalise(&pages.iter().map(|p| p.to_string()).collect::<Vec<_>>())
    }

    /// A line is held for every line of an input while it is normalised: an input of many short
    /// lines is mostly these.
    #[test]
    fn a_line_takes_48_bytes() {
        assert!(std::mem::size_of::<Option<Line>>() <= 48);
    }

    #[test]
    fn a_paragraph_joined_across_a_page_break_is_judged_again_with_the_next() {
        // On the second page alone, `4.8%` and the line after it are two paragraphs; joined to
        // the first page's open sentence, `4.8%` leaves a quote open, which the next line closes.
        let c = norm(&[
            "他说：“全市工业产值增长",
            "4.8%\n服务收入增长9%。”\n秋粮丰收。",
        ]);
        assert_eq!(
            lines(&c),
            ["他说：“全市工业产值增长4.8%服务收入增长9%。”", "秋粮丰收。"]
        );
        // Without the page before, the page's own judgement stands.
        let alone = norm(&["4.8%\n服务收入增长9%。”\n秋粮丰收。"]);
        assert_eq!(lines(&alone), ["4.8%", "服务收入增长9%。”", "秋粮丰收。"]);
    }

    #[test]
    fn furniture_brought_to_the_edge_by_removing_furniture_goes_too() {
        // Found by the property test: `12` was the third line, then the second once the page
        // number above it went, and normalising the canonical text again dropped it.
        let once = norm(&["１２\n—\n１２\n增长\n增长"]);
        assert!(!once.text.contains("12"), "{:?}", once.text);
        assert_eq!(norm(&[once.text.as_str()]).text, once.text);
    }

    #[test]
    fn a_page_number_that_joining_brings_to_the_edge_goes_too() {
        // Found by the property test: the last two lines were joined, which made `12` one of the
        // last two lines of the canonical text.
        let once = norm(&["—\n—\n１２\n增长，一是\n\n6.3"]);
        assert!(!once.text.contains("12\n"), "{:?}", once.text);
        assert_eq!(norm(&[once.text.as_str()]).text, once.text);
    }

    #[test]
    fn folding_shortcuts_agree_with_fold_char() {
        for c in (0..0x30000).filter_map(char::from_u32) {
            let s = format!("a增，{c}b");
            let by_chars = s.char_indices().skip(1).find(|&(_, c)| !folds_to_itself(c));
            assert_eq!(next_to_fold(&s, 1), by_chars, "{c:?}");
            // Long enough for the vector steps over runs of prose, from every place.
            let long = format!("地区生产总值增长，全年、经济{c}社会。发展平稳向好，{c}增长5%");
            for (from, _) in long.char_indices() {
                let by_chars = long[from..]
                    .char_indices()
                    .find(|&(_, c)| !folds_to_itself(c))
                    .map(|(i, c)| (from + i, c));
                assert_eq!(next_to_fold(&long, from), by_chars, "{c:?} {from}");
            }
            if folds_to_itself(c) {
                let mut out = String::new();
                fold_char(c, &mut out);
                assert_eq!(out, c.to_string(), "{c:?}");
            }
            let mut whole = String::new();
            s.chars().for_each(|c| fold_char(c, &mut whole));
            assert_eq!(fold_cow(&s, 0), whole, "{c:?}");
        }
    }

    #[test]
    fn a_plain_line_reads_as_folding_and_cleaning_it_would() {
        let mut samples: Vec<String> = [
            "",
            "地区生产总值增长6.3%，“十五五”（2026—2030年）《规划》。",
            "增长 6.3%",
            " 增长",
            "增长！？!?;；……·",
            "\t增长",
            "增长\r",
            "政 府 工 作 报 告",
            "地区生产总值增长 4.8 %，高于全国“平均”水平 ",
            "２０２５年ＧＤＰ增长５％，《规划》（草案）",
            "全年完成投资１２３亿元\u{3000}\u{3000}",
            "“十五五”时期\u{3000}增长［预期］×2",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        samples.extend(
            (0..0x30000)
                .filter_map(char::from_u32)
                .map(|c| format!("增{c}长，")),
        );
        // Long enough for the vector steps: the character among runs of prose and its marks.
        samples.extend(
            (0..0x30000)
                .step_by(3)
                .filter_map(char::from_u32)
                .map(|c| format!("地区生产总值增长，全年、经济{c}社会。发展“平稳”向好，{c}")),
        );
        for s in &samples {
            let slow = clean_cow(fold_cow(s, 0));
            // A line as the line pass reads it: what folding and cleaning it leave, with the
            // marks and width of that.
            let line = Line::of(s).map(|l| (l.text.into_owned(), l.marks, l.width as usize));
            let expected = (!slow.is_empty())
                .then(|| (slow.to_string(), Marks::of(&slow), display_width(&slow)));
            assert_eq!(line, expected, "{s:?}");
            match plain_line(s) {
                Some((marks, width)) => {
                    assert_eq!(slow, s.as_str(), "{s:?}");
                    assert_eq!(marks, Marks::of(s), "{s:?}");
                    assert_eq!(width, display_width(s), "{s:?}");
                }
                // Not plain: some character folds or is a space (or is one of the few that fold
                // to themselves outside `folds_to_itself`).
                None => assert!(s.chars().any(|c| c == ' ' || !folds_to_itself(c)), "{s:?}"),
            }
        }
    }

    #[test]
    fn text_read_in_place_normalises_as_its_page_texts_do() {
        let texts = [
            "西藏自治区人民政府公报\r\n\r\n一、工作回顾\r\n地区生产总值增长\r\n6.3%。\r\n",
            "甲，\n\n乙。\n\n\n\n— 2 —\n丙\u{c}丁增长\u{c}\n 　\n\u{200b}\n\n\n\n戊。\n",
            "page 1\n增长5%，\n\n\n\npage 2\n增长6%。\n\n\n\npage 3\n增长7%。",
        ];
        for t in texts {
            let lines = crate::ingest::text::page_lines(t);
            let pages = crate::ingest::text::split_pages(t);
            let (a, b) = (normalise_lines(lines), normalise(&pages));
            assert_eq!(a.text, b.text, "{t:?}");
            assert_eq!(a.page_starts, b.page_starts, "{t:?}");
            assert_eq!(a.page_count, b.page_count, "{t:?}");
        }
    }

    fn lines(c: &Canonical) -> Vec<&str> {
        c.text.split('\n').collect()
    }

    #[test]
    fn full_width_digits_and_number_signs_are_folded() {
        let c = norm(&["地区生产总值增长６．３％，粮食产量１１０万吨。"]);
        assert_eq!(c.text, "地区生产总值增长6.3%，粮食产量110万吨。");
    }

    #[test]
    fn chinese_punctuation_stays_full_width() {
        let c = norm(&["增长（预计）：５％！是否？"]);
        assert_eq!(c.text, "增长（预计）：5%！是否？");
    }

    #[test]
    fn layout_spaces_between_chinese_and_numbers_are_removed() {
        assert_eq!(clean_line("增长 6.3%"), "增长6.3%");
        assert_eq!(clean_line("突破 1000 万千瓦"), "突破1000万千瓦");
        assert_eq!(clean_line("增长 6.3 % 左右"), "增长6.3%左右");
        assert_eq!(
            norm(&["增长　６．３％，达到 2 万人"]).text,
            "增长6.3%，达到2万人"
        );
    }

    #[test]
    fn spaces_between_latin_words_and_in_names_stay() {
        assert_eq!(clean_line("G318 川藏段"), "G318川藏段");
        assert_eq!(clean_line("this is plain text"), "this is plain text");
        // Two-character names spaced by hand are not a letter-spaced line.
        assert_eq!(clean_line("主任：任 维"), "主任：任 维");
    }

    #[test]
    fn letter_spaced_lines_lose_their_spaces() {
        assert_eq!(clean_line("政 府 工 作 报 告 全 文"), "政府工作报告全文");
        // Five spaced pairs are too few to call a line letter-spaced.
        assert_eq!(clean_line("地 区 生 产 总 值"), "地 区 生 产 总 值");
        assert_eq!(clean_line("地 区 生 产 总 值 增"), "地区生产总值增");
        // Most pairs must be spaced: here six of eleven are.
        assert_eq!(
            clean_line("地区生产总值 增 长 较 快 全 年 向好发展态势"),
            "地区生产总值 增 长 较 快 全 年 向好发展态势"
        );
    }

    /// Cleaning a character at a time: the characters that are not spaces, each with whether
    /// spaces stood before it; letter-spacing read from the pairs of ideographs among them.
    fn clean_char_by_char(line: &str) -> String {
        let line = line.trim_matches(|c: char| c.is_whitespace());
        let mut items: Vec<(char, bool)> = Vec::new();
        let mut after_space = false;
        for c in line.chars() {
            if c == ' ' {
                after_space = true;
            } else {
                items.push((c, after_space));
                after_space = false;
            }
        }
        let (pairs, spaced) = items
            .windows(2)
            .filter(|w| is_ideograph(w[0].0) && is_ideograph(w[1].0))
            .fold((0usize, 0usize), |(p, s), w| {
                (p + 1, s + usize::from(w[1].1))
            });
        let letter_spaced =
            spaced >= LETTER_SPACED_MIN && spaced as f64 >= pairs as f64 * LETTER_SPACED_SHARE;
        let mut out = String::new();
        for (k, &(b, after_space)) in items.iter().enumerate() {
            if after_space && k > 0 && !drops_spaces(items[k - 1].0, b, letter_spaced) {
                out.push(' ');
            }
            out.push(b);
        }
        out
    }

    #[test]
    fn cleaning_a_run_at_a_time_is_cleaning_a_character_at_a_time() {
        let pieces = [
            "地", "区", "增长", "4.8", "%", "‰", "，", "（", "A12", "a", "b", " ", "  ", " ", " ",
            "\t", "川", "。", "2", "政 ", "府 ", "工 ", "作 ", "报 ", "告 ",
        ];
        // A fixed linear congruential sequence: the same lines on every run.
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n
        };
        for _ in 0..3000 {
            let len = next(32);
            let line: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(clean_line(&line), clean_char_by_char(&line), "{line:?}");
        }
    }

    /// Five pages cut by form feeds, each with the gazette's running header and a page number in
    /// one of the usual shapes at the foot.
    fn five_pages() -> Vec<String> {
        let header = "某某自治区人民政府公报 2025年第1期";
        let bodies = [
            "今年以来，全区经济运行稳中有进，地区生产总值增长6.3%。\n\n全社会固定资产投资增长5.1%。",
            "城乡居民人均可支配收入增长6.8%，物价总体平稳。\n\n我们常常深入基层调研，做到人人参与。",
            "加快建设现代化产业体系，推动经济高质量发",
            "发展。清洁能源装机容量突破1000万千瓦。\n\n城镇新增就业5万人以上。",
            "全年接待游客超过6000万人次。\n\n完成造林绿化任务100万亩。",
        ];
        let numbers = ["— 1 —", "— 2 —", "— 3 —", "- 4 -", "第5页"];
        let text: Vec<String> = (0..5)
            .map(|i| format!("{header}\n\n{}\n\n{}\n", bodies[i], numbers[i]))
            .collect();
        crate::ingest::text::split_pages(&text.join("\u{c}"))
    }

    #[test]
    fn running_headers_and_page_numbers_are_removed() {
        let pages = five_pages();
        assert_eq!(pages.len(), 5);
        let c = normalise(&pages);
        assert!(!c.text.contains("公报"), "{}", c.text);
        for number in ["— 1 —", "— 3 —", "- 4 -", "第5页", "—", "页"] {
            assert!(!c.text.contains(number), "{number:?} left in {}", c.text);
        }
        assert_eq!(c.page_count, 5);
        assert_eq!(
            lines(&c),
            vec![
                "今年以来，全区经济运行稳中有进，地区生产总值增长6.3%。",
                "全社会固定资产投资增长5.1%。",
                "城乡居民人均可支配收入增长6.8%，物价总体平稳。",
                "我们常常深入基层调研，做到人人参与。",
                "加快建设现代化产业体系，推动经济高质量发展。清洁能源装机容量突破1000万千瓦。",
                "城镇新增就业5万人以上。",
                "全年接待游客超过6000万人次。",
                "完成造林绿化任务100万亩。",
            ]
        );
    }

    #[test]
    fn pages_are_mapped_through_a_joined_page_break() {
        let c = normalise(&five_pages());
        let at = |needle: &str| c.page_at(c.text.find(needle).unwrap());
        assert_eq!(at("今年以来"), 1);
        assert_eq!(at("常常"), 2);
        assert_eq!(at("高质量发"), 3);
        // The paragraph joined across the break: the part after it is on page 4.
        assert_eq!(at("展。清洁能源"), 4);
        assert_eq!(at("完成造林"), 5);
    }

    #[test]
    fn a_character_printed_on_both_sides_of_a_page_break_is_written_once() {
        let c = norm(&[
            "推动高原特色产业发展，加快建设环喜马拉雅",
            "雅经济合作带。全年增长5%。",
        ]);
        assert_eq!(
            c.text,
            "推动高原特色产业发展，加快建设环喜马拉雅经济合作带。全年增长5%。"
        );
    }

    #[test]
    fn a_doubled_character_inside_a_page_is_left_alone() {
        let c = norm(&["我们常常深入基层，人人参与，事事落实，天天向上。"]);
        assert_eq!(c.text, "我们常常深入基层，人人参与，事事落实，天天向上。");
        // Doubled across a blank line inside a page (not a page break): joined, both kept.
        let c = norm(&["坚持以人民为中心，我们要经常\n\n常深入基层，做到人人参与。"]);
        assert_eq!(
            c.text,
            "坚持以人民为中心，我们要经常常深入基层，做到人人参与。"
        );
    }

    #[test]
    fn a_page_break_after_a_finished_sentence_is_a_paragraph_break() {
        let c = norm(&["全年增长5%。", "新的一段开始，继续增长。"]);
        assert_eq!(lines(&c), vec!["全年增长5%。", "新的一段开始，继续增长。"]);
        assert_eq!(c.page_at(c.text.find("新的").unwrap()), 2);
    }

    /// Wrap a paragraph at a display width, as a layout does.
    fn wrap(paragraph: &str, width: usize) -> Vec<String> {
        let mut out = vec![String::new()];
        for ch in paragraph.chars() {
            let cur = out.last_mut().unwrap();
            if display_width(cur) + display_width(&ch.to_string()) > width {
                out.push(String::new());
            }
            out.last_mut().unwrap().push(ch);
        }
        out
    }

    #[test]
    fn lines_wrapped_by_a_layout_are_joined_into_paragraphs() {
        let paragraphs = [
            "（一）坚持稳中求进工作总基调",
            "今年以来，全区经济运行稳中有进，地区生产总值增长6.3%，增速居全国前列。全社会固定资产投资增长5.1%，社会消费品零售总额增长7%左右，城乡居民人均可支配收入分别增长6.8%和8.2%。",
            "（二）加快建设现代化产业体系",
            "清洁能源装机容量突破1000万千瓦，全年接待游客超过6000万人次，旅游总收入增长15%。我们常常深入基层调研，做到人人参与、事事落实，各族群众获得感幸福感安全感不断增强。",
            "城镇新增就业5万人以上，完成造林绿化任务100万亩，新建高原和美乡村300个，改造老旧小区118个，常住人口城镇化率达39%以上。",
        ];
        let text: Vec<String> = paragraphs.iter().flat_map(|p| wrap(p, 40)).collect();
        // The layout left no blank lines: only the width tells a wrap from a paragraph end.
        assert!(text.len() >= 12);
        assert!(
            text.iter()
                .any(|l| l.ends_with('。') && display_width(l) >= 38)
        );
        let c = norm(&[&text.join("\n")]);
        assert_eq!(lines(&c), paragraphs.to_vec());
    }

    #[test]
    fn one_paragraph_per_line_is_not_joined() {
        // Text saved from a web page: every line is a paragraph, of any length, with no blank
        // lines; a caption or a heading with a comma must not swallow the line after it.
        let web = [
            "2026年某省政府工作报告",
            "——2026年1月20日在某省第十四届人民代表大会第四次会议上",
            "省长某某作政府工作报告。本报记者 某某 摄",
            "各位代表：",
            "现在，我代表省人民政府，向大会报告工作，请予审议。",
            "一、一年接着一年干，经济社会发展取得新成效",
            "过去一年，全省地区生产总值增长5.2%，城镇新增就业60万人。",
            "（一）着力扩大有效需求，推动经济稳中向好",
            "扩大有效投资。全年固定资产投资增长3%",
            "提振消费。社会消费品零售总额增长6%。",
        ];
        let c = norm(&[&web.join("\n")]);
        assert_eq!(lines(&c), web.to_vec());
    }

    #[test]
    fn a_web_line_broken_inside_a_sentence_is_joined() {
        let c = norm(&[
            "强化务实合作，主动对接各类资源，某某公司增资某某软件，\n某某基地建设顺利推进。\n实施“双向\n揭榜挂帅”行动\n；成果转化率提升。\n下一段。",
        ]);
        assert_eq!(
            lines(&c),
            vec![
                "强化务实合作，主动对接各类资源，某某公司增资某某软件，某某基地建设顺利推进。",
                "实施“双向揭榜挂帅”行动；成果转化率提升。",
                "下一段。",
            ]
        );
    }

    #[test]
    fn a_paragraph_cut_by_a_stray_blank_line_is_joined() {
        let c = norm(&["坚持生态优先，不断把\n\n绿水青山的颜值转化为价值。\n\n（二）下一项"]);
        assert_eq!(
            lines(&c),
            vec![
                "坚持生态优先，不断把绿水青山的颜值转化为价值。",
                "（二）下一项"
            ]
        );
    }

    #[test]
    fn a_numbered_heading_with_a_comma_is_not_joined_to_its_first_paragraph() {
        let c = norm(&["（一）着力扩大有效需求，推动经济稳中向好\n\n扩大有效投资。全年增长3%。"]);
        assert_eq!(
            lines(&c),
            vec![
                "（一）着力扩大有效需求，推动经济稳中向好",
                "扩大有效投资。全年增长3%。"
            ]
        );
    }

    #[test]
    fn a_lone_year_on_a_cover_is_not_a_page_number() {
        assert!(!is_page_number("2025"));
        assert!(is_page_number("— 3 —"));
        assert!(is_page_number("- 4 -"));
        assert!(is_page_number("第5页"));
        assert!(is_page_number("12"));
        assert!(!is_page_number("第5期"));
    }
}
