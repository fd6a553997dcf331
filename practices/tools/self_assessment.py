"""The self-assessment of survivor-informed practice (the guide's Annex 4.1).

Each item is answered Never (0), Sometimes (1) or Always (2); a section's
score is the sum of its items, the total the sum of the sections. Scoring
happens here, on the server, so the tool works without JavaScript.
"""

import string
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from core.localization import localized_versions

from .base import ToolPage
from .blocks import AssessmentSectionsBlock, ScoreBandsBlock

NEVER, SOMETIMES, ALWAYS = 0, 1, 2
ANSWER_LABEL_HELP = _("How this answer is worded for visitors.")
SCALE = (NEVER, SOMETIMES, ALWAYS)


@dataclass
class Item:
    name: str  # the form field: "item-<section>-<item>", the same in every language
    label: str  # "A1"
    text: str
    answer: int | None = None
    answer_label: str = ""
    error: str = ""


@dataclass
class Section:
    letter: str
    title: str
    description: str
    items: list[Item]
    guidance_at_or_below: int
    guidance: object
    practices: list
    score: int = 0

    @property
    def maximum(self):
        return len(self.items) * ALWAYS

    @property
    def needs_guidance(self):
        return self.score <= self.guidance_at_or_below


@dataclass
class Result:
    sections: list[Section]
    total: int
    maximum: int
    band: object = None
    weak_sections: list[Section] = field(default_factory=list)


# Sections are lettered in the reader's alphabet (А, Б, В on a Cyrillic page:
# a Latin "A" there is the wrong script).
ALPHABETS = {
    "mk": "АБВГДЃЕЖЗЅИЈКЛЉМНЊОПРСТЌУФХЦЧЏШ",
    "sr-cyrl": "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ",
}


def section_letter(index):
    letters = ALPHABETS.get(get_language(), string.ascii_uppercase)
    return letters[index] if index < len(letters) else str(index + 1)


def build_sections(stream):
    """The page's sections with numbered items, in the order editors put them."""
    sections = []
    blocks = [block for block in stream if block.block_type == "section"]
    # Every section's practices in the reader's language, in one query for all.
    shown = localized_versions([page for block in blocks for page in block.value["practices"]])
    for number, block in enumerate(blocks):
        letter = section_letter(number)
        value = block.value
        items = [
            Item(
                name=f"item-{number + 1}-{position + 1}", label=f"{letter}{position + 1}", text=text
            )
            for position, text in enumerate(value["items"])
        ]
        sections.append(
            Section(
                letter=letter,
                title=value["title"],
                description=value["description"],
                items=items,
                guidance_at_or_below=value["guidance_at_or_below"] or 0,
                guidance=value["guidance"],
                practices=[
                    shown[page.pk]
                    for page in value["practices"]
                    if page is not None and shown[page.pk] is not None
                ],
            )
        )
    return sections


def read_answers(sections, data):
    """Put each posted answer on its item; return the items left unanswered (or tampered with)."""
    missing = []
    for section in sections:
        for item in section.items:
            raw = data.get(item.name, "")
            if raw in {str(value) for value in SCALE}:
                item.answer = int(raw)
            else:
                item.error = str(_("Choose never, sometimes or always for this item."))
                missing.append(item)
    return missing


def score(sections, bands=()):
    """Each section's score and the total; the band the total falls in; the weak sections."""
    for section in sections:
        section.score = sum(item.answer or 0 for item in section.items)
    total = sum(section.score for section in sections)
    band = next((band for band in bands if band["lowest"] <= total <= band["highest"]), None)
    return Result(
        sections=sections,
        total=total,
        maximum=sum(section.maximum for section in sections),
        band=band,
        weak_sections=[section for section in sections if section.needs_guidance],
    )


class SelfAssessmentPage(ToolPage):
    """An interactive self-assessment: items in sections, scored, with guidance."""

    instructions = models.TextField(
        _("instructions"),
        blank=True,
        max_length=800,
        help_text=_("How to answer, shown just above the first section."),
    )
    never_label = models.CharField(
        _("label for 0"), max_length=40, default="Never", help_text=ANSWER_LABEL_HELP
    )
    sometimes_label = models.CharField(
        _("label for 1"), max_length=40, default="Sometimes", help_text=ANSWER_LABEL_HELP
    )
    always_label = models.CharField(
        _("label for 2"), max_length=40, default="Always", help_text=ANSWER_LABEL_HELP
    )
    sections = StreamField(
        AssessmentSectionsBlock(),
        verbose_name=_("sections"),
        help_text=_(
            "Lettered A, B, C... in this order; items are numbered within each section. "
            "Adding or removing items changes the maximum score."
        ),
    )
    bands = StreamField(
        ScoreBandsBlock(),
        blank=True,
        verbose_name=_("score bands"),
        help_text=_("What a total score means. The first band that contains the total is shown."),
    )

    content_panels = ToolPage.content_panels + [
        FieldPanel("instructions"),
        MultiFieldPanel(
            [FieldPanel("never_label"), FieldPanel("sometimes_label"), FieldPanel("always_label")],
            heading=_("Answers"),
        ),
        FieldPanel("sections"),
        FieldPanel("bands"),
    ]
    search_fields = ToolPage.search_fields

    template = "practices/tools/self_assessment_page.html"

    class Meta:
        verbose_name = _("self-assessment")

    def choices(self):
        return [
            (NEVER, "never", self.never_label),
            (SOMETIMES, "sometimes", self.sometimes_label),
            (ALWAYS, "always", self.always_label),
        ]

    def answer_label(self, answer):
        return {value: label for value, _slug, label in self.choices()}.get(answer, "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("sections", build_sections(self.sections))
        context["choices"] = self.choices()
        return context

    def serve_answers(self, request):
        sections = build_sections(self.sections)
        missing = read_answers(sections, request.POST)
        for section in sections:
            for item in section.items:
                item.answer_label = self.answer_label(item.answer)
        extra = {
            "sections": sections,
            "error_summary": [
                {"target": f"{item.name}-never", "label": item.label, "message": item.error}
                for item in missing
            ],
        }
        if not missing:
            extra["result"] = score(sections, [block.value for block in self.bands])
        return self.render_with(request, extra)
