//! Worked examples of the status maths: one per target meaning and per status
//! band, with the figures a reader could check by hand.

use plan_model::Bilingual;
use plan_model::plan::{Indicator, Pace, Target};
use plan_model::progress::{BaselineRecord, MilestoneRecord, Observation, Stage, Thresholds};
use plan_model::status::{Start, Status, StatusContext, assess, expected_percent, roll_up};

fn text(s: &str) -> Bilingual {
    Bilingual { zh: s.into(), en: s.into() }
}

fn indicator(target: Target, pace: Pace) -> Indicator {
    Indicator {
        id: "x".into(),
        name: text("x"),
        unit: text("家"),
        target,
        pace,
        cumulative: false,
        source_text: "x".into(),
        restatements: vec![],
    }
}

fn obs(as_of: &str, value: f64) -> Observation {
    Observation {
        indicator: "x".into(),
        district: None,
        as_of: as_of.into(),
        value,
        unit: None,
        note: None,
        source: None,
        flag: None,
        revision: None,
    }
}

const THRESHOLDS: Thresholds =
    Thresholds { behind_points: 10.0, seriously_behind_points: 30.0, about_tolerance_percent: 5.0 };

fn ctx() -> StatusContext<'static> {
    StatusContext { year: 2026, thresholds: &THRESHOLDS, schedule: vec![], baselines: &[] }
}

/// Status and completion of one value on 30 June 2026 (day 181 of 365: 49.6% expected).
fn at_mid_year(target: Target, pace: Pace, value: f64) -> (Status, f64) {
    let ind = indicator(target, pace);
    let o = obs("2026-06-30", value);
    let a = assess(&ctx(), &ind, None, None, &[&o], &[]);
    (a.status, (a.completion_percent.unwrap_or(f64::NAN) * 10.0).round() / 10.0)
}

#[test]
fn expected_progress_is_the_elapsed_share_of_the_year() {
    let e = |d: &str| (expected_percent(d, 2026, &[]).expect("date") * 10.0).round() / 10.0;
    assert_eq!(e("2026-06-30"), 49.6); // 181 / 365
    assert_eq!(e("2026-12-31"), 100.0);
    assert_eq!(e("2026-01-01"), 0.3);
    assert_eq!(e("2025-12-31"), 0.0, "before the plan year nothing is expected");
}

#[test]
fn expected_progress_follows_quarterly_milestones_when_given() {
    let schedule: Vec<(String, f64)> =
        [("2026-03-31", 15.0), ("2026-06-30", 40.0), ("2026-09-30", 70.0), ("2026-12-31", 100.0)]
            .iter()
            .map(|(d, p)| (d.to_string(), *p))
            .collect();
    assert_eq!(expected_percent("2026-03-31", 2026, &schedule), Some(15.0));
    assert_eq!(expected_percent("2026-06-30", 2026, &schedule), Some(40.0));
    // 15 August is 46 of the 92 days from 30 June to 30 September: halfway from 40 to 70.
    assert_eq!(expected_percent("2026-08-15", 2026, &schedule), Some(55.0));
}

#[test]
fn at_least_bands_by_gap_to_expected_progress() {
    let t = Target::AtLeast { value: 150.0 };
    // 60 of 150 = 40%, 9.6 points behind 49.6%: within 10 points.
    assert_eq!(at_mid_year(t.clone(), Pace::Accumulates, 60.0), (Status::OnSchedule, 40.0));
    // 50 of 150 = 33.3%, 16.3 points behind.
    assert_eq!(at_mid_year(t.clone(), Pace::Accumulates, 50.0), (Status::Behind, 33.3));
    // 20 of 150 = 13.3%, 36.3 points behind.
    assert_eq!(at_mid_year(t.clone(), Pace::Accumulates, 20.0), (Status::SeriouslyBehind, 13.3));
    // 以上 includes the level itself.
    assert_eq!(at_mid_year(t, Pace::Accumulates, 150.0), (Status::Achieved, 100.0));
}

#[test]
fn more_than_needs_to_pass_the_level() {
    let t = Target::MoreThan { value: 300.0 };
    assert_eq!(
        at_mid_year(t.clone(), Pace::Accumulates, 300.0).0,
        Status::OnSchedule,
        "超 300: 300 is not yet more than 300"
    );
    assert_eq!(at_mid_year(t, Pace::Accumulates, 301.0).0, Status::Achieved);
}

#[test]
fn reach_and_exceed() {
    assert_eq!(
        at_mid_year(Target::Reach { value: 5000.0 }, Pace::Accumulates, 5000.0).0,
        Status::Achieved
    );
    assert_eq!(
        at_mid_year(Target::Exceed { value: 500.0 }, Pace::Accumulates, 500.0).0,
        Status::OnSchedule
    );
    assert_eq!(
        at_mid_year(Target::Exceed { value: 500.0 }, Pace::Accumulates, 500.5).0,
        Status::Achieved
    );
}

#[test]
fn about_counts_within_the_tolerance() {
    let t = Target::About { value: 100.0 };
    assert_eq!(at_mid_year(t.clone(), Pace::Level, 96.0).0, Status::Achieved, "within 5% of 100");
    assert_eq!(at_mid_year(t.clone(), Pace::Level, 104.0).0, Status::Achieved);
    assert_eq!(
        at_mid_year(t, Pace::Level, 90.0),
        (Status::OnSchedule, 90.0),
        "10 points short of the level"
    );
}

#[test]
fn hold_at_is_pass_or_fail_against_the_level() {
    let t = Target::HoldAt { value: 3.9 };
    assert_eq!(at_mid_year(t.clone(), Pace::Level, 3.8).0, Status::Achieved, "within 5% of 3.9");
    assert_eq!(at_mid_year(t.clone(), Pace::Level, 4.1).0, Status::Achieved);
    assert_eq!(at_mid_year(t, Pace::Level, 3.6).0, Status::Behind, "3.6 is more than 5% below 3.9");
}

#[test]
fn keep_at_or_above_is_pass_or_fail() {
    let t = Target::KeepAtOrAbove { value: 90.0 };
    assert_eq!(at_mid_year(t.clone(), Pace::Level, 91.2).0, Status::Achieved);
    assert_eq!(at_mid_year(t, Pace::Level, 89.5).0, Status::Behind, "no tolerance below 以上");
}

#[test]
fn reduce_by_about_measures_the_reduction_achieved() {
    let t = Target::ReduceBy { percent: 4.5, approximate: true };
    assert_eq!(at_mid_year(t.clone(), Pace::Level, 4.3).0, Status::Achieved, "4.3 is about 4.5");
    // 4.0 of 4.5 = 88.9%, 11.1 points short of the level.
    assert_eq!(at_mid_year(t.clone(), Pace::Level, 4.0), (Status::Behind, 88.9));
    // 3.0 of 4.5 = 66.7%, 33.3 points short.
    assert_eq!(at_mid_year(t, Pace::Level, 3.0), (Status::SeriouslyBehind, 66.7));
    let exact = Target::ReduceBy { percent: 4.5, approximate: false };
    assert_eq!(
        at_mid_year(exact, Pace::Level, 4.3).0,
        Status::OnSchedule,
        "without 左右 4.3 is short"
    );
}

#[test]
fn raise_by_points() {
    let t = Target::RaiseByPoints { points: 1.0 };
    assert_eq!(at_mid_year(t.clone(), Pace::Level, 0.95), (Status::OnSchedule, 95.0));
    assert_eq!(at_mid_year(t, Pace::Level, 1.0).0, Status::Achieved);
}

fn baseline(district: Option<&str>, value: Option<f64>, as_of: &str) -> BaselineRecord {
    BaselineRecord {
        indicator: "x".into(),
        district: district.map(Into::into),
        value,
        unit: None,
        as_of: value.map(|_| as_of.into()),
        source: value.map(|_| "source".into()),
        note: None,
    }
}

fn running_total() -> Indicator {
    let mut ind = indicator(Target::MoreThan { value: 300.0 }, Pace::Accumulates);
    ind.cumulative = true;
    ind
}

#[test]
fn a_running_total_counts_from_its_published_starting_level() {
    let ind = running_total();
    let start = [baseline(None, Some(180.0), "2025-12-31")];
    let ctx = StatusContext { baselines: &start, ..ctx() };
    let o = obs("2026-06-30", 240.0);
    let a = assess(&ctx, &ind, None, None, &[&o], &[]);
    assert_eq!(a.completion_percent, Some(50.0), "60 of the 120 still to come");
    // From the end of 2025, the calendar's share: 181 / 365 = 49.6%.
    assert_eq!(a.expected_percent.map(|e| (e * 10.0).round() / 10.0), Some(49.6));
    assert_eq!(a.status, Status::OnSchedule);
    assert_eq!(a.start, Some(Start { value: 180.0, as_of: "2025-12-31".into(), assumed: false }));
    assert!(a.explanation.en.contains("starting level of 180"), "{}", a.explanation.en);
    assert!(a.explanation.zh.contains("起点 180家（2025-12-31）"), "{}", a.explanation.zh);
    // The expected path: 180 at the start, 180 + 120 × 49.6% = 239.5 on 30 June.
    let s = a.start.expect("start");
    assert_eq!(s.expected_level(&ctx, 300.0, "2025-12-31"), Some(180.0));
    let mid = s.expected_level(&ctx, 300.0, "2026-06-30").expect("level");
    assert_eq!((mid * 10.0).round() / 10.0, 239.5);
    assert_eq!(s.expected_level(&ctx, 300.0, "2026-12-31"), Some(300.0));
}

#[test]
fn a_running_total_without_a_starting_level_counts_from_its_first_figure_and_says_so() {
    let ind = running_total();
    // Recorded as having none, or not recorded at all: the same.
    for start in [vec![baseline(None, None, "")], vec![]] {
        let ctx = StatusContext { baselines: &start, ..ctx() };
        let (first, latest) = (obs("2026-01-31", 181.0), obs("2026-06-30", 240.0));
        let a = assess(&ctx, &ind, None, None, &[&latest, &first], &[]);
        // 59 of the 119 left after 31 January: 49.6%.
        assert_eq!(a.completion_percent.map(|c| (c * 10.0).round() / 10.0), Some(49.6));
        // Expected: (49.6 − 8.5) of the 91.5 points of the year left on 31
        // January: (181 − 31) / (365 − 31) = 44.9%.
        assert_eq!(a.expected_percent.map(|e| (e * 10.0).round() / 10.0), Some(44.9));
        assert_eq!(a.status, Status::OnSchedule);
        let s = a.start.as_ref().expect("start");
        assert!(s.assumed);
        assert_eq!((s.value, s.as_of.as_str()), (181.0, "2026-01-31"));
        assert!(
            a.explanation.en.contains("No starting level is published"),
            "{}",
            a.explanation.en
        );
        assert!(a.explanation.zh.contains("未公布起点"), "{}", a.explanation.zh);
    }
}

#[test]
fn a_district_running_total_counts_from_the_district_starting_level() {
    let ind = running_total();
    let start = [
        baseline(None, Some(180.0), "2025-12-31"),
        baseline(Some("zhangpu"), Some(10.0), "2025-12-31"),
    ];
    let ctx = StatusContext { baselines: &start, ..ctx() };
    let mut o = obs("2026-06-30", 20.0);
    o.district = Some("zhangpu".into());
    let a = assess(&ctx, &ind, Some("zhangpu"), Some(30.0), &[&o], &[]);
    assert_eq!(a.completion_percent, Some(50.0), "10 of the district's 20 still to come");
}

#[test]
fn a_count_of_the_year_alone_starts_from_zero() {
    // Not a running total: nothing to count from but zero, nothing assumed.
    let ind = indicator(Target::AtLeast { value: 100.0 }, Pace::Accumulates);
    let a = assess(
        &ctx(),
        &ind,
        None,
        None,
        &[&obs("2026-01-31", 30.0), &obs("2026-06-30", 50.0)],
        &[],
    );
    assert_eq!((a.completion_percent, a.start), (Some(50.0), None));
}

#[test]
fn the_latest_observation_counts() {
    let ind = indicator(Target::AtLeast { value: 100.0 }, Pace::Accumulates);
    let (a, b) = (obs("2026-06-30", 10.0), obs("2026-03-31", 5.0));
    let out = assess(&ctx(), &ind, None, None, &[&a, &b], &[]);
    assert_eq!(out.as_of.as_deref(), Some("2026-06-30"));
    assert_eq!(out.value, Some(10.0));
}

#[test]
fn no_observation_is_no_data() {
    let ind = indicator(Target::AtLeast { value: 100.0 }, Pace::Accumulates);
    assert_eq!(assess(&ctx(), &ind, None, None, &[], &[]).status, Status::NoData);
}

#[test]
fn districts_measure_against_their_share() {
    let ind = indicator(Target::AtLeast { value: 100.0 }, Pace::Accumulates);
    let mut o = obs("2026-06-30", 5.0);
    o.district = Some("zhangpu".into());
    let with_share = assess(&ctx(), &ind, Some("zhangpu"), Some(10.0), &[&o], &[]);
    assert_eq!(
        (with_share.status, with_share.completion_percent),
        (Status::OnSchedule, Some(50.0))
    );
    let without = assess(&ctx(), &ind, Some("zhangpu"), None, &[&o], &[]);
    assert_eq!(without.status, Status::NotMeasurable);
    assert!(without.explanation.zh.contains("没有分解目标"));
    // A rate is the same level everywhere: no share needed.
    let rate = indicator(Target::AtLeast { value: 50.0 }, Pace::Level);
    assert_eq!(assess(&ctx(), &rate, Some("zhangpu"), None, &[&o], &[]).target, Some(50.0));
}

#[test]
fn milestones_follow_their_records() {
    let ind = indicator(Target::Milestone, Pace::Level);
    let record = |as_of: &str, stage| MilestoneRecord {
        indicator: "x".into(),
        as_of: as_of.into(),
        stage,
        note: text("n"),
    };
    let status = |r: &MilestoneRecord| assess(&ctx(), &ind, None, None, &[], &[r]).status;
    assert_eq!(status(&record("2026-09-30", Stage::Done)), Status::Achieved);
    assert_eq!(status(&record("2026-09-30", Stage::InProgress)), Status::OnSchedule);
    assert_eq!(status(&record("2026-09-30", Stage::Delayed)), Status::Behind);
    assert_eq!(
        status(&record("2026-09-30", Stage::NotStarted)),
        Status::Behind,
        "not begun after three quarters"
    );
    assert_eq!(
        status(&record("2026-02-28", Stage::NotStarted)),
        Status::OnSchedule,
        "early in the year"
    );
    assert_eq!(assess(&ctx(), &ind, None, None, &[], &[]).status, Status::NotMeasurable);
}

#[test]
fn thresholds_come_from_the_data() {
    let loose = Thresholds {
        behind_points: 20.0,
        seriously_behind_points: 40.0,
        about_tolerance_percent: 5.0,
    };
    let ctx = StatusContext { year: 2026, thresholds: &loose, schedule: vec![], baselines: &[] };
    let ind = indicator(Target::AtLeast { value: 150.0 }, Pace::Accumulates);
    let o = obs("2026-06-30", 50.0);
    // 16.3 points behind: "behind" at 10, "on schedule" at 20.
    assert_eq!(assess(&ctx, &ind, None, None, &[&o], &[]).status, Status::OnSchedule);
}

#[test]
fn explanation_gives_value_target_expected_and_gap() {
    let ind = indicator(Target::AtLeast { value: 150.0 }, Pace::Accumulates);
    let o = obs("2026-06-30", 50.0);
    let a = assess(&ctx(), &ind, None, None, &[&o], &[]);
    assert_eq!(
        a.explanation.zh,
        "截至 2026-06-30，数值 50家，目标 150家，完成 33.3%；按序时进度应完成 49.6%，落后 16.3 个百分点。"
    );
    assert_eq!(
        a.explanation.en,
        "As of 2026-06-30: 50 家 against a target of 150 家, 33.3% done; 49.6% was expected by this date, 16.3 points behind."
    );
}

#[test]
fn roll_up_bands_the_mean_gap() {
    let ind = indicator(Target::AtLeast { value: 100.0 }, Pace::Accumulates);
    let at = |v: f64| assess(&ctx(), &ind, None, None, &[&obs("2026-06-30", v)], &[]);
    let all_met = [at(100.0), at(120.0)];
    assert_eq!(roll_up(&ctx(), &all_met).status, Status::Achieved);
    // 130 is ahead (shortfall 0), 0 is 49.6 points short: mean shortfall 24.8.
    // Being far ahead on one target does not hide another far behind.
    let mixed = [at(130.0), at(0.0)];
    let r = roll_up(&ctx(), &mixed);
    assert_eq!(r.status, Status::Behind);
    assert_eq!(r.counts.get(&Status::Achieved), Some(&1));
    assert_eq!(r.counts.get(&Status::SeriouslyBehind), Some(&1));
    assert_eq!(r.mean_completion_percent, Some(50.0));
    assert_eq!(
        roll_up(&ctx(), &[assess(&ctx(), &ind, None, None, &[], &[])]).status,
        Status::NoData
    );
}

#[test]
fn a_figure_that_is_not_final_says_so_in_the_explanation_and_in_words() {
    use plan_model::progress::{Revision, ValueFlag};
    let ind = indicator(Target::AtLeast { value: 100.0 }, Pace::Accumulates);
    let mut o = obs("2026-06-30", 50.0);
    o.flag = Some(ValueFlag::Revised);
    o.revision = Some(Revision { replaced: 48.0, revised_on: "2026-10-15".into() });
    let a = assess(&ctx(), &ind, None, None, &[&o], &[]);
    assert!(
        a.explanation.en.ends_with("revised: it replaced 48 家 on 2026-10-15."),
        "{}",
        a.explanation.en
    );
    assert!(a.explanation.zh.ends_with("原为 48家（2026-10-15 修订）。"), "{}", a.explanation.zh);
    assert_eq!(
        o.flag_words(plan_model::Lang::Zh).as_deref(),
        Some("修订数：原为 48（2026-10-15 修订）")
    );
    assert_eq!(
        o.flag_words(plan_model::Lang::En).as_deref(),
        Some("revised: was 48 (revised 2026-10-15)")
    );
    o.flag = Some(ValueFlag::Preliminary);
    o.revision = None;
    let a = assess(&ctx(), &ind, None, None, &[&o], &[]);
    assert!(a.explanation.en.ends_with("This figure is preliminary and may be revised."));
    assert_eq!(o.flag_words(plan_model::Lang::Zh).as_deref(), Some("初步数"));
    o.flag = None;
    assert_eq!(o.flag_words(plan_model::Lang::En), None);
    // The status itself does not change with the flag: the figure counts.
    assert_eq!(assess(&ctx(), &ind, None, None, &[&o], &[]).status, a.status);
}

#[test]
fn pace_to_target_says_what_is_needed_per_month_and_whether_the_recent_pace_gets_there() {
    // 60 by 30 June, 30 by 31 March: 30 in 91 days, 10.03 a month
    // (a month is 365 / 12 = 30.42 days). From 30 June, 184 days are left:
    // 6.05 months.
    let (march, june) = (obs("2026-03-31", 30.0), obs("2026-06-30", 60.0));
    let reach = |target: f64| {
        let ind = indicator(Target::AtLeast { value: target }, Pace::Accumulates);
        assess(&ctx(), &ind, None, None, &[&march, &june], &[]).pace.expect("pace")
    };
    let round2 = |v: f64| (v * 100.0).round() / 100.0;
    let on = reach(120.0);
    assert_eq!(round2(on.months_left), 6.05);
    assert_eq!(on.remaining, 60.0);
    // 60 to go in 6.05 months: 9.92 a month; 10.03 a month gets to 120.7.
    assert_eq!(round2(on.needed_per_month), 9.92);
    let (recent, since) = on.recent.clone().expect("recent");
    assert_eq!((round2(recent), since.as_str()), (10.03, "2026-03-31"));
    assert_eq!(on.on_course, Some(true));
    assert!(
        on.explanation.en.contains("60 家 to go with 6 months left: 9.9 家 a month needed"),
        "{}",
        on.explanation.en
    );
    assert!(
        on.explanation
            .en
            .ends_with("since 2026-03-31, 10 家 a month, which would reach the target.")
    );
    assert!(
        on.explanation.zh.contains("需每月 9.9家；2026-03-31 以来每月 10家，照此速度可以完成。"),
        "{}",
        on.explanation.zh
    );
    // 70 to go: 11.57 a month, more than the pace gives.
    let off = reach(130.0);
    assert_eq!(round2(off.needed_per_month), 11.57);
    assert_eq!(off.on_course, Some(false));
    assert!(off.explanation.zh.ends_with("照此速度难以完成。"));
}

#[test]
fn pace_counts_from_the_start_when_there_is_no_figure_three_months_back() {
    // One figure: a count of the year alone is measured from zero on 1 January.
    let ind = indicator(Target::AtLeast { value: 100.0 }, Pace::Accumulates);
    let june = obs("2026-06-30", 50.0);
    let pace = assess(&ctx(), &ind, None, None, &[&june], &[]).pace.expect("pace");
    let (recent, since) = pace.recent.expect("recent");
    assert_eq!(since, "2025-12-31");
    assert_eq!((recent * 100.0).round() / 100.0, 8.4, "50 in 181 days");
    // A running total counts from its starting level.
    let mut total = running_total();
    total.target = Target::MoreThan { value: 300.0 };
    let start = [baseline(None, Some(180.0), "2025-12-31")];
    let ctx = StatusContext { baselines: &start, ..ctx() };
    let pace =
        assess(&ctx, &total, None, None, &[&obs("2026-06-30", 240.0)], &[]).pace.expect("pace");
    assert_eq!(pace.recent.map(|r| r.1), Some("2025-12-31".to_owned()));
    assert_eq!(pace.on_course, Some(true), "60 in half a year, 60 to go in the other half");
}

#[test]
fn no_pace_for_levels_met_targets_or_the_year_s_end() {
    let level = indicator(Target::AtLeast { value: 5.0 }, Pace::Level);
    assert_eq!(assess(&ctx(), &level, None, None, &[&obs("2026-06-30", 3.0)], &[]).pace, None);
    let count = indicator(Target::AtLeast { value: 100.0 }, Pace::Accumulates);
    assert_eq!(assess(&ctx(), &count, None, None, &[&obs("2026-06-30", 120.0)], &[]).pace, None);
    assert_eq!(assess(&ctx(), &count, None, None, &[&obs("2026-12-31", 80.0)], &[]).pace, None);
}

#[test]
fn an_indicator_s_status_month_by_month() {
    use plan_model::status::indicator_history;
    let plan: plan_model::PlanDocument = {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/plan.json");
        plan_model::parse_plan("plan.json", &std::fs::read_to_string(path).expect("read"))
            .expect("plan")
    };
    let ind = plan.indicator("ai-enterprises").expect("indicator").clone();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/progress.json");
    let mut progress =
        plan_model::parse_progress("progress.json", &std::fs::read_to_string(path).expect("read"))
            .expect("progress");
    // More than 200: 10 by 31 March (5% against 24.7% expected: 19.7 behind),
    // 90 by 30 June (45% against 49.6%: on schedule), 210 by 30 September (met).
    let at = |date: &str, value: f64| Observation { indicator: ind.id.clone(), ..obs(date, value) };
    progress.observations =
        vec![at("2026-06-30", 90.0), at("2026-03-31", 10.0), at("2026-09-30", 210.0)];
    let history = indicator_history(&plan, &progress, &ind);
    assert_eq!(
        history,
        [
            ("2026-03-31".to_owned(), Status::Behind),
            ("2026-06-30".to_owned(), Status::OnSchedule),
            ("2026-09-30".to_owned(), Status::Achieved),
        ]
    );
}
