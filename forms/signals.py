"""Tell a listing's requester when their directory entry is published or needs changes.

A declined request is recorded by the "Decline" action of
:class:`forms.models.DirectoryReviewTask` itself.
"""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, workflow_rejected


def _pending_requests(page_id):
    from forms.models import ListingRequest

    return list(
        ListingRequest.objects.filter(initiative_id=page_id, outcome="").values_list(
            "pk", flat=True
        )
    )


@receiver(page_published)
def listing_published(sender, instance, **kwargs):
    from forms.models import ListingRequest
    from forms.models.listing import list_in_every_language
    from forms.notifications import send_listing_outcome

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
    from forms.notifications import send_listing_changes_requested

    task_state_id = instance.current_task_state_id
    for pk in _pending_requests(instance.object_id):
        transaction.on_commit(
            lambda pk=pk: send_listing_changes_requested.enqueue(pk, task_state_id), robust=True
        )
