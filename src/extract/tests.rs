//! Rules of extraction, on sentences written for these tests (not taken from any fixture).

use super::*;
use crate::ingest::IngestOptions;

/// A small work report with a review part (2025) and a plan part (2026).
fn report(review: &str, plan: &str) -> Vec<Indicator> {
    let text = format!(
        "某省政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第四次会议上\n各位代表：\n一、2025年工作回顾\n{review}\n二、2026年工作安排\n{plan}\n"
    );
    let doc = crate::analyse("test", text.as_bytes(), &IngestOptions::default()).expect("analyse");
    extract(&doc)
}

fn find<'a>(all: &'a [Indicator], text: &str) -> &'a Indicator {
    all.iter()
        .find(|i| i.text.contains(text))
        .unwrap_or_else(|| {
            panic!(
                "no mention {text} in {:#?}",
                all.iter().map(|i| &i.text).collect::<Vec<_>>()
            )
        })
}

#[test]
fn headline_results_and_targets_get_keys_kinds_and_years() {
    let all = report(
        "全省地区生产总值增长5.2%，规模以上工业增加值增长6.1%，居民消费价格上涨0.3%。",
        "主要预期目标是：国内生产总值增长5%左右，城镇调查失业率5.5%左右，城镇新增就业45万人以上。",
    );
    let gdp = find(&all, "5.2%");
    assert_eq!(
        (gdp.key, gdp.kind, gdp.year),
        (Some("gdp_growth"), Kind::Result, Some(2025))
    );
    assert_eq!(gdp.indicator, "地区生产总值");
    assert_eq!(find(&all, "6.1%").key, Some("industry_va_growth"));
    assert_eq!(find(&all, "0.3%").key, Some("cpi_growth"));
    let target = find(&all, "5%左右");
    assert_eq!(
        (target.key, target.kind, target.year),
        (Some("gdp_growth"), Kind::Target, Some(2026))
    );
    assert_eq!(target.comparator, Comparator::Approx);
    assert_eq!(find(&all, "5.5%左右").key, Some("unemployment_rate"));
    let jobs = find(&all, "45万人以上");
    assert_eq!(
        (jobs.key, jobs.comparator, jobs.base_value),
        (Some("new_urban_jobs"), Comparator::Ge, 450_000.0)
    );
}

#[test]
fn stretch_values_follow_the_indicator() {
    let all = report("", "固定资产投资增长6%以上、力争达到8%。");
    assert_eq!(all.len(), 2);
    assert!(!all[0].stretch && all[1].stretch);
    assert_eq!(all[1].key, Some("fai_growth"));
    assert_eq!(
        (all[0].comparator, all[1].comparator),
        (Comparator::Ge, Comparator::Eq)
    );
    assert_eq!(all[1].kind, Kind::Target);
}

/// The mention with this value (values are unique within each test).
fn value(all: &[Indicator], v: f64) -> &Indicator {
    all.iter()
        .find(|i| (i.value - v).abs() < 1e-9)
        .unwrap_or_else(|| {
            panic!(
                "no value {v} in {:#?}",
                all.iter().map(|i| &i.text).collect::<Vec<_>>()
            )
        })
}

#[test]
fn lists_with_fenbie_give_one_subject_per_value() {
    let all = report(
        "城乡居民人均可支配收入分别增长5.1%和6.5%。进出口分别增长3.2%和4.2%。",
        "城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右。城镇调查失业率、居民消费价格涨幅分别控制在5.6%和2%以内。",
    );
    assert_eq!(value(&all, 5.1).key, Some("urban_income_growth"));
    assert_eq!(value(&all, 6.5).key, Some("rural_income_growth"));
    assert_eq!(value(&all, 3.2).indicator, "进口");
    assert_eq!(value(&all, 4.2).indicator, "出口");
    let urban = value(&all, 4.5);
    assert_eq!(
        (urban.key, urban.comparator),
        (Some("urban_income_growth"), Comparator::Approx)
    );
    assert_eq!(value(&all, 5.5).key, Some("rural_income_growth"));
    let u = value(&all, 5.6);
    assert_eq!(
        (u.key, u.comparator),
        (Some("unemployment_rate"), Comparator::Le)
    );
    assert_eq!(value(&all, 2.0).key, Some("cpi_growth"));
}

#[test]
fn comparators_ranges_and_directions() {
    let all = report(
        "粮食产量突破1500万吨，单位地区生产总值能耗下降3.1%，新建学校20余所，近5万户受益，清理欠款超过30亿元。",
        "地区生产总值增长4.5%—5%，研发经费投入强度不低于2.8%，单位地区生产总值能耗降低2%左右，赤字率不超过3%。",
    );
    let grain = find(&all, "1500万吨");
    assert_eq!(
        (grain.comparator, grain.key, grain.base_value),
        (Comparator::Gt, Some("grain_output"), 1.5e7)
    );
    let energy = find(&all, "3.1%");
    assert_eq!(
        (energy.direction, energy.key),
        (Some(Direction::Down), Some("energy_intensity_change"))
    );
    assert_eq!(find(&all, "20余所").comparator, Comparator::Gt);
    assert_eq!(find(&all, "5万户").comparator, Comparator::Approx);
    assert_eq!(find(&all, "30亿元").comparator, Comparator::Gt);
    let range = find(&all, "4.5%—5%");
    assert_eq!(
        (range.value, range.high, range.comparator),
        (4.5, Some(5.0), Comparator::Range)
    );
    assert_eq!(find(&all, "2.8%").comparator, Comparator::Ge);
    assert_eq!(find(&all, "3%").comparator, Comparator::Le);
    assert_eq!(find(&all, "2%左右").direction, Some(Direction::Down));
}

#[test]
fn kinds_follow_the_part_the_year_and_the_wording() {
    let all = report(
        "今年是新中国成立80周年。完成营造林120万亩。",
        "2025年，全省已建成5G基站10万个。到2030年，常住人口城镇化率达到70%。70年来，经济总量翻了七番以上。新建保障性住房2万套。",
    );
    assert_eq!(find(&all, "80周年").kind, Kind::Context);
    assert_eq!(find(&all, "120万亩").kind, Kind::Result);
    let base = find(&all, "10万个");
    assert_eq!((base.kind, base.year), (Kind::Result, Some(2025)));
    let urban = find(&all, "70%");
    assert_eq!(
        (urban.kind, urban.year, urban.period.as_deref()),
        (Kind::Target, Some(2030), Some("by_2030"))
    );
    assert_eq!(find(&all, "七番").kind, Kind::Context);
    assert_eq!(find(&all, "2万套").kind, Kind::Target);
}

#[test]
fn traps_are_not_indicators() {
    let all = report(
        "2025年1月7日，在第十四届人民代表大会第三次会议上，深化“7+1”模式，建成G318和5G网络，锚定“四件大事”，实施“十四五”规划，做好九个方面工作，电话（0891）6322211，邮编850000。",
        "",
    );
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn chinese_numerals_traditional_script_and_layout_artefacts() {
    let all = report(
        "財政科技投入翻一番，培訓兩千人。地區生產總值增長 5.4%，糧食產量達到1,500萬噸。",
        "",
    );
    let double = find(&all, "一番");
    assert_eq!((double.value, double.unit.as_str()), (1.0, "番"));
    assert_eq!(find(&all, "兩千人").value, 2000.0);
    let gdp = find(&all, "5.4%");
    assert_eq!(gdp.key, Some("gdp_growth"));
    assert!(gdp.sentence.contains("增長"));
    let grain = find(&all, "萬噸");
    assert_eq!(
        (grain.value, grain.unit.as_str(), grain.key),
        (1500.0, "萬噸", Some("grain_output"))
    );
}

#[test]
fn spans_point_at_the_mention_in_the_canonical_text() {
    let text = "某省政府工作报告\n一、2025年工作回顾\n地区生产总值增长5.2%，粮食产量1500万吨。\n";
    let doc = crate::analyse("t", text.as_bytes(), &IngestOptions::default()).unwrap();
    let chars: Vec<char> = doc.text().chars().collect();
    for i in extract(&doc) {
        let slice: String = chars[i.span[0]..i.span[1]].iter().collect();
        assert_eq!(slice, i.text);
    }
}

#[test]
fn plan_periods_give_their_end_year() {
    let all = report(
        "“十四五”时期，城镇新增就业累计达到310万人。",
        "“十五五”时期主要目标是：地区生产总值年均增长5.5%左右；常住人口城镇化率达到72%。今年地区生产总值增长5%左右。",
    );
    let five = value(&all, 310.0);
    assert_eq!((five.kind, five.year), (Kind::Result, Some(2025)));
    assert!(five.period.is_some());
    let plan = value(&all, 5.5);
    assert_eq!(
        (plan.kind, plan.year, plan.period.as_deref()),
        (Kind::Target, Some(2030), Some("annual_average"))
    );
    let urban = value(&all, 72.0);
    assert_eq!(
        (urban.year, urban.key),
        (Some(2030), Some("urbanization_rate"))
    );
    let this_year = value(&all, 5.0);
    assert_eq!(
        (this_year.year, this_year.period.as_deref()),
        (Some(2026), None)
    );
}

#[test]
fn obtained_funds_in_a_review_are_results_and_stretch_covers_its_clause() {
    let all = report(
        "争取中央预算内投资237亿元。",
        "力争全年完成交通投资2300亿元、能源投资2100亿元、水利投资900亿元。",
    );
    let obtained = value(&all, 237.0);
    assert_eq!((obtained.kind, obtained.stretch), (Kind::Result, false));
    for v in [2300.0, 2100.0, 900.0] {
        assert!(value(&all, v).stretch, "{v}");
    }
}

#[test]
fn number_forms_without_digits_or_with_approximations() {
    let all = report(
        "贷款余额突破万亿元，集装箱航线超百条，参赛队伍上万支，绿电占比超三成，棉花产量占全国九成以上，进出口总额实现翻番，完成投资5400多亿元，修复湿地90余万亩，专利拥有量增长2倍多，450万困难群众纳入低保。",
        "",
    );
    let trillion = find(&all, "万亿元");
    assert_eq!(
        (trillion.value, trillion.unit.as_str(), trillion.comparator),
        (1.0, "万亿元", Comparator::Gt)
    );
    assert_eq!(
        (find(&all, "百条").value, find(&all, "百条").unit.as_str()),
        (100.0, "条")
    );
    assert_eq!(find(&all, "万支").comparator, Comparator::Approx);
    let tenths = find(&all, "三成");
    assert_eq!(
        (
            tenths.value,
            tenths.base_value,
            tenths.base_unit,
            tenths.comparator
        ),
        (3.0, 30.0, "%", Comparator::Gt)
    );
    assert_eq!(find(&all, "九成以上").comparator, Comparator::Ge);
    assert_eq!(find(&all, "翻番").unit, "番");
    let more = value(&all, 5400.0);
    assert_eq!(
        (more.unit.as_str(), more.comparator),
        ("亿元", Comparator::Gt)
    );
    assert_eq!(value(&all, 90.0).unit, "万亩");
    assert_eq!(value(&all, 2.0).comparator, Comparator::Gt);
    assert_eq!(
        (
            value(&all, 450.0).unit.as_str(),
            value(&all, 450.0).base_value
        ),
        ("万", 4_500_000.0)
    );
}

#[test]
fn qualifiers_names_and_sessions_are_not_figures() {
    let all = report(
        "推进投资10亿元以上的项目，建设3岁以下婴幼儿托位，建成30万吨级航道，打造15分钟生活圈，实施“3个100”工程和“民营经济32条”，召开十二届十一次全会，做好以下10个方面工作，建成3人制篮球场。",
        "",
    );
    assert!(
        all.is_empty(),
        "{:#?}",
        all.iter().map(|i| &i.text).collect::<Vec<_>>()
    );
}

#[test]
fn lists_share_units_comparators_and_subjects() {
    let all = report(
        "实现地区生产总值67665亿元，增长5.7%。技改投资增速分别高于全国12.7个、12个百分点。城乡居民人均可支配收入年均增长5.3%、8.1%。经济总量分别突破9千亿元、3万亿元。",
        "社会消费品零售总额、固定资产投资增长4%左右。",
    );
    assert_eq!(value(&all, 5.7).key, Some("gdp_growth"));
    assert_eq!(value(&all, 12.7).unit, "个百分点");
    assert_eq!(value(&all, 5.3).key, Some("urban_income_growth"));
    assert_eq!(value(&all, 8.1).key, Some("rural_income_growth"));
    assert_eq!(value(&all, 3.0).comparator, Comparator::Gt);
    let keys: Vec<Option<&str>> = all
        .iter()
        .filter(|i| i.value == 4.0)
        .map(|i| i.key)
        .collect();
    assert_eq!(keys, vec![Some("retail_growth"), Some("fai_growth")]);
}

#[test]
fn rates_per_unit_of_something() {
    let all = report(
        "细颗粒物平均浓度27微克/立方米，基础养老金提高到178元/月。",
        "",
    );
    assert_eq!(value(&all, 27.0).unit, "微克/立方米");
    assert_eq!(value(&all, 178.0).unit, "元/月");
}

/// A time frame set earlier in a paragraph (`今後五年`) is read through the script fold too, so a
/// traditional paragraph dates its targets as its simplified twin does.
#[test]
fn a_traditional_paragraph_frames_its_targets_as_the_simplified_one() {
    let frame_and_target = |opening: &str, sentence: &str| {
        let all = report(
            "地区生产总值增长5%。",
            &format!("{opening}，我们将坚持稳中求进。{sentence}"),
        );
        let t = find(&all, "左右");
        (t.kind, t.year, t.period.clone())
    };
    let simplified = frame_and_target("今后五年", "地区生产总值年均增长6%左右。");
    let traditional = frame_and_target("今後五年", "地區生產總值年均增長6%左右。");
    assert_eq!(simplified.1, Some(2030), "{simplified:?}");
    assert_eq!(traditional, simplified);
}

/// The longest of `words` for which `fits` holds: every word asked.
fn longest_plain(words: &[&'static str], fits: impl Fn(&str) -> bool) -> Option<&'static str> {
    words
        .iter()
        .copied()
        .filter(|w| fits(w))
        .max_by_key(|w| w.len())
}

#[test]
fn noise_words_are_found_as_by_asking_every_word() {
    let mut samples = vec![String::new(), "地区生产总值".to_string()];
    for (k, lead) in LEADING_NOISE.iter().enumerate() {
        for (j, trail) in TRAILING_NOISE.iter().enumerate() {
            let other = TRAILING_NOISE[(j * 7 + k) % TRAILING_NOISE.len()];
            samples.push(format!("{lead}地区生产总值{trail}"));
            samples.push(format!("“{lead}2025年，粮食产量{other}{trail}"));
            samples.push(format!("{lead}{trail}"));
        }
    }
    for sample in &samples {
        // A look-up reads one end only: every start of the sample for the leading word, every
        // end for the trailing one.
        for (at, _) in sample.char_indices().chain([(sample.len(), ' ')]) {
            let (head, tail) = sample.split_at(at);
            let plain = longest_plain(LEADING_NOISE, |w| tail.starts_with(w));
            assert_eq!(leading_noise(tail), plain, "{tail:?}");
            let plain = longest_plain(TRAILING_NOISE, |w| head.ends_with(w));
            assert_eq!(trailing_noise(head), plain, "{head:?}");
        }
    }
}

/// A glossary part (`名词解释`) defines terms: its numbers are no figures, in each of its
/// paragraphs; a part after it is read again.
#[test]
fn a_glossary_part_gives_no_figures() {
    let text = "某省政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第四次会议上\n各位代表：\n一、2025年工作回顾\n全省地区生产总值增长5.2%。\n二、2026年工作安排\n城镇新增就业45万人以上。\n三、名词解释\n专项债券：全年发行1200亿元。\n超长期特别国债：占比30%。\n四、附则\n粮食产量达到700亿斤。\n";
    let doc = crate::analyse("t", text.as_bytes(), &IngestOptions::default()).expect("analyse");
    let found = extract(&doc);
    let texts: Vec<&str> = found.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["5.2%", "45万人以上", "700亿斤"]);
}

/// The pass over a paragraph asks one table what each stop is: the table says what the
/// predicates say, for every character of the plane, and holds exactly the stops.
#[test]
fn the_classes_of_the_stops_are_the_predicates() {
    let time_word_firsts: Vec<char> = patterns::time_word_firsts().collect();
    let stops = &*PARAGRAPH_STOPS;
    for c in (0..0x10000).filter_map(char::from_u32) {
        let class = stops.classes[c as usize];
        assert_eq!(
            class & SENTENCE_MARK != 0,
            crate::segment::is_sentence_mark(c),
            "{c:?}"
        );
        assert_eq!(class & CANDIDATE != 0, scan::is_candidate(c), "{c:?}");
        assert_eq!(
            class & TIME_WORD_FIRST != 0,
            time_word_firsts.contains(&c),
            "{c:?}"
        );
        assert_eq!(class != 0, stops.set.contains(c), "{c:?}");
    }
}
