//! `gazette sections`: the document tree as a table or as JSON.

use crate::document::{CharIndex, Covers, Document, Node, NodeKind};
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

fn count(node: &Node, kind: NodeKind) -> usize {
    let mut n = 0;
    node.walk(&mut |c, _| n += usize::from(c.kind == kind));
    n
}

fn to_json<'a>(node: &'a Node, text: &'a str, idx: &CharIndex, depth: Depth) -> NodeJson<'a> {
    let start = idx.char_at(text, node.start);
    let end = idx.char_at(text, node.end);
    NodeJson {
        kind: node.kind,
        title: node.title_in(text),
        span: [start, end],
        pages: [node.first_page, node.last_page],
        chars: end - start,
        covers: node.covers,
        year: node.year,
        paragraphs: count(node, NodeKind::Paragraph),
        sentences: count(node, NodeKind::Sentence),
        children: node
            .children
            .iter()
            .filter(|c| shown(c.kind, depth))
            .map(|c| to_json(c, text, idx, depth))
            .collect(),
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
        tree: to_json(&doc.root, doc.text(), &idx, depth),
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
        let indent = "  ".repeat(path.len().saturating_sub(1));
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
        t.add_row(vec![
            Cell::new(format!("{indent}{}{covers}", kind_label(n.kind))),
            Cell::new(title),
            Cell::new(pages),
            Cell::new(text.get(n.start..n.end).map_or(0, |s| s.chars().count())),
            Cell::new(count(n, NodeKind::Paragraph)),
            Cell::new(n.year.map(|y| y.to_string()).unwrap_or_default()),
        ]);
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
