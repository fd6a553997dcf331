"""The audit-log actions of the moderation queue.

Entries are Wagtail's own (``ModelLogEntry``), shown under Reports > Site
history. They name the submission by its reference; they never hold answers.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import get_active_log_context
from wagtail.models import ModelLogEntry

ACTIONS = [
    ("forms.view", _("View submission"), _("Viewed submission")),
    ("forms.export", _("Export submission"), _("Exported submission")),
    ("forms.status", _("Change submission status"), _("Changed submission status")),
    ("forms.assign", _("Assign submission"), _("Assigned submission")),
    ("forms.note", _("Add note to submission"), _("Added a note to submission")),
    ("forms.erase", _("Erase submission"), _("Erased submission")),
    (
        "forms.data_protection",
        _("Change form moderators or retention"),
        _("Changed the form's moderators or retention"),
    ),
]


def register_actions(actions):
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)


def log_many(submissions, action, user, data=None):
    """One log entry per submission, written in a single query (exports)."""
    submissions = list(submissions)
    if not submissions:
        return
    content_type = ContentType.objects.get_for_model(submissions[0], for_concrete_model=False)
    now = timezone.now()
    context = get_active_log_context()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(submission.pk),
                label=submission.reference,
                action=action,
                timestamp=now,
                user=user,
                uuid=context.uuid,
                data={"reference": submission.reference, **(data or {})},
            )
            for submission in submissions
        ]
    )
