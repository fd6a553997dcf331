"""What makes cached pages stale: every change visitors could see.

Page publishing, unpublishing, moving and deleting come from Wagtail's own
signals (draft saves do not count: visitors never see drafts). Everything
else that shapes a public page, from the quick-exit address to images, is
listed in ``content_models()``; apps with models of their own that shape
pages (the taxonomies) add them with ``invalidate_when_changed()`` in their
``AppConfig.ready()``, since this app imports no other.
"""

from django.db.models.signals import post_delete, post_save
from django_tasks.signals import task_finished
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import PortalSettings
from .page_cache import invalidate_all


def content_models():
    return [
        PortalSettings,
        Site,
        Locale,
        PageViewRestriction,
        Redirect,
        get_image_model(),
        get_document_model(),
    ]


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_all()


# Background tasks that change what search result pages show (Wagtail queues its
# search index updates as modelsearch tasks). Wherever they run
# (the worker, usually), the shared cache makes every app server see the change.
SEARCH_TASK_PREFIXES = ("modelsearch.", "wagtail.search.")


def search_task_finished(sender, task_result, **kwargs):
    if task_result.task.module_path.startswith(SEARCH_TASK_PREFIXES):
        invalidate_all()


def invalidate_when_changed(*models):
    """Saving or deleting any of ``models`` makes every cached page stale."""
    for model in models:
        uid = f"page-cache-{model._meta.label_lower}"
        post_save.connect(invalidate_all, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(invalidate_all, sender=model, dispatch_uid=f"{uid}-deleted")


def connect():
    task_finished.connect(search_task_finished, dispatch_uid="page-cache-search-task")
    page_published.connect(invalidate_all, dispatch_uid="page-cache-published")
    page_unpublished.connect(invalidate_all, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(invalidate_all, dispatch_uid="page-cache-moved")
    post_delete.connect(page_deleted, dispatch_uid="page-cache-page-deleted")
    invalidate_when_changed(*content_models())
