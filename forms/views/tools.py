"""Per-form tools: CSV export and the balance view; erasure of one person's data."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from forms import moderation
from forms.answers import labelled_fields
from forms.audit import log_many
from forms.balance import BALANCE_STATUSES, balance_counts
from forms.encryption import lookup_digests
from forms.export import META_COLUMNS, export_csv, export_xlsx
from forms.models import BoardApplicationPage, ModeratedSubmission, SubmissionStatus


class FormToolMixin(WagtailAdminTemplateMixin):
    """Resolves the form from its key and checks the user moderates it."""

    header_icon = "form"

    def dispatch(self, request, form_key):
        self.form_key = form_key
        self.versions = moderation.form_versions(form_key)
        if not self.versions:
            raise Http404
        if not moderation.can_moderate(request.user, self.versions[0]):
            raise PermissionDenied
        self.form_page = moderation.canonical_page(self.versions[0])
        return super().dispatch(request, form_key)

    def get_page_subtitle(self):
        return self.form_page.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("forms_moderation:queue"), "label": _("Submissions")},
            {
                "url": reverse("forms_moderation:form_queue", args=[self.form_key]),
                "label": self.form_page.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def submissions(self):
        return ModeratedSubmission.objects.filter(page__translation_key=self.form_key)


class ExportForm(forms.Form):
    meta = forms.MultipleChoiceField(
        label=_("About each submission"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(name, label) for name, label, _get in META_COLUMNS],
        initial=["reference", "submit_time", "language", "status"],
    )
    answers = forms.MultipleChoiceField(
        label=_("Answers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Export only what you need: the file leaves the portal unencrypted."),
    )
    statuses = forms.MultipleChoiceField(
        label=_("Only submissions with status"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=SubmissionStatus.choices,
        help_text=_("Leave all unticked to export every status."),
    )

    file_format = forms.ChoiceField(
        label=_("File format"),
        choices=[("csv", _("CSV (UTF-8)")), ("xlsx", _("Excel workbook (XLSX)"))],
        initial="csv",
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, answer_fields, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answers"].choices = answer_fields

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("meta") and not cleaned_data.get("answers"):
            raise forms.ValidationError(_("Choose at least one column."))
        return cleaned_data


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ExportView(FormToolMixin, TemplateView):
    template_name = "forms/admin/export.html"
    page_title = _("Export answers")

    def answer_fields(self):
        return labelled_fields(self.form_page)

    def get(self, request, form_key):
        form = ExportForm(answer_fields=self.answer_fields())
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, form_key):
        fields = self.answer_fields()
        form = ExportForm(request.POST, answer_fields=fields)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        chosen = set(form.cleaned_data["answers"])
        answer_fields = [(name, label) for name, label in fields if name in chosen]
        submissions = self.submissions().select_related("page", "page__locale", "assignee")
        if form.cleaned_data["statuses"]:
            submissions = submissions.filter(status__in=form.cleaned_data["statuses"])
        submissions = list(submissions.order_by("submit_time", "pk"))
        file_format = form.cleaned_data["file_format"] or "csv"
        export = export_xlsx if file_format == "xlsx" else export_csv
        content = export(submissions, set(form.cleaned_data["meta"]), answer_fields, self.versions)
        log_many(
            submissions,
            "forms.export",
            request.user,
            data={"fields": [name for name, _label in answer_fields], "format": file_format},
        )
        filename = f"{self.form_page.slug}-{timezone.localdate().isoformat()}.{file_format}"
        response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


class BalanceView(FormToolMixin, TemplateView):
    template_name = "forms/admin/balance.html"
    page_title = _("Balance of shortlisted and accepted applicants")

    def dispatch(self, request, form_key):
        response = super().dispatch(request, form_key)
        return response

    def get_context_data(self, **kwargs):
        if not isinstance(self.form_page, BoardApplicationPage):
            raise Http404
        context = super().get_context_data(**kwargs)
        submissions = self.submissions().filter(status__in=BALANCE_STATUSES)
        context["counts"] = balance_counts(self.versions, submissions.only("status", "form_data"))
        context["shortlisted"] = sum(1 for s in submissions if s.status == "shortlisted")
        context["total"] = submissions.count()
        return context


class ErasureLookupForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        help_text=_("The address the person gave in their submissions."),
    )
    reference = forms.CharField(
        label=_("Reference"),
        required=False,
        max_length=16,
        help_text=_("Or a submission's reference, for example SV-7K3Q-9XPM."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("email") and not cleaned_data.get("reference"):
            raise forms.ValidationError(_("Give an email address or a reference."))
        return cleaned_data


class ErasePersonView(WagtailAdminTemplateMixin, TemplateView):
    """Find and erase every submission of one person, on their request.

    Only submissions of forms the user moderates are found and erased.
    Lookup is by email digest (addresses are not stored in clear) or by reference.
    The lookup travels by POST, so the address never appears in a URL or log.
    """

    template_name = "forms/admin/erase_person.html"
    header_icon = "bin"
    page_title = _("Erase a person's data")

    def dispatch(self, request):
        if not moderation.moderated_pages_for(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request)

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=ErasureLookupForm()))

    def matching(self, cleaned_data):
        submissions = moderation.submissions_visible_to(self.request.user)
        if cleaned_data.get("email"):
            return submissions.filter(email_digest__in=lookup_digests(cleaned_data["email"]))
        return submissions.filter(reference=cleaned_data["reference"].strip().upper())

    def post(self, request):
        form = ErasureLookupForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        found = self.matching(form.cleaned_data).select_related("page", "page__locale")
        if request.POST.get("confirm") == "erase":
            count = found.erase(user=request.user, reason="erasure request")
            messages.success(
                request,
                ngettext("%(count)s submission erased.", "%(count)s submissions erased.", count)
                % {"count": count},
            )
            return redirect("forms_moderation:queue")
        return self.render_to_response(
            self.get_context_data(form=form, found=list(found), searched=True)
        )
