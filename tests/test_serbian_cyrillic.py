"""Serbian in Cyrillic, generated from Serbian in Latin: no one translates twice,
and a reader of the Cyrillic site meets no Latin beyond the keep-list."""

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from core.management.commands.compile_translations import generated_catalogue
from core.serbian_cyrillic import latin_to_cyrillic, latin_words_left
from forms.models.base import ModeratedFormPage
from languages.serbian_cyrillic import TransliterationFromSerbianLatin
from tests.browser.pages import EXTRA_PAGES, PageCase

ROOT = Path(__file__).resolve().parent.parent
CYRILLIC = "sr-cyrl"

pytestmark = pytest.mark.skipif(
    CYRILLIC not in dict(settings.LANGUAGES), reason="Serbian Cyrillic is not served"
)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Ljubav, NJEGOŠ i Džon", "Љубав, ЊЕГОШ и Џон"),
        # A prefix before the root: two letters, not one.
        ("nadživeti, injekcija", "надживети, инјекција"),
        ("HTML kôd", "HTML ко̂д"),
        # Markup, placeholders, addresses and kept names stay as written.
        (
            '<a id="a1">Pišite</a> na info@primer.rs ili https://primer.rs/o-nama.',
            '<a id="a1">Пишите</a> на info@primer.rs или https://primer.rs/o-nama.',
        ),
        ("%(count)s rečenica, {name} i %s", "%(count)s реченица, {name} и %s"),
        ("ODIHR-ov rad, OHCHR i MARRI", "ODIHR-ов рад, OHCHR и MARRI"),
        ("vodi je National Survivor Network", "води је National Survivor Network"),
        # Serbian acronyms are Cyrillic; foreign words (q, w, x, y) stay.
        ("UN i NVO, Wagtail", "УН и НВО, Wagtail"),
        ("na primer SV-7K3Q-9XPM, naslov (h2)", "на пример SV-7K3Q-9XPM, наслов (h2)"),
    ],
)
def test_latin_is_transliterated_letter_for_letter(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


def test_the_committed_cyrillic_catalogue_is_the_latin_one_transliterated():
    """compile_translations (make checks, make run) writes it; this fails if it is stale."""
    made = generated_catalogue(ROOT / "locale", "sr_Cyrl")
    assert made is not None
    path, text = made
    assert path.read_text(encoding="utf-8") == text, (
        "run `manage.py compile_translations` and commit locale/sr_Cyrl"
    )
    latin = polib.pofile(str(ROOT / "locale" / "sr_Latn" / "LC_MESSAGES" / "django.po"))
    assert len(polib.pofile(str(path))) == len([e for e in latin if not e.obsolete])


def test_the_interface_reads_in_cyrillic():
    with translation.override(CYRILLIC):
        assert gettext("Search") == latin_to_cyrillic(_latin("Search"))
        assert re.search("[\u0400-\u04ff]", gettext("Search"))


def _latin(msgid):
    with translation.override("sr-latn"):
        return gettext(msgid)


class VisibleText(HTMLParser):
    """Text and labelling attributes a reader meets, minus what another language marks."""

    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
    READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "content"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, foreign) of open elements
        self.parts = []

    def foreign(self):
        return any(foreign for _tag, foreign in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        foreign = bool(lang) and lang.lower() != CYRILLIC or tag in {"script", "style"}
        # A <meta> is read for its description only (not its charset or robots).
        read = tag != "meta" or attrs.get("name") == "description"
        if read and not (foreign or self.foreign()):
            self.parts.extend(
                value for name, value in attrs.items() if name in self.READ_ATTRIBUTES and value
            )
        if tag not in self.VOID:
            self.stack.append((tag, foreign))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.foreign():
            self.parts.append(data)


def latin_left_on(html, typed=""):
    """Latin words a reader meets, minus the words they typed (a search echoes them)."""
    parser = VisibleText()
    parser.feed(html)
    typed_words = set(re.findall(r"\w+", typed))
    return [
        word
        for word in latin_words_left(unescape(" ".join(parser.parts)))
        if word not in typed_words
    ]


@pytest.mark.django_db
def test_no_latin_text_on_any_serbian_cyrillic_page(client):
    pages = Page.objects.live().filter(locale__language_code=CYRILLIC, depth__gte=2).specific()
    english = Page.objects.live().filter(locale__language_code="en", depth__gte=2).count()
    assert len(pages) == english
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert latin_left_on(response.content.decode()) == [], page.url


@pytest.mark.django_db
@pytest.mark.parametrize("extra", EXTRA_PAGES, ids=lambda extra: extra.name)
def test_no_latin_text_on_errors_filtered_listings_and_search(client, extra):
    case = PageCase(
        extra.name,
        CYRILLIC,
        extra.status,
        extra_path=extra.path or extra.query,
        extra_of_type=extra.of_type,
    )
    response = client.get(case.path())
    assert response.status_code == extra.status, case.path()
    typed = parse_qs(urlsplit(case.path()).query).get("q", [""])[0]
    assert latin_left_on(response.content.decode(), typed) == [], case.path()


@pytest.mark.django_db
def test_form_errors_on_a_cyrillic_page_are_cyrillic(client):
    form = (
        Page.objects.live()
        .filter(locale__language_code=CYRILLIC)
        .type(ModeratedFormPage)
        .order_by("path")
        .first()
    )
    response = client.post(form.url, {"email": "not an address"})
    html = response.content.decode()
    assert "error" in html
    assert latin_left_on(html) == [], form.url


@pytest.mark.django_db
def test_cyrillic_pages_keep_the_latin_addresses(client):
    latin = Locale.objects.get(language_code="sr-latn")
    for page in Page.objects.filter(locale__language_code=CYRILLIC, depth__gte=3)[:20]:
        assert page.slug == page.get_translation(latin).slug


@pytest.mark.django_db
def test_the_editors_transliterator_fills_a_cyrillic_page_from_the_latin_one(admin_client):
    translator = TransliterationFromSerbianLatin({})
    english = Locale.objects.get(language_code="en")
    cyrillic = Locale.objects.get(language_code=CYRILLIC)
    assert translator.can_translate(english, cyrillic)
    assert not translator.can_translate(english, Locale.objects.get(language_code="sr-latn"))
    assert not translator.can_translate(english, Locale.objects.get(language_code="mk"))

    page = Page.objects.get(slug="privacy", locale=english)
    target = Translation.objects.get(source__object_id=page.translation_key, target_locale=cyrillic)
    StringTranslation.objects.filter(locale=cyrillic).delete()
    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[target.id]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    made = StringTranslation.objects.filter(locale=cyrillic).select_related("context")
    assert made.count() > 10
    by_path = {row.context.path: row.data for row in made}
    assert by_path["slug"] == page.get_translation(Locale.objects.get(language_code="sr-latn")).slug
    assert re.search("[\u0400-\u04ff]", by_path["title"])


@pytest.mark.django_db
def test_refreshing_follows_the_latin_text_and_keeps_an_editors_sentence(client):
    latin = Locale.objects.get(language_code="sr-latn")
    cyrillic = Locale.objects.get(language_code=CYRILLIC)
    english = Page.objects.get(slug="privacy", locale__language_code="en")
    latin_titles = StringTranslation.objects.filter(
        locale=latin,
        context__path="title",
        translation_of__segments__source__object_id=(english.translation_key),
    )
    title = latin_titles.first()
    title.data = "Obaveštenje o privatnosti, izmenjeno"
    title.save()
    # An editor rewrote one sentence of the Cyrillic page by hand.
    override = (
        StringTranslation.objects.filter(locale=cyrillic)
        .exclude(context__path__in=["title", "slug"])
        .filter(translation_of__segments__source__object_id=english.translation_key)
        .first()
    )
    override.data = "Реченица коју је уредница написала сама."
    override.translation_type = "manual"
    override.save()

    call_command("transliterate_serbian", verbosity=0)

    page = english.get_translation(cyrillic)
    page.refresh_from_db()
    assert page.title == "Обавештење о приватности, измењено"
    override.refresh_from_db()
    assert override.data == "Реченица коју је уредница написала сама."
    html = client.get(page.url).content.decode()
    assert "Обавештење о приватности, измењено" in html
