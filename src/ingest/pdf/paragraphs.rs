//! Blocks of lines → paragraphs, with wrapped lines joined.
//!
//! A page on its own can mislead: a page of one-line paragraphs has no line at the margin to
//! measure the indent from, and its line pitch is the paragraph pitch. So the usual text width
//! and line pitch are measured over the whole document, per block role, and each page's own
//! measurements are checked against them.

use std::collections::HashMap;

use super::chars::wrap_needs_space;
use super::columns::{Block, Line, Role};
use super::rows::median;

/// A line starting this far right of its block's left edge is indented (Chinese paragraphs
/// indent 2 em; 1.5 leaves room for rounding and half-width starts).
const INDENT_MIN_EM: f64 = 1.5;
/// A vertical step this much larger than the usual line pitch separates paragraphs
/// (LibreOffice and Chromium add ~12 % of the pitch between paragraphs; rounding makes the
/// pitch itself alternate by under 5 %).
const PARA_GAP_RATIO: f64 = 1.08;
/// Steps larger than this (in ems) are section gaps, not line pitch: left out of the median.
const PITCH_MAX_EM: f64 = 2.5;
/// A line ending this far short of its block's right edge ends its paragraph. Wrapped CJK lines
/// end within ~1 em of the edge (line-breaking rules can push one character over; a number
/// that cannot be broken leaves a little more).
const SHORT_LINE_EM: f64 = 2.0;
/// Lines at least this share of the longest line's width are "long": where most of them end is
/// the block's right margin.
const LONG_LINE_SHARE: f64 = 0.8;
/// Lines whose sizes differ by more than this ratio are different paragraphs (titles).
const SIZE_CHANGE_RATIO: f64 = 0.15;
/// Widths are counted in bins of this many points to find the usual one.
const WIDTH_BIN_PT: f64 = 1.0;
/// The left edge of a block is its leftmost line start, unless that is a single line this
/// many ems left of the rest while the document's usual margin is not there either.
const OUTLIER_START_EM: f64 = 1.0;

/// Usual measurements of blocks of one role over the document.
#[derive(Debug, Clone, Copy, Default)]
struct RoleStats {
    /// Most common line width (from the block's left edge), in points.
    width: Option<f64>,
    /// Median line pitch in ems.
    pitch_em: Option<f64>,
    /// Most common line start, in points.
    margin: Option<f64>,
}

/// The text of every page: paragraphs separated by a blank line.
pub(crate) fn document_text(pages: &[Vec<Block>]) -> Vec<String> {
    let stats = role_stats(pages);
    pages
        .iter()
        .map(|blocks| page_paragraphs(blocks, &stats).join("\n\n"))
        .collect()
}

fn role_stats(pages: &[Vec<Block>]) -> HashMap<Role, RoleStats> {
    let mut starts: HashMap<Role, Vec<f64>> = HashMap::new();
    let mut pitches: HashMap<Role, Vec<f64>> = HashMap::new();
    for b in pages.iter().flatten() {
        starts
            .entry(b.role)
            .or_default()
            .extend(b.lines.iter().map(|l| l.x0));
        pitches
            .entry(b.role)
            .or_default()
            .extend(steps_em(&b.lines));
    }
    let margins: HashMap<Role, f64> = starts
        .into_iter()
        .filter_map(|(r, v)| Some((r, mode(&v)?)))
        .collect();
    let mut widths: HashMap<Role, Vec<f64>> = HashMap::new();
    for b in pages.iter().flatten() {
        let left = block_left(&b.lines, margins.get(&b.role).copied());
        if let Some(left) = left {
            widths
                .entry(b.role)
                .or_default()
                .extend(b.lines.iter().map(|l| l.x1 - left));
        }
    }
    [Role::Whole, Role::Left, Role::Right, Role::Band, Role::Span]
        .into_iter()
        .map(|r| {
            let s = RoleStats {
                width: widths.get(&r).and_then(|v| mode(v)),
                pitch_em: pitches.remove(&r).and_then(median),
                margin: margins.get(&r).copied(),
            };
            (r, s)
        })
        .collect()
}

/// Line steps of a block in ems, without the gaps too big to be line pitch.
fn steps_em(lines: &[Line]) -> Vec<f64> {
    lines
        .windows(2)
        .map(|w| (w[1].y - w[0].y) / w[0].size)
        .filter(|&s| s > 0.0 && s < PITCH_MAX_EM)
        .collect()
}

/// The most common value, counted in `WIDTH_BIN_PT` bins (ties: the smaller value).
fn mode(values: &[f64]) -> Option<f64> {
    let mut bins: HashMap<i64, (usize, f64)> = HashMap::new();
    for &v in values.iter().filter(|v| v.is_finite()) {
        let e = bins
            .entry((v / WIDTH_BIN_PT).round() as i64)
            .or_insert((0, v));
        e.0 += 1;
        e.1 = e.1.min(v);
    }
    bins.into_values()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map(|(_, v)| v)
}

/// The left edge of a block's text: its leftmost line start, unless only one line starts there,
/// far left of the rest, and the document's usual margin does not confirm it (a number hanging
/// in the margin); then the start of the second-leftmost line.
fn block_left(lines: &[Line], usual_margin: Option<f64>) -> Option<f64> {
    let mut starts: Vec<(f64, f64)> = lines.iter().map(|l| (l.x0, l.size)).collect();
    starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let &(first, size) = starts.first()?;
    let Some(&(second, _)) = starts.get(1) else {
        return Some(first);
    };
    let lone_outlier = second - first > OUTLIER_START_EM * size;
    let confirmed = usual_margin.is_some_and(|m| (m - first).abs() <= OUTLIER_START_EM * size);
    Some(if lone_outlier && !confirmed {
        second
    } else {
        first
    })
}

/// Where a block's lines normally start and end, and its line pitch (points).
struct Margins {
    left: f64,
    right: f64,
    pitch: Option<f64>,
}

fn block_margins(lines: &[Line], stats: RoleStats) -> Option<Margins> {
    let left = block_left(lines, stats.margin)?;
    let longest = lines.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
    // Where most long lines end; lines with hanging punctuation end a little further out.
    let long_ends = lines
        .iter()
        .map(|l| l.x1)
        .filter(|&x| x >= left + LONG_LINE_SHARE * (longest - left))
        .collect();
    let own_right = median(long_ends)?;
    // A page whose lines are all short (a list) must not take its longest line for full width.
    let right = stats.width.map_or(own_right, |w| own_right.max(left + w));
    let size = median(lines.iter().map(|l| l.size).collect())?;
    let own_pitch = median(steps_em(lines)).map(|p| p * size);
    // A page of one-line paragraphs has only paragraph steps: the document's pitch is the truth.
    let doc_pitch = stats.pitch_em.map(|p| p * size);
    let pitch = match (own_pitch, doc_pitch) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    Some(Margins { left, right, pitch })
}

/// Paragraphs of one page; a paragraph may run on from one block (column) to the next.
fn page_paragraphs(blocks: &[Block], stats: &HashMap<Role, RoleStats>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // The previous line and the right margin of its block.
    let mut prev: Option<(&Line, f64)> = None;
    for block in blocks {
        let role_stats = stats.get(&block.role).copied().unwrap_or_default();
        let Some(m) = block_margins(&block.lines, role_stats) else {
            continue;
        };
        for (i, line) in block.lines.iter().enumerate() {
            let starts_paragraph =
                prev.is_none_or(|(p, p_right)| breaks_before(line, &m, p, p_right, i > 0));
            match out.last_mut() {
                Some(last) if !starts_paragraph => join_wrapped(last, &line.text),
                _ => out.push(line.text.clone()),
            }
            prev = Some((line, m.right));
        }
    }
    out
}

/// Whether `line` (of a block with margins `m`) begins a new paragraph after `prev`, whose
/// block's right margin is `prev_right`. The gap rule applies only inside one block.
fn breaks_before(line: &Line, m: &Margins, prev: &Line, prev_right: f64, same_block: bool) -> bool {
    let size_changed = (line.size - prev.size).abs() > SIZE_CHANGE_RATIO * line.size.max(prev.size);
    let indented = line.x0 - m.left >= INDENT_MIN_EM * line.size;
    let prev_short = prev_right - prev.x1 > SHORT_LINE_EM * prev.size;
    let gap = same_block
        && m.pitch
            .is_some_and(|p| line.y - prev.y > PARA_GAP_RATIO * p);
    size_changed || indented || prev_short || gap
}

/// Append a wrapped line to its paragraph: directly for CJK, with a space between two words of
/// a spaced script.
fn join_wrapped(paragraph: &mut String, next: &str) {
    if let (Some(a), Some(b)) = (paragraph.chars().next_back(), next.chars().next())
        && wrap_needs_space(a, b)
    {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}
