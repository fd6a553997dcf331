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
        teardown_databases(config, verbosity=verbosity)


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
