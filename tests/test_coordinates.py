"""Meeting places on the map: GeoNames cities by their Russian names, through the gazetteer otherwise."""
from __future__ import annotations

import pytest

from parley.resolve.coordinates import locate


@pytest.mark.parametrize("place, city, country", [
    ("Женева", "Geneva", "CH"),  # also a town in the USA: the most populous wins
    ("Женева, Швейцария", "Geneva", "CH"),
    ("Абу-Даби", "Abu Dhabi", "AE"),
    ("Эр-Рияд", "Riyadh", "SA"),
    ("Москва", "Moscow", "RU"),
    ("Кремль", "Moscow", "RU"),  # a venue: the city it is in
    ("Мар-а-Лаго", "West Palm Beach", "US"),
    ("Саудовская Аравия", "Riyadh", "SA"),  # a country: its capital
])
def test_locate_places(place, city, country):
    point = locate(place)
    assert point is not None and (point.city, point.country) == (city, country)


def test_locate_a_region_stays_in_its_country():
    assert locate("Флорида").country == "US"  # not the Cuban town named Florida


@pytest.mark.parametrize("place", [None, "", "   ", "Зазеркалье"])
def test_locate_unknown_places_are_none(place):
    assert locate(place) is None
