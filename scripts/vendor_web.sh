#!/bin/sh
# Copy the built browser libraries from node_modules/ into the package's static folder.
# Run after `npm ci` when package.json changes; the copied files are committed, so
# installing Parley never needs npm.
set -eu
cd "$(dirname "$0")/.."
VENDOR=src/parley/serve/static/vendor
[ -d node_modules/vis-timeline ] || { echo "node_modules/ is missing: run 'npm ci' first" >&2; exit 1; }
mkdir -p "$VENDOR"
copy() {  # source, destination: drop the source-map comment so browsers ask for no missing file
  sed '/sourceMappingURL=/d' "$1" > "$VENDOR/$2"
}
copy node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js vis-timeline.min.js
copy node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css vis-timeline.min.css
copy node_modules/cytoscape/dist/cytoscape.min.js cytoscape.min.js
copy node_modules/swagger-ui-dist/swagger-ui-bundle.js swagger-ui-bundle.js
copy node_modules/swagger-ui-dist/swagger-ui.css swagger-ui.css
copy node_modules/d3-array/dist/d3-array.min.js d3-array.min.js
copy node_modules/d3-geo/dist/d3-geo.min.js d3-geo.min.js
copy node_modules/topojson-client/dist/topojson-client.min.js topojson-client.min.js
cp node_modules/world-atlas/countries-110m.json "$VENDOR/countries-110m.json"
copy node_modules/uplot/dist/uPlot.iife.min.js uplot.min.js
copy node_modules/uplot/dist/uPlot.min.css uplot.min.css
cp node_modules/swagger-ui-dist/LICENSE "$VENDOR/swagger-ui.LICENSE.txt"
cp node_modules/vis-timeline/LICENSE.MIT.txt "$VENDOR/vis-timeline.LICENSE.txt"
cp node_modules/cytoscape/LICENSE "$VENDOR/cytoscape.LICENSE.txt"
cp node_modules/d3-array/LICENSE "$VENDOR/d3-array.LICENSE.txt"
cp node_modules/d3-geo/LICENSE "$VENDOR/d3-geo.LICENSE.txt"
cp node_modules/topojson-client/LICENSE "$VENDOR/topojson-client.LICENSE.txt"
cp node_modules/world-atlas/LICENSE "$VENDOR/world-atlas.LICENSE.txt"
cp node_modules/uplot/LICENSE "$VENDOR/uplot.LICENSE.txt"
node -e 'for (const p of ["vis-timeline", "cytoscape", "swagger-ui-dist", "uplot", "d3-array", "d3-geo", "topojson-client", "world-atlas"]) { const j = require("./node_modules/" + p + "/package.json"); console.log(p + " " + j.version + " " + j.license); }' > "$VENDOR/VERSIONS.txt"
echo "copied into $VENDOR:"; ls -l "$VENDOR"
