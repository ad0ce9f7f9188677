// The console's own script (the Content-Security-Policy allows only the console's scripts). Two jobs:
// 1. The live list: new alerts arrive over server-sent events as fragments the server rendered and escaped; they are
//    parsed as HTML templates (inert: no script in them runs) and put at the top of the list. Arrivals within one
//    frame are added together, so a burst of alerts re-lays the page out once, not once per alert.
// 2. Charts that htmx swaps in (a backtest's) are handed to charts.js, the chart script the replay report carries
//    too, which draws the page's first charts itself.
(function () {
  'use strict';

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
    live();
    document.body.addEventListener('htmx:afterSettle', function (e) {
      if (window.newswatchCharts) { window.newswatchCharts.draw(e.target); }
    });
  });
})();
