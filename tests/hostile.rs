//! Hostile inputs through the binary: every broken PDF of `fixtures/pdf/bad/` and a set of
//! generated ones end with exit code 2 and one clear line on stderr naming the file, and nothing
//! on stdout; the three valid files among them open. A hang would hit the timeout.

use std::time::Duration;

mod common;

/// Files of `fixtures/pdf/bad/` that are valid and must open: encrypted with an empty user
/// password, and a GBK-EUC-H font that pdf-extract alone cannot read.
const VALID: &[&str] = &[
    "encrypted-aes256-nouserpw.pdf",
    "encrypted-rc4-128-nouserpw.pdf",
    "gbk-euc-h-with-tounicode.pdf",
];

fn run(path: &std::path::Path) -> std::process::Output {
    common::gazette()
        .args(["extract", "--format", "jsonl"])
        .arg(path)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

fn assert_clean_failure(path: &std::path::Path, out: &std::process::Output) {
    let name = path.display().to_string();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{name}: {err}");
    let lines: Vec<&str> = err.lines().filter(|l| !l.contains("warning:")).collect();
    assert_eq!(lines.len(), 1, "{name}: {err}");
    assert!(
        lines[0].starts_with("gazette: ") && lines[0].contains(&name),
        "{name}: {err}"
    );
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{name}: {err}"
    );
    // jsonl records the failure as an error record; nothing else.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.lines().all(|l| l.starts_with("{\"type\":\"error\"")),
        "{name}: {stdout}"
    );
}

#[test]
fn every_bad_pdf_fails_cleanly_or_opens_if_valid() {
    let mut seen = 0;
    for entry in std::fs::read_dir("fixtures/pdf/bad").unwrap().flatten() {
        let path = entry.path();
        let out = run(&path);
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        if VALID.contains(&file.as_str()) {
            assert!(
                out.status.success(),
                "{file}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                String::from_utf8_lossy(&out.stdout).starts_with("{\"type\":\"document\""),
                "{file}"
            );
        } else if file == "not-a-pdf.pdf" {
            // UTF-8 text named .pdf: the kind is read from the content, so it is text.
            assert!(out.status.success(), "{file}");
        } else {
            assert_clean_failure(&path, &out);
        }
        seen += 1;
    }
    assert!(seen >= 15, "{seen} files");
}

/// Inputs made here: PDF headers over junk, a truncated seed PDF at many lengths, a PDF whose
/// streams claim huge lengths, binary junk, NULs in text, invalid UTF-16.
#[test]
fn generated_hostile_inputs_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read("fixtures/pdf/xizang-2025-01.chromium-wqy-identity-h.pdf").unwrap();
    let mut cases: Vec<(String, Vec<u8>)> = vec![
        ("header-only.pdf".into(), b"%PDF-1.7\n".to_vec()),
        ("header-junk.pdf".into(), [b"%PDF-1.4\n".as_slice(), &[0xff; 4096]].concat()),
        (
            "huge-length.pdf".into(),
            b"%PDF-1.4\n1 0 obj <</Length 99999999999>> stream\nxx\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF"
                .to_vec(),
        ),
        ("elf.bin".into(), [b"\x7fELF\x02\x01\x01\0".as_slice(), &[0u8; 512]].concat()),
        ("nul-text.txt".into(), "增长5%\0\0\0".as_bytes().to_vec()),
        ("bad-utf16.txt".into(), vec![0xFF, 0xFE, 0x00, 0xD8, 0x41]),
    ];
    for cut in [100, 1000, seed.len() / 3, seed.len() / 2, seed.len() - 200] {
        cases.push((format!("cut-{cut}.pdf"), seed[..cut].to_vec()));
    }
    // Flip bytes in the cross-reference table and trailer region.
    let mut flipped = seed.clone();
    let n = flipped.len();
    for b in &mut flipped[n - 600..n - 10] {
        *b ^= 0x5a;
    }
    cases.push(("flipped-xref.pdf".into(), flipped));
    for (name, bytes) in cases {
        let path = dir.path().join(&name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(&path);
        assert_clean_failure(&path, &out);
    }
}
