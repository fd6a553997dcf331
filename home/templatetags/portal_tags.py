"""Template tags for the site chrome: navigation, languages, footer links.

Each tag makes at most one query and caches what it found on the request, so
the chrome costs the same few queries on every page whatever its size.
"""

import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page, Site

from home.models import PortalSettings
from home.visibility import visible_to_public

register = template.Library()


def _cached_on_request(request, key, compute):
    cache = request.__dict__.setdefault("_portal_chrome", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def localized_root(request):
    """The home page in the visitor's language, or the default one."""

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return None
        root = site.root_page
        language = translation.get_language()
        if root.locale_id == Locale.get_active().pk:
            return root
        translated = (
            Page.objects.filter(
                translation_key=root.translation_key, locale__language_code=language
            )
            .live()
            .first()
        )
        return translated or root

    return _cached_on_request(request, "root", compute)


@register.simple_tag(takes_context=True)
def home_page(context):
    request = context.get("request")
    return localized_root(request) if request else None


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    root = localized_root(request)
    items = []
    if root is not None:
        items = _cached_on_request(
            request,
            "menu",
            lambda: list(visible_to_public(root.get_children()).in_menu().specific(defer=True)),
        )
    current = context.get("page")
    current_path = current.path if current is not None else ""
    return {
        "request": request,
        "items": [
            {
                "title": item.title,
                "url": item.get_url(request),
                "active": current_path.startswith(item.path),
            }
            for item in items
        ],
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    return {"request": request, "languages": language_links(context)}


def language_links(context):
    """One entry per portal language: where the visitor goes to read in it.

    On a page, the same page in that language when a live translation exists,
    otherwise that language's home page, marked as not translated yet. Other
    views (search, errors) translate their own URL.
    """
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    translations = _page_translations(request, page) if isinstance(page, Page) else None
    homes = _page_translations(request, localized_root(request)) if translations is not None else {}
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        entry = {
            "code": code,
            "name": info["name_local"],
            "current": code == current,
            "translated": True,
        }
        if translations is None:
            entry["url"] = translate_url(request.get_full_path(), code)
        elif code in translations:
            entry["url"] = translations[code].get_url(request)
        else:
            entry["translated"] = False
            home = homes.get(code)
            entry["url"] = home.get_url(request) if home else f"/{code}/"
        links.append(entry)
    return links


def _page_translations(request, page):
    if page is None:
        return {}

    def compute():
        return {
            translated.locale.language_code: translated
            for translated in visible_to_public(
                page.get_translations(inclusive=True)
            ).select_related("locale")
        }

    return _cached_on_request(request, f"translations:{page.pk}", compute)


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """The hreflang alternates of the current page: existing translations only."""
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    translations = _page_translations(request, page)
    links = [
        {"hreflang": code, "url": translations[code].get_full_url(request)}
        for code, _name in settings.LANGUAGES
        if code in translations
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        links.append({"hreflang": "x-default", "url": default.get_full_url(request)})
    return links


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The privacy, accessibility and safety pages in the visitor's language."""
    request = context["request"]
    portal_settings = PortalSettings.for_request(request)

    def compute():
        chosen_ids = [
            portal_settings.privacy_page_id,
            portal_settings.accessibility_page_id,
            portal_settings.safety_page_id,
        ]
        chosen_ids = [pk for pk in chosen_ids if pk is not None]
        # One query for the chosen pages and all their translations.
        versions = list(
            Page.objects.filter(
                translation_key__in=Page.objects.filter(pk__in=chosen_ids).values("translation_key")
            )
            .live()
            .select_related("locale")
        )
        language = translation.get_language()
        by_pk = {page.pk: page for page in versions}
        in_language = {
            page.translation_key: page for page in versions if page.locale.language_code == language
        }
        return [
            in_language.get(by_pk[pk].translation_key, by_pk[pk])
            for pk in chosen_ids
            if pk in by_pk
        ]

    return _cached_on_request(request, "footer", compute)


@register.simple_tag
def current_locale():
    return Locale.get_active()


@register.simple_tag
def meta_description(page):
    """The editor's search description, else the page's own summary text."""
    if page is None:
        return ""
    for attribute in ("search_description", "introduction", "summary"):
        value = getattr(page, attribute, "")
        if value:
            return value
    return ""


_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """Structured data for search engines, escaped so no text can close the script."""
    from django.core.serializers.json import DjangoJSONEncoder
    from django.utils.safestring import mark_safe

    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )
    # Safe: <, > and & are escaped above, so no value can end the script element.
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308  # nosec B308 B703
