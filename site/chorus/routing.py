"""Routing shortcuts for index pages whose children are all of one page type."""


class SingleQueryChildRouteMixin:
    """Find a child page in one query, with its related objects, instead of Wagtail's three.

    Wagtail routes ``/index/child/`` by fetching the generic child, then its specific row,
    then each foreign key the template uses. An index whose children are all one type can
    do it at once::

        class EventIndexPage(SingleQueryChildRouteMixin, Page):
            routed_child_model = "events.EventPage"
            routed_child_related = ("hosting_partner",)

    Lists the child's page shows can be prefetched too, with ``routed_child_prefetch``
    (lookups or ``Prefetch`` objects; a property when they name a model defined later).

    A slug that is not a child of that type falls back to Wagtail's own routing.
    """

    routed_child_model: str
    routed_child_related: tuple[str, ...] = ()
    routed_child_prefetch: tuple = ()

    def route(self, request, path_components):
        if path_components:
            from django.apps import apps

            slug, *remaining = path_components
            model = apps.get_model(self.routed_child_model)
            child = (
                model.objects.child_of(self)
                .select_related(*self.routed_child_related)
                .prefetch_related(*self.routed_child_prefetch)
                .filter(slug=slug)
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, remaining)
        return super().route(request, path_components)
