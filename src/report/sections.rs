//! `gazette sections`: the document tree as a table or as JSON.

use crate::document::{CharIndex, Covers, Document, Node, NodeKind};
use crate::normalise::Canonical;
use comfy_table::{Cell, Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

/// How deep to print the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    Item,
    Paragraph,
    Sentence,
}

fn shown(kind: NodeKind, depth: Depth) -> bool {
    match kind {
        NodeKind::Paragraph => depth >= Depth::Paragraph,
        NodeKind::Sentence => depth >= Depth::Sentence,
        _ => true,
    }
}

/// One node as JSON: character offsets into the canonical text, pages, sizes.
#[derive(Serialize)]
struct NodeJson<'a> {
    kind: NodeKind,
    title: &'a str,
    /// `[start, end)` in characters of the canonical text.
    span: [usize; 2],
    pages: [u32; 2],
    chars: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    covers: Option<Covers>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    paragraphs: usize,
    sentences: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    children: Vec<NodeJson<'a>>,
}

/// How many paragraphs there are at and below `node`.
fn paragraphs_in(node: &Node) -> usize {
    let mut n = 0;
    node.walk(&mut |c, _| n += usize::from(c.kind == NodeKind::Paragraph));
    n
}

/// How many paragraphs and sentences there are at and below `node` (sentences split from
/// `text`, each paragraph once).
fn counts(node: &Node, text: &str) -> (usize, usize) {
    let (mut paragraphs, mut sentences) = (0, 0);
    node.walk(&mut |c, _| {
        paragraphs += usize::from(c.kind == NodeKind::Paragraph);
        sentences += c.sentence_spans(text).count();
    });
    (paragraphs, sentences)
}

/// `node` as JSON with the children `depth` shows; its counts are summed from below, so that
/// each paragraph is split into sentences once.
fn to_json<'a>(
    node: &'a Node,
    canonical: &'a Canonical,
    idx: &CharIndex,
    depth: Depth,
) -> NodeJson<'a> {
    let text: &'a str = &canonical.text;
    let mut paragraphs = usize::from(node.kind == NodeKind::Paragraph);
    // The tree stops at paragraphs: its sentences are split below, never nodes of their own.
    let mut sentences = 0;
    let mut children = Vec::new();
    for c in &node.children {
        if shown(c.kind, depth) {
            let child = to_json(c, canonical, idx, depth);
            paragraphs += child.paragraphs;
            sentences += child.sentences;
            children.push(child);
        } else {
            let (p, s) = counts(c, text);
            paragraphs += p;
            sentences += s;
        }
    }
    if shown(NodeKind::Sentence, depth) {
        for s in node.sentences(canonical) {
            // A sentence is titled by its text (`Node::title_in`), which outlives the node made here.
            let title = text.get(s.start..s.end).unwrap_or_default();
            children.push(node_json(&s, title, idx, text, (0, 1), Vec::new()));
            sentences += 1;
        }
    } else {
        sentences += node.sentence_spans(text).count();
    }
    node_json(
        node,
        node.title_in(text),
        idx,
        text,
        (paragraphs, sentences),
        children,
    )
}

/// `node` as JSON, with its title, its counts of paragraphs and sentences and the children
/// already made.
fn node_json<'a>(
    node: &Node,
    title: &'a str,
    idx: &CharIndex,
    text: &str,
    (paragraphs, sentences): (usize, usize),
    children: Vec<NodeJson<'a>>,
) -> NodeJson<'a> {
    let start = idx.char_at(text, node.start);
    let end = idx.char_at(text, node.end);
    NodeJson {
        kind: node.kind,
        title,
        span: [start, end],
        pages: [node.first_page, node.last_page],
        chars: end - start,
        covers: node.covers,
        year: node.year,
        paragraphs,
        sentences,
        children,
    }
}

/// `{"source": …, "document": …, "tree": …}`.
pub fn json(doc: &Document, depth: Depth) -> serde_json::Result<String> {
    let idx = CharIndex::new(doc.text());
    #[derive(Serialize)]
    struct Out<'a> {
        source: &'a crate::document::SourceInfo,
        document: &'a crate::document::Metadata,
        tree: NodeJson<'a>,
    }
    serde_json::to_string_pretty(&Out {
        source: &doc.source,
        document: &doc.meta,
        tree: to_json(&doc.root, &doc.canonical, &idx, depth),
    })
}

fn kind_label(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Document => "document",
        NodeKind::FrontMatter => "front matter",
        NodeKind::BackMatter => "back matter",
        NodeKind::Masthead => "masthead",
        NodeKind::EditorialBoard => "editorial board",
        NodeKind::Contents => "contents",
        NodeKind::Article => "article",
        NodeKind::WorkReport => "work report",
        NodeKind::Title => "title",
        NodeKind::DeliveryLine => "delivery line",
        NodeKind::Speaker => "speaker",
        NodeKind::Preamble => "preamble",
        NodeKind::Part => "part",
        NodeKind::Item => "item",
        NodeKind::Paragraph => "paragraph",
        NodeKind::Sentence => "sentence",
    }
}

/// The table row of a node `level` levels below the document.
fn row(n: &Node, level: usize, text: &str) -> Vec<Cell> {
    let indent = "  ".repeat(level);
    let pages = if n.first_page == n.last_page {
        n.first_page.to_string()
    } else {
        format!("{}–{}", n.first_page, n.last_page)
    };
    let covers = match n.covers {
        Some(Covers::Review) => " (review)",
        Some(Covers::Plan) => " (plan)",
        _ => "",
    };
    let title: String = n.title_in(text).chars().take(40).collect();
    vec![
        Cell::new(format!("{indent}{}{covers}", kind_label(n.kind))),
        Cell::new(title),
        Cell::new(pages),
        Cell::new(text.get(n.start..n.end).map_or(0, |s| s.chars().count())),
        Cell::new(paragraphs_in(n)),
        Cell::new(n.year.map(|y| y.to_string()).unwrap_or_default()),
    ]
}

/// A table: one row per node, indented by depth.
pub fn table(doc: &Document, depth: Depth) -> String {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.set_header(vec!["kind", "title", "pages", "chars", "paras", "year"]);
    let text = doc.text();
    doc.root.walk(&mut |n, path| {
        if n.kind == NodeKind::Document
            || !shown(n.kind, depth)
            || path.iter().any(|p| !shown(p.kind, depth))
        {
            return;
        }
        if n.kind == NodeKind::Paragraph
            && path.last().is_some_and(|p| p.kind == NodeKind::Contents)
        {
            return;
        }
        let depth_below_root = path.len().saturating_sub(1);
        t.add_row(row(n, depth_below_root, text));
        if shown(NodeKind::Sentence, depth) {
            for s in n.sentences(&doc.canonical) {
                t.add_row(row(&s, depth_below_root + 1, text));
            }
        }
    });
    let m = &doc.meta;
    let years = match (m.result_year, m.target_year) {
        (Some(r), Some(t)) => format!("results {r}, targets {t}"),
        _ => "years unknown".into(),
    };
    format!(
        "{} — {} pages, {} characters, {years}\n{t}",
        doc.source.path,
        doc.source.pages,
        text.chars().count()
    )
}
