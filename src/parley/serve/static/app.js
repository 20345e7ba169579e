/* Parley's page: draws whichever views the page has (see js/common.js and the js/ folder) and ties the
   timeline's window (the brush) to the others; scrolls highlighted evidence into view. */
(function () {
  "use strict";
  var P = window.Parley;
  var V = P ? P.views : {};

  function revealEvidence() {
    document.querySelectorAll(".article").forEach(function (article) {
      var mark = article.querySelector("mark");
      if (mark && article.scrollHeight > article.clientHeight) {
        article.scrollTop = Math.max(0, mark.offsetTop - article.offsetTop - 48);
      }
    });
  }

  function drawViews() {
    var events = P.readJson("events-data", []);
    var keep = null;
    function redraw(test) {
      keep = test;
      if (V.map) { V.map.draw(keep); }
      if (V.network) { V.network.draw(keep); }
    }
    var shown = null;
    if (V.timeline) {
      shown = V.timeline.draw(events, V.brush ? function (start, end) { V.brush.apply(events, start, end, redraw); }
                                              : null);
    }
    redraw(null);
    if (V.network && V.network.bind) {
      V.network.bind(function () {
        V.network.draw(keep);
        if (V.brush) { V.brush.setExports(); }
      });
    }
    var reset = document.getElementById("brush-reset");
    if (reset && V.brush) {
      reset.addEventListener("click", function () {
        if (shown) { shown.reset(); }
        V.brush.apply(events, null, null, redraw);
      });
    }
  }

  if (P) { drawViews(); }
  revealEvidence();
}());
