/* Checkout panel: after a refused Pay, move focus to the first field that needs fixing, so a keyboard
   or screen-reader user lands on it instead of searching the panel. The panel works without it. */
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var panel = event.target && event.target.id === "panel" ? event.target : null;
    if (!panel) return;
    var first = panel.querySelector("[aria-invalid=true], .alert[role=alert]");
    if (!first) return;
    if (!first.matches("input, select, textarea, button")) first.setAttribute("tabindex", "-1");
    first.focus();
  });
})();

/* Receipt page: its Print button (the page prints well without it, from the browser's menu). */
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest("[data-print]")) window.print();
});

/* Checkout panel on a phone: the product's description starts folded, so the form and Pay come first. Without
   script it stays open, as on a wide screen. Run again whenever htmx swaps the panel in. */
(function () {
  "use strict";
  var phone = window.matchMedia("(max-width: 600px)");
  function fold(root) {
    if (!phone.matches) return;
    root.querySelectorAll("details[data-fold-on-phone][open]").forEach(function (d) { d.open = false; });
  }
  document.addEventListener("DOMContentLoaded", function () { fold(document); });
  document.addEventListener("htmx:afterSettle", function (event) { fold(event.target); });
})();
