"""What both tools share: where they live, how answers reach them, how results are kept private."""

from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.base_page import BasePage

from .private import keep_answers_out_of_error_reports, private_response

# Longest free-text answer accepted; a longer one is an error, not silently cut.
MAX_NOTE_LENGTH = 2000


class ToolPage(BasePage):
    """A tool that takes answers and gives back a result, storing nothing."""

    introduction = models.TextField(
        _("introduction"),
        max_length=1200,
        help_text=_("What the tool is for and where it comes from. Shown above the questions."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def answers_url(self):
        """Where the form posts: a view that may take a post without a CSRF cookie."""
        return reverse("practices_tool_answers", args=[self.pk])

    def serve_page(self, request, *args, **kwargs):
        if request.method == "POST":
            keep_answers_out_of_error_reports(request)
            return private_response(self.serve_answers(request))
        return super().serve_page(request, *args, **kwargs)

    def serve_answers(self, request):
        raise NotImplementedError

    def render_with(self, request, extra):
        context = self.get_context(request)
        context.update(extra)
        # Whatever the answers gave, this page is private: no index, and the date it was made.
        context["noindex"] = True
        context["answered_on"] = timezone.localdate()
        # Answers without an error give the tool's outcome (a result, a summary).
        context["answered"] = not extra.get("error_summary")
        return TemplateResponse(request, self.get_template(request), context)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["answers_url"] = self.answers_url()
        return context
