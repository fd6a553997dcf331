"""Funding opportunities: status from dates, ordering, filters."""

import datetime
import re

import pytest
from freezegun import freeze_time

from funding.models import (
    CLOSED,
    OPEN,
    UPCOMING,
    FundingIndexPage,
    FundingOpportunityPage,
    status_on,
)

pytestmark = pytest.mark.django_db

INDEX = "/en/funding/"


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2027, 1, 31), UPCOMING),
        (datetime.date(2027, 2, 1), OPEN),
        (datetime.date(2027, 2, 28), OPEN),
        (datetime.date(2027, 3, 1), CLOSED),
    ],
)
def test_status_follows_the_dates(day, expected):
    assert status_on(day, datetime.date(2027, 2, 1), datetime.date(2027, 2, 28)) == expected


def test_missing_dates_mean_already_open_and_rolling():
    day = datetime.date(2030, 1, 1)
    assert status_on(day, None, None) == OPEN
    assert status_on(day, None, datetime.date(2029, 12, 31)) == CLOSED


def add_opportunity(title, opens_on, closes_on):
    index = FundingIndexPage.objects.get(locale__language_code="en")
    page = FundingOpportunityPage(
        title=title,
        funder_name="Test funder",
        summary="For the test.",
        eligibility="Anyone.",
        opens_on=opens_on,
        closes_on=closes_on,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@freeze_time("2031-06-15")
def test_listing_shows_open_then_upcoming_then_closed(client):
    FundingOpportunityPage.objects.all().delete()
    add_opportunity("Closed last year", datetime.date(2030, 1, 1), datetime.date(2030, 2, 1))
    add_opportunity("Opens next month", datetime.date(2031, 7, 1), datetime.date(2031, 8, 1))
    add_opportunity("Open, closes soon", datetime.date(2031, 6, 1), datetime.date(2031, 6, 20))
    add_opportunity("Open, closes later", None, datetime.date(2031, 12, 1))
    response = client.get(INDEX)
    assert titles(response) == [
        "Open, closes soon",
        "Open, closes later",
        "Opens next month",
        "Closed last year",
    ]
    html = response.content.decode()
    assert html.count('class="status status--open"') == 2
    assert html.count('class="status status--upcoming"') == 1
    assert html.count('class="status status--closed"') == 1
    assert titles(client.get(f"{INDEX}?status=upcoming")) == ["Opens next month"]
    assert titles(client.get(f"{INDEX}?status=closed&status=upcoming")) == [
        "Opens next month",
        "Closed last year",
    ]


def test_demo_content_has_a_real_round_and_marked_examples(client):
    html = client.get(INDEX).content.decode()
    assert "Survivor Leadership Fund: first round" in html
    assert html.count("Fictional example") == 2
    detail = client.get("/en/funding/survivor-leadership-fund-first-round/").content.decode()
    assert "Closed" in detail
    assert "15,000 USD" in detail
    assert 'href="/en/initiatives/survivor-leadership-fund/"' in detail


def test_search_and_bad_status_values(client):
    assert titles(client.get(f"{INDEX}?q=Ethiopia")) == ["Survivor Leadership Fund: first round"]
    assert client.get(f"{INDEX}?status=whenever").status_code == 200
