/* The tone chart: each side's mean judgement per round, over time, drawn with uPlot.
   Data comes from <script type="application/json" id="tone-data">, the words in the page's language from
   id="labels-data" (the one catalogue, serve/labels.py); labels are set as text, never HTML. */
(function () {
  "use strict";

  var SIDE_COLOURS = {USA: "#6a4c93", RUS: "#a0522d", UKR: "#d4a017"};  // as the network's; others: grey
  var OTHER_COLOURS = ["#5b6770", "#2a9d8f", "#e76f51", "#264653"];
  var LABELS = readJson("labels-data", {});
  var TICKS = {"1": word("tone.positive"), "0": word("tone.mixed"), "-1": word("tone.negative")};
  var SHORT_TICKS = {"1": word("tone.short_positive"), "0": word("tone.short_mixed"),
                     "-1": word("tone.short_negative")};
  var MONTHS = word("tone.months").split("|");
  var DAY = 86400;

  function readJson(id, fallback) {
    var holder = document.getElementById(id);
    return holder ? JSON.parse(holder.textContent) : fallback;
  }

  function word(key) {
    return LABELS[key] === undefined ? key : LABELS[key];
  }

  function seconds(date) {  // a month-precision date stands in the middle of its month
    var day = date.length === 7 ? date + "-15" : date;
    return Date.parse(day + "T12:00:00Z") / 1000;
  }

  function toneWord(value) {
    if (value === null || value === undefined) { return "—"; }
    var exact = TICKS[String(value)];
    return exact || word(value > 0 ? "tone.rather_positive" : value < 0 ? "tone.rather_negative" : "tone.mixed");
  }

  function dayLabels(u, splits) {  // "3 дек", the year under the first label and wherever it changes
    var lastYear = null;
    return splits.map(function (value) {
      var day = new Date(value * 1000);
      var year = day.getUTCFullYear();
      var label = day.getUTCDate() + " " + MONTHS[day.getUTCMonth()];
      if (year !== lastYear) { label += "\n" + year; lastYear = year; }
      return label;
    });
  }

  function paddedRange(u, low, high) {  // room around the first and last round, so no point is cut in half
    var pad = Math.max(3 * DAY, (high - low) * 0.06);
    return [low - pad, high + pad];
  }

  function sideName(side) {
    if (side === "—") { return word("side.none"); }
    var key = "side." + side;
    return /^[A-Z]+$/.test(side) && LABELS[key] !== undefined ? LABELS[key] : side;
  }

  function draw(data) {
    var box = document.getElementById("tone-chart");
    if (!box || !window.uPlot) { return; }
    box.textContent = "";
    var rounds = data.rounds;
    box.dataset.rounds = String(rounds.length);
    if (!rounds.length) {
      box.classList.add("is-empty");
      box.textContent = word("tone.empty");
      box.dataset.rendered = "true";
      box.dataset.series = "0";
      return;
    }
    var xs = rounds.map(function (r) { return seconds(r.date); });
    var columns = [xs];
    var series = [{label: word("tone.round"), value: function (u, v, s, i) {
      return i === null || i === undefined ? "—" : rounds[i].date + (rounds[i].place ? " · " + rounds[i].place : "");
    }}];
    var other = 0;
    data.sides.forEach(function (side) {
      columns.push(rounds.map(function (r) { return r.sides[side] ? r.sides[side].score : null; }));
      var colour = SIDE_COLOURS[side] || OTHER_COLOURS[other++ % OTHER_COLOURS.length];
      series.push({label: sideName(side), stroke: colour, width: 2, spanGaps: true,
                   points: {show: true, size: 11, fill: colour, stroke: "#fff", width: 2},
                   value: function (u, v) { return toneWord(v); }});
    });
    var phone = box.clientWidth < 600;
    var plot = new uPlot({
      width: Math.max(280, box.clientWidth), height: phone ? 240 : 300,
      series: series,
      scales: {x: {time: true, range: paddedRange}, y: {auto: false, range: [-1.25, 1.25]}},
      axes: [
        {stroke: "#5b6770", grid: {stroke: "#eef1f4"}, ticks: {stroke: "#d8dee4"}, values: dayLabels,
         space: phone ? 56 : 64},
        {stroke: "#5b6770", size: phone ? 76 : 110, grid: {stroke: "#eef1f4"}, ticks: {stroke: "#d8dee4"},
         splits: function () { return [-1, 0, 1]; },
         values: function (u, splits) {
           var words = phone ? SHORT_TICKS : TICKS;
           return splits.map(function (v) { return words[String(v)] || ""; });
         }}
      ],
      cursor: {points: {size: 13}, drag: {x: false, y: false}},
      legend: {live: true}
    }, columns, box);
    plot.over.addEventListener("click", function () {
      var i = plot.cursor.idx;
      if (i !== null && i !== undefined && rounds[i]) {
        window.location.href = "/events/" + encodeURIComponent(rounds[i].id);
      }
    });
    window.addEventListener("resize", function () {
      plot.setSize({width: Math.max(280, box.clientWidth), height: box.clientWidth < 600 ? 240 : 300});
    });
    box.dataset.rendered = "true";
    box.dataset.series = String(data.sides.length);
  }

  draw(readJson("tone-data", {rounds: [], sides: []}));
}());
