//! Batch runs of `gazette extract` through the real binary: many inputs, directories,
//! `--files-from` lists, parallel workers, output in input order, failing files, exit codes and a
//! closed pipe.
//!
//! Everything read here lives under `fixtures/` or is written into a temporary directory.

use serde_json::Value;
use std::io::Read;
use std::path::Path;
use std::process::{Output, Stdio};

mod common;
use common::{gazette, project_file, run};

const SEED: &str = "fixtures/xizang-2025-01.txt";
const PAGED: &str = "fixtures/text/paged-report.txt";
const WEB: &str = "fixtures/text/web-report.txt";
const SEED_GB18030: &str = "fixtures/gb18030/xizang-2025-01.gb18030.txt";

/// A temporary directory with `n` reports of very different sizes (so that workers finish out of
/// order), named `r00.txt` … in the order they should come out.
fn archive(n: usize) -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let sources = [SEED, PAGED, WEB, SEED_GB18030];
    let mut paths = Vec::new();
    for i in 0..n {
        let path = dir.path().join(format!("r{i:02}.txt"));
        std::fs::copy(project_file(sources[i % sources.len()]), &path).unwrap();
        paths.push(path.to_str().unwrap().to_string());
    }
    (dir, paths)
}

/// The JSON Lines records of an output.
fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON value per line"))
        .collect()
}

/// `(type, source path)` of each document and error record, in output order.
fn sources(out: &Output) -> Vec<(String, String)> {
    records(out)
        .iter()
        .filter(|r| r["type"] != "indicator")
        .map(|r| {
            let ty = r["type"].as_str().unwrap().to_string();
            let source = match ty.as_str() {
                "document" => r["data"]["source"]["path"].as_str(),
                _ => r["data"]["source"].as_str(),
            };
            (ty, source.unwrap().to_string())
        })
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn output_follows_the_input_order_whatever_the_number_of_workers() {
    let (_dir, paths) = archive(12);
    // Given in an order that is neither the names' nor the sizes'.
    let mut given = paths.clone();
    given.reverse();
    given.swap(2, 7);
    let mut args = vec!["extract", "--format", "jsonl", "--kind", "all"];
    args.extend(given.iter().map(String::as_str));
    let one = run(&[&args[..], &["-j", "1"]].concat());
    let four = run(&[&args[..], &["-j", "4"]].concat());
    assert!(one.status.success(), "{}", stderr(&one));
    assert!(four.status.success(), "{}", stderr(&four));
    let order: Vec<String> = sources(&four).into_iter().map(|(_, s)| s).collect();
    assert_eq!(order, given);
    // Every indicator follows its own document record.
    let mut current = String::new();
    for r in records(&four) {
        match r["type"].as_str().unwrap() {
            "document" => current = r["data"]["source"]["path"].as_str().unwrap().into(),
            "indicator" => assert_eq!(r["data"]["source"].as_str().unwrap(), current),
            other => panic!("unexpected record {other}"),
        }
    }
    assert_eq!(one.stdout, four.stdout, "output depends on the workers");
}

#[test]
fn a_failing_file_in_the_middle_is_reported_and_the_run_goes_on() {
    let (dir, paths) = archive(2);
    let missing = dir.path().join("missing.txt");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let (missing, empty) = (missing.to_str().unwrap(), empty.to_str().unwrap());
    let out = run(&[
        "extract", "--format", "jsonl", &paths[0], missing, empty, &paths[1],
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        sources(&out),
        vec![
            ("document".to_string(), paths[0].clone()),
            ("error".to_string(), missing.to_string()),
            ("error".to_string(), empty.to_string()),
            ("document".to_string(), paths[1].clone()),
        ]
    );
    let errors: Vec<Value> = records(&out)
        .into_iter()
        .filter(|r| r["type"] == "error")
        .collect();
    assert!(
        errors[0]["data"]["message"]
            .as_str()
            .unwrap()
            .contains("No such file")
    );
    assert!(
        errors[1]["data"]["message"]
            .as_str()
            .unwrap()
            .contains("empty")
    );
    // One line per failed file, in input order, then the summary.
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with(&format!("gazette: {missing}: ")),
        "{err}"
    );
    assert_eq!(lines[0].matches("No such file").count(), 1, "{err}");
    assert!(
        lines[1].starts_with(&format!("gazette: {empty}: ")),
        "{err}"
    );
    let indicators = records(&out)
        .iter()
        .filter(|r| r["type"] == "indicator")
        .count();
    let summary = lines[2];
    assert!(
        summary.starts_with(&format!(
            "4 files, 2 ok, 2 failed, {indicators} indicators, "
        )),
        "{summary}"
    );
    assert!(summary.ends_with(" s"), "{summary}");
    assert!(!err.contains("panicked"));
}

#[test]
fn every_format_keeps_going_past_a_failed_file() {
    let (dir, paths) = archive(2);
    let missing = dir.path().join("missing.txt");
    let missing = missing.to_str().unwrap();
    let json = run(&["extract", "--format", "json", &paths[0], missing, &paths[1]]);
    assert_eq!(json.status.code(), Some(2));
    let docs: Value = serde_json::from_slice(&json.stdout).expect("one JSON array");
    let names: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec![paths[0].as_str(), paths[1].as_str()]);
    let csv = run(&["extract", "--format", "csv", missing, &paths[0], &paths[1]]);
    assert_eq!(csv.status.code(), Some(2));
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.starts_with("source,kind,indicator,"), "{text}");
    assert_eq!(text.matches("source,kind,indicator,").count(), 1);
    // Every input failed: still valid JSON, and exit code 2.
    let none = run(&["extract", "--format", "json", missing, missing]);
    assert_eq!(none.status.code(), Some(2));
    assert_eq!(String::from_utf8(none.stdout).unwrap(), "[]\n");
}

#[test]
fn directories_are_walked_in_name_order() {
    let (dir, _) = archive(3);
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::copy(project_file(PAGED), dir.path().join("sub/a.txt")).unwrap();
    std::fs::write(dir.path().join("notes.md"), "不是报告").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "隐藏").unwrap();
    let root = dir.path().to_str().unwrap();
    let out = run(&["extract", "--format", "jsonl", root]);
    assert!(out.status.success(), "{}", stderr(&out));
    let names: Vec<String> = sources(&out)
        .into_iter()
        .map(|(_, s)| {
            Path::new(&s)
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, vec!["r00.txt", "r01.txt", "r02.txt", "sub/a.txt"]);
}

#[test]
fn files_from_a_list_with_lines_or_nul_separators() {
    let (dir, paths) = archive(3);
    // A name with a space, and one with a line break, which only a NUL-separated list can carry.
    let spaced = dir.path().join("with space.txt");
    let broken = dir.path().join("line\nbreak.txt");
    std::fs::copy(project_file(WEB), &spaced).unwrap();
    std::fs::copy(project_file(PAGED), &broken).unwrap();
    let spaced = spaced.to_str().unwrap().to_string();
    let broken = broken.to_str().unwrap().to_string();

    let list = dir.path().join("list.txt");
    std::fs::write(
        &list,
        format!("{}\r\n{spaced}\n\n{}\n{}\n", paths[2], paths[0], paths[1]),
    )
    .unwrap();
    let by_lines = run(&[
        "extract",
        "--format",
        "jsonl",
        "--files-from",
        list.to_str().unwrap(),
    ]);
    assert!(by_lines.status.success(), "{}", stderr(&by_lines));
    let names: Vec<String> = sources(&by_lines).into_iter().map(|(_, s)| s).collect();
    assert_eq!(
        names,
        vec![
            paths[2].clone(),
            spaced.clone(),
            paths[0].clone(),
            paths[1].clone()
        ]
    );

    // `find … -print0 | gazette extract --files-from - -0`; a directory in the list is skipped.
    let nul_list = format!(
        "{}\0{broken}\0{}\0{spaced}\0",
        paths[1],
        dir.path().to_str().unwrap()
    );
    let by_nul = gazette()
        .args(["extract", "--format", "jsonl", "--files-from", "-", "-0"])
        .write_stdin(nul_list)
        .output()
        .unwrap();
    assert!(by_nul.status.success(), "{}", stderr(&by_nul));
    let names: Vec<String> = sources(&by_nul).into_iter().map(|(_, s)| s).collect();
    assert_eq!(names, vec![paths[1].clone(), broken, spaced]);

    // Arguments come first, then the list.
    let both = run(&[
        "extract",
        "--format",
        "jsonl",
        &paths[0],
        "--files-from",
        list.to_str().unwrap(),
    ]);
    assert_eq!(sources(&both).len(), 5);
    assert_eq!(sources(&both)[0].1, paths[0]);
}

#[test]
fn exit_codes() {
    let (dir, paths) = archive(2);
    // All good: 0, and a summary line for several files.
    let ok = run(&["extract", "--format", "csv", &paths[0], &paths[1]]);
    assert_eq!(ok.status.code(), Some(0));
    let err = stderr(&ok);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("2 files, 2 ok, 0 failed, "), "{err}");
    // One file: nothing on stderr.
    let one = run(&["extract", "--format", "csv", &paths[0]]);
    assert_eq!(one.status.code(), Some(0));
    assert!(one.stderr.is_empty(), "{}", stderr(&one));
    // --quiet: no summary.
    let quiet = run(&["extract", "--format", "csv", "-q", &paths[0], &paths[1]]);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stderr.is_empty(), "{}", stderr(&quiet));
    // Any failure: 2.
    let missing = dir.path().join("missing.txt");
    let bad = run(&["extract", "-q", &paths[0], missing.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    // Nothing to read: 2 with a reason.
    let empty = tempfile::tempdir().unwrap();
    let none = run(&["extract", empty.path().to_str().unwrap()]);
    assert_eq!(none.status.code(), Some(2));
    assert!(
        stderr(&none).contains("no input files"),
        "{}",
        stderr(&none)
    );
    // A list that cannot be read: 2.
    let nolist = run(&["extract", "--files-from", missing.to_str().unwrap()]);
    assert_eq!(nolist.status.code(), Some(2));
    assert!(stderr(&nolist).contains("missing.txt"));
    // No input at all is a usage error.
    assert_eq!(run(&["extract"]).status.code(), Some(2));
}

#[test]
fn standard_input_is_one_input_among_others() {
    let (_dir, paths) = archive(1);
    let out = gazette()
        .args(["extract", "--format", "jsonl", &paths[0], "-"])
        .write_stdin(std::fs::read(project_file(WEB)).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let names: Vec<String> = sources(&out).into_iter().map(|(_, s)| s).collect();
    assert_eq!(names, vec![paths[0].clone(), "-".to_string()]);
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    // Far more output than a pipe holds, so that gazette is still writing when the reader goes.
    let (_dir, paths) = archive(60);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("gazette"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["extract", "--format", "jsonl", "--kind", "all"])
        .args(&paths)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 4096];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "status {status:?}, stderr {err}");
    assert!(err.is_empty(), "stderr: {err}");
}

#[test]
fn a_large_file_reads_the_same_mapped_or_read() {
    // Past the size from which files are mapped into memory (gazette::MAP_MIN_SIZE).
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read(project_file(SEED)).unwrap();
    let copies = (gazette::MAP_MIN_SIZE as usize).div_ceil(seed.len()) + 1;
    let path = dir.path().join("large.txt");
    std::fs::write(&path, seed.repeat(copies)).unwrap();
    let path = path.to_str().unwrap();
    let extract = |extra: &[&str]| {
        let out = gazette()
            .args(["extract", "--format", "jsonl", "--kind", "all", path])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        out.stdout
    };
    let mapped = extract(&[]);
    let read = extract(&["--no-mmap"]);
    let found = records(&run(&["extract", "--format", "jsonl", SEED])).len() - 1;
    // Each copy of the seed gives its figures, and both ways of reading give the same bytes.
    assert!(
        String::from_utf8_lossy(&mapped).lines().count() > copies * found / 2,
        "too few records"
    );
    assert_eq!(mapped, read);
}
