//! An `OutputDev` for pdf-extract that records every drawn glyph with its position, instead of
//! pdf-extract's own plain-text guesswork (which puts spaces between justified CJK characters and
//! reads two-column pages line across line).

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use unicode_normalization::char::is_combining_mark;

use super::chars::clean_glyph_text;

/// One drawn glyph, in page space with the origin at the top left of the media box (y grows
/// downwards, so sorting by y is reading order).
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    /// Decoded, cleaned text: usually one character, several for ligatures or combining marks.
    pub text: String,
    /// Left edge of the glyph.
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// Font size after the text and graphics matrices (the em size on the page).
    pub size: f64,
    /// Advance width on the page.
    pub width: f64,
    /// Which text-showing operation (string of `Tj`/`TJ`) drew it, counted from the start of the
    /// document: glyphs of one run are in reading order even when their widths are wrong.
    pub run: u32,
    /// Position in the page's drawing order.
    pub seq: usize,
}

impl Glyph {
    pub fn is_blank(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }
}

/// Everything drawn on one page.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawPage {
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    /// Number of glyphs the content stream showed, whether or not they decoded to text.
    pub drawn: usize,
    /// Glyphs that decoded to nothing (no ToUnicode entry, or only control characters).
    pub unmapped: usize,
}

/// Collects the glyphs of every page. pdf-extract calls `begin_page` for each page, in order.
#[derive(Default)]
pub(crate) struct Collector {
    pages: Vec<RawPage>,
    /// Media box origin of the current page (x of its left edge, y of its top edge).
    llx: f64,
    ury: f64,
    /// Number of the current text run (see `Glyph::run`).
    run: u32,
}

impl Collector {
    pub fn into_pages(self) -> Vec<RawPage> {
        self.pages
    }

    fn page(&mut self) -> Option<&mut RawPage> {
        self.pages.last_mut()
    }
}

/// A combining mark joins the previous glyph only if it sits on about the same baseline (marks
/// above or below a letter are drawn within half an em of it).
const COMBINING_Y_EM: f64 = 0.5;

/// Combining marks (Tibetan vowel signs, Latin accents drawn separately) are drawn as their own
/// glyphs, often at an x left of their base. They belong to the glyph before them: attaching
/// them keeps them there whatever order the row is put in later.
fn attaches_to_previous(text: &str) -> bool {
    text.chars().next().is_some_and(is_combining_mark)
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.llx = media_box.llx.min(media_box.urx);
        self.ury = media_box.ury.max(media_box.lly);
        self.pages.push(RawPage {
            height: (media_box.ury - media_box.lly).abs(),
            ..RawPage::default()
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The text rendering matrix maps glyph space (scaled by the font size) to the page: its
        // translation is the glyph origin, the square root of its determinant the scale.
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = (font_size * scale).abs();
        let (x, y) = (trm.m31 - self.llx, self.ury - trm.m32);
        let run = self.run;
        let Some(page) = self.page() else {
            return Ok(());
        };
        page.drawn += 1;
        let text = clean_glyph_text(char);
        if text.is_empty() {
            page.unmapped += 1;
            return Ok(());
        }
        // A degenerate text matrix (zero scale, NaN from a malformed operand) places nothing.
        if !(size.is_finite() && x.is_finite() && y.is_finite()) || size <= 0.0 {
            return Ok(());
        }
        if attaches_to_previous(&text)
            && let Some(prev) = page.glyphs.last_mut()
            && (prev.y - y).abs() < COMBINING_Y_EM * size
        {
            prev.text.push_str(&text);
            return Ok(());
        }
        let advance = if width.is_finite() {
            width * size
        } else {
            size
        };
        let seq = page.glyphs.len();
        page.glyphs.push(Glyph {
            text,
            x,
            y,
            size,
            width: advance.max(0.0),
            run,
            seq,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        // pdf-extract calls this once per string shown.
        self.run = self.run.wrapping_add(1);
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
