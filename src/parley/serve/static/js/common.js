/* Parley's page scripts share this: the labels in the page's language, colours, links, and the page's data.
   Each view (timeline.js, network.js, map.js, brush.js) registers itself in Parley.views; app.js draws them.
   Data comes as JSON in <script type="application/json">; labels are always set as text, never as HTML. */
(function () {
  "use strict";

  function readJson(id, fallback) {
    var holder = document.getElementById(id);
    return holder ? JSON.parse(holder.textContent) : fallback;
  }

  var labels = readJson("labels-data", {});

  window.Parley = {
    views: {},
    STATUS_COLOURS: {held: "#2e7d32", planned: "#1565c0", cancelled: "#c62828", unknown: "#757575"},
    SIDE_COLOURS: {USA: "#6a4c93", RUS: "#a0522d", UKR: "#d4a017"},  // others: grey
    OTHER_SIDE: "#5b6770",
    readJson: readJson,
    t: function (key, values) {
      var text = labels[key] === undefined ? key : labels[key];
      Object.keys(values || {}).forEach(function (name) { text = text.replace("{" + name + "}", values[name]); });
      return text;
    },
    eventUrl: function (id) { return "/events/" + encodeURIComponent(id); },
    actorUrl: function (id) { return "/actors/" + encodeURIComponent(id); },
    narrow: function () { return window.matchMedia("(max-width: 700px)").matches; },
    // A date's first and last day as "YYYY-MM-DD" strings: "2026-01" is the whole month.
    span: function (item) {
      if (!item.date) { return null; }
      if (item.date.length === 7) {
        var parts = item.date.split("-"), last = new Date(Date.UTC(+parts[0], +parts[1], 0)).getUTCDate();
        return [item.date + "-01", item.date + "-" + String(last).padStart(2, "0")];
      }
      return [item.date, item.date_end || item.date];
    },
    names: function (event) {
      return event.participants.map(function (p) { return p.name; }).join(", ") || window.Parley.t("no_participants");
    }
  };
}());
