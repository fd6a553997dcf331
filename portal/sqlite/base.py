"""Django's SQLite backend, except that it never creates a database by accident.

SQLite creates a missing file on connect, so a wrong path or a lost volume
used to give an empty database: every page a 500 while ``/healthz`` said
200. Here the file is opened with ``mode=rw``: a missing file is an
``OperationalError`` (the 503 page, ``/healthz`` 503). Only the commands that
build the schema (``migrate`` and ``prepare_demo``, which runs it) may create it.
"""

import sys
from urllib.parse import quote

from django.db.backends.sqlite3 import base

# manage.py commands that may create the database file.
CREATING_COMMANDS = {"migrate", "prepare_demo"}
_allowed_in_this_process = False


def allow_creation():
    """For a process that runs migrate through call_command (make bench)."""
    global _allowed_in_this_process
    _allowed_in_this_process = True


def creation_allowed():
    return _allowed_in_this_process or (len(sys.argv) > 1 and sys.argv[1] in CREATING_COMMANDS)


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        database = str(params["database"])
        if not (self.is_in_memory_db() or database.startswith("file:") or creation_allowed()):
            params["database"] = f"file:{quote(database)}?mode=rw"
        return params
