from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives directory")

    def ready(self):
        # Models can be imported only once the apps are loaded.
        from core.cache_invalidation import invalidate_when_changed

        from .open_data_settings import OpenDataSettings

        # The licence statement shows on the directory and in the data package.
        invalidate_when_changed(OpenDataSettings)
