"""Every language end to end: URLs, switcher, alternates, sitemap, translators' PO files."""

import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils.translation import to_locale
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from home.models import HomePage, StandardPage
from initiatives.models import InitiativeIndexPage, InitiativePage
from practices.models import PracticePage

# demo_content: these tests find pages of the demo by slug or title (see README, Tests).
pytestmark = [pytest.mark.django_db, pytest.mark.demo_content]

LANGUAGES = [code for code, _name in settings.LANGUAGES]
ROOT = Path(__file__).resolve().parent.parent


def translation_of(page, language):
    return page.get_translation(Locale.objects.get(language_code=language))


def representative_pages(language):
    initiative = InitiativePage.objects.get(slug="istac", locale__language_code="en")
    practice = PracticePage.objects.get(code="P2", locale__language_code="en")
    english = [
        HomePage.objects.get(depth=2, locale__language_code="en"),
        InitiativeIndexPage.objects.get(locale__language_code="en"),
        initiative,
        practice,
        Page.objects.get(slug="funding", locale__language_code="en"),
    ]
    return [translation_of(page, language) for page in english]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_renders_its_own_pages(client, language):
    for page in representative_pages(language):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert page.url.startswith(f"/{language}/")
        assert f'<html lang="{language}"' in html
        assert f"<h1>{page.title}" in html or f">{page.title}</h1>" in html or page.title in html


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_navigation_and_interface_are_translated(client, language):
    english = client.get("/en/").content.decode()
    translated = client.get(f"/{language}/").content.decode()
    english_nav = re.findall(r'class="main-nav__link" href="[^"]+"[^>]*>([^<]+)<', english)
    translated_nav = re.findall(r'class="main-nav__link" href="[^"]+"[^>]*>([^<]+)<', translated)
    assert len(translated_nav) == len(english_nav) >= 4
    assert set(translated_nav).isdisjoint({"Initiatives", "Good practices", "Funding"})
    assert "Leave this site quickly" not in translated
    assert "Skip to main content" not in translated


@pytest.mark.parametrize("language", LANGUAGES)
def test_alternates_point_to_existing_translations_only(client, language):
    page = representative_pages(language)[2]
    html = client.get(page.url).content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert set(alternates) == set(LANGUAGES) | {"x-default"}
    assert alternates["x-default"] == alternates["en"]
    for url in alternates.values():
        path = re.sub(r"^https?://[^/]+", "", url)
        assert client.get(path).status_code == 200, path


def test_switcher_links_to_the_same_page_in_each_language(client):
    page = representative_pages("en")[2]
    html = client.get(page.url).content.decode()
    for language in LANGUAGES:
        translated = translation_of(page, language)
        assert f'href="{translated.url}" lang="{language}" hreflang="{language}"' in html


def test_switcher_marks_languages_without_a_translation(client, home_page):
    page = StandardPage(title="Only in English", slug="only-in-english", introduction="x")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    for language in LANGUAGES:
        if language == "en":
            continue
        home = translation_of(home_page, language)
        link = re.search(
            rf'<a class="language-switcher__link" href="([^"]+)" lang="{language}"[^>]*>(.*?)</a>',
            html,
            re.S,
        )
        assert link, language
        assert link.group(1) == home.url
        assert "language-switcher__note" in link.group(2)
        assert client.get(link.group(1)).status_code == 200
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html)
    assert alternates == ["en", "x-default"]


def test_root_redirect_picks_serbian_latin_for_serbian_readers(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sr-Latn-RS,sr;q=0.9,en;q=0.5")
    assert response["Location"] == "/sr-latn/"
    assert not response.cookies


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_and_filters_work_within_each_language(client, language):
    index = translation_of(InitiativeIndexPage.objects.get(locale__language_code="en"), language)
    html = client.get(f"{index.url}?country=XK").content.decode()
    pvpt = translation_of(
        InitiativePage.objects.get(slug="pvpt-peer-support", locale__language_code="en"), language
    )
    assert pvpt.url in html
    assert html.count('class="card__title"') == 1
    results = client.get(f"/{language}/search/?q=PVPT").content.decode()
    assert pvpt.url in results
    assert (
        f'href="/{"en" if language != "en" else "sq"}/'
        not in results.split("<main")[1].split("</main>")[0]
    )


def test_dates_and_amounts_follow_the_locale(client):
    page = Page.objects.get(
        slug="survivor-leadership-fund-first-round", locale__language_code="en"
    ).specific
    english = client.get(page.url).content.decode()
    assert "15,000 USD" in english
    assert "31 October 2021" in english
    macedonian = client.get(translation_of(page, "mk").url).content.decode()
    assert "15.000 USD" in macedonian
    assert "31 октомври 2021" in macedonian


def test_sitemap_lists_every_page_in_every_language_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    live_pages = Page.objects.live().filter(depth__gte=2).count()
    assert xml.count("<url>") == live_pages
    istac = InitiativePage.objects.get(slug="istac", locale__language_code="en")
    block = re.search(rf"<url><loc>[^<]*{istac.url}</loc>.*?</url>", xml, re.S).group(0)
    assert block.count('rel="alternate"') == len(LANGUAGES) + 1


def test_translators_round_trip_a_po_file_through_the_admin(
    admin_client, home_page, django_capture_on_commit_callbacks
):
    page = StandardPage(title="Contact the editors", slug="contact", introduction="Write to us.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    albanian = Locale.objects.get(language_code="sq")
    # wagtail-localize publishes when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(page, [albanian])
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=albanian
    )

    download = admin_client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    for entry in po:
        if entry.msgid == "Contact the editors":
            entry.msgstr = "Shkruani redaktorëve"
        if entry.msgid == "Write to us.":
            entry.msgstr = "Na shkruani."
    upload = admin_client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": _uploaded(str(po)), "next": "/admin/"},
    )
    assert upload.status_code == 302

    translated = page.get_translation(albanian)
    with django_capture_on_commit_callbacks(execute=True):
        publish = admin_client.post(f"/admin/pages/{translated.pk}/edit/", {"action": "publish"})
    assert publish.status_code in (200, 302)
    translated.refresh_from_db()
    html = admin_client.get(translated.url).content.decode()
    assert "Shkruani redaktorëve" in html
    assert "Na shkruani." in html


def _uploaded(text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        "contact-sq.po", text.encode(), content_type="text/x-gettext-translation"
    )


CATALOGUES = [to_locale(code) for code in LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("locale_dir", CATALOGUES)
def test_interface_catalogue_is_complete(locale_dir):
    po = polib.pofile(str(ROOT / "locale" / locale_dir / "LC_MESSAGES" / "django.po"))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert "fuzzy" not in po.metadata_as_entry().flags


def test_makemessages_finds_nothing_untranslated(tmp_path, monkeypatch):
    """What `make messages` would extract is all translated already.

    makemessages writes into every locale folder it finds, so it runs on a
    copy of the project, never on the catalogues in the repository.
    """
    if shutil.which("xgettext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("GNU gettext is required in CI (apt-get install gettext)")
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "var", "node_modules", "bench", "tests", "*.mo", "__pycache__"
        ),
    )
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command(
            "makemessages",
            locale=CATALOGUES,
            no_obsolete=True,
            no_location=True,
            verbosity=0,
        )
    for locale_dir in CATALOGUES:
        po = polib.pofile(str(copy / "locale" / locale_dir / "LC_MESSAGES" / "django.po"))
        missing = [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]
        assert missing == [], f"{locale_dir}: run `make messages` and translate {missing[:5]}"
