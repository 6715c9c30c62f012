// Draws each figure group of the work home as a bar chart (ECharts); a bar opens the list of exactly those records.
document.querySelectorAll('.figure-chart').forEach(function (el) {
    var labels = JSON.parse(el.dataset.labels), values = JSON.parse(el.dataset.values), links = JSON.parse(el.dataset.links);
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
        grid: { left: 40, right: 10, top: 10, bottom: 60 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: values, itemStyle: { color: '#0d6efd' } }],
    });
    chart.on('click', function (p) { window.location.href = links[p.dataIndex]; });
    window.addEventListener('resize', function () { chart.resize(); });
});
