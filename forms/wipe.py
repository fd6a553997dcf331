"""After erasure, purge and key rotation: no old copy left in SQLite's files.

Every SQLite connection has ``secure_delete`` on (``portal/env.py``), so freed
pages are zeroed. In WAL mode, though, the old pages sit in the ``-wal`` file
until a checkpoint copies the new ones back; a ``TRUNCATE`` checkpoint does
that and empties the WAL. The full-text index (FTS5) keeps a deleted page's
words in its segments until they are merged, so it is optimised first.
PostgreSQL needs ``VACUUM`` instead (see the README); nothing is done here
for it.
"""

from django.db import connections, transaction


def checkpoint(using="default"):
    """Drop deleted values from the full-text index and truncate SQLite's WAL.

    Inside a transaction, the WAL cannot be checkpointed: then it runs once
    the transaction has committed. A no-op on other databases.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    if connection.in_atomic_block:
        checkpoint_after_commit(using)
        return
    _checkpoint_now(using)


def checkpoint_after_commit(using="default"):
    """Checkpoint once the current transaction (if any) has committed."""
    transaction.on_commit(lambda: _checkpoint_now(using), using=using, robust=True)


def _checkpoint_now(using):
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for table in fts5_tables(cursor):
            # FTS5's own command: merges the segments, dropping deleted entries.
            cursor.execute(f'INSERT INTO "{table}"("{table}") VALUES (\'optimize\')')  # noqa: S608  # nosec B608 (a table name from sqlite_master)
        if not connection.in_atomic_block and not connection.is_in_memory_db():
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def fts5_tables(cursor):
    """The full-text tables (Wagtail's search index): FTS5 virtual tables."""
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
    )
    return [name for (name,) in cursor.fetchall()]
