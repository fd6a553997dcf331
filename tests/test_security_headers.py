"""Security headers on every response, and cookies only where they are needed."""

import re

import pytest
from cryptography.fernet import Fernet
from django.conf import settings

from demo.loader import items
from tests.browser.pages import page_cases
from tests.test_operations import run_python

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def effective(csp, directive):
    """The sources that apply to ``directive``, following CSP's fallback to default-src."""
    fallbacks = {
        "script-src-elem": ["script-src-elem", "script-src", "default-src"],
        "script-src-attr": ["script-src-attr", "script-src", "default-src"],
        "style-src-elem": ["style-src-elem", "style-src", "default-src"],
        "style-src-attr": ["style-src-attr", "style-src", "default-src"],
    }
    for name in fallbacks.get(directive, [directive, "default-src"]):
        if name in csp:
            return csp[name]
    return ["*"]


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in {
        "no-referrer",
        "same-origin",
        "strict-origin",
        "strict-origin-when-cross-origin",
    }
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation"):
        assert f"{feature}=()" in permissions, f"{feature} is not denied"
    csp = directives(response)
    for directive in ("script-src-elem", "script-src-attr"):
        assert "'unsafe-inline'" not in effective(csp, directive)
        assert "'unsafe-eval'" not in effective(csp, directive)
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    return csp


def assert_public_policy(response):
    csp = assert_common_headers(response)
    for directive in ("style-src-elem", "style-src-attr"):
        assert "'unsafe-inline'" not in effective(csp, directive)
        assert "'unsafe-eval'" not in effective(csp, directive)
    for directive in ("default-src", "script-src", "style-src", "img-src", "font-src"):
        assert all(source in {"'self'", "data:", "'none'"} for source in csp[directive]), (
            f"{directive} allows another host: {csp[directive]}"
        )
    assert csp["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("case", page_cases())
def test_every_page_type_sends_the_security_headers_and_no_cookie(client, case):
    response = client.get(case.path())
    assert response.status_code == case.status
    assert_public_policy(response)
    if case.page_type and is_form_page(case.page_type):
        # A form needs its CSRF cookie, and nothing else.
        assert set(response.cookies) == {settings.CSRF_COOKIE_NAME}
    else:
        assert not response.cookies, f"an ordinary page set {list(response.cookies)}"


def is_form_page(label):
    from django.apps import apps

    from forms.models.base import ModeratedFormPage

    return issubclass(apps.get_model(label), ModeratedFormPage)


@pytest.mark.parametrize(
    "path", ["/", "/healthz", "/static/css/portal.css", "/static/js/quick-exit.js"]
)
def test_redirects_health_check_and_static_files_carry_them_too(client, path):
    response = client.get(path)
    assert response.status_code in (200, 302)
    assert_public_policy(response)
    assert not response.cookies


def test_admin_has_its_own_policy_still_without_inline_script(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    csp = assert_common_headers(response)
    # Page previews are shown in an iframe of the admin itself.
    assert csp["frame-ancestors"] == ["'self'"]
    assert effective(csp, "style-src-attr") == ["'self'"]
    assert "Cross-Origin-Embedder-Policy" not in response


def test_signed_in_editors_get_the_public_policy_on_public_pages(admin_client):
    response = admin_client.get("/en/about/")
    assert response.status_code == 200
    assert "wagtail-userbar" in response.content.decode()
    assert_public_policy(response)


def test_error_pages_carry_the_headers(client):
    client.raise_request_exception = False
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert_public_policy(response)


HSTS_CHECK = """
import django, json
django.setup()
from django.test import Client
client = Client()
secure = client.get("/healthz", HTTP_X_FORWARDED_PROTO="https")
plain = client.get("/en/", HTTP_X_FORWARDED_PROTO="http")
print(json.dumps({
    "hsts": secure.get("Strict-Transport-Security"),
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
    "csp": secure.get("Content-Security-Policy"),
}))
"""


def test_production_sends_hsts_and_redirects_to_https(tmp_path):
    import json

    result = run_python(
        HSTS_CHECK,
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "k" * 60,
            "FORMS_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "STATIC_ROOT": str(tmp_path / "static"),
        },
        unset=("DEBUG",),
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["hsts"] == "max-age=63072000; includeSubDomains; preload"
    assert outcome["plain_status"] == 301
    assert outcome["plain_location"].startswith("https://")
    assert "frame-ancestors 'none'" in outcome["csp"]


def test_the_privacy_notice_names_every_cookie_the_portal_sets(client, admin_user):
    """Every cookie a visitor or an editor can be given is listed in the privacy notice."""
    seen = set()
    for path in ("/", "/en/", "/en/about/", "/en/no-such-page/", "/admin/login/"):
        seen |= set(client.get(path).cookies)
    response = client.post(
        "/admin/login/", {"username": admin_user.username, "password": "a-long-test-password"}
    )
    assert response.status_code == 302, "the editor could not sign in"
    seen |= set(response.cookies)
    seen |= set(client.get("/admin/").cookies)
    assert seen == {settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME}
    privacy = next(page for page in items("StandardPage") if page["slug"] == "privacy")
    privacy_text = " ".join(str(block["value"]) for block in privacy["body"])
    for name in seen:
        assert re.search(rf"<strong>{name}</strong>", privacy_text), f"{name} is not in the notice"
    page = client.get("/en/privacy/").content.decode()
    for name in seen:
        assert name in page
