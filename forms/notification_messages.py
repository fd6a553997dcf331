"""The emails about submissions, built but not sent (see :mod:`forms.notifications`).

Each message names the submission's reference and nothing the person
answered: moderators get the form's title and a link to the admin. Mail to
the person is opt-in (``confirmation_wanted``) and neutral: the configured
sender and subject (``FORMS_APPLICANT_FROM_EMAIL``, ``FORMS_APPLICANT_SUBJECT``),
no form title, nothing about the portal, since a lock screen may show it.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile


def admin_url(submission):
    path = reverse("forms_moderation:detail", args=[submission.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _preferred_language(user):
    return UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE


def moderator_messages(submission, moderators):
    form = submission.page.specific
    messages = []
    for moderator in moderators:
        if not moderator.email:
            continue
        with translation.override(_preferred_language(moderator)):
            context = {
                "form_title": form.title,
                "reference": submission.reference,
                "language": submission.page.locale.get_display_name(),
                "url": admin_url(submission),
                "moderator": moderator,
            }
            subject = render_to_string("forms/email/moderator_subject.txt", context).strip()
            body = render_to_string("forms/email/moderator_notification.txt", context)
        messages.append(EmailMessage(subject, body, to=[moderator.email]))
    return messages


def applicant_subject(context):
    """The configured neutral subject, or the default one in the person's language."""
    configured = settings.FORMS_APPLICANT_SUBJECT
    if configured:
        return configured
    return render_to_string("forms/email/confirmation_subject.txt", context).strip()


def applicant_message(subject, body, address):
    """Mail to a person who wrote to us: from the neutral sender, never the portal's name."""
    return EmailMessage(subject, body, from_email=settings.FORMS_APPLICANT_FROM_EMAIL, to=[address])


def confirmation_message(submission):
    form = submission.page.specific
    address = form.contact_email(submission.form_data)
    if not address:
        return None
    with translation.override(submission.page.locale.language_code):
        # No form title and nothing about the portal: the reference only.
        context = {"reference": submission.reference}
        subject = applicant_subject(context)
        body = render_to_string("forms/email/confirmation.txt", context)
    return applicant_message(subject, body, address)


def listing_outcome_message(listing, published):
    """The requester's news that their directory entry was published or declined, if
    they gave an address and asked for mail."""
    return listing_requester_message(listing, "listing_outcome", published=published)


def listing_changes_requested_message(listing, comment):
    """The requester's news that the editors ask for a change, quoting their comment, if
    they gave an address and asked for mail."""
    return listing_requester_message(
        listing, "listing_changes_requested", comment=(comment or "").strip()
    )


def listing_requester_message(listing, template, **context):
    """Mail to whoever asked for a directory entry, from ``forms/email/<template>.txt``
    and its ``_subject`` twin, in the language of the form; None without an address or
    their consent."""
    submission = listing.submission
    address = submission.form_data.get("requester_email")
    if not address or not submission.confirmation_wanted:
        return None
    with translation.override(submission.page.locale.language_code):
        context |= {
            "organisation": submission.form_data.get("organisation_name", ""),
            "reference": submission.reference,
        }
        subject = render_to_string(f"forms/email/{template}_subject.txt", context)
        body = render_to_string(f"forms/email/{template}.txt", context)
    return applicant_message(subject.strip(), body, address)
