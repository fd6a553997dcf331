"""The portal's URLs plus one page that fails, to see the 500 page a visitor gets."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from portal.urls import handler400, handler403, handler500  # noqa: F401
from portal.urls import urlpatterns as portal_urlpatterns


def broken_view(request):
    raise RuntimeError("secret-internal-detail: this must not reach the visitor")


def forbidden_view(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied("secret-internal-detail")


def bad_request_view(request):
    from django.core.exceptions import SuspiciousOperation

    raise SuspiciousOperation("secret-internal-detail")


urlpatterns = [
    *i18n_patterns(
        path("broken/", broken_view),
        path("forbidden/", forbidden_view),
        path("bad-request/", bad_request_view),
        prefix_default_language=True,
    ),
    *portal_urlpatterns,
]
