"""Template tags for the site chrome: navigation, languages, footer links.

The data comes from :mod:`core.chrome`, cached per site and language, so the
chrome costs the same (usually zero) queries on every page whatever its size.
"""

import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Page

from core.chrome import page_translations, site_chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def chrome(context):
    """Home link, menu, footer links and quick-exit address (see core/chrome.py)."""
    return site_chrome(context["request"])


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return {
        "request": request,
        "items": [
            {**item, "active": bool(current_path) and current_path.startswith(item["path"])}
            for item in site_chrome(request)["menu"]
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
    translations = page_translations(request, page) if isinstance(page, Page) else None
    homes = site_chrome(request)["homes"]
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        entry = {
            "code": code,
            "name": info["name_local"],
            # What a phone shows instead of the name, so seven languages fit on one line.
            "short": info.get("name_short") or code.split("-")[0].upper(),
            "current": code == current,
            "translated": True,
        }
        if translations is None:
            entry["url"] = translate_url(request.get_full_path(), code)
        elif code in translations:
            entry["url"] = translations[code]["url"]
        else:
            entry["translated"] = False
            entry["url"] = homes.get(code, f"/{code}/")
        links.append(entry)
    return links


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """The hreflang alternates of the current page: existing translations only."""
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    translations = page_translations(request, page)
    links = [
        {"hreflang": code, "url": translations[code]["full_url"]}
        for code, _name in settings.LANGUAGES
        if code in translations
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        links.append({"hreflang": "x-default", "url": default["full_url"]})
    return links


@register.simple_tag
def meta_description(page):
    """The editor's search description, else the page's own summary text."""
    if page is None:
        return ""
    if hasattr(page, "meta_description"):
        return page.meta_description()  # core.base_page.BasePage
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
