"""What the publications page types share: where they live, and routing to a child."""

from django.db.models import Prefetch

# A library or a committee belongs to a partnership's site or to the network's own site.
PUBLICATION_PARENTS = ["partnerships.PartnershipHomePage", "network.NetworkHomePage"]


def documents_of(related_name, model):
    """Return a ``Prefetch`` of ``related_name`` (rows of ``model``) with their documents."""
    return Prefetch(related_name, queryset=model.objects.select_related("document"))


class PrefetchingChildRouteMixin:
    """Route to a child of one page type in one query, then prefetch its lists.

    Wagtail reads a child twice (generic, then specific) and each related row on demand; a
    parent whose children are all one type reads the child as that type at once::

        class CommitteePage(PrefetchingChildRouteMixin, Page):
            routed_child_model = "publications.MeetingPage"
            routed_child_related = ("minutes_document",)
            routed_child_prefetch = (documents_of("papers", MeetingPaper),)

    A slug that is not such a child falls back to Wagtail's own routing.
    """

    routed_child_model: str
    routed_child_related: tuple = ()
    routed_child_prefetch: tuple = ()

    def route(self, request, path_components):
        if path_components:
            from django.apps import apps

            slug, *remaining = path_components
            child = (
                apps.get_model(self.routed_child_model)
                .objects.child_of(self)
                .filter(slug=slug)
                .select_related(*self.routed_child_related)
                .prefetch_related(*self.routed_child_prefetch)
                .first()
            )
            if child is not None:
                # Spare Treebeard a query when Wagtail asks for the parent.
                child._cached_parent_obj = self
                return child.route(request, remaining)
        return super().route(request, path_components)
