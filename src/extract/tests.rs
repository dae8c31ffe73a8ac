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
