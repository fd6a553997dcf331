"""A board application filled in and sent with the keyboard alone.

Focus must follow the visual order and always be visible, a mistake must be
announced by an error summary at the top that links to the field, and the
confirmation must receive focus.
"""

import datetime

import pytest

from forms.models import BoardApplicationPage
from forms.models.submissions import ModeratedSubmission

from .test_pages import FOCUS_STATE, axe_violations, describe

pytestmark = pytest.mark.browser

FOCUS_DETAILS = """() => {
    const el = document.activeElement;
    return {
        id: el.id,
        tag: el.tagName.toLowerCase(),
        type: el.type || "",
        describedby: el.getAttribute("aria-describedby") || "",
        invalid: el.getAttribute("aria-invalid") || "",
        role: el.getAttribute("role") || "",
    };
}"""


def today_as_typed():
    # Chromium's date field in an en-US context takes month, day and year digits.
    return datetime.date.today().strftime("%m%d%Y")


def answers(with_surname):
    typed = {
        "id_first_name": "Keyboard",
        "id_email": "keyboard.applicant@example.org",
        "id_your_work_in_anti_trafficking_or_a_related_field": "Peer support.",
        "id_why_are_you_suited_to_serve_as_a_member_of_the_board": "Lived experience.",
        "id_how_does_your_personal_history_shape_your_motivation": "It keeps me going.",
        "id_full_name_typed_in_place_of_a_signature": "Keyboard Applicant",
        "id_date": today_as_typed(),
    }
    if with_surname:
        typed["id_surname"] = "Applicant"
    spaced = {
        "id_age_0",
        "id_i_understand_that_the_board_offers_no_support_services",
        "id_i_agree_that_my_answers_are_processed_to_select_the_boards_members",
    }
    return typed, spaced


def tab(page):
    page.keyboard.press("Tab")
    return page.evaluate(FOCUS_DETAILS), page.evaluate(FOCUS_STATE)


def fill_form_by_keyboard(page, typed, spaced, first_field="id_first_name"):
    """Tab from where focus is to the Send button, answering on the way. The stops."""
    stops = []
    for _ in range(200):
        details, state = tab(page)
        stops.append(state)
        if details["id"] in typed:
            page.keyboard.press("Control+A")
            page.keyboard.type(typed[details["id"]])
        elif details["id"] in spaced:
            page.keyboard.press("Space")
        if details["tag"] == "button" and details["type"] == "submit":
            return stops
    raise AssertionError("never reached the Send button")


def assert_focus_visible_and_in_order(stops):
    for stop in stops:
        assert stop["outline"] or stop["shadow"], f"no visible focus on {describe(stop)}"
    for before, after in zip(stops, stops[1:], strict=False):
        same_line = abs(after["top"] - before["top"]) < before["height"] / 2
        if not same_line:
            assert after["top"] > before["top"], f"focus jumps up to {describe(after)}"


@pytest.fixture
def board_page():
    page = BoardApplicationPage.objects.live().filter(locale__language_code="en").first()
    started = ModeratedSubmission.objects.filter(page=page).values_list("pk", flat=True)
    before = set(started)
    yield page
    # Browser tests run on committed data: remove what this test sent.
    ModeratedSubmission.objects.filter(page=page).exclude(pk__in=before).erase(
        reason="keyboard test"
    )


def test_board_application_with_the_keyboard_alone(page, board_page):
    page.goto(board_page.url)

    # Skip link, quick exit, then the page in reading order down to the form.
    for _ in range(60):
        details, _state = tab(page)
        if details["id"] == "id_first_name":
            break
    else:
        raise AssertionError("the first question cannot be reached with Tab")
    page.keyboard.type("Keyboard")
    page.keyboard.press("Shift+Tab")

    # First attempt: the surname is forgotten.
    typed, spaced = answers(with_surname=False)
    stops = fill_form_by_keyboard(page, typed, spaced)
    assert_focus_visible_and_in_order(stops)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The error summary is announced and has focus, and links to the field.
    summary = page.evaluate(FOCUS_DETAILS)
    assert summary["role"] == "alert", f"focus is on {summary}, not the error summary"
    assert axe_violations(page) == [], "the error state must pass axe too"
    details, _state = tab(page)
    assert details["tag"] == "a"
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_surname"
    page.keyboard.press("Enter")
    field = page.evaluate(FOCUS_DETAILS)
    assert field["id"] == "id_surname", "the error link does not lead to the field"
    assert "id_surname_error" in field["describedby"].split()
    assert page.locator("#id_surname_error").inner_text().strip()
    # What was typed is kept.
    assert page.locator("#id_first_name").input_value() == "Keyboard"

    # Second attempt: type the surname where focus already is, then send.
    page.keyboard.type("Applicant")
    for _ in range(200):
        details, _state = tab(page)
        if details["tag"] == "button" and details["type"] == "submit":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")

    confirmation = page.evaluate(FOCUS_DETAILS)
    assert confirmation["id"] == "confirmation-heading", f"focus is on {confirmation}"
    assert page.locator(".confirmation__reference").inner_text().strip()
    assert axe_violations(page) == [], "the confirmation must pass axe too"
