import pytest
from django.core.management import call_command
from wagtail.models import Page


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo content, loaded once per run."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


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
