/* Portal behaviour that needs a script: copy buttons, the phone menu, the coupon form's kind switch, forms sent
   once, keyboard access to tables that scroll sideways, and focus kept across a fragment's refresh. Every page works
   without it. */
(function () {
  "use strict";
  // The coupon form: only the fields of the chosen kind show. A hidden field is disabled too, so what was typed
  // there before switching is not sent (the server would refuse it for this kind).
  var couponForm = document.querySelector("[data-coupon-form]");
  if (couponForm) {
    var kind = couponForm.querySelector("select[name=kind]");
    var note = couponForm.querySelector("[data-kind-note]");
    var showKind = function () {
      couponForm.querySelectorAll("[data-coupon-kinds]").forEach(function (box) {
        var applies = box.getAttribute("data-coupon-kinds").split(" ").indexOf(kind.value) !== -1;
        box.hidden = !applies;
        box.querySelectorAll("input, select, textarea").forEach(function (control) { control.disabled = !applies; });
      });
    };
    if (kind) {
      if (note) note.hidden = true;
      kind.addEventListener("change", showKind);
      showKind();
    }
  }
  // The phone menu: shown only when this script runs, so without it the menu simply stays open.
  var toggle = document.querySelector(".nav-toggle");
  if (toggle) {
    var menu = document.getElementById(toggle.getAttribute("aria-controls"));
    toggle.hidden = false;
    menu.classList.add("folds");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("open", open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        toggle.setAttribute("aria-expanded", "false");
        menu.classList.remove("open");
        toggle.focus();
      }
    });
  }
  // The navigation's groups: a click elsewhere or Escape closes an open one, as a menu does. On a phone the group
  // of the page in view starts open, so the menu shows where one is.
  var groups = document.querySelectorAll(".nav-group");
  if (groups.length) {
    if (toggle && window.getComputedStyle(toggle).display !== "none") {
      groups.forEach(function (group) { if (group.classList.contains("current")) group.open = true; });
    }
    document.addEventListener("click", function (event) {
      if (toggle && toggle.contains(event.target)) return;  // opening the phone menu shows the group it left open
      groups.forEach(function (group) { if (group.open && !group.contains(event.target)) group.open = false; });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      groups.forEach(function (group) {
        if (!group.open) return;
        group.open = false;
        if (group.contains(document.activeElement)) group.querySelector("summary").focus();
      });
    });
  }
  // A form that changes something is sent once. A second click while the first is on its way (a slow
  // connection, a busy server) sent it again: two products, two keys, two webhook endpoints. Coming back to the
  // page (the back button restores it as it was) lets it be sent again, as a new request.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.getAttribute("method") || "").toLowerCase() !== "post") return;
    if (form.hasAttribute("data-sent")) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-sent", "");
    form.setAttribute("aria-busy", "true");
  });
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-sent]").forEach(function (form) {
      form.removeAttribute("data-sent");
      form.removeAttribute("aria-busy");
    });
  });
  // On a narrow screen a wide table scrolls inside its own box (kassa.css). A keyboard scrolls a box only once
  // it has focus, so such a table takes a tab stop; a table that fits gets none (no pointless stops on a desktop).
  var letScrollingTablesTakeFocus = function () {
    document.querySelectorAll("table").forEach(function (table) {
      var scrolls = table.scrollWidth > table.clientWidth + 1;
      if (scrolls && !table.hasAttribute("tabindex")) {
        table.setAttribute("tabindex", "0");
        table.setAttribute("data-scroll-focus", "");
      } else if (!scrolls && table.hasAttribute("data-scroll-focus")) {
        table.removeAttribute("tabindex");
        table.removeAttribute("data-scroll-focus");
      }
    });
  };
  letScrollingTablesTakeFocus();
  window.addEventListener("resize", letScrollingTablesTakeFocus);
  // An action that comes back to its page names the button pressed in the address (#pressed-move-up-sandbox_qr):
  // focus goes back to it (or, disabled now, its row's next button), not to the top of the page. The fragment is
  // not the button's own id: the browser would then take focus back to the fragment's target after this runs.
  var mark = "#pressed-";
  var pressed = location.hash.indexOf(mark) === 0 &&
    document.getElementById(decodeURIComponent(location.hash.slice(mark.length)));
  if (pressed && pressed.tagName === "BUTTON") {
    var row = pressed.closest("tr");
    var target = pressed.disabled && row ? row.querySelector("button:not([disabled])") : pressed;
    if (target) target.focus();
  }
  // A form sent back with a mistake: focus goes to the first field marked invalid, so a keyboard or screen reader
  // user lands where the mistake is and hears its message (the field's description), not at the top of the page.
  var invalid = !pressed && document.querySelector("#main [aria-invalid=true]");
  if (invalid) invalid.focus();
  document.addEventListener("htmx:afterSettle", letScrollingTablesTakeFocus);
  // A fragment that refreshes itself (Operations → Now every 15 s; a test clock or a reconciliation run while it
  // works) is swapped whole: the link or table a keyboard user was on left the page with it and focus fell back to
  // the top, so they tabbed all the way down again every few seconds. Focus goes to the same control in the new
  // fragment: the one with the same address or name, else the one at the same place, else the fragment itself.
  // (htmx keeps focus by itself only for a control with an id.)
  var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";
  var focusBeforeSwap = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var fragment = event.detail.target, active = document.activeElement;
    focusBeforeSwap = null;
    if (!fragment || !fragment.id || !active || active === document.body || !fragment.contains(active)) return;
    focusBeforeSwap = {fragment: fragment.id, href: active.getAttribute("href"), name: active.getAttribute("name"),
                       place: Array.prototype.indexOf.call(fragment.querySelectorAll(FOCUSABLE), active)};
  });
  document.addEventListener("htmx:afterSettle", function () {
    var was = focusBeforeSwap, fragment = was && document.getElementById(was.fragment);
    focusBeforeSwap = null;
    if (!fragment || (document.activeElement && document.activeElement !== document.body)) return;
    var controls = Array.prototype.slice.call(fragment.querySelectorAll(FOCUSABLE));
    var same = controls.filter(function (control) {
      if (was.href) return control.getAttribute("href") === was.href;
      return was.name && control.getAttribute("name") === was.name;
    })[0];
    var next = same || controls[Math.min(was.place, controls.length - 1)];
    if (!next) {
      if (!fragment.hasAttribute("tabindex")) fragment.setAttribute("tabindex", "-1");
      next = fragment;
    }
    next.focus({preventScroll: true});
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    if (!source) return;
    var text = source.value !== undefined ? source.value : source.textContent;
    var status = document.getElementById(button.getAttribute("aria-describedby") || "");
    function done(message) { if (status) status.textContent = message; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done("Copied."); },
                                               function () { done("Select the text and copy it."); });
    } else {
      if (source.select) source.select();
      try { document.execCommand("copy"); done("Copied."); } catch (e) { done("Select the text and copy it."); }
    }
  });
})();
