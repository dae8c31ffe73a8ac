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

/// A decimal digit as the regex crate's `\d` reads it (Unicode `Nd`: the ASCII digits and the
/// decimal digits of other scripts), for the hand-written matchers that stand in for patterns.
pub fn is_decimal_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    static OTHER: std::sync::LazyLock<Vec<(char, char)>> = std::sync::LazyLock::new(|| {
        use regex_syntax::hir::{Class, HirKind};
        // The same table the regex crate compiles `\d` from.
        match regex_syntax::parse(r"\d").map(|h| h.into_kind()) {
            Ok(HirKind::Class(Class::Unicode(class))) => class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect(),
            _ => Vec::new(),
        }
    });
    let i = OTHER.partition_point(|&(_, end)| end < c);
    OTHER.get(i).is_some_and(|&(start, _)| start <= c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_digits_are_the_regex_crate_s() {
        let re = regex::Regex::new(r"^\d$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..0x20000).filter_map(char::from_u32) {
            assert_eq!(
                is_decimal_digit(c),
                re.is_match(c.encode_utf8(&mut buf)),
                "{c:?}"
            );
        }
    }
}
