//! The foundation, through the real binary: `gazette sections` and `gazette text` on the seed
//! report (and its GB18030 and UTF-16 copies), on two short hand-written reports, on standard
//! input, and on bad inputs.
//!
//! Everything read here lives under `fixtures/`; nothing outside the project is needed.

use serde_json::Value;
use std::process::Output;

mod common;
use common::{gazette, project_file, quiet_stdout_of as stdout_of, run};

const SEED: &str = "fixtures/xizang-2025-01.txt";
const SEED_GB18030: &str = "fixtures/gb18030/xizang-2025-01.gb18030.txt";
const SEED_UTF16: &str = "fixtures/utf16/xizang-2025-01.utf16le-bom.txt";
/// Four pages cut by form feeds, with a running header, page numbers of four shapes, a word and a
/// doubled character across page breaks, full-width digits and layout spaces.
const PAGED: &str = "fixtures/text/paged-report.txt";
/// Saved from a web page: chrome, one paragraph per line, no blank lines.
const WEB: &str = "fixtures/text/web-report.txt";

/// Run, insist on success with nothing on stderr, return stdout.
fn json_of(args: &[&str]) -> Value {
    let mut all = vec!["sections"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    serde_json::from_str(&stdout_of(&all)).expect("valid JSON")
}

/// The canonical text, without the line end the command adds.
fn text_of(args: &[&str]) -> String {
    let mut all = vec!["text"];
    all.extend_from_slice(args);
    let out = stdout_of(&all);
    out.strip_suffix('\n')
        .expect("text ends with a newline")
        .to_string()
}

/// Every node of the tree, depth first.
fn nodes(tree: &Value) -> Vec<&Value> {
    fn go<'a>(n: &'a Value, out: &mut Vec<&'a Value>) {
        out.push(n);
        if let Some(children) = n["children"].as_array() {
            for c in children {
                go(c, out);
            }
        }
    }
    let mut out = Vec::new();
    go(tree, &mut out);
    out
}

fn of_kind<'a>(tree: &'a Value, kind: &str) -> Vec<&'a Value> {
    nodes(tree)
        .into_iter()
        .filter(|n| n["kind"] == kind)
        .collect()
}

fn title(n: &Value) -> &str {
    n["title"].as_str().expect("a title")
}

fn child_titles<'a>(n: &'a Value, kind: &str) -> Vec<&'a str> {
    n["children"]
        .as_array()
        .map(|cs| cs.iter().filter(|c| c["kind"] == kind).map(title).collect())
        .unwrap_or_default()
}

fn span(n: &Value) -> (usize, usize) {
    let s = n["span"].as_array().expect("a span");
    (
        s[0].as_u64().unwrap() as usize,
        s[1].as_u64().unwrap() as usize,
    )
}

fn pages(n: &Value) -> (u64, u64) {
    let p = n["pages"].as_array().expect("pages");
    (p[0].as_u64().unwrap(), p[1].as_u64().unwrap())
}

/// Characters `[start, end)` of a text.
fn slice(text: &str, (start, end): (usize, usize)) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// `(title, covers, year)` of each part.
fn parts(doc: &Value) -> Vec<(String, String, i64)> {
    of_kind(&doc["tree"], "part")
        .into_iter()
        .map(|p| {
            (
                title(p).to_string(),
                p["covers"].as_str().unwrap_or("").to_string(),
                p["year"].as_i64().unwrap_or(0),
            )
        })
        .collect()
}

fn part<'a>(doc: &'a Value, name: &str) -> &'a Value {
    of_kind(&doc["tree"], "part")
        .into_iter()
        .find(|p| title(p) == name)
        .unwrap_or_else(|| panic!("no part {name:?}"))
}

/// The page of every character of the canonical text, read from `text --page-markers` (which
/// puts a marker line where each page starts, on a line of its own even inside a paragraph).
fn page_of_each_char(plain: &str, marked: &str) -> Vec<u64> {
    let plain: Vec<char> = plain.chars().collect();
    let mut out = Vec::with_capacity(plain.len());
    let mut page = 0u64;
    let mut i = 0;
    for line in marked.lines() {
        if let Some(n) = line
            .strip_prefix("=== page ")
            .and_then(|r| r.strip_suffix(" ==="))
        {
            page = n.parse().expect("a page number");
            continue;
        }
        for c in line.chars() {
            assert_eq!(plain.get(i), Some(&c), "marked text differs at char {i}");
            out.push(page);
            i += 1;
        }
        // The line end: in the canonical text unless the marker line was inserted mid-paragraph.
        if plain.get(i) == Some(&'\n') {
            out.push(page);
            i += 1;
        }
    }
    assert_eq!(i, plain.len(), "marked text is shorter than the text");
    out
}

// ---------------------------------------------------------------------------------------------
// The seed report.

#[test]
fn seed_parts_items_and_metadata() {
    let doc = json_of(&[SEED]);
    let meta = &doc["document"];
    assert_eq!(meta["publication"], "西藏自治区人民政府公报");
    assert_eq!(meta["year"], 2025);
    assert_eq!(meta["issue"], 1);
    assert_eq!(meta["serial"], 683);
    assert_eq!(meta["title"], "政府工作报告");
    assert_eq!(meta["date"], "2025-01-19");
    assert_eq!(meta["speaker"], "自治区代理主席 嘎玛泽登");
    assert_eq!(meta["result_year"], 2024);
    assert_eq!(meta["target_year"], 2025);

    assert_eq!(
        parts(&doc),
        vec![
            ("2024年工作回顾".to_string(), "review".to_string(), 2024),
            ("2025年工作安排".to_string(), "plan".to_string(), 2025),
        ]
    );
    assert_eq!(
        child_titles(part(&doc, "2024年工作回顾"), "item"),
        vec![
            "一是稳定态势持续向好",
            "二是发展动能不断增强",
            "三是潜力优势日益显现",
            "四是城乡面貌稳步提升",
            "五是改革开放走深走实",
            "六是民生保障全面加强",
            "七是安全屏障更加稳固",
        ]
    );
    assert_eq!(
        child_titles(part(&doc, "2025年工作安排"), "item"),
        vec![
            "（一）坚决维护社会和谐稳定",
            "(二)全力以赴稳预期促增长",
            "(三)持续挖掘投资消费潜能",
            "（四）因地制宜发展新质生产力",
            "（五）统筹推进城乡融合发展",
            "（六）加快改革开放和全面创新",
            "（七）更好保障和改善民生",
            "（八）深入推进美丽西藏建设",
            "（九）加快推动边境地区发展",
        ]
    );

    let top: Vec<&str> = doc["tree"]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        top,
        vec!["masthead", "editorial_board", "contents", "work_report"]
    );
    let source = &doc["source"];
    assert_eq!(source["path"], SEED);
    assert_eq!(source["kind"], "text");
    assert_eq!(source["encoding"], "UTF-8");
    assert_eq!(source["pages"], 13);
    assert_eq!(
        source["bytes"],
        std::fs::metadata(project_file(SEED)).unwrap().len()
    );
}

#[test]
fn seed_text_has_no_page_break_artefacts() {
    let text = text_of(&[SEED]);
    // A word split over a page break (`总体国家` ⏎⏎⏎⏎ `安全观`) is joined.
    assert!(text.contains("牢固树立总体国家安全观，始终保持"));
    // A character printed on both sides of a page break (`环喜马拉雅` ⏎⏎⏎⏎ `雅”`) is written once.
    assert!(text.contains("中国西藏“环喜马拉雅”国际合作论坛"));
    assert!(!text.contains("雅雅"));
    // A sentence cut by a stray blank line (`不断把` ⏎⏎ `绿水青山`) is joined.
    assert!(text.contains("不断把绿水青山的颜值转化为金山银山的价值"));
    // One paragraph per line, no blank lines, no page numbers left on a line of their own (the
    // year `2025` on the cover is not one).
    assert!(!text.contains("\n\n"));
    for line in text.lines() {
        assert!(!line.is_empty() && line.trim() == line, "{line:?}");
        let digits = line.chars().filter(char::is_ascii_digit).count();
        assert!(
            !(line
                .chars()
                .all(|c| c.is_ascii_digit() || " —-".contains(c))
                && digits < 4),
            "page number left: {line:?}"
        );
    }
}

#[test]
fn seed_spans_point_at_the_canonical_text() {
    let text = text_of(&[SEED]);
    let doc = json_of(&[SEED, "--depth", "sentence"]);
    let total = text.chars().count();
    assert_eq!(span(&doc["tree"]), (0, total));
    assert_eq!(doc["tree"]["chars"], total);

    let mut checked = 0;
    for n in nodes(&doc["tree"]) {
        let (start, end) = span(n);
        assert!(start <= end && end <= total, "span out of range: {n}");
        assert_eq!(n["chars"].as_u64().unwrap() as usize, end - start);
        let body = slice(&text, (start, end));
        match n["kind"].as_str().unwrap() {
            "part" | "item" | "title" | "delivery_line" => {
                assert!(
                    body.starts_with(title(n)),
                    "{} {:?} does not start its span: {:?}",
                    n["kind"],
                    title(n),
                    body.chars().take(30).collect::<String>()
                );
                checked += 1;
            }
            // A sentence's title is the sentence itself.
            "sentence" => {
                assert_eq!(body, title(n));
                checked += 1;
            }
            "paragraph" => {
                assert!(!body.contains('\n'), "a paragraph spans lines: {body:?}");
                // A contents entry is titled without its page number.
                assert!(body.contains(title(n)), "{:?} not in {body:?}", title(n));
            }
            _ => {}
        }
    }
    assert!(checked > 300, "only {checked} nodes checked");

    // An item's span runs from its title to the end of its last paragraph.
    let first = of_kind(&doc["tree"], "item")[0];
    let body = slice(&text, span(first));
    assert!(body.starts_with("一是稳定态势持续向好。牢固树立总体国家安全观"));
    assert!(body.ends_with('。'));
    assert!(!body.contains("二是"));
}

#[test]
fn seed_pages_agree_with_page_markers() {
    let plain = text_of(&[SEED]);
    let marked = text_of(&[SEED, "--page-markers"]);
    let markers: Vec<&str> = marked
        .lines()
        .filter(|l| l.starts_with("=== page "))
        .collect();
    let expected: Vec<String> = (1..=13).map(|p| format!("=== page {p} ===")).collect();
    assert_eq!(markers, expected);
    assert!(marked.starts_with("=== page 1 ===\n2025\n第1期\n"));

    let page_of = page_of_each_char(&plain, &marked);
    let doc = json_of(&[SEED]);
    for n in nodes(&doc["tree"]) {
        let (start, end) = span(n);
        if start == end {
            continue;
        }
        assert_eq!(
            pages(n),
            (page_of[start], page_of[end - 1]),
            "pages of {} {:?}",
            n["kind"],
            title(n)
        );
    }
    // The first review item starts on page 4 and runs onto page 5 (the page break inside
    // `总体国家安全观`).
    let first = of_kind(&doc["tree"], "item")[0];
    assert_eq!(pages(first), (4, 5));
}

#[test]
fn seed_table_shows_parts_items_and_years() {
    let table = stdout_of(&["sections", SEED]);
    let first_line = table.lines().next().unwrap();
    assert_eq!(
        first_line,
        "fixtures/xizang-2025-01.txt — 13 pages, 12403 characters, results 2024, targets 2025"
    );
    let row = |needle: &str| {
        table
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no row with {needle:?} in\n{table}"))
    };
    assert!(row("2024年工作回顾").contains("part (review)"));
    assert!(row("2024年工作回顾").contains("2024"));
    assert!(row("2025年工作安排").contains("part (plan)"));
    assert!(row("一是稳定态势持续向好").contains("item"));
    assert!(row("（九）加快推动边境地区发展").contains("item"));
    assert!(row("自治区代理主席 嘎玛泽登").contains("speaker"));
    // Paragraphs only at `--depth paragraph`.
    assert!(!table.contains("paragraph"));
    let deeper = stdout_of(&["sections", SEED, "--depth", "paragraph"]);
    assert!(deeper.lines().filter(|l| l.contains("paragraph")).count() > 50);
}

#[test]
fn depth_decides_which_nodes_the_json_holds() {
    let count =
        |depth: &str, kind: &str| of_kind(&json_of(&[SEED, "--depth", depth])["tree"], kind).len();
    assert_eq!(count("item", "paragraph"), 0);
    assert_eq!(count("item", "sentence"), 0);
    let paragraphs = count("paragraph", "paragraph");
    assert!(paragraphs > 50);
    assert_eq!(count("paragraph", "sentence"), 0);
    assert_eq!(count("sentence", "paragraph"), paragraphs);
    let sentences = count("sentence", "sentence");
    assert!(sentences > 250);
    // The counts in the root are the same whatever is shown.
    let doc = json_of(&[SEED]);
    assert_eq!(
        doc["tree"]["paragraphs"].as_u64().unwrap() as usize,
        paragraphs
    );
    assert_eq!(
        doc["tree"]["sentences"].as_u64().unwrap() as usize,
        sentences
    );
}

#[test]
fn standard_input_gives_the_same_document() {
    let bytes = std::fs::read(project_file(SEED)).unwrap();
    let out = gazette()
        .args(["sections", "-", "--format", "json"])
        .write_stdin(bytes.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty());
    let mut from_stdin: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut from_path = json_of(&[SEED]);
    assert_eq!(from_stdin["source"]["path"], "-");
    assert_eq!(from_path["source"]["path"], SEED);
    from_stdin["source"]["path"] = Value::Null;
    from_path["source"]["path"] = Value::Null;
    assert_eq!(from_stdin, from_path);

    let text = gazette()
        .args(["text", "-"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert!(text.status.success());
    assert_eq!(
        String::from_utf8(text.stdout).unwrap(),
        stdout_of(&["text", SEED])
    );
}

// ---------------------------------------------------------------------------------------------
// Encodings.

#[test]
fn gb18030_and_utf16_copies_give_the_same_document() {
    // The fixtures really are other encodings of the same text.
    let utf8 = std::fs::read(project_file(SEED)).unwrap();
    let gb = std::fs::read(project_file(SEED_GB18030)).unwrap();
    let u16 = std::fs::read(project_file(SEED_UTF16)).unwrap();
    assert!(std::str::from_utf8(&gb).is_err());
    assert_eq!(&u16[..2], b"\xff\xfe");
    assert_ne!(gb.len(), utf8.len());

    let reference = json_of(&[SEED]);
    let reference_text = text_of(&[SEED]);
    for (path, encoding) in [(SEED_GB18030, "gb18030"), (SEED_UTF16, "UTF-16LE")] {
        let doc = json_of(&[path]);
        assert_eq!(doc["source"]["encoding"], encoding, "{path}");
        assert_eq!(doc["source"]["pages"], 13, "{path}");
        assert_eq!(doc["document"], reference["document"], "{path}");
        assert_eq!(doc["tree"], reference["tree"], "{path}");
        assert_eq!(text_of(&[path]), reference_text, "{path}");
    }
}

#[test]
fn a_forced_encoding_is_used() {
    let doc = json_of(&[SEED_GB18030, "--encoding", "gb18030"]);
    assert_eq!(doc["source"]["encoding"], "gb18030");
    assert_eq!(doc["tree"], json_of(&[SEED])["tree"]);
    // GBK is a label of the same decoder.
    let gbk = json_of(&[SEED_GB18030, "--encoding", "GBK"]);
    assert_eq!(gbk["tree"], doc["tree"]);
}

/// Exit code 2, nothing on stdout, exactly one line on stderr that names `name` and says `reason`.
fn assert_refused(out: &Output, name: &str, reason: &str) {
    assert_refused_line(out, name);
    let line = String::from_utf8_lossy(&out.stderr);
    assert!(
        line.to_lowercase().contains(&reason.to_lowercase()),
        "{line:?} does not say {reason:?}"
    );
}

/// Exit code 2, nothing on stdout, exactly one line on stderr that names `name`.
fn assert_refused_line(out: &Output, name: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "exit code; stderr: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr:?}");
    assert!(stderr.ends_with('\n'));
    let line = stderr.trim_end();
    assert!(line.starts_with("gazette: "), "{line}");
    assert!(line.contains(name), "{line:?} does not name {name:?}");
    assert!(!line.contains("panicked") && !line.contains("RUST_BACKTRACE"));
}

#[test]
fn a_wrong_forced_encoding_fails_cleanly() {
    for cmd in ["sections", "text"] {
        let out = run(&[cmd, SEED_GB18030, "--encoding", "utf-8"]);
        assert_refused(&out, SEED_GB18030, "not valid UTF-8");
    }
    let out = run(&["sections", SEED, "--encoding", "no-such-encoding"]);
    assert_refused(&out, SEED, "unknown encoding");
}

// ---------------------------------------------------------------------------------------------
// Bad inputs.

#[test]
fn a_missing_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-report.txt");
    let missing = missing.to_str().unwrap();
    for cmd in ["sections", "text"] {
        let out = run(&[cmd, missing]);
        assert_refused(&out, missing, "No such file");
        // The cause is said once.
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.matches("No such file").count(), 1, "{stderr}");
    }
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    assert_refused(&run(&["sections", path]), path, "directory");
    assert_refused(&run(&["text", path, "--page-markers"]), path, "directory");
}

#[test]
fn the_reason_is_given_even_when_the_file_name_says_it_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty input");
    std::fs::write(&path, b"").unwrap();
    let path = path.to_str().unwrap();
    let out = run(&["sections", path]);
    assert_refused(&out, path, "empty input");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim_end(), format!("gazette: {path}: empty input"));
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let empty = empty.to_str().unwrap();
    assert_refused(&run(&["sections", empty]), empty, "empty");
    // Only white space is empty too.
    let blank = dir.path().join("blank.txt");
    std::fs::write(&blank, " \n\n\u{3000}\n\t\n").unwrap();
    let blank = blank.to_str().unwrap();
    assert_refused(&run(&["text", blank]), blank, "empty");
    // And empty standard input.
    let out = gazette()
        .args(["sections", "-", "--format", "json"])
        .write_stdin(Vec::new())
        .output()
        .unwrap();
    assert_refused(&out, "<stdin>", "empty");
}

#[test]
fn binary_junk_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // The start of an ELF executable: magic, class, data, version, then NUL padding and code.
    let mut elf = vec![0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    elf.extend_from_slice(&[2, 0, 0x3e, 0, 1, 0, 0, 0, 0x40, 0x10, 0x40, 0, 0, 0, 0, 0]);
    elf.extend((0..512u32).map(|i| (i * 37 % 256) as u8));
    let path = dir.path().join("report.txt");
    std::fs::write(&path, &elf).unwrap();
    let path = path.to_str().unwrap();
    assert_refused(&run(&["sections", path]), path, "binary");
    assert_refused(&run(&["text", path]), path, "binary");
    let out = gazette()
        .args(["text", "-"])
        .write_stdin(elf)
        .output()
        .unwrap();
    assert_refused(&out, "<stdin>", "binary");
}

#[test]
fn unreadable_pdfs_are_refused() {
    // The PDF path names its own reasons; here only the contract of the command line is checked.
    for path in [
        "fixtures/pdf/bad/truncated-half.pdf",
        "fixtures/pdf/bad/empty.pdf",
    ] {
        for args in [
            vec!["sections", path],
            vec!["sections", path, "--format", "json"],
            vec!["text", path],
        ] {
            assert_refused_line(&run(&args), path);
        }
    }
}

#[test]
fn an_input_over_the_size_limit_is_refused() {
    let out = run(&["sections", SEED, "--max-size", "1000"]);
    assert_refused(&out, SEED, "limit");
    let out = gazette()
        .args(["text", "-", "--max-size", "1000"])
        .write_stdin(std::fs::read(project_file(SEED)).unwrap())
        .output()
        .unwrap();
    assert_refused(&out, "<stdin>", "limit");
    // At the limit exactly, it is read.
    let size = std::fs::metadata(project_file(SEED))
        .unwrap()
        .len()
        .to_string();
    assert!(
        run(&["sections", SEED, "--max-size", &size])
            .status
            .success()
    );
}

#[test]
fn a_text_file_named_pdf_is_read_as_text() {
    // The kind of input is recognised by content, never by name.
    let path = "fixtures/pdf/bad/not-a-pdf.pdf";
    let doc = json_of(&[path]);
    assert_eq!(doc["source"]["kind"], "text");
    assert_eq!(doc["source"]["encoding"], "UTF-8");
    let text = text_of(&[path]);
    assert!(text.contains("西藏自治区人民政府公报"));
    assert!(text.contains("this is plain text, not a PDF"));
}

// ---------------------------------------------------------------------------------------------
// Hand-written reports.

#[test]
fn paged_text_loses_its_furniture_and_keeps_its_sentences() {
    let text = text_of(&[PAGED]);
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        vec![
            "2026年某某省政府工作报告",
            "——2026年1月22日在某某省第十四届人民代表大会第四次会议上",
            "省长 张某某",
            "各位代表：",
            "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。",
            "2025年工作回顾",
            "过去一年，全省地区生产总值增长5.4%，一般公共预算收入增长3.2%，城镇调查失业率5.1%。",
            "一是经济运行稳中有进。规模以上工业增加值增长6.1%，固定资产投资增长4%，社会消费品零售总额增长5.6%。",
            "二是改革开放持续深化。全年新增经营主体12万户，进出口总额增长7.5%。我们常常深入企业，做到人人有责、事事有人管。",
            "三是生态环境持续改善。推进生态文明建设，空气质量优良天数比例达到92%，完成造林30万亩。",
            "2026年工作安排",
            "今年全省经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业50万人以上。",
            "（一）着力扩大内需，推动经济稳定增长",
            "实施提振消费专项行动，社会消费品零售总额增长5%以上。",
            "（二）加快建设现代化产业体系",
            "规模以上工业增加值增长6%左右，数字经济核心产业增加值增长10%。",
            "各位代表！让我们团结奋斗，为完成全年目标任务而努力。",
        ]
    );
}

#[test]
fn paged_text_structure_and_pages() {
    let doc = json_of(&[PAGED]);
    assert_eq!(doc["source"]["pages"], 4);
    assert_eq!(doc["document"]["date"], "2026-01-22");
    assert_eq!(doc["document"]["speaker"], "省长 张某某");
    assert_eq!(doc["document"]["result_year"], 2025);
    assert_eq!(doc["document"]["target_year"], 2026);
    assert_eq!(
        parts(&doc),
        vec![
            ("2025年工作回顾".to_string(), "review".to_string(), 2025),
            ("2026年工作安排".to_string(), "plan".to_string(), 2026),
        ]
    );
    let items: Vec<(&str, (u64, u64))> = of_kind(&doc["tree"], "item")
        .into_iter()
        .map(|n| (title(n), pages(n)))
        .collect();
    assert_eq!(
        items,
        vec![
            ("一是经济运行稳中有进", (1, 1)),
            ("二是改革开放持续深化", (1, 2)),
            ("三是生态环境持续改善", (2, 3)),
            ("（一）着力扩大内需，推动经济稳定增长", (3, 3)),
            ("（二）加快建设现代化产业体系", (4, 4)),
        ]
    );

    let marked = text_of(&[PAGED, "--page-markers"]);
    let markers: Vec<&str> = marked
        .lines()
        .filter(|l| l.starts_with("=== page "))
        .collect();
    assert_eq!(
        markers,
        vec![
            "=== page 1 ===",
            "=== page 2 ===",
            "=== page 3 ===",
            "=== page 4 ==="
        ]
    );
    // Page 2 starts inside the paragraph of item 二是, right after the doubled `长` was dropped.
    assert!(marked.contains("进出口总额增长\n=== page 2 ===\n7.5%。"));
    assert!(marked.contains("推进生态文明建\n=== page 3 ===\n设，"));
    let page_of = page_of_each_char(&text_of(&[PAGED]), &marked);
    for n in nodes(&doc["tree"]) {
        let (start, end) = span(n);
        if start < end {
            assert_eq!(pages(n), (page_of[start], page_of[end - 1]), "{n}");
        }
    }
}

#[test]
fn paged_text_through_standard_input() {
    let bytes = std::fs::read(project_file(PAGED)).unwrap();
    assert!(bytes.contains(&0x0c), "the fixture has form feeds");
    let out = gazette()
        .args(["text", "-", "--page-markers"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        stdout_of(&["text", PAGED, "--page-markers"])
    );
}

#[test]
fn web_text_keeps_one_paragraph_per_line() {
    let source = std::fs::read_to_string(project_file(WEB)).unwrap();
    assert!(!source.contains("\n\n"));
    // Every line is a paragraph already: the canonical text is the same lines.
    assert_eq!(text_of(&[WEB]), source.trim_end());
}

#[test]
fn web_text_structure() {
    let doc = json_of(&[WEB]);
    let meta = &doc["document"];
    assert_eq!(meta["title"], "2026年某某自治区政府工作报告");
    assert_eq!(meta["date"], "2026-01-28");
    assert_eq!(meta["speaker"], "自治区主席 李某某");
    assert_eq!(meta["result_year"], 2025);
    assert_eq!(meta["target_year"], 2026);
    assert_eq!(
        parts(&doc),
        vec![
            (
                "一、砥砺奋进，全区发展取得新进展新成效".to_string(),
                "review".to_string(),
                2025
            ),
            (
                "二、“十五五”时期发展的主要考虑".to_string(),
                "plan".to_string(),
                2026
            ),
            ("三、2026年主要工作".to_string(), "plan".to_string(), 2026),
            (
                "四、全面加强政府自身建设".to_string(),
                "other".to_string(),
                2026
            ),
        ]
    );
    assert_eq!(
        child_titles(part(&doc, "三、2026年主要工作"), "item"),
        vec![
            "（一）扩大有效需求，增强内需拉动作用",
            "（二）加强政府自身建设，提高行政效能"
        ]
    );
    let report = of_kind(&doc["tree"], "work_report")[0];
    let kinds: Vec<&str> = report["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        vec![
            "title",
            "delivery_line",
            "speaker",
            "preamble",
            "part",
            "part",
            "part",
            "part"
        ]
    );
    // The web page's chrome before the title is front matter, not part of the report.
    let front = of_kind(&doc["tree"], "front_matter");
    assert_eq!(front.len(), 1);
    let text = text_of(&[WEB]);
    assert_eq!(
        slice(&text, span(front[0])),
        "下载\n打印\n【字号：\n加大\n减小\n】"
    );
}
