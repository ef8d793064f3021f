"""Factories for the resource library, committees and meetings, and small real documents.

Used by the tests and by ``seed_demo``. Pages are idempotent like every ``PageFactory``: a
page whose slug already exists under ``parent`` is returned as it is.

    library = ResourceLibraryPageFactory(parent=network.root_page)
    ResourcePageFactory(
        parent=library, formats=[("standard", make_document("Annual report 2025"))]
    )
    committee = CommitteePageFactory(parent=network.root_page)
    MeetingPageFactory(parent=committee, starts_at=at(date, 14), papers=[document])
"""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model

from chorus.common.factories import PageFactory

from .models import (
    CommitteePage,
    MeetingPage,
    MeetingPaper,
    ResourceFormat,
    ResourceLibraryPage,
    ResourcePage,
)


def pdf_bytes(title, lines=()):
    """Return a small, valid one-page PDF showing ``title`` and ``lines`` of plain text."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = [f"BT /F1 18 Tf 72 770 Td ({escape(title)}) Tj ET"]
    for n, line in enumerate(lines):
        text.append(f"BT /F1 12 Tf 72 {740 - 18 * n} Td ({escape(line)}) Tj ET")
    stream = "\n".join(text).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_document(title, lines=(), *, content=None, extension="pdf"):
    """Return the Wagtail document titled ``title``, made (as a small PDF by default) if new."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = content if content is not None else pdf_bytes(title, lines)
    document = Document(
        title=title, file=ContentFile(data, name=f"{slugify(title)[:80]}.{extension}")
    )
    document.file_size = len(data)
    document.save()
    return document


def at(date, hour, minute=0):
    """Return an aware datetime on ``date`` at ``hour:minute`` (Europe/London)."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour, minute)))


class ResourceLibraryPageFactory(PageFactory):
    """A site's resource library."""

    class Meta:
        model = ResourceLibraryPage

    title = "Resources"
    slug = "resources"
    introduction = "<p>Reports, leaflets and guides, in the formats people asked for.</p>"


class ResourcePageFactory(PageFactory):
    """A resource. ``formats``: ``(format, document or URL)`` pairs; ``tags``: topic names."""

    class Meta:
        model = ResourcePage

    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = "What people told us, and what changed."
    document_type = ResourcePage.DocumentType.REPORT
    publication_date = datetime.date(2025, 6, 1)

    @classmethod
    def _create(cls, model_class, *args, formats=(), **kwargs):
        kwargs["formats"] = [
            ResourceFormat(format=kind, **_document_or_link(target)) for kind, target in formats
        ]
        return super()._create(model_class, *args, **kwargs)


def _document_or_link(target):
    if isinstance(target, str):
        return {"link": target}
    return {"document": target}


class CommitteePageFactory(PageFactory):
    """A committee (a steering group, board or panel)."""

    class Meta:
        model = CommitteePage

    title = "Health assembly steering group"
    description = (
        "<p>Plans the health assemblies and checks that their recommendations are acted on.</p>"
    )
    membership = "<p>Two resident members, Healthwatch and the partnership's engagement lead.</p>"


class MeetingPageFactory(PageFactory):
    """A meeting of a committee. ``papers``: documents to attach, in order."""

    class Meta:
        model = MeetingPage

    title = factory.Sequence(lambda n: f"Meeting {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    status = MeetingPage.Status.UPCOMING
    location_name = "Gun Wharf, Chatham"

    @classmethod
    def _create(cls, model_class, *args, papers=(), **kwargs):
        kwargs["papers"] = [MeetingPaper(document=document) for document in papers]
        return super()._create(model_class, *args, **kwargs)
