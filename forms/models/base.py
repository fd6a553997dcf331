"""The page type every moderated form shares.

:class:`ModeratedFormPage` is Wagtail's :class:`AbstractForm`, extended rather
than rewritten. (Not :class:`AbstractEmailForm`: its email carries the
answers, which must never leave the portal by email.) What it adds:

- moderators (a group and/or users) and a retention period, edited on the
  "Moderation" tab and kept in sync across translations;
- opening and closing dates, with a clear "this call is closed" page;
- a submission pipeline that is safe for the people who use it: honeypot,
  a per-form, per-address count of accepted submissions that asks a simple
  question past a generous limit (never a refusal), one-time token against double posts, the answers
  encrypted and committed before any notification is queued, error reports
  that never show the answers, and responses that are never cached.
"""

import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.dispatch import Signal
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.base_page import BasePage, never_cache
from core.page_cache import until_content_changes
from forms import human_check, ratelimit
from forms.encryption import lookup_digest
from forms.formbuilder import PortalFormBuilder
from forms.reporting import mark_request_sensitive
from taxonomy.models import KOSOVO_CODE, Country

from .submissions import ModeratedSubmission

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_MONTHS = 12

# Sent with ``submission`` once a submission is committed to the database;
# forms.signals queues its notifications (forms.notifications) in reply.
submission_stored = Signal()


class FormState:
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


def add_months(moment, months):
    """``moment`` plus calendar months, clamped to the end of shorter months."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError(moment)


def kosovo_names():
    """Kosovo's name in every language of the country taxonomy (cached until content changes)."""
    return until_content_changes(
        "forms:kosovo-names",
        lambda: list(Country.objects.filter(code=KOSOVO_CODE).values_list("name", flat=True)),
    )


class ModeratedFormPage(BasePage, AbstractForm):
    """A form page whose submissions go to named moderators only."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=800,
        help_text=_("One or two sentences under the title: what is asked and from whom."),
    )
    thank_you_text = models.TextField(
        _("thank-you text"),
        blank=True,
        help_text=_("Shown after sending, under the confirmation. Say what happens next."),
    )
    opens_at = models.DateTimeField(
        _("opens at"),
        null=True,
        blank=True,
        help_text=_("Before this moment the form is not shown. Leave blank to open at once."),
    )
    closes_at = models.DateTimeField(
        _("closes at"),
        null=True,
        blank=True,
        help_text=_(
            "The deadline. From this moment the page says the call is closed and takes no "
            "answers. Leave blank for a form that stays open."
        ),
    )
    retention_months = models.PositiveSmallIntegerField(
        _("keep submissions for (months)"),
        default=DEFAULT_RETENTION_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Submissions are deleted this many months after the call closes (or after they "
            "were sent, for a form without a deadline)."
        ),
    )
    moderator_group = models.ForeignKey(
        Group,
        verbose_name=_("moderator group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Everyone in this group moderates this form, in every language."),
    )
    moderator_users = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderators"),
        blank=True,
        related_name="+",
        help_text=_(
            "People who moderate this form, in every language. Only moderators and "
            "administrators can see or export its submissions."
        ),
    )

    form_builder = PortalFormBuilder
    landing_page_template = "forms/landing.html"
    # Whether the page may ask for contact details (FeedbackPage may not).
    collects_contact_details = True

    override_translatable_fields = [
        SynchronizedField("opens_at", overridable=False),
        SynchronizedField("closes_at", overridable=False),
        SynchronizedField("retention_months", overridable=False),
        SynchronizedField("moderator_group", overridable=False),
    ]

    # Read-only in the editor: these change only on the form's "Moderators and
    # retention" admin view (forms.appointment), never by editing or publishing.
    moderation_panels = [
        MultiFieldPanel(
            [
                FieldPanel("moderator_group", read_only=True),
                FieldPanel("moderator_users", read_only=True),
                FieldPanel("retention_months", read_only=True),
            ],
            heading=_("Moderators and retention"),
            help_text=_(
                "Only administrators (and people they allow) change these, under Submissions > "
                "the form > Moderators and retention. Every change is recorded and announced."
            ),
        ),
    ]
    dates_panel = MultiFieldPanel(
        [FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Dates")
    )
    # BasePage builds the tabs: every form type gets the Moderation tab.
    extra_tabs = [(_("Moderation"), moderation_panels)]
    private_responses = True

    search_fields = AbstractForm.search_fields + [index.SearchField("introduction")]

    class Meta:
        abstract = True

    def with_content_json(self, content):
        """A revision's content, with the *stored* moderators and retention.

        Drafts, publications and old revisions hold whatever the page had
        when they were saved, or whatever someone put in them; none may name
        moderators. ``self`` is the page as stored, so its values win.
        """
        obj = super().with_content_json(content)
        # Read from the database: ``self`` may be an unsaved draft in memory.
        stored = type(self).objects.filter(pk=self.pk).first() if self.pk else None
        if stored is not None:
            obj.moderator_group_id = stored.moderator_group_id
            obj.retention_months = stored.retention_months
            obj.moderator_users = list(stored.moderator_users.all())
        return obj

    # State ---------------------------------------------------------------

    def form_state(self, now=None):
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return FormState.UPCOMING
        if self.closes_at and now >= self.closes_at:
            return FormState.CLOSED
        return FormState.OPEN

    def is_open(self, now=None):
        return self.form_state(now) == FormState.OPEN

    def retention_cutoff(self, now=None):
        """Submissions sent before this moment have expired; None: none have yet.

        For a form with a deadline, everything expires together,
        ``retention_months`` after the deadline; otherwise each submission
        expires ``retention_months`` after it was sent.
        """
        now = now or timezone.now()
        if self.closes_at:
            return now if add_months(self.closes_at, self.retention_months) <= now else None
        return add_months(now, -self.retention_months)

    def deletion_date(self):
        """When submissions to a call with a deadline will be deleted."""
        if self.closes_at:
            return add_months(self.closes_at, self.retention_months)
        return None

    # Form ------------------------------------------------------------------

    def get_submission_class(self):
        return ModeratedSubmission

    def get_form_class(self):
        return self.form_builder(self.get_form_fields()).get_form_class()

    def get_form_fields(self):
        """The questions, read once per page object: building the form, the Kosovo
        footnote and the board's balance all read them during one request."""
        fields = self.__dict__.get("_form_fields_once")
        if fields is None:
            fields = self.__dict__["_form_fields_once"] = list(super().get_form_fields())
        return fields

    def answer_labels(self):
        """[(clean_name, label)] of the questions, for moderators and exports."""
        return [(field.clean_name, field.label) for field in self.get_form_fields()]

    def contact_email_field_names(self):
        return [field.clean_name for field in self.get_form_fields() if field.field_type == "email"]

    def contact_email(self, answers):
        for name in self.contact_email_field_names():
            if answers.get(name):
                return answers[name]
        return ""

    def process_form_submission(self, form):
        """Store the submission (encrypted) and queue its notifications after commit."""
        answers = form.answers()
        email = self.contact_email(answers) if self.collects_contact_details else ""
        with transaction.atomic():
            submission = self.get_submission_class().objects.create(
                page=self,
                form_data=answers,
                submission_token=form.submission_token_value(),
                email_digest=lookup_digest(email),
                confirmation_wanted=bool(email) and form.confirmation_wanted(),
            )
            self.after_submission_saved(submission, form)
            # Runs only once the submission is safely in the database.
            transaction.on_commit(
                lambda: submission_stored.send(sender=type(self), submission=submission),
                robust=True,
            )
        return submission

    def after_submission_saved(self, submission, form):
        """Hook for page types that do more with a submission (inside the transaction)."""

    def previous_submission(self, token):
        if not token:
            return None
        return self.get_submissions().filter(submission_token=token).first()

    # Serving ---------------------------------------------------------------

    def serve_page(self, request, *args, **kwargs):
        # Answers and CSRF tokens must never sit in a shared or browser cache:
        # BasePage.serve marks the response so (private_responses).
        mark_request_sensitive(request)
        serve = self.serve_post if request.method == "POST" else self.serve_get
        return serve(request)

    def serve_get(self, request):
        if not self.is_open():
            return self.render_closed(request)
        return self.render_form(request, self.get_form(page=self, user=request.user))

    def serve_post(self, request):
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if form.is_spam():
            # Bots get the same answer as people, so they learn nothing.
            return self.render_landing_page(request, None)
        if not self.is_open():
            form.is_valid()
            form.add_form_error(self.closed_message())
            return self.render_form(request, form, closed=True)
        if ratelimit.limit_reached(request, self) and not human_check.passed(request.POST):
            # Many forms from this connection (a shelter's Wi-Fi, or a bot):
            # not a refusal, a question a person can answer; answers kept.
            form.is_valid()
            asked = human_check.TOKEN_FIELD in request.POST
            form.add_form_error(
                _("That answer was not right. Please try the new question below.")
                if asked
                else _(
                    "Many forms were sent from your connection. To send yours, answer the "
                    "question below the form."
                )
            )
            return self.render_form(request, form, challenge=human_check.Challenge())
        if not form.is_valid():
            return self.render_form(request, form)
        existing = self.previous_submission(form.submission_token_value())
        if existing is not None:
            return self.render_landing_page(request, existing)
        try:
            submission = self.process_form_submission(form)
        except IntegrityError:
            # The same form posted twice at once: the other request stored it.
            submission = self.previous_submission(form.submission_token_value())
            if submission is None:
                raise
        else:
            # Only accepted submissions count towards the limit.
            ratelimit.count_accepted(request, self)
        return self.render_landing_page(request, submission)

    def serve_csrf_failure(self, request):
        """The form again, with what was typed, after Django refused the post (CSRF).

        Nothing from the post is stored, sent or trusted: it is only put back
        in the fields. Rendering the form hands out a fresh CSRF token.
        """
        mark_request_sensitive(request)
        form = self.get_form(request.POST, page=self, user=request.user)
        form.add_form_error(
            _(
                "Your answers were not sent: the page had expired, or your browser blocked "
                "this site's cookie. Check that cookies are allowed for this site, then send "
                "the form again. Your answers are still here."
            )
        )
        # Not reached through serve(): the headers BasePage.serve would add.
        return never_cache(self.render_form(request, form, status=403))

    def closed_message(self):
        if self.form_state() == FormState.UPCOMING:
            return _("This call is not open yet. Your answers were not sent.")
        return _("This call is closed. Your answers were not sent.")

    def render_form(self, request, form, status=200, closed=False, challenge=None):
        context = self.get_context(request)
        context["form"] = form
        context["form_closed"] = closed
        context["human_check"] = challenge
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def render_closed(self, request):
        context = self.get_context(request)
        context["form_state"] = self.form_state()
        # The page's own template, without a form: it says the call is closed.
        return TemplateResponse(request, self.get_template(request), context)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        context = self.get_context(request)
        context["form_submission"] = form_submission
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    def serve_submissions_list_view(self, request, *args, **kwargs):
        """Wagtail's submissions list is replaced by the moderation queue.

        Those who may not see this form's submissions are turned away as
        Wagtail's own list does (the queue would refuse them too): the
        ``filter_form_submissions_for_user`` hook leaves only the forms a user
        moderates.
        """
        if not get_forms_for_user(request.user).filter(pk=self.pk).exists():
            raise PermissionDenied
        return redirect(reverse("forms_moderation:form_queue", args=[self.translation_key]))

    def mentions_kosovo(self):
        """Whether the page names Kosovo, so it must carry the designation footnote.

        Editors type the name in questions and choices, in any language; the
        names to look for come from the country taxonomy.
        """
        names = {"Kosovo", *kosovo_names()}
        texts = [self.title, self.introduction]
        for field in self.get_form_fields():
            texts += [field.label, field.help_text, field.choices]
        return any(name in (text or "") for text in texts for name in names)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["form_state"] = self.form_state()
        return context
