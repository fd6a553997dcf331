"""How site search reads words in each language: one table, keyed by language code.

Every search word, in a page and in a query, is brought to one *search form*
by its language's rules, in this order:

1. lower case;
2. **script**: Cyrillic letters written in Latin (Serbian's own alphabet
   correspondence for Serbian, Bosnian and Montenegrin; the Macedonian
   romanisation of ``core.transliteration`` for Macedonian), so "жртве" and
   "žrtve" are one word;
3. **spellings**: letters typed as two Latin letters where a keyboard lacks
   them ("dj" for đ; Macedonian "zh", "ch", "sh", "gj", "kj");
4. **diacritics** dropped (č ć → c, š → s, ž → z, đ → d, ç → c, ë → e), so a
   word typed without them is the same word;
5. **word forms**: a stemmer. PostgreSQL stems with its own dictionary where
   it has one for the language (``pg_config``: ``english``, ``serbian``);
   otherwise, and on SQLite for every language, the light suffix stemmer of
   the table strips inflectional endings ("viktimat", "viktimave" → "viktim").
   Serbian also looks a query word up with and without the "fleeting a" of
   its genitive plural (žrtva / žrtava), which neither stemmer joins.

The search index stores every text in its search forms, by the rules of
the object's language (``core.search_backend``); a query is read by the
rules of the active language (the page's). So every way of typing a word
that folds to the same form finds the same pages, in the same order.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale

from .search_words import words_only
from .transliteration import MACEDONIAN_TO_LATIN, SERBIAN_CYRILLIC_TO_LATIN

# Latin letters Unicode does not decompose into a base letter and a mark.
UNDECOMPOSABLE = {"đ": "d", "ð": "d", "ł": "l", "ø": "o", "ß": "ss", "ı": "i"}

CONSONANT = "bcdfghjklmnprstvxz"


@dataclass(frozen=True)
class SuffixStemmer:
    """Strips the longest listed ending that leaves at least ``min_stem`` letters.

    With ``repeat`` it strips again from what is left, so a case ending and
    the article or plural before it go together (Albanian "organizatave" ->
    "organizat" -> "organiz", the same as "organizata" -> "organizat" ->
    "organiz"). ``keep_after`` maps an ending to letters it is never stripped
    after (English "s" stays on "access", "status", "analysis").
    ``rewrites`` are applied first (Serbian ijekavian "ije"/"je" -> "e", as
    PostgreSQL's Serbian stemmer does).
    """

    endings: tuple
    min_stem: int = 3
    repeat: bool = False
    keep_after: dict = field(default_factory=dict)
    rewrites: tuple = ()

    def __post_init__(self):
        lengths = sorted({len(ending) for ending in self.endings}, reverse=True)
        rewrites = tuple((re.compile(pattern), new) for pattern, new in self.rewrites)
        object.__setattr__(self, "_endings", frozenset(self.endings))
        object.__setattr__(self, "_lengths", lengths)
        object.__setattr__(self, "_rewrites", rewrites)

    def __call__(self, word):
        for pattern, replacement in self._rewrites:
            word = pattern.sub(replacement, word)
        while True:
            stripped = self.strip_once(word)
            if stripped == word or not self.repeat:
                return stripped
            word = stripped

    def strip_once(self, word):
        for length in self._lengths:
            stem, ending = word[:-length], word[-length:]
            if (
                len(stem) >= self.min_stem
                and ending in self._endings
                and stem[-1] not in self.keep_after.get(ending, "")
            ):
                return stem
        return word


ENGLISH_STEMMER = SuffixStemmer(
    ("ings", "ing", "ied", "ies", "ed", "es", "s", "e", "y"),
    keep_after={"s": "sui", "es": "s"},
)
SERBIAN_STEMMER = SuffixStemmer(
    (
        "ovima", "evima", "ama", "ima", "ega", "emu", "oga", "omu", "ome", "ovi", "ove",
        "ova", "evi", "eve", "eva", "ih", "im", "og", "om", "oj", "em", "ij",
        "a", "e", "i", "o", "u",
    ),
    repeat=True,
    rewrites=((r"ije", "e"), (rf"(?<=[{CONSONANT}])je", "e")),
)  # fmt: skip
ALBANIAN_STEMMER = SuffixStemmer(
    (
        "ave", "eve", "ish", "ash", "esh", "ve", "it", "ut", "in", "un", "at", "et",
        "en", "es", "a", "e", "i",
    ),
    repeat=True,
)  # fmt: skip
MACEDONIAN_STEMMER = SuffixStemmer(
    (
        "ovite", "evite", "ite", "ata", "oto", "ot", "ta", "to", "te", "ovi", "evi",
        "ij", "a", "e", "i", "o", "u",
    ),
    repeat=True,
)  # fmt: skip


def fleeting_a(stem):
    """Stems of the same word with and without the "a" of a genitive plural.

    žrtva, žrtve -> "zrtv" and žrtava -> "zrtav" are one noun; so are
    sestra/sestara and devojka/devojaka. Used only to widen a query: a form
    that is no word matches nothing.
    """
    forms = []
    if len(stem) >= 4 and stem[-1] in CONSONANT and stem[-2] == "a" and stem[-3] in CONSONANT:
        forms.append(stem[:-2] + stem[-1])
    if len(stem) >= 3 and stem[-1] in CONSONANT and stem[-2] in CONSONANT:
        forms.append(stem[:-1] + "a" + stem[-1])
    return forms


@dataclass(frozen=True, eq=False)
class SearchLanguage:
    """How one language's words are matched (see the module's docstring)."""

    pg_config: str
    stemmer: SuffixStemmer | None = None
    cyrillic: dict = field(default_factory=dict)
    spellings: dict = field(default_factory=dict)
    fold_diacritics: bool = True
    variants: object = None  # stem -> further stems a query word is also looked up as

    def __post_init__(self):
        pattern = "|".join(sorted(map(re.escape, self.spellings), key=len, reverse=True))
        object.__setattr__(self, "_spellings", re.compile(pattern) if pattern else None)

    def fold(self, word):
        """Steps 1-4: ``word`` in lower-case Latin (where the language reads both scripts)."""
        word = word.lower()
        if self.cyrillic:
            word = "".join(self.cyrillic.get(char, char) for char in word)
        if self._spellings:
            word = self._spellings.sub(lambda match: self.spellings[match.group()], word)
        if self.fold_diacritics:
            word = "".join(UNDECOMPOSABLE.get(char, char) for char in word)
            decomposed = unicodedata.normalize("NFKD", word)
            word = "".join(char for char in decomposed if not unicodedata.combining(char))
        return word

    def stems_in_python(self, vendor):
        """Whether this module's stemmer runs, rather than the database's own."""
        return self.stemmer is not None and (vendor != "postgresql" or self.pg_config == "simple")

    def database_config(self, vendor):
        return self.pg_config if vendor == "postgresql" else None

    def search_form(self, word, vendor):
        """A word as stored in an index on ``vendor`` (before the database's own stemming)."""
        folded = self.fold(word)
        return self.stemmer(folded) if self.stems_in_python(vendor) else folded

    def index_text(self, text, vendor):
        """``text`` in search forms, word by word, for the index."""
        return " ".join(cached_search_form(self, word, vendor) for word in words_only(text) if word)

    def query_forms(self, word, vendor):
        """What a query word is looked up as, on ``vendor``: its search form, then variants."""
        forms = [self.search_form(word, vendor)]
        if self.variants and self.stemmer:
            for stem in self.variants(self.stemmer(self.fold(word))):
                # PostgreSQL stems what it is given: an "a" ending stems back to ``stem``.
                forms.append(stem if self.stems_in_python(vendor) else stem + "a")
        # A word no rule leaves anything of is looked up as typed.
        return list(dict.fromkeys(form for form in forms if form)) or [word.lower()]


@lru_cache(maxsize=50_000)
def cached_search_form(language, word, vendor):
    # A language's vocabulary is small next to its texts: indexing 10,000
    # pages stems each distinct word once.
    return language.search_form(word, vendor)


SERBIAN = {
    "pg_config": "serbian",
    "stemmer": SERBIAN_STEMMER,
    "cyrillic": SERBIAN_CYRILLIC_TO_LATIN,
    "spellings": {"dj": "đ"},
    "variants": fleeting_a,
}

# The rules of every language the portal has or is about to have. Serbian in
# either script, Bosnian and Montenegrin share Serbian's: their readers type
# in Latin or Cyrillic, with or without diacritics.
SEARCH_LANGUAGES = {
    "en": SearchLanguage(pg_config="english", stemmer=ENGLISH_STEMMER),
    "sq": SearchLanguage(pg_config="simple", stemmer=ALBANIAN_STEMMER),
    "sr-latn": SearchLanguage(**SERBIAN),
    "sr-cyrl": SearchLanguage(**SERBIAN),
    "bs": SearchLanguage(**SERBIAN),
    "cnr": SearchLanguage(**SERBIAN),
    "mk": SearchLanguage(
        pg_config="simple",
        stemmer=MACEDONIAN_STEMMER,
        cyrillic=MACEDONIAN_TO_LATIN,
        spellings={"zh": "ž", "ch": "č", "sh": "š", "gj": "ǵ", "kj": "ḱ", "dj": "dž"},
    ),
}

# Any other language: words as written, without diacritics.
OTHER_LANGUAGE = SearchLanguage(pg_config="simple")


def search_language(code=None):
    """The rules for language ``code`` (default: the active language)."""
    code = (code or get_language() or settings.LANGUAGE_CODE).lower()
    return SEARCH_LANGUAGES.get(code) or SEARCH_LANGUAGES.get(code.split("-")[0], OTHER_LANGUAGE)


def languages_of(objs):
    """``{pk: SearchLanguage}`` of objects being indexed, in one query.

    A translatable object (every page) is read in its locale's language;
    anything else (images, documents) in the site's default language.
    """
    locale_ids = {getattr(obj, "locale_id", None) for obj in objs} - {None}
    codes = {}
    if locale_ids:
        codes = dict(Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code"))
    return {
        obj.pk: search_language(codes.get(getattr(obj, "locale_id", None), settings.LANGUAGE_CODE))
        for obj in objs
    }
