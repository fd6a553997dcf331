"""The admin under its own CSP, the userbar under the public one, payloads in a browser."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from home.models import HomePage
from tests.xss import make_xss_page

pytestmark = pytest.mark.browser

ADMIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/{home}/",
    "/admin/pages/{home}/edit/",
    "/admin/pages/{about}/edit/",
    "/admin/pages/add/home/standardpage/{home}/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
    "/admin/reports/site-history/",
    "/admin/account/",
    "/admin/two-factor/",
]


@pytest.fixture
def editor_context(context, live_site):
    """The browser context signed in as an administrator (with a committed user).

    Not pytest-django's ``django_user_model`` fixture: it asks for ``db``, which
    wraps the test in a transaction the server thread cannot see on PostgreSQL.
    """
    user = get_user_model().objects.create_superuser(
        "browser-editor", "browser-editor@example.org", "a-long-test-password"
    )
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_site,
            }
        ]
    )
    yield context
    user.delete()


def home_and_about():
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    about = home.get_children().get(slug="about")
    return home, about


def test_the_admin_works_within_its_security_policy(editor_context, page):
    home, about = home_and_about()
    problems = {}
    for path in ADMIN_PAGES:
        url = path.format(home=home.pk, about=about.pk)
        response = page.goto(url)
        assert response.status == 200, url
        assert "/admin/login/" not in page.url, f"{url}: the editor is not signed in"
        page.wait_for_timeout(300)
        found = page.recorder.csp_violations() + [
            error
            for error in page.recorder.console_errors
            # Debian's tzdata lists "localtime" as a zone, Wagtail offers it on the
            # account page and the browser's Intl rejects it: unrelated to security.
            if "Invalid time zone specified: localtime" not in error
        ]
        if found:
            problems[url] = found
        page.recorder.console_errors.clear()
    assert problems == {}
    assert page.recorder.other_hosts == [], "the admin loaded something from another host"


def test_date_pickers_start_without_inline_script(editor_context, page):
    home, _about = home_and_about()
    page.goto(f"/admin/pages/{home.pk}/edit/")
    page.wait_for_timeout(300)
    # Wagtail's jQuery date-time picker builds its calendar when initialised.
    assert page.locator(".xdsoft_datetimepicker").count() >= 2
    assert page.recorder.csp_violations() == []


def test_the_userbar_works_for_editors_on_public_pages(editor_context, page):
    page.goto("/en/about/")
    page.wait_for_timeout(300)
    trigger = page.locator("wagtail-userbar #wagtail-userbar-trigger")
    trigger.click()
    assert page.locator("wagtail-userbar #wagtail-userbar-items").is_visible()
    items = page.locator("wagtail-userbar #wagtail-userbar-items").text_content()
    assert "Edit this page" in items, items
    assert page.recorder.csp_violations() == []
    assert page.recorder.console_errors == []


def test_payloads_do_not_run_on_the_page_or_in_the_admin(editor_context, page):
    home, _about = home_and_about()
    xss_page, image = make_xss_page(home, slug="xss-in-browser")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for url in (xss_page.url, f"/admin/pages/{xss_page.pk}/edit/", "/admin/images/"):
            page.goto(url)
            page.wait_for_timeout(300)
            assert page.recorder.csp_violations() == [], f"markup got through on {url}"
        page.goto(xss_page.url)
        assert page.locator("a[href^='javascript:' i]").count() == 0
    finally:
        xss_page.delete()
        image.delete()
    assert dialogs == []
