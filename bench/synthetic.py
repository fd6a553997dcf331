"""A synthetic portal of any size, built in seconds: for benchmarks and query-count tests.

``build(initiatives=10_000)`` adds that many initiative pages (and, by default,
a tenth as many good practices and funding opportunities) under the demo
content's index pages, in every portal language. It needs the demo content
(``manage.py load_demo_content``): the index pages, the taxonomies and the
demo entries, whose texts serve as templates.

What it reuses from the demo loader: the locales, index pages and taxonomies
it created, the demo entries (``demo/content/initiatives.yaml``,
``practices.yaml``, ``funding.yaml``) as text, and the translators' PO
catalogues (``demo/translations/``) for the other languages. What it does not
reuse is ``add_child`` + ``publish`` per page: that costs about 30 ms a page,
or half an hour for 60,000 pages. Instead:

- treebeard's materialised paths are computed here (the next free steps under
  each index page) and the ``wagtailcore_page`` rows are bulk-inserted, then
  the page types' own rows, then the many-to-many rows, then ``numchild``;
- each page exists in every language the way wagtail-localize makes a
  translation: the same ``translation_key``, its own locale, under the index
  page of that locale, with the same slug, taxonomy choices and dates
  (synchronised fields) and texts from the PO catalogues where they have them;
- the search index gets exactly the new pages, through the search backend's
  own ``add_bulk`` (what ``update_index`` calls), so search really searches
  them.

Not created: revisions, wagtail-localize's TranslationSource/Translation
records and reference-index rows. Visitors never see those; editors would see
the synthetic pages as "never edited, not synced". Everything here is live,
public and marked as an example where the page type has such a flag.

Run it as ``python -m bench.synthetic --initiatives 10000`` (against
``DATABASE_URL``), or call :func:`build` from Python; it can be called again
to grow the same site.
"""

import argparse
import datetime
import functools
import json
import random
import re
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

SYNTHETIC_MARK = "s"  # slugs end in -s00001, -s00002, ...
BATCH = 2000  # rows per INSERT; SQLite allows 32,766 variables per statement
NO_BLOCKS = []  # one shared empty StreamField value, converted once

PLACES = [
    "Tirana",
    "Durrës",
    "Shkodër",
    "Sarajevo",
    "Mostar",
    "Tuzla",
    "Banja Luka",
    "Prishtina",
    "Prizren",
    "Podgorica",
    "Nikšić",
    "Skopje",
    "Bitola",
    "Ohrid",
    "Belgrade",
    "Novi Sad",
    "Niš",
    "Kragujevac",
    "Sofia",
    "Thessaloniki",
]


@dataclass
class Summary:
    initiatives: int = 0
    practices: int = 0
    funding: int = 0
    languages: list = field(default_factory=list)
    pages: int = 0
    seconds: dict = field(default_factory=dict)

    def __str__(self):
        timings = ", ".join(f"{name} {value:.1f} s" for name, value in self.seconds.items())
        return (
            f"{self.pages} pages ({self.initiatives} initiatives, {self.practices} practices, "
            f"{self.funding} funding opportunities, each in {len(self.languages)} languages): "
            f"{timings}"
        )


def build(initiatives, practices=None, funding=None, languages=None, index=True, workers=1, seed=7):
    """Add synthetic pages; return a :class:`Summary`.

    ``practices`` and ``funding`` default to a tenth of ``initiatives`` (at
    least one each). ``languages`` defaults to every portal language.
    ``index=False`` skips the search index (faster, but search finds nothing new).
    ``workers=2`` indexes in two processes (not for in-memory test databases).
    """
    from django.conf import settings
    from django.db import transaction

    from core.page_cache import invalidate_all
    from core.planner import refresh_planner_statistics
    from funding.models import FundingIndexPage, FundingOpportunityPage
    from initiatives.models import InitiativeIndexPage, InitiativePage
    from practices.models import PracticeIndexPage, PracticePage

    if practices is None:
        practices = max(1, initiatives // 10) if initiatives else 0
    if funding is None:
        funding = max(1, initiatives // 10) if initiatives else 0
    languages = list(languages or [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES])
    if settings.LANGUAGE_CODE not in languages:
        languages.insert(0, settings.LANGUAGE_CODE)
    summary = Summary(initiatives, practices, funding, languages)
    rng = random.Random(seed)
    texts = Texts(languages)
    taxonomy = Taxonomy()
    plans = [
        (InitiativeIndexPage, InitiativePage, initiatives, initiative_fields, initiative_m2m),
        (PracticeIndexPage, PracticePage, practices, practice_fields, practice_m2m),
        (FundingIndexPage, FundingOpportunityPage, funding, funding_fields, funding_m2m),
    ]
    new_pks = {}
    started = time.monotonic()
    with transaction.atomic():
        for index_model, page_model, count, fields_for, m2m_for in plans:
            if count:
                new_pks[page_model] = add_pages(
                    index_model, page_model, count, languages, texts, taxonomy, rng,
                    fields_for, m2m_for,
                )  # fmt: skip
                summary.pages += count * len(languages)
    summary.seconds["pages"] = time.monotonic() - started
    if index:
        started = time.monotonic()
        index_new_pages(new_pks, workers)
        summary.seconds["search index"] = time.monotonic() - started
    refresh_planner_statistics()
    # Bulk inserts send none of the signals publishing sends: cached pages,
    # facet counts and result lists are stale now.
    invalidate_all()
    return summary


# Texts ---------------------------------------------------------------------


class Texts:
    """The demo entries' texts, and their translations from the demo PO catalogues."""

    def __init__(self, languages):
        from django.conf import settings

        from demo.catalogues import load_catalogue

        self.catalogues = {
            language: ({} if language == settings.LANGUAGE_CODE else load_catalogue(language))
            for language in languages
        }
        self.translated_blocks = {}

    def text(self, value, language):
        """``value`` in ``language`` where the translators translated it, else as is."""
        if not value:
            return value
        return self.catalogues[language].get(value, value)

    def rich(self, html, language):
        """Rich text, translated block by block (as wagtail-localize segments it)."""
        catalogue = self.catalogues[language]
        if not catalogue or not html:
            return html

        def swap(match):
            return f"{match[1]}{catalogue.get(match[2], match[2])}{match[3]}"

        return re.sub(r"(<(?:p|li|h[2-6])>)(.*?)(</(?:p|li|h[2-6])>)", swap, html, flags=re.S)

    def blocks(self, blocks, language):
        """StreamField block JSON (``{type, value}``) with its texts translated.

        The same list object for the same source and language, so that the
        row writer converts each distinct body once.
        """
        key = (id(blocks), language)
        if key not in self.translated_blocks:
            self.translated_blocks[key] = (
                blocks,
                [
                    {"type": block["type"], "value": self._value(block["value"], language)}
                    for block in blocks
                ],
            )
        return self.translated_blocks[key][1]

    def _value(self, value, language):
        if isinstance(value, str):
            if value.startswith("<"):
                return self.rich(value, language)
            return self.text(value, language)
        if isinstance(value, dict):
            return {key: self._value(item, language) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self._value(item, language) for item in value]
        return value


class Taxonomy:
    """The default-language taxonomy items pages choose from (translations share them)."""

    def __init__(self):
        from django.conf import settings

        from taxonomy.models import (
            AreaOfWork,
            Country,
            InitiativeType,
            OhchrProvision,
            WorkingLanguage,
        )

        def items(model):
            return list(
                model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("pk")
            )

        self.countries = items(Country)
        self.types = items(InitiativeType)
        self.areas = items(AreaOfWork)
        self.languages = items(WorkingLanguage)
        self.principles = items(OhchrProvision)
        if not (self.countries and self.types and self.areas and self.languages):
            raise RuntimeError("Load the demo content first: manage.py load_demo_content")


# Page fields per type ----------------------------------------------------------


@functools.cache
def demo_entries(model_name):
    """The demo content's items of one page type (read once: their bodies are cache keys)."""
    from demo.loader import items

    return items(model_name)


def initiative_fields(number, language, texts, taxonomy, rng):
    from initiatives.models import InitiativePage

    entries = demo_entries("InitiativePage")
    spec = entries[number % len(entries)]
    place = PLACES[(number // len(entries)) % len(PLACES)]
    title = f"{texts.text(spec['title'], language)} {place} {number}"
    return {
        "slug": f"{spec['slug']}-{SYNTHETIC_MARK}{number:05d}",
        "title": title[:255],
        "acronym": spec.get("acronym", ""),
        "summary": texts.text(spec["summary"], language)[:300],
        "initiative_type_id": taxonomy.types[number % len(taxonomy.types)].pk,
        "scope": spec["scope"],
        "year_founded": 1990 + number % 35,
        "leadership_statement": texts.text(spec["leadership_statement"], language),
        "body": texts.blocks(spec["body"], language),
        "website": f"https://example.org/{spec['slug']}-{number}",
        "last_reviewed": spec["last_reviewed"],
        "verification": InitiativePage.VERIFIED if number % 3 else InitiativePage.SELF_LISTED,
    }


def initiative_m2m(number, taxonomy, rng):
    return {
        "countries": rng.sample(taxonomy.countries, 1 + number % 3),
        "areas": rng.sample(taxonomy.areas, 1 + number % 3),
        "languages": rng.sample(taxonomy.languages, 1 + number % 2),
    }


def practice_fields(number, language, texts, taxonomy, rng):
    specs = demo_entries("PracticePage")
    spec = specs[number % len(specs)]
    place = PLACES[(number // len(specs)) % len(PLACES)]
    return {
        "slug": f"{spec['slug'][:60]}-{SYNTHETIC_MARK}{number:05d}",
        "title": f"{texts.text(spec['title'], language)} {place} {number}"[:255],
        "code": None,  # synthetic pages are example cases, never a guideline's P1..O3
        "track": spec["track"],
        "summary": texts.text(spec["summary"], language)[:600],
        "objective": texts.text(spec["objective"], language),
        "stakeholders": texts.text(spec["stakeholders"], language),
        "steps": texts.blocks(spec.get("steps", []), language),
        "resources": NO_BLOCKS,
        "examples": NO_BLOCKS,
        "body": NO_BLOCKS,
    }


def practice_m2m(number, taxonomy, rng):
    return {
        "countries": rng.sample(taxonomy.countries, 1 + number % 2),
        "principles": rng.sample(taxonomy.principles, min(len(taxonomy.principles), 2)),
    }


def funding_fields(number, language, texts, taxonomy, rng):
    from funding.models import today

    day = today()
    specs = demo_entries("FundingOpportunityPage")
    spec = specs[number % len(specs)]
    # A third open, a third upcoming, a third closed.
    offset = (number % 3) - 1
    opens_on = day + datetime.timedelta(days=60 * offset - 30 + number % 20)
    closes_on = opens_on + datetime.timedelta(days=90)
    return {
        "slug": f"{spec['slug'][:60]}-{SYNTHETIC_MARK}{number:05d}",
        "title": f"{texts.text(spec['title'], language)} {number}"[:255],
        "funder_name": spec["funder_name"],
        "summary": texts.text(spec["summary"], language)[:300],
        "amount_min": decimal_or_none(spec.get("amount_min")),
        "amount_max": decimal_or_none(spec.get("amount_max")) or Decimal("10000"),
        "currency": spec["currency"],
        "eligibility": texts.text(spec["eligibility"], language),
        "regions": texts.text(spec.get("regions", ""), language),
        "opens_on": opens_on,
        "closes_on": closes_on,
        "apply_url": f"https://example.org/apply/{number}",
        "is_example": True,
        "body": NO_BLOCKS,
    }


def decimal_or_none(value):
    return None if value is None else Decimal(str(value))


def funding_m2m(number, taxonomy, rng):
    return {"countries": rng.sample(taxonomy.countries, number % 3)}


# Bulk insertion ----------------------------------------------------------------


def add_pages(index_model, page_model, count, languages, texts, taxonomy, rng, fields_for, m2m_for):
    """Insert ``count`` pages of ``page_model`` in every language; return the new pks.

    Plain multi-row INSERTs (``executemany``) with ids assigned here: building
    60,000 model instances and letting the ORM prepare every value costs
    minutes; this costs seconds. Values are still converted by each field's
    own ``get_db_prep_save``, so what is stored is what the ORM would store.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Page

    indexes = {
        page.locale.language_code: page
        for page in index_model.objects.filter(locale__language_code__in=languages).select_related(
            "locale"
        )
    }
    missing = set(languages) - set(indexes)
    if missing:
        raise RuntimeError(f"No {index_model.__name__} in {sorted(missing)}: load the demo first")
    content_type_id = ContentType.objects.get_for_model(page_model).pk
    now = timezone.now()
    first_number = existing_synthetic(page_model, indexes[languages[0]]) + 1
    numbers = range(first_number, first_number + count)
    translation_keys = [uuid.uuid4() for _number in numbers]
    m2m = [m2m_for(number, taxonomy, rng) for number in numbers]
    next_pk = (Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    page_rows = RowWriter(Page, connection)
    local_rows = RowWriter(page_model, connection)
    new_pks = []
    for language in languages:
        parent = indexes[language]
        next_step = last_child_step(parent) + 1
        pks = []
        for offset, number in enumerate(numbers):
            values = fields_for(number, language, texts, taxonomy, rng)
            slug, title = values.pop("slug"), values.pop("title")
            pk = next_pk
            next_pk += 1
            page_rows.add(
                id=pk,
                path=Page._get_path(parent.path, parent.depth + 1, next_step + offset),
                depth=parent.depth + 1,
                numchild=0,
                translation_key=translation_keys[offset],
                locale_id=parent.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                expired=False,
                locked=False,
                title=title,
                draft_title=title,
                slug=slug,
                content_type_id=content_type_id,
                url_path=f"{parent.url_path}{slug}/",
                seo_title="",
                show_in_menus=False,
                search_description="",
            )
            local_rows.add(page_ptr_id=pk, **values)
            pks.append(pk)
        page_rows.flush()
        local_rows.flush()
        insert_m2m(page_model, pks, m2m, connection)
        new_pks.extend(pks)
    reset_sequence(Page, connection)
    # numchild of every index page we added to, counted rather than trusted.
    for parent in indexes.values():
        children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
        Page.objects.filter(pk=parent.pk).update(numchild=children)
    return new_pks


class RowWriter:
    """Collects rows of one table as {attname: value} and INSERTs them in batches.

    Each value goes through its field's ``get_db_prep_save``, except the plain
    str/int/bool/None that need no conversion; a value object seen before
    (a shared StreamField body) is converted once.
    """

    def __init__(self, model, connection):
        self.model = model
        self.connection = connection
        self.fields = {field.attname: field for field in model._meta.local_concrete_fields}
        self.rows = []
        self.columns = None
        self.converted = {}

    def add(self, **values):
        if self.columns is None:
            unknown = set(values) - set(self.fields)
            if unknown:
                raise ValueError(f"{self.model.__name__} has no fields {sorted(unknown)}")
            # Every column but an automatic id; what is not given gets the field's default.
            self.columns = [
                name
                for name, field in self.fields.items()
                if name in values or not (field.primary_key and field.has_default() is False)
            ]
            self.defaults = {
                name: self.fields[name].get_default() for name in self.columns if name not in values
            }
        self.rows.append(
            tuple(
                self.prepare(name, values[name] if name in values else self.defaults[name])
                for name in self.columns
            )
        )

    def prepare(self, name, value):
        if value is None or type(value) in (str, int, bool):
            return value
        if isinstance(value, list | dict):
            key = (name, id(value))
            if key not in self.converted:
                self.converted[key] = (
                    value,  # keeps id(value) from being reused while cached
                    self.fields[name].get_db_prep_save(value, self.connection),
                )
            return self.converted[key][1]
        return self.fields[name].get_db_prep_save(value, self.connection)

    def flush(self):
        """COPY on PostgreSQL; elsewhere multi-row INSERTs under SQLite's 32,766 parameters."""
        if not self.rows:
            return
        quote = self.connection.ops.quote_name
        columns = ", ".join(quote(self.fields[name].column) for name in self.columns)
        row_sql = "(" + ", ".join(["%s"] * len(self.columns)) + ")"
        # Table and column names come from the models and are quoted; values are parameters.
        table = quote(self.model._meta.db_table)
        per_statement = max(1, min(BATCH, 30_000 // len(self.columns)))
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                # COPY: psycopg would otherwise parse every placeholder of every statement.
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in self.rows:
                        copy.write_row(row)
                self.rows = []
                return
            for start in range(0, len(self.rows), per_statement):
                rows = self.rows[start : start + per_statement]
                values = ", ".join([row_sql] * len(rows))
                sql = f"INSERT INTO {table} ({columns}) VALUES {values}"  # noqa: S608 # nosec B608
                cursor.execute(sql, [value for row in rows for value in row])
        self.rows = []


def reset_sequence(model, connection):
    """After inserting explicit ids, let the database's id sequence continue after them."""
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), [model])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def existing_synthetic(page_model, parent):
    """The highest synthetic number already under ``parent`` (0 if none)."""
    numbers = [0]
    pattern = re.compile(rf"-{SYNTHETIC_MARK}(\d{{5}})$")
    for slug in page_model.objects.child_of(parent).values_list("slug", flat=True):
        match = pattern.search(slug)
        if match:
            numbers.append(int(match[1]))
    return max(numbers)


def last_child_step(parent):
    """The treebeard step number of ``parent``'s last child (0 if it has none)."""
    from wagtail.models import Page

    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) if last else 0


def insert_m2m(page_model, page_pks, m2m, connection):
    for name in m2m[0] if m2m else ():
        relation = page_model._meta.get_field(name)
        through = relation.remote_field.through
        source = f"{page_model._meta.model_name}_id"
        target = f"{relation.related_model._meta.model_name}_id"
        writer = RowWriter(through, connection)
        for page_pk, chosen in zip(page_pks, m2m, strict=True):
            for item in chosen[name]:
                writer.add(**{source: page_pk, target: item.pk})
        writer.flush()


def index_new_pages(new_pks, workers=1):
    """Index the new pages, in ``workers`` processes, with PostgreSQL's GIN indexes
    rebuilt once at the end rather than updated row by row."""
    from django.db import connection, connections

    if connection.vendor == "postgresql":
        # Each chunk the PostgreSQL backend adds ends by updating the title norms
        # of every entry still at the default, which includes the other
        # process's fresh rows: two processes deadlock on them.
        workers = 1
    jobs = [
        (page_model, pks[start : start + 1000])
        for page_model, pks in new_pks.items()
        for start in range(0, len(pks), 1000)
    ]
    with gin_indexes_rebuilt_after(sum(len(pks) for _model, pks in jobs)):
        if workers > 1 and len(jobs) > 1:
            import multiprocessing

            connections.close_all()  # each process opens its own
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                pool.starmap(index_pages, [(model, pks, True) for model, pks in jobs])
        else:
            for page_model, pks in jobs:
                index_pages(page_model, pks)


@contextmanager
def gin_indexes_rebuilt_after(rows):
    """On PostgreSQL, for a large batch: drop the search table's GIN indexes, rebuild after.

    Updating three GIN indexes for each inserted row is most of the database's
    share of indexing; building them once is the usual way to bulk-load. The
    indexes are the same afterwards (their definitions are read and replayed).
    """
    from django.db import connection
    from wagtail.search.models import IndexEntry

    # Inside a transaction (the tests' own) PostgreSQL refuses CREATE INDEX
    # while foreign-key checks are still pending, so indexes stay as they are.
    if connection.vendor != "postgresql" or rows < 5000 or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
            [IndexEntry._meta.db_table, "% USING gin %"],
        )
        definitions = cursor.fetchall()
        for name, _definition in definitions:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    try:
        yield
    finally:
        from django.db import connection as current  # a fresh one after worker processes

        with current.cursor() as cursor:
            for _name, definition in definitions:
                cursor.execute(definition)


def index_pages(page_model, pks, in_worker=False):
    """Add these pages to the search index, the way ``update_index`` does, in chunks.

    The search backend reads each many-to-many relation (countries, areas, ...)
    once per page and per stored column, nine queries a page, because
    modelcluster's managers ignore ``prefetch_related``. The relations are
    handed to each page in memory instead, from one query per relation and chunk:
    the index entries are the same, 20 times faster.
    """
    from wagtail.search.backends import get_search_backend

    if in_worker:
        from django.db import connections

        connections.close_all()
    backend = get_search_backend()
    relations = [
        field
        for field in page_model._meta.get_fields()
        if field.many_to_many and not field.auto_created and field.model is page_model
    ]
    for start in range(0, len(pks), 1000):
        chunk = pks[start : start + 1000]
        pages = list(page_model.objects.filter(pk__in=chunk).order_by("pk"))
        for relation in relations:
            attached = {page.pk: [] for page in pages}
            through = relation.remote_field.through
            source = f"{page_model._meta.model_name}_id"
            target = relation.related_model
            items = {item.pk: item for item in target.objects.all()}
            for page_pk, item_pk in through.objects.filter(**{f"{source}__in": chunk}).values_list(
                source, f"{target._meta.model_name}_id"
            ):
                attached[page_pk].append(items[item_pk])
            for page in pages:
                cluster = page.__dict__.setdefault("_cluster_related_objects", {})
                cluster[relation.name] = attached[page.pk]
        with shared_stream_text():
            backend.add_bulk(page_model, pages)
    if in_worker:
        connections.close_all()


@contextmanager
def shared_stream_text():
    """Work out each piece of a page's searchable text once.

    The database backends read every search field of a page once per column
    they store (title, body, autocomplete; on PostgreSQL also the plain
    title and body texts): three to five passes, each extracting StreamField
    text from HTML again. Here each field's values are kept per page after
    the first pass, and each distinct StreamField value (synthetic pages share
    their bodies, one per demo template and language; block ids aside) is
    extracted once. The index entries are exactly the same.
    """
    from django.db import connection
    from wagtail.fields import StreamField

    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres import postgres as backend_module
    else:
        from modelsearch.backends.database.sqlite import sqlite as backend_module
    indexer_class = backend_module.ObjectIndexer
    original_field = indexer_class.prepare_field
    original_stream = StreamField.get_searchable_content
    memo = {}

    def without_ids(data):
        if isinstance(data, dict):
            return {key: without_ids(item) for key, item in data.items() if key != "id"}
        if isinstance(data, list | tuple):
            return [without_ids(item) for item in data]
        return data

    def searchable_content(self, value):
        raw = value.get_prep_value() if hasattr(value, "get_prep_value") else value
        key = (id(self), json.dumps(without_ids(raw), sort_keys=True, default=str))
        if key not in memo:
            memo[key] = original_stream(self, value)
        return memo[key]

    def prepare_field(self, obj, field):
        fields = self.__dict__.setdefault("_prepared_fields", {})
        key = (id(obj), id(field))
        if key not in fields:
            fields[key] = (obj, list(original_field(self, obj, field)))  # obj keeps its id
        return iter(fields[key][1])

    StreamField.get_searchable_content = searchable_content
    indexer_class.prepare_field = prepare_field
    try:
        yield
    finally:
        StreamField.get_searchable_content = original_stream
        indexer_class.prepare_field = original_field


# Checks ----------------------------------------------------------------------


def tree_problems():
    """Treebeard's ``find_problems`` checks over the whole table in one query.

    ``Page.find_problems()`` asks two questions per page (120,000 queries for
    60,000 pages, minutes); this reads every page's path, depth and
    ``numchild`` once and checks the same things: only the alphabet's
    characters, whole steps, a depth that matches the path, a parent for every
    page but the root, ``numchild`` equal to the real number of children.
    Returns {problem: [up to 10 page ids]}, empty when the tree is sound.
    """
    from collections import Counter

    from wagtail.models import Page

    step, alphabet = Page.steplen, set(Page.alphabet)
    rows = list(Page.objects.values_list("pk", "path", "depth", "numchild"))
    paths = {path for _pk, path, _depth, _numchild in rows}
    children = Counter(path[:-step] for _pk, path, _depth, _numchild in rows)
    found = {}

    def flag(name, pk):
        found.setdefault(name, [])
        if len(found[name]) < 10:
            found[name].append(pk)

    for pk, path, depth, numchild in rows:
        if not set(path) <= alphabet:
            flag("evil chars", pk)
        elif len(path) % step:
            flag("bad steplen", pk)
        elif depth > 1 and path[:-step] not in paths:
            flag("orphans", pk)
        elif len(path) != depth * step:
            flag("wrong depth", pk)
        elif numchild != children[path]:
            flag("wrong numchild", pk)
    return found


def check_tree(full=False):
    """Raise if the page tree is not sound; ``full`` also runs treebeard's own, slow check."""
    from wagtail.models import Page

    problems = tree_problems()
    if full:
        names = ["evil chars", "bad steplen", "orphans", "wrong depth", "wrong numchild"]
        for name, ids in zip(names, Page.find_problems(), strict=True):
            if ids:
                problems[f"find_problems: {name}"] = ids[:10]
    if problems:
        raise AssertionError(f"The page tree has problems: {problems}")


def main(argv=None):
    import os

    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--initiatives", type=int, default=100)
    parser.add_argument("--practices", type=int, default=None)
    parser.add_argument("--funding", type=int, default=None)
    parser.add_argument("--no-index", action="store_true", help="skip the search index")
    parser.add_argument("--workers", type=int, default=1, help="processes for the search index")
    parser.add_argument(
        "--full-check", action="store_true", help="also run treebeard's find_problems (slow)"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()
    summary = build(
        args.initiatives, args.practices, args.funding, index=not args.no_index,
        workers=args.workers,
    )  # fmt: skip
    started = time.monotonic()
    check_tree(full=args.full_check)
    summary.seconds["tree check"] = time.monotonic() - started
    print(f"Synthetic content: {summary}")


if __name__ == "__main__":
    main()
