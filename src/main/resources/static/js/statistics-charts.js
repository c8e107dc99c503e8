// Charts of the statistics pages (issue 12): every chart is drawn from the data table beside it
// (data-chart-table = the table's id), so the chart and its table always show the same numbers.
// data-chart-row = i: one row across the table's columns (a trend); otherwise data-chart-column
// (default 1): one column down the table's body rows (a breakdown).
(function () {
  'use strict';
  function number(text) {
    var n = Number((text || '').replace(/[^0-9.\-]/g, ''));
    return isNaN(n) ? 0 : n;
  }
  function draw() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('[data-chart-table]').forEach(function (element) {
      var table = document.getElementById(element.getAttribute('data-chart-table'));
      if (!table || !table.tBodies.length) {
        return;
      }
      var labels = [];
      var values = [];
      var row = element.getAttribute('data-chart-row');
      if (row !== null) {
        var head = table.tHead.rows[0].cells;
        var cells = table.tBodies[0].rows[Number(row)].cells;
        for (var i = 1; i < head.length; i++) {
          labels.push(head[i].textContent.trim());
          values.push(number(cells[i].textContent));
        }
      } else {
        var column = Number(element.getAttribute('data-chart-column') || '1');
        Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
          labels.push(r.cells[0].textContent.trim());
          values.push(number(r.cells[column].textContent));
        });
      }
      var chart = window.echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 4 ? 30 : 0 } },
        yAxis: { type: 'value' },
        series: [{ type: row !== null ? 'line' : 'bar', data: values, color: '#8a1c1c' }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
