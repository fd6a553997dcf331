"""The directory's filters on a phone: folded into a panel, results first, in every language."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PHONE = {"width": 390, "height": 844}


def directory_url(language):
    from initiatives.models import InitiativeIndexPage

    return InitiativeIndexPage.objects.get(locale__language_code=language).url


@pytest.mark.parametrize("browser_context_args", [{"java_script_enabled": False}])
@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_results_come_first_and_filters_fold_without_javascript(
    page, browser_context_args, language
):
    page.set_viewport_size(PHONE)
    page.goto(f"{directory_url(language)}?country=AL&country=XK&scope=national")
    panel = page.locator("details.filters-panel")
    summary = panel.locator("summary")
    assert not panel.evaluate("element => element.open")
    assert "(3" in summary.inner_text(), "the summary says three filters are active"
    first_card = page.locator(".card").first
    assert first_card.bounding_box()["y"] < PHONE["height"], "a result is on the first screen"
    assert not page.locator("#filter-country-al").is_visible()
    summary.click()
    assert page.locator("#filter-country-al").is_visible()
    assert page.locator("#filter-country-al").is_checked()
    page.locator("#filter-country-xk").uncheck()
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url("**country=AL**")
    assert "country=XK" not in page.url
    assert "(2" in page.locator("details.filters-panel summary").inner_text()


@pytest.mark.parametrize("language", ["en", "mk"])
def test_on_a_wide_screen_the_filters_stay_open_beside_the_results(page, language):
    page.goto(directory_url(language))
    assert page.locator("#filter-country-al").is_visible()
    assert not page.locator("details.filters-panel summary").is_visible()
    filters = page.locator(".filters").bounding_box()
    results = page.locator(".card").first.bounding_box()
    assert filters["x"] + filters["width"] <= results["x"], "filters beside the results"
    assert page.recorder.csp_violations() == []
