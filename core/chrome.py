"""The site chrome (header, navigation, footer, languages) at almost no cost.

Every page shows the same home link, menu, footer links, language homes and
quick-exit address for its site and language. They are worked out once per
site, language and content generation (see :mod:`core.page_cache`), kept in
the cache, and shared by every page until content changes. A page's own
translations, for the language switcher and ``hreflang`` links, are cached
the same way per page.
"""

from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from .models import DEFAULT_QUICK_EXIT_URL, PortalSettings
from .page_cache import until_content_changes
from .visibility import visible_to_public


def _memo(request, key, compute):
    memo = request.__dict__.setdefault("_portal_chrome", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def site_chrome(request):
    """{home_url, home_path, homes, menu, footer, quick_exit_url} for this request."""

    def compute():
        site = Site.find_for_request(request)
        language = translation.get_language()
        return until_content_changes(
            f"chrome:{site.pk if site else 0}:{language}",
            lambda: build_chrome(request, site, language),
        )

    return _memo(request, "site", compute)


def build_chrome(request, site, language):
    if site is None:
        return {
            "home_url": f"/{language}/",
            "home_path": "",
            "homes": {},
            "menu": [],
            "footer": [],
            "quick_exit_url": DEFAULT_QUICK_EXIT_URL,
        }
    homes = {
        home.locale.language_code: home
        for home in visible_to_public(
            site.root_page.get_translations(inclusive=True)
        ).select_related("locale")
    }
    home = homes.get(language) or homes.get(settings.LANGUAGE_CODE) or site.root_page
    menu = visible_to_public(home.get_children()).in_menu()
    portal_settings = PortalSettings.for_site(site)
    return {
        "home_url": home.get_url(request),
        "home_path": home.path,
        "homes": {code: page.get_url(request) for code, page in homes.items()},
        "menu": [
            {"title": item.title, "url": item.get_url(request), "path": item.path} for item in menu
        ],
        "footer": footer_links(request, portal_settings, language),
        "quick_exit_url": portal_settings.quick_exit_url,
    }


def footer_links(request, portal_settings, language):
    """The privacy, accessibility and safety pages in ``language``, else as chosen."""
    chosen_ids = [
        pk
        for pk in (
            portal_settings.privacy_page_id,
            portal_settings.accessibility_page_id,
            portal_settings.safety_page_id,
        )
        if pk is not None
    ]
    versions = list(
        visible_to_public(
            Page.objects.filter(
                translation_key__in=Page.objects.filter(pk__in=chosen_ids).values("translation_key")
            )
        ).select_related("locale")
    )
    by_pk = {page.pk: page for page in versions}
    in_language = {
        page.translation_key: page for page in versions if page.locale.language_code == language
    }
    links = []
    for pk in chosen_ids:
        if pk in by_pk:
            page = in_language.get(by_pk[pk].translation_key, by_pk[pk])
            links.append({"title": page.title, "url": page.get_url(request)})
    return links


def page_translations(request, page):
    """{language code: {"url", "full_url"}} of the live translations of ``page``."""

    def translations():
        return {
            other.locale.language_code: {
                "url": other.get_url(request),
                "full_url": other.get_full_url(request),
            }
            for other in visible_to_public(page.get_translations(inclusive=True)).select_related(
                "locale"
            )
        }

    def compute():
        return until_content_changes(
            f"chrome:translations:{page.pk}:{request.get_host()}", translations
        )

    return _memo(request, f"translations:{page.pk}", compute)
