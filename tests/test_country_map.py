"""The directory's country map: drawn on the server, linked, counted and accessible."""

import importlib.util
import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from initiatives.country_map import MAP_DATA
from taxonomy.models import Country

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def directory(client, language, query=""):
    from initiatives.models import InitiativeIndexPage

    index = InitiativeIndexPage.objects.get(locale__language_code=language)
    response = client.get(index.url + query)
    assert response.status_code == 200
    return index, response.content.decode()


def svg_of(html):
    match = re.search(r'<svg class="country-map__svg".*?</svg>', html, re.S)
    assert match, "the map is in the page"
    return match.group(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_country_with_initiatives_links_to_the_filtered_directory(client, language):
    index, html = directory(client, language)
    svg = svg_of(html)
    links = re.findall(
        r'<a href="([^"]+)\?country=([A-Z]{2})" class="country-map__link" '
        r'aria-label="([^"]+)">',
        svg,
    )
    assert links, "the demo has initiatives in the region"
    for href, code, label in links:
        assert href == index.url
        count = int(re.search(r"(\d+)", label.split(":")[-1]).group(1))
        _index, filtered = directory(client, language, f"?country={code}")
        shown = int(re.search(r'id="result-count"[^>]*>\s*(\d+)', filtered).group(1))
        assert shown == count, code
        assert f">{count}</text>" in svg


def test_the_map_makes_no_request_to_anyone_else_and_needs_no_script(client):
    _index, html = directory(client, "en")
    svg = svg_of(html)
    assert "<script" not in svg and "style=" not in svg
    assert re.findall(r'(?:href|src)="(https?:[^"]+)"', svg) == []
    assert "<image" not in svg


def test_kosovo_has_its_asterisk_and_the_page_its_footnote(client):
    _index, html = directory(client, "en")
    assert 'aria-label="Kosovo*:' in svg_of(html)
    assert 'class="kosovo-footnote"' in html


@pytest.mark.parametrize("language", ["sq", "mk"])
def test_the_list_alternative_names_countries_in_the_visitors_language(client, language):
    _index, html = directory(client, language)
    albania = Country.objects.get(code="AL", locale__language_code=language)
    english = Country.objects.get(code="AL", locale__language_code="en")
    assert albania.name != english.name
    listing = re.search(r'<ul class="country-map__list">.*?</ul>', html, re.S).group(0)
    assert f">{albania.name}</a>" in listing
    assert english.name not in listing


def test_the_committed_borders_are_what_the_build_script_makes():
    """scripts/build_country_map.py from node_modules/world-atlas (npm ci) gives the same file."""
    spec = importlib.util.spec_from_file_location(
        "build_country_map", ROOT / "scripts" / "build_country_map.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    if not script.SOURCE.exists():
        pytest.skip("world-atlas is not installed (npm ci)")
    built = script.build(json.loads(script.SOURCE.read_text()))
    assert json.loads(MAP_DATA.read_text()) == built
    assert {"AL", "BA", "ME", "MK", "RS", "XK"} <= set(built["countries"])
