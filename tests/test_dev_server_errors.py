"""`make run` shows the site as visitors see it; `make run DEBUG=1` shows Django's debug pages.

The dev settings (those of `make run`) against a database that answers but
has no tables yet: the page fails, and the visitor sees either the site's
own 500 page with the quick exit or, with DEBUG=1, Django's debug page. The site's own 404 page
(served whenever DEBUG is off) is checked in tests/test_error_pages.py.
"""

import json
import subprocess

from core.models import DEFAULT_QUICK_EXIT_URL
from tests.test_operations import ROOT, run_python

VISIT = """
import django, json
django.setup()
from django.conf import settings
from django.test import Client
response = Client(raise_request_exception=False).get("/sq/any-page/")
print(json.dumps({
    "debug": settings.DEBUG,
    "status": response.status_code,
    "html": response.content.decode(),
}))
"""


def visit_with_dev_settings(tmp_path, debug):
    # An existing database without tables: every page fails with a 500. (A missing
    # file is "database unavailable", a 503: only migrate may create one.)
    (tmp_path / "empty.sqlite3").touch()
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "PORTAL_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "CACHE_URL": "locmem://dev-errors",
        "ALLOWED_HOSTS": "testserver",
    }
    if debug:
        env["DEBUG"] = debug
    result = run_python(VISIT, env, unset=() if debug else ("DEBUG",))
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_make_run_shows_the_sites_own_error_page_with_the_quick_exit(tmp_path):
    page = visit_with_dev_settings(tmp_path, debug=None)
    assert page["debug"] is False
    assert page["status"] == 500
    html = page["html"]
    assert '<html lang="sq"' in html
    assert f'id="quick-exit" href="{DEFAULT_QUICK_EXIT_URL}"' in html
    assert "Traceback" not in html


def test_make_run_debug_1_shows_djangos_debug_page(tmp_path):
    page = visit_with_dev_settings(tmp_path, debug="1")
    assert page["debug"] is True
    assert page["status"] == 500
    assert "Traceback" in page["html"]


def dry_run(*args):
    return subprocess.run(
        ["make", "-n", "run", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    ).stdout.splitlines()


def test_make_run_passes_debug_to_the_server():
    assert any("DEBUG=1 " in line and "runserver" in line for line in dry_run("DEBUG=1"))
    assert any("DEBUG= " in line and "runserver" in line for line in dry_run())
