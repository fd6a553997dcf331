from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and standard pages")

    def ready(self):
        from django.db.models.signals import pre_save

        from .tree_integrity import keep_numchild_from_database

        pre_save.connect(keep_numchild_from_database, dispatch_uid="keep-numchild-from-database")

        from . import cache_invalidation

        cache_invalidation.connect()
