"""What a form page stores: one encrypted submission, and moderators' notes on it."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission
from wagtail.log_actions import get_active_log_context, log

from forms.encryption import EncryptedJSONField, EncryptedTextField
from forms.wipe import checkpoint_after_commit

# Crockford's base32 without look-alikes: references are read out on the phone.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference():
    """A short random reference such as ``SV-7K3Q-9XPM``: no order, no meaning."""
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"SV-{body[:4]}-{body[4:]}"


class SubmissionStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    ARCHIVED = "archived", _("Archived")


class SubmissionQuerySet(models.QuerySet):
    def erase(self, user=None, reason="request"):
        """Delete these submissions, writing one audit-log entry for each.

        Every way a submission is deleted (a moderator's erasure, a person's
        erasure request, the retention purge, Wagtail's own delete view) goes
        through here, so the audit log always says who erased which
        submission and when. The entries hold the reference only.

        A listing request's unpublished draft directory entry holds the same
        details, so it goes too, with its revisions, workflow states and page
        log entries. Once committed, SQLite's WAL is checkpointed so no old
        copy stays on disk (see :mod:`forms.wipe`).
        """
        user = user or get_active_log_context().user
        delete_unpublished_listing_drafts(self)
        count = 0
        for submission in self.only("pk", "reference", "page_id"):
            log(
                submission,
                "forms.erase",
                user=user,
                data={"reference": submission.reference, "reason": reason},
                deleted=True,
            )
            count += 1
        self.model.objects.filter(pk__in=self.values("pk")).delete_without_log()
        checkpoint_after_commit()
        return count

    def delete(self):
        count = self.erase(reason="deleted")
        return count, {self.model._meta.label: count}

    def delete_without_log(self):
        return super().delete()

    def needing_notification(self):
        return self.filter(
            models.Q(moderators_notified_at__isnull=True)
            | models.Q(confirmation_wanted=True, confirmation_sent_at__isnull=True)
        )


def delete_unpublished_listing_drafts(submissions):
    """Delete the never-published directory entries these listing requests created.

    Wagtail keeps a deleted page's revisions and log entries (with its title,
    here the organisation's name) on purpose; for an erasure they go as well.
    A published entry stays: it is public by the requester's consent.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

    # .listing imports this module: the import waits until it is called.
    from .listing import ListingRequest

    page_ids = list(
        ListingRequest.objects.filter(
            submission__in=submissions.values("pk"), initiative__isnull=False
        )
        .filter(initiative__first_published_at__isnull=True)
        .values_list("initiative_id", flat=True)
    )
    if not page_ids:
        return
    object_ids = [str(pk) for pk in page_ids]
    page_type = ContentType.objects.get_for_model(Page)
    WorkflowState.objects.filter(base_content_type=page_type, object_id__in=object_ids).delete()
    for page in Page.objects.filter(pk__in=page_ids):
        page.delete()
    Revision.objects.filter(base_content_type=page_type, object_id__in=object_ids).delete()
    PageLogEntry.objects.filter(page_id__in=page_ids).delete()


class ModeratedSubmission(AbstractFormSubmission):
    """One answer to a moderated form page.

    The answers (``form_data``) are encrypted at rest; everything else here is
    what moderators need to work the queue and what the portal needs to
    notify them reliably. ``__str__`` is the reference, never the answers, as
    it ends up in the audit log and in admin titles.
    """

    form_data = EncryptedJSONField(
        _("answers"), help_text=_("The answers, encrypted with the portal's form key.")
    )
    reference = models.CharField(
        _("reference"),
        max_length=16,
        unique=True,
        default=new_reference,
        editable=False,
        help_text=_("Quoted in emails and erasure requests instead of any personal detail."),
    )
    submission_token = models.CharField(
        _("submission token"),
        max_length=64,
        editable=False,
        help_text=_(
            "The one-time token of the form that was sent; a second post of it is ignored."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.NEW,
        db_index=True,
        help_text=_("Where the submission is in the moderators' review."),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The moderator working on it."),
    )
    status_changed_at = models.DateTimeField(
        _("status changed at"),
        null=True,
        blank=True,
        help_text=_("When the status last changed."),
    )
    email_digest = models.CharField(
        _("email digest"),
        max_length=64,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_(
            "A keyed hash of the email address given, so that a person's submissions can "
            "be found and erased on request without storing the address in clear."
        ),
    )
    confirmation_wanted = models.BooleanField(
        _("confirmation wanted"),
        default=False,
        editable=False,
        help_text=_("The person gave an email address and asked for a confirmation."),
    )
    confirmation_sent_at = models.DateTimeField(
        _("confirmation sent at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the confirmation email went out."),
    )
    moderators_notified_at = models.DateTimeField(
        _("moderators notified at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the moderators' notification went out; empty until it has."),
    )
    notification_queued_at = models.DateTimeField(
        _("notification queued at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the notification tasks were last queued."),
    )
    notification_attempts = models.PositiveSmallIntegerField(
        _("notification attempts"),
        default=0,
        editable=False,
        help_text=_("How many times sending the notifications has failed."),
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        ordering = ["-submit_time", "-pk"]
        permissions = [
            (
                "change_data_protection",
                "Can appoint a form's moderators and set its retention",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "submission_token"], name="forms_submission_token_once_per_page"
            )
        ]

    def __str__(self):
        return self.reference

    def get_admin_display_title(self):
        return self.reference

    def delete(self, *args, **kwargs):
        return type(self).objects.filter(pk=self.pk).delete()

    def set_status(self, status, user):
        previous = self.status
        if previous == status:
            return False
        self.status = status
        self.status_changed_at = timezone.now()
        self.save(update_fields=["status", "status_changed_at"])
        log(self, "forms.status", user=user, data={"from": previous, "to": status})
        return True

    def set_assignee(self, assignee, user):
        if self.assignee_id == (assignee.pk if assignee else None):
            return False
        self.assignee = assignee
        self.save(update_fields=["assignee"])
        log(
            self,
            "forms.assign",
            user=user,
            data={"assignee": assignee.get_username() if assignee else None},
        )
        return True


class SubmissionNote(models.Model):
    """A moderator's private note on a submission, encrypted like the answers."""

    submission = models.ForeignKey(
        ModeratedSubmission,
        on_delete=models.CASCADE,
        related_name="notes",
        help_text=_("The submission the note is about."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The moderator who wrote it."),
    )
    created_at = models.DateTimeField(
        _("written at"), auto_now_add=True, help_text=_("When the note was written.")
    )
    text = EncryptedTextField(
        _("note"), help_text=_("Seen only by this form's moderators. Encrypted at rest.")
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("moderator's note")
        verbose_name_plural = _("moderators' notes")

    def __str__(self):
        return f"{self.submission_id}/{self.pk}"
