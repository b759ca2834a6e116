// The overview's first chart on screen, "主要目标进展" (mean completion of each
// goal area against the progress expected by now), drawn from the same two
// files with the same ECharts build and no framework: the least a page can do.
// The status maths is plan-model's (crates/plan-model/src/status.rs), for the
// citywide figures only; `make bench` checks that this chart's numbers and
// labels equal the portal's before it compares their times.
const dayOfYear = (date) => {
  const [y, m, d] = date.split('-').map(Number);
  return [y, (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 864e5 + 1];
};

const expectedPercent = (asOf, year, schedule) => {
  const [y, day] = dayOfYear(asOf);
  if (y < year) return 0;
  if (y > year) return 100;
  if (schedule.length === 0) return (day / dayOfYear(`${year}-12-31`)[1]) * 100;
  const points = [[0, 0], ...schedule.map((m) => [dayOfYear(m.as_of)[1], m.expected_percent])];
  points.sort((a, b) => a[0] - b[0]);
  const after = points.findIndex((p) => p[0] >= day);
  if (after < 0) return points[points.length - 1][1];
  if (after === 0) return points[0][1];
  const [d0, p0] = points[after - 1];
  const [d1, p1] = points[after];
  return d1 === d0 ? p1 : p0 + ((p1 - p0) * (day - d0)) / (d1 - d0);
};

// The last of the latest, as Rust's `max_by`.
const latest = (list) => list.reduce((a, b) => (b.as_of >= a.as_of ? b : a), list[0]);

// What a running total counts from, as status::Start::of: the published
// starting level, else the year's first figure.
const startOf = (ind, observations, baselines) => {
  if (!ind.cumulative) return null;
  const b = baselines.find((x) => x.indicator === ind.id && !x.district);
  if (b && b.value !== undefined && b.as_of) return { value: b.value, as_of: b.as_of };
  if (observations.length === 0) return null;
  return observations.reduce((a, o) => (o.as_of < a.as_of ? o : a));
};

// One indicator, citywide: { status, done, expected } as status::assess.
const assess = (ind, observations, records, ctx) => {
  const t = ind.target;
  if (t.kind === 'milestone') {
    if (records.length === 0) return { status: 'not_measurable' };
    const record = latest(records);
    const expected = expectedPercent(record.as_of, ctx.year, ctx.schedule);
    const status = { done: 'achieved', in_progress: 'on_schedule', delayed: 'behind' }[record.stage]
      || (expected > 25 ? 'behind' : 'on_schedule');
    return { status, expected };
  }
  if (observations.length === 0) return { status: 'no_data' };
  const value = latest(observations).value;
  const asOf = latest(observations).as_of;
  const level = t.kind === 'reduce_by' ? t.percent : t.kind === 'raise_by_points' ? t.points : t.value;
  const ratio = (v, l) => (l === 0 ? 100 : (v / l) * 100);
  const within = Math.abs(value - level) <= (Math.abs(level) * ctx.thresholds.about_tolerance_percent) / 100;
  const start = startOf(ind, observations, ctx.baselines);
  const baseline = start ? start.value : null;
  let done = ratio(value, level);
  let met = value >= level;
  if (['at_least', 'reach', 'more_than', 'exceed'].includes(t.kind)) {
    if (baseline !== null && level > baseline) done = ratio(value - baseline, level - baseline);
    if (t.kind === 'more_than' || t.kind === 'exceed') met = value > level;
  } else if (t.kind === 'about') {
    met = within;
  } else if (t.kind === 'hold_at' || (t.kind === 'reduce_by' && t.approximate)) {
    met = value >= level || within;
  }
  // From the start: the calendar's share of what was left of the year then.
  const fromStart = (now) => {
    const then = expectedPercent(start.as_of, ctx.year, ctx.schedule);
    return then >= 100 ? 100 : Math.max(((now - then) / (100 - then)) * 100, 0);
  };
  const calendar = expectedPercent(asOf, ctx.year, ctx.schedule);
  const expected = ind.pace === 'level' ? 100 : start ? fromStart(calendar) : calendar;
  const passFail = t.kind === 'hold_at' || t.kind === 'keep_at_or_above';
  const status = met ? 'achieved' : passFail ? 'behind' : ctx.band(expected - Math.min(done, 100));
  return { status, done, expected };
};

// Several indicators summed up, as status::roll_up.
const rollUp = (items, ctx) => {
  let [doneSum, expectedSum, quantified, measured, achieved, shortfall] = [0, 0, 0, 0, 0, 0];
  for (const a of items) {
    if (a.status === 'no_data' || a.status === 'not_measurable') continue;
    measured += 1;
    if (a.status === 'achieved') achieved += 1;
    if (a.done !== undefined && a.expected !== undefined) {
      const done = Math.min(a.done, 100);
      doneSum += done;
      expectedSum += a.expected;
      quantified += 1;
      if (a.status !== 'achieved') shortfall += Math.max(a.expected - done, 0);
    } else if (a.status === 'behind') {
      shortfall += ctx.thresholds.seriously_behind_points;
    }
  }
  const mean = (sum) => (quantified === 0 ? null : sum / quantified);
  const status = measured === 0 ? 'no_data' : achieved === measured ? 'achieved' : ctx.band(shortfall / measured);
  return { status, done: mean(doneSum), expected: mean(expectedSum) };
};

const STATUS = {
  achieved: ['✔', '已完成', '#009E73'],
  on_schedule: ['●', '进度正常', '#0072B2'],
  behind: ['▲', '进度滞后', '#A67500'],
  seriously_behind: ['✖', '严重滞后', '#D55E00'],
  no_data: ['–', '暂无数据', '#8C8C8C'],
  not_measurable: ['○', '无法量化', '#8C8C8C'],
};
const round1 = (v) => Math.round(v * 10) / 10;

Promise.all(['plan', 'progress'].map((f) => fetch(`{{DATA}}/${f}.json`).then((r) => r.json())))
  .then(([plan, progress]) => {
    const t = progress.thresholds;
    const ctx = {
      year: plan.plan.plan_year,
      thresholds: t,
      schedule: progress.schedule || [],
      baselines: progress.baselines || [],
      band: (gap) => (gap <= t.behind_points ? 'on_schedule' : gap <= t.seriously_behind_points ? 'behind' : 'seriously_behind'),
    };
    const city = (list, id) => list.filter((x) => x.indicator === id && !x.district);
    const byId = new Map(plan.indicators.map((i) => [i.id, i]));
    const rows = plan.goal_areas.map((g) => {
      const items = g.indicators.map((id) =>
        assess(byId.get(id), city(progress.observations, id), city(progress.milestones, id), ctx));
      return { name: g.short_name.zh, ...rollUp(items, ctx) };
    });
    const chart = echarts.init(document.getElementById('chart'), null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', inverse: true,
        data: rows.map((r) => `${r.name}  ${STATUS[r.status][0]} ${STATUS[r.status][1]}`) },
      series: [
        { type: 'bar', name: '平均完成度 %', barWidth: '55%', itemStyle: { color: '#0072B2' },
          data: rows.map((r) => (r.done === null ? '-'
            : { value: round1(r.done), itemStyle: { color: STATUS[r.status][2] } })) },
        { type: 'line', name: '序时进度 %', symbol: 'diamond', symbolSize: 14, lineStyle: { width: 0 },
          itemStyle: { color: '#777777', borderColor: '#ffffff', borderWidth: 1 },
          data: rows.map((r) => (r.expected === null ? '-' : round1(r.expected))) },
      ],
    });
    performance.mark('kunshan:chart-drawn');
  });
