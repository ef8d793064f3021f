"""A recommendation's source as hooks are told it, and tracking an assembly's recommendations."""

from django.db import IntegrityError, transaction

from chorus.plugins import Source
from coproduction.models import Recommendation, SourceKind


def source_of(recommendation):
    """The :class:`~chorus.plugins.Source` of ``recommendation``, for ``chorus_people_to_tell``."""
    page = recommendation.source_page.specific if recommendation.source_page_id else None
    model = ""
    if recommendation.source_content_type_id:
        content_type = recommendation.source_content_type
        model = f"{content_type.app_label}.{content_type.model}"
    return Source(
        kind=recommendation.source_kind,
        page=page,
        model=model,
        object_id=recommendation.source_object_id,
        label=recommendation.source_name,
        url=recommendation.source_url or (page.full_url if page is not None else "") or "",
    )


def track_assembly_recommendations(assembly, site):
    """Make a tracked :class:`Recommendation` of each item in ``assembly``'s recommendations
    that is not tracked yet; return the new ones. Safe to run again (and twice at once): an
    item is tracked once, by the database's unique constraint on page and item."""
    made = []
    for block in assembly.recommendations:
        if block.block_type != "recommendation":
            continue
        value = block.value
        if Recommendation.objects.filter(source_page=assembly, source_item=block.id).exists():
            continue
        try:
            with transaction.atomic():
                made.append(
                    Recommendation.objects.create(
                        site=site,
                        title=value["recommendation"][:255],
                        what_people_said=value.get("detail") or "",
                        source_kind=SourceKind.ASSEMBLY,
                        source_page=assembly,
                        source_item=block.id,
                        source_label=assembly.title,
                        made_on=assembly.end_date or assembly.start_date,
                    )
                )
        except IntegrityError:
            continue
    return made
