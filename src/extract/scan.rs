//! Scanning a sentence for quantities: number, magnitude, unit, comparators, ranges.
//! Works on the sentence with traditional characters folded (same byte offsets as the original).

use crate::chars::{BmpSet, ends_with, starts_with};
use crate::lexicon::units::{
    APPROX_INFIXES, BARE_MAGNITUDES, CN_DIGITS, NEEDS_MAGNITUDE, PER_WORDS, UnitClass,
    magnitude_at, unit_at,
};
use crate::lexicon::words::{Comparator, PREFIX_COMPARATORS, RANGE_SEPARATORS, SUFFIX_COMPARATORS};
use compact_str::CompactString;

/// A quantity found in a sentence, before its subject and kind are known.
#[derive(Debug, Clone)]
pub struct Quantity {
    /// Byte range in the sentence of the mention as written (prefix comparator to suffix comparator).
    pub start: usize,
    pub end: usize,
    /// Byte where the number itself starts (after any prefix comparator).
    pub number_start: usize,
    pub value: f64,
    pub high: Option<f64>,
    /// Unit as written, magnitude included (`万千瓦`, `万台(套)`), in the folded spelling.
    pub unit: CompactString,
    /// Byte ranges of the unit's pieces in the sentence, to spell the unit as the source does.
    pub unit_pieces: UnitPieces,
    pub unit_class: UnitClass,
    pub base_unit: &'static str,
    /// Factor from the written unit to the base unit (magnitude × unit factor).
    pub factor: f64,
    pub comparator: Comparator,
    /// The comparator came from a word after the value (`以上`, `以内`, `左右`): a list shares it.
    pub suffix_comparator: bool,
    /// The prefix comparator word, if any (`超过` reads differently for targets).
    pub prefix_word: Option<&'static str>,
}

/// The byte ranges of a unit's pieces: a magnitude, a measure word, an alternative in brackets, a
/// rate's second part. Held in place, not allocated: a quantity is read for every figure.
pub type UnitPieces = smallvec::SmallVec<[(usize, usize); 4]>;

fn cn_digit(c: char) -> Option<u32> {
    CN_DIGITS.iter().find(|&&(d, _)| d == c).map(|&(_, v)| v)
}

/// The numerals of tens and above that `is_cn_numeral` counts besides `CN_DIGITS`.
const CN_UNITS: [char; 5] = ['十', '百', '千', '万', '亿'];

fn is_cn_numeral(c: char) -> bool {
    // Asked of every candidate and of the characters around it: one bit each, made once.
    static NUMERALS: std::sync::LazyLock<BmpSet> =
        std::sync::LazyLock::new(|| BmpSet::of(CN_DIGITS.iter().map(|&(d, _)| d).chain(CN_UNITS)));
    NUMERALS.contains(c)
}

/// The marks that open a name in quotes or a title (`“3个100”工程`, `《…2030年…》`): candidates
/// of the scan, which steps over the numbers inside, but the start of no quantity.
pub const NAME_OPENERS: [char; 2] = ['“', '《'];

/// What `scan` acts on: an opening quote or title mark, `翻`, an ASCII digit, a Chinese numeral
/// (all of them in the Basic Multilingual Plane), one bit each.
static CANDIDATES: std::sync::LazyLock<BmpSet> =
    std::sync::LazyLock::new(|| BmpSet::of(candidate_chars()));

/// The characters of `CANDIDATES`.
pub fn candidate_chars() -> impl Iterator<Item = char> {
    let numerals = CN_DIGITS.iter().map(|&(d, _)| d).chain(CN_UNITS);
    numerals.chain(NAME_OPENERS).chain(['翻']).chain('0'..='9')
}

/// Whether `scan` acts on `c` (one of [`candidate_chars`]).
pub fn is_candidate(c: char) -> bool {
    CANDIDATES.contains(c)
}

/// The first byte at or after `from` where a character of `CANDIDATES` stands (or the end of
/// `s`).
fn next_candidate(s: &str, from: usize) -> usize {
    CANDIDATES
        .find_iter(&s[from..])
        .next()
        .map_or(s.len(), |(at, _)| from + at)
}

/// Value of a Chinese numeral without 万/亿 (`两千` → 2000, `三百五十` → 350, `十二` → 12).
pub fn parse_cn_small(s: &str) -> Option<f64> {
    let (mut total, mut digit) = (0u64, None::<u64>);
    for c in s.chars() {
        let mult = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                digit = Some(u64::from(cn_digit(c)?));
                continue;
            }
        };
        total += digit.take().unwrap_or(1) * mult;
    }
    let value = total + digit.unwrap_or(0);
    (value > 0 || s.contains(['〇', '零'])).then_some(value as f64)
}

/// Parse an Arabic number at `i` (digits, thousands separators, one decimal point).
fn arabic_at(s: &str, i: usize) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    // The number as written, without separators; only its length counts past the buffer.
    let mut text = NumberText::default();
    while j < b.len() && b[j].is_ascii_digit() {
        text.push(b[j]);
        j += 1;
        // `1,200`: a comma followed by exactly three digits is a thousands separator.
        if j + 3 < b.len() + 1
            && b.get(j) == Some(&b',')
            && b[j + 1..]
                .iter()
                .take(3)
                .filter(|d| d.is_ascii_digit())
                .count()
                == 3
            && !b.get(j + 4).is_some_and(|d| d.is_ascii_digit())
        {
            j += 1;
        }
    }
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(|d| d.is_ascii_digit()) {
        text.push(b'.');
        j += 1;
        while j < b.len() && b[j].is_ascii_digit() {
            text.push(b[j]);
            j += 1;
        }
    }
    // Very long digit runs are identifiers, not quantities; and keep f64 parsing bounded.
    if text.len > MAX_NUMBER_LEN {
        return None;
    }
    text.value().map(|v| (v, j))
}

/// Longest number (digits and point) read as a quantity.
const MAX_NUMBER_LEN: usize = 20;

/// The characters of a number, on the stack (numbers are read all the time).
#[derive(Default)]
struct NumberText {
    buf: [u8; MAX_NUMBER_LEN],
    len: usize,
}

impl NumberText {
    fn push(&mut self, b: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
        }
        self.len += 1;
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len.min(MAX_NUMBER_LEN)]).unwrap_or("")
    }

    /// The number's value, as `str::parse` reads it. With at most 15 digits, the digits as an
    /// integer and the power of ten the point divides by are both exact in an `f64`, so one
    /// division (rounded correctly, as IEEE divisions are) gives the correctly rounded value
    /// that parsing gives, at a fraction of its cost; longer numbers are parsed.
    fn value(&self) -> Option<f64> {
        const EXACT_DIGITS: usize = 15;
        const POWERS: [f64; EXACT_DIGITS + 1] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        ];
        let digits = &self.buf[..self.len.min(MAX_NUMBER_LEN)];
        let point = digits.iter().position(|&b| b == b'.');
        let count = digits.len() - usize::from(point.is_some());
        if self.len > MAX_NUMBER_LEN || count > EXACT_DIGITS || count == 0 {
            return self.as_str().parse().ok();
        }
        let mantissa = digits
            .iter()
            .filter(|&&b| b != b'.')
            .fold(0u64, |m, &b| m * 10 + u64::from(b - b'0'));
        let decimals = point.map_or(0, |p| digits.len() - p - 1);
        Some(mantissa as f64 / POWERS[decimals])
    }
}

/// The base unit of a bare magnitude's count (`450万困难群众`).
const COUNT_BASE: &str = "count";
/// The base unit of tenths (`九成`): per cent.
const TENTHS_BASE: &str = "%";
/// The base units the scan writes itself (the others are the units table's).
pub const LITERAL_BASE_UNITS: [&str; 2] = [COUNT_BASE, TENTHS_BASE];

/// What follows a number: magnitude, `余`, unit, `(套)`.
struct Tail {
    end: usize,
    pieces: UnitPieces,
    unit: CompactString,
    class: UnitClass,
    base: &'static str,
    factor: f64,
    more_than: bool,
}

fn tail_at(s: &str, i: usize, magnitude_allowed: bool) -> Option<Tail> {
    let mut j = i;
    // A unit is a magnitude, a measure word and perhaps a bracketed alternative: held in place
    // (a `CompactString` of up to 24 bytes allocates nothing; most tails asked for fail).
    let mut written = CompactString::default();
    let mut factor = 1.0;
    let mut has_magnitude = false;
    let mut pieces = UnitPieces::new();
    let mut more_than = false;
    // `5100多亿元`, `90余万亩`: `多`/`余` before the magnitude.
    if let Some(w) = APPROX_INFIXES.iter().find(|w| starts_with(&s[j..], w))
        && magnitude_at(&s[j + w.len()..]).is_some()
    {
        more_than = true;
        j += w.len();
    }
    if magnitude_allowed && let Some((m, f)) = magnitude_at(&s[j..]) {
        pieces.push((j, j + m.len()));
        written.push_str(m);
        factor = f;
        j += m.len();
        has_magnitude = true;
    }
    if let Some(w) = APPROX_INFIXES.iter().find(|w| starts_with(&s[j..], w)) {
        // `300多个`, `10万余场次`: only if a unit follows.
        if unit_at(&s[j + w.len()..]).is_some() {
            more_than = true;
            j += w.len();
        }
    }
    let Some(unit) = unit_at(&s[j..]) else {
        // `450万困难群众`, `新增人口100万，`: a bare 万/亿 counts people or things.
        let bare = pieces
            .last()
            .is_some_and(|&(a, b)| crate::chars::is_one_of(&s[a..b], BARE_MAGNITUDES));
        let next = s[j..].chars().next();
        let ends = next.is_none_or(|c| matches!(c, '，' | '。' | '；' | '、'));
        if bare
            && (ends || next.is_some_and(crate::chars::is_ideograph))
            && !s[j..].starts_with(['年', '月', '日'])
        {
            return Some(Tail {
                end: j,
                pieces,
                unit: written,
                class: UnitClass::Count,
                base: COUNT_BASE,
                factor,
                more_than,
            });
        }
        return None;
    };
    if crate::chars::is_one_of(unit.written, NEEDS_MAGNITUDE) && !has_magnitude {
        return None;
    }
    written.push_str(unit.written);
    pieces.push((j, j + unit.written.len()));
    j += unit.written.len();
    // `6.5万台（套）`: an alternative measure word in brackets belongs to the unit.
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = crate::chars::strip_char(&s[j..], open)
            && let Some((inner, _)) = rest.split_once(close)
            && inner.chars().count() <= 2
            && unit_at(inner).is_some_and(|u| u.written == inner)
        {
            written.push('(');
            written.push_str(inner);
            written.push(')');
            let end = j + open.len_utf8() + inner.len() + close.len_utf8();
            pieces.push((j, end));
            j = end;
        }
    }
    // `元/吨`, `微克/立方米`, `元/月`, `人/百亿元`: a rate.
    if let Some(rest) = s[j..]
        .strip_prefix('/')
        .or_else(|| s[j..].strip_prefix('每'))
    {
        let sep = s.len() - j - rest.len();
        let mag = magnitude_at(rest).map_or(0, |(m, _)| m.len());
        let per = unit_at(&rest[mag..]).map(|u| u.written).or_else(|| {
            PER_WORDS
                .iter()
                .find(|w| starts_with(&rest[mag..], w))
                .copied()
        });
        if let Some(per) = per {
            let len = sep + mag + per.len();
            written.push('/');
            written.push_str(&rest[..mag + per.len()]);
            pieces.push((j, j + len));
            j += len;
        }
    }
    // `增长2倍多`: more than.
    if unit.class == UnitClass::Multiple && APPROX_INFIXES.iter().any(|w| starts_with(&s[j..], w)) {
        more_than = true;
        j += 3;
    }
    Some(Tail {
        end: j,
        pieces,
        unit: written,
        class: unit.class,
        base: unit.base,
        factor: factor * unit.factor,
        more_than,
    })
}

/// The number is part of a code, name or ordinal, not a quantity (`S12`, `5G`, `7+1`, `第3`).
fn is_code_or_ordinal(s: &str, start: usize, num_end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[num_end..].chars().next();
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    latin(before)
        // A Latin letter after the number is a unit's (`5km`) or a code's (`5G`).
        || (latin(after) && unit_at(&s[num_end..]).is_none())
        || matches!(before, Some('+' | '/' | '#' | '.' | '_' | '@' | ':'))
        || matches!(after, Some('+' | '/' | '#' | '_' | '@' | ':'))
        || s[..start].ends_with('第')
        || s[..start].ends_with("第 ")
}

/// Longest text in quotes that is read as a name (longer quotes are speech, whose figures count).
const MAX_QUOTED_NAME: usize = 20;

/// The next place of a closing mark at or after a position that only moves forward.
struct NextClose {
    /// The mark's bytes, searched for by the memchr crate's searcher (std's search for a
    /// character looks for its last byte, a continuation byte that most characters share).
    mark: &'static memchr::memmem::Finder<'static>,
    /// The last answer: where the search started, and what it found.
    last: Option<(usize, Option<usize>)>,
}

/// The searchers of the marks that close names (`NAME_OPENERS`), built once.
static CLOSING_QUOTE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("”".as_bytes()));
static CLOSING_TITLE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("》".as_bytes()));

impl NextClose {
    fn new(mark: &'static memchr::memmem::Finder<'static>) -> NextClose {
        NextClose { mark, last: None }
    }

    /// `s[from..].find(mark)`, as a byte of `s`.
    fn from(&mut self, s: &str, from: usize) -> Option<usize> {
        match self.last {
            // Searched from no later than `from`: its answer holds if it is not behind `from`.
            Some((start, found)) if start <= from && found.is_none_or(|at| at >= from) => found,
            _ => {
                let found = self.mark.find(&s.as_bytes()[from..]).map(|k| from + k);
                self.last = Some((from, found));
                found
            }
        }
    }
}

/// A quantity that only qualifies a noun (`投资10亿元以上的项目`, `3岁以下婴幼儿`, `30万吨级航道`,
/// `15分钟生活圈`, `3人制篮球场`, `以下10个方面`) rather than measuring something.
fn is_qualifier(s: &str, end: usize, unit: &str, class: UnitClass) -> bool {
    let rest = &s[end..];
    let after_bound = ["以上", "以下"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .map(|r| r.strip_prefix('的').unwrap_or(r));
    let noun_next = |r: &str| r.chars().next().is_some_and(crate::chars::is_ideograph);
    rest.starts_with('级')
        || rest.starts_with("方面")
        || (unit.ends_with('人') && rest.starts_with('制'))
        || (matches!(
            class,
            UnitClass::Money | UnitClass::Length | UnitClass::Power
        ) && after_bound.is_some_and(noun_next))
        || (unit.ends_with('岁') && (noun_next(rest) || after_bound.is_some_and(noun_next)))
        || (matches!(unit, "小时" | "分钟") && noun_next(rest))
}

/// Scan a sentence (already traditional-folded) for quantities, in order.
pub fn scan(s: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    scan_into(s, &mut out);
    out
}

/// [`scan`], into `out` (made empty first; room kept from one sentence to the next).
pub fn scan_into(s: &str, out: &mut Vec<Quantity>) {
    scan_with(s, |from| next_candidate(s, from), out);
}

/// [`scan`], given where the characters of [`candidate_chars`] stand in `s`: `offset` plus
/// their byte offsets in `s`, in order (found by a pass over a larger text that looked for other
/// characters too).
#[cfg(test)]
pub fn scan_at(s: &str, candidates: &[usize], offset: usize) -> Vec<Quantity> {
    let mut out = Vec::new();
    scan_at_into(s, candidates, offset, &mut out);
    out
}

/// [`scan_at`], into `out` (made empty first).
pub fn scan_at_into(s: &str, candidates: &[usize], offset: usize, out: &mut Vec<Quantity>) {
    let mut k = 0;
    let next = |from| {
        k += candidates[k..].partition_point(|&at| at < offset + from);
        candidates.get(k).map_or(s.len(), |&at| at - offset)
    };
    scan_with(s, next, out);
}

/// The scan into `out` (made empty first), with `next(from)` giving the first byte at or after
/// `from` where a candidate stands (or the end of `s`).
fn scan_with(s: &str, mut next: impl FnMut(usize) -> usize, out: &mut Vec<Quantity>) {
    out.clear();
    let mut i = 0;
    // Names in quotes and titles (`“3个100”工程`, `《…2030年…》`) hold numbers that are not figures.
    let mut quoted_until = 0;
    // Where the next `”` and `》` are (found once, not at every opening mark).
    let mut closes = [
        NextClose::new(&CLOSING_QUOTE),
        NextClose::new(&CLOSING_TITLE),
    ];
    while i < s.len() {
        // Only the characters of `CANDIDATES` do anything below.
        i = next(i);
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if i >= quoted_until
            && let Some(close) = match c {
                '“' => Some(&mut closes[0]),
                '《' => Some(&mut closes[1]),
                _ => None,
            }
            && let Some(at) = close.from(s, i)
            && s[i..at].chars().nth(MAX_QUOTED_NAME).is_none()
        {
            quoted_until = at;
        }
        if i < quoted_until {
            i += c.len_utf8();
            continue;
        }
        if s[i..].starts_with("翻番")
            && let Some(mut tail) = tail_at(s, i + "翻".len(), false)
        {
            tail.unit = "番".into();
            out.push(finish(s, i, 1.0, None, tail.end, tail, false));
            i += "翻番".len();
            continue;
        }
        let prev_digit = s[..i]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_digit() || p == '.');
        let found = if c.is_ascii_digit() && !prev_digit {
            arabic_quantity(s, i)
        } else if is_cn_numeral(c) && !s[..i].chars().next_back().is_some_and(is_cn_numeral) {
            chinese_quantity(s, i)
        } else {
            None
        };
        match found {
            Some(q) => {
                i = q.end;
                out.push(q);
            }
            None => i += c.len_utf8(),
        }
    }
}

fn arabic_quantity(s: &str, i: usize) -> Option<Quantity> {
    let (value, num_end) = arabic_at(s, i)?;
    if is_code_or_ordinal(s, i, num_end) {
        return None;
    }
    match tail_at(s, num_end, true) {
        Some(tail) if is_qualifier(s, tail.end, &tail.unit, tail.class) => None,
        Some(tail) => {
            // `4.5%—5%`: a range with the unit on both ends.
            if let Some((high, high_end)) = range_high(s, tail.end, Some(&tail.unit)) {
                return Some(finish(s, i, value, Some(high), high_end, tail, true));
            }
            Some(finish(s, i, value, None, tail.end, tail, false))
        }
        None => {
            // `4.5-5%`: a range with the unit only at the end.
            let (high, _) = range_high(s, num_end, None)?;
            let sep_len = RANGE_SEPARATORS
                .iter()
                .find(|r| starts_with(&s[num_end..], r))?
                .len();
            let (_, high_num_end) = arabic_at(s, num_end + sep_len)?;
            let tail = tail_at(s, high_num_end, true)?;
            let end = tail.end;
            Some(finish(s, i, value, Some(high), end, tail, true))
        }
    }
}

/// After a value (and possibly its unit) at `i`: `—5%` / `至5%` with the same unit → (high, end).
fn range_high(s: &str, i: usize, unit: Option<&str>) -> Option<(f64, usize)> {
    let sep = RANGE_SEPARATORS.iter().find(|r| starts_with(&s[i..], r))?;
    let j = i + sep.len();
    if !s[j..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (high, num_end) = arabic_at(s, j)?;
    let tail = tail_at(s, num_end, true)?;
    if let Some(u) = unit
        && u != tail.unit
    {
        return None;
    }
    Some((high, if unit.is_some() { tail.end } else { num_end }))
}

/// Quantities written in Chinese numerals: `翻一番`, `翻了两番`, and numerals of two characters or
/// more followed by a unit (`两千人`, `百万吨`, `千亿元`). One-character numerals before a measure
/// word are slogans and enumerations far more often than figures (`四件大事`, `九个方面`), so
/// they are left out.
fn chinese_quantity(s: &str, i: usize) -> Option<Quantity> {
    let run_end = s[i..]
        .char_indices()
        .find(|&(_, c)| !is_cn_numeral(c))
        .map_or(s.len(), |(k, _)| i + k);
    let run = &s[i..run_end];
    if s[..i].ends_with('第') {
        return None;
    }
    if s[run_end..].starts_with('番') && (s[..i].ends_with('翻') || s[..i].ends_with("翻了")) {
        let value = parse_cn_small(run)?;
        let tail = tail_at(s, run_end, false)?;
        return Some(finish(s, i, value, None, tail.end, tail, false));
    }
    // `十二届十一次全会`: a session, not a count.
    if s[..i].ends_with('届')
        || (s[run_end..].starts_with('次')
            && ["全会", "会议", "全体会议", "党代会"]
                .iter()
                .any(|w| starts_with(&s[run_end + 3..], w)))
    {
        return None;
    }
    if let Some(q) = bare_magnitude(s, i, run, run_end) {
        return Some(q);
    }
    // `九成以上`, `超三成`: tenths.
    if run.chars().count() == 1 && s[run_end..].starts_with('成') {
        let word = s[run_end + 3..].chars().next();
        if word.is_some_and(|c| "为员立功果就本长都交品效绩熟型".contains(c)) {
            return None;
        }
        let value = parse_cn_small(run)?;
        let tail = tail_at(s, run_end, false).or_else(|| {
            Some(Tail {
                end: run_end + 3,
                pieces: smallvec::smallvec![(run_end, run_end + 3)],
                unit: "成".into(),
                class: UnitClass::Percent,
                base: TENTHS_BASE,
                factor: 10.0,
                more_than: false,
            })
        })?;
        return Some(finish(s, i, value, None, tail.end, tail, false));
    }
    if run.chars().count() < 2 {
        return None;
    }
    // Split a trailing magnitude off the numeral: `百万` = 百 + 万, `两千` stays whole.
    let (num, mag_start) = ["万亿", "亿", "万"]
        .iter()
        .find_map(|m| run.strip_suffix(m).map(|n| (n, i + n.len())))
        .unwrap_or((run, run_end));
    if num.is_empty() {
        return None;
    }
    let value = parse_cn_small(num)?;
    let tail = tail_at(s, mag_start, true)?;
    if tail.class == UnitClass::Other || is_qualifier(s, tail.end, &tail.unit, tail.class) {
        return None; // `百万吨级`: a size class, not a quantity.
    }
    // A numeral glued to an ideograph before it is part of a word (`数十万`, `上千家`).
    if s[..i]
        .chars()
        .next_back()
        .is_some_and(|p| matches!(p, '数' | '上' | '几' | '成'))
    {
        return None;
    }
    Some(finish(s, i, value, None, tail.end, tail, false))
}

/// `突破万亿元`, `超百条`, `上万支`: a magnitude with no digit after a word of comparison.
fn bare_magnitude(s: &str, i: usize, run: &str, run_end: usize) -> Option<Quantity> {
    const LEADS: &[&str] = &["突破", "超过", "超", "逾", "上", "近", "达", "过", "迈上"];
    // The numeral first (most are not a bare magnitude), then the word before it.
    let (value, tail_start, with_magnitude) = match run {
        "百" => (100.0, run_end, false),
        "千" => (1000.0, run_end, false),
        "万" | "亿" | "万亿" | "千亿" | "百亿" => (1.0, i, true),
        _ => return None,
    };
    if !LEADS.iter().any(|w| ends_with(&s[..i], w)) {
        return None;
    }
    let tail = tail_at(s, tail_start, with_magnitude)?;
    if tail.class == UnitClass::Other || is_qualifier(s, tail.end, &tail.unit, tail.class) {
        return None;
    }
    let mut q = finish(s, i, value, None, tail.end, tail, false);
    // `上万支`: about ten thousand.
    if s[..i].ends_with('上') && q.comparator == Comparator::Eq {
        q.comparator = Comparator::Approx;
    }
    Some(q)
}

fn finish(
    s: &str,
    num_start: usize,
    value: f64,
    high: Option<f64>,
    end: usize,
    tail: Tail,
    range: bool,
) -> Quantity {
    let mut q = Quantity {
        start: num_start,
        end,
        number_start: num_start,
        value,
        high,
        unit: tail.unit,
        unit_pieces: tail.pieces,
        unit_class: tail.class,
        base_unit: tail.base,
        factor: tail.factor,
        comparator: if range {
            Comparator::Range
        } else {
            Comparator::Eq
        },
        suffix_comparator: false,
        prefix_word: None,
    };
    if tail.more_than {
        q.comparator = Comparator::Gt;
    }
    // Comparators are looked for only where the character next to the value can start or end
    // one (most values are followed by a mark and preceded by a verb).
    static SUFFIX_FIRSTS: std::sync::LazyLock<BmpSet> = std::sync::LazyLock::new(|| {
        BmpSet::of(
            SUFFIX_COMPARATORS
                .iter()
                .filter_map(|(w, _)| w.chars().next()),
        )
    });
    static PREFIX_LASTS: std::sync::LazyLock<BmpSet> = std::sync::LazyLock::new(|| {
        BmpSet::of(
            PREFIX_COMPARATORS
                .iter()
                .filter_map(|(w, _)| w.chars().next_back()),
        )
    });
    let asked = |words, set: &BmpSet, c: Option<char>| {
        if c.is_some_and(|c| set.contains(c)) {
            words
        } else {
            &[][..]
        }
    };
    if !range {
        let suffix = asked(SUFFIX_COMPARATORS, &SUFFIX_FIRSTS, s[end..].chars().next());
        let prefix = asked(
            PREFIX_COMPARATORS,
            &PREFIX_LASTS,
            s[..num_start].chars().next_back(),
        );
        if let Some(&(w, c)) = suffix
            .iter()
            .filter(|(w, _)| starts_with(&s[end..], w))
            .max_by_key(|(w, _)| w.len())
        {
            q.comparator = c;
            q.suffix_comparator = true;
            q.end += w.len();
        } else if let Some(&(w, c)) = prefix
            .iter()
            .filter(|(w, _)| ends_with(&s[..num_start], w))
            .max_by_key(|(w, _)| w.len())
        {
            // `近` is only a comparator when it is not the end of a word (`最近`, `附近`).
            let word_start = num_start - w.len();
            let glued = w.len() == 3
                && s[..word_start]
                    .chars()
                    .next_back()
                    .is_some_and(|p| matches!(p, '最' | '附' | '接' | '将' | '临'));
            if !glued {
                q.comparator = c;
                q.start = word_start;
                q.prefix_word = Some(w);
            }
        }
    }
    q
}

/// Base value: the value in the base unit (`1700亿元` → 1.7e11 CNY).
pub fn base_value(value: f64, factor: f64) -> f64 {
    let v = value * factor;
    // Round away binary noise (1700 × 1e8 is exact, 6.5 × 1e4 is not always).
    let scale = 1e6;
    if v.abs() < 1e12 {
        (v * scale).round() / scale
    } else {
        v.round()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `scan` acts on, character by character.
    fn starts_something(c: char) -> bool {
        matches!(c, '“' | '《' | '翻') || c.is_ascii_digit() || is_cn_numeral(c)
    }

    /// The value of a number as written is what `str::parse` gives, to the bit: integers and
    /// decimals of every length up to the longest read, with the point anywhere, and the edges
    /// of the exact range (15 and 16 digits, powers of two near 2^53).
    #[test]
    fn a_number_reads_as_parsing_reads_it() {
        let mut seed = 7u64;
        let mut digit = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            b'0' + (seed >> 33) as u8 % 10
        };
        let mut texts: Vec<String> = vec![
            "9007199254740993".into(),
            "9007199254740992".into(),
            "999999999999999".into(),
            "0.1".into(),
            "0.000000000000001".into(),
            "123456789012345.6".into(),
            "00000000000000000001".into(),
        ];
        for len in 1..=MAX_NUMBER_LEN {
            for point in 0..len {
                for _ in 0..40 {
                    let mut t: Vec<u8> = (0..len).map(|_| digit()).collect();
                    if point > 0 {
                        t.insert(point, b'.');
                    }
                    texts.push(String::from_utf8(t).unwrap());
                }
            }
        }
        for t in texts.iter().filter(|t| t.len() <= MAX_NUMBER_LEN) {
            let mut n = NumberText::default();
            t.bytes().for_each(|b| n.push(b));
            let parsed: f64 = t.parse().unwrap();
            assert_eq!(n.value().map(f64::to_bits), Some(parsed.to_bits()), "{t}");
        }
    }

    #[test]
    fn candidates_are_what_starts_something() {
        for c in (0..0x110000u32).filter_map(char::from_u32) {
            let bit = CANDIDATES.contains(c);
            assert_eq!(bit, starts_something(c), "{c:?}");
        }
    }

    #[test]
    fn scanning_at_given_candidates_is_scanning() {
        let text = "前言。完成重点项目投资1700亿元以上，“3个100”工程，翻一番、翻了两番；九成以上、两千人；4.5%—5%和4.5-5%。";
        let at: Vec<usize> = CANDIDATES.find_iter(text).map(|(i, _)| i).collect();
        let plain = |s: &str| format!("{:?}", scan(s));
        // Every piece that starts and ends at a character boundary, with the candidates of the
        // whole text given.
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a).step_by(3) {
                let within: Vec<usize> = at.iter().copied().filter(|&i| i >= a && i < b).collect();
                let piece = &text[a..b];
                assert_eq!(
                    format!("{:?}", scan_at(piece, &within, a)),
                    plain(piece),
                    "{piece}"
                );
            }
        }
        assert!(!scan(text).is_empty());
    }

    fn one(s: &str) -> Quantity {
        let q = scan(s);
        assert_eq!(q.len(), 1, "{s}: {q:?}");
        q.into_iter().next().unwrap()
    }

    #[test]
    fn arabic_numbers_with_magnitudes_and_units() {
        let q = one("完成重点项目投资1700亿元以上");
        assert_eq!(
            (q.value, q.unit.as_str(), q.comparator),
            (1700.0, "亿元", Comparator::Ge)
        );
        assert_eq!(base_value(q.value, q.factor), 170_000_000_000.0);
        let q = one("已建在建电力装机2705万千瓦");
        assert_eq!((q.value, q.unit.as_str()), (2705.0, "万千瓦"));
        let q = one("完成设备更新6.5万台（套）");
        assert_eq!(q.unit, "万台(套)");
        // A bracket that never closes holds no measure word (found by the property test).
        let q = one("投资5亿元（%");
        assert_eq!((q.value, q.unit.as_str()), (5.0, "亿元"));
        let q = one("粮食产量1.4万亿斤");
        assert_eq!(
            (q.unit.as_str(), base_value(q.value, q.factor)),
            ("万亿斤", 1.4e12)
        );
        let q = one("投资1,200亿元");
        assert_eq!(q.value, 1200.0);
        let q = one("发电量达到56亿千瓦时");
        assert_eq!(q.unit, "亿千瓦时");
    }

    #[test]
    fn comparators_before_and_after() {
        assert_eq!(one("粮食产量突破110万吨").comparator, Comparator::Gt);
        assert_eq!(one("开展活动10万余场次").comparator, Comparator::Gt);
        assert_eq!(one("开展活动10万余场次").unit, "万场次");
        assert_eq!(one("巩固提升近70万亩").comparator, Comparator::Approx);
        assert!(scan("最近5年投入").is_empty());
        assert_eq!(one("附近5个村").comparator, Comparator::Eq);
        assert_eq!(one("增长5%左右").comparator, Comparator::Approx);
        assert_eq!(one("控制在3%以内").comparator, Comparator::Le);
        assert_eq!(one("不低于90%").comparator, Comparator::Ge);
        assert_eq!(one("新建学校300多所").comparator, Comparator::Gt);
    }

    #[test]
    fn ranges_in_every_spelling() {
        for s in [
            "增长4.5%—5%",
            "增长4.5%-5%",
            "增长4.5%至5%",
            "增长4.5-5%",
            "增长4.5%~5%",
        ] {
            let q = one(s);
            assert_eq!(
                (q.value, q.high, q.comparator),
                (4.5, Some(5.0), Comparator::Range),
                "{s}"
            );
            assert_eq!(q.unit, "%");
        }
    }

    #[test]
    fn chinese_numeral_quantities() {
        let q = one("财政科技投入翻一番");
        assert_eq!((q.value, q.unit.as_str()), (1.0, "番"));
        assert_eq!(one("翻了七番以上").comparator, Comparator::Ge);
        assert_eq!(one("培训两千人").value, 2000.0);
        let q = one("新增产能三百万吨");
        assert_eq!((q.value, q.unit.as_str()), (300.0, "万吨"));
        assert!(scan("锚定“四件大事”，做好九个方面工作，千家万户").is_empty());
        assert!(scan("打造百万吨级基地").is_empty());
        assert!(scan("实施“十四五”规划，党的二十大").is_empty());
    }

    #[test]
    fn codes_dates_and_ordinals_are_not_quantities() {
        assert!(scan("2025年1月19日在第十二届人民代表大会第3次会议上").is_empty());
        assert!(scan("G318川藏段，5G基站，“7+1”模式，CN54—1059/D，邮发代号68—19").is_empty());
        assert!(scan("电话（0891）6322211，康昂东路1号附2号").is_empty());
        assert!(scan("第1期").is_empty());
    }

    #[test]
    fn percent_points_and_multiples() {
        assert_eq!(one("下降0.5个百分点").unit, "个百分点");
        assert_eq!(one("增长1.5倍").unit, "倍");
        assert_eq!(one("增长3‰").unit, "‰");
    }
}
