"""Querysets of events for listings: the index, the feed and the home-page panels.

Each returns :class:`~plugins.events.models.EventPage` rows directly (never generic pages
made specific one by one), with the hosting partner joined, so a listing costs a constant
few queries however many events there are.
"""

from django.core.paginator import Page as DjangoPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, Max, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone


def event_listing(queryset):
    """Return the live events of ``queryset`` with their hosting partner joined."""
    return queryset.live().select_related("hosting_partner")


def upcoming(queryset, now=None):
    """Events that have not finished yet (including those happening now), soonest first."""
    now = now or timezone.now()
    return queryset.filter(end__gte=now).order_by("start", "pk")


def past(queryset, now=None):
    """Events that have finished, most recent first."""
    now = now or timezone.now()
    return queryset.filter(end__lt=now).order_by("-start", "-pk")


def _page_number(value):
    """Return a requested page number as a positive int (1 for anything unusable)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


def _page(rows, number, total, per_page):
    """Wrap one list's rows as a Django ``Page`` whose paginator knows ``total``."""
    paginator = Paginator([], per_page)
    paginator.__dict__["count"] = total  # the count came with the rows: no COUNT query
    return DjangoPage(rows, number, paginator)


def upcoming_and_past_pages(queryset, *, upcoming_page, past_page, per_page, now=None):
    """Return ``(upcoming, past)``: one Django ``Page`` of each list, in a single query.

    An events index shows two lists paginated separately. Two COUNT queries and two page
    queries would spend four of a page's ten queries, so the page of each list and each
    list's total are read at once with window functions: events are split by whether they
    have finished, numbered within each part in that part's order, and only the rows on
    the requested pages come back, each carrying its part's total.

    A page number past the end is clamped to the last page, as ``Paginator.get_page``
    does; that rare case costs one extra query per list.
    """
    now = now or timezone.now()
    numbers = {True: _page_number(upcoming_page), False: _page_number(past_page)}
    ahead = Q(end__gte=now)
    part = Case(When(ahead, then=Value(1)), default=Value(0), output_field=IntegerField())
    rows = (
        queryset.annotate(
            # The part as a window value too: Django can OR filters on window values only.
            part_flag=Window(Max(part), partition_by=[part]),
            position=Window(
                RowNumber(),
                partition_by=[part],
                order_by=[
                    Case(When(ahead, then=F("start"))).asc(),
                    Case(When(~ahead, then=F("start"))).desc(),
                    Case(When(ahead, then=F("pk"))).asc(),
                    Case(When(~ahead, then=F("pk"))).desc(),
                ],
            ),
            part_total=Window(Count("pk"), partition_by=[part]),
        )
        .filter(
            Q(
                part_flag=1,
                position__gt=(numbers[True] - 1) * per_page,
                position__lte=numbers[True] * per_page,
            )
            | Q(
                part_flag=0,
                position__gt=(numbers[False] - 1) * per_page,
                position__lte=numbers[False] * per_page,
            )
        )
        .order_by("-part_flag", "position")
    )
    found = {True: [], False: []}
    for row in rows:
        found[row.part_flag == 1].append(row)

    pages = {}
    for is_upcoming, ordered in ((True, upcoming), (False, past)):
        chosen = found[is_upcoming]
        number = numbers[is_upcoming]
        if chosen or number == 1:
            total = chosen[0].part_total if chosen else 0
            pages[is_upcoming] = _page(chosen, number, total, per_page)
        else:
            # Past the last page: fall back to the ordinary paginator, which clamps.
            paginator = Paginator(ordered(queryset, now), per_page)
            pages[is_upcoming] = paginator.get_page(number)
    return pages[True], pages[False]
