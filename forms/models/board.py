"""Calls for members of a survivor advisory body."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyBlock
from forms.admin_forms import PresetQuestionsPageForm
from forms.presets import board_application_fields, build_fields

from .base import ModeratedFormPage
from .fields import BALANCE_DIMENSIONS, PortalFormField, field_panels, searchable_questions


class BoardApplicationFormField(PortalFormField):
    page = ParentalKey(
        "forms.BoardApplicationPage",
        on_delete=models.CASCADE,
        related_name="form_fields",
        help_text=_("The call this question belongs to."),
    )
    balance_dimension = models.CharField(
        _("counts towards balance by"),
        max_length=16,
        blank=True,
        choices=BALANCE_DIMENSIONS,
        help_text=_(
            "Answers to this question are counted in the balance view of shortlisted and "
            "accepted applicants. Use it for one gender, one country and one expertise question."
        ),
    )

    panels = field_panels("balance_dimension")
    override_translatable_fields = [
        *PortalFormField.override_translatable_fields,
        SynchronizedField("balance_dimension", overridable=False),
    ]

    class Meta(PortalFormField.Meta):
        verbose_name = _("application question")
        verbose_name_plural = _("application questions")


class BoardApplicationPage(ModeratedFormPage):
    """A call for members of a survivor advisory body.

    Shows the terms of reference, the selection criteria and the deadline,
    and closes itself at the deadline. New pages start with the questions of
    the guide's application form, minimised (see ``forms.presets``).
    """

    body_name = models.CharField(
        _("name of the advisory body"),
        max_length=200,
        help_text=_("For example: Survivor Advisory Board of the National Referral Mechanism."),
    )
    is_example = models.BooleanField(
        _("this is an example"),
        default=False,
        help_text=_("Shows a clear notice that this call is an example, not a real call."),
    )
    terms_of_reference = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("terms of reference"),
        help_text=_("What the body does, how often it meets, mandates, what members receive."),
    )
    selection_criteria = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("selection criteria"),
        help_text=_("How members are chosen: lived experience, expertise, participation, balance."),
    )

    content_panels = ModeratedFormPage.content_panels + [
        FieldPanel("body_name"),
        FieldPanel("is_example"),
        FieldPanel("introduction"),
        ModeratedFormPage.dates_panel,
        FieldPanel("terms_of_reference"),
        FieldPanel("selection_criteria"),
        InlinePanel("form_fields", heading=_("Application form"), label=_("Question")),
        FieldPanel("thank_you_text"),
    ]
    search_fields = ModeratedFormPage.search_fields + [
        index.SearchField("body_name"),
        searchable_questions(),
    ]
    override_translatable_fields = [
        *ModeratedFormPage.override_translatable_fields,
        SynchronizedField("is_example", overridable=False),
    ]

    base_form_class = PresetQuestionsPageForm

    parent_page_types = ["forms.GetInvolvedIndexPage"]
    subpage_types = []
    template = "forms/board_application_page.html"

    class Meta:
        verbose_name = _("advisory board call")
        verbose_name_plural = _("advisory board calls")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if not self.closes_at:
            raise ValidationError({"closes_at": _("A call for members needs a deadline.")})

    def balance_fields(self):
        return {
            field.balance_dimension: field
            for field in self.get_form_fields()
            if field.balance_dimension
        }

    def preset_form_fields(self):
        return build_fields(BoardApplicationFormField, board_application_fields())
