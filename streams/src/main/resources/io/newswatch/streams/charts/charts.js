// newswatch's one chart script, served by the console and carried inline by the replay report. It draws every
// element with a data-chart attribute with uPlot (which must be loaded first). The attribute holds JSON, escaped by
// the server and read with JSON.parse, never run: {"x": [epoch seconds], "series": [{"label", "values"}], "unit"}.
// Series get the palette's colours in order, dashed from the eleventh on, so that no two look alike; times are
// written in UTC, as every table of newswatch writes them. Labels reach the page as text only (uPlot sets them with
// textContent). window.newswatchCharts.draw(root) draws what a later change to the page brought.
(function () {
  'use strict';
  // Tableau 10
  var palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
    '#bcbd22', '#17becf'];
  var dashes = [null, [6, 3], [2, 3], [8, 3, 2, 3]];
  var formats = { hour: '{YYYY}-{MM}-{DD} {HH}:{mm}', day: '{YYYY}-{MM}-{DD}', month: '{YYYY}-{MM}' };
  // daily and monthly figures get no ticks between their points (uPlot would mark noon), labelled as the tables
  // write them; uPlot aligns steps of 30 days and more to the first of the month
  var day = 86400;
  var month = 30 * day;
  var year = 365 * day;
  var timeSteps = { day: [day, 2 * day, 7 * day, 14 * day, month, 3 * month, 6 * month, year],
    month: [month, 2 * month, 3 * month, 6 * month, year, 2 * year, 5 * year] };
  // counts are whole numbers: ticks at 1, 2, 5, 10, 20, 50, ...
  var wholeSteps = [];
  for (var m = 1; m <= 1e9; m *= 10) { wholeSteps.push(m, 2 * m, 5 * m); }

  function utc(ts) { return window.uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); }

  function timeAxis(unit) {
    if (!timeSteps[unit]) { return {}; }
    var format = window.uPlot.fmtDate(formats[unit]);
    return { space: 80, incrs: timeSteps[unit],
      values: function (u, splits) { return splits.map(function (t) { return format(utc(t)); }); } };
  }

  function options(data, width) {
    var series = [{ label: data.unit, value: formats[data.unit] || formats.hour }];
    for (var k = 0; k < data.series.length; k++) {
      var s = { label: String(data.series[k].label), stroke: palette[k % palette.length], width: 2,
        points: { show: data.x.length < 60 } };
      var dash = dashes[Math.floor(k / palette.length) % dashes.length];
      if (dash) { s.dash = dash; }
      if (data.series.length === 1) { s.fill = 'rgba(31,119,180,0.12)'; }
      series.push(s);
    }
    return {
      width: width, height: 240, series: series,
      // room on the right for the last date label, which is centred on the last point
      padding: [null, 40, null, null],
      tzDate: utc,
      scales: { x: { time: true },
        y: { range: function (u, min, max) { return window.uPlot.rangeNum(0, Math.max(max, 1), 0.1, true); } } },
      axes: [timeAxis(data.unit), { label: 'count', incrs: wholeSteps }],
      // uPlot draws every legend marker solid; a dashed line gets a dashed marker, so the legend tells them apart
      legend: { markers: { dash: function (u, i) { return u.series[i].dash ? 'dashed' : 'solid'; } } }
    };
  }

  function draw(root) {
    if (!window.uPlot) { return; }
    var boxes = (root || document).querySelectorAll('[data-chart]');
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.getAttribute('data-drawn')) { continue; }
      var data = JSON.parse(box.getAttribute('data-chart'));
      var columns = [data.x];
      for (var k = 0; k < data.series.length; k++) { columns.push(data.series[k].values); }
      var width = Math.max(280, Math.min(box.clientWidth || 800, 1100));
      new window.uPlot(options(data, width), columns, box);
      box.setAttribute('data-drawn', 'yes');
    }
  }

  window.newswatchCharts = { draw: draw };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { draw(document); });
  } else {
    draw(document);
  }
})();
