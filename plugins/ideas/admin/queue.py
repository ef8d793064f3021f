"""The moderation queue's three lists, narrowed by the moderator's filters, 25 to a page.

Every list starts from the boards the moderator moderates, so a filter can only narrow it:
a board from another site is refused by the filter form and could match nothing anyway.
Each list costs a count and a page of rows whatever its length; the waiting list, which
holds ideas and comments, pages through a union of the two and then fetches the page's rows.
"""

from django.core.paginator import Paginator
from django.db.models import CharField, Q, Value

from ..models import Comment, Idea, Report, Visibility

PER_PAGE = 25

#: The query parameter holding each list's page number.
PAGE_PARAMS = {"waiting": "waiting_page", "reports": "reports_page", "ideas": "ideas_page"}


def _about(filters, idea_path, text_path=None):
    """A ``Q`` for the ideas at ``idea_path`` (``""``, ``"idea__"``…) on the chosen board,
    with the chosen status and containing the words; a comment at ``text_path`` may hold
    the words instead."""
    q = Q()
    if board := filters.get("board"):
        q &= Q(**{f"{idea_path}board": board})
    if status := filters.get("status"):
        q &= Q(**{f"{idea_path}status": status})
    if words := filters.get("q"):
        found = Q(**{f"{idea_path}title__icontains": words}) | Q(
            **{f"{idea_path}description__icontains": words}
        )
        if text_path is not None:
            found |= Q(**{f"{text_path}text__icontains": words})
        q &= found
    return q


def _visible(filters, path):
    visibility = filters.get("visibility")
    return Q(**{f"{path}visibility": visibility}) if visibility else Q()


def ideas_matching(filters, path=""):
    """A ``Q`` for the ideas at ``path`` that match ``filters``."""
    return _about(filters, path) & _visible(filters, path)


def comments_matching(filters, path=""):
    """A ``Q`` for the comments at ``path`` that match ``filters`` (through their idea)."""
    return _about(filters, f"{path}idea__", path) & _visible(filters, path)


def _page(queryset, request, name):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get(PAGE_PARAMS[name]))


def waiting(request, boards, filters):
    """A page of the ideas and comments waiting for moderation, oldest first; its
    ``object_list`` holds ``(kind, idea or comment)`` pairs."""
    kind = CharField()
    ideas = (
        Idea.objects.filter(board__in=boards, visibility=Visibility.PENDING)
        .filter(ideas_matching(filters))
        .annotate(kind=Value("idea", output_field=kind))
        .order_by()
        .values_list("created_at", "kind", "id")
    )
    comments = (
        Comment.objects.filter(idea__board__in=boards, visibility=Visibility.PENDING)
        .filter(comments_matching(filters))
        .annotate(kind=Value("comment", output_field=kind))
        .order_by()
        .values_list("created_at", "kind", "id")
    )
    page = _page(
        ideas.union(comments, all=True).order_by("created_at", "kind", "id"), request, "waiting"
    )
    rows = list(page.object_list)
    found = {
        "idea": Idea.objects.select_related("board").in_bulk(
            [pk for _, what, pk in rows if what == "idea"]
        ),
        "comment": Comment.objects.select_related("idea__board").in_bulk(
            [pk for _, what, pk in rows if what == "comment"]
        ),
    }
    page.object_list = [(what, found[what][pk]) for _, what, pk in rows if pk in found[what]]
    return page


def reports(request, boards, filters):
    """A page of the open reports, oldest first."""
    return _page(
        Report.objects.filter(resolved_at__isnull=True)
        .filter(Q(idea__board__in=boards) | Q(comment__idea__board__in=boards))
        .filter(
            (Q(idea__isnull=False) & ideas_matching(filters, "idea__"))
            | (Q(comment__isnull=False) & comments_matching(filters, "comment__"))
        )
        .select_related("idea__board", "comment__idea__board")
        .order_by("created_at", "pk"),
        request,
        "reports",
    )


def ideas(request, boards, filters):
    """A page of the ideas past moderation, newest first."""
    return _page(
        Idea.objects.filter(board__in=boards)
        .exclude(visibility=Visibility.PENDING)
        .filter(ideas_matching(filters))
        .select_related("board")
        .order_by("-created_at", "-pk"),
        request,
        "ideas",
    )


def query_keeping(request, keys, leaving_out):
    """The request's query string with only ``keys`` (the filters and the lists' pages),
    less ``leaving_out``: what a list's page links carry so the rest stays as it was."""
    kept = request.GET.copy()
    for key in list(kept):
        if key not in keys or key == leaving_out:
            del kept[key]
    return kept.urlencode()
