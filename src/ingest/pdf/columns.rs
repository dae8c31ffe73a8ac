//! Rows → blocks of lines: one block for a single-column page; the header band, the left column,
//! the right column and the footer band for a two-column page.

use super::chars::{gap_is_space, keeps_space_between};
use super::collect::Glyph;
use super::rows::{Row, median};

/// A gap wider than this between two Latin-like glyphs is a word space even without a space
/// glyph (producers that place every word with `TJ`). A space is ~0.25–0.33 em in Latin
/// fonts; kerning stays under ~0.1 em.
const WORD_GAP_EM: f64 = 0.2;
/// Column detection: at least this many visible glyphs on the page, or it is not worth trying.
const MIN_GLYPHS_FOR_COLUMNS: usize = 40;
/// The gutter's centre must lie in the middle of the text block (fractions of its width).
const GUTTER_ZONE: (f64, f64) = (0.35, 0.65);
/// A gutter is at least this wide (LibreOffice's default column gap is ~1.4 em).
const GUTTER_MIN_EM: f64 = 0.8;
/// Each column needs this many lines, so that a stray label beside a list is not a column.
const MIN_COLUMN_LINES: usize = 3;
/// Most lines of a two-column page of running text are about half the block wide: this share
/// of the line pieces on either side of the gutter must be at least `HALF_LINE_MIN` of it.
const HALF_LINE_SHARE: f64 = 0.6;
const HALF_LINE_MIN: f64 = 0.3;
/// Pages of short lines (a masthead, lists of names) are two columns when both sides are
/// left-aligned: this share of each side's lines starts within `ALIGNED_EM` of the side's
/// leftmost start (at the margin, or indented from it).
const ALIGNED_SHARE: f64 = 0.7;
const ALIGNED_EM: f64 = 2.5;

/// Where a block sits; blocks of the same role share margins and line pitch across the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Role {
    /// All the text of a single-column page.
    Whole,
    Left,
    Right,
    /// Header or footer band of a two-column page.
    Band,
}

/// One line of one block.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub text: String,
    /// Left edge of the first and right edge of the last visible glyph.
    pub x0: f64,
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    pub size: f64,
}

/// Lines read top to bottom.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub role: Role,
    pub lines: Vec<Line>,
}

/// Join the glyphs of one line. No space is ever invented next to CJK text; a space glyph, or a
/// gap clearly wider than the line's usual spacing, becomes one space only between words of a
/// spaced script. Baseline and size are the line's own: the two halves of a row on a
/// two-column page can sit a little apart.
fn line_of(glyphs: &[&Glyph]) -> Option<Line> {
    let visible: Vec<&Glyph> = glyphs.iter().copied().filter(|g| !g.is_blank()).collect();
    let y = median(visible.iter().map(|g| g.y).collect())?;
    let size = median(visible.iter().map(|g| g.size).collect())?;
    // Justified lines spread every glyph apart, digits included: only a gap beyond the usual one
    // can be a word space.
    let usual_gap = median(
        visible
            .windows(2)
            .map(|w| (w[1].x - w[0].right()).max(0.0))
            .collect(),
    )
    .unwrap_or(0.0);
    let mut text = String::new();
    let mut pending_space = false;
    let mut prev: Option<&Glyph> = None;
    for &g in glyphs {
        if g.is_blank() {
            pending_space = true;
            continue;
        }
        if let (Some(p), Some(a), Some(b)) = (prev, text.chars().next_back(), g.text.chars().next())
        {
            let wide_gap = g.x - p.right() - usual_gap > WORD_GAP_EM * g.size;
            let digits = a.is_ascii_digit() && b.is_ascii_digit();
            if (pending_space && keeps_space_between(a, b))
                || (wide_gap && !digits && gap_is_space(a, b))
            {
                text.push(' ');
            }
        }
        text.push_str(&g.text);
        pending_space = false;
        prev = Some(g);
    }
    let x0 = visible.iter().map(|g| g.x).fold(f64::INFINITY, f64::min);
    let x1 = visible
        .iter()
        .map(|g| g.right())
        .fold(f64::NEG_INFINITY, f64::max);
    Some(Line {
        text,
        x0,
        x1,
        y,
        size,
    })
}

fn whole_row_line(row: &Row) -> Option<Line> {
    let all: Vec<&Glyph> = row.glyphs.iter().collect();
    line_of(&all)
}

/// Which side of the gutter a glyph is on.
fn is_left_of(g: &Glyph, gutter: f64) -> bool {
    g.x + g.width / 2.0 < gutter
}

/// The blocks of one page, in reading order.
pub(crate) fn page_blocks(rows: &[Row], page_height: f64) -> Vec<Block> {
    let (mut top, mut body, mut bottom) = (Vec::new(), Vec::new(), Vec::new());
    for row in rows {
        if !row.in_band(page_height) {
            body.push(row);
        } else if row.middle() < page_height / 2.0 {
            top.push(row);
        } else {
            bottom.push(row);
        }
    }
    let Some(gutter) = find_gutter(&body) else {
        return vec![Block {
            role: Role::Whole,
            lines: rows.iter().filter_map(whole_row_line).collect(),
        }];
    };
    let side = |left: bool| -> Vec<Line> {
        body.iter()
            .filter_map(|row| {
                let part: Vec<&Glyph> = row
                    .glyphs
                    .iter()
                    .filter(|g| is_left_of(g, gutter) == left)
                    .collect();
                line_of(&part)
            })
            .collect()
    };
    let band =
        |rows: &[&Row]| -> Vec<Line> { rows.iter().filter_map(|r| whole_row_line(r)).collect() };
    vec![
        Block {
            role: Role::Band,
            lines: band(&top),
        },
        Block {
            role: Role::Left,
            lines: side(true),
        },
        Block {
            role: Role::Right,
            lines: side(false),
        },
        Block {
            role: Role::Band,
            lines: band(&bottom),
        },
    ]
}

/// The x of a vertical gutter that no glyph crosses, in the middle of the text block, with
/// column-like text on both sides; `None` for a single-column page.
fn find_gutter(rows: &[&Row]) -> Option<f64> {
    let mut spans: Vec<(f64, f64)> = rows
        .iter()
        .flat_map(|r| r.visible().map(|g| (g.x, g.right())))
        .collect();
    if spans.len() < MIN_GLYPHS_FOR_COLUMNS {
        return None;
    }
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let left = spans.first()?.0;
    let right = spans.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
    let width = right - left;
    let em = median(rows.iter().map(|r| r.size).collect())?;
    let zone = (left + GUTTER_ZONE.0 * width)..=(left + GUTTER_ZONE.1 * width);
    let mut best: Option<(f64, f64)> = None; // (gap width, centre)
    let mut covered_to = f64::NEG_INFINITY;
    for &(start, end) in &spans {
        let gap = start - covered_to;
        let centre = (start + covered_to) / 2.0;
        if covered_to.is_finite()
            && gap >= GUTTER_MIN_EM * em
            && zone.contains(&centre)
            && best.is_none_or(|(w, _)| gap > w)
        {
            best = Some((gap, centre));
        }
        covered_to = covered_to.max(end);
    }
    let (_, centre) = best?;
    columns_look_real(rows, centre, width, em).then_some(centre)
}

/// The left and right extent of each row's part on one side of the gutter.
fn side_extents(rows: &[&Row], gutter: f64, left: bool) -> Vec<(f64, f64)> {
    rows.iter()
        .filter_map(|row| {
            let mut part = row
                .visible()
                .filter(|g| is_left_of(g, gutter) == left)
                .peekable();
            part.peek()?;
            Some(
                part.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), g| {
                    (lo.min(g.x), hi.max(g.right()))
                }),
            )
        })
        .collect()
}

/// Both sides hold enough lines, and either most lines are about half the text block wide
/// (running text) or both sides are left-aligned (short lines set in columns). A few labels
/// beside a list, or a picture caption, pass neither test.
fn columns_look_real(rows: &[&Row], gutter: f64, block_width: f64, em: f64) -> bool {
    let sides = [
        side_extents(rows, gutter, true),
        side_extents(rows, gutter, false),
    ];
    if sides.iter().any(|s| s.len() < MIN_COLUMN_LINES) {
        return false;
    }
    let total = (sides[0].len() + sides[1].len()) as f64;
    let half_lines = sides
        .iter()
        .flatten()
        .filter(|(lo, hi)| hi - lo >= HALF_LINE_MIN * block_width)
        .count();
    let aligned = |side: &[(f64, f64)]| {
        let margin = side.iter().map(|e| e.0).fold(f64::INFINITY, f64::min);
        let near = side
            .iter()
            .filter(|e| e.0 - margin <= ALIGNED_EM * em)
            .count();
        near as f64 >= ALIGNED_SHARE * side.len() as f64
    };
    half_lines as f64 >= HALF_LINE_SHARE * total || sides.iter().all(|s| aligned(s))
}
