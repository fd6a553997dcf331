"""The HTML of every page type, in every language, passes the Nu HTML Checker.

vnu.jar comes from the npm package vnu-jar (package.json; ``npm ci``) and runs
on Java 17. Without Java or the jar the test skips with a message, except under
CI (``CI=true``), where it fails.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from tests.browser.conftest import skip_or_fail
from tests.browser.pages import page_cases

pytestmark = pytest.mark.html

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CASES = page_cases()


@pytest.fixture(scope="session")
def vnu_messages(django_db_setup, django_db_blocker, tmp_path_factory):
    """Validate every page in one run of vnu (Java starts once); messages by case id."""
    java = shutil.which("java")
    if java is None:
        skip_or_fail("Java not found: install it with 'apt-get install default-jre-headless'.")
    if not VNU_JAR.exists():
        skip_or_fail(f"{VNU_JAR} is missing: run 'npm ci' (or 'make install').")
    folder = tmp_path_factory.mktemp("html")
    files = {}  # file name -> case id
    client = Client(raise_request_exception=False)
    with django_db_blocker.unblock():
        for param in CASES:
            case = param.values[0]
            response = client.get(case.path())
            assert response.status_code == case.status, case.path()
            path = folder / f"{case.id}.html"
            path.write_bytes(response.content)
            files[path.name] = case.id
    paths = [folder / name for name in files]
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr)
    messages = {case_id: [] for case_id in files.values()}
    for message in report["messages"]:
        # vnu names each file by a file: URL; its last part is ours.
        case_id = files.get(message.get("url", "").rsplit("/", 1)[-1])
        if case_id is None:
            pytest.fail(f"vnu could not check a page: {message}")
        messages[case_id].append(message)
    return messages


@pytest.mark.parametrize("case", CASES)
def test_page_html_has_no_validation_error(vnu_messages, case):
    errors = [
        f"line {m.get('lastLine')}: {m['message']}  {m.get('extract', '').strip()}"
        for m in vnu_messages[case.id]
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert errors == []
