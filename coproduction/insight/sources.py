"""Records made automatically, each idempotent by its ``key``:

- from survey answers whose author agreed to be quoted (``chorus_on_response_submitted``,
  see ``coproduction.hooks``): one quote per free-text answer, public once reviewed;
- from a partner spotlight's "what people told them", when the page is published;
- from an assembly's recommendations, when the page is published (public once the assembly
  is reported; until then, for its partnership only).

A repeat (a retried task, a page published again) updates or leaves the record; it never
makes a second one.
"""

import html
import logging

from django.db import IntegrityError, transaction
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.signals import page_published

from coproduction.models import ConsentLevel, Insight, InsightSource, InsightTheme

from .visibility import site_partnership

logger = logging.getLogger(__name__)


def _plain(rich_text):
    """Rich text as plain paragraphs."""
    for end in ("</p>", "</li>", "<br/>", "<br>"):
        rich_text = rich_text.replace(end, end + "\n")
    text = html.unescape(strip_tags(rich_text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _store(key, themes=(), tags=(), **fields):
    """Make the record ``key``, or update the one made before. Returns it."""
    try:
        with transaction.atomic():
            record, created = Insight.objects.select_for_update().get_or_create(
                key=key, defaults=fields
            )
    except IntegrityError:  # made at the same moment by another worker
        record, created = Insight.objects.get(key=key), False
    if not created:
        changed = {name: value for name, value in fields.items() if getattr(record, name) != value}
        # A record staff have reviewed keeps their edits (and redactions) to its text.
        if not record.needs_review:
            changed.pop("text", None)
            changed.pop("needs_review", None)
        for name, value in changed.items():
            setattr(record, name, value)
        if changed:
            record.save()
    if created:
        if themes:
            record.themes.set(themes)
        if tags:
            record.tags.add(*tags)
        if themes or tags:
            record.save()
    return record


def _themes_named(names):
    lowered = [name.lower() for name in names]
    return [theme for theme in InsightTheme.objects.all() if theme.name.lower() in lowered]


def from_response(site, response):
    """Quotes from a survey response (or another ``SubmittedResponse``) whose author agreed
    to be quoted; nothing otherwise. Awaiting review until staff have read them."""
    if not response.may_quote or not response.statements:
        return []
    partnership = site_partnership(site)
    source = InsightSource.SURVEY if response.key.startswith("surveys:") else InsightSource.PARTNER
    records = []
    for number, statement in enumerate(response.statements, start=1):
        if not statement.text.strip():
            continue
        label = Truncator(f"{response.source}: {statement.prompt}").chars(255)
        records.append(
            _store(
                f"{response.key}:{number}",
                themes=_themes_named(response.topics),
                tags=[Truncator(topic).chars(100) for topic in response.topics],
                text=statement.text.strip(),
                kind=Insight.Kind.QUOTE,
                source=source,
                source_label=label,
                source_url=response.url[:500],
                date=response.submitted_at.date(),
                partnership=partnership,
                place=partnership,
                consent=ConsentLevel.PUBLIC,
                needs_review=True,
            )
        )
    return records


def _owner(page):
    site = page.get_site()
    return site_partnership(site)


def from_spotlight(page):
    """The spotlight's "what people told them", as one public summary."""
    key = f"spotlight:{page.pk}"
    text = _plain(page.what_people_told_them or "")
    if not text:
        Insight.objects.filter(key=key).delete()
        return None
    partnership = _owner(page)
    return _store(
        key,
        text=text,
        kind=Insight.Kind.SUMMARY,
        source=InsightSource.SPOTLIGHT,
        source_page_id=page.pk,
        source_label=page.title[:255],
        date=page.date_published,
        partnership=partnership,
        place=partnership,
        organisation=page.organisation,
        consent=ConsentLevel.PUBLIC,
        needs_review=False,
    )


def from_assembly(page):
    """One record per recommendation; those removed from the page are removed here."""
    prefix = f"assembly:{page.pk}:"
    reported = page.status == page.Status.REPORTED
    partnership = _owner(page)
    keys = []
    for block in page.recommendations:
        value = block.value
        text = value.get("recommendation", "")
        if value.get("detail"):
            text = f"{text}\n{value['detail']}"
        if not text.strip():
            continue
        key = f"{prefix}{block.id}"
        keys.append(key)
        _store(
            key,
            text=text.strip(),
            kind=Insight.Kind.SUMMARY,
            source=InsightSource.ASSEMBLY,
            source_page_id=page.pk,
            source_label=page.title[:255],
            date=page.end_date or page.start_date,
            partnership=partnership,
            place=partnership,
            consent=ConsentLevel.PUBLIC if reported else ConsentLevel.PARTNERSHIP,
            needs_review=False,
        )
    Insight.objects.filter(key__startswith=prefix).exclude(key__in=keys).delete()
    return keys


def on_page_published(sender, instance, **kwargs):
    from coproduction.models import AssemblyPage
    from partnerships.models import SpotlightPage

    page = instance.specific
    try:
        if isinstance(page, SpotlightPage):
            from_spotlight(page)
        elif isinstance(page, AssemblyPage):
            from_assembly(page)
    except Exception:
        logger.exception("Could not add insight from page %s", instance.pk)


def connect():
    page_published.connect(on_page_published, dispatch_uid="coproduction-insight-from-pages")
