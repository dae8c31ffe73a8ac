//! Web chrome in text: what a government web page puts around a report, left in the text when the
//! page is saved as text or inside the markup of its article: buttons (`下载 打印 全屏 收藏`),
//! widgets (`【字号：加大 还原 减小】`), labels with their values (`来源：某某日报`,
//! `时间：2026-02-03`), breadcrumbs, time stamps, and after the report related links, the
//! editor's name, share and print buttons.
//!
//! Segmentation uses it to find where a report starts (after its header lines and the chrome among
//! them) and where it ends (before the page's footer). The words are data in `lexicon::web`.

use crate::lexicon::web::{CHROME_LABELS, CHROME_LINES, FOOTER_STARTS};

/// The longest line that can be chrome, in characters.
const MAX_CHROME_CHARS: usize = 60;
/// The longest footer line (`责任编辑：某某某`), in characters.
const MAX_FOOTER_CHARS: usize = 30;

/// The line without spaces and the brackets chrome is drawn with.
fn bare(line: &str) -> String {
    line.chars().filter(|&c| kept_bare(c)).collect()
}

/// The characters `bare` keeps.
fn kept_bare(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(
            c,
            '【' | '】' | '[' | ']' | '〖' | '〗' | '（' | '）' | '(' | ')'
        )
}

/// `来源：某某日报`, `发布时间：2026-01-23 09:30`, `来源：`: the label, if the line starts with one.
fn label_of(bare: &str) -> Option<&'static str> {
    CHROME_LABELS
        .iter()
        .filter(|l| {
            bare.strip_prefix(**l)
                .is_some_and(|rest| rest.starts_with(['：', ':']))
        })
        .max_by_key(|l| l.len())
        .copied()
}

/// Is this line web chrome?
pub fn is_chrome_line(line: &str) -> bool {
    let b = bare(line);
    let chars = b.chars().count();
    if chars == 0 {
        // A lone bracket.
        return true;
    }
    if chars > MAX_CHROME_CHARS || b.contains(['。', '；', '！', '？']) {
        return false;
    }
    // A time stamp of publication: never a delivery date, which is written without a time.
    if crate::patterns::time_stamp(line.trim()) {
        return true;
    }
    // Every word of the line is a button or a widget's (`下载 打印 全屏 收藏`, `字号：加大 还原 减小`),
    // or there is none (`|`).
    let words: Vec<&str> = line
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '：' | ':' | '【' | '】' | '|' | '｜' | '/' | '·')
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().all(|w| CHROME_LINES.contains(w)) {
        return true;
    }
    // A label with its value: the whole line is chrome, several labels in a row too.
    label_of(&b).is_some()
}

/// Is this line a label whose value is on the next line (`来源：` then `某某日报`)?
pub fn is_label_alone(line: &str) -> bool {
    let b = bare(line);
    label_of(&b).is_some_and(|l| b.len() <= l.len() + '：'.len_utf8())
}

/// Does this line start what follows a report on a web page (related links, the editor's name)?
pub fn is_footer_start(line: &str) -> bool {
    // Asked of every line of a report's second half: a line whose first kept character starts
    // no footer word is none (the character that `bare` would put first).
    let first = line.chars().find(|&c| kept_bare(c));
    if !first.is_some_and(|c| FOOTER_STARTS.iter().any(|w| w.starts_with(c))) {
        return false;
    }
    // A paragraph of the report is too long to be one: no need to strip it.
    if line
        .chars()
        .filter(|&c| kept_bare(c))
        .nth(MAX_FOOTER_CHARS)
        .is_some()
    {
        return false;
    }
    let b = bare(line);
    FOOTER_STARTS.iter().any(|w| {
        b.strip_prefix(*w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['：', ':', '>', '》']))
    })
}

/// Where the report in `lines` ends: the index of the first line of the page's footer, or of the
/// chrome lines that end the text. Footer lines are looked for in the second half of the text only,
/// so that the report is never cut short before its body.
pub fn report_end(lines: &[&str]) -> usize {
    let total: usize = lines.iter().map(|l| l.len()).sum();
    let mut seen = 0;
    let mut end = lines.len();
    for (i, l) in lines.iter().enumerate() {
        if seen * 2 >= total && is_footer_start(l) {
            end = i;
            break;
        }
        seen += l.len();
    }
    // Chrome right before the footer (or at the very end): `收藏`, `|`, `分享到：`, `（来源：某某日报）`.
    while end > 1 && is_trailing_chrome(lines[end - 1]) {
        end -= 1;
    }
    end
}

/// Chrome that may close a page after the report: chrome lines, and short link prompts
/// (`》》点击图片进入专题《《`).
fn is_trailing_chrome(line: &str) -> bool {
    let b = bare(line);
    is_chrome_line(line)
        || (b.chars().count() <= MAX_FOOTER_CHARS
            && (b.contains("点击") || b.starts_with('》') || b.starts_with('>')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buttons_widgets_labels_and_stamps_are_chrome() {
        for line in [
            "下载",
            "【字号：",
            "加大",
            "】",
            "【字号：加大 还原 减小】",
            "下载 打印 全屏 收藏",
            "来源：某某日报",
            "来源：",
            "时间：2026-02-03",
            "来源：某某日报 发布时间：2026-01-23 09:30",
            "2026-02-09 09:45:30",
            "2026年02月10日 07时41分",
            "当前位置：",
            ">",
            "分享到：微信 微博",
            "（来源：某某日报）",
            "编辑：何某某",
        ] {
            assert!(is_chrome_line(line), "{line:?}");
        }
        for line in [
            "2026年某某省政府工作报告",
            "——2026年1月22日在某某省第十四届人民代表大会第四次会议上",
            "省长 某某某",
            "各位代表：",
            "2026年1月22日",
            "一、2025年工作回顾",
            "时间就是生命，效率就是金钱。",
            "大力发展数字经济",
        ] {
            assert!(!is_chrome_line(line), "{line:?}");
        }
        assert!(is_label_alone("来源："));
        assert!(is_label_alone("发表时间："));
        assert!(!is_label_alone("来源：某某日报"));
    }

    #[test]
    fn the_report_ends_before_the_footer() {
        let lines = [
            "一、2025年工作回顾",
            "过去一年，地区生产总值增长5.6%，城镇新增就业68.5万人，居民消费价格上涨0.3%。",
            "二、2026年主要目标任务",
            "地区生产总值增长5%以上。",
            "各位代表！让我们团结奋斗！",
            "》》点击图片进入专题《《",
            "收藏",
            "|",
            "分享到:",
            "相关报道：",
            "解读：政府工作报告中的10组数字",
            "责任编辑：某某",
        ];
        assert_eq!(report_end(&lines), 5);
        // Without a footer, trailing chrome still ends the report.
        let lines = [
            "过去一年，地区生产总值增长5.6%，城镇新增就业68.5万人，居民消费价格上涨0.3%。",
            "各位代表！让我们团结奋斗！",
            "（来源：某某日报）",
            "编辑：某某某",
        ];
        assert_eq!(report_end(&lines), 2);
        // A footer word early in the text is not the end.
        let lines = [
            "相关报道：",
            "过去一年，地区生产总值增长5.6%，城镇新增就业68.5万人，居民消费价格上涨0.3%。",
            "各位代表！让我们团结奋斗！",
        ];
        assert_eq!(report_end(&lines), 3);
    }
}
