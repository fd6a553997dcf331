"""PortalSettings moves here from the home app, keeping its table and its data.

The table ``home_portalsettings`` was made by ``home.0001_initial`` and stays
(``db_table``); only Django's idea of which app owns the model changes, here
and in ``home.0005_portalsettings_moved_to_core``. The content type follows
the model, so permissions granted on the settings and their log entries keep
pointing at it.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def content_type_to(app_label, other):
    def move(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType").objects
        if not content_types.filter(app_label=app_label, model="portalsettings").exists():
            content_types.filter(app_label=other, model="portalsettings").update(
                app_label=app_label
            )

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PortalSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "quick_exit_url",
                            models.URLField(
                                default="https://www.bbc.com/weather",
                                help_text="Where the quick-exit control sends visitors. Choose a neutral, everyday site such as a weather forecast.",
                                verbose_name="quick exit destination",
                            ),
                        ),
                        (
                            "accessibility_page",
                            models.ForeignKey(
                                blank=True,
                                help_text="Linked from the footer of every page.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="accessibility statement",
                            ),
                        ),
                        (
                            "privacy_page",
                            models.ForeignKey(
                                blank=True,
                                help_text="Linked from the footer of every page.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="privacy notice",
                            ),
                        ),
                        (
                            "safety_page",
                            models.ForeignKey(
                                blank=True,
                                help_text="Linked from the footer and next to the quick-exit control.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="safety advice",
                            ),
                        ),
                        (
                            "site",
                            models.OneToOneField(
                                editable=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="wagtailcore.site",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "portal settings",
                        "db_table": "home_portalsettings",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            content_type_to("core", "home"), content_type_to("home", "core"), elidable=True
        ),
    ]
