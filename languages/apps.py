from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    """The region's languages: formats, catalogue completions, Accept-Language fallback."""

    name = "languages"
    verbose_name = "Languages"

    def ready(self):
        # Django's LANG_INFO is extended once the apps are loaded, before any request.
        from .regional import extend_lang_info

        extend_lang_info()
