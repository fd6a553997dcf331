"""The directory of initiatives: browsing, filtering, searching, details."""

import json
import re

import pytest

from initiatives.models import InitiativeIndexPage, InitiativePage

# demo_content: these tests find pages of the demo by slug or title (see README, Tests).
pytestmark = [pytest.mark.django_db, pytest.mark.demo_content]

INDEX = "/en/initiatives/"
DEMO_INITIATIVES = 9


def titles(response):
    html = response.content.decode()
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_index_lists_every_demo_initiative_with_a_count(client):
    response = client.get(INDEX)
    assert response.status_code == 200
    assert len(titles(response)) == DEMO_INITIATIVES
    assert f"{DEMO_INITIATIVES} results" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=XK", ["PVPT peer-support programme (PVPT)"]),
        ("type=fund", ["Survivor Leadership Fund"]),
        ("area=funding", ["Survivor Leadership Fund"]),
        ("language=es", ["APRAMP"]),
        ("q=mobile+unit", ["APRAMP"]),
    ],
)
def test_each_filter_alone(client, query, expected):
    assert titles(client.get(f"{INDEX}?{query}")) == expected


def test_filters_combine_and_country_repeats(client):
    both = titles(client.get(f"{INDEX}?country=US&type=advisory-body"))
    assert both == ["United States Advisory Council on Human Trafficking"]
    either_country = titles(client.get(f"{INDEX}?country=US&country=AL"))
    assert sorted(either_country) == [
        "Advisory Board for Victims and Potential Victims of Trafficking (BKVT)",
        "National Survivor Network (NSN)",
        "United States Advisory Council on Human Trafficking",
    ]
    searched_and_filtered = titles(
        client.get(f"{INDEX}?q=survivors&country=AL&area=policy-development")
    )
    assert searched_and_filtered == [
        "Advisory Board for Victims and Potential Victims of Trafficking (BKVT)"
    ]


def test_filter_controls_keep_the_choices_in_a_shareable_form(client):
    html = client.get(f"{INDEX}?country=XK&type=service-provider").content.decode()
    assert '<form class="filters" method="get"' in html
    assert 'value="XK" checked' in html
    assert '<option value="service-provider" selected>' in html
    assert "Clear all filters" in html


def test_no_match_shows_an_empty_state(client):
    response = client.get(f"{INDEX}?type=fund&country=AL")
    assert response.status_code == 200
    html = response.content.decode()
    assert "0 results" in html
    assert "Nothing matches these filters" in html


@pytest.mark.parametrize(
    "query",
    [
        "country=ZZ",
        "country=<script>alert(1)</script>",
        "type=no-such-type",
        "page=abc",
        "page=99999",
        "page=-1",
        "q=" + "survivor " * 600,
        "area=" + "x" * 5000,
        "language=&language=&country=",
    ],
)
def test_bad_parameters_give_a_normal_page(client, query):
    response = client.get(f"{INDEX}?{query}")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_pagination_keeps_the_filters(client, monkeypatch):
    monkeypatch.setattr(InitiativeIndexPage, "per_page", 4)
    html = client.get(f"{INDEX}?area=capacity-building").content.decode()
    assert "Page 1 of 2" in html
    assert 'href="?area=capacity-building&amp;page=2"' in html
    second = client.get(f"{INDEX}?area=capacity-building&page=2")
    assert "Page 2 of 2" in second.content.decode()
    assert len(titles(second)) == 1


def test_initiative_page_shows_every_directory_fact(client):
    page = InitiativePage.objects.get(
        slug="albania-advisory-board-for-victims", locale__language_code="en"
    )
    html = client.get(page.url).content.decode()
    for text in (
        "Advisory Board for Victims and Potential Victims of Trafficking",
        "(BKVT)",
        "Advisory body",
        "National",
        "Albania",
        "Albanian",
        "2019",
        "How survivors lead it",
        "Policy development",
        "Verified by the editors.",
        "Last reviewed",
        "P2: Set up a survivor advisory body",
    ):
        assert text in html, text


def test_initiative_page_carries_organization_structured_data(client):
    page = InitiativePage.objects.get(slug="istac", locale__language_code="en")
    html = client.get(page.url).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match
    data = json.loads(match.group(1))
    assert data["@type"] == "Organization"
    assert data["name"] == page.title
    assert data["alternateName"] == "ISTAC"
    assert data["url"].endswith("/en/initiatives/istac/")


@pytest.mark.parametrize(
    "path",
    ["/en/initiatives/", "/en/initiatives/istac/", "/en/practices/", "/en/funding/"],
)
def test_pages_have_canonical_description_and_open_graph(client, path):
    html = client.get(path).content.decode()
    assert re.search(rf'<link rel="canonical" href="http://[^"]+{re.escape(path)}">', html)
    assert '<meta name="description" content="' in html
    assert '<meta property="og:title"' in html
    assert '<meta property="og:url"' in html


KOSOVO_FOOTNOTE = "UNSCR 1244/1999"


def test_kosovo_footnote_appears_wherever_kosovo_is_named(client):
    pvpt = client.get("/en/initiatives/pvpt-peer-support/").content.decode()
    assert "Kosovo*" in pvpt
    assert KOSOVO_FOOTNOTE in pvpt
    listing = client.get(f"{INDEX}?country=XK").content.decode()
    assert KOSOVO_FOOTNOTE in listing


def test_kosovo_footnote_is_absent_where_kosovo_is_not_named(client):
    html = client.get("/en/initiatives/istac/").content.decode()
    assert "Kosovo" not in html
    assert KOSOVO_FOOTNOTE not in html


def test_kosovo_footnote_follows_the_taxonomy_not_the_editors(client):
    page = InitiativePage.objects.get(slug="istac", locale__language_code="en")
    assert KOSOVO_FOOTNOTE not in client.get(page.url).content.decode()
    from taxonomy.models import Country

    page.countries.add(Country.objects.get(code="XK", locale=page.locale))
    page.save_revision().publish()
    assert KOSOVO_FOOTNOTE in client.get(page.url).content.decode()


def test_unpublished_initiatives_stay_out_of_the_directory(client):
    page = InitiativePage.objects.get(slug="apramp", locale__language_code="en")
    page.unpublish()
    assert "APRAMP" not in titles(client.get(INDEX))
    assert client.get("/en/initiatives/apramp/").status_code == 404
