"""Form-builder fields that wagtail-localize can translate.

Wagtail's :class:`AbstractFormField` is not translatable: each translation of a
form page would share, or lose, its fields. These fields carry
``TranslatableMixin`` (``locale`` and ``translation_key``), so labels, help
texts, choices and default values are translated with the page, while what
submissions are keyed on (``clean_name``) and what shapes validation
(``field_type``, ``required``) stay synchronised with the source page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractFormField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

# Wagtail's field types, less "hidden" (a form here never carries data the
# person cannot see), plus two of the portal's own.
PORTAL_FIELD_CHOICES = [choice for choice in FORM_FIELD_CHOICES if choice[0] != "hidden"] + [
    ("date_of_birth", _("Date of birth")),
    ("today", _("Today's date (must be today)")),
    ("self_described", _("Choice or own words")),
]


class PortalFormField(TranslatableMixin, AbstractFormField):
    """One question of a form page, translatable with the page."""

    field_type = models.CharField(
        verbose_name=_("field type"),
        max_length=16,
        choices=PORTAL_FIELD_CHOICES,
        help_text=_(
            "How the question is answered. 'Choice or own words' offers the choices "
            "below, 'Prefer not to say' and a box to answer in the person's own words."
        ),
    )
    field_type.required_on_save = True
    required = models.BooleanField(
        verbose_name=_("required"),
        default=True,
        help_text=_("Ask for an answer only when the call really needs it."),
    )
    help_text = models.CharField(
        verbose_name=_("help text"),
        max_length=255,
        blank=True,
        help_text=_("A hint shown under the question, for example why it is asked."),
    )

    override_translatable_fields = [
        # Submissions are stored under clean_name: every translation must use the same.
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        abstract = True

    def __str__(self):
        return self.label


BALANCE_DIMENSIONS = [
    ("gender", _("Gender")),
    ("country", _("Country")),
    ("expertise", _("Expertise")),
]


def field_panels(*extra):
    return [*AbstractFormField.panels, *[FieldPanel(name) for name in extra]]


def searchable_questions():
    """A form page's questions in its search fields: a call is found by what it asks."""
    return index.RelatedFields(
        "form_fields", [index.SearchField("label"), index.SearchField("help_text")]
    )
