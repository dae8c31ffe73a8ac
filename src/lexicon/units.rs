//! Units, magnitudes and the words around numbers: what the extractor knows about how Chinese
//! official text writes a quantity. Data only; `extract` applies it.

/// What a unit measures; decides the base unit and which indicators can be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitClass {
    /// `%`, `‰`
    Percent,
    /// `个百分点`: a difference of percentages.
    Points,
    Money,
    Count,
    Mass,
    Area,
    Length,
    Volume,
    Power,
    Energy,
    Time,
    /// `倍`, `番`: multiples.
    Multiple,
    /// Anniversaries, magnitudes of earthquakes and the like: never an indicator of their own.
    Other,
}

/// A unit as written after the number (and after any magnitude).
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    pub written: &'static str,
    pub class: UnitClass,
    /// Unit of `base_value`.
    pub base: &'static str,
    /// Factor from this unit to the base unit (`公里` → 1000 m would be 1000; most are 1).
    pub factor: f64,
}

const fn u(written: &'static str, class: UnitClass, base: &'static str, factor: f64) -> Unit {
    Unit {
        written,
        class,
        base,
        factor,
    }
}

use crate::chars::starts_with;
use UnitClass::*;

/// Every unit the extractor recognises. Longest match wins, so order does not matter.
/// Magnitude prefixes (万, 亿 …) are separate (see `MAGNITUDES`); units that start with a
/// magnitude character (千瓦, 千克, 百分点) are listed whole so they are not read as 千 + 瓦.
pub const UNITS: &[Unit] = &[
    u("%", Percent, "%", 1.0),
    u("‰", Percent, "‰", 1.0),
    u("个百分点", Points, "pp", 1.0),
    u("百分点", Points, "pp", 1.0),
    u("元", Money, "CNY", 1.0),
    u("人民币", Money, "CNY", 1.0),
    u("美元", Money, "USD", 1.0),
    u("欧元", Money, "EUR", 1.0),
    u("港元", Money, "HKD", 1.0),
    u("个", Count, "个", 1.0),
    u("家", Count, "家", 1.0),
    u("名", Count, "名", 1.0),
    u("件", Count, "件", 1.0),
    u("项", Count, "项", 1.0),
    u("套", Count, "套", 1.0),
    u("台", Count, "台", 1.0),
    u("座", Count, "座", 1.0),
    u("户", Count, "户", 1.0),
    u("所", Count, "所", 1.0),
    u("枚", Count, "枚", 1.0),
    u("场", Count, "场", 1.0),
    u("场次", Count, "场次", 1.0),
    u("人", Count, "人", 1.0),
    u("人次", Count, "人次", 1.0),
    u("次", Count, "次", 1.0),
    u("条", Count, "条", 1.0),
    u("辆", Count, "辆", 1.0),
    u("艘", Count, "艘", 1.0),
    u("架", Count, "架", 1.0),
    u("架次", Count, "架次", 1.0),
    u("车次", Count, "车次", 1.0),
    u("列", Count, "列", 1.0),
    u("班", Count, "班", 1.0),
    u("班次", Count, "班次", 1.0),
    u("头", Count, "头", 1.0),
    u("只", Count, "只", 1.0),
    u("羽", Count, "羽", 1.0),
    u("株", Count, "株", 1.0),
    u("棵", Count, "棵", 1.0),
    u("批", Count, "批", 1.0),
    u("处", Count, "处", 1.0),
    u("宗", Count, "宗", 1.0),
    u("栋", Count, "栋", 1.0),
    u("幢", Count, "幢", 1.0),
    u("间", Count, "间", 1.0),
    u("张", Count, "张", 1.0),
    u("部", Count, "部", 1.0),
    u("篇", Count, "篇", 1.0),
    u("册", Count, "册", 1.0),
    u("份", Count, "份", 1.0),
    u("起", Count, "起", 1.0),
    u("例", Count, "例", 1.0),
    u("位", Count, "位", 1.0),
    u("支", Count, "支", 1.0),
    u("对", Count, "对", 1.0),
    u("根", Count, "根", 1.0),
    u("口", Count, "口", 1.0),
    u("眼", Count, "眼", 1.0),
    u("盏", Count, "盏", 1.0),
    u("块", Count, "块", 1.0),
    u("片", Count, "片", 1.0),
    u("组", Count, "组", 1.0),
    u("粒", Count, "粒", 1.0),
    u("床", Count, "床", 1.0),
    u("款", Count, "款", 1.0),
    u("种", Count, "种", 1.0),
    u("类", Count, "类", 1.0),
    u("轮", Count, "轮", 1.0),
    u("门", Count, "门", 1.0),
    u("颗", Count, "颗", 1.0),
    u("亩次", Area, "亩次", 1.0),
    u("标箱", Count, "标箱", 1.0),
    u("标准箱", Count, "标准箱", 1.0),
    u("TEU", Count, "TEU", 1.0),
    u("项次", Count, "项次", 1.0),
    u("户次", Count, "户次", 1.0),
    u("吨", Mass, "吨", 1.0),
    u("千克", Mass, "千克", 1.0),
    u("公斤", Mass, "千克", 1.0),
    u("斤", Mass, "斤", 1.0),
    u("克", Mass, "克", 1.0),
    u("毫克", Mass, "毫克", 1.0),
    u("微克", Mass, "微克", 1.0),
    u("亩", Area, "亩", 1.0),
    u("公顷", Area, "公顷", 1.0),
    u("平方米", Area, "平方米", 1.0),
    u("平方公里", Area, "平方公里", 1.0),
    u("平方千米", Area, "平方公里", 1.0),
    u("公里", Length, "公里", 1.0),
    u("千米", Length, "公里", 1.0),
    u("米", Length, "米", 1.0),
    u("延米", Length, "米", 1.0),
    u("立方米", Volume, "立方米", 1.0),
    u("方", Volume, "立方米", 1.0),
    u("升", Volume, "升", 1.0),
    u("千瓦", Power, "千瓦", 1.0),
    u("兆瓦", Power, "千瓦", 1000.0),
    u("吉瓦", Power, "千瓦", 1_000_000.0),
    u("千瓦时", Energy, "千瓦时", 1.0),
    u("度", Energy, "千瓦时", 1.0),
    u("吨标准煤", Energy, "吨标准煤", 1.0),
    u("吨标煤", Energy, "吨标准煤", 1.0),
    u("天", Time, "天", 1.0),
    u("个工作日", Time, "天", 1.0),
    u("个月", Time, "个月", 1.0),
    u("小时", Time, "小时", 1.0),
    u("分钟", Time, "分钟", 1.0),
    u("岁", Time, "岁", 1.0),
    u("倍", Multiple, "倍", 1.0),
    u("番", Multiple, "番", 1.0),
    u("成", Percent, "%", 10.0),
    u("周年", Other, "周年", 1.0),
    u("级", Other, "级", 1.0),
];

/// Units that are read only after a magnitude (`10万方`), never alone: alone they are words (`方面`).
pub const NEEDS_MAGNITUDE: &[&str] = &["方", "成", "度", "口", "眼", "班", "床"];

/// Magnitudes that can stand for a whole count of people or households when no unit follows
/// (`450万困难群众`, `新增人口100万`).
pub const BARE_MAGNITUDES: &[&str] = &["万亿", "亿", "万"];

/// Denominators of a rate written with 每 or `/` (`元/月`, `微克/立方米`, `人/百亿元`).
pub const PER_WORDS: &[&str] = &["月", "年", "日", "天", "人", "户", "次"];

/// Magnitude prefixes and their factors. `万亿` before `万` so that the longest wins.
pub const MAGNITUDES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
    ("千", 1e3),
    ("百", 1e2),
];

/// What may stand between a number (with its magnitude) and its unit, read as "more than"
/// (`10万余场次`, `300多个`): the comparator becomes `gt`.
pub const APPROX_INFIXES: &[&str] = &["余", "多"];

/// Chinese numeral characters and their values (digits and the unit multipliers 十 百 千 万 亿).
pub const CN_DIGITS: &[(char, u32)] = &[
    ('〇', 0),
    ('零', 0),
    ('一', 1),
    ('二', 2),
    ('两', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
];

/// Traditional characters are folded for matching by `script`; re-exported here, where the
/// extractor has always found it.
pub use super::script::simplify_for_matching;

/// The units by their first character: a unit can only be written at the start of `s`
/// if it starts with the first character of `s`. Each group is longest first, and among units of
/// one length the later in `UNITS` first: the first that matches is the longest (the last of the
/// longest, as `max_by_key` picks).
static UNITS_BY_FIRST: std::sync::LazyLock<crate::chars::ByChar<&'static Unit>> =
    std::sync::LazyLock::new(|| {
        // Longest first, and among units of one length the later in `UNITS` first; the table
        // keeps that order within each character's group.
        let mut units: Vec<(usize, &'static Unit)> = UNITS.iter().enumerate().collect();
        units.sort_by_key(|&(k, u)| (std::cmp::Reverse(u.written.len()), std::cmp::Reverse(k)));
        crate::chars::ByChar::new(
            units
                .into_iter()
                .filter_map(|(_, u)| Some((u.written.chars().next()?, u)))
                .collect(),
        )
    });

/// The longest unit written at the start of `s`.
pub fn unit_at(s: &str) -> Option<&'static Unit> {
    let first = s.chars().next()?;
    UNITS_BY_FIRST
        .get(first)
        .iter()
        .copied()
        .find(|u| starts_with(s, u.written))
}

/// The longest magnitude at the start of `s`, unless a longer unit starts there too
/// (`千瓦`, `千米`, `百分点` are units, not 千/百 + something; `万千瓦` is 万 + 千瓦).
pub fn magnitude_at(s: &str) -> Option<(&'static str, f64)> {
    // Most numbers are followed by a unit, not a magnitude: the units are asked only when a
    // magnitude stands there.
    let &(w, f) = MAGNITUDES
        .iter()
        .filter(|(w, _)| starts_with(s, w))
        .max_by_key(|(w, _)| w.len())?;
    (w.len() >= unit_at(s).map_or(0, |u| u.written.len())).then_some((w, f))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every unit, and every prefix of a unit with something after it, reads as a plain search
    /// through `UNITS` would.
    #[test]
    fn the_index_finds_what_a_search_finds() {
        let plain = |s: &str| {
            UNITS
                .iter()
                .filter(|u| s.starts_with(u.written))
                .max_by_key(|u| u.written.len())
                .map(|u| format!("{u:?}"))
        };
        for u in UNITS {
            for end in (0..=u.written.len()).filter(|&i| u.written.is_char_boundary(i)) {
                for tail in ["", "以上", "，", "米", "a"] {
                    let s = format!("{}{tail}", &u.written[..end]);
                    assert_eq!(unit_at(&s).map(|u| format!("{u:?}")), plain(&s), "{s}");
                }
            }
        }
    }

    #[test]
    fn units_prefer_the_longest_reading() {
        assert_eq!(unit_at("千瓦时").map(|u| u.written), Some("千瓦时"));
        assert_eq!(unit_at("个百分点，").map(|u| u.written), Some("个百分点"));
        assert_eq!(unit_at("人次").map(|u| u.written), Some("人次"));
        assert!(unit_at("方面").is_some_and(|u| NEEDS_MAGNITUDE.contains(&u.written)));
    }

    #[test]
    fn magnitudes_do_not_eat_units() {
        assert_eq!(magnitude_at("千瓦"), None);
        assert_eq!(magnitude_at("元"), None);
        assert_eq!(magnitude_at(""), None);
        assert_eq!(magnitude_at("亿元").map(|m| m.0), Some("亿"));
        assert_eq!(magnitude_at("万千瓦").map(|m| m.0), Some("万"));
        assert_eq!(magnitude_at("万亿元").map(|m| m.0), Some("万亿"));
        assert_eq!(magnitude_at("百分点"), None);
        assert_eq!(magnitude_at("千万元").map(|m| m.0), Some("千万"));
    }

    #[test]
    fn traditional_folding_keeps_offsets() {
        let s = "增長5%，達到3億元";
        let f = simplify_for_matching(s);
        assert_eq!(f, "增长5%，达到3亿元");
        assert_eq!(f.len(), s.len());
    }
}
