"""The insight bank's public search page (one on the network home; optionally one per site)."""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from chorus.caching.restrictions import CachedViewRestrictionsMixin

from .common import COPRODUCTION_PARENTS

RESULTS_PER_PAGE = 20


class InsightFilterForm(forms.Form):
    """The search box and filters, GOV.UK style: every choice offered is one in the results."""

    q = forms.CharField(label=_("Search for"), required=False, max_length=200)
    theme = forms.MultipleChoiceField(
        label=_("Theme"), required=False, widget=forms.CheckboxSelectMultiple
    )
    place = forms.MultipleChoiceField(
        label=_("Place"), required=False, widget=forms.CheckboxSelectMultiple
    )
    source = forms.MultipleChoiceField(
        label=_("Source"), required=False, widget=forms.CheckboxSelectMultiple
    )
    group = forms.MultipleChoiceField(
        label=_("Population group"), required=False, widget=forms.CheckboxSelectMultiple
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        help_text=_("For example, 2026-01-31"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        help_text=_("For example, 2026-12-31"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must be on or after the start date"))
        return cleaned


class InsightBankPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """Search what people have told the network's partnerships.

    Anonymous visitors see public records (and the page may be cached for them); signed-in
    partner staff see what is shared with them, on a response that is never cached.

    Its routes: ``themes/<slug>/`` (a theme's patterns, for citing), ``themes/<slug>/csv/``
    (those figures), and the open data, ``open-data/csv/`` and ``open-data/json/`` (public
    records only, whoever asks).
    """

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = COPRODUCTION_PARENTS
    # Only its Easy Read version.
    subpage_types = ["easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("insight bank page")

    def _filters(self, form):
        from coproduction.insight.search import InsightFilters

        if not (form.is_bound and form.is_valid()):
            return InsightFilters()
        data = form.cleaned_data
        return InsightFilters(
            q=data.get("q") or "",
            themes=data.get("theme") or [],
            places=[place for place in data.get("place") or [] if place.isdigit()],
            sources=data.get("source") or [],
            groups=data.get("group") or [],
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )

    def get_context(self, request, *args, **kwargs):
        from chorus.common.error_summary import problems
        from coproduction.insight.search import highlight, search
        from coproduction.insight.visibility import is_partner, visible_to

        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        records = visible_to(request.user, site)
        form = InsightFilterForm(request.GET or None)
        # Validate the words and dates first; the choices are the facets found.
        for name in ("theme", "place", "source", "group"):
            form.fields[name].choices = [(value, value) for value in request.GET.getlist(name)[:50]]
        filters = self._filters(form)
        found = search(records, filters)
        for name, facets in found.facets.items():
            form.fields[name].choices = [
                (facet.value, f"{facet.label} ({facet.count})") for facet in facets
            ]
        paginator = Paginator(found.results, RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        records_on_page = list(page_obj.object_list)
        query = [
            (name, value)
            for name in ("q", "theme", "place", "source", "group", "date_from", "date_to")
            for value in request.GET.getlist(name)
            if value
        ]
        context.update(
            form=form,
            found=found,
            page_obj=page_obj,
            results=[(record, highlight(record.text, found.terms)) for record in records_on_page],
            is_filtered=not filters.is_empty,
            extra_query=urlencode(query),
            sees_shared=is_partner(request.user),
            problems=problems(form),
        )
        return context

    @path("themes/<slug:slug>/")
    def theme(self, request, slug):
        """How often a theme comes up, over time and by place, with recent public quotes."""
        from coproduction.insight.patterns import theme_report
        from coproduction.insight.visibility import visible_to
        from coproduction.models import InsightTheme

        theme = get_object_or_404(InsightTheme, slug=slug)
        site = self.get_site()
        records = visible_to(request.user, site)
        examples = (
            visible_to(None, site)
            .filter(themes=theme, kind="quote")
            .select_related("place", "source_page")[:5]
        )
        return self.render(
            request,
            template="coproduction/insight_theme.html",
            context_overrides={
                "theme": theme,
                "report": theme_report(records, theme),
                "examples": examples,
                "today": timezone.localdate(),
                "theme_url": self.get_full_url(request)
                + self.reverse_subpage("theme", args=[slug]),
                "search_url": self.get_url(request) + "?" + urlencode({"theme": slug}),
            },
        )

    @path("themes/<slug:slug>/csv/")
    def theme_csv(self, request, slug):
        import csv

        from coproduction.insight.patterns import csv_rows, theme_report
        from coproduction.insight.visibility import visible_to
        from coproduction.models import InsightTheme

        theme = get_object_or_404(InsightTheme, slug=slug)
        report = theme_report(visible_to(request.user, self.get_site()), theme)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{slug}-patterns.csv"'
        csv.writer(response).writerows(csv_rows(report))
        return response

    @path("open-data/csv/")
    def open_data_csv(self, request):
        from coproduction.insight.opendata import csv_response

        return csv_response(self._open_data_site())

    @path("open-data/json/")
    def open_data_json(self, request):
        from coproduction.insight.opendata import json_response

        return json_response(self._open_data_site())

    def _open_data_site(self):
        site = self.get_site()
        if site is None:
            raise Http404
        return site

    def serve(self, request, *args, **kwargs):
        """Never let a shared cache keep what a signed-in person sees."""
        response = super().serve(request, *args, **kwargs)
        patch_vary_headers(response, ["Cookie"])
        if request.user.is_authenticated:
            add_never_cache_headers(response)
            response["Cache-Control"] += ", private"
        return response
