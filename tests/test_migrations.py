"""A lintmigrations-style check of the portal's own migrations.

Every operation can be reversed (a RunPython has reverse code, a RunSQL has
reverse SQL), so a release can be rolled back with ``migrate app NNNN``; and
the models match the migrations (``make test`` also runs
``makemigrations --check``).
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

ROOT = Path(settings.BASE_DIR)


def project_migrations():
    # Reads the migration files only.
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for (app_label, name), migration in sorted(loader.disk_migrations.items()):
        module_file = Path(__import__(migration.__module__, fromlist=["_"]).__file__).resolve()
        if module_file.is_relative_to(ROOT) and "site-packages" not in module_file.parts:
            yield f"{app_label}.{name}", migration


# wagtail-localize's first migration reads the database when imported.
pytestmark = pytest.mark.django_db


def test_the_scan_finds_the_portals_migrations():
    migrations = dict(project_migrations())
    assert "core.0001_initial" in migrations
    assert len({name.split(".")[0] for name in migrations}) >= 5


def test_every_migration_can_be_reversed():
    irreversible = [
        f"{name}: {type(operation).__name__}"
        for name, migration in project_migrations()
        for operation in migration.operations
        if not operation.reversible
    ]
    assert irreversible == [], f"give these a reverse: {irreversible}"
