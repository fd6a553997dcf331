"""The emails about submissions, built but not sent (see :mod:`forms.notifications`).

Each message names the form and the submission's reference and nothing the
person answered: moderators follow a link to the admin, and the person's own
confirmation has a neutral subject, since it may show on a lock screen.
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


def confirmation_message(submission):
    form = submission.page.specific
    address = form.contact_email(submission.form_data)
    if not address:
        return None
    with translation.override(submission.page.locale.language_code):
        context = {"form_title": form.title, "reference": submission.reference}
        # A neutral subject: it may show on a lock screen someone else can see.
        subject = render_to_string("forms/email/confirmation_subject.txt", context).strip()
        body = render_to_string("forms/email/confirmation.txt", context)
    return EmailMessage(subject, body, to=[address])


def listing_outcome_message(listing, published):
    """The requester's news that their directory entry was published or declined, if
    they gave an address."""
    submission = listing.submission
    address = submission.form_data.get("requester_email")
    if not address:
        return None
    with translation.override(submission.page.locale.language_code):
        context = {
            "organisation": submission.form_data.get("organisation_name", ""),
            "published": published,
            "reference": submission.reference,
        }
        subject = render_to_string("forms/email/listing_outcome_subject.txt", context)
        body = render_to_string("forms/email/listing_outcome.txt", context)
    return EmailMessage(subject.strip(), body, to=[address])
