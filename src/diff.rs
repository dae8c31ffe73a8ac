//! Results against targets.
//!
//! One report: last year's results against this year's targets, per indicator (`raised`,
//! `lowered`, `held`). Two reports: the earlier report's targets for year Y against the later
//! report's results for year Y (`met`, `missed`, `met_stretch`, `not_reported`).
//!
//! Pairs are made by catalogue key first, then by the same normalised subject, and never across
//! units of different kinds (values are compared in base units, so 万人 meets 人).

use crate::document::Document;
use crate::extract::{Direction, Indicator, Kind};
use crate::lexicon::catalogue::{self, CATALOGUE};
use crate::lexicon::units::UnitClass;
use crate::lexicon::words::Comparator;
use serde::Serialize;
use thiserror::Error;

/// Why two reports cannot be compared.
#[derive(Debug, Error)]
pub enum DiffError {
    #[error(
        "the earlier report sets targets for {earlier:?} but the later one reports results for {later:?} (use --force to compare anyway)"
    )]
    YearsDoNotLineUp {
        earlier: Option<i32>,
        later: Option<i32>,
    },
}

/// How a pair turned out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Raised,
    Lowered,
    Held,
    Met,
    MetStretch,
    Missed,
    NotReported,
    /// Only one side is present (single-report mode, `--all`).
    OneSided,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Raised => "raised",
            Verdict::Lowered => "lowered",
            Verdict::Held => "held",
            Verdict::Met => "met",
            Verdict::MetStretch => "met_stretch",
            Verdict::Missed => "missed",
            Verdict::NotReported => "not_reported",
            Verdict::OneSided => "one_sided",
        }
    }
}

/// One side of a pair.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub value: f64,
    pub high: Option<f64>,
    pub unit: String,
    pub comparator: Comparator,
    /// Targets: the `力争` value, if the report gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stretch: Option<f64>,
    pub year: Option<i32>,
    pub text: String,
    pub page: u32,
    #[serde(skip)]
    pub base: f64,
    #[serde(skip)]
    pub base_high: Option<f64>,
    #[serde(skip)]
    pub base_stretch: Option<f64>,
    #[serde(skip)]
    pub class: UnitClass,
    #[serde(skip)]
    pub base_unit: &'static str,
    /// `down` for a decrease (`下降3%`): the value stays as written.
    pub direction: Option<Direction>,
}

impl Side {
    fn of(i: &Indicator) -> Side {
        Side {
            value: i.value,
            high: i.high,
            unit: i.unit.to_string(),
            comparator: i.comparator,
            stretch: None,
            year: i.year,
            text: i.text.to_string(),
            page: i.page,
            base: i.base_value,
            base_high: i.base_high,
            base_stretch: None,
            class: i.unit_class,
            base_unit: i.base_unit,
            direction: i.direction,
        }
    }

    /// The value as a signed quantity: a decrease (`下降3%`) is -3, so that comparisons read one way.
    fn signed(&self, v: f64) -> f64 {
        if self.is_down() { -v } else { v }
    }

    pub fn is_down(&self) -> bool {
        self.direction == Some(Direction::Down)
    }
}

/// The difference between the two sides.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// `pp` (percentage points, for rates) or `ratio` (for amounts).
    pub kind: &'static str,
    pub value: f64,
}

/// One row of a diff.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub indicator: String,
    pub key: Option<&'static str>,
    pub label_en: Option<&'static str>,
    pub result: Option<Side>,
    pub target: Option<Side>,
    pub change: Option<Change>,
    pub verdict: Verdict,
}

/// A whole diff: what was compared and the rows, in catalogue order then text order.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    /// `single` (one report) or `compare` (two reports).
    pub mode: &'static str,
    /// Where the results come from, and where the targets come from.
    pub results_from: String,
    pub targets_from: String,
    pub result_year: Option<i32>,
    pub target_year: Option<i32>,
    pub rows: Vec<Row>,
}

impl Diff {
    /// `12 pairs: 9 met, 3 missed`.
    pub fn summary(&self) -> String {
        let mut counts: Vec<(Verdict, usize)> = Vec::new();
        for r in &self.rows {
            match counts.iter_mut().find(|(v, _)| *v == r.verdict) {
                Some((_, n)) => *n += 1,
                None => counts.push((r.verdict, 1)),
            }
        }
        counts.sort();
        let parts: Vec<String> = counts
            .iter()
            .map(|(v, n)| format!("{n} {}", v.as_str()))
            .collect();
        let pairs = self
            .rows
            .iter()
            .filter(|r| r.result.is_some() && r.target.is_some())
            .count();
        format!(
            "{pairs} pairs: {}",
            if parts.is_empty() {
                "nothing to compare".into()
            } else {
                parts.join(", ")
            }
        )
    }
}

/// How to judge.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Include indicators present on one side only.
    pub all: bool,
    /// Tolerance of an `approx` (左右) target, in percentage points for rates.
    pub tolerance: f64,
    /// Tolerance of an `approx` target for amounts, as a share of the target.
    pub relative_tolerance: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            all: false,
            tolerance: 0.5,
            relative_tolerance: 0.05,
        }
    }
}

/// Verbs and place words that name the same indicator differently in a review and a plan
/// (`新建高原和美乡村` / `建设高原和美乡村`).
const SUBJECT_NOISE: &[&str] = &[
    "新建续建",
    "新建和改造",
    "新建",
    "建设",
    "建成",
    "实施",
    "完成",
    "新增",
    "培育",
    "落实",
    "安排",
    "开展",
    "实现",
    "全年",
    "全省",
    "全区",
    "全市",
    "累计",
    "推进",
    "确保",
    "力争",
];

/// A subject with its verbs removed, for pairing mentions that have no catalogue key.
pub fn normalised_subject(s: &str) -> String {
    let mut t = s.trim().to_string();
    loop {
        let before = t.clone();
        for w in SUBJECT_NOISE {
            if let Some(rest) = t.strip_prefix(w) {
                t = rest.to_string();
            }
        }
        if t == before {
            return t;
        }
    }
}

/// Which side's units can be compared: same class, or two counts in the same base unit.
fn comparable(a: &Side, b: &Side) -> bool {
    a.class == b.class
        && (a.class == UnitClass::Percent
            || a.class == UnitClass::Points
            || a.base_unit == b.base_unit)
}

/// Pairing key of a mention: its catalogue key, else its normalised subject.
fn pair_key(i: &Indicator) -> Option<String> {
    match i.key {
        Some(k) => Some(format!("key:{k}")),
        None => {
            let s = normalised_subject(&i.indicator);
            (!s.is_empty()).then(|| format!("subject:{s}"))
        }
    }
}

/// A figure for one year: not a five-year total, not an average over years.
fn single_year(i: &Indicator, year: Option<i32>) -> bool {
    i.period.is_none() && year.is_some() && i.year == year
}

/// Targets of `year`, one per pairing key (first in text order), with their stretch values.
fn targets(inds: &[Indicator], year: Option<i32>) -> Vec<(String, &Indicator, Side)> {
    let mut out: Vec<(String, &Indicator, Side)> = Vec::new();
    for i in inds
        .iter()
        .filter(|i| i.kind == Kind::Target && single_year(i, year))
    {
        let Some(k) = pair_key(i) else { continue };
        if i.stretch {
            // A stretch value belongs to the base target just before it.
            if let Some((_, _, side)) = out
                .iter_mut()
                .rev()
                .find(|(key, _, side)| *key == k && side.stretch.is_none())
            {
                side.stretch = Some(i.value);
                side.base_stretch = Some(i.base_value);
            }
            continue;
        }
        if !out.iter().any(|(key, _, _)| *key == k) {
            out.push((k, i, Side::of(i)));
        }
    }
    out
}

/// Results of `year`, one per pairing key (first in text order: the summary of main indicators).
fn results(inds: &[Indicator], year: Option<i32>) -> Vec<(String, &Indicator, Side)> {
    let mut out: Vec<(String, &Indicator, Side)> = Vec::new();
    for i in inds
        .iter()
        .filter(|i| i.kind == Kind::Result && single_year(i, year))
    {
        let Some(k) = pair_key(i) else { continue };
        if !out.iter().any(|(key, _, _)| *key == k) {
            out.push((k, i, Side::of(i)));
        }
    }
    out
}

/// Percentage points for rates, a ratio for amounts: `to` against `from`.
fn change(from: &Side, to: &Side) -> Option<Change> {
    match from.class {
        UnitClass::Percent | UnitClass::Points => Some(Change {
            kind: "pp",
            value: round(to.signed(to.value) - from.signed(from.value)),
        }),
        _ if from.base != 0.0 => Some(Change {
            kind: "ratio",
            value: round(to.base / from.base),
        }),
        _ => None,
    }
}

fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Targets of this indicator are upper bounds (unemployment, prices) or reductions (`下降`).
fn lower_is_better(key: Option<&str>) -> bool {
    key.and_then(catalogue::entry)
        .is_some_and(|e| e.upper_bound)
}

/// Was the target met by the result? (`met`, `met_stretch` or `missed`.)
pub fn judge(result: &Side, target: &Side, key: Option<&str>, opts: &Options) -> Verdict {
    // Compare in base units, signed so that a decrease is negative.
    let r = result.signed(result.base);
    let t = target.signed(target.base);
    let t_high = target.base_high.map(|h| target.signed(h));
    let tol = match target.class {
        UnitClass::Percent | UnitClass::Points => opts.tolerance,
        _ => target.base.abs() * opts.relative_tolerance,
    };
    let eps = 1e-9;
    // Upper-bound indicators, and reduction targets that are upper bounds of the signed value
    // (`能耗下降3%` is met by a fall of 3.5%, i.e. -3.5 ≤ -3), read the other way round.
    let lower = lower_is_better(key) || target.is_down();
    let met = match (target.comparator, lower) {
        (Comparator::Le, _) | (Comparator::Lt, _) if !target.is_down() => r <= t + eps,
        (Comparator::Approx, true) => r <= t + tol + eps,
        (Comparator::Approx, false) => r >= t - tol - eps,
        (Comparator::Range, true) => r <= t_high.map_or(t, |h| h.max(t)) + eps,
        (Comparator::Range, false) => r >= t.min(t_high.unwrap_or(t)) - eps,
        (Comparator::Gt, false) => {
            r > t + eps || (result.comparator == Comparator::Gt && r >= t - eps)
        }
        (_, true) => r <= t + eps,
        (_, false) => r >= t - eps,
    };
    if !met {
        return Verdict::Missed;
    }
    match target.base_stretch {
        Some(s) if !lower && r >= target.signed(s) - eps => Verdict::MetStretch,
        Some(s) if lower && r <= target.signed(s) + eps => Verdict::MetStretch,
        _ => Verdict::Met,
    }
}

/// Order: catalogue keys in catalogue order, then subjects in text order of first appearance.
fn order(key: &str, first_seen: usize) -> (usize, usize) {
    match key.strip_prefix("key:") {
        Some(k) => (
            CATALOGUE
                .iter()
                .position(|e| e.key == k)
                .unwrap_or(usize::MAX - 1),
            0,
        ),
        None => (usize::MAX, first_seen),
    }
}

fn label(i: &Indicator) -> (String, Option<&'static str>, Option<&'static str>) {
    let name = i
        .key
        .and_then(catalogue::entry)
        .map_or_else(|| i.indicator.to_string(), |e| e.label_zh.to_string());
    (name, i.key, i.label_en)
}

/// One report: results of its `result_year` against targets of its `target_year`.
pub fn single(doc: &Document, inds: &[Indicator], opts: &Options) -> Diff {
    let (ry, ty) = (doc.meta.result_year, doc.meta.target_year);
    let rs = results(inds, ry);
    let ts = targets(inds, ty);
    let mut rows: Vec<((usize, usize), Row)> = Vec::new();
    for (k, ri, rside) in &rs {
        let pos = ri.byte_span.0;
        match ts
            .iter()
            .find(|(tk, _, tside)| tk == k && comparable(rside, tside))
        {
            Some((_, _, tside)) => {
                let verdict = match tside
                    .signed(tside.base)
                    .partial_cmp(&rside.signed(rside.base))
                {
                    Some(std::cmp::Ordering::Greater) => Verdict::Raised,
                    Some(std::cmp::Ordering::Less) => Verdict::Lowered,
                    _ => Verdict::Held,
                };
                let (indicator, key, label_en) = label(ri);
                rows.push((
                    order(k, pos),
                    Row {
                        indicator,
                        key,
                        label_en,
                        change: change(rside, tside),
                        result: Some(rside.clone()),
                        target: Some(tside.clone()),
                        verdict,
                    },
                ));
            }
            None if opts.all => {
                let (indicator, key, label_en) = label(ri);
                rows.push((
                    order(k, pos),
                    Row {
                        indicator,
                        key,
                        label_en,
                        result: Some(rside.clone()),
                        target: None,
                        change: None,
                        verdict: Verdict::OneSided,
                    },
                ));
            }
            None => {}
        }
    }
    if opts.all {
        for (k, ti, tside) in &ts {
            if !rs
                .iter()
                .any(|(rk, _, rside)| rk == k && comparable(rside, tside))
            {
                let (indicator, key, label_en) = label(ti);
                rows.push((
                    order(k, ti.byte_span.0),
                    Row {
                        indicator,
                        key,
                        label_en,
                        result: None,
                        target: Some(tside.clone()),
                        change: None,
                        verdict: Verdict::OneSided,
                    },
                ));
            }
        }
    }
    rows.sort_by_key(|(o, _)| *o);
    Diff {
        mode: "single",
        results_from: doc.source.path.clone(),
        targets_from: doc.source.path.clone(),
        result_year: ry,
        target_year: ty,
        rows: rows.into_iter().map(|(_, r)| r).collect(),
    }
}

/// Two reports: `earlier`'s targets for year Y against `later`'s results for year Y.
pub fn compare(
    earlier: (&Document, &[Indicator]),
    later: (&Document, &[Indicator]),
    force: bool,
    opts: &Options,
) -> Result<Diff, DiffError> {
    let year = earlier.0.meta.target_year;
    let later_year = later.0.meta.result_year;
    if year != later_year && !force {
        return Err(DiffError::YearsDoNotLineUp {
            earlier: year,
            later: later_year,
        });
    }
    let ts = targets(earlier.1, year);
    let rs = results(later.1, later_year);
    let mut rows: Vec<((usize, usize), Row)> = Vec::new();
    for (k, ti, tside) in &ts {
        let (indicator, key, label_en) = label(ti);
        let row = match rs
            .iter()
            .find(|(rk, _, rside)| rk == k && comparable(rside, tside))
        {
            Some((_, _, rside)) => Row {
                indicator,
                key,
                label_en,
                change: change(tside, rside),
                verdict: judge(rside, tside, k.strip_prefix("key:"), opts),
                result: Some(rside.clone()),
                target: Some(tside.clone()),
            },
            None => Row {
                indicator,
                key,
                label_en,
                result: None,
                target: Some(tside.clone()),
                change: None,
                verdict: Verdict::NotReported,
            },
        };
        rows.push((order(k, ti.byte_span.0), row));
    }
    rows.sort_by_key(|(o, _)| *o);
    Ok(Diff {
        mode: "compare",
        results_from: later.0.source.path.clone(),
        targets_from: earlier.0.source.path.clone(),
        result_year: later_year,
        target_year: year,
        rows: rows.into_iter().map(|(_, r)| r).collect(),
    })
}
