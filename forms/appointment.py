"""Appointing a form's moderators: a privilege of its own, audited and announced.

Who reads a form's submissions (its moderator group and users) and how long
they are kept (``retention_months``) are its *data-protection settings*. They
change only here, for users with the ``forms.change_data_protection``
permission (superusers have it): never through the page editor, a draft, a
publication or an old revision (see ``ModeratedFormPage.with_content_json``,
which keeps the stored values whatever a revision holds).

Each change is written to Wagtail's audit log (action
``forms.data_protection``) and mailed to the form's moderators *before* the
change and to the administrators: who changed what on which form, never any
answer.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.log_actions import log

from forms.moderation import canonical_page, moderators_of

logger = logging.getLogger(__name__)

PERMISSION = "forms.change_data_protection"
ACTION = "forms.data_protection"
PROTECTED_FIELDS = ("moderator_group", "moderator_users", "retention_months")


def can_change_data_protection(user):
    return user.is_active and user.has_perm(PERMISSION)


def describe(page):
    """The settings of ``page`` as the audit log and the mail show them."""
    return {
        "moderator_group": page.moderator_group.name if page.moderator_group_id else None,
        "moderator_users": sorted(user.get_username() for user in page.moderator_users.all()),
        "retention_months": page.retention_months,
    }


def apply(versions, *, group, users, retention_months, user):
    """Set the data-protection settings on every version of a form; log and announce it."""
    canonical = canonical_page(versions[0])
    before = describe(canonical)
    told = list(moderators_of(canonical))
    with transaction.atomic():
        for version in versions:
            version.moderator_group = group
            version.moderator_users = list(users)
            version.retention_months = retention_months
            # Saved on the page row itself: revisions do not carry these.
            version.save(update_fields=list(PROTECTED_FIELDS))
        canonical.refresh_from_db()
        after = describe(canonical)
        if before == after:
            return False
        log(canonical, ACTION, user=user, data={"before": before, "after": after})
        transaction.on_commit(lambda: announce(canonical, user, before, after, told), robust=True)
    return True


def administrators():
    return get_user_model().objects.filter(is_superuser=True, is_active=True)


def announce(page, actor, before, after, previous_moderators):
    """Mail the form's previous moderators and the administrators: who changed what."""
    recipients = {person.pk: person for person in [*previous_moderators, *administrators()]}
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "forms_moderation:data_protection", args=[page.translation_key]
    )
    messages = []
    for person in recipients.values():
        if not person.email:
            continue
        with translation.override(preferred_language(person)):
            context = {
                "actor": actor.get_username() if actor else "",
                "form_title": page.title,
                "before": before,
                "after": after,
                "url": url,
            }
            subject = render_to_string("forms/email/data_protection_subject.txt", context)
            body = render_to_string("forms/email/data_protection_changed.txt", context)
        messages.append(EmailMessage(subject.strip(), body, to=[person.email]))
    try:
        get_connection().send_messages(messages)
    except Exception as error:
        # Logged without addresses; the audit log holds the change itself.
        logger.warning(
            "The change of form %s's moderators could not be mailed (%s).",
            page.pk,
            type(error).__name__,
        )


def preferred_language(user):
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE
