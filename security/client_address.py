"""The client's address, only ever as a salted hash.

Behind the proxy the address comes from ``FORMS_CLIENT_IP_HEADER`` (the last
entry, the one our own proxy added). It is never stored or logged in clear:
django-axes records failed sign-ins under :func:`axes_client_ip`, a keyed hash
shaped as an IPv6 address (axes keeps it in an IP address column), and the
password-reset throttle keys the cache on :func:`hashed`.
"""

import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac


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


def hashed(request, purpose):
    return salted_hmac(f"security.{purpose}", client_address(request)).hexdigest()


def axes_client_ip(request):
    """AXES_CLIENT_IP_CALLABLE: the same hash for the same address, never the address."""
    digest = salted_hmac("security.axes", client_address(request)).digest()
    # fd00::/8 is private (ULA) space: the value can never be someone's real address.
    return str(ipaddress.IPv6Address(b"\xfd" + digest[:15]))
