/* The order page learns of a payment's outcome the moment Kassa does: it listens to the order's event
   stream (server-sent events) and reloads its status panel on each change. While the stream is open the
   panel does not poll; if the stream cannot be opened or drops, htmx's one-second polling takes over. */
(function () {
  "use strict";
  var source = null, streamUrl = null;
  // A change told while the panel's request is in flight: that request may have read the order before the change.
  // htmx queues the trigger, but drops it when the answer replaces the panel (the queue belongs to the old
  // element), and then no event is left to come: the page would wait for the stream's end, up to a minute.
  var inFlight = false, missed = false;
  // Whether the answer's new panel is in place and live: htmx settles it (binds its triggers) before or after the
  // request's end, depending on the settle delay, and the page asks again at whichever comes second.
  var settled = false;
  window.kassaStreaming = false;

  // The element that sent the request: detail.elt names the element an event fires on, which for the end of a
  // request whose answer replaced the panel is the panel's parent.
  function fromPanel(event) {
    var config = event.detail.requestConfig;
    return !!config && !!config.elt && config.elt.id === "status";
  }

  function refresh() {
    if (inFlight) { missed = true; return; }
    var panel = document.getElementById("status");
    if (panel && window.htmx) window.htmx.trigger(panel, "kassa:changed");
  }

  function askAgainIfMissed() {
    if (!missed || inFlight) return;
    missed = false;
    refresh();
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

  // beforeSend (not beforeRequest, which a listener may cancel): every request sent ends in afterRequest,
  // whether answered, failed, aborted or timed out; onLoadError is the one end that skips it.
  document.addEventListener("htmx:beforeSend", function (event) {
    if (fromPanel(event)) { inFlight = true; settled = false; }
  });
  function ended(event) {
    if (!fromPanel(event)) return;
    inFlight = false;
    // The old panel still in place (204, an error), or the new one already live: ask now.
    if (event.detail.requestConfig.elt.isConnected || settled) askAgainIfMissed();
  }
  document.addEventListener("htmx:afterRequest", ended);
  document.addEventListener("htmx:onLoadError", ended);
  document.addEventListener("DOMContentLoaded", follow);
  document.addEventListener("htmx:afterSettle", function () {
    settled = true;
    follow();
    askAgainIfMissed();  // the new panel is live (its triggers bound) once settled
  });
})();
