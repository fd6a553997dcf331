"""The quick exit, as a visitor on a watched device uses it.

Clicking it, pressing Enter on it or pressing Shift three times hides the page
at once, replaces the page's history entry and opens the neutral site the
editors chose. Without JavaScript it is a plain link.
"""

import pytest

from core.models import DEFAULT_QUICK_EXIT_URL

pytestmark = pytest.mark.browser


def visit_two_pages(page):
    """Home, then the about page by its link: two entries of this site in the history."""
    page.goto("/en/")
    page.locator(".main-nav").get_by_role("link", name="About").click()
    page.wait_for_url("**/en/about/")
    return page.evaluate("history.length")


def assert_left_without_a_way_back(page, history_length):
    page.wait_for_url(DEFAULT_QUICK_EXIT_URL)
    assert page.title() == "Weather"
    assert page.evaluate("history.length") == history_length, "a history entry was added"
    page.go_back()
    assert "/en/" not in page.url, "Back must show no page of the portal"


def test_after_home_get_involved_a_form_and_the_quick_exit_back_shows_no_portal_page(page):
    """The issue's walk: links replace the history entry, so the visit is one entry."""
    page.goto("https://news.example/start")
    page.goto("/en/")
    lengths = [page.evaluate("history.length")]
    page.locator(".main-nav").get_by_role("link", name="Get involved").click()
    page.wait_for_url("**/en/get-involved/")
    lengths.append(page.evaluate("history.length"))
    form_link = page.locator(".call-card__title a").first
    href = form_link.get_attribute("href")
    form_link.click()
    page.wait_for_url(f"**{href}")
    lengths.append(page.evaluate("history.length"))
    assert lengths[1:] == [lengths[0], lengths[0]], f"links added history entries: {lengths}"
    page.locator("#quick-exit").click()
    page.wait_for_url(DEFAULT_QUICK_EXIT_URL)
    page.go_back()
    assert page.url == "https://news.example/start"
    page.go_forward()
    assert page.url == DEFAULT_QUICK_EXIT_URL


# Activates the quick exit and reports, in the same task, before the browser
# has even started to leave, what the visitor can still see.
CLICK_AND_LOOK = """() => {
  document.getElementById("quick-exit").click();
  const visibility = (selector) => getComputedStyle(document.querySelector(selector)).visibility;
  return {
    title: document.title,
    main: visibility("main"),
    header: visibility(".site-header"),
    footer: visibility(".site-footer"),
  };
}"""


def test_clicking_quick_exit_leaves_and_replaces_the_pages_history_entry(page):
    history_length = visit_two_pages(page)
    requests_after_exit = []
    page.on("request", lambda request: requests_after_exit.append(request.url))
    page.locator("#quick-exit").click()
    assert_left_without_a_way_back(page, history_length)
    # The browser may still fetch the site's icon on its own; the page sends nothing.
    sent = [url for url in requests_after_exit if "favicon" not in url]
    assert sent[0] == DEFAULT_QUICK_EXIT_URL, "leaving sent something first"


def test_quick_exit_blanks_the_page_at_once(page):
    history_length = visit_two_pages(page)
    seen = page.evaluate(CLICK_AND_LOOK)
    assert seen == {"title": "", "main": "hidden", "header": "hidden", "footer": "hidden"}, (
        "the page stayed readable while the neutral site loads"
    )
    assert_left_without_a_way_back(page, history_length)


def test_enter_on_the_quick_exit_leaves_the_same_way(page):
    history_length = visit_two_pages(page)
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the quick exit
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    page.keyboard.press("Enter")
    assert_left_without_a_way_back(page, history_length)


def test_shift_pressed_three_times_leaves_the_same_way(page):
    history_length = visit_two_pages(page)
    assert page.locator("[data-quick-exit-hint]").is_visible(), "the shortcut is explained"
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_without_a_way_back(page, history_length)


def stays(page, url_end="/en/about/"):
    page.wait_for_timeout(300)
    return page.url.endswith(url_end) and not page.evaluate(
        "document.documentElement.classList.contains('quick-exit-active')"
    )


def test_escape_and_ordinary_typing_do_not_leave(page):
    visit_two_pages(page)
    for _ in range(3):
        page.keyboard.press("Escape")
    assert stays(page), "Escape belongs to the browser and assistive technology"
    # Typing capitals holds Shift down around other keys: not a quick exit.
    for letter in "ABC":
        page.keyboard.press(f"Shift+{letter}")
    assert stays(page)


def test_shift_pressed_three_times_slowly_does_not_leave(page):
    page.clock.install()
    visit_two_pages(page)
    for _ in range(3):
        page.keyboard.press("Shift")
        page.clock.fast_forward(2500)
    assert stays(page)


@pytest.mark.parametrize("browser_context_args", [{"java_script_enabled": False}])
def test_without_javascript_the_quick_exit_is_a_plain_link(page, browser_context_args):
    page.goto("/en/about/")
    link = page.locator("#quick-exit")
    assert link.get_attribute("href") == DEFAULT_QUICK_EXIT_URL
    assert link.get_attribute("rel") == "noreferrer"
    assert not page.locator("[data-quick-exit-hint]").is_visible(), (
        "the Shift shortcut is not offered when it cannot work"
    )
    link.click()
    page.wait_for_url(DEFAULT_QUICK_EXIT_URL)
    assert page.title() == "Weather"
