/* Portal behaviour that needs a script: copy buttons. Every page works without it. */
(function () {
  "use strict";
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
