"""The directory as Open Referral HSDS 3.0: what a harvester gets from /api/hsds/.

Records are checked against the standard's own compiled JSON schemas
(vendored with their licence in initiatives/hsds/schema/).
"""

import csv
import datetime
import io
import json
import uuid
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker
from wagtail.models import PageViewRestriction, Site

from initiatives.models import InitiativePage
from initiatives.open_data_settings import OpenDataSettings

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parent.parent / "initiatives" / "hsds" / "schema"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def load(name):
    return json.loads((SCHEMAS / name).read_text())


SERVICE = load("service_with_definitions.json")
DEFINITIONS = SERVICE["definitions"]


def validator(schema):
    return Draft202012Validator(schema, format_checker=FormatChecker())


def definition(name):
    return validator({"$ref": f"#/definitions/{name}", "definitions": DEFINITIONS})


ORGANIZATION_LIST = validator(load("organization_list.json"))
SERVICE_LIST = validator(load("service_list.json"))
SERVICE_FULL = validator(SERVICE)
ORGANIZATION = definition("organization")
TAXONOMY = definition("taxonomy")
TAXONOMY_TERM = definition("taxonomy_term")


def valid(schema, record):
    errors = [error.message for error in schema.iter_errors(record)]
    assert errors == [], (record.get("id"), errors)
    return True


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def public_initiative_keys():
    return set(InitiativePage.objects.live().values_list("translation_key", flat=True))


def harvest(client, path, per_page=3, **params):
    """Every record of a list, page by page, as a harvester walks it."""
    records, page = [], 1
    extra = "".join(f"&{name}={quote(str(value))}" for name, value in params.items())
    while True:
        data = get_json(client, f"{path}?page={page}&per_page={per_page}{extra}")
        assert data["page_number"] == page
        assert data["first_page"] is (page == 1)
        assert data["size"] == len(data["contents"]) <= per_page
        records.extend(data["contents"])
        if data["last_page"]:
            assert data["total_pages"] == page
            assert len(records) == data["total_items"]
            return records
        page += 1


def test_the_root_says_which_hsds_version_it_speaks(client):
    data = get_json(client, "/api/hsds/")
    assert data["version"] == "3.0"
    assert data["openapi_url"].startswith("https://")
    assert data["datapackage_url"].endswith("/api/hsds/datapackage.zip")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_initiative_is_one_valid_organization_in_every_language(client, language):
    records = harvest(client, "/api/hsds/organizations", lang=language)
    assert len(records) == len(public_initiative_keys())
    assert len({record["id"] for record in records}) == len(records)
    for record in records:
        valid(ORGANIZATION_LIST, record)
        uuid.UUID(record["id"])
        assert record["uri"].startswith("http")
    full = harvest(client, "/api/hsds/organizations", full="true", lang=language)
    for record in full:
        valid(ORGANIZATION, record)
        for service in record["services"]:
            valid(SERVICE_FULL, service)
            assert service["organization_id"] == record["id"]


def test_ids_are_the_same_in_every_language_and_texts_follow_the_language(client):
    english = {r["id"]: r for r in harvest(client, "/api/hsds/organizations", per_page=50)}
    albanian = {
        r["id"]: r for r in harvest(client, "/api/hsds/organizations", per_page=50, lang="sq")
    }
    assert set(english) == set(albanian)
    translated = InitiativePage.objects.live().filter(locale__language_code="sq").first()
    record_id = next(r["id"] for r in albanian.values() if r["name"] == translated.title)
    assert "/sq/" in albanian[record_id]["uri"]
    assert "/en/" in english[record_id]["uri"]
    assert english[record_id]["name"] != translated.title


def test_one_organization_by_id_with_its_services(client):
    listed = get_json(client, "/api/hsds/organizations?per_page=1")["contents"][0]
    record = get_json(client, f"/api/hsds/organizations/{listed['id']}?lang=mk")
    valid(ORGANIZATION, record)
    assert record["id"] == listed["id"]
    assert record["services"], "every demo initiative names an area of work"
    missing = get_json(client, f"/api/hsds/organizations/{uuid.uuid4()}", status=404)
    assert missing == {"error": "not found"}


def test_services_are_areas_of_work_with_languages_and_service_areas(client):
    services = harvest(client, "/api/hsds/services", per_page=5)
    assert services
    for service in services:
        valid(SERVICE_LIST, service)
        assert service["status"] == "active"
    detail = get_json(client, f"/api/hsds/services/{services[0]['id']}?lang=bs")
    valid(SERVICE_FULL, detail)
    assert detail["attributes"][0]["taxonomy_term"]["language"] == "bs"
    everything = harvest(client, "/api/hsds/services", full="true", per_page=50)
    assert any(service["languages"] for service in everything)
    assert any(service["service_areas"] for service in everything)
    kosovo = [area for s in everything for area in s["service_areas"] if area["extent"] == "XK"]
    assert kosovo, "Kosovo is a service area like any country"
    for service in everything:
        for language in service["languages"]:
            assert language["code"] and language["name"]
    one_organization = services[0]["organization_id"]
    filtered = harvest(client, "/api/hsds/services", organization_id=one_organization)
    assert filtered and all(s["organization_id"] == one_organization for s in filtered)


def test_taxonomies_and_their_terms(client):
    taxonomies = harvest(client, "/api/hsds/taxonomies")
    assert len(taxonomies) == 2
    for taxonomy in taxonomies:
        valid(TAXONOMY, taxonomy)
        assert get_json(client, f"/api/hsds/taxonomies/{taxonomy['id']}") == taxonomy
    terms = harvest(client, "/api/hsds/taxonomy_terms", lang="sr-latn")
    assert {term["taxonomy_id"] for term in terms} == {t["id"] for t in taxonomies}
    for term in terms:
        valid(TAXONOMY_TERM, term)
        assert term["language"] == "sr-latn"
    areas = harvest(client, "/api/hsds/taxonomy_terms", taxonomy_id=taxonomies[1]["id"])
    assert 0 < len(areas) < len(terms)
    term = get_json(client, f"/api/hsds/taxonomy_terms/{terms[0]['id']}?lang=sr-latn")
    assert term["id"] == terms[0]["id"]


def test_modified_after_returns_only_what_changed_since(client):
    old = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    InitiativePage.objects.update(last_published_at=old)
    changed = InitiativePage.objects.live().filter(locale__language_code="en").first()
    InitiativePage.objects.filter(translation_key=changed.translation_key).update(
        last_published_at=datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)
    )
    recent = harvest(client, "/api/hsds/organizations", modified_after="2026-05-31T00:00:00Z")
    assert [record["name"] for record in recent] == [changed.title]
    by_date = harvest(client, "/api/hsds/organizations", modified_after="2026-06-01")
    assert len(by_date) == 1
    services = harvest(client, "/api/hsds/services", modified_after="2026-06-01")
    assert services and {s["organization_id"] for s in services} == {recent[0]["id"]}
    everything = harvest(client, "/api/hsds/organizations", modified_after="2019-12-31")
    assert len(everything) == len(public_initiative_keys())


def test_search_and_taxonomy_filters(client):
    page = InitiativePage.objects.live().filter(locale__language_code="sq").first()
    words = page.title.split()[0]
    found = harvest(client, "/api/hsds/organizations", lang="sq", search=words)
    assert page.title in {record["name"] for record in found}
    for record in found:
        text = " ".join([record["name"], record["description"], record.get("alternate_name", "")])
        assert words.lower() in text.lower()
    assert harvest(client, "/api/hsds/organizations", search="zzzz-nothing-like-this") == []
    services = harvest(client, "/api/hsds/services", lang="sq", search=words)
    assert services and {s["organization_id"] for s in services} <= {r["id"] for r in found}
    taxonomies = {t["name"]: t["id"] for t in harvest(client, "/api/hsds/taxonomies")}
    by_area = harvest(client, "/api/hsds/services", taxonomy_id=taxonomies["Areas of work"])
    assert len(by_area) == get_json(client, "/api/hsds/services")["total_items"]
    assert harvest(client, "/api/hsds/services", taxonomy_id=taxonomies["Initiative types"]) == []
    term = by_area[0]["name"]
    terms = {t["name"]: t["id"] for t in harvest(client, "/api/hsds/taxonomy_terms")}
    by_term = harvest(client, "/api/hsds/services", taxonomy_term_id=terms[term])
    assert by_term and {s["name"] for s in by_term} == {term}


@pytest.mark.parametrize(
    "query",
    ["page=0", "per_page=100000", "per_page=two", "lang=de", "modified_after=yesterday"],
)
def test_bad_parameters_are_refused_with_a_reason(client, query):
    data = get_json(client, f"/api/hsds/organizations?{query}", status=400)
    assert data["error"]


def test_a_page_past_the_end_is_empty(client):
    data = get_json(client, "/api/hsds/organizations?page=99")
    assert data["contents"] == [] and data["empty"] is True and data["last_page"] is True


def test_drafts_unpublished_and_restricted_initiatives_never_appear(client, admin_client):
    page = InitiativePage.objects.live().filter(locale__language_code="en").first()
    names = lambda: {r["name"] for r in harvest(client, "/api/hsds/organizations", per_page=50)}  # noqa: E731
    assert page.title in names()

    original = page.title
    page.title = "A draft title nobody has approved"
    page.save_revision()
    assert original in names()
    assert "A draft title nobody has approved" not in names()

    for translation in page.get_translations(inclusive=True):
        PageViewRestriction.objects.create(
            page=translation, restriction_type=PageViewRestriction.PASSWORD, password="x" * 12
        )
    assert original not in names()
    # An editor signed in sees the same public data, and it is not cached for others.
    assert original not in {
        r["name"] for r in harvest(admin_client, "/api/hsds/organizations", per_page=50)
    }
    PageViewRestriction.objects.all().delete()
    assert original in names()

    for translation in page.get_translations(inclusive=True):
        translation.unpublish()
    assert original not in names()


def test_the_data_package_holds_the_same_records_as_csv(client):
    response = client.get("/api/hsds/datapackage.zip?lang=sq")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    package = json.loads(archive.read("datapackage.json"))
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"][0]["path"] == "https://creativecommons.org/licenses/by/4.0/"
    paths = {resource["path"] for resource in package["resources"]}
    assert {"organizations.csv", "services.csv", "taxonomy_terms.csv"} <= paths
    assert paths | {"datapackage.json"} == set(archive.namelist())
    organizations = get_json(client, "/api/hsds/organizations?lang=sq&per_page=500")
    for resource in package["resources"]:
        rows = list(csv.DictReader(io.StringIO(archive.read(resource["path"]).decode())))
        header = [field["name"] for field in resource["schema"]["fields"]]
        assert list(rows[0].keys()) == header
        if resource["name"] == "organization":
            assert {row["id"] for row in rows} == {r["id"] for r in organizations["contents"]}
            by_id = {row["id"]: row for row in rows}
            for record in organizations["contents"]:
                assert by_id[record["id"]]["name"] == record["name"]


def test_the_licence_editors_set_goes_into_the_package_and_onto_the_directory(client):
    site = Site.objects.get(is_default_site=True)
    licence = OpenDataSettings.for_site(site)
    licence.licence_title = "Open Data Commons Attribution License"
    licence.licence_url = "https://opendatacommons.org/licenses/by/1-0/"
    licence.save()
    package = zipfile.ZipFile(io.BytesIO(client.get("/api/hsds/datapackage.zip").content))
    described = json.loads(package.read("datapackage.json"))
    assert described["licenses"] == [
        {"title": licence.licence_title, "path": "https://opendatacommons.org/licenses/by/1-0/"}
    ]
    html = client.get("/en/initiatives/").content.decode()
    assert "Download the directory as open data" in html
    assert 'href="/api/hsds/datapackage.zip?lang=en"' in html
    assert 'rel="license">Open Data Commons Attribution License</a>' in html
