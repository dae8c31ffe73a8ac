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

/// How many nodes of `kind` there are at and below `node` (sentences split from `text`).
fn count(node: &Node, kind: NodeKind, text: &str) -> usize {
    let mut n = 0;
    node.walk(&mut |c, _| {
        n += usize::from(c.kind == kind);
        if kind == NodeKind::Sentence {
            n += c.sentence_spans(text).count();
        }
    });
    n
}

fn to_json<'a>(
    node: &'a Node,
    canonical: &'a Canonical,
    idx: &CharIndex,
    depth: Depth,
) -> NodeJson<'a> {
    let mut children: Vec<NodeJson<'a>> = node
        .children
        .iter()
        .filter(|c| shown(c.kind, depth))
        .map(|c| to_json(c, canonical, idx, depth))
        .collect();
    if shown(NodeKind::Sentence, depth) {
        let text: &'a str = &canonical.text;
        children.extend(node.sentences(canonical).iter().map(|s| {
            // A sentence is titled by its text (`Node::title_in`), which outlives the node made here.
            let title = text.get(s.start..s.end).unwrap_or_default();
            node_json(s, title, canonical, idx, Vec::new())
        }));
    }
    node_json(
        node,
        node.title_in(&canonical.text),
        canonical,
        idx,
        children,
    )
}

/// `node` as JSON, with its title and the children already made.
fn node_json<'a>(
    node: &Node,
    title: &'a str,
    canonical: &Canonical,
    idx: &CharIndex,
    children: Vec<NodeJson<'a>>,
) -> NodeJson<'a> {
    let text = canonical.text.as_str();
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
        paragraphs: count(node, NodeKind::Paragraph, text),
        sentences: count(node, NodeKind::Sentence, text),
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
        Cell::new(count(n, NodeKind::Paragraph, text)),
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
