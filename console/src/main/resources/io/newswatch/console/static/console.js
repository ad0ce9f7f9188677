// The live list: new alerts arrive over server-sent events as fragments the server rendered and escaped; they are
// parsed as HTML templates (inert: no script in them runs) and put at the top of the list. Arrivals within one frame
// are added together, so a burst does not re-layout the page once per alert.
(function () {
  var list = document.getElementById('alerts');
  var state = document.getElementById('connection');
  if (!list || !window.EventSource) { return; }
  var pending = [];
  var scheduled = false;
  function flush() {
    scheduled = false;
    var fragment = document.createDocumentFragment();
    for (var i = pending.length - 1; i >= 0; i--) {
      var t = document.createElement('template');
      t.innerHTML = pending[i];
      var item = t.content.firstElementChild;
      if (item && !document.getElementById(item.id)) { fragment.appendChild(item); }
    }
    pending = [];
    list.insertBefore(fragment, list.firstChild);
  }
  var source = null;
  function connect(address) {
    if (source) { source.close(); }
    source = new EventSource(address);
    source.onopen = function () { if (state) { state.textContent = 'live'; state.className = 'connection live'; } };
    source.onerror = function () { if (state) { state.textContent = 'reconnecting'; state.className = 'connection'; } };
    source.addEventListener('alert', function (e) {
      pending.push(e.data);
      if (!scheduled) { scheduled = true; window.requestAnimationFrame(flush); }
    });
  }
  // the filters changed the list (and the URL): the stream follows them
  document.body.addEventListener('htmx:afterSwap', function () {
    connect('/alerts/stream' + window.location.search);
  });
  connect(list.getAttribute('data-stream'));
})();
