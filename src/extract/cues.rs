//! The cue words of a sentence, found in one pass: every occurrence of every word of the
//! lexicon's lists (stretch, direction, target and result cues, periods …), so that
//! the rules can ask "is one of these words in this stretch of the sentence?" as often as they
//! like without searching the sentence again. The same pass notes where its clauses break
//! (`CLAUSE_BREAKS`), which would otherwise take a pass of their own.

use crate::chars::{WordSet, intern};
use crate::lexicon::words::{
    CLAUSE_BREAKS, DOWN_WORDS, KEEP_TARGET_WORDS, PAST_WORDS, PERIOD_WORDS, RESULT_CUES,
    REVIEW_TARGET_WORDS, STRETCH_WORDS, TARGET_CUES, UP_WORDS,
};
use std::sync::LazyLock;

/// The lists, by name, in the order of `LISTS` (a list's place there is `list as usize`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Stretch,
    Up,
    Down,
    TargetCues,
    ResultCues,
    Periods,
    ReviewTarget,
    Past,
    Plan,
}

fn words_of(list: List) -> Vec<&'static str> {
    match list {
        List::Stretch => STRETCH_WORDS.to_vec(),
        List::Up => UP_WORDS.to_vec(),
        List::Down => DOWN_WORDS.to_vec(),
        List::TargetCues => TARGET_CUES.to_vec(),
        List::ResultCues => RESULT_CUES.to_vec(),
        List::Periods => PERIOD_WORDS.iter().map(|(w, _)| *w).collect(),
        List::ReviewTarget => REVIEW_TARGET_WORDS.to_vec(),
        List::Past => PAST_WORDS.to_vec(),
        List::Plan => KEEP_TARGET_WORDS.to_vec(),
    }
}

const LISTS: [List; 9] = [
    List::Stretch,
    List::Up,
    List::Down,
    List::TargetCues,
    List::ResultCues,
    List::Periods,
    List::ReviewTarget,
    List::Past,
    List::Plan,
];

/// The place of a word in a list it is not in.
const NOT_LISTED: u16 = u16::MAX;

/// Which lists the rules ask about a sentence, by where it stands: a sentence of a part that
/// reviews the past year is asked about neither its plan words nor its result words, so its pass
/// need not stop at them (`新`, `建`, `实`, `全`, `推` … : a third of the stops of the pass over a
/// sentence that looks for every list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// Every list (outside the parts of a report).
    All,
    /// A part reviewing the past: the verbs of increase and decrease, periods.
    Review,
    /// The same, in a sentence that names a year to come: and the words of a target.
    ReviewFuture,
    /// A part that plans: besides those, stretch values, the past and the plan words.
    Plan,
}

impl Asked {
    const ALL: [Asked; 4] = [Asked::All, Asked::Review, Asked::ReviewFuture, Asked::Plan];

    /// Whether the rules may ask about `list`.
    pub fn asks(self, list: List) -> bool {
        use List::*;
        match self {
            Asked::All => true,
            Asked::Review => matches!(list, Up | Down | Periods),
            Asked::ReviewFuture => matches!(list, Up | Down | Periods | ReviewTarget),
            Asked::Plan => matches!(list, Stretch | Up | Down | Periods | Past | Plan),
        }
    }
}

/// The words of every list, and the clause breaks, found by their first character.
struct Lexicon {
    /// For each kind of sentence (`Asked`, in the order of `Asked::ALL`), the words of the lists
    /// asked and the clause breaks, and the index in `places` of each.
    words: [(WordSet, Vec<usize>); Asked::ALL.len()],
    /// For each word, its first place in each list (`NOT_LISTED` where it is in none).
    places: Vec<[u16; LISTS.len()]>,
    /// For each word, whether it is a clause break.
    breaks: Vec<bool>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = Vec::new();
    let mut lists = Vec::new();
    for list in LISTS {
        let ids: Vec<usize> = words_of(list)
            .into_iter()
            .map(|w| intern(&mut words, w))
            .collect();
        lists.push(ids);
    }
    let break_ids: Vec<usize> = CLAUSE_BREAKS
        .into_iter()
        .map(|w| intern(&mut words, w))
        .collect();
    let mut breaks = vec![false; words.len()];
    for id in break_ids {
        breaks[id] = true;
    }
    let mut places = vec![[NOT_LISTED; LISTS.len()]; words.len()];
    for (l, ids) in lists.iter().enumerate() {
        for (place, &id) in ids.iter().enumerate().rev() {
            places[id][l] = u16::try_from(place)
                .ok()
                .filter(|&p| p < NOT_LISTED)
                .expect("a list of fewer than 65535 words");
        }
    }
    let words = Asked::ALL.map(|asked| {
        let ids: Vec<usize> = (0..words.len())
            .filter(|&id| {
                breaks[id]
                    || LISTS
                        .iter()
                        .zip(&places[id])
                        .any(|(&list, &place)| place != NOT_LISTED && asked.asks(list))
            })
            .collect();
        let set = WordSet::new(ids.iter().map(|&id| words[id]).collect())
            .expect("cue words start in the Basic Multilingual Plane");
        (set, ids)
    });
    Lexicon {
        words,
        places,
        breaks,
    }
});

/// One occurrence of a word of a list: the word's place in the list and its byte range in the
/// sentence.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    place: u16,
    start: usize,
    end: usize,
}

/// Every occurrence of every cue word in one sentence (overlapping ones included), filed under
/// each list the word is in, by start: the rules ask about one list at a time, many times a
/// sentence.
#[derive(Default)]
pub struct Cues {
    by_list: [Vec<Occurrence>; LISTS.len()],
    /// Where each clause break stands, in order.
    breaks: Vec<usize>,
    /// The lists that were read (the others hold nothing).
    asked: Option<Asked>,
}

impl Cues {
    #[cfg(test)]
    pub fn of(s: &str) -> Cues {
        let mut cues = Cues::default();
        cues.read(s, Asked::All);
        cues
    }

    /// Make these the cues of `s` (the room of the last sentence's is kept for the next), of
    /// the lists `asked`.
    pub fn read(&mut self, s: &str, asked: Asked) {
        self.by_list.iter_mut().for_each(Vec::clear);
        self.breaks.clear();
        self.asked = Some(asked);
        let (lexicon, by_list, breaks) = (&*LEXICON, &mut self.by_list, &mut self.breaks);
        let (set, ids) = &lexicon.words[asked as usize];
        set.each_occurrence(s, |word, start, end| {
            let word = ids[word];
            // A break is in no list (a test holds them apart).
            if lexicon.breaks[word] {
                breaks.push(start);
                return;
            }
            for (list, &place) in by_list.iter_mut().zip(&lexicon.places[word]) {
                if place != NOT_LISTED {
                    list.push(Occurrence { place, start, end });
                }
            }
        });
    }

    /// Where the clause breaks of the sentence stand (byte offsets, in order).
    pub fn clause_breaks(&self) -> &[usize] {
        &self.breaks
    }

    /// The occurrences of the list's words that lie in `s[from..to]`, by start.
    fn within(&self, list: List, from: usize, to: usize) -> impl Iterator<Item = &Occurrence> {
        debug_assert!(
            self.asked.is_some_and(|asked| asked.asks(list)),
            "{list:?} asked of a sentence read for {:?}",
            self.asked
        );
        let found = &self.by_list[list as usize];
        let first = found.partition_point(|o| o.start < from);
        // Past a word that starts at `to` or later, none ends by `to`.
        found[first..]
            .iter()
            .take_while(move |o| o.start < to)
            .filter(move |o| o.end <= to)
    }

    /// `s[from..to]` holds a word of the list (`has_any(&s[from..to], list)`).
    pub fn any(&self, list: List, from: usize, to: usize) -> bool {
        self.within(list, from, to).next().is_some()
    }

    /// Where the last word of the list that lies in `s[from..to]` ends: the largest of
    /// `s[from..to].rfind(w) + w.len()` over the words `w`, as an offset in `s`.
    pub fn last_end(&self, list: List, from: usize, to: usize) -> Option<usize> {
        self.within(list, from, to).map(|o| o.end).max()
    }

    /// The first word in the list's own order that occurs in `s[from..to]`, by its place in the
    /// list.
    pub fn first_listed(&self, list: List, from: usize, to: usize) -> Option<usize> {
        self.within(list, from, to)
            .map(|o| usize::from(o.place))
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kinds_of_sentence_stand_at_their_own_places() {
        for (k, asked) in Asked::ALL.into_iter().enumerate() {
            assert_eq!(asked as usize, k, "{asked:?}");
        }
        // Fewer lists, fewer words to stop at.
        let words = |a: Asked| LEXICON.words[a as usize].1.len();
        assert!(words(Asked::Review) < words(Asked::Plan));
        assert!(words(Asked::Plan) < words(Asked::All));
    }

    #[test]
    fn every_list_stands_at_its_own_place() {
        for (k, list) in LISTS.into_iter().enumerate() {
            assert_eq!(list as usize, k, "{list:?}");
        }
    }

    #[test]
    fn every_word_starts_in_the_basic_multilingual_plane() {
        for list in LISTS {
            for w in words_of(list) {
                let first = w.chars().next().expect("no empty cue word");
                assert!(u32::from(first) < 0x10000, "{w}");
            }
        }
    }

    /// Every occurrence of every word: each word asked at each character boundary.
    #[test]
    fn occurrences_are_every_word_at_every_place() {
        let texts = [
            "力争地区生产总值增长7%以上，城乡居民收入增长降低减少下降，完成累计过去五年“十四五”时期年均增长去年上年已经确保预期目标",
            "增增长长降降幅，去年上年已经一年来确保预期目标将要计划争取力求预计拟推动今年明年到2030年全年",
            "顺利全部恢复荣获获入选被实现完成建成投入开工竣工落地通过达到成功正式累计共分别均已和及与、",
            "",
            "abc 没有任何提示词的句子𠀀增长",
        ];
        // Every word once, and all of them run together: overlaps of every kind.
        let all_words = LEXICON.words[Asked::All as usize].0.words().concat();
        for (text, asked) in texts
            .iter()
            .copied()
            .chain([all_words.as_str()])
            .flat_map(|text| Asked::ALL.map(|asked| (text, asked)))
        {
            // Every list a sentence is read for, as the reading of every list finds it.
            let mut cues = Cues::default();
            cues.read(text, asked);
            assert_eq!(cues.clause_breaks(), Cues::of(text).clause_breaks());
            for list in LISTS.into_iter().filter(|&l| asked.asks(l)) {
                // Each word of the list at its first place in it, wherever it occurs.
                let listed = words_of(list);
                let mut want = Vec::new();
                for (at, _) in text.char_indices() {
                    for (place, w) in listed.iter().enumerate() {
                        if crate::chars::starts_with(&text[at..], w)
                            && listed[..place].iter().all(|x| x != w)
                        {
                            want.push((place, at, at + w.len()));
                        }
                    }
                }
                let got: Vec<(usize, usize, usize)> = cues.by_list[list as usize]
                    .iter()
                    .map(|o| (usize::from(o.place), o.start, o.end))
                    .collect();
                // Filed by start.
                assert!(got.is_sorted_by_key(|o| o.1), "{list:?} {text}");
                let mut got = got;
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "{list:?} {text}");
            }
        }
    }

    /// A clause break is no cue word: the pass files it as a break only.
    #[test]
    fn no_clause_break_is_a_cue_word() {
        for list in LISTS {
            for w in words_of(list) {
                assert!(!CLAUSE_BREAKS.contains(&w), "{list:?} {w}");
            }
        }
    }

    /// The clause breaks noted in the pass are every character of `CLAUSE_BREAKS`, at every
    /// place, among cue words and marks of every kind.
    #[test]
    fn clause_breaks_are_every_break_mark() {
        let texts = [
            "力争地区生产总值增长7%以上，城乡居民收入增长；下降：完成。去年！上年？a,b;c:d!e?f",
            "，，；。",
            "没有标点的句子",
            "",
            "“十四五”时期（2021—2025年），增长5%、6%和7%。",
        ];
        for text in texts {
            let want: Vec<usize> = text
                .char_indices()
                .filter(|&(at, _)| CLAUSE_BREAKS.iter().any(|b| text[at..].starts_with(b)))
                .map(|(at, _)| at)
                .collect();
            assert_eq!(Cues::of(text).clause_breaks(), want, "{text}");
        }
    }

    fn has_any(s: &str, words: &[&str]) -> bool {
        words.iter().any(|w| s.contains(w))
    }

    /// Every question asked of `Cues` answers as searching the slice would.
    #[test]
    fn answers_match_plain_searches() {
        let sentences = [
            "力争地区生产总值增长7%以上，城乡居民收入增长降低减少下降，完成累计过去五年“十四五”时期年均增长",
            "增增长长降降幅，去年上年已经一年来确保预期目标将要计划争取力求预计拟推动今年明年到2030年全年",
            "顺利全部恢复荣获获入选被实现完成建成投入开工竣工落地通过达到成功正式累计共分别均已和及与、",
            "",
            "abc 没有任何提示词的句子",
        ];
        for s in sentences {
            let cues = Cues::of(s);
            // Every fourth character boundary: windows of every length and offset.
            let bounds: Vec<usize> = (0..=s.len())
                .filter(|&i| s.is_char_boundary(i))
                .step_by(4)
                .chain([s.len()])
                .collect();
            for list in LISTS {
                let words = words_of(list);
                for &a in &bounds {
                    for &b in bounds.iter().filter(|&&b| b >= a) {
                        let slice = &s[a..b];
                        assert_eq!(
                            cues.any(list, a, b),
                            has_any(slice, &words),
                            "{list:?} {slice}"
                        );
                        let last = words
                            .iter()
                            .filter_map(|w| slice.rfind(w).map(|p| a + p + w.len()))
                            .max();
                        assert_eq!(cues.last_end(list, a, b), last, "{list:?} {slice}");
                        let first = words.iter().position(|w| slice.contains(w));
                        assert_eq!(cues.first_listed(list, a, b), first, "{list:?} {slice}");
                    }
                }
            }
        }
    }
}
