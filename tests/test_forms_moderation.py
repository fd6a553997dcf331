"""The moderation queue: who sees what, what is recorded, what moderators can do."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, ModelLogEntry

from forms.models import ModeratedSubmission, SubmissionNote
from tests.forms_support import (
    board_answers,
    board_page,
    feedback_page,
    make_editor,
    make_moderator,
    make_user,
    submit,
)

pytestmark = pytest.mark.django_db


def add_submission(page, status="new", **answers):
    return ModeratedSubmission.objects.create(
        page=page,
        form_data=answers or {"first_name": "Ana"},
        submission_token=f"token-{ModeratedSubmission.objects.count()}-abcdefghijklmnop",
        status=status,
    )


def log_actions(submission):
    return list(
        ModelLogEntry.objects.filter(object_id=str(submission.pk)).values_list("action", flat=True)
    )


@pytest.fixture
def moderator(client):
    user = make_moderator()
    client.force_login(user)
    return user


def test_moderators_see_the_queue_of_their_forms(client, moderator):
    submission = add_submission(board_page())
    response = client.get("/admin/submissions/")
    assert response.status_code == 200
    html = response.content.decode()
    assert submission.reference in html
    assert board_page().title in html
    assert "Ana" not in html, "the queue shows no answers"


def test_editors_who_are_not_moderators_get_403_everywhere(client):
    page = board_page()
    submission = add_submission(page)
    editor = make_editor()
    assert page.permissions_for_user(editor).can_edit(), "they can edit the page itself"
    client.force_login(editor)
    key = page.translation_key
    for url in [
        f"/admin/submissions/form/{key}/",
        f"/admin/submissions/form/{key}/export/",
        f"/admin/submissions/form/{key}/balance/",
        f"/admin/submissions/{submission.pk}/",
        f"/admin/submissions/{submission.pk}/erase/",
    ]:
        assert client.get(url).status_code == 403, url
    # Wagtail's own views answer PermissionDenied with a redirect to the dashboard.
    for url in [
        f"/admin/forms/submissions/{page.pk}/",
        f"/admin/forms/submissions/{page.pk}/delete/?selected-submissions={submission.pk}",
    ]:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
    client.post(f"/admin/forms/submissions/{page.pk}/delete/?selected-submissions={submission.pk}")
    assert client.post(f"/admin/submissions/{submission.pk}/erase/").status_code == 403
    assert ModeratedSubmission.objects.filter(pk=submission.pk).exists()
    forms_index = client.get("/admin/forms/").content.decode()
    assert page.title not in forms_index


def test_superusers_see_every_form(admin_client):
    submission = add_submission(feedback_page())
    assert submission.reference in admin_client.get("/admin/submissions/").content.decode()


def test_wagtails_submissions_list_leads_to_the_queue(client, moderator):
    page = board_page()
    response = client.get(f"/admin/forms/submissions/{page.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/submissions/form/{page.translation_key}/"


def test_viewing_a_submission_shows_answers_and_is_recorded(client, moderator):
    submission = add_submission(board_page(), first_name="Ana", surname="Marku")
    response = client.get(f"/admin/submissions/{submission.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "First name" in html and "Ana" in html
    entry = ModelLogEntry.objects.get(object_id=str(submission.pk), action="forms.view")
    assert entry.user == moderator
    assert entry.label == submission.reference
    assert "Ana" not in str(entry.data)


def test_status_changes_and_assignment_are_recorded(client, moderator):
    submission = add_submission(board_page())
    url = f"/admin/submissions/{submission.pk}/"
    client.post(url, {"action": "status", "status": "shortlisted"})
    client.post(url, {"action": "assign", "assignee": moderator.pk})
    submission.refresh_from_db()
    assert submission.status == "shortlisted"
    assert submission.assignee == moderator
    status_entry = ModelLogEntry.objects.get(object_id=str(submission.pk), action="forms.status")
    assert status_entry.data["from"] == "new"
    assert status_entry.data["to"] == "shortlisted"
    assert status_entry.user == moderator
    assert "forms.assign" in log_actions(submission)


def test_only_moderators_can_be_assigned(client, moderator):
    submission = add_submission(board_page())
    outsider = make_editor("outsider")
    data = {"action": "assign", "assignee": outsider.pk}
    client.post(f"/admin/submissions/{submission.pk}/", data)
    submission.refresh_from_db()
    assert submission.assignee is None


def test_private_notes_are_encrypted_and_shown_to_moderators(client, moderator):
    submission = add_submission(board_page())
    url = f"/admin/submissions/{submission.pk}/"
    client.post(url, {"action": "note", "text": "Call back on Tuesday, NOTE-MARKER-19"})
    note = SubmissionNote.objects.get(submission=submission)
    assert note.text == "Call back on Tuesday, NOTE-MARKER-19"
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM forms_submissionnote WHERE id = %s", [note.pk])
        assert "NOTE-MARKER-19" not in cursor.fetchone()[0]
    assert "NOTE-MARKER-19" in client.get(url).content.decode()
    assert "forms.note" in log_actions(submission)


def test_the_queue_filters_by_status_and_assignee(client, moderator):
    page = board_page()
    new = add_submission(page)
    shortlisted = add_submission(page, status="shortlisted")
    shortlisted.set_assignee(moderator, moderator)
    html = client.get("/admin/submissions/?status=shortlisted").content.decode()
    assert shortlisted.reference in html and new.reference not in html
    html = client.get(f"/admin/submissions/?assignee={moderator.pk}").content.decode()
    assert shortlisted.reference in html and new.reference not in html
    html = client.get("/admin/submissions/?assignee=null").content.decode()
    assert new.reference in html and shortlisted.reference not in html


def test_export_contains_only_the_chosen_fields_and_is_recorded(client, moderator):
    page = board_page()
    first = add_submission(page, first_name="Ana", surname="Marku", phone="=HYPERLINK(1)")
    second = add_submission(page, status="declined", first_name="Besa", surname="Hoxha")
    response = client.post(
        f"/admin/submissions/form/{page.translation_key}/export/",
        {"meta": ["reference"], "answers": ["first_name", "phone"], "statuses": ["new"]},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode()), "Excel needs the BOM to read UTF-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Reference", "First name", "Phone"]
    assert rows[1] == [first.reference, "Ana", "'=HYPERLINK(1)"], "formulas are defused"
    assert len(rows) == 2, "only the chosen statuses"
    assert "Marku" not in response.content.decode()
    assert "forms.export" in log_actions(first)
    assert "forms.export" not in log_actions(second)


def test_erasing_a_submission_deletes_it_and_keeps_only_the_reference(client, moderator):
    submission = add_submission(board_page(), first_name="Ana")
    SubmissionNote.objects.create(submission=submission, author=moderator, text="note")
    response = client.post(f"/admin/submissions/{submission.pk}/erase/")
    assert response.status_code == 302
    assert not ModeratedSubmission.objects.filter(pk=submission.pk).exists()
    assert not SubmissionNote.objects.filter(submission_id=submission.pk).exists()
    entry = ModelLogEntry.objects.get(object_id=str(submission.pk), action="forms.erase")
    assert entry.user == moderator
    assert entry.data["reference"] == submission.reference
    assert "Ana" not in str(entry.data) + entry.label


def test_a_persons_data_is_found_by_email_and_erased(client, moderator):
    page = board_page()
    submit(client, page, board_answers(email="Person@Example.org"))
    submit(client, page, board_answers(email="other@example.org"))
    assert ModeratedSubmission.objects.count() == 2
    url = "/admin/submissions/erase/"
    found = client.post(url, {"email": "person@example.org "})
    html = found.content.decode()
    assert "1 submission found" in html
    client.post(url, {"email": "person@example.org", "confirm": "erase"})
    remaining = ModeratedSubmission.objects.get()
    assert remaining.form_data["email"] == "other@example.org"
    assert ModelLogEntry.objects.filter(action="forms.erase").count() == 1


def test_wagtails_own_delete_view_is_recorded_too(admin_client, admin_user):
    page = board_page()
    submission = add_submission(page)
    response = admin_client.post(
        f"/admin/forms/submissions/{page.pk}/delete/?selected-submissions={submission.pk}"
    )
    assert response.status_code == 302
    assert not ModeratedSubmission.objects.filter(pk=submission.pk).exists()
    entry = ModelLogEntry.objects.get(object_id=str(submission.pk), action="forms.erase")
    assert entry.user == admin_user


def test_balance_view_counts_shortlisted_and_accepted_only(client, moderator):
    page = board_page()
    add_submission(
        page,
        "shortlisted",
        gender="woman",
        country_you_live_in="Albania",
        your_areas_of_expertise=["Advocacy", "Health"],
    )
    add_submission(
        page,
        "accepted",
        gender="Woman ",
        country_you_live_in="Kosovo*",
        your_areas_of_expertise=["Advocacy"],
    )
    add_submission(page, "accepted", gender="prefer_not_to_say", country_you_live_in="")
    add_submission(page, "declined", gender="man", country_you_live_in="Serbia")
    response = client.get(f"/admin/submissions/form/{page.translation_key}/balance/")
    assert response.status_code == 200
    counts = response.context["counts"]
    gender = {row[0].casefold(): row[1:] for row in counts["gender"]["rows"]}
    assert gender["woman"] == (1, 1, 2)
    assert gender["prefer not to say"] == (0, 1, 1)
    assert "man" not in gender, "declined applicants are not counted"
    country = {row[0]: row[3] for row in counts["country"]["rows"]}
    assert country == {"Albania": 1, "Kosovo*": 1, "Not stated": 1}
    expertise = {row[0]: row[3] for row in counts["expertise"]["rows"]}
    assert expertise["Advocacy"] == 2 and expertise["Health"] == 1


def test_the_queue_makes_the_same_number_of_queries_for_more_submissions(client, moderator):
    page = board_page()
    for _ in range(3):
        add_submission(page).set_assignee(moderator, moderator)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/admin/submissions/").status_code == 200
        return len(context)

    few = queries()
    for _ in range(20):
        add_submission(feedback_page()).set_assignee(moderator, moderator)
    assert queries() == few


def test_a_translations_submissions_reach_the_english_moderators(
    client, django_capture_on_commit_callbacks
):
    from django.core import mail

    page = board_page()
    albanian = Locale.objects.get(language_code="sq")
    # A fresh copy, so the answers below fit its (untranslated) choices.
    existing = page.get_translation_or_none(albanian)
    if existing is not None:
        existing.delete()
    translation = page.copy_for_translation(albanian, copy_parents=True)
    translation.save_revision().publish()
    translation.refresh_from_db()
    assert translation.url.startswith("/sq/")
    assert translation.form_fields.count() == page.form_fields.count()
    assert {f.clean_name for f in translation.form_fields.all()} == {
        f.clean_name for f in page.form_fields.all()
    }
    # Someone named only on the translation gains nothing.
    intruder = make_user("intruder")
    translation.moderator_users.add(intruder)
    translation.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, translation, board_answers())
    assert response.status_code == 200
    submission = ModeratedSubmission.objects.get(page=translation)
    moderator_mail = [m for m in mail.outbox if m.to == ["moderator@example.org"]]
    assert len(moderator_mail) == 1 and submission.reference in moderator_mail[0].body
    assert not [m for m in mail.outbox if m.to == [intruder.email]]

    moderator = make_moderator()
    client.force_login(moderator)
    html = client.get(f"/admin/submissions/form/{page.translation_key}/").content.decode()
    assert submission.reference in html
    assert "Albanian" in html, "the queue shows which language it came in"
    client.force_login(intruder)
    assert client.get(f"/admin/submissions/{submission.pk}/").status_code == 403
