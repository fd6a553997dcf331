"""A per-form, per-address count of accepted submissions, kept only in the shared cache.

Only *accepted* submissions count, per form and per client address, in the
shared Django cache (Redis in production), so every app server sees the same
count and a person's failed attempts never use up the allowance of others on
the same connection (a shelter's Wi-Fi). The address becomes a salted HMAC
(keyed with SECRET_KEY) used only as a cache key that expires after
``FORMS_RATE_LIMIT_WINDOW`` seconds. Nothing is written to the database or
the logs.

Reaching the limit is not a refusal: the form asks a simple question
(:mod:`forms.human_check`) and keeps the answers.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from security.client_address import client_address

KEY_PREFIX = "forms:rate:"


def _cache_key(request, page):
    digest = salted_hmac(
        "forms.ratelimit", f"{page.translation_key}|{client_address(request)}"
    ).hexdigest()
    return KEY_PREFIX + digest


def accepted_count(request, page):
    return cache.get(_cache_key(request, page), 0)


def limit_reached(request, page):
    """Whether this address has sent the form's allowance of accepted submissions."""
    return accepted_count(request, page) >= settings.FORMS_RATE_LIMIT_POSTS


def count_accepted(request, page):
    """Count one accepted submission of ``page``'s form from this address."""
    key = _cache_key(request, page)
    window = settings.FORMS_RATE_LIMIT_WINDOW
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        return 1
