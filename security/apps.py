from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = "Security"

    def ready(self):
        from . import two_factor_policy  # noqa: F401 (connects the sign-in receiver)
