"""`make run` shows the site as visitors see it; `make run DEBUG=1` shows Django's debug pages."""

import json
import subprocess

from home.models import DEFAULT_QUICK_EXIT_URL
from tests.test_operations import ROOT, run_python

# With the dev settings (those of `make run`), against a database that has no
# tables yet: the 404 is served once the database is migrated, the 500 when
# the page cannot be looked up.
VISIT = """
import django, json, sys
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
client = Client(raise_request_exception=False)
broken = client.get("/en/no-such-page/")
call_command("migrate", verbosity=0)
missing = client.get("/sq/no-such-page/")
print(json.dumps({
    "debug": settings.DEBUG,
    "500": [broken.status_code, broken.content.decode()],
    "404": [missing.status_code, missing.content.decode()],
}))
"""


def visit(tmp_path, debug):
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "PORTAL_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CACHE_URL": "locmem://dev-errors",
    }
    if debug:
        env["DEBUG"] = debug
    result = run_python(VISIT, env, unset=() if debug else ("DEBUG",))
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_make_run_shows_the_sites_own_error_pages_with_the_quick_exit(tmp_path):
    pages = visit(tmp_path, debug=None)
    assert pages["debug"] is False
    for status, language in (("500", "en"), ("404", "sq")):
        code, html = pages[status]
        assert code == int(status)
        assert f'<html lang="{language}"' in html
        assert f'id="quick-exit" href="{DEFAULT_QUICK_EXIT_URL}"' in html
        assert "Traceback" not in html and "DEBUG = True" not in html


def test_make_run_debug_1_shows_djangos_debug_pages(tmp_path):
    pages = visit(tmp_path, debug="1")
    assert pages["debug"] is True
    code, html = pages["500"]
    assert code == 500 and "Traceback" in html
    code, html = pages["404"]
    assert code == 404 and "DEBUG = True" in html


def test_make_run_passes_debug_to_the_server():
    dry_run = subprocess.run(
        ["make", "-n", "run", "DEBUG=1"], cwd=ROOT, capture_output=True, text=True, timeout=60
    ).stdout
    assert any("DEBUG=1" in line and "runserver" in line for line in dry_run.splitlines())
    dry_run = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, timeout=60
    ).stdout
    assert any("DEBUG= " in line and "runserver" in line for line in dry_run.splitlines())
