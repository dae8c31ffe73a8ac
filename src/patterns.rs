//! Hand-written matchers for patterns of segmentation, normalisation and extraction. Compiling
//! these as regexes (Unicode `\d` and `\s`, counted repeats) costs more than reading a whole
//! small report, and a run of `gazette` pays it again every time it starts. Each function follows
//! its pattern exactly: the pattern is quoted above it, `\d` is Unicode `Nd` (`is_decimal_digit`)
//! and `\s` Unicode white space, as in the regex crate; a test checks the two agree on many
//! generated strings.

use crate::chars::{BmpSet, is_decimal_digit};

/// Bytes of the longest prefix of `s` whose characters satisfy `f`, and how many characters.
fn run(s: &str, f: impl Fn(char) -> bool) -> (usize, usize) {
    let mut n = 0;
    for (i, c) in s.char_indices() {
        if !f(c) {
            return (i, n);
        }
        n += 1;
    }
    (s.len(), n)
}

fn ws(s: &str) -> usize {
    run(s, char::is_whitespace).0
}

fn digits(s: &str) -> (usize, usize) {
    run(s, is_decimal_digit)
}

/// `(?:19|20)\d{2}` at the start of `s`: its length in bytes.
fn year_at(s: &str) -> Option<usize> {
    if !(s.starts_with("19") || s.starts_with("20")) {
        return None;
    }
    let mut rest = s[2..].chars();
    let a = rest.next().filter(|&c| is_decimal_digit(c))?;
    let b = rest.next().filter(|&c| is_decimal_digit(c))?;
    Some(2 + a.len_utf8() + b.len_utf8())
}

/// `((?:19|20)\d{2})年`: every match, in order, as the byte range of the match (the year is the
/// match without its last character). No two matches can overlap (`年` is not a digit).
pub fn years(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    // `年` found by its three bytes with the memchr crate's searcher, built once: std's search
    // for a character looks for its last byte, a continuation byte that most characters have.
    static NIAN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("年".as_bytes()));
    NIAN.find_iter(s.as_bytes()).filter_map(move |at| {
        let before = &s[..at];
        let mut back = before.chars().rev();
        let d2 = back.next().filter(|&c| is_decimal_digit(c))?;
        let d1 = back.next().filter(|&c| is_decimal_digit(c))?;
        let start = at.checked_sub(d1.len_utf8() + d2.len_utf8() + 2)?;
        let head = s.get(start..start + 2)?;
        matches!(head, "19" | "20").then_some((start, at + '年'.len_utf8()))
    })
}

/// `^((?:19|20)\d{2})(?:年)?$`: the year.
pub fn lone_year(s: &str) -> Option<&str> {
    let n = year_at(s)?;
    matches!(&s[n..], "" | "年").then(|| &s[..n])
}

/// `\d{1,2}` followed by `then`: the digits' byte length (the run of digits must be one or two
/// long: a third digit can be neither the mark nor skipped).
fn one_or_two_digits_then(s: &str, then: char) -> Option<usize> {
    let (n, count) = digits(s);
    ((1..=2).contains(&count) && s[n..].starts_with(then)).then_some(n)
}

/// `((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日`: the groups of the first match.
pub fn date(s: &str) -> Option<(&str, &str, &str)> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(1))
        .filter(|&i| (b[i] == b'1' && b[i + 1] == b'9') || (b[i] == b'2' && b[i + 1] == b'0'))
        .find_map(|i| {
            let rest = &s[i..];
            let y = year_at(rest)?;
            let after_year = rest[y..].strip_prefix('年')?;
            let m = one_or_two_digits_then(after_year, '月')?;
            let after_month = &after_year[m + '月'.len_utf8()..];
            let d = one_or_two_digits_then(after_month, '日')?;
            Some((&rest[..y], &after_year[..m], &after_month[..d]))
        })
}

/// `^[—\-\s]*[（(]?\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日在\S{2,60}(?:会议|大会)上\s*[）)]?(?:\s+(\S.*))?$`:
/// `Some(group 1)` when the line matches.
pub fn delivery(s: &str) -> Option<Option<&str>> {
    // The head has one way to match: none of its parts can take what the next one needs.
    let mut rest = &s[run(s, |c| c == '—' || c == '-' || c.is_whitespace()).0..];
    rest = rest.strip_prefix(['（', '(']).unwrap_or(rest);
    rest = &rest[ws(rest)..];
    let y = year_at(rest)?;
    rest = rest[y..].strip_prefix('年')?;
    let m = one_or_two_digits_then(rest, '月')?;
    rest = &rest[m + '月'.len_utf8()..];
    let d = one_or_two_digits_then(rest, '日')?;
    rest = rest[d + '日'.len_utf8()..].strip_prefix('在')?;
    // `\S{2,60}` takes as many characters as it can and gives them back one by one.
    let places: Vec<usize> = rest
        .char_indices()
        .take_while(|&(_, c)| !c.is_whitespace())
        .map(|(i, c)| i + c.len_utf8())
        .take(60)
        .collect();
    places
        .iter()
        .enumerate()
        .rev()
        .filter(|&(k, _)| k + 1 >= 2)
        .find_map(|(_, &n)| {
            let after = rest[n..]
                .strip_prefix("会议上")
                .or_else(|| rest[n..].strip_prefix("大会上"))?;
            delivery_tail(after)
        })
}

/// `\s*[）)]?(?:\s+(\S.*))?$`, tried in the order a backtracking matcher would.
fn delivery_tail(s: &str) -> Option<Option<&str>> {
    let spaces: Vec<usize> = std::iter::once(0)
        .chain(
            s.char_indices()
                .take_while(|&(_, c)| c.is_whitespace())
                .map(|(i, c)| i + c.len_utf8()),
        )
        .collect();
    for &k in spaces.iter().rev() {
        let after_spaces = &s[k..];
        let bracket = after_spaces.strip_prefix(['）', ')']);
        for r in bracket.into_iter().chain([after_spaces]) {
            // `(?:\s+(\S.*))?`: the group if it can match to the end, else nothing before `$`.
            let w = ws(r);
            if w > 0
                && let Some(first) = r[w..].chars().next()
                && !first.is_whitespace()
                && !r[w..].contains('\n')
            {
                return Some(Some(&r[w..]));
            }
            if r.is_empty() {
                return Some(None);
            }
        }
    }
    None
}

/// `第\s*(\d{1,3})\s*期`: the group of the first match.
pub fn issue(s: &str) -> Option<&str> {
    numbered(s, "第", 3, &['期'])
}

/// `总第\s*(\d{1,5})\s*[号期]`: the group of the first match.
pub fn serial(s: &str) -> Option<&str> {
    numbered(s, "总第", 5, &['号', '期'])
}

/// `{lead}\s*(\d{1,max})\s*[{ends}]`: the group of the first match.
fn numbered<'a>(s: &'a str, lead: &str, max: usize, ends: &[char]) -> Option<&'a str> {
    s.match_indices(lead).find_map(|(at, _)| {
        let rest = &s[at + lead.len()..];
        let rest = &rest[ws(rest)..];
        let (n, count) = digits(rest);
        let after = &rest[n..];
        ((1..=max).contains(&count) && after[ws(after)..].starts_with(ends)).then(|| &rest[..n])
    })
}

/// Leaders and spaces around a page number in a contents entry: `[\s\-—·.…]`.
fn is_leader(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '—' | '·' | '.' | '…')
}

/// `^[\s\-—·.…]*(\d{1,4})[\s\-—·.…]*`: where group 1 ends and where the match ends.
pub fn contents_lead(s: &str) -> Option<(usize, usize)> {
    let start = run(s, is_leader).0;
    let mut end = start;
    for (k, c) in s[start..].char_indices().take(4) {
        if !is_decimal_digit(c) {
            break;
        }
        end = start + k + c.len_utf8();
    }
    (end > start).then(|| (end, end + run(&s[end..], is_leader).0))
}

/// `s` with the first match of `[\s\-—·.…]*\d*[\s\-—·.…]*$` replaced by nothing: the longest
/// tail of leaders, digits and leaders goes.
pub fn without_contents_trail(s: &str) -> &str {
    let mut end = s.len();
    for class in [is_leader as fn(char) -> bool, is_decimal_digit, is_leader] {
        end = s[..end]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| class(c))
            .last()
            .map_or(end, |(i, _)| i);
    }
    &s[..end]
}

/// `^\d{1,2}[.．、](?:\D|$)`
pub fn arabic_item(s: &str) -> bool {
    let (n, count) = digits(s);
    if !(1..=2).contains(&count) {
        return false;
    }
    let mut rest = s[n..].chars();
    matches!(rest.next(), Some('.' | '．' | '、'))
        && rest.next().is_none_or(|c| !is_decimal_digit(c))
}

/// The value of a Chinese digit from one to nine (`三` → 3).
pub fn cn_digit(c: char) -> Option<u32> {
    "一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|i| i as u32 + 1)
}

/// `十([一二三四五六七八九])五`: the N of the first `十N五` in `s` (`十四五`, `十五五`: the 1N-th
/// five-year plan).
pub fn five_year_plan(s: &str) -> Option<u32> {
    let mut window = s.chars().skip(1).zip(s.chars().skip(2));
    s.chars().find_map(|c| {
        let (d, e) = window.next()?;
        let n = cn_digit(d)?;
        (c == '十' && e == '五').then_some(n)
    })
}

fn is_cn_ten(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// `^([一二三四五六七八九十]{1,3})` followed by `then`: the run (group 1). A run of more than
/// three numerals matches nowhere (none of them is what follows).
fn cn_ten_run_then<'a>(s: &'a str, then: &[char]) -> Option<&'a str> {
    let (n, count) = run(s, is_cn_ten);
    ((1..=3).contains(&count) && s[n..].starts_with(then)).then(|| &s[..n])
}

/// `^([一二三四五六七八九十]{1,3})、`: group 1 (a numbered part or item, `三、`).
pub fn numbered_heading(s: &str) -> Option<&str> {
    cn_ten_run_then(s, &['、'])
}

/// `^[一二三四五六七八九十]{1,3}是`: an item opened by `一是`.
pub fn shi_item(s: &str) -> bool {
    cn_ten_run_then(s, &['是']).is_some()
}

/// `^[（(][一二三四五六七八九十]{1,3}[）)]`: an item opened by `（一）`.
pub fn paren_item(s: &str) -> bool {
    s.strip_prefix(['（', '('])
        .is_some_and(|rest| cn_ten_run_then(rest, &['）', ')']).is_some())
}

/// `“(十?[一二三四五六七八九]?)五”|第(十?[一二三四五六七八九]?)个五年(?:规划|计划)`: the ordinal
/// (group 1 or 2) of every match, left to right, not overlapping.
pub fn plan_periods(s: &str) -> impl Iterator<Item = &str> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < s.len() {
            let at = from;
            let c = s[at..].chars().next()?;
            from += c.len_utf8();
            let after = |open: usize, close: &[&str]| plan_ordinal_at(s, open, close);
            let found = match c {
                '“' => after(from, &["五”"]),
                '第' => after(from, &["个五年规划", "个五年计划"]),
                _ => None,
            };
            if let Some((ordinal, end)) = found {
                from = end;
                return Some(ordinal);
            }
        }
        None
    })
}

/// `(十?[一二三四五六七八九]?)` at byte `p` of `s` followed by one of `close`: the ordinal and
/// where the match ends. The optional characters are given up as the regex gives them up: the
/// digit first, then `十`.
fn plan_ordinal_at<'a>(s: &'a str, p: usize, close: &[&str]) -> Option<(&'a str, usize)> {
    let rest = &s[p..];
    let ten = if rest.starts_with('十') {
        '十'.len_utf8()
    } else {
        0
    };
    let digit_after = |k: usize| {
        rest[k..]
            .chars()
            .next()
            .filter(|&c| cn_digit(c).is_some())
            .map_or(0, char::len_utf8)
    };
    let mut tries = vec![ten + digit_after(ten), ten];
    if ten > 0 {
        tries.extend([digit_after(0), 0]);
    }
    tries.into_iter().find_map(|k| {
        close
            .iter()
            .find(|w| rest[k..].starts_with(**w))
            .map(|w| (&rest[..k], p + k + w.len()))
    })
}

/// `^(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)\s*\d{1,2}(?::\d{2}|时\d{1,2}分?)(?::\d{2})?$`:
/// a time stamp of publication (`2026-02-09 09:45:30`, `2026年02月10日 07时41分`). Read as the
/// regex reads it: every way its counted repeats can be taken is followed (a set of places).
pub fn time_stamp(s: &str) -> bool {
    let Some(year) = year_at(s) else {
        return false;
    };
    // The places each step can end at, from the places the step before ended at.
    let step = |from: &[usize], f: &dyn Fn(usize, &mut Vec<usize>)| {
        let mut to = Vec::new();
        for &p in from {
            f(p, &mut to);
        }
        to.sort_unstable();
        to.dedup();
        to
    };
    let digit_at = |p: usize| {
        s[p..]
            .chars()
            .next()
            .filter(|&c| is_decimal_digit(c))
            .map(|c| p + c.len_utf8())
    };
    // `\d{1,2}`: one digit, or two.
    let one_or_two = |p: usize, to: &mut Vec<usize>| {
        if let Some(a) = digit_at(p) {
            to.push(a);
            to.extend(digit_at(a));
        }
    };
    let two = |p: usize, to: &mut Vec<usize>| to.extend(digit_at(p).and_then(digit_at));
    let mark = |p: usize, marks: &[char], to: &mut Vec<usize>| {
        if let Some(c) = s[p..].chars().next().filter(|c| marks.contains(c)) {
            to.push(p + c.len_utf8());
        }
    };
    let start = [year];
    // `[-/.]\d{1,2}[-/.]\d{1,2}` or `年\d{1,2}月\d{1,2}日`.
    let dashed = step(&start, &|p, to| mark(p, &['-', '/', '.'], to));
    let dashed = step(&dashed, &one_or_two);
    let dashed = step(&dashed, &|p, to| mark(p, &['-', '/', '.'], to));
    let dashed = step(&dashed, &one_or_two);
    let written = step(&start, &|p, to| mark(p, &['年'], to));
    let written = step(&written, &one_or_two);
    let written = step(&written, &|p, to| mark(p, &['月'], to));
    let written = step(&written, &one_or_two);
    let written = step(&written, &|p, to| mark(p, &['日'], to));
    let date: Vec<usize> = dashed.into_iter().chain(written).collect();
    // `\s*`: every place in the run of spaces.
    let spaced = step(&date, &|p, to| {
        to.push(p);
        for (i, c) in s[p..].char_indices() {
            if !c.is_whitespace() {
                break;
            }
            to.push(p + i + c.len_utf8());
        }
    });
    let hour = step(&spaced, &one_or_two);
    // `:\d{2}` or `时\d{1,2}分?`.
    let colon = step(&hour, &|p, to| mark(p, &[':'], to));
    let colon = step(&colon, &two);
    let written = step(&hour, &|p, to| mark(p, &['时'], to));
    let written = step(&written, &one_or_two);
    let written = step(&written, &|p, to| {
        to.push(p);
        mark(p, &['分'], to);
    });
    let minute: Vec<usize> = colon.into_iter().chain(written).collect();
    // `(?::\d{2})?`, then the end.
    let seconds = step(&minute, &|p, to| mark(p, &[':'], to));
    let seconds = step(&seconds, &two);
    minute.iter().chain(&seconds).any(|&p| p == s.len())
}

/// Whether `s` starts with a character that an enumerator (`enumerator`, and the item markers
/// `一、`, `（一）`, `一是`, `1.` of segmentation) can start with: a Chinese numeral up to ten, an
/// opening bracket, `第` or a decimal digit.
pub fn starts_like_enumerator(s: &str) -> bool {
    s.chars().next().is_some_and(starts_like_enumerator_with)
}

/// Whether a text whose first character is `first` starts like an enumerator
/// ([`starts_like_enumerator`]).
pub fn starts_like_enumerator_with(first: char) -> bool {
    is_cn_ten(first) || matches!(first, '（' | '(' | '第') || is_decimal_digit(first)
}

/// `^(?:[一二三四五六七八九十]+[、是要]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．](?:\D|$)|第[一二三四五六七八九十]+[章节条部分])`
pub fn enumerator(s: &str) -> bool {
    // Most lines are told apart by their first character (the joining of lines asks this of
    // every line).
    if !starts_like_enumerator(s) {
        return false;
    }
    let (n, count) = run(s, is_cn_ten);
    if count > 0 && s[n..].starts_with(['、', '是', '要']) {
        return true;
    }
    if let Some(rest) = s.strip_prefix(['（', '(']) {
        let (n, count) = run(rest, |c| is_cn_ten(c) || is_decimal_digit(c));
        if count > 0 && rest[n..].starts_with(['）', ')']) {
            return true;
        }
    }
    if arabic_item(s) {
        return true;
    }
    if let Some(rest) = s.strip_prefix('第') {
        let (n, count) = run(rest, is_cn_ten);
        if count > 0 && rest[n..].starts_with(['章', '节', '条', '部', '分']) {
            return true;
        }
    }
    false
}

/// `^[\s—\-~·•]*(?:第\s*)?(\d{1,4})(?:\s*页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[\s—\-~·•]*$|^(?i:page)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$`:
/// `Some(Some(digits))` for the first alternative, `Some(None)` for the second.
pub fn page_number(s: &str) -> Option<Option<&str>> {
    let furniture = |c: char| c.is_whitespace() || matches!(c, '—' | '-' | '~' | '·' | '•');
    let mut rest = &s[run(s, furniture).0..];
    if let Some(r) = rest.strip_prefix('第') {
        rest = &r[ws(r)..];
    }
    let (n, count) = digits(rest);
    if (1..=4).contains(&count) && page_number_rest(&rest[n..], furniture) {
        return Some(Some(&rest[..n]));
    }
    let head = s.get(..4).filter(|h| h.eq_ignore_ascii_case("page"))?;
    let rest = &s[head.len()..];
    let rest = &rest[ws(rest)..];
    let (n, count) = digits(rest);
    if !(1..=4).contains(&count) {
        return None;
    }
    let rest = &rest[n..];
    if rest.is_empty() {
        return Some(None);
    }
    let rest = &rest[ws(rest)..];
    let rest = rest.strip_prefix('/').or_else(|| rest.strip_prefix("of"))?;
    let rest = &rest[ws(rest)..];
    let (n, count) = digits(rest);
    ((1..=4).contains(&count) && n == rest.len()).then_some(None)
}

/// `(?:\s*页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[\s—\-~·•]*$`
fn page_number_rest(s: &str, furniture: impl Fn(char) -> bool + Copy) -> bool {
    fn page(r: &str) -> Option<&str> {
        r[ws(r)..].strip_prefix('页')
    }
    fn total(r: &str) -> Option<&str> {
        let r = &r[ws(r)..];
        let r = r.strip_prefix(['/', '共'])?;
        let r = &r[ws(r)..];
        let (n, count) = digits(r);
        if !(1..=4).contains(&count) {
            return None;
        }
        let r = &r[n..];
        let r = &r[ws(r)..];
        Some(r.strip_prefix('页').unwrap_or(r))
    }
    let ends = |r: &str| r.chars().all(furniture);
    page(s)
        .into_iter()
        .chain([s])
        .any(|r| total(r).is_some_and(ends) || ends(r))
}

/// `^[^，。\d]{0,12}(\d+)多?年(?:来|以来|间)`: group 1.
pub fn history(s: &str) -> Option<&str> {
    let mut before = 0;
    let start = s.char_indices().find_map(|(i, c)| {
        if is_decimal_digit(c) {
            Some(Some(i))
        } else if c == '，' || c == '。' || before == 12 {
            Some(None)
        } else {
            before += 1;
            None
        }
    })??;
    let rest = &s[start..];
    let (n, _) = digits(rest);
    let after = &rest[n..];
    let after = after.strip_prefix('多').unwrap_or(after);
    let after = after.strip_prefix('年')?;
    ["来", "以来", "间"]
        .iter()
        .any(|w| after.starts_with(w))
        .then(|| &rest[..n])
}

/// A pattern read at one place: the end of the match that starts at byte `p` of `s` (the one its
/// own alternatives and repeats prefer), looking at nothing beyond `s`.
pub type At = fn(&str, usize) -> Option<usize>;

/// The leftmost match at or after byte `from` (the regex crate's `find_at`, for patterns that look
/// at nothing before their match).
pub fn find_from(s: &str, from: usize, at: At) -> Option<(usize, usize)> {
    s[from..]
        .char_indices()
        .find_map(|(i, _)| at(s, from + i).map(|end| (from + i, end)))
}

/// Every match, left to right, none overlapping (`find_iter`). The patterns here never match
/// nothing. (What the tests compare with the regexes; extraction steps through `find_from`.)
#[cfg(test)]
pub fn find_all(s: &str, at: At) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((a, b)) = find_from(s, from, at) {
        out.push((a, b));
        from = b.max(a + 1);
        while !s.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

/// A hand-written matcher with the characters its matches can start with, so that a scan tries
/// it only there.
#[derive(Clone, Copy)]
pub struct Starting {
    pub first: &'static [char],
    pub at: At,
}

/// `find_all` of several patterns in one pass over `s`, each trying its matcher only where one
/// of its first characters stands; `firsts` holds all of them (characters of the Basic
/// Multilingual Plane).
fn find_all_each<const N: usize>(
    s: &str,
    firsts: &BmpSet,
    pats: [Starting; N],
) -> [Vec<(usize, usize)>; N] {
    find_all_each_at(s, firsts.find_iter(s), pats)
}

/// [`find_all_each`], given where in `s` the first characters stand (`(byte, character)` in
/// order, among other characters perhaps).
fn find_all_each_at<const N: usize>(
    s: &str,
    at: impl Iterator<Item = (usize, char)>,
    pats: [Starting; N],
) -> [Vec<(usize, usize)>; N] {
    let mut out: [Vec<(usize, usize)>; N] = std::array::from_fn(|_| Vec::new());
    let mut from = [0usize; N];
    for (i, c) in at {
        for (k, pat) in pats.iter().enumerate() {
            if i >= from[k]
                && pat.first.contains(&c)
                && let Some(end) = (pat.at)(s, i)
            {
                out[k].push((i, end));
                from[k] = end.max(i + 1);
            }
        }
    }
    out
}

/// The patterns of [`time_frames`].
const FRAMES: [Starting; 3] = [THIS_YEAR, PLAN_HORIZON, REVIEW_HORIZON];

/// The time frames of a passage, found in one pass: the matches of `this_year_at`,
/// `plan_horizon_at` and `review_horizon_at`.
pub fn time_frames(s: &str) -> [Vec<(usize, usize)>; 3] {
    static FIRSTS: std::sync::LazyLock<BmpSet> = std::sync::LazyLock::new(|| {
        BmpSet::of(FRAMES.iter().flat_map(|p| p.first.iter().copied()))
    });
    find_all_each(s, &FIRSTS, FRAMES)
}

/// [`time_frames`], given where in `s` the characters of [`time_word_firsts`] stand (in order,
/// among other characters perhaps): found by a pass over the text that looks for others too.
pub fn time_frames_at(
    s: &str,
    at: impl Iterator<Item = (usize, char)>,
) -> [Vec<(usize, usize)>; 3] {
    find_all_each_at(s, at, FRAMES)
}

/// The characters a match of [`time_frames`] or [`by_year`] can start with.
pub fn time_word_firsts() -> impl Iterator<Item = char> {
    FRAMES
        .iter()
        .flat_map(|p| p.first.iter().copied())
        .chain(BY_YEAR_FIRSTS)
}

/// `this_year_at` and where its matches start.
pub const THIS_YEAR: Starting = Starting {
    first: &['今', '明', '1', '2'],
    at: this_year_at,
};
/// `plan_horizon_at` and where its matches start.
pub const PLAN_HORIZON: Starting = Starting {
    first: &['“', '十', '今', '未', '到'],
    at: plan_horizon_at,
};
/// `review_horizon_at` and where its matches start.
pub const REVIEW_HORIZON: Starting = Starting {
    first: &['五', '过', '“', '十'],
    at: review_horizon_at,
};

/// `(?:19|20)\d{2}年` at `p`: where the match ends.
pub fn year_nian_at(s: &str, p: usize) -> Option<usize> {
    let n = year_at(&s[p..])?;
    s[p + n..]
        .starts_with('年')
        .then(|| p + n + '年'.len_utf8())
}

/// The first of `words` (none a prefix of another) that `s` starts with.
fn one_of(s: &str, words: &[&str]) -> Option<usize> {
    words.iter().find(|w| s.starts_with(*w)).map(|w| w.len())
}

/// `“?十[{middle}]五”?(?:{ends})`: at a `“` the quote must be taken (the `十` cannot match it),
/// and after `五` a `”` is taken when there is one (the endings cannot start with it).
fn plan_number_at(s: &str, middle: &[char], ends: &[&str]) -> Option<usize> {
    let body = s.strip_prefix('“').unwrap_or(s);
    let body = body.strip_prefix('十')?;
    let m = body.chars().next().filter(|c| middle.contains(c))?;
    let body = body[m.len_utf8()..].strip_prefix('五')?;
    let body = body.strip_prefix('”').unwrap_or(body);
    Some(s.len() - body.len() + one_of(body, ends)?)
}

/// `今年|明年|(?:19|20)\d{2}年(?:工作|主要|经济|全省|全市|全区|要|将)` (what brings a text back to the
/// coming year).
pub fn this_year_at(s: &str, p: usize) -> Option<usize> {
    if let Some(n) = one_of(&s[p..], &["今年", "明年"]) {
        return Some(p + n);
    }
    let e = year_nian_at(s, p)?;
    let words = ["工作", "主要", "经济", "全省", "全市", "全区", "要", "将"];
    Some(e + one_of(&s[e..], &words)?)
}

/// `“?十[五六七]五”?(?:时期|期间|末|规划)|今后五年|未来五年|到(?:19|20)\d{2}年` (the coming plan period).
pub fn plan_horizon_at(s: &str, p: usize) -> Option<usize> {
    let r = &s[p..];
    if let Some(n) = plan_number_at(r, &['五', '六', '七'], &["时期", "期间", "末", "规划"])
    {
        return Some(p + n);
    }
    if let Some(n) = one_of(r, &["今后五年", "未来五年"]) {
        return Some(p + n);
    }
    year_nian_at(s, p + r.strip_prefix('到').map(|_| '到'.len_utf8())?)
}

/// `五年来|过去五年|“?十[三四]五”?(?:时期|期间|以来)` (the past five years).
pub fn review_horizon_at(s: &str, p: usize) -> Option<usize> {
    let r = &s[p..];
    if let Some(n) = one_of(r, &["五年来", "过去五年"]) {
        return Some(p + n);
    }
    Some(p + plan_number_at(r, &['三', '四'], &["时期", "期间", "以来"])?)
}

/// `(?:到|至|截至)((?:19|20)\d{2})年` at `p`: where group 1 starts, and the end.
fn by_year_at(s: &str, p: usize) -> Option<(usize, usize)> {
    let g = p + one_of(&s[p..], &["到", "至", "截至"])?;
    Some((g, year_nian_at(s, g)?))
}

/// What a match of [`by_year`] starts with.
const BY_YEAR_FIRSTS: [char; 3] = ['到', '至', '截'];

/// `(?:到|至|截至)((?:19|20)\d{2})年`: the first match's end, and its year.
pub fn by_year(s: &str) -> Option<(usize, &str)> {
    // A match starts with `到`, `至` or `截`: only there is the matcher tried.
    static STARTS: std::sync::LazyLock<BmpSet> =
        std::sync::LazyLock::new(|| BmpSet::of(BY_YEAR_FIRSTS));
    by_year_from(s, STARTS.find_iter(s))
}

/// [`by_year`], given where in `s` its first characters stand (in order, among other characters
/// perhaps).
pub fn by_year_from(s: &str, at: impl Iterator<Item = (usize, char)>) -> Option<(usize, &str)> {
    let (g, e) = at
        .filter(|(_, c)| BY_YEAR_FIRSTS.contains(c))
        .find_map(|(p, _)| by_year_at(s, p))?;
    Some((e, &s[g..e - '年'.len_utf8()]))
}

/// `^\d+(?:周年|级)` (an anniversary or a grade, not a quantity).
pub fn anniversary(s: &str) -> bool {
    let (n, count) = digits(s);
    count > 0 && (s[n..].starts_with("周年") || s[n..].starts_with('级'))
}

/// How a passage opens in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// `过去一年`, `一年来`, `去年`: the year under review.
    Past,
    /// `今年`, `明年`: the coming year.
    Coming,
    /// A year or a plan period, this long in bytes, to be dated.
    Named(usize),
}

/// `^(?:(?:19|20)\d{2}年|“十?[一二三四五六七八九]?五”|第十?[一二三四五六七八九]?个五年|(过去(?:的)?一年|一年来|去年)|(今年|明年))`:
/// group 1 is `Past`, group 2 `Coming`, a match without them `Named`.
pub fn opening(s: &str) -> Option<Opening> {
    if let Some(e) = year_nian_at(s, 0) {
        return Some(Opening::Named(e));
    }
    // `“十?[一…九]?五”`, `第十?[一…九]?个五年`: the ordinal read as plan periods read it.
    for (open, close) in [('“', "五”"), ('第', "个五年")] {
        if s.starts_with(open) {
            return plan_ordinal_at(s, open.len_utf8(), &[close])
                .map(|(_, end)| Opening::Named(end));
        }
    }
    if let Some(rest) = s.strip_prefix("过去") {
        let rest = rest.strip_prefix('的').unwrap_or(rest);
        return rest.starts_with("一年").then_some(Opening::Past);
    }
    if s.starts_with("一年来") || s.starts_with("去年") {
        return Some(Opening::Past);
    }
    (s.starts_with("今年") || s.starts_with("明年")).then_some(Opening::Coming)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Strings made of pieces that matter to the patterns, many and reproducible.
    fn strings(pieces: &[&str], count: usize, max_pieces: usize) -> Vec<String> {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..count)
            .map(|_| {
                let n = (next() as usize) % (max_pieces + 1);
                (0..n)
                    .map(|_| pieces[(next() as usize) % pieces.len()])
                    .collect()
            })
            .collect()
    }

    const DIGITS: &[&str] = &["1", "2", "0", "9", "19", "20", "25", "٣", "５", "123"];

    fn with(extra: &[&'static str]) -> Vec<&'static str> {
        let mut all: Vec<&str> = DIGITS.to_vec();
        all.extend_from_slice(extra);
        all
    }

    #[test]
    fn numbered_headings_items_and_plan_periods() {
        let heading = Regex::new(r"^([一二三四五六七八九十]{1,3})、").unwrap();
        let shi = Regex::new(r"^[一二三四五六七八九十]{1,3}是").unwrap();
        let paren = Regex::new(r"^[（(][一二三四五六七八九十]{1,3}[）)]").unwrap();
        let period = Regex::new(
            r"“(十?[一二三四五六七八九]?)五”|第(十?[一二三四五六七八九]?)个五年(?:规划|计划)",
        )
        .unwrap();
        let pieces = [
            "一",
            "三",
            "五",
            "九",
            "十",
            "、",
            "是",
            "（",
            "(",
            "）",
            ")",
            "“",
            "”",
            "第",
            "个五年规划",
            "个五年计划",
            "个五年",
            "十四五",
            "a",
            "工作",
        ];
        let (mut headings, mut items, mut periods) = (0, 0, 0);
        for s in strings(&pieces, 60000, 7) {
            let want = heading.captures(&s).map(|c| c.get(1).unwrap().as_str());
            assert_eq!(numbered_heading(&s), want, "{s}");
            assert_eq!(shi_item(&s), shi.is_match(&s), "{s}");
            assert_eq!(paren_item(&s), paren.is_match(&s), "{s}");
            let want: Vec<&str> = period
                .captures_iter(&s)
                .map(|c| c.get(1).or(c.get(2)).map_or("", |m| m.as_str()))
                .collect();
            assert_eq!(plan_periods(&s).collect::<Vec<_>>(), want, "{s}");
            headings += usize::from(want.is_empty() && numbered_heading(&s).is_some());
            items += usize::from(shi_item(&s)) + usize::from(paren_item(&s));
            periods += want.len();
        }
        assert!(
            headings > 100 && items > 100 && periods > 100,
            "{headings} {items} {periods}"
        );
    }

    #[test]
    fn time_stamps() {
        let re = Regex::new(
            r"^(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)\s*\d{1,2}(?::\d{2}|时\d{1,2}分?)(?::\d{2})?$",
        )
        .unwrap();
        let pieces = with(&[
            "-", "/", ".", "年", "月", "日", "时", "分", ":", " ", "\u{3000}", "x",
        ]);
        let mut seen = 0;
        let mut texts = strings(&pieces, 100_000, 9);
        // Slot by slot, as a time stamp is written, with near misses in every slot.
        let slots: [&[&str]; 9] = [
            &["2026", "1999", "2100", "202", "20٢٦"],
            &["-", "/", ".", "年", ""],
            &["2", "02", "123", "", "٣"],
            &["-", "/", "月", "日", ""],
            &["9", "10", "109", "", "１"],
            &["日", " ", "  ", "\u{3000}", ""],
            &["9", "09", "123", "", "x"],
            &[":45", "时41分", "时4", "时41", ":4", "", ":"],
            &[":30", ":3", "", ":300", "分"],
        ];
        let mut state = 7u64;
        for _ in 0..100_000 {
            let text: String = slots
                .iter()
                .map(|choices| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1);
                    choices[(state >> 33) as usize % choices.len()]
                })
                .collect();
            texts.push(text);
        }
        texts.extend(
            [
                "2026-02-09 09:45:30",
                "2026年02月10日 07时41分",
                "2026/2/109:45",
                "2026-2-1 9:45:00",
                "2026年2月3日",
                "2026-02-09 09:45:3",
            ]
            .map(String::from),
        );
        for s in &texts {
            let want = re.is_match(s);
            assert_eq!(time_stamp(s), want, "{s}");
            seen += usize::from(want);
        }
        assert!(seen > 500, "{seen}");
    }

    #[test]
    fn years_and_lone_years() {
        let re = Regex::new(r"((?:19|20)\d{2})年").unwrap();
        let lone = Regex::new(r"^((?:19|20)\d{2})(?:年)?$").unwrap();
        let mut seen = 0;
        for s in strings(&with(&["年", "月", "比", "x", " "]), 20000, 8) {
            let plain: Vec<(usize, usize)> =
                re.find_iter(&s).map(|m| (m.start(), m.end())).collect();
            seen += usize::from(!plain.is_empty()) + usize::from(lone.is_match(&s));
            assert_eq!(years(&s).collect::<Vec<_>>(), plain, "{s}");
            let plain = lone.captures(&s).map(|c| c.get(1).unwrap().as_str());
            assert_eq!(lone_year(&s), plain, "{s}");
        }
        assert!(seen > 200, "{seen}");
    }

    #[test]
    fn dates_and_delivery_lines() {
        let date_re = Regex::new(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日").unwrap();
        let delivery_re = Regex::new(
            r"^[—\-\s]*[（(]?\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日在\S{2,60}(?:会议|大会)上\s*[）)]?(?:\s+(\S.*))?$",
        )
        .unwrap();
        let pieces = with(&[
            "年",
            "月",
            "日",
            "在",
            "会议上",
            "大会上",
            "会议",
            "上",
            " ",
            "\u{3000}",
            "—",
            "-",
            "（",
            "(",
            "）",
            ")",
            "省长",
            "某某",
            "人民代表",
            "\n",
            "2025年1月19日在",
        ]);
        let mut seen = (0, 0);
        for s in strings(&pieces, 40000, 12) {
            seen.0 += usize::from(date_re.is_match(&s));
            seen.1 += usize::from(delivery_re.is_match(&s));
            let plain = date_re.captures(&s).map(|c| {
                (
                    c.get(1).unwrap().as_str(),
                    c.get(2).unwrap().as_str(),
                    c.get(3).unwrap().as_str(),
                )
            });
            assert_eq!(date(&s), plain, "{s:?}");
            let plain = delivery_re
                .captures(&s)
                .map(|c| c.get(1).map(|m| m.as_str()));
            assert_eq!(delivery(&s), plain, "{s:?}");
        }
        assert!(seen.0 > 1000 && seen.1 > 30, "{seen:?}");
        // Long places: the 60-character limit, and the last `会议上` that fits.
        for n in [1, 2, 3, 58, 59, 60, 61, 70] {
            for tail in ["", " 省长 某某", "）", " ）某", "会议上 某某"] {
                let s = format!("2025年1月19日在{}会议上{tail}", "某".repeat(n));
                let plain = delivery_re
                    .captures(&s)
                    .map(|c| c.get(1).map(|m| m.as_str()));
                assert_eq!(delivery(&s), plain, "{s:?}");
            }
        }
    }

    #[test]
    fn issues_and_serials() {
        let issue_re = Regex::new(r"第\s*(\d{1,3})\s*期").unwrap();
        let serial_re = Regex::new(r"总第\s*(\d{1,5})\s*[号期]").unwrap();
        let pieces = with(&["第", "总第", "期", "号", " ", "x", "1234", "12345"]);
        let mut seen = 0;
        for s in strings(&pieces, 20000, 8) {
            seen += usize::from(issue_re.is_match(&s)) + usize::from(serial_re.is_match(&s));
            let plain = issue_re.captures(&s).map(|c| c.get(1).unwrap().as_str());
            assert_eq!(issue(&s), plain, "{s:?}");
            let plain = serial_re.captures(&s).map(|c| c.get(1).unwrap().as_str());
            assert_eq!(serial(&s), plain, "{s:?}");
        }
        assert!(seen > 200, "{seen}");
    }

    #[test]
    fn contents_leads_and_trails() {
        let lead_re = Regex::new(r"^[\s\-—·.…]*(\d{1,4})[\s\-—·.…]*").unwrap();
        let trail_re = Regex::new(r"[\s\-—·.…]*\d*[\s\-—·.…]*$").unwrap();
        let pieces = with(&[" ", "-", "—", "·", ".", "…", "政府", "工作报告", "12345"]);
        for s in strings(&pieces, 20000, 8) {
            let plain = lead_re
                .captures(&s)
                .map(|c| (c.get(1).unwrap().end(), c.get(0).unwrap().end()));
            assert_eq!(contents_lead(&s), plain, "{s:?}");
            assert_eq!(
                without_contents_trail(&s),
                trail_re.replace(&s, ""),
                "{s:?}"
            );
        }
    }

    #[test]
    fn enumerators_and_items() {
        let item_re = Regex::new(r"^\d{1,2}[.．、](?:\D|$)").unwrap();
        let enum_re = Regex::new(r"^(?:[一二三四五六七八九十]+[、是要]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．](?:\D|$)|第[一二三四五六七八九十]+[章节条部分])").unwrap();
        let pieces = with(&[
            "一", "十", "二", "、", "是", "要", "（", "(", "）", ")", ".", "．", "第", "章", "节",
            "条", "部", "分", "x", "年",
        ]);
        let mut seen = 0;
        for s in strings(&pieces, 30000, 6) {
            seen += usize::from(enum_re.is_match(&s));
            assert_eq!(arabic_item(&s), item_re.is_match(&s), "{s:?}");
            assert_eq!(enumerator(&s), enum_re.is_match(&s), "{s:?}");
        }
        assert!(seen > 200, "{seen}");
    }

    #[test]
    fn page_numbers() {
        let re = Regex::new(r"^[\s—\-~·•]*(?:第\s*)?(\d{1,4})(?:\s*页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[\s—\-~·•]*$|^(?i:page)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$").unwrap();
        let pieces = with(&[
            " ", "—", "-", "~", "·", "•", "第", "页", "/", "共", "page", "Page", "PAGE", "of", "x",
            "12345",
        ]);
        let mut seen = 0;
        for s in strings(&pieces, 40000, 8) {
            seen += usize::from(re.is_match(&s));
            let plain = re.captures(&s).map(|c| c.get(1).map(|m| m.as_str()));
            assert_eq!(page_number(&s), plain, "{s:?}");
        }
        assert!(seen > 200, "{seen}");
    }

    #[test]
    fn time_frames() {
        let pairs: [(&str, At); 3] = [
            (
                r"今年|明年|(?:19|20)\d{2}年(?:工作|主要|经济|全省|全市|全区|要|将)",
                this_year_at,
            ),
            (
                r"“?十[五六七]五”?(?:时期|期间|末|规划)|今后五年|未来五年|到(?:19|20)\d{2}年",
                plan_horizon_at,
            ),
            (
                r"五年来|过去五年|“?十[三四]五”?(?:时期|期间|以来)",
                review_horizon_at,
            ),
        ];
        let by_year_re = Regex::new(r"(?:到|至|截至)((?:19|20)\d{2})年").unwrap();
        let anniversary_re = Regex::new(r"^\d+(?:周年|级)").unwrap();
        let pieces = with(&[
            "今年",
            "明年",
            "今",
            "年",
            "工作",
            "主要",
            "经济",
            "全省",
            "全",
            "要",
            "将",
            "“",
            "”",
            "十",
            "五",
            "六",
            "三",
            "四",
            "时期",
            "期间",
            "末",
            "规划",
            "以来",
            "今后五年",
            "未来",
            "五年来",
            "过去",
            "过去五年",
            "到",
            "至",
            "截至",
            "截",
            "周年",
            "级",
            "x",
        ]);
        let compiled: Vec<(Regex, At)> = pairs
            .iter()
            .map(|(pattern, at)| (Regex::new(pattern).unwrap(), *at))
            .collect();
        let mut seen = 0;
        for s in strings(&pieces, 30000, 10) {
            for (re, at) in &compiled {
                let plain: Vec<(usize, usize)> =
                    re.find_iter(&s).map(|m| (m.start(), m.end())).collect();
                seen += plain.len();
                assert_eq!(find_all(&s, *at), plain, "{re} {s:?}");
            }
            let [this_year, plan, review] = super::time_frames(&s);
            assert_eq!(this_year, find_all(&s, this_year_at), "{s:?}");
            assert_eq!(plan, find_all(&s, plan_horizon_at), "{s:?}");
            assert_eq!(review, find_all(&s, review_horizon_at), "{s:?}");
            let plain = by_year_re
                .captures(&s)
                .map(|c| (c.get(0).unwrap().end(), c.get(1).unwrap().as_str()));
            assert_eq!(by_year(&s), plain, "{s:?}");
            // Given where the first characters stand, among every other character.
            assert_eq!(
                super::time_frames_at(&s, s.char_indices()),
                [this_year, plan, review],
                "{s:?}"
            );
            assert_eq!(by_year_from(&s, s.char_indices()), plain, "{s:?}");
            assert_eq!(anniversary(&s), anniversary_re.is_match(&s), "{s:?}");
        }
        assert!(seen > 3000, "{seen}");
    }

    #[test]
    fn openings() {
        let re = Regex::new(r"^(?:(?:19|20)\d{2}年|“十?[一二三四五六七八九]?五”|第十?[一二三四五六七八九]?个五年|(过去(?:的)?一年|一年来|去年)|(今年|明年))").unwrap();
        let pieces = with(&[
            "年",
            "“",
            "”",
            "十",
            "五",
            "一",
            "九",
            "第",
            "个五年",
            "个",
            "过去",
            "的",
            "一年",
            "一年来",
            "去年",
            "今年",
            "明年",
            "x",
        ]);
        let mut seen = 0;
        for s in strings(&pieces, 30000, 6) {
            let plain = re.captures(&s).map(|c| {
                if c.get(1).is_some() {
                    Opening::Past
                } else if c.get(2).is_some() {
                    Opening::Coming
                } else {
                    Opening::Named(c.get(0).unwrap().end())
                }
            });
            seen += usize::from(plain.is_some());
            assert_eq!(opening(&s), plain, "{s:?}");
        }
        assert!(seen > 500, "{seen}");
    }

    #[test]
    fn history_openings() {
        let re = Regex::new(r"^[^，。\d]{0,12}(\d+)多?年(?:来|以来|间)").unwrap();
        let pieces = with(&[
            "多", "年", "来", "以来", "间", "，", "。", "建区", "过去", "x", "以",
        ]);
        let mut seen = 0;
        for s in strings(&pieces, 30000, 10) {
            seen += usize::from(re.is_match(&s));
            let plain = re.captures(&s).map(|c| c.get(1).unwrap().as_str());
            assert_eq!(history(&s), plain, "{s:?}");
        }
        assert!(seen > 100, "{seen}");
    }
}
