"""Admin hooks: the script that stands in for Wagtail's inline initialisers."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def csp_initialisers():
    return format_html('<script src="{}"></script>', static("security/admin-csp.js"))
