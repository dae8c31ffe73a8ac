//! Character-level clean-up of what a PDF's fonts decode to, and the character classes that the
//! layout code needs to decide where a space belongs.

/// Clean the decoded text of one glyph: drop control characters (NUL comes out of fonts whose
/// ToUnicode maps unknown glyphs to U+0000) and fold CJK radical code points back to ideographs.
pub(crate) fn clean_glyph_text(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            // A tab inside a glyph string is a blank, not a control to drop.
            '\t' => Some(' '),
            // U+FEFF is an invisible BOM some producers leave at the start of strings.
            '\u{feff}' => None,
            c if c.is_control() => None,
            c => Some(fold_radical(c)),
        })
        .collect()
}

/// Map a Kangxi radical or a CJK Radicals Supplement character to the ideograph it stands for.
///
/// Fonts that share one glyph between an ideograph and its radical (Noto CJK does, for 人 / ⼈,
/// 民 / ⺠, 长 / ⻓ …) make Chromium write the radical into ToUnicode, so the text layer spells
/// 人民 as ⼈⺠. The table lives with the rest of the language data in `lexicon::radicals`.
pub(crate) fn fold_radical(c: char) -> char {
    crate::lexicon::radicals::fold_radical(c).unwrap_or(c)
}

/// Ideographs, kana, hangul, CJK punctuation and full-width forms: script that is written
/// without spaces, so no space is ever put next to it.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF      // Hangul Jamo
        | 0x2E80..=0x2FDF    // CJK radicals, Kangxi radicals
        | 0x2FF0..=0x303F    // ideographic description, CJK symbols and punctuation
        | 0x3040..=0x31FF    // kana, bopomofo, Hangul compatibility jamo, CJK strokes
        | 0x3200..=0x4DBF    // enclosed CJK, compatibility, extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xA960..=0xA97F    // Hangul Jamo extended-A
        | 0xAC00..=0xD7FF    // Hangul syllables and jamo extended-B
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFE10..=0xFE1F    // vertical forms
        | 0xFE30..=0xFE4F    // CJK compatibility forms
        | 0xFF00..=0xFFEF    // half-width and full-width forms
        | 0x20000..=0x3FFFF // extensions B and later
    )
}

/// A letter or digit of a script that is not written solid like CJK (Latin, Tibetan, …): a
/// space glyph between two of these is a word space worth keeping.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// Latin, Greek, Cyrillic letters and digits: scripts whose words producers often place with a
/// gap instead of a space glyph, so that a gap alone may stand for a space.
fn is_gap_spaced(c: char) -> bool {
    c.is_alphanumeric() && (c as u32) < 0x0590
}

/// Punctuation of spaced scripts that a word space follows ("Hello, world").
fn ends_clause(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '%')
}

/// Whether a space glyph between `prev` and `next` is a real word space: only between words of
/// a spaced script, or after its punctuation; never next to CJK text or CJK punctuation, where
/// spaces are justification or padding (`成 员`).
pub(crate) fn keeps_space_between(prev: char, next: char) -> bool {
    (is_word_char(prev) || ends_clause(prev)) && (is_word_char(next) || matches!(next, '(' | '&'))
}

/// Whether a visible gap without a space glyph is a word space: only between Latin-like words.
pub(crate) fn gap_is_space(prev: char, next: char) -> bool {
    (is_gap_spaced(prev) || ends_clause(prev)) && (is_gap_spaced(next) || next == '(')
}

/// Whether two lines of one paragraph join with a space: between Latin-like words, after clause
/// punctuation, and after a full stop only before a capital (`www.example.` + `cn` is a URL).
/// Never between two digits: a number broken over two lines (`1` + `10万吨`) is one number.
pub(crate) fn wrap_needs_space(prev: char, next: char) -> bool {
    match prev {
        '.' => next.is_uppercase(),
        c if ends_clause(c) => is_gap_spaced(next),
        c if c.is_ascii_digit() && next.is_ascii_digit() => false,
        c => is_gap_spaced(c) && is_gap_spaced(next),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_fold_to_ideographs() {
        assert_eq!(clean_glyph_text("⼈⺠⻓⾃⺟⻳"), "人民长自母龟");
        // Unmapped supplement character stays as it is.
        assert_eq!(clean_glyph_text("⺀"), "⺀");
    }

    #[test]
    fn every_kangxi_radical_folds_to_one_ideograph() {
        for cp in 0x2F00u32..=0x2FD5 {
            let c = char::from_u32(cp).unwrap_or(' ');
            let f = fold_radical(c);
            assert_ne!(f, c, "U+{cp:04X}");
            assert!(is_cjk(f));
        }
    }

    #[test]
    fn a_wrapped_number_stays_one_number() {
        assert!(!wrap_needs_space('1', '7'));
        assert!(!wrap_needs_space('2', '.'));
        assert!(wrap_needs_space('a', 'b'));
    }

    #[test]
    fn controls_are_dropped() {
        assert_eq!(clean_glyph_text("a\u{0}b\u{7}\tc"), "ab c");
    }

    #[test]
    fn spaces_only_between_words() {
        assert!(keeps_space_between('a', 'b'));
        assert!(keeps_space_between('3', 'x'));
        assert!(!keeps_space_between('增', '6'));
        assert!(!keeps_space_between('6', '亿'));
        assert!(!keeps_space_between('，', 'a'));
        assert!(!gap_is_space('ད', 'ག'));
        assert!(gap_is_space('d', 'g'));
        assert!(!wrap_needs_space('.', 'c'));
        assert!(wrap_needs_space('.', 'T'));
        assert!(wrap_needs_space('d', 'g'));
        assert!(!wrap_needs_space('1', '0'));
        assert!(!wrap_needs_space('增', 'g'));
    }
}
