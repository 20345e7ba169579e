/* The timeline's window is a brush: the table, the map, the network and the export links keep to the meetings
   whose dates fall inside it, and one link makes the window the page's date filter. */
(function () {
  "use strict";
  var P = window.Parley;

  function day(date) { return date.toISOString().slice(0, 10); }

  function inside(event, from, to) {
    var span = P.span(event);
    return span !== null && span[1] >= from && span[0] <= to;
  }

  function filterTable(keep) {
    var shown = 0;
    document.querySelectorAll("table.events tr[data-event]").forEach(function (row) {
      var visible = !keep || keep(row.dataset.event);
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    return shown;
  }

  var current = null;  // the brush's [from, to], or null

  // Each export link is its server-made address (the page's filters) with the brush's dates over them.
  function setExports() {
    document.querySelectorAll(".export-links a").forEach(function (link) {
      if (!link.dataset.base) { link.dataset.base = link.getAttribute("href"); }
      var url = new URL(link.dataset.base, window.location.href);
      if (current) { url.searchParams.set("from", current[0]); url.searchParams.set("to", current[1]); }
      var countries = document.getElementById("network-countries");
      if (link.dataset.format === "graphml" && countries && countries.checked) { url.searchParams.set("countries", "true"); }
      link.setAttribute("href", url.pathname + url.search);
    });
  }

  // Called with the window's start and end; null clears the brush. Returns the test for an event id.
  function apply(events, start, end, redraw) {
    var bar = document.getElementById("brush");
    if (!start) {
      if (bar) { bar.hidden = true; }
      current = null;
      filterTable(null);
      setExports();
      redraw(null);
      return;
    }
    var from = day(start), to = day(end);
    var chosen = {};
    events.forEach(function (e) { if (inside(e, from, to)) { chosen[e.id] = true; } });
    var keep = function (id) { return chosen[id] === true; };
    var shown = filterTable(keep);
    current = [from, to];
    setExports();
    redraw(keep);
    if (bar) {
      bar.hidden = false;
      document.getElementById("brush-range").textContent = from + " — " + to;
      document.getElementById("brush-count").textContent = shown + " / " + events.length;
      var params = new URLSearchParams(window.location.search);
      params.set("from", from);
      params.set("to", to);
      document.getElementById("brush-apply").setAttribute("href", "?" + params.toString());
    }
    document.body.dataset.brush = from + "/" + to;
  }

  P.views.brush = {apply: apply, setExports: setExports};
}());
