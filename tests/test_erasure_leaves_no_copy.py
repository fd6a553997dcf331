"""Erasure leaves no copy: not in the database file, the WAL, the logs or the task tables."""

import logging
import socketserver
import sqlite3
import threading

import pytest
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from forms.models import ListingRequest, ModeratedSubmission
from forms.notifications import MailNotSent, send_confirmation
from forms.wipe import checkpoint
from portal.env import database_from_url
from tests.forms_support import board_answers, board_page, submit
from tests.test_forms_listing import listing_page, request_answers

pytestmark = pytest.mark.django_db

MARKER = "Zmarkerqx7731"


def database_bytes():
    """The whole test database as SQLite stores it, free pages included."""
    return connection.connection.serialize()


def tables_holding(marker):
    tables = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608
            if any(marker.lower() in str(row).lower() for row in cursor.fetchall()):
                tables.append(table)
    return tables


def database_holds(marker):
    """On SQLite every byte of the file, free pages included; elsewhere every row.

    (PostgreSQL keeps dead rows until VACUUM, which the README asks operators to
    run; its files are not readable from a test.)
    """
    if connection.vendor == "sqlite":
        return marker.lower().encode() in database_bytes().lower()
    return bool(tables_holding(marker))


def where_found(marker):
    """Which tables hold the marker, and the bytes around each copy (to explain a failure)."""
    tables = tables_holding(marker)
    if connection.vendor != "sqlite":
        return tables, []
    data = database_bytes().lower()
    needle = marker.lower().encode()
    spots, start = [], data.find(needle)
    while start != -1 and len(spots) < 5:
        spots.append(data[max(0, start - 120) : start + 60])
        start = data.find(needle, start + 1)
    return tables, spots


def test_erasing_a_listing_request_leaves_no_copy_in_the_database(
    client, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        submit(
            client,
            listing_page(),
            request_answers(name=f"{MARKER} Collective", email=f"{MARKER.lower()}@example.org"),
        )
    submission = ModeratedSubmission.objects.get(page=listing_page())
    draft_id = ListingRequest.objects.get(submission=submission).initiative_id
    assert database_holds(MARKER), "the test would see a copy"

    with django_capture_on_commit_callbacks(execute=True):
        ModeratedSubmission.objects.filter(pk=submission.pk).erase(reason="erasure request")

    from wagtail.models import Page, PageLogEntry, Revision

    assert not Page.objects.filter(pk=draft_id).exists(), "the draft entry is deleted"
    assert not Revision.objects.filter(object_id=str(draft_id)).exists()
    assert not PageLogEntry.objects.filter(page_id=draft_id).exists()
    assert not database_holds(MARKER), where_found(MARKER)
    assert MARKER.lower() not in caplog.text.lower()
    assert not DBTaskResult.objects.filter(args_kwargs__icontains=MARKER).exists()
    assert not DBTaskResult.objects.filter(traceback__icontains=MARKER).exists()


def test_every_sqlite_connection_has_secure_delete_on():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone()[0] == 1


def test_after_a_checkpoint_neither_the_file_nor_the_wal_holds_deleted_values(tmp_path):
    """A real database file in WAL mode, opened as the portal opens it."""
    from django.db.backends.sqlite3.base import DatabaseWrapper

    path = tmp_path / "db.sqlite3"
    settings_dict = {**database_from_url(f"sqlite:///{path}"), "NAME": str(path)}
    settings_dict.update(
        ATOMIC_REQUESTS=False,
        AUTOCOMMIT=True,
        CONN_MAX_AGE=0,
        CONN_HEALTH_CHECKS=False,
        TIME_ZONE=None,
        TEST={},
    )
    wrapper = DatabaseWrapper(settings_dict, alias="wipe-test")
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("CREATE TABLE answers (id INTEGER PRIMARY KEY, text TEXT)")
            cursor.executemany(
                "INSERT INTO answers (text) VALUES (%s)", [(f"{MARKER} {n}",) for n in range(50)]
            )
            cursor.execute("DELETE FROM answers")
        wal = path.with_name(path.name + "-wal")
        from django.db import connections

        connections["wipe-test"] = wrapper
        try:
            checkpoint("wipe-test")
        finally:
            del connections["wipe-test"]
        for file in (path, wal):
            if file.exists():
                assert MARKER.encode() not in file.read_bytes(), file.name
        assert not wal.exists() or wal.stat().st_size == 0, "the WAL is truncated"
    finally:
        wrapper.close()
    # The same file is readable and empty afterwards.
    assert sqlite3.connect(path).execute("SELECT count(*) FROM answers").fetchone()[0] == 0


class RefusingSMTPHandler(socketserver.StreamRequestHandler):
    """A mail server that refuses every recipient, naming them as real ones do."""

    def handle(self):
        self.wfile.write(b"220 refusing.example ESMTP\r\n")
        for line in self.rfile:
            command = line.decode(errors="replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.wfile.write(b"250 refusing.example\r\n")
            elif verb == "RCPT":
                self.wfile.write(f"550 5.1.1 {command[8:]} unknown here\r\n".encode())
            elif verb == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@pytest.fixture
def refusing_smtp():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), RefusingSMTPHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_refused_address_is_not_kept_in_task_results_or_logs(
    client, refusing_smtp, django_capture_on_commit_callbacks, caplog
):
    address = f"{MARKER.lower()}@example.org"
    with django_capture_on_commit_callbacks(execute=False):
        submit(client, board_page(), board_answers(email=address))
    submission = ModeratedSubmission.objects.get(page=board_page())
    caplog.set_level(logging.DEBUG)
    smtp = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=refusing_smtp,
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=5,
    )
    with smtp:
        result = send_confirmation.enqueue(submission.pk)
    assert result.status == "FAILED"
    error = result.errors[0]
    assert error.exception_class is MailNotSent
    assert MARKER.lower() not in error.traceback.lower()
    assert MARKER.lower() not in caplog.text.lower()
    submission.refresh_from_db()
    assert submission.notification_attempts == 1
    assert submission.confirmation_sent_at is None
