"""The public "You said, we did" tracker: which recommendations a tracker shows, its filters
(place, organisation, status, source) and the page's context.

A partnership's tracker shows its site's recommendations and those about its place; the
network's shows every site's. A few queries per page, however many recommendations: the
page of recommendations is read with its commitments, organisations, updates and places
prefetched.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from coproduction.models import Commitment, CommitmentUpdate, Recommendation, SourceKind
from partnerships.models import PartnerOrganisation, PartnershipHomePage

#: Recommendations per page.
PER_PAGE = 10


def recommendations_on(page):
    """Every recommendation ``page`` (a ``YouSaidWeDidPage``) shows, before filters."""
    recommendations = Recommendation.objects.all()
    if page.across_network:
        return recommendations
    home = page.partnership_home
    ids = Recommendation.objects.filter(Q(site__root_page=home) | Q(places=home)).values("pk")
    return recommendations.filter(pk__in=ids)


class FilterForm(forms.Form):
    """The tracker's filters, all optional; a value that is not offered is ignored."""

    place = forms.TypedChoiceField(label=_("Place"), required=False, coerce=int, empty_value=None)
    organisation = forms.TypedChoiceField(
        label=_("Organisation"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    source = forms.ChoiceField(label=_("Where it came from"), required=False)

    def __init__(self, data, recommendations, *, across_network):
        super().__init__(data)
        everyone = [("", _("All"))]
        if across_network:
            places = PartnershipHomePage.objects.order_by("title").values_list("pk", "title")
            self.fields["place"].choices = everyone + list(places)
        else:
            del self.fields["place"]
        organisations = (
            PartnerOrganisation.objects.filter(
                commitments__recommendation__in=recommendations.values("pk")
            )
            .distinct()
            .order_by("name")
            .values_list("pk", "name")
        )
        self.fields["organisation"].choices = everyone + list(organisations)
        self.fields["status"].choices = everyone + list(Commitment.Status.choices)
        self.fields["source"].choices = everyone + list(SourceKind.choices)

    def filtered(self, recommendations):
        """``recommendations`` narrowed by the valid filters chosen."""
        self.is_valid()
        chosen = {name: value for name, value in self.cleaned_data.items() if value}
        if chosen.get("place"):
            place = chosen["place"]
            ids = Recommendation.objects.filter(
                Q(site__root_page_id=place) | Q(places=place)
            ).values("pk")
            recommendations = recommendations.filter(pk__in=ids)
        if chosen.get("source"):
            recommendations = recommendations.filter(source_kind=chosen["source"])
        commitments = Commitment.objects.all()
        if chosen.get("organisation"):
            commitments = commitments.filter(organisation_id=chosen["organisation"])
        if chosen.get("status"):
            commitments = commitments.filter(status=chosen["status"])
        if chosen.get("organisation") or chosen.get("status"):
            recommendations = recommendations.filter(pk__in=commitments.values("recommendation_id"))
        self.chosen = chosen
        return recommendations


def with_details(recommendations):
    """``recommendations`` with what the tracker and open data show, prefetched."""
    updates = CommitmentUpdate.objects.order_by("made_at", "pk")
    commitments = (
        Commitment.objects.select_related("organisation")
        .prefetch_related(Prefetch("updates", queryset=updates))
        .order_by("due_date", "pk")
    )
    return recommendations.select_related("site", "source_page").prefetch_related(
        Prefetch("commitments", queryset=commitments),
        Prefetch("places", queryset=PartnershipHomePage.objects.only("pk", "title")),
    )


def filtered_recommendations(page, data):
    """``(form, recommendations)``: the tracker's filter form and what it selects."""
    recommendations = recommendations_on(page)
    form = FilterForm(data, recommendations, across_network=page.across_network)
    return form, form.filtered(recommendations)


def page_context(page, request):
    """What the tracker's template needs: the filters, a page of recommendations, counts."""
    form, recommendations = filtered_recommendations(page, request.GET)
    paginator = Paginator(with_details(recommendations), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    query = urlencode(form.chosen)
    page_url = page.get_url(request) or page.url
    return {
        "filter_form": form,
        "is_filtered": bool(form.chosen),
        "recommendations": page_obj.object_list,
        "page_obj": page_obj,
        "result_count": paginator.count,
        "extra_query": query,
        "json_url": f"{page_url}data/json/" + (f"?{query}" if query else ""),
        "csv_url": f"{page_url}data/csv/" + (f"?{query}" if query else ""),
        "statuses": Commitment.Status,
    }
