"""The directory's country map: an SVG drawn on the server, with a list beside it.

Borders come from initiatives/map/countries.json (made from Natural Earth
by scripts/build_country_map.py). Each country with initiatives in the
visitor's language links to the directory filtered to it and shows how
many there are; countries beyond the drawn region are in the list only.
No tiles, no script, no request to anyone else.
"""

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.apps import apps
from django.db.models import Count

from core.page_cache import until_content_changes
from taxonomy.models import Country
from taxonomy.names import default_items

MAP_DATA = Path(__file__).parent / "map" / "countries.json"


@cache
def borders():
    return json.loads(MAP_DATA.read_text())


@dataclass
class CountryCount:
    country: Country
    count: int
    url: str


def counts_by_country(index):
    """{country pk: number of public initiatives in ``index`` tagged with it}."""

    def compute():
        pages = index.initiatives()
        # By name: the models module imports this one (the index draws the map).
        initiative_model = apps.get_model("initiatives", "InitiativePage")
        through = initiative_model.countries.through.objects.filter(
            initiativepage_id__in=pages.values("pk")
        )
        rows = through.values("country_id").annotate(total=Count("initiativepage_id"))
        return {row["country_id"]: row["total"] for row in rows}

    return until_content_changes(f"country-map:counts:{index.pk}", compute)


def path_top(path):
    """The smallest y an SVG path of absolute moves and relative lines reaches."""
    top = math.inf
    x = y = 0
    for command, numbers in re.findall(r"([MmLlZz])([^MmLlZz]*)", path):
        values = [int(value) for value in re.findall(r"-?\d+", numbers)]
        pairs = list(zip(values[0::2], values[1::2], strict=False))
        for index, (dx, dy) in enumerate(pairs):
            if command == "M" and index == 0:
                x, y = dx, dy
            else:
                x, y = x + dx, y + dy
            top = min(top, y)
    return top


def country_map(index, request):
    """What the map template needs: shapes to draw and the countries to list."""
    counts = counts_by_country(index)
    base_url = index.get_url(request)
    listed = [
        CountryCount(country, counts[country.pk], f"{base_url}?country={country.code}")
        for country in default_items(Country)
        if counts.get(country.pk)
    ]
    by_code = {entry.country.code: entry for entry in listed}
    shapes = []
    for code, shape in borders()["countries"].items():
        entry = by_code.get(code)
        shapes.append(
            {
                "code": code,
                "path": shape["path"],
                "x": shape["label"][0],
                "y": shape["label"][1],
                "entry": entry,
            }
        )
    # Countries with initiatives last, so their outlines are drawn on top, and
    # among them from the top of the map down, so keyboard focus moves down the
    # page as the eye does.
    shapes.sort(key=lambda shape: (shape["entry"] is not None, path_top(shape["path"])))
    return {
        "view_box": borders()["view_box"],
        "shapes": shapes,
        "listed": listed,
        "off_map": [entry for entry in listed if entry.country.code not in borders()["countries"]],
    }
