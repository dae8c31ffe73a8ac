//! Words around a number: comparators, direction, stretch, and the cues that tell a result from a
//! target from a mere context number. Data only.

use serde::Serialize;

/// How a value relates to the quantity (SCHEMA vocabulary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    Eq,
    Ge,
    Gt,
    Le,
    Lt,
    Approx,
    Range,
}

impl Comparator {
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::Eq => "eq",
            Comparator::Ge => "ge",
            Comparator::Gt => "gt",
            Comparator::Le => "le",
            Comparator::Lt => "lt",
            Comparator::Approx => "approx",
            Comparator::Range => "range",
        }
    }

    /// The sign a reader puts before the value (`≥ 7`).
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Eq => "",
            Comparator::Ge => "≥",
            Comparator::Gt => ">",
            Comparator::Le => "≤",
            Comparator::Lt => "<",
            Comparator::Approx => "≈",
            Comparator::Range => "",
        }
    }
}

/// Words written right after the value (and unit). Longest first.
pub const SUFFIX_COMPARATORS: &[(&str, Comparator)] = &[
    ("以上", Comparator::Ge),
    ("及以上", Comparator::Ge),
    ("以内", Comparator::Le),
    ("之内", Comparator::Le),
    ("以下", Comparator::Le),
    ("左右", Comparator::Approx),
    ("上下", Comparator::Approx),
    ("以外", Comparator::Gt),
];

/// Words written right before the value. `超过` is `ge` for a target and `gt` for a result
/// (see `TARGET_GE_PREFIXES`). Longest first is ensured by the matcher.
pub const PREFIX_COMPARATORS: &[(&str, Comparator)] = &[
    ("突破", Comparator::Gt),
    ("超过", Comparator::Gt),
    ("超", Comparator::Gt),
    ("逾", Comparator::Gt),
    ("多于", Comparator::Gt),
    ("高于", Comparator::Gt),
    ("不低于", Comparator::Ge),
    ("不少于", Comparator::Ge),
    ("至少", Comparator::Ge),
    ("不超过", Comparator::Le),
    ("不高于", Comparator::Le),
    ("不多于", Comparator::Le),
    ("低于", Comparator::Lt),
    ("少于", Comparator::Lt),
    ("约", Comparator::Approx),
    ("近", Comparator::Approx),
    ("接近", Comparator::Approx),
    ("将近", Comparator::Approx),
    ("大约", Comparator::Approx),
];

/// A comparison with a wider area's figure (`高于全国1.7个百分点`): one of these verbs, then one of
/// the bases. The value after it is about the subject before it.
pub const COMPARISON_VERBS: &[&str] = &["高于", "低于", "快于", "慢于", "超过", "超出"];
pub const COMPARISON_BASES: &[&str] = &["全国", "全省", "全市", "全区", "平均"];

/// Prefixes that read as "at least" when they set a target (`力争超过8%`).
pub const TARGET_GE_PREFIXES: &[&str] = &["超过"];

/// Separators of a range `4.5%—5%`, `4.5-5%`, `4.5%至5%`.
pub const RANGE_SEPARATORS: &[&str] = &["—", "-", "~", "至", "到"];

/// Verbs of increase and decrease written before a value.
pub const UP_WORDS: &[&str] = &[
    "增长", "增加", "提高", "提升", "上升", "上涨", "扩大", "增", "涨", "攀升", "回升", "增幅",
];
pub const DOWN_WORDS: &[&str] = &[
    "下降", "降低", "减少", "下调", "缩减", "压减", "回落", "缩小", "降幅", "降", "减",
];

/// Words that announce a stretch value (`力争达到8%`).
pub const STRETCH_WORDS: &[&str] = &["力争", "争取", "力求", "努力达到", "努力实现"];

/// Words that make a sentence speak of a plan.
pub const TARGET_CUES: &[&str] = &[
    "力争", "确保", "预期", "目标", "将", "要", "计划", "争取", "力求", "预计", "拟", "推动",
    "今年", "明年", "到20", "全年",
];

/// Words that make a sentence speak of what was done.
pub const RESULT_CUES: &[&str] = &[
    "完成",
    "实现",
    "达到",
    "建成",
    "新增",
    "累计",
    "已",
    "去年",
    "上年",
    "过去",
    "比上年",
    "同比",
    "荣获",
    "获批",
    "年末",
    "年底",
];

/// Words that make a review sentence speak of a target when it names a future year.
pub const REVIEW_TARGET_WORDS: &[&str] = &["力争", "预期", "计划", "目标", "将"];
/// Words before a value that put it in the past.
pub const PAST_WORDS: &[&str] = &["去年", "过去一年", "上年", "已经", "一年来"];
/// Words before a value that keep it a target even when the past is named.
pub const KEEP_TARGET_WORDS: &[&str] = &["力争", "确保", "预期", "目标", "将"];

/// Periods: a word of the sentence → the `period` field.
pub const PERIOD_WORDS: &[(&str, &str)] = &[
    ("年均增长", "annual_average"),
    ("年均增速", "annual_average"),
    ("年均提高", "annual_average"),
    ("年均下降", "annual_average"),
    ("年均降低", "annual_average"),
    ("年均增加", "annual_average"),
    ("年平均增长", "annual_average"),
    ("累计", "cumulative"),
    ("五年来", "five_years"),
    ("过去五年", "five_years"),
    ("“十四五”时期", "14th_five_year_plan"),
    ("“十四五”期间", "14th_five_year_plan"),
    ("“十五五”时期", "15th_five_year_plan"),
    ("“十五五”期间", "15th_five_year_plan"),
    ("“十五五”末", "15th_five_year_plan"),
];

/// Words that cut a clause before the number down to its subject: stripped from the start.
pub const LEADING_NOISE: &[&str] = &[
    "其中", "全年", "全区", "全省", "全市", "全州", "全县", "全国", "我区", "我省", "我市", "今年",
    "去年", "年内", "力争", "确保", "预计", "累计", "共", "完成", "实现", "同时", "此外", "主要",
    "并", "、", "以及", "新增", "我们", "是", "为",
];

/// …and from the end (verbs and adverbs between subject and number).
pub const TRAILING_NOISE: &[&str] = &[
    "分别",
    "增长",
    "增加",
    "提高",
    "提升",
    "上升",
    "上涨",
    "下降",
    "降低",
    "减少",
    "达到",
    "达",
    "为",
    "保持在",
    "保持",
    "控制在",
    "稳定在",
    "突破",
    "超过",
    "超",
    "约",
    "近",
    "接近",
    "同比",
    "比上年",
    "较上年",
    "年均",
    "累计",
    "实现",
    "完成",
    "均",
    "增",
    "降",
    "到",
    "占比",
    "至",
    "在",
    "总计",
    "合计",
    "共计",
    "共",
    "逾",
    "多",
    "达到了",
    "不低于",
    "不少于",
    "不超过",
    "稳定",
    "了",
    "力争",
    "争取",
    "预计",
    "超额完成",
    "分别为",
    "平均",
    "增速",
    "翻",
    "再翻",
    "翻了",
    "再",
    "从",
    "由",
    "的",
    "首次",
    "新增",
    "提升到",
    "提高到",
    "提升至",
    "提高至",
    "增至",
    "降至",
    "降到",
    "增加到",
    "下降到",
    "缩小至",
    "缩小到",
    "扩大到",
    "扩大至",
];

/// Words after the unit that end the noun naming what was counted (`38个物流园区顺利投产`).
pub const NOUN_STOPS: &[&str] = &[
    "顺利", "全部", "恢复", "荣获", "获", "入选", "被", "实现", "完成", "建成", "投入", "开工",
    "竣工", "落地", "通过", "达到", "成功", "正式", "累计", "共", "分别", "均", "已", "和", "及",
    "与", "、", "获得", "受益", "参与", "纳入", "得到", "进入", "的", "带动", "拉动", "覆盖",
    "惠及", "参加", "增长", "提高", "实施", "发放", "开展", "投资",
];

/// Sentence openings that make every number in the sentence history (`60年来，…`).
pub const HISTORY_MIN_YEARS: u32 = 10;

/// The marks that end a clause, in which a figure's subject, verb and comparator are read.
pub const CLAUSE_BREAKS: [&str; 11] = ["，", "；", "：", "。", "！", "？", ",", ";", ":", "!", "?"];
