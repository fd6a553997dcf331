"""The SQLite half of :mod:`core.search_backend`: search forms, and ranking that scales.

A module of its own because Wagtail's SQLite backend looks up its full-text
model when imported, which fails on any other database.
"""

from functools import reduce

from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import (
    Lexeme,
    LexemeCombinable,
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from .listing import in_order
from .search_languages import languages_of, search_language
from .search_words import words_query


class SearchFormIndexer(ObjectIndexer):
    """Wagtail's indexer, storing each text in its search forms in the object's language."""

    def __init__(self, obj, backend, language):
        super().__init__(obj, backend)
        self.language = language

    @cached_property
    def title(self):
        return self.language.index_text(ObjectIndexer.title.func(self), "sqlite")

    @cached_property
    def body(self):
        return self.language.index_text(ObjectIndexer.body.func(self), "sqlite")


class SearchFormSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        """Wagtail's ``SQLiteIndex.add_items``, with :class:`SearchFormIndexer`."""
        if not model.get_search_fields():
            return
        languages = languages_of(objs)
        indexers = [SearchFormIndexer(obj, self.backend, languages[obj.pk]) for obj in objs]
        if not indexers:
            return

        content_type_pk = get_content_type_pk(model)
        ids_and_data = {
            indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers
        }
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed_ids = frozenset(
            entries.filter(object_id__in=ids_and_data.keys()).values_list("object_id", flat=True)
        )
        for indexed_id in indexed_ids:
            title, autocomplete, body = ids_and_data[indexed_id]
            entries.filter(object_id=indexed_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            [
                self.entries.model(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in ids_and_data.items()
                if object_id not in indexed_ids
            ]
        )
        self._refresh_title_norms()


class LexemeGroup(LexemeCombinable):
    """Lexemes in parentheses: FTS5 binds AND tighter than OR."""

    def __init__(self, lexemes):
        super().__init__()
        self.lexemes = lexemes

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.lexemes)
        return "%s", [f"({sql % tuple(params)})"]


def any_form_of(word, language):
    """An FTS5 term matching any of the search forms of ``word``."""
    forms = language.query_forms(word, "sqlite")
    if len(forms) == 1:
        return Lexeme(forms[0])
    return LexemeGroup(reduce(lambda a, b: a | b, [Lexeme(form) for form in forms]))


class RankedSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = words_query(self.query)
        # Search results and their slices share this compiler: the paginator's
        # count and the page it shows read the ranking once.
        self._ranked_pks = None

    def build_search_query_content(self, query, config=None):
        """Each word of plain text in any of its search forms, in the active language."""
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        language = search_language()
        terms = [any_form_of(word, language) for word in query.query_string.split()]
        if query.operator == "or":
            return SearchQueryExpression(reduce(lambda a, b: a | b, terms))
        return SearchQueryExpression(reduce(lambda a, b: a & b, terms))

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
    index_class = SearchFormSQLiteIndex
    query_compiler_class = RankedSQLiteQueryCompiler
    results_class = RankedSQLiteSearchResults
