"""The pages every browser, accessibility, HTML and header test visits.

One list, so a new page type is tested everywhere by adding it once:

* Every concrete Wagtail page model of the portal's apps is found by itself
  (``page_type_labels``); the tests open one live page of each type, in every
  language. A new page type needs only demo content (``load_demo_content``).
* Anything that is not "a page of a type" goes in ``EXTRA_PAGES``: error
  pages, index pages with filters, search results, form error states. Add one
  line there.
"""

from dataclasses import dataclass

import pytest
from django.apps import apps
from django.conf import settings
from wagtail.models import Page, get_page_models

# The apps whose page types the portal serves (not Wagtail's own).
PORTAL_APPS = {"home", "initiatives", "practices", "funding", "forms", "taxonomy"}

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class ExtraPage:
    """A URL to test besides one page of each type.

    Either a ``path`` (``{lang}`` is the language code), or a page type
    (``of_type``) whose page in each language gets ``query`` appended: the
    address of a translated index differs by language.
    """

    name: str
    path: str = ""
    status: int = 200
    of_type: str = ""
    query: str = ""


EXTRA_PAGES = [
    ExtraPage("not-found", "/{lang}/this-page-does-not-exist/", status=404),
    ExtraPage(
        "initiatives-filtered",
        of_type="initiatives.InitiativeIndexPage",
        query="?country=XK&type=service-provider&area=victim-support",
    ),
    ExtraPage(
        "initiatives-empty",
        of_type="initiatives.InitiativeIndexPage",
        query="?type=fund&country=AL",
    ),
    ExtraPage(
        "practices-filtered",
        of_type="practices.PracticeIndexPage",
        query="?track=policy&principle=guideline-3",
    ),
    ExtraPage("funding-filtered", of_type="funding.FundingIndexPage", query="?status=closed"),
    ExtraPage("search-results", "/{lang}/search/?q=PVPT"),
    ExtraPage("search-empty", "/{lang}/search/?q=nothing-matches-this"),
]


@dataclass(frozen=True)
class PageCase:
    name: str  # page type label ("home.StandardPage") or ExtraPage.name
    language: str
    status: int
    page_type: str | None = None
    extra_path: str | None = None
    extra_of_type: str | None = None

    @property
    def id(self):
        return f"{self.name}-{self.language}"

    def path(self):
        """The path to request. Looks up a live page of the type, so needs the database."""
        if self.extra_of_type:
            return live_page_path(self.extra_of_type, self.language) + (self.extra_path or "")
        if self.extra_path is not None:
            return self.extra_path.format(lang=self.language)
        return live_page_path(self.page_type, self.language)


def page_type_labels():
    """Every concrete page model in the portal's apps, as "app_label.ModelName"."""
    return sorted(
        model._meta.label
        for model in get_page_models()
        if model._meta.app_label in PORTAL_APPS and not model._meta.abstract
    )


def live_page_path(label, language):
    """The path of one live page of type ``label`` as a visitor in ``language`` reaches it.

    The page's own translation when one exists; otherwise the default-language
    page under the language's prefix, which is what the language switcher
    links to for an untranslated page.
    """
    model = apps.get_model(label)
    page = (
        model.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
        .first()
    )
    if page is None:
        pytest.fail(
            f"No live {label} page: add one to the demo content (load_demo_content) "
            "so the browser, accessibility and HTML tests can visit this page type."
        )
    translated = (
        Page.objects.filter(translation_key=page.translation_key, locale__language_code=language)
        .live()
        .first()
    )
    if translated is not None:
        return translated.url
    url = page.url
    prefix = f"/{settings.LANGUAGE_CODE}/"
    assert url.startswith(prefix), url
    return f"/{language}/" + url[len(prefix) :]


def page_cases(languages=None):
    """Every page type and every extra page, in each of ``languages`` (default: all)."""
    cases = []
    for language in languages or LANGUAGES:
        cases += [PageCase(label, language, 200, page_type=label) for label in page_type_labels()]
        cases += [
            PageCase(
                extra.name,
                language,
                extra.status,
                extra_path=extra.query if extra.of_type else extra.path,
                extra_of_type=extra.of_type or None,
            )
            for extra in EXTRA_PAGES
        ]
    return [pytest.param(case, id=case.id) for case in cases]
