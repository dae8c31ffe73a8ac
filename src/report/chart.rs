//! A picture of a diff: one row per indicator, each on its own scale (a growth rate and a count of
//! jobs share no axis). The target is drawn as the results that meet it, as `diff::judge` reads
//! them: a band from the target up (`≥`, and for `左右` from the target less the tolerance), or down
//! for upper bounds and reductions (unemployment `≤5.5%`, energy intensity `下降3%`), with a line at
//! the target and a hollow diamond at the `力争` value; the result is a dot coloured by its verdict.
//!
//! Plain SVG 1.1, written here: no fonts are needed to write it, and Chinese labels are text in a
//! CJK font family, so any viewer with a Chinese font shows them.

use crate::diff::{Diff, Options, Row, Side, Verdict};
use crate::lexicon::units::UnitClass;
use crate::lexicon::words::Comparator;
use crate::report::diff::{change_cell, side_cell};
use std::fmt::Write as _;

const WIDTH: f64 = 980.0;
const ROW: f64 = 46.0;
const TOP: f64 = 96.0;
const BOTTOM: f64 = 28.0;
/// Left edge of the plot, right of the indicator labels.
const PLOT_X0: f64 = 300.0;
/// Right edge of the plot, left of the value column.
const PLOT_X1: f64 = 700.0;
const LABEL_CHARS: usize = 16;
const FONT: &str = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif";

/// Colour of a verdict.
pub fn colour(v: Verdict) -> &'static str {
    match v {
        Verdict::Met => "#1a7f37",
        Verdict::MetStretch => "#0e4d24",
        Verdict::Missed => "#cf222e",
        Verdict::NotReported | Verdict::OneSided => "#8c959f",
        Verdict::Raised => "#0969da",
        Verdict::Lowered => "#bc4c00",
        Verdict::Held => "#57606a",
    }
}

/// Escape text for XML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// At most `n` characters, with `…` when cut.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(std::iter::once('…')).collect()
    }
}

/// The value of a side in base units, as drawn (a decrease is drawn by its size).
fn base(s: &Side) -> f64 {
    s.base
}

/// Targets of this indicator are upper bounds (a lower result is better).
fn upper_bound(key: Option<&str>) -> bool {
    key.is_some_and(|k| {
        crate::lexicon::catalogue::CATALOGUE
            .iter()
            .any(|e| e.key == k && e.upper_bound)
    })
}

/// The results that meet a target, as `diff::judge` reads it, in the target's base units as drawn
/// (a decrease by its size): `≥ t`, `≤ t`, `≥ t − tolerance` for `左右` …
fn met_band(t: &Side, key: Option<&str>, opts: &Options) -> (f64, f64) {
    let sign = if t.is_down() { -1.0 } else { 1.0 };
    let v = sign * t.base;
    let h = t.base_high.map(|h| sign * h);
    let tol = if matches!(t.class, UnitClass::Percent | UnitClass::Points) {
        opts.tolerance
    } else {
        t.base.abs() * opts.relative_tolerance
    };
    let lower = upper_bound(key) || t.is_down();
    let (inf, sup) = (f64::NEG_INFINITY, f64::INFINITY);
    let (lo, hi) = match (t.comparator, lower) {
        (Comparator::Le | Comparator::Lt, _) if !t.is_down() => (inf, v),
        (Comparator::Approx, true) => (inf, v + tol),
        (Comparator::Approx, false) => (v - tol, sup),
        (Comparator::Range, true) => (inf, h.map_or(v, |h| h.max(v))),
        (Comparator::Range, false) => (h.map_or(v, |h| h.min(v)), sup),
        (_, true) => (inf, v),
        (_, false) => (v, sup),
    };
    if t.is_down() { (-hi, -lo) } else { (lo, hi) }
}

/// The row's scale: every value drawn, with room around them.
fn domain(row: &Row, opts: &Options) -> (f64, f64) {
    let mut vals: Vec<f64> = Vec::new();
    if let Some(r) = &row.result {
        vals.push(base(r));
    }
    if let Some(t) = &row.target {
        vals.push(t.base);
        vals.extend(t.base_high);
        vals.extend(t.base_stretch);
        let (lo, hi) = met_band(t, row.key, opts);
        vals.extend([lo, hi].into_iter().filter(|x| x.is_finite()));
    }
    let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let span = (hi - lo).max(hi.abs().max(lo.abs()) * 0.1).max(1e-9);
    let (mut a, b) = (lo - span * 0.6, hi + span * 0.6);
    // Rates and amounts that cannot be negative start at zero at the lowest.
    if lo >= 0.0 && a < 0.0 {
        a = 0.0;
    }
    (a, b)
}

/// `5.8%`, `52.3万人`: a side's value as written, without comparator.
fn plain_value(s: &Side) -> String {
    let v = crate::report::extract::format_number(s.value);
    let down = if s.is_down() { "↓" } else { "" };
    match s.high {
        Some(h) => format!(
            "{down}{v}–{}{}",
            crate::report::extract::format_number(h),
            s.unit
        ),
        None => format!("{down}{v}{}", s.unit),
    }
}

/// The chart of a diff, as an SVG document. `english` labels rows with the catalogue's English
/// labels where there is one.
pub fn svg(diff: &Diff, opts: &Options, english: bool) -> String {
    let rows: Vec<&Row> = diff.rows.iter().collect();
    let height = TOP + ROW * rows.len().max(1) as f64 + BOTTOM + 24.0;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{FONT}" font-size="13">"#
    );
    let y = |v: Option<i32>| v.map_or_else(|| "?".to_string(), |v| v.to_string());
    let title = match diff.mode {
        "single" => format!(
            "{} 年结果与 {} 年目标 · results {} against targets {}",
            y(diff.result_year),
            y(diff.target_year),
            y(diff.result_year),
            y(diff.target_year)
        ),
        _ => format!(
            "{} 年目标完成情况 · results against targets for {}",
            y(diff.target_year),
            y(diff.target_year)
        ),
    };
    let _ = writeln!(
        s,
        r##"<title>{}</title>
<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>
<text x="20" y="30" font-size="18" font-weight="bold" fill="#24292f">{}</text>
<text x="20" y="50" font-size="12" fill="#57606a">{}</text>"##,
        escape(&title),
        escape(&title),
        escape(&if diff.results_from == diff.targets_from {
            diff.results_from.clone()
        } else {
            format!(
                "targets: {}   results: {}",
                diff.targets_from, diff.results_from
            )
        })
    );
    legend(&mut s, diff);
    for (k, row) in rows.iter().enumerate() {
        draw_row(&mut s, row, TOP + ROW * k as f64, opts, english, k % 2 == 0);
    }
    if rows.is_empty() {
        let _ = writeln!(
            s,
            r##"<text x="{}" y="{}" fill="#57606a">nothing to compare</text>"##,
            PLOT_X0,
            TOP + ROW / 2.0
        );
    }
    let _ = writeln!(
        s,
        r##"<text x="20" y="{}" font-size="11" fill="#57606a">{}</text>"##,
        height - 12.0,
        escape(&format!(
            "每行各有刻度 · each row has its own scale · {}",
            diff.summary()
        ))
    );
    s.push_str("</svg>\n");
    s
}

fn legend(s: &mut String, diff: &Diff) {
    let y0 = 72.0;
    let mut x = 20.0;
    let mut item = |s: &mut String, mark: String, label: &str, width: f64| {
        let _ = writeln!(
            s,
            "<g transform=\"translate({x},{y0})\">{mark}<text x=\"18\" y=\"4\" font-size=\"12\" fill=\"#24292f\">{}</text></g>",
            escape(label)
        );
        x += width;
    };
    item(
        s,
        r##"<rect x="0" y="-6" width="14" height="12" fill="#dafbe1" stroke="#1a7f37" stroke-width="0.5"/>"##.into(),
        "达标区间 meets target",
        170.0,
    );
    item(
        s,
        r##"<line x1="7" y1="-8" x2="7" y2="8" stroke="#24292f" stroke-width="2"/>"##.into(),
        "目标 target",
        110.0,
    );
    item(
        s,
        r##"<path d="M7,-6 L13,0 L7,6 L1,0 Z" fill="#ffffff" stroke="#24292f" stroke-width="1.5"/>"##.into(),
        "力争 stretch",
        110.0,
    );
    let verdicts: &[Verdict] = if diff.mode == "single" {
        &[Verdict::Raised, Verdict::Held, Verdict::Lowered]
    } else {
        &[Verdict::Met, Verdict::MetStretch, Verdict::Missed]
    };
    let label = |v: Verdict| match v {
        Verdict::Met => "结果·达标 met",
        Verdict::MetStretch => "达到力争 met stretch",
        Verdict::Missed => "未达标 missed",
        Verdict::Raised => "目标上调 raised",
        Verdict::Held => "持平 held",
        Verdict::Lowered => "目标下调 lowered",
        _ => "",
    };
    for &v in verdicts {
        let mark = format!(
            r##"<circle cx="7" cy="0" r="6" fill="{}" stroke="#ffffff" stroke-width="1"/>"##,
            colour(v)
        );
        item(s, mark, label(v), 150.0);
    }
}

fn draw_row(s: &mut String, row: &Row, y0: f64, opts: &Options, english: bool, shaded: bool) {
    let mid = y0 + ROW / 2.0;
    if shaded {
        let _ = writeln!(
            s,
            r##"<rect x="0" y="{y0}" width="{WIDTH}" height="{ROW}" fill="#f6f8fa"/>"##
        );
    }
    // Labels: the indicator (in English when asked and known) and its key.
    let name = match (english, row.label_en) {
        (true, Some(en)) => en.to_string(),
        _ => row.indicator.clone(),
    };
    let _ = writeln!(
        s,
        r##"<text x="20" y="{}" font-size="14" fill="#24292f">{}</text>"##,
        mid - 2.0,
        escape(&cut(&name, if english { 30 } else { LABEL_CHARS }))
    );
    let sub = match (english, row.key) {
        (true, _) => row.indicator.clone(),
        (false, Some(k)) => k.to_string(),
        (false, None) => String::new(),
    };
    let _ = writeln!(
        s,
        r##"<text x="20" y="{}" font-size="11" fill="#6e7781">{}</text>"##,
        mid + 13.0,
        escape(&cut(&sub, 30))
    );
    let (a, b) = domain(row, opts);
    let x = |v: f64| PLOT_X0 + (v.clamp(a, b) - a) / (b - a) * (PLOT_X1 - PLOT_X0);
    // The row's axis, with its ends.
    let _ = writeln!(
        s,
        r##"<line x1="{PLOT_X0}" y1="{mid}" x2="{PLOT_X1}" y2="{mid}" stroke="#d0d7de" stroke-width="1"/>"##
    );
    if let Some(t) = &row.target {
        {
            let (lo, hi) = met_band(t, row.key, opts);
            let (x0, x1) = (x(lo), x(hi));
            let _ = writeln!(
                s,
                r##"<rect x="{x0:.1}" y="{:.1}" width="{:.1}" height="16" fill="#dafbe1" stroke="#1a7f37" stroke-width="0.5" opacity="0.9"/>"##,
                mid - 8.0,
                (x1 - x0).max(1.0)
            );
        }
        let tx = x(t.base);
        let _ = writeln!(
            s,
            r##"<line x1="{tx:.1}" y1="{:.1}" x2="{tx:.1}" y2="{:.1}" stroke="#24292f" stroke-width="2"/>"##,
            mid - 12.0,
            mid + 12.0
        );
        if let Some(h) = t.base_high.filter(|_| t.comparator == Comparator::Range) {
            let hx = x(h);
            let _ = writeln!(
                s,
                r##"<line x1="{hx:.1}" y1="{:.1}" x2="{hx:.1}" y2="{:.1}" stroke="#24292f" stroke-width="2"/>"##,
                mid - 12.0,
                mid + 12.0
            );
        }
        if let Some(st) = t.base_stretch {
            let sx = x(st);
            let _ = writeln!(
                s,
                r##"<path d="M{sx:.1},{:.1} L{:.1},{mid:.1} L{sx:.1},{:.1} L{:.1},{mid:.1} Z" fill="#ffffff" stroke="#24292f" stroke-width="1.5"/>"##,
                mid - 7.0,
                sx + 7.0,
                mid + 7.0,
                sx - 7.0
            );
        }
    }
    if let Some(r) = &row.result {
        let rx = x(base(r));
        let _ = writeln!(
            s,
            r##"<circle cx="{rx:.1}" cy="{mid:.1}" r="7" fill="{}" stroke="#ffffff" stroke-width="1.5"/>"##,
            colour(row.verdict)
        );
    }
    // The values and the verdict, right of the plot.
    let result = row.result.as_ref().map_or("—".to_string(), plain_value);
    let target = side_cell(row.target.as_ref());
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" font-size="13" fill="#24292f"><tspan font-weight="bold" fill="{}">{}</tspan><tspan dx="5" fill="#57606a">/</tspan><tspan dx="5" fill="#57606a">{}</tspan></text>"##,
        PLOT_X1 + 16.0,
        mid - 2.0,
        colour(row.verdict),
        escape(&result),
        escape(&cut(&target, 22))
    );
    let change = change_cell(row.change.as_ref());
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" font-size="11" fill="{}">{}{}</text>"##,
        PLOT_X1 + 16.0,
        mid + 13.0,
        colour(row.verdict),
        escape(row.verdict.as_str()),
        escape(&if change.is_empty() {
            String::new()
        } else {
            format!("  ({change})")
        })
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(cut("一二三四五", 3), "一二…");
    }
}
