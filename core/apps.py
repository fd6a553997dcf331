from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground floor every app may import: it imports no other app of the portal."""

    name = "core"
    verbose_name = _("Settings")

    def ready(self):
        from django.db.models.signals import pre_save

        # Both import models (Wagtail's and this app's), so only once the apps are loaded.
        from . import cache_invalidation
        from .tree_integrity import keep_numchild_from_database

        pre_save.connect(keep_numchild_from_database, dispatch_uid="keep-numchild-from-database")
        cache_invalidation.connect()
