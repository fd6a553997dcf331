"""Consultation calls to survivor-led organisations and individuals (practice O1)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyBlock
from forms.formbuilder import anonymous_answers_form

from .base import ModeratedFormPage
from .fields import PortalFormField, field_panels, searchable_questions


class ConsultationPurpose(models.TextChoices):
    PROCEDURES = "procedures", _("Relevance of procedures and standard operating procedures")
    SERVICES = "services", _("Improving services and procedures")
    PREVENTION = "prevention", _("Messages and targeting of prevention campaigns")
    OTHER = "other", _("Another purpose")


class ConsultationType(models.TextChoices):
    WORKING_MEETING = "working_meeting", _("Working meeting")
    WRITTEN_INPUT = "written_input", _("Written input on a procedure or document")
    QUESTIONNAIRE = "questionnaire", _("Questionnaire")


class ConsultationFrequency(models.TextChoices):
    YEARLY = "yearly", _("Once a year, in the reporting period")
    FIXED = "fixed", _("On a fixed schedule agreed in advance")
    AD_HOC = "ad_hoc", _("Ad hoc, on an urgent issue")


class ConsultationFormField(PortalFormField):
    page = ParentalKey(
        "forms.ConsultationCallPage",
        on_delete=models.CASCADE,
        related_name="form_fields",
        help_text=_("The call this question belongs to."),
    )
    identifies_respondent = models.BooleanField(
        _("identifies the respondent"),
        default=False,
        help_text=_(
            "Tick for name, email, phone or organisation. When the call allows anonymous "
            "answers and someone chooses to answer anonymously, this answer is not asked "
            "for and not stored."
        ),
    )

    panels = field_panels("identifies_respondent")
    override_translatable_fields = [
        *PortalFormField.override_translatable_fields,
        SynchronizedField("identifies_respondent", overridable=False),
    ]

    class Meta(PortalFormField.Meta):
        verbose_name = _("consultation question")
        verbose_name_plural = _("consultation questions")


class ConsultationCallPage(ModeratedFormPage):
    """A call for input: what is asked, how, how often, and until when."""

    purpose = models.CharField(
        _("purpose"),
        max_length=20,
        choices=ConsultationPurpose.choices,
        help_text=_("What the consultation is for."),
    )
    consultation_type = models.CharField(
        _("type"),
        max_length=20,
        choices=ConsultationType.choices,
        help_text=_("How people take part."),
    )
    frequency = models.CharField(
        _("frequency"),
        max_length=20,
        choices=ConsultationFrequency.choices,
        help_text=_("How often this consultation takes place."),
    )
    schedule = models.CharField(
        _("schedule"),
        max_length=200,
        blank=True,
        help_text=_("For a fixed schedule: for example 'quarterly' or 'in March and October'."),
    )
    allow_anonymous = models.BooleanField(
        _("allow anonymous answers"),
        default=False,
        help_text=_(
            "People may leave out the questions marked as identifying them, and nothing "
            "that identifies them is stored."
        ),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("details"),
        help_text=_("What is being consulted on, background documents, how answers are used."),
    )

    content_panels = ModeratedFormPage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("purpose"),
                FieldPanel("consultation_type"),
                FieldPanel("frequency"),
                FieldPanel("schedule"),
                FieldPanel("allow_anonymous"),
            ],
            heading=_("The consultation"),
        ),
        ModeratedFormPage.dates_panel,
        FieldPanel("body"),
        InlinePanel("form_fields", heading=_("Questions"), label=_("Question")),
        FieldPanel("thank_you_text"),
    ]
    search_fields = ModeratedFormPage.search_fields + [searchable_questions()]
    override_translatable_fields = [
        *ModeratedFormPage.override_translatable_fields,
        SynchronizedField("purpose", overridable=False),
        SynchronizedField("consultation_type", overridable=False),
        SynchronizedField("frequency", overridable=False),
        SynchronizedField("allow_anonymous", overridable=False),
    ]

    parent_page_types = ["forms.GetInvolvedIndexPage"]
    subpage_types = []
    template = "forms/consultation_call_page.html"

    class Meta:
        verbose_name = _("consultation call")
        verbose_name_plural = _("consultation calls")

    def identifying_field_names(self):
        return {field.clean_name for field in self.get_form_fields() if field.identifies_respondent}

    def get_form_class(self):
        form_class = super().get_form_class()
        if self.allow_anonymous:
            return anonymous_answers_form(form_class, self.identifying_field_names())
        return form_class
