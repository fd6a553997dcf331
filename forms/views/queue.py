"""The moderation queue: across every form a moderator moderates, or for one form."""

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.widgets.button import HeaderButton

from forms import moderation
from forms.appointment import can_change_data_protection
from forms.models import BoardApplicationPage, ModeratedSubmission, SubmissionStatus


def language_choices():
    from django.conf import settings

    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


class SubmissionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SubmissionStatus.choices)
    assignee = django_filters.ModelChoiceFilter(
        label=_("Assignee"),
        queryset=lambda request: (
            get_user_model().objects.filter(is_active=True).order_by("username")
        ),
        null_label=_("Unassigned"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        field_name="page__locale__language_code",
        choices=language_choices,
    )
    form = django_filters.ChoiceFilter(
        label=_("Form"), field_name="page__translation_key", choices=[]
    )

    class Meta:
        model = ModeratedSubmission
        fields = ["status", "assignee", "language", "form"]

    def __init__(self, *args, form_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if form_choices is None:
            del self.filters["form"]
        else:
            self.filters["form"].extra["choices"] = form_choices


def form_titles(forms):
    """{form key: title of its canonical version} for the pages given."""
    from wagtail.models import Locale

    default_locale_id = Locale.get_default().pk
    titles = {}
    for page in sorted(forms, key=lambda page: page.locale_id != default_locale_id):
        titles.setdefault(str(page.translation_key), page.title)
    return titles


class SubmissionQueueView(BaseListingView):
    """Submissions the user moderates, newest first, without their answers."""

    template_name = "forms/admin/queue.html"
    results_template_name = "wagtailadmin/generic/listing_results.html"
    page_title = _("Submissions")
    header_icon = "form"
    paginate_by = 50
    default_ordering = "-submit_time"
    filterset_class = SubmissionFilterSet
    verbose_name = _("submission")
    verbose_name_plural = _("submissions")
    index_url_name = "forms_moderation:queue"
    index_results_url_name = "forms_moderation:queue_results"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.form_key = kwargs.get("form_key")

    def dispatch(self, request, *args, **kwargs):
        if self.form_key is not None:
            versions = moderation.form_versions(self.form_key)
            if not versions:
                raise Http404
            if not moderation.can_moderate(request.user, versions[0]):
                raise PermissionDenied
            self.form_page = versions[0]
        elif not moderation.moderated_pages_for(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def visible_forms(self):
        return list(
            moderation.moderated_pages_for(self.request.user).only(
                "pk", "title", "translation_key", "locale_id"
            )
        )

    @cached_property
    def titles(self):
        return form_titles(self.visible_forms)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if self.form_key is None:
            kwargs["form_choices"] = sorted(self.titles.items(), key=lambda item: item[1])
        return kwargs

    def get_base_queryset(self):
        submissions = moderation.submissions_visible_to(self.request.user)
        if self.form_key is not None:
            submissions = submissions.filter(page__translation_key=self.form_key)
        return submissions.select_related("page", "page__locale", "assignee").defer("form_data")

    @property
    def columns(self):
        titles = self.titles
        return [
            TitleColumn(
                "reference",
                label=_("Reference"),
                get_url=lambda submission: reverse("forms_moderation:detail", args=[submission.pk]),
            ),
            Column(
                "form",
                label=_("Form"),
                accessor=lambda submission: titles.get(
                    str(submission.page.translation_key), submission.page.title
                ),
            ),
            Column(
                "language",
                label=_("Language"),
                accessor=lambda submission: submission.page.locale.get_display_name(),
            ),
            DateColumn("submit_time", label=_("Sent"), sort_key="submit_time"),
            Column(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                sort_key="status",
            ),
            Column(
                "assignee",
                label=_("Assignee"),
                accessor=lambda submission: (
                    submission.assignee.get_username() if submission.assignee else ""
                ),
            ),
            Column(
                "notified",
                label=_("Moderators notified"),
                accessor=lambda submission: (
                    _("Yes") if submission.moderators_notified_at else _("Not yet")
                ),
            ),
        ]

    def get_index_url(self):
        if self.form_key is not None:
            return reverse("forms_moderation:form_queue", args=[self.form_key])
        return super().get_index_url()

    def get_index_results_url(self):
        if self.form_key is not None:
            return reverse("forms_moderation:form_queue_results", args=[self.form_key])
        return super().get_index_results_url()

    def get_page_subtitle(self):
        if self.form_key is not None:
            return self.titles.get(str(self.form_key), self.form_page.title)
        return _("All forms")

    def get_header_buttons(self):
        buttons = []
        if self.form_key is not None:
            buttons.append(
                HeaderButton(
                    _("Export CSV"),
                    url=reverse("forms_moderation:export", args=[self.form_key]),
                    icon_name="download",
                )
            )
            if isinstance(self.form_page, BoardApplicationPage):
                buttons.append(
                    HeaderButton(
                        _("Balance"),
                        url=reverse("forms_moderation:balance", args=[self.form_key]),
                        icon_name="table",
                    )
                )
            if can_change_data_protection(self.request.user):
                buttons.append(
                    HeaderButton(
                        _("Moderators and retention"),
                        url=reverse("forms_moderation:data_protection", args=[self.form_key]),
                        icon_name="lock",
                    )
                )
        buttons.append(
            HeaderButton(
                _("Erase a person's data"),
                url=reverse("forms_moderation:erase_person"),
                icon_name="bin",
            )
        )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.form_key is None:
            context["forms"] = sorted(self.titles.items(), key=lambda item: item[1])
        return context
