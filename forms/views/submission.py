"""One submission: its answers, status, assignee and notes; erasing it."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from forms import moderation
from forms.answers import labelled_answers
from forms.models import ModeratedSubmission, SubmissionNote, SubmissionStatus


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=SubmissionStatus.choices)


class AssigneeForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assignee"), queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args, moderators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = moderators


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Private note"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen only by this form's moderators. Encrypted like the answers."),
    )


def submission_for(request, pk):
    submission = get_object_or_404(
        ModeratedSubmission.objects.select_related("page", "page__locale", "assignee"), pk=pk
    )
    if not moderation.can_moderate(request.user, submission.page):
        raise PermissionDenied
    return submission


class SubmissionDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "forms/admin/submission_detail.html"
    header_icon = "form"

    def dispatch(self, request, pk):
        self.submission = submission_for(request, pk)
        self.moderators = moderation.moderators_of(self.submission.page)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Submission %(reference)s") % {"reference": self.submission.reference}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("forms_moderation:queue"), "label": _("Submissions")},
            {
                "url": reverse(
                    "forms_moderation:form_queue", args=[self.submission.page.translation_key]
                ),
                "label": moderation.canonical_page(self.submission.page).title,
            },
            {"url": "", "label": self.submission.reference},
        ]

    def get(self, request, pk):
        log(self.submission, "forms.view", user=request.user)
        return self.render_to_response(self.get_context_data())

    def post(self, request, pk):
        action = request.POST.get("action")
        handler = {
            "status": self.change_status,
            "assign": self.assign,
            "note": self.add_note,
        }.get(action)
        if handler is None:
            return redirect(request.path)
        return handler(request)

    def change_status(self, request):
        form = StatusForm(request.POST)
        if form.is_valid() and self.submission.set_status(
            form.cleaned_data["status"], request.user
        ):
            messages.success(request, _("Status changed."))
        return redirect(request.path)

    def assign(self, request):
        form = AssigneeForm(request.POST, moderators=self.moderators)
        if form.is_valid() and self.submission.set_assignee(
            form.cleaned_data["assignee"], request.user
        ):
            messages.success(request, _("Assignee changed."))
        return redirect(request.path)

    def add_note(self, request):
        form = NoteForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(note_form=form))
        SubmissionNote.objects.create(
            submission=self.submission, author=request.user, text=form.cleaned_data["text"]
        )
        log(self.submission, "forms.note", user=request.user)
        messages.success(request, _("Note added."))
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.submission
        context.update(
            {
                "submission": submission,
                "form_title": moderation.canonical_page(submission.page).title,
                "answers": labelled_answers(submission),
                "undecryptable": getattr(submission.form_data, "undecryptable", False),
                "notes": submission.notes.select_related("author"),
                "status_form": StatusForm(initial={"status": submission.status}),
                "assignee_form": AssigneeForm(
                    initial={"assignee": submission.assignee_id}, moderators=self.moderators
                ),
                "note_form": kwargs.get("note_form") or NoteForm(),
            }
        )
        return context


class EraseSubmissionView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "forms/admin/confirm_erase.html"
    header_icon = "bin"
    page_title = _("Erase submission")

    def dispatch(self, request, pk):
        self.submission = submission_for(request, pk)
        return super().dispatch(request, pk)

    def post(self, request, pk):
        form_key = self.submission.page.translation_key
        reference = self.submission.reference
        ModeratedSubmission.objects.filter(pk=self.submission.pk).erase(
            user=request.user, reason="moderator"
        )
        messages.success(
            request, _("Submission %(reference)s was erased.") % {"reference": reference}
        )
        return redirect("forms_moderation:form_queue", form_key)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["submissions"] = [self.submission]
        return context
