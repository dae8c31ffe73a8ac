//! The PDF path against the fixtures of `fixtures/pdf` (described in
//! shared/corpus/pdf/README.md): the same report typeset by several producers, and broken files.
//!
//! Good files are parsed in this process; files that make pdf-extract panic or overflow its
//! stack go through the worker process of the real binary.

use std::path::PathBuf;
use std::time::Duration;

use gazette::error::IngestError;
use gazette::ingest::isolate::{WorkerOptions, extract_pages_isolated_with};
use gazette::ingest::pdf::{PdfText, extract_pages};

fn fixture_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

fn fixture(rel: &str) -> Vec<u8> {
    let path = fixture_path(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn reference() -> String {
    String::from_utf8(fixture("xizang-2025-01.txt")).expect("reference is UTF-8")
}

fn worker() -> WorkerOptions {
    WorkerOptions {
        exe: Some(PathBuf::from(env!("CARGO_BIN_EXE_gazette"))),
        ..WorkerOptions::default()
    }
}

fn isolated(rel: &str, password: Option<&str>) -> Result<PdfText, IngestError> {
    extract_pages_isolated_with(&fixture(rel), password, &worker())
}

fn pdf_message(r: Result<PdfText, IngestError>) -> String {
    match r {
        Err(IngestError::Pdf(m)) => m,
        other => panic!("expected IngestError::Pdf, got {other:?}"),
    }
}

fn notext_message(r: Result<PdfText, IngestError>) -> String {
    match r {
        Err(IngestError::NoText(m)) => m,
        other => panic!("expected IngestError::NoText, got {other:?}"),
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// The CJK ideographs and ASCII digits of a text, in order: what every producer must keep.
fn han_and_digits(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| is_han(c) || c.is_ascii_digit())
        .collect()
}

/// Length of the longest common subsequence, by Myers' O((N+M)·D) shortest edit script: the
/// sequences are long (~11 000) and nearly equal, where the quadratic table would be slow.
fn lcs_len(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    let offset = max as isize;
    let mut v = vec![0isize; 2 * max + 2];
    for d in 0..=max as isize {
        let mut k = -d;
        while k <= d {
            let idx = (k + offset) as usize;
            let mut x = if k == -d || (k != d && v[idx - 1] < v[idx + 1]) {
                v[idx + 1]
            } else {
                v[idx - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[idx] = x;
            if x >= n && y >= m {
                // d insertions and deletions in all: the rest is common.
                return ((n + m - d) / 2) as usize;
            }
            k += 2;
        }
    }
    0
}

/// difflib-like similarity: 2·LCS / (|a| + |b|).
fn similarity(a: &[char], b: &[char]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * lcs_len(a, b) as f64 / (a.len() + b.len()) as f64
}

#[test]
fn lcs_metric_sanity() {
    let a: Vec<char> = "ABCBDAB".chars().collect();
    let b: Vec<char> = "BDCABA".chars().collect();
    assert_eq!(lcs_len(&a, &b), 4);
    assert_eq!(similarity(&a, &a), 1.0);
    assert_eq!(lcs_len(&a, &[]), 0);
}

/// A line that is nothing but a page number: `— 3 —`, `- 3 -`, or the page's own number.
fn is_page_number_line(line: &str, page_no: usize) -> bool {
    let core: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let stripped = core.trim_matches(|c| matches!(c, '-' | '—' | '–' | '―'));
    let dashed = stripped.len() < core.len()
        && !stripped.is_empty()
        && stripped.chars().all(|c| c.is_ascii_digit());
    dashed || stripped == page_no.to_string() || stripped == format!("第{page_no}页")
}

/// Two CJK characters (or CJK punctuation) with a blank between them.
fn has_space_inside_cjk(s: &str) -> bool {
    let cs: Vec<char> = s.chars().collect();
    let cjk = |c: char| {
        is_han(c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    cs.windows(3)
        .any(|w| cjk(w[0]) && w[1].is_whitespace() && cjk(w[2]))
}

/// Share of the reference's paragraphs that come out as paragraphs of their own (compared on
/// their ideographs and digits), counting one that a page break splits as found when its two
/// halves end one page and start the next.
fn paragraph_recall(pages: &[String], reference: &str) -> f64 {
    let per_page: Vec<Vec<Vec<char>>> = pages
        .iter()
        .map(|p| {
            p.split("\n\n")
                .map(han_and_digits)
                .filter(|x| !x.is_empty())
                .collect()
        })
        .collect();
    let mut whole: Vec<Vec<char>> = per_page.iter().flatten().cloned().collect();
    for w in per_page.windows(2) {
        if let (Some(last), Some(first)) = (w[0].last(), w[1].first()) {
            whole.push(last.iter().chain(first).copied().collect());
        }
    }
    let refs: Vec<Vec<char>> = reference
        .lines()
        .map(han_and_digits)
        .filter(|x| !x.is_empty())
        .collect();
    let found = refs.iter().filter(|r| whole.contains(r)).count();
    found as f64 / refs.len() as f64
}

/// Everything a good fixture must satisfy; returns its text for more checks.
fn check_good(rel: &str, expected_pages: usize) -> PdfText {
    let text = extract_pages(&fixture(rel), None).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert_eq!(text.pages.len(), expected_pages, "{rel}: page count");
    let reference = reference();
    let all = text.pages.join("\n\n");
    let sim = similarity(&han_and_digits(&reference), &han_and_digits(&all));
    assert!(
        sim >= 0.99,
        "{rel}: ideographs and digits match the reference at {sim:.4} < 0.99"
    );
    for (i, page) in text.pages.iter().enumerate() {
        let n = i + 1;
        assert!(!page.trim().is_empty(), "{rel}: page {n} is empty");
        assert!(
            !page.contains("西藏自治区人民政府公报 2025年第1期"),
            "{rel}: running header on page {n}"
        );
        assert!(
            !page.contains("2025年第1期"),
            "{rel}: running header on page {n}"
        );
        for line in page.lines() {
            assert!(
                !is_page_number_line(line, n),
                "{rel}: page number line {line:?} on page {n}"
            );
        }
        assert!(
            !page
                .as_bytes()
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b' ' && w[2].is_ascii_digit()),
            "{rel}: space inside a number on page {n}"
        );
        assert!(
            !has_space_inside_cjk(page),
            "{rel}: space between CJK characters on page {n}"
        );
        assert!(
            !page.chars().any(|c| c.is_control() && c != '\n'),
            "{rel}: control character on page {n}"
        );
        assert!(
            !page.chars().any(|c| ('\u{2e80}'..='\u{2fdf}').contains(&c)),
            "{rel}: CJK radical code point on page {n}"
        );
        // Wrapped lines are joined: a single newline only ever appears as part of "\n\n".
        assert!(
            !page.replace("\n\n", "").contains('\n'),
            "{rel}: unjoined line on page {n}"
        );
    }
    let recall = paragraph_recall(&text.pages, &reference);
    eprintln!(
        "{rel}: {} pages, similarity {sim:.5}, paragraph recall {recall:.3}",
        text.pages.len()
    );
    assert!(
        recall >= 0.95,
        "{rel}: only {recall:.3} of the reference paragraphs found"
    );
    text
}

#[test]
fn libreoffice_single_column() {
    check_good("pdf/xizang-2025-01.libreoffice.pdf", 17);
}

/// The README lists 16 pages for this file, but it has 17 (the last holds `年！`): lopdf,
/// pdf-extract and the /Count of its page tree agree.
#[test]
fn libreoffice_two_columns() {
    check_good("pdf/xizang-2025-01.libreoffice-2col.pdf", 17);
}

#[test]
fn chromium_identity_h() {
    check_good("pdf/xizang-2025-01.chromium-wqy-identity-h.pdf", 13);
}

#[test]
fn chromium_type3_radicals_are_folded() {
    let text = check_good("pdf/xizang-2025-01.chromium-noto-type3.pdf", 13);
    // 人民 and 长 come out of this file as ⼈⺠ and ⻓.
    assert!(text.pages.iter().any(|p| p.contains("西藏自治区人民政府")));
    assert!(text.pages.iter().any(|p| p.contains("增长")));
}

/// Predefined CMaps (pdf-extract panics on them): the fonts are converted to Identity-H first.
#[test]
fn reportlab_ucs2_cmap() {
    let text = check_good("pdf/xizang-2025-01.reportlab-stsong-ucs2.pdf", 15);
    // UCS-2 codes carry the Tibetan title too.
    assert!(text.pages[0].contains("བོད་ཀྱི་རྒྱལ་ཁབ"), "{}", text.pages[0]);
}

#[test]
fn reportlab_gbk_cmap() {
    let text = check_good("pdf/xizang-2025-01.reportlab-stsong-gbk.pdf", 15);
    assert!(text.pages.iter().any(|p| p.contains("增长6.3%")));
}

#[test]
fn gbk_cmap_with_tounicode() {
    let rel = "pdf/bad/gbk-euc-h-with-tounicode.pdf";
    let text = extract_pages(&fixture(rel), None).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert_eq!(text.pages.len(), 2);
    assert!(
        text.pages[0].starts_with("现在，我代表自治区人民政府"),
        "{:?}",
        text.pages[0]
    );
    assert!(text.warnings.is_empty(), "{:?}", text.warnings);
    // The worker gives the same.
    assert_eq!(
        isolated(rel, None).expect("parses in the worker").pages,
        text.pages
    );
}

#[test]
fn unknown_predefined_cmap_is_a_clean_error() {
    // Same length as GBK-EUC-H, so that the cross-reference offsets stay right.
    let bytes = fixture("pdf/bad/gbk-euc-h-with-tounicode.pdf");
    let needle = b"/GBK-EUC-H";
    let mut patched = bytes.clone();
    let mut found = 0;
    for i in 0..bytes.len().saturating_sub(needle.len()) {
        if &bytes[i..i + needle.len()] == needle {
            patched[i..i + needle.len()].copy_from_slice(b"/XYZ-EUC-H");
            found += 1;
        }
    }
    assert!(found > 0, "fixture has no /GBK-EUC-H");
    let m = pdf_message(extract_pages(&patched, None));
    assert!(m.starts_with("unsupported font encoding XYZ-EUC-H"), "{m}");
}

#[test]
fn two_column_page_is_read_column_by_column() {
    let text =
        extract_pages(&fixture("pdf/xizang-2025-01.libreoffice-2col.pdf"), None).expect("parses");
    // The left column of page 5 ends `与青海省建立`, the right one goes on `三江源国家公园`.
    let page5 = &text.pages[4];
    assert!(
        page5.contains("与青海省建立三江源国家公园唐北区域工作机制。"),
        "{page5}"
    );
}

#[test]
fn digits_and_cjk_are_joined_without_spaces() {
    let text = extract_pages(&fixture("pdf/xizang-2025-01.libreoffice.pdf"), None).expect("parses");
    let all = text.pages.join("\n");
    // LibreOffice's autospace puts gaps between CJK and digits; they are not spaces.
    assert!(all.contains("增长6.3%"), "missing 增长6.3%");
    assert!(all.contains("1700亿元"), "missing 1700亿元");
    assert!(all.contains("网址：<http://www.xizang.gov.cn>"));
}

#[test]
fn paragraphs_follow_the_layout() {
    let text = extract_pages(
        &fixture("pdf/xizang-2025-01.chromium-wqy-identity-h.pdf"),
        None,
    )
    .expect("parses");
    let paragraphs: Vec<&str> = text.pages.iter().flat_map(|p| p.split("\n\n")).collect();
    // A heading and the paragraph after it are separate.
    assert!(paragraphs.contains(&"2024年工作回顾"));
    assert!(
        paragraphs
            .iter()
            .any(|p| p.starts_with("2024年是新中国成立75周年"))
    );
}

#[test]
fn good_file_gives_the_same_text_through_the_worker() {
    let rel = "pdf/xizang-2025-01.libreoffice.pdf";
    let direct = extract_pages(&fixture(rel), None).expect("parses");
    let via_worker = isolated(rel, None).expect("parses in the worker");
    assert_eq!(direct.pages, via_worker.pages);
    assert_eq!(direct.warnings, via_worker.warnings);
}

#[test]
fn encrypted_with_empty_user_password_opens() {
    for rel in [
        "pdf/bad/encrypted-aes256-nouserpw.pdf",
        "pdf/bad/encrypted-rc4-128-nouserpw.pdf",
    ] {
        let text = extract_pages(&fixture(rel), None).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(text.pages.len(), 2, "{rel}");
        assert!(
            text.pages[0].starts_with("现在，我代表自治区人民政府"),
            "{rel}: {:?}",
            text.pages[0]
        );
    }
}

#[test]
fn encrypted_with_user_password() {
    let rel = "pdf/bad/encrypted-userpw.pdf";
    let no_pw = pdf_message(extract_pages(&fixture(rel), None));
    assert_eq!(no_pw, "encrypted PDF: a password is needed (--password)");
    let wrong = pdf_message(extract_pages(&fixture(rel), Some("guess")));
    assert_eq!(wrong, "encrypted PDF: wrong password");
    let text = extract_pages(&fixture(rel), Some("secret")).expect("opens with the password");
    assert!(text.pages[0].starts_with("现在，我代表自治区人民政府"));
    // The worker gets the password through its environment.
    let text = isolated(rel, Some("secret")).expect("opens in the worker");
    assert_eq!(text.pages.len(), 2);
}

#[test]
fn not_a_pdf() {
    for rel in ["pdf/bad/empty.pdf", "pdf/bad/not-a-pdf.pdf"] {
        assert_eq!(
            pdf_message(extract_pages(&fixture(rel), None)),
            "not a PDF (bad header)",
            "{rel}"
        );
    }
}

#[test]
fn truncated_files() {
    for rel in ["pdf/bad/truncated-half.pdf", "pdf/bad/truncated-90pct.pdf"] {
        let m = pdf_message(extract_pages(&fixture(rel), None));
        assert!(m.contains("cross-reference table"), "{rel}: {m}");
    }
}

#[test]
fn page_tree_cycle_has_no_pages() {
    let m = pdf_message(extract_pages(
        &fixture("pdf/bad/pages-tree-cycle.pdf"),
        None,
    ));
    assert_eq!(m, "PDF has no pages (damaged page tree?)");
}

#[test]
fn bad_content_stream() {
    let m = pdf_message(extract_pages(
        &fixture("pdf/bad/bad-content-stream.pdf"),
        None,
    ));
    assert!(m.contains("page content cannot be parsed"), "{m}");
}

#[test]
fn scanned_pages_have_no_text() {
    for rel in [
        "pdf/bad/scanned-image-only.pdf",
        "pdf/bad/scanned-image-only-jpeg.pdf",
    ] {
        let m = notext_message(extract_pages(&fixture(rel), None));
        assert_eq!(m, "no text layer: scanned PDF? run OCR first", "{rel}");
    }
}

#[test]
fn font_without_tounicode() {
    let m = notext_message(extract_pages(
        &fixture("pdf/bad/identity-h-no-tounicode.pdf"),
        None,
    ));
    assert!(m.contains("no Unicode mapping"), "{m}");
}

#[test]
fn panic_in_parser_is_an_error_of_the_worker() {
    let m = pdf_message(isolated("pdf/bad/text-without-font.pdf", None));
    assert!(m.starts_with("PDF parser failed: "), "{m}");
}

#[test]
fn stack_overflow_is_an_error_of_the_worker() {
    let m = pdf_message(isolated("pdf/bad/xobject-self-loop.pdf", None));
    assert!(m.starts_with("PDF parser crashed (signal "), "{m}");
}

#[test]
fn worker_is_killed_at_the_deadline() {
    let opts = WorkerOptions {
        timeout: Duration::from_millis(1),
        ..worker()
    };
    let r = extract_pages_isolated_with(
        &fixture("pdf/xizang-2025-01.chromium-noto-type3.pdf"),
        None,
        &opts,
    );
    assert_eq!(pdf_message(r), "PDF parser timed out after 0.001 s");
}

#[test]
fn worker_memory_is_limited() {
    let opts = WorkerOptions {
        memory_mb: 16,
        ..worker()
    };
    let r = extract_pages_isolated_with(
        &fixture("pdf/xizang-2025-01.chromium-noto-type3.pdf"),
        None,
        &opts,
    );
    let m = pdf_message(r);
    assert!(m.contains("memory"), "{m}");
}

#[test]
fn missing_worker_executable() {
    let opts = WorkerOptions {
        exe: Some(PathBuf::from("/nonexistent/gazette")),
        ..worker()
    };
    let m = pdf_message(extract_pages_isolated_with(b"%PDF-1.7", None, &opts));
    assert!(m.starts_with("cannot start the PDF worker"), "{m}");
}

/// Build a PDF whose pages have the given content streams, with the resources every page
/// shares: /F1 Helvetica, /F2 an Identity-H font without ToUnicode, /Im1 a 1×1 image.
fn synthetic_pdf(pages: &[&str]) -> Vec<u8> {
    use pdf_extract::{Dictionary, Document, Object, Stream};
    let name = |s: &str| Object::Name(s.as_bytes().to_vec());
    let dict = |entries: Vec<(&str, Object)>| {
        let mut d = Dictionary::new();
        for (k, v) in entries {
            d.set(k, v);
        }
        d
    };
    let mut doc = Document::with_version("1.5");
    let helvetica = doc.add_object(dict(vec![
        ("Type", name("Font")),
        ("Subtype", name("Type1")),
        ("BaseFont", name("Helvetica")),
        ("Encoding", name("WinAnsiEncoding")),
    ]));
    let descriptor = doc.add_object(dict(vec![
        ("Type", name("FontDescriptor")),
        ("FontName", name("Unmapped")),
    ]));
    let cid_font = doc.add_object(dict(vec![
        ("Type", name("Font")),
        ("Subtype", name("CIDFontType2")),
        ("BaseFont", name("Unmapped")),
        ("FontDescriptor", Object::Reference(descriptor)),
    ]));
    let unmapped = doc.add_object(dict(vec![
        ("Type", name("Font")),
        ("Subtype", name("Type0")),
        ("BaseFont", name("Unmapped")),
        ("Encoding", name("Identity-H")),
        (
            "DescendantFonts",
            Object::Array(vec![Object::Reference(cid_font)]),
        ),
    ]));
    let image = doc.add_object(Stream::new(
        dict(vec![
            ("Type", name("XObject")),
            ("Subtype", name("Image")),
            ("Width", Object::Integer(1)),
            ("Height", Object::Integer(1)),
            ("ColorSpace", name("DeviceGray")),
            ("BitsPerComponent", Object::Integer(8)),
        ]),
        vec![0],
    ));
    let resources = doc.add_object(dict(vec![
        (
            "Font",
            Object::Dictionary(dict(vec![
                ("F1", Object::Reference(helvetica)),
                ("F2", Object::Reference(unmapped)),
            ])),
        ),
        (
            "XObject",
            Object::Dictionary(dict(vec![("Im1", Object::Reference(image))])),
        ),
    ]));
    let pages_id = doc.new_object_id();
    let kids: Vec<Object> = pages
        .iter()
        .map(|content| {
            let contents =
                doc.add_object(Stream::new(Dictionary::new(), content.as_bytes().to_vec()));
            Object::Reference(doc.add_object(dict(vec![
                ("Type", name("Page")),
                ("Parent", Object::Reference(pages_id)),
                (
                    "MediaBox",
                    Object::Array([0, 0, 595, 842].map(Object::Integer).to_vec()),
                ),
                ("Resources", Object::Reference(resources)),
                ("Contents", Object::Reference(contents)),
            ])))
        })
        .collect();
    let count = Object::Integer(kids.len() as i64);
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dict(vec![
            ("Type", name("Pages")),
            ("Kids", Object::Array(kids)),
            ("Count", count),
        ])),
    );
    let catalog = doc.add_object(dict(vec![
        ("Type", name("Catalog")),
        ("Pages", Object::Reference(pages_id)),
    ]));
    doc.trailer.set("Root", Object::Reference(catalog));
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("synthetic PDF saves");
    out
}

const HELLO: &str = "BT /F1 12 Tf 72 720 Td [(Hello,) -250 (world) -300 (again)] TJ ET";
const IMAGE: &str = "q 100 0 0 100 72 600 cm /Im1 Do Q";
const UNMAPPED_GLYPHS: &str = "BT /F2 12 Tf 72 720 Td <0011002200330044005500660077> Tj ET";

#[test]
fn latin_words_placed_with_gaps_get_spaces() {
    let text = extract_pages(&synthetic_pdf(&[HELLO]), None).expect("parses");
    assert_eq!(text.pages, vec!["Hello, world again".to_string()]);
}

#[test]
fn pages_without_text_are_reported() {
    let text =
        extract_pages(&synthetic_pdf(&[HELLO, IMAGE, "", UNMAPPED_GLYPHS]), None).expect("parses");
    assert_eq!(text.pages.len(), 4);
    assert_eq!(text.pages[1], "");
    assert_eq!(
        text.warnings,
        vec![
            "page 2: no text layer (image only? needs OCR)",
            "page 3: no text (blank page)",
            "page 4: text has no Unicode mapping (font without ToUnicode)",
        ]
    );
}

#[test]
fn document_of_unmapped_glyphs_is_an_error() {
    let m = notext_message(extract_pages(
        &synthetic_pdf(&[UNMAPPED_GLYPHS, IMAGE]),
        None,
    ));
    assert!(m.contains("no Unicode mapping"), "{m}");
    let m = notext_message(extract_pages(&synthetic_pdf(&["", ""]), None));
    assert_eq!(m, "no text layer: the pages are blank");
}

/// A line of Helvetica text at (x, y), for synthetic pages.
fn text_at(x: u32, y: u32, size: u32, text: &str) -> String {
    format!("BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET\n")
}

#[test]
fn two_columns_under_a_spanning_title() {
    let mut page = text_at(72, 780, 12, "A TITLE THAT RUNS OVER BOTH OF THE COLUMNS");
    let section = |page: &mut String, top: u32, tag: &str| {
        for i in 0..6 {
            let y = top - 14 * i;
            page.push_str(&text_at(
                72,
                y,
                10,
                &format!("{tag}left{i} alpha beta gamma delta"),
            ));
            page.push_str(&text_at(
                310,
                y,
                10,
                &format!("{tag}right{i} alpha beta gamma delta"),
            ));
        }
    };
    section(&mut page, 750, "a");
    page.push_str(&text_at(
        72,
        640,
        12,
        "A SECOND TITLE ACROSS THE WHOLE PAGE WIDTH",
    ));
    section(&mut page, 610, "b");
    let text = extract_pages(&synthetic_pdf(&[&page]), None).expect("parses");
    let all = &text.pages[0];
    let order = [
        "A TITLE",
        "aleft0",
        "aleft5",
        "aright0",
        "aright5",
        "A SECOND TITLE",
        "bleft0",
        "bleft5",
        "bright0",
        "bright5",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|w| {
            all.find(w)
                .unwrap_or_else(|| panic!("{w} missing in {all}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|p| p[0] < p[1]),
        "wrong reading order: {all}"
    );
}
