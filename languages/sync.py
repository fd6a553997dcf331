from contextlib import suppress

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .untranslated import untranslated_strings


class UpdateTranslationsPublishingCompleteOnes(UpdateTranslationsView):
    """Sync, then publish only the translations with nothing left in the source language.

    The others keep their live version and wait, as drafts, for the new sentences.
    """

    def form_valid(self, form):
        if not form.cleaned_data.get("publish_translations"):
            return super().form_valid(form)
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        waiting = []
        for translation in self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        ):
            if untranslated_strings(translation):
                waiting.append(str(translation.target_locale.get_display_name()))
                continue
            with suppress(ValidationError):
                translation.save_target(user=self.request.user, publish=True)
        if waiting:
            messages.warning(
                self.request,
                _(
                    "Not published in %(languages)s: new sentences are waiting to be "
                    "translated there. The published version stays as it was until then."
                )
                % {"languages": ", ".join(waiting)},
            )
        return response
