"""Taxonomy names in the visitor's language, at a fixed cost per request.

Pages keep their taxonomy choices in the default language. To show a name,
look it up here: one cached dictionary per taxonomy and language maps each
item's translation key to its name, falling back to the default language
where a translation is missing. Saving or deleting any taxonomy item bumps a
version number, so every cached dictionary is fresh on the next request.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

VERSION_KEY = "taxonomy:version"
CACHE_SECONDS = 24 * 60 * 60


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def bump_version(**_kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def names_for(model, language=None):
    """{translation_key: name} for ``model`` in ``language`` (default: the active one)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    key = f"taxonomy:names:{model._meta.label_lower}:{language}:{current_version()}"
    names = cache.get(key)
    if names is None:
        names = _load_names(model, language)
        cache.set(key, names, CACHE_SECONDS)
    return names


def _load_names(model, language):
    rows = model.objects.filter(
        locale__language_code__in={settings.LANGUAGE_CODE, language}
    ).values_list("translation_key", "name", "locale__language_code")
    names = {}
    for translation_key, name, row_language in rows:
        if row_language == language or translation_key not in names:
            names[translation_key] = name
    return names


def localized_name(item, language=None):
    return names_for(type(item), language).get(item.translation_key, item.name)


def display_name(item, language=None):
    """The name a visitor reads: localized, and "Kosovo*" with its asterisk."""
    name = localized_name(item, language)
    if getattr(item, "code", None) == "XK":
        return f"{name}*"
    return name


def default_items(model):
    """Every item of ``model`` in the default language, as filters offer them (cached)."""
    key = f"taxonomy:items:{model._meta.label_lower}:{current_version()}"
    items = cache.get(key)
    if items is None:
        items = list(
            model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
                *model._meta.ordering
            )
        )
        cache.set(key, items, CACHE_SECONDS)
    return items


def item_by_id(model, pk):
    """The default-language item with primary key ``pk``, from the cached list."""
    for item in default_items(model):
        if item.pk == pk:
            return item
    return None
