"""Admin views of the moderation queue (registered in ``forms.wagtail_hooks``)."""
