"""An iCalendar feed of funding and consultation-call deadlines, one per language.

People subscribe to ``/feeds/<language>/deadlines.ics`` in any calendar
application and see each deadline, linked to its page, without giving
anyone their email address. Only live, public pages count; deadlines more
than ``PAST_DAYS`` ago are left out so the calendar stays small.
"""

import datetime
import uuid

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.open_data_http import open_data_view
from core.syndication import site_language
from core.visibility import visible_to_public
from forms.models import ConsultationCallPage
from funding.models import FundingOpportunityPage

PAST_DAYS = 30
UID_NAMESPACE = uuid.UUID("8d7e3c52-0b39-5d8c-a7a4-646561646c69")


def funding_deadlines(language, since):
    pages = FundingOpportunityPage.objects.filter(
        locale__language_code=language, closes_on__gte=since
    )
    return visible_to_public(pages).order_by("closes_on", "title")


def call_deadlines(language, since):
    pages = ConsultationCallPage.objects.filter(
        locale__language_code=language,
        closes_at__gte=datetime.datetime.combine(since, datetime.time(), tzinfo=datetime.UTC),
    )
    return visible_to_public(pages).order_by("closes_at", "title")


def event_for(page, request, kind, summary, description):
    url = page.get_full_url(request)
    event = Event()
    # The same event in every language's calendar, and after every edit.
    event.add(
        "uid", f"{uuid.uuid5(UID_NAMESPACE, f'{kind}:{page.translation_key}')}@{request.get_host()}"
    )
    event.add("dtstamp", page.last_published_at or timezone.now())
    event.add("summary", summary)
    event.add("description", f"{description}\n\n{url}" if description else url)
    event.add("url", url)
    return event


def build_calendar(request, language):
    since = timezone.localdate() - datetime.timedelta(days=PAST_DAYS)
    calendar = Calendar()
    calendar.add("prodid", "-//Survivor Voices Portal//Deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Funding and consultation deadlines"))
    calendar.add(
        "x-wr-caldesc", _("Closing dates of funding opportunities and consultation calls.")
    )
    for page in funding_deadlines(language, since):
        event = event_for(
            page,
            request,
            "funding",
            _("Funding deadline: %(title)s") % {"title": page.title},
            page.summary,
        )
        # An all-day event: funding closes on a date, not at a moment.
        event.add("dtstart", page.closes_on)
        event.add("dtend", page.closes_on + datetime.timedelta(days=1))
        event.add("categories", [_("Funding")])
        calendar.add_component(event)
    for page in call_deadlines(language, since):
        event = event_for(
            page,
            request,
            "call",
            _("Consultation deadline: %(title)s") % {"title": page.title},
            page.introduction,
        )
        event.add("dtstart", page.closes_at.astimezone(datetime.UTC))
        event.add("dtend", page.closes_at.astimezone(datetime.UTC))
        event.add("categories", [_("Consultation")])
        calendar.add_component(event)
    return calendar


@open_data_view
def deadline_calendar(request, language):
    with translation.override(site_language(language)):
        calendar = build_calendar(request, language)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="deadlines-{language}.ics"'
    return response
