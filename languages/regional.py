"""Which served language a reader of a neighbouring language gets.

Django picks a visitor's language from Accept-Language with
``get_supported_language_variant``, which tries each code, then the
``fallback`` list of its entry in ``django.conf.locale.LANG_INFO``, then the
code's parts ("sr" for "sr-me"). Without a fallback a Croatian browser
("hr, en;q=0.5") was sent to English. The fallbacks below say which language
of the region each neighbour reads most easily; the first one the portal
serves wins, so adding Montenegrin or Serbian Cyrillic to LANGUAGES makes
``cnr`` and ``sr-cyrl`` readers land on their own language with no change
here.

- Croatian (hr) and Montenegrin (cnr) are written in the Latin script with
  the ijekavian pronunciation, as Bosnian is; Serbian Latin comes next.
- Serbo-Croatian (sh) reads Serbian Latin first; Serbian in Montenegro
  (sr-me, sr-latn-me) reads Montenegrin.
- Serbian in Cyrillic (sr-cyrl, sr-cyrl-rs, sr-cyrl-me) reads Serbian in
  Cyrillic: the script first, then the closest language in Latin.
"""

from django.conf import locale

FALLBACKS = {
    "hr": ["bs", "sr-latn"],
    "cnr": ["cnr", "bs", "sr-latn"],
    "cnr-me": ["cnr", "bs", "sr-latn"],
    "sh": ["sr-latn", "bs"],
    "sr-me": ["cnr", "sr-latn", "bs"],
    "sr-cyrl": ["sr-cyrl", "sr-latn"],
    "sr-cyrl-rs": ["sr-cyrl", "sr-latn"],
    "sr-latn-me": ["cnr", "sr-latn"],
    "sr-cyrl-me": ["sr-cyrl", "cnr", "sr-latn"],
}
# Django tries a regional code's own entry and its language ("hr" for
# "hr-hr"), but not the language's fallbacks: the usual regions get theirs.
REGIONS = {"hr": ["hr", "ba", "me", "rs"], "sh": ["rs", "ba", "hr", "me"]}
FALLBACKS.update(
    {
        f"{language}-{region}": FALLBACKS[language]
        for language, regions in REGIONS.items()
        for region in regions
    }
)

# Languages Django does not know. Django's language switcher and Wagtail call
# get_language_info() for every language in LANGUAGES.
EXTRA_LANG_INFO = {
    "cnr": {"bidi": False, "code": "cnr", "name": "Montenegrin", "name_local": "crnogorski"},
    "cnr-me": {"bidi": False, "code": "cnr-me", "name": "Montenegrin", "name_local": "crnogorski"},
    "sh": {"bidi": False, "code": "sh", "name": "Serbo-Croatian", "name_local": "srpskohrvatski"},
    "sr-me": {
        "bidi": False,
        "code": "sr-me",
        "name": "Serbian (Montenegro)",
        "name_local": "srpski",
    },
    "sr-cyrl": {
        "bidi": False,
        "code": "sr-cyrl",
        "name": "Serbian (Cyrillic)",
        "name_local": "српски (ћирилица)",
        # The switcher's short label on a phone, in the script it stands for ("SR" is Latin).
        "name_short": "СР",
    },
}


def extend_lang_info():
    """Teach Django the region's codes and their fallbacks (once, at start-up)."""
    for code, info in EXTRA_LANG_INFO.items():
        locale.LANG_INFO.setdefault(code, dict(info))
    for code, fallbacks in FALLBACKS.items():
        entry = locale.LANG_INFO.setdefault(code, {"bidi": False, "code": code, "name": code})
        entry["fallback"] = list(fallbacks)
