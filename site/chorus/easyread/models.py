"""The Easy Read version of a page."""

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.plugins.pages import page_is_switched_off

from .blocks import EasyReadBodyBlock

#: The name page types use in ``subpage_types`` to allow an Easy Read version.
EASY_READ_PAGE = "easyread.EasyReadPage"


class EasyReadPage(CachedViewRestrictionsMixin, Page):
    """The Easy Read version of its parent page, the "standard version".

    Editors add it as a child of the page it explains ("Add child page" on the charter, an
    assembly, a home page...), so every page type can have one without a link to choose and
    keep in step: the version moves, is copied and is translated with its original, and its
    address is the original's followed by its own slug (``/charter/easy-read/``). A page has
    at most one. Page types that leave ``subpage_types`` unset allow it already; those that
    list their children add ``EASY_READ_PAGE`` to the list (tests/easyread checks every page
    type). The original shows an "Easy Read version" link near the top (``easyread_tags``),
    and this page links back to it.

    Its body is built from pictures beside short sentences (``blocks.EasyReadBlock``);
    sentences over 15 words are flagged to the editor on saving and while typing.
    """

    body = StreamField(EasyReadBodyBlock(), verbose_name=_("Easy Read content"))

    content_panels = [*Page.content_panels, FieldPanel("body")]

    search_fields = [*Page.search_fields, index.SearchField("body")]

    # Under any page but the tree's root and another Easy Read page (see can_exist_under).
    parent_page_types = None
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Easy Read version")
        verbose_name_plural = _("Easy Read versions")

    @classmethod
    def can_exist_under(cls, parent):
        """An Easy Read version explains a real page: not the root, nor another version."""
        return (
            super().can_exist_under(parent)
            and not parent.is_root()
            and parent.specific_class is not cls
        )

    def sentences(self):
        """Return the text of every heading and sentence on the page, in order."""
        return self.body.stream_block.sentences(self.body)

    def original(self):
        """Return the standard version: the page this one explains (read once, then kept)."""
        return self.get_parent()

    def serve(self, request, *args, **kwargs):
        """Answer 404 where the original does: its plugin is off for the site."""
        site = Site.find_for_request(request) or self.get_site()
        if page_is_switched_off(self.original(), site):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """Add the original page, and read every picture's renditions in one query."""
        context = super().get_context(request, *args, **kwargs)
        context["original"] = self.original()
        pictures = self.body.stream_block.pictures(self.body)
        prefetch_related_objects(pictures, "renditions")
        return context
