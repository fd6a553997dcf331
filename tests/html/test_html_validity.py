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
from tests.browser.pages import live_page_path, page_cases

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
        for case_id, html in form_states():
            path = folder / f"{case_id}.html"
            path.write_text(html)
            files[path.name] = case_id
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


def form_states():
    """(case id, HTML) of a form with errors and of a confirmation, in two languages."""
    from forms.formbuilder import TOKEN_FIELD, new_submission_token
    from forms.models.submissions import ModeratedSubmission

    client = Client()
    for language in FORM_STATE_LANGUAGES:
        board = live_page_path("forms.BoardApplicationPage", language)
        response = client.post(board, {TOKEN_FIELD: new_submission_token()})
        assert response.status_code == 200 and b"error-summary" in response.content
        yield f"board-errors-{language}", response.content.decode()
        feedback = live_page_path("forms.FeedbackPage", language)
        before = set(ModeratedSubmission.objects.values_list("pk", flat=True))
        response = client.post(
            feedback, {TOKEN_FIELD: new_submission_token(), "referral": "Through a friend."}
        )
        assert response.status_code == 200 and b"confirmation-heading" in response.content
        ModeratedSubmission.objects.exclude(pk__in=before).erase(reason="HTML test")
        yield f"feedback-confirmation-{language}", response.content.decode()
        yield from tool_states(client, language)


def tool_states(client, language):
    """The practitioners' tools with errors and with a result (they are posted, not visited)."""
    from practices.models import SelfAssessmentPage, TransferabilityChecklistPage

    assessment = SelfAssessmentPage.objects.live().get(locale__language_code=language)
    checklist = TransferabilityChecklistPage.objects.live().get(locale__language_code=language)
    every_item = {
        f"item-{s}-{i}": "1" for s, n in ((1, 4), (2, 5), (3, 6)) for i in range(1, n + 1)
    }
    for state, page, data in (
        ("self-assessment-errors", assessment, {"item-1-1": "2"}),
        ("self-assessment-result", assessment, every_item),
        ("checklist-errors", checklist, {}),
        ("checklist-summary", checklist, {"question-1-1": "yes", "question-1-1-notes": "A note"}),
    ):
        response = client.post(f"/{language}/tool-answers/{page.pk}/", data)
        assert response.status_code == 200
        yield f"{state}-{language}", response.content.decode()


FORM_STATE_LANGUAGES = ["en", "sq"]
FORM_STATE_IDS = [
    f"{state}-{language}"
    for language in FORM_STATE_LANGUAGES
    for state in (
        "board-errors",
        "feedback-confirmation",
        "self-assessment-errors",
        "self-assessment-result",
        "checklist-errors",
        "checklist-summary",
    )
]


def validation_errors(messages):
    return [
        f"line {m.get('lastLine')}: {m['message']}  {m.get('extract', '').strip()}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


@pytest.mark.parametrize("case", CASES)
def test_page_html_has_no_validation_error(vnu_messages, case):
    assert validation_errors(vnu_messages[case.id]) == []


@pytest.mark.parametrize("state", FORM_STATE_IDS)
def test_form_error_and_confirmation_html_has_no_validation_error(vnu_messages, state):
    assert validation_errors(vnu_messages[state]) == []
