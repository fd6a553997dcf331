"""PortalSettings now belongs to the core app (see ``core.0001_initial``).

Only Django's record of the model leaves this app: the table
``home_portalsettings`` and its rows stay where they are.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_page_listing_indexes"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PortalSettings")],
            database_operations=[],
        ),
    ]
