"""Health checks, configuration and start-up safety."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from portal.env import cache_from_url, database_from_url

ROOT = Path(__file__).resolve().parent.parent
# A valid Fernet key used only to import the production settings.
PRODUCTION_FORMS_KEY = "Vq0cJ8tJpJ0P4z5w3bYgq1lq2bqk7i3oT8Yc9m3w1xE="


def run_python(code, env_overrides, unset=()):
    env = {**os.environ, **env_overrides}
    for name in unset:
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_healthz_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "media": "ok"}
    assert "no-cache" in response["Cache-Control"]


HEALTHZ_WITHOUT_DATABASE = """
import django, json
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


def test_healthz_is_503_when_the_database_is_unreachable(tmp_path):
    missing = tmp_path / "no-such-dir" / "db.sqlite3"
    result = run_python(
        HEALTHZ_WITHOUT_DATABASE,
        {"DJANGO_SETTINGS_MODULE": "portal.settings.test", "DATABASE_URL": f"sqlite:///{missing}"},
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome == {
        "status": 503,
        "body": {"status": "unavailable", "database": "down", "cache": "ok", "media": "ok"},
    }


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_python(
        "import portal.settings.production",
        {"DJANGO_SETTINGS_MODULE": "portal.settings.production"},
        unset=("SECRET_KEY",),
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_refuse_to_start_with_debug_on():
    result = run_python(
        "import portal.settings.production",
        {"SECRET_KEY": "x" * 50, "DEBUG": "true", "FORMS_ENCRYPTION_KEYS": PRODUCTION_FORMS_KEY},
    )
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_settings_start_with_a_secret_key():
    result = run_python(
        "import portal.settings.production as s; print(s.DEBUG, s.SECURE_HSTS_SECONDS > 0)",
        {"SECRET_KEY": "x" * 50, "FORMS_ENCRYPTION_KEYS": PRODUCTION_FORMS_KEY},
        unset=("DEBUG",),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True"


def test_sqlite_database_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    config = database_from_url(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    options = config["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 20
    connection = sqlite3.connect(config["NAME"], timeout=options["timeout"])
    connection.executescript(options["init_command"])
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_postgres_url_is_understood():
    config = database_from_url("postgres://portal:secret@db.internal:5432/portal")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["HOST"] == "db.internal"
    assert config["NAME"] == "portal"


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache"),
        ("redis://cache:6379/1", "portal.cache.TolerantRedisCache"),
        ("db://", "django.core.cache.backends.db.DatabaseCache"),
        ("dummy://", "django.core.cache.backends.dummy.DummyCache"),
    ],
)
def test_cache_url_selects_the_backend(url, backend):
    assert cache_from_url(url)["BACKEND"] == backend


def test_unknown_cache_url_is_refused():
    with pytest.raises(ValueError, match="not supported"):
        cache_from_url("memcached://x")
