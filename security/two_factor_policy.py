"""Who must use two-factor authentication, and sending them to enrol at sign-in.

Superusers and everyone who moderates a form (they read the applications)
must have an authenticator app. At sign-in, such a user without one is
marked in the session; until they have set one up, every admin page sends
them to the set-up page (``RequireVerifiedAdminMiddleware``).
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.module_loading import import_string
from django_otp import user_has_device

SESSION_KEY = "security_must_enrol_2fa"


def requires_two_factor(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return any(import_string(path)(user) for path in settings.SECURITY_TWO_FACTOR_REQUIRED_FOR)


def is_superuser(user):
    return user.is_superuser


def must_enrol(user):
    return requires_two_factor(user) and not user_has_device(user, confirmed=True)


@receiver(user_logged_in)
def mark_unenrolled_session(sender, request, user, **kwargs):
    """Sign-in through the admin's sign-in form (``security.forms.LoginForm``) marks
    the session of a user who must, and does not yet, use two-factor."""
    if request is None or not hasattr(request, "session"):
        return
    if getattr(user, "must_enrol_two_factor", False):
        request.session[SESSION_KEY] = True
