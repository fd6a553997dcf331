"""Who moderates which form, and which submissions each person may see.

A form and all its translations are one form to moderators: they share the
page's ``translation_key`` (the "form key"). Moderators are named on the
form's *canonical* page, its version in the default language (or, for a form
that has none, any of its versions); translations made with wagtail-localize
do not carry their own list, so a submission made through /sq/... reaches the
moderators named on the English page, and removing someone there removes
them everywhere.

Only a form's moderators and superusers see its submissions: editors who can
edit the page but are not named get 403 (see the
``filter_form_submissions_for_user`` hook in ``wagtail_hooks``).
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Locale, Page, get_page_models

from forms.models import ModeratedFormPage, ModeratedSubmission

ALL_FORMS = None  # form_keys_moderated_by() for superusers: no restriction


def moderated_page_models():
    return [model for model in get_page_models() if issubclass(model, ModeratedFormPage)]


def moderated_content_types():
    return list(ContentType.objects.get_for_models(*moderated_page_models()).values())


def canonical_page(page):
    """The version of a form page that names its moderators."""
    if page.locale_id == Locale.get_default().pk:
        return page.specific
    default = (
        Page.objects.filter(translation_key=page.translation_key, locale=Locale.get_default())
        .specific()
        .first()
    )
    return default or page.specific


def moderators_of(page):
    """Active users named as moderators of the form ``page`` belongs to."""
    canonical = canonical_page(page)
    named = Q(pk__in=canonical.moderator_users.values("pk"))
    if canonical.moderator_group_id:
        named |= Q(groups=canonical.moderator_group_id)
    return get_user_model().objects.filter(named, is_active=True).distinct().order_by("pk")


def form_keys_moderated_by(user):
    """The form keys ``user`` moderates, or ALL_FORMS for a superuser."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return ALL_FORMS
    group_ids = list(user.groups.values_list("pk", flat=True))
    default_locale_id = Locale.get_default().pk
    named = []
    for model in moderated_page_models():
        named += model.objects.filter(
            Q(moderator_users=user) | Q(moderator_group__in=group_ids)
        ).values_list("translation_key", "locale_id")
    keys = {key for key, locale_id in named if locale_id == default_locale_id}
    elsewhere = {key for key, locale_id in named if locale_id != default_locale_id}
    if elsewhere - keys:
        # Named only on a translation: that counts only for a form with no
        # default-language version.
        has_default = set(
            Page.objects.filter(
                translation_key__in=elsewhere - keys, locale_id=default_locale_id
            ).values_list("translation_key", flat=True)
        )
        keys |= elsewhere - has_default
    return keys


def can_moderate(user, page):
    keys = form_keys_moderated_by(user)
    return keys is ALL_FORMS or page.translation_key in keys


def moderated_pages_for(user):
    """Every version (translation) of every form ``user`` moderates."""
    pages = Page.objects.filter(content_type__in=moderated_content_types())
    keys = form_keys_moderated_by(user)
    if keys is not ALL_FORMS:
        pages = pages.filter(translation_key__in=keys)
    return pages


def submissions_visible_to(user):
    keys = form_keys_moderated_by(user)
    submissions = ModeratedSubmission.objects.all()
    if keys is not ALL_FORMS:
        submissions = submissions.filter(page__translation_key__in=keys)
    return submissions


def form_versions(form_key):
    """All translations of one form, default language first."""
    default_locale_id = Locale.get_default().pk
    versions = list(
        Page.objects.filter(translation_key=form_key, content_type__in=moderated_content_types())
        .select_related("locale")
        .specific()
    )
    versions.sort(key=lambda page: (page.locale_id != default_locale_id, page.pk))
    return versions


def moderates_any_form(user):
    """Whether ``user`` is named as a moderator of some form (2FA is required of them)."""
    keys = form_keys_moderated_by(user)
    return keys is ALL_FORMS or bool(keys)
