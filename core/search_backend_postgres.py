"""The PostgreSQL half of :mod:`core.search_backend`: search forms with PostgreSQL's stemmers.

Each entry's title and body vectors hold its text's search forms, parsed
with the text-search configuration of the object's language (``english``,
``serbian``; ``simple`` for languages whose forms the Python stemmer already
made); a query's words are parsed with the active language's. Autocomplete
(the admin's search) and fuzzy matching keep Wagtail's text as written.
"""

from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import TextField, Value
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres.postgres import (
    EMPTY_VECTOR,
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText
from modelsearch.utils import ADD, get_content_type_pk

from .search_languages import languages_of, search_language
from .search_words import words_query


class SearchFormIndexer(ObjectIndexer):
    """Wagtail's indexer, storing each text in its search forms in the object's language."""

    def __init__(self, obj, backend, language):
        super().__init__(obj, backend)
        self.language = language

    def as_vector(self, texts, for_autocomplete=False):
        if for_autocomplete:
            return super().as_vector(texts, for_autocomplete=True)
        forms = [(self.language.index_text(text, "postgresql"), weight) for text, weight in texts]
        vectors = [
            SearchVector(
                Value(text, output_field=TextField()),
                weight=weight,
                config=self.language.pg_config,
            )
            for text, weight in forms
            if text
        ]
        return ADD(vectors) if vectors else EMPTY_VECTOR


class SearchFormPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Wagtail's ``PostgresIndex.add_items``, with :class:`SearchFormIndexer`."""
        if not model.get_search_fields():
            return
        languages = languages_of(objs)
        indexers = [SearchFormIndexer(obj, self.backend, languages[obj.pk]) for obj in objs]
        if not indexers:
            return

        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            row = ["%s", "%s"]
            params.extend((content_type_pk, indexer.id))
            for column in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(column), getattr(indexer, column)
                )
                sql, column_params = value.as_sql(compiler, self.write_connection)
                row.append(sql)
                params.extend(column_params)
            row += ["1.0", "%s", "%s"]
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"({', '.join(row)})")

        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm,
                     title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # noqa: S608  # nosec B608 - table name from the model, values as parameters
                params,
            )
        self._refresh_title_norms()


class SearchFormQueryCompiler(PostgresSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = words_query(self.query)

    def build_tsquery_content(self, query, config=None, invert=False):
        """Each word of plain text in any of its search forms, in the active language.

        A search over named fields (``fields=``) reads the fields as written:
        Wagtail's own query for it.
        """
        if not isinstance(query, PlainText) or self.fields is not None:
            return super().build_tsquery_content(query, config=config, invert=invert)
        language = search_language()
        terms = []
        for word in query.query_string.split():
            forms = [
                Lexeme(form, invert=invert) for form in language.query_forms(word, "postgresql")
            ]
            # Not (a or b) is (not a) and (not b).
            either = reduce(lambda a, b: (a & b) if invert else (a | b), forms)
            terms.append(SearchQuery(either, search_type="raw", config=language.pg_config))
        if (query.operator == "or") != invert:
            return reduce(lambda a, b: a | b, terms)
        return reduce(lambda a, b: a & b, terms)


class SearchFormPostgresBackend(PostgresSearchBackend):
    query_compiler_class = SearchFormQueryCompiler
    index_class = SearchFormPostgresIndex
