"""Feeds, the deadline calendar, Wagtail's API and how all open data is cached and shared.

Feeds are read with xml.etree and the calendar with icalendar, as a feed
reader or calendar application would; every endpoint in every language.
"""

import datetime
import re
import xml.etree.ElementTree as ET  # noqa: S405  (our own feed, in a test)

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from icalendar import Calendar
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from forms.models import ConsultationCallPage, FeedbackPage
from funding.models import FundingOpportunityPage
from initiatives.models import InitiativePage

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["initiatives.atom", "funding.atom", "calls.atom"]


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root):
    return [
        {
            "title": entry.find(f"{ATOM}title").text,
            "link": entry.find(f"{ATOM}link").get("href"),
            "updated": entry.find(f"{ATOM}updated").text,
            "id": entry.find(f"{ATOM}id").text,
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def calendar(client, language):
    response = client.get(f"/feeds/{language}/deadlines.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def live(model, language):
    return list(model.objects.live().filter(locale__language_code=language))


# Atom ---------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("feed", FEEDS)
def test_every_feed_parses_in_every_language(client, language, feed):
    root = atom(client, f"/feeds/{language}/{feed}")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert root.find(f"{ATOM}title").text
    found = entries(root)
    assert found, f"the demo content has something for {feed} in {language}"
    for entry in found:
        assert f"/{language}/" in entry["link"]
        assert entry["updated"]


def test_the_initiatives_feed_lists_this_languages_initiatives_newest_first(client):
    found = entries(atom(client, "/feeds/sq/initiatives.atom"))
    assert {entry["title"] for entry in found} == {
        page.title for page in live(InitiativePage, "sq")
    }
    assert [entry["updated"] for entry in found] == sorted(
        (entry["updated"] for entry in found), reverse=True
    )


def test_the_funding_feed_lists_only_open_opportunities(client):
    titles = {entry["title"] for entry in entries(atom(client, "/feeds/en/funding.atom"))}
    pages = live(FundingOpportunityPage, "en")
    assert titles == {page.title for page in pages if page.status == "open"}
    assert any(page.status != "open" for page in pages), "the demo has closed or upcoming ones"


def test_the_calls_feed_lists_only_open_consultation_calls_and_nothing_of_their_forms(client):
    calls = live(ConsultationCallPage, "en")
    closed = calls[0]
    closed.closes_at = timezone.now() - datetime.timedelta(days=1)
    closed.save_revision().publish()
    response = client.get("/feeds/en/calls.atom")
    titles = {entry["title"] for entry in entries(atom(client, "/feeds/en/calls.atom"))}
    assert closed.title not in titles
    assert titles == {call.title for call in calls if call.is_open()} - {closed.title}
    assert {page.title for page in live(FeedbackPage, "en")}.isdisjoint(titles)
    body = response.content.decode()
    for private in ("moderator", "retention", "thank_you", "@example"):
        assert private not in body


def test_an_unknown_language_has_no_feed(client):
    assert client.get("/feeds/de/initiatives.atom").status_code == 404
    assert client.get("/feeds/de/deadlines.ics").status_code == 404


# iCalendar ------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_deadline_calendar_parses_and_links_every_event_to_its_page(client, language):
    events = calendar(client, language).walk("VEVENT")
    assert events
    for event in events:
        assert f"/{language}/" in str(event["URL"])
        assert str(event["URL"]) in str(event["DESCRIPTION"])
        assert event["UID"] and event["DTSTART"] and event["SUMMARY"]
    urls = {str(event["URL"]) for event in events}
    funding = [p for p in live(FundingOpportunityPage, language) if p.status != "closed"]
    assert {p.full_url for p in funding if p.closes_on} <= urls
    calls = [p for p in live(ConsultationCallPage, language) if p.closes_at]
    assert {p.full_url for p in calls} <= urls


def test_a_funding_deadline_is_an_all_day_event_on_its_closing_date(client):
    page = next(p for p in live(FundingOpportunityPage, "en") if p.status == "open")
    event = next(e for e in calendar(client, "en").walk("VEVENT") if str(e["URL"]) == page.full_url)
    assert event["DTSTART"].dt == page.closes_on
    uid = event["UID"]
    albanian = page.get_translation(page.locale.__class__.objects.get(language_code="sq"))
    same = next(
        e for e in calendar(client, "sq").walk("VEVENT") if str(e["URL"]) == albanian.full_url
    )
    assert same["UID"] == uid, "one event, the same in every language's calendar"


# Discovery ------------------------------------------------------------------


def alternates(html):
    return {
        href: kind
        for kind, href in re.findall(
            r'<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)">', html
        )
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_and_indexes_advertise_their_feeds(client, language):
    home = client.get(f"/{language}/")
    links = alternates(home.content.decode())
    assert f"/feeds/{language}/initiatives.atom" in links
    assert f"/feeds/{language}/funding.atom" in links
    assert f"/feeds/{language}/calls.atom" in links
    assert links[f"/feeds/{language}/deadlines.ics"] == "text/calendar"
    for href in links:
        assert client.get(href).status_code == 200
    indexes = {
        "initiatives.atom": Page.objects.get(
            depth=3, locale__language_code=language, content_type__model="initiativeindexpage"
        ),
        "funding.atom": Page.objects.get(
            depth=3, locale__language_code=language, content_type__model="fundingindexpage"
        ),
        "calls.atom": Page.objects.get(
            depth=3, locale__language_code=language, content_type__model="getinvolvedindexpage"
        ),
    }
    for feed, index in indexes.items():
        html = client.get(index.url).content.decode()
        assert alternates(html).get(f"/feeds/{language}/{feed}") == "application/atom+xml"


# Wagtail API v2 ---------------------------------------------------------------


def api_pages(client, query=""):
    response = client.get(f"/api/v2/pages/?limit=100{query}")
    assert response.status_code == 200, response.content[:300]
    return response.json()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_api_lists_public_content_pages_by_language(client, language):
    data = api_pages(client, f"&locale={language}")
    assert data["items"]
    assert {item["meta"]["locale"] for item in data["items"]} == {language}
    types = {item["meta"]["type"] for item in data["items"]}
    assert "initiatives.InitiativePage" in types
    assert not any(
        kind.startswith("forms.") and kind.endswith("Page") and "Index" not in kind
        for kind in types
    )


def test_the_pages_api_never_shows_form_pages_or_their_settings(client):
    form_pages = list(ConsultationCallPage.objects.live()) + list(FeedbackPage.objects.live())
    listed = {item["id"] for item in api_pages(client)["items"]}
    assert listed.isdisjoint({page.pk for page in form_pages})
    for page in form_pages[:3]:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    typed = client.get("/api/v2/pages/?type=forms.ConsultationCallPage")
    assert typed.status_code == 200 and typed.json()["items"] == []
    for field in ("moderator_users", "moderator_group", "retention_months"):
        response = client.get(f"/api/v2/pages/?type=forms.ConsultationCallPage&fields={field}")
        assert response.status_code == 400
    everything = client.get("/api/v2/pages/?limit=100&fields=*").content.decode()
    assert "moderator" not in everything and "retention" not in everything


def test_the_pages_api_gives_public_fields_of_an_initiative(client):
    page = live(InitiativePage, "en")[0]
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["summary"] == page.summary
    assert detail["meta"]["html_url"].endswith(page.url)


def test_drafts_and_restricted_pages_stay_out_of_the_pages_api(client, admin_client):
    page = live(InitiativePage, "en")[0]
    page.title = "Unpublished draft title"
    page.save_revision()
    assert "Unpublished draft title" not in client.get("/api/v2/pages/?limit=100").content.decode()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    # Signed in or not, the answer is the same public one (it is cached and shared).
    for who in (admin_client, client):
        assert page.pk not in {item["id"] for item in api_pages(who)["items"]}
        assert who.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_documents_in_a_restricted_collection_stay_out_of_the_api(client):
    Document = get_document_model()
    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    public = Document.objects.create(title="Annual report", file=ContentFile(b"x", "report.txt"))
    Document.objects.create(
        title="Minutes", file=ContentFile(b"x", "minutes.txt"), collection=private
    )
    titles = {item["title"] for item in client.get("/api/v2/documents/").json()["items"]}
    assert titles == {public.title}
    assert client.get("/api/v2/images/").status_code == 200


# Caching and sharing -----------------------------------------------------------


OPEN_DATA_URLS = [
    "/api/hsds/",
    "/api/hsds/organizations",
    "/api/hsds/datapackage.zip",
    "/api/v2/pages/",
    "/api/v2/documents/",
    "/feeds/en/initiatives.atom",
    "/feeds/sq/deadlines.ics",
]


@pytest.mark.parametrize("url", OPEN_DATA_URLS)
def test_open_data_is_cacheable_for_minutes_and_readable_from_any_site(client, url):
    first = client.get(url, HTTP_ORIGIN="https://researcher.example")
    assert first.status_code == 200
    assert first["Access-Control-Allow-Origin"] == "*"
    assert first["Cross-Origin-Resource-Policy"] == "cross-origin"
    cache_control = first["Cache-Control"]
    assert "public" in cache_control
    max_age = int(re.search(r"max-age=(\d+)", cache_control).group(1))
    assert 60 <= max_age <= 3600
    assert "Access-Control-Allow-Credentials" not in first
    second = client.get(url)
    assert second["X-Open-Data-Cache"] == "hit"
    assert second.content == first.content
    assert second["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        url, HTTP_ORIGIN="https://researcher.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert client.post(url).status_code == 405
    assert client.delete(url).status_code == 405


def test_publishing_refreshes_the_cached_feed_and_api(client):
    page = live(InitiativePage, "en")[0]
    assert page.title in client.get("/feeds/en/initiatives.atom").content.decode()
    assert page.title in client.get("/api/hsds/organizations?per_page=500").content.decode()
    page.title = "A newly published name"
    page.save_revision().publish()
    feed = client.get("/feeds/en/initiatives.atom")
    assert feed["X-Open-Data-Cache"] == "miss"
    assert "A newly published name" in feed.content.decode()
    assert (
        "A newly published name"
        in client.get("/api/hsds/organizations?per_page=500").content.decode()
    )
    page.unpublish()
    assert "A newly published name" not in client.get("/feeds/en/initiatives.atom").content.decode()
