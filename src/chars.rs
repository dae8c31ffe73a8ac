//! Character classes of Chinese official text, shared by normalisation, segmentation and extraction.

/// A CJK ideograph (including 〇, used as a digit zero in Chinese numerals).
pub fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}'
        | '〇')
}

/// Punctuation used in Chinese running text (full-width forms, quotes, brackets, dashes).
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FF01}' | '\u{FF08}' | '\u{FF09}' | '\u{FF0C}' | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}'
        | '\u{2018}'..='\u{201D}'
        | '\u{2014}' | '\u{2026}' | '\u{00B7}')
}

/// Ideograph or Chinese punctuation: text around which spaces are layout, not words.
pub fn is_cjk(c: char) -> bool {
    is_ideograph(c) || is_cjk_punct(c)
}

/// Marks that end a sentence in Chinese text (after folding, so `?` and `!` count too).
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// Display width in columns: CJK characters take two, others one.
pub fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| if is_cjk(c) || c > '\u{2E80}' { 2 } else { 1 })
        .sum()
}
