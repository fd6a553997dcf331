from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from forms.encryption import encrypted_fields, lookup_digest
from forms.wipe import checkpoint


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored form answer and note with the current (first) key in "
        "FORMS_ENCRYPTION_KEYS, and recompute the erasure look-up digests. Run after putting "
        "a new key first; then the old key can be removed."
    )

    batch_size = 200

    def handle(self, *args, **options):
        total = 0
        for model in apps.get_models():
            fields = encrypted_fields(model)
            if fields:
                total += self.reencrypt(model, fields)
        # No value under the old key stays readable in SQLite's write-ahead log.
        checkpoint()
        self.stdout.write(f"Re-encrypted {total} record(s) with the current key.")

    def reencrypt(self, model, fields):
        names = [field.name for field in fields]
        has_digest = any(field.name == "email_digest" for field in model._meta.concrete_fields)
        count = 0
        pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), self.batch_size):
            batch = list(model.objects.filter(pk__in=pks[start : start + self.batch_size]))
            update = list(names)
            if has_digest:
                update.append("email_digest")
                for obj in batch:
                    if getattr(obj.form_data, "undecryptable", False):
                        continue
                    page = obj.page.specific
                    obj.email_digest = lookup_digest(page.contact_email(obj.form_data))
            batch = [obj for obj in batch if not _undecryptable(obj, names)]
            with transaction.atomic():
                # Saving re-encrypts: values are always written under the first key.
                model.objects.bulk_update(batch, update)
            count += len(batch)
        return count


def _undecryptable(obj, names):
    return any(getattr(getattr(obj, name), "undecryptable", False) for name in names)
