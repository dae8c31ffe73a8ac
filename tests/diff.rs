//! `gazette diff` through the binary: the seed's headline table, a two-report comparison on
//! reports written for this test, and the exit codes CI relies on.

use assert_cmd::Command;
use serde_json::Value;

fn gazette() -> Command {
    Command::cargo_bin("gazette").expect("binary")
}

fn diff_json(args: &[&str]) -> Value {
    let out = gazette()
        .arg("diff")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn row<'a>(diff: &'a Value, key: &str) -> &'a Value {
    diff["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == key)
        .unwrap_or_else(|| panic!("no row {key}"))
}

fn close(a: &Value, b: &Value) -> bool {
    (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 1e-9
}

/// Every row of the hand-made headline table with both sides comes out paired, with the same
/// values, units, comparators and stretch values.
#[test]
fn seed_gives_the_headline_table() {
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string("fixtures/gold/xizang-2025-01.headline.json").unwrap(),
    )
    .unwrap();
    let diff = diff_json(&["fixtures/xizang-2025-01.txt"]);
    assert_eq!(diff["result_year"], 2024);
    assert_eq!(diff["target_year"], 2025);
    let mut checked = 0;
    for g in gold["rows"].as_array().unwrap() {
        if g["result"].is_null() || g["target"].is_null() {
            continue;
        }
        let key = g["key"].as_str().unwrap();
        let r = row(&diff, key);
        for side in ["result", "target"] {
            assert!(
                close(&r[side]["value"], &g[side]["value"]),
                "{key} {side}: {r}"
            );
            assert_eq!(
                r[side]["unit"].as_str().unwrap().replace(['（', '）'], ""),
                g[side]["unit"].as_str().unwrap().replace(['(', ')'], ""),
                "{key}"
            );
            assert_eq!(r[side]["comparator"], g[side]["comparator"], "{key} {side}");
        }
        match g["target"]["stretch"].as_f64() {
            Some(s) => assert!(close(&r["target"]["stretch"], &Value::from(s)), "{key}"),
            None => assert!(r["target"]["stretch"].is_null(), "{key}: {r}"),
        }
        checked += 1;
    }
    assert_eq!(checked, 23);
    // One-sided indicators only with --all.
    let all = diff_json(&["fixtures/xizang-2025-01.txt", "--all"]);
    assert!(row(&all, "trade_growth")["target"].is_null());
    assert!(
        diff["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["key"] != "trade_growth")
    );
}

#[test]
fn seed_verdicts_and_changes() {
    let diff = diff_json(&["fixtures/xizang-2025-01.txt"]);
    let gdp = row(&diff, "gdp_growth");
    assert_eq!(gdp["verdict"], "raised");
    assert!(close(&gdp["change"]["value"], &Value::from(0.7)));
    assert_eq!(gdp["change"]["kind"], "pp");
    assert_eq!(row(&diff, "industry_va_growth")["verdict"], "lowered");
    assert_eq!(row(&diff, "unemployment_rate")["verdict"], "held");
    let grain = row(&diff, "grain_output");
    assert_eq!(grain["change"]["kind"], "ratio");
    let ratio = grain["change"]["value"].as_f64().unwrap();
    assert!((ratio - 100.0 / 110.0).abs() < 1e-6, "{ratio}");
}

/// Targets of a 2025 report against the results that a 2026 report gives for 2025.
#[test]
fn two_reports_met_missed_stretch_tolerance_bounds_and_units() {
    let diff = diff_json(&[
        "fixtures/diff/earlier-2025.txt",
        "fixtures/diff/later-2026.txt",
    ]);
    assert_eq!(diff["mode"], "compare");
    let verdict = |k: &str| row(&diff, k)["verdict"].as_str().unwrap().to_string();
    assert_eq!(verdict("gdp_growth"), "met_stretch"); // 5.8 ≥ 5, and ≥ the 力争 5.5
    assert_eq!(verdict("fai_growth"), "met"); // 5.7 within 0.5 of 6左右
    assert_eq!(verdict("retail_growth"), "missed"); // 4.9 outside 0.5 of 6左右
    assert_eq!(verdict("unemployment_rate"), "met"); // 5.2 ≤ 5.5: an upper bound
    assert_eq!(verdict("cpi_growth"), "met"); // 2.3 ≤ 2左右 + 0.5: an upper bound
    assert_eq!(verdict("energy_intensity_change"), "met"); // a fall of 3.5% meets a fall of 3%
    assert_eq!(verdict("new_urban_jobs"), "met");
    assert_eq!(verdict("attracted_investment"), "missed"); // 11800亿元 < 1.2万亿元
    assert_eq!(verdict("grain_output"), "not_reported");
    // A tighter tolerance turns the CPI and investment verdicts.
    let strict = diff_json(&[
        "fixtures/diff/earlier-2025.txt",
        "fixtures/diff/later-2026.txt",
        "--tolerance",
        "0.2",
    ]);
    assert_eq!(row(&strict, "cpi_growth")["verdict"], "missed");
    assert_eq!(row(&strict, "fai_growth")["verdict"], "missed");
}

#[test]
fn years_must_line_up_unless_forced() {
    let out = gazette()
        .args([
            "diff",
            "fixtures/diff/later-2026.txt",
            "fixtures/diff/earlier-2025.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("--force"), "{err}");
    assert!(out.stdout.is_empty());
    gazette()
        .args([
            "diff",
            "fixtures/diff/later-2026.txt",
            "fixtures/diff/earlier-2025.txt",
            "--force",
        ])
        .assert()
        .success();
}

#[test]
fn fail_on_sets_the_exit_code_after_printing_everything() {
    let two = [
        "diff",
        "fixtures/diff/earlier-2025.txt",
        "fixtures/diff/later-2026.txt",
    ];
    let run = |extra: &[&str]| gazette().args(two).args(extra).output().unwrap();
    let missed = run(&["--fail-on", "missed"]);
    assert_eq!(missed.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&missed.stdout).contains("grain_output"),
        "whole table printed"
    );
    assert_eq!(
        String::from_utf8_lossy(&missed.stderr),
        "gazette: 8 pairs: 5 met, 1 met_stretch, 2 missed, 1 not_reported\n"
    );
    assert_eq!(run(&["--fail-on", "lowered"]).status.code(), Some(0));
    assert_eq!(run(&["--fail-on", "any"]).status.code(), Some(1));
    assert_eq!(run(&[]).status.code(), Some(0));
    let seed = |mode: &str| {
        gazette()
            .args(["diff", "fixtures/xizang-2025-01.txt", "--fail-on", mode])
            .output()
            .unwrap()
    };
    assert_eq!(seed("lowered").status.code(), Some(1));
    assert_eq!(seed("missed").status.code(), Some(0));
    gazette()
        .args(["diff", "no/such/report.txt", "--fail-on", "missed"])
        .assert()
        .code(2);
}

#[test]
fn markdown_and_csv_read_well() {
    let out = gazette()
        .args([
            "diff",
            "fixtures/diff/earlier-2025.txt",
            "fixtures/diff/later-2026.txt",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("| indicator | result | target | change | verdict |"));
    assert!(
        md.contains(
            "| 地区生产总值 (`gdp_growth`) | 5.8% | ≥5% (力争5.5%) | +0.8 pp | ✅ met_stretch |"
        ),
        "{md}"
    );
    let out = gazette()
        .args(["diff", "fixtures/xizang-2025-01.txt", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("indicator,key,result_value"));
    assert_eq!(csv.lines().count(), 24);
}
