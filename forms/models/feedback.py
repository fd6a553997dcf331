"""Anonymous feedback from people who used anti-trafficking services (practice O3)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES
from wagtail.fields import StreamField

from core.blocks import BodyBlock
from forms.admin_forms import PresetQuestionsPageForm
from forms.presets import build_fields, feedback_fields

from .base import ModeratedFormPage
from .fields import PortalFormField, field_panels, searchable_questions

# No field type that invites personal data: no email, no date of birth, no
# date (a date of an event can identify someone), no hidden field.
FEEDBACK_FIELD_CHOICES = [
    choice
    for choice in FORM_FIELD_CHOICES
    if choice[0] in {"multiline", "singleline", "radio", "checkboxes", "dropdown", "number"}
]


class FeedbackFormField(PortalFormField):
    page = ParentalKey(
        "forms.FeedbackPage",
        on_delete=models.CASCADE,
        related_name="form_fields",
        help_text=_("The feedback page this topic belongs to."),
    )
    field_type = models.CharField(
        verbose_name=_("field type"),
        max_length=16,
        choices=FEEDBACK_FIELD_CHOICES,
        help_text=_("Feedback forms offer no field type that asks for personal details."),
    )
    field_type.required_on_save = True
    required = models.BooleanField(
        verbose_name=_("required"),
        default=False,
        editable=False,
        help_text=_("Always off: every feedback question may be skipped."),
    )

    panels = [panel for panel in field_panels() if getattr(panel, "field_name", "") != "required"]

    class Meta(PortalFormField.Meta):
        verbose_name = _("feedback topic")
        verbose_name_plural = _("feedback topics")

    def save(self, *args, **kwargs):
        self.required = False
        super().save(*args, **kwargs)


class FeedbackPage(ModeratedFormPage):
    """Anonymous feedback: no name, no email, no IP address is stored."""

    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("introduction for respondents"),
        help_text=_(
            "Who is asking and why, that no names are shared and no personal data is "
            "collected, that any question may be skipped and one can stop at any time."
        ),
    )

    collects_contact_details = False

    content_panels = ModeratedFormPage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        InlinePanel("form_fields", heading=_("Topics"), label=_("Topic")),
        FieldPanel("thank_you_text"),
    ]

    search_fields = ModeratedFormPage.search_fields + [searchable_questions()]

    base_form_class = PresetQuestionsPageForm

    parent_page_types = ["forms.GetInvolvedIndexPage"]
    subpage_types = []
    template = "forms/feedback_page.html"

    class Meta:
        verbose_name = _("feedback page")
        verbose_name_plural = _("feedback pages")

    def get_form_class(self):
        return at_least_one_answer_form(super().get_form_class())

    def preset_form_fields(self):
        return build_fields(FeedbackFormField, feedback_fields())


def at_least_one_answer_form(form_class):
    """``form_class`` refusing an empty form: every question may be skipped, not all of them."""

    class AtLeastOneAnswerForm(form_class):
        def clean(self):
            cleaned_data = super().clean()
            if not self.errors and not any(map(is_answered, self.answers().values())):
                raise ValidationError(
                    _("Answer at least one question before sending: this form is empty."),
                    code="empty",
                )
            return cleaned_data

    return AtLeastOneAnswerForm


def is_answered(value):
    """Whether an answer says something (0 does; an empty box or an unticked one does not)."""
    if value is None or value is False:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple | set):
        return bool(value)
    return True
