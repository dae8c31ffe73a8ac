//! Extraction: every numeric result and target of a document, with its unit, comparator,
//! indicator, kind, year and where it came from.
//!
//! For each sentence: `scan` finds the quantities; then, clause by clause, each gets its subject
//! (the indicator), `分别` lists are distributed over their subjects, stretch values (`力争`) and
//! directions are read, and the sentence's place in the report and its wording decide the kind.

mod cues;
pub mod scan;

use crate::chars::{BmpSet, WordSet, intern};
use crate::document::{CharCursor, Covers, Document, Node, NodeKind};
use crate::lexicon::catalogue;
use crate::lexicon::units::UnitClass;
use crate::lexicon::words::{
    COMPARISON_BASES, COMPARISON_VERBS, Comparator, HISTORY_MIN_YEARS, LEADING_NOISE, NOUN_STOPS,
    PERIOD_WORDS, TARGET_GE_PREFIXES, TRAILING_NOISE,
};
use crate::patterns;
pub use compact_str::CompactString;
use cues::{Asked, Cues, List};
use scan::{Quantity, base_value};
use serde::Serialize;
use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

/// Result, target or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Result,
    Target,
    Context,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Result => "result",
            Kind::Target => "target",
            Kind::Context => "context",
        }
    }
}

/// Increase or decrease, as the verb before the value says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// One numeric mention: the public record of `gazette extract`.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    /// What the figure measures, as the sentence names it. The strings of a mention are
    /// `CompactString`s: a short one (24 bytes and less: every unit and figure text, most names)
    /// is held in place, not allocated (a large input has hundreds of thousands of them).
    pub indicator: CompactString,
    pub key: Option<&'static str>,
    pub label_en: Option<&'static str>,
    pub value: f64,
    pub high: Option<f64>,
    pub unit: CompactString,
    pub unit_class: UnitClass,
    pub base_value: f64,
    pub base_high: Option<f64>,
    pub base_unit: &'static str,
    pub comparator: Comparator,
    pub stretch: bool,
    pub direction: Option<Direction>,
    pub kind: Kind,
    pub year: Option<i32>,
    pub period: Option<CompactString>,
    /// Shared by the mentions of one sentence (a large input has many).
    pub section: Arc<str>,
    pub sentence: Arc<str>,
    pub text: CompactString,
    /// `[start, end)` in characters of the canonical text.
    pub span: [usize; 2],
    pub page: u32,
    /// Byte span in the canonical text (internal; spans for users are in characters).
    #[serde(skip)]
    pub byte_span: (usize, usize),
}

// History openings (`^[^，。\d]{0,12}(\d+)多?年(?:来|以来|间)`, `60年来，…`) and named years
// (`((?:19|20)\d{2})年`) are read by the hand-written matchers of `patterns`.
/// `s` opens with a comparison with a wider area (`高于全国`, `COMPARISON_VERBS` then
/// `COMPARISON_BASES`).
fn is_comparison(s: &str) -> bool {
    COMPARISON_VERBS
        .iter()
        .find_map(|v| s.strip_prefix(v))
        .is_some_and(|rest| COMPARISON_BASES.iter().any(|b| rest.starts_with(b)))
}
// The time frames of a paragraph: words that put the rest of it in the coming plan period
// (`patterns::plan_horizon_at`) or in the past five years (`review_horizon_at`), and what brings
// it back to the coming year (`this_year_at`); `到2030年` (`patterns::by_year`); anniversaries
// (`patterns::anniversary`).

/// Where a sentence sits: what its part covers, which year, its section title.
struct Place<'a> {
    covers: Option<Covers>,
    in_report: bool,
    section: Arc<str>,
    /// Title of the part (empty outside parts).
    part_title: &'a str,
    /// Bytes where the sentence's paragraph starts and ends (time horizons carry over a
    /// paragraph).
    para_start: usize,
    para_end: usize,
}

/// Extract every mention of a document, in text order.
pub fn extract(doc: &Document) -> Vec<Indicator> {
    let text = doc.text();
    // Mentions come in text order: their character offsets are counted as the text is walked.
    let mut walk = Walk::default();
    // Room for the mentions at once (`mentions_to_reserve`): growing a vector copies it, and a
    // capacity not used is not touched.
    walk.out.reserve(mentions_to_reserve(text.len()));
    // Where sentence marks, scan candidates and the first characters of time words stand in the
    // paragraph being read.
    let (mut marks, mut candidates, mut time_words) = (Vec::new(), Vec::new(), Vec::new());
    // The sentences of the paragraph being read, as byte ranges in it.
    let mut spans = Vec::new();
    // Whether the last part met is a glossary: a part's paragraphs come one after another, and
    // its title is searched once, not for each of them.
    let mut last_part: Option<(&Node, bool)> = None;
    doc.root.walk(&mut |para, path| {
        if !para.has_sentences {
            return;
        }
        // The masthead, editorial board and contents hold phone numbers and page numbers, not figures.
        if path.iter().any(|p| {
            matches!(
                p.kind,
                NodeKind::Masthead | NodeKind::EditorialBoard | NodeKind::Contents
            )
        }) {
            return;
        }
        // A glossary at the end of a report defines terms; its numbers are not figures.
        for &part in path.iter().filter(|p| p.kind == NodeKind::Part) {
            let glossary = match last_part {
                Some((last, answer)) if std::ptr::eq(last, part) => answer,
                _ => part.title.contains("名词解释"),
            };
            last_part = Some((part, glossary));
            if glossary {
                return;
            }
        }
        let Some(own) = text.get(para.start..para.end) else {
            return;
        };
        let mut paragraph = Paragraph {
            path,
            node: para,
            place: None,
            // Asked once for the paragraph: most hold nothing the fold changed, and then none
            // of their sentences does.
            folded: doc.folded_within(para.start, para.end),
        };
        // One pass over the paragraph finds what splitting it into sentences and scanning them
        // act on (offsets in the text).
        marks.clear();
        candidates.clear();
        time_words.clear();
        let ParagraphStops { set, classes } = &*PARAGRAPH_STOPS;
        for (at, c) in set.find_iter(own) {
            let class = classes.get(c as usize).copied().unwrap_or(0);
            if class & SENTENCE_MARK != 0 {
                marks.push((at, c));
            }
            if class & CANDIDATE != 0 {
                candidates.push(para.start + at);
            }
            if class & TIME_WORD_FIRST != 0 {
                time_words.push((para.start + at, c));
            }
        }
        crate::segment::sentences_at(own, &marks, &mut spans);
        // The sentences come in order, and so do the candidates: each sentence's are the next
        // ones up to its end.
        let mut first = 0;
        for &(start, end) in &spans {
            let (start, end) = (para.start + start, para.start + end);
            let from = first + candidates[first..].partition_point(|&at| at < start);
            first = from
                + candidates[from..]
                    .iter()
                    .take_while(|&&at| at < end)
                    .count();
            let stops = Stops {
                candidates: &candidates[from..first],
                time_words: &time_words,
            };
            sentence(doc, (start, end), stops, &mut paragraph, &mut walk);
        }
    });
    walk.out
}

/// How many mentions to reserve room for at the start, for a text of `len` bytes. A provincial
/// report holds one every 250 to 300 bytes: a report (up to `REPORT_MENTIONS` of them) gets room
/// for one every `BYTES_PER_MENTION_IN_A_REPORT` bytes, and is not grown. A larger text, whose
/// vector grows by remapping its pages rather than by copying them, gets room for one every
/// `BYTES_PER_MENTION` bytes: room reserved for many more (one every 256 bytes was tried on a
/// 26 MB input) pushes the many small pieces allocated after it past the part of the heap asked
/// for huge pages, and costs more page faults than the copies it spares.
fn mentions_to_reserve(len: usize) -> usize {
    (len / BYTES_PER_MENTION_IN_A_REPORT)
        .min(REPORT_MENTIONS)
        .max(len / BYTES_PER_MENTION)
        .min(MAX_MENTIONS_RESERVED)
}

const BYTES_PER_MENTION_IN_A_REPORT: usize = 256;
const REPORT_MENTIONS: usize = 4096;
const BYTES_PER_MENTION: usize = 512;

/// At most this many mentions are reserved for at the start (18 MB): the largest input allowed
/// (200 MB) does not reserve 100 MB of address space it may never use.
const MAX_MENTIONS_RESERVED: usize = 1 << 16;

/// The characters sentence splitting, the scan and the time words act on: one pass over a
/// paragraph finds them all, and asks one table what each is.
struct ParagraphStops {
    set: BmpSet,
    /// What each character of the set is, a byte per character of the Basic Multilingual
    /// Plane (only the few lines of the stops are ever read): one look for the three questions
    /// asked of every stop.
    classes: Box<[u8]>,
}

static PARAGRAPH_STOPS: LazyLock<ParagraphStops> = LazyLock::new(|| {
    let mut classes = vec![0u8; 0x10000].into_boxed_slice();
    let stops: Vec<char> = crate::segment::SENTENCE_MARK_CHARS
        .into_iter()
        .map(|c| (c, SENTENCE_MARK))
        .chain(scan::candidate_chars().map(|c| (c, CANDIDATE)))
        .chain(patterns::time_word_firsts().map(|c| (c, TIME_WORD_FIRST)))
        .filter_map(|(c, class)| {
            *classes.get_mut(c as usize)? |= class;
            Some(c)
        })
        .collect();
    ParagraphStops {
        set: BmpSet::of(stops),
        classes,
    }
});

/// The classes of `ParagraphStops::classes`.
const SENTENCE_MARK: u8 = 1;
const CANDIDATE: u8 = 2;
const TIME_WORD_FIRST: u8 = 4;

/// What the pass over a paragraph found for one of its sentences, as offsets in the text: where
/// the scan's candidates stand in the sentence, and the first characters of time words in the
/// whole paragraph.
#[derive(Clone, Copy)]
struct Stops<'p> {
    candidates: &'p [usize],
    time_words: &'p [(usize, char)],
}

impl Stops<'_> {
    /// The first characters of time words in `[start, end)` of the text, as offsets from `start`.
    fn time_words_in(&self, start: usize, end: usize) -> impl Iterator<Item = (usize, char)> + '_ {
        let from = self.time_words.partition_point(|&(at, _)| at < start);
        self.time_words[from..]
            .iter()
            .take_while(move |&&(at, _)| at < end)
            .map(move |&(at, c)| (at - start, c))
    }
}

/// A paragraph whose sentences are read: `path` is its ancestors. Its place is the same for all
/// its sentences, and is worked out when the first of them holds a figure.
struct Paragraph<'a, 'w> {
    path: &'w [&'a Node],
    node: &'a Node,
    place: Option<Place<'a>>,
    /// The fold changed a character of the paragraph.
    folded: bool,
}

impl<'a> Paragraph<'a, '_> {
    fn place(&mut self, last_section: &mut Arc<str>) -> &Place<'a> {
        self.place
            .get_or_insert_with(|| place_of(self.path, self.node, last_section))
    }
}

/// Where a sentence of paragraph `para` sits, `path` being the paragraph's ancestors. Its section
/// is `last` when they are titled alike, so that the mentions of a section share one title.
fn place_of<'a>(path: &[&'a Node], para: &Node, last: &mut Arc<str>) -> Place<'a> {
    let part = path.iter().rev().find(|n| n.kind == NodeKind::Part);
    let item = path.iter().rev().find(|n| n.kind == NodeKind::Item);
    let in_report = path.iter().any(|n| n.kind == NodeKind::WorkReport);
    let head = part.map_or_else(
        || {
            path.iter()
                .rev()
                .find(|n| {
                    matches!(
                        n.kind,
                        NodeKind::Preamble | NodeKind::Article | NodeKind::FrontMatter
                    )
                })
                .map_or("", |n| n.title.as_str())
        },
        |p| p.title.as_str(),
    );
    // The section is `head`, or `head / item`: compared with the last one before it is written.
    const JOIN: &str = " / ";
    let same = match item {
        None => **last == *head,
        Some(item) => last
            .strip_prefix(head)
            .and_then(|rest| rest.strip_prefix(JOIN))
            .is_some_and(|rest| rest == item.title),
    };
    if !same {
        *last = match item {
            None => head.into(),
            Some(item) => format!("{head}{JOIN}{}", item.title).into(),
        };
    }
    let (para_start, para_end) = (para.start, para.end);
    Place {
        covers: part.and_then(|p| p.covers),
        in_report,
        section: last.clone(),
        part_title: part.map_or("", |p| p.title.as_str()),
        para_start,
        para_end,
    }
}

/// Words by a character of theirs.
struct WordsBy(crate::chars::ByChar<&'static str>);

impl WordsBy {
    fn new(words: &[&'static str], key: fn(&str) -> Option<char>) -> WordsBy {
        WordsBy(crate::chars::ByChar::new(
            words.iter().filter_map(|w| Some((key(w)?, *w))).collect(),
        ))
    }

    /// The words whose character is `c`.
    fn with(&self, c: char) -> impl Iterator<Item = &'static str> + '_ {
        self.0.get(c).iter().copied()
    }
}

static NOISE_BY_FIRST: LazyLock<WordsBy> =
    LazyLock::new(|| WordsBy::new(LEADING_NOISE, |w| w.chars().next()));
static NOISE_BY_LAST: LazyLock<WordsBy> =
    LazyLock::new(|| WordsBy::new(TRAILING_NOISE, |w| w.chars().next_back()));

/// The longest word of `LEADING_NOISE` that `s` starts with (only the words that start with the
/// character there are asked).
fn leading_noise(s: &str) -> Option<&'static str> {
    longest_at_end(&NOISE_BY_FIRST, s.chars().next(), |w| {
        crate::chars::starts_with(s, w)
    })
}

/// The longest word of `TRAILING_NOISE` that `s` ends with.
fn trailing_noise(s: &str) -> Option<&'static str> {
    longest_at_end(&NOISE_BY_LAST, s.chars().next_back(), |w| {
        crate::chars::ends_with(s, w)
    })
}

/// The longest of the words `by` files under `end` (the character at one end of a text) that
/// `stands` says stand at that end.
fn longest_at_end(
    by: &WordsBy,
    end: Option<char>,
    stands: impl Fn(&str) -> bool,
) -> Option<&'static str> {
    by.with(end?).filter(|w| stands(w)).max_by_key(|w| w.len())
}

fn strip_noise(mut s: &str) -> &str {
    loop {
        let before = s;
        s = s.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '、' | '“' | '”' | '（' | '）')
        });
        if let Some(w) = leading_noise(s) {
            s = &s[w.len()..];
        }
        if let Some(w) = trailing_noise(s) {
            s = &s[..s.len() - w.len()];
        }
        if let Some(end) = crate::patterns::year_nian_at(s, 0) {
            s = s[end..].trim_start_matches(['，', ',']);
        }
        // Only ever cut at its ends: the same length is the same text.
        if s.len() == before.len() {
            return s;
        }
    }
}

/// The words that end the noun after a quantity (`NOUN_STOPS`), by their first character. They
/// are looked for only in the stretch after each quantity, not with the cue words over the whole
/// sentence: many start with the commonest characters (`、`, `的`, `和`), and would make that
/// pass stop at one character in six instead of one in ten.
static NOUN_STOP_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    let mut words = Vec::new();
    for w in NOUN_STOPS {
        intern(&mut words, w);
    }
    WordSet::new(words).expect("noun stops start in the Basic Multilingual Plane")
});

/// The noun after a quantity that names what was counted (`38个物流园区顺利投产` → 物流园区):
/// `s[from..clause_end]` up to the first noun stop.
fn noun_after(s: &str, from: usize, clause_end: usize) -> &str {
    // The stop words that occur in the clause, as (place in the list, start, end), by place:
    // each in the list's order cuts the clause where it first occurs before the cut so far.
    let mut present: smallvec::SmallVec<[(usize, usize, usize); 8]> = smallvec::SmallVec::new();
    NOUN_STOP_WORDS.each_occurrence(&s[from..clause_end], |word, start, stop| {
        present.push((word, from + start, from + stop));
    });
    present.sort_unstable();
    let mut end = clause_end;
    for word in present.chunk_by(|a, b| a.0 == b.0) {
        if let Some(k) = word
            .iter()
            .filter(|&&(_, start, stop)| start >= from && stop <= end)
            .map(|&(_, start, _)| start)
            .min()
            .filter(|&k| k > from)
        {
            end = k;
        }
    }
    let clause = s[from..end].trim_matches(|c: char| c.is_ascii_digit() || c == '%');
    if clause.chars().count() > 20 || clause.chars().any(|c| c.is_ascii_digit()) {
        return "";
    }
    clause
}

/// Compound subjects that a `分别` list splits into one subject per value.
const EXPANSIONS: &[(&str, &[&str])] = &[
    ("城乡", &["城镇", "农村"]),
    ("一二三产业", &["第一产业", "第二产业", "第三产业"]),
    ("一二三产", &["第一产业", "第二产业", "第三产业"]),
    ("一、二、三产业", &["第一产业", "第二产业", "第三产业"]),
    ("一、二、三产", &["第一产业", "第二产业", "第三产业"]),
    ("进出口", &["进口", "出口"]),
    ("中小学", &["中学", "小学"]),
];

/// Split a compound subject (`城乡…`, `一二三产…`) into `n` subjects.
fn split_compound(subject: &str, n: usize) -> Option<Vec<String>> {
    EXPANSIONS.iter().find_map(|(compound, parts)| {
        let k = crate::chars::find(subject, compound).filter(|_| parts.len() == n)?;
        let (head, tail) = (&subject[..k], &subject[k + compound.len()..]);
        Some(parts.iter().map(|p| format!("{head}{p}{tail}")).collect())
    })
}

/// Split the subject of a `分别` list into `n` subjects, or `None` if it does not split so.
pub fn split_subjects(subject: &str, n: usize) -> Option<Vec<String>> {
    if let Some(split) = split_compound(subject, n) {
        return Some(split);
    }
    let parts: Vec<&str> = subject
        .split(['、', '和', '及', '与'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != n || n < 2 {
        return None;
    }
    // `城镇、农村居民人均可支配收入`: short leading parts share the tail of the last one.
    let last = parts[n - 1];
    Some(
        parts
            .iter()
            .map(|p| {
                let len = p.chars().count();
                if *p != last && len <= 3 && last.chars().count() > len + 1 {
                    let tail: String = last.chars().skip(len).collect();
                    format!("{p}{tail}")
                } else {
                    p.to_string()
                }
            })
            .collect(),
    )
}

/// Where the clauses of a sentence break: the byte of each break mark, as the pass for its cue
/// words noted them.
#[derive(Clone, Copy)]
struct Clauses<'a> {
    breaks: &'a [usize],
    len: usize,
}

impl<'a> Clauses<'a> {
    /// The clauses of `s`, whose cue words are `cues`.
    fn of(s: &str, cues: &'a Cues) -> Clauses<'a> {
        Clauses {
            breaks: cues.clause_breaks(),
            len: s.len(),
        }
    }

    /// Start of the clause that holds byte `at`: after the last break before it.
    fn start(&self, s: &str, at: usize) -> usize {
        let k = self.breaks.partition_point(|&b| b < at);
        k.checked_sub(1).map_or(0, |k| {
            let p = self.breaks[k];
            p + s[p..].chars().next().map_or(1, char::len_utf8)
        })
    }

    /// End of the clause that goes on from byte `at`: the first break at or after it.
    fn end(&self, at: usize) -> usize {
        let k = self.breaks.partition_point(|&b| b < at);
        self.breaks.get(k).copied().unwrap_or(self.len)
    }
}

/// Years named in a sentence (`YEAR_NAMED`), each with whether it is a comparison base.
#[derive(Default)]
struct NamedYears {
    found: Vec<(usize, usize, Option<i32>, bool)>,
}

impl NamedYears {
    #[cfg(test)]
    fn of(s: &str) -> NamedYears {
        let mut years = NamedYears::default();
        years.read(s);
        years
    }

    /// Make these the years named in `s`.
    fn read(&mut self, s: &str) {
        self.found.clear();
        self.found.extend(crate::patterns::years(s).map(|(a, b)| {
            let base = ["比", "较", "与", "同", "相比"]
                .iter()
                .any(|w| crate::chars::ends_with(&s[..a], w));
            (a, b, s[a..b - '年'.len_utf8()].parse().ok(), base)
        }));
    }

    /// `named_years(&s[from..to])`: a year's match lies wholly in the slice, and no match of the
    /// pattern can reach across its edges differently (each is four digits and `年`).
    fn within(&self, from: usize, to: usize) -> impl Iterator<Item = i32> + '_ {
        self.found
            .iter()
            .filter(move |&&(a, b, _, base)| a >= from && b <= to && !base)
            .filter_map(|&(_, _, y, _)| y)
    }
}

/// What a sentence says about time, found once for all its mentions (the room of one
/// sentence's kept for the next).
#[derive(Default)]
struct SentenceFacts {
    cues: Cues,
    years: NamedYears,
    /// Where the first `BY_YEAR` match ends (`到2030年`).
    by_year_end: Option<usize>,
    history: bool,
}

impl SentenceFacts {
    /// Make these the facts of `s`, given where the first characters of time words stand in it
    /// when they are known, what its part covers and the year the report plans.
    fn read(
        &mut self,
        s: &str,
        time_words: Option<impl Iterator<Item = (usize, char)>>,
        covers: Option<Covers>,
        target_year: Option<i32>,
    ) {
        self.years.read(s);
        let by_year = match time_words {
            Some(at) => crate::patterns::by_year_from(s, at),
            None => crate::patterns::by_year(s),
        };
        self.by_year_end = by_year.map(|(end, _)| end);
        // The cue words of the lists `kind_of` and the reading of clauses ask about a sentence
        // where it stands: in a review, the target words only when a year to come is named.
        let asked = match covers {
            None => Asked::All,
            Some(Covers::Review) => {
                // What `kind_of` reads as naming the future, anywhere in the sentence.
                let future = self.by_year_end.is_some()
                    || self
                        .years
                        .within(0, s.len())
                        .any(|y| target_year.is_some_and(|t| y >= t));
                if future {
                    Asked::ReviewFuture
                } else {
                    Asked::Review
                }
            }
            Some(Covers::Plan) | Some(Covers::Other) => Asked::Plan,
        };
        self.cues.read(s, asked);
        self.history = crate::patterns::history(s)
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|n| n >= HISTORY_MIN_YEARS);
    }
}

/// What the walk over a document's sentences carries from one sentence to the next.
#[derive(Default)]
struct Walk {
    /// Character offsets of mentions, counted as the text is walked.
    chars: CharCursor,
    /// The section of the last sentence read: the sentences of one section share its title.
    last_section: Arc<str>,
    frames: ParaFrames,
    /// The mentions found so far.
    out: Vec<Indicator>,
    /// Room for the quantities of a sentence, what is read of each, and their subjects, kept
    /// from one sentence to the next (most sentences that hold a figure hold a few).
    quantities: Vec<Quantity>,
    readings: Vec<Reading>,
    subjects: Vec<CompactString>,
    facts: SentenceFacts,
}

/// What the reading of a sentence's clauses says of one of its quantities.
#[derive(Debug, Clone, Copy)]
struct Reading {
    /// Where its clause starts.
    clause_start: usize,
    /// The text between the quantity before it (or its clause's start) and it, as a byte range.
    before: (usize, usize),
    /// Under `力争` and the like.
    stretch: bool,
    direction: Option<Direction>,
    /// Its subject was read after its number (`7个社区`): the next value of a list's too.
    from_after: bool,
    comparator: Comparator,
}

/// Mentions of the sentence `span` (its byte range in the text; `stops`: what the pass over its
/// paragraph found).
fn sentence(
    doc: &Document,
    span: (usize, usize),
    stops: Stops,
    para: &mut Paragraph,
    walk: &mut Walk,
) {
    let Walk {
        chars,
        last_section,
        frames,
        out,
        quantities,
        readings,
        subjects,
        facts,
    } = walk;
    let text = doc.text();
    let (start, end) = span;
    let raw = &text[start..end];
    // Where the fold changed the sentence, the candidates of the original may not be its own.
    let unfolded = !(para.folded && doc.folded_within(start, end));
    // A sentence whose only candidates open names (or that has none) holds no quantity.
    if unfolded
        && stops
            .candidates
            .iter()
            .all(|&at| text[at..].starts_with(scan::NAME_OPENERS))
    {
        return;
    }
    // The rules read the sentence as the script fold wrote it (a copy only where it changed it).
    let s_owned = if unfolded {
        Cow::Borrowed(raw)
    } else {
        doc.folded(start, end)
    };
    let s: &str = &s_owned;
    if unfolded {
        scan::scan_at_into(s, stops.candidates, start, quantities);
    } else {
        scan::scan_into(s, quantities);
    }
    if quantities.is_empty() {
        return;
    }
    let place = para.place(last_section);
    let sentence: Arc<str> = Arc::from(raw);
    facts.read(
        s,
        unfolded.then(|| stops.time_words_in(start, end)),
        place.covers,
        doc.meta.target_year,
    );
    let facts: &SentenceFacts = facts;
    let cues = &facts.cues;
    let clauses = Clauses::of(s, cues);

    // Subjects and attributes, clause by clause.
    readings.clear();
    subjects.clear();
    for (k, q) in quantities.iter().enumerate() {
        let clause_start = clauses.start(s, q.start);
        let prev_end = if k > 0 { quantities[k - 1].end } else { 0 };
        let seg_start = clause_start.max(prev_end);
        let before = &s[seg_start..q.start];
        // `力争` covers its whole clause (`力争…投资2400亿元、450亿元`) but not what came before it
        // (`增长7%以上、力争达到8%`). In a review, `争取` means funds obtained, not an aspiration.
        let stretch =
            place.covers != Some(Covers::Review) && cues.any(List::Stretch, clause_start, q.start);
        let direction = direction_in(cues, seg_start, q.start).or_else(|| {
            // A value in a list (`下降39.7%和39.1%`) shares the verb of the first.
            (k > 0 && seg_start == prev_end && is_connector(before))
                .then(|| readings[k - 1].direction)
                .flatten()
        });
        readings.push(Reading {
            clause_start,
            before: (seg_start, q.start),
            stretch,
            direction,
            from_after: false,
            comparator: q.comparator,
        });
        let in_list = k > 0 && seg_start == prev_end;
        let stripped = strip_noise(before);
        // `7个社区、12名志愿者`, `全部县区和85%以上村镇`: the noun follows the number.
        // `开通3条地铁新线`: a short verb before a count, the counted noun after it. The noun is
        // read only where it can be the subject (most figures have theirs before them).
        let verb_only = q.unit_class == UnitClass::Count && stripped.chars().count() <= 4;
        let after = (!(stretch && in_list)
            && (stripped.is_empty()
                || verb_only
                || (in_list && readings[k - 1].from_after)
                || before.trim_end().ends_with(['和', '及', '与', '、'])))
        .then(|| noun_after(s, q.end, clauses.end(q.end)))
        .filter(|after| !after.is_empty());
        let comparison = is_comparison(stripped);
        let subject = if let Some(after) = after {
            readings[k].from_after = true;
            CompactString::from(after)
        } else if comparison && k > 0 {
            // `增长7.6%，高于全国1.7个百分点`: the comparison is about the previous subject.
            compact_str::format_compact!("{}{}", subjects[k - 1], stripped)
        } else if !(stripped.is_empty() || in_list && is_connector(before)) {
            CompactString::from(stripped)
        } else if k > 0 {
            // `地区生产总值67665亿元，增长5.5%`, `7248亿元提高到8865亿元`: the same subject.
            subjects[k - 1].clone()
        } else {
            CompactString::default()
        };
        subjects.push(subject);
    }
    distribute(s, quantities, subjects, readings);

    // The time frames of the paragraph (as folded) up to each mention.
    frames.cover(doc, place.para_start, place.para_end, &stops);
    let frames: &ParaFrames = frames;
    // What a generic indicator word is keyed by: made once, and only if asked.
    let key_context = std::cell::OnceCell::new();
    let key_context = || {
        key_context
            .get_or_init(|| format!("{}{s}", place.section))
            .as_str()
    };
    // Read in place (a quantity is a few hundred bytes): the room is emptied at the next scan.
    for (k, q) in quantities.iter_mut().enumerate() {
        let horizon = horizon_of(
            doc,
            place,
            frames,
            start - place.para_start + q.number_start,
        );
        let reading = readings[k];
        let kind = kind_of(doc, place, s, q, facts, reading.stretch, &horizon);
        let mut comparator = reading.comparator;
        if kind == Kind::Target
            && q.prefix_word
                .is_some_and(|w| TARGET_GE_PREFIXES.contains(&w))
        {
            comparator = Comparator::Ge;
        }
        let unit = written_unit(raw, q);
        let q: &Quantity = q;
        let keyed = |name: &str| {
            (kind != Kind::Context)
                .then(|| catalogue::key_for_with(name, q.unit_class, key_context))
                .flatten()
        };
        // `社会消费品零售总额、固定资产投资增长4%左右`: one value for several headline indicators
        // gives one mention each.
        // The subject is read for the last time here: a mention named by all of it takes it.
        let subject = std::mem::take(&mut subjects[k]);
        let parts: Option<Vec<&str>> = subject
            .contains('、')
            .then(|| subject.split('、').filter(|p| !p.is_empty()).collect())
            .filter(|parts: &Vec<&str>| {
                parts.len() > 1 && parts.iter().filter(|p| keyed(p).is_some()).count() > 1
            });
        let (year, period) = year_and_period(
            doc,
            kind,
            facts,
            reading.clause_start,
            q.number_start,
            &horizon,
        );
        let (bs, be) = (start + q.start, start + q.end);
        let mut mention =
            |indicator: CompactString, unit: CompactString, period: Option<CompactString>| {
                let entry = keyed(&indicator);
                out.push(Indicator {
                    indicator,
                    key: entry.map(|e| e.key),
                    label_en: entry.map(|e| e.label_en),
                    value: q.value,
                    high: q.high,
                    unit,
                    unit_class: q.unit_class,
                    base_value: base_value(q.value, q.factor),
                    base_high: q.high.map(|h| base_value(h, q.factor)),
                    base_unit: q.base_unit,
                    comparator,
                    stretch: reading.stretch,
                    direction: reading.direction,
                    kind,
                    year,
                    period,
                    section: place.section.clone(),
                    sentence: sentence.clone(),
                    text: CompactString::from(&text[bs..be]),
                    span: [chars.at(text, bs), chars.at(text, be)],
                    page: doc.canonical.page_at(bs),
                    byte_span: (bs, be),
                });
            };
        match parts {
            Some(parts) => parts
                .into_iter()
                .for_each(|name| mention(name.into(), unit.clone(), period.clone())),
            None => mention(subject, unit, period),
        }
    }
}

/// The unit in the source's own spelling (traditional characters kept), brackets made ASCII.
/// Nearly always the pieces spell the quantity's own unit (the fold changed nothing in them, and
/// no bracket or `每` was rewritten): the quantity's is taken then, not spelled again.
fn written_unit(raw: &str, q: &mut Quantity) -> CompactString {
    let pieces = || q.unit_pieces.iter().filter_map(|&(a, b)| raw.get(a..b));
    let spelled: usize = pieces().map(str::len).sum();
    let same = spelled == q.unit.len() && pieces().flat_map(str::bytes).eq(q.unit.bytes());
    let mut unit = if spelled == 0 || same {
        std::mem::take(&mut q.unit)
    } else {
        let mut unit = CompactString::with_capacity(spelled);
        pieces().for_each(|p| unit.push_str(p));
        unit
    };
    if unit.contains(['（', '）']) {
        unit = unit.replace('（', "(").replace('）', ")").into();
    }
    unit
}

/// Only list glue between two values (`和`, `、`, `及`).
fn is_connector(s: &str) -> bool {
    let t = s.trim();
    t.is_empty() || matches!(t, "和" | "、" | "及" | "与" | "以及" | "或")
}

/// The verb before a value (`s[from..to]`): the last word of increase or decrease in it.
fn direction_in(cues: &Cues, from: usize, to: usize) -> Option<Direction> {
    match (
        cues.last_end(List::Up, from, to),
        cues.last_end(List::Down, from, to),
    ) {
        (Some(u), Some(d)) => Some(if u >= d {
            Direction::Up
        } else {
            Direction::Down
        }),
        (Some(_), None) => Some(Direction::Up),
        (None, Some(_)) => Some(Direction::Down),
        (None, None) => None,
    }
}

/// `分别` lists: one subject per value, and the list's comparator on each value (each reading's
/// `comparator`, which starts as its quantity's).
fn distribute(
    s: &str,
    qs: &mut [Quantity],
    subjects: &mut [CompactString],
    readings: &mut [Reading],
) {
    let before = |r: &Reading| &s[r.before.0..r.before.1];
    let mut k = 0;
    while k < qs.len() {
        // A list: values after the first joined only by connectors.
        let mut last = k;
        while last + 1 < qs.len()
            && is_connector(before(&readings[last + 1]))
            && qs[last + 1].start == qs[last].end + before(&readings[last + 1]).len()
        {
            last += 1;
        }
        if last > k {
            // `控制在5%和3%以内`: a comparator after the last value; `分别突破9千亿元、3万亿元`:
            // one before the first. Either applies to every value of the list.
            let shared = if qs[last].suffix_comparator {
                Some(readings[last].comparator)
            } else {
                qs[k].prefix_word.map(|_| readings[k].comparator)
            };
            // `高于全国12.7个、12个百分点`: the unit written once, at the end.
            let last_unit = qs[last].clone();
            for j in k..=last {
                if let Some(c) = shared
                    && !qs[j].suffix_comparator
                    && readings[j].comparator == Comparator::Eq
                {
                    readings[j].comparator = c;
                }
                if j < last
                    && last_unit.unit.starts_with(qs[j].unit.as_str())
                    && last_unit.unit != qs[j].unit
                    && last_unit.unit_class != qs[j].unit_class
                {
                    qs[j].unit = last_unit.unit.clone();
                    qs[j].unit_class = last_unit.unit_class;
                    qs[j].base_unit = last_unit.base_unit;
                    qs[j].factor = last_unit.factor;
                    qs[j].unit_pieces.clear();
                }
            }
            // What stands before the list's first value in its clause.
            let lead = before(&readings[k]);
            let split = match crate::chars::find(lead, "分别") {
                Some(p) => split_subjects(strip_noise(&lead[..p]), last - k + 1),
                // Without 分别 only a compound subject splits (`城乡居民收入年均增长5.3%、8.1%`).
                None => split_compound(&subjects[k], last - k + 1),
            };
            if let Some(split) = split {
                for (j, name) in (k..=last).zip(split) {
                    subjects[j] = name.into();
                }
            }
        }
        k = last + 1;
    }
}

/// The time frame a mention sits in, read from its paragraph up to the mention and its part title.
#[derive(Debug, Clone, Default)]
struct Horizon {
    /// A coming period (`“十五五”时期`, `到2030年`): its end year and period name.
    plan: Option<(i32, CompactString)>,
    /// The past five years (`五年来`, `“十四五”时期`).
    review: Option<&'static str>,
}

/// End year of the N-th five-year plan (the 14th ends in 2025).
fn plan_end(n: u32) -> i32 {
    2025 + 5 * (n as i32 - 14)
}

/// The matches of the time-frame patterns in one paragraph, found once for all its mentions.
/// A mention's frame is read from the paragraph up to the mention: the last match in a prefix.
#[derive(Debug, Default)]
struct ParaFrames {
    /// The paragraph's byte range in the text, and the paragraph as folded when the fold changed
    /// it.
    span: (usize, usize),
    own: Option<String>,
    this_year: Vec<(usize, usize)>,
    plan: Vec<(usize, usize)>,
    review: Vec<(usize, usize)>,
}

impl ParaFrames {
    /// Make these the frames of the paragraph `doc.text()[start..end]` (kept while the sentences
    /// of one paragraph follow each other).
    fn cover(&mut self, doc: &Document, start: usize, end: usize, stops: &Stops) {
        if self.span == (start, end) {
            return;
        }
        let hay = doc.folded(start, end);
        [self.this_year, self.plan, self.review] = match hay {
            Cow::Borrowed(_) => patterns::time_frames_at(&hay, stops.time_words_in(start, end)),
            Cow::Owned(_) => patterns::time_frames(&hay),
        };
        self.span = (start, end);
        self.own = match hay {
            Cow::Owned(folded) => Some(folded),
            Cow::Borrowed(_) => None,
        };
    }

    /// The text the frames were found in.
    fn hay<'a>(&'a self, text: &'a str) -> &'a str {
        self.own
            .as_deref()
            .unwrap_or_else(|| &text[self.span.0..self.span.1])
    }
}

/// The last match of `re` in `hay[..end]`, given the matches of `re` in the whole of `hay`. The
/// matches of the prefix are those of the whole that end by `end`, up to the first one that does
/// not; the prefix can only hold further matches from where that one starts (no pattern here
/// looks around), and those are few bytes to search.
fn last_before(
    pattern: patterns::At,
    hay: &str,
    all: &[(usize, usize)],
    end: usize,
) -> Option<(usize, usize)> {
    let j = all.partition_point(|m| m.1 <= end);
    let mut last = j.checked_sub(1).map(|i| all[i]);
    if let Some(&(next, _)) = all.get(j) {
        let cut = &hay[..end];
        let mut at = next;
        while at < end
            && let Some(m) = patterns::find_from(cut, at, pattern)
        {
            last = Some(m);
            at = m.1;
        }
    }
    last
}

/// The time frame at byte `end` of the paragraph's text (`frames`).
fn horizon_of(doc: &Document, place: &Place, frames: &ParaFrames, end: usize) -> Horizon {
    let hay = frames.hay(doc.text());
    let this_year = last_before(patterns::this_year_at, hay, &frames.this_year, end).map(|m| m.0);
    let mut h = Horizon::default();
    let plan_last = last_before(patterns::plan_horizon_at, hay, &frames.plan, end);
    let plan_match = plan_last.map(|m| &hay[m.0..m.1]).or_else(|| {
        (this_year.is_none() && place.covers == Some(Covers::Plan))
            .then(|| {
                patterns::find_from(place.part_title, 0, patterns::plan_horizon_at)
                    .map(|(a, b)| &place.part_title[a..b])
            })
            .flatten()
    });
    let plan_at = plan_last.map_or(0, |m| m.0);
    if let Some(m) = plan_match.filter(|_| this_year.is_none_or(|t| t < plan_at)) {
        // The N-th five-year plan the match names, if it names one.
        let plan = patterns::five_year_plan(m);
        let year = if let Some((_, y)) = patterns::by_year(m) {
            y.parse().ok()
        } else if let Some(n) = plan {
            Some(plan_end(10 + n))
        } else {
            doc.meta.target_year.map(|t| t + 4)
        };
        if let Some(y) = year.filter(|&y| doc.meta.result_year.is_none_or(|r| y > r)) {
            let period = match plan {
                Some(n) => compact_str::format_compact!("{}th_five_year_plan", 10 + n),
                None => compact_str::format_compact!("by_{y}"),
            };
            h.plan = Some((y, period));
        }
    }
    if let Some(m) = last_before(patterns::review_horizon_at, hay, &frames.review, end) {
        h.review = Some(if hay[m.0..m.1].contains('十') {
            "14th_five_year_plan"
        } else {
            "five_years"
        });
    }
    h
}

fn kind_of(
    doc: &Document,
    place: &Place,
    s: &str,
    q: &Quantity,
    facts: &SentenceFacts,
    stretch: bool,
    horizon: &Horizon,
) -> Kind {
    // `before` is `s[..q.number_start]`; what is asked of it is asked of the sentence's cues and
    // years up to there.
    let before = q.number_start;
    let cues = &facts.cues;
    if facts.history
        || patterns::anniversary(&s[q.number_start..])
        || q.unit_class == UnitClass::Other
    {
        return Kind::Context;
    }
    if stretch || horizon.plan.is_some() {
        return Kind::Target;
    }
    let (ry, ty) = (doc.meta.result_year, doc.meta.target_year);
    let names_past = facts
        .years
        .within(0, before)
        .any(|y| ry.is_some_and(|r| y <= r));
    // The first `BY_YEAR` match ends first (no other can end inside it), so the prefix holds one
    // when that one ends in it.
    let names_future = facts.by_year_end.is_some_and(|e| e <= before)
        || facts
            .years
            .within(0, before)
            .any(|y| ty.is_some_and(|t| y >= t));
    match place.covers {
        Some(Covers::Review) => {
            if names_future && cues.any(List::ReviewTarget, 0, s.len()) {
                Kind::Target
            } else {
                Kind::Result
            }
        }
        Some(Covers::Plan) | Some(Covers::Other) => {
            let past = names_past || horizon.review.is_some() || cues.any(List::Past, 0, before);
            if past && !cues.any(List::Plan, 0, before) {
                Kind::Result
            } else {
                Kind::Target
            }
        }
        None => {
            let target_words = cues.any(List::TargetCues, 0, s.len());
            if !place.in_report && !target_words && !cues.any(List::ResultCues, 0, s.len()) {
                Kind::Result
            } else if names_future
                || (target_words && !names_past && !cues.any(List::ResultCues, 0, before))
            {
                Kind::Target
            } else {
                Kind::Result
            }
        }
    }
}

/// Year and period of a mention, from its clause up to the number (`s[from..to]`).
fn year_and_period(
    doc: &Document,
    kind: Kind,
    facts: &SentenceFacts,
    from: usize,
    to: usize,
    horizon: &Horizon,
) -> (Option<i32>, Option<CompactString>) {
    let named = facts.years.within(from, to).last();
    let period_word = facts
        .cues
        .first_listed(List::Periods, from, to)
        .map(|n| CompactString::const_new(PERIOD_WORDS[n].1));
    match kind {
        Kind::Target => {
            if let Some((y, p)) = &horizon.plan {
                (Some(*y), period_word.or(Some(p.clone())))
            } else {
                let year = named
                    .filter(|&y| doc.meta.target_year.is_none_or(|t| y >= t))
                    .or(doc.meta.target_year);
                (year, period_word)
            }
        }
        Kind::Result => {
            let year = named
                .filter(|&y| doc.meta.result_year.is_none_or(|r| y <= r))
                .or(doc.meta.result_year);
            (
                year,
                period_word.or(horizon.review.map(CompactString::const_new)),
            )
        }
        Kind::Context => (None, None),
    }
}

#[cfg(test)]
mod tests;

/// The helpers that answer from matches found once give what searching the slice would.
#[cfg(test)]
mod same_answers {
    use super::*;
    use crate::lexicon::words::CLAUSE_BREAKS;
    use regex::Regex;

    static YEAR_NAMED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})年").expect("year pattern"));
    static BY_YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:到|至|截至)((?:19|20)\d{2})年").expect("by-year pattern"));

    const TEXTS: &[&str] = &[
        "今年以来，“十五五”时期开局良好，到2030年基本实现；过去五年，五年来，“十四五”期间增长。明年2026年工作要点，十五五规划，今后五年，未来五年。",
        "2025年工作主要2026年经济全省增长，比2020年增长，较2019年，与2018年相比，2021年全区要，“十六五”末，十三五以来",
        "没有时间的句子，只有数字5%和3个。",
        "十五五时期”今年今年明年到1999年到20999年",
    ];

    /// A report gets room for all its mentions; a large input for as many as it held before
    /// this rule, never more than the cap; and more text never gets less room.
    #[test]
    fn room_for_mentions_follows_the_size_of_the_text() {
        assert_eq!(mentions_to_reserve(57_000), 222);
        assert_eq!(mentions_to_reserve(1 << 20), REPORT_MENTIONS);
        assert_eq!(
            mentions_to_reserve(26_000_000),
            26_000_000 / BYTES_PER_MENTION
        );
        assert_eq!(mentions_to_reserve(200 << 20), MAX_MENTIONS_RESERVED);
        let sizes: Vec<usize> = (0..40).map(|k| 1usize << (k / 2) << (k % 2)).collect();
        assert!(
            sizes
                .windows(2)
                .all(|w| mentions_to_reserve(w[0]) <= mentions_to_reserve(w[1]))
        );
    }

    /// The hand-written matchers of this module read as the patterns they stand for.
    #[test]
    fn comparisons_and_plans_read_as_their_patterns() {
        let comparison = Regex::new(&format!(
            "^(?:{})(?:{})",
            COMPARISON_VERBS.join("|"),
            COMPARISON_BASES.join("|")
        ))
        .unwrap();
        let plan = Regex::new(r"十([一二三四五六七八九])五").unwrap();
        let pieces = [
            "高于", "低于", "超过", "超出", "全国", "全省", "平均", "高", "于", "全", "十", "四",
            "五", "九", "十五", "〇", "增长", "，", "a",
        ];
        let texts = (0..400)
            .flat_map(|seed| crate::chars::random_texts(&pieces, 9, seed, |r| r % pieces.len()))
            .chain(TEXTS.iter().map(|t| t.to_string()));
        let (mut seen_comparison, mut seen_plan) = (0, 0);
        for t in texts {
            assert_eq!(is_comparison(&t), comparison.is_match(&t), "{t}");
            let want = plan.captures(&t).map(|c| {
                "一二三四五六七八九"
                    .chars()
                    .position(|d| c[1].starts_with(d))
                    .unwrap() as u32
                    + 1
            });
            assert_eq!(patterns::five_year_plan(&t), want, "{t}");
            seen_comparison += usize::from(is_comparison(&t));
            seen_plan += usize::from(want.is_some());
        }
        assert!(
            seen_comparison > 20 && seen_plan > 20,
            "{seen_comparison} {seen_plan}"
        );
    }

    /// The noun after a quantity reads as cutting the clause at each stop word in turn, searched
    /// for in what is left of it.
    #[test]
    fn the_noun_after_a_quantity_is_cut_at_each_stop_word_in_turn() {
        fn plain(s: &str, from: usize, clause_end: usize) -> &str {
            let mut end = clause_end;
            for w in NOUN_STOPS {
                if let Some(p) = s[from..end].find(w).filter(|&p| p > 0) {
                    end = from + p;
                }
            }
            let clause = s[from..end].trim_matches(|c: char| c.is_ascii_digit() || c == '%');
            if clause.chars().count() > 20 || clause.chars().any(|c| c.is_ascii_digit()) {
                ""
            } else {
                clause
            }
        }
        let pieces = [
            "项目", "顺利", "的", "、", "和", "获", "获得", "得到", "全部", "个", "5", "%", "企业",
            "增长", "提高", "投资", "落地", "均", "分别",
        ];
        let texts = (0..60)
            .flat_map(|seed| crate::chars::random_texts(&pieces, 12, seed, |r| r % pieces.len()))
            .chain([
                "新建38个物流园区顺利投产".to_string(),
                "7个社区和12名志愿者获得表彰".to_string(),
            ]);
        let mut cut = 0;
        for t in texts {
            let b = boundaries(&t);
            for &from in &b {
                for &end in b.iter().filter(|&&e| e >= from) {
                    let want = plain(&t, from, end);
                    assert_eq!(noun_after(&t, from, end), want, "{t} {from} {end}");
                    cut += usize::from(!want.is_empty() && want.len() < end - from);
                }
            }
        }
        assert!(cut > 1000, "{cut}");
    }

    fn boundaries(s: &str) -> Vec<usize> {
        (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect()
    }

    #[test]
    fn last_match_in_a_prefix() {
        for hay in TEXTS {
            let pairs: [(&str, patterns::At); 3] = [
                (
                    r"今年|明年|(?:19|20)\d{2}年(?:工作|主要|经济|全省|全市|全区|要|将)",
                    patterns::this_year_at,
                ),
                (
                    r"“?十[五六七]五”?(?:时期|期间|末|规划)|今后五年|未来五年|到(?:19|20)\d{2}年",
                    patterns::plan_horizon_at,
                ),
                (
                    r"五年来|过去五年|“?十[三四]五”?(?:时期|期间|以来)",
                    patterns::review_horizon_at,
                ),
            ];
            for (pattern, at) in pairs {
                let re = Regex::new(pattern).unwrap();
                let all = patterns::find_all(hay, at);
                for end in boundaries(hay) {
                    let plain = re
                        .find_iter(&hay[..end])
                        .last()
                        .map(|m| (m.start(), m.end()));
                    assert_eq!(last_before(at, hay, &all, end), plain, "{re} {end} {hay}");
                }
            }
        }
    }

    #[test]
    fn years_and_clauses_in_a_slice() {
        for s in TEXTS {
            let years = NamedYears::of(s);
            let cues = Cues::of(s);
            let clauses = Clauses::of(s, &cues);
            let is_clause_break = |c: char| CLAUSE_BREAKS.iter().any(|b| b.chars().eq([c]));
            let bounds = boundaries(s);
            for &a in &bounds {
                let plain_start = s[..a]
                    .rfind(is_clause_break)
                    .map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8));
                assert_eq!(clauses.start(s, a), plain_start);
                let plain_end = a + s[a..].find(is_clause_break).unwrap_or(s.len() - a);
                assert_eq!(clauses.end(a), plain_end);
                // A slice from a clause start (as `year_and_period` takes) or from the start.
                if a != 0 && a != plain_start {
                    continue;
                }
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    let slice = &s[a..b];
                    let plain: Vec<i32> = YEAR_NAMED
                        .captures_iter(slice)
                        .filter(|c| {
                            let at = c.get(0).map_or(0, |m| m.start());
                            !["比", "较", "与", "同", "相比"]
                                .iter()
                                .any(|w| slice[..at].ends_with(w))
                        })
                        .filter_map(|c| c[1].parse().ok())
                        .collect();
                    assert_eq!(years.within(a, b).collect::<Vec<_>>(), plain, "{slice}");
                }
            }
            for &e in &bounds {
                assert_eq!(
                    BY_YEAR.find(s).is_some_and(|m| m.end() <= e),
                    BY_YEAR.is_match(&s[..e]),
                    "{e} {s}"
                );
            }
        }
    }

    #[test]
    fn a_year_at_the_start() {
        for s in [
            "2025年工作",
            "2025年",
            "1999年底",
            "2025",
            "20２5年",
            "2025年，",
            "x2025年",
            "19٣٤年",
        ] {
            let plain = YEAR_NAMED
                .find(s)
                .filter(|m| m.start() == 0)
                .map(|m| m.end());
            assert_eq!(crate::patterns::year_nian_at(s, 0), plain, "{s}");
        }
    }
}
