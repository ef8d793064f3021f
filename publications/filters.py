"""Filtering a resource library by type, topic, format and year, through a plain GET form.

One query reads every live resource's type, date, topics and formats (the facets); the
library fills its form, filters, counts and pages from those in Python, then loads only the
resources on the requested page, with their formats and documents (two more queries).

A value that is not one of the choices in use (``?year=abc``, a topic since removed) is
ignored, not an error: the library shows what the remaining filters match.
"""

from django import forms
from django.core.paginator import Paginator
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from partnerships.models.spotlights import ListingTag

from .models.common import documents_of
from .models.library import ResourceFormat, ResourcePage

#: The form's fields, in the order they are shown and kept in pagination links.
FILTERS = ("type", "topic", "format", "year")


class LibraryFilterForm(forms.Form):
    """The filter form above a resource library's list."""

    type = forms.ChoiceField(label=_("Type of document"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    year = forms.ChoiceField(label=_("Year published"), required=False)

    def __init__(self, *args, facets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All types")), *facets.type_choices()]
        self.fields["topic"].choices = [("", _("All topics")), *facets.topic_choices()]
        self.fields["format"].choices = [("", _("All formats")), *facets.format_choices()]
        self.fields["year"].choices = [("", _("All years")), *facets.year_choices()]


class LibraryFacets:
    """Every live resource of a library with its type, year, topics and formats, in one query."""

    def __init__(self, queryset):
        rows = queryset.order_by("-publication_date", "-pk").values_list(
            "pk", "document_type", "publication_date", "tags__slug", "tags__name", "formats__format"
        )
        self.entries = {}
        self.topics = {}
        for pk, document_type, published, tag_slug, tag_name, format_ in rows:
            entry = self.entries.setdefault(
                pk,
                {
                    "type": document_type,
                    "year": str(published.year),
                    "topics": {},
                    "formats": set(),
                },
            )
            if tag_slug is not None:
                entry["topics"][tag_slug] = tag_name
                self.topics[tag_slug] = tag_name
            if format_ is not None:
                entry["formats"].add(format_)

    def _in_use(self, key):
        """Return every value of ``key`` (one value, or a set of them) across the entries."""
        used = set()
        for entry in self.entries.values():
            value = entry[key]
            used.update(value if isinstance(value, set) else {value})
        return used

    def type_choices(self):
        """Return ``(value, label)`` for each type of document in the library, in model order."""
        used = self._in_use("type")
        return [(v, label) for v, label in ResourcePage.DocumentType.choices if v in used]

    def format_choices(self):
        """Return ``(value, label)`` for each format some resource comes in, in model order."""
        used = self._in_use("formats")
        return [(v, label) for v, label in ResourceFormat.Format.choices if v in used]

    def topic_choices(self):
        """Return ``(slug, name)`` for each topic in use, by name."""
        return sorted(self.topics.items(), key=lambda item: item[1].lower())

    def year_choices(self):
        """Return ``(year, year)`` for each year something was published, newest first."""
        return [(year, year) for year in sorted(self._in_use("year"), reverse=True)]

    def matching(self, type=None, topic=None, format=None, year=None):
        """Return the ids of the resources matching every given filter, newest first."""
        return [
            pk
            for pk, entry in self.entries.items()
            if (not type or entry["type"] == type)
            and (not topic or topic in entry["topics"])
            and (not format or format in entry["formats"])
            and (not year or entry["year"] == year)
        ]

    def resources(self, pks):
        """Return the resources ``pks`` in that order, with formats, documents and topics."""
        pks = list(pks)
        pages = (
            ResourcePage.objects.filter(pk__in=pks)
            .defer("body")
            .prefetch_related(documents_of("formats", ResourceFormat))
        )
        by_pk = {page.pk: page for page in pages}
        resources = [by_pk[pk] for pk in pks if pk in by_pk]
        for resource in resources:
            topics = self.entries[resource.pk]["topics"]
            resource.listing_tags = sorted(
                (ListingTag(slug, name) for slug, name in topics.items()),
                key=lambda t: t.name.lower(),
            )
        return resources


def library_context(library, request):
    """Return the template context of ``library``'s listing for ``request``'s filters."""
    facets = LibraryFacets(ResourcePage.objects.child_of(library).live())
    bound = LibraryFilterForm(request.GET, facets=facets)
    bound.is_valid()
    # Keep each filter that is one of the choices; drop the rest rather than fail.
    query = {name: bound.cleaned_data[name] for name in FILTERS if bound.cleaned_data.get(name)}
    matching = facets.matching(**query)
    paginator = Paginator(matching, library.per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    return {
        "filter_form": LibraryFilterForm(initial=query, facets=facets),
        "is_filtered": bool(query),
        "result_count": len(matching),
        "resources": facets.resources(page_obj.object_list),
        "page_obj": page_obj,
        "extra_query": urlencode(query),
    }
