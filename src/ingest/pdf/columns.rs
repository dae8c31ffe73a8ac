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
/// Rows with text inside the gutter span both columns (titles); more than this share of the
/// rows doing so means there is no gutter.
const MAX_SPANNING_SHARE: f64 = 0.25;
/// Gutter search resolution: strips of this width, but no more than `MAX_COVER_BINS` strips.
const COVER_STEP_PT: f64 = 0.5;
const MAX_COVER_BINS: usize = 20_000;
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
    /// Rows of a two-column page that run across both columns (titles).
    Span,
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
        let lines = rows.iter().filter_map(whole_row_line).collect();
        return vec![Block {
            role: Role::Whole,
            lines,
        }];
    };
    let mut blocks = vec![band_block(Role::Band, &top)];
    // Rows that cross the gutter (a title over both columns) cut the page into sections, each
    // read left column first.
    let mut section: Vec<&Row> = Vec::new();
    let mut spanning: Vec<&Row> = Vec::new();
    for (&row, &crosses) in body.iter().zip(&gutter.crossing) {
        if crosses {
            if !section.is_empty() {
                blocks.extend(column_blocks(&section, gutter.x));
                section.clear();
            }
            spanning.push(row);
        } else {
            if !spanning.is_empty() {
                blocks.push(band_block(Role::Span, &spanning));
                spanning.clear();
            }
            section.push(row);
        }
    }
    blocks.extend(column_blocks(&section, gutter.x));
    blocks.push(band_block(Role::Span, &spanning));
    blocks.push(band_block(Role::Band, &bottom));
    blocks.retain(|b| !b.lines.is_empty());
    blocks
}

fn band_block(role: Role, rows: &[&Row]) -> Block {
    Block {
        role,
        lines: rows.iter().filter_map(|r| whole_row_line(r)).collect(),
    }
}

/// The left and the right column of a section of rows.
fn column_blocks(rows: &[&Row], gutter: f64) -> [Block; 2] {
    let side = |left: bool| -> Vec<Line> {
        rows.iter()
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
    [
        Block {
            role: Role::Left,
            lines: side(true),
        },
        Block {
            role: Role::Right,
            lines: side(false),
        },
    ]
}

/// A vertical gutter between two columns, and which rows cross it.
struct Gutter {
    x: f64,
    /// Per row: it has text inside the gutter (it spans both columns).
    crossing: Vec<bool>,
}

/// The gutter of a two-column page: a vertical strip in the middle of the text block that no
/// row, or only a few rows spanning both columns, has text in, with column-like text on both
/// sides; `None` for a single-column page.
fn find_gutter(rows: &[&Row]) -> Option<Gutter> {
    let glyphs = rows.iter().map(|r| r.visible().count()).sum::<usize>();
    if glyphs < MIN_GLYPHS_FOR_COLUMNS {
        return None;
    }
    let left = rows
        .iter()
        .flat_map(|r| r.visible().map(|g| g.x))
        .fold(f64::INFINITY, f64::min);
    let right = rows
        .iter()
        .flat_map(|r| r.visible().map(|g| g.right()))
        .fold(f64::NEG_INFINITY, f64::max);
    let width = right - left;
    let em = median(rows.iter().map(|r| r.size).collect())?;
    if !(width > 0.0 && em > 0.0) {
        return None;
    }
    let cover = RowCover::new(rows, left, width, GUTTER_MIN_EM * em);
    let (lo, hi) = cover.emptiest_strip(GUTTER_ZONE)?;
    let crossing: Vec<bool> = rows
        .iter()
        .map(|r| r.visible().any(|g| g.right() > lo && g.x < hi))
        .collect();
    let spanning = crossing.iter().filter(|&&c| c).count();
    if hi - lo < GUTTER_MIN_EM * em || spanning as f64 > MAX_SPANNING_SHARE * rows.len() as f64 {
        return None;
    }
    let x = (lo + hi) / 2.0;
    let columns: Vec<&Row> = rows
        .iter()
        .zip(&crossing)
        .filter(|&(_, &c)| !c)
        .map(|(&r, _)| r)
        .collect();
    columns_look_real(&columns, x, width, em).then_some(Gutter { x, crossing })
}

/// How many rows have text over each thin vertical strip of the text block.
struct RowCover {
    left: f64,
    step: f64,
    counts: Vec<u32>,
}

impl RowCover {
    /// Gaps narrower than `bridge` inside a row (word spaces) count as covered: only a real
    /// gutter stays open.
    fn new(rows: &[&Row], left: f64, width: f64, bridge: f64) -> RowCover {
        let step = (width / MAX_COVER_BINS as f64).max(COVER_STEP_PT);
        let bins = (width / step).ceil() as usize + 1;
        let mut counts = vec![0u32; bins];
        // A glyph covers every strip it touches: starts round down, ends round up.
        let first_bin = |x: f64| (((x - left) / step).floor().max(0.0) as usize).min(bins - 1);
        let end_bin = |x: f64| (((x - left) / step).ceil().max(0.0) as usize).min(bins);
        for row in rows {
            let mut spans: Vec<(f64, f64)> = row.visible().map(|g| (g.x, g.right())).collect();
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut merged: Vec<(f64, f64)> = Vec::new();
            for (a, b) in spans {
                match merged.last_mut() {
                    Some(last) if a - last.1 < bridge => last.1 = last.1.max(b),
                    _ => merged.push((a, b)),
                }
            }
            for (a, b) in merged {
                let (from, to) = (first_bin(a), end_bin(b));
                for c in counts.iter_mut().take(to.max(from + 1)).skip(from) {
                    *c += 1;
                }
            }
        }
        RowCover { left, step, counts }
    }

    /// The widest run of least-covered bins whose middle lies in `zone` (fractions of the block
    /// width), as page x coordinates.
    fn emptiest_strip(&self, zone: (f64, f64)) -> Option<(f64, f64)> {
        let n = self.counts.len();
        let (zlo, zhi) = (
            (zone.0 * n as f64) as usize,
            ((zone.1 * n as f64) as usize).min(n),
        );
        let least = *self.counts.get(zlo..zhi)?.iter().min()?;
        let mut best: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < n {
            if self.counts[i] != least {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && self.counts[i] == least {
                i += 1;
            }
            let middle = (start + i) / 2;
            if (zlo..zhi).contains(&middle) && best.is_none_or(|(s, e)| i - start > e - s) {
                best = Some((start, i));
            }
        }
        let (s, e) = best?;
        Some((
            self.left + s as f64 * self.step,
            self.left + e as f64 * self.step,
        ))
    }
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
