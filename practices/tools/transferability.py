"""The transferability checklist (the guide's Annex 1.1): could this practice work here?

Questions under three headings (relevance, applicability, context), each
answered yes, partly or no, with notes. The result is a summary to print and
keep; nothing is scored and nothing is stored.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from .base import MAX_NOTE_LENGTH, ToolPage
from .blocks import ChecklistHeadingsBlock
from .self_assessment import ANSWER_LABEL_HELP

YES, PARTLY, NO = "yes", "partly", "no"
PRACTICE_PARAMETER = "practice"


@dataclass
class Question:
    name: str  # "question-<heading>-<question>"; the notes field is name + "-notes"
    topic: str
    text: str
    answer: str = ""
    answer_label: str = ""
    notes: str = ""
    error: str = ""

    @property
    def notes_name(self):
        return f"{self.name}-notes"


@dataclass
class Heading:
    title: str
    questions: list[Question]

    def count(self, answer):
        return sum(1 for question in self.questions if question.answer == answer)

    @property
    def yes(self):
        return self.count(YES)

    @property
    def partly(self):
        return self.count(PARTLY)

    @property
    def no(self):
        return self.count(NO)

    @property
    def unanswered(self):
        return self.count("")


def build_headings(stream):
    headings = []
    for number, block in enumerate(block for block in stream if block.block_type == "heading"):
        questions = [
            Question(
                name=f"question-{number + 1}-{position + 1}",
                topic=question["topic"],
                text=question["question"],
            )
            for position, question in enumerate(block.value["questions"])
        ]
        headings.append(Heading(title=block.value["title"], questions=questions))
    return headings


def read_answers(headings, data, labels):
    """Put each answer and note on its question; return the questions with an error."""
    wrong = []
    for heading in headings:
        for question in heading.questions:
            answer = data.get(question.name, "")
            question.notes = data.get(question.notes_name, "").strip()
            if answer in labels:
                question.answer = answer
                question.answer_label = labels[answer]
            elif answer:
                question.error = str(_("Choose yes, partly or no, or leave it blank."))
            if len(question.notes) > MAX_NOTE_LENGTH:
                question.error = str(
                    _("Keep your notes under %(limit)s characters.") % {"limit": MAX_NOTE_LENGTH}
                )
            if question.error:
                wrong.append(question)
    return wrong


def anything_answered(headings, description):
    return bool(description) or any(
        question.answer or question.notes for heading in headings for question in heading.questions
    )


def practice_named(raw_id, locale):
    """The good practice ``?practice=<id>`` names, in the visitor's language; else None.

    Anything but the id of a live, public good practice is ignored: a mistyped
    address shows the checklist without a practice, never an error.
    """
    # practices.models imports this module, so PracticePage is reached once both are loaded.
    from practices.models import PracticePage

    if not str(raw_id or "").isdigit():
        return None
    practice = PracticePage.objects.live().public().filter(pk=int(raw_id)).first()
    if practice is None:
        return None
    translated = practice.get_translation_or_none(locale)
    if translated is not None and translated.live:
        return translated
    return practice


class TransferabilityChecklistPage(ToolPage):
    """Whether a good practice could work in another context, question by question."""

    yes_label = models.CharField(
        _("label for yes"), max_length=40, default="Yes", help_text=ANSWER_LABEL_HELP
    )
    partly_label = models.CharField(
        _("label for partly"), max_length=40, default="Partly", help_text=ANSWER_LABEL_HELP
    )
    no_label = models.CharField(
        _("label for no"), max_length=40, default="No", help_text=ANSWER_LABEL_HELP
    )
    headings = StreamField(
        ChecklistHeadingsBlock(),
        verbose_name=_("headings and questions"),
        help_text=_("Each heading with its questions, in the order visitors answer them."),
    )

    content_panels = ToolPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("yes_label"), FieldPanel("partly_label"), FieldPanel("no_label")],
            heading=_("Answers"),
        ),
        FieldPanel("headings"),
    ]
    search_fields = ToolPage.search_fields

    template = "practices/tools/transferability_checklist_page.html"

    class Meta:
        verbose_name = _("transferability checklist")

    def labels(self):
        return {YES: self.yes_label, PARTLY: self.partly_label, NO: self.no_label}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = request.POST if request.method == "POST" else request.GET
        context["practice"] = practice_named(source.get(PRACTICE_PARAMETER), self.locale)
        context["headings"] = build_headings(self.headings)
        context["choices"] = list(self.labels().items())
        return context

    def serve_answers(self, request):
        headings = build_headings(self.headings)
        description = request.POST.get("description", "").strip()
        wrong = read_answers(headings, request.POST, self.labels())
        description_error = ""
        if len(description) > MAX_NOTE_LENGTH:
            description_error = _("Keep the description under %(limit)s characters.") % {
                "limit": MAX_NOTE_LENGTH
            }
        form_error = ""
        if not wrong and not description_error and not anything_answered(headings, description):
            form_error = _("Answer at least one question to get a summary.")
        summary = []
        if form_error:
            summary.append({"target": "form-errors", "label": "", "message": form_error})
        if description_error:
            summary.append({"target": "description", "label": "", "message": description_error})
        summary += [
            {"target": f"{question.name}-{YES}", "label": question.topic, "message": question.error}
            for question in wrong
        ]
        return self.render_with(
            request,
            {
                "headings": headings,
                "description": description,
                "description_error": description_error,
                "form_error": form_error,
                "error_summary": summary,
                "summary": not summary,
            },
        )
