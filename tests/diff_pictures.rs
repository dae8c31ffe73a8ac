//! `gazette diff --chart FILE.svg` and `--format html`: the picture exists, parses as SVG, and
//! shows every row with its verdict.

mod common;
use common::run;

const EARLIER: &str = "fixtures/diff/earlier-2025.txt";
const LATER: &str = "fixtures/diff/later-2026.txt";

#[test]
fn the_chart_is_written_and_parses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chart.svg");
    let out = run(&[
        "diff",
        EARLIER,
        LATER,
        "--format",
        "json",
        "--chart",
        path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The table still goes to standard output.
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = json["rows"].as_array().unwrap().len();
    let svg = std::fs::read_to_string(&path).expect("the chart file");
    let doc = roxmltree::Document::parse(&svg).expect("the chart is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.descendants().filter_map(|d| d.text()).collect())
        .collect();
    // Every indicator is labelled in Chinese, with its verdict; the legend names the marks.
    for label in [
        "地区生产总值",
        "城镇调查失业率",
        "招商引资到位资金",
        "met_stretch",
        "missed",
        "not_reported",
        "力争 stretch",
        "目标 target",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(label)),
            "{label:?} not in the chart"
        );
    }
    // One result dot per row with a result, coloured; one target line per row.
    let dots = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .count();
    assert!(dots >= rows - 1, "{dots} dots for {rows} rows");
    let diamonds = doc.descendants().filter(|n| n.has_tag_name("path")).count();
    assert!(diamonds >= 2, "legend and the 力争 value of gdp_growth");
}

#[test]
fn the_html_page_holds_the_chart_and_the_table() {
    let out = run(&["diff", EARLIER, LATER, "--format", "html"]);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(page.contains("<table>"));
    assert!(!page.contains("<script"), "self-contained and inert");
    assert!(!page.contains("src=\"http"), "no outside files");
    let rows = page.matches("<tr><td>").count();
    assert_eq!(rows, 9, "one table row per indicator");
    // The embedded chart is well-formed XML too.
    let start = page.find("<svg").unwrap();
    let end = page.find("</svg>").unwrap() + "</svg>".len();
    roxmltree::Document::parse(&page[start..end]).expect("the embedded chart parses");
}

#[test]
fn an_unwritable_chart_path_is_an_error() {
    let out = run(&[
        "diff",
        EARLIER,
        LATER,
        "--chart",
        "/nonexistent-dir/chart.svg",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("chart"));
}
