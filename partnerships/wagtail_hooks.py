"""Admin glue for partnerships: the partner organisations snippet screens, and the
"Members" menu and screens for the secretaries of registers of members."""

import django_filters
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PartnerOrganisation, PartnerOrganisationTag


def _organisation_tags(request):
    """Tags used on at least one partner organisation, for the tag filter's choices."""
    return Tag.objects.filter(pk__in=PartnerOrganisationTag.objects.values("tag_id")).order_by(
        "name"
    )


class PartnerOrganisationFilterSet(WagtailFilterSet):
    """Filter the partner organisations list by kind and by tags."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=PartnerOrganisation.Kind.choices, empty_label=_("Any kind")
    )
    tags = django_filters.ModelMultipleChoiceFilter(
        label=_("Tags"),
        queryset=_organisation_tags,
        method="filter_tags",
    )

    class Meta:
        model = PartnerOrganisation
        fields = ["kind"]

    def filter_tags(self, queryset, name, value):
        """Keep organisations with any of the chosen tags (a subquery, so no duplicates)."""
        if not value:
            return queryset
        return queryset.filter(
            pk__in=PartnerOrganisationTag.objects.filter(tag__in=value).values("content_object_id")
        )


class PartnerOrganisationViewSet(SnippetViewSet):
    """The "Partner organisations" admin screens: one record per organisation."""

    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partner organisations")
    menu_name = "partner-organisations"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "kind", "org_id", "places_served", UpdatedAtColumn()]
    filterset_class = PartnerOrganisationFilterSet
    ordering = ["name"]


register_snippet(PartnerOrganisationViewSet)


@hooks.register("register_admin_urls")
def register_members_admin_urls():
    """The secretaries' screens, under /admin/members/."""
    from .admin import urls as members_admin_urls

    return [path("members/", include(members_admin_urls, namespace="members_admin"))]


@hooks.register("register_admin_menu_item")
def register_members_menu_item():
    """The "Members" menu, shown to people who keep a register of members."""
    from .admin.menu import members_menu_item

    return members_menu_item()
