"""The tools in a real browser: axe on form, errors and result; printing; no JavaScript."""

import re

import pytest

from practices.models import PracticePage, SelfAssessmentPage, TransferabilityChecklistPage

from .test_pages import axe_violations, describe

pytestmark = pytest.mark.browser

FOCUSED = """() => ({
    id: document.activeElement.id,
    role: document.activeElement.getAttribute("role") || "",
})"""


def tool_url(model, language="en"):
    return model.objects.live().get(locale__language_code=language).url


def assert_clean(page, state):
    violations = axe_violations(page)
    assert violations == [], f"{state}: {describe(violations)}"
    assert page.recorder.csp_violations() == [], f"{state}: CSP violations"
    assert page.recorder.other_hosts == [], f"{state}: requests to other hosts"
    assert page.recorder.console_errors == [], f"{state}: {page.recorder.console_errors}"


def pdf_pages(page):
    """How many A4 pages the browser prints (the print stylesheet applies)."""
    pdf = page.pdf(format="A4", print_background=False)
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.parametrize("language", ["en", "mk"])
def test_self_assessment_form_errors_and_result_pass_axe_and_print_on_two_pages(page, language):
    page.goto(tool_url(SelfAssessmentPage, language))
    assert_clean(page, "form")

    # Sent with one item answered: every other item gets an error, the summary has focus.
    page.check("#item-1-1-always")
    with page.expect_navigation():
        page.click("form.tool-form button[type=submit]")
    assert page.evaluate(FOCUSED)["role"] == "alert", "the error summary does not have focus"
    assert page.locator(".error-summary li").count() == 14
    assert page.locator("#item-1-1-always").is_checked(), "the answer given was lost"
    assert_clean(page, "errors")
    page.locator(".error-summary a").first.click()
    assert page.evaluate(FOCUSED)["id"] == "item-1-2-never", "the error link leads nowhere"

    # Mixed answers: always in A, sometimes in B, never in C.
    for section, value in ((1, "always"), (2, "sometimes"), (3, "never")):
        for radio in page.locator(
            f"input[type=radio][id^='item-{section}-'][id$='-{value}']"
        ).all():
            radio.check()
    with page.expect_navigation():
        page.click("form.tool-form button[type=submit]")
    assert page.evaluate(FOCUSED)["id"] == "result", "the result does not have focus"
    result = page.locator(".tool-result").inner_text()
    assert re.search(r"\b13\b\D+\b30\b", result), result[:300]
    assert page.locator(".tool-guidance").count() == 2  # B (5 of 10) and C (0 of 12)
    assert page.locator("[data-print]").is_visible()
    assert_clean(page, "result")

    page.emulate_media(media="print")
    assert not page.locator(".tool-form").is_visible()
    assert page.locator(".tool-table--answers").first.is_visible()
    assert not page.locator("[data-print]").is_visible()
    assert 1 <= pdf_pages(page) <= 2


@pytest.mark.parametrize("browser_context_args", [{"java_script_enabled": False}])
def test_the_self_assessment_works_without_javascript(page, browser_context_args):
    page.goto(tool_url(SelfAssessmentPage))
    for radio in page.locator("input[type=radio][value='2']").all():
        radio.check()
    with page.expect_navigation():
        page.click("form.tool-form button[type=submit]")
    assert re.search(r"Total: 30 out of 30", page.locator(".tool-result").inner_text())
    assert not page.locator("[data-print]").is_visible()


def test_checklist_from_a_practice_page_form_errors_and_summary_pass_axe(page):
    practice = PracticePage.objects.live().get(locale__language_code="sq", code="O1")
    page.goto(practice.url)
    with page.expect_navigation():
        page.click("#transfer-heading + p a")
    assert page.url.endswith(f"?practice={practice.pk}")
    assert practice.title in page.locator(".tool-practice").inner_text()
    assert_clean(page, "form")

    with page.expect_navigation():
        page.click("form.tool-form button[type=submit]")
    assert page.evaluate(FOCUSED)["role"] == "alert"
    assert_clean(page, "errors")

    page.check("#question-1-1-yes")
    page.fill("#question-1-1-notes", "Ne e kemi këtë problem në qytetin tonë.")
    page.check("#question-3-2-partly")
    with page.expect_navigation():
        page.click("form.tool-form button[type=submit]")
    summary = page.locator(".tool-result").inner_text()
    assert practice.title in summary and "qytetin tonë" in summary
    assert_clean(page, "summary")
    page.emulate_media(media="print")
    assert not page.locator(".tool-form").is_visible()
    assert 1 <= pdf_pages(page) <= 2


def test_a_full_checklist_with_long_notes_still_prints_on_two_pages(page):
    page.goto(tool_url(TransferabilityChecklistPage))
    note = "We would need a budget line and one more member of staff to run this. " * 3
    for textarea in page.locator("textarea[id$='-notes']").all():
        textarea.fill(note)
    for radio in page.locator("input[type=radio][value='partly']").all():
        radio.check()
    with page.expect_navigation():
        page.click("form.tool-form button[type=submit]")
    page.emulate_media(media="print")
    assert pdf_pages(page) <= 2
