"""What the publications page types share: where they live, and prefetching documents."""

from django.db.models import Prefetch

# A library or a committee belongs to a partnership's site or to the network's own site.
PUBLICATION_PARENTS = ["partnerships.PartnershipHomePage", "network.NetworkHomePage"]


def documents_of(related_name, model):
    """Return a ``Prefetch`` of ``related_name`` (rows of ``model``) with their documents."""
    return Prefetch(related_name, queryset=model.objects.select_related("document"))
