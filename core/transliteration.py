"""Macedonian Cyrillic to Latin for page addresses.

Macedonian pages get Latin slugs (``/mk/izvestuvanje-za-privatnost/``), like
every other language's, rather than Cyrillic ones: addresses stay readable
when pasted into a message or typed on a Latin keyboard, and
``WAGTAIL_ALLOW_UNICODE_SLUGS`` stays off for every language. The letters
follow the Macedonian government's romanisation (ASCII, as on road signs
and in passports): ѓ gj, ж zh, ѕ dz, ј j, љ lj, њ nj, ќ kj, ч ch, џ dj, ш sh.
"""

from django.utils.text import slugify

MACEDONIAN_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ѓ": "gj", "е": "e", "ж": "zh",
    "з": "z", "ѕ": "dz", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m",
    "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ќ": "kj",
    "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "џ": "dj", "ш": "sh",
    "ѐ": "e", "ѝ": "i",
}  # fmt: skip


def macedonian_to_latin(text):
    return "".join(MACEDONIAN_TO_LATIN.get(char, char) for char in text.lower())


def macedonian_slug(title, max_length=60):
    """A Latin slug for a Macedonian title, cut at a word to at most ``max_length``."""
    slug = slugify(macedonian_to_latin(title))
    if len(slug) <= max_length:
        return slug
    return slug[: max_length + 1].rsplit("-", 1)[0]


# Serbian Cyrillic to Latin: one letter to one letter (or two, for љ њ џ),
# the standard correspondence of the two Serbian alphabets.
SERBIAN_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž",
    "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
}  # fmt: skip


def serbian_to_latin(text):
    def letter(char):
        latin = SERBIAN_CYRILLIC_TO_LATIN.get(char.lower())
        if latin is None:
            return char
        return latin.capitalize() if char.isupper() else latin

    return "".join(letter(char) for char in text)
