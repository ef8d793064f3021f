"""The idea board: a Wagtail page per topic, listing its public ideas."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.plugins import PluginPageMixin

IDEAS_PER_PAGE = 10
#: The orders a visitor may choose with the board's "Sort by" form: value -> ordering.
SORTS = {
    "newest": ("-published_at", "-pk"),
    "supported": ("-support_count", "-published_at", "-pk"),
}


class IdeaBoardPage(CachedViewRestrictionsMixin, PluginPageMixin, Page):
    """One idea board: residents suggest ideas on a register topic, support and discuss them.

    Editors add a board under a partnership's home page (or the network home), choose its
    topic, write an introduction and the house rules (shown on the board and on every form),
    and choose whether contributions wait for a moderator (pre-moderation) or appear at once
    and can be hidden (post-moderation).
    """

    chorus_plugin = "ideas"

    class Moderation(models.TextChoices):
        PRE = "pre", _("Pre-moderation: nothing is public until a moderator approves it")
        POST = "post", _("Post-moderation: public at once, moderators can hide it")

    topic = models.ForeignKey(
        "coproduction.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The register topic this board is about."),
    )
    intro = RichTextField(_("introduction"), blank=True)
    house_rules = RichTextField(
        _("house rules"),
        help_text=_(
            "Shown on the board and above every form. Say what is welcome and what is not."
        ),
    )
    moderation = models.CharField(
        _("moderation"), max_length=4, choices=Moderation.choices, default=Moderation.PRE
    )
    accepting_ideas = models.BooleanField(
        _("open for new ideas"),
        default=True,
        help_text=_("Untick to close the board to new ideas; supports and comments stay open."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("topic"),
        FieldPanel("intro"),
        FieldPanel("house_rules"),
        MultiFieldPanel(
            [FieldPanel("moderation"), FieldPanel("accepting_ideas")], heading=_("Taking part")
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["partnerships.PartnershipHomePage", "network.NetworkHomePage"]
    # Ideas are people's contributions, kept as rows, not pages (DESIGN.md "Data"); the only
    # child is the board's Easy Read version (what it is for, and its house rules).
    subpage_types = ["easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("idea board")
        verbose_name_plural = _("idea boards")

    @property
    def pre_moderated(self):
        return self.moderation == self.Moderation.PRE

    def public_ideas(self):
        """The board's public ideas, each with ``support_count``."""
        from .contributions import Idea, Visibility

        return Idea.objects.filter(board=self, visibility=Visibility.PUBLISHED).annotate(
            support_count=Count("supports", distinct=True),
            comment_count=Count(
                "comments", filter=Q(comments__visibility=Visibility.PUBLISHED), distinct=True
            ),
        )

    def get_context(self, request, *args, **kwargs):
        """Add a page of public ideas in the order chosen by ``?sort=`` (newest by default)."""
        context = super().get_context(request, *args, **kwargs)
        sort = request.GET.get("sort")
        if sort not in SORTS:
            sort = "newest"
        ideas = self.public_ideas().order_by(*SORTS[sort])
        page_obj = Paginator(ideas, IDEAS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            sort=sort,
            sorts=[("newest", _("Newest")), ("supported", _("Most supported"))],
            page_obj=page_obj,
            ideas=page_obj.object_list,
        )
        return context
