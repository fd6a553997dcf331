"""The words of a visitor's search text, whatever else it holds."""

import re

from modelsearch.query import And, MatchAll, Not, Or, PlainText

# Letters and digits in any script: what full-text indexes treat as words.
WORD = re.compile(r"[^\W_]+")


def words_only(text):
    """The words of ``text``, without quotes, brackets, operators or other punctuation."""
    return WORD.findall(text or "")


def words_query(query):
    """``query`` with every plain-text part reduced to its words.

    Both databases get each word as a term of their own: on SQLite the
    backend puts each between double quotes in an FTS5 MATCH expression, so
    a visitor's ``"`` ended the string early and the search was a 500 (FTS5
    "unterminated string"); full-text tokenizers split on every character
    that is not a letter or a digit anyway, so keeping only those finds the
    same pages. Text with no word in it matches nothing.
    """
    if isinstance(query, PlainText):
        words = words_only(query.query_string)
        if not words:
            return Not(MatchAll())
        return PlainText(" ".join(words), operator=query.operator, boost=query.boost)
    if isinstance(query, (And, Or)):
        return type(query)([words_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(words_query(query.subquery))
    return query
