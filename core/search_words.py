"""The words of a visitor's search text, whatever else it holds."""

import re

# Letters and digits in any script: what full-text indexes treat as words.
WORD = re.compile(r"[^\W_]+")


def words_only(text):
    """The words of ``text``, without quotes, brackets, operators or other punctuation."""
    return WORD.findall(text or "")
