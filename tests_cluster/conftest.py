"""make cluster-test: scenarios against scripts/cluster's running topology.

The cluster is started if it is not running, and stopped at the end if this
session started it. A page scheduled to go live is created first, so that
the scheduler's minute passes while the other scenarios run.
"""

import secrets
import time

import pytest

from .cluster import VAR, cluster, manage_python, running

EDITOR = "cluster-editor"


@pytest.fixture(scope="session", autouse=True)
def the_cluster():
    started_here = False
    if not running():
        result = cluster("start", timeout=1800)
        assert result.returncode == 0, result.stdout + result.stderr
        started_here = True
    yield
    if started_here:
        cluster("stop", timeout=120)


@pytest.fixture(scope="session")
def editor(the_cluster):
    """A member of Wagtail's Moderators group (publishes and unpublishes pages)."""
    password = secrets.token_urlsafe(16)
    manage_python(
        f"""
import json
from django.contrib.auth.models import Group
from django.contrib.auth import get_user_model
user, _ = get_user_model().objects.get_or_create(username={EDITOR!r}, defaults={{"email": ""}})
user.set_password({password!r})
user.save()
user.groups.add(Group.objects.get(name="Moderators"))
print(json.dumps(user.pk))
"""
    )
    return EDITOR, password


def new_page(slug, go_live_in=None):
    """A standard page under the English home page: published now, or scheduled."""
    return manage_python(
        f"""
import json
from datetime import timedelta
from django.utils import timezone
from wagtail.models import Locale
from home.models import HomePage, StandardPage
home = HomePage.objects.get(locale=Locale.objects.get(language_code="en"))
go_live_in = {go_live_in!r}
page = StandardPage(title="Cluster test {slug}", slug={slug!r}, live=go_live_in is None)
home.add_child(instance=page)
if go_live_in is not None:
    page.go_live_at = timezone.now() + timedelta(seconds=go_live_in)
page.save_revision().publish()
page.refresh_from_db()
print(json.dumps({{"id": page.pk, "path": "/en/" + page.slug + "/", "live": page.live}}))
"""
    )


@pytest.fixture(scope="session")
def scheduled_page(the_cluster):
    scheduled_at = time.time()
    page = new_page(f"scheduled-{secrets.token_hex(4)}", go_live_in=5)
    assert not page["live"]
    return {**page, "scheduled_at": scheduled_at}


@pytest.fixture(scope="session", autouse=True)
def schedule_first(scheduled_page):
    """Scheduled before every other scenario (see the module docstring)."""
    return scheduled_page


@pytest.fixture
def mail_dir():
    return VAR / "mail"
