"""Security headers on every response: one policy for visitors, one for the admin.

Django's SecurityMiddleware already sends ``X-Content-Type-Options``,
``Referrer-Policy``, ``Cross-Origin-Opener-Policy`` and, in production, HSTS.
This middleware adds what Django 5.2 does not have: ``Content-Security-Policy``,
``Permissions-Policy`` and the cross-origin resource and embedder policies.

The policies live in settings (``SECURITY_CSP_PUBLIC``, ``SECURITY_CSP_ADMIN``,
``SECURITY_CSP_EDITOR_ON_PUBLIC``), as dicts of directive to sources, so a
deployment that serves media from another host changes a setting, not code.
The README's "Security and safety" section explains each policy.
"""

from django.conf import settings


def serialise_policy(policy):
    """``{"default-src": ["'self'"], "upgrade-insecure-requests": []}`` as a header value."""
    parts = []
    for directive, sources in policy.items():
        parts.append(" ".join([directive, *sources]) if sources else directive)
    return "; ".join(parts)


def merge_policies(base, extra):
    """``base`` with the sources of ``extra`` added, directive by directive."""
    merged = {directive: list(sources) for directive, sources in base.items()}
    for directive, sources in extra.items():
        current = merged.setdefault(directive, [])
        current.extend(source for source in sources if source not in current)
    return merged


class SecurityHeadersMiddleware:
    """Add CSP, Permissions-Policy, CORP and COEP to every response.

    Runs before WhiteNoise so static files carry the headers too. A view may set
    its own ``Content-Security-Policy`` header; it is then left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.SECURITY_ADMIN_PATH.strip("/") + "/"
        self.public_csp = serialise_policy(settings.SECURITY_CSP_PUBLIC)
        self.admin_csp = serialise_policy(settings.SECURITY_CSP_ADMIN)
        self.editor_csp = serialise_policy(
            merge_policies(settings.SECURITY_CSP_PUBLIC, settings.SECURITY_CSP_EDITOR_ON_PUBLIC)
        )
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.SECURITY_PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        in_admin = request.path.startswith(self.admin_prefix)
        if in_admin:
            csp = self.admin_csp
        elif _is_editor(request):
            csp = self.editor_csp
        else:
            csp = self.public_csp
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if not in_admin:
            # Responses made before Django's XFrameOptionsMiddleware runs (the
            # language redirect, static files) get it too, for old browsers.
            response.headers.setdefault("X-Frame-Options", "DENY")
            # Every file a public page uses comes from this site, so the page can be
            # cross-origin isolated. The admin is left out: editors may preview
            # documents and images that do not send CORP.
            response.headers.setdefault("Cross-Origin-Embedder-Policy", "require-corp")
        return response


def _is_editor(request):
    """A signed-in user who sees Wagtail's userbar on public pages.

    Only looks at the user when the request carries a session cookie, so
    anonymous visitors never cause a session lookup.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(
        user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    )
