from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import ngettext
from wagtail import hooks

from .sync import UpdateTranslationsPublishingCompleteOnes
from .untranslated import translation_of, untranslated_strings


# Runs before wagtail-localize's own hook, which serves its translation editor
# (and its Publish button) in place of the page editor.
@hooks.register("before_edit_page", order=-10)
def refuse_to_publish_a_translation_with_english_left(request, page):
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = translation_of(page)
    if translation is None:
        return None
    missing = untranslated_strings(translation)
    if not missing:
        return None
    messages.error(
        request,
        ngettext(
            "Not published: %(count)s sentence is not translated yet, and readers would see it "
            "in the source language. Translate it, then publish.",
            "Not published: %(count)s sentences are not translated yet, and readers would see "
            "them in the source language. Translate them, then publish.",
            len(missing),
        )
        % {"count": len(missing)},
    )
    return redirect("wagtailadmin_pages:edit", page.id)


@hooks.register("register_admin_urls")
def publish_only_complete_translations_after_a_sync():
    """wagtail-localize's "Sync translated pages" with "Publish immediately", minus the English.

    The same address as wagtail-localize's view (this app's hooks are registered
    first, so this pattern is matched first).
    """
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsPublishingCompleteOnes.as_view(),
            name="languages_update_translations",
        )
    ]
