"""Wagtail's database search backend, with relevance ranking on SQLite that scales.

The SQLite backend orders results by a correlated subquery that repeats the
full-text match for every matching page, so a search that matches thousands
of pages takes seconds (about 9 s for "advisory council" with 10,000
initiatives in five languages: ``make bench``). Here the matches are found
once and their BM25 scores read once, both in single queries, and the
ranking is done in Python: the same order as Wagtail's (best score first,
then newest), tens of milliseconds at that size.

Everything else (indexing, autocomplete, other databases) is Wagtail's own.
Configured in ``WAGTAILSEARCH_BACKENDS`` as ``core.search_backend``.
"""

from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = database_backend(params)
    if type(backend).__name__ != "SQLiteSearchBackend":
        return backend
    # Importing it looks up the SQLite full-text model, which fails on other databases.
    from .search_backend_sqlite import RankedSQLiteSearchBackend

    return RankedSQLiteSearchBackend(params)
