"""Password-reset requests, throttled per address and per account.

Wagtail's reset form mails whoever is named, as often as asked: a flood of
reset mails to a moderator, or to anyone, from one place. Here at most
``SECURITY_PASSWORD_RESET_LIMIT`` requests per hour per (hashed) address and
per (hashed) email address are taken; past that, a 429 that says nothing
about whether the account exists.
"""

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.crypto import salted_hmac

from core.views import render_error_page

from .client_address import hashed

WINDOW = 60 * 60


def _count(key):
    if cache.add(key, 1, timeout=WINDOW):
        return 1
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=WINDOW)
        return 1


class PasswordResetThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == reverse("wagtailadmin_password_reset"):
            email = request.POST.get("email", "").strip().lower()
            keys = [
                "security:reset:addr:" + hashed(request, "password-reset"),
                "security:reset:email:" + salted_hmac("security.reset", email).hexdigest(),
            ]
            counts = [_count(key) for key in keys]
            if max(counts) > settings.SECURITY_PASSWORD_RESET_LIMIT:
                return render_error_page(request, "429.html", 429)
        return self.get_response(request)
