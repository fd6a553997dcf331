from django.db.models import Q
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from . import audit, moderation, urls


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("submissions/", include(urls, namespace="forms_moderation"))]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return moderation.moderated_pages_for(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Submissions"),
        reverse("forms_moderation:queue"),
        name="submissions",
        icon_name="tasks",
        order=690,
    )


@hooks.register("filter_form_submissions_for_user")
def only_moderators_see_submissions(user, editable_forms):
    """Moderated forms: only their moderators and superusers, whatever the page permissions."""
    if user.is_superuser:
        return editable_forms
    moderated_types = moderation.moderated_content_types()
    others = editable_forms.exclude(content_type__in=moderated_types)
    mine = moderation.moderated_pages_for(user)
    return Page.objects.filter(Q(pk__in=others.values("pk")) | Q(pk__in=mine.values("pk")))


@hooks.register("register_permissions")
def register_data_protection_permission():
    """Lets administrators give the right to appoint moderators to a group."""
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="forms", codename="change_data_protection"
    )


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    audit.register_actions(actions)
