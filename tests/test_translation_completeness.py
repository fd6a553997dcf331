"""No page is live with English in another language's place."""

import re
from html import unescape

import polib
import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from home.models import StandardPage

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TRANSLATED = [code for code in LANGUAGES if code != settings.LANGUAGE_CODE]

# Shorter sentences, and names, are the same in every language.
MIN_WORDS = 5
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences_in_main(html):
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", "\n", main))
    found = set()
    for block in text.split("\n"):
        for sentence in SENTENCE_END.split(" ".join(block.split())):
            # A name ("Creative Commons Attribution 4.0 International") is capitalised.
            lower_case_words = re.findall(r"(?<![\w-])[a-z]\w*", sentence)
            if len(sentence.split()) >= MIN_WORDS and len(lower_case_words) >= 3:
                found.add(sentence)
    return found


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_translated_page_repeats_an_english_sentence(client, language):
    locale = Locale.objects.get(language_code=language)
    english_pages = Page.objects.live().filter(locale__language_code="en", depth__gte=2)
    translated = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            locale=locale, translation_key__in=english_pages.values("translation_key")
        )
    }
    assert len(translated) == english_pages.count()
    checked = 0
    for english in english_pages:
        source = sentences_in_main(client.get(english.url).content.decode())
        page = translated[english.translation_key]
        target = sentences_in_main(client.get(page.url).content.decode())
        assert not source & target, (page.url, sorted(source & target))
        checked += len(source)
    assert checked > 100


def new_page_translated_into(home_page, albanian, capture):
    page = StandardPage(
        title="Contact the editors",
        slug="contact",
        introduction="Write to us through the feedback form.",
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    with capture(execute=True):
        translate_object(page, [albanian])
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=albanian
    )
    return page, translation


def upload(admin_client, translation, translations):
    from django.core.files.uploadedfile import SimpleUploadedFile

    po = polib.pofile(
        admin_client.get(
            f"/admin/localize/translate/{translation.pk}/pofile/download/"
        ).content.decode()
    )
    for entry in po:
        entry.msgstr = translations.get(entry.msgid, "")
    file = SimpleUploadedFile("sq.po", str(po).encode(), content_type="text/x-gettext-translation")
    response = admin_client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": file, "next": "/admin/"},
    )
    assert response.status_code == 302


def test_a_new_translation_waits_as_a_draft_and_is_not_published_with_english_left(
    admin_client, home_page, django_capture_on_commit_callbacks
):
    albanian = Locale.objects.get(language_code="sq")
    page, translation = new_page_translated_into(
        home_page, albanian, django_capture_on_commit_callbacks
    )
    translated = page.get_translation(albanian)
    assert not translated.live

    upload(admin_client, translation, {"Contact the editors": "Shkruani redaktorëve"})
    with django_capture_on_commit_callbacks(execute=True):
        refused = admin_client.post(f"/admin/pages/{translated.pk}/edit/", {"action": "publish"})
    assert refused.status_code == 302
    assert refused["Location"] == f"/admin/pages/{translated.pk}/edit/"
    message = [str(m) for m in get_messages(refused.wsgi_request)]
    assert any("1 sentence is not translated yet" in text for text in message), message
    translated.refresh_from_db()
    assert not translated.live

    upload(
        admin_client,
        translation,
        {
            "Contact the editors": "Shkruani redaktorëve",
            "Write to us through the feedback form.": "Na shkruani përmes formularit.",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/pages/{translated.pk}/edit/", {"action": "publish"})
    translated.refresh_from_db()
    assert translated.live
    html = admin_client.get(translated.url).content.decode()
    assert "Na shkruani përmes formularit." in html
    assert "Write to us" not in html


def test_a_sync_with_publish_immediately_keeps_the_translation_until_its_new_sentence_is_translated(
    admin_client, home_page, client, django_capture_on_commit_callbacks
):
    albanian = Locale.objects.get(language_code="sq")
    page, translation = new_page_translated_into(
        home_page, albanian, django_capture_on_commit_callbacks
    )
    upload(
        admin_client,
        translation,
        {
            "Contact the editors": "Shkruani redaktorëve",
            "Write to us through the feedback form.": "Na shkruani përmes formularit.",
        },
    )
    translated = page.get_translation(albanian)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/pages/{translated.pk}/edit/", {"action": "publish"})
    page.introduction = "Write to us through the feedback form. We answer within a week."
    page.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/localize/update/{translation.source_id}/",
            {"publish_translations": "on"},
            follow=True,
        )
    assert "Not published in" in response.content.decode()
    html = client.get(translated.url).content.decode()
    assert "Na shkruani përmes formularit." in html
    assert "We answer within a week" not in html
