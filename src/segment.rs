//! Segmentation: the canonical text → a tree of masthead, contents, articles, and inside a
//! government work report its title, delivery line, speaker, preamble, parts, numbered items,
//! paragraphs and sentences. Also reads the metadata (issue, date, result and target years).
//!
//! The rules are about the shapes official documents take, not about any one document:
//! parts are short headings that name a review or a plan (`2024年工作回顾`, `一、…`,
//! `三、2025年政府工作任务`); items start with `（一）`, `一是` or `1.`.

use crate::chars::{BmpSet, SENTENCE_ENDS, first_chars, is_sentence_end};
use crate::document::{Covers, Metadata, Node, NodeKind};
use crate::lexicon::script::mainland_quote;
use crate::normalise::Canonical;
use crate::patterns;
use std::sync::LazyLock;

/// Words of a part heading that names what the part is (any of them, anywhere in the heading).
const PART_TOPIC: &[&str] = &[
    "工作回顾",
    "工作安排",
    "工作任务",
    "总体要求",
    "目标任务",
    "发展成就",
    "主要成绩",
    "政策取向",
    "自身建设",
    "工作总结",
    "工作部署",
    "主要任务",
    "重点工作",
    "主要工作",
    "主要目标",
];
const REVIEW_WORDS: &[&str] = &["回顾", "成就", "成绩", "过去", "总结"];
const PLAN_WORDS: &[&str] = &[
    "安排",
    "任务",
    "要求",
    "目标",
    "取向",
    "今后",
    "展望",
    "部署",
    "重点工作",
];
/// The government's own conduct: neither results nor targets.
const OTHER_WORDS: &[&str] = &["自身建设"];

/// Whether `s` holds one of `words` (what a regex of the words' alternation matches; plain
/// lists cost nothing to build, where a regex is compiled at every start of the program).
fn has_word(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| crate::chars::contains(s, w))
}
/// A five-year-plan period: `“十四五”` (the 14th plan, 2021–2025), `第十五个五年规划`.
// Years, dates, delivery lines (`2026年2月3日在四川省第十四届人民代表大会第五次会议上`,
// `（2026年1月27日在…会议上）`, sometimes followed by the speaker on the same line), issue and
// serial numbers, lone years, contents leaders and arabic item numbers are read by the
// hand-written matchers of `patterns`, whose comments give their patterns.
/// A numbered heading inside a part (when the parts are named, or out of the parts' sequence).
const SPEAKER_TITLE: &[&str] = &[
    "主席", "省长", "市长", "区长", "州长", "县长", "盟长", "总理", "旗长",
];
/// `各位代表`, `各位委员` at the start of a paragraph: the report's address to the assembly.
fn is_address(s: &str) -> bool {
    s.strip_prefix(ADDRESS_OPENING)
        .is_some_and(|rest| rest.starts_with("代表") || rest.starts_with("委员"))
}

/// How an address to the audience opens (`各位代表！`, `各位委员`).
const ADDRESS_OPENING: &str = "各位";

/// Longest heading, in characters, that can open a part.
const MAX_HEADING_CHARS: usize = 40;
/// Longest item title, in characters, before it is cut.
const MAX_ITEM_TITLE_CHARS: usize = 60;
/// The delivery and speaker lines are looked for within this many paragraphs after the title
/// (web pages put their chrome between the title and the delivery line), up to the first prose.
const HEADER_WINDOW: usize = 16;

/// A paragraph of the canonical text: its byte span, and its first characters, read when the
/// paragraph is found. The passes of segmentation that ask something of every paragraph (is it
/// `目录`, an item marker, a report title?) ask its first character before its text: on a large
/// input the text of a paragraph met again is no longer in the cache, and fetching it was most
/// of their time.
#[derive(Debug, Clone, Copy)]
struct Para<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Its first character.
    head: char,
    /// Its first character that is not white space (`None` for a line of white space).
    solid: Option<char>,
}

impl<'a> Para<'a> {
    fn new(start: usize, text: &'a str) -> Para<'a> {
        let head = text.chars().next().unwrap_or('\n');
        let solid = if head.is_whitespace() {
            text.chars().find(|c| !c.is_whitespace())
        } else {
            Some(head)
        };
        Para {
            start,
            end: start + text.len(),
            text,
            head,
            solid,
        }
    }

    /// `compact(self.text) == word`, for a `word` that does not start with white space.
    fn is_compactly(&self, word: &str) -> bool {
        self.solid == word.chars().next() && compact_eq(self.text, word)
    }
}

fn paragraphs(text: &str) -> Vec<Para<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in crate::chars::split_lines(text) {
        if !line.is_empty() {
            out.push(Para::new(start, line));
        }
        start += line.len() + 1;
    }
    out
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `compact(a) == compact(b)`, without building either.
fn compact_eq(a: &str, b: &str) -> bool {
    let kept = |c: &char| !c.is_whitespace();
    a.chars().filter(kept).eq(b.chars().filter(kept))
}

/// More than `n` characters (without counting them all).
fn longer_than(s: &str, n: usize) -> bool {
    // A character takes one to four bytes: only a length between n and 4n needs counting.
    s.len() > n.saturating_mul(4) || (s.len() > n && s.chars().nth(n).is_some())
}

/// Split a paragraph into sentences at 。！？；, never inside quotes or brackets that close within
/// the paragraph. Returns byte ranges relative to `text`. Corner quotes are read as the mainland
/// quotes the script fold makes of them, so that the original and the folded text split alike.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let marks: Vec<(usize, char)> = SENTENCE_MARKS.find_iter(text).collect();
    let mut out = Vec::new();
    sentences_at(text, &marks, &mut out);
    out
}

/// [`sentences`] into `out` (made empty first; room kept from one paragraph to the next), given
/// where the characters of [`SENTENCE_MARK_CHARS`] stand in `text`, in order (found by a pass
/// that looks for other characters too).
pub fn sentences_at(text: &str, marks: &[(usize, char)], out: &mut Vec<(usize, usize)>) {
    out.clear();
    // For each opener, whether its closer follows in the paragraph (an unclosed quote is ignored,
    // so that one stray mark does not swallow the rest of the paragraph): the last place of each
    // closer, found once.
    let mut last_close = [None::<usize>; CLOSERS.len()];
    // Only openers, closers and sentence ends do anything below: they are found once.
    let marks = || marks.iter().map(|&(i, c)| (i, mainland_quote(c)));
    for (i, c) in marks() {
        if let Some(k) = closer_index(c) {
            last_close[k] = Some(i);
        }
    }
    // A sentence ends at a mark or at the end: room for all of them at once.
    out.reserve(marks().len() + 1);
    // The closers awaited: quotes and brackets nest a few deep.
    let mut stack: smallvec::SmallVec<[char; 8]> = smallvec::SmallVec::new();
    let mut start = 0;
    for (i, c) in marks() {
        if let Some(close) = closer(c) {
            let closes_later = closer_index(close)
                .and_then(|k| last_close[k])
                .is_some_and(|at| at > i);
            if closes_later && !(c == '"' && stack.last() == Some(&'"')) {
                stack.push(close);
                continue;
            }
        }
        if stack.last() == Some(&c) {
            stack.pop();
            continue;
        }
        if stack.is_empty() && is_sentence_end(c) {
            let end = i + c.len_utf8();
            // Keep a closing quote or bracket that follows the mark with its sentence.
            out.push((start, end));
            start = end;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    // Sentence marks directly followed by a closing quote: attach the quote to the sentence
    // (merged in place: `kept` sentences stay at the front).
    let mut kept = 0;
    for k in 0..out.len() {
        let (s, e) = out[k];
        let piece = &text[s..e];
        if kept > 0
            && piece
                .chars()
                .all(|c| matches!(c, '”' | '’' | '」' | '』' | '）' | ')'))
        {
            out[kept - 1].1 = e;
        } else {
            out[kept] = (s, e);
            kept += 1;
        }
    }
    out.truncate(kept);
}

/// The characters sentence splitting acts on: openers and closers of quotes and brackets, and
/// sentence ends.
pub const SENTENCE_MARK_CHARS: [char; 28] = [
    '“', '‘', '「', '『', '《', '（', '(', '【', '〔', '[', '"', '”', '’', '」', '』', '》', '）',
    ')', '】', '〕', ']', '。', '！', '？', '；', '!', '?', ';',
];

static SENTENCE_MARKS: LazyLock<BmpSet> = LazyLock::new(|| BmpSet::of(SENTENCE_MARK_CHARS));

/// Whether sentence splitting acts on `c` (one of [`SENTENCE_MARK_CHARS`]).
pub fn is_sentence_mark(c: char) -> bool {
    SENTENCE_MARKS.contains(c)
}

/// Every mark `closer` gives (corner quotes are read as the mainland quotes they fold to, see
/// `sentences`).
const CLOSERS: [char; 9] = ['”', '’', '》', '）', ')', '】', '〕', ']', '"'];

/// Place of `c` in `CLOSERS`.
fn closer_index(c: char) -> Option<usize> {
    CLOSERS.iter().position(|&x| x == c)
}

fn closer(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '‘' => '’',
        '《' => '》',
        '（' => '）',
        '(' => ')',
        '【' => '】',
        '〔' => '〕',
        '[' => ']',
        '"' => '"',
        _ => return None,
    })
}

/// Segment the canonical text into a tree and read the metadata.
pub fn segment(canonical: &Canonical) -> (Node, Metadata) {
    let text = canonical.text.as_str();
    let paras = paragraphs(text);
    let mut meta = Metadata::default();
    let mut root = Node::new(NodeKind::Document, "", 0, text.len());

    let contents_at = paras.iter().position(|p| p.is_compactly("目录"));
    let board_at = paras.iter().position(|p| p.is_compactly("编辑委员会"));
    let articles = find_articles(&paras, contents_at);
    let first_article = articles.first().map_or(paras.len(), |a| a.1);

    // Front part: masthead, editorial board, contents, in the order they appear.
    let mut marks: Vec<(usize, NodeKind)> = Vec::new();
    let front_end = first_article;
    if front_end > 0 {
        marks.push((0, NodeKind::Masthead));
    }
    if let Some(b) = board_at.filter(|&b| b < front_end) {
        marks.push((b, NodeKind::EditorialBoard));
    }
    if let Some(c) = contents_at.filter(|&c| c < front_end) {
        marks.push((c, NodeKind::Contents));
    }
    marks.sort_by_key(|m| m.0);
    marks.dedup_by_key(|m| m.0);
    let has_gazette_front = board_at.is_some() || contents_at.is_some();
    for (k, &(from, kind)) in marks.iter().enumerate() {
        let to = marks.get(k + 1).map_or(front_end, |m| m.0);
        if from >= to {
            continue;
        }
        let kind = if kind == NodeKind::Masthead && !has_gazette_front {
            NodeKind::FrontMatter
        } else {
            kind
        };
        let title = match kind {
            NodeKind::Masthead => "报头".to_string(),
            NodeKind::FrontMatter => "前置内容".to_string(),
            _ => compact(paras[from].text),
        };
        let mut node = Node::new(kind, title, paras[from].start, paras[to - 1].end);
        if kind == NodeKind::Contents {
            for p in &paras[from + 1..to] {
                let mut entry = Node::new(NodeKind::Paragraph, p.text, p.start, p.end);
                entry.title = contents_title(p.text);
                node.children.push(entry);
            }
        }
        if kind == NodeKind::Masthead {
            read_masthead(&paras[from..to], &mut meta);
        }
        root.children.push(node);
    }

    for (k, &(ref title, from)) in articles.iter().enumerate() {
        let to = articles.get(k + 1).map_or(paras.len(), |a| a.1);
        let article = if title.contains("政府工作报告") {
            // A report on a web page ends before the page's footer, which is back matter.
            let lines: Vec<&str> = paras[from..to].iter().map(|p| p.text).collect();
            let end = from + crate::chrome::report_end(&lines).max(1);
            let report = work_report(&paras[from..end], title, &mut meta);
            if end < to {
                root.children.push(report);
                Node::new(
                    NodeKind::BackMatter,
                    "后置内容",
                    paras[end].start,
                    paras[to - 1].end,
                )
            } else {
                report
            }
        } else {
            let mut n = Node::new(
                NodeKind::Article,
                title.clone(),
                paras[from].start,
                paras[to - 1].end,
            );
            n.children = paragraph_nodes(&paras[from + 1..to], text);
            n
        };
        root.children.push(article);
    }
    root.set_pages(canonical);
    (root, meta)
}

/// Title of a contents entry: page numbers and leaders removed. A number that a date or a count
/// goes on from (`——2025年1月19日在…`) is the title's own, not a page number.
fn contents_title(s: &str) -> String {
    let s = s.trim();
    let own_number = [
        '年', '月', '日', '号', '期', '届', '次', '个', '万', '亿', '%', '.',
    ];
    // A contents entry may carry a page number and leaders before or after the title.
    let s = match patterns::contents_lead(s) {
        Some((number_end, end)) if !s[number_end..].starts_with(own_number) => &s[end..],
        _ => s,
    };
    patterns::without_contents_trail(s).trim().to_string()
}

/// Article starts: `(title, paragraph index)`. With a contents list, each entry that appears again
/// later as a paragraph of its own; without one, each title line of a government work report;
/// failing both, the whole text is one article named by its first line.
fn find_articles(paras: &[Para], contents_at: Option<usize>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    if let Some(c) = contents_at {
        let later = ByFirstChar::new(paras);
        let mut limit = paras.len();
        let mut j = c + 1;
        while j < limit && j < c + 200 {
            let title = contents_title(paras[j].text);
            if !title.is_empty() && !title.starts_with('—') {
                let again = later.find(&title, j);
                if let Some(k) = again.filter(|&k| out.last().is_none_or(|l| k > l.1)) {
                    out.push((title, k));
                    if limit == paras.len() {
                        limit = k;
                    }
                }
            }
            j += 1;
        }
    }
    if out.is_empty() {
        // The title is the report title line closest before the first delivery line (a web page's
        // breadcrumb may name `政府工作报告` before the title), else the first one.
        let titles: Vec<usize> = (0..paras.len())
            .filter(|&i| is_report_title(paras[i].text))
            .collect();
        let delivery = paras
            .iter()
            .position(|p| patterns::delivery(p.text).is_some());
        let chosen = delivery
            .and_then(|d| {
                titles
                    .iter()
                    .rev()
                    .find(|&&t| t < d && d - t <= HEADER_WINDOW)
            })
            .or(titles.first());
        out = chosen
            .map(|&i| (paras[i].text.to_string(), i))
            .into_iter()
            .collect();
    }
    if out.is_empty() && !paras.is_empty() {
        out.push((first_chars(paras[0].text, MAX_HEADING_CHARS).to_string(), 0));
    }
    out
}

fn is_report_title(s: &str) -> bool {
    // Its length first: a long paragraph's end is not fetched.
    !longer_than(s, MAX_HEADING_CHARS) && s.ends_with("政府工作报告")
}

/// Paragraphs by their first character that is not white space, to find where a contents entry
/// appears again without comparing it with every paragraph of a long text.
struct ByFirstChar<'a> {
    paras: &'a [Para<'a>],
    at: std::collections::HashMap<char, Vec<usize>>,
}

impl<'a> ByFirstChar<'a> {
    fn new(paras: &'a [Para<'a>]) -> ByFirstChar<'a> {
        let mut at: std::collections::HashMap<char, Vec<usize>> = std::collections::HashMap::new();
        for (i, p) in paras.iter().enumerate() {
            if let Some(c) = p.solid {
                at.entry(c).or_default().push(i);
            }
        }
        ByFirstChar { paras, at }
    }

    /// The first paragraph after `after` whose text is `title` (white space aside).
    fn find(&self, title: &str, after: usize) -> Option<usize> {
        let first = title.chars().find(|c| !c.is_whitespace())?;
        let list = self.at.get(&first)?;
        let from = list.partition_point(|&k| k <= after);
        list[from..]
            .iter()
            .copied()
            .find(|&k| compact_eq(self.paras[k].text, title))
    }
}

fn read_masthead(paras: &[Para], meta: &mut Metadata) {
    for p in paras {
        let t = compact(p.text);
        if meta.publication.is_none() && t.ends_with("公报") && t.chars().count() <= 30 {
            meta.publication = Some(t.clone());
        }
        let issue = patterns::issue(&t);
        if let Some(n) = patterns::serial(&t) {
            meta.serial = meta.serial.or(n.parse().ok());
        } else if let Some(n) = issue {
            meta.issue = meta.issue.or(n.parse().ok());
        }
        if let Some(y) = patterns::lone_year(&t) {
            meta.year = meta.year.or(y.parse().ok());
        } else if let Some(y) = first_year(&t).filter(|_| issue.is_some()) {
            meta.year = meta.year.or(y.parse().ok());
        }
    }
}

/// A short line of its own that names a part (`2024年工作回顾`) or is numbered like one (`三、…`).
/// A numbered heading may hold a comma (`一、一年接着一年干，…取得新进展`), never a full stop;
/// a line that starts like an item (`（五）…自身建设`) is an item, not a part.
fn is_part_heading(s: &str) -> bool {
    if longer_than(s, MAX_HEADING_CHARS)
        || s.contains(['。', '；', '！', '：', '？'])
        || marker_of(s).is_some_and(|m| m != Marker::Numbered)
    {
        return false;
    }
    patterns::numbered_heading(s).is_some() || (!s.contains('，') && has_word(s, PART_TOPIC))
}

/// The number of a numbered heading (`三、…` → 3).
fn heading_number(s: &str) -> Option<u32> {
    patterns::numbered_heading(s).and_then(chinese_number)
}

/// A Chinese numeral from 1 to 99 (`三` → 3, `十二` → 12, `二十` → 20).
fn chinese_number(s: &str) -> Option<u32> {
    let digit = patterns::cn_digit;
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => digit(*u).map(|u| 10 + u),
        [t, '十'] => digit(*t).map(|t| t * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// The part headings among the paragraphs from `body` on. A report numbers its parts (`一、…`,
/// `二、…`) or names them (`2024年工作回顾`); the first heading tells which. Numbered parts follow
/// each other (`一、` `二、` `三、`): a numbered line out of sequence, or a numbered line in a
/// report whose parts are named, is a heading inside a part and is left to `items`.
fn part_heads(paras: &[Para], body: usize) -> Vec<usize> {
    let candidates: Vec<usize> = (body..paras.len())
        .filter(|&i| is_part_heading(paras[i].text))
        .collect();
    let Some(&first) = candidates.first() else {
        return Vec::new();
    };
    if heading_number(paras[first].text).is_none() {
        return candidates
            .into_iter()
            .filter(|&i| patterns::numbered_heading(paras[i].text).is_none())
            .collect();
    }
    let mut heads = Vec::new();
    let mut next: Option<u32> = None;
    for i in candidates {
        let Some(n) = heading_number(paras[i].text) else {
            continue;
        };
        if next.is_none_or(|want| n == want) {
            heads.push(i);
            next = Some(n + 1);
        }
    }
    heads
}

/// First and last year of a five-year plan (`十四` → 2021–2025).
fn plan_period(ordinal: &str) -> Option<(i32, i32)> {
    let n = chinese_number(ordinal)? as i32;
    let start = if n <= 2 {
        1953 + 5 * (n - 1)
    } else {
        1966 + 5 * (n - 3)
    };
    Some((start, start + 4))
}

/// The years a text names, as ranges: `2025年` → (2025, 2025), `“十五五”` → (2026, 2030).
fn time_ranges(s: &str) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = years(s)
        .filter_map(|y| y.parse().ok())
        .map(|y| (y, y))
        .collect();
    for ordinal in patterns::plan_periods(s) {
        out.extend(plan_period(ordinal));
    }
    out
}

/// Review when every year named lies before `now` (the year the report is delivered), plan when
/// every one lies in or after it.
fn covers_by_time(s: &str, now: Option<i32>) -> Option<Covers> {
    let now = now?;
    let ranges = time_ranges(s);
    if ranges.is_empty() {
        None
    } else if ranges.iter().all(|&(_, end)| end < now) {
        Some(Covers::Review)
    } else if ranges.iter().all(|&(start, _)| start >= now) {
        Some(Covers::Plan)
    } else {
        None
    }
}

/// What a part covers: the words of its heading (`回顾`, `任务`, `自身建设`; both a review and a
/// plan word: other, the part holds results and targets); else the years its
/// heading names (`三、2026年主要工作` in a report delivered in 2026 is the plan); else the time
/// frame its first paragraph opens with (`2025年是…`, `“十五五”时期是…`, `过去一年，…`).
fn covers_of(heading: &str, first_para: Option<&str>, now: Option<i32>) -> Covers {
    match (
        has_word(heading, REVIEW_WORDS),
        has_word(heading, PLAN_WORDS),
    ) {
        (true, false) => return Covers::Review,
        (false, true) => return Covers::Plan,
        // `“十四五”时期发展成就和“十五五”时期主要目标任务`: results and targets in one part.
        (true, true) => return Covers::Other,
        (false, false) => {}
    }
    if has_word(heading, OTHER_WORDS) {
        return Covers::Other;
    }
    if let Some(c) = covers_by_time(heading, now) {
        return c;
    }
    // A time frame that opens the part's first paragraph (`2025年是…`, `“十五五”时期是…`,
    // `过去一年，…`, `今年…`).
    let Some(p) = first_para else {
        return Covers::Other;
    };
    match patterns::opening(p) {
        Some(patterns::Opening::Past) => Covers::Review,
        Some(patterns::Opening::Coming) => Covers::Plan,
        Some(patterns::Opening::Named(n)) => covers_by_time(&p[..n], now).unwrap_or(Covers::Other),
        None => Covers::Other,
    }
}

/// The years a text names (`2025年` → `2025`), as written.
fn years(s: &str) -> impl Iterator<Item = &str> {
    patterns::years(s).map(move |(a, b)| &s[a..b - '年'.len_utf8()])
}

fn first_year(s: &str) -> Option<&str> {
    years(s).next()
}

fn max_year(s: &str) -> Option<i32> {
    years(s).filter_map(|y| y.parse().ok()).max()
}

/// A government work report: header lines, preamble, parts with items, paragraphs, sentences.
fn work_report(paras: &[Para], title: &str, meta: &mut Metadata) -> Node {
    let text_end = paras.last().map_or(0, |p| p.end);
    let mut node = Node::new(NodeKind::WorkReport, title, paras[0].start, text_end);
    node.children.push(Node::new(
        NodeKind::Title,
        title,
        paras[0].start,
        paras[0].end,
    ));
    meta.title.get_or_insert_with(|| title.to_string());

    let mut body = 1;
    let mut delivery_year = None;
    let (mut have_delivery, mut have_speaker) = (false, false);
    for (i, p) in paras.iter().enumerate().take(HEADER_WINDOW + 1).skip(1) {
        if is_part_heading(p.text) || is_address(p.text) || p.text.contains('。') {
            break;
        }
        // Web pages repeat the title and header lines around their chrome: the first of each kind
        // makes a node, and the body starts after the last.
        if compact_eq(p.text, title) {
            body = i + 1;
            continue;
        }
        // Chrome among the header lines (`来源：某某日报`, a time stamp, `【字号：大 中 小】`, the
        // value of a label left alone on the line before) is in no part of the report.
        let value_of_label =
            i > 1 && crate::chrome::is_label_alone(paras[i - 1].text) && !is_speaker_line(p.text);
        if crate::chrome::is_chrome_line(p.text) || value_of_label {
            if i == body {
                body = i + 1;
            }
            continue;
        }
        let date = patterns::date(p.text);
        let delivery = patterns::delivery(p.text).filter(|_| date.is_some());
        let dashed = p.text.starts_with('—') && date.is_some();
        if delivery.is_some() || dashed {
            body = i + 1;
            if have_delivery {
                continue;
            }
            have_delivery = true;
            if let Some((y, m, d)) = date {
                let (y, m, d): (i32, u32, u32) = (
                    y.parse().unwrap_or(0),
                    m.parse().unwrap_or(0),
                    d.parse().unwrap_or(0),
                );
                delivery_year = Some(y);
                meta.date.get_or_insert(format!("{y:04}-{m:02}-{d:02}"));
            }
            node.children
                .push(Node::new(NodeKind::DeliveryLine, p.text, p.start, p.end));
            // `2026年1月27日在…会议上 陕西省省长 赵刚`: the speaker on the same line.
            if let Some(who) = delivery
                .flatten()
                .map(str::trim)
                .filter(|w| is_speaker_line(w))
                && !have_speaker
            {
                have_speaker = true;
                meta.speaker.get_or_insert(who.to_string());
            }
        } else if is_speaker_line(p.text) {
            body = i + 1;
            if have_speaker {
                continue;
            }
            have_speaker = true;
            let name = p
                .text
                .trim_matches(|c| matches!(c, '(' | ')' | '（' | '）'))
                .to_string();
            meta.speaker.get_or_insert(name.clone());
            node.children
                .push(Node::new(NodeKind::Speaker, name, p.start, p.end));
        }
    }

    // The year the report is given in: its delivery date, else the year in its title
    // (`2026年四川省人民政府工作报告`).
    let now = delivery_year.or_else(|| max_year(title));
    let heads = part_heads(paras, body);
    let first_part = heads.first().copied().unwrap_or(paras.len());
    if first_part > body {
        let mut pre = Node::new(
            NodeKind::Preamble,
            "",
            paras[body].start,
            paras[first_part - 1].end,
        );
        pre.title = "开头".into();
        pre.children = paragraph_nodes(&paras[body..first_part], "");
        node.children.push(pre);
    }
    let (mut review_year, mut plan_year) = (None, None);
    for (k, &h) in heads.iter().enumerate() {
        let to = heads.get(k + 1).copied().unwrap_or(paras.len());
        let heading = paras[h].text;
        let mut part = Node::new(NodeKind::Part, heading, paras[h].start, paras[to - 1].end);
        let covers = covers_of(heading, paras.get(h + 1).map(|p| p.text), now);
        part.covers = Some(covers);
        part.year = max_year(heading);
        match covers {
            Covers::Review => review_year = review_year.or(part.year),
            Covers::Plan => plan_year = plan_year.or(part.year),
            Covers::Other => {}
        }
        part.children = items(&paras[h + 1..to]);
        node.children.push(part);
    }
    // Years: from the headings; else from the delivery date or title (reports are given early in
    // the year they plan); else one from the other.
    let target = plan_year.or(now).or(review_year.map(|y| y + 1));
    let result = review_year.or(target.map(|y| y - 1));
    meta.result_year = meta.result_year.or(result);
    meta.target_year = meta.target_year.or(target);
    for part in node
        .children
        .iter_mut()
        .filter(|n| n.kind == NodeKind::Part)
    {
        if part.year.is_none() {
            part.year = match part.covers {
                Some(Covers::Review) => result,
                _ => target,
            };
        }
    }
    node
}

/// `省长 王某某`, `（自治区主席 某某）`; not a caption such as `省长王某某作政府工作报告`.
fn is_speaker_line(s: &str) -> bool {
    let inner = s.trim_matches(|c| matches!(c, '(' | ')' | '（' | '）'));
    !longer_than(s, MAX_HEADING_CHARS)
        && !s.contains(['。', '，', '；'])
        && !s.contains("报告")
        && has_word(inner, SPEAKER_TITLE)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `一、…`, only on a heading line of its own (`一、二季度…。` is a sentence).
    Numbered,
    Paren,
    Shi,
    Arabic,
}

/// Item markers from the outermost to the innermost level.
const MARKER_ORDER: [Marker; 4] = [Marker::Numbered, Marker::Paren, Marker::Shi, Marker::Arabic];

fn marker_of(s: &str) -> Option<Marker> {
    marker_with(s.chars().next()?, s)
}

/// [`marker_of`] `s`, whose first character is `head`.
fn marker_with(head: char, s: &str) -> Option<Marker> {
    // Every marker starts like an enumerator: most paragraphs are told apart by their first
    // character, before any pattern is asked.
    if !patterns::starts_like_enumerator_with(head) {
        None
    } else if patterns::numbered_heading(s).is_some()
        && !longer_than(s, MAX_HEADING_CHARS)
        && !s.contains(['。', '；', '！', '？'])
    {
        Some(Marker::Numbered)
    } else if patterns::paren_item(s) {
        Some(Marker::Paren)
    } else if patterns::shi_item(s) {
        Some(Marker::Shi)
    } else if patterns::arabic_item(s) {
        Some(Marker::Arabic)
    } else {
        None
    }
}

/// The title of an item: its lead sentence, up to the first full stop (or colon).
fn item_title(s: &str) -> String {
    // The stop found by the bitset pass over the text, not by decoding each character.
    static ENDS: LazyLock<BmpSet> =
        LazyLock::new(|| BmpSet::of(SENTENCE_ENDS.into_iter().chain(['：'])));
    let cut = ENDS.find_iter(s).next().map_or(s.len(), |(i, _)| i);
    first_chars(&s[..cut], MAX_ITEM_TITLE_CHARS).to_string()
}

/// Items of a part. Markers nest in the order `一、` > `（一）` > `一是` > `1.`; the outermost
/// marker present in a part is its top level (a part without `（一）` items has `一是` items at the
/// top, and so on).
fn items(paras: &[Para]) -> Vec<Node> {
    let markers: Vec<Option<Marker>> = paras.iter().map(|p| marker_with(p.head, p.text)).collect();
    // Which markers the part uses, found once (a long part has many items).
    let present: Vec<Marker> = MARKER_ORDER
        .iter()
        .copied()
        .filter(|&o| markers.contains(&Some(o)))
        .collect();
    let level = |m: Marker| {
        1 + MARKER_ORDER
            .iter()
            .take_while(|&&o| o != m)
            .filter(|o| present.contains(o))
            .count()
    };
    let mut out: Vec<Node> = Vec::new();
    let mut stack: Vec<(usize, Node)> = Vec::new(); // open items with their level
    fn close_to(level: usize, stack: &mut Vec<(usize, Node)>, out: &mut Vec<Node>) {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            if let Some((_, mut done)) = stack.pop() {
                done.end = done
                    .children
                    .last()
                    .map_or(done.end, |c| c.end.max(done.end));
                match stack.last_mut() {
                    Some((_, parent)) => parent.children.push(done),
                    None => out.push(done),
                }
            }
        }
    }
    for (i, p) in paras.iter().enumerate() {
        // An address to the audience (`各位代表！`) ends the numbered items before it (asked of
        // its first character first: the text of a paragraph met again is no longer cached).
        if ADDRESS_OPENING.starts_with(p.head) && is_address(p.text) {
            close_to(0, &mut stack, &mut out);
        }
        if let Some(m) = markers[i] {
            let l = level(m);
            close_to(l, &mut stack, &mut out);
            stack.push((
                l,
                Node::new(NodeKind::Item, item_title(p.text), p.start, p.end),
            ));
        }
        let para = paragraph_node(p);
        match stack.last_mut() {
            Some((_, item)) => {
                item.end = p.end;
                item.children.push(para);
            }
            None => out.push(para),
        }
    }
    close_to(0, &mut stack, &mut out);
    out
}

/// A paragraph of running text. Its sentences are not kept in the tree (`Node::sentences`
/// splits it when asked): a large input has hundreds of thousands of them.
fn paragraph_node(p: &Para) -> Node {
    // Its title is read from the text when asked (`Node::title_in`).
    let mut node = Node::new(NodeKind::Paragraph, String::new(), p.start, p.end);
    node.has_sentences = true;
    node
}

fn paragraph_nodes(paras: &[Para], _text: &str) -> Vec<Node> {
    paras.iter().map(paragraph_node).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::normalise;

    /// What a paragraph keeps of its head answers as its text would: `is_compactly` as
    /// `compact_eq`, and its first character as `starts_like_enumerator`, for paragraphs with
    /// and without leading white space, of one character, and of white space only.
    #[test]
    fn a_paragraph_head_answers_as_its_text() {
        let texts = [
            "目录",
            " 目录",
            "\u{3000}目 录",
            "目",
            "目录二",
            "录目",
            " ",
            "\u{3000}",
            "编辑委员会",
            "  编辑 委员会 ",
            "一、总体要求",
            "（一）稳增长",
            "1.扩大内需",
            "第一章",
            "各位代表：",
            "a",
            "\t目录",
        ];
        for text in texts {
            let p = Para::new(0, text);
            for word in ["目录", "编辑委员会", "目"] {
                assert_eq!(
                    p.is_compactly(word),
                    compact_eq(text, word),
                    "{text:?} {word:?}"
                );
            }
            assert_eq!(
                patterns::starts_like_enumerator_with(p.head),
                patterns::starts_like_enumerator(text),
                "{text:?}"
            );
            assert_eq!(p.end - p.start, text.len());
        }
    }

    fn seg(pages: &[&str]) -> (Node, Metadata, String) {
        let c = normalise(&pages.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let (n, m) = segment(&c);
        (n, m, c.text)
    }

    #[test]
    fn longer_than_counts_characters_not_bytes() {
        let texts = [
            String::new(),
            "a".into(),
            "增长".into(),
            "增长5%".into(),
            "𠀀𠀀a".into(),
            "增".repeat(40),
            "a".repeat(161),
            "𠀀".repeat(2),
            "𠀀".repeat(40),
            "𠀀".repeat(41),
        ];
        for s in &texts {
            for n in [0, 1, 2, 3, 5, 39, 40, 41, 160] {
                assert_eq!(longer_than(s, n), s.chars().count() > n, "{s:?} {n}");
            }
        }
    }

    /// A paragraph that does not start like an enumerator is no item: `marker_of` does not ask
    /// the markers' patterns of it.
    #[test]
    fn every_marker_starts_like_an_enumerator() {
        let pieces = [
            "一", "十", "二", "两", "、", "是", "（", "(", "）", ")", "1", "１", "٣", ".", "．",
            "第", "x", "年", " ",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
            texts.sort();
            texts.dedup();
        }
        let mut markers = 0;
        for s in &texts {
            let marker = patterns::numbered_heading(s).is_some()
                || patterns::paren_item(s)
                || patterns::shi_item(s)
                || patterns::arabic_item(s);
            markers += usize::from(marker);
            if marker {
                assert!(patterns::starts_like_enumerator(s), "{s:?}");
            }
        }
        assert!(markers > 1000, "{markers}");
    }

    #[test]
    fn an_item_title_is_its_lead_sentence() {
        let by_chars = |s: &str| {
            let cut = s
                .char_indices()
                .find(|&(_, c)| is_sentence_end(c) || c == '：')
                .map_or(s.len(), |(i, _)| i);
            first_chars(&s[..cut], MAX_ITEM_TITLE_CHARS).to_string()
        };
        for s in [
            "（一）持续扩大有效需求。全年完成投资",
            "一是稳投资：新开工项目120个",
            "二是强化创新!研发投入增长8%",
            "1. 增收入; 稳就业",
            "三是无句号的一段很长很长的文字没有结束",
            "",
            "；",
        ] {
            assert_eq!(item_title(s), by_chars(s), "{s}");
        }
        let long = "四是".to_string() + &"增".repeat(100) + "。";
        assert_eq!(item_title(&long), by_chars(&long));
    }

    #[test]
    fn sentences_do_not_split_inside_quotes_or_brackets() {
        let s = "推进“两重”建设；完成投资（含“两新”。）1亿元。增长5%！";
        let parts: Vec<&str> = sentences(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(
            parts,
            vec![
                "推进“两重”建设；",
                "完成投资（含“两新”。）1亿元。",
                "增长5%！"
            ]
        );
    }

    #[test]
    fn unclosed_quote_does_not_swallow_the_paragraph() {
        let s = "他说“开始。然后增长5%。最后。";
        assert_eq!(sentences(s).len(), 3);
    }

    #[test]
    fn state_council_style_report_gets_parts_and_years() {
        let (root, meta, _) = seg(&[
            "政府工作报告\n——2026年3月5日在第十四届全国人民代表大会第四次会议上\n国务院总理 某某\n各位代表：\n一、2025年工作回顾\n过去一年，国内生产总值增长5%。\n二、2026年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：国内生产总值增长4.5%—5%。\n三、2026年政府工作任务\n（一）扩大内需。全年增长。\n1.提振消费。做好。\n（二）发展新质生产力。加快。\n",
        ]);
        assert_eq!(meta.result_year, Some(2025));
        assert_eq!(meta.target_year, Some(2026));
        assert_eq!(meta.date.as_deref(), Some("2026-03-05"));
        assert_eq!(meta.speaker.as_deref(), Some("国务院总理 某某"));
        let report = &root.children[0];
        let parts: Vec<(&str, Option<Covers>)> = report
            .children
            .iter()
            .filter(|n| n.kind == NodeKind::Part)
            .map(|n| (n.title.as_str(), n.covers))
            .collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].1, Some(Covers::Review));
        assert_eq!(parts[1].1, Some(Covers::Plan));
        let tasks = report
            .children
            .iter()
            .rfind(|n| n.kind == NodeKind::Part)
            .unwrap();
        let items: Vec<&str> = tasks
            .children
            .iter()
            .filter(|n| n.kind == NodeKind::Item)
            .map(|n| n.title.as_str())
            .collect();
        assert_eq!(items, vec!["（一）扩大内需", "（二）发展新质生产力"]);
        assert_eq!(
            tasks.children[0]
                .children
                .iter()
                .filter(|n| n.kind == NodeKind::Item)
                .count(),
            1
        );
    }

    #[test]
    fn years_fall_back_to_the_delivery_date() {
        let (_, meta, _) = seg(&[
            "某市政府工作报告\n——2027年1月10日在某市第一届人民代表大会第二次会议上\n各位代表：\n一、过去一年工作\n增长。\n",
        ]);
        assert_eq!(meta.target_year, Some(2027));
        assert_eq!(meta.result_year, Some(2026));
    }

    /// The work report of a segmented text, and its parts as `(title, covers, year)`.
    fn parts_of(root: &Node) -> Vec<(String, Option<Covers>, Option<i32>)> {
        let report = root
            .children
            .iter()
            .find(|n| n.kind == NodeKind::WorkReport)
            .expect("a work report");
        report
            .children
            .iter()
            .filter(|n| n.kind == NodeKind::Part)
            .map(|n| (n.title.clone(), n.covers, n.year))
            .collect()
    }

    fn item_titles(node: &Node) -> Vec<&str> {
        node.children
            .iter()
            .filter(|n| n.kind == NodeKind::Item)
            .map(|n| n.title.as_str())
            .collect()
    }

    fn part<'a>(root: &'a Node, title: &str) -> &'a Node {
        let mut found = None;
        root.walk(&mut |n, _| {
            if n.kind == NodeKind::Part && n.title == title {
                found = Some(n);
            }
        });
        found.unwrap_or_else(|| panic!("no part {title:?}"))
    }

    /// A report as saved from a web page: chrome, one paragraph per line, part headings that say
    /// what they cover only through a year, a five-year plan or the time their first paragraph
    /// opens with.
    const WEB_REPORT: &str = "下载\n打印\n2026年某省政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第四次会议上\n来源：某省日报\n省长 某某\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、一年接着一年干，全省发展取得新进展新成效\n2025年是“十四五”收官之年。一年来，我们砥砺奋进。\n全省地区生产总值增长5.2%。\n（一）着力扩大有效需求，内需潜力有效激发\n社会消费品零售总额增长6%。\n（二）着力加强政府自身建设，服务效能持续提升\n政务服务满意度达到99%。\n二、“十五五”时期发展的主要考虑\n“十五五”时期是基本实现社会主义现代化夯实基础的关键时期。\n三、2026年主要工作\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n（一）扩大内需，增长5%左右\n一、二季度开展消费季活动。\n四、全面加强政府自身建设\n我们将持续改进作风。\n";

    #[test]
    fn numbered_parts_are_classified_by_words_years_periods_and_opening_time() {
        let (root, meta, _) = seg(&[WEB_REPORT]);
        assert_eq!(
            parts_of(&root),
            vec![
                (
                    "一、一年接着一年干，全省发展取得新进展新成效".to_string(),
                    Some(Covers::Review),
                    Some(2025)
                ),
                (
                    "二、“十五五”时期发展的主要考虑".to_string(),
                    Some(Covers::Plan),
                    Some(2026)
                ),
                (
                    "三、2026年主要工作".to_string(),
                    Some(Covers::Plan),
                    Some(2026)
                ),
                (
                    "四、全面加强政府自身建设".to_string(),
                    Some(Covers::Other),
                    Some(2026)
                ),
            ]
        );
        assert_eq!(meta.result_year, Some(2025));
        assert_eq!(meta.target_year, Some(2026));
        assert_eq!(meta.speaker.as_deref(), Some("省长 某某"));
    }

    #[test]
    fn an_item_that_names_a_part_topic_stays_an_item() {
        let (root, _, _) = seg(&[WEB_REPORT]);
        let review = part(&root, "一、一年接着一年干，全省发展取得新进展新成效");
        assert_eq!(
            item_titles(review),
            vec![
                "（一）着力扩大有效需求，内需潜力有效激发",
                "（二）着力加强政府自身建设，服务效能持续提升"
            ]
        );
        // `一、二季度…。` is a sentence, not a numbered heading.
        let plan = part(&root, "三、2026年主要工作");
        assert_eq!(item_titles(plan), vec!["（一）扩大内需，增长5%左右"]);
        assert_eq!(plan.children.last().unwrap().children.len(), 2);
    }

    #[test]
    fn named_parts_hold_numbered_sections_with_their_items() {
        let (root, meta, _) = seg(&[
            "2026年某自治区政府工作报告\n（2026年2月4日在某自治区第十四届人民代表大会第五次会议上）\n自治区人民政府主席 某某\n各位代表：\n“十四五”时期发展成就和2025年工作回顾\n过去一年，地区生产总值增长5%。\n“十五五”时期主要目标和2026年重点工作\n今年的主要预期目标是：增长5%左右。\n一、把铸牢共同体意识作为各项工作的主线\n（一）加强共有精神家园建设\n建设一批示范点。\n（二）促进广泛交往交流交融\n开展活动。\n二、全力抓好七项重点工作\n（一）立足壮大实体经济，建设现代化产业体系\n工业增长6%。\n",
        ]);
        assert_eq!(meta.date.as_deref(), Some("2026-02-04"));
        assert_eq!(meta.speaker.as_deref(), Some("自治区人民政府主席 某某"));
        assert_eq!(
            parts_of(&root),
            vec![
                (
                    "“十四五”时期发展成就和2025年工作回顾".to_string(),
                    Some(Covers::Review),
                    Some(2025)
                ),
                (
                    "“十五五”时期主要目标和2026年重点工作".to_string(),
                    Some(Covers::Plan),
                    Some(2026)
                ),
            ]
        );
        let plan = part(&root, "“十五五”时期主要目标和2026年重点工作");
        assert_eq!(
            item_titles(plan),
            vec![
                "一、把铸牢共同体意识作为各项工作的主线",
                "二、全力抓好七项重点工作"
            ]
        );
        assert_eq!(
            item_titles(&plan.children[1]),
            vec!["（一）加强共有精神家园建设", "（二）促进广泛交往交流交融"]
        );
        assert_eq!(
            item_titles(&plan.children[2]),
            vec!["（一）立足壮大实体经济，建设现代化产业体系"]
        );
    }

    #[test]
    fn a_numbered_heading_out_of_sequence_is_not_a_part() {
        let (root, _, _) = seg(&[
            "某市政府工作报告\n——2026年1月10日在某市第一届人民代表大会第二次会议上\n一、2025年工作回顾\n增长5%。\n二、2026年工作安排\n主要任务如下。\n一、扩大内需\n增长。\n二、发展产业\n增长。\n三、加强政府自身建设\n改进作风。\n",
        ]);
        let titles: Vec<String> = parts_of(&root).into_iter().map(|p| p.0).collect();
        assert_eq!(
            titles,
            vec![
                "一、2025年工作回顾",
                "二、2026年工作安排",
                "三、加强政府自身建设"
            ]
        );
        assert_eq!(
            item_titles(part(&root, "二、2026年工作安排")),
            vec!["一、扩大内需", "二、发展产业"]
        );
    }

    #[test]
    fn web_chrome_around_the_header_lines_is_skipped() {
        let (root, meta, _) = seg(&[
            "分享:\n某省2026年政府工作报告\n2026年1月27日在某省第十四届人民代表大会第四次会议上 某省省长 某某\n首页\n>\n某省2026年政府工作报告\n2026年1月27日在某省第十四届人民代表大会第四次会议上 某省省长 某某\n时间：\n2026-02-02 09:20\n省长某某作政府工作报告\n各位代表：\n一、2025年工作回顾\n增长5%。\n",
        ]);
        assert_eq!(meta.date.as_deref(), Some("2026-01-27"));
        assert_eq!(meta.speaker.as_deref(), Some("某省省长 某某"));
        let report = root
            .children
            .iter()
            .find(|n| n.kind == NodeKind::WorkReport)
            .unwrap();
        let kinds: Vec<NodeKind> = report.children.iter().map(|n| n.kind).collect();
        assert_eq!(
            kinds,
            vec![
                NodeKind::Title,
                NodeKind::DeliveryLine,
                NodeKind::Preamble,
                NodeKind::Part
            ]
        );
    }

    #[test]
    fn without_a_delivery_line_the_title_year_dates_the_report() {
        let (root, meta, _) = seg(&[
            "2026年某省人民政府工作报告\n一、2025年工作回顾\n增长5%。\n二、“十五五”发展的主要考虑\n谋划。\n三、2026年主要工作\n增长。\n",
        ]);
        let covers: Vec<Option<Covers>> = parts_of(&root).into_iter().map(|p| p.1).collect();
        assert_eq!(
            covers,
            vec![Some(Covers::Review), Some(Covers::Plan), Some(Covers::Plan)]
        );
        assert_eq!(meta.result_year, Some(2025));
        assert_eq!(meta.target_year, Some(2026));
    }

    #[test]
    fn a_part_that_reviews_and_plans_is_other() {
        let (root, meta, _) = seg(&[
            "某市政府工作报告\n——2026年1月25日在某市第十六届人民代表大会第四次会议上\n一、2025年工作回顾\n增长5%。\n二、“十四五”时期发展成就和“十五五”时期主要目标任务\n五年来增长。今后五年增长。\n三、2026年重点工作\n增长5%左右。\n",
        ]);
        let covers: Vec<Option<Covers>> = parts_of(&root).into_iter().map(|p| p.1).collect();
        assert_eq!(
            covers,
            vec![
                Some(Covers::Review),
                Some(Covers::Other),
                Some(Covers::Plan)
            ]
        );
        assert_eq!(meta.result_year, Some(2025));
        assert_eq!(meta.target_year, Some(2026));
    }

    #[test]
    fn contents_entries_lose_page_numbers_but_not_dates() {
        assert_eq!(contents_title("- 1政府工作报告"), "政府工作报告");
        assert_eq!(contents_title("政府工作报告……………12"), "政府工作报告");
        assert_eq!(
            contents_title("3 关于印发某某办法的通知"),
            "关于印发某某办法的通知"
        );
        assert_eq!(
            contents_title("——2025年1月19日在某某自治区第十二届人民代表大会第三次会议上"),
            "——2025年1月19日在某某自治区第十二届人民代表大会第三次会议上"
        );
        assert_eq!(contents_title("2025年工作要点 5"), "2025年工作要点");
    }

    #[test]
    fn five_year_plans_and_chinese_numerals() {
        assert_eq!(plan_period("十四"), Some((2021, 2025)));
        assert_eq!(plan_period("十五"), Some((2026, 2030)));
        assert_eq!(plan_period("一"), Some((1953, 1957)));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("二十三"), Some(23));
        assert_eq!(chinese_number("零"), None);
        assert_eq!(
            time_ranges("“十四五”时期和2025年"),
            vec![(2025, 2025), (2021, 2025)]
        );
    }
}
