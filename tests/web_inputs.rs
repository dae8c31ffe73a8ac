//! Reports as people find them: a traditional-script excerpt, a government web page, the same
//! page saved as text with its chrome. Each must give the same indicators as the plain simplified
//! text of the report (`fixtures/web/report.txt`).

use gazette::lexicon::units::simplify_for_matching;
use serde_json::Value;

mod common;
use common::stdout_of;

const PLAIN: &str = "fixtures/web/report.txt";
const TRADITIONAL: &str = "fixtures/web/report.zh-hant.txt";

fn extract(path: &str) -> Value {
    let out = stdout_of(&["extract", path, "--kind", "all", "--format", "json"]);
    serde_json::from_str(&out).expect("valid JSON")
}

/// What makes two mentions the same indicator: everything but the source's own spelling
/// (`sentence`, `text`, `unit` keep the characters of the input).
const SAME: &[&str] = &[
    "indicator",
    "key",
    "label_en",
    "value",
    "high",
    "unit_class",
    "base_value",
    "base_high",
    "base_unit",
    "comparator",
    "stretch",
    "direction",
    "kind",
    "year",
    "period",
    "section",
];

/// Strings in simplified characters (section titles keep the input's characters).
fn folded(v: &Value) -> Value {
    match v.as_str() {
        Some(s) => Value::from(simplify_for_matching(s).into_owned()),
        None => v.clone(),
    }
}

fn indicators(doc: &Value) -> Vec<Value> {
    doc["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| {
            let mut o = serde_json::Map::new();
            for k in SAME {
                o.insert(k.to_string(), folded(&i[*k]));
            }
            Value::Object(o)
        })
        .collect()
}

fn assert_same_indicators(path: &str) -> (Value, Value) {
    let plain = extract(PLAIN);
    let other = extract(path);
    let (a, b) = (indicators(&plain), indicators(&other));
    assert!(a.len() >= 40, "the plain text gives {} mentions", a.len());
    for (k, (x, y)) in a.iter().zip(&b).enumerate() {
        assert_eq!(x, y, "mention {k} of {path} differs from the plain text");
    }
    assert_eq!(a.len(), b.len(), "{path}: number of mentions");
    for field in ["title", "date", "speaker", "result_year", "target_year"] {
        assert_eq!(
            folded(&plain["document"][field]),
            folded(&other["document"][field]),
            "{path}: document.{field}"
        );
    }
    (plain, other)
}

#[test]
fn traditional_script_gives_the_indicators_of_the_simplified_text() {
    let (plain, trad) = assert_same_indicators(TRADITIONAL);
    // The sentence and the mention keep the original characters, at the same place.
    let first = &trad["indicators"][0];
    assert_eq!(first["text"], "6.2萬億元");
    assert_eq!(first["unit"], "萬億元");
    assert!(first["sentence"].as_str().unwrap().contains("地區生產總值"));
    assert_eq!(first["span"], plain["indicators"][0]["span"]);
    let ceiling = trad["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "unemployment_rate" && i["kind"] == "target")
        .expect("unemployment target");
    assert_eq!(ceiling["text"], "5.5%以內");
    assert_eq!(ceiling["comparator"], "le");
    assert_eq!(trad["document"]["title"], "2026年某某省政府工作報告");
    assert_eq!(
        trad["indicators"][0]["section"], "一、2025年工作回顧",
        "section titles keep the input's characters"
    );
    // `gazette text` keeps the input's characters.
    let text = stdout_of(&["text", TRADITIONAL]);
    assert!(text.contains("城鎮調查失業率控制在5.5%以內"));
    assert!(text.contains("「十五五」"));
}

const HTML: &str = "fixtures/web/report.html";
const SAVED: &str = "fixtures/web/report.saved.txt";

#[test]
fn a_government_web_page_gives_the_indicators_of_the_plain_text() {
    let (_, page) = assert_same_indicators(HTML);
    assert_eq!(page["source"]["kind"], "html");
    // The article's text, without the page's chrome: the same lines as the plain text.
    let text = stdout_of(&["text", HTML]);
    for chrome in [
        "首页",
        "登录",
        "分享到",
        "字号",
        "相关报道",
        "主办",
        "访问量",
        "统计",
        "热点专题",
        "doZoom",
    ] {
        assert!(!text.contains(chrome), "{chrome:?} left in the text");
    }
    let plain = stdout_of(&["text", PLAIN]);
    for line in plain.lines().skip(3) {
        assert!(text.contains(line), "{line:?} missing from the page's text");
    }
}

#[test]
fn a_page_saved_as_text_gives_the_indicators_of_the_plain_text() {
    assert_same_indicators(SAVED);
}

/// The kinds of the top of the tree and of the report's children, and the report's last part's
/// last line.
fn outline(path: &str) -> (Vec<String>, Vec<String>, String) {
    let doc: Value = serde_json::from_str(&stdout_of(&["sections", path, "--format", "json"]))
        .expect("valid JSON");
    let text = stdout_of(&["text", path]);
    let kinds = |n: &Value| -> Vec<String> {
        n["children"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["kind"].as_str().unwrap().to_string())
            .collect()
    };
    let top = kinds(&doc["tree"]);
    let report = doc["tree"]["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "work_report")
        .expect("a work report")
        .clone();
    let end = report["span"][1].as_u64().unwrap() as usize;
    let before_end: String = text.chars().take(end).collect();
    let last = before_end.lines().last().unwrap_or("").to_string();
    (top, kinds(&report), last)
}

#[test]
fn the_report_starts_and_ends_inside_the_chrome() {
    let closing = "各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，为奋力谱写中国式现代化新篇章而不懈奋斗！";
    let header = [
        "title",
        "delivery_line",
        "speaker",
        "preamble",
        "part",
        "part",
        "part",
    ];
    // Saved as text: the chrome before the title is front matter, the page's footer back matter.
    let (top, report, last) = outline(SAVED);
    assert_eq!(top, ["front_matter", "work_report", "back_matter"]);
    assert_eq!(report, header);
    assert_eq!(last, closing);
    // The web page: the footer is gone with the markup; the report ends at its last line.
    let (top, report, last) = outline(HTML);
    assert_eq!(top, ["work_report"]);
    assert_eq!(report, header);
    assert_eq!(last, closing);
    // The title is the report's, not the breadcrumb's `政府工作报告`; the source and time lines
    // between the header lines are in no part of the report.
    let doc: Value = serde_json::from_str(&stdout_of(&[
        "sections",
        SAVED,
        "--format",
        "json",
        "--depth",
        "paragraph",
    ]))
    .unwrap();
    assert_eq!(doc["document"]["title"], "2026年某某省政府工作报告");
    let json = doc.to_string();
    assert!(!json.contains("某某日报"), "chrome in a node: {json}");
}
