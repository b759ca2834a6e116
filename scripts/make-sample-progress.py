#!/usr/bin/env python3
"""Writes public/data/progress.json: SAMPLE progress figures for 2026.

The plan publishes no progress figures. These are made up, deterministically
(fixed seed), to show how the portal behaves: some targets met early, some on
schedule, some behind, districts ahead and behind, and a few gaps. The release
is flagged `"sample": true` and every page that shows it says 示例数据.

Run from the repository root, then release it:
    python3 scripts/make-sample-progress.py
    cargo run -p plan-cli -- release --version 2026.09.0-sample --date 2026-10-15 \
        --notes "示例数据：2026 年 1—9 月的演示进展，非官方数据。" \
        --notes-en "Sample data: made-up progress for January–September 2026, not official figures."
"""
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
plan = json.loads((ROOT / "public/data/plan.json").read_text(encoding="utf-8"))
rng = random.Random(2026)

AS_OF = "2026-09-30"
MONTH_ENDS = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31",
              "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30"]
QUARTER_ENDS = ["2026-03-31", "2026-06-30", "2026-09-30"]
SOURCE = "示例数据（非官方）Sample data, not official"

# How far along each indicator is by 30 September, as a share of its target
# (1.0 = exactly on the calendar's pace). Chosen to show every status band.
PACE_FACTOR = {
    "ai-enterprises": 1.05, "smart-terminal-products": 1.45, "smart-terminal-scale": 0.97,
    "ai-server-scale": 1.12, "digital-capability-level2": 0.82, "national-5g-factories": 0.55,
    "advanced-smart-factories": 0.9, "industrial-vertical-models": 1.2,
    "ai-manufacturing-scenarios": 1.0, "zuchongzhi-projects": 1.1, "ai-invention-patents": 1.02,
    "enterprise-tech-centres": 0.7, "engineering-research-centres": 0.95,
    "green-factories": 0.6, "zero-carbon-factories": 1.0, "green-retrofit-projects": 1.35,
    "industrial-datasets": 0.88, "new-computing-power": 0.45, "tech-contract-turnover": 1.0,
    "ai-retrofit-projects": 0.93, "distributed-pv-capacity": 1.08,
}
# Rates and levels: value on 30 September as a share of the target level.
LEVEL_FACTOR = {
    "ai-core-output-growth": 0.93, "emerging-industry-share": 0.8, "hightech-industry-share": 1.05,
    "rd-intensity": 0.99, "carbon-intensity-reduction": 0.72, "ai-coverage-rd-service": 0.96,
    "ai-coverage-production-ops": 1.04, "ai-coverage-supply-chain": 0.78,
    "solid-waste-utilisation": 1.02,
}
NO_DATA = {"key-laboratories"}          # nothing reported yet
# Figures estimated before the count is in (the sample's flags; revisions
# come from sample-history.py).
ESTIMATED = {("rd-intensity", "2026-09-30"), ("tech-contract-turnover", "2026-09-30")}
MISSING_MONTHS = {"ai-server-scale": {"2026-02-28", "2026-07-31"}, "rd-intensity": {"2026-04-30"}}
# District weights (share of each citywide target) and how each is doing.
DISTRICT_WEIGHT = {
    "kunshan-development-zone": 0.24, "kunshan-high-tech-zone": 0.22, "huaqiao-development-zone": 0.1,
    "zhangpu": 0.08, "zhoushi": 0.08, "lujia": 0.06, "bacheng": 0.06, "qiandeng": 0.06,
    "dianshanhu": 0.04, "zhouzhuang": 0.03, "jinxi": 0.03,
}
DISTRICT_FORM = {
    "kunshan-development-zone": 1.15, "kunshan-high-tech-zone": 1.25, "huaqiao-development-zone": 0.9,
    "zhangpu": 1.05, "zhoushi": 0.95, "lujia": 0.7, "bacheng": 1.0, "qiandeng": 0.85,
    "dianshanhu": 0.55, "zhouzhuang": 1.1, "jinxi": 0.8,
}
# District figures are kept for counted targets; two districts miss a quarter.
DISTRICT_INDICATORS = ["ai-enterprises", "digital-capability-level2", "advanced-smart-factories",
                       "ai-manufacturing-scenarios", "green-factories", "ai-retrofit-projects",
                       "ai-invention-patents"]
DISTRICT_GAPS = {("dianshanhu", "2026-09-30"), ("jinxi", "2026-06-30")}
DISTRICT_RATES = ["ai-coverage-rd-service"]


def day_share(date):
    month, day = int(date[5:7]), int(date[8:10])
    before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    return (before[month - 1] + day) / 365


def rounded(indicator, value):
    unit = indicator["unit"]["zh"]
    if unit in ("家", "个", "项", "件"):
        return float(max(0, round(value)))
    return round(value, 2 if unit in ("%", "个百分点") else 1)


def target_level(indicator):
    t = indicator["target"]
    return t.get("value", t.get("percent", t.get("points")))


LEVEL_IDS = set(LEVEL_FACTOR)
indicators = {i["id"]: i for i in plan["indicators"]}
observations, district_targets, baselines = [], [], []
BASELINE_DATE = "2025-12-31"
# Where shares stood at the end of 2025 (made up), in per cent: their targets
# raise them by points.
SHARE_BASELINES = {"emerging-industry-share": 56.3, "hightech-industry-share": 52.1}
# Starting levels not published (made up as such): the portal says what it
# counts from instead. One district's running total has none either.
NO_BASELINE = {"carbon-intensity-reduction"}
NO_DISTRICT_BASELINE = {"jinxi"}

for ind in plan["indicators"]:
    iid = ind["id"]
    if ind["target"]["kind"] == "milestone" or iid in NO_DATA:
        continue
    level = target_level(ind)
    for date in MONTH_ENDS:
        if date in MISSING_MONTHS.get(iid, set()):
            continue
        share = day_share(date)
        if iid in LEVEL_IDS:
            # A rate drifts towards its September value from a lower start.
            value = level * LEVEL_FACTOR[iid] * (0.85 + 0.15 * share / day_share(AS_OF))
            value *= 1 + rng.uniform(-0.015, 0.015)
        else:
            start = 0.55 if ind["cumulative"] else 0.0  # a running total starts high
            if ind["cumulative"] and date == MONTH_ENDS[0]:
                # Its level at the end of 2025: the same curve at day 0.
                baselines.append({"indicator": iid, "value": rounded(ind, level * PACE_FACTOR[iid] * start),
                                  "as_of": BASELINE_DATE, "source": SOURCE})
            progress = start + (1 - start) * share
            value = level * PACE_FACTOR[iid] * progress * (1 + rng.uniform(-0.03, 0.03))
        observation = {"indicator": iid, "as_of": date, "value": rounded(ind, value), "source": SOURCE}
        if (iid, date) in ESTIMATED:
            observation["flag"] = "estimated"
        observations.append(observation)
    # Running totals never fall: smooth out noise.
    series = [o for o in observations if o["indicator"] == iid]
    if iid not in LEVEL_IDS:
        for a, b in zip(series, series[1:]):
            b["value"] = max(a["value"], b["value"])

for iid in DISTRICT_INDICATORS:
    ind = indicators[iid]
    level = target_level(ind)
    shares = {d: rounded(ind, level * w) for d, w in DISTRICT_WEIGHT.items()}
    for d, v in shares.items():
        district_targets.append({"indicator": iid, "district": d, "value": v})
    city_q = {o["as_of"]: o["value"] for o in observations if o["indicator"] == iid}
    for d in DISTRICT_WEIGHT:
        last = 0.0
        for date in QUARTER_ENDS:
            if (d, date) in DISTRICT_GAPS:
                continue
            value = city_q[date] * DISTRICT_WEIGHT[d] * DISTRICT_FORM[d] * (1 + rng.uniform(-0.05, 0.05))
            value = max(last, rounded(ind, value))
            last = value
            observations.append({"indicator": iid, "district": d, "as_of": date, "value": value, "source": SOURCE})

    if ind["cumulative"]:
        city_start = next(b["value"] for b in baselines if b["indicator"] == iid and "district" not in b)
        for d in DISTRICT_WEIGHT:
            if d in NO_DISTRICT_BASELINE:
                continue
            baselines.append({"indicator": iid, "district": d,
                              "value": rounded(ind, city_start * DISTRICT_WEIGHT[d] * DISTRICT_FORM[d]),
                              "as_of": BASELINE_DATE, "source": SOURCE})

for iid, level in SHARE_BASELINES.items():
    baselines.append({"indicator": iid, "value": level, "unit": {"zh": "%", "en": "%"},
                      "as_of": BASELINE_DATE, "source": SOURCE,
                      "note": {"zh": "示例：2025 年底占规上工业产值的比重。",
                               "en": "Sample: share of industrial output above designated size at the end of 2025."}})
for iid in sorted(NO_BASELINE):
    baselines.append({"indicator": iid, "note": {"zh": "示例：未公布 2025 年基数。",
                                                "en": "Sample: no 2025 base level published."}})

for iid in DISTRICT_RATES:
    ind = indicators[iid]
    city = {o["as_of"]: o["value"] for o in observations if o["indicator"] == iid}
    for d in DISTRICT_WEIGHT:
        for date in QUARTER_ENDS:
            value = city[date] * (0.75 + 0.5 * (DISTRICT_FORM[d] - 0.55) / 0.7) * (1 + rng.uniform(-0.03, 0.03))
            observations.append({"indicator": iid, "district": d, "as_of": date,
                                 "value": rounded(ind, value), "source": SOURCE})

milestones = [
    {"indicator": "supercomputer-10e", "as_of": "2026-03-31", "stage": "in_progress",
     "note": {"zh": "示例：系统方案论证启动。", "en": "Sample: design study started."}},
    {"indicator": "supercomputer-10e", "as_of": "2026-09-30", "stage": "in_progress",
     "note": {"zh": "示例：首批机柜完成部署。", "en": "Sample: first cabinets installed."}},
]
# 5g-edge-convergence has no record: it shows as "not measurable".

# Each commitment follows one of these stories over the three quarters (None:
# no update that quarter), chosen by its place in the plan so that every stage
# shows. Made up, like everything here.
STORIES = [
    ("not_started", "in_progress", "done"),
    ("in_progress", "in_progress", "in_progress"),
    ("not_started", "in_progress", "delayed"),
    ("in_progress", "stalled", "stalled"),
    (None, "not_started", "in_progress"),
    ("in_progress", "in_progress", "done"),
    (None, None, None),
]
PROGRESS_WORDS = {
    "not_started": ("示例：已明确牵头处室，尚未启动实施。", "Sample: the lead office is named; work has not started."),
    "in_progress": ("示例：{q}按计划推进，完成阶段性工作。", "Sample: in {qe}, work went ahead as planned."),
    "delayed": ("示例：{q}已启动，进度慢于计划。", "Sample: begun, but in {qe} it fell behind its plan."),
    "stalled": ("示例：{q}工作暂停。", "Sample: in {qe}, work stopped."),
    "done": ("示例：{q}完成全部工作并通过验收。", "Sample: in {qe}, all work was finished and accepted."),
}
PROBLEMS = {
    "delayed": ("示例：配套资金到位晚于预期。", "Sample: the matching funds arrived later than expected."),
    "stalled": ("示例：选址调整，需重新论证。", "Sample: the site changed and must be assessed again."),
}
NEXT_STEPS = {
    "not_started": ("示例：下季度启动实施。", "Sample: to start next quarter."),
    "in_progress": ("示例：下季度继续推进。", "Sample: to continue next quarter."),
    "delayed": ("示例：下季度加快进度，追赶计划。", "Sample: to speed up next quarter and catch up."),
    "stalled": ("示例：协调相关部门，争取尽快恢复。", "Sample: working with the departments concerned to restart soon."),
}
# Delivery confidence as a responsible unit might rate it (made up): mostly
# in step with the stage, but a few rated high while delayed, so that the
# portal's "the two disagree" note has something to show.
CONFIDENCE = {
    "not_started": ("medium", ("示例：方案已定，待资金到位。", "Sample: the plan is set; funds are awaited.")),
    "in_progress": ("high", ("示例：资金、场地和人员均已落实。", "Sample: funds, site and staff are all in place.")),
    "delayed": ("low", ("示例：配套条件尚未落实，按期完成有困难。", "Sample: the conditions are not yet met; finishing on time will be hard.")),
    "stalled": ("low", ("示例：工作暂停，恢复时间未定。", "Sample: work is paused, with no date to restart.")),
    "done": ("high", ("示例：已完成并通过验收。", "Sample: finished and accepted.")),
}
OPTIMISTIC = ("high", ("示例：牵头单位认为可在年内追回进度。", "Sample: the lead unit expects to catch up within the year."))
QUARTER_WORDS = [("一季度", "the first quarter"), ("二季度", "the second quarter"), ("三季度", "the third quarter")]


def words(pair, **places):
    zh, en = pair
    return {"zh": zh.format(**places), "en": en.format(**places)}


updates = []
for n, c in enumerate(plan["commitments"]):
    story = STORIES[n % len(STORIES)]
    for (q_zh, q_en), date, stage in zip(QUARTER_WORDS, QUARTER_ENDS, story):
        if stage is None:
            continue
        u = {"of": c["id"], "as_of": date, "stage": stage,
             "progress": words(PROGRESS_WORDS[stage], q=q_zh, qe=q_en)}
        if stage in PROBLEMS:
            u["problems"] = words(PROBLEMS[stage])
        if stage in NEXT_STEPS:
            u["next_steps"] = words(NEXT_STEPS[stage])
        level, reason = OPTIMISTIC if stage == "delayed" and n % 14 == 2 else CONFIDENCE[stage]
        u["confidence"] = {"level": level, "reason": words(reason)}
        if stage == "done":
            # example.org is reserved for examples: a sample link that claims nothing.
            u["evidence"] = [{"title": {"zh": "示例：验收公告（示例链接）", "en": "Sample: notice of acceptance (example link)"},
                              "url": f"https://example.org/kunshan-sample/{c['id']}"}]
        updates.append(u)
for task in plan["tasks"]:
    mine = [c["id"] for c in plan["commitments"] if c.get("task") == task["id"]]
    for i, ((q_zh, q_en), date) in enumerate(zip(QUARTER_WORDS, QUARTER_ENDS)):
        stages = [u["stage"] for u in updates if u["of"] in mine and u["as_of"] == date]
        moving = sum(1 for s in stages if s in ("in_progress", "done"))
        lagging = sum(1 for s in stages if s in ("delayed", "stalled"))
        u = {"of": task["id"], "as_of": date,
             "progress": {"zh": f"示例：{q_zh}，{len(mine)} 项举措中 {moving} 项推进或完成。",
                          "en": f"Sample: in {q_en}, {moving} of {len(mine)} commitments were under way or done."}}
        if lagging:
            u["problems"] = {"zh": f"示例：{lagging} 项举措滞后或停滞。",
                             "en": f"Sample: {lagging} commitments are behind or stalled."}
        u["next_steps"] = {"zh": "示例：按季度调度，督促滞后举措。", "en": "Sample: quarterly review, pressing the ones behind."}
        level = "high" if lagging == 0 else "medium" if lagging == 1 else "low"
        u["confidence"] = {"level": level, "reason": {
            "zh": f"示例：{len(mine)} 项举措中 {lagging} 项滞后或停滞。",
            "en": f"Sample: {lagging} of {len(mine)} commitments are behind or stalled."}}
        updates.append(u)
updates.sort(key=lambda u: (u["as_of"], u["of"]))

# Due dates from the units' work plans (made up); the rest are due at the
# plan year's end.
WORK_PLAN = {"zh": "示例：责任单位年度工作计划（非官方）", "en": "Sample: the responsible unit's work plan (not official)"}
deadlines = [
    {"of": "national-cosoftware-centre", "due": "2026-Q3", "source": WORK_PLAN},
    {"of": "digital-transformation-platform", "due": "2026-10-31", "source": WORK_PLAN},
    {"of": "green-manufacturing-standard", "due": "2026-Q2", "source": WORK_PLAN},
    {"of": "multimodal-corpus-platform", "due": "2026-Q4", "source": WORK_PLAN},
    {"of": "high-tech-zone-pilot", "due": "2026-10-31", "source": WORK_PLAN},
    {"of": "supercomputer-10e", "due": "2026-Q4", "source": WORK_PLAN},
]

doc = {
    "schema_version": 1,
    # Not yet released: `plan-data release` stamps the version, date and
    # changelog, and writes the manifest (see docs/publishing.md).
    "release": {"version": "unreleased", "published": "2026-10-15", "as_of": AS_OF, "sample": True, "changelog": []},
    "thresholds": {"behind_points": 10.0, "seriously_behind_points": 30.0, "about_tolerance_percent": 5.0},
    "observations": observations,
    "district_targets": district_targets,
    "milestones": milestones,
    "baselines": baselines,
    "updates": updates,
    "deadlines": deadlines,
    # How often each reports (made up): quarterly, with the patents counted
    # monthly and the key laboratories once a year; reports are due 15 days
    # after their period ends.
    "reporting": {"indicators": "quarterly", "commitments": "quarterly", "grace_days": 15,
                  "items": [{"of": "ai-invention-patents", "every": "monthly"},
                            {"of": "key-laboratories", "every": "yearly"}]},
}
out = ROOT / "public/data/progress.json"
# The layout plan-data writes (serde_json's pretty printer), so diffs stay small.
out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {out.relative_to(ROOT)}: {len(observations)} observations, "
      f"{len(district_targets)} district targets, {len(milestones)} milestone records, "
      f"{len(baselines)} starting levels, {len(updates)} updates, {len(deadlines)} deadlines")
