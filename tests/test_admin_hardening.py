"""Signing in to the admin: lockout, two-factor codes, strong passwords, short sessions."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def sign_in(client, username, password=PASSWORD, code=None):
    data = {"username": username, "password": password}
    if code is not None:
        data["otp_token"] = code
    return client.post("/admin/login/", data)


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


def test_the_lockout_concerns_only_the_attacked_account(client, admin_user, django_user_model):
    other = django_user_model.objects.create_superuser("second-editor", "e2@example.org", PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, admin_user.username, password="wrong-password-guess")
    response = sign_in(client, other.username)
    assert response.status_code == 302
    assert signed_in(client)


def test_a_successful_sign_in_forgets_earlier_failures(client, admin_user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, admin_user.username, password="wrong-password-guess")
    assert sign_in(client, admin_user.username).status_code == 302
    client.logout()
    sign_in(client, admin_user.username, password="wrong-password-guess")
    assert sign_in(client, admin_user.username).status_code == 302


def test_without_two_factor_the_password_is_enough(client, admin_user):
    page = client.get("/admin/login/").content.decode()
    assert 'name="otp_token"' in page
    assert 'autocomplete="one-time-code"' in page
    assert 'name="remember"' not in page, "no 'Remember me' on a shared device"
    assert sign_in(client, admin_user.username).status_code == 302
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
