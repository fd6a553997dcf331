"""Error pages a visitor can meet: each in their language, each with the quick exit.

Django's own 400, 403 and CSRF failure pages are bare and in English. These
render the portal's templates (``templates/<status>.html``), which need
nothing from the database. A CSRF failure on a form page (cookies blocked,
a form left open too long) shows the form again with what was typed and a
fresh token instead of losing the answers.
"""

from wagtail.models import Page

from core.views import render_error_page
from forms.models import ModeratedFormPage


def bad_request(request, exception=None):
    return render_error_page(request, "400.html", 400)


def permission_denied(request, exception=None):
    return render_error_page(request, "403.html", 403)


def csrf_failure(request, reason=""):
    page = form_page_for(request)
    if page is not None:
        # The POSTed data is only shown again: nothing is stored or sent.
        return page.serve_csrf_failure(request)
    return render_error_page(request, "403.html", 403)


def form_page_for(request):
    """The open, unrestricted form page this POST was sent to, or None."""
    match = getattr(request, "resolver_match", None)
    if request.method != "POST" or match is None or match.url_name != "wagtail_serve":
        return None
    route = Page.route_for_request(request, match.args[0] if match.args else "")
    if route is None:
        return None
    page = route[0].specific
    if not isinstance(page, ModeratedFormPage) or not page.live or not page.is_open():
        return None
    if page.get_view_restrictions().exists():
        # A private form: its own checks run only in Wagtail's serve view.
        return None
    return page
