from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.sitemap import MultilingualSitemap
from core.views import healthz
from home.search import search

handler500 = "core.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page carries its language in the URL (/en/..., /sq/...); "/"
# redirects to the visitor's best language without setting a cookie.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    # The practitioners' tools take their answers here (see practices/tools/views.py).
    path("", include("practices.tools.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
