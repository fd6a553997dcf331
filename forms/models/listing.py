"""Self-listing: a survivor organisation asks to appear in the directory.

A valid request becomes a *draft* ``InitiativePage`` under the directory,
submitted to the "Directory review" workflow: nothing is public until an
editor approves and publishes it. The requester is emailed when the request
arrives (the usual confirmation) and when the entry is published or declined.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from forms.formbuilder import SINGLE_LINE_MAX_LENGTH, LimitedCharField, PublicForm
from initiatives.models import InitiativePage
from taxonomy.models import KOSOVO_CODE, AreaOfWork, Country, InitiativeType, WorkingLanguage
from taxonomy.names import display_name

from .base import ModeratedFormPage
from .submissions import ModeratedSubmission

REVIEW_WORKFLOW_NAME = "Directory review"
REVIEWERS_GROUP = "Moderators"


def default_language_items(model):
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("name")


class TaxonomyChoiceMixin:
    """Choices stored in the default language, named in the visitor's."""

    def label_from_instance(self, obj):
        return display_name(obj)


class TaxonomyChoiceField(TaxonomyChoiceMixin, forms.ModelChoiceField):
    pass


class TaxonomyMultipleChoiceField(TaxonomyChoiceMixin, forms.ModelMultipleChoiceField):
    pass


class ListingRequestForm(PublicForm):
    """The directory's fields, as an organisation describes itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        multiple = {"required": False, "widget": forms.CheckboxSelectMultiple}
        fields = {
            "organisation_name": LimitedCharField(
                label=_("Name of the organisation"), max_length=SINGLE_LINE_MAX_LENGTH
            ),
            "acronym": LimitedCharField(label=_("Acronym"), max_length=20, required=False),
            "summary": LimitedCharField(
                label=_("Short summary"),
                max_length=300,
                widget=forms.Textarea,
                help_text=_("What you do, in up to 300 characters. Shown in the directory."),
            ),
            "initiative_type": TaxonomyChoiceField(
                label=_("Type"), queryset=default_language_items(InitiativeType)
            ),
            "countries": TaxonomyMultipleChoiceField(
                label=_("Countries where you work"),
                queryset=default_language_items(Country),
                **multiple,
            ),
            "languages": TaxonomyMultipleChoiceField(
                label=_("Languages of work"),
                queryset=default_language_items(WorkingLanguage),
                **multiple,
            ),
            "areas": TaxonomyMultipleChoiceField(
                label=_("Areas of work"), queryset=default_language_items(AreaOfWork), **multiple
            ),
            "year_founded": forms.IntegerField(
                label=_("Year founded"), required=False, min_value=1900, max_value=2100
            ),
            "leadership_statement": LimitedCharField(
                label=_("How survivors lead your organisation"),
                max_length=2000,
                widget=forms.Textarea,
                help_text=_("Plain words on the roles people with lived experience hold."),
            ),
            "website": forms.URLField(label=_("Website"), required=False, assume_scheme="https"),
            "contact_email": forms.EmailField(
                label=_("Public contact email"),
                required=False,
                help_text=_("Shown in the directory. Only an address you agree to publish."),
            ),
            "requester_email": forms.EmailField(
                label=_("Your email address"),
                help_text=_(
                    "Not published. We write to it when your request arrives and when it is "
                    "published or declined."
                ),
            ),
            "consent": forms.BooleanField(
                label=_("I may speak for this organisation and agree to this entry"),
                help_text=_("An editor checks every request before anything is published."),
            ),
        }
        self.fields.update(fields)
        self.order_fields(list(fields))

    def answers(self):
        answers = super().answers()
        for name in ("initiative_type", "countries", "languages", "areas"):
            value = answers.get(name)
            if hasattr(value, "pk"):
                answers[name] = value.name
            elif value is not None:
                answers[name] = [item.name for item in value]
        return answers


ANSWER_LABELS = [
    ("organisation_name", _("Name of the organisation")),
    ("acronym", _("Acronym")),
    ("summary", _("Short summary")),
    ("initiative_type", _("Type")),
    ("countries", _("Countries where you work")),
    ("languages", _("Languages of work")),
    ("areas", _("Areas of work")),
    ("year_founded", _("Year founded")),
    ("leadership_statement", _("How survivors lead your organisation")),
    ("website", _("Website")),
    ("contact_email", _("Public contact email")),
    ("requester_email", _("Your email address")),
    ("consent", _("Consent")),
]


class InitiativeListingRequestPage(ModeratedFormPage):
    """The public form through which organisations ask to be listed."""

    content_panels = ModeratedFormPage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("thank_you_text"),
    ]
    edit_handler = ModeratedFormPage.build_edit_handler(content_panels)

    parent_page_types = ["initiatives.InitiativeIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "forms/initiative_listing_request_page.html"

    class Meta:
        verbose_name = _("directory listing request page")

    def get_form_fields(self):
        return []

    def mentions_kosovo(self):
        # The countries to choose from come from the taxonomy, Kosovo among them.
        return Country.objects.filter(code=KOSOVO_CODE).exists()

    def get_form_class(self):
        return ListingRequestForm

    def answer_labels(self):
        return [(name, str(label)) for name, label in ANSWER_LABELS]

    def contact_email_field_names(self):
        return ["requester_email"]

    def after_submission_saved(self, submission, form):
        initiative = create_draft_initiative(self.get_parent().specific, form.cleaned_data)
        ListingRequest.objects.create(submission=submission, initiative=initiative)
        submit_for_review(initiative)


def unique_slug(parent, name):
    base = slugify(name)[:70] or "organisation"
    slug, number = base, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def create_draft_initiative(directory, data):
    initiative = InitiativePage(
        title=data["organisation_name"],
        slug=unique_slug(directory, data["organisation_name"]),
        acronym=data.get("acronym", ""),
        summary=data["summary"],
        initiative_type=data["initiative_type"],
        year_founded=data.get("year_founded"),
        leadership_statement=data["leadership_statement"],
        website=data.get("website", ""),
        contact_email=data.get("contact_email", ""),
        verification=InitiativePage.SELF_LISTED,
        live=False,
    )
    initiative.countries = data.get("countries") or []
    initiative.languages = data.get("languages") or []
    initiative.areas = data.get("areas") or []
    directory.add_child(instance=initiative)
    initiative.save_revision()
    return initiative


def review_workflow():
    """The "Directory review" workflow: one approval step for the Moderators group."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    workflow, created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW_NAME)
    if created or not workflow.workflow_tasks.exists():
        task, _created = GroupApprovalTask.objects.get_or_create(name="Approve directory entry")
        reviewers = Group.objects.filter(name__in=[REVIEWERS_GROUP, "Editors"])
        task.groups.add(*reviewers)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)
    return workflow


def submit_for_review(initiative):
    review_workflow().start(initiative, user=None)


class ListingRequest(models.Model):
    """Links a listing request to the draft directory entry it created."""

    PUBLISHED = "published"
    DECLINED = "declined"

    submission = models.OneToOneField(
        ModeratedSubmission,
        on_delete=models.CASCADE,
        related_name="listing_request",
        help_text=_("The request, with the requester's encrypted answers."),
    )
    initiative = models.ForeignKey(
        "initiatives.InitiativePage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The draft directory entry made from the request."),
    )
    outcome = models.CharField(
        _("outcome"),
        max_length=16,
        blank=True,
        choices=[(PUBLISHED, _("Published")), (DECLINED, _("Declined"))],
        help_text=_("What the editors decided; empty while under review."),
    )
    outcome_notified_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the requester was told the outcome.")
    )

    class Meta:
        verbose_name = _("listing request")

    def __str__(self):
        return f"{self.submission_id}"
