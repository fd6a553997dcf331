import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the demo administrator on first run, with a generated password kept "
        "in var/demo_admin_password, and print how to sign in. Development only."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo_admin is for development only (DEBUG is off).")
        password_file = settings.VAR_DIR / "demo_admin_password"
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(
                USERNAME, email="admin@localhost", password=password, first_name="Demo"
            )
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password)
            password_file.chmod(0o600)
        elif password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = "(unchanged: set it with 'manage.py changepassword admin')"  # noqa: S105
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(
            "\n"
            f"  Site:     {base}/\n"
            f"  Admin:    {base}/admin/\n"
            f"  Username: {USERNAME}\n"
            f"  Password: {password}\n"
        )
