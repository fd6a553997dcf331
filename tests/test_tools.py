"""The practitioners' tools: scored right, in every language, and nothing kept anywhere."""

import logging
import pickle
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from practices.models import (
    PracticeIndexPage,
    PracticePage,
    SelfAssessmentPage,
    TransferabilityChecklistPage,
)
from practices.tools.self_assessment import build_sections, read_answers, score

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SECTION_SIZES = (4, 5, 6)
MARKER = "MARKER-T00L-9ZQ-private-note"


def tool(model, language="en"):
    return model.objects.live().get(locale__language_code=language)


def answers(values_by_section):
    """Form data: ``values_by_section`` is one list of 0/1/2 per section."""
    return {
        f"item-{section}-{position}": str(value)
        for section, values in enumerate(values_by_section, start=1)
        for position, value in enumerate(values, start=1)
    }


def every_item(value):
    return answers([[value] * size for size in SECTION_SIZES])


def post(client, page, data, language=None):
    language = language or page.locale.language_code
    return client.post(f"/{language}/tool-answers/{page.pk}/", data)


def text_of(response):
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def result_text(response):
    html = response.content.decode()
    start = html.index('class="tool-result"')
    return text_of_html(html[start : html.index("</section>", start)])


def text_of_html(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


# Scoring ------------------------------------------------------------------


def test_all_never_scores_0_and_all_always_scores_30(client):
    page = tool(SelfAssessmentPage)
    never = result_text(post(client, page, every_item(0)))
    always = result_text(post(client, page, every_item(2)))
    assert "Total: 0 out of 30" in never
    assert "0 out of 8" in never and "0 out of 10" in never and "0 out of 12" in never
    assert "Getting started." in never
    assert "Total: 30 out of 30" in always
    assert "8 out of 8" in always and "10 out of 10" in always and "12 out of 12" in always
    assert "Survivor-informed." in always
    assert "What helps" not in always


def test_mixed_answers_are_scored_per_section_with_guidance_for_the_weak_ones(client):
    page = tool(SelfAssessmentPage)
    # A: 2+2+1+0 = 5 (strong: guidance at 4 or less); B: 1+0+0+1+0 = 2; C: 1 x 6 = 6 (at 6).
    response = post(client, page, answers([[2, 2, 1, 0], [1, 0, 0, 1, 0], [1] * 6]))
    result = result_text(response)
    assert "Total: 13 out of 30" in result
    assert "A. Meaningful input 5 out of 8" in result
    assert "B. Input from a diverse survivor community 2 out of 10" in result
    assert "C. Input in every phase 6 out of 12" in result
    assert "On the way." in result
    assert "What helps: A." not in result
    assert "What helps: B. Input from a diverse survivor community" in result
    assert "What helps: C. Input in every phase" in result
    # The guidance links to the good practices that help, in the visitor's language.
    html = response.content.decode()
    for slug in (
        "p1-establish-survivors-as-stakeholders",
        "o2-areas-of-survivor-involvement-in-the-operational-response",
        "o3-feedback-from-service-users-and-survivors",
    ):
        assert f'href="/en/practices/{slug}/"' in html
    assert "p2-set-up-a-survivor-advisory-body/" not in html.split("Your answers")[0]


def test_scoring_follows_the_content_not_fixed_numbers():
    page = tool(SelfAssessmentPage)
    sections = build_sections(page.sections)
    assert [len(section.items) for section in sections] == list(SECTION_SIZES)
    assert [section.maximum for section in sections] == [8, 10, 12]
    read_answers(sections, answers([[1] * 4, [2] * 5, [0] * 6]))
    result = score(sections, [block.value for block in page.bands])
    assert (result.total, result.maximum) == (14, 30)
    assert [section.score for section in result.sections] == [4, 10, 0]
    assert [section.letter for section in result.weak_sections] == ["A", "C"]
    assert result.band["title"] == "On the way"


def test_the_result_shows_every_answer_and_the_date_for_printing(client):
    page = tool(SelfAssessmentPage)
    result = result_text(post(client, page, answers([[0, 1, 2, 0], [2] * 5, [1] * 6])))
    assert re.search(r"Answered on \d{1,2} \w+ \d{4}", result)
    assert "A1 The programme or project offers jobs to survivors. Never (0)" in result
    assert "A2 Survivors hold leadership roles" in result and "Sometimes (1)" in result
    assert "C6 There is a working process" in result


# Errors -------------------------------------------------------------------


def test_unanswered_items_get_an_error_each_and_the_other_answers_are_kept(client):
    page = tool(SelfAssessmentPage)
    data = every_item(2)
    del data["item-1-2"]
    data["item-3-6"] = "7"  # not an answer: treated as unanswered
    response = post(client, page, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="tool-result"' not in html
    assert html.count('class="field field--error"') == 2
    # The summary at the top links to each item's first choice.
    start = html.index('class="error-summary"')
    summary = html[start : html.index("</ul>", start)]
    assert 'href="#item-1-2-never"' in summary and 'href="#item-3-6-never"' in summary
    assert "A2: Choose never, sometimes or always for this item." in text_of_html(summary)
    assert 'id="item-1-2-error"' in html and 'aria-describedby="item-1-2-error"' in html
    assert "<title>Error:" in html
    # Everything else stays as it was answered.
    assert html.count(" checked>") == 13
    assert 'id="item-1-1-always" value="2" checked>' in html


def test_an_empty_checklist_or_an_overlong_note_is_an_error_with_a_summary(client):
    page = tool(TransferabilityChecklistPage)
    empty = post(client, page, {}).content.decode()
    assert 'href="#form-errors"' in empty and 'id="form-errors"' in empty
    assert "Answer at least one question to get a summary." in empty
    long = post(
        client, page, {"question-1-1": "yes", "question-2-3-notes": "x" * 2001}
    ).content.decode()
    assert 'href="#question-2-3-yes"' in long
    assert "Thematic knowledge: Keep your notes under 2000 characters." in text_of_html(long)
    assert 'value="yes" checked>' in long  # the other answer is kept
    assert 'class="tool-result"' not in long


# The transferability checklist ---------------------------------------------


def test_the_checklist_summarises_answers_and_notes_and_escapes_them(client):
    page = tool(TransferabilityChecklistPage)
    data = {
        "description": "Peer support <script>alert(1)</script>",
        "question-1-1": "yes",
        "question-1-2": "partly",
        "question-1-2-notes": "Women over 18 <b>only</b>",
        "question-3-1": "no",
    }
    response = post(client, page, data)
    html = response.content.decode()
    result = result_text(response)
    assert "Relevance of the practice 1 1 0 2" in result
    assert "Applicability of the practice 0 0 0 5" in result
    assert "Context 0 0 1 2" in result
    assert "Target groups Who benefits from the practice? Describe the groups. Partly " in result
    assert "Partly Women over 18 &lt;b&gt;only&lt;/b&gt;" in result
    assert "<script>alert(1)</script>" not in html and "<b>only</b>" not in html
    assert re.search(r"Legal provisions [^?]+\? Not answered", result)


def test_every_practice_page_links_to_the_checklist_naming_that_practice(client):
    checklist = tool(TransferabilityChecklistPage)
    practices = PracticePage.objects.live().filter(locale__language_code="en")
    assert practices.count() > 6
    for practice in practices:
        html = client.get(practice.url).content.decode()
        assert "Could this work for you?" in html
        assert f'href="{checklist.url}?practice={practice.pk}"' in html
    o1 = practices.get(code="O1")
    html = client.get(f"{checklist.url}?practice={o1.pk}").content.decode()
    assert "The practice you are assessing:" in html
    assert f'name="practice" value="{o1.pk}"' in html
    assert f"O1: {o1.title}" in html
    summary = post(client, checklist, {"practice": str(o1.pk), "question-1-1": "yes"})
    assert f"O1: {o1.title}" in result_text(summary)


@pytest.mark.parametrize("value", ["abc", "-1", "999999", "1 OR 1=1", "home", ""])
def test_the_checklist_ignores_a_practice_that_is_not_one(client, value):
    checklist = tool(TransferabilityChecklistPage)
    response = client.get(checklist.url, {"practice": value})
    assert response.status_code == 200
    assert "The practice you are assessing:" not in response.content.decode()


def test_the_checklist_ignores_pages_that_are_not_live_public_practices(client):
    checklist = tool(TransferabilityChecklistPage)
    home = Page.objects.get(depth=2, locale__language_code="en")
    draft = PracticePage.objects.live().filter(locale__language_code="en").first()
    draft.unpublish()
    for page_id in (home.pk, checklist.pk, draft.pk):
        html = client.get(checklist.url, {"practice": page_id}).content.decode()
        assert "The practice you are assessing:" not in html


def test_the_practice_is_named_in_the_checklists_language(client):
    en_practice = PracticePage.objects.live().get(locale__language_code="en", code="P2")
    sq_practice = en_practice.get_translation(
        PracticePage.objects.live().get(locale__language_code="sq", code="P2").locale
    )
    checklist = tool(TransferabilityChecklistPage, "sq")
    html = client.get(checklist.url, {"practice": en_practice.pk}).content.decode()
    assert f"P2: {sq_practice.title}" in html


# Every language -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_tools_work_in_every_language(client, language):
    english = {
        model: tool(model).title for model in (SelfAssessmentPage, TransferabilityChecklistPage)
    }
    for model in (SelfAssessmentPage, TransferabilityChecklistPage):
        page = tool(model, language)
        assert page.url.startswith(f"/{language}/")
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert f'<html lang="{language}"' in html
        if language != "en":
            assert page.title != english[model], f"{model.__name__} not translated"
        assert page.title in html
    page = tool(SelfAssessmentPage, language)
    result = result_text(post(client, page, every_item(2)))
    assert re.search(r"\b30\b.*\b30\b", result)
    assert page.always_label in result
    sections = build_sections(page.sections)
    assert all(section.title and section.items for section in sections)
    assert [len(section.items) for section in sections] == list(SECTION_SIZES)
    checklist = tool(TransferabilityChecklistPage, language)
    summary = result_text(post(client, checklist, {"question-1-1": "partly"}))
    assert checklist.partly_label in summary


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_and_the_practices_index_offer_the_tools(client, language):
    index = PracticeIndexPage.objects.live().get(locale__language_code=language)
    home = index.get_parent()
    for page in (home, index):
        html = client.get(page.url).content.decode()
        for model in (SelfAssessmentPage, TransferabilityChecklistPage):
            assert f'href="{tool(model, language).url}"' in html, page.url


# Nothing stored --------------------------------------------------------------


def table_counts():
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.db_table] = model._base_manager.count()
    return counts


def cached_values():
    """Every value in the cache, as bytes (the test settings use the local-memory cache)."""
    cache = caches["default"]
    return b"\n".join(value for value in getattr(cache, "_cache", {}).values())


@pytest.mark.parametrize("model", [SelfAssessmentPage, TransferabilityChecklistPage])
def test_nothing_is_written_to_the_database_the_cache_the_logs_or_a_cookie(model, caplog):
    page = tool(model)
    client = Client()
    if model is SelfAssessmentPage:
        data = answers([[2, 1, 0, 2], [1] * 5, [0, 2, 1, 0, 2, 1]])
    else:
        data = {
            "description": MARKER,
            "question-1-1": "partly",
            "question-3-2-notes": f"{MARKER} notes",
        }
    client.get(page.url)  # the site chrome and the like are cached by any visit
    post(client, page, data)
    caplog.clear()
    before_rows = table_counts()
    before_cache = set(getattr(caches["default"], "_cache", {}))
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        response = post(client, page, data)
    assert response.status_code == 200
    assert 'class="tool-result"' in response.content.decode()
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if re.match(r"\s*(INSERT|UPDATE|DELETE|REPLACE)", query["sql"], re.IGNORECASE)
    ]
    assert writes == []
    assert table_counts() == before_rows
    # No new cache entry, and no entry holds an answer.
    assert set(getattr(caches["default"], "_cache", {})) <= before_cache
    assert MARKER.encode() not in cached_values()
    assert pickle.dumps(MARKER) not in cached_values()
    # No log line, at any level, carries an answer.
    for record in caplog.records:
        assert MARKER not in record.getMessage()
        assert "item-1-1" not in record.getMessage()
    # No cookie, no caching, no indexing.
    assert response.cookies == {}
    assert client.cookies == {} or all(not c.value for c in client.cookies.values())
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert "X-Page-Cache" not in response


def test_the_blank_tools_are_ordinary_cacheable_pages_without_cookies(client):
    for model in (SelfAssessmentPage, TransferabilityChecklistPage):
        first = client.get(tool(model).url)
        assert first.cookies == {}
        assert "csrfmiddlewaretoken" not in first.content.decode()
        assert 'name="robots"' not in first.content.decode()
        assert client.get(tool(model).url)["X-Page-Cache"] == "hit"


def test_answers_reach_only_live_tool_pages_in_the_addresss_language(client):
    page = tool(SelfAssessmentPage)
    other = PracticePage.objects.live().filter(locale__language_code="en").first()
    assert client.post(f"/en/tool-answers/{other.pk}/", every_item(2)).status_code == 404
    assert client.post(f"/sq/tool-answers/{page.pk}/", every_item(2)).status_code == 404
    assert client.get(f"/en/tool-answers/{page.pk}/").status_code == 405
    page.unpublish()
    assert client.post(f"/en/tool-answers/{page.pk}/", every_item(2)).status_code == 404


def test_posting_to_the_page_itself_still_needs_a_csrf_token():
    """Why the answers go to their own address: Django refuses the page's without a token."""
    client = Client(enforce_csrf_checks=True)
    page = tool(SelfAssessmentPage)
    assert client.post(page.url, every_item(2)).status_code == 403
    assert post(client, page, every_item(2)).status_code == 200
