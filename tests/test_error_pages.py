"""Error pages in the visitor's language, with the quick exit and no stack trace."""

import json

import pytest

from core.models import DEFAULT_QUICK_EXIT_URL
from tests.test_operations import run_python

QUICK_EXIT = f'id="quick-exit" href="{DEFAULT_QUICK_EXIT_URL}"'


def assert_safe_error_page(html, language):
    assert f'<html lang="{language}"' in html
    assert QUICK_EXIT in html
    assert html.index('class="skip-link"') < html.index('id="quick-exit"')
    for leak in ("Traceback", "secret-internal-detail", "RuntimeError", 'File "'):
        assert leak not in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "sq"])
def test_404_is_in_the_visitors_language_with_the_quick_exit(client, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert_safe_error_page(response.content.decode(), language)


@pytest.mark.django_db
@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize("language", ["en", "sq"])
def test_500_is_in_the_visitors_language_without_a_stack_trace(client, language):
    client.raise_request_exception = False
    response = client.get(f"/{language}/broken/")
    assert response.status_code == 500
    assert response["Cache-Control"] == "no-store"
    assert_safe_error_page(response.content.decode(), language)


DATABASE_DOWN = """
import django, json
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
pages = {}
for language in ("en", "sq"):
    response = client.get(f"/{language}/about/")
    pages[language] = {
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "csp": response.get("Content-Security-Policy"),
        "html": response.content.decode(),
    }
print(json.dumps(pages))
"""


def test_503_when_the_database_is_down_is_in_the_visitors_language(tmp_path):
    missing = tmp_path / "no-such-dir" / "db.sqlite3"
    result = run_python(
        DATABASE_DOWN,
        {"DJANGO_SETTINGS_MODULE": "portal.settings.test", "DATABASE_URL": f"sqlite:///{missing}"},
    )
    assert result.returncode == 0, result.stderr
    pages = json.loads(result.stdout.strip().splitlines()[-1])
    for language, page in pages.items():
        assert page["status"] == 503
        assert page["retry_after"] == "60"
        assert "frame-ancestors 'none'" in page["csp"]
        assert_safe_error_page(page["html"], language)
