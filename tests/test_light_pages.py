"""Light pages for slow phones and networks (issue 7, point 3).

- No web font, and no JavaScript on the critical path but the small deferred
  enhancements; at most 20 KB of CSS and 5 KB of JavaScript per page. The
  portal's own files are not minified: their source sizes are what is
  counted, an upper bound on any minified size.
- An index page's HTML is at most 40 KB, in every language, with a full page
  of results.
- Production's collectstatic writes hashed files with gzip and Brotli copies,
  and whitenoise serves them compressed with far-future caching.
- A first visit to any public page (home, an index, a detail page, a form)
  costs at most 14 kB of compressed HTML and render-blocking CSS, in every
  language, with gzip and with Brotli (issue 18, point 4): one round trip.
- Images are WebP renditions with ``srcset``, explicit width and height, and
  ``loading="lazy"`` below the fold.
"""

import json
import os
import re
import secrets
from html.parser import HTMLParser
from io import BytesIO

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from bench import synthetic, wire
from forms.models import BoardApplicationPage, ConsultationCallPage, FeedbackPage
from funding.models import FundingIndexPage
from home.models import HomePage
from initiatives.models import InitiativeIndexPage, InitiativePage
from practices.models import PracticeIndexPage
from tests.factories import StandardPageFactory
from tests.test_operations import run_python

CSS_BUDGET = 20 * 1024
JS_BUDGET = 5 * 1024
INDEX_HTML_BUDGET = 40 * 1024
# The enhancements allowed on the critical path, and only deferred.
ALLOWED_SCRIPTS = {"js/quick-exit.js"}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PUBLIC_PAGES = ["/en/", "/en/initiatives/", "/en/initiatives/istac/", "/mk/dobri-praktiki/"]


class Assets(HTMLParser):
    """Stylesheets, scripts, preloads and images a page asks for."""

    def __init__(self):
        super().__init__()
        self.stylesheets, self.scripts, self.preloads, self.images = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "preload":
            self.preloads.append(attrs)
        elif tag == "script" and attrs.get("type") != "application/ld+json":
            self.scripts.append(attrs)
        elif tag == "img":
            self.images.append(attrs)


def assets_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    parser = Assets()
    parser.feed(response.content.decode())
    return parser


def static_source(url):
    """The file behind a /static/ URL (test settings serve unhashed names)."""
    name = url.removeprefix("/static/")
    found = finders.find(name)
    assert found, url
    return name, found


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_pages_load_little_css_and_only_deferred_small_scripts(client, path):
    assets = assets_of(client, path)
    css = sum(os.path.getsize(static_source(url)[1]) for url in assets.stylesheets)
    assert 0 < css <= CSS_BUDGET, css
    js = 0
    for script in assets.scripts:
        assert "src" in script, "no inline script on public pages"
        name, found = static_source(script["src"])
        assert name in ALLOWED_SCRIPTS, name
        assert "defer" in script or "async" in script, f"{name} blocks rendering"
        js += os.path.getsize(found)
    assert js <= JS_BUDGET, js
    assert not [link for link in assets.preloads if link.get("as") == "font"]


def test_no_web_fonts_in_the_stylesheet():
    with open(finders.find("css/portal.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    assert "@font-face" not in css
    assert "@import" not in css
    assert not re.search(r"url\([^)]*\.(woff2?|ttf|otf|eot)", css)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_index_pages_html_stays_under_40_kb_with_a_full_page(client, language):
    synthetic.build(40, practices=40, funding=40, languages=[language], index=False)
    for model in (InitiativeIndexPage, PracticeIndexPage, FundingIndexPage):
        path = model.objects.get(locale__language_code=language).url
        response = client.get(path)
        assert response.status_code == 200
        assert response.content.count(b'class="card') >= 12, path
        assert len(response.content) <= INDEX_HTML_BUDGET, (path, len(response.content))


# Per kind, the page types to weigh, the demo's usual example first; in a
# language without that example, the first live page of those types.
FIRST_VISIT_PAGES = {
    "home": ([HomePage], None),
    "index": ([InitiativeIndexPage], None),
    "detail": ([InitiativePage], "istac"),
    "form": (
        [BoardApplicationPage, ConsultationCallPage, FeedbackPage],
        "example-survivor-advisory-board",
    ),
}


def first_visit_page(kind, language):
    models, preferred = FIRST_VISIT_PAGES[kind]
    pages = [
        page
        for model in models
        for page in model.objects.live().filter(locale__language_code=language).order_by("pk")
    ]
    pages.sort(key=lambda page: page.slug != preferred)
    return pages[0] if pages else None


@pytest.mark.django_db
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("kind", FIRST_VISIT_PAGES)
def test_first_visit_fits_in_one_round_trip(client, kind, language):
    page = first_visit_page(kind, language)
    assert page is not None, f"the demo has a {kind} page in {language}"
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    hrefs = wire.blocking_stylesheets(response.content)
    assert hrefs, "no stylesheet found: the check would count nothing"
    stylesheets = []
    for href in hrefs:
        with open(static_source(href)[1], "rb") as stylesheet:
            stylesheets.append(stylesheet.read())
    for encoding in wire.encodings():
        weight = wire.first_visit(response.content, stylesheets, encoding)
        assert weight <= wire.FIRST_VISIT_BUDGET, (page.url, encoding, weight)


COLLECT_AND_SERVE = """
import json, django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client

call_command("collectstatic", interactive=False, verbosity=0)
hashed = staticfiles_storage.url("css/portal.css")
client = Client()
answers = {}
for encoding in ("br", "gzip", ""):
    response = client.get(hashed, secure=True, HTTP_ACCEPT_ENCODING=encoding)
    answers[encoding or "identity"] = {
        "status": response.status_code,
        "encoding": response.get("Content-Encoding", ""),
        "cache": response.get("Cache-Control", ""),
        "length": int(response.get("Content-Length", 0)),
    }
print(json.dumps({"url": hashed, "answers": answers, "storage": settings.STORAGES}))
"""


def test_production_serves_hashed_static_files_compressed_and_cached_for_good(tmp_path):
    static_root = tmp_path / "static"
    result = run_python(
        COLLECT_AND_SERVE,
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "FORMS_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
            "ALLOWED_HOSTS": "testserver",
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(tmp_path / "media"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        },
        unset=("DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"),
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert re.fullmatch(r"/static/css/portal\.[0-9a-f]{12}\.css", found["url"]), found["url"]
    hashed = static_root / found["url"].removeprefix("/static/")
    for suffix in ("", ".gz", ".br"):
        assert hashed.with_name(hashed.name + suffix).exists(), suffix
    answers = found["answers"]
    assert answers["br"]["encoding"] == "br"
    assert answers["gzip"]["encoding"] == "gzip"
    assert answers["identity"]["encoding"] == ""
    assert answers["br"]["length"] < answers["gzip"]["length"] < answers["identity"]["length"]
    for answer in answers.values():
        assert answer["status"] == 200
        assert "immutable" in answer["cache"]
        max_age = int(re.search(r"max-age=(\d+)", answer["cache"])[1])
        assert max_age >= 365 * 24 * 60 * 60, answer["cache"]


# Images ----------------------------------------------------------------------


def make_image(title="A test image", size=(1600, 1000)):
    buffer = BytesIO()
    PillowImage.new("RGB", size, (15, 92, 99)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(BytesIO(buffer.getvalue()), name="test.png")
    )


def img_tags(html):
    parser = Assets()
    parser.feed(html)
    return parser.images


@pytest.mark.django_db
def test_body_images_are_lazy_webp_with_srcset_and_dimensions(client):
    page = StandardPageFactory()
    page.body = [*page.body.raw_data, {"type": "image", "value": {"image": make_image().pk}}]
    page.save_revision().publish()
    images = img_tags(client.get(page.url).content.decode())
    assert len(images) == 1
    image = images[0]
    assert image["loading"] == "lazy"
    assert image["width"] and image["height"]
    assert image["src"].endswith(".webp")
    sources = image["srcset"].split(", ")
    assert len(sources) >= 2
    assert all(source.split()[0].endswith(".webp") for source in sources)
    assert "sizes" in image


@pytest.mark.django_db
def test_initiative_logo_is_webp_with_srcset_dimensions_and_not_lazy(client):
    page = InitiativePage.objects.get(slug="istac", locale__language_code="en")
    page.logo = make_image("ISTAC logo", (600, 600))
    page.save_revision().publish()
    images = img_tags(client.get(page.url).content.decode())
    assert len(images) == 1
    logo = images[0]
    # At the top of the page: loading it lazily would only delay it.
    assert "loading" not in logo
    assert (logo["width"], logo["height"]) == ("120", "120")
    assert logo["src"].endswith(".webp")
    assert [source.split()[1] for source in logo["srcset"].split(", ")] == ["120w", "240w"]
    assert logo["alt"] == "ISTAC logo"
