from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .health import health


@never_cache
@require_safe
def healthz(request):
    """The state of the database, the cache and media storage (see operations.health)."""
    status, body = health()
    return JsonResponse(body, status=status)
