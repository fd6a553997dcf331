from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Taxonomies")

    def ready(self):
        # Models can be imported only once the apps are loaded.
        from core.cache_invalidation import invalidate_when_changed

        from . import models, names

        taxonomies = models.TaxonomyItem.__subclasses__()
        # Taxonomy names show on public pages: a change makes cached pages stale.
        invalidate_when_changed(*taxonomies)
        for model in taxonomies:
            post_save.connect(names.bump_version, sender=model, dispatch_uid=f"names-{model}")
            post_delete.connect(names.bump_version, sender=model, dispatch_uid=f"names-d-{model}")
