"""Wagtail's database search backend, reading words by their language, ranking that scales.

**Languages.** Every entry holds its text in *search forms* (script,
diacritics and word endings folded by the rules of the object's language,
``core.search_languages``); a plain-text query matches each of its words in
any of its forms in the active language. So "жртве", "zrtve" and "žrtva"
find the pages that say "žrtve" on the Serbian and Bosnian sites, and
Albanian "viktima" finds "viktimat". PostgreSQL stems
with its own dictionaries where it has one (``search_backend_postgres``);
SQLite with the light stemmers of the table (``search_backend_sqlite``).
After changing the rules, rebuild the index: ``manage.py update_index``.

**Ranking on SQLite.** Wagtail's SQLite backend orders results by a
correlated subquery that repeats the full-text match for every matching
page, so a search that matches thousands of pages takes seconds (about 9 s
for "advisory council" with 10,000 initiatives in five languages: ``make
bench``). Here the matches are found once and their BM25 scores read once,
both in single queries, and the ranking is done in Python: the same order as
Wagtail's (best score first, then newest), tens of milliseconds at that size.

Everything else (autocomplete, which the admin's searches use, other
databases) is Wagtail's own. Configured in ``WAGTAILSEARCH_BACKENDS`` as ``core.search_backend``.
"""

from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        # Importing it looks up the SQLite full-text model, which fails on other databases.
        from .search_backend_sqlite import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    if type(backend).__name__ == "PostgresSearchBackend":
        # Imported only on PostgreSQL, as its SQLite counterpart is only on SQLite.
        from .search_backend_postgres import SearchFormPostgresBackend

        return SearchFormPostgresBackend(params)
    return backend
