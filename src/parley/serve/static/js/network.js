/* The network: persons by default (countries behind a toggle), coloured by side; one line per pair, as wide
   as its held meetings, dashed when none was held yet. Labels are pushed apart until none overlaps. */
(function () {
  "use strict";
  var P = window.Parley;

  function edgeColour(edge) {
    if (edge.held) { return P.STATUS_COLOURS.held; }
    if (edge.planned) { return P.STATUS_COLOURS.planned; }
    return edge.cancelled ? P.STATUS_COLOURS.cancelled : P.STATUS_COLOURS.unknown;
  }

  function elements(graph, keep) {
    var edges = graph.edges.filter(function (e) { return !keep || e.events.some(keep); });
    var linked = {};
    edges.forEach(function (e) { linked[e.source] = linked[e.target] = true; });
    var nodes = graph.nodes.filter(function (n) { return !keep || linked[n.id]; });
    return nodes.map(function (n) {
      return {data: {id: n.id, label: n.label, meetings: n.meetings, kind: n.kind,
                     side: P.SIDE_COLOURS[n.country] || P.OTHER_SIDE}};
    }).concat(edges.map(function (e) {
      return {data: {id: e.source + "\u0000" + e.target, source: e.source, target: e.target, held: e.held,
                     width: 1.5 + 2.5 * Math.sqrt(e.held), event: e.events[0], colour: edgeColour(e),
                     line: e.dashed ? "dashed" : "solid",
                     title: e.held + " / " + e.meetings}};
    }));
  }

  function overlap(a, b) {
    return Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0;
  }

  // Push apart any two nodes whose boxes (node and label) overlap, a little at a time, until none does.
  function spreadLabels(cy) {
    var nodes = cy.nodes().toArray();
    for (var round = 0; round < 200; round++) {
      var boxes = nodes.map(function (n) { return n.boundingBox({includeLabels: true, includeOverlays: false}); });
      var moved = false;
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = boxes[i], b = boxes[j];
          if (!overlap(a, b)) { continue; }
          var dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1), dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
          var pa = nodes[i].position(), pb = nodes[j].position();
          var step = {x: 0, y: 0};
          if (dx < dy) { step.x = (dx / 2 + 2) * (pa.x <= pb.x ? -1 : 1); } else { step.y = (dy / 2 + 2) * (pa.y <= pb.y ? -1 : 1); }
          nodes[i].position({x: pa.x + step.x, y: pa.y + step.y});
          nodes[j].position({x: pb.x - step.x, y: pb.y - step.y});
          boxes[i] = nodes[i].boundingBox({includeLabels: true, includeOverlays: false});
          boxes[j] = nodes[j].boundingBox({includeLabels: true, includeOverlays: false});
          moved = true;
        }
      }
      if (!moved) { return round; }
    }
    return -1;
  }

  function draw(keep) {
    var box = document.getElementById("network");
    if (!box || !window.cytoscape) { return; }
    var data = P.readJson("network-data", {persons: {nodes: [], edges: []}, countries: {nodes: [], edges: []}});
    var toggle = document.getElementById("network-countries");
    var graph = toggle && toggle.checked ? data.countries : data.persons;
    var items = elements(graph, keep);
    if (box._cy) { box._cy.destroy(); box._cy = null; }
    box.textContent = "";
    box.classList.remove("is-empty");
    if (!items.length) {
      box.classList.add("is-empty");
      box.textContent = P.t("network.empty");
      box.dataset.rendered = "true";
      box.dataset.nodes = box.dataset.edges = "0";
      return;
    }
    var narrow = P.narrow();  // a phone: a tighter layout, so that the fitted labels stay readable
    var cy = cytoscape({
      container: box, elements: items, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 2,
      style: [
        {selector: "node", style: {
          "label": "data(label)", "font-size": 11, "font-family": "system-ui, sans-serif", "color": "#1f2328",
          "text-valign": "bottom", "text-margin-y": 3, "background-color": "data(side)",
          "text-wrap": "wrap", "text-max-width": 90,
          "width": "mapData(meetings, 1, 30, 12, 40)", "height": "mapData(meetings, 1, 30, 12, 40)",
          "text-outline-color": "#fff", "text-outline-width": 2}},
        {selector: "node[kind = 'country']", style: {"shape": "round-rectangle", "font-weight": 600}},
        {selector: "edge", style: {
          "line-color": "data(colour)", "width": "data(width)", "line-style": "data(line)", "opacity": 0.55,
          "curve-style": "straight"}},
        {selector: "node:active, edge:active", style: {"overlay-opacity": 0.15}}
      ],
      layout: {name: "cose", animate: false, randomize: false, padding: narrow ? 8 : 24,
               nodeRepulsion: function () { return narrow ? 12000 : 90000; },
               idealEdgeLength: function () { return narrow ? 40 : 90; }, nodeOverlap: narrow ? 10 : 40,
               componentSpacing: narrow ? 20 : 60, gravity: narrow ? 1.5 : 0.6, numIter: 1500,
               nodeDimensionsIncludeLabels: true}
    });
    var rounds = spreadLabels(cy);
    cy.fit(undefined, narrow ? 8 : 24);
    if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(); }  // a pair or two: ordinary-sized labels, not giant ones
    cy.on("tap", "edge", function (evt) { window.location.href = P.eventUrl(evt.target.data("event")); });
    cy.on("tap", "node", function (evt) { window.location.href = P.actorUrl(evt.target.id()); });
    box._cy = cy;
    box.dataset.rendered = "true";
    box.dataset.nodes = String(cy.nodes().length);
    box.dataset.edges = String(cy.edges().length);
    box.dataset.spread = String(rounds);
  }

  P.views.network = {
    draw: draw,
    bind: function (redraw) {
      var toggle = document.getElementById("network-countries");
      if (toggle) { toggle.addEventListener("change", redraw); }
    }
  };
}());
