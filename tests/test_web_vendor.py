"""The committed browser libraries match package.json, carry their licences, and every asset a page names exists."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVE = ROOT / "src" / "parley" / "serve"
VENDOR = SERVE / "static" / "vendor"


def test_web_vendor_files_match_package_json():
    wanted = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    copied = dict(line.split()[:2] for line in (VENDOR / "VERSIONS.txt").read_text().splitlines() if line.strip())
    assert copied == wanted, "run `npm install && sh scripts/vendor_web.sh` after changing package.json"


@pytest.mark.parametrize("library", ["vis-timeline", "cytoscape", "swagger-ui", "uplot", "d3-array", "d3-geo",
                                     "topojson-client", "world-atlas"])
def test_web_vendor_licences_ship_beside_the_code(library):
    assert (VENDOR / f"{library}.LICENSE.txt").stat().st_size > 500


@pytest.mark.parametrize("template", sorted(p.name for p in (SERVE / "templates").glob("*.html")))
def test_web_every_static_asset_a_template_names_exists(template):
    text = (SERVE / "templates" / template).read_text(encoding="utf-8")
    for asset in re.findall(r"path_for\('static', path='([^']+)'\)", text):
        assert (SERVE / "static" / asset).is_file(), asset


def test_web_vendor_files_name_no_source_map():
    for path in VENDOR.glob("*.js"):
        assert "sourceMappingURL" not in path.read_text(encoding="utf-8", errors="replace"), path.name
