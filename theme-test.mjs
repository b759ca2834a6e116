import * as echarts from 'echarts';
const opt = { xAxis: { type: 'category', data: ['a'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [1] }], legend: {} };
for (const theme of [null, 'dark']) {
  const c = echarts.init(null, theme, { renderer: 'svg', ssr: true, width: 300, height: 200 });
  c.setOption(opt);
  const o = c.getOption();
  console.log(theme, JSON.stringify(o.xAxis[0].axisLabel?.color), JSON.stringify(o.legend[0].textStyle?.color), JSON.stringify(o.backgroundColor));
  c.setTheme && c.setTheme(theme ? null : 'dark');
  const o2 = c.getOption();
  console.log(' after setTheme', JSON.stringify(o2.xAxis[0].axisLabel?.color));
}
