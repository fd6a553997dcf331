"""Emails about submissions, sent by background tasks that can be retried.

The messages themselves are built in :mod:`forms.notification_messages`.

Two emails follow a submission:

- each moderator of the form gets the form's title, the submission's
  reference and a link to it in the admin, never the answers;
- the person, only if they gave an email address *and* ticked "Email me a
  confirmation", gets a neutral message: a configurable sender name and
  subject (``FORMS_APPLICANT_FROM_EMAIL``, ``FORMS_APPLICANT_SUBJECT``), the
  reference and nothing else; no form title, no word about what it was for,
  as a lock screen may show it to someone else.

Both are Django tasks (``django-tasks``): run at once in development and
tests, by ``manage.py db_worker`` in production. Tasks receive only the
submission's id, so no address or answer is written to the task queue. A task
that fails (mail server down) is not retried by the framework; the
submission keeps ``moderators_notified_at`` / ``confirmation_sent_at`` empty,
and ``manage.py requeue_form_notifications`` queues it again later.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from forms.models import ListingRequest, ModeratedSubmission
from forms.moderation import moderators_of
from forms.notification_messages import (
    confirmation_message,
    listing_changes_requested_message,
    listing_outcome_message,
    moderator_messages,
)

logger = logging.getLogger(__name__)


class MailNotSent(Exception):
    """A mail could not be sent; says which submission, never to whom or why in detail.

    The mail server's own exceptions carry the recipients' addresses (a
    refused recipient is named in ``SMTPRecipientsRefused``), and the task
    framework keeps the traceback of whatever a task raised in its results
    table and the worker's log, copying it at each retry. Tasks raise this
    instead, ``from None``, so no address and no server reply is recorded.
    """


def send_sanitised(send, what, submission_id):
    """``send()``, turning any failure into a :class:`MailNotSent` that names no one."""
    try:
        return send()
    except Exception as error:
        kind = type(error).__name__
        raise MailNotSent(f"{what} for submission {submission_id} not sent ({kind}).") from None


def _load(submission_id):
    return (
        ModeratedSubmission.objects.select_related("page", "page__locale")
        .filter(pk=submission_id)
        .first()
    )


def _record_failure(submission):
    type(submission).objects.filter(pk=submission.pk).update(
        notification_attempts=F("notification_attempts") + 1
    )


@task()
def notify_moderators(submission_id):
    """Email each moderator of the submission's form; mark the submission notified."""
    submission = _load(submission_id)
    if submission is None or submission.moderators_notified_at:
        return 0
    messages = moderator_messages(submission, moderators_of(submission.page))
    if not messages:
        logger.warning("Form page %s has no moderator with an email address.", submission.page_id)
    try:
        sent = (
            send_sanitised(
                lambda: get_connection().send_messages(messages), "Moderators' mail", submission.pk
            )
            if messages
            else 0
        )
    except MailNotSent:
        _record_failure(submission)
        logger.warning("Moderators of submission %s could not be emailed yet.", submission.pk)
        raise
    type(submission).objects.filter(pk=submission.pk).update(moderators_notified_at=timezone.now())
    return sent


@task()
def send_confirmation(submission_id):
    """Email the person a confirmation that holds no personal data."""
    submission = _load(submission_id)
    if submission is None or submission.confirmation_sent_at or not submission.confirmation_wanted:
        return 0
    message = confirmation_message(submission)
    if message is not None:
        try:
            send_sanitised(message.send, "Confirmation", submission.pk)
        except MailNotSent:
            _record_failure(submission)
            logger.warning("Confirmation for submission %s could not be sent yet.", submission.pk)
            raise
    type(submission).objects.filter(pk=submission.pk).update(confirmation_sent_at=timezone.now())
    return 1


def queue_notifications(submission):
    """Queue the emails a submission needs. Call only after it is committed."""
    type(submission).objects.filter(pk=submission.pk).update(notification_queued_at=timezone.now())
    submission.refresh_from_db(
        fields=["moderators_notified_at", "confirmation_sent_at", "confirmation_wanted"]
    )
    try:
        if submission.moderators_notified_at is None:
            notify_moderators.enqueue(submission.pk)
        if submission.confirmation_wanted and submission.confirmation_sent_at is None:
            send_confirmation.enqueue(submission.pk)
    except Exception:
        # The submission is safe; requeue_form_notifications will try again.
        logger.exception("Notifications for submission %s could not be queued.", submission.pk)


def requeue_unsent(now=None):
    """Queue again every submission whose emails are still unsent.

    Skips those queued less than FORMS_NOTIFICATION_RETRY_AFTER seconds ago,
    which a worker may still be working on. Returns how many were queued.
    """
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.FORMS_NOTIFICATION_RETRY_AFTER)
    pending = (
        ModeratedSubmission.objects.needing_notification()
        .filter(Q(notification_queued_at__isnull=True) | Q(notification_queued_at__lt=stale))
        .only("pk")
        .order_by("pk")
    )
    count = 0
    for submission in pending:
        queue_notifications(submission)
        count += 1
    return count


@task()
def send_listing_outcome(listing_request_id):
    """Tell the requester their directory entry was published or declined."""
    listing = (
        ListingRequest.objects.select_related("submission__page__locale")
        .filter(pk=listing_request_id, outcome_notified_at__isnull=True)
        .first()
    )
    if listing is None or not listing.outcome:
        return 0
    message = listing_outcome_message(listing, listing.outcome == ListingRequest.PUBLISHED)
    if message is not None:
        send_sanitised(message.send, "Listing outcome", listing.submission_id)
    type(listing).objects.filter(pk=listing.pk).update(outcome_notified_at=timezone.now())
    return 1


@task()
def send_listing_changes_requested(listing_request_id, task_state_id):
    """Tell the requester what the editors need changed, in the editor's words.

    The task carries ids only; the comment is read from the review's task state.
    """
    from wagtail.models import TaskState

    listing = (
        ListingRequest.objects.select_related("submission__page__locale")
        .filter(pk=listing_request_id, outcome="")
        .first()
    )
    task_state = TaskState.objects.filter(pk=task_state_id).first()
    if listing is None or task_state is None:
        return 0
    message = listing_changes_requested_message(listing, task_state.comment)
    if message is None:
        return 0
    message.send()
    return 1
