from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsConfig(AppConfig):
    name = "forms"
    verbose_name = _("Forms and moderation")

    def ready(self):
        # Its receivers import models, which exist only once the apps are loaded.
        from . import signals  # noqa: F401
