//! Script: traditional characters (`億元`, `增長`, `以內`) and Taiwan / Hong Kong corner quotes are
//! folded into the simplified forms the rules are written in, for matching only. The text people
//! see (`sentence`, `text`, `gazette text`) keeps the original characters.
//!
//! The mapping is OpenCC's (through ferrous-opencc), and it is applied only where it keeps every
//! byte offset (one character for one of the same UTF-8 length), so that a span found in the
//! folded text is the same span of the original.

use super::script_keys;
use crate::chars::{BmpSet, char_at, utf8_len};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Corner quotes of Taiwan and Hong Kong print and the mainland quotes the rules are written in
/// (`「十四五」` → `“十四五”`). Every pair is of equal UTF-8 length.
pub const QUOTES: &[(char, char)] = &[('「', '“'), ('」', '”'), ('『', '‘'), ('』', '’')];

/// The mainland quote for a corner quote (the fold's own mapping of quotes), any other character
/// unchanged: what splits sentences reads quotes through it, so that a text is split the same
/// whether or not it was folded.
pub fn mainland_quote(c: char) -> char {
    QUOTES
        .iter()
        .find(|&&(corner, _)| corner == c)
        .map_or(c, |&(_, mainland)| mainland)
}

/// Traditional → simplified through OpenCC's dictionaries (phrases first, then characters).
static T2S: LazyLock<Option<ferrous_opencc::OpenCC>> = LazyLock::new(|| {
    ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s).ok()
});

/// What a character is to the fold: a byte of flags per character of the Basic Multilingual
/// Plane, a sorted list beyond it.
struct Flags {
    bmp: Vec<u8>,
    astral: Vec<(char, u8)>,
    /// The characters of the Basic Multilingual Plane with a flag that `marks` reads (a bit each,
    /// which stays in the first-level cache where the byte table does not).
    marked: BmpSet,
}

/// The flags `marks` stops at: an active character, or the anchor of a passive phrase (the
/// phrase is read around it).
const MARK_FLAGS: u8 = ACTIVE | PHRASE_ANCHOR;

/// Changed by the fold wherever it stands: a single-character key whose value is another
/// character, or a corner quote.
const ACTIVE: u8 = 1;
/// A character of some key: OpenCC is asked about runs of these only.
const KEY: u8 = 4;
/// The anchor of a passive phrase (a phrase key that holds no active character), its character
/// that `PASSIVE_BY_ANCHOR` files it under.
const PHRASE_ANCHOR: u8 = 8;

static FLAGS: LazyLock<Flags> = LazyLock::new(|| {
    let mut flags = Flags {
        bmp: vec![0; 0x10000],
        astral: Vec::new(),
        marked: BmpSet::of([]),
    };
    // The characters `marks` stops at, gathered as they are flagged.
    let mut marked = Vec::new();
    let mut set = |c: char, flag: u8| {
        if flag & MARK_FLAGS != 0 {
            marked.push(c);
        }
        let n = c as usize;
        if n < 0x10000 {
            flags.bmp[n] |= flag;
        } else {
            match flags.astral.iter_mut().find(|(d, _)| *d == c) {
                Some((_, f)) => *f |= flag,
                None => flags.astral.push((c, flag)),
            }
        }
    };
    for c in script_keys::ACTIVE_CHARS
        .chars()
        .chain(QUOTES.iter().map(|q| q.0))
    {
        set(c, ACTIVE);
    }
    for &(anchor, _, _) in PASSIVE_BY_ANCHOR.iter() {
        set(anchor, PHRASE_ANCHOR);
    }
    for c in script_keys::KEY_CHARS.chars() {
        set(c, KEY);
    }
    flags.astral.sort_unstable();
    flags.marked = BmpSet::of(marked);
    flags
});

/// The flags of `c` (none below U+3000, where there is neither a CJK character nor a CJK quote).
fn flags(c: char) -> u8 {
    FLAGS.of(c)
}

impl Flags {
    #[inline]
    fn of(&self, c: char) -> u8 {
        let n = c as usize;
        if n < 0x3000 {
            0
        } else if n < 0x10000 {
            self.bmp[n]
        } else {
            self.astral
                .binary_search_by_key(&c, |&(d, _)| d)
                .map_or(0, |i| self.astral[i].1)
        }
    }
}

/// OpenCC's runs: characters of a key, and the active ones (the corner quotes).
fn in_run(c: char) -> bool {
    flags(c) & (KEY | ACTIVE) != 0
}

/// The passive phrases by their anchor: the character of each that the most passive phrases
/// share (`瞭`, `藉`, `覆`, `沈` …, the ones whose reading the phrase decides; the first of the
/// phrase's on a tie), with the bytes of the phrase before it. `marks` stops at the anchors
/// rather than at the phrases' first characters, common words (`一`, `不`, `以`, `重`) that
/// stopped the pass some 150,000 times in 26 MB of simplified text for as good as no phrase.
static PASSIVE_BY_ANCHOR: LazyLock<Vec<(char, &'static str, usize)>> = LazyLock::new(|| {
    let phrases = script_keys::PASSIVE_PHRASES;
    let shared = |c: char| phrases.iter().filter(|p| p.contains(c)).count();
    let mut v: Vec<(char, &'static str, usize)> = phrases
        .iter()
        .filter_map(|&p| {
            // The first of the most shared characters (`max_by_key` keeps the last).
            let (before, anchor) = p.char_indices().rev().max_by_key(|&(_, c)| shared(c))?;
            Some((anchor, p, before))
        })
        .collect();
    v.sort_unstable();
    v
});

/// Where in `s` an active character stands or a passive phrase starts (byte offsets, in order):
/// empty when the fold leaves `s` as it is, and otherwise where it may change it.
pub fn marks(s: &str) -> Vec<usize> {
    let table = &*FLAGS;
    let mut marks = Vec::new();
    // Where a passive phrase starts: found at its anchor, which may come after other marks.
    let mut phrases = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        // Three-byte characters that neither are active nor can start a passive phrase, most of
        // the text, are stepped over undecoded.
        i = table.marked.skip_three_byte_outside(b, i);
        let Some(&lead) = b.get(i) else {
            break;
        };
        // Characters below U+3000 (lead bytes below E3) have no flags. ASCII comes in runs
        // (numbers, line feeds): the run is stepped over here, not a character per stop.
        if lead < 0x80 {
            i += b[i..].iter().take_while(|x| x.is_ascii()).count();
            continue;
        }
        if lead < 0xE3 {
            i += utf8_len(lead);
            continue;
        }
        // A character of the table, or one beyond the Basic Multilingual Plane.
        let Some((c, len)) = char_at(s, i) else {
            break;
        };
        let fl = table.of(c);
        if fl & ACTIVE != 0 {
            marks.push(i);
        }
        if fl & PHRASE_ANCHOR != 0 {
            let by_anchor = &*PASSIVE_BY_ANCHOR;
            let first = by_anchor.partition_point(|&(a, _, _)| a < c);
            for &(_, phrase, before) in by_anchor[first..].iter().take_while(|p| p.0 == c) {
                if let Some(start) = i.checked_sub(before)
                    && b[start..].starts_with(phrase.as_bytes())
                {
                    phrases.push(start);
                }
            }
        }
        i += len;
    }
    if !phrases.is_empty() {
        // A passive phrase holds no active character (a test holds them apart): no place is
        // marked both ways, and the marks in order are those first made a character at a time.
        marks.extend(phrases);
        marks.sort_unstable();
        marks.dedup();
    }
    marks
}

/// The runs OpenCC may change (byte ranges, in order): the runs that hold one of `marks` (an
/// active character or a passive phrase, which lies within one run, its characters being a
/// key's).
fn changing_runs(s: &str, marks: &[usize]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &at in marks {
        if runs.last().is_some_and(|&(_, end)| at < end) {
            continue;
        }
        let start = s[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| in_run(c))
            .last()
            .map_or(at, |(i, _)| i);
        let end = s[at..]
            .char_indices()
            .find(|&(_, c)| !in_run(c))
            .map_or(s.len(), |(i, _)| at + i);
        runs.push((start, end));
    }
    runs
}

/// `cc.convert` of the runs OpenCC may change, asking OpenCC only about the runs of characters
/// that occur in its keys, and of those only the runs holding one of `marks`. A key holds no
/// other character, so no match reaches across one: OpenCC's longest-prefix matching finds the
/// same matches in each run alone as in the whole text, and leaves everything between the runs
/// as it is. Returns the runs that came out different, as `(start, converted)`, and whether every
/// one kept the number of its characters and each character's UTF-8 length.
fn convert_runs(
    s: &str,
    marks: &[usize],
    cc: &ferrous_opencc::OpenCC,
) -> (Vec<(usize, String)>, bool) {
    let mut changed = Vec::new();
    let mut aligned = true;
    for (start, end) in changing_runs(s, marks) {
        let run = &s[start..end];
        let converted = cc.convert(run);
        if converted == run {
            continue;
        }
        aligned &= converted.len() == run.len()
            && converted.chars().count() == run.chars().count()
            && run
                .chars()
                .zip(converted.chars())
                .all(|(a, b)| a.len_utf8() == b.len_utf8());
        changed.push((start, converted));
    }
    (changed, aligned)
}

/// Fold traditional characters (`億元`, `增長`, `以內`) into the simplified ones the rules are
/// written in, and corner quotes into mainland quotes, keeping every byte offset: the conversion is
/// taken only where it gives one character of the same UTF-8 length for each character, so a span
/// found in the folded text is a span of the original.
pub fn simplify_for_matching(s: &str) -> Cow<'_, str> {
    simplify_marked(s, &marks(s))
}

/// `simplify_for_matching(s)`, given `marks(s)`.
pub fn simplify_marked<'a>(s: &'a str, marks: &[usize]) -> Cow<'a, str> {
    // Most text (all of a simplified report) holds nothing that can change.
    if marks.is_empty() {
        return Cow::Borrowed(s);
    }
    let mut folded = s.to_string();
    if fold_in_place(&mut folded, marks).is_empty() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(folded)
    }
}

/// `simplify_marked`, in place (a large text is not held twice): `marks` are `marks(s)`. Returns
/// the characters it replaced, as `(byte offset, original character)` in text order, which
/// `unfold_in_place` puts back.
pub fn fold_in_place(s: &mut String, marks: &[usize]) -> Vec<(usize, char)> {
    let mut replaced = Vec::new();
    if marks.is_empty() {
        return replaced;
    }
    if let Some(cc) = T2S.as_ref() {
        let (runs, aligned) = convert_runs(s, marks, cc);
        if aligned {
            for (start, converted) in runs {
                for (i, c) in converted.char_indices() {
                    replace_at(s, start + i, c, &mut replaced);
                }
            }
        } else {
            // A phrase converts to another length somewhere: character by character instead.
            fold_characters(s, marks, cc, &mut replaced);
        }
    }
    // Every corner quote is an active character, so it stands at one of the marks.
    for &at in marks {
        if let Some(c) = s.get(at..).and_then(|rest| rest.chars().next()) {
            let mainland = mainland_quote(c);
            if mainland != c {
                replace_at(s, at, mainland, &mut replaced);
            }
        }
    }
    replaced.sort_unstable_by_key(|&(at, _)| at);
    replaced
}

/// Fold `s` character by character (`marks` are `marks(s)`), noting what is replaced. Only an
/// active character converts alone to another (the test `characters_outside_the_keys_are_left_alone`),
/// and each stands at one of the marks.
fn fold_characters(
    s: &mut String,
    marks: &[usize],
    cc: &ferrous_opencc::OpenCC,
    replaced: &mut Vec<(usize, char)>,
) {
    let mut buf = [0u8; 4];
    let actives: Vec<(usize, char)> = marks
        .iter()
        .filter_map(|&at| Some((at, s.get(at..)?.chars().next()?)))
        .filter(|&(_, c)| flags(c) & ACTIVE != 0)
        .collect();
    for (at, c) in actives {
        let one = cc.convert(c.encode_utf8(&mut buf));
        let mut it = one.chars();
        if let (Some(d), None) = (it.next(), it.next()) {
            replace_at(s, at, d, replaced);
        }
    }
}

/// Write `c` over the character at `at` when it differs and has the same UTF-8 length (so that
/// no offset moves), noting the character it replaced.
fn replace_at(s: &mut String, at: usize, c: char, replaced: &mut Vec<(usize, char)>) {
    let Some(old) = s.get(at..).and_then(|rest| rest.chars().next()) else {
        return;
    };
    if old != c && old.len_utf8() == c.len_utf8() {
        let mut buf = [0u8; 4];
        s.replace_range(at..at + old.len_utf8(), c.encode_utf8(&mut buf));
        replaced.push((at, old));
    }
}

/// The text `fold_in_place` was given: the characters it `replaced`, put back.
pub fn unfold_in_place(s: &mut String, replaced: &[(usize, char)]) {
    for &(at, old) in replaced {
        let mut buf = [0u8; 4];
        s.replace_range(at..at + old.len_utf8(), old.encode_utf8(&mut buf));
    }
}

/// `text[from..to]` with `chars` (by byte offset in `text`, in order, each of the UTF-8 length
/// of the character it stands for) written over it: with the characters a fold replaced, a
/// piece of the folded text as it was; with the characters it wrote, a piece of the original
/// as folded. Borrowed when none falls in the piece.
pub fn patched<'a>(text: &'a str, from: usize, to: usize, chars: &[(usize, char)]) -> Cow<'a, str> {
    let first = chars.partition_point(|&(at, _)| at < from);
    let within = chars[first..].iter().take_while(|&&(at, _)| at < to);
    let mut out = Cow::Borrowed(&text[from..to]);
    for &(at, c) in within {
        let mut buf = [0u8; 4];
        out.to_mut()
            .replace_range(at - from..at - from + c.len_utf8(), c.encode_utf8(&mut buf));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters `marks` stops at are those flagged active or as a passive phrase's anchor.
    #[test]
    fn the_marked_set_is_the_flagged_characters() {
        let table = &*FLAGS;
        let mut marked = 0;
        for c in (0..=0xFFFF_u32).filter_map(char::from_u32) {
            let flagged = table.of(c) & MARK_FLAGS != 0;
            assert_eq!(table.marked.contains(c), flagged, "{c}");
            marked += usize::from(flagged);
        }
        assert!(marked > 1000, "{marked}");
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
                if flags(c) & KEY == 0 {
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
            // Phrases that map to themselves, alone and beside changes.
            "有序推进，彷徨，瞭望塔，神祇，藉藉无名，覆盆子",
            "有序瞭解，一目瞭然有序，藉藉無名，反覆有序，覆盆子乾",
        ] {
            assert_eq!(simplify_for_matching(s), whole_text_fold(s), "{s}");
        }
    }

    /// The passive phrases by their first two characters, sorted (how `marks` first found them).
    static PASSIVE_BY_BIGRAM: LazyLock<Vec<((char, char), &'static str)>> = LazyLock::new(|| {
        let mut v: Vec<((char, char), &'static str)> = script_keys::PASSIVE_PHRASES
            .iter()
            .filter_map(|p| {
                let mut it = p.chars();
                Some(((it.next()?, it.next()?), *p))
            })
            .collect();
        v.sort_unstable();
        v
    });

    /// Whether some passive phrase starts at byte `at` of `s`, whose first two characters are `pair`.
    fn passive_phrase_at(s: &str, at: usize, pair: (char, char)) -> bool {
        let table = &*PASSIVE_BY_BIGRAM;
        let first = table.partition_point(|&(k, _)| k < pair);
        table[first..]
            .iter()
            .take_while(|&&(k, _)| k == pair)
            .any(|&(_, p)| s[at..].starts_with(p))
    }

    /// `marks` as first written: every character read in turn, a phrase noted at its second
    /// character.
    fn marks_char_by_char(s: &str) -> Vec<usize> {
        let mut marks = Vec::new();
        let mut prev: Option<(usize, char)> = None;
        for (i, c) in s.char_indices() {
            if let Some((at, p)) = prev
                && passive_phrase_at(s, at, (p, c))
            {
                marks.push(at);
            }
            if flags(c) & ACTIVE != 0 {
                marks.push(i);
            }
            prev = Some((i, c));
        }
        marks
    }

    #[test]
    fn marks_are_those_of_a_character_at_a_time() {
        // Every passive phrase, its first two characters, the rest of it after its first (its
        // anchor without the start), and active characters, run together in every order the seed
        // gives, with text between them or none.
        let mut pieces: Vec<String> = script_keys::PASSIVE_PHRASES
            .iter()
            .flat_map(|p| {
                [
                    p.to_string(),
                    p.chars().take(2).collect(),
                    p.chars().skip(1).collect(),
                ]
            })
            .collect();
        pieces.extend(
            ["億", "萬", "「", "增长", "，", "5%", "a", "𠀀", "以", "一"].map(String::from),
        );
        let n = pieces.len();
        for s in crate::chars::random_texts(&pieces, 600, 5, |k| k % n) {
            assert_eq!(marks(&s), marks_char_by_char(&s), "{s}");
        }
        let all = pieces.concat();
        assert_eq!(marks(&all), marks_char_by_char(&all));
    }

    /// Every passive phrase changes what it matches (one that maps to itself changes no text
    /// and is no mark).
    #[test]
    fn passive_phrases_hold_no_active_character_and_an_anchor_each() {
        for p in script_keys::PASSIVE_PHRASES {
            assert!(p.chars().all(|c| flags(c) & ACTIVE == 0), "{p}");
        }
        let anchored: Vec<&str> = PASSIVE_BY_ANCHOR.iter().map(|&(_, p, _)| p).collect();
        assert_eq!(anchored.len(), script_keys::PASSIVE_PHRASES.len());
        for &(anchor, phrase, before) in PASSIVE_BY_ANCHOR.iter() {
            assert!(phrase[before..].starts_with(anchor), "{phrase}");
            assert!(flags(anchor) & PHRASE_ANCHOR != 0, "{anchor}");
        }
        // The anchors are the few characters whose reading the phrases decide.
        let mut anchors: Vec<char> = PASSIVE_BY_ANCHOR.iter().map(|&(a, _, _)| a).collect();
        anchors.dedup();
        assert!(anchors.len() <= 10, "{anchors:?}");
    }

    #[test]
    fn passive_phrases_change_their_text() {
        let cc = T2S.as_ref().expect("OpenCC T2s dictionaries");
        for p in script_keys::PASSIVE_PHRASES {
            assert_ne!(cc.convert(p), *p, "{p}");
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
            if marks(one).is_empty() || flags(c) & KEY == 0 {
                assert_eq!(cc.convert(one), one, "{c}");
            }
        }
    }

    #[test]
    fn folding_in_place_is_undone_by_what_it_replaced() {
        for s in [
            "增長5%，達到3億元，控制在5%以內",
            "「十五五」開局之年，『雙碳』目標，一目瞭然",
            "地区生产总值增长5%以上",
            "㑮𠀀a億b 萬 c兩個",
        ] {
            let mut text = s.to_string();
            let replaced = fold_in_place(&mut text, &marks(s));
            assert_eq!(text, whole_text_fold(s), "{s}");
            assert_eq!(replaced.is_empty(), text == s, "{s}");
            assert!(replaced.windows(2).all(|w| w[0].0 < w[1].0), "{s}");
            // Any piece of the folded text, unfolded, is the same piece of the original.
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            for (k, &from) in bounds.iter().enumerate() {
                for &to in &bounds[k..] {
                    assert_eq!(patched(&text, from, to, &replaced), &s[from..to], "{s}");
                }
            }
            unfold_in_place(&mut text, &replaced);
            assert_eq!(text, s);
        }
    }

    #[test]
    fn a_conversion_of_another_length_falls_back_to_characters() {
        assert_eq!(aligned("億元", "亿"), None);
        assert_eq!(aligned("億元", "亿元").as_deref(), Some("亿元"));
        let cc = T2S.as_ref().expect("OpenCC T2s dictionaries");
        assert_eq!(per_char("億元𠀀", cc), "亿元𠀀");
        for t in [
            "增長5%，達到3億元，控制在5%以內，新增就業52.3萬人",
            "「十五五」開局之年，『雙碳』目標，一目瞭然",
            "㑮𠀀a億b 萬 c兩個",
        ] {
            let mut folded = t.to_string();
            fold_characters(&mut folded, &marks(t), cc, &mut Vec::new());
            assert_eq!(folded, per_char(t, cc), "{t}");
        }
    }
}
