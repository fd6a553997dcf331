"""Factories (factory_boy) for tests that build their own data instead of finding demo pages.

``wagtail-factories`` is not used: its releases declare Wagtail 7 at most and
the portal runs Wagtail 8. A page factory adds the page under its ``parent``
(by default the home page of the default language, from settings) with
Wagtail's tree API, and publishes it, as an editor would.
"""

import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from home.models import HomePage, StandardPage


def default_home_page():
    return HomePage.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE)


class PageFactory(factory.django.DjangoModelFactory):
    """A published page under ``parent`` (default: the home page in the default language)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Test page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(**kwargs)
        (parent or default_home_page()).add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    introduction = factory.Faker("sentence")
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>A paragraph of prose.</p>"}]
    )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"person-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")


__all__ = ["PageFactory", "StandardPageFactory", "UserFactory", "default_home_page"]
