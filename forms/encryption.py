"""Encryption at rest for form answers and moderators' notes.

Values are encrypted with Fernet (AES-128-CBC with an HMAC) under the keys in
``settings.FORMS_ENCRYPTION_KEYS``: the first key encrypts, every key decrypts
(:class:`cryptography.fernet.MultiFernet`), so a new key can be put first and
``manage.py reencrypt_form_data`` moves every stored value onto it before the
old key is removed.

The database, its dumps and ``manage.py dumpdata`` only ever hold the
ciphertext: :class:`EncryptedJSONField` and :class:`EncryptedTextField` encrypt
when writing and serialising, and decrypt only when a model instance is loaded.
"""

import base64
import hashlib
import hmac
import json
import logging
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# Every Fernet token starts with its version byte 0x80, "gA" in base64.
TOKEN_PREFIX = "gAAAAA"  # noqa: S105 (not a secret)


class Undecryptable(dict):
    """Stands in for a value none of the configured keys can decrypt.

    The admin shows a clear message instead of failing; the ciphertext stays
    untouched in the database until the right key is configured again.
    """

    undecryptable = True


class UndecryptableText(str):
    """The text counterpart of :class:`Undecryptable`."""

    undecryptable = True


def _configured_keys():
    keys = tuple(getattr(settings, "FORMS_ENCRYPTION_KEYS", ()) or ())
    if not keys:
        raise ImproperlyConfigured(
            "FORMS_ENCRYPTION_KEYS is empty: form answers cannot be encrypted."
        )
    return keys


@lru_cache(maxsize=4)
def _multi_fernet(keys):
    return MultiFernet([Fernet(key) for key in keys])


def fernet():
    """The MultiFernet for the configured keys (first key encrypts)."""
    return _multi_fernet(_configured_keys())


@receiver(setting_changed)
def _forget_keys(*, setting, **kwargs):
    if setting == "FORMS_ENCRYPTION_KEYS":
        _multi_fernet.cache_clear()


def encrypt_text(text):
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt_text(token):
    return fernet().decrypt(token.encode("ascii")).decode("utf-8")


def rotate_token(token):
    """The same plaintext, re-encrypted under the current (first) key."""
    return fernet().rotate(token.encode("ascii")).decode("ascii")


def looks_encrypted(value):
    return isinstance(value, str) and value.startswith(TOKEN_PREFIX)


def lookup_digests(value):
    """Keyed digests of ``value`` under every configured key, current key first.

    Answers are encrypted, so the database cannot be searched for them. For
    erasure requests a submission keeps an HMAC of the person's normalised
    email address; the HMAC key is derived from the encryption key, so the
    digest reveals nothing without it. Digests under retired keys are
    returned too, so look-ups still work while a rotation is under way.
    """
    normalised = value.strip().casefold().encode("utf-8")
    digests = []
    for key in _configured_keys():
        secret = hashlib.sha256(b"forms.lookup-digest:" + base64.urlsafe_b64decode(key)).digest()
        digests.append(hmac.new(secret, normalised, hashlib.sha256).hexdigest())
    return digests


def lookup_digest(value):
    """The digest of ``value`` under the current key, or "" for an empty value."""
    if not value or not value.strip():
        return ""
    return lookup_digests(value)[0]


class EncryptedFieldMixin:
    """Stores ``to_plaintext(value)`` encrypted; gives back ``from_plaintext(...)``.

    Subclasses say how a Python value becomes text and back. Serialisation
    (``dumpdata``) writes the ciphertext, and ``loaddata`` accepts it.
    """

    encrypted = True

    def to_plaintext(self, value):
        raise NotImplementedError

    def from_plaintext(self, text):
        raise NotImplementedError

    def empty_value(self):
        raise NotImplementedError

    def get_internal_type(self):
        return "TextField"

    def db_type(self, connection):
        return models.TextField().db_type(connection)

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        return self._decrypt(value)

    def _decrypt(self, token):
        try:
            return self.from_plaintext(decrypt_text(token))
        except InvalidToken:
            # Never log the value: only where it failed.
            logger.error("A %s value could not be decrypted with the configured keys.", self.model)
            return self.undecryptable_value()

    def undecryptable_value(self):
        return Undecryptable()

    def to_python(self, value):
        if looks_encrypted(value):
            return self._decrypt(value)
        return value

    def get_prep_value(self, value):
        if value is None:
            return None
        if isinstance(value, Undecryptable | UndecryptableText):
            raise ValueError("Refusing to overwrite data that could not be decrypted.")
        return encrypt_text(self.to_plaintext(value))

    def value_to_string(self, obj):
        # dumpdata: the ciphertext, never the plaintext.
        return self.get_prep_value(self.value_from_object(obj))


class EncryptedJSONField(EncryptedFieldMixin, models.TextField):
    """A JSON value (form answers), encrypted at rest."""

    description = _("Encrypted JSON")

    def to_plaintext(self, value):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)

    def from_plaintext(self, text):
        return json.loads(text)

    def formfield(self, **kwargs):
        return None  # never edited through a model form


class EncryptedTextField(EncryptedFieldMixin, models.TextField):
    """Free text (moderators' notes), encrypted at rest."""

    description = _("Encrypted text")

    def to_plaintext(self, value):
        return str(value)

    def from_plaintext(self, text):
        return text

    def undecryptable_value(self):
        return UndecryptableText("")


def encrypted_fields(model):
    return [field for field in model._meta.concrete_fields if getattr(field, "encrypted", False)]
