"""Blocks for good-practice pages: numbered steps, documents, examples."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from core.blocks import BODY_RICH_TEXT_FEATURES

# Named, not imported: the directory and the good practices import nothing of each other.
INITIATIVE_PAGE_TYPE = "initiatives.InitiativePage"


class StepBlock(blocks.StructBlock):
    """One step of a practice. Steps are numbered in the order editors put them."""

    title = blocks.CharBlock(label=_("Step"), max_length=200)
    description = blocks.RichTextBlock(
        label=_("What to do"), features=BODY_RICH_TEXT_FEATURES, required=False
    )
    checklist = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300),
        label=_("Checklist"),
        required=False,
        default=[],
        help_text=_("Optional things to check before moving on."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "practices/blocks/step_block.html"


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("What it is for"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Document")


class TemplateBlock(blocks.StructBlock):
    """A template described in place, such as the list of an advisory body's functions."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    content = blocks.RichTextBlock(label=_("Content"), features=BODY_RICH_TEXT_FEATURES)

    class Meta:
        icon = "form"
        label = _("Template")


class ExternalResourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Address"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        icon = "link"
        label = _("Link elsewhere")


class ResourcesBlock(blocks.StreamBlock):
    document = DocumentLinkBlock()
    template = TemplateBlock()
    link = ExternalResourceBlock()


class InitiativeExampleBlock(blocks.StructBlock):
    initiative = blocks.PageChooserBlock(label=_("Initiative"), page_type=INITIATIVE_PAGE_TYPE)
    note = blocks.TextBlock(
        label=_("How it illustrates this practice"), required=False, max_length=500
    )

    class Meta:
        icon = "group"
        label = _("Initiative in the directory")


class InlineExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Description"), features=BODY_RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-empty"
        label = _("Example described here")


class ExamplesBlock(blocks.StreamBlock):
    initiative = InitiativeExampleBlock()
    inline = InlineExampleBlock()
