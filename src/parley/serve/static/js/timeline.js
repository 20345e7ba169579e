/* The timeline: one track per negotiation line (US–Russia, US–Ukraine, Russia–Ukraine, three-way, calls),
   tall enough for all its rows, opening on the data's range. A round of several days is a bar. */
(function () {
  "use strict";
  var P = window.Parley;
  var DAY = 24 * 3600 * 1000;

  function shortNames(event, most) {  // at most three, by surname, then how many more
    var shown = event.participants.slice(0, most).map(function (p) { return p.short || p.name; }).join(", ");
    var more = event.participants.length - most;
    return (shown || P.t("no_participants")) + (more > 0 ? " +" + more : "");
  }

  function clip(text, most) { return text.length > most ? text.slice(0, most - 1) + "…" : text; }

  function describe(event) {
    return [event.date + (event.date_end ? " — " + event.date_end : ""), P.names(event), event.place,
            P.t("status." + event.status), P.t("sources.count") + ": " + event.sources].filter(Boolean).join(" · ");
  }

  function item(event, narrow) {
    var label = document.createElement("span");
    // On a phone a box says only where (or who), so that the axis can keep its months; the rest is its title.
    label.textContent = narrow ? clip(event.place || shortNames(event, 1), 12)
                               : shortNames(event, 3) + (event.place ? " — " + event.place : "");
    label.title = describe(event);
    var out = {id: event.id, content: label, start: event.date, group: event.track, type: "box",
               className: "status-" + event.status};
    if (event.date.length === 7) {  // a month: a box in its middle, dashed, "≈"
      out.start = event.date + "-15";
      out.className += " month-precision";
      label.textContent = "≈ " + label.textContent;
    } else if (event.date_end) {
      // A round of several days: a box like any other (a bar of two days would be too thin to hold its label),
      // its days in front, a double border.
      var same = event.date_end.slice(0, 7) === event.date.slice(0, 7);
      label.textContent = event.date.slice(8) + "–" + (same ? event.date_end.slice(8) : event.date_end.slice(5)) +
                          " " + label.textContent;
      out.className += " round";
    }
    return out;
  }

  function draw(events, onWindow) {
    var box = document.getElementById("timeline");
    if (!box || !window.vis) { return null; }
    var narrow = P.narrow();
    var dated = events.filter(function (e) { return e.date; });
    box.textContent = "";
    if (!dated.length) {
      box.classList.add("is-empty");
      box.textContent = P.t("timeline.empty");
      box.dataset.rendered = "true";
      box.dataset.items = "0";
      return null;
    }
    var items = dated.map(function (e) { return item(e, narrow); });
    var used = {};
    dated.forEach(function (e) { used[e.track] = true; });
    var order = P.readJson("tracks-data", ["three-way", "us-ru", "us-ua", "ru-ua", "calls", "other"]);
    var groups = order.filter(function (g) { return used[g]; }).map(function (g, i) {
      return {id: g, content: P.t("track." + g), order: i};
    });
    var spans = dated.map(P.span);
    var first = Date.parse(spans.map(function (s) { return s[0]; }).sort()[0]);
    var last = Date.parse(spans.map(function (s) { return s[1]; }).sort().pop()) + DAY;
    var pad = Math.max(3 * DAY, (last - first) * 0.04);
    var options = {
      stack: true, orientation: "top", locale: document.documentElement.lang === "en" ? "en" : "ru",
      start: new Date(first - pad), end: new Date(last + pad),
      min: new Date(first - 400 * DAY), max: new Date(last + 400 * DAY), zoomMin: 2 * DAY,
      margin: {item: {horizontal: 2, vertical: 4}}, zoomKey: "ctrlKey", tooltip: {followMouse: true},
      groupOrder: "order", verticalScroll: false, horizontalScroll: false
    };
    if (narrow) { options.zoomKey = ""; }
    var timeline = groups.length > 1 ? new vis.Timeline(box, new vis.DataSet(items), new vis.DataSet(groups), options)
                                     : new vis.Timeline(box, new vis.DataSet(items), options);
    // The window the labels need too: once the boxes are drawn and measured, vis-timeline's fit counts their
    // widths, not only their dates. The box is marked rendered only then.
    var fitted = false;
    timeline.on("changed", function () {
      if (fitted) { return; }
      fitted = true;
      timeline.fit({animation: false});
      window.requestAnimationFrame(function () { box.dataset.rendered = "true"; });
    });
    timeline.on("click", function (props) { if (props.item) { window.location.href = P.eventUrl(props.item); } });
    if (onWindow) {
      timeline.on("rangechanged", function (props) { if (props.byUser) { onWindow(props.start, props.end); } });
    }
    box.dataset.items = String(items.length);
    box.dataset.tracks = String(groups.length);
    box.dataset.first = new Date(first).toISOString().slice(0, 10);
    box.dataset.last = new Date(last - DAY).toISOString().slice(0, 10);
    return {
      timeline: timeline,
      reset: function () { timeline.fit({animation: false}); }
    };
  }

  P.views.timeline = {draw: draw};
}());
