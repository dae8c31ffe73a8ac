//! Extraction: every numeric result and target of a document, with its unit, comparator,
//! indicator, kind, year and where it came from.
//!
//! For each sentence: `scan` finds the quantities; then, clause by clause, each gets its subject
//! (the indicator), `分别` lists are distributed over their subjects, stretch values (`力争`) and
//! directions are read, and the sentence's place in the report and its wording decide the kind.

pub mod scan;

use crate::document::{CharIndex, Covers, Document, Node, NodeKind};
use crate::lexicon::catalogue;
use crate::lexicon::units::{UnitClass, simplify_for_matching};
use crate::lexicon::words::{
    Comparator, DOWN_WORDS, HISTORY_MIN_YEARS, LEADING_NOISE, NOUN_STOPS, PERIOD_WORDS,
    RESULT_CUES, STRETCH_WORDS, TARGET_CUES, TARGET_GE_PREFIXES, TRAILING_NOISE, UP_WORDS,
};
use regex::Regex;
use scan::{Quantity, base_value, scan};
use serde::Serialize;
use std::sync::LazyLock;

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
    pub indicator: String,
    pub key: Option<&'static str>,
    pub label_en: Option<&'static str>,
    pub value: f64,
    pub high: Option<f64>,
    pub unit: String,
    pub unit_class: UnitClass,
    pub base_value: f64,
    pub base_high: Option<f64>,
    pub base_unit: &'static str,
    pub comparator: Comparator,
    pub stretch: bool,
    pub direction: Option<Direction>,
    pub kind: Kind,
    pub year: Option<i32>,
    pub period: Option<String>,
    pub section: String,
    pub sentence: String,
    pub text: String,
    /// `[start, end)` in characters of the canonical text.
    pub span: [usize; 2],
    pub page: u32,
    /// Byte span in the canonical text (internal; spans for users are in characters).
    #[serde(skip)]
    pub byte_span: (usize, usize),
}

static YEAR_NAMED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})年").expect("year pattern"));
static BY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:到|至|截至)((?:19|20)\d{2})年").expect("by-year pattern"));
static HISTORY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^，。\d]{0,12}(\d+)多?年(?:来|以来|间)").expect("history pattern")
});
static ANNIVERSARY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:周年|级)").expect("anniversary pattern"));

/// Where a sentence sits: what its part covers, which year, its section title.
struct Place<'a> {
    covers: Option<Covers>,
    in_report: bool,
    section: String,
    _node: &'a Node,
}

/// Extract every mention of a document, in text order.
pub fn extract(doc: &Document) -> Vec<Indicator> {
    let text = doc.text();
    let idx = CharIndex::new(text);
    let mut out = Vec::new();
    doc.root.walk(&mut |node, path| {
        if node.kind != NodeKind::Sentence {
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
        let place = place_of(path, node);
        sentence(doc, &idx, node, &place, &mut out);
    });
    out
}

fn place_of<'a>(path: &[&'a Node], node: &'a Node) -> Place<'a> {
    let part = path.iter().rev().find(|n| n.kind == NodeKind::Part);
    let item = path.iter().rev().find(|n| n.kind == NodeKind::Item);
    let in_report = path.iter().any(|n| n.kind == NodeKind::WorkReport);
    let mut section = part.map(|p| p.title.clone()).unwrap_or_else(|| {
        path.iter()
            .rev()
            .find(|n| {
                matches!(
                    n.kind,
                    NodeKind::Preamble | NodeKind::Article | NodeKind::FrontMatter
                )
            })
            .map(|n| n.title.clone())
            .unwrap_or_default()
    });
    if let Some(item) = item {
        section = format!("{section} / {}", item.title);
    }
    Place {
        covers: part.and_then(|p| p.covers),
        in_report,
        section,
        _node: node,
    }
}

/// Boundaries of clauses inside a sentence.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '；' | '：' | '。' | '！' | '？' | ',' | ';' | ':' | '!' | '?'
    )
}

fn strip_noise(mut s: &str) -> &str {
    loop {
        let before = s;
        s = s.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '、' | '“' | '”' | '（' | '）')
        });
        if let Some(w) = LEADING_NOISE
            .iter()
            .filter(|w| s.starts_with(*w))
            .max_by_key(|w| w.len())
        {
            s = &s[w.len()..];
        }
        if let Some(w) = TRAILING_NOISE
            .iter()
            .filter(|w| s.ends_with(*w))
            .max_by_key(|w| w.len())
        {
            s = &s[..s.len() - w.len()];
        }
        if let Some(m) = YEAR_NAMED.find(s).filter(|m| m.start() == 0) {
            s = s[m.end()..].trim_start_matches(['，', ',']);
        }
        if s == before {
            return s;
        }
    }
}

/// The noun after a quantity that names what was counted (`21个包保重大项目顺利推进` → 包保重大项目).
fn noun_after(s: &str) -> &str {
    let clause_end = s.find(is_clause_break).unwrap_or(s.len());
    let mut clause = &s[..clause_end];
    for stop in NOUN_STOPS {
        if let Some(k) = clause.find(stop).filter(|&k| k > 0) {
            clause = &clause[..k];
        }
    }
    let clause = clause.trim_matches(|c: char| c.is_ascii_digit() || c == '%');
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

/// Split the subject of a `分别` list into `n` subjects, or `None` if it does not split so.
pub fn split_subjects(subject: &str, n: usize) -> Option<Vec<String>> {
    for (compound, parts) in EXPANSIONS {
        if parts.len() == n
            && let Some(k) = subject.find(compound)
        {
            let (head, tail) = (&subject[..k], &subject[k + compound.len()..]);
            return Some(parts.iter().map(|p| format!("{head}{p}{tail}")).collect());
        }
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

/// Is there a target cue in `s`?
fn has_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// Mentions of one sentence.
fn sentence(doc: &Document, idx: &CharIndex, node: &Node, place: &Place, out: &mut Vec<Indicator>) {
    let text = doc.text();
    let raw = &text[node.start..node.end];
    let s_owned = simplify_for_matching(raw);
    let s: &str = &s_owned;
    let quantities = scan(s);
    if quantities.is_empty() {
        return;
    }
    let history = HISTORY
        .captures(s)
        .and_then(|c| c[1].parse::<u32>().ok())
        .is_some_and(|n| n >= HISTORY_MIN_YEARS);

    // Subjects and attributes, clause by clause.
    let mut subjects: Vec<String> = Vec::with_capacity(quantities.len());
    let mut stretch = vec![false; quantities.len()];
    let mut direction: Vec<Option<Direction>> = vec![None; quantities.len()];
    let mut befores: Vec<&str> = Vec::with_capacity(quantities.len());
    // Whether a subject was read after its number (`14个集体`): the next value of the list too.
    let mut from_after = vec![false; quantities.len()];
    for (k, q) in quantities.iter().enumerate() {
        let clause_start = s[..q.start]
            .rfind(is_clause_break)
            .map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8));
        let prev_end = if k > 0 { quantities[k - 1].end } else { 0 };
        let seg_start = clause_start.max(prev_end);
        let before = &s[seg_start..q.start];
        befores.push(before);
        stretch[k] = has_any(before, STRETCH_WORDS);
        direction[k] = direction_in(before).or_else(|| {
            // A value in a list (`下降39.7%和39.1%`) shares the verb of the first.
            (k > 0 && seg_start == prev_end && is_connector(before))
                .then(|| direction[k - 1])
                .flatten()
        });
        let in_list = k > 0 && seg_start == prev_end;
        let after = noun_after(&s[q.end..]);
        let stripped = strip_noise(before);
        // `14个集体、15名个人`, `所有乡镇和90%以上行政村`: the noun follows the number.
        let noun_follows = !after.is_empty()
            && !stretch[k]
            && (stripped.is_empty()
                || (in_list && from_after[k - 1])
                || before.trim_end().ends_with(['和', '及', '与', '、']));
        let subject = if noun_follows {
            from_after[k] = true;
            after.to_string()
        } else if !(stripped.is_empty() || in_list && is_connector(before)) {
            stripped.to_string()
        } else if in_list {
            subjects[k - 1].clone()
        } else {
            String::new()
        };
        subjects.push(subject);
    }
    let comparators = distribute(s, &quantities, &mut subjects, &befores);

    for (k, q) in quantities.iter().enumerate() {
        let before_sentence = &s[..q.number_start];
        let kind = kind_of(doc, place, s, q, history, stretch[k]);
        let mut comparator = comparators[k];
        if kind == Kind::Target
            && q.prefix_word
                .is_some_and(|w| TARGET_GE_PREFIXES.contains(&w))
        {
            comparator = Comparator::Ge;
        }
        let indicator = subjects[k].clone();
        let entry = (kind != Kind::Context)
            .then(|| catalogue::key_for(&indicator, q.unit_class, &format!("{}{s}", place.section)))
            .flatten();
        let (year, period) = year_and_period(doc, kind, before_sentence, s);
        let (bs, be) = (node.start + q.start, node.start + q.end);
        out.push(Indicator {
            indicator,
            key: entry.map(|e| e.key),
            label_en: entry.map(|e| e.label_en),
            value: q.value,
            high: q.high,
            unit: written_unit(raw, q),
            unit_class: q.unit_class,
            base_value: base_value(q.value, q.factor),
            base_high: q.high.map(|h| base_value(h, q.factor)),
            base_unit: q.base_unit,
            comparator,
            stretch: stretch[k],
            direction: direction[k],
            kind,
            year,
            period,
            section: place.section.clone(),
            sentence: raw.to_string(),
            text: text[bs..be].to_string(),
            span: [idx.char_at(text, bs), idx.char_at(text, be)],
            page: doc.canonical.page_at(bs),
            byte_span: (bs, be),
        });
    }
}

/// The unit in the source's own spelling (traditional characters kept), brackets made ASCII.
fn written_unit(raw: &str, q: &Quantity) -> String {
    let mut unit: String = q
        .unit_pieces
        .iter()
        .filter_map(|&(a, b)| raw.get(a..b))
        .collect();
    if unit.is_empty() {
        unit = q.unit.clone();
    }
    unit.replace('（', "(").replace('）', ")")
}

/// Only list glue between two values (`和`, `、`, `及`).
fn is_connector(s: &str) -> bool {
    let t = s.trim();
    t.is_empty() || matches!(t, "和" | "、" | "及" | "与" | "以及" | "或")
}

fn direction_in(before: &str) -> Option<Direction> {
    let last = |words: &[&str]| {
        words
            .iter()
            .filter_map(|w| before.rfind(w).map(|p| p + w.len()))
            .max()
    };
    match (last(UP_WORDS), last(DOWN_WORDS)) {
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

/// `分别` lists: one subject per value, and the list's comparator on each value.
fn distribute(
    s: &str,
    qs: &[Quantity],
    subjects: &mut [String],
    befores: &[&str],
) -> Vec<Comparator> {
    let mut comparators: Vec<Comparator> = qs.iter().map(|q| q.comparator).collect();
    let mut k = 0;
    while k < qs.len() {
        // A list: values after the first joined only by connectors.
        let mut last = k;
        while last + 1 < qs.len()
            && is_connector(befores[last + 1])
            && qs[last + 1].start == qs[last].end + befores[last + 1].len()
        {
            last += 1;
        }
        if last > k {
            let shared = qs[last].suffix_comparator.then_some(comparators[last]);
            for j in k..=last {
                if let Some(c) = shared
                    && !qs[j].suffix_comparator
                    && comparators[j] == Comparator::Eq
                {
                    comparators[j] = c;
                }
            }
            let clause_start = s[..qs[k].start]
                .rfind(is_clause_break)
                .map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8));
            let lead = &s[clause_start.max(if k > 0 { qs[k - 1].end } else { 0 })..qs[k].start];
            if let Some(p) = lead.find("分别") {
                let subject = strip_noise(&lead[..p]);
                if let Some(split) = split_subjects(subject, last - k + 1) {
                    for (j, name) in (k..=last).zip(split) {
                        subjects[j] = name;
                    }
                }
            }
        }
        k = last + 1;
    }
    comparators
}

fn kind_of(
    doc: &Document,
    place: &Place,
    s: &str,
    q: &Quantity,
    history: bool,
    stretch: bool,
) -> Kind {
    let before = &s[..q.number_start];
    if history || ANNIVERSARY.is_match(&s[q.number_start..]) || q.unit_class == UnitClass::Other {
        return Kind::Context;
    }
    if stretch {
        return Kind::Target;
    }
    let named: Vec<i32> = YEAR_NAMED
        .captures_iter(before)
        .filter_map(|c| c[1].parse().ok())
        .collect();
    let (ry, ty) = (doc.meta.result_year, doc.meta.target_year);
    let names_past = named.iter().any(|&y| ry.is_some_and(|r| y <= r));
    let names_future =
        BY_YEAR.is_match(before) || named.iter().any(|&y| ty.is_some_and(|t| y >= t));
    let target_words = has_any(s, TARGET_CUES);
    match place.covers {
        Some(Covers::Review) => {
            if names_future && has_any(s, &["力争", "预期", "计划", "目标", "将"]) {
                Kind::Target
            } else {
                Kind::Result
            }
        }
        Some(Covers::Plan) | Some(Covers::Other) => {
            let past = names_past
                || has_any(
                    before,
                    &["去年", "过去一年", "上年", "已经", "一年来", "五年来"],
                );
            if past && !has_any(before, &["力争", "确保", "预期", "目标", "将"]) {
                Kind::Result
            } else {
                Kind::Target
            }
        }
        None => {
            if !place.in_report && !target_words && !has_any(s, RESULT_CUES) {
                Kind::Result
            } else if names_future || (target_words && !names_past && !has_any(before, RESULT_CUES))
            {
                Kind::Target
            } else {
                Kind::Result
            }
        }
    }
}

fn year_and_period(
    doc: &Document,
    kind: Kind,
    before: &str,
    sentence: &str,
) -> (Option<i32>, Option<String>) {
    let by = BY_YEAR
        .captures_iter(before)
        .last()
        .and_then(|c| c[1].parse::<i32>().ok());
    let named = YEAR_NAMED
        .captures_iter(before)
        .last()
        .and_then(|c| c[1].parse::<i32>().ok());
    let mut period = PERIOD_WORDS
        .iter()
        .filter(|(w, _)| before.contains(w) || (sentence.starts_with(w)))
        .map(|(_, p)| p.to_string())
        .next();
    let year = match kind {
        Kind::Target => {
            if let Some(y) = by {
                period.get_or_insert(format!("by_{y}"));
                Some(y)
            } else {
                named
                    .filter(|&y| doc.meta.target_year.is_none_or(|t| y >= t))
                    .or(doc.meta.target_year)
            }
        }
        Kind::Result => named
            .filter(|&y| doc.meta.result_year.is_none_or(|r| y <= r))
            .or(doc.meta.result_year),
        Kind::Context => None,
    };
    (year, period)
}

#[cfg(test)]
mod tests;
