/* The QR code dialog of a waiting payment (templates/checkout/_qr_dialog.html): opens by itself, keeps
   keyboard focus inside while open (Tab and Shift+Tab cycle), closes on Escape or Close and gives focus back
   to what opened it, and counts down to the code's expiry; at zero it asks the server for the order's status,
   which gives the expired attempt up and offers the payment methods again. */
(function () {
  "use strict";
  var FOCUSABLE = "a[href], button:not([disabled]):not([hidden]), input:not([disabled]):not([type=hidden]), [tabindex]:not([tabindex='-1'])";
  var timer = null;

  function focusables(dialog) {
    return Array.prototype.filter.call(dialog.querySelectorAll(FOCUSABLE), function (el) {
      return el.offsetParent !== null || el === document.activeElement;
    });
  }

  function show(dialog, opener) {
    var backdrop = dialog.closest("[data-qr-backdrop]");
    backdrop.hidden = false;
    document.body.classList.add("has-qr-dialog");
    dialog.kassaOpener = opener || dialog.kassaOpener || null;
    var first = focusables(dialog)[0];
    (first || dialog).focus();
  }

  function hide(dialog) {
    dialog.closest("[data-qr-backdrop]").hidden = true;
    document.body.classList.remove("has-qr-dialog");
    var openButton = document.querySelector("[data-qr-open]");
    var back = dialog.kassaOpener && document.contains(dialog.kassaOpener) ? dialog.kassaOpener : openButton;
    if (back) back.focus();
  }

  function countdown(dialog) {
    var label = dialog.querySelector("[data-qr-countdown]");
    var left = Number(dialog.getAttribute("data-seconds-left"));
    if (timer) clearInterval(timer);
    if (!label || !isFinite(left)) return;
    var ends = Date.now() + left * 1000;
    function tick() {
      if (!document.contains(dialog)) { clearInterval(timer); timer = null; return; }
      var remaining = Math.max(0, Math.ceil((ends - Date.now()) / 1000));
      if (remaining > 0) {
        // The page's language: the server renders both texts into the label (templates/checkout/_qr_dialog.html).
        var time = Math.floor(remaining / 60) + ":" + String(remaining % 60).padStart(2, "0");
        label.textContent = (label.getAttribute("data-expires-in") || "Expires in {time}").replace("{time}", time);
        return;
      }
      label.textContent = label.getAttribute("data-expired") || "This code has expired";
      // The server decides: ask for the order's status until it shows the expired attempt given up.
      var status = document.getElementById("status");
      if (status && window.htmx) window.htmx.trigger(status, "kassa:changed");
    }
    timer = setInterval(tick, 1000);
  }

  function start() {
    var dialog = document.querySelector("[data-qr-dialog]");
    if (!dialog || dialog.kassaReady) return;
    dialog.kassaReady = true;
    var openButton = document.querySelector("[data-qr-open]");
    var closeButton = dialog.querySelector("[data-qr-close]");
    if (openButton) {
      openButton.hidden = false;
      openButton.addEventListener("click", function () { show(dialog, openButton); });
    }
    if (closeButton) {
      closeButton.hidden = false;
      closeButton.addEventListener("click", function () { hide(dialog); });
    }
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); hide(dialog); return; }
      if (event.key !== "Tab") return;
      var items = focusables(dialog);
      if (!items.length) { event.preventDefault(); return; }
      var first = items[0], last = items[items.length - 1];
      if (event.shiftKey && (document.activeElement === first || document.activeElement === dialog)) {
        event.preventDefault(); last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault(); first.focus();
      }
    });
    dialog.closest("[data-qr-backdrop]").classList.add("is-modal");
    show(dialog, document.activeElement !== document.body ? document.activeElement : null);
    countdown(dialog);
  }

  document.addEventListener("DOMContentLoaded", start);
  document.addEventListener("htmx:afterSettle", function () {
    if (!document.querySelector("[data-qr-dialog]")) document.body.classList.remove("has-qr-dialog");
    // After "Change payment method" the Pay button is where the shopper carries on.
    var pay = document.querySelector("#status [data-return-focus]");
    if (pay && !document.querySelector("[data-qr-dialog]")) pay.focus();
    start();
  });
})();
