"""The content of the tools: sections, items, score bands, questions, guidance."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import BODY_RICH_TEXT_FEATURES


class AssessmentSectionBlock(blocks.StructBlock):
    """A section of the self-assessment: its items, and what helps when it scores low."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=600)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=400),
        label=_("Items"),
        min_num=1,
        help_text=_("Each item is answered Never (0), Sometimes (1) or Always (2)."),
    )
    guidance_at_or_below = blocks.IntegerBlock(
        label=_("Show the guidance at or below this score"),
        min_value=0,
        default=0,
        help_text=_("A section that scores this or less shows the guidance below."),
    )
    guidance = blocks.RichTextBlock(
        label=_("Guidance"), features=BODY_RICH_TEXT_FEATURES, required=False
    )
    practices = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Good practice"), page_type="practices.PracticePage"),
        label=_("Good practices that help"),
        required=False,
        default=[],
    )

    class Meta:
        icon = "list-ol"
        label = _("Section")


class AssessmentSectionsBlock(blocks.StreamBlock):
    section = AssessmentSectionBlock()


class ScoreBandBlock(blocks.StructBlock):
    """What a total in a range means, e.g. 21-30."""

    lowest = blocks.IntegerBlock(label=_("From (total score)"), min_value=0)
    highest = blocks.IntegerBlock(label=_("To (total score)"), min_value=0)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("What it means"), required=False, max_length=800)

    class Meta:
        icon = "order"
        label = _("Score band")


class ScoreBandsBlock(blocks.StreamBlock):
    band = ScoreBandBlock()


class ChecklistQuestionBlock(blocks.StructBlock):
    topic = blocks.CharBlock(label=_("Topic"), max_length=120, help_text=_("For example Problem."))
    question = blocks.TextBlock(label=_("Question"), max_length=800)

    class Meta:
        icon = "help"
        label = _("Question")


class ChecklistHeadingBlock(blocks.StructBlock):
    """One heading of the transferability checklist (relevance, applicability, context)."""

    title = blocks.CharBlock(label=_("Heading"), max_length=200)
    questions = blocks.ListBlock(ChecklistQuestionBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Heading")


class ChecklistHeadingsBlock(blocks.StreamBlock):
    heading = ChecklistHeadingBlock()
