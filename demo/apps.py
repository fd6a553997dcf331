from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content (``content/*.yaml``, ``translations/*.po``) and its commands.

    The top layer: it may import every other app; none imports it.
    """

    name = "demo"
    verbose_name = "Demo content"
