// Same data, same chart as the portal's "targets in the six goal areas".
fetch('{{DATA}}/plan.json')
  .then((r) => r.json())
  .then((plan) => {
    const kinds = new Map(plan.indicators.map((i) => [i.id, i.target.kind]));
    const rows = plan.goal_areas.map((g) => {
      const milestones = g.indicators.filter((id) => kinds.get(id) === 'milestone').length;
      return [g.short_name.zh, g.indicators.length - milestones, milestones];
    });
    const chart = echarts.init(document.getElementById('chart'), null, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: {},
      grid: { containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r[0]) },
      series: [
        { type: 'bar', name: '量化目标', stack: 'n', data: rows.map((r) => r[1]) },
        { type: 'bar', name: '定性任务', stack: 'n', data: rows.map((r) => r[2]) },
      ],
    });
    performance.mark('kunshan:chart-drawn');
  });
