"""Admin hooks: the CSP stand-in for Wagtail's inline initialisers, and 2FA settings."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import urls


@hooks.register("insert_global_admin_js")
def csp_initialisers():
    return format_html('<script src="{}"></script>', static("security/admin-csp.js"))


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("two-factor/", include(urls))]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("security_two_factor"),
        "label": _("Two-factor authentication"),
        "help_text": _("Ask for a code from an authenticator app as well as your password."),
    }
