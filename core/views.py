from django.db.utils import DatabaseError
from django.http import HttpResponse
from django.template import loader

from .models import DEFAULT_QUICK_EXIT_URL, PortalSettings


def quick_exit_url(request):
    """The editors' quick-exit destination, or the default when the database is down."""
    try:
        return PortalSettings.for_request(request).quick_exit_url
    except DatabaseError:
        return DEFAULT_QUICK_EXIT_URL


def render_error_page(request, template_name, status):
    """An error page that needs nothing from the database to render."""
    body = loader.get_template(template_name).render({"quick_exit_url": quick_exit_url(request)})
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    return render_error_page(request, "500.html", 500)
