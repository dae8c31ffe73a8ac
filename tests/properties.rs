//! Invariants on generated input (proptest): whatever the bytes, no panic, spans that point at
//! their text, pages in range, the same output every run, normalisation that is idempotent; and
//! on generated Chinese-looking text, the value and unit of every generated mention come back.

use gazette::extract::{Indicator, extract};
use gazette::ingest::IngestOptions;
use gazette::normalise::normalise;
use proptest::prelude::*;

fn check_document(bytes: &[u8]) {
    let opts = IngestOptions {
        in_process: true,
        ..Default::default()
    };
    // PDFs are not generated here (see the fuzz target for those); everything else is text.
    if gazette::ingest::is_pdf(bytes) {
        return;
    }
    let Ok(doc) = gazette::analyse("generated", bytes, &opts) else {
        return;
    };
    let chars: Vec<char> = doc.text().chars().collect();
    let first = extract(&doc);
    for i in &first {
        assert!(i.span[0] <= i.span[1] && i.span[1] <= chars.len(), "{i:?}");
        let slice: String = chars[i.span[0]..i.span[1]].iter().collect();
        assert_eq!(slice, i.text);
        assert!(
            doc.text().is_char_boundary(i.byte_span.0)
                && doc.text().is_char_boundary(i.byte_span.1)
        );
        assert!(
            i.page >= 1 && i.page <= doc.canonical.page_count.max(1),
            "page {} of {}",
            i.page,
            doc.canonical.page_count
        );
    }
    let again = gazette::analyse("generated", bytes, &opts).expect("second run");
    assert_eq!(
        json(&extract(&again)),
        json(&first),
        "same output on every run"
    );
    let twice = normalise(&[doc.text().to_string()]);
    assert_eq!(
        twice.text,
        doc.text(),
        "normalising twice equals normalising once"
    );
}

fn json(inds: &[Indicator]) -> String {
    serde_json::to_string(inds).expect("serialise")
}

/// Text that looks like a report: CJK, digits, units, punctuation, page breaks, odd spaces.
fn reportish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "增长",
        "地区生产总值",
        "5",
        "6.3",
        "1,200",
        "％",
        "%",
        "亿元",
        "万",
        "万吨",
        "个",
        "以上",
        "左右",
        "以内",
        "，",
        "。",
        "；",
        "、",
        "“",
        "”",
        "（",
        "）",
        "\n",
        "\n\n",
        "\n\n\n\n",
        "\u{c}",
        " ",
        "　",
        "—",
        "-",
        "一是",
        "（一）",
        "2024年工作回顾",
        "2025年工作安排",
        "分别",
        "和",
        "力争",
        "达到",
        "突破",
        "近",
        "约",
        "翻一番",
        "两千",
        "三成",
        "十四五",
        "第",
        "G",
        "+",
        "/",
        "年",
        "月",
        "日",
        "億",
        "萬",
        "⼈",
        "⺠",
        "１２",
        "政府工作报告",
        "——2025年1月19日在某会议上",
        "— 3 —",
        "各位代表！",
    ]);
    prop::collection::vec(atoms, 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_break_the_invariants(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_document(&bytes);
    }

    #[test]
    fn arbitrary_unicode_never_breaks_the_invariants(s in "\\PC{0,300}") {
        check_document(s.as_bytes());
    }

    #[test]
    fn reportish_text_never_breaks_the_invariants(s in reportish()) {
        check_document(s.as_bytes());
    }
}

/// One generated mention: the text, and the value and unit the extractor must give back.
#[derive(Debug, Clone)]
struct Mention {
    text: String,
    value: f64,
    unit: String,
}

fn number() -> impl Strategy<Value = (String, f64)> {
    prop_oneof![
        (1u32..100_000).prop_map(|n| (n.to_string(), f64::from(n))),
        (1u32..10_000, 1u32..10)
            .prop_map(|(a, b)| (format!("{a}.{b}"), format!("{a}.{b}").parse().unwrap())),
        (1u32..1000, 0u32..1000)
            .prop_map(|(a, b)| (format!("{a},{b:03}"), f64::from(a * 1000 + b))),
    ]
}

fn mention() -> impl Strategy<Value = Mention> {
    let magnitude = prop::sample::select(vec!["", "万", "亿", "万亿"]);
    let unit = prop::sample::select(vec![
        "元",
        "吨",
        "亩",
        "千瓦",
        "千瓦时",
        "个",
        "家",
        "人",
        "人次",
        "平方米",
        "公里",
        "套",
        "项",
    ]);
    let suffix = prop::sample::select(vec!["", "以上", "左右", "以内"]);
    let prefix = prop::sample::select(vec!["", "突破", "超过", "约", "达到", "完成"]);
    prop_oneof![
        (number(), magnitude, unit, suffix.clone(), prefix.clone()).prop_map(
            |((n, v), m, u, s, p)| Mention {
                text: format!("{p}{n}{m}{u}{s}"),
                value: v,
                unit: format!("{m}{u}"),
            }
        ),
        (number(), suffix, prefix).prop_map(|((n, v), s, p)| Mention {
            text: format!("{p}{n}%{s}"),
            value: v,
            unit: "%".into()
        }),
    ]
}

fn subject() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "地区生产总值",
        "粮食产量",
        "新建学校",
        "城镇新增就业",
        "完成营造林",
        "实施项目",
        "招商引资到位资金",
    ])
}

fn noise() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "",
        "坚持稳中求进，",
        "深入实施乡村振兴战略，",
        "各族群众满意度持续提升，",
        "推进“两重”建设，",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// A sentence built from subjects, numbers, magnitudes, units, comparators and noise gives
    /// back each generated mention's value and unit.
    #[test]
    fn generated_mentions_come_back(parts in prop::collection::vec((noise(), subject(), mention()), 1..6)) {
        let body: Vec<String> = parts.iter().map(|(n, s, m)| format!("{n}{s}{}", m.text)).collect();
        let text = format!("某省政府工作报告\n一、2025年工作回顾\n{}。\n", body.join("，"));
        let doc = gazette::analyse("g", text.as_bytes(), &IngestOptions::default()).unwrap();
        let found = extract(&doc);
        for (_, _, m) in &parts {
            prop_assert!(
                found.iter().any(|i| (i.value - m.value).abs() < 1e-9 && i.unit == m.unit && i.text.contains(&m.text[m.text.find(|c: char| c.is_ascii_digit()).unwrap()..])),
                "{} not found in {:?}", m.text, found.iter().map(|i| (&i.text, i.value, &i.unit)).collect::<Vec<_>>()
            );
        }
    }
}
