"""The "Get involved" section: open calls, consultations and feedback."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.base_page import BasePage
from core.blocks import BodyBlock

from .base import FormState


class GetInvolvedIndexPage(BasePage):
    """Lists the form pages under it, open calls first."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("A short summary shown under the title and in search results."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Shown under the list of calls."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "forms.BoardApplicationPage",
        "forms.ConsultationCallPage",
        "forms.FeedbackPage",
    ]
    max_count_per_parent = 1
    template = "forms/get_involved_index_page.html"

    class Meta:
        verbose_name = _("get-involved index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        calls = list(self.get_children().live().public().specific().order_by("path"))
        states = {call.pk: call.form_state() for call in calls if hasattr(call, "form_state")}
        context["open_calls"] = [c for c in calls if states.get(c.pk) == FormState.OPEN]
        context["closed_calls"] = [
            c for c in calls if states.get(c.pk, FormState.OPEN) != FormState.OPEN
        ]
        return context
