"""Exports open in Excel in every language, and answers line up across languages."""

import csv
import io

import pytest
from django.conf import settings
from openpyxl import load_workbook

from forms.export import field_choices
from forms.models import BoardApplicationPage, ModeratedSubmission
from tests.forms_support import board_answers, board_page, make_moderator, submit

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
EXPERTISE = "your_areas_of_expertise"


def translated(page, language):
    return BoardApplicationPage.objects.get(
        translation_key=page.translation_key, locale__language_code=language
    )


def choices_of(page, name):
    field = next(field for field in page.get_form_fields() if field.clean_name == name)
    return field_choices(field)


def export(client, page, file_format):
    return client.post(
        f"/admin/submissions/form/{page.translation_key}/export/",
        {"meta": ["reference", "language"], "answers": [EXPERTISE], "file_format": file_format},
    )


@pytest.fixture
def submissions_in_every_language(client):
    source = board_page()
    english = choices_of(source, EXPERTISE)
    for language in LANGUAGES:
        page = translated(source, language)
        theirs = choices_of(page, EXPERTISE)
        assert len(theirs) == len(english)
        age = choices_of(page, "age")[choices_of(source, "age").index("I am 18 or older")]
        answers = board_answers(
            age=age,
            country_you_live_in_0="",
            country_you_live_in_1="Tirana",
            **{EXPERTISE: [theirs[0], theirs[2]]},
        )
        assert submit(client, page, answers).status_code == 200
    assert ModeratedSubmission.objects.count() == len(LANGUAGES)
    return source, [english[0], english[2]]


def test_csv_starts_with_a_bom_and_lists_choices_in_the_source_language(
    client, submissions_in_every_language
):
    source, expected = submissions_in_every_language
    client.force_login(make_moderator())
    response = export(client, source, "csv")
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Reference", "Applicant's language", "Your areas of expertise"]
    assert sorted(row[1] for row in rows[1:]) == sorted(LANGUAGES)
    for row in rows[1:]:
        assert row[2] == ", ".join(expected), row


def test_xlsx_holds_the_same_rows(client, submissions_in_every_language):
    source, expected = submissions_in_every_language
    client.force_login(make_moderator())
    response = export(client, source, "xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Reference", "Applicant's language", "Your areas of expertise"]
    assert sorted(row[1] for row in rows[1:]) == sorted(LANGUAGES)
    assert {row[2] for row in rows[1:]} == {", ".join(expected)}


def test_own_words_are_exported_as_written(client):
    source = board_page()
    page = translated(source, "mk")
    age = choices_of(page, "age")[choices_of(source, "age").index("I am 18 or older")]
    answers = board_answers(
        age=age,
        country_you_live_in_0="",
        country_you_live_in_1="Скопје, Македонија",
        **{EXPERTISE: [choices_of(page, EXPERTISE)[1]]},
    )
    assert submit(client, page, answers).status_code == 200
    client.force_login(make_moderator())
    response = client.post(
        f"/admin/submissions/form/{source.translation_key}/export/",
        {"answers": ["country_you_live_in"], "file_format": "csv"},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1] == ["Скопје, Македонија"]
