/* The map: Natural Earth countries (world-atlas) drawn with d3-geo, one circle per meeting place, sized by its
   number of meetings and coloured by their status; a click picks that place's meetings. Works offline. */
(function () {
  "use strict";
  var P = window.Parley;
  var SVG = "http://www.w3.org/2000/svg";
  var world = null;

  function element(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  function placeUrl(place) {
    var params = new URLSearchParams(window.location.search);
    params.set("place", place);
    return "?" + params.toString();
  }

  function render(box, places) {
    box.textContent = "";
    if (!places.length) {
      box.classList.add("is-empty");
      box.textContent = P.t("map.empty");
      box.dataset.rendered = "true";
      box.dataset.markers = "0";
      return;
    }
    box.classList.remove("is-empty");
    var width = box.clientWidth || 800, height = Math.round(Math.min(480, Math.max(240, width * 0.5)));
    // Fit the meeting places, with room around them, but never closer than a region of some 25°.
    var lons = places.map(function (p) { return p.lon; }), lats = places.map(function (p) { return p.lat; });
    var west = Math.min.apply(null, lons), east = Math.max.apply(null, lons);
    var south = Math.min.apply(null, lats), north = Math.max.apply(null, lats);
    var padLon = Math.max(12, (east - west) * 0.15), padLat = Math.max(8, (north - south) * 0.15);
    var frame = {type: "MultiPoint", coordinates: [[Math.max(-180, west - padLon), Math.max(-85, south - padLat)],
                                                   [Math.min(180, east + padLon), Math.min(85, north + padLat)]]};
    var projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [width - 8, height - 8]], frame);
    var path = d3.geoPath(projection);
    var svg = element("svg", {viewBox: "0 0 " + width + " " + height, width: "100%", height: height,
                              role: "img", "aria-label": P.t("map.title")});
    svg.appendChild(element("path", {d: path({type: "Sphere"}), class: "sea"}));
    var land = element("g", {class: "land"});
    topojson.feature(world, world.objects.countries).features.forEach(function (country) {
      land.appendChild(element("path", {d: path(country) || ""}));
    });
    svg.appendChild(land);
    var most = Math.max.apply(null, places.map(function (p) { return p.meetings; }));
    var markers = element("g", {class: "markers"});
    var taken = [];
    places.slice().sort(function (a, b) { return b.meetings - a.meetings; }).forEach(function (p) {
      var xy = projection([p.lon, p.lat]);
      if (!xy) { return; }
      // Two places in one city ("Кремль", "Москва"): the second circle steps aside so that both can be clicked.
      for (var turn = 0; turn < 12 && taken.some(function (t) { return Math.hypot(t[0] - xy[0], t[1] - xy[1]) < 7; }); turn++) {
        xy = [xy[0] + 9 * Math.cos(turn * 2.4), xy[1] + 9 * Math.sin(turn * 2.4)];
      }
      taken.push(xy);
      var link = element("a", {href: placeUrl(p.place), class: "marker", "data-place": p.place});
      var circle = element("circle", {cx: xy[0].toFixed(1), cy: xy[1].toFixed(1),
                                      r: (5 + 13 * Math.sqrt(p.meetings / most)).toFixed(1),
                                      fill: P.STATUS_COLOURS[p.status] || P.STATUS_COLOURS.unknown});
      var title = element("title");
      title.textContent = p.place + ": " + Object.keys(p.statuses).map(function (s) {
        return P.t("status." + s) + " " + p.statuses[s];
      }).join(", ");
      circle.appendChild(title);
      link.appendChild(circle);
      markers.appendChild(link);
    });
    svg.appendChild(markers);
    box.appendChild(svg);
    box.dataset.rendered = "true";
    box.dataset.markers = String(markers.childNodes.length);
  }

  function draw(keep) {
    var box = document.getElementById("map");
    if (!box || !window.d3 || !window.topojson) { return; }
    var places = P.readJson("map-data", {places: []}).places.map(function (p) {
      if (!keep) { return p; }
      var events = p.events.filter(function (e) { return keep(e.id); });
      return events.length ? Object.assign({}, p, {meetings: events.length}) : null;
    }).filter(Boolean);
    if (world) { render(box, places); return; }
    fetch(box.dataset.world).then(function (answer) { return answer.json(); }).then(function (shapes) {
      world = shapes;
      render(box, places);
    });
  }

  P.views.map = {draw: draw};
}());
