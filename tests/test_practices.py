"""Good-practice pages: the six practices, the example cases, filters."""

import re

import pytest

from practices.models import PracticePage

# demo_content: these tests find pages of the demo by slug or title (see README, Tests).
pytestmark = [pytest.mark.django_db, pytest.mark.demo_content]

INDEX = "/en/practices/"


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_index_lists_six_coded_practices_first_then_the_examples(client):
    listed = titles(client.get(INDEX))
    assert [title.split(":")[0] for title in listed[:6]] == ["O1", "O2", "O3", "P1", "P2", "P3"]
    assert len(listed) == 12  # the first page of 13
    assert "13 results" in client.get(INDEX).content.decode()


@pytest.mark.parametrize(
    ("query", "expected_count"),
    [
        ("track=policy", 6),
        ("track=operational", 7),
        ("country=XK", 1),
        ("principle=guideline-7", 3),
        ("principle=principle-11", 1),
        ("q=referral+mechanism", None),
        ("track=policy&principle=guideline-3", 6),
    ],
)
def test_filters(client, query, expected_count):
    response = client.get(f"{INDEX}?{query}")
    assert response.status_code == 200
    found = titles(response)
    if expected_count is None:
        assert found
    else:
        assert len(found) == expected_count, found


def test_bad_filter_values_are_ignored_or_match_nothing(client):
    assert client.get(f"{INDEX}?track=sideways").status_code == 200
    assert titles(client.get(f"{INDEX}?principle=principle-99")) == []


def test_practice_page_numbers_its_steps_and_shows_checklists(client):
    page = PracticePage.objects.get(code="P1", locale__language_code="en")
    html = client.get(page.url).content.decode()
    assert '<ol class="steps">' in html
    assert html.count('<li class="step">') == 5
    assert '<ul class="checklist">' in html
    assert "The anti-trafficking strategy" in html
    assert "Guideline 3" in html and "Principle 1" in html
    assert "Objective" in html and "Stakeholders involved" in html


def test_practice_page_shows_templates(client):
    html = client.get(
        PracticePage.objects.get(code="P2", locale__language_code="en").url
    ).content.decode()
    assert "Selection criteria for members" in html
    assert "Application form for members" in html


def test_example_case_links_to_the_initiative_in_the_directory(client):
    page = PracticePage.objects.get(slug="kosovo-peer-support", locale__language_code="en")
    html = client.get(page.url).content.decode()
    assert "Example case" in html
    assert 'href="/en/initiatives/pvpt-peer-support/"' in html
    assert "UNSCR 1244/1999" in html


def test_principle_links_filter_the_index(client):
    page = PracticePage.objects.get(code="O3", locale__language_code="en")
    html = client.get(page.url).content.decode()
    assert 'href="/en/practices/?principle=guideline-3"' in html
