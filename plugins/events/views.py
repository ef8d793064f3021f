"""The events plugin's own views: the site's iCalendar feed, one event's .ics file, and the
sign-up form of an event booked on the site (the core's ``coproduction.taking_part``).

Both are mounted under ``/plugins/events/`` by the framework, which answers 404 on a site
where the plugin is off, so these views never check that themselves.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.models import Site

from chorus.common import ical
from coproduction.taking_part.views import public_page, sign_up_page

from .feeds import to_ical
from .listings import event_listing
from .models import EventPage

CONTENT_TYPE = "text/calendar; charset=utf-8"
FEED_CACHE_SECONDS = 300


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("No site answers at this address."))
    return site


def _calendar_response(body, filename, *, attachment=False):
    response = HttpResponse(body.encode("utf-8"), content_type=CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=FEED_CACHE_SECONDS)
    return response


def calendar_feed(request):
    """Serve every live event of the request's site as one iCalendar feed, soonest first."""
    site = _site(request)
    events = event_listing(EventPage.objects.in_site(site)).order_by("start", "pk")
    stamp = timezone.now()
    body = ical.calendar(
        (to_ical(event, request, hostname=site.hostname, stamp=stamp) for event in events),
        name=_("%(site)s events") % {"site": site.site_name or site.hostname},
    )
    return _calendar_response(body, f"{site.hostname}-events.ics")


def event_calendar(request, pk):
    """Serve one live event of the request's site as an .ics file to add to a calendar."""
    site = _site(request)
    event = get_object_or_404(event_listing(EventPage.objects.in_site(site)), pk=pk)
    body = ical.calendar([to_ical(event, request, hostname=site.hostname)])
    return _calendar_response(body, f"event-{event.pk}.ics", attachment=True)


def sign_up(request, pk):
    """Book a place on an event that takes bookings on this site."""
    return sign_up_page(request, public_page(request, EventPage, pk))
