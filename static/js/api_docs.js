// /docs/api: Redoc renders the OpenAPI document this Kassa serves. Every font is the system's, so the page
// asks no other host for anything (Redoc itself has no telemetry or CDN requests).
(function () {
  "use strict";
  const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

  function start() {
    const root = document.getElementById("api-reference");
    Redoc.init(root.dataset.specUrl, {
      expandResponses: "200,201",
      jsonSampleExpandLevel: 3,
      requiredPropsFirst: true,
      sortTagsAlphabetically: false,
      theme: {
        typography: { fontFamily: SANS, headings: { fontFamily: SANS }, code: { fontFamily: MONO } },
      },
    }, root, function (error) {
      if (error) {
        root.textContent = "The API reference could not be rendered: " + error + ". The document itself is at "
          + root.dataset.specUrl + ".";
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
