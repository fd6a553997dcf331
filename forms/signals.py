"""Tell a listing's requester when their directory entry is published or declined."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, workflow_rejected


def _record_outcome(page_id, outcome):
    from forms.models import ListingRequest
    from forms.notifications import send_listing_outcome

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
    from forms.models import ListingRequest

    _record_outcome(instance.pk, ListingRequest.PUBLISHED)


@receiver(workflow_rejected)
def listing_declined(sender, instance, **kwargs):
    from forms.models import ListingRequest

    _record_outcome(instance.object_id, ListingRequest.DECLINED)
