"""Searching the insight bank: words (with synonyms) through Wagtail's search backend
(PostgreSQL full-text search in production), filters, facet counts and highlighting.

Everything starts from the records the person may see (``visible_to``), so facet counts,
results and totals never count a record they may not see::

    found = search(visible_to(user, site), InsightFilters(q="waiting times", place=3))
    found.results          # ordered by relevance (or newest first without words)
    found.facets["theme"]  # [Facet(value, label, count, selected), ...]
    highlight(record.text, found.terms)   # safe HTML with <mark> round the matched words
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import Count, F
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText

from coproduction.models import Insight, InsightSource, InsightSynonym, InsightTheme
from partnerships.models import PartnershipHomePage

from ..models.insight import group_label

#: Longest query text taken (the rest is ignored).
MAX_QUERY = 200
WORD = re.compile(r"[\w&'’-]+")


@dataclass
class InsightFilters:
    """What a search asks for; every part optional."""

    q: str = ""
    themes: list = field(default_factory=list)  # theme slugs
    places: list = field(default_factory=list)  # PartnershipHomePage pks
    sources: list = field(default_factory=list)  # InsightSource values
    groups: list = field(default_factory=list)  # group codes or labels
    date_from: date | None = None
    date_to: date | None = None

    @property
    def is_empty(self):
        return not (
            self.q.strip()
            or self.themes
            or self.places
            or self.sources
            or self.groups
            or self.date_from
            or self.date_to
        )


@dataclass(frozen=True)
class Facet:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Found:
    results: object  # a sliceable, countable sequence of Insight
    facets: dict
    terms: list
    total: int


def synonym_groups():
    """The synonym list: each group of words that mean the same, in lower case."""
    return [
        [term.lower() for term in synonym.terms()]
        for synonym in InsightSynonym.objects.all()
        if synonym.terms()
    ]


def _contains(text, phrase):
    return re.search(rf"(?<![\w&]){re.escape(phrase)}(?![\w&])", text) is not None


def expand(q, groups=None):
    """Split ``q`` into the words to match and the synonym groups it mentions.

    Returns ``(words, alternatives)``: the words of ``q`` outside any synonym, and for each
    synonym mentioned, every way of saying it. "GP waiting" with the group "gp, doctor" gives
    ``(["waiting"], [["gp", "doctor"]])``.
    """
    text = " ".join(q.lower().split())[:MAX_QUERY]
    alternatives = []
    for group in groups if groups is not None else synonym_groups():
        # The longest way of saying it first, so "emergency department" is taken whole.
        for term in sorted(group, key=len, reverse=True):
            if _contains(text, term):
                alternatives.append(group)
                text = re.sub(rf"(?<![\w&]){re.escape(term)}(?![\w&])", " ", text)
                break
    return WORD.findall(text), alternatives


def build_query(words, alternatives):
    """The Wagtail search query: every word, and one way of saying each synonym."""
    parts = [PlainText(word) for word in words]
    for group in alternatives:
        options = [Phrase(term) if " " in term else PlainText(term) for term in group]
        parts.append(options[0] if len(options) == 1 else Or(options))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def highlight(text, terms):
    """``text``, escaped, with each word starting with one of ``terms`` in ``<mark>``.

    Word starts are matched so that "wait" marks "waiting" as the full-text search (which
    stems words) would have found it.
    """
    terms = [term for term in terms if term]
    if not terms:
        return escape(text)
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w&])(?:{alternatives})[\w'’-]*", re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


def _stem(word):
    """A word's start for highlighting: "waiting" and "waits" both mark from "wait"."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def filtered(records, filters):
    """``records`` narrowed by every filter but the words."""
    if filters.themes:
        tagged = Insight.themes.through.objects.filter(insighttheme__slug__in=filters.themes)
        records = records.filter(pk__in=tagged.values("insight_id"))
    if filters.places:
        records = records.filter(place__in=filters.places)
    if filters.sources:
        records = records.filter(source__in=filters.sources)
    if filters.groups:
        records = records.filter(group__in=filters.groups)
    if filters.date_from:
        records = records.filter(date__gte=filters.date_from)
    if filters.date_to:
        records = records.filter(date__lte=filters.date_to)
    return records


def facets(matched, filters):
    """Counts of ``matched`` (an ``Insight`` queryset) by theme, place, source and group:
    each one pass over it, grouped by the database."""
    matched = matched.order_by()

    def counted(field):
        return dict(
            matched.values_list(field).annotate(count=Count("pk")).values_list(field, "count")
        )

    if connection.vendor == "postgresql":
        places, sources, groups = _grouped_counts(matched)
    else:
        places, sources, groups = counted("place"), counted("source"), counted("group")
    places.pop(None, None)
    themes = Insight.themes.through.objects.filter(insight__in=matched.values("pk"))
    return _facets(
        themes=dict(
            themes.values_list("insighttheme")
            .annotate(count=Count("pk"))
            .values_list("insighttheme", "count")
        ),
        places=places,
        sources=sources,
        groups=groups,
        filters=filters,
    )


def _grouped_counts(matched):
    """Counts by place, source and group in one pass (PostgreSQL's ``GROUPING SETS``)."""
    sql, params = matched.values("place_id", "source", "group").query.sql_with_params()
    places, sources, groups = {}, {}, {}
    with connection.cursor() as cursor:
        cursor.execute(
            'SELECT place_id, source, "group", GROUPING(place_id), GROUPING(source), COUNT(*) '
            f"FROM ({sql}) AS matched "
            'GROUP BY GROUPING SETS ((place_id), (source), ("group"))',
            params,
        )
        for place, source, group, no_place, no_source, count in cursor.fetchall():
            if not no_place:
                places[place] = count
            elif not no_source:
                sources[source] = count
            else:
                groups[group] = count
    return places, sources, groups


def _facets(*, themes, places, sources, groups, filters):
    """The facets from counts by theme pk, place pk, source value and group value."""
    theme_rows = InsightTheme.objects.filter(pk__in=themes).values_list("pk", "slug", "name")
    place_names = dict(PartnershipHomePage.objects.filter(pk__in=places).values_list("pk", "title"))
    source_labels = dict(InsightSource.choices)
    selected_places = {str(place) for place in filters.places}

    def ordered(facets):
        return sorted(facets, key=lambda facet: (-facet.count, facet.label))

    return {
        "theme": ordered(
            Facet(slug, name, themes[pk], slug in filters.themes) for pk, slug, name in theme_rows
        ),
        "place": ordered(
            Facet(str(pk), place_names.get(pk, ""), count, str(pk) in selected_places)
            for pk, count in places.items()
        ),
        "source": ordered(
            Facet(value, str(source_labels.get(value, value)), count, value in filters.sources)
            for value, count in sources.items()
        ),
        "group": ordered(
            Facet(value, group_label(value), count, value in filters.groups)
            for value, count in groups.items()
            if value
        ),
    }


class RankedResults(list):
    """The records matching a full-text query, most relevant first: a list of their keys,
    whose slices (what ``Paginator`` takes) are the records themselves."""

    def __init__(self, ids):
        super().__init__(ids)

    def count(self):
        return len(self)

    def __getitem__(self, index):
        ids = super().__getitem__(index)
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        records = Insight.objects.select_related("place", "source_page").prefetch_related("themes")
        found = records.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def __iter__(self):
        return iter(self[0 : len(self)])


def _among(queryset, keys, column="id"):
    """``queryset`` narrowed to rows whose ``column`` is one of ``keys``, sent to PostgreSQL
    as one array (hashed by PostgreSQL) rather than thousands of parameters."""
    table = queryset.model._meta.db_table
    where = f'"{table}"."{column}" IN (SELECT unnest(%s::bigint[]))'
    return queryset.extra(where=[where], params=[keys])


def _postgres_search(records, query, filters, with_facets):
    """Match ``query`` against Wagtail's search index directly, so that PostgreSQL uses the
    GIN index on its ``body`` (every field of an insight record is indexed as body), joined
    to ``records`` (visibility and filters), in one read that gives the order (by rank) and
    the facets but the themes.

    Returns ``(results, facets, total)``."""
    from django.contrib.contenttypes.models import ContentType

    backend = get_search_backend()
    compiler = backend.query_compiler_class(Insight.objects.all(), query)
    tsquery = compiler.build_tsquery(compiler.query, config=compiler.get_config(backend))
    rows = (
        records.filter(
            index_entries__content_type=ContentType.objects.get_for_model(Insight),
            index_entries__body=tsquery,
        )
        .annotate(rank=SearchRank(F("index_entries__body"), tsquery))
        .order_by()
        .values_list("pk", "place", "source", "group", "rank")
    )
    places, sources, groups = Counter(), Counter(), Counter()
    ranked = []
    for pk, place, source, group, rank in rows:
        ranked.append((-rank, -pk))
        if place is not None:
            places[place] += 1
        sources[source] += 1
        groups[group] += 1
    ranked.sort()
    visible = [-pk for _rank, pk in ranked]
    results = RankedResults(visible)
    found_facets = {}
    if with_facets and visible:
        themes = dict(
            _among(Insight.themes.through.objects.all(), visible, "insight_id")
            .values_list("insighttheme")
            .annotate(count=Count("pk"))
            .values_list("insighttheme", "count")
        )
        found_facets = _facets(
            themes=themes, places=places, sources=sources, groups=groups, filters=filters
        )
    elif with_facets:
        found_facets = {"theme": [], "place": [], "source": [], "group": []}
    return results, found_facets, len(results)


def search(records, filters, *, with_facets=True):
    """Search ``records`` (already narrowed to what the person may see) with ``filters``."""
    records = filtered(records, filters)
    words, alternatives = expand(filters.q)
    query = build_query(words, alternatives)
    terms = [_stem(word) for word in words] + [
        _stem(term) for group in alternatives for term in group
    ]
    if query is None:
        results = (
            records.select_related("place", "source_page")
            .prefetch_related("themes")
            .order_by("-date", "-pk")
        )
        matched = records
    elif connection.vendor == "postgresql":
        results, found_facets, total = _postgres_search(records, query, filters, with_facets)
        return Found(results=results, facets=found_facets, terms=terms, total=total)
    else:
        # Through Wagtail's backend: filters and visibility reach it as one subquery on the
        # primary key (the only filter field it needs), so any queryset can be searched.
        candidates = (
            Insight.objects.filter(pk__in=records.values("pk"))
            .select_related("place", "source_page")
            .prefetch_related("themes")
        )
        results = get_search_backend().search(query, candidates, order_by_relevance=True)
        matched = Insight.objects.filter(pk__in=results.get_queryset().values("pk"))
    if not with_facets:
        return Found(results=results, facets={}, terms=terms, total=matched.count())
    found_facets = facets(matched, filters)
    # Every record has exactly one source: the sources' counts add up to the total.
    total = sum(facet.count for facet in found_facets["source"])
    return Found(results=results, facets=found_facets, terms=terms, total=total)
