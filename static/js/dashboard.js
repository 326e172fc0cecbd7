/* Dashboard charts (Chart.js, vendored). The numbers come from the page's JSON block; every chart
   has a table with the same numbers next to it, so nothing depends on this script. */
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var palette = ["#3a55d8", "#177245", "#b3541e", "#6b3fa0", "#0f7c8c"];

  function money(value, currency) {
    var exp = data.exponents[currency];
    try {
      return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() })
        .format(value / Math.pow(10, exp));
    } catch (e) {
      return (value / Math.pow(10, exp)).toFixed(exp) + " " + currency.toUpperCase();
    }
  }

  var common = { responsive: true, maintainAspectRatio: false, animation: false,
                 plugins: { legend: { position: "bottom" } } };

  var gmv = document.getElementById("chart-gmv");
  if (gmv) {
    var currencies = Object.keys(data.gmv);
    new Chart(gmv, {
      type: "line",
      data: { labels: data.labels, datasets: currencies.map(function (currency, i) {
        return { label: "GMV " + currency.toUpperCase(), data: data.gmv[currency], borderColor: palette[i % palette.length],
                 backgroundColor: palette[i % palette.length], tension: 0.2, yAxisID: "y" };
      }) },
      options: Object.assign({}, common, {
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) {
          return currencies.length ? money(v, currencies[0]) : v; } } } },
        plugins: { legend: { position: "bottom" }, tooltip: { callbacks: { label: function (ctx) {
          return ctx.dataset.label + ": " + money(ctx.parsed.y, currencies[ctx.datasetIndex]); } } } }
      })
    });
  }

  var orders = document.getElementById("chart-orders");
  if (orders) {
    new Chart(orders, {
      type: "bar",
      data: { labels: data.labels, datasets: [
        { label: "Orders", data: data.orders, backgroundColor: "#9aa8ee" },
        { label: "Paid", data: data.paid, backgroundColor: "#177245" }
      ] },
      options: Object.assign({}, common, { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } })
    });
  }

  var subscriptions = document.getElementById("chart-subscriptions");
  if (subscriptions && data.subscriptions) {
    new Chart(subscriptions, {
      type: "bar",
      data: { labels: data.subscriptions.statuses,
              datasets: [{ label: "Subscriptions", data: data.subscriptions.counts, backgroundColor: "#3a55d8" }] },
      options: common
    });
  }

  var channels = document.getElementById("chart-channels");
  if (channels) {
    new Chart(channels, {
      type: "bar",
      data: { labels: data.channels.map(function (c) { return c.channel; }),
              datasets: [{ label: "Success rate (%)", data: data.channels.map(function (c) { return c.rate; }),
                           backgroundColor: "#3a55d8" }] },
      options: Object.assign({}, common, { indexAxis: "y", scales: { x: { min: 0, max: 100 } } })
    });
  }
})();
