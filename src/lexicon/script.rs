//! Script: traditional characters (`億元`, `增長`, `以內`) and Taiwan / Hong Kong corner quotes are
//! folded into the simplified forms the rules are written in, for matching only. The text people
//! see (`sentence`, `text`, `gazette text`) keeps the original characters.
//!
//! The mapping is OpenCC's (through ferrous-opencc), and it is applied only where it keeps every
//! byte offset (one character for one of the same UTF-8 length), so that a span found in the
//! folded text is the same span of the original.

use super::script_keys;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Corner quotes of Taiwan and Hong Kong print and the mainland quotes the rules are written in
/// (`「十四五」` → `“十四五”`). Every pair is of equal UTF-8 length.
pub const QUOTES: &[(char, char)] = &[('「', '“'), ('」', '”'), ('『', '‘'), ('』', '’')];

/// Traditional → simplified through OpenCC's dictionaries (phrases first, then characters).
static T2S: LazyLock<Option<ferrous_opencc::OpenCC>> = LazyLock::new(|| {
    ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s).ok()
});

/// A set of characters: a bit per character of the Basic Multilingual Plane, a sorted list beyond.
struct CharSet {
    bmp: Vec<u64>,
    astral: Vec<char>,
}

impl CharSet {
    fn of(chars: impl Iterator<Item = char>) -> CharSet {
        let mut set = CharSet {
            bmp: vec![0; 0x10000 / 64],
            astral: Vec::new(),
        };
        for c in chars {
            let n = c as usize;
            if n < 0x10000 {
                set.bmp[n / 64] |= 1 << (n % 64);
            } else {
                set.astral.push(c);
            }
        }
        set.astral.sort_unstable();
        set
    }

    fn contains(&self, c: char) -> bool {
        let n = c as usize;
        if n < 0x10000 {
            self.bmp[n / 64] & (1 << (n % 64)) != 0
        } else {
            self.astral.binary_search(&c).is_ok()
        }
    }
}

/// Characters the fold changes wherever they stand: single-character keys whose value is another
/// character, and the corner quotes.
static ACTIVE: LazyLock<CharSet> = LazyLock::new(|| {
    CharSet::of(
        script_keys::ACTIVE_CHARS
            .chars()
            .chain(QUOTES.iter().map(|q| q.0)),
    )
});

/// Characters of the phrase keys that hold no active character: only where one of them stands
/// can such a phrase match.
static PASSIVE: LazyLock<CharSet> =
    LazyLock::new(|| CharSet::of(script_keys::PASSIVE_PHRASES.iter().flat_map(|p| p.chars())));

/// The passive phrases, to look for all at once.
static PASSIVE_PHRASES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(script_keys::PASSIVE_PHRASES).expect("passive phrases")
});

/// Characters of any key: OpenCC is asked about runs of these only.
static KEY: LazyLock<CharSet> = LazyLock::new(|| CharSet::of(script_keys::KEY_CHARS.chars()));

/// Below U+3000 there is neither a CJK character nor a CJK quote.
fn is_cjk_range(c: char) -> bool {
    (c as u32) >= 0x3000
}

/// Whether the fold can change `s` at all (see `script_keys`); false for nearly all simplified
/// text, which then is not converted.
fn may_change(s: &str) -> bool {
    let mut passive = false;
    for c in s.chars().filter(|&c| is_cjk_range(c)) {
        if ACTIVE.contains(c) {
            return true;
        }
        passive |= PASSIVE.contains(c);
    }
    passive && PASSIVE_PHRASES.is_match(s)
}

/// What `convert_runs` saw.
#[derive(Debug, Clone, Copy, Default)]
struct Runs {
    /// Some run came out different.
    changed: bool,
    /// A run came out with a character of another UTF-8 length, or another number of characters.
    misaligned: bool,
    /// The output holds a corner quote.
    quotes: bool,
}

/// `cc.convert(s)`, asking OpenCC only about the runs of characters that occur in its keys, and
/// of those only the runs it may change. A key holds no other character, so no match reaches
/// across one: OpenCC's longest-prefix matching finds the same matches in each run alone as in
/// the whole text, and leaves everything between the runs as it is.
fn convert_runs(s: &str, cc: &ferrous_opencc::OpenCC) -> (String, Runs) {
    let mut out = String::with_capacity(s.len());
    let mut seen = Runs::default();
    let mut convert = |run: &str, out: &mut String| {
        if !may_change(run) {
            out.push_str(run);
            return;
        }
        let converted = cc.convert(run);
        seen.changed |= converted != run;
        seen.misaligned |= converted.len() != run.len()
            || converted.chars().count() != run.chars().count()
            || run
                .chars()
                .zip(converted.chars())
                .any(|(a, b)| a.len_utf8() != b.len_utf8());
        seen.quotes |= converted.contains(|c| QUOTES.iter().any(|q| q.0 == c));
        out.push_str(&converted);
    };
    let mut run_start: Option<usize> = None;
    let mut plain_start = 0;
    for (i, c) in s.char_indices() {
        let key_char = is_cjk_range(c) && (KEY.contains(c) || ACTIVE.contains(c));
        match (key_char, run_start) {
            (true, None) => {
                out.push_str(&s[plain_start..i]);
                run_start = Some(i);
            }
            (false, Some(r)) => {
                convert(&s[r..i], &mut out);
                run_start = None;
                plain_start = i;
            }
            _ => {}
        }
    }
    match run_start {
        Some(r) => convert(&s[r..], &mut out),
        None => out.push_str(&s[plain_start..]),
    }
    (out, seen)
}

/// Fold traditional characters (`億元`, `增長`, `以內`) into the simplified ones the rules are
/// written in, and corner quotes into mainland quotes, keeping every byte offset: the conversion is
/// taken only where it gives one character of the same UTF-8 length for each character, so a span
/// found in the folded text is a span of the original.
pub fn simplify_for_matching(s: &str) -> Cow<'_, str> {
    // Most text (all of a simplified report) holds nothing that can change.
    if !may_change(s) {
        return Cow::Borrowed(s);
    }
    let (converted, quotes) = match T2S.as_ref() {
        Some(cc) => {
            let (converted, runs) = convert_runs(s, cc);
            if !runs.misaligned {
                // Every run kept its characters' lengths, so the whole text did: it is aligned.
                if !runs.changed && !runs.quotes {
                    return Cow::Borrowed(s);
                }
                (converted, runs.quotes)
            } else {
                let converted = aligned(s, &converted).unwrap_or_else(|| per_char(s, cc));
                let quotes = converted.contains(|c| QUOTES.iter().any(|q| q.0 == c));
                (converted, quotes)
            }
        }
        None => (
            s.to_string(),
            s.contains(|c| QUOTES.iter().any(|q| q.0 == c)),
        ),
    };
    let folded: String = if quotes {
        converted
            .chars()
            .map(|c| QUOTES.iter().find(|q| q.0 == c).map_or(c, |q| q.1))
            .collect()
    } else {
        converted
    };
    if folded == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(folded)
    }
}

/// `converted`, if it has a character of the same UTF-8 length for every character of `s`.
fn aligned(s: &str, converted: &str) -> Option<String> {
    let same = converted.len() == s.len()
        && converted.chars().count() == s.chars().count()
        && s.chars()
            .zip(converted.chars())
            .all(|(a, b)| a.len_utf8() == b.len_utf8());
    same.then(|| converted.to_string())
}

/// Character by character, for the rare text where a phrase converts to a different length.
fn per_char(s: &str, cc: &ferrous_opencc::OpenCC) -> String {
    let mut buf = [0u8; 4];
    s.chars()
        .map(|c| {
            // A character of no key converts to itself.
            if !(is_cjk_range(c) && KEY.contains(c)) {
                return c;
            }
            let one = cc.convert(c.encode_utf8(&mut buf));
            let mut it = one.chars();
            match (it.next(), it.next()) {
                (Some(d), None) if d.len_utf8() == c.len_utf8() => d,
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_folding_keeps_offsets() {
        let s = "增長5%，達到3億元，控制在5%以內，新增就業52.3萬人";
        let f = simplify_for_matching(s);
        assert_eq!(f, "增长5%，达到3亿元，控制在5%以内，新增就业52.3万人");
        assert_eq!(f.len(), s.len());
    }

    #[test]
    fn corner_quotes_become_mainland_quotes() {
        let s = "「十五五」開局之年，『雙碳』目標";
        let f = simplify_for_matching(s);
        assert_eq!(f, "“十五五”开局之年，‘双碳’目标");
        assert_eq!(f.len(), s.len());
    }

    #[test]
    fn simplified_and_ascii_text_is_borrowed() {
        for s in [
            "地区生产总值增长5%以上，力争达到5.5%。",
            "GDP 5.2%",
            "呵护、捍卫、著力、磐石",
        ] {
            assert!(matches!(simplify_for_matching(s), Cow::Borrowed(_)), "{s}");
        }
    }

    /// The fold as first written: OpenCC over the whole text.
    fn whole_text_fold(s: &str) -> String {
        let cc = T2S.as_ref().expect("OpenCC T2s dictionaries");
        let converted = aligned(s, &cc.convert(s)).unwrap_or_else(|| per_char(s, cc));
        converted
            .chars()
            .map(|c| QUOTES.iter().find(|q| q.0 == c).map_or(c, |q| q.1))
            .collect()
    }

    #[test]
    fn converting_runs_of_key_characters_is_converting_the_whole_text() {
        for s in [
            "增長5%，達到3億元，控制在5%以內，新增就業52.3萬人",
            "「十五五」開局之年，『雙碳』目標，一目瞭然，不瞭解情況",
            "地区生产总值增长5%以上 GDP 乾隆年間 乾燥 上鍊 么麼",
            "㑮𠀀a億b 萬 c兩個",
            "",
            "覆盖全省，答覆代表建议，有序推进，沈默不语，藉此机会，反覆强调",
            "全面覆盖，秩序井然",
        ] {
            assert_eq!(simplify_for_matching(s), whole_text_fold(s), "{s}");
        }
    }

    /// Characters that are in no key convert to themselves (the generated list is complete for
    /// single characters; a newer OpenCC with new keys fails here).
    #[test]
    fn characters_outside_the_keys_are_left_alone() {
        let cc = T2S.as_ref().expect("OpenCC T2s dictionaries");
        let mut buf = [0u8; 4];
        let ranges = [
            0x3000..0x3400,
            0x3400..0x4DC0,
            0x4E00..0xA000,
            0xF900..0xFB00,
            0x20000..0x2A6E0,
            0x2A700..0x2EBF0,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let one: &str = c.encode_utf8(&mut buf);
            if !may_change(one) {
                assert_eq!(cc.convert(one), one, "{c}");
            }
            if !KEY.contains(c) {
                assert_eq!(cc.convert(one), one, "{c}");
            }
        }
    }

    #[test]
    fn a_conversion_of_another_length_falls_back_to_characters() {
        assert_eq!(aligned("億元", "亿"), None);
        assert_eq!(aligned("億元", "亿元").as_deref(), Some("亿元"));
        let cc = T2S.as_ref().expect("OpenCC T2s dictionaries");
        assert_eq!(per_char("億元𠀀", cc), "亿元𠀀");
    }
}
