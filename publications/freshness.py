"""Keep library and meeting pages fresh when a document they link to changes.

A resource's formats and a meeting's papers and minutes are Wagtail documents, shown with
their title, type and size on the resource or meeting page and on its library or committee
page, all cached (on the server and by a CDN). Publishing those pages refreshes them already;
editing or deleting a document is not a publication, so it refreshes the pages that show it
through ``chorus.plugins.refresh_site_content``. A document no page shows refreshes nothing.
"""

from django.db.models import Q
from django.db.models.signals import post_save, pre_delete
from wagtail.documents import get_document_model

from chorus.plugins import refresh_site_content


def pages_showing(document):
    """Return the live resource and meeting pages that show ``document``."""
    from .models import MeetingPage, ResourcePage

    resources = ResourcePage.objects.live().filter(formats__document=document)
    meetings = MeetingPage.objects.live().filter(
        Q(papers__document=document) | Q(minutes_document=document)
    )
    return [*resources.distinct(), *meetings.distinct()]


def document_changed(sender, instance, **kwargs):
    """Signal receiver: a document was saved, or is about to be deleted."""
    for page in pages_showing(instance):
        refresh_site_content(page.get_site(), pages=[page, page.get_parent()])


def connect():
    """Connect the receivers (called from the app's ``ready``)."""
    for signal in (post_save, pre_delete):
        signal.connect(
            document_changed,
            sender=get_document_model(),
            dispatch_uid=f"publications-fresh-document-{signal is post_save}",
        )
