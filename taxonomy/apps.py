from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Taxonomies")

    def ready(self):
        from . import models, names

        for model in models.TaxonomyItem.__subclasses__():
            post_save.connect(names.bump_version, sender=model, dispatch_uid=f"names-{model}")
            post_delete.connect(names.bump_version, sender=model, dispatch_uid=f"names-d-{model}")
