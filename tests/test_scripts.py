"""Each word of a Cyrillic catalogue in one script: "нè" with a Latin è looks
right but breaks search, hyphenation and screen readers' pronunciation."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
CYRILLIC = "\u0400-\u04ff"
# A Cyrillic letter next to a Latin one (or a Latin letter with a diacritic), in one word.
MIXED = re.compile(rf"[{CYRILLIC}][A-Za-z\u00c0-\u024f]|[A-Za-z\u00c0-\u024f][{CYRILLIC}]")
CYRILLIC_LANGUAGES = [
    code for code, _name in settings.LANGUAGES if code == "mk" or code.endswith("-cyrl")
]


def catalogues(language):
    folder = language.replace("-cyrl", "_Cyrl")
    found = [ROOT / "locale" / folder / "LC_MESSAGES" / "django.po"]
    found += list(ROOT.glob(f"*/demo/translations/{language}.po"))
    found += list(ROOT.glob(f"demo/translations/{language}.po"))
    return [path for path in found if path.exists()]


@pytest.mark.parametrize("language", CYRILLIC_LANGUAGES)
def test_cyrillic_translations_mix_no_latin_letters_into_words(language):
    paths = catalogues(language)
    assert paths
    for path in paths:
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                assert not MIXED.search(text), (path.name, entry.msgid[:60], MIXED.findall(text))


@pytest.mark.django_db
def test_macedonian_addresses_are_translated_like_the_others_and_in_latin():
    """Where Serbian translates a page's address, Macedonian does too, in Latin letters."""
    from wagtail.models import Page

    if "mk" not in [code for code, _name in settings.LANGUAGES]:
        pytest.skip("Macedonian is not served")
    english = Page.objects.filter(locale__language_code="en", depth__gte=2)
    slugs = {
        (page.locale.language_code, page.translation_key): page.slug
        for page in Page.objects.filter(depth__gte=2).select_related("locale")
    }
    checked = 0
    for page in english:
        macedonian = slugs.get(("mk", page.translation_key))
        serbian = slugs.get(("sr-latn", page.translation_key))
        if macedonian is None or serbian is None:
            continue
        assert re.fullmatch(r"[a-z0-9-]+", macedonian), macedonian
        if serbian != page.slug:
            assert macedonian != page.slug, page.url_path
            checked += 1
    assert checked >= 20
