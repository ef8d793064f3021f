"""The public record of a programme's grants: who received how much, for what, and where.

Served at ``awarded/`` under a :class:`~plugins.grants.models.GrantProgrammePage`. Only
active awards are listed (a withdrawn award was not, in the end, a grant), and only what
the 360Giving data publishes: the organisation, the project, the amount, the area and the
date, never the people behind an application. A page costs the same few queries however
many grants there are.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.urls import reverse

from ..models import Award
from ..models.money import pounds
from ..open_data.records import PERSONAL_FIELDS

PER_PAGE = 25


def _awards(programme):
    return (
        Award.objects.filter(status=Award.Status.ACTIVE, application__round__programme=programme)
        .select_related("application__round")
        .defer(*(f"application__{field}" for field in PERSONAL_FIELDS))
        .order_by("-awarded_at", "-pk")
    )


def awarded_page(request, page):
    """List ``page``'s active awards, newest first, with totals and the open data links."""
    awards = _awards(page)
    totals = awards.aggregate(count=Count("pk"), amount=Sum("amount"))
    by_round = [
        {
            "title": row["application__round__title"],
            "count": row["count"],
            "amount": pounds(row["amount"]),
        }
        for row in awards.order_by()
        .values("application__round__title", "application__round__opens_at")
        .annotate(count=Count("pk"), amount=Sum("amount"))
        .order_by("-application__round__opens_at", "application__round__title")
    ]
    paginator = Paginator(awards, PER_PAGE)
    paginator.__dict__["count"] = totals["count"]  # already counted: no second COUNT query
    page_obj = paginator.get_page(request.GET.get("page"))
    for award in page_obj.object_list:
        award.amount_display = pounds(award.amount)
    open_data = {"programme_id": page.pk}
    return page.render(
        request,
        template="grants/awarded_page.html",
        context_overrides={
            "page_obj": page_obj,
            "awards": page_obj.object_list,
            "total_count": totals["count"],
            "total_amount": pounds(totals["amount"]),
            "by_round": by_round if len(by_round) > 1 else [],
            "json_url": reverse("grants:programme_360giving_json", kwargs=open_data),
            "csv_url": reverse("grants:programme_360giving_csv", kwargs=open_data),
        },
    )
