"""Admin URLs of the moderation queue, under /admin/submissions/."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path

from .views.appointment import DataProtectionView
from .views.queue import SubmissionQueueView
from .views.submission import EraseSubmissionView, SubmissionDetailView
from .views.tools import BalanceView, ErasePersonView, ExportView


def moderators_only(view):
    """Answer 403 to anyone who does not moderate the form.

    Wagtail turns PermissionDenied into a redirect to the dashboard; here the
    refusal is explicit, and says nothing about the submission.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return TemplateResponse(request, "forms/admin/forbidden.html", status=403)

    return wrapped


def moderation_view(view_class, **initkwargs):
    return moderators_only(view_class.as_view(**initkwargs))


app_name = "forms_moderation"
urlpatterns = [
    path("", moderation_view(SubmissionQueueView), name="queue"),
    path(
        "results/",
        moderation_view(SubmissionQueueView, results_only=True),
        name="queue_results",
    ),
    path("form/<uuid:form_key>/", moderation_view(SubmissionQueueView), name="form_queue"),
    path(
        "form/<uuid:form_key>/results/",
        moderation_view(SubmissionQueueView, results_only=True),
        name="form_queue_results",
    ),
    path("form/<uuid:form_key>/export/", moderation_view(ExportView), name="export"),
    path("form/<uuid:form_key>/balance/", moderation_view(BalanceView), name="balance"),
    path(
        "form/<uuid:form_key>/data-protection/",
        moderation_view(DataProtectionView),
        name="data_protection",
    ),
    path("erase/", moderation_view(ErasePersonView), name="erase_person"),
    path("<int:pk>/", moderation_view(SubmissionDetailView), name="detail"),
    path("<int:pk>/erase/", moderation_view(EraseSubmissionView), name="erase"),
]
