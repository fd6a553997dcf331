"""Turns a page's form fields into the public form people fill in.

Built on Wagtail's :class:`FormBuilder`; the differences are what the portal
promises its respondents:

- every text answer has a length limit, checked on the server with a clear
  message (no silent truncation by a ``maxlength`` attribute);
- dates must be plausible, a date of birth cannot be in the future, and
  "today's date" (as on a signed paper form) must be today;
- "Choice or own words" fields let people describe themselves or say they
  prefer not to;
- every form carries a one-time submission token (a second post of the same
  form is recognised and creates nothing) and a honeypot field for bots.
"""

import re
import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from .widgets import PortalFormRenderer, SelfDescribedField

SINGLE_LINE_MAX_LENGTH = 255
MULTI_LINE_MAX_LENGTH = 4000
EARLIEST_PLAUSIBLE_YEAR = 1900
LATEST_PLAUSIBLE_YEAR = 2100
OLDEST_PLAUSIBLE_AGE = 120

TOKEN_FIELD = "submission_token"  # noqa: S105 (a field name)
HONEYPOT_FIELD = "company_website"
CONFIRMATION_FIELD = "send_me_a_confirmation"
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def new_submission_token():
    return secrets.token_urlsafe(24)


class LimitedCharField(forms.CharField):
    """A CharField whose limit is checked on the server only.

    A ``maxlength`` attribute would make the browser cut a pasted answer
    without saying so; the server tells the person instead.
    """

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


def validate_plausible_date(value):
    if not EARLIEST_PLAUSIBLE_YEAR <= value.year <= LATEST_PLAUSIBLE_YEAR:
        raise ValidationError(
            _("Enter a date between the years %(earliest)s and %(latest)s.")
            % {"earliest": EARLIEST_PLAUSIBLE_YEAR, "latest": LATEST_PLAUSIBLE_YEAR},
            code="implausible_date",
        )


def validate_today(value):
    """Today's date, as the person's own calendar may have it.

    The server's date in its time zone, give or take a day: at 00:30 in
    Skopje it may still be yesterday where an applicant in Lisbon is.
    """
    today = timezone.localdate()
    if abs((value - today).days) > 1:
        raise ValidationError(
            _("Enter today's date, %(today)s.")
            % {"today": date_format(today, "SHORT_DATE_FORMAT")},
            code="not_today",
        )


def validate_date_of_birth(value):
    today = timezone.localdate()
    if value > today:
        raise ValidationError(_("A date of birth must be in the past."), code="future_birth")
    if value.year < today.year - OLDEST_PLAUSIBLE_AGE:
        raise ValidationError(
            _("Check the year of birth: it is more than %(age)s years ago.")
            % {"age": OLDEST_PLAUSIBLE_AGE},
            code="implausible_birth",
        )


def with_length_hint(help_text, limit):
    hint = _("You can write up to %(limit)s characters.") % {
        "limit": number_format(limit, force_grouping=True)
    }
    return format_html("{} {}", help_text, hint) if help_text else hint


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PublicForm(BaseForm):
    """The base of every public form page's form.

    Adds the submission token and the honeypot, and gives templates what they
    need for the accessible error summary.
    """

    default_renderer = PortalFormRenderer

    submission_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    company_website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=SINGLE_LINE_MAX_LENGTH,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[TOKEN_FIELD] = new_submission_token()
        if self.offers_confirmation():
            self.fields[CONFIRMATION_FIELD] = forms.BooleanField(
                label=_("Email me a confirmation"),
                required=False,
                help_text=_(
                    "Optional. A short email with your reference number only: it does not say "
                    "what you sent or to whom. Leave it unticked if someone else may read your "
                    "email."
                ),
            )
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 6

    # Public API for the page --------------------------------------------

    def offers_confirmation(self):
        """Whether the form asks for an email address, so a confirmation can be opted into."""
        page = getattr(self, "page", None)
        return bool(
            page is not None
            and getattr(page, "collects_contact_details", False)
            and page.contact_email_field_names()
        )

    def confirmation_wanted(self):
        """The person ticked the box: mail to them is opt-in, never assumed."""
        return bool(self.cleaned_data.get(CONFIRMATION_FIELD))

    def is_spam(self):
        """True when the honeypot, invisible to people, was filled in."""
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def submission_token_value(self):
        return self.cleaned_data.get(TOKEN_FIELD, "")

    def answers(self):
        """The cleaned answers, without the token and the honeypot."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in (TOKEN_FIELD, HONEYPOT_FIELD, CONFIRMATION_FIELD)
        }

    def answer_fields(self):
        return [field for field in self if field.name not in (TOKEN_FIELD, HONEYPOT_FIELD)]

    def clean_submission_token(self):
        token = self.cleaned_data.get(TOKEN_FIELD, "")
        if not TOKEN_PATTERN.match(token):
            # A fresh token, so that sending the form again works.
            self.data = self.data.copy()
            self.data[TOKEN_FIELD] = new_submission_token()
            raise ValidationError(
                _("This form had expired. Check your answers and send it again."),
                code="expired",
            )
        return token

    def add_form_error(self, message):
        self.add_error(None, message)

    def error_summary(self):
        """One entry per error, with the id of the input it should take people to."""
        entries = []
        for error in self.non_field_errors():
            entries.append({"target": "form-errors", "label": "", "message": error})
        for name, errors in self.errors.items():
            if name in ("__all__", HONEYPOT_FIELD):
                continue
            if name == TOKEN_FIELD:
                for error in errors:
                    entries.append({"target": "form-errors", "label": "", "message": error})
                continue
            bound = self[name]
            for error in errors:
                entries.append(
                    {"target": first_input_id(bound), "label": bound.label, "message": error}
                )
        return entries


def first_input_id(bound_field):
    """The id of the first input of a field: where the error summary's link goes."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.MultiWidget):
        return f"{bound_field.auto_id}_{widget.first_input_suffix()}"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


class PortalFormBuilder(FormBuilder):
    """Wagtail's form builder with the portal's limits and field types."""

    form_class = PublicForm

    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLE_LINE_MAX_LENGTH
        return LimitedCharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTI_LINE_MAX_LENGTH
        options["help_text"] = with_length_hint(options.get("help_text", ""), MULTI_LINE_MAX_LENGTH)
        options.setdefault("widget", forms.Textarea)
        return LimitedCharField(**options)

    def create_email_field(self, field, options):
        options.setdefault("widget", forms.EmailInput(attrs={"autocomplete": "email"}))
        return forms.EmailField(max_length=254, **options)

    def create_date_field(self, field, options):
        options.setdefault("widget", DateInput)
        return forms.DateField(validators=[validate_plausible_date], **options)

    def create_date_of_birth_field(self, field, options):
        options.setdefault("widget", DateInput(attrs={"autocomplete": "bday"}))
        # One check, one message: it covers dates in the future and too long ago.
        return forms.DateField(validators=[validate_date_of_birth], **options)

    def create_today_field(self, field, options):
        options["initial"] = timezone.localdate
        options.setdefault("widget", DateInput)
        return forms.DateField(validators=[validate_today], **options)

    def create_self_described_field(self, field, options):
        options.pop("initial", None)
        return SelfDescribedField(choices=self._choices(field), **options)

    def create_checkbox_field(self, field, options):
        # Wagtail's default "" would tick a consent box for the person.
        options["initial"] = field.default_value.strip().lower() in {"1", "true", "yes", "on"}
        return forms.BooleanField(**options)

    def _choices(self, field):
        if not field.choices.strip():
            return []
        return self.get_formatted_field_choices(field)

    def get_form_class(self):
        return type("PortalForm", (self.form_class,), self.formfields)


ANONYMOUS_FIELD = "answer_anonymously"


def anonymous_answers_form(form_class, identifying_names):
    """``form_class`` with an "Answer anonymously" choice.

    Questions that identify the respondent stay on the page (the form works
    without JavaScript), become optional for those who answer anonymously,
    and are dropped from what is stored when they do.
    """

    class AnonymousAnswersForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.identifying_names = [name for name in identifying_names if name in self.fields]
            self.required_unless_anonymous = set()
            for name in self.identifying_names:
                field = self.fields[name]
                if field.required:
                    self.required_unless_anonymous.add(name)
                    field.required = False
                    field.required_unless_anonymous = True
            self.fields[ANONYMOUS_FIELD] = forms.BooleanField(
                label=_("Answer anonymously"),
                required=False,
                help_text=_(
                    "If you tick this, you may leave out the questions marked 'required unless "
                    "you answer anonymously'. Anything you write in them is not stored."
                ),
            )
            self.order_fields([ANONYMOUS_FIELD])

        def is_anonymous(self):
            return bool(self.cleaned_data.get(ANONYMOUS_FIELD))

        def clean(self):
            cleaned_data = super().clean()
            if cleaned_data.get(ANONYMOUS_FIELD):
                for name in self.identifying_names:
                    cleaned_data.pop(name, None)
                    self.errors.pop(name, None)
            else:
                for name in self.required_unless_anonymous:
                    if name not in self.errors and cleaned_data.get(name) in (None, "", []):
                        self.add_error(
                            name,
                            ValidationError(
                                _("Answer this question, or choose to answer anonymously."),
                                code="required",
                            ),
                        )
            return cleaned_data

        def answers(self):
            answers = super().answers()
            if answers.get(ANONYMOUS_FIELD):
                for name in self.identifying_names:
                    answers.pop(name, None)
            return answers

    return AnonymousAnswersForm
