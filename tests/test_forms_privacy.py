"""Data protection: encryption at rest, key rotation, retention, logs and error reports."""

import io
import logging
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory, override_settings
from django.utils import timezone
from django.views.debug import ExceptionReporter

from forms.encryption import lookup_digests
from forms.models import ModeratedSubmission, SubmissionNote
from forms.reporting import mark_request_sensitive
from tests.forms_support import (
    board_answers,
    board_page,
    feedback_page,
    make_moderator,
    submit,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
MARKER = "MARKER-Q7ZK-survivor-answer"
NEW_KEY = "hK3bI0dQm9m2pXvX1wHn8o7t6r5e4w3q2a1s0d9f8g7="


def raw_database_text():
    """Everything the database holds, read without Django's models."""
    if connection.vendor == "sqlite":
        return "\n".join(connection.connection.iterdump())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
        tables = [row[0] for row in cursor.fetchall()]
        chunks = []
        for table in tables:
            cursor.execute(f'SELECT row_to_json(t)::text FROM "{table}" AS t')  # noqa: S608
            chunks += [row[0] for row in cursor.fetchall()]
    return "\n".join(chunks)


def dumpdata_text():
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def test_no_answer_is_in_the_database_or_its_dumps_in_clear_text(
    client, django_capture_on_commit_callbacks
):
    page = board_page()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page, board_answers(marker=MARKER, first_name=f"Ana-{MARKER}"))
    submission = ModeratedSubmission.objects.get(page=page)
    SubmissionNote.objects.create(submission=submission, text=f"note {MARKER}")
    assert MARKER in submission.form_data["first_name"], "the answers are readable through Django"
    assert "ana@example.org" not in raw_database_text()
    assert MARKER not in raw_database_text()
    dump = dumpdata_text()
    assert submission.reference in dump, "the submission is in the dump, encrypted"
    assert MARKER not in dump


def test_dumps_load_back_and_stay_readable(tmp_path):
    page = board_page()
    submission = ModeratedSubmission.objects.create(
        page=page, form_data={"first_name": MARKER}, submission_token="t" * 30
    )
    dump = io.StringIO()
    call_command("dumpdata", "forms.moderatedsubmission", stdout=dump)
    assert MARKER not in dump.getvalue()
    ModeratedSubmission.objects.all().delete_without_log()
    fixture = tmp_path / "forms-dump.json"
    fixture.write_text(dump.getvalue())
    call_command("loaddata", str(fixture), verbosity=0)
    assert ModeratedSubmission.objects.get(pk=submission.pk).form_data == {"first_name": MARKER}


def test_the_key_can_be_rotated(client, settings):
    page = board_page()
    submit(client, page, board_answers(email="rotate@example.org"))
    old_keys = list(settings.FORMS_ENCRYPTION_KEYS)
    settings.FORMS_ENCRYPTION_KEYS = [NEW_KEY, *old_keys]
    out = io.StringIO()
    call_command("reencrypt_form_data", stdout=out)
    assert "Re-encrypted" in out.getvalue()
    settings.FORMS_ENCRYPTION_KEYS = [NEW_KEY]
    submission = ModeratedSubmission.objects.get(page=page)
    assert submission.form_data["first_name"] == "Ana"
    assert submission.email_digest in lookup_digests("rotate@example.org")


def test_answers_under_an_unknown_key_are_reported_not_lost(client, settings):
    page = board_page()
    submission = ModeratedSubmission.objects.create(
        page=page, form_data={"first_name": "Ana"}, submission_token="u" * 30
    )
    settings.FORMS_ENCRYPTION_KEYS = [NEW_KEY]
    client.force_login(make_moderator())
    html = client.get(f"/admin/submissions/{submission.pk}/").content.decode()
    assert "cannot be decrypted" in html


def test_production_refuses_to_start_without_encryption_keys():
    env = {**os.environ, "SECRET_KEY": "x" * 50}
    env.pop("FORMS_ENCRYPTION_KEYS", None)
    result = subprocess.run(
        [sys.executable, "-c", "import portal.settings.production"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "FORMS_ENCRYPTION_KEYS must be set" in result.stderr


def test_expired_submissions_are_purged_with_counts_only():
    board = board_page()
    feedback = feedback_page()
    now = timezone.now()
    old_feedback = ModeratedSubmission.objects.create(
        page=feedback, form_data={"x": MARKER}, submission_token="a" * 30
    )
    ModeratedSubmission.objects.filter(pk=old_feedback.pk).update(
        submit_time=now - timedelta(days=400)
    )
    recent_feedback = ModeratedSubmission.objects.create(
        page=feedback, form_data={"x": "recent"}, submission_token="b" * 30
    )
    application = ModeratedSubmission.objects.create(
        page=board, form_data={"x": "open call"}, submission_token="c" * 30
    )
    out = io.StringIO()
    call_command("purge_expired_submissions", stdout=out)
    assert set(ModeratedSubmission.objects.values_list("pk", flat=True)) == {
        recent_feedback.pk,
        application.pk,
    }
    assert "1 submission(s) deleted" in out.getvalue()
    assert MARKER not in out.getvalue() and feedback.title not in out.getvalue()

    # The board call closed 13 months ago: all of its submissions have expired.
    type(board).objects.filter(pk=board.pk).update(closes_at=now - timedelta(days=400))
    call_command("purge_expired_submissions", stdout=io.StringIO())
    assert not ModeratedSubmission.objects.filter(pk=application.pk).exists()


def test_the_page_says_when_answers_will_be_deleted(client):
    page = board_page()
    html = client.get(page.url).content.decode()
    assert "12 months after the call closes" in html


def test_no_answer_reaches_the_logs(client, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)
    page = board_page()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page, board_answers(marker=MARKER))
        submit(client, page, board_answers(marker=MARKER, email="not-an-email"))
    with (
        override_settings(EMAIL_BACKEND="tests.test_forms_notifications.FailingEmailBackend"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        submit(client, page, board_answers(marker=MARKER))
    assert caplog.records, "something was logged"
    assert MARKER not in caplog.text
    assert "ana@example.org" not in caplog.text


def test_error_reports_from_form_pages_hide_every_answer():
    request = RequestFactory().post("/en/get-involved/x/", {"first_name": MARKER})
    mark_request_sensitive(request)
    try:
        answer = request.POST["first_name"]  # noqa: F841 - a local an error report would show
        raise ValueError("boom")
    except ValueError:
        reporter = ExceptionReporter(request, *sys.exc_info())
        text = reporter.get_traceback_text()
        html = reporter.get_traceback_html()
    assert MARKER not in text
    assert MARKER not in html
