//! The document model: canonical text, metadata and the tree of what a reader sees.

use crate::ingest::SourceKind;
use crate::normalise::Canonical;
use serde::Serialize;

/// Where a document came from.
#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    /// The path as given on the command line (`-` for standard input).
    pub path: String,
    pub kind: SourceKind,
    /// Text encoding detected or forced (text input only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    pub pages: u32,
    pub bytes: u64,
}

/// What the masthead, title and headings say about the document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Metadata {
    /// Publication named on the masthead (`某省人民政府公报`).
    pub publication: Option<String>,
    /// Year of the issue on the masthead.
    pub year: Option<i32>,
    /// Issue number within the year (`第1期` → 1).
    pub issue: Option<u32>,
    /// Serial number since the first issue (`总第512号` → 512).
    pub serial: Option<u32>,
    /// Title of the (first) government work report.
    pub title: Option<String>,
    /// Delivery date of the report (`2025-01-19`).
    pub date: Option<String>,
    /// Who delivered it, as the speaker line gives it.
    pub speaker: Option<String>,
    /// The year the review part reports on.
    pub result_year: Option<i32>,
    /// The year the plan part plans.
    pub target_year: Option<i32>,
}

/// What a node of the tree is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Document,
    FrontMatter,
    /// What follows a report on a web page: related links, the editor, share and print buttons.
    BackMatter,
    Masthead,
    EditorialBoard,
    Contents,
    Article,
    WorkReport,
    Title,
    DeliveryLine,
    Speaker,
    Preamble,
    Part,
    Item,
    Paragraph,
    Sentence,
}

/// Which year a part of a work report speaks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Covers {
    /// The review of the past year (or years): results.
    Review,
    /// The plan for the coming year (or period): targets.
    Plan,
    /// Neither (e.g. the government's own conduct), or both in one part (the last five years'
    /// results with the next five years' targets).
    Other,
}

/// A node of the document tree. Spans are byte offsets into the canonical text; the report layer
/// turns them into character offsets.
#[derive(Debug, Clone)]
pub struct Node {
    pub kind: NodeKind,
    /// What the node is called: a heading, the first words of a paragraph. Empty for a sentence
    /// (made by `sentences` when asked), whose title is its text (`title_in`).
    pub title: String,
    pub start: usize,
    pub end: usize,
    pub first_page: u32,
    pub last_page: u32,
    /// For parts: what they cover.
    pub covers: Option<Covers>,
    /// For parts: the year they cover, when the heading names it.
    pub year: Option<i32>,
    /// A paragraph of running text, made of sentences (`sentences`); a contents entry, a title
    /// or a delivery line is not.
    pub has_sentences: bool,
    /// Sentences are not children: they are split from the text when asked (`sentences`).
    pub children: Vec<Node>,
}

/// How many characters of a paragraph of running text title it (`Node::title_in`).
pub const PARAGRAPH_TITLE_CHARS: usize = 20;

impl Node {
    pub fn new(kind: NodeKind, title: impl Into<String>, start: usize, end: usize) -> Node {
        Node {
            kind,
            title: title.into(),
            start,
            end,
            first_page: 1,
            last_page: 1,
            covers: None,
            year: None,
            has_sentences: false,
            children: Vec::new(),
        }
    }

    /// The title as a reader sees it: a sentence's is its text in `text` (the canonical text),
    /// a paragraph of running text's the first `PARAGRAPH_TITLE_CHARS` characters of it. Both
    /// are read from the text when asked, not kept: a large input has hundreds of thousands.
    pub fn title_in<'a>(&'a self, text: &'a str) -> &'a str {
        let own = || text.get(self.start..self.end).unwrap_or_default();
        if self.kind == NodeKind::Sentence {
            own()
        } else if self.has_sentences {
            crate::chars::first_chars(own(), PARAGRAPH_TITLE_CHARS)
        } else {
            &self.title
        }
    }

    /// The sentences of a paragraph of running text, as nodes with their pages (none for any
    /// other node). `canonical` is the text the tree was segmented from.
    pub fn sentences(&self, canonical: &Canonical) -> Vec<Node> {
        self.sentence_spans(&canonical.text)
            .map(|(start, end)| {
                let mut n = Node::new(NodeKind::Sentence, "", start, end);
                n.set_pages(canonical);
                n
            })
            .collect()
    }

    /// Byte spans of the sentences of a paragraph of running text in `text`.
    pub fn sentence_spans(&self, text: &str) -> impl Iterator<Item = (usize, usize)> + use<> {
        let start = self.start;
        let spans = match text.get(self.start..self.end) {
            Some(own) if self.has_sentences => crate::segment::sentences(own),
            _ => Vec::new(),
        };
        spans.into_iter().map(move |(s, e)| (start + s, start + e))
    }

    /// Depth-first walk calling `f(node, ancestors)`.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Node, &[&'a Node])) {
        fn go<'a>(n: &'a Node, path: &mut Vec<&'a Node>, f: &mut dyn FnMut(&'a Node, &[&'a Node])) {
            f(n, path);
            path.push(n);
            for c in &n.children {
                go(c, path, f);
            }
            path.pop();
        }
        go(self, &mut Vec::new(), f);
    }

    /// Fill `first_page`/`last_page` of this node and all below from the page map.
    pub fn set_pages(&mut self, canonical: &Canonical) {
        self.first_page = canonical.page_at(self.start);
        self.last_page = canonical.page_at(self.end.saturating_sub(1).max(self.start));
        for c in &mut self.children {
            c.set_pages(canonical);
        }
    }
}

/// One input, read, normalised and segmented.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: SourceInfo,
    pub canonical: Canonical,
    pub meta: Metadata,
    pub root: Node,
    /// What the script fold (`lexicon::script`) writes over the text, by byte offset in order:
    /// the rules read `folded` pieces, people see the text as it is.
    pub folds: Vec<(usize, char)>,
    pub warnings: Vec<String>,
}

impl Document {
    pub fn text(&self) -> &str {
        &self.canonical.text
    }

    /// `text()[start..end]` as the rules read it: traditional characters and corner quotes
    /// folded into the simplified forms (same byte offsets).
    pub fn folded(&self, start: usize, end: usize) -> std::borrow::Cow<'_, str> {
        crate::lexicon::script::patched(self.text(), start, end, &self.folds)
    }

    /// The fold changed a character of `text()[start..end]` (`folded` is then a copy).
    pub fn folded_within(&self, start: usize, end: usize) -> bool {
        let first = self.folds.partition_point(|&(at, _)| at < start);
        self.folds.get(first).is_some_and(|&(at, _)| at < end)
    }
}

/// Byte offset → character offset, with checkpoints so that many lookups stay cheap on large texts.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `(byte, char)` at char boundaries, about every `STEP` bytes.
    marks: Vec<(usize, usize)>,
}

impl CharIndex {
    const STEP: usize = 512;

    pub fn new(text: &str) -> CharIndex {
        // A mark at the first character boundary at least `STEP` bytes after the last one; the
        // characters between are counted by std's (vectorised) count.
        let mut marks = vec![(0, 0)];
        let (mut byte, mut chars) = (0, 0);
        while byte + Self::STEP < text.len() {
            let mut next = byte + Self::STEP;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += text[byte..next].chars().count();
            marks.push((next, chars));
            byte = next;
        }
        CharIndex { marks }
    }

    /// Character offset of `byte` (which must be a char boundary of the text).
    pub fn char_at(&self, text: &str, byte: usize) -> usize {
        let i = self.marks.partition_point(|&(b, _)| b <= byte) - 1;
        let (b0, c0) = self.marks[i];
        c0 + text.get(b0..byte).map_or(0, |s| s.chars().count())
    }
}

/// Byte offset → character offset for offsets asked mostly in increasing order (the mentions of
/// a document, in text order): the characters between one answer and the next are counted, so
/// that the whole text is counted about once.
#[derive(Debug, Clone, Default)]
pub struct CharCursor {
    byte: usize,
    chars: usize,
}

impl CharCursor {
    /// Character offset of `byte` (a char boundary of `text`, the text of every earlier call).
    pub fn at(&mut self, text: &str, byte: usize) -> usize {
        debug_assert!(
            text.is_char_boundary(byte),
            "{byte} is no character boundary"
        );
        // Counted by bytecount, 32 bytes at a time where the processor has AVX2: the mentions
        // of a large input ask about the whole of its text.
        let count = |a: usize, b: usize| {
            text.get(a..b)
                .map_or(0, |s| bytecount::num_chars(s.as_bytes()))
        };
        if byte >= self.byte {
            self.chars += count(self.byte, byte);
        } else {
            self.chars -= count(byte, self.byte);
        }
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::{CharCursor, CharIndex, Node, NodeKind, PARAGRAPH_TITLE_CHARS};

    #[test]
    fn a_sentence_is_titled_by_its_text_and_other_nodes_by_their_title() {
        let text = "一、回顾\n增长5%。投资下降。";
        let second = text.find("投资").unwrap();
        let sentence = Node::new(NodeKind::Sentence, "", second, text.len());
        assert_eq!(sentence.title_in(text), "投资下降。");
        let part = Node::new(NodeKind::Part, "一、回顾", 0, text.len());
        assert_eq!(part.title_in(text), "一、回顾");
        // A span outside the text (a tree read against the wrong text) gives no title, not a panic.
        assert_eq!(sentence.title_in("短"), "");
        // A paragraph of running text is titled by its first characters.
        let long = format!("一、回顾\n{}", "增长5%，".repeat(10));
        let mut para = Node::new(NodeKind::Paragraph, "", "一、回顾\n".len(), long.len());
        para.has_sentences = true;
        assert_eq!(para.title_in(&long), "增长5%，".repeat(4));
        assert_eq!(para.title_in(&long).chars().count(), PARAGRAPH_TITLE_CHARS);
    }

    /// A piece is folded within exactly when its folded text is a copy: traditional characters
    /// at its edges, inside it and outside it.
    #[test]
    fn a_piece_is_folded_within_when_its_folded_text_differs() {
        let text = "2025年工作回顧\n地區生產總值增長5%，糧食產量穩定。人口增长1%，「十四五」時期。";
        let doc = crate::analyse(
            "t.txt",
            text.as_bytes(),
            &crate::ingest::IngestOptions::default(),
        )
        .expect("analyse");
        let t = doc.text();
        assert!(doc.folds.len() > 5, "{:?}", doc.folds);
        let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
        let (mut within, mut plain) = (0, 0);
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let copied = matches!(doc.folded(a, b), std::borrow::Cow::Owned(_));
                assert_eq!(doc.folded_within(a, b), copied, "{}", &t[a..b]);
                if copied { within += 1 } else { plain += 1 }
            }
        }
        assert!(within > 100 && plain > 100, "{within} {plain}");
    }

    #[test]
    fn char_index_counts_characters_before_every_boundary() {
        let text = "增长5%，a".repeat(300) + "𠀀末";
        let idx = CharIndex::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_at(&text, byte), chars, "{byte}");
        }
        assert_eq!(idx.char_at(&text, text.len()), text.chars().count());
        assert_eq!(CharIndex::new("").char_at("", 0), 0);
    }

    #[test]
    fn char_cursor_counts_characters_forward_and_back() {
        let text = "增长5%，a".repeat(40) + "𠀀末";
        let bounds: Vec<(usize, usize)> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .enumerate()
            .map(|(chars, byte)| (byte, chars))
            .collect();
        let mut cursor = CharCursor::default();
        // Forward in steps, back, to the start and to the end.
        let mut k = 0;
        for step in [3, 1, 0, 7, 2, 11] {
            k = (k + step) % bounds.len();
            let (byte, chars) = bounds[k];
            assert_eq!(cursor.at(&text, byte), chars, "{byte}");
        }
        for k in [5, 0, bounds.len() - 1, 2] {
            let (byte, chars) = bounds[k];
            assert_eq!(cursor.at(&text, byte), chars, "{byte}");
        }
    }
}
