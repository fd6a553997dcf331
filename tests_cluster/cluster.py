"""Talking to the cluster that scripts/cluster runs: HTTP from chosen loopback
addresses, its manage.py, its processes and its mail folder."""

import json
import random
import re
import subprocess
import time
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "cluster"
VAR = ROOT / "var" / "cluster"
LB = "http://127.0.0.1:8080"
APP_SERVERS = ["http://127.0.0.1:8081", "http://127.0.0.1:8082"]
FEEDBACK_SLUG = "tell-us-about-the-support-you-received"
FEEDBACK_FORM = f"/en/get-involved/{FEEDBACK_SLUG}/"


def cluster(*args, timeout=600):
    return subprocess.run(
        [str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def running():
    return cluster("status", timeout=60).returncode == 0


def kill(name):
    result = cluster("kill", name, timeout=60)
    assert result.returncode == 0, result.stderr


def respawn(name):
    result = cluster("respawn", name, timeout=120)
    assert result.returncode == 0, result.stderr


def manage_python(code):
    """Run ``code`` in the cluster's Django (manage.py shell); it prints one JSON line."""
    result = cluster("manage", "shell", "-c", code, timeout=180)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def random_address():
    """A loopback address of its own: every 127.x.y.z reaches nginx on 127.0.0.1."""
    return f"127.{random.randint(1, 254)}.{random.randint(0, 254)}.{random.randint(1, 254)}"  # noqa: S311


class SourceAddressAdapter(HTTPAdapter):
    def __init__(self, address, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def visitor(address=None):
    """A browser-like session whose connections come from ``address``."""
    session = requests.Session()
    adapter = SourceAddressAdapter(address or random_address())
    session.mount("http://", adapter)
    return session


FIELD = re.compile(r'<(textarea|input)\b[^>]*\bname="([^"]+)"[^>]*>', re.IGNORECASE)
VALUE = re.compile(r'\bvalue="([^"]*)"')


def form_fields(html):
    """Hidden fields as given, every textarea filled later; the honeypot left empty."""
    fields = {}
    for match in FIELD.finditer(html):
        tag, name = match.group(1).lower(), match.group(2)
        if tag == "textarea":
            fields[name] = None
        elif 'type="hidden"' in match.group(0):
            value = VALUE.search(match.group(0))
            fields[name] = value.group(1) if value else ""
    return fields


REFERENCE = re.compile(r'class="confirmation__reference">([^<]+)<')


def apply(session, marker, base=LB, path=FEEDBACK_FORM, timeout=30):
    """Send the feedback form with ``marker`` in every answer.

    Returns (status, reference or None): a reference means the portal
    confirmed that it stored the answers.
    """
    page = session.get(base + path, timeout=timeout)
    if page.status_code != 200:
        return page.status_code, None
    data = {
        name: (marker if value is None else value) for name, value in form_fields(page.text).items()
    }
    response = session.post(
        base + path, data=data, timeout=timeout, headers={"Referer": base + path}
    )
    found = REFERENCE.search(response.text)
    return response.status_code, found.group(1).strip() if found else None


def stored_markers(since_id, slug=FEEDBACK_SLUG):
    """{marker: times stored} for the form's submissions with an id above ``since_id``."""
    return manage_python(
        f"""
import json
from collections import Counter
from wagtail.models import Page
from forms.models import ModeratedSubmission
page = Page.objects.get(slug={slug!r}, locale__language_code="en")
counts = Counter()
for submission in ModeratedSubmission.objects.filter(page=page, pk__gt={since_id}):
    values = set(v for v in submission.form_data.values() if isinstance(v, str))
    counts.update(values)
print(json.dumps(counts))
"""
    )


def last_submission_id():
    return manage_python(
        "import json; from forms.models import ModeratedSubmission as S; "
        "print(json.dumps(S.objects.order_by('-pk').values_list('pk', flat=True).first() or 0))"
    )


def wait_until(predicate, timeout, interval=0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return predicate()


def admin_session(base, username, password):
    session = requests.Session()
    login = session.get(f"{base}/admin/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    response = session.post(
        f"{base}/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": password},
        headers={"Referer": f"{base}/admin/login/"},
        timeout=30,
    )
    assert "sessionid" in session.cookies, response.text[:500]
    return session


def csrf_token(session, base, path):
    page = session.get(base + path, timeout=30)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
