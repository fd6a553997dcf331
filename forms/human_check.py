"""A small sum a person can answer: asked when many forms come from one connection.

Works without JavaScript and without any third party. The question's numbers
travel in a token signed with Django's signing (the visitor cannot choose
them) and each token is accepted once (a bot cannot replay one answer).
"""

import secrets

from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext as _

SALT = "forms.human-check"
MAX_AGE = 60 * 60
TOKEN_FIELD = "human_check_token"  # noqa: S105 (a field name)
ANSWER_FIELD = "human_check_answer"
USED_PREFIX = "forms:human-check-used:"


class Challenge:
    def __init__(self):
        self.first = secrets.randbelow(9) + 1
        self.second = secrets.randbelow(9) + 1
        self.token = signing.dumps(
            {"a": self.first, "b": self.second, "n": secrets.token_urlsafe(12)}, salt=SALT
        )

    @property
    def question(self):
        return _(
            "To show that a person is sending this form: what is %(first)s plus %(second)s?"
        ) % {
            "first": self.first,
            "second": self.second,
        }

    token_field = TOKEN_FIELD
    answer_field = ANSWER_FIELD


def passed(data):
    """Whether ``data`` (the POST) holds a right answer to a fresh, unused question."""
    token = data.get(TOKEN_FIELD, "")
    answer = data.get(ANSWER_FIELD, "").strip()
    if not token or not answer.isdigit() or len(answer) > 3:
        return False
    try:
        numbers = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return False
    if int(answer) != numbers["a"] + numbers["b"]:
        return False
    return cache.add(USED_PREFIX + numbers["n"], 1, timeout=MAX_AGE)
