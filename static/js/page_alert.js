/* One place on every page for what went wrong with an htmx request outside the part it swaps: Kassa's own
   error answers are retargeted here (app/web/errors.py), and a request that got no answer from Kassa (the phone
   lost its connection, a proxy answered instead) says so here instead of leaving the button doing nothing.
   The region is cleared when the shopper's next request (not a poll) starts, or by its Dismiss button. */
(function () {
  "use strict";
  function region() { return document.getElementById("page-alert"); }
  function say(kind) {
    var alert = region();
    if (!alert) return;
    var p = document.createElement("p");
    p.className = "alert";
    p.textContent = (alert.getAttribute("data-" + kind) || "") + " ";
    var dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "dismiss";
    dismiss.setAttribute("data-dismiss", "");
    dismiss.setAttribute("aria-label", alert.getAttribute("data-dismiss-label") || "Dismiss");
    dismiss.textContent = "×";
    p.appendChild(dismiss);
    alert.replaceChildren(p);
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    // A GET is a poll or a refresh (the order page's status every second): what went wrong stays said until
    // the shopper acts again.
    if ((event.detail.requestConfig && event.detail.requestConfig.verb) === "get") return;
    var alert = region();
    if (alert) alert.replaceChildren();
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    // Kassa marks every answer with its request id; a 5xx without one came from something in between.
    if (xhr.status >= 500 && !xhr.getResponseHeader("X-Request-Id")) {
      event.detail.shouldSwap = false;
      say("failed");
    }
  });
  document.addEventListener("htmx:sendError", function () { say("unreachable"); });
  document.addEventListener("click", function (event) {
    var alert = region();
    if (alert && event.target.closest && event.target.closest("#page-alert [data-dismiss]")) alert.replaceChildren();
  });
})();
