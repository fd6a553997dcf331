"""A per-IP limit on form posts that keeps no address anywhere but the cache.

The client's address is turned into a salted HMAC (keyed with SECRET_KEY) and
only that hash is used as a cache key, for ``FORMS_RATE_LIMIT_WINDOW``
seconds. Nothing is written to the database or the logs.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

KEY_PREFIX = "forms:rate:"


def client_address(request):
    header = settings.FORMS_CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get(header, "")
        # The last address is the one our own proxy added; earlier ones are
        # whatever the client claimed.
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR", "")


def _cache_key(request):
    digest = salted_hmac("forms.ratelimit", client_address(request)).hexdigest()
    return KEY_PREFIX + digest


def register_post(request):
    """Count one form post from this client; return True while under the limit."""
    key = _cache_key(request)
    window = settings.FORMS_RATE_LIMIT_WINDOW
    if cache.add(key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=window)
            count = 1
    return count <= settings.FORMS_RATE_LIMIT_POSTS
