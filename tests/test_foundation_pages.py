"""Every page type the foundation adds renders for a visitor and in the admin."""

import pytest
from django.core.management import call_command

from home.models import HomePage, StandardPage
from tests.conftest import page_count

# demo_content: these tests find pages of the demo by slug or title (see README, Tests).
pytestmark = [pytest.mark.django_db, pytest.mark.demo_content]


def test_root_redirects_to_the_visitors_language_without_a_cookie(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sq,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/sq/"
    assert not response.cookies


def test_root_falls_back_to_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert response["Location"] == "/en/"


def test_home_page_renders_for_a_visitor(client, home_page):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert home_page.title in html
    assert not response.cookies, "an ordinary page must set no cookie"


@pytest.mark.parametrize("slug", ["about", "privacy", "accessibility", "safety"])
def test_standard_pages_render_with_their_content(client, slug):
    page = StandardPage.objects.get(slug=slug, locale__language_code="en")
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{page.title}</h1>" in html
    assert "<h2>" in html, "demo pages carry real, structured content"


def test_every_page_has_skip_link_quick_exit_navigation_and_footer(client):
    html = client.get("/en/about/").content.decode()
    skip = html.index('class="skip-link"')
    quick_exit = html.index('id="quick-exit"')
    header = html.index('class="site-header"')
    assert skip < quick_exit < header, "quick exit comes right after the skip link"
    assert 'href="https://www.bbc.com/weather"' in html
    assert 'aria-label="Main"' in html
    assert 'aria-current="page"' in html
    for footer_link in ("/en/privacy/", "/en/accessibility/", "/en/safety/"):
        assert f'href="{footer_link}"' in html


def test_pages_load_nothing_from_other_hosts(client):
    html = client.get("/en/").content.decode()
    for attribute in ('src="http', "src='http", 'href="//', 'src="//'):
        assert attribute not in html
    assert 'rel="stylesheet" href="/static/' in html


def test_missing_page_gives_a_friendly_404(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_admin_loads_for_an_administrator(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    response = admin_client.get("/admin/pages/")
    assert response.status_code in (200, 302)


def test_demo_content_loads_idempotently():
    before = page_count()
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    assert page_count() == before
    assert HomePage.objects.count() >= 1
    assert StandardPage.objects.filter(slug="about", locale__language_code="en").count() == 1
