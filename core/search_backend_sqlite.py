"""The ranking half of :mod:`core.search_backend`, for SQLite only.

A module of its own because Wagtail's SQLite backend looks up its full-text
model when imported, which fails on any other database.
"""

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import And, MatchAll, Not, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .listing import in_order
from .search_words import words_only


def fts5_safe(query):
    """``query`` with every plain-text part reduced to its words.

    The backend puts each term between double quotes in an FTS5 MATCH
    expression, so a visitor's ``"`` ended the string early and the search
    was a 500 (FTS5 "unterminated string"). FTS5's tokenizer splits on every
    character that is not a letter or a digit anyway, so keeping only those
    finds the same pages. Text with no word in it matches nothing.
    """
    if isinstance(query, PlainText):
        words = words_only(query.query_string)
        if not words:
            return Not(MatchAll())
        return PlainText(" ".join(words), operator=query.operator, boost=query.boost)
    if isinstance(query, (And, Or)):
        return type(query)([fts5_safe(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(fts5_safe(query.subquery))
    return query


class RankedSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = fts5_safe(self.query)
        # Search results and their slices share this compiler: the paginator's
        # count and the page it shows read the ranking once.
        self._ranked_pks = None

    def ranks_in_python(self, score_field):
        query = normalize(self.query)
        return (
            self.order_by_relevance
            and score_field is None
            and not isinstance(query, (MatchAll, Not))
        )

    def matching_queryset(self, config):
        """The source queryset narrowed to the matches, in no particular order."""
        return self.search(config, 0, None, score_field=None, ranked=False)

    def search(self, config, start, stop, score_field=None, ranked=True):
        if ranked and self.ranks_in_python(score_field):
            return self.ranked_page(config, start, stop)
        order_by_relevance = self.order_by_relevance
        if not ranked:
            self.order_by_relevance = False
        try:
            return super().search(config, start, stop, score_field=score_field)
        finally:
            self.order_by_relevance = order_by_relevance

    def scores(self, config):
        """BM25 score of every matching index entry, by object id (lower is better)."""
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS,
            self.build_search_query(normalize(self.query), config=config),
        )
        entries = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .values_list("index_entry__object_id", "score")
        )
        return dict(entries)

    def ranked_pks(self, config):
        """Every match's primary key, best first (then newest, as Wagtail orders ties)."""
        if self._ranked_pks is None:
            pks = list(self.matching_queryset(config).values_list("pk", flat=True))
            scores = self.scores(config)
            pks.sort(key=lambda pk: (scores.get(str(pk), 0.0), -pk))
            self._ranked_pks = pks
        return self._ranked_pks

    def ranked_page(self, config, start, stop):
        return in_order(self.queryset, self.ranked_pks(config)[start:stop])


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _do_count(self):
        compiler = self.query_compiler
        if not isinstance(compiler, RankedSQLiteQueryCompiler):
            return super()._do_count()  # autocomplete, as in the admin's page search
        config = compiler.get_config(self.backend)
        if compiler.ranks_in_python(self._score_field):
            return len(compiler.ranked_pks(config))
        return compiler.matching_queryset(config).count()


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteQueryCompiler
    results_class = RankedSQLiteSearchResults
