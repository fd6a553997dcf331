import pytest
from django.core.management import call_command
from wagtail.models import Page


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """A test database with the demo content, loaded once per run.

    Replaces pytest-django's fixture, which sets up only the databases that
    collected tests mark with ``django_db``: a run of the browser tests alone
    (which use committed data and no marker) would otherwise reach the real
    database in ``var/``.
    """
    from django.test.utils import setup_databases, teardown_databases

    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        config = setup_databases(
            verbosity=verbosity, interactive=False, aliases={"default"}, serialized_aliases=set()
        )
        call_command("load_demo_content", verbosity=0)
    yield
    with django_db_blocker.unblock():
        close_other_sessions()
        teardown_databases(config, verbosity=verbosity)


def close_other_sessions():
    """Let the test database be dropped even if another thread still holds it.

    The live server of the browser tests answers in threads of its own; one
    can still be connected when the session ends, and PostgreSQL refuses to
    drop a database that has other sessions.
    """
    from django.db import connection, connections

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
    connections.close_all()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the database rolls back, the cache does not."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get(depth=2, locale__language_code="en")


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser(
        "editor-in-chief", "chief@example.org", "a-long-test-password"
    )


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def live_pages(model):
    return list(model.objects.live().filter(locale__language_code="en"))


def page_count():
    return Page.objects.count()


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']}"
