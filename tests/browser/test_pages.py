"""Every page type, in every language, in a real browser.

WCAG 2.2 AA by axe-core, nothing from other hosts, no CSP violation, usable
at 320 px and at 200% zoom, and a visible focus that follows the visual order.
The pages come from tests/browser/pages.py.
"""

import struct

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import RequestFactory
from django.utils import translation

from core.views import render_error_page
from tests.browser.conftest import describe
from tests.browser.pages import LANGUAGES, page_cases

pytestmark = pytest.mark.browser

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()


def open_page(page, case):
    response = page.goto(case.path())
    assert response is not None
    assert response.status == case.status, f"{case.path()} answered {response.status}"
    return response


def axe_violations(page):
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"][:5]],
        }
        for violation in results.response["violations"]
    ]


def own_console_errors(page, case):
    """Console errors, less the browser's note that the document itself was a 404."""
    errors = page.recorder.console_errors
    if case.status != 200:
        errors = [e for e in errors if f"status of {case.status}" not in e]
    return errors


@pytest.mark.parametrize("case", page_cases())
def test_page_meets_wcag_22_aa_and_loads_only_from_this_site(page, case):
    open_page(page, case)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.recorder.other_hosts == [], "requests to other hosts"
    assert page.recorder.csp_violations() == [], "Content-Security-Policy violations"
    assert own_console_errors(page, case) == []


def png_size(data):
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def horizontal_overflow(page):
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("case", page_cases())
def test_page_fits_320_pixels_and_200_percent_zoom_without_scrolling_sideways(page, case, tmp_path):
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, case)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"the page is {scroll_width} px wide on a 320 px screen"
    screenshot = page.screenshot(full_page=True, path=tmp_path / f"{case.id}-320.png")
    assert png_size(screenshot)[0] == 320, "the screenshot is wider than the screen"
    # 200% zoom in a 1280 px wide window lays the page out in 640 CSS pixels.
    page.set_viewport_size({"width": 640, "height": 400})
    assert horizontal_overflow(page) <= 0, "horizontal scroll at 200% zoom"


FOCUS_STATE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) { return null; }
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        text: (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
        top: box.top + window.scrollY,
        left: box.left + window.scrollX,
        width: box.width,
        height: box.height,
    };
}"""


def tab_through(page, limit=80):
    """Press Tab until focus leaves the page or comes back round; the focused elements."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or (stops and state == stops[0]):
            break
        stops.append(state)
    return stops


@pytest.mark.parametrize("case", page_cases(languages=[LANGUAGES[0], "sq"]))
def test_keyboard_focus_is_visible_and_follows_the_visual_order(page, case):
    open_page(page, case)
    stops = tab_through(page)
    assert len(stops) >= 3
    assert stops[0]["text"] == page.locator(".skip-link").inner_text()
    assert stops[1]["text"] == page.locator("#quick-exit").inner_text(), (
        "the quick exit comes right after the skip link"
    )
    for stop in stops:
        assert stop["outline"] or stop["shadow"], f"no visible focus on {describe(stop)}"
        assert stop["width"] > 0 and stop["height"] > 0, f"focus on a hidden element: {stop}"
    # Reading order: top to bottom, left to right within a line, and a column
    # to the right (the results beside the filters) after the one on the
    # left. The skip link appears over the top of the page, so it is left out.
    for before, after in zip(stops[1:], stops[2:], strict=False):
        same_line = abs(after["top"] - before["top"]) < before["height"] / 2
        next_column = after["left"] >= before["left"] + before["width"]
        if same_line or next_column:
            continue
        assert after["top"] > before["top"], (
            f"focus moves up the page from {describe(before)} to {describe(after)}"
        )


def error_page_html(template, status, language):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        return render_error_page(request, template, status).content.decode()


@pytest.mark.parametrize("language", ["en", "sq"])
@pytest.mark.parametrize(("template", "status"), [("500.html", 500), ("503.html", 503)])
def test_server_error_pages_have_no_wcag_22_aa_violation(
    page, live_site, template, status, language
):
    # 500 and 503 cannot be caused on demand in the shared server: serve the
    # page exactly as the error handler renders it, at a URL of the live site
    # so its stylesheet and script load as usual.
    html = error_page_html(template, status, language)
    url = f"{live_site}/{language}/__error-{status}/"
    page.route(url, lambda route: route.fulfill(status=status, body=html, content_type="text/html"))
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("#quick-exit").is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
