from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.open_data_http import open_data_view
from core.sitemap import MultilingualSitemap
from forms.feeds import OpenCallsFeed
from funding.feeds import OpenFundingFeed
from home.deadline_calendar import deadline_calendar
from home.search import search
from initiatives.feeds import InitiativesFeed
from operations.views import healthz
from portal import api

handler400 = "portal.error_views.bad_request"
handler403 = "portal.error_views.permission_denied"
handler500 = "core.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Open data (README "Open data"): read-only, public, cached until content changes.
    path("api/hsds/", include("initiatives.hsds.urls")),
    path("api/v2/", include(api.urlpatterns())),
    path(
        "feeds/<str:language>/initiatives.atom",
        open_data_view(InitiativesFeed()),
        name="feed-initiatives",
    ),
    path(
        "feeds/<str:language>/funding.atom", open_data_view(OpenFundingFeed()), name="feed-funding"
    ),
    path("feeds/<str:language>/calls.atom", open_data_view(OpenCallsFeed()), name="feed-calls"),
    path("feeds/<str:language>/deadlines.ics", deadline_calendar, name="feed-deadlines"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA_LOCALLY", False):
    # Django's static() helper serves nothing without DEBUG; `make run` runs without it.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Every public page carries its language in the URL (/en/..., /sq/...); "/"
# redirects to the visitor's best language without setting a cookie.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    # The practitioners' tools take their answers here (see practices/tools/views.py).
    path("", include("practices.tools.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
