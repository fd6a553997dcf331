"""Serbian Latin to Serbian Cyrillic, deterministically, for generated content.

The portal serves Serbian in both scripts (``sr-latn`` and ``sr-cyrl``) but
nobody translates twice: the Cyrillic interface catalogue, the demo's
Cyrillic pages and the editors' transliteration in wagtail-localize all come
from the Latin text through :func:`latin_to_cyrillic`.

Serbian's two alphabets correspond letter for letter (lj, nj and dž are one
letter each), so the conversion is exact except for what is not Serbian:

- markup and placeholders stay as written: HTML tags and entities,
  ``%(name)s``, ``%s``, ``{name}``;
- addresses stay Latin: URLs, email addresses, domain names;
- words spelled with q, w, x or y, which the Serbian alphabet lacks, are
  foreign names (Wagtail, Excel) and stay Latin;
- codes: a submission reference (SV-7K3Q-9XPM), a setting's name, "h2";
- the keep-list, ``latin_in_serbian_cyrillic.txt``: organisation names,
  acronyms and technical names that Serbian Cyrillic texts keep in Latin
  (OHCHR, MARRI, PDF). Add a line there when the Cyrillic site should show a
  name as written; a suffix after a hyphen ("ODIHR-ov") is still
  transliterated ("ODIHR-ов").
"""

import re
from pathlib import Path

import polib

# Languages made from another by transliteration, not translated: their
# interface catalogue and demo pages come from the Latin ones.
GENERATED_LANGUAGES = {"sr-cyrl": "sr-latn"}
# How generated sentences are marked in wagtail-localize (a "machine"
# translation by this tool), so a refresh can tell them from an editor's.
TOOL_NAME = "Transliteration from Serbian (Latin)"

LATIN_TO_CYRILLIC = {
    "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ", "d": "д", "dž": "џ", "đ": "ђ",
    "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л",
    "lj": "љ", "m": "м", "n": "н", "nj": "њ", "o": "о", "p": "п", "r": "р", "s": "с",
    "š": "ш", "t": "т", "u": "у", "v": "в", "z": "з", "ž": "ж",
    # The circumflex marking a long vowel (kôd): the same accent over the Cyrillic vowel.
    "â": "а\u0302", "ê": "е\u0302", "î": "и\u0302", "ô": "о\u0302", "û": "у\u0302",
}  # fmt: skip

# Words where n+j, l+j or d+ž are two letters (a prefix and a root), by the
# start of the word: "nadživeti" is наджи-, not наџи-.
TWO_LETTER_PREFIXES = ("nadž", "podž", "injek", "konjug", "konjunk")

KEEP_LATIN_FILE = Path(__file__).resolve().parent / "latin_in_serbian_cyrillic.txt"


def read_keep_list(path=KEEP_LATIN_FILE):
    """The words and phrases of the keep-list file, longest first."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    words = {line for line in lines if line and not line.startswith("#")}
    return sorted(words, key=len, reverse=True)


KEEP_LATIN = read_keep_list()
KEEP_LATIN_WORDS = frozenset(KEEP_LATIN)

TAG_OR_ENTITY = r"<[^>]*>|&#?\w+;"
PLACEHOLDER = r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[a-z]|%[sdif%]|\{[^{}\s]*\}"
URL = r"(?:https?://|mailto:|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)]"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
DOMAIN = r"\b[\w-]+(?:\.[\w-]+)*\.(?:org|com|net|int|eu|info|gov|rs|ba|me|mk|al)\b(?:/[^\s<>]*)?"
WORD = r"[A-Za-z\u00c0-\u024f]+"
# A code such as a submission reference (SV-7K3Q-9XPM) or a setting's name.
CODE = r"\b[A-Z0-9]+(?:-[A-Z0-9]+)*-[A-Z0-9]*\d[A-Z0-9]*\b|\b\w+_\w+\b|\b[A-Za-z]+\d\w*\b"
PHRASE = "|".join(rf"(?<!\w){re.escape(phrase)}(?!\w)" for phrase in KEEP_LATIN)
TOKEN = re.compile(
    rf"({TAG_OR_ENTITY}|{PLACEHOLDER}|{URL}|{EMAIL}|{DOMAIN}|{CODE}|{PHRASE})|({WORD})"
)
FOREIGN_LETTERS = re.compile(r"[qwxyQWXY]")


def keeps_latin(word):
    """Whether a word stays Latin on the Cyrillic site."""
    return word in KEEP_LATIN_WORDS or bool(FOREIGN_LETTERS.search(word))


def word_to_cyrillic(word):
    if keeps_latin(word):
        return word
    lower = word.lower()
    two_letters = lower.startswith(TWO_LETTER_PREFIXES)
    out = []
    i = 0
    while i < len(word):
        pair = lower[i : i + 2]
        if not two_letters and pair in ("lj", "nj", "dž"):
            letter, width = LATIN_TO_CYRILLIC[pair], 2
        else:
            letter, width = LATIN_TO_CYRILLIC.get(lower[i], word[i]), 1
        out.append(letter[0].upper() + letter[1:] if word[i].isupper() else letter)
        i += width
    return "".join(out)


def latin_to_cyrillic(text):
    """Serbian Latin text in Cyrillic, leaving markup, addresses and KEEP_LATIN alone."""
    if not text:
        return text

    def convert(match):
        kept, word = match.groups()
        return kept if kept is not None else word_to_cyrillic(word)

    return TOKEN.sub(convert, text)


def latin_words_left(text):
    """Latin words in Cyrillic text that the rules above do not keep: what a
    reader of the Cyrillic site should never meet."""
    left = []
    for match in TOKEN.finditer(text):
        kept, word = match.groups()
        if word is not None and not keeps_latin(word) and re.search(r"[A-Za-z]", word):
            left.append(word)
    return left


def cyrillic_catalogue(latin):
    """A Serbian Cyrillic gettext catalogue (polib) made from a Serbian Latin one."""
    cyrillic = polib.POFile(wrapwidth=latin.wrapwidth)
    cyrillic.header = (
        "Serbian (Cyrillic) interface strings, GENERATED from the Serbian (Latin)\n"
        "catalogue by core/serbian_cyrillic.py: do not edit; translate\n"
        "locale/sr_Latn/LC_MESSAGES/django.po and run manage.py compile_translations."
    )
    cyrillic.metadata = {**latin.metadata, "Language": "sr_Cyrl"}
    for entry in latin:
        if entry.obsolete:
            continue
        cyrillic.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgctxt=entry.msgctxt,
                msgstr=latin_to_cyrillic(entry.msgstr),
                msgstr_plural={
                    index: latin_to_cyrillic(text) for index, text in entry.msgstr_plural.items()
                },
                flags=list(entry.flags),
                comment=entry.comment,
            )
        )
    return cyrillic
