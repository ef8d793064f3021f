"""Refuse to delete a page that holds grant programmes with rounds.

Rounds hold money and applications, which are never deleted, so a programme page with
rounds (or a home page above one) cannot be deleted either. The database would refuse
(``on_delete=PROTECT``); these checks say so to the editor before it gets that far.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import ngettext
from wagtail.models import Page

from ..models import GrantRound


def rounds_under(pages):
    """Return the grant rounds whose programme is one of ``pages`` or below them."""
    rounds = GrantRound.objects.none()
    for page in pages:
        rounds = rounds | GrantRound.objects.filter(programme__path__startswith=page.path)
    return rounds


def refuse_if_rounds_below(request, pages):
    """Return a redirect back with an explanation when deleting ``pages`` would lose rounds."""
    count = rounds_under(pages).count()
    if not count:
        return None
    messages.error(
        request,
        ngettext(
            "This can't be deleted: it holds a grant programme with %(count)d funding round, "
            "and rounds keep their applications and money for good. Unpublish it instead.",
            "This can't be deleted: it holds a grant programme with %(count)d funding rounds, "
            "and rounds keep their applications and money for good. Unpublish it instead.",
            count,
        )
        % {"count": count},
    )
    first = pages[0]
    return redirect("wagtailadmin_explore", first.get_parent().pk if first.depth > 1 else first.pk)


def before_delete_page(request, page):
    """Wagtail's ``before_delete_page`` hook: stop the delete view for such a page."""
    return refuse_if_rounds_below(request, [page])


def before_bulk_action(request, action_type, objects, action_class_instance):
    """Wagtail's ``before_bulk_action`` hook: stop a bulk delete that includes such a page."""
    if action_type != "delete":
        return None
    pages = [item for item in objects if isinstance(item, Page)]
    if not pages:
        return None
    return refuse_if_rounds_below(request, pages)
