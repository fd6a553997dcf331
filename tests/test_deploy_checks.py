"""Production settings pass Django's deployment checklist without a warning."""

import secrets

from cryptography.fernet import Fernet

from tests.test_operations import run_python

CHECK_DEPLOY = """
import sys
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
"""


def test_check_deploy_reports_nothing_with_production_settings(tmp_path):
    result = run_python(
        CHECK_DEPLOY,
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            # A realistic environment: a long random key, real host names, PostgreSQL.
            "SECRET_KEY": secrets.token_urlsafe(50),
            "FORMS_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
            "ALLOWED_HOSTS": "portal.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://portal.example.org",
            "WAGTAILADMIN_BASE_URL": "https://portal.example.org",
            "DATABASE_URL": "postgres://portal:secret@db.internal:5432/portal",
            "STATIC_ROOT": str(tmp_path / "static"),
            "MEDIA_ROOT": str(tmp_path / "media"),
        },
        # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a server never does.
        unset=("DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
