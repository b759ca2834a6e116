//! The data the portal ships: it loads, validates clean, and every target is
//! transcribed exactly from the plan's own sentences.

use std::path::PathBuf;

use plan_model::{Target, parse_plan, validate_plan};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

fn read(name: &str) -> String {
    let path = data_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The plan's PDF-to-text copy breaks lines and spaces digits at random, so
/// sentences are compared with all whitespace removed.
fn bundled_progress() -> plan_model::ProgressDocument {
    plan_model::parse_progress("progress.json", &read("progress.json"))
        .expect("bundled progress loads")
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn bundled_plan_loads_and_validates_clean() {
    let doc = parse_plan("plan.json", &read("plan.json")).expect("bundled plan.json must load");
    let findings = validate_plan(&doc);
    assert!(findings.is_empty(), "bundled data has findings: {findings:#?}");
    assert_eq!(doc.plan.document_number, "昆政办发〔2026〕5号");
    assert_eq!(doc.plan.issue_date, "2026-01-29");
    assert_eq!(doc.goal_areas.len(), 6, "the plan has six main-goal paragraphs");
    assert_eq!(doc.tasks.len(), 8, "the plan has eight key tasks");
    assert_eq!(doc.task_groups.len(), 3);
    assert_eq!(doc.districts.len(), 11, "three zones and eight towns");
}

#[test]
fn every_source_text_is_a_sentence_of_the_plan() {
    let doc = parse_plan("plan.json", &read("plan.json")).expect("loads");
    let original = squash(&read(&doc.plan.original_text));
    for ind in &doc.indicators {
        for phrase in std::iter::once(&ind.source_text).chain(&ind.restatements) {
            assert!(
                original.contains(&squash(phrase)),
                "{}: '{phrase}' is not in the plan's text",
                ind.id
            );
        }
    }
}

#[test]
fn every_target_number_is_the_one_in_its_source_text() {
    let doc = parse_plan("plan.json", &read("plan.json")).expect("loads");
    for ind in &doc.indicators {
        let Some(level) = ind.target.level() else {
            continue;
        };
        let written = format!("{level}");
        for phrase in std::iter::once(&ind.source_text).chain(&ind.restatements) {
            assert!(
                squash(phrase).contains(&written),
                "{}: target {written} does not appear in '{phrase}'",
                ind.id
            );
        }
    }
}

/// The wording decides the maths; a spot check per kind of wording guards the
/// transcription against a plausible slip (e.g. 超 read as 以上).
#[test]
fn wording_maps_to_target_meaning() {
    let doc = parse_plan("plan.json", &read("plan.json")).expect("loads");
    let target = |id: &str| doc.indicator(id).map(|i| i.target.clone()).expect(id);
    assert_eq!(target("ai-core-output-growth"), Target::AtLeast { value: 30.0 });
    assert_eq!(target("ai-invention-patents"), Target::MoreThan { value: 300.0 });
    assert_eq!(target("smart-terminal-scale"), Target::Reach { value: 5000.0 });
    assert_eq!(target("ai-server-scale"), Target::Exceed { value: 500.0 });
    assert_eq!(target("rd-intensity"), Target::HoldAt { value: 3.9 });
    assert_eq!(target("solid-waste-utilisation"), Target::KeepAtOrAbove { value: 90.0 });
    assert_eq!(
        target("carbon-intensity-reduction"),
        Target::ReduceBy { percent: 4.5, approximate: true }
    );
    assert_eq!(target("emerging-industry-share"), Target::RaiseByPoints { points: 1.0 });
    assert_eq!(target("new-computing-power"), Target::AtLeast { value: 5000.0 });
    assert_eq!(target("supercomputer-10e"), Target::Milestone);
    let patents = doc.indicator("ai-invention-patents").expect("patents");
    assert!(patents.cumulative, "the plan says 累计 for patents");
}

#[test]
fn tasks_list_their_lead_unit_first() {
    let doc = parse_plan("plan.json", &read("plan.json")).expect("loads");
    let lead = |n: u8| {
        let task = doc.tasks.iter().find(|t| t.number == n).expect("task");
        task.responsible.first().cloned().expect("a lead unit")
    };
    assert_eq!(lead(1), "industry-it");
    assert_eq!(lead(3), "science-technology");
    assert_eq!(lead(6), "development-reform");
    let six = doc.tasks.iter().find(|t| t.number == 6).expect("task 6");
    assert_eq!(
        six.responsible,
        ["development-reform", "industry-it", "water", "ecology-environment", "market-regulation"]
    );
}

/// The published schema must be the one the types generate; regenerate with
/// `cargo run -p plan-cli -- schema > public/data/plan.schema.json`.
#[test]
fn published_schema_matches_the_types() {
    let published = read(plan_model::schema::PLAN_SCHEMA_FILE);
    assert!(
        published == plan_model::schema::plan_schema(),
        "public/data/plan.schema.json is out of date: regenerate it with \
         `cargo run -p plan-cli -- schema > public/data/plan.schema.json`"
    );
}

fn bundled() -> (plan_model::PlanDocument, plan_model::ProgressDocument) {
    let plan = parse_plan("plan.json", &read("plan.json")).expect("plan loads");
    let progress = plan_model::parse_progress("progress.json", &read("progress.json"))
        .expect("progress loads");
    (plan, progress)
}

#[test]
fn bundled_progress_is_flagged_sample_and_validates_clean() {
    let (plan, progress) = bundled();
    assert!(
        progress.release.sample,
        "the plan publishes no figures: ours must say they are samples"
    );
    assert!(progress.release.version.contains("sample"));
    let findings = plan_model::validate_progress(&plan, &progress);
    assert!(findings.is_empty(), "bundled progress has findings: {findings:#?}");
}

#[test]
fn published_progress_schema_matches_the_types() {
    let published = read(plan_model::schema::PROGRESS_SCHEMA_FILE);
    assert!(
        published == plan_model::schema::progress_schema(),
        "public/data/progress.schema.json is out of date: regenerate it with \
         `cargo run -p plan-cli -- schema progress > public/data/progress.schema.json`"
    );
}

/// The sample data exists to show every state the portal can be in.
#[test]
fn sample_progress_shows_every_status_citywide_and_by_district() {
    use plan_model::Status;
    let (plan, progress) = bundled();
    let card = plan_model::Scorecard::compute(&plan, &progress);
    assert_eq!(card.city.len(), plan.indicators.len());
    for status in Status::ALL {
        let n = card.city.values().filter(|a| a.status == status).count();
        assert!(n > 0, "no indicator is '{}' in the sample", status.label(plan_model::Lang::En));
    }
    let district_statuses: std::collections::BTreeSet<Status> =
        card.all_districts().map(|a| a.status).collect();
    assert!(
        district_statuses.contains(&Status::Achieved)
            || district_statuses.contains(&Status::OnSchedule)
    );
    assert!(
        district_statuses.contains(&Status::Behind)
            || district_statuses.contains(&Status::SeriouslyBehind)
    );
    // Each district has figures, and the 11 districts do not all do equally well.
    let ctx = plan_model::status::StatusContext::new(&plan, &progress);
    let bands: std::collections::BTreeSet<Status> = plan
        .districts
        .iter()
        .map(|d| plan_model::status::roll_up(&ctx, card.district(&d.id)).status)
        .collect();
    assert!(bands.len() >= 2, "district roll-ups should differ: {bands:?}");
}

/// Every goal area, task, department and district gets a roll-up whose counts
/// cover exactly its own items.
#[test]
fn roll_ups_cover_each_group_exactly() {
    use plan_model::status::{StatusContext, department_indicators, roll_up};
    let (plan, progress) = bundled();
    let card = plan_model::Scorecard::compute(&plan, &progress);
    let ctx = StatusContext::new(&plan, &progress);
    let total = |r: &plan_model::RollUp| r.counts.values().sum::<usize>();
    for area in &plan.goal_areas {
        let r = roll_up(&ctx, card.city_of(&area.indicators));
        assert_eq!(total(&r), area.indicators.len(), "{}", area.id);
    }
    for task in &plan.tasks {
        let r = roll_up(&ctx, card.city_of(&task.indicators));
        assert_eq!(total(&r), task.indicators.len(), "{}", task.id);
        assert_ne!(r.status, plan_model::Status::NoData, "{} has sample figures", task.id);
    }
    // 市工信局 is responsible for all eight tasks; 水务局 for task 6 alone.
    let all: std::collections::BTreeSet<&str> =
        plan.tasks.iter().flat_map(|t| t.indicators.iter().map(String::as_str)).collect();
    assert_eq!(department_indicators(&plan, "industry-it").len(), all.len());
    let water = department_indicators(&plan, "water");
    let six = plan.tasks.iter().find(|t| t.number == 6).expect("task 6");
    assert_eq!(water, six.indicators);
    for d in &plan.districts {
        let r = roll_up(&ctx, card.district(&d.id));
        assert!(total(&r) > 0, "{} has sample figures", d.id);
    }
}

/// Each citywide status explains itself with the figures behind it.
#[test]
fn every_citywide_status_has_an_explanation() {
    let (plan, progress) = bundled();
    let card = plan_model::Scorecard::compute(&plan, &progress);
    for a in card.city.values() {
        assert!(!a.explanation.zh.is_empty() && !a.explanation.en.is_empty(), "{}", a.indicator);
        if a.status.is_measured() && a.completion_percent.is_some() {
            let value = a.value.expect("a measured status has a value");
            let shown = format!("{}", (value * 10.0).round() / 10.0);
            assert!(
                a.explanation.zh.contains(&shown),
                "{}: {} lacks {shown}",
                a.indicator,
                a.explanation.zh
            );
        }
    }
}

#[test]
fn looking_back_to_a_period_drops_later_figures_and_moves_the_as_of_date() {
    let progress = bundled_progress();
    let periods = progress.periods();
    assert_eq!(periods.first().map(String::as_str), Some(progress.release.as_of.as_str()));
    assert!(periods.windows(2).all(|w| w[0] > w[1]), "newest first, no repeats");
    let june = progress.as_of("2026-06-30");
    assert_eq!(june.release.as_of, "2026-06-30");
    assert!(!june.observations.is_empty());
    assert!(june.observations.iter().all(|o| o.as_of.as_str() <= "2026-06-30"));
    assert!(june.observations.len() < progress.observations.len());
    assert!(june.milestones.iter().all(|m| m.as_of.as_str() <= "2026-06-30"));
    // Looking "back" to a later date changes nothing.
    assert_eq!(progress.as_of("2027-01-01"), progress);
}

#[test]
fn districts_rank_by_lead_over_expected_progress() {
    use plan_model::status::{StatusContext, district_average_completion, rank_districts};
    let plan = parse_plan("plan.json", &read("plan.json")).expect("plan");
    let progress = bundled_progress();
    let card = plan_model::Scorecard::compute(&plan, &progress);
    let ctx = StatusContext::new(&plan, &progress);
    let standings = rank_districts(&plan, &card, &ctx, &[]);
    assert_eq!(standings.len(), plan.districts.len());
    let leads: Vec<f64> = standings.iter().filter_map(|s| s.lead_points).collect();
    assert!(leads.len() >= 2, "sample has measured districts");
    assert!(leads.windows(2).all(|w| w[0] >= w[1]), "best first: {leads:?}");
    assert_eq!(standings[0].rank, Some(1));
    // The lead is recomputed here from the district's own assessments.
    let top = &standings[0];
    let (mut done, mut expected, mut n) = (0.0, 0.0, 0.0);
    for a in card.district(&top.district) {
        if let (Some(c), Some(e)) = (a.completion_percent, a.expected_percent)
            && a.status.is_measured()
        {
            done += c.min(100.0);
            expected += e;
            n += 1.0;
        }
    }
    let lead = top.lead_points.expect("measured");
    assert!((lead - (done - expected) / n).abs() < 1e-9, "{lead} vs {}", (done - expected) / n);
    let average = district_average_completion(&standings).expect("average");
    assert!(average > 0.0 && average <= 100.0);
    // Narrowing to one indicator ranks on that indicator alone.
    let one = vec!["ai-invention-patents".to_owned()];
    let narrowed = rank_districts(&plan, &card, &ctx, &one);
    assert!(narrowed.iter().any(|s| s.lead_points.is_some()));
    for s in narrowed.iter().filter(|s| s.lead_points.is_some()) {
        assert_eq!(s.roll_up.counts.values().sum::<usize>(), 1);
    }
}

#[test]
fn every_commitment_is_in_the_plan_text_of_its_own_section() {
    let doc = parse_plan("plan.json", &read("plan.json")).expect("loads");
    let original = read(&doc.plan.original_text);
    // The key tasks' text runs from 三、重点任务 to 四、保障措施; the safeguards after.
    let tasks_at = original.find("三、重点任务").expect("key tasks heading");
    let safeguards_at = original.find("四、保障措施").expect("safeguards heading");
    let in_tasks = squash(&original[tasks_at..safeguards_at]);
    let in_safeguards = squash(&original[safeguards_at..]);
    assert!(doc.commitments.len() >= 40, "only {} commitments", doc.commitments.len());
    for c in &doc.commitments {
        let words = squash(&c.source_text);
        match &c.task {
            Some(task_id) => {
                let task = doc.tasks.iter().find(|t| &t.id == task_id).expect("its task");
                // The task's paragraph: from its number to the next one (or the section's end).
                let start = in_tasks.find(&format!("{}.{}", task.number, task.name.zh));
                let start = start.unwrap_or_else(|| panic!("task {} not found", task.number));
                let next = in_tasks[start..]
                    .find(&format!("{}.", task.number + 1))
                    .map_or(in_tasks.len(), |n| start + n);
                assert!(
                    in_tasks[start..next].contains(&words),
                    "{}: '{}' is not in task {}'s text",
                    c.id,
                    c.source_text,
                    task.number
                );
                assert_eq!(c.responsible, task.responsible, "{}: its task's units", c.id);
            }
            None => {
                assert!(in_safeguards.contains(&words), "{}: not in 保障措施", c.id);
                assert!(c.responsible.is_empty(), "{}: the safeguards name no unit", c.id);
            }
        }
    }
    for task in &doc.tasks {
        assert!(
            doc.commitments_of_task(&task.id).count() >= 2,
            "task {} has commitments",
            task.number
        );
    }
    assert_eq!(doc.commitments.iter().filter(|c| c.task.is_none()).count(), 6);
    let named: Vec<_> = doc.commitments.iter().filter_map(|c| c.district.as_deref()).collect();
    assert_eq!(
        named,
        ["kunshan-high-tech-zone"],
        "the plan names one district: the high-tech zone's pilot"
    );
    for want in [
        "国家自主软硬件协同计算技术创新中心",
        "产业数字化转型公共服务平台",
        "多模态工业语料公共服务平台",
    ] {
        assert!(doc.commitments.iter().any(|c| c.source_text.contains(want)), "{want}");
    }
}

#[test]
fn sample_commitments_show_every_stage_and_deadline() {
    use plan_model::commitments::{DeadlineState, commitment_states, stage_counts};
    use plan_model::progress::Stage;
    let (plan, progress) = bundled();
    let states = commitment_states(&plan, &progress, |_| true);
    let counts = stage_counts(&states);
    for stage in Stage::ALL {
        assert!(counts.get(&stage).copied().unwrap_or(0) > 0, "no commitment is {stage:?}");
    }
    assert_eq!(counts.values().sum::<usize>(), plan.commitments.len());
    let deadline = |id: &str| {
        states.iter().find(|s| s.commitment.id == id).map(|s| s.deadline).expect("state")
    };
    // Due in the third quarter and stalled on 30 September.
    assert_eq!(deadline("national-cosoftware-centre"), DeadlineState::Overdue);
    // Due on 31 October, under way.
    assert_eq!(deadline("digital-transformation-platform"), DeadlineState::DueSoon);
    assert_eq!(deadline("multimodal-corpus-platform"), DeadlineState::Met);
    // Every update of the sample says it is one.
    for u in &progress.updates {
        assert!(u.progress.zh.starts_with("示例") && u.progress.en.starts_with("Sample"), "{u:?}");
    }
    // Looking back to June drops the later updates.
    let june = progress.as_of("2026-06-30");
    assert!(june.updates.iter().all(|u| u.as_of.as_str() <= "2026-06-30"));
    let then = commitment_states(&plan, &june, |c| c.id == "national-cosoftware-centre");
    assert_eq!(then[0].stage, Stage::Stalled);
    assert_eq!(then[0].deadline, DeadlineState::Later, "due 30 September: 92 days off on 30 June");
}

/// What is promised next, in the sample: an item never reported is late
/// from its first period (due 15 days after 31 March, before the release
/// was published on 15 October); one reported for September is not, and its
/// next report is due 15 days after its next period; a yearly one with no
/// figure yet is not due until the year is out.
#[test]
fn late_reports_are_those_due_before_the_release_was_published() {
    use plan_model::cadence::{late_items, reporting};
    use plan_model::progress::Cadence;
    let plan = parse_plan("plan.json", &read("plan.json")).expect("plan");
    let progress = bundled_progress();
    let never = reporting(&plan, &progress, "5g-edge-convergence").expect("an indicator");
    assert_eq!(
        (never.last.as_deref(), never.next_due.as_str(), never.late),
        (None, "2026-04-15", true)
    );
    let monthly = reporting(&plan, &progress, "ai-invention-patents").expect("an indicator");
    assert_eq!(monthly.cadence, Cadence::Monthly);
    assert_eq!(
        (monthly.last.as_deref(), monthly.next_due.as_str(), monthly.late),
        (Some("2026-09-30"), "2026-11-15", false)
    );
    let yearly = reporting(&plan, &progress, "key-laboratories").expect("an indicator");
    assert_eq!((yearly.next_due.as_str(), yearly.late), ("2027-01-15", false));
    let late = late_items(&plan, &progress);
    let unreported: Vec<&str> = plan
        .indicators
        .iter()
        .map(|i| i.id.as_str())
        .filter(|id| !progress.observations.iter().any(|o| o.indicator == *id))
        .filter(|id| !progress.milestones.iter().any(|m| m.indicator == *id))
        .filter(|id| *id != "key-laboratories")
        .chain(
            plan.commitments
                .iter()
                .map(|c| c.id.as_str())
                .filter(|id| !progress.updates.iter().any(|u| u.of == *id)),
        )
        .collect();
    let late_ids: Vec<&str> = late.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(late_ids, unreported, "exactly those never reported");
    assert!(late.len() >= 2);
}
