"""Admin access needs a verified second factor: from those who turned 2FA on, and
from superusers and moderators, who must set it up at their first sign-in."""

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from .two_factor_policy import SESSION_KEY


class RequireVerifiedAdminMiddleware:
    """Sign out an admin session of a 2FA user that was not verified with a code.

    The login form already asks for the code; this closes any other way into
    the admin (a session that predates turning 2FA on, another login view).
    Runs after django_otp's OTPMiddleware, which gives ``user.is_verified()``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.SECURITY_ADMIN_PATH.strip("/") + "/"

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix) and settings.SESSION_COOKIE_NAME in (
            request.COOKIES
        ):
            user = request.user
            if (
                user.is_authenticated
                and not user.is_verified()
                and user_has_device(user, confirmed=True)
            ):
                logout(request)
                return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
            if user.is_authenticated and request.session.get(SESSION_KEY):
                if user_has_device(user, confirmed=True):
                    del request.session[SESSION_KEY]
                elif request.path not in self.enrolment_paths():
                    # Superusers and moderators: no admin page before 2FA is set up.
                    return redirect("security_two_factor")
        return self.get_response(request)

    @staticmethod
    def enrolment_paths():
        return {reverse("security_two_factor"), reverse("wagtailadmin_logout")}
