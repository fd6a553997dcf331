"""What follows a stored submission or a reviewed directory listing.

- A committed submission queues its notifications.
- The requester of a listing is told when their directory entry is published
  (it then appears in every language) or when an editor requests changes. A
  declined request is recorded by the "Decline" action of
  :class:`forms.models.DirectoryReviewTask` itself.
"""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, workflow_rejected

from forms.models import ListingRequest
from forms.models.base import submission_stored
from forms.models.listing import list_in_every_language
from forms.notifications import (
    queue_notifications,
    send_listing_changes_requested,
    send_listing_outcome,
)


@receiver(submission_stored)
def submission_committed(sender, submission, **kwargs):
    queue_notifications(submission)


def _pending_requests(page_id):
    return list(
        ListingRequest.objects.filter(initiative_id=page_id, outcome="").values_list(
            "pk", flat=True
        )
    )


@receiver(page_published)
def listing_published(sender, instance, **kwargs):
    requests = _pending_requests(instance.pk)
    if not requests:
        return
    ListingRequest.objects.filter(pk__in=requests).update(outcome=ListingRequest.PUBLISHED)
    list_in_every_language(instance.specific)
    for pk in requests:
        transaction.on_commit(lambda pk=pk: send_listing_outcome.enqueue(pk), robust=True)


@receiver(workflow_rejected)
def listing_changes_requested(sender, instance, **kwargs):
    """ "Request changes": the request stays open; the requester gets the editor's comment."""
    task_state_id = instance.current_task_state_id
    for pk in _pending_requests(instance.object_id):
        transaction.on_commit(
            lambda pk=pk: send_listing_changes_requested.enqueue(pk, task_state_id), robust=True
        )
