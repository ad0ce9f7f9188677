// The console's only script (the Content-Security-Policy allows no other). Two jobs:
// 1. The live list: new alerts arrive over server-sent events as fragments the server rendered and escaped; they are
//    parsed as HTML templates (inert: no script in them runs) and put at the top of the list. Arrivals within one
//    frame are added together, so a burst of alerts re-lays the page out once, not once per alert.
// 2. Charts: an element with data-chart (JSON, escaped by the server, read with JSON.parse) is drawn with uPlot.
(function () {
  'use strict';
  var palette = ['#0550ae', '#bc4c00', '#1a7f37', '#8250df', '#cf222e', '#4d2d00', '#0a3069', '#953800',
    '#116329', '#6639ba', '#a40e26', '#57606a'];

  function drawCharts(root) {
    if (!window.uPlot) { return; }
    var boxes = (root || document).querySelectorAll('[data-chart]');
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.getAttribute('data-drawn')) { continue; }
      var data = JSON.parse(box.getAttribute('data-chart'));
      var columns = [data.x];
      var series = [{ label: data.unit }];
      for (var k = 0; k < data.series.length; k++) {
        columns.push(data.series[k].values);
        series.push({ label: data.series[k].label, stroke: palette[k % palette.length], width: 2,
          fill: data.series.length === 1 ? 'rgba(5,80,174,0.12)' : undefined,
          points: { show: data.x.length < 60 } });
      }
      var width = Math.max(280, Math.min(box.clientWidth || 800, 1100));
      new window.uPlot({ width: width, height: 240, series: series, scales: { x: { time: true } },
        axes: [{}, { label: 'count' }] }, columns, box);
      box.setAttribute('data-drawn', 'yes');
    }
  }

  function live() {
    var list = document.getElementById('alerts');
    var state = document.getElementById('connection');
    if (!list || !window.EventSource) { return; }
    var pending = [];
    var scheduled = false;
    // counted on the list, for whoever checks that nothing was lost and that bursts were drawn together
    var received = 0;
    var frames = 0;
    function flush() {
      scheduled = false;
      frames++;
      list.setAttribute('data-frames', String(frames));
      var fragment = document.createDocumentFragment();
      for (var i = pending.length - 1; i >= 0; i--) {
        var t = document.createElement('template');
        t.innerHTML = pending[i];
        var item = t.content.firstElementChild;
        if (item && !document.getElementById(item.id)) { fragment.appendChild(item); }
      }
      pending = [];
      list.insertBefore(fragment, list.firstChild);
      // the list is paged on the server: the page keeps its newest 500 items
      while (list.children.length > 500) { list.removeChild(list.lastElementChild); }
    }
    var source = null;
    function connect(address) {
      if (source) { source.close(); }
      source = new EventSource(address);
      source.onopen = function () { if (state) { state.textContent = 'live'; state.className = 'connection live'; } };
      source.onerror = function () { if (state) { state.textContent = 'reconnecting'; state.className = 'connection'; } };
      source.addEventListener('alert', function (e) {
        received++;
        list.setAttribute('data-received', String(received));
        pending.push(e.data);
        if (!scheduled) { scheduled = true; window.requestAnimationFrame(flush); }
      });
    }
    // the filters changed the list (and the URL): the stream follows them
    document.body.addEventListener('htmx:afterSwap', function (e) {
      if (e.target === list) { connect('/alerts/stream' + window.location.search); }
    });
    connect(list.getAttribute('data-stream'));
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts(document);
    live();
    document.body.addEventListener('htmx:afterSettle', function (e) { drawCharts(e.target); });
  });
})();
