/* The order page learns of a payment's outcome the moment Kassa does: it listens to the order's event
   stream (server-sent events) and reloads its status panel on each change. While the stream is open the
   panel does not poll; if the stream cannot be opened or drops, htmx's one-second polling takes over. */
(function () {
  "use strict";
  var source = null, streamUrl = null;
  window.kassaStreaming = false;

  function refresh() {
    var panel = document.getElementById("status");
    if (panel && window.htmx) window.htmx.trigger(panel, "kassa:changed");
  }

  function close() {
    if (source) source.close();
    source = null; streamUrl = null; window.kassaStreaming = false;
  }

  function follow() {
    var panel = document.getElementById("status");
    var url = panel && panel.getAttribute("data-order-stream");
    if (!url || !window.EventSource) { close(); return; }  // decided, or no SSE: nothing to follow
    if (source && streamUrl === url) return;
    close();
    streamUrl = url;
    source = new EventSource(url);
    source.onopen = function () { window.kassaStreaming = true; };
    source.onerror = function () { window.kassaStreaming = false; };  // the browser retries; polling meanwhile
    source.addEventListener("status", refresh);
    source.addEventListener("end", function (event) {
      var reconnect = false;
      try { reconnect = JSON.parse(event.data).reconnect; } catch (e) { /* a bare end */ }
      close();
      if (reconnect) follow(); else refresh();
    });
  }

  document.addEventListener("DOMContentLoaded", follow);
  document.addEventListener("htmx:afterSettle", follow);
})();
