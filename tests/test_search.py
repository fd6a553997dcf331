"""Site search over every public page type, in the visitor's language."""

import pytest

pytestmark = pytest.mark.django_db


def all_result_pages(client, url):
    """The HTML of every page of a search's results (``survivor`` also finds ``survivors``)."""
    pages = []
    for number in range(1, 30):
        pages.append(client.get(f"{url}&page={number}").content.decode())
        if 'rel="next"' not in pages[-1]:
            break
    return "".join(pages)


def test_search_finds_pages_of_every_type_with_type_labels(client):
    html = all_result_pages(client, "/en/search/?q=survivor")
    assert "results" in html
    for label in ("Initiative", "Good practice", "Funding opportunity"):
        assert f'<p class="search-results__type">{label}</p>' in html, label


def test_search_by_acronym(client):
    html = client.get("/en/search/?q=ISTAC").content.decode()
    assert "International Survivors of Trafficking Advisory Council" in html


def test_search_without_words_shows_only_the_form(client):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert "results" not in response.content.decode()


def test_search_stays_within_the_visitors_language(client):
    # No Albanian pages exist in this test database's source content yet,
    # so an Albanian search finds nothing even for an English word.
    html = client.get("/sq/search/?q=ISTAC").content.decode()
    assert "International Survivors of Trafficking Advisory Council" not in html


@pytest.mark.parametrize(
    "query", ["q=" + "a" * 5000, "q=%00", "q=survivor&page=abc", "q=survivor&page=999"]
)
def test_odd_searches_give_a_normal_page(client, query):
    assert client.get(f"/en/search/?{query}").status_code == 200


def test_search_results_are_not_indexed_by_search_engines(client):
    assert (
        '<meta name="robots" content="noindex">' in client.get("/en/search/?q=x").content.decode()
    )
