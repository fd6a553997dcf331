"""Error pages a visitor can meet: each in their language, each with the quick exit.

Django's own 400, 403 and CSRF failure pages are bare and in English. These
render the portal's templates (``templates/<status>.html``), which need
nothing from the database. A CSRF failure on a form page (cookies blocked,
a form left open too long) shows the form again with what was typed and a
fresh token instead of losing the answers.
"""

from django.http import Http404
from wagtail.models import Site

from home.views import render_error_page


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
    """The open form page this POST was sent to, or None."""
    from forms.models import ModeratedFormPage

    match = getattr(request, "resolver_match", None)
    if request.method != "POST" or match is None or "path" not in match.kwargs:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [part for part in match.kwargs["path"].split("/") if part]
    try:
        page, _args, _kwargs = site.root_page.localized.specific.route(request, components)
    except Http404:
        return None
    page = page.specific
    if isinstance(page, ModeratedFormPage) and page.is_open():
        return page
    return None
