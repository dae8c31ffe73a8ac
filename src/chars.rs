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
    SENTENCE_ENDS.contains(&c)
}

/// The marks that end a sentence, full-width and ASCII.
pub const SENTENCE_ENDS: [char; 7] = ['。', '！', '？', '；', '!', '?', ';'];

/// The first `n` characters of `s` (all of it when it is shorter).
pub fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(end, _)| &s[..end])
}

/// Display width of one character (see [`display_width`]).
pub fn char_width(c: char) -> usize {
    1 + usize::from(is_cjk(c) || c > '\u{2E80}')
}

/// Display width in columns: CJK characters take two, others one.
pub fn display_width(s: &str) -> usize {
    // Below U+2E80 only a few marks are CJK (`is_cjk`); every character above it is wide. Read
    // from the bytes, as this is asked of every line: a lead byte from E3 up starts a character
    // from U+3000 up, and E2 BA 80 is U+2E80.
    let b = s.as_bytes();
    let mut width = 0;
    let mut i = 0;
    while let Some(&lead) = b.get(i) {
        let len = utf8_len(lead);
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let wide = match len {
            1 => false,
            // U+00B7 (C2 B7)
            2 => lead == 0xC2 && next(1) == 0xB7,
            3 if lead >= 0xE3 => true,
            // Above U+2E80; or U+2014, U+2018..U+201D, U+2026 (E2 80 ..).
            3 if lead == 0xE2 => {
                let (x, y) = (next(1), next(2));
                x > 0xBA
                    || (x == 0xBA && y > 0x80)
                    || (x == 0x80 && matches!(y, 0x94 | 0x98..=0x9D | 0xA6))
            }
            3 => false,
            _ => true,
        };
        width += 1 + usize::from(wide);
        i += len;
    }
    width
}

/// A decimal digit as the regex crate's `\d` reads it (Unicode `Nd`: the ASCII digits and the
/// decimal digits of other scripts), for the hand-written matchers that stand in for patterns.
#[inline]
pub fn is_decimal_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    // CJK text: no decimal digit from U+3000 to U+A61F (the test below reads every character).
    // Asked of characters one by one by the matchers: this much is inlined, the rest is not.
    !('\u{3000}'..'\u{A620}').contains(&c) && is_other_decimal_digit(c)
}

/// [`is_decimal_digit`] of a character outside ASCII and CJK text.
#[inline(never)]
fn is_other_decimal_digit(c: char) -> bool {
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

/// A set of characters of the Basic Multilingual Plane, one bit each (8.5 KiB: it stays in the
/// first-level cache, where a byte per character would not), for passes that ask of every
/// character whether it is one of a few. Characters beyond the plane are never in it.
///
/// The bits of U+0000 to U+FFFF are followed by one block of 64 words with every bit set: the
/// block that a lead byte that starts no three-byte character points at (see `BLOCK_OF_LEAD`),
/// so that the scan of three-byte characters asks one table, not a test and then a table.
#[derive(Debug, Clone)]
pub struct BmpSet(Box<[u64; SET_WORDS]>);

/// Words of the bits of the plane.
const BMP_WORDS: usize = 0x10000 / 64;
/// Words of the characters that share a lead byte and a second byte (the third byte's six bits
/// pick the bit).
const BLOCK_WORDS: usize = 64;
/// Words of a set: the plane's, the all-ones block, and unused words up to a power of two, so
/// that a word index masked to it needs no bound check in the scan.
const SET_WORDS: usize = (BMP_WORDS + BLOCK_WORDS).next_power_of_two();

/// For each byte, where the block of the three-byte characters it leads starts among a set's
/// words: `(lead & 0x0F) * 64` for `E0` to `EF`, and the all-ones block past the plane for every
/// other byte.
const BLOCK_OF_LEAD: [u16; 256] = {
    let mut table = [BMP_WORDS as u16; 256];
    let mut lead = 0xE0;
    while lead <= 0xEF {
        table[lead] = ((lead & 0x0F) * BLOCK_WORDS) as u16;
        lead += 1;
    }
    table
};

impl BmpSet {
    pub fn of(chars: impl IntoIterator<Item = char>) -> BmpSet {
        let mut bits = Box::new([0u64; SET_WORDS]);
        for n in chars
            .into_iter()
            .map(|c| c as usize)
            .filter(|&n| n < 0x10000)
        {
            bits[n / 64] |= 1 << (n % 64);
        }
        bits[BMP_WORDS..BMP_WORDS + BLOCK_WORDS].fill(u64::MAX);
        BmpSet(bits)
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let n = c as usize;
        n < 0x10000 && self.0[n / 64] & (1 << (n % 64)) != 0
    }

    /// Whether the bytes `lead x y` are not a three-byte character outside the set: one in
    /// the set, or a lead byte of another length (its block is all ones).
    #[inline]
    fn stops(&self, lead: u8, x: u8, y: u8) -> bool {
        let word = usize::from(BLOCK_OF_LEAD[usize::from(lead)]) + usize::from(x & 0x3F);
        // The word is below `BMP_WORDS + BLOCK_WORDS`: the mask changes nothing but spares the
        // bound check.
        self.0[word & (SET_WORDS - 1)] & (1 << (y & 0x3F)) != 0
    }

    /// From byte `i` of `b` (a character boundary of UTF-8), past the run of three-byte
    /// characters not in the set: where a character of another length, one in the set, or the
    /// end stands. The passes that look for a few characters among running CJK text spend most
    /// of their time here, so each character costs one comparison and one look. (Testing four
    /// at a time without a branch between them took more instructions and more time.)
    #[inline]
    pub fn skip_three_byte_outside(&self, b: &[u8], mut i: usize) -> usize {
        // Each step reads three bytes from `i`: it may go on while `i` is below `b.len() - 2`,
        // one comparison, which also bounds the three reads.
        let Some(last) = b.len().checked_sub(2) else {
            return i;
        };
        while i < last && !self.stops(b[i], b[i + 1], b[i + 2]) {
            i += 3;
        }
        i
    }

    /// `s.char_indices()`, keeping only the characters in the set.
    pub fn find_iter<'a>(&'a self, s: &'a str) -> SetMatches<'a> {
        SetMatches { set: self, s, i: 0 }
    }
}

/// The characters of a set in a text, by offset ([`BmpSet::find_iter`]). A type of its own, its
/// step inlined where it is read: the passes over sentences (cue words, catalogue aliases) stop
/// at one character in seven, and the call made for each stop when the step was a closure
/// returned as an opaque iterator took 1.4 % of the instructions of a run.
pub struct SetMatches<'a> {
    set: &'a BmpSet,
    s: &'a str,
    i: usize,
}

impl Iterator for SetMatches<'_> {
    type Item = (usize, char);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, char)> {
        let (set, s) = (self.set, self.s);
        let b = s.as_bytes();
        loop {
            self.i = set.skip_three_byte_outside(b, self.i);
            let at = self.i;
            let lead = *b.get(at)?;
            // Stopped at a three-byte character with its three bytes read: it is in the set
            // (one outside it would have been stepped over), decoded from them at once.
            if (0xE0..=0xEF).contains(&lead)
                && at + 2 < b.len()
                && let Some(c) = three_byte_char(lead, b[at + 1], b[at + 2])
            {
                self.i += 3;
                return Some((at, c));
            }
            let (c, len) = char_at(s, at)?;
            self.i += len;
            if set.contains(c) {
                return Some((at, c));
            }
        }
    }
}

/// What a run of prose stepped over held besides ideographs: `，` or `。` (a mark of prose), and
/// `。` (a sentence end).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProseMarks {
    pub comma_or_stop: bool,
    pub full_stop: bool,
}

/// From byte `i` of `b` (a character boundary of UTF-8), past the run of unified ideographs
/// (U+4E00 to U+9FFF) and the three commonest marks between them (`，`, `、`, `。`): where the run
/// ends, and which of the marks it held. Every character of the run is three bytes long, so the
/// run holds a third of its bytes in characters. Most of a report is such runs; the line pass of
/// normalisation steps over them here (stopping at each mark as well took twice the stops).
#[inline]
pub fn skip_prose(b: &[u8], i: usize, marks: &mut ProseMarks) -> usize {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        skip_prose_sse2(b, i, marks)
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        skip_prose_bytewise(b, i, marks)
    }
}

/// [`skip_prose`] a character at a time (the tail of the vector version, and other targets).
#[inline]
fn skip_prose_bytewise(b: &[u8], mut i: usize, marks: &mut ProseMarks) -> usize {
    while let Some(&lead) = b.get(i) {
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        // Lead E5 to E9 with any second byte, or E4 with B8 or more.
        let ideograph = (0xE5..=0xE9).contains(&lead) || (lead == 0xE4 && next(1) >= 0xB8);
        if !ideograph {
            match (lead, next(1), next(2)) {
                (0xEF, 0xBC, 0x8C) => marks.comma_or_stop = true,
                (0xE3, 0x80, 0x81) => {}
                (0xE3, 0x80, 0x82) => {
                    marks.comma_or_stop = true;
                    marks.full_stop = true;
                }
                _ => break,
            }
        }
        i += 3;
    }
    i
}

/// [`skip_prose`] sixteen bytes at a time: each window's bytes are classed at once, and the run
/// ends at the first byte that neither continues a character nor leads an ideograph or one of
/// the three marks. Runs are short (a few characters): the gain is less the width than finding
/// the end without a branch per character.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
fn skip_prose_sse2(b: &[u8], mut i: usize, marks: &mut ProseMarks) -> usize {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    // A window classes 16 bytes, reading two more (the second and third bytes of a character
    // that starts at its end).
    while i + 18 <= b.len() {
        // SAFETY: SSE2 is enabled for this build (as for every x86_64 target with floating
        // point); the three loads read 16 bytes within `b` (from `i`, `i + 1` and `i + 2`, with
        // `i + 18 <= b.len()`), unaligned loads being allowed.
        let (kept, commas_or_stops, full_stops) = unsafe {
            let at = b.as_ptr().add(i);
            let bytes = _mm_loadu_si128(at.cast::<__m128i>());
            let seconds = _mm_loadu_si128(at.add(1).cast::<__m128i>());
            let thirds = _mm_loadu_si128(at.add(2).cast::<__m128i>());
            let is = |v: __m128i, x: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(x as i8));
            // As signed bytes: 80..BF are -128..-65, E4 is -28, E5..E9 are -27..-23.
            let continuation = _mm_cmplt_epi8(bytes, _mm_set1_epi8(0xC0_u8 as i8));
            let e5_to_e9 = _mm_and_si128(
                _mm_cmpgt_epi8(bytes, _mm_set1_epi8(0xE4_u8 as i8)),
                _mm_cmplt_epi8(bytes, _mm_set1_epi8(0xEA_u8 as i8)),
            );
            // After an E4 stands a continuation byte (80..BF): B8 and more are above B7.
            let high_second = _mm_cmpgt_epi8(seconds, _mm_set1_epi8(0xB7_u8 as i8));
            let ideograph = _mm_or_si128(e5_to_e9, _mm_and_si128(is(bytes, 0xE4), high_second));
            // `，` EF BC 8C; `、` E3 80 81 and `。` E3 80 82.
            let comma = _mm_and_si128(
                _mm_and_si128(is(bytes, 0xEF), is(seconds, 0xBC)),
                is(thirds, 0x8C),
            );
            let e3_80 = _mm_and_si128(is(bytes, 0xE3), is(seconds, 0x80));
            let enumeration_comma = _mm_and_si128(e3_80, is(thirds, 0x81));
            let full_stop = _mm_and_si128(e3_80, is(thirds, 0x82));
            let kept = _mm_or_si128(
                _mm_or_si128(continuation, ideograph),
                _mm_or_si128(comma, _mm_or_si128(enumeration_comma, full_stop)),
            );
            (
                _mm_movemask_epi8(kept) as u32,
                _mm_movemask_epi8(_mm_or_si128(comma, full_stop)) as u32,
                _mm_movemask_epi8(full_stop) as u32,
            )
        };
        let stops = !kept & 0xFFFF;
        // The marks of the run: those before its end.
        let before = if stops == 0 {
            0xFFFF
        } else {
            (1 << stops.trailing_zeros()) - 1
        };
        marks.comma_or_stop |= commas_or_stops & before != 0;
        marks.full_stop |= full_stops & before != 0;
        if stops != 0 {
            // The first stop is a character boundary: every byte before it continues or leads
            // a character of the run.
            return i + stops.trailing_zeros() as usize;
        }
        // The window starts at a boundary and holds characters of the run only: they start
        // every three bytes, and the one at byte 15 ends at byte 18.
        i += 18;
    }
    skip_prose_bytewise(b, i, marks)
}

/// A list of words, searched for every occurrence of every word (overlapping ones included) by
/// the first character: a pass over the text stops only at characters some word starts with.
/// Every word must start in the Basic Multilingual Plane (see [`WordSet::new`]).
pub struct WordSet {
    /// The words as given (the tests read them back).
    #[cfg(test)]
    words: Vec<&'static str>,
    firsts: BmpSet,
    /// The words (their index in the list, and their bytes after the first character), by
    /// first character.
    tails: ByChar<(u32, &'static [u8])>,
}

/// Items grouped by a character, each group in the order given, found by the character in one
/// probe nearly always: open addressing on a multiplicative hash. Cheaper than a binary search
/// (a branch mispredicted at nearly every step) or a rank counted in a bitset (the baseline x86-64
/// target has no instruction to count bits) for the look-ups made at every figure and stop.
pub struct ByChar<T> {
    slots: Box<[Slot]>,
    /// Bits of a hash that pick a slot (`slots.len()` is `1 << slot_bits`).
    slot_bits: u32,
    items: Vec<T>,
}

/// A character and its items' range in `ByChar::items` (`EMPTY_SLOT` for none).
#[derive(Clone, Copy)]
struct Slot {
    key: u32,
    start: u32,
    end: u32,
}

/// No character is `u32::MAX`.
const EMPTY_SLOT: Slot = Slot {
    key: u32::MAX,
    start: 0,
    end: 0,
};

impl<T> ByChar<T> {
    /// The items of `pairs` by their character; the items of one character keep their order.
    pub fn new(mut pairs: Vec<(char, T)>) -> ByChar<T> {
        pairs.sort_by_key(|&(c, _)| c);
        // Room for twice the characters, so that probes are short.
        let keys = pairs.chunk_by(|a, b| a.0 == b.0).count();
        let slot_bits = (2 * keys).next_power_of_two().trailing_zeros().max(1);
        let mut slots = vec![EMPTY_SLOT; 1 << slot_bits].into_boxed_slice();
        let mut start = 0;
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            let key = u32::from(group[0].0);
            let mut at = Self::first_slot(key, slot_bits);
            while slots[at].key != u32::MAX {
                at = (at + 1) & (slots.len() - 1);
            }
            // Fewer than 2^32 items: the lists are the lexicon's.
            slots[at] = Slot {
                key,
                start: start as u32,
                end: (start + group.len()) as u32,
            };
            start += group.len();
        }
        ByChar {
            slots,
            slot_bits,
            items: pairs.into_iter().map(|(_, item)| item).collect(),
        }
    }

    /// The slot where the search for `key` starts.
    #[inline]
    fn first_slot(key: u32, bits: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B9) >> (32 - bits)) as usize
    }

    /// The items of `c`, in their order (none when it has none).
    #[inline]
    pub fn get(&self, c: char) -> &[T] {
        let key = u32::from(c);
        let mut at = Self::first_slot(key, self.slot_bits);
        loop {
            let slot = self.slots[at];
            if slot.key == key {
                return &self.items[slot.start as usize..slot.end as usize];
            }
            if slot.key == u32::MAX {
                return &[];
            }
            at = (at + 1) & (self.slots.len() - 1);
        }
    }
}

/// The place of `w` in `words`, added at the end if it is not there yet: lists of words that
/// share some (cue lists, catalogue aliases) made into one list for a [`WordSet`].
pub fn intern(words: &mut Vec<&'static str>, w: &'static str) -> usize {
    words.iter().position(|&x| x == w).unwrap_or_else(|| {
        words.push(w);
        words.len() - 1
    })
}

impl WordSet {
    /// The set of `words`; `None` when one of them is empty or starts beyond the Basic
    /// Multilingual Plane, where the pass would never stop.
    pub fn new(words: Vec<&'static str>) -> Option<WordSet> {
        let mut by_first: Vec<(char, u32)> = Vec::with_capacity(words.len());
        for (id, w) in words.iter().enumerate() {
            let first = w.chars().next().filter(|&c| u32::from(c) < 0x10000)?;
            by_first.push((first, u32::try_from(id).ok()?));
        }
        let firsts = BmpSet::of(by_first.iter().map(|&(c, _)| c));
        // By first character, and each group in the words' order.
        let tails = ByChar::new(
            by_first
                .into_iter()
                .map(|(c, id)| (c, (id, &words[id as usize].as_bytes()[c.len_utf8()..])))
                .collect(),
        );
        Some(WordSet {
            firsts,
            tails,
            #[cfg(test)]
            words,
        })
    }

    #[cfg(test)]
    pub(crate) fn words(&self) -> &[&'static str] {
        &self.words
    }

    /// The words that start with `c`, a character of `firsts`: their index and their bytes
    /// after `c`.
    #[inline]
    fn starting_with(&self, c: char) -> &[(u32, &'static [u8])] {
        self.tails.get(c)
    }

    /// Call `found(word index, start, end)` for every occurrence in `s` of every word, by start
    /// (a loop rather than an iterator of iterators, which cost more than the search itself).
    pub fn each_occurrence(&self, s: &str, mut found: impl FnMut(usize, usize, usize)) {
        for (at, c) in self.firsts.find_iter(s) {
            // The first character is there: the rest of each word is compared byte by byte
            // (the words are short; a call to memcmp for each costs more).
            let after = at + c.len_utf8();
            let rest = &s.as_bytes()[after..];
            for &(id, tail) in self.starting_with(c) {
                if rest
                    .get(..tail.len())
                    .is_some_and(|here| here.iter().zip(tail).all(|(a, b)| a == b))
                {
                    found(id as usize, at, after + tail.len());
                }
            }
        }
    }
}

/// Length of the UTF-8 sequence that `lead` starts (1 for a byte that starts none, so that a scan
/// of valid text, which never stops on one, still moves on).
#[inline]
pub fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// The character that starts at byte `i` of `s` (a character boundary) and its length in bytes.
/// One- and three-byte characters, nearly all of a report, are decoded by hand: the passes that
/// look at every character for a few of them step through the text with this.
#[inline]
pub fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let lead = *b.get(i)?;
    let len = utf8_len(lead);
    let c = if len == 1 {
        char::from(lead)
    } else if len == 3 && i + 2 < b.len() {
        // Valid UTF-8 never encodes a surrogate in three bytes.
        three_byte_char(lead, b[i + 1], b[i + 2]).unwrap_or(char::REPLACEMENT_CHARACTER)
    } else {
        s[i..].chars().next()?
    };
    Some((c, len))
}

/// The character that the three-byte UTF-8 sequence `lead x y` encodes (`None` for a surrogate,
/// which valid UTF-8 never holds).
#[inline]
pub fn three_byte_char(lead: u8, x: u8, y: u8) -> Option<char> {
    char::from_u32(
        (u32::from(lead & 0x0F) << 12) | (u32::from(x & 0x3F) << 6) | u32::from(y & 0x3F),
    )
}

/// `s.split('\n')`, finding the line feeds with the memchr crate's vector search (long lines of
/// CJK text are scanned many bytes at a time).
pub fn split_lines(s: &str) -> impl Iterator<Item = &str> {
    split_ascii(s, b'\n')
}

/// `s.split(char::from(byte))` for an ASCII `byte`, found by the memchr crate's vector search
/// (std's `split` with a `char` pattern reads a long line of CJK text a word at a time).
pub fn split_ascii(s: &str, byte: u8) -> impl Iterator<Item = &str> {
    // Any other byte could split a character, and slicing would panic.
    assert!(byte.is_ascii(), "split_ascii splits at an ASCII byte");
    let mut found = memchr::memchr_iter(byte, s.as_bytes());
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        match found.next() {
            Some(at) => {
                start = Some(at + 1);
                Some(&s[from..at])
            }
            None => {
                start = None;
                Some(&s[from..])
            }
        }
    })
}

/// `s.starts_with(w)`, for the short words of the lexicon asked at every figure: the byte at
/// the word's end is compared first (the last byte of a Chinese character tells most apart), and
/// only a word that passes is compared whole (std compares every word whole, with a call).
#[inline]
pub fn starts_with(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    match w.last() {
        None => true,
        Some(&last) => s.len() >= w.len() && s[w.len() - 1] == last && s[..w.len()] == *w,
    }
}

/// `s.strip_prefix(c)`, the first character decoded and compared: std's search for a character
/// that is not a constant encodes it and calls memcmp on the bytes (a tenth of the scan's time,
/// asked after every number).
#[inline]
pub fn strip_char(s: &str, c: char) -> Option<&str> {
    let (first, len) = char_at(s, 0)?;
    (first == c).then(|| &s[len..])
}

/// `words.contains(&s)`, each word of the same length compared by its last byte first (as
/// [`starts_with`]): `contains` calls memcmp for every word as long as `s`, which took a tenth
/// of the scan's time when asked of every unit found.
#[inline]
pub fn is_one_of(s: &str, words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| w.len() == s.len() && starts_with(s, w))
}

/// `s.ends_with(w)`, as [`starts_with`] (the last bytes compared first).
#[inline]
pub fn ends_with(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    match w.last() {
        None => true,
        Some(&last) => {
            s.last() == Some(&last) && s.len() >= w.len() && s[s.len() - w.len()..] == *w
        }
    }
}

/// `hay.contains(needle)`, for the short strings of indicator names: candidates found by the first
/// byte (memchr), then compared (std's substring search prepares a searcher on every call).
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// `hay.find(needle)`, found as [`contains`] finds it.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    if h.len() < n.len() {
        return None;
    }
    memchr::memchr_iter(first, &h[..h.len() - rest.len()]).find(|&i| &h[i + 1..i + n.len()] == rest)
}

/// For tests: a text of each length below `lengths`, of pieces picked by `pick` from numbers a
/// linear congruential generator gives from `seed`.
#[cfg(test)]
pub(crate) fn random_texts<'a, P: AsRef<str>>(
    pieces: &'a [P],
    lengths: usize,
    mut seed: u32,
    pick: impl Fn(usize) -> usize + 'a,
) -> impl Iterator<Item = String> + 'a {
    (0..lengths).map(move |len| {
        (0..len)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                pieces[pick((seed >> 16) as usize)].as_ref()
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bmp_set_holds_its_characters_and_no_other() {
        let set = BmpSet::of(['〇', '亿', 'a', '\u{FFFF}', '𠀀']);
        for c in ['〇', '亿', 'a', '\u{FFFF}'] {
            assert!(set.contains(c), "{c}");
        }
        // Beyond the plane nothing is in it, not even what it was given.
        for c in ['一', 'b', '\0', '𠀀', '\u{10FFFF}'] {
            assert!(!set.contains(c), "{c}");
        }
    }

    #[test]
    fn contains_find_and_ends_are_std_s() {
        let words = [
            "",
            "增",
            "增长",
            "长",
            "城镇居民",
            "居民人均",
            "a",
            "ab",
            "b",
            "增长5%",
        ];
        for hay in [
            "",
            "增长",
            "城镇居民人均可支配收入增长5%",
            "abab",
            "a",
            "长增",
            "增长增长",
        ] {
            for w in words {
                assert_eq!(contains(hay, w), hay.contains(w), "{hay:?} {w:?}");
                assert_eq!(find(hay, w), hay.find(w), "{hay:?} {w:?}");
                assert_eq!(starts_with(hay, w), hay.starts_with(w), "{hay:?} {w:?}");
                assert_eq!(ends_with(hay, w), hay.ends_with(w), "{hay:?} {w:?}");
            }
        }
    }

    #[test]
    fn char_at_decodes_every_character() {
        for c in (0..0x110000).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(char_at(&s, 1), Some((c, c.len_utf8())), "{c:?}");
        }
        assert_eq!(char_at("a", 1), None);
    }

    #[test]
    fn split_ascii_is_std_s_split() {
        for s in ["", "\u{c}", "a\u{c}\u{c}增\u{c}", "增长\u{c}5%", "无"] {
            let ours: Vec<&str> = split_ascii(s, 0x0C).collect();
            assert_eq!(ours, s.split('\u{c}').collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn split_lines_is_split_at_line_feeds() {
        for s in ["", "\n", "a", "a\n", "\na", "增长\n\n5%\n", "x\ny\nz"] {
            assert_eq!(
                split_lines(s).collect::<Vec<_>>(),
                s.split('\n').collect::<Vec<_>>(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn display_width_counts_cjk_as_two() {
        let mut buf = [0u8; 4];
        for c in (0..0x110000).filter_map(char::from_u32) {
            let wide = is_cjk(c) || c > '\u{2E80}';
            assert_eq!(
                display_width(c.encode_utf8(&mut buf)),
                if wide { 2 } else { 1 },
                "{c:?}"
            );
            assert_eq!(char_width(c), display_width(c.encode_utf8(&mut buf)));
        }
    }

    #[test]
    fn skipping_three_byte_characters_stops_where_it_should() {
        let set = BmpSet::of(['增', '。']);
        let s = "地区生产总值增长6.3%。全年GDP𠀀总值";
        let b = s.as_bytes();
        let stop = |i: usize| set.skip_three_byte_outside(b, i);
        assert_eq!(&s[stop(0)..], "增长6.3%。全年GDP𠀀总值");
        assert_eq!(stop(s.find('长').unwrap()), s.find('6').unwrap());
        assert_eq!(&s[stop(s.find('全').unwrap())..], "GDP𠀀总值");
        assert_eq!(stop(s.find('𠀀').unwrap()), s.find('𠀀').unwrap());
        assert_eq!(stop(s.rfind('总').unwrap()), s.len());
        assert_eq!(set.skip_three_byte_outside(b"", 0), 0);
    }

    #[test]
    fn prose_runs_end_where_a_character_at_a_time_would() {
        // Every kind of byte the vector classes: the ends of the range (U+4E00, U+9FFF), the
        // E4 characters below it (U+4DFF, U+4000), the lead after it (EA), the three marks and
        // their neighbours (`﹐` EF B9 90, `，` EF BC 8C, `＋` EF BC 8B, U+3000, `、`, `。`,
        // `〃` E3 80 83), ASCII, two- and four-byte characters, and the lead bytes in between
        // (E5, E9).
        let pieces = [
            "一", "\u{9FFF}", "\u{4DFF}", "\u{4000}", "\u{A000}", "增", "长", "，", "6", "é", "𠀀",
            "\u{5000}", "\u{9000}", "。", "、", "\u{3000}", "〃", "＋", "﹐",
        ];
        let one_at_a_time = |s: &str, i: usize| {
            let end = s[i..]
                .char_indices()
                .find(|&(_, c)| {
                    !(('\u{4E00}'..='\u{9FFF}').contains(&c) || matches!(c, '，' | '、' | '。'))
                })
                .map_or(s.len(), |(at, _)| i + at);
            // The marks of the run alone.
            let mut run = ProseMarks::default();
            for c in s[i..end].chars() {
                run.comma_or_stop |= matches!(c, '，' | '。');
                run.full_stop |= c == '。';
            }
            (end, run)
        };
        // Mostly ideographs and marks, so that runs cross the 16-byte windows.
        let pick = |k: usize| match k % (50 + pieces.len()) {
            k @ 0..50 => [0, 1, 5, 6, 11, 12, 7, 13, 14, 5][k % 10],
            k => k - 50,
        };
        for s in random_texts(&pieces, 300, 11, pick) {
            for (i, _) in s.char_indices() {
                let mut marks = ProseMarks::default();
                let end = skip_prose(s.as_bytes(), i, &mut marks);
                assert_eq!((end, marks), one_at_a_time(&s, i), "{s} from {i}");
                let mut marks = ProseMarks::default();
                let end = skip_prose_bytewise(s.as_bytes(), i, &mut marks);
                assert_eq!((end, marks), one_at_a_time(&s, i));
            }
        }
        assert_eq!(skip_prose(b"", 0, &mut ProseMarks::default()), 0);
    }

    #[test]
    fn skipping_stops_where_a_character_at_a_time_would() {
        // The last three-byte character in the set, and the first (U+0800) and the last among
        // the text: the ends of the table.
        let set = BmpSet::of(['增', '。', '长', '\u{FFFF}']);
        let one_at_a_time = |s: &str, i: usize| {
            s[i..]
                .char_indices()
                .find(|&(_, c)| c.len_utf8() != 3 || set.contains(c))
                .map_or(s.len(), |(at, _)| i + at)
        };
        // Runs of every length, with stops at every place and none at all.
        let pieces = [
            "地", "区", "增", "。", "长", "a", "é", "𠀀", "，", "\u{800}", "\u{FFFF}", "\u{FFFE}",
        ];
        // Mostly characters outside the set, so that long runs are skipped.
        let pick = |k: usize| match k % 40 {
            k @ 0..28 => k % 2,
            k => k - 28,
        };
        for s in random_texts(&pieces, 400, 7, pick) {
            for (i, _) in s.char_indices() {
                assert_eq!(
                    set.skip_three_byte_outside(s.as_bytes(), i),
                    one_at_a_time(&s, i),
                    "{s} from {i}"
                );
            }
        }
    }

    /// Every occurrence of every word, as an overlapping Aho-Corasick search finds them.
    #[test]
    fn a_word_set_finds_every_occurrence() {
        let words = vec!["增长", "增", "长", "增长率", "率", "GDP", "a", "。增"];
        let set = WordSet::new(words.clone()).unwrap();
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&words)
            .unwrap();
        for s in [
            "",
            "增长率增长。增长率长",
            "GDP增长a𠀀增",
            "没有",
            "增增长长",
        ] {
            let mut want: Vec<(usize, usize, usize)> = ac
                .find_overlapping_iter(s)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            let mut got: Vec<(usize, usize, usize)> = Vec::new();
            set.each_occurrence(s, |w, a, b| got.push((w, a, b)));
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "{s}");
        }
        assert!(WordSet::new(vec!["增", ""]).is_none());
        assert!(WordSet::new(vec!["𠀀增"]).is_none());
    }

    #[test]
    fn items_by_char_keep_their_order_and_none_is_lost() {
        // Characters spread at random over the plane (a fixed sequence), three items each, given
        // out of order: the table holds chains of probes, and each character's items come back
        // in their order.
        let mut seed: u32 = 7;
        let mut keys: Vec<char> = (0..3000)
            .filter_map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                char::from_u32(0x20 + (seed >> 8) % 0xA000)
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut pairs: Vec<(char, (char, u8))> = Vec::new();
        for k in 0..3 {
            pairs.extend(keys.iter().rev().map(|&c| (c, (c, k))));
        }
        let by = ByChar::new(pairs);
        for &c in &keys {
            assert_eq!(by.get(c), [(c, 0), (c, 1), (c, 2)], "{c:?}");
        }
        for c in (0x20..0xA020).filter_map(char::from_u32) {
            if keys.binary_search(&c).is_err() {
                assert!(by.get(c).is_empty(), "{c:?}");
            }
        }
        assert!(ByChar::<u8>::new(Vec::new()).get('a').is_empty());
    }

    /// Many first characters: the table of first characters holds chains of probes.
    #[test]
    fn a_large_word_set_finds_every_occurrence() {
        let firsts: Vec<char> = (0x4E00..0x9FFF)
            .step_by(37)
            .filter_map(char::from_u32)
            .chain(['，', '。', 'a', '5'])
            .collect();
        let words: Vec<&'static str> = firsts
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                let w = if k % 3 == 0 {
                    format!("{c}")
                } else {
                    format!("{c}长{c}")
                };
                &*Box::leak(w.into_boxed_str())
            })
            .collect();
        let set = WordSet::new(words.clone()).unwrap();
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&words)
            .unwrap();
        let text: String = firsts
            .iter()
            .flat_map(|&c| [c, '长', c, '增'])
            .chain("没有a5。".chars())
            .collect();
        let mut want: Vec<(usize, usize, usize)> = ac
            .find_overlapping_iter(&text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect();
        let mut got = Vec::new();
        set.each_occurrence(&text, |w, a, b| got.push((w, a, b)));
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want);
        assert!(got.len() > firsts.len());
    }

    #[test]
    fn find_iter_finds_the_characters_of_the_set() {
        let set = BmpSet::of(['。', '“', '（', '!', 'é', '增']);
        let s = "a!b。“增长”（5%）𠀀é x。";
        let want: Vec<(usize, char)> = s.char_indices().filter(|&(_, c)| set.contains(c)).collect();
        assert_eq!(set.find_iter(s).collect::<Vec<_>>(), want);
        assert_eq!(want.len(), 7);
        assert_eq!(set.find_iter("").count(), 0);
    }

    #[test]
    fn strip_char_and_is_one_of_answer_as_std() {
        for s in ["（套）", "(台)", "/吨", "每人", "套", "", "a", "（"] {
            for c in ['（', '(', '/', '每', 'a', '套'] {
                assert_eq!(strip_char(s, c), s.strip_prefix(c), "{s} {c}");
            }
        }
        let words = ["方", "成", "万亿", "亿"];
        for s in ["方", "成", "亿", "万亿", "万", "方面", "", "个"] {
            assert_eq!(is_one_of(s, &words), words.contains(&s), "{s}");
        }
    }

    #[test]
    fn first_chars_are_taken_whole() {
        assert_eq!(first_chars("增长6.3%", 3), "增长6");
        assert_eq!(first_chars("增长", 5), "增长");
        assert_eq!(first_chars("", 2), "");
        assert_eq!(first_chars("增长", 0), "");
    }

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
