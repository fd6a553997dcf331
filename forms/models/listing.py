"""Self-listing: a survivor organisation asks to appear in the directory.

A valid request becomes a *draft* ``InitiativePage`` under the directory,
submitted to the "Directory review" workflow: nothing is public until an
editor approves and publishes it. The requester is emailed when the request
arrives (the usual confirmation), when an editor requests changes (with the
editor's comment), and when the entry is published or declined.
"""

from django import forms
from django.conf import settings
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import AbstractGroupApprovalTask

from forms.formbuilder import SINGLE_LINE_MAX_LENGTH, LimitedCharField, PublicForm
from initiatives.models import InitiativePage
from taxonomy.models import KOSOVO_CODE, AreaOfWork, Country, InitiativeType, WorkingLanguage
from taxonomy.names import display_name

from .base import ModeratedFormPage
from .submissions import ModeratedSubmission, SubmissionStatus

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


class DirectoryReviewTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, with "Decline" beside "Request changes".

    "Request changes" (Wagtail's reject) tells the organisation what to change,
    with the editor's comment, and the entry can be edited and resubmitted;
    "Decline" ends the review: the organisation is told the entry will not be
    listed, and the request is marked declined in the moderation queue.
    """

    DECLINE = "decline"

    class Meta:
        verbose_name = _("directory review task")
        verbose_name_plural = _("directory review tasks")

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions:
            return actions
        reject = [action for action in actions if action[0] == "reject"]
        others = [action for action in actions if action[0] != "reject"]
        return [*reject, (self.DECLINE, _("Decline the listing"), True), *others]

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != self.DECLINE:
            return super().on_action(task_state, user, action_name, **kwargs)
        # Rejected without Wagtail's "needs changes" step, then the review ends.
        task_state.reject(user=user, update=False, comment=kwargs.get("comment", ""))
        task_state.workflow_state.cancel(user=user)
        record_declined(task_state.workflow_state.object_id)
        return None

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve a directory entry, request changes or "
            "decline it; the organisation is told which."
        )


def record_declined(page_id):
    # Here, not at the top: forms.notifications imports these models.
    from forms.notifications import send_listing_outcome

    requests = list(
        ListingRequest.objects.filter(initiative_id=page_id, outcome="").select_related(
            "submission"
        )
    )
    for listing in requests:
        listing.outcome = ListingRequest.DECLINED
        listing.save(update_fields=["outcome"])
        ModeratedSubmission.objects.filter(pk=listing.submission_id).update(
            status=SubmissionStatus.DECLINED
        )
        transaction.on_commit(lambda pk=listing.pk: send_listing_outcome.enqueue(pk), robust=True)


def review_workflow():
    """The "Directory review" workflow: one review step for the Moderators group."""
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow, WorkflowTask

    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW_NAME)
    if not DirectoryReviewTask.objects.filter(workflow_tasks__workflow=workflow).exists():
        # Also replaces the plain approval task of sites set up before "Decline" existed.
        task, _created = DirectoryReviewTask.objects.get_or_create(name="Review directory entry")
        task.groups.add(*Group.objects.filter(name__in=[REVIEWERS_GROUP, "Editors"]))
        WorkflowTask.objects.filter(workflow=workflow).delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def submit_for_review(initiative):
    review_workflow().start(initiative, user=None)


def list_in_every_language(initiative):
    """Put a newly published self-listing into every language's directory at once.

    Made with wagtail-localize's ``TranslationCreator``, as an editor's
    *Translate* would: each other language gets a translation that shows the
    organisation's own texts (wagtail-localize falls back to the source),
    marked with ``text_language`` so cards and the page carry ``lang``, and
    listed in *Reports → Translations* as waiting. When a translator
    publishes the translation, the synchronised empty ``text_language`` of
    the source replaces the mark. Aliases were the other way: they cannot
    be translated in place and are not in the report.
    """
    from wagtail.models import Locale
    from wagtail_localize.operations import TranslationCreator

    existing = set(initiative.get_translations().values_list("locale_id", flat=True))
    locales = list(Locale.objects.exclude(pk=initiative.locale_id).exclude(pk__in=existing))
    if not locales:
        return
    # Not the taxonomy items it names: they are translated already, and
    # re-saving them here could overwrite translations made outside wagtail-localize.
    TranslationCreator(None, locales).create_translations(initiative, include_related_objects=False)

    def publish_marked_untranslated():
        # New translations start as drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
        # is off, so no page goes live half in English). A self-listing is the one
        # exception: it is shown at once in every language, in its own language,
        # marked so cards and the page carry ``lang``.
        for page in InitiativePage.objects.filter(
            translation_key=initiative.translation_key, locale__in=locales
        ):
            page.text_language = initiative.locale.language_code
            page.save_revision().publish()

    # wagtail-localize saves the new pages once the transaction commits; this
    # runs after it, so its save does not overwrite the mark.
    transaction.on_commit(publish_marked_untranslated)


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
