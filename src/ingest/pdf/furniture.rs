//! Page furniture: running headers and page numbers in the top and bottom bands of the page.
//! Removed here because the positions are known; normalisation removes them again generically.

use unicode_normalization::UnicodeNormalization;

use super::rows::Row;

/// The rows of one page and the page's height.
pub(crate) struct PageRows {
    pub rows: Vec<Row>,
    pub height: f64,
}

/// Drop, from every page, band rows that are a page number or a text that repeats (digits
/// ignored) in the bands of at least half of the pages.
pub(crate) fn remove_furniture(pages: &mut [PageRows]) {
    let keys: Vec<Vec<String>> = pages.iter().map(band_keys).collect();
    let page_count = pages.len();
    let repeats = |key: &str| -> bool {
        let on_pages = keys.iter().filter(|k| k.iter().any(|x| x == key)).count();
        // With a single page nothing can be seen to repeat.
        on_pages >= 2 && on_pages * 2 >= page_count
    };
    for page in pages.iter_mut() {
        let height = page.height;
        page.rows.retain(|row| {
            if !row.in_band(height) {
                return true;
            }
            let text = row.compact_text();
            !(is_page_number(&text) || repeats(&repeat_key(&text)))
        });
    }
}

fn band_keys(page: &PageRows) -> Vec<String> {
    let mut keys: Vec<String> = page
        .rows
        .iter()
        .filter(|r| r.in_band(page.height))
        .map(|r| repeat_key(&r.compact_text()))
        .filter(|k| !k.is_empty())
        .collect();
    keys.dedup();
    keys
}

/// Text compared across pages: NFKC, no blanks, every digit the same (a header that carries the
/// page number, such as `公报 第3页`, still repeats).
fn repeat_key(text: &str) -> String {
    text.nfkc()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// `3`, `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 17 页`, `3/17`, `Page 3`, `Page 3 of 17`, `iv`.
pub(crate) fn is_page_number(text: &str) -> bool {
    let s: String = text
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let s = s.trim_matches(|c: char| "-‐‑‒–—―−~·•[]()<>".contains(c));
    if s.is_empty() {
        return false;
    }
    let digits = |t: &str| !t.is_empty() && t.len() <= 5 && t.chars().all(|c| c.is_ascii_digit());
    // "第3页共17页", "第3页/共17页": look only at the part before the total.
    let s = s.split(['共', '/', ',', '，']).next().unwrap_or(s);
    if digits(s) {
        return true;
    }
    if let Some(n) = s.strip_prefix('第').and_then(|t| t.strip_suffix('页')) {
        return digits(n);
    }
    if let Some(rest) = s.strip_prefix("page") {
        return digits(rest.split("of").next().unwrap_or(rest));
    }
    // Roman numerals of front matter.
    s.len() <= 6 && s.chars().all(|c| "ivxlc".contains(c))
}

#[cfg(test)]
mod tests {
    use super::is_page_number;

    #[test]
    fn page_numbers() {
        for s in [
            "3",
            "— 3 —",
            "- 12 -",
            "第3页",
            "第 3 页 共 17 页",
            "3/17",
            "Page 3",
            "page 3 of 9",
            "xiv",
            "－３－",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["2025年第1期", "第一章", "各位代表", "", "——", "page"] {
            assert!(!is_page_number(s), "{s}");
        }
    }
}
