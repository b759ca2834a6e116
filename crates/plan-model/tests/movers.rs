//! Who moved most, worked by hand on the bundled plan with made-up figures.

use std::path::PathBuf;

use plan_model::movers::{compared_date, movers};
use plan_model::progress::Observation;
use plan_model::{Status, parse_plan, parse_progress};

fn read(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data").join(name);
    std::fs::read_to_string(path).expect("bundled data")
}

fn obs(indicator: &str, as_of: &str, value: f64) -> Observation {
    Observation {
        indicator: indicator.into(),
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

#[test]
fn the_biggest_moves_each_way_since_a_quarter_before() {
    let plan = parse_plan("plan.json", &read("plan.json")).expect("plan");
    let mut progress = parse_progress("progress.json", &read("progress.json")).expect("progress");
    progress.baselines.clear();
    progress.observations = vec![
        // More than 200: 60 by 30 June (30% done, 49.6% expected: 19.6 behind),
        // 150 by 30 September (75% done, 74.8% expected: 0.2 ahead): 19.8 up.
        obs("ai-enterprises", "2026-06-30", 60.0),
        obs("ai-enterprises", "2026-09-30", 150.0),
        // At least 20: 10 by 30 June (50%: 0.4 ahead), 11 by 30 September
        // (55%: 19.8 behind): 20.2 down.
        obs("green-factories", "2026-06-30", 10.0),
        obs("green-factories", "2026-09-30", 11.0),
        // At least 5: 2 by 30 June (40%, 9.6 behind), 3 by September (60%,
        // 14.8 behind): 5.2 down.
        obs("national-5g-factories", "2026-06-30", 2.0),
        obs("national-5g-factories", "2026-09-30", 3.0),
        // Met both times: not a move.
        obs("zero-carbon-factories", "2026-06-30", 99.0),
        obs("zero-carbon-factories", "2026-09-30", 99.0),
    ];
    assert_eq!(compared_date(&progress, "2026-09-30").as_deref(), Some("2026-06-30"));
    assert_eq!(compared_date(&progress, "2026-08-31"), None, "no date a quarter before");
    let m = movers(&plan, &progress, "2026-09-30", 3).expect("movers");
    assert_eq!(m.since, "2026-06-30");
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let up: Vec<(&str, f64, Status, Status)> =
        m.up.iter().map(|x| (x.indicator.as_str(), round(x.points), x.before, x.now)).collect();
    assert_eq!(up, [("ai-enterprises", 19.8, Status::Behind, Status::OnSchedule)]);
    let down: Vec<(&str, f64)> =
        m.down.iter().map(|x| (x.indicator.as_str(), round(x.points))).collect();
    assert_eq!(down, [("green-factories", -20.2), ("national-5g-factories", -5.2)]);
    let first_only = movers(&plan, &progress, "2026-09-30", 1).expect("movers");
    assert_eq!(first_only.down.len(), 1);
}

#[test]
fn a_district_s_rank_change_since_a_quarter_before() {
    use plan_model::movers::rank_changes;
    use plan_model::progress::DistrictTarget;
    let plan = parse_plan("plan.json", &read("plan.json")).expect("plan");
    let mut progress = parse_progress("progress.json", &read("progress.json")).expect("progress");
    progress.baselines.clear();
    let share = |district: &str| DistrictTarget {
        indicator: "ai-enterprises".into(),
        district: district.into(),
        value: 10.0,
    };
    progress.district_targets = vec![share("zhangpu"), share("lujia")];
    let at = |district: &str, date: &str, value: f64| Observation {
        district: Some(district.into()),
        ..obs("ai-enterprises", date, value)
    };
    // 30 June (49.6% expected): Zhangpu 50% (ahead), Lujia 20%: Zhangpu first.
    // 30 September (74.8%): Zhangpu 60%, Lujia 90%: Lujia first.
    progress.observations = vec![
        at("zhangpu", "2026-06-30", 5.0),
        at("lujia", "2026-06-30", 2.0),
        at("zhangpu", "2026-09-30", 6.0),
        at("lujia", "2026-09-30", 9.0),
    ];
    let changes = rank_changes(&plan, &progress, "2026-09-30", &[]).expect("a quarter before");
    let of =
        |id: &str| changes.iter().find(|(d, _)| d == id).map(|(_, c)| c.clone()).expect("district");
    assert_eq!(
        (of("lujia").before, of("lujia").now, of("lujia").places_up()),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(of("zhangpu").places_up(), Some(-1));
    assert_eq!(of("zhangpu").since, "2026-06-30");
    assert_eq!(of("bacheng").places_up(), None, "not ranked without figures");
}
