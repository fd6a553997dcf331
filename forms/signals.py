"""What follows a stored submission or a decided directory listing.

- A committed submission queues its notifications.
- The requester of a listing is told when their directory entry is published
  or declined.
"""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, workflow_rejected

from forms.models import ListingRequest
from forms.models.base import submission_stored
from forms.notifications import queue_notifications, send_listing_outcome


@receiver(submission_stored)
def submission_committed(sender, submission, **kwargs):
    queue_notifications(submission)


def _record_outcome(page_id, outcome):
    requests = list(
        ListingRequest.objects.filter(initiative_id=page_id, outcome="").values_list(
            "pk", flat=True
        )
    )
    ListingRequest.objects.filter(pk__in=requests).update(outcome=outcome)
    for pk in requests:
        transaction.on_commit(lambda pk=pk: send_listing_outcome.enqueue(pk), robust=True)


@receiver(page_published)
def listing_published(sender, instance, **kwargs):
    _record_outcome(instance.pk, ListingRequest.PUBLISHED)


@receiver(workflow_rejected)
def listing_declined(sender, instance, **kwargs):
    _record_outcome(instance.object_id, ListingRequest.DECLINED)
