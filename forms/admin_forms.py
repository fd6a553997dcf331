"""The page editor's form for moderated form pages."""

from wagtail.contrib.forms.forms import WagtailAdminFormPageForm


class PresetQuestionsPageForm(WagtailAdminFormPageForm):
    """Starts a new page with the page type's preset questions.

    Editors then add, remove and reorder them like any others. Only an
    unsaved page shown for the first time gets them; a posted form keeps
    exactly what the editor sent.
    """

    def __init__(self, data=None, *args, instance=None, **kwargs):
        if (
            data is None
            and instance is not None
            and instance.pk is None
            and hasattr(instance, "preset_form_fields")
            and not instance.form_fields.all()
        ):
            instance.form_fields = instance.preset_form_fields()
        super().__init__(data, *args, instance=instance, **kwargs)
