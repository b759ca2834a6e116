//! Worked examples of the status maths: one per target meaning and per status
//! band, with the figures a reader could check by hand.

use plan_model::Bilingual;
use plan_model::plan::{Baseline, Indicator, Pace, Target};
use plan_model::progress::{MilestoneRecord, Observation, Stage, Thresholds};
use plan_model::status::{Status, StatusContext, assess, expected_percent, roll_up};

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
        baseline: None,
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
    }
}

const THRESHOLDS: Thresholds =
    Thresholds { behind_points: 10.0, seriously_behind_points: 30.0, about_tolerance_percent: 5.0 };

fn ctx() -> StatusContext<'static> {
    StatusContext { year: 2026, thresholds: &THRESHOLDS, schedule: vec![] }
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

#[test]
fn a_running_total_counts_from_its_baseline() {
    let mut ind = indicator(Target::MoreThan { value: 300.0 }, Pace::Accumulates);
    ind.cumulative = true;
    ind.baseline = Some(Baseline { value: 180.0, as_of: "2025-12-31".into(), source: "x".into() });
    let o = obs("2026-06-30", 240.0);
    let a = assess(&ctx(), &ind, None, None, &[&o], &[]);
    assert_eq!(a.completion_percent, Some(50.0), "60 of the 120 still to come");
    assert_eq!(a.status, Status::OnSchedule);
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
    let ctx = StatusContext { year: 2026, thresholds: &loose, schedule: vec![] };
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
