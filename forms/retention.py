"""Retention: submissions are deleted once their form's retention period ends."""

import logging

from django.utils import timezone

from forms.models import ModeratedSubmission
from forms.moderation import moderated_page_models

logger = logging.getLogger(__name__)


def expired_submissions_by_page(now=None):
    """(page, queryset of its expired submissions) for every moderated form page."""
    now = now or timezone.now()
    for model in moderated_page_models():
        for page in model.objects.all().only(
            "pk", "title", "closes_at", "retention_months", "locale_id"
        ):
            cutoff = page.retention_cutoff(now)
            if cutoff is None:
                continue
            expired = ModeratedSubmission.objects.filter(page_id=page.pk, submit_time__lt=cutoff)
            if page.closes_at:
                expired = ModeratedSubmission.objects.filter(page_id=page.pk)
            yield page, expired


def purge_expired_submissions(now=None, dry_run=False):
    """Delete expired submissions; return {page id: count}. Logs counts only."""
    counts = {}
    for page, expired in expired_submissions_by_page(now):
        count = expired.count() if dry_run else expired.erase(reason="retention")
        if count:
            counts[page.pk] = count
            logger.info("Retention: %s expired submission(s) of form page %s.", count, page.pk)
    return counts
