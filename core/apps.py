from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground floor every app may import: it imports no other app of the portal."""

    name = "core"
    verbose_name = _("Settings")

    def ready(self):
        # Both import models (Wagtail's and this app's), so only once the apps are loaded.
        from . import cache_invalidation, checks, monkey_patches  # noqa: F401 (checks: registers)

        # Every patch of Wagtail or a package is listed, applied and watched there.
        monkey_patches.apply()
        cache_invalidation.connect()
