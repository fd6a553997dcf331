"""Admin URLs of the moderation queue, under /admin/submissions/."""

from django.urls import path

from .views.queue import SubmissionQueueView
from .views.submission import EraseSubmissionView, SubmissionDetailView
from .views.tools import BalanceView, ErasePersonView, ExportView

app_name = "forms_moderation"
urlpatterns = [
    path("", SubmissionQueueView.as_view(), name="queue"),
    path("results/", SubmissionQueueView.as_view(results_only=True), name="queue_results"),
    path("form/<uuid:form_key>/", SubmissionQueueView.as_view(), name="form_queue"),
    path(
        "form/<uuid:form_key>/results/",
        SubmissionQueueView.as_view(results_only=True),
        name="form_queue_results",
    ),
    path("form/<uuid:form_key>/export/", ExportView.as_view(), name="export"),
    path("form/<uuid:form_key>/balance/", BalanceView.as_view(), name="balance"),
    path("erase/", ErasePersonView.as_view(), name="erase_person"),
    path("<int:pk>/", SubmissionDetailView.as_view(), name="detail"),
    path("<int:pk>/erase/", EraseSubmissionView.as_view(), name="erase"),
]
