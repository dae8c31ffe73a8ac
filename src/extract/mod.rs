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
static COMPARISON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:高于|低于|快于|慢于|超过|超出)(?:全国|全省|全市|全区|平均)")
        .expect("comparison pattern")
});
/// `十四五`, `十五五`: the N-th five-year plan.
static FIVE_YEAR_PLAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"十([一二三四五六七八九])五").expect("plan pattern"));
/// Words that put the rest of a paragraph in the coming plan period.
static PLAN_HORIZON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"“?十[五六七]五”?(?:时期|期间|末|规划)|今后五年|未来五年|到(?:19|20)\d{2}年")
        .expect("horizon pattern")
});
/// …and in the past five years.
static REVIEW_HORIZON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"五年来|过去五年|“?十[三四]五”?(?:时期|期间|以来)").expect("review horizon pattern")
});
/// What brings the text back to the coming year.
static THIS_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"今年|明年|(?:19|20)\d{2}年(?:工作|主要|经济|全省|全市|全区|要|将)")
        .expect("this-year pattern")
});
static ANNIVERSARY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:周年|级)").expect("anniversary pattern"));

/// Where a sentence sits: what its part covers, which year, its section title.
struct Place<'a> {
    covers: Option<Covers>,
    in_report: bool,
    section: String,
    /// Title of the part (empty outside parts).
    part_title: &'a str,
    /// Byte where the sentence's paragraph starts (time horizons carry over a paragraph).
    para_start: usize,
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
        // A glossary at the end of a report defines terms; its numbers are not figures.
        if path
            .iter()
            .any(|p| p.kind == NodeKind::Part && p.title.contains("名词解释"))
        {
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
    let para_start = path
        .iter()
        .rev()
        .find(|n| n.kind == NodeKind::Paragraph)
        .map_or(node.start, |p| p.start);
    Place {
        covers: part.and_then(|p| p.covers),
        in_report,
        section,
        part_title: part.map_or("", |p| p.title.as_str()),
        para_start,
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

/// Split a compound subject (`城乡…`, `一二三产…`) into `n` subjects.
fn split_compound(subject: &str, n: usize) -> Option<Vec<String>> {
    EXPANSIONS.iter().find_map(|(compound, parts)| {
        let k = subject.find(compound).filter(|_| parts.len() == n)?;
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
    let mut clause_starts = Vec::with_capacity(quantities.len());
    for (k, q) in quantities.iter().enumerate() {
        let clause_start = s[..q.start]
            .rfind(is_clause_break)
            .map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8));
        clause_starts.push(clause_start);
        let prev_end = if k > 0 { quantities[k - 1].end } else { 0 };
        let seg_start = clause_start.max(prev_end);
        let before = &s[seg_start..q.start];
        befores.push(before);
        // `力争` covers its whole clause (`力争…投资2400亿元、450亿元`) but not what came before it
        // (`增长7%以上、力争达到8%`). In a review, `争取` means funds obtained, not an aspiration.
        stretch[k] = place.covers != Some(Covers::Review)
            && has_any(&s[clause_start..q.start], STRETCH_WORDS);
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
        // `开通3条地铁新线`: a short verb before a count, the counted noun after it.
        let verb_only = q.unit_class == UnitClass::Count && stripped.chars().count() <= 4;
        let noun_follows = !(after.is_empty() || stretch[k] && in_list)
            && (stripped.is_empty()
                || verb_only
                || (in_list && from_after[k - 1])
                || before.trim_end().ends_with(['和', '及', '与', '、']));
        let comparison = COMPARISON.is_match(stripped);
        let subject = if noun_follows {
            from_after[k] = true;
            after.to_string()
        } else if comparison && k > 0 {
            // `增长7.6%，高于全国1.7个百分点`: the comparison is about the previous subject.
            format!("{}{}", subjects[k - 1], stripped)
        } else if !(stripped.is_empty() || in_list && is_connector(before)) {
            stripped.to_string()
        } else if k > 0 {
            // `地区生产总值67665亿元，增长5.5%`, `7248亿元提高到8865亿元`: the same subject.
            subjects[k - 1].clone()
        } else {
            String::new()
        };
        subjects.push(subject);
    }
    let mut quantities = quantities;
    let comparators = distribute(s, &mut quantities, &mut subjects, &befores);

    for (k, q) in quantities.iter().enumerate() {
        let context = format!(
            "{}{}",
            &text[place.para_start..node.start],
            &s[..q.number_start]
        );
        let horizon = horizon_of(doc, place, &context);
        let kind = kind_of(doc, place, s, q, history, stretch[k], &horizon);
        let mut comparator = comparators[k];
        if kind == Kind::Target
            && q.prefix_word
                .is_some_and(|w| TARGET_GE_PREFIXES.contains(&w))
        {
            comparator = Comparator::Ge;
        }
        let key_context = format!("{}{s}", place.section);
        let keyed = |name: &str| {
            (kind != Kind::Context)
                .then(|| catalogue::key_for(name, q.unit_class, &key_context))
                .flatten()
        };
        // `社会消费品零售总额、固定资产投资增长4%左右`: one value for several headline indicators
        // gives one mention each.
        let parts: Vec<&str> = subjects[k].split('、').filter(|p| !p.is_empty()).collect();
        let names: Vec<String> =
            if parts.len() > 1 && parts.iter().filter(|p| keyed(p).is_some()).count() > 1 {
                parts.iter().map(|p| p.to_string()).collect()
            } else {
                vec![subjects[k].clone()]
            };
        let (year, period) =
            year_and_period(doc, kind, &s[clause_starts[k]..q.number_start], &horizon);
        let (bs, be) = (node.start + q.start, node.start + q.end);
        for indicator in names {
            let entry = keyed(&indicator);
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
                period: period.clone(),
                section: place.section.clone(),
                sentence: raw.to_string(),
                text: text[bs..be].to_string(),
                span: [idx.char_at(text, bs), idx.char_at(text, be)],
                page: doc.canonical.page_at(bs),
                byte_span: (bs, be),
            });
        }
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
    qs: &mut [Quantity],
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
            // `控制在5%和3%以内`: a comparator after the last value; `分别突破9千亿元、3万亿元`:
            // one before the first. Either applies to every value of the list.
            let shared = if qs[last].suffix_comparator {
                Some(comparators[last])
            } else {
                qs[k].prefix_word.map(|_| comparators[k])
            };
            // `高于全国12.7个、12个百分点`: the unit written once, at the end.
            let last_unit = qs[last].clone();
            for j in k..=last {
                if let Some(c) = shared
                    && !qs[j].suffix_comparator
                    && comparators[j] == Comparator::Eq
                {
                    comparators[j] = c;
                }
                if j < last
                    && last_unit.unit.starts_with(&qs[j].unit)
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
            let clause_start = s[..qs[k].start]
                .rfind(is_clause_break)
                .map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8));
            let lead = &s[clause_start.max(if k > 0 { qs[k - 1].end } else { 0 })..qs[k].start];
            let split = match lead.find("分别") {
                Some(p) => split_subjects(strip_noise(&lead[..p]), last - k + 1),
                // Without 分别 only a compound subject splits (`城乡居民收入年均增长5.3%、8.1%`).
                None => split_compound(&subjects[k], last - k + 1),
            };
            if let Some(split) = split {
                for (j, name) in (k..=last).zip(split) {
                    subjects[j] = name;
                }
            }
        }
        k = last + 1;
    }
    comparators
}

/// The time frame a mention sits in, read from its paragraph up to the mention and its part title.
#[derive(Debug, Clone, Default)]
struct Horizon {
    /// A coming period (`“十五五”时期`, `到2030年`): its end year and period name.
    plan: Option<(i32, String)>,
    /// The past five years (`五年来`, `“十四五”时期`).
    review: Option<&'static str>,
}

/// End year of the N-th five-year plan (the 14th ends in 2025).
fn plan_end(n: u32) -> i32 {
    2025 + 5 * (n as i32 - 14)
}

fn cn_small_digit(c: &str) -> Option<u32> {
    "一二三四五六七八九"
        .chars()
        .position(|d| c.starts_with(d))
        .map(|p| p as u32 + 1)
}

fn last_match<'t>(re: &Regex, s: &'t str) -> Option<regex::Match<'t>> {
    re.find_iter(s).last()
}

fn horizon_of(doc: &Document, place: &Place, context: &str) -> Horizon {
    let this_year = last_match(&THIS_YEAR, context).map(|m| m.start());
    let mut h = Horizon::default();
    let plan_match = last_match(&PLAN_HORIZON, context)
        .map(|m| m.as_str().to_string())
        .or_else(|| {
            (this_year.is_none() && place.covers == Some(Covers::Plan))
                .then(|| {
                    PLAN_HORIZON
                        .find(place.part_title)
                        .map(|m| m.as_str().to_string())
                })
                .flatten()
        });
    let plan_at = last_match(&PLAN_HORIZON, context).map_or(0, |m| m.start());
    if let Some(m) = plan_match.filter(|_| this_year.is_none_or(|t| t < plan_at)) {
        let year = if let Some(c) = BY_YEAR.captures(&m) {
            c[1].parse().ok()
        } else if let Some(c) = FIVE_YEAR_PLAN.captures(&m) {
            cn_small_digit(&c[1]).map(|n| plan_end(10 + n))
        } else {
            doc.meta.target_year.map(|t| t + 4)
        };
        if let Some(y) = year.filter(|&y| doc.meta.result_year.is_none_or(|r| y > r)) {
            let period = match FIVE_YEAR_PLAN
                .captures(&m)
                .and_then(|c| cn_small_digit(&c[1]))
            {
                Some(n) => format!("{}th_five_year_plan", 10 + n),
                None => format!("by_{y}"),
            };
            h.plan = Some((y, period));
        }
    }
    if let Some(m) = last_match(&REVIEW_HORIZON, context) {
        h.review = Some(if m.as_str().contains('十') {
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
    history: bool,
    stretch: bool,
    horizon: &Horizon,
) -> Kind {
    let before = &s[..q.number_start];
    if history || ANNIVERSARY.is_match(&s[q.number_start..]) || q.unit_class == UnitClass::Other {
        return Kind::Context;
    }
    if stretch || horizon.plan.is_some() {
        return Kind::Target;
    }
    let named: Vec<i32> = named_years(before);
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
                || horizon.review.is_some()
                || has_any(before, &["去年", "过去一年", "上年", "已经", "一年来"]);
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

/// Years named in `s`, except comparison bases (`比2020年`, `较2020年`, `与2020年相比`).
fn named_years(s: &str) -> Vec<i32> {
    YEAR_NAMED
        .captures_iter(s)
        .filter(|c| {
            let at = c.get(0).map_or(0, |m| m.start());
            !["比", "较", "与", "同", "相比"]
                .iter()
                .any(|w| s[..at].ends_with(w))
        })
        .filter_map(|c| c[1].parse().ok())
        .collect()
}

fn year_and_period(
    doc: &Document,
    kind: Kind,
    clause: &str,
    horizon: &Horizon,
) -> (Option<i32>, Option<String>) {
    let named = named_years(clause).last().copied();
    let period_word = PERIOD_WORDS
        .iter()
        .find(|(w, _)| clause.contains(w))
        .map(|(_, p)| p.to_string());
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
            (year, period_word.or(horizon.review.map(str::to_string)))
        }
        Kind::Context => (None, None),
    }
}

#[cfg(test)]
mod tests;
