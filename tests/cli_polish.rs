//! The command line as people meet it: completions, a manual page, examples in every `--help`,
//! colour only on a terminal, English labels with `--lang en`.

use serde_json::Value;

mod common;
use common::{gazette, run, stdout_of};

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains("gazette"), "{shell}");
        for word in ["extract", "diff", "chart", "lang"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    assert!(!run(&["completions", "tcsh"]).status.success());
}

#[test]
fn a_manual_page() {
    let man = stdout_of(&["man"]);
    assert!(man.contains(".TH gazette 1"));
    for word in ["extract", "sections", "diff", "completions"] {
        assert!(man.contains(word), "the manual page lacks {word}");
    }
    assert!(
        !man.contains("__pdf-worker"),
        "internal commands stay hidden"
    );
}

#[test]
fn every_command_has_examples_in_its_help() {
    for cmd in [
        &[][..],
        &["sections"],
        &["text"],
        &["extract"],
        &["diff"],
        &["completions"],
        &["man"],
    ] {
        let mut args = cmd.to_vec();
        args.push("--help");
        let help = stdout_of(&args);
        assert!(help.contains("Examples:"), "gazette {cmd:?} --help: {help}");
    }
}

#[test]
fn no_colour_when_not_on_a_terminal_or_with_no_color() {
    let args = [
        "diff",
        "fixtures/diff/earlier-2025.txt",
        "fixtures/diff/later-2026.txt",
    ];
    let piped = run(&args);
    assert!(
        !piped.stdout.contains(&0x1b),
        "escape codes in piped output"
    );
    // Piped output is never coloured, so this half holds with or without `NO_COLOR`: the rule
    // for `NO_COLOR` itself is checked on `style::colour_wanted` (a test cannot give the binary a
    // terminal).
    let out = gazette().env("NO_COLOR", "1").args(args).output().unwrap();
    assert!(!out.stdout.contains(&0x1b));
    assert!(!out.stderr.contains(&0x1b));
}

#[test]
fn english_labels_in_tables_and_an_extra_json_field() {
    let report = "fixtures/web/report.txt";
    let table = stdout_of(&["extract", report, "--lang", "en"]);
    assert!(table.contains("GDP growth"));
    assert!(table.contains("Surveyed urban unemployment rate"));
    // Indicators the catalogue does not know keep their name.
    assert!(table.contains("新能源汽车产量"));
    let zh = stdout_of(&["extract", report]);
    assert!(!zh.contains("GDP growth"));

    let json: Value = serde_json::from_str(&stdout_of(&[
        "extract", report, "--format", "json", "--lang", "en",
    ]))
    .unwrap();
    let gdp = json["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "gdp_growth")
        .unwrap();
    assert_eq!(gdp["label"], "GDP growth");
    assert_eq!(gdp["indicator"], "地区生产总值");
    // Without --lang the JSON is as it was: no `label`.
    let plain: Value =
        serde_json::from_str(&stdout_of(&["extract", report, "--format", "json"])).unwrap();
    assert!(plain["indicators"][0].get("label").is_none());

    let diff: Value = serde_json::from_str(&stdout_of(&[
        "diff", report, "--format", "json", "--lang", "en",
    ]))
    .unwrap();
    assert_eq!(diff["rows"][0]["label"], "GDP growth");
    let md = stdout_of(&["diff", report, "--format", "markdown", "--lang", "en"]);
    assert!(md.contains("| GDP growth (`gdp_growth`) |"));
}
