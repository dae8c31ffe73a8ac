//! HTML input: a saved web page. The article is taken from the page and its chrome dropped
//! (scripts and styles, navigation, breadcrumbs, share buttons, font-size widgets, sidebars, link
//! lists, footers, hidden elements); its text is handed on one paragraph per line, as text saved
//! from the page would be. What chrome is left inside the article (`来源：…`, `【字号：大 中 小】`,
//! `相关报道：`) is text-level chrome, which segmentation finds around the report in both.
//!
//! The page is parsed by html5ever (through scraper), never by patterns over the markup.

use super::{Pages, RawDocument, SourceKind, text};
use crate::error::IngestError;
use crate::lexicon::web::{CHROME_CLASS_WORDS, CONTENT_CLASS_WORDS, TITLE_SEPARATORS};
use ego_tree::NodeId;
use encoding_rs::Encoding;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashMap;

/// Elements that never hold article text.
const SKIP_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "canvas", "nav", "aside", "form", "button", "select", "option", "input", "textarea", "map",
    "audio", "video", "footer",
];

/// Elements that end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "blockquote",
    "pre",
    "center",
    "address",
    "figure",
    "figcaption",
    "hr",
    "body",
    "html",
];

/// Elements that hold blocks: the article is looked for among them, never inside a paragraph.
const CONTAINER_TAGS: &[&str] = &[
    "div", "section", "article", "main", "table", "tbody", "tr", "td", "center", "font",
];

/// A child holding at least this share of its parent's text is where the article is.
const CONTENT_SHARE: f64 = 0.6;
/// A block whose text is mostly link text is a link list (navigation, related articles).
const LINK_LIST_SHARE: f64 = 0.7;
/// A chrome-named element is dropped only while it holds less than this share of the page's text
/// (a wrapper named `main-share-box` around the whole article is not chrome).
const CHROME_MAX_SHARE: f64 = 0.5;

/// Does the input look like an HTML page? Decided on content: it starts with markup and names an
/// HTML element near its start.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    // Most inputs are text, whose first character that is not a space is no `<`: told from
    // their first bytes, without decoding the head.
    (Encoding::for_bom(bytes).is_some() || may_start_with_markup(bytes)) && head_is_html(bytes)
}

/// [`looks_like_html`], deciding on the decoded head.
fn head_is_html(bytes: &[u8]) -> bool {
    let head = match Encoding::for_bom(bytes) {
        Some((enc, bom)) => {
            let end = bytes.len().min(bom + 4096);
            let (s, _) = enc.decode_without_bom_handling(&bytes[bom..end]);
            s.to_ascii_lowercase()
        }
        None => String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase(),
    };
    let t = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    t.starts_with('<')
        && [
            "<!doctype html",
            "<html",
            "<head",
            "<body",
            "<meta",
            "<title",
            "<div",
            "<p>",
            "<p ",
            "<article",
            "<table",
        ]
        .iter()
        .any(|m| t.contains(m))
}

/// Decode an HTML page and take its article text.
pub fn decode_pages(
    bytes: &[u8],
    forced: Option<&str>,
) -> Result<RawDocument<'static>, IngestError> {
    let (html, encoding) = decode(bytes, forced)?;
    let page = Html::parse_document(&html);
    let lines = article_lines(&page);
    if lines.is_empty() {
        return Err(IngestError::NoText(
            "no article text in the HTML page".into(),
        ));
    }
    Ok(RawDocument {
        kind: SourceKind::Html,
        encoding: Some(encoding),
        pages: Pages::Texts(vec![lines.join("\n") + "\n"]),
        warnings: Vec::new(),
    })
}

/// A byte-order mark or `--encoding` first; then UTF-8 if the bytes are UTF-8; then the charset
/// the page declares (`<meta charset="gb2312">`, Big5 pages of Taiwan and Hong Kong); then the
/// detection of text input.
fn decode<'a>(
    bytes: &'a [u8],
    forced: Option<&str>,
) -> Result<(std::borrow::Cow<'a, str>, String), IngestError> {
    if forced.is_some()
        || Encoding::for_bom(bytes).is_some()
        || simdutf8::basic::from_utf8(bytes).is_ok()
    {
        return text::decode(bytes, forced);
    }
    match declared_charset(bytes) {
        Some(enc) => text::decode(bytes, Some(enc.name())).or_else(|_| text::decode(bytes, None)),
        None => text::decode(bytes, None),
    }
}

/// Whether UTF-8 `bytes` may start with `<` after spaces: the first character of their first
/// bytes that is not a space (or a byte-order mark) is `<`, or there is none there to tell.
fn may_start_with_markup(bytes: &[u8]) -> bool {
    let prefix = &bytes[..bytes.len().min(64)];
    // The characters of the prefix up to the first that is cut off or not UTF-8.
    let valid = match std::str::from_utf8(prefix) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&prefix[..e.valid_up_to()]).unwrap_or_default(),
    };
    valid
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .chars()
        .next()
        .is_none_or(|c| c == '<')
}

/// The `charset=` a page declares in its first KiBs.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// Text weight of a piece of text: the characters a reader reads (no spaces).
fn weight_of(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Per element: its text weight and the weight of its link text, chrome excluded.
struct Weights {
    text: HashMap<NodeId, usize>,
    links: HashMap<NodeId, usize>,
}

fn tag<'a>(el: &ElementRef<'a>) -> &'a str {
    el.value().name()
}

fn hidden(el: &ElementRef) -> bool {
    let v = el.value();
    v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
        || v.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// The words of an element's class and id (`bdshare-buttons` → `bdshare`, `buttons`).
fn name_words(el: &ElementRef) -> Vec<String> {
    let v = el.value();
    let mut words = Vec::new();
    for part in v.classes().chain(v.id()) {
        let lower = part.to_ascii_lowercase();
        words.push(lower.clone());
        words.extend(
            lower
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
    }
    words
}

/// Does a class or id word name one of `words`? Words of five letters or more also name their
/// compounds (`bdshare` → `bdsharebuttonbox`); shorter ones only themselves (`foot`, not `footnote`).
fn named_like(el: &ElementRef, words: &[&str]) -> bool {
    name_words(el).iter().any(|n| {
        words
            .iter()
            .any(|w| n == w || (w.len() >= 5 && n.starts_with(w)))
    })
}

/// Never article text, whatever its size.
fn always_skipped(el: &ElementRef) -> bool {
    let t = tag(el);
    if t == "header" {
        // A page header is chrome; an article's own header holds its title.
        return !el
            .descendent_elements()
            .any(|d| matches!(tag(&d), "h1" | "h2" | "h3"));
    }
    SKIP_TAGS.contains(&t) || hidden(el)
}

impl Weights {
    /// First pass: weights with only `always_skipped` elements left out.
    fn raw(root: ElementRef) -> HashMap<NodeId, usize> {
        fn go(el: ElementRef, out: &mut HashMap<NodeId, usize>) -> usize {
            let mut w = 0;
            if !always_skipped(&el) {
                for child in el.children() {
                    match child.value() {
                        Node::Text(t) => w += weight_of(t),
                        Node::Element(_) => {
                            if let Some(c) = ElementRef::wrap(child) {
                                w += go(c, out);
                            }
                        }
                        _ => {}
                    }
                }
            }
            out.insert(el.id(), w);
            w
        }
        let mut out = HashMap::new();
        go(root, &mut out);
        out
    }

    /// Second pass: chrome-named elements and link lists left out too.
    fn new(root: ElementRef) -> Weights {
        let raw = Weights::raw(root);
        let total = raw.get(&root.id()).copied().unwrap_or(0).max(1);
        let mut weights = Weights {
            text: HashMap::new(),
            links: HashMap::new(),
        };
        fn go(
            el: ElementRef,
            in_link: bool,
            raw: &HashMap<NodeId, usize>,
            total: usize,
            out: &mut Weights,
        ) -> (usize, usize) {
            let own = raw.get(&el.id()).copied().unwrap_or(0);
            let chrome = named_like(&el, CHROME_CLASS_WORDS)
                && !named_like(&el, CONTENT_CLASS_WORDS)
                && (own as f64) < total as f64 * CHROME_MAX_SHARE;
            let (mut w, mut l) = (0, 0);
            if !(always_skipped(&el) || chrome) {
                let in_link = in_link || tag(&el) == "a";
                for child in el.children() {
                    match child.value() {
                        Node::Text(t) => {
                            let n = weight_of(t);
                            w += n;
                            if in_link {
                                l += n;
                            }
                        }
                        Node::Element(_) => {
                            if let Some(c) = ElementRef::wrap(child) {
                                let (cw, cl) = go(c, in_link, raw, total, out);
                                w += cw;
                                l += cl;
                            }
                        }
                        _ => {}
                    }
                }
            }
            // A list of links (menus, related articles) counts as nothing.
            if w > 0 && l as f64 >= w as f64 * LINK_LIST_SHARE && tag(&el) != "a" {
                (w, l) = (0, 0);
            }
            out.text.insert(el.id(), w);
            out.links.insert(el.id(), l);
            (w, l)
        }
        go(root, false, &raw, total, &mut weights);
        weights
    }

    fn of(&self, el: &ElementRef) -> usize {
        self.text.get(&el.id()).copied().unwrap_or(0)
    }
}

/// Where the article's text is: from the body down, into the child that holds most of the text,
/// while one does.
fn content_element<'a>(body: ElementRef<'a>, w: &Weights) -> ElementRef<'a> {
    let mut at = body;
    loop {
        let total = w.of(&at) as f64;
        let next = at
            .child_elements()
            .filter(|c| CONTAINER_TAGS.contains(&tag(c)))
            .find(|c| w.of(c) > 0 && w.of(c) as f64 >= total * CONTENT_SHARE);
        match next {
            Some(c) => at = c,
            None => return at,
        }
    }
}

/// The page's title element: a heading (or an element named like a title) that is not chrome,
/// preferring one that names a report.
fn title_element<'a>(body: ElementRef<'a>, w: &Weights) -> Option<ElementRef<'a>> {
    let candidates: Vec<ElementRef> = body
        .descendent_elements()
        .filter(|e| {
            matches!(tag(e), "h1" | "h2" | "h3")
                || name_words(e)
                    .iter()
                    .any(|n| n == "title" || n == "tit" || n.ends_with("title"))
        })
        .filter(|e| w.of(e) > 0)
        .filter(|e| (4..=80).contains(&weight_of(&text_of(e))))
        .collect();
    let names_report = |e: &ElementRef| {
        let t = text_of(e);
        t.contains("报告") || t.contains("報告")
    };
    candidates
        .iter()
        .find(|e| names_report(e))
        .or_else(|| candidates.iter().find(|e| tag(e) == "h1"))
        .copied()
}

/// The title the page's metadata gives: `<meta name="ArticleTitle">` (used by government sites),
/// else `<title>` without the site's name.
fn meta_title(page: &Html) -> Option<String> {
    let meta = Selector::parse(
        r#"meta[name="ArticleTitle"], meta[name="articletitle"], meta[property="og:title"]"#,
    )
    .ok()?;
    if let Some(t) = page
        .select(&meta)
        .filter_map(|m| m.value().attr("content"))
        .map(|t| t.trim().to_string())
        .find(|t| !t.is_empty())
    {
        return Some(t);
    }
    let title = Selector::parse("title").ok()?;
    let full = page.select(&title).next().map(|t| text_of(&t))?;
    let pieces: Vec<&str> = full
        .split(|c: char| TITLE_SEPARATORS.contains(&c))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    pieces
        .iter()
        .find(|p| p.contains("报告") || p.contains("報告"))
        .or(pieces.first())
        .map(|p| p.to_string())
}

/// The lowest element holding both.
fn common_ancestor<'a>(a: ElementRef<'a>, b: ElementRef<'a>) -> Option<ElementRef<'a>> {
    let chain: Vec<ElementRef> = std::iter::once(a)
        .chain(a.ancestors().filter_map(ElementRef::wrap))
        .collect();
    std::iter::once(b)
        .chain(b.ancestors().filter_map(ElementRef::wrap))
        .find(|x| chain.iter().any(|y| y.id() == x.id()))
}

fn text_of(el: &ElementRef) -> String {
    let mut r = Renderer::default();
    r.text(&el.text().collect::<String>());
    r.finish().join(" ")
}

/// The article as lines of text.
fn article_lines(page: &Html) -> Vec<String> {
    let Ok(body_sel) = Selector::parse("body") else {
        return Vec::new();
    };
    let body = page.select(&body_sel).next().unwrap_or(page.root_element());
    let w = Weights::new(body);
    let content = content_element(body, &w);
    let title = title_element(body, &w);
    let mut r = Renderer::default();
    match title {
        Some(t) => match common_ancestor(t, content).filter(|a| !matches!(tag(a), "body" | "html"))
        {
            Some(a) => r.element(a, &w),
            None => {
                r.element(t, &w);
                r.element(content, &w);
            }
        },
        None => r.element(content, &w),
    }
    let mut lines = r.finish();
    // No title element: the page's metadata names the report, unless the article starts with it.
    if title.is_none()
        && let Some(t) = meta_title(page)
        && !lines.iter().take(8).any(|l| l.contains(t.as_str()))
    {
        lines.insert(0, t);
    }
    lines
}

/// Text of elements, one line per block. Whitespace inside a line is collapsed; none is kept next
/// to a Chinese character (a line break in the markup between two characters is not a space).
#[derive(Default)]
struct Renderer {
    lines: Vec<String>,
    line: String,
    space: bool,
}

impl Renderer {
    /// Append a text node. Whitespace at its ends separates it from its neighbours; inside it, a
    /// run holding a line break between two wide characters is the editor's wrap and is dropped.
    fn text(&mut self, s: &str) {
        let chars: Vec<char> = s.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if is_space(c) {
                let start = i;
                while i < chars.len() && is_space(chars[i]) {
                    i += 1;
                }
                let wrap = chars[start..i].iter().any(|&x| matches!(x, '\n' | '\r'));
                let inner = start > 0 && i < chars.len();
                if !(inner && wrap && wide(chars[start - 1]) && wide(chars[i])) {
                    self.space = true;
                }
                continue;
            }
            if self.space && !self.line.is_empty() {
                self.line.push(' ');
            }
            self.space = false;
            self.line.push(c);
            i += 1;
        }
    }

    fn newline(&mut self) {
        let line = self
            .line
            .trim_matches(|c: char| c.is_whitespace())
            .to_string();
        if !line.is_empty() {
            self.lines.push(line);
        }
        self.line.clear();
        self.space = false;
    }

    fn element(&mut self, el: ElementRef, w: &Weights) {
        let t = tag(&el);
        if always_skipped(&el) || (w.of(&el) == 0 && t != "br") {
            if t == "br" {
                self.newline();
            }
            return;
        }
        let block = BLOCK_TAGS.contains(&t);
        if block {
            self.newline();
        }
        for child in el.children() {
            match child.value() {
                Node::Text(s) => self.text(s),
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        match tag(&c) {
                            "br" => self.newline(),
                            "td" | "th" => {
                                self.space = true;
                                self.element(c, w);
                                self.space = true;
                            }
                            _ => self.element(c, w),
                        }
                    }
                }
                _ => {}
            }
        }
        if block {
            self.newline();
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.newline();
        self.lines
    }
}

/// Whitespace of the markup (an ideographic space is text: it indents a paragraph).
fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{3000}'
}

/// Characters that take no space beside them: CJK ideographs, kana, full-width forms, CJK
/// punctuation.
fn wide(c: char) -> bool {
    crate::chars::is_cjk(c) || ('\u{FF00}'..='\u{FFEF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Told from the first bytes, an input looks like a page exactly when its decoded head does:
    /// spaces of every kind before the first character, a byte-order mark, a character cut off
    /// where the first bytes end, bytes that are not UTF-8.
    #[test]
    fn the_first_bytes_tell_a_page_as_its_head_does() {
        let mut inputs: Vec<Vec<u8>> = Vec::new();
        for lead in [
            "",
            " ",
            "\n\n",
            "\u{3000}",
            "\u{feff}",
            "\u{a0}\t",
            &" ".repeat(61),
            &" ".repeat(70),
        ] {
            for body in [
                "<html><body>x</body></html>",
                "<p>增长5%</p>",
                "政府工作报告",
                "<",
                "<x>",
                "a<html>",
            ] {
                inputs.push(format!("{lead}{body}").into_bytes());
            }
            // A character cut off by the end of the first bytes, and bytes that are not UTF-8.
            inputs.push(format!("{lead}{}<html>", "\u{3000}".repeat(30)).into_bytes());
            let mut bad = lead.as_bytes().to_vec();
            bad.extend_from_slice(&[0xff, b'<', b'h']);
            inputs.push(bad);
        }
        let pages = inputs.iter().filter(|b| head_is_html(b)).count();
        assert!(pages > 10, "{pages}");
        for b in &inputs {
            assert_eq!(
                looks_like_html(b),
                head_is_html(b),
                "{:?}",
                String::from_utf8_lossy(b)
            );
        }
    }

    fn lines(html: &str) -> Vec<String> {
        article_lines(&Html::parse_document(html))
    }

    #[test]
    fn recognises_pages_by_content() {
        assert!(looks_like_html(
            b"<!DOCTYPE html><html><body></body></html>"
        ));
        assert!(looks_like_html(b"\xef\xbb\xbf  <html lang=\"zh\">"));
        assert!(looks_like_html(
            "<div class=\"a\">地区生产总值</div>".as_bytes()
        ));
        assert!(!looks_like_html("2026年政府工作报告\n<2025>".as_bytes()));
        assert!(!looks_like_html("《政府工作报告》".as_bytes()));
    }

    #[test]
    fn line_breaks_in_markup_between_chinese_are_not_spaces() {
        let l = lines(
            "<html><body><div><p>全省地区生产总值\n   增长5.6%，\n  GDP growth\n  was good。</p></div></body></html>",
        );
        // Beside a Latin word the wrap is a space (normalisation drops it after Chinese punctuation).
        assert_eq!(l, vec!["全省地区生产总值增长5.6%， GDP growth was good。"]);
        let l = lines(
            "<p>省长 某某某</p><p><span>来源：某某日报</span>\n<span>时间：2026-01-23</span></p>",
        );
        assert_eq!(l, vec!["省长 某某某", "来源：某某日报 时间：2026-01-23"]);
    }

    #[test]
    fn chrome_is_dropped_and_the_title_kept() {
        let l = lines(
            r#"<html><head><title>某某报告_某某网</title><script>var a="首页";</script></head><body>
            <div class="nav"><a href="/">首页</a><a href="/x">政务公开</a></div>
            <div class="main"><h1>2026年某某省政府工作报告</h1>
            <div class="share-box">分享到：微信 微博</div>
            <div id="zoom"><p>一、2025年工作回顾</p><p>过去一年，地区生产总值增长5.6%。</p>
            <p style="display:none">隐藏的文字12万人</p></div></div>
            <ul><li><a href="/1">相关报道一</a></li><li><a href="/2">相关报道二</a></li></ul>
            <footer>主办：某某省人民政府办公厅 电话：0571-12345678</footer></body></html>"#,
        );
        assert_eq!(
            l,
            vec![
                "2026年某某省政府工作报告",
                "一、2025年工作回顾",
                "过去一年，地区生产总值增长5.6%。"
            ]
        );
    }

    #[test]
    fn declared_charset_is_honoured() {
        let (bytes, _, _) = encoding_rs::BIG5
            .encode("<html><head><meta charset=\"big5\"></head><body><p>增長5%</p></body></html>");
        let doc = decode_pages(&bytes, None).unwrap();
        assert_eq!(doc.pages, Pages::Texts(vec!["增長5%\n".to_string()]));
        assert_eq!(doc.encoding.as_deref(), Some("Big5"));
    }
}
