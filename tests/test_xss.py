"""Script payloads in every field an editor can write never run or reach a page unescaped."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from core.blocks import CallToActionBlock
from core.models import PortalSettings
from tests.xss import JAVASCRIPT_URL, SCRIPT, assert_not_reflected, make_xss_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def xss_page(home_page):
    page, _image = make_xss_page(home_page)
    return page


def test_the_public_page_shows_payloads_as_text(client, xss_page):
    response = client.get(xss_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_not_reflected(html)
    # The words are there, escaped, so the page still says what the editor wrote.
    assert "&lt;script&gt;alert(&quot;xss-script&quot;)&lt;/script&gt;" in html
    assert "Imported" in html, "imported rich text is cleaned, not dropped"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/pages/{id}/edit/",
        "/admin/pages/{parent}/",
        "/admin/pages/search/?q=Title",
        "/admin/pages/{id}/history/",
        "/admin/images/",
    ],
)
def test_the_admin_views_show_payloads_as_text(admin_client, xss_page, path):
    url = path.format(id=xss_page.pk, parent=xss_page.get_parent().pk)
    response = admin_client.get(url)
    assert response.status_code == 200
    assert_not_reflected(response.content.decode())


def test_the_editors_preview_shows_payloads_as_text(admin_client, xss_page):
    response = admin_client.get(f"/admin/pages/{xss_page.pk}/view_draft/")
    assert response.status_code == 200
    assert_not_reflected(response.content.decode())


def test_address_fields_refuse_javascript_urls(home_page):
    with pytest.raises(ValidationError):
        CallToActionBlock().clean(
            {"heading": "h", "text": "", "link_text": "l", "page": None, "url": JAVASCRIPT_URL}
        )
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = JAVASCRIPT_URL
    with pytest.raises(ValidationError):
        settings.full_clean()


def test_the_settings_form_refuses_a_javascript_quick_exit(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/core/portalsettings/{site.pk}/"
    response = admin_client.post(url, {"quick_exit_url": JAVASCRIPT_URL})
    assert response.status_code == 200, "the form was accepted"
    assert PortalSettings.for_site(site).quick_exit_url != JAVASCRIPT_URL
    assert_not_reflected(response.content.decode())


def test_a_search_for_a_payload_is_not_reflected(client, admin_client):
    response = admin_client.get("/admin/pages/search/", {"q": SCRIPT})
    assert_not_reflected(response.content.decode())
    response = client.get("/en/no-such-page/", {"q": SCRIPT})
    assert_not_reflected(response.content.decode())
