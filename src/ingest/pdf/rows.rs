//! Glyphs → rows: the glyphs that share a baseline, in reading order.
//!
//! Thresholds here and in `columns` / `paragraphs` are in ems of the text they apply to (the
//! glyph's font size on the page), so the same rules hold for a 10.5 pt header and a 16 pt title.

use std::collections::BTreeMap;

use super::collect::Glyph;

/// Glyphs whose baselines differ by less than this are on the same row. Generous enough for
/// mixed fonts on one line, far below any line pitch (≥ 1 em).
const ROW_Y_TOLERANCE_EM: f64 = 0.3;
/// Two copies of the same glyph closer than this are one glyph drawn twice (fake bold, shadow).
const DUPLICATE_EM: f64 = 0.15;
/// The middle of a row's glyphs lies this far above the baseline.
const MIDDLE_ABOVE_BASELINE_EM: f64 = 0.4;
/// Rows whose middle lies within this fraction of the page height from the top or bottom edge
/// are in the running header / footer band.
const BAND_FRACTION: f64 = 0.08;

/// Glyphs that share a baseline, in reading order.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// Baseline, from the top of the page.
    pub y: f64,
    /// Median font size of the row's visible glyphs.
    pub size: f64,
    pub glyphs: Vec<Glyph>,
}

impl Row {
    pub fn visible(&self) -> impl Iterator<Item = &Glyph> {
        self.glyphs.iter().filter(|g| !g.is_blank())
    }

    /// The row's text without any blanks, for comparing headers across pages.
    pub fn compact_text(&self) -> String {
        self.visible().map(|g| g.text.as_str()).collect()
    }

    /// Vertical middle of the row: CJK glyphs stand on the baseline and are about 0.8 em tall.
    pub fn middle(&self) -> f64 {
        self.y - MIDDLE_ABOVE_BASELINE_EM * self.size
    }

    /// In the top or bottom band of the page, where running headers and page numbers live.
    pub fn in_band(&self, page_height: f64) -> bool {
        let band = BAND_FRACTION * page_height;
        self.middle() < band || self.middle() > page_height - band
    }
}

/// Group glyphs into rows by baseline, top to bottom.
pub(crate) fn rows_of(mut glyphs: Vec<Glyph>) -> Vec<Row> {
    // A stable sort keeps drawing order among glyphs of one baseline.
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut rows: Vec<Row> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (g.y - row.y).abs() <= ROW_Y_TOLERANCE_EM * row.size.max(g.size) => {
                row.glyphs.push(g)
            }
            _ => rows.push(Row {
                y: g.y,
                size: g.size,
                glyphs: vec![g],
            }),
        }
    }
    for row in &mut rows {
        row.glyphs = reading_order(drop_duplicates(std::mem::take(&mut row.glyphs)));
        row.size = median(row.visible().map(|g| g.size).collect()).unwrap_or(row.size);
    }
    rows
}

/// Remove glyphs drawn twice at (almost) the same place: fake bold and shadows.
fn drop_duplicates(mut glyphs: Vec<Glyph>) -> Vec<Glyph> {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut keep: Vec<Glyph> = Vec::with_capacity(glyphs.len());
    for g in glyphs {
        let near = DUPLICATE_EM * g.size;
        let dup = keep
            .iter()
            .rev()
            .take_while(|k| g.x - k.x < near)
            .any(|k| k.text == g.text && (k.y - g.y).abs() < near);
        if !dup {
            keep.push(g);
        }
    }
    keep
}

/// Order a row's glyphs: runs (one shown string each) by where they start, glyphs inside a run
/// in the order drawn. A run's start is placed by the producer; the positions after it are
/// sums of glyph widths, which can be wrong, so sorting every glyph by x could put text of the
/// next run in the middle of this one.
fn reading_order(glyphs: Vec<Glyph>) -> Vec<Glyph> {
    let mut by_run: BTreeMap<u32, Vec<Glyph>> = BTreeMap::new();
    for g in glyphs {
        by_run.entry(g.run).or_default().push(g);
    }
    let mut runs: Vec<(f64, Vec<Glyph>)> = by_run
        .into_values()
        .map(|mut run| {
            run.sort_by_key(|g| g.seq);
            (run.iter().map(|g| g.x).fold(f64::INFINITY, f64::min), run)
        })
        .collect();
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    runs.into_iter().flat_map(|(_, run)| run).collect()
}

/// The middle value (upper median), `None` for no values.
pub(crate) fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(v[v.len() / 2])
}
