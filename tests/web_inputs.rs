//! Reports as people find them: a traditional-script excerpt, a government web page, the same
//! page saved as text with its chrome. Each must give the same indicators as the plain simplified
//! text of the report (`fixtures/web/report.txt`).

use gazette::lexicon::units::simplify_for_matching;
use serde_json::Value;
use std::process::Output;

const PLAIN: &str = "fixtures/web/report.txt";
const TRADITIONAL: &str = "fixtures/web/report.zh-hant.txt";

fn gazette() -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("gazette");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn run(args: &[&str]) -> Output {
    gazette().args(args).output().expect("run gazette")
}

fn stdout_of(args: &[&str]) -> String {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "gazette {args:?} failed: {stderr}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

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
