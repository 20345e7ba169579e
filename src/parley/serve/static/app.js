/* Parley's page scripts: the timeline, the actor network and scrolling to highlighted evidence.
   Data comes from <script type="application/json" id="events-data">; labels are set as text, never HTML. */
(function () {
  "use strict";

  var STATUS_COLOURS = {held: "#2e7d32", planned: "#1565c0", cancelled: "#c62828", unknown: "#757575"};
  var SIDE_COLOURS = {USA: "#6a4c93", RUS: "#a0522d", UKR: "#d4a017"};  // others: grey
  var STATUS_LABELS = {held: "состоялась", planned: "планируется", cancelled: "отменена", unknown: "неизвестно"};

  function readEvents() {
    var holder = document.getElementById("events-data");
    return holder ? JSON.parse(holder.textContent) : [];
  }

  function eventUrl(id) { return "/events/" + encodeURIComponent(id); }
  function actorUrl(id) { return "/actors/" + encodeURIComponent(id); }

  function names(event) {
    return event.participants.map(function (p) { return p.name; }).join(", ") || "участники не названы";
  }

  function shortNames(event) {  // at most three, by surname, then how many more
    var shown = event.participants.slice(0, 3).map(function (p) { return p.short || p.name; }).join(", ");
    var more = event.participants.length - 3;
    return (shown || "участники не названы") + (more > 0 ? " +" + more : "");
  }

  function describe(event) {
    return [event.date, names(event), event.place, STATUS_LABELS[event.status] || event.status,
            "источников: " + event.sources].filter(Boolean).join(" · ");
  }

  function drawTimeline(events) {
    var box = document.getElementById("timeline");
    if (!box || !window.vis) { return; }
    var items = [];
    events.forEach(function (event) {
      if (!event.date) { return; }
      var label = document.createElement("span");
      label.textContent = shortNames(event) + (event.place ? " — " + event.place : "");
      label.title = describe(event);
      // A month-precision date is a box in the middle of its month, dashed: a range as narrow as a month
      // would cut its label off.
      var item = {id: event.id, content: label, type: "box", start: event.date,
                  className: "status-" + event.status};
      if (event.date.length === 7) {
        item.start = event.date + "-15";
        item.className += " month-precision";
        label.textContent = "≈ " + label.textContent;
      }
      items.push(item);
    });
    box.textContent = "";
    if (!items.length) {
      box.classList.add("is-empty");
      box.textContent = "Нет датированных встреч для хронологии.";
      box.dataset.rendered = "true";
      box.dataset.items = "0";
      return;
    }
    var timeline = new vis.Timeline(box, new vis.DataSet(items), {
      stack: true, orientation: "top", maxHeight: box.classList.contains("small") ? 260 : 440, locale: "ru",
      margin: {item: {horizontal: 4, vertical: 6}}, zoomKey: "ctrlKey", tooltip: {followMouse: true}
    });
    timeline.on("click", function (props) { if (props.item) { window.location.href = eventUrl(props.item); } });
    box.dataset.rendered = "true";
    box.dataset.items = String(items.length);
  }

  function drawNetwork(events) {
    var box = document.getElementById("network");
    if (!box || !window.cytoscape) { return; }
    var nodes = {}, edges = [];
    events.forEach(function (event) {
      var people = event.participants.filter(function (p) { return p.id; });
      people.forEach(function (p) {
        nodes[p.id] = nodes[p.id] || {data: {id: "actor:" + p.id, actor: p.id, label: p.name, meetings: 0,
                                             side: SIDE_COLOURS[p.country] || "#5b6770"}};
        nodes[p.id].data.meetings += 1;
      });
      for (var i = 0; i < people.length; i++) {
        for (var j = i + 1; j < people.length; j++) {
          if (people[i].id === people[j].id) { continue; }
          edges.push({data: {id: "meeting:" + event.id + ":" + i + ":" + j, source: "actor:" + people[i].id,
                             target: "actor:" + people[j].id, event: event.id,
                             colour: STATUS_COLOURS[event.status] || STATUS_COLOURS.unknown}});
        }
      }
    });
    var elements = Object.keys(nodes).map(function (k) { return nodes[k]; }).concat(edges);
    if (!elements.length) {
      box.classList.add("is-empty");
      box.textContent = "Нет участников для сети.";
      box.dataset.rendered = "true";
      return;
    }
    var cy = cytoscape({
      container: box, elements: elements, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 1.4,
      style: [
        {selector: "node", style: {
          "label": "data(label)", "font-size": 11, "font-family": "system-ui, sans-serif", "color": "#1f2328",
          "text-valign": "bottom", "text-margin-y": 4, "background-color": "data(side)",
          "text-wrap": "wrap", "text-max-width": 80,  // "Реджеп Тайип Эрдоган" on two lines, not over a neighbour
          "width": "mapData(meetings, 1, 30, 14, 44)", "height": "mapData(meetings, 1, 30, 14, 44)",
          "text-outline-color": "#fff", "text-outline-width": 2}},
        {selector: "edge", style: {  // meetings of one pair lie on one line, so the busiest pairs read darkest
          "line-color": "data(colour)", "width": 2, "opacity": 0.45, "curve-style": "haystack"}},
        {selector: "node:active, edge:active", style: {"overlay-opacity": 0.15}}
      ],
      // The busiest actors in the middle, the rarest on the outer rings: stable and no overlaps.
      layout: {name: "concentric", animate: false, padding: 30, minNodeSpacing: 48, avoidOverlap: true,
               concentric: function (node) { return node.data("meetings"); },
               levelWidth: function (nodes) { return Math.max(1, nodes.maxDegree() / 4); }}
    });
    cy.on("tap", "edge", function (evt) { window.location.href = eventUrl(evt.target.data("event")); });
    cy.on("tap", "node", function (evt) { window.location.href = actorUrl(evt.target.data("actor")); });
    box.dataset.rendered = "true";
    box.dataset.nodes = String(Object.keys(nodes).length);
    box.dataset.edges = String(edges.length);
  }

  function revealEvidence() {
    document.querySelectorAll(".article").forEach(function (article) {
      var mark = article.querySelector("mark");
      if (mark && article.scrollHeight > article.clientHeight) {
        article.scrollTop = Math.max(0, mark.offsetTop - article.offsetTop - 48);
      }
    });
  }

  var events = readEvents();
  drawTimeline(events);
  drawNetwork(events);
  revealEvidence();
}());
