//! The catalogue of headline indicators: a canonical key, the names people give the indicator
//! (aliases), what unit it is measured in, and an English label. `extract` gives a mention the key
//! of the first entry whose alias its indicator contains and whose unit class fits.

use super::units::UnitClass::{self, *};
use crate::chars::{WordSet, contains, intern};
use std::sync::LazyLock;

/// One catalogue entry.
#[derive(Debug)]
pub struct Entry {
    pub key: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// Names of the indicator; an indicator matches when it contains one of them.
    pub aliases: &'static [&'static str],
    /// Names that must NOT be in the indicator (e.g. `城镇` for the all-residents income).
    pub excludes: &'static [&'static str],
    /// For generic indicator words (`投资`, `资金`): phrases of the sentence before the number that
    /// make the mention this indicator (`…重大项目建设…，完成投资2000亿元`).
    pub context: &'static [&'static str],
    pub generic: &'static [&'static str],
    pub classes: &'static [UnitClass],
    /// Targets of this indicator are upper bounds (a lower result is better).
    pub upper_bound: bool,
}

const fn e(
    key: &'static str,
    label_zh: &'static str,
    label_en: &'static str,
    aliases: &'static [&'static str],
    excludes: &'static [&'static str],
    classes: &'static [UnitClass],
) -> Entry {
    Entry {
        key,
        label_zh,
        label_en,
        aliases,
        excludes,
        context: &[],
        generic: &[],
        classes,
        upper_bound: false,
    }
}

/// In matching order: more specific entries first (urban income before all-residents income).
pub const CATALOGUE: &[Entry] = &[
    e(
        "gdp_growth",
        "地区生产总值",
        "GDP growth",
        &[
            "地区生产总值",
            "国内生产总值",
            "=生产总值",
            "全省生产总值",
            "全市生产总值",
            "全区生产总值",
            "GDP",
            "=经济",
            "经济增长",
            "经济增速",
            "经济总量",
        ],
        &[
            "单位",
            "能耗",
            "占",
            "人均",
            "贡献",
            "比率",
            "比重",
            "用水",
            "海洋",
            "万元",
            "数字经济",
            "县域",
            "民营经济",
            "每",
        ],
        &[Percent],
    ),
    e(
        "fai_growth",
        "固定资产投资",
        "Fixed-asset investment growth",
        &["固定资产投资"],
        &["占"],
        &[Percent],
    ),
    e(
        "retail_growth",
        "社会消费品零售总额",
        "Retail sales growth",
        &["社会消费品零售总额", "社零总额", "社零"],
        &[],
        &[Percent],
    ),
    e(
        "industry_va_growth",
        "规上工业增加值",
        "Industrial value added growth (above designated size)",
        &[
            "规上工业增加值",
            "规模以上工业增加值",
            "=工业增加值",
            "全部工业增加值",
        ],
        &["占", "装备", "高技术", "战略性"],
        &[Percent],
    ),
    e(
        "trade_growth",
        "货物贸易进出口总额",
        "Foreign trade growth",
        &[
            "进出口总额",
            "进出口总值",
            "外贸进出口",
            "货物贸易进出口",
            "=进出口",
            "=外贸",
        ],
        &["占", "服务贸易", "跨境电商", "一带一路", "东盟", "对"],
        &[Percent],
    ),
    e(
        "budget_revenue_growth",
        "一般公共预算收入",
        "General public budget revenue growth",
        &["一般公共预算收入", "地方一般公共预算收入", "地方财政收入"],
        &[],
        &[Percent],
    ),
    e(
        "urban_income_growth",
        "城镇居民人均可支配收入",
        "Urban disposable income per capita growth",
        &[
            "城镇居民人均可支配收入",
            "城镇居民收入",
            "城镇常住居民人均可支配收入",
        ],
        &[],
        &[Percent],
    ),
    e(
        "rural_income_growth",
        "农村居民人均可支配收入",
        "Rural disposable income per capita growth",
        &[
            "农村居民人均可支配收入",
            "农村居民收入",
            "农村常住居民人均可支配收入",
            "农牧民人均可支配收入",
            "农民人均可支配收入",
        ],
        &[],
        &[Percent],
    ),
    e(
        "income_growth",
        "居民人均可支配收入",
        "Disposable income per capita growth",
        &["居民人均可支配收入", "居民收入"],
        &["城镇", "农村", "城乡"],
        &[Percent],
    ),
    Entry {
        upper_bound: true,
        ..e(
            "unemployment_rate",
            "城镇调查失业率",
            "Surveyed urban unemployment rate",
            &["城镇调查失业率", "调查失业率", "城镇登记失业率", "失业率"],
            &[],
            &[Percent],
        )
    },
    Entry {
        upper_bound: true,
        ..e(
            "cpi_growth",
            "居民消费价格涨幅",
            "Consumer price inflation",
            &[
                "居民消费价格",
                "消费价格涨幅",
                "CPI",
                "物价涨幅",
                "物价总水平",
            ],
            &[],
            &[Percent],
        )
    },
    Entry {
        context: &["粮食"],
        generic: &["总产量", "产量", "总产"],
        ..e(
            "grain_output",
            "粮食产量",
            "Grain output",
            &["粮食产量", "粮食总产量", "粮食生产", "粮食总产"],
            &["单产"],
            &[Mass],
        )
    },
    e(
        "new_urban_jobs",
        "城镇新增就业",
        "New urban jobs",
        &["城镇新增就业", "新增城镇就业", "城镇新增就业人数"],
        &[],
        &[Count],
    ),
    Entry {
        context: &["重点项目", "重大项目"],
        generic: &["投资", "完成投资", "年度投资", "完成年度投资"],
        ..e(
            "investment_key_projects",
            "重点项目投资",
            "Investment in key projects",
            &[
                "重点项目投资",
                "重大项目投资",
                "重点项目完成投资",
                "重大项目完成投资",
                "重点项目年度投资",
            ],
            &[],
            &[Money],
        )
    },
    e(
        "attracted_investment",
        "招商引资到位资金",
        "Investment attracted (funds in place)",
        &[
            "招商引资到位资金",
            "招商引资实际到位资金",
            "招商引资到位",
            "招商引资",
        ],
        &[],
        &[Money],
    ),
    e(
        "actual_fdi",
        "实际使用外资",
        "Foreign direct investment used",
        &["实际使用外资", "实际利用外资"],
        &[],
        &[Money, Percent],
    ),
    e(
        "urbanization_rate",
        "常住人口城镇化率",
        "Urbanisation rate (resident population)",
        &["常住人口城镇化率", "城镇化率"],
        &[],
        &[Percent],
    ),
    Entry {
        upper_bound: true,
        ..e(
            "energy_intensity_change",
            "单位地区生产总值能耗",
            "Energy intensity (energy use per unit of GDP)",
            &[
                "单位地区生产总值能耗",
                "单位生产总值能耗",
                "单位GDP能耗",
                "单位国内生产总值能耗",
                "能耗强度",
                "单位地区生产总值能源消耗",
            ],
            &[],
            &[Percent],
        )
    },
    e(
        "rd_intensity",
        "研发经费投入强度",
        "R&D spending (share of GDP)",
        &[
            "研发经费投入强度",
            "研究与试验发展经费投入强度",
            "R&D经费投入强度",
            "全社会研发投入强度",
        ],
        &[],
        &[Percent],
    ),
    e(
        "afforestation_area",
        "营造林",
        "Afforestation",
        &["营造林", "植树造林", "造林绿化", "国土绿化"],
        &["南北山", "其中"],
        &[Area],
    ),
    e(
        "degraded_grassland_restoration",
        "修复治理退化草原",
        "Degraded grassland restored",
        &["退化草原"],
        &[],
        &[Area],
    ),
    e(
        "high_standard_farmland",
        "高标准农田",
        "High-standard farmland built or upgraded",
        &["高标准农田"],
        &[],
        &[Area],
    ),
    e(
        "affordable_housing_units",
        "保障性住房",
        "Affordable housing units",
        &["保障性安居工程", "保障性住房", "保障性租赁住房", "保障房"],
        &[],
        &[Count],
    ),
    e(
        "old_residential_renovation",
        "老旧小区改造",
        "Old residential compounds renovated",
        &[
            "改造老旧小区",
            "老旧小区改造",
            "改造提升老旧小区",
            "改造城镇老旧小区",
        ],
        &[],
        &[Count],
    ),
    e(
        "plateau_villages_built",
        "和美乡村建设",
        "Model villages built",
        &["和美乡村"],
        &[],
        &[Count],
    ),
    e(
        "rural_labor_transfer",
        "农村劳动力转移就业",
        "Rural labour moved into work",
        &["转移就业", "农村劳动力转移"],
        &[],
        &[Count],
    ),
    e(
        "graduate_employment_rate",
        "高校毕业生就业率",
        "Graduate employment rate",
        &["高校毕业生就业率", "毕业生就业率"],
        &["区外", "省外"],
        &[Percent],
    ),
    e(
        "livelihood_projects",
        "民生实事",
        "Livelihood projects",
        &["民生实事"],
        &[],
        &[Count],
    ),
    Entry {
        context: &["民生"],
        generic: &["资金", "落实资金", "安排资金", "投入资金"],
        ..e(
            "livelihood_funds",
            "民生资金",
            "Livelihood funds",
            &["民生资金", "民生支出", "民生投入"],
            &[],
            &[Money],
        )
    },
    e(
        "fiscal_sci_tech_spending",
        "财政科技投入",
        "Fiscal spending on science and technology",
        &["财政科技投入", "财政科技支出"],
        &[],
        &[Multiple, Percent, Money],
    ),
];

/// The entry with this key.
pub fn entry(key: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().find(|e| e.key == key)
}

/// The words an indicator is asked for (aliases that match within it, and excludes), found in
/// one pass; and for each entry, which of them are its aliases and excludes.
struct Words {
    set: WordSet,
    /// Where an alias can start: its first two characters with each class of its entry.
    alias_starts: AliasStarts,
    excludes: Vec<Vec<usize>>,
    /// For each word, the entries that have it as an alias, and as a whole-indicator alias
    /// (`=名`, which matches the whole indicator only).
    owners: Vec<Vec<usize>>,
    exact_owners: Vec<Vec<usize>>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = Vec::new();
    let mut id = |w: &'static str| intern(&mut words, w);
    let mut aliases: Vec<Vec<usize>> = Vec::new();
    let mut exact: Vec<Vec<usize>> = Vec::new();
    let mut excludes = Vec::new();
    for e in CATALOGUE {
        let within = e.aliases.iter().filter(|a| !a.starts_with('='));
        aliases.push(within.map(|a| id(a)).collect());
        let whole = e.aliases.iter().filter_map(|a| a.strip_prefix('='));
        exact.push(whole.map(&mut id).collect());
        excludes.push(e.excludes.iter().map(|x| id(x)).collect());
    }
    let mut alias_starts = AliasStarts::default();
    for e in CATALOGUE {
        for alias in e.aliases.iter().map(|a| a.trim_start_matches('=')) {
            let mut chars = alias.chars();
            // An alias of one character would start wherever that character stands: none is.
            let pair = (chars.next(), chars.next());
            let (Some(a), Some(b)) = pair else {
                panic!("the catalogue alias {alias:?} is shorter than two characters");
            };
            for &class in e.classes {
                alias_starts.insert(a, b, class);
            }
        }
    }
    let mut owners: Vec<Vec<usize>> = vec![Vec::new(); words.len()];
    let mut exact_owners: Vec<Vec<usize>> = vec![Vec::new(); words.len()];
    for (k, (within, whole)) in aliases.iter().zip(&exact).enumerate() {
        for &w in within {
            owners[w].push(k);
        }
        for &w in whole {
            exact_owners[w].push(k);
        }
    }
    Words {
        set: WordSet::new(words).expect("catalogue words start in the Basic Multilingual Plane"),
        alias_starts,
        excludes,
        owners,
        exact_owners,
    }
});

/// The first two characters of every alias, with each unit class of its entry, as bits of a
/// table hashed on the three: an indicator none of whose pairs of neighbouring characters is one
/// of them, with its class, holds no alias of an entry of that class. Most indicators are keyed
/// by no entry (about four in five of a report's), and this tells them at once, without the pass
/// that finds every catalogue word in them (excludes too, whose first characters are common).
/// Two bits per pair, from two halves of one hash, so that a pair that is none of them is taken for one
/// seldom (a false yes costs only the full search).
struct AliasStarts(Box<[u64; ALIAS_START_WORDS]>);

/// Words of `AliasStarts`: 2^16 bits (8 KiB), some 60 pairs with their classes set in them.
const ALIAS_START_WORDS: usize = (1 << 16) / 64;

impl Default for AliasStarts {
    fn default() -> Self {
        AliasStarts(Box::new([0; ALIAS_START_WORDS]))
    }
}

impl AliasStarts {
    /// The two bits of `a b` with `class`.
    #[inline]
    fn bits(a: char, b: char, class: UnitClass) -> [usize; 2] {
        let h = u64::from(u32::from(a)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ u64::from(u32::from(b)).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
            ^ (class as u64 + 1).wrapping_mul(0x1656_67B1_9E37_79F9);
        let h = h ^ (h >> 29);
        [(h >> 48) as usize, ((h >> 16) & 0xFFFF) as usize]
    }

    fn insert(&mut self, a: char, b: char, class: UnitClass) {
        for bit in Self::bits(a, b, class) {
            self.0[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Whether an alias of an entry of `class` may start somewhere in `s`.
    #[inline]
    fn may_start_in(&self, s: &str, class: UnitClass) -> bool {
        let mut chars = s.chars();
        let Some(mut a) = chars.next() else {
            return false;
        };
        chars.any(|b| {
            let [x, y] = Self::bits(a, b, class);
            a = b;
            self.0[x / 64] & (1 << (x % 64)) != 0 && self.0[y / 64] & (1 << (y % 64)) != 0
        })
    }
}

/// Every entry's generic words: most indicators are none of them. Apart from `WORDS`, so that
/// asking it does not index the catalogue's words first.
static GENERIC: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    CATALOGUE
        .iter()
        .flat_map(|e| e.generic.iter().copied())
        .collect()
});

/// The key of an indicator: first entry whose alias it contains (and no exclude), unit class
/// fitting; or, for a generic indicator word, an entry whose context phrase is in `before`
/// (the sentence up to the number).
pub fn key_for(indicator: &str, class: UnitClass, before: &str) -> Option<&'static Entry> {
    key_for_with(indicator, class, || before)
}

/// [`key_for`], with `before` made only when it is read (for a generic indicator word).
pub fn key_for_with<B: AsRef<str>>(
    indicator: &str,
    class: UnitClass,
    before: impl FnOnce() -> B,
) -> Option<&'static Entry> {
    first_by_words(indicator, class).or_else(|| {
        // A few short words: compared by length first, most indicators are told apart at once.
        if !crate::chars::is_one_of(indicator, &GENERIC) {
            return None;
        }
        let before = before();
        let before = before.as_ref();
        CATALOGUE.iter().find(|e| {
            e.classes.contains(&class)
                && e.generic.contains(&indicator)
                && e.context.iter().any(|c| contains(before, c))
        })
    })
}

/// The first entry, of the unit class, whose alias the indicator contains and none of whose
/// excludes it does; every word of the catalogue found in one pass over the indicator.
fn first_by_words(indicator: &str, class: UnitClass) -> Option<&'static Entry> {
    let words = &*WORDS;
    if !words.alias_starts.may_start_in(indicator, class) {
        return None;
    }
    // The words an indicator holds are few: a short list, not a flag per word of the catalogue,
    // and held in place (an indicator is keyed for every figure). Each word found, and whether
    // it is the whole indicator.
    let mut found: smallvec::SmallVec<[(usize, bool); 8]> = smallvec::SmallVec::new();
    words.set.each_occurrence(indicator, |word, start, end| {
        found.push((word, start == 0 && end == indicator.len()));
    });
    if found.is_empty() {
        return None;
    }
    let holds = |w: &usize| found.iter().any(|&(f, _)| f == *w);
    // The entries one of whose aliases was found (a whole-indicator alias only when it is the
    // whole indicator), in catalogue order: the first that fits wins.
    let mut candidates: smallvec::SmallVec<[usize; 16]> = found
        .iter()
        .flat_map(|&(w, whole)| {
            let exact: &[usize] = if whole { &words.exact_owners[w] } else { &[] };
            words.owners[w].iter().chain(exact).copied()
        })
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates
        .into_iter()
        .find(|&k| CATALOGUE[k].classes.contains(&class) && !words.excludes[k].iter().any(holds))
        .map(|k| &CATALOGUE[k])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `key_for` as first written: each alias and exclude asked of the indicator in turn.
    fn key_for_plain(indicator: &str, class: UnitClass, before: &str) -> Option<&'static Entry> {
        let fits = |e: &&Entry| e.classes.contains(&class);
        CATALOGUE
            .iter()
            .filter(fits)
            .find(|e| {
                e.aliases.iter().any(|a| match a.strip_prefix('=') {
                    Some(exact) => indicator == exact,
                    None => indicator.contains(a),
                }) && !e.excludes.iter().any(|x| indicator.contains(x))
            })
            .or_else(|| {
                CATALOGUE.iter().filter(fits).find(|e| {
                    e.generic.contains(&indicator) && e.context.iter().any(|c| before.contains(c))
                })
            })
    }

    #[test]
    fn alias_starts_let_every_alias_through_and_turn_plain_names_away() {
        let starts = &WORDS.alias_starts;
        for e in CATALOGUE {
            for alias in e.aliases.iter().map(|a| a.trim_start_matches('=')) {
                for &class in e.classes {
                    assert!(starts.may_start_in(alias, class), "{alias} {class:?}");
                    assert!(starts.may_start_in(&format!("全年{alias}总量"), class));
                }
            }
        }
        // Names that hold no alias (composed; the filter is what spares their search).
        for name in ["城市更新项目", "文化旅游节庆活动", "义务教育学校", "", "路"]
        {
            let holds = |a: &&str| name.contains(a.trim_start_matches('='));
            assert!(
                !CATALOGUE.iter().any(|e| e.aliases.iter().any(holds)),
                "{name}"
            );
            for class in [Percent, Money, Count, Length, Area] {
                assert!(!starts.may_start_in(name, class), "{name} {class:?}");
            }
        }
    }

    #[test]
    fn one_pass_lookup_is_the_plain_one() {
        // Every alias, exclude and generic word alone, in pairs, and inside other text.
        let mut words: Vec<&str> = Vec::new();
        for e in CATALOGUE {
            words.extend(e.aliases.iter().map(|a| a.trim_start_matches('=')));
            words.extend(e.excludes.iter().copied());
            words.extend(e.generic.iter().copied());
        }
        assert!(words.iter().all(|w| !w.is_empty()));
        let mut names: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        for (i, a) in words.iter().enumerate() {
            let b = words[(i * 7 + 3) % words.len()];
            names.push(format!("{a}{b}"));
            names.push(format!("全省{a}和{b}总量"));
        }
        let contexts = CATALOGUE.iter().flat_map(|e| e.context.iter().copied());
        let befores: Vec<String> = std::iter::once(String::new())
            .chain(contexts.map(|c| format!("推进{c}，")))
            .collect();
        for name in &names {
            for class in [
                Percent, Points, Money, Count, Mass, Area, Length, Volume, Power, Energy, Time,
                Multiple, Other,
            ] {
                for before in befores.iter().step_by(5) {
                    let plain = key_for_plain(name, class, before).map(|e| e.key);
                    assert_eq!(
                        key_for(name, class, before).map(|e| e.key),
                        plain,
                        "{name} {class:?} {before}"
                    );
                }
            }
        }
    }

    #[test]
    fn keys_are_unique_and_aliases_resolve() {
        let mut keys: Vec<&str> = CATALOGUE.iter().map(|e| e.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), CATALOGUE.len());
        assert_eq!(
            key_for("国内生产总值", Percent, "").map(|e| e.key),
            Some("gdp_growth")
        );
        assert_eq!(
            key_for("GDP", Percent, "").map(|e| e.key),
            Some("gdp_growth")
        );
        assert_eq!(
            key_for("城镇居民人均可支配收入", Percent, "").map(|e| e.key),
            Some("urban_income_growth")
        );
        assert_eq!(
            key_for("全体居民人均可支配收入", Percent, "").map(|e| e.key),
            Some("income_growth")
        );
        assert_eq!(
            key_for("单位地区生产总值能耗", Percent, "").map(|e| e.key),
            Some("energy_intensity_change")
        );
        // A level in money is not a growth rate.
        assert!(key_for("地区生产总值", Money, "").is_none());
        assert_eq!(
            key_for("投资", Money, "加快重大项目建设，").map(|e| e.key),
            Some("investment_key_projects")
        );
        assert!(key_for("投资", Money, "扩大有效投资，").is_none());
        assert_eq!(
            key_for("经济", Percent, "").map(|e| e.key),
            Some("gdp_growth")
        );
        assert!(key_for("数字经济", Percent, "").is_none());
        assert!(key_for("服务业对经济增长贡献率", Percent, "").is_none());
        assert!(key_for("跨境电商进出口", Percent, "").is_none());
        assert!(key_for("规上装备工业增加值", Percent, "").is_none());
        assert_eq!(
            key_for("总产量", Mass, "粮食播种面积").map(|e| e.key),
            Some("grain_output")
        );
    }
}
