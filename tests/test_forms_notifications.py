"""Notifications survive a mail server that is down."""

import io
import smtplib
import socket

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import override_settings

from forms.models import ModeratedSubmission
from tests.forms_support import board_answers, board_page, submit

pytestmark = pytest.mark.django_db


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("mail server unavailable")


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_with_the_mail_server_down_the_submission_is_kept_and_mailed_later(
    client, django_capture_on_commit_callbacks
):
    page = board_page()
    smtp_down = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port(),
        EMAIL_TIMEOUT=2,
    )
    with smtp_down, django_capture_on_commit_callbacks(execute=True):
        response = submit(client, page, board_answers())
    assert response.status_code == 200, "the person still gets their confirmation page"
    submission = ModeratedSubmission.objects.get(page=page)
    assert submission.moderators_notified_at is None
    assert submission.confirmation_sent_at is None
    assert submission.notification_attempts == 2
    assert mail.outbox == []

    # The worker host runs this every few minutes; the mail server is back.
    out = io.StringIO()
    call_command("requeue_form_notifications", "--retry-after", "0", stdout=out)
    assert "1 submission(s)" in out.getvalue()
    submission.refresh_from_db()
    assert submission.moderators_notified_at is not None
    assert submission.confirmation_sent_at is not None
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["ana@example.org", "moderator@example.org"]

    call_command("requeue_form_notifications", "--retry-after", "0", stdout=io.StringIO())
    assert len(mail.outbox) == 2, "nothing is sent twice"


@override_settings(EMAIL_BACKEND="tests.test_forms_notifications.FailingEmailBackend")
def test_recently_queued_notifications_are_left_to_the_worker(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, board_page(), board_answers())
    out = io.StringIO()
    call_command("requeue_form_notifications", stdout=out)
    assert "0 submission(s)" in out.getvalue()
