"""Appointing moderators is a privilege of its own: the attacks of issue 12 fail."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from wagtail.models import PageLogEntry

from forms.moderation import can_moderate
from tests.forms_support import board_page, make_editor, make_moderator, make_user

pytestmark = pytest.mark.django_db


def publisher(username="publisher-pia"):
    """A member of the "Moderators" group: may edit and publish every page."""
    return make_user(username, groups=[Group.objects.get(name="Moderators")])


def names_themselves(user, page):
    """What the page editor would save if it let a user add themselves: a revision."""
    draft = page.get_latest_revision_as_object()
    draft.moderator_users = [*page.moderator_users.all(), user]
    return draft.save_revision(user=user)


def test_a_publisher_who_names_themselves_and_publishes_reads_nothing(client):
    page = board_page()
    attacker = publisher()
    assert page.permissions_for_user(attacker).can_publish()
    names_themselves(attacker, page).publish(user=attacker)
    assert attacker not in board_page().moderator_users.all()
    assert not can_moderate(attacker, page)
    client.force_login(attacker)
    queue = client.get(f"/admin/submissions/form/{page.translation_key}/")
    assert queue.status_code == 403


def test_a_draft_naming_its_author_stays_harmless_when_someone_else_publishes():
    page = board_page()
    editor = make_editor()
    revision = names_themselves(editor, page)
    revision.publish(user=publisher())
    assert not can_moderate(editor, board_page())


def test_an_old_revision_cannot_bring_back_a_removed_moderator(admin_client):
    page = board_page()
    former = make_moderator("former-fatos")
    former.groups.clear()
    page.moderator_users.add(former)
    page.save(update_fields=["moderator_users"])
    old_revision = page.get_latest_revision_as_object().save_revision()
    assert can_moderate(former, board_page())
    # An administrator removes them on the dedicated view ...
    response = admin_client.post(
        f"/admin/submissions/form/{page.translation_key}/data-protection/",
        {"moderator_group": page.moderator_group_id, "retention_months": page.retention_months},
    )
    assert response.status_code == 302
    assert not can_moderate(former, board_page())
    # ... and publishing the revision that still names them changes nothing.
    old_revision.publish()
    assert not can_moderate(former, board_page())


def test_the_editor_shows_moderators_read_only(admin_client):
    page = board_page()
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Moderators and retention" in html
    for field in ("moderator_users", "moderator_group", "retention_months"):
        assert f'name="{field}"' not in html, field


def test_only_administrators_and_those_they_allow_use_the_dedicated_view(client):
    page = board_page()
    url = f"/admin/submissions/form/{page.translation_key}/data-protection/"
    for user in (publisher(), make_moderator("mod-mila")):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert (
            client.post(url, {"moderator_users": [user.pk], "retention_months": 12}).status_code
            == 403
        )
        assert (
            not can_moderate(user, board_page())
            or user.groups.filter(pk=page.moderator_group_id).exists()
        )
    allowed = make_user(
        "dpo-dora",
        permissions=[Permission.objects.get(codename="change_data_protection")],
    )
    client.force_login(allowed)
    assert client.get(url).status_code == 200


def test_every_change_is_audited_and_mailed_to_the_previous_moderators_and_admins(
    admin_client, admin_user, django_capture_on_commit_callbacks
):
    page = board_page()
    previous = make_moderator("mod-mira")
    newcomer = make_user("new-nora")
    url = f"/admin/submissions/form/{page.translation_key}/data-protection/"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"moderator_users": [newcomer.pk], "retention_months": 6})
    assert response.status_code == 302
    assert can_moderate(newcomer, board_page())
    assert not can_moderate(previous, board_page()), "the group was removed"
    assert board_page().retention_months == 6
    entry = PageLogEntry.objects.filter(page=page, action="forms.data_protection").get()
    assert entry.user == admin_user
    assert entry.data["after"]["moderator_users"] == ["new-nora"]
    recipients = {address for message in mail.outbox for address in message.to}
    assert previous.email in recipients and admin_user.email in recipients
    message = mail.outbox[0]
    assert page.title in message.body and "new-nora" in message.body
    assert "Ana" not in message.body, "no answers"
    history = admin_client.get("/admin/reports/site-history/").content.decode()
    assert "Changed the form&#x27;s moderators or retention" in history or (
        "Changed the form's moderators or retention" in history
    )
