"""The admin view where a form's moderators and retention are set (a privilege of its own)."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from forms import appointment, moderation


class DataProtectionForm(forms.Form):
    moderator_group = forms.ModelChoiceField(
        label=_("Moderator group"),
        queryset=Group.objects.order_by("name"),
        required=False,
        help_text=_("Everyone in this group moderates this form, in every language."),
    )
    moderator_users = forms.ModelMultipleChoiceField(
        label=_("Moderators"),
        queryset=get_user_model().objects.filter(is_active=True).order_by("username"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only moderators and administrators can see or export its submissions."),
    )
    retention_months = forms.IntegerField(
        label=_("Keep submissions for (months)"), min_value=1, max_value=120
    )


class DataProtectionView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "forms/admin/data_protection.html"
    page_title = _("Moderators and retention")
    header_icon = "lock"

    def dispatch(self, request, form_key):
        if not appointment.can_change_data_protection(request.user):
            raise PermissionDenied
        self.form_key = form_key
        self.versions = moderation.form_versions(form_key)
        if not self.versions:
            raise Http404
        self.form_page = moderation.canonical_page(self.versions[0])
        return super().dispatch(request, form_key)

    def get_page_subtitle(self):
        return self.form_page.title

    def initial(self):
        page = self.form_page
        return {
            "moderator_group": page.moderator_group_id,
            "moderator_users": list(page.moderator_users.values_list("pk", flat=True)),
            "retention_months": page.retention_months,
        }

    def get(self, request, form_key):
        form = DataProtectionForm(initial=self.initial())
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, form_key):
        form = DataProtectionForm(request.POST, initial=self.initial())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        changed = appointment.apply(
            self.versions,
            group=form.cleaned_data["moderator_group"],
            users=form.cleaned_data["moderator_users"],
            retention_months=form.cleaned_data["retention_months"],
            user=request.user,
        )
        if changed:
            messages.success(
                request,
                _("Saved. The form's previous moderators and the administrators were told."),
            )
        return redirect(reverse("forms_moderation:data_protection", args=[form_key]))
