// Draws the dashboard's monthly trend (ECharts): one line per series, the numbers also in the table below it.
document.querySelectorAll('.insights-trend').forEach(function (el) {
    var months = JSON.parse(el.dataset.months), series = JSON.parse(el.dataset.series), values = JSON.parse(el.dataset.values);
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
        grid: { left: 40, right: 10, top: 30, bottom: 30 },
        tooltip: { trigger: 'axis' },
        legend: { data: series },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map(function (name, i) { return { name: name, type: 'line', data: values[i] }; }),
    });
    window.addEventListener('resize', function () { chart.resize(); });
});
