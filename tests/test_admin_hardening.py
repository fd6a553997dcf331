"""Signing in to the admin: lockout, two-factor codes, strong passwords, short sessions."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def sign_in(client, username, password=PASSWORD, code=None, address="192.0.2.10"):
    data = {"username": username, "password": password}
    if code is not None:
        data["otp_token"] = code
    return client.post("/admin/login/", data, REMOTE_ADDR=address)


def signed_in(client):
    return client.get("/admin/").status_code == 200


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_username_is_locked_after_five_failed_sign_ins(client, admin_user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, admin_user.username, password="wrong-password-guess")
        assert response.status_code == 200
    response = sign_in(client, admin_user.username, password="wrong-password-guess")
    assert response.status_code == 429, "the fifth failure locks the account"
    response = sign_in(client, admin_user.username)
    assert response.status_code == 429, "the right password still works during a lockout"
    assert "Too many attempts" in response.content.decode()
    assert not signed_in(client)


def test_a_stranger_cannot_lock_a_moderator_out(client, admin_user):
    """Failures from the attacker's address pause that address, not the account."""
    for _ in range(settings.AXES_FAILURE_LIMIT + 3):
        sign_in(
            client, admin_user.username, password="wrong-password-guess", address="198.51.100.66"
        )
    from django.test import Client

    moderator = Client()
    response = sign_in(moderator, admin_user.username, address="203.0.113.20")
    assert response.status_code == 302, "the real user signs in from their own address"


def test_guessing_many_usernames_from_one_address_is_paused(client, django_user_model):
    for n in range(8):
        django_user_model.objects.create_user(f"user{n}", f"u{n}@example.org", PASSWORD)
    statuses = [
        sign_in(client, f"user{n % 8}", password=f"guess-{n}", address="198.51.100.77").status_code
        for n in range(12)
    ]
    assert 429 in statuses[: settings.AXES_FAILURE_LIMIT + 1], statuses
    assert sign_in(client, "user1", address="198.51.100.77").status_code == 429


def test_no_raw_address_is_stored_for_failed_sign_ins(client, admin_user):
    from axes.models import AccessAttempt

    sign_in(client, admin_user.username, password="wrong-password-guess", address="198.51.100.99")
    stored = list(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert stored and "198.51.100.99" not in stored
    assert all(value.startswith("fd") for value in stored), "a keyed hash, not the address"


def test_superusers_without_two_factor_are_sent_to_set_it_up(client, admin_user):
    assert sign_in(client, admin_user.username).status_code == 302
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/"
    assert client.get("/admin/two-factor/").status_code == 200


def test_moderators_without_two_factor_are_sent_to_set_it_up(client):
    from tests.forms_support import make_moderator

    moderator = make_moderator("mod-enrol")
    assert sign_in(client, moderator.username).status_code == 302
    response = client.get("/admin/submissions/")
    assert response.status_code == 302 and response["Location"] == "/admin/two-factor/"


def test_password_reset_requests_are_throttled(client, admin_user):
    from django.core import mail

    statuses = [
        client.post(
            "/admin/password_reset/", {"email": admin_user.email}, REMOTE_ADDR="198.51.100.5"
        ).status_code
        for _ in range(settings.SECURITY_PASSWORD_RESET_LIMIT + 3)
    ]
    assert statuses[-1] == 429
    assert len(mail.outbox) <= settings.SECURITY_PASSWORD_RESET_LIMIT
    # The same address asked for from elsewhere is throttled too (per account).
    other = client.post(
        "/admin/password_reset/", {"email": admin_user.email}, REMOTE_ADDR="203.0.113.5"
    )
    assert other.status_code == 429


def test_a_successful_sign_in_forgets_earlier_failures(client, admin_user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, admin_user.username, password="wrong-password-guess")
    assert sign_in(client, admin_user.username).status_code == 302
    client.logout()
    sign_in(client, admin_user.username, password="wrong-password-guess")
    assert sign_in(client, admin_user.username).status_code == 302


def test_editors_without_two_factor_sign_in_with_the_password(client):
    from tests.forms_support import make_editor

    editor = make_editor()
    page = client.get("/admin/login/").content.decode()
    assert 'name="otp_token"' in page
    assert 'autocomplete="one-time-code"' in page
    assert 'name="remember"' not in page, "no 'Remember me' on a shared device"
    assert sign_in(client, editor.username).status_code == 302
    assert signed_in(client)


@pytest.fixture
def two_factor_user(admin_user):
    device = TOTPDevice.objects.create(user=admin_user, name="phone", confirmed=True)
    return admin_user, device


def test_with_two_factor_the_password_alone_is_refused(client, two_factor_user):
    user, _device = two_factor_user
    response = sign_in(client, user.username)
    assert response.status_code == 200
    assert "authentication code is not valid" in response.content.decode()
    assert not signed_in(client)
    response = sign_in(client, user.username, code="000000")
    assert response.status_code == 200
    assert not signed_in(client)


def test_with_two_factor_the_password_and_current_code_sign_in(client, two_factor_user):
    user, device = two_factor_user
    response = sign_in(client, user.username, code=current_code(device))
    assert response.status_code == 302
    assert signed_in(client)


def test_wrong_codes_count_towards_the_lockout(client, two_factor_user):
    user, device = two_factor_user
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, user.username, code="000000")
    response = sign_in(client, user.username, code=current_code(device))
    assert response.status_code == 429
    assert not signed_in(client)


def test_a_session_not_verified_by_a_code_is_turned_away(client, two_factor_user):
    user, _device = two_factor_user
    client.force_login(user)  # e.g. a session from before 2FA was turned on
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not signed_in(client)


def test_an_editor_turns_two_factor_on_and_off(admin_client, admin_user):
    account = admin_client.get("/admin/account/").content.decode()
    assert "/admin/two-factor/" in account
    page = admin_client.get("/admin/two-factor/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in html, "the QR code is drawn here, not fetched"
    assert "Two-factor authentication is off" in html
    device = TOTPDevice.objects.get(user=admin_user, confirmed=False)

    wrong = admin_client.post("/admin/two-factor/", {"token": "000000"})
    assert "not valid" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    device.throttle_reset()  # django-otp slows down retries after a wrong code
    admin_client.post("/admin/two-factor/", {"token": current_code(device)})
    device.refresh_from_db()
    assert device.confirmed
    # The session that set it up counts as verified and stays signed in.
    assert (
        "Two-factor authentication is on" in admin_client.get("/admin/two-factor/").content.decode()
    )

    device.throttle_reset()
    device.last_t = -1
    device.save()
    admin_client.post("/admin/two-factor/", {"token": current_code(device)})
    assert not TOTPDevice.objects.filter(user=admin_user).exists()


@pytest.mark.parametrize(
    "password",
    ["short1!", "password1234", "123456789012", "editor-in-chief-2024"],
)
def test_weak_passwords_are_refused(admin_user, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=admin_user)


def test_a_long_uncommon_password_is_accepted(admin_user):
    validate_password("river-candle-orbit-9", user=admin_user)


def test_admin_sessions_end_with_the_browser_and_after_eight_hours(client, admin_user):
    response = sign_in(client, admin_user.username)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == "", "a persistent session cookie"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert client.session.get_expiry_age() <= 8 * 60 * 60
